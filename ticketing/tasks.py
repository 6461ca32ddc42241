"""Thin, idempotent Celery tasks. Arguments are message keys; dependencies come from a factory
the composition root installs (built lazily once per worker process, after fork)."""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable
from typing import Any

import structlog
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from ingest.publish import PROCESS_MESSAGE
from ticketing import metrics, pipeline
from ticketing.errors import PermanentError, TransientError

log = structlog.get_logger(__name__)

RECONCILE = "rootmail.reconcile"
SYNC_DIRECTORY = "rootmail.sync_directory"

_factory: Callable[[], Any] | None = None
_deps: tuple[int, Any] | None = None


def install(factory: Callable[[], Any]) -> None:
    """Set the factory that builds a ``WorkerRuntime`` (has ``.deps``, ``.redis``, ``.settings``)."""
    global _factory, _deps
    _factory = factory
    _deps = None


def runtime() -> Any:
    global _deps
    if _deps is None or _deps[0] != os.getpid():
        if _factory is None:
            raise RuntimeError("rootmail worker runtime not installed; start it with `rootmail worker`")
        _deps = (os.getpid(), _factory())
    return _deps[1]


def backoff(retries: int, retry_after: float | None = None, base: float = 2.0, cap: float = 300.0) -> float:
    """Exponential backoff with equal jitter (half fixed, half random, so the retries of one message
    always span at least base * (2**n - 1) seconds); a server's Retry-After wins when longer."""
    step = min(cap, base * (2**retries))
    return float(max(step / 2 + random.uniform(0, step / 2), retry_after or 0.0))


def _resource_limit_reason(exc: BaseException, time_limit: float | None) -> str | None:
    """The quarantine reason when ``exc`` is, or was caused by, the task's time or memory bound
    (parsing wraps whatever mail-parser raised, so look down the cause chain)."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, SoftTimeLimitExceeded):
            return f"parsing/processing exceeded {time_limit or 0:g} s"
        if isinstance(seen, MemoryError):
            return "parsing/processing ran out of memory (ROOTMAIL_WORKER_MEMORY_LIMIT)"
        seen = seen.__cause__ or seen.__context__
    return None


def _note_retry(rt: Any, key: str, countdown: float) -> None:
    if rt.deps.ledger is not None:
        with contextlib.suppress(Exception):  # Redis down: the reconciler still finds the message
            rt.deps.ledger.mark_retry(key, time.time() + countdown)


@shared_task(bind=True, name=PROCESS_MESSAGE, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def process_message(self: Any, key: str) -> str:
    """Ticket stored message ``key``. Safe to run twice, or concurrently: a lock and idempotent writes."""
    try:
        rt = runtime()
    except Exception as exc:  # e.g. Redis or the helpdesk not reachable while the worker starts
        log.warning("worker_runtime_unavailable", error=f"{type(exc).__name__}: {exc}"[:200])
        raise self.retry(exc=exc, countdown=backoff(self.request.retries), max_retries=None) from exc
    structlog.contextvars.bind_contextvars(message_key=key, task_id=self.request.id)
    lock = rt.redis.lock(f"rootmail:lock:{key}", timeout=rt.settings.task_lock_seconds, blocking=False)
    try:
        if not lock.acquire():
            log.info("message_locked")  # another worker has it; the reconciler checks again later
            return "locked"
        try:
            started = time.monotonic()
            if rt.deps.ledger is not None:
                rt.deps.ledger.mark_started(key)
            deliveries = pipeline.process_key(key, rt.deps)
            if deliveries is None:
                return "already-finished"
            rt.observe_done(key, time.monotonic() - started)
            return "done"
        except (PermanentError, SoftTimeLimitExceeded, MemoryError) as exc:
            reason = _resource_limit_reason(exc, self.soft_time_limit or self.app.conf.task_soft_time_limit)
            pipeline.quarantine(key, reason or str(exc), rt.deps.store, rt.deps.ledger)
            return "quarantined"
        except TransientError as exc:
            if self.request.retries >= rt.settings.task_max_retries:
                pipeline.quarantine(key, f"gave up after {self.request.retries} retries: {exc}", rt.deps.store,
                                    rt.deps.ledger)
                return "quarantined"
            log.warning("task_retry", error=str(exc)[:200], retries=self.request.retries)
            metrics.RETRIES.labels(type(exc).__name__).inc()
            countdown = backoff(self.request.retries, exc.retry_after, base=rt.settings.task_retry_base)
            _note_retry(rt, key, countdown)
            raise self.retry(exc=exc, countdown=countdown) from exc
        except Exception as exc:  # an unexpected error: bounded retries, then a human looks at it
            if self.request.retries >= rt.settings.task_max_retries:
                pipeline.quarantine(key, f"unexpected error: {type(exc).__name__}: {exc}", rt.deps.store,
                                    rt.deps.ledger)
                return "quarantined"
            log.exception("task_error", error=type(exc).__name__)
            metrics.RETRIES.labels(type(exc).__name__).inc()
            countdown = backoff(self.request.retries, base=rt.settings.task_retry_base)
            _note_retry(rt, key, countdown)
            raise self.retry(exc=exc, countdown=countdown) from exc
        finally:
            with contextlib.suppress(Exception):
                lock.release()
    finally:
        structlog.contextvars.clear_contextvars()


@shared_task(name=SYNC_DIRECTORY, ignore_result=True)
def sync_directory_task() -> dict[str, Any]:
    """Periodic directory sync (Celery beat): file + AWS Organizations -> snapshot."""
    result: dict[str, Any] = runtime().sync_directory()
    return result


@shared_task(name=RECONCILE, ignore_result=True)
def reconcile_task() -> dict[str, int]:
    """Periodic reconciler (Celery beat)."""
    rt = runtime()
    return dict(rt.reconcile(grace=rt.settings.reconcile_grace))
