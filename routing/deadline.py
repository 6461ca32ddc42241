"""Deadlines: the date by which a mail says something must be done, or after which AWS acts.

Owns date phrase recognition ("by June 30, 2025", "After 2018-12-18 13:00 UTC", "contact AWS by
2025-04-14", "expires on April 17, 2026", "2025年6月30日まで"). Dates without a year are read
relative to the mail's Date header, which the caller passes in: no clock here.
"""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: index
    for index, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<{}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|" \
         r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DATE_FORMS = (
    # 2025-06-30, 2025/06/30 (optionally followed by a time)
    r"(?P<iy>\d{4})[-/](?P<im>\d{1,2})[-/](?P<id>\d{1,2})(?!\d)",
    # June 30, 2025 / June 30 2025 / June 30th / Tuesday, June 30, 2025
    _MONTH.format("m1") + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(?P<y1>\d{4}))?(?!\d)",
    # 30 June 2025 / 30 Jun, 2025 / Tue, 10 Feb 2026
    r"(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH.format("m2") + r"(?:,?\s+(?P<y2>\d{4}))?(?!\d)",
    # 2025年6月30日
    r"(?P<jy>\d{4})\s*年\s*(?P<jm>\d{1,2})\s*月\s*(?P<jd>\d{1,2})\s*日",
)
_ANY_DATE = "(?:" + "|".join(f"(?:{form})" for form in _DATE_FORMS) + ")"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
_LEAD = (
    r"(?:\bno later than|\bon or before|\bprior to|\bbefore|\bby|\bafter|\buntil|\bthrough|"
    r"\bexpires? on|\bexpiring on|\bexpire on|\bdeadline(?: is)?:?|\bdue (?:date|on|by):?|"
    r"\bending support for .{0,60}? on|\bend of support (?:date|on):?|\bscheduled for)"
)
_PHRASE = re.compile(_LEAD + r"\s+(?:the\s+)?" + _WEEKDAY + _ANY_DATE)  # applied to lower-cased text
_JA_PHRASE = re.compile(_DATE_FORMS[3] + r"\s*(?:まで|以前|より前)")


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(match: re.Match[str], reference: date | None) -> date | None:
    groups = match.groupdict()
    if groups.get("iy"):
        return _valid(int(groups["iy"]), int(groups["im"]), int(groups["id"]))
    if groups.get("jy"):
        return _valid(int(groups["jy"]), int(groups["jm"]), int(groups["jd"]))
    for m_key, d_key, y_key in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if groups.get(m_key):
            month = MONTHS[_month_key(groups[m_key])]
            day = int(groups[d_key])
            if groups.get(y_key):
                return _valid(int(groups[y_key]), month, day)
            if reference is None:
                return None
            # no year: the next such date on or after the mail's date
            candidate = _valid(reference.year, month, day)
            if candidate is not None and candidate < reference:
                candidate = _valid(reference.year + 1, month, day)
            return candidate
    return None


def _month_key(text: str) -> str:
    word = text.lower().rstrip(".")
    if word in MONTHS:
        return word
    return word[:3]


def find_deadline(text: str, reference: date | None = None) -> str | None:
    """ISO date of the first deadline phrase in ``text``, or None.

    ``reference`` is the mail's date; it supplies the year when a phrase omits it.
    """
    if not text:
        return None
    text = text[:200_000].lower()
    for pattern in (_PHRASE, _JA_PHRASE) if "年" in text else (_PHRASE,):
        for match in pattern.finditer(text):
            found = _resolve(match, reference)
            if found is not None and 1990 <= found.year <= 2200:
                return found.isoformat()
    return None


def find_dates(text: str, reference: date | None = None) -> list[str]:
    """Every date written in ``text`` (ISO), in order of appearance; used for identifiers."""
    out: list[str] = []
    for match in re.finditer(_ANY_DATE, text[:200_000], re.IGNORECASE):
        found = _resolve(match, reference)
        if found is not None:
            out.append(found.isoformat())
    return out
