"""Session 60's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.deadline import _CASE_CLOSES_THEN, _LEAD_FOREIGN, _NO_ACTION, _REGISTERED_ON_ZH
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_2 = format_datetime(datetime.fromisoformat("2027-03-02T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
HEALTH = "health@aws.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
#: a literal of each pattern session 60 added to the rules
NEW_LITERALS = (
    "(?:disponible|listo|(?:se )?puede consultar)", "(?:dispon[ií]vel|pronto|(?:pode ser|j[aá] pode ser) consultado)",
    "(?:disponible|consultable|pr[eê]t)", "(?:disponibile|consultabile|pronto)", "(?:为|為|针对|針對|就|替)您的?",
    "(?:(?!\\bnicht\\b)[^\\n]){0,100}? ein", "(?:(?!\\bnicht\\b)[^\\n]){0,40}?\\beingestellt",
    "Einstellung (?:des (?:Standard-?)?Supports", "erneuert|ausgetauscht|gewechselt", "(?:renovad|reemplazad|sustituid",
    "(?:renouvel[ée]|remplac[ée]|chang[ée])s?", "(?:rinnovat|sostituit|aggiornat)[oi]",
    "(?:los |sus |el |su )?certificados?", "(?:\\d(?:[- ]?\\d){11} )?(has been |is )suspended",
    "account(?: \\d(?:[- ]?\\d){11})?, [^,.;\\n]{1,100}, ",
    "(?:operating system|OS|software|engine) (?:patches|updates)",
    "scheduled (?:OS |operating system |security |software )?patch", "writing (?:to (?:let you know",
    "(?<!简化)(?<!便于)", "[^。\\n]{0,24}?(?:利用)?停止", "(?:事前(?:通知|予告",
    "(?:이\\(가\\)|은\\(는\\)|이|가|은|는) [^.\\n]{0,30}?",
    "\\bin (?:a |an )?public(?:ly (?:readable", "(?<!\\bif )(?<!\\bwhether )",
)
#: the alternatives session 60 added to the deadline reader's patterns
FRAGMENTS = (
    (_LEAD_FOREIGN, "\\b(?:sar[àa]|verr[àa]) (?:sospes|chius|disattivat|bloccat)[oa] (?:il|l['’]|in data)"),
    (_CASE_CLOSES_THEN, _CASE_CLOSES_THEN.pattern),
    (_NO_ACTION, "不需要您?(?:执行|进行|做|采取)?任何(?:操作|行动|措施|动作)"),
    (_REGISTERED_ON_ZH, "(?:[（(][^）)\\n]{0,20}[）)])?[ \\t]*(?:網域|网域|域名|帳戶|账户|帐户|帳號|账号)"),
)


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS, FRAGMENTS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS, FRAGMENTS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_a_statement_and_its_availability_apart_by_a_long_blank_run_are_no_statement(blank: str) -> None:
    body = "Según su extracto de AWS" + blank * 20_000 + "disponible."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "billing.statement"


def test_a_statement_named_by_its_issuer_repeated_stays_a_statement() -> None:
    body = "Ya está disponible su extracto de AWS de febrero de 2027. " * 2_000
    assert classify("invoicing@aws.com", None, body, date=MAR_2).notice_type == "billing.statement"


@pytest.mark.parametrize("blank", BLANKS)
def test_aws_and_a_case_apart_by_a_long_blank_run_are_no_case_aws_opened(blank: str) -> None:
    body = "AWS 已針對您的帳戶" + blank * 20_000 + "建立支援案例 29170044812。"
    assert classify(AWS, None, body, date=MAR_2).notice_type != "support.case_opened_by_aws"


def test_a_chinese_case_at_the_readers_request_repeated_is_never_aws_opened() -> None:
    body = "AWS 已針對您的請求建立支援案例 29170044812。" * 2_000
    assert classify(AWS, None, body, date=MAR_2).notice_type != "support.case_opened_by_aws"


@pytest.mark.parametrize("blank", BLANKS)
def test_support_and_its_stop_apart_by_a_long_blank_run_are_no_end_of_support(blank: str) -> None:
    body = "Amazon Quokka stellt den Support für Version 4.2" + blank * 20_000 + " ein."
    assert classify(HEALTH, None, body, date=MAR_2).notice_type != "health.end_of_support"


def test_support_not_stopped_repeated_stays_no_end_of_support() -> None:
    body = "Wir stellen den Support für Amazon Quokka 4.2 nicht ein. " * 2_000
    assert classify(HEALTH, None, body, date=MAR_2).notice_type != "health.end_of_support"


@pytest.mark.parametrize("blank", BLANKS)
def test_an_account_and_its_suspension_apart_by_a_long_blank_run_are_no_suspended_account(blank: str) -> None:
    body = "Hello. Your AWS account 604418827391, a member of the organization" + blank * 20_000 + \
        ", has been suspended."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "account.suspended"


def test_many_asides_before_a_suspension_are_read_once() -> None:
    # (each aside opens its own match attempt; none reaches a suspension: no suspended account)
    body = "Your AWS account 604418827391, a member, " * 5_000 + "remains in good standing."
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "account.suspended"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_japanese_condition_and_a_use_stop_apart_by_a_long_blank_run_are_no_warning(blank: str) -> None:
    body = "お支払いが確認できない場合、アカウント" + blank * 20_000 + "は利用停止となります。"
    assert classify(BILLING, None, body, date=MAR_2).notice_type != "billing.suspension_warning"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_reply_period_and_a_self_closing_case_apart_by_a_long_blank_run_keep_the_period(blank: str) -> None:
    # (the closing is read only in the 160 characters after the period: far away, it says nothing of it)
    body = ("We opened case 29170044812 on your behalf. Please reply within 7 days." + blank * 20_000
            + "If we do not hear from you, the case will be closed automatically.")
    assert classify(AWS, None, body, date=MAR_2).deadline == "2027-03-09"


def test_many_self_closing_case_sentences_leave_no_deadline() -> None:
    body = ("There is a new reply on your AWS Support case 29170044812. "
            + "Please reply within 7 days; if we do not hear from you, the case will be closed automatically. " * 2_000)
    notice = classify(AWS, None, body, date=MAR_2)
    assert (notice.notice_type, notice.deadline) == ("support.case_correspondence", None)


@pytest.mark.parametrize("blank", BLANKS)
def test_a_marketing_mail_whose_change_words_are_apart_stays_a_newsletter(blank: str) -> None:
    body = "We're writing to let you know about" + blank * 20_000 + "a change to Amazon Quokka events."
    assert classify(MARKETING, "Quokka Summit", body, date=MAR_2).notice_type == "marketing.newsletter"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_korean_account_and_its_closure_apart_by_a_long_blank_run_are_no_closed_account(blank: str) -> None:
    body = "AWS 계정 604418827391" + blank * 20_000 + "해지되었습니다."
    assert classify(AWS, None, body, date=MAR_2).notice_type != "account.closed"


@pytest.mark.parametrize("blank", BLANKS)
def test_an_access_key_and_a_public_place_apart_by_a_long_blank_run_are_no_exposed_key(blank: str) -> None:
    body = "We saw unusual calls made with an access key" + blank * 20_000 + "in a public place."
    notice = classify("aws-security@amazon.com", "Your AWS account 604418827391 may be compromised", body,
                      date=MAR_2)
    assert notice.notice_type == "security.suspicious_activity"


def test_many_checks_whether_a_key_is_public_stay_suspicious_activity() -> None:
    body = "We saw unusual calls in account 604418827391. " + "Check whether your key is public. " * 2_000
    notice = classify("aws-security@amazon.com", "Your AWS account 604418827391 may be compromised", body,
                      date=MAR_2)
    assert notice.notice_type == "security.suspicious_activity"


@pytest.mark.parametrize("blank", BLANKS)
def test_the_readers_registration_and_its_domain_apart_by_a_long_blank_run_are_read_in_bounded_time(blank: str) -> None:
    # (the date and the domain named after the verb are read in one bounded clause: far apart, the registration's day
    # is still never the deadline)
    body = ("您於 2027 年 3 月 2 日透過 Amazon Route 53 註冊" + blank * 20_000 + "網域 quokka-tea.example。\n\n"
            "請在收到此郵件後 15 天內驗證您的電子郵件地址。")
    assert classify("noreply@registrar.amazon.com", "請驗證網域", body, date=MAR_2).deadline != "2027-03-02"
