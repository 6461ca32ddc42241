"""Session 20's fourth round, in our own words (none of these sentences is in a fixture): deadlines. What started on
the mail's own date is a status; a pause in another language; an act by the end of a day; a zone before the time in
Chinese; the end of this month beside a written date; a German "Wartung ab" column; a date announced by the sentence
above it, under a calendar's head."""

from __future__ import annotations

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SENT = "Mon, 12 Apr 2027 09:00:00 +0000"


def test_what_started_on_the_mail_date_is_a_status() -> None:
    body = ("O envio da conta AWS 220311049905 está em revisão a partir de 12/04/2027. Se a taxa de rejeições não "
            "baixar até o fim do período de revisão, em 03/05/2027, o envio será pausado.\n")
    notice = classify(GENERAL, "Amazon SES: revisão de envio", f"Olá,\n\n{body}", date=SENT)
    assert notice.deadline == "2027-05-03"
    report = ("We received a report about your instance i-0aa1.\nEvent details\nStart time:  April 12, 2027 at 8:02 "
              "AM UTC\nStatus: Open\nPlease look into it and reply with the steps you took.\n")
    notice = classify("trustandsafety@support.aws.com", "Your AWS Abuse Report [1234567]", f"Hello,\n\n{report}",
                      date=SENT)
    assert notice.deadline is None


def test_a_pause_in_italian() -> None:
    body = "Il tasso di reclami supera il limite consentito. Il 26 aprile 2027 l'invio verrà messo in pausa.\n"
    notice = classify(GENERAL, "Amazon SES: revisione dell'invio", f"Salve,\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-04-26"


def test_an_act_by_the_end_of_a_day() -> None:
    body = ("Correspondence:\nTo keep the migration workshop on April 30, 2027, please send us your account list by "
            "close of business on Friday, April 23rd, 2027.\n")
    notice = classify(GENERAL, "[Case 177900112233] New correspondence added", f"Hello,\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-04-23"


def test_a_zone_before_the_time_in_chinese() -> None:
    body = "我们无法验证您的付款方式。请在 2027年4月23日（星期五）北京时间 18:00 前完成验证。首次请求 2027年4月10日。\n"
    notice = classify(GENERAL, "账户提醒：无法验证您的付款方式", f"您好：\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-04-23"


def test_the_end_of_this_month_beside_a_written_date() -> None:
    body = ("La carta predefinita scade il mese prossimo.\nProssimo addebito: 3 maggio 2027\nAggiorni il metodo di "
            "pagamento entro la fine di questo mese per evitare un addebito non riuscito.\n")
    notice = classify("aws-billing@amazon.com", "La sua carta sta per scadere", f"Gentile cliente,\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-04-30"


def test_a_german_wartung_ab_column() -> None:
    body = ("Für Ihre Cluster ist eine Wartung geplant, die in Ihrem Wartungsfenster automatisch angewendet wird. "
            "Verschieben Sie das Fenster bei Bedarf vor dem jeweiligen Termin.\n\nCluster Wartung ab\n"
            "\ncl-a Dienstag, 4. Mai 2027, 03:00 MESZ\n")
    notice = classify(HEALTH, "Geplante Wartung für Amazon MemoryDB", f"Hallo,\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-05-04"


def test_a_date_announced_above_a_calendar_head() -> None:
    body = ("Los puntos de enlace antiguos dejarán de responder en la fecha siguiente:\n\nDía Mes Año\n\n"
            "30 junio 2027\n\nMigre sus clientes antes de esa fecha.\n")
    notice = classify(HEALTH, "Fin de los puntos de enlace antiguos", f"Hola:\n\n{body}",
                      date=SENT)
    assert notice.deadline == "2027-06-30"
