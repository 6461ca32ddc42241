"""Session 29's round, in our own words (none of these sentences is in a fixture): a maintenance whose mail asks the
reader to answer before it begins, an account the mail asks to check is *not* compromised, what expires a number of
hours after the mail, and the account that owns a cost monitor."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARCH_2 = format_datetime(datetime.fromisoformat("2027-03-02T10:00:00+00:00"))


# a maintenance the reader may ask to move, before it begins (the window's start is the deadline)
@pytest.mark.parametrize(("subject", "window", "ask"), [
    ("Geplante Wartung für Amazon Quokka", "Wartungsfenster: Donnerstag, 18.03.2027, 03:00 bis 05:00 UTC",
     "Falls Ihnen dieser Zeitpunkt nicht passt, melden Sie sich bitte vor Beginn der Wartung beim AWS Support, damit "
     "wir einen anderen Termin finden."),
    ("Geplante Wartung für Amazon Quokka", "Wartungsfenster: Donnerstag, 18.03.2027, 03:00 bis 05:00 UTC",
     "Bitte schreiben Sie uns, bevor die Wartung beginnt, wenn der Termin nicht passt."),
    ("Mantenimiento programado para Amazon Quokka",
     "Ventana de mantenimiento: jueves, 18 de marzo de 2027, de 03:00 a 05:00 UTC",
     "Si esta fecha no le conviene, comuníquese con AWS Support antes del inicio del mantenimiento para acordar otra "
     "fecha."),
    ("Manutenzione pianificata per Amazon Quokka",
     "Finestra di manutenzione: giovedì 18 marzo 2027, dalle 03:00 alle 05:00 UTC",
     "Se questa data non è adatta, contatti il Supporto AWS prima dell'inizio della manutenzione per concordare "
     "un'altra data."),
    ("Manutenção programada para o Amazon Quokka",
     "Janela de manutenção: quinta-feira, 18 de março de 2027, das 03:00 às 05:00 UTC",
     "Se esta data não for conveniente, entre em contato com o AWS Support antes do início da manutenção para "
     "combinar outra data."),
    ("Planned maintenance for Amazon Quokka", "Maintenance window: Thursday, March 18, 2027, 03:00 to 05:00 UTC",
     "If this time does not suit you, let AWS Support know before the maintenance begins."),
])
def test_a_maintenance_the_reader_may_move_before_it_begins(subject: str, window: str, ask: str) -> None:
    body = f"Maintenance is planned for your Amazon Quokka cluster.\n\n{window}\n\n{ask}"
    notice = classify(HEALTH, subject, body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-18")


def test_a_maintenance_that_asks_nothing_keeps_no_deadline() -> None:
    body = ("Für Ihren Amazon Quokka-Cluster ist eine Wartung geplant.\n\n"
            "Wartungsfenster: Donnerstag, 18.03.2027, 03:00 bis 05:00 UTC\n\n"
            "Während der Wartung bleibt der Cluster erreichbar. Sie müssen nichts tun.")
    notice = classify(HEALTH, "Geplante Wartung für Amazon Quokka", body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", None)


# an account the mail asks the reader to check is not compromised: the notice is what the mail is about
@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES : examen de votre compte",
     "Votre compte Amazon SES dans la Région Europe (Paris) fait l'objet d'un examen : trop de messages renvoyés.\n\n"
     "Pour corriger ce problème, vérifiez qu'aucun identifiant SMTP de votre compte n'a été compromis et nettoyez vos "
     "listes."),
    ("Amazon SES: revisión de su cuenta",
     "Su cuenta de Amazon SES en la Región Europa (Irlanda) está en revisión debido a una tasa de rebote elevada.\n\n"
     "Para corregirlo, compruebe que su cuenta no ha sido comprometida y depure sus listas."),
    ("Amazon SES: Überprüfung Ihres Kontos",
     "Ihr Amazon SES-Konto in der Region EU (Frankfurt) wird überprüft, weil die Bounce-Rate zu hoch ist.\n\n"
     "Stellen Sie sicher, dass Ihr Konto nicht kompromittiert wurde, und bereinigen Sie Ihre Empfängerlisten."),
])
def test_an_account_to_check_is_not_compromised_is_no_compromise(subject: str, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "ses.sending_review"


@pytest.mark.parametrize(("subject", "body"), [
    ("Activité sur votre compte AWS",
     "Nous avons détecté des connexions inhabituelles. Votre compte AWS a peut-être été compromis. Changez le mot de "
     "passe root."),
    ("Actividad en su cuenta de AWS",
     "Detectamos inicios de sesión inusuales. Es posible que su cuenta de AWS esté comprometida. Cambie la contraseña "
     "raíz."),
    ("Aktivität in Ihrem AWS-Konto",
     "Wir haben ungewöhnliche Anmeldungen festgestellt. Ihr AWS-Konto wurde möglicherweise kompromittiert. Ändern Sie "
     "das Root-Passwort."),
])
def test_an_account_that_may_be_compromised_still_is_suspicious_activity(subject: str, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "security.suspicious_activity"


# what expires a number of hours after the mail: a request does (a deadline); a link or a code does not (ask again)
ACM = "no-reply@certificates.amazon.com"


def _acm(expiry: str) -> str:
    return ("We received a request to issue an SSL/TLS certificate for quokka.example.net.\n\n"
            "Domain: quokka.example.net\nAWS account ID: 4128-3390-6157\nAWS Region name: eu-west-1\n\n"
            "To approve this request, open the Amazon Certificate Approvals page and follow the instructions there. "
            f"{expiry}\n\nSincerely,\nAmazon Web Services")


@pytest.mark.parametrize(("expiry", "deadline"), [
    ("The request expires 72 hours after it was sent.", "2027-03-05"),
    ("This request will expire in 72 hours.", "2027-03-05"),
    # (a link that stays valid for a period is one to ask for again, counted from this mail or not: session 56, as 4 of
    # the 5 labelled ACM mails that say so read no deadline)
    ("The approval link stays valid for 72 hours after this message was sent.", None),
    ("This approval link expires in 72 hours.", None),
    ("The link is valid for 72 hours.", None),
])
def test_what_expires_hours_after_the_mail(expiry: str, deadline: str | None) -> None:
    notice = classify(ACM, "Certificate request for quokka.example.net", _acm(expiry), date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("verification.acm_approval", deadline)


def test_a_request_expiring_days_after_it_was_sent() -> None:
    body = ("AWS account 551200734418 invited your account to join its organization.\n\n"
            "To accept, sign in to the AWS Organizations console. The invitation expires 15 days after it was sent.")
    notice = classify(NO_REPLY, "Invitation to join an AWS organization", body, date=MARCH_2)
    assert notice.deadline == "2027-03-17"


# the account that owns the cost monitor is the reader's, beside the member account whose spend it found
@pytest.mark.parametrize("owner", [
    "This alert was sent by the monitor owner account 613208457731 (management account).",
    "Monitor owner account: 613208457731",
    "You receive it as the owner of the monitor, account 613208457731.",
])
def test_the_monitor_owner_account_is_the_readers(owner: str) -> None:
    body = ("We detected a cost anomaly for your monitor org-linked-accounts.\n\n"
            "Total impact $2,104.55\n\nAWS Service Amazon Quokka\n\nMember Account 720884316250\n\n"
            f"Region eu-west-1\n\n{owner} Review the root cause in the Cost Management console.")
    notice = classify("anomalydetection@costalerts.amazonaws.com",
                      "AWS Cost Anomaly Detection Alert - Amazon Quokka: $2,104.55 total impact", body)
    assert (notice.notice_type, notice.aws_account_id) == ("cost.anomaly", "613208457731")


# round 38: a Health event ARN in the notification's request id names the event type code; a Fargate task retirement
def _health_mail(body: str, request_id: str | None) -> bytes:
    from email.message import EmailMessage
    from email.policy import SMTP

    message = EmailMessage(policy=SMTP)
    message["From"] = "Amazon Web Services <health@aws.com>"
    message["To"] = "root@tenant.example"
    message["Date"] = MARCH_2
    if request_id is not None:
        message["X-NOTIFICATIONS-CLIENT-REQUEST-ID"] = request_id
    message.set_content(body, charset="utf-8", cte="8bit")
    return message.as_bytes()


@pytest.mark.parametrize(("code", "expected"), [
    ("AWS_ECS_TASK_PATCHING_RETIREMENT", "health.instance_retirement"),
    ("AWS_QUOKKA_MAINTENANCE_SCHEDULED", "health.scheduled_maintenance"),
    ("AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT", "health.other"),
])
def test_the_event_type_code_of_a_health_arn_in_the_request_id(code: str, expected: str) -> None:
    from routing.parse import parse_mail
    from tests.routing.mailbuild import CLASSIFIER

    body = "Hello,\n\nSome of your Amazon Quokka resources in eu-west-1 are affected; see the AWS Health Dashboard."
    raw = _health_mail(body, f"arn:aws:health:eu-west-1::event/QUOKKA/{code}/{code}_5A1B2C")
    notice = CLASSIFIER.classify(parse_mail(raw))
    assert notice.identifiers.get("event_type_code") == code
    if expected != "health.other":  # (a lifecycle event names no type of its own: the wording decides)
        assert notice.notice_type == expected


def test_fargate_tasks_due_for_retirement_are_a_retirement_by_their_words() -> None:
    body = ("Your AWS account 512090774431 has Amazon ECS tasks running on AWS Fargate in eu-west-1 that are due for "
            "retirement. The affected tasks will be stopped after Tuesday, March 16, 2027 at 09:00 UTC.\n\n"
            "To choose when they are replaced, update your services yourself before the retirement time.")
    notice = classify(HEALTH, None, body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-03-16")


# root-credential mail has no deadline: its dates are when something happened or when a code or link expires
@pytest.mark.parametrize(("subject", "body"), [
    (None, "Le escribimos para informarle de que el dispositivo MFA del usuario raíz de su cuenta de AWS se ha "
           "desactivado.\n\nCuenta de AWS: 512090774431\nFecha de la desactivación: martes, 2 de marzo de 2027, 09:40 "
           "UTC\n\nSi no ha sido usted, cambie inmediatamente la contraseña del usuario raíz."),
    ("Multi-factor authentication device removed",
     "The MFA device of the root user of AWS account 512090774431 was removed.\n\nRemoved on: Tuesday, March 2, 2027 "
     "at 09:40 UTC\n\nIf you did not do this, change the root user password immediately."),
])
def test_root_credential_mail_has_no_deadline(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("credentials.mfa_deactivated", None)


# round 39: a cancellation the mail makes conditional on the reader is no cancellation; the Billing console is no bill
def test_a_window_cancelled_only_if_the_reader_acts_first_keeps_its_start() -> None:
    body = ("Amazon Quokka will apply required maintenance to the cluster below.\n\n"
            "Cluster: qk-orders (eu-west-1)\nWindow start: Tuesday, March 16, 2027, 14:00 UTC\n"
            "Window end: Tuesday, March 16, 2027, 16:00 UTC\n\n"
            "Each node restarts once during the window. If you restart the cluster yourself before the window starts, "
            "the maintenance is applied then and the scheduled window is cancelled.")
    notice = classify(NO_REPLY, "Amazon Quokka Scheduled Maintenance Notification", body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-16")


def test_a_cancelled_maintenance_still_has_none() -> None:
    body = ("The maintenance of your Amazon Quokka cluster planned for Tuesday, March 16, 2027, 14:00 UTC has been "
            "cancelled. Each node would have restarted once; nothing will happen now.")
    notice = classify(NO_REPLY, "Amazon Quokka Scheduled Maintenance Notification", body, date=MARCH_2)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", None)


@pytest.mark.parametrize(("subject", "body", "statement"), [
    ("AWS Organizations：您的账户已从组织中移除",
     "AWS 账户 512090774431 已被管理账户 613208457731 从其组织中移除，现为独立账户。\n\n"
     "从移除之日起，本账户产生的费用由本账户承担。请在账单控制台添加付款方式。", False),
    ("AWS Organizations：您的帳戶已從組織中移除",
     "AWS 帳戶 512090774431 已從組織中移除，現為獨立帳戶。請在帳單主控台新增付款方式。", False),
    ("您的 AWS 账单", "您 2027 年 2 月的 AWS 账单现已可用。账户：512090774431，金额：USD 84.20。", True),
], ids=["zh-cn-console", "zh-tw-console", "zh-cn-bill"])
def test_the_billing_console_is_no_bill(subject: str, body: str, statement: bool) -> None:
    notice = classify(NO_REPLY, subject, body)
    assert (notice.notice_type == "billing.statement") is statement


# round 39 (unseen252): the full id after a masked one; the payer the prose calls the reader's; Marketplace's own
# amazon.com sender; a root password changed, in Chinese with its time between
@pytest.mark.parametrize("full", ["(ID completo: 512090774431)", "(full ID: 512090774431)",
                                  "(identifiant complet : 512090774431)", "(vollständige ID: 512090774431)"])
def test_the_full_id_after_a_masked_one(full: str) -> None:
    body = (f"Abbiamo rilevato attività insolite sull'account AWS che termina con ****4431 {full}. Cambia la password "
            "dell'utente root e ruota le chiavi di accesso.\n\nAltro account citato nella segnalazione: 613208457731.")
    assert classify(NO_REPLY, "[Azione richiesta] Verifica l'account AWS", body).aws_account_id == "512090774431"


def test_the_payer_the_prose_calls_the_readers_over_a_linked_field() -> None:
    body = ("Reserved nodes purchased by your AWS account 613208457731 for Amazon Quokka expire on June 2, 2027. "
            "To keep the discount, purchase new reserved nodes before the end date.\n\n"
            "Payer account: 613208457731 Linked account running the nodes: 512090774431")
    notice = classify(NO_REPLY, "Your Amazon Quokka reserved nodes expire in 30 days", body, date=MARCH_2)
    assert (notice.notice_type, notice.aws_account_id) == ("cost.commitment_expiry", "613208457731")


def test_a_linked_field_beside_a_payer_field_stays_the_account_concerned() -> None:
    body = ("Reserved nodes for Amazon Quokka expire on June 2, 2027. To keep the discount, purchase new reserved "
            "nodes before the end date.\n\nPayer account: 613208457731\nLinked account: 512090774431")
    notice = classify(NO_REPLY, "Your Amazon Quokka reserved nodes expire in 30 days", body, date=MARCH_2)
    assert notice.aws_account_id == "512090774431"


def test_marketplace_notifications_from_amazon_com() -> None:
    from routing.families import sender_family

    body = ("Olá,\n\nObrigado por assinar o produto \"Quokka Logs Enterprise\" no AWS Marketplace com a conta "
            "5120-9077-4431.\n\nInício do contrato: 27/04/2027\n\nAs cobranças aparecerão na sua fatura da AWS.")
    assert sender_family("aws-marketplace-notifications@amazon.com") == "marketplace"
    assert classify("aws-marketplace-notifications@amazon.com", None, body).notice_type == "marketplace.subscription"


@pytest.mark.parametrize("body", [
    "帳戶 512090774431 的根使用者密碼已於 2027年3月28日 14:40 (UTC) 變更。如果這是您本人的操作，則無需採取任何動作。",
    "账户 512090774431 的根用户密码已于 2027年3月28日 14:40 (UTC) 更改。如果这是您本人的操作，则无需采取任何操作。",
], ids=["zh-tw", "zh-cn"])
def test_a_root_password_changed_with_its_time_between(body: str) -> None:
    assert classify(NO_REPLY, "您的 Amazon Web Services 根使用者密碼已變更", body).notice_type == "credentials.other"


# round 40 (unseen255, 256, 258): a platform's retirement is an end of support, also by its event code; the full id
# named "ID account completo"; a Chinese suspension with its date between; a localized charge per unit from a date
def test_a_platform_retirement_event_code_is_an_end_of_support() -> None:
    from routing.parse import parse_mail
    from tests.routing.mailbuild import CLASSIFIER

    body = ("Il ramo di piattaforma Quokka 18 verrà ritirato. Ti chiediamo di migrare i tuoi ambienti entro il 30 "
            "giugno 2027.")
    code = "AWS_QUOKKA_PLATFORM_RETIREMENT_SCHEDULED"
    raw = _health_mail(body, f"arn:aws:silverwire:eu-south-1:silvermine:{code}/{code}_5A1B2C/0a1b/UNO-1")
    notice = CLASSIFIER.classify(parse_mail(raw))
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


def test_an_instance_retirement_event_code_stays_a_retirement() -> None:
    from routing.parse import parse_mail
    from tests.routing.mailbuild import CLASSIFIER

    code = "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED"
    raw = _health_mail("One of your instances is scheduled for retirement on March 20, 2027.",
                       f"arn:aws:silverwire:eu-south-1:silvermine:{code}/{code}_5A1B2C/0a1b/UNO-1")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == "health.instance_retirement"


def test_an_italian_platform_branch_named_with_di() -> None:
    body = ("Uno o più ambienti del tuo account AWS 512090774431 usano ancora il ramo di piattaforma Quokka 18. "
            "Il ramo di piattaforma verrà ritirato: migra i tuoi ambienti entro il 30 giugno 2027.")
    notice = classify(HEALTH, "Ritiro del ramo di piattaforma Quokka 18", body, date=MARCH_2)
    assert notice.notice_type == "health.end_of_support"


def test_the_full_id_named_id_account_completo() -> None:
    body = ("La chiave di accesso AKIAQUOKKAEXAMPLE7Q è pubblicamente disponibile online. Ciò rappresenta un "
            "rischio per il tuo account AWS (********4431). ID account completo: 512090774431. Altro account nel "
            "file: 613208457731.")
    notice = classify("aws-security-notifications@amazon.com", "La tua chiave di accesso AWS è esposta", body)
    assert notice.aws_account_id == "512090774431"


@pytest.mark.parametrize("body", [
    "由于未能收到 2027年1月的账单款项，您的 AWS 账户 512090774431 已于 2027年3月25日起被暂停。"
    "请在 2027年4月24日之前付清未付余额。",
    "由於未能收到 2027年1月的帳單款項，您的 AWS 帳戶 512090774431 已於 2027年3月25日起被暫停。"
    "請在 2027年4月24日之前付清未付餘額。",
], ids=["zh-cn", "zh-tw"])
def test_a_chinese_suspension_with_its_date_between(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=format_datetime(datetime.fromisoformat("2027-03-26T10:00:00+00:00")))
    assert notice.notice_type == "account.suspended"


@pytest.mark.parametrize("sentence", [
    "自 2027年3月1日起，每月免費叫用將改為 700 萬次，超出部分按每百萬次叫用計費。",
    "自 2027年3月1日起，每月免费调用将改为 700 万次，超出部分按每百万次调用计费。",
], ids=["zh-tw", "zh-cn"])
def test_a_charge_per_unit_from_a_date_in_chinese(sentence: str) -> None:
    body = (f"我們來信通知您，Amazon Quokka 將調整計費方式。{sentence}\n\n"
            "您的 AWS 帳戶 512090774431 可能受到此變更影響。\n\n您無需採取任何動作即可繼續使用服務。")
    notice = classify(NO_REPLY, "Amazon Quokka 計費方式變更通知", body,
                      date=format_datetime(datetime.fromisoformat("2027-01-21T10:00:00+00:00")))
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-03-01")
