"""Session 58's new patterns on hostile input. Every gap they leave between two literals is bounded, and mails made of
their cues repeated many times, or among long runs of blanks, still read as the mails they imitate. Nothing here is
timed (test_hostile_complexity's rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from routing import deadline
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

FEB_3 = format_datetime(datetime.fromisoformat("2027-02-03T08:00:00+00:00"))
AWS = "no-reply-aws@amazon.com"
#: a literal of each pattern session 58 added to the rules
NEW_LITERALS = (
    "caso di supporto|cas de support", "uso accettabile", "(?:作成|オープン|開設|起票|開始)(?:いた)?しました",
    "に代わって", "a new (?:reply|response)", "新しい(?:返信|回答)", "una nueva respuesta",
    "(?:evaluates|enforces|validates", "(?:Ihrem|Ihren|Ihr|dem|den) (?:Support-?)?Fall",
    "(?:andat[oa] a buon fine|riuscit[oa])", "n.a pas abouti", "(?:war|ist) nicht erfolgreich",
    "rifiutat[oa] dalla banca emittente", "E-?Mail-Adresse(?:[^.\\n]|\\.(?=\\S)){0,80}?bestätig",
    "(?:window|time|slot|schedule|finestra|orario",
)
#: the alternatives session 58 added to the Python patterns, each in the pattern named beside it
NEW_FRAGMENTS = (
    (deadline._LEAD_START, "(?:scheduled |maintenance |window |(?:维护|維護|メンテナンス|유지 ?관리 ?|점검 ?))?"),
    (deadline._PAST_JA, "에\\s[^.。\\n]{0,80}?\\s초대(?:했습니다|하였습니다|되었습니다)|"),
    (deadline._PAST_JA, "に[^。\\n]{0,80}?招待(?:いたしました|しました|されました)|"),
)


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS)) == []


def test_fifty_invitations_sent_keep_the_validity_end_as_the_deadline() -> None:
    # (each sent day a fact: the validity's end after them all stays the deadline; a mail of far more dates is read
    # only as far as the deadline reader's own bounds on dates)
    sent = "관리 계정 184400291736이(가) 2027년 2월 3일에 귀하의 AWS 계정을 조직에 초대했습니다. " * 50
    body = sent + "\n\n이 초대는 2027년 2월 17일까지 유효합니다."
    assert classify(AWS, "AWS Organizations", body, date=FEB_3).deadline == "2027-02-17"


def test_a_case_opened_at_the_readers_request_repeated_stays_the_readers() -> None:
    body = "AWS サポートは、お客様のご依頼によりケース 28140073315 を作成しました。" * 2_000
    assert classify(AWS, None, body, date=FEB_3).notice_type != "support.case_opened_by_aws"


@pytest.mark.parametrize("blank", BLANKS)
def test_aws_and_its_case_apart_by_a_long_blank_run_are_no_case_aws_opened(blank: str) -> None:
    # (the gap between the opener and the case is bounded: a run of 20,000 blanks between is no sentence)
    body = "AWS サポートは、" + blank * 20_000 + "ケース 28140073315 を作成しました。"
    assert classify(AWS, None, body, date=FEB_3).notice_type != "support.case_opened_by_aws"


def test_a_case_subject_over_a_long_body_that_names_abuse_at_its_end_stays_an_abuse_report() -> None:
    body = "Quokka. " * 25_000 + "Segnalazione di abuso: le istanze Quokka inviano spam."
    subject = "Caso di supporto 28140073315 [AWS ID 730215948806]"
    assert classify("abuse@amazonaws.com", subject, body, date=FEB_3).notice_type == "abuse.report"


@pytest.mark.parametrize("blank", BLANKS)
def test_many_empty_start_fields_before_the_real_one_keep_its_date(blank: str) -> None:
    body = ("Amazon Quokka 730215948806\n\n" + ("維護開始時間：" + blank * 3 + "\n") * 3_000
            + "維護開始時間：2027/03/09 04:00 UTC\n預計時長：3 小時\n\n維護期間，叢集節點將會重新開機。")
    notice = classify("health@aws.com", "Amazon Quokka maintenance", body, date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-09")
