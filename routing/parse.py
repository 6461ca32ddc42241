"""Parse raw RFC 5322 bytes into a :class:`ParsedMail`. The only module that imports mail-parser.

A header value that cannot be read (an RFC 2047 encoded word that does not decode, a Date that is not
a date such as year 99999999999) is treated as absent, and the reason is kept in
``ParsedMail.defects`` (``"Subject: bad base64 in an encoded word; treated as absent"``): never an
exception. Addresses (From, To, Cc) come from the undecoded values (:mod:`routing.addresses`).

A body part in a legacy charset (ISO-2022-JP/KR/CN, Shift_JIS, EUC-JP/KR, GB2312/GBK/GB18030, HZ-GB-2312, Big5,
ISO-8859-x, windows-125x, KOI8) is decoded here by its declared charset with the stdlib codecs (mail-parser
hands a 7-bit ISO-2022 or HZ part back undecoded, escape sequences and all); when the declaration is wrong,
the charset's superset, then UTF-8, then Latin-1 (which keeps every byte) are tried: nothing is lost.

A mail without an HTML body part that carries its notice as an HTML attachment (the body only points at
"aviso-aws-health.html") is read from that attachment: it becomes ``html``/``html_text`` (:func:`attached_html`),
so the classifier sees the notice and the ticket shows it, redacted as any HTML part. A calendar part's event
times become ``calendar`` (:mod:`routing.calparts`).

mail-parser logs what it cannot decode, quoting the header value (which may hold a code). Its logger
is closed here: records are counted per parse into ``defects`` (``mailparser_log_records:ERROR=2``)
by :class:`_CountingHandler` and never formatted or passed on to the application's handlers.
"""

from __future__ import annotations

import email.utils
import heapq
import logging
import operator
import re
import threading
import unicodedata
from collections import Counter
from dataclasses import replace
from datetime import datetime
from email.parser import BytesHeaderParser
from typing import Any

import mailparser

from routing import encoded_words
from routing.addresses import mailboxes, single_mailbox
from routing.calparts import calendar_text
from routing.htmltext import html_to_text
from routing.mimeparts import own_leaf_parts
from routing.types import AttachmentMeta, ParsedMail

_FOLD = re.compile(r"\r?\n[ \t]+")
_MSGID = re.compile(r"<[^<>\s]+>")
MAX_HEADER_VALUE = 64 * 1024
MAX_MIME_PARTS = 500  # more parts than any real notice has: a MIME bomb, refused before parsing
MAX_MIME_DEPTH = 30  # multipart nesting deeper than this is refused before parsing
# RFC 2047 encoded words in one header block (the mail's or a MIME part's) above this are refused before
# parsing: the email package's decode_header, which mail-parser runs on every header value and attachment
# name, pops its list of words from the front, quadratic in the words of one value (16,000 in a Subject:
# 3.9 s, 64,000: a minute). The most in any block of our 1,523 sample, corpus and fixture mails is 20
MAX_ENCODED_WORDS = 1000
# A mail without an HTML body part whose notice is sent as an HTML attachment (an AWS Health notice forwarded as
# "aviso-aws-health.html", the body only pointing at it) is read from that attachment, up to this many characters
MAX_ATTACHED_HTML = 512 * 1024

_CONTENT_TYPE = re.compile(rb"^content-type:[^\n]*(?:\n[ \t][^\n]*)*", re.IGNORECASE | re.MULTILINE)
_BOUNDARY = re.compile(rb"""boundary\s*=\s*(?:"([^"\r\n]*)"|([^\s;"]+))""", re.IGNORECASE)
_DASH_LINE = re.compile(rb"^--([^\r\n]*)", re.MULTILINE)
_OFFSET = operator.itemgetter(0)
_LEGACY_CHARSET = re.compile(
    r"(?:iso-?2022-|shift[_-]?jis|sjis|x-sjis|cp932|ms932|windows-31j|euc-?(?:jp|kr|cn)|ks_c_5601|cp949|"
    r"gb2312|gbk|gb18030|cp936|big5|cp950|iso-?8859-|latin-?\d|windows-125\d|cp125\d|koi8-|hz(?:-gb-2312)?$)",
    re.IGNORECASE)
# a declared charset that is often a subset of what the sender really wrote
_SUPERSET = {"shift_jis": "cp932", "shift-jis": "cp932", "sjis": "cp932", "x-sjis": "cp932", "euc-kr": "cp949",
             "ks_c_5601-1987": "cp949", "gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030",
             "big5": "big5hkscs", "iso-2022-jp": "iso2022_jp_ext", "euc-jp": "euc_jis_2004"}



class _CountingHandler(logging.Handler):
    """Counts mail-parser's log records of the parse running in this thread; emits nothing."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.local = threading.local()

    def emit(self, record: logging.LogRecord) -> None:
        counts: Counter[str] | None = getattr(self.local, "counts", None)
        if counts is not None:
            counts[record.levelname] += 1

    def start(self) -> None:
        self.local.counts = Counter()

    def stop(self) -> Counter[str]:
        counts: Counter[str] = getattr(self.local, "counts", None) or Counter()
        self.local.counts = None
        return counts


_MAILPARSER_LOG_COUNTER = _CountingHandler()


def _close_mailparser_logger() -> None:
    """mail-parser's records go to the counter only: not to the root logger's handlers, whatever the
    application configures (it quotes header values; see the module docstring)."""
    logger = logging.getLogger("mailparser")
    logger.handlers[:] = [_MAILPARSER_LOG_COUNTER]
    logger.propagate = False
    logger.setLevel(logging.WARNING)


_close_mailparser_logger()


class UnparseableMail(ValueError):
    """The bytes are not a mail we can read at all (permanent: retrying will not help)."""


def _unfold(value: Any) -> str:
    text = "" if value is None else str(value)
    return _FOLD.sub(" ", text).replace("\r", "").replace("\n", " ").strip()[:MAX_HEADER_VALUE]


def _raw_text(value: Any) -> str:
    """A header value as the email package holds it (8-bit bytes as surrogates) as text, undecoded:
    8-bit bytes as UTF-8 (RFC 6532), else as Latin-1."""
    data = str(value).encode("utf-8", "surrogateescape")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _name(key: Any) -> str:
    return re.sub(r"[^\x21-\x7e]", "?", str(key))[:60]


def _header_pairs(message: Any, defects: list[str]) -> tuple[tuple[str, str], ...]:
    """Every header in message order, RFC 2047-decoded; one that does not decode is left out."""
    pairs: list[tuple[str, str]] = []
    for key, value in message.raw_items():
        try:
            pairs.append((str(key), _unfold(encoded_words.decode(_raw_text(value)))))
        except encoded_words.InvalidEncodedWord as exc:
            defects.append(f"{_name(key)}: {exc}; treated as absent")
    return tuple(pairs)


def _raw_values(message: Any, name: str) -> list[str]:
    return [_raw_text(v) for v in message.get_all(name, [])]


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


def _date(raw_date: str, present: bool, defects: list[str]) -> datetime | None:
    """The Date header's time, or None (absent, or not a date: the reason goes to ``defects``)."""
    if not raw_date:
        if present:
            defects.append("Date: not readable; treated as absent")
        return None
    try:
        return email.utils.parsedate_to_datetime(raw_date)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("Date: not a valid date; treated as absent")
        return None


def check_structure(raw: bytes, max_parts: int = MAX_MIME_PARTS, max_depth: int = MAX_MIME_DEPTH) -> None:
    """Refuse a MIME bomb before the tree is built: count parts and nesting from the boundary
    declarations and delimiter lines alone (one linear scan, no recursion, no decoding)."""
    # complexity 17: one linear scan with its limits inline, so that the bound on the work is visible.
    # Memory stays bounded too: the declarations stop at max_parts + 1, and the delimiter lines are merged
    # in as they are found (a list of them all was 8 million entries for 25 MB of "--x" lines)
    declarations: list[tuple[int, bool, bytes]] = []  # (offset, is_declaration, boundary)
    declared: set[bytes] = set()
    for count, header in enumerate(_CONTENT_TYPE.finditer(raw), 1):
        if count > max_parts:
            raise UnparseableMail(f"MIME structure refused: more than {max_parts} Content-Type headers")
        found = _BOUNDARY.search(header.group(0))
        if found:
            boundary = (found.group(1) if found.group(1) is not None else found.group(2)).rstrip()
            declared.add(boundary)
            declarations.append((header.start(), True, boundary))
    if not declared:
        return
    lines = ((line.start(), False, line.group(1).rstrip()) for line in _DASH_LINE.finditer(raw))
    stack: list[bytes] = []
    parts = depth = 0
    for _, is_declaration, value in heapq.merge(declarations, lines, key=_OFFSET):
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


def check_encoded_words(raw: bytes, max_words: int = MAX_ENCODED_WORDS) -> None:
    """Refuse a mail with more than ``max_words`` RFC 2047 encoded words (counted by their ``=?``) in
    one header block, before it is parsed (see :data:`MAX_ENCODED_WORDS`). A header block starts the
    mail and follows every ``--`` line (a MIME part's, when the line is a delimiter); it ends at the
    first empty line, or at the next ``--`` line. One pass over each stretch between ``--`` lines;
    none at all when the whole mail holds no more than ``max_words``."""
    if raw.count(b"=?") <= max_words:
        return
    start = 0
    for line in _DASH_LINE.finditer(raw):
        _check_block_words(raw, start, line.start(), max_words)
        start = line.end()
    _check_block_words(raw, start, len(raw), max_words)


def _check_block_words(raw: bytes, start: int, limit: int, max_words: int) -> None:
    """The header block at ``start`` (ending at its empty line, at the latest at ``limit``)."""
    blank = [at for at in (raw.find(b"\n\n", start, limit), raw.find(b"\n\r\n", start, limit)) if at != -1]
    if raw.count(b"=?", start, min(blank, default=limit)) > max_words:
        raise UnparseableMail(f"header refused: more than {max_words} RFC 2047 encoded words in one header block")


def parse_mail(raw: bytes) -> ParsedMail:
    """Parse ``raw``; raise :class:`UnparseableMail` when nothing readable is in it."""
    if not raw or not raw.strip():
        raise UnparseableMail("empty message")
    check_structure(raw)
    check_encoded_words(raw)
    _MAILPARSER_LOG_COUNTER.start()
    try:
        parser = mailparser.parse_from_bytes(raw)
        return _parsed(parser, [], len(raw))
    except UnparseableMail:
        raise
    except Exception as exc:  # mail-parser raises many types on hostile input
        raise UnparseableMail(f"mail-parser failed: {type(exc).__name__}") from exc
    finally:
        _MAILPARSER_LOG_COUNTER.stop()


def _header_fields(message: Any, defects: list[str]) -> dict[str, Any]:
    """The ParsedMail fields read from the header block of ``message`` (an email.message.Message)."""
    headers = _header_pairs(message, defects)

    def first(name: str) -> str:
        wanted = name.lower()
        return next((v for k, v in headers if k.lower() == wanted), "")

    def addresses(name: str) -> tuple[str, ...]:
        return tuple(box.address for value in _raw_values(message, name) for box in mailboxes(value) if box.address)

    from_values = _raw_values(message, "From")
    sender = single_mailbox(from_values[0]) if from_values else None
    if sender is not None and sender.problem:
        defects.append(sender.problem)
    return {
        "subject": first("Subject"),
        "from_address": sender.address if sender is not None else "",
        "from_name": _unfold(sender.name) if sender is not None else "",
        "to": addresses("To"),
        "cc": addresses("Cc"),
        "message_id": _unfold(first("Message-ID")),
        "in_reply_to": _unfold(first("In-Reply-To")),
        "references": tuple(_MSGID.findall(first("References"))),
        "date": _date(first("Date"), bool(message.get_all("Date")), defects),
        "headers": headers,
    }


def decode_legacy(payload: bytes, charset: str) -> str:
    """``payload`` read in its declared legacy ``charset``; a wrong declaration falls back to the
    charset's superset, then UTF-8, then Latin-1 (every byte kept)."""
    name = charset.strip().lower()
    for candidate in (name, _SUPERSET.get(name), "utf-8"):
        if candidate:
            try:
                text = payload.decode(candidate)
                text.encode("utf-8")  # a codec that yields lone surrogates did not read the text
                return unicodedata.normalize("NFC", text)
            except (LookupError, UnicodeError):
                continue
    return unicodedata.normalize("NFC", payload.decode("latin-1"))


def _body_parts(message: Any) -> tuple[list[str | None], list[str | None]]:
    """The non-empty text/plain and text/html body parts of ``message`` in the order mail-parser lists them:
    per part the text decoded here when its charset is a legacy one, else None (mail-parser's text stands)."""
    plain: list[str | None] = []
    html: list[str | None] = []
    skipped: set[int] = set()
    for part in message.walk():
        disposition = part.get_content_disposition()
        if id(part) in skipped or (part.is_multipart() and (disposition not in (None, "inline") or (
                disposition != "inline" and part.get_filename()))):
            if part.is_multipart():  # its parts are inside an attachment too
                skipped.update(id(child) for child in part.get_payload())
            continue
        if part.is_multipart() or part.get_content_maintype() != "text" or disposition == "attachment" \
                or part.get_filename() or part.get_content_subtype() not in ("plain", "html"):
            continue
        payload = part.get_payload(decode=True)
        if not payload:
            continue
        charset = part.get_content_charset() or ""
        text = decode_legacy(payload, charset) if _LEGACY_CHARSET.match(charset) else None
        (plain if part.get_content_subtype() == "plain" else html).append(text)
    return plain, html


def attached_html(message: Any, limit: int = MAX_ATTACHED_HTML) -> str:
    """The first text/html part of ``message`` sent as an attachment (a Content-Disposition of attachment, or
    a file name), decoded by its charset and cut at ``limit`` characters; ``""`` when there is none. Parts of
    an attached message (message/rfc822) are not the mail's own: skipped."""
    for part in own_leaf_parts(message):
        if part.get_content_type() != "text/html" or not (
                part.get_content_disposition() == "attachment" or part.get_filename()):
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes) or not payload.strip():
            continue
        charset = part.get_content_charset() or "utf-8"
        try:
            text = payload[:limit * 4].decode(charset, "replace")
        except LookupError:  # a charset Python does not know
            text = payload[:limit * 4].decode("utf-8", "replace")
        return unicodedata.normalize("NFC", text[:limit])
    return ""


def _decoded(texts: Any, legacy: list[str | None]) -> list[str]:
    """mail-parser's ``texts`` with each legacy-charset part replaced by its text decoded here (only when the
    two lists line up part for part)."""
    listed = [str(text) for text in (texts or ())]
    if not legacy or len(listed) != len(legacy):
        return listed
    return [mine if mine is not None else theirs for theirs, mine in zip(listed, legacy, strict=True)]


def _parsed(parser: Any, defects: list[str], size: int) -> ParsedMail:
    fields = _header_fields(parser.message, defects)
    if not fields["headers"] and not defects:
        raise UnparseableMail("no header fields: not an RFC 5322 message")
    legacy_plain: list[str | None] = []
    legacy_html: list[str | None] = []
    # mail-parser's text differs from the declared charset's reading only where it left a 7-bit part undecoded
    # (ISO-2022 escape sequences in it, or HZ-GB-2312's "~{" shifts: RFC 1843) or could not apply the declared
    # charset (CharsetDecodeDefect)
    if "CharsetDecodeDefect" in (parser.defects_categories or ()) or any(
            "\x1b" in str(text) or "~{" in str(text)
            for text in (*(parser.text_plain or ()), *(parser.text_html or ()))):
        legacy_plain, legacy_html = _body_parts(parser.message)
    html = "\n".join(_decoded(parser.text_html, legacy_html))
    plain = "\n".join(_decoded(parser.text_plain, legacy_plain)).replace("\r\n", "\n")
    attachments = _attachments(parser)
    if not html.strip() and any(a.content_type.lower() == "text/html" for a in attachments):
        try:
            html = attached_html(parser.message)
        except Exception:  # the email package on a hostile part: the mail is read as before, without it
            defects.append("HTML attachment not readable; ignored")
    html_text = html_to_text(html)
    calendar = ""
    if parser.text_not_managed or any(a.content_type.lower() == "text/calendar" for a in attachments):
        try:  # (an inline calendar part is one mail-parser does not manage; an .ics file, an attachment)
            calendar = calendar_text(parser.message)
        except Exception:  # the email package on a hostile part: the mail is read as before, without it
            defects.append("calendar part not readable; ignored")
    logged = _MAILPARSER_LOG_COUNTER.stop()
    defects += [f"mailparser_log_records:{level}={n}" for level, n in sorted(logged.items())]
    defects += sorted(str(d) for d in (parser.defects_categories or ()))
    return ParsedMail(
        **fields,
        text=(plain.strip() or html_text),
        html=html,
        html_text=html_text,
        attachments=attachments,
        defects=tuple(defects),
        size=size,
        calendar=calendar,
    )


def with_headers(parsed: ParsedMail, header_block: bytes) -> ParsedMail:
    """``parsed`` with its header fields read from ``header_block`` instead (raw header lines, e.g.
    the instances a DKIM signature covers) and its body fields kept: the body is not read again.
    The caller keeps every header that decides how the body is read (routing.signed_view)."""
    message = BytesHeaderParser().parsebytes(header_block)  # the parser mail-parser uses, headers only
    return replace(parsed, **_header_fields(message, []))
