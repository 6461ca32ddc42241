"""Session 36's rounds (61-62), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Round 61: a maintenance whose next sentence offers a restart "before that date" (pt, es, it, en) is dated by its
window, not by a date that sentence names as a condition ("channels restarted after D already have the update"); a
maintenance withdrawn, or tagged "[Cancelled]" in its subject, has no deadline. Round 62: a Support agent's reply
(a "RE: Case N:" subject, or the feedback line every reply ends with) that explains a retirement is the case's
correspondence; an account closed with its name in parentheses after its id; a Spanish suspension said reflexively
("se ha suspendido") or with the article ("hemos suspendido la cuenta"); the new date of a moved end of support in
Chinese and Japanese ("新的日期为 D", "新しい日付は D"), asked "before this day" (这一天之前); a planned lifecycle
event whose endpoint will present a certificate another authority issued, or whose root certificates are to be added
(fr, es, pt, it), and a subject that asks to update the certificates, is a certificate rotation."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
FEB_9 = format_datetime(datetime.fromisoformat("2027-02-09T08:30:00+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Manutenção programada do Amazon Quokka [Conta da AWS: 604411738205]",
     "O Amazon Quokka vai atualizar os seus nós.\n\nInício: a partir de quinta-feira, 11 de março de 2027, às "
     "03:00 UTC.\n\nSe preferir escolher a hora, reinicie cada nó antes dessa data; nós reiniciados depois de 20 de "
     "fevereiro de 2027 já têm a atualização.\n"),
    ("Mantenimiento programado de Amazon Quokka [Cuenta de AWS: 604411738205]",
     "Amazon Quokka actualizará sus nodos.\n\nInicio: a partir del jueves 11 de marzo de 2027, a las 03:00 UTC.\n\n"
     "Si prefiere elegir la hora, reinicie cada nodo antes de esa fecha; los nodos reiniciados después del 20 de "
     "febrero de 2027 ya tienen la actualización.\n"),
    ("Manutenzione programmata di Amazon Quokka [Account AWS: 604411738205]",
     "Amazon Quokka aggiornerà i suoi nodi.\n\nInizio: a partire da giovedì 11 marzo 2027 alle 03:00 UTC.\n\n"
     "Se preferisce scegliere l'ora, riavvii ogni nodo prima di tale data; i nodi riavviati dopo il 20 febbraio 2027 "
     "hanno già l'aggiornamento.\n"),
])
def test_a_restart_offered_before_that_date_dates_the_maintenance_by_its_window(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body, date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-11"


@pytest.mark.parametrize(("subject", "first"), [
    ("Amazon Quokka engine patch [AWS Account: 604411738205]",
     "The patch described below has been withdrawn: your nodes will not be patched on that date."),
    ("[Cancelled] Amazon Quokka engine patch [AWS Account: 604411738205]",
     "Your nodes will not be patched on the date below, and nothing is pending for them."),
])
def test_a_withdrawn_or_cancelled_maintenance_has_no_deadline(subject: str, first: str) -> None:
    notice = classify(HEALTH, subject, first + "\n\n> Amazon Quokka will patch your nodes during their maintenance "
                      "window on or after March 20, 2027.\n> You may apply the patch yourself before then.\n",
                      date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


# (guard: a maintenance that is scheduled, with the same patch words, keeps its date)
def test_a_scheduled_patch_keeps_its_date() -> None:
    notice = classify(HEALTH, "Amazon Quokka engine patch [AWS Account: 604411738205]",
                      "Amazon Quokka will patch your nodes during their maintenance window on or after March 20, "
                      "2027. You may apply the patch yourself before then.\n", date=FEB_9)
    assert notice.deadline == "2027-03-20"


NO_REPLY = "no-reply-aws@amazon.com"
_AGENT = ("Hello,\n\nThank you for contacting AWS about case 18830291734.\n\nThe Quokka console marks your agent as "
          "outdated because agents older than 4.2 are scheduled for retirement, with a retirement date of June 30, "
          "2028. Until then they keep working.\n\nBest regards,\nMika\nAmazon Web Services\n")


@pytest.mark.parametrize(("subject", "feedback"), [
    ("RE: Case 18830291734: Quokka agent shown as outdated [AWS Account: 604411738205]", ""),
    (None, "\nWe value your feedback. Please share your experience by rating this and other correspondences in the AWS "
           "Support Center.\n"),
])
def test_a_support_reply_that_explains_a_retirement_is_the_cases_correspondence(subject: str | None,
                                                                                feedback: str) -> None:
    notice = classify(NO_REPLY, subject, _AGENT + feedback, date=FEB_9)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline is None


# (guard: a retirement notice from the same sender, not a reply on a case, stays a retirement)
def test_a_retirement_notice_outside_a_case_stays_a_retirement() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nYour Amazon Quokka agents older than 4.2 are scheduled for "
                      "retirement, with a retirement date of June 30, 2028.\n", date=FEB_9)
    assert notice.notice_type != "support.case_correspondence"


def test_an_account_closed_with_its_name_after_its_id_is_closed() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nThis confirms that AWS account 6044 1173 8205 (quokka-sandbox) was "
                      "closed on February 8, 2027 at the request of its root user.\n", date=FEB_9)
    assert notice.notice_type == "account.closed"


@pytest.mark.parametrize(("subject", "body"), [
    ("Su cuenta de AWS 604411738205 se ha suspendido",
     "Estimado cliente:\n\nLa cuenta queda sin servicios hasta que recibamos el pago de Amazon Quokka.\n"),
    (None, "Estimado cliente:\n\nHemos suspendido la cuenta de AWS 604411738205 el 8 de febrero de 2027 porque sigue "
           "pendiente el pago de Amazon Quokka.\n"),
])
def test_a_spanish_suspension_said_reflexively_or_with_its_article(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_9)
    assert notice.notice_type == "account.suspended"


@pytest.mark.parametrize(("subject", "body"), [
    ("[更新] Amazon Quokka 支持终止日期延后 [AWS Account: 604411738205]",
     "您好：\n\n先前通知的支持终止日期已延后。新的日期为 2027年9月1日（星期三）：请在这一天之前迁移您的节点。\n\n"
     "> Amazon Quokka 节点将于 2027年6月30日 终止支持。\n"),
    ("[更新] Amazon Quokka サポート終了日の延期 [AWS Account: 604411738205]",
     "お客様各位\n\n以前にお知らせしたサポート終了日は延期されました。新しい日付は 2027年9月1日（水）です。\n\n"
     "> Amazon Quokka ノードのサポートは 2027年6月30日 に終了します。\n"),
])
def test_the_new_date_of_a_moved_end_of_support_in_chinese_and_japanese(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body, date=FEB_9)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-01"


_ROTATION_CODE = ("\n\nEvent ARN: arn:aws:health:eu-west-3::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
                  "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_0A1B2C3D\n")


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Quokka : point de terminaison hérité [Compte AWS : 604411738205]",
     "Ce point de terminaison présentera un certificat émis par Amazon Trust Services à compter du 14 juin 2027."),
    ("Amazon Quokka: punto de conexión heredado [Cuenta de AWS: 604411738205]",
     "Antes del 14 de junio de 2027, agregue los certificados raíz de Amazon Trust Services a sus dispositivos."),
    ("Amazon Quokka: endpoint legado [Conta da AWS: 604411738205]",
     "Este endpoint apresentará um certificado emitido pela Amazon Trust Services a partir de 14 de junho de 2027."),
    ("[Action requise] Mettez à jour les certificats de vos appareils Amazon Quokka [Compte AWS : 604411738205]",
     "Le point de terminaison hérité change le 14 juin 2027."),
])
def test_a_lifecycle_event_whose_endpoint_presents_a_new_authoritys_certificate_is_a_rotation(subject: str,
                                                                                             body: str) -> None:
    notice = classify(HEALTH, subject, body + _ROTATION_CODE, date=FEB_9)
    assert notice.notice_type == "health.certificate_rotation"


# (guard: a planned lifecycle event that names no certificate stays an end of support)
def test_a_lifecycle_event_without_a_certificate_stays_an_end_of_support() -> None:
    notice = classify(HEALTH, "Amazon Quokka : fin du support [Compte AWS : 604411738205]",
                      "La prise en charge de Quokka 1.x prend fin le 14 juin 2027." + _ROTATION_CODE, date=FEB_9)
    assert notice.notice_type == "health.end_of_support"
