"""A notice sent only as an HTML attachment (issue 12, item 1: classification from all the evidence).

AWS Health mail is sometimes forwarded or relayed with its notice as an ``.html`` attachment and a body that only
points at it. The parser reads that attachment as the mail's HTML part when the mail has none
(:func:`routing.parse.attached_html`), so the type, the account and the deadline are found and redaction covers it;
an HTML body part, an attached message's HTML, and a broken attachment keep the old reading."""

from __future__ import annotations

import email
from email.message import EmailMessage
from email.policy import SMTP

import pytest

from routing.classify import NoticeClassifier
from routing.parse import attached_html, parse_mail
from routing.redact import render
from routing.types import AuthVerdict, Notice

CLASSIFIER = NoticeClassifier()
NOTICE = ("<html><body><h3>Amazon Neptune: end of support for engine version 1.1</h3>"
          "<p>Your AWS account 5120 7731 4096 runs Neptune clusters on engine 1.1.</p>"
          "<p>Standard support for this engine ends on March 31, 2027. Please upgrade your clusters before "
          "March 31, 2027; clusters still on 1.1 after that date are upgraded during their maintenance window.</p>"
          "<p>Affected clusters: db-neptune-1 (eu-west-1)</p></body></html>")


def _mail(body: str | None, attachment: str | None, *, html_body: str | None = None, charset: str = "utf-8",
          cte: str = "quoted-printable", forwarded: bool = False) -> bytes:
    message = EmailMessage(policy=SMTP)
    message["From"] = "Amazon Web Services <health@aws.com>"
    message["To"] = "aws-root+neptune@reseller.example"
    message["Date"] = "Tue, 01 Dec 2026 10:00:00 +0000"
    message["Subject"] = "AWS Health Event"
    if body is not None:
        message.set_content(body, charset="utf-8", cte="8bit")
        if html_body is not None:
            message.add_alternative(html_body, subtype="html", charset="utf-8", cte="8bit")
    if attachment is not None:
        if forwarded:
            inner = EmailMessage(policy=SMTP)
            inner["Subject"] = "forwarded"
            inner.set_content(attachment, subtype="html", charset="utf-8", cte="8bit")
            message.add_attachment(inner)
        else:
            encoded = attachment.encode("utf-8" if charset.startswith("x-no-") else charset)
            message.add_attachment(encoded, maintype="text", subtype="html",
                                   filename="aws-health-notice.html", cte=cte,
                                   params={"charset": charset})
    return message.as_bytes()


STUB = "Hello,\n\nThe AWS Health notice about your account is attached (aws-health-notice.html).\n"


@pytest.mark.parametrize("cte", ["quoted-printable", "base64", "8bit"])
def test_a_notice_only_in_an_html_attachment_is_read(cte: str) -> None:
    parsed = parse_mail(_mail(STUB, NOTICE, cte=cte))
    assert "Standard support for this engine ends on March 31, 2027" in parsed.html_text
    assert parsed.text.startswith("Hello")  # the body stays the ticket's text
    notice = CLASSIFIER.classify(parsed)
    assert (notice.notice_type, notice.aws_account_id, notice.deadline) == \
        ("health.end_of_support", "512077314096", "2027-03-31")


def test_a_mail_that_is_only_the_attachment_shows_it_as_its_text() -> None:
    parsed = parse_mail(_mail(None, NOTICE))
    assert "engine version 1.1" in parsed.text
    assert CLASSIFIER.classify(parsed).notice_type == "health.end_of_support"


def test_an_html_body_part_wins_over_an_html_attachment() -> None:
    parsed = parse_mail(_mail(STUB, "<p>an unrelated attached report</p>", html_body="<p>the body's own HTML</p>"))
    assert "the body's own HTML" in parsed.html_text and "unrelated" not in parsed.html_text


def test_the_html_of_an_attached_message_is_not_an_html_attachment_of_the_mail() -> None:
    assert attached_html(email.message_from_bytes(_mail(STUB, NOTICE, forwarded=True))) == ""


def test_an_unknown_charset_is_read_as_utf8_and_the_attachment_is_cut_at_its_limit() -> None:
    parsed = parse_mail(_mail(STUB, NOTICE, charset="x-no-such-charset", cte="base64"))
    assert "engine version 1.1" in parsed.html_text
    message = email.message_from_bytes(_mail(STUB, "<p>" + "x" * 5000 + "</p>"))
    assert len(attached_html(message, limit=1000)) == 1000


def test_a_secret_in_the_attached_html_is_redacted() -> None:
    link = "https://signin.aws.amazon.com/resetpassword?token=Q2hhbmdlTWVQbGVhc2UxMjM0NTY3ODkwYWJjZGVm"
    parsed = parse_mail(_mail(None, f"<p>Reset your root password: <a href='{link}'>{link}</a></p>"))
    assert link in parsed.text
    rendering = render(parsed, Notice(), AuthVerdict(verdict="pass"))
    assert link not in rendering.internal_text and "token=" not in rendering.internal_text
