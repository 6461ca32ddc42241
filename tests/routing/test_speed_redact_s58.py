"""Session 58's faster forms of the render stage give exactly what their plain forms give: routing.secrets's
``_default_deny_spans`` (each rule's matches read as one batch of at most MAX_READS_PER_RULE + 1, the short ones
passed over before ``_is_code_like``) against the loop over ``_capped`` it replaces, within the bound and past it;
and ``_code_spans`` and ``_secret_key_spans`` given the lower-cased text by the caller against each lowering it
itself, on generated and adversarial inputs."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import secrets
from routing.secrets import MAX_READS_PER_RULE, Secret

PIECES = ["482913", "482 913", "4 8 2 9 1 3", "482-913", "Q7K2XM", "Q7K-2XM", "AB12 CD34", "ab-cd-ef", "12",
          "2026", "9", "x9", "Ab3dEf7hIj9kLm1nOp", "ABCDEFGHijklmnopQRst", "?a=1", "&token=Q7K2XM9P", "#k=v",
          "https://x.example/r?code=ABC123", " ", "\n", "-", ".", "word", "Verification code:", "secret key",
          "\u00e9t\u00e93", "\u0416\u0416\u0416\u04161", "1\u00a02\u00a03\u00a04", "KEEP12345678", "\uff14\uff18\uff12"]


def _plain_default_deny_spans(text: str, keep: frozenset[str]) -> list[Secret]:
    """``_default_deny_spans`` as it was: every rule's matches read one by one through ``_capped``."""
    found: list[Secret] = []
    for matches in (secrets._DD_DIGIT_GROUPS.finditer(text), secrets._DD_SPACED_DIGITS.finditer(text),
                    secrets._DD_DIGIT_WORD.finditer(text), secrets._DD_GROUPED_CAPS.finditer(text),
                    secrets._grouped_dashed(text)):
        for match in secrets._capped(matches, text, found):
            if secrets._is_code_like(match.group(0), keep):
                found.append(Secret(match.start(), match.end(), "code-like token"))
    found += secrets._long_token_spans(text, keep)
    for match in secrets._capped(secrets._QUERY_LINE.finditer(text), text, found):
        found.append(Secret(match.start(), match.end(), "link"))
    return found


def _same_default_deny(text: str, keep: frozenset[str] = frozenset()) -> None:
    fast = secrets._default_deny_spans(text, keep)
    plain = _plain_default_deny_spans(text, keep)
    # the same spans (the unread one may join the list at another place: every caller merges them sorted)
    assert sorted(fast) == sorted(plain)
    assert secrets._merge(fast) == secrets._merge(plain)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40), st.sampled_from([frozenset(), frozenset({"KEEP12345678"})]))
def test_default_deny_spans_same_as_the_capped_loop(pieces: list[str], keep: frozenset[str]) -> None:
    _same_default_deny("".join(pieces), keep)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="0123456789aZ -.?&#=\n\u00a0", max_size=120))
def test_default_deny_spans_same_on_any_text(text: str) -> None:
    _same_default_deny(text)


def test_default_deny_spans_same_at_and_past_the_bound() -> None:
    for count in (MAX_READS_PER_RULE - 1, MAX_READS_PER_RULE, MAX_READS_PER_RULE + 1, MAX_READS_PER_RULE + 300):
        for token in ("482913 ", "12 ", "Q7K-2XM ", "AB12 CD34 ", "?a=1 "):
            _same_default_deny(token * count)
        # the rules past the bound at different places, short digit groups (no code) among the read ones
        _same_default_deny("7 " * count + "482913 " * 5 + "ab-cd " * count)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "password: Abc12345", "token: abcdefgh12", "Kennwort: X1y2z3w4",
                                          "AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                                          "\u0130", "C\u00d3DIGO 482913", "\u8a8d\u8a3c\u30b3\u30fc\u30c9 482913"]),
                max_size=30))
def test_code_and_key_spans_same_with_the_callers_lowered_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    lowered = text.lower()
    assert secrets._code_spans(text, lowered) == secrets._code_spans(text)
    assert secrets._secret_key_spans(text, lowered) == secrets._secret_key_spans(text)
