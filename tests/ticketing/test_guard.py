"""The root-account guard against a real Redis with a controlled clock: windows, alarms and their
dedupe, phishing, resolution by a window after the fact, escrow with the mail's own validity, the
silence alarm; and the pipeline hook (an unexpected reset becomes an urgent ticket without the link)."""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest
import redis

from ingest.envelope import Envelope
from ingest.store import LocalStore, StoredMessage
from routing.directory import Directory
from routing.parse import parse_mail
from routing.types import Account, AuthVerdict, Customer, Notice, ParsedMail, Recipient
from tests.conftest import FIXTURES
from ticketing import pipeline
from ticketing.draft import TicketDraft
from ticketing.escrow import KEY_FILE, EscrowedSecret, LocalEscrow
from ticketing.guard import (
    TAG_EXPECTED,
    TAG_PHISHING,
    TAG_UNEXPECTED,
    RootGuard,
    find_root_secret,
    is_root_credential_mail,
    stated_validity,
)
from ticketing.guard_windows import Alarms, Windows
from ticketing.helpdesk.local import LocalHelpdesk

RESET = (FIXTURES / "notices" / "password-reset-qp-softwrap.eml").read_bytes()
TOKEN_TAIL = "Zq9X-4kP_END77"
ACCOUNT = Account("123456789012", "acme-prod", "acme", "root+acme-prod@aws.example.org")
RECIPIENT = Recipient("root+acme-prod@aws.example.org", ACCOUNT, Customer("acme", "Acme Corp"))
RESET_NOTICE = Notice(notice_type="credentials.password_reset", category="credentials", severity="critical",
                      secret=True)
PASS = AuthVerdict(verdict="pass", claims_aws=True)
SPOOF = AuthVerdict(verdict="fail", claims_aws=True)
DIRECTORY = Directory.build([Customer("acme", "Acme Corp")], [ACCOUNT])


class Clock:
    def __init__(self, now: float = 1_800_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture()
def client(redis_url: str) -> redis.Redis:
    return redis.Redis.from_url(redis_url)


def make_guard(client: redis.Redis, tmp_path: Path, clock: Clock, sent: list[dict[str, str]],
               enqueue: Callable[[dict[str, str]], None] | None = None) -> RootGuard:
    return RootGuard(Windows(client), Alarms(client), LocalEscrow(tmp_path), enqueue or sent.append,
                     dedupe_seconds=600, escrow_ttl=900, silence_hours=48, clock=clock)


def stored(key: str = "k1", raw: bytes = RESET) -> StoredMessage:
    return StoredMessage(key, Envelope("bounce@amazonses.com", (RECIPIENT.address,)), raw)


def inspect(guard: RootGuard, key: str = "k1", auth: AuthVerdict = PASS,
            notice: Notice = RESET_NOTICE) -> TicketDraft:
    message = stored(key)
    parsed = parse_mail(message.raw)
    draft = pipeline.build_draft(message, parsed, RECIPIENT, notice, auth)
    return guard.inspect(message, parsed, RECIPIENT, notice, auth, draft)


def test_root_credential_mail_by_category_or_sender_family() -> None:
    parsed = parse_mail(RESET)
    assert is_root_credential_mail(parsed, RESET_NOTICE)
    assert is_root_credential_mail(parsed, Notice())  # verify.signin.aws is a credential family
    billing = parse_mail(RESET.replace(b"password-reset-no-reply@verify.signin.aws", b"invoicing@aws.com"))
    assert not is_root_credential_mail(billing, Notice(category="billing"))


def test_unreadable_sender_is_taken_for_credential_mail() -> None:
    """A Sender of 600 nested comments made getaddresses raise RecursionError on every try of the ticket
    task; the family of a sender that cannot be read is unknown, so the stricter rule applies."""
    billing = RESET.replace(b"password-reset-no-reply@verify.signin.aws", b"invoicing@aws.com")
    unreadable = parse_mail(b"Sender: " + b"(" * 600 + b"\n" + billing)
    assert is_root_credential_mail(unreadable, Notice(category="billing"))
    readable = parse_mail(b"Sender: (a (b)) invoicing@aws.com\n" + billing)
    assert not is_root_credential_mail(readable, Notice(category="billing"))

def test_secret_and_its_stated_validity() -> None:
    parsed = parse_mail(RESET)
    kind, value = find_root_secret(parsed) or ("", "")
    assert kind == "password reset link" and value.endswith(TOKEN_TAIL) and "\n" not in value
    assert stated_validity("This link expires in 30 minutes.") == 1800
    assert stated_validity("The code is valid for 2 hours") == 7200
    assert stated_validity("Greetings from AWS") is None


def test_window_opens_and_closes_on_the_clock(client: redis.Redis) -> None:
    windows, now = Windows(client), 1_800_000_000.0
    window = windows.declare("123456789012", start=now, end=now + 3600, reason="CHG-1", declared_by={"uid": 1},
                             now=now)
    assert windows.open_for("123456789012", now + 10) == window
    assert windows.open_for("123456789012", now + 3600) is None
    assert windows.open_for("999999999999", now + 10) is None
    assert client.ttl(f"rootmail:guard:window:123456789012:{window.window_id}") > 3600  # expires by itself
    assert [w.window_id for w in windows.cancel("123456789012")] == [window.window_id]
    assert windows.open_for("123456789012", now + 10) is None


def test_unexpected_reset_alarms_once_per_dedupe_window(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    draft = inspect(guard, "k1")
    assert draft.severity == "urgent" and TAG_UNEXPECTED in draft.tags
    assert TOKEN_TAIL not in draft.body and "resetpassword" not in draft.body
    assert "escrowed until" in draft.body and "rootmail secrets reveal 123456789012" in draft.body
    assert len(sent) == 1
    alert = sent[0]
    assert alert["kind"] == "unexpected_root_mail" and alert["account_id"] == "123456789012"
    assert alert["customer"] == "Acme Corp (acme)" and alert["message_key"] == "k1"
    assert alert["notice_type"] == "credentials.password_reset"
    assert TOKEN_TAIL not in str(alert)
    clock.now += 300
    assert inspect(guard, "k2").severity == "urgent"  # still urgent, no second page
    assert len(sent) == 1
    clock.now += 301  # Redis expires the claim in real seconds: release it as the clock would
    guard.alarms.release("123456789012", "unexpected_root_mail", "credentials.password_reset")
    inspect(guard, "k3")
    assert len(sent) == 2


def test_open_window_means_no_alarm(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    guard.windows.declare("123456789012", start=clock.now, end=clock.now + 600, reason="MFA swap",
                          declared_by={}, now=clock.now)
    draft = inspect(guard)
    assert sent == [] and draft.severity != "urgent" and TAG_EXPECTED in draft.tags
    secret = guard.escrow.newest("123456789012", clock.now) if guard.escrow else None
    assert secret is not None and secret.value.endswith(TOKEN_TAIL)
    assert secret.expires_at == clock.now + 1800  # "This link expires in 30 minutes."


def test_spoof_is_reported_as_phishing_and_nothing_escrowed(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    draft = inspect(guard, auth=SPOOF)
    assert TAG_PHISHING in draft.tags and draft.severity != "urgent"
    assert [a["kind"] for a in sent] == ["phishing"] and sent[0]["severity"] == "warning"
    assert guard.escrow is not None and guard.escrow.newest("123456789012", clock.now) is None


def test_window_after_the_fact_resolves_the_alarm_once(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    inspect(guard, "k1")
    resolved = guard.resolve("k1")
    assert resolved is not None and resolved.action == "resolve"
    assert sent[-1]["dedup_key"] == sent[0]["dedup_key"] and sent[-1]["action"] == "resolve"
    assert guard.resolve("k1") is None and len(sent) == 2
    assert guard.resolve("never-alarmed") is None


def test_broker_down_keeps_the_alarm_for_the_next_attempt(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()

    def down(alert: dict[str, str]) -> None:
        raise ConnectionError("broker down")

    assert inspect(make_guard(client, tmp_path, clock, sent, enqueue=down)).severity == "urgent"
    inspect(make_guard(client, tmp_path, clock, sent), "k2")  # the retry of the task pages
    assert len(sent) == 1


def test_escrow_expires_and_is_purged(tmp_path: Path) -> None:
    escrow, now = LocalEscrow(tmp_path), 1_800_000_000.0
    escrow.put(EscrowedSecret("123456789012", "old", "code", "111111", now - 10, now + 60))
    escrow.put(EscrowedSecret("123456789012", "new", "code", "222222", now, now + 900))
    assert stat.S_IMODE(os.stat(tmp_path / KEY_FILE).st_mode) == 0o600
    assert b"222222" not in b"".join(p.read_bytes() for p in (tmp_path / "escrow").rglob("*.fernet"))
    assert escrow.newest("123456789012", now).value == "222222"  # type: ignore[union-attr]
    assert escrow.purge(now + 61) == 1
    assert escrow.newest("123456789012", now + 901) is None
    assert escrow.purge(now + 901) == 1 and not list((tmp_path / "escrow").rglob("*.fernet"))
    with pytest.raises(ValueError):
        escrow.newest("../etc", now)


def test_silence_alarm_once_then_resolved_by_aws_mail(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    assert not guard.check_silence()  # starts the clock
    clock.now += 47 * 3600
    assert not guard.check_silence()
    clock.now += 2 * 3600
    assert guard.check_silence() and not guard.check_silence()
    assert [a["kind"] for a in sent] == ["silence"]
    billing = RESET.replace(b"password-reset-no-reply@verify.signin.aws", b"invoicing@aws.com")
    message = stored("b1", billing)
    parsed = parse_mail(billing)
    notice = Notice(notice_type="billing.statement", category="billing")
    draft = pipeline.build_draft(message, parsed, RECIPIENT, notice, PASS)
    assert guard.inspect(message, parsed, RECIPIENT, notice, PASS, draft) == draft
    assert sent[-1]["kind"] == "silence" and sent[-1]["action"] == "resolve"
    guard.silence_hours = 0
    clock.now += 100 * 3600
    assert not guard.check_silence()


def test_pipeline_hook_files_an_urgent_ticket_without_the_link(client: redis.Redis, tmp_path: Path) -> None:
    clock, sent = Clock(), list[dict[str, str]]()
    guard = make_guard(client, tmp_path, clock, sent)
    store = LocalStore(tmp_path / "messages")
    key = store.put(Envelope("bounce@amazonses.com", (RECIPIENT.address,)), RESET)
    helpdesk = LocalHelpdesk(tmp_path / "helpdesk.sqlite3")

    def passing(parsed: ParsedMail, raw: bytes, envelope: Envelope) -> AuthVerdict:
        return PASS

    deps = pipeline.Dependencies(
        store=store, directory=lambda: DIRECTORY,
        helpdesk=helpdesk, authenticate=passing,
        classify=lambda parsed, raw, envelope, recipient: RESET_NOTICE, guard=guard)
    deliveries = pipeline.process_key(key, deps)
    assert deliveries and len(sent) == 1
    ticket = helpdesk.get_ticket(deliveries[0].ticket_id)
    assert ticket is not None and TAG_UNEXPECTED in ticket["tags"]
    text = str(ticket)
    assert TOKEN_TAIL not in text and "escrowed until" in text
