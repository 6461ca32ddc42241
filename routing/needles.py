"""Which of many literal strings occur in a text, found in one pass.

Owns :class:`NeedleSet`: an Aho-Corasick automaton (``pyahocorasick``, a C extension) over a fixed
set of literals, built once, that reports every occurrence of every literal in one scan of the text
(``Automaton.iter``: all matches, overlapping and nested ones included; pyahocorasick's docs). So
``needle in set.present(text)`` is ``needle in text`` for every needle of the set, for the cost of
one scan instead of one ``str`` search per needle (tests/routing/test_needles.py compares both).
Used where a text is tested against many literals: the notice rules' gates, the secret scans' hints and
the literals their word patterns start with.
"""

from __future__ import annotations

from collections.abc import Iterable

import ahocorasick

__all__ = ["NeedleSet"]


class NeedleSet:
    """A fixed set of non-empty literal strings, matched case-sensitively (lower-case them and the
    text for a case-insensitive test)."""

    __slots__ = ("_automaton", "needles")

    def __init__(self, needles: Iterable[str]) -> None:
        self.needles = frozenset(needles)
        if "" in self.needles:
            raise ValueError("an empty needle occurs in every text: leave it out")
        automaton = ahocorasick.Automaton(ahocorasick.STORE_ANY, ahocorasick.KEY_STRING)
        for needle in sorted(self.needles):
            automaton.add_word(needle, needle)
        if self.needles:
            automaton.make_automaton()
        self._automaton = automaton

    def occurrences(self, text: str) -> dict[str, list[int]]:
        """Where each needle occurring in ``text`` starts, in ascending order: what a loop of
        ``text.find(needle, at + 1)`` finds (overlapping occurrences included)."""
        out: dict[str, list[int]] = {}
        if not text or not self.needles:
            return out
        for end, needle in self._automaton.iter(text):
            out.setdefault(needle, []).append(end - len(needle) + 1)
        return out

    def present(self, text: str) -> frozenset[str]:
        """The needles that occur in ``text``."""
        if not text or not self.needles:
            return frozenset()
        return frozenset(needle for _, needle in self._automaton.iter(text))
