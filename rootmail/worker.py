"""``rootmail worker`` and ``rootmail beat``: Celery processes wired to rootmail's runtime.

The worker builds its runtime (:func:`rootmail.runtime.build_worker_runtime`) once per process at
``worker_process_init`` (for pools without child processes, once at ``worker_init``). Before it
consumes, it warms the helpdesk's organization and user ids from the directory
(:func:`rootmail.helpdesk_ids.warm_at_start`). Its ``/readyz`` answers 200 once the broker answers
and every worker process has finished building its runtime: mail sent before that waits in the
queue for a process that is still starting. Beat runs the
reconciler and the directory sync on their intervals (the only periodic reconciler besides the one
inside ``serve`` when serve runs the embedded worker).
"""

from __future__ import annotations

import multiprocessing
import os
import warnings
from pathlib import Path

import redis
import structlog
from celery.beat import PersistentScheduler
from celery.signals import worker_init, worker_process_init, worker_process_shutdown

from ingest.publish import QUEUE
from rootmail.health import start_health_server
from rootmail.heartbeat import MAX_LOOP_INTERVAL, heartbeat_path, touch
from rootmail.helpdesk_ids import warm_at_start
from rootmail.metrics_setup import StateCollector, mark_process_dead, metrics_registry
from rootmail.periodic import CHECK_SILENCE, PURGE_ESCROW, guard_schedule
from rootmail.ports import ensure_free
from rootmail.runtime import build_worker_runtime, redis_client, resolve_redis_url, routing_stages
from rootmail.settings import Settings
from ticketing import tasks
from ticketing.celery_app import limit_memory, make_celery

log = structlog.get_logger(__name__)

# Celery pools whose tasks run in the worker's own process: no worker_process_init is sent
IN_PROCESS_POOLS = frozenset({"solo", "threads", "eventlet", "gevent"})


# beat's entry names of the guard's periodic tasks (the names key beat's persistent schedule file)
_GUARD_ENTRIES = {CHECK_SILENCE: "guard-silence", PURGE_ESCROW: "escrow-purge"}


def beat_schedule(settings: Settings) -> dict[str, dict[str, object]]:
    """What beat runs: the reconciler and the directory sync, each on its interval, and the guard's
    periodic tasks on the intervals of :func:`rootmail.periodic.guard_schedule` (the ones serve
    uses beside its embedded worker: one source)."""
    schedule: dict[str, dict[str, object]] = {
        "reconcile": {"task": tasks.RECONCILE, "schedule": settings.reconcile_interval},
        "sync-directory": {"task": tasks.SYNC_DIRECTORY, "schedule": settings.directory_sync_interval},
    }
    for task, seconds in guard_schedule(settings.silence_alert_hours).items():
        schedule[_GUARD_ENTRIES[task]] = {"task": task, "schedule": seconds}
    return schedule


class HeartbeatScheduler(PersistentScheduler):  # type: ignore[misc]
    """Celery's PersistentScheduler (the default ``beat_scheduler``) touching the heartbeat file
    (:mod:`rootmail.heartbeat`, path in ``app.conf.rootmail_heartbeat``) after every tick."""

    def tick(self, *args: object, **kwargs: object) -> float:
        interval = float(super().tick(*args, **kwargs))
        touch(Path(self.app.conf.rootmail_heartbeat))
        return interval


def _preload_rules(settings: Settings) -> None:
    """Parse the notice and routing rules and compile their patterns once, here, before the pool
    forks: the processes inherit the parsed rules (cached per process) instead of each spending
    ~0.3 s on them while mail waits. Pure data, no sockets; a failure is left to each process's
    own build, which logs it."""
    try:
        routing_stages(settings)
    except Exception as exc:  # the processes build again and report it
        log.warning("worker_preload_failed", error=type(exc).__name__)


def run_worker(settings: Settings, concurrency: int | None = None, pool: str | None = None) -> None:
    # a taken health port stops us before Celery starts (two workers, or a worker beside serve)
    ensure_free(settings.http_host, settings.http_port, "ROOTMAIL_HTTP_PORT",
                " (each rootmail process on a host needs its own), or 0 to disable the worker's /healthz")
    # containers run as non-root; as root (CI, a laptop) Celery's warning is noise
    warnings.filterwarnings("ignore", message=".*superuser privileges.*")
    url = resolve_redis_url(settings)
    app = make_celery(url, prefetch=settings.worker_prefetch, time_limit=settings.task_time_limit)
    tasks.install(lambda: build_worker_runtime(settings, url), max_retries=settings.task_max_retries,
                  retry_base=settings.task_retry_base)

    # readiness: worker processes that finished building their runtime (a failed build counts:
    # it is logged and retried by the process itself, see tasks.runtime)
    processes = 1 if pool in IN_PROCESS_POOLS else (concurrency or settings.worker_concurrency)
    started = multiprocessing.Value("i", 0)

    def build(**_: object) -> None:
        tasks.build_runtime()
        with started.get_lock():
            started.value += 1

    def start_child(**_: object) -> None:
        limit_memory(settings.worker_memory_limit)
        build()

    if pool in IN_PROCESS_POOLS:
        worker_init.connect(build, weak=False)
    else:
        worker_process_init.connect(start_child, weak=False)
        _preload_rules(settings)
    if settings.http_port:
        probe = redis_client(url, timeout=2.0)

        def ready() -> tuple[bool, str]:
            try:
                probe.ping()
            except redis.RedisError as exc:
                return False, f"broker unreachable: {type(exc).__name__}"
            if started.value < processes:
                return False, f"broker reachable; {started.value} of {processes} worker processes started"
            return True, f"broker reachable; {processes} worker processes started"

        start_health_server(settings.http_host, settings.http_port, ready,
                            metrics_registry(StateCollector(probe, QUEUE)))

    @worker_process_shutdown.connect  # type: ignore[untyped-decorator]
    def _child_exit(pid: int | None = None, **_: object) -> None:
        mark_process_dead(pid or os.getpid())

    argv = [
        "--quiet", "worker", "-Q", QUEUE, "--concurrency", str(concurrency or settings.worker_concurrency),
        "--loglevel", settings.log_level, "-n", f"rootmail-{os.getpid()}@%h",
        "--without-gossip", "--without-mingle", "--without-heartbeat",
    ]
    if pool:
        argv += ["--pool", pool]
    warm_at_start(settings)  # before the pool forks: no request of it runs in a worker process
    app.worker_main(argv)


def run_beat(settings: Settings) -> None:
    url = resolve_redis_url(settings)
    app = make_celery(url, prefetch=settings.worker_prefetch)
    app.conf.beat_schedule = beat_schedule(settings)
    app.conf.beat_scheduler = HeartbeatScheduler
    app.conf.beat_max_loop_interval = MAX_LOOP_INTERVAL  # the heartbeat is never older than this
    app.conf.rootmail_heartbeat = str(heartbeat_path(settings.data_dir))
    run = Path(settings.data_dir) / "run"
    run.mkdir(parents=True, exist_ok=True)
    app.start(["beat", "--loglevel", settings.log_level, "--schedule", str(run / "celerybeat-schedule")])
