"""Builds the long-lived parts from settings: store, ledger, directory, helpdesk, publisher.

Part of the composition root: the receiver, the worker and the CLI commands get their
dependencies here instead of constructing them themselves.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import redis

from ingest.ledger import Ledger
from ingest.publish import Publisher, make_publisher_app
from ingest.store import LocalStore, MessageStore
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from routing.directory import Directory, DirectoryError, parse_directory
from ticketing import metrics, pipeline
from ticketing.helpdesk import Helpdesk
from ticketing.helpdesk.local import LocalHelpdesk
from ticketing.reconcile import ReconcileReport, reconcile


def demo_directory_text() -> str:
    return resources.files("rootmail").joinpath("demo/directory.yaml").read_text(encoding="utf-8")


def load_directory(settings: Settings) -> Directory:
    """The configured directory file, or the embedded demo directory when none is set."""
    if settings.directory_file is None:
        return parse_directory(demo_directory_text(), "<embedded demo directory>")
    path = Path(settings.directory_file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise UsageProblem(
            f"{path}: cannot read the account directory ({exc.strerror}); "
            "fix ROOTMAIL_DIRECTORY_FILE or create the file"
        ) from exc
    try:
        return parse_directory(text, str(path))
    except DirectoryError as exc:
        raise UsageProblem(str(exc)) from exc


class DirectorySnapshot:
    """The directory in memory, reloaded when its file changes (checked at most every 2 seconds)."""

    def __init__(self, settings: Settings, check_every: float = 2.0) -> None:
        self.settings = settings
        self.check_every = check_every
        self._directory = load_directory(settings)
        self._mtime = self._file_mtime()
        self._checked = time.monotonic()

    def _file_mtime(self) -> float:
        path = self.settings.directory_file
        try:
            return Path(path).stat().st_mtime if path else 0.0
        except OSError:
            return 0.0

    def get(self) -> Directory:
        now = time.monotonic()
        if now - self._checked >= self.check_every:
            self._checked = now
            mtime = self._file_mtime()
            if mtime != self._mtime:
                try:
                    self._directory = load_directory(self.settings)
                    self._mtime = mtime
                except UsageProblem:
                    pass  # keep the last good directory
        return self._directory


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
    if settings.store != "local":
        raise UsageProblem(f"ROOTMAIL_STORE={settings.store} is not available in this version; use local")
    return LocalStore(Path(settings.data_dir) / "messages")


def make_helpdesk(settings: Settings) -> Helpdesk:
    if settings.helpdesk == "local":
        return LocalHelpdesk(Path(settings.data_dir) / "helpdesk.sqlite3")
    factory = getattr(_wiring(), "make_helpdesk", None)
    if factory is None:
        raise UsageProblem(f"ROOTMAIL_HELPDESK={settings.helpdesk} is not available; use local")
    helpdesk: Helpdesk = factory(settings)
    return helpdesk


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

    def reconcile(self, grace: float) -> dict[str, int]:
        report: ReconcileReport = reconcile(
            self.deps.store,
            self.publisher.ledger,
            self.publisher.enqueue,
            now=time.time(),
            grace=grace,
            max_attempts=self.settings.reconcile_max_attempts,
            quarantine=lambda key, reason: pipeline.quarantine(key, reason, self.deps.store, self.publisher.ledger),
        )
        return report.as_dict()


def build_worker_runtime(settings: Settings, redis_url: str | None = None) -> WorkerRuntime:
    url = redis_url or resolve_redis_url(settings)
    client = redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5)
    ledger = Ledger(client)
    snapshot = DirectorySnapshot(settings)
    deps = pipeline.Dependencies(
        store=make_store(settings),
        directory=snapshot.get,
        helpdesk=make_helpdesk(settings),
        ledger=ledger,
        **routing_stages(settings),
    )
    publisher = Publisher(make_publisher_app(url), ledger)
    return WorkerRuntime(settings=settings, redis=client, deps=deps, publisher=publisher)
