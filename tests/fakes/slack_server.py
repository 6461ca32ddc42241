"""A local Slack incoming webhook over a real socket (https://api.slack.com/messaging/webhooks).

``POST /services/<T>/<B>/<secret>`` with a JSON object: 200 ``ok``; not JSON → 400
``invalid_payload``; no ``text`` (and no ``blocks``) → 400 ``no_text``; another path → 404
``no_service``; ``throttle_next`` → 429 with ``Retry-After: 1`` (Slack allows about one message per
second per webhook, https://api.slack.com/apis/rate-limits). Records every accepted message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tests.fakes.http_fake import HttpFake, Response

PATH = "/services/T000TEST/B000TEST/xoxsecretwebhookpath"


@dataclass
class FakeSlack(HttpFake):
    messages: list[dict[str, Any]] = field(default_factory=list)
    throttle_next: int = 0
    PATH: ClassVar[str] = PATH

    def respond(self, path: str, body: bytes) -> Response:
        status, text, headers = self.handle(path, body)
        return status, "text/html", headers, text.encode()

    def handle(self, path: str, body: bytes) -> tuple[int, str, dict[str, str]]:
        if path != self.PATH:
            return 404, "no_service", {}
        with self._lock:
            if self.throttle_next > 0:
                self.throttle_next -= 1
                return 429, "rate_limited", {"Retry-After": "1"}
        try:
            message = json.loads(body)
        except ValueError:
            return 400, "invalid_payload", {}
        if not isinstance(message, dict):
            return 400, "invalid_payload", {}
        if not message.get("text") and not message.get("blocks"):
            return 400, "no_text", {}
        with self._lock:
            self.messages.append(message)
        return 200, "ok", {}
