"""Deadlines of the s11b round (issue 12, item 3): numeric dates written with a two-digit year, in the languages
that write them (day first in German, French, Spanish, Italian and Portuguese mail, US order in English); a date
already passed when the mail was sent that its sentence states as a fact (an end of support "reached", "endete am",
"finalizó el", "に終了しました") is no deadline, even as the mail's only date; new reservations or bookings that stop
before a retirement are its first step, not the deadline (what is already booked runs on); a date after which the
account may be restricted (as suspended) is when the impact starts."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline

SENT = date(2027, 3, 1)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bitte reichen Sie die Unterlagen für Ihren AWS Outposts-Auftrag spätestens bis Donnerstag, 15.04.27, ein.",
         "2027-04-15"),
        ("Merci de confirmer la date d'installation de votre Snowball avant le 15/04/27.", "2027-04-15"),
        ("Por favor, envíe la autorización de su caso de Direct Connect antes del 15/04/27.", "2027-04-15"),
        ("Si prega di caricare la lettera di autorizzazione per AWS Direct Connect entro il 15/04/27.", "2027-04-15"),
        ("Por favor, envie o formulário do Amazon WorkSpaces até 15.04.27.", "2027-04-15"),
        ("Please upload the signed letter for your Direct Connect cross-connect by 04/15/27.", "2027-04-15"),
    ],
)
def test_two_digit_year_deadlines(text: str, expected: str) -> None:
    assert find_deadline(text, SENT) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Version 3.11.10 ist verfügbar. Bitte aktualisieren Sie bis zum Wartungsfenster.",
        "Bitte verwenden Sie die IP-Adresse 10.12.27.4 bis auf Weiteres.",
    ],
)
def test_two_digit_year_not_read_in_numbers(text: str) -> None:
    assert find_deadline(text, SENT) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Amazon Linux AMI reached end of life on December 31, 2025. Your instances keep running, but we recommend "
        "that you migrate to Amazon Linux 2023.",
        "Der Standard-Support für Amazon EKS 1.27 endete am 24. Juli 2025. Bitte aktualisieren Sie Ihre Cluster.",
        "El soporte de Python 3.8 en AWS Lambda finalizó el 14 de octubre de 2025. Le recomendamos actualizar sus "
        "funciones.",
        "La prise en charge de MySQL 5.7 dans Amazon RDS a pris fin le 29 février 2024. Nous vous recommandons de "
        "mettre à niveau vos instances.",
        "Il supporto di Python 3.8 in AWS Lambda è terminato il 14 ottobre 2025. Ti consigliamo di aggiornare le "
        "funzioni.",
        "O suporte ao Node.js 16 no AWS Lambda terminou em 12 de junho de 2025. Recomendamos que você atualize suas "
        "funções.",
        "AWS Lambda の Python 3.8 のサポートは 2025年10月14日に終了しました。関数を更新することをお勧めします。",
    ],
)
def test_passed_date_stated_as_fact_is_no_deadline(text: str) -> None:
    assert find_deadline(text, SENT) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passed date the mail still asks an act by, or names as what will happen, stays the deadline
        ("Please pay invoice 4410 by January 30, 2027.", "2027-01-30"),
        ("After 2027-02-18 13:00 UTC your instance will be stopped.", "2027-02-18"),
        ("Der Standard-Support für Amazon EKS 1.27 endet am 24. Juli 2027. Bitte aktualisieren Sie Ihre Cluster.",
         "2027-07-24"),
        ("El soporte estándar de Amazon EKS 1.27 finaliza el 24 de julio de 2027. Actualice sus clústeres.",
         "2027-07-24"),
    ],
)
def test_passed_or_coming_deadline_kept(text: str, expected: str) -> None:
    assert find_deadline(text, SENT) == expected


_RETIREMENT_WITH_BOOKINGS_CLOSED = [
    "Amazon EC2 will retire the p3dn.24xlarge Capacity Blocks offering on July 15, 2027. From that date, running "
    "blocks end.\n\nNew Capacity Blocks reservations for p3dn.24xlarge can no longer be purchased after June 1, "
    "2027. Blocks that are already confirmed will run as planned.\n\nPlease move your training jobs to p5 instances "
    "before July 15, 2027.",
    "AWS Ground Station will retire the antenna site in Punta Arenas on July 15, 2027.\n\nNew contact bookings for "
    "that site can no longer be made after June 1, 2027. Contacts already scheduled will run as planned.\n\nPlease "
    "move your mission profiles to another site before July 15, 2027.",
    "Amazon EC2 ritirerà l'offerta di blocchi di capacità p3dn.24xlarge il 15 luglio 2027. Da quella data, i blocchi "
    "in corso terminano.\n\nLe nuove prenotazioni di blocchi di capacità p3dn.24xlarge non potranno più essere "
    "acquistate dopo il 1° giugno 2027. I blocchi già confermati verranno eseguiti come previsto.\n\nMigra i tuoi "
    "processi di addestramento su istanze p5 entro il 15 luglio 2027.",
    "O Amazon Braket desativará o dispositivo Aria-2 em 15 de julho de 2027.\n\nNovas reservas do Braket Direct para "
    "o Aria-2 não poderão mais ser feitas após 1 de junho de 2027. As reservas já confirmadas serão executadas "
    "conforme planejado.\n\nMigre suas cargas de trabalho para outro dispositivo antes de 15 de julho de 2027.",
]


@pytest.mark.parametrize("text", _RETIREMENT_WITH_BOOKINGS_CLOSED)
def test_new_bookings_closed_before_retirement_are_not_the_deadline(text: str) -> None:
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-07-15"


@pytest.mark.parametrize(
    "text",
    [
        "Please deactivate the key and review AWS CloudTrail. If the exposed key is still active on March 12, 2027, we "
        "may restrict your account.",
        "Veuillez désactiver la clé d'accès. Si la clé exposée est toujours active le 12 mars 2027, nous pourrions "
        "restreindre votre compte.",
        "Bitte deaktivieren Sie den Zugriffsschlüssel. Wenn der offengelegte Schlüssel am 12. März 2027 noch aktiv "
        "ist, schränken wir Ihr Konto möglicherweise ein.",
        "Desactive la clave de acceso. Si la clave expuesta sigue activa el 12 de marzo de 2027, podríamos restringir "
        "su cuenta.",
    ],
)
def test_account_restricted_after_date_is_the_deadline(text: str) -> None:
    assert find_deadline(text, SENT, "security.exposed_credentials") == "2027-03-12"
