"""Routing rules: the shipped defaults, every condition and action, the guard rails, the due date,
validation errors with file:line and fix, reloading (file change, SIGHUP, broken file), drop counting,
and the ``rootmail rules check|explain`` commands."""

from __future__ import annotations

import json
import os
import signal
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from prometheus_client import REGISTRY
from structlog.testing import capture_logs

from rootmail.rules_holder import RulesHolder, RulesRouter, install_sighup, known_notice_types, load_rules
from routing.directory import Directory, parse_directory
from routing.parse import parse_mail
from routing.rules import RulesError, RuleSet, decide, parse_rules
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient
from tests.conftest import free_port

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "directory"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "aws-notices"
TYPES = known_notice_types()
PASS = AuthVerdict("pass", claims_aws=True)
EVENT_ARN = ("arn:aws:health:eu-west-2::event/LAMBDA/AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT/"
             "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT_65304849CE56DC30FFE5C04876277524")


def mail(subject: str = "Hello", body: str = "Body text.", date: str | None = "Mon, 02 Feb 2026 10:00:00 +0000",
         headers: dict[str, str] | None = None) -> ParsedMail:
    lines = ["From: AWS <no-reply@aws.com>", "To: root-acme-prod@roots.example.net", f"Subject: {subject}",
             "Message-ID: <m1@aws.example>"]
    if date:
        lines.append(f"Date: {date}")
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return parse_mail(("\r\n".join(lines) + "\r\n\r\n" + body + "\r\n").encode())


def notice(notice_type: str, **kwargs: Any) -> Notice:
    """A notice with the taxonomy's defaults for ``notice_type`` (as the classifier produces it)."""
    from routing.taxonomy import default_taxonomy

    spec = default_taxonomy().get(notice_type)
    base: dict[str, Any] = {"notice_type": notice_type, "category": spec.category, "severity": spec.severity,
                            "secret": spec.secret, "customer_visible": spec.customer_visible,
                            "action_required": spec.action_required, "thread_on": spec.thread_on}
    base.update(kwargs)
    return Notice(**base)


@pytest.fixture(scope="module")
def directory() -> Directory:
    return parse_directory((FIXTURES / "directory.yaml").read_text(), "directory.yaml")


@pytest.fixture(scope="module")
def shipped() -> RuleSet:
    return load_rules(None, TYPES)


def prod(directory: Directory) -> Recipient:
    return directory.resolve("root-acme-prod@roots.example.net")


# ---------------------------------------------------------------- the shipped rules


def test_shipped_rules_validate_against_the_taxonomy(shipped: RuleSet) -> None:
    assert TYPES is not None and "credentials.password_reset" in TYPES
    assert shipped.source == "routing/data/rules.yaml"
    assert shipped.names()[0] == "suspected-spoof" and shipped.names()[-1] == "unknown"


@pytest.mark.parametrize(
    ("notice_type", "rule", "queue", "priority", "visibility", "action"),
    [
        ("credentials.password_reset", "root-credentials", "security", "critical", "internal", "open"),
        ("credentials.mfa_deactivated", "root-credentials", "security", "critical", "internal", "open"),
        ("verification.acm_approval", "verification-links", "security", "normal", "internal", "open"),
        ("abuse.report", "abuse-and-compromise", "security", "critical", "customer", "open"),
        ("security.exposed_credentials", "abuse-and-compromise", "security", "critical", "customer", "open"),
        ("security.suspicious_activity", "abuse-and-compromise", "security", "critical", "customer", "open"),
        ("security.root_review", "root-review", "security", "high", "internal", "open"),
        ("marketing.newsletter", "marketing", "triage", "low", "internal", "drop"),
        ("health.end_of_support", "health-events", "operations", "high", "customer", "open"),
        ("billing.payment_failed", "billing", "billing", "high", "customer", "open"),
        ("account.suspended", "account-status", "billing", "critical", "customer", "open"),
        ("support.case_correspondence", "support-cases", "support", "normal", "customer", "open"),
        ("policy.change_notice", "onboarding-and-policy", "operations", "low", "customer", "open"),
        ("unknown", "unknown", "triage", "normal", "internal", "open"),
    ],
)
def test_shipped_rules_route_each_kind_of_notice(
    shipped: RuleSet, directory: Directory, notice_type: str, rule: str, queue: str, priority: str,
    visibility: str, action: str,
) -> None:
    route = decide(shipped, mail(), notice(notice_type), PASS, prod(directory)).route
    assert (route.rule, route.queue, route.priority, route.visibility, route.action) == (
        rule, queue, priority, visibility, action)


def test_marketing_is_dropped_with_a_reason(shipped: RuleSet, directory: Directory) -> None:
    route = decide(shipped, mail(), notice("marketing.newsletter"), PASS, prod(directory)).route
    assert (route.action, route.drop_reason) == ("drop", "marketing")


def test_abuse_is_due_within_24_hours_of_the_mail(shipped: RuleSet, directory: Directory) -> None:
    route = decide(shipped, mail(), notice("abuse.report"), PASS, prod(directory)).route
    assert route.due == "2026-02-03T10:00:00Z"


def test_health_due_date_is_the_notice_deadline(shipped: RuleSet, directory: Directory) -> None:
    route = decide(shipped, mail(), notice("health.end_of_support", deadline="2026-03-31"), PASS,
                   prod(directory)).route
    assert route.due == "2026-03-31"


@pytest.mark.parametrize("verdict", [AuthVerdict("fail", claims_aws=True), AuthVerdict("none", claims_aws=True)])
def test_suspected_spoofs_go_to_security_triage_never_customer_visible(
    shipped: RuleSet, directory: Directory, verdict: AuthVerdict,
) -> None:
    route = decide(shipped, mail(), notice("abuse.report"), verdict, prod(directory)).route
    assert (route.rule, route.queue, route.visibility) == ("suspected-spoof", "security-triage", "internal")
    assert "suspected_spoof" in route.tags


def test_unknown_recipient_goes_to_triage(shipped: RuleSet, directory: Directory) -> None:
    route = decide(shipped, mail(), notice("billing.statement"), PASS,
                   directory.resolve("nobody@roots.example.net")).route
    assert (route.rule, route.queue, route.visibility) == ("unknown-recipient", "triage", "internal")


def test_no_matching_rule_gives_the_taxonomy_defaults(directory: Directory) -> None:
    empty = parse_rules("rules: []\ndefaults: {queue: inbox}\n", "r.yaml")
    route = decide(empty, mail(), notice("billing.payment_failed"), PASS, prod(directory)).route
    assert (route.rule, route.queue, route.priority, route.visibility, route.action) == (
        "default", "inbox", "high", "customer", "open")


# ---------------------------------------------------------------- cross-check


def test_account_mismatch_is_flagged_and_routed_never_corrected(shipped: RuleSet, directory: Directory) -> None:
    the_notice = notice("billing.payment_failed", aws_account_id="999999999999")
    decision = decide(shipped, mail(), the_notice, PASS, prod(directory))
    route = decision.route
    assert (route.rule, route.visibility) == ("account-mismatch", "internal")
    assert "account_mismatch" in route.tags
    assert dict(route.fields)["account_mismatch"] == "999999999999 vs 111111111111"
    assert the_notice.aws_account_id == "999999999999"  # the notice is not changed


def test_matching_account_ids_are_not_a_mismatch(shipped: RuleSet, directory: Directory) -> None:
    route = decide(shipped, mail(), notice("billing.payment_failed", aws_account_id="111111111111"), PASS,
                   prod(directory)).route
    assert route.rule == "billing" and "account_mismatch" not in route.tags


def test_mismatch_flag_is_added_even_when_another_rule_matches(directory: Directory) -> None:
    rules = parse_rules("rules:\n  - name: all\n    queue: q\n", "r.yaml")
    route = decide(rules, mail(), notice("abuse.report", aws_account_id="999999999999"), PASS,
                   prod(directory)).route
    assert route.rule == "all" and "account_mismatch" in route.tags


# ---------------------------------------------------------------- guard rails


def test_a_secret_is_never_customer_visible_whatever_the_rule(directory: Directory) -> None:
    rules = parse_rules("rules:\n  - name: show\n    visibility: customer\n", "r.yaml")
    decision = decide(rules, mail(), notice("credentials.password_reset"), PASS, prod(directory))
    assert decision.route.visibility == "internal"
    assert any("secret" in n for n in decision.notes)


def test_a_failed_authentication_is_never_customer_visible(directory: Directory) -> None:
    rules = parse_rules("rules:\n  - name: show\n    visibility: customer\n", "r.yaml")
    route = decide(rules, mail(), notice("billing.statement"), AuthVerdict("fail"), prod(directory)).route
    assert route.visibility == "internal"


# ---------------------------------------------------------------- conditions


RULES = """
version: 1
rules:
  - name: case-mail
    match:
      header: {Subject: '(?i)\\[case (?P<case>\\d+)\\]'}
      customer: acme
    queue: support-{customer}
    tags: ['case_{case}']
    fields: {case_id: '{case}', urgent: true}
  - name: dev-accounts
    match:
      account_tags: {env: dev*}
    queue: dev
  - name: globex-suspended
    match:
      account_name: globex-*
      customer: [globex]
    queue: globex
  - name: invoice-in-body
    match:
      body: 'Invoice ID: (?P<invoice>[A-Z0-9-]+)'
      severity: [low, normal]
    queue: invoices
    fields: {invoice: '{invoice}'}
  - name: spoofs
    match: {authenticity: spoof}
    queue: spoofs
  - name: actionable
    match: {action_required: true, secret: false, notice_type: ["cost.*", "billing.*"]}
    queue: act
    action: update
  - name: digest
    match: {category: cost}
    action: digest
"""


@pytest.fixture(scope="module")
def custom() -> RuleSet:
    return parse_rules(RULES, "custom.yaml", TYPES)


def test_header_regex_named_captures_fill_templates(custom: RuleSet, directory: Directory) -> None:
    decision = decide(custom, mail(subject="RE: [CASE 5244329601] SES"), notice("support.case_correspondence"),
                      PASS, prod(directory))
    route = decision.route
    assert (route.rule, route.queue) == ("case-mail", "support-acme")
    assert "case_5244329601" in route.tags
    assert dict(route.fields) == {"case_id": "5244329601", "urgent": "true"}
    assert decision.captures == {"case": "5244329601"}


def test_header_rule_does_not_match_another_customer(custom: RuleSet, directory: Directory) -> None:
    route = decide(custom, mail(subject="[Case 1]"), notice("support.case_correspondence"), PASS,
                   directory.resolve("globex-data@aws.example.org")).route
    assert route.rule == "globex-suspended"


def test_account_tag_glob(custom: RuleSet, directory: Directory) -> None:
    route = decide(custom, mail(), notice("support.case_opened"), PASS,
                   directory.resolve("root-acme-dev@roots.example.net")).route
    assert route.rule == "dev-accounts"


def test_body_regex_and_severity(custom: RuleSet, directory: Directory) -> None:
    route = decide(custom, mail(body="Invoice ID: EUINGB25-123456\n"), notice("billing.invoice"), PASS,
                   prod(directory)).route
    assert (route.rule, dict(route.fields)) == ("invoice-in-body", {"invoice": "EUINGB25-123456"})
    critical = decide(custom, mail(body="Invoice ID: X1\n"), notice("billing.invoice", severity="critical"), PASS,
                      prod(directory)).route
    assert critical.rule != "invoice-in-body"


def test_authenticity_spoof_matches_an_aws_claim_that_does_not_pass(custom: RuleSet, directory: Directory) -> None:
    spoof = decide(custom, mail(), notice("unknown"), AuthVerdict("none", claims_aws=True), prod(directory)).route
    not_claimed = decide(custom, mail(), notice("unknown"), AuthVerdict("none"), prod(directory)).route
    assert (spoof.rule, not_claimed.rule) == ("spoofs", "default")


def test_flags_and_type_globs_select_update_only(custom: RuleSet, directory: Directory) -> None:
    route = decide(custom, mail(), notice("cost.commitment_expiry"), PASS, prod(directory)).route
    assert (route.rule, route.action) == ("actionable", "update")


def test_digest_threads_a_customer_day_into_one_ticket(custom: RuleSet, directory: Directory) -> None:
    morning = decide(custom, mail(date="Mon, 02 Feb 2026 08:00:00 +0000"), notice("cost.anomaly"), PASS,
                     prod(directory)).route
    evening = decide(custom, mail(date="Mon, 02 Feb 2026 20:00:00 +0000"), notice("cost.free_tier_alert"), PASS,
                     prod(directory)).route
    next_day = decide(custom, mail(date="Tue, 03 Feb 2026 08:00:00 +0000"), notice("cost.anomaly"), PASS,
                      prod(directory)).route
    assert morning.action == "digest"
    assert morning.thread_key == evening.thread_key == "digest:acme:2026-02-02:digest"
    assert next_day.thread_key == "digest:acme:2026-02-03:digest"


# ---------------------------------------------------------------- due dates


@pytest.mark.parametrize(
    ("spec", "deadline", "expected"),
    [
        ("deadline", "2026-03-31", "2026-03-31"),
        ("deadline-2d", "2026-03-31", "2026-03-29"),
        ("deadline+12h", "2026-03-31", "2026-03-31T12:00:00Z"),
        ("deadline", "2026-03-31T13:00:00Z", "2026-03-31T13:00:00Z"),
        ("deadline or 5d", None, "2026-02-07T10:00:00Z"),
        ("deadline or 5d", "2026-02-20", "2026-02-20"),
        ("24h", "2026-03-31", "2026-02-03T10:00:00Z"),
        ("deadline", None, None),
    ],
)
def test_due_terms(directory: Directory, spec: str, deadline: str | None, expected: str | None) -> None:
    rules = parse_rules(f"rules:\n  - name: r\n    due: {spec}\n", "r.yaml")
    route = decide(rules, mail(), notice("billing.payment_failed", deadline=deadline), PASS, prod(directory)).route
    assert route.due == expected


def test_due_uses_now_when_the_mail_has_no_date(directory: Directory) -> None:
    rules = parse_rules("rules:\n  - name: r\n    due: 1d\n", "r.yaml")
    route = decide(rules, mail(date=None), notice("abuse.report"), PASS, prod(directory),
                   now=datetime(2026, 5, 1, 9, 30, tzinfo=UTC)).route
    assert route.due == "2026-05-02T09:30:00Z"


# ---------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rules:\n  - name: a\n    match:\n      notice_typ: abuse.*\n",
         "r.yaml:4: unknown condition 'notice_typ'; did you mean 'notice_type'?"),
        ("rules:\n  - name: a\n    match: {notice_type: credential.*}\n",
         "r.yaml:3: notice_type 'credential.*' matches no notice type of the taxonomy; did you mean 'credentials.*'?"),
        ("rules:\n  - name: a\n    match: {category: helth}\n",
         "r.yaml:3: category 'helth' matches no category of the taxonomy; did you mean 'health'?"),
        ("rules:\n  - name: a\n    match:\n      body: '(unclosed'\n",
         "r.yaml:4: body pattern '(unclosed' is not a valid regular expression"),
        ("rules:\n  - name: a\n    priority: urgent\n",
         "r.yaml:3: priority 'urgent' is not valid; use one of: critical, high, normal, low"),
        ("rules:\n  - name: a\n    visibility: public\n",
         "r.yaml:3: visibility 'public' is not valid"),
        ("rules:\n  - name: a\n  - name: a\n", "r.yaml:3: rule name 'a' is already used at line 2"),
        ("rules:\n  - queue: x\n", "r.yaml:2: rule #1 needs name:"),
        ("rules:\n  - name: a\n    severity: high\n",
         "r.yaml:3: unknown key 'severity' in rule 'a'; conditions go under match:"),
        ("rules:\n  - name: a\n    tags: ['{cas}']\n",
         "r.yaml:3: tag '{cas}' uses {cas}, which is neither a named capture"),
        ("rules:\n  - name: a\n    due: tomorrow\n", "r.yaml:3: due term 'tomorrow' is not understood"),
        ("rules:\n  - name: a\n    drop_reason: spam\n", "r.yaml:3: drop_reason is only used with action: drop"),
        ("rules:\n  - name: a\n    match: {recipient_known: 'no'}\n",
         "r.yaml:3: 'recipient_known' must be true or false"),
        ("rules:\n  - name: a\n    match:\n      authenticity: spoofed\n",
         "r.yaml:4: authenticity 'spoofed' is not valid; did you mean 'spoof'?"),
        ("rule:\n  - name: a\n", "r.yaml:1: unknown top-level key 'rule'; did you mean 'rules'?"),
        ("rules:\n  - name: a\n    match: {header: {Subject: 'x'}}\n  bad\n", "r.yaml:4: not valid YAML"),
    ],
)
def test_check_names_the_line_and_the_fix(text: str, expected: str) -> None:
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "r.yaml", TYPES)
    assert any(p.startswith(expected) for p in caught.value.problems), caught.value.problems


def test_check_reports_every_problem_not_only_the_first() -> None:
    text = "rules:\n  - name: a\n    priority: urgent\n  - name: b\n    action: close\n"
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "r.yaml", TYPES)
    assert [p.split(":")[1] for p in caught.value.problems] == ["3", "5"]


# ---------------------------------------------------------------- reloading and counting


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _write_later(path: Path, text: str) -> None:
    previous = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(previous + 10**9, previous + 10**9))


ONE = "rules:\n  - name: one\n    queue: first\n"
TWO = "rules:\n  - name: two\n    queue: second\n"


def test_rules_reload_when_the_file_changes(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(ONE)
    clock = FakeClock()
    holder = RulesHolder(path, clock=clock, check_every=2.0)
    assert holder.get().names() == ("one",)
    _write_later(path, TWO)
    clock.now = 1.0
    assert holder.get().names() == ("one",)  # checked at most every 2 seconds
    clock.now = 3.0
    assert holder.get().names() == ("two",)


def test_a_broken_file_keeps_the_last_good_rules_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(ONE)
    clock = FakeClock()
    holder = RulesHolder(path, clock=clock)
    _write_later(path, "rules:\n  - name: one\n    priority: urgent\n")
    clock.now = 5.0
    with capture_logs() as logs:
        assert holder.get().names() == ("one",)
    assert logs[0]["event"] == "rules_reload_failed" and logs[0]["log_level"] == "error"
    assert logs[0]["problems"][0].startswith(f"{path}:3: priority 'urgent'")
    assert REGISTRY.get_sample_value("rootmail_rules_reload_ok") == 0.0
    _write_later(path, TWO)
    clock.now = 10.0
    assert holder.get().names() == ("two",)
    assert REGISTRY.get_sample_value("rootmail_rules_reload_ok") == 1.0


def test_sighup_reloads_without_waiting_for_the_interval(tmp_path: Path) -> None:
    path = tmp_path / "rules.yaml"
    path.write_text(ONE)
    holder = RulesHolder(path, check_every=3600.0)
    previous = signal.getsignal(signal.SIGHUP)
    try:
        assert install_sighup(holder)
        _write_later(path, TWO)
        os.kill(os.getpid(), signal.SIGHUP)
        deadline = time.monotonic() + 5
        while holder.get().names() != ("two",) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert holder.get().names() == ("two",)
    finally:
        signal.signal(signal.SIGHUP, previous)


def test_router_counts_dropped_notices_by_reason(directory: Directory) -> None:
    router = RulesRouter(RulesHolder(None))

    def dropped() -> float:
        return REGISTRY.get_sample_value("rootmail_notices_dropped_total", {"reason": "marketing"}) or 0.0

    before = dropped()
    route = router(mail(), notice("marketing.newsletter"), PASS, prod(directory))
    router(mail(), notice("abuse.report"), PASS, prod(directory))
    assert route.action == "drop"
    assert dropped() == before + 1


def test_make_router_uses_the_rules_file_setting(tmp_path: Path, directory: Directory) -> None:
    from rootmail.settings import Settings
    from rootmail.wiring import make_router

    path = tmp_path / "rules.yaml"
    path.write_text(ONE)
    router = make_router(Settings(data_dir=tmp_path, rules_file=path))
    assert router(mail(), notice("abuse.report"), PASS, prod(directory)).queue == "first"


# ---------------------------------------------------------------- commands


def test_rules_check_command_accepts_the_shipped_rules() -> None:
    from rootmail.cli import main

    shipped_path = Path(__file__).resolve().parents[2] / "routing" / "data" / "rules.yaml"
    result = CliRunner().invoke(main, ["rules", "check", str(shipped_path)])
    assert result.exit_code == 0, result.output
    assert "OK, 16 rules" in result.output


def test_rules_check_command_names_the_line_and_exits_1(tmp_path: Path) -> None:
    from rootmail.cli import main

    path = tmp_path / "rules.yaml"
    path.write_text("rules:\n  - name: a\n    match: {notice_type: credential.*}\n")
    result = CliRunner().invoke(main, ["rules", "check", str(path)])
    assert result.exit_code == 1
    assert f"{path}:3: notice_type 'credential.*' matches no notice type" in result.output


def test_rules_explain_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from rootmail.cli import main
    from rootmail.commands import rules as rules_command

    def classify(parsed: ParsedMail, raw: bytes, envelope: object, recipient: Recipient) -> Notice:
        return notice("health.end_of_support", aws_account_id="111111111111", deadline="2026-03-31",
                      identifiers={"health_event_arn": EVENT_ARN})

    monkeypatch.setattr(rules_command, "_stages", lambda settings: {
        "classify": classify, "authenticate": lambda parsed, raw, envelope: PASS})
    env = {"ROOTMAIL_DATA_DIR": str(tmp_path), "ROOTMAIL_DIRECTORY_FILE": str(FIXTURES / "directory.yaml"),
           "ROOTMAIL_LOG_LEVEL": "WARNING"}
    result = CliRunner().invoke(main, ["rules", "explain", str(FIXTURES / "health-event.eml"), "--json"], env=env)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert {k: doc[k] for k in ("rule", "queue", "priority", "visibility", "action", "customer",
                                "aws_account_id")} == {
        "rule": "health-events", "queue": "operations", "priority": "high", "visibility": "customer",
        "action": "open", "customer": "acme", "aws_account_id": "111111111111"}
    assert doc["recipient"] == "root-acme-prod@roots.example.net"  # from "Received: ... for <...>"
    assert doc["due"] == "2026-03-31" and doc["thread_key"].startswith("health-event:acme:")

    other = CliRunner().invoke(main, ["rules", "explain", str(FIXTURES / "health-event.eml"), "--json",
                                      "--rcpt", "globex-data@aws.example.org"], env=env)
    doc = json.loads(other.stdout)
    assert (doc["rule"], doc["customer"], doc["visibility"]) == ("account-mismatch", "globex", "internal")


@pytest.mark.skipif(not (SHARED / "samples" / "labels.json").exists(), reason=f"shared samples not at {SHARED}")
def test_shipped_rules_over_the_labelled_samples(shipped: RuleSet) -> None:
    """With the labels standing in for the classifier: secrets and failures never reach customers,
    marketing is dropped, every other mail gets a ticket, the Health pair shares one thread."""
    directory = parse_directory((SHARED / "directory.yaml").read_text(), "directory.yaml")
    labels = json.loads((SHARED / "samples" / "labels.json").read_text())
    threads: dict[str, set[str | None]] = {}
    for label in labels:
        raw = (SHARED / "samples" / label["file"]).read_bytes()
        recipient = directory.resolve(label["recipient"])
        the_notice = notice(label["notice_type"], aws_account_id=label["aws_account_id"],
                            identifiers=label["identifiers"], deadline=label["deadline"])
        auth = AuthVerdict(label["authenticity"], claims_aws=True)
        route = decide(shipped, parse_mail(raw), the_notice, auth, recipient).route
        if the_notice.secret or label["authenticity"] == "fail":
            assert route.visibility == "internal", label["file"]
        assert (route.action == "drop") == (label["notice_type"] == "marketing.newsletter"), label["file"]
        if label.get("aggregate"):
            threads.setdefault(label["aggregate"], set()).add(route.thread_key)
    assert threads and all(len(keys) == 1 and None not in keys for keys in threads.values())


def test_rules_explain_reads_a_return_path_it_cannot_parse_as_none(tmp_path: Path) -> None:
    """``Return-Path: (((…`` (600 nested comments) made email.utils.parseaddr raise RecursionError: a
    traceback from ``rules explain``; now it is no envelope sender, and the mail is explained."""
    from rootmail.cli import main

    raw = (FIXTURES / "health-event.eml").read_bytes()
    path = tmp_path / "nested-return-path.eml"
    path.write_bytes(b"Return-Path: " + b"(" * 600 + b"\n" + raw)
    env = {"ROOTMAIL_DATA_DIR": str(tmp_path), "ROOTMAIL_DIRECTORY_FILE": str(FIXTURES / "directory.yaml"),
           "ROOTMAIL_LOG_LEVEL": "WARNING", "ROOTMAIL_DNS_NAMESERVERS": f"127.0.0.1:{free_port()}",
           "ROOTMAIL_DNS_TIMEOUT": "0.2"}
    result = CliRunner().invoke(main, ["rules", "explain", str(path), "--json"], env=env)
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["recipient"] == "root-acme-prod@roots.example.net"
