"""Session 45's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 93: a salutation that ends in a colon ("Hola:", "Estimado cliente:", "Dear customer:", "Olá:", "您好：")
opens the mail and introduces no list, so the sentence under it is no list item and its past date ("fue
suspendida el D") stays a fact; a Support case may be called a "案件" in Chinese ("案件 1782… 有新的回覆").
Round 94: a subscription's term named by the day the reader subscribed ("訂閱日期 D0 … 合約結束 D1", "구독일 …
계약 종료") is a stated period, its end a fact of the agreement; a free plan or its credits, localized ("Su plan
gratuito termina el D", "免費方案"), is an offer whose end a usage alert names without asking anything; a Health
event ARN in the notification's event-ARN header gives the event type code, as it does in the request id. Round 95:
an account "已停用" (deactivated, zh-TW and zh-CN, its id and date between) is suspended; a change to how a service is
charged named in the subject ("計費方式變更通知", "課金方法の変更") is a price change; a seller's ask of its
subscribers ("asks its subscribers to move … before D", "pide a sus suscriptores que …") and an imperative that opens a
sentence in the middle of its line ("… retired. Move your workloads … before D") ask the reader to act by the date."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.parse import parse_mail
from tests.routing.mailbuild import CLASSIFIER, build, classify

NO_REPLY = "no-reply-aws@amazon.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T16:40:00+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Su cuenta de AWS ha sido suspendida",
     "Hola:\n\nLa cuenta de AWS 730465182947 fue suspendida el 3 de marzo de 2027 por un saldo de Amazon Quokka sin "
     "pagar.\n\nSi paga el saldo antes del 2 de abril de 2027, volveremos a activar la cuenta."),
    ("Su cuenta de AWS ha sido suspendida",
     "Estimado cliente:\n\nLa cuenta de AWS 730465182947 fue suspendida el 3 de marzo de 2027 por un saldo de Amazon "
     "Quokka sin pagar.\n\nSi paga el saldo antes del 2 de abril de 2027, volveremos a activar la cuenta."),
    ("Sua conta da AWS foi suspensa",
     "Olá:\n\nA conta da AWS 730465182947 foi suspensa em 3 de março de 2027 por um saldo do Amazon Quokka em "
     "aberto.\n\nSe você pagar o saldo antes de 2 de abril de 2027, reativaremos a conta."),
    ("Il tuo account AWS è stato sospeso",
     "Gentile cliente:\n\nL'account AWS 730465182947 è stato sospeso il 3 marzo 2027 per un saldo di Amazon Quokka non "
     "pagato.\n\nSe paghi il saldo entro il 2 aprile 2027, riattiveremo l'account."),
], ids=["es-hola", "es-estimado", "pt-ola", "it-gentile"])
def test_the_sentence_under_a_salutation_is_no_list_item(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-04-02"


@pytest.mark.parametrize("body", [
    "- i-0a1b2c3d4e5f60718: 2 de abril de 2027\n- i-0f9e8d7c6b5a49382: 9 de abril de 2027",
    "- quokka-node-0001: 2 de abril de 2027\n- quokka-node-0002: 9 de abril de 2027",
], ids=["instances", "nodes"])
def test_a_list_under_its_intro_keeps_its_first_date(body: str) -> None:
    # the guard: a list's intro ends in a colon too, and is no salutation
    notice = classify("health@aws.com", "Mantenimiento programado de Amazon Quokka",
                      "Hola:\n\nAmazon Quokka reiniciará los siguientes recursos en estas fechas:\n" + body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-02"


@pytest.mark.parametrize(("subject", "body"), [
    ("案件 178203945610 有新的回覆",
     "您好：\n\n我們已在您的支援案件中新增回覆。\n\n案件 ID：178203945610\n主旨：Amazon Quokka 配額\n\n"
     "請登入支援中心檢視完整回覆。"),
    (None, "您好：\n\n案件 178203945610 有新的回覆，關於 Amazon Quokka 配額。請登入支援中心檢視。"),
    ("案件 178203945610 有新的回复", "您好：\n\n您的案件 178203945610 有新的回复。请登录支持中心查看。"),
], ids=["zh-tw", "zh-tw-no-subject", "zh-cn"])
def test_a_reply_on_a_case_called_anjian_is_case_correspondence(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"


MAY_1 = format_datetime(datetime.fromisoformat("2027-05-01T03:00:00+00:00"))
MARKETPLACE = "no-reply@marketplace.aws"


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS Marketplace 訂閱確認",
     "您好：\n\n感謝您訂閱 Amazon Quokka Insights。\n\n訂閱日期 2027年4月30日\n\n合約結束 2028年4月29日\n\n"
     "費用將顯示於您的帳單。"),
    ("AWS Marketplace 订阅确认",
     "您好：\n\n感谢您订阅 Amazon Quokka Insights。\n\n订阅日期：2027年4月30日\n合同结束：2028年4月29日\n\n"
     "费用将显示在您的账单中。"),
    ("AWS Marketplace 구독 확인",
     "안녕하세요.\n\nAmazon Quokka Insights를 구독해 주셔서 감사합니다.\n\n구독일 2027년 4월 30일\n\n"
     "계약 종료 2028년 4월 29일"),
    ("AWS Marketplace のご購読の確認",
     "Amazon Quokka Insights をご購読いただきありがとうございます。\n\n購読日: 2027年4月30日\n契約終了: 2028年4月29日"),
], ids=["zh-tw", "zh-cn", "ko", "ja"])
def test_a_subscription_term_named_by_its_subscription_date_ends_without_a_deadline(subject: str, body: str) -> None:
    notice = classify(MARKETPLACE, subject, body, date=MAY_1)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_subscription_term_that_will_not_renew_keeps_its_end() -> None:
    # the guard: a term that does not renew ends the reader's access on its end date
    notice = classify(MARKETPLACE, "AWS Marketplace 合約即將結束",
                      "您好：\n\nAmazon Quokka Insights 的合約將不會自動續約。\n\n訂閱日期 2026年5月31日\n\n"
                      "合約結束 2027年5月30日\n\n自動續約：已關閉", date=MAY_1)
    assert notice.deadline == "2027-05-30"


FREE_TIER = "freetier@costalerts.amazonaws.com"


@pytest.mark.parametrize("body", [
    "Su cuenta de AWS 730465182947 ha consumido el 85 % de los créditos del plan gratuito de Amazon Quokka.\n\n"
    "Su plan gratuito termina el 30 de agosto de 2027 o cuando agote los créditos.",
    "A sua conta da AWS 730465182947 consumiu 85 % dos créditos do plano gratuito do Amazon Quokka.\n\n"
    "O seu plano gratuito termina em 30 de agosto de 2027.",
    "Votre compte AWS 730465182947 a consommé 85 % des crédits de son plan gratuit Amazon Quokka.\n\n"
    "Vos crédits expirent le 30 août 2027.",
    "您的 AWS 帳戶 730465182947 已使用免費方案額度的 85%。\n\n您的免費方案將於 2027年8月30日 結束。",
], ids=["es", "pt", "fr", "zh-tw"])
def test_a_usage_alert_that_names_when_its_free_plan_ends_asks_nothing_by_then(body: str) -> None:
    notice = classify(FREE_TIER, None, body, date=MAR_3)
    assert notice.notice_type == "cost.free_tier_alert"
    assert notice.deadline is None


def test_a_usage_alert_that_asks_an_act_before_the_free_plan_ends_keeps_the_date() -> None:
    notice = classify(FREE_TIER, None, "Su cuenta de AWS 730465182947 ha consumido el 85 % de los créditos del plan "
                      "gratuito.\n\nActualice a un plan de pago antes del 30 de agosto de 2027 para conservar sus "
                      "recursos.", date=MAR_3)
    assert notice.deadline == "2027-08-30"


@pytest.mark.parametrize(("code", "expected"), [
    ("AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT", "health.scheduled_maintenance"),
    ("AWS_QUOKKA_MAINTENANCE_SCHEDULED", "health.scheduled_maintenance"),
], ids=["lifecycle-auto-upgrade", "maintenance"])
def test_a_health_event_arn_in_the_event_arn_header_gives_the_event_type(code: str, expected: str) -> None:
    raw = (f"X-NOTIFICATIONS-NOTIFICATION-EVENT-ARN: arn:aws:health:eu-west-3::event/QUOKKA/{code}/{code}_9f1e\r\n"
           ).encode() + build("health@aws.com", "Amazon Quokka: cambio programado",
                              "Hola:\n\nA partir del 20 de abril de 2027, Amazon Quokka actualizará automáticamente "
                              "sus flotas a la versión 4.", date=MAR_3)
    notice = CLASSIFIER.classify(parse_mail(raw))
    assert notice.notice_type == expected
    assert notice.deadline == "2027-04-20"


FEB_15 = format_datetime(datetime.fromisoformat("2027-02-15T11:00:00+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("您的 AWS 帳戶 730465182947 已停用",
     "您好：\n\n由於 Amazon Quokka 的帳單仍未付款，您的 AWS 帳戶 730465182947 已於 2027年2月15日 停用。\n\n"
     "請於 2027年3月3日 之前付清款項。"),
    ("您的 AWS 账户已停用",
     "您好：\n\n由于 Amazon Quokka 的账单仍未付款，您的 AWS 账户 730465182947 已停用。"
     "请于 2027年3月3日 之前付清款项。"),
], ids=["zh-tw", "zh-cn"])
def test_an_account_deactivated_in_chinese_is_suspended(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_15)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-03"


def test_a_key_deactivated_in_an_account_is_no_suspended_account() -> None:
    notice = classify(NO_REPLY, "访问密钥已停用",
                      "您好：\n\n您的 AWS 账户 730465182947 中的访问密钥 AKIAQUOKKAEXAMPLE7Q 已停用。", date=FEB_15)
    assert notice.notice_type != "account.suspended"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Quokka 計費方式變更通知", "自 2027/07/01 起，每個 Amazon Quokka 管線將以每小時 USD 0.005 計費。"),
    ("Amazon Quokka 计费方式调整", "自 2027年7月1日 起，每个 Amazon Quokka 管道将按每小时 0.005 美元计费。"),
    ("Amazon Quokka の課金方法の変更",
     "2027年7月1日から、Amazon Quokka のパイプラインごとに 1 時間あたり 0.005 USD が課金されます。"),
    ("Amazon Quokka 과금 방식 변경 안내",
     "2027년 7월 1일부터 Amazon Quokka 파이프라인마다 시간당 0.005 USD의 요금이 부과됩니다."),
], ids=["zh-tw", "zh-cn", "ja", "ko"])
def test_a_change_to_how_a_service_is_charged_named_in_the_subject_is_a_price_change(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_15)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-07-01"


@pytest.mark.parametrize("ask", [
    "The seller asks its subscribers to move their workloads to Quokka Relay 2 before October 31, 2027.",
    "Quokka Relay has been retired by its seller. Move your workloads to Quokka Relay 2 before October 31, 2027.",
    "El vendedor pide a sus suscriptores que trasladen sus cargas de trabajo a Quokka Relay 2 antes del 31 de octubre "
    "de 2027.",
    "El vendedor retiró el producto. Traslade sus cargas de trabajo a Quokka Relay 2 antes del 31 de octubre de 2027.",
    "O vendedor pede aos seus assinantes que migrem as cargas de trabalho para o Quokka Relay 2 até 31 de outubro de "
    "2027.",
    "Le vendeur demande à ses abonnés de migrer leurs charges de travail vers Quokka Relay 2 avant le 31 octobre 2027.",
    "Il venditore chiede ai suoi abbonati di spostare i carichi di lavoro su Quokka Relay 2 entro il 31 ottobre 2027.",
], ids=["en-asks-subscribers", "en-imperative-mid-line", "es-pide", "es-traslade", "pt", "fr", "it"])
def test_a_sellers_ask_of_its_subscribers_is_an_ask_of_the_reader(ask: str) -> None:
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: Quokka Relay (AMI) is deprecated",
                      "Hello,\n\nYour AWS account 730465182947 subscribes to Quokka Relay (AMI). " + ask, date=FEB_15)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-10-31"


def test_a_sellers_ask_of_other_buyers_with_no_date_gives_none() -> None:
    # the guard: an ask with no date, and a date that is only a fact, give no deadline
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: Quokka Relay (AMI) is deprecated",
                      "Hello,\n\nThe seller asks its subscribers to contact it with questions. Quokka Relay was "
                      "published on March 3, 2019.", date=FEB_15)
    assert notice.deadline is None
