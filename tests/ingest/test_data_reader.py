"""The chunked DATA reader, two ways:

- fed into a StreamReader in arbitrary chunks, it returns what a line-by-line reading of the
  stream gives (the semantics of aiosmtpd 1.4.6, written out below as the reference) and leaves
  the bytes after the end-of-data marker for the command loop;
- over a real socket, rootmail's protocol and stock aiosmtpd answer the same replies and hand the
  handler the same content for the same byte streams (smuggling variants, dot-stuffing, empty data,
  long lines, oversized data, pipelined commands after the dot).
"""

from __future__ import annotations

import asyncio
import itertools
import socket
from collections.abc import Iterator

import pytest
from aiosmtpd.smtp import SMTP
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.data_reader import DataState, longest_line, read_data
from ingest.protocol import RootmailSMTP
from tests.conftest import LoopThread, free_port

LINE_LIMIT = 1001


def reference(stream: bytes, size_limit: int) -> tuple[bytes, DataState, bytes] | None:
    """Line-by-line reading: None when the stream has no end-of-data line."""
    lines: list[bytes] = []
    pos = 0
    while True:
        end = stream.find(b"\r\n", pos)
        if end < 0:
            return None
        line = stream[pos:end + 2]
        pos = end + 2
        if line == b".\r\n":
            break
        lines.append(line)
    rest = stream[pos:]
    if size_limit and sum(map(len, lines)) > size_limit:
        return b"", DataState.TOO_MUCH, rest
    if any(len(line) > LINE_LIMIT for line in lines):
        return b"", DataState.TOO_LONG, rest
    return b"".join(line[1:] if line.startswith(b".") else line for line in lines), DataState.NOMINAL, rest


async def feed_and_read(chunks: list[bytes], size_limit: int) -> tuple[bytes, DataState, bytes]:
    reader = asyncio.StreamReader(limit=LINE_LIMIT)

    async def feed() -> None:
        for chunk in chunks:
            reader.feed_data(chunk)
            await asyncio.sleep(0)  # let the reader run between chunks
        reader.feed_eof()

    feeder = asyncio.ensure_future(feed())
    content, state = await read_data(reader, size_limit=size_limit, line_limit=LINE_LIMIT)
    await feeder
    return content, state, await reader.read()


def split(stream: bytes, cuts: list[int]) -> list[bytes]:
    points = sorted({c % (len(stream) + 1) for c in cuts} | {0, len(stream)})
    return [stream[a:b] for a, b in itertools.pairwise(points) if b > a]


PIECES = st.sampled_from([b".", b"..", b"\r\n", b"\n", b"\r", b"x", b"abc", b".\n", b"\n.\n", b"\r.\r",
                          b"\r\n.\r\n", b"\r\n..\r\n", b"QUIT\r\n", b"\xff\x00", b"y" * 700])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=40), st.lists(st.integers(min_value=0), max_size=8),
       st.sampled_from([0, 40, 2000]))
def test_chunked_reading_matches_line_by_line_reading(pieces: list[bytes], cuts: list[int], limit: int) -> None:
    stream = b"".join(pieces) + b"\r\n.\r\nQUIT\r\n"
    expected = reference(stream, limit)
    assert expected is not None
    got = asyncio.run(feed_and_read(split(stream, cuts), limit))
    assert got == expected


def test_dot_line_right_after_354_is_empty_data() -> None:
    assert asyncio.run(feed_and_read([b".\r\nRSET\r\n"], 0)) == (b"", DataState.NOMINAL, b"RSET\r\n")


def test_marker_split_across_every_chunk_boundary() -> None:
    stream = b"Subject: x\r\n\r\n..dot\r\n.\r\nNOOP\r\n"
    for cut in range(1, len(stream)):
        got = asyncio.run(feed_and_read([stream[:cut], stream[cut:]], 0))
        assert got == (b"Subject: x\r\n\r\n.dot\r\n", DataState.NOMINAL, b"NOOP\r\n"), cut


def test_oversized_data_is_discarded_as_it_arrives() -> None:
    chunks = [b"z" * 500 + b"\r\n"] * 200 + [b".\r\n"]
    content, state, rest = asyncio.run(feed_and_read(chunks, 10_000))
    assert (content, state, rest) == (b"", DataState.TOO_MUCH, b"")


def test_connection_closed_before_the_marker_raises_cancelled() -> None:
    async def run() -> None:
        reader = asyncio.StreamReader(limit=LINE_LIMIT)
        reader.feed_data(b"Subject: x\r\n\r\nbody\n.\n")  # bare-LF dot: not an end of data
        reader.feed_eof()
        await read_data(reader, size_limit=0, line_limit=LINE_LIMIT)

    with pytest.raises(asyncio.CancelledError):
        asyncio.run(run())


# --- differential test over sockets against stock aiosmtpd -------------------------------------

class Capture:
    def __init__(self) -> None:
        self.contents: list[bytes] = []

    async def handle_DATA(self, server: SMTP, session: object, envelope: object) -> str:
        self.contents.append(bytes(getattr(envelope, "original_content", b"") or b""))
        return "250 2.0.0 OK"


class Pair:
    """Stock aiosmtpd and rootmail's protocol, both with a capturing handler, on one loop."""

    def __init__(self) -> None:
        self.handlers = {"stock": Capture(), "rootmail": Capture()}
        self.ports = {"stock": free_port(), "rootmail": free_port()}

        async def listen() -> None:
            loop = asyncio.get_running_loop()
            for name, cls in (("stock", SMTP), ("rootmail", RootmailSMTP)):
                handler = self.handlers[name]
                await loop.create_server(
                    lambda cls=cls, handler=handler: cls(handler, hostname="mx.test", data_size_limit=4096,
                                                         enable_SMTPUTF8=True),
                    "127.0.0.1", self.ports[name])

        self.thread = LoopThread(listen)

    def stop(self) -> None:
        self.thread.stop()


@pytest.fixture(scope="module")
def pair() -> Iterator[Pair]:
    servers = Pair()
    yield servers
    servers.stop()


def converse(port: int, data: bytes) -> bytes:
    """One transaction whose DATA section is ``data`` (which must end it), then NOOP and QUIT."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"EHLO c.test\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<r@mx.test>\r\nDATA\r\n" + data
                     + b"NOOP\r\nQUIT\r\n")
        received = bytearray()
        while not received.endswith(b"\r\n") or b"\r\n221 " not in b"\r\n" + received:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    return bytes(received)


def codes(transcript: bytes) -> list[bytes]:
    return [line[:3] for line in transcript.split(b"\r\n") if line[:3].isdigit() and line[3:4] != b"-"]


STREAMS = [
    b"Subject: plain\r\n\r\nhello\r\n.\r\n",
    b".\r\n",
    b"..leading dot\r\n...two\r\n.\r\n",
    b"smuggle\n.\nMAIL FROM:<x@y>\r\n.\r\n",
    b"smuggle\r\n.\nRCPT TO:<x@y>\r\n.\r\n",
    b"smuggle\n.\r\nbody\r\n.\r\n",
    b"cr only\r.\rstill data\r\n.\r\n",
    b"x" * 999 + b"\r\n.\r\n",
    b"x" * 1000 + b"\r\n.\r\n",
    b"x" * 3000 + b"\r\n.\r\n",
    (b"y" * 100 + b"\r\n") * 45 + b".\r\n",
    b"\xff\xfe binary \x00 bytes\r\n.\r\n",
    b"no final newline.\r\n.\r\n",
]


@pytest.mark.parametrize("stream", STREAMS, ids=range(len(STREAMS)))
def test_same_replies_and_content_as_stock_aiosmtpd(pair: Pair, stream: bytes) -> None:
    before = {name: len(handler.contents) for name, handler in pair.handlers.items()}
    stock = converse(pair.ports["stock"], stream)
    ours = converse(pair.ports["rootmail"], stream)
    assert codes(ours) == codes(stock), (stock, ours)
    new = {name: handler.contents[before[name]:] for name, handler in pair.handlers.items()}
    assert new["rootmail"] == new["stock"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from([b"a", b"\r\n", b"\r", b"\n", b"x" * 50]), max_size=60), st.integers(0, 3))
def test_longest_line_both_ways(pieces: list[bytes], repeat: int) -> None:
    data = b"".join(pieces) * (repeat + 1)
    expected = max(map(len, data.split(b"\r\n")))
    assert longest_line(data) == expected
    padded = data + b"\r\n" + (b"y" * 70 + b"\r\n") * 4000  # beyond the split threshold
    assert longest_line(padded) == max(expected, 70)


@pytest.mark.parametrize("long_line", [False, True])
def test_a_large_message_in_socket_sized_chunks(long_line: bool) -> None:
    lines = [b"." * (i % 3) + b"z" * 76 + b"\r\n" for i in range(30_000)]  # about 2.3 MB
    if long_line:
        lines[-2] = b"w" * 1000 + b"\r\n"
    stream = b"".join(lines) + b".\r\nQUIT\r\n"
    chunks = [stream[i:i + 65536] for i in range(0, len(stream), 65536)]
    assert asyncio.run(feed_and_read(chunks, 25 * 1024 * 1024)) == reference(stream, 25 * 1024 * 1024)
