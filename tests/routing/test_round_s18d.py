"""Session 18's fourth round, after the first runs of unseen91-94, in our own words (none of these sentences is in a
fixture): an issue date as a fact beside a due date, with dotted leaders before the colon; a Korean switch's start field
and the ask before it; a reply asked within two days or more; an account suspended, named with its id in parentheses;
what AWS found, said right after its date; "we ask you to" in four languages; a closed account's reopen period and its
closure date as a fact; "from then on"; how far a German maintenance may be deferred; "nach D"; a period after an
article; new IAM actions to add to policies; "daqui a N dias"; "Dal D" with a charge that starts; a no-action under a
condition."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize(("issued", "due"), [
    ("Data de emissão .......: 01/12/2026", "Vencimento ............: 21/12/2026"),
    ("Fecha de emisión ......: 01/12/2026", "Vencimiento ...........: 21/12/2026"),
    ("Date d'émission .......: 01/12/2026", "Échéance ..............: 21/12/2026"),
])
def test_an_issue_date_is_a_fact_beside_the_due_date(issued: str, due: str) -> None:
    body = f"A sua fatura está disponível.\n\n{issued}\nValor ..........: 120,00 EUR\n{due}\n"
    assert classify("invoicing@aws.com", "Fatura da Amazon Web Services", f"Olá,\n\n{body}").deadline == "2026-12-21"


def test_a_korean_switch_start_field_and_the_ask_before_it() -> None:
    body = ("서버 인증서가 교체됩니다.\n\n교체 시작    : 2027년 1월 12일(화) 오전 10:00 KST\n"
            "이전 인증서 만료 : 2027년 2월 20일(토) 오후 11:59 KST\n\n"
            "교체 시작일 전에 새 루트 CA를 신뢰 저장소에 추가해 주십시오.\n")
    assert classify(HEALTH, "[조치 필요] 인증서 교체", f"안녕하세요.\n\n{body}").deadline == "2027-01-12"


@pytest.mark.parametrize(("sentence", "kind", "expected"), [
    ("Please reply to this message within 72 hours with the steps you have taken.", "abuse.report", "2026-12-04"),
    # a reply within a day stays a response time (samples/18)
    ("Please reply to this message within 24 hours.", "abuse.report", None),
    ("El 30 de noviembre de 2026 detectamos actividad inusual. Responda al caso antes del viernes, 11 de diciembre de "
     "2026.", "security.suspicious_activity", "2026-12-11"),
    ("Nous vous demandons de mettre à jour vos clusters au plus tard le jeudi 7 janvier 2027. Les anciens clusters "
     "continueront de fonctionner jusqu'au 1er avril 2027.", "health.end_of_support", "2027-01-07"),
    ("On 2027-01-14 we will correct the check. From then on, calls that a Deny covers will fail.", "health.other",
     "2027-01-14"),
    ("Sie können die Wartung auf einen beliebigen Zeitpunkt bis spätestens 2027-01-30 verschieben. Die Wartung beginnt "
     "am 2027-01-16 um 22:00 UTC; die Instances werden neu gestartet.", "health.scheduled_maintenance", "2027-01-16"),
    ("Für Ihren Cache gilt: Das Update wird nach 2027-01-20T08:00:00Z automatisch installiert.", "health.other",
     "2027-01-20"),
    ("Si no se pone en contacto con nosotros dentro de los diez (10) días naturales siguientes a este aviso, "
     "suspenderemos su cuenta.", "security.suspicious_activity", "2026-12-11"),
    ("A migração automática começará daqui a 30 dias.", "health.end_of_support", "2026-12-31"),
    ("Dal 1° febbraio 2027 AWS inizierà ad addebitare i log consegnati, con una tariffa di 0,10 USD per GB.",
     "policy.change_notice", "2027-02-01"),
])
def test_dates_in_new_words(sentence: str, kind: str, expected: str | None) -> None:
    assert find_deadline(sentence, SENT, kind) == expected


def test_an_account_suspended_named_with_its_id_in_parentheses() -> None:
    body = ("Your Amazon Web Services account (Account ID ending in 7720) was suspended on November 30, 2026 because "
            "of an unpaid balance.\n\nTo reinstate it, pay the balance within 10 days of the date of this message.\n")
    notice = classify(GENERAL, None, f"Hello,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2026-12-11")


@pytest.mark.parametrize(("body", "expected"), [
    # (session 33: a written reopen date is no deadline either, as samples/08's 90 days are none; it kept the date here
    # before)
    ("La cuenta de AWS 330155290471 se cerró el 1 de diciembre de 2026. Puede reabrirla hasta el 1 de marzo de 2027; "
     "después, su contenido se eliminará.", None),
    # the closure's own date confirmed, and no reopen date written: no deadline
    ("Nous confirmons la fermeture de votre compte AWS le 1 décembre 2026. Pendant les 90 jours qui suivent, vous "
     "pouvez le rouvrir en contactant AWS Support.", None),
])
def test_a_closed_accounts_reopen_period(body: str, expected: str | None) -> None:
    assert classify(GENERAL, "Cuenta cerrada", f"Hola:\n\n{body}\n").deadline == expected


def test_new_iam_actions_to_add_to_policies_are_a_policy_change() -> None:
    body = ("AWS a mis à disposition de nouvelles actions IAM pour la console du service. Les actions historiques "
            "seront retirées le 1er mars 2027 ; ajoutez les nouvelles actions à vos politiques avant cette date.")
    assert classify(GENERAL, "Mettez à jour vos autorisations IAM", f"Bonjour,\n\n{body}\n").notice_type \
        == "policy.change_notice"


@pytest.mark.parametrize(("no_action", "expected"), [
    ("No action is required if you accept the new rate.", "2027-02-01"),
    ("No action is required.", None),
])
def test_a_no_action_under_a_condition_spares_only_some_readers(no_action: str, expected: str | None) -> None:
    body = f"Starting February 1, 2027, log group storage will be billed at a new rate.\n\n{no_action}\n"
    assert classify(HEALTH, "AWS Health Event", f"Hello,\n\n{body}").deadline == expected
