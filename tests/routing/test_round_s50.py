"""Session 50, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round 121
(measured only in session 49, tuned on since): an Italian account named with its service after the noun ("l'account
Amazon SES N") is that account. Round 122: a Support case AWS opened "on behalf of your account", unnumbered, is the
case AWS opened; the reader's own case stays the reader's. Round 123: an automatic move of resources to an engine
version is a maintenance dated by its start; a service's "certificate update" in a Health subject, or certificates
issued under "a new intermediate authority", is a certificate rotation; an account suspended "since" a date (fr "depuis
le", de "seit dem") keeps the date to pay by, and a German account that "ist seit dem D gesperrt" is suspended. Round
124: the date a software's vendor or community ends its own support, the subject of its sentence, is no deadline beside
AWS's; AWS updating its hosts is a maintenance; a German "drohende Kontosperrung" is a suspension warning; a subject
that says "billing statement" is a statement in any language; a Chinese page to visit within hours, its address after
it, is no deadline. Round 125: a payer's field with its role in parentheses ("付款帳戶（管理帳戶）：N") is an
invoice's account; the one account named "(member account)" beside a management account is the account concerned; the
details the reader added to a case, acknowledged, are a case correspondence; a price cut needs nothing by its date; a
Korean usage statement (사용 내역서) is a statement. Round 126: a payment "not collected" in the subject is a
failed payment; AWS that "will start moving" resources to a version is a maintenance dated by its start; an older
family AWS can "no longer keep" the capacity of is an end of support; the day a Korean account was suspended, the
account named between date and verb, is a fact beside the date to pay by."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
BILLING = "aws-billing@amazon.com"
ACM = "no-reply@certificates.amazon.com"
INVOICING = "invoicing@aws.com"
COST_ALERTS = "no-reply@costalerts.amazonaws.com"
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


def test_the_date_a_vendor_ends_its_own_support_is_no_deadline_beside_aws() -> None:
    body = ("Hello,\n\nThe Quokka Foundation plans to end community support for Quokka 4 on April 30, 2027. "
            "Accordingly, standard support for Quokka 4 on Amazon Quokka ends on August 31, 2027.\n\nUpgrade your "
            "burrows before then to avoid Extended Support charges.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka 4 end of standard support", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-08-31")


def test_a_japanese_vendor_date_is_no_deadline_beside_aws() -> None:
    body = ("こんにちは\n\nIBM は 2027 年 4 月 30 日に Quokka 4 の標準サポートを終了する予定です。これに合わせて、"
            "Amazon Quokka における Quokka 4 の標準サポートは 2027年8月31日 (火) に終了します。\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka 4 の標準サポート終了", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-08-31")


def test_awss_date_in_a_clause_of_its_own_after_the_vendor_keeps_its_date() -> None:
    # the guard: the sentence opens with the vendor, AWS's date is in a clause of its own
    body = ("Hello,\n\nThe upstream project stopped publishing fixes for Quokka 4 in October 2026, and Quokka 4 "
            "reaches the end of standard support on Amazon Quokka on June 30, 2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka 4 end of standard support", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


def test_aws_updating_its_hosts_without_a_subject_is_a_maintenance() -> None:
    body = ("Dear Amazon Quokka customer,\n\nBetween Tuesday 16 March 2027 01:00 UTC and 05:00 UTC we will update "
            "the burrow hosts that serve the tables listed below. No action is needed on your side.\n\n"
            "Amazon Web Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "health.scheduled_maintenance"


def test_a_german_threatened_account_lock_is_a_suspension_warning() -> None:
    body = ("Sehr geehrte Kundin, sehr geehrter Kunde,\n\ndie Rechnung für Amazon Quokka vom 2. März 2027 ist "
            "weiterhin offen. Bitte zahlen Sie bis zum 20. März 2027.\n\nAmazon Web Services")
    notice = classify(BILLING, "Ihr AWS-Konto ist überfällig – drohende Kontosperrung", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-20")


def test_a_billing_statement_subject_over_a_japanese_body_is_a_statement() -> None:
    body = ("アマゾン ウェブ サービスをご利用いただきありがとうございます。\n\n請求期間 2027年2月1日～2027年2月28日 の"
            "ご請求書を発行しました。\nアカウント ID: 305518842290\n\nアマゾン ウェブ サービス ジャパン合同会社")
    notice = classify(BILLING, "ご請求書の発行 / AWS billing statement", body, date=MAR_3)
    assert notice.notice_type == "billing.statement"


def test_a_chinese_page_to_visit_within_hours_is_no_deadline() -> None:
    body = ("您好，\n\n我们收到了为 quokka.example.cn 签发证书的请求。\n\n如需批准，请在 72 小时内访问 Amazon "
            "Certificate Approvals:\nhttps://us-east-1.acm-certificates.amazon.com/approvals?code=0f1e2d3c\n")
    notice = classify(ACM, "quokka.example.cn 的证书批准", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("verification.acm_approval", None)


def test_a_payers_field_with_its_role_in_parentheses_is_the_invoices_account() -> None:
    body = ("您好：\n\n您的 Amazon Quokka 發票已開立。\n\n付款帳戶（管理帳戶）：305518842290\n"
            "連結帳戶：481126350917、736250019824\n金額：新台幣 2,204 元\n")
    notice = classify(INVOICING, "Amazon Web Services 發票 TWINV27-0001", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_a_monitor_owners_field_is_not_the_anomalys_account() -> None:
    # the guard: a management account's field with another role in parentheses
    body = ("비용 모니터 \"조직-Quokka\"에서 이상이 감지되었습니다.\n\n관리 계정(모니터 소유자) 481126350917\n\n"
            "멤버 계정 305518842290\n\nAWS 서비스 Amazon Quokka\n")
    notice = classify(COST_ALERTS, "AWS Cost Anomaly Detection 알림", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_the_account_named_as_a_member_beside_the_management_account_is_the_anomalys() -> None:
    body = ("您好，\n\n成本监控器“全部成员账户”（管理账户 481126350917）于 2027年3月2日检测到新的成本异常。\n\n"
            "账户 服务 影响\n\n305518842290（成员账户） Amazon Quokka $940.22\n")
    notice = classify(COST_ALERTS, "AWS 成本异常检测：检测到 1 个新的成本异常", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_the_details_added_to_a_case_acknowledged_without_a_subject_are_a_correspondence() -> None:
    body = ("Hello,\n\nThank you for the details you added to case 180233419 about your Amazon Quokka burrow limit.\n\n"
            "To view or reply: https://console.aws.amazon.com/support/home#/case/?displayId=180233419\n\nAmazon Web "
            "Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_a_price_cut_needs_nothing_by_its_date() -> None:
    body = ("Hello,\n\nStarting January 1, 2028, Amazon Quokka burrow hours will be billed at a lower rate.\n\n"
            "Amazon Web Services")
    notice = classify(NO_REPLY, "Upcoming price change for Amazon Quokka", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", None)


def test_a_price_cut_beside_a_higher_price_keeps_its_date() -> None:
    # the guard: another price goes up then
    body = ("Hello,\n\nStarting January 1, 2028, Amazon Quokka burrow hours will be billed at a lower rate, and "
            "burrow storage at a higher rate.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Upcoming price change for Amazon Quokka", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2028-01-01")


def test_a_korean_usage_statement_without_a_subject_is_a_statement() -> None:
    body = ("안녕하세요,\n\nAWS 계정 305518842290 의 2027년 2월 사용 내역서가 준비되었습니다.\n\n총 금액: USD 57.31\n\n"
            "Amazon Web Services")
    assert classify(INVOICING, None, body, date=MAR_3).notice_type == "billing.statement"


def test_a_payment_not_collected_in_the_subject_is_a_failed_payment() -> None:
    body = ("Dear customer,\n\nWe could not take the Amazon Quokka charges of February 2027.\n\n"
            "Account ID: 305518842290\n\nAmazon Web Services")
    notice = classify(INVOICING, "Action needed: AWS payment not collected for account 305518842290", body, date=MAR_3)
    assert notice.notice_type == "billing.payment_failed"


def test_aws_moving_resources_to_a_version_is_a_maintenance_dated_by_its_start() -> None:
    body = ("Hello,\n\nAmazon Quokka will start moving burrow planners in the EU-NORTH-1 Region to planner version 3 "
            "in 30 days, on April 2, 2027. Planners that pass our checks will be moved automatically.\n\n"
            "Amazon Web Services")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-04-02")


def test_aws_moving_resources_to_no_version_is_no_maintenance() -> None:
    # the guard: a move to a storage tier names no version
    body = ("Hello,\n\nAmazon Quokka will start moving your burrows to the cold tier on April 2, 2027.\n\n"
            "Amazon Web Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type != "health.scheduled_maintenance"


def test_an_older_family_aws_can_no_longer_keep_up_is_an_end_of_support() -> None:
    body = ("Since 2017 the Quokka Classic burrows have served many customers. We are no longer able to keep the "
            "capacity of this older burrow family at the level you expect, so we are helping customers move to Quokka "
            "Next burrows by June 30, 2027.\n\nTo move, migrate each burrow to a Quokka Next burrow from the "
            "console.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Amazon Quokka Classic burrows: plan your move", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


def test_the_day_a_korean_account_was_suspended_is_a_fact_beside_the_date_to_pay_by() -> None:
    # (suspended on the day the mail was sent: not a past date, a fact by its verb)
    body = ("고객님께,\n\n2027년 1월 및 2월 청구 기간의 미결제 금액(총 USD 906.33)으로 인해 2027년 3월 3일에 AWS 계정 "
            "305518842290을(를) 일시 중지했습니다.\n\n2027년 3월 16일(화)까지 미결제 금액을 납부하시면 계정이 다시 "
            "활성화됩니다.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "AWS 계정 305518842290이(가) 일시 중지되었습니다", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("account.suspended", "2027-03-16")


def test_a_korean_end_of_support_to_come_keeps_its_date() -> None:
    # the guard: "종료될 예정입니다" is to come
    body = ("안녕하세요,\n\nAmazon Quokka 3 지원은 2027년 6월 30일에 종료될 예정입니다. 그 전에 Quokka 4로 "
            "업그레이드하십시오.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka 3 지원 종료", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")
