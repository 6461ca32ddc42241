"""Session 55's new rule patterns on hostile input. Every gap they leave between two literals is bounded or possessive
(no ``.*``, ``[^…]*`` or ``[^…]+`` that may run over a whole body), and mails made of their cues among long runs of
blanks, or repeated many times, still read as the mails they imitate. Nothing here is timed (test_hostile_complexity's
rule); bench/blank_runs.py and bench/classify.py measure speed."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify
from tests.routing.rulepatterns import BLANKS, new_pattern_sources, unbounded_gaps

MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))
#: a literal of each pattern session 55 added to the rules
NEW_LITERALS = ("suspenderemos (?:la|su|tu|a|sua)", "(?:まで|以前)に[^。\\n]{0,40}?場合", "sospenderemo (?:il",
                "(?:simplifying|changing|updating", "(?:rates?|prices?|fees?|charges?|pricing)\\b[^.]{0,80}?",
                "(?>[^。\\n由從从]{0,40})", "(?:料金|価格|単価)(?:は|が)(?>", "(?:요금|가격|단가)(?:이|은|는)(?>",
                "(?:宣布|宣佈)", "(?:由|從|从)每", "au lieu de", "en (?:lugar|vez) de", "invece di",
                "statt|anstelle von",
                "instead of",
                "nous vous informons d.une", "(?:送信元|差出人|發件", "ajustement)s? tarifaires?",
                "stay|remain) (?:the same|unchanged)", "vous n.avez aucune action",
                "(?:お客様|ご利用者)")


def test_the_new_patterns_are_found() -> None:
    assert new_pattern_sources(NEW_LITERALS)


def test_no_new_pattern_leaves_an_unbounded_gap() -> None:
    assert unbounded_gaps(new_pattern_sources(NEW_LITERALS)) == []


@pytest.mark.parametrize("blank", BLANKS)
def test_a_suspension_tied_to_its_date_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"お客様{run}Amazon Quokka のお支払いを確認できておりません。{run}"
            "2027年3月20日（土）までにご入金が確認できない場合、アカウントを一時停止させていただくことがあります。"
            f"{run}Amazon Web Services")
    notice = classify("aws-receivables-support@email.amazon.com", "AWS アカウントのお支払いについて", body, date=MAR_3)
    assert notice.notice_type == "billing.suspension_warning"


@pytest.mark.parametrize("blank", BLANKS)
def test_a_price_change_still_reads_after_long_runs_of_blanks(blank: str) -> None:
    run = blank * 20_000
    body = (f"Bonjour,{run}À compter du 1er juin 2027, les sauvegardes Amazon Quokka seront facturées 0,03 USD par Go "
            f"au lieu de 0,02 USD.{run}Amazon Web Services")
    notice = classify("aws-marketing-email-replies@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "policy.change_notice"


def test_a_body_of_repeated_price_cues_without_their_verb_is_no_price_change() -> None:
    # the cues of the Japanese price rule, repeated without the verb that closes it: nothing to read as a change
    body = "2027年6月1日から、料金は料金は からから。" * 5_000
    notice = classify("aws-marketing-email-replies@amazon.com", "", body, date=MAR_3)
    assert notice.notice_type == "marketing.newsletter"


def test_a_body_of_repeated_suspension_conditions_without_the_account_is_no_warning() -> None:
    # the condition of the Japanese suspension rule, repeated, its account never named: no suspension
    body = "2027年3月20日までにご入金が確認できない場合、" * 5_000
    notice = classify("aws-receivables-support@email.amazon.com", "AWS のご請求について", body, date=MAR_3)
    assert notice.notice_type != "billing.suspension_warning"
