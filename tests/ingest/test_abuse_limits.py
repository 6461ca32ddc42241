"""SMTP abuse limits over real sockets (issue 11, item 9): sessions per client IP, the junk-command
budget, recipient probing (per session and per IP across reconnects), bounded logging of rejected
recipients, and no AUTH offered. A second client IP is a socket bound to 127.0.0.2."""

from __future__ import annotations

import smtplib
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from ingest.limits import ConnectionLimits
from ingest.log_throttle import LogThrottle
from ingest.receiver import ListenOptions, make_tls_context
from ingest.session_guard import SessionLimits
from ingest.store import LocalStore
from tests.conftest import wait_for
from tests.ingest.smtp_client import RawClient
from tests.ingest.test_edge import self_signed
from tests.ingest.test_receiver import KNOWN, MESSAGE, Receiver

UNKNOWN = "nobody-{n}@roots.example.com"


class Clock:
    """A clock the test moves: the per-IP window without waiting for it."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "messages")


@pytest.fixture()
def clock() -> Clock:
    return Clock()


@pytest.fixture()
def limits(clock: Clock) -> ConnectionLimits:
    """The shipped defaults: 20 sessions per IP, 10 unknown recipients per IP per 600 s."""
    return ConnectionLimits(500, 600, max_sessions_per_ip=20, max_unknown_recipients=10, unknown_window=600.0,
                            clock=clock)


@pytest.fixture()
def receiver(store: LocalStore, limits: ConnectionLimits) -> Iterator[Receiver]:
    rx = Receiver(store, None, options=ListenOptions(hostname="mx.test", limits=limits,
                                                     session_limits=SessionLimits()))
    yield rx
    rx.stop()


def greeted(client: RawClient) -> bytes:
    return client.reply()[:9]


def test_21st_session_from_one_ip_gets_421_while_another_ip_connects(receiver: Receiver,
                                                                     limits: ConnectionLimits) -> None:
    idle = [RawClient(receiver.port) for _ in range(20)]
    try:
        assert [greeted(c) for c in idle] == [b"220 mx.te"] * 20
        extra = RawClient(receiver.port)
        assert extra.reply() == b"421 4.7.0 Too many concurrent sessions from your address, try again later"
        assert extra.closed()
        other = RawClient(receiver.port, source="127.0.0.2")
        assert greeted(other) == b"220 mx.te"
        assert other.command(b"EHLO other.test").startswith(b"250-mx.test")
        other.close()
        idle.pop().close()  # one slot of 127.0.0.1 frees when the server sees the close
        wait_for(lambda: limits.active == 19, timeout=10, message="the closed sessions to be released")
        again = RawClient(receiver.port)
        assert greeted(again) == b"220 mx.te"
        again.close()
    finally:
        for client in idle:
            client.close()


def test_noop_flood_is_closed_after_the_budget(receiver: Receiver) -> None:
    client = RawClient(receiver.port)
    greeted(client)
    assert [client.command(b"NOOP")[:3] for _ in range(20)] == [b"250"] * 20
    assert client.command(b"NOOP") == b"421 4.7.0 Too many commands without a message, closing"
    assert client.closed()


def test_pipelined_flood_gets_nothing_after_the_421(receiver: Receiver) -> None:
    client = RawClient(receiver.port)
    greeted(client)
    client.sock.sendall(b"RSET\r\n" * 5 + b"VRFY postmaster\r\n" * 5 + b"HELP\r\n" * 5 + b"NOOP\r\n" * 985)
    replies = []
    while (reply := client.reply()) and not reply.startswith(b"421"):
        replies.append(reply[:3])
    assert len(replies) == 20 and reply.startswith(b"421 4.7.0")
    assert client.closed()


def test_an_accepted_message_restores_the_budget(receiver: Receiver) -> None:
    with smtplib.SMTP("127.0.0.1", receiver.port) as client:
        for _ in range(3):
            for _ in range(15):
                assert client.noop()[0] == 250
            client.ehlo("client.test")
            client.mail("bounce@amazonses.com")
            client.rcpt(KNOWN)
            assert client.data(MESSAGE)[0] == 250


def test_errors_count_as_junk_relay_probing_is_closed(receiver: Receiver) -> None:
    client = RawClient(receiver.port)
    greeted(client)
    client.command(b"EHLO client.test")
    client.command(b"MAIL FROM:<a@b.example>")
    answers = [client.command(b"RCPT TO:<victim-%d@gmail.example>" % n)[:9] for n in range(19)]
    assert answers == [b"550 5.7.1"] * 19  # 19 + EHLO = the 20 junk commands allowed
    assert client.command(b"RCPT TO:<victim@gmail.example>").startswith(b"421 4.7.0")
    assert client.closed()


def test_recipient_probing_is_cut_at_10_and_the_reconnecting_prober_is_refused(
        receiver: Receiver, clock: Clock) -> None:
    client = RawClient(receiver.port)
    greeted(client)
    client.command(b"EHLO prober.test")
    client.command(b"MAIL FROM:<a@b.example>")
    answers = [client.command(f"RCPT TO:<{UNKNOWN.format(n=n)}>".encode())[:9] for n in range(10)]
    assert answers == [b"550 5.1.1"] * 10
    # even a real address is not answered any more: the prober cannot tell 250 from 550
    assert client.command(f"RCPT TO:<{KNOWN}>".encode()) == (
        b"421 4.7.0 Too many unknown recipients from your address, try again later")
    assert client.closed()

    again = RawClient(receiver.port)
    assert again.reply().startswith(b"421 4.7.0 Too many unknown recipients")
    assert again.closed()
    other = RawClient(receiver.port, source="127.0.0.2")  # another client is not affected
    assert greeted(other) == b"220 mx.te"
    other.command(b"EHLO other.test")
    other.command(b"MAIL FROM:<a@b.example>")
    assert other.command(f"RCPT TO:<{KNOWN}>".encode()).startswith(b"250")
    other.close()

    clock.now += 601  # the window has moved on: the prober gets its next 10 answers
    later = RawClient(receiver.port)
    assert greeted(later) == b"220 mx.te"
    later.close()


def test_parallel_sessions_of_one_prober_share_the_per_ip_count(receiver: Receiver) -> None:
    sessions = [RawClient(receiver.port) for _ in range(5)]
    for n, client in enumerate(sessions):
        greeted(client)
        client.command(b"EHLO prober.test")
        client.command(b"MAIL FROM:<a@b.example>")
        for m in range(2):
            assert client.command(f"RCPT TO:<{UNKNOWN.format(n=f'{n}-{m}')}>".encode())[:9] == b"550 5.1.1"
    for client in sessions:  # 10 unknown recipients from this IP: every session is cut
        assert client.command(f"RCPT TO:<{UNKNOWN.format(n='x')}>".encode()).startswith(b"421 4.7.0")
        assert client.closed()


def test_pipelined_probe_of_1000_addresses_gets_10_answers_and_3_log_lines(receiver: Receiver) -> None:
    with capture_logs() as logs:
        client = RawClient(receiver.port)
        greeted(client)
        probe = b"".join(f"RCPT TO:<{UNKNOWN.format(n=n)}>\r\n".encode() for n in range(1000))
        client.sock.sendall(b"EHLO prober.test\r\nMAIL FROM:<a@b.example>\r\n" + probe)
        client.reply()
        client.reply()
        answers = []
        while (reply := client.reply()) and not reply.startswith(b"421"):
            answers.append(reply[:9])
        assert answers == [b"550 5.1.1"] * 10
        assert reply.startswith(b"421 4.7.0")
        assert client.closed()
        client.close()
        summary = wait_for(lambda: [e for e in logs if e["event"] == "recipients_rejected_summary"],
                           timeout=10, message="the session's summary line")
    rejected = [e for e in logs if e["event"] == "recipient_rejected"]
    assert len(rejected) == 3
    # the 990 commands still buffered were never processed: one goodbye, not one per command
    assert [e["reason"] for e in logs if e["event"] == "session_closed"] == ["recipient_probing"]
    assert all(e["recipient"] == "n***@roots.example.com" for e in rejected)
    assert summary == [{"event": "recipients_rejected_summary", "unknown": 10, "relay": 0, "not_logged": 7,
                        "log_level": "info"}]


def test_a_blocked_prober_reconnecting_writes_a_bounded_number_of_log_lines(store: LocalStore,
                                                                           clock: Clock) -> None:
    limits = ConnectionLimits(0, 0, max_unknown_recipients=1, clock=clock)
    throttle = LogThrottle(lines=3, period=60.0, clock=clock)
    rx = Receiver(store, None, options=ListenOptions(limits=limits, log_throttle=throttle))
    try:
        with capture_logs() as logs:
            with smtplib.SMTP("127.0.0.1", rx.port) as client:
                client.ehlo("prober.test")
                client.mail("a@b.example")
                assert client.rcpt(UNKNOWN.format(n=1))[0] == 550
            for _ in range(50):
                client_ = RawClient(rx.port)
                assert client_.reply().startswith(b"421 4.7.0 Too many unknown recipients")
                client_.close()
            clock.now += 60
            last = RawClient(rx.port)
            assert last.reply().startswith(b"421 4.7.0")
            last.close()
        closed = [e for e in logs if e["event"] == "session_closed"]
        assert len(closed) == 4  # 3 in the first minute, then one that counts the 47 left out
        assert closed[-1]["suppressed"] == 47
    finally:
        rx.stop()


def test_log_throttle_counts_what_it_leaves_out(clock: Clock) -> None:
    throttle = LogThrottle(lines=2, period=10.0, clock=clock)
    assert [throttle.allow("e") for _ in range(5)] == [0, 0, None, None, None]
    assert throttle.allow("other") == 0
    clock.now += 10
    assert [throttle.allow("e") for _ in range(3)] == [3, 0, None]


def test_ehlo_offers_no_auth_before_or_after_starttls_and_auth_is_502(store: LocalStore, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    rx = Receiver(store, None, options=ListenOptions(tls_context=make_tls_context(str(cert), str(key))))
    try:
        with smtplib.SMTP("127.0.0.1", rx.port) as client:
            client.ehlo("client.test")
            assert not client.has_extn("auth")
            assert client.docmd("AUTH", "PLAIN AGFhAGI=") == (
                502, b"5.5.1 Authentication is not available on this server")
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            client.starttls(context=context)
            code, features = client.ehlo("client.test")
            assert code == 250 and b"STARTTLS" not in features  # a real post-TLS EHLO answer
            assert not client.has_extn("auth"), features  # aiosmtpd alone would offer AUTH LOGIN PLAIN
            assert client.docmd("AUTH", "PLAIN AGFhAGI=")[0] == 502
            client.mail("bounce@amazonses.com")
            client.rcpt(KNOWN)
            assert client.data(MESSAGE)[0] == 250
        assert store.get(next(iter(store.pending()))[0]).envelope.helo == "client.test"
    finally:
        rx.stop()


def test_limits_count_the_ipv6_64_and_ipv4_mapped_as_ipv4() -> None:
    limits = ConnectionLimits(0, 0, max_sessions_per_ip=1)
    assert limits.admit("2001:db8:1:2::1") is None
    assert limits.admit("2001:db8:1:2:ffff::9") == "too many sessions per ip"  # same /64
    assert limits.admit("2001:db8:1:3::1") is None
    assert limits.admit("192.0.2.1") is None
    assert limits.admit("::ffff:192.0.2.1") == "too many sessions per ip"
    limits.release("192.0.2.1")
    assert limits.admit("::ffff:192.0.2.1") is None
