"""``rootmail expect`` (expectation windows) and ``rootmail secrets reveal`` (escrowed root secrets).

Both are recorded in the audit log (:mod:`rootmail.audit`: real uid and password-database name)
before they take effect: a window is declared, cancelled or a secret printed only after its audit
entry is on disk. ``secrets reveal`` prints the newest live secret of an account only while an
expectation window is open for it; a refused reveal is audited too.
"""

from __future__ import annotations

import re
import shlex
import time
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import click
import redis

from rootmail import audit
from rootmail.commands.core import _settings
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from rootmail.terminal import clean_line, json_line

if TYPE_CHECKING:  # the receiver loads this module with the CLI: the guard's code only when a command runs
    from ticketing.guard_windows import Window

_DURATION = re.compile(r"(\d+(?:\.\d+)?)\s*([smhd])", re.IGNORECASE)
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(text: str) -> float:
    """``90s``, ``30m``, ``2h``, ``1h30m``, ``1d`` -> seconds; anything else is a UsageProblem."""
    compact = text.replace(" ", "")
    parts = _DURATION.findall(compact)
    if not parts or "".join(a + u for a, u in parts).lower() != compact.lower():
        raise UsageProblem(f"--for {text!r}: use a duration such as 30m, 2h or 1h30m")
    seconds = sum(float(amount) * _UNITS[unit.lower()] for amount, unit in parts)
    if seconds <= 0:
        raise UsageProblem(f"--for {text!r}: the window must last longer than 0 seconds")
    return seconds


def _account(account_id: str) -> str:
    from ticketing.escrow import check_account

    try:
        return check_account(account_id.strip())
    except ValueError as exc:
        raise UsageProblem(str(exc)) from exc


def _redis(settings: Settings) -> redis.Redis:
    from rootmail.clients import redis_client, resolve_redis_url

    client = redis_client(resolve_redis_url(settings))
    try:
        client.ping()
    except redis.RedisError as exc:
        raise UsageProblem(f"Redis is not reachable ({type(exc).__name__}): start `rootmail serve` or check "
                           "ROOTMAIL_REDIS_URL") from exc
    return client


def _audit(settings: Settings, event: str, key: str, command: str) -> None:
    try:
        audit.record(settings.data_dir, event, key, command=command)
    except OSError as exc:
        raise UsageProblem(f"cannot write the audit log in {settings.data_dir} ({exc.strerror}); "
                           "nothing was done") from exc


def _when(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


class ExpectGroup(click.Group):
    """``rootmail expect ACCOUNT_ID --for …`` declares; ``expect list`` and ``expect cancel`` manage."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and not args[0].startswith("-"):
            args = ["declare", *args]
        return super().parse_args(ctx, args)


@click.group(cls=ExpectGroup)
def expect() -> None:
    """Expected root work: `expect ACCOUNT_ID --for 1h --reason TEXT [--covers KEY]`, `expect list`,
    `expect cancel ACCOUNT_ID [WINDOW_ID]`."""


@expect.command("declare")
@click.argument("account_id")
@click.option("--for", "duration", required=True, help="How long root-credential mail is expected: 30m, 2h, 1h30m.")
@click.option("--reason", required=True, help="Why (ticket or change number, who does the work).")
@click.option("--covers", "covers", multiple=True,
              help="Message key of an alarm this window explains after the fact (resolves the alarm).")
def declare(account_id: str, duration: str, reason: str, covers: tuple[str, ...]) -> None:
    """Declare a window in which root-credential mail for ACCOUNT_ID is expected."""
    settings = _settings()
    account_id = _account(account_id)
    seconds = parse_duration(duration)
    if seconds > settings.expect_max_hours * 3600:
        raise UsageProblem(f"--for {duration}: longer than ROOTMAIL_EXPECT_MAX_HOURS={settings.expect_max_hours:g}")
    if not reason.strip():
        raise UsageProblem("--reason must say why the root work is expected")
    client = _redis(settings)
    guard = _guard(settings, client)
    now = time.time()
    start = now
    for key in covers:
        raised = guard.alarms.of_message(key)
        if raised is None:
            raise UsageProblem(f"--covers {key}: no alarm was raised for that message key")
        if raised.get("account_id") != account_id:
            raise UsageProblem(f"--covers {key}: that alarm is for another account")
        start = min(start, datetime.fromisoformat(raised["time"]).timestamp())
    command = f"expect {account_id} --for {duration} --reason {shlex.quote(reason)}" + "".join(
        f" --covers {shlex.quote(k)}" for k in covers)
    _audit(settings, "expectation_declared", account_id, command)
    window = guard.windows.declare(account_id, start=start, end=now + seconds, reason=reason,
                                   declared_by=audit.actor(), now=now, covers=covers)
    click.echo(f"window {window.window_id}: root-credential mail for {account_id} expected until {_when(window.end)}")
    for key in covers:
        resolved = guard.resolve(key)
        click.echo(f"alarm of {clean_line(key)}: {'resolved' if resolved else 'already resolved'}")


def _guard(settings: Settings, client: redis.Redis) -> Any:
    from celery import Celery

    from rootmail.guard_wiring import make_guard
    from rootmail.runtime import resolve_redis_url
    from ticketing.guard_tasks import configured_channels, fan_out

    app = Celery("rootmail", broker=resolve_redis_url(settings), set_as_current=False)
    app.conf.update(task_serializer="json", accept_content=["json"])
    return make_guard(settings, client, enqueue=fan_out(configured_channels(settings), send=app.send_task))


def _row(window: Window, now: float) -> dict[str, Any]:
    return {"account_id": window.account_id, "window_id": window.window_id, "start": _when(window.start),
            "end": _when(window.end), "open": window.open_at(now), "reason": window.reason,
            "declared_by": window.declared_by.get("user") or window.declared_by.get("uid"),
            "covers": list(window.covers)}


@expect.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print a JSON array.")
def expect_list(as_json: bool) -> None:
    """Windows that are open or not yet ended."""
    from ticketing.guard_windows import Windows

    now = time.time()
    rows = [_row(w, now) for w in Windows(_redis(_settings())).active(now)]
    if as_json:
        click.echo(json_line(rows, sort_keys=True))
        return
    if not rows:
        click.echo("no expectation windows")
    for row in rows:
        click.echo(clean_line(f"{row['account_id']}  {row['window_id']}  until {row['end']}  "
                              f"by {row['declared_by']}  {row['reason']}"))


@expect.command("cancel")
@click.argument("account_id")
@click.argument("window_id", required=False)
def expect_cancel(account_id: str, window_id: str | None) -> None:
    """End ACCOUNT_ID's windows now (or only WINDOW_ID)."""
    settings = _settings()
    account_id = _account(account_id)
    client = _redis(settings)
    _audit(settings, "expectation_cancelled", account_id, f"expect cancel {account_id} {window_id or ''}".strip())
    from ticketing.guard_windows import Windows

    cancelled = Windows(client).cancel(account_id, window_id)
    if not cancelled:
        raise UsageProblem(f"no expectation window for {account_id}" + (f" with id {window_id}" if window_id else ""))
    click.echo(f"cancelled {len(cancelled)} window(s) of {account_id}")


@click.group()
def secrets() -> None:
    """Escrowed root secrets (codes, reset and approval links)."""


@secrets.command("reveal")
@click.argument("account_id")
def secrets_reveal(account_id: str) -> None:
    """Print the newest live secret of ACCOUNT_ID, only while an expectation window is open (audited)."""
    from ticketing import guard_metrics as metrics

    settings = _settings()
    account_id = _account(account_id)
    client = _redis(settings)
    guard = _guard(settings, client)
    now = time.time()
    if guard.windows.open_for(account_id, now) is None:
        _audit(settings, "secret_reveal_refused", account_id, f"secrets reveal {account_id}")
        metrics.ESCROW.labels("reveal_denied").inc()
        raise UsageProblem(f"no expectation window is open for {account_id}: declare the work first with "
                           f"`rootmail expect {account_id} --for 30m --reason TEXT`")
    removed = guard.escrow.purge(now)
    if removed:
        metrics.ESCROW.labels("expire").inc(removed)
    secret = guard.escrow.newest(account_id, now)
    if secret is None:
        raise UsageProblem(f"no live escrowed secret for {account_id} (none received, or it expired)")
    _audit(settings, "secret_revealed", secret.message_key, f"secrets reveal {account_id}")
    metrics.ESCROW.labels("reveal").inc()
    click.echo(f"{secret.kind} from message {clean_line(secret.message_key)}, valid until "
               f"{_when(secret.expires_at)}:", err=True)
    click.echo(clean_line(secret.value))
