"""A boolean search of a long alternation, branch by branch (for :data:`routing.deadline._CONTEXT`).

re tries every branch of an alternation at every position of the text, and a branch led by a look-behind or ``\\b``
gives it no literal to skip ahead to: the fact pattern's 16 branches and the act pattern's 38 cost ~20 µs a sentence
each. Split at the top-level bars, each branch is searched only when one of its literals occurs in the text
(:func:`routing.patterns.literal_needles`, one ``in`` test each; most sentences hold the literals of a few branches).
``pattern.search(text) is not None`` is ``search_any(needled_branches(pattern), text)``: an alternation matches where
one of its branches does, each branch reading the text around it (look-behinds, ``\\b``) as in the whole, and a branch
matches only where one of its literals occurs.
"""

from __future__ import annotations

import re

from routing.patterns import literal_needles, top_level_branches

#: branches with the literals one of which each match holds (None: searched always)
Branches = tuple[tuple[tuple[str, ...] | None, re.Pattern[str]], ...]

# what a branch cannot read alone as in the whole: a reference to a group (of another branch), a conditional, flags
# set inline (which the first branch alone would carry)
_UNSPLITTABLE = re.compile(r"\\[1-9]|\(\?P=|\(\?\(|\(\?[aiLmsux-]+[:)]")


def needled_branches(pattern: re.Pattern[str]) -> Branches:
    """The branches of ``pattern``'s top-level alternation, each compiled alone with the literals one of which its
    matches hold (those without known literals joined as one, searched always); ``pattern`` whole when it cannot be
    split (:data:`_UNSPLITTABLE`, verbose or case-insensitive, one branch)."""
    source = pattern.pattern
    branches = top_level_branches(source)
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or _UNSPLITTABLE.search(source) is not None \
            or len(branches) < 2 or "|".join(branches) != source:
        return ((None, pattern),)
    needled: list[tuple[tuple[str, ...] | None, re.Pattern[str]]] = []
    bare: list[str] = []
    for branch in branches:
        needles = literal_needles(branch)
        if needles is None:
            bare.append(branch)
        else:
            needled.append((needles, re.compile(branch, pattern.flags)))
    if bare:
        needled.append((None, re.compile("|".join(bare), pattern.flags)))
    return tuple(needled)


def search_any(branches: Branches, text: str) -> bool:
    """Whether one of ``branches`` matches in ``text``, each searched only where one of its literals occurs."""
    for needles, branch in branches:
        if needles is not None and not any(map(text.__contains__, needles)):
            continue
        if branch.search(text) is not None:
            return True
    return False
