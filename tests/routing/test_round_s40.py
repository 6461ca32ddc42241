"""Session 40's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Round 76: a Korean account suspension a clause joins ("계정이 일시 중지되며, …"); the account its owner asks to
join an organization ("The owner of AWS account X has asked your AWS account Y"): Y; a Japanese usage period "D1 から D2
までのご利用分" is no date to act by (請求, "invoice", is no "please"); a no-action "otherwise" leaves the conditional
ask its date; an update the reader "can apply" by a date, localized, makes a maintenance's date one to act by; an ask
as a heading ("What we ask of you: move … no later than D") over an earlier stage; an agreement's start date field
beside its end is a fact; a French end of support "ne seront plus prises en charge" (plural); a maintenance moved, its
first schedule cancelled ("처음 안내한 … 일정은 취소되었습니다"), keeps its new date; a CJK date followed by a window's
time range ("D (토) 02:00~04:00 UTC에"). Round 77: a Japanese MFA device deleted whose mail asks to register it
again ("再登録", "必要はありません"); an instance family retired, localized ("Hasta la fecha de retirada", "ya no
podemos mantener … familia"); an update the reader can start by a date ("può avviare … entro il D"); a maintenance
the reader cannot move and need not act on has no deadline. Round 78: an SES verification congratulated in Chinese
("恭喜！… 验证已经完成"); an account closed named by its last digits or masked; a German payer account as a compound
("Zahlerkonto"); a member account of "your organization (management account …)"; a patch AWS applies itself after a
date ("will be patched by us"). Round 79: a Chinese invoice that warns of what overdue payment may bring ("逾期未付可能
导致"); a root e-mail change code without a subject; an Italian account that "potrà essere sospeso"; a German rotation
of a certificate authority named with its service ("Rotation der Amazon Quokka-Zertifizierungsstelle")."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
INVOICING = "invoicing@aws.com"
MARKETPLACE = "aws-marketplace@amazon.com"
FEB_2 = format_datetime(datetime.fromisoformat("2027-02-02T01:15:00+00:00"))


@pytest.mark.parametrize("clause", ["계정이 일시 중지되며, 이후 Quokka 리소스에 접근할 수 없게 됩니다.",
                                    "계정이 중지되고 Quokka 어플라이언스도 멈춥니다."])
def test_a_korean_account_suspension_a_clause_joins(clause: str) -> None:
    notice = classify(NO_REPLY, None,
                      "안녕하세요.\n\nAWS 계정 5520-1844-7316에 Amazon Quokka 이용 요금의 "
                      "미납 잔액 USD 88.40이 남아 있습니다.\n\n"
                      f"2027년 2월 20일까지 결제가 확인되지 않으면 {clause}\n\n"
                      "결제 페이지에서 결제를 완료해 주십시오.\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-02-20"
    assert notice.aws_account_id == "552018447316"


def test_resources_stopped_are_no_account_suspension() -> None:
    # (guard: what stops is the reader's appliance, not the account)
    notice = classify(HEALTH, "Amazon Quokka 유지 관리 안내",
                      "안녕하세요.\n\n2027년 2월 20일에 Amazon Quokka 유지 관리가 진행됩니다. "
                      "이 시간 동안 어플라이언스는 "
                      "자동으로 중지됩니다.\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"


@pytest.mark.parametrize("verb", ["has asked your AWS account 604411738205 to join",
                                  "has requested that your AWS account 604411738205 join"])
def test_the_account_asked_to_join_is_the_readers(verb: str) -> None:
    notice = classify(NO_REPLY, "AWS Organizations invitation from Quokka Holdings",
                      f"Hello,\n\nThe owner of AWS account 771093582264 (Quokka Holdings) {verb} the organization "
                      "o-q0kk4example.\n\nSign in as the owner of account 604411738205 to accept or decline.\n",
                      date=FEB_2)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.aws_account_id == "604411738205"


def test_the_owner_of_the_readers_account_stays_the_reader() -> None:
    # (guard: "the owner of account N", alone, is the reader)
    notice = classify(NO_REPLY, "AWS Organizations invitation",
                      "Hello,\n\nSign in as the owner of account 604411738205 to accept the invitation to join the "
                      "organization o-q0kk4example.\n", date=FEB_2)
    assert notice.aws_account_id == "604411738205"


def test_a_japanese_usage_period_is_no_date_to_act_by() -> None:
    notice = classify(INVOICING, "Amazon Quokka ご請求書の発行について",
                      "いつもご利用ありがとうございます。\n\n2027年1月1日から2027年1月31日までのご利用分の請求書を"
                      "発行しました。\n\n請求書番号 QK-2027-0131\n合計 ¥12,400\n\n"
                      "ご登録のお支払い方法に自動で請求されます。\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.invoice"
    assert notice.deadline is None


def test_a_japanese_polite_request_to_pay_by_a_date_keeps_it() -> None:
    # (guard: "までにお支払いをお願いいたします" asks the reader to pay by then)
    notice = classify(INVOICING, "Amazon Quokka ご請求書の発行について",
                      "いつもご利用ありがとうございます。\n\nAmazon Quokka のご利用分の請求書を発行しました。\n\n"
                      "請求書番号 QK-2027-0131\n合計 ¥12,400\n\n2027年2月25日までにお振り込みをお願いいたします。\n",
                      date=FEB_2)
    assert notice.deadline == "2027-02-25"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Quokka TLS policy change",
     "Hello,\n\nStarting April 1, 2027, Amazon Quokka endpoints accept TLS 1.2 and later only.\n\nIf your devices "
     "still need TLS 1.0, request an exception through AWS Support before March 15, 2027. Otherwise, no action is "
     "required.\n"),
    ("Amazon Quokka TLS 策略变更",
     "您好，\n\n2027年4月1日起，Amazon Quokka 端点仅接受 TLS 1.2 及以上版本。\n\n如果您的设备仍需使用 TLS 1.0，"
     "请在2027年3月15日之前通过 AWS Support 提交例外申请。其他情况下您无需执行任何操作。\n"),
], ids=["en", "zh"])
def test_a_no_action_otherwise_leaves_the_conditional_ask_its_date(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body + "\nEvent type code: AWS_QUOKKA_SECURITY_NOTIFICATION\n", date=FEB_2)
    assert notice.deadline == "2027-03-15"


def test_a_no_action_for_everyone_beside_a_conditional_ask() -> None:
    # (guard, as samples/44: a no-action said to all readers; the ask of some readers is no deadline)
    notice = classify("no-reply@amazonaws.com", "Important: Amazon Quokka invoice e-mail address changes",
                      "Hello,\n\nFrom March 20, 2027, Amazon Quokka invoices are sent from quokka-billing@aws.com. "
                      "No action is required to keep receiving them. If you filter mail by sender, add the new "
                      "address before March 20, 2027.\n", date=FEB_2)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


@pytest.mark.parametrize("ask", [
    "Se preferisci, puoi applicare l'aggiornamento dalla console entro il 9 marzo 2027.",
    "Si lo prefiere, puede aplicar la actualización desde la consola antes del 9 de marzo de 2027.",
    "Si vous préférez, vous pouvez appliquer la mise à jour depuis la console avant le 9 mars 2027.",
    "Se preferir, pode aplicar a atualização pelo console até 9 de março de 2027.",
], ids=["it", "es", "fr", "pt"])
def test_an_update_the_reader_can_apply_by_a_date(ask: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka [AWS 604411738205]",
                      "Amazon Quokka\n\n10/03/2027 01:00-04:00 UTC — Quokka connector update, account 604411738205.\n\n"
                      f"{ask}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-09"


def test_an_ask_as_a_heading_over_an_earlier_stage() -> None:
    notice = classify(HEALTH, None,
                      "AWS Health notification - Amazon Quokka [AWS Account: 604411738205]\n\nEvent type code: "
                      "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n\nHello,\n\nAmazon Quokka is being retired.\n\n"
                      "What changes, in order:\n * New appliances can no longer be ordered (already in effect).\n"
                      " * Appliance registrations stop on April 1, 2027.\n * The service is turned off on "
                      "August 31, 2027.\n\nWhat we ask of you: move your appliances to Amazon S3 no later than "
                      "August 31, 2027.\n", date=FEB_2)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-08-31"


@pytest.mark.parametrize("fields", [
    "Agreement ID agmt-q0kk4\nStart date 2027/02/02\nEnd date 2028/02/01\n",
    "协议 ID agmt-q0kk4\n开始日期 2027年2月2日\n结束日期 2028年2月1日\n",
    "合約 ID agmt-q0kk4\n開始日期 2027/02/02\n結束日期 2028/02/01\n",
], ids=["en", "zh", "zh-Hant"])
def test_an_agreements_start_date_field_is_a_fact(fields: str) -> None:
    notice = classify(MARKETPLACE, "AWS Marketplace: Quokka Analytics subscription",
                      "Hello,\n\nYour AWS account 604411738205 is now subscribed to Quokka Analytics (12-month "
                      f"contract).\n\n{fields}\nCharges appear on your next AWS bill.\n", date=FEB_2)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline != "2027-02-02"


def test_a_maintenance_start_date_field_stays_its_start() -> None:
    # (guard: a window's start named as a field is the maintenance's deadline)
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance [AWS Account: 604411738205]",
                      "Hello,\n\nWe will patch your Quokka appliance. You can reschedule it before the window.\n\n"
                      "Start date: 2027-02-16\nEnd date: 2027-02-17\n\nEvent type code: "
                      "AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.deadline == "2027-02-16"


def test_a_french_plural_end_of_support_over_a_later_removal() -> None:
    notice = classify(HEALTH, "Fin de prise en charge des images Amazon Quokka 2.1 [Compte AWS : 604411738205]",
                      "Bonjour,\n\nÀ compter du 1er juin 2027, les images Amazon Quokka 2.1 ne seront plus prises en "
                      "charge. Après le 1er décembre 2027, ces images seront retirées du catalogue.\n\n"
                      "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n", date=FEB_2)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-06-01"


@pytest.mark.parametrize("moved", [
    "The originally announced window of February 20, 2027 has been cancelled. The patch is now scheduled for March 6, "
    "2027 from 02:00 to 04:00 UTC; you can apply it yourself before then.",
    "처음 안내한 2027년 2월 20일 일정은 취소되었습니다. 패치는 2027년 3월 6일 (토) 02:00~04:00 UTC에 진행되며, 그 전에 "
    "직접 적용하실 수 있습니다.",
], ids=["en", "ko"])
def test_a_maintenance_whose_first_schedule_was_cancelled_keeps_its_new_date(moved: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka maintenance rescheduled [AWS Account: 604411738205]",
                      f"Hello,\n\n{moved}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-06"


def test_a_cancelled_maintenance_still_has_no_deadline() -> None:
    # (guard: what is cancelled is the maintenance itself)
    notice = classify(HEALTH, "Amazon Quokka maintenance cancelled [AWS Account: 604411738205]",
                      "Hello,\n\nThe Amazon Quokka patch scheduled for March 6, 2027 has been cancelled. You can "
                      "reschedule nothing; no action is needed.\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n",
                      date=FEB_2)
    assert notice.deadline is None


def test_a_japanese_mfa_device_deleted_whose_mail_asks_to_register_it_again() -> None:
    # (round 77: "MFA デバイスを再登録" and "対応していただく必要はありません" are no requirement to register one)
    notice = classify(NO_REPLY, "AWS ルートユーザーの MFA デバイスが削除されました",
                      "AWS アカウント 604411738205 のルートユーザーから Quokka 用の仮想 MFA デバイスが"
                      "削除されました。\n\n"
                      "心当たりがない場合は、パスワードを変更し、MFA デバイスを再登録してください。心当たりがある場合、"
                      "対応していただく必要はありません。\n", date=FEB_2)
    assert notice.notice_type == "credentials.mfa_deactivated"


def test_a_japanese_requirement_to_register_an_mfa_device_stays_a_policy_change() -> None:
    # (guard)
    notice = classify(NO_REPLY, "ルートユーザーの MFA に関する変更",
                      "2027年6月1日から、AWS はすべてのルートユーザーに MFA デバイスの登録を必須とします。"
                      "それまでに MFA デバイスを登録してください。\n", date=FEB_2)
    assert notice.notice_type == "policy.change_notice"


@pytest.mark.parametrize("body", [
    "Las instancias Amazon EC2 Q1n se lanzaron en 2019. Ya no podemos mantener en esta familia la capacidad que "
    "usted espera, por lo que le pedimos que traslade sus cargas de trabajo a instancias Q7 antes del 31 de agosto "
    "de 2027.\n\n"
    "Hasta la fecha de retirada del 31 de agosto de 2027, no notará ningún cambio.\n",
    "Les instances Amazon EC2 Q1n ont été lancées en 2019. Nous ne pouvons plus maintenir dans cette famille la "
    "capacité que vous attendez : migrez vos charges de travail vers des instances Q7 avant le 31 août 2027.\n\n"
    "Jusqu'à la date de retrait du 31 août 2027, vous ne remarquerez aucun changement.\n",
], ids=["es", "fr"])
def test_an_instance_family_retired_without_a_subject(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=FEB_2)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-08-31"


@pytest.mark.parametrize("ask", [
    "Se preferisce un altro momento, può avviare l'aggiornamento dalla console entro il 9 marzo 2027.",
    "If you prefer another time, you can start the update from the console by March 9, 2027.",
], ids=["it", "en"])
def test_an_update_the_reader_can_start_by_a_date(ask: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka [AWS 604411738205]",
                      "Amazon Quokka\n\n10/03/2027 01:00 UTC — Quokka connector update, account 604411738205.\n\n"
                      f"{ask}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.deadline == "2027-03-09"


@pytest.mark.parametrize("words", [
    "The appliances are patched one after the other. You do not need to do anything, and there is nothing to "
    "reschedule.",
    "어플라이언스는 차례로 패치됩니다. 고객의 조치는 필요하지 않습니다. 일정은 변경할 수 없습니다.",
    "Die Appliances werden nacheinander gepatcht. Es ist keine Aktion erforderlich; das Fenster kann nicht verschoben "
    "werden.",
], ids=["en", "ko", "de"])
def test_a_maintenance_the_reader_cannot_move_and_need_not_act_on(words: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance [AWS Account: 604411738205]",
                      "Hello,\n\nMaintenance window: Wednesday, February 17, 2027, 01:00 to 05:00 UTC. Each appliance "
                      f"restarts once.\n\n{words}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


def test_a_maintenance_the_reader_cannot_move_but_must_prepare_for_keeps_its_date() -> None:
    # (guard: it asks an act before the window)
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance [AWS Account: 604411738205]",
                      "Hello,\n\nMaintenance window: Wednesday, February 17, 2027, 01:00 to 05:00 UTC. The window "
                      "cannot be moved. Please fail over to your standby appliance before the window starts.\n\n"
                      "Event type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.deadline == "2027-02-17"


def test_a_chinese_ses_verification_congratulated_without_a_subject() -> None:
    # (round 78)
    notice = classify(NO_REPLY, None,
                      "恭喜！域名 quokka-mail.example.cn 在亚太地区（东京）区域的 Amazon SES 验证已经完成。"
                      "现在您可以从该域名下的任意地址发送电子邮件。\n", date=FEB_2)
    assert notice.notice_type == "ses.identity_verified"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account ending in 8205 has been closed", "Hello,\n\nYour Quokka account was closed at your request."),
    ("AWS account closed", "Hello,\n\nAccount ********8205 was closed at your request on February 1, 2027."),
], ids=["subject", "body"])
def test_an_account_closed_named_by_its_last_digits_or_masked(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body + "\n\nFor 90 days you can reopen it by contacting AWS Support.\n",
                      date=FEB_2)
    assert notice.notice_type == "account.closed"
    assert notice.deadline is None


def test_a_german_statement_names_the_payer_as_a_compound() -> None:
    notice = classify(INVOICING, "Amazon Web Services – Ihre Abrechnung ist verfügbar",
                      "Guten Tag,\n\nIhre Abrechnung für Amazon Quokka steht bereit.\n\nZahlerkonto 6044 1173 8205\n\n"
                      "Verknüpfte Konten 771093582264 (quokka-dev), 552018447316 (quokka-data)\n", date=FEB_2)
    assert notice.notice_type == "billing.statement"
    assert notice.aws_account_id == "604411738205"


@pytest.mark.parametrize("phrase", [
    "in member account 604411738205 of your organization (management account 771093582264)",
    "na conta-membro 604411738205 da sua organização (conta de gerenciamento 771093582264)",
], ids=["en", "pt"])
def test_a_member_account_of_your_organization_over_its_management_account(phrase: str) -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka reservations expire in 30 days",
                      f"Hello,\n\nThe Amazon Quokka reservations below, {phrase}, expire on March 4, 2027.\n\nBuy new "
                      "reservations before then to keep the discount.\n", date=FEB_2)
    assert notice.aws_account_id == "604411738205"


def test_the_readers_own_organization_named_by_its_management_account_stays_it() -> None:
    # (guard: "your organization (management account N)" alone is the reader's)
    notice = classify(NO_REPLY, "AWS Organizations: a policy was attached",
                      "Hello,\n\nA service control policy was attached in your organization (management account "
                      "604411738205) on February 1, 2027.\n", date=FEB_2)
    assert notice.aws_account_id == "604411738205"


def test_a_patch_aws_applies_itself_after_a_date() -> None:
    notice = classify(NO_REPLY, "Amazon Quokka required engine patch [AWS Account: 604411738205]",
                      "Hello,\n\nAn engine patch is now required for your Amazon Quokka clusters, and we advise you to "
                      "apply it soon. Any cluster still below 2.4.1 by March 15, 2027 will be patched by us during "
                      "its next maintenance window after that date.\n\nEvent type code: "
                      "AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-15"


def test_a_chinese_invoice_that_warns_of_what_overdue_payment_may_bring() -> None:
    # (round 79: "逾期未付可能导致…" is a warning, not a payment that is overdue)
    notice = classify(INVOICING, "Amazon Quokka 发票已开具 [账户: 604411738205]",
                      "您好：\n\n您的 AWS 账户 604411738205 的 Amazon Quokka 发票已开具。\n\n应付金额：USD 120.00\n"
                      "付款方式：电汇\n\n请在 2027年2月26日 之前 将款项汇至发票上列明的银行账户。"
                      "逾期未付可能导致服务受限。\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.invoice"
    assert notice.deadline == "2027-02-26"


def test_a_chinese_payment_overdue_stays_a_failed_payment() -> None:
    # (guard)
    notice = classify(INVOICING, "Amazon Quokka 款项逾期 [账户: 604411738205]",
                      "您好：\n\n您的 AWS 账户 604411738205 的 Amazon Quokka 款项已逾期，金额 USD 120.00 逾期未付。\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.payment_failed"


def test_a_root_email_change_code_without_a_subject() -> None:
    notice = classify("no-reply@verify.signin.aws", None,
                      "Confirm your new email address\n\nSomeone asked to use this address as the root user e-mail of "
                      "an AWS account. Enter the code on the sign-in page:\n\n    Verification code: 318 442\n",
                      date=FEB_2)
    assert notice.notice_type == "credentials.email_change_code"
    assert notice.deadline is None


def test_an_italian_account_that_may_be_suspended() -> None:
    notice = classify(NO_REPLY, "Avviso: il tuo account AWS 604411738205 rischia la sospensione",
                      "Gentile cliente,\n\nil saldo di Amazon Quokka risulta ancora non pagato. Se il pagamento non "
                      "viene ricevuto entro il 26 febbraio 2027, l'account potrà essere sospeso.\n", date=FEB_2)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-02-26"


def test_a_german_rotation_of_a_named_certificate_authority() -> None:
    notice = classify(HEALTH, "[Handlungsbedarf] Rotation der Amazon Quokka-Zertifizierungsstelle [AWS-Konto: "
                      "604411738205]",
                      "Hallo,\n\ndas Zertifikat der Zertifizierungsstelle, mit dem Amazon Quokka die Endpunkte "
                      "signiert, wird ersetzt. Bitte nehmen Sie das neue CA-Bundle bis zum 15. März 2027 in Ihren "
                      "Truststore auf.\n\nEreignis-ARN: arn:aws:health:eu-central-1::event/QUOKKA/"
                      "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_0A1B2C3D\n", date=FEB_2)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-03-15"
