"""Session 42's round, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 83: an instance family's end of life is an end of support also under an instance retirement code (the family
retires, not the reader's instances for their hardware; 9 languages), while a retirement for degraded hardware keeps its
type; a charge "starting 1 September 2027" (the day first, or ISO) is a price change as "starting September 1, 2027" is;
a Marketplace subscription the mail confirms is active, or says took effect on a day, has no deadline in its renewal or
term end (9 languages), while a subscription "active until D" keeps its end. Round 84: Traditional Chinese names the
extended support "延伸支援" and its end "持續到 D": not the deadline beside the end of standard support; a date in the
relative clause of the notice a message replaces ("This message replaces the one of D0, which announced the rotation
for D") is superseded (en, fr, es, pt, it); the quarantine policy AWS applied to a key used from unfamiliar networks,
the key exposed nowhere, leaves the mail a suspicious activity."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETPLACE = "aws-marketplace@amazon.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T09:30:00+00:00"))
RETIREMENT_CODE = "Event type code: AWS_EC2_PERSISTENT_INSTANCE_RETIREMENT_SCHEDULED"


@pytest.mark.parametrize("sentence", [
    "The Q2 instance family reaches end of life on August 31, 2027; move your Quokka hosts to Q5 by then.",
    "Las instancias de la familia Q2 llegan al fin de su vida útil el 31 de agosto de 2027.",
    "As instâncias da família Q2 chegam ao fim de vida em 31 de agosto de 2027.",
    "Les instances de la famille Q2 arrivent en fin de vie le 31 août 2027.",
    "Le istanze della famiglia Q2 raggiungono la fine vita il 31 agosto 2027.",
    "Die Instanzen der Familie Q2 erreichen ihr Lebensende am 31. August 2027.",
    "Q2 インスタンスファミリーは 2027年8月31日に提供終了となります。",
    "Q2 实例系列将于 2027年8月31日停止提供。",
    "Q2 인스턴스 패밀리는 2027년 8월 31일에 지원 종료됩니다.",
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_an_instance_family_end_of_life_under_a_retirement_code_is_an_end_of_support(sentence: str) -> None:
    notice = classify(HEALTH, None, f"Hello,\n\nAccount 604411738205 runs Quokka hosts on Q2.\n\n{sentence}\n\n"
                                    f"{RETIREMENT_CODE}\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-08-31"


def test_a_retirement_for_degraded_hardware_keeps_its_type() -> None:
    # (guard: the reader's own instance, retired for its host, names no family's end of life)
    notice = classify(HEALTH, None,
                      "Hello,\n\nThe hardware hosting your Quokka host i-0abc1234def567890 in account 604411738205 has "
                      "degraded. The instance is scheduled for retirement on April 20, 2027.\n\n"
                      f"{RETIREMENT_CODE}\n", date=MAR_4)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-04-20"


@pytest.mark.parametrize("sentence", [
    "On February 1, 2027, we announced that idle Quokka gateways will be charged an hourly fee starting 1 April 2027.",
    "Idle Quokka gateways will be charged an hourly fee starting 2027-04-01.",
    "Starting 1 April 2027, idle Quokka gateways will be charged an hourly fee.",
    "Quokka will begin to charge for idle gateways from 1 April 2027.",
], ids=["day-first", "iso", "date-first", "active"])
def test_a_charge_from_a_day_first_date_is_a_price_change(sentence: str) -> None:
    notice = classify(NO_REPLY, None, f"{sentence}\nThe Quokka pricing page has the details.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-04-01"


@pytest.mark.parametrize("body", [
    "This e-mail confirms that your subscription to \"Quokka Vault\" in AWS Marketplace is active for account "
    "604411738205.\n\nContract start: 03/04/2027\nAuto-renewal: 03/04/2028\n",
    "Este correo confirma que su suscripción a \"Quokka Vault\" en AWS Marketplace está activa.\n\n"
    "Inicio del contrato: 04/03/2027\nRenovación automática: 04/03/2028\n",
    "Este e-mail confirma que sua assinatura do produto \"Quokka Vault\" está ativa.\n\n"
    "Início do contrato: 04/03/2027\nRenovação automática: 04/03/2028\n",
    "Cet e-mail confirme que votre abonnement à « Quokka Vault » est désormais actif.\n\n"
    "Début du contrat : 04/03/2027\nRenouvellement automatique : 04/03/2028\n",
    "Questa e-mail conferma che il tuo abbonamento a \"Quokka Vault\" è attivo.\n\n"
    "Inizio del contratto: 04/03/2027\nRinnovo automatico: 04/03/2028\n",
    "Diese E-Mail bestätigt, dass Ihr Abonnement für „Quokka Vault“ jetzt aktiv ist.\n\n"
    "Vertragsbeginn: 04.03.2027\nAutomatische Verlängerung: 04.03.2028\n",
    "「Quokka Vault」のサブスクリプションは 2027年3月4日に有効になりました。\n\n契約終了日: 2028年3月3日\n",
    "您的訂閱已於 2027年3月4日 生效。\n\n產品 合約到期\nQuokka Vault 2028年3月3日\n",
    "「Quokka Vault」 구독이 2027년 3월 4일에 시작되었습니다.\n\n계약 종료일: 2028년 3월 3일\n",
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_subscription_confirmed_active_has_no_deadline_in_its_renewal(body: str) -> None:
    notice = classify(MARKETPLACE, "AWS Marketplace: Quokka Vault", body, date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_subscription_active_until_a_date_keeps_its_end() -> None:
    # (guard: an end to come, said of an active subscription)
    notice = classify(MARKETPLACE, "AWS Marketplace: Quokka Vault",
                      "We confirm that your subscription to \"Quokka Vault\" is active until April 30, 2027, when the "
                      "seller ends the product. Your access ends on April 30, 2027.\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-04-30"


@pytest.mark.parametrize("text", [
    "Quokka 3 的標準支援將於 2027 年 9 月 30 日結束。延伸支援會持續到 2028 年 9 月 30 日,此後網域會自動升級。",
    "Quokka 3 的标准支持将于 2027 年 9 月 30 日结束。延伸支援会持续到 2028 年 9 月 30 日，此后域会自动升级。",
    "Quokka 3 的標準支援將於 2027 年 9 月 30 日(週四)結束;延長支援將持續至 2028 年 9 月 30 日,之後將自動升級。",
], ids=["zh-tw", "zh-cn-mixed", "zh-tw-weekday"])
def test_an_extended_support_that_lasts_until_a_date_is_not_the_deadline(text: str) -> None:
    notice = classify(HEALTH, "Quokka 3 標準支援即將結束", f"您好:\n\n{text}\n\n帳戶: 604411738205\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


@pytest.mark.parametrize(("sentence", "ask"), [
    ("This message replaces the one of February 1, 2027, which announced the switch for March 20, 2027.",
     "Trust the new Quokka root before May 2, 2027."),
    ("Ce message remplace celui du 1er février 2027, qui annonçait la bascule pour le 20 mars 2027.",
     "Faites confiance à la nouvelle racine Quokka avant le 2 mai 2027."),
    ("Este mensaje reemplaza al del 1 de febrero de 2027, que anunciaba el cambio para el 20 de marzo de 2027.",
     "Confíe en la nueva raíz de Quokka antes del 2 de mayo de 2027."),
    ("Esta mensagem substitui a de 1 de fevereiro de 2027, que anunciava a troca para 20 de março de 2027.",
     "Confie na nova raiz do Quokka até 2 de maio de 2027."),
    ("Questo messaggio sostituisce quello del 1° febbraio 2027, che annunciava il passaggio per il 20 marzo 2027.",
     "Considerate attendibile la nuova radice Quokka entro il 2 maggio 2027."),
], ids=["en", "fr", "es", "pt", "it"])
def test_the_date_a_replaced_notice_announced_is_superseded(sentence: str, ask: str) -> None:
    notice = classify(HEALTH, "Quokka CA rotation", f"{sentence}\n\n{ask}\n\nAccount: 604411738205\n"
                                                    "Event type code: AWS_QUOKKA_CERTIFICATE_ROTATION\n", date=MAR_4)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-05-02"


def test_a_quarantined_key_used_from_unfamiliar_networks_is_a_suspicious_activity() -> None:
    notice = classify(NO_REPLY, "[Action Required] Suspicious activity in your AWS account",
                      "Hello,\n\nThe access key AKIAQUOKKAEXAMPLE7Q2 of account 604411738205 was used from "
                      "networks the account never used to start Quokka hosts in three Regions.\n\nWe have applied "
                      "the AWSCompromisedKeyQuarantineV3 policy to the user that owns the key. Please rotate the key "
                      "within 5 days of this message.\n", date=MAR_4)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_quarantined_key_published_in_a_public_repository_stays_the_exposed_key() -> None:
    # (guard: the key exposed, whatever the subject calls it)
    notice = classify(NO_REPLY, "[Action Required] Suspicious activity in your AWS account",
                      "Hello,\n\nThe access key AKIAQUOKKAEXAMPLE7Q2 of account 604411738205 appears in a public "
                      "GitHub repository.\n\nWe have applied the AWSCompromisedKeyQuarantineV3 policy to the user "
                      "that owns the key. Please rotate the key within 5 days of this message.\n", date=MAR_4)
    assert notice.notice_type == "security.exposed_credentials"
