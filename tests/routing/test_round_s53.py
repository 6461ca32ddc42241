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


# round 138

def test_a_spanish_case_aws_support_opened_is_a_case_aws_opened() -> None:
    body = ("Hola:\n\nEl 3 de marzo de 2027 abrimos el caso 1735582019 en la cuenta 305518842290 porque un recurso "
            "público de Amazon Quokka contiene datos sensibles.\n\nResponda en el Centro de soporte antes del 24 de "
            "marzo de 2027.\n\nAtentamente,\nAWS Support")
    notice = classify("no-reply-aws@amazon.com", "AWS Support ha abierto el caso 1735582019", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("support.case_opened_by_aws", "2027-03-24")


def test_a_spanish_case_opened_at_the_readers_request_stays_the_readers() -> None:
    # the guard: the reader asked; AWS only opened it for them
    body = ("Hola:\n\nHemos recibido su solicitud y hemos abierto el caso 1735582019 sobre el límite de Amazon "
            "Quokka.\n\nAtentamente,\nAWS Support")
    notice = classify("no-reply-aws@amazon.com", "Caso de soporte abierto: límite de Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened"


def test_a_retirement_whose_next_sentence_says_in_the_present_what_happens_then_is_dated() -> None:
    body = ("Dear Amazon EC2 customer,\n\nThe hardware behind your Quokka host h-0a7c31e2b9d4f5061 (account "
            "305518842290) is degraded. The host is scheduled for retirement.\n\nRetirement: after 2027-04-08 09:00 "
            "UTC.\nAfter that time the host is released and its instance is stopped. To keep it, allocate a new host "
            "and move the instance before then.\n\nDetected on: 2027-03-02.")
    notice = classify(HEALTH, "[Retirement Notification] Amazon Quokka host scheduled for retirement", body,
                      date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-04-08")


MAINTENANCE = ("Amazon Quokka - routine maintenance notification\nAccount: 305518842290\nRegion: eu-west-3\n\n"
               "What is happening\n  Quokka will apply a routine patch to the collection below.\n"
               "  Window start : 2027-03-20 01:00 UTC\n  Window end   : 2027-03-20 03:00 UTC\n"
               "  Collection   : qk-0c4d92e71a6b\n\nWhat you need to do\n  {}\n")
MAINTENANCE_SUBJECT = "[AWS Health Event] Amazon Quokka scheduled maintenance [AWS Account: 305518842290]"


def test_a_maintenance_whose_heading_says_there_is_nothing_to_do_is_undated() -> None:
    body = MAINTENANCE.format("Nothing. The standby takes over during the patch; clients may see a short pause.")
    notice = classify(HEALTH, MAINTENANCE_SUBJECT, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", None)


def test_a_maintenance_whose_heading_names_an_act_keeps_its_date() -> None:
    # the guard: under the same heading, an act before the window
    body = MAINTENANCE.format("Restart the collection yourself before the window starts if you want to choose the "
                              "time.")
    notice = classify(HEALTH, MAINTENANCE_SUBJECT, body, date=MAR_3)
    assert notice.deadline == "2027-03-20"


def test_a_japanese_announcement_date_in_an_aside_is_no_deadline() -> None:
    body = ("お客様各位\n\nAmazon Quokka バージョン 1 のサポート終了についてお知らせいたします"
            "（2027年3月3日発表）。\n\nお客様の AWS アカウント (305518842290) の AP-NORTHEAST-1 リージョンには、"
            "バージョン 1 を使用するジョブが 2 件あります。\n\n2027年6月30日 (水) までに、これらのジョブを"
            "バージョン 2 へ移行してください。この日付以降、バージョン 1 のジョブは実行できなくなります。\n\n"
            "アマゾン ウェブ サービス")
    notice = classify(HEALTH, "[要対応] Amazon Quokka バージョン 1 のサポート終了 [AWS アカウント: 305518842290]", body,
                      date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


INVOICE_FIELDS = ("Ihre AWS-Rechnung für den Abrechnungszeitraum 1. – 28. Februar 2027 ist verfügbar.\n\n"
                  "Zahlerkonto 3055-1884-2290\n\nVerknüpftes Konto 3966-9755-7002\n\nGesamtbetrag 41,20 EUR "
                  "(Amazon Quokka)\n")


def test_an_invoice_with_a_payer_and_a_linked_field_is_the_payers() -> None:
    notice = classify("invoicing@aws.com", "Ihre Rechnung von Amazon Web Services ist verfügbar",
                      "Guten Tag,\n\n" + INVOICE_FIELDS, date=MAR_3)
    assert (notice.notice_type, notice.aws_account_id) == ("billing.invoice", "305518842290")


def test_an_invoice_whose_subject_names_the_linked_account_stays_the_linked_accounts() -> None:
    # the guard: the subject says whose invoice it is
    notice = classify("invoicing@aws.com", "Amazon Web Services Invoice Available [Account: 396697557002]",
                      "Guten Tag,\n\n" + INVOICE_FIELDS, date=MAR_3)
    assert notice.aws_account_id == "396697557002"


def test_a_reservation_with_a_payer_and_a_linked_field_stays_the_linked_accounts() -> None:
    # the guard: only an invoice is the payer's; a reservation's mail is about the linked account that runs it
    text = ("Hello,\n\nYour Amazon Quokka reservation expires on April 1, 2027.\n\nPayer account: 305518842290\n"
            "Linked account: 396697557002\n")
    assert extract_identifiers("Amazon Quokka reservation expiring", text).aws_account_id == "396697557002"
