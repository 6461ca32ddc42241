"""Per-customer aggregation of AWS Health events: one thread per event (ARN + type code) per customer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rootmail.rules_holder import load_rules
from routing.aggregate import account_tag, aggregation_key, event_type_code
from routing.directory import Directory, parse_directory
from routing.parse import parse_mail
from routing.rules import decide
from routing.types import AuthVerdict, Notice

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "directory"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "aws-notices"
ARN = ("arn:aws:health:eu-west-2::event/LAMBDA/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT/"
       "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT_65304849CE56DC30FFE5C04876277524")
OTHER_ARN = "arn:aws:health:us-east-1::event/RDS/AWS_RDS_PLANNED_LIFECYCLE_EVENT/AWS_RDS_PLANNED_LIFECYCLE_EVENT_1"


@pytest.fixture(scope="module")
def directory() -> Directory:
    return parse_directory((FIXTURES / "directory.yaml").read_text(), "directory.yaml")


def health(arn: str | None = ARN, account: str = "111111111111", **identifiers: str) -> Notice:
    ids: dict[str, object] = dict(identifiers)
    if arn is not None:
        ids["health_event_arn"] = arn
    return Notice(notice_type="health.end_of_support", category="health", severity="high", customer_visible=True,
                  aws_account_id=account, identifiers=ids, thread_on=("health_event_arn", "aws_account_id"))


def test_one_event_at_two_accounts_of_one_customer_shares_a_key(directory: Directory) -> None:
    prod = aggregation_key(health(account="111111111111"), directory.resolve("root-acme-prod@roots.example.net"))
    dev = aggregation_key(health(account="222222222222"), directory.resolve("root-acme-dev@roots.example.net"))
    assert prod is not None and prod == dev and prod.startswith("health-event:acme:")


def test_another_customer_gets_its_own_key(directory: Directory) -> None:
    acme = aggregation_key(health(), directory.resolve("root-acme-prod@roots.example.net"))
    globex = aggregation_key(health(account="333333333333"), directory.resolve("globex-data@aws.example.org"))
    assert globex is not None and globex.startswith("health-event:globex:") and globex != acme


def test_another_event_or_type_code_gets_its_own_key(directory: Directory) -> None:
    recipient = directory.resolve("root-acme-prod@roots.example.net")
    base = aggregation_key(health(), recipient)
    assert aggregation_key(health(OTHER_ARN), recipient) != base
    assert aggregation_key(health(event_type_code="AWS_LAMBDA_OTHER_CODE"), recipient) != base


@pytest.mark.parametrize(
    ("notice", "address"),
    [
        (health(arn=None), "root-acme-prod@roots.example.net"),                     # no event ARN
        (Notice(notice_type="billing.statement", category="billing",
                identifiers={"health_event_arn": ARN}), "root-acme-prod@roots.example.net"),  # not Health
        (health(), "stranger@roots.example.net"),                                  # no customer
        (health(arn="not-an-arn"), "root-acme-prod@roots.example.net"),             # no type code
    ],
)
def test_no_key_without_event_health_type_or_customer(directory: Directory, notice: Notice, address: str) -> None:
    assert aggregation_key(notice, directory.resolve(address)) is None


def test_type_code_comes_from_the_identifiers_else_the_arn() -> None:
    assert event_type_code(health()) == "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"
    assert event_type_code(health(event_type_code="aws_ec2_instance_retirement_scheduled")) == \
        "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"


def test_shipped_rules_put_the_key_on_the_route_with_a_tag_per_account(directory: Directory) -> None:
    rules = load_rules(None)
    parsed = parse_mail(b"From: AWS Health <health@aws.com>\r\nSubject: s\r\nDate: Mon, 02 Feb 2026 10:00:00 +0000"
                        b"\r\n\r\nbody\r\n")
    auth = AuthVerdict("pass", claims_aws=True)
    prod = decide(rules, parsed, health(account="111111111111"), auth,
                  directory.resolve("root-acme-prod@roots.example.net")).route
    dev = decide(rules, parsed, health(account="222222222222"), auth,
                 directory.resolve("root-acme-dev@roots.example.net")).route
    assert prod.thread_key is not None and prod.thread_key == dev.thread_key
    assert account_tag("111111111111") in prod.tags and account_tag("222222222222") in dev.tags
    assert "account_mismatch" not in prod.tags + dev.tags


@pytest.mark.skipif(not (SHARED / "samples" / "labels.json").exists(), reason=f"shared samples not at {SHARED}")
def test_labelled_aggregate_groups_match_the_keys() -> None:
    """Health samples share a key exactly when they share an ``aggregate`` label (one event at several
    accounts of a customer) or a ``thread`` label (an event and its cancellation at one account)."""
    directory = parse_directory((SHARED / "directory.yaml").read_text(), "directory.yaml")
    keys: dict[str, set[str | None]] = {}
    for label in json.loads((SHARED / "samples" / "labels.json").read_text()):
        if not label["notice_type"].startswith("health."):
            continue
        notice = Notice(notice_type=label["notice_type"], category="health", aws_account_id=label["aws_account_id"],
                        identifiers=label["identifiers"])
        key = aggregation_key(notice, directory.resolve(label["recipient"]))
        keys.setdefault(label.get("aggregate") or label["thread"], set()).add(key)
    assert any("|" in group for group in keys)  # the samples include one aggregated event
    assert all(len(found) == 1 for found in keys.values()), keys
    per_group = [key for found in keys.values() for key in found if key is not None]  # None: no event ARN
    assert len(per_group) >= 3 and len(set(per_group)) == len(per_group)
