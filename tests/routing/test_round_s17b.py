"""Session 17's second round, after the first runs of unseen71-74, in our own words (none of these sentences is in a
fixture): a period "in N days" in the other languages; what AWS needs "if we have them by D"; a retirement per
resource ("— retires Monday, D") beside a parenthesis with another date; a trial's end as a field, asked "before the
trial ends"; an ask before an offer expires split by a hard wrap; creating new things that stops first, the adjective
after its noun; a window's start field with its zone written out; the end of a review period as a field; a service's
name inside "the end of … standard support"; the end of a version's life cycle in 8 languages; a service the reader
set up; a hyphenated account label."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize("period", ["tra 30 giorni", "fra 30 giorni", "dans 30 jours", "in 30 Tagen", "en 30 días",
                                    "em 30 dias", "30日後に", "30天后", "30일 후에"])
def test_a_period_in_n_days_in_the_other_languages(period: str) -> None:
    text = f"Amazon OpenSearch Service aggiornamento — {period} — aggiornamento automatico del dominio."
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2026-12-31"


def test_what_aws_needs_if_we_have_it_by_a_date() -> None:
    body = ("Correspondence:\nHello,\n\nPlease attach the VPC flow logs of the affected subnet. If we have them by "
            "December 9th, the network team can review them in this week's session.\n")
    notice = classify(GENERAL, "RE: [CASE 170022334455] Intermittent packet loss", body)
    assert (notice.notice_type, notice.deadline) == ("support.case_correspondence", "2026-12-09")


def test_a_retirement_per_resource_beside_a_parenthesis_with_another_date() -> None:
    body = ("The hosts of the following instances are degraded. Each instance will be stopped on its own date.\n\n"
            "i-0123456789abcdef0 (m4.large, launched 2018-03-02) — retires Tuesday, January 12, 2027\n\n"
            "i-0fedcba9876543210 (m4.xlarge, launched 2018-05-20) — retires Friday, January 22, 2027\n")
    notice = classify(HEALTH, "Amazon EC2 instance retirement", f"Hello,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-01-12")


def test_a_trial_end_field_asked_before_the_trial_ends() -> None:
    body = ("Product:      Northwind Log Shipper (SaaS)\nTrial started: 2026-11-20\nTrial ends:   2026-12-20\n\n"
            "To avoid charges, cancel the subscription before the trial ends.")
    notice = classify("no-reply@marketplace.aws", "Your AWS Marketplace free trial ends soon", f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2026-12-20")


def test_an_ask_before_an_offer_expires_split_by_a_hard_wrap() -> None:
    body = ("Contoso Ltd has extended a private offer to AWS account 551209387718.\n\nOffer expires: 18/12/2026\n\n"
            "To accept the offer, open it in the AWS Marketplace console before it\nexpires.")
    notice = classify("no-reply@marketplace.aws", "You have received a private offer", f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2026-12-18")


@pytest.mark.parametrize("body", [
    "A partir del 1 de febrero de 2027 ya no podrá crear canalizaciones de ingesta nuevas. El 30 de junio de 2027 "
    "retiraremos el servicio: antes de esa fecha debe exportar sus datos.",
    "A partir de 1 de fevereiro de 2027 não poderá criar pipelines de ingestão novos. Em 30 de junho de 2027 "
    "desativaremos o serviço: antes dessa data, exporte os seus dados.",
])
def test_creating_new_things_stops_first_with_the_adjective_after_its_noun(body: str) -> None:
    notice = classify(HEALTH, "[AWS Health] Fin del soporte / Fim do suporte", f"Hola,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-06-30")


def test_a_window_start_field_with_its_zone_written_out() -> None:
    body = ("Une opération de maintenance est planifiée pour Amazon MQ.\n\nFenêtre de maintenance :\n"
            "  début : jeudi 10 décembre 2026, 23 h 00 (heure normale d'Europe centrale)\n"
            "  fin   : vendredi 11 décembre 2026, 03 h 00 (heure normale d'Europe centrale)\n")
    notice = classify(HEALTH, "Maintenance planifiée d'Amazon MQ", f"Bonjour,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2026-12-10")


@pytest.mark.parametrize(("field", "expected"), [
    ("Fine del periodo di revisione: giovedì 17 dicembre 2026", "2026-12-17"),
    ("Fin de la période d'examen : jeudi 17 décembre 2026", "2026-12-17"),
    ("Fin del período de revisión: jueves, 17 de diciembre de 2026", "2026-12-17"),
    ("Fim do período de análise: 17 de dezembro de 2026", "2026-12-17"),
])
def test_the_end_of_a_review_period_as_a_field(field: str, expected: str) -> None:
    text = (f"Inizio / début / inicio: 1 dicembre 2026\n{field}\n\n"
            "Se la percentuale non scende, potremmo sospendere l'invio.")
    assert find_deadline(text, SENT, "ses.sending_review") == expected


def test_a_services_name_inside_the_end_of_standard_support() -> None:
    body = ("Amazon Aurora MySQL version 2 reaches the end of Aurora standard support on October 31, 2027. Plan the "
            "upgrade in a maintenance window of your choice.")
    assert classify(GENERAL, None, f"Hello,\n\n{body}\n").notice_type == "health.end_of_support"


@pytest.mark.parametrize("phrase", [
    "raggiungerà la fine del ciclo di vita il 30 giugno 2027",
    "llegará al fin del ciclo de vida el 30 de junio de 2027",
    "chegará ao fim do ciclo de vida em 30 de junho de 2027", "atteindra la fin du cycle de vie le 30 juin 2027",
    "erreicht am 30. Juni 2027 das Ende seines Lebenszyklus",
])
def test_the_end_of_a_versions_life_cycle_in_other_languages(phrase: str) -> None:
    body = f"Amazon MemoryDB 6.2 {phrase}. Durante la finestra di manutenzione aggiorneremo i cluster."
    assert classify(HEALTH, "Amazon MemoryDB", f"Salve,\n\n{body}\n").notice_type == "health.end_of_support"


def test_a_service_the_reader_set_up() -> None:
    body = "Thank you for setting up AWS Clean Rooms ML. Your first model is now ready to use in US East (Ohio)."
    notice = classify(GENERAL, "Your AWS Clean Rooms ML model is ready", f"Hello,\n\n{body}\n")
    assert notice.notice_type == "onboarding.service_setup"


def test_a_hyphenated_account_label() -> None:
    text = "Uw instantie (AWS-account-ID: 551209387718) op het Outposts-rack wordt gestopt."
    assert extract_identifiers("", text).aws_account_id == "551209387718"
