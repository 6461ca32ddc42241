"""``rootmail directory``: sync the account directory, list it, look up a root address."""

from __future__ import annotations

import sys
from typing import Any

import click

from rootmail.commands.core import _settings
from rootmail.errors import UsageProblem
from rootmail.terminal import clean_line, json_line
from routing.directory import Directory, DirectoryError
from routing.types import Recipient


def _clean_echo(text: str, err: bool = False) -> None:
    click.echo(clean_line(text), err=err)


@click.group()
def directory() -> None:
    """The account directory: root address -> AWS account -> customer."""


def _current() -> Directory:
    from rootmail.directory_holder import DirectoryHolder

    try:
        return DirectoryHolder(_settings()).get()
    except DirectoryError as exc:
        raise UsageProblem(str(exc)) from exc


def lookup_document(recipient: Recipient) -> dict[str, Any]:
    """The JSON of ``directory lookup``."""
    account = recipient.account
    return {
        "address": recipient.address,
        "aws_account_id": account.account_id if account else None,
        "account_name": account.name if account else None,
        "customer": recipient.customer.id if recipient.customer else None,
        "known": recipient.known,
    }


@directory.command("sync")
@click.option("--orgs/--no-orgs", "organizations", default=None,
              help="Read AWS Organizations (default: ROOTMAIL_ORG_SYNC).")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON object.")
def directory_sync(organizations: bool | None, as_json: bool) -> None:
    """Merge the directory file and AWS Organizations into the snapshot the receiver reads."""
    from rootmail.directory_sync import sync_directory

    report = sync_directory(_settings(), organizations=organizations)
    if as_json:
        click.echo(json_line(report.as_dict(), sort_keys=True))
    else:  # account names and tags come from AWS Organizations: every line printed clean
        echo = _clean_echo
        if report.written:
            echo(f"wrote {report.snapshot}: {report.accounts} accounts ({report.from_file} from the file, "
                 f"{report.from_organizations} from AWS Organizations), {report.customers} customers; "
                 f"{len(report.added)} addresses added, {len(report.removed)} removed")
        for payer, result in report.payers.items():
            echo(f"  {payer}: {result if isinstance(result, str) else f'{result} accounts'}")
        if report.unassigned:
            echo(f"  {len(report.unassigned)} account(s) without a customer: {', '.join(report.unassigned)}; "
                 "tag them or add them to ROOTMAIL_ORG_CUSTOMER_MAP_FILE")
        for warning in report.warnings:
            echo(f"rootmail: warning: {warning}", err=True)
        for error in report.errors:
            echo(f"rootmail: error: {error}", err=True)
    if not report.ok:
        sys.exit(1)


@directory.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def directory_list(as_json: bool) -> None:
    """List every root address with its account and customer."""
    current = _current()
    rows = [lookup_document(current.resolve(address)) | {"status": current.by_address[address].status,
                                                         "source": current.by_address[address].source}
            for address in sorted(current.by_address)]
    if as_json:
        click.echo(json_line(rows, sort_keys=True))
        return
    if not rows:
        click.echo("the directory is empty")
        return
    click.echo(f"{'ADDRESS':45} {'ACCOUNT':12}  {'NAME':24} {'CUSTOMER':12} STATUS")
    for raw_row in rows:
        row = {name: clean_line(value if value is not None else "-") for name, value in raw_row.items()}
        click.echo(f"{row['address']:45} {row['aws_account_id']:12}  {row['account_name'][:24]:24} "
                   f"{row['customer']:12} {row['status']}")


@directory.command("lookup")
@click.argument("address")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def directory_lookup(address: str, as_json: bool) -> None:
    """Which account and customer a root address belongs to (the receiver's view, from memory)."""
    doc = lookup_document(_current().resolve(address))
    if as_json:
        click.echo(json_line(doc, sort_keys=True))
    elif doc["known"]:
        _clean_echo(f"{doc['address']}: account {doc['aws_account_id']} ({doc['account_name']}), "
                    f"customer {doc['customer'] or '(none)'}")
    else:
        _clean_echo(f"{doc['address']}: unknown (not a root address in the directory)")
