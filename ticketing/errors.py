"""The two roots of failure: transient (retry with backoff) and permanent (quarantine)."""

from __future__ import annotations


class RootmailError(Exception):
    """Base of rootmail's own errors."""


class TransientError(RootmailError):
    """Retry later: timeouts, 429, 5xx, broker or helpdesk down."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class PermanentError(RootmailError):
    """Retrying cannot help: unparseable mail, a 4xx the helpdesk will repeat. Quarantine it."""
