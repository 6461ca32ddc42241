"""A local Slack incoming webhook over a real socket (https://api.slack.com/messaging/webhooks).

``POST /services/<T>/<B>/<secret>`` with a JSON object: 200 ``ok``; not JSON → 400
``invalid_payload``; no ``text`` (and no ``blocks``) → 400 ``no_text``; another path → 404
``no_service``; ``throttle_next`` → 429 with ``Retry-After: 1`` (Slack allows about one message per
second per webhook, https://api.slack.com/apis/rate-limits). Records every accepted message.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PATH = "/services/T000TEST/B000TEST/xoxsecretwebhookpath"


@dataclass
class FakeSlack:
    messages: list[dict[str, Any]] = field(default_factory=list)
    throttle_next: int = 0
    server: ThreadingHTTPServer | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def start(self) -> FakeSlack:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, text, headers = fake.handle(self.path, body)
                data = text.encode()
                self.send_response(status)
                self.send_header("Content-Type", "text/html")
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def __enter__(self) -> FakeSlack:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.server_address[1]}{PATH}"

    def handle(self, path: str, body: bytes) -> tuple[int, str, dict[str, str]]:
        if path != PATH:
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
