"""Session 22's fourth round, in our own words (none of these sentences is in a fixture): a negated "reached" in the
condition after a deadline; a fee that changes from a date; a service discontinued (pt, it) or shut down (de) on a
date; "non oltre la giornata di" (it)."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)


def test_a_negated_reached_is_no_fact() -> None:
    text = ("Subject\nTo keep the account open, pay the balance no later than Friday, March 5, 2027. If the payment "
            "has not reached us by then, the account may be suspended.\n")
    assert find_deadline(text, DAY, "billing.suspension_warning") == "2027-03-05"
    # a date a sentence says was reached stays a fact
    text = "Subject\nYour account reached its Free Tier limit on February 3, 2027.\n"
    assert find_deadline(text, DAY, "cost.free_tier_alert") is None


def test_a_fee_that_changes_from_a_date() -> None:
    text = "Subject\nStarting April 1st, 2027, Amazon Q Business moves from a per-index fee to a per-unit fee.\n"
    assert find_deadline(text, DAY, "policy.change_notice") == "2027-04-01"


def test_a_service_discontinued_or_shut_down() -> None:
    bodies = [
        "Olá,\n\nO AWS Snowcone será descontinuado a 30 de junho de 2027. A sua conta AWS 662011873304 ainda tem "
        "dispositivos ativos.\n",
        "Salve,\n\nAWS Snowcone verrà dismesso il 30 giugno 2027. L'account AWS 662011873304 ha ancora dispositivi "
        "attivi.\n",
        "Hallo,\n\nam 30. Juni 2027 schalten wir AWS Snowcone ab. Im AWS-Konto 662011873304 sind noch Geräte aktiv.\n",
    ]
    for body in bodies:
        notice = classify(HEALTH, "AWS Snowcone", body, date=SENT)
        assert notice.deadline == "2027-06-30", body


def test_no_later_than_the_day_of_in_italian() -> None:
    text = "Oggetto\nAggiorni i trust store dei client non oltre la giornata di martedì 16 marzo 2027.\n"
    assert find_deadline(text, DAY, "health.certificate_rotation") == "2027-03-16"


def test_a_first_stage_where_creating_new_resources_stops() -> None:
    text = ("Subject\nWe have decided to end support for Amazon Lookout for Vision. From March 1, 2027 it will no "
            "longer be possible to create new pipelines. On October 31, 2027 we will retire the service; move your "
            "models before that date.\n")
    assert find_deadline(text, DAY, "health.end_of_support") == "2027-10-31"
