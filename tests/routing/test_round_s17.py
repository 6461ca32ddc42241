"""Session 17's first round, after the first runs of unseen67-70, in our own words (none of these sentences is in a
fixture): a time between a localized lead and its date; "entro e non oltre" and "fino a" before a weekday; German's
article after the weekday ("Freitag, den"); a weekday named without a date ("by end of day this Thursday"); a
maintenance's own start and end fields in Chinese; an expiry column of a Korean table whose dates are written with
dots; an API key exposed in French; a payment method to verify in the localized words; an account field with
dotted leaders."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)  # a Tuesday


@pytest.mark.parametrize(("text", "expected"), [
    ("Deve rodar a chave até às 18h00 UTC de 9 de dezembro de 2026 e responder ao caso.", "2026-12-09"),
    ("Bitte löschen Sie den Schlüssel bis 18 Uhr MEZ am 9. Dezember 2026.", "2026-12-09"),
    ("Veuillez supprimer la clé avant 23h59 UTC le 9 décembre 2026.", "2026-12-09"),
    ("Por favor, elimine la clave antes de las 23:59 UTC del 9 de diciembre de 2026.", "2026-12-09"),
    ("Aggiorni i client entro e non oltre mercoledì 9 dicembre 2026, poi il vecchio certificato non sarà accettato.",
     "2026-12-09"),
    ("Ha tempo fino a mercoledì 9 dicembre 2026 per cambiare la password.", "2026-12-09"),
    ("Bitte zahlen Sie den offenen Betrag bis spätestens Mittwoch, den 9. Dezember 2026.", "2026-12-09"),
])
def test_a_localized_lead_reaches_its_date_over_a_time_a_weekday_or_an_article(text: str, expected: str) -> None:
    assert find_deadline(f"Rechnung 2026-11-30\n\n{text}", SENT, "security.exposed_credentials") == expected


@pytest.mark.parametrize(("ask", "expected"), [
    ("please send us the HAR file by end of day this Thursday", "2026-12-03"),
    ("please send us the HAR file by Friday", "2026-12-04"),
    ("please send us the HAR file by this Tuesday", "2026-12-01"),
    ("please send us the HAR file by Tuesday", "2026-12-08"),
])
def test_a_weekday_without_a_date_is_the_next_such_day(ask: str, expected: str) -> None:
    body = (f"Correspondence:\nHello Ana,\n\nSo that our engineers can look at the timeouts in Thursday's review, "
            f"{ask}. "
            "Without it, the review moves to next week.\n")
    notice = classify(GENERAL, "RE: [CASE 170022334455] CloudFront timeouts", body)
    assert (notice.notice_type, notice.deadline) == ("support.case_correspondence", expected)


def test_a_weekday_followed_by_its_date_is_that_date() -> None:
    assert find_deadline("Please reply by Friday, December 11, 2026.", SENT, "abuse.report") == "2026-12-11"


def test_a_maintenance_window_given_as_its_own_start_and_end_fields_in_chinese() -> None:
    body = ("我们计划对 Amazon MQ 代理的底层主机进行维护。\n\n"
            "维护开始：2026年12月15日（二）上午2时（北京时间）\n"
            "维护结束：2026年12月15日（二）上午6时（北京时间）\n\n谢谢！")
    notice = classify(HEALTH, "[AWS 账户：551209387718] Amazon MQ 计划维护通知", f"您好：\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2026-12-15")


def test_the_expiry_column_of_a_korean_table_with_dotted_dates() -> None:
    body = ("Amazon ElastiCache 예약 노드가 곧 만료됩니다.\n\n예약 ID 노드 유형 구매일 만료일\n\n"
            "ri-ec-0042 cache.r7g.large 2025. 12. 20. 2026. 12. 20. (일)\n\n"
            "만료일 이후에는 온디맨드 요금이 적용됩니다.")
    notice = classify(GENERAL, "Amazon ElastiCache 예약 노드 만료 알림", f"안녕하세요,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("cost.commitment_expiry", "2026-12-20")


def test_an_api_key_exposed_in_french_is_an_exposed_credential() -> None:
    body = ("Nous avons constaté que votre clé d'API Amazon Q à long terme\nest publiquement visible dans un dépôt "
            "GitHub. Des frais liés à une utilisation non autorisée peuvent apparaître sur vos factures.")
    notice = classify(GENERAL, "Votre clé d'API est visible publiquement", f"Bonjour,\n\n{body}\n")
    assert notice.notice_type == "security.exposed_credentials"


@pytest.mark.parametrize("body", [
    "O cartão Mastercard que adicionou tem de ser verificado pelo seu banco antes de o podermos usar.",
    "La tarjeta Visa que agregó debe ser verificada por su banco antes de que podamos usarla.",
    "La carte que vous avez ajoutée doit être vérifiée par votre banque avant que nous puissions l'utiliser.",
    "Die Zahlungsmethode, die Sie hinzugefügt haben, muss von Ihrer Bank bestätigt werden.",
])
def test_a_payment_method_to_verify_in_the_localized_words(body: str) -> None:
    notice = classify("aws-verification@amazon.com", None, f"Hello,\n\n{body}\n")
    assert notice.notice_type == "billing.payment_method_unverified"


def test_an_account_field_with_dotted_leaders() -> None:
    text = "Detalles\n  Caso ..........: 17002233445\n  Cuenta de AWS ...: 5512 0938 7718\n  Prioridad .....: Alta\n"
    assert extract_identifiers("Nuevo caso de soporte", text).aws_account_id == "551209387718"
