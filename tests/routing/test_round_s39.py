"""Session 39's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Left from round 71: a participle that shares a modal "be" other than "will" with the clause before it ("may be
shut down … and the host released") tells what may happen from the date on, not a release that happened then.
Round 72: a Korean statement issued ("청구 명세서가 발행되었습니다"); a service or device AWS stops offering, in
Korean, Japanese and Chinese ("서비스 종료 안내", "提供を終了します", "停止提供"), is its end of life."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "no-reply@notifications.health.aws"
NO_REPLY = "no-reply-aws@amazon.com"
INVOICING = "invoicing@aws.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T08:30:00+00:00"))


@pytest.mark.parametrize("modal", ["may", "might", "could", "can"])
def test_a_release_that_shares_a_modal_be_is_no_fact(modal: str) -> None:
    notice = classify(HEALTH, None,
                      "Hello,\n\nThe Amazon Quokka appliance host h-0c1d2e3f40516273a that serves AWS account "
                      "604411738205 is scheduled to be retired on or after Tuesday, April 6, 2027. From then on the "
                      f"appliance {modal} be shut down without further notice and the host released.\n\nMove the "
                      "appliance to a new host ahead of the retirement.\n\nEvent type code: "
                      "AWS_QUOKKA_DEDICATED_HOST_RETIREMENT_SCHEDULED\n", date=MAR_4)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-04-06"


def test_a_release_reported_as_done_stays_a_fact() -> None:
    # (guard: a release AWS reports, "was released on D", is what happened then, not a deadline)
    notice = classify(HEALTH, "Amazon Quokka host retired",
                      "Hello,\n\nThe Amazon Quokka appliance host h-0c1d2e3f40516273a of AWS account 604411738205 "
                      "was retired and the host released on March 2, 2027. No action is needed.\n", date=MAR_4)
    assert notice.deadline is None


def test_a_korean_statement_issued_is_a_statement() -> None:
    notice = classify(INVOICING, "Amazon Quokka 이용 요금 안내 [계정: 604411738205]",
                      "안녕하세요.\n\n계정 604411738205의 2027년 2월 청구 명세서가 발행되었습니다. 요금은 등록된 결제 "
                      "수단으로 자동 결제됩니다.\n\nAmazon Quokka    USD 41.20\n합계    USD 41.20\n", date=MAR_4)
    assert notice.notice_type == "billing.statement"
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Quokka 서비스 종료 안내",
     "안녕하세요.\n\nAWS는 더 이상 Amazon Quokka 어플라이언스를 제공할 수 없게 되었습니다. "
     "기존 고객은 2027년 9월 30일까지 어플라이언스를 사용할 수 있으며, 그 전에 데이터를 Amazon S3로 옮겨 주십시오.\n"),
    (None,
     "お客様各位\n\nAWS は 2027年9月30日をもって Amazon Quokka の提供を終了します。"
     "それまでにデータを Amazon S3 へ移行してください。\n"),
    (None,
     "您好：\n\nAWS 将于 2027年9月30日停止提供 Amazon Quokka。请在此日期之前将数据迁移到 Amazon S3。\n"),
], ids=["ko", "ja", "zh"])
def test_a_service_aws_stops_offering_is_its_end_of_life(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


def test_resources_a_suspension_may_end_are_no_service_end() -> None:
    # (guard: what a suspension may do to the account's resources, "服務，…資源也可能被終止", is no service's end)
    notice = classify(NO_REPLY, "您的 AWS 帳戶即將遭到停用",
                      "您好：\n\n帳戶 604411738205 的 Amazon Quokka 費用仍未付清。"
                      "若我們在 2027 年 3 月 20 日之前仍未收到付款，您的帳戶將會停用，"
                      "屆時您將無法使用 AWS 服務，帳戶中的資源也可能被終止。\n", date=MAR_4)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-03-20"
