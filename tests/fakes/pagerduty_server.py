"""A local PagerDuty Events API v2 enqueue endpoint over a real socket.

Enforces the documented contract (https://developer.pagerduty.com/docs/events-api-v2/trigger-events/
and .../overview/#response-codes--retry-logic): ``POST /v2/enqueue`` with a JSON object;
``routing_key`` (32 characters here, as integration keys are), ``event_action`` in
trigger|acknowledge|resolve, ``dedup_key`` at most 255 characters (required for acknowledge and
resolve); a trigger needs ``payload.summary`` (at most 1024), ``payload.source`` and
``payload.severity`` in critical|error|warning|info. Answers 202 ``{"status": "success", "message":
"Event processed", "dedup_key": …}`` (a generated key when a trigger has none), 400 ``{"status":
"invalid event", "errors": [...]}`` on a bad event, and 429 when ``throttle_next`` says so. Records
every accepted event with its arrival time (``time.time()``) for latency measurements.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tests.fakes.http_fake import HttpFake, Response

ACTIONS = ("trigger", "acknowledge", "resolve")
SEVERITIES = ("critical", "error", "warning", "info")


@dataclass
class Received:
    event: dict[str, Any]
    at: float


@dataclass
class FakePagerDuty(HttpFake):
    routing_key: str = "R0UT1NGKEY0123456789abcdef012345"
    events: list[Received] = field(default_factory=list)
    rejected: list[dict[str, Any]] = field(default_factory=list)
    throttle_next: int = 0
    throttled: int = 0
    PATH: ClassVar[str] = "/v2/enqueue"

    def respond(self, path: str, body: bytes) -> Response:
        status, answer = self.handle(path, body)
        return status, "application/json", {}, json.dumps(answer).encode()

    def handle(self, path: str, body: bytes) -> tuple[int, dict[str, Any]]:
        if path != self.PATH:
            return 404, {"status": "not found"}
        with self._lock:
            if self.throttle_next > 0:
                self.throttle_next -= 1
                self.throttled += 1
                return 429, {"status": "throttle event", "message": "Requests are arriving too quickly."}
        try:
            event = json.loads(body)
        except ValueError:
            return 400, {"status": "invalid event", "message": "Event object is invalid", "errors": ["invalid JSON"]}
        errors = validate(event, self.routing_key)
        if errors:
            with self._lock:
                self.rejected.append(event if isinstance(event, dict) else {"event": event})
            return 400, {"status": "invalid event", "message": "Event object is invalid", "errors": errors}
        dedup_key = event.get("dedup_key") or uuid.uuid4().hex
        with self._lock:
            self.events.append(Received({**event, "dedup_key": dedup_key}, time.time()))
        return 202, {"status": "success", "message": "Event processed", "dedup_key": dedup_key}

    def triggers(self) -> list[Received]:
        with self._lock:
            return [r for r in self.events if r.event["event_action"] == "trigger"]

    def resolves(self) -> list[Received]:
        with self._lock:
            return [r for r in self.events if r.event["event_action"] == "resolve"]


def validate(event: Any, routing_key: str) -> list[str]:
    if not isinstance(event, dict):
        return ["Event must be a JSON object"]
    errors: list[str] = []
    if event.get("routing_key") != routing_key or len(str(event.get("routing_key"))) != 32:
        errors.append("'routing_key' is invalid")
    action = event.get("event_action")
    if action not in ACTIONS:
        errors.append("'event_action' must be one of trigger, acknowledge, resolve")
    dedup = event.get("dedup_key")
    if dedup is not None and (not isinstance(dedup, str) or len(dedup) > 255):
        errors.append("'dedup_key' must be a string of at most 255 characters")
    if action in ("acknowledge", "resolve") and not dedup:
        errors.append("'dedup_key' is required for acknowledge and resolve")
    if action == "trigger":
        payload = event.get("payload")
        if not isinstance(payload, dict):
            return [*errors, "'payload' is missing"]
        summary = payload.get("summary")
        if not isinstance(summary, str) or not summary or len(summary) > 1024:
            errors.append("'payload.summary' is required (at most 1024 characters)")
        if not payload.get("source"):
            errors.append("'payload.source' is required")
        if payload.get("severity") not in SEVERITIES:
            errors.append("'payload.severity' must be critical, error, warning or info")
    return errors
