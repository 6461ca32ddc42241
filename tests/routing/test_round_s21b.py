"""Session 21's second round, in our own words (none of these sentences is in a fixture): "by next Monday"; the date
of an impact as a field ("Suspension date:", "暂停日期："); a review period written as a range, and the end of a review
as a field (pt, es); a zone written out and a list's colon after a wrapped date; "enforced" from a date; midnight in
words after a CJK date; a declined charge attempt (pt, es, fr) that is not a suspension warning; the thanks for a new
account before the Free Tier words; pricing announced for what was free; the payer that pays the reader's charges; a
Chinese change from a date."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
SENT = "Wed, 17 Mar 2027 08:15:00 +0000"


def test_by_next_monday() -> None:
    text = "Please answer the case we opened by next Monday, or we may restrict the account.\n"
    assert find_deadline(text, date(2027, 3, 17), "security.suspicious_activity") == "2027-03-22"
    text = "Bitte antworten Sie bis nächsten Montag, sonst schränken wir das Konto ein.\n"
    assert find_deadline(text, date(2027, 3, 17), "security.suspicious_activity") == "2027-03-22"


def test_the_date_of_an_impact_as_a_field() -> None:
    text = "Account: 310882746155\nBilled on: 2027-03-01\nClosure date: 2027-04-02 (Fri)\n"
    assert find_deadline(text, date(2027, 3, 17), "billing.suspension_warning") == "2027-04-02"
    text = "账户：310882746155\n账单日期：2027-03-01\n关闭日期：　　2027-04-02（周五）\n"
    assert find_deadline(text, date(2027, 3, 17), "billing.suspension_warning") == "2027-04-02"


def test_a_review_period_as_a_range_and_its_end_as_a_field() -> None:
    text = ("Bounce rate ........ 6.2 %\nGrace period ....... 2027-03-17 to 2027-03-31\n\nIf the rate is still high "
            "when the grace period ends, sending may be paused.\n")
    assert find_deadline(text, date(2027, 3, 17), "ses.sending_review") == "2027-03-31"
    text = "Inicio de la revisión: 17/03/2027\nFin de la revisión: 31/03/2027\n"
    assert find_deadline(text, date(2027, 3, 17), "ses.sending_review") == "2027-03-31"
    text = "Período de cobrança: 01/02/2027 a 28/02/2027\n"
    assert find_deadline(text, date(2027, 3, 17), "billing.invoice") is None


def test_a_zone_written_out_and_a_wrapped_date_before_a_list() -> None:
    text = ("Subject\nTo keep the account open, finish these steps no later than 9:00 AM Eastern Standard Time on "
            "Monday,\nMarch 29, 2027:\n\n1. Rotate the key.\n2. Review CloudTrail.\n")
    assert find_deadline(text, date(2027, 3, 17), "security.exposed_credentials") == "2027-03-29"


def test_a_rule_enforced_from_a_date() -> None:
    text = "Starting May 3, 2027, service control policies will be enforced for Amazon Bedrock agents as well.\n"
    assert find_deadline(text, date(2027, 3, 17), "policy.change_notice") == "2027-05-03"


def test_midnight_in_words_after_a_cjk_date() -> None:
    text = "3월 31일 자정(UTC)까지 연락처를 확인하지 않으면 도메인이 일시 중지됩니다.\n"
    assert find_deadline(text, date(2027, 3, 17), "verification.route53_registrant") == "2027-03-31"


def test_a_declined_charge_attempt_in_each_language() -> None:
    bodies = [
        "Olá,\n\nA tentativa de cobrança de fevereiro no seu cartão foi recusada pelo banco. Atualize a forma de "
        "pagamento até 31/03/2027.\n",
        "Hola:\n\nEl intento de cargo de febrero en su tarjeta fue denegado por el banco. Actualice su método de pago "
        "antes del 31/03/2027.\n",
        "Bonjour,\n\nLa tentative de prélèvement de février sur votre carte a été refusée par la banque. Mettez à jour "
        "votre moyen de paiement avant le 31/03/2027.\n",
    ]
    for body in bodies:
        assert classify(GENERAL, "AWS", body, date=SENT).notice_type == "billing.payment_failed", body


def test_a_suspension_warning_that_names_the_declined_attempt_stays_one() -> None:
    body = ("Hola:\n\nSu cuenta de AWS 310882746155 está a punto de ser suspendida.\nÚltimo intento de cobro: 10 de "
            "marzo de 2027 (rechazado)\nSi no recibimos el pago antes del 31 de marzo de 2027, suspenderemos la "
            "cuenta.\n")
    notice = classify(GENERAL, "Aviso sobre su cuenta de AWS", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.suspension_warning", "2027-03-31")


def test_the_thanks_for_a_new_account_before_the_free_tier_words() -> None:
    bodies = [
        "Obrigado por criar uma conta da Amazon Web Services. A ativação leva alguns minutos.\nConheça também o "
        "nível gratuito da AWS.\n",
        "Grazie per aver creato un account Amazon Web Services. L'attivazione richiede qualche minuto.\nScopri il "
        "piano gratuito di AWS.\n",
    ]
    for body in bodies:
        assert classify(GENERAL, None, body, date=SENT).notice_type == "onboarding.welcome", body


def test_pricing_announced_for_what_was_free() -> None:
    notice = classify("no-reply@amazonaws.com", "Upcoming pricing for AWS Resource Explorer",
                      "Hello,\n\nStarting June 1, 2027, each index update will be charged at USD 0.0001.\n", date=SENT)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-06-01")
    body = ("Hello,\n\nSearches in Resource Explorer have been free of charge since launch. From June 1, 2027, each "
            "search will be billed at USD 0.0001.\n")
    notice = classify("no-reply@amazonaws.com", None, body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-06-01")


def test_the_payer_that_pays_the_readers_charges_is_not_the_reader() -> None:
    body = ("Thank you for contacting us about AWS account 310882746155. The credit of USD 40.00 will appear on the "
            "invoice of your payer account 774100293365 next month.\n")
    notice = classify(GENERAL, "[Case 177203948812] New correspondence added", f"Hello,\n\n{body}", date=SENT)
    assert notice.aws_account_id == "310882746155"


def test_a_chinese_change_from_a_date() -> None:
    body = ("您好：\n\n自 2027 年 5 月 3 日起，Amazon Lightsail 会将默认实例套餐切换为 2 GB 内存的套餐。"
            "请在此之前检查您的部署脚本。\n")
    notice = classify(GENERAL, "Amazon Lightsail 默认套餐变更", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-05-03")
