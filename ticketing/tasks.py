"""Thin, idempotent Celery tasks, and the worker's retry/quarantine policy.

Arguments are message keys; dependencies come from a runtime the composition root builds once per
worker process, at ``worker_process_init`` (:func:`build_runtime`), never inside a task. A runtime
that cannot be built is logged (``worker_runtime_build_failed``) and tried again at most once per
``REBUILD_INTERVAL`` seconds; a task that finds no runtime retries a bounded number of times and
then leaves its message pending in the store, where the reconciler finds it again.

What happens after an error is one pure function, :func:`decide`, of the error and the attempt.
"""

from __future__ import annotations

import contextlib
import os
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

import structlog
from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from ingest.publish import PROCESS_MESSAGE
from ticketing import metrics, pipeline
from ticketing.errors import PermanentError, TransientError

log = structlog.get_logger(__name__)

RECONCILE = "rootmail.reconcile"
SYNC_DIRECTORY = "rootmail.sync_directory"
REBUILD_INTERVAL = 10.0  # seconds between two attempts of one process to build a runtime that failed


class RuntimeUnavailable(Exception):
    """The worker's runtime could not be built (Redis, store or helpdesk settings): retry later."""


@dataclass
class _Installed:
    factory: Callable[[], Any]
    max_retries: int
    retry_base: float
    pid: int = 0
    runtime: Any = None
    failed_at: float | None = None
    failure: str = ""


_installed: _Installed | None = None


def install(factory: Callable[[], Any], *, max_retries: int = 8, retry_base: float = 2.0) -> None:
    """Set the factory that builds a ``WorkerRuntime`` (has ``.deps``, ``.redis``, ``.settings``);
    ``max_retries``/``retry_base`` bound the retries of a task that finds no runtime."""
    global _installed
    _installed = _Installed(factory, max_retries, retry_base)


def build_runtime(**_: object) -> bool:
    """Build this process's runtime now (the ``worker_process_init`` handler); False, logged, when
    it cannot be built. Never raises: a worker process that cannot build stays up and reports."""
    state = _installed
    if state is None:
        return False
    if state.pid == os.getpid() and state.runtime is not None:
        return True
    started = time.monotonic()
    try:
        runtime = state.factory()
    except Exception as exc:  # e.g. Redis or the helpdesk settings; the message is only logged
        state.pid, state.runtime, state.failed_at = os.getpid(), None, time.monotonic()
        state.failure = f"{type(exc).__name__}: {exc}"[:300]
        log.error("worker_runtime_build_failed", error=state.failure, retry_in=REBUILD_INTERVAL)
        return False
    state.pid, state.runtime, state.failed_at, state.failure = os.getpid(), runtime, None, ""
    log.info("worker_runtime_built", seconds=round(time.monotonic() - started, 3))
    return True


def runtime() -> Any:
    """This process's runtime. Built at process start; built here only for pools without child
    processes (solo, threads) or after a failed build, at most once per ``REBUILD_INTERVAL``."""
    state = _installed
    if state is None:
        raise RuntimeUnavailable("rootmail worker runtime not installed; start it with `rootmail worker`")
    if state.pid == os.getpid():
        if state.runtime is not None:
            return state.runtime
        if state.failed_at is not None and time.monotonic() - state.failed_at < REBUILD_INTERVAL:
            raise RuntimeUnavailable(state.failure)
    if not build_runtime():
        raise RuntimeUnavailable(state.failure)
    return state.runtime


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


@dataclass(frozen=True, slots=True)
class Decision:
    """What to do with a message after an error: ``retry`` (after at least ``retry_after``
    seconds when set), ``quarantine`` (for a human, with ``reason``) or ``release`` (no runtime to
    quarantine with: leave it pending in the store for the reconciler)."""

    action: Literal["retry", "quarantine", "release"]
    reason: str = ""
    retry_after: float | None = None


def decide(exc: BaseException, retries: int, max_retries: int, time_limit: float | None = None) -> Decision:
    """The retry/quarantine policy. ``retries``: retries so far; ``time_limit``: the soft limit.

    * the task's own bound (soft time limit, memory limit) or a PermanentError: quarantine now;
    * a TransientError or an unexpected error: retry, quarantine after ``max_retries`` retries;
    * no runtime: retry, after ``max_retries`` release the message to the reconciler.
    """
    if isinstance(exc, (PermanentError, SoftTimeLimitExceeded, MemoryError)):
        return Decision("quarantine", _resource_limit_reason(exc, time_limit) or str(exc))
    exhausted = retries >= max_retries
    if isinstance(exc, RuntimeUnavailable):
        return Decision("release", f"no worker runtime after {retries} retries: {exc}") if exhausted \
            else Decision("retry")
    if isinstance(exc, TransientError):
        return Decision("quarantine", f"gave up after {retries} retries: {exc}") if exhausted \
            else Decision("retry", retry_after=exc.retry_after)
    if exhausted:
        return Decision("quarantine", f"unexpected error: {type(exc).__name__}: {exc}")
    return Decision("retry")


def _note_retry(rt: Any, key: str, countdown: float) -> None:
    if rt is not None and rt.deps.ledger is not None:
        with contextlib.suppress(Exception):  # Redis down: the reconciler still finds the message
            rt.deps.ledger.mark_retry(key, time.time() + countdown)


def _act(task: Any, key: str, rt: Any, exc: Exception) -> str:
    """Carry out :func:`decide` for ``exc``: quarantine, release, or raise Celery's Retry."""
    if rt is not None:
        max_retries, base = rt.settings.task_max_retries, rt.settings.task_retry_base
    else:
        max_retries = _installed.max_retries if _installed else 0
        base = _installed.retry_base if _installed else 2.0
    decision = decide(exc, task.request.retries, max_retries,
                      task.soft_time_limit or task.app.conf.task_soft_time_limit)
    if decision.action == "quarantine" and rt is not None:
        rt.quarantine(key, decision.reason)
        return "quarantined"
    if decision.action != "retry":  # release (or no runtime to quarantine with)
        log.error("message_released", message_key=key, reason=decision.reason[:200])
        return "released"
    if isinstance(exc, (TransientError, RuntimeUnavailable)):
        log.warning("task_retry", error=str(exc)[:200], retries=task.request.retries)
    else:
        log.exception("task_error", error=type(exc).__name__)
    metrics.RETRIES.labels(type(exc).__name__).inc()
    countdown = backoff(task.request.retries, decision.retry_after, base=base)
    _note_retry(rt, key, countdown)
    raise task.retry(exc=exc, countdown=countdown, max_retries=None) from exc


@shared_task(bind=True, name=PROCESS_MESSAGE, acks_late=True, reject_on_worker_lost=True, max_retries=None)
def process_message(self: Any, key: str) -> str:
    """Ticket stored message ``key``. Safe to run twice, or concurrently: a lock and idempotent writes."""
    try:
        rt = runtime()
    except RuntimeUnavailable as exc:
        return _act(self, key, None, exc)
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
        except Exception as exc:  # decide() says what happens: retry (bounded), quarantine, release
            return _act(self, key, rt, exc)
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
