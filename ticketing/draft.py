"""What the pipeline hands a helpdesk: a ticket draft for one (message, recipient) delivery."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class DraftAttachment:
    filename: str
    content_type: str
    data: bytes
    internal: bool = True


@dataclass(frozen=True, slots=True)
class TicketDraft:
    """One delivery of one message to one root address, ready to become a ticket or a comment.

    ``thread_key`` decides which ticket it lands on; ``delivery_id`` (message key + recipient)
    makes the write idempotent: a helpdesk never holds two comments with the same delivery id.
    ``body`` is what the support engineer reads (internal); ``public_body`` is the customer-visible
    rendering, or None when nothing may be shown to the customer.
    """

    thread_key: str
    delivery_id: str
    subject: str
    body: str
    public_body: str | None = None
    message_id: str = ""
    customer_id: str | None = None
    customer_name: str | None = None
    customer_contacts: tuple[str, ...] = ()
    aws_account_id: str | None = None
    account_name: str | None = None
    notice_type: str = "unknown"
    severity: str = "normal"
    visibility: str = "internal"
    queue: str = "triage"
    fields: dict[str, str] = field(default_factory=dict)
    tags: tuple[str, ...] = ()
    attachments: tuple[DraftAttachment, ...] = ()
    # issue 5: secret-bearing notice types never upload the original .eml; ``reopen`` (set by a
    # routing rule) reopens a solved ticket of the thread instead of opening a linked follow-up.
    secret: bool = False
    reopen: bool = False
    # issue 13: what routing decided reaches the helpdesk: the matching rule's name and the due
    # date (``YYYY-MM-DD`` or an ISO UTC date-time ``…Z``, see routing.rules.compute_due)
    rule: str = ""
    due: str | None = None

    @property
    def public(self) -> bool:
        return self.visibility == "customer" and self.public_body is not None


@dataclass(frozen=True, slots=True)
class TicketRef:
    """Where a draft landed: the helpdesk's ticket id, and whether this call created anything."""

    ticket_id: str
    created: bool
    commented: bool
