"""routing.needles: the needles one scan reports are exactly those ``in`` finds, and where
(tests/routing/test_notice_scan.py: the notice rules read through it decide as before)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.needles import NeedleSet

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
