"""Type and account-id round on the batches unseen25/unseen26 (issue 12, items 1, 2 and 4): routing/identifiers.py and
routing/data/notices.yaml.

Our own wordings (not those of any fixture set), one family each: the seller's account on the seller's row of an offer
(never the reader's), an account id in a plain-text table drawn with box-drawing or ASCII rules."""

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
