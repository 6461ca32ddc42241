"""The one regex dialect of the files people edit: routing rules and notice rules.

A pattern is Python :mod:`re` syntax, **searched** (it may match anywhere; anchor with ``^``/``$``),
**case-insensitive** and **multi-line** (``^``/``$`` also match at line breaks). Write ``(?-i:...)``
for a part that must match case exactly. Named groups (``(?P<name>...)``) are captures that routing
rules may use as template variables. Globs (``notice_type: billing.*``, ``account_name``,
``account_tags``) are not regexes: they are matched case-sensitively with :func:`fnmatch.fnmatchcase`.

Before a search, a literal pre-check skips most texts cheaply: the literals that every match must
contain are computed once, when the pattern is compiled.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

FLAGS = re.IGNORECASE | re.MULTILINE

# the stdlib regex parser (CPython's private re._parser, 3.11-3.13): the pre-check needs the literals
# that every match must contain. Any failure of it (a changed internal) means "no pre-check", never a
# different match: tests/routing/test_patterns.py compares pre-checked and plain matching (hypothesis).
_sre_parser: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")
_LITERAL = _sre_constants.LITERAL
_SUBPATTERN = _sre_constants.SUBPATTERN
_BRANCH = _sre_constants.BRANCH
_AT = _sre_constants.AT
# re's own test of whether IGNORECASE can match a character to another (CPython's _sre, 3.11-3.13)
_sre_iscased: Any = getattr(importlib.import_module("_sre"), "unicode_iscased", lambda code: True)
MAX_START_TRIES = 8  # tries at literal starts before the rest of a text is left to one regex search


#: characters that lower-case or case-fold onto an ASCII letter (İ ı ſ K): where one occurs, a
#: case-sensitive start pattern run over lower-cased text could miss a case-insensitive match
FOLDS_TO_ASCII = ("\u0130", "\u0131", "\u017f", "\u212a")
_FOLD_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def folds_to_ascii(text: str) -> bool:
    """Whether ``text`` holds a character of :data:`FOLDS_TO_ASCII`: never when it is all ASCII (``str.isascii``
    reads a flag of the string, no scan), else one scan per character of them."""
    return not text.isascii() and any(map(text.__contains__, FOLDS_TO_ASCII))


def fold_lower(text: str) -> str:
    """``text`` lower-cased as ``re.IGNORECASE`` reads letters: also İ, ı, ſ and K (Kelvin sign), the only
    characters it matches to an ASCII letter that ``str.lower`` leaves another (:data:`FOLDS_TO_ASCII`), become
    i, i, s and k. One character for one (İ lower-cases to two), so positions stay those of ``text``. The form in
    which the needle gates are tested: a case-insensitive pattern that matches holds its needle here
    (``str.lower`` alone hid matches: ``account suspended`` in ``account ſuspended``)."""
    if text.isascii() or not any(map(text.__contains__, FOLDS_TO_ASCII)):
        return text.lower()
    return text.translate(_FOLD_TO_ASCII).lower()


def _needles(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match must contain (a cheap ``in`` pre-check), or None."""
    try:
        tree = _sre_parser.parse(pattern, re.IGNORECASE)
    except Exception:
        return None
    needles = _alternatives(list(tree))
    return without_superstrings(needles) if needles else None


def without_superstrings(needles: tuple[str, ...]) -> tuple[str, ...]:
    """``needles`` less those that hold another of them: where one of those occurs, the one it holds
    does too, so "one of the needles occurs" keeps its answer with one ``in`` test fewer."""
    return tuple(needle for needle in needles if not any(other != needle and other in needle for other in needles))


def literal_needles(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals one of which every match of ``pattern`` contains, or None (none known).
    For a case-sensitive pattern searched in lower-cased text the check stays exact: a match there
    holds the literal as written, and a literal with an upper-case letter cannot match at all."""
    return _needles(pattern)


def _alternatives(items: list[Any]) -> tuple[str, ...] | None:
    # complexity 17: one walk over the three node kinds that carry literals (a table would hide the recursion)
    options: list[tuple[str, ...]] = []
    run = ""
    for op, arg in items:
        if op is _LITERAL and (arg < 128 or not _iscased(arg)):
            run += chr(arg)
            continue
        if _long_enough(run):
            options.append((run.lower(),))
        run = ""
        if op is _SUBPATTERN:
            sub = _alternatives(list(arg[-1]))
            if sub:
                options.append(sub)
        elif op is _BRANCH:
            branches = [_alternatives(list(branch)) for branch in arg[1]]
            if branches and all(branches):
                options.append(tuple(x for branch in branches if branch for x in branch))
    if _long_enough(run):
        options.append((run.lower(),))
    if not options:
        return None
    return max(options, key=lambda option: min(map(_rarity, option)))


def _rarity(needle: str) -> int:
    """How seldom a needle is likely to occur, to choose among the literal sets a pattern requires (any of them
    keeps the pre-check exact): its length, a character outside ASCII counted three times. AWS mail is mostly
    English, so "开立" or "계정" rules out far more mails than "aws", which nearly every mail holds: a pattern such as
    ``AWS ?已(?:开立|创建)`` is gated on its kanji, not on "aws"."""
    return len(needle) + 2 * sum(1 for char in needle if ord(char) >= 128)


def _iscased(code: int) -> bool:
    """Whether re's IGNORECASE could match the character ``code`` to another one. An uncased one
    (kana, kanji, hangul, most punctuation) matches only itself, and ``str.lower`` leaves it as it
    is, so a run of them is a needle in the lower-cased text like an ASCII one."""
    char = chr(code)
    return char.lower() != char or char.upper() != char or char.casefold() != char or _sre_iscased(code)


def _long_enough(run: str) -> bool:
    """A needle worth a pre-check: 3 characters, or 2 where one is not ASCII (two kanji are rarer
    than three letters)."""
    return len(run) >= 3 or (len(run) == 2 and not run.isascii())


def _starts(pattern: str) -> tuple[str, ...] | None:
    """Lower-case literals (3 or more characters) one of which every match *begins* with (after
    zero-width ``^``/``\\b`` assertions), or None: the regex is then tried only where one occurs."""
    try:
        tree = _sre_parser.parse(pattern, re.IGNORECASE)
    except Exception:
        return None
    return _leading(list(tree))


def _leading(items: list[Any]) -> tuple[str, ...] | None:
    i = 0
    while i < len(items) and items[i][0] is _AT:
        i += 1  # ^, $, \b, \A: zero width, evaluated where the regex is tried
    if i == len(items):
        return None
    op, arg = items[i]
    if op is _LITERAL and arg < 128:
        run = ""
        while i < len(items) and items[i][0] is _LITERAL and items[i][1] < 128:
            run += chr(items[i][1])
            i += 1
        return (run.lower(),) if len(run) >= 3 else None
    if op is _SUBPATTERN:
        return _leading(list(arg[-1]))
    if op is _BRANCH:
        branches = [_leading(list(branch)) for branch in arg[1]]
        if branches and all(branches):
            return tuple(dict.fromkeys(x for branch in branches if branch for x in branch))
    return None


def first_at_starts(regex: re.Pattern[str], starts: tuple[str, ...], value: str,
                    lowered: str) -> re.Match[str] | None:
    """``regex.search(value)`` for a case-insensitive ``regex`` every match of which begins with one
    of the lower-case literals ``starts``: tried only where ``str.find`` sees one in ``lowered``
    (``value.lower()``); after :data:`MAX_START_TRIES` misses the rest is one plain search. Same
    match (a position that is no literal's start cannot start a match; re evaluates look-behinds,
    ``^`` and ``\\b`` on the whole string, not from ``pos``); the plain search where a character of
    :data:`FOLDS_TO_ASCII` could make a match the lower-cased text does not show."""
    if folds_to_ascii(value):
        return regex.search(value)
    pos = 0
    for _ in range(MAX_START_TRIES):
        at = -1
        for literal in starts:
            found = lowered.find(literal, pos)
            if found != -1 and (at == -1 or found < at):
                at = found
        if at == -1:
            return None
        match = regex.match(value, at)
        if match is not None:
            return match
        pos = at + 1
    return regex.search(value, pos)


@dataclass(frozen=True, slots=True)
class Pattern:
    """A compiled pattern of the dialect with its literal pre-check."""

    regex: re.Pattern[str]
    needles: tuple[str, ...] | None
    starts: tuple[str, ...] | None = None

    @classmethod
    def compile(cls, text: str) -> Pattern:
        """Compile ``text``; raises :class:`re.error` for a broken pattern."""
        return cls(re.compile(text, FLAGS), _needles(text), _starts(text))

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.regex.groupindex)

    def could_match(self, lowered: str) -> bool:
        """False when ``lowered`` (the text in :func:`fold_lower`'s form) lacks every needle: no search needed."""
        if self.needles is None:
            return True
        return any(needle in lowered for needle in self.needles)

    def search(self, value: str, lowered: str | None = None) -> bool:
        """Whether the pattern occurs in ``value`` (``lowered``: its :func:`fold_lower` form, when at hand)."""
        return self.find(value, lowered) is not None

    def find(self, value: str, lowered: str | None = None) -> re.Match[str] | None:
        """The first match in ``value``, or None (``lowered``: its :func:`fold_lower` form, when at hand)."""
        if self.needles is None and self.starts is None:
            return self.regex.search(value)
        if lowered is None:
            lowered = fold_lower(value)
        if self.needles is not None and not self.could_match(lowered):
            return None
        if self.starts is not None:
            return first_at_starts(self.regex, self.starts, value, lowered)
        return self.regex.search(value)


#: characters no rule's regex means to hold literally (a YAML escape slip): C0 controls but tab, line feed and carriage
#: return (which mean themselves), DEL, NEL and the Unicode line separators
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x85\u2028\u2029]")


def escape_slip(regex: str) -> str | None:
    """What is wrong with ``regex`` when it holds a control character (:data:`_CONTROL`), with the fix; else None.
    YAML's double quotes read "\\b" as a backspace: the word boundary becomes a character no mail holds."""
    control = _CONTROL.search(regex)
    if control is None:
        return None
    return (f"holds the control character U+{ord(control.group()):04X}; a YAML double-quoted string turns \\b or "
            "\\x.. into one: write the regex inside single quotes")


def compile_patterns(value: Any, where: str, error: type[Exception]) -> tuple[Pattern, ...]:
    """The patterns of a rule file's value (one regex or a list; a number is its digits), compiled; a problem raises
    ``error`` with ``where`` (the file and line) and the fix."""
    items = value if isinstance(value, list) else [value]
    if not items:
        raise error(f"{where}: empty list of patterns; give at least one regex")
    out: list[Pattern] = []
    for item in items:
        if not isinstance(item, (str, int)) or isinstance(item, bool) or str(item) == "":
            raise error(f"{where}: {item!r} is not a pattern; write a quoted regex string")
        slip = escape_slip(str(item))
        if slip is not None:
            raise error(f"{where}: regex {item!r} {slip}")
        try:
            out.append(Pattern.compile(str(item)))
        except re.error as exc:
            raise error(
                f"{where}: regex {item!r} does not compile ({exc}); escape special characters "
                "such as [ ] ( ) . ? + with a backslash, inside single quotes"
            ) from exc
    return tuple(out)


def matches_from_starts(pattern: re.Pattern[str], start: re.Pattern[str], text: str,
                        scan: str | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a ``pattern`` that opens with an assertion (re tries such a
    pattern at every position): ``start`` (a pattern every match of ``pattern`` also matches at
    its start, without the assertion) finds where to try it. Same matches, a faster scan.
    ``scan``: the lower-cased text, searched by a case-sensitive ``start`` for a case-insensitive
    ``pattern`` (the plain scan when a character folds to an ASCII letter: positions would differ)."""
    if scan is not None and folds_to_ascii(text):
        return list(pattern.finditer(text))
    where = text if scan is None else scan
    out: list[re.Match[str]] = []
    pos = 0
    while (candidate := start.search(where, pos)) is not None:
        match = pattern.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
        else:
            out.append(match)
            pos = max(match.end(), match.start() + 1)
    return out


def matches_at_literals(pattern: re.Pattern[str], starts: tuple[str, ...], text: str,
                        lowered: str) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a case-insensitive ``pattern`` every match of which begins
    with one of the lower-case literals ``starts``: tried only where ``str.find`` sees one in
    ``lowered`` (``text.lower()``). Same matches; the plain scan where a character of
    :data:`FOLDS_TO_ASCII` occurs."""
    if folds_to_ascii(text):
        return list(pattern.finditer(text))
    return matches_at(pattern, text, literal_positions(starts, lowered))


def literal_positions(literals: Iterable[str], text: str) -> set[int]:
    """Every position of ``text`` where one of ``literals`` begins (``str.find``, overlapping ones too)."""
    positions: set[int] = set()
    for literal in literals:
        at = text.find(literal)
        while at != -1:
            positions.add(at)
            at = text.find(literal, at + 1)
    return positions


def matches_at(pattern: re.Pattern[str], text: str, positions: Iterable[int]) -> list[re.Match[str]]:
    """The matches of ``pattern`` tried at ``positions`` (negative ones skipped), left to right and
    not overlapping, as ``finditer`` finds those of them that start there."""
    out: list[re.Match[str]] = []
    end = 0
    for at in sorted(positions):
        if at < end:
            continue
        match = pattern.match(text, at)
        if match is not None:
            out.append(match)
            end = max(match.end(), at + 1)
    return out


def top_level_branches(source: str) -> list[str]:
    """``source`` cut at the ``|`` of its top-level alternation ("a|b(c|d)|[|]" -> ["a", "b(c|d)", "[|]"]): not inside a
    group, a character class or after a backslash."""
    branches: list[str] = []
    depth, start, at, size = 0, 0, 0, len(source)
    while at < size:
        char = source[at]
        if char == "\\":
            at += 2
            continue
        if char == "[":
            at += 1
            if at < size and source[at] == "^":
                at += 1
            if at < size and source[at] == "]":
                at += 1  # (a "]" first in a class is one of its characters)
            while at < size and source[at] != "]":
                at += 2 if source[at] == "\\" else 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            branches.append(source[start:at])
            start = at + 1
        at += 1
    branches.append(source[start:])
    return branches


def literal_branches(pattern: re.Pattern[str]) -> tuple[tuple[str, ...], re.Pattern[str] | None] | None:
    """(the branches of ``pattern``'s top-level alternation that are plain literals, the others as one pattern or
    None) such that ``pattern.search(text) is not None`` is ``any(literal in text …) or rest.search(text) is not
    None``: a search of an alternation finds a match where one of its branches does, each branch reading the text
    around it as in the whole. For a boolean search of a long alternation whose literal branches often occur: a few
    ``in`` tests first, then a shorter regex. None when ``pattern`` has no literal branch, is case-insensitive or
    verbose, sets flags inline, or refers back to a group (a branch would not read alone as in the whole)."""
    source = pattern.pattern
    if pattern.flags & (re.IGNORECASE | re.VERBOSE) or "(?P=" in source or "(?(" in source \
            or re.search(r"\\[1-9]|\(\?[aiLmsux-]+[:)]", source):
        return None
    literals: list[str] = []
    rest: list[str] = []
    for branch in top_level_branches(source):
        try:
            tokens = list(_sre_parser.parse(branch, pattern.flags))
        except Exception:
            return None
        if tokens and all(op == _LITERAL for op, _ in tokens):
            literals.append("".join(chr(code) for _, code in tokens))
        else:
            rest.append(branch)
    if not literals:
        return None
    return tuple(literals), (re.compile("|".join(rest), pattern.flags) if rest else None)
