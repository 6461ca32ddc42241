"""The fast scans of routing.secrets (``_literal_matches``, the digit words of default-deny) and
routing.redact (``_shown_attributes``) give exactly the matches of the plain patterns."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import redact, secrets
from tests.routing.test_hostile_complexity import count_regex_work

PIECES = ["a", "b", " ", "\n", "=", "?", "&", ";", "#", "/", "%", "é", "token", "code", "pin", "tan", "PIN", "Tan",
          "sign-in", "Sign In", "log in", "key", "KEY", "one-time", "One Time password", "temporary password",
          "Temporäres Passwort", "senha", "mot de passe", "verification code", "Verify", "2FA", "ı", "ſ", "İ", "K",
          "token=", "x-amz-signature=", "Token=abcd1234", "&code=12345", "código", "CODIGO", "VÉRIFICATION",
          "Schlüssel", "パスワード", "인증 번호", "확인번호", "일회용 비밀번호", "一次性密码", "1", "Z9", "ж", "٤", "_"]
SCANS = [(secrets._CODE_WORD, secrets._CODE_WORD_STARTS, ""),
         (secrets._PASSWORD_WORD, secrets._PASSWORD_WORD_STARTS, ""),
         (secrets._WEAK_WORD, secrets._WEAK_WORD_STARTS, ""), (secrets._TOKEN_TEXT, secrets._TOKEN_TEXT_STARTS, ""),
         (secrets._TOKEN_QUERY, secrets._TOKEN_QUERY_STARTS, "?&#;")]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_literal_scans_equal_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, starts, lead in SCANS:
        assert _spans(secrets._literal_matches(pattern, starts, text, text.lower(), lead)) == \
            _spans(list(pattern.finditer(text)))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_digit_words_are_the_words_with_a_digit(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._DD_DIGIT_WORD.finditer(text)] == \
        [m.span() for m in secrets._DD_WORD.finditer(text) if any(c.isdigit() for c in m.group(0))]


ATTRIBUTE_PIECES = ["<img ", "alt", "ALT", "Title", "aria-label", "placeholder", "value", "content", "=", " = ", '"',
                    "'", "x", "ı", "İ", ">", "data-alt", "\n", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATTRIBUTE_PIECES), max_size=25))
def test_shown_attributes_equal_plain_regex(pieces: list[str]) -> None:
    markup = "".join(pieces)
    assert _spans(redact._shown_attributes(markup)) == _spans(list(redact._SHOWN_ATTRIBUTE.finditer(markup)))


def test_a_code_after_its_word_is_still_found() -> None:
    found = secrets.find_secrets("Your verification code is 482913.\nToken: abcdefgh12345678")
    assert [(f.kind) for f in found] == ["one-time code", "token"]


URL_PIECES = ["a", "b", "1", "-", ".", " ", "\n", "/", "//", "?", "#", "https://", "HTTP://", "hTtPs://x", "www",
              "example.com", "a.b.c/", "\n/", "\n//", "@", "_", "é", ":", "%", "com", "x.io/p?q=1", "<", ">", ":8080/",
              "x" * 70 + ".com/", "a.b.c.d.e/f.g.h", "https://a.b/c.d.e/"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=25))
def test_url_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._url_matches(text)] == [m.span() for m in secrets._URL.finditer(text)]


BROKEN_PIECES = ["a", "b", "1", ".", " ", "\t", "\n", "\r\n", "\r", "/", "?", "#", "https://", "x.example", "\n/",
                 "\n  ?q=1", '"', "'", "<", ">", "`", "\u00a0", "\u3000", "é", "x" * 150, "y" * 60, ".com\n/path"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(BROKEN_PIECES), max_size=30))
def test_broken_link_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _spans(secrets._broken_links(text)) == _spans(list(secrets._BROKEN_LINK.finditer(text)))


KEY_PIECES = ["AKIA", "ASIA", "akia", "AKIAIOSFODNN7EXAMPLE", "ASIAABCDEFGHIJKL1234", "X", "1", " ", "_", "\n", "é"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(KEY_PIECES), max_size=20))
def test_masking_access_keys_equals_the_plain_substitution(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert redact.mask_access_keys(text) == \
        redact._ACCESS_KEY.sub(lambda m: f"[access key ending {m.group(1)}]", text)


# the default-deny patterns as first written (look-behind first); routing.secrets has them look-behind second
PLAIN_DEFAULT_DENY = {
    "_DD_SPACED_DIGITS": r"(?<![A-Za-z0-9])\d(?:\s{1,3}\d){3,}(?![A-Za-z0-9])",
    "_DD_DIGIT_GROUPS": r"(?<![A-Za-z0-9])\d+(?:" + secrets._SEPARATOR + r"\d+)*(?![A-Za-z0-9])",
    "_DD_GROUPED_CAPS": r"(?<![A-Za-z0-9])[A-Z0-9]{2,10}(?:[ \u00a0\-][A-Z0-9]{2,10})+(?![A-Za-z0-9])",
    "_QUERY_LINE": r"(?<!\S)[?&#][^\s=]{1,40}=\S+",
}
DD_PIECES = ["1", "23", "4567", " ", "  ", "\n", "\t", "-", ".", "\u00a0", "\u2013", "a", "Q", "Q7K", "XM", "AB12",
             "?", "&", "#", "=", "x=1", "?token=abc", "٤", "é", "_", "/"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(DD_PIECES), max_size=30))
def test_default_deny_patterns_match_as_first_written(pieces: list[str]) -> None:
    text = "".join(pieces)
    for name, plain in PLAIN_DEFAULT_DENY.items():
        assert _spans(list(getattr(secrets, name).finditer(text))) == _spans(list(re.finditer(plain, text))), name


LINE_PIECES = ["\n", "\r\n", " ", "\t", ">", ".", "482913", "4 8 2", "9\n1\n3", "Q7K2XM", "Q7K-2XM", "12", "a", "code:",
               "٤٨٢٩١٣", "\n\n", "x1", "-"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=25))
def test_standalone_code_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _spans(secrets._standalone_codes(text)) == _spans(list(secrets._CODE_STANDALONE.finditer(text)))


CONTEXT_PIECES = ["Reset your password", "RESET THE PASSWORD", "password reset", "Redefinir a senha", "reimpostare la "
                  "password", "Unsubscribe", "opt-out", "OPT OUT", "optout", "stop receiving", "Abbestellen",
                  "darse de baja", "approve", "Approved", "xapprove", "Genehmigen", "aprobar", "Approuver", "aprovar",
                  "approvare", "confirm", "Confirmation", "confirmar", "Confirmer", "confermare", "Verify",
                  "verifying", "VERIFICATION", "verifizieren", "verificar", "verificare", "reset", "your", "the",
                  " ", "\n", "-", "_", "a", "1", ".", ":", "Passwort zurücksetzen", "é", "確認", "İ", "K"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(CONTEXT_PIECES), max_size=12) | st.text(max_size=60))
def test_ascii_context_kinds_equal_the_full_patterns(pieces: list[str] | str) -> None:
    context = "".join(pieces)
    full = [kind for kind, pattern in secrets._CONTEXT_KINDS if pattern.search(context)]
    if context.isascii():
        fast = [kind for kind, pattern in secrets._CONTEXT_KINDS_ASCII if pattern.search(context.lower())]
        assert fast == full
    # an opaque link that says nothing itself (a query): named by its context alone
    assert secrets.link_kind("https://x.example/p?q=1", context) == (full[0] if full else None)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([*URL_PIECES, "x" * 70, "a-b", "1.2", "e.g.", "\u00e9.com/"]), max_size=25))
def test_url_scan_equals_plain_regex_with_long_labels(pieces: list[str]) -> None:
    text = "".join(pieces)  # a host-name run longer than a label (63) before a "."
    assert [m.span() for m in secrets._url_matches(text)] == [m.span() for m in secrets._URL.finditer(text)]


def _head_run_by_characters(segment: str) -> int:
    start = len(segment)
    while start > 0 and secrets._HEAD_CHAR.match(segment, start - 1):
        start -= 1
    return len(segment) - start


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from([*BROKEN_PIECES, "\x1c", "\x85", "\u2028", "\u200b", "\x0b"]), max_size=20)
       | st.text(max_size=40))
def test_head_run_equals_the_character_scan(pieces: list[str] | str) -> None:
    segment = "".join(pieces)
    assert secrets._head_run(segment) == _head_run_by_characters(segment)


def test_whitespace_of_re_is_that_of_str() -> None:
    # _head_run reads re's \s by str.isspace/str.rsplit: the same characters, all of Unicode
    space = re.compile(r"\s")
    assert all(bool(space.match(chr(code))) == chr(code).isspace() for code in range(0x110000))


def test_each_ascii_weak_word_literal_holds_a_weak_hint() -> None:
    # _code_spans skips the weak-word hint test for ASCII text: no literal found means no match
    for literal in secrets._WEAK_WORD_STARTS:
        if literal.isascii():
            assert any(hint in literal for hint in secrets._WEAK_HINTS_ASCII), literal


def test_code_suffix_matches_only_where_the_text_lowered_says_code() -> None:
    # _code_words runs _CODE_SUFFIX only when "code" is in the lowered text
    folding = [chr(c) for c in range(0x110000) if re.fullmatch("[code]", chr(c), re.IGNORECASE)]
    assert sorted(folding) == sorted("codeCODE")


QUERY_PIECES = ["a", "b", "1", " ", "\n", "=", "==", "?", "&", "#", ";", "/", ".", "%", "-", "_", "é", "ı", "ſ", "İ",
                "K", "token", "TOKEN", "code", "Key", "sig", "x-amz-signature", "x-amz-security-token", "state",
                "access_token", "id_token", "t", "k", "abcd1234", "secret", "mkt_tok", "ticket"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(QUERY_PIECES), max_size=30))
def test_token_query_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _spans(secrets._token_query_matches(text, text.lower())) == _spans(list(secrets._TOKEN_QUERY.finditer(text)))


@pytest.mark.parametrize("text", ["a=" * 100_000, "token=" * 40_000, "=" * 200_000, "x-amz-security-token=" * 10_000])
def test_token_query_scan_stays_linear_on_many_equals_signs(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """One pass over the "=": the pattern is tried at most twice per "=" (the name before it, and the lead
    character before the name) and passes over at most the text once more (its matches do not overlap);
    ``str.find`` looks for the next "=" from after the last one. Counted, not timed
    (tests/routing/test_hostile_complexity.py)."""
    expected = _spans(list(secrets._TOKEN_QUERY.finditer(text)))
    work = count_regex_work(monkeypatch, secrets)
    lowered = _CountingFind(text.lower())
    _CountingFind.read = 0
    assert _spans(secrets._token_query_matches(text, lowered)) == expected
    assert work.calls.get("routing.secrets._TOKEN_QUERY", 0) <= 2 * text.count("=") + 1
    assert work.by_name.get("routing.secrets._TOKEN_QUERY", 0) <= 2 * len(text)
    assert _CountingFind.read <= len(text) + 1


class _CountingFind(str):
    """A string that counts the characters its ``find`` calls may read."""

    read = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        found = str.find(self, sub, start, end)
        type(self).read += (len(self) if found == -1 else found + len(sub)) - (start or 0)
        return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9), st.sampled_from(["link", "code-like token", "token"]))))
def test_merge_orders_as_the_secrets_compare(spans: list[tuple[int, int, str]]) -> None:
    found = [secrets.Secret(*span) for span in spans]
    assert sorted(found, key=secrets._SECRET_ORDER) == sorted(found)


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from("a1 \n\u00ad\u200b\u2060\ufeff\uff11\uff21\u3000\u00e9\u2013\u30b3"), max_size=30))
def test_the_one_gate_before_translating_and_dropping_invisibles(text: str) -> None:
    """Text the combined gate lets through unchanged is its own ascii_forms and _visible view."""
    if secrets._FULLWIDTH_OR_INVISIBLE.search(text) is None:
        assert secrets._visible(secrets.ascii_forms(text)) == (text, None)
    else:
        assert secrets._visible(secrets.ascii_forms(text)) != (text, None)


FAST_PIECES = ["a", "Z", " ", "\n", ":", "-", "code", "Code ", "verification code is ", "TOKEN: ",
               "one-time password: ", "One-Time ", "abcdefghij", "QWERTYUIOP", "pin ", "PIN: ", "tan ", "key: ",
               "sign-in ", "password ", "Password: ", "temporary password: ", "is ", "\u00e9", "\u212a", "/", "?",
               "#", "=", "7", "482913"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(FAST_PIECES), max_size=16), st.booleans())
def test_text_with_nothing_to_find_skips_the_scan_and_loses_nothing(pieces: list[str], deny: bool) -> None:
    text = "".join(pieces)
    assert secrets.find_secrets(text, default_deny=deny) == secrets._scan(text, deny, ())
    if secrets._nothing_to_find(text):
        assert secrets._scan(text, False, ()) == []


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "7", "-", " ", "--", "ab", "abcdefghij", "abcdefghijk", "\n", "é", "_"]),
                max_size=25))
def test_possessive_dashed_groups_match_as_the_plain_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{2,10}(?:-[A-Za-z0-9]{2,10})+(?![A-Za-z0-9])")
    assert [m.span() for m in secrets._DD_GROUPED_DASHED.finditer(text)] == [m.span() for m in plain.finditer(text)]


ASCII_SCANS = [(secrets._CODE_WORD, secrets._CODE_WORD_STARTS, secrets._CODE_WORD_STARTS_ASCII),
               (secrets._PASSWORD_WORD, secrets._PASSWORD_WORD_STARTS, secrets._PASSWORD_WORD_STARTS_ASCII),
               (secrets._WEAK_WORD, secrets._WEAK_WORD_STARTS, secrets._WEAK_WORD_STARTS_ASCII)]


def test_ascii_start_literals_are_the_ascii_ones_in_order() -> None:
    for _, starts, ascii_starts in ASCII_SCANS:
        assert ascii_starts == tuple(literal for literal in starts if literal.isascii())
        assert ascii_starts  # an empty tuple would silently scan nothing in ASCII text


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_literal_scans_with_the_import_time_ascii_literals_equal_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, starts, ascii_starts in ASCII_SCANS:
        assert _spans(secrets._literal_matches(pattern, starts, text, text.lower(), "", ascii_starts)) == \
            _spans(list(pattern.finditer(text)))


def _plain_values_pattern(values: tuple[str, ...]) -> re.Pattern[str] | None:
    """The scrub pattern as first written: the look-behind before the alternatives."""
    alternatives = [r"[ \u00a0\u2009\u202f\-\u2010\u2011\u2013.]?".join(re.escape(c) for c in value)
                    if value.isdigit() else re.escape(value) for value in sorted(values, key=len, reverse=True)]
    if not alternatives:
        return None
    return re.compile(r"(?<![A-Za-z0-9])(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])")


VALUE_PIECES = ["4", "8", "2", "9", "1", "3", "a", "Z", ".", "-", " ", "\u00a0", "/", "?", "=", "é", "٤", "²", "\\",
                "(", "*", "_", "\n"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(st.sampled_from(VALUE_PIECES), max_size=8), max_size=5),
       st.lists(st.sampled_from([*VALUE_PIECES, "4829", "482 913", "a/b?c=1", "Z9Z9"]), max_size=30))
def test_scrub_pattern_with_its_look_behind_after_the_first_character_equals_the_plain_one(
        values: list[str], pieces: list[str]) -> None:
    text = "".join(pieces + values[:1] + pieces[:3])
    key = tuple(values)
    plain = _plain_values_pattern(key)
    fast = redact._values_pattern(key)
    assert (plain is None) == (fast is None)
    if plain is not None and fast is not None:
        assert fast.sub(redact.SCRUBBED, text) == plain.sub(redact.SCRUBBED, text)
        if text:
            assert redact.Redactor(values=key).scrub(text) == plain.sub(redact.SCRUBBED, text)


LONG_PIECES = ["AbCdEfGhIjKlMnOp", "aBcDeFgHiJkLmNoPqR", "abcdefghijklmnopq", "QWERTYUIOPASDFGHJ", "Ab", "-", "_", "+",
               " ", "\n", ".", "x", "Z", "token", "One-Time", "ABC-DEF", "AB CD", "Password", "&"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LONG_PIECES), max_size=14), st.sets(st.sampled_from(LONG_PIECES[:4]), max_size=2))
def test_default_deny_text_with_nothing_else_to_find_gets_the_long_tokens_of_the_full_scan(
        pieces: list[str], keep: set[str]) -> None:
    text = "".join(pieces)
    assert secrets.find_secrets(text, default_deny=True, keep=keep) == secrets._scan(text, True, keep)
    if secrets._nothing_to_find(text):
        assert secrets.find_secrets(text, default_deny=True, keep=keep) == \
            secrets._merge(secrets._long_token_spans(text, frozenset(keep)))


SUFFIX_PIECES = ["code", "CODE", "Code", "cOdE", "passcode", "codes", "code_", "code1", "code٤", "codeé", "code²",
                 "code-", " ", "\n", "c", "o", "d", "e", "İ", "ı", "K", "ſ", "é", "_", "co", "de", "Bestätigungscode"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SUFFIX_PIECES), max_size=20))
def test_code_suffixes_by_find_equal_the_case_insensitive_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert secrets._code_suffixes(text, text.lower()) == [m.span() for m in secrets._CODE_SUFFIX.finditer(text)]


def test_re_word_characters_are_those_str_calls_alphanumeric_or_underscore() -> None:
    # _code_suffixes reads re's \b after "code" as "the next character is neither isalnum nor _"
    word = re.compile(r"\w")
    assert all((word.match(chr(code)) is not None) == (chr(code).isalnum() or chr(code) == "_")
               for code in range(0x110000))


def test_only_one_character_lower_cases_to_more_than_one() -> None:
    # _code_suffixes and the literal scans take positions in text.lower() for positions in the text
    assert [code for code in range(0x110000) if len(chr(code).lower()) != 1] == [0x130]


# runs of letters and digits around the 24/25-character reach of the digit look-ahead, digits of other scripts
REACH_PIECES = [*LINE_PIECES, "A" * 23, "b" * 24, "C" * 11, "x-y", "7", "٣", "Z" * 10 + "-" + "9" * 3, "> ", "\t"]
_PLAIN_BREAK = re.compile(r"\n(?=[ \t>]*(?:" + secrets._CANDIDATE_BODY + r")[ \t.]*$)", re.MULTILINE)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(REACH_PIECES), max_size=30))
def test_standalone_break_scan_with_its_digit_look_ahead_equals_the_plain_one(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._CODE_STANDALONE_AFTER.finditer(text)] == \
        [m.span() for m in _PLAIN_BREAK.finditer(text)]


def test_the_digit_look_ahead_turns_away_no_candidate_line() -> None:
    # the dashed groups reach furthest before their digit: ten letters, "-", ten letters, "-", then "9"
    for text, found in (("x\n" + "a" * 10 + "-" + "b" * 10 + "-9z", True), ("x\n> 482913.", True),
                        ("x\n" + "a" * 24 + "1", False), ("x\nSee the console", False)):
        assert bool(secrets._CODE_STANDALONE_AFTER.search(text)) is found
        assert bool(_PLAIN_BREAK.search(text)) is found


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(st.sampled_from(VALUE_PIECES), max_size=8), max_size=6),
       st.lists(st.sampled_from([*VALUE_PIECES, "4829", "482 913", "a/b?c=1", "Z9Z9", "ZZZZ", "48-29"]), max_size=30),
       st.integers(min_value=0, max_value=6))
def test_scrub_with_only_the_values_the_text_can_hold_equals_the_pattern_of_every_value(
        values: list[str], pieces: list[str], shown: int) -> None:
    # some values written into the text, the others (most, as in real mail) absent from it
    text = "".join(pieces + values[:shown] + pieces[:3])
    plain = _plain_values_pattern(tuple(values))
    expected = text if plain is None or not text else plain.sub(redact.SCRUBBED, text)
    assert redact.Redactor(values=tuple(values)).scrub(text) == expected


def _first_character_starts(values: tuple[str, ...]) -> re.Pattern[str]:
    """The scrub scan's starts as first written: a value's first character with no letter or digit before it."""
    chars = "[" + "".join(map(re.escape, sorted({value[0] for value in values}))) + "]"
    return re.compile(f"{chars}(?<![A-Za-z0-9]{chars})")


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.text(st.sampled_from(VALUE_PIECES), min_size=1, max_size=8), min_size=1, max_size=6),
       st.lists(st.sampled_from([*VALUE_PIECES, "4829", "482 913", "a/b?c=1", "Z9Z9", "ZZZZ", "48-29"]), max_size=30),
       st.integers(min_value=0, max_value=6))
def test_scrub_starts_with_the_second_character_look_ahead_equal_the_first_character_ones(
        values: list[str], pieces: list[str], shown: int) -> None:
    text = "".join(pieces + values[:shown] + pieces[:3])
    scan = redact._value_scan(tuple(values))
    assert scan is not None
    plain = dataclasses.replace(scan, starts=_first_character_starts(tuple(values)))
    assert scan.sub(text) == plain.sub(text)
    # every place the first-character starts take where a value is found, the look-ahead takes too
    found = {m.start() for m in plain.starts.finditer(text) if plain._match_end(text, m.start()) is not None}
    assert found <= {m.start() for m in scan.starts.finditer(text)}


LINK_VALUE_PIECES = ["https://x.example/", "reset?t=", "a", "b", "Z", "4", "9", ".", "/", "-", "?", "=", " "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LINK_VALUE_PIECES), min_size=1, max_size=6).map("".join), min_size=1,
                max_size=8),
       st.lists(st.sampled_from(LINK_VALUE_PIECES), max_size=20), st.integers(min_value=0, max_value=8))
def test_scrub_with_leaves_for_the_values_own_characters_equals_the_pattern_of_every_value(
        values: list[str], pieces: list[str], shown: int) -> None:
    # link-like values sharing long beginnings: leaves opened one character at a time, some values
    # the beginnings of others, written into the text whole, cut short or run on
    text = "".join(pieces[:8] + [v[:len(v) - i % 3] for i, v in enumerate(values[:shown])] + pieces[8:])
    plain = _plain_values_pattern(tuple(values))
    assert plain is not None
    assert redact.Redactor(values=tuple(values)).scrub(text) == plain.sub(redact.SCRUBBED, text)


LINK_PIECES = ["https://", "x.example/", "Reset", "PASSWORD", "-", "_", "?", "#", "=", "&", "Forgot", "/recover/",
               "/RecoverY/", "/reset/", "Unsubscribe", "OPT", "out", "mkt_unsub", "/Unsub", "Approve", "Invitation",
               "handshake=", "Confirm", "VERIF", "mfaRecovery", "Validat", "ACTIVAT", "Sign", "in", "LogIn", "auth",
               "Token", "code", "TICKET", "\n", " ", "a", "9"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINK_PIECES), max_size=14) | st.text(st.characters(max_codepoint=127), max_size=40))
def test_ascii_link_kinds_on_the_lowered_link_equal_the_case_insensitive_patterns(pieces: list[str] | str) -> None:
    text = "".join(pieces)
    for (kind, full), (ascii_kind, fast) in zip(secrets._LINK_KINDS, secrets._LINK_KINDS_ASCII, strict=True):
        assert kind == ascii_kind
        assert (full.search(text) is None) == (fast.search(text.lower()) is None), kind
