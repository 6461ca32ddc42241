"""Session 18's second round, in our own words (none of these sentences is in a fixture), from phrasings written before
the first runs of unseen87-90: a period in weeks (9 languages); "within the next N days"; "N hours from now";
"ahead of D"; "starting the week of D"; a version no longer supported, in Italian; a restart or a stop at the scheduled
time as a maintenance's impact (9 languages); the end of a quarter named with its year; a window given as event start
and end fields, or by a bare "Window:" label."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize("sentence", [
    "Please send us the requested logs within two weeks.",
    "Bitte senden Sie uns die Protokolle innerhalb von zwei Wochen.",
    "Envíenos los registros dentro de dos semanas.",
    "Merci de nous envoyer les journaux dans un délai de deux semaines.",
    "Ci invii i log entro due settimane.",
    "Envie-nos os registros em duas semanas.",
    "2週間以内にログをお送りください。",
    "请在两周内发送日志。",
    "2주 이내에 로그를 보내 주십시오.",
])
def test_a_period_in_weeks(sentence: str) -> None:
    assert find_deadline(sentence, SENT, "support.case_correspondence") == "2026-12-15"


@pytest.mark.parametrize(("sentence", "kind", "expected"), [
    ("Please reply within the next five business days.", "support.case_correspondence", "2026-12-08"),
    ("If the key is still active 48 hours from now, we may restrict the account.", "security.exposed_credentials",
     "2026-12-03"),
    ("Update your clients to trust the new bundle ahead of January 26, 2027.", "health.certificate_rotation",
     "2027-01-26"),
    ("Starting the week of January 11, 2027, the console will require a passkey for root sign-in.", "health.other",
     "2027-01-11"),
    ("La versione 3.6 non sarà più supportata dal 2 marzo 2027.", "health.end_of_support", "2027-03-02"),
    ("Your instance will be rebooted during the window starting 2027-01-19T03:00Z.", "health.scheduled_maintenance",
     "2027-01-19"),
    ("The rollout completes no later than the end of Q1 2027.", "health.other", "2027-03-31"),
    ("Le déploiement se termine au plus tard à la fin du premier trimestre 2027.", "health.other", "2027-03-31"),
])
def test_english_and_localized_phrasings(sentence: str, kind: str, expected: str) -> None:
    assert find_deadline(sentence, SENT, kind) == expected


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon EC2 Wartung", "Erkannt am: 28.11.2026\nGeplanter Stopp: 05.01.2027 10:00 UTC\n"
                           "Die Instanz wird zum geplanten Zeitpunkt gestoppt."),
    ("Amazon EC2 : maintenance", "Détecté le : 28/11/2026\nArrêt prévu : 05/01/2027 10:00 UTC\n"
                                 "L'instance sera arrêtée à l'heure prévue."),
    ("Amazon EC2: mantenimiento", "Detectado el: 28/11/2026\nDetención programada: 05/01/2027 10:00 UTC\n"
                                  "La instancia se detendrá a la hora programada."),
    ("Amazon EC2 メンテナンス", "検出日: 2026/11/28\n停止予定日時: 2027/01/05 10:00 UTC\n"
                             "インスタンスは予定時刻に停止されます。"),
    ("Amazon EC2 维护", "检测日期：2026-11-28\n计划停止时间：2027-01-05 10:00 UTC\n实例将在计划时间停止。"),
    ("Amazon EC2 유지 관리", "감지 날짜: 2026-11-28\n예정된 중지: 2027-01-05 10:00 UTC\n"
                            "인스턴스는 예정된 시간에 중지됩니다."),
])
def test_a_stop_at_the_scheduled_time_is_a_maintenances_impact(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, f"Hello,\n\n{body}\n")
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-01-05")


@pytest.mark.parametrize("window", [
    "Event start: Thursday, 14 January 2027 02:00 UTC\nEvent end: Thursday, 14 January 2027 06:00 UTC\n",
    "Window: Jan 14, 2027 2:00 AM – 6:00 AM PST\n",
])
def test_a_window_as_event_fields_or_a_bare_label(window: str) -> None:
    body = f"{window}\nDuring this window, your VPN tunnels will be unavailable for up to 10 minutes.\n"
    assert classify(HEALTH, "AWS Health Event", f"Hello,\n\n{body}").deadline == "2027-01-14"
