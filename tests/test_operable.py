"""Operable on one host: a taken port stops ``rootmail worker`` / ``rootmail serve`` with one line
naming the setting (exit 2, no traceback) before anything else starts; ``rootmail beat`` keeps a
heartbeat file fresh that the chart's liveness probe (``python -m rootmail.heartbeat``) checks; the
gauges the chart's alerts need (STARTTLS certificate expiry, oldest unfinished message) exist."""

from __future__ import annotations

import datetime
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from prometheus_client import REGISTRY

from ingest.ledger import Ledger
from ingest.publish import QUEUE
from rootmail import heartbeat, tls_expiry
from rootmail.metrics_setup import StateCollector
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


def _certificate(tmp_path: Path, not_after: datetime.datetime) -> Path:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "mx.example.test")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)).not_valid_after(not_after)
            .sign(key, hashes.SHA256()))
    path = tmp_path / f"cert-{not_after.year}.pem"
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM) + b"-----BEGIN CERTIFICATE-----\nAAAA\n"
                     b"-----END CERTIFICATE-----\n")  # a chain: the first certificate is the server's
    return path


@pytest.mark.parametrize("not_after", [
    datetime.datetime(2031, 5, 6, 12, 30, 1, tzinfo=datetime.UTC),   # UTCTime
    datetime.datetime(2051, 1, 2, 3, 4, 5, tzinfo=datetime.UTC),     # GeneralizedTime (2050 and later)
])
def test_tls_certificate_expiry_gauge(not_after: datetime.datetime, tmp_path: Path) -> None:
    cert = _certificate(tmp_path, not_after)
    assert tls_expiry.record_certificate_expiry(cert) == not_after.timestamp()
    assert REGISTRY.get_sample_value("rootmail_tls_certificate_expiry_timestamp_seconds") == not_after.timestamp()


def test_tls_certificate_expiry_of_a_bad_file_is_unknown_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pem"
    bad.write_bytes(b"-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n")
    assert tls_expiry.record_certificate_expiry(bad) is None
    assert tls_expiry.record_certificate_expiry(tmp_path / "missing.pem") is None
    assert tls_expiry.record_certificate_expiry(None) is None


def test_oldest_unfinished_message_age_is_exported(redis_url: str) -> None:
    client = redis.Redis.from_url(redis_url)
    collector = StateCollector(client, QUEUE)

    def oldest() -> float:
        family = next(f for f in collector.collect() if f.name == "rootmail_oldest_unfinished_message_age_seconds")
        return float(family.samples[0].value)

    assert oldest() == 0.0
    ledger = Ledger(client)
    ledger.transition("2026/old", "queued", now=time.time() - 900)
    ledger.transition("2026/new", "queued", now=time.time() - 5)
    assert 899 <= oldest() < 960
    ledger.transition("2026/old", "done")
    assert 4 <= oldest() < 60
