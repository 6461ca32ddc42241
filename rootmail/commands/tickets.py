"""``rootmail tickets`` (the local helpdesk) and ``rootmail quarantine`` (messages for a human)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from ingest.store import MessageStore
from rootmail.commands.core import _publisher, _settings
from rootmail.errors import UsageProblem
from rootmail.runtime import make_store
from rootmail.settings import Settings
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
    return LocalHelpdesk(path)


@click.group()
def tickets() -> None:
    """Tickets in the embedded local helpdesk."""


@tickets.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def tickets_list(as_json: bool) -> None:
    """List tickets, newest last."""
    rows = _local_helpdesk(_settings()).list_tickets()
    if as_json:
        click.echo(json.dumps(rows, indent=None, sort_keys=True))
        return
    if not rows:
        click.echo("no tickets yet")
        return
    click.echo(f"{'ID':>5}  {'STATUS':7} {'CUSTOMER':10} {'ACCOUNT':12}  {'NOTICE':28} {'N':>3}  SUBJECT")
    for row in rows:
        click.echo(
            f"{row['id']:>5}  {row['status']:7} {str(row['customer'] or '-')[:10]:10} "
            f"{row['aws_account_id'] or '-'!s:12}  {row['notice_type'][:28]:28} {row['comment_count']:>3}  "
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
        click.echo(json.dumps(ticket, sort_keys=True))
        return
    click.echo(f"#{ticket['id']} [{ticket['status']}] {ticket['subject']}")
    click.echo(f"customer {ticket['customer']}  account {ticket['aws_account_id']}  "
               f"notice {ticket['notice_type']}  visibility {ticket['visibility']}  queue {ticket['queue']}")
    click.echo(f"thread {ticket['thread_key']}  tags {' '.join(ticket['tags'])}")
    for comment in ticket["comments"]:
        click.echo(f"\n--- comment {comment['id']} ({'public' if comment['public'] else 'internal'}) "
                   f"{comment['created_at']}\n{comment['body']}")
    for attachment in ticket["attachments"]:
        click.echo(f"[attachment] {attachment['filename']} {attachment['size']} bytes "
                   f"({'internal' if attachment['internal'] else 'public'})")


def _store(settings: Settings) -> MessageStore:
    return make_store(settings)


@click.group()
def quarantine() -> None:
    """Messages that could not be ticketed, kept with their reason."""


@quarantine.command("list")
@click.option("--json", "as_json", is_flag=True)
def quarantine_list(as_json: bool) -> None:
    entries = [{"key": key, "reason": reason} for key, reason in _store(_settings()).quarantined()]
    if as_json:
        click.echo(json.dumps(entries))
    elif not entries:
        click.echo("quarantine is empty")
    for entry in [] if as_json else entries:
        click.echo(f"{entry['key']}  {entry['reason']}")


@quarantine.command("show")
@click.argument("key")
def quarantine_show(key: str) -> None:
    """Show a quarantined message's reason, envelope and headers (never its body)."""
    store = _store(_settings())
    reasons = dict(store.quarantined())
    if key not in reasons:
        raise UsageProblem(f"{key} is not in quarantine; `rootmail quarantine list` shows the keys")
    message = store.get(key)
    head = message.raw.split(b"\r\n\r\n", 1)[0].split(b"\n\n", 1)[0]
    click.echo(f"reason:   {reasons[key]}")
    click.echo(f"envelope: {message.envelope.to_json()}")
    click.echo(f"size:     {len(message.raw)} bytes\n")
    click.echo(head.decode("utf-8", "replace"))


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
