"""Session 48, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
A date moved "to a later date" and the dates of an earlier notice a correction quotes (in English and Chinese) are
replaced; a date only recommended gives way to the one the mail requires; an update AWS will install from a date, a
version that "leaves support", what AWS will move from a date and an act asked "no later than that day" are dated; a
Chinese date followed by a past verb ("更新了") or by what was sent then is a fact; an invoice issued or ready for
its month is an invoice; a key readable by anyone, or found in a public gist, is an exposed key; a Spanish account
"se cerró", a Korean welcome to AWS itself without a subject, a Chinese suspension "即將" come and a Support reply
forwarded without a subject keep their types; an account invited to join an organization is an invitation; a
Portuguese "extrato da sua conta" is a statement and a Chinese free-tier alert that names the Billing console is no
statement; a budget's owner account is the account; credits added "已将 … 添加到" are credits applied. A maintenance
is dated from its window's start; activity suspected of unauthorized access (ja, zh) is a suspicious activity; a
Chinese fee charged from a date is a price change. A maintenance the reader can move to "another daily window" or
leave ("Wenn Sie nichts tun") is dated; an act-by date before the window's start keeps its place; a Traditional
Chinese account closed "已於 D … 關閉" is closed; a masked management account is not the reader's, unless named as
theirs. A date in a bracketed banner is beside the notice; a Traditional Chinese case received with its date is
opened (not a reply on it); a Chinese account AWS suspended on a date is suspended; the account whose organization a
subject names is not the reader's; an invoice named by its number is an invoice; a Traditional Chinese code to
change the root address is an e-mail change code (not the change made). The day new reservations can no longer be
bought (pt "comprar novas") is a first step beside the retirement; a reply added to a Support case without a subject
is the reply; a Korean account suspended "부로" with its id between states a fact."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
FEB_20 = format_datetime(datetime.fromisoformat("2027-02-20T09:00:00+00:00"))
JAN_14 = format_datetime(datetime.fromisoformat("2027-01-14T18:00:00+00:00"))


def test_a_date_moved_to_a_later_date_is_replaced_by_the_new_one() -> None:
    body = ("Hello,\n\nWe have an update on the Quokka burrow below. Its retirement moves from April 2, 2027 to a "
            "later date.\n\n  Burrow ID:   qb-0a1b2c3d\n  Retire after:   April 16, 2027 00:00 UTC\n\n"
            "Stop and start the burrow before the new date.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[Update] Amazon Quokka burrow retirement [AWS Account: 305518842290]", body,
                      date=FEB_20)
    assert notice.deadline == "2027-04-16"


def test_the_dates_of_an_earlier_notice_a_correction_quotes_are_replaced() -> None:
    body = ("Hello,\n\nThis notice changes the one we sent on February 1, 2027.\n\n  Burrow ID:   qb-0a1b2c3d\n"
            "  New retirement:   after April 16, 2027 00:00 UTC\n\nStop and start the burrow before then.\n\n"
            "-----Original notice (February 1, 2027)-----\nRetirement of burrow qb-0a1b2c3d is scheduled for April 2, "
            "2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[Update] Amazon Quokka burrow retirement [AWS Account: 305518842290]", body,
                      date=FEB_20)
    assert notice.deadline == "2027-04-16"


def test_a_reminder_that_quotes_its_earlier_notice_keeps_its_date() -> None:
    # the guard: a reminder changes nothing in the notice it quotes
    body = ("Hello,\n\nThis is a reminder of the notice below; the burrow is still in use.\n\n"
            "-------- Original notice of February 1, 2027 --------\n> The Quokka burrow qb-0a1b2c3d is scheduled for "
            "retirement on April 2, 2027. Move your data before then.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Reminder: Amazon Quokka burrow retirement [AWS Account: 305518842290]", body,
                      date=MAR_3)
    assert notice.deadline == "2027-04-02"


def test_a_chinese_correction_that_quotes_its_earlier_notice_is_dated_from_its_new_date() -> None:
    body = ("您好：\n\n此訊息更新我們於 2027年2月1日 寄給您的通知。\n\n"
            "先前通知中，Amazon Quokka 外掛程式 2.x 的支援結束日期為 2027年5月31日。"
            "該日期已延後至 2027年8月31日。\n\n請在 2027年8月31日 之前升級至 3.x。\n\n"
            "----- 先前的通知 (2027年2月1日) -----\nAmazon Quokka 外掛程式 2.x 將於 2027年5月31日 停止支援。\n-----\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "[更新] Amazon Quokka 外掛程式 2.x 支援結束日期延後 [AWS 帳戶: 305518842290]", body,
                      date=MAR_3)
    assert notice.deadline == "2027-08-31"


@pytest.mark.parametrize("body", [
    "Hello,\n\nWe recommend that you finish testing before April 1, 2027, and you must move your burrows to the "
    "quokka-ca-2027 authority before May 20, 2027.\n\nAmazon Web Services",
    "您好：\n\n我們建議您在 2027/04/01 前完成測試，"
    "並務必於 2027/05/20 之前將 Quokka 執行個體更新為 quokka-ca-2027。\n\nAmazon Web Services",
], ids=["en", "zh-tw"])
def test_a_date_only_recommended_gives_way_to_the_one_required(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka certificate authority rotation [AWS Account: 305518842290]", body,
                      date=MAR_3)
    assert notice.deadline == "2027-05-20"


def test_a_date_recommended_alone_stays_the_deadline() -> None:
    # the guard: no required act after it
    body = ("Hello,\n\nWe recommend that you move your burrows to the quokka-ca-2027 authority before April 1, 2027. "
            "The rotation starts on May 20, 2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka certificate authority rotation [AWS Account: 305518842290]", body,
                      date=MAR_3)
    assert notice.deadline == "2027-04-01"


@pytest.mark.parametrize("sentence", [
    "Starting April 12, 2027, Amazon Quokka will install engine software Q2027-04 on burrows that have not taken it.",
    "Starting April 12, 2027, AWS will move the burrows of account 305518842290 to the new Quokka engine version.",
], ids=["install", "aws-will-move"])
def test_what_aws_will_do_to_the_readers_resources_from_a_date_is_dated(sentence: str) -> None:
    body = (f"Hello,\n\n{sentence} You can do it yourself from the console at any time if you prefer.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka engine update [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-12"


def test_a_version_that_leaves_support_on_a_date_is_dated() -> None:
    body = ("Hello,\n\nQuokka engine 3.1 leaves support on Friday, April 30, 2027. Burrows still on 3.1 afterwards are "
            "upgraded during a window we choose.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka engine 3.1 end of support [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-30"


def test_an_act_asked_no_later_than_that_day_dates_the_day_before_it() -> None:
    body = ("Hello,\n\nQuokka engine 3.1 is offered until April 30, 2027. Please move your burrows to 3.2 no later "
            "than that day.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka engine 3.1 [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-30"


def test_a_chinese_date_followed_by_a_past_verb_is_a_fact() -> None:
    body = ("您好：\n\n帳戶 305518842290 的擁有者於 2027年3月3日 更新了網域 quokka-example.tw 的聯絡人資訊。"
            "依照 ICANN 規定，請按下方連結確認這個電子郵件地址：\n\n"
            "https://registrar.amazon.com/email-verification?token=QuokkaTokenQuokkaToken1234\n\n"
            "請於 2027年3月17日（星期三）之前完成確認。逾期未確認，網域將被停用。\n\nAmazon Route 53")
    notice = classify("noreply@registrar.amazon.com", "請確認網域 quokka-example.tw 的聯絡人電子郵件地址", body,
                      date=MAR_3)
    assert notice.deadline == "2027-03-17"


def test_a_japanese_end_right_after_a_date_is_no_past() -> None:
    # the guard: "終了" ends in 了 but is no Chinese past
    body = ("お客様各位\n\nAmazon Quokka の提供を終了いたします。\n\n"
            "　提供終了日時　：2027年4月30日 0:00 (日本標準時)\n\n"
            "提供終了日時以降、既存のバロウはすべて停止されます。提供終了日時より前にデータをエクスポートしてください。")
    notice = classify(HEALTH, "Amazon Quokka の提供終了について [AWS アカウント: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-30"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS invoice for February 2027 is ready", "Hello,\n\nYour invoice for account 305518842290 is attached.\n\n"
     "Amount: USD 212.40\n\nIt will be charged to the card on file."),
    ("Amazon Web Services billing", "Hello,\n\nAn invoice has been issued for account 305518842290.\n\n"
     "Amount: USD 212.40"),
], ids=["ready-for-month", "issued"])
def test_an_invoice_issued_or_ready_for_its_month_is_an_invoice(subject: str, body: str) -> None:
    assert classify("invoicing@aws.com", subject, body, date=MAR_3).notice_type == "billing.invoice"


@pytest.mark.parametrize("sentence", [
    "has an AWS access key together with its secret key that can be read by anyone online at "
    "https://gist.github.com/someone/0a1b2c",
    "has an AWS access key (access key id ****QKKA)\nthat was found in a public Quokka gist on March 2, 2027",
], ids=["readable-by-anyone", "found-in-a-public-gist"])
def test_a_key_readable_by_anyone_is_an_exposed_key_though_the_subject_says_compromised(sentence: str) -> None:
    body = f"Dear AWS customer,\n\nYour AWS account ****-****-2290 {sentence}.\n\nPlease rotate the key."
    notice = classify(NO_REPLY, "Your AWS account 305518842290 may be compromised", body, date=MAR_3)
    assert notice.notice_type == "security.exposed_credentials"


def test_a_key_that_may_be_compromised_without_a_public_place_stays_a_suspicious_activity() -> None:
    # the guard: no public place named
    body = ("Dear AWS customer,\n\nWe saw calls with your access key ****QKKA from networks you have not used "
            "before. Please review the activity in your account.")
    notice = classify(NO_REPLY, "Your AWS account 305518842290 may be compromised", body, date=MAR_3)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_spanish_account_that_se_cerro_is_closed() -> None:
    body = ("Hola:\n\nConfirmamos que el 2 de marzo de 2027 se cerró su cuenta de AWS 305518842290.\n\nDurante los "
            "90 días siguientes puede ponerse en contacto con AWS Support.")
    assert classify(NO_REPLY, "Se ha cerrado su cuenta de AWS", body, date=MAR_3).notice_type == "account.closed"


@pytest.mark.parametrize(("body", "kind"), [
    ("안녕하세요.\n\nAmazon Web Services에 가입해 주셔서 감사합니다. 계정 ID 3055-1884-2290 가 활성화되었습니다.",
     "onboarding.welcome"),
    ("안녕하세요.\n\nAmazon Quokka에 가입해 주셔서 감사합니다. 이제 첫 번째 버로우를 만들 수 있습니다.",
     "onboarding.service_setup"),
], ids=["aws-itself", "a-service"])
def test_a_korean_thanks_for_signing_up_to_aws_itself_is_a_welcome(body: str, kind: str) -> None:
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == kind


@pytest.mark.parametrize(("subject", "body"), [
    ("[需要採取動作] 您的 AWS 帳戶 3055 1884 2290 即將遭停用",
     "您好：\n\n您的發票 2279100042 仍未付清。請在 2027年3月20日之前完成付款。"),
    ("您的 AWS 發票仍未付清",
     "您好：\n\n您 AWS 帳戶 305518842290 的發票 2279100042 仍未付清。"
     "請在 2027年3月20日之前完成付款，以免帳戶遭到停用。"),
], ids=["subject", "body"])
def test_a_chinese_unpaid_invoice_with_the_suspension_to_come_is_a_warning(subject: str, body: str) -> None:
    notice = classify("aws-receivables-support@email.amazon.com", subject, body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"


def test_a_support_reply_forwarded_without_a_subject_is_the_reply() -> None:
    body = ("FYI\n\n---------- Forwarded message ---------\nFrom: Amazon Web Services <no-reply-aws@amazon.com>\n\n"
            "Hello,\n\nA new reply was added to your support case 178800042290 for account 305518842290.\n\n"
            "To see or reply to the case, open the AWS Support Center.")
    notice = classify("lead@quokka.example.com", None, body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"


def test_an_account_invited_to_join_an_organization_is_an_invitation_with_its_expiry() -> None:
    body = ("Hello,\n\nThe management account 418820117364 invited your AWS account 305518842290 to join its "
            "organization o-quokka1234.\n\nThe invitation expires if it is not answered within 15 days.")
    notice = classify("no-reply@signin.aws", "Your AWS account has been invited to join an organization", body,
                      date=MAR_3)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-03-18"


def test_a_portuguese_statement_of_the_account_is_a_statement() -> None:
    body = ("Olá,\n\nO extrato da sua conta da AWS 305518842290 referente a fevereiro de 2027 já está disponível.\n\n"
            "Total: R$ 212,40")
    notice = classify("invoicing@aws.com", "Seu extrato da Amazon Web Services", body, date=MAR_3)
    assert notice.notice_type == "billing.statement"


def test_a_chinese_free_tier_alert_that_names_the_billing_console_is_no_statement() -> None:
    body = ("您好，\n\n您的 AWS 账户 305518842290 本月的以下免费套餐用量已达到 85%：Amazon Quokka 4.25 GB-月。\n\n"
            "超出免费额度的部分将按标准费率收费。您可以在“账单和成本管理”控制台查看详情。")
    notice = classify(NO_REPLY, "AWS 免费套餐使用量提醒", body, date=MAR_3)
    assert notice.notice_type == "cost.free_tier_alert"


@pytest.mark.parametrize("rows", [
    "Budget owner account (management account): 305518842290\nLinked accounts in the filter: 418820117364",
    "예산 소유 계정 (관리 계정) 305518842290\n\n필터 대상 연결 계정 418820117364",
], ids=["en", "ko"])
def test_a_budgets_owner_account_is_the_account(rows: str) -> None:
    body = f"Hello,\n\nThe actual cost of budget quokka-monthly exceeded its alert threshold (100%).\n\n{rows}\n"
    notice = classify("budgets@costalerts.amazonaws.com", "AWS Budgets: quokka-monthly has exceeded your alert "
                      "threshold", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_chinese_credits_added_with_the_object_first_are_credits_applied() -> None:
    body = ("您好：\n\n我们已将 AWS 促销积分添加到您的 AWS 账户 305518842290。\n\n"
            "  积分金额：USD 500.00\n  到期日期：2027年12月31日\n"
            "  适用范围：大多数 AWS 服务（不含预留实例预付费用）\n\n积分会自动抵扣符合条件的使用费用。")
    assert classify(NO_REPLY, "您的 AWS 促销积分已添加到账户", body, date=MAR_3).notice_type == "billing.other"


def test_a_maintenance_is_dated_from_its_windows_start_not_from_when_the_reader_may_apply_it_first() -> None:
    body = ("Hello,\n\nAmazon Quokka has a required update for the burrows of account 305518842290.\n\nThe update is "
            "applied automatically in the maintenance window that starts on April 12, 2027 at 14:00 UTC. You may "
            "apply it yourself before that start; a self-applied update can be scheduled from March 29, 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-12"


@pytest.mark.parametrize("body", [
    "お客様\n\nAWS アカウント 305518842290 で、不正アクセスの疑いがあるアクティビティを検出しました。\n\n"
    "  ・見覚えのないインスタンスが起動されました\n  ・IAM ユーザー quokka-ci に新しいアクセスキーが作成されました\n\n"
    "5日以内にルートユーザーのパスワードを変更し、サポートケースでご報告ください。",
    "您好：\n\n我们在 AWS 账户 305518842290 中检测到疑似未经授权访问的活动。\n\n请在 5 天内更改根用户密码。",
], ids=["ja", "zh"])
def test_activity_suspected_of_unauthorized_access_is_a_suspicious_activity_without_a_subject(body: str) -> None:
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "security.suspicious_activity"


def test_a_chinese_fee_charged_from_a_date_is_a_price_change() -> None:
    body = ("您好：\n\n自 2027年7月1日 起，将对超过 30 天未使用的 Amazon Quokka 巢穴收取费用。\n\n"
            "您可以在 AWS 成本和使用情况报告中查看相关用量。")
    notice = classify(NO_REPLY, "即将推出：Amazon Quokka 巢穴的费用变更", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"


def test_a_chinese_charge_to_the_readers_card_is_no_price_change() -> None:
    # the guard: what AWS will charge the reader's card, on a date, is billing mail
    body = ("您好：\n\n我们将于 2027年3月5日 向您尾号 4417 的信用卡收取账单金额 USD 212.40 的费用。\n\n"
            "账户：305518842290")
    assert classify("invoicing@aws.com", "AWS 账单", body, date=MAR_3).notice_type.startswith("billing.")


def test_an_act_by_date_before_the_window_start_keeps_its_place() -> None:
    # the guard of the maintenance's expected start: a date the reader may act by before it stays the deadline
    body = ("Hello,\n\nA required patch is available for your Amazon Quokka burrows. The window starts Tuesday, "
            "April 13, 2027 04:00 UTC. You may apply the patch yourself no later than Monday, April 12, 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance [AWS Account: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-12"


@pytest.mark.parametrize("sentence", [
    "Bis zum Beginn können Sie die Wartung auf ein anderes tägliches Wartungsfenster verlegen.",
    "Wenn Sie nichts tun, findet die Wartung wie geplant statt.",
], ids=["another-weekly-window", "if-you-do-nothing"])
def test_a_german_maintenance_the_reader_can_move_or_leave_is_dated(sentence: str) -> None:
    body = ("Hallo,\n\nfür Ihre Amazon Quokka-Baue im AWS-Konto 305518842290 ist eine Wartung im Zeitraum vom "
            f"14.04.2027 06:00 UTC bis 14.04.2027 08:00 UTC geplant.\n\n{sentence}\n\nMit freundlichen Grüßen")
    notice = classify(HEALTH, "Geplante Wartung für Amazon Quokka [AWS-Konto: 305518842290]", body, date=MAR_3)
    assert notice.deadline == "2027-04-14"


def test_a_traditional_chinese_account_closed_with_its_date_between_is_closed() -> None:
    body = ("您好：\n\n您的 AWS 帳戶 305518842290 已於 2027年3月2日 依您的要求關閉。\n\n"
            "關閉前產生但尚未開立帳單的費用，仍會在下一期帳單中收取。")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "account.closed"


def test_a_masked_management_account_is_not_the_readers() -> None:
    body = ("Hello,\n\nThe management account ********7364 (quokka-payer@example.com) has invited your AWS account\n"
            "305518842290 to join its organization o-quokka1234.\n\nFull management account ID for your records: "
            "418820117364")
    notice = classify(NO_REPLY, "You have been invited to join an AWS organization", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_your_masked_management_account_is_the_readers() -> None:
    # the guard: in the second person, a masked management account is the reader's
    body = "Hello,\n\nYour management account ********7364 has a new statement.\n\nFull account ID: 418820117364"
    assert classify(NO_REPLY, "Statement available", body, date=MAR_3).aws_account_id == "418820117364"


def test_a_japanese_case_aws_created_without_its_number_after_aws_is_opened_by_aws() -> None:
    body = ("お客様\n\nAWS アカウント 305518842290 について、AWS 側からサポートケースを作成しました。\n\n"
            "ケース ID: 178200042290\n件名: Quokka 巣穴の設定について\n\n"
            "サポートセンターでケースを確認し、返信してください。")
    notice = classify(NO_REPLY, "AWS サポート: AWS がお客様のアカウントについてケースを作成しました", body, date=MAR_3)
    assert notice.notice_type == "support.case_opened_by_aws"


def test_a_date_in_a_bracketed_banner_is_beside_the_notice() -> None:
    body = ("[From March 1, 2027 onward, AWS Health messages for this account are sent through AWS User "
            "Notifications. You can switch now; the footer explains how.]\n\nHello,\n\n[AWS Health may send this "
            "reminder again.]\n\nYou are getting this message because a Quokka burrow in your AWS account still runs "
            "engine 3.1. Amazon Quokka will stop supporting engine 3.1 on June 30, 2027. The Quokka community stopped "
            "issuing fixes for 3.1 on 4 November 2026.\n\nAfter support ends, Quokka no longer patches these burrows. "
            "We ask you to move each burrow to engine 4 before the end-of-support date.\n\nAmazon Web Services")
    assert classify(NO_REPLY, None, body, date=JAN_14).deadline == "2027-06-30"


def test_a_traditional_chinese_case_received_with_its_date_is_opened() -> None:
    body = ("您好：\n\n我們已收到您在 2027年3月3日 建立的支援案例。\n\n案例編號：178200042290\n帳戶：305518842290\n\n"
            "支援工程師會依您的支援方案回覆。")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_opened"


def test_a_new_reply_on_the_case_the_reader_created_stays_a_reply() -> None:
    # the guard: "the case you created … has a new reply"
    body = ("您好，\n\n您在 AWS 账户 305518842290 下创建的支持案例已有新的回复。\n\n案例编号：178200042290\n\n"
            "如需查看回复，请登录支持中心。")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_a_chinese_account_aws_suspended_on_a_date_is_suspended() -> None:
    body = ("您好：\n\n由于账单一直未付，我们已于 2027 年 3 月 2 日暂停了 AWS 账户 305518842290。\n\n"
            "请在 2027 年 3 月 20 日之前付清欠款。")
    notice = classify("aws-receivables-support@email.amazon.com", None, body, date=MAR_3)
    assert notice.notice_type == "account.suspended"


def test_the_account_whose_organization_the_subject_names_is_not_the_readers() -> None:
    body = ("Hello,\n\nThe AWS account 418820117364 (the Quokka management account) has invited\nyour AWS account "
            "305518842290 to join its organization.\n\nThe invitation expires on March 18, 2027.")
    notice = classify(NO_REPLY, "AWS Organizations invitation to join the organization of account 418820117364", body,
                      date=MAR_3)
    assert notice.aws_account_id == "305518842290"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Web Services billing", "Dear customer,\n\nInvoice QKKAIE27-0412345 for AWS account 3055-1884-2290 has "
     "been issued.\n\nAmount GBP 212.40"),
    ("Your AWS invoice QKKAIE27-0412345 is available", "Dear customer,\n\nAmount GBP 212.40 for account "
     "305518842290."),
], ids=["issued", "available"])
def test_an_invoice_named_by_its_number_is_an_invoice(subject: str, body: str) -> None:
    assert classify("invoicing@aws.com", subject, body, date=MAR_3).notice_type == "billing.invoice"


def test_a_traditional_chinese_code_to_change_the_root_address_is_an_email_change_code() -> None:
    body = ("您好：\n\n我們收到變更 AWS 帳戶 ****2290 根使用者電子郵件地址的請求。請輸入以下驗證碼以完成變更：\n\n"
            "    驗證碼：483 920\n\n帳戶 ID：305518842290")
    notice = classify("no-reply@verify.signin.aws", None, body, date=MAR_3)
    assert notice.notice_type == "credentials.email_change_code"


def test_a_traditional_chinese_root_address_changed_is_no_code() -> None:
    # the guard: the change made, no code
    body = ("您好：\n\n您 AWS 帳戶根使用者的電子郵件地址已於 2027年3月2日 變更。"
            "如果不是您本人的操作，請聯絡 AWS Support。")
    notice = classify("no-reply@signin.aws", "您 AWS 帳戶的根使用者電子郵件地址已變更", body, date=MAR_3)
    assert notice.notice_type != "credentials.email_change_code"


def test_the_day_new_reservations_can_no_longer_be_bought_is_a_first_step_beside_the_retirement() -> None:
    body = ("Olá,\n\nEstamos a ajudar os clientes a mover as cargas de trabalho das instâncias Quokka Q2 para Q3 até "
            "30 de setembro de 2027.\n\nOs utilizadores atuais não notarão mudanças até à data de retirada, 30 de "
            "setembro de 2027. Contudo, a partir de 1 de abril de 2027, deixará de ser possível comprar novas "
            "Instâncias Reservadas Q2.")
    notice = classify(NO_REPLY, "Amazon Quokka: fim de vida das instâncias Q2", body, date=MAR_3)
    assert notice.deadline == "2027-09-30"


def test_a_reply_added_to_a_support_case_without_a_subject_is_the_reply() -> None:
    body = ("Hello,\n\nA reply has been added to your AWS Support case:\n\nCase ID: 178200042290\nSubject: Quokka "
            "burrow certificate update\nCorrespondence: Please attach the new certificate and let us know.\n\n"
            "AWS account: 305518842290")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_a_korean_account_suspended_as_of_a_date_with_its_id_between_states_a_fact() -> None:
    body = ("안녕하세요.\n\n미납 요금 때문에 2027년 3월 3일부로 AWS 계정 3055 1884 2290이(가) 정지되었습니다.\n\n"
            "2027년 3월 31일까지 미납 금액을 결제하시면 계정이 다시 활성화됩니다.")
    assert classify("aws-billing@amazon.com", None, body, date=MAR_3).deadline == "2027-03-31"
