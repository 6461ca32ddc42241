"""Session 13's fourth round, after the first run of unseen39/40, in our own words (none of these sentences is in a
fixture): a past completion and a "Replacement Time" column, endpoints that present new certificates from a date, a
migration that starts on a date the reader prepares for, a Korean window table, credits about to expire, a closure to
new customers already past, an account line beside a payer field, a resolved issue in Traditional Chinese, periods in
hours, what will be blocked from a date, a refund of invoice charges, the account concerned in French."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()


def _classify(sender: str, subject: str | None, body: str):  # type: ignore[no-untyped-def]
    return CLASSIFIER.classify(parse_mail(build(sender, subject, body)))


def test_a_replacement_time_column_and_a_past_completion() -> None:
    body = ("Hello,\n\nYour Amazon Widget Queue brokers in account 701928475660 will be replaced during their "
            "maintenance window to apply patches.\n\n"
            "Broker / Replacement Time:\norders-queue / Mar 4 2027 02:00 UTC\nevents-queue / Mar 5 2027 02:00 UTC\n\n"
            "The previous replacement round completed on Nov 20 2026.\n")
    assert _classify("no-reply-aws@amazon.com", "[Scheduled] broker replacement", body).deadline == "2027-03-04"


def test_endpoints_that_present_new_certificates_from_a_date() -> None:
    body = ("Hello,\n\nBeginning on April 12, 2027, the Widget Stream endpoints will present\nTLS certificates "
            "issued by Amazon Trust Services. Clients with an old trust store will fail to connect. "
            "Account 701928475661.\n")
    notice = _classify("no-reply-aws@amazon.com", "Widget Stream: endpoint certificate migration", body)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-04-12"


def test_a_migration_that_starts_on_a_date_the_reader_prepares_for() -> None:
    body = ("Hello,\n\nWidget Mail moves the certificates of its SMTP endpoints to a new chain. The migration will "
            "start on May 6, 2027 at 2 a.m. PDT. Account 701928475662.\n\nIf your relay pins the old chain, add the "
            "new roots to its trust store before that date.\n")
    assert _classify("no-reply-aws@amazon.com", "Maintenance notice: Widget Mail certificate chain", body).deadline \
        == "2027-05-06"


def test_a_korean_window_table_under_its_start_column() -> None:
    body = ("안녕하세요,\n\n계정 701928475663 의 인스턴스 호스트에서 네트워크 펌웨어 유지 관리가 예약되었습니다.\n\n"
            "인스턴스 ID 시작(UTC) 종료(UTC)\n\ni-0a1b2c3d4e5f60720 2027년 3월 9일 10:00 2027년 3월 9일 14:00\n")
    assert _classify("health@aws.com", "[예정된 유지 관리] 네트워크 펌웨어", body).deadline == "2027-03-09"


def test_credits_about_to_expire_in_italian() -> None:
    body = ("Gentile cliente,\n\ni crediti promozionali AWS dell'account 701928475664 scadono il 30 aprile 2027.\n"
            "I crediti sono stati applicati il 10/05/2026.\n")
    notice = _classify("aws-billing@amazon.com", "I Suoi crediti AWS stanno per scadere", body)
    assert notice.notice_type == "cost.other"
    assert notice.deadline == "2027-04-30"


def test_a_closure_to_new_customers_already_past_is_no_deadline() -> None:
    body = ("Hello,\n\nAWS opened case 175021348800000 on behalf of account 701928475665 about your Widget Sensors.\n"
            "Widget Sensors will stop accepting new customers on October 15, 2026; existing projects keep working.\n")
    notice = _classify("no-reply-aws@amazon.com", "AWS Support case 175021348800000 opened for your account", body)
    assert notice.deadline is None


def test_an_account_line_beside_a_payer_field() -> None:
    body = ("AWS Budget Notification\nAWS Account 701928475666\n\nBudget Name: lab\nActual Amount: $410.00\n"
            "Payer account: 900000000018\n")
    assert _classify("budgets@costalerts.amazonaws.com", "AWS Budgets: lab has exceeded your alert threshold",
                     body).aws_account_id == "701928475666"


def test_a_resolved_issue_in_traditional_chinese() -> None:
    body = ("您好，\n\nAP-EAST-1 區域的 Amazon Widget API 呼叫錯誤率上升，部分連線在此期間中斷。"
            "問題已解決，服務目前正常運作。\n帳戶 7019 2847 5667。\n")
    notice = _classify("health@aws.com", "[已解決] Amazon Widget 錯誤率上升", body)
    assert notice.notice_type == "health.operational_issue"


@pytest.mark.parametrize(("body", "want"), [
    ("Hello,\n\nA payment for account 701928475668 failed. Action is required within 72 hours. If we cannot collect "
     "payment, your account may be suspended.\n", "2026-12-04"),
    ("Hello,\n\nA payment for account 701928475668 failed. Unless we can collect it within 96 hours of this message, "
     "your account may be suspended.\n", "2026-12-05"),
])
def test_a_period_of_hours_asked_of_the_reader(body: str, want: str) -> None:
    assert _classify("aws-billing@amazon.com", "Your AWS account is at risk of suspension", body).deadline == want


def test_a_period_of_hours_stated_as_a_rule_is_no_deadline() -> None:
    body = ("Hello,\n\nValidation timed out for a certificate of account 701928475669. Requests that are not validated "
            "within 72 hours time out. Delete the request and submit a new one.\n")
    assert _classify("no-reply@certificates.amazon.com", "Certificate validation timed out", body).deadline is None


def test_what_will_be_blocked_from_a_date_is_a_policy_change() -> None:
    body = ("Hello,\n\nCarriers will stop delivering messages from unregistered sender IDs. Widget Messaging will "
            "block sends from these IDs starting March 1, 2027.\n\nAccount 701928475670 has 2 unregistered "
            "sender IDs.\n")
    assert _classify("no-reply-aws@amazon.com", "Action needed: register your sender IDs", body).notice_type \
        == "policy.change_notice"


def test_a_refund_of_invoice_charges_is_no_invoice() -> None:
    body = ("Hello,\n\nWe have issued a refund of USD 80.00 for a duplicate charge on your invoice 2610077000. The "
            "refund was processed on November 2, 2026.\n\nLinked account: 701928475671\nPayer account: 900000000019\n")
    notice = _classify("aws-billing@amazon.com", "Your AWS refund has been processed", body)
    assert notice.notice_type == "billing.other"
    assert notice.aws_account_id == "701928475671"


def test_the_account_concerned_in_french() -> None:
    body = ("Bonjour,\n\nÀ compter du 1er mai 2027, les applications publiques sans condition ne seront plus "
            "listées.\n\nCompte concerné : 7019 2847 5672 – application « resizer ».\n")
    assert _classify("no-reply-aws@amazon.com", "Changement de politique", body).aws_account_id == "701928475672"
