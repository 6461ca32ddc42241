"""Session 61's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_2 = format_datetime(datetime.fromisoformat("2027-03-02T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
#: a literal of each pattern session 61 added to the rules
NEW_LITERALS = (
    "\\)?\\s?の(?!解約|閉鎖))", "\\)?\\s?(?:中|下|里|裡|内|內)?的)", "\\)?\\s?의)",
)
#: the alternatives session 61 added to the deadline reader's patterns
FRAGMENTS: tuple[tuple[re.Pattern[str], str], ...] = ()


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
