"""Account ids read from the tables of a mail's HTML part (stdlib only, bounded work).

Owns finding the tables of an HTML body (:class:`routing.markup.MarkupReader`, lenient with malformed markup:
unclosed cells and rows, stray end tags, nested tables), mapping each table's header cells to columns
and reading the account ids in its account columns: the recipient's account ("Account", "Account ID",
"AWS account", "Affected account", "Konto", "Cuenta", "Compte", "Conta", "アカウント", "账户"/"账号",
"계정", …) apart from another account's (a "Payer account" or "Management account" column). A
12-digit number in any other column (a cluster id, an order or invoice number) is no account id. The
work is capped (tables, rows, cells, characters per cell and of the markup read), so hostile HTML costs
little. Also owns the same reading of label/value pairs outside tables (:func:`label_accounts`: a bold,
strong, label or ``<dt>`` element naming the account, then its id: ``<b>Account ID</b> 8422…<br>``), and of the
tables a plain-text part writes with tab-separated columns (:func:`text_table_accounts`: a budget alert's
"Budgetname<TAB>…<TAB>Konto" over its row). Where an id found here counts is :mod:`routing.identifiers`' concern.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

from routing.markup import Attrs, MarkupReader

MAX_MARKUP = 500_000
MAX_TABLES = 64
MAX_ROWS = 200  # per table
MAX_CELLS = 32  # per row
MAX_CELL_TEXT = 120  # characters kept of a cell
MAX_CELLS_TOTAL = 4_000

# the forms of an account id: 12 digits, or in groups of 4 or 3 joined by the same dash or space (a no-break space
# U+00A0 or a narrow no-break space U+202F too, as French typography writes them)
_ID_FORMS = (r"\d{12}|\d{4}(?P<sep4>[- \u00a0\u202f])\d{4}(?P=sep4)\d{4}"
             r"|\d{3}(?P<sep3>[- \u00a0\u202f])\d{3}(?P=sep3)\d{3}(?P=sep3)\d{3}")
# ... as the markup writes them: the no-break spaces also as character references
_MARKUP_SEP = r"(?:[- \u00a0\u202f]|&nbsp;|&#160;|&#x0*a0;|&#8239;|&#x0*202f;)"
_ID_MARKUP = (rf"\d{{12}}|\d{{4}}(?P<sep4>{_MARKUP_SEP})\d{{4}}(?P=sep4)\d{{4}}"
              rf"|\d{{3}}(?P<sep3>{_MARKUP_SEP})\d{{3}}(?P=sep3)\d{{3}}(?P=sep3)\d{{3}}")
# an account id written alone in its cell
# (the id alone in its cell, or with its alias in parentheses after it, as a cost anomaly's member column writes it:
# "3421… (research-sandbox)")
_ID = re.compile(rf"\s*({_ID_FORMS})\s*(?:\([^()\n]{{1,60}}\)\s*)?\Z")
_TABLE = re.compile(r"<table", re.IGNORECASE)
# an id anywhere in the markup (in prose too); no look-behind, so that re skips to a digit fast (the tail of a longer
# number matches too: a cheap gate, the text read after it applies the id's own pattern)
_ANY_ID = re.compile(rf"(?:{_ID_MARKUP})(?!\d)", re.IGNORECASE)
# three digits in a row, as every _ANY_ID match opens (each of its forms starts with \d{3} or more): where the
# first of them in a window stands, _ANY_ID is tried from there (a scan for this pattern skips to a digit, where
# _ANY_ID's alternation is tried at every character of the window: ~0.3 against ~10 µs for 200 characters)
_THREE_DIGITS = re.compile(r"\d\d\d")
# what names an account (or its "AWS ID" label) before an id, lower-case: the prose is read only where one of these
# stands in the :data:`MAX_ACCOUNT_WORD` characters of markup before an id (found by str.find: re would try its
# alternation at every position of the markup)
_ACCOUNT_WORDS = ("account", "konto", "cuenta", "compte", "conta", "aws id", "aws-id", "id de aws", "id da aws",
                  "id do aws", "id aws", "identif", "アカウント", "账户", "帐户", "账号", "帳號", "帳戶", "계정")
MAX_ACCOUNT_WORD = 200  # characters of markup after an account word where its id may stand (tags between)
# an id written alone between two tags, or with its alias in parentheses (what a table cell holding one looks like
# in the markup): no such text, no parsing
_CELL_ID = re.compile(rf">\s*(?:{_ID_MARKUP})\s*(?:\([^()<>\n]{{1,60}}\)\s*)?<", re.IGNORECASE)
# an id right after the end of a label element (bold, strong, em, span, label, dt; then spaces, a no-break space,
# a colon or a <dd>): the value of a label/value pair, as an HTML mail lays out its facts outside a table
_PAIR_VALUE = re.compile(r"</(b|strong|em|span|label|dt)\s*>(?:\s|&nbsp;|&#160;|&#xa0;|[:：]|<dd\b[^<>]{0,80}>)*"
                         rf"({_ID_MARKUP})\s*(?:<|\Z)", re.IGNORECASE)
_TAGS = re.compile(r"<[^<>]*>")
MAX_LABEL = 200  # characters of markup read back from a value for its label element
# a header naming an account: the noun in the languages AWS writes mail in ("konto" also ends a compound:
# "AWS-Konto", "Zahlerkonto")
_ACCOUNT_NOUN = re.compile(r"\baccount\b|konto\b|\bcuenta\b|\bcompte\b|\bconta\b|"
                           r"アカウント|账户|帐户|账号|帳號|帳戶|계정", re.IGNORECASE)
# ... of another account than the recipient's (the payer or management account, the inviting one)
_OTHER_ACCOUNT = re.compile(r"payer|paying|management|master|inviting|organi[sz]ation|\bpagador|\bpagante|payeur|"
                            r"gestion|administraci|gerenciamento|zahler|zahlungs|verwaltung|"
                            r"支払|管理|付款|支付|관리|지불|결제|지급", re.IGNORECASE)
# ... or no id of one (its name, alias, e-mail address, status)
_NOT_AN_ID = re.compile(r"\bname\b|\balias\b|e-?mail|\bstatus\b|\bnom\b|\bnombre\b|\bnome\b|名|이름", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class TableAccounts:
    """Account ids of the tables: in the recipient's account columns, and in another account's."""

    own: tuple[str, ...] = ()
    other: tuple[str, ...] = ()


@dataclass
class _Table:
    rows: list[list[tuple[bool, str]]] = field(default_factory=list)  # cells: (is <th>, text)
    cell: list[str] | None = None  # the text of the open cell
    header_cell: bool = False
    row_open: bool = False


class _TableParser(MarkupReader):
    """Collects the tables' rows of cells (innermost table gets a cell's text); bounded by the caps."""

    def __init__(self) -> None:
        self.tables: list[_Table] = []
        self._open: list[_Table] = []
        self._cells = 0
        self._skip = 0

    def _close_cell(self, table: _Table) -> None:
        if table.cell is not None:
            if table.row_open and table.rows and len(table.rows[-1]) < MAX_CELLS:
                table.rows[-1].append((table.header_cell, " ".join("".join(table.cell).split())))
            table.cell = None

    def _open_row(self, table: _Table) -> bool:
        self._close_cell(table)
        if len(table.rows) >= MAX_ROWS:
            table.row_open = False
            return False
        table.rows.append([])
        table.row_open = True
        return True

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag == "table":
            table = _Table()  # (nested: its text goes to it, not to the enclosing cell)
            if len(self.tables) < MAX_TABLES:
                self.tables.append(table)
            self._open.append(table)
        elif not self._open:
            return
        elif tag == "tr":
            self._open_row(self._open[-1])
        elif tag in ("td", "th"):
            table = self._open[-1]
            self._close_cell(table)
            if not table.row_open and not self._open_row(table):
                return
            if self._cells >= MAX_CELLS_TOTAL:
                return
            self._cells += 1
            table.cell = []
            table.header_cell = tag == "th"
        elif tag == "br" and self._open[-1].cell is not None:
            self._open[-1].cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif not self._open:
            return
        elif tag == "table":
            self._close_cell(self._open.pop())
        elif tag in ("td", "th"):
            self._close_cell(self._open[-1])
        elif tag == "tr":
            table = self._open[-1]
            self._close_cell(table)
            table.row_open = False

    def handle_data(self, data: str) -> None:
        if self._skip or not self._open:
            return
        cell = self._open[-1].cell
        if cell is not None:
            room = MAX_CELL_TEXT - sum(map(len, cell))
            if room > 0:
                cell.append(data[:room])


def _column_kind(header: str) -> str | None:
    """"own" for a header naming the recipient's account, "other" for another account's, else None."""
    if len(header) > 60 or not _ACCOUNT_NOUN.search(header) or _NOT_AN_ID.search(header):
        return None
    return "other" if _OTHER_ACCOUNT.search(header) else "own"


def _digits(written: str) -> str:
    """The 12 digits of an id as :data:`_ID_MARKUP` finds it (its separators, character references too, removed),
    in ASCII."""
    if written.isdigit() and written.isascii():
        return written
    return ascii_digits("".join(ch for ch in html.unescape(written) if ch.isdecimal()))


def ascii_digits(written: str) -> str:
    """``written`` with every Unicode decimal digit as its ASCII digit, other characters kept (``\\d`` matches
    every script's decimal digits: a Japanese statement writes an account id in full-width ``３０１８…``)."""
    if written.isascii():
        return written
    return "".join(str(int(c)) if c.isdecimal() and not c.isascii() else c for c in written)


def _account(cell: str) -> str | None:
    match = _ID.match(cell)
    return _digits(match.group(1)) if match else None


def _read(table: _Table, own: list[str], other: list[str]) -> None:
    rows = [row for row in table.rows if row]
    if not rows:
        return
    # the header row: the first row with a <th> cell, else the first row (headers written as <td>)
    at = next((i for i, row in enumerate(rows) if any(is_th for is_th, _ in row)), 0)
    kinds = [_column_kind(text) for _, text in rows[at]]
    if any(kinds) and not any(_account(text) for _, text in rows[at]):
        for row in rows[at + 1:]:
            for kind, (_, text) in zip(kinds, row, strict=False):
                number = _account(text) if kind else None
                if number:
                    (own if kind == "own" else other).append(number)
    # a key-value table: a row whose first cell names the account and whose second cell is its id
    for row in rows:
        if len(row) >= 2:
            kind = _column_kind(row[0][1])
            number = _account(row[1][1]) if kind else None
            if number:
                (own if kind == "own" else other).append(number)


def table_accounts(markup: str) -> TableAccounts:
    """The account ids in the account columns of the tables of ``markup`` (in document order, each once).
    Cheap without a ``<table`` or an id alone between two tags: the markup is not parsed then."""
    if not markup or not _TABLE.search(markup, 0, MAX_MARKUP) or not _CELL_ID.search(markup, 0, MAX_MARKUP):
        return TableAccounts()
    parser = _TableParser()
    parser.read(markup[:MAX_MARKUP])
    own: list[str] = []
    other: list[str] = []
    for table in parser.tables:
        _read(table, own, other)
    return TableAccounts(tuple(dict.fromkeys(own)), tuple(dict.fromkeys(other)))


def text_table_accounts(text: str) -> TableAccounts:
    """The account ids in the account columns of the tab-separated tables of a plain ``text`` (runs of two lines or
    more that hold a tab, each line a row, each tab a cell boundary), read as :func:`table_accounts` reads an HTML
    table's: the first row is the header, a column named for the recipient's account gives "own" ids, one named for
    another account (payer, management) "other" ids. Bounded as the HTML tables are (rows, cells, cell text)."""
    head = text[:MAX_MARKUP]
    if "\t" not in head or not _ANY_ID.search(head):
        return TableAccounts()
    own: list[str] = []
    other: list[str] = []
    tables = 0
    rows: list[list[tuple[bool, str]]] = []
    for line in [*head.split("\n"), ""]:
        if "\t" in line:
            if len(rows) < MAX_ROWS:
                rows.append([(False, cell.strip()[:MAX_CELL_TEXT]) for cell in line.split("\t")[:MAX_CELLS]])
            continue
        if len(rows) >= 2 and tables < MAX_TABLES:
            tables += 1
            _read(_Table(rows=rows), own, other)
        rows = []
    return TableAccounts(tuple(dict.fromkeys(own)), tuple(dict.fromkeys(other)))


def has_id_form(markup: str) -> bool:
    """Whether ``markup`` (its first :data:`MAX_MARKUP` characters) holds an account id's form, 12 digits or in groups
    of 4 or 3, within :data:`MAX_ACCOUNT_WORD` characters after a word naming an account (:data:`_ACCOUNT_WORDS`): a
    cheap scan before the markup is read as text."""
    head = markup[:MAX_MARKUP]
    low = head.lower()  # (each character lower-cased to one where it matters: the words and digits are ASCII or CJK)
    for word in _ACCOUNT_WORDS:
        at = low.find(word)
        while at >= 0:
            # = _ANY_ID.search(head, at, at + MAX_ACCOUNT_WORD) is not None: a match there starts on three digits
            # (in the window, the same end), so at or after the first three of the window; none there, none at all
            # (the pattern looks neither behind nor at a word boundary: where the search starts changes no match)
            # (tests/routing/test_speed_s27b.py)
            digits = _THREE_DIGITS.search(head, at, at + MAX_ACCOUNT_WORD)
            if digits is not None and _ANY_ID.search(head, digits.start(), at + MAX_ACCOUNT_WORD) is not None:
                return True
            at = low.find(word, at + 1)
    return False


def _label_kind(markup: str, value: re.Match[str]) -> str | None:
    """The :func:`_column_kind` of the label element that ends where ``value`` starts (its text, tags
    removed, without a trailing colon), None when its start tag is not within :data:`MAX_LABEL` characters."""
    tag = value.group(1).lower()
    end = value.start()
    window = markup[max(0, end - MAX_LABEL):end]
    opened = max(window.lower().rfind("<" + tag + ">"), window.lower().rfind("<" + tag + " "))
    if opened == -1:
        return None
    label = html.unescape(_TAGS.sub(" ", window[window.index(">", opened) + 1:]))
    return _column_kind(" ".join(label.split()).rstrip(":： "))


def label_accounts(markup: str) -> TableAccounts:
    """The account ids of ``markup``'s label/value pairs: the id right after a label element naming the
    account (``<b>Account ID</b> 8422…``, ``<dt>アカウント ID</dt><dd>6610…</dd>``), the recipient's or,
    under a payer or management label, another account's (as in :func:`table_accounts`). One scan led by
    the literal ``</``; the label is read back only at a value found."""
    head = markup[:MAX_MARKUP]
    own: list[str] = []
    other: list[str] = []
    for value in _PAIR_VALUE.finditer(head):
        kind = _label_kind(head, value)
        if kind:
            (own if kind == "own" else other).append(_digits(value.group(2)))
    return TableAccounts(tuple(dict.fromkeys(own)), tuple(dict.fromkeys(other)))
