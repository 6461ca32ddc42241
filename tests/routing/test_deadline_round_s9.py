"""Deadline round on two newly measured batches (issue 12, item 3): routing/deadline.py, routing/dateroles.py and the
deadline call site of routing/classify.py.

Our own wordings (not those of any fixture set), one family each: a conditional date the mail also states outright,
a weekday in parentheses between a Korean or Japanese date and its particle, a start time already passed, a date that
was moved, a sentence that opens with its date and says what changes that day, a status date "as of" the mail's own
date beside the end of a review period, a weekday between a by-lead and its date (its act-by role), and the deadline
a mail's own evidence names when no rule asked for one."""

from __future__ import annotations

from datetime import date

import pytest

from routing.classify import NoticeClassifier
from routing.dateroles import ACT_BY, role_of
from routing.deadline import _sentence, best_deadline, evidenced, find_deadline
from routing.parse import parse_mail

MAIL_DATE = date(2027, 1, 10)


@pytest.mark.parametrize(("text", "notice_type", "want"), [
    # the date of "if you do not …, D" that the mail also states outright is not only conditional: it beats a later
    # grace period's end
    ("Your trial ends on March 3, 2027, or sooner if its credits run out.\n\nIf you do not upgrade, the workspace "
     "will be closed after March 3, 2027. You can still upgrade during the 60 days after closure (until May 2, 2027) "
     "to keep your data; after that it is deleted.", "cost.free_tier_alert", "2027-03-03"),
    # a weekday in parentheses between the date and its particle (ko, ja), a launch time already passed
    ("이 DB 인스턴스는 2027년 2월 9일 (화요일) 10:00 UTC 이후 중지됩니다.\n\n시작 시간: 2025-03-02 08:00 UTC",
     "health.instance_retirement", "2027-02-09"),
    ("このインスタンスは 2027年2月9日（火）10:00 UTC 以降に停止されます。\n\n開始時刻: 2025-03-02 08:00 UTC",
     "health.instance_retirement", "2027-02-09"),
    # the new date of what was moved (en, fr, es, it)
    ("The retirement of the legacy endpoint, first planned for April 2, 2027, has been moved to August 20, 2027.",
     "health.other", "2027-08-20"),
    ("Le retrait de l'ancien point de terminaison, prévu le 2 avril 2027, est reporté au 20 août 2027.",
     "health.other", "2027-08-20"),
    ("La retirada del punto de enlace, prevista el 2 de abril de 2027, ha sido pospuesta al 20 de agosto de 2027.",
     "health.other", "2027-08-20"),
    ("Il ritiro dell'endpoint, previsto il 2 aprile 2027, è stato posticipato al 20 agosto 2027.",
     "health.other", "2027-08-20"),
    # a sentence that opens with its date and says what changes that day
    ("On February 15, 2027, the API endpoints in eu-central-1 will switch to certificates from a new root.",
     "health.other", "2027-02-15"),
    # a status "as of" the mail's own date is no deadline; the end of the review period is
    ("As of January 10, 2027, sending for your account is under review. If the cause is not fixed by the end of "
     "the review period on February 9, 2027, we may pause sending.", "ses.sending_review", "2027-02-09"),
])
def test_deadline_round(text: str, notice_type: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE, notice_type) == want


def test_a_start_time_already_passed_is_no_deadline() -> None:
    text = "Event: abuse report\nStart time: January 8, 2027 at 09:12 PM UTC\nStatus: open\n\nPlease investigate."
    assert find_deadline(text, MAIL_DATE, "abuse.report") is None
    # a window's start still to come is one
    assert find_deadline("Start time: January 20, 2027 02:00 UTC\nEnd time: January 20, 2027 06:00 UTC",
                         MAIL_DATE, "health.scheduled_maintenance") == "2027-01-20"


@pytest.mark.parametrize(("text", "written"), [
    ("Please send the trace files by Friday, February 5, 2027.", "February 5, 2027"),
    ("Beheben Sie die Ursache bis spätestens Freitag, 5. Februar 2027.", "5. Februar 2027"),
    ("Veuillez répondre avant le vendredi 5 février 2027.", "5 février 2027"),
    ("We recommend that you move your projects to another service before July 1, 2027.", "July 1, 2027"),
    ("2027년 2월 5일 (금요일) 까지 로그를 보내 주십시오.", "2027년 2월 5일"),
])
def test_act_by_roles(text: str, written: str) -> None:
    lowered = text.lower()
    start = lowered.index(written.lower())
    end = start + len(written)
    assert role_of(lowered, start, end, *_sentence(lowered, start, end)) == ACT_BY


@pytest.mark.parametrize(("text", "notice_type", "want"), [
    # an act-by date, whatever the type
    ("Der neue Preis gilt ab dem 01.03.2027. Wenn Sie zum alten Preis kündigen möchten, kündigen Sie bis zum "
     "15.02.2027.", "marketplace.subscription", True),
    # the date impact starts, for a type whose mail names one
    ("AWS a décidé de mettre fin au service Exemple, à compter du 30 septembre 2027.", "health.other", True),
    # a card charged automatically, no action needed: no deadline
    ("We will charge your card on or after January 15, 2027; no action is required.", "billing.payment_failed",
     False),
    # a maintenance that restarts the reader's resource names its deadline; one that does not, none
    ("The maintenance window opens on January 20, 2027; the instance is rebooted during the window.",
     "health.scheduled_maintenance", True),
    ("Maintenance is scheduled on your connection starting on January 20, 2027.", "health.scheduled_maintenance",
     False),
    # a refund's date is no deadline
    ("The refund will be credited to your card on or before January 20, 2027.", "billing.other", False),
])
def test_evidenced_without_a_rule(text: str, notice_type: str, want: bool) -> None:
    found = best_deadline(text, MAIL_DATE, notice_type, evidence=True)
    assert found is not None
    assert evidenced(found, notice_type) is want


def test_the_classifier_takes_an_act_by_date_no_rule_asked_for() -> None:
    raw = ("From: Amazon Web Services <no-reply@marketplace.example.org>\nTo: root@example.com\n"
           "Subject: Hinweis zu Ihrem Konto\nDate: Sun, 10 Jan 2027 09:00:00 +0000\nMIME-Version: 1.0\n"
           "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n"
           "Ihr Abonnement wird neu berechnet. Bitte bestätigen Sie die Änderung bis spätestens Freitag, "
           "5. Februar 2027.\n").encode()
    notice = NoticeClassifier().classify(parse_mail(raw))
    assert notice.deadline == "2027-02-05"
    assert notice.deadline_source is not None and "5. februar 2027" in notice.deadline_source.lower()
