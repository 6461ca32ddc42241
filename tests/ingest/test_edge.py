"""SMTP edge hardening over real sockets: content checks, limits, STARTTLS, PROXY protocol."""

from __future__ import annotations

import datetime
import smtplib
import socket
import ssl
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

from ingest.limits import ConnectionLimits
from ingest.networks import TrustedNetworks
from ingest.receiver import EdgePolicy, ListenOptions, make_tls_context
from ingest.store import LocalStore
from tests.ingest.test_receiver import KNOWN, MESSAGE, Receiver

HEAD = b"From: a@amazon.com\r\nTo: " + KNOWN.encode() + b"\r\nSubject: s\r\n"


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "messages")


def serve(store: LocalStore, **kwargs: object) -> Receiver:
    options = kwargs.pop("options", None)
    edge = kwargs.pop("edge", None)
    return Receiver(store, None, options=options, edge=edge)  # type: ignore[arg-type]


@pytest.fixture()
def plain(store: LocalStore) -> Iterator[Receiver]:
    rx = serve(store, edge=EdgePolicy(max_recipients=2, max_header_size=2048, max_received_headers=5))
    yield rx
    rx.stop()


def deliver(port: int, raw: bytes, rcpts: tuple[str, ...] = (KNOWN,)) -> tuple[int, bytes]:
    with smtplib.SMTP("127.0.0.1", port) as client:
        client.ehlo("client.test")
        client.mail("bounce@amazonses.com")
        for rcpt in rcpts:
            client.rcpt(rcpt)
        return client.data(raw)


def test_bare_lf_in_data_is_refused_and_nothing_stored(plain: Receiver, store: LocalStore) -> None:
    code, text = deliver(plain.port, HEAD + b"\r\nline one\nsmuggled: line\r\n")
    assert (code, text[:5]) == (554, b"5.6.0")
    assert list(store.pending()) == []


def test_bare_cr_in_data_is_refused(plain: Receiver) -> None:
    assert deliver(plain.port, HEAD + b"\r\nline one\rline two\r\n")[0] == 554


def test_too_many_received_headers_is_a_mail_loop(plain: Receiver) -> None:
    loop = b"Received: from a by b; Mon, 1 Jan 2026 00:00:00 +0000\r\n" * 6
    assert deliver(plain.port, loop + HEAD + b"\r\nbody\r\n") == (
        554, b"5.4.6 Too many Received headers: mail loop suspected")


def test_oversized_header_block_is_552_5_3_4(plain: Receiver) -> None:
    big = b"".join(b"X-Filler-%d: %s\r\n" % (n, b"y" * 60) for n in range(40))
    assert deliver(plain.port, HEAD + big + b"\r\nbody\r\n") == (552, b"5.3.4 Message header size exceeds limit")


def test_recipient_cap_is_452_4_5_3(store: LocalStore) -> None:
    rx = serve(store, edge=EdgePolicy(max_recipients=1))
    try:
        with smtplib.SMTP("127.0.0.1", rx.port) as client:
            client.ehlo("client.test")
            client.mail("bounce@amazonses.com")
            assert client.rcpt(KNOWN)[0] == 250
            assert client.rcpt(KNOWN)[0] == 250  # a repeated address is not counted twice
            assert client.rcpt("aws-root+acme-dev@roots.example.com") == (452, b"4.5.3 Too many recipients")
    finally:
        rx.stop()


def banner(port: int, prefix: bytes = b"") -> tuple[socket.socket, bytes]:
    sock = socket.create_connection(("127.0.0.1", port), timeout=10)
    if prefix:
        sock.sendall(prefix)
    return sock, sock.recv(200)


def test_connection_cap_answers_421_4_7_0(store: LocalStore) -> None:
    rx = serve(store, options=ListenOptions(limits=ConnectionLimits(max_connections=2, per_ip_per_minute=0)))
    try:
        first, one = banner(rx.port)
        second, two = banner(rx.port)
        third, three = banner(rx.port)
        assert one.startswith(b"220") and two.startswith(b"220")
        assert three.startswith(b"421 4.7.0 Too many connections")
        first.close()
        deadline = time.monotonic() + 10
        while True:  # the slot is released when the server sees the close
            sock, reply = banner(rx.port)
            sock.close()
            if reply.startswith(b"220") or time.monotonic() > deadline:
                break
        assert reply.startswith(b"220")
        second.close()
        third.close()
    finally:
        rx.stop()


def test_per_ip_connection_rate_answers_421(store: LocalStore) -> None:
    rx = serve(store, options=ListenOptions(limits=ConnectionLimits(max_connections=0, per_ip_per_minute=3)))
    try:
        replies = []
        for _ in range(4):
            sock, reply = banner(rx.port)
            replies.append(reply[:9])
            sock.close()
        assert replies == [b"220 rootm", b"220 rootm", b"220 rootm", b"421 4.7.0"]
    finally:
        rx.stop()


def test_idle_session_is_closed_after_the_timeout(store: LocalStore) -> None:
    rx = serve(store, options=ListenOptions(idle_timeout=0.5))
    try:
        sock, reply = banner(rx.port)
        assert reply.startswith(b"220")
        sock.settimeout(10)
        assert sock.recv(100) == b""  # the server closed the silent session
    finally:
        rx.stop()


def self_signed(tmp_path: Path) -> tuple[Path, Path]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mx.test")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(1).not_valid_before(now).not_valid_after(now + datetime.timedelta(days=1))
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_file, key_file


def test_starttls_required_then_delivered(store: LocalStore, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    rx = serve(store, options=ListenOptions(tls_context=make_tls_context(str(cert), str(key)), require_tls=True))
    try:
        with smtplib.SMTP("127.0.0.1", rx.port) as client:
            client.ehlo("client.test")
            assert client.has_extn("starttls")
            assert client.mail("bounce@amazonses.com") == (530, b"5.7.0 Must issue a STARTTLS command first")
            context = ssl.create_default_context()
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            client.starttls(context=context)
            client.ehlo("client.test")
            client.mail("bounce@amazonses.com")
            client.rcpt(KNOWN)
            assert client.data(MESSAGE)[0] == 250
        assert len(list(store.pending())) == 1
    finally:
        rx.stop()


PROXY_V1 = b"PROXY TCP4 203.0.113.9 127.0.0.1 40000 25\r\n"
# v2: signature, version 2 + PROXY, TCP over IPv4, 12 address bytes (src, dst, src port, dst port)
PROXY_V2 = (b"\r\n\r\n\x00\r\nQUIT\n" + bytes([0x21, 0x11]) + (12).to_bytes(2, "big")
            + socket.inet_aton("203.0.113.9") + socket.inet_aton("127.0.0.1")
            + (40000).to_bytes(2, "big") + (25).to_bytes(2, "big"))
LOOPBACK = TrustedNetworks.parse("127.0.0.1/32")  # the test client is the trusted load balancer


@pytest.mark.parametrize("header", [PROXY_V1, PROXY_V2], ids=["v1", "v2"])
def test_proxy_protocol_gives_the_real_client_address(store: LocalStore, header: bytes) -> None:
    rx = serve(store, options=ListenOptions(proxy_protocol_timeout=5.0, proxy_trusted=LOOPBACK))
    try:
        sock, reply = banner(rx.port, header)
        assert reply.startswith(b"220")
        commands = (b"EHLO client.test\r\n", b"MAIL FROM:<bounce@amazonses.com>\r\n",
                    f"RCPT TO:<{KNOWN}>\r\n".encode(), b"DATA\r\n")
        for line in commands:
            sock.sendall(line)
            time_limit = time.monotonic() + 10
            data = b""
            while not data.endswith(b"\r\n") or data.split(b"\r\n")[-2][3:4] == b"-":
                data += sock.recv(1000)
                assert time.monotonic() < time_limit
        sock.sendall(MESSAGE + b".\r\n")
        assert sock.recv(200).startswith(b"250 2.0.0 queued as")
        sock.close()
        key = next(iter(store.pending()))[0]
        assert store.get(key).envelope.peer == "203.0.113.9"
    finally:
        rx.stop()


def test_missing_proxy_header_is_dropped_without_a_banner(store: LocalStore) -> None:
    rx = serve(store, options=ListenOptions(proxy_protocol_timeout=5.0, proxy_trusted=LOOPBACK))
    try:
        sock, reply = banner(rx.port, b"EHLO not-a-proxy-header\r\n")
        assert not reply.startswith(b"220")
        sock.close()
    finally:
        rx.stop()
