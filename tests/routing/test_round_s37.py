"""Session 37's rounds 65-67, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: a period counted from this very mail ("within 5 days of this message") starts on the mail's UTC day, while a
date named in the mail has passed by the sender's own day; a product's end of life said without the article ("fim de
vida", "fine vita", "Lebensende"); an account closed, named by its last digits; a Chinese MFA device removed in the
completed aspect ("移除了", no 已); a root CA withdrawn, and devices to be updated to trust another; unusual activity in
the plural in a localized subject; a new start date for a charge; a reply on a case "de AWS Support" in a Spanish
subject; a "will" of another clause does not make a passed date a deadline. Round 66: a new price from a date said in
the body, also from a marketing sender without a subject; a French MFA device "retiré"; a change of who issues the
reader's invoices (zh-Hant, en) is a policy change, not an invoice. Round 67: an account id followed by a year
("账户 N 2027年2月的费用") is still the account; a start date written as one CJK word ("开始日期：D") on the mail's
own day is a fact; a suspension the account "quedó" in on a date is a fact; "we have closed AWS account N"; a new
message added to a case (pt)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
SECURITY = "aws-security-notices@amazon.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T08:30:00+00:00"))
#: late on March 3 in California, already March 4 in UTC
MAR_3_LATE_PACIFIC = format_datetime(datetime.fromisoformat("2027-03-03T21:40:00-08:00"))
#: early on March 4 in Singapore, still March 3 in UTC
MAR_4_EARLY_SINGAPORE = format_datetime(datetime.fromisoformat("2027-03-04T02:10:00+08:00"))


def test_a_period_counted_from_the_mail_starts_on_its_utc_day() -> None:
    notice = classify(SECURITY, "Your AWS account 604411738205 may be compromised",
                      "We noticed new Amazon Quokka clusters in regions your account does not use. Please delete the "
                      "clusters you did not create within 7 days of this message, or we may limit the account.\n",
                      date=MAR_3_LATE_PACIFIC)
    assert notice.notice_type == "security.suspicious_activity"
    assert notice.deadline == "2027-03-11"


def test_a_date_before_the_senders_own_day_has_passed() -> None:
    # (March 3 is the UTC day of this mail, but its writer's day is March 4: the scan happened, it is no deadline)
    notice = classify("abuse@amazonaws.com", "Amazon Quokka abuse report [AWS ID 604411738205]",
                      "Hello,\n\nA Quokka node in your account 604411738205 scanned third-party hosts on 2027-03-03. "
                      "Please stop the activity and tell us what you did within 24 hours.\n",
                      date=MAR_4_EARLY_SINGAPORE)
    assert notice.notice_type == "abuse.report"
    assert notice.deadline is None


@pytest.mark.parametrize("subject", [
    "Aviso de fim de vida: aparelho Amazon Quokka Q1 [Conta AWS: 604411738205]",
    "Avviso di fine vita: dispositivo Amazon Quokka Q1 [Account AWS: 604411738205]",
    "Lebensende des Amazon Quokka Q1-Geräts [AWS-Konto: 604411738205]",
])
def test_a_products_end_of_life_without_the_article(subject: str) -> None:
    notice = classify(NO_REPLY, subject, "Amazon Quokka Q1 (604411738205): 2027-09-30.\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"


def test_an_account_closed_named_by_its_last_digits() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nThe AWS account ending in 8205 was closed on March 3, 2027, as its "
                      "root user asked. Amazon Quokka stopped billing it. For 90 days you may ask AWS Support to "
                      "reopen it.\n", date=MAR_4)
    assert notice.notice_type == "account.closed"


def test_a_chinese_mfa_device_removed_in_the_completed_aspect() -> None:
    notice = classify(NO_REPLY, None, "您好，\n\n账户 604411738205 的根用户于 2027年3月3日 在 Amazon Quokka 控制台中"
                      "停用了一个多重身份验证 (MFA) 设备。\n\n如果不是您本人的操作，请联系 AWS Support。\n", date=MAR_4)
    assert notice.notice_type == "credentials.mfa_deactivated"


def test_a_root_ca_withdrawn_is_a_certificate_rotation() -> None:
    notice = classify(HEALTH, None, "Hello,\n\nThe legacy root CA behind old Amazon Quokka endpoints will be "
                      "withdrawn. Clients must be updated before June 1, 2027 to trust the Amazon Root CA 3 "
                      "certificate.\n", date=MAR_4)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-06-01"


@pytest.mark.parametrize("subject", [
    "Acción requerida: actividades inusuales en su cuenta de AWS 604411738205",
    "Ação necessária: atividades suspeitas na sua conta da AWS 604411738205",
    "Action requise : activités suspectes dans votre compte AWS 604411738205",
    "Azione richiesta: attività anomale nel tuo account AWS 604411738205",
])
def test_unusual_activity_in_the_plural_in_a_localized_subject(subject: str) -> None:
    notice = classify(NO_REPLY, subject, "Amazon Quokka: 12 clusters (604411738205). Caso 188302917340.\n",
                      date=MAR_4)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_new_start_date_for_a_charge_is_a_price_change() -> None:
    notice = classify(MARKETING, "New start date for Amazon Quokka snapshot charges",
                      "Hello,\n\nWe told you that Amazon Quokka snapshots would be billed from April 1, 2027. Billing "
                      "now starts on May 1, 2027, at USD 0.02 per snapshot-hour.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"


def test_a_reply_on_a_case_of_aws_support_in_a_spanish_subject() -> None:
    notice = classify(NO_REPLY, "Respuesta al caso de AWS Support 188302917340",
                      "Hola,\n\nHay una respuesta en su caso sobre Amazon Quokka. El límite ya se amplió.\n\n"
                      "Cuenta: 604411738205\n", date=MAR_4)
    assert notice.notice_type == "support.case_correspondence"


def test_a_will_of_another_clause_does_not_make_a_passed_date_a_deadline() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nAWS will do planned work on the fans of your Amazon Quokka rack "
                      "(account 6044 1173 8205) on Saturday, March 20, 2027 between 22:00 and 23:00 UTC.\nThere is "
                      "nothing you need to do; this is for your information. An engineer will be on site and the site "
                      "contact you registered on February 26, 2027 has been told.\n", date=MAR_4)
    assert notice.deadline is None


@pytest.mark.parametrize("subject", [None, "What is new at AWS this month"])
def test_a_new_price_from_a_date_said_in_the_body_also_from_a_marketing_sender(subject: str | None) -> None:
    notice = classify(MARKETING, subject, "Hello,\n\nWe announced a change to how idle Amazon Quokka nodes are "
                      "priced. Starting June 1, 2027, every idle node will be charged $0.004 per hour instead of "
                      "nothing.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-06-01"


def test_a_french_mfa_device_withdrawn() -> None:
    notice = classify(NO_REPLY, "Un dispositif MFA a été retiré de votre compte AWS",
                      "Bonjour,\n\nLe dispositif MFA « quokka-key » a été retiré de l'utilisateur racine du compte "
                      "604411738205 le 2027-03-03.\n", date=MAR_4)
    assert notice.notice_type == "credentials.mfa_deactivated"


@pytest.mark.parametrize("subject", ["Amazon Quokka 電子發票開立單位變更通知",
                                     "Changes to the entity that issues your AWS invoices"])
def test_a_change_of_who_issues_the_invoices_is_a_policy_change(subject: str) -> None:
    notice = classify(NO_REPLY, subject, "Amazon Quokka Taiwan Ltd. — 2027-05-01.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"


def test_an_account_id_followed_by_a_year_is_still_the_account() -> None:
    notice = classify(NO_REPLY, "紧急：您的 AWS 账户可能会被暂停",
                      "尊敬的客户：\n\n我们未能收取您 AWS 账户 604411738205 2027年2月的 Amazon Quokka 费用。\n\n"
                      "请在 2027年3月20日之前 完成付款，否则您的账户可能会被暂停。\n", date=MAR_4)
    assert notice.aws_account_id == "604411738205"


def test_a_start_date_written_as_one_cjk_word_on_the_mails_day_is_a_fact() -> None:
    notice = classify("aws-marketplace@amazon.com", "您已订阅 AWS Marketplace 中的 Quokka Insights",
                      "您好，\n\n感谢您通过 AWS Marketplace 订阅产品。\n产品名称：Quokka Insights（SaaS 合同）\n"
                      "协议 ID：agmt-quokka\nAWS 账户：604411738205\n开始日期：2027年3月4日\n结束日期：2028年3月3日\n"
                      "续订方式：自动续订\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_suspension_the_account_fell_into_on_a_date_is_a_fact() -> None:
    notice = classify(NO_REPLY, "Su cuenta de AWS 604411738205 ha sido suspendida",
                      "Su cuenta de AWS 604411738205 quedó suspendida el 4 de marzo de 2027 por el saldo vencido de "
                      "Amazon Quokka.\n\nSi no recibimos el pago antes del 2027-04-03, podremos cerrar la cuenta.\n",
                      date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-04-03"


def test_we_have_closed_aws_account_n() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nAs you asked on March 3, 2027, we have closed AWS account "
                      "604411738205.\nFor the next 90 days, until June 1, 2027, you can still sign in as the root user "
                      "to see past bills and\nfetch tax documents, and you can ask AWS Support to reopen the account. "
                      "After that period the account is closed\nfor good and Amazon Quokka data left in it is "
                      "deleted.\nYou will receive a final bill for usage up to the closing date next month.\n",
                      date=MAR_4)
    assert notice.notice_type == "account.closed"


def test_a_new_message_added_to_a_case_in_portuguese() -> None:
    notice = classify(NO_REPLY, "[Caso 188302917340] Amazon Quokka",
                      "Uma nova mensagem foi adicionada ao caso 188302917340.\n\nResponda pelo Centro de Suporte.\n",
                      date=MAR_4)
    assert notice.notice_type == "support.case_correspondence"
