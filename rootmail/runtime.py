"""Builds the long-lived parts from settings: store, ledger, directory, helpdesk, publisher.

Part of the composition root: the receiver, the worker and the CLI commands get their
dependencies here instead of constructing them themselves.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis

from ingest.ledger import Ledger
from ingest.publish import QUEUE, Publisher
from ingest.store import LocalStore, MessageStore
from rootmail.directory_holder import DirectoryHolder
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from routing.directory import Directory, DirectoryError
from ticketing import metrics, pipeline
from ticketing.helpdesk import Helpdesk
from ticketing.helpdesk.local import LocalHelpdesk
from ticketing.reconcile import ReconcileReport, reconcile
from ticketing.threads import RedisThreadIndex

if TYPE_CHECKING:
    from ingest.s3store import S3Store


def directory_holder(settings: Settings) -> DirectoryHolder:
    """The directory in memory (sync snapshot merged with the file, or the demo directory),
    reloaded when its files change. A broken file at start-up is a UsageProblem naming it."""
    holder = DirectoryHolder(settings)
    try:
        holder.get()
    except DirectoryError as exc:
        raise UsageProblem(str(exc)) from exc
    return holder


def load_directory(settings: Settings) -> Directory:
    """The directory as it is now (for one-shot commands)."""
    return directory_holder(settings).get()


def resolve_redis_url(settings: Settings) -> str:
    """ROOTMAIL_REDIS_URL, else the embedded Redis of a running ``rootmail serve``."""
    if settings.redis_url:
        return settings.redis_url
    path = settings.redis_file()
    try:
        url = path.read_text(encoding="utf-8").strip()
    except OSError:
        url = ""
    if not url:
        raise UsageProblem(
            f"no Redis: {path} does not exist. Start `rootmail serve` with the same "
            "ROOTMAIL_DATA_DIR, or set ROOTMAIL_REDIS_URL"
        )
    return url


def make_store(settings: Settings) -> MessageStore:
    if settings.store == "s3":
        return make_s3_store(settings)
    return LocalStore(Path(settings.data_dir) / "messages")


def make_s3_store(settings: Settings) -> S3Store:
    """The S3 store; credentials, region and endpoint come from standard boto3 configuration
    (environment, profile, IRSA, AWS_ENDPOINT_URL)."""
    if not settings.s3_bucket:
        raise UsageProblem("ROOTMAIL_STORE=s3 needs ROOTMAIL_S3_BUCKET (the bucket of the message store)")
    import boto3
    from botocore.config import Config

    from ingest.s3store import S3Store

    config = Config(retries={"mode": "adaptive", "max_attempts": 10}, max_pool_connections=32)
    client = boto3.client("s3", config=config)
    return S3Store(client, settings.s3_bucket, settings.s3_prefix, kms_key_id=settings.s3_kms_key_id)


def make_helpdesk(settings: Settings) -> Helpdesk:
    if settings.helpdesk == "local":
        return LocalHelpdesk(Path(settings.data_dir) / "helpdesk.sqlite3", busy_timeout=settings.helpdesk_busy_timeout)
    factory = getattr(_wiring(), "make_helpdesk", None)
    if factory is None:
        raise UsageProblem(f"ROOTMAIL_HELPDESK={settings.helpdesk} is not available; use local")
    helpdesk: Helpdesk = factory(settings)
    return helpdesk


def own_domains(settings: Settings) -> frozenset[str]:
    """Domains whose mail is ours (helpdesk notifications): the receiver's host name and the setting."""
    names = {settings.smtp_hostname, *settings.own_domains.split(",")}
    return frozenset(name.strip().lower() for name in names if name.strip())


def _wiring() -> Any:
    """The feature wiring module (routing stages, helpdesk clients), when present."""
    try:
        return importlib.import_module("rootmail.wiring")
    except ModuleNotFoundError:
        return None


def routing_stages(settings: Settings) -> dict[str, Any]:
    """The authenticate/classify/route callables, from the routing wiring when available."""
    stages: dict[str, Any] = {}
    wiring = _wiring()
    if wiring is None:
        return stages
    if hasattr(wiring, "routing_stages"):
        stages.update(wiring.routing_stages(settings))
    if hasattr(wiring, "make_router"):
        stages["route"] = wiring.make_router(settings)
    return stages


@dataclass
class WorkerRuntime:
    """Everything a worker process needs, built once per process."""

    settings: Settings
    redis: redis.Redis
    deps: pipeline.Dependencies
    publisher: Publisher

    def observe_done(self, key: str, seconds: float) -> None:
        metrics.TASK_SECONDS.observe(seconds)

    def sync_directory(self) -> dict[str, Any]:
        from rootmail.directory_sync import sync_directory

        report: dict[str, Any] = sync_directory(self.settings).as_dict()
        return report

    def reconcile(self, grace: float) -> dict[str, int]:
        report: ReconcileReport = reconcile(
            self.deps.store,
            self.publisher.ledger,
            self.publisher.enqueue,
            now=time.time(),
            grace=grace,
            max_attempts=self.settings.reconcile_max_attempts,
            quarantine=lambda key, reason: pipeline.quarantine(key, reason, self.deps.store, self.publisher.ledger),
            queue_depth=lambda: int(self.redis.llen(QUEUE)),
        )
        return report.as_dict()


def _guard(settings: Settings, client: redis.Redis) -> pipeline.Guard:
    """The root-account guard (issue 15), imported here: the receiver never loads it."""
    from rootmail.guard_wiring import make_guard

    return make_guard(settings, client)


def build_worker_runtime(settings: Settings, redis_url: str | None = None) -> WorkerRuntime:
    url = redis_url or resolve_redis_url(settings)
    client = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    ledger = Ledger(client)
    deps = pipeline.Dependencies(
        store=make_store(settings),
        directory=directory_holder(settings).get,
        own_domains=own_domains(settings),
        thread_index=RedisThreadIndex(client),
        helpdesk=make_helpdesk(settings),
        ledger=ledger,
        guard=_guard(settings, client),
        **routing_stages(settings),
    )
    publisher = Publisher(ledger)
    return WorkerRuntime(settings=settings, redis=client, deps=deps, publisher=publisher)
