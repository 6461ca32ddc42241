"""The SMTP protocol object of the receiver: aiosmtpd's ``SMTP`` with our own reply codes,
connection admission, abuse limits, and two fast paths for the work every message pays for.

- Replies aiosmtpd generates itself get enhanced status codes (:data:`replies.AIOSMTPD_REWRITES`).
- PROXY protocol: the header is read only from a peer in the trusted networks
  (ROOTMAIL_SMTP_PROXY_TRUSTED_NETWORKS); any other peer gets ``554 5.7.1`` and is closed as soon as
  it connects, before a byte of what it sends is read. The PROXY address survives STARTTLS.
- Admission (concurrency caps, per-IP rate, recipient probers) is decided when the banner would be
  sent, that is after a trusted PROXY header has told us the real client address.
- Abuse limits of a session (:mod:`ingest.session_guard`): junk-command budget, unknown-recipient
  cap, bounded logging of rejected recipients; beyond a limit ``421 4.7.0`` and the session ends
  (the connection is closed and nothing the client already sent is processed). Refusals and
  goodbyes are logged within a :class:`~ingest.log_throttle.LogThrottle` of the listener.
- AUTH is not offered (rootmail has no authentication); the command is answered ``502 5.5.1``.
- EHLO advertises PIPELINING (RFC 2920: aiosmtpd reads pipelined commands in order) and
  ENHANCEDSTATUSCODES (RFC 2034); every reply except the greeting, the HELO/EHLO reply and the 3xx
  intermediate replies carries an RFC 3463 code, a generic one where aiosmtpd wrote none
  (:func:`with_enhanced_code`).

Every deliberate difference from plain aiosmtpd is listed in tests/conformance/differences.py,
where aiosmtpd's own test suite (from the sdist of the installed version) shows it.
- DATA is read in chunks (:mod:`ingest.data_reader`) instead of line by line.
- ``MAIL FROM:<a@b>`` / ``RCPT TO:<a@b>`` with a plain dot-atom address is parsed with one regular
  expression; anything else (quoted local parts, comments, source routes, address literals,
  non-ASCII) goes through aiosmtpd's RFC 5322 parser as before. Both give the same result, which a
  property test checks; where that parser crashes (``MAIL FROM:<``) the address is malformed (553).
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar, cast

import structlog
from aiosmtpd.smtp import MISSING, SMTP, Session, syntax

from ingest import limits as admission
from ingest import metrics, replies
from ingest.data_reader import DataState, read_data, supports_fast_read
from ingest.limits import ConnectionLimits
from ingest.log_throttle import LogThrottle
from ingest.networks import TrustedNetworks, client_key
from ingest.session_guard import SessionGuard, SessionLimits

log = structlog.get_logger(__name__)

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
PLAIN_ANGLE_ADDR = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})*)>")
_REWRITTEN_CODES = frozenset(prefix[:3] for prefix, _ in replies.AIOSMTPD_REWRITES)
_REFUSALS = {
    admission.TOO_MANY_CONNECTIONS: replies.TOO_MANY_CONNECTIONS,
    admission.TOO_MANY_SESSIONS_PER_IP: replies.TOO_MANY_SESSIONS_PER_IP,
    admission.RATE_EXCEEDED: replies.RATE_EXCEEDED,
    admission.RECIPIENT_PROBING: replies.RECIPIENT_PROBING,
}
#: Error replies that are not junk: our own goodbyes, and unknown recipients (capped on their own).
_NOT_JUNK = ("421", "550 5.1.1")
#: Extensions aiosmtpd supports (pipelined commands are read in order; our replies carry codes) but does not name.
EXTRA_EHLO_KEYWORDS = ("PIPELINING", "ENHANCEDSTATUSCODES")
_ENHANCED = re.compile(r"[245]\.\d{1,3}\.\d{1,3}(?: |$)")
#: RFC 3463 codes for aiosmtpd's own replies that carry none; otherwise ``<class>.0.0``.
_GENERIC_CODES = {"500": "5.5.2", "501": "5.5.4", "502": "5.5.1", "503": "5.5.1", "504": "5.5.4",
                  "553": "5.1.3", "555": "5.5.4", "530": "5.7.0", "552": "5.3.4", "451": "4.3.0"}
_Command = TypeVar("_Command", bound=Callable[..., Awaitable[Any]])


def client_ip(session: Session | None) -> str:
    """The client's address: from the PROXY header when there was one, else the socket peer.

    A PROXY header is only ever read from a trusted peer (see :meth:`RootmailSMTP.connection_made`).
    """
    if session is None:
        return ""
    proxy = getattr(session, "proxy_data", None)
    if proxy is not None and getattr(proxy, "src_addr", None):
        return str(proxy.src_addr)
    peer = session.peer
    return str(peer[0]) if isinstance(peer, tuple) else str(peer or "")


def with_enhanced_code(status: str) -> str:
    """``status`` (a final ``NNN text`` reply of class 2, 4 or 5) with an RFC 3463 enhanced code.

    RFC 2034 section 3: once ENHANCEDSTATUSCODES is advertised, every reply but the greeting and
    the HELO/EHLO reply carries one. Replies that already have a code are returned unchanged.
    """
    if len(status) < 3 or status[3:4] not in ("", " ") or status[:1] not in "245" or _ENHANCED.match(status, 4):
        return status
    code = _GENERIC_CODES.get(status[:3], f"{status[0]}.0.0")
    text = status[4:]
    return f"{status[:3]} {code} {text}" if text else f"{status[:3]} {code}"


def _hello(command: _Command) -> _Command:
    """``command`` (aiosmtpd's HELO or EHLO) with its reply marked as one (no enhanced codes in it;
    EHLO's last line is preceded by :data:`EXTRA_EHLO_KEYWORDS`, see :meth:`RootmailSMTP.push`)."""
    @functools.wraps(command)
    async def answer_hello(self: RootmailSMTP, arg: str) -> None:
        self._hello_reply = True
        try:
            await command(self, arg)
        finally:
            self._hello_reply = False

    return cast(_Command, answer_hello)


def _junk(command: _Command) -> _Command:
    """``command`` (an aiosmtpd ``smtp_*`` method) after spending one junk command.

    ``functools.wraps`` keeps the ``@syntax`` attributes that HELP reads.
    """
    @functools.wraps(command)
    async def spend_then_run(self: RootmailSMTP, arg: str) -> None:
        if self._closing or self.guard.spend_junk():
            await self.goodbye(replies.TOO_MANY_COMMANDS, "too_many_commands")
            return
        await command(self, arg)

    return cast(_Command, spend_then_run)


def _rewrite_aiosmtpd_reply(status: str) -> str:
    """An aiosmtpd error reply we word differently (replies.AIOSMTPD_REWRITES), else ``status``."""
    if status[:3] in _REWRITTEN_CODES:
        for prefix, replacement in replies.AIOSMTPD_REWRITES:
            if status.startswith(prefix):
                return replacement
    return status


class RootmailSMTP(SMTP):
    """aiosmtpd's protocol with enhanced status codes, admission control, abuse limits and fast paths."""

    limits: ConnectionLimits | None = None
    session_limits: SessionLimits = SessionLimits()
    #: Set when PROXY headers are expected: the peers allowed to send them (empty: nobody).
    proxy_trusted: TrustedNetworks | None = None
    client_address = ""
    _client_key = ""
    _admitted: bool | None = None
    _closing = False
    _guard: SessionGuard | None = None
    _hello_reply = False
    #: Give aiosmtpd's own replies a generic enhanced code (RFC 2034). Off only in the conformance
    #: run of aiosmtpd's test suite, whose assertions compare reply texts exactly.
    generic_enhanced_codes = True
    log_throttle: LogThrottle = LogThrottle()

    @property
    def guard(self) -> SessionGuard:
        if self._guard is None:
            self._guard = SessionGuard(self.session_limits)
        return self._guard

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        previous = self.session
        super().connection_made(transport)
        if previous is not None:
            # STARTTLS: aiosmtpd starts a new Session on the TLS transport; the client address the
            # trusted PROXY header gave stays the client address.
            if self.session is not None and self.session.proxy_data is None:
                self.session.proxy_data = previous.proxy_data
            return
        if self.proxy_trusted is not None:
            peer = client_ip(self.session)
            if peer not in self.proxy_trusted:
                # Refused before the header is read: nothing the peer claims is parsed or logged.
                self._closing = True
                metrics.REJECTED.labels("proxy_untrusted").inc()
                self._log_limited("proxy_peer_untrusted", warning=True, peer=peer)
                transport.write(replies.PROXY_UNTRUSTED.encode() + b"\r\n")  # type: ignore[attr-defined]
                transport.close()

    def _log_limited(self, event: str, *, warning: bool = False, **fields: str) -> None:
        """Log an event a client can cause at will, within the listener's :class:`LogThrottle`."""
        suppressed = self.log_throttle.allow(f"{event}:{fields.get('reason', '')}")
        if suppressed is not None:
            extra = {"suppressed": suppressed} if suppressed else {}
            (log.warning if warning else log.info)(event, **fields, **extra)

    async def goodbye(self, reply: str, reason: str) -> None:
        """Answer ``reply`` (a 421), close the connection and stop reading the client's commands."""
        if self._closing:
            await self._stop_here()
            return
        self._closing = True
        metrics.REJECTED.labels(reason).inc()
        self._log_limited("session_closed", reason=reason)
        try:
            await super().push(reply)
        finally:
            if self.transport is not None:
                self.transport.close()
            # Pipelined commands already buffered must not be processed: end the command loop
            # (aiosmtpd's QUIT does the same). push runs in that loop's task.
            task = asyncio.current_task()
            if task is not None:
                task.cancel()

    @staticmethod
    async def _stop_here() -> None:
        """Yield once, so that the cancellation :meth:`goodbye` asked for ends the command loop here.

        (A command already in the reader's buffer is read without yielding, so the loop may run one
        more command after the goodbye; it stops at its first reply, before any handler work.)
        """
        await asyncio.sleep(0)

    async def push(self, status: str | bytes) -> None:
        if self._closing:
            await self._stop_here()
            return
        if isinstance(status, bytes):  # aiosmtpd's AUTH challenges (334) are bytes: nothing to rewrite
            await super().push(status)
            return
        if self._admitted is None and status.startswith("220 ") and not await self._admit():
            return
        if status[:1] in ("4", "5"):
            status = _rewrite_aiosmtpd_reply(status)
            if not status.startswith(_NOT_JUNK) and self.guard.spend_junk():
                await self.goodbye(replies.TOO_MANY_COMMANDS, "too_many_commands")
                return
        await self._push_reply(status)

    async def _admit(self) -> bool:
        """At the greeting: note the client and ask the connection limits; False when refused (goodbye sent)."""
        self.client_address = client_ip(self.session)
        self._client_key = client_key(self.client_address)
        if self.limits is None:
            self._admitted = False
            return True
        refusal = self.limits.admit(self.client_address)
        self._admitted = refusal is None
        if refusal is None:
            return True
        await self.goodbye(_REFUSALS[refusal], refusal.replace(" ", "_"))
        return False

    async def _push_reply(self, status: str) -> None:
        """Write a reply: enhanced status codes before the hello, our extra EHLO keywords in it."""
        if not self._hello_reply:
            # the greeting (and STARTTLS's go-ahead) stay as aiosmtpd writes them
            if self.generic_enhanced_codes and not status.startswith("220"):
                status = with_enhanced_code(status)
        elif status.startswith("250 ") and self.session is not None and self.session.extended_smtp:
            for keyword in EXTRA_EHLO_KEYWORDS:
                await super().push(f"250-{keyword}")
        await super().push(status)

    def connection_lost(self, error: Exception | None) -> None:
        if self._admitted and self.limits is not None:
            self.limits.release(self.client_address)
            self._admitted = False
        guard = self._guard
        if guard is not None and guard.not_logged:
            log.info("recipients_rejected_summary", unknown=guard.unknown, relay=guard.relay,
                     not_logged=guard.not_logged)
            guard.not_logged = 0
        super().connection_lost(error)

    def recipient_rejected(self, reason: str) -> bool:
        """The handler refused a recipient (``unknown`` or ``relay``); True when it may log the line."""
        if reason == "unknown" and self.limits is not None:
            self.limits.note_unknown_recipient(self.client_address)
        return self.guard.recipient_rejected(reason)

    @functools.wraps(SMTP.smtp_RCPT)
    async def smtp_RCPT(self, arg: str | None) -> None:
        limits = self.limits
        if self._closing or self.guard.unknown_exhausted() or (
                limits is not None and limits.probing(self.client_address, self._client_key)):
            await self.goodbye(replies.RECIPIENT_PROBING, "recipient_probing")
            return
        await super().smtp_RCPT(arg)

    @syntax("AUTH <mechanism>")
    async def smtp_AUTH(self, arg: str) -> None:
        await self.push(replies.AUTH_UNAVAILABLE)

    smtp_NOOP = _junk(SMTP.smtp_NOOP)
    smtp_RSET = _junk(SMTP.smtp_RSET)
    smtp_VRFY = _junk(SMTP.smtp_VRFY)
    smtp_EXPN = _junk(SMTP.smtp_EXPN)
    smtp_HELP = _junk(SMTP.smtp_HELP)
    smtp_HELO = _junk(_hello(SMTP.smtp_HELO))
    smtp_EHLO = _junk(_hello(SMTP.smtp_EHLO))

    def _getaddr(self, arg: str) -> tuple[str | None, str | None]:
        match = PLAIN_ANGLE_ADDR.match(arg)
        if match is None or "(" in arg:
            try:
                return super()._getaddr(arg)
            except Exception:  # the stdlib parser crashes on some input ("<", ".@["): malformed
                return None, None
        address = match.group(1)
        if self.local_part_limit and address.rindex("@") > self.local_part_limit:
            return None, None
        return address, arg[match.end():].lstrip(" \t")

    @syntax("DATA")
    async def smtp_DATA(self, arg: str) -> None:
        if self._closing:
            await self._stop_here()
            return
        reader = self._reader  # aiosmtpd's protocol attribute (aiosmtpd==1.4.6, constraints.txt)
        if self._decode_data or not supports_fast_read(reader):
            await super().smtp_DATA(arg)
            return
        if await self.check_helo_needed():
            return
        if await self.check_auth_needed("DATA"):
            return
        assert self.envelope is not None
        if not self.envelope.rcpt_tos:
            await self.push(replies.NEED_RCPT)
            return
        if arg:
            await self.push("501 Syntax: DATA")
            return
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        try:
            content, state = await read_data(reader, size_limit=self.data_size_limit,
                                              line_limit=self.line_length_limit)
        except asyncio.CancelledError:
            self._writer.close()
            raise
        if state is not DataState.NOMINAL:
            await self.push(replies.LINE_TOO_LONG if state is DataState.TOO_LONG else replies.TOO_BIG)
            self._set_post_data_state()  # type: ignore[no-untyped-call]
            return
        self.envelope.content = content
        self.envelope.original_content = content
        status = await self._call_handler_hook("DATA")
        self._set_post_data_state()  # type: ignore[no-untyped-call]
        if status is MISSING:
            status = replies.OK
        if status[:1] == "2":
            self.guard.message_accepted()
        await self.push(status)
