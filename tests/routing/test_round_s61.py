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
