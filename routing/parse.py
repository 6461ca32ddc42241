"""Parse raw RFC 5322 bytes into a :class:`ParsedMail`. The only module that imports mail-parser."""

from __future__ import annotations

import email.utils
import logging
import re
from datetime import datetime
from typing import Any

import mailparser

from routing.htmltext import html_to_text
from routing.types import AttachmentMeta, ParsedMail

_FOLD = re.compile(r"\r?\n[ \t]+")
_MSGID = re.compile(r"<[^<>\s]+>")
MAX_HEADER_VALUE = 64 * 1024
MAX_MIME_PARTS = 500  # more parts than any real notice has: a MIME bomb, refused before parsing
MAX_MIME_DEPTH = 30  # multipart nesting deeper than this is refused before parsing

_CONTENT_TYPE = re.compile(rb"^content-type:[^\n]*(?:\n[ \t][^\n]*)*", re.IGNORECASE | re.MULTILINE)
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;"]+))""", re.IGNORECASE)
_DASH_LINE = re.compile(rb"^--([^\r\n]*)", re.MULTILINE)

# mail-parser logs every MIME part it does not render; that is noise for us, and may quote content
logging.getLogger("mailparser").setLevel(logging.ERROR)


class UnparseableMail(ValueError):
    """The bytes are not a mail we can read at all (permanent: retrying will not help)."""


def _unfold(value: Any) -> str:
    text = "" if value is None else str(value)
    return _FOLD.sub(" ", text).replace("\r", "").replace("\n", " ").strip()[:MAX_HEADER_VALUE]


def _addresses(pairs: Any) -> tuple[str, ...]:
    out: list[str] = []
    for pair in pairs or ():
        if isinstance(pair, (tuple, list)) and len(pair) == 2 and pair[1]:
            out.append(str(pair[1]).strip().lower())
    return tuple(out)


def _header_pairs(parser: Any) -> tuple[tuple[str, str], ...]:
    message = parser.message
    pairs: list[tuple[str, str]] = []
    for key in message:
        if any(existing == key for existing, _ in pairs):
            continue
        for value in message.get_all(key, []):
            pairs.append((str(key), _unfold(_decode_header(value))))
    # keep message order for repeated headers as the email package gives it
    order = {key.lower(): idx for idx, key in enumerate(message.keys())}
    return tuple(sorted(pairs, key=lambda kv: order.get(kv[0].lower(), 0)))


def _decode_header(value: Any) -> str:
    try:
        parts = email.header.decode_header(str(value))
        return str(email.header.make_header(parts))
    except Exception:
        return str(value)


def _attachments(parser: Any) -> tuple[AttachmentMeta, ...]:
    metas: list[AttachmentMeta] = []
    for item in parser.attachments or ():
        payload = item.get("payload") or ""
        size = len(payload) * 3 // 4 if item.get("binary") else len(str(payload).encode("utf-8", "replace"))
        metas.append(
            AttachmentMeta(
                filename=str(item.get("filename") or "unnamed"),
                content_type=str(item.get("mail_content_type") or "application/octet-stream"),
                size=size,
            )
        )
    return tuple(metas)


def _date(parser: Any, raw_date: str) -> datetime | None:
    if raw_date:
        try:
            return email.utils.parsedate_to_datetime(raw_date)
        except (TypeError, ValueError, IndexError):
            pass
    value = parser.date
    return value if isinstance(value, datetime) else None


def check_structure(raw: bytes, max_parts: int = MAX_MIME_PARTS, max_depth: int = MAX_MIME_DEPTH) -> None:
    """Refuse a MIME bomb before the tree is built: count parts and nesting from the boundary
    declarations and delimiter lines alone (one linear scan, no recursion, no decoding)."""
    content_types = list(_CONTENT_TYPE.finditer(raw))
    if len(content_types) > max_parts:
        raise UnparseableMail(f"MIME structure refused: more than {max_parts} Content-Type headers")
    events: list[tuple[int, bool, bytes]] = []  # (offset, is_declaration, boundary)
    declared: set[bytes] = set()
    for header in content_types:
        found = _BOUNDARY.search(header.group(0))
        if found:
            boundary = (found.group(1) if found.group(1) is not None else found.group(2)).rstrip()
            declared.add(boundary)
            events.append((header.start(), True, boundary))
    if not declared:
        return
    for line in _DASH_LINE.finditer(raw):
        events.append((line.start(), False, line.group(1).rstrip()))
    events.sort(key=lambda event: event[0])
    stack: list[bytes] = []
    parts = depth = 0
    for _, is_declaration, value in events:
        if is_declaration:
            stack.append(value)
            depth = max(depth, len(stack))
            if depth > max_depth:
                raise UnparseableMail(f"MIME structure refused: multipart nesting deeper than {max_depth}")
            continue
        closing = value.endswith(b"--") and value[:-2] in stack
        name = value[:-2] if closing else value
        if name not in stack:
            continue  # a line that only looks like a delimiter
        del stack[stack.index(name) + (0 if closing else 1):]
        if not closing:
            parts += 1
            if parts > max_parts:
                raise UnparseableMail(f"MIME structure refused: more than {max_parts} parts")


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse ``raw``; raise :class:`UnparseableMail` when nothing readable is in it."""
    if not raw or not raw.strip():
        raise UnparseableMail("empty message")
    check_structure(raw)
    try:
        parser = mailparser.parse_from_bytes(raw)
    except Exception as exc:  # mail-parser raises many types on hostile input
        raise UnparseableMail(f"mail-parser failed: {type(exc).__name__}") from exc
    headers = _header_pairs(parser)
    if not headers:
        raise UnparseableMail("no header fields: not an RFC 5322 message")

    def first(name: str) -> str:
        wanted = name.lower()
        return next((v for k, v in headers if k.lower() == wanted), "")

    from_pairs = parser.from_ or []
    from_name, from_address = ("", "")
    if from_pairs and isinstance(from_pairs[0], (tuple, list)) and len(from_pairs[0]) == 2:
        from_name, from_address = str(from_pairs[0][0] or ""), str(from_pairs[0][1] or "").lower()
    html = "\n".join(str(part) for part in (parser.text_html or ()))
    plain = "\n".join(str(part) for part in (parser.text_plain or ())).replace("\r\n", "\n")
    html_text = html_to_text(html)
    return ParsedMail(
        subject=first("Subject") or _unfold(parser.subject),
        from_address=from_address,
        from_name=_unfold(from_name),
        to=_addresses(parser.to),
        cc=_addresses(getattr(parser, "cc", None)),
        message_id=_unfold(first("Message-ID")),
        in_reply_to=_unfold(first("In-Reply-To")),
        references=tuple(_MSGID.findall(first("References"))),
        date=_date(parser, first("Date")),
        text=(plain.strip() or html_text),
        html=html,
        html_text=html_text,
        headers=headers,
        attachments=_attachments(parser),
        defects=tuple(sorted(str(d) for d in (parser.defects_categories or ()))),
        size=len(raw),
    )
