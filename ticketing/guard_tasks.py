"""Celery tasks of the root-account guard: alert delivery (one task per alert and channel, retried
with backoff on 429/5xx/network errors, so a slow or failing channel never delays ticketing or the
other channels), the silence check and the escrow purge (Celery beat)."""

from __future__ import annotations

import time
from typing import Any

import httpx
import structlog
from celery import current_app, shared_task

from ingest.publish import QUEUE
from ticketing import guard_metrics as metrics
from ticketing import tasks
from ticketing.alerts import Alert, AlertDeliveryError, send_pagerduty, send_slack, send_webhook

log = structlog.get_logger(__name__)

DELIVER_ALERT = "rootmail.guard.deliver_alert"
CHECK_SILENCE = "rootmail.guard.check_silence"
PURGE_ESCROW = "rootmail.guard.purge_escrow"


def configured_channels(settings: Any) -> tuple[str, ...]:
    wanted = (("pagerduty", settings.alert_pagerduty_routing_key), ("slack", settings.alert_slack_webhook),
              ("webhook", settings.alert_webhook_url))
    return tuple(name for name, value in wanted if value)


def fan_out(channels: tuple[str, ...], send: Any = None) -> Any:
    """An ``enqueue`` for :class:`ticketing.guard.RootGuard`: one ``deliver_alert`` task per channel."""

    def enqueue(alert: dict[str, str]) -> None:
        sender = send or current_app.send_task
        for channel in channels:
            sender(DELIVER_ALERT, args=[alert, channel], queue=QUEUE)
        if not channels:
            log.warning("alert_without_channel", kind=alert.get("kind"))

    return enqueue


def deliver(channel: str, alert: Alert, settings: Any, client: httpx.Client) -> None:
    """One delivery attempt; raises AlertDeliveryError."""
    if channel == "pagerduty" and settings.alert_pagerduty_routing_key:
        send_pagerduty(client, settings.alert_pagerduty_url,
                       settings.alert_pagerduty_routing_key.get_secret_value(), alert)
    elif channel == "slack" and settings.alert_slack_webhook:
        send_slack(client, settings.alert_slack_webhook.get_secret_value(), alert)
    elif channel == "webhook" and settings.alert_webhook_url:
        secret = settings.alert_webhook_secret.get_secret_value() if settings.alert_webhook_secret else None
        send_webhook(client, settings.alert_webhook_url, secret, alert)
    else:
        raise AlertDeliveryError(f"{channel}: not configured", transient=False)


@shared_task(bind=True, name=DELIVER_ALERT, acks_late=True, max_retries=None, ignore_result=True)  # type: ignore[untyped-decorator]
def deliver_alert(self: Any, alert: dict[str, str], channel: str) -> str:
    rt = tasks.runtime()
    settings = rt.settings
    started = time.monotonic()
    try:
        with httpx.Client(timeout=settings.alert_timeout) as client:
            deliver(channel, Alert.from_dict(alert), settings, client)
    except AlertDeliveryError as exc:
        if not exc.transient or self.request.retries >= settings.alert_max_retries:
            metrics.DELIVERIES.labels(channel, "failed").inc()
            log.error("alert_delivery_failed", channel=channel, kind=alert.get("kind"), error=str(exc)[:200],
                      retries=self.request.retries)
            return "failed"
        metrics.DELIVERIES.labels(channel, "retry").inc()
        countdown = tasks.backoff(self.request.retries, exc.retry_after, base=settings.task_retry_base)
        log.warning("alert_delivery_retry", channel=channel, error=str(exc)[:200], countdown=round(countdown, 1))
        raise self.retry(exc=exc, countdown=countdown) from exc
    metrics.DELIVERIES.labels(channel, "delivered").inc()
    log.info("alert_delivered", channel=channel, kind=alert.get("kind"), action=alert.get("action"),
             message_key=alert.get("message_key"), seconds=round(time.monotonic() - started, 3))
    return "delivered"


@shared_task(name=CHECK_SILENCE, ignore_result=True)  # type: ignore[untyped-decorator]
def check_silence_task() -> bool:
    guard = tasks.runtime().deps.guard
    return bool(guard.check_silence()) if guard is not None else False


@shared_task(name=PURGE_ESCROW, ignore_result=True)  # type: ignore[untyped-decorator]
def purge_escrow_task() -> int:
    guard = tasks.runtime().deps.guard
    if guard is None or guard.escrow is None:
        return 0
    removed = int(guard.escrow.purge(time.time()))
    if removed:
        metrics.ESCROW.labels("expire").inc(removed)
        log.info("escrow_purged", removed=removed)
    return removed
