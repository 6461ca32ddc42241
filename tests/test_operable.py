"""Operable on one host: a taken port stops ``rootmail worker`` / ``rootmail serve`` with one line
naming the setting (exit 2, no traceback) before anything else starts; ``rootmail beat`` keeps a
heartbeat file fresh that the chart's liveness probe (``python -m rootmail.heartbeat``) checks."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rootmail import heartbeat
from tests.conftest import wait_for

ROOTMAIL = [sys.executable, "-m", "rootmail"]


@pytest.fixture
def taken_port() -> Iterator[int]:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield int(sock.getsockname()[1])


def run(args: list[str], data_dir: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
    environ.update(ROOTMAIL_DATA_DIR=str(data_dir), ROOTMAIL_SMTP_HOST="127.0.0.1", ROOTMAIL_HTTP_HOST="127.0.0.1",
                   **env)
    return subprocess.run([*ROOTMAIL, *args], env=environ, capture_output=True, text=True, timeout=120,
                          stdin=subprocess.DEVNULL, check=False)


def test_worker_beside_a_taken_health_port_says_which_setting_to_change(taken_port: int, tmp_path: Path) -> None:
    done = run(["worker"], tmp_path, ROOTMAIL_HTTP_PORT=str(taken_port), ROOTMAIL_REDIS_URL="redis://127.0.0.1:9/0")
    assert done.returncode == 2, done.stderr
    assert f"127.0.0.1:{taken_port}" in done.stderr and "set ROOTMAIL_HTTP_PORT to a free port" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.parametrize("setting", ["ROOTMAIL_SMTP_PORT", "ROOTMAIL_HTTP_PORT"])
def test_serve_checks_its_ports_before_starting_redis_or_the_worker(setting: str, taken_port: int,
                                                                   tmp_path: Path) -> None:
    ports = {"ROOTMAIL_SMTP_PORT": "0", "ROOTMAIL_HTTP_PORT": "0", setting: str(taken_port)}
    done = run(["serve"], tmp_path, **ports)
    assert done.returncode == 2, done.stderr
    assert f"set {setting} to a free port" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert not (tmp_path / "redis").exists(), "the embedded Redis was started before the port check"
    assert not (tmp_path / "run" / "redis.url").exists()


def test_heartbeat_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    beat_file = tmp_path / "run" / "beat-heartbeat"
    assert heartbeat.main([str(beat_file), "60"]) == 1
    assert "has not ticked yet" in capsys.readouterr().err
    heartbeat.touch(beat_file)
    assert heartbeat.main([str(beat_file), "60"]) == 0
    old = time.time() - 600
    os.utime(beat_file, (old, old))
    assert heartbeat.main([str(beat_file), "60"]) == 1
    assert "is not ticking" in capsys.readouterr().err
    assert heartbeat.main([]) == 2


def test_beat_keeps_its_heartbeat_fresh(redis_url: str, tmp_path: Path) -> None:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
    environ.update(ROOTMAIL_DATA_DIR=str(tmp_path), ROOTMAIL_REDIS_URL=redis_url)
    beat = subprocess.Popen([*ROOTMAIL, "beat"], env=environ, stdin=subprocess.DEVNULL,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    beat_file = heartbeat.heartbeat_path(tmp_path)
    try:
        wait_for(beat_file.exists, timeout=60, message="beat's first heartbeat")
        first = beat_file.stat().st_mtime_ns
        probe = subprocess.run([sys.executable, "-m", "rootmail.heartbeat", str(beat_file), "60"],
                               capture_output=True, text=True, timeout=30, check=False)
        assert probe.returncode == 0, probe.stderr
        # beat ticks again (at the latest after heartbeat.MAX_LOOP_INTERVAL) and touches the file
        wait_for(lambda: beat_file.stat().st_mtime_ns > first, timeout=heartbeat.MAX_LOOP_INTERVAL + 30,
                 message="a second heartbeat")
    finally:
        beat.send_signal(signal.SIGTERM)
        try:
            beat.wait(30)
        except subprocess.TimeoutExpired:
            beat.kill()
            beat.wait()
        assert beat.stderr is not None
        beat.stderr.close()
