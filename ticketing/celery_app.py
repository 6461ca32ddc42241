"""The Celery application: broker settings and task routes. Tasks live in :mod:`ticketing.tasks`."""

from __future__ import annotations

from celery import Celery

from ingest.publish import QUEUE


def make_celery(redis_url: str, *, prefetch: int = 1, visibility_timeout: int = 3600) -> Celery:
    """A Celery app on ``redis_url`` with late acks and JSON only (keys as arguments, never pickles)."""
    app = Celery("rootmail", broker=redis_url, set_as_current=True)
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
        enable_utc=True,
    )
    app.autodiscover_tasks(["ticketing"], related_name="tasks", force=True)
    return app
