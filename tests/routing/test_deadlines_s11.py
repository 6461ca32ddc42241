"""Session 11 (issue 12, items 3 and 7): the deadline read's cheap tests and the pick by the role a notice type expects.

The literal pre-scans of :mod:`routing.dateroles` (``_by_near_date``, ``_imperative_line``) find exactly what the
plain whole-text regexes find, on varied texts built from the pieces those regexes read."""

from __future__ import annotations

import random

import pytest

from routing import dateroles

# the pieces a text is built of: by-leads (9 languages), dates and their starts, CJK day marks, white space, line
# breaks, imperatives, near misses ("bypass", "abis", "d'icile", "1 日前"), and plain words
_PIECES = ("by ", "By ", "before ", "no later than ", "prior to ", "not later than ", "bis ", "bis zum ", "vor dem ",
           "spätestens ", "avant le ", "au plus tard le ", "d'ici le ", "d’ici le ", "dici le ", "antes de ",
           "antes del ", "a más tardar el ", "a mais tardar em ", "entro il ", "prima del ", "non oltre il ", "até ",
           "bypass ", "abis ", "standby ", "hobby", "12:00 utc ", "23:59:59 pst on ", "monday, ", "friday ",
           "march 3, 2027", "mär 3", "déc. 4", "4 ", "2027-01-05", "2027年1月5日", "2027년 1월 5일", "5 日", "5日",
           "5일", "일", "日", " (月)", " (월) ", "までに", "まで", "까지", "이전", "之前", "前", "より前", "\n", "\n  ",
           " ", "  ", "\t", ".", ", ", "update ", "Update ", "rotate ", "back up ", "sauvegardez ", "mettez ",
           "please ", "the instance ", "x", "ez", "\u3000", "\x1c", "١", "\n\n", "take action ", "é")


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


@pytest.mark.parametrize("seed", range(8))
def test_by_near_date_prescan_finds_what_the_regex_finds(seed: int) -> None:
    for text in _texts(3000, seed):
        for variant in (text, text.lower()):
            assert dateroles._by_near_date(variant) == (dateroles._BY_NEAR_DATE.search(variant) is not None), variant


@pytest.mark.parametrize("seed", range(8))
def test_imperative_line_finds_what_the_regex_finds(seed: int) -> None:
    for text in _texts(3000, seed + 100):
        for variant in (text, text.lower()):
            assert dateroles._imperative_line(variant) == (dateroles._IMPERATIVE_LINE.search(variant) is not None), \
                variant


@pytest.mark.parametrize(("text", "want"), [
    ("please upgrade by march 3, 2027.", True),
    ("bitte bis zum 3. märz 2027 aktualisieren.", True),
    ("veuillez migrer d'ici le 3 mars 2027.", True),
    ("2027年3月3日 (水) までに更新してください。", True),
    ("2027년 3월 3일 까지 업데이트하십시오.", True),
    ("this bypass was used by the team.", False),  # a by-lead, no date after it
    ("please read the notes. nothing is due.", False),
])
def test_may_hold_act_by(text: str, want: bool) -> None:
    assert dateroles.may_hold_act_by(text) is want
