"""Session 20's second round, in our own words (none of these sentences is in a fixture): deadlines. A start from
which AWS will begin upgrading resources; a maintenance window named by its date in a column header, the reader asked
to act before the window; a commitment that reaches its end date, in ISO form; a free plan's end the reader is asked
to act before, named "cette échéance" after a purpose."""

from __future__ import annotations

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_a_start_from_which_aws_begins_upgrading() -> None:
    body = ("Beginning Monday, 12 July 2027, Amazon MQ will begin upgrading brokers on version 5.17 to version 5.18 "
            "during their maintenance window. The new version was released on 3 March 2027.\n")
    notice = classify(HEALTH, "Amazon MQ brokers will be upgraded", f"Hello,\n\n{body}")
    assert notice.deadline == "2027-07-12"


def test_a_window_named_by_its_date_in_a_column_header() -> None:
    body = ("Une maintenance du service Amazon Neptune est prévue. Vos clusters seront indisponibles quelques "
            "minutes.\n\nCluster Fenêtre du jeudi 18 mars 2027, 02:00–04:00 UTC\n"
            "cl-prod-graph oui\ncl-dev-graph oui\n\n"
            "Avis publié le 1er mars 2027. Vous pouvez déplacer vos charges de travail avant la fenêtre.\n")
    notice = classify(HEALTH, "Maintenance planifiée Amazon Neptune", f"Bonjour,\n\n{body}")
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-18"


def test_a_window_of_a_date_in_english_prose() -> None:
    body = ("Your Amazon DocumentDB instances will be unavailable for a few minutes during the maintenance window of "
            "Saturday, 20 March 2027. Fail over your applications before the maintenance if they cannot tolerate it.\n")
    notice = classify(HEALTH, "Amazon DocumentDB scheduled maintenance", f"Hello,\n\n{body}")
    assert notice.deadline == "2027-03-20"


def test_a_commitment_that_reaches_its_end_date() -> None:
    body = ("Your Reserved Instance reservation (ri-55aa01), bought on 2024-06-30 for account 220311049905, reaches "
            "its end date, 2027-06-30. From that day, the instances it covers are billed at On-Demand rates.\n")
    notice = classify(GENERAL, "Your reservation is ending", f"Hello,\n\n{body}")
    assert notice.deadline == "2027-06-30"


def test_a_free_plan_to_leave_before_that_deadline() -> None:
    body = ("Votre plan gratuit se termine le 30 octobre 2027, ou plus tôt si vos crédits sont épuisés. Pour garder "
            "vos ressources, passez au plan payant avant cette échéance ; sinon, votre compte sera fermé.\n"
            "Crédits utilisés : 72 %\n")
    notice = classify("freetier@costalerts.amazonaws.com", "Offre gratuite d'AWS : 72 % de vos crédits utilisés",
                      f"Bonjour,\n\n{body}")
    assert notice.deadline == "2027-10-30"
