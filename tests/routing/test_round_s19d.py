"""Session 19's fourth round, in our own words (none of these sentences is in a fixture): a platform branch that
retires, in Portuguese; an engine version decommissioned, in German; the last day of support as a field; a Chinese
maintenance-time field; a payment method to verify, in Traditional Chinese; an account that may be suspended, in
Brazilian Portuguese; a Spanish welcome said "Le damos la bienvenida"."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

SENT = date(2026, 12, 1)
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_a_platform_branch_that_retires_in_portuguese() -> None:
    body = ("A ramificação de plataforma \"Python 3.9 em Amazon Linux 2\" do AWS Elastic Beanstalk será aposentada em "
            "31 de março de 2027. Migre seus ambientes antes dessa data.\n")
    notice = classify(HEALTH, "Aposentadoria de ramificação de plataforma do Elastic Beanstalk", f"Olá,\n\n{body}")
    assert notice.notice_type == "health.end_of_support"


def test_an_engine_version_decommissioned_in_german() -> None:
    body = ("In Ihrem Konto laufen noch Cluster mit der Engine-Version 2.1, die wir stilllegen. Ab dem 1. März 2027 "
            "aktualisieren wir verbleibende Cluster im nächsten Wartungsfenster automatisch.\n")
    notice = classify(GENERAL, "Amazon DocumentDB: Stilllegung der Engine-Version 2.1", f"Guten Tag,\n\n{body}")
    assert notice.notice_type == "health.end_of_support"


def test_the_last_day_of_support_as_a_field() -> None:
    text = ("Zeitplan\n  Ankündigung ........................ Dienstag, 1. Dezember 2026\n"
            "  Letzter Tag der Unterstützung ...... Mittwoch, 30. Juni 2027\n"
            "  Entfernung der Pakete .............. Donnerstag, 30. September 2027\n")
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-06-30"
    text = "Announced: December 1, 2026\nLast day of support: June 30, 2027\nPackages removed: September 30, 2027\n"
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-06-30"


def test_a_chinese_maintenance_time_field() -> None:
    body = ("您的数据库实例已安排维护。\n维护时间：2027年1月16日（星期六）01:00 至 03:00（北京时间）\n"
            "维护期间，实例将重启一次。\n")
    notice = classify(HEALTH, "Amazon RDS 计划维护通知", f"您好：\n\n{body}")
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-01-16"


def test_a_payment_method_to_verify_in_traditional_chinese() -> None:
    body = "我們需要驗證 AWS 帳戶 220011334455 目前使用的付款方式。請於 2026年12月10日 前完成驗證。\n"
    notice = classify("aws-verification@amazon.com", "驗證您的付款方式", f"您好：\n\n{body}")
    assert notice.notice_type == "billing.payment_method_unverified"


def test_an_account_that_may_be_suspended_in_brazilian_portuguese() -> None:
    body = ("Não conseguimos cobrar o cartão com final 2231 e não faremos novas tentativas de cobrança. Pague o valor "
            "em aberto até 15/12/2026 para evitar a suspensão.\n")
    notice = classify(GENERAL, "Aviso: sua conta da AWS pode ser suspensa", f"Olá,\n\n{body}")
    assert notice.notice_type == "billing.suspension_warning"


def test_a_spanish_welcome() -> None:
    body = ("Gracias por crear una cuenta de AWS. Consulte el nivel gratuito de AWS para ver qué servicios puede "
            "probar sin coste.\n")
    notice = classify(GENERAL, "Le damos la bienvenida a AWS", body)
    assert notice.notice_type == "onboarding.welcome"
