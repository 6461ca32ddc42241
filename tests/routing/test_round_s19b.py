"""Session 19's second round, in our own words (none of these sentences is in a fixture): a direct debit the bank
returned; a day of next month or of this month; the end of the current month in European Portuguese; a card that
could not be verified, in Italian; an exposed key whose mail names a support case, in Korean, with a reply asked in
hours; a month's end with its year in ja, zh, ko; a product version that can no longer be launched; a change of the
billing currency; a savings bundle that renews; a root MFA device to register, in European Portuguese; an update's
apply date; a date in parentheses after what it dates."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

SENT = date(2026, 12, 1)
GENERAL = "no-reply-aws@amazon.com"


def test_a_direct_debit_the_bank_returned() -> None:
    body = ("Your bank has returned the SEPA direct debit we sent for invoice 5501928374 (EUR 812.10).\n\n"
            "Please settle the balance from the Payments page.\n")
    notice = classify(GENERAL, "About your recent payment", f"Hello,\n\n{body}")
    assert notice.notice_type == "billing.payment_failed"


def test_a_day_of_next_month_or_of_this_month() -> None:
    assert find_deadline("Please settle the balance by the 20th of next month.", SENT,
                         "billing.payment_failed") == "2027-01-20"
    assert find_deadline("Please settle the balance by the 18th of this month.", SENT,
                         "billing.payment_failed") == "2026-12-18"


def test_a_sentence_with_its_own_lead_is_no_table_row() -> None:
    text = ("Invoice date:   November 3, 2026\nAmount:         USD 90.00\n\n"
            "Please pay the balance by the 12th of next month, either from the console or by bank transfer to the "
            "account named on the invoice.")
    assert find_deadline(text, SENT, "billing.payment_failed") == "2027-01-12"


def test_the_end_of_the_current_month_in_european_portuguese() -> None:
    text = "Se o saldo não for pago até ao fim do mês corrente, a conta poderá ser suspensa."
    assert find_deadline(text, SENT, "billing.suspension_warning") == "2026-12-31"


def test_a_card_that_could_not_be_verified_in_italian() -> None:
    body = ("non è stato possibile verificare la carta Visa che termina con 4410 associata all'account AWS "
            "3300-1122-4455. Verifica la carta entro il 15 dicembre 2026.\n")
    notice = classify(GENERAL, "Avviso relativo all'account AWS", f"Gentile cliente,\n\n{body}")
    assert notice.notice_type == "billing.payment_method_unverified"
    assert notice.deadline == "2026-12-15"


def test_an_exposed_key_naming_a_support_case_in_korean() -> None:
    body = ("AWS 계정 551100223344 의 액세스 키 AKIAEXAMPLEKEY7Q2W3E 가 공개 GitHub 저장소에 노출된 것을 "
            "확인했습니다.\n\n"
            "키를 교체한 후, 72시간 이내에 지원 케이스 1882003344 에 회신해 주십시오.\n")
    notice = classify(GENERAL, "[조치 필요] AWS 액세스 키 노출", f"고객님께,\n\n{body}")
    assert notice.notice_type == "security.exposed_credentials"
    assert notice.deadline == "2026-12-04"


def test_a_months_end_with_its_year_in_ja_zh_ko() -> None:
    assert find_deadline("お支払期限：2027年5月末日", SENT, "billing.invoice") == "2027-05-31"
    assert find_deadline("请于 2027年6月底 前完成迁移。", SENT, "health.end_of_support") == "2027-06-30"
    assert find_deadline("납부 기한: 2027년 2월 말일", SENT, "billing.invoice") == "2027-02-28"


def test_a_product_version_that_can_no_longer_be_launched() -> None:
    body = ("Le vendeur a restreint la version 2.3 d'un produit auquel votre compte AWS est abonné. À compter du "
            "15 janvier 2027, cette version ne pourra plus être lancée. Mettez à jour vos modèles avant cette date.\n")
    notice = classify("no-reply@marketplace.aws", None, f"Bonjour,\n\n{body}")
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline == "2027-01-15"


def test_a_change_of_the_billing_currency() -> None:
    body = ("AWS アカウント ********9921 の支払い通貨の変更が完了しました。\n\n"
            "新しい通貨は 2027年1月ご利用分の請求書から適用されます。お客様による対応は不要です。\n")
    notice = classify(GENERAL, "AWS 支払い通貨の変更", body)
    assert notice.notice_type == "billing.other"


def test_a_savings_bundle_that_renews() -> None:
    body = ("The Savings Bundle of AWS account 610022334455 renews automatically on January 20, 2027. To stop the "
            "renewal, turn it off before January 20, 2027.\n")
    notice = classify(GENERAL, "Your savings bundle renews soon", f"Hello,\n\n{body}")
    assert notice.notice_type == "cost.commitment_expiry"
    assert notice.deadline == "2027-01-20"


def test_a_root_mfa_device_to_register_in_european_portuguese() -> None:
    body = ("A AWS passa a exigir MFA para o utilizador raiz a partir de 1 de fevereiro de 2027. Registe um "
            "dispositivo MFA para o utilizador raiz da conta 2210-4455-6677 antes dessa data.\n")
    notice = classify("no-reply@amazonaws.com", "Ação necessária: MFA do utilizador raiz", f"Olá,\n\n{body}")
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-02-01"


def test_an_updates_apply_date() -> None:
    text = ("A required engine patch is available for your clusters.\n\n"
            "  Status: required\n  Apply date: February 8, 2027, 00:00 UTC\n\n"
            "This patch was released on November 20, 2026.")
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-02-08"


def test_a_date_in_parentheses_after_what_it_dates() -> None:
    text = ("If you do not fix the problems before the end of the grace period (April 9, 2027), sending will be "
            "paused. The review started on November 30, 2026.")
    assert find_deadline(text, SENT, "ses.sending_review") == "2027-04-09"
    text = "審査期間終了（2027年4月9日）までに問題を解決しない場合、送信は一時停止されます。"
    assert find_deadline(text, SENT, "ses.sending_review") == "2027-04-09"
