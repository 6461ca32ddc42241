"""Session 36's rounds (61-62), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Round 61: a maintenance whose next sentence offers a restart "before that date" (pt, es, it, en) is dated by its
window, not by a date that sentence names as a condition ("channels restarted after D already have the update"); a
maintenance withdrawn, or tagged "[Cancelled]" in its subject, has no deadline. Round 62: a Support agent's reply
(a "RE: Case N:" subject, or the feedback line every reply ends with) that explains a retirement is the case's
correspondence; an account closed with its name in parentheses after its id; a Spanish suspension said reflexively
("se ha suspendido") or with the article ("hemos suspendido la cuenta"); the new date of a moved end of support in
Chinese and Japanese ("新的日期为 D", "新しい日付は D"), asked "before this day" (这一天之前); a planned lifecycle
event whose endpoint will present a certificate another authority issued, or whose root certificates are to be added
(fr, es, pt, it), and a subject that asks to update the certificates, is a certificate rotation. Round 63: a subject
that asks to update permissions by a date, also from a marketing sender, is a policy change with that date; a Chinese
subject that says the account is about to be suspended makes an overdue balance a suspension warning; the linked account
beside a management account named in parentheses; a reply on a case numbered in the subject, tagged with the account
("RE:[CASE N] … [AWS ID N]"), is the case's correspondence, not abuse; a case AWS opened, in Korean and Chinese word
orders; an approval link to open within hours (zh) is no deadline, while days to verify an address stay one; a new
reply on a case named in a Spanish subject. Round 64: the instances' planned retirement named in a localized subject;
a host "whose hardware is failing"; a change to how AWS sends its billing e-mails, also from a marketing sender; the
date a French bill was issued ("émise le D") is a fact; an update the reader may apply themself by a date, in German
("bis zum D selbst … einspielen"); a period looked back on ("過去 7 天內的投訴率") is no deadline."""

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


MARKETING = "aws-marketing-email-replies@amazon.com"


def test_a_subject_that_asks_to_update_permissions_by_a_date_is_a_policy_change() -> None:
    notice = classify(MARKETING, "Update your Amazon Quokka console permissions by April 12, 2027",
                      "Amazon Quokka is moving to finer-grained IAM actions, effective April 12, 2027. Attach the new "
                      "managed policy to the roles that open the console.\n", date=FEB_9)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-04-12"


# (guard: a marketing mail that names permissions without a date to update them by stays marketing)
def test_a_newsletter_about_permissions_stays_marketing() -> None:
    notice = classify(MARKETING, "Five ways to review your Amazon Quokka permissions",
                      "Read our new guide to least-privilege access in Amazon Quokka.\n", date=FEB_9)
    assert notice.notice_type == "marketing.newsletter"


RECEIVABLES = "aws-receivables-support@email.amazon.com"


def test_a_chinese_subject_about_to_suspend_makes_an_overdue_balance_a_warning() -> None:
    notice = classify(RECEIVABLES, "您的 AWS 帳戶 604411738205 即將被暫停",
                      "您好：\n\n您的 AWS 帳戶 604411738205 有一筆逾期未付的款項（Amazon Quokka）。\n\n"
                      "請於 2027年2月20日之前完成付款。\n", date=FEB_9)
    assert notice.notice_type == "billing.suspension_warning"


COST = "no-reply@costanomalydetection.amazonaws.com"


def test_the_linked_account_beside_a_management_account_in_parentheses() -> None:
    notice = classify(COST, "AWS Cost Anomaly Detection: 1 new anomaly",
                      "Monitor: quokka-org (management account 604411738205)\n"
                      "Linked account with the anomaly: 318822460917 (quokka-lab)\nService: Amazon Quokka\n",
                      date=FEB_9)
    assert notice.aws_account_id == "318822460917"


def test_a_reply_on_a_case_tagged_with_the_account_is_correspondence_not_abuse() -> None:
    notice = classify(NO_REPLY, "RE:[CASE 18830291734] Quokka indiqué comme obsolète [AWS ID 604411738205]",
                      "Bonjour,\n\nVous nous avez demandé pourquoi Amazon Quokka apparaît comme obsolète. Vous pouvez "
                      "répondre dans ce dossier.\n", date=FEB_9)
    assert notice.notice_type == "support.case_correspondence"


# (guard: an abuse report tagged the same way stays one)
def test_an_abuse_report_tagged_with_the_account_stays_abuse() -> None:
    notice = classify(NO_REPLY, "RE:[CASE 18830291734] Quokka [AWS ID 604411738205]",
                      "Hello,\n\nWe have received a report that your Quokka instance is sending spam.\n", date=FEB_9)
    assert notice.notice_type == "abuse.report"


@pytest.mark.parametrize("body", [
    "안녕하세요,\n\nAWS가 계정 604411738205 에 대해 지원 사례 18830291734 를 열었습니다.\n",
    "您好，\n\nAWS 账户 604411738205 的一个支持案例已由 AWS 代表您创建。\n\n案例编号：18830291734\n",
])
def test_a_case_aws_opened_in_korean_and_chinese_word_orders(body: str) -> None:
    notice = classify(NO_REPLY, None, body + "Amazon Quokka\n", date=FEB_9)
    assert notice.notice_type == "support.case_opened_by_aws"


# (guard: a Korean case opened at the reader's request stays the reader's own case)
def test_a_korean_case_opened_at_the_readers_request_is_not_opened_by_aws() -> None:
    notice = classify(NO_REPLY, None, "안녕하세요,\n\nAWS에서 고객님의 요청에 따라 지원 사례 18830291734 를 "
                      "생성했습니다.\n", date=FEB_9)
    assert notice.notice_type != "support.case_opened_by_aws"


CERTIFICATES = "no-reply@certificates.amazon.com"


def test_an_approval_link_to_open_within_hours_is_no_deadline() -> None:
    notice = classify(CERTIFICATES, None, "您好：\n\n有人请求为 quokka.example 签发证书。\n\n如需批准，请在 72 小时内"
                      "访问以下链接：\nhttps://eu-west-1.certificates.amazon.com/approvals?code=q1&context=q2\n",
                      date=FEB_9)
    assert notice.notice_type == "verification.acm_approval"
    assert notice.deadline is None


def test_a_new_reply_on_a_case_named_in_a_spanish_subject_is_correspondence() -> None:
    notice = classify(NO_REPLY, "Hay una nueva respuesta en su caso de soporte 18830291734",
                      "Hola:\n\nLas versiones antiguas de Amazon Quokka figuran como obsoletas desde el 8 de enero de "
                      "2027 y dejarán de recibir soporte el 30 de septiembre de 2027.\n",
                      date=FEB_9)
    assert notice.notice_type == "support.case_correspondence"



def test_the_planned_retirement_of_instances_in_a_french_subject() -> None:
    notice = classify(HEALTH, "[Action requise] Retrait planifié d'instances Amazon Quokka [Compte AWS : 604411738205]",
                      "Bonjour,\n\nLe matériel hôte de vos instances Amazon Quokka se dégrade. À compter du mardi 9 "
                      "mars 2027, ces instances seront arrêtées, car le matériel sera retiré.\n", date=FEB_9)
    assert notice.notice_type == "health.instance_retirement"


def test_a_host_whose_hardware_is_failing_is_a_retirement() -> None:
    notice = classify(NO_REPLY, None, "Hello,\n\nOne of your Amazon Quokka nodes runs on a host whose hardware is "
                      "failing. The host will be shut down at 12:00 GMT on 2027-03-03.\n", date=FEB_9)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-03-03"


def test_a_change_to_how_aws_sends_its_billing_mail_is_a_policy_change() -> None:
    notice = classify(MARKETING, "Changes to how you receive Amazon Quokka billing e-mails",
                      "Starting March 15, 2027, e-mails about Amazon Quokka billing will be sent through the AWS User "
                      "Notifications service. You do not need to do anything.\n", date=FEB_9)
    assert notice.notice_type == "policy.change_notice"


def test_the_date_a_french_bill_was_issued_is_a_fact() -> None:
    notice = classify(NO_REPLY, "Échec du paiement pour le compte AWS 604411738205",
                      "Bonjour,\n\nNous n'avons pas pu débiter la carte Visa se terminant par 4411 pour la facture du "
                      "mois de janvier 2027 (émise le 9 février 2027, 212,40 EUR).\n\nMotif indiqué par la banque : "
                      "carte expirée.\n\nCompte concerné : 604411738205\n", date=FEB_9)
    assert notice.notice_type == "billing.payment_failed"
    assert notice.deadline is None


def test_an_update_the_reader_may_apply_by_a_date_in_german() -> None:
    notice = classify(HEALTH, "[Aktion erforderlich] Betriebssystem-Update für Amazon Quokka [AWS-Konto: 604411738205]",
                      "Hallo,\n\nSie können das Update bis zum Sonntag, 14.03.2027, selbst über die Konsole "
                      "einspielen. Danach aktualisiert Quokka die Instances im nächsten Wartungsfenster.\n", date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-14"



def test_a_period_looked_back_on_is_no_deadline() -> None:
    notice = classify(NO_REPLY, "Amazon SES 帳戶審查通知 - AWS 帳戶 604411738205",
                      "您好：\n\n您的 Amazon SES 帳戶目前正接受審查。截至 2027年2月8日，過去 7 天內的投訴率為 0.48%。"
                      "\n\n請儘快找出原因並加以改正（Amazon Quokka）。\n", date=FEB_9)
    assert notice.notice_type == "ses.sending_review"
    assert notice.deadline is None
