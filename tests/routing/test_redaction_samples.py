"""Redaction through the whole draft: default-deny for credential mail (by type and by sender
family), secrets seen in one part scrubbed from every other string of the ticket, no false
redaction of ordinary notices, and nothing of a secret in the local helpdesk's database or the logs."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from structlog.testing import capture_logs

from ingest.envelope import Envelope
from ingest.store import LocalStore, StoredMessage
from routing.classify import NoticeClassifier
from routing.directory import Directory, parse_directory
from routing.parse import parse_mail
from routing.redact import DEFAULT_DENY_KIND, Redactor, default_deny_applies, render
from routing.types import Account, AuthVerdict, Customer, Notice, Recipient, Route
from tests.conftest import SHARED
from ticketing import pipeline
from ticketing.draft import TicketDraft
from ticketing.helpdesk.local import LocalHelpdesk

CLASSIFIER = NoticeClassifier()
ACCOUNT = Account("123456789012", "acme-prod", "acme", "aws-root+acme@roots.example.com")
RECIPIENT = Recipient(ACCOUNT.root_email, ACCOUNT, Customer("acme", "Acme Ltd"))
PASS = AuthVerdict("pass", ("dkim pass d=signin.aws",), True)
SAMPLES = SHARED / "aws-notices" / "samples"
LABELS: list[dict[str, Any]] = json.loads((SAMPLES / "labels.json").read_text()) \
    if (SAMPLES / "labels.json").exists() else []
SKIP_SHARED = pytest.mark.skipif(not LABELS, reason=f"{SAMPLES} is absent: shared samples not here")


def mail(body: str, *, sender: str = "no-reply@signin.aws", subject: str = "Your AWS account",
         extra_headers: str = "") -> bytes:
    return (f"From: Amazon Web Services <{sender}>\r\nTo: {ACCOUNT.root_email}\r\nSubject: {subject}\r\n"
            f"Date: Tue, 01 Sep 2026 07:00:00 +0000\r\nMessage-ID: <t1@email.amazonses.com>\r\n{extra_headers}"
            f"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def draft(raw: bytes, notice: Notice | None = None, route: Route | None = None,
          recipient: Recipient = RECIPIENT) -> TicketDraft:
    parsed = parse_mail(raw)
    stored = StoredMessage("2026/09/01/k1", Envelope("b@amazonses.com", (recipient.address,)), raw)
    return pipeline.build_draft(stored, parsed, recipient, notice or CLASSIFIER.classify(parsed, recipient),
                                PASS, route)


def everything(d: TicketDraft) -> str:
    parts = [d.subject, d.body, d.public_body or "", *d.tags, *(f"{k}={v}" for k, v in d.fields.items())]
    parts += [a.filename + a.data.decode("utf-8", "replace") for a in d.attachments]
    return "\n".join(parts)


# ---------------------------------------------------------------- default-deny


def test_reworded_credential_mail_is_default_deny_by_sender_family() -> None:
    """No code word at all, an unknown notice type: the family alone removes every code-like token."""
    raw = mail("Hello,\n\nUse Q7K2XM or 4 8 2 9 1 3 or 482-913 to continue: signin.aws.amazon.com/x?t=abc.\n"
               "Account 123456789012 and account 210987654321.\n", subject="Sign-in 918273")
    d = draft(raw, Notice())
    text = everything(d)
    for secret in ("Q7K2XM", "4 8 2 9 1 3", "482-913", "t=abc", "918273", "210987654321"):
        assert secret not in text, secret
    assert "Account 123456789012" in d.body  # the recipient's own account id is kept (documented choice)
    assert d.secret and "contains_secret" in d.tags and d.attachments == ()
    assert "Subject:   Sign-in [removed: code-like token]" in d.body
    assert d.subject == "Sign-in [removed: code-like token]"


@pytest.mark.parametrize("sender", ["no-reply@signin.aws", "password-reset-no-reply@verify.signin.aws",
                                    "no-reply@signup.aws", "no-reply@certificates.amazon.com",
                                    "noreply@registrar.amazon.com", "aws-verification@amazon.com"])
def test_credential_and_verification_families_are_default_deny(sender: str) -> None:
    parsed = parse_mail(mail("x", sender=sender))
    assert default_deny_applies(parsed, Notice())


def test_default_deny_by_type_for_any_sender_and_by_sender_header() -> None:
    parsed = parse_mail(mail("x", sender="no-reply-aws@amazon.com"))
    assert not default_deny_applies(parsed, Notice("billing.statement", "billing"))
    assert default_deny_applies(parsed, Notice("verification.ses_identity", "verification", secret=True))
    assert default_deny_applies(parsed, Notice("credentials.mfa_deactivated", "credentials"))
    with_sender = parse_mail(mail("x", sender="no-reply-aws@amazon.com",
                                  extra_headers="Sender: <no-reply@signin.aws>\r\n"))
    assert default_deny_applies(with_sender, Notice())


def test_default_deny_keeps_the_mail_readable() -> None:
    rendering = render(parse_mail(mail(
        "Visit https://console.aws.amazon.com/iam/home#/security_credentials or https://aws.amazon.com/privacy/\n"
        "Code 482913 expires in 10 minutes. Region us-east-1.")), Notice(), PASS)
    assert "https://console.aws.amazon.com/iam/home#/security_credentials" in rendering.internal_text
    assert "https://aws.amazon.com/privacy/" in rendering.internal_text
    assert "10 minutes" in rendering.internal_text and "us-east-1" in rendering.internal_text
    assert "482913" not in rendering.internal_text


def test_default_deny_mail_without_a_visible_secret_still_drops_the_original() -> None:
    d = draft(mail("Your MFA device was deactivated."), Notice())
    assert d.secret and d.attachments == ()
    assert DEFAULT_DENY_KIND in render(parse_mail(mail("x")), Notice(), PASS).secret_kinds


# ---------------------------------------------------------------- other mail, every part


def test_code_in_the_subject_is_gone_from_subject_header_block_and_body() -> None:
    raw = mail("Enter 482913 on the page to continue.", sender="no-reply-aws@amazon.com",
               subject="Your AWS verification code: 482913")
    d = draft(raw, Notice("security.suspicious_activity", "security", customer_visible=True))
    assert "482913" not in everything(d)
    assert d.subject == "Your AWS verification code: [removed: one-time code]"
    assert d.attachments == ()  # a secret anywhere: the original is not attached


def test_suspicious_activity_code_never_reaches_the_customer() -> None:
    raw = mail("We detected suspicious activity on your account.\nTo continue, enter the code Q7K2XM.\n",
               sender="aws-security@amazon.com", subject="Suspicious activity in your AWS account")
    d = draft(raw, Notice("security.suspicious_activity", "security", "high", customer_visible=True))
    assert d.public_body is not None and "Q7K2XM" not in d.public_body
    assert "Q7K2XM" not in everything(d)


def test_secret_identifiers_and_route_captures_never_reach_fields_or_tags() -> None:
    raw = mail("Your verification code is 5244329601. Case ID: 5244329601", sender="no-reply-aws@amazon.com")
    notice = Notice("support.case_correspondence", "support", identifiers={"case_id": "5244329601"})
    route = Route(fields=(("subject_code", "code 5244329601"),), tags=("case_5244329601", "team_a"))
    d = draft(raw, notice, route)
    assert "5244329601" not in everything(d)
    assert "team_a" in d.tags and "case_id" not in d.fields


def test_attachment_name_and_text_and_calendar_part() -> None:
    raw = (f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {ACCOUNT.root_email}\r\n"
           "Subject: Meeting\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
           "--b\r\nContent-Type: text/plain\r\n\r\nSee the attachments.\r\n"
           "--b\r\nContent-Type: text/calendar; method=REQUEST\r\n\r\nBEGIN:VCALENDAR\r\nDESCRIPTION:Your verif\r\n"
           " ication code is 731 902\r\nEND:VCALENDAR\r\n"
           "--b\r\nContent-Type: text/plain\r\nContent-Disposition: attachment; filename=\"code 662211.txt\"\r\n\r\n"
           "Ihr Bestätigungscode lautet: 662211\r\n--b--\r\n").encode()
    d = draft(raw, Notice("unknown"))
    text = everything(d)
    assert "731 902" not in text and "731902" not in text and "662211" not in text
    assert d.attachments == ()


# ---------------------------------------------------------------- the shared samples


@SKIP_SHARED
@pytest.mark.parametrize("label", LABELS, ids=[str(x["file"]) for x in LABELS])
def test_sample_secrets_gone_from_the_whole_draft(label: dict[str, Any], shared_directory: Directory) -> None:
    raw = (SAMPLES / label["file"]).read_bytes()
    recipient = shared_directory.resolve(label["recipient"])
    d = draft(raw, recipient=recipient)
    text = everything(d)
    for secret in label["secrets"]:
        assert secret not in text
        tokens = [t for t in re.split(r"[=/&?]", secret)
                  if len(t) >= 16 and re.search(r"\d", t) and re.search(r"[A-Za-z]", t) and not re.search(r"[@:.]", t)]
        assert [t for t in tokens if t in text] == []
    if label["secrets"]:
        assert d.attachments == ()


@SKIP_SHARED
@pytest.mark.parametrize("label", [x for x in LABELS if not str(x["category"]).startswith(("credentials",
                                                                                            "verification"))],
                         ids=lambda x: str(x["file"]))
def test_no_false_redaction_in_ordinary_notices(label: dict[str, Any], shared_directory: Directory) -> None:
    """Amounts, dates, account/invoice/case/instance ids of ordinary notices survive redaction."""
    raw = (SAMPLES / label["file"]).read_bytes()
    parsed = parse_mail(raw)
    recipient = shared_directory.resolve(label["recipient"])
    notice = CLASSIFIER.classify(parsed, recipient)
    rendering = render(parsed, notice, PASS, raw=raw, keep=(recipient.account.account_id,) if recipient.account else ())
    assert not rendering.default_deny
    kept = re.findall(r"[$€£]\s?[\d,]+\.\d\d|\b\d{12}\b|\b\d{4}-\d{2}-\d{2}\b|\b(?:i|vol|sg)-[0-9a-f]{8,17}\b"
                      r"|\b\d{10,16}\b|\b[A-Z]{2,8}\d{2}-\d{6}\b", parsed.text)
    ids = label["identifiers"]
    kept += [str(v) for key in ("case_id", "invoice_id", "abuse_report_id") if (v := ids.get(key))]
    kept += [str(v) for v in ids.get("instance_ids") or ()]
    for value in kept:
        if value in parsed.text:
            assert value in rendering.internal_text, value
    d = draft(raw, notice, recipient=recipient)
    for key in ("case_id", "invoice_id", "abuse_report_id"):
        if ids.get(key):
            assert d.fields.get(key) == ids[key], key


@pytest.fixture(scope="module")
def shared_directory() -> Directory:
    path = SHARED / "aws-notices" / "directory.yaml"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return parse_directory(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- helpdesk database and logs


def test_no_secret_in_the_helpdesk_database_or_the_logs(tmp_path: Path) -> None:
    """Through process_stored into the local helpdesk (SQLite file and its WAL), with logs captured."""
    directory = parse_directory(
        "customers:\n  - id: acme\n    name: Acme Ltd\naccounts:\n"
        f"  - account_id: \"{ACCOUNT.account_id}\"\n    name: acme-prod\n    customer: acme\n"
        f"    root_email: {ACCOUNT.root_email}\n")
    deps = pipeline.Dependencies(store=LocalStore(tmp_path / "messages"), directory=lambda: directory,
                                 helpdesk=LocalHelpdesk(tmp_path / "helpdesk.sqlite3"),
                                 classify=lambda parsed, raw, env, rcpt: CLASSIFIER.classify(parsed, rcpt))
    secrets = ["Q7K2XM", "918273", "JHmSZeiqNkfhW8vZO5nadfDL", "731902"]
    raws = [
        mail("482 9 is not it; your code is Q7K2XM.", sender="no-reply@signin.aws", subject="Code 918273"),
        mail("Reset: https://signin.aws.amazon.com/resetpassword\n?token=JHmSZeiqNkfhW8vZO5nadfDL\n",
             sender="password-reset-no-reply@verify.signin.aws"),
        mail("731902 is your AWS sign-in code.", sender="no-reply-aws@amazon.com"),
    ]
    with capture_logs() as logs:
        for raw in raws:
            key = deps.store.put(Envelope("b@amazonses.com", (ACCOUNT.root_email,)), raw)
            assert pipeline.process_key(key, deps)
    stored = b"".join(p.read_bytes() for p in tmp_path.glob("helpdesk.sqlite3*"))
    assert len(deps.helpdesk.list_tickets()) == 3  # type: ignore[attr-defined]
    for secret in secrets:
        assert secret.encode() not in stored, secret
        assert secret not in repr(logs), secret


def test_redactor_repr_never_shows_the_values() -> None:
    assert "482913" not in repr(Redactor(values=("482913",)))
    assert Redactor(values=("482913",)).scrub("a 482 913 b") == "a [removed: secret] b"
