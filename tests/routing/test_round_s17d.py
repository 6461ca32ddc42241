"""Session 17's fourth round, after the first runs of unseen79-82, in our own words (none of these sentences is in a
fixture): new reservations or new resources that can no longer be bought or created first; a French due date
("Échéance le D"); a Korean welcome subject; German written without umlauts ("spaetestens am"); images a service will
retire; auto-renewal turned off, as a field; a linked account's field qualified by a few words beside its payer's;
what to report "by D" ("the actions you took", "how it was placed"); a page that will show new prices from a date; a
payment method AWS could not verify beside its card's expiry; a Marketplace product's end of service; a window given
only in the columns of a table aligned with spaces."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MARKETPLACE = "no-reply@marketplace.aws"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize("body", [
    "A partir de 1º de fevereiro de 2027, não será mais possível comprar novas Instâncias Reservadas para D2. "
    "As instâncias D2 serão aposentadas em 30 de junho de 2027; migre até essa data.",
    "From February 1, 2027 onward, creating a new legacy dashboard will no longer be possible. On June 30, 2027, "
    "legacy dashboards will be retired; move them before that date.",
])
def test_what_can_no_longer_be_bought_or_created_comes_first(body: str) -> None:
    assert classify(HEALTH, "[AWS Health] End of life", f"Hello,\n\n{body}\n").deadline == "2027-06-30"


def test_a_french_due_date() -> None:
    body = ("Votre facture Amazon Web Services est disponible.\n\nDate de facture : 01/12/2026\n"
            "Montant dû : 120,00 EUR\nÉchéance le 15/01/2027 (virement bancaire)\n")
    notice = classify("invoicing@aws.com", "Facture Amazon Web Services disponible", f"Bonjour,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", "2027-01-15")


def test_a_korean_welcome_subject() -> None:
    body = "AWS 계정이 준비되었습니다. 프리 티어로 12개월 동안 일부 서비스를 무료로 사용하실 수 있습니다."
    notice = classify(GENERAL, "AWS에 오신 것을 환영합니다", f"안녕하세요.\n\n{body}\n")
    assert notice.notice_type == "onboarding.welcome"


def test_german_written_without_umlauts() -> None:
    text = ("Bitte begleichen Sie den offenen Betrag spaetestens am 15.12.2026. Andernfalls kann das Konto gesperrt "
            "werden.")
    assert find_deadline(text, SENT, "billing.suspension_warning") == "2026-12-15"


def test_images_a_service_will_retire() -> None:
    body = ("Amazon SageMaker Studio Lab will retire the notebook images based on Python 3.8 on March 31, 2027. Before "
            "that date, move your projects to the Python 3.12 image.")
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "health.end_of_support"


@pytest.mark.parametrize(("renewal", "expected"), [
    ("Auto-renewal Off", None),
    # (renewing: the contract's last day, the one to turn renewal off by; "turn auto-renewal off" is no field)
    ("Auto-renewal: On\n\nYou can turn auto-renewal off until the renewal date", "2027-02-28"),
])
def test_auto_renewal_turned_off_as_a_field(renewal: str, expected: str | None) -> None:
    body = (f"Agreement ID agmt-1a2b3c\n\nContract start March 1, 2026\n\nContract end February 28, 2027\n\n"
            f"{renewal}\n\n"
            "Renewal date March 1, 2027\n")
    assert classify(MARKETPLACE, "Your AWS Marketplace subscription", f"Hello,\n\n{body}").deadline == expected


def test_a_qualified_linked_account_field_beside_the_payer() -> None:
    text = ("Linked account covered by this budget: 5512 0938 7718\n"
            "Payer account (consolidated billing): 9022 1133 4455\n")
    assert extract_identifiers("AWS Budgets: alert", text).aws_account_id == "551209387718"


def test_what_to_report_by_a_date_is_no_fact() -> None:
    text = ("Please remove the content, investigate how it was uploaded, and reply with the steps you took by "
            "December 9, 2026.")
    assert find_deadline(text, SENT, "abuse.report") == "2026-12-09"


def test_a_page_that_will_show_new_prices_from_a_date() -> None:
    body = ("Effective June 1, 2027, Amazon Detective will be billed per GB ingested at the new rate. The new prices "
            "will also appear on https://aws.amazon.com/detective/pricing/ starting January 5, 2027.")
    assert classify(GENERAL, "Upcoming price change for Amazon Detective", f"Hello,\n\n{body}\n").deadline \
        == "2027-06-01"


def test_a_payment_method_not_verified_beside_its_cards_expiry() -> None:
    body = ("non siamo riusciti a verificare il metodo di pagamento del suo account, una carta che termina con 4410 e "
            "scade il 03/2027. Aggiorni il metodo di pagamento entro 10 giorni dalla data di questo messaggio.")
    notice = classify(GENERAL, "Avviso relativo all'account", f"Gentile cliente,\n\n{body}\n")
    assert notice.notice_type == "billing.payment_method_unverified"


def test_the_end_of_service_of_a_marketplace_product() -> None:
    body = ("Il venditore ha ritirato il prodotto. Il tuo abbonamento resta attivo fino alla data di fine del "
            "servizio.\n\n"
            "  Inizio contratto:   1 marzo 2026\n  Fine del servizio:  lunedì 1 marzo 2027\n")
    assert classify(MARKETPLACE, "Un prodotto è stato ritirato", f"Ciao,\n\n{body}").deadline == "2027-03-01"


@pytest.mark.parametrize(("table", "expected"), [
    ("  Node          Window opens (UTC)         Window closes (UTC)\n"
     "  ------------  -------------------------  -------------------------\n"
     "  node-a        Thu 17 Dec 2026, 02:00     Thu 17 Dec 2026, 04:00\n"
     "  node-b        Tue 15 Dec 2026, 02:00     Tue 15 Dec 2026, 04:00\n", "2026-12-15"),
    ("  Node          Patched on                 Next review\n"
     "  ------------  -------------------------  -------------------------\n"
     "  node-a        Thu 26 Nov 2026            Thu 17 Jun 2027\n", None),
])
def test_a_window_given_only_in_the_columns_of_a_table_aligned_with_spaces(table: str, expected: str | None) -> None:
    body = (f"A host software update is required for the nodes of your cluster; each node restarts in its window.\n\n"
            f"{table}")
    assert classify(HEALTH, "Amazon DAX planned maintenance", f"Hello,\n\n{body}\n").deadline == expected
