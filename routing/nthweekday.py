"""The nth weekday of a month, written as its date: "the first Monday of March 2027", "el primer lunes de marzo de
2027", "le premier lundi de mars", "am ersten Montag im März 2027", "a primeira segunda-feira de março", "il primo
lunedì di marzo" (en, es, fr, de, pt, it).

:class:`NthWeekdays` rewrites each such phrase of a lower-cased text as the date it names, in the language's own
written form (as the deadline reader's localized leads expect one), right-aligned in the phrase's place and padded
with spaces: one character for one, so offsets hold. The deadline reader (:mod:`routing.deadline`) then reads it as
any written date with the lead before it: "comenzará el primer lunes de marzo de 2027" reads "comenzará el
1 de marzo de 2027" (spaces before the day). A phrase without a year is the next such day on or after the mail's
date; without the mail's date it is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

# the weekday names of the six languages, Monday first (:data:`routing.deadline._WEEKDAY_NUMBERS` is built from them)
WEEKDAY_NAMES = {
    "en": ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    "de": ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
    "es": ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
    "pt": ("segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira", "sábado", "domingo"),
    "it": ("lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica"),
}
# how each language writes a day of a month, as the deadline reader reads it ("March 1, 2027", "1. März 2027",
# "1 mars 2027", "1 de marzo de 2027", "1 de março de 2027", "1 marzo 2027"); the month word is the phrase's own
_WRITTEN = {"en": "{month} {day}, {year}", "de": "{day}. {month} {year}", "fr": "{day} {month} {year}",
            "es": "{day} de {month} de {year}", "pt": "{day} de {month} de {year}", "it": "{day} {month} {year}"}
_LANGUAGE = {name: language for language, names in WEEKDAY_NAMES.items() for name in names}
_NUMBER = {name: number for names in WEEKDAY_NAMES.values() for number, name in enumerate(names)}

# the ordinal words of the six languages, each with its position (-1: the last such weekday of the month)
_ORDINALS = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1,
    "primer": 1, "primero": 1, "segundo": 2, "tercer": 3, "tercero": 3, "cuarto": 4, "último": -1, "ultimo": -1,
    "premier": 1, "deuxième": 2, "deuxieme": 2, "troisième": 3, "troisieme": 3, "quatrième": 4, "quatrieme": 4,
    "dernier": -1,
    "erste": 1, "ersten": 1, "zweite": 2, "zweiten": 2, "dritte": 3, "dritten": 3, "vierte": 4, "vierten": 4,
    "letzte": -1, "letzten": -1,
    "primeira": 1, "segunda": 2, "terceira": 3, "quarta": 4, "última": -1, "ultima": -1,
    "primo": 1, "secondo": 2, "terzo": 3, "quarto": 4,
}
# what joins the weekday to its month ("of", "in", "de", "d'", "im", "des", "di", "del mese di")
_JOINS = r"(?:of|in|de|d['’]|du mois de|im|des|di|del mese di|do mês de|del mes de)"
MAX_PHRASES = 20  # a text of repeated phrases is read so often and no more


class NthWeekdays:
    """Rewrites "the first Monday of March 2027" (and its forms in five other languages) as the date it names."""

    def __init__(self, months: Mapping[str, int]) -> None:
        """``months``: month names (lower-case, with their abbreviations) to their numbers."""
        self._months = months

        def alternation(names: Iterable[str]) -> str:
            return "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))

        # from the weekday on: matched only where a weekday's name stands (str.find) after an ordinal word
        self._rest = re.compile(
            r"(?P<weekday>" + alternation(_NUMBER) + r")\s+" + _JOINS + r"\s*"
            # (whole month names: not "mar" or "jun" alone, but "may" and "mai")
            r"(?P<month>" + alternation(name for name in months if len(name) > 3 or name in ("may", "mai"))
            + r")(?![^\W\d_])(?:,?\s+(?:de\s+|of\s+)?(?P<year>20\d\d)(?!\d))?")

    def rewrite(self, lowered: str, reference: date | None) -> str:
        """``lowered`` with each nth weekday of a month written as its ISO date (see the module's docstring)."""
        if _ORDINALS.keys().isdisjoint(lowered.split()):
            return lowered  # (no ordinal word stands on its own, as in most mail: one pass over the words)
        spans: dict[int, tuple[int, str]] = {}
        for name in [name for name in _NUMBER if name in lowered]:
            at = lowered.find(name)
            while at >= 0 and len(spans) < MAX_PHRASES:
                ordinal, start = _ordinal_before(lowered, at)
                rest = self._rest.match(lowered, at) if ordinal else None
                if rest is not None:
                    when = self._date(ordinal, rest, reference)
                    written = _WRITTEN[_LANGUAGE[rest.group("weekday")]].format(
                        month=rest.group("month"), day=when.day, year=when.year) if when is not None else ""
                    if written and len(written) <= rest.end() - start:
                        spans[start] = (rest.end(), written)
                at = lowered.find(name, at + 1)
        if not spans:
            return lowered
        parts: list[str] = []
        done = 0
        for start in sorted(spans):
            end, written = spans[start]
            if start < done:
                continue
            parts += (lowered[done:start], written.rjust(end - start))
            done = end
        return "".join(parts) + lowered[done:]

    def _date(self, ordinal: str, found: re.Match[str], reference: date | None) -> date | None:
        """The date the ``ordinal`` weekday of ``found`` names, or None (no year and no mail's date, or no such
        day)."""
        month = self._months[found.group("month")]
        weekday = _NUMBER[found.group("weekday")]
        nth = _ORDINALS.get(ordinal, 0)
        if found.group("year"):
            return _nth_weekday(int(found.group("year")), month, weekday, nth)
        if reference is None:
            return None
        for year in (reference.year, reference.year + 1):
            when = _nth_weekday(year, month, weekday, nth)
            if when is not None and when >= reference:
                return when
        return None


def _ordinal_before(lowered: str, at: int) -> tuple[str, int]:
    """The ordinal word (:data:`_ORDINALS`) that stands, white space between, right before ``lowered[at]``, and where
    it starts; ("", -1) when none does."""
    head = lowered[max(0, at - 16):at]
    stripped = head.rstrip()
    if len(stripped) == len(head) or not stripped:
        return "", -1  # (no white space right before the weekday)
    word = stripped.rsplit(None, 1)[-1]
    start = at - len(head) + len(stripped) - len(word)
    if word not in _ORDINALS or (start > 0 and lowered[start - 1].isalpha()):
        return "", -1
    return word, start


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date | None:
    """The ``nth`` ``weekday`` of ``month`` in ``year`` (-1: the last), or None when the month has no such day."""
    if nth == 0:
        return None
    if nth < 0:
        last = (date(year + month // 12, month % 12 + 1, 1)) - timedelta(days=1)
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    when = first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))
    return when if when.month == month else None
