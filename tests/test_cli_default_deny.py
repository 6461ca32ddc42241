"""``rootmail classify --json`` and ``rootmail message show`` redact root-credential mail by its own
(default-deny) rule in every field they print, run as real processes (``python -m rootmail``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.envelope import Envelope
from ingest.store import LocalStore
from tests.conftest import free_port

CODE = "482913"
CASE = "4829130017"
TOKEN = "Zx9Qq7Lm2Kp4Rt8Vb"
LINK = f"https://signin.aws.amazon.com/resetpassword?token={TOKEN}"
SECRETS = (CODE, CASE, TOKEN, "resetpassword")


def _mail(sender: str) -> bytes:
    """A password-reset mail with the code and the link in the subject, the body, the Message-ID and
    identifiers (an invoice number and a case id that are the code)."""
    return (
        f"From: Amazon Web Services <{sender}>\r\n"
        "To: root+acme@aws.example.org\r\n"
        f"Subject: Password reset {CODE} {LINK}\r\n"
        f"Message-ID: <reset-{CODE}@verify.signin.aws>\r\n"
        "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
        "MIME-Version: 1.0\r\n"
        "Content-Type: text/plain; charset=utf-8\r\n\r\n"
        "Hello,\r\n\r\n"
        f"Use {CODE} to confirm, or open {LINK}\r\n\r\n"
        f"Invoice number: {CODE}\r\n"
        f"Case ID: {CASE}\r\n"
    ).encode()


@pytest.fixture()
def site(tmp_path: Path) -> tuple[dict[str, str], Path]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROOTMAIL_", "SUDO_"))}
    env["ROOTMAIL_DATA_DIR"] = str(tmp_path / "data")
    env["ROOTMAIL_DNS_NAMESERVERS"] = f"127.0.0.1:{free_port()}"  # nothing answers: verdict not pass
    env["ROOTMAIL_DNS_TIMEOUT"] = "0.2"
    return env, tmp_path


def rootmail(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "rootmail", *args], env=env, capture_output=True, text=True,
                          timeout=120)


def test_classify_json_shows_no_code_or_link_in_any_field(site: tuple[dict[str, str], Path]) -> None:
    env, tmp = site
    path = tmp / "reset.eml"
    path.write_bytes(_mail("password-reset-no-reply@verify.signin.aws"))
    result = rootmail(env, "classify", "--json", str(path))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["notice_type"].startswith("credentials.") and record["contains_secret"] is True
    assert record["identifiers"]["invoice_id"] is None and record["identifiers"]["case_id"] is None
    assert "[removed:" in record["message_id"]
    for secret in SECRETS:
        assert secret not in result.stdout, secret
        assert secret not in result.stderr, secret


def test_classify_json_keeps_identifiers_of_ordinary_mail(site: tuple[dict[str, str], Path]) -> None:
    """The same identifiers in mail that is no credential mail stay: the rule is the mail's own."""
    env, tmp = site
    path = tmp / "invoice.eml"
    path.write_bytes(
        b"From: Amazon Web Services Billing <aws-billing@amazon.com>\r\nTo: root+acme@aws.example.org\r\n"
        b"Subject: Your invoice is available\r\nMessage-ID: <inv-1@amazon.com>\r\n"
        b"Date: Mon, 02 Nov 2026 10:00:00 +0000\r\nContent-Type: text/plain\r\n\r\n"
        b"Invoice number: 482913\r\nCase ID: 4829130017\r\n")
    result = rootmail(env, "classify", "--json", str(path))
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["identifiers"]["invoice_id"] == CODE and record["identifiers"]["case_id"] == CASE


def test_message_show_redacts_every_line_by_the_mails_rule(site: tuple[dict[str, str], Path]) -> None:
    env, tmp = site
    store = LocalStore(tmp / "data" / "messages", fsync=False)
    key = store.put(Envelope("bounce@verify.signin.aws", ("root+acme@aws.example.org",)),
                    _mail("password-reset-no-reply@verify.signin.aws"))
    result = rootmail(env, "message", "show", key)
    assert result.returncode == 0, result.stderr
    subject = next(line for line in result.stdout.splitlines() if line.startswith("Subject:"))
    assert "[removed: code-like token]" in subject and "[removed: password reset link]" in subject
    for secret in SECRETS:
        assert secret not in result.stdout, secret
        assert secret not in result.stderr, secret
    assert not (tmp / "data" / "audit.log").exists()
    revealed = rootmail(env, "message", "show", key, "--reveal")
    assert revealed.returncode == 0 and CODE in revealed.stdout  # the original stays reachable, audited


def test_quarantine_show_of_a_mail_with_an_unreadable_from_is_default_deny(
        site: tuple[dict[str, str], Path]) -> None:
    """A From of 600 nested comments: the parser cannot read the mail (it is quarantined), and the fallback
    view's own address read raised RecursionError (a traceback); now its sender is unknown: default-deny."""
    env, tmp = site
    store = LocalStore(tmp / "data" / "messages", fsync=False)
    raw = _mail("invoicing@aws.com").replace(b"From: Amazon Web Services <invoicing@aws.com>",
                                             b"From: " + b"(" * 600, 1)
    key = store.put(Envelope("bounce@example.com", ("root+acme@aws.example.org",)), raw)
    store.quarantine(key, "mail-parser failed: RecursionError")
    result = rootmail(env, "quarantine", "show", key)
    assert result.returncode == 0, result.stderr
    assert "the parser cannot read this mail" in result.stdout
    assert CODE not in result.stdout and TOKEN not in result.stdout
