"""Session 13's third round, after the first run of unseen37/38, in our own words (none of these sentences is in a
fixture): a leak only supposed, a date in Chinese numerals, a French "merci de" request, a localized case update and
a case received, Trust & Safety's notice of unusual activity in the reader's account, an account number label in
Chinese, how far a maintenance may be deferred, a window under an "Event Window" header."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.dateroles import asks_by_then
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()


def test_a_leak_only_supposed_is_no_exposed_key_and_a_chinese_numeral_date_is_read() -> None:
    body = ("尊敬的客户：\n\n您的 AWS 账户 601928475660 的根用户仍有一个活动的访问密钥。"
            "根用户访问密钥权限不受限制，一旦泄露后果严重。\n\n"
            "请于二〇二七年三月十五日前删除该根用户访问密钥，并为根用户启用 MFA。\n")
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", "请删除根用户访问密钥", body)))
    assert notice.notice_type == "security.root_review"
    assert notice.deadline == "2027-03-15"


def test_a_french_case_update_asking_with_merci_de() -> None:
    body = ("Bonjour,\n\nNous avons mis à jour votre demande de support 177311902240000 (compte 601928475661).\n\n"
            "Merci de nous transmettre les journaux du cluster d'ici le 18 janvier 2027.\n")
    notice = CLASSIFIER.classify(parse_mail(build(
        "no-reply-aws@amazon.com", "Mise à jour de la demande de support 177311902240000", body)))
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline == "2027-01-18"


def test_merci_de_votre_confiance_asks_nothing() -> None:
    assert not asks_by_then("merci de votre confiance. votre offre prend fin le 3 mars 2027.")
    assert asks_by_then("merci de renouveler votre offre avant le 3 mars 2027.")


@pytest.mark.parametrize(("subject", "body"), [
    ("AWS サポート: ケース 177204519800000 を受け付けました",
     "以下の内容でケースを受け付けました。\n\nケース ID: 177204519800000\nアカウント: 601928475662\n"),
    ("AWS Support : dossier 177204519800000", "Bonjour,\n\nVotre dossier 177204519800000 a été créé pour le compte "
                                              "601928475662.\n"),
])
def test_a_case_received_in_other_languages_is_a_case_opened(subject: str, body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", subject, body)))
    assert notice.notice_type == "support.case_opened"


def test_unusual_activity_in_the_readers_account_from_trust_and_safety_is_suspicious_activity() -> None:
    body = ("Hello,\n\nWe noticed unusual activity in your AWS account 601928475663: 12 instances were launched in a "
            "Region you have never used. Your account may be compromised.\n\nPlease review the activity and rotate "
            "your credentials.\n")
    notice = CLASSIFIER.classify(parse_mail(build("trustandsafety@support.aws.com", "Your AWS account", body)))
    assert notice.notice_type == "security.suspicious_activity"


@pytest.mark.parametrize("label", ["帳戶編號：", "账户编号：", "계정 번호: "])
def test_an_account_number_label_in_chinese_and_korean(label: str) -> None:
    body = f"您好：\n\n{label}6019 2847 5664\n应付金额：USD 12.00\n"
    notice = CLASSIFIER.classify(parse_mail(build("aws-billing@amazon.com", "AWS 发票", body)))
    assert notice.aws_account_id == "601928475664"


@pytest.mark.parametrize("body", [
    "Hello,\n\nYour instance i-0a1b2c3d4e5f60718 in account 601928475665 will be rebooted for host maintenance on "
    "2027-02-09 at 03:00 UTC.\n\nIf that time does not suit you, you can reschedule the reboot to a date no later than "
    "2027-02-16 in the EC2 console.\n",
    "Guten Tag,\n\nIhre Instanz i-0a1b2c3d4e5f60718 im Konto 601928475665 wird am 2027-02-09 um 03:00 UTC wegen einer "
    "Wartung des Hosts neu gestartet.\n\nSie können den Neustart in der EC2-Konsole auf einen Termin bis spätestens "
    "2027-02-16 verschieben.\n",
])
def test_how_far_a_maintenance_may_be_deferred_is_no_deadline(body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(build("no-reply-aws@amazon.com", "Scheduled maintenance", body)))
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-02-09"


def test_a_window_under_an_event_window_header_starts_then() -> None:
    body = ("Hello,\n\nYour Amazon EC2 instances in account 601928475666 are scheduled for a system reboot.\n\n"
            "Instance Event Window (UTC)\n\ni-0a1b2c3d4e5f60719 system-reboot 2027-03-02 01:00 – 2027-03-02 03:00\n\n"
            "You can reschedule the event to a time no later than 2027-03-09.\n")
    notice = CLASSIFIER.classify(parse_mail(build("health@aws.com", "Amazon EC2 system reboot", body)))
    assert notice.deadline == "2027-03-02"
