"""Session 27's faster forms in the authenticate stage and the identifier extraction give exactly what their
plain forms give: routing.signed_view's ``_plain_fields`` (the block split where a field ends, its names checked
joined) against the one regex whose matches must tile the block, on blocks drawn from the characters and line ends
that matter; ``repeated_singletons`` against a Counter of the names; routing.htmltables' ``has_id_form`` (the id
pattern tried from the first three digits of each window) against the search of the whole window; what
routing.identifiers' ``_account_id`` relies on where it spares the gates of its loops over the 12-digit numbers."""

from __future__ import annotations

import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import htmltables, identifiers, signed_view
from routing.signed_view import MIME_STRUCTURE, ONCE_ONLY, HeaderBlock

# the form before: one header field (a name without ":", its value and continuation lines) in a block whose
# line ends are "\n"; the block is plain when the matches tile it
_FIELD = re.compile(rb"([\x21-\x39\x3b-\x7e]+):([^\n]*(?:\n[ \t][^\n]*)*)\n")


def _plain_form(block: bytes) -> tuple[tuple[tuple[bytes, bytes], ...], tuple[str, ...]] | None:
    text = block.replace(b"\r\n", b"\n")
    found = _FIELD.findall(text)
    if sum(len(name) + len(value) + 2 for name, value in found) != len(text):
        return None
    fields = tuple((name, value.replace(b"\n", b"\r\n") + b"\r\n") for name, value in found)
    return fields, tuple(name.decode("ascii", "replace").strip().lower() for name, _ in fields)


BLOCK_PIECES = [b"From", b"To", b"DKIM-Signature", b"x", b"X-A_b.c", b":", b": ", b" ", b"\t", b"\r\n", b"\n",
                b"\r", b"\r\n ", b"\n\t", b"\r\r\n", b"value", b"a=b; c=d", b"\xc3\xa9", b"\x7f", b"\x00", b"From ",
                b"::", b"=?utf-8?q?x?="]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_PIECES), max_size=30))
def test_speed_plain_fields_is_the_tiling_regex(pieces: list[bytes]) -> None:
    block = b"".join(pieces)
    assert signed_view._plain_fields(block) == _plain_form(block)


FIELD_LINES = [b"From: a@b.example", b"to:x", b"Subject:  hi  there ", b" folded", b"\tfolded", b"Bad Name: x",
               b"NoColon", b":To: x", b"X-\xc3\xa9: y", b"Empty:", b"Cc: a\rb", b""]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(FIELD_LINES), st.sampled_from([b"\r\n", b"\n", b"\r\r\n"])), max_size=12))
def test_speed_plain_fields_of_field_lines_is_the_tiling_regex(lines: list[tuple[bytes, bytes]]) -> None:
    block = b"".join(line + end for line, end in lines)
    assert signed_view._plain_fields(block) == _plain_form(block)


def test_speed_plain_fields_examples() -> None:
    for block in (b"", b"\r\n", b"\n", b"From: a\r\n", b"From: a\n", b"From: a", b"From: a\r\n b\r\nTo: c\r\n",
                  b"From: a\n b\r\nTo: c\n", b" From: a\r\n", b"From: a\r\n\r\n", b"From:\r\n", b"From : a\r\n",
                  b"From: a\r\n\t\r\n", b"From: a\rTo: b\r\n", b"F\x00: a\r\n", b"From: a\r\n" * 5000):
        assert signed_view._plain_fields(block) == _plain_form(block), block[:40]


NAMES = [*ONCE_ONLY, *MIME_STRUCTURE, "received", "x-ses-outgoing", "dkim-signature", "from "]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(NAMES), max_size=30))
def test_speed_repeated_singletons_is_the_counter(names: list[str]) -> None:
    block = HeaderBlock(tuple((name.encode(), b"x\r\n") for name in names), tuple(names))
    counts = Counter(names)
    assert signed_view.repeated_singletons(block) == [n for n in (*ONCE_ONLY, *MIME_STRUCTURE) if counts[n] > 1]


def _plain_has_id_form(markup: str) -> bool:
    head = markup[:htmltables.MAX_MARKUP]
    low = head.lower()
    for word in htmltables._ACCOUNT_WORDS:
        at = low.find(word)
        while at >= 0:
            if htmltables._ANY_ID.search(head, at, at + htmltables.MAX_ACCOUNT_WORD) is not None:
                return True
            at = low.find(word, at + 1)
    return False


MARKUP_PIECES = ["account", "Account", "konto", "cuenta", "AWS ID", "identif", "アカウント", "계정", "1", "12", "123",
                 "1234", "123456789012", "1234-", "123 ", "-", " ", "\u00a0", "\u202f", "&nbsp;", "&NBSP;", "&#160;",
                 "&#xA0;", "&#x00a0;", "&#8239;", "&#X202F;", "<b>", "</b>", "<td>", "３", "٣", "x" * 50, "x" * 150,
                 ":", "\n"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(MARKUP_PIECES), max_size=40))
def test_speed_has_id_form_is_the_window_search(pieces: list[str]) -> None:
    markup = "".join(pieces)
    assert htmltables.has_id_form(markup) == _plain_has_id_form(markup)


def test_speed_has_id_form_examples() -> None:
    for markup in ("Account ID: 1234-5678-9012", "account" + "x" * 188 + "123456789012",
                   "account" + "x" * 189 + "123456789012", "account" + "x" * 190 + "123456789012",
                   "account 12 345 678 901 234", "account 1234 5678 90123", "konto ３０１８ ３０１８ ３０１８",
                   "account&nbsp;123&#160;456&#160;789&#160;012", "account 123-456-789-0123", "no word 123456789012",
                   "account " + "9" * 300, "account " + "12 " * 100_000):
        assert htmltables.has_id_form(markup) == _plain_has_id_form(markup), markup[:60]


ACCOUNT_PIECES = ["Payer account: ", "Linked account: ", "Account: ", "management account ", "seller ", "your ",
                  "123456789012", "1234-5678-9012", "\n", " ", "(", ")", "Konto ", "Zahlerkonto ", "x" * 40]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(ACCOUNT_PIECES), max_size=20), st.integers(0, 1))
def test_speed_linked_beside_payer_needs_two_numbers(pieces: list[str], count: int) -> None:
    # identifiers._account_id reads a linked account beside a payer's only where two numbers (or more) are left
    text = "".join(pieces)
    numbers = [(m.start(), m.group(1), text[max(0, m.start() - 60):m.start()].lower())
               for m in identifiers._twelve(text)][:count]
    assert identifiers._linked_beside_payer(text, numbers) is None


def test_speed_account_without_a_number_is_still_read() -> None:
    # (no 12-digit number in the text: the gates of the loops over numbers are not tried; what is read without one,
    # the header's event ARN, a percent-encoded ARN, an SES verification link, still is)
    arn = "arn:aws:notifications::123456789012:configuration/x/event/y"
    assert identifiers._account_id("", "Your management account, the payer, a seller", {
        "x-notifications-notification-event-arn": arn}) == "123456789012"
    assert identifiers._account_id("", "see https://x/lambda/home#/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A"
                                   "123456789012%3Afunction%3Aorders (payer, management)", {}) == "123456789012"
    assert identifiers._account_id("", "https://email-verification.us-east-1.amazonaws.com/?Context=123456789012"
                                   "&X=1 payer management", {}) == "123456789012"
    assert identifiers._account_id("", "Payer account and linked account, management, seller", {}) is None
