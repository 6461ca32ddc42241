"""Type and account-id round on the batches unseen25/unseen26 (issue 12, items 1, 2 and 4): routing/identifiers.py and
routing/data/notices.yaml.

Our own wordings (not those of any fixture set), one family each: the seller's account on the seller's row of an offer
(never the reader's), an account id in a plain-text table drawn with box-drawing or ASCII rules; and the types: a
failed payment whose charges "may come from unauthorized use" only if they are not the reader's, someone else using
the account (no subject), an Italian warning that an account "potrebbe essere sospeso" (a warning, not a suspension),
a root sign-in from an IP address never seen (no subject), the reader's own payment terms changed (billing)."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"


@pytest.mark.parametrize(("body", "html"), [
    ("<table><tr><td>Vendor</td><td>Fabrikam Data Ltd., AWS account 4410 2287 9031</td></tr>"
     "<tr><td>Subscriber account</td><td>6120 3390 4471</td></tr></table>", True),
    ("Seller    Northwind Tools, account 441022879031\nBuyer account    612033904471\n", False),
    ("Verkäufer   Fabrikam GmbH, AWS-Konto 4410-2287-9031\nKäuferkonto 6120-3390-4471\n", False),
    ("Vendedor: Fabrikam S.L., cuenta de AWS 441022879031\nCuenta compradora: 612033904471\n", False),
])
def test_an_account_on_the_sellers_row_is_not_the_readers(body: str, html: bool) -> None:
    notice = classify("no-reply@marketplace.aws", "A private offer is ready for you", body, html)
    assert notice.aws_account_id == "612033904471"


@pytest.mark.parametrize("table", [
    "╔═══════════════╦════════════════╗\n║ AWS account   ║ 5093 1187 2264 ║\n║ Amount        ║ USD 250.00     ║\n"
    "╚═══════════════╩════════════════╝",
    "┌──────────────┬────────────────┐\n│ Account ID   │ 509311872264   │\n└──────────────┴────────────────┘",
    "| Account      | 5093-1187-2264 |\n|--------------|----------------|\n| Amount       | USD 250.00     |",
])
def test_an_account_in_a_plain_text_table(table: str) -> None:
    notice = classify(NO_REPLY, "Credits were added", f"Credits were added.\n\n{table}\n\nThe management account "
                      "7720 1184 3390 controls how credits are shared.\n")
    assert notice.aws_account_id == "509311872264"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account is past due", "We were unable to charge your Visa for the invoice of May 2, 2027, and the "
     "balance of account 4470 1123 9905 is now past due. Please pay it by May 20, 2027. If these charges are not "
     "yours, they may come from unauthorized use of your account: review your resources."),
    (None, "Your bank declined the payment for invoice 88120. If the charges are not recognized, unauthorized usage "
     "in your AWS account could be the cause; contact us."),
])
def test_a_failed_payment_that_may_come_from_unauthorized_use_is_the_payment(subject: str | None, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "billing.payment_failed"


@pytest.mark.parametrize(("subject", "body"), [
    (None, "Dear customer, we still see signs that someone else is using your AWS account 4470 1123 9905. If the "
     "unauthorized activity has not stopped within 3 days, we will suspend the account."),
    (None, "Wir sehen weiterhin, dass jemand anderes Ihr AWS-Konto 4470 1123 9905 nutzt. Andernfalls wird das Konto "
     "gesperrt."),
])
def test_an_account_someone_else_uses_is_suspicious_activity(subject: str | None, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "security.suspicious_activity"


def test_an_account_that_could_be_suspended_in_italian_is_a_warning() -> None:
    notice = classify("aws-billing@amazon.com", "Il tuo account AWS potrebbe essere sospeso",
                      "La fattura di aprile non è stata pagata. Paga il saldo entro il 12 maggio 2027.")
    assert notice.notice_type == "billing.suspension_warning"


@pytest.mark.parametrize("body", [
    "Bonjour,\n\nL'utilisateur racine du compte AWS 4470-1123-9905 s'est connecté le 3 mai 2027 depuis une adresse IP "
    "jamais observée pour ce compte. Nous vous conseillons de supprimer la clé d'accès racine.",
    "Hola:\n\nEl usuario raíz de la cuenta 4470-1123-9905 inició sesión el 3 de mayo de 2027 desde una dirección IP "
    "que nunca habíamos visto para esta cuenta.",
    "Hello,\n\nThe root user of account 4470-1123-9905 signed in on May 3, 2027 from an IP address we have never "
    "seen for this account.",
    "Hallo,\n\nDer Root-Benutzer des Kontos 4470-1123-9905 hat sich am 3. Mai 2027 von einer IP-Adresse angemeldet, "
    "die wir noch nicht kannten.",
])
def test_a_root_sign_in_from_an_unseen_address_without_subject_is_a_root_review(body: str) -> None:
    assert classify(NO_REPLY, None, body).notice_type == "security.root_review"


def test_the_readers_payment_terms_changed_are_billing() -> None:
    notice = classify("invoicing@aws.com", "Your AWS payment terms were changed to invoice (Net 30)",
                      "As you asked, account 447011239905 now pays by invoice, due 30 days after each invoice date.")
    assert notice.notice_type == "billing.other"
