"""Prometheus metrics of the SMTP edge."""

from __future__ import annotations

from prometheus_client import Counter, Histogram

ACCEPTED = Counter("rootmail_messages_accepted_total", "Messages answered 250 (stored durably).")
REJECTED = Counter("rootmail_smtp_rejected_total", "SMTP commands rejected, by reason.", ["reason"])
STORE_SECONDS = Histogram("rootmail_store_seconds", "Time to store a message durably and announce it.")
ENQUEUE_FAILED = Counter("rootmail_enqueue_failed_total", "Stored messages not enqueued (broker down).")
