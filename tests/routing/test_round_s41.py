"""Session 41's round, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 80: an invoice a colleague forwarded, named by a localized subject ("RV: Factura de Amazon Web Services
disponible … [ID de factura: …]"); a planned lifecycle event that announces a charge for what was free ("Starting D, …
will be charged"; es, pt, fr, it, de, ja, zh, ko) is a price change, an extended support charge still an end of
support; an open balance for which AWS "may suspend the account" is a suspension warning, a payment method to add or a
compromise's follow-up is not."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
COLLEAGUE = "l.moreno@contabilidad.example.org"
FEB_2 = format_datetime(datetime.fromisoformat("2027-02-02T01:15:00+00:00"))
ARN = ("arn:aws:health:eu-west-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
       "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_7E1A")


@pytest.mark.parametrize("subject", [
    "RV: Factura de Amazon Web Services disponible [Cuenta: 604411738205] [ID de factura: EUINES27-000412]",
    "ENC: Fatura da Amazon Web Services disponível [Conta: 604411738205]",
    "TR: Votre facture Amazon Web Services est disponible [ID de facture : EUINFR27-000412]",
    "I: La fattura di Amazon Web Services è disponibile",
    "WG: Ihre Rechnung von Amazon Web Services ist verfügbar [Rechnungs-ID: EUINDE27-000412]",
])
def test_an_invoice_a_colleague_forwarded_named_by_a_localized_subject(subject: str) -> None:
    notice = classify(COLLEAGUE, subject,
                      "Para el archivo.\n\n-------- Original --------\nAmazon Quokka: 61,20 EUR\nCuenta 604411738205\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.invoice"


def test_a_forwarded_mail_that_only_talks_of_an_invoice_is_not_one() -> None:
    # (guard: a question about an invoice, no invoice available)
    notice = classify(COLLEAGUE, "RV: pregunta sobre la factura de Quokka",
                      "¿Alguien sabe por qué la factura de Amazon Quokka subió este mes?\n", date=FEB_2)
    assert notice.notice_type != "billing.invoice"


@pytest.mark.parametrize("sentence", [
    "Starting March 15, 2027, Quokka snapshots will be charged per GB-month.",
    "From March 15, 2027, Quokka snapshots become a billed feature.",
    "A partir del 15 de marzo de 2027, se cobrarán las instantáneas de Quokka por GB y mes.",
    "A partir de 15 de março de 2027, os snapshots do Quokka passarão a ser cobrados por GB-mês.",
    "À compter du 15 mars 2027, les instantanés Quokka seront facturés au Go-mois.",
    "Dal 15 marzo 2027 gli snapshot di Quokka verranno addebitati per GB-mese.",
    "Ab dem 15. März 2027 werden Quokka-Snapshots pro GB-Monat in Rechnung gestellt.",
    "2027年3月15日から、Quokka スナップショットの課金が開始されます。",
    "自 2027年3月15日起，Quokka 快照将开始收费。",
    "2027년 3월 15일부터 Quokka 스냅샷에 요금이 부과됩니다.",
], ids=["en", "en-billed-feature", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_planned_lifecycle_event_that_announces_a_charge_is_a_price_change(sentence: str) -> None:
    notice = classify(HEALTH, None,
                      f"Hello,\n\nQuokka snapshots in account 604411738205 have been free so far.\n\n{sentence}\n\n"
                      f"Event ARN: {ARN}\n", date=FEB_2)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-03-15"


def test_an_extended_support_charge_stays_an_end_of_support() -> None:
    # (guard: the charge of a version past its standard support is that end of support)
    notice = classify(HEALTH, None,
                      "Hello,\n\nStandard support for Quokka engine 3 ends on March 15, 2027. Clusters still on it "
                      "after that date will be charged for extended support.\n\n"
                      f"Event ARN: {ARN}\n", date=FEB_2)
    assert notice.notice_type == "health.end_of_support"


def test_an_open_balance_for_which_aws_may_suspend_the_account() -> None:
    notice = classify(NO_REPLY, None,
                      "Hello,\n\nAccount: 6044-1173-8205\n\nWe tried to charge your card for the Quokka charges "
                      "of January 2027, USD 310.18, without success. This is our last reminder. Pay the balance by "
                      "February 20, 2027. If the balance is still open after that date, we may suspend the account.\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-02-20"


@pytest.mark.parametrize("body", [
    "Your account has no payment method yet. Add one by February 20, 2027. If none is added by then, we may "
    "suspend the account.",
    "Someone else may be using your account 604411738205 for Quokka. If the unauthorized usage has not stopped "
    "within five days, we will suspend the account so that no further charges build up.",
], ids=["payment-method", "compromise"])
def test_a_suspension_for_something_else_than_an_open_balance_is_no_suspension_warning(body: str) -> None:
    # (guards)
    notice = classify(NO_REPLY, None, f"Hello,\n\n{body}\n", date=FEB_2)
    assert notice.notice_type != "billing.suspension_warning"
