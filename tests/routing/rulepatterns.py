"""Test helper: the shipped rules' patterns that hold given literals, the form of an unbounded gap and the blanks of
hostile runs, for the tests that check a session's new patterns on hostile input (not collected by pytest: no
``test_`` prefix)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from routing.notices import default_notice_rules

#: an unbounded gap a match could stretch over a whole body: any character or a negated class, repeated without a
#: bound (lazily too) and without a possessive ``+`` after it
UNBOUNDED = re.compile(r"(?<!\\)(?:\.|\[\^[^\]]*\])[*+](?!\+)")
#: the blanks a hostile mail repeats between its cues (space, line break, tab, no-break and ideographic spaces, a mix)
BLANKS = [" ", "\n", "\t", "\u00a0", "\u3000", " \t\n"]


def patterns_holding(literals: Iterable[str]) -> list[str]:
    """The source of every pattern of the shipped rules and modifiers (match and unless blocks) that holds one of
    ``literals``."""
    wanted = tuple(literals)
    rules = default_notice_rules()
    found: list[str] = []
    for rule in [*rules.rules, *rules.modifiers]:
        for condition in [*rule.match, *getattr(rule, "unless", ())]:
            for _key, patterns in condition.fields:
                for pattern in patterns:
                    source = pattern.regex.pattern
                    if any(literal in source for literal in wanted):
                        found.append(source)
    return found


def new_pattern_sources(literals: Sequence[str],
                        fragments: Sequence[tuple[re.Pattern[str], str]] = ()) -> list[str]:
    """The sources a session added: the shipped patterns that hold one of ``literals``, then each fragment of
    ``fragments`` (a Python pattern and the alternative added to it), after asserting that every literal is in one of
    those patterns and every fragment in its pattern (a hostile test whose cue no longer ships fails here)."""
    sources = patterns_holding(literals)
    for literal in literals:
        assert any(literal in source for source in sources), literal
    for pattern, fragment in fragments:
        assert fragment in pattern.pattern, fragment
    return [*sources, *(fragment for _, fragment in fragments)]


def unbounded_gaps(sources: Iterable[str]) -> list[str]:
    """The sources of ``sources`` that leave an unbounded gap (:data:`UNBOUNDED`)."""
    return [source for source in sources if UNBOUNDED.search(source) is not None]
