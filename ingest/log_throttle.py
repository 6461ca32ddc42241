"""Bounded logging of events an attacker can trigger at will (refused connections, closed sessions):
at most ``lines`` lines per event name per ``period`` seconds in one process; the first line of the
next period says how many were left out (``suppressed``). Metrics still count every occurrence."""

from __future__ import annotations

import time
from collections.abc import Callable


class LogThrottle:
    def __init__(self, lines: int = 10, period: float = 60.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.lines = lines
        self.period = period
        self.clock = clock
        self._windows: dict[str, tuple[float, int, int]] = {}  # event -> (start, logged, suppressed)

    def allow(self, event: str) -> int | None:
        """None: do not log. Else log, adding ``suppressed=<the number returned>`` when it is not 0."""
        now = self.clock()
        start, logged, suppressed = self._windows.get(event, (now, 0, 0))
        if now - start >= self.period:
            start, logged = now, 0
        if logged >= self.lines:
            self._windows[event] = (start, logged, suppressed + 1)
            return None
        self._windows[event] = (start, logged + 1, 0)
        return suppressed
