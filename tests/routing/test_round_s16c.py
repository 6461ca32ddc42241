"""Session 16's third round, after the first runs of unseen63-66, in our own words (none of these sentences is in a
fixture): reservations no longer sold before a retirement; a subscription that "remains active until" its end, asked
"before the subscription ends"; a day-first numeric date in an English invoice, and its aligned field colon; what AWS
"will bill" from a date; new IP address ranges; increased packet drops and a service "operating normally"; a case
received "bien"; a paying account beside the linked one; a switch date's field in Portuguese, a weekday after a
window's colon; the Korean standard time after a time."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize("body", [
    "Beginning March 1, 2027, you can no longer purchase Reserved Instances or Savings Plans for P3 instances. P3 "
    "instances will be retired on June 30, 2027.",
    "A partir de 01/03/2027 não será mais possível comprar Instâncias Reservadas para P3. As instâncias P3 serão "
    "desativadas em 30/06/2027. Conclua a migração até essa data.",
])
def test_reservations_no_longer_sold_leave_the_retirement_date(body: str) -> None:
    notice = classify(HEALTH, "Amazon EC2 P3 end of life", f"Hello,\n\n{body}\n")
    assert notice.deadline == "2027-06-30"


def test_an_ask_before_the_subscription_ends_takes_the_date_it_stays_active_until() -> None:
    body = ("The seller has deprecated the product your account 551209387718 subscribes to. Your subscription remains "
            "active until May 31, 2027. After May 31, 2027, the product can no longer be launched.\n\n"
            "Choose another product and update your deployments before the subscription ends.")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: product deprecated", f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-05-31")


@pytest.mark.parametrize("due", ["Payment Due Date    : 05-01-2027", "Payment due date: 05.01.2027"])
def test_a_day_first_date_of_an_english_invoice(due: str) -> None:
    body = (f"Invoice Date        : 02-12-2026\nAmount Due          : INR 12,400.00\n{due}\n\n"
            "Please pay by bank transfer and quote the invoice number.")
    notice = classify("invoicing@aws.com", "Amazon Web Services Invoice Available [Account: 551209387718]",
                      f"Greetings from Amazon Web Services,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", "2027-01-05")


@pytest.mark.parametrize("body", [
    "AWS Step Functions will bill state transitions of Express workflows per request, starting February 1, 2027. "
    "Until then, they stay free of charge.",
    "Starting April 1, 2027, Route 53 health checkers will also send requests from new IP address ranges. Update "
    "your allow lists before then.",
    "A partire dal 1° aprile 2027 i controllori dello stato invieranno le richieste anche da nuovi intervalli di "
    "indirizzi IP.",
])
def test_a_change_of_billing_or_addresses_is_a_policy_change(body: str) -> None:
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "policy.change_notice"


def test_increased_packet_drops_that_were_resolved_are_an_operational_issue() -> None:
    body = ("Between 3:10 AM and 4:55 AM PST on November 30, 2026, AWS Transit Gateway attachments in us-west-2 saw "
            "increased packet drops. The service is operating normally again.")
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "health.operational_issue"


def test_a_case_received_well_is_opened() -> None:
    body = "Nous avons bien reçu votre demande d'assistance. Votre numéro de dossier est 17722004410.\n"
    notice = classify(GENERAL, "Dossier 17722004410 : demande reçue", f"Bonjour,\n\n{body}")
    assert notice.notice_type == "support.case_opened"


def test_a_paying_account_beside_the_linked_one() -> None:
    text = "Linked account: 5512 0938 7718 (staging)\nPaying account: 9022 1133 4455\n"
    assert extract_identifiers("Your Amazon Web Services Statement", text).aws_account_id == "551209387718"


@pytest.mark.parametrize(("text", "expected"), [
    ("Data da substituição: terça-feira, 9 de março de 2027\nValidade do certificado atual: até 22/08/2027\n\n"
     "Atualize o repositório de confiança dos clientes antes da data da substituição.", "2027-03-09"),
    ("Finestra di manutenzione: martedì 9 febbraio 2027, dalle 02:00 alle 06:00\n\nSe desidera spostare la finestra, "
     "modifichi l'impostazione prima dell'inizio della finestra.", "2027-02-09"),
    ("2027년 1월 11일 18시(한국 표준시)까지 이 이메일에 회신해 주십시오.", "2027-01-11"),
])
def test_fields_and_times_of_localized_mail(text: str, expected: str) -> None:
    assert find_deadline(text, SENT, "health.certificate_rotation" if "substitui" in text
                         else "health.scheduled_maintenance" if "manutenzione" in text else "abuse.report") == expected


@pytest.mark.parametrize(("table", "expected"), [
    ("+---------------------+---------------------------+---------------------------+\n"
     "| Instance            | Window start              | Window end                |\n"
     "+---------------------+---------------------------+---------------------------+\n"
     "| i-0a1b2c3d4e5f60718 | 2027-01-12 03:00 UTC      | 2027-01-12 05:00 UTC      |\n"
     "+---------------------+---------------------------+---------------------------+\n", "2027-01-12"),
    ("| Instancia | Inicio de la ventana | Fin de la ventana |\n"
     "|-----------|----------------------|-------------------|\n"
     "| i-0a1b2c3 | 2027-01-14 03:00 UTC | 2027-01-14 05:00 UTC |\n"
     "| i-0a1b2c4 | 2027-01-13 03:00 UTC | 2027-01-13 05:00 UTC |\n", "2027-01-13"),
])
def test_a_reboot_window_given_only_in_a_plain_text_tables_columns(table: str, expected: str) -> None:
    body = (f"Your instances are scheduled for a system reboot during the maintenance of their host.\n\n{table}\n"
            "You can reschedule the event in the EC2 console until 2027-02-20.")
    assert classify(HEALTH, "Scheduled maintenance", f"Hello,\n\n{body}\n").deadline == expected
