"""Redaction: the internal and the customer-visible renderings of a mail's text.

Owns what may be shown to whom. Every live secret found by :mod:`routing.secrets` becomes a
marker that says what was removed (``[removed: password reset link]``), in both renderings.
The customer rendering additionally shows access key ids only by their last 4 characters, and
does not exist at all (None) for secret-bearing notice types and for mail not proven to come
from AWS. The raw mail is never changed: it stays in the message store.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from routing.secrets import Secret, find_secrets
from routing.types import AuthVerdict, Notice, ParsedMail

_ACCESS_KEY = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{12}([A-Z0-9]{4})\b")


def marker(kind: str) -> str:
    """The text that stands in for a removed secret."""
    return f"[removed: {kind}]"


def mask_access_keys(text: str) -> str:
    """Access key ids shown only by their last 4 characters."""
    return _ACCESS_KEY.sub(lambda m: f"[access key ending {m.group(1)}]", text)


def redact_text(text: str, *, customer: bool = False) -> str:
    """``text`` with every live secret replaced by its marker (and, for customers, keys masked)."""
    if not text:
        return text
    out = _replace(text, find_secrets(text))
    return mask_access_keys(out) if customer else out


def _replace(text: str, found: list[Secret]) -> str:
    parts: list[str] = []
    position = 0
    for secret in found:
        parts.append(text[position:secret.start])
        parts.append(marker(secret.kind))
        position = secret.end
    parts.append(text[position:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Rendering:
    """What a ticket may carry: the engineer's text, the customer's text (or None), and what was found."""

    internal_text: str
    customer_text: str | None
    secret_kinds: tuple[str, ...]
    withheld_reason: str | None = None

    @property
    def contains_secret(self) -> bool:
        return bool(self.secret_kinds)


def render(parsed: ParsedMail, notice: Notice, auth: AuthVerdict | None) -> Rendering:
    """Both renderings of ``parsed``. The customer one is None unless the mail is proven AWS mail
    (verdict ``pass``) of a notice type that carries no secret."""
    found = find_secrets(parsed.text)
    kinds_found = {secret.kind for secret in found}
    if parsed.html_text and parsed.html_text != parsed.text:
        # the HTML part as text keeps link targets: secrets only in the HTML part are found here
        # (lines the plain part already has were scanned above)
        plain_lines = set(parsed.text.splitlines())
        extra = "\n".join(line for line in parsed.html_text.splitlines() if line and line not in plain_lines)
        kinds_found.update(secret.kind for secret in find_secrets(extra))
    kinds = tuple(sorted(kinds_found))
    if notice.secret and not kinds:
        kinds = ("secret-bearing notice type",)
    internal = _replace(parsed.text, found)
    reason: str | None = None
    if notice.secret:
        reason = f"{notice.notice_type} carries live secrets"
    elif auth is None or auth.verdict != "pass":
        reason = "suspected spoof: not proven to come from AWS" if (auth and auth.suspected_spoof) \
            else "sender authenticity not proven"
    customer = None if reason else mask_access_keys(internal)
    return Rendering(internal_text=internal, customer_text=customer, secret_kinds=kinds, withheld_reason=reason)
