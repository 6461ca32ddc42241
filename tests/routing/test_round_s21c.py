"""Session 21's third round, in our own words (none of these sentences is in a fixture): a welcome whose account is
ready (ja, ko, zh) and a welcome from the sign-up sender that carries no code; a DKIM set-up completed in Traditional
Chinese; a payment method that could not be verified (zh); the date cost starts, also where no action is needed; a due
date as a field aligned with spaces; the same date asked by elsewhere in the mail; a marketing mail's register-by date;
distributions AWS will move, whose viewers then fail to connect."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0900"


def test_a_welcome_whose_account_is_ready() -> None:
    bodies = [
        "AWS をご利用いただきありがとうございます。\nAWS アカウントの準備が整いました。\n"
        "AWS 無料利用枠もご確認ください。\n",
        "AWS를 선택해 주셔서 감사합니다.\nAWS 계정이 준비되었습니다.\nAWS 프리 티어도 확인해 보십시오.\n",
        "感谢您选择 AWS。\n您的 AWS 账户已准备就绪。\n欢迎了解 AWS 免费套餐。\n",
    ]
    for body in bodies:
        assert classify(GENERAL, None, body, date=SENT).notice_type == "onboarding.welcome", body


def test_a_welcome_from_the_sign_up_sender_without_a_code() -> None:
    body = "Welcome to Amazon Web Services\n\nYour AWS account 550318204476 is ready. Sign in to the console.\n"
    assert classify("no-reply@signup.aws", None, body, date=SENT).notice_type == "onboarding.welcome"
    body = "Welcome to Amazon Web Services\n\nYour verification code is 482 913. It expires in 10 minutes.\n"
    assert classify("no-reply@signup.aws", None, body, date=SENT).notice_type == "credentials.signup_verification"


def test_a_dkim_set_up_completed_in_traditional_chinese() -> None:
    body = "您好：\n\nAmazon SES 已在亞太區域 (東京) 完成網域 kumo-shop.example 的 DKIM 設定。\n"
    assert classify(GENERAL, "Amazon SES DKIM 設定", body, date=SENT).notice_type == "ses.identity_verified"


def test_a_payment_method_that_could_not_be_verified_in_chinese() -> None:
    body = "您好：\n\n我们无法验证您 AWS 账户的默认付款方式。为避免付款失败，请于 2027 年 2 月 20 日前重新验证。\n"
    notice = classify(GENERAL, "Amazon Web Services 账户提醒", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.payment_method_unverified", "2027-02-20")


def test_the_date_cost_starts_also_where_no_action_is_needed() -> None:
    body = ("Hello,\n\nStarting March 15, 2027, the monthly fee for Amazon WorkSpaces Pools will be charged per user "
            "instead of per hour.\n\nNo action is needed to keep your pools running.\n")
    notice = classify(GENERAL, "Important notice about Amazon WorkSpaces Pools pricing", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-03-15")


def test_a_due_date_as_a_field_aligned_with_spaces() -> None:
    text = ("Subject\nGreetings,\n\nInvoice date          08 Feb 2027\nAmount                USD 310.25\nPayment due"
            "           10 Mar 2027\n\nPlease pay the amount no later than the payment due date.\n")
    assert find_deadline(text, date(2027, 2, 8), "billing.invoice") == "2027-03-10"


def test_the_same_date_asked_by_elsewhere_in_the_mail() -> None:
    body = ("Bonjour,\n\nÀ compter du 1er avril 2027, nous facturerons la TVA française sur ce compte. Veuillez "
            "enregistrer un numéro de TVA valide avant le 1er avril 2027 dans les paramètres fiscaux.\n")
    notice = classify("aws-billing@amazon.com", "Votre numéro de TVA n'a pas pu être validé", body, date=SENT)
    assert notice.deadline == "2027-04-01"


def test_a_marketing_mails_register_by_date_is_no_deadline() -> None:
    body = "Hello,\n\nThe AWS Summit Madrid is back on 3 June 2027. Register by 20 May 2027 to secure your seat.\n"
    notice = classify("aws-marketing-email-replies@amazon.com", "Join us at the AWS Summit Madrid", body, date=SENT)
    assert notice.notice_type.startswith("marketing.") and notice.deadline is None


def test_distributions_aws_will_move_whose_viewers_then_fail() -> None:
    text = ("Hello,\n\nSome of your load balancers still accept TLS 1.0.\n\nStarting June 7, 2027, we will move every "
            "listener that still uses ELBSecurityPolicy-2016-08 to ELBSecurityPolicy-TLS13-1-2-2021-06. From then on, "
            "clients that cannot negotiate TLS 1.2 will fail to connect.\n")
    assert find_deadline(text, date(2027, 2, 8), "health.other") == "2027-06-07"
