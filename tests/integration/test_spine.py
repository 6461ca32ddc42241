"""End to end through real processes: rootmail serve, its embedded Redis and worker, the CLI."""

from __future__ import annotations

import mailbox
import smtplib
import urllib.request
from collections.abc import Iterator
from email.utils import make_msgid
from importlib import resources
from pathlib import Path

import psutil
import pytest

from ingest.store import LocalStore
from tests.conftest import RedisServer, wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
DEMO = resources.files("rootmail").joinpath("demo")
ACME = "aws-root+acme-prod@roots.example.com"


@pytest.fixture()
def rootmail(tmp_path: Path) -> Iterator[Rootmail]:
    rm = Rootmail(tmp_path / "site")
    yield rm
    rm.close()


def notice(n: int, rcpt: str = ACME, subject: str = "Test notice") -> bytes:
    return (
        f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {rcpt}\r\n"
        f"Subject: {subject} {n}\r\nMessage-ID: {make_msgid(f'n{n}', 'test.amazonses.com')}\r\n"
        f"Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nNotice number {n}.\r\n"
    ).encode()


def http_get(port: int, path: str) -> int:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return int(exc.code)


def test_embedded_defaults_demo_to_tickets_and_clean_stop(rootmail: Rootmail) -> None:
    serve = rootmail.serve()
    assert "embedded DEMO directory" in rootmail.log("serve.log")
    url_file = rootmail.workdir / "rootmail-data" / "run" / "redis.url"
    assert url_file.exists() and oct(url_file.stat().st_mode & 0o777) == "0o600"
    demo = rootmail.cli("demo")
    assert "5 demo notices accepted" in demo.stdout
    tickets = wait_for(lambda: len(rootmail.tickets()) == 5 and rootmail.tickets(), timeout=60,
                       message="5 demo tickets")
    for ticket in tickets:
        assert {"id", "subject", "status", "customer", "aws_account_id", "notice_type", "visibility",
                "thread_key", "comment_count", "created_at", "updated_at"} <= set(ticket)
        assert ticket["customer"] in ("demo-acme", "demo-globex") and ticket["comment_count"] == 1
    shown = rootmail.json("tickets", "show", tickets[0]["id"], "--json")
    assert shown["comments"][0]["public"] is False and shown["comments"][0]["created_at"]
    assert shown["attachments"][0]["filename"].endswith(".eml") and shown["attachments"][0]["size"] > 0
    status = wait_for(lambda: rootmail.status()["done"] == 5 and rootmail.status(), message="status done=5")
    assert (status["received"], status["queued"], status["quarantined"], status["queue_depth"]) == (0, 0, 0, 0)
    assert http_get(rootmail.http_port, "/healthz") == 200
    assert http_get(rootmail.http_port, "/readyz") == 200
    assert http_get(rootmail.http_port, "/metrics") == 200
    redis_pid = int((rootmail.workdir / "rootmail-data" / "run" / "serve.lock").read_text())
    assert redis_pid == serve.pid
    assert rootmail.stop(serve) == 0
    assert not url_file.exists()
    assert "Traceback" not in rootmail.log("serve.log")


def test_second_serve_on_the_same_data_dir_is_refused(rootmail: Rootmail) -> None:
    rootmail.serve()
    second = rootmail.cli("serve", check=False, timeout=60)
    assert second.returncode == 2
    assert "another `rootmail serve` is running" in second.stderr
    assert "Traceback" not in second.stderr


def test_mail_stored_before_a_stop_is_ticketed_after_restart(rootmail: Rootmail) -> None:
    rootmail.env["ROOTMAIL_WORKER"] = "false"
    serve = rootmail.serve()
    for n in range(3):
        assert rootmail.send(notice(n), [ACME])[0] == 250
    assert rootmail.stop(serve) == 0
    assert len(list((rootmail.workdir / "rootmail-data" / "messages" / "pending").iterdir())) == 3
    rootmail.env["ROOTMAIL_WORKER"] = "true"
    rootmail.serve()
    wait_for(lambda: rootmail.status()["done"] == 3, timeout=60, message="3 done after restart")
    assert len(rootmail.tickets()) == 3


def test_worker_killed_mid_batch_every_message_done_exactly_once(tmp_path: Path,
                                                                  redis_server: RedisServer) -> None:
    redis_server.client().flushall()
    rootmail = Rootmail(tmp_path / "site", redis_url=redis_server.url, worker="false")
    try:
        rootmail.serve()
        rootmail.spawn("beat", log="beat.log")  # the reconciler: serve without its worker runs none
        total = 200
        for n in range(total):
            assert rootmail.send(notice(n), [ACME])[0] == 250
        worker = rootmail.worker(concurrency=2)
        client = redis_server.client()  # the ledger's counter, read directly: a CLI call takes ~1 s

        def done() -> int:
            return int(client.get("rootmail:count:done") or 0)

        wait_for(lambda: done() >= 20, timeout=90, interval=0.01, message="20 done")
        rootmail.kill(worker)  # SIGKILL the whole worker process group mid-batch
        assert rootmail.status()["done"] < total, "the kill landed after the batch: make it bigger"
        rootmail.worker(concurrency=2)
        wait_for(lambda: rootmail.status()["done"] == total, timeout=180, interval=0.5,
                 message=f"{total} done after the worker restart")
        tickets = rootmail.tickets()
        assert len(tickets) == total
        assert all(t["comment_count"] == 1 for t in tickets)
        assert sorted(t["subject"] for t in tickets) == sorted(f"Test notice {n}" for n in range(total))
        assert rootmail.status()["quarantined"] == 0
    finally:
        rootmail.close()


def test_redis_down_while_mail_arrives_then_processed_when_back(tmp_path: Path) -> None:
    redis = RedisServer(tmp_path / "redis")
    redis.start()
    rootmail = Rootmail(tmp_path / "site", redis_url=redis.url, worker="true")
    try:
        rootmail.serve()
        assert rootmail.send(notice(0), [ACME])[0] == 250
        wait_for(lambda: rootmail.status()["done"] == 1, timeout=60, message="first message done")
        redis.stop()
        for n in range(1, 6):
            code, text = rootmail.send(notice(n), [ACME])
            assert code == 250, text
        assert rootmail.status()["redis"].startswith("unavailable")
        redis.start()  # same port, same AOF directory
        wait_for(lambda: rootmail.status()["done"] == 6, timeout=120, interval=0.5,
                 message="all 6 done after Redis came back")
        assert len(rootmail.tickets()) == 6
    finally:
        rootmail.close()
        redis.stop()


def test_replay_reads_eml_mbox_and_maildir_and_reports_bad_inputs(rootmail: Rootmail, tmp_path: Path) -> None:
    rootmail.serve()
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "one.eml").write_bytes(notice(1))
    box = mailbox.mbox(inputs / "two.mbox")
    box.add(notice(2))
    box.add(notice(3))
    box.flush()
    maildir = mailbox.Maildir(inputs / "Maildir")
    maildir.add(notice(4))
    (inputs / "stranger.eml").write_bytes(notice(5, rcpt="someone@elsewhere.example"))
    result = rootmail.cli("replay", str(inputs / "one.eml"), str(inputs / "two.mbox"), str(inputs / "Maildir"),
                          str(inputs / "stranger.eml"), str(inputs / "missing.eml"), check=False)
    assert result.returncode == 1
    assert "replayed 4 message(s), 2 failed" in result.stdout
    assert f"{inputs / 'missing.eml'}: no such file" in result.stderr
    assert f"{inputs / 'stranger.eml'}: no known root address" in result.stderr and "--rcpt" in result.stderr
    assert "Traceback" not in result.stderr
    wait_for(lambda: len(rootmail.tickets()) == 4, timeout=60, message="4 replayed tickets")
    forced = rootmail.cli("replay", "--rcpt", "aws-root+acme-dev@roots.example.com", str(inputs / "stranger.eml"))
    assert "replayed 1 message(s), 0 failed" in forced.stdout
    wait_for(lambda: any(t["aws_account_id"] == "444455556666" for t in rootmail.tickets()), timeout=60,
             message="ticket for the --rcpt account")


def test_unparseable_mail_is_quarantined_with_reason_not_dropped(rootmail: Rootmail) -> None:
    rootmail.serve()
    code, text = rootmail.send(b"\x00\x01 not a mail at all \xff\r\n", [ACME])
    assert code == 250
    key = text.decode().rsplit(" ", 1)[1]
    wait_for(lambda: rootmail.status()["quarantined"] == 1, timeout=60, message="quarantined")
    listed = rootmail.json("quarantine", "list", "--json")
    assert listed == [{"key": key, "reason": "unparseable mail: no header fields: not an RFC 5322 message"}]
    assert rootmail.tickets() == []


def test_cli_without_a_running_serve_explains_what_to_do(rootmail: Rootmail) -> None:
    result = rootmail.cli("demo", check=False)
    assert result.returncode == 2
    assert "start `rootmail serve` first" in result.stderr and "Traceback" not in result.stderr
    status = rootmail.status()
    assert status["redis"].startswith("unavailable") and status["pending_in_store"] == 0
    bad = rootmail.cli("tickets", "list", check=False)
    assert bad.returncode == 2 and "does not exist yet" in bad.stderr


def test_invalid_directory_file_names_file_line_and_fix(rootmail: Rootmail) -> None:
    directory = rootmail.workdir / "dir.yaml"
    directory.write_text("customers:\n  - id: c1\n    name: C\naccounts:\n  - account_id: 12345\n"
                         "    name: x\n    customer: c1\n    root_email: a@b.example\n")
    rootmail.env["ROOTMAIL_DIRECTORY_FILE"] = str(directory)
    result = rootmail.cli("serve", check=False, timeout=60)
    assert result.returncode == 2
    assert f"{directory}:5: account_id 12345" in result.stderr and "quote it" in result.stderr
    assert "Traceback" not in result.stderr
    assert "embedded_redis_started" not in result.stderr  # settings are checked before anything starts


def test_several_receiver_processes_share_the_port(rootmail: Rootmail) -> None:
    rootmail.env["ROOTMAIL_SMTP_PROCESSES"] = "3"
    serve = rootmail.serve()
    wait_for(lambda: "3 SMTP receiver process(es)" in rootmail.log("serve.log"), message="banner")
    children = [p for p in psutil.Process(serve.pid).children() if "receiver" in p.cmdline()]
    assert len(children) == 2
    for n in range(30):  # a connection per message: the kernel spreads them over the processes
        assert rootmail.send(notice(n), [ACME])[0] == 250
    wait_for(lambda: rootmail.status()["done"] == 30, timeout=90, message="30 done")
    assert len(rootmail.tickets()) == 30
    assert rootmail.stop(serve) == 0
    assert "Traceback" not in rootmail.log("serve.log")


def test_children_do_not_outlive_a_killed_serve(rootmail: Rootmail) -> None:
    serve = rootmail.serve()
    children = wait_for(lambda: len(psutil.Process(serve.pid).children()) >= 2
                        and psutil.Process(serve.pid).children(), message="worker and Redis started")
    rootmail.kill(serve)  # SIGKILL: no chance to stop anything itself
    wait_for(lambda: not any(child.is_running() and child.status() != psutil.STATUS_ZOMBIE for child in children),
             timeout=60, message="the worker and the embedded Redis to exit after serve was killed")


def metric(text: str, name: str) -> float:
    total = 0.0
    for line in text.splitlines():
        if line.startswith(name) and not line.startswith("#"):
            total += float(line.rsplit(" ", 1)[1])
    return total


def test_metrics_count_every_stage_across_processes(rootmail: Rootmail) -> None:
    rootmail.serve()
    rootmail.cli("demo")
    wait_for(lambda: rootmail.status()["done"] == 5, timeout=60, message="5 demo notices done")
    with smtplib.SMTP("127.0.0.1", rootmail.smtp_port) as client:
        client.ehlo("x")
        client.mail("a@b.example")
        assert client.rcpt("nobody@roots.example.com")[0] == 550

    def scrape() -> str:
        with urllib.request.urlopen(f"http://127.0.0.1:{rootmail.http_port}/metrics", timeout=5) as response:
            return response.read().decode()

    text = wait_for(lambda: (t := scrape()) and metric(t, "rootmail_end_to_end_seconds_count") == 5 and t,
                    timeout=30, message="the worker's metrics in serve's /metrics")
    assert metric(text, "rootmail_messages_accepted_total") == 5
    assert metric(text, 'rootmail_smtp_rejected_total{reason="unknown_recipient"}') == 1
    assert metric(text, "rootmail_notices_classified_total") == 5
    assert metric(text, 'rootmail_ticket_writes_total{result="created"}') == 5
    assert metric(text, 'rootmail_messages{state="done"}') == 5
    assert metric(text, "rootmail_queue_depth") == 0


def test_address_added_to_the_directory_is_accepted_without_a_restart(rootmail: Rootmail) -> None:
    directory = rootmail.workdir / "directory.yaml"
    demo = (resources.files("rootmail") / "demo" / "directory.yaml").read_text()
    directory.write_text(demo)
    rootmail.env["ROOTMAIL_DIRECTORY_FILE"] = str(directory)
    # this test polls with an address that is unknown at first: no prober limit for it
    rootmail.env["ROOTMAIL_SMTP_MAX_UNKNOWN_RECIPIENTS"] = "0"
    serve = rootmail.serve()
    new = "aws-root+acme-new@roots.example.com"

    def rcpt_code() -> int:
        with smtplib.SMTP("127.0.0.1", rootmail.smtp_port, timeout=10) as client:
            client.ehlo("x")
            client.mail("bounce@amazonses.com")
            return int(client.rcpt(new)[0])

    assert rcpt_code() == 550
    directory.write_text(demo + '  - account_id: "123456789012"\n    name: acme-new\n    customer: demo-acme\n'
                         f"    root_email: {new}\n")
    result = rootmail.cli("directory", "sync", "--no-orgs", check=False)
    assert result.returncode == 0, result.stderr
    wait_for(lambda: rcpt_code() == 250, timeout=60, message="the new address accepted by the running receiver")
    assert serve.poll() is None


def test_beat_schedules_the_directory_sync_and_the_reconciler(tmp_path: Path, redis_server: RedisServer) -> None:
    redis_server.client().flushall()
    directory = tmp_path / "directory.yaml"
    directory.write_text((resources.files("rootmail") / "demo" / "directory.yaml").read_text())
    rootmail = Rootmail(tmp_path / "site", redis_url=redis_server.url, worker="false",
                        directory_file=str(directory), directory_sync_interval="1", reconcile_interval="1",
                        reconcile_grace="1")
    try:
        serve = rootmail.serve()
        assert rootmail.send(notice(1), [ACME])[0] == 250
        assert rootmail.stop(serve) == 0  # no receiver, so no reconciler of its own
        redis_server.client().delete("rootmail")  # the task is lost: only the scheduled reconciler can save it
        rootmail.worker(concurrency=1)
        rootmail.spawn("beat", log="beat.log")
        snapshot = rootmail.workdir / "rootmail-data" / "directory.snapshot.yaml"
        wait_for(snapshot.exists, timeout=90, message="the directory snapshot written by the scheduled sync")
        wait_for(lambda: rootmail.status()["done"] == 1, timeout=90, message="the lost task reconciled by beat")
    finally:
        rootmail.close()


def test_quarantine_retry_puts_a_message_back_and_it_is_ticketed(rootmail: Rootmail) -> None:
    rootmail.env["ROOTMAIL_WORKER"] = "false"
    rootmail.serve()
    code, text = rootmail.send(notice(7), [ACME])
    assert code == 250
    key = text.decode().rsplit(" ", 1)[1]
    LocalStore(rootmail.workdir / "rootmail-data" / "messages").quarantine(key, "held by an operator")
    assert rootmail.json("quarantine", "list", "--json") == [{"key": key, "reason": "held by an operator"}]
    assert f"{key} re-queued" in rootmail.cli("quarantine", "retry", key).stdout
    rootmail.worker(concurrency=1)
    wait_for(lambda: rootmail.status()["done"] == 1, timeout=60, message="the retried message done")
    assert [t["subject"] for t in rootmail.tickets()] == ["Test notice 7"]
    assert rootmail.json("quarantine", "list", "--json") == []
