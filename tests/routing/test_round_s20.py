"""Session 20's first round, in our own words (none of these sentences is in a fixture): whose account a mail names
when it names two. A linked account beside its payer in prose; the reader as the payer, in the second person; the
management account in the second person, or as the home of a cost monitor; an account field marked as the
recipient's; a management account that only receives a copy, the words broken across lines."""

from __future__ import annotations

from tests.routing.mailbuild import classify

BILLING = "aws-billing@amazon.com"
COSTS = "no-reply-aws@amazon.com"


def test_a_linked_account_beside_its_payer_in_prose() -> None:
    body = ("We could not collect from payer account 9908-7706-5504 the charges that linked account 3301-4402-5503 "
            "incurred in March 2027. Pay them within 7 days to keep the account active.\n")
    notice = classify(BILLING, "Your AWS account may be suspended", f"Hello,\n\n{body}")
    assert notice.aws_account_id == "330144025503"


def test_the_reader_as_the_payer_keeps_the_payer() -> None:
    body = ("We could not charge your payer account 9908 7706 5504 for the usage of member account 3301 4402 5503. "
            "Update the payment method to keep both accounts active.\n")
    notice = classify(BILLING, "Payment failed", f"Hello,\n\n{body}")
    assert notice.aws_account_id == "990877065504"


def test_the_management_account_in_the_second_person() -> None:
    body = ("Nous avons détecté une anomalie de coûts dans votre compte de gestion 2203 1104 9905.\n"
            "Compte membre : 6607 8808 9909\nService : Amazon Bedrock\n")
    notice = classify(COSTS, "Anomalie de coûts détectée", f"Bonjour,\n\n{body}")
    assert notice.aws_account_id == "220311049905"


def test_the_home_of_a_cost_monitor() -> None:
    body = ("Cost Anomaly Detection found 2 anomalies for monitor team-accounts in management account 220311049905.\n"
            "Member account: 660788089909\nService: AWS Glue\n")
    notice = classify(COSTS, "AWS Cost Anomaly Detection alert", f"Hello,\n\n{body}")
    assert notice.aws_account_id == "220311049905"


def test_an_account_field_marked_as_the_recipient() -> None:
    body = ("Se detectó una anomalía de costos.\nCuenta de administración (destinatario): 220311049905\n"
            "Cuenta miembro: 660788089909\n")
    notice = classify(COSTS, "Anomalía de costos", f"Hola:\n\n{body}")
    assert notice.aws_account_id == "220311049905"


def test_a_management_account_that_only_receives_a_copy() -> None:
    body = ("Your Reserved Instances expire on 30 April 2027.\nAccount: 660788089909\nYour management account "
            "(220311049905) also receives a\ncopy of this notice.\n")
    notice = classify(COSTS, "Your Reserved Instances expire soon", f"Hello,\n\n{body}")
    assert notice.aws_account_id == "660788089909"


def test_the_all_zero_account_of_a_notification_header_names_no_account() -> None:
    from routing.identifiers import extract_identifiers

    text = "Affected account: ********7731\nEvent type code: AWS_APPSTUDIO_PLANNED_LIFECYCLE_EVENT\n"
    zero = (("X-Notifications-Notification-Event-Arn", "arn:aws:notifications::000000000000:managed-notification-"
                                                        "configuration/category/AWS-Health/event/e1"),)
    assert extract_identifiers("", text, zero).aws_account_id is None
    named = (("X-Notifications-Notification-Event-Arn", "arn:aws:notifications::220311049905:managed-notification-"
                                                         "configuration/category/AWS-Health/event/e1"),)
    assert extract_identifiers("", text, named).aws_account_id == "220311049905"
