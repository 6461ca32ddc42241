"""routing.needles: the needles one scan reports are exactly those ``in`` finds, and the notice
rules' gates read through it decide as the ``in`` tests do."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.classify import mail_view
from routing.needles import NeedleSet
from routing.notices import MailView, _Scan, default_notice_rules
from routing.parse import UnparseableMail, parse_mail

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ALPHABET = "ab\n -é日\U0001f600"


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=4), max_size=12), st.text(ALPHABET, max_size=40))
def test_present_is_the_needles_in_the_text(needles: list[str], text: str) -> None:
    found = NeedleSet(needles).present(text)
    assert found == {needle for needle in needles if needle in text}


def test_no_needles_and_empty_text() -> None:
    assert NeedleSet([]).present("anything") == frozenset()
    assert NeedleSet(["a"]).present("") == frozenset()
    with pytest.raises(ValueError, match="empty needle"):
        NeedleSet(["a", ""])


def _gate_decisions_by_in(view: MailView) -> list[bool]:
    assert view.lowered is not None
    return [rule.gate is None or any(any(needle in view.lowered[index] for needle in needles)
                                     for index, needles in rule.gate) for rule in default_notice_rules().rules]


def _gate_decisions_by_scan(view: MailView) -> list[bool]:
    rules = default_notice_rules()
    assert view.lowered is not None
    assert rules._needles is not None
    scan = _Scan(rules._needles, view)
    out = []
    for gate in rules._gates:
        if gate is None:
            out.append(True)
            continue
        out.append(any(not needle_set.isdisjoint(rules._present(scan, view.lowered, index))
                       if index >= 4 else any(needle in view.lowered[index] for needle in needles)
                       for index, needles, needle_set in gate))
    return out


def test_scanned_gates_decide_as_in_tests_on_every_fixture_mail() -> None:
    checked = 0
    for path in sorted(FIXTURES.rglob("*.eml")):
        try:
            view = mail_view(parse_mail(path.read_bytes()))
        except UnparseableMail:
            continue
        assert _gate_decisions_by_scan(view) == _gate_decisions_by_in(view), path.name
        checked += 1
    assert checked > 50


def _rule_needles() -> list[str]:
    return sorted({needle for rule in default_notice_rules().rules for _, needles in rule.gate or ()
                   for needle in needles})


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_rule_needles(), " ", "\n", "x"]), max_size=12),
       st.lists(st.sampled_from([*_rule_needles(), " ", "x"]), max_size=4))
def test_scanned_gates_decide_as_in_tests_on_texts_of_rule_literals(body: list[str], subject: list[str]) -> None:
    view = MailView.of("no-reply@aws.com", "AWS", "".join(subject), "".join(body), (), family="health")
    assert _gate_decisions_by_scan(view) == _gate_decisions_by_in(view)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.text(ALPHABET, min_size=1, max_size=3), max_size=8), st.text(ALPHABET, max_size=40))
def test_occurrences_are_every_find(needles: list[str], text: str) -> None:
    def finds(needle: str) -> list[int]:
        out, at = [], text.find(needle)
        while at != -1:
            out.append(at)
            at = text.find(needle, at + 1)
        return out

    expected = {needle: finds(needle) for needle in set(needles) if needle in text}
    assert NeedleSet(needles).occurrences(text) == expected
