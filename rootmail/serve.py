"""``rootmail serve``: the SMTP receiver, plus on embedded defaults a private Redis and a worker.

Supervises what it starts (restarts a dead Redis or worker), runs the reconciler (at start-up and
every ``reconcile_interval``) and publishes the guard's periodic tasks (:mod:`rootmail.periodic`)
only when it runs the embedded worker (otherwise ``rootmail beat`` does: one reconciler, not one per
receiver), serves /healthz, /readyz and /metrics, and stops cleanly on SIGTERM
or Ctrl-C: no new connections, in-flight stores finish, the worker finishes its task, Redis last.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import os
import signal
import ssl
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import IO

import structlog

from ingest.committer import BatchCommitter
from ingest.limits import ConnectionLimits
from ingest.networks import TrustedNetworks
from ingest.publish import QUEUE, Publisher
from ingest.receiver import (
    EdgePolicy,
    ListenOptions,
    ReceiverHandler,
    RecipientVerdict,
    make_tls_context,
    start_server,
)
from ingest.session_guard import SessionLimits
from ingest.store import LocalStore
from rootmail.children import die_with_parent
from rootmail.directory_holder import DirectoryHolder, snapshot_path
from rootmail.embedded_redis import EmbeddedRedis
from rootmail.errors import UsageProblem
from rootmail.health import Check, start_health_server
from rootmail.metrics_setup import StateCollector, cleanup_multiprocess_metrics, metrics_registry
from rootmail.periodic import PeriodicTasks, guard_schedule
from rootmail.ports import ensure_free
from rootmail.private import PRIVATE_UMASK, private_dir
from rootmail.runtime import directory_holder, make_ledger, make_reconciler, make_store
from rootmail.settings import Settings
from rootmail.tls_expiry import record_certificate_expiry

log = structlog.get_logger(__name__)


def secure_data_dir(data_dir: Path) -> None:
    """The data directory 0700 (created so, or tightened when we own it); its files are 0600 through
    the umask and explicit modes (rootmail.private). A directory we cannot tighten is reported."""
    os.umask(PRIVATE_UMASK)  # also when run_serve is called without the CLI
    if private_dir(data_dir):
        log.warning("data_dir_permissions_tightened", path=str(data_dir), mode="0700")
    mode = stat.S_IMODE(data_dir.stat().st_mode)
    if mode & 0o077:
        log.warning("data_dir_not_private", path=str(data_dir), mode=f"{mode:04o}",
                    fix="chown the directory to this user or chmod it 0700; files inside are still 0600")


def acquire_data_dir_lock(data_dir: Path) -> IO[str]:
    """One ``serve`` per data directory: a second one would fight over the embedded Redis."""
    run = data_dir / "run"
    run.mkdir(parents=True, exist_ok=True)
    handle = open(run / "serve.lock", "a+")  # noqa: SIM115 - held for the life of the process
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.close()
        raise UsageProblem(
            f"another `rootmail serve` is running with data directory {data_dir}; stop it "
            "or set ROOTMAIL_DATA_DIR to another directory"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    return handle


class WorkerProcess:
    """A ``rootmail worker`` child process, restarted if it dies."""

    def __init__(self, redis_url: str, concurrency: int) -> None:
        self.redis_url = redis_url
        self.concurrency = concurrency
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    def start(self) -> None:
        env = dict(os.environ, ROOTMAIL_REDIS_URL=self.redis_url, ROOTMAIL_HTTP_PORT="0")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "rootmail", "worker", "--concurrency", str(self.concurrency)],
            env=env, stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent,
        )
        log.info("worker_started", pid=self.process.pid, concurrency=self.concurrency)

    def ensure_running(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            self.restarts += 1
            log.warning("worker_restarting", exit_code=self.process.returncode, restarts=self.restarts)
            self.start()

    def stop(self, timeout: float = 60.0) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # Celery warm shutdown: finish the current task
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def recipient_policy(snapshot: DirectoryHolder) -> object:
    def policy(address: str) -> RecipientVerdict:
        directory = snapshot.get()
        if directory.is_known(address):
            return "accept"
        domain = address.rpartition("@")[2]
        return "unknown" if domain in directory.domains() else "relay"

    return policy


def listen_options(settings: Settings) -> ListenOptions:
    tls = None
    if settings.smtp_tls_cert_file or settings.smtp_tls_key_file:
        if not (settings.smtp_tls_cert_file and settings.smtp_tls_key_file):
            raise UsageProblem("STARTTLS needs both ROOTMAIL_SMTP_TLS_CERT_FILE and ROOTMAIL_SMTP_TLS_KEY_FILE")
        try:
            tls = make_tls_context(str(settings.smtp_tls_cert_file), str(settings.smtp_tls_key_file))
        except (OSError, ssl.SSLError) as exc:
            raise UsageProblem(
                f"{settings.smtp_tls_cert_file} / {settings.smtp_tls_key_file}: cannot load the TLS certificate "
                f"({exc}); point ROOTMAIL_SMTP_TLS_CERT_FILE and ROOTMAIL_SMTP_TLS_KEY_FILE at PEM files"
            ) from exc
    elif settings.smtp_require_tls:
        raise UsageProblem("ROOTMAIL_SMTP_REQUIRE_TLS needs ROOTMAIL_SMTP_TLS_CERT_FILE and ROOTMAIL_SMTP_TLS_KEY_FILE")
    proxy_trusted = TrustedNetworks.parse(settings.smtp_proxy_trusted_networks)
    if settings.smtp_proxy_protocol and not proxy_trusted:
        raise UsageProblem(
            "ROOTMAIL_SMTP_PROXY_PROTOCOL=true needs ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS: the CIDRs of the load "
            "balancers that send PROXY headers, e.g. 10.0.0.0/16 (without it every connection would be refused "
            "with 554 5.7.1); or set ROOTMAIL_SMTP_PROXY_PROTOCOL=false"
        )
    return ListenOptions(
        hostname=settings.smtp_hostname, max_message_size=settings.max_message_size,
        idle_timeout=settings.smtp_idle_timeout, tls_context=tls, require_tls=settings.smtp_require_tls,
        proxy_protocol_timeout=10.0 if settings.smtp_proxy_protocol else None, proxy_trusted=proxy_trusted,
        limits=ConnectionLimits(
            settings.smtp_max_connections, settings.smtp_max_connections_per_ip,
            max_sessions_per_ip=settings.smtp_max_sessions_per_ip,
            max_unknown_recipients=settings.smtp_max_unknown_recipients,
            unknown_window=settings.smtp_unknown_recipient_window,
        ),
        session_limits=SessionLimits(max_junk_commands=settings.smtp_max_junk_commands,
                                     max_unknown_recipients=settings.smtp_max_unknown_recipients),
    )


class Receiver:
    """One SMTP listener with its store committer and publisher (one per receiver process)."""

    def __init__(self, settings: Settings, redis_url: str, snapshot: DirectoryHolder) -> None:
        self.settings = settings
        self.store = make_store(settings)
        self.ledger = make_ledger(redis_url)
        self.publisher = Publisher(self.ledger)
        self.executor = ThreadPoolExecutor(max_workers=16, thread_name_prefix="store")
        self.committer = (
            BatchCommitter(self.store, self.publisher) if isinstance(self.store, LocalStore) else None
        )
        self.handler = ReceiverHandler(
            recipient_policy=recipient_policy(snapshot),  # type: ignore[arg-type]
            store=self.store, publisher=self.publisher, executor=self.executor, committer=self.committer,
            policy=EdgePolicy(
                max_recipients=settings.smtp_max_recipients, max_header_size=settings.smtp_max_header_size,
                max_received_headers=settings.smtp_max_received_headers,
                reject_bare_line_ends=settings.smtp_reject_bare_line_ends,
            ),
        )
        self.options = listen_options(settings)
        self.server: asyncio.Server | None = None

    async def listen(self, port: int) -> int:
        settings = self.settings
        try:
            self.server = await start_server(
                self.handler, host=settings.smtp_host, port=port, reuse_port=settings.smtp_processes > 1,
                options=self.options,
            )
        except OSError as exc:
            raise UsageProblem(
                f"cannot listen on {settings.smtp_host}:{port} ({exc.strerror}); "
                "set ROOTMAIL_SMTP_PORT to a free port"
            ) from exc
        return int(self.server.sockets[0].getsockname()[1])

    def serving(self) -> bool:
        return self.server is not None and self.server.is_serving()

    async def close(self) -> None:
        """No new connections; messages being stored finish and are answered."""
        if self.server is not None:
            self.server.close()
            await self.server.wait_closed()
        if self.committer is not None:
            self.committer.close()
        self.executor.shutdown(wait=True)


class ReceiverChildren:
    """Extra receiver processes on the same port (SO_REUSEPORT): one Python process uses one core."""

    def __init__(self, count: int, redis_url: str, port: int) -> None:
        self.count = count
        self.env = dict(os.environ, ROOTMAIL_REDIS_URL=redis_url, ROOTMAIL_SMTP_PORT=str(port))
        self.processes: list[subprocess.Popen[bytes]] = []

    def _spawn(self) -> subprocess.Popen[bytes]:
        return subprocess.Popen([sys.executable, "-m", "rootmail", "receiver"], env=self.env,
                                stdin=subprocess.DEVNULL, start_new_session=True, preexec_fn=die_with_parent)

    def start(self) -> None:
        self.processes = [self._spawn() for _ in range(self.count)]

    def ensure_running(self) -> None:
        for index, process in enumerate(self.processes):
            if process.poll() is not None:
                log.warning("receiver_process_restarting", exit_code=process.returncode)
                self.processes[index] = self._spawn()

    def stop(self, timeout: float = 60.0) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


async def _receive_only(settings: Settings, redis_url: str) -> None:
    """``rootmail receiver``: one extra SMTP listener process started by ``serve``."""
    receiver = Receiver(settings, redis_url, directory_holder(settings))
    await receiver.listen(settings.smtp_port)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()
    await receiver.close()


def run_receiver_child(settings: Settings) -> None:
    if not settings.redis_url:
        raise UsageProblem("`rootmail receiver` is started by `rootmail serve`; run that instead")
    asyncio.run(_receive_only(settings, settings.redis_url))


def _readiness(settings: Settings, receiver: Receiver) -> Check:
    """/readyz: the store takes writes and the SMTP listener is up."""
    store = receiver.store

    def ready() -> tuple[bool, str]:
        check = getattr(store, "check", None)
        try:
            if check is not None:
                check()  # the S3 store: the bucket answers
            else:
                probe = Path(settings.data_dir) / "messages" / "tmp" / ".ready"
                probe.write_bytes(b"")
                probe.unlink()
        except OSError as exc:  # StoreError is an OSError
            return False, f"store not writable: {exc.strerror or exc}"
        return (receiver.serving(), "listening" if receiver.serving() else "not listening")

    return ready


async def _start_health(settings: Settings, receiver: Receiver,
                        children: ReceiverChildren) -> ThreadingHTTPServer | None:
    """/healthz, /readyz and /metrics when ROOTMAIL_HTTP_PORT is set; a taken port stops serve."""
    if not settings.http_port:
        return None
    try:
        return start_health_server(settings.http_host, settings.http_port, _readiness(settings, receiver),
                                   metrics_registry(StateCollector(receiver.ledger.client, QUEUE)))
    except OSError as exc:
        children.stop()
        await receiver.close()
        raise UsageProblem(
            f"cannot serve /healthz on {settings.http_host}:{settings.http_port} ({exc.strerror}); "
            "set ROOTMAIL_HTTP_PORT to a free port, or 0 to disable it"
        ) from exc


def _banner(settings: Settings, port: int, snapshot: DirectoryHolder, *, embedded: bool, worker: bool) -> str:
    """What serve prints once it listens: where the mail goes and what runs."""
    directory = snapshot.get()
    demo = settings.directory_file is None and not snapshot_path(settings).exists()
    return (
        f"rootmail {'(embedded defaults) ' if embedded else ''}listening on smtp://{settings.smtp_host}:{port}\n"
        f"  processes:      {settings.smtp_processes} SMTP receiver process(es)\n"
        f"  data directory: {Path(settings.data_dir).resolve()}\n"
        f"  redis:          {'embedded (started by serve)' if embedded else 'ROOTMAIL_REDIS_URL'}\n"
        f"  worker:         {'running inside serve' if worker else 'not started (run `rootmail worker`)'}\n"
        f"  helpdesk:       {settings.helpdesk}\n"
        f"  directory:      "
        + (f"embedded DEMO directory ({len(directory.accounts)} accounts: the recipients of "
           "`rootmail demo`); set ROOTMAIL_DIRECTORY_FILE for your own" if demo
           else f"{settings.directory_file} ({len(directory.accounts)} accounts)")
    )


def _logged(event: str, action: Callable[[], object]) -> None:
    """Run a periodic step; a failure (Redis down) is logged and the next tick tries again."""
    try:
        action()
    except Exception as exc:
        log.warning(event, error=type(exc).__name__)


async def _supervise(settings: Settings, receiver: Receiver, stop: asyncio.Event,
                     embedded: EmbeddedRedis | None, worker: WorkerProcess | None,
                     children: ReceiverChildren) -> None:
    """Until ``stop``: restart what died; beside the embedded worker, reconcile and publish the guard's
    periodic tasks (otherwise `rootmail beat` does both)."""
    loop = asyncio.get_running_loop()
    executor = receiver.executor
    reconciler = make_reconciler(settings, receiver.store, receiver.ledger)
    # the guard's periodic tasks (silence alarm, escrow purge): beat's job, here beside our worker
    periodic = PeriodicTasks(receiver.ledger.client, guard_schedule(settings.silence_alert_hours))
    if worker is not None:
        await loop.run_in_executor(executor, _logged, "reconcile_failed", lambda: reconciler(0.0))
    next_reconcile = time.monotonic() + settings.reconcile_interval
    while not stop.is_set():
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        if stop.is_set():
            break
        if embedded is not None and not embedded.alive():
            embedded.ensure_running()  # from this thread: children die with the thread that started them
        if worker is not None:
            worker.ensure_running()
        children.ensure_running()
        if worker is None:
            continue
        if time.monotonic() >= next_reconcile:
            next_reconcile = time.monotonic() + settings.reconcile_interval
            await loop.run_in_executor(executor, _logged, "reconcile_failed",
                                       lambda: reconciler(settings.reconcile_grace))
        await loop.run_in_executor(executor, _logged, "periodic_publish_failed", periodic.publish_due)


async def _serve(settings: Settings, redis_url: str, embedded: EmbeddedRedis | None,
                 worker: WorkerProcess | None) -> None:
    snapshot = directory_holder(settings)
    receiver = Receiver(settings, redis_url, snapshot)
    if isinstance(receiver.store, LocalStore):
        removed = receiver.store.clean_tmp()
        if removed:
            log.info("store_tmp_cleaned", files=removed)
    port = await receiver.listen(settings.smtp_port)
    children = ReceiverChildren(settings.smtp_processes - 1, redis_url, port)
    children.start()
    health = await _start_health(settings, receiver, children)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)
    print(_banner(settings, port, snapshot, embedded=embedded is not None, worker=worker is not None), flush=True)
    log.info("receiver_started", port=port, embedded_redis=embedded is not None)
    log.info("reconciler_location", runs_in="rootmail serve" if worker is not None else "rootmail beat")
    await _supervise(settings, receiver, stop, embedded, worker, children)
    log.info("receiver_stopping")
    children.stop()
    await receiver.close()  # in-flight stores finish before anything else stops
    if health is not None:
        health.shutdown()


def run_serve(settings: Settings) -> None:
    data_dir = Path(settings.data_dir)
    secure_data_dir(data_dir)
    directory_holder(settings)  # a broken directory file or TLS setting stops us before anything starts
    listen_options(settings)
    record_certificate_expiry(settings.smtp_tls_cert_file)
    lock = acquire_data_dir_lock(data_dir)  # first: a second serve on this data dir is told so
    embedded: EmbeddedRedis | None = None
    worker: WorkerProcess | None = None
    try:
        # our own ports before Redis and the worker start: a taken port is one line with the setting
        ensure_free(settings.smtp_host, settings.smtp_port, "ROOTMAIL_SMTP_PORT")
        ensure_free(settings.http_host, settings.http_port, "ROOTMAIL_HTTP_PORT", ", or 0 to disable it")
        if settings.redis_url:
            redis_url = settings.redis_url
        else:
            # not a port we are about to listen on (free now, so the kernel could hand it to Redis)
            embedded = EmbeddedRedis(data_dir, settings.redis_file(),
                                     avoid_ports=frozenset({settings.smtp_port, settings.http_port}))
            redis_url = embedded.start()
        run_worker = settings.worker if settings.worker is not None else embedded is not None
        if run_worker:
            worker = WorkerProcess(redis_url, settings.worker_concurrency)
            worker.start()
        asyncio.run(_serve(settings, redis_url, embedded, worker))
    finally:
        if worker is not None:
            worker.stop()
        if embedded is not None:
            embedded.stop()
        lock.close()
        cleanup_multiprocess_metrics()
        log.info("stopped")
