"""The pipeline with the real classifier and default rules: aggregation per customer, loops,
update-only rules. Authenticity is given (DNS-backed checks have their own tests)."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from ingest.envelope import Envelope
from ingest.store import LocalStore
from rootmail.settings import Settings
from rootmail.wiring import make_router, routing_stages
from routing.directory import parse_directory
from routing.types import AuthVerdict, ParsedMail
from tests.conftest import shared_path
from ticketing import metrics, pipeline
from ticketing.helpdesk.local import LocalHelpdesk

DEMO = resources.files("rootmail").joinpath("demo")
DIRECTORY = parse_directory(DEMO.joinpath("directory.yaml").read_text())


def genuine(parsed: ParsedMail, raw: bytes, envelope: Envelope) -> AuthVerdict:
    return AuthVerdict("pass", ("given by the test",), claims_aws=True)


def make_deps(tmp_path: Path, directory_text: str | None = None, **settings: str) -> pipeline.Dependencies:
    config = Settings(data_dir=tmp_path, **settings)  # type: ignore[arg-type]
    directory = parse_directory(directory_text) if directory_text else DIRECTORY
    return pipeline.Dependencies(
        store=LocalStore(tmp_path / "messages"), directory=lambda: directory,
        helpdesk=LocalHelpdesk(tmp_path / "helpdesk.sqlite3"), authenticate=genuine,
        classify=routing_stages(config)["classify"], route=make_router(config),
        own_domains=frozenset({"helpdesk.reseller.example"}),
    )


def run(deps: pipeline.Dependencies, raw: bytes, rcpt: str) -> list[pipeline.Delivery]:
    key = deps.store.put(Envelope(mail_from="b@amazonses.com", rcpt_tos=(rcpt,)), raw)
    result = pipeline.process_key(key, deps)
    assert result is not None
    return result


def retirement(account: str, rcpt: str, n: int) -> bytes:
    raw = DEMO.joinpath("03-health-instance-retirement.eml").read_bytes()
    raw = raw.replace(b"111122223333", account.encode()).replace(b"aws-root+acme-prod@roots.example.com", rcpt.encode())
    return raw.replace(b"demo-0003@", f"demo-0003-{n}@".encode())


def test_one_health_event_at_two_accounts_of_a_customer_is_one_ticket(tmp_path: Path) -> None:
    deps = make_deps(tmp_path)
    first = run(deps, retirement("111122223333", "aws-root+acme-prod@roots.example.com", 1),
                "aws-root+acme-prod@roots.example.com")
    second = run(deps, retirement("444455556666", "aws-root+acme-dev@roots.example.com", 2),
                 "aws-root+acme-dev@roots.example.com")
    assert first[0].notice_type.startswith("health.")
    assert first[0].ticket_id == second[0].ticket_id and second[0].created is False
    ticket = deps.helpdesk.get_ticket(first[0].ticket_id)
    assert ticket is not None and ticket["comment_count"] == 2
    assert {"account_111122223333", "account_444455556666"} <= set(ticket["tags"])
    other_customer = run(deps, retirement("777788889999", "aws-root+globex-main@roots.example.com", 3),
                         "aws-root+globex-main@roots.example.com")
    assert other_customer[0].ticket_id != first[0].ticket_id  # never across customers


def test_shared_health_pair_aggregates_per_customer(tmp_path: Path) -> None:
    samples = shared_path("aws-notices", "samples")
    deps = make_deps(tmp_path, shared_path("aws-notices", "directory.yaml").read_text())
    a = run(deps, (samples / "22-health-end-of-support.eml").read_bytes(), "root+umbrella-research@aws.example.org")
    b = run(deps, (samples / "23-health-end-of-support-2.eml").read_bytes(), "gpuh4g@roots.example.net")
    assert a[0].ticket_id == b[0].ticket_id


def test_our_own_notification_never_opens_a_ticket(tmp_path: Path) -> None:
    deps = make_deps(tmp_path)
    raw = (b"From: Support <support@helpdesk.reseller.example>\r\nTo: aws-root+acme-prod@roots.example.com\r\n"
           b"Subject: [Ticket #12] Your request was updated\r\nMessage-ID: <t12@helpdesk.reseller.example>\r\n"
           b"\r\nWe updated your ticket.\r\n")
    assert run(deps, raw, "aws-root+acme-prod@roots.example.com") == []
    assert deps.helpdesk.list_tickets() == []  # type: ignore[attr-defined]


def test_update_only_rule_opens_nothing_without_a_ticket_then_comments(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nrules:\n  - name: support-updates-only\n    match:\n      category: support\n"
                     "    action: update\n")
    deps = make_deps(tmp_path, rules_file=str(rules))
    case = DEMO.joinpath("04-support-case.eml").read_bytes()
    counter = metrics.DROPPED.labels("update_only_no_ticket")
    before = counter._value.get()
    assert run(deps, case, "aws-root+acme-dev@roots.example.com") == []
    assert deps.helpdesk.list_tickets() == []  # type: ignore[attr-defined]
    assert counter._value.get() == before + 1


@pytest.mark.parametrize("name", ["01-billing-statement.eml", "05-abuse-report.eml"])
def test_demo_notices_are_classified(tmp_path: Path, name: str) -> None:
    deps = make_deps(tmp_path)
    raw = DEMO.joinpath(name).read_bytes()
    rcpt = "aws-root+acme-prod@roots.example.com" if name.startswith("01") else "aws-root+globex-main@roots.example.com"
    result = run(deps, raw, rcpt)
    assert result[0].notice_type == {"01-billing-statement.eml": "billing.statement",
                                     "05-abuse-report.eml": "abuse.report"}[name]


def test_digest_rule_gathers_a_customers_notices_of_a_day_in_one_ticket(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("version: 1\nrules:\n  - name: billing-digest\n    match:\n      category: billing\n"
                     "    action: digest\n")
    deps = make_deps(tmp_path, rules_file=str(rules))
    statement = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    first = run(deps, statement, "aws-root+acme-prod@roots.example.com")
    second = run(deps, statement.replace(b"111122223333", b"444455556666")
                 .replace(b"aws-root+acme-prod@", b"aws-root+acme-dev@").replace(b"demo-0001@", b"demo-0001b@"),
                 "aws-root+acme-dev@roots.example.com")
    other = run(deps, DEMO.joinpath("02-payment-failed.eml").read_bytes(), "aws-root+globex-main@roots.example.com")
    assert first[0].ticket_id == second[0].ticket_id  # the same customer, the same day
    assert other[0].ticket_id != first[0].ticket_id  # another customer: its own digest
    ticket = deps.helpdesk.get_ticket(first[0].ticket_id)
    assert ticket is not None and ticket["thread_key"].startswith("digest:demo-acme:2026-11-01:")
