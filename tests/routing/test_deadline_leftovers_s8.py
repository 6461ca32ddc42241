"""Deadline leftovers of issue 12's last tuning round (item 3), in our own wordings: how routing/deadline.py picks
or reads a date. Each case picked another date (or none) before its fix."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline

SENT = date(2026, 12, 1)


@pytest.mark.parametrize(("text", "want"), [
    ("Please return the signed form before 5:00 PM PST on January 8, 2027. Only bills dated after 2026-10-01 "
     "are accepted.", "2027-01-08"),
    ("Complete the request no later than 17:00 CET on 12 February 2027; statements dated after 2026-11-20 are "
     "attached.", "2027-02-12"),
    ("Reply by 9:30 AM EDT on March 2, 2027. Copies of invoices dated after 2026-09-15 are enough.",
     "2027-03-02"),
])
def test_time_and_zone_between_lead_and_date(text: str, want: str) -> None:
    assert find_deadline(text, SENT) == want
