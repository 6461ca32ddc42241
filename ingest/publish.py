"""Publish ``process_message`` tasks by name, without importing the worker's code.

Tasks are Celery protocol-2 messages built by :mod:`ingest.wire` and pushed together with their
ledger transition in one Redis call, so a message is never queued without being recorded.
A broker outage must never delay or fail an SMTP reply: after a failure the publisher stays
open-circuit for a few seconds (the message is already stored; the reconciler enqueues it when the
broker is back).
"""

from __future__ import annotations

import threading
import time

import structlog

from ingest.ledger import Ledger
from ingest.wire import task_message

PROCESS_MESSAGE = "rootmail.process_message"
QUEUE = "rootmail"

log = structlog.get_logger(__name__)


class Publisher:
    """Records stored messages as ``queued`` in the ledger and pushes their tasks."""

    def __init__(self, ledger: Ledger, *, open_seconds: float = 5.0) -> None:
        self.ledger = ledger
        self.open_seconds = open_seconds
        self._open_until = 0.0
        self._lock = threading.Lock()

    @classmethod
    def from_url(cls, redis_url: str) -> Publisher:
        return cls(Ledger.from_url(redis_url))

    def _circuit_open(self) -> bool:
        return time.monotonic() < self._open_until

    def _trip(self, exc: BaseException, key: str) -> None:
        with self._lock:
            self._open_until = time.monotonic() + self.open_seconds
        log.warning("broker_unavailable", message_key=key, error=type(exc).__name__)

    def enqueue_many(self, keys: list[str]) -> None:
        """Ledger ``queued`` and the tasks of ``keys`` in one Redis round trip; raises on failure.
        A message the ledger already has as done is skipped."""
        if keys:
            self.ledger.queue_batch(QUEUE, [(key, task_message(PROCESS_MESSAGE, [key], QUEUE)) for key in keys],
                                    time.time())

    def enqueue(self, key: str) -> None:
        """Publish again (reconciler, replay, quarantine retry): raises so the caller can count it."""
        self.enqueue_many([key])

    def announce_many(self, keys: list[str]) -> bool:
        """Like :meth:`enqueue_many` for newly stored mail, but never raises: True when published."""
        if not keys or self._circuit_open():
            return False
        try:
            self.enqueue_many(keys)
        except Exception as exc:  # broker down, timeouts: the store keeps the messages
            self._trip(exc, keys[0])
            return False
        return True

    def announce(self, key: str) -> bool:
        return self.announce_many([key])
