"""Builds the root-account guard from settings (part of the composition root, issue 15)."""

from __future__ import annotations

from pathlib import Path

import redis

from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from ticketing.escrow import Escrow, LocalEscrow, SecretsManagerEscrow, SsmEscrow
from ticketing.guard import Enqueue, RootGuard
from ticketing.guard_tasks import configured_channels, fan_out
from ticketing.guard_windows import Alarms, Windows


def make_escrow(settings: Settings) -> Escrow:
    """The escrow of ``ROOTMAIL_ESCROW``; AWS clients from standard boto3 configuration."""
    if settings.escrow == "local":
        return LocalEscrow(Path(settings.data_dir))
    try:
        import boto3
    except ImportError as exc:  # pragma: no cover - boto3 is a dependency
        raise UsageProblem(f"ROOTMAIL_ESCROW={settings.escrow} needs boto3") from exc
    if settings.escrow == "ssm":
        return SsmEscrow(boto3.client("ssm"), settings.escrow_prefix, settings.escrow_kms_key_id)
    return SecretsManagerEscrow(boto3.client("secretsmanager"), settings.escrow_prefix, settings.escrow_kms_key_id)


def make_guard(settings: Settings, client: redis.Redis, enqueue: Enqueue | None = None) -> RootGuard:
    return RootGuard(
        windows=Windows(client), alarms=Alarms(client), escrow=make_escrow(settings),
        enqueue=enqueue or fan_out(configured_channels(settings)),
        dedupe_seconds=settings.alert_dedupe_seconds, escrow_ttl=settings.escrow_ttl,
        silence_hours=settings.silence_alert_hours,
    )
