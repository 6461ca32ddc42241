"""Prometheus across processes: ``serve`` (and its extra receivers and embedded worker) and
``rootmail worker`` (Celery's prefork children) share one multiprocess metrics directory, so the
/metrics endpoint of the parent reports what every child counted.

prometheus_client chooses its storage when it is first imported, so the command re-executes
itself once with ``PROMETHEUS_MULTIPROC_DIR`` set before anything imports it.
"""

from __future__ import annotations

import os
import shutil
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ENV = "PROMETHEUS_MULTIPROC_DIR"


def ensure_multiprocess_metrics(data_dir: Path, command: str) -> None:
    """Re-exec the current command with a fresh metrics directory, unless one is already set."""
    if os.environ.get(ENV):
        return
    folder = Path(data_dir).resolve() / "run" / "metrics" / f"{command}-{os.getpid()}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    os.environ[ENV] = str(folder)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-m", "rootmail", *sys.argv[1:]])


def cleanup_multiprocess_metrics() -> None:
    """Remove this process tree's metrics directory (at a clean stop)."""
    folder = os.environ.get(ENV)
    if folder and Path(folder).name.split("-")[-1] == str(os.getpid()):
        shutil.rmtree(folder, ignore_errors=True)


def mark_process_dead(pid: int) -> None:
    """A child exited: its live gauges no longer count."""
    if os.environ.get(ENV):
        from prometheus_client import multiprocess

        multiprocess.mark_process_dead(pid)  # type: ignore[no-untyped-call]


class StateCollector:
    """Scrape-time gauges from Redis: messages by ledger state, and the task queue's depth."""

    def __init__(self, client: Any, queue: str) -> None:
        self.client = client
        self.queue = queue

    def collect(self) -> Iterator[Any]:
        from prometheus_client.core import GaugeMetricFamily

        from ingest.ledger import Ledger

        states = GaugeMetricFamily("rootmail_messages", "Messages by ledger state.", labels=["state"])
        depth = GaugeMetricFamily("rootmail_queue_depth", "Tasks waiting in the broker queue.")
        oldest = GaugeMetricFamily("rootmail_oldest_unfinished_message_age_seconds",
                                   "Age of the oldest stored message not yet done or quarantined (0: none).")
        try:
            ledger = Ledger(self.client)
            for state, count in ledger.counts().items():
                states.add_metric([state], count)
            depth.add_metric([], int(self.client.llen(self.queue)))
            unfinished = ledger.oldest_unfinished()
            oldest.add_metric([], max(0.0, time.time() - unfinished[1]) if unfinished else 0.0)
        except Exception:  # Redis down: the scrape still answers, without these gauges
            return
        yield states
        yield depth
        yield oldest


def metrics_registry(extra: Any | None = None) -> Any:
    """The registry /metrics serves: every process's samples in multiprocess mode."""
    from prometheus_client import REGISTRY, CollectorRegistry

    if not os.environ.get(ENV):
        registry = REGISTRY
    else:
        from prometheus_client import multiprocess

        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)  # type: ignore[no-untyped-call]
    if extra is not None:
        registry.register(extra)
    return registry
