"""Addresses of an address header (From, To, Cc) read from its undecoded value.

RFC 2047 §5: an encoded word may stand in a display name, never in an addr-spec. So the address is
taken from the value *before* decoding (``=?utf-8?q?invoicing=40aws.com?=`` is no address at all),
and only the display name is decoded, strictly (:mod:`routing.encoded_words`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from email.utils import getaddresses

from routing import encoded_words

_FOLD = re.compile(r"\r?\n[ \t]")


@dataclass(frozen=True, slots=True)
class Mailbox:
    """One mailbox: display name (decoded; empty if it did not decode), address and domain as written
    (lower case), and what was wrong with the header, if anything."""

    name: str
    address: str
    domain: str
    problem: str = ""


def unfold(value: str) -> str:
    return _FOLD.sub(" ", value).replace("\r", " ").replace("\n", " ").strip()


def readable_addresses(values: list[str]) -> list[str] | None:
    """The addresses of address header values (``[a for _, a in getaddresses(values) if a]``), or None when a
    value cannot be read: :func:`email.utils.getaddresses` recurses once per nested comment or group, so a
    sender's ``"(" * 600`` raises RecursionError, every time the mail is read. A caller that decides on these
    addresses takes None as "unknown sender" and applies its stricter rule."""
    try:
        return [address for _, address in getaddresses(values) if address]
    except RecursionError:
        return None


def mailboxes(value: str) -> list[Mailbox]:
    """Every mailbox of an address header value (undecoded text)."""
    out = []
    for name, address in getaddresses([unfold(value)]):
        if not (name or address):
            continue
        problem = ""
        try:
            name = encoded_words.decode(name)
        except encoded_words.InvalidEncodedWord as exc:
            name, problem = "", f"display name: {exc}"
        address = address.strip().lower()
        if "@" not in address:
            address, problem = "", problem or "no readable address"
        out.append(Mailbox(name, address, address.rpartition("@")[2], problem))
    return out


def single_mailbox(value: str, header: str = "From") -> Mailbox:
    """The one mailbox of ``value``; a header with none or several says so in ``problem``."""
    found = mailboxes(value)
    if len(found) == 1 and found[0].address:
        box = found[0]
        return Mailbox(box.name, box.address, box.domain, f"{header} {box.problem}" if box.problem else "")
    try:
        shown = encoded_words.decode(unfold(value))
    except encoded_words.InvalidEncodedWord:
        shown = ""
    problem = f"{header} holds {len(found)} addresses" if len(found) > 1 else f"{header} holds no readable address"
    return Mailbox(shown, "", "", problem)
