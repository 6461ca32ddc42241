"""``rootmail rules``: check a routing rules file, explain the route of one mail."""

from __future__ import annotations

import sys
from datetime import UTC, datetime
from email.parser import BytesHeaderParser
from pathlib import Path
from typing import Any

import click

from ingest.envelope import Envelope
from rootmail.commands.core import _recipients_of, _settings
from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from rootmail.terminal import clean_line, json_line
from routing.addresses import readable_addresses
from routing.directory import DirectoryError
from routing.rules import RulesError, RuleSet, decide, explain
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient


@click.group()
def rules() -> None:
    """Routing rules: which queue, priority and visibility each notice gets."""


@rules.command("check")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
def rules_check(file: Path) -> None:
    """Validate FILE; every problem is printed as FILE:LINE: problem; fix. Exit 1 when invalid."""
    from rootmail.rules_holder import known_notice_types
    from routing.rules import parse_rules

    try:
        text = file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageProblem(f"{file}: cannot read the rules file ({exc}); check the path") from exc
    try:
        ruleset = parse_rules(text, str(file), known_notice_types())
    except RulesError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        click.echo(f"{file}: {len(exc.problems)} problem(s); the rules were not accepted", err=True)
        sys.exit(1)
    click.echo(f"{file}: OK, {len(ruleset.rules)} rules ({', '.join(ruleset.names())})")


def _load_rules(settings: Settings, path: Path | None) -> RuleSet:
    from rootmail.rules_holder import known_notice_types, load_rules

    try:
        return load_rules(path if path is not None else settings.rules_file, known_notice_types())
    except RulesError as exc:
        raise UsageProblem(f"the rules do not load: {exc.problems[0]} (run `rootmail rules check`)") from exc
    except OSError as exc:
        raise UsageProblem(f"cannot read the rules file ({exc}); fix ROOTMAIL_RULES_FILE or --rules") from exc


def _stages(settings: Settings) -> dict[str, Any]:
    """authenticate/classify from the one factory the worker uses (rootmail.runtime)."""
    from rootmail.runtime import classifier_stages

    stages = classifier_stages(settings)
    return {"authenticate": stages.authenticate, "classify": stages.classify}


def _received_for(raw: bytes) -> str | None:
    """The root address in the receiving MX's ``Received: ... for <address>`` line."""
    headers = BytesHeaderParser().parsebytes(raw)
    for value in headers.get_all("Received") or []:
        text = " ".join(str(value).split())
        marker = text.find(" for <")
        if marker >= 0:
            end = text.find(">", marker)
            if end > marker:
                return text[marker + 6:end].strip().lower()
    return None


def explain_mail(
    raw: bytes, rcpt: str | None, settings: Settings, ruleset: RuleSet, use_stages: bool = True,
) -> tuple[dict[str, Any], ParsedMail, Notice, AuthVerdict, Recipient]:
    from rootmail.directory_holder import DirectoryHolder
    from routing.parse import UnparseableMail, parse_mail

    try:
        parsed = parse_mail(raw)
    except UnparseableMail as exc:
        raise UsageProblem(f"the mail does not parse: {exc}") from exc
    address = rcpt or _received_for(raw) or next(iter(_recipients_of(raw)), None)
    if not address:
        raise UsageProblem("no recipient in the mail (Received ... for, Delivered-To, To); pass --rcpt ADDRESS")
    try:
        directory = DirectoryHolder(settings).get()
    except DirectoryError as exc:
        raise UsageProblem(str(exc)) from exc
    recipient = directory.resolve(address)
    # a Return-Path getaddresses cannot read ("(" x 600) is no envelope sender, as an empty one
    return_path = readable_addresses([parsed.header("Return-Path")]) or [""]
    envelope = Envelope(mail_from=return_path[0], rcpt_tos=(recipient.address,),
                        source="explain")
    stages = _stages(settings) if use_stages else {}
    authenticate = stages.get("authenticate")
    classify = stages.get("classify")
    auth, temporary = _authenticate(authenticate, parsed, raw, envelope)
    if auth.verdict == "pass" and auth.signed_view is not None:
        parsed = auth.signed_view  # as the pipeline: a pass is read from its signed content only
    notice: Notice = classify(parsed, raw, envelope, recipient) if classify else Notice()
    decision = decide(ruleset, parsed, notice, auth, recipient, now=datetime.now(UTC))
    doc = explain(decision, notice, recipient)
    doc["authenticity"] = auth.verdict
    if not classify:
        doc["notes"].append("no classifier is wired: the notice is 'unknown'")
    if temporary:
        doc["notes"].append(auth.reasons[0])
    return doc, parsed, notice, auth, recipient


def _authenticate(authenticate: Any, parsed: ParsedMail, raw: bytes, envelope: Envelope) -> tuple[AuthVerdict, bool]:
    """The verdict, and whether DNS failed for now (reported as `rootmail classify` reports it)."""
    from rootmail.wiring import temporary_failure_verdict
    from ticketing.errors import TransientError

    if authenticate is None:
        return AuthVerdict(), False
    try:
        verdict: AuthVerdict = authenticate(parsed, raw, envelope)
    except TransientError as exc:  # the worker retries this mail
        return temporary_failure_verdict(exc), True
    return verdict, False


def _clean_echo(text: str) -> None:
    click.echo(clean_line(text))


@rules.command("explain")
@click.argument("eml", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--rcpt", default=None, help="Recipient root address (default: Received ... for, Delivered-To, To).")
@click.option("--rules", "rules_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Rules file (default: ROOTMAIL_RULES_FILE, else the shipped rules).")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def rules_explain(eml: Path, rcpt: str | None, rules_file: Path | None, as_json: bool) -> None:
    """Print the route chosen for the mail in EML and the rule that matched."""
    settings = _settings()
    ruleset = _load_rules(settings, rules_file)
    doc, *_ = explain_mail(eml.read_bytes(), rcpt, settings, ruleset)
    if as_json:
        click.echo(json_line(doc, sort_keys=True))
        return
    echo = _clean_echo  # subjects, addresses and fields come from the mail
    where = f" ({ruleset.source}:{doc['rule_line']})" if doc["rule_line"] else " (no rule matched: taxonomy defaults)"
    echo(f"rule:        {doc['rule']}{where}")
    for key in ("queue", "priority", "visibility", "action", "due", "drop_reason", "thread_key"):
        if doc[key] is not None:
            echo(f"{key + ':':12} {doc[key]}")
    echo(f"{'notice:':12} {doc['notice_type']} (authenticity {doc['authenticity']})")
    echo(f"{'recipient:':12} {doc['recipient']} -> account {doc['recipient_account_id'] or 'unknown'}, "
         f"customer {doc['customer'] or 'unknown'}")
    if doc["aws_account_id"]:
        echo(f"{'mail names:':12} account {doc['aws_account_id']}")
    if doc["tags"]:
        echo(f"{'tags:':12} {', '.join(doc['tags'])}")
    for key, value in doc["fields"].items():
        echo(f"{'field:':12} {key} = {value}")
    for note in doc["notes"]:
        echo(f"{'note:':12} {note}")
