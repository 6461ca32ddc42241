"""Session 53, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round
135 (measured only in session 52, tuned on since): a linked account whose usage another account's bill or cost monitor
includes ("(includes usage of linked account N)", "연결된 계정 N의 사용량 포함") is part of what the mail is about,
never the account it is about; beside only a management or payer account, the mail is that account's. A statement
written "Your statement for the period … is ready", with no noun before it and no subject, is a statement."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))


# round 135

def test_a_korean_cost_anomaly_is_the_management_accounts_whose_monitor_includes_a_linked_one() -> None:
    text = ("안녕하세요,\n\nQuokka 비용에서 새로운 이상이 발견되었습니다.\n\n관리 계정 305518842290\n\n"
            "서비스 Amazon Quokka\n\n모니터: quokka-weekly (연결된 계정 396697557002의 사용량 포함)\n")
    assert extract_identifiers("AWS 비용 이상 탐지 알림", text).aws_account_id == "305518842290"


def test_an_english_monitor_that_includes_a_linked_accounts_usage_is_the_management_accounts() -> None:
    text = ("Hello,\n\nCost Anomaly Detection found a new anomaly in Amazon Quokka.\n\n"
            "Management account: 305518842290\nMonitor: quokka-weekly (includes usage of linked account "
            "396697557002)\nImpact: $412.08\n")
    assert extract_identifiers("AWS Cost Anomaly Detection alert", text).aws_account_id == "305518842290"


def test_a_linked_accounts_own_budget_stays_the_linked_accounts() -> None:
    # the guard: the budget belongs to the linked account; the management account is only named
    text = ("안녕하세요,\n\n연결된 계정 396697557002의 예산 'quokka-monthly' 예측 비용이 임계값을 초과했습니다.\n\n"
            "관리 계정 305518842290\n")
    assert extract_identifiers("AWS Budgets 알림", text).aws_account_id == "396697557002"


def test_a_linked_account_field_beside_a_payer_field_stays_the_linked_accounts() -> None:
    # the guard: two fields, nothing included: the linked account is the one concerned, the payer only pays
    text = ("Hello,\n\nYour Quokka reservation expires soon.\n\nPayer account: 305518842290\n"
            "Linked account: 396697557002\n")
    assert extract_identifiers("Amazon Quokka reservation", text).aws_account_id == "396697557002"


def test_a_statement_without_a_noun_before_it_or_a_subject_is_a_statement() -> None:
    body = ("Greetings from Amazon Web Services.\n\nYour statement for the period February 1 - February 28, 2027 "
            "for account 305518842290 is ready.\n\nTotal: USD 41.20 (Amazon Quokka)\n\nThank you for using "
            "Amazon Web Services.")
    notice = classify("aws-billing@amazon.com", None, body, date=MAR_3)
    assert (notice.notice_type, notice.aws_account_id) == ("billing.statement", "305518842290")


def test_a_statement_of_something_else_that_is_ready_stays_what_it_was() -> None:
    # the guard: a Support case's statement is no billing statement
    body = ("Hello,\n\nThe statement of work for your Amazon Quokka migration is ready in Support case "
            "171234567801.\n\nAmazon Web Services Support")
    notice = classify("no-reply-aws@amazon.com", "Your support case 171234567801 has been updated", body, date=MAR_3)
    assert notice.notice_type != "billing.statement"


# round 136

def test_a_support_case_that_asks_to_confirm_a_change_is_no_email_change_code() -> None:
    body = ("Hello,\n\nAWS Support opened case 171234567801 for AWS account 305518842290 on March 3, 2027.\n\n"
            "The signing key of your Amazon Quokka endpoint stops being valid soon. Please upload the new key and "
            "reply to this case by March 24, 2027, so that we can confirm the change.\n\n"
            "Best regards,\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "[Case 171234567801] AWS has opened a case for you", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("support.case_opened_by_aws", "2027-03-24")


def test_a_code_to_confirm_the_change_of_an_email_address_stays_an_email_change_code() -> None:
    # the guard: the change confirmed is the root user's e-mail address
    body = ("Hello,\n\nSomeone asked to move the e-mail address of AWS account 305518842290 to this address. "
            "Enter this code to confirm the change:\n\n    602 417\n\nThe code expires in 10 minutes.")
    notice = classify("no-reply@signin.aws", "Amazon Quokka sign-in", body, date=MAR_3)
    assert notice.notice_type == "credentials.email_change_code"


# round 137

def test_a_maintenance_whose_action_field_says_none_needs_nothing() -> None:
    body = ("Hello,\n\nAmazon Quokka will patch the hosts behind your collection in eu-west-1.\n\n"
            "Window: Tue, 23 Mar 2027 02:00 UTC - 04:00 UTC\nAction: none. The patch is applied for you and you do not "
            "need to reschedule anything.\n\nAccount ID: 305518842290")
    notice = classify(HEALTH, "[AWS Health Event] Amazon Quokka scheduled maintenance", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline, notice.action_required) == (
        "health.scheduled_maintenance", None, False)


def test_a_maintenance_whose_action_field_names_one_keeps_its_date() -> None:
    # the guard: the field names an action to take before the window
    body = ("Hello,\n\nAmazon Quokka will patch the hosts behind your collection in eu-west-1.\n\n"
            "Window: Tue, 23 Mar 2027 02:00 UTC - 04:00 UTC\nAction: restart your collection before the window to "
            "choose the time yourself.\n\nAccount ID: 305518842290")
    notice = classify(HEALTH, "[AWS Health Event] Amazon Quokka scheduled maintenance", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-23")
