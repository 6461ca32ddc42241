"""The ``rootmail`` command line. Errors are one line naming the problem and the fix; no tracebacks."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from rootmail import __version__


class RootmailGroup(click.Group):
    """Turns expected failures into a clear one-line error and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        from rootmail.errors import UsageProblem
        from rootmail.terminal import clean_line

        try:
            return super().invoke(ctx)
        except UsageProblem as exc:  # may quote a file name, a key or a header value: one clean line
            click.echo(f"rootmail: error: {clean_line(exc)}", err=True)
            sys.exit(2)


@click.group(cls=RootmailGroup)
@click.version_option(__version__, prog_name="rootmail")
def main() -> None:
    """rootmail: AWS root-address mail in, helpdesk tickets out."""
    from rootmail.private import private_umask

    # every command, and every process serve starts, creates files readable by this user only;
    # restored when the command ends (only matters when the CLI runs inside another program)
    previous = private_umask()
    click.get_current_context().call_on_close(lambda: os.umask(previous))


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
    main.add_command(__import__("rootmail.commands.helpdesk", fromlist=["helpdesk"]).helpdesk)
    main.add_command(__import__("rootmail.commands.guard", fromlist=["expect"]).expect)
    main.add_command(__import__("rootmail.commands.guard", fromlist=["secrets"]).secrets)


_register()
