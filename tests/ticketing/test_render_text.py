"""Ticket text clean-up: AWS tracking links unwrapped, quoted history folded, console links."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from routing.types import Notice
from ticketing.render import (
    console_links,
    customer_body,
    fold_quoted_history,
    links_block,
    readable_text,
    unwrap_tracking_links,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "aws-notices"
TRACKED = ("https://lhrrj7lm.r.us-east-1.awstrack.me/L0/https:%2F%2Fconsole.aws.amazon.com%2Fnotifications"
           "%2Fhome%23%2Fnotifications/1/0100019bdc5c3c53-24c3f50b-000000/_SpC6wmsBdBKt0=441")


def test_tracking_links_are_unwrapped_to_their_target() -> None:
    text = f"View in Notification Center <{TRACKED}> now"
    assert unwrap_tracking_links(text) == (
        "View in Notification Center <https://console.aws.amazon.com/notifications/home#/notifications> now")


def test_non_tracking_links_are_left_alone() -> None:
    text = "see https://aws.amazon.com/support and https://example.com/L0/x/1/y"
    assert unwrap_tracking_links(text) == text


def test_quoted_history_is_folded_with_its_attribution_line() -> None:
    text = "Thanks, fixed.\n\nOn Mon, 1 Jan 2026 at 10:00, AWS wrote:\n> line 1\n> line 2\n> line 3\nBye"
    assert fold_quoted_history(text) == "Thanks, fixed.\n\n[... 3 quoted lines folded ...]\nBye"


def test_short_quotes_and_original_message_separator() -> None:
    assert fold_quoted_history("> one quoted line\nrest") == "> one quoted line\nrest"
    text = "Reply\n-----Original Message-----\nFrom: x\nold text"
    assert fold_quoted_history(text) == "Reply\n[... earlier message folded: 3 lines; see the original .eml ...]"


def test_console_links_for_identifiers() -> None:
    notice = Notice("health.maintenance", "health", identifiers={
        "case_id": "171234567800001",
        "health_event_arn": "arn:aws:health:eu-central-1::event/EC2/X/Y",
        "instance_ids": ["i-0abc"],
        "regions": ["eu-central-1"],
        "billing_period": "2026-03",
    })
    links = dict(console_links(notice))
    assert links["Support case 171234567800001"].endswith("displayId=171234567800001")
    assert links["Health event"] == ("https://health.aws.amazon.com/health/home#/account/event-log?eventID="
                                     "arn:aws:health:eu-central-1::event%2FEC2%2FX%2FY")
    assert links["EC2 i-0abc"] == ("https://eu-central-1.console.aws.amazon.com/ec2/home?region=eu-central-1"
                                   "#InstanceDetails:instanceId=i-0abc")
    assert links["Bills 2026-03"].endswith("bills?year=2026&month=3")
    assert links_block(Notice()) == ""


def _samples() -> list[dict[str, object]]:
    labels = SHARED / "samples" / "labels.json"
    if not labels.exists():
        pytest.skip(f"shared samples not found at {SHARED}")
    return list(json.loads(labels.read_text()))


def test_clean_up_never_brings_a_secret_back_on_the_samples() -> None:
    """Unwrapping may reveal a link in its clear form: the result is redacted again."""
    from routing.parse import parse_mail
    from routing.redact import redact_text

    for label in _samples():
        parsed = parse_mail((SHARED / "samples" / str(label["file"])).read_bytes())
        secrets = [str(s) for s in label["secrets"]]  # type: ignore[attr-defined]
        for source in (parsed.text, parsed.html_text):
            for out in (readable_text(redact_text(source)), customer_body(redact_text(source, customer=True))):
                leaked = [s for s in secrets if s in out]
                assert leaked == [], (label["file"], leaked)


def _credential_mail() -> bytes:
    return (b"From: \"Code 771122\" <no-reply@signin.aws>\r\nTo: root@roots.example.com\r\n"
            b"Subject: =?utf-8?q?Ihr_Best=C3=A4tigungscode=3A_Q7K2XM?=\r\nDate: Tue, 01 Sep 2026 07:00:00 +0000\r\n"
            b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
            b"--b\r\nContent-Type: text/plain\r\n\r\nUse the code in the subject.\r\n"
            b"--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"otp-559911.txt\"\r\n\r\n"
            b"x\r\n--b--\r\n")


def test_header_block_of_credential_mail_carries_no_code() -> None:
    """Subject (copied into the header block), From name and attachment names go through the
    mail's redactor: default-deny for a credential sender family."""
    from routing.parse import parse_mail
    from routing.redact import render
    from routing.types import Recipient
    from ticketing.render import header_block, internal_body

    parsed = parse_mail(_credential_mail())
    rendering = render(parsed, Notice(), None)
    recipient = Recipient("root@roots.example.com", None, None)
    head = header_block(parsed, recipient, Notice(), None, rendering.redactor)
    assert "Subject:   Ihr Bestätigungscode: [removed: one-time code]" in head
    for secret in ("Q7K2XM", "771122", "559911"):
        assert secret not in head
        assert secret not in internal_body(parsed, recipient, Notice(), text=rendering.internal_text,
                                           redactor=rendering.redactor)
    assert rendering.subject == "Ihr Bestätigungscode: [removed: one-time code]"


def test_unwrapped_tracking_link_is_redacted_by_the_mails_rule() -> None:
    """A tracking wrapper hides its target percent-encoded; after unwrapping, the default-deny rule
    of credential mail still removes a target that carries a token."""
    from routing.redact import Redactor

    target = "https:%2F%2Fsignin.aws.amazon.com%2Fr%3Fk%3DQ7K2XM"
    text = f"Open <https://abc.r.us-east-1.awstrack.me/L0/{target}/1/0100019b-000000/x=1>"
    assert "Q7K2XM" not in readable_text(text, redactor=Redactor(default_deny=True))
    assert "Q7K2XM" not in customer_body(text, Redactor(default_deny=True))
    assert "Q7K2XM" not in readable_text(text)  # k= is a token parameter in any mail


def test_header_block_drops_identifiers_that_hold_a_secret() -> None:
    from routing.parse import parse_mail
    from routing.redact import Redactor
    from routing.types import Recipient
    from ticketing.render import header_block

    parsed = parse_mail(b"From: a@b.example\r\nSubject: s\r\n\r\nbody\r\n")
    notice = Notice("support.case_correspondence", "support",
                    identifiers={"case_id": "5244329601", "instance_ids": ["i-0abc1234def567890"]})
    head = header_block(parsed, Recipient("r@x.example", None, None), notice, None,
                        Redactor(values=("5244329601",)))
    assert "5244329601" not in head and "i-0abc1234def567890" in head
    assert "Support case" not in links_block(Redactor(values=("5244329601",)).notice(notice))


def test_authenticity_reasons_go_through_the_mails_rule() -> None:
    """A reason may quote a header (an unsigned Subject); under default-deny its code goes too."""
    from routing.parse import parse_mail
    from routing.redact import Redactor
    from routing.types import AuthVerdict, Recipient
    from ticketing.render import header_block

    parsed = parse_mail(b"From: no-reply@signin.aws\r\nSubject: s\r\n\r\nbody\r\n")
    auth = AuthVerdict("fail", ("unsigned Subject header 'Sign-in 918273' ignored",), True)
    head = header_block(parsed, Recipient("r@x.example", None, None), Notice(), auth, Redactor(default_deny=True))
    assert "918273" not in head and "unsigned Subject header" in head
