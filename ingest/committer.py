"""Group commit for the receiver: one thread stores every message that arrived meanwhile, syncs
the directory once, publishes the batch's tasks in one Redis round trip, then releases the replies.

Concurrent SMTP sessions thus share fsyncs and broker round trips instead of each paying for its
own, and the event loop never blocks on the disk. No reply is released before its message is
durable.
"""

from __future__ import annotations

import asyncio
import queue
import threading
from typing import Protocol

import structlog

from ingest import metrics
from ingest.envelope import Envelope
from ingest.publish import Publisher
from ingest.store import StoreError

log = structlog.get_logger(__name__)


class BatchStore(Protocol):
    def put_many(self, items: list[tuple[Envelope, bytes]]) -> list[str | StoreError]: ...


_Item = tuple[Envelope, bytes, "asyncio.Future[str]"]


class BatchCommitter:
    """Owns one writer thread; ``submit`` returns a future of the stored message's key."""

    def __init__(self, store: BatchStore, publisher: Publisher | None, max_batch: int = 64) -> None:
        self.store = store
        self.publisher = publisher
        self.max_batch = max_batch
        self._queue: queue.Queue[_Item | None] = queue.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread = threading.Thread(target=self._run, name="store-committer", daemon=True)
        self._thread.start()

    def submit(self, envelope: Envelope, raw: bytes) -> asyncio.Future[str]:
        """Called on the event loop; the future resolves (on that loop) once the message is durable."""
        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        future: asyncio.Future[str] = loop.create_future()
        self._queue.put((envelope, raw, future))
        return future

    def close(self, timeout: float = 30.0) -> None:
        """Finish everything submitted so far, then stop the thread."""
        self._queue.put(None)
        self._thread.join(timeout)

    def _take_batch(self) -> tuple[list[_Item], bool]:
        first = self._queue.get()
        if first is None:
            return [], True
        batch = [first]
        stopping = False
        while len(batch) < self.max_batch:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                break
            if item is None:
                stopping = True
                break
            batch.append(item)
        return batch, stopping

    def _run(self) -> None:
        while True:
            batch, stopping = self._take_batch()
            if batch:
                self._commit(batch)
            if stopping:
                return

    def _commit(self, batch: list[_Item]) -> None:
        try:
            with metrics.STORE_SECONDS.time():
                results = self.store.put_many([(envelope, raw) for envelope, raw, _ in batch])
        except Exception as exc:  # an unexpected failure: nothing is acknowledged
            results = [StoreError(f"store failed: {type(exc).__name__}") for _ in batch]
        stored = [key for key in results if isinstance(key, str)]
        for key, (envelope, raw, _) in zip(results, batch, strict=True):
            if isinstance(key, str):
                log.info("message_stored", message_key=key, size=len(raw), recipients=len(envelope.rcpt_tos))
        if stored and self.publisher is not None and not self.publisher.announce_many(stored):
            metrics.ENQUEUE_FAILED.inc(len(stored))
        # one wake-up of the event loop per batch, not per message
        pairs = [(future, result) for result, (_, _, future) in zip(results, batch, strict=True)]
        if self._loop is not None:
            self._loop.call_soon_threadsafe(_resolve, pairs)


def _resolve(pairs: list[tuple[asyncio.Future[str], str | StoreError]]) -> None:
    for future, result in pairs:
        if future.done():
            continue  # the session went away meanwhile
        if isinstance(result, str):
            future.set_result(result)
        else:
            future.set_exception(result)
