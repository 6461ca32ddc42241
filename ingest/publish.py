"""Publish ``process_message`` tasks by name, without importing the worker's code.

A broker outage must never delay or fail an SMTP reply: publishing has short timeouts, and after
a failure the publisher stays open-circuit for a few seconds (the message is already stored; the
reconciler enqueues it when the broker is back).
"""

from __future__ import annotations

import threading
import time

import structlog
from celery import Celery

from ingest.ledger import Ledger
from ingest.wire import task_message

PROCESS_MESSAGE = "rootmail.process_message"
QUEUE = "rootmail"

log = structlog.get_logger(__name__)


def make_publisher_app(redis_url: str) -> Celery:
    """A Celery app that only sends: no task code, short connection timeouts, no publish retry."""
    app = Celery("rootmail-publisher", broker=redis_url, set_as_current=False)
    app.conf.update(
        task_default_queue=QUEUE,
        broker_connection_timeout=1.0,
        broker_connection_retry=False,
        broker_transport_options={"socket_timeout": 2.0, "socket_connect_timeout": 1.0},
        task_serializer="json",
        accept_content=["json"],
    )
    return app


class Publisher:
    """Records a stored message in the ledger and enqueues its task; never raises."""

    def __init__(self, app: Celery, ledger: Ledger, *, open_seconds: float = 5.0) -> None:
        self.app = app
        self.ledger = ledger
        self.open_seconds = open_seconds
        self._open_until = 0.0
        self._lock = threading.Lock()

    def _circuit_open(self) -> bool:
        return time.monotonic() < self._open_until

    def _trip(self, exc: BaseException, key: str) -> None:
        with self._lock:
            self._open_until = time.monotonic() + self.open_seconds
        log.warning("broker_unavailable", message_key=key, error=type(exc).__name__)

    def announce(self, key: str) -> bool:
        """Ledger ``received`` then publish and ledger ``queued``. True when the task was published."""
        if self._circuit_open():
            return False
        try:
            self.ledger.transition(key, "received")
            self.app.send_task(PROCESS_MESSAGE, args=[key], queue=QUEUE, retry=False)
            self.ledger.transition(key, "queued")
        except Exception as exc:  # broker down, timeouts: the store keeps the message
            self._trip(exc, key)
            return False
        return True

    def announce_many(self, keys: list[str]) -> bool:
        """Ledger ``queued`` and the tasks of a whole batch in one Redis round trip; never raises."""
        if not keys or self._circuit_open():
            return False
        try:
            self.ledger.queue_batch(QUEUE, [(key, task_message(PROCESS_MESSAGE, [key], QUEUE)) for key in keys],
                                    time.time())
        except Exception as exc:  # broker down, timeouts: the store keeps the messages
            self._trip(exc, keys[0])
            return False
        return True

    def enqueue(self, key: str) -> None:
        """Publish again (reconciler, replay): raises on failure so the caller can count it."""
        self.app.send_task(PROCESS_MESSAGE, args=[key], queue=QUEUE, retry=False)
        self.ledger.transition(key, "queued")
