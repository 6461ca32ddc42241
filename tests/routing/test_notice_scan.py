"""The notice rules read through one scan per mail (routing.notices ``_Scan``) decide exactly as
the per-pattern needle tests do: every condition of every rule on every fixture mail and shared
sample, and on random texts of the rules' literals."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from routing.classify import mail_view
from routing.notices import MailView, NoticeRule, _Scan, default_notice_rules
from routing.parse import UnparseableMail, parse_mail
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULES = default_notice_rules()


def _reference_first_match(view: MailView) -> NoticeRule | None:
    return next((rule for rule in RULES.rules if rule.matches(view)), None)


def _gate_decisions(view: MailView, scan: _Scan | None) -> list[bool]:
    """Per rule: whether its gate lets it be tried, by ``in`` tests (no scan) or through the scan."""
    assert view.lowered is not None
    lowered = view.lowered
    out = []
    for gate in RULES._gates:
        out.append(gate is None or any(
            not needle_set.isdisjoint(RULES._present(scan, lowered, index)) if scan is not None and index >= 4
            else any(needle in lowered[index] for needle in needles)
            for index, needles, needle_set in gate))
    return out


def _check(view: MailView) -> None:
    assert RULES._needles is not None
    scan = _Scan(RULES._needles, view)
    assert _gate_decisions(view, scan) == _gate_decisions(view, None)
    for rule in RULES.rules:
        for condition in (*rule.match, *rule.unless):
            assert condition.matches(view, scan=scan) == condition.matches(view), rule.id
    assert RULES.first_match(view) == _reference_first_match(view)


def test_every_needle_of_the_scanned_fields_is_in_the_needle_set() -> None:
    assert RULES._needles is not None
    for rule in RULES.rules:
        for condition in (*rule.match, *rule.unless):
            for name, patterns in condition.fields:
                if name in ("subject", "body", "text"):
                    for pattern in patterns:
                        assert set(pattern.needles or ()) <= RULES._needles.needles


def test_scanned_conditions_decide_as_needle_tests_on_fixture_mails() -> None:
    checked = 0
    for path in sorted(FIXTURES.rglob("*.eml")):
        try:
            view = mail_view(parse_mail(path.read_bytes()))
        except UnparseableMail:
            continue
        _check(view)
        checked += 1
    assert checked > 50


def test_scanned_conditions_decide_as_needle_tests_on_shared_mail() -> None:
    paths = sorted(shared_path("aws-notices").rglob("*.eml")) + sorted(shared_path("corpora").rglob("*.eml"))
    assert paths
    for path in paths:
        try:
            view = mail_view(parse_mail(path.read_bytes()))
        except UnparseableMail:
            continue
        _check(view)


def _literals() -> list[str]:
    assert RULES._needles is not None
    return sorted(RULES._needles.needles)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_literals(), " ", "\n", "x", "2026-03-01", "March 3, 2026"]), max_size=14),
       st.lists(st.sampled_from([*_literals(), " ", "x"]), max_size=4))
def test_scanned_conditions_decide_as_needle_tests_on_texts_of_rule_literals(body: list[str],
                                                                               subject: list[str]) -> None:
    for sender, family in (("no-reply@aws.com", "health"), ("aws-billing@amazon.com", "billing")):
        _check(MailView.of(sender, "AWS", "".join(subject), "".join(body), (), family=family))
