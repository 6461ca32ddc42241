"""routing.dkim_fields against the installed dkimpy: the same tags, the same verdict and exception
class for every tag list and tag set, hostile ones included."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import dkim
import pytest
from dkim.util import parse_tag_value as dkimpy_parse
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.dkim_fields import parse_tag_value, validate_signature_fields


def _outcome(function: Callable[[Any], Any], argument: Any) -> tuple[str, Any]:
    try:
        return "ok", function(argument)
    except Exception as exc:  # the class is what the verifier passes on
        return type(exc).__name__, str(exc)


PIECES = [b"v", b"a", b"b", b"bh", b"d", b"h", b"s", b"i", b"l", b"t", b"x", b"q", b"cv", b"1", b"=", b";", b" ",
          b"\t", b"\r\n ", b"\n", b"rsa-sha256", b"rsa-sha1", b"ed25519-sha256", b"aws.com", b"@aws.com", b"@x.aws.com",
          b"dns/txt", b"AbC+/9==", b"QUJD", b"9", b"12345678901", b"99999999999", b"_", b"9a", b"\xc3\xa9", b":", b"@",
          b"from:to", b"pass", b"\x00", b"-"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_tag_lists_are_read_as_dkimpy_reads_them(pieces: list[bytes]) -> None:
    value = b"".join(pieces)
    assert _outcome(parse_tag_value, value) == _outcome(dkimpy_parse, value)


VALUES = [b"", b"1", b"2", b"rsa-sha256", b"rsa-sha1", b"ed25519-sha256", b"rsa-md5", b"aws.com", b"AWS.com",
          b"a(b).com", b"\xff.com", b"x@aws.com", b"x@sub.aws.com", b"x@evilaws.com", b"aws.com", b"@aws.com",
          b"QUJD", b"QUJDRA==", b"QUJ DRA ==", b"QU\x0bJ\x0cD", b"QU\tJD\r\n", b"QUJ\x1cD", b"QUJ", b"!!",
          b"dns/txt", b"dns", b"pass", b"fail", b"none", b"bogus",
          b"123", b"9" * 77, b"12\n", str(int(time.time()) + 10).encode(), str(int(time.time()) + 400000).encode(),
          str(int(time.time()) - 400000).encode(), b"0", b"-5", b"from:to"]
TAGS = [b"v", b"a", b"b", b"bh", b"d", b"h", b"s", b"i", b"l", b"t", b"x", b"q", b"cv", b"z"]


@settings(max_examples=4000, deadline=None)
@given(st.dictionaries(st.sampled_from(TAGS), st.sampled_from(VALUES), max_size=13),
       st.booleans())
def test_signature_fields_are_validated_as_dkimpy_validates_them(sig: dict[bytes, bytes], complete: bool) -> None:
    if complete:  # mostly well-formed signatures, one field at a time varied by the draw
        sig = {b"v": b"1", b"a": b"rsa-sha256", b"b": b"QUJD", b"bh": b"QUJD", b"d": b"aws.com", b"h": b"from",
               b"s": b"k1", **sig}
    assert _outcome(validate_signature_fields, dict(sig)) == _outcome(dkim.validate_signature_fields, dict(sig))


@pytest.mark.parametrize("value", [b"v=1; a=rsa-sha256; d=aws.com; s=k; h=from; bh=QUJD; b=QU\r\n JD;",
                                   b"v=1; a=rsa-sha256; a=rsa-sha1", b"=x", b"1a=2", b"", b";", b"a"])
def test_examples(value: bytes) -> None:
    assert _outcome(parse_tag_value, value) == _outcome(dkimpy_parse, value)
