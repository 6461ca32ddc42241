"""The ``rootmail`` command line. Errors are one line naming the problem and the fix; no tracebacks."""

from __future__ import annotations

import sys
from typing import Any

import click

from rootmail import __version__


class RootmailGroup(click.Group):
    """Turns expected failures into a clear one-line error and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from rootmail.errors import UsageProblem

        try:
            return super().invoke(ctx)
        except UsageProblem as exc:
            click.echo(f"rootmail: error: {exc}", err=True)
            sys.exit(2)


@click.group(cls=RootmailGroup)
@click.version_option(__version__, prog_name="rootmail")
def main() -> None:
    """rootmail: AWS root-address mail in, helpdesk tickets out."""


def _register() -> None:
    from rootmail.commands import core, tickets

    for command in (core.serve, core.receiver, core.worker, core.beat, core.replay, core.demo, core.status,
                    core.reconcile, tickets.tickets, tickets.quarantine):
        main.add_command(command)
    # feature groups register below, one line each
    main.add_command(__import__("rootmail.commands.directory", fromlist=["directory"]).directory)
    main.add_command(__import__("rootmail.commands.rules", fromlist=["rules"]).rules)
    main.add_command(__import__("rootmail.commands.classify", fromlist=["classify"]).classify)
    main.add_command(__import__("rootmail.commands.classify", fromlist=["message"]).message)


_register()
