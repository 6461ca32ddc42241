"""Alert channels of the root-account guard (issue 15): PagerDuty Events API v2, a Slack incoming
webhook and a generic HMAC-signed JSON webhook. One function per channel, one request each, explicit
timeouts, errors typed as transient (retry) or permanent (do not).

An :class:`Alert` carries the account, the customer, the notice type, the time and the message key;
never a secret, a link or mail text (the caller builds it from rootmail's own fields only).

Documented contracts relied on:

* PagerDuty Events API v2 (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/ and
  .../overview/#response-codes--retry-logic): ``POST /v2/enqueue`` with ``routing_key``,
  ``event_action`` (trigger|acknowledge|resolve), ``dedup_key`` (at most 255 characters; a resolve
  with the same ``dedup_key`` and routing key closes the alert) and ``payload.summary`` (at most
  1024 characters), ``payload.source``, ``payload.severity`` (critical|error|warning|info). Answers:
  202 accepted (body carries ``dedup_key``), 400 bad request (do not retry), 429 and 5xx or a
  network error (retry after some time, "preferably with a backoff of a few minutes").
* Slack incoming webhooks (https://api.slack.com/messaging/webhooks, "Handling errors"; rate limits
  https://api.slack.com/apis/rate-limits: about one message per second per webhook): ``POST`` of a
  JSON object with ``text``; ``200`` with body ``ok``; 400 ``invalid_payload``/``no_text``, 403,
  404 ``channel_not_found``, 410 ``channel_is_archived`` are permanent; 429 carries ``Retry-After``.
* The generic webhook is ours: ``POST`` of the alert as JSON, header
  ``X-Rootmail-Signature-256: sha256=<hex HMAC-SHA256 of the exact body with the shared secret>``
  (GitHub's webhook convention); any 2xx is success.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import asdict, dataclass
from typing import Any

import httpx

CHANNELS = ("pagerduty", "slack", "webhook")
SIGNATURE_HEADER = "X-Rootmail-Signature-256"


@dataclass(frozen=True, slots=True)
class Alert:
    """What an alarm says. ``kind``: unexpected_root_mail | phishing | silence; ``action``: trigger |
    resolve; ``severity``: PagerDuty's critical|error|warning|info."""

    kind: str
    action: str
    dedup_key: str
    summary: str
    severity: str
    time: str
    account_id: str = ""
    account_name: str = ""
    customer: str = ""
    notice_type: str = ""
    message_key: str = ""

    def as_dict(self) -> dict[str, str]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Alert:
        return cls(**{name: str(data.get(name, "")) for name in cls.__dataclass_fields__})


class AlertDeliveryError(Exception):
    """A channel did not take the alert. ``transient``: worth retrying (429, 5xx, network)."""

    def __init__(self, message: str, *, transient: bool, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


def _retry_after(response: httpx.Response) -> float | None:
    try:
        return float(response.headers.get("Retry-After", ""))
    except ValueError:
        return None


def _post(client: httpx.Client, channel: str, url: str, body: bytes, headers: dict[str, str]) -> httpx.Response:
    try:
        response = client.post(url, content=body, headers={"Content-Type": "application/json", **headers})
    except httpx.HTTPError as exc:  # connection refused, timeout, reset: retry later
        raise AlertDeliveryError(f"{channel}: {type(exc).__name__}", transient=True) from exc
    status = response.status_code
    if status == 429 or status >= 500 or status == 408:
        raise AlertDeliveryError(f"{channel}: HTTP {status}", transient=True, retry_after=_retry_after(response))
    if status >= 400:
        raise AlertDeliveryError(f"{channel}: HTTP {status} {response.text[:200]!r}", transient=False)
    return response


def pagerduty_event(alert: Alert, routing_key: str) -> dict[str, Any]:
    """The Events API v2 body: a trigger with the full payload, or a resolve by ``dedup_key``."""
    event: dict[str, Any] = {"routing_key": routing_key, "event_action": alert.action,
                             "dedup_key": alert.dedup_key[:255]}
    if alert.action == "trigger":
        details = {k: v for k, v in alert.as_dict().items() if v and k not in ("summary", "severity", "action")}
        event["payload"] = {"summary": alert.summary[:1024], "source": "rootmail", "severity": alert.severity,
                            "timestamp": alert.time, "component": "root-account-guard", "class": alert.kind,
                            "custom_details": details}
    return event


def send_pagerduty(client: httpx.Client, url: str, routing_key: str, alert: Alert) -> str:
    """Enqueue ``alert``; returns the dedup_key PagerDuty answered with."""
    body = json.dumps(pagerduty_event(alert, routing_key)).encode()
    response = _post(client, "pagerduty", url, body, {})
    if response.status_code != 202:
        raise AlertDeliveryError(f"pagerduty: HTTP {response.status_code}, expected 202", transient=True)
    try:
        return str(response.json().get("dedup_key") or alert.dedup_key)
    except ValueError:
        return alert.dedup_key


def slack_message(alert: Alert) -> dict[str, Any]:
    icon = ":white_check_mark:" if alert.action == "resolve" else ":rotating_light:"
    fields = [f"*{name}*: {value}" for name, value in (
        ("account", f"{alert.account_id} ({alert.account_name})" if alert.account_name else alert.account_id),
        ("customer", alert.customer), ("notice", alert.notice_type), ("time", alert.time),
        ("message key", alert.message_key)) if value]
    prefix = "RESOLVED: " if alert.action == "resolve" else ""
    return {"text": f"{icon} {prefix}{alert.summary}\n" + "\n".join(fields)}


def send_slack(client: httpx.Client, webhook_url: str, alert: Alert) -> None:
    _post(client, "slack", webhook_url, json.dumps(slack_message(alert)).encode(), {})


def signature(secret: bytes, body: bytes) -> str:
    return "sha256=" + hmac.new(secret, body, hashlib.sha256).hexdigest()


def send_webhook(client: httpx.Client, url: str, secret: str | None, alert: Alert) -> None:
    body = json.dumps({"source": "rootmail", **alert.as_dict()}, sort_keys=True).encode()
    headers = {SIGNATURE_HEADER: signature(secret.encode(), body)} if secret else {}
    _post(client, "webhook", url, body, headers)
