"""The faster forms in routing.secrets behind the redact stage give exactly what their plain forms give:
the character tests by ``map`` (``_has_digit_and_letter``, ``_looks_random``) and the cached values of a
link-like secret (``_link_values`` in ``secret_values``)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import secrets

CHARS = ["a", "Z", "q", "K", "0", "7", "²", "٤", "ǅ", "ß", "ı", "İ", "é", "É", "ж", "Ж", "_", "-", "/", " ", "Ⅻ", "ⅻ",
         "Ａ", "ａ", "１", "コ", "인"]
URL_PIECES = ["https://", "example.com", "/", "?", "&", "=", "#", "%", "%25", "%3D", "&amp;", "token", "code", "sig",
              "Q7K2XM482913ab", "abcdefghijklmnopQRSTUVWX", "aBcDeFgHiJkLmNoPqR", "482913", "reset", "x", " ", "\n",
              "482 913", "482-913", ".", "_", "é", "４８２"]


def _plain_has_digit_and_letter(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def _plain_looks_random(value: str) -> bool:
    if len(value) < 16:
        return False
    if _plain_has_digit_and_letter(value):
        return True
    switches = sum(1 for a, b in itertools.pairwise(value) if a.islower() and b.isupper())
    return switches >= 3 and sum(c.isupper() for c in value) * 4 >= len(value)


def _plain_secret_values(text: str, found: list[secrets.Secret]) -> set[str]:
    values: set[str] = set()
    for secret in found:
        value = secrets.ascii_forms(text[secret.start:secret.end])
        if "\n" in value:
            value = secrets._LINE_BREAK.sub("", value)
        values.add(value)
        if any(c in value for c in "/?#=") and secret.kind != "one-time password":
            plain = secrets._clear(value)
            values.add(plain)
            for name, token in secrets._query_pairs(plain):
                if name.lower() in secrets._TOKEN_PARAMS and len(token) >= 6:
                    values.add(token)
            values.update(piece for piece in secrets._URL_PIECE.split(plain) if _plain_looks_random(piece))
        elif secret.kind != "one-time password":
            values.add(re.sub(secrets._SEPARATOR, "", value))
    return {v for v in values if len(v) >= 4}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=40))
def test_character_tests_equal_plain_forms(chars: list[str]) -> None:
    value = "".join(chars)
    assert secrets._has_digit_and_letter(value) == _plain_has_digit_and_letter(value)
    assert secrets._looks_random(value) == _plain_looks_random(value)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=20),
       st.sampled_from(["link", "code-like token", "one-time password", "one-time code", "password reset link"]))
def test_secret_values_equal_plain_form(pieces: list[str], kind: str) -> None:
    text = "see " + "".join(pieces) + " end"
    found = [secrets.Secret(4, len(text) - 4, kind)] if len(text) > 8 else []
    assert secrets.secret_values(text, found) == _plain_secret_values(text, found)
    # and on what the scans themselves find (default-deny finds the most)
    found = secrets.find_secrets(text, default_deny=True)
    assert secrets.secret_values(text, found) == _plain_secret_values(text, found)


def test_link_values_of_a_reset_link() -> None:
    link = "https://signin.example.com/resetpassword?token=Q7K2XM482913abcd&amp;lang=en"
    # the token parameter, and the same token again as a random piece of the link
    assert secrets._link_values(link) == (
        "https://signin.example.com/resetpassword?token=Q7K2XM482913abcd&lang=en", "Q7K2XM482913abcd",
        "Q7K2XM482913abcd")
