"""Session 35's round (59), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: a maintenance whose mail says "No action is required" is not one that says "action is required", while an
act offered to avoid the window or its delays, or sessions the window ends, still make it one the reader can act on;
what AWS "told you" on an earlier date is what was said then; a case AWS opened "for you" after the reader contacted
Support is the reader's own case; a window the reader may change by a date the mail gives (it, es, en); the date a
Chinese invitation was sent ("于 D 邀请"); the account named by its last four digits and written in full far from its
noun. Round 60: an act AWS "advises" before a date; a certificate AWS replaces and the new one added to a trust store; a
change to how AWS routes its notices; a Traditional Chinese suspension said with "遭"; how soon AWS's people answer is
no deadline; an account that "may have been compromised", its id between; an SES review with its Region between; a
service update's window; a version in its maintenance phase, fixed "until at least" a date; a price change in the
singular (pt, es); an SMS number under review; the account a link names as a parameter; AWS opened "a" case, in
Chinese; one reserved instance that expires (pt, es)."""

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


# (the last: since session 41, a window that ends the reader's sessions and asks nothing has no deadline either, as the
# labels of such mail read it, 306's and 416's WorkSpaces disconnected "for a few minutes": maintenance-no-action)
@pytest.mark.parametrize("said", ["No action is required from you.", "No further action is required on your part.",
                                  "Open reader sessions will be ended when the window starts. No action is required."])
def test_a_maintenance_that_says_no_action_is_required_has_no_deadline(said: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka routine maintenance [AWS Account: 604411738205]", _WINDOW + said + "\n",
                      date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


# (guards: an act is asked, or offered to avoid the window or its delays)
@pytest.mark.parametrize("said", [
    "Action is required: restart your readers before the window.",
    "No action is required. To avoid the window, you can fail over the cluster yourself before it starts.",
    "No action is required; to avoid delays, run large imports outside the window.",
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


# ---------------------------------------------------------------- round 60
_GLUE = ("From February 15, 2027, Quokka stops shipping security fixes for the 3.9 runtime and new jobs can no longer "
         "select it. From March 15, 2027, you can no longer start existing jobs pinned to it.\n\n")


def test_an_act_aws_advises_before_a_date_is_the_deadline() -> None:
    notice = classify(NO_REPLY, "[Action Required] Amazon Quokka 3.9 runtime [AWS Account: 604411738205]",
                      "Amazon Quokka is retiring the 3.9 runtime in two steps.\n\n" + _GLUE
                      + "We advise you to move your jobs to the 3.12 runtime before March 15, 2027.\n", date=FEB_9)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-03-15"


@pytest.mark.parametrize("sentence", [
    "On June 21, 2027, AWS will replace that certificate with one issued by a new intermediate authority.",
    "If your clients pin certificates, add the new intermediate certificate to their trust store by June 20, 2027.",
])
def test_a_certificate_aws_replaces_or_one_to_add_to_a_trust_store(sentence: str) -> None:
    notice = classify(NO_REPLY, None,
                      "Important notice about Amazon Quokka endpoints\n\nAWS account 604411738205 owns Quokka "
                      "endpoints that use the AWS-managed server certificate.\n\n" + sentence + "\n", date=FEB_9)
    assert notice.notice_type == "health.certificate_rotation"


def test_a_change_to_how_aws_routes_its_notices_is_a_policy_change() -> None:
    notice = classify(NO_REPLY, "Update to how AWS routes Quokka notices to your account contacts",
                      "We are writing to tell you about a change to how AWS uses the contact details on your accounts. "
                      "Beginning May 10, 2027, AWS will send Quokka security findings only to the security alternate "
                      "contact, when one is set.\n", date=FEB_9)
    assert notice.notice_type == "policy.change_notice"


def test_a_traditional_chinese_suspension_said_with_zao() -> None:
    notice = classify(NO_REPLY, "您的 AWS 帳戶 604411738205 已遭暫停",
                      "由於 Amazon Quokka 帳單仍未付款，我們已暫停您的帳戶。"
                      "請於 2027年3月20日之前付清未付金額。\n", date=FEB_9)
    assert notice.notice_type == "account.suspended"


@pytest.mark.parametrize("sentence", [
    "Your account manager will reach out within two business days to schedule a call.",
    "Our team will get back to you within 3 business days.",
])
def test_how_soon_aws_answers_is_no_deadline(sentence: str) -> None:
    notice = classify(NO_REPLY, "AWS Support case 179031266804 opened for your account",
                      "We have opened case 179031266804 on behalf of AWS account 604411738205 about your Amazon Quokka "
                      "plan.\n\n" + sentence + "\n", date=FEB_9)
    assert notice.notice_type == "support.case_opened_by_aws"
    assert notice.deadline is None


# (guard: the reader asked to answer within a period keeps it)
def test_a_reply_asked_within_a_period_keeps_its_deadline() -> None:
    notice = classify(NO_REPLY, "AWS Support case 179031266804 opened for your account",
                      "We have opened case 179031266804 on behalf of AWS account 604411738205 about unusual Amazon "
                      "Quokka traffic.\n\nPlease respond within 5 days of this message.\n", date=FEB_9)
    assert notice.deadline == "2027-02-14"


def test_an_account_that_may_have_been_compromised_its_id_between() -> None:
    notice = classify("aws-verification@amazon.com", "Your AWS Account 604411738205 may have been compromised",
                      "We observed Amazon Quokka API calls on your account that do not match its usual pattern.\n",
                      date=FEB_9)
    assert notice.notice_type == "security.suspicious_activity"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES: your sending account in ap-southeast-3 is under review",
     "Because of your complaint rate, we have put your SES sending account in ap-southeast-3 under review.\n"),
    ("Your account", "We have put the Amazon SES account in the Asia Pacific (Jakarta) Region under review as of "
     "2027-02-09.\n"),
])
def test_an_ses_review_its_region_between(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_9)
    assert notice.notice_type == "ses.sending_review"


def test_a_service_updates_window_is_a_maintenance() -> None:
    notice = classify("no-reply@amazonaws.com", "Amazon Quokka service update window started: qk-prod",
                      "The Amazon Quokka service update window qk-sec-2027-02 started at 2027-02-09T05:00Z.\n"
                      "Account: 604411738205\n", date=FEB_9)
    assert notice.notice_type == "health.scheduled_maintenance"


def test_a_version_in_its_maintenance_phase_fixed_until_at_least_a_date() -> None:
    notice = classify(NO_REPLY, "Amazon Quokka V1 maintenance update [AWS Account: 604411738205]",
                      "Amazon Quokka Version 1 entered its maintenance phase on June 30, 2023. We will keep releasing "
                      "critical security fixes for the V1 software until at least December 31, 2027. We suggest that "
                      "you plan the move to Version 2.\n", date=FEB_9)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-12-31"


@pytest.mark.parametrize("subject", ["Alteração de preço do Amazon Quokka a partir de junho de 2027",
                                     "Cambio de precio de Amazon Quokka a partir de junio de 2027"])
def test_a_price_change_in_the_singular(subject: str) -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", subject,
                      "A partir de 1º de junho de 2027, o Amazon Quokka passará a cobrar pelas métricas armazenadas.\n",
                      date=FEB_9)
    assert notice.notice_type == "policy.change_notice"


def test_an_sms_number_under_review_is_an_abuse_notice() -> None:
    notice = classify(NO_REPLY, "Your AWS End User Messaging SMS number is under review",
                      "The opt-out rate for toll-free number +1 833 555 0199 is high enough that we have placed the "
                      "number under review (AWS Account 604411738205).\n", date=FEB_9)
    assert notice.notice_type == "abuse.other"


def test_the_account_a_link_names_as_a_parameter() -> None:
    notice = classify("noreply@registrar.amazon.com", None,
                      "You have chosen to register the domain quokka.example.com with Amazon Route 53.\n\nTo confirm "
                      "this address, click https://registrar.amazon.com/email-verification?token=Qk7x&account="
                      "604411738205\n", date=FEB_9)
    assert notice.aws_account_id == "604411738205"


# (guard: two different accounts in links name none)
def test_no_account_when_links_name_two() -> None:
    notice = classify("noreply@registrar.amazon.com", None,
                      "Confirm: https://registrar.amazon.com/v?token=Qk7x&account=604411738205\nOr: "
                      "https://registrar.amazon.com/v?token=Qk7y&account=911122238205\n", date=FEB_9)
    assert notice.aws_account_id is None


def test_aws_opened_a_case_with_a_measure_word_in_chinese() -> None:
    notice = classify(NO_REPLY, None,
                      "AWS 已为您的账户 604411738205 创建了一个支持案例（案例编号 178820533901），事由：Amazon Quokka "
                      "存储桶被用于分发未经授权的内容。\n", date=FEB_9)
    assert notice.notice_type == "support.case_opened_by_aws"


@pytest.mark.parametrize("body", [
    "Uma instância reservada do Amazon Quokka na sua conta 604411738205 expira em 20/05/2027.\n",
    "Una instancia reservada de Amazon Quokka en su cuenta 604411738205 vence el 20/05/2027.\n",
])
def test_one_reserved_instance_that_expires(body: str) -> None:
    notice = classify("bcm-dashboards@aws.com", "[AWS Account: 604411738205] Amazon Quokka", body, date=FEB_9)
    assert notice.notice_type == "cost.commitment_expiry"
