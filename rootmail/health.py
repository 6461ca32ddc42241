"""A small HTTP server for /healthz (alive), /readyz (ready to work) and /metrics (Prometheus)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

Check = Callable[[], tuple[bool, str]]


def start_health_server(host: str, port: int, ready: Check, registry: Any = None) -> ThreadingHTTPServer:
    """Serve in a daemon thread; returns the server (``server_address`` has the bound port)."""
    from rootmail.metrics_setup import metrics_registry

    registry = registry if registry is not None else metrics_registry()

    class Handler(BaseHTTPRequestHandler):
        def _send(self, code: int, body: bytes, content_type: str = "text/plain; charset=utf-8") -> None:
            self.send_response(code)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path.split("?", 1)[0]
            if path == "/healthz":
                self._send(200, b"ok\n")
            elif path == "/readyz":
                try:
                    ok, detail = ready()
                except Exception as exc:
                    ok, detail = False, type(exc).__name__
                self._send(200 if ok else 503, f"{detail}\n".encode())
            elif path == "/metrics":
                self._send(200, generate_latest(registry), CONTENT_TYPE_LATEST)
            else:
                self._send(404, b"not found\n")

        def log_message(self, format: str, *args: object) -> None:
            return

    server = ThreadingHTTPServer((host, port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, name="health-http", daemon=True).start()
    return server
