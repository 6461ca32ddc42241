"""The SMTP protocol object of the receiver: aiosmtpd's ``SMTP`` with our own reply codes,
connection admission, and two fast paths for the work every message pays for.

- Replies aiosmtpd generates itself get enhanced status codes (:data:`replies.AIOSMTPD_REWRITES`).
- Admission (concurrency cap, per-IP rate) is decided when the banner would be sent, that is after
  a PROXY header has told us the real client address.
- DATA is read in chunks (:mod:`ingest.data_reader`) instead of line by line.
- ``MAIL FROM:<a@b>`` / ``RCPT TO:<a@b>`` with a plain dot-atom address is parsed with one regular
  expression; anything else (quoted local parts, comments, source routes, address literals,
  non-ASCII) goes through aiosmtpd's RFC 5322 parser as before. Both give the same result, which a
  property test checks; where that parser crashes (``MAIL FROM:<``) the address is malformed (553).
"""

from __future__ import annotations

import asyncio
import re

import structlog
from aiosmtpd.smtp import MISSING, SMTP, Session

from ingest import metrics, replies
from ingest.data_reader import DataState, read_data, supports_fast_read
from ingest.limits import ConnectionLimits

log = structlog.get_logger(__name__)

_ATOM = r"[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
PLAIN_ANGLE_ADDR = re.compile(rf"<({_ATOM}(?:\.{_ATOM})*@{_LABEL}(?:\.{_LABEL})*)>")
_REWRITTEN_CODES = frozenset(prefix[:3] for prefix, _ in replies.AIOSMTPD_REWRITES)


def client_ip(session: Session | None) -> str:
    """The client's address: from the PROXY header when there was one, else the socket peer."""
    if session is None:
        return ""
    proxy = getattr(session, "proxy_data", None)
    if proxy is not None and getattr(proxy, "src_addr", None):
        return str(proxy.src_addr)
    peer = session.peer
    return str(peer[0]) if isinstance(peer, tuple) else str(peer or "")


class RootmailSMTP(SMTP):
    """aiosmtpd's protocol with enhanced status codes, admission control and fast paths."""

    limits: ConnectionLimits | None = None
    _admitted: bool | None = None

    async def push(self, status: str) -> None:  # type: ignore[override]
        if self._admitted is None and status.startswith("220 ") and self.limits is not None:
            refusal = self.limits.admit(client_ip(self.session))
            self._admitted = refusal is None
            if refusal is not None:
                metrics.REJECTED.labels(refusal.replace(" ", "_")).inc()
                log.info("connection_refused", reason=refusal)
                await super().push(
                    replies.TOO_MANY_CONNECTIONS if refusal == "too many connections" else replies.RATE_EXCEEDED)
                if self.transport is not None:
                    self.transport.close()
                return
        if status[:3] in _REWRITTEN_CODES:
            for prefix, replacement in replies.AIOSMTPD_REWRITES:
                if status.startswith(prefix):
                    status = replacement
                    break
        await super().push(status)

    def connection_lost(self, error: Exception | None) -> None:
        if self._admitted and self.limits is not None:
            self.limits.release()
            self._admitted = False
        super().connection_lost(error)

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

    async def smtp_DATA(self, arg: str) -> None:
        reader = self._reader
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
        await self.push(replies.OK if status is MISSING else status)
