"""The verifier's reading of ``h=`` (``routing.dkim_verify._signed_names``) gives exactly dkimpy's names
(``[x.lower() for x in re.split(rb"\\s*:\\s*", h)]``), and ``validate_signature_fields`` checks ``b=`` once
with the outcome of dkimpy's two checks."""

from __future__ import annotations

import re
from typing import Any

import dkim
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dkim_fields, dkim_verify

PIECES = [b"a", b"B", b"from", b"To", b"-", b":", b" ", b"\t", b"\r\n", b"\n", b"\r", b"\x0b", b"\x0c", b"\x1c",
          b"\x85", b"\xa0", b" : ", b"::", b"\xc3\xa9", b"Message-ID", b"\x00"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=20))
def test_signed_names_are_dkimpys(pieces: list[bytes]) -> None:
    h = b"".join(pieces)
    assert dkim_verify._signed_names(h) == [x.lower() for x in re.split(rb"\s*:\s*", h)]


def _outcome(sig: dict[bytes, bytes]) -> object:
    try:
        dkim_fields.validate_signature_fields(sig)
    except dkim.ValidationError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


B_VALUES = [b"", b" ", b"AAAA", b"AA==", b"AAA", b"A A\r\n AA", b"!", b"AAAA!", b"==", b"A=A=", b" \t", b"\n"]


@settings(max_examples=500, deadline=None)
@given(st.sampled_from(B_VALUES), st.sampled_from(B_VALUES))
def test_one_b_check_is_dkimpys_two(b: bytes, bh: bytes) -> None:
    sig = {b"v": b"1", b"a": b"rsa-sha256", b"b": b, b"bh": bh, b"d": b"aws.com", b"h": b"from", b"s": b"s1"}
    assert _outcome(sig) == _outcome_of_dkimpy(sig)


def _outcome_of_dkimpy(sig: dict[bytes, bytes]) -> object:
    try:
        dkim.validate_signature_fields(sig)
    except dkim.ValidationError as exc:
        return f"{type(exc).__name__}: {exc}"
    return None


def test_b_is_matched_once(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Any] = []
    real = dkim_fields._base64_like
    monkeypatch.setattr(dkim_fields, "_base64_like", lambda value: calls.append(value) or real(value))
    assert _outcome({b"v": b"1", b"a": b"rsa-sha256", b"b": b"AAAA", b"bh": b"AA==", b"d": b"aws.com",
                     b"h": b"from", b"s": b"s1"}) is None
    assert calls == [b"AAAA"]

