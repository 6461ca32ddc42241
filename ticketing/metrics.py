"""Prometheus metrics of the worker side."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

TASK_SECONDS = Histogram("rootmail_task_seconds", "Time to process one message into tickets.")
TICKETS = Counter("rootmail_ticket_writes_total", "Helpdesk writes by result.", ["result"])
QUARANTINED = Counter("rootmail_messages_quarantined_total", "Messages quarantined.")
CLASSIFIED = Counter("rootmail_notices_classified_total", "Deliveries by notice type.", ["notice_type"])
RETRIES = Counter("rootmail_task_retries_total", "Task retries after a transient error, by error type.", ["error"])
END_TO_END = Histogram(
    "rootmail_end_to_end_seconds", "From the SMTP 250 to the last helpdesk write of a message.",
    buckets=(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 900, 3600),
)
DROPPED = Counter("rootmail_deliveries_dropped_total", "Deliveries that opened no ticket, by reason.", ["reason"])
