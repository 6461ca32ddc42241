"""structlog set-up: JSON in production, console in development; one line per record, always.

Owns what reaches the log stream:

* **One record, one line.** Values, event names and keys come from mail more often than it seems
  (a folded header carries CR LF, a subject can carry ESC or a bidi override). The console format
  escapes every control character of the rendered record (C0 incl. CR/LF/TAB, DEL, C1, U+2028/2029,
  bidi and other format characters, surrogates) as ``\\n``, ``\\xNN`` or ``\\uNNNN``; the JSON
  format is ``json.dumps`` with ``ensure_ascii`` (every non-ASCII character is a ``\\uXXXX`` escape)
  plus DEL, which JSON leaves raw. A traceback becomes part of its one line.
* **Third-party loggers never write mail content.** Records from stdlib ``logging`` pass through the
  same renderer. Records of rootmail's own packages keep their message. Every other library's
  record is replaced by ``third_party_log`` with the logger name, the level and a running count per
  logger: mail-handling libraries (mail-parser, aiosmtpd — logger ``mail.log`` —, dkimpy, authres…) and unknown ones
  lose their message entirely, because their arguments — and sometimes their format strings — carry
  header and body values; libraries that never see mail (Celery, kombu, redis, botocore, urllib3…)
  keep their message *template* (``record.msg``) but never its arguments. Exceptions of third-party
  records are reduced to the exception's type name.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import threading
import unicodedata
from collections import Counter
from typing import Any

import structlog

OWN_PACKAGES = ("rootmail", "ingest", "routing", "ticketing", "bench", "__main__")
# Libraries that never handle mail content: the format string of their records is kept.
TEMPLATE_KEPT = ("celery", "kombu", "amqp", "billiard", "redis", "botocore", "boto3", "s3transfer",
                 "urllib3", "asyncio", "prometheus_client", "httpx", "httpcore", "requests")

_COUNTS: Counter[str] = Counter()
_COUNTS_LOCK = threading.Lock()


def _under(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == package or name.startswith(package + ".") for package in packages)


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_CANDIDATE = re.compile(r"[\x00-\x1f\x7f]|[^\x00-\x7f]")


def _escape_char(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if code < 0x80:
        return _NAMED.get(char) or f"\\x{code:02x}"
    category = unicodedata.category(char)
    if category[0] != "C" and category not in ("Zl", "Zp"):
        return char  # a letter, mark, symbol, digit or space: printable
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def escape_controls(text: str) -> str:
    """``text`` with every control, separator and format character written as a visible escape."""
    return _CANDIDATE.sub(_escape_char, text)


def json_one_line(obj: Any, **kwargs: Any) -> str:
    """``json.dumps`` that is one ASCII line whatever the values: every non-ASCII, control and DEL
    character is a ``\\uXXXX`` escape."""
    kwargs["ensure_ascii"] = True
    return json.dumps(obj, **kwargs).replace("\x7f", "\\u007f")  # DEL only occurs inside strings


class OneLineConsoleRenderer:
    """structlog's ConsoleRenderer (no colours), then every control character escaped."""

    def __init__(self) -> None:
        self.inner = structlog.dev.ConsoleRenderer(colors=False)

    def __call__(self, logger: Any, method: str, event_dict: structlog.types.EventDict) -> str:
        return escape_controls(str(self.inner(logger, method, event_dict)))


def summarize_third_party(logger: Any, method: str, event_dict: structlog.types.EventDict) -> structlog.types.EventDict:
    """Replace a third-party stdlib record by its logger name, level and count (see the module doc)."""
    record = event_dict.get("_record")
    if not isinstance(record, logging.LogRecord) or _under(record.name, OWN_PACKAGES):
        return event_dict
    with _COUNTS_LOCK:
        _COUNTS[record.name] += 1
        count = _COUNTS[record.name]
    summary: structlog.types.EventDict = {
        "event": "third_party_log", "logger": record.name, "count": count,
        "_record": record, "_from_structlog": False,
    }
    if _under(record.name, TEMPLATE_KEPT) and isinstance(record.msg, str):
        summary["template"] = record.msg
    if record.exc_info and record.exc_info[0] is not None:
        summary["exc_type"] = record.exc_info[0].__name__
    return summary


def third_party_counts() -> dict[str, int]:
    """Records per third-party logger that this process summarized (for tests and diagnostics)."""
    with _COUNTS_LOCK:
        return dict(_COUNTS)


def configure_logging(fmt: str = "console", level: str = "INFO") -> None:
    """Route structlog and stdlib logging to stderr in one format, one line per record."""
    numeric = logging.getLevelName(level.upper())
    if not isinstance(numeric, int):
        numeric = logging.INFO
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer(serializer=json_one_line) if fmt == "json" else OneLineConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, structlog.processors.format_exc_info, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(numeric),
        # one write() per line, so lines of several processes sharing a log file never interleave
        logger_factory=structlog.WriteLoggerFactory(file=sys.stderr),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta, structlog.processors.format_exc_info,
            renderer,
        ], foreign_pre_chain=[summarize_third_party, *shared, structlog.stdlib.add_logger_name])
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(numeric)
    # aiosmtpd (logger "mail.log") logs every SMTP line at DEBUG and every session step at INFO:
    # only its warnings count (and they are summarized like every third-party record)
    for name in ("mail.log", "aiosmtpd"):
        logging.getLogger(name).setLevel(logging.WARNING)
    logging.captureWarnings(True)  # warnings.warn() of libraries: the same summary, one line
