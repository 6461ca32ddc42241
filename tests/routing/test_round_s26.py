"""Session 26's round, in our own words (none of these sentences is in a fixture): a range of days whose last day alone
names the month and year ("du 4 au 5 février 2027", "4-5 February 2027") opens on its first day, in the six languages
written in Latin letters; a "When:" field dates what the mail announces; neither a numbered stage nor a time is a
range's first day."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import _dated, best_deadline
from tests.routing.mailbuild import classify

SENT = "Mon, 14 Dec 2026 09:00:00 +0000"
DAY = date(2026, 12, 14)
HEALTH = "health@aws.com"
MAINTENANCE = "health.scheduled_maintenance"


def _deadline(text: str, notice_type: str = MAINTENANCE) -> str | None:
    found = best_deadline(text, DAY, notice_type, True)
    return found.date if found else None


@pytest.mark.parametrize("sentence", [
    "The brokers are restarted in the night from Sunday 10 to Monday 11 January 2027.",
    "The brokers are restarted between 10 and 11 January 2027, 23:00-02:00 UTC.",
    "Les courtiers seront redémarrés dans la nuit du dimanche 10 au lundi 11 janvier 2027.",
    "Les courtiers seront redémarrés du 10 au 11 janvier 2027.",
    "Los brokers se reiniciarán del domingo 10 al lunes 11 de enero de 2027.",
    "I broker verranno riavviati dal 10 all'11 gennaio 2027.",
    "I broker verranno riavviati da domenica 10 a lunedì 11 gennaio 2027.",
    "Os brokers serão reiniciados de 10 a 11 de janeiro de 2027.",
    "Os brokers serão reiniciados de domingo, 10, a segunda-feira, 11 de janeiro de 2027.",
    "Die Broker werden vom 10. bis 11. Januar 2027 neu gestartet.",
    "Die Broker werden von Sonntag, 10., bis Montag, 11. Januar 2027 neu gestartet.",
])
def test_a_range_of_days_opens_on_its_first_day(sentence: str) -> None:
    assert _deadline(sentence) == "2027-01-10"


def test_a_range_of_days_across_the_mail() -> None:
    body = ("Hello,\n\nWe will apply a patch to the Amazon MQ brokers of account 552011873364 in eu-west-1. The "
            "brokers are restarted once in the night from Sunday 10 to Monday 11 January 2027, between 23:00 and "
            "02:00 UTC.\n\nNo other action is needed.\n")
    notice = classify(HEALTH, "Amazon MQ planned maintenance", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == (MAINTENANCE, "2027-01-10")


@pytest.mark.parametrize("field", [
    "When: Sunday, January 10, 2027, 23:00 UTC to 02:00 UTC",
    "Quand : dans la nuit du dimanche 10 au lundi 11 janvier 2027, de 23 h à 2 h UTC",
    "Cuándo: del domingo 10 al lunes 11 de enero de 2027, de 23:00 a 02:00 UTC",
    "Quando: de 10 a 11 de janeiro de 2027, das 23h às 2h UTC",
])
def test_a_when_field_dates_the_window(field: str) -> None:
    text = (f"We will upgrade the storage of the file system fs-0a1b2c3d4e5f60718.\n\n{field}\n\n"
            "Start any long jobs after the window.\n")
    assert _deadline(text) == "2027-01-10"


def test_a_numbered_stage_or_a_time_opens_no_range() -> None:
    text = "Stage 2 - Thursday, the 18th of March 2027: new domains can no longer be created."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-18"]
    text = "The window runs from 22:00 - 5 March 2027 at 02:00."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-05"]
    text = "Version 3 to 5 March 2027 is the supported range."  # (no lead: a number, not a day)
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-05"]
    # (a day after the last one is no first day of its month)
    text = "The window runs from 28 to 2 March 2027."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-02"]
