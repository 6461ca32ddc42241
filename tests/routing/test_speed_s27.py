"""Session 27's faster forms give exactly what their plain forms give: routing.stages's ``_reference`` (the pattern
tried only where its opening literals stand) against the whole-text search; routing.notices's ``first_match`` with
the family's plan (the gates' family tests answered once per family) against the ungated first match, for the shipped
families and others (upper-case, unknown, more than the plans kept); routing.patterns's ``literal_branches`` (a
boolean search of an alternation as ``in`` tests of its literal branches, then the rest) against the pattern's own
search, for every pattern of routing.deadline's ``_CONTEXT``."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import deadline, notices, patterns, stages

REFERENCE_PIECES = ["before", "by", "no later than", "prior to", "ahead of", "bis", "vor",
                    "spätestens", "antes de", "antes da", "antes do", "avant", "d'ici",
                    "d’ici", "entro", "prima di", "prima dell'", "até", " the ", " zum ",
                    " l'", "last", "final", "letzten", "última", "dernière", "second",
                    "3rd", "zweiten", "troisième", " stage", " phase", " date", " data",
                    "a data", " 2", " 7", "stage 3", " of the ",
                    " in the right-hand column", " in der rechten spalte", "word ",
                    "最後の日付", "最终阶段", "마지막 날짜", "최종 단계", "まで", "之前", " 전", "第", "2", "三",
                    "段階", "두", "세", " 번째 ", "번째 날짜", "단계", "까지", "第2", "第 三", "段階まで",
                    "个阶段之前", "x", " ", "\n", "-", "ı", "_", "nearby", "6"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=24))
def test_speed_reference_is_the_whole_text_search(pieces: list[str]) -> None:
    lowered = "".join(pieces)
    found, plain = stages._reference(lowered), stages._REFERENCE.search(lowered)
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_speed_reference_examples() -> None:
    for lowered in ("export your data before the second stage", "antes de la última fecha de la lista",
                    "bis spätestens zum letzten stichtag", "bis zum abschalttermin in der rechten spalte",
                    "最後の日付までに", "第2段階まで", "2단계 전에", "두 번째 날짜까지", "nearby the last date",
                    "até a última data", "prima dell'ultima data", "d’ici la dernière étape", "3 단계 전",
                    "the stage 3 of the plan, by stage 3", ""):
        found, plain = stages._reference(lowered), stages._REFERENCE.search(lowered)
        assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict())), lowered
        if lowered in ("最後の日付までに", "2단계 전에", "두 번째 날짜까지"):
            assert found is not None, lowered


RULES = notices.default_notice_rules()
_NEEDLES = sorted({n for rule in RULES.rules for block, _ in rule.blocks if block is not None for n in block[2]})
FAMILIES = ["", "health", "billing", "cost", "abuse", "support", "security", "credentials", "verification",
            "notification", "marketplace", "marketing", "general", "Health", "HEALTH", "unknown", "x"]


@settings(max_examples=400, deadline=None)
@given(subject=st.lists(st.sampled_from(_NEEDLES), max_size=3).map(" ".join),
       body=st.lists(st.sampled_from(_NEEDLES), max_size=8).map(" ".join),
       family=st.sampled_from(FAMILIES),
       sender=st.sampled_from(["no-reply@health.aws.example", "aws-billing@amazon.com", "a@b.example", ""]))
def test_speed_first_match_with_family_plans_is_the_ungated_first_match(subject: str, body: str, family: str,
                                                                        sender: str) -> None:
    mail = notices.MailView.of(sender, "Amazon Web Services", subject, body, (), family=family)
    assert RULES.first_match(mail) == RULES.first_match(dataclasses.replace(mail, lowered=None))


def test_speed_family_plans_are_bounded() -> None:
    rules = notices.parse_notice_rules(
        "rules:\n"
        "  - id: health-words\n    type: health.other\n"
        "    match: {family: '^health$', body: 'scheduled for retirement'}\n"
        "  - id: family-literal\n    type: unknown\n    match: {family: 'bill', subject: 'x'}\n")
    for number in range(notices._MAX_PLANS + 10):
        family = f"family{number}"
        mail = notices.MailView.of("a@b.example", "", "", "scheduled for retirement", (), family=family)
        assert rules.first_match(mail) is None
    assert len(rules._plans) == notices._MAX_PLANS
    health = notices.MailView.of("a@b.example", "", "", "scheduled for retirement", (), family="health")
    assert rules.first_match(health) is rules.rules[0]
    billing = notices.MailView.of("a@b.example", "", "x", "", (), family="billing")
    assert rules.first_match(billing) is rules.rules[1]


_CONTEXT_PIECES = sorted({piece for pattern, _ in deadline._CONTEXT
                          for piece in (*(patterns.literal_needles(pattern.pattern) or ()),
                                        *((patterns.literal_branches(pattern) or ((), None))[0]))})
_FILLER = ["", " ", "not ", "n't ", "be ", "that ", "which ", "er", "the ", "will ", "was ", "x", ".", "\n", "ed", "s",
           "ing", "e", "(", ":", " on", " the", " you"]


def _plain_or_branches(pattern: re.Pattern[str], text: str) -> tuple[bool, bool]:
    branches = patterns.literal_branches(pattern)
    plain = pattern.search(text) is not None
    if branches is None:
        return plain, plain
    literals, rest = branches
    return plain, any(literal in text for literal in literals) or (rest is not None and rest.search(text) is not None)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_CONTEXT_PIECES), st.sampled_from(_FILLER)), max_size=14))
def test_speed_context_branches_are_the_patterns_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, _ in deadline._CONTEXT:
        plain, fast = _plain_or_branches(pattern, text)
        assert plain == fast, (pattern.pattern, text)


def test_speed_top_level_branches() -> None:
    assert patterns.top_level_branches(r"a|b(c|d)|[|]|\||[]|]x|[^]|]") == ["a", "b(c|d)", "[|]", r"\|", "[]|]x",
                                                                            "[^]|]"]
    assert patterns.top_level_branches("abc") == ["abc"]
    assert patterns.top_level_branches("|a|") == ["", "a", ""]


def test_speed_literal_branches_cases() -> None:
    split = patterns.literal_branches(re.compile(r"retir|stop\b|a\.b|(?<!er)wartung|x(?:y|z)"))
    assert split is not None
    literals, rest = split
    assert literals == ("retir", "a.b") and rest is not None and rest.pattern == r"stop\b|(?<!er)wartung|x(?:y|z)"
    for text in ("retire", "stops", "stop", "a.b", "axb", "erwartung", " wartung", "xz", "xw", ""):
        plain, fast = _plain_or_branches(re.compile(r"retir|stop\b|a\.b|(?<!er)wartung|x(?:y|z)"), text)
        assert plain == fast, text
    for source, flags in ((r"(a)|\1", 0), ("(?P<g>a)|(?P=g)", 0), ("(?i)abc|d", 0), ("abc|d", re.IGNORECASE),
                          ("abc|d", re.VERBOSE), (r"a\b|c+", 0)):
        assert patterns.literal_branches(re.compile(source, flags)) is None, source
