"""The literal pre-check of routing.patterns (built on CPython's private ``re._parser``) never changes
a result: a pattern with its pre-check matches exactly where the plain regex does."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.patterns import FLAGS, FOLDS_TO_ASCII, Pattern, fold_lower, folds_to_ascii

# kana/kanji (uncased: needles of their own) and Greek sigmas (cased, three forms: never a needle)
ATOMS = st.sampled_from(["abc", "ABC", "xyz", "a", "b", "c", "-", " ", "\\d", ".", "é", "İ", "K", "停止", "アカウント",
                         "σς", "Σ"])


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "alt", "opt", "star", "ahead", "not", "flags"]
                                    if depth < 2 else ["atom"]))
        if kind == "atom":
            parts.append(draw(ATOMS))
            continue
        inner = draw(patterns(depth + 1))
        if kind == "group":
            parts.append(f"({inner})")
        elif kind == "alt":
            parts.append(f"(?:{inner}|{draw(patterns(depth + 1))})")
        elif kind == "opt":
            parts.append(f"(?:{inner})?")
        elif kind == "star":
            parts.append(f"(?:{inner})*")
        elif kind == "ahead":
            parts.append(f"(?={inner})")
        elif kind == "not":
            parts.append(f"(?!{inner})")
        else:
            parts.append(f"(?-i:{inner})")
    return "".join(parts)


TEXTS = st.text(alphabet="abcxyzABCXYZ -1é\u0130\u212aik停止アカウントσςΣ", max_size=40)


@settings(max_examples=600, deadline=None)
@given(patterns(), st.lists(TEXTS, min_size=1, max_size=6))
def test_pre_check_never_changes_a_match(pattern: str, texts: list[str]) -> None:
    compiled = Pattern.compile(pattern)
    plain = re.compile(pattern, FLAGS)
    for text in texts:
        for candidate in (text, f"zz {text} zz", text.upper()):
            assert (compiled.find(candidate) is None) == (plain.search(candidate) is None), (pattern, candidate)


def test_a_literal_pattern_gets_a_needle_and_skips_texts_without_it() -> None:
    compiled = Pattern.compile(r"scheduled\s+for\s+retirement")
    assert compiled.needles is not None
    assert not compiled.could_match("nothing here")
    assert compiled.search("Your instance is SCHEDULED   FOR retirement")


def test_uncased_characters_make_needles_and_cased_ones_do_not() -> None:
    assert Pattern.compile("アカウント.{0,10}停止").needles == ("アカウント",)
    assert Pattern.compile("비용 이상").needles == ("비용 이상",)
    assert Pattern.compile("停止").needles == ("停止",)  # two kanji: rare enough
    assert Pattern.compile("überfällig").needles == ("berf",)  # ü and ä fold: the run breaks there
    assert Pattern.compile("σσσ").needles is None  # σ also matches ς and Σ under IGNORECASE
    assert Pattern.compile("アカウント.{0,10}停止").search("お客様のアカウントは停止されました")



def test_the_needle_is_the_rarer_literal_a_match_requires() -> None:
    # every match holds "aws" and one of the kanji pairs: the pairs gate (nearly every AWS mail holds "aws")
    compiled = Pattern.compile("AWS ?已(?:开立|创建)了?支持案例")
    assert compiled.needles is not None and "aws" not in compiled.needles
    assert not compiled.could_match("aws health: your aws account")
    assert compiled.search("AWS 已开立支持案例 1234")
    # among ASCII literals, still the longest
    assert Pattern.compile("AWS .{0,9} scheduled for retirement").needles == (" scheduled for retirement",)

START_ATOMS = st.sampled_from(["abc", "ABC", "xyz", "abcd", "a", "b", "-", " ", "\\d", ".", "é", "İ", "K", "^", "$",
                               "\\b", "(?<=a)", "(?<!x)", "[ab]", "(?:abc|xyz)", "(?:abc|x)", "(?-i:ABC)", "(abc)?",
                               "(?:abc|abd)"])
START_TEXTS = st.text(alphabet="abcdxyzABCXYZ -1\né\u0130\u0131\u017f\u212aik", max_size=60)


@settings(max_examples=1000, deadline=None)
@given(st.lists(START_ATOMS, min_size=1, max_size=5), st.lists(START_TEXTS, min_size=1, max_size=6))
def test_trying_a_pattern_at_its_literal_starts_gives_the_same_match(atoms: list[str], texts: list[str]) -> None:
    pattern = "".join(atoms)
    compiled = Pattern.compile(pattern)
    plain = re.compile(pattern, FLAGS)
    for text in texts:
        # many starts: also the fallback to one plain search after MAX_START_TRIES misses
        for candidate in (text, f"zz {text} zz", text.upper(), "abc " * 12 + text, text * 3):
            found, expected = compiled.find(candidate), plain.search(candidate)
            assert (found and (found.span(), found.groups())) == (expected and (expected.span(), expected.groups())), \
                (pattern, candidate)


def test_a_pattern_that_begins_with_literals_gets_its_starts() -> None:
    assert Pattern.compile(r"\b(?:update|revision)s? to the").starts == ("update", "revision")
    assert Pattern.compile(r"^Account (?:\d{12} )?closed").starts == ("account ",)
    assert Pattern.compile(r"(?<!x)abc").starts is None  # a look-behind first: tried everywhere
    assert Pattern.compile(r"(?:abc|x)yz").starts is None  # one branch begins with a short literal
    compiled = Pattern.compile(r"scheduled\s+reboot")
    assert compiled.search("a SCHEDULED  reboot") and not compiled.search("scheduled, not a reboot")


# ---------------------------------------------------------------- the gates read text as re.IGNORECASE does

@settings(max_examples=1000, deadline=None)
@given(st.sampled_from(["account suspended", "risk", "Kit", "is", "sign-in", "kiss", r"\bski\w*"]),
       st.lists(st.sampled_from(["s", "S", "\u017f", "i", "I", "\u0131", "\u0130", "k", "K", "\u212a", "ign-in ",
                                 "account ", "uspended", "t", " "]), max_size=12))
def test_look_alike_letters_pass_the_gates_as_the_regex_reads_them(pattern: str, pieces: list[str]) -> None:
    """ſ, ı, İ and K (Kelvin sign) match s, i, i and k under re.IGNORECASE but str.lower leaves them
    other letters: the needle gate, tested on str.lower's text, dropped texts the regex matches."""
    compiled, plain = Pattern.compile(pattern), re.compile(pattern, FLAGS)
    text = "".join(pieces)
    for candidate in (text, f"an {text} x", text.upper()):
        found, expected = compiled.find(candidate), plain.search(candidate)
        assert (found and found.span()) == (expected and expected.span()), (pattern, candidate)


@pytest.mark.parametrize(("pattern", "text"), [("account suspended", "account \u017fuspended"),
                                               ("risk", "RI\u017f\u212a"), ("sign-in", "\u017f\u0131gn-\u0130n"),
                                               ("kiss", "\u212a\u0131\u017fs")])
def test_a_pattern_finds_its_words_written_with_look_alike_letters(pattern: str, text: str) -> None:
    compiled = Pattern.compile(pattern)
    assert compiled.needles is not None  # the gate is in place, and lets the text through
    assert compiled.could_match(fold_lower(text))
    assert compiled.find(text) is not None and compiled.search(f"x {text} y")


def test_fold_lower_keeps_positions() -> None:
    text = "\u0130\u0131\u017f\u212a Ab"
    assert fold_lower(text) == "iisk ab" and len(fold_lower(text)) == len(text)
    assert fold_lower("Plain ASCII") == "plain ascii"


@given(st.lists(st.sampled_from(["abc", "ABC", " ", "é", "—", "©", "停止", *FOLDS_TO_ASCII]), max_size=8))
def test_folds_to_ascii_is_the_plain_test_with_an_ascii_shortcut(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert folds_to_ascii(text) == any(char in text for char in FOLDS_TO_ASCII)
    assert not folds_to_ascii("plain ascii text")  # (str.isascii: no scan of the text)
