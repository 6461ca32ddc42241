"""Session 15's second round, after the first run of unseen51/52, in our own words (none of these sentences is in a
fixture): the account's security contact; exposed credentials named in a list of what AWS sends; an SES set-up that
failed; a Spanish billing "extracto"; information a case asks for "if we have it by D"; a Health issue that has been
resolved (and another sender's, which stays theirs); a phrase a plain-text mail's hard wrap split; an invoice that asks
to pay before the due date its field names."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import _DUE_ANAPHOR, _DUE_ANAPHOR_CUES, unwrap
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"


@pytest.mark.parametrize("body", [
    "AWS account 551209387718 has no security contact. AWS writes about security events, such as exposed credentials "
    "and abuse reports, to the root user and to that contact. We recommend that you add a security contact on the "
    "Account page, and that you also check the billing contact.",
    "La cuenta de AWS 551209387718 no tiene ningún contacto de seguridad. Le recomendamos que añada un contacto de "
    "seguridad en la página Cuenta y que revise también el contacto de facturación.",
    "Für das AWS-Konto 551209387718 ist kein Sicherheitskontakt hinterlegt. Wir empfehlen, einen Sicherheitskontakt "
    "hinzuzufügen und auch den Abrechnungskontakt zu prüfen.",
])
def test_a_missing_security_contact_is_a_security_notice(body: str) -> None:
    notice = classify(GENERAL, "Add a security contact to your AWS account", f"Hello,\n\n{body}\n")
    assert notice.notice_type == "security.other"


@pytest.mark.parametrize(("subject", "body"), [
    ("DKIM setup FAILURE for widgets.example in region Europe (Ireland)",
     "We could not verify the DKIM setup of widgets.example for Amazon SES in the last 72 hours: the CNAME records are "
     "not in your DNS. Add them and start the setup again."),
    ("Amazon SES: domain verification for widgets.example",
     "Amazon SES could not find the required TXT record for widgets.example. Add it to your DNS and start again."),
    ("Fehler bei der DKIM-Einrichtung für widgets.example",
     "Amazon SES konnte die CNAME-Einträge für widgets.example in den letzten 72 Stunden nicht finden."),
])
def test_an_ses_set_up_that_failed_is_a_verification_problem(subject: str, body: str) -> None:
    assert classify(GENERAL, subject, f"Hello,\n\n{body}\n").notice_type == "verification.other"


def test_a_spanish_billing_extract_is_a_statement() -> None:
    body = ("Saludos de Amazon Web Services:\n\nEl extracto de facturación de diciembre de 2026 ya está disponible.\n\n"
            "Cuenta vinculada: 551209387718\nCargos del periodo: USD 1.204,90\n")
    assert classify("invoicing@aws.com", "Extracto de facturación disponible", body).notice_type == "billing.statement"


@pytest.mark.parametrize("ask", [
    "Please tell us the instance types you need. If we receive this information by January 8, 2027, we can include "
    "your request in the next review.",
    "Indíquenos los tipos de instancia. Si recibimos esta información antes del 8 de enero de 2027, podremos incluir "
    "su solicitud en la próxima revisión.",
    "Bitte nennen Sie uns die Instanztypen. Wenn wir diese Informationen bis zum 8. Januar 2027 erhalten, können wir "
    "Ihre Anfrage in die nächste Prüfung aufnehmen.",
    "Indiquez-nous les types d'instance. Si nous recevons ces informations avant le 8 janvier 2027, nous pourrons "
    "inclure votre demande dans la prochaine revue.",
])
def test_information_a_case_asks_for_if_aws_has_it_by_a_date(ask: str) -> None:
    body = f"Hello,\n\nWe have updated your case 177093320146 (AWS account 551209387718).\n\n{ask}\n"
    notice = classify(GENERAL, "RE: [CASE 177093320146] Service Quotas: Widget units", body)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline == "2027-01-08"


@pytest.mark.parametrize("resolved", [
    "Between 02:10 and 04:45 UTC, invocations of Widget Scheduler schedules in eu-west-1 were delayed. The issue has "
    "been resolved and all delayed invocations were delivered.",
    "eu-west-1 리전에서 Widget Scheduler 일정의 호출 지연 문제가 발생했으며\n현재는 해결되었습니다.",
    "eu-west-1 リージョンで Widget Scheduler の呼び出しの遅延が発生しましたが、\n現在は解決しました。",
    "In eu-west-1 kam es zu Verzögerungen beim Aufruf von Widget-Scheduler-Zeitplänen. Das Problem wurde inzwischen "
    "behoben.",
])
def test_a_health_issue_that_has_been_resolved(resolved: str) -> None:
    notice = classify(HEALTH, None, f"Hello,\n\n{resolved}\n\nAWS account 551209387718.\n")
    assert notice.notice_type == "health.operational_issue"


def test_another_senders_resolved_issue_stays_theirs() -> None:
    body = ("Hello,\n\nThe bounce rate of your Amazon SES account 551209387718 in eu-west-1 is 9 %. Your account is "
            "under review. Once the issue has been resolved, we will lift the review.\n")
    assert classify(GENERAL, "Amazon SES sending review", body).notice_type == "ses.sending_review"


def test_a_phrase_a_hard_wrap_split_reads_whole() -> None:
    body = ("Hallo,\n\nwir haben festgestellt, dass der folgende Zugriffsschlüssel Ihres Kontos öffentlich\n"
            "einsehbar ist: AKIAZ7EXAMPLE3QK2RWX (Konto 551209387718).\n\n"
            "Bitte löschen Sie den Schlüssel und antworten Sie auf den zugehörigen Support-Fall. Wenn wir bis\n"
            "zum 12. Februar 2027 keine Rückmeldung erhalten, schränken wir den Zugriff auf Ihr Konto ein.\n")
    notice = classify(GENERAL, "Your AWS Access Key is exposed for AWS account 551209387718", body)
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.deadline == "2027-02-12"


def test_the_unwrap_keeps_offsets_titles_and_fields() -> None:
    text = ("a subject line that is long enough to look like a wrapped line of prose text\n"
            "body text that goes on for more than sixty characters before the line wraps\n"
            "here, then ends.\nscheduled start time: monday, january 14, 2027 at 03:00:00 utc+0000 (x)\n"
            "scheduled end time: monday, january 14, 2027 at 07:00:00 utc+0000\n")
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    assert unwrapped.split("\n")[0] == text.split("\n")[0]  # (the title's break stays)
    assert "wraps here, then ends." in unwrapped  # (the wrap inside a sentence is a space)
    assert "\nscheduled start time:" in unwrapped and "\nscheduled end time:" in unwrapped  # (fields stay lines)


@pytest.mark.parametrize(("ask", "field"), [
    ("As you pay by bank transfer, please pay before the due date shown below.", "Payment due date: March 3, 2027"),
    ("Como paga por transferencia bancaria, le pedimos que realice el pago antes de la fecha límite indicada.",
     "Fecha límite de pago: 3 de marzo de 2027"),
    ("Comme vous payez par virement, merci d'effectuer le paiement avant la date limite indiquée.",
     "Date limite de paiement : 3 mars 2027"),
    ("Da Sie per Überweisung zahlen, bitten wir Sie, bis zum Fälligkeitsdatum zu zahlen.",
     "Fälligkeitsdatum: 3. März 2027"),
    ("Como você paga por transferência, pedimos que faça o pagamento até a data de vencimento.",
     "Data de vencimento: 3 de março de 2027"),
])
def test_an_invoice_that_asks_to_pay_before_its_due_date(ask: str, field: str) -> None:
    body = (f"Hello,\n\nYour AWS invoice is available. {ask}\n\nInvoice number: INV27-0003918\n"
            f"Invoice date: February 1, 2027\nTotal: USD 4,812.35\n{field}\n\nAmazon Web Services\n")
    notice = classify("invoicing@aws.com", "Amazon Web Services Invoice Available [Account: 551209387718]", body)
    assert notice.notice_type == "billing.invoice"
    assert notice.deadline == date(2027, 3, 3).isoformat()


@pytest.mark.parametrize("ask", [
    "by the due date", "before the payment deadline", "antes de la fecha de vencimiento", "antes de la fecha límite",
    "até a data de vencimento", "antes da data limite", "avant la date d'échéance", "avant la date limite",
    "entro la scadenza", "entro la data di scadenza", "entro la data limite", "prima della data limite",
    "vor dem fälligkeitsdatum", "bis zum zahlungsziel", "期日までに", "期限までに", "截止日期前", "期限之前",
    "기한까지", "기한 내에",
    # (and the due-date branches routing.dateroles.BY_THEN reads too)
    "on or before the payment due date", "avant la date d'échéance", "antes de la fecha de vencimiento",
    "お支払期日までに", "缴款期限之前", "납부 기한 내에",
])
def test_every_ask_before_the_due_date_is_read_and_gated(ask: str) -> None:
    found = _DUE_ANAPHOR.search(f"bitte / please / {ask}.")
    assert found is not None
    assert any(cue in found.group(0) for cue in _DUE_ANAPHOR_CUES)  # (the literal test before the search holds)
