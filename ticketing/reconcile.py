"""The reconciler: stored mail that is not finished gets enqueued again; too many tries, quarantine.

The store says what is pending; the ledger says when it was last enqueued and how often. A lost
task, a restarted Redis or a killed worker therefore delays a message but never loses it. Also owns
:func:`quarantine` (the store keeps the message for a human), used by the reconciler and the
worker; it needs no parser, so the receiver process can run the reconciler without loading one.

Where it runs (docs/operations.md): in ``rootmail beat`` on its interval, and inside ``rootmail
serve`` only when serve runs the embedded worker; ``rootmail reconcile`` runs one pass by hand.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass

import structlog

from ingest.ledger import Ledger, LedgerEntry
from ingest.store import MessageStore
from ticketing import metrics

log = structlog.get_logger(__name__)


def quarantine(key: str, reason: str, store: MessageStore, ledger: Ledger | None) -> None:
    """Keep the message for a human, with its reason; never drop it."""
    store.quarantine(key, reason)
    metrics.QUARANTINED.inc()
    if ledger is not None:
        try:
            ledger.transition(key, "quarantined", reason=reason[:500])
        except Exception as exc:  # the store already holds the truth
            log.warning("ledger_unavailable", message_key=key, error=type(exc).__name__)
    log.warning("message_quarantined", message_key=key, reason=reason[:200])


@dataclass(frozen=True, slots=True)
class ReconcileReport:
    pending: int
    enqueued: int
    quarantined: int
    finished: int
    failed: int

    def as_dict(self) -> dict[str, int]:
        return {"pending": self.pending, "enqueued": self.enqueued, "quarantined": self.quarantined,
                "finished": self.finished, "failed": self.failed}


def _leave_alone(entry: LedgerEntry | None, stored_at: float, *, now: float, grace: float,
                 queue_depth: Callable[[], int]) -> bool:
    """True when a pending message is being handled and must not be enqueued again in this pass."""
    if entry is None:
        return now - stored_at < min(grace, 5.0)  # just stored: the receiver is announcing it right now
    if entry.state != "queued" or grace <= 0:
        return False
    if now < entry.retry_at + grace:
        return True  # the task itself retries later (a transient error)
    if entry.started_at > entry.queued_at:
        return now - entry.started_at < grace  # a worker is on it
    if now - entry.queued_at < grace:
        return True
    return queue_depth() > 0  # still waiting in the queue behind others


def reconcile(
    store: MessageStore,
    ledger: Ledger,
    enqueue: Callable[[str], None],
    *,
    now: float,
    grace: float,
    max_attempts: int,
    quarantine: Callable[[str, str], None],
    queue_depth: Callable[[], int] = lambda: 0,
) -> ReconcileReport:
    """One pass over the pending messages. ``grace`` 0 re-enqueues everything (start-up, on demand).

    A pending message is enqueued again when it was never enqueued; when a worker started it more
    than ``grace`` seconds ago and it is still not finished (the worker died or hangs); or when it
    was enqueued more than ``grace`` seconds ago, never started, and the queue is empty (the task
    was lost). A message still waiting in a busy queue is left alone, so a backlog never counts as
    failure. A message whose processing has started ``max_attempts`` times without finishing is
    quarantined (it may be what kills the worker); starts that ended in a clean retry do not count,
    and a message waiting for its task's own retry is left alone.
    """
    pending = enqueued = quarantined = finished = failed = 0
    depth_once = functools.cache(queue_depth)  # asked at most once per pass, and only if needed
    for key, stored_at in store.pending():
        pending += 1
        entry = ledger.entry(key)
        if entry is not None and entry.state == "done":
            store.mark_done(key)  # crashed between the ledger and the store: finish the move
            finished += 1
            continue
        if _leave_alone(entry, stored_at, now=now, grace=grace, queue_depth=depth_once):
            continue
        if entry is not None and entry.starts >= max_attempts:
            quarantine(key, f"processing started {entry.starts} times without finishing")
            quarantined += 1
            continue
        try:
            enqueue(key)
            enqueued += 1
        except Exception as exc:
            failed += 1
            log.warning("reconcile_enqueue_failed", message_key=key, error=type(exc).__name__)
            break  # the broker is down: the next pass tries again
    report = ReconcileReport(pending, enqueued, quarantined, finished, failed)
    if enqueued or quarantined or finished or failed:
        log.info("reconcile_pass", **report.as_dict())
    return report
