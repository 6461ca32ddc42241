"""A password named by the word alone ("Your new password is: …", "Kennwort: …") in mail text (routing.secrets
``_PASSWORD_WORD``): AWS never mails one, a forged or forwarded mail may, and no ticket (internal notes included) may
show it. Found by attacker testing in session 41: the English and German words alone were read as no secret, where
"contraseña", "senha" or "パスワード" alone were."""

from __future__ import annotations

import pytest

from routing import secrets
from routing.redact import redact_text

VALUE = "Qu0kka&Lantern7"  # fictitious


@pytest.mark.parametrize("text", [
    f"Your new root password is: {VALUE}",
    f"Password: {VALUE}",
    f"password={VALUE}",
    f"Ihr neues Passwort lautet: {VALUE}",
    f"Kennwort: {VALUE}",
    f"Su nueva contraseña es: {VALUE}",
    f"Temporary password: {VALUE}",
], ids=["en-is", "en-field", "en-equals", "de", "de-kennwort", "es", "temporary"])
def test_a_password_named_so_is_removed(text: str) -> None:
    found = secrets.find_secrets(text)
    assert len(found) == 1 and found[0].kind in ("password", "one-time password")
    assert VALUE not in redact_text(text)


def test_the_word_alone_is_reported_as_a_password_and_a_temporary_one_as_before() -> None:
    assert [s.kind for s in secrets.find_secrets(f"Password: {VALUE}")] == ["password"]
    assert [s.kind for s in secrets.find_secrets(f"Temporary password: {VALUE}")] == ["one-time password"]


@pytest.mark.parametrize("text", [
    "Your password was changed on 2027-03-04.",  # (a date: the value has no digit after "password")
    "Password: must contain at least 14 characters",  # (no digit in the value)
    "We reset your password yesterday.",
    "resetpassword=1234567",  # (the word inside another: no password named)
], ids=["changed", "policy", "prose", "inside-word"])
def test_mail_that_only_talks_about_passwords_keeps_its_words(text: str) -> None:
    assert not [s for s in secrets.find_secrets(text) if s.kind == "password"]


def test_a_reset_link_after_the_word_is_still_removed() -> None:
    text = "Choose a new password: https://signin.aws.amazon.com/resetpassword?token=Zk9tR2hx7VbQ1pLw0cNs"
    assert "Zk9tR2hx7VbQ1pLw0cNs" not in redact_text(text)
