"""Fault tests through real processes: a killed receiver, an unwritable store, a locked helpdesk,
a Redis killed mid-run. After each, every message that got a 250 is ticketed exactly once."""

from __future__ import annotations

import contextlib
import shutil
import socket
import sqlite3
from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path

import psutil
import pytest

from tests.conftest import RedisServer, wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
ACME = "aws-root+acme-prod@roots.example.com"


def notice(n: int, subject: str = "Fault notice") -> bytes:
    return (
        f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {ACME}\r\n"
        f"Subject: {subject} {n}\r\nMessage-ID: {make_msgid(f'f{n}', 'test.amazonses.com')}\r\n"
        f"Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nFault notice number {n}.\r\n"
    ).encode()


@pytest.fixture()
def rootmail(tmp_path: Path) -> Iterator[Rootmail]:
    rm = Rootmail(tmp_path / "site")
    yield rm
    rm.close()


def store_dir(rootmail: Rootmail) -> Path:
    return rootmail.workdir / "rootmail-data" / "messages"


def assert_ticketed_exactly_once(rootmail: Rootmail, subjects: list[str]) -> None:
    """One ticket with one comment per accepted message, nothing quarantined, nothing pending."""
    wait_for(lambda: rootmail.status()["done"] == len(subjects), timeout=180, interval=0.5,
             message=f"{len(subjects)} messages done")
    tickets = rootmail.tickets()
    assert sorted(t["subject"] for t in tickets) == sorted(subjects)
    assert sum(t["comment_count"] for t in tickets) == len(subjects)
    status = rootmail.status()
    assert (status["quarantined"], status["done"]) == (0, len(subjects))
    assert not list((store_dir(rootmail) / "pending").iterdir())


def smtp_line(sock: socket.socket) -> bytes:
    data = b""
    while not data.endswith(b"\r\n"):
        chunk = sock.recv(1)
        if not chunk:
            raise ConnectionError(f"closed after {data!r}")
        data += chunk
    return data


def test_receiver_killed_during_data_stores_nothing_and_serves_after_restart(rootmail: Rootmail) -> None:
    serve = rootmail.serve()
    children = psutil.Process(serve.pid).children(recursive=True)
    sock = socket.create_connection(("127.0.0.1", rootmail.smtp_port), timeout=30)
    try:
        assert smtp_line(sock).startswith(b"220 ")
        for command, expected in ((b"HELO killer.test", b"250"), (b"MAIL FROM:<bounce@amazonses.com>", b"250"),
                                  (f"RCPT TO:<{ACME}>".encode(), b"250"), (b"DATA", b"354")):
            sock.sendall(command + b"\r\n")
            reply = smtp_line(sock)
            while reply[3:4] == b"-":
                reply = smtp_line(sock)
            assert reply.startswith(expected), reply
        whole = notice(0, "Half sent")
        sock.sendall(whole[: len(whole) // 2])  # no end of data: the client is still sending
        rootmail.kill(serve)  # SIGKILL serve's process group mid-DATA
        wait_for(lambda: not any(c.is_running() and c.status() != psutil.STATUS_ZOMBIE for c in children),
                 timeout=60, message="serve's worker and Redis to exit")
        with contextlib.suppress(OSError):
            leftover = sock.recv(4096)
            assert not leftover.startswith(b"250"), "the client got a 250 for a half-sent message"
    finally:
        sock.close()
    store = store_dir(rootmail)
    assert not list((store / "pending").iterdir()) and not list((store / "done").rglob("*.msg"))
    (store / "tmp" / "20261128T000000-half-written.msg").write_bytes(b'{"mail_from": ""\nSubject: torn')
    rootmail.serve()
    assert not list((store / "tmp").glob("*.msg")), "tmp/ was not cleaned at start-up"
    assert rootmail.send(notice(1, "After restart"), [ACME])[0] == 250
    assert_ticketed_exactly_once(rootmail, ["After restart 1"])
    assert "Traceback" not in rootmail.log("serve.log")


def test_unwritable_store_answers_451_and_after_repair_one_ticket(rootmail: Rootmail) -> None:
    rootmail.serve()
    assert rootmail.send(notice(0), [ACME])[0] == 250
    wait_for(lambda: rootmail.status()["done"] == 1, timeout=60, message="first message done")
    pending = store_dir(rootmail) / "pending"
    shutil.rmtree(pending)
    pending.write_bytes(b"")  # a file where the folder was: every write fails, root or not
    code, text = rootmail.send(notice(1), [ACME])
    assert (code, text[:5]) == (451, b"4.3.0"), text
    assert not list((store_dir(rootmail) / "tmp").glob("*.msg")), "a failed write left a temp file behind"
    pending.unlink()
    pending.mkdir()
    assert rootmail.send(notice(1), [ACME])[0] == 250  # the sender retries after the 451
    assert_ticketed_exactly_once(rootmail, ["Fault notice 0", "Fault notice 1"])


def test_helpdesk_locked_then_back_every_message_ticketed_once(rootmail: Rootmail) -> None:
    rootmail.env["ROOTMAIL_HELPDESK_BUSY_TIMEOUT"] = "0.5"
    rootmail.serve()
    assert rootmail.send(notice(0), [ACME])[0] == 250
    wait_for(lambda: rootmail.status()["done"] == 1, timeout=60, message="first message done")
    database = rootmail.workdir / "rootmail-data" / "helpdesk.sqlite3"
    holder = sqlite3.connect(database, isolation_level=None)
    try:
        holder.execute("BEGIN EXCLUSIVE")  # the helpdesk refuses every write until we let go
        for n in range(1, 6):
            assert rootmail.send(notice(n), [ACME])[0] == 250
        wait_for(lambda: rootmail.log("serve.log").count('"task_error"') + rootmail.log("serve.log").count(
            '"task_retry"') >= 5, timeout=90, interval=0.2, message="the worker failing on the locked helpdesk")
        assert rootmail.status()["done"] == 1
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert_ticketed_exactly_once(rootmail, [f"Fault notice {n}" for n in range(6)])


def test_redis_killed_mid_run_every_accepted_message_ticketed_once(tmp_path: Path) -> None:
    redis = RedisServer(tmp_path / "redis")
    redis.start()
    rootmail = Rootmail(tmp_path / "site", redis_url=redis.url, worker="true")
    try:
        rootmail.serve()
        accepted: list[str] = []
        for n in range(30):
            if n == 10:  # mid-run: tasks queued in Redis and in flight
                assert redis.process is not None
                redis.process.kill()  # SIGKILL: only what the AOF holds survives
                redis.process.wait()
                redis.process = None
            if n == 20:
                redis.start()  # same port, same AOF directory
            code, text = rootmail.send(notice(n), [ACME])
            assert code == 250, text
            accepted.append(f"Fault notice {n}")
        assert_ticketed_exactly_once(rootmail, accepted)
    finally:
        rootmail.close()
        redis.stop()
