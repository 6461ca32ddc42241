"""Property tests on the SMTP dialogue against the real receiver over a socket: any sequence of
commands and bytes gets only well-formed replies, and the server keeps serving afterwards."""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.receiver import EdgePolicy, ListenOptions
from ingest.store import LocalStore
from tests.ingest.test_receiver import KNOWN, Receiver

REPLY = re.compile(rb"^[2-5][0-9][0-9]([ -].*)?$")
COMMANDS = [
    b"EHLO client.test", b"HELO client.test", b"EHLO", b"MAIL FROM:<bounce@amazonses.com>",
    b"MAIL FROM:<bounce@amazonses.com> SIZE=999999999", b"MAIL FROM:<>", b"MAIL FROM:bad", b"MAIL FROM:<",
    b"RCPT TO:<", b"MAIL FROM:<.@[",
    f"RCPT TO:<{KNOWN}>".encode(), b"RCPT TO:<nobody@roots.example.com>", b"RCPT TO:<x@elsewhere.example>",
    b"RCPT TO:<>", b"DATA", b"BDAT 10", b"RSET", b"NOOP", b"VRFY root", b"EXPN list", b"HELP", b"STARTTLS",
    b"AUTH PLAIN AAAA", b"Subject: hi", b"", b".", b"..", b"\x00\xff", b"MAIL", b"RCPT", b"X" * 1200,
    b"QUIT",
]
LINE = st.sampled_from(COMMANDS) | st.binary(max_size=80).map(lambda b: b.replace(b"\n", b"").replace(b"\r", b""))
CRASHED = re.compile(rb"^500 Error: \(\w+\)")  # aiosmtpd's reply when a handler raised
BYE = re.compile(rb"(^|\r\n)221 [^\r\n]*\r\n")
MAX_REPLY_WAIT = 10.0


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Receiver]:
    store = LocalStore(Path(tmp_path_factory.mktemp("smtp-properties")) / "messages", fsync=False)
    receiver = Receiver(store, None, options=ListenOptions(hostname="mx.test", max_message_size=64 * 1024,
                                                          idle_timeout=30),
                        edge=EdgePolicy())
    yield receiver
    receiver.stop()


def converse(port: int, payload: bytes) -> bytes:
    """Send ``payload`` then end any DATA and QUIT; read every reply until the server says 221 or
    closes. A server that does neither within the deadline is hung, and fails the test."""
    with socket.create_connection(("127.0.0.1", port), timeout=MAX_REPLY_WAIT) as sock:
        sock.sendall(payload + b"\r\n.\r\nQUIT\r\n")
        received = bytearray()
        deadline = time.monotonic() + MAX_REPLY_WAIT
        while not BYE.search(received):
            assert time.monotonic() < deadline, f"no 221, no close in {MAX_REPLY_WAIT}s: {bytes(received)[-300:]!r}"
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            received += chunk
        return bytes(received)


def assert_well_formed(replies: bytes) -> None:
    assert replies.startswith(b"220 "), replies[:200]
    lines = replies.split(b"\r\n")
    assert lines[-1] == b"", f"a reply does not end with CRLF: {lines[-1][:200]!r}"
    for line in lines[:-1]:
        assert REPLY.match(line), f"not an SMTP reply line: {line[:200]!r}"
        assert not CRASHED.match(line), line


def assert_still_serving(port: int) -> None:
    replies = converse(port, b"EHLO check.test\r\nNOOP")
    assert re.search(rb"\r\n250[ -]check|\r\n250[ -]mx\.test", replies), replies
    assert BYE.search(replies), replies


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINE, min_size=1, max_size=25))
def test_any_command_sequence_gets_only_reply_lines(server: Receiver, lines: list[bytes]) -> None:
    assert_well_formed(converse(server.port, b"".join(line + b"\r\n" for line in lines)))
    assert_still_serving(server.port)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_arbitrary_bytes_get_only_reply_lines(server: Receiver, junk: bytes) -> None:
    assert_well_formed(converse(server.port, junk))
    assert_still_serving(server.port)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000), st.booleans())
def test_any_data_content_is_answered_250_or_5xx_with_enhanced_status(server: Receiver, body: bytes,
                                                                      crlf: bool) -> None:
    if crlf:
        body = re.sub(rb"\r?\n|\r", b"\r\n", body)
    stuffed = re.sub(rb"(?m)^\.", b"..", body)
    payload = (b"EHLO client.test\r\nMAIL FROM:<bounce@amazonses.com>\r\nRCPT TO:<" + KNOWN.encode() + b">\r\n"
               b"DATA\r\n" + stuffed + (b"" if stuffed.endswith(b"\r\n") else b"\r\n") + b".")
    replies = converse(server.port, payload)
    assert_well_formed(replies)
    answer = replies.split(b"\r\n354 ", 1)[1].split(b"\r\n")[1]
    assert re.match(rb"^(250 2\.0\.0 queued as \S+|5[0-9][0-9] 5\.[0-9]\.[0-9] .+)$", answer), answer
