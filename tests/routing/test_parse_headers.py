"""Header values that cannot be read are absent with a reason (issue 11 item 10), addresses come from
undecoded values, and mail-parser's log records are counted, never written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from routing import encoded_words
from routing.parse import parse_mail

HEAD = b"From: AWS <no-reply-aws@amazon.com>\r\nTo: root@roots.example\r\n"


@pytest.mark.parametrize(
    "date",
    [b"Mon, 1 Jan 99999999999 00:00:00 +0000", b"garbage", b"Mon, 1 Jan 2024 99:99:99 +0000",
     b"Mon, 1 Jan 2024 00:00:00 +9999", b"31 Feb 2024 00:00:00 +0000"],
)
def test_unreadable_date_is_absent_with_a_reason(date: bytes) -> None:
    parsed = parse_mail(HEAD + b"Date: " + date + b"\r\nSubject: s\r\n\r\nbody\r\n")
    assert parsed.date is None
    assert any(d.startswith("Date:") and "treated as absent" in d for d in parsed.defects), parsed.defects
    assert parsed.subject == "s"


@pytest.mark.parametrize(
    ("subject", "why"),
    [(b"=?utf-8?b?QUJDZ?= code 482913", "base64"), (b"=?utf-8?q?code_482913_=ZZ?=", "escape"),
     (b"=?x-no-such?q?code_482913?=", "charset"), (b"=?utf-8?b?/w==?= 482913", "utf-8")],
)
def test_invalid_encoded_word_makes_the_header_absent(subject: bytes, why: str) -> None:
    parsed = parse_mail(HEAD + b"Subject: " + subject + b"\r\n\r\nbody\r\n")
    assert parsed.subject == ""
    assert "482913" not in repr(parsed.headers)
    reason = next(d for d in parsed.defects if d.startswith("Subject:"))
    assert why in reason and "482913" not in reason


def test_valid_encoded_words_and_utf8_headers_decode() -> None:
    raw = HEAD + "Subject: =?UTF-8?Q?Best=C3=A4tigen?= Sie Ihre Identität\r\n\r\nb\r\n".encode()
    assert parse_mail(raw).subject == "Bestätigen Sie Ihre Identität"
    assert parse_mail(HEAD + "Subject: Identität\r\n\r\nb\r\n".encode()).subject == "Identität"
    assert encoded_words.decode("=?utf-8?b?QUJD?= x") == "ABC x"


def test_address_is_read_from_the_undecoded_value() -> None:
    raw = (b"From: =?utf-8?q?invoicing=40aws.com?=\r\nTo: =?utf-8?q?a=40b.example?= <root@roots.example>\r\n"
           b"Subject: s\r\n\r\nb\r\n")
    parsed = parse_mail(raw)
    assert parsed.from_address == "" and parsed.from_name == "invoicing@aws.com"
    assert any("no readable address" in d for d in parsed.defects)
    assert parsed.to == ("root@roots.example",)
    ambiguous = parse_mail(b"From: invoicing@aws.com <x@evil.example>\r\nSubject: s\r\n\r\nb\r\n")
    assert ambiguous.from_address == "" and any("2 addresses" in d for d in ambiguous.defects)


def test_mailparser_log_records_are_counted_not_written() -> None:
    # a fresh process with the root logger writing everything (pytest hooks its own capture into loggers)
    script = (
        "import logging, sys\n"
        "logging.basicConfig(level=logging.DEBUG, stream=sys.stdout)\n"
        "from routing.parse import parse_mail\n"
        "parsed = parse_mail(b'From: a@b.example\\r\\nSubject: =?utf-8?b?NDgyOTEzZ?=\\r\\n\\r\\nbody\\r\\n')\n"
        "logging.getLogger('rootmail').warning('visible')\n"
        "print('DEFECTS', parsed.defects, repr(parsed.subject))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            cwd=Path(__file__).resolve().parents[2], check=True)
    output = result.stdout + result.stderr
    assert "visible" in output  # the root logger does write
    assert "NDgyOTEz" not in output
    assert "mailparser_log_records:ERROR=" in output and "''" in output
