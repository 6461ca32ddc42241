"""Thread keys and delivery ids: which ticket a mail lands on, and what makes a write unique."""

from __future__ import annotations

import hashlib

from routing.types import Notice, ParsedMail, Recipient


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


def message_fingerprint(parsed: ParsedMail, raw: bytes) -> str:
    """The Message-ID when there is one, else a hash of the bytes."""
    if parsed.message_id:
        return parsed.message_id.strip().lower()
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def delivery_id(parsed: ParsedMail, raw: bytes, recipient: Recipient) -> str:
    """Same message to the same recipient -> same id, however often it is delivered or processed."""
    return _digest("delivery", recipient.address, message_fingerprint(parsed, raw))


def thread_key(parsed: ParsedMail, raw: bytes, recipient: Recipient, notice: Notice) -> str:
    """Identifiers named by the taxonomy's ``thread_on`` when all are present, else one per mail.

    Scoped by the recipient's account so that threads never cross accounts or customers.
    """
    scope = recipient.account.account_id if recipient.account else recipient.address
    values: list[str] = []
    for name in notice.thread_on:
        value = notice.identifiers.get(name) if name != "aws_account_id" else notice.aws_account_id
        if not value:
            values = []
            break
        values.append(f"{name}={value}")
    if values:
        return f"{notice.notice_type.split('.')[0]}:{scope}:" + _digest(*values)
    return f"mail:{scope}:" + _digest(message_fingerprint(parsed, raw))
