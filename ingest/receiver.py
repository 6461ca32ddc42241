"""The aiosmtpd handler: cheap recipient check at RCPT, durable store at DATA, then enqueue.

Replies come from :mod:`ingest.replies`. Nothing is acknowledged with 250 before the message is in
the store; any unexpected error before that is a ``451 4.3.0`` so the sender retries.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from concurrent.futures import Executor
from typing import Any, Literal

import structlog
from aiosmtpd.smtp import SMTP, Session
from aiosmtpd.smtp import Envelope as SMTPEnvelope

from ingest import metrics, replies
from ingest.committer import BatchCommitter
from ingest.envelope import Envelope
from ingest.publish import Publisher
from ingest.store import MessageStore, StoreError

log = structlog.get_logger(__name__)

RecipientVerdict = Literal["accept", "unknown", "relay"]
RecipientPolicy = Callable[[str], RecipientVerdict]


def mask_address(address: str) -> str:
    """``a***@domain``: logs never carry a full root address."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


class RootmailSMTP(SMTP):
    """aiosmtpd's protocol with enhanced status codes on the replies it generates itself."""

    async def push(self, status: str) -> None:  # type: ignore[override]
        for prefix, replacement in replies.AIOSMTPD_REWRITES:
            if status.startswith(prefix):
                status = replacement
                break
        await super().push(status)


class ReceiverHandler:
    """Handler hooks named after SMTP verbs, returning the reply line."""

    def __init__(
        self,
        *,
        recipient_policy: RecipientPolicy,
        store: MessageStore,
        publisher: Publisher | None,
        executor: Executor | None = None,
        max_recipients: int = 100,
        on_stored: Callable[[str], None] | None = None,
        committer: BatchCommitter | None = None,
    ) -> None:
        self.recipient_policy = recipient_policy
        self.store = store
        self.publisher = publisher
        self.executor = executor
        self.max_recipients = max_recipients
        self.on_stored = on_stored
        self.committer = committer

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: SMTPEnvelope, address: str, rcpt_options: list[str]
    ) -> str:
        normalised = address.strip().lower()
        verdict = self.recipient_policy(normalised)
        if verdict == "relay":
            metrics.REJECTED.labels("relay").inc()
            log.info("recipient_rejected", reason="relay", recipient=mask_address(normalised))
            return replies.RELAY_DENIED
        if verdict != "accept":
            metrics.REJECTED.labels("unknown_recipient").inc()
            log.info("recipient_rejected", reason="unknown", recipient=mask_address(normalised))
            return replies.UNKNOWN_RECIPIENT
        if normalised in envelope.rcpt_tos:
            return replies.RCPT_OK
        if len(envelope.rcpt_tos) >= self.max_recipients:
            return replies.TOO_MANY_RECIPIENTS
        envelope.rcpt_tos.append(normalised)
        envelope.rcpt_options.extend(rcpt_options)
        return replies.RCPT_OK

    def _store_and_announce(self, envelope: Envelope, raw: bytes) -> str:
        with metrics.STORE_SECONDS.time():
            key = self.store.put(envelope, raw)
        log.info("message_stored", message_key=key, size=len(raw), recipients=len(envelope.rcpt_tos))
        if self.on_stored is not None:
            self.on_stored(key)
        if self.publisher is not None and not self.publisher.announce(key):
            metrics.ENQUEUE_FAILED.inc()
        return key

    async def handle_DATA(self, server: SMTP, session: Session, envelope: SMTPEnvelope) -> str:
        raw: Any = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        if not raw.strip():
            return replies.EMPTY_MESSAGE
        peer = session.peer[0] if isinstance(session.peer, tuple) else str(session.peer or "")
        stored_envelope = Envelope(
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            peer=str(peer),
            helo=str(session.host_name or ""),
            received_at=time.time(),
        )
        try:
            if self.committer is not None:
                key = await self.committer.submit(stored_envelope, raw)
            else:
                loop = asyncio.get_running_loop()
                key = await loop.run_in_executor(self.executor, self._store_and_announce, stored_envelope, raw)
        except StoreError as exc:
            metrics.REJECTED.labels("store_failed").inc()
            log.error("message_store_failed", error=str(exc))
            return replies.STORE_FAILED
        except Exception as exc:  # nothing is stored: the sender must retry
            log.exception("message_receive_failed", error=type(exc).__name__)
            return replies.LOCAL_ERROR
        metrics.ACCEPTED.inc()
        return replies.QUEUED.format(key=key)


def make_protocol_factory(
    handler: ReceiverHandler, *, hostname: str, max_message_size: int
) -> Callable[[], RootmailSMTP]:
    def factory() -> RootmailSMTP:
        return RootmailSMTP(
            handler,
            hostname=hostname,
            ident="rootmail ESMTP",
            data_size_limit=max_message_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            command_call_limit=None,
        )

    return factory


async def start_server(
    handler: ReceiverHandler, *, host: str, port: int, hostname: str, max_message_size: int,
    reuse_port: bool = False,
) -> asyncio.Server:
    """Listen on ``host:port``; returns the asyncio server (``.sockets`` gives the bound port).

    ``reuse_port`` lets several receiver processes share the port (the kernel spreads connections).
    """
    loop = asyncio.get_running_loop()
    factory = make_protocol_factory(handler, hostname=hostname, max_message_size=max_message_size)
    return await loop.create_server(factory, host=host, port=port, reuse_address=True, reuse_port=reuse_port)
