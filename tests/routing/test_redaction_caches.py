"""No secret outlives its mail in the worker's memory: the caches keyed by a mail's links and values (reset links,
codes) are emptied when the mail is rendered and when its ticket draft is built (routing.redact.forget_mail_values)."""

from __future__ import annotations

from routing import redact, secrets
from routing.parse import parse_mail
from routing.types import Notice
from tests.routing.test_redaction_samples import draft, mail

RESET = ("Someone asked to reset the password of your AWS root user. Open this link within 1 hour:\n"
         "https://signin.aws.amazon.com/resetpassword?token=Qx7Kd9PzW2mLr5Tv8NbY3cHs6FjA4uEo&type=ROOT\n"
         "Your verification code is 482913.\n")
CACHES = (redact._values_pattern, redact._value_scan, secrets._clear, secrets._url_facts, secrets._link_values)


def _held() -> int:
    return sum(cache.cache_info().currsize for cache in CACHES)


def test_rendering_a_mail_keeps_none_of_its_values() -> None:
    notice = Notice(notice_type="credentials.password_reset", secret=True)
    rendering = redact.render(parse_mail(mail(RESET, subject="Password reset")), notice, None)
    assert "Qx7Kd9PzW2mLr5Tv8NbY3cHs6FjA4uEo" not in rendering.internal_text
    assert _held() == 0
    assert "482913" not in rendering.redactor("code 482913 again")  # the rule still works: it recomputes
    redact.forget_mail_values()
    assert _held() == 0


def test_building_a_draft_keeps_none_of_its_values() -> None:
    built = draft(mail(RESET, subject="Password reset"))
    assert "Qx7Kd9PzW2mLr5Tv8NbY3cHs6FjA4uEo" not in built.body
    assert _held() == 0
