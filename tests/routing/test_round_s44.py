"""Session 44's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
An invitation or an offer valid for a period of days ("is valid for 15 days", "stays open for", "will expire after",
"you have 15 days to"; fr, it, de, pt, es, ja, zh, ko) is read as a period counted from the mail, as "expires in 15
days" already was, while a link or a code valid for a period stays no deadline (the reader asks for another); an
account invited into an organization (es "fue invitada a la organización", pt "foi convidada para a organização", it
"invitato nell'organizzazione", de "in die Organisation … eingeladen") is an Organizations invitation whose period is
asked. Round 89: a planned lifecycle event whose remaining resources AWS migrates automatically is a maintenance, as
an automatic upgrade is; a date said to be the one first planned ("originally scheduled for D", "prévue initialement le
D", "ursprünglich für den D", "当初 D", "原定于 D", "당초 D") is the date the mail replaces; a Japanese account that
"will be suspended" if the bill is not paid ("アカウントが停止され、") is a suspension warning, one that was suspended
stays suspended; the date of the message itself, under an English title, stays a fact. Round 90: the day a mail says
it writes to the reader ("Le D, nous vous rappelons que …"; es, it, de, pt) is a fact; a payment that "could not be
processed", or a charge the bank declined told across a line break, is a failed payment; an account "may be
compromised" whose number is masked in the subject is suspicious activity. Round 91: a past with an adverb after its
auxiliary ("a donc été suspendu le D", "è quindi stato sospeso il D", "foi portanto suspensa em D", "ha ya sido") is a
fact. Round 92: "Account ID in full: N" names the account a masked one stands for; the day AWS announced a change in
Chinese ("我们于 D 宣布") is a fact; a scheduled window in Chinese ("排定時段：D", "预定时段") starts on its date; a
date in a quoted Received header is no deadline; a localized statement a colleague forwards keeps its type by its
subject; a change to a service's charges named in the subject is a price change."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
APR_7 = format_datetime(datetime.fromisoformat("2027-04-07T08:15:00+00:00"))
INVITED = "The AWS account 518273645091 was invited to join the organization o-quokka77 of Quokka Ventures."
LIFECYCLE_ARN = ("Event ARN: arn:aws:health:eu-north-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
                 "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_7A21C0FFEE")


@pytest.mark.parametrize("period", [
    "The invitation is valid for 15 days.",
    "This invitation remains valid for fifteen days, after which Quokka Ventures has to send a new one.",
    "The invitation stays open for 15 days.",
    "The invitation will expire after 15 days.",
    "You have 15 days to accept it from the AWS Organizations console.",
], ids=["valid-for", "remains-written-out", "stays-open", "expire-after", "you-have"])
def test_an_invitation_valid_for_a_period_is_asked_within_it(period: str) -> None:
    notice = classify(NO_REPLY, "AWS Organizations invitation", f"Hello,\n\n{INVITED} {period}\n", date=APR_7)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-04-22"


@pytest.mark.parametrize(("subject", "body"), [
    ("Invitation à rejoindre une organisation AWS",
     "Le compte AWS 518273645091 a été invité à rejoindre l'organisation o-quokka77. L'invitation reste valable "
     "15 jours."),
    ("Invito a unirsi a un'organizzazione AWS",
     "L'account AWS 518273645091 è stato invitato nell'organizzazione o-quokka77. L'invito rimane valido per 15 "
     "giorni."),
    ("Einladung zu einer AWS-Organisation",
     "Das AWS-Konto 518273645091 wurde in die Organisation o-quokka77 von Quokka Ventures eingeladen. Die Einladung "
     "bleibt 15 Tage gültig."),
    ("Convite para ingressar em uma organização da AWS",
     "A conta da AWS 518273645091 foi convidada para a organização o-quokka77. Você tem 15 dias para aceitar."),
    ("Invitación para unirse a una organización de AWS",
     "La cuenta de AWS 518273645091 fue invitada a la organización o-quokka77. La invitación es válida por 15 días."),
    ("AWS Organizations への招待",
     "AWS アカウント 518273645091 が組織 o-quokka77 に招待されました。この招待は 15 日間有効です。"),
    ("AWS Organizations 邀请",
     "您的 AWS 账户 518273645091 已被邀请加入组织 o-quokka77。该邀请的有效期为 15 天。"),
    ("AWS Organizations 초대",
     "AWS 계정 518273645091이(가) 조직 o-quokka77에 초대되었습니다. 초대는 15일 동안 유효합니다."),
], ids=["fr", "it", "de", "pt", "es", "ja", "zh", "ko"])
def test_a_localized_invitation_valid_for_a_period_is_asked_within_it(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=APR_7)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-04-22"


@pytest.mark.parametrize(("subject", "body"), [
    ("Verify your e-mail address",
     "Open the link below to verify the e-mail address of AWS account 518273645091. The link is valid for 3 days; "
     "ask for another one at any time."),
    ("Confirme su dirección de correo electrónico",
     "Abra el enlace siguiente para confirmar la dirección de la cuenta de AWS 518273645091. El enlace es válido "
     "durante 3 días."),
    ("Bestätigen Sie Ihre E-Mail-Adresse",
     "Öffnen Sie den folgenden Link, um die Adresse des AWS-Kontos 518273645091 zu bestätigen. Der Link ist 3 Tage "
     "gültig."),
], ids=["en", "es", "de"])
def test_a_link_valid_for_a_period_is_no_deadline(subject: str, body: str) -> None:
    assert classify(NO_REPLY, subject, body, date=APR_7).deadline is None


@pytest.mark.parametrize("body", [
    "Amazon Quokka is moving the stream relays of account 518273645091 to a new ingest fleet. You can move them "
    "yourself before May 12, 2027; from that date AWS will automatically migrate the relays that remain.",
    "Amazon Quokka traslada los relés de la cuenta 518273645091 a una nueva flota. Puede moverlos usted mismo antes "
    "del 12 de mayo de 2027; a partir de esa fecha, AWS migrará automáticamente los relés restantes.",
    "Amazon Quokka déplace les relais du compte 518273645091 vers une nouvelle flotte. Vous pouvez les déplacer "
    "vous-même avant le 12 mai 2027 ; à partir de cette date, AWS migrera automatiquement les relais restants.",
    "Amazon Quokka verlegt die Relays des Kontos 518273645091 in eine neue Flotte. Sie können sie bis zum "
    "12. Mai 2027 selbst verlegen; danach werden die übrigen Relays automatisch migriert.",
    "Amazon Quokka はアカウント 518273645091 のリレーを新しいフリートに移します。2027年5月12日 までにご自身で"
    "移行できます。それ以降、残りのリレーは自動的に移行されます。",
], ids=["en", "es", "fr", "de", "ja"])
def test_a_lifecycle_event_that_migrates_what_remains_is_a_maintenance(body: str) -> None:
    notice = classify(HEALTH, None, f"{LIFECYCLE_ARN}\n\n{body}\n", date=APR_7)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-05-12"


def test_a_lifecycle_event_that_names_an_end_of_support_stays_one() -> None:
    notice = classify(HEALTH, None, f"{LIFECYCLE_ARN}\n\nStandard support for Quokka relay engine 2 ends on May 12, "
                                    "2027. After that date AWS will automatically migrate the relays that remain.\n",
                      date=APR_7)
    assert notice.notice_type == "health.end_of_support"


@pytest.mark.parametrize("replaced", [
    "The patching of your Quokka relays originally scheduled for April 20, 2027 is postponed.",
    "Le correctif de vos relais Quokka prévu initialement le 20 avril 2027\nest reporté.",
    "La actualización de sus relés Quokka prevista inicialmente para el 20 de abril de 2027 se retrasa.",
    "L'aggiornamento dei relè Quokka inizialmente previsto per il 20 aprile 2027 slitta.",
    "Das ursprünglich für den 20. April 2027 geplante Update Ihrer Quokka-Relays entfällt an diesem Tag.",
    "A atualização dos relés Quokka prevista inicialmente para 20 de abril de 2027 fica para depois.",
    "当初 2027年4月20日 に予定していた Quokka リレーの更新は行いません。",
    "原定于 2027年4月20日 进行的 Quokka 中继更新不再进行。",
    "당초 2027년 4월 20일로 예정되었던 Quokka 릴레이 업데이트는 진행하지 않습니다.",
], ids=["en", "fr", "es", "it", "de", "pt", "ja", "zh", "ko"])
def test_a_date_first_planned_is_the_one_the_mail_replaces(replaced: str) -> None:
    notice = classify(HEALTH, "[Update] Amazon Quokka maintenance",
                      f"Hello,\n\nAccount: 518273645091\n\n{replaced}\n\nThe update will now be applied automatically "
                      "starting May 4, 2027, during each relay's maintenance window.\n", date=APR_7)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-05-04"


def test_a_feature_initially_available_from_a_date_keeps_it() -> None:
    notice = classify(HEALTH, "[Action Required] Amazon Quokka relay engine 2 end of support",
                      "Hello,\n\nAccount: 518273645091\n\nStandard support for Quokka relay engine 2 ends on "
                      "May 4, 2027. Engine 3 will initially be available from April 20, 2027 in two Regions.\n",
                      date=APR_7)
    assert notice.deadline == "2027-05-04"


@pytest.mark.parametrize(("body", "notice_type"), [
    ("AWS アカウント 518273645091 の 2027年3月分のご請求のお支払いを確認できていません。2027年4月21日 までにお支払い"
     "いただけない場合、アカウントが停止され、リソースにアクセスできなくなることがあります。",
     "billing.suspension_warning"),
    ("AWS アカウント 518273645091 のご請求が未払いのため、アカウントが停止されました。お支払い後に再開されます。",
     "account.suspended"),
], ids=["warning", "suspended"])
def test_a_japanese_suspension_to_come_is_a_warning(body: str, notice_type: str) -> None:
    notice = classify(NO_REPLY, "AWS アカウント 518273645091 の停止に関するお知らせ", body, date=APR_7)
    assert notice.notice_type == notice_type


@pytest.mark.parametrize("sentence", [
    "Par ce message du 7 avril 2027, nous vous informons que le support standard du moteur Quokka 2 prendra fin le "
    "30 juin 2027.",
    "Mit dieser Nachricht vom 7. April 2027 teilen wir Ihnen mit, dass der Standard-Support für die Quokka-Engine 2 am "
    "30. Juni 2027 endet.",
    "Con este mensaje del 7 de abril de 2027 le informamos de que el soporte estándar del motor Quokka 2 finaliza el "
    "30 de junio de 2027.",
], ids=["fr", "de", "es"])
def test_the_date_of_the_message_under_an_english_title_stays_a_fact(sentence: str) -> None:
    notice = classify(HEALTH, "[Action Required] Amazon Quokka engine 2 end of standard support",
                      f"Bonjour / Hallo / Hola,\n\n{sentence}\n\nAccount: 518273645091\n", date=APR_7)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-06-30"


@pytest.mark.parametrize("sentence", [
    "Le 7 avril 2027, nous vous rappelons que le support standard du moteur Quokka 2 prend fin.",
    "El 7 de abril de 2027 le recordamos que el soporte estándar del motor Quokka 2 finaliza.",
    "Il 7 aprile 2027 ti ricordiamo che il supporto standard del motore Quokka 2 termina.",
    "Am 7. April 2027 erinnern wir Sie daran, dass der Standard-Support für die Quokka-Engine 2 endet.",
    "Em 7 de abril de 2027 lembramos que o suporte padrão do mecanismo Quokka 2 termina.",
], ids=["fr", "es", "it", "de", "pt"])
def test_the_day_the_mail_writes_to_the_reader_is_a_fact(sentence: str) -> None:
    notice = classify(HEALTH, "[Action Required] Amazon Quokka engine 2 end of standard support",
                      f"Hello,\n\n{sentence}\n\nFrom July 28, 2027, engines still on version 2 move to "
                      "extended support, billed per hour. Upgrade them before that date.\n\nAccount: 518273645091\n",
                      date=APR_7)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-07-28"


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS payment could not be processed - Account 5182-7364-5091",
     "We could not finish your payment for AWS account 5182-7364-5091. Please add a valid payment method."),
    ("AWS billing notice - Account 5182-7364-5091",
     "We tried to charge the Quokka Bank card ending in 0042 for your AWS invoice dated April 2, 2027\n(invoice "
     "number 5550001234, amount USD 88.10) and the bank declined it.\n\nAWS account: 5182-7364-5091"),
], ids=["passive-subject", "wrapped-decline"])
def test_a_payment_not_processed_or_declined_across_lines_is_a_failed_payment(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=APR_7)
    assert notice.notice_type == "billing.payment_failed"


@pytest.mark.parametrize("masked", ["********5091", "XXXXXXXX5091", "••••-••••-5091"])
def test_an_account_that_may_be_compromised_with_a_masked_number_is_suspicious_activity(masked: str) -> None:
    notice = classify("aws-security@amazon.com", f"[Action Required] Your AWS account {masked} may be compromised",
                      "Hello,\n\nWe saw sign-ins to your AWS account from a Quokka hosting range you do not use. "
                      "Review them and rotate your credentials.\n", date=APR_7)
    assert notice.notice_type == "security.suspicious_activity"


@pytest.mark.parametrize(("subject", "body"), [
    ("Votre compte AWS 518273645091 a été suspendu",
     "Les factures de mars du compte AWS 518273645091 restent impayées. Le compte a donc été suspendu le 7 avril 2027. "
     "Réglez le solde avant le 24 avril 2027 pour qu'il soit réactivé."),
    ("Il tuo account AWS 518273645091 è stato sospeso",
     "Le fatture di marzo dell'account AWS 518273645091 non sono state pagate. L'account è quindi stato sospeso il "
     "7 aprile 2027. Salda l'importo entro il 24 aprile 2027 per riattivarlo."),
    ("Sua conta da AWS 518273645091 foi suspensa",
     "As faturas de março da conta da AWS 518273645091 não foram pagas. A conta foi portanto suspensa em 7 de abril "
     "de 2027. Pague o saldo até 24 de abril de 2027 para reativá-la."),
    ("Su cuenta de AWS 518273645091 ha sido suspendida",
     "Las facturas de marzo de la cuenta de AWS 518273645091 siguen impagadas. La cuenta ha ya sido suspendida el 7 de "
     "abril de 2027. Abone el saldo antes del 24 de abril de 2027 para reactivarla."),
], ids=["fr", "it", "pt", "es"])
def test_a_past_with_an_adverb_after_its_auxiliary_is_a_fact(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=APR_7)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-04-24"


def test_a_maintenance_moved_with_an_adverb_keeps_its_new_date() -> None:
    notice = classify(HEALTH, "[Mise à jour] Maintenance Amazon Quokka",
                      "Bonjour,\n\nCompte : 518273645091\n\nLa maintenance de vos relais Quokka a donc été reportée au "
                      "lundi 26 avril 2027 ; vous pouvez l'appliquer vous-même avant cette date.\n", date=APR_7)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-26"


def test_the_account_id_in_full_names_the_masked_account() -> None:
    notice = classify("no-reply@costalerts.amazonaws.com", "Your AWS Savings Plan expires in 60 days",
                      "Hello,\n\nSavings Plans purchased by account ****5091 are about to end. Account ID in full: "
                      "518273645091.\n\nYour Savings Plan expires on 2027-06-06. Queue a replacement before then.\n",
                      date=APR_7)
    assert notice.aws_account_id == "518273645091"


@pytest.mark.parametrize("body", [
    "我们于 2027年4月7日 宣布，自 2027年8月1日 起，Amazon Quokka 的存储价格将每 GB 上调 0.005 美元。"
    "请在此日期之前调整保留设置。",
    "我們於 2027年4月7日 宣佈，自 2027年8月1日 起，Amazon Quokka 的儲存價格將每 GB 調高 0.005 美元。"
    "請在此日期之前調整保留設定。",
], ids=["zh-cn", "zh-tw"])
def test_the_day_aws_announced_a_change_in_chinese_is_a_fact(body: str) -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", "Amazon Quokka 定价变更通知", body, date=APR_7)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-08-01"


@pytest.mark.parametrize("label", ["排定時段", "预定时段", "計劃時段"])
def test_a_scheduled_window_in_chinese_starts_on_its_date(label: str) -> None:
    notice = classify(HEALTH, None,
                      f"您好：\n\n您的 Amazon Quokka 主機需要進行維護，已排定重新開機。\n\nAWS 帳戶：5182 7364 5091\n"
                      f"{label}：2027年4月29日（星期四）14:00 至 16:00 UTC\n\n您可以在時段開始之前自行重新開機。\n\n"
                      "事件 ARN：arn:aws:health:ap-east-1::event/QUOKKA/AWS_QUOKKA_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED/"
                      "AWS_QUOKKA_SYSTEM_REBOOT_MAINTENANCE_SCHEDULED_77\n", date=APR_7)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-29"


def test_a_date_in_a_quoted_received_header_is_no_deadline() -> None:
    notice = classify("ec2-abuse@amazon.com", None,
                      "Hello,\n\nWe received a report that your Amazon Quokka host relayed unsolicited mail.\n\n"
                      "AWS account: 518273645091\n\nPlease stop the activity and reply within 24 hours. If we do not "
                      "hear from you, we may block the host's traffic.\n\nReport excerpt:\nReceived: from "
                      "[198.51.100.9] by mx.quokka.example; 7 Apr 2027 02:14:09 +0000\n", date=APR_7)
    assert notice.notice_type == "abuse.report"
    assert notice.deadline is None


@pytest.mark.parametrize("subject", [
    "Fwd: Amazon Web Services 帳單報表已可檢視 [帳戶：518273645091]",
    "RV: Amazon Web Services - estado de cuenta disponible [Cuenta: 518273645091]",
])
def test_a_localized_statement_forwarded_by_a_colleague_is_a_statement(subject: str) -> None:
    notice = classify("colleague@quokka.example", subject,
                      "FYI\n\n---------- Forwarded ----------\nAmazon Web Services <invoicing@aws.com>\n\n"
                      "Payer account 518273645091, March 2027.\n", date=APR_7)
    assert notice.notice_type == "billing.statement"


def test_a_change_to_a_services_charges_in_the_subject_is_a_price_change() -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", "Upcoming change to Amazon Quokka relay charges",
                      "Hello,\n\nStarting August 1, 2027, AWS will charge $0.002 per relay move between accounts. "
                      "Moves made before that date stay free. You do not need to do anything.\n", date=APR_7)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-08-01"
