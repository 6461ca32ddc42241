"""Session 59's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

FEB_3 = format_datetime(datetime.fromisoformat("2027-02-03T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
#: a literal of each pattern session 59 added to the rules
NEW_LITERALS = (
    "(?:暂停|暫停|停權|停权)了?(?:您的|此", "(?:was|has been) (?:successfully )?(?:opened|created)(?: with",
    "new (?:AWS )?support case (?:was|has been)", "(?:は|が|では|より|から)、?", "(?:利用)?停止(?:と|に)な",
    "ausführen|vornehmen", "contact (?:details|information)|(?:security )?settings) and credentials",
    "(?:complete|finish) (?:this|the) (?:account |security )?review", "(?<!有关)(?<!有關)您",
    "(?:关于|關於|针对|針對|有关|有關)您", "(?:생성|개설|오픈)(?:했|하였)습니다",
    "submitted as (?:a )?(?:new )?(?:support )?case", "for your (?:[\\w-]+ ){0,3}?(?:request",
    "(?:created|opened|submitted) (?:a |the )?(?:new )?(?:support )?case", "new case (?:created|opened)",
    "(?:section|sections|part)(?: \\d{1,3}", "account (?:\\d(?:[- ]?\\d){11} |ending",
    "(?:se encuentra|est[aá]) (?:actualmente )?suspendida", "(?!nicht\\b|nie\\b|wird\\b|werden\\b)",
    "el acceso a (?:su|tu|la) cuenta",
    "(?:realice|tome|haga|lleve a cabo) ninguna", "(?:생성|개설)(?:이|가)? 완료", "(?<=[\\s*：:，,。！!]))已",
    "docs\\.aws\\.amazon\\.com", "アカウント(?:の作成が完了しました",
)


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_we_and_a_suspended_account_apart_by_a_long_blank_run_are_no_suspension(blank: str) -> None:
    # (the date between "已於" and the verb is bounded: 20,000 blanks are no date)
    body = "我們已於" + blank * 20_000 + "暫停此帳戶。"
    assert classify(BILLING, None, body, date=FEB_3).notice_type != "account.suspended"


def test_a_suspended_account_repeated_stays_suspended() -> None:
    body = "我們已於 2027 年 2 月 1 日暫停此帳戶。" * 2_000
    assert classify(BILLING, None, body, date=FEB_3).notice_type == "account.suspended"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_case_and_its_creation_apart_by_a_long_blank_run_are_no_case_received(blank: str) -> None:
    body = "Hello. Your support case 28140073315" + blank * 20_000 + "was created."
    assert classify(AWS, None, body, date=FEB_3).notice_type != "support.case_opened"


def test_a_reader_requested_korean_case_repeated_stays_the_readers() -> None:
    # (the request named right after the opener, each time: no case AWS opened on its own)
    body = "AWS에서 고객님의 요청에 따라 지원 케이스 28140073315를 개설했습니다. " * 2_000
    assert classify(AWS, None, body, date=FEB_3).notice_type != "support.case_opened_by_aws"


def test_a_japanese_conditional_use_stop_after_a_long_run_of_conditions_is_read_once() -> None:
    # (many conditions, none with the account's use stopped: no suspension warning; the gap after 場合 is bounded)
    body = "お支払いが確認できない場合、" * 5_000 + "\n\n" + "。" * 100 + "アカウントは利用停止となります。"
    assert classify(BILLING, None, body, date=FEB_3).notice_type != "billing.suspension_warning"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_revision_and_a_section_of_the_terms_apart_by_a_long_blank_run_are_no_policy_change(blank: str) -> None:
    body = "Join the Quokka Summit for an update to" + blank * 20_000 + "section 3 of the AWS Service Terms."
    assert classify(MARKETING, "Quokka Summit", body, date=FEB_3).notice_type == "marketing.newsletter"


def test_many_cases_cited_in_a_reply_stay_its_correspondence() -> None:
    # (each "you opened case N" followed by when: cited, not opened now, however often)
    body = "You opened case 28140073315 last week. " * 2_000 + "Here is our answer."
    assert classify(AWS, "RE: [Case 28140073315] Amazon Quokka", body, date=FEB_3).notice_type != "support.case_opened"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_german_account_and_its_suspension_apart_by_a_long_blank_run_are_no_suspension(blank: str) -> None:
    body = "Ihr AWS-Konto 730215948806 wurde" + blank * 20_000 + "gesperrt."
    assert classify(BILLING, "AWS", body, date=FEB_3).notice_type != "account.suspended"


def test_a_signup_mail_with_a_code_after_many_welcomes_stays_a_verification() -> None:
    # (the code's guard reads the whole mail: a code after 2,000 welcome sentences still withholds it)
    body = "AWS 계정이 준비되었습니다. " * 2_000 + "인증 코드: 482913"
    assert classify("no-reply@signup.aws", None, body, date=FEB_3).notice_type == "credentials.signup_verification"
