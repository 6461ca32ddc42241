"""Session 32's round (49), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: thanks for registering for a service in Chinese, Japanese and Korean; credentials said publicly available or
exposed; a software update the reader's resources need, localized; a certificate "arrivant à expiration" and the
expiry of a certificate authority said noun first; a date the mail says was sent on is a fact; a localized date its
own clause says was moved."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
ORGS = "no-reply-aws@amazon.com"
MAR_18 = format_datetime(datetime.fromisoformat("2027-03-18T09:30:00+00:00"))
DEC_2 = format_datetime(datetime.fromisoformat("2026-12-02T14:09:00+00:00"))
MAY_12 = format_datetime(datetime.fromisoformat("2027-05-12T17:03:00+00:00"))
LIFECYCLE = "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT"


@pytest.mark.parametrize("body", [
    "您好：\n\n感謝您註冊 Amazon Quokka。您的帳戶現在可以在 eu-west-1 區域建立 Quokka 叢集。",
    "您好：\n\n感谢您注册 Amazon Quokka。您的账户现在可以在 eu-west-1 区域创建 Quokka 集群。",
    "お客様各位\n\nAmazon Quokka にご登録いただきありがとうございます。"
    "eu-west-1 リージョンでクラスターを作成できます。",
    "안녕하세요.\n\nAmazon Quokka에 가입해 주셔서 감사합니다. 이제 eu-west-1 리전에서 클러스터를 만들 수 있습니다.",
])
def test_thanks_for_registering_for_a_service_in_chinese_japanese_korean(body: str) -> None:
    notice = classify(NO_REPLY, None, body)
    assert notice.notice_type == "onboarding.service_setup"


# (not the AWS account itself: its welcome is no service set-up)
def test_thanks_for_registering_an_aws_account_in_chinese_is_no_service_setup() -> None:
    notice = classify(NO_REPLY, None, "您好：\n\n感谢您注册 AWS 账户。您现在可以登录控制台。")
    assert notice.notice_type != "onboarding.service_setup"


@pytest.mark.parametrize("body", [
    "Descobrimos que as seguintes credenciais do Amazon Quokka da conta 316402957718 estão disponíveis publicamente na "
    "internet. Exclua ou troque as credenciais expostas.",
    "Nous avons constaté que les identifiants Amazon Quokka du compte 316402957718 sont disponibles publiquement sur "
    "internet. Supprimez-les ou remplacez-les.",
    "Hemos detectado que las credenciales de Amazon Quokka de la cuenta 316402957718 están expuestas públicamente en "
    "internet. Elimínelas o rótelas.",
    "Abbiamo rilevato che le credenziali Amazon Quokka dell'account 316402957718 sono disponibili pubblicamente su "
    "internet. Eliminale o ruotale.",
    "Wir haben festgestellt, dass die Zugangsdaten für Amazon Quokka des Kontos 316402957718 öffentlich verfügbar "
    "sind. Löschen oder ersetzen Sie sie.",
])
def test_credentials_said_publicly_available_are_exposed(body: str) -> None:
    notice = classify(NO_REPLY, None, body)
    assert notice.notice_type == "security.exposed_credentials"


# (a condition stays none: "if your credentials are publicly available, rotate them")
def test_credentials_publicly_available_only_in_a_condition_are_not_exposed() -> None:
    body = ("Consejos de seguridad de Amazon Quokka: si sus credenciales están disponibles públicamente, rótelas de "
            "inmediato.")
    assert classify(NO_REPLY, None, body).notice_type != "security.exposed_credentials"


@pytest.mark.parametrize("body", [
    "Sus clústeres de Amazon Quokka necesitan una actualización de software. Los clústeres que no se hayan "
    "actualizado antes del 20 de enero de 2027 se actualizarán automáticamente.",
    "Os seus clusters do Amazon Quokka precisam de uma atualização de software. Os clusters não atualizados antes de "
    "20 de janeiro de 2027 serão atualizados automaticamente.",
    "Vos clusters Amazon Quokka nécessitent une mise à jour logicielle. Les clusters non mis à jour avant le "
    "20 janvier 2027 seront mis à jour automatiquement.",
    "I tuoi cluster Amazon Quokka richiedono un aggiornamento software. I cluster non aggiornati entro il 20 gennaio "
    "2027 verranno aggiornati automaticamente.",
    "Für Ihre Amazon Quokka-Cluster ist ein Software-Update erforderlich. Cluster, die bis zum 20. Januar 2027 nicht "
    "aktualisiert wurden, werden automatisch aktualisiert.",
    "Your Amazon Quokka clusters need a software update. Clusters not updated before January 20, 2027 will be updated "
    "automatically.",
])
def test_a_software_update_the_resources_need_is_a_maintenance(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=DEC_2)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-01-20")


@pytest.mark.parametrize("body", [
    "Votre compte AWS 316402957718 possède des clusters Amazon Quokka qui utilisent un certificat SSL/TLS arrivant à "
    "expiration le 19 juillet 2027.\n\nAgissez avant le 19 juillet 2027.",
    "Ceci est un rappel concernant l'expiration de l'autorité de certification utilisée par vos clusters Amazon "
    "Quokka. Agissez avant le 19 juillet 2027.",
    "Este es un recordatorio sobre el vencimiento de la entidad de certificación de sus clústeres de Amazon Quokka. "
    "Actúe antes del 19 de julio de 2027.",
    "Este é um lembrete sobre a expiração da autoridade de certificação dos seus clusters do Amazon Quokka. Aja antes "
    "de 19 de julho de 2027.",
    "Questo è un promemoria sulla scadenza dell'autorità di certificazione dei tuoi cluster Amazon Quokka. Agisci "
    "entro il 19 luglio 2027.",
    "Dies ist eine Erinnerung an den Ablauf der Zertifizierungsstelle Ihrer Amazon Quokka-Cluster. Handeln Sie vor "
    "dem 19. Juli 2027.",
])
def test_a_lifecycle_event_about_a_certificate_running_out_is_a_rotation(body: str) -> None:
    notice = classify(HEALTH, None, f"{body}\n\n{LIFECYCLE}\n", date=MAR_18)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-07-19")


@pytest.mark.parametrize("body", [
    "Hello,\n\nHandshake ID: h-quokka1\nInvitation sent on: May 12, 2027\nThe invitation expires in 15 days.",
    "Olá,\n\nID do handshake: h-quokka1\nConvite enviado em: 12/05/2027\nO convite expira em 15 dias.",
    "Bonjour,\n\nID de négociation : h-quokka1\nInvitation envoyée le : 12/05/2027\nL'invitation expire dans 15 jours.",
    "Hola:\n\nID de protocolo: h-quokka1\nInvitación enviada el: 12/05/2027\nLa invitación caduca en 15 días.",
    "Ciao,\n\nID handshake: h-quokka1\nInvito inviato il: 12/05/2027\nL'invito scade tra 15 giorni.",
    "Hallo,\n\nHandshake-ID: h-quokka1\nEinladung gesendet am: 12.05.2027\nDie Einladung läuft in 15 Tagen ab.",
])
def test_the_date_an_invitation_was_sent_on_is_a_fact(body: str) -> None:
    text = ("The AWS account 410091787078 invited your AWS account 316402957718 to join the organization "
            f"o-quokka1.\n\n{body}")
    notice = classify(ORGS, "AWS Organizations invitation", text, date=MAY_12)
    assert notice.deadline == "2027-05-27"


@pytest.mark.parametrize("body", [
    "Le escribimos porque el mantenimiento de Amazon Quokka anunciado para el sábado 3 de abril de 2027 se ha "
    "trasladado. La nueva ventana comienza el sábado 10 de abril de 2027 a las 02:00 UTC; los clústeres se "
    "reiniciarán.",
    "La maintenance d'Amazon Quokka annoncée pour le samedi 3 avril 2027 a été reportée. La nouvelle fenêtre "
    "commence le samedi 10 avril 2027 à 02:00 UTC ; les clusters seront redémarrés.",
    "Die für den 3. April 2027 angekündigte Wartung von Amazon Quokka wurde verschoben. Das neue Wartungsfenster "
    "beginnt am Samstag, 10. April 2027 um 02:00 UTC; die Cluster werden neu gestartet.",
])
def test_a_localized_maintenance_date_said_moved_gives_way_to_the_new_one(body: str) -> None:
    notice = classify(HEALTH, "[Actualización] Amazon Quokka maintenance",
                      f"{body}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=MAR_18)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-04-10")


@pytest.mark.parametrize(("header", "row"), [
    ("Budgetname\tBudgettyp\tSchwellenwert\tIst-Wert\tKonto", "Quokka-Q1\tKosten\t100 USD\t112 USD\t316402957718"),
    ("Budget name\tBudget type\tThreshold\tActual\tAccount", "Quokka-Q1\tCost\t100 USD\t112 USD\t3164-0295-7718"),
    ("Nombre del presupuesto\tUmbral\tCuenta", "Quokka-Q1\t100 USD\t316402957718"),
])
def test_an_account_in_a_tab_separated_table_of_the_text(header: str, row: str) -> None:
    body = f"Quokka budget alert.\n\n{header}\n{row}\n\nAWS Budgets dashboard: https://console.aws.amazon.com/billing/"
    notice = classify("budgets@costalerts.amazonaws.com", "AWS Budgets: Quokka-Q1 alert", body)
    assert notice.aws_account_id == "316402957718"


# (another account's column is named, never the recipient's; a 12-digit number in another column is no account)
@pytest.mark.parametrize(("header", "row"), [
    ("Budget name\tThreshold\tPayer account", "Quokka-Q1\t100 USD\t316402957718"),
    ("Budget name\tThreshold\tReservation ID", "Quokka-Q1\t100 USD\t316402957718"),
])
def test_no_recipient_account_from_another_column_of_a_text_table(header: str, row: str) -> None:
    body = f"Quokka budget alert.\n\n{header}\n{row}\n"
    notice = classify("budgets@costalerts.amazonaws.com", "AWS Budgets: Quokka-Q1 alert", body)
    assert notice.aws_account_id is None


def test_the_korean_invited_account_said_as_the_members_own() -> None:
    body = ("안녕하세요.\n\nAWS 계정 410091787078 (Quokka Holdings)이(가) 회원님의 AWS 계정 316402957718을(를) 조직 "
            "o-quokka1에 초대했습니다.\n\n초대를 수락하려면 AWS Organizations 콘솔에 로그인하십시오.")
    notice = classify(ORGS, "AWS 조직 가입 초대", body)
    assert notice.aws_account_id == "316402957718"


# round 50 (tuned on unseen295-298's main folders)
def test_the_traditional_chinese_mfa_deactivation_verb_first_with_its_date_between() -> None:
    body = ("您好：\n\nAWS 帳戶 316402957718 的根使用者已於 2027年1月5日 06:22 UTC 停用多重要素驗證 (MFA) 裝置。\n\n"
            "若這是您本人的操作，則無需採取任何行動。")
    assert classify(NO_REPLY, None, body).notice_type == "credentials.mfa_deactivated"


def test_a_korean_case_aws_opened_on_behalf_of_the_account_with_its_id_between() -> None:
    body = ("안녕하세요,\n\nAmazon Web Services가 귀하의 계정 316402957718을(를) 대신하여 "
            "새 지원 사례를 열었습니다.\n\n사례 ID: 174272755585125\n제목: Amazon Quokka 사용량 확인")
    notice = classify(NO_REPLY, "Amazon Web Services: 새 지원 사례: 174272755585125", body)
    assert notice.notice_type == "support.case_opened_by_aws"


# (what must not change: the reader's own new case)
def test_a_korean_case_the_reader_opened_stays_case_opened() -> None:
    body = "안녕하세요,\n\n새 지원 사례가 생성되었습니다.\n\n사례 ID: 174272755585125\n제목: Amazon Quokka 질문"
    notice = classify(NO_REPLY, "새 지원 사례: 174272755585125", body)
    assert notice.notice_type == "support.case_opened"


@pytest.mark.parametrize("subject", ["Reminder: change to the layout of your AWS invoice PDF",
                                     "Upcoming changes to the format of AWS invoices"])
def test_a_change_to_how_invoices_look_is_no_invoice(subject: str) -> None:
    body = ("Hello,\n\nBeginning with the invoices for April 2027, the seller's tax registration number will be "
            "shown in the header of each invoice PDF. No action is needed from you.")
    assert classify(NO_REPLY, subject, body).notice_type != "billing.invoice"


def test_an_account_in_an_html_table_cell_with_its_alias() -> None:
    body = ("<p>We found the anomaly below in Amazon Quokka.</p><table><tr><th>Anomaly ID</th><th>Member Account</th>"
            "<th>Total Impact</th></tr><tr><td>5d0c41e7</td><td>316402957718 (quokka-sandbox)</td><td>$1,037.55</td>"
            "</tr></table><p>Monitor owner (management account): 410091787078</p>")
    notice = classify("anomalydetection@costalerts.amazonaws.com", "AWS Cost Anomaly Detection: anomaly found", body,
                      html=True)
    assert notice.aws_account_id == "316402957718"


@pytest.mark.parametrize(("field", "tail"), [
    ("Request time: 2027-02-24 23:51 UTC", "To approve the transfer, visit the link below; it is valid for 5 days."),
    ("요청 일시: 2027-02-24 23:51 UTC", "이전을 승인하려면 아래 링크를 방문하세요. 링크는 5일 동안 유효합니다."),
    ("リクエスト日時: 2027-02-24 23:51 UTC", "移管を承認するには、以下のリンクにアクセスしてください。"),
    ("请求时间：2027-02-24 23:51 UTC", "要批准转移，请访问以下链接。该链接在 5 天内有效。"),
])
def test_the_time_a_request_was_made_on_the_mails_date_is_a_fact(field: str, tail: str) -> None:
    body = (f"Amazon Route 53 Domains: quokka.example, AWS 316402957718\n\n{field}\n\n{tail}\n"
            "https://route53domains.amazonaws.com/transfer/approve?token=quokka")
    date = format_datetime(datetime.fromisoformat("2027-02-24T23:58:00+00:00"))
    notice = classify("noreply@registrar.amazon.com", "Domain transfer: quokka.example", body, date=date)
    assert notice.deadline != "2027-02-24"


def test_a_cancellation_the_reader_requested_processed_with_no_further_charge_has_no_deadline() -> None:
    body = ("We processed the cancellation you requested on April 29, 2027 for Amazon Quokka Analytics (SaaS).\n\n"
            "Service ends: May 31, 2027\n\nYou keep access until the end of the current billing period. No further "
            "charges will be made for this product.")
    notice = classify("no-reply@marketplace.aws", "Your AWS Marketplace subscription has been cancelled", body,
                      date=format_datetime(datetime.fromisoformat("2027-04-29T18:20:00+00:00")))
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", None)
