"""``rootmail helpdesk check`` and ``rootmail helpdesk setup``: is the helpdesk ready for rootmail?

``check`` prints every problem with its fix and exits 1 when there is one; ``setup`` creates what
rootmail needs where the account may, prints what it did and what an administrator must do by
hand, then checks. ``serve`` and ``worker`` run the same check at start-up
(:func:`refuse_unready_helpdesk`) and refuse to start on a configuration problem, rather than
quarantining every mail; a helpdesk that does not answer, or a rate limit above the account's,
only logs ``helpdesk_problem_at_start`` (mail waits and is retried, as during any outage).
"""

from __future__ import annotations

import sys

import click
import httpx
import structlog

from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from ticketing.errors import PermanentError
from ticketing.helpdesk.rt import RTHelpdesk
from ticketing.helpdesk.rt_setup import Problem, check_rt, queues_to_check, setup_rt
from ticketing.helpdesk.zendesk import ZendeskHelpdesk
from ticketing.helpdesk.zendesk_setup import check_zendesk, setup_zendesk

log = structlog.get_logger(__name__)

CHECK_TIMEOUT = httpx.Timeout(10.0)


def _rt(settings: Settings) -> RTHelpdesk:
    if not settings.rt_url:
        raise UsageProblem("ROOTMAIL_HELPDESK=rt needs ROOTMAIL_RT_URL (and ROOTMAIL_RT_TOKEN, or ROOTMAIL_RT_USER "
                           "and ROOTMAIL_RT_PASSWORD)")
    if settings.rt_token is None and not (settings.rt_user and settings.rt_password):
        raise UsageProblem("ROOTMAIL_HELPDESK=rt needs ROOTMAIL_RT_TOKEN, or ROOTMAIL_RT_USER and ROOTMAIL_RT_PASSWORD")
    return RTHelpdesk(settings.rt_url, token=settings.rt_token, user=settings.rt_user,
                      password=settings.rt_password, default_queue=settings.rt_queue, timeout=CHECK_TIMEOUT)


def _zendesk(settings: Settings) -> ZendeskHelpdesk:
    if not (settings.zendesk_url and settings.zendesk_email and settings.zendesk_token):
        raise UsageProblem("ROOTMAIL_HELPDESK=zendesk needs ROOTMAIL_ZENDESK_URL, ROOTMAIL_ZENDESK_EMAIL and "
                           "ROOTMAIL_ZENDESK_TOKEN")
    fields = {"aws_account_id": settings.zendesk_field_aws_account,
              "notice_type": settings.zendesk_field_notice_type,
              "deadline": settings.zendesk_field_deadline,
              "authenticity": settings.zendesk_field_authenticity}
    return ZendeskHelpdesk(settings.zendesk_url, settings.zendesk_email, settings.zendesk_token,
                           field_ids={k: v for k, v in fields.items() if v}, timeout=CHECK_TIMEOUT)


def _rt_queues(settings: Settings) -> list[str]:
    from rootmail.rules_holder import known_notice_types, load_rules
    from routing.rules import RulesError

    try:
        rules = load_rules(settings.rules_file, known_notice_types())
    except RulesError as exc:
        raise UsageProblem(f"the routing rules are invalid: {'; '.join(exc.problems)}") from exc
    except OSError as exc:
        raise UsageProblem(f"cannot read ROOTMAIL_RULES_FILE={settings.rules_file}: {exc.strerror}") from exc
    return queues_to_check((r.queue for r in rules.rules), settings.rt_queue, rules.default_queue)


def helpdesk_problems(settings: Settings) -> list[Problem]:
    """The problems of the configured helpdesk (none for the local one)."""
    if settings.helpdesk == "rt":
        desk = _rt(settings)
        try:
            return check_rt(desk, _rt_queues(settings))
        finally:
            desk.close()
    if settings.helpdesk == "zendesk":
        zendesk = _zendesk(settings)
        try:
            return check_zendesk(zendesk, settings.zendesk_rate_limit)
        finally:
            zendesk.close()
    return []


def refuse_unready_helpdesk(settings: Settings) -> None:
    """Start-up gate of ``serve`` and ``worker``: a UsageProblem listing every problem and fix."""
    problems = helpdesk_problems(settings)
    for problem in problems:
        if not problem.blocking:
            log.warning("helpdesk_problem_at_start", problem=problem.what, fix=problem.fix)
    blocking = [p for p in problems if p.blocking]
    if blocking:
        raise UsageProblem(f"the {settings.helpdesk} helpdesk is not ready for rootmail: "
                           + " | ".join(f"{p.what}; fix: {p.fix}" for p in blocking)
                           + " (`rootmail helpdesk check` lists them again)")


@click.group()
def helpdesk() -> None:
    """Check and set up the helpdesk rootmail writes to (ROOTMAIL_HELPDESK)."""


@helpdesk.command("check")
def helpdesk_check() -> None:
    """Connectivity, credentials, queues and custom fields; every problem with its fix (exit 1)."""
    from rootmail.commands.core import _settings

    settings = _settings()
    if settings.helpdesk == "local":
        click.echo("helpdesk local: nothing to check (tickets are written to the local SQLite helpdesk)")
        return
    problems = helpdesk_problems(settings)
    for problem in problems:
        click.echo(problem.line())
    if problems:
        click.echo(f"helpdesk {settings.helpdesk}: {len(problems)} problem(s)")
        sys.exit(1)
    checked = ", ".join(_rt_queues(settings)) if settings.helpdesk == "rt" else "credentials, fields, rate limit"
    click.echo(f"helpdesk {settings.helpdesk}: ready ({checked} checked)")


@helpdesk.command("setup")
@click.option("--create-fields", is_flag=True, help="Zendesk: create the ticket fields rootmail can fill.")
def helpdesk_setup(create_fields: bool) -> None:
    """Create what rootmail needs (idempotent); print what is left to do by hand (exit 1 when
    rootmail cannot work without it; optional steps are printed with exit 0)."""
    from rootmail.commands.core import _settings

    settings = _settings()
    if settings.helpdesk == "zendesk":
        _setup_zendesk(settings, create_fields)
        return
    if settings.helpdesk != "rt":
        raise UsageProblem(f"ROOTMAIL_HELPDESK={settings.helpdesk}: the local helpdesk needs no set-up")
    desk = _rt(settings)
    try:
        report = setup_rt(desk, _rt_queues(settings))
    except PermanentError as exc:
        raise UsageProblem(str(exc)) from exc
    finally:
        desk.close()
    for line in report.done:
        click.echo(f"done: {line}")
    for line in report.manual:
        click.echo(f"by hand: {line}")
    for line in report.optional:
        click.echo(f"optional, by hand: {line}")
    if report.manual:
        sys.exit(1)
    click.echo("helpdesk rt: ready")


def _setup_zendesk(settings: Settings, create_fields: bool) -> None:
    desk = _zendesk(settings)
    try:
        if create_fields:
            report = setup_zendesk(desk, desk.field_ids)
            for line in report.done:
                click.echo(f"done: {line}")
            for name, value in report.settings.items():
                click.echo(f"set: {name}={value}")
        else:
            click.echo("done: nothing to create (organizations and users are adopted or created as mail arrives; "
                       "--create-fields creates the optional ticket fields)")
        problems = check_zendesk(desk, settings.zendesk_rate_limit)
    finally:
        desk.close()
    for problem in problems:
        click.echo(f"by hand: {problem.what}: {problem.fix}")
    if problems:
        sys.exit(1)
    click.echo("helpdesk zendesk: ready")
