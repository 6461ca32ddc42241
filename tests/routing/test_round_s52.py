"""Session 52, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round
131 (measured only in session 51, tuned on since): an instance family whose offer ends is an end of support, whatever
the subject calls its instances' retirement ("P3 实例即将停用" over "实例系列将停止提供"); a suspension named as a
noun in the subject ("계정 정지 예정") is a suspension warning, not the failed payment that causes it; a Korean case
"생성됨" (created), or a new case received, is a case the reader opened; a subscription "completed" (구독이
완료되었습니다) is a confirmation whose term's end is no date to act by; an account written masked ("***7741",
"(ending ...7741)") finds its full number elsewhere in the mail, and a bank's masked account is no AWS account's.
Round 132: an account "at risk of suspension" is a suspension warning; "We have opened case N for you." in the first
person, the sentence ending there, is the reader's own case; a Portuguese "conclua as etapas abaixo até D" is a date
to act by. Round 133: a German subject that says the account numbered in it "wird gesperrt", or an English one that
says it "will be suspended", is a suspension warning; an invoice named by its billing period is an invoice; "as first
announced" after a second date is no fact of the first ("will be stopped … on April 6, 2027, instead of April 20, 2027
as first announced"); a German maintenance that says "Sie müssen nichts unternehmen" needs nothing. Round 134: the
invoice "for the management account N" is that account's, whatever linked account it includes; a move "to engine
version 3" on a date is dated."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETPLACE = "no-reply@marketplace.aws"
SECURITY = "aws-security@amazon.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))


def test_a_chinese_instance_familys_end_of_offer_is_an_end_of_support_whatever_its_subject_calls_it() -> None:
    body = ("您好：\n\n您的 AWS 账户 305518842290 仍在使用 Amazon Quokka Q2 实例。"
            "Q2 实例系列将于 2027年10月31日 停止提供。\n\n"
            "请在此日期之前将工作负载迁移到当前一代实例。\n\nAmazon Web Services")
    notice = classify(HEALTH, "[需要操作] Amazon Quokka Q2 实例即将停用", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-10-31")


def test_a_chinese_instance_retired_for_its_hardware_stays_a_retirement() -> None:
    # the guard: one instance, its host degraded, no family named
    body = ("您好：\n\n您的 AWS 账户 305518842290 中的 Quokka 实例 i-0a1b2c3d4e5f60718 所在的底层硬件出现故障，"
            "该实例将于 2027年4月2日 停用。\n\n请在此日期之前停止并启动该实例。\n\nAmazon Web Services")
    notice = classify(HEALTH, "[需要操作] Amazon Quokka 实例即将停用", body, date=MAR_3)
    assert notice.notice_type == "health.instance_retirement"


def test_a_korean_suspension_named_as_a_noun_in_the_subject_is_a_suspension_warning() -> None:
    body = ("안녕하세요,\n\nAWS 계정 3055-1884-2290의 Quokka 요금 120.00 USD가 아직 결제되지 않았습니다.\n\n"
            "2027년 3월 20일까지 결제해 주십시오.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Quokka 계정 정지 예정 안내", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-20")


def test_a_korean_bill_not_paid_without_a_suspension_stays_a_failed_payment() -> None:
    # the guard: the same unpaid bill, no suspension named
    body = ("안녕하세요,\n\nAWS 계정 3055-1884-2290의 Quokka 요금 120.00 USD가 아직 결제되지 않았습니다.\n\n"
            "결제 콘솔에서 결제 방법을 확인해 주십시오.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Quokka 요금 결제 안내", body, date=MAR_3)
    assert notice.notice_type == "billing.payment_failed"


def test_a_korean_case_created_as_a_status_is_a_case_the_reader_opened() -> None:
    body = ("안녕하세요,\n\nAWS Support에서 새 사례를 접수했습니다.\n\n"
            "사례 ID: 179302218840771\n제목: Quokka 한도 증가\n\n"
            "엔지니어가 곧 답변을 드릴 예정입니다.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "AWS Support 사례 179302218840771 생성됨: Quokka 한도 증가", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened"


def test_a_korean_reply_on_a_case_stays_a_correspondence() -> None:
    # the guard: a new answer on the case
    body = ("안녕하세요,\n\n사례 179302218840771에 새 답변이 추가되었습니다.\n\n"
            "AWS Support 센터에서 답변을 확인하십시오.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "AWS Support 사례 179302218840771: Quokka 한도 증가", body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"


def test_a_korean_subscription_completed_has_no_deadline_in_its_terms_end() -> None:
    body = ("안녕하세요,\n\nAWS Marketplace 제품 구독이 완료되었습니다.\n\n제품 Quokka Insights (SaaS)\n\n"
            "구독 계정 305518842290\n\n시작일 2027-03-03\n\n종료일 2028-03-02\n\nAWS Marketplace")
    notice = classify(MARKETPLACE, "AWS Marketplace 구독 확인: Quokka Insights", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", None)


def test_an_english_subscription_that_ends_keeps_its_date() -> None:
    # the guard: no confirmation, a term that ends
    body = ("Hello,\n\nYour AWS Marketplace subscription to Quokka Insights (SaaS) for account 305518842290 ends on "
            "April 30, 2027. Renew it before then to keep access.\n\nAWS Marketplace")
    notice = classify(MARKETPLACE, "Your Quokka Insights subscription ends soon", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-04-30")


def test_a_masked_account_finds_its_full_number_elsewhere_in_the_mail() -> None:
    text = ("An access key of your AWS account (ending ...2290) was found in a public Quokka paste.\n\n"
            "Your full account number, for your records: 305518842290")
    assert extract_identifiers("Your key is exposed for AWS Account ***2290", text).aws_account_id == "305518842290"


def test_a_short_masked_account_after_its_noun_is_the_accounts_last_four_digits() -> None:
    found = extract_identifiers("Quokka usage for AWS Account ***2290", "Hello,\n\nYour Quokka usage is attached.")
    assert (found.aws_account_id, found.identifiers["aws_account_id_last4"]) == (None, "2290")


def test_a_banks_masked_account_is_no_aws_accounts_last_four_digits() -> None:
    # the guard: the bank's account, masked in either form
    for text in ("We debited your bank account ending in 0042 for Quokka.", "Paid from checking account ***0042."):
        assert extract_identifiers("Quokka payment received", text).identifiers["aws_account_id_last4"] is None


def test_an_account_at_risk_of_suspension_is_a_suspension_warning() -> None:
    body = ("Hello,\n\nWe have not received payment of USD 88.10 for your AWS account 305518842290 (Amazon Quokka).\n\n"
            "If it remains unpaid, your account may be suspended on or after March 20, 2027.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "AWS account 305518842290 is at risk of suspension", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-20")


def test_a_case_opened_for_you_in_the_first_person_is_the_readers_own_case() -> None:
    body = ("Hello,\n\nWe have opened case 179302218840771 for you.\n\nSubject: Quokka quota increase\n"
            "Severity: General guidance\n\nAn engineer will reply through the Support Center.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Amazon Web Services Support: Case 179302218840771 opened", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened"


def test_a_case_aws_names_itself_the_opener_of_stays_one_aws_opened() -> None:
    # the guard: AWS named as the opener, the case about what AWS found
    body = ("Hello,\n\nAmazon Web Services has opened case 179302218840771 for you.\n\n"
            "Subject: Quokka endpoint sending unwanted traffic\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Amazon Web Services: New Support case: 179302218840771", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened_by_aws"


def test_a_portuguese_ask_to_complete_steps_by_a_date_is_the_date_to_act_by() -> None:
    body = ("Olá,\n\nDetectamos atividade incomum no Amazon Quokka da conta AWS 305518842290.\n\n"
            "Para proteger a conta, conclua as etapas abaixo até 10/03/2027:\n  1. Altere a senha do usuário-raiz.\n\n"
            "A partir de 11 de março de 2027, se as etapas não forem concluídas, poderemos restringir o acesso "
            "à conta.\n\nAmazon Web Services")
    notice = classify(SECURITY, "[Ação necessária] Atividade suspeita na sua conta AWS", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("security.suspicious_activity", "2027-03-10")


def test_a_management_accounts_masked_digits_are_not_the_readers() -> None:
    # the guard: the organization's account masked, the reader's written in full; the management account's full
    # number for the records stays another's
    text = ("The management account ********7002 has invited your AWS account 305518842290 to join its Quokka "
            "organization.\n\nFull management account ID for your records: 396697557002")
    found = extract_identifiers("You have been invited to join an AWS organization", text)
    assert found.aws_account_id == "305518842290"


# round 133

BILLING = "aws-billing@amazon.com"


def test_a_german_subject_that_says_the_account_numbered_in_it_will_be_blocked_is_a_suspension_warning() -> None:
    body = ("Guten Tag,\n\nfür Ihr AWS-Konto 305518842290 ist die Quokka-Rechnung vom 2. Februar 2027 weiterhin "
            "unbezahlt.\n\nBitte begleichen Sie den Betrag bis zum 20.03.2027.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Ihr AWS-Konto 305518842290 wird gesperrt, wenn die Zahlung ausbleibt", body,
                      date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-20")


def test_an_english_subject_that_says_the_account_will_be_suspended_is_a_suspension_warning() -> None:
    body = ("Hello,\n\nThe Quokka charges of your AWS account 305518842290 are unpaid. Please pay them by March 20, "
            "2027.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Your AWS account 305518842290 will be suspended unless you pay", body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"


def test_an_invoice_named_by_its_billing_period_is_an_invoice_without_a_subject() -> None:
    body = ("Hello,\n\nYour invoice for the billing period February 1 - February 28, 2027 is available in the "
            "Billing and Cost Management console.\n\nAWS account 305518842290\nAmount USD 12.40 (Amazon Quokka)\n\n"
            "Amazon Web Services")
    notice = classify(BILLING, None, body, date=MAR_3)
    assert notice.notice_type == "billing.invoice"


def test_a_retirement_moved_earlier_keeps_its_new_date_beside_the_one_first_announced() -> None:
    body = ("Dear Amazon Quokka customer,\n\nThe retirement of instance i-0a1b2c3d4e5f60718 (account 305518842290) "
            "moves earlier. The instance will be stopped after 14:00 UTC on Tuesday, April 6, 2027, instead of "
            "April 20, 2027 as first announced.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka instance scheduled for retirement - updated", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-04-06")


def test_a_date_announced_in_the_past_is_still_no_deadline() -> None:
    # the guard: the date an announcement was made, named as such
    body = ("Dear Amazon Quokka customer,\n\nOn February 10, 2027 we announced changes to Amazon Quokka instance "
            "pricing in account 305518842290. You can read them on the pricing page.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka pricing", body, date=MAR_3)
    assert notice.deadline is None


def test_a_german_maintenance_that_needs_nothing_has_no_deadline() -> None:
    body = ("Hallo,\n\ndie Wartung Ihres Amazon Quokka Clusters im AWS-Konto 305518842290 wurde verschoben.\n\n"
            "Neues Wartungsfenster: Sonntag, 14.03.2027, 02:00–04:00 UTC\n\nSie müssen nichts unternehmen; "
            "die Wartung läuft automatisch.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka: geplante Wartung verschoben", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", None)


def test_a_german_maintenance_that_needs_nothing_unless_a_condition_holds_keeps_its_date() -> None:
    # the guard: nothing to do, then a condition and what to do in the imperative
    body = ("Hallo,\n\nfür Ihren Amazon Quokka Endpunkt im AWS-Konto 305518842290 ist eine Wartung geplant. Der "
            "Endpunkt wird während des Fensters neu gestartet.\n\n"
            "Wartungsfenster: Dienstag, 16.03.2027, 01:00 UTC\n\nSie müssen nichts weiter unternehmen; falls Ihre "
            "Anwendung keine Wiederholungsversuche unterstützt, planen Sie die Fenster entsprechend.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka: geplante Wartung", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-16")


def test_a_german_maintenance_that_needs_nothing_unless_the_reader_wants_otherwise_keeps_its_date() -> None:
    # the guards: nothing to do "es sei denn" (unless), or an offer to move the window
    for offer in ("Sie müssen nichts unternehmen, es sei denn, Sie möchten einen anderen Termin.",
                  "Sie müssen nichts unternehmen. Sie können das Fenster in der Konsole verschieben."):
        body = ("Hallo,\n\nfür Ihren Amazon Quokka Endpunkt im AWS-Konto 305518842290 ist eine Wartung geplant. Der "
                f"Endpunkt wird während des Fensters neu gestartet.\n\nWartungsfenster: Dienstag, 16.03.2027, 01:00 UTC"
                f"\n\n{offer}\n\nAmazon Web Services")
        notice = classify(HEALTH, "Amazon Quokka: geplante Wartung", body, date=MAR_3)
        assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-16")


# round 134

INVOICING = "invoicing@aws.com"


def test_the_invoice_for_the_management_account_is_that_accounts_beside_a_linked_one() -> None:
    for text in ("Hello,\n\nThe invoice for the management account 305518842290 is now available.\n\n"
                 "Invoice date: March 2, 2027\nIncluded linked account: 396697557002 (Amazon Quokka)\n",
                 "Guten Tag,\n\ndie Rechnung für das Verwaltungskonto 305518842290 ist jetzt verfügbar.\n\n"
                 "Rechnungsdatum: 02.03.2027\nEnthaltenes verknüpftes Konto: 396697557002 (Amazon Quokka)\n"):
        assert extract_identifiers("Your AWS invoice is available", text).aws_account_id == "305518842290"


def test_a_linked_accounts_invoice_stays_the_linked_accounts() -> None:
    # the guard: the invoice is the linked account's, the management account only pays it
    text = ("Hello,\n\nThe invoice for your AWS account 396697557002 (Amazon Quokka) is now available. It is paid by "
            "the management account 305518842290 of your organization.\n")
    assert extract_identifiers("Your AWS invoice is available", text).aws_account_id == "396697557002"


def test_a_move_to_an_engine_version_on_a_date_is_dated() -> None:
    body = ("Hello,\n\nStarting 2027-04-08, Amazon Quokka will move the rulesets in your account (305518842290) in "
            "us-west-2 to engine version 3. You can pin a ruleset to the current engine before the upgrade date.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka engine upgrade", body, date=MAR_3)
    assert notice.deadline == "2027-04-08"
