"""Session 18's third round, after the first runs of unseen87-90, in our own words (none of these sentences is in a
fixture): the subject line is a sentence of its own; a German discontinuation with a separable verb; a whole Health
mail that says the change needs no action; a window label with its value on the next line; "a partire da" before a
weekday; a "Maintenance window" column; an "Account with …" field beside another role's; a platform branch that
retires; "after that date" inside the next sentence; a day of the month without its month; CJK dates without their
year; an account under a heading in lenticular brackets; "starting D" after an announcement; days written out in the
other languages; payment terms to the end of the month; a French payment that could not be collected; a German SES
review period that ends on an abbreviated weekday."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SENT = date(2026, 12, 1)


def test_the_subject_line_is_a_sentence_of_its_own() -> None:
    body = ("[From February 1, 2027, Health mail will come from a new sender address. Nothing changes for you.]\n\n"
            "Hello,\n\nStandard support for ActiveMQ 5.17 ends on the 30th of June, 2027. Upgrade your brokers before "
            "then.\n")
    assert classify(HEALTH, "[Action Required] Amazon MQ end of standard support", body).deadline == "2027-06-30"


def test_a_german_discontinuation_with_a_separable_verb() -> None:
    body = ("Ab dem 1. Februar 2027 können keine neuen Projekte mehr angelegt werden.\n\n"
            "Am 30. Juni 2027 stellen wir den Dienst endgültig ein.\n")
    assert classify(HEALTH, "Einstellung eines AWS-Dienstes", f"Hallo,\n\n{body}").deadline == "2027-06-30"


@pytest.mark.parametrize("no_action", [
    "Esta mejora no tiene coste y no requiere ninguna acción por su parte.",
    "This improvement is free and requires no action.",
])
def test_a_health_change_that_needs_no_action_has_no_deadline(no_action: str) -> None:
    body = (f"Starting January 18, 2027, the console will also show recommendations for your caches.\n\n{no_action}\n")
    assert classify(HEALTH, "AWS Health Event", f"Hello,\n\n{body}").deadline is None


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("Manutenção programada do AWS Direct Connect",
     "Temos de substituir um equipamento.\n\nJanela de manutenção:\n  Sábado, 16 de janeiro de 2027, das 02h00 às 04h00"
     "\n\nDurante a janela, a ligação será reiniciada uma vez.", "2027-01-16"),
    ("Aggiornamento pianificato",
     "L'aggiornamento sarà installato automaticamente a partire da lunedì 18 gennaio 2027; i dispositivi si "
     "riavviano una volta.", "2027-01-18"),
    ("Amazon AppStream 2.0 maintenance",
     "The agent update is installed in each fleet's window; streaming sessions restart once.\n\n"
     "  Fleet          Instances   Maintenance window (UTC)\n"
     "  -------------  ----------  ------------------------\n"
     "  fleet-design   12          2027-01-21 03:00 – 05:00\n"
     "  fleet-sales    40          2027-01-19 03:00 – 05:00\n", "2027-01-19"),
])
def test_windows_in_new_layouts(subject: str, body: str, expected: str) -> None:
    assert classify(HEALTH, subject, f"Hello,\n\n{body}\n").deadline == expected


@pytest.mark.parametrize(("fields", "expected"), [
    ("  Account with the spike:      770218349561 (analytics)\n  Monitor owner (management):  119204857732\n",
     "770218349561"),
    ("  Account pagante:   119204857732\n", None),
])
def test_an_account_field_that_says_which(fields: str, expected: str | None) -> None:
    text = f"AWS Cost Anomaly Detection found unusual spend.\n\n{fields}"
    assert extract_identifiers("AWS Cost Anomaly Detection Alert", text).aws_account_id == expected


def test_a_platform_branch_that_retires_is_an_end_of_support() -> None:
    body = ("Some of your environments use a platform branch which is scheduled for retirement. The platform branch "
            "retires on 2027-04-30; migrate before then.")
    notice = classify(HEALTH, "[Action Required] AWS Elastic Beanstalk platform branch retirement", f"Hello,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-04-30")


@pytest.mark.parametrize(("sentence", "kind", "expected"), [
    ("We will scan the address again on 2027-01-12. If the port is still open after that date, we may block it.",
     "abuse.report", "2027-01-12"),
    ("Please upload the documents before end of day on the 20th.", "support.case_correspondence", "2026-12-20"),
    ("Please upload the documents by the 3rd.", "support.case_correspondence", "2026-12-03"),
    ("【今後の予定】（2027年）\n・自動アップグレード日: 2月10日(水)\n"
     "上記の日までにご自身でアップグレードしてください。", "health.end_of_support", "2027-02-10"),
    ("请在 2月10日 之前完成升级。", "health.end_of_support", "2027-02-10"),
    ("2월 10일까지 업그레이드하십시오.", "health.end_of_support", "2027-02-10"),
    ("On November 20, 2026, we announced a new charge for flow log delivery, which applies starting January 15, "
     "2027.", "policy.change_notice", "2027-01-15"),
    ("Bitte begleichen Sie den Betrag innerhalb von zehn Tagen nach Erhalt dieser Nachricht.",
     "billing.payment_failed", "2026-12-11"),
    ("Le rogamos que abone el importe dentro de diez días.", "billing.payment_failed", "2026-12-11"),
])
def test_dates_in_new_words(sentence: str, kind: str, expected: str) -> None:
    assert find_deadline(sentence, SENT, kind) == expected


def test_an_account_under_a_heading_in_lenticular_brackets() -> None:
    text = "お客様各位\n\n【対象アカウント】\n604-118-392-775\n\n【リージョン】\nap-northeast-1\n"
    assert extract_identifiers("AWS DMS のお知らせ", text).aws_account_id == "604118392775"


@pytest.mark.parametrize(("terms", "expected"), [
    ("Conditions de paiement :   à fin de mois, par virement", "2026-12-31"),
    ("Previsión a fin de mes:    1.200.000 solicitudes", None),
])
def test_payment_terms_to_the_end_of_the_month(terms: str, expected: str | None) -> None:
    body = f"Votre facture est disponible.\n\nDate de facture :   1 décembre 2026\n{terms}\n"
    assert classify("invoicing@aws.com", "Facture Amazon Web Services", f"Bonjour,\n\n{body}").deadline == expected


def test_a_french_payment_that_could_not_be_collected() -> None:
    body = ("Nous n'avons pas pu encaisser le paiement de votre facture de novembre. Votre compte présente désormais "
            "un retard de paiement.\n\nRéglez le montant dû au plus tard le 15/12/2026.\n")
    notice = classify(GENERAL, "Action requise – paiement", f"Bonjour,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("billing.payment_failed", "2026-12-15")


def test_a_german_ses_review_period_that_ends_on_an_abbreviated_weekday() -> None:
    body = ("Ihr AWS-Konto steht bei Amazon SES unter Beobachtung, weil die Beschwerderate zu hoch ist.\n\n"
            "Der Überprüfungszeitraum endet am Mi. 16.12.2026. Sinkt die Rate bis dahin nicht, pausieren wir den "
            "Versand.\n")
    notice = classify(GENERAL, "Amazon SES: Überprüfung Ihres Kontos", f"Hallo,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("ses.sending_review", "2026-12-16")


def test_how_far_a_chinese_upgrade_can_be_deferred_is_no_deadline() -> None:
    text = ("数据库引擎将于 2027年1月20日 自动升级到新版本，请在此之前完成测试。\n"
            "如需暂缓升级，可在控制台中选择“暂缓”，最迟可暂缓至 2027年3月31日。")
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-01-20"
