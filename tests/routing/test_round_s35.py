"""Session 35's round (59), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: a maintenance whose mail says "No action is required" is not one that says "action is required", while an
act offered to avoid the window or its delays, or sessions the window ends, still make it one the reader can act on;
what AWS "told you" on an earlier date is what was said then; a case AWS opened "for you" after the reader contacted
Support is the reader's own case; a window the reader may change by a date the mail gives (it, es, en); the date a
Chinese invitation was sent ("于 D 邀请"); the account named by its last four digits and written in full far from its
noun."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
FEB_9 = format_datetime(datetime.fromisoformat("2027-02-09T08:30:00+00:00"))
JAN_5_CST = format_datetime(datetime.fromisoformat("2027-01-06T03:02:00+08:00"))

_WINDOW = ("Amazon Quokka will apply routine maintenance to cluster qk-7f2a in account 604411738205 on Tuesday, "
           "2 March 2027 at 02:00 UTC. Readers connected to the primary node fail over to its replica and reconnect "
           "on their own.\n\n")


@pytest.mark.parametrize("said", ["No action is required from you.", "No further action is required on your part."])
def test_a_maintenance_that_says_no_action_is_required_has_no_deadline(said: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka routine maintenance [AWS Account: 604411738205]", _WINDOW + said + "\n",
                      date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


# (guards: an act is asked, or offered to avoid the window or its delays, or the window ends the reader's sessions)
@pytest.mark.parametrize("said", [
    "Action is required: restart your readers before the window.",
    "No action is required. To avoid the window, you can fail over the cluster yourself before it starts.",
    "No action is required; to avoid delays, run large imports outside the window.",
    "Open reader sessions will be ended when the window starts. No action is required.",
])
def test_a_maintenance_the_reader_can_still_act_on_keeps_its_date(said: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka routine maintenance [AWS Account: 604411738205]", _WINDOW + said + "\n",
                      date=FEB_9)
    assert notice.deadline == "2027-03-02"


@pytest.mark.parametrize("now", [
    "The retirement has moved by one week.\n\nAfter Mar 18th, 2027 the node will be stopped and will not start on this "
    "host again.",
    "The node will now be retired after Mar 18th, 2027.",
])
def test_what_aws_told_you_on_an_earlier_date_is_what_was_said_then(now: str) -> None:
    notice = classify(NO_REPLY, "[Updated] [Retirement Notification] Amazon Quokka node retirement date changed "
                      "[AWS Account: 604411738205]",
                      "On January 28, 2027 we told you that a node would be retired on Mar 11th, 2027.\n" + now + "\n",
                      date=FEB_9)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-03-18"


def test_a_case_opened_for_the_reader_who_contacted_support_is_the_readers_case() -> None:
    notice = classify(NO_REPLY, None,
                      "Thank you for contacting AWS Support.\n\nWe have opened case 18830291734 for you:\n\n"
                      "  Subject:  Amazon Quokka quota increase\n  Severity: Low\n", date=FEB_9)
    assert notice.notice_type == "support.case_opened"


def test_a_case_aws_opened_on_its_own_stays_one() -> None:
    notice = classify(NO_REPLY, None,
                      "We have opened case 18830291734 for you regarding unusual Amazon Quokka traffic from your "
                      "account 604411738205. Please reply in the case.\n", date=FEB_9)
    assert notice.notice_type == "support.case_opened_by_aws"


@pytest.mark.parametrize("sentence", [
    "Se la finestra non ti è comoda, puoi cambiarla nella console entro il 2 marzo 2027.",
    "Si la ventana no le conviene, puede cambiar la ventana en la consola antes del 2 de marzo de 2027.",
    "If the window does not suit you, you can change the maintenance window in the console by March 2, 2027.",
])
def test_a_window_the_reader_may_change_by_a_date(sentence: str) -> None:
    notice = classify(NO_REPLY, "[Scheduled maintenance] Amazon Quokka [AWS Account: 604411738205]",
                      "The Quokka server software of cluster qk-7f2a will be updated in the weekly window after "
                      "2 March 2027.\n\n" + sentence + "\n", date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-02"


def test_the_date_a_chinese_invitation_was_sent_is_no_deadline() -> None:
    notice = classify(NO_REPLY, "AWS Organizations 邀请：加入组织 o-q7k2m9x4z1",
                      "管理账户 471902385516 于 2027年1月6日 邀请您的 AWS 账户 604411738205 加入组织 o-q7k2m9x4z1。\n\n"
                      "此邀请将于 2027年1月20日 过期。\n", date=JAN_5_CST)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-01-20"


def test_an_account_by_its_last_digits_written_in_full_far_from_its_noun() -> None:
    notice = classify(NO_REPLY, "[Action Required] Your AWS access key is exposed for AWS Account ...8205",
                      "We found an access key of your AWS account (ending in 8205) in a public repository.\n\n"
                      "Your full account number, for reference in the support center: 604411738205.\n", date=FEB_9)
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.aws_account_id == "604411738205"


def test_no_account_by_its_last_digits_when_two_numbers_end_so() -> None:
    notice = classify(NO_REPLY, "[Action Required] Your AWS access key is exposed for AWS Account ...8205",
                      "We found an access key of your AWS account (ending in 8205) in a public repository.\n\n"
                      "Reference numbers, for the support center: 604411738205 and 911122238205.\n", date=FEB_9)
    assert notice.aws_account_id is None
