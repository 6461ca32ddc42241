"""Session 20's fifth round, in our own words (none of these sentences is in a fixture): an instance whose
underlying hardware is said degraded after what it hosts; a French decision to end a named service; a day of the
month written as an English ordinal word."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify


def test_hardware_said_degraded_after_what_it_hosts() -> None:
    body = ("The underlying hardware of your m5d.large instance i-0c11d22e33f44a556, which serves the EMR cluster "
            "j-2AB3CD4EF5GH, is degraded. The instance will be stopped after 2027-05-20 09:00 UTC.\n")
    notice = classify("no-reply-aws@amazon.com", None, f"Dear Amazon EC2 Customer,\n\n{body}")
    assert notice.notice_type == "health.instance_retirement"


def test_a_french_decision_to_end_a_named_service() -> None:
    body = ("Nous avons pris la décision de mettre fin à Amazon Honeycode le 30 septembre 2027. Exportez vos données "
            "avant cette date.\n")
    notice = classify("health@aws.com", "Amazon Honeycode : avis important", f"Bonjour,\n\n{body}")
    assert notice.notice_type == "health.end_of_support"


def test_a_day_written_as_an_ordinal_word() -> None:
    sent = date(2027, 4, 1)
    assert find_deadline("Please pay the balance no later than the twelfth of April, 2027.", sent,
                         "billing.payment_failed") == "2027-04-12"
    assert find_deadline("Reply to this case by April twenty-third, 2027, please.", sent,
                         "support.case_opened_by_aws") == "2027-04-23"
    assert find_deadline("The second of the two reminders went out on March 3, 2027.", sent,
                         "billing.payment_failed") is None
