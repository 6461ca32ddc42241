"""The deadline reader's faster scans give what the plain ones give (speed work: no result may change).

Each shortcut of :mod:`routing.deadline` against the code it replaces: the unit scan of the validity periods, the
ordinal words' pre-check, the sentence's left bound, :func:`routing.deadline.worth_looking`'s single reading of
:func:`routing.dateroles.may_ask`, the context patterns searched branch by branch (:mod:`routing.deadline_branches`)
and the day-first numeric date's pre-check."""

from __future__ import annotations

import re
from itertools import islice

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import deadline
from routing.dateroles import acts_by_then, may_ask, may_hold_act_by
from routing.deadline_branches import needled_branches, search_any
from routing.patterns import top_level_branches

_WORDS = ("day", "days", "today", "dayday", "jours", "giorni", "tage", "dias", "días", "有効", "有效", "유효",
          "valid for", "valid", "3", "30", "for", "link", "the", ".", ". ", "\n", "\n\n", "  ", "sept.", "2027.",
          "5.", "mon.", "...", "please", "reply", "within", "by friday", "by", "before", "friday", "if we", "last day",
          "ninth", "of", "april", "twenty-first", "parenthesis", "seventh", "x")
_texts = st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=4)), max_size=40).map(" ".join)


@settings(max_examples=500, deadline=None)
@given(text=_texts)
def test_valid_unit_scan_finds_what_finditer_finds(text: str) -> None:
    lowered = text.lower()
    plain = [m.span() for m in islice(deadline._VALID_UNIT.finditer(lowered), deadline.MAX_DATES)]
    assert [m.span() for m in deadline._valid_units(lowered)] == plain


def test_valid_unit_scan_stops_at_max_dates() -> None:
    lowered = "valid for 3 days " * (deadline.MAX_DATES + 50)
    units = deadline._valid_units(lowered)
    assert len(units) == deadline.MAX_DATES
    assert [m.span() for m in units] == [m.span() for m in islice(deadline._VALID_UNIT.finditer(lowered),
                                                                   deadline.MAX_DATES)]


def test_valid_unit_starts_open_every_alternative() -> None:
    """Every branch of _VALID_UNIT begins with one of the literals the scan looks for."""
    for word in ("day", "days", "jours", "giorni", "tage", "dias", "días", "有効", "有效", "유효"):
        match = deadline._VALID_UNIT.search(f" {word} ")
        assert match is not None and any(f" {word} ".startswith(start, match.start())
                                         for start in deadline._VALID_UNIT_STARTS), word


def test_ordinal_scan_covers_every_ordinal_word() -> None:
    """Each ordinal word (and so each cue) holds one of the shorter literals: no text the cues let in is kept out."""
    for word in (*deadline._ORDINAL_DAYS, *deadline._ORDINAL_CUES):
        assert any(literal in word for literal in deadline._ORDINAL_SCAN), word


@settings(max_examples=300, deadline=None)
@given(text=_texts)
def test_ordinal_days_changes_only_texts_the_cues_let_in(text: str) -> None:
    lowered = text.lower()
    if not any(map(lowered.__contains__, deadline._ORDINAL_CUES)):
        assert deadline.ordinal_days(lowered) == lowered


def _sentence_plain(text: str, start: int, end: int) -> tuple[int, int]:
    """:func:`routing.deadline._sentence` as it was: every sentence end tested, the last kept."""
    left = max(0, start - 200)
    cuts = [m.end() for m in deadline._SENTENCE_END.finditer(text, left, start) if deadline._ends_sentence(text, m)]
    left = cuts[-1] if cuts else left
    stop = min(len(text), end + 200)
    title_end = text.find("\n", 0, stop)
    if 0 <= title_end < start:
        left = max(left, title_end + 1)
    elif title_end >= end:
        stop = title_end
    after = deadline._SENTENCE_END.search(text, end, stop)
    while after is not None and not deadline._ends_sentence(text, after):
        after = deadline._SENTENCE_END.search(text, after.end(), stop)
    return left, after.start() + 1 if after else stop


@settings(max_examples=500, deadline=None)
@given(text=_texts, data=st.data())
def test_sentence_bounds_are_the_plain_ones(text: str, data: st.DataObject) -> None:
    lowered = text.lower()
    start = data.draw(st.integers(0, len(lowered)))
    end = data.draw(st.integers(start, len(lowered)))
    assert deadline._sentence(lowered, start, end) == _sentence_plain(lowered, start, end)


def test_sentence_bounds_of_dotted_and_abbreviated_text() -> None:
    text = "subject\nPayment due ...... 14 jan 2027. Endet am fr. 26.03.2027. Sept. 1, 2027 is the day.\n\nNext."
    for start in range(len(text)):
        for end in (start, min(len(text), start + 5)):
            assert deadline._sentence(text, start, end) == _sentence_plain(text, start, end)


def _worth_looking_plain(lowered: str, notice_type: str | None) -> bool:
    """The tail of :func:`routing.deadline.worth_looking` as it was (may_ask asked by each test)."""
    if any(map(lowered.__contains__, deadline._RELATIVE_CUES)) and may_ask(lowered):
        return True
    if acts_by_then(lowered):
        return True
    if "last d" in lowered and deadline._LAST_DAY_TO_DATE.search(lowered) is not None:
        return True
    if "if " in lowered and ("we " in lowered or "ses " in lowered or "aws " in lowered) \
            and deadline._IMPOSED.search(lowered) is not None:
        return True
    if deadline._weekday_asks(lowered) and may_ask(lowered):
        return True
    return may_hold_act_by(lowered)


@settings(max_examples=400, deadline=None)
@given(text=_texts)
def test_worth_looking_reads_may_ask_once_with_the_same_answer(text: str) -> None:
    lowered = text.lower()
    assert deadline.worth_looking(lowered, None) == _worth_looking_plain(lowered, None)
    # (the shortcut's premise: nothing may_ask rejects may hold an act-by date)
    assert may_ask(lowered) or not may_hold_act_by(lowered)


def test_worth_looking_examples() -> None:
    for text in ("please send the documents by friday.", "please upload them within 10 days.",
                 "we will close the case if we do not hear from you by 5 may 2027.",
                 "the last day to launch new instances is jun 30, 2027.", "thank you for using aws.",
                 "please update your client by then.", "reply within 3 days", "within 3 days"):
        assert deadline.worth_looking(text, None) == _worth_looking_plain(text, None), text


# ---------------------------------------------------------------- the context patterns searched branch by branch

_CONTEXT_WORDS = ("was", "were", "that was", "which were", "not reached", "reached", "be released", "released",
                  "announced", "since", "launched from", "launched", "began", "published on", "published on the",
                  "published:", "notified you", "completed on", "you registered", "as you requested", "ha registrado",
                  "vous avez enregistré", "sie haben ihre domain", "last attempt on", "will", "stop", "stopped",
                  "upgrade", "fees", "will cost", "replacing instances", "will be rebooted", "shut down", "blocked",
                  "denied", "migrate", "advise", "be advise", "delete", "still active", "enforced", "wartung",
                  "verwartung", "support", "end of life", "end of support", "scheduled time", "maintenance",
                  "restart date", "heure de migration", "交換日時", "deprecated", "no longer supported", "the", ".",
                  "\n", "x", "ends", "extended")
_contexts = st.lists(st.one_of(st.sampled_from(_CONTEXT_WORDS), st.text(max_size=3)), max_size=25).map(" ".join)


@settings(max_examples=600, deadline=None)
@given(text=_contexts)
def test_context_patterns_branch_by_branch_answer_as_whole(text: str) -> None:
    context = text.lower()
    for (pattern, _), branches, rest in zip(deadline._CONTEXT, deadline._CONTEXT_BRANCHES, deadline._CONTEXT_REST,
                                            strict=True):
        split = (branches is not None and any(map(context.__contains__, branches[0]))) or search_any(rest, context)
        assert split == (pattern.search(context) is not None), pattern.pattern


def test_context_patterns_split_into_their_own_branches() -> None:
    for (pattern, _), branches, rest in zip(deadline._CONTEXT, deadline._CONTEXT_BRANCHES, deadline._CONTEXT_REST,
                                            strict=True):
        whole = pattern if branches is None else branches[1]
        if whole is None:
            assert rest == ()
            continue
        parts = [branch.pattern for _, branch in rest]
        assert sorted("|".join(parts).split("|")) == sorted(whole.pattern.split("|"))
    # (the fact and the act patterns are the ones split: ~20 µs a sentence each, searched whole)
    assert max(len(rest) for rest in deadline._CONTEXT_REST) > 30


@pytest.mark.parametrize(
    ("source", "branches"),
    [
        ("a|b(c|d)|[|]|\\||e", ["a", "b(c|d)", "[|]", "\\|", "e"]),
        ("[]|]x|y", ["[]|]x", "y"]),
        ("[^]|]x|(?:p|q)r|s", ["[^]|]x", "(?:p|q)r", "s"]),
        ("\\(|\\)|z", ["\\(", "\\)", "z"]),
        ("single", ["single"]),
    ],
)
def test_top_level_branches(source: str, branches: list[str]) -> None:
    assert top_level_branches(source) == branches


def test_unsplittable_patterns_stay_whole() -> None:
    for source in (r"(a)b\1|c", r"(?i)a|b", r"(?P<x>a)(?P=x)|c", "(a)?(?(1)b|c)|d"):
        pattern = re.compile(source)
        assert needled_branches(pattern) == ((None, pattern),)
    pattern = re.compile("ab|cd", re.IGNORECASE)
    assert needled_branches(pattern) == ((None, pattern),)


def test_search_any_is_linear_in_blank_runs() -> None:
    """Each branch is searched at most once per text: the work is the whole pattern's, a branch at a time."""
    text = " " * 50_000 + "was"
    rest = deadline._CONTEXT_REST[-1]
    assert search_any(rest, text) == (deadline._CONTEXT[-1][0].search(text) is not None)
    branches = deadline._CONTEXT_BRANCHES[-1]
    assert branches is not None and branches[1] is not None
    assert len(rest) <= len(top_level_branches(branches[1].pattern))


# ---------------------------------------------------------------- the day-first numeric date's pre-check

_NUMERIC_WORDS = ("15.03.2026", "02-02-2027", "1.2.2027", "1-2-2027", "15.03-2026", "115.03.2026", "5.03.20261",
                  "v1.15.03.2026", "-15-03-2026", ".", "-", "2026", "15", "3", "03", " ", "x", "1.30", "10.6.18")


@settings(max_examples=600, deadline=None)
@given(text=st.lists(st.one_of(st.sampled_from(_NUMERIC_WORDS), st.text("0123456789.- x", max_size=6)),
                     max_size=20).map("".join))
def test_numeric_dmy_pre_check_answers_as_the_search(text: str) -> None:
    assert deadline._has_numeric_dmy(text) == (deadline._NUMERIC_DMY.search(text) is not None)
