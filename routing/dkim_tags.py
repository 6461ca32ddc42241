"""The tags of a raw DKIM-Signature header, read with the RFC 6376 §3.2 tag-list grammar.

Decisions about a signature (its ``d=``, ``s=``, ``h=``, ``l=``) are made on the bytes the verifier
(dkimpy) read, never on a decoded copy. Grammar (RFC 6376 §3.2)::

    tag-list  = tag-spec *( ";" tag-spec ) [ ";" ]
    tag-spec  = [FWS] tag-name [FWS] "=" [FWS] tag-value [FWS]
    tag-name  = ALPHA *ALNUMPUNC
    tag-value = [ tval *( 1*(WSP / FWS) tval ) ]      tval = 1*VALCHAR (%x21-3A / %x3C-7E)

"Tags with duplicate names MUST NOT occur within a single tag-list; if a tag name does occur more
than once, the entire tag-list is invalid" (§3.2). Stricter than the grammar, a header holding an
RFC 2047 encoded word (``=?``) is invalid too: no signer writes one, and a decoding parser would read
different tags from it than the verifier. dkimpy splits the same bytes on ``;`` and the first ``=``
(``dkim.util.parse_tag_value``), so for every header this module accepts both read the same tags.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from routing.signed_view import crlf_only

_FWS = re.compile(rb"(?:\r\n|\n)(?=[ \t])")  # = \r?\n(?=[ \t]); a branch of literals scans faster
_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_VALUE = re.compile(r"[\x21-\x3a\x3c-\x7e]+(?:[ \t]+[\x21-\x3a\x3c-\x7e]+)*")
_HOSTNAME = re.compile(r"(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?")
_SELECTOR = re.compile(r"[a-z0-9_](?:[a-z0-9_.-]*[a-z0-9_])?")
_HEADER_NAME = re.compile(r"[\x21-\x39\x3b-\x7e]+")
_LENGTH = re.compile(r"[0-9]{1,76}")
# printable ASCII, space and tab: in a tag-list of only these every value passes _VALUE, since a value less its
# outer white space is then a run of VALCHARs (all of these but ";", where the list is split), spaces and tabs
# that starts and ends with a VALCHAR
_TAG_CHARS = re.compile(r"[\x20-\x7e\t]*+")
# the names of a tag-list, joined with ";" (which none holds), each of _NAME's form: one match for all
_TAG_NAMES = re.compile(r"[A-Za-z][A-Za-z0-9_]*+(?:;[A-Za-z][A-Za-z0-9_]*+)*+")
# a whole h= value (stripped) whose names, each stripped of spaces and tabs, are all nonempty and of
# _HEADER_NAME's characters: white space only next to a ":" (possessive runs: the classes exclude what
# follows them; tests/routing/test_dkim_tags.py compares with stripping and checking each name)
_SIGNED_NAMES = re.compile(r"[\x21-\x39\x3b-\x7e]++(?:[ \t]*+:[ \t]*+[\x21-\x39\x3b-\x7e]++)*+")


class TagListError(ValueError):
    """The header is not a valid DKIM tag-list: the signature is invalid."""


def parse_tag_list(value: bytes) -> dict[str, str]:
    """The tags of a raw header value (the bytes after ``DKIM-Signature:``), names as written."""
    stripped = _tag_text(value)
    tags = _checked_tags(stripped) if _TAG_CHARS.fullmatch(stripped) else None
    return _tags(stripped) if tags is None else tags


def _unfold(value: bytes) -> bytes:
    """``_FWS.sub(b"", value)``: every line break followed by white space removed. When every "\n"
    is part of a CRLF (dkimpy ends each line of a header value with CRLF), that is two ``replace``
    passes: each removes the CRLFs the original has before a space, then a tab, and neither makes a
    new CRLF (a removed CRLF leaves its space or tab between its neighbours); the bare-LF branch of
    :data:`_FWS` never fires. Same result (tests/routing/test_dkim_tags.py); "every LF ends a CRLF" is
    :func:`routing.signed_view.crlf_only`, one scan instead of two counts."""
    if crlf_only(value):
        return value.replace(b"\r\n ", b" ").replace(b"\r\n\t", b"\t")
    return _FWS.sub(b"", value)


def _tag_text(value: bytes) -> str:
    """The header value as the text of a tag-list: folding white space removed, ASCII, no other
    line break, outer white space stripped."""
    if b"=?" in value:
        raise TagListError("holds an RFC 2047 encoded word")
    try:
        text = _unfold(value).decode("ascii")
    except UnicodeDecodeError as exc:
        raise TagListError("holds bytes that are not ASCII") from exc
    body = text.rstrip("\r\n")
    if "\r" in body or "\n" in body:
        raise TagListError("holds a line break that is not folding white space")
    return text.strip(" \t\r\n")


def _specs(stripped: str) -> list[str]:
    specs = stripped.split(";")
    if not specs[-1].strip(" \t"):
        specs.pop()  # a trailing ";" is allowed
    return specs


def _checked_tags(stripped: str) -> dict[str, str] | None:
    """:func:`_tags` of an unfolded tag-list of :data:`_TAG_CHARS` only, when it raises nothing, else None:
    every value is valid (see :data:`_TAG_CHARS`), so only a spec without "=", a bad name or a repeated
    one is left to find, and the names are checked at once (tests/routing/test_dkim_tags.py compares)."""
    specs = _specs(stripped)
    tags: dict[str, str] = {}
    for spec in specs:
        name, sep, raw_value = spec.partition("=")
        if not sep:
            return None
        tags[name.strip(" \t")] = raw_value.strip(" \t")
    if len(tags) != len(specs) or not _TAG_NAMES.fullmatch(";".join(tags)):
        return None  # a repeated or bad name: _tags says which
    return tags


def _tags(stripped: str) -> dict[str, str]:
    """The tags of an unfolded tag-list, every spec checked on its own; raise :class:`TagListError` at
    the first bad one."""
    tags: dict[str, str] = {}
    for spec in _specs(stripped):
        name, sep, raw_value = spec.partition("=")
        name, tag_value = name.strip(" \t"), raw_value.strip(" \t")
        if not sep or not _NAME.fullmatch(name):
            raise TagListError(f"bad tag-spec {spec.strip()[:40]!r}")
        if tag_value and not _VALUE.fullmatch(tag_value):
            raise TagListError(f"bad value of tag {name!r}")
        if name in tags:
            raise TagListError(f"duplicate tag {name!r}")
        tags[name] = tag_value
    return tags


@dataclass(frozen=True, slots=True)
class SignatureTags:
    """What rootmail reads of one DKIM-Signature: ``index`` counts DKIM-Signature headers from the top;
    ``tags`` are all its tags as read here from the raw header value ``value`` (the verifier takes them
    instead of reading the header again: :meth:`routing.dkim_verify.MailVerifier.verify`)."""

    index: int
    domain: str
    selector: str
    signed_names: tuple[str, ...]
    body_length: int | None
    canonicalization: str
    b: str
    tags: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    value: bytes = field(default=b"", compare=False, repr=False)


def _signed_names(h: str) -> tuple[str, ...] | None:
    """The names of an ``h=`` value (a tag value: no white space around it), lower case, without the white
    space around each; None when one is empty or holds a character outside :data:`_HEADER_NAME`. One match
    of the whole value (:data:`_SIGNED_NAMES`: white space only next to a ":"), then every space and tab
    dropped, instead of a strip per name and a check of them joined (test_dkim_tags.py compares both)."""
    signed = h.lower()  # ASCII (_tag_text): lower-casing the whole value lower-cases each name
    if not _SIGNED_NAMES.fullmatch(signed):
        return None
    if " " in signed or "\t" in signed:
        signed = signed.replace(" ", "").replace("\t", "")
    return tuple(signed.split(":"))


def signature_tags(index: int, value: bytes) -> SignatureTags:
    """The tags of DKIM-Signature number ``index``; raise :class:`TagListError` when it is invalid."""
    tags = parse_tag_list(value)
    for required in ("d", "s", "h", "b"):
        if not tags.get(required):
            raise TagListError(f"no {required}= tag")
    domain = tags["d"].lower()
    if not _HOSTNAME.fullmatch(domain):
        raise TagListError("d= is not a domain name")
    selector = tags["s"].lower()
    if not _SELECTOR.fullmatch(selector):
        raise TagListError("s= is not a selector")
    names = _signed_names(tags["h"])
    if names is None:
        raise TagListError("h= holds an empty or invalid header name")
    if "from" not in names:
        raise TagListError("h= does not sign From (RFC 6376 §5.4)")
    length: int | None = None
    if "l" in tags:
        if not _LENGTH.fullmatch(tags["l"]):
            raise TagListError("l= is not a decimal number")
        length = int(tags["l"])
    return SignatureTags(index, domain, selector, names, length, tags.get("c", "simple/simple"),
                         tags["b"].replace(" ", "").replace("\t", ""), tags, value)
