"""Session 46, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
An overdue balance whose mail says the account "and its services" may be suspended otherwise
("否则我们可能会暂停您的账户及其上的服务", "계정 및 서비스를 정지할 수 있습니다") is a suspension warning, without a
subject too; a charge for what was free, named as new at the head of the subject ("New charge for …", "Nuevo cargo
por …"), is a price change, also from a marketing sender; an account named by its id ("the AWS account with ID N",
"la cuenta de AWS con el ID N", "member account (ID N)") is that account, and a management account so named is
another's."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
MAR_27 = format_datetime(datetime.fromisoformat("2027-03-27T08:00:00+00:00"))
APR_1 = format_datetime(datetime.fromisoformat("2027-04-01T18:00:00+00:00"))


@pytest.mark.parametrize("body", [
    "尊敬的客户：\n\n您的 AWS 账户 730465182947 有一笔逾期款项（2027年2月2日 的账单，金额 USD 41.20）尚未结清。\n\n"
    "请在 2027年4月9日之前 付清款项，否则我们可能会暂停您的账户及其上的服务。",
    "尊敬的客戶：\n\n您的 AWS 帳戶 730465182947 有一筆逾期款項（2027年2月2日 的帳單）尚未結清。\n\n"
    "請在 2027年4月9日之前 付清款項，否則我們可能會暫停您的帳戶及相關服務。",
    "고객님께\n\nAWS 계정 730465182947에 연체된 금액(2027년 2월 2일 청구서)이 있습니다.\n\n"
    "2027년 4월 9일까지 결제하지 않으면 계정 및 서비스를 정지할 수 있습니다.",
    "고객님께\n\nAWS 계정 730465182947에 연체된 금액이 있습니다.\n\n"
    "2027년 4월 9일까지 결제하지 않으면 계정을 정지할 수 있습니다.",
], ids=["zh-cn", "zh-tw", "ko-and-services", "ko"])
def test_an_overdue_balance_that_may_cost_the_account_and_its_services_is_a_suspension_warning(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=MAR_27)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-04-09"
    assert notice.aws_account_id == "730465182947"


def test_an_ses_account_whose_sending_may_be_paused_is_no_suspension_warning() -> None:
    # the guard: the account's sending, not the account and its services
    notice = classify(NO_REPLY, None, "尊敬的客户：\n\n我们可能会暂停您的账户发送电子邮件的功能。", date=MAR_27)
    assert notice.notice_type != "billing.suspension_warning"


@pytest.mark.parametrize(("subject", "body"), [
    ("New charge for Amazon Quokka Streams delivered to Amazon S3",
     "Hello,\n\nWe are writing about a change to the pricing of Amazon Quokka Streams. Starting July 1, 2027, a "
     "delivery charge of $0.10 per GB will apply.\n\nThank you,\nAmazon Web Services"),
    ("Action required: new data transfer charges for Amazon Quokka",
     "Hello,\n\nStarting July 1, 2027, a data transfer charge of $0.02 per GB will apply to Amazon Quokka."),
    ("Nuevo cargo por la entrega de Amazon Quokka Streams",
     "Hola:\n\nA partir del 1 de julio de 2027, se aplicará un cargo de 0,10 USD por GB a la entrega de Amazon Quokka "
     "Streams.\n\nAmazon Web Services"),
    ("Nouveaux frais pour Amazon Quokka Streams",
     "Bonjour,\n\nÀ compter du 1er juillet 2027, des frais de 0,10 USD par Go s'appliqueront à Amazon Quokka Streams."),
    ("Neue Gebühr für Amazon Quokka Streams",
     "Hallo,\n\nAb dem 1. Juli 2027 fällt für Amazon Quokka Streams eine Gebühr von 0,10 USD pro GB an."),
    ("Nuovo addebito per Amazon Quokka Streams",
     "Ciao,\n\ndal 1° luglio 2027 si applicherà un addebito di 0,10 USD per GB ad Amazon Quokka Streams."),
], ids=["en", "en-action-required", "es", "fr", "de", "it"])
def test_a_new_charge_named_by_the_subject_is_a_price_change(subject: str, body: str) -> None:
    notice = classify(MARKETING, subject, body, date=APR_1)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-07-01"


def test_a_newsletter_that_offers_savings_on_new_charges_stays_a_newsletter() -> None:
    # the guard: the new charge does not head the subject
    notice = classify(MARKETING, "Save on new charges for your team", "Hello, join our webinar on May 3, 2027.",
                      date=APR_1)
    assert notice.notice_type == "marketing.newsletter"


@pytest.mark.parametrize("body", [
    "Hello,\n\nAs you requested on January 17, 2027, we closed the AWS account with ID 730465182947.\n\n"
    "During the post-closure period of 90 days you can still sign in.",
    "Hello,\n\nThe AWS account with the ID 7304-6518-2947 has been closed.",
    "Hola:\n\nHemos cerrado la cuenta de AWS con el ID 730465182947.",
    "Olá,\n\nEncerramos a conta da AWS com o ID 730465182947.",
    "Bonjour,\n\nNous avons fermé le compte AWS avec l'ID 730465182947.",
    "Ciao,\n\nabbiamo chiuso l'account AWS con ID 730465182947.",
    "Hallo,\n\nwir haben das AWS-Konto mit der ID 730465182947 geschlossen.",
    "Hello,\n\nThe management account with ID 111122223333 closed the member account with ID 730465182947.",
    "Hello,\n\nThe management account (ID 111122223333) closed the member account (ID 730465182947).",
], ids=["en", "en-the-id-dashes", "es", "pt", "fr", "it", "de", "management-with-id", "management-parenthesis"])
def test_an_account_named_by_its_id_is_that_account(body: str) -> None:
    notice = classify(NO_REPLY, "Your AWS Account has been closed", body, date=MAR_27)
    assert notice.notice_type == "account.closed"
    assert notice.aws_account_id == "730465182947"
