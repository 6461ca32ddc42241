"""Frozen value types that the routing stages pass to each other and to the ticketing layer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class AttachmentMeta:
    """What we keep of an attachment: never its payload, only what a reader needs to know."""

    filename: str
    content_type: str
    size: int


@dataclass(frozen=True, slots=True)
class ParsedMail:
    """One RFC 5322 message reduced to the fields rootmail reads.

    ``text`` is the readable body: the text/plain part when there is one, else the HTML part
    turned into text. ``html_text`` is always the HTML part as text (empty without HTML), so that
    stages that look for links or secrets can read both renderings. ``calendar``: the times of the
    events of a calendar part (an ``.ics`` invitation) as field lines (:mod:`routing.calparts`).
    """

    subject: str
    from_address: str
    from_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    message_id: str
    in_reply_to: str
    references: tuple[str, ...]
    date: datetime | None
    text: str
    html: str
    html_text: str
    headers: tuple[tuple[str, str], ...]
    attachments: tuple[AttachmentMeta, ...]
    defects: tuple[str, ...]
    size: int
    calendar: str = ""

    def header(self, name: str) -> str:
        """First value of header ``name`` (case-insensitive), or ``""``."""
        wanted = name.lower()
        for key, value in self.headers:
            if key.lower() == wanted:
                return value
        return ""

    def header_all(self, name: str) -> tuple[str, ...]:
        """Every value of header ``name`` in message order (topmost first)."""
        wanted = name.lower()
        return tuple(value for key, value in self.headers if key.lower() == wanted)


@dataclass(frozen=True, slots=True)
class Customer:
    """A reseller customer: the helpdesk organization, keyed by ``id`` (its external id)."""

    id: str
    name: str
    contacts: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Account:
    """An AWS account whose root-user address the reseller owns."""

    account_id: str
    name: str
    customer_id: str
    root_email: str
    status: str = "ACTIVE"
    tags: tuple[tuple[str, str], ...] = ()
    source: str = ""
    """Where the entry came from: ``file``, ``org:<payer>`` (AWS Organizations), or empty."""


@dataclass(frozen=True, slots=True)
class Recipient:
    """A recipient address resolved through the directory (``account`` is None when unknown)."""

    address: str
    account: Account | None
    customer: Customer | None

    @property
    def known(self) -> bool:
        return self.account is not None


@dataclass(frozen=True, slots=True)
class Notice:
    """What a mail is, in the taxonomy's terms. Until classification runs it is ``unknown``."""

    notice_type: str = "unknown"
    category: str = "unknown"
    severity: str = "normal"
    action_required: bool = False
    secret: bool = False
    customer_visible: bool = False
    deadline: str | None = None
    aws_account_id: str | None = None
    identifiers: dict[str, Any] = field(default_factory=dict)
    thread_on: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class AuthVerdict:
    """Whether the mail really comes from AWS: ``pass`` | ``fail`` | ``none``, with reasons."""

    verdict: str = "none"
    reasons: tuple[str, ...] = ()
    claims_aws: bool = False
    signed_view: ParsedMail | None = None
    """For ``pass``: the mail as the aligned signature covers it (signed header instances, single
    MIME structure headers, the body); every stage after authentication reads this, not the raw
    parse. None for ``fail``/``none``."""
    signed_headers: tuple[str, ...] = ()
    """For ``pass``: the names of the header instances the view holds, top first (for the engineer)."""

    @property
    def suspected_spoof(self) -> bool:
        return self.claims_aws and self.verdict != "pass"


@dataclass(frozen=True, slots=True)
class Route:
    """What the routing rules decided for one notice to one recipient."""

    rule: str = "default"
    queue: str = "triage"
    priority: str = "normal"
    visibility: str = "internal"  # internal | customer
    action: str = "open"  # open | update | drop | digest
    tags: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    due: str | None = None
    drop_reason: str | None = None
    thread_key: str | None = None
    """When set, the ticket thread to use instead of the per-notice key: one AWS Health event at
    several accounts of one customer (see :mod:`routing.aggregate`), or a customer's daily digest."""
    reopen: bool = False
    """A rule's ``reopen: true``: a new mail of the thread reopens its solved ticket instead of
    opening a linked follow-up."""
