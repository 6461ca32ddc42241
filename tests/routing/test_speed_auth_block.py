"""What ``routing.signed_view.header_block`` records for later steps gives their plain answers: the
empty line it found is where ``body_of`` finds it again (the same body), and ``crlf_only`` is the
per-value check that every CR starts a CRLF (``_same_header_list``); ``repeated_singletons`` gives the
names that counting every header name gives."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import signed_view

LINES = [b"Subject: x", b"From: a@b", b" folded", b"\tfolded", b"", b"From mbox line", b"bad header", b"v \r x",
         b"X-A:b\r", b"DKIM-Signature: d=x;", b"To: \rb", b"\r", b"body"]
ENDS = [b"\r\n", b"\n", b"\r\r\n", b"\n\n", b"\r\n\r\n", b"\r"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINES), max_size=12), st.lists(st.sampled_from(ENDS), min_size=1, max_size=12))
def test_recorded_facts_are_the_plain_ones(lines: list[bytes], ends: list[bytes]) -> None:
    raw = b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    try:
        block = signed_view.header_block(raw)
    except signed_view.HeaderBlockError:
        return
    assert block.blank == signed_view._blank_line(raw)
    assert signed_view.body_of(raw, block) == signed_view.body_of(raw)
    if block.crlf_only is not None:
        assert block.crlf_only == all(value.count(b"\r") == value.count(b"\r\n") for _, value in block.fields)


def test_a_block_made_elsewhere_is_read_as_before() -> None:
    raw = b"From: a@b\r\nTo: \rx\r\n\r\nbody\r\n"
    made = signed_view.HeaderBlock(signed_view.header_block(raw).fields, ("from", "to"))
    assert made.blank == -1 and made.crlf_only is None
    assert signed_view.body_of(raw, made) == signed_view.body_of(raw) == b"body\r\n"
    assert signed_view.header_block(raw).crlf_only is False
    assert signed_view.header_block(b"From: a@b\r\n\r\nx").crlf_only is True


NAMES = ["from", "to", "cc", "subject", "received", "dkim-signature", "content-type", "mime-version", "x-a", "From",
         "sender", "content-disposition", "reply-to", ""]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(NAMES), max_size=20))
def test_repeated_singletons_count_every_name(names: list[str]) -> None:
    block = signed_view.HeaderBlock(tuple((n.encode(), b" x\r\n") for n in names), tuple(names))
    counts = Counter(names)
    assert signed_view.repeated_singletons(block) == \
        [n for n in (*signed_view.ONCE_ONLY, *signed_view.MIME_STRUCTURE) if counts[n] > 1]


def test_repeated_singletons_reads_only_the_singleton_names() -> None:
    assert frozenset((*signed_view.ONCE_ONLY, *signed_view.MIME_STRUCTURE)) == signed_view._SINGLETON_SET
