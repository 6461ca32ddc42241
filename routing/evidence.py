"""Evidence scoring: the type of a mail no specific notice rule placed, from cues spread over the whole mail.

Owns ``routing/data/evidence.yaml`` (its format, its validation, errors naming the file, the line and the fix)
and the scoring of one :class:`routing.notices.MailView` against it. The notice rules
(:mod:`routing.notices`) decide first, on phrases; when none of them is specific (no rule matched, or only a
catch-all rule marked ``generic: true`` did), the classifier asks this module whether the mail's words, taken
together, point at one type of the sender's family: an end of support is "end of support" in one sentence and
"upgrade" in another; a payment that failed names the card in one place and the amount due in another.

Each type has cue groups, each with a weight; a group counts once, when any of its patterns is found in the
subject or the body (``subject:`` groups: in the subject only). A type is chosen when its score reaches
``threshold`` and leads every other type's by ``margin`` or more, and the sender's family may send it
(``families``; an empty family is mail that is not from an AWS address, which the scorer never places).
Nothing here reads the network, the clock or a setting: pure.

Format::

    version: 1
    threshold: 4            # the least score that places a mail
    margin: 2               # how far the best type must lead the next one
    types:
      health.end_of_support:            # a notice_type of taxonomy.yaml
        families: [health, general]     # sender families (routing.families) that send it
        cues:
          - name: end-of-support        # shown in the reason
            weight: 3
            text: ['end of (?:standard )?support', 'fin du support']   # regexes (any), case-insensitive
          - {name: upgrade, weight: 1, text: ['\\bupgrade', 'actualiz']}
          - {name: subject, weight: 2, subject: ['end of support']}   # the subject only
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

from routing.hanzi import with_folded_patterns
from routing.notices import MailView, search_any
from routing.patterns import Pattern, compile_patterns, fold_lower
from routing.taxonomy import Taxonomy, default_taxonomy
from routing.yamllines import line_of, load_with_lines, suggest

FAMILIES = ("health", "billing", "cost", "abuse", "support", "security", "credentials", "verification",
            "notification", "marketplace", "marketing", "general")


#: the most characters of the body the cues read: an AWS notice says what it is long before that (the longest of
#: every labelled set is ~20,000); a hostile mail of 300,000 repeated cue words costs a bounded time
MAX_TEXT = 50_000
#: line breaks with the blanks and quote marks ("> ") around them, and runs of blanks: one space for the cues
_WRAP = re.compile(r"[ \t\u00a0]*(?:\r?\n[ \t\u00a0>]*)+|[ \t\u00a0]{2,}")


class EvidenceError(ValueError):
    """The evidence file is malformed; the message names the file, the line and the fix."""


@dataclass(frozen=True, slots=True)
class Cue:
    """One group of patterns: ``weight`` points when any of them is found (once per mail)."""

    name: str
    weight: int
    patterns: tuple[Pattern, ...]
    subject_only: bool = False

    def found(self, subject: tuple[str, str], text: tuple[str, str]) -> bool:
        """Whether a pattern occurs; ``subject`` and ``text`` are (value, lower-cased value)."""
        value, lowered = subject if self.subject_only else text
        # (``any(pattern.search(value, lowered) for pattern in self.patterns)`` as the notice rules test a field, the
        # same literal pre-checks and searches in the same order: one call per cue instead of a generator and three
        # calls per pattern, :func:`routing.notices.search_any`)
        return search_any(self.patterns, value, lowered)


@dataclass(frozen=True, slots=True)
class TypeEvidence:
    """The cues of one notice type, and the sender families that may send it."""

    type: str
    families: frozenset[str]
    cues: tuple[Cue, ...]


@dataclass(frozen=True, slots=True)
class Verdict:
    """The type the evidence points at, its score and the cues that made it."""

    type: str
    score: int
    cues: tuple[str, ...]

    @property
    def reason(self) -> str:
        return f"evidence {self.type} (score {self.score}: {', '.join(self.cues)})"


@dataclass(frozen=True, slots=True)
class Evidence:
    """The evidence file: the types it can place and its two decision bounds."""

    types: tuple[TypeEvidence, ...]
    threshold: int = 4
    margin: int = 2
    source: str = "<evidence>"

    def scores(self, mail: MailView) -> list[Verdict]:
        """Every type the sender's family may send that scores above zero, best first."""
        out: list[Verdict] = []
        # one line: a phrase hard-wrapped over two lines ("reaches end of\nsupport"), or over two quoted lines
        # ("> sera facturée\n> pour le compte"), is still one phrase
        joined = _WRAP.sub(" ", f"{mail.subject}\n{mail.body[:MAX_TEXT]}")
        subject = (mail.subject, mail.subject_lower)
        text = (joined, fold_lower(joined))
        for entry in self.types:
            if mail.family not in entry.families:
                continue
            found = tuple(cue for cue in entry.cues if cue.found(subject, text))
            if found:
                out.append(Verdict(entry.type, sum(cue.weight for cue in found), tuple(c.name for c in found)))
        out.sort(key=lambda verdict: -verdict.score)
        return out

    def place(self, mail: MailView) -> Verdict | None:
        """The type the mail's cues point at, or None when no type reaches the threshold with the margin."""
        if not mail.family:
            return None  # not from an AWS address: no family, nothing to place it in
        ranked = self.scores(mail)
        if not ranked or ranked[0].score < self.threshold:
            return None
        if len(ranked) > 1 and ranked[0].score - ranked[1].score < self.margin:
            return None
        return ranked[0]


# ---------------------------------------------------------------- loading


def _int(value: Any, where: str, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise EvidenceError(f"{where}: {what} must be a whole number of 1 or more, got {value!r}")
    return value


def _patterns(value: Any, where: str) -> tuple[Pattern, ...]:
    # the mail's subject and body are read folded to Simplified Chinese (:meth:`routing.notices.MailView.of`): a
    # pattern written in Traditional characters ("存取金鑰") reads them in its fold too, as a notice rule's does
    return compile_patterns(with_folded_patterns(value), where, EvidenceError)


def _cue(item: Any, source: str, default_line: int) -> Cue:
    where = f"{source}:{line_of(item, default=default_line)}"
    if not isinstance(item, Mapping):
        raise EvidenceError(f"{where}: a cue is a mapping such as {{name: upgrade, weight: 1, text: ['upgrade']}}")
    unknown = [key for key in item if key not in ("name", "weight", "text", "subject")]
    if unknown:
        raise EvidenceError(f"{where}: unknown key '{unknown[0]}'; "
                            f"{suggest(str(unknown[0]), ('name', 'weight', 'text', 'subject'))}")
    if ("text" in item) == ("subject" in item):
        raise EvidenceError(f"{where}: a cue needs exactly one of 'text' or 'subject' (a list of regexes)")
    name = item.get("name")
    if not isinstance(name, str) or not name:
        raise EvidenceError(f"{where}: the cue has no 'name'; add name: <a short word shown in reasons>")
    key = "text" if "text" in item else "subject"
    return Cue(name, _int(item.get("weight"), where, "weight"), _patterns(item[key], f"{where}: {key}"),
               subject_only=key == "subject")


def _type(notice_type: Any, value: Any, source: str, line: int, taxonomy: Taxonomy) -> TypeEvidence:
    where = f"{source}:{line}"
    if not isinstance(notice_type, str) or notice_type not in taxonomy.types:
        raise EvidenceError(f"{where}: {notice_type!r} is not a notice type of {taxonomy.source}; "
                            f"{suggest(str(notice_type), sorted(taxonomy.types))}")
    if not isinstance(value, Mapping) or not isinstance(value.get("cues"), list) or not value["cues"]:
        raise EvidenceError(f"{where}: {notice_type} needs 'cues:' (a list of cues) and 'families:'")
    families = value.get("families")
    if not isinstance(families, list) or not families:
        raise EvidenceError(f"{where}: {notice_type} needs 'families:', a list of {', '.join(FAMILIES)}")
    for family in families:
        if family not in FAMILIES:
            raise EvidenceError(f"{where}: family {family!r} is not a sender family; {suggest(str(family), FAMILIES)}")
    return TypeEvidence(notice_type, frozenset(families),
                        tuple(_cue(item, source, line) for item in value["cues"]))


def parse_evidence(text: str, source: str = "<evidence>", taxonomy: Taxonomy | None = None) -> Evidence:
    """Parse and validate evidence YAML ``text`` against ``taxonomy``; ``source`` names it in errors."""
    taxonomy = taxonomy or default_taxonomy()
    data = load_with_lines(text, source, EvidenceError)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise EvidenceError(f"{source}:1: expected a mapping with 'types:'; see routing/data/evidence.yaml")
    for key in data:
        if key not in ("version", "threshold", "margin", "types"):
            raise EvidenceError(f"{source}:{line_of(data, key, 1)}: unknown key '{key}'; "
                                f"{suggest(str(key), ('version', 'threshold', 'margin', 'types'))}")
    if data.get("version", 1) != 1:
        raise EvidenceError(f"{source}:1: version {data.get('version')!r} is not supported; use version: 1")
    types = data["types"]
    entries: Sequence[TypeEvidence] = [
        _type(key, value, source, line_of(types, key, 1), taxonomy) for key, value in types.items()]
    return Evidence(tuple(entries), _int(data.get("threshold", 4), f"{source}:{line_of(data, 'threshold', 1)}",
                                         "threshold"),
                    _int(data.get("margin", 2), f"{source}:{line_of(data, 'margin', 1)}", "margin"), source)


@lru_cache(maxsize=1)
def default_evidence() -> Evidence:
    """The shipped ``routing/data/evidence.yaml`` (parsed once per process)."""
    text = resources.files("routing").joinpath("data/evidence.yaml").read_text(encoding="utf-8")
    return parse_evidence(text, "routing/data/evidence.yaml", default_taxonomy())
