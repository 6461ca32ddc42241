"""Session 50, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round 121
(measured only in session 49, tuned on since): an Italian account named with its service after the noun ("l'account
Amazon SES N") is that account. Round 122: a Support case AWS opened "on behalf of your account", unnumbered, is the
case AWS opened; the reader's own case stays the reader's. Round 123: an automatic move of resources to an engine
version is a maintenance dated by its start; a service's "certificate update" in a Health subject, or certificates
issued under "a new intermediate authority", is a certificate rotation; an account suspended "since" a date (fr "depuis
le", de "seit dem") keeps the date to pay by, and a German account that "ist seit dem D gesperrt" is suspended."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
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


def test_an_automatic_move_to_an_engine_version_is_a_maintenance_dated_by_its_start() -> None:
    body = ("Hello,\n\nThe automatic move of Amazon Quokka burrow planners to planner engine version 3 begins in 30 "
            "days, on April 2, 2027, in the EU-NORTH-1 Region. Pin a planner to version 2 to keep it where it is."
            "\n\nAmazon Web Services")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-04-02")


def test_an_automatic_migration_to_no_version_is_no_maintenance() -> None:
    # the guard: a move of the reader's burrows to a storage tier names no version
    body = ("Hello,\n\nThe automatic migration of your Amazon Quokka burrows to the cold tier happens on April 2, "
            "2027.\n\nAmazon Web Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type != "health.scheduled_maintenance"


def test_a_services_certificate_update_in_a_health_subject_is_a_certificate_rotation() -> None:
    body = ("Hello,\n\nThe Amazon Quokka burrow endpoints in your account 305518842290 change what they present to "
            "clients on May 20, 2027. Update your clients before then.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[Action Required] Amazon Quokka burrow certificate update", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-05-20")


def test_certificates_issued_under_a_new_intermediate_authority_are_a_certificate_rotation() -> None:
    body = ("Hello,\n\nThe server certificates of the Amazon Quokka endpoints will be replaced by certificates "
            "issued under a new intermediate authority. Update the trust store of your clients no later than May 20, "
            "2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-05-20")


def test_a_french_account_suspended_since_a_date_keeps_the_date_to_pay_by() -> None:
    body = ("Bonjour,\n\nVotre compte AWS 305518842290 est suspendu depuis le 3 mars 2027 : la facture Amazon Quokka "
            "de février reste impayée.\n\nVous avez jusqu'au 2 avril 2027 pour payer ; ensuite le compte sera "
            "fermé.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Votre compte AWS est suspendu", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2027-04-02")


def test_a_german_account_locked_since_a_date_is_suspended_with_the_date_to_pay_by() -> None:
    body = ("Hallo,\n\nIhr AWS-Konto 305518842290 ist seit dem 3. März 2027 gesperrt, da die Quokka-Rechnung offen "
            "ist.\n\nSie haben bis zum 2. April 2027 Zeit, den Betrag zu zahlen.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2027-04-02")


def test_a_german_account_that_will_be_locked_is_a_suspension_warning() -> None:
    # the guard: "gesperrt werden" is to come
    body = ("Hallo,\n\nIhr AWS-Konto 305518842290 ist überfällig und wird am 2. April 2027 gesperrt werden, wenn "
            "die Quokka-Rechnung offen bleibt.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-04-02")
