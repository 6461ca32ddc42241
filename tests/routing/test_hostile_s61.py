"""Session 61's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.deadline import _END_DATE_FIELD
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_2 = format_datetime(datetime.fromisoformat("2027-03-02T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
HEALTH = "health@aws.com"
#: a literal of each pattern session 61 added to the rules
NEW_LITERALS = (
    "\\)?\\s?の(?!解約|閉鎖))", "\\)?\\s?(?:中|下|里|裡|内|內)?的)", "\\)?\\s?의)",
    "(?:usage )?(?:charges|costs)\\b[^.\\n]{0,60}?\\bbilling (?:period|cycle)", "\\bmandatory (?:[\\w-]+ ){0,2}?patch",
    "\\bverpflichtende[nrs]? (?:[\\w-]+ )?(?:Patch",
)
#: the alternatives session 61 added to the deadline reader's patterns
FRAGMENTS = ((_END_DATE_FIELD, "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\\.?,?[ \\t]*)?\\Z"),)


def test_the_new_patterns_are_found() -> None:
    assert len(new_pattern_sources(NEW_LITERALS, FRAGMENTS)) >= len(NEW_LITERALS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS, FRAGMENTS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_an_account_and_its_closure_apart_by_a_long_blank_run_are_no_closed_account(blank: str) -> None:
    for body in ("AWS 계정 604418827391" + blank * 20_000 + "해지되었습니다.",
                 "AWS アカウント 604418827391" + blank * 20_000 + "解約されました。",
                 "AWS 账户 604418827391" + blank * 20_000 + "已关闭。"):
        assert classify(AWS, None, body, date=MAR_2).notice_type != "account.closed"


def test_many_things_of_the_account_cancelled_stay_no_closed_account() -> None:
    body = ("AWS 계정 604418827391의 Savings Plan이 해지되었습니다. AWS 账户 604418827391 的 Savings Plan 已关闭。"
            "AWS アカウント 604418827391 の Savings Plans が解約されました。") * 2_000
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "account.closed"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_summary_of_charges_and_a_billing_period_apart_by_a_long_blank_run_are_no_statement(blank: str) -> None:
    body = "Here is a summary of your AWS charges" + blank * 20_000 + "for the billing period of March 2027."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "billing.statement"


def test_many_summaries_of_charges_stay_one_statement() -> None:
    body = "This note summarises the charges on your account for the billing period March 2027. " * 2_000
    assert classify(BILLING, None, body, date=MAR_2).notice_type == "billing.statement"


@pytest.mark.parametrize("blank", BLANKS)
def test_mandatory_and_patch_apart_by_a_long_blank_run_are_no_maintenance(blank: str) -> None:
    body = "Applying the mandatory" + blank * 20_000 + "patch is up to you."
    assert classify(HEALTH, None, body, date=MAR_2).notice_type != "health.scheduled_maintenance"


def test_an_end_date_field_and_its_weekday_far_from_the_date_are_no_deadline() -> None:
    body = ("Hello,\n\nOne of your Savings Plans ends soon.\n\nEnd date: Wednesday," + " " * 20_000
            + "June 2, 2027\n\nAfter the end date, usage is billed at On-Demand rates.")
    notice = classify(BILLING, "Your AWS Savings Plan is expiring soon", body, date=MAR_2)
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.deadline_source is None or "End date" not in notice.deadline_source
