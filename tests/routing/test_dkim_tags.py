"""RFC 6376 §3.2 tag lists read from raw DKIM-Signature bytes: what dkimpy verifies, nothing decoded."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from dkim.util import parse_tag_value
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dkim_tags
from routing.dkim_tags import TagListError, parse_tag_list, signature_tags

GOOD = (b" v=1; a=rsa-sha256; c=relaxed/simple; d=aws.com;\r\n s=sel1; t=1773851400;"
        b" h=date : from : to\r\n : subject; bh=k/mNt3Q9=; b=B1cX\r\n pQcJ==\r\n")


def test_a_folded_signature_is_read_like_dkimpy_reads_it() -> None:
    tags = parse_tag_list(GOOD)
    assert tags["d"] == "aws.com" and tags["s"] == "sel1"
    signature = signature_tags(0, GOOD)
    assert signature.signed_names == ("date", "from", "to", "subject")
    assert signature.b == "B1cXpQcJ==" and signature.body_length is None
    expected = {k.decode(): v.decode() for k, v in parse_tag_value(GOOD.replace(b"\r\n", b"")).items()}
    assert tags["d"] == expected["d"] and tags["s"] == expected["s"]


@pytest.mark.parametrize(
    ("value", "why"),
    [
        (b"x2==?utf-8?q?=3Bd=3Damazon.com?=; d=evil.example; s=s; h=from; b=AA==", "encoded word"),
        (b"d=evil.example; s=s; h=from; b=AA==; d=aws.com", "duplicate tag 'd'"),
        (b"d=aws.com; d=aws.com; s=s; h=from; b=AA==", "duplicate"),
        (b"d=ev\xc3\xa4l.example; s=s; h=from; b=AA==", "not ASCII"),
        (b"d=aws.com; s=s; h=from; b=AA==\r\nX-Injected: 1", "line break"),
        (b"d=aws.com;; s=s; h=from; b=AA==", "bad tag-spec"),
        (b"1d=aws.com; s=s; h=from; b=AA==", "bad tag-spec"),
        (b"d=aws .com; s=s; h=from; b=AA==", "not a domain"),
        (b"d=aws.com.; s=s; h=from; b=AA==", "not a domain"),
        (b"d=aws.com; s=s; h=to:subject; b=AA==", "does not sign From"),
        (b"d=aws.com; s=s; h=from; l=12x; b=AA==", "l= is not"),
        (b"s=s; h=from; b=AA==", "no d="),
    ],
)
def test_invalid_signatures_are_refused(value: bytes, why: str) -> None:
    with pytest.raises(TagListError, match=why):
        signature_tags(0, value)


def test_tag_names_are_case_sensitive_and_l_is_read() -> None:
    signature = signature_tags(3, b"D=aws.com; d=evil.example; s=s1; h=From:Subject; l=120; b=AA==;")
    assert signature.domain == "evil.example" and signature.index == 3 and signature.body_length == 120
    assert signature.signed_names == ("from", "subject")


_TOKEN = st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789.-/+=:", min_size=1, max_size=12)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["d", "s", "h", "b", "x", "bh", "q"]), _TOKEN), max_size=8),
       st.sampled_from([b"; ", b";", b" ;\r\n "]))
def test_whatever_this_parser_accepts_dkimpy_reads_the_same(tags: list[tuple[str, str]], sep: bytes) -> None:
    value = sep.join(f"{k}={v}".encode() for k, v in tags)
    try:
        ours = parse_tag_list(value)
    except TagListError:
        return
    theirs = parse_tag_value(value.replace(b"\r\n", b""))
    assert {k.encode(): v.encode() for k, v in ours.items()} == theirs


def _outcome(read: Callable[[], object]) -> object:
    try:
        return read()
    except TagListError as exc:
        return f"TagListError: {exc}"


def _plain_parse_tag_list(value: bytes) -> dict[str, str]:
    """parse_tag_list without the character check: every spec checked on its own."""
    return dkim_tags._tags(dkim_tags._tag_text(value))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["a", "Z", "_", "9", "b", "bh", "=", ";", " ", "\t", "\r\n", "\r\n ", "\n ", "-", ":",
                                 "\x7f", "\x00", "\x1f", "~", "!", "\r", " h=", "; d=x", "b=a b", "é"]),
                max_size=30))
def test_the_whole_list_check_gives_the_per_tag_checks_outcome(pieces: list[str]) -> None:
    value = "".join(pieces).encode("utf-8")
    assert _outcome(lambda: parse_tag_list(value)) == _outcome(lambda: _plain_parse_tag_list(value))


def _plain_signed_names(h: str) -> tuple[str, ...] | None:
    """The h= names as read before the whole-value pattern: split, each stripped and checked on its own."""
    names = tuple(name.strip(" \t") for name in h.lower().split(":"))
    return names if all(map(dkim_tags._HEADER_NAME.fullmatch, names)) else None


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["a", "B", "-", ":", " : ", " ", "\t", "  ", "\x21", "\x7e", "\x7f", "\x00", "\x0b",
                                 "é", "9", ";", "From", "Message-ID", "::", ": "]), max_size=16))
def test_speed_h_names_are_the_per_name_reading(pieces: list[str]) -> None:
    h = "".join(pieces).strip(" \t")  # a tag value: no white space around it
    assert dkim_tags._signed_names(h) == _plain_signed_names(h)


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(["a", "=", ";", " ", "\t", "\r", "\n", "\r\n", "\r\n ", "\r\n\t", "\n ", "\r\r\n ",
                                 "\r\n\r\n ", "\r\n\r\n\t"]), max_size=20))
def test_unfolding_is_the_fws_substitution(pieces: list[str]) -> None:
    value = "".join(pieces).encode("ascii")
    assert dkim_tags._unfold(value) == dkim_tags._FWS.sub(b"", value)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["a", "Z", "_", "9", "b", "bh", "=", ";", " ", "\t", "  ", "-", ":", "\x7f", "~",
                                 "!", "é", "\x00", "\x1f", "a=b", "; ", " ;", "==", "b=a b", "x=", "=x", "a=1"]),
                max_size=24))
def test_speed_checked_tags_are_the_per_tag_reading(pieces: list[str]) -> None:
    text = "".join(pieces)
    plain = _outcome(lambda: dkim_tags._tags(text))
    fast = dkim_tags._checked_tags(text) if dkim_tags._TAG_CHARS.fullmatch(text) else None
    if fast is not None:  # what the character check and the names' match take, the per-tag checks read alike
        assert fast == plain
    else:  # and they take every list of tags these read (the fast path is the usual one)
        assert plain == {} or isinstance(plain, str)
