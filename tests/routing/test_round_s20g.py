"""Session 20's seventh round, in our own words (none of these sentences is in a fixture): a host whose hardware has
degraded, taken out of service; a reserved queue's commitment that ends; a French instance ready for use; an overdue
amount in Traditional Chinese; the extended support as its sentence's subject, its clauses apart; a Spanish pause; a
period in hours (es, de) or in days written twice ("five (5) days"); Japanese applications that stop with their
service, no suspension; the start and end rows of a window a blank line apart."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = "Mon, 12 Apr 2027 09:00:00 +0000"


def test_a_host_whose_hardware_has_degraded() -> None:
    body = ("Some of your instances run on a host whose hardware has degraded. The host will be taken out of service "
            "at 09:00 UTC on the 3rd of May 2027, and the instances with it.\n")
    notice = classify(GENERAL, None, f"Hello,\n\n{body}", date=SENT)
    assert notice.notice_type == "health.instance_retirement"
    assert notice.deadline == "2027-05-03"


def test_a_reserved_queue_commitment_that_ends() -> None:
    body = "The 12-month pricing plan of your reserved queue hd-live ends on May 20, 2027.\n"
    notice = classify(GENERAL, "Your reserved queue commitment ends soon", f"Hello,\n\n{body}", date=SENT)
    assert notice.notice_type == "cost.commitment_expiry"


def test_a_french_instance_ready_for_use() -> None:
    body = ("Votre instance support-nantes a été créée pour le compte AWS 220311049905 et elle est maintenant prête à "
            "l'emploi. Vous ne payez que ce que vous utilisez.\n")
    notice = classify(GENERAL, "Votre instance est prête", f"Bonjour,\n\n{body}", date=SENT)
    assert notice.notice_type == "onboarding.service_setup"


def test_an_overdue_amount_in_traditional_chinese() -> None:
    body = "我們嘗試向您的信用卡收取本月款項，但未能成功，您的帳戶款項已逾期。發票日期：2027年4月2日。\n"
    notice = classify("aws-billing@amazon.com", "您的 AWS 帳戶款項已逾期", f"您好：\n\n{body}", date=SENT)
    assert notice.notice_type == "billing.payment_failed"


def test_the_extended_support_as_the_subject_of_its_sentence() -> None:
    body = ("Conviene actualizar los clústeres a la versión 8 antes del 30 de junio de 2027. El soporte extendido para "
            "la versión 6 se ofrecerá, con cargo, hasta el 31 de marzo de 2030.\n")
    notice = classify(HEALTH, "Fin del soporte estándar de la versión 6", f"Hola:\n\n{body}", date=SENT)
    assert notice.deadline == "2027-06-30"


def test_a_spanish_pause() -> None:
    text = "La tasa de quejas supera el límite. El 10 de mayo de 2027 aplicaremos una pausa a los envíos de la cuenta."
    assert find_deadline(text, date(2027, 4, 12), "ses.sending_review") == "2027-05-10"


def test_periods_in_hours_and_days_written_twice() -> None:
    spanish = "Responda a este correo dentro de las próximas 72 horas con las medidas adoptadas.\n"
    assert classify("trustandsafety@support.aws.com", "Informe de abuso de AWS [123]", spanish,
                    date=SENT).deadline == "2027-04-15"
    german = "Handlungsbedarf innerhalb von 48 Stunden: Bitte begleichen Sie den offenen Betrag.\n"
    assert classify("aws-billing@amazon.com", "Zahlung fehlgeschlagen", german, date=SENT).deadline == "2027-04-14"
    english = "Please reply no later than three (3) days after the date of this notice.\n"
    assert classify("trustandsafety@support.aws.com", "Your AWS Abuse Report [124]", english,
                    date=SENT).deadline == "2027-04-15"


def test_japanese_applications_that_stop_with_their_service() -> None:
    body = ("2027年6月30日以降は、既存のアプリケーションの起動と実行ができなくなり、"
            "実行中のアプリケーションは停止されます。それまでに移行を完了してください。\n")
    notice = classify(GENERAL, None, f"お客様各位\n\n{body}", date=SENT)
    assert notice.notice_type == "health.end_of_support"


def test_start_and_end_rows_a_blank_line_apart() -> None:
    body = ("È stata pianificata una manutenzione. La connettività può essere interrotta per alcuni minuti.\n\n"
            "Inizio lunedì 17 maggio 2027, ore 23:00\n\nFine martedì 18 maggio 2027, ore 03:00\n\n"
            "Se necessario, spostate i carichi di lavoro prima dell'inizio della finestra.\n")
    notice = classify(HEALTH, "Manutenzione pianificata", f"Gentile cliente,\n\n{body}", date=SENT)
    assert notice.deadline == "2027-05-17"
