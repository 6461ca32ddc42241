"""Calendar parts (RFC 5545 ``text/calendar``, an ``.ics`` attachment) read as the lines a deadline is read from.

A maintenance notice may give its window only as a calendar invitation ("The window is attached as a calendar
invitation"). This module owns reading such a part: the start, end and due times of its events and to-dos
(``DTSTART``, ``DTEND``, ``DUE``; RFC 5545 §3.8.2) written as field lines ("Start: 2027-03-18 06:00 UTC"), which
:mod:`routing.deadline` reads like a notice's own fields. Nothing else of the part is kept: its summary and
description are the sender's words, not dates, and the ticket shows the attachment's name only.
"""

from __future__ import annotations

import re
from typing import Any

from routing.mimeparts import own_leaf_parts

MAX_CALENDAR_BYTES = 64 * 1024  # of one part: an invitation is a few hundred bytes
MAX_EVENTS = 8  # components read per mail
MAX_PARTS = 4  # calendar parts read per mail

# a content line that holds a time (RFC 5545 §3.1: name, parameters, ":" value), unfolded
_TIME_LINE = re.compile(r"^(DTSTART|DTEND|DUE)((?:;[^:\r\n]*)?):(\d{8})(?:T(\d{2})(\d{2})\d{2}(Z?))?[ \t]*\r?$",
                        re.MULTILINE | re.IGNORECASE)
_TZID = re.compile(r";TZID=\"?([^;:\"]{1,64})", re.IGNORECASE)
_FOLD = re.compile(r"\r?\n[ \t]")
_FIELD = {"DTSTART": "Start", "DTEND": "End", "DUE": "Due"}


def calendar_lines(ics: str) -> list[str]:
    """The times of the events and to-dos of ``ics`` (one calendar object) as field lines: "Start: 2027-03-18
    06:00 UTC" for a UTC time, "Start: 2027-03-18 07:00 (Europe/Paris)" for a local one, "Due: 2027-03-09" for a
    date. At most MAX_EVENTS components."""
    lines: list[str] = []
    text = _FOLD.sub("", ics)  # RFC 5545 §3.1: a line break followed by a space or tab continues the line
    for component in _components(text):
        for found in _TIME_LINE.finditer(component):
            name, params, day, hour, minute, utc = found.groups()
            written = f"{day[:4]}-{day[4:6]}-{day[6:]}"
            if hour is not None:
                zone = _TZID.search(params or "")
                written += f" {hour}:{minute}" + (" UTC" if utc else f" ({zone.group(1)})" if zone else "")
            lines.append(f"{_FIELD[name.upper()]}: {written}")
    return lines


def _components(text: str) -> list[str]:
    """The bodies of the first MAX_EVENTS VEVENT and VTODO components of ``text``, in order (a component without
    its END line ends the reading: one linear scan)."""
    upper = text.upper()
    out: list[str] = []
    at = 0
    while len(out) < MAX_EVENTS:
        begin, kind = min(((found, kind) for kind in ("VEVENT", "VTODO")
                           if (found := upper.find(f"BEGIN:{kind}", at)) >= 0), default=(-1, ""))
        if begin < 0:
            break
        end = upper.find(f"END:{kind}", begin + 6 + len(kind))
        if end < 0:
            break
        out.append(text[begin:end])
        at = end
    return out


def calendar_text(message: Any) -> str:
    """The field lines (:func:`calendar_lines`) of every ``text/calendar`` part of ``message`` (an
    email.message.Message), inline or attached, one part's after the other; ``""`` when there is none. Parts of an
    attached message (message/rfc822) are not the mail's own: skipped."""
    out: list[str] = []
    parts = 0
    for part in own_leaf_parts(message):
        if part.get_content_type() != "text/calendar":
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        out += calendar_lines(payload[:MAX_CALENDAR_BYTES].decode("utf-8", "replace"))
        parts += 1
        if parts == MAX_PARTS:
            break
    return "\n".join(out)
