"""The pipeline over a real store and the local helpdesk: tickets, idempotency, quarantine."""

from __future__ import annotations

import time
from importlib import resources
from pathlib import Path

import pytest
import redis

from ingest.envelope import Envelope
from ingest.ledger import Ledger
from ingest.store import LocalStore
from routing.directory import parse_directory
from ticketing import pipeline
from ticketing.errors import PermanentError
from ticketing.helpdesk.local import LocalHelpdesk
from ticketing.reconcile import quarantine, reconcile

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "spine"
DIRECTORY = parse_directory(resources.files("rootmail").joinpath("demo/directory.yaml").read_text())
DEMO = resources.files("rootmail").joinpath("demo")


@pytest.fixture()
def deps(tmp_path: Path, redis_url: str) -> pipeline.Dependencies:
    return pipeline.Dependencies(
        store=LocalStore(tmp_path / "messages"),
        directory=lambda: DIRECTORY,
        helpdesk=LocalHelpdesk(tmp_path / "helpdesk.sqlite3"),
        ledger=Ledger(redis.Redis.from_url(redis_url)),
    )


def put(deps: pipeline.Dependencies, raw: bytes, *rcpts: str) -> str:
    return deps.store.put(Envelope(mail_from="b@amazonses.com", rcpt_tos=rcpts), raw)


def test_ticket_carries_account_customer_header_block_and_original(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("03-health-instance-retirement.eml").read_bytes()
    key = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    deliveries = pipeline.process_key(key, deps)
    assert deliveries is not None and len(deliveries) == 1
    ticket = deps.helpdesk.get_ticket(deliveries[0].ticket_id)
    assert ticket is not None
    assert ticket["subject"].startswith("[Retirement Notification] Amazon EC2 Instance scheduled")
    assert (ticket["customer"], ticket["aws_account_id"], ticket["notice_type"]) == (
        "demo-acme", "111122223333", "unknown")
    body = ticket["comments"][0]["body"]
    assert "Account:   111122223333 (acme-prod)" in body
    assert "Customer:  Demo Acme Ltd [demo-acme]" in body
    assert "From:      Amazon Web Services <health@aws.com>" in body
    assert "Date:      2026-11-09T16:40:03+00:00" in body
    assert "i-0abc123def4567890" in body
    assert ticket["comments"][0]["public"] is False
    assert [(a["filename"], a["size"], a["internal"]) for a in ticket["attachments"]] == [
        (f"{key}.eml", len(raw), True)]
    assert deps.store.state(key) == "done"  # type: ignore[attr-defined]
    assert deps.ledger.entry(key).state == "done"  # type: ignore[union-attr]


def test_processing_the_same_key_twice_creates_one_ticket(deps: pipeline.Dependencies) -> None:
    key = put(deps, DEMO.joinpath("01-billing-statement.eml").read_bytes(), "aws-root+acme-prod@roots.example.com")
    assert pipeline.process_key(key, deps) is not None
    assert pipeline.process_key(key, deps) is None
    # even if the store had not recorded "done" (crash after the helpdesk write), no duplicate:
    stored = deps.store.get(key)
    again = pipeline.process_stored(stored, deps)
    assert again[0].created is False and again[0].commented is False
    assert len(deps.helpdesk.list_tickets()) == 1  # type: ignore[attr-defined]


def test_same_message_delivered_twice_adds_nothing(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("04-support-case.eml").read_bytes()
    first = pipeline.process_key(put(deps, raw, "aws-root+acme-dev@roots.example.com"), deps)
    second = pipeline.process_key(put(deps, raw, "aws-root+acme-dev@roots.example.com"), deps)
    assert first and second and first[0].ticket_id == second[0].ticket_id
    assert second[0].commented is False
    assert deps.helpdesk.list_tickets()[0]["comment_count"] == 1  # type: ignore[attr-defined]


def test_one_message_to_two_recipients_makes_a_ticket_per_account(deps: pipeline.Dependencies) -> None:
    raw = (FIXTURES / "html-only-two-recipients.eml").read_bytes()
    key = put(deps, raw, "aws-root+acme-prod@roots.example.com", "aws-root+globex-main@roots.example.com")
    deliveries = pipeline.process_key(key, deps)
    assert deliveries is not None
    tickets = deps.helpdesk.list_tickets()  # type: ignore[attr-defined]
    assert sorted(t["customer"] for t in tickets) == ["demo-acme", "demo-globex"]
    body = deps.helpdesk.get_ticket(tickets[0]["id"])["comments"][0]["body"]  # type: ignore[index]
    assert "Your account has an update." in body and "<b>" not in body  # HTML made readable


def test_message_without_message_id_is_ticketed(deps: pipeline.Dependencies) -> None:
    key = put(deps, (FIXTURES / "no-message-id.eml").read_bytes(), "aws-root+acme-prod@roots.example.com")
    assert pipeline.process_key(key, deps)


def test_unparseable_message_is_a_permanent_error_and_quarantine_keeps_it(deps: pipeline.Dependencies) -> None:
    raw = (FIXTURES / "binary-junk.eml").read_bytes()
    key = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    with pytest.raises(PermanentError, match="unparseable"):
        pipeline.process_key(key, deps)
    quarantine(key, "unparseable mail: no header fields", deps.store, deps.ledger)
    assert deps.store.get(key).raw == raw
    assert list(deps.store.quarantined()) == [(key, "unparseable mail: no header fields")]
    assert deps.ledger.counts()["quarantined"] == 1  # type: ignore[union-attr]


def test_reconciler_enqueues_lost_and_stuck_messages_but_not_a_backlog(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    never_announced = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    waiting = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    stuck = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    fresh = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    ledger = deps.ledger
    assert ledger is not None
    now = time.time() + 1000
    ledger.transition(waiting, "queued", now=now - 500)  # enqueued long ago, never started
    ledger.transition(stuck, "queued", now=now - 500)
    ledger.mark_started(stuck, now=now - 400)  # a worker took it and died
    ledger.transition(fresh, "queued", now=now - 10)
    enqueued: list[str] = []

    def run(depth: int) -> None:
        enqueued.clear()
        reconcile(deps.store, ledger, enqueued.append, now=now, grace=60.0, max_attempts=3,
                  quarantine=lambda k, r: quarantine(k, r, deps.store, ledger), queue_depth=lambda: depth)

    run(depth=5)  # a busy queue: the never-started message may still be in it
    assert sorted(enqueued) == sorted([never_announced, stuck])
    run(depth=0)  # an empty queue: the never-started message was lost
    assert sorted(enqueued) == sorted([never_announced, waiting, stuck])
    assert fresh not in enqueued


def test_reconciler_quarantines_after_max_starts_and_finishes_half_done(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    crashing = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    half_done = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    ledger = deps.ledger
    assert ledger is not None
    ledger.transition(crashing, "queued", now=0.0)
    for _ in range(3):
        ledger.mark_started(crashing, now=1.0)
    ledger.transition(half_done, "done")
    report = reconcile(deps.store, ledger, lambda k: None, now=10_000.0, grace=60.0, max_attempts=3,
                       quarantine=lambda k, r: quarantine(k, r, deps.store, ledger))
    assert (report.quarantined, report.finished) == (1, 1)
    assert dict(deps.store.quarantined())[crashing] == "processing started 3 times without finishing"
    assert deps.store.state(half_done) == "done"  # type: ignore[attr-defined]


def test_reconciler_stops_at_first_broker_failure(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    for _ in range(3):
        put(deps, raw, "aws-root+acme-prod@roots.example.com")

    def broken(key: str) -> None:
        raise ConnectionError("broker down")

    assert deps.ledger is not None
    report = reconcile(deps.store, deps.ledger, broken, now=10**10, grace=0.0, max_attempts=3,
                       quarantine=lambda k, r: None)
    assert (report.failed, report.enqueued, report.pending) == (1, 0, 1)


def test_reconciler_leaves_a_message_waiting_for_its_own_retry(deps: pipeline.Dependencies) -> None:
    raw = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    key = put(deps, raw, "aws-root+acme-prod@roots.example.com")
    ledger = deps.ledger
    assert ledger is not None
    ledger.transition(key, "queued", now=0.0)
    for _ in range(5):  # five starts that each ended in a clean retry (the helpdesk was down)
        ledger.mark_started(key, now=10.0)
        ledger.mark_retry(key, retry_at=1000.0)
    enqueued: list[str] = []
    reconcile(deps.store, ledger, enqueued.append, now=900.0, grace=60.0, max_attempts=3,
              quarantine=lambda k, r: quarantine(k, r, deps.store, ledger))
    assert enqueued == [] and list(deps.store.quarantined()) == []
    reconcile(deps.store, ledger, enqueued.append, now=2000.0, grace=60.0, max_attempts=3,
              quarantine=lambda k, r: quarantine(k, r, deps.store, ledger))
    assert enqueued == [key]  # the retry never came: enqueue again; clean retries are not crashes
