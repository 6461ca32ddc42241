"""Session 18's sixth round, in our own words (none of these sentences is in a fixture): a version number is no date
("10.6.28"); an advice to act before a date ("nous vous conseillons de … avant le D") beside a later start; an
Italian account id said with "è"; a preventive French root review, which says no suspicious activity was seen and asks
to turn MFA on, is neither suspicious activity nor an MFA device removed."""

from __future__ import annotations

from datetime import date

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = date(2026, 12, 1)


def test_a_version_number_is_no_date() -> None:
    text = "Vos instances exécutent MariaDB 10.6.28 et 10.11.29 ; la prise en charge de la branche 10.6 change."
    assert find_deadline(text, SENT, "health.end_of_support") is None


def test_an_advice_to_act_before_a_date_beside_a_later_start() -> None:
    text = ("Nous vous conseillons de réaliser la mise à niveau avant le 31 mars 2027. Les instances restantes seront "
            "mises à niveau par RDS pendant la fenêtre de maintenance suivante, à partir du 1er avril 2027.")
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-03-31"


def test_an_italian_account_id_said_with_e() -> None:
    text = "Grazie per aver creato un account AWS. Il suo ID account AWS è 407-118-265-930."
    assert extract_identifiers("Benvenuto in Amazon Web Services", text).aws_account_id == "407118265930"


def test_a_preventive_french_root_review() -> None:
    body = ("Dans le cadre de nos contrôles habituels, nous vous invitons à examiner le compte AWS 5512-0938-7718 et "
            "les informations d'identification de son utilisateur racine.\n\nNous vous recommandons de :\n"
            "  - activer l'authentification multifacteur (MFA) pour l'utilisateur racine ;\n"
            "  - supprimer les clés d'accès de l'utilisateur racine, s'il en existe.\n\n"
            "Aucune activité suspecte n'a été constatée à ce jour.\n")
    notice = classify("no-reply@amazonaws.com", "[Action requise] Examinez votre compte AWS", f"Bonjour,\n\n{body}")
    assert notice.notice_type == "security.root_review"
