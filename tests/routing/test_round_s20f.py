"""Session 20's sixth round, in our own words (none of these sentences is in a fixture): a hard wrap before a line
that holds a time ("at 23:59 UTC") reads whole; a German password change whose sentence names the e-mail address in
another clause is no e-mail change."""

from __future__ import annotations

from tests.routing.mailbuild import classify


def test_a_hard_wrap_before_a_line_with_a_time() -> None:
    body = ("Your account holds a TLS server certificate for api.example.net, uploaded to IAM last year, that\n"
            "expires on May 2, 2027 at 23:59 UTC and cannot be renewed for you. Upload its replacement before then.\n")
    notice = classify("no-reply-aws@amazon.com", "Certificate notice", f"Hello,\n\n{body}")
    assert notice.notice_type == "health.certificate_rotation"


def test_a_german_password_change_is_no_email_change() -> None:
    body = ("das Passwort des Root-Benutzers des AWS-Kontos, das zu dieser E-Mail-Adresse gehört, wurde heute um "
            "08:15 UTC geändert.\nWaren Sie das nicht, setzen Sie es sofort zurück.\n")
    notice = classify("no-reply@signin.aws", "Ihr AWS-Passwort wurde geändert", f"Hallo,\n\n{body}")
    assert notice.notice_type != "credentials.email_change_code"
