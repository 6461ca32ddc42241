"""Session 46, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
An overdue balance whose mail says the account "and its services" may be suspended otherwise
("否则我们可能会暂停您的账户及其上的服务", "계정 및 서비스를 정지할 수 있습니다") is a suspension warning, without a
subject too; a charge for what was free, named as new at the head of the subject ("New charge for …", "Nuevo cargo
por …"), is a price change, also from a marketing sender; an account named by its id ("the AWS account with ID N",
"la cuenta de AWS con el ID N", "member account (ID N)") is that account, and a management account so named is
another's."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
MAR_27 = format_datetime(datetime.fromisoformat("2027-03-27T08:00:00+00:00"))
APR_1 = format_datetime(datetime.fromisoformat("2027-04-01T18:00:00+00:00"))


@pytest.mark.parametrize("body", [
    "尊敬的客户：\n\n您的 AWS 账户 730465182947 有一笔逾期款项（2027年2月2日 的账单，金额 USD 41.20）尚未结清。\n\n"
    "请在 2027年4月9日之前 付清款项，否则我们可能会暂停您的账户及其上的服务。",
    "尊敬的客戶：\n\n您的 AWS 帳戶 730465182947 有一筆逾期款項（2027年2月2日 的帳單）尚未結清。\n\n"
    "請在 2027年4月9日之前 付清款項，否則我們可能會暫停您的帳戶及相關服務。",
    "고객님께\n\nAWS 계정 730465182947에 연체된 금액(2027년 2월 2일 청구서)이 있습니다.\n\n"
    "2027년 4월 9일까지 결제하지 않으면 계정 및 서비스를 정지할 수 있습니다.",
    "고객님께\n\nAWS 계정 730465182947에 연체된 금액이 있습니다.\n\n"
    "2027년 4월 9일까지 결제하지 않으면 계정을 정지할 수 있습니다.",
], ids=["zh-cn", "zh-tw", "ko-and-services", "ko"])
def test_an_overdue_balance_that_may_cost_the_account_and_its_services_is_a_suspension_warning(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=MAR_27)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-04-09"
    assert notice.aws_account_id == "730465182947"


def test_an_ses_account_whose_sending_may_be_paused_is_no_suspension_warning() -> None:
    # the guard: the account's sending, not the account and its services
    notice = classify(NO_REPLY, None, "尊敬的客户：\n\n我们可能会暂停您的账户发送电子邮件的功能。", date=MAR_27)
    assert notice.notice_type != "billing.suspension_warning"


@pytest.mark.parametrize(("subject", "body"), [
    ("New charge for Amazon Quokka Streams delivered to Amazon S3",
     "Hello,\n\nWe are writing about a change to the pricing of Amazon Quokka Streams. Starting July 1, 2027, a "
     "delivery charge of $0.10 per GB will apply.\n\nThank you,\nAmazon Web Services"),
    ("Action required: new data transfer charges for Amazon Quokka",
     "Hello,\n\nStarting July 1, 2027, a data transfer charge of $0.02 per GB will apply to Amazon Quokka."),
    ("Nuevo cargo por la entrega de Amazon Quokka Streams",
     "Hola:\n\nA partir del 1 de julio de 2027, se aplicará un cargo de 0,10 USD por GB a la entrega de Amazon Quokka "
     "Streams.\n\nAmazon Web Services"),
    ("Nouveaux frais pour Amazon Quokka Streams",
     "Bonjour,\n\nÀ compter du 1er juillet 2027, des frais de 0,10 USD par Go s'appliqueront à Amazon Quokka Streams."),
    ("Neue Gebühr für Amazon Quokka Streams",
     "Hallo,\n\nAb dem 1. Juli 2027 fällt für Amazon Quokka Streams eine Gebühr von 0,10 USD pro GB an."),
    ("Nuovo addebito per Amazon Quokka Streams",
     "Ciao,\n\ndal 1° luglio 2027 si applicherà un addebito di 0,10 USD per GB ad Amazon Quokka Streams."),
], ids=["en", "en-action-required", "es", "fr", "de", "it"])
def test_a_new_charge_named_by_the_subject_is_a_price_change(subject: str, body: str) -> None:
    notice = classify(MARKETING, subject, body, date=APR_1)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-07-01"


def test_a_newsletter_that_offers_savings_on_new_charges_stays_a_newsletter() -> None:
    # the guard: the new charge does not head the subject
    notice = classify(MARKETING, "Save on new charges for your team", "Hello, join our webinar on May 3, 2027.",
                      date=APR_1)
    assert notice.notice_type == "marketing.newsletter"


@pytest.mark.parametrize("body", [
    "Hello,\n\nAs you requested on January 17, 2027, we closed the AWS account with ID 730465182947.\n\n"
    "During the post-closure period of 90 days you can still sign in.",
    "Hello,\n\nThe AWS account with the ID 7304-6518-2947 has been closed.",
    "Hola:\n\nHemos cerrado la cuenta de AWS con el ID 730465182947.",
    "Olá,\n\nEncerramos a conta da AWS com o ID 730465182947.",
    "Bonjour,\n\nNous avons fermé le compte AWS avec l'ID 730465182947.",
    "Ciao,\n\nabbiamo chiuso l'account AWS con ID 730465182947.",
    "Hallo,\n\nwir haben das AWS-Konto mit der ID 730465182947 geschlossen.",
    "Hello,\n\nThe management account with ID 111122223333 closed the member account with ID 730465182947.",
    "Hello,\n\nThe management account (ID 111122223333) closed the member account (ID 730465182947).",
], ids=["en", "en-the-id-dashes", "es", "pt", "fr", "it", "de", "management-with-id", "management-parenthesis"])
def test_an_account_named_by_its_id_is_that_account(body: str) -> None:
    notice = classify(NO_REPLY, "Your AWS Account has been closed", body, date=MAR_27)
    assert notice.notice_type == "account.closed"
    assert notice.aws_account_id == "730465182947"


# Round 97 (unseen647-654): its main folders' misses, in general form.

MAR_16 = format_datetime(datetime.fromisoformat("2027-03-16T10:05:07+00:00"))


@pytest.mark.parametrize("body", [
    "Hallo,\n\nfür das AWS-Konto 730465182947 ist weiterhin ein Betrag von EUR 41,20 für Amazon Quokka offen. Wenn bis "
    "zum\n25. März 2027 keine Zahlung bei uns eingeht, wird das Konto gesperrt.",
    "Hallo,\n\nBitte zahlen Sie den offenen Betrag für Amazon Quokka bis zum\n25. März 2027.",
    "Hallo,\n\nBitte zahlen Sie den offenen Betrag für Amazon Quokka bis\nzum 25. März 2027.",
], ids=["wrapped-before-the-date", "pay-wrapped-before-the-date", "wrapped-inside-the-lead"])
def test_a_lead_that_a_line_wrap_splits_still_leads_its_date(body: str) -> None:
    notice = classify(NO_REPLY, "Ihr AWS-Konto wird möglicherweise gesperrt", body, date=MAR_16)
    assert notice.deadline == "2027-03-25"


def test_a_long_dated_aside_does_not_make_the_expiry_a_fact() -> None:
    notice = classify(NO_REPLY, "Your Savings Plan expires soon [AWS Account: 730465182947]",
                      "Hello,\n\nYour Compute Savings Plan sp-1 for Amazon Quokka in AWS account 730465182947 expires "
                      "on April 30, 2027 (it was purchased on May 1, 2024 for a 3-year term with a commitment of $4.20 "
                      "per hour).\n\nAfter it expires, usage it covers today will be billed at On-Demand rates.",
                      date=format_datetime(datetime.fromisoformat("2027-03-31T12:00:00+00:00")))
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.deadline == "2027-04-30"


MAY_20 = format_datetime(datetime.fromisoformat("2027-05-20T08:00:12+00:00"))
BECAUSE_MANAGEMENT = "You get this e-mail because you are the management account (111122223333) of the organization."


@pytest.mark.parametrize("owner", ["Owner account: 730465182947 (linked account)", "Owner account: 730465182947",
                                   "The plan belongs to account 730465182947 (member account)."],
                         ids=["field-and-role", "field", "role"])
def test_the_owner_of_a_commitment_wins_over_the_management_account_the_reader_is(owner: str) -> None:
    notice = classify(NO_REPLY, "Your Savings Plan expires in 30 days",
                      f"Hello,\n\nA Savings Plan in your organization expires in 30 days.\n\n{owner}\n"
                      f"Expires on: Saturday, Jun 19th, 2027\n\n{BECAUSE_MANAGEMENT}", date=MAY_20)
    assert notice.aws_account_id == "730465182947"


def test_without_an_owner_the_management_account_the_reader_is_is_the_account() -> None:
    # the guard: an organization's notice names another account in passing, no owner of anything
    notice = classify(NO_REPLY, "Changes to service control policies",
                      "Hello,\n\nWe are raising the maximum size of service control policies for Amazon Quokka. Policy "
                      f"p-1 in account 730465182947 is near the current limit.\n\n{BECAUSE_MANAGEMENT}", date=MAY_20)
    assert notice.aws_account_id == "111122223333"


BUDGET_BODY = ("Bonjour,\n\nVotre budget a atteint le seuil que vous avez défini.\n\nCompte AWS : 730465182947\n"
               "Nom du budget : quokka-mensuel\nType : coût réel")


@pytest.mark.parametrize("subject", ["Alerte AWS Budgets : le budget « quokka-mensuel » a dépassé 90 %",
                                     "AWS Budgets アラート: 予算 quokka-monthly が 90% を超えました",
                                     "AWS Budgets 警报：预算 quokka-monthly 已超过 90%"], ids=["fr", "ja", "zh"])
def test_a_budget_alert_whose_subject_is_localized_is_one_also_through_sns(subject: str) -> None:
    notice = classify("no-reply@sns.amazonaws.com", subject, BUDGET_BODY)
    assert notice.notice_type == "cost.budget_alert"
    assert notice.aws_account_id == "730465182947"


def test_a_free_tier_alert_sent_via_aws_budgets_stays_a_free_tier_alert() -> None:
    notice = classify(NO_REPLY, "Alerta de uso do nível gratuito da AWS via AWS Budgets",
                      "Olá,\n\nSeu uso do nível gratuito do Amazon Quokka na conta 730465182947 ultrapassou 85% do "
                      "limite mensal.")
    assert notice.notice_type == "cost.free_tier_alert"


@pytest.mark.parametrize(("subject", "body"), [
    ("[案例 179123004587] 已建立新的支援案例：Quokka 無法連線",
     "您好：\n\n我們已收到您建立的支援案例，內容摘要如下：\n\n案例編號：179123004587\n主旨：Quokka 無法連線"),
    ("[案例 179123004587] 已创建新的支持案例", "您好：\n\n我们已收到您创建的支持案例，关于 Amazon Quokka。"),
], ids=["zh-tw", "zh-cn"])
def test_a_case_the_reader_created_is_a_case_opened(subject: str, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "support.case_opened"


def test_a_case_aws_created_on_the_readers_behalf_stays_opened_by_aws() -> None:
    notice = classify(NO_REPLY, "[案例 179123004587] 已建立新的支援案例",
                      "您好：\n\nAWS 已代表您建立此案例，關於 Amazon Quokka。")
    assert notice.notice_type == "support.case_opened_by_aws"


MAR_1 = format_datetime(datetime.fromisoformat("2027-03-01T00:00:00+00:00"))


@pytest.mark.parametrize("body", [
    "親愛的客戶您好：\n\n由於 Amazon Quokka 帳單逾期未付，您的 AWS 帳戶\n730465182947 已於 2027年2月28日 遭到停權。\n\n"
    "請於 2027年3月10日（星期三）之前 付清未付款項，以便恢復帳戶。",
    "尊敬的客户：\n\n您的 AWS 账户 730465182947 已于 2027年2月28日 遭到停权。请于 2027年3月10日之前付清款项。",
], ids=["zh-tw-wrapped", "zh-cn"])
def test_an_account_whose_rights_were_suspended_is_suspended(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=MAR_1)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-10"
    assert notice.aws_account_id == "730465182947"


@pytest.mark.parametrize("body", ["您好：\n\n若未於 2027年3月10日之前付清 Amazon Quokka 款項，您的帳戶可能會遭到停權。",
                                  "您好：\n\n若未于 2027年3月10日之前付清 Amazon Quokka 款项，您的账户将被停权。"],
                         ids=["zh-tw", "zh-cn"])
def test_an_account_whose_rights_may_be_suspended_is_warned(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=MAR_1)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-03-10"


@pytest.mark.parametrize("body", [
    "您好，\n\nAWS 账户 730465182947 于 2027 年 1 月 5 日为以下域名申请了 SSL/TLS 证书：\n\n域名：quokka.example.cn\n\n"
    "如需批准此申请，请在 72 小时内点击以下链接：\nhttps://cn-north-1.certificates.amazon.com/approvals?code=9b1c\n\n"
    "如果您没有提出此申请，请忽略本邮件。",
    "您好，\n\nAWS 帳戶 730465182947 於 2027 年 1 月 5 日為以下網域申請了 SSL/TLS 憑證：quokka.example.tw。",
], ids=["zh-cn", "zh-tw"])
def test_the_day_a_certificate_was_requested_for_a_domain_is_no_deadline(body: str) -> None:
    notice = classify("no-reply@certificates.amazon.com", "证书申请审批：quokka.example.cn", body,
                      date=format_datetime(datetime.fromisoformat("2027-01-05T03:40:00+00:00")))
    assert notice.notice_type == "verification.acm_approval"
    assert notice.deadline is None


# Round 98 (unseen655-662): its main folders' misses, in general form.

APR_21 = format_datetime(datetime.fromisoformat("2027-04-21T20:45:17+00:00"))


@pytest.mark.parametrize("first", [
    "You registered or updated the registrant contact for the domain quokka-example.com through Amazon Route 53 (AWS "
    "account 730465182947) on April 21, 2027.",
    "You registered the domain quokka-example.com on April 21, 2027.",
], ids=["registered-or-updated", "registered"])
def test_the_day_the_reader_registered_is_a_fact_and_the_period_counts(first: str) -> None:
    notice = classify("noreply@registrar.amazon.com", "Verify your email address for quokka-example.com",
                      f"Dear domain owner,\n\n{first}\n\nPlease click the link below within 15 days to confirm:\n\n"
                      "https://registrar.amazon.com/email-verification?token=0444FD\n\nIf you do not confirm the "
                      "address within 15 days, the domain will be suspended.", date=APR_21)
    assert notice.notice_type == "verification.route53_registrant"
    assert notice.deadline == "2027-05-06"


def test_what_the_reader_is_asked_to_say_they_changed_is_no_fact() -> None:
    # the guard: an ask names acts of the reader's ("tell us what you changed"), not a past of the date
    notice = classify("no-reply-aws@amazon.com", "Amazon SES account under review",
                      "Hello,\n\nYour Amazon SES account for Amazon Quokka mail is under review. Please tell us what "
                      "you changed to lower your complaint rate by May 20, 2027.", date=APR_21)
    assert notice.deadline == "2027-05-20"


MAY_3 = format_datetime(datetime.fromisoformat("2027-05-03T07:40:07+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("需要立即處理：您的 AWS 帳戶 730465182947 可能遭到暫停",
     "您好：\n\n我們尚未收到您對 2027年3月 Amazon Quokka 帳單逾期付款通知的回覆。\n\n"
     "若未能在 2027/05/18 (二) 之前 確認款項已付清，我們可能會暫停帳戶 730465182947 的服務。"),
    (None, "您好：\n\n若未能在 2027/05/18 之前 付清 Amazon Quokka 款項，我們可能會暫停帳戶 730465182947 的服務。"),
    (None, "您好：\n\n若未能在 2027/05/18 之前 付清 Amazon Quokka 款项，我们可能会暂停账户 730465182947 的服务。"),
], ids=["zh-tw-subject", "zh-tw-no-subject", "zh-cn-no-subject"])
def test_an_account_whose_services_may_be_suspended_is_warned(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAY_3)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-05-18"
    assert notice.aws_account_id == "730465182947"


APR_5 = format_datetime(datetime.fromisoformat("2027-04-05T02:33:00+00:00"))


@pytest.mark.parametrize(("sender", "subject", "body"), [
    ("aws-security-notifications@amazon.com", "Su cuenta de AWS 730465182947 puede estar en riesgo",
     "Hola:\n\nHemos observado actividad que podría indicar que el acceso a su cuenta de AWS 730465182947 no está bajo "
     "su control. El 4 de abril de 2027 se lanzaron 38 instancias de Amazon Quokka.\n\nPara proteger la cuenta, "
     "complete los pasos siguientes antes del 12 de abril de 2027:\n  - cambie la contraseña del usuario raíz;\n"
     "  - elimine las claves de acceso que no reconozca."),
    (NO_REPLY, None, "안녕하세요,\n\nAWS 계정 7304-6518-2947에서 비정상적인 활동이 감지되었습니다. "
     "Amazon Quokka 인스턴스가 다수 시작되었습니다.\n\n2027년 4월 12일까지 다음 조치를 완료해 주십시오."),
    (NO_REPLY, None, "お客様\n\nAWS アカウント 730465182947 で不審なアクティビティが検出されました。Amazon Quokka の"
     "インスタンスが起動されました。2027年4月12日までに対応してください。"),
    (NO_REPLY, None, "Hello,\n\nWe observed Amazon Quokka activity that suggests your AWS account 730465182947 is no "
     "longer under your control. Please secure it before April 12, 2027."),
], ids=["es-not-under-your-control", "ko-detected", "ja-detected", "en-not-under-your-control"])
def test_activity_detected_or_an_account_out_of_the_readers_control_is_suspicious(sender: str, subject: str | None,
                                                                                  body: str) -> None:
    notice = classify(sender, subject, body, date=APR_5)
    assert notice.notice_type == "security.suspicious_activity"
    assert notice.deadline == "2027-04-12"
    assert notice.aws_account_id == "730465182947"


def test_an_account_that_may_not_be_in_your_control_after_a_password_change_stays_a_credential_notice() -> None:
    # the guard: "may not be under your control" is a condition, not the finding
    notice = classify(NO_REPLY, None, "Hello,\n\nYour root user password for Amazon Quokka was changed. If this was "
                      "not you, your account may not be under your control.", date=APR_5)
    assert notice.notice_type != "security.suspicious_activity"


# Round 99 (unseen663-670): its main folders' misses, in general form.

FEB_15 = format_datetime(datetime.fromisoformat("2027-02-15T01:00:05+00:00"))
QUOKKA_EOS = "[要対応] Amazon Quokka 1.2.x のサポート終了 [AWS アカウント: 730465182947]"


@pytest.mark.parametrize("first", [
    "2027年2月15日、Amazon Quokka エンジンバージョン 1.2.x のサポート終了日が"
    "確定しましたのでお知らせします。",
    "2027年2月15日、Amazon Quokka のサポート終了日が決定しました。",
], ids=["so-we-inform-you", "decided"])
def test_a_date_that_opens_a_japanese_sentence_with_a_past_verb_is_a_fact(first: str) -> None:
    notice = classify("health@aws.com", QUOKKA_EOS,
                      f"お客様各位\n\n{first}\n\n2027年7月31日 (土) までに、"
                      "対象クラスターを 1.4 以降にアップグレードしてください。", date=FEB_15)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-07-31"


def test_a_date_that_opens_a_japanese_sentence_with_a_future_verb_stays_the_date() -> None:
    # the guard: the support ends then
    notice = classify("health@aws.com", QUOKKA_EOS,
                      "お客様各位\n\n2027年7月31日、Amazon Quokka 1.2 のサポートを終了します。"
                      "それまでにアップグレードしてください。", date=FEB_15)
    assert notice.deadline == "2027-07-31"


JAN_13 = format_datetime(datetime.fromisoformat("2027-01-13T18:21:50+00:00"))


def test_a_family_whose_users_are_moved_to_newer_instances_ends_its_support() -> None:
    notice = classify(NO_REPLY, "[AWS Account: 730465182947] Amazon Quokka Q3 instances are being retired",
                      "Amazon Quokka Q3 instances were introduced in October 2017. We can no longer offer the "
                      "elasticity you expect on this family, so we are helping customers move their workloads to newer "
                      "accelerated instances by November 30, 2027.\n\nCurrent Q3 users in account 730465182947 will "
                      "notice no change up to the retirement date of November 30, 2027. However, from April 1, 2027, "
                      "it will no longer be possible to buy new Reserved Instances that cover Q3.", date=JAN_13)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-11-30"


def test_an_instance_retired_for_its_hardware_stays_a_retirement() -> None:
    # the guard: no family named, one instance retired; a newer instance is only where to relaunch
    notice = classify(NO_REPLY, "[Retirement Notification] Amazon EC2 Instance scheduled for retirement",
                      "Hello,\n\nInstance i-0a1b2c3d4e5f60718 of Amazon Quokka in account 730465182947 is scheduled "
                      "for retirement on March 30, 2027 because of hardware degradation. You may migrate it to newer "
                      "instances before then.", date=JAN_13)
    assert notice.notice_type == "health.instance_retirement"


# Round 100 (unseen671-678): its main folders' misses, in general form.

FEB_24 = format_datetime(datetime.fromisoformat("2027-02-24T22:15:07+00:00"))


def test_a_window_that_opens_on_a_date_dates_the_maintenance_that_allows_an_act_before_it() -> None:
    notice = classify("health@aws.com", "[Action may be required] Amazon Quokka scheduled maintenance",
                      "Hello,\n\nThe patch will be applied during a window that opens on Wednesday, March 10, 2027 at "
                      "08:00 UTC and closes on Wednesday, March 24, 2027 at 08:00 UTC.\n\nIf that window does not suit "
                      "you, you can apply the update yourself at any time before the window opens.", date=FEB_24)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-10"


def test_a_korean_account_suspended_as_of_a_date_is_reactivated_by_the_later_one() -> None:
    notice = classify(NO_REPLY, "AWS 계정 730465182947이(가) 정지되었습니다",
                      "안녕하세요.\n\nAWS 계정 730465182947의 Amazon Quokka 미납 요금이 결제되지 않아 "
                      "2027년 1월 20일부로 계정이 정지되었습니다.\n\n"
                      "2027년 2월 3일(수)까지 미납 금액을 결제하시면 계정이 다시 활성화됩니다.",
                      date=format_datetime(datetime.fromisoformat("2027-01-20T06:05:00+09:00")))
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-02-03"


@pytest.mark.parametrize(("subject", "body"), [
    ("Importante: possibile attività non autorizzata sull'account AWS 730465182947",
     "Salve,\n\nil 28 marzo 2027 abbiamo rilevato attività insolite nel tuo account AWS 730465182947: sono state "
     "avviate 46 istanze di Amazon Quokka.\n\nPer proteggere l'account, completa i passaggi seguenti entro il lunedì "
     "5 aprile 2027:\n  1. Cambia la password dell'utente root.\n  2. Elimina le chiavi di accesso non riconosciute."),
    ("AWS アカウントで通常と異なるアクティビティを検出しました",
     "お客様\n\n2027年3月28日、AWS アカウント 730465182947 で普段と異なる操作を検出しました。\n\n"
     "身に覚えがない場合は、ルートユーザーのパスワード変更を行ってください。"
     "2027年4月5日までにご対応いただけない場合、アカウントへのアクセスを制限することがあります。"),
], ids=["it-unauthorized", "ja-unlike-usual"])
def test_unauthorized_or_unusual_activity_is_suspicious_though_the_steps_name_the_root_user(subject: str,
                                                                                           body: str) -> None:
    notice = classify(NO_REPLY, subject, body,
                      date=format_datetime(datetime.fromisoformat("2027-03-29T06:48:17+00:00")))
    assert notice.notice_type == "security.suspicious_activity"
    assert notice.deadline == "2027-04-05"


def test_a_case_aws_opened_in_the_name_of_the_account_is_opened_by_aws() -> None:
    notice = classify(NO_REPLY, "AWS Support ha aperto il caso 178342095611",
                      "Salve,\n\nabbiamo aperto il caso 178342095611 a nome dell'account 730465182947 per segnalarti "
                      "una configurazione di Amazon Quokka.\n\nPuoi rispondere al caso dal Centro di supporto.")
    assert notice.notice_type == "support.case_opened_by_aws"


MAY_11 = format_datetime(datetime.fromisoformat("2027-05-11T16:45:48+00:00"))


@pytest.mark.parametrize("ask", [
    "To approve it, please visit the link below within 72 hours; after that the link stops working.",
    "To approve it, please click the link below within 72 hours.",
    "Please click this link within 48 hours to approve the request.",
], ids=["visit", "click-below", "click-this"])
def test_a_link_to_open_within_hours_sets_no_deadline(ask: str) -> None:
    notice = classify("no-reply@certificates.amazon.com", "Certificate approval for quokka.example",
                      f"Greetings,\n\nA certificate was requested for quokka.example.\n\n{ask}\n\n"
                      "https://ca-central-1.acm-certificates.amazon.com/approvals?code=3e8f", date=MAY_11)
    assert notice.notice_type == "verification.acm_approval"
    assert notice.deadline is None


def test_a_request_to_answer_within_hours_keeps_its_deadline() -> None:
    # the guard: no link to open; the reader's answer is asked
    notice = classify(NO_REPLY, "Action required: Amazon Quokka capacity reservation",
                      "Hello,\n\nPlease reply to this case within 72 hours of this message to keep your Amazon Quokka "
                      "capacity reservation.", date=MAY_11)
    assert notice.deadline == "2027-05-14"
