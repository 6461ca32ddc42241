"""Session 14's fourth round, after the first run of unseen47/48, in our own words (none of these sentences is in a
fixture): a date asked "by midnight" of it (6 languages); a due date later in a field line's value; a reply in a
case's thread that opens with thanks; suspicious activity and a period in Traditional Chinese."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"


@pytest.mark.parametrize("ask", [
    "Please upload the HAR file by midnight (UTC) on January 14, 2027.",
    "Bitte laden Sie die HAR-Datei bis Mitternacht (UTC) am 14. Januar 2027 hoch.",
    "Veuillez téléverser le fichier HAR avant minuit (UTC) le 14 janvier 2027.",
    "Súbanos el archivo HAR antes de la medianoche (UTC) del 14 de enero de 2027.",
    "Envie-nos o arquivo HAR até a meia-noite (UTC) de 14 de janeiro de 2027.",
    "Ci invii il file HAR entro la mezzanotte (UTC) del 14 gennaio 2027.",
])
def test_a_date_asked_by_midnight(ask: str) -> None:
    body = f"Hello,\n\nCase 176610093349, account 551209387718.\n\n{ask}\n\nAmazon Web Services\n"
    notice = classify(GENERAL, "RE: [CASE 176610093349] Widget Gateway errors", body)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline == "2027-01-14"


def test_a_due_date_later_in_a_field_lines_value() -> None:
    body = ("Amazon Web Services EMEA SARL\nInvoice number: EUINNO27-0001234\nInvoice date: 1 January 2027\n"
            "Billing period: 1 December 2026 - 31 December 2026\nAmount due: NOK 9 120,00\n"
            "Payment terms: bank transfer, due 31 January 2027\n\nPlease pay no later than the due date.\n")
    notice = classify("invoicing@aws.com", "Amazon Web Services Invoice Available [Account: 5512-0938-7719]", body)
    assert notice.notice_type == "billing.invoice"
    assert notice.deadline == "2027-01-31"


@pytest.mark.parametrize("subject", ["RE: [Case 177093320146] Service Quotas - increase for Widget units",
                                     "AW: [Case 177093320146] Service Quotas - Erhöhung für Widget-Einheiten"])
def test_a_reply_in_a_cases_thread_that_opens_with_thanks(subject: str) -> None:
    body = ("Hello,\n\nThank you for contacting AWS Support about case 177093320146. We have approved the increase "
            "to 64 units; it may take 30 minutes to show.\n\nBest regards,\nAmazon Web Services\n")
    assert classify(GENERAL, subject, body).notice_type == "support.case_correspondence"


def test_suspicious_activity_and_a_period_in_traditional_chinese() -> None:
    body = ("您好：\n\n我們在 2026年11月29日 偵測到您的 AWS 帳戶 5512-0938-7720 有異常活動，您的憑證可能已遭洩露。\n\n"
            "請輪換所有存取金鑰，然後在 5 天內回覆 Support Center 中的案例。\n")
    notice = classify(GENERAL, "[需要採取行動] 您的 AWS 帳戶出現可疑活動", body)
    assert notice.notice_type == "security.suspicious_activity"
    assert notice.deadline == "2026-12-06"
