"""Session 22's second round, in our own words (none of these sentences is in a fixture): the end of standard support
as one German word and in Chinese verb-first order; an update moved or installed automatically from a date (an ISO
date-time before a Korean "after"); a Japanese humble past; "not used before (D"; German "Was Sie tun müssen"; a new
case without a subject; an account about to be suspended (zh, ko, ja)."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)


def test_the_end_of_standard_support_in_german_and_chinese() -> None:
    bodies = [
        "Hallo,\n\ndie Engine-Version 3.1 von Amazon DocumentDB erreicht am 30. Juni 2027 das Ende der "
        "Standardunterstützung. Bitte aktualisieren Sie Ihre Cluster.\n",
        "您好:\n\nAmazon DocumentDB 引擎版本 3.1 将于 2027年6月30日 结束标准支持。"
        "在此日期之后的维护时段内,我们会自动升级仍在运行该版本的集群。\n",
    ]
    for body in bodies:
        notice = classify(HEALTH, None, body, date=SENT)
        assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30"), body


def test_an_update_moved_or_installed_automatically_from_a_date() -> None:
    text = ("Subject\nStarting March 2, 2027, brokers that have automatic minor version upgrades turned on will be "
            "moved to these versions automatically during their maintenance window.\n")
    assert find_deadline(text, DAY, "health.scheduled_maintenance") == "2027-03-02"
    text = ("제목\n조치를 취하지 않으면 2027-03-02T04:00:00Z 이후에 브로커 업데이트가 자동으로 설치됩니다.\n"
            "업데이트 중에는 브로커가 다시 시작됩니다.\n")
    assert find_deadline(text, DAY, "health.scheduled_maintenance") == "2027-03-02"


def test_a_japanese_humble_past_is_a_fact() -> None:
    text = ("件名\nお客様の Amazon EC2 インスタンスの基盤ハードウェアの性能低下を 2027年2月8日 に検知いたしました。\n"
            "このため、インスタンスの廃止が 2027年2月22日 に予定されています。\n")
    assert find_deadline(text, DAY, "health.instance_retirement") == "2027-02-22"


def test_not_used_before_and_a_date_in_parentheses() -> None:
    text = ("Subject\nWe noticed a sign-in to the root user from a browser this account has not used before "
            "(2027-02-08 06:40 UTC, Porto, PT). If this was you, no action is needed.\n")
    assert find_deadline(text, DAY, "security.root_review") is None
    text = "Subject\nIf you have not used this key before, please rotate it before February 12, 2027.\n"
    assert find_deadline(text, DAY, "security.exposed_credentials") == "2027-02-12"


def test_what_you_must_do_in_german() -> None:
    text = ("Betreff\nWas Sie tun müssen – bis spätestens 12.02.2027:\nDeaktivieren Sie den betroffenen Schlüssel.\n")
    assert find_deadline(text, DAY, "security.exposed_credentials") == "2027-02-12"


def test_a_new_case_without_a_subject() -> None:
    body = ("Hello,\n\nYou have opened a new support case.\n\nCase ID: 179904512377104\nSubject: Raise the Lambda "
            "concurrency quota\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "support.case_opened"


def test_an_account_about_to_be_suspended() -> None:
    bodies = [
        "您好:\n\n您的 AWS 账户即将遭到停用。请在 2027 年 2 月 20 日之前付清逾期费用。\n",
        "안녕하세요.\n\n고객님의 AWS 계정이 곧 정지될 예정입니다. 2027년 2월 20일까지 결제해 주십시오.\n",
        "お客様の AWS アカウントは停止される予定です。2027年2月20日までにお支払いください。\n",
    ]
    for body in bodies:
        notice = classify(GENERAL, None, body, date=SENT)
        assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-02-20"), body
