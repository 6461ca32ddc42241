"""Session 42's round, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 83: an instance family's end of life is an end of support also under an instance retirement code (the family
retires, not the reader's instances for their hardware; 9 languages), while a retirement for degraded hardware keeps its
type; a charge "starting 1 September 2027" (the day first, or ISO) is a price change as "starting September 1, 2027" is;
a Marketplace subscription the mail confirms is active, or says took effect on a day, has no deadline in its renewal or
term end (9 languages), while a subscription "active until D" keeps its end. Round 84: Traditional Chinese names the
extended support "延伸支援" and its end "持續到 D": not the deadline beside the end of standard support; a date in the
relative clause of the notice a message replaces ("This message replaces the one of D0, which announced the rotation
for D") is superseded (en, fr, es, pt, it); the quarantine policy AWS applied to a key used from unfamiliar networks,
the key exposed nowhere, leaves the mail a suspicious activity. Round 85: a planned lifecycle event that changes a
default, naming no end, is health.other (9 languages), one that ends something stays an end of support; an end of
support the subject names outweighs an _ISSUE event code; a Japanese account suspended with its reason and date between
is suspended, a closure after a condition is no closure; "within 15 days of receiving this mail" in Korean, Japanese
and Chinese counts from the mail beside a registration date (a fact); a date a thing "will not take place on" is taken
back (en, de, fr, es, pt, it); a parenthesis that counts a date from its sending ("(14 days after it was sent)")
leaves the date the deadline; "Nothing needs to be done on your side" is a no-action."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETPLACE = "aws-marketplace@amazon.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T09:30:00+00:00"))
RETIREMENT_CODE = "Event type code: AWS_EC2_PERSISTENT_INSTANCE_RETIREMENT_SCHEDULED"


@pytest.mark.parametrize("sentence", [
    "The Q2 instance family reaches end of life on August 31, 2027; move your Quokka hosts to Q5 by then.",
    "Las instancias de la familia Q2 llegan al fin de su vida útil el 31 de agosto de 2027.",
    "As instâncias da família Q2 chegam ao fim de vida em 31 de agosto de 2027.",
    "Les instances de la famille Q2 arrivent en fin de vie le 31 août 2027.",
    "Le istanze della famiglia Q2 raggiungono la fine vita il 31 agosto 2027.",
    "Die Instanzen der Familie Q2 erreichen ihr Lebensende am 31. August 2027.",
    "Q2 インスタンスファミリーは 2027年8月31日に提供終了となります。",
    "Q2 实例系列将于 2027年8月31日停止提供。",
    "Q2 인스턴스 패밀리는 2027년 8월 31일에 지원 종료됩니다.",
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_an_instance_family_end_of_life_under_a_retirement_code_is_an_end_of_support(sentence: str) -> None:
    notice = classify(HEALTH, None, f"Hello,\n\nAccount 604411738205 runs Quokka hosts on Q2.\n\n{sentence}\n\n"
                                    f"{RETIREMENT_CODE}\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-08-31"


def test_a_retirement_for_degraded_hardware_keeps_its_type() -> None:
    # (guard: the reader's own instance, retired for its host, names no family's end of life)
    notice = classify(HEALTH, None,
                      "Hello,\n\nThe hardware hosting your Quokka host i-0abc1234def567890 in account 604411738205 has "
                      "degraded. The instance is scheduled for retirement on April 20, 2027.\n\n"
                      f"{RETIREMENT_CODE}\n", date=MAR_4)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-04-20"


@pytest.mark.parametrize("sentence", [
    "On February 1, 2027, we announced that idle Quokka gateways will be charged an hourly fee starting 1 April 2027.",
    "Idle Quokka gateways will be charged an hourly fee starting 2027-04-01.",
    "Starting 1 April 2027, idle Quokka gateways will be charged an hourly fee.",
    "Quokka will begin to charge for idle gateways from 1 April 2027.",
], ids=["day-first", "iso", "date-first", "active"])
def test_a_charge_from_a_day_first_date_is_a_price_change(sentence: str) -> None:
    notice = classify(NO_REPLY, None, f"{sentence}\nThe Quokka pricing page has the details.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-04-01"


@pytest.mark.parametrize("body", [
    "This e-mail confirms that your subscription to \"Quokka Vault\" in AWS Marketplace is active for account "
    "604411738205.\n\nContract start: 03/04/2027\nAuto-renewal: 03/04/2028\n",
    "Este correo confirma que su suscripción a \"Quokka Vault\" en AWS Marketplace está activa.\n\n"
    "Inicio del contrato: 04/03/2027\nRenovación automática: 04/03/2028\n",
    "Este e-mail confirma que sua assinatura do produto \"Quokka Vault\" está ativa.\n\n"
    "Início do contrato: 04/03/2027\nRenovação automática: 04/03/2028\n",
    "Cet e-mail confirme que votre abonnement à « Quokka Vault » est désormais actif.\n\n"
    "Début du contrat : 04/03/2027\nRenouvellement automatique : 04/03/2028\n",
    "Questa e-mail conferma che il tuo abbonamento a \"Quokka Vault\" è attivo.\n\n"
    "Inizio del contratto: 04/03/2027\nRinnovo automatico: 04/03/2028\n",
    "Diese E-Mail bestätigt, dass Ihr Abonnement für „Quokka Vault“ jetzt aktiv ist.\n\n"
    "Vertragsbeginn: 04.03.2027\nAutomatische Verlängerung: 04.03.2028\n",
    "「Quokka Vault」のサブスクリプションは 2027年3月4日に有効になりました。\n\n契約終了日: 2028年3月3日\n",
    "您的訂閱已於 2027年3月4日 生效。\n\n產品 合約到期\nQuokka Vault 2028年3月3日\n",
    "「Quokka Vault」 구독이 2027년 3월 4일에 시작되었습니다.\n\n계약 종료일: 2028년 3월 3일\n",
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_subscription_confirmed_active_has_no_deadline_in_its_renewal(body: str) -> None:
    notice = classify(MARKETPLACE, "AWS Marketplace: Quokka Vault", body, date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_subscription_active_until_a_date_keeps_its_end() -> None:
    # (guard: an end to come, said of an active subscription)
    notice = classify(MARKETPLACE, "AWS Marketplace: Quokka Vault",
                      "We confirm that your subscription to \"Quokka Vault\" is active until April 30, 2027, when the "
                      "seller ends the product. Your access ends on April 30, 2027.\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-04-30"


@pytest.mark.parametrize("text", [
    "Quokka 3 的標準支援將於 2027 年 9 月 30 日結束。延伸支援會持續到 2028 年 9 月 30 日,此後網域會自動升級。",
    "Quokka 3 的标准支持将于 2027 年 9 月 30 日结束。延伸支援会持续到 2028 年 9 月 30 日，此后域会自动升级。",
    "Quokka 3 的標準支援將於 2027 年 9 月 30 日(週四)結束;延長支援將持續至 2028 年 9 月 30 日,之後將自動升級。",
], ids=["zh-tw", "zh-cn-mixed", "zh-tw-weekday"])
def test_an_extended_support_that_lasts_until_a_date_is_not_the_deadline(text: str) -> None:
    notice = classify(HEALTH, "Quokka 3 標準支援即將結束", f"您好:\n\n{text}\n\n帳戶: 604411738205\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


@pytest.mark.parametrize(("sentence", "ask"), [
    ("This message replaces the one of February 1, 2027, which announced the switch for March 20, 2027.",
     "Trust the new Quokka root before May 2, 2027."),
    ("Ce message remplace celui du 1er février 2027, qui annonçait la bascule pour le 20 mars 2027.",
     "Faites confiance à la nouvelle racine Quokka avant le 2 mai 2027."),
    ("Este mensaje reemplaza al del 1 de febrero de 2027, que anunciaba el cambio para el 20 de marzo de 2027.",
     "Confíe en la nueva raíz de Quokka antes del 2 de mayo de 2027."),
    ("Esta mensagem substitui a de 1 de fevereiro de 2027, que anunciava a troca para 20 de março de 2027.",
     "Confie na nova raiz do Quokka até 2 de maio de 2027."),
    ("Questo messaggio sostituisce quello del 1° febbraio 2027, che annunciava il passaggio per il 20 marzo 2027.",
     "Considerate attendibile la nuova radice Quokka entro il 2 maggio 2027."),
], ids=["en", "fr", "es", "pt", "it"])
def test_the_date_a_replaced_notice_announced_is_superseded(sentence: str, ask: str) -> None:
    notice = classify(HEALTH, "Quokka CA rotation", f"{sentence}\n\n{ask}\n\nAccount: 604411738205\n"
                                                    "Event type code: AWS_QUOKKA_CERTIFICATE_ROTATION\n", date=MAR_4)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-05-02"


def test_a_quarantined_key_used_from_unfamiliar_networks_is_a_suspicious_activity() -> None:
    notice = classify(NO_REPLY, "[Action Required] Suspicious activity in your AWS account",
                      "Hello,\n\nThe access key AKIAQUOKKAEXAMPLE7Q2 of account 604411738205 was used from "
                      "networks the account never used to start Quokka hosts in three Regions.\n\nWe have applied "
                      "the AWSCompromisedKeyQuarantineV3 policy to the user that owns the key. Please rotate the key "
                      "within 5 days of this message.\n", date=MAR_4)
    assert notice.notice_type == "security.suspicious_activity"


def test_a_quarantined_key_published_in_a_public_repository_stays_the_exposed_key() -> None:
    # (guard: the key exposed, whatever the subject calls it)
    notice = classify(NO_REPLY, "[Action Required] Suspicious activity in your AWS account",
                      "Hello,\n\nThe access key AKIAQUOKKAEXAMPLE7Q2 of account 604411738205 appears in a public "
                      "GitHub repository.\n\nWe have applied the AWSCompromisedKeyQuarantineV3 policy to the user "
                      "that owns the key. Please rotate the key within 5 days of this message.\n", date=MAR_4)
    assert notice.notice_type == "security.exposed_credentials"


LIFECYCLE = "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT"


@pytest.mark.parametrize("sentence", [
    "Starting April 1, 2027, new Quokka vaults created without a retention setting use 90 days by default "
    "instead of 30.",
    "A partir de 1º de abril de 2027, novos cofres Quokka criados sem retenção passam a usar 90 dias como padrão.",
    "À compter du 1er avril 2027, les nouveaux coffres Quokka créés sans rétention utilisent 90 jours par défaut.",
    "Ab dem 1. April 2027 verwenden neue Quokka-Tresore ohne Aufbewahrungsangabe standardmäßig 90 Tage.",
    "2027年4月1日以降、保持期間を指定せずに作成された Quokka ボールトのデフォルトは 90 日になります。",
], ids=["en", "pt", "fr", "de", "ja"])
def test_a_planned_lifecycle_event_that_changes_a_default_is_a_health_notice(sentence: str) -> None:
    notice = classify(HEALTH, None, f"{sentence}\nExisting vaults of account 604411738205 keep their setting.\n\n"
                                    f"{LIFECYCLE}\n", date=MAR_4)
    assert notice.notice_type == "health.other"


@pytest.mark.parametrize("sentence", [
    "The Q1 image is no longer supported after April 1, 2027; new builds use the Q2 image by default.",
    "Il supporto per l'immagine Q1 termina il 1° aprile 2027; le nuove build useranno l'immagine predefinita Q2.",
], ids=["en", "it"])
def test_a_planned_lifecycle_event_that_ends_something_stays_an_end_of_support(sentence: str) -> None:
    # (guard: a default that changes because the old one ends)
    notice = classify(HEALTH, None, f"{sentence}\nAccount 604411738205 still builds on Q1.\n\n{LIFECYCLE}\n",
                      date=MAR_4)
    assert notice.notice_type == "health.end_of_support"


@pytest.mark.parametrize("subject", [
    "[Action Required] End of support for Quokka API signature version 2",
    "[要対応] Quokka 署名バージョン 2 のサポート終了",
], ids=["en", "ja"])
def test_an_end_of_support_the_subject_names_outweighs_an_issue_code(subject: str) -> None:
    notice = classify(HEALTH, subject, "Please move your Quokka clients of account 604411738205 to signature version 4 "
                                       "by July 15, 2027.\n\nEvent type code: AWS_QUOKKA_API_ISSUE\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"


def test_an_api_issue_without_such_a_subject_stays_an_operational_issue() -> None:
    # (guard)
    notice = classify(HEALTH, "Increased Quokka API error rates",
                      "We are investigating increased error rates for Quokka API calls in account 604411738205.\n\n"
                      "Event type code: AWS_QUOKKA_API_ISSUE\n", date=MAR_4)
    assert notice.notice_type == "health.operational_issue"


def test_a_japanese_account_suspended_with_its_reason_between_is_suspended() -> None:
    notice = classify(NO_REPLY, None,
                      "AWS アカウント 6044-1173-8205 は、2027年1月分のご請求（請求日 2027年2月2日）が未払いのため、"
                      "2027年3月4日に停止されました。\n\n2027年3月18日までに未払い額をお支払いいただけない場合、アカウントは閉鎖され、"
                      "データは削除される場合があります。\n", date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-18"


def test_a_japanese_closure_to_come_after_a_condition_is_no_closure() -> None:
    # (guard: the closure is what happens if the reader does not pay)
    notice = classify(NO_REPLY, None,
                      "AWS アカウント 6044-1173-8205 のご請求が未払いです。"
                      "2027年3月18日までにお支払いいただけない場合、アカウントは閉鎖されます。\n", date=MAR_4)
    assert notice.notice_type != "account.closed"


@pytest.mark.parametrize(("subject", "text"), [
    ("quokka.example 등록자 이메일 주소를 확인하십시오",
     "도메인 quokka.example 의 등록자 연락처 이메일 주소를 확인해 주십시오. "
     "이 요청은 AWS 계정 604411738205 에서 2027년 3월 4일에 등록한 도메인에 대한 것입니다. "
     "이 메일을 받은 날로부터 15일 이내에 주소를 확인하지 않으면 도메인이 일시 중지됩니다."),
    ("quokka.example の登録者メールアドレスを確認してください",
     "ドメイン quokka.example の登録者の連絡先メールアドレスを確認してください。"
     "このリクエストは AWS アカウント 604411738205 で 2027年3月4日に登録したドメインに関するものです。"
     "このメールを受け取ってから 15 日以内に確認しないと、ドメインは停止されます。"),
    ("请验证 quokka.example 的注册人电子邮件地址",
     "请验证域名 quokka.example 的注册人联系人电子邮件地址。"
     "该请求针对 AWS 账户 604411738205 于 2027年3月4日注册的域名。"
     "如果您在收到此邮件后 15 天内未验证地址，域名将被暂停。"),
], ids=["ko", "ja", "zh"])
def test_a_period_from_receiving_this_mail_counts_beside_a_registration_date(subject: str, text: str) -> None:
    notice = classify("noreply@registrar.amazon.com", subject,
                      f"{text}\n\nhttps://registrar.amazon.com/email-verification?token=5f0c2e7a91b34d68\n", date=MAR_4)
    assert notice.notice_type == "verification.route53_registrant"
    assert notice.deadline == "2027-03-19"


@pytest.mark.parametrize(("sentence", "offer"), [
    ("The replacement will not take place on March 12 as announced: it is postponed to Friday, March 26, 2027.",
     "You can start the update yourself before that date."),
    ("Der Austausch findet nicht am 12. März statt, wie angekündigt: er wird auf Freitag, 26. März 2027 verschoben.",
     "Sie können das Update vor diesem Datum selbst starten."),
    ("Le remplacement n'aura pas lieu le 12 mars comme annoncé : il est reporté au vendredi 26 mars 2027, 22 h UTC.",
     "Vous pouvez lancer la mise à jour vous-même avant cette date."),
    ("El reemplazo no tendrá lugar el 12 de marzo como se anunció: se aplaza al viernes 26 de marzo de 2027, "
     "22:00 UTC.",
     "Puede iniciar la actualización usted mismo antes de esa fecha."),
    ("A substituição não ocorrerá em 12 de março como anunciado: foi adiada para sexta-feira, 26 de março de 2027.",
     "Você pode iniciar a atualização antes dessa data."),
    ("La sostituzione non avrà luogo il 12 marzo come annunciato: è rinviata a venerdì 26 marzo 2027, alle 22:00 UTC.",
     "Potete avviare voi stessi l'aggiornamento prima di tale data."),
], ids=["en", "de", "fr", "es", "pt", "it"])
def test_a_date_a_maintenance_will_not_take_place_on_is_taken_back(sentence: str, offer: str) -> None:
    notice = classify(HEALTH, "Quokka", f"{sentence}\n{offer}\n\nAccount: 604411738205\n"
                                        "Event type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-26"


def test_a_parenthesis_that_counts_the_date_from_its_sending_leaves_the_date() -> None:
    notice = classify("l.moreno@contabilidad.example.org", "Fwd: AWS Organizations invitation",
                      "FYI.\n\n---------- Forwarded message ---------\n"
                      "From: AWS Organizations <no-reply-aws@amazon.com>\n\n"
                      "The AWS account 604411738205 invites your account 311208274416 to join its organization.\n"
                      "This invitation expires on March 17, 2027 (14 days after it was sent).\n", date=MAR_4)
    assert notice.deadline == "2027-03-17"


def test_nothing_needs_to_be_done_is_a_no_action() -> None:
    notice = classify(HEALTH, "Quokka planned maintenance",
                      "A routine maintenance of your Quokka file servers is planned; each fails over to its standby.\n"
                      "Nothing needs to be done on your side, and the window cannot be moved.\n\n"
                      "File system   Window start (UTC)   Window end (UTC)\n"
                      "qk-0a71c3   2027-03-23 14:00   2027-03-23 16:00\n\n"
                      "Account: 604411738205\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None
