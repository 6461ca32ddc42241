"""Session 13's second round, after the first run of unseen35/36, in our own words (none of these sentences is in a
fixture): a linked account beside its payer, a hyphenated weekday after a by-lead, an HZ-GB-2312 part, a review
decided again on a date (zh), billing words of a generic sender in other languages, a catch-all rule above a specific
one, a Portuguese charge that starts, an API switched off, a registrar's expiry reminder, an asking word inside a
product name."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.notices import MailView, parse_notice_rules
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()


@pytest.mark.parametrize("body", [
    "Budget Name: lab-monthly\nActual Amount: $310.00\nLinked account: 5019 2847 5660\nPayer account: 900000000017\n",
    "Nombre del presupuesto: lab\nImporte real: 310,00 USD\nCuenta vinculada: 501928475660\n"
    "Cuenta pagadora: 900000000017\n",
])
def test_a_linked_account_field_beside_its_payer_is_the_account(body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(build("budgets@costalerts.amazonaws.com", "AWS Budgets alert", body)))
    assert notice.aws_account_id == "501928475660"


def test_a_hyphenated_weekday_after_a_by_lead() -> None:
    body = ("Olá,\n\nHá uma nova resposta no caso 178011204500000 (conta 501928475661):\n\n\"Por favor, envie os "
            "registros do cluster até quinta-feira,\n11 de março de 2027, para continuarmos a análise.\"\n")
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", "RE: [CASO 178011204500000] Registros",
                                                  body)))
    assert notice.deadline == "2027-03-11"


def test_an_hz_gb_2312_part_is_decoded() -> None:
    text = "您好：\n\n您的 AWS 账户 501928475662 的投诉率过高。\n我们将于 2027年4月6日 重新评估您的账户。\n"
    raw = ("From: Amazon Web Services <no-reply-aws@amazon.com>\nTo: root@tenant.example\n"
           "Date: Mon, 01 Feb 2027 10:00:00 +0000\nSubject: Amazon SES review period\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=\"HZ-GB-2312\"\nContent-Transfer-Encoding: 7bit\n\n"
           + text.encode("hz").decode("ascii")).encode("ascii")
    parsed = parse_mail(raw)
    assert "重新评估" in parsed.text and "~{" not in parsed.text
    assert CLASSIFIER.classify(parsed).aws_account_id == "501928475662"


def test_a_review_decided_again_on_a_date_wins_over_its_start() -> None:
    body = ("您好：\n\n您的 AWS 账户 501928475663 通过 Amazon SES 发送的邮件退信率为 6%。\n\n"
            "审核期自 2027年2月1日 开始。请修复导致退信的原因。\n我们将于 2027年3月15日 重新评估您的账户。\n")
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", "Amazon SES 审核期", body)))
    assert notice.deadline == "2027-03-15"


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS 返金のお知らせ", "AWS アカウント 501928475664 について、以下の返金を処理しました。\n返金額: 3,200 円\n"),
    ("AWS 退款通知", "我们已为 AWS 账户 501928475664 处理了一笔退款。\n退款金额：USD 25.00\n"),
    ("Rückerstattung für Ihr AWS-Konto", "Guten Tag,\n\nwir haben eine Rückerstattung von 25,00 EUR für das Konto "
                                         "501928475664 veranlasst.\n"),
])
def test_billing_words_of_a_generic_sender_in_other_languages(subject: str, body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", subject, body)))
    assert notice.notice_type == "billing.other"


RULES = """
rules:
  - id: catch-all
    type: billing.other
    generic: true
    match: {text: ['invoice']}
  - id: specific
    type: billing.invoice
    match: {subject: ['your invoice is available']}
"""


def test_a_catch_all_rule_above_a_specific_one_does_not_shadow_it() -> None:
    rules = parse_notice_rules(RULES)
    specific = MailView.of("x@amazon.com", "", "Your invoice is available", "The invoice is attached.", ())
    only_general = MailView.of("x@amazon.com", "", "Hello", "About your invoice.", ())
    assert (rules.first_match(specific) or rules.rules[0]).id == "specific"
    assert (rules.first_match(only_general) or rules.rules[1]).id == "catch-all"


def test_a_portuguese_charge_that_starts_on_a_date_is_a_policy_change() -> None:
    body = ("Olá,\n\nHoje o armazenamento de snapshots do Amazon Widget Cache não é cobrado (conta 501928475665). "
            "A partir de 1º de junho de 2027, esse armazenamento passará a ser cobrado por GB-mês.\n\n"
            "As faturas de abril e maio não mudam.\n")
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", None, body)))
    assert notice.notice_type == "policy.change_notice"


def test_apis_switched_off_on_a_date_are_an_end_of_support() -> None:
    body = ("Hello,\n\nAccount 501928475666 called the legacy Widget Sync APIs in the last 30 days.\n\n"
            "On May 3, 2027, we will switch off the legacy Widget Sync APIs. From that date, calls to them will fail.\n"
            "Move your application to the Widget Sync v2 APIs before May 3, 2027.\n")
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", None, body)))
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-05-03"


def test_a_registrars_expiry_reminder_is_no_registrant_verification() -> None:
    body = ("Dear AWS customer,\n\nThe domain widget-lab.dev will expire on 2027-04-02. Automatic renewal is turned "
            "off for it.\n\nTo keep it, renew it in the Route 53 console before 2027-04-02. You will get one more "
            "reminder, as ICANN requires.\n")
    notice = CLASSIFIER.classify(parse_mail(build("noreply@registrar.amazon.com", "widget-lab.dev expires soon",
                                                  body)))
    assert notice.notice_type == "billing.other"
    assert notice.deadline == "2027-04-02"


def test_an_asking_word_inside_a_product_name_asks_nothing() -> None:
    body = ("Hola:\n\nSu cuenta de AWS 501928475667 ha superado el 85 % del límite de la capa gratuita de Amazon Q "
            "Developer este mes.\n\nSu oferta de capa gratuita de 12 meses vence el 30 de septiembre de 2027.\n")
    notice = CLASSIFIER.classify(parse_mail(build("freetier@costalerts.amazonaws.com",
                                                  "Alerta de la capa gratuita de AWS", body)))
    assert notice.notice_type == "cost.free_tier_alert"
    assert notice.deadline is None
