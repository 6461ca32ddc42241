"""Session 47, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
A service that "will begin moving" the reader's jobs to a newer version from a date dates its maintenance; a change to
an hourly rate, or a new fee that takes effect from a date, is a price change without a subject too; a key found
published, whose mail adds that the account could be used by third parties, is an exposed key in every language; a
code to confirm an account's new address is an e-mail change code whatever its subject; an account id grouped by
threes still names a suspended account; a case AWS opened "on behalf of account N" (or "El equipo de AWS ha abierto el
caso N") is opened by AWS, also where it asks about the registrant's contact; a maintenance "originally scheduled"
for a date in Traditional Chinese ("原訂於") has moved; a date "as announced" in Japanese or Korean is when it was said;
the owner of a commitment named "(member account)" is the account."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
JAN_7 = format_datetime(datetime.fromisoformat("2027-01-07T02:30:00+00:00"))


@pytest.mark.parametrize("verb", ["begin moving", "start migrating", "begin transitioning"])
def test_a_service_that_will_begin_moving_jobs_to_a_newer_version_dates_its_maintenance(verb: str) -> None:
    body = (f"Hello,\n\nStarting April 12, 2027, Amazon Quokka will {verb} pipelines that still run on engine 1.4 to "
            "engine 2.0 in the EU-WEST-3 Region. Test your pipelines on engine 2.0 before then.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "[Action Required] Amazon Quokka engine auto-upgrade [AWS Account: 305518842290]", body,
                      date=MAR_3)
    assert notice.deadline == "2027-04-12"


@pytest.mark.parametrize(("sender", "body"), [
    (NO_REPLY, "On November 2, 2026, we announced a change to the hourly rate for Quokka burrows that stay reserved "
               "but idle. The new rate applies starting July 1, 2027.\n\nThe pricing page lists the new rate."),
    (MARKETING, "On November 2, 2026, we announced a change to the hourly rate for Quokka burrows that stay reserved "
                "but idle. The new rate applies starting July 1, 2027."),
    (MARKETING, "We published a new hourly fee for Quokka burrows left attached to stopped gateways, which takes "
                "effect starting July 1, 2027.\n\nThe pricing page lists the new fee."),
], ids=["rate-change", "rate-change-marketing", "new-fee-marketing"])
def test_a_change_to_an_hourly_rate_from_a_date_is_a_price_change_without_a_subject(sender: str, body: str) -> None:
    assert classify(sender, None, body, date=MAR_3).notice_type == "policy.change_notice"


@pytest.mark.parametrize(("sender", "body", "kind"), [
    (NO_REPLY, "We noticed a change in the daily rate of bounces sent from your Quokka burrows.", "general.other"),
    (MARKETING, "Read about the new hourly rate for Quokka burrows on our blog. Start saving today!",
     "marketing.newsletter"),
], ids=["bounce-rate", "newsletter"])
def test_a_rate_that_is_no_price_or_no_date_stays_what_it_was(sender: str, body: str, kind: str) -> None:
    assert classify(sender, None, body, date=MAR_3).notice_type == kind


@pytest.mark.parametrize("body", [
    "Gentile cliente,\n\nabbiamo trovato la tua chiave di accesso (****QKKA) pubblicata su GitHub il 1 marzo 2027.\n\n"
    "Poiché la chiave è visibile a tutti, il tuo account potrebbe essere usato da terzi. Ruota la chiave.",
    "Bonjour,\n\nnous avons trouvé votre clé d'accès (****QKKA) publiée sur GitHub le 1er mars 2027.\n\n"
    "Votre compte pourrait être utilisé par des tiers. Veuillez faire pivoter la clé.",
    "Hallo,\n\nwir haben Ihren Zugriffsschlüssel (****QKKA) veröffentlicht auf GitHub gefunden.\n\n"
    "Ihr Konto könnte von Dritten verwendet werden. Bitte rotieren Sie den Schlüssel.",
], ids=["it", "fr", "de"])
def test_a_key_found_published_is_an_exposed_key_though_third_parties_could_use_the_account(body: str) -> None:
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "security.exposed_credentials"


def test_a_key_that_may_have_leaked_beside_third_party_access_stays_a_suspicious_activity() -> None:
    # the guard: a key that "may have leaked", the hint of a suspicious activity, not a key found published
    body = ("您好：\n\n您的 AWS 账户 305518842290 可能已被第三方不当访问。\n\n我们检测到访问密钥在多个区域启动了实例，"
            "这可能表示该访问密钥已经泄露。")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "security.suspicious_activity"


@pytest.mark.parametrize(("subject", "body"), [
    ("Quokka account e-mail address change verification",
     "Hello,\n\nA request was made to change the root user email address of AWS account 3055 1884 2290 to this "
     "address.\n\nVerification code: 771204\n\nThe code expires in 30 minutes."),
    (None, "Hello,\n\nA request was made to change the email address of AWS account 305518842290 to this address.\n\n"
           "Verification code: 771204"),
], ids=["subject", "no-subject"])
def test_a_code_to_confirm_an_accounts_new_address_is_an_email_change_code(subject: str | None, body: str) -> None:
    notice = classify("account-update@amazon.com", subject, body, date=MAR_3)
    assert notice.notice_type == "credentials.email_change_code"
    assert notice.secret


def test_how_to_change_an_accounts_address_is_no_code() -> None:
    # the guard: no code or confirmation, only how to change the address
    body = "Hello,\n\nYou can update the email address of your AWS account in the Quokka console at any time."
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type != "credentials.email_change_code"


def test_an_account_id_grouped_by_threes_names_a_suspended_account() -> None:
    body = ("Hello,\n\nYour AWS account 305 518 842 290 was suspended on March 2, 2027 because the Quokka invoice of "
            "February 2, 2027 is still unpaid.\n\nTo restore access, pay the balance before April 1, 2027.")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline, notice.aws_account_id) == (
        "account.suspended", "2027-04-01", "305518842290")


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS Support: case 187700112233 opened for account 305518842290",
     "Hello,\n\nAWS opened case 187700112233 on behalf of account 305518842290.\n\nSubject: Quokka burrow limits\n\n"
     "Please reply to this case within 5 days of this message with your use case."),
    ("Amazon Web Services ha abierto un caso de soporte: 187700112233",
     "Hola:\n\nEl equipo de AWS ha abierto el caso 187700112233 sobre su cuenta 3055-1884-2290.\n\n"
     "Asunto: Verificación de la información de contacto del titular de la cuenta\n\n"
     "Responda a este caso en un plazo de 7 días a partir de este mensaje."),
], ids=["en", "es-registrant-contact"])
def test_a_case_aws_opened_on_behalf_of_the_account_is_opened_by_aws(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "support.case_opened_by_aws"
    assert notice.aws_account_id == "305518842290"


def test_a_maintenance_originally_scheduled_in_traditional_chinese_has_moved() -> None:
    body = ("您好，\n\n原訂於 2027年3月20日 進行的 Amazon Quokka 端點更新，已改為 2027年4月3日 02:00–06:00 (UTC)。\n\n"
            "帳戶：305518842290\n\n您也可在 2027年4月3日前於主控台自行套用此更新。")
    notice = classify(HEALTH, "[AWS Health] Amazon Quokka 維護時段變更", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-03"


@pytest.mark.parametrize(("subject", "body"), [
    ("[要対応] Amazon Quokka 1.x のサポート終了",
     "お客様\n\n2027年1月7日にお知らせしたとおり、Amazon Quokka 1.x のサポートを終了します。\n\n"
     "2027年3月15日までに Quokka 2.x へアップグレードしてください。"),
    ("[조치 필요] Amazon Quokka 1.x 지원 종료",
     "고객님께\n\n2027년 1월 7일에 안내해 드린 대로, Amazon Quokka 1.x의 지원이 종료됩니다.\n\n"
     "2027년 3월 15일까지 Quokka 2.x로 업그레이드하십시오."),
], ids=["ja", "ko"])
def test_a_date_as_announced_on_the_mails_own_day_is_when_it_was_said(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body, date=JAN_7)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-03-15"


def test_a_commitment_whose_owner_is_named_as_a_member_account_is_that_accounts() -> None:
    body = ("Hello,\n\nA Quokka Savings Plan bought by a member account of your organization ends soon.\n\n"
            "Management account: 305518842290\nSavings Plan owner (member account): 418820117364\n"
            "Expires on: April 2, 2027\n\nQueue a replacement before it expires.")
    notice = classify("no-reply@amazonaws.com", "Your Savings Plan expires soon", body, date=MAR_3)
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.aws_account_id == "418820117364"


@pytest.mark.parametrize(("body", "source"), [
    ("Hello,\n\nOur records show a request for the Quokka burrow 3.121.44.208. Before we can process the request, "
     "please reply to this case within 5 days of this message.",
     "we can process the request, please reply to this case within 5 days"),
    ("Hello,\n\nA Quokka Savings Plan ends soon.\n\nCommitment: USD 4.20/hour\nStart date: March 4, 2026\n"
     "Expires on: April 2, 2027\n",
     "USD 4.20/hour Start date: March 4, 2026 Expires on: April 2, 2027"),
], ids=["reply-within", "expires-field"])
def test_a_deadlines_source_phrase_starts_at_a_word(body: str, source: str) -> None:
    # the phrase is cut 60 characters before its date: from the next word on, not from the middle of one ("efore we
    # can …", "itment: USD …")
    notice = classify(NO_REPLY, "Amazon Quokka", body, date=MAR_3)
    assert notice.deadline_source == source


def test_a_maintenance_whose_window_moved_is_a_maintenance_without_a_subject() -> None:
    # (round 103) the window named alone ("New window: …") beside the maintenance and what it does (instances patched)
    body = ("Greetings from Amazon Web Services,\n\nThis message updates our notice of March 1, 2027 about "
            "maintenance of Amazon Quokka streaming hosts in the Europe (Paris) Region.\n\nThe window has moved. New "
            "window: Thursday "
            "2027-03-25, 01:00 to 05:00 UTC (previously 2027-03-18).\n\nAffected burrows in account 3055 1884 2290:\n"
            " - burrow-a\n\nQuokka drains sessions on each host before it is patched. You do not need to take any "
            "action.")
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


def test_a_window_of_the_console_is_no_maintenance() -> None:
    # the guard: "window" without a maintenance
    body = "Hello,\n\nOpen the Quokka console in a new window to review this month's usage of your account."
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type != "health.scheduled_maintenance"


@pytest.mark.parametrize("body", [
    "안녕하세요.\n\nAWS 계정 생성을 완료해 주셔서 감사합니다. 계정 ID는 305518842290입니다.\n\n"
    "이제 Amazon Quokka를 사용할 수 있습니다.",
    "您好：\n\n感谢您创建 AWS 账户。账户 ID 为 305518842290。\n\n现在您可以开始使用 Amazon Quokka。",
], ids=["ko", "zh"])
def test_an_account_id_after_is_in_cjk_is_the_account(body: str) -> None:
    # (round 104) "계정 ID는 N입니다": the topic particle ("is") between the noun and the number
    notice = classify("no-reply@signup.aws", "Amazon Web Services에 오신 것을 환영합니다", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_an_account_named_by_its_ending_and_later_in_full_is_that_account() -> None:
    body = ("Hello,\n\nWe found an AWS access key for your account (ending 2290) published in a public Quokka "
            "snippet.\n\nAccess key ID: AKIAQUOKKA2290EXAMPL\n\nPlease delete the key.\n\n"
            "Full account ID for your records: 305518842290")
    notice = classify(NO_REPLY, "[Action Required] Your AWS Access Key is exposed for AWS account ending 2290", body,
                      date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_an_account_named_by_its_ending_wins_over_another_named_in_full_that_ends_otherwise() -> None:
    body = ("Hello,\n\nWe found an AWS access key for your account (ending 2290) published in a public snippet.\n\n"
            "Reported by account ID: 418820117364\n\nFull account ID for your records: 305518842290")
    notice = classify(NO_REPLY, "Your AWS Access Key is exposed", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_a_change_that_needs_no_change_of_the_reader_sets_no_deadline() -> None:
    body = ("Hello,\n\nOn or after June 1, 2027, Amazon Quokka will keep burrow logs for 3 years instead of 2, at no "
            "extra charge. You don't need to change anything.\n\nThank you for using Amazon Quokka.")
    notice = classify(NO_REPLY, "Upcoming change to Amazon Quokka log retention", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


def test_a_change_that_needs_no_change_for_one_purpose_keeps_the_date_of_its_other_ask() -> None:
    # the guard: "no need to change anything to keep receiving them", and an ask for the readers who filter them
    body = ("Hello,\n\nStarting April 12, 2027, e-mails about Amazon Quokka burrows will be delivered through AWS User "
            "Notifications. You do not need to change anything to keep receiving them.\n\nIf you filter these e-mails "
            "with inbox rules, check that your rules still match the new sender before April 12, 2027.")
    notice = classify(NO_REPLY, "Upcoming change to how you receive Amazon Quokka e-mail", body, date=MAR_3)
    assert notice.deadline == "2027-04-12"


def test_an_invitations_expiry_date_field_in_chinese_is_its_deadline() -> None:
    body = ("您好：\n\n管理账户（418820117364）邀请您的 AWS 账户 305518842290 加入其组织。\n\n"
            "发出日期：2027年3月3日\n过期日期：2027年3月17日\n\n如需接受或拒绝，请登录 AWS Organizations 控制台。")
    notice = classify(NO_REPLY, "加入 AWS 组织的邀请", body, date=MAR_3)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-03-17"


def test_a_bank_account_named_by_its_ending_names_no_aws_account() -> None:
    # the guard: "bank account ending 0042" is the bank's, though an account id in full ends so too
    body = ("Hello,\n\nWe charged your bank account ending 0042 for the Quokka invoice.\n\nAccount ID: 305518842290\n"
            "Other account ID: 418820110042")
    assert classify(NO_REPLY, "Payment received", body, date=MAR_3).aws_account_id == "305518842290"


@pytest.mark.parametrize(("subject", "body"), [
    ("[Ação necessária] Atualize a autoridade certificadora dos clusters do Amazon Quokka [Conta da AWS: 305518842290]",
     "Olá,\n\nA autoridade certificadora dos clusters do Amazon Quokka muda. Aplique o novo certificado até 23 de "
     "agosto de 2027."),
    ("[Ação necessária] Amazon Quokka [Conta da AWS: 305518842290]",
     "Olá,\n\nO certificado da autoridade certificadora usado pelos clusters do Amazon Quokka será substituído. "
     "Aplique o novo certificado até 23 de agosto de 2027."),
], ids=["subject-imperative", "body-passive"])
def test_a_planned_lifecycle_event_whose_ca_is_replaced_is_a_certificate_rotation(subject: str, body: str) -> None:
    # (round 105) the certificate authority to update, in the imperative; or the certificate named first, replaced after
    body += ("\n\nEvent ARN: arn:aws:health:sa-east-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
            "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_5F0C1A2B3C4D5E6F7A8B")
    notice = classify(HEALTH, subject, body, date=MAR_3)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-08-23"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES: su cuenta está en revisión", "Hola:\n\nSu cuenta de Amazon SES en la región UE (Fráncfort) "
     "(3055-1884-2290) se encuentra en revisión por su tasa de quejas."),
    ("Amazon SES : votre compte est en cours d'examen", "Bonjour,\n\nVotre compte Amazon SES dans la région Europe "
     "(Paris) (3055-1884-2290) est en cours d'examen."),
], ids=["es", "fr"])
def test_an_account_named_after_its_region_in_spanish_is_the_account(subject: str, body: str) -> None:
    assert classify(NO_REPLY, subject, body, date=MAR_3).aws_account_id == "305518842290"


@pytest.mark.parametrize("field", ["Earlier notice  : expires on 2027-06-15   (incorrect)",
                                   "Previous date: 2027-06-15"])
def test_a_date_a_correction_marks_wrong_is_no_deadline(field: str) -> None:
    body = ("Hello,\n\nOur notice of March 1, 2027 gave the wrong end date for your Quokka Savings Plan.\n\n"
            f"  {field}\n  Corrected       : expires on 2027-06-30\n\nQueue a new plan before the plan ends.")
    notice = classify(NO_REPLY, "Correction: your Quokka Savings Plan expires on a different date", body, date=MAR_3)
    assert notice.deadline == "2027-06-30"


def test_a_date_followed_by_its_zone_in_parentheses_is_not_marked_wrong() -> None:
    # the guard: "(UTC)" after a date is no mark of a wrong date
    body = ("Hello,\n\nYour Quokka Savings Plan expires on 2027-06-15 (UTC). Queue a new plan before the plan ends.")
    assert classify(NO_REPLY, "Your Quokka Savings Plan expires soon", body, date=MAR_3).deadline == "2027-06-15"


def test_a_deadlines_source_phrase_starts_at_a_word_in_a_latin_script_with_accents() -> None:
    # (cut 60 characters before the date, inside "confiança": from "dos" on, not from "ça")
    body = ("Olá,\n\nAtualize o repositório de confiança dos seus clientes e aplique o novo certificado até 23 de "
            "agosto de 2027.")
    notice = classify(HEALTH, "[Ação necessária] Atualize a autoridade certificadora do Amazon Quokka", body,
                      date=MAR_3)
    assert notice.deadline_source == "dos seus clientes e aplique o novo certificado até 23 de agosto de 2027"


def test_a_german_maintenance_the_reader_may_start_by_a_date_has_that_deadline() -> None:
    # (round 105) "Sie können das Update bis zum D selbst … anstoßen": the reader may apply it first, then AWS does
    body = ("Guten Tag,\n\nAWS wird die Quokka-Broker im Konto 305518842290 mit Sicherheitskorrekturen "
            "aktualisieren.\n\nSie können das Update bis zum 12.04.2027 selbst über die Quokka-Konsole anstoßen. "
            "Danach aktualisiert AWS die übrigen Broker nacheinander.")
    notice = classify(HEALTH, "Geplante Wartung für Amazon Quokka [AWS-Konto: 305518842290]", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-12"


def test_a_german_maintenance_that_asks_nothing_has_no_deadline() -> None:
    # the guard: what the reader can look at is no act
    body = ("Guten Tag,\n\nAWS wartet am 12.04.2027 die Quokka-Broker im Konto 305518842290. Es ist keine Aktion "
            "erforderlich. Sie können den Status in der Quokka-Konsole einsehen.")
    notice = classify(HEALTH, "Geplante Wartung für Amazon Quokka [AWS-Konto: 305518842290]", body, date=MAR_3)
    assert notice.deadline is None


def test_a_feature_that_will_no_longer_do_its_work_from_a_date_ends_its_support() -> None:
    # (round 106) no "end of support" words: what the old feature stops doing, and a migration asked before then
    body = ("Amazon Quokka Classic burrow filters will stop filtering traffic\n\nAccount 3055-1884-2290\n\n"
            "Starting Sep 1st, 2027, burrow filters created with Amazon Quokka Classic will no longer evaluate "
            "requests. Use the migration wizard to move the rules to Amazon Quokka before then.")
    notice = classify(HEALTH, "[Action Required] Migrate Amazon Quokka Classic burrow filters", body, date=MAR_3)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-01"


@pytest.mark.parametrize("subject", ["Avertissement : suspension prochaine de votre compte AWS",
                                     "Aviso: suspensión inminente de su cuenta de AWS"])
def test_an_unpaid_invoice_under_a_subject_that_names_the_suspension_to_come_is_a_warning(subject: str) -> None:
    body = ("Bonjour,\n\nLa facture de décembre 2026 du compte AWS 305518842290 reste impayée.\n\n"
            "À compter du jeudi 1er avril 2027, si le solde n'est pas réglé, le compte sera suspendu.")
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-04-01"


def test_an_unpaid_invoice_without_a_suspension_to_come_stays_a_failed_payment() -> None:
    # the guard: the subject names no suspension
    body = "Bonjour,\n\nLa facture de décembre 2026 du compte AWS 305518842290 reste impayée. Veuillez la régler."
    assert classify(NO_REPLY, "Facture impayée", body, date=MAR_3).notice_type == "billing.payment_failed"


def test_a_buyer_account_named_with_aws_between_is_the_account() -> None:
    body = ("Olá,\n\nA sua assinatura do Quokka Connector no AWS Marketplace foi renovada.\n\n"
            "Conta AWS compradora: 305518842290\nVendedor: Quokka Ltda.")
    notice = classify("aws-marketplace-no-reply@amazon.com", "AWS Marketplace: assinatura renovada", body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_a_reply_on_a_case_named_as_a_field_is_case_correspondence_without_a_subject() -> None:
    body = ("Olá,\n\nHá uma nova mensagem no seu caso de suporte.\n\nID do caso: 17230044521\nConta: 305518842290\n\n"
            "Para ver a resposta, acesse a Central de Suporte da AWS.")
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "support.case_correspondence"


def test_an_account_masked_by_four_stars_and_named_in_full_is_that_account() -> None:
    body = ("Hola:\n\nHemos encontrado una clave de acceso de su cuenta de AWS (****2290) publicada en un repositorio "
            "público de GitHub.\n\nID de cuenta completo: 305518842290\n\nHemos abierto el caso 179990212007.")
    notice = classify(NO_REPLY, "Acción requerida: su clave de acceso de AWS está expuesta [Cuenta de AWS ****2290]",
                      body, date=MAR_3)
    assert notice.aws_account_id == "305518842290"


def test_a_card_masked_by_four_stars_names_no_account() -> None:
    # the guard: the card's last digits, though an id named in full ends so
    body = ("Hello,\n\nWe could not charge your card ****2290 for the Quokka invoice.\n\nAccount ID: 418820117364\n"
            "Reference account: 305518842290")
    assert classify(NO_REPLY, "Payment failed", body, date=MAR_3).aws_account_id == "418820117364"


def test_an_old_version_upgraded_by_aws_after_a_date_without_a_subject_ends_its_support() -> None:
    # (round 107) "Dopo tale data, AWS aggiornerà automaticamente i processi rimasti"
    body = ("Gentile cliente,\n\nil tuo account AWS 305518842290 ha processi Amazon Quokka che usano ancora la "
            "versione 2.0.\n\nTi consigliamo di aggiornare questi processi alla versione 4.0 entro il 15 giugno "
            "2027. Dopo tale data, AWS aggiornerà automaticamente i processi rimasti.")
    notice = classify("no-reply@user-notifications.email.aws.com", None, body, date=MAR_3)
    assert notice.notice_type in ("health.end_of_support", "health.scheduled_maintenance")
    assert notice.deadline == "2027-06-15"


def test_an_italian_ses_account_aws_is_examining_is_a_sending_review() -> None:
    body = ("Gentile cliente,\n\nstiamo esaminando l'invio di e-mail del tuo account AWS 305518842290 tramite Amazon "
            "SES. Durante la revisione puoi continuare a inviare e-mail.")
    notice = classify(NO_REPLY, "Amazon SES: revisione dell'account", body, date=MAR_3)
    assert notice.notice_type == "ses.sending_review"


@pytest.mark.parametrize("body", [
    "Hola:\n\nHemos cerrado su cuenta de AWS 305518842290 a petición del usuario raíz.",
    "Bonjour,\n\nNous avons fermé votre compte AWS 305518842290 à la demande de l'utilisateur root.",
    "Hallo,\n\nWir haben Ihr AWS-Konto 305518842290 auf Wunsch des Root-Benutzers geschlossen.",
], ids=["es", "fr", "de"])
def test_an_account_aws_says_it_closed_is_closed_without_a_subject(body: str) -> None:
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type == "account.closed"


def test_a_welcome_to_aws_in_traditional_chinese_without_a_subject_is_a_welcome() -> None:
    body = "歡迎使用 Amazon Web Services！\n\n感謝您註冊。您的 AWS 帳戶（帳戶 ID：3055 1884 2290）已可使用。"
    notice = classify(NO_REPLY, None, body, date=MAR_3)
    assert notice.notice_type == "onboarding.welcome"
    assert notice.aws_account_id == "305518842290"


@pytest.mark.parametrize("body", [
    "歡迎使用 AWS Lambda！\n\n您可以開始建立函數。",
    "안녕하세요,\n\nAWS 계정 305518842290에서 만든 Amazon Quokka 인스턴스를 사용할 준비가 되었습니다.",
], ids=["zh-service", "ko-service"])
def test_a_welcome_to_a_service_or_a_service_ready_is_no_account_welcome(body: str) -> None:
    # the guard: a service, not the AWS account
    assert classify(NO_REPLY, None, body, date=MAR_3).notice_type != "onboarding.welcome"
