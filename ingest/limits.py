"""Per-client limits at the SMTP edge, shared by every session of one receiver process (the event
loop is single-threaded, so plain counters suffice):

- a cap on concurrent sessions, overall and per client;
- a per-client connection rate (sliding window of one minute);
- a per-client memory of unknown recipients (sliding window): a client that asked for
  ``max_unknown_recipients`` unknown recipients within ``unknown_window`` seconds is a recipient
  prober; its new connections and further RCPT commands get ``421 4.7.0`` until the window has
  moved on, so reconnecting does not buy it more answers.

Clients are counted by :func:`ingest.networks.client_key` of their real address (after a trusted
PROXY header). Beyond any limit the client gets ``421 4.7.0`` and is closed (:mod:`ingest.protocol`).
The counts live in this process: with ROOTMAIL_SMTP_PROCESSES > 1 each process counts on its own.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from ingest.networks import client_key

TOO_MANY_CONNECTIONS = "too many connections"
TOO_MANY_SESSIONS_PER_IP = "too many sessions per ip"
RATE_EXCEEDED = "connection rate exceeded"
RECIPIENT_PROBING = "recipient probing"
_FORGET_ABOVE = 10_000  # tracked clients before idle ones are forgotten


class ConnectionLimits:
    """Admission (:meth:`admit` / :meth:`release`) and the per-client unknown-recipient memory."""

    def __init__(self, max_connections: int, per_ip_per_minute: int, *, max_sessions_per_ip: int = 0,
                 max_unknown_recipients: int = 0, unknown_window: float = 600.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.max_connections = max_connections
        self.per_ip_per_minute = per_ip_per_minute
        self.max_sessions_per_ip = max_sessions_per_ip
        self.max_unknown_recipients = max_unknown_recipients
        self.unknown_window = unknown_window
        self.clock = clock
        self.active = 0
        self._sessions: dict[str, int] = {}
        self._recent: dict[str, deque[float]] = {}
        self._unknown: dict[str, deque[float]] = {}

    def admit(self, ip: str) -> str | None:
        """None when the connection may proceed (and counts as active), else the refusal reason."""
        if self.max_connections and self.active >= self.max_connections:
            return TOO_MANY_CONNECTIONS
        key = client_key(ip)
        if self.max_sessions_per_ip and self._sessions.get(key, 0) >= self.max_sessions_per_ip:
            return TOO_MANY_SESSIONS_PER_IP
        if self.probing(ip, key):
            return RECIPIENT_PROBING
        if self.per_ip_per_minute:
            now = self.clock()
            window = self._recent.setdefault(key, deque())
            while window and now - window[0] > 60.0:
                window.popleft()
            if len(window) >= self.per_ip_per_minute:
                return RATE_EXCEEDED
            window.append(now)
            if len(self._recent) > _FORGET_ABOVE:
                self._forget(self._recent, now, 60.0)
        self.active += 1
        self._sessions[key] = self._sessions.get(key, 0) + 1
        return None

    def release(self, ip: str) -> None:
        """The admitted session of ``ip`` has ended."""
        self.active = max(0, self.active - 1)
        key = client_key(ip)
        left = self._sessions.get(key, 0) - 1
        if left > 0:
            self._sessions[key] = left
        else:
            self._sessions.pop(key, None)

    def note_unknown_recipient(self, ip: str) -> None:
        """``ip`` asked for a recipient that does not exist."""
        if not self.max_unknown_recipients:
            return
        key = client_key(ip)
        window = self._unknown.get(key)
        if window is None:
            # Only the newest max_unknown_recipients times matter: the client is a prober while the
            # oldest of them is inside the window.
            window = self._unknown[key] = deque(maxlen=self.max_unknown_recipients)
        now = self.clock()
        window.append(now)
        if len(self._unknown) > _FORGET_ABOVE:
            self._forget(self._unknown, now, self.unknown_window)

    def probing(self, ip: str, key: str | None = None) -> bool:
        """True while ``ip`` has asked for max_unknown_recipients unknown recipients within the window."""
        if not self.max_unknown_recipients:
            return False
        window = self._unknown.get(key or client_key(ip))
        return (window is not None and len(window) >= self.max_unknown_recipients
                and self.clock() - window[0] < self.unknown_window)

    @staticmethod
    def _forget(table: dict[str, deque[float]], now: float, horizon: float) -> None:
        for key in [k for k, v in table.items() if not v or now - v[-1] > horizon]:
            del table[key]
