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
