"""Session 19's third round, in our own words (none of these sentences is in a fixture): a rate "published on the
pricing page" is no publication date; a value held until a date that lapses "if we do not hear from you by then"; a
localized "from" before a window's first date; what becomes available from a date beside a cut-off date; "no later
than the end of the day on D"; a case AWS opened, in Traditional Chinese; a Korean "D … 전까지"; a bilingual billing
statement; a maintenance the reader may move, in Italian; a Portuguese "Passado o dia D"; reserved nodes that expire,
in French and Spanish. (Connections a maintenance drops, in the other languages, are pinned by unseen108's floors.)"""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

SENT = date(2026, 12, 1)
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_a_rate_published_on_the_pricing_page_is_no_publication_date() -> None:
    text = ("Effective March 1, 2027, detailed monitoring of the feature will be charged per hour at the new rate "
            "published on the pricing page.")
    assert find_deadline(text, SENT, "policy.change_notice") == "2027-03-01"


def test_a_value_held_until_a_date_that_lapses_without_a_reply() -> None:
    text = ("We can keep the approved limit for you until January 15, 2027. If we do not hear from you by then, the "
            "approval will lapse and you will need to ask again.")
    assert find_deadline(text, SENT, "support.case_correspondence") == "2027-01-15"


def test_a_localized_from_before_a_windows_first_date() -> None:
    text = ("Realizaremos uma manutenção programada do Amazon Connect na região Europa (Londres) das 23h de sábado, "
            "13 de março de 2027, às 3h de domingo, 14 de março de 2027.")
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-03-13"


def test_what_becomes_available_from_a_date_beside_a_cut_off_date() -> None:
    text = ("Die Zertifikate Ihrer Endpunkte werden auf eine neue Zertifizierungsstelle umgestellt.\n\n"
            "  Neue CA verfügbar ab     Mo., 04.01.2027\n"
            "  Stichtag                 Mo., 08.02.2027\n\n"
            "Bitte aktualisieren Sie Ihre Clients bis zum Stichtag.")
    assert find_deadline(text, SENT, "health.certificate_rotation") == "2027-02-08"


def test_no_later_than_the_end_of_the_day_on_a_date() -> None:
    text = ("Stage 1: new jobs can no longer be created on January 5, 2027. Stage 2: jobs stop on February 1, 2027. "
            "Please move each job to the new engine no later than the end of the day on January 31, 2027.")
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-01-31"


def test_a_case_aws_opened_in_traditional_chinese() -> None:
    body = "AWS 已代表您開立支援案例 177700112233。\n\n請於 2026年12月8日 前回覆此案例。\n"
    notice = classify(GENERAL, "Amazon Web Services：新的支援案例", f"您好：\n\n{body}")
    assert notice.notice_type == "support.case_opened_by_aws"


def test_a_korean_date_before_which_to_act() -> None:
    text = "2027년 1월 20일 오후 6시(한국 표준시) 전까지 설정을 변경하고 회신해 주십시오."
    assert find_deadline(text, SENT, "ses.sending_review") == "2027-01-20"


def test_a_bilingual_billing_statement() -> None:
    body = ("最新のご請求内容を AWS ウェブサイトでご確認いただけます。\n"
            "Your latest billing statement is available on the AWS web site.\n\n"
            "合計 / Total: ¥12,300\n")
    notice = classify("invoicing@aws.com", "請求書発行のお知らせ / Billing Statement Available", body)
    assert notice.notice_type == "billing.statement"


def test_a_maintenance_the_reader_may_move_in_italian() -> None:
    body = ("gli endpoint del suo account sono in programma per una manutenzione il 12 gennaio 2027 alle 21:00 UTC. "
            "Fino a quel momento può spostare questa manutenzione dalla console.\n")
    notice = classify(HEALTH, "Manutenzione pianificata degli endpoint", f"Salve,\n\n{body}")
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-01-12"


def test_a_portuguese_once_past_a_date() -> None:
    text = "Passado o dia 18 de janeiro de 2027, 10:00 UTC, o host será desativado e a instância será interrompida."
    assert find_deadline(text, SENT, "health.instance_retirement") == "2027-01-18"


def test_reserved_nodes_that_expire_in_french_and_spanish() -> None:
    for subject, body in (
            ("Vos nœuds réservés expirent bientôt",
             "Les nœuds réservés Amazon ElastiCache de votre compte AWS expireront le 20 décembre 2026."),
            ("Sus nodos reservados vencen pronto",
             "Los nodos reservados de Amazon ElastiCache de su cuenta de AWS vencerán el 20 de diciembre de 2026.")):
        notice = classify(GENERAL, subject, body)
        assert notice.notice_type == "cost.commitment_expiry", subject
        assert notice.deadline == "2026-12-20", subject
