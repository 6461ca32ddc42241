"""The composition root: settings -> clients -> stores -> stages -> helpdesk, built in one place.

``rootmail serve``, ``rootmail worker``, ``rootmail beat``, every command and the benchmarks get
their parts here and construct none themselves:

* clients: Redis from :func:`rootmail.clients.redis_client` (timeouts on every client);
* stores: :func:`make_store` (local or S3), the ledger and publisher in :func:`make_ledger`;
* the directory: :func:`directory_holder`;
* stages: :func:`classifier_stages` (authenticate + classify, the one factory) and
  :func:`routing_stages` (those plus the rules router), built by :mod:`rootmail.wiring`;
* the helpdesk: :func:`make_helpdesk`;
* the reconciler: :func:`make_reconciler`; the worker's parts: :func:`build_worker_runtime`.

The receiver imports this module, so the parser, the pipeline and the helpdesk clients are imported
inside the functions that build them, never at module level (tests/test_composition.py checks).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import redis

from ingest.ledger import Ledger
from ingest.publish import QUEUE, Publisher
from ingest.store import LocalStore, MessageStore
from rootmail.clients import redis_client, resolve_redis_url
from rootmail.directory_holder import DirectoryHolder
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from routing.directory import Directory, DirectoryError
from ticketing.reconcile import ReconcileReport, quarantine, reconcile

if TYPE_CHECKING:
    from ingest.s3store import S3Store
    from rootmail.wiring import ClassifierStages
    from routing.dns import DnsLookup
    from ticketing import pipeline
    from ticketing.helpdesk import Helpdesk

__all__ = ["WorkerRuntime", "build_worker_runtime", "classifier_stages", "directory_holder", "load_directory",
           "make_helpdesk", "make_ledger", "make_reconciler", "make_store", "own_domains", "redis_client",
           "redis_for", "resolve_redis_url", "routing_stages"]

Reconciler = Callable[[float], ReconcileReport]


# ---------------------------------------------------------------- clients and stores


def redis_for(settings: Settings, *, timeout: float | None = None) -> redis.Redis:
    """The Redis of these settings (ROOTMAIL_REDIS_URL or the embedded one), with timeouts."""
    url = resolve_redis_url(settings)
    return redis_client(url) if timeout is None else redis_client(url, timeout=timeout)


def make_ledger(redis_url: str, *, timeout: float = 2.0) -> Ledger:
    """The ledger (and through :class:`Publisher` the queue) on ``redis_url``. The short default
    timeout is the receiver's: an SMTP client waits for the answer that follows the ledger write."""
    return Ledger(redis_client(redis_url, timeout=timeout))


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


def own_domains(settings: Settings) -> frozenset[str]:
    """Domains whose mail is ours (helpdesk notifications): the receiver's host name and the setting."""
    names = {settings.smtp_hostname, *settings.own_domains.split(",")}
    return frozenset(name.strip().lower() for name in names if name.strip())


# ---------------------------------------------------------------- stages and helpdesk


def make_helpdesk(settings: Settings, client: redis.Redis | None = None) -> Helpdesk:
    """The helpdesk of ``ROOTMAIL_HELPDESK``; ``client`` shares locks and the rate limiter."""
    if settings.helpdesk == "local":
        from ticketing.helpdesk.local import LocalHelpdesk

        return LocalHelpdesk(Path(settings.data_dir) / "helpdesk.sqlite3", busy_timeout=settings.helpdesk_busy_timeout)
    from rootmail import wiring

    return wiring.make_helpdesk(settings, client)


def classifier_stages(settings: Settings, *, nameservers: str | None = None,
                      lookup: DnsLookup | None = None) -> ClassifierStages:
    """Authenticate + classify, the same for the worker, the commands and the benchmarks."""
    from rootmail import wiring

    return wiring.classifier_stages(settings, nameservers=nameservers, lookup=lookup)


def routing_stages(settings: Settings) -> dict[str, Any]:
    """The pipeline's authenticate, classify and route callables."""
    from rootmail import wiring

    stages = classifier_stages(settings)
    return {"authenticate": stages.authenticate, "classify": stages.classify, "route": wiring.make_router(settings)}


# ---------------------------------------------------------------- reconciler


def make_reconciler(settings: Settings, store: MessageStore, ledger: Ledger) -> Reconciler:
    """One reconciler pass as a function of its grace (0: re-enqueue everything pending)."""
    publisher = Publisher(ledger)

    def run(grace: float) -> ReconcileReport:
        return reconcile(
            store, ledger, publisher.enqueue, now=time.time(), grace=grace,
            max_attempts=settings.reconcile_max_attempts,
            quarantine=lambda key, reason: quarantine(key, reason, store, ledger),
            queue_depth=lambda: int(ledger.client.llen(QUEUE)),
        )

    return run


# ---------------------------------------------------------------- the worker


@dataclass
class WorkerRuntime:
    """Everything a worker process needs, built once per process (at ``worker_process_init``)."""

    settings: Settings
    redis: redis.Redis
    deps: pipeline.Dependencies
    publisher: Publisher
    reconciler: Reconciler

    def observe_done(self, key: str, seconds: float) -> None:
        from ticketing import metrics

        metrics.TASK_SECONDS.observe(seconds)

    def quarantine(self, key: str, reason: str) -> None:
        quarantine(key, reason, self.deps.store, self.deps.ledger)

    def sync_directory(self) -> dict[str, Any]:
        from rootmail.directory_sync import sync_directory

        # the worker's own helpdesk client warms the ids (its Redis cache, its rate limiter)
        report: dict[str, Any] = sync_directory(self.settings, helpdesk=self.deps.helpdesk).as_dict()
        return report

    def reconcile(self, grace: float) -> dict[str, int]:
        return self.reconciler(grace).as_dict()


def _guard(settings: Settings, client: redis.Redis) -> pipeline.Guard:
    """The root-account guard (issue 15), imported here: the receiver never loads it."""
    from rootmail.guard_wiring import make_guard

    return make_guard(settings, client)


def build_worker_runtime(settings: Settings, redis_url: str | None = None) -> WorkerRuntime:
    from ticketing import pipeline
    from ticketing.threads import RedisThreadIndex

    client = redis_client(redis_url or resolve_redis_url(settings))
    ledger = Ledger(client)
    store = make_store(settings)
    deps = pipeline.Dependencies(
        store=store,
        directory=directory_holder(settings).get,
        own_domains=own_domains(settings),
        thread_index=RedisThreadIndex(client),
        helpdesk=make_helpdesk(settings, client),
        ledger=ledger,
        guard=_guard(settings, client),
        **routing_stages(settings),
    )
    return WorkerRuntime(settings=settings, redis=client, deps=deps, publisher=Publisher(ledger),
                         reconciler=make_reconciler(settings, store, ledger))
