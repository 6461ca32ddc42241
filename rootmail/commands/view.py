"""What ``message show`` and ``quarantine show`` print of a stored message, and how they reveal it.

Shown (the default): every value that came from the mail has its terminal control sequences removed
first (:mod:`rootmail.terminal`: a code split by an escape sequence or a zero-width character is
whole again) and then its secrets, by the mail's own rule: :func:`routing.redact.render` (as for
tickets) gives the body and the :class:`routing.redact.Redactor` every other shown string goes
through (subject, names, Message-ID, envelope), so root-credential mail is redacted default-deny in
every line, and a value found in one part is removed from all. Headers are decoded (RFC 2047) before redaction, so
a code hidden in a base64 encoded word is found; a body that the parser cannot read is decoded part
by part with the standard library and redacted the same way.

Revealed (``--reveal``): the audit entry is written first (:mod:`rootmail.audit`; no entry, no
reveal), then the raw bytes: exact into a pipe or file, control characters made visible on a
terminal (:func:`rootmail.terminal.write_revealed`).
"""

from __future__ import annotations

import dataclasses
import email
import email.errors
import email.header
import re
from email.message import Message
from pathlib import Path
from typing import TYPE_CHECKING

from ingest.store import StoredMessage
from rootmail import audit
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from rootmail.terminal import clean, clean_line, write_revealed

if TYPE_CHECKING:
    from routing.redact import Redactor

_FOLD = re.compile(r"\r?\n[ \t]*")


@dataclasses.dataclass(frozen=True)
class Shown:
    """What may be shown of one stored mail: its redacted body, the secret kinds found, its notice
    type and the rule (:class:`routing.redact.Redactor`) for every other string shown of it."""

    body: str
    secret_kinds: tuple[str, ...]
    notice_type: str
    rule: Redactor


def safe_line(value: object, rule: Redactor | None = None) -> str:
    """A value from mail as one terminal-safe line with its secrets removed: by ``rule`` (the mail's
    own, from :func:`shown`), else by the ordinary rule."""
    from routing.redact import Redactor

    return (rule or Redactor())(clean_line(value))


def _decoded_header(value: str) -> str:
    value = value.encode("ascii", "surrogateescape").decode("utf-8", "replace")
    try:
        return str(email.header.make_header(email.header.decode_header(_FOLD.sub(" ", value))))
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):  # keep it undecoded
        return _FOLD.sub(" ", value)


def header_lines(raw: bytes, rule: Redactor | None = None) -> list[str]:
    """Every header of ``raw`` in order, decoded, one safe line each, secrets removed (by ``rule``)."""
    head = email.message_from_bytes(raw)
    return [f"{clean_line(name)}: {safe_line(_decoded_header(str(value)), rule)}" for name, value in head.items()]


def _part_text(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, "replace")
    except LookupError:
        return payload.decode("utf-8", "replace")


def _fallback_rule(raw: bytes) -> Redactor:
    """The rule for a mail the parser cannot read: default-deny when a From or Sender address is of
    a root-credential sender family (as :func:`routing.redact.default_deny_applies` decides)."""
    from routing.addresses import readable_addresses
    from routing.families import CREDENTIAL_FAMILIES, sender_family
    from routing.redact import Redactor

    head = email.message_from_bytes(raw)
    values = [str(v) for name in ("From", "Sender") for v in head.get_all(name) or []]
    addresses = readable_addresses(values)  # None: a value it cannot read, the stricter rule
    deny = addresses is None or any(sender_family(address) in CREDENTIAL_FAMILIES for address in addresses)
    return Redactor(default_deny=deny)


def _fallback_body(raw: bytes, rule: Redactor) -> str:
    """The body when the parser cannot read the mail: text parts decoded, others named."""
    pieces: list[str] = []
    for part in email.message_from_bytes(raw).walk():
        if part.is_multipart():
            continue
        kind = part.get_content_type()
        if part.get_content_maintype() == "text" and not part.get_filename():
            pieces.append(rule(clean(_part_text(part))))
        else:
            size = len(part.get_payload(decode=True) or b"")
            pieces.append(f"[part {clean_line(kind)} {clean_line(part.get_filename() or '')} {size} bytes: not shown]")
    return "\n".join(pieces)


def redacted_body(raw: bytes, settings: Settings) -> tuple[str, tuple[str, ...], str]:
    """(body text with secrets removed, secret kinds found, notice type) of ``raw`` (see :func:`shown`)."""
    view = shown(raw, settings)
    return view.body, view.secret_kinds, view.notice_type


def shown(raw: bytes, settings: Settings) -> Shown:
    """What may be shown of ``raw``, classified by the worker's classifier
    (:func:`rootmail.runtime.classifier_stages`; no DNS is asked) and redacted by its own rule, with
    its attachments and calendar parts read for secrets as for tickets."""
    from ingest.envelope import Envelope
    from rootmail.runtime import classifier_stages
    from routing.parse import parse_mail
    from routing.redact import render
    from routing.types import Recipient

    classify = classifier_stages(settings).classify
    try:
        parsed = parse_mail(raw)
        parsed = dataclasses.replace(parsed, text=clean(parsed.text), html_text=clean(parsed.html_text),
                                     subject=clean_line(parsed.subject))
        notice = classify(parsed, raw, Envelope("", (), source="show"), Recipient(address="", account=None,
                                                                                 customer=None))
        rendering = render(parsed, notice, None, raw=raw)
    except Exception as exc:  # quarantined mail is often mail the parser refused: show it anyway
        rule = _fallback_rule(raw)
        return Shown(f"[the parser cannot read this mail ({clean_line(type(exc).__name__)}); "
                     "its parts decoded with secrets removed:]\n" + _fallback_body(raw, rule), (), "unknown", rule)
    return Shown(clean(rendering.internal_text), rendering.secret_kinds, notice.notice_type, rendering.redactor)


def envelope_line(stored: StoredMessage, rule: Redactor | None = None) -> str:
    env = stored.envelope
    return (f"from <{safe_line(env.mail_from, rule)}> to {safe_line(', '.join(env.rcpt_tos), rule)} "
            f"peer {safe_line(env.peer or '-', rule)}")


def reveal(data_dir: Path, key: str, raw: bytes, command: str) -> None:
    """Audit, then print ``raw`` (see the module docstring)."""
    try:
        audit.record(data_dir, "message_revealed", key, command=command)
    except OSError as exc:
        raise UsageProblem(f"cannot write the audit log in {data_dir} ({exc.strerror}); nothing revealed") from exc
    write_revealed(raw)
