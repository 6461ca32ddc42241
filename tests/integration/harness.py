"""Run real rootmail processes (serve, worker, CLI) for integration tests."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import smtplib
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import psutil

from tests.conftest import free_port, wait_for

ROOTMAIL = [sys.executable, "-m", "rootmail"]


class Rootmail:
    """One rootmail installation: a data directory and the environment every process shares."""

    def __init__(self, workdir: Path, **settings: str) -> None:
        self.workdir = workdir
        self.workdir.mkdir(parents=True, exist_ok=True)
        self.smtp_port = free_port()
        self.http_port = free_port()
        self.env = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
        self.env.update({
            "ROOTMAIL_SMTP_PORT": str(self.smtp_port),
            "ROOTMAIL_HTTP_PORT": str(self.http_port),
            "ROOTMAIL_LOG_FORMAT": "json",
            "ROOTMAIL_RECONCILE_INTERVAL": "1",
            "ROOTMAIL_RECONCILE_GRACE": "4",
            "ROOTMAIL_TASK_LOCK_SECONDS": "5",
        })
        self.env.update({f"ROOTMAIL_{k.upper()}": v for k, v in settings.items()})
        self.processes: list[subprocess.Popen[bytes]] = []

    def spawn(self, *args: str, log: str) -> subprocess.Popen[bytes]:
        handle = open(self.workdir / log, "ab")  # noqa: SIM115 - closed with the process
        process = subprocess.Popen([*ROOTMAIL, *args], cwd=self.workdir, env=self.env, stdout=handle,
                                   stderr=subprocess.STDOUT, start_new_session=True)
        handle.close()
        self.processes.append(process)
        return process

    def serve(self) -> subprocess.Popen[bytes]:
        process = self.spawn("serve", log="serve.log")

        def listening() -> bool:
            if process.poll() is not None:
                raise AssertionError(f"serve exited with {process.returncode}:\n{self.log('serve.log')}")
            with self.connect(timeout=5) as client:
                return client.noop()[0] == 250

        wait_for(listening, timeout=60, message="the SMTP receiver")
        return process

    def connect(self, peer: str = "127.0.0.1", timeout: float = 30) -> smtplib.SMTP:
        """An SMTP client connected to the receiver; behind the PROXY protocol
        (``ROOTMAIL_SMTP_PROXY_PROTOCOL=true``) it first sends a v1 header naming ``peer``."""
        if self.env.get("ROOTMAIL_SMTP_PROXY_PROTOCOL", "").lower() != "true":
            return smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=timeout)
        sock = socket.create_connection(("127.0.0.1", self.smtp_port), timeout=timeout)
        family = "TCP6" if ":" in peer else "TCP4"
        own = "::1" if family == "TCP6" else "127.0.0.1"
        sock.sendall(f"PROXY {family} {peer} {own} {sock.getsockname()[1]} 25\r\n".encode())
        client = smtplib.SMTP(timeout=timeout)
        client.sock = sock
        code, banner = client.getreply()
        if code != 220:
            client.close()
            raise smtplib.SMTPConnectError(code, banner)
        return client

    def worker(self, concurrency: int = 2) -> subprocess.Popen[bytes]:
        env_port = self.env["ROOTMAIL_HTTP_PORT"]
        self.env["ROOTMAIL_HTTP_PORT"] = "0"
        try:
            return self.spawn("worker", "--concurrency", str(concurrency), log="worker.log")
        finally:
            self.env["ROOTMAIL_HTTP_PORT"] = env_port

    def log(self, name: str) -> str:
        path = self.workdir / name
        return path.read_text(errors="replace") if path.exists() else ""

    def cli(self, *args: str, check: bool = True, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        result = subprocess.run([*ROOTMAIL, *args], cwd=self.workdir, env=self.env, capture_output=True,
                                text=True, timeout=timeout)
        if check and result.returncode != 0:
            raise AssertionError(f"rootmail {' '.join(args)} exited {result.returncode}:\n{result.stderr}")
        return result

    def json(self, *args: str) -> Any:
        return json.loads(self.cli(*args).stdout)

    def status(self) -> dict[str, Any]:
        data: dict[str, Any] = self.json("status", "--json")
        return data

    def tickets(self) -> list[dict[str, Any]]:
        try:
            data: list[dict[str, Any]] = self.json("tickets", "list", "--json")
        except AssertionError:
            return []
        return data

    def send(self, raw: bytes, rcpts: list[str], mail_from: str = "bounce@amazonses.com") -> tuple[int, bytes]:
        with smtplib.SMTP("127.0.0.1", self.smtp_port, timeout=30) as client:
            client.ehlo("sender.test")
            client.mail(mail_from)
            for rcpt in rcpts:
                code, text = client.rcpt(rcpt)
                if code != 250:
                    return code, text
            return client.data(raw)

    def stop(self, process: subprocess.Popen[bytes], timeout: float = 90) -> int:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
                raise AssertionError("process did not stop within the timeout after SIGTERM") from None
        return process.returncode

    def kill(self, process: subprocess.Popen[bytes]) -> None:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()

    def close(self) -> None:
        for process in self.processes:
            with contextlib.suppress(psutil.Error):  # children first: workers, receivers, Redis
                for child in psutil.Process(process.pid).children(recursive=True):
                    child.kill()
            if process.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
