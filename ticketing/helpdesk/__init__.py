"""The helpdesk protocol every client implements (local SQLite, Zendesk, Request Tracker)."""

from __future__ import annotations

from typing import Any, Protocol

from ticketing.draft import TicketDraft, TicketRef


class Helpdesk(Protocol):
    """Create-or-update by thread key, exactly once per delivery id."""

    name: str

    def upsert(self, draft: TicketDraft) -> TicketRef:
        """Add ``draft`` to the open ticket of its thread, or open one.

        Must be idempotent on ``draft.delivery_id``: a second call with the same delivery id
        returns the same ticket with ``created=False, commented=False``.
        """
        ...

    def get_ticket(self, ticket_id: str) -> dict[str, Any] | None:
        """The ticket with its comments and attachments' names and sizes, as plain data."""
        ...

    def find_by_thread(self, thread_key: str) -> list[dict[str, Any]]:
        """Every ticket of the thread (open, solved/resolved, closed, follow-ups), oldest first,
        each at least ``{"id": str, "status": str}``."""
        ...

    def set_status(self, ticket_id: str, status: str) -> None:
        """Set a ticket's status in the helpdesk's own vocabulary (tests and operators)."""
        ...

    def close(self) -> None: ...
