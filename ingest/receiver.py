"""The aiosmtpd handler: cheap recipient check at RCPT, durable store at DATA, then enqueue.

Replies come from :mod:`ingest.replies`. Nothing is acknowledged with 250 before the message is in
the store; any unexpected error before that is a ``451 4.3.0`` so the sender retries.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import Any, Literal

import structlog
from aiosmtpd.smtp import SMTP, Session
from aiosmtpd.smtp import Envelope as SMTPEnvelope

from ingest import metrics, replies
from ingest.committer import BatchCommitter
from ingest.envelope import Envelope
from ingest.limits import ConnectionLimits
from ingest.log_throttle import LogThrottle
from ingest.networks import TrustedNetworks
from ingest.protocol import RootmailSMTP, client_ip
from ingest.publish import Publisher
from ingest.session_guard import SessionLimits
from ingest.store import MessageStore, StoreError

log = structlog.get_logger(__name__)

RecipientVerdict = Literal["accept", "unknown", "relay"]
RecipientPolicy = Callable[[str], RecipientVerdict]


def mask_address(address: str) -> str:
    """``a***@domain``: logs never carry a full root address."""
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


@dataclass(frozen=True, slots=True)
class EdgePolicy:
    """Limits the receiver enforces on every session (settings ROOTMAIL_SMTP_*)."""

    max_recipients: int = 100
    max_header_size: int = 256 * 1024
    max_received_headers: int = 50
    reject_bare_line_ends: bool = True


def has_bare_line_end(raw: bytes) -> bool:
    """True when ``raw`` has a CR or an LF that is not part of a CRLF pair."""
    pairs = raw.count(b"\r\n")
    return raw.count(b"\n") != pairs or raw.count(b"\r") != pairs


def count_received(header: bytes) -> int:
    """How many header lines start with ``Received:`` (any case)."""
    return (b"\n" + header).lower().count(b"\nreceived:")


def check_content(raw: bytes, policy: EdgePolicy) -> str | None:
    """The reply that refuses ``raw``, or None when it may be stored."""
    if not raw.strip():
        return replies.EMPTY_MESSAGE
    end = raw.find(b"\r\n\r\n")
    header = raw if end < 0 else raw[: end + 2]
    if policy.max_header_size and len(header) > policy.max_header_size:
        return replies.HEADER_TOO_BIG
    if policy.max_received_headers and count_received(header) > policy.max_received_headers:
        return replies.MAIL_LOOP
    if policy.reject_bare_line_ends and has_bare_line_end(raw):
        return replies.BARE_LINE_END
    return None


class ReceiverHandler:
    """Handler hooks named after SMTP verbs, returning the reply line."""

    def __init__(
        self,
        *,
        recipient_policy: RecipientPolicy,
        store: MessageStore,
        publisher: Publisher | None,
        executor: Executor | None = None,
        committer: BatchCommitter | None = None,
        policy: EdgePolicy | None = None,
    ) -> None:
        self.recipient_policy = recipient_policy
        self.store = store
        self.publisher = publisher
        self.executor = executor
        self.committer = committer
        self.policy = policy or EdgePolicy()

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: SMTPEnvelope, address: str, rcpt_options: list[str]
    ) -> str:
        normalised = address.strip().lower()
        verdict = self.recipient_policy(normalised)
        if verdict != "accept":
            reason = "relay" if verdict == "relay" else "unknown"
            metrics.REJECTED.labels("relay" if reason == "relay" else "unknown_recipient").inc()
            # The protocol counts it (abuse limits) and bounds the log lines of one session.
            if not isinstance(server, RootmailSMTP) or server.recipient_rejected(reason):
                log.info("recipient_rejected", reason=reason, recipient=mask_address(normalised))
            return replies.RELAY_DENIED if reason == "relay" else replies.UNKNOWN_RECIPIENT
        if normalised in envelope.rcpt_tos:
            return replies.RCPT_OK
        if len(envelope.rcpt_tos) >= self.policy.max_recipients:
            return replies.TOO_MANY_RECIPIENTS
        envelope.rcpt_tos.append(normalised)
        envelope.rcpt_options.extend(rcpt_options)
        return replies.RCPT_OK

    def _store_and_announce(self, envelope: Envelope, raw: bytes) -> str:
        with metrics.STORE_SECONDS.time():
            key = self.store.put(envelope, raw)
        log.info("message_stored", message_key=key, size=len(raw), recipients=len(envelope.rcpt_tos))
        if self.publisher is not None and not self.publisher.announce(key):
            metrics.ENQUEUE_FAILED.inc()
        return key

    async def handle_DATA(self, server: SMTP, session: Session, envelope: SMTPEnvelope) -> str:
        raw: Any = envelope.original_content or envelope.content or b""
        if isinstance(raw, str):
            raw = raw.encode("utf-8", "surrogateescape")
        refusal = check_content(raw, self.policy)
        if refusal is not None:
            metrics.REJECTED.labels(refusal[4:9]).inc()
            log.info("message_refused", reply=refusal[:9])
            return refusal
        stored_envelope = Envelope(
            mail_from=envelope.mail_from or "",
            rcpt_tos=tuple(envelope.rcpt_tos),
            peer=client_ip(session),
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

    async def handle_EHLO(self, server: SMTP, session: Session, envelope: SMTPEnvelope, hostname: str,
                          responses: list[str]) -> list[str]:
        """EHLO without AUTH: rootmail has no authentication, so it does not offer any.

        aiosmtpd advertises ``AUTH LOGIN PLAIN`` after STARTTLS by default; this 5-argument hook
        replaces its response list and, as its documentation asks, records the client's name.
        """
        session.host_name = hostname
        return [line for line in responses if not line[4:].upper().startswith("AUTH")]

    async def handle_PROXY(self, server: SMTP, session: Session, envelope: SMTPEnvelope,
                           proxy_data: Any) -> bool:
        """Accept a valid PROXY header: the real client address is then used for limits and SPF."""
        return bool(getattr(proxy_data, "valid", True))


@dataclass(frozen=True, slots=True)
class ListenOptions:
    """Protocol-level options of the listener (settings ROOTMAIL_SMTP_*)."""

    hostname: str = "rootmail.local"
    max_message_size: int = 25 * 1024 * 1024
    idle_timeout: float = 300.0
    tls_context: ssl.SSLContext | None = None
    require_tls: bool = False
    proxy_protocol_timeout: float | None = None
    #: With proxy_protocol_timeout: the peers whose PROXY header is read; all others get 554 5.7.1.
    proxy_trusted: TrustedNetworks = field(default_factory=TrustedNetworks)
    limits: ConnectionLimits | None = None
    session_limits: SessionLimits = field(default_factory=SessionLimits)
    #: Bounds the log lines of refusals and closed sessions (shared by the listener's sessions).
    log_throttle: LogThrottle = field(default_factory=LogThrottle)


def make_protocol_factory(handler: ReceiverHandler, options: ListenOptions) -> Callable[[], RootmailSMTP]:
    def factory() -> RootmailSMTP:
        protocol = RootmailSMTP(
            handler,
            hostname=options.hostname,
            ident="rootmail ESMTP",
            data_size_limit=options.max_message_size,
            enable_SMTPUTF8=True,
            decode_data=False,
            command_call_limit=None,
            timeout=options.idle_timeout,
            tls_context=options.tls_context,
            require_starttls=options.require_tls and options.tls_context is not None,
            proxy_protocol_timeout=options.proxy_protocol_timeout,
        )
        protocol.limits = options.limits
        protocol.session_limits = options.session_limits
        protocol.log_throttle = options.log_throttle
        if options.proxy_protocol_timeout is not None:
            protocol.proxy_trusted = options.proxy_trusted
        return protocol

    return factory


async def start_server(
    handler: ReceiverHandler, *, host: str, port: int, hostname: str = "rootmail.local",
    max_message_size: int = 25 * 1024 * 1024, reuse_port: bool = False, options: ListenOptions | None = None,
) -> asyncio.Server:
    """Listen on ``host:port``; returns the asyncio server (``.sockets`` gives the bound port).

    ``reuse_port`` lets several receiver processes share the port (the kernel spreads connections).
    """
    loop = asyncio.get_running_loop()
    options = options or ListenOptions(hostname=hostname, max_message_size=max_message_size)
    factory = make_protocol_factory(handler, options)
    return await loop.create_server(factory, host=host, port=port, reuse_address=True, reuse_port=reuse_port)


def make_tls_context(cert_file: str, key_file: str) -> ssl.SSLContext:
    """Server-side TLS context for STARTTLS (TLS 1.2 or newer)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert_file, key_file)
    return context
