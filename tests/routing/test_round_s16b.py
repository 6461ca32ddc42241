"""Session 16's second round, after the first runs of unseen59-62, in our own words (none of these sentences is in a
fixture): a resource request a service needs more information to process; a case "has been updated" in the subject; a
weakness of the reader's resources AWS found (public buckets, a resource a third party could take over, a security
notification's subject); a new behaviour AWS did not turn on for the reader's account; Italian's elided article
before a date ("termina l'11 marzo")."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"


def test_a_request_the_service_needs_more_information_for_is_its_set_up() -> None:
    body = ("You recently asked for a hosted connection in eu-central-1 through the AWS Direct Connect console. Before "
            "we can process your request, we need to know the location of your router. No port-hour charges apply "
            "until then.")
    assert classify(GENERAL, None, f"Dear AWS Customer,\n\n{body}\n").notice_type == "onboarding.service_setup"


@pytest.mark.parametrize("subject", ["Amazon Web Services Support: Case 177120045511 has been updated",
                                     "AWS Support - Case #177120045511 was resolved"])
def test_a_case_updated_in_the_subject_is_its_correspondence(subject: str) -> None:
    body = "Bonjour,\n\nNous avons besoin d'une copie de votre facture pour poursuivre.\n"
    assert classify(GENERAL, subject, body).notice_type == "support.case_correspondence"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your Amazon S3 buckets are public",
     "Your AWS account 551209387718 owns buckets that grant public read access. We recommend that you review them."),
    (None, "Two of your buckets give read or write access to anyone on the Internet: logs-archive, web-drop."),
    ("Security notification: AWS CloudFormation stack",
     "A role of your account 551209387718 names a bucket that no longer exists. We recommend that you check it."),
    ("Notification de sécurité : rôle IAM",
     "Un rôle de votre compte 551209387718 désigne un compartiment qui n'existe plus."),
    (None, "Your deployment role could be hijacked by a third party who creates the missing bucket."),
])
def test_a_weakness_aws_found_in_the_readers_resources_is_a_security_notice(subject: str | None, body: str) -> None:
    assert classify(GENERAL, subject, f"Hello,\n\n{body}\n").notice_type == "security.other"


@pytest.mark.parametrize("body", [
    "Amazon SQS launched redrive protection on June 2, 2026. Because your queues are part of a loop, we have not "
    "enabled this feature for your account.",
    "Amazon SQS a lancé une protection le 2 juin 2026. Nous n'avons pas activé cette fonctionnalité pour votre compte.",
    "Amazon SQS は 2026年6月2日 に新しい保護を開始しました。お客様のアカウントではこの機能を無効にしています。",
    "Amazon SQS 已于 2026 年 6 月 2 日推出新的保护功能。我们没有在您的账户中启用此功能。",
])
def test_a_behaviour_aws_did_not_turn_on_for_the_account_is_a_policy_change(body: str) -> None:
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "policy.change_notice"


@pytest.mark.parametrize(("text", "expected"), [
    ("Il periodo di revisione del tuo account termina l'11 marzo 2027.", "2027-03-11"),
    ("La promozione scade l'8 aprile 2027.", "2027-04-08"),
])
def test_an_elided_italian_article_leads_its_date(text: str, expected: str) -> None:
    assert find_deadline(text, date(2026, 12, 1)) == expected
