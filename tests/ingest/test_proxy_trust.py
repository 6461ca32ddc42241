"""PROXY protocol trust over real sockets (issue 11, item 5): a header is read only from a peer in
ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS; anyone else gets 554 5.7.1 and is closed. The trusted
header's address is the client address for limits and the stored envelope, also after STARTTLS.
The trusted load balancer is 127.0.0.1; an untrusted peer is a socket bound to 127.0.0.2."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from pathlib import Path

import pytest
from structlog.testing import capture_logs

from ingest.limits import ConnectionLimits
from ingest.networks import TrustedNetworks, client_key, parse_networks
from ingest.receiver import ListenOptions, make_tls_context
from ingest.store import LocalStore
from rootmail.errors import UsageProblem
from rootmail.serve import listen_options
from rootmail.settings import Settings
from tests.ingest.smtp_client import RawClient
from tests.ingest.test_edge import self_signed
from tests.ingest.test_receiver import KNOWN, MESSAGE, Receiver

CLAIMED = "203.0.113.9"
TRUSTED = TrustedNetworks.parse("127.0.0.1/32, 2001:db8::/32")


def proxy_v1(src: str = CLAIMED) -> bytes:
    return f"PROXY TCP4 {src} 127.0.0.1 40000 25\r\n".encode()


def proxy_v2(src: str = CLAIMED) -> bytes:
    """v2 signature, version 2 + PROXY, TCP over IPv4, 12 address bytes (src, dst, ports)."""
    return (b"\r\n\r\n\x00\r\nQUIT\n" + bytes([0x21, 0x11]) + (12).to_bytes(2, "big")
            + socket.inet_aton(src) + socket.inet_aton("127.0.0.1")
            + (40000).to_bytes(2, "big") + (25).to_bytes(2, "big"))


HEADERS = {"v1": proxy_v1, "v2": proxy_v2}


@pytest.fixture()
def store(tmp_path: Path) -> LocalStore:
    return LocalStore(tmp_path / "messages")


@pytest.fixture()
def proxied(store: LocalStore) -> Iterator[Receiver]:
    limits = ConnectionLimits(0, 0, max_sessions_per_ip=1)
    rx = Receiver(store, None, options=ListenOptions(hostname="mx.test", proxy_protocol_timeout=5.0,
                                                     proxy_trusted=TRUSTED, limits=limits))
    yield rx
    rx.stop()


def deliver(client: RawClient) -> bytes:
    for line in (b"EHLO client.test", b"MAIL FROM:<bounce@amazonses.com>", f"RCPT TO:<{KNOWN}>".encode()):
        assert client.command(line)[:1] == b"2"
    assert client.command(b"DATA").startswith(b"354")
    return client.command(MESSAGE + b".")


@pytest.mark.parametrize("version", HEADERS)
def test_proxy_header_from_an_untrusted_peer_is_554_and_closed(proxied: Receiver, store: LocalStore,
                                                              version: str) -> None:
    with capture_logs() as logs:
        client = RawClient(proxied.port, source="127.0.0.2", prefix=HEADERS[version]())
        assert client.reply() == b"554 5.7.1 PROXY protocol is accepted only from trusted networks"
        assert client.closed()
    assert list(store.pending()) == []
    assert [e["event"] for e in logs] == ["proxy_peer_untrusted"]
    assert logs[0]["peer"] == "127.0.0.2"
    assert CLAIMED not in repr(logs)  # the claimed address is never read, let alone logged


def test_untrusted_peer_without_a_header_is_554_too(proxied: Receiver) -> None:
    client = RawClient(proxied.port, source="127.0.0.2", prefix=b"EHLO direct.test\r\n")
    assert client.reply().startswith(b"554 5.7.1")
    assert client.closed()


@pytest.mark.parametrize("version", HEADERS)
def test_proxy_header_from_a_trusted_peer_gives_the_claimed_address(proxied: Receiver, store: LocalStore,
                                                                   version: str) -> None:
    client = RawClient(proxied.port, prefix=HEADERS[version]())
    assert client.reply().startswith(b"220 mx.test")
    assert deliver(client).startswith(b"250 2.0.0 queued as")
    client.close()
    assert store.get(next(iter(store.pending()))[0]).envelope.peer == CLAIMED


@pytest.mark.parametrize("version", HEADERS)
def test_per_ip_limits_count_the_claimed_address(proxied: Receiver, version: str) -> None:
    first = RawClient(proxied.port, prefix=HEADERS[version]())
    assert first.reply().startswith(b"220")
    same = RawClient(proxied.port, prefix=HEADERS[version]())  # the same client behind the balancer
    assert same.reply().startswith(b"421 4.7.0 Too many concurrent sessions")
    assert same.closed()
    other = RawClient(proxied.port, prefix=HEADERS[version]("203.0.113.10"))  # another client, same balancer
    assert other.reply().startswith(b"220")
    for client in (first, other):
        client.close()


def test_the_claimed_address_survives_starttls(store: LocalStore, tmp_path: Path) -> None:
    cert, key = self_signed(tmp_path)
    rx = Receiver(store, None, options=ListenOptions(
        proxy_protocol_timeout=5.0, proxy_trusted=TRUSTED, tls_context=make_tls_context(str(cert), str(key))))
    try:
        client = RawClient(rx.port, prefix=proxy_v1())
        assert client.reply().startswith(b"220")
        client.command(b"EHLO client.test")
        assert client.command(b"STARTTLS").startswith(b"220")
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        client.sock = context.wrap_socket(client.sock)
        assert deliver(client).startswith(b"250 2.0.0 queued as")
        client.close()
    finally:
        rx.stop()
    assert store.get(next(iter(store.pending()))[0]).envelope.peer == CLAIMED


def test_proxy_on_with_no_trusted_networks_trusts_nobody(store: LocalStore) -> None:
    rx = Receiver(store, None, options=ListenOptions(proxy_protocol_timeout=5.0))
    try:
        client = RawClient(rx.port, prefix=proxy_v1())
        assert client.reply().startswith(b"554 5.7.1")
        assert client.closed()
    finally:
        rx.stop()


@pytest.mark.usefixtures("clean_env")
def test_serve_refuses_to_start_with_proxy_on_and_no_trusted_networks() -> None:
    with pytest.raises(UsageProblem, match="ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS"):
        listen_options(Settings(smtp_proxy_protocol=True))
    options = listen_options(Settings(smtp_proxy_protocol=True, smtp_proxy_trusted_networks="10.0.0.0/16"))
    assert "10.0.3.4" in options.proxy_trusted and "10.1.0.1" not in options.proxy_trusted


@pytest.mark.usefixtures("clean_env")
@pytest.mark.parametrize(("variable", "value", "fragment"), [
    ("ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS", "10.0.0.0/8,lb.example", "'lb.example' is not an IP network"),
    ("ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS", "10.0.0.1/8", "did you mean 10.0.0.0/8"),
    ("ROOTMAIL_TRUSTED_RELAY_NETWORKS", "192.0.2.0/33", "'192.0.2.0/33' is not an IP network"),
])
def test_bad_cidrs_are_refused_at_load_naming_the_variable(monkeypatch: pytest.MonkeyPatch, variable: str,
                                                           value: str, fragment: str) -> None:
    monkeypatch.setenv(variable, value)
    with pytest.raises(ValueError, match=variable) as caught:
        Settings()
    assert fragment in str(caught.value)


def test_cidr_lists_and_client_keys() -> None:
    assert [str(n) for n in parse_networks(" 10.0.0.0/8, 192.0.2.7 ,2001:db8::/32,")] == [
        "10.0.0.0/8", "192.0.2.7/32", "2001:db8::/32"]
    assert "::ffff:127.0.0.1" in TRUSTED and "2001:db8:5::1" in TRUSTED
    assert "127.0.0.2" not in TRUSTED and "not-an-ip" not in TRUSTED and "" not in TrustedNetworks()
    assert client_key("2001:db8:1:2:3:4:5:6") == "2001:db8:1:2::/64"
    assert client_key("::ffff:192.0.2.1") == "192.0.2.1"
