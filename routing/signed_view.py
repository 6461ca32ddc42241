"""What a verified DKIM signature covers, and the mail as the signer wrote it (the signed view).

* Header instances: each name in ``h=`` signs one instance, counted from the bottom of the header
  block up; a name listed n times signs the last n instances (RFC 6376 §5.4.2). The header list is
  dkimpy's own (``dkim.rfc822_parse``), so indexes agree with the verifier's.
* Once-only headers (RFC 5322 §3.6: From, Sender, To, Subject, Date, Message-ID, In-Reply-To,
  References, Reply-To, Cc) and the MIME structure headers: a second instance anywhere makes the mail
  not ``pass`` (someone added one above or below the signed one).
* MIME structure headers (Content-Type, Content-Transfer-Encoding, MIME-Version, Content-Disposition) that the signature
  does not cover are kept in the view when there is exactly one instance: the body hash fixes the
  bytes they describe, so an altered one can only re-read signed bytes, never add text. AWS's own
  mail does not always sign Content-Type.
* The signed view (:func:`signed_view`) is the message made of the covered instances, the single
  MIME structure headers and the body, as :func:`routing.parse.parse_mail` reads it. Unsigned headers
  (``X-Original-From``, an added ``In-Reply-To``, ``References``, ``Received``) are not in it. The
  body is read once: since the view keeps every top-level header that decides how the body is read
  (the MIME structure headers), its body fields are those of the whole mail's parse, and only the
  header block is parsed again (tests/routing/test_signed_view.py checks both ways agree).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import dkim

from routing.types import ParsedMail

ONCE_ONLY = ("from", "sender", "to", "subject", "date", "message-id", "in-reply-to", "references",
             "reply-to", "cc")
MIME_STRUCTURE = ("content-type", "content-transfer-encoding", "mime-version", "content-disposition")

RawHeaders = list[tuple[bytes, bytes]]


class HeaderBlockError(ValueError):
    """The header block cannot be read the way the DKIM verifier reads it."""


def raw_headers(raw: bytes) -> tuple[RawHeaders, bytes]:
    """``(headers, body)`` exactly as dkimpy reads them: (name, value) byte pairs in message order,
    each value with its folding and line ends; the body with CRLF line ends."""
    try:
        headers, body = dkim.rfc822_parse(raw)
    except dkim.MessageFormatError as exc:
        raise HeaderBlockError(str(exc)[:120]) from exc
    return [(bytes(name), bytes(value)) for name, value in headers], bytes(body)


def header_name(name: bytes) -> str:
    return name.decode("ascii", "replace").strip().lower()


def instances(headers: RawHeaders, name: str) -> list[int]:
    """Indexes of the instances of header ``name`` (lower case), top first."""
    return [i for i, (n, _) in enumerate(headers) if header_name(n) == name]


def covered_instances(headers: RawHeaders, signed_names: Sequence[str]) -> frozenset[int]:
    """Indexes into ``headers`` of the instances that ``h=`` signs (RFC 6376 §5.4.2), like
    dkimpy's ``select_headers``: per name, the next instance upwards from the last one taken."""
    taken: set[int] = set()
    below: dict[str, int] = {}
    for name in signed_names:
        index = below.get(name, len(headers))
        while index > 0:
            index -= 1
            if header_name(headers[index][0]) == name:
                taken.add(index)
                break
        below[name] = index
    return frozenset(taken)


def repeated_singletons(headers: RawHeaders) -> list[str]:
    """The once-only and MIME structure header names that occur more than once."""
    counts = Counter(header_name(n) for n, _ in headers)
    return [name for name in (*ONCE_ONLY, *MIME_STRUCTURE) if counts[name] > 1]


def view_indexes(headers: RawHeaders, covered: frozenset[int]) -> list[int]:
    """The header instances of the signed view: covered ones plus single MIME structure headers."""
    extra = {i for name in MIME_STRUCTURE for i in instances(headers, name)}
    return sorted(covered | extra)


def view_bytes(headers: RawHeaders, body: bytes, indexes: Sequence[int]) -> bytes:
    """The message made of the header instances ``indexes`` (message order) and ``body``."""
    lines = [headers[i][0] + b":" + headers[i][1] for i in indexes]
    return b"".join(lines) + b"\r\n" + body


def signed_view(parsed: ParsedMail, headers: RawHeaders, indexes: Sequence[int]) -> ParsedMail:
    """The view of the mail ``parsed`` made of the header instances ``indexes`` (see the module
    docstring): header fields from those instances, body fields and size from ``parsed``."""
    from routing.parse import with_headers

    return with_headers(parsed, view_bytes(headers, b"", indexes))
