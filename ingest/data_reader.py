"""Read the DATA section of an SMTP transaction in chunks instead of line by line.

aiosmtpd reads DATA one line at a time (an ``await`` and a dozen Python operations per line);
this reader takes whatever the socket delivered, finds the end-of-data marker with one
``bytes.find`` and undoes dot-stuffing with one ``replace``. It keeps aiosmtpd 1.4.6's semantics,
which a differential test checks against the stock implementation:

- only ``CRLF . CRLF`` ends the data (a bare ``LF . LF`` does not: SMTP smuggling,
  CVE-2023-51764 / CVE-2024-27305), and a ``.`` line right after the 354 reply means empty data;
- the content is every line before that marker with its CRLF, a leading dot removed
  (RFC 5321 4.5.2);
- more than ``size_limit`` bytes (counted as received, before dot removal) is TOO_MUCH, and the
  content is discarded as it arrives, so a sender cannot make us hold more than the limit;
- a line longer than ``line_limit`` bytes with its CRLF is TOO_LONG (size is judged first);
- bytes after the marker (a pipelined next command) stay in the reader for the command loop.

It uses the ``StreamReader`` buffer directly, as aiosmtpd itself does for STARTTLS; the protocol
falls back to aiosmtpd's own reader where that buffer is not there.
"""

from __future__ import annotations

import asyncio
import enum
from typing import Any

END_OF_DATA = b"\r\n.\r\n"
_LINE_START = b"\r\n"  # the data begins at the start of a line


class DataState(enum.Enum):
    NOMINAL = "nominal"
    TOO_LONG = "too long"
    TOO_MUCH = "too much"


def supports_fast_read(reader: asyncio.StreamReader) -> bool:
    """True when the reader has the internals :func:`read_data` relies on.

    Private internals of CPython's ``asyncio.StreamReader`` (3.11-3.13, as aiosmtpd 1.4.6 itself uses
    them for STARTTLS; aiosmtpd is pinned in constraints.txt): when they are absent, aiosmtpd's own
    reader is used. The differential test (tests/ingest/test_data_reader.py) compares both over sockets.
    """
    return all(hasattr(reader, name) for name in ("_buffer", "_eof", "_exception", "_wait_for_data",
                                                  "_maybe_resume_transport"))


async def read_data(reader: asyncio.StreamReader, *, size_limit: int | None,
                    line_limit: int) -> tuple[bytes, DataState]:
    """Read up to and including the end-of-data marker; return the content and its state.

    Raises ``asyncio.CancelledError`` when the connection ends before the marker.
    """
    internals: Any = reader
    buffer: bytearray = internals._buffer
    acc = bytearray(_LINE_START)
    searched = 0  # no marker starts before this offset of acc
    discarded = 0  # bytes of content dropped because the size limit was passed
    limit = size_limit or 0
    while True:
        if buffer:
            acc += buffer
            buffer.clear()
            end = acc.find(END_OF_DATA, searched)
            if end >= 0:
                leftover = acc[end + len(END_OF_DATA):]
                if leftover:  # nothing ran since the clear: the buffer is still empty
                    buffer += leftover
                internals._maybe_resume_transport()
                return _finish(acc, end, discarded, limit, line_limit)
            internals._maybe_resume_transport()
            searched = max(len(acc) - len(END_OF_DATA) + 1, 0)
            if limit and discarded + searched - len(_LINE_START) > limit:
                discarded += searched  # too much: keep only what may begin the marker
                del acc[:searched]
                searched = 0
            continue
        if internals._exception is not None:
            raise internals._exception
        if internals._eof:
            raise asyncio.CancelledError("connection closed during DATA")
        await internals._wait_for_data("read_data")


def _finish(acc: bytearray, end: int, discarded: int, limit: int,
            line_limit: int) -> tuple[bytes, DataState]:
    """``acc[:end + 2]`` is the data (with the line-start sentinel, unless discarded)."""
    if discarded or (limit and end > limit):
        return b"", DataState.TOO_MUCH
    del acc[end + len(_LINE_START):]
    if len(acc) > line_limit and longest_line(acc) > line_limit - 2:
        return b"", DataState.TOO_LONG
    if b"\r\n." in acc:
        acc = acc.replace(b"\r\n.", b"\r\n")
    return bytes(memoryview(acc)[len(_LINE_START):]), DataState.NOMINAL


_SPLIT_BELOW = 256 * 1024  # smaller data: one split is fastest; larger: no list of every line


def longest_line(data: bytes | bytearray) -> int:
    """Length of the longest CRLF-separated line of ``data``, without its CRLF."""
    if len(data) < _SPLIT_BELOW:
        return max(map(len, data.split(b"\r\n")))
    longest = pos = 0
    while True:
        nxt = data.find(b"\r\n", pos)
        if nxt < 0:
            return max(longest, len(data) - pos)
        longest = max(longest, nxt - pos)
        pos = nxt + 2
