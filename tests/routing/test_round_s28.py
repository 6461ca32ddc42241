"""Session 28's rounds, in our own words (none of these sentences is in a fixture): a relative day in apposition to
the date it names ("expire tomorrow, Friday, D") leaves the date led by what precedes it."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"


def _sent(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(f"{day}T10:00:00+00:00"))


@pytest.mark.parametrize("phrase", [
    "expire tomorrow, Thursday, March 4, 2027",
    "expire tomorrow, 4 March 2027",
    "will expire tomorrow, 2027-03-04",
])
def test_a_relative_day_in_apposition_to_its_date(phrase: str) -> None:
    body = (f"Your Amazon Quokka reserved capacity blocks below {phrase} at 06:00 UTC. After that, the matching "
            "usage is billed at On-Demand rates.\n\nTo keep the lower rate, buy a new reservation before then.")
    notice = classify(NO_REPLY, "Your Amazon Quokka reserved capacity expires soon", body, date=_sent("2027-03-03"))
    assert notice.deadline == "2027-03-04"
