"""Session 39's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Left from round 71: a participle that shares a modal "be" other than "will" with the clause before it ("may be
shut down … and the host released") tells what may happen from the date on, not a release that happened then.
Round 72: a Korean statement issued ("청구 명세서가 발행되었습니다"); a service or device AWS stops offering, in
Korean, Japanese and Chinese ("서비스 종료 안내", "提供を終了します", "停止提供"), is its end of life; the account a
mail names by its last digits in the other languages ("アカウント末尾 8205", "la cuenta de AWS que termina en 8205"),
not a direct debit's. Round 73: an automatic upgrade written out ("The automatic upgrade of … starts on D") is a
maintenance, its start the deadline; fields listed on one line ("Released: D1, Recommended apply-by date: D2") are read
each on its own; a planned lifecycle event whose subject names an end of support and whose body names what stops then
(a certificate's rotation) is the end of support; the account "with the anomaly" over the monitor's management
account; a Traditional Chinese welcome ("感謝您建立 … 帳戶"); a German statement "abrufbar"; a third party's use of the
account, the key only its cause, is suspicious activity. Round 74: a revision of the Acceptable Use Policy (whose
sections name abuse) is a policy change, not an abuse report; a revision of the terms the reader accepts by using AWS
that says no action is needed has no deadline; irregular or unusual activity in the account, localized, is suspicious
activity. Round 75: a German statement named as a compound ("Abrechnungsbeleg … steht bereit"); SES verification
said as a success first ("已成功驗證網域"); an MFA device the root user deactivated whose mail says the credentials may
have leaked (zh); a Traditional Chinese reserved instance ("預留執行個體") that expires; a German certificate subject
"Zertifikate aktualisieren"; a charge that "konnte nicht … eingezogen werden"; a localized invoice charged
automatically has no deadline."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "no-reply@notifications.health.aws"
NO_REPLY = "no-reply-aws@amazon.com"
INVOICING = "invoicing@aws.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T08:30:00+00:00"))


@pytest.mark.parametrize("modal", ["may", "might", "could", "can"])
def test_a_release_that_shares_a_modal_be_is_no_fact(modal: str) -> None:
    notice = classify(HEALTH, None,
                      "Hello,\n\nThe Amazon Quokka appliance host h-0c1d2e3f40516273a that serves AWS account "
                      "604411738205 is scheduled to be retired on or after Tuesday, April 6, 2027. From then on the "
                      f"appliance {modal} be shut down without further notice and the host released.\n\nMove the "
                      "appliance to a new host ahead of the retirement.\n\nEvent type code: "
                      "AWS_QUOKKA_DEDICATED_HOST_RETIREMENT_SCHEDULED\n", date=MAR_4)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-04-06"


def test_a_release_reported_as_done_stays_a_fact() -> None:
    # (guard: a release AWS reports, "was released on D", is what happened then, not a deadline)
    notice = classify(HEALTH, "Amazon Quokka host retired",
                      "Hello,\n\nThe Amazon Quokka appliance host h-0c1d2e3f40516273a of AWS account 604411738205 "
                      "was retired and the host released on March 2, 2027. No action is needed.\n", date=MAR_4)
    assert notice.deadline is None


def test_a_korean_statement_issued_is_a_statement() -> None:
    notice = classify(INVOICING, "Amazon Quokka 이용 요금 안내 [계정: 604411738205]",
                      "안녕하세요.\n\n계정 604411738205의 2027년 2월 청구 명세서가 발행되었습니다. 요금은 등록된 결제 "
                      "수단으로 자동 결제됩니다.\n\nAmazon Quokka    USD 41.20\n합계    USD 41.20\n", date=MAR_4)
    assert notice.notice_type == "billing.statement"
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Quokka 서비스 종료 안내",
     "안녕하세요.\n\nAWS는 더 이상 Amazon Quokka 어플라이언스를 제공할 수 없게 되었습니다. "
     "기존 고객은 2027년 9월 30일까지 어플라이언스를 사용할 수 있으며, 그 전에 데이터를 Amazon S3로 옮겨 주십시오.\n"),
    (None,
     "お客様各位\n\nAWS は 2027年9月30日をもって Amazon Quokka の提供を終了します。"
     "それまでにデータを Amazon S3 へ移行してください。\n"),
    (None,
     "您好：\n\nAWS 将于 2027年9月30日停止提供 Amazon Quokka。请在此日期之前将数据迁移到 Amazon S3。\n"),
], ids=["ko", "ja", "zh"])
def test_a_service_aws_stops_offering_is_its_end_of_life(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


def test_resources_a_suspension_may_end_are_no_service_end() -> None:
    # (guard: what a suspension may do to the account's resources, "服務，…資源也可能被終止", is no service's end)
    notice = classify(NO_REPLY, "您的 AWS 帳戶即將遭到停用",
                      "您好：\n\n帳戶 604411738205 的 Amazon Quokka 費用仍未付清。"
                      "若我們在 2027 年 3 月 20 日之前仍未收到付款，您的帳戶將會停用，"
                      "屆時您將無法使用 AWS 服務，帳戶中的資源也可能被終止。\n", date=MAR_4)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-03-20"


@pytest.mark.parametrize("phrase", ["アカウント末尾 8205 の請求明細書が発行されました。",
                                    "계정 끝자리 8205의 청구 명세서가 발행되었습니다.",
                                    "账户尾号 8205 的账单已出具。",
                                    "El extracto de la cuenta de AWS que termina en 8205 ya está disponible.",
                                    "Die Abrechnung für Ihr AWS-Konto mit der Endung 8205 ist verfügbar."],
                         ids=["ja", "ko", "zh", "es", "de"])
def test_the_account_named_by_its_last_digits_beside_others(phrase: str) -> None:
    # (a statement that names the reader's account by its last four digits and lists the linked account first)
    notice = classify(INVOICING, None,
                      f"{phrase}\n\nLinked account 731905512274    USD 40.10\nPayer account 604411738205    USD 1.10\n",
                      date=MAR_4)
    assert notice.aws_account_id == "604411738205"


def test_a_bank_account_named_by_its_last_digits_is_not_the_readers() -> None:
    # (guard: "cuenta bancaria … que termina en 0042" names the bank's account, not an AWS one)
    notice = classify(INVOICING, "Pago recibido",
                      "Hemos recibido el pago desde su banco, cuenta que termina en 0042.\n\nCuenta de AWS: "
                      "604411738205\n", date=MAR_4)
    assert notice.aws_account_id == "604411738205"


@pytest.mark.parametrize("phrase", ["Addebito SEPA sul conto che termina con 0932.",
                                    "Zahlungsmethode: Lastschrift (SEPA), Konto endet auf 5512.",
                                    "Le montant sera prélevé sur le compte se terminant par 8831."],
                         ids=["it", "de", "fr"])
def test_a_direct_debit_account_named_by_its_last_digits_is_not_the_readers(phrase: str) -> None:
    # (guard: the account a direct debit draws on, named by its last digits, is the reader's bank's)
    notice = classify(INVOICING, "Amazon Quokka invoice for account 604411738205", f"{phrase}\n", date=MAR_4)
    assert notice.aws_account_id == "604411738205"


def test_an_automatic_upgrade_written_out_is_a_maintenance() -> None:
    notice = classify(NO_REPLY, "Amazon Quokka engine automatic upgrade",
                      "Hello,\n\nThe automatic upgrade of the Amazon Quokka engine to version 3 starts on April 20, "
                      "2027 for AWS account 604411738205. Test your pipelines on version 3 before then.\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-20"


def test_fields_listed_on_one_line_are_read_each_on_its_own() -> None:
    notice = classify(HEALTH, "Software update available for Amazon Quokka [AWS Account: 604411738205]",
                      "Hello,\n\nA Quokka appliance software update is available for your appliances.\n\n"
                      "Update name: q-2027-03, Released: 2027-03-01, Recommended apply-by date: 2027-04-15, "
                      "Automatic update after the apply-by date: yes\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-15"


@pytest.mark.parametrize(("subject", "wanted"), [
    ("Amazon Quokka V1 のサポート終了 [AWS アカウント: 604411738205]", "health.end_of_support"),
    ("Amazon Quokka V1 の証明書ローテーション [AWS アカウント: 604411738205]", "health.certificate_rotation"),
], ids=["end-of-support", "certificate-guard"])
def test_a_lifecycle_subject_that_names_an_end_of_support(subject: str, wanted: str) -> None:
    # (the body names what stops then, a certificate's rotation among it)
    notice = classify(HEALTH, subject,
                      "お客様各位\n\n2027年6月30日をもって Amazon Quokka V1 はサポートを終了します。以降、デバイスの"
                      "デプロイと証明書のローテーションは実行できなくなります。\n\nイベント ARN: "
                      "arn:aws:health:ap-northeast-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
                      "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_1A2B3C\n", date=MAR_4)
    assert notice.notice_type == wanted


@pytest.mark.parametrize(("body", "wanted"), [
    ("Monitor quokka-spend (criado na conta de gerenciamento 731905512274)\n\nConta com a anomalia 604411738205\n",
     "604411738205"),
    ("Der Monitor quokka-spend im Verwaltungskonto 731905512274 hat eine Anomalie festgestellt.\n\n"
     "Hauptursache: verknüpftes Konto 604411738205\n", "731905512274"),
], ids=["account-with-the-anomaly", "monitor-owner-guard"])
def test_the_account_with_the_anomaly(body: str, wanted: str) -> None:
    notice = classify("anomalydetection@costalerts.amazonaws.com", "Amazon Quokka cost anomaly", body, date=MAR_4)
    assert notice.notice_type == "cost.anomaly"
    assert notice.aws_account_id == wanted


def test_a_traditional_chinese_welcome_without_a_subject() -> None:
    notice = classify(NO_REPLY, None, "感謝您建立 Amazon Web Services (AWS) 帳戶。\n\n您的 AWS 帳戶 ID：604411738205\n",
                      date=MAR_4)
    assert notice.notice_type == "onboarding.welcome"


def test_a_german_statement_to_be_fetched() -> None:
    notice = classify(INVOICING, "Ihre AWS-Abrechnung für Februar 2027",
                      "Guten Tag,\n\nIhre Abrechnung für Amazon Quokka im Februar 2027 ist jetzt in der Konsole "
                      "abrufbar.\n\nAWS-Konto 604411738205\n", date=MAR_4)
    assert notice.notice_type == "billing.statement"


@pytest.mark.parametrize(("subject", "wanted"), [
    (None, "security.suspicious_activity"),
    ("Your AWS access key is exposed", "security.exposed_credentials"),
], ids=["third-party-use", "exposed-subject-guard"])
def test_a_third_partys_use_of_the_account(subject: str | None, wanted: str) -> None:
    notice = classify("no-reply@amazonaws.com", subject,
                      "Hello,\n\nSomeone outside your company may have used your AWS account 604411738205. The "
                      "Amazon Quokka calls we saw suggest that the access key AKIAQUOKKAEXAMPLE123 and its secret have "
                      "been exposed.\n\nRotate the key and contact us by March 12, 2027.\n", date=MAR_4)
    assert notice.notice_type == wanted


def test_a_revision_of_the_acceptable_use_policy_is_a_policy_change() -> None:
    notice = classify(NO_REPLY, "Changes to the AWS Acceptable Use Policy",
                      "Hello,\n\nWe have revised the AWS Acceptable Use Policy. The revised policy takes effect on "
                      "April 20, 2027.\n\nThe section on network abuse now also names Amazon Quokka relays.\n\nYou "
                      "do not need to do anything: using AWS after that date means the revised policy applies.\n",
                      date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


def test_an_abuse_report_that_cites_the_acceptable_use_policy_stays_one() -> None:
    # (guard: a report of abuse under the policy, not a revision of it)
    notice = classify("ec2-abuse@amazon.com", "Your Amazon EC2 Abuse Report [AWS ID 604411738205]",
                      "Hello,\n\nWe have received a report that your Amazon Quokka relay was implicated in activity "
                      "that violates the AWS Acceptable Use Policy (network abuse). Please reply within 24 hours.\n",
                      date=MAR_4)
    assert notice.notice_type == "abuse.report"


def test_a_revision_of_the_terms_that_asks_a_review_keeps_its_date() -> None:
    # (guard: no "no action" sentence: the date the revised terms apply stays the deadline)
    notice = classify(NO_REPLY, "Update to the AWS Service Terms",
                      "Hello,\n\nWe have updated the AWS Service Terms for Amazon Quokka. The update takes effect on "
                      "April 20, 2027. Please review the new section before then.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-04-20"


@pytest.mark.parametrize(("subject", "body"), [
    ("Medida necesaria: actividad irregular en su cuenta de AWS 604411738205",
     "Hola:\n\nHemos detectado actividad inusual en su cuenta de AWS 604411738205 (Amazon Quokka). Hemos abierto el "
     "caso de soporte 174208833019264 y restringido algunos servicios.\n\nRote las claves antes del 12 de marzo de "
     "2027 y responda en el caso. Si no recibimos respuesta, la cuenta podría suspenderse.\n"),
    ("Ação necessária: atividade irregular na sua conta da AWS 604411738205",
     "Olá,\n\nDetectamos atividade incomum na sua conta 604411738205 ligada ao Amazon Quokka.\n"),
], ids=["es", "pt"])
def test_irregular_activity_in_the_account_is_suspicious(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "security.suspicious_activity"


@pytest.mark.parametrize("body", ["感謝您建立 Amazon Web Services (AWS) 帳戶。您的驗證碼：482913。",
                                  "Thank you for creating an AWS account. Your verification code is 482913."],
                         ids=["zh-Hant", "en"])
def test_a_thanks_for_the_new_account_over_a_code_is_no_welcome(body: str) -> None:
    # (attacker testing of round 73's welcome phrases: a code under the thanks keeps the mail out of the welcome)
    notice = classify(NO_REPLY, None, body, date=MAR_4)
    assert notice.notice_type != "onboarding.welcome"


def test_a_welcome_that_writes_the_account_id_in_groups_of_three_stays_one() -> None:
    # (guard: "553 091 820 476" is the account id, not a code)
    notice = classify(NO_REPLY, "Welcome to Amazon Web Services",
                      "Hello,\n\nWelcome to Amazon Web Services. Your account is ready.\n\nAWS account ID: "
                      "604 411 738 205\n\nYour account includes the AWS Free Tier for Amazon Quokka.\n", date=MAR_4)
    assert notice.notice_type == "onboarding.welcome"


def test_a_german_statement_named_as_a_compound() -> None:
    notice = classify(INVOICING, "Amazon Web Services Abrechnungsbeleg für Konto 604411738205",
                      "Guten Tag,\n\nIhr Abrechnungsbeleg für Amazon Quokka im Februar 2027 steht bereit.\n",
                      date=MAR_4)
    assert notice.notice_type == "billing.statement"


def test_ses_verification_said_as_a_success_first() -> None:
    notice = classify(NO_REPLY, None,
                      "您好，\n\n恭喜！您已成功驗證網域 quokka.example，"
                      "可透過 Amazon SES 傳送電子郵件。\n", date=MAR_4)
    assert notice.notice_type == "ses.identity_verified"


def test_an_mfa_device_deactivated_whose_mail_fears_a_leak() -> None:
    notice = classify(NO_REPLY, "您的 AWS 账户的多重身份验证 (MFA) 已被停用",
                      "您好：\n\nAWS 账户 604411738205 的根用户停用了一台 MFA 设备（Quokka 令牌）。\n\n"
                      "如果不是您本人操作，您的根用户凭证可能已泄露：请立即重置根用户密码。\n", date=MAR_4)
    assert notice.notice_type == "credentials.mfa_deactivated"


def test_a_traditional_chinese_reserved_instance_that_expires() -> None:
    notice = classify(NO_REPLY, "您的預留執行個體將於 30 天後到期",
                      "您好，\n\n帳戶 604411738205 中的 Amazon Quokka 預留執行個體將於 2027年4月3日 到期。"
                      "此帳戶的帳單由付款人帳戶支付。\n", date=MAR_4)
    assert notice.notice_type == "cost.commitment_expiry"


def test_a_german_certificate_update_subject() -> None:
    notice = classify(HEALTH, "[Maßnahme erforderlich] Amazon Quokka: SSL/TLS-Zertifikate aktualisieren",
                      "Die derzeitige CA von Amazon Quokka läuft am 20.04.2027 ab. Fügen Sie das neue CA-Bündel "
                      "bis zum 15.03.2027 dem Truststore Ihrer Clients hinzu.\n", date=MAR_4)
    assert notice.notice_type == "health.certificate_rotation"


def test_a_charge_that_could_not_be_collected_from_the_card() -> None:
    notice = classify(NO_REPLY, "Ihr AWS-Konto weist einen offenen Betrag auf",
                      "Guten Tag,\n\nDer Betrag für Amazon Quokka im Konto 604411738205 konnte nicht von der "
                      "hinterlegten Kreditkarte mit der Endung 4417 eingezogen werden.\n", date=MAR_4)
    assert notice.notice_type == "billing.payment_failed"


@pytest.mark.parametrize(("phrase", "deadline"), [
    ("Der Betrag wird am Fälligkeitsdatum 15.03.2027 automatisch von Ihrer Kreditkarte abgebucht.", None),
    ("Bitte überweisen Sie den Betrag bis zum Fälligkeitsdatum 15.03.2027.", "2027-03-15"),
], ids=["charged-automatically", "to-pay-guard"])
def test_a_localized_invoice_charged_automatically_has_no_deadline(phrase: str, deadline: str | None) -> None:
    notice = classify(INVOICING, "Amazon Web Services – Rechnung verfügbar [Konto: 604411738205]",
                      f"Guten Tag,\n\nIhre Rechnung für Amazon Quokka im Februar 2027 ist verfügbar.\n\n{phrase}\n",
                      date=MAR_4)
    assert notice.notice_type == "billing.invoice"
    assert notice.deadline == deadline
