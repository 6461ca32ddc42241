"""``rootmail tickets`` (the local helpdesk) and ``rootmail quarantine`` (messages for a human)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ingest.store import MessageStore
from rootmail.commands import view
from rootmail.commands.core import _publisher, _settings
from rootmail.errors import UsageProblem
from rootmail.runtime import make_helpdesk, make_store
from rootmail.settings import Settings
from rootmail.terminal import clean, clean_line, json_line
from ticketing.helpdesk.local import LocalHelpdesk


def _local_helpdesk(settings: Settings) -> LocalHelpdesk:
    if settings.helpdesk != "local":
        raise UsageProblem(
            f"`rootmail tickets` reads the local helpdesk, but ROOTMAIL_HELPDESK={settings.helpdesk}; "
            "read tickets in that helpdesk instead"
        )
    path = Path(settings.data_dir) / "helpdesk.sqlite3"
    if not path.exists():
        raise UsageProblem(
            f"{path} does not exist yet: no ticket was written with ROOTMAIL_DATA_DIR={settings.data_dir}; "
            "start `rootmail serve` and send mail (or `rootmail demo`)"
        )
    helpdesk = make_helpdesk(settings)  # the composition root's, as the worker writes it
    if not isinstance(helpdesk, LocalHelpdesk):  # ROOTMAIL_HELPDESK=local was checked above
        raise UsageProblem("`rootmail tickets` reads only the local helpdesk")
    return helpdesk


@click.group()
def tickets() -> None:
    """Tickets in the embedded local helpdesk."""


@tickets.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def tickets_list(as_json: bool) -> None:
    """List tickets, newest last."""
    rows = _local_helpdesk(_settings()).list_tickets()
    if as_json:
        click.echo(json_line(rows, indent=None, sort_keys=True))
        return
    if not rows:
        click.echo("no tickets yet")
        return
    click.echo(f"{'ID':>5}  {'STATUS':7} {'CUSTOMER':10} {'ACCOUNT':12}  {'NOTICE':28} {'N':>3}  SUBJECT")
    for raw_row in rows:  # subjects, customers and accounts come from mail: one clean line per ticket
        row = {name: clean_line(value if value is not None else "-") for name, value in raw_row.items()}
        click.echo(
            f"{row['id']:>5}  {row['status'][:7]:7} {row['customer'][:10]:10} "
            f"{row['aws_account_id'][:12]:12}  {row['notice_type'][:28]:28} {row['comment_count']:>3}  "
            f"{row['subject'][:80]}"
        )


@tickets.command("show")
@click.argument("ticket_id")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def tickets_show(ticket_id: str, as_json: bool) -> None:
    """Show one ticket with every comment and its attachments."""
    ticket = _local_helpdesk(_settings()).get_ticket(ticket_id)
    if ticket is None:
        raise UsageProblem(f"no ticket {ticket_id}; `rootmail tickets list` shows the ids")
    if as_json:
        click.echo(json_line(ticket, sort_keys=True))
        return
    one = clean_line
    click.echo(f"#{one(ticket['id'])} [{one(ticket['status'])}] {one(ticket['subject'])}")
    click.echo(f"customer {one(ticket['customer'])}  account {one(ticket['aws_account_id'])}  "
               f"notice {one(ticket['notice_type'])}  visibility {one(ticket['visibility'])}  "
               f"queue {one(ticket['queue'])}")
    click.echo(f"thread {one(ticket['thread_key'])}  tags {' '.join(one(tag) for tag in ticket['tags'])}")
    for comment in ticket["comments"]:
        click.echo(f"\n--- comment {one(comment['id'])} ({'public' if comment['public'] else 'internal'}) "
                   f"{one(comment['created_at'])}\n{clean(comment['body'])}")
    for attachment in ticket["attachments"]:
        click.echo(f"[attachment] {one(attachment['filename'])} {one(attachment['size'])} bytes "
                   f"({'internal' if attachment['internal'] else 'public'})")


def _store(settings: Settings) -> MessageStore:
    return make_store(settings)


@click.group()
def quarantine() -> None:
    """Messages that could not be ticketed, kept with their reason."""


@quarantine.command("list")
@click.option("--json", "as_json", is_flag=True)
def quarantine_list(as_json: bool) -> None:
    """List quarantined messages with their reason."""
    entries = [{"key": key, "reason": reason} for key, reason in _store(_settings()).quarantined()]
    if as_json:
        click.echo(json_line(entries))
    elif not entries:
        click.echo("quarantine is empty")
    for entry in [] if as_json else entries:
        click.echo(f"{clean_line(entry['key'])}  {view.safe_line(entry['reason'])}")


@quarantine.command("show")
@click.argument("key")
@click.option("--reveal", is_flag=True,
              help="Print the raw message with its secrets, recorded first in <data_dir>/audit.log exactly like "
                   "`message show --reveal`. Exact bytes into a pipe or file; on a terminal, control characters "
                   "are shown as escapes (\\x1b) instead of being interpreted.")
def quarantine_show(key: str, reveal: bool) -> None:
    """Show a quarantined message's reason, envelope, headers and body, with secrets removed."""
    settings = _settings()
    store = _store(settings)
    reasons = dict(store.quarantined())
    if key not in reasons:
        raise UsageProblem(f"{key} is not in quarantine; `rootmail quarantine list` shows the keys")
    message = store.get(key)
    if reveal:
        view.reveal(Path(settings.data_dir), key, message.raw, command="quarantine show --reveal")
        return
    shown = view.shown(message.raw, settings)  # the mail's own rule (default-deny for credential mail)
    body, secret_kinds, notice_type = shown.body, shown.secret_kinds, shown.notice_type
    click.echo(f"reason:   {view.safe_line(reasons[key], shown.rule)}")
    click.echo(f"envelope: {view.envelope_line(message)}")
    click.echo(f"size:     {len(message.raw)} bytes")
    click.echo(f"notice:   {notice_type}")
    click.echo(f"secrets:  {', '.join(secret_kinds) or 'none found'}"
               + (" (--reveal shows them; it is recorded)" if secret_kinds else "") + "\n")
    for line in view.header_lines(message.raw, shown.rule):
        click.echo(line)
    click.echo("")
    click.echo(body)


@quarantine.command("retry")
@click.argument("keys", nargs=-1, required=True)
def quarantine_retry(keys: tuple[str, ...]) -> None:
    """Put quarantined messages back in the queue."""
    settings = _settings()
    store = _store(settings)
    publisher = _publisher(settings)
    failed = 0
    for key in keys:
        if store.state_or_none(key) != "quarantined":
            click.echo(f"rootmail: error: {key} is not in quarantine", err=True)
            failed += 1
            continue
        store.release(key)
        publisher.enqueue(key)
        click.echo(f"{key} re-queued")
    if failed:
        sys.exit(1)


@quarantine.command("drop")
@click.argument("keys", nargs=-1, required=True)
@click.option("--yes", is_flag=True, help="Confirm: the message is kept in the store as done, not ticketed.")
def quarantine_drop(keys: tuple[str, ...], yes: bool) -> None:
    """Give up on quarantined messages (they stay in the store, marked done)."""
    if not yes:
        raise UsageProblem("dropping needs --yes (the raw message is kept in the store as done)")
    store = _store(_settings())
    for key in keys:
        if store.state_or_none(key) != "quarantined":
            click.echo(f"rootmail: error: {key} is not in quarantine", err=True)
            continue
        store.release(key)
        store.mark_done(key)
        click.echo(f"{key} dropped")
