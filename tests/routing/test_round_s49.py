"""Session 49, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka and
an EC2 instance. An instance retirement whose date changed, named by the instance's id, is a retirement (not a
platform's or a runtime's end of life); a new reply added to a Support case (pt, es, it) is the reply, whatever the
mail says of the day the case was opened; a Traditional Chinese MFA device deactivated with the account between the
verb and the device is an MFA deactivation. Round 116: an exposed key whose account is masked and written in full only
inside a reference is that account; a Traditional Chinese welcome from the marketing sender without a subject is a
welcome; an account "associated with this e-mail address" that was closed, without a subject, is closed. Round 117:
what a resource "will carry" as a charge from a date is a price change; the day a certificate was requested (zh "於 D
向 … 請求下列", ja "D に … をリクエストしました") is a fact, not a deadline. Round 118: thanks for signing up to AWS
itself, without a subject (zh, zh-Hant, en), is a welcome; a Korean account whose services "may be paused" is a
suspension warning. Round 119: a Health notice whose event code says a service update is available is a maintenance;
the use of the account by "someone other than you" going on is a suspicious activity; a Traditional Chinese price
"異動" in the subject is a price change. Round 120: a link address to visit within hours (zh-Hant "網址") is no
deadline; an instance type that retires (its event code) is an end of support, not an instance's retirement; a key
that "can be read publicly" is an exposed key; an ACM approval forwarded by a colleague is the approval; an attempt
made on a date ("Our attempt on D", "On D we tried") is a fact."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))


def test_an_instance_retirement_whose_date_changed_is_a_retirement() -> None:
    body = ("Hello,\n\nWe are updating our earlier notice about i-07d2c4a91be35f608 (m6i.large) in account "
            "305518842290.\n\nOld retirement date: 2027-04-20\nNew retirement date: 2027-04-06\n\nAfter 2027-04-06 "
            "10:00 UTC the instance will be stopped.\n\nAmazon Web Services")
    notice = classify(HEALTH, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-04-06")


def test_an_instance_retirement_brought_forward_is_a_retirement_by_its_subject() -> None:
    body = "Hello,\n\nThe date has been brought forward. Please act before April 6, 2027.\n\nAmazon Web Services"
    notice = classify(HEALTH, "Retirement date updated for your EC2 instance i-07d2c4a91be35f608", body, date=MAR_3)
    assert notice.notice_type == "health.instance_retirement"


def test_a_platform_retirement_date_changed_is_no_instance_retirement() -> None:
    # the guard: no instance id, a platform branch that retires
    body = ("Hello,\n\nThe Quokka platform branch 'Quokka 3 on Amazon Linux 2' has a new retirement date: "
            "June 30, 2027. Migrate your environments to a supported branch before then.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka platform branch: new retirement date", body, date=MAR_3)
    assert notice.notice_type != "health.instance_retirement"


def test_a_portuguese_reply_added_to_a_case_opened_earlier_is_the_reply() -> None:
    body = ("Olá,\n\nFoi adicionada uma nova resposta ao caso 178200042290 (\"Quokka burrow lento\").\n\n"
            "Conta: 305518842290\n\nO caso foi aberto a 1 de março de 2027.")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_a_spanish_reply_added_to_a_case_created_earlier_is_the_reply() -> None:
    body = ("Hola:\n\nSe ha añadido una nueva correspondencia al caso 178200042290 sobre Amazon Quokka.\n\n"
            "Su caso fue creado el 1 de marzo de 2027. Para responder, abra el caso en el Centro de soporte.")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_an_italian_message_added_to_a_case_opened_earlier_is_the_reply() -> None:
    body = ("Ciao,\n\nUn nuovo messaggio è stato aggiunto al caso 178200042290 su Amazon Quokka.\n\n"
            "Il tuo caso è stato aperto il 1 marzo 2027.")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_a_portuguese_case_opened_stays_opened() -> None:
    # the guard: the case opened, no reply added
    body = ("Olá,\n\nO seu caso 178200042290 foi criado a 3 de março de 2027. Responderemos em breve.\n\n"
            "Conta: 305518842290")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_opened"


def test_a_traditional_chinese_mfa_device_deactivated_with_the_account_between_is_a_deactivation() -> None:
    body = ("您好：\n\n2027年3月3日 08:12 UTC，有人停用了 AWS 帳戶 3055 1884 2290 根使用者的"
            "多重要素驗證 (MFA) 裝置。\n\n如果這不是您本人的操作，請立即重設根使用者密碼。")
    assert classify("no-reply@signin.aws", None, body, date=MAR_3).notice_type == "credentials.mfa_deactivated"


def test_a_traditional_chinese_key_deactivated_with_mfa_advice_is_no_mfa_deactivation() -> None:
    # the guard: the verb's object ends at the comma; the MFA is only advised
    body = ("您好：\n\n我們停用了 AWS 帳戶 3055 1884 2290 的存取金鑰，建議您為根使用者啟用 MFA。")
    assert classify("no-reply@signin.aws", None, body, date=MAR_3).notice_type != "credentials.mfa_deactivated"


def test_a_masked_account_written_in_full_inside_a_reference_is_that_account() -> None:
    body = ("Hello,\n\nThe access key AKIA****************QK7Z of the IAM user quokka-ci in AWS account "
            "****-****-2290 was found in a public code repository.\n\nRotate the key now.\n\n"
            "Reference: 97310442-305518842290\n\nAWS Security")
    notice = classify("aws-verification@amazon.com", "Your AWS access key is exposed", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_a_reference_that_ends_otherwise_names_no_account() -> None:
    # the guard: the twelve digits end with other digits than the masked account's
    body = ("Hello,\n\nThe access key AKIA****************QK7Z of the IAM user quokka-ci in AWS account "
            "****-****-2290 was found in a public code repository.\n\nRotate the key now.\n\n"
            "Reference: 97310442-305518847716\n\nAWS Security")
    notice = classify("aws-verification@amazon.com", "Your AWS access key is exposed", body, date=MAR_3)
    assert notice.aws_account_id is None


def test_a_traditional_chinese_welcome_from_the_marketing_sender_is_a_welcome() -> None:
    body = ("您好，\n\n歡迎使用 AWS！您的 AWS 帳戶 305518842290 已於 2027 年 3 月 2 日建立完成，"
            "現在可以開始使用 Amazon Quokka。\n\nAmazon Web Services 團隊")
    notice = classify("aws-marketing-email-replies@amazon.com", None, body, date=MAR_3)
    assert notice.notice_type == "onboarding.welcome"


def test_an_english_welcome_naming_its_account_from_the_marketing_sender_is_a_welcome() -> None:
    body = ("Hello,\n\nYour new AWS account 3055-1884-2290 has been created. Start with Amazon Quokka in the "
            "console.\n\nAmazon Web Services")
    notice = classify("aws-marketing-email-replies@amazon.com", None, body, date=MAR_3)
    assert notice.notice_type == "onboarding.welcome"


def test_a_marketing_mail_about_quokka_stays_marketing() -> None:
    # the guard: a service announced, no account created
    body = ("Hello,\n\nAmazon Quokka is now available in two more Regions. Your applications are ready to use it."
            "\n\nAmazon Web Services")
    notice = classify("aws-marketing-email-replies@amazon.com", "New Regions for Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "marketing.newsletter"


def test_an_account_associated_with_this_address_that_was_closed_is_closed() -> None:
    body = ("Hello,\n\nThis confirms that AWS account 305518842290 linked to this e-mail address was closed on March "
            "2, 2027. You can reopen it by contacting AWS Support within 90 days.\n\nAmazon Web Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "account.closed"


def test_a_charge_a_resource_will_carry_from_a_date_is_a_price_change() -> None:
    body = ("We announced last month that Amazon Quokka burrows will carry an hourly charge for each provisioned "
            "burrow, taking effect starting April 1, 2027.\n\nYou can review idle burrows in the console.")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-04-01")


def test_the_day_a_certificate_was_requested_in_chinese_is_no_deadline() -> None:
    body = ("您好：\n\nAWS 账户 3055-1884-2290 于 2027年3月3日 在亚太区域向 ACM 请求以下域名的证书：\n\n"
            "域名：burrow.quokka.example\n\n要批准此请求，请打开以下链接。")
    notice = classify("no-reply@certificates.amazon.com", "burrow.quokka.example 的证书请求", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("verification.acm_approval", None)


def test_the_day_a_certificate_was_requested_in_japanese_is_no_deadline() -> None:
    body = ("AWS アカウント 3055-1884-2290 は 2027年3月3日 に ACM に次のドメインの証明書をリクエストしました。\n\n"
            "ドメイン: burrow.quokka.example\n\n承認するには、以下のリンクを開いてください。")
    notice = classify("no-reply@certificates.amazon.com", "burrow.quokka.example の証明書リクエスト", body, date=MAR_3)
    assert notice.deadline is None


def test_a_chinese_request_asked_before_a_date_keeps_its_deadline() -> None:
    # the guard: a request the reader must make before the date
    body = ("您好：\n\n请在 2027年3月20日 之前向 AWS Support 申请以下 Amazon Quokka 配额，否则您的洞穴将被停止。")
    assert classify(NO_REPLY, "Amazon Quokka 配额", body, date=MAR_3).deadline == "2027-03-20"


def test_thanks_for_signing_up_to_aws_itself_in_chinese_is_a_welcome() -> None:
    body = ("您好：\n\n感谢您注册 AWS！您的账户已于 2027年3月3日 创建完成。\n\n"
            "我们建议您为根用户启用多重身份验证 (MFA)，然后试用 Amazon Quokka。")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "onboarding.welcome"


def test_thanks_for_signing_up_to_aws_itself_in_english_is_a_welcome() -> None:
    body = ("Hello,\n\nThank you for signing up for Amazon Web Services. Your account 3055-1884-2290 can now use "
            "Amazon Quokka and every other service.\n\nAmazon Web Services")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "onboarding.welcome"


def test_thanks_for_signing_up_to_an_aws_event_is_no_welcome() -> None:
    # the guard: an event of AWS, not AWS itself
    body = ("Hello,\n\nThank you for signing up for AWS Quokka Day 2027! Your seat is confirmed.\n\n"
            "Amazon Web Services")
    assert classify(NO_REPLY, "Your Quokka Day registration", body, date=MAR_3).notice_type != "onboarding.welcome"


def test_a_korean_account_whose_services_may_be_paused_is_a_suspension_warning() -> None:
    body = ("안녕하세요.\n\nAWS 계정 3055 1884 2290의 2월 청구서 금액이 아직 남아 있습니다. "
            "2027년 3월 20일까지 결제하지 않으면 계정의 서비스가 일시 중지될 수 있습니다.")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-20")


def test_a_korean_burrow_that_may_be_paused_is_no_suspension_warning() -> None:
    # the guard: the account's resources stop for a maintenance, not the account
    body = ("안녕하세요.\n\n2027년 3월 20일 유지 관리 중에 AWS 계정 3055 1884 2290의 "
            "Amazon Quokka 인스턴스가 중지될 수 있습니다.")
    notice = classify(HEALTH, "Amazon Quokka 유지 관리", body, date=MAR_3)
    assert notice.notice_type != "billing.suspension_warning"


def test_a_service_update_available_by_its_event_code_is_a_maintenance() -> None:
    body = ("Guten Tag,\n\nfür Ihre Amazon Quokka-Knoten ist ein Update verfügbar. Das Wartungsfenster beginnt am "
            "20. März 2027 und endet am 27. März 2027.\n\nEvent type code: AWS_QUOKKA_UPDATE_AVAILABLE")
    notice = classify(HEALTH, "Amazon Quokka [AWS-Konto: 305518842290]", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"


def test_someone_other_than_you_using_the_account_is_a_suspicious_activity() -> None:
    body = ("Hello,\n\nWe noticed activity in your AWS account 305518842290 suggesting that someone other than you "
            "may be using it: 40 Quokka burrows were created overnight.\n\nPlease secure the account by March 10, "
            "2027.")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_traditional_chinese_price_change_named_yidong_is_a_price_change() -> None:
    body = "您好：\n\n自 2027年6月1日起，Amazon Quokka 的洞穴將依小時計費。\n\nAmazon Web Services"
    notice = classify("aws-marketing-email-replies@amazon.com", "Amazon Quokka 定價異動通知", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-06-01")


def test_a_traditional_chinese_address_to_visit_within_hours_is_no_deadline() -> None:
    body = ("您好，\n\nAWS 帳戶 305518842290 已透過 ACM 為下列網域申請憑證：burrow.quokka.example\n\n"
            "如果您同意核發此憑證，請在 72 小時內前往下列網址核准：\nhttps://x.example/approvals?code=1")
    notice = classify("no-reply@certificates.amazon.com", "憑證請求：burrow.quokka.example", body, date=MAR_3)
    assert notice.deadline is None


def test_an_instance_type_that_retires_by_its_event_code_is_no_instance_retirement() -> None:
    body = ("Hello,\n\nThe Quokka Q1 instance type retires on August 31, 2027. Move to Q3 before then.\n\n"
            "Event type code: AWS_EC2_INSTANCE_TYPE_RETIREMENT_SCHEDULED")
    notice = classify(HEALTH, "Amazon EC2 Q1 [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.notice_type != "health.instance_retirement"


def test_an_instance_retirement_by_its_event_code_stays_a_retirement() -> None:
    # the guard: an instance, not its type
    body = ("Hello,\n\nInstance i-07d2c4a91be35f608 will be retired on April 6, 2027.\n\n"
            "Event type code: AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED")
    notice = classify(HEALTH, "Amazon EC2 [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.notice_type == "health.instance_retirement"


def test_a_key_that_can_be_read_publicly_is_an_exposed_key() -> None:
    body = ("Dear AWS Customer,\n\nAn AWS Access Key of account (****-****-2290), together with its Secret Key, "
            "can be read publicly on the internet at https://git.example.com/quokka/.env\n\nRotate the key.\n\n"
            "Account reference: 305518842290")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert notice.notice_type == "security.exposed_credentials"


def test_an_acm_approval_forwarded_by_a_colleague_is_the_approval() -> None:
    body = ("Can someone approve this?\n\n---------- Forwarded message ---------\nFrom: Amazon Certificate Manager "
            "<no-reply@certificates.amazon.com>\nSubject: Certificate request for burrow.quokka.example\n\n"
            "AWS account ID: 3055-1884-2290\n\nTo approve this request, open the link below:\n"
            "https://eu-west-3.certificates.amazon.com/approvals?code=1f2e&context=9a8b")
    notice = classify("colleague@quokka.example", "Fwd: Certificate request for burrow.quokka.example", body,
                      date=MAR_3)
    assert notice.notice_type == "verification.acm_approval"


def test_an_attempt_made_on_the_day_of_the_mail_is_a_fact() -> None:
    body = ("Dear customer,\n\nOur attempt on March 3, 2027 to charge the card ending in 4417 for your Amazon Quokka "
            "invoice failed. We will try again.")
    notice = classify(NO_REPLY, "Your AWS payment was declined", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("billing.payment_failed", None)


def test_another_attempt_to_come_keeps_its_date() -> None:
    # the guard: an attempt to come
    body = ("Dear customer,\n\nYour payment for Amazon Quokka was declined. We will make another attempt on March 9, "
            "2027; please update your card before then.")
    notice = classify(NO_REPLY, "Your AWS payment was declined", body, date=MAR_3)
    assert notice.deadline == "2027-03-09"
