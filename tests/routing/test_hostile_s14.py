"""Hostile input against session 14's patterns: the tail that may stand after a date in Japanese, Korean and Chinese
(:data:`routing.dateroles.CJK_DATE_TAIL`: a weekday, a time, a zone) and every pattern built on it; and the "by
then" pattern searched only near its cues (:func:`routing.dateroles.by_then_in`), the same matches as a search of
the whole text.

Its first form joined optional runs of white space (``\\s*(?:午前)?\\s*\\d``, a zone's ``\\s*`` before the particle's
``\\s*``): a date followed by 20,000 spaces took 7 s to read in one pattern, and the routing suite hung on a hostile
mail. Every run of white space in these patterns is now possessive (``\\s*+``): the run is read once. The test is
structural (no timing): it fails when a run that can give characters back comes into one of them again.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dateroles, deadline

# a run of white space that can give characters back: \s* or \s+ not followed by the possessive +
_GREEDY_RUN = re.compile(r"\\s[*+](?!\+)")

PATTERNS = {
    "CJK_DATE_TAIL": dateroles.CJK_DATE_TAIL,
    "_BY_AFTER": dateroles._BY_AFTER.pattern,
    "_START_AFTER": dateroles._START_AFTER.pattern,
    "_JA_AFTER": deadline._JA_AFTER.pattern,
}


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_white_space_after_a_cjk_date_is_read_once(name: str) -> None:
    tail = PATTERNS[name]
    if name != "CJK_DATE_TAIL":
        tail = tail[:tail.index(dateroles.CJK_DATE_TAIL) + len(dateroles.CJK_DATE_TAIL) + len(r"\s*+")]
    assert _GREEDY_RUN.search(tail) is None, tail


def test_the_tail_still_reads_a_weekday_a_time_and_a_zone() -> None:
    tail = re.compile(dateroles.CJK_DATE_TAIL + r"\s*+まで")  # (read in lower-cased text)
    for text in ("（月）10:00 utc まで", " 월요일 오전 10:00 (utc)まで", " 周一 上午10:00 (utc) まで",
                 " (月曜日) 午前10時 (utc) まで", "   まで"):
        assert tail.match(text) is not None, text


_PIECES = ["by then", "by that date", "bis dahin", "d'ici là", "para esa fecha", "até lá", "entro tale data",
           "それまでに", "在此之前", "그때까지", "before the due date", "vor dem Fälligkeitsdatum",
           "avant la date d'échéance",
           "antes de la fecha de vencimiento", "até a data de vencimento", "entro la data di scadenza", "期日までに",
           "繳款期限前", "납부 기한까지", "before the scheduled deletion time", "before then", "vor diesem Datum",
           "avant cette date", "antes de esa fecha", "prima di tale data", "この日までに", "该日期前", "이 날짜 이전에",
           "then", "data", "database", "antes", "avant", "fecha", " ", ", ", "x", "bis", "ici", "\n",
           # every other branch of the pattern (session 15 made the cues specific to their branches)
           "by this date", "by that day", "by that time", "bis zu diesem Datum", "bis zu diesem Tag", "d'ici la",
           "d'ici cette date", "hasta esta fecha", "para dicha fecha", "até essa data", "até esta data",
           "entro quella data", "entro questa data", "届时", "그 전에", "on or before the payment due date",
           "by the payment deadline", "before the scheduled maintenance date", "bis zum Fälligkeitsdatum",
           "期限までに", "付款截止日期前", "缴款期限之前", "납부 기한 내에", "before that date", "before this day",
           "before it ends", "before the end", "vor dem Tag", "avant ce jour", "avant la fin", "antes de dicha fecha",
           "antes dessa data", "antes da data", "prima di quella data", "prima di questa data", "その日付までに",
           "此日期之前", "这个日期前", "이 날짜 전에", "이 날짜까지", "authentication", "the end", "until then",
           # the effective date's branches (EFFECTIVE_DATE_ASK, session 16)
           "before the effective date", "prior to the start date", "by the change date",
           "antes de la fecha de entrada en vigor", "antes de la fecha de aplicación", "antes da data de início",
           "avant la date d'entrée en vigueur", "avant la date d'effet", "prima della data di decorrenza",
           "vor dem Inkrafttreten", "vor dem Stichtag", "vor dem Startdatum", "適用開始日の前日までに", "発効日までに",
           "生效日期前一天之前", "开始日期前", "变更日期之前", "적용일 전날까지", "시행일까지", "변경일 전일까지"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
@settings(max_examples=1500, deadline=None)
def test_by_then_near_its_cues_equals_its_pattern(pieces: list[str]) -> None:
    text = "".join(pieces).lower()
    found = dateroles.by_then_in(text)
    reference = dateroles.BY_THEN.search(text)
    assert (found is None) == (reference is None), text
