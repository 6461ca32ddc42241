"""Session 16's round, after the first runs of unseen55-58, in our own words (none of these sentences is in a fixture):
a date already passed when the mail was sent (a fact unless the mail asks an act by it or says what will happen then);
what AWS did on a date, written before it; what follows an unpaid balance; a period counted from this very mail; the
polite imperative of es/pt/it; a maintenance whose instances are stopped and started again; a retirement said with
"sarà arrestata" or a degraded hardware; "AWS will require" in other languages; a suspension whose charges "may come
from unauthorized use" only if the reader believes so; a Japanese time zone after the time; an ask before "the
effective date"; a change that takes effect in the present tense; identifiers moving to a new format; an associated
account beside its payer."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)  # mailbuild.DATE


@pytest.mark.parametrize("text", [
    # what began, happened or was scheduled on a date the mail was sent after
    "아시아 태평양(도쿄) 리전에서 2026년 11월 3일에 시작된 검토 기간이 종료되었습니다. 발신을 일시 중지했습니다.",
    "The maintenance of broker mq-billing scheduled for November 20, 2026 has been completed successfully.",
    "ユーザー deploy-bot のアクセスキーが 2026年11月28日 に公開リポジトリで見つかりました。",
    "The review period for your account began on November 2, 2026.",
])
def test_a_date_passed_when_the_mail_was_sent_is_no_deadline(text: str) -> None:
    assert find_deadline(text, SENT) is None


@pytest.mark.parametrize(("text", "expected"), [
    # an overdue ask, and what the mail says will happen on a passed date, stay
    ("Please pay invoice 7781 by November 25, 2026.", "2026-11-25"),
    ("After November 30, 2026 your instance will be stopped.", "2026-11-30"),
])
def test_a_passed_date_asked_by_or_still_to_happen_stays(text: str, expected: str) -> None:
    assert find_deadline(text, SENT) == expected


@pytest.mark.parametrize("body", [
    "We suspended your AWS account ending in 4410 on December 1, 2026, because the invoice of November 3, 2026 is "
    "unpaid.\n\nPay the balance on the Payments page. If we have not received the payment by January 5, 2027, we may "
    "close the account and delete its resources.",
    "Your AWS account 551209387718 is suspended because the balance for October 2026 has not been paid.\n\n"
    "If the balance is still unpaid on January 5, 2027, we will close the account.\n\n"
    "If you believe these charges result from unauthorized use of your account, contact AWS Support.",
])
def test_a_suspension_gives_the_date_the_account_will_be_closed(body: str) -> None:
    notice = classify(GENERAL, "Your AWS account has been suspended", f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2027-01-05")


def test_a_period_counted_from_this_mail_beats_a_field_of_another_date() -> None:
    body = ("ICANN requires that we confirm the registrant contact of cedar-books.example. Open the link below "
            "within 10 days of this message to confirm it:\n\nhttps://registrar.amazon.com/confirm?t=Zq82Lm01Pw\n\n"
            "Domain details:\nExpiration date: 2027-11-30\n")
    notice = classify("noreply@registrar.amazon.com", "Confirm the registrant contact of cedar-books.example", body)
    assert (notice.notice_type, notice.deadline) == ("verification.route53_registrant", "2026-12-11")


@pytest.mark.parametrize("ask", [
    "Envíe los formularios firmados a este caso dentro de los próximos 7 días naturales.",
    "Envie os formulários assinados para este caso dentro de 7 dias.",
    "Alleghi i moduli firmati a questo caso entro 7 giorni.",
])
def test_a_polite_imperative_asks_the_period(ask: str) -> None:
    notice = classify(GENERAL, "RE: [CASE 176655120398] Transferencia de la cuenta", f"Hola:\n\n{ask}\n\nSaludos\n")
    assert notice.deadline == "2026-12-08"


@pytest.mark.parametrize("body", [
    "Sus hosts dedicados de EC2 Mac tienen programado un mantenimiento entre el 10 de enero de 2027 a las 02:00 UTC y "
    "el 10 de enero de 2027 a las 06:00 UTC. Durante ese intervalo las instancias se detendrán y volverán a iniciarse.",
    "Nous avons programmé une maintenance de vos hôtes dédiés le 10 janvier 2027. Les instances seront arrêtées puis "
    "redémarrées pendant la fenêtre.",
])
def test_a_maintenance_that_stops_and_starts_instances_is_a_maintenance(body: str) -> None:
    assert classify(HEALTH, None, f"Hola,\n\n{body}\n").notice_type == "health.scheduled_maintenance"


@pytest.mark.parametrize("body", [
    "L'istanza i-0b1c2d3e4f5a6b7c8 sarà arrestata il 20 gennaio 2027 alle 09:00 UTC.",
    "Abbiamo rilevato un degrado dell'hardware che ospita l'istanza i-0b1c2d3e4f5a6b7c8.",
    "Hemos detectado una degradación del hardware que aloja la instancia i-0b1c2d3e4f5a6b7c8.",
])
def test_a_retirement_in_other_words(body: str) -> None:
    assert classify(HEALTH, None, f"Salve,\n\n{body}\n").notice_type == "health.instance_retirement"


@pytest.mark.parametrize("body", [
    "Desde el 1 de abril de 2027, AWS exigirá una llave de seguridad para el usuario raíz de cada cuenta.",
    "AWS passará a exigir uma chave de segurança para o usuário-raiz de cada conta em 1º de abril de 2027.",
    "À compter du 1er avril 2027, AWS exigera une clé de sécurité pour l'utilisateur racine de chaque compte.",
    "Dal 1° aprile 2027 AWS richiederà una chiave di sicurezza per l'utente root di ogni account.",
])
def test_aws_will_require_in_other_languages_is_a_policy_change(body: str) -> None:
    assert classify(GENERAL, None, f"Olá,\n\n{body}\n").notice_type == "policy.change_notice"


@pytest.mark.parametrize(("body", "expected"), [
    ("AWS Trust & Safety\n\n2027年1月8日（金）午後5時（日本時間）までに、調査結果をこのメールへの返信で"
     "お知らせください。",
     "2027-01-08"),
    ("2027년 1월 8일 오후 5시 (한국 시간)까지 이 메일에 회신해 주십시오.", "2027-01-08"),
])
def test_a_time_zone_named_after_the_time(body: str, expected: str) -> None:
    assert find_deadline(body, SENT) == expected


@pytest.mark.parametrize("body", [
    "The new price of USD 0.12 per GB applies from March 1, 2027.\n\nIf you do not want to pay it, cancel your "
    "subscription before the effective date.",
    "El nuevo precio de USD 0,12 por GB se aplica a partir del 1 de marzo de 2027.\n\nSi no desea pagarlo, cancele "
    "su suscripción antes de la fecha de entrada en vigor.",
    "新しい料金は 2027年3月1日 以降の使用分から適用されます。\n\n"
    "新しい料金を希望されない場合は、適用開始日の前日までに購読を解約してください。",
])
def test_an_ask_before_the_effective_date_makes_it_the_deadline(body: str) -> None:
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: price change", f"Hello,\n\n{body}\n")
    assert notice.deadline == "2027-03-01"


@pytest.mark.parametrize("body", [
    "The new billing permissions take effect on February 1, 2027. Users without them can no longer see invoices.",
    "Amazon EKS is moving the identifiers of its managed node groups to a new, longer format. Scripts that parse them "
    "may stop working.",
])
def test_a_change_said_otherwise_is_a_policy_change(body: str) -> None:
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "policy.change_notice"


@pytest.mark.parametrize("text", [
    "Conta associada: 551209387718\nConta pagadora: 902211334455\n",
    "Compte associé : 551209387718\nCompte payeur : 902211334455\n",
    "Associated account: 551209387718\nPayer account: 902211334455\n",
])
def test_an_associated_account_beside_its_payer_is_the_account(text: str) -> None:
    assert extract_identifiers("AWS Budgets", text).aws_account_id == "551209387718"
