"""Account ids read from the HTML part's tables (issue 12, item 4: identifiers), in our own wordings.

A mail whose text part only says "see the HTML version" may give the account id only in a table: a header
row with an account column (in any of AWS's languages, as ``<th>`` or as the ``<td>`` cells of a first row)
and rows that start with (or hold) the bare id. The id in the recipient's account column counts as one named
in text; an id in a payer or management column is another account's; a 12-digit number in any other column
is no account id. Malformed and hostile markup is answered without error and with bounded work.
"""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.htmltables import (
    MAX_CELL_TEXT,
    MAX_CELLS,
    MAX_CELLS_TOTAL,
    MAX_MARKUP,
    MAX_ROWS,
    MAX_TABLES,
    _TableParser,
    table_accounts,
)
from routing.identifiers import Extracted, with_table_accounts
from routing.parse import parse_mail
from routing.types import Account, Customer, Recipient

CLASSIFIER = NoticeClassifier()
OWN = "640218375529"
OTHER = "771093482216"


def _table(header: list[str], rows: list[list[str]], cell: str = "th") -> str:
    head = "<tr>" + "".join(f"<{cell}>{h}</{cell}>" for h in header) + "</tr>"
    return "<table border='1'>" + head + "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows) + "</table>"


def _page(inner: str) -> str:
    """``inner`` inside the layout table every AWS HTML mail has."""
    return ("<html><body><table width='100%'><tr><td><img src='logo.png' alt='AWS'></td></tr>"
            f"<tr><td><p>Hello,</p><p>The resources below are scheduled for maintenance.</p>{inner}"
            "<p>Sincerely,<br>Amazon Web Services</p></td></tr></table></body></html>")


SEE_HTML = "The affected resources are listed in the HTML version of this message."


def _mail(html: str, text: str | None = SEE_HTML) -> bytes:
    head = ("From: Amazon Web Services <health@aws.com>\r\nTo: root+x@aws.example.org\r\n"
            "Subject: Scheduled maintenance for your clusters\r\nDate: Mon, 03 Aug 2026 09:00:00 +0000\r\n"
            "MIME-Version: 1.0\r\n")
    if text is None:
        return (head + "Content-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n").encode()
    return (head + 'Content-Type: multipart/alternative; boundary="b"\r\n\r\n'
            "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
            "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b--\r\n").encode()


HEADERS = ("Account", "Account ID", "AWS account", "Affected account", "Konto", "AWS-Konto", "Cuenta",
           "ID de cuenta", "Compte", "Conta", "Account AWS", "アカウント", "アカウント ID", "账户", "账号",
           "계정", "AWS 계정")


@pytest.mark.parametrize("header", HEADERS)
def test_the_account_column_in_every_language(header: str) -> None:
    html = _page(_table([header, "Cluster", "Region", "Date"], [[OWN, "cache-1", "eu-west-1", "2026-08-25"]]))
    assert table_accounts(html).own == (OWN,)
    assert CLASSIFIER.classify(parse_mail(_mail(html))).aws_account_id == OWN


@pytest.mark.parametrize("written", [OWN, "6402-1837-5529", "6402 1837 5529", "640-218-375-529"])
@pytest.mark.parametrize("cell", ["th", "td"])
def test_ids_with_dashes_or_spaces_under_th_or_td_headers(written: str, cell: str) -> None:
    html = _page(_table(["Cluster", "Account ID", "Region"], [["cache-1", written, "eu-west-1"]], cell=cell))
    assert CLASSIFIER.classify(parse_mail(_mail(html, text=None))).aws_account_id == OWN


def test_a_key_value_table() -> None:
    html = _page("<table><tr><td>Cluster</td><td>cache-1</td></tr><tr><th>Compte AWS</th><td>" + OWN
                 + "</td></tr></table>")
    assert table_accounts(html).own == (OWN,)


@pytest.mark.parametrize("other", ["Payer account", "Management account", "Cuenta pagadora", "Compte payeur",
                                   "Verwaltungskonto", "管理アカウント", "付款账户", "관리 계정"])
@pytest.mark.parametrize("first", [True, False])
def test_the_recipients_column_wins_over_a_payer_or_management_column(other: str, first: bool) -> None:
    header, row = [other, "Account"], [OTHER, OWN]
    if not first:
        header, row = header[::-1], row[::-1]
    html = _page(_table([*header, "Cluster"], [[*row, "cache-1"]]))
    found = table_accounts(html)
    assert (found.own, found.other) == ((OWN,), (OTHER,))
    notice = CLASSIFIER.classify(parse_mail(_mail(html)))
    assert notice.aws_account_id == OWN
    assert OTHER in notice.identifiers["aws_account_ids"]


def test_a_lone_payer_column_is_never_the_recipients_account() -> None:
    html = _page(_table(["Payer account", "Cluster"], [[OTHER, "cache-1"]]))
    recipient = Recipient("root+x@aws.example.org", Account(OWN, "x", "acme", "root+x@aws.example.org"),
                          Customer("acme", "Acme Corp"))
    notice = CLASSIFIER.classify(parse_mail(_mail(html)), recipient)
    assert notice.aws_account_id is None  # the mail names another account: not taken for the recipient's
    assert notice.identifiers["aws_account_ids"] == [OTHER]


@pytest.mark.parametrize("header", ["Cluster ID", "Order number", "Invoice number", "Número de pedido",
                                    "Account name", "Account email"])
def test_a_twelve_digit_number_in_another_column_is_no_account_id(header: str) -> None:
    html = _page(_table([header, "Region"], [[OWN, "eu-west-1"]]))
    assert table_accounts(html) == table_accounts("")
    assert CLASSIFIER.classify(parse_mail(_mail(html))).aws_account_id is None


@pytest.mark.parametrize("masked", ["XXXX-XXXX-5529", "********5529", "6402****5529", "64021837552"])
def test_a_masked_or_short_id_is_no_account_id(masked: str) -> None:
    html = _page(_table(["Account", "Region"], [[masked, "eu-west-1"]]))
    assert table_accounts(html).own == ()
    assert CLASSIFIER.classify(parse_mail(_mail(html))).aws_account_id is None


def test_an_account_named_in_text_comes_first() -> None:
    named = Extracted(aws_account_id=OTHER, identifiers={"aws_account_ids": [OTHER]})
    html = _page(_table(["Account"], [[OWN]]))
    assert with_table_accounts(named, html) is named


def test_a_header_row_holding_an_id_is_no_header() -> None:
    html = _page(_table(["Cluster", "Account", OTHER], [["cache-1", OWN, "y"]], cell="td"))
    assert table_accounts(html).own == ()  # a first row of data, not of headers


def test_nested_tables_each_their_own_columns() -> None:
    inner = _table(["Account", "Cluster"], [[OWN, "cache-1"]])
    outer = f"<table><tr><th>Cluster ID</th><th>Details</th></tr><tr><td>{OTHER}</td><td>{inner}</td></tr></table>"
    assert table_accounts(_page(outer)).own == (OWN,)


@pytest.mark.parametrize("markup", [
    # unclosed cells and rows, no </table>
    f"<table><tr><th>Account<th>Cluster<tr><td>{OWN}<td>cache-1",
    # stray end tags, a row outside any table, broken attributes
    f"</td></tr><tr><td>x</td></table><table class='a><tr><th>Account</th></tr><tr><td>{OWN}</td></tr></table>",
    # tags in upper case, entities, an id wrapped in inline markup
    f"<TABLE><TR><TH>Account&nbsp;ID</TH></TR><TR><TD><span><b>{OWN}</b></span></TD></TR></TABLE>",
])
def test_malformed_markup_is_read_without_error(markup: str) -> None:
    assert table_accounts(markup).own in ((OWN,), ())  # answered; whatever it reads is the account column's


def test_unclosed_cells_still_map_to_their_columns() -> None:
    assert table_accounts(f"<table><tr><th>Account<th>Cluster<tr><td>{OWN}<td>cache-1").own == (OWN,)


def test_hostile_markup_is_read_within_the_caps() -> None:
    """Tables, rows and cells kept are capped, whatever the markup (its reading is linear: test_markup.py)."""
    ten_thousand = "<table><tr><th>Account</th></tr>" + "".join(
        f"<tr><td>{OWN}</td></tr>" if i % 100 == 0 else "<td>x" for i in range(10_000)) + "</table>"
    deep = "<table><tr><td>" * 2_000 + _table(["Account"], [[OWN]]) + "</td></tr></table>" * 2_000
    wide = "<table><tr>" + "<th>Account</th>" * 10_000 + "</tr><tr>" + f"<td>{OWN}</td>" * 10_000 + "</tr></table>"
    many = _table(["Account"], [[OWN]]) * 5_000
    for markup in (ten_thousand, deep, wide, many, "<table" * 50_000, "<" * 200_000 + f">{OWN}<"):
        parser = _TableParser()
        parser.read(markup[:MAX_MARKUP])
        assert len(parser.tables) <= MAX_TABLES
        assert all(len(table.rows) <= MAX_ROWS for table in parser.tables)
        assert all(len(row) <= MAX_CELLS for table in parser.tables for row in table.rows)
        assert sum(len(row) for table in parser.tables for row in table.rows) <= MAX_CELLS_TOTAL
        assert all(len(text) <= MAX_CELL_TEXT for table in parser.tables for row in table.rows for _, text in row)
        assert table_accounts(markup).own in ((OWN,), ())
    assert table_accounts(ten_thousand).own == (OWN,)
    assert len(_parsed(wide).tables[0].rows[0]) == MAX_CELLS
    assert len(_parsed(many).tables) == MAX_TABLES


def _parsed(markup: str) -> _TableParser:
    parser = _TableParser()
    parser.read(markup)
    return parser


def test_no_table_no_account() -> None:
    assert table_accounts(f"<p>Account</p><p>{OWN}</p>") == table_accounts("")
    assert table_accounts(_table(["Account"], [["none"]])) == table_accounts("")
