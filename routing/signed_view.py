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
  header block is parsed again (tests/routing/test_signed_view.py checks both ways agree). When the
  view keeps every instance of the headers a :class:`ParsedMail` field is read from and the mail's
  parse holds the same header list (same count and names, no bare CR that the two parsers would
  split differently), not even that: the view's headers are the parse's own, selected by index.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, fields
from typing import TypeVar

import dkim

from routing.types import ParsedMail

ONCE_ONLY = ("from", "sender", "to", "subject", "date", "message-id", "in-reply-to", "references",
             "reply-to", "cc")
MIME_STRUCTURE = ("content-type", "content-transfer-encoding", "mime-version", "content-disposition")
# the headers the ParsedMail fields other than ``headers`` are read from (routing.parse._header_fields)
_SINGLETONS = (*ONCE_ONLY, *MIME_STRUCTURE)
FIELD_HEADERS = frozenset(("from", "to", "cc", "subject", "date", "message-id", "in-reply-to", "references"))

# a line break followed by an empty line (see _blank_line)
_LINE_END_BLANK = re.compile(rb"\n\r?\n")
# where one header field ends: a line end not followed by a continuation line's space or tab, in a block whose
# line ends are CRLF (every LF ends a CRLF), or "\n" (one whose CRLFs were made LF); led by a literal, which re
# scans for fast
_FIELD_END_CRLF = re.compile(rb"\r\n(?![ \t])")
_FIELD_END_LF = re.compile(rb"\n(?![ \t])")
# the names of a header block's fields joined with ":" (which none holds), each a nonempty run of the characters
# dkimpy takes in a name, but ":" (its [\x21-\x7e]+? up to the first ":"): one match for all
_FIELD_NAMES = re.compile(rb"[\x21-\x39\x3b-\x7e]++(?::[\x21-\x39\x3b-\x7e]++)*+")
_SEPARATOR = operator.itemgetter(1)
# an LF that does not end a CRLF, and a CR that does not start one: a literal, then a fixed-width look-around (one
# step per candidate, linear); re scans for the literal fast (see crlf_only)
_BARE_LF = re.compile(rb"\n(?<!\r\n)")
_BARE_CR = re.compile(rb"\r(?!\n)")


# ParsedMail's fields in order, read in one call: ``_with_header_list`` builds the view without
# dataclasses.replace's per-field lookups
_PARSED_FIELDS = tuple(f.name for f in fields(ParsedMail))
_PARSED_VALUES = operator.attrgetter(*_PARSED_FIELDS)
_HEADERS_AT = _PARSED_FIELDS.index("headers")
T = TypeVar("T", str, bytes)


class HeaderBlockError(ValueError):
    """The header block cannot be read the way the DKIM verifier reads it."""


@dataclass(frozen=True, slots=True)
class HeaderBlock:
    """The header fields of a mail exactly as dkimpy reads them (``dkim.rfc822_parse``): raw
    (name, value) byte pairs in message order, each value with its folding and line ends, and the
    lower-case names."""

    fields: tuple[tuple[bytes, bytes], ...]
    names: tuple[str, ...]

    def values(self, name: str) -> list[bytes]:
        """The raw values of header ``name`` (lower case), top first (one pass, no index list)."""
        return [field[1] for field, n in zip(self.fields, self.names, strict=True) if n == name]

    def instances(self, name: str) -> list[int]:
        """Indexes of the instances of header ``name`` (lower case), top first."""
        return [i for i, n in enumerate(self.names) if n == name]


def _dkimpy_parse(raw: bytes) -> tuple[list[list[bytes]], bytes]:
    try:
        headers, body = dkim.rfc822_parse(raw)
    except (dkim.MessageFormatError, IndexError) as exc:  # IndexError: a folded line before any field
        raise HeaderBlockError(str(exc)[:120] or "continuation line before the first header") from exc
    return headers, bytes(body)


def crlf_only(data: bytes) -> bool:
    """Whether every LF of ``data`` ends a CRLF: ``data.count(b"\\n") == data.count(b"\\r\\n")`` (each CRLF holds
    one LF and CRLFs cannot overlap, so the counts differ exactly when some LF has no CR before it), answered by
    one scan for such an LF (:data:`_BARE_LF`) instead of two counts (tests/routing/test_speed_s32_auth.py)."""
    return _BARE_LF.search(data) is None


def _blank_line(raw: bytes) -> int | None:
    """Where the first empty line starts (``(?:\\A|\\n)(\\r?\\n)``), or None: after the start, the
    leftmost :data:`_LINE_END_BLANK` (a line break, then a CRLF or LF) is the earlier of the first
    "\\n\\r\\n" and the first "\\n\\n", found in one pass that ends there (led by its literal "\\n": re
    scans for it fast) instead of two ``find`` scans over the header block (3x faster on the samples)."""
    if raw.startswith((b"\n", b"\r\n")):
        return 0
    found = _LINE_END_BLANK.search(raw)
    return None if found is None else found.start() + 1


def _plain_fields(block: bytes) -> tuple[tuple[tuple[bytes, bytes], ...], tuple[str, ...]] | None:
    """The fields of a header block in which every line is a field or its continuation (no mbox
    ``From `` line, nothing dkimpy refuses), and their lower-case names; else None.

    dkimpy splits lines at ``\r?\n`` (the same as ``\r\n`` -> ``\n``, then ``\n``), takes the name up
    to the first ``:`` and ends each line of the value with CRLF. So the block is split where a line end
    is not followed by a continuation line (:data:`_FIELD_END_CRLF`): every piece must be a name of
    dkimpy's characters, ":" and the value; the last piece, after the block's final line end, empty. When
    every LF of the block ends a CRLF, the pieces are cut from the block as it is and their values hold
    dkimpy's CRLFs already (no copy with LFs, no replace per value); else from the block with CRLF made LF,
    each value's LFs made CRLF. The names, checked and lower-cased joined with ":" (which none holds;
    ASCII, no white space: each as :func:`_lower_names` makes it). Same fields as one regex over the block
    whose matches must tile it, the form before (tests/routing/test_speed_s27b.py)."""
    crlf = crlf_only(block)
    pieces = _FIELD_END_CRLF.split(block) if crlf else _FIELD_END_LF.split(block.replace(b"\r\n", b"\n"))
    if pieces.pop():  # the block does not end with a line end
        return None
    if not pieces:
        return (), ()
    parts = [piece.partition(b":") for piece in pieces]
    joined = b":".join([name for name, _, _ in parts])
    if not all(map(_SEPARATOR, parts)) or _FIELD_NAMES.fullmatch(joined) is None:
        return None  # a line without ":" or a name of other characters: dkimpy's parse decides
    if crlf:
        fields = tuple([(name, value + b"\r\n") for name, _, value in parts])
    else:
        fields = tuple([(name, value.replace(b"\n", b"\r\n") + b"\r\n") for name, _, value in parts])
    return fields, tuple(joined.lower().decode("ascii").split(":"))


def header_block(raw: bytes) -> HeaderBlock:
    """The header fields of ``raw``: dkimpy's own parse of the part before the first empty line (the
    same fields as its parse of the whole mail, without splitting the body into lines); a block of
    plain fields is read by :func:`_plain_fields`, giving the same fields (property test against dkimpy)."""
    blank = _blank_line(raw)
    plain = _plain_fields(raw[:blank]) if blank is not None else None
    if plain is not None:
        return HeaderBlock(*plain)
    headers, _ = _dkimpy_parse(raw if blank is None else raw[:blank])
    fields = tuple((bytes(name), bytes(value)) for name, value in headers)
    return HeaderBlock(fields, _lower_names(fields))


def _lower_names(fields: tuple[tuple[bytes, bytes], ...]) -> tuple[str, ...]:
    """The header names, decoded and lower-cased. One by one: dkimpy's parse may give a name that
    holds ``:`` (its ``[\x21-\x7e]+?:`` reads ``:To: x`` as the name ``:To``), so the names cannot be
    joined and split again (a hostile-variant test found it)."""
    return tuple([name.decode("ascii", "replace").strip().lower() for name, _ in fields])  # a list: no generator


def body_of(raw: bytes) -> bytes:
    """The body of ``raw`` as dkimpy reads it (CRLF line ends), for a mail whose header block is
    readable (:func:`header_block` did not raise): what follows the first empty line, each ``\r?\n``
    made CRLF (dkimpy splits at ``\r?\n`` and joins with CRLF; property test against dkimpy)."""
    blank = _blank_line(raw)
    if blank is None:
        return _dkimpy_parse(raw)[1]
    body = raw[blank + (2 if raw.startswith(b"\r\n", blank) else 1):]
    if crlf_only(body):
        return body  # every LF ends a CRLF already: the two replaces would give these bytes back
    return body.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def instances_by_name(names: Sequence[T]) -> dict[T, list[int]]:
    """The indexes of each name's instances, top first: one pass over the names."""
    by_name: dict[T, list[int]] = {}
    for index, name in enumerate(names):
        by_name.setdefault(name, []).append(index)
    return by_name


def covered_instances(block: HeaderBlock, signed_names: Sequence[str],
                      by_name: Mapping[str, Sequence[int]] | None = None) -> frozenset[int]:
    """Indexes of the instances that ``h=`` signs (RFC 6376 §5.4.2), like dkimpy's
    ``select_headers``: per name, the next instance upwards from the last one taken, i.e. the k-th
    listing of a name takes its k-th instance from the bottom. Read from each name's instances
    (:func:`instances_by_name`), not by walking up the header block per listed name: that walk is
    |h=| x |headers| steps for names the block does not hold (8,000 of each: 0.6 s). ``by_name``:
    ``instances_by_name(block.names)`` when the caller made it already."""
    if by_name is None:
        by_name = instances_by_name(block.names)
    taken: set[int] = set()
    used: dict[str, int] = {}
    for name in signed_names:
        found = by_name.get(name)
        count = used.get(name, 0)
        if found is not None and count < len(found):
            taken.add(found[-1 - count])
            used[name] = count + 1
    return frozenset(taken)


def repeated_singletons(block: HeaderBlock, by_name: Mapping[str, Sequence[int]] | None = None) -> list[str]:
    """The once-only and MIME structure header names that occur more than once. ``by_name``:
    ``instances_by_name(block.names)`` when the caller made it already: the names of more than one instance,
    read from it in the same order."""
    if by_name is not None:
        return [name for name in _SINGLETONS if len(by_name.get(name, ())) > 1]
    # the names seen twice, in one pass (a Counter of every name cost more than the rest of the check)
    seen: set[str] = set()
    repeated: set[str] = set()
    for name in block.names:
        if name in seen:
            repeated.add(name)
        else:
            seen.add(name)
    return [name for name in _SINGLETONS if name in repeated] if repeated else []


def view_indexes(block: HeaderBlock, covered: frozenset[int],
                 by_name: Mapping[str, Sequence[int]] | None = None) -> list[int]:
    """The header instances of the signed view: covered ones plus single MIME structure headers.
    ``by_name``: ``instances_by_name(block.names)`` when the caller made it already (the MIME structure
    headers' instances read from it: the same indexes)."""
    if by_name is not None:
        return sorted(covered.union(*[by_name.get(name, ()) for name in MIME_STRUCTURE]))
    extra = {i for i, name in enumerate(block.names) if name in MIME_STRUCTURE}
    return sorted(covered | extra)


def view_bytes(block: HeaderBlock, body: bytes, indexes: Sequence[int]) -> bytes:
    """The message made of the header instances ``indexes`` (message order) and ``body``."""
    lines = [block.fields[i][0] + b":" + block.fields[i][1] for i in indexes]
    return b"".join(lines) + b"\r\n" + body


def signed_view(parsed: ParsedMail, block: HeaderBlock, indexes: Sequence[int]) -> ParsedMail:
    """The view of the mail ``parsed`` made of the header instances ``indexes`` (see the module
    docstring): header fields from those instances, body fields and size from ``parsed``."""
    from routing.parse import with_headers

    if _same_header_list(parsed, block) and FIELD_HEADERS.isdisjoint(
            block.names[i] for i in set(range(len(block.names))).difference(indexes)):
        # every field header is in the view: only ``headers`` differs from the mail's own parse
        headers = parsed.headers
        return _with_header_list(parsed, tuple([headers[i] for i in indexes]))  # a list first: no generator
    return with_headers(parsed, view_bytes(block, b"", indexes))


def _with_header_list(parsed: ParsedMail, headers: tuple[tuple[str, str], ...]) -> ParsedMail:
    """``dataclasses.replace(parsed, headers=headers)``, faster (tests/routing/test_signed_view.py)."""
    values = list(_PARSED_VALUES(parsed))
    values[_HEADERS_AT] = headers
    return ParsedMail(*values)


def _same_header_list(parsed: ParsedMail, block: HeaderBlock) -> bool:
    """Whether ``parsed.headers`` (the email package's parse) and ``block`` (dkimpy's) list the
    same header instances in the same order: the email package also ends a line at a bare CR."""
    if len(parsed.headers) != len(block.names) or [key.lower() for key, _ in parsed.headers] != list(block.names):
        return False
    # every CR of every value starts a CRLF: no value holds a CR without an LF after it, searched in the values
    # joined with NUL (which makes no CRLF across two values); the same as count(CR) == count(CRLF) of the
    # join, the form before (each CRLF holds one CR; tests/routing/test_speed_s32_auth.py)
    values = b"\0".join([value for _, value in block.fields])
    return _BARE_CR.search(values) is None
