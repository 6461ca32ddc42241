"""Session 38's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka. Round 68's misses in general form: a past-due charge the bank "declined" (said after the card, "and the bank
declined it"; a subject whose payment "did not go through") is a failed payment; a welcome from the sign-up sender in
the other languages ("へようこそ", "欢迎使用", "에 오신 것을 환영합니다", "Bienvenue sur") is the welcome,
not a code."""

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
