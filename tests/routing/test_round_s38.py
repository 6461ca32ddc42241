"""Session 38's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Round 68's misses in general form: a past-due charge the bank "declined" (said after the card, "and the bank
declined it"; a subject whose payment "did not go through") is a failed payment; a welcome from the sign-up sender in
the other languages ("へようこそ", "欢迎使用", "에 오신 것을 환영합니다", "Bienvenue sur") is the welcome,
not a code. Round 69: resources that may yet be deleted "and cannot be recovered" are no lost volume; SES has finished
verifying (es, pt, fr, de); a Traditional Chinese reboot (重新開機) restarts a maintenance's resource;
"无需执行任何操作" is a no-action sentence. Round 70: a Korean account suspended with its id and date between; a
subscription's term named by its start ("Inizio del contratto"); what AWS found on a date ("Nous avons trouvé en
ligne, le D"); the Customer Agreement updated (zh-Hant; en, said done) from a marketing sender; an instance family
retired, its users asked to move to a newer generation (es, fr), is its end of life; a contract said to end soon keeps
its end. Round 71: a Chinese welcome without a subject ("感谢您注册 … 已于 D 创建完成"); an access key said publicly
visible (de "Zugangsschlüssel … öffentlich einsehbar"); a "New Support case correspondence" subject; a contract's start
and end as bare CJK fields ("合同开始：D"); the account named with its id between what AWS did and the date."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
SIGNUP = "no-reply@signup.aws"
MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T08:30:00+00:00"))


def test_a_charge_the_bank_declined_is_a_failed_payment() -> None:
    notice = classify(NO_REPLY, "Your Amazon Quokka charges for February 2027",
                      "Hello,\n\nOn March 2, 2027 we tried to charge the Mastercard ending in 0912 for the Quokka "
                      "charges of AWS account 604411738205, but the card issuer declined it.\n\nBalance USD 88.10\n"
                      "Payment due: March 15, 2027\n\nPlease pay the balance by the due date.\n", date=MAR_4)
    assert notice.notice_type == "billing.payment_failed"
    assert notice.deadline == "2027-03-15"


def test_a_payment_that_did_not_go_through_is_a_failed_payment() -> None:
    notice = classify(NO_REPLY, "Your payment for AWS account 604411738205 didn't go through",
                      "Hello,\n\nThe Amazon Quokka balance of USD 88.10 is still open. Please pay it on the Payments "
                      "page by March 15, 2027.\n", date=MAR_4)
    assert notice.notice_type == "billing.payment_failed"


def test_a_payment_that_went_through_is_not_a_failed_one() -> None:
    # (guard: the payment went through; no failure is said)
    notice = classify(NO_REPLY, "Your payment for AWS account 604411738205 went through",
                      "Hello,\n\nWe received your payment of USD 88.10 for Amazon Quokka. Thank you.\n", date=MAR_4)
    assert notice.notice_type != "billing.payment_failed"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon Web Services へようこそ",
     "Amazon Web Services へようこそ\n\nAWS アカウント 6044-1173-8205 の登録が完了しました。"
     "Amazon Quokka を含むすべてのサービスをご利用いただけます。\n"),
    ("欢迎使用 Amazon Web Services",
     "欢迎使用 Amazon Web Services！\n\n您的 AWS 账户 604411738205 已注册完成，"
     "现在可以使用 Amazon Quokka 等全部服务。\n"),
    ("Amazon Web Services에 오신 것을 환영합니다",
     "Amazon Web Services에 오신 것을 환영합니다.\n\nAWS 계정 604411738205의 가입이 완료되었습니다. "
     "이제 Amazon Quokka를 사용할 수 있습니다.\n"),
    ("Bienvenue sur Amazon Web Services",
     "Bienvenue sur Amazon Web Services.\n\nVotre compte AWS 604411738205 est prêt : "
     "vous pouvez utiliser Amazon Quokka.\n"),
], ids=["ja", "zh", "ko", "fr"])
def test_a_localized_welcome_from_the_signup_sender(subject: str, body: str) -> None:
    notice = classify(SIGNUP, subject, body, date=MAR_4)
    assert notice.notice_type == "onboarding.welcome"
    assert notice.aws_account_id == "604411738205"


def test_a_localized_welcome_with_a_code_stays_a_code() -> None:
    # (guard: a welcome that carries a code is the sign-up verification, which carries a secret)
    notice = classify(SIGNUP, "Amazon Web Services へようこそ",
                      "Amazon Web Services へようこそ\n\n確認コード: 482913\n\n"
                      "このコードを入力して登録を完了してください。\n",
                      date=MAR_4)
    assert notice.notice_type == "credentials.signup_verification"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account 604411738205 has been suspended",
     "Hello,\n\nBecause of unpaid Amazon Quokka charges, your AWS account 604411738205 was suspended on March 3, 2027. "
     "Pay the balance by March 20, 2027 to reactivate it. After that date, resources such as EC2 instances, EBS "
     "volumes and Quokka nodes may be terminated or deleted and cannot be recovered.\n"),
    ("AWS 계정이 일시 중지되었습니다",
     "안녕하세요.\n\n미결제 Amazon Quokka 요금으로 인해 AWS 계정 604411738205이 2027년 3월 3일에 일시 중지되었습니다. "
     "2027년 3월 20일까지 결제하시면 계정이 다시 활성화됩니다. 그 후에는 EBS 볼륨과 Quokka 노드가 삭제될 수 있으며 "
     "복구할 수 없습니다.\n"),
], ids=["en", "ko"])
def test_volumes_that_may_be_lost_are_a_warning_not_a_lost_volume(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-20"


def test_a_volume_that_failed_is_still_lost() -> None:
    # (guard: the volume failed; its data cannot be recovered)
    notice = classify("health@aws.com", "[AWS Health] Amazon EBS volume lost [AWS Account: 604411738205]",
                      "Hello,\n\nYour EBS volume vol-0a1b2c3d4e5f60718 used by a Quokka node has failed and its data "
                      "cannot be recovered. Please restore it from a snapshot.\n", date=MAR_4)
    assert notice.notice_type == "health.operational_issue"


@pytest.mark.parametrize("body", [
    "¡Enhorabuena! Amazon SES ha terminado de verificar el dominio quokka.example en la región Europa (Irlanda). "
    "Desde ahora puede enviar correo desde cualquier dirección de ese dominio.\n",
    "Amazon SES terminou de verificar o domínio quokka.example. Agora você pode enviar e-mails desse domínio.\n",
    "Amazon SES a terminé de vérifier le domaine quokka.example : vous pouvez désormais envoyer des e-mails.\n",
    "Amazon SES hat die Überprüfung der Domäne quokka.example abgeschlossen.\n",
], ids=["es", "pt", "fr", "de"])
def test_ses_has_finished_verifying_a_domain(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=MAR_4)
    assert notice.notice_type == "ses.identity_verified"


def test_ses_could_not_finish_verifying_is_not_verified() -> None:
    # (guard: the verification failed)
    notice = classify(NO_REPLY, None, "Amazon SES no ha podido verificar el dominio quokka.example: no se encontraron "
                      "los registros DNS. Desde ahora puede volver a intentarlo.\n", date=MAR_4)
    assert notice.notice_type != "ses.identity_verified"


def test_a_maintenance_that_reboots_in_traditional_chinese_keeps_its_reschedule_date() -> None:
    notice = classify("health@aws.com", "[更新] Amazon Quokka 排定維護 [AWS 帳戶: 604411738205]",
                      "您好：\n\n新的維護時間 2027年3月21日 (日) 18:00–20:00 UTC\n\n"
                      "維護期間 Quokka 節點會依序重新開機。"
                      "若此時間不適合，您可在 2027年3月20日之前於主控台重新排定。\n", date=MAR_4)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-20"


@pytest.mark.parametrize("no_action", ["您无需执行任何操作", "您不需要进行任何操作"],
                         ids=["wuxu-zhixing", "buxuyao-jinxing"])
def test_a_change_that_needs_no_action_said_with_its_verb_has_no_deadline(no_action: str) -> None:
    notice = classify("health@aws.com", "Amazon Quokka 默认设置变更通知 [AWS 账户: 604411738205]",
                      f"您好：\n\n自 2027年6月1日起，Amazon Quokka 将调整默认的节点数量。\n\n{no_action}；"
                      "如需保留原有设置，可以随时创建自定义配置。\n", date=MAR_4)
    assert notice.notice_type == "health.other"
    assert notice.deadline is None


def test_a_korean_account_suspended_with_its_id_and_date_between() -> None:
    notice = classify("aws-receivables-support@email.amazon.com", None,
                      "안녕하세요,\n\n청구서 미납으로 인해 AWS 계정 6044-1173-8205이(가) "
                      "2027년 3월 3일에 정지되었습니다.\n\n"
                      "2027년 3월 20일(토)까지 미납 금액을 결제하지 않으면 Amazon Quokka 노드가 삭제될 수 있습니다.\n",
                      date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-20"


@pytest.mark.parametrize(("renewal", "deadline"), [("Sì", None), ("No", "2028-03-03")], ids=["renews", "ends"])
def test_a_subscription_term_named_by_its_start(renewal: str, deadline: str | None) -> None:
    # (a term that renews is a fact of the agreement; one that does not ends the reader's access: its end a deadline)
    notice = classify("no-reply@marketplace.aws", "Conferma dell'abbonamento AWS Marketplace: Quokka Insights",
                      "Gentile cliente,\n\nl'account AWS 604411738205 ha sottoscritto Quokka Insights (SaaS).\n\n"
                      "Inizio del contratto 4 marzo 2027\n\nFine del contratto 3 marzo 2028\n\n"
                      f"Rinnovo automatico {renewal}\n",
                      date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == deadline


@pytest.mark.parametrize("found", [
    "Nous avons trouvé en ligne, le 4 mars 2027, la clé d'accès AWS AKIAQUOKKAEXAMPLE7Q2 d'un nœud Quokka.",
    "Le 4 mars 2027, nous avons trouvé en ligne la clé d'accès AWS AKIAQUOKKAEXAMPLE7Q2 d'un nœud Quokka.",
    "El 4 de marzo de 2027 encontramos en internet la clave de acceso AWS AKIAQUOKKAEXAMPLE7Q2 de un nodo Quokka.",
], ids=["fr-after", "fr-before", "es"])
def test_what_aws_found_on_a_date_is_a_fact(found: str) -> None:
    notice = classify("aws-security@amazon.com", "Action requise : clé d'accès exposée [compte 604411738205]",
                      f"Bonjour,\n\n{found}\n\nCe que vous devez faire : supprimer la clé.\n", date=MAR_4)
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS 客戶協議更新通知", "親愛的客戶：\n\n我們已於 2027年3月4日 更新 AWS 客戶協議中關於 Amazon Quokka 的條款。\n"),
    ("AWS Customer Agreement", "Dear customer,\n\nWe updated the AWS Customer Agreement on March 4, 2027 to add terms "
                               "for Amazon Quokka.\n"),
], ids=["zh-Hant", "en"])
def test_the_customer_agreement_updated_from_a_marketing_sender(subject: str, body: str) -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", subject, body, date=MAR_4)
    assert notice.notice_type == "policy.change_notice"


def test_a_contract_that_ends_soon_keeps_its_end() -> None:
    # (guard: a term named by its start that the mail says ends soon, its access with it: the end is a deadline)
    notice = classify("no-reply@marketplace.aws", "Il suo contratto AWS Marketplace termina a breve: Quokka Insights",
                      "Gentile cliente,\n\nil contratto dell'account AWS 604411738205 per Quokka Insights "
                      "termina a breve.\n\nInizio del contratto 4 aprile 2026\n\nFine del contratto 3 aprile 2027\n\n"
                      "Dopo la fine del contratto l'accesso termina.\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-04-03"


@pytest.mark.parametrize(("subject", "body"), [
    ("Retirada de las instancias Amazon Quokka Q1 [Cuenta de AWS: 604411738205]",
     "Ya no podemos mantener la capacidad que espera de la familia Q1. Le pedimos que traslade sus cargas de trabajo a "
     "instancias de generaciones más recientes antes del 30 de septiembre de 2027.\n"),
    ("Retrait des instances Amazon Quokka Q1 [Compte AWS : 604411738205]",
     "Nous ne pouvons plus offrir la capacité attendue pour la famille Q1. Migrez vos charges de travail vers des "
     "instances de nouvelle génération avant le 30 septembre 2027.\n"),
], ids=["es", "fr"])
def test_an_instance_familys_retirement_is_its_end_of_life(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-09-30"


def test_the_retirement_of_the_readers_instance_stays_one() -> None:
    # (guard: the reader's instance on degraded hardware, no family to move off)
    notice = classify(NO_REPLY, "Retirada programada de instancias Amazon EC2 [Cuenta de AWS: 604411738205]",
                      "Hola:\n\nSu instancia i-0abc123def4567890, que ejecuta un nodo Quokka, está programada para su "
                      "retirada el 30 de marzo de 2027 debido a una degradación del hardware subyacente.\n", date=MAR_4)
    assert notice.notice_type == "health.instance_retirement"


def test_a_chinese_welcome_without_a_subject() -> None:
    notice = classify(SIGNUP, None, "您好，\n\n感谢您注册 Amazon Web Services。"
                      "您的 AWS 账户 6044 1173 8205 已于 2027 年 3 月 4 日创建完成，"
                      "现在即可使用 Amazon Quokka 等全部服务。\n", date=MAR_4)
    assert notice.notice_type == "onboarding.welcome"


def test_a_german_access_key_said_publicly_visible() -> None:
    notice = classify(NO_REPLY, "Ihre AWS-Zugangsschlüssel sind öffentlich einsehbar [AWS-Konto: 604411738205]",
                      "Wir haben festgestellt, dass ein Zugangsschlüssel Ihres Quokka-Knotens öffentlich abrufbar ist. "
                      "Bitte löschen Sie den Schlüssel.\n", date=MAR_4)
    assert notice.notice_type == "security.exposed_credentials"


def test_a_new_support_case_correspondence_subject_is_correspondence() -> None:
    notice = classify(NO_REPLY, "Amazon Web Services: New Support case correspondence: 179442018300617",
                      "Hello,\n\nWe have added a new reply to case 179442018300617, \"Raise the Amazon Quokka node "
                      "quota\", for account 604411738205.\n", date=MAR_4)
    assert notice.notice_type == "support.case_correspondence"


def test_a_chinese_contract_start_and_end_as_bare_fields() -> None:
    notice = classify("no-reply@marketplace.aws", None,
                      "您好：\n\n感谢您在 AWS Marketplace 订阅产品。\n\n产品：       Quokka Scanner（SaaS 合同）\n"
                      "买方账户：   6044 1173 8205\n合同开始：   2027年3月4日\n合同结束：   2028年3月3日\n", date=MAR_4)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_what_aws_did_to_the_account_named_with_its_id_is_a_fact() -> None:
    notice = classify(NO_REPLY, "Su cuenta de AWS 604411738205 ha sido suspendida",
                      "Hola:\n\nHemos suspendido la cuenta de AWS 604411738205 el 4 de marzo de 2027 porque la "
                      "factura de Amazon Quokka sigue pendiente. Pague el saldo antes del 18 de marzo de 2027 "
                      "para reactivarla.\n",
                      date=MAR_4)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-03-18"


@pytest.mark.parametrize("code", ["ワンタイムパスワード 4 8 2 9 1 3 を入力してください。",
                                  "確認のため 4 8 2 9 1 3 を入力してください。"], ids=["one-time", "spaced-digits"])
def test_a_localized_welcome_with_a_spaced_code_stays_a_code(code: str) -> None:
    # (a welcome subject over a code written with spaces: the sign-up verification, which carries a secret)
    notice = classify(SIGNUP, "Amazon Web Services へようこそ", f"Amazon Web Services へようこそ。\n\n{code}\n",
                      date=MAR_4)
    assert notice.notice_type == "credentials.signup_verification"
