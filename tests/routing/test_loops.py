"""Loop protection: our own notifications and auto-replies are recognised; AWS notices are not."""

from __future__ import annotations

import pytest

from routing.loops import loop_reason
from routing.parse import parse_mail

OWN = frozenset({"helpdesk.reseller.example", "rootmail.local"})


def mail(*headers: str, message_id: str = "<1@amazonses.com>", sender: str = "no-reply-aws@amazon.com") -> bytes:
    lines = [f"From: {sender}", "To: root@roots.example.net", "Subject: s", f"Message-ID: {message_id}", *headers]
    return ("\r\n".join(lines) + "\r\n\r\nbody\r\n").encode()


@pytest.mark.parametrize(("raw", "reason"), [
    (mail("X-Loop: rootmail"), "x-loop: our own notification"),
    (mail("Auto-Submitted: auto-replied (vacation)"), "auto-submitted: auto-replied"),
    (mail(message_id="<abc@helpdesk.reseller.example>"), "message-id from our own domain helpdesk.reseller.example"),
    (mail(sender="support@helpdesk.reseller.example"), "sent from our own domain helpdesk.reseller.example"),
])
def test_own_mail_and_auto_replies_are_loops(raw: bytes, reason: str) -> None:
    assert loop_reason(parse_mail(raw), OWN) == reason


def test_aws_auto_generated_notice_is_not_a_loop() -> None:
    assert loop_reason(parse_mail(mail("Auto-Submitted: auto-generated", "X-Loop: someone-else")), OWN) is None
