"""Connection admission at the SMTP edge: a cap on concurrent sessions and a per-client-IP
connection rate (sliding window). Beyond either, the client gets ``421 4.7.0`` and is closed."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable


class ConnectionLimits:
    """Shared by every session of one receiver process (the event loop is single-threaded)."""

    def __init__(self, max_connections: int, per_ip_per_minute: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_connections = max_connections
        self.per_ip_per_minute = per_ip_per_minute
        self.clock = clock
        self.active = 0
        self._recent: dict[str, deque[float]] = {}

    def admit(self, ip: str) -> str | None:
        """None when the connection may proceed (and counts as active), else the refusal reason."""
        if self.max_connections and self.active >= self.max_connections:
            return "too many connections"
        if self.per_ip_per_minute:
            now = self.clock()
            window = self._recent.setdefault(ip, deque())
            while window and now - window[0] > 60.0:
                window.popleft()
            if len(window) >= self.per_ip_per_minute:
                return "connection rate exceeded"
            window.append(now)
            if len(self._recent) > 10_000:  # forget idle clients
                for key in [k for k, v in self._recent.items() if not v or now - v[-1] > 60.0]:
                    del self._recent[key]
        self.active += 1
        return None

    def release(self) -> None:
        self.active = max(0, self.active - 1)
