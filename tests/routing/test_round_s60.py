"""Session 60, in our own words (none of these sentences is in a fixture), about fictitious accounts and the fictitious
Amazon Quokka. Round 161's main misses (measured only in session 59): a Spanish statement named by its issuer ("su
extracto de AWS"); a case AWS opened, said in Traditional Chinese with AWS Support the opener or the account named
"regarding" it ("AWS 已針對您的帳戶 N 建立支援案例 M"). Two held-out themes in our own words: an Italian suspension to
come dated "in data D"; a German end of support said with the separable verb "stellt … ein"."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

MAR_02 = format_datetime(datetime.fromisoformat("2027-03-02T08:15:00+00:00"))
AWS = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
INVOICING = "invoicing@aws.com"
HEALTH = "health@aws.com"


# a statement named by its issuer (es, pt, fr, it)

@pytest.mark.parametrize(("subject", "body"), [
    ("Su extracto de Amazon Web Services", "Hola:\n\nSu extracto de AWS del mes de febrero de 2027 para la cuenta "
                                           "604418827391 ya se puede consultar en la consola de facturación."),
    (None, "Olá,\n\nO extrato da AWS referente a fevereiro de 2027 (conta 604418827391) já pode ser consultado."),
    ("Votre relevé AWS", "Bonjour,\n\nVotre relevé AWS de février 2027 pour le compte 604418827391 est consultable."),
    (None, "Gentile cliente,\n\nl'estratto AWS di febbraio 2027 per l'account 604418827391 è consultabile nella "
           "console."),
])
def test_a_statement_named_by_its_issuer_is_a_statement(subject: str | None, body: str) -> None:
    assert classify(INVOICING, subject, body, date=MAR_02).notice_type == "billing.statement"


def test_a_past_due_balance_that_cites_the_statement_stays_past_due() -> None:
    body = ("Hola:\n\nEl saldo de su cuenta de AWS 604418827391 está vencido. Según su extracto de AWS de enero, "
            "el importe pendiente es de USD 220,00. Pague antes del 20 de marzo de 2027 para evitar la suspensión.")
    assert classify(BILLING, None, body, date=MAR_02).notice_type != "billing.statement"


# a case AWS opened, in Traditional Chinese, AWS Support the opener or the account named "regarding" it

@pytest.mark.parametrize(("subject", "body"), [
    ("AWS Support 已為您建立案例 29170044812",
     "您好，\n\n我們發現 Amazon Quokka 資料表的設定需要確認。請在案例中回覆。"),
    (None, "您好，\n\nAWS 已針對您的帳戶 604418827391 建立支援案例 29170044812，主題：Amazon Quokka 設定確認。"),
    (None, "您好，\n\nAWS 支援團隊已為您的帳戶 604418827391 建立了一個支援案例 29170044812。"),
])
def test_a_case_aws_opened_said_in_traditional_chinese_is_opened_by_aws(subject: str | None, body: str) -> None:
    assert classify(AWS, subject, body, date=MAR_02).notice_type == "support.case_opened_by_aws"


def test_a_chinese_case_opened_at_the_readers_request_is_not_opened_by_aws() -> None:
    body = "您好，\n\nAWS 已針對您的請求建立支援案例 29170044812，我們會盡快回覆。"
    assert classify(AWS, None, body, date=MAR_02).notice_type != "support.case_opened_by_aws"


# an Italian suspension to come, dated "in data D"

@pytest.mark.parametrize(("body", "deadline"), [
    ("Gentile cliente,\n\nil saldo dell'account 604418827391 è scaduto. In assenza di pagamento l'account sarà sospeso "
     "in data 18 marzo 2027.", "2027-03-18"),
    ("Gentile cliente,\n\nl'account AWS 604418827391 verrà sospeso in data 18/03/2027 se il saldo scaduto non sarà "
     "pagato.", "2027-03-18"),
])
def test_an_italian_suspension_dated_in_data_has_its_date(body: str, deadline: str) -> None:
    notice = classify(BILLING, None, body, date=MAR_02)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", deadline)


def test_an_italian_suspension_done_in_data_is_no_deadline() -> None:
    body = "Gentile cliente,\n\nl'account AWS 604418827391 è stato sospeso in data 1 marzo 2027."
    notice = classify(BILLING, None, body, date=MAR_02)
    assert notice.notice_type == "account.suspended" and notice.deadline is None


# a German end of support, said with the separable verb "einstellen"

@pytest.mark.parametrize("body", [
    "Guten Tag,\n\nAmazon Quokka stellt den Support für die Engine-Version 4.2 am 30. Juni 2027 ein. Ressourcen im "
    "Konto 604418827391 mit dieser Version werden danach im Wartungsfenster aktualisiert.",
    "Guten Tag,\n\nder Support für die Engine-Version 4.2 von Amazon Quokka wird am 30. Juni 2027 eingestellt. "
    "Bitte aktualisieren Sie die Ressourcen im Konto 604418827391.",
    "Guten Tag,\n\nwir stellen die Standard-Unterstützung für Amazon Quokka 4.2 zum 30. Juni 2027 ein.",
])
def test_a_german_support_stopped_with_einstellen_is_an_end_of_support(body: str) -> None:
    assert classify(HEALTH, None, body, date=MAR_02).notice_type == "health.end_of_support"


@pytest.mark.parametrize("body", [
    "Guten Tag,\n\nwir stellen den Support für Amazon Quokka 4.2 nicht ein. Am 30. Juni 2027 führen wir eine Wartung "
    "an den Ressourcen im Konto 604418827391 durch.",
    "Guten Tag,\n\nder Support für Amazon Quokka 4.2 wird nicht eingestellt. Am 30. Juni 2027 führen wir eine Wartung "
    "an den Ressourcen im Konto 604418827391 durch.",
])
def test_a_german_support_not_stopped_is_no_end_of_support(body: str) -> None:
    assert classify(HEALTH, None, body, date=MAR_02).notice_type != "health.end_of_support"


# round 162's main misses and their kin, in our own words

# a certificate update asked in the subject, one certificate (es, pt, fr, it), or its change said as a participle (de,
# es, pt, fr, it): a rotation, also in a planned lifecycle event

@pytest.mark.parametrize("subject", [
    "[Ação necessária] Atualize o certificado do servidor das tabelas Amazon Quokka [Conta AWS: 604418827391]",
    "[Acción necesaria] Actualice el certificado de las tablas de Amazon Quokka",
    "[Action requise] Mettez à jour le certificat des tables Amazon Quokka",
    "[Azione richiesta] Aggiornate il certificato delle tabelle Amazon Quokka",
    "[Handlung erforderlich] Amazon Quokka: Server-Zertifikat wird ausgetauscht",
    "Amazon Quokka: el certificado de servidor será reemplazado",
    "Amazon Quokka : le certificat du serveur sera remplacé",
])
def test_a_certificate_update_asked_or_announced_in_the_subject_is_a_rotation(subject: str) -> None:
    body = ("Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n\nAccount 604418827391: tables qk-1, qk-2.\n"
            "Date: 2027-04-20")
    assert classify(HEALTH, subject, body, date=MAR_02).notice_type == "health.certificate_rotation"


def test_a_planned_lifecycle_event_without_a_certificate_stays_an_end_of_support() -> None:
    body = ("Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n\nAmazon Quokka engine 3 reaches the end of standard "
            "support on April 20, 2027. Account 604418827391: tables qk-1, qk-2.")
    assert classify(HEALTH, "Amazon Quokka engine 3 end of standard support", body,
                    date=MAR_02).notice_type == "health.end_of_support"


# a suspension of use announced ahead in Japanese, the account's id between the account and its verb

@pytest.mark.parametrize(("subject", "body"), [
    ("AWS アカウント 6044-1882-7391 の利用停止に関する事前通知",
     "お客様\n\nご請求書のお支払いが確認できておりません。"),
    (None, "お客様\n\n2027年3月20日までにお支払いが確認できない場合、アカウント 6044-1882-7391 は利用停止となります。"),
])
def test_a_japanese_suspension_of_use_announced_ahead_is_a_suspension_warning(subject: str | None, body: str) -> None:
    assert classify(BILLING, subject, body, date=MAR_02).notice_type == "billing.suspension_warning"


def test_a_japanese_use_stopped_already_with_the_id_between_is_no_suspension_warning() -> None:
    body = "お客様\n\nアカウント 6044-1882-7391 は 2027年2月20日に利用停止となりました。"
    assert classify(BILLING, None, body, date=MAR_02).notice_type != "billing.suspension_warning"


# an account suspended, its id or an aside between the account and its verb

@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account 604418827391 has been suspended", "Hello,\n\nPlease pay the balance to reactivate it."),
    (None, "Hello,\n\nYour AWS account 604418827391, which belongs to the organization of account 771204583216, has "
           "been suspended for unpaid charges."),
    (None, "Hello,\n\nYour account, opened in 2019 for the Quokka team, was suspended on March 1, 2027."),
])
def test_an_account_suspended_with_its_id_or_an_aside_between_is_suspended(subject: str | None, body: str) -> None:
    assert classify(BILLING, subject, body, date=MAR_02).notice_type == "account.suspended"


def test_an_account_whose_aside_says_it_will_be_suspended_is_no_suspended_account() -> None:
    body = ("Hello,\n\nYour AWS account 604418827391, if the balance is not paid by March 20, 2027, will be suspended. "
            "Please pay now.")
    assert classify(BILLING, None, body, date=MAR_02).notice_type != "account.suspended"


# operating system patches AWS applies in a window: a maintenance

@pytest.mark.parametrize(("subject", "body"), [
    ("[AWS Health Event] Amazon Quokka scheduled patching", "Hello,\n\nThe Quokka nodes of account 604418827391 are "
                                                            "patched on March 20, 2027 between 01:00 and 03:00 UTC."),
    (None, "Hello,\n\nAmazon Quokka will apply operating system patches to the nodes of account 604418827391 on "
           "March 20, 2027, between 01:00 and 03:00 UTC. You do not need to do anything."),
])
def test_operating_system_patches_aws_applies_are_a_maintenance(subject: str | None, body: str) -> None:
    assert classify(HEALTH, subject, body, date=MAR_02).notice_type == "health.scheduled_maintenance"


# a change to a service the mail says it is written about, from a marketing sender

def test_a_change_to_a_service_written_about_by_a_marketing_sender_is_a_policy_change() -> None:
    body = ("Dear AWS customer,\n\nWe're writing to let you know about an upcoming change to Amazon Quokka. From "
            "April 1, 2027, new Quokka tables use the 2027 storage format. Existing tables are not changed.")
    assert classify("aws-marketing-email-replies@amazon.com", None, body,
                    date=MAR_02).notice_type == "policy.change_notice"


def test_a_newsletter_about_news_of_a_service_stays_a_newsletter() -> None:
    body = ("Hello,\n\nWe're excited to share what's new in Amazon Quokka this month: three new Regions, a faster "
            "console and a free workshop. Register today.")
    assert classify("aws-marketing-email-replies@amazon.com", "What's new in Amazon Quokka", body,
                    date=MAR_02).notice_type == "marketing.newsletter"


# maintenance named as a general noun in Chinese ("以简化维护", to make upkeep simpler): no maintenance

@pytest.mark.parametrize("body", [
    "您好：\n\n這是一則資訊通知。AWS 帳戶 604418827391 的 Amazon Quokka 中有 4 個資料表自 2026年12月1日起未被使用。"
    "您無須採取任何行動；如不再需要，可將其刪除以簡化維護。",
    "您好：\n\n这是一则信息通知。AWS 账户 604418827391 的 Amazon Quokka 中有 4 个表未被使用，"
    "删除它们可以降低维护成本。",
])
def test_upkeep_named_in_chinese_is_no_maintenance(body: str) -> None:
    assert classify(HEALTH, None, body, date=MAR_02).notice_type != "health.scheduled_maintenance"


def test_a_chinese_maintenance_scheduled_stays_a_maintenance() -> None:
    body = "您好：\n\nAWS 账户 604418827391 的 Amazon Quokka 节点将于 2027年3月20日 01:00 UTC 进行维护。"
    assert classify(HEALTH, None, body, date=MAR_02).notice_type == "health.scheduled_maintenance"


# a reply asked within a period, the case closing itself if none comes: no deadline

@pytest.mark.parametrize("body", [
    "There is a new reply on your AWS Support case 29170044812.\n\nPlease send the Quokka table ids within 7 days; "
    "if we do not hear from you, the case will be closed automatically.",
    "您的 AWS 支援案例 29170044812 有一則新的回覆。\n\n"
    "請在 7 天內回覆此案例並提供資料表 ID；若未收到\n回覆，案例將自動結案。",
    "您的 AWS 支持案例 29170044812 有新的回复。\n\n请在 7 天内回复此案例；如果没有收到您的回复，此案例将自动关闭。",
    "ケース 29170044812 に新しい返信があります。\n\n"
    "7 日以内にご返信ください。ご返信がない場合、本ケースは自動的にクローズされます。",
])
def test_a_reply_asked_within_a_period_of_a_self_closing_case_has_no_deadline(body: str) -> None:
    notice = classify(AWS, None, body, date=MAR_02)
    assert (notice.notice_type, notice.deadline) == ("support.case_correspondence", None)


def test_a_reply_asked_within_a_period_with_an_impact_keeps_its_deadline() -> None:
    body = ("We opened case 29170044812 on your behalf. Please reply within 7 days, or we may suspend the Quokka "
            "tables of account 604418827391.")
    assert classify(AWS, None, body, date=MAR_02).deadline == "2027-03-09"


# an account under its column in a Markdown table, the rule line between the header and the row (a held-out theme of
# round 162 in our own words: a cost anomaly whose member account stands in a table)

@pytest.mark.parametrize("body", [
    "Hello,\n\nCost Anomaly Detection found an anomaly.\n\n| Member account | Service | Impact |\n|---|---|---|\n"
    "| 604418827391 | Amazon Quokka | 412.80 USD |",
    "您好：\n\n成本异常检测发现异常。\n\n| 成员账户 | 服务 | 影响 |\n|------|------|------|\n"
    "| 604418827391 | Amazon Quokka | 412.80 USD |",
    "Hello,\n\nCost Anomaly Detection found an anomaly.\n\nAccount         Service          Impact\n"
    "--------------  ---------------  ----------\n604418827391    Amazon Quokka    412.80 USD",
])
def test_an_account_under_its_column_past_a_rule_line_is_the_account(body: str) -> None:
    notice = classify("anomalydetection@costalerts.amazonaws.com", "Cost anomaly", body, date=MAR_02)
    assert (notice.notice_type, notice.aws_account_id) == ("cost.anomaly", "604418827391")



# round 163's main misses and their kin, in our own words

# a Korean account closed, its id and the closure's date between the account and its verb

def test_a_korean_account_closed_with_its_id_and_date_between_is_closed() -> None:
    body = "안녕하세요,\n\n요청하신 대로 AWS 계정 604418827391이(가) 2027년 3월 1일에 해지되었습니다."
    assert classify(AWS, None, body, date=MAR_02).notice_type == "account.closed"


def test_a_korean_subscription_cancelled_in_an_account_is_no_account_closed() -> None:
    body = "안녕하세요,\n\nAWS 계정 604418827391의 Amazon Quokka 구독이 2027년 3월 1일에 해지되었습니다."
    assert classify("aws-marketplace@amazon.com", None, body, date=MAR_02).notice_type != "account.closed"


# no action asked of the reader, the reader named between ("不需要您採取任何動作"): no deadline

@pytest.mark.parametrize("body", [
    "您好：\n\n自 2027年3月2日起，AWS 已在您的帳戶 604418827391 中為所有新的 Amazon Quokka 資料表預設啟用加密。"
    "此變更不會影響現有資料表，也不需要您採取任何動作。",
    "您好：\n\n自 2027年3月2日起，AWS 已在您的账户 604418827391 中为所有新的 Amazon Quokka 表默认启用加密。"
    "您无需采取任何操作。",
])
def test_a_change_made_that_asks_nothing_has_no_deadline(body: str) -> None:
    assert classify(HEALTH, None, body, date=MAR_02).deadline is None


# an access key found in a public place, said after its owner and secret, or said public now: exposed, whatever the
# subject calls the account

@pytest.mark.parametrize("body", [
    "Dear AWS Customer,\n\nWe found the access key of account ****-****-7391, together with its secret key, in a "
    "publicly readable location: a paste site.\n\nPlease delete the key.",
    "Dear AWS Customer,\n\nAn access key of account 604418827391 was copied to a forum post. Because the key is now "
    "public, anyone may use it. Please delete the key.",
])
def test_an_access_key_found_public_is_exposed_whatever_the_subject(body: str) -> None:
    notice = classify("aws-security@amazon.com", "Your AWS account 604418827391 may be compromised", body,
                      date=MAR_02)
    assert notice.notice_type == "security.exposed_credentials"


@pytest.mark.parametrize("advice", [
    "Check whether your key is public, then rotate it.",
    "Never store your access key in a public repository.",
])
def test_a_key_whose_publicity_is_only_to_be_checked_stays_suspicious_activity(advice: str) -> None:
    body = f"Dear AWS Customer,\n\nWe saw unusual RunInstances calls in account 604418827391. {advice}"
    notice = classify("aws-security@amazon.com", "Your AWS account 604418827391 may be compromised", body,
                      date=MAR_02)
    assert notice.notice_type == "security.suspicious_activity"


# the day the reader registered a domain, said in Chinese without 了 or 的: a fact, not the deadline

@pytest.mark.parametrize("body", [
    "您好：\n\n您於 2027 年 3 月 2 日透過 Amazon Route 53 註冊（或更新聯絡資訊）網域 quokka-tea.example。\n\n"
    "請在收到此郵件後 15 天內驗證您的電子郵件地址，否則該網域將被暫停。",
    "您好：\n\n您于 2027 年 3 月 2 日通过 Amazon Route 53 注册域名 quokka-tea.example。\n\n"
    "请在收到此邮件后 15 天内验证您的电子邮件地址，否则该域名将被暂停。",
])
def test_the_day_the_reader_registered_a_domain_is_no_deadline(body: str) -> None:
    assert classify("noreply@registrar.amazon.com", "請驗證網域的註冊人電子郵件地址", body,
                    date=MAR_02).deadline == "2027-03-17"


def test_a_registration_asked_by_a_day_keeps_that_day() -> None:
    body = "您好：\n\n请您于 2027 年 3 月 20 日之前注册域名 quokka-tea.example。"
    assert classify(AWS, None, body, date=MAR_02).deadline == "2027-03-20"

