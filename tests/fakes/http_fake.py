"""The lifecycle every local HTTP fake shares: a real ``ThreadingHTTPServer`` on a free port of
127.0.0.1 in a daemon thread, started and stopped by ``with``, and its URL. A fake says how it answers
a POST (:meth:`HttpFake.respond`) and at which path it listens (:attr:`HttpFake.PATH`)."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar, Self

Response = tuple[int, str, dict[str, str], bytes]
"""Status, Content-Type, further headers, body."""


@dataclass
class HttpFake:
    PATH: ClassVar[str] = "/"
    server: ThreadingHTTPServer | None = field(default=None, init=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def respond(self, path: str, body: bytes) -> Response:
        """The answer to ``POST path`` with ``body`` (called on the server's threads)."""
        raise NotImplementedError

    def start(self) -> Self:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                return

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status, content_type, headers, data = fake.respond(self.path, body)
                self.send_response(status)
                self.send_header("Content-Type", content_type)
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

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self.server is not None, "start the fake first"
        return f"http://127.0.0.1:{self.server.server_address[1]}{self.PATH}"
