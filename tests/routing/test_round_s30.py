"""Session 30's round, in our own words (none of these sentences is in a fixture): what the sentence after a date says
will happen then, in an elliptical passive; a closed account's post-closure period without its end date; the
confirmation of a subscription just accepted; the payer named in the second person; a deadline named anew ("before this
extended deadline"); a maintenance that makes a resource unavailable, in six languages; and an EC2 Dedicated Host's id,
which is no Organizations handshake."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETPLACE = "no-reply@marketplace.aws"
FEB_3 = format_datetime(datetime.fromisoformat("2027-02-03T09:30:00+00:00"))


# the next sentence says what happens then, its second participle without its "will be": no fact of the date
@pytest.mark.parametrize("after", [
    "After that time the node will be stopped and its volume detached.",
    "From then on the node will be shut down and the address released.",
    "On that date the node will be terminated and its storage wiped.",
])
def test_a_retirement_whose_next_sentence_says_what_then_happens(after: str) -> None:
    notice = classify(HEALTH, "[Retirement Notification] Amazon Quokka node retirement [AWS Account: 316402957718]",
                      "Hello,\n\nWe found a fault in the hardware under your Amazon Quokka node qk-4f1e. "
                      "Because of it, the node is scheduled for retirement on Tuesday, March 9, 2027 at 10:00 UTC.\n\n"
                      f"{after} Move the workload to a new node before that time.\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-03-09")


# a closed account's post-closure period without its end date: what the reader may still do (samples/08: none)
@pytest.mark.parametrize("period", [
    "Within 90 days after the closure you can still sign in to see old bills or ask AWS Support to reopen it.",
    "关闭后的 90 天内，您仍可以登录查看以往账单，或联系 AWS Support 重新打开该账户。",
    "Dentro de los 90 días posteriores al cierre, todavía puede iniciar sesión o pedir a AWS Support que la reabra.",
])
def test_a_closed_account_period_without_its_end_date_is_no_deadline(period: str) -> None:
    notice = classify(NO_REPLY, None, f"Hello,\n\nAWS account 316402957718 was closed today.\n\n{period}\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("account.closed", None)


# (session 33: nor with its reopen date written; it kept that date as a deadline before, as 11 early labels do, while
# samples/08 and every closed-account label written since the examiners label as the references do give none)
def test_a_closed_account_with_its_reopen_date_has_no_deadline() -> None:
    notice = classify(NO_REPLY, "Your AWS account has been closed",
                      "Hello,\n\nAWS account 316402957718 was closed today. You can ask AWS Support to reopen it until "
                      "May 4, 2027; after that date its content is deleted.\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("account.closed", None)


# the confirmation of a subscription just accepted: its term's end a year away is no date to act by
@pytest.mark.parametrize(("subject", "body"), [
    ("You accepted an AWS Marketplace offer",
     "Thank you for subscribing to Quokka Metrics (SaaS) with account 3164 0295 7718.\n\nContract: 12 months, "
     "auto-renewal on\nStart: 2027-02-03\nEnd: 2028-02-02\n\nTo finish the setup, open the seller's site."),
    ("Ha aceptado una oferta de AWS Marketplace",
     "Gracias por suscribirse a Quokka Metrics (SaaS) con la cuenta 3164 0295 7718.\n\nContrato: 12 meses, "
     "renovación automática\nInicio: 03/02/2027\nFin: 02/02/2028\n\nPara terminar la configuración, visite el sitio "
     "del vendedor."),
    ("Vous avez accepté une offre AWS Marketplace",
     "Merci pour votre abonnement à Quokka Metrics (SaaS) avec le compte 3164 0295 7718.\n\nContrat : 12 mois, "
     "renouvellement automatique\nDébut : 03/02/2027\nFin : 02/02/2028\n\nPour terminer la configuration, ouvrez le "
     "site du vendeur."),
])
def test_a_subscription_confirmation_has_no_deadline(subject: str, body: str) -> None:
    notice = classify(MARKETPLACE, subject, body, date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", None)


def test_a_subscription_that_renews_on_a_date_keeps_its_deadline() -> None:
    notice = classify(MARKETPLACE, "Your AWS Marketplace contract renews soon",
                      "Your contract for Quokka Metrics (SaaS), account 316402957718, renews automatically on "
                      "March 1, 2027. To stop the renewal, turn off auto-renewal before that date.", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-03-01")


# the payer named in the second person: the mail is about the member account that owns the reservation
@pytest.mark.parametrize("payer", [
    "Usage is invoiced to your management account 804417293560.",
    "The charges are billed to your management account 804417293560.",
    "Los cargos se han facturado a su cuenta de administración 804417293560.",
])
def test_the_payer_named_in_the_second_person_is_not_the_account(payer: str) -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka reservations expire in 30 days",
                      "Hello,\n\nThree Amazon Quokka reservations held by account 316402957718 expire on March 5, 2027."
                      f" {payer} Buy new reservations before they expire to keep the discount.", date=FEB_3)
    assert notice.aws_account_id == "316402957718"


def test_your_management_account_alone_is_still_the_readers() -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka reservations expire in 30 days",
                      "Hello,\n\nReservations of your management account 804417293560 expire on March 5, 2027.",
                      date=FEB_3)
    assert notice.aws_account_id == "804417293560"


# a deadline named anew, in the next sentence ("before this extended deadline")
@pytest.mark.parametrize("body", [
    "The date for replacing the legacy Amazon Quokka actions has passed. We are giving one last extension until"
    " March 22, 2027. Before this extended deadline, replace the old actions in your policies.",
    "The date for replacing the legacy Amazon Quokka actions has passed. We are giving one last extension until"
    " March 22, 2027. Please replace the old actions before this new deadline.",
    "La date de remplacement des anciennes actions d'Amazon Quokka est passée. Nous accordons une dernière "
    "prolongation jusqu'au 22 mars 2027. Avant cette nouvelle échéance, remplacez les anciennes actions dans "
    "vos stratégies.",
    "La fecha para reemplazar las acciones antiguas de Amazon Quokka ya pasó. Concedemos una última prórroga hasta el "
    "22 de marzo de 2027. Antes de este nuevo plazo, reemplace las acciones antiguas en sus políticas.",
])
def test_a_deadline_named_anew_in_the_next_sentence(body: str) -> None:
    notice = classify(NO_REPLY, "Important notice about Amazon Quokka permissions", f"Hello,\n\n{body}\n", date=FEB_3)
    assert notice.deadline == "2027-03-22"


# a maintenance that makes a resource unavailable, and lets the reader move it: its start, or the last day to move it
@pytest.mark.parametrize(("subject", "body", "dates"), [
    ("Mantenimiento programado de Amazon Quokka",
     "Inicio del mantenimiento: sábado, 20 de marzo de 2027, 02:00 UTC\n\nLos nodos de una zona estarán "
     "temporalmente no disponibles durante unos 15 minutos. Puede cambiar la ventana semanal hasta el 19 de marzo de "
     "2027.", ("2027-03-19", "2027-03-20")),
    ("Manutenção programada do Amazon Quokka",
     "Início da manutenção: sábado, 20 de março de 2027, 02:00 UTC\n\nOs nós de zona única ficarão indisponíveis por "
     "cerca de 15 minutos. Você pode alterar a janela semanal até 19 de março de 2027.", ("2027-03-19", "2027-03-20")),
    ("Maintenance planifiée d'Amazon Quokka",
     "Début de la maintenance : samedi 20 mars 2027, 02:00 UTC\n\nLes nœuds mono-zone seront indisponibles pendant "
     "environ 15 minutes. Vous pouvez modifier la fenêtre hebdomadaire jusqu'au 19 mars 2027.",
     ("2027-03-19", "2027-03-20")),
    ("Manutenzione pianificata di Amazon Quokka",
     "Inizio della manutenzione: sabato 20 marzo 2027, 02:00 UTC\n\nI nodi a zona singola resteranno non disponibili "
     "per circa 15 minuti. Può modificare la finestra settimanale entro il 19 marzo 2027.",
     ("2027-03-19", "2027-03-20")),
    ("Geplante Wartung für Amazon Quokka",
     "Beginn der Wartung: Samstag, 20.03.2027, 02:00 UTC\n\nKnoten in einer Zone werden etwa 15 Minuten lang nicht "
     "verfügbar sein. Sie können das wöchentliche Fenster bis zum 19.03.2027 ändern.", ("2027-03-19", "2027-03-20")),
    ("Amazon Quokka の定期メンテナンス",
     "メンテナンス開始: 2027年3月20日 (土) 02:00 UTC\n\nシングル AZ のノードは約 15 分間利用できなくなります。"
     "週次メンテナンスウィンドウは 2027年3月19日までに変更できます。", ("2027-03-19", "2027-03-20")),
])
def test_a_localized_maintenance_that_makes_a_resource_unavailable(subject: str, body: str,
                                                                  dates: tuple[str, ...]) -> None:
    notice = classify(HEALTH, f"{subject} [AWS Account: 316402957718]", body, date=FEB_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline in dates


def test_a_dedicated_host_id_is_no_handshake_id() -> None:
    notice = classify(HEALTH, "Amazon EC2 Dedicated Host retirement [AWS Account: 316402957718]",
                      "Your Dedicated Host h-0f3a9c1e7b2d45a68 is scheduled for retirement on March 9, 2027.",
                      date=FEB_3)
    assert notice.identifiers.get("handshake_id") is None


def test_an_organizations_handshake_id_is_still_read() -> None:
    notice = classify("no-reply@organizations.aws", "AWS Organizations invitation",
                      "Account 804417293560 invites your account to join its organization. Handshake ID: "
                      "h-qk7x2m9p4r1tz. The invitation expires on March 5, 2027.", date=FEB_3)
    assert notice.identifiers.get("handshake_id") == "h-qk7x2m9p4r1tz"


# a Support case AWS opened on behalf of the reader's account, AWS in the first person (round 42)
@pytest.mark.parametrize(("subject", "body"), [
    ("Case 177305918264 opened on behalf of AWS account 316402957718",
     "Hello,\n\nWe have opened case 177305918264 on behalf of your AWS account. We need the invoices of your Amazon "
     "Quokka usage; reply to the case by March 1, 2027."),
    ("Caso 177305918264", "Salve,\n\nabbiamo aperto il caso 177305918264 per conto del tuo account AWS 316402957718. "
     "Ci servono le fatture del tuo utilizzo di Amazon Quokka: rispondi al caso entro il 1° marzo 2027."),
    ("Caso 177305918264", "Hola:\n\nHemos abierto el caso 177305918264 en nombre de su cuenta de AWS 316402957718. "
     "Necesitamos las facturas de su uso de Amazon Quokka: responda al caso antes del 1 de marzo de 2027."),
    ("Caso 177305918264", "Olá,\n\nAbrimos o caso 177305918264 em nome da sua conta da AWS 316402957718. Precisamos "
     "das faturas do seu uso do Amazon Quokka: responda ao caso até 1º de março de 2027."),
    ("Dossier 177305918264", "Bonjour,\n\nNous avons ouvert le dossier 177305918264 au nom de votre compte AWS "
     "316402957718. Nous avons besoin des factures de votre utilisation d'Amazon Quokka : répondez au dossier avant le "
     "1er mars 2027."),
    ("Fall 177305918264", "Hallo,\n\nwir haben den Fall 177305918264 im Namen Ihres AWS-Kontos 316402957718 eröffnet. "
     "Wir benötigen die Rechnungen Ihrer Nutzung von Amazon Quokka: Antworten Sie bis zum 01.03.2027 auf den Fall."),
])
def test_a_case_aws_opened_on_behalf_of_the_account(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_3)
    assert notice.notice_type == "support.case_opened_by_aws"


# a Support case named "工单" (a ticket) in AWS's Chinese (round 42)
@pytest.mark.parametrize(("subject", "body"), [
    ("AWS Support 工单 977310582264 有新回复",
     "您好，\n\n您的 AWS Support 工单有新的回复。\n\n工单编号: 977310582264\n\n来自 AWS Support 的回复:\n"
     "我们已将 Amazon Quokka 的配额提高到 20。如果没有其他问题，本工单将在 7 天后自动解决。"),
    (None, "您好，\n\n您的 AWS Support 工單 977310582264 有新回覆。\n\n我們已將 Amazon Quokka 的配額提高到 20。"),
])
def test_a_chinese_support_ticket_reply_is_case_correspondence(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_3)
    assert notice.notice_type == "support.case_correspondence"
