"""Session 26's round, in our own words (none of these sentences is in a fixture): a range of days whose last day alone
names the month and year ("du 4 au 5 février 2027", "4-5 February 2027") opens on its first day, in the six languages
written in Latin letters; a "When:" field dates what the mail announces; neither a numbered stage nor a time is a
range's first day."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import _dated, _imposed_if, best_deadline
from tests.routing.mailbuild import classify

SENT = "Mon, 14 Dec 2026 09:00:00 +0000"
DAY = date(2026, 12, 14)
HEALTH = "health@aws.com"
MAINTENANCE = "health.scheduled_maintenance"


def _deadline(text: str, notice_type: str = MAINTENANCE) -> str | None:
    found = best_deadline(text, DAY, notice_type, True)
    return found.date if found else None


@pytest.mark.parametrize("sentence", [
    "The brokers are restarted in the night from Sunday 10 to Monday 11 January 2027.",
    "The brokers are restarted between 10 and 11 January 2027, 23:00-02:00 UTC.",
    "Les courtiers seront redémarrés dans la nuit du dimanche 10 au lundi 11 janvier 2027.",
    "Les courtiers seront redémarrés du 10 au 11 janvier 2027.",
    "Los brokers se reiniciarán del domingo 10 al lunes 11 de enero de 2027.",
    "I broker verranno riavviati dal 10 all'11 gennaio 2027.",
    "I broker verranno riavviati da domenica 10 a lunedì 11 gennaio 2027.",
    "Os brokers serão reiniciados de 10 a 11 de janeiro de 2027.",
    "Os brokers serão reiniciados de domingo, 10, a segunda-feira, 11 de janeiro de 2027.",
    "Die Broker werden vom 10. bis 11. Januar 2027 neu gestartet.",
    "Die Broker werden von Sonntag, 10., bis Montag, 11. Januar 2027 neu gestartet.",
])
def test_a_range_of_days_opens_on_its_first_day(sentence: str) -> None:
    assert _deadline(sentence) == "2027-01-10"


def test_a_range_of_days_across_the_mail() -> None:
    body = ("Hello,\n\nWe will apply a patch to the Amazon MQ brokers of account 552011873364 in eu-west-1. The "
            "brokers are restarted once in the night from Sunday 10 to Monday 11 January 2027, between 23:00 and "
            "02:00 UTC.\n\nNo other action is needed.\n")
    notice = classify(HEALTH, "Amazon MQ planned maintenance", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == (MAINTENANCE, "2027-01-10")


@pytest.mark.parametrize("field", [
    "When: Sunday, January 10, 2027, 23:00 UTC to 02:00 UTC",
    "Quand : dans la nuit du dimanche 10 au lundi 11 janvier 2027, de 23 h à 2 h UTC",
    "Cuándo: del domingo 10 al lunes 11 de enero de 2027, de 23:00 a 02:00 UTC",
    "Quando: de 10 a 11 de janeiro de 2027, das 23h às 2h UTC",
])
def test_a_when_field_dates_the_window(field: str) -> None:
    text = (f"We will upgrade the storage of the file system fs-0a1b2c3d4e5f60718.\n\n{field}\n\n"
            "Start any long jobs after the window.\n")
    assert _deadline(text) == "2027-01-10"


def test_a_numbered_stage_or_a_time_opens_no_range() -> None:
    text = "Stage 2 - Thursday, the 18th of March 2027: new domains can no longer be created."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-18"]
    text = "The window runs from 22:00 - 5 March 2027 at 02:00."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-05"]
    text = "Version 3 to 5 March 2027 is the supported range."  # (no lead: a number, not a day)
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-05"]
    # (a day after the last one is no first day of its month)
    text = "The window runs from 28 to 2 March 2027."
    assert [when.isoformat() for when, _ in _dated(text.lower(), DAY, False)] == ["2027-03-02"]


# ---------------------------------------------------------------- round 2: the families of unseen203-206's main misses

GENERAL = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"


def test_a_capacity_block_or_reservation_that_ends_is_a_commitment() -> None:
    body = ("Hello,\n\nThe EC2 Capacity Block cr-0123456789abcdef0 bought by account 552011873364 will end on "
            "January 5, 2027 at 11:30 UTC. Instances still running in it are terminated before its end time.\n")
    assert classify(GENERAL, "Your EC2 Capacity Block is ending", body, date=SENT).notice_type == \
        "cost.commitment_expiry"
    body = ("Hello,\n\nYour Capacity Reservation cr-0fedcba9876543210 in account 552011873364 expires on January 5, "
            "2027.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "cost.commitment_expiry"


def test_a_purchase_the_reader_queued() -> None:
    body = ("Hello,\n\nThe Reserved Instances you queued for account 552011873364 are bought on the date below.\n\n"
            "Purchase date: January 12, 2027\n\nDelete the queued purchase before that date if you no longer want "
            "it.\n")
    notice = classify(GENERAL, None, body, date=SENT)
    assert notice.notice_type == "cost.commitment_expiry"


@pytest.mark.parametrize("sentence", [
    "The tax information of your account is incomplete: the registration number does not match the legal name, so "
    "we cannot issue your tax invoices.",
    "As informações fiscais da sua conta estão incompletas e o CNPJ não corresponde ao nome empresarial: não emitimos "
    "a nota fiscal das suas faturas.",
    "La información fiscal de su cuenta está incompleta: no podemos emitir sus facturas.",
    "Les informations fiscales de votre compte sont incomplètes : nous ne pouvons pas émettre vos factures.",
])
def test_tax_information_that_is_incomplete(sentence: str) -> None:
    body = f"{sentence}\n\nAccount: 552011873364\nInvoice number: EUINGB27-0001234\n"
    assert classify(BILLING, None, body, date=SENT).notice_type == "billing.other"


def test_a_time_limit_field_named_by_what_it_is_for() -> None:
    text = "Corrija os dados fiscais.\n\nPrazo para regularização   20/01/2027\n"
    assert _deadline(text, "billing.other") == "2027-01-20"
    assert _deadline("Corrija los datos.\n\nPlazo para la corrección: 20/01/2027\n", "billing.other") == "2027-01-20"


def test_certificates_chained_to_a_new_root_and_the_switch_field() -> None:
    body = ("Hello,\n\nThe Amazon MQ brokers of account 552011873364 will begin serving certificates chained to a new "
            "root certificate authority.\n\n  Switch date:     2027-02-09\n  Old root expires: 2028-06-30\n\n"
            "Add the new root to the trust stores of your clients before the switch.\n")
    notice = classify(HEALTH, "Amazon MQ certificate change", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-02-09")


def test_an_abuse_report_so_named_keeps_its_type_beside_a_compromise_hint() -> None:
    body = ("Hello,\n\nWe received a report that your EC2 instance i-0123456789abcdef0 in account 552011873364 sends "
            "unsolicited mail. Please stop it and reply with what you did. If you did not start this traffic, your "
            "account may be compromised.\n")
    notice = classify("trustandsafety@support.aws.com", "Your AWS Abuse Report [88812345] [AWS ID 552011873364]", body,
                      date=SENT)
    assert notice.notice_type == "abuse.report"
    # (a key exposure Trust & Safety sends stays the key's)
    body = ("Hello,\n\nYour access key AKIAIOSFODNN7EXAMPLE for account 552011873364 was found online. Your account "
            "may be compromised.\n")
    notice = classify("trustandsafety@support.aws.com", "Abuse Report: exposed access key [AWS ID 552011873364]", body,
                      date=SENT)
    assert notice.notice_type != "abuse.report"


def test_requests_billed_in_a_new_way_from_a_date_are_a_policy_change() -> None:
    body = ("On December 1, 2026 we announced that Amazon Location Service map tiles will be billed per session "
            "starting March 1, 2027. See the pricing page for details.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "policy.change_notice"


@pytest.mark.parametrize("sentence", [
    "Your bank requires additional authentication before we can charge the card ending in 1188.",
    "We could not take the payment: it needs 3D Secure confirmation by the card holder.",
    "Su banco requiere una autenticación adicional antes de que podamos cobrar la tarjeta.",
    "Ihre Bank verlangt eine zusätzliche Authentifizierung, bevor wir die Karte belasten können.",
])
def test_a_bank_that_asks_to_authenticate_the_charge(sentence: str) -> None:
    body = f"Hello,\n\n{sentence} Account 552011873364, invoice of December 2026.\n"
    assert classify(GENERAL, "Confirm your AWS payment", body, date=SENT).notice_type == \
        "billing.payment_method_unverified"


def test_a_past_due_balance_that_needs_authentication_stays_a_failed_payment() -> None:
    body = ("Hello,\n\nThe balance of account 552011873364 is past due. Your bank requires additional authentication "
            "(3-D Secure) that was not completed. Pay it by January 10, 2027.\n")
    assert classify(GENERAL, "Your AWS account is past due", body, date=SENT).notice_type == "billing.payment_failed"


def test_an_invoice_charged_automatically_has_no_deadline() -> None:
    body = ("Greetings,\n\nYour invoice 2612345678 for account 552011873364 is available.\n\nAmount due: USD 88.10\n"
            "Due date: January 4, 2027 (the card ending in 2210 will be charged automatically)\n\nYou do not need to "
            "do anything.\n")
    notice = classify("invoicing@aws.com", "Invoice available [Invoice ID: 2612345678]", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", None)
    # (a rule for one payment method leaves the due date the others pay by)
    body = ("Greetings,\n\nYour invoice 2612345678 for account 552011873364 is available.\n\nPayment due by January 4, "
            "2027. Invoices paid by card are charged automatically; for bank transfers, quote the invoice number.\n")
    notice = classify("invoicing@aws.com", "Invoice available [Invoice ID: 2612345678]", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", "2027-01-04")


def test_an_ends_field_of_an_agreement() -> None:
    body = ("Hello,\n\nYour AWS Marketplace agreement is ending soon.\n\n  Product:     Acme Scanner\n"
            "  Starts:      January 20, 2026\n  Ends:        January 19, 2027\n\nRenew it before the end date to "
            "keep access.\n")
    notice = classify("no-reply@marketplace.aws", "Your AWS Marketplace agreement is ending soon", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-19")


def test_the_limit_to_move_a_maintenance_is_not_its_window() -> None:
    text = ("Amazon MQ のブローカーのメンテナンスを 2027年1月20日 午前 1:00 から午前 3:00 の間に実施します。"
            "ブローカーは再起動されます。メンテナンス開始前であれば時期を変更できます。"
            "変更できる期限は 2027年2月3日 です。")
    assert _deadline(text) == "2027-01-20"


def test_a_chinese_window_said_scheduled_before_its_label() -> None:
    text = ("AWS Elemental MediaConnect 將進行維護。\n\n排定的維護時段：2027/01/21（星期四）凌晨 2:00 至 4:00\n\n"
            "請在維護時段開始前切換到備援來源。\n")
    assert _deadline(text) == "2027-01-21"


# ---------------------------------------------------------------- round 3: more ranges of days (our own variants)

@pytest.mark.parametrize("sentence", [
    "Les courtiers seront redémarrés entre le 10 et le 11 janvier 2027.",
    "Los brokers se reiniciarán entre el 10 y el 11 de enero de 2027.",
    "The brokers are restarted from January 10 to 11, 2027.",
    "The brokers are restarted between January 10 and 11, 2027, at night.",
])
def test_a_range_of_days_with_an_article_or_its_month_first(sentence: str) -> None:
    assert _deadline(sentence) == "2027-01-10"


def test_a_range_of_days_reads_as_the_same_range_of_full_dates() -> None:
    for notice_type in ("marketplace.subscription", "health.end_of_support", MAINTENANCE):
        short = _deadline("The offer runs from January 10 to 28, 2027. Accept it before it expires.", notice_type)
        full = _deadline("The offer runs from January 10, 2027 to January 28, 2027. Accept it before it expires.",
                         notice_type)
        assert short == full
    # (the last day is after the first: "January 28 to 3, 2027" is no range of one month)
    assert [when.isoformat() for when, _ in _dated("from january 28 to 3, 2027", DAY, False)] == ["2027-01-28"]


# ---------------------------------------------------------------- round 4: the families of unseen207-210's main misses

def test_an_instance_family_no_longer_offered_until_its_retirement_date() -> None:
    body = ("Hello,\n\nWe are no longer able to offer the capacity you expect on the X1e instance family. Until the "
            "retirement date of June 30, 2027, your running X1e instances in account 552011873364 keep working.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "health.end_of_support"


def test_dkim_records_no_longer_found_and_what_ses_then_does() -> None:
    body = ("Hello,\n\nThe DKIM CNAME records of the domain mail.example.org used by Amazon SES in account "
            "552011873364 are no longer found in DNS. You may still send for now, but if the records are not "
            "restored by January 20, 2027, SES will mark the identity as not verified.\n")
    notice = classify(GENERAL, "Amazon SES: a problem with a sending identity", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("verification.other", "2027-01-20")


@pytest.mark.parametrize("sentence", [
    "O processo de configuração do Amazon SES para o domínio exemplo.pt está concluído.",
    "El proceso de verificación de Amazon SES para el dominio ejemplo.es está completo.",
])
def test_an_ses_verification_said_complete_in_either_gender(sentence: str) -> None:
    body = f"{sentence}\n\nConta / Cuenta: 552011873364\n"
    assert classify(GENERAL, None, body, date=SENT).notice_type == "ses.identity_verified"


@pytest.mark.parametrize("subject", [
    "Aggiornamento dei certificati TLS di Amazon DocumentDB",
    "Actualización de los certificados de Amazon DocumentDB",
    "Atualização dos certificados do Amazon DocumentDB",
    "Mise à jour des certificats d'Amazon DocumentDB",
    "Aktualisierung der Zertifikate von Amazon DocumentDB",
])
def test_a_certificate_update_named_in_a_localized_subject(subject: str) -> None:
    body = ("Event type code: AWS_DOCDB_PLANNED_LIFECYCLE_EVENT\nAccount: 552011873364\n2027-05-04\n")
    assert classify(HEALTH, subject, body, date=SENT).notice_type == "health.certificate_rotation"


def test_hours_counted_after_this_notice() -> None:
    text = "If the access key is still active 96 hours after this notice, we may restrict your account."
    assert _deadline(text, "security.exposed_credentials") == "2026-12-18"


def test_access_until_a_date_in_a_field_without_its_article() -> None:
    body = ("Hola:\n\nEl vendedor ha cancelado su acuerdo.\n\nProducto: Acme Scanner\n\nAcceso al producto hasta "
            "20/01/2027\n\nExporte sus datos antes.\n")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: acuerdo cancelado", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-20")


def test_what_aws_imposes_after_a_condition_in_a_clause() -> None:
    text = ("You can keep using the bucket for now, but if the policy is not fixed by January 20, 2027, we will pause "
            "the delivery.")
    assert _deadline(text, "billing.other") == "2027-01-20"
    # (a condition whose consequence is no act of AWS's imposes nothing)
    text = "you can keep using the bucket for now, but if you fix the policy by january 20, 2027, reports resume."
    end = text.index("2027") + 4
    assert not _imposed_if(text, 0, end, len(text))
    assert _imposed_if(text.replace("reports resume", "we will not pause them"), 0, end, len(text) + 10) is False
    assert _imposed_if(text.replace("reports resume", "ses will stop sending"), 0, end, len(text) + 5)


# ---------------------------------------------------------------- round 5: the families of unseen211-214's main misses

def test_a_relative_clause_that_selects_is_no_fact() -> None:
    text = ("Starting April 6, 2027, log groups that were created before 2024 will be billed at the standard rate. "
            "Move them before the change to avoid the charge.")
    assert _deadline(text, "policy.change_notice") == "2027-04-06"
    # (a date the past of its own clause states stays a fact)
    assert _deadline("The log group that was created on April 6, 2027 is empty.", "policy.change_notice") is None


def test_payment_terms_said_as_a_period() -> None:
    body = ("Greetings,\n\nYour invoice EUINDE26-112233 for account 552011873364 is available.\n\n"
            "Amount due: EUR 90.00\nPayment terms: bank transfer, due in 30 days (by January 13, 2027)\n")
    notice = classify("invoicing@aws.com", "Invoice available [Invoice ID: EUINDE26-112233]", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", "2027-01-13")


def test_new_prices_that_apply_from_a_date_and_access_that_ends() -> None:
    body = ("A seller changed the price of a product you use.\n\nBuyer account: 552011873364\nNew prices apply from: "
            "January 20, 2027\n")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace price change", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-20")
    body = ("The seller withdraws the product.\n\nBuyer account: 552011873364\nYour access ends: 2027-01-25 23:59 "
            "UTC\n")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: product withdrawn", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-25")


def test_a_trial_about_to_end_localized() -> None:
    body = ("Olá,\n\nO período de avaliação gratuita de um produto do AWS Marketplace está prestes a terminar.\n\n"
            "Conta: 552011873364\nFim da avaliação: 20/01/2027\n")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-20")


def test_a_support_plan_change_the_reader_asked_for_localized() -> None:
    body = ("您好：\n\n我们已收到账户 552011873364 的 AWS Support 计划变更请求：由 Business 变更为 Developer。"
            "2027年2月的账单将按 Developer 计费。\n")
    notice = classify("aws-support@amazon.com", "您的 AWS Support 计划即将变更", body, date=SENT)
    assert notice.notice_type == "support.other"


def test_a_named_service_retired_or_wound_down() -> None:
    body = ("Hello,\n\nWe have chosen to wind the service down. On June 1, 2027, AWS Snowball Edge Storage Optimized "
            "will be retired. Account 552011873364.\n")
    assert classify(HEALTH, "AWS Snowball service notice", body, date=SENT).notice_type == "health.end_of_support"


def test_hours_after_it_was_sent() -> None:
    text = "Please remove the content and reply no later than 72 hours after it was sent."
    assert _deadline(text, "abuse.report") == "2026-12-17"
