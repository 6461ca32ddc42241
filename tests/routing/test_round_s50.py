"""Session 50, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round 121
(measured only in session 49, tuned on since): an Italian account named with its service after the noun ("l'account
Amazon SES N") is that account. Round 122: a Support case AWS opened "on behalf of your account", unnumbered, is the
case AWS opened; the reader's own case stays the reader's."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))


def test_an_italian_account_named_with_its_service_after_the_noun_is_that_account() -> None:
    body = ("Salve,\n\nl'account Amazon SES 305518842290 nella regione EU-WEST-3 ha superato la soglia dei rimbalzi "
            "consentita per Quokka Mail.\n\nIl team di Amazon SES")
    notice = classify(NO_REPLY, "Amazon SES: revisione dell'account", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_an_italian_account_of_ses_alone_is_that_account() -> None:
    body = "Salve,\n\ndell'account SES 305518842290 abbiamo sospeso l'invio verso i burrow di Quokka.\n\nAWS"
    assert classify(NO_REPLY, "Amazon SES: invio sospeso", body, date=MAR_3).aws_account_id == "305518842290"


def test_a_number_after_the_account_of_another_word_is_no_account() -> None:
    # the guard: the service named is not one whose account the noun is; the number is an order's
    body = "Salve,\n\nl'account Quokka ordine 305518842290 è stato spedito.\n\nAWS"
    assert classify(NO_REPLY, "Quokka: ordine", body, date=MAR_3).aws_account_id is None


def test_an_unnumbered_case_aws_opened_on_behalf_of_the_account_is_the_case_aws_opened() -> None:
    body = ("Hello,\n\nAWS has opened a support case on behalf of your account about your Amazon Quokka burrow "
            "limit.\n\nPlease reply in the Support Center by March 20, 2027.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("support.case_opened_by_aws", "2027-03-20")


def test_the_readers_own_case_stays_the_readers() -> None:
    # the guard: the reader opened it; AWS confirms
    body = ("Hello,\n\nThank you for contacting AWS Support. We have opened case 178200042290 for you about "
            "Amazon Quokka.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Your AWS Support case has been created", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened"
