"""mail-parser's warnings never reach the log text, in a real run: ``rootmail serve`` on the embedded
defaults (its own Redis and worker) receives over SMTP a mail with a text/calendar part (mail-parser
warns "Email content 'calendar' not handled") and mails whose subject is an invalid base64 encoded
word holding a code (mail-parser logs "Failed decoding header part: <the header>"); ``serve.log``
(the receiver's and the worker's output, at DEBUG) holds neither message, nor a header value, nor a
code."""

from __future__ import annotations

import base64
from pathlib import Path

from routing.parse import parse_mail
from tests.conftest import wait_for
from tests.integration.harness import Rootmail

ROOT = "aws-root+acme-prod@roots.example.com"  # in the embedded demo directory
CODES = ("573104", "691827", "804215")


def _calendar_mail() -> bytes:
    return (
        "From: Amazon Web Services <no-reply@amazon.com>\r\n"
        f"To: {ROOT}\r\n"
        "Subject: Scheduled maintenance invitation\r\n"
        "Message-ID: <calendar-1@amazon.com>\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="b1"\r\n\r\n'
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nSee the invitation.\r\n"
        "--b1\r\nContent-Type: text/calendar; charset=utf-8; method=REQUEST\r\n\r\n"
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1@amazon.com\r\n"
        f"DESCRIPTION:Your verification code is {CODES[0]}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        "--b1--\r\n"
    ).encode()


def _bad_subject_mail(n: int, subject: str) -> bytes:
    return (
        "From: Amazon Web Services <no-reply@signin.aws>\r\n"
        f"To: {ROOT}\r\n"
        f"Subject: {subject}\r\n"
        f"Message-ID: <bad-subject-{n}@signin.aws>\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Sign-in attempt.\r\n"
    ).encode()


# base64 of 24 bytes is 32 characters; one more makes it undecodable (the standard library's
# email.header.decode_header raises HeaderParseError, and mail-parser logs the whole header)
BAD_SUBJECTS = (
    "=?utf-8?b?" + base64.b64encode(f"{CODES[1]} is your AWS code!".encode()).decode() + "Z?=",
    f"=?utf-8?b?QUJDZ?= code {CODES[2]}",
)


def test_mailparser_warnings_never_reach_serve_log(tmp_path: Path) -> None:
    mails = [_calendar_mail()] + [_bad_subject_mail(n, s) for n, s in enumerate(BAD_SUBJECTS)]
    # the premise: mail-parser does log about each of these mails (counted by routing.parse)
    for raw in mails:
        assert any(d.startswith("mailparser_log_records:") for d in parse_mail(raw).defects)
    rootmail = Rootmail(tmp_path / "site", log_level="DEBUG")
    try:
        process = rootmail.serve()
        for raw in mails:
            code, _ = rootmail.send(raw, [ROOT])
            assert code == 250
        wait_for(lambda: len(rootmail.tickets()) >= len(mails), timeout=120, interval=0.5,
                 message="a ticket per mail")
        assert rootmail.stop(process) == 0
        log = rootmail.log("serve.log")
        assert "worker_started" in log  # the log holds the worker's output too
        for forbidden in ("Email content", "not handled", "Failed decoding", "utf-8?b?", "QUJDZ",
                          "VCALENDAR", *CODES):
            assert forbidden not in log, forbidden
    finally:
        rootmail.close()
