"""Session 25's round, in our own words (none of these sentences is in a fixture): what is supported until a date ends
support then (a sentence, a table column, a field); a table aligned with two spaces between its cells; a service that
retires a kind of bundle or image in the present tense; a platform's retirement named in the subject."""

from __future__ import annotations

from datetime import date

from routing.deadline import best_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
EOS = "health.end_of_support"


def _deadline(text: str, notice_type: str = EOS) -> str | None:
    found = best_deadline(text, DAY, notice_type, False)
    return found.date if found else None


def test_what_is_supported_until_a_date_ends_support_then() -> None:
    assert _deadline("Amazon MSK drops Kafka 2.6. Kafka 2.6 is supported until June 14, 2027. Upgrade your "
                     "clusters.") == "2027-06-14"
    # (as a field, and as a column whose rows hold the date)
    assert _deadline("Amazon MSK drops Kafka 2.6.\n\nSupported until: June 14, 2027\n") == "2027-06-14"
    assert _deadline("Amazon MSK drops Kafka 2.6.\n\n| Cluster | Supported until |\n|---|---|\n"
                     "| ledger-kafka | June 14, 2027 |\n") == "2027-06-14"
    # (and a header cell that holds the date itself)
    assert _deadline("Amazon MSK drops Kafka 2.6.\n\n| Cluster | Supported through June 14, 2027 |\n|---|---|\n"
                     "| ledger-kafka | yes |\n") == "2027-06-14"


def test_a_table_aligned_with_two_spaces() -> None:
    text = ("The hosts below in account 552011873364 will be retired. Each host retires on its own date.\n\n"
            "Host ID                Retirement date\n"
            "h-0c1d2e3f4a5b6c7d8  2027-03-09\n"
            "h-0f9e8d7c6b5a49382  2027-03-16\n\n"
            "Move your instances to another host before its retirement date.\n")
    assert _deadline(text, "health.instance_retirement") == "2027-03-09"


def test_a_service_that_retires_bundles_or_images_in_the_present_tense() -> None:
    body = ("Hello,\n\nAmazon AppStream 2.0 retires its Windows Server 2016 base images. Image builders launched "
            "from them stop working on May 3, 2027. Your account 552011873364 has 2 such images.\n")
    notice = classify(GENERAL, "Amazon AppStream 2.0: Windows Server 2016 base image retirement", body, date=SENT)
    assert notice.notice_type == EOS
    body = "Hello,\n\nAmazon Lightsail is retiring the CentOS 7 blueprints. Instances keep running.\n"
    assert classify(GENERAL, "", body, date=SENT).notice_type == EOS


def test_a_platform_retirement_named_in_the_subject() -> None:
    body = ("Platform: Python 3.8 running on 64bit Amazon Linux 2\nRetirement date: Friday, May 28, 2027\n"
            "Environments in account 552011873364: api-prod\n")
    notice = classify(HEALTH, "AWS Elastic Beanstalk platform retirement", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == (EOS, "2027-05-28")


def test_an_instance_retirement_is_still_an_instance_retirement() -> None:
    # guard: an instance's own retirement is not a platform's
    body = ("EC2 has detected degradation of the underlying hardware hosting your instance i-0a1b2c3d4e5f60718 in "
            "account 552011873364. The instance is scheduled for retirement on March 2, 2027.\n")
    notice = classify(HEALTH, "Amazon EC2 Instance Retirement", body, date=SENT)
    assert notice.notice_type == "health.instance_retirement"


def test_a_case_resolved_is_no_case_received() -> None:
    body = ("Hello,\n\nThank you for contacting AWS Support. Your case 178201946655 about Lambda throttling has been "
            "resolved. Reply to this message within 14 days to reopen it.\n")
    notice = classify("no-reply-aws@amazon.com", "", body, date=SENT)
    assert notice.notice_type == "support.case_correspondence"
    # guard: a case received still is one
    body = "Hello,\n\nThank you for contacting AWS Support. We have received your case 178201946655.\n"
    assert classify("no-reply-aws@amazon.com", "", body, date=SENT).notice_type == "support.case_opened"


def test_the_account_named_after_its_region() -> None:
    text = "Your Amazon SES account in eu-north-1 (552011873364) was placed under review on February 8, 2027."
    assert extract_identifiers("", text, (), DAY).aws_account_id == "552011873364"
    text = "The sending account in the Europe (Stockholm) Region (552011873364) is under review."
    assert extract_identifiers("", text, (), DAY).aws_account_id == "552011873364"
