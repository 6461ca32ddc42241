"""Session 56's new patterns on hostile input. Every gap they leave between two literals is bounded (no ``.*``,
``[^…]*`` or ``[^…]+`` that may run over a whole body), and mails made of their cues among long runs of blanks, or
repeated many times, still read as the mails they imitate. Nothing here is timed (test_hostile_complexity's rule);
bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

import re
from datetime import datetime
from email.utils import format_datetime

import pytest

from routing import deadline, identifiers
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
#: a literal of each pattern session 56 added to the rules
NEW_LITERALS = ("suggests? (?:that )?(?:someone", "(?:联系人|聯絡人|聯繫人|者|人)",
                "(?:域名|網域|网域)[^\\n。]{0,60}?的",
                "\\byour (?:AWS )?account (?:[\\d*•xX]{4}[- ]?[\\d*•xX]{4}[- ]?[\\d*•xX]{4} )?(?:may|might)",
                "サポート(?:は|が)[^。\\n]{0,40}?", "支[持援](?:将|將)(?:于|於)[^。\\n]{0,30}?",
                "\\bStandard-?[Ss]upport\\b[^.\\n]{0,60}?",
                "(?:charge|fee) for\\b[^.]{0,120}?\\b(?:will apply", "we will (?:begin to |start to )?(?:charge|bill)",
                "(?: Support)? (?:has )?opened (?:a )?(?:support )?case (?:\\d{10,17} )?",
                "opened (?:a )?(?:support )?case \\d{10,17} for", "您(?:聯絡|聯繫|联络)",
                "\\[case (?:id:? |#)?\\d{10,17}\\]", "支[持援][^。；;\\n]{0,30}结束")
#: the alternatives session 56 added to the Python patterns, each in the pattern named beside it
NEW_FRAGMENTS = (
    (identifiers._OTHER_AFTER, "(?:[이가은는]|에서|が|は)[ \\t,、]*+[^\\n.。!?！？]{0,80}?"),
    (identifiers._OTHER_AFTER, "(?:から|로부터)[^\\n.。!?！？]{0,40}?(?:招待|초대)"),
    (identifiers._OTHER_AFTER, "(?:已经?)?邀请(?!您)|向[^\\n。]{0,60}?发送了?[^\\n。]{0,20}?邀请"),
    (deadline._LEAD_WINDOW, "(?:排定|计划|計劃|预定|預定)(?:的)?(?:时间|時間)|(?:実施|作業|メンテナンス)?予定日時|"),
    (deadline._PAST_JA, "に\\s*(?:受け付け|受付|受け取り|承り|届き)(?:いたし|し)?ました"),
    (re.compile(deadline._ANNOUNCED_DATE), "(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?"),
    (deadline._PAST_AFTER_FOREIGN, "suspendimos|hemos (?:suspendido|cerrado|bloqueado|desactivado)|"),
    (deadline._AWS_RESPONDS, "|\\bwe (?:expect|estimate|anticipate) (?:it|this|the [\\w-]+(?: [\\w-]+)?) to "),
    (deadline._SELF_CLOSING_CASE, "(?:若|如果)您?在[^。\\n]{1,40}?(?:之前|以前|前)"),
    (deadline._SELF_CLOSING_CASE, "까지 (?:회신|답변|응답)(?:이|을)? (?:없|주시지 않)으면[^.\\n]{0,30}?"),
    (deadline._PAST_JA, "에\\s[^.。\\n]{0,40}?(?:게시|게재|공개|발표|발행)"),
    (deadline._CREATED, "publication date) (?:de|of|del|da|di) [^:：\\n]{1,40}?|"),
    (deadline._END_DATE_FIELD, "(?:(?:plan|term|commitment|reservation) )?end date[ \\t]*[:：]?[ \\t]*"),
)


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS, NEW_FRAGMENTS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_an_inviter_named_as_a_korean_subject_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"안녕하세요,{run}AWS 계정 517203948861(조직 o-7kq2m1x9zz의 관리 계정)이 AWS 계정 "
            f"640118273955을(를) 조직에 초대했습니다.{run}초대 ID: h-0a1b2c3d4e5f6a7b{run}AWS Organizations")
    assert extract_identifiers("", body, {}, None).aws_account_id == "640118273955"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_registrant_verification_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"您好，{run}您透過 Amazon Route 53 註冊了網域 quokka-garden.example。{run}"
            f"我們需要確認註冊人的電子郵件地址。{run}Amazon Route 53")
    notice = classify("noreply@registrar.amazon.com", "請確認網域的聯絡人電子郵件地址", body, date=MAR_3)
    assert notice.notice_type == "verification.route53_registrant"


def test_a_body_of_repeated_subject_particles_without_the_inviting_verb_keeps_the_first_account() -> None:
    # ids each followed by a subject particle and filler, never the active verb: none is read as the inviter
    body = "".join(f"AWS 계정 5172039488{n:02d}이 조직 o-7kq2m1x9zz의 구성원입니다 " for n in range(40)) * 50
    assert extract_identifiers("", body, {}, None).aws_account_id == "517203948800"


def test_a_body_of_repeated_domain_contact_cues_without_a_verification_is_no_registrant_mail() -> None:
    body = "網域 quokka-garden.example 的" * 5_000
    notice = classify("noreply@registrar.amazon.com", "網域", body, date=MAR_3)
    assert notice.notice_type != "verification.route53_registrant"


@pytest.mark.parametrize("blank", BLANKS)
def test_an_announced_charge_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"Hello,{run}We announced [1] that a charge for retaining Amazon Quokka snapshots beyond five years will "
            f"apply starting June 1, 2027.{run}Amazon Web Services")
    notice = classify("no-reply-aws@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"


def test_a_body_of_repeated_charge_subjects_without_their_verb_is_no_policy_change() -> None:
    body = "A charge for retaining Quokka snapshots beyond five years, " * 5_000
    notice = classify("no-reply-aws@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type != "policy.change_notice"
