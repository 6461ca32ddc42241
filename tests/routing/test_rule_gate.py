"""The rule gate of :mod:`routing.notices` never skips a rule that would match.

A gate (per match block: its short fields -- sender, family, event type -- and the lower-case
literals one of which the block's cheapest literal-bearing field must hold) lets
:meth:`NoticeRules.first_match` skip a rule with a few ``in`` tests. These
tests compare gated and ungated matching over every fixture mail, the shared samples, and random
texts built from the rules' own literals and patterns' needles.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.classify import mail_view
from routing.notices import (
    GATED_KEYS,
    MailView,
    NoticeRule,
    NoticeRules,
    default_notice_rules,
    parse_notice_rules,
    rule_gate,
)
from routing.parse import UnparseableMail, parse_mail
from routing.taxonomy import default_taxonomy
from tests.conftest import shared_path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RULES = default_notice_rules()


def _passes(rule: NoticeRule, view: MailView) -> bool:
    assert view.lowered is not None
    if rule.gate is None:
        return True
    return any(any(needle in view.lowered[index] for needle in needles) for _, index, needles in rule.gate)


def _check(view: MailView) -> None:
    """Every rule that matches passes its gate; gated and ungated first matches are the same rule."""
    for rule in RULES.rules:
        if rule.matches(view):
            assert _passes(rule, view), rule.id
    ungated = dataclasses.replace(view, lowered=None)
    assert RULES.first_match(view) == RULES.first_match(ungated)


def test_most_rules_are_gated() -> None:
    """The gate is worth its keep: most shipped rules have one (a check that it is computed at all)."""
    gated = [rule for rule in RULES.rules if rule.gate is not None]
    assert len(gated) >= len(RULES.rules) // 2
    for rule in gated:
        assert rule.gate == rule_gate(rule.match)
        assert rule.gate is not None and len(rule.gate) == len(rule.match)


def test_gate_indexes_follow_mailview_lowered() -> None:
    view = MailView.of("A@B.example", "Name", "Subj", "Body", (), family="Health", event_type="AWS_EC2_X")
    assert view.lowered is not None
    expected = ("a@b.example", "name", "health", "aws_ec2_x", "subj", "body", "subj\nbody")
    assert dict(zip(GATED_KEYS, view.lowered, strict=True)) == dict(zip(GATED_KEYS, expected, strict=True))


def test_gate_skips_nothing_on_fixture_mails() -> None:
    paths = sorted(FIXTURES.rglob("*.eml"))
    checked = 0
    for path in paths:
        try:
            parsed = parse_mail(path.read_bytes())
        except UnparseableMail:
            continue  # hostile fixtures that are no message at all: nothing to classify
        _check(mail_view(parsed))
        checked += 1
    assert checked > 50


def test_gate_skips_nothing_on_shared_samples() -> None:
    paths = sorted(shared_path("aws-notices").rglob("*.eml"))
    assert paths
    for path in paths:
        _check(mail_view(parse_mail(path.read_bytes())))


def _literals() -> list[str]:
    """The rules' needles and a few literal-looking fragments of their patterns (upper-cased too)."""
    out: set[str] = set()
    blocks = [c for rule in RULES.rules for c in (*rule.match, *rule.unless)]
    blocks += [c for modifier in RULES.modifiers for c in (*modifier.match, *modifier.unless)]
    patterns = [p for condition in blocks for _, ps in (*condition.fields, *condition.headers) for p in ps]
    for pattern in patterns:
        out.update(pattern.needles or ())
        plain = "".join(c if c.isalnum() or c in " @.-:" else " " for c in pattern.regex.pattern).split("  ")
        out.update(piece.strip() for piece in plain if len(piece.strip()) >= 3)
    return sorted(out | {x.upper() for x in out} | {x.title() for x in out})


LITERALS = _literals()
pieces = st.lists(st.one_of(st.sampled_from(LITERALS), st.text(max_size=6)), max_size=12).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(sender=pieces, name=pieces, subject=pieces, body=pieces,
       family=st.sampled_from(["", "health", "billing", "general", "credentials", "verification"]),
       event_type=st.sampled_from(["", "AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "AWS_RDS_MAINTENANCE"]))
def test_gate_skips_nothing_on_texts_of_the_rules_literals(sender: str, name: str, subject: str, body: str,
                                                           family: str, event_type: str) -> None:
    _check(MailView.of(sender, name, subject, body, (), family=family, event_type=event_type))


@pytest.mark.parametrize("rule", [r for r in RULES.rules if r.gate is not None], ids=lambda r: r.id)
def test_gate_passes_when_its_rule_matches_on_needles(rule: NoticeRule) -> None:
    """A text that holds every needle of the rule in every gated field passes the gate (and the
    gate fails on a text that holds none of them: it does skip)."""
    assert rule.gate is not None
    needles = " ".join(n for _, _, ns in rule.gate for n in ns)
    full = MailView.of(needles, needles, needles, needles, (), family=needles, event_type=needles)
    assert _passes(rule, full)
    empty = MailView.of("", "", "", "", ())
    assert not _passes(rule, empty)


def test_a_block_whose_short_field_fails_is_skipped_before_its_literals_are_sought() -> None:
    rules = parse_notice_rules(
        "rules:\n"
        "  - id: health-words\n    type: health.other\n"
        "    match: {family: '^(?:health|general)?$', body: 'scheduled for retirement'}\n"
        "  - id: any-words\n    type: unknown\n    match: {body: 'scheduled for retirement'}\n")
    first = rules.rules[0]
    assert first.gate is not None
    (short, index, needles), = first.gate
    assert [key for key, _, _ in short] == ["family"] and GATED_KEYS[index] == "body"
    assert needles == ("scheduled for retirement",)
    body = "Your instance is scheduled for retirement."
    billing = MailView.of("a@b.example", "", "", body, (), family="billing")
    health = MailView.of("a@b.example", "", "", body, (), family="health")
    for view in (billing, health):
        _check_rules(rules, view)
    assert rules.first_match(billing) is rules.rules[1]
    assert rules.first_match(health) is first


def _check_rules(rules: NoticeRules, view: MailView) -> None:
    ungated = dataclasses.replace(view, lowered=None)
    assert rules.first_match(view) == rules.first_match(ungated)


def test_modifiers_skipped_by_type_are_those_that_cannot_match() -> None:
    """:meth:`NoticeRules.modifiers_for` leaves out only modifiers that do not match a mail of that
    type: over every fixture mail and every taxonomy type, the same modifiers match."""
    types = sorted(default_taxonomy().types)
    views = []
    for path in sorted(FIXTURES.rglob("*.eml")):
        try:
            views.append(mail_view(parse_mail(path.read_bytes())))
        except UnparseableMail:
            continue
    assert len(views) > 50 and RULES.modifiers
    skipped = 0
    for notice_type in types:
        kept = RULES.modifiers_for(notice_type)
        assert kept == RULES.modifiers_for(notice_type)  # cached, same answer
        skipped += len(RULES.modifiers) - len(kept)
        for view in views:
            assert [m.id for m in RULES.modifiers if m.matches(view, notice_type)] == \
                [m.id for m in kept if m.matches(view, notice_type)], notice_type
    assert skipped > len(types)  # most types skip most modifiers
