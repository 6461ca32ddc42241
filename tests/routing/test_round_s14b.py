"""Session 14's second round, after the first run of unseen43/44, in our own words (none of these sentences is in a
fixture): an act asked "by then" or "before the due date" makes the date named before it the deadline (in its own
sentence or the next, in 9 languages); an imperative after a purpose ("To keep using …, move …"); a Minguo year."""

from __future__ import annotations

import pytest

from routing.deadline import arabic_cjk_dates
from tests.routing.mailbuild import classify


def test_a_change_that_starts_on_a_date_and_an_act_recommended_before_then() -> None:
    body = ("Hello,\n\nAWS is extending its sign-in checks to member accounts. Beginning April 6, 2027, the root user "
            "of account 440218830017 will have to confirm a recovery phone number at its next sign-in. We recommend "
            "that you add the number before then.\n")
    notice = classify("no-reply-aws@amazon.com", "[Action Required] Root user sign-in checks", body)
    assert notice.deadline == "2027-04-06"


@pytest.mark.parametrize("ask", [
    "please have your agents upgraded by that date.",
    "Bitte aktualisieren Sie Ihre Agenten bis dahin.",
    "D'ici là, mettez à jour vos agents.",
    "Por favor, actualice sus agentes para esa fecha.",
    "それまでに、エージェントを更新してください。",
])
def test_a_support_engineer_asks_an_act_by_the_date_named_before(ask: str) -> None:
    body = ("Hello,\n\nThanks for the call. As discussed, the old agent protocol of Amazon Widget Relay is switched "
            f"off on February 26, 2027. {ask}\n\nBest regards,\nAmazon Web Services\n")
    notice = classify("no-reply-aws@amazon.com", "RE: [CASE 176610093344] Widget Relay agent versions", body)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline == "2027-02-26"


def test_by_then_without_an_ask_is_no_deadline() -> None:
    body = ("Hello,\n\nThanks for the call. As discussed, the new agent protocol of Amazon Widget Relay is available "
            "in every Region on February 26, 2027. By then, the console shows both protocols.\n\nBest regards,\n"
            "Amazon Web Services\n")
    notice = classify("no-reply-aws@amazon.com", "RE: [CASE 176610093345] Widget Relay agent versions", body)
    assert notice.deadline is None


def test_an_imperative_after_a_purpose() -> None:
    body = ("Hello,\n\nThe seller of \"Widget Insight (AMI)\" retires the product. Your account 440218830018 "
            "subscribes to it.\n\nTo keep getting updates, switch your instances to the seller's newer product "
            "before April 14, 2027.\n\nAWS Marketplace\n")
    notice = classify("no-reply-aws@amazon.com", "AWS Marketplace: a product you use will be retired", body)
    assert notice.deadline == "2027-04-14"


def test_a_minguo_year_and_a_payment_asked_before_the_due_date() -> None:
    assert arabic_cjk_dates("繳款期限：民國116年4月30日") == "繳款期限：2027年4月30日"
    body = ("AWS 帳戶 440218830019 本期發票資訊：\n發票日期：民國116年4月1日\n應付金額：NT$ 12,040\n"
            "繳款期限：民國116年4月30日\n\n請於繳款期限前完成匯款。\n")
    notice = classify("aws-billing@amazon.com", "AWS 發票通知", body)
    assert notice.deadline == "2027-04-30"


def test_an_english_bill_paid_before_its_due_date() -> None:
    body = ("Hello,\n\nYour AWS invoice for account 440218830020 is attached.\nInvoice date: April 1, 2027\n"
            "Amount: USD 1,204.00\nDue date: April 30, 2027\n\nPlease pay by bank transfer before the due date.\n")
    notice = classify("aws-billing@amazon.com", "Your AWS invoice", body)
    assert notice.deadline == "2027-04-30"
