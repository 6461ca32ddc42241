"""Session 55, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round
143's main misses (measured only in session 54): a suspension of the account said as what will happen ("suspenderemos
la cuenta"), or tied to its own date ("D までにお支払いが確認できない場合、アカウントを一時停止…"), is a suspension
warning even where the balance is past due; a price change without a subject from a marketing sender, in Chinese,
Japanese and Korean, and an English one said as a rate that goes down from a date or a way of pricing simplified, is
a policy change, not a newsletter; a price that stays the same or goes down starts no cost; a change of the sender
address of a kind of AWS mail is a policy change, and "お客様側での設定変更は必要ありません" asks nothing by its date;
the full account named after a masked one ("account completo: N") is the account. Round 144: a French price change
named by an adjective ("Modification tarifaire"), a price billed in place of the old one (not what a thing "will
cost": a newsletter's offer), a French change AWS informs the reader of, no action to take; a Japanese key found
somewhere on a day. Round 145: a Korean case's new correspondence ("새 서신"), a certificate rotation said in the
present from a date, a Chinese window that ends on a date (no period to act in)."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
MARKETING = "aws-marketing-email-replies@amazon.com"


# a suspension said as what will happen, or tied to its own date

def test_a_spanish_suspension_we_will_make_is_a_warning_beside_a_past_due_balance() -> None:
    body = ("Hola:\n\nLa cuenta 305518842290 tiene un saldo vencido de 88,10 USD por Amazon Quokka.\n\n"
            "Si el pago no llega antes del 20 de marzo de 2027, suspenderemos la cuenta y sus recursos.\n\n"
            "Amazon Web Services")
    notice = classify("aws-receivables-support@email.amazon.com", "Aviso sobre su cuenta de AWS", body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"


def test_a_japanese_suspension_tied_to_its_own_date_is_a_warning() -> None:
    body = ("お客様\n\nAmazon Quokka のご利用料金のお支払いを確認できておりません。\n\n"
            "2027年3月20日（土）までにご入金が確認できない場合、アカウントを一時停止させていただくことがあります。"
            "\n\nAmazon Web Services")
    notice = classify("aws-receivables-support@email.amazon.com", "AWS アカウントのお支払いについて", body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"
    assert str(notice.deadline) == "2027-03-20"


def test_a_japanese_ask_to_pay_by_a_date_then_a_possible_suspension_stays_a_failed_payment() -> None:
    # the guard: the date is the ask to pay's; the suspension, in the next sentence, follows "期日までに"
    body = ("お客様\n\nAmazon Quokka のご利用料金の請求が処理できませんでした。\n\n"
            "2027年3月20日までにお支払いください。期日までにお支払いが確認できない場合、アカウントが停止されることが"
            "あります。\n\nAmazon Web Services")
    notice = classify("aws-receivables-support@email.amazon.com", "AWS のお支払いが確認できません", body, date=MAR_3)
    assert notice.notice_type == "billing.payment_failed"


def test_an_italian_may_be_suspended_after_an_ask_to_pay_stays_a_failed_payment() -> None:
    # the guard: "potrebbe essere sospeso" (may), in its own sentence after the ask
    body = ("Salve,\n\nnon siamo riusciti ad addebitare la fattura Quokka dell'account 305518842290.\n\n"
            "Paga entro il 20 marzo 2027. In caso contrario l'account potrebbe essere sospeso.\n\nAmazon Web Services")
    notice = classify("aws-receivables-support@email.amazon.com", "Pagamento AWS non riuscito", body, date=MAR_3)
    assert notice.notice_type == "billing.payment_failed"


# a price change without a subject, from a marketing sender

def test_a_chinese_price_adjustment_from_a_marketing_sender_is_a_policy_change() -> None:
    body = ("您好：\n\n我們宣布調整 Amazon Quokka 備份的儲存價格。\n\n"
            "自 2027 年 6 月 1 日起，備份的儲存費用將由每 GB 每月 0.02 美元調整為每 GB 每月 0.03 美元。\n")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert str(notice.deadline) == "2027-06-01"


def test_a_japanese_price_change_from_a_date_from_a_marketing_sender_is_a_policy_change() -> None:
    body = ("お客様\n\n2027年6月1日から、Amazon Quokka のバックアップの料金は 1 GB あたり 0.02 USD から 0.03 USD に"
            "変更されます。\n")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"


def test_an_english_rate_that_goes_down_from_a_date_is_a_policy_change_without_a_deadline() -> None:
    body = ("Hello,\n\nStarting June 1, 2027, the per-GB rate for Amazon Quokka backups goes down in every Region.\n\n"
            "Amazon Web Services")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


def test_a_pricing_simplified_whose_charge_stays_the_same_or_goes_down_starts_no_cost() -> None:
    body = ("Hello,\n\nWe are simplifying the way Amazon Quokka is priced. From the billing period starting June 1, "
            "2027, the fee per backup vault is replaced by a fee per protected account. Most customers will see "
            "their charges stay the same or go down.\n\nAmazon Web Services")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


def test_a_marketing_invitation_with_a_date_stays_a_newsletter() -> None:
    # the guard: an event from a date, with a price for its seats, changes no price
    body = ("您好：\n\n誠摯邀請您參加 Amazon Quokka 線上研討會。\n\n自 2027 年 6 月 1 日起開放報名，名額有限，"
            "早鳥票價每人 20 美元。\n")
    notice = classify(MARKETING, "立即報名 Amazon Quokka 線上研討會", body, date=MAR_3)
    assert notice.notice_type == "marketing.newsletter"


# a change of the sender address of AWS mail

def test_a_japanese_sender_address_change_from_a_marketing_sender_is_a_policy_change_without_a_deadline() -> None:
    body = ("お客様\n\n2027年6月1日以降、Amazon Quokka の請求に関するメールは quokka-billing@aws.example から"
            "届きます。お客様側での設定変更は必要ありません。\n")
    notice = classify(MARKETING, "【お知らせ】Quokka 請求メールの送信元アドレス変更について", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


# the full account named after a masked one

def test_an_italian_full_account_after_a_masked_one_is_the_account() -> None:
    text = ("Salve,\n\nabbiamo ricevuto una segnalazione su risorse Quokka del tuo account.\n\n"
            "ID AWS: 30551884****   (account completo: 305518842290)\n")
    assert extract_identifiers("Segnalazione di abuso AWS", text).aws_account_id == "305518842290"


def test_an_english_full_account_after_a_masked_one_is_the_account() -> None:
    text = "Hello,\n\nAccount: 3055188*****  (full account: 305518842290)\n\nAmazon Quokka\n"
    assert extract_identifiers("AWS Abuse Report", text).aws_account_id == "305518842290"


# round 144 (its main folders): a French price change named by an adjective, a French change we inform the reader of,
# a Japanese key found somewhere on a day

def test_a_french_subject_naming_a_tariff_change_from_a_marketing_sender_is_a_policy_change() -> None:
    body = ("Bonjour,\n\nÀ compter du 1er juin 2027, les sauvegardes Amazon Quokka seront facturées 0,03 USD par Go "
            "au lieu de 0,02 USD.\n\nAmazon Web Services")
    notice = classify(MARKETING, "Modification tarifaire d'Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert str(notice.deadline) == "2027-06-01"


def test_an_italian_price_said_instead_of_the_old_one_without_a_subject_is_a_policy_change() -> None:
    body = ("Salve,\n\ndal 1° giugno 2027 i backup di Amazon Quokka saranno addebitati 0,03 USD per GB invece di "
            "0,02 USD.\n\nAmazon Web Services")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"


def test_a_french_newsletters_offer_of_a_lower_price_stays_a_newsletter() -> None:
    # the guard: what a seat "will cost" instead of its usual price is an offer, not a price AWS bills from a date
    body = ("Bonjour,\n\nRejoignez-nous au Quokka Summit Paris. Jusqu'au 1er juin 2027, l'inscription à l'atelier "
            "coûtera 99 € au lieu de 199 €.\n\nAmazon Web Services")
    notice = classify(MARKETING, "", body, date=MAR_3)
    assert notice.notice_type == "marketing.newsletter"


@pytest.mark.parametrize(("subject", "body"), [
    ("Register for Quokka Summit", "Hello,\n\nStarting April 1, 2027, the registration fee for Quokka Summit goes up "
                                   "to $2,099. Register now.\n"),
    ("", "您好：\n\n自 2027 年 4 月 1 日起，Quokka 高峰會的報名費用將由 99 美元調整為 199 美元。立即報名！\n"),
    ("Quokka Summit", "Bonjour,\n\nÀ compter du 1er avril 2027, l'inscription sera facturée 199 € au lieu de 99 €.\n"),
    ("Price change for Quokka Summit tickets", "Hello,\n\nTickets cost more from April 1, 2027.\n"),
])
def test_a_marketing_mail_about_an_events_price_stays_a_newsletter(subject: str, body: str) -> None:
    # the guard: a summit's registration fee or tickets are a newsletter's offer, not a change to what AWS bills
    assert classify(MARKETING, subject, body, date=MAR_3).notice_type == "marketing.newsletter"


def test_a_french_change_we_inform_the_reader_of_without_action_is_a_policy_change_without_a_deadline() -> None:
    body = ("Bonjour,\n\nNous vous informons d'une modification des modèles d'Amazon Quokka.\n\nÀ compter du 1er "
            "avril 2027, le modèle « Quokka standard » sera remplacé par sa version 2027.2.\n\nVous n'avez aucune "
            "action à entreprendre.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "Modification des modèles d'Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


def test_a_japanese_key_found_somewhere_on_a_day_has_no_deadline_that_day() -> None:
    body = ("お客様\n\nAWS アカウント 305518842290 のアクセスキー AKIA****************QK7Q が、\n2027年3月3日 に公開 "
            "Quokka リポジトリ上で見つかりました。\n\n直ちにキーを削除してください。\n\nAmazon Web Services")
    subject = "[要対応] AWS アカウント 305518842290 のアクセスキーが公開されています"
    notice = classify("no-reply-aws@amazon.com", subject, body, date=MAR_3)
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.deadline is None


def test_a_japanese_key_to_delete_by_a_day_keeps_that_deadline() -> None:
    # the guard: the date is what the reader is asked to act by
    body = ("お客様\n\nAWS アカウント 305518842290 のアクセスキー AKIA****************QK7Q が公開リポジトリで見つかり"
            "ました。\n\n2027年3月10日までに公開 Quokka リポジトリでキーを削除してください。\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "[要対応] アクセスキーが公開されています", body, date=MAR_3)
    assert str(notice.deadline) == "2027-03-10"


# round 145 (its main folders): a Korean case's new correspondence, a certificate rotation said in the present, a
# Chinese window that ends on a date

def test_a_korean_new_correspondence_on_a_case_is_a_case_correspondence() -> None:
    body = "케이스 178034561209931에 새 서신이 추가되었습니다.\nhttps://console.aws.amazon.com/support/home#/case/?displayId=178034561209931\n"
    notice = classify("no-reply-aws@amazon.com", "[케이스 178034561209931] 새 서신이 추가되었습니다", body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"


def test_an_english_rotation_said_in_the_present_from_a_date_is_its_deadline() -> None:
    body = ("Hello,\n\nAmazon Quokka will rotate the TLS server certificates of its endpoints in the Europe (Ireland) "
            "Region.\n\nStarting 2027-05-12, 00:00 UTC, the endpoints present the new certificates. Clients that pin "
            "the old intermediate certificate will fail the TLS handshake.\n\nAmazon Web Services")
    notice = classify("health@aws.com", "[AWS Health] Amazon Quokka certificate rotation", body, date=MAR_3)
    assert notice.notice_type == "health.certificate_rotation"
    assert str(notice.deadline) == "2027-05-12"


def test_a_chinese_rate_over_a_window_that_ends_on_a_date_is_no_deadline() -> None:
    body = ("您好，\n\n您的 AWS 账户 305518842290 通过 Amazon SES 发送的 Quokka 邮件投诉率较高。\n"
            "在截至 2027年3月1日 的 7 天内，投诉率为 0.41%。\n\n因此，您的账户已进入审查状态。\n")
    notice = classify("no-reply-aws@amazon.com", "Amazon SES 账户审查通知", body, date=MAR_3)
    assert notice.notice_type == "ses.sending_review"
    assert notice.deadline is None


def test_a_chinese_period_to_reply_in_stays_a_deadline() -> None:
    # the guard: "请在 7 天内" asks the reader to act within the period
    body = ("您好，\n\n您的 AWS 账户 305518842290 通过 Amazon SES 发送的 Quokka 邮件投诉率较高。\n"
            "因此，您的账户已进入审查状态。请在 7 天内回复并说明您的改进措施。\n")
    notice = classify("no-reply-aws@amazon.com", "Amazon SES 账户审查通知", body, date=MAR_3)
    assert str(notice.deadline) == "2027-03-10"
