"""Session 34's round (56), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: a date an earlier notice gave, said in the pluperfect, is no deadline (de, fr, it, pt); a past clause with its
own date joined by "and" to the clause of another ("was sent on D1 and expires on D2") is no fact of the other's; a
period counted from when "they are sent"; the account named by its last four digits in any case or in parentheses
("Account ending in 5889", "your account (ending in 7074)"); a maintenance that disables what is not updated, with an
act asked to avoid it (9 languages); a Support case that closes itself after a period; a link valid for N days (zh,
ja, ko, en); the localized event type code field of a forwarded Health notice, and a required update's code. Round 57:
a planned lifecycle event that announces an automatic upgrade (or an update AWS applies in a maintenance window), with
no end of support named, is a maintenance (9 languages); a payment the reader's bank refused, and a failure named as a
noun; a Korean change of how AWS sends its mail, and its "nothing to do"; a certificate to rotate, the verb first in
the subject; a service that "stops" serving on a date; what "our systems" detected on a date is a fact. Round 58: the
account's id between "account" and "is closed", and "we have closed your account"; a Japanese risk of suspension
("停止される恐れ"); a CJK link valid for N hours; a maintenance the reader may put into another window; Taiwan's
word for software in a service software update; AWS opened a case, in Chinese; what a unit "will cost" from a date; a
participle that shares the "will be" of the clause before it."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
JAN_26 = format_datetime(datetime.fromisoformat("2027-01-26T09:45:00+00:00"))
JAN_26_LATE = format_datetime(datetime.fromisoformat("2027-01-26T22:14:00+00:00"))
FEB_4 = format_datetime(datetime.fromisoformat("2027-02-04T19:00:00+00:00"))


# (the earlier notice's date in the pluperfect, the new one in the present; one per language)
@pytest.mark.parametrize(("subject", "body"), [
    ("[Aktualisiert] Amazon Quokka 2: neues Datum für das Ende des Supports",
     "Aktualisierte Mitteilung\n\nIn unserer Mitteilung vom 3. November 2026 hatten wir den 31. März 2027 als Ende des "
     "Supports für Amazon Quokka 2 genannt. Dieses Datum wurde verschoben.\n\nNeues Datum: Der Support für Quokka 2 "
     "endet am 30.09.2027. Aktualisieren Sie Ihre Cluster bis zum 30.09.2027.\n"),
    ("[Mis à jour] Amazon Quokka 2 : nouvelle date de fin de support",
     "Avis mis à jour\n\nDans notre avis du 3 novembre 2026, nous avions indiqué le 31 mars 2027 comme fin du support "
     "d'Amazon Quokka 2. Cette date a été reportée.\n\nNouvelle date : le support de Quokka 2 prend fin le 30/09/2027. "
     "Mettez à niveau vos clusters d'ici le 30/09/2027.\n"),
    ("[Aggiornato] Amazon Quokka 2: nuova data di fine del supporto",
     "Avviso aggiornato\n\nNel nostro avviso del 3 novembre 2026 avevamo indicato il 31 marzo 2027 come fine del "
     "supporto di Amazon Quokka 2. Questa data è cambiata.\n\nNuova data: il supporto di Quokka 2 termina il "
     "30/09/2027. Aggiorna i tuoi cluster entro il 30/09/2027.\n"),
    ("[Atualizado] Amazon Quokka 2: nova data de fim do suporte",
     "Aviso atualizado\n\nEm nosso aviso de 3 de novembro de 2026, tínhamos informado o 31 de março de 2027 como fim "
     "do suporte do Amazon Quokka 2. Essa data mudou.\n\nNova data: o suporte do Quokka 2 termina em 30/09/2027. "
     "Atualize seus clusters até 30/09/2027.\n"),
])
def test_a_date_an_earlier_notice_gave_in_the_pluperfect_is_no_deadline(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body, date=JAN_26)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


# (guard: the pluperfect of an announcement that the date still holds, a comma between, keeps its date)
def test_as_we_had_announced_the_date_still_holds() -> None:
    notice = classify(HEALTH, "Amazon Quokka 2: fin del soporte",
                      "Como habíamos anunciado, el soporte de Amazon Quokka 2 finaliza el 30 de septiembre de 2027. "
                      "Actualice sus clústeres antes de esa fecha.\n", date=JAN_26)
    assert notice.deadline in ("2027-09-30", "2027-09-29")


_INVITED = "The AWS account 264013976737 has invited your AWS account 615221988770 to join its organization.\n\n"


@pytest.mark.parametrize("sentence", [
    "The invitation was sent on February 4, 2027 and expires on February 19, 2027.",
    "This invitation was issued on February 4, 2027, and expires on February 19, 2027.",
    "Invitations expire 15 days after they are sent.",
])
def test_an_invitations_expiry_beside_the_date_it_was_sent(sentence: str) -> None:
    notice = classify(NO_REPLY, "Invitation to join an AWS organization", _INVITED + sentence, date=FEB_4)
    assert notice.notice_type == "verification.organizations_invite"
    assert notice.deadline == "2027-02-19"
    assert notice.aws_account_id == "615221988770"


def test_new_terms_published_on_one_date_take_effect_on_another() -> None:
    notice = classify(NO_REPLY, "Updates to the Amazon Quokka Service Terms",
                      "We are updating the Amazon Quokka Service Terms. The new terms were published on February 4, "
                      "2027 and take effect on 6 March 2027. If you use Quokka on or after that date, you accept "
                      "them.\n", date=FEB_4)
    assert notice.deadline == "2027-03-06"


# (the sending date alone stays a fact: no deadline)
def test_the_date_an_invitation_was_sent_alone_is_no_deadline() -> None:
    notice = classify(NO_REPLY, "Invitation to join an AWS organization",
                      _INVITED + "The invitation was sent on February 4, 2027 and is waiting for your answer.",
                      date=FEB_4)
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body", "account"), [
    ("Your Amazon Quokka payment was declined",
     "Account ending in 5889: the charge for your January 2027 Quokka invoice did not go through. Please pay by "
     "February 10, 2027.\n\nFull account id for your records: 663380965889\n", "663380965889"),
    ("Action Required: Your AWS Access Key is Exposed",
     "We found an access key of your account (ending in 7074) in a public Quokka image.\n\n"
     "Access key ID: AKIAQUOKKAEXAMPLE7QZ\n\nFull account ID for your records: 571798647074\n", "571798647074"),
    ("Your Amazon Quokka payment was declined",
     "ACCOUNT ENDING IN 5889: the charge did not go through.\n\nAccount ID: 663380965889\n", "663380965889"),
])
def test_an_account_named_by_its_last_digits_in_any_case_or_in_parentheses(subject: str, body: str,
                                                                          account: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_4)
    assert notice.aws_account_id == account


# (an id that ends otherwise is another's, never the reader's)
def test_no_account_taken_across_the_last_digits() -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka payment was declined",
                      "Account ending in 5889: the charge did not go through.\n\nReference account: 663380961234\n",
                      date=FEB_4)
    assert notice.aws_account_id is None


# (a bank's account in parentheses is no AWS account: its digits neither pick nor drop the AWS account named)
def test_a_bank_account_ending_in_parentheses_is_not_the_aws_account() -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka payment was declined",
                      "We could not debit your bank account (ending in 9665).\n\nAccount ID: 663380961234\n",
                      date=FEB_4)
    assert notice.aws_account_id == "663380961234"


# (a maintenance that disables what is not updated, and the act asked to avoid it: the act's date, 9 languages)
@pytest.mark.parametrize("body", [
    "Agents that are not updated will be disabled during the window. Install the new Quokka agent by March 23, 2027 "
    "to avoid any interruption of your scheduled tasks.",
    "Los agentes no actualizados serán desactivados durante la ventana. Instale el nuevo agente de Quokka antes del 23 "
    "de marzo de 2027 para evitar la interrupción de sus tareas.",
    "Os agentes não atualizados serão desativados durante a janela. Instale o novo agente do Quokka até 23 de março de "
    "2027.",
    "Les agents non mis à jour seront désactivés pendant la fenêtre. Installez le nouvel agent Quokka avant le 23 mars "
    "2027.",
    "Gli agenti non aggiornati verranno disattivati durante la finestra. Installa il nuovo agente Quokka entro il 23 "
    "marzo 2027 per evitare l'interruzione delle attività.",
    "Nicht aktualisierte Agenten werden während des Fensters deaktiviert. Installieren Sie den neuen Quokka-Agenten "
    "bis zum 23. März 2027, um eine Unterbrechung Ihrer Aufgaben zu vermeiden.",
    "タスクの中断を回避するため、2027年3月23日までに新しい Quokka エージェントをインストールしてください。",
    "为避免任务中断，请在 2027年3月23日 之前安装新的 Quokka 代理。",
    "작업 중단을 방지하려면 2027년 3월 23일까지 새 Quokka 에이전트를 설치하십시오.",
])
def test_a_maintenance_that_disables_what_is_not_updated_has_the_acts_date(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka scheduled maintenance",
                      "The Quokka agent maintenance is planned for March 24, 2027, 06:00-08:00 UTC.\n\n" + body + "\n",
                      date=JAN_26)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-23"


@pytest.mark.parametrize("sentence", [
    "If we do not hear from you, this case will close automatically in 10 days; you can reopen it at any time.",
    "Without a reply, the case will be closed automatically in 10 days.",
])
def test_a_support_case_that_closes_itself_after_a_period_has_no_deadline(sentence: str) -> None:
    notice = classify(NO_REPLY, "RE: [Case 178220419566013] Quokka pipeline stuck",
                      "Hello,\n\nYou have a new reply from AWS Support on case 178220419566013.\n\nPlease trim the "
                      "policy and retry the Quokka update. " + sentence + "\n", date=FEB_4)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline is None


@pytest.mark.parametrize("line", [
    "若要確認此訂閱，請造訪以下連結 (此連結 3 天內有效):",
    "要确认此订阅，请访问以下链接（此链接 3 天内有效）：",
    "この購読を確認するには、次のリンクにアクセスしてください (リンクは 3 日以内有効です):",
    "이 구독을 확인하려면 다음 링크를 방문하십시오 (링크는 3일 이내 유효합니다):",
    "To confirm this subscription, visit the link below (the link expires in 3 days):",
])
def test_a_link_valid_for_days_is_no_deadline(line: str) -> None:
    notice = classify("no-reply@sns.amazonaws.com", "AWS Notification - Subscription Confirmation",
                      "arn:aws:sns:ap-northeast-3:232887549533:quokka-events\n\n" + line + "\n"
                      "https://sns.ap-northeast-3.amazonaws.com/confirmation.html?TopicArn=arn:aws:sns:ap-northeast-3:"
                      "232887549533:quokka-events&Token=2336412f37fb687f5d51e6e2425c464de12ab7c2d5a2f8ae\n", date=FEB_4)
    assert notice.notice_type == "verification.sns_subscription"
    assert notice.deadline is None


# (a required update forwarded by a colleague: no AWS sender, the quoted notice's localized code field places it)
@pytest.mark.parametrize("field", ["事件類型代碼：AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION",
                                   "事件类型代码：AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION",
                                   "イベントタイプコード: AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION",
                                   "이벤트 유형 코드: AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION",
                                   "Ereignistypcode: AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION",
                                   "Código del tipo de evento: AWS_QUOKKA_UPDATE_REQUIRED_NOTIFICATION"])
def test_a_forwarded_notices_localized_event_type_code(field: str) -> None:
    notice = classify("colleague@globex.example.org", "轉寄：Amazon Quokka",
                      "請處理。\n\n-------- 轉寄的郵件 --------\n> 您好：\n>\n> Quokka 網域 q-logs 有一項更新。\n>\n"
                      f"> 帳戶：548857757109\n> {field}\n", date=FEB_4)
    assert notice.notice_type == "health.scheduled_maintenance"


# (round 57) a planned lifecycle event that announces an automatic upgrade, without an end of support: a maintenance
_LIFECYCLE = ("Event ARN: arn:aws:health:eu-west-3::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
              "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_7F3A\n\n")


@pytest.mark.parametrize("body", [
    "The automatic upgrade of Amazon Quokka environments running engine 2.5 starts on March 22, 2027.",
    "La mise à niveau automatique des environnements Amazon Quokka en version 2.5 commencera le 22 mars 2027.",
    "La actualización automática de los entornos de Amazon Quokka con la versión 2.5 comenzará el 22 de marzo de 2027.",
    "A atualização automática dos ambientes do Amazon Quokka na versão 2.5 começará em 22 de março de 2027.",
    "L'aggiornamento automatico degli ambienti Amazon Quokka con la versione 2.5 inizierà il 22 marzo 2027.",
    "Das automatische Upgrade der Amazon Quokka-Umgebungen mit Version 2.5 beginnt am 22. März 2027.",
    "バージョン 2.5 の Amazon Quokka 環境の自動アップグレードは 2027年3月22日 に開始されます。",
    "版本 2.5 的 Amazon Quokka 环境将于 2027年3月22日 开始自动升级。",
    "버전 2.5의 Amazon Quokka 환경에 대한 자동 업그레이드가 2027년 3월 22일에 시작됩니다.",
    "Fleets still on the old Quokka agent then will be updated by AWS during the maintenance window that follows "
    "March 22, 2027.",
])
def test_a_lifecycle_event_announcing_an_automatic_upgrade_is_a_maintenance(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka", _LIFECYCLE + body + "\n", date=JAN_26)
    assert notice.notice_type == "health.scheduled_maintenance"


@pytest.mark.parametrize("body", [
    "Standard support for Amazon Quokka 2.5 ends on March 22, 2027. After that date the automatic upgrade starts.",
    "Amazon Quokka 2.5 arrive en fin de vie le 22 mars 2027. Ensuite, la mise à niveau automatique commencera.",
    "Amazon Quokka 将于 2027年3月22日 结束对 2.5 版本的标准支持，之后开始自动升级。",
])
def test_a_lifecycle_event_naming_an_end_of_support_stays_one(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka", _LIFECYCLE + body + "\n", date=JAN_26)
    assert notice.notice_type == "health.end_of_support"


@pytest.mark.parametrize("body", [
    "Le paiement de votre facture Amazon Quokka n° QK27-0193-5521 du 2 janvier 2027 (montant : 312,48 EUR) pour le "
    "compte 5447 0044 9328 a été refusé par votre banque. Réglez le montant dû avant le 18 janvier 2027.",
    "El pago de su factura de Amazon Quokka n.º QK27-0193 del 2 de enero de 2027 para la cuenta 5447 0044 9328 ha "
    "sido rechazado por su banco.",
])
def test_a_payment_the_readers_bank_refused_is_a_failed_payment(body: str) -> None:
    notice = classify(NO_REPLY, "Amazon Quokka", body + "\n", date=JAN_26)
    assert notice.notice_type == "billing.payment_failed"


def test_a_failed_payment_named_as_a_noun_in_the_subject() -> None:
    notice = classify(NO_REPLY, "Action requise : échec du paiement de votre facture Amazon Quokka",
                      "Votre facture n° QK27-0193-5521 reste due. Mettez à jour votre moyen de paiement.\n",
                      date=JAN_26)
    assert notice.notice_type == "billing.payment_failed"


def test_a_korean_change_of_how_aws_sends_its_mail_with_nothing_to_do() -> None:
    notice = classify(NO_REPLY, "[안내] Amazon Quokka 이메일 발신 방식 변경",
                      "2027년 2월 1일부터 Amazon Quokka 알림 이메일은 새 주소에서 발송됩니다. 계속 이메일을 받기 위해 "
                      "별도로 하실 일은 없습니다.\n\n대상 계정: 944309265515\n", date=JAN_26)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline is None


@pytest.mark.parametrize("subject", ["[Action Required] Rotate the client certificate of Amazon Quokka",
                                     "Replace your Amazon Quokka endpoint certificates"])
def test_a_certificate_to_rotate_the_verb_first_in_the_subject(subject: str) -> None:
    notice = classify(HEALTH, subject, _LIFECYCLE + "The intermediate certificate Amazon Quokka uses is being "
                      "replaced. Import the new bundle before Mar 15th, 2027.\n", date=JAN_26)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-03-15"


def test_a_service_that_stops_serving_on_a_date() -> None:
    notice = classify(HEALTH, "Amazon Quokka end of support",
                      "Amazon Quokka stops serving requests on Thursday, July 15, 2027. Move your objects to Amazon S3 "
                      "no later than that date.\n", date=JAN_26)
    assert notice.deadline == "2027-07-15"


# (the detection on the mail's own day, the steps asked by a later one)
@pytest.mark.parametrize(("detected", "ask"), [
    ("Nos systèmes ont relevé le 26 janvier 2027 une activité inhabituelle sur votre compte Quokka (554157737712) : "
     "des instances ont été lancées dans des régions inutilisées.",
     "Ce que nous vous demandons :\n- changer le mot de passe ;\n- supprimer les clés d'accès.\n\nMerci d'effectuer "
     "ces étapes avant le 8 février 2027. À défaut, nous pourrions restreindre l'accès à votre compte."),
    ("Nuestros sistemas detectaron el 26 de enero de 2027 una actividad inusual en su cuenta de Quokka (554157737712): "
     "se lanzaron instancias en regiones sin uso.",
     "Le pedimos:\n- cambiar la contraseña;\n- eliminar las claves de acceso.\n\nRealice estos pasos antes del 8 de "
     "febrero de 2027. De lo contrario, podríamos restringir el acceso a su cuenta."),
    ("I nostri sistemi hanno rilevato il 26 gennaio 2027 un'attività insolita nel tuo account Quokka (554157737712): "
     "sono state avviate istanze in regioni inutilizzate.",
     "Ti chiediamo di:\n- cambiare la password;\n- eliminare le chiavi di accesso.\n\nCompleta questi passaggi entro "
     "l'8 febbraio 2027. In caso contrario, potremmo limitare l'accesso al tuo account."),
])
def test_what_our_systems_detected_on_a_date_is_a_fact(detected: str, ask: str) -> None:
    notice = classify("aws-verification@amazon.com", "Action requise : activité inhabituelle",
                      f"Bonjour,\n\n{detected}\n\n{ask}\n", date=JAN_26_LATE)
    assert notice.deadline == "2027-02-08"


# (round 58)
@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account 813453445397 is closed", "As you requested, your Quokka workloads are gone.\n"),
    ("Your AWS account", "As you requested, we have closed your AWS account 813453445397 on May 20, 2027.\n"),
])
def test_an_account_closed_the_id_between_or_we_closed_it(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=JAN_26)
    assert notice.notice_type == "account.closed"


def test_a_japanese_risk_of_suspension_in_the_subject() -> None:
    notice = classify("aws-receivables-support@email.amazon.com",
                      "至急対応が必要です - AWS アカウントが停止される恐れがあります",
                      "Amazon Quokka のご請求について、お支払いがまだ確認できておりません。2027年2月12日までにお支払い"
                      "が確認できない場合、AWS アカウントが停止されます。\n", date=JAN_26)
    assert notice.notice_type == "billing.suspension_warning"


@pytest.mark.parametrize(("ask", "line"), [
    ("如果您批准此申请，请访问以下链接：", "该链接在 72 小时内有效。如果您认为此邮件不应发给您，请忽略。"),
    ("如果您核准此申請，請造訪以下連結：", "此連結在 72 小時內有效。如果您認為此郵件不應寄給您，請忽略。"),
    ("この申請を承認する場合は、次のリンクにアクセスしてください：", "このリンクは 72 時間以内有効です。"),
    ("이 요청을 승인하려면 다음 링크를 방문하십시오:", "이 링크는 72시간 이내 유효합니다."),
])
def test_a_cjk_link_valid_for_hours_is_no_deadline(ask: str, line: str) -> None:
    notice = classify("no-reply@certificates.amazon.com", "Certificate approval: quokka.example.com",
                      "Domain: quokka.example.com\nAWS account ID: 510339574049\n\n" + ask + "\n"
                      "https://us-west-2.certificates.amazon.com/approvals?code=3a9e1c57-0f6d-4b28&context=8c1f4e2a\n\n"
                      + line + "\n", date=JAN_26)
    assert notice.notice_type == "verification.acm_approval"
    assert notice.deadline is None


@pytest.mark.parametrize("body", [
    "Falls dieser Zeitraum nicht passt, können Sie die Wartung bis zum 22.02.2027 auf ein anderes Wartungsfenster "
    "legen.",
    "Si ce créneau ne vous convient pas, vous pouvez la placer dans une autre fenêtre avant le 22/02/2027.",
    "If this time does not suit you, you can put the maintenance into another window before February 22, 2027.",
])
def test_a_maintenance_the_reader_may_put_into_another_window(body: str) -> None:
    notice = classify(HEALTH, "[Updated] Amazon Quokka scheduled maintenance",
                      "New window: February 24, 2027, 02:00-04:00 UTC.\n\n" + body + "\n", date=JAN_26)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline in ("2027-02-22", "2027-02-21")


def test_taiwans_word_for_software_in_a_service_software_update() -> None:
    notice = classify(HEALTH, "Amazon Quokka 服務軟體更新",
                      "Amazon Quokka 已發布服務軟體更新 R20270215。\n\n帳戶：696172806430\n\n"
                      "若您未在 2027 年 3 月 30 日之前自行套用，系統將於該日之後自動套用此更新。\n", date=JAN_26)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-30"


@pytest.mark.parametrize("subject", ["AWS 已開立支援案例 [CASE 178309925511]",
                                     "AWS 已开立支持案例 [CASE 178309925511]"])
def test_aws_opened_a_case_in_chinese(subject: str) -> None:
    notice = classify(NO_REPLY, subject, "AWS 已為您的帳戶 707283917541 開立支援案例 178309925511：Quokka 流量。\n",
                      date=JAN_26)
    assert notice.notice_type == "support.case_opened_by_aws"


def test_what_a_unit_will_cost_from_a_date() -> None:
    notice = classify(NO_REPLY, "Amazon Quokka pricing change",
                      "On January 25, 2027 we announced a new fee. Effective May 1, 2027, each Quokka stream above 500 "
                      "will cost $0.002 per hour, whether or not it is in use.\n", date=JAN_26)
    assert notice.deadline == "2027-05-01"


def test_a_participle_that_shares_the_will_be_of_the_clause_before() -> None:
    notice = classify(NO_REPLY, "[Retirement Notification] Amazon Quokka host scheduled for retirement",
                      "The hardware behind your Quokka host is degrading. After 2027-02-19 00:00 UTC the instance, "
                      "whose root device is an EBS volume, will be stopped and the host released.\n", date=JAN_26)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-02-19"
