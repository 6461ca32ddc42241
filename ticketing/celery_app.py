"""The Celery application: broker settings and task routes. Tasks live in :mod:`ticketing.tasks`."""

from __future__ import annotations

import resource

from celery import Celery

from ingest.publish import QUEUE

HARD_LIMIT_GRACE = 30.0  # seconds between the soft limit (quarantine) and the hard kill of the process
# A child process builds its runtime at worker_process_init, before it reports "up"; Celery kills a
# child not up within worker_proc_alive_timeout (default 4 s), too short on a busy machine.
PROC_ALIVE_TIMEOUT = 60.0


def make_celery(redis_url: str, *, prefetch: int = 1, visibility_timeout: int = 3600,
                time_limit: float = 0.0) -> Celery:
    """A Celery app on ``redis_url`` with late acks and JSON only (keys as arguments, never pickles).

    ``time_limit`` (seconds, 0: none) is each task's soft limit: the task gets
    SoftTimeLimitExceeded and quarantines its message; a task still running ``HARD_LIMIT_GRACE``
    seconds later is killed with its process (the reconciler then counts the attempt)."""
    app = Celery("rootmail", broker=redis_url, set_as_current=True)
    if time_limit > 0:
        app.conf.update(task_soft_time_limit=time_limit, task_time_limit=time_limit + HARD_LIMIT_GRACE)
    app.conf.update(
        task_default_queue=QUEUE,
        task_serializer="json",
        accept_content=["json"],
        result_backend=None,
        task_ignore_result=True,
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=prefetch,
        worker_hijack_root_logger=False,
        worker_redirect_stdouts=False,
        broker_connection_retry_on_startup=True,
        broker_transport_options={"visibility_timeout": visibility_timeout},
        worker_send_task_events=False,
        worker_proc_alive_timeout=PROC_ALIVE_TIMEOUT,
        enable_utc=True,
    )
    app.autodiscover_tasks(["ticketing"], related_name="tasks", force=True)
    app.autodiscover_tasks(["ticketing"], related_name="guard_tasks", force=True)  # issue 15: alerts
    return app


def limit_memory(limit: int) -> None:
    """Cap this process's address space at ``limit`` bytes (0: leave it): a MIME bomb that needs
    more gets a MemoryError in its task, which quarantines the message, instead of the OOM killer."""
    if limit <= 0:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
