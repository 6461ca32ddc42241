"""Session 19's first round, in our own words (none of these sentences is in a fixture): a window's start and end
fields that name the window ("Inizio della finestra"); a date under a table column beside the date columns; the end
of the usage a last bill covers; a plan that ends in N days; an act asked "unless you … before then"; a resource now
ready in ja, ko, zh; a maintenance that resets connections or advises a step before it; sending paused from a date;
a localized replacement time; an instance retirement whose instance store volumes are lost; a service's
decommissioning in Italian; an end of life cycle; an extended support's end restated; an automatic update in Korean."""

from __future__ import annotations

from datetime import date

from routing.dateroles import acts_by_then
from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

SENT = date(2026, 12, 1)
HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_a_window_whose_start_and_end_fields_name_the_window() -> None:
    text = ("Il firmware dei dispositivi verrà aggiornato; ogni dispositivo si riavvia una volta.\n\n"
            "    Dispositivi               dev-01, dev-02\n"
            "    Inizio della finestra     martedì 9 marzo 2027, 02:00 (ora dell'Europa centrale)\n"
            "    Fine della finestra       martedì 9 marzo 2027, 04:00 (ora dell'Europa centrale)\n"
            "    Aggiornamento precedente  il 3 novembre 2026\n")
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-03-09"


def test_a_date_under_a_column_beside_the_date_columns() -> None:
    text = ("You must upload the new metadata to your identity provider before the deadline below.\n\n"
            "  Application          New key published     Deadline       Old key removed\n"
            "  -----------------------------------------------------------------------------\n"
            "  app/orders           12-jan-2027           22-feb-2027    01-mar-2027\n")
    assert find_deadline(text, SENT, "health.certificate_rotation") == "2027-02-22"


def test_the_end_of_the_usage_a_last_bill_covers_is_no_deadline() -> None:
    body = ("Le confirmamos que la cuenta de AWS ********4410 se cerró el 1 de diciembre de 2026.\n\n"
            "Próximos pasos:\n"
            "  - Durante los 90 días posteriores al cierre puede reabrir la cuenta a través de AWS Support.\n"
            "  - Pasado ese plazo, AWS elimina definitivamente el contenido que quede.\n"
            "  - Le enviaremos una última factura por el uso hasta el 1 de diciembre de 2026 a comienzos de enero.\n")
    notice = classify(GENERAL, "Su cuenta de AWS está cerrada", f"Hola:\n\n{body}")
    assert notice.notice_type == "account.closed"
    assert notice.deadline is None


def test_a_plan_that_ends_in_n_days() -> None:
    body = ("Your AWS account 3301-7781-2290 is on the AWS Free plan, which ends in 10 days. When it ends, the account "
            "is closed unless you switch to a paid plan before then.\n\nYou have used USD 40.00 of your credits.\n")
    notice = classify("freetier@costalerts.amazonaws.com", "Your AWS Free plan: 10 days left", f"Hello,\n\n{body}")
    assert notice.notice_type == "cost.free_tier_alert"
    assert notice.deadline == "2026-12-11"


def test_an_act_asked_unless_you_act_before_then() -> None:
    assert acts_by_then("the trial ends on march 3, 2027. access stops unless you subscribe before then.")
    assert acts_by_then("votre essai prend fin le 3 mars 2027 ; l'accès sera coupé à moins que vous ne vous abonniez "
                        "d'ici là.")
    assert not acts_by_then("the trial ends on march 3, 2027. unless you subscribe, access stops.")


def test_a_resource_now_ready_in_ja_ko_zh() -> None:
    for subject, body in (
            ("Amazon WorkSpaces のディレクトリ",
             "AWS アカウント 118822334455 で作成したディレクトリの準備が整いました。"),
            ("Amazon DataZone 환경", "AWS 계정 118822334455에서 만든 환경을 사용할 준비가 되었습니다."),
            ("Amazon SageMaker 工作区", "您在 AWS 账户 118822334455 中创建的工作区现已可用。")):
        assert classify(GENERAL, subject, body).notice_type == "onboarding.service_setup", subject


def test_a_maintenance_that_resets_connections_has_its_start() -> None:
    body = ("We will update the NAT gateways listed below. During the window, each gateway may reset active "
            "connections once.\n\n"
            "Gateway                 Window (UTC)\n"
            "nat-0a11b22c33d44e55f   Thursday, January 14, 2027, 06:00-07:00\n")
    notice = classify(HEALTH, "Amazon VPC NAT gateway planned maintenance", f"Hello,\n\n{body}")
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-01-14"


def test_a_maintenance_that_advises_a_step_before_its_window() -> None:
    body = ("We will work on the brokers listed below, one at a time.\n\n"
            "Broker               Window (UTC)\n"
            "b-1a2b3c4d-mq        Sunday, 7 February 2027, 01:00-03:00\n\n"
            "If your clients connect to a single broker, consider enabling failover before the first window.\n")
    notice = classify(HEALTH, "Amazon MQ planned maintenance", f"Hello,\n\n{body}")
    assert notice.deadline == "2027-02-07"


def test_sending_paused_from_a_date() -> None:
    text = ("Beginning March 3, 2027, if the bounce rate stays above 5%, we will pause sending from your account. "
            "Remove invalid addresses to avoid this.")
    assert find_deadline(text, SENT, "ses.sending_review") == "2027-03-03"


def test_a_localized_replacement_time() -> None:
    text = ("Geplante Neustarts für Ihre Knoten\n----------------------------------\n"
            "Cluster: kasse, Knoten: kasse-0002, Neustartzeit: 03:00 UTC, 12. Jan. 2027\n")
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-01-12"
    text = "Horário de substituição: 12/01/2027 03:00 UTC\nInstância: i-0abc1234def567890\n"
    assert find_deadline(text, SENT, "health.scheduled_maintenance") == "2027-01-12"


def test_an_instance_retirement_whose_instance_store_is_lost() -> None:
    body = ("Le informamos de que su instancia i-0f1e2d3c4b5a69788 está programada para su retirada el 20 de enero "
            "de 2027. Su dispositivo raíz es un volumen de almacén de instancias: esos volúmenes están unidos al "
            "servidor y no se pueden recuperar después de la retirada.\n")
    notice = classify(GENERAL, "[Retirement Notification] Amazon EC2 instancia programada para retirada",
                      f"Estimado cliente:\n\n{body}")
    assert notice.notice_type == "health.instance_retirement"


def test_a_services_decommissioning_in_italian_is_no_instance_retirement() -> None:
    body = ("Amazon CodeStar raggiungerà la fine del ciclo di vita il 31 luglio 2027. La guida alla dismissione è "
            "disponibile nella documentazione. Le consigliamo di migrare i progetti prima di quella data.\n")
    notice = classify(HEALTH, "[Azione richiesta] Fine del ciclo di vita di AWS CodeStar", f"Salve,\n\n{body}")
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-07-31"


def test_an_end_of_life_cycle() -> None:
    text = "O Amazon Cloud9 chegará ao fim do ciclo de vida em 30 de setembro de 2027."
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-09-30"


def test_an_extended_supports_end_restated() -> None:
    text = ("Amazon Keyspaces ends standard support for engine 3.4 on May 31, 2027. From that date, clusters still on "
            "3.4 move to extended support, which is billed per cluster-hour. Engine 3.4 remains in extended support "
            "until May 31, 2028. After May 31, 2028, engine 3.4 is no longer supported, and the remaining clusters "
            "are upgraded automatically.")
    assert find_deadline(text, SENT, "health.end_of_support") == "2027-05-31"


def test_an_automatic_update_in_korean() -> None:
    body = ("Amazon OpenSearch Service 도메인에 서비스 소프트웨어 업데이트가 필요합니다. 2027년 3월 2일까지 "
            "업데이트하지 않은 도메인은 유지 관리 기간에 자동으로 업그레이드됩니다.\n")
    notice = classify(HEALTH, "Amazon OpenSearch Service 소프트웨어 업데이트", f"안녕하세요.\n\n{body}")
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-03-02"
