"""Core commands: serve, worker, beat, replay, demo, status, reconcile."""

from __future__ import annotations

import re
import smtplib
import sys
import time
from email.parser import BytesHeaderParser
from importlib import resources

import click
import redis

from ingest.envelope import Envelope
from ingest.publish import QUEUE, Publisher
from rootmail.errors import UsageProblem
from rootmail.logs import configure_logging
from rootmail.mailfiles import iter_messages
from rootmail.runtime import load_directory, make_ledger, make_reconciler, make_store, resolve_redis_url
from rootmail.settings import Settings, load_settings
from rootmail.terminal import clean_line, json_line
from routing.addresses import readable_addresses


def _settings() -> Settings:
    try:
        settings = load_settings()
    except Exception as exc:  # pydantic ValidationError: name the variable
        raise UsageProblem(f"invalid setting: {exc}".replace("\n", " ")) from exc
    configure_logging(settings.log_format, settings.log_level)
    return settings


def refuse_unready_helpdesk(settings: Settings) -> None:
    from rootmail.commands.helpdesk import refuse_unready_helpdesk as check

    check(settings)


@click.command()
def serve() -> None:
    """Run the SMTP receiver (and, on embedded defaults, Redis and a worker)."""
    from rootmail.metrics_setup import ensure_multiprocess_metrics
    from rootmail.serve import run_serve

    settings = _settings()
    ensure_multiprocess_metrics(settings.data_dir, "serve")  # re-executes the command once: before the check
    refuse_unready_helpdesk(settings)  # issue 13: a helpdesk without rootmail's set-up is refused here
    run_serve(settings)


@click.command(hidden=True)
def receiver() -> None:
    """An extra SMTP receiver process (started by `rootmail serve` when ROOTMAIL_SMTP_PROCESSES > 1)."""
    from rootmail.serve import run_receiver_child

    run_receiver_child(_settings())


@click.command()
@click.option("--concurrency", "-c", type=int, default=None, help="Worker processes (default: setting).")
@click.option("--pool", type=click.Choice(["prefork", "solo", "threads"]), default=None)
def worker(concurrency: int | None, pool: str | None) -> None:
    """Run Celery workers that turn stored mail into tickets."""
    from rootmail.metrics_setup import ensure_multiprocess_metrics
    from rootmail.worker import run_worker

    settings = _settings()
    ensure_multiprocess_metrics(settings.data_dir, "worker")  # re-executes the command once: before the check
    refuse_unready_helpdesk(settings)  # issue 13: a helpdesk without rootmail's set-up is refused here
    run_worker(settings, concurrency, pool)


@click.command()
def beat() -> None:
    """Run the scheduler (periodic reconciler and directory sync). Run exactly one."""
    from rootmail.worker import run_beat

    run_beat(_settings())


def _publisher(settings: Settings) -> Publisher:
    return Publisher(make_ledger(resolve_redis_url(settings)))


def _recipients_of(raw: bytes) -> list[str]:
    headers = BytesHeaderParser().parsebytes(raw)
    for name in ("Delivered-To", "X-Original-To", "To"):
        values = headers.get_all(name) or []
        found = [addr.strip().lower() for addr in readable_addresses([str(v) for v in values]) or () if "@" in addr]
        if found:
            return found
    return []


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--rcpt", "rcpts", multiple=True, help="Recipient root address (default: Delivered-To/To).")
def replay(paths: tuple[str, ...], rcpts: tuple[str, ...]) -> None:
    """Feed .eml files, mbox files and Maildir folders through the store -> task path."""
    settings = _settings()
    store = make_store(settings)
    publisher = _publisher(settings)
    directory = load_directory(settings)
    items = list(iter_messages(list(paths)))
    stored = failed = 0
    problems: list[str] = []
    with click.progressbar(items, label="replaying", file=sys.stderr, show_pos=True) as bar:
        for item in bar:
            if item.error:
                problems.append(f"{item.label}: {item.error}")
                failed += 1
                continue
            wanted = [r.strip().lower() for r in rcpts] or _recipients_of(item.raw)
            known = [r for r in wanted if directory.is_known(r)]
            if not known:
                problems.append(
                    f"{item.label}: no known root address among recipients {wanted or '(none)'}; "
                    "pass --rcpt ADDRESS or add the address to the directory"
                )
                failed += 1
                continue
            envelope = Envelope(mail_from="", rcpt_tos=tuple(known), source="replay", received_at=time.time())
            key = store.put(envelope, item.raw)
            publisher.announce(key)
            stored += 1
    for line in problems:  # labels and recipients come from files and mail headers
        click.echo(f"rootmail: error: {clean_line(line)}", err=True)
    click.echo(f"replayed {stored} message(s), {failed} failed")
    if failed:
        sys.exit(1)


def to_crlf(raw: bytes) -> bytes:
    """SMTP needs CRLF line ends; files on disk often have bare LF."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def demo_messages() -> list[tuple[str, bytes]]:
    folder = resources.files("rootmail").joinpath("demo")
    return sorted((entry.name, entry.read_bytes()) for entry in folder.iterdir() if entry.name.endswith(".eml"))


@click.command()
@click.option("--host", default=None, help="Receiver host (default: ROOTMAIL_SMTP_HOST).")
@click.option("--port", type=int, default=None, help="Receiver port (default: ROOTMAIL_SMTP_PORT).")
def demo(host: str | None, port: int | None) -> None:
    """Send a handful of realistic AWS notices to the running receiver over SMTP."""
    settings = _settings()
    host = host or settings.smtp_host
    port = port or settings.smtp_port
    sent = 0
    try:
        client = smtplib.SMTP(host, port, timeout=30)
    except OSError as exc:
        raise UsageProblem(
            f"cannot connect to smtp://{host}:{port} ({exc.strerror or exc}); start `rootmail serve` "
            "first, with the same ROOTMAIL_SMTP_HOST/PORT and ROOTMAIL_DATA_DIR"
        ) from exc
    with client:
        client.ehlo("rootmail-demo")
        for name, raw in demo_messages():
            recipients = _recipients_of(raw)
            try:
                client.sendmail("bounces@demo.rootmail.invalid", recipients, to_crlf(raw))
            except smtplib.SMTPException as exc:
                click.echo(f"rootmail: error: {name} was refused: {clean_line(exc)}", err=True)
                continue
            sent += 1
            click.echo(f"sent {name} to {', '.join(recipients)}")
    click.echo(f"{sent} demo notices accepted; watch them become tickets with `rootmail tickets list`")
    click.echo("(the demo notices carry no AWS DKIM signature, so rootmail rightly flags them as suspected "
               "spoofs: internal, security-triage)")


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def status(as_json: bool) -> None:
    """Counts by state, queue depth and the oldest unfinished message."""
    settings = _settings()
    store = make_store(settings)
    pending = list(store.pending())
    data: dict[str, object] = {"pending_in_store": len(pending),
                               "quarantined_in_store": sum(1 for _ in store.quarantined())}
    try:
        ledger = make_ledger(resolve_redis_url(settings), timeout=3.0)
        client = ledger.client
        counts = ledger.counts()
        data.update(counts)
        data["queue_depth"] = int(client.llen(QUEUE))
        data["redis"] = "ok"
    except (UsageProblem, redis.RedisError) as exc:
        data.update({"received": None, "queued": None, "done": None, "quarantined": None,
                     "queue_depth": None, "redis": f"unavailable: {exc}"})
    if pending:
        key, mtime = pending[0]
        data["oldest_unfinished"] = {"key": key, "age_seconds": round(time.time() - mtime, 1)}
    else:
        data["oldest_unfinished"] = None
    if as_json:
        click.echo(json_line(data, sort_keys=True))
        return
    for name in ("received", "queued", "done", "quarantined", "queue_depth", "pending_in_store", "redis"):
        click.echo(f"{name:18} {clean_line(data.get(name))}")
    oldest = data["oldest_unfinished"]
    click.echo(f"{'oldest_unfinished':18} {json_line(oldest) if oldest else '-'}")


@click.command()
@click.option("--all", "everything", is_flag=True, help="Enqueue every pending message now (grace 0).")
@click.option("--json", "as_json", is_flag=True)
def reconcile(everything: bool, as_json: bool) -> None:
    """Enqueue stored messages that are not finished (what the periodic reconciler does)."""
    settings = _settings()
    reconciler = make_reconciler(settings, make_store(settings), make_ledger(resolve_redis_url(settings), timeout=10.0))
    report = reconciler(0.0 if everything else settings.reconcile_grace)
    click.echo(json_line(report.as_dict()) if as_json else
               clean_line(" ".join(f"{k}={v}" for k, v in report.as_dict().items())))
