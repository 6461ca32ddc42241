"""Session 43's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 86: the limit to move a maintenance window, asked with the familiar "you" of Italian and Spanish or a pronoun
beside the imperative ("Se preferisci un'altra finestra, modificala entro il D", "cámbiala", "la modifichi",
"modifíquela"), is the deadline as the English and French ones are; a next sentence that says what happens on that
date keeps the date a deadline although a relative clause in it is in the past ("On that date, hosts that were not
rotated are moved"); a Marketplace subscription the mail says is confirmed has no deadline in its renewal (9 languages),
while a free trial the account subscribed to keeps its end; what the reader registered on a date, told in Chinese with
its place between ("您于 D 在 AWS 账户 N 中注册了域名"), is a fact; "The full account ID is N" names the account; the
registrar's verification link, or the registrant contact named beside a verification (es, fr, de, it, pt, ja, zh, ko),
makes a registrant verification, also forwarded, while a Support case's mail about a domain stays a case. Round 87: an
instance family retired for a newer generation, the family named between ("较新一代的 Q 系列实例", "Instances neuerer
Generation"), is an end of support; a Savings Plan whose term ends (ja, zh, ko) is a commitment expiry; a forwarded SNS
message, its unsubscribe link kept, is an SNS message; a root user found without MFA is a root review (9 languages); a
Spanish account that "se ha suspendido el D" keeps the date to pay by; "AWS opened case N for account M" is a case AWS
opened; a Portuguese maintenance that needs no action ("Não é necessária nenhuma ação") has no deadline, also beside a
wish to watch it, while a wish to move its window keeps the date. Round 88: what stops being available from a date
("deixarão de estar disponíveis a partir de D"; es, fr, it) is the deadline, what becomes available stays an option;
the day AWS announced a change ("Em D anunciamos") and the date of the message itself ("Nachricht vom D", "message du
D") are facts; a cancellation that follows what the reader may do in the same sentence keeps the window; "können wir
Ihr Konto sperren" is a suspension warning; a subscription the reader is told they made ("Você assinou") has no renewal
deadline; a localized price change with an adverb in its subject ("定價即將變更") is a price change, also from a
marketing sender."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
MARKETPLACE = "aws-marketplace@amazon.com"
REGISTRAR = "noreply@registrar.amazon.com"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T09:30:00+00:00"))
MAINTENANCE_ARN = ("Event ARN: arn:aws:health:eu-south-1::event/QUOKKA/AWS_QUOKKA_MAINTENANCE_SCHEDULED/"
                   "AWS_QUOKKA_MAINTENANCE_SCHEDULED_4D1C7A0B9E")


@pytest.mark.parametrize(("window", "ask"), [
    ("Un aggiornamento della piattaforma Quokka verrà applicato all'ambiente tasso-prod il giovedì 22 aprile 2027 "
     "tra le 02:00 e le 04:00 UTC.",
     "Se preferisci un'altra finestra, modificala nella console Quokka entro il martedì 20 aprile 2027."),
    ("Un aggiornamento della piattaforma Quokka verrà applicato all'ambiente tasso-prod il giovedì 22 aprile 2027 "
     "tra le 02:00 e le 04:00 UTC.",
     "Se vuoi un altro orario, spostala dalla console Quokka entro il 20 aprile 2027."),
    ("Una actualización de la plataforma Quokka se aplicará al entorno tejon-prod el jueves 22 de abril de 2027 "
     "entre las 02:00 y las 04:00 UTC.",
     "Si prefieres otra ventana, cámbiala en la consola de Quokka antes del martes 20 de abril de 2027."),
    ("Una actualización de la plataforma Quokka se aplicará al entorno tejon-prod el jueves 22 de abril de 2027 "
     "entre las 02:00 y las 04:00 UTC.",
     "Si prefiere otra ventana, modifíquela en la consola de Quokka antes del martes 20 de abril de 2027."),
    ("A Quokka platform update will be applied to environment badger-prod on Thursday, April 22, 2027 between 02:00 "
     "and 04:00 UTC.",
     "If you prefer another window, change it in the Quokka console by Tuesday, April 20, 2027."),
], ids=["it-familiar", "it-wants", "es-familiar", "es-formal", "en"])
def test_the_limit_to_move_a_window_asked_familiarly_is_the_deadline(window: str, ask: str) -> None:
    notice = classify(HEALTH, "[Quokka] Managed platform update",
                      f"Hello,\n\n{MAINTENANCE_ARN}\nAccount: 604411738205\n\n{window}\n\n{ask}\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-20"


def test_a_past_relative_clause_in_the_sentence_after_keeps_the_date() -> None:
    notice = classify(HEALTH, "[Action Required] Rotate the CA of your Amazon Quokka hosts",
                      "Hello,\n\nThe certificate authority that signs your Amazon Quokka hosts' certificates is being "
                      "replaced in account 604411738205. Rotate your hosts to quokka-ca-2 before 2027-05-20.\n"
                      "On that date, hosts that were not rotated are moved automatically, with a restart.\n\n"
                      "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n", date=MAR_4)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-05-20"


def test_a_date_the_mail_says_was_done_stays_a_fact() -> None:
    # (guard: a past said of the date itself)
    notice = classify(HEALTH, "Amazon Quokka: CA rotation completed",
                      "Hello,\n\nThe hosts of account 604411738205 were rotated to quokka-ca-2 on 2027-03-02. "
                      "No action is required.\n", date=MAR_4)
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS Marketplace subscription confirmed", "Product: Quokka Vault\nContract start: March 4, 2027\n"
                                               "Auto-renewal: March 4, 2028\n"),
    ("Suscripción de AWS Marketplace confirmada", "Producto: Quokka Vault\nInicio: 4 de marzo de 2027\n"
                                                  "Renovación automática: 4 de marzo de 2028\n"),
    ("Assinatura do AWS Marketplace confirmada", "Produto: Quokka Vault\nData de início: 4 de março de 2027\n"
                                                 "Renovação automática: 4 de março de 2028\n"),
    ("Abonnement AWS Marketplace confirmé", "Produit : Quokka Vault\nDébut : 4 mars 2027\n"
                                            "Renouvellement automatique : 4 mars 2028\n"),
    ("Abbonamento AWS Marketplace confermato", "Prodotto: Quokka Vault\nInizio: 4 marzo 2027\n"
                                               "Rinnovo automatico: 4 marzo 2028\n"),
    ("AWS Marketplace: Abonnement bestätigt", "Produkt: Quokka Vault\nBeginn: 4. März 2027\n"
                                              "Automatische Verlängerung: 4. März 2028\n"),
    ("AWS Marketplace のサブスクリプションが確認されました", "製品: Quokka Vault\n開始日: 2027年3月4日\n"
                                                          "自動更新: 2028年3月4日\n"),
    ("AWS Marketplace 订阅已确认", "产品：Quokka Vault\n开始日期：2027年3月4日\n自动续订：2028年3月4日\n"),
    ("AWS Marketplace 구독이 확인되었습니다", "제품: Quokka Vault\n시작일: 2027년 3월 4일\n"
                                          "자동 갱신: 2028년 3월 4일\n"),
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_subscription_said_confirmed_has_no_deadline_in_its_renewal(subject: str, body: str) -> None:
    notice = classify(MARKETPLACE, subject, f"Account 604411738205\n\n{body}", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_free_trial_the_account_subscribed_to_keeps_its_end() -> None:
    # (guard: the account "subscribed to" a trial, said in the past, whose end the mail announces)
    notice = classify(MARKETPLACE, "Your free trial of Quokka Vault ends soon",
                      "Hello,\n\nYour AWS account 604411738205 subscribed to a 14-day free trial of Quokka Vault on "
                      "March 1, 2027.\n\nThe free trial ends on March 15, 2027. Starting March 16, 2027, your usage "
                      "is billed at the public price unless you cancel the subscription before the trial ends.\n",
                      date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline in ("2027-03-15", "2027-03-16")


@pytest.mark.parametrize("said", [
    "您于 2027年3月4日 在 AWS 账户 604411738205 中注册（或更新联系人信息）了域名 quokka-den.example。",
    "您於 2027年3月4日 在 AWS 帳戶 604411738205 中註冊了網域 quokka-den.example。",
], ids=["zh-cn", "zh-tw"])
def test_what_the_reader_registered_on_a_date_in_chinese_is_a_fact(said: str) -> None:
    notice = classify(REGISTRAR, "请验证注册联系人的电子邮件地址",
                      f"您好，\n\n{said}\n\n请于 2027年3月18日 之前点击下面的链接，验证此电子邮件地址。\n\n"
                      "https://registrar.amazon.com/email-verification?code=QUOKKA123\n", date=MAR_4)
    assert notice.notice_type == "verification.route53_registrant"
    assert notice.deadline == "2027-03-18"


@pytest.mark.parametrize("sentence", [
    "The full account ID is 604411738205.",
    "The complete AWS account ID is 604411738205.",
], ids=["full", "complete"])
def test_the_full_account_id_said_to_be_a_number_is_the_account(sentence: str) -> None:
    notice = classify(NO_REPLY, None,
                      "Hello,\n\nWe found an access key of your AWS account (****8205) on a public Quokka paste site.\n"
                      "Access key ID: AKIAQUOKKA2EXAMPLE7Q\n\nDelete or rotate the key.\n\n"
                      f"{sentence} You can open a case with AWS Support if you need help.\n", date=MAR_4)
    assert notice.aws_account_id == "604411738205"


@pytest.mark.parametrize(("sender", "subject", "body"), [
    ("it-ops@quokka-den.example", "转发: 请验证注册联系人的电子邮件地址",
     "转发的邮件：\n发件人: Amazon Route 53 <noreply@registrar.amazon.com>\n\n您在 2027年3月3日 为 AWS 账户 "
     "604411738205 注册了域名 quokka-den.example。请点击下面的链接验证注册联系人的电子邮件地址：\n\n"
     "https://registrar.amazon.com/email-verification?code=QUOKKA456\n\n如果您未在 2027年3月18日之前完成验证，"
     "该域名将被暂停。\n"),
    (REGISTRAR, "ドメインの登録者の確認",
     "お客様の AWS アカウント 604411738205 で登録されたドメイン quokka-den.example について、登録者の連絡先の"
     "メールアドレスを確認してください。2027年3月18日までに確認されない場合、ドメインは停止されます。\n"),
    (REGISTRAR, "请验证域名 quokka-den.example",
     "您的 AWS 账户 604411738205 中的域名 quokka-den.example 需要验证注册联系人的电子邮件地址。"
     "如果您未在 2027年3月18日之前完成验证，该域名将被暂停。\n"),
    (REGISTRAR, "도메인 등록자 이메일 확인",
     "AWS 계정 604411738205의 도메인 quokka-den.example 등록자 연락처의 이메일 주소를 확인해 주십시오. "
     "2027년 3월 18일까지 확인하지 않으면 도메인이 정지됩니다.\n"),
    (REGISTRAR, "Verifique el correo del titular",
     "Verifique la dirección de correo del contacto del titular del dominio quokka-den.example de la cuenta "
     "604411738205 antes del 18 de marzo de 2027; si no, el dominio se suspenderá.\n"),
    (REGISTRAR, "Vérifiez l'adresse du titulaire",
     "Vérifiez l'adresse e-mail du contact du titulaire du domaine quokka-den.example (compte 604411738205) avant "
     "le 18 mars 2027, sinon le domaine sera suspendu.\n"),
    (REGISTRAR, "Bestätigen Sie Ihre E-Mail-Adresse",
     "Bitte bestätigen Sie die E-Mail-Adresse des Registrant-Kontakts der Domain quokka-den.example "
     "(Konto 604411738205) bis zum 18. März 2027, sonst wird die Domain gesperrt.\n"),
], ids=["zh-forwarded", "ja", "zh", "ko", "es", "fr", "de"])
def test_a_registrant_verification_is_read_in_every_language(sender: str, subject: str, body: str) -> None:
    notice = classify(sender, subject, body, date=MAR_4)
    assert notice.notice_type == "verification.route53_registrant"


def test_a_support_case_about_a_domain_registrant_stays_a_case() -> None:
    # (guard: a case's mail, its link to the case, that names the registrant's check)
    notice = classify(NO_REPLY, "Amazon Web Services: 新しいサポートケース: 7702194401",
                      "お客様\n\nアマゾン ウェブ サービスは、お客様に代わって"
                      "サポートケース 7702194401 をオープンしました。\n"
                      "件名: ドメイン quokka-den.example の登録者情報の確認\n"
                      "AWS アカウント 604411738205 のドメインについて、"
                      "登録者情報を確認してこのケースに返信してください。\n\n"
                      "https://console.aws.amazon.com/support/home#/case/?displayId=7702194401&language=ja\n",
                      date=MAR_4)
    assert notice.notice_type != "verification.route53_registrant"


# ---------------------------------------------------------------- round 87

@pytest.mark.parametrize("body", [
    "我们已无法继续在 Q3 实例系列上提供您所期望的高弹性，"
    "因此正在协助客户在 2027 年 9 月 30 日之前将工作负载迁移到较新一代的 Q 系列实例。"
    "在 2027 年 9 月 30 日停用日期之前，现有 Q3 用户的使用体验不会发生变化。",
    "Für die Q3-Instance-Familie können wir die erwartete Ausfallsicherheit nicht mehr bieten und helfen Kunden, ihre "
    "Workloads bis zum 30. September 2027 auf Instances neuerer Generation zu migrieren.",
], ids=["zh", "de"])
def test_an_instance_family_retired_for_a_newer_generation_is_an_end_of_support(body: str) -> None:
    notice = classify(NO_REPLY, "Amazon Quokka Q3 实例即将停用", f"{body}\n\nAccount 604411738205\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


@pytest.mark.parametrize(("subject", "sentence"), [
    ("Compute Savings Plans の期間終了が近づいています",
     "AWS アカウント 604411738205 の Compute Savings Plans は 2027年4月30日に期間が終了します。"),
    ("Savings Plans 期限即将结束", "AWS 账户 604411738205 的 Compute Savings Plans 期限结束日期为 2027年4月30日。"),
    ("Savings Plans 기간 종료 안내",
     "AWS 계정 604411738205의 Compute Savings Plans 기간이 2027년 4월 30일에 종료됩니다."),
], ids=["ja", "zh", "ko"])
def test_a_savings_plan_term_that_ends_is_a_commitment_expiry(subject: str, sentence: str) -> None:
    notice = classify(NO_REPLY, subject, f"{sentence}\n\nSavings Plan ID: sp-0quokka7\n", date=MAR_4)
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.deadline == "2027-04-30"


def test_a_forwarded_sns_message_is_an_sns_message() -> None:
    notice = classify("ops-lead@quokka-den.example", "Fwd: ALARM: \"quokka-queue-depth\" in EU (Ireland)",
                      "FYI\n\n-------- Forwarded Message --------\n"
                      "From: AWS Notifications <no-reply@sns.amazonaws.com>\n\n"
                      "Your Amazon CloudWatch Alarm \"quokka-queue-depth\" has entered the ALARM state.\n\n--\n"
                      "If you wish to stop receiving notifications from this topic, please click or visit the link "
                      "below to unsubscribe:\nhttps://sns.eu-west-1.amazonaws.com/unsubscribe.html?SubscriptionArn=arn:aws:sns:"
                      "eu-west-1:604411738205:quokka-alarms:0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\n", date=MAR_4)
    assert notice.notice_type == "notification.sns_message"


def test_a_forwarded_note_without_the_link_stays_unknown() -> None:
    # (guard: a sender we cannot place, naming SNS in prose only)
    notice = classify("ops-lead@quokka-den.example", "Fwd: quokka alarm",
                      "FYI, the Quokka alarm on sns.eu-west-1.amazonaws.com fired again overnight.\n", date=MAR_4)
    assert notice.notice_type == "unknown"


@pytest.mark.parametrize("sentence", [
    "We detected that the root user of your AWS account 604411738205 has not enabled MFA.",
    "Detectamos que el usuario raíz de su cuenta de AWS 604411738205 no tiene habilitada la MFA.",
    "Detectamos que o usuário raiz da sua conta da AWS 604411738205 não tem a MFA ativada.",
    "Nous avons constaté que l'utilisateur racine de votre compte AWS 604411738205 n'a pas activé la MFA.",
    "Abbiamo rilevato che l'utente root del tuo account AWS 604411738205 non ha attivato la MFA.",
    "Wir haben festgestellt, dass der Root-Benutzer Ihres AWS-Kontos 604411738205 keine MFA verwendet.",
    "AWS アカウント 604411738205 のルートユーザーで MFA が有効になっていません。",
    "我们检测到您的 AWS 账户 604411738205 的根用户长时间未启用多重要素身份验证 (MFA)。",
    "AWS 계정 604411738205의 루트 사용자에 MFA가 활성화되어 있지 않습니다.",
], ids=["en", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_root_user_found_without_mfa_is_a_root_review(sentence: str) -> None:
    notice = classify(NO_REPLY, None, f"{sentence}\n\nEnable MFA for the root user before March 31, 2027.\n",
                      date=MAR_4)
    assert notice.notice_type == "security.root_review"


def test_a_spanish_account_suspended_on_a_date_keeps_the_date_to_pay_by() -> None:
    notice = classify(NO_REPLY, "Su cuenta de AWS se ha suspendido",
                      "Su cuenta de AWS 604411738205 se ha suspendido el 4 de marzo de 2027 porque la factura de "
                      "febrero sigue pendiente de pago.\n\nPara reactivarla, abone el saldo antes del 18 de marzo de "
                      "2027.\n", date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-18"


def test_a_case_aws_opened_in_the_simple_past_is_a_case_opened_by_aws() -> None:
    notice = classify(NO_REPLY, "AWS Support case 1726405983: Action required on Amazon Quokka",
                      "Dear AWS customer,\n\nAWS opened case 1726405983 for account 604411738205 about the Amazon "
                      "Quokka den that writes to a bucket outside your organization.\n\nPlease respond to this case "
                      "within 5 days of this message.\n", date=MAR_4)
    assert notice.notice_type == "support.case_opened_by_aws"


QUOKKA_WINDOW = ("Código do tipo de evento: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n\nA AWS fará a manutenção dos seus "
                 "canais Quokka a partir de 12 de maio de 2027, às 04:00 UTC. Os canais serão reiniciados uma vez.\n\n")


@pytest.mark.parametrize("tail", [
    "Não é necessária nenhuma ação da sua parte.",
    "Nenhuma ação é necessária. Se preferir, pode acompanhar o estado dos canais no console.",
], ids=["verb-first", "if-you-prefer-to-watch"])
def test_a_maintenance_that_needs_no_action_in_portuguese_has_no_deadline(tail: str) -> None:
    notice = classify(HEALTH, "Manutenção programada do Amazon Quokka", QUOKKA_WINDOW + tail + "\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


def test_a_maintenance_that_offers_to_move_its_window_keeps_its_date() -> None:
    # (guard: a wish followed by an act on the maintenance)
    notice = classify(HEALTH, "Manutenção programada do Amazon Quokka",
                      QUOKKA_WINDOW + "Nenhuma ação é necessária. Se preferir, reagende a janela no console.\n",
                      date=MAR_4)
    assert notice.deadline == "2027-05-12"


# ---------------------------------------------------------------- round 88

@pytest.mark.parametrize("sentence", [
    "As instâncias Q3 deixarão de estar disponíveis a partir de 30 de novembro de 2027.",
    "Las instancias Q3 dejarán de estar disponibles a partir del 30 de noviembre de 2027.",
    "Les instances Q3 ne seront plus disponibles à partir du 30 novembre 2027.",
    "Le istanze Q3 non saranno più disponibili dal 30 novembre 2027.",
], ids=["pt", "es", "fr", "it"])
def test_what_stops_being_available_from_a_date_is_the_deadline(sentence: str) -> None:
    notice = classify(HEALTH, "[Action Required] Amazon Quokka Q3 end of life",
                      f"Hello,\n\nAccount 604411738205 ran Quokka Q3 hosts.\n\n{sentence}\n", date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-11-30"


def test_what_becomes_available_from_a_date_stays_no_deadline() -> None:
    # (guard: an option that opens, beside the end that is the deadline)
    notice = classify(HEALTH, "[Ação necessária] Fim do suporte do Amazon Quokka 2",
                      "Olá,\n\nA versão 3 do Amazon Quokka estará disponível a partir de 1 de abril de 2027. "
                      "A versão 2 deixará de ser suportada em 30 de junho de 2027 na conta 604411738205.\n", date=MAR_4)
    assert notice.deadline == "2027-06-30"


@pytest.mark.parametrize("sentence", [
    "Em 4 de março de 2027 anunciamos uma mudança nos preços do Amazon Quokka.",
    "El 4 de marzo de 2027 anunciamos un cambio en los precios de Amazon Quokka.",
    "Le 4 mars 2027, nous avons annoncé une modification des tarifs d'Amazon Quokka.",
    "Il 4 marzo 2027 abbiamo annunciato una modifica dei prezzi di Amazon Quokka.",
], ids=["pt", "es", "fr", "it"])
def test_the_day_aws_announced_a_price_change_is_a_fact(sentence: str) -> None:
    notice = classify(NO_REPLY, "Amazon Quokka: price change",
                      f"{sentence}\n\nA partir de 1 de julho de 2027 / 1 July 2027, idle Quokka dens are charged "
                      "per hour in account 604411738205.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-07-01"


@pytest.mark.parametrize("sentence", [
    "mit dieser Nachricht vom 4. März 2027 teilen wir Ihnen mit, dass Amazon Quokka die Version 2 nicht mehr "
    "unterstützt. Bitte aktualisieren Sie bis zum 30.06.2027.",
    "par ce message du 4 mars 2027, nous vous informons de la fin du support de la version 2 d'Amazon Quokka. "
    "Mettez à jour vos tanières avant le 30 juin 2027.",
], ids=["de", "fr"])
def test_the_date_of_the_message_itself_is_a_fact(sentence: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka 2", f"Hallo / Bonjour,\n\n{sentence}\n\nKonto / Compte : 604411738205\n\n"
                      "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n", date=MAR_4)
    assert notice.deadline == "2027-06-30"


def test_a_cancellation_after_what_the_reader_may_do_keeps_the_window() -> None:
    notice = classify(HEALTH, "[AWS Health Event] Amazon Quokka den maintenance scheduled",
                      "Hello,\n\nThe maintenance window of den-0a1b2c in account 604411738205 starts at 2027-03-20 "
                      "06:00 UTC. During the window the den is stopped and started.\n\nYou can restart the den "
                      "yourself before the window starts; a den restarted after this notice is moved to new hosts "
                      "and the scheduled event is cancelled. No further action is required otherwise.\n\n"
                      "Event type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n", date=MAR_4)
    assert notice.deadline == "2027-03-20"


def test_a_maintenance_cancelled_outright_has_no_deadline() -> None:
    # (guard)
    notice = classify(HEALTH, "[AWS Health Event] Amazon Quokka den maintenance",
                      "Hello,\n\nThe maintenance of den-0a1b2c in account 604411738205 planned for 2027-03-20 "
                      "06:00 UTC has been cancelled.\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED\n",
                      date=MAR_4)
    assert notice.deadline is None


def test_a_german_account_that_we_can_suspend_is_a_suspension_warning() -> None:
    notice = classify(NO_REPLY, None,
                      "Sehr geehrte Kundin, sehr geehrter Kunde,\n\nfür Ihr AWS-Konto 604411738205 ist weiterhin ein "
                      "Betrag offen.\n\nWenn der Betrag nicht bis zum 18. März 2027 beglichen ist, können wir Ihr "
                      "Konto sperren.\n", date=MAR_4)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-03-18"


@pytest.mark.parametrize(("subject", "renewal"), [
    ("Você assinou um produto no AWS Marketplace", "Fim: 03/03/2028 (renovação automática ativada)"),
    ("Usted se ha suscrito a un producto de AWS Marketplace", "Fin: 03/03/2028 (renovación automática activada)"),
    ("Vous vous êtes abonné à un produit AWS Marketplace", "Fin : 03/03/2028 (renouvellement automatique activé)"),
    ("Ti sei abbonato a un prodotto di AWS Marketplace", "Fine: 03/03/2028 (rinnovo automatico attivo)"),
    ("Sie haben ein Produkt im AWS Marketplace abonniert", "Ende: 03.03.2028 (automatische Verlängerung aktiv)"),
    ("您已订阅 AWS Marketplace 产品", "自动续订：2028年3月3日"),
], ids=["pt", "es", "fr", "it", "de", "zh"])
def test_a_subscription_the_reader_is_told_they_made_has_no_renewal_deadline(subject: str, renewal: str) -> None:
    notice = classify(MARKETPLACE, subject, f"Account 604411738205\nProduct: Quokka Vault\n{renewal}\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


@pytest.mark.parametrize("subject", [
    "Amazon Quokka 定價即將變更", "Amazon Quokka 的料金がまもなく変更されます", "Amazon Quokka 요금이 곧 변경됩니다",
], ids=["zh-tw", "ja", "ko"])
def test_a_localized_price_change_from_a_marketing_sender_is_a_price_change(subject: str) -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", subject,
                      "Account 604411738205\n\n2027年7月1日 / 2027년 7월 1일 — Amazon Quokka idle dens are charged "
                      "per hour from that date.\n", date=MAR_4)
    assert notice.notice_type == "policy.change_notice"
