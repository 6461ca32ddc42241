"""Deadlines by the role of each date (issue 12, item 3): routing/dateroles.py and the pick of routing/deadline.py.

Our own wordings (not those of any fixture set): a mail names several dates, one of them the deadline."""

from __future__ import annotations

from datetime import date

import pytest

from routing.dateroles import ACT_BY, CAUSE, CONDITIONAL, CREATED, EXTENDED_END, OTHER, PUBLISHED, WINDOW_END, role_of
from routing.deadline import MAX_DATES, _dated, _relative, _sentence, best_deadline, find_deadline

MAIL_DATE = date(2026, 12, 2)


@pytest.mark.parametrize(("text", "notice_type", "want"), [
    # the cause the mail cites opens the sentence: its date is not the reader's deadline
    ("As the upstream project stops publishing fixes for Ruby 3.2 on March 31, 2027, AWS Lambda will end support "
     "for the ruby3.2 runtime on June 30, 2027.", "health.end_of_support", "2027-06-30"),
    ("Da der Hersteller die Wartung von Version 5 am 31.01.2027 einstellt, beendet Amazon MQ den Support für "
     "diese Version am 30.04.2027.", "health.end_of_support", "2027-04-30"),
    ("Comme la communauté arrête la maintenance de la version 14 le 15 mars 2027, Amazon RDS mettra fin au support "
     "de cette version le 31 mai 2027.", "health.end_of_support", "2027-05-31"),
    # how long the paid extended support lasts is not the end of standard support
    ("O suporte padrão do Redis 6 termina em 30 de abril de 2027; o suporte estendido vai até 30 de abril de 2029.",
     "health.end_of_support", "2027-04-30"),
    # what happens only if the reader does not answer, beside the date to act by
    ("2027年1月20日 までに設定ファイルを送付してください。"
     "期限までに送付がない場合、リクエストは 2027年1月27日 に取り消されます。",
     "support.case_correspondence", "2027-01-20"),
    # the date to pay by beats a retry date
    ("결제가 2026년 12월 3일에 다시 시도됩니다. 2026년 12월 20일까지 결제하지 않으면 서비스가 중지될 수 있습니다.",
     "billing.payment_failed", "2026-12-20"),
    # an asked action after a condition is still the act-by date
    ("Der neue Tarif gilt ab dem 01.04.2027. Wenn Sie den alten Tarif behalten möchten, kündigen Sie bis zum "
     "10.03.2027.", "marketplace.subscription", "2027-03-10"),
])
def test_deadline_by_role(text: str, notice_type: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, notice_type) == want


def test_maintenance_wants_the_window_start_not_its_end() -> None:
    text = ("Required maintenance of cluster reports-7 runs from January 21, 2027 through January 23, 2027. "
            "The maintenance window closes on January 23, 2027, after which the patch is applied to every node.")
    found = best_deadline(text, MAIL_DATE, "health.scheduled_maintenance")
    assert found is not None and found.date == "2027-01-21"
    assert "January 21, 2027" in found.source  # deadline_source: the phrase of the chosen date


def test_the_type_is_optional() -> None:
    # existing callers pass no type: the roles of the dates still apply
    assert find_deadline("As the vendor stops fixing version 2 on April 1, 2027, the service ends support for it "
                         "on July 1, 2027.", MAIL_DATE) == "2027-07-01"


def _role(text: str, written: str, previous: str | None = None) -> str:
    lowered = text.lower()
    start = lowered.index(written.lower())
    end = start + len(written)
    previous_end = -1 if previous is None else lowered.index(previous.lower()) + len(previous)
    return role_of(lowered, start, end, *_sentence(lowered, start, end), previous_end)


@pytest.mark.parametrize(("text", "written", "previous", "want"), [
    ("This notice was published on December 1, 2026.", "December 1, 2026", None, PUBLISHED),
    ("Avis publié le 1 décembre 2026.", "1 décembre 2026", None, PUBLISHED),
    ("本通知发布于 2026年12月1日。", "2026年12月1日", None, PUBLISHED),
    ("The key was created on March 3, 2024.", "March 3, 2024", None, CREATED),
    ("Le istanze acquistate il 5 maggio 2024 scadono presto.", "5 maggio 2024", None, CREATED),
    ("Since the vendor ends its support on May 1, 2027, we will retire the engine on August 1, 2027.",
     "May 1, 2027", None, CAUSE),
    ("If you disable renewal, the plan instead ends on June 1, 2027.", "June 1, 2027", None, CONDITIONAL),
    ("El soporte extendido está disponible hasta el 31 de marzo de 2030.", "31 de marzo de 2030", None, EXTENDED_END),
    ("Please rotate the certificate before May 4, 2027.", "May 4, 2027", None, ACT_BY),
    ("2027년 2월 1일까지 정보를 제출해 주십시오.", "2027년 2월 1일", None, ACT_BY),
    ("Window: 2027-01-05 02:00 - 2027-01-05 06:00", "2027-01-05 06:00", "2027-01-05 02:00", WINDOW_END),
    ("The window closes on January 9, 2027.", "January 9, 2027", None, WINDOW_END),
    # how long a reboot can be deferred is no act-by date
    ("ご都合の良い時間に再起動してください (2027-01-26 まで延期可能)。", "2027-01-26", None, OTHER),
    ("The maintenance starts on January 8, 2027.", "January 8, 2027", None, OTHER),
])
def test_role_of(text: str, written: str, previous: str | None, want: str) -> None:
    assert _role(text, written, previous) == want


def test_the_dates_scored_are_bounded() -> None:
    # security: every date of a text is scored (its sentence read, ~180 µs); 16,000 dates took 2-3 s. Only the first
    # MAX_DATES are (the most in any mail of every labelled set is 49): a count of the work, not a time
    lowered = "please renew before 2027-01-01. " * 16_000
    assert len(_dated(lowered, MAIL_DATE, False)) == MAX_DATES
    assert len(_dated(lowered, MAIL_DATE, True)) == MAX_DATES
    relative = "please reply within 5 days. " * 16_000
    assert len(_relative(relative, MAIL_DATE)) == MAX_DATES
    # what is read below the cap is unchanged
    assert find_deadline("Please renew before 2027-01-01. " * 3, MAIL_DATE) == "2027-01-01"
