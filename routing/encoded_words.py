"""Strict RFC 2047 decoding of one header value: every encoded word decodes, or the value is invalid.

The email package (and mail-parser on top of it) leaves an encoded word it cannot decode in the
text, or drops the bad bytes, and mail-parser logs the whole value; it also cannot mix encoded words
with raw UTF-8 text. Here an encoded word with an
unknown charset, bad base64, a bad ``=XX`` escape or bytes that are not text in its charset makes the
value :class:`InvalidEncodedWord`: the caller treats the header as absent and records why.
"""

from __future__ import annotations

import binascii
import codecs
import re

# RFC 2047 §2: encoded-word = "=?" charset "?" encoding "?" encoded-text "?=" (charset may carry *lang)
ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([A-Za-z])\?([^?\s]*)\?=")
_Q_ESCAPE = re.compile(r"=(?![0-9A-Fa-f]{2})")


class InvalidEncodedWord(ValueError):
    """A header value holds an RFC 2047 encoded word that does not decode."""


def _decode_word(charset: str, encoding: str, text: str) -> str:
    charset = charset.split("*", 1)[0]
    try:
        codec = codecs.lookup(charset)
    except LookupError as exc:
        raise InvalidEncodedWord(f"unknown charset {charset[:40]!r}") from exc
    if encoding in "bB":
        try:
            data = binascii.a2b_base64(text.encode("ascii"), strict_mode=True)
        except (binascii.Error, ValueError) as exc:
            raise InvalidEncodedWord("bad base64 in an encoded word") from exc
    elif encoding in "qQ":
        if _Q_ESCAPE.search(text) or not text.isascii():
            raise InvalidEncodedWord("bad =XX escape in an encoded word")
        data = binascii.a2b_qp(text.encode("ascii"), header=True)
    else:
        raise InvalidEncodedWord(f"unknown encoding {encoding!r}")
    try:
        return str(codec.decode(data, "strict")[0])
    except (UnicodeDecodeError, ValueError, TypeError) as exc:
        raise InvalidEncodedWord(f"bytes that are not {codec.name} text in an encoded word") from exc


def decode(value: str) -> str:
    """``value`` with its encoded words decoded; raise :class:`InvalidEncodedWord` if one does not.
    White space between two adjacent encoded words is dropped (RFC 2047 §6.2); other text is kept
    as it is (also raw UTF-8, RFC 6532)."""
    if "=?" not in value:
        return value
    out: list[str] = []
    position, after_word = 0, False
    for match in ENCODED_WORD.finditer(value):
        between = value[position:match.start()]
        if not (after_word and not between.strip(" \t\r\n")):
            out.append(between)
        out.append(_decode_word(match.group(1), match.group(2), match.group(3)))
        position, after_word = match.end(), True
    out.append(value[position:])
    return "".join(out)
