"""What the CLI prints to an operator's terminal: text from mail with its control sequences removed.

Mail is attacker-controlled: a subject, an address, a quarantine reason or a body can carry ANSI/VT
escape sequences (CSI ``ESC [``, OSC ``ESC ]`` which can set the window title or a hyperlink, DCS,
APC…), their 8-bit C1 forms (``0x9b`` is CSI), a carriage return that overwrites what was printed,
or bidi overrides that make text read differently from what it is. This module owns the rules:

* :func:`clean` — multi-line text (a ticket comment, a redacted body): whole escape sequences and
  every control character removed except ``\\n`` and ``\\t``; Unicode line/paragraph separators
  become ``\\n``; format characters (Unicode category Cf: bidi overrides and isolates, zero-width
  characters) are removed.
* :func:`clean_line` — one field in one line (a subject in a table): as :func:`clean`, and line
  breaks and tabs become one space, so a value can never start a forged row.
* :func:`json_line` — JSON for ``--json``: valid JSON with the same value, non-ASCII letters kept
  readable, but every control, C1, separator and format character written as a ``\\uXXXX`` escape.
* :func:`visible_bytes` — raw mail (``--reveal``) shown on a terminal: every byte kept, control
  bytes made visible (``\\x1b``) instead of interpreted.

Escape sequence grammar: ECMA-48 (5th ed.) sections 5.3 (control sequences: ``CSI`` parameter bytes
0x30-0x3F, intermediate bytes 0x20-0x2F, final byte 0x40-0x7E) and 5.6 (control strings: ``OSC``,
``DCS``, ``SOS``, ``PM``, ``APC`` run to ``ST``; xterm also ends OSC with ``BEL``).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from typing import Any, TextIO

import click

# ESC or 8-bit C1 introducers, then the rest of the sequence (ECMA-48 5.3 and 5.6).
_SEQUENCE = re.compile(
    r"""
    (?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?          # CSI ... final
    | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])                      # OSC DCS SOS PM APC
      [^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)                      #   ... BEL or ST (unterminated:
                                                                   #   only the introducer goes)
    | \x1b[\x20-\x2f]*[\x30-\x7e]?                                 # other ESC sequences (nF, Fp, Fe, Fs)
    """,
    re.VERBOSE,
)
# Candidates for removal: C0 and DEL, and everything outside ASCII (decided by category below).
_CANDIDATE = re.compile(r"[\x00-\x08\x0a-\x1f\x7f]|[^\x00-\x7f]")
_LINE_BREAKS = re.compile(r"[\t\n]")


def _unsafe(char: str) -> bool:
    """Control (Cc), format (Cf: bidi, zero-width), surrogate, private-use and unassigned characters."""
    return unicodedata.category(char)[0] == "C"


def _strip_char(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\n":
        return "\n"
    if char in "\u2028\u2029":
        return "\n"
    if len(char) == 1 and ord(char) < 0x80:
        return ""  # C0 other than \t and \n (\t is never a candidate), and DEL
    return "" if _unsafe(char) else char


def clean(text: object) -> str:
    """``text`` safe to print: escape sequences and control characters removed, ``\\n``/``\\t`` kept."""
    value = "" if text is None else str(text)
    value = _SEQUENCE.sub("", value)
    return _CANDIDATE.sub(_strip_char, value)


def clean_line(text: object) -> str:
    """``text`` as one safe line: as :func:`clean`, with line breaks and tabs turned into spaces."""
    return _LINE_BREAKS.sub(" ", clean(text))


def _json_escape(match: re.Match[str]) -> str:
    char = match.group()
    if ord(char) < 0x80 or _unsafe(char) or unicodedata.category(char) in ("Zl", "Zp"):
        encoded = char.encode("utf-16-be", "surrogatepass")
        return "".join(f"\\u{encoded[i]:02x}{encoded[i + 1]:02x}" for i in range(0, len(encoded), 2))
    return char


_JSON_CANDIDATE = re.compile(r"[\x7f]|[^\x00-\x7f]")


def json_line(value: Any, **dumps: Any) -> str:
    """``value`` as one line of JSON that a terminal shows as text (see the module docstring)."""
    text = json.dumps(value, ensure_ascii=False, **dumps)
    # json.dumps escapes C0, quote and backslash; DEL, C1, separators and format characters only
    # occur inside strings, where a \\uXXXX escape is the same value (RFC 8259 section 7).
    return _JSON_CANDIDATE.sub(_json_escape, text)


def echo(text: object = "", *, err: bool = False) -> None:
    """click.echo of ``text`` after :func:`clean` (the CLI's own words never need control characters)."""
    click.echo(clean(text), err=err)


_VISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n)|[^\x00-\x7f]")


def _visible(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8 (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if code < 0x80:
        return f"\\x{code:02x}"
    if _unsafe(char) or unicodedata.category(char) in ("Zl", "Zp"):
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"
    return char


def visible_bytes(raw: bytes) -> bytes:
    """Raw mail for a terminal: text kept (UTF-8 letters too), CRLF line ends and tabs kept; every
    control or format character (ESC, CR alone, C1, bidi) and every byte that is not UTF-8 shown as
    an escape (``\\x1b``, ``\\u202e``), so nothing is interpreted by the terminal and nothing is lost."""
    text = raw.decode("utf-8", "surrogateescape")
    return _VISIBLE.sub(_visible, text).encode("utf-8")


def write_revealed(raw: bytes, stream: TextIO | None = None) -> None:
    """Print revealed raw mail: byte for byte into a pipe or file; on a terminal, through
    :func:`visible_bytes` (documented in ``message show --help`` and ``quarantine show --help``)."""
    out = stream or sys.stdout
    data = visible_bytes(raw) if out.isatty() else raw
    out.flush()
    out.buffer.write(data)
    out.buffer.flush()
