"""What RootmailSMTP says over a real socket: EHLO extensions, HELP, enhanced codes on every reply
(RFC 2034), no AUTH, and bytes replies (aiosmtpd's AUTH challenges are bytes) pass unchanged."""

from __future__ import annotations

import smtplib
from collections.abc import Iterator
from typing import Any

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from ingest.protocol import RootmailSMTP, with_enhanced_code
from tests.conftest import free_port


class BytesNoopHandler:
    """NOOP answered through ``push(bytes)``, the way aiosmtpd pushes an AUTH challenge."""

    async def handle_NOOP(self, server: SMTP, session: Any, envelope: Any, arg: str) -> str:
        await server.push(b"250-bytes pass through")
        return "250 OK"


class RootmailController(Controller):  # type: ignore[misc]
    def factory(self) -> SMTP:
        return RootmailSMTP(self.handler, **self.SMTP_kwargs)


@pytest.fixture
def client() -> Iterator[smtplib.SMTP]:
    controller = RootmailController(BytesNoopHandler(), hostname="127.0.0.1", port=free_port())
    controller.start()
    try:
        with smtplib.SMTP(controller.hostname, controller.port, timeout=10) as smtp:
            yield smtp
    finally:
        controller.stop()


def test_ehlo_advertises_pipelining_and_enhanced_codes_and_no_auth(client: smtplib.SMTP) -> None:
    code, _ = client.ehlo("client.example")
    assert code == 250
    assert client.has_extn("pipelining") and client.has_extn("enhancedstatuscodes")
    assert not client.has_extn("auth")


def test_help_lists_data(client: smtplib.SMTP) -> None:
    client.ehlo("client.example")
    code, text = client.docmd("HELP")
    assert code == 250
    assert b"DATA" in text.split(b":", 1)[1].split()


def test_every_reply_after_ehlo_carries_an_enhanced_code(client: smtplib.SMTP) -> None:
    client.ehlo("client.example")
    replies = [client.docmd(command) for command in
               ("RSET", "MAIL FROM:<a@example.com>", "MAIL FROM:<b@example.com>", "VRFY", "BOGUS", "DATA")]
    assert [(code, text.split(b" ", 1)[0]) for code, text in replies] == [
        (250, b"2.0.0"), (250, b"2.0.0"), (503, b"5.5.1"), (501, b"5.5.4"), (500, b"5.5.2"), (503, b"5.5.1")]
    assert client.docmd("QUIT") == (221, b"2.0.0 Bye")


def test_auth_is_refused_with_502(client: smtplib.SMTP) -> None:
    client.ehlo("client.example")
    assert client.docmd("AUTH", "PLAIN AGFsaWNlAHNlY3JldA==") == (
        502, b"5.5.1 Authentication is not available on this server")


def test_a_bytes_reply_is_sent_unchanged(client: smtplib.SMTP) -> None:
    client.ehlo("client.example")
    assert client.docmd("NOOP") == (250, b"bytes pass through\n2.0.0 OK")


@pytest.mark.parametrize(("reply", "expected"), [
    ("250 OK", "250 2.0.0 OK"),
    ("250 2.1.5 Recipient OK", "250 2.1.5 Recipient OK"),
    ("501 Syntax: MAIL FROM: <address>", "501 5.5.4 Syntax: MAIL FROM: <address>"),
    ("554 Transaction failed", "554 5.0.0 Transaction failed"),
    ("421 Service closing", "421 4.0.0 Service closing"),
    ("252", "252 2.0.0"),
    ("354 End data with <CR><LF>.<CR><LF>", "354 End data with <CR><LF>.<CR><LF>"),
    ("250-multi", "250-multi"),
])
def test_with_enhanced_code(reply: str, expected: str) -> None:
    assert with_enhanced_code(reply) == expected
