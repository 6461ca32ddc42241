"""``rootmail classify`` (what AWS sent, one JSON line per mail) and ``rootmail message show``.

``classify`` reads .eml files, mbox files and Maildir folders and prints, per message, the notice
type, severity, deadline, identifiers, the sender authenticity verdict and the customer-visible
rendering (secrets removed). ``message show KEY`` prints a stored message redacted; only
``--reveal`` prints the raw bytes, and every reveal is recorded in ``<data_dir>/audit.log``.
"""

from __future__ import annotations

import getpass
import json
import os
import sys
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from email.utils import getaddresses
from pathlib import Path
from typing import Any

import click

from rootmail.errors import UsageProblem
from rootmail.settings import Settings


def _settings() -> Settings:
    from rootmail.settings import load_settings

    try:
        return load_settings()
    except Exception as exc:  # pydantic ValidationError: name the variable
        raise UsageProblem(f"invalid setting: {exc}".replace("\n", " ")) from exc


def _recipient_address(raw: bytes) -> str:
    headers = BytesHeaderParser().parsebytes(raw)
    for name in ("Delivered-To", "X-Original-To", "To"):
        values = headers.get_all(name) or []
        found = [addr.strip().lower() for _, addr in getaddresses([str(v) for v in values]) if "@" in addr]
        if found:
            return found[0]
    return ""


class _Classify:
    """The stages of ``classify``, built once for all the files of one run."""

    def __init__(self, settings: Settings, nameservers: str | None) -> None:
        from routing.authenticate import AwsDomains
        from routing.classify import NoticeClassifier
        from routing.dns import DnsResolver, DnsTemporaryError
        from routing.notices import NoticeRulesError, load_notice_rules
        from routing.taxonomy import default_taxonomy

        taxonomy = default_taxonomy()
        try:
            rules = load_notice_rules(settings.notices_file, taxonomy)
        except NoticeRulesError as exc:
            raise UsageProblem(str(exc)) from exc
        self.classifier = NoticeClassifier(taxonomy, rules)
        self.aws_domains = AwsDomains.of(taxonomy.aws_sender_domains)
        self.authserv_id = settings.authserv_id
        self.resolver: DnsResolver | None
        self.resolver_problem = ""
        try:
            self.resolver = DnsResolver(nameservers or settings.dns_nameservers, timeout=settings.dns_timeout)
        except (DnsTemporaryError, ValueError) as exc:
            self.resolver, self.resolver_problem = None, str(exc)
        self.directory: Any = None
        try:
            from rootmail.runtime import load_directory

            self.directory = load_directory(settings)
        except Exception:  # no directory: recipients stay unknown, classification still works
            self.directory = None

    def record(self, label: str, raw: bytes, rcpt: str | None) -> dict[str, Any]:
        from routing.authenticate import AuthTemporaryError, authenticate
        from routing.classify import identifiers_for_output
        from routing.dns import DnsTemporaryError
        from routing.parse import parse_mail
        from routing.redact import render
        from routing.types import AuthVerdict, Recipient

        parsed = parse_mail(raw)
        address = (rcpt or _recipient_address(raw)).lower()
        recipient = self.directory.resolve(address) if self.directory is not None and address else \
            Recipient(address=address, account=None, customer=None)
        notice = self.classifier.classify(parsed, recipient)
        if self.resolver is None:
            auth = AuthVerdict("none", (f"no DNS resolver: {self.resolver_problem}",), False)
        else:
            try:
                auth = authenticate(parsed, raw, lookup=self.resolver, aws_domains=self.aws_domains,
                                    authserv_id=self.authserv_id)
            except (AuthTemporaryError, DnsTemporaryError) as exc:
                auth = AuthVerdict("none", (f"temporary DNS failure: {exc}",), True)
        rendering = render(parsed, notice, auth)
        return {
            "file": label,
            "message_id": parsed.message_id,
            "notice_type": notice.notice_type,
            "category": notice.category,
            "severity": notice.severity,
            "action_required": notice.action_required,
            "deadline": notice.deadline,
            "aws_account_id": notice.aws_account_id,
            "identifiers": identifiers_for_output(notice),
            "authenticity": {"verdict": auth.verdict, "reasons": list(auth.reasons)},
            "suspected_spoof": auth.suspected_spoof,
            "contains_secret": rendering.contains_secret or notice.secret,
            "customer_visible_text": rendering.customer_text,
        }


@click.command("classify")
@click.argument("paths", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per line (default: a short summary).")
@click.option("--rcpt", default=None, metavar="ADDRESS",
              help="Root address the mail was delivered to (default: Delivered-To/X-Original-To/To).")
@click.option("--dns-nameserver", "nameservers", multiple=True, metavar="HOST[:PORT]",
              help="DNS server for DKIM/SPF/DMARC (default: ROOTMAIL_DNS_NAMESERVERS, else the system's).")
def classify(paths: tuple[str, ...], as_json: bool, rcpt: str | None, nameservers: tuple[str, ...]) -> None:
    """Classify .eml files, mbox files and Maildir folders: notice type, authenticity, redacted text.

    A file that cannot be read gets an error line naming it; the others are still processed, and
    the exit status is 1 at the end.
    """
    from rootmail.mailfiles import iter_messages
    from routing.parse import UnparseableMail

    stages = _Classify(_settings(), ",".join(nameservers) or None)
    failed = 0
    for item in iter_messages(list(paths)):
        error = item.error
        record: dict[str, Any] | None = None
        if not error:
            try:
                record = stages.record(item.label, item.raw, rcpt)
            except UnparseableMail as exc:
                error = f"not a readable mail ({exc})"
            except Exception as exc:  # one bad message must not stop the run
                error = f"cannot classify ({type(exc).__name__})"
        if error or record is None:
            failed += 1
            if as_json:
                click.echo(json.dumps({"file": item.label, "error": error}, ensure_ascii=False))
            else:
                click.echo(f"rootmail: error: {item.label}: {error}", err=True)
            continue
        if as_json:
            click.echo(json.dumps(record, ensure_ascii=False))
        else:
            flag = "  SUSPECTED SPOOF" if record["suspected_spoof"] else ""
            click.echo(f"{record['file']}: {record['notice_type']} severity={record['severity']} "
                       f"account={record['aws_account_id'] or '-'} deadline={record['deadline'] or '-'} "
                       f"auth={record['authenticity']['verdict']}"
                       f"{' secret' if record['contains_secret'] else ''}{flag}")
    if failed:
        sys.exit(1)


# ---------------------------------------------------------------- rootmail message show


def who_asked() -> str:
    """The person behind this command: $SUDO_USER when run through sudo, else the login name."""
    sudo = os.environ.get("SUDO_USER", "").strip()
    if sudo:
        return sudo
    try:
        return getpass.getuser()
    except Exception:
        return f"uid:{os.getuid()}"


def record_reveal(data_dir: Path, key: str, now: datetime | None = None) -> dict[str, str]:
    """Append who revealed ``key`` and when to ``<data_dir>/audit.log`` (JSON lines, fsync'd)."""
    entry = {
        "event": "message_revealed",
        "who": who_asked(),
        "when": (now or datetime.now(UTC)).isoformat(),
        "key": key,
    }
    path = Path(data_dir) / "audit.log"
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    try:
        os.write(fd, (json.dumps(entry, sort_keys=True) + "\n").encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry


@click.group("message")
def message() -> None:
    """Stored messages: show one redacted, or reveal its raw bytes (audited)."""


@message.command("show")
@click.argument("key")
@click.option("--reveal", is_flag=True,
              help="Print the raw message with its secrets. Recorded in <data_dir>/audit.log (who, when, key).")
def message_show(key: str, reveal: bool) -> None:
    """Show stored message KEY with secrets removed (or, with --reveal, exactly as received)."""
    from ingest.store import LocalStore, StoreError

    settings = _settings()
    store = LocalStore(Path(settings.data_dir) / "messages")
    try:
        stored = store.get(key)
    except (StoreError, OSError, ValueError) as exc:
        raise UsageProblem(f"message {key} is not in the store under {settings.data_dir}: {exc}") from exc
    if reveal:
        try:
            record_reveal(Path(settings.data_dir), key)
        except OSError as exc:
            raise UsageProblem(f"cannot write the audit log in {settings.data_dir} ({exc.strerror}); "
                               "nothing revealed") from exc
        sys.stdout.buffer.write(stored.raw)
        sys.stdout.buffer.flush()
        return
    from routing.classify import NoticeClassifier
    from routing.parse import UnparseableMail, parse_mail
    from routing.redact import redact_text, render

    try:
        parsed = parse_mail(stored.raw)
    except UnparseableMail as exc:
        raise UsageProblem(f"message {key} cannot be parsed ({exc}); --reveal shows its bytes") from exc
    notice = NoticeClassifier().classify(parsed)
    rendering = render(parsed, notice, None)
    env = stored.envelope
    lines = [
        f"Key:        {key}",
        f"Envelope:   from <{env.mail_from}> to {', '.join(env.rcpt_tos)} peer {env.peer or '-'}",
        f"From:       {parsed.from_name} <{parsed.from_address}>",
        f"Date:       {parsed.date.isoformat() if parsed.date else '(none)'}",
        f"Message-ID: {parsed.message_id}",
        f"Subject:    {redact_text(parsed.subject)}",
        f"Notice:     {notice.notice_type}",
        f"Secrets:    {', '.join(rendering.secret_kinds) or 'none found'}"
        + (" (use --reveal to see them; it is recorded)" if rendering.contains_secret else ""),
        "-" * 72,
        rendering.internal_text,
    ]
    click.echo("\n".join(lines))
