"""The message store's file system fills up: the sender gets 451 4.3.0 and retries later; nothing
half-written is kept, nothing accepted is lost, and once there is room again everything that got a
250 is ticketed exactly once. Uses a tiny tmpfs (root only; skipped where mounting is refused)."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path

import pytest

from ingest.store import LocalStore
from tests.conftest import RedisServer, wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
ACME = "aws-root+acme-prod@roots.example.com"


@pytest.fixture()
def small_disk(tmp_path: Path) -> Iterator[Path]:
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount_point)],
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here ({result.stderr.strip() or result.returncode})")
    try:
        yield mount_point
    finally:
        with contextlib.suppress(Exception):
            subprocess.run(["umount", "-l", str(mount_point)], check=False)


def notice(n: int) -> bytes:
    body = ("AWS notice body line for the full-disk test.\r\n" * 60).encode()
    return (f"From: no-reply-aws@amazon.com\r\nTo: {ACME}\r\nSubject: Full disk {n}\r\n"
            f"Message-ID: {make_msgid(f'full-{n}', 'test.amazonses.com')}\r\n\r\n").encode() + body


def test_full_store_answers_451_and_loses_nothing(small_disk: Path, tmp_path: Path,
                                                  redis_server: RedisServer) -> None:
    redis_server.client().flushall()
    rootmail = Rootmail(tmp_path / "site", redis_url=redis_server.url, worker="false",
                        data_dir=str(small_disk / "data"))
    try:
        rootmail.serve()
        filler = small_disk / "filler"
        accepted: list[int] = []
        refused = 0
        with filler.open("wb") as handle:  # leave room for only a few messages
            free = int(subprocess.run(["df", "--output=avail", "-B1", str(small_disk)], capture_output=True,
                                      text=True).stdout.split()[-1])
            handle.write(b"\0" * max(0, free - 40 * 1024))
        for n in range(40):
            code, text = rootmail.send(notice(n), [ACME])
            if code == 250:
                accepted.append(n)
            else:
                assert (code, text[:5]) == (451, b"4.3.0"), text
                refused += 1
        assert refused > 0, "the disk never filled up"
        store = LocalStore(small_disk / "data" / "messages")
        assert list(store.tmp.iterdir()) == []  # nothing half-written stays behind
        for key, _ in store.pending():  # every stored message is complete and readable
            assert store.get(key).raw.endswith(b"full-disk test.\r\n")
        filler.unlink()  # room again: the senders retry what got 451
        for n in range(40):
            if n not in accepted:
                assert rootmail.send(notice(n), [ACME])[0] == 250
        rootmail.worker(concurrency=2)
        wait_for(lambda: rootmail.status()["done"] == 40, timeout=120, interval=0.5, message="40 done")
        tickets = rootmail.tickets()
        assert len(tickets) == 40 and all(t["comment_count"] == 1 for t in tickets)
        assert rootmail.status()["quarantined"] == 0
    finally:
        rootmail.close()
