"""dkimpy 1.1.8's reading of a DKIM-Signature's tags, restated with its patterns compiled once.

Owns :func:`parse_tag_value` and :func:`validate_signature_fields`, statement for statement
``dkim.util.parse_tag_value`` and ``dkim.validate_signature_fields`` (DKIM signatures only, not ARC):
the same tags, the same checks in the same order, the same exception classes
(``InvalidTagSpec``, ``DuplicateTag``, ``dkim.ValidationError``). dkimpy calls ``re.match(pattern,
…)`` with pattern strings, which looks each pattern up in ``re``'s cache on every call (ten and more
per signature); here each is compiled at import. Kept equal by a differential test against the
installed dkimpy (tests/routing/test_dkim_fields.py) besides the verifier's own
(tests/routing/test_dkim_verify.py). dkimpy's quirks are kept on purpose: the ``bh=`` check reads
the ``b=`` value with the base64 pattern, ``$`` also matches before a final newline.
"""

from __future__ import annotations

import re
import time

import dkim
from dkim.util import DuplicateTag, InvalidTagSpec

__all__ = ["WSP_BYTES", "parse_tag_value", "validate_signature_fields"]

_TAG_NAME = re.compile(rb"^[a-zA-Z](\w)*")
_BASE64 = re.compile(rb"[\s0-9A-Za-z+/]+[\s=]*$")  # dkimpy's pattern; matched by _base64_like in linear work
_BASE64_HEAD = re.compile(rb"[\s0-9A-Za-z+/]+")
# what ``re.sub(rb"\s+", b"", x)`` removes: for bytes patterns ``\s`` is [ \t\n\r\f\v] (Python's ``re``
# documentation), so ``x.translate(None, WSP_BYTES)`` gives the same bytes without a regex
WSP_BYTES = b" \t\n\r\f\v"
_SPECIALS = re.compile(rb"[\(\)<>\[\]:;@\\,]")
_LENGTH = re.compile(rb"\d{,76}$")
_DECIMAL = re.compile(rb"\d+$")
_MANDATORY = (b"v", b"a", b"b", b"bh", b"d", b"h", b"s")
_SLOP = 36000  # dkimpy: 10 hours of leeway for mailers with inaccurate clocks


def parse_tag_value(tag_list: bytes) -> dict[bytes, bytes]:
    """``dkim.util.parse_tag_value``: the tags of a DKIM tag-value list (RFC 6376 §3.2)."""
    tags: dict[bytes, bytes] = {}
    tag_specs = tag_list.strip().split(b";")
    if not tag_specs[-1]:  # trailing semicolons are valid
        tag_specs.pop()
    for tag_spec in tag_specs:
        # = [x.strip() for x in tag_spec.split(b"=", 1)] unpacked into two (a ValueError without "="),
        # without a list per tag
        key, sep, value = tag_spec.partition(b"=")
        if not sep:
            raise InvalidTagSpec(tag_spec)
        key, value = key.strip(), value.strip()
        if _TAG_NAME.match(key) is None:
            raise InvalidTagSpec(tag_spec)
        if key in tags:
            raise DuplicateTag(key)
        tags[key] = value
    return tags


def _base64_like(value: bytes) -> bool:
    """``_BASE64.match(value) is not None`` in linear work. Matched as written, a value whose
    white-space run is followed by a character of neither class (``b=a`` + 16,000 spaces + ``!``) is
    quadratic: re gives the run back one character at a time and reads the rest of it again as
    ``[\\s=]*`` each time (14.7 s for a 32 KB tag, before any key is looked up). A match is a run of
    base64 characters and white space, then one of white space and "=", then the end (or a final
    newline, which is white space too): the value less its trailing white space and "=" must be such a
    run; when nothing is left, the run is a white-space character at the start. Same answer
    (tests/routing/test_hostile_complexity.py)."""
    head = value.rstrip(WSP_BYTES + b"=")
    if head:
        return _BASE64_HEAD.fullmatch(head) is not None
    return value[:1] != b"" and value[0] in WSP_BYTES


def _base64_checks(sig: dict[bytes, bytes]) -> None:
    b_checked = b"b" in sig
    if b_checked:
        if not _base64_like(sig[b"b"]):
            raise dkim.ValidationError(f"b= value is not valid base64 ({sig[b'b']!r})")
        if len(sig[b"b"].translate(None, WSP_BYTES)) % 4 != 0:
            raise dkim.ValidationError(f"b= value is not valid base64 ({sig[b'b']!r})")
    if b"bh" in sig:
        # sic: dkimpy checks b= here (a KeyError without b= too); when b= passed that check above, it
        # passes again (the same value, the same pattern): not matched twice
        if not b_checked and not _base64_like(sig[b"b"]):
            raise dkim.ValidationError(f"bh= value is not valid base64 ({sig[b'bh']!r})")
        if len(sig[b"bh"].translate(None, WSP_BYTES)) % 4 != 0:
            raise dkim.ValidationError(f"bh= value is not valid base64 ({sig[b'bh']!r})")


def _domain_checks(sig: dict[bytes, bytes]) -> None:
    try:
        str(sig[b"d"], "ascii")
        if _SPECIALS.search(sig[b"d"]):
            raise dkim.ValidationError(f"d= value is not valid ({sig[b'd']!r})")
    except UnicodeDecodeError:
        pass  # not an ASCII domain: dkimpy does not validate it
    if b"i" in sig and (not sig[b"i"].lower().endswith(sig[b"d"].lower())
                        or sig[b"i"][-len(sig[b"d"]) - 1] not in ("@", ".", 64, 46)):
        raise dkim.ValidationError(f"i= domain is not a subdomain of d= (i={sig[b'i']!r} d={sig[b'd']!r})")


def _time_checks(sig: dict[bytes, bytes]) -> None:
    t_sign: int | None = None
    if b"t" in sig:
        if _DECIMAL.match(sig[b"t"]) is None:
            raise dkim.ValidationError(f"t= value is not a decimal integer ({sig[b't']!r})")
        t_sign = int(sig[b"t"])
        if t_sign > int(time.time()) + _SLOP:
            raise dkim.ValidationError(f"t= value is in the future ({sig[b't']!r})")
    if b"v" in sig and sig[b"v"] != b"1":
        raise dkim.ValidationError(f"v= value is not 1 ({sig[b'v']!r})")
    if b"x" in sig:
        if _DECIMAL.match(sig[b"x"]) is None:
            raise dkim.ValidationError(f"x= value is not a decimal integer ({sig[b'x']!r})")
        x_sign = int(sig[b"x"])
        if x_sign < int(time.time()) - _SLOP:
            raise dkim.ValidationError(f"x= value is past ({sig[b'x']!r})")
        if t_sign and x_sign < t_sign:
            raise dkim.ValidationError(f"x= value is less than t= value (x={sig[b'x']!r} t={sig[b't']!r})")


def validate_signature_fields(sig: dict[bytes, bytes]) -> None:
    """``dkim.validate_signature_fields(sig)`` for a DKIM signature: raise ``dkim.ValidationError``
    when a mandatory tag is missing or a tag's value is malformed, else return None."""
    for name in _MANDATORY:
        if name not in sig:
            raise dkim.ValidationError(f"missing {name!r}=")
    if sig[b"a"] not in dkim.HASH_ALGORITHMS:
        raise dkim.ValidationError(f"unknown signature algorithm: {sig[b'a']!r}")
    _base64_checks(sig)
    if b"cv" in sig and sig[b"cv"] not in (b"pass", b"fail", b"none"):
        raise dkim.ValidationError(f"cv= value is not valid ({sig[b'cv']!r})")
    _domain_checks(sig)
    if b"l" in sig and _LENGTH.match(sig[b"l"]) is None:
        raise dkim.ValidationError(f"l= value is not a decimal integer ({sig[b'l']!r})")
    if b"q" in sig and sig[b"q"] != b"dns/txt":
        raise dkim.ValidationError(f"q= value is not dns/txt ({sig[b'q']!r})")
    _time_checks(sig)
