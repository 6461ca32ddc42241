"""Session 61, in our own words (none of these sentences is in a fixture), about fictitious accounts and the fictitious
Amazon Quokka. First, a hole session 60 left: an account-closed cue in Japanese, Chinese and Korean ("the account …
closed") took something *of* the account that was cancelled or turned off ("계정 N의 Savings Plan이 해지되었습니다",
"账户 N 的 Savings Plan 已关闭") for the account's own closure."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

MAR_02 = format_datetime(datetime.fromisoformat("2027-03-02T08:15:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
HEALTH = "health@aws.com"


# something of the account closed or cancelled is no closed account (ja, zh in both scripts, ko)

@pytest.mark.parametrize("body", [
    "안녕하세요,\n\nAWS 계정 604418827391의 Quokka Savings Plan이 해지되었습니다. 남은 약정 금액은 없습니다.",
    "안녕하세요,\n\nAWS 계정 6044-1882-7391의 예약 인스턴스 구독이 해지되었습니다.",
    "안녕하세요,\n\n고객님 AWS 계정의 Quokka 지원 플랜이 해지되었습니다.",
    "お客様\n\nAWS アカウント 604418827391 の Quokka Savings Plans が解約されました。",
    "お客様\n\nAWS アカウントのビジネスサポートプランが解約されました。",
    "您好，\n\n您的 AWS 账户 604418827391 的 Quokka Savings Plan 已关闭。",
    "您好，\n\n您的 AWS 账户中的 Quokka 日志记录已关闭。",
    "您好，\n\n您的 AWS 帳戶 604418827391 的 Quokka 預留容量已於 2027年3月1日 關閉。",
])
def test_something_of_the_account_cancelled_is_no_closed_account(body: str) -> None:
    assert classify(BILLING, None, body, date=MAR_02).notice_type != "account.closed"


@pytest.mark.parametrize("body", [
    "안녕하세요,\n\n고객님의 요청에 따라 AWS 계정이 해지되었습니다. 90일 이내에 다시 열 수 있습니다.",
    "안녕하세요,\n\nAWS 계정 604418827391은 고객님의 요청에 따라 해지되었습니다.",
    "お客様\n\nAWS アカウント 604418827391 は解約されました。",
    "お客様\n\nAWS アカウントの解約済みのお知らせです。アカウント 604418827391 は閉鎖されました。",
    "您好，\n\n您的 AWS 账户 604418827391 已关闭。",
    "您好，\n\n您的 AWS 帳戶 604418827391 已於 2027年3月1日 依您的要求關閉。",
])
def test_the_account_itself_closed_stays_a_closed_account(body: str) -> None:
    assert classify(AWS, None, body, date=MAR_02).notice_type == "account.closed"


# round 165's main misses: a statement said by what it does, sum up a billing period's charges, without a subject

@pytest.mark.parametrize("body", [
    "Hello,\n\nThis message summarizes the charges on your AWS account 604418827391 for the billing period "
    "February 1 - February 28, 2027.\n\n  Amazon Quokka    $12.40\n  Total            $12.40\n\nNo action is needed.",
    "Greetings,\n\nBelow is a summary of your AWS charges for the billing cycle that ended on February 28, 2027.",
])
def test_a_summary_of_a_billing_periods_charges_is_a_statement(body: str) -> None:
    assert classify(BILLING, None, body, date=MAR_02).notice_type == "billing.statement"


def test_a_summary_of_charges_that_are_past_due_is_no_statement() -> None:
    body = ("Hello,\n\nThis is a summary of the charges on your account 604418827391 for the billing period February "
            "2027. The balance is past due: pay it by March 20, 2027 to avoid the suspension of your account.")
    assert classify(BILLING, None, body, date=MAR_02).notice_type != "billing.statement"


# a commitment's end date as a field, a weekday before the date

@pytest.mark.parametrize("end", ["Saturday, May 1, 2027 23:59 UTC", "Sat, 1 May 2027", "Saturday 2027-05-01"])
def test_a_commitments_end_date_field_with_its_weekday_is_the_deadline(end: str) -> None:
    body = (f"Hello,\n\nOne of the Savings Plans of AWS account 604418827391 ends soon.\n\nStart date: Tuesday, May 2, "
            f"2024\nEnd date: {end}\n\nAfter the end date, the usage it covered is billed at On-Demand rates.")
    notice = classify(BILLING, "Your AWS Savings Plan is expiring soon", body, date=MAR_02)
    assert (notice.notice_type, notice.deadline) == ("cost.commitment_expiry", "2027-05-01")


# a patch said mandatory (a held-out theme of round 165, in our own words): a maintenance, its window the deadline
# where the reader's resource is restarted in it

@pytest.mark.parametrize("body", [
    "Hello,\n\nAmazon Quokka requires a mandatory engine patch for cluster quokka-graph in US East (Ohio); the "
    "cluster is restarted once.\nPatch window: 2027-04-06 02:00 UTC to 2027-04-06 04:00 UTC.",
    "Hola:\n\nAmazon Quokka aplicará un parche obligatorio al clúster quokka-graph, que se reiniciará una vez. "
    "Ventana: 6 de abril de 2027, 02:00-04:00 UTC.",
    "Hallo,\n\nfür den Cluster quokka-graph steht ein verpflichtender Sicherheitspatch an; der Cluster wird dabei "
    "neu gestartet.\nWartungsfenster: 06.04.2027, 02:00-04:00 UTC.",
])
def test_a_mandatory_patch_is_a_maintenance(body: str) -> None:
    notice = classify(HEALTH, None, body, date=MAR_02)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-04-06")
