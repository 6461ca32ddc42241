"""The root-account guard's periodic tasks as ``rootmail serve`` publishes them beside its worker.

Where ``rootmail beat`` runs, Celery beat sends them (:func:`rootmail.worker.beat_schedule`). On the
embedded defaults ``serve`` runs a worker but no beat, so the silence alarm
(``ROOTMAIL_SILENCE_ALERT_HOURS``) and the escrow purge would never run: ``serve`` pushes the same
tasks by name, as Celery protocol-2 messages built by :func:`ingest.wire.task_message`, onto the
worker's queue in the same Redis, without importing Celery, the guard or the parser.

The intervals are defined here once (:func:`guard_schedule`: silence check every 300 s, escrow
purge every 60 s) and beat takes them from here too; a silence window shorter than 300 s is checked
once per window, so the alarm is never later than twice the window, and with the alarm off
(``ROOTMAIL_SILENCE_ALERT_HOURS=0``) there is no silence check. Every task is due at start-up too
(the first silence check starts the intake clock when no AWS mail was ever accepted).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import redis

from ingest.publish import QUEUE
from ingest.wire import task_message

CHECK_SILENCE = "rootmail.guard.check_silence"  # ticketing.guard_tasks.CHECK_SILENCE
PURGE_ESCROW = "rootmail.guard.purge_escrow"  # ticketing.guard_tasks.PURGE_ESCROW
SILENCE_CHECK_SECONDS = 300.0  # also beat's (rootmail.worker.beat_schedule)
ESCROW_PURGE_SECONDS = 60.0


def guard_schedule(silence_hours: float) -> dict[str, float]:
    """Task name -> seconds between two runs (no silence check when the alarm is off)."""
    schedule = {PURGE_ESCROW: ESCROW_PURGE_SECONDS}
    if silence_hours > 0:
        schedule[CHECK_SILENCE] = min(SILENCE_CHECK_SECONDS, silence_hours * 3600.0)
    return schedule


class PeriodicTasks:
    """Publishes each task of ``schedule`` when it is due; :meth:`publish_due` is called from
    serve's supervision loop (every half second)."""

    def __init__(self, client: redis.Redis, schedule: dict[str, float],
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.schedule = dict(schedule)
        self.clock = clock
        self.due_at = {task: clock() for task in schedule}  # all due at start-up
        self.published: dict[str, int] = {task: 0 for task in schedule}

    def publish_due(self) -> list[str]:
        """Push every due task onto the worker queue; returns their names. Raises redis errors
        (the caller logs them; the task stays due and is tried again on the next call)."""
        now = self.clock()
        sent: list[str] = []
        for task, interval in self.schedule.items():
            if now < self.due_at[task]:
                continue
            self.client.lpush(QUEUE, task_message(task, [], QUEUE))
            self.due_at[task] = now + interval
            self.published[task] += 1
            sent.append(task)
        return sent
