"""routing.secrets' code rules told which of their literals occur by the hints found once per text
(``_hints_in``, ``_present``, ``_any_present``) and whether it holds a character that folds to ASCII
told once (``folds``): the same literals, words and matches as the plain ``literal in lowered`` tests
of every literal and the plain pattern scans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import secrets
from routing.patterns import FOLDS_TO_ASCII

# the hints and the literals of every rule, pieces of them, the characters that fold to ASCII letters
# (İ lower-cases to two characters), non-ASCII letters and digits, separators
PIECES = [*secrets._HINTS, *secrets._CODE_WORD_STARTS, *secrets._PASSWORD_WORD_STARTS, *secrets._WEAK_WORD_STARTS,
          *secrets._TOKEN_TEXT_STARTS, *secrets._CODE_WORD_HINTS, *secrets._PASSWORD_HINTS, *secrets._WEAK_HINTS,
          "ver", "if", "au", "th", "pa", "ss", "to", "ken", "one", "-", " ", "time", "co", "de", "Code", "CODE",
          "Sign-In", "PASSWORD", "Token:", "İ", "ı", "ſ", "K", "é", "1", "482913", ": ", " is ", "\n", "a", "Z9"]
LITERAL_LISTS = [secrets._HINTS, secrets._HINTS_ASCII, secrets._CODE_WORD_STARTS, secrets._CODE_WORD_STARTS_ASCII,
                 secrets._PASSWORD_WORD_STARTS, secrets._PASSWORD_WORD_STARTS_ASCII, secrets._WEAK_WORD_STARTS,
                 secrets._WEAK_WORD_STARTS_ASCII, secrets._TOKEN_TEXT_STARTS, secrets._CODE_WORD_HINTS,
                 secrets._CODE_WORD_HINTS_ASCII, secrets._PASSWORD_HINTS, secrets._PASSWORD_HINTS_ASCII,
                 secrets._WEAK_HINTS, secrets._WEAK_HINTS_ASCII]
SCANS = [(secrets._CODE_WORD, secrets._CODE_WORD_STARTS, secrets._CODE_WORD_STARTS_ASCII),
         (secrets._PASSWORD_WORD, secrets._PASSWORD_WORD_STARTS, secrets._PASSWORD_WORD_STARTS_ASCII),
         (secrets._WEAK_WORD, secrets._WEAK_WORD_STARTS, secrets._WEAK_WORD_STARTS_ASCII),
         (secrets._TOKEN_TEXT, secrets._TOKEN_TEXT_STARTS, secrets._TOKEN_TEXT_STARTS)]
texts = st.lists(st.sampled_from(PIECES), max_size=20).map("".join) | st.text(max_size=40)


@settings(max_examples=600, deadline=None)
@given(texts)
def test_literals_told_by_hints_are_the_literals_in_the_text(text: str) -> None:
    lowered = text.lower()
    hints = secrets._hints_in(lowered)
    assert hints == frozenset(hint for hint in secrets._HINTS if hint in lowered)
    for literals in LITERAL_LISTS:
        plain = [literal for literal in literals if literal in lowered]
        assert sorted(secrets._present(literals, lowered, hints)) == sorted(plain)
        assert secrets._any_present(literals, lowered, hints) == bool(plain)


@settings(max_examples=800, deadline=None)
@given(texts)
def test_rules_told_by_hints_find_what_the_plain_tests_find(text: str) -> None:
    lowered = text.lower()
    hints = secrets._hints_in(lowered)
    folds = any(char in text for char in FOLDS_TO_ASCII)
    for pattern, starts, ascii_starts in SCANS:
        told = [(m.span(), m.groups())
                for m in secrets._lazy_literal_matches(pattern, starts, text, lowered, ascii_starts, hints, folds)]
        plain = [(m.span(), m.groups())
                 for m in secrets._lazy_literal_matches(pattern, starts, text, lowered, ascii_starts)]
        assert told == plain == [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(w.begin, w.stop, w.value) for w in secrets._code_words(text, lowered, hints, folds)] == \
        [(w.begin, w.stop, w.value) for w in secrets._code_words(text, lowered)]


def test_a_literal_holding_a_missing_hint_is_not_looked_for() -> None:
    text = "your verification code is 482913"
    lowered = text.lower()
    hints = secrets._hints_in(lowered)
    found, unsure = secrets._split_by_hints(secrets._CODE_WORD_STARTS_ASCII, hints)
    assert "verification" in unsure and "authentication" not in unsure and "pin" not in found + unsure
    assert [s.kind for s in secrets.find_secrets(text)] == ["one-time code"]
