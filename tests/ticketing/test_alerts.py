"""Alert channels against local servers that enforce the documented contracts: PagerDuty Events
API v2 (202 + dedup_key, 400 on a bad event, 429), a Slack incoming webhook (ok, no_text, 429 with
Retry-After) and the generic webhook's HMAC-SHA256 signature checked by a real HTTP server."""

from __future__ import annotations

import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx
import pytest

from tests.fakes.pagerduty_server import FakePagerDuty
from tests.fakes.slack_server import FakeSlack
from ticketing.alerts import (
    SIGNATURE_HEADER,
    Alert,
    AlertDeliveryError,
    pagerduty_event,
    send_pagerduty,
    send_slack,
    send_webhook,
)

ALERT = Alert(kind="unexpected_root_mail", action="trigger", dedup_key="rootmail:unexpected_root_mail:123:x",
              summary="Unexpected root-credential mail", severity="critical", time="2026-11-30T16:00:00+00:00",
              account_id="123456789012", account_name="acme-prod", customer="Acme Corp (acme)",
              notice_type="credentials.password_reset", message_key="k1")


@pytest.fixture()
def http() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5) as client:
        yield client


def test_pagerduty_trigger_and_resolve(http: httpx.Client) -> None:
    with FakePagerDuty() as pd:
        assert send_pagerduty(http, pd.url, pd.routing_key, ALERT) == ALERT.dedup_key
        resolve = Alert.from_dict({**ALERT.as_dict(), "action": "resolve"})
        send_pagerduty(http, pd.url, pd.routing_key, resolve)
        trigger = pd.triggers()[0].event
        assert trigger["payload"]["severity"] == "critical"
        assert trigger["payload"]["custom_details"]["account_id"] == "123456789012"
        assert [r.event["dedup_key"] for r in pd.resolves()] == [ALERT.dedup_key]


def test_pagerduty_bad_event_is_permanent_and_429_is_transient(http: httpx.Client) -> None:
    with FakePagerDuty() as pd:
        with pytest.raises(AlertDeliveryError) as bad:
            send_pagerduty(http, pd.url, "wrong-key", ALERT)
        assert not bad.value.transient and pd.rejected
        bad_severity = Alert.from_dict({**ALERT.as_dict(), "severity": "urgent"})
        with pytest.raises(AlertDeliveryError) as bad2:
            send_pagerduty(http, pd.url, pd.routing_key, bad_severity)
        assert not bad2.value.transient
        pd.throttle_next = 1
        with pytest.raises(AlertDeliveryError) as throttled:
            send_pagerduty(http, pd.url, pd.routing_key, ALERT)
        assert throttled.value.transient
        send_pagerduty(http, pd.url, pd.routing_key, ALERT)
        assert len(pd.triggers()) == 1


def test_pagerduty_event_respects_documented_lengths() -> None:
    long = Alert.from_dict({**ALERT.as_dict(), "summary": "x" * 5000, "dedup_key": "d" * 400})
    event = pagerduty_event(long, "k" * 32)
    assert len(event["payload"]["summary"]) == 1024 and len(event["dedup_key"]) == 255


def test_network_error_is_transient(http: httpx.Client) -> None:
    with FakePagerDuty() as pd:
        url = pd.url
    with pytest.raises(AlertDeliveryError) as down:
        send_pagerduty(http, url, "k" * 32, ALERT)
    assert down.value.transient


def test_slack_message_and_its_errors(http: httpx.Client) -> None:
    with FakeSlack() as slack:
        send_slack(http, slack.url, ALERT)
        text = slack.messages[0]["text"]
        assert "123456789012" in text and "Acme Corp" in text and "k1" in text
        slack.throttle_next = 1
        with pytest.raises(AlertDeliveryError) as throttled:
            send_slack(http, slack.url, ALERT)
        assert throttled.value.transient and throttled.value.retry_after == 1.0
        with pytest.raises(AlertDeliveryError) as gone:
            send_slack(http, slack.url + "x", ALERT)
        assert not gone.value.transient
        empty = http.post(slack.url, json={})
        assert (empty.status_code, empty.text) == (400, "no_text")


class _Receiver:
    """A webhook receiver that verifies the signature the way a consumer would."""

    def __init__(self, secret: bytes) -> None:
        self.secret, self.received = secret, list[dict[str, Any]]()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                expected = "sha256=" + hmac.new(receiver.secret, body, hashlib.sha256).hexdigest()
                ok = hmac.compare_digest(expected, self.headers.get(SIGNATURE_HEADER, ""))
                if ok:
                    receiver.received.append(json.loads(body))
                self.send_response(204 if ok else 401)
                self.end_headers()

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"


def test_webhook_body_is_signed(http: httpx.Client) -> None:
    receiver = _Receiver(b"s3cret")
    try:
        send_webhook(http, receiver.url, "s3cret", ALERT)
        assert receiver.received[0]["account_id"] == "123456789012"
        with pytest.raises(AlertDeliveryError) as wrong:
            send_webhook(http, receiver.url, "other", ALERT)
        assert not wrong.value.transient and len(receiver.received) == 1
    finally:
        receiver.server.shutdown()
        receiver.server.server_close()
