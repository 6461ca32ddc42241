"""The worker's lifecycle: its runtime is built once per process at start (never inside a task), a
build failure is reported and bounded, and what happens after an error is one pure function."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from celery.exceptions import SoftTimeLimitExceeded
from structlog.testing import capture_logs

from ticketing import tasks
from ticketing.celery_app import make_celery
from ticketing.errors import PermanentError, TransientError
from ticketing.tasks import Decision, RuntimeUnavailable, decide

# ---------------------------------------------------------------- the policy, on its own


@pytest.mark.parametrize(("exc", "retries", "expected"), [
    (TransientError("helpdesk 503", retry_after=7.0), 0, Decision("retry", retry_after=7.0)),
    (TransientError("helpdesk 503"), 7, Decision("retry")),
    (TransientError("helpdesk 503"), 8, Decision("quarantine", "gave up after 8 retries: helpdesk 503")),
    (PermanentError("helpdesk says 422"), 0, Decision("quarantine", "helpdesk says 422")),
    (SoftTimeLimitExceeded(), 0, Decision("quarantine", "parsing/processing exceeded 30 s")),
    (MemoryError(), 0, Decision("quarantine", "parsing/processing ran out of memory (ROOTMAIL_WORKER_MEMORY_LIMIT)")),
    (ValueError("bug"), 3, Decision("retry")),
    (ValueError("bug"), 8, Decision("quarantine", "unexpected error: ValueError: bug")),
    (RuntimeUnavailable("redis down"), 2, Decision("retry")),
    (RuntimeUnavailable("redis down"), 8, Decision("release", "no worker runtime after 8 retries: redis down")),
])
def test_decide(exc: BaseException, retries: int, expected: Decision) -> None:
    assert decide(exc, retries, max_retries=8, time_limit=30.0) == expected


def test_a_permanent_error_caused_by_the_time_limit_names_the_limit() -> None:
    try:
        try:
            raise SoftTimeLimitExceeded()
        except SoftTimeLimitExceeded as inner:
            raise PermanentError("unparseable mail") from inner
    except PermanentError as exc:
        assert decide(exc, 0, 8, 12.0) == Decision("quarantine", "parsing/processing exceeded 12 s")


def test_a_soft_time_limit_is_never_retried_whatever_the_attempt() -> None:
    """The bug this replaces: a SoftTimeLimitExceeded raised while building the runtime was retried
    without bound. Now the limit quarantines at once (and the runtime is not built in a task)."""
    assert {decide(SoftTimeLimitExceeded(), n, 8).action for n in range(20)} == {"quarantine"}


# ---------------------------------------------------------------- building the runtime


class Runtime:
    """What ``build_worker_runtime`` returns, for the parts these tests read."""

    def __init__(self) -> None:
        self.pid = os.getpid()


@pytest.fixture()
def calls() -> Iterator[list[str]]:
    made: list[str] = []
    yield made
    tasks._installed = None


def test_the_runtime_is_built_once_per_process(calls: list[str]) -> None:
    def factory() -> Runtime:
        calls.append("build")
        return Runtime()

    tasks.install(factory)
    assert tasks.build_runtime()  # the worker_process_init handler
    first = tasks.runtime()
    assert tasks.runtime() is first and tasks.build_runtime() and calls == ["build"]


def test_a_failed_build_is_reported_and_not_repeated_by_every_task(calls: list[str]) -> None:
    def factory() -> Runtime:
        calls.append("build")
        raise ConnectionError("redis://10.0.0.1:6379 refused")

    tasks.install(factory, max_retries=3)
    with capture_logs() as logs:
        assert not tasks.build_runtime()
    assert [e["event"] for e in logs] == ["worker_runtime_build_failed"]
    assert "ConnectionError: redis://10.0.0.1:6379 refused" in logs[0]["error"]
    for _ in range(5):  # within REBUILD_INTERVAL: the last failure, no new attempt
        with pytest.raises(RuntimeUnavailable, match="refused"):
            tasks.runtime()
    assert calls == ["build"]


def test_a_task_without_runtime_retries_a_bounded_number_of_times_then_releases(
        calls: list[str], redis_url: str) -> None:
    """Run eagerly through Celery's own retry machinery: max_retries retries, then the message is
    left in the store for the reconciler, and the factory was not called once per attempt."""
    def factory() -> Runtime:
        calls.append("build")
        raise ConnectionError("refused")

    make_celery(redis_url)
    tasks.install(factory, max_retries=3, retry_base=0.0)
    with capture_logs() as logs:
        result = tasks.process_message.apply(args=["2026/01/01/k"])
    assert result.get() == "released"
    events = [e["event"] for e in logs]
    assert events.count("task_retry") == 3 and events[-1] == "message_released"
    assert calls == ["build"]


# ---------------------------------------------------------------- a real worker


@pytest.mark.integration
def test_rootmail_worker_builds_each_process_runtime_at_start(tmp_path: Path, redis_url: str) -> None:
    """Two worker processes, no task sent: each logs worker_runtime_built once (built at
    worker_process_init, not by the first task)."""
    from tests.conftest import wait_for
    from tests.integration.harness import Rootmail

    rootmail = Rootmail(tmp_path / "site", redis_url=redis_url, worker="false")
    try:
        worker = rootmail.worker(concurrency=2)

        def built() -> list[dict[str, Any]]:
            entries = [json.loads(line) for line in rootmail.log("worker.log").splitlines()
                       if line.startswith("{")]
            return [e for e in entries if e.get("event") == "worker_runtime_built"]

        events = wait_for(lambda: len(built()) >= 2 and built(), timeout=60,
                          message=f"two worker_runtime_built events:\n{rootmail.log('worker.log')}")
        assert len(events) == 2
        assert "worker_runtime_build_failed" not in rootmail.log("worker.log")
        assert rootmail.stop(worker) == 0
    finally:
        rootmail.close()
