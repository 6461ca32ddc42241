"""The literal pre-check of routing.patterns (built on CPython's private ``re._parser``) never changes
a result: a pattern with its pre-check matches exactly where the plain regex does."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from routing.patterns import FLAGS, Pattern

ATOMS = st.sampled_from(["abc", "ABC", "xyz", "a", "b", "c", "-", " ", "\\d", ".", "é", "İ", "K"])


@st.composite
def patterns(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["atom", "atom", "group", "alt", "opt", "star", "ahead", "not", "flags"]
                                    if depth < 2 else ["atom"]))
        if kind == "atom":
            parts.append(draw(ATOMS))
            continue
        inner = draw(patterns(depth + 1))
        if kind == "group":
            parts.append(f"({inner})")
        elif kind == "alt":
            parts.append(f"(?:{inner}|{draw(patterns(depth + 1))})")
        elif kind == "opt":
            parts.append(f"(?:{inner})?")
        elif kind == "star":
            parts.append(f"(?:{inner})*")
        elif kind == "ahead":
            parts.append(f"(?={inner})")
        elif kind == "not":
            parts.append(f"(?!{inner})")
        else:
            parts.append(f"(?-i:{inner})")
    return "".join(parts)


TEXTS = st.text(alphabet="abcxyzABCXYZ -1é\u0130\u212aik", max_size=40)


@settings(max_examples=600, deadline=None)
@given(patterns(), st.lists(TEXTS, min_size=1, max_size=6))
def test_pre_check_never_changes_a_match(pattern: str, texts: list[str]) -> None:
    compiled = Pattern.compile(pattern)
    plain = re.compile(pattern, FLAGS)
    for text in texts:
        for candidate in (text, f"zz {text} zz", text.upper()):
            assert (compiled.find(candidate) is None) == (plain.search(candidate) is None), (pattern, candidate)


def test_a_literal_pattern_gets_a_needle_and_skips_texts_without_it() -> None:
    compiled = Pattern.compile(r"scheduled\s+for\s+retirement")
    assert compiled.needles is not None
    assert not compiled.could_match("nothing here")
    assert compiled.search("Your instance is SCHEDULED   FOR retirement")
