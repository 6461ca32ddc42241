"""rootmail.logs: one line per record in both formats; third-party loggers never write mail content.

The records are written by a real process (``python -c``) configured exactly as every rootmail
command configures itself, and its stderr is read back.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rootmail.logs import escape_controls, json_one_line

SECRET = "482913"
HOSTILE = ("Invoice\r\nlevel=error event=forged_line\n\x1b[2J\x1b]0;owned\x07\x85\u2028\u2029\u202egnp.exe"
           "\x7f\x00\ttab\U000e0041")

SCRIPT = r"""
import json, logging, sys, warnings
import structlog
from rootmail.logs import configure_logging

configure_logging(sys.argv[1])
hostile, secret = json.loads(sys.stdin.read())
log = structlog.get_logger("ticketing.pipeline")
log.info("message_quarantined", reason=hostile, nested={"subject": hostile, "list": [hostile]})  # 1
log.info(hostile, **{hostile: "value"})                                                        # 2 event and key
logging.getLogger("ticketing.helpdesk").warning("own stdlib %s", hostile)                     # 3
logging.getLogger("mailparser.core").warning("Header %r has invalid encoded word", "code " + secret)  # 4
logging.getLogger("mailparser.core").error(f"formatted before logging: {secret}")              # 5
logging.getLogger("aiosmtpd.smtp").warning("%r Data: %r", "peer", b"Subject: code " + secret.encode())  # 6
logging.getLogger("dkim").error("signature header %s", "d=evil.example; code " + secret)       # 7
logging.getLogger("celery.app.trace").error(
    "Task %(name)s raised: %(exc)r", {"name": "t", "exc": ValueError(secret)},
    exc_info=(ValueError, ValueError(secret + hostile), None))                                  # 8
logging.getLogger("some.unknown.library").warning("%s", secret)                                # 9
try:
    raise RuntimeError("traceback line 1\nline 2 " + hostile)
except RuntimeError:
    log.exception("task_error")                                                                # 10
warnings.warn("warning with " + secret)                                                        # 11
"""
RECORDS = 11


def _run(fmt: str) -> list[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
    result = subprocess.run([sys.executable, "-c", SCRIPT, fmt], input=json.dumps([HOSTILE, SECRET]).encode(),
                            capture_output=True, env=env, timeout=60, check=True)
    text = result.stderr.decode("utf-8")
    assert text.endswith("\n")
    return text[:-1].split("\n")


def _unsafe(line: str) -> list[str]:
    return [c for c in line if unicodedata.category(c)[0] == "C" or unicodedata.category(c) in ("Zl", "Zp")]


@pytest.mark.parametrize("fmt", ["console", "json"])
def test_every_record_is_exactly_one_line_and_never_carries_third_party_content(fmt: str) -> None:
    lines = _run(fmt)
    assert len(lines) == RECORDS, lines
    for line in lines:
        assert _unsafe(line) == [], line  # no CR, LF, C0, DEL, C1, separators, bidi: anywhere
        assert SECRET not in line  # mail-parser, aiosmtpd, dkimpy, Celery, warnings: no content
    assert not any(line.startswith("level=error event=forged_line") for line in lines)
    if fmt == "json":
        records = [json.loads(line) for line in lines]
        assert records[0]["reason"] == HOSTILE and records[0]["nested"]["list"] == [HOSTILE]
        assert records[1]["event"] == HOSTILE and records[1][HOSTILE] == "value"
        assert records[2]["event"] == f"own stdlib {HOSTILE}" and records[2]["logger"] == "ticketing.helpdesk"
        third = records[3:9]
        assert [(r["event"], r["logger"], r["count"]) for r in third] == [
            ("third_party_log", "mailparser.core", 1), ("third_party_log", "mailparser.core", 2),
            ("third_party_log", "aiosmtpd.smtp", 1), ("third_party_log", "dkim", 1),
            ("third_party_log", "celery.app.trace", 1), ("third_party_log", "some.unknown.library", 1)]
        assert "template" not in records[3] and "template" not in records[5]  # mail libraries: nothing
        assert records[7]["template"] == "Task %(name)s raised: %(exc)r" and records[7]["exc_type"] == "ValueError"
        assert HOSTILE in records[9]["exception"] and records[9]["event"] == "task_error"
        assert (records[10]["logger"], records[10]["event"]) == ("py.warnings", "third_party_log")
    else:
        assert "\\r\\nlevel=error event=forged_line\\n\\x1b[2J" in lines[0]
        assert "\\u202egnp.exe" in lines[0] and "\\u2028" in lines[0]
        assert "third_party_log" in lines[3] and "mailparser.core" in lines[3] and "count=1" in lines[3]
        assert "Traceback (most recent call last):\\n" in lines[9]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=60))
def test_property_escaped_text_is_one_printable_line(text: str) -> None:
    assert _unsafe(escape_controls(text)) == []
    line = json_one_line({text: [text, {"k": text}]})
    assert _unsafe(line) == [] and line.isascii()
    assert json.loads(line) == {text: [text, {"k": text}]}
