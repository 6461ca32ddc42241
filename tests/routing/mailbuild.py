"""Test helper: the small mail the type and deadline tests build from a sender, a subject and a body, and its
classification. Owns the one builder those tests share (not collected by pytest: no ``test_`` prefix)."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from routing.types import Notice

CLASSIFIER = NoticeClassifier()

#: the Date of a built mail (relative deadlines resolve against it)
DATE = "Tue, 01 Dec 2026 10:00:00 +0000"


def build(sender: str, subject: str | None, body: str, html: bool = False, date: str = DATE) -> bytes:
    """A one-part mail from "Amazon Web Services <``sender``>" to a root address, dated ``date`` (:data:`DATE`), without
    a Subject header when ``subject`` is None; the body as UTF-8 8bit, ``text/html`` when ``html``."""
    message = EmailMessage(policy=SMTP)
    message["From"] = f"Amazon Web Services <{sender}>"
    message["To"] = "root@tenant.example"
    message["Date"] = date
    if subject is not None:
        message["Subject"] = subject
    message.set_content(body, subtype="html" if html else "plain", charset="utf-8", cte="8bit")
    return message.as_bytes()


def classify(sender: str, subject: str | None, body: str, html: bool = False, date: str = DATE) -> Notice:
    """The notice the classifier makes of :func:`build`'s mail."""
    return CLASSIFIER.classify(parse_mail(build(sender, subject, body, html, date)))
