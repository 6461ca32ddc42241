"""Prometheus metrics of the worker side."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

TASK_SECONDS = Histogram("rootmail_task_seconds", "Time to process one message into tickets.")
TICKETS = Counter("rootmail_ticket_writes_total", "Helpdesk writes by result.", ["result"])
QUARANTINED = Counter("rootmail_messages_quarantined_total", "Messages quarantined.")
DROPPED = Counter("rootmail_deliveries_dropped_total", "Deliveries that opened no ticket, by reason.", ["reason"])
