"""`rootmail classify`, `rootmail message show [--reveal]`, and the pipeline wiring of issue 3."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.envelope import Envelope
from ingest.store import LocalStore, StoredMessage
from rootmail.cli import main
from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from routing.types import Account, AuthVerdict, Customer, Recipient, Route
from tests.conftest import FIXTURES, free_port
from ticketing.draft import TicketDraft
from ticketing.pipeline import build_draft

NOTICES = FIXTURES / "notices"
RESET_SECRET = (NOTICES / "password-reset-qp-softwrap.secret").read_text().strip()


@pytest.fixture()
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> Path:
    monkeypatch.setenv("ROOTMAIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ROOTMAIL_DNS_NAMESERVERS", f"127.0.0.1:{free_port()}")  # nothing answers
    monkeypatch.setenv("ROOTMAIL_DNS_TIMEOUT", "0.2")
    return tmp_path


def test_classify_json_lines_errors_named_exit_1(env: Path) -> None:
    empty = env / "empty.eml"
    empty.write_bytes(b"")
    mbox = env / "two.mbox"
    mbox.write_bytes(b"".join(b"From MAILER-DAEMON Thu Jan  1 00:00:00 2026\n"
                              + (NOTICES / name).read_bytes() + b"\n"
                              for name in ("invoice-new-sender.eml", "case-correspondence-10digit.eml")))
    result = CliRunner().invoke(main, ["classify", "--json", str(NOTICES / "password-reset-qp-softwrap.eml"),
                                       str(env / "missing.eml"), str(empty), str(mbox)])
    assert result.exit_code == 1
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [x.get("error", "")[:10] for x in lines][1:3] == ["no such fi", "file is em"]
    assert lines[1]["file"].endswith("missing.eml")
    first = lines[0]
    assert set(first) >= {"file", "message_id", "notice_type", "category", "severity", "action_required",
                          "deadline", "aws_account_id", "identifiers", "authenticity", "contains_secret",
                          "customer_visible_text"}
    assert first["notice_type"] == "credentials.password_reset"
    assert first["contains_secret"] is True and first["customer_visible_text"] is None
    assert RESET_SECRET not in result.output
    assert [x["notice_type"] for x in lines[3:]] == ["billing.invoice", "support.case_correspondence"]
    assert lines[3]["file"].endswith("two.mbox#1")


def test_classify_maildir_and_summary(env: Path) -> None:
    maildir = env / "Maildir"
    for sub in ("cur", "new", "tmp"):
        (maildir / sub).mkdir(parents=True)
    shutil.copy(NOTICES / "health-html-base64.eml", maildir / "new" / "1.host")
    result = CliRunner().invoke(main, ["classify", str(maildir)])
    assert result.exit_code == 0, result.output
    assert "health.operational_issue" in result.output


def test_message_show_is_redacted_and_reveal_is_audited(env: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = LocalStore(env / "data" / "messages", fsync=False)
    raw = (NOTICES / "password-reset-qp-softwrap.eml").read_bytes()
    key = store.put(Envelope("bounce@amazonses.com", ("root+acme-prod@aws.example.org",)), raw)
    shown = CliRunner().invoke(main, ["message", "show", key])
    assert shown.exit_code == 0, shown.output
    assert RESET_SECRET not in shown.output and "[removed: password reset link]" in shown.output
    assert not (env / "data" / "audit.log").exists()
    monkeypatch.setenv("SUDO_USER", "alice")
    revealed = CliRunner().invoke(main, ["message", "show", key, "--reveal"])
    assert revealed.exit_code == 0
    assert revealed.stdout_bytes == raw
    entry = json.loads((env / "data" / "audit.log").read_text().splitlines()[-1])
    # who: the real uid and its password-database name; SUDO_USER is only a claim (tests/test_audit.py)
    assert (entry["uid"], entry["sudo_user_claimed"], entry["key"], entry["event"]) == (
        os.getuid(), "alice", key, "message_revealed")
    assert entry["when"].startswith("20")
    missing = CliRunner().invoke(main, ["message", "show", "20260101T000000-0000000000", "--reveal"])
    assert missing.exit_code == 2


# ---------------------------------------------------------------- pipeline wiring

ACME = Customer("acme", "Acme Corp")
RECIPIENT = Recipient("root+acme-prod@aws.example.org",
                      Account("012345678901", "acme-prod", "acme", "root+acme-prod@aws.example.org"), ACME)


def _draft(name: str, auth: AuthVerdict, route: Route | None = None) -> TicketDraft:
    raw = (NOTICES / name).read_bytes()
    parsed = parse_mail(raw)
    notice = NoticeClassifier().classify(parsed, RECIPIENT)
    stored = StoredMessage("20260101T000000-abc", Envelope("b@amazonses.com", (RECIPIENT.address,)), raw)
    return build_draft(stored, parsed, RECIPIENT, notice, auth, route or Route(visibility="customer"))


def test_ticket_carries_type_severity_deadline_auth_identifiers() -> None:
    draft = _draft("case-correspondence-10digit.eml", AuthVerdict("pass", ("dkim=pass d=amazon.com",), True))
    assert draft.fields["notice_type"] == "support.case_correspondence"
    assert draft.fields["case_id"] == "5244329601" and draft.fields["authenticity"] == "pass"
    assert "case_id_5244329601" in draft.tags and "auth_pass" in draft.tags
    assert "Sender:    authenticity pass" in draft.body and "Ids:       case_id=5244329601" in draft.body
    assert draft.public and draft.public_body


def test_suspected_spoof_is_internal_security_triage() -> None:
    draft = _draft("invoice-new-sender.eml", AuthVerdict("fail", ("no DKIM signature",), True))
    assert draft.visibility == "internal" and draft.public_body is None and not draft.public
    assert draft.queue == "security-triage" and "suspected_spoof" in draft.tags
    assert "SUSPECTED SPOOF" in draft.body


def test_secret_bearing_ticket_has_no_customer_text_and_no_raw_attachment() -> None:
    draft = _draft("password-reset-qp-softwrap.eml", AuthVerdict("pass", (), True))
    assert draft.public_body is None and draft.visibility == "internal"
    assert RESET_SECRET not in draft.body and draft.attachments == ()
    assert "contains_secret" in draft.tags


def test_deadline_field_and_masked_key_for_customer() -> None:
    draft = _draft("exposed-key-mask-for-customer.eml", AuthVerdict("pass", (), True))
    assert draft.public_body is not None and "AKIAZZZZEXAMPLEKK3Y9" not in draft.public_body
    assert "AKIAZZZZEXAMPLEKK3Y9" in draft.body
    legacy = _draft("health-legacy-plaintext.eml", AuthVerdict("pass", (), True))
    assert legacy.fields["deadline"] == "2024-06-12" and "has_deadline" in legacy.tags


def test_routing_stages_from_settings(env: Path) -> None:
    from rootmail.settings import Settings
    from rootmail.wiring import routing_stages
    from ticketing.errors import TransientError

    stages = routing_stages(Settings())
    raw = (NOTICES / "invoice-new-sender.eml").read_bytes()
    parsed = parse_mail(raw)
    notice = stages["classify"](parsed, raw, Envelope("", ()), RECIPIENT)
    assert notice.notice_type == "billing.invoice"
    with pytest.raises(TransientError):  # signed by nobody, DNS unreachable: retry, do not flag
        stages["authenticate"](parsed, raw, Envelope("x@aws.com", (), peer="54.240.8.1"))
