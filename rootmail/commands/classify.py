"""``rootmail classify`` (what AWS sent, one JSON line per mail) and ``rootmail message show``.

``classify`` reads .eml files, mbox files and Maildir folders and prints, per message, the notice
type, severity, deadline, identifiers, the sender authenticity verdict and the customer-visible
rendering (secrets removed). ``message show KEY`` prints a stored message redacted; only
``--reveal`` prints the raw bytes, and every reveal is recorded in ``<data_dir>/audit.log``.

Both print every string that came from the mail through the mail's own redaction rule
(:attr:`routing.redact.Rendering.redactor`, as tickets do): root-credential mail is redacted
default-deny in every field (Message-ID, identifiers, subject, names), not only in the body.
"""

from __future__ import annotations

import sys
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import click

from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from rootmail.terminal import clean_line, json_line
from routing.addresses import readable_addresses


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
        found = [addr.strip().lower() for addr in readable_addresses([str(v) for v in values]) or () if "@" in addr]
        if found:
            return found[0]
    return ""


class _Classify:
    """The stages of ``classify``, built once for all the files of one run by the same factory as
    the worker's (:func:`rootmail.runtime.classifier_stages`): same DNS, same rules, same verdicts."""

    def __init__(self, settings: Settings, nameservers: str | None) -> None:
        from rootmail.runtime import classifier_stages, load_directory

        self.stages = classifier_stages(settings, nameservers=nameservers)
        self.directory: Any = None
        try:
            self.directory = load_directory(settings)
        except Exception:  # no directory: recipients stay unknown, classification still works
            self.directory = None

    def record(self, label: str, raw: bytes, rcpt: str | None) -> dict[str, Any]:
        from ingest.envelope import Envelope
        from rootmail.wiring import temporary_failure_verdict
        from routing.classify import identifiers_for_output
        from routing.parse import parse_mail
        from routing.redact import render
        from routing.types import Recipient
        from ticketing.errors import TransientError

        parsed = parse_mail(raw)
        address = (rcpt or _recipient_address(raw)).lower()
        recipient = self.directory.resolve(address) if self.directory is not None and address else \
            Recipient(address=address, account=None, customer=None)
        envelope = Envelope(mail_from="", rcpt_tos=(address,) if address else (), source="classify")
        try:
            auth = self.stages.authenticate(parsed, raw, envelope)
        except TransientError as exc:  # the worker retries this mail; here it is reported, not judged
            auth = temporary_failure_verdict(exc)
        if auth.verdict == "pass" and auth.signed_view is not None:
            parsed = auth.signed_view  # like the pipeline: a pass is read from its signed content only
        notice = self.stages.classify(parsed, raw, envelope, recipient)
        account = recipient.account
        rendering = render(parsed, notice, auth, raw=raw, keep=(account.account_id,) if account else ())
        rule = rendering.redactor  # the mail's rule, for every string taken from the mail
        shown = rule.notice(notice)  # without identifiers (or a named account id) that carry a secret
        source = getattr(notice, "deadline_source", None)
        return {
            "file": label,
            "message_id": rule(parsed.message_id),
            "notice_type": notice.notice_type,
            "category": notice.category,
            "severity": notice.severity,
            "action_required": notice.action_required,
            "deadline": notice.deadline,
            # the notice's family (its category, also for a family fallback type) and the phrase the
            # deadline was read from (routing.classify.ClassifiedNotice)
            "family": notice.category,
            "deadline_source": rule(source) if isinstance(source, str) else source,
            "aws_account_id": shown.aws_account_id,
            "identifiers": identifiers_for_output(shown),
            "authenticity": {"verdict": auth.verdict, "reasons": [rule.scrub(r) for r in auth.reasons]},
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
                click.echo(json_line({"file": item.label, "error": error}))
            else:
                click.echo(f"rootmail: error: {clean_line(item.label)}: {clean_line(error)}", err=True)
            continue
        if as_json:  # JSON escapes what a terminal would interpret (rootmail.terminal.json_line)
            click.echo(json_line(record))
        else:
            flag = "  SUSPECTED SPOOF" if record["suspected_spoof"] else ""
            click.echo(clean_line(
                f"{record['file']}: {record['notice_type']} severity={record['severity']} "
                f"account={record['aws_account_id'] or '-'} deadline={record['deadline'] or '-'} "
                f"auth={record['authenticity']['verdict']}{' secret' if record['contains_secret'] else ''}{flag}"))
    if failed:
        sys.exit(1)


# ---------------------------------------------------------------- rootmail message show


@click.group("message")
def message() -> None:
    """Stored messages: show one redacted, or reveal its raw bytes (audited)."""


@message.command("show")
@click.argument("key")
@click.option("--reveal", is_flag=True,
              help="Print the raw message with its secrets. Recorded first in <data_dir>/audit.log (real uid "
                   "and login name, claimed SUDO_USER, when, key). Exact bytes into a pipe or file; on a "
                   "terminal, control characters are shown as escapes (\\x1b) instead of being interpreted.")
def message_show(key: str, reveal: bool) -> None:
    """Show stored message KEY with secrets removed (or, with --reveal, exactly as received)."""
    from ingest.store import StoreError
    from rootmail.commands import view
    from rootmail.runtime import make_store
    from rootmail.terminal import echo

    settings = _settings()
    store = make_store(settings)
    try:
        stored = store.get(key)
    except (StoreError, OSError, ValueError) as exc:
        raise UsageProblem(f"message {key} is not in the store under {settings.data_dir}: {exc}") from exc
    if reveal:
        view.reveal(Path(settings.data_dir), key, stored.raw, command="message show --reveal")
        return
    from routing.parse import UnparseableMail, parse_mail

    try:
        parsed = parse_mail(stored.raw)
    except UnparseableMail as exc:
        raise UsageProblem(f"message {key} cannot be parsed ({exc}); --reveal shows its bytes") from exc
    shown = view.shown(stored.raw, settings)
    rule = shown.rule  # the mail's own rule (default-deny for root-credential mail), for every line
    lines = [
        f"Key:        {view.safe_line(key)}",
        f"Envelope:   {view.envelope_line(stored, rule)}",
        f"From:       {view.safe_line(parsed.from_name, rule)} <{view.safe_line(parsed.from_address, rule)}>",
        f"Date:       {parsed.date.isoformat() if parsed.date else '(none)'}",
        f"Message-ID: {view.safe_line(parsed.message_id, rule)}",
        f"Subject:    {view.safe_line(parsed.subject, rule)}",
        f"Notice:     {shown.notice_type}",
        f"Secrets:    {', '.join(shown.secret_kinds) or 'none found'}"
        + (" (use --reveal to see them; it is recorded)" if shown.secret_kinds else ""),
        "-" * 72,
        shown.body,
    ]
    echo("\n".join(lines))
