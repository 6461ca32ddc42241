"""Short deadline round on the unseen25/unseen26 batches (issue 12, item 3): routing/deadline.py.

Our own wordings (not those of any fixture set), one family each: the end of a probation or review period written
"al final del período …, el D" ("final" for "fin", a comma before the date's "on") in the languages where the family
has that form; the expiry date of what the mail offers when it asks the reader to act before it expires ("accept
the offer before it expires", "vor Ablauf", "antes de que caduque", "avant son expiration", "prima della scadenza"),
also when no rule asked a deadline of the mail's type; the end of the day by which ("bis zum Ablauf des D", "avant la
fin du D", "antes del final del D", "entro la fine del D", "até o final de D"); a relative deadline whose number is
repeated in digits ("within seven (7) days"); a Japanese past whose verb has its object before it ("D にアカウントを
停止しました": a fact, not the deadline); payment terms counted from the invoice date ("30 days from the invoice
date"), the invoice date read from its field."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

MAIL_DATE = date(2027, 1, 10)


@pytest.mark.parametrize(("text", "want"), [
    ("Si no corrige la tasa de quejas, no podrá enviar correo al final del período de revisión, el 9 de febrero de "
     "2027.", "2027-02-09"),
    ("Se a taxa não for corrigida, os envios param ao final do período de análise, em 9 de fevereiro de 2027.",
     "2027-02-09"),
    ("Sans correction, l'envoi sera bloqué à la fin de la période d'examen, le 9 février 2027.", "2027-02-09"),
    ("Senza correzioni, l'invio sarà bloccato alla fine del periodo di revisione, il 9 febbraio 2027.", "2027-02-09"),
    ("Ohne Korrektur wird der Versand am Ende des Prüfzeitraums, am 9. Februar 2027, gesperrt.", "2027-02-09"),
])
def test_end_of_period_with_comma_before_its_date(text: str, want: str) -> None:
    # (a date the mail names earlier, a fact, is not taken instead)
    assert find_deadline("Gemessen seit 3. Januar 2027 / medido desde el 3 de enero de 2027.\n" + text, MAIL_DATE,
                         "ses.sending_review") == want


@pytest.mark.parametrize(("subject", "body", "html", "want"), [
    ("Your private offer is ready", "Northwind Data sent your account a private offer.\n\nCreated: December 1, 2026\n"
     "Valid until: January 20, 2027\nTerm: February 1, 2027 to January 31, 2028\n\nOpen the Private offers page "
     "and accept the offer before it expires; afterwards the seller must send a new one.", False, "2027-01-20"),
    ("Privates Angebot", "<p>Northwind Data hat Ihnen ein privates Angebot gesendet.</p><table><tr><td>Erstellt am"
     "</td><td>01.12.2026</td></tr><tr><td>Gültig bis</td><td>20.01.2027</td></tr></table><p>Bitte nehmen Sie das "
     "Angebot vor Ablauf der Frist an.</p>", True, "2027-01-20"),
    ("Oferta privada", "Northwind Data le envió una oferta privada.\n\nVálida hasta el 20 de enero de 2027.\n\n"
     "Acéptela en la consola antes de que caduque.", False, "2027-01-20"),
    ("Offre privée", "Northwind Data vous a envoyé une offre privée.\n\nValable jusqu'au 20 janvier 2027.\n\n"
     "Acceptez-la dans la console avant son expiration.", False, "2027-01-20"),
    ("Offerta privata", "Northwind Data ti ha inviato un'offerta privata.\n\nScade il 20 gennaio 2027.\n\n"
     "Accettala nella console prima della scadenza.", False, "2027-01-20"),
])
def test_offer_expiry_the_reader_must_act_before(subject: str, body: str, html: bool, want: str) -> None:
    notice = classify("no-reply@marketplace.aws", subject, body, html)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == want


def test_offer_expiry_without_an_ask_stays_no_deadline() -> None:
    # an offer that only states when it lapses, no act asked before it: no deadline (the type asks none)
    notice = classify("no-reply@marketplace.aws", "Your private offer", "Northwind Data sent your account a private "
                      "offer.\n\nValid until: January 20, 2027\n\nThe offer details are in the console.")
    assert notice.deadline is None


@pytest.mark.parametrize("text", [
    "Bitte antworten Sie bis zum Ablauf des 15. Januar 2027, sonst sperren wir die Instanz.",
    "Bitte antworten Sie bis zum Ende des 15. Januar 2027.",
    "Merci de répondre avant la fin du 15 janvier 2027, faute de quoi l'instance sera arrêtée.",
    "Responda antes del final del 15 de enero de 2027; de lo contrario detendremos la instancia.",
    "Rispondi entro la fine del 15 gennaio 2027, altrimenti l'istanza verrà arrestata.",
    "Responda até o final de 15 de janeiro de 2027, caso contrário a instância será interrompida.",
])
def test_end_of_the_day_by_which(text: str) -> None:
    # (the date the report came in, a fact, is named first)
    assert find_deadline("Meldung vom 09.01.2027 / reçu le 9 janvier 2027.\n" + text, MAIL_DATE, "abuse.report") \
        == "2027-01-15"


@pytest.mark.parametrize(("text", "want"), [
    ("If we do not hear from you within seven (7) days, we will suspend the account.", "2027-01-17"),
    ("Please reply within ten (10) business days.", "2027-01-22"),
])
def test_relative_days_with_the_number_in_digits(text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, "security.suspicious_activity") == want


def test_japanese_past_with_an_object_is_a_fact() -> None:
    text = ("未払いのため、\n2027年1月10日 にサービスを停止しました。\n\n2027年2月10日 までにお支払いいただけない場合、"
            "アカウントは解約されます。")
    assert find_deadline(text, MAIL_DATE, "account.suspended") == "2027-02-10"


def test_payment_terms_counted_from_the_invoice_date() -> None:
    body = ("Your invoice INV-77 is ready.\n\nInvoice date: 4 January 2027\nAmount due: EUR 1,200.00\n"
            "Payment terms: 14 days from the invoice date, by bank transfer.\n\nPlease pay to the account below.")
    notice = classify("aws-billing@amazon.com", "Your AWS invoice INV-77", body)
    assert notice.deadline == "2027-01-18"  # (from the invoice date, not the mail's date 2026-12-01)


def test_payment_terms_without_an_invoice_date_give_none() -> None:
    assert find_deadline("Payment terms: 14 days from the invoice date.", MAIL_DATE, "billing.invoice") is None
