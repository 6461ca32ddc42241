"""Stages a mail refers back to by their place, or by what happens on them: the date of a timeline or a table that
an ask names without writing it again ("before the end of support date", "avant la fin du support standard").

A staged shutdown lists its stages ("Stage 1 - D1: …", "• D2 — …", a table whose column headers are the dates),
then asks an act by one of them: "Export your data before the second stage", "antes de la última fecha de la
lista", "bis spätestens zum letzten Stichtag", "bis zum Abschalttermin in der rechten Spalte", "最後の日付までに".
This module owns those references, in the nine languages AWS writes in, and which of the mail's dates each names:
the latest of the dates above it (the last date, the last stage, the right-hand column) or the n-th of them in
the order written (the second stage, "phase 3"). What a date is, is :mod:`routing.deadline`'s.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from routing.patterns import literal_positions, matches_at

#: the words one of the references below holds (a cheap test before the pattern is tried)
_CUES = ("last", "final", "latest", "second", "third", "stage", "phase", "step", "column", "letzt", "zweit",
         "dritt", "spalte", "últim", "ultim", "segund", "tercer", "terceir", "dernièr", "dernier", "deuxièm",
         "troisièm", "colonn", "terz", "最後", "最終", "最后", "最终", "第", "마지막", "최종", "번째", "단계", "列",
         "열")

_ORDINALS = {"second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "zweiten": 2, "dritten": 3,
             "vierten": 4, "segunda": 2, "segundo": 2, "tercera": 3, "tercero": 3, "terceira": 3, "terceiro": 3,
             "deuxième": 2, "seconde": 2, "troisième": 3, "seconda": 2, "secondo": 2, "terza": 3,
             "terzo": 3, "二": 2, "三": 3, "四": 4, "두": 2, "세": 3, "네": 4}

_STAGE_NOUN = (r"(?:dates?|stages?|phases?|steps?|milestones?|deadlines?|cut-?offs?|stichtag|termin|datum|stufe|"
               r"schritt|frist|fecha|etapa|fase|paso|hito|plazo|date|étape|échéance|jalon|tappa|scadenza|prazo)")
# ("data" is the date only after an Italian or Portuguese word: "l'ultima data", "a última data", not "the last data")
_DATA = r"(?<=[ao] )data"
# (not "until": what lasts until a stage is no ask, "Your bots keep answering until the second step")
_LEAD = (r"(?:before|by|no later than|prior to|ahead of|bis|vor|spätestens|antes de|antes d[ao]|avant|"
         r"d['’]ici|entro|prima d[ei]|prima dell['’]|até(?: [ao])?)")
_ARTICLE = r"(?:\s+(?:the|zum|dem|zur|der|la|le|el|lo|il|o|a|spätestens zum|spätestens))?\s*(?:l['’])?"
_LAST = r"(?P<last>last|final|latest|letzten|finalen|spätesten|última|ultima|último|ultimo|dernière|dernier)"
_NTH = r"(?P<nth>second|2nd|third|3rd|fourth|4th|zweiten|dritten|vierten|segunda|segundo|tercera|tercero|terceira|" \
       r"terceiro|deuxième|seconde|troisième|seconda|secondo|terza|terzo)"
# a column the ask names by its place ("in the right-hand column", "in der rechten Spalte", "de la última columna")
_COLUMN = (r"(?P<column>(?:in|of|from) the (?:right(?:-hand|most)?|last) column|in der (?:rechten|letzten) spalte|"
           r"(?:de|en) la (?:columna de la derecha|última columna)|"
           r"(?:dans|de) la (?:colonne de droite|dernière colonne)|"
           r"(?:nell['’]ultima colonna|nella colonna di destra)|(?:na|da) (?:última coluna|coluna da direita)|"
           r"右(?:側)?の列|最後の列|最后一列|右(?:侧)?(?:一)?列|오른쪽 열|마지막 열)")

# a stage the ask names by what happens on it ("before the end of support date", "by the retirement date"): group 1
# the name, as the stage's own line writes it
# (or the stage itself, in the languages AWS writes in: "before the end of standard support", "avant la fin du support
# standard", "antes del fin del soporte estándar", "antes do fim do suporte padrão", "prima della fine del supporto
# standard", "vor dem Ende des Standard-Supports")
_NAMED_STAGE = re.compile(r"\b(?:before|by|no later than|prior to|ahead of) the (end of (?:standard )?support|"
                          r"end of life|retirement|shutdown|deprecation|cutover|deletion) date\b|"
                          r"\b(?:before|prior to|ahead of) the (end of standard support|"
                          r"end of (?:extended )?support)\b|"
                          r"\bavant la (fin du support(?: standard)?)|\bantes del (fin del soporte(?: est[áa]ndar)?)|"
                          r"\bantes do (fim do suporte(?: padr[ãa]o)?)|\bprima della (fine del supporto(?: standard)?)|"
                          r"\bvor dem (ende des (?:standard-)?supports)|"
                          # (one word: "vor dem Supportende", named on its date's line by "Support … endet am D")
                          r"\bvor dem (support)ende\b")

_NAMED_CUES = (" date", "support", "soporte", "suporte", "supporto")
# the literal every _NAMED_STAGE match opens with (after its \b): where :func:`_named_stage` tries it
_NAMED_STARTS = ("before the ", "by the ", "no later than the ", "prior to the ", "ahead of the ", "avant la fin",
                 "antes del fin", "antes do fim", "prima della fine", "vor dem ende", "vor dem support")


def _named_stage(lowered: str) -> re.Match[str] | None:
    """``_NAMED_STAGE.search(lowered)``, the pattern tried only where one of :data:`_NAMED_STARTS` stands (a search
    tries its \b-led alternation at every position of the mail: ~0.3 ms a mail where a cue lets it in). Same match:
    every match opens with one of them, and the leftmost is the first that matches in the order written
    (tests/routing/test_speed_s26.py)."""
    return next(iter(matches_at(_NAMED_STAGE, lowered, literal_positions(_NAMED_STARTS, lowered))), None)

_REFERENCE = re.compile(
    r"\b" + _LEAD + _ARTICLE + r"(?:" + _LAST + r"\s+(?:of the\s+)?(?:" + _STAGE_NOUN + "|" + _DATA + r")\b|"
    + _NTH + r"\s+(?:" + _STAGE_NOUN + "|" + _DATA + r")\b|"
    + r"(?:stage|phase|step|stufe|etapa|fase|étape)\s+(?P<num>[2-6])\b|"
    + r"(?:[^\W\d_]+\s+){0,3}?" + _COLUMN + r")"
    # Japanese, Chinese and Korean name the stage first and put "before" or "by" after it
    + r"|(?P<last_cjk>最後の(?:日付|段階|フェーズ)|最終(?:段階|フェーズ|期日|日付)|最后(?:一个)?(?:日期|阶段)|"
    + r"最终(?:日期|阶段)|마지막 (?:날짜|단계|일자)|최종 (?:날짜|단계|일자))"
    + r"\s*(?:まで|の前|より前|之前|以前|前|전|이전|까지)"
    + r"|第\s*(?P<num_cjk>[2-6二三四])\s*(?:段階|フェーズ|个?阶段)\s*(?:まで|の前|より前|之前|以前|前)"
    + r"|(?P<nth_ko>[2-6]|두|세|네) ?(?:번째 (?:날짜|단계)|단계)\s*(?:전|이전|까지)")


# the literals every _REFERENCE match opens with: a lead of _LEAD (after its \b), a Japanese, Chinese or Korean name of
# the last stage, 第; the Korean n-th stage ("2단계 전", "두 번째 날짜까지") opens with its number, a digit too common
# to try at each: only in a text that holds the words after it (_KOREAN_STAGE_WORDS)
_REFERENCE_STARTS = ("before", "by", "no later than", "prior to", "ahead of", "bis", "vor", "spätestens", "antes d",
                     "avant", "d'ici", "d’ici", "entro", "prima d", "até", "最後の", "最終", "最后", "最终", "마지막 ",
                     "최종 ", "第")
_KOREAN_NTH_STARTS = ("2", "3", "4", "5", "6", "두", "세", "네")
_KOREAN_STAGE_WORDS = ("번째 ", "단계")


def _reference(lowered: str) -> re.Match[str] | None:
    """``_REFERENCE.search(lowered)``, the pattern tried only where one of its opening literals stands (a search tries
    its \\b-led alternation at every position: ~0.17 ms a mail that holds a cue). Same match: a search's match is the
    first position, left to right, where the pattern matches, and every match opens with one of
    :data:`_REFERENCE_STARTS` (or, with a Korean stage word after it, :data:`_KOREAN_NTH_STARTS`)
    (tests/routing/test_speed_s27.py)."""
    starts: tuple[str, ...] = _REFERENCE_STARTS
    if any(map(lowered.__contains__, _KOREAN_STAGE_WORDS)):
        starts = _REFERENCE_STARTS + _KOREAN_NTH_STARTS
    for at in sorted(literal_positions(starts, lowered)):
        found = _REFERENCE.match(lowered, at)
        if found is not None:
            return found
    return None


def _line_of(lowered: str, at: int) -> str:
    """The line of ``lowered`` that holds position ``at``, at most 200 characters each side of it."""
    start = lowered.rfind("\n", max(0, at - 200), at) + 1 or max(0, at - 200)
    end = lowered.find("\n", at, at + 200)
    return lowered[start:end if end >= 0 else min(len(lowered), at + 200)]


def referred_stage(lowered: str, dates: Sequence[tuple[date, int]]) -> int | None:
    """The index in ``dates`` (each a date and where it is written in ``lowered``, in the order written) of the
    stage an ask refers back to, or None: the latest date written before the reference for the last stage (or the
    last column), the n-th distinct date written before it for the n-th stage. Fewer than two dates before the
    reference: all the mail's dates count (the list may follow its reference: "before the last date below")."""
    if len(dates) < 2:
        return None
    if any(map(lowered.__contains__, _NAMED_CUES)) and (named := _named_stage(lowered)) is not None:
        # a stage the ask names by what happens on it ("before the end of support date"): the one date whose line
        # (a timeline's row, a field) names it, before the ask; before the date ("End of support: D") or after it
        # ("* 2027-03-31  end of support: no more fixes")
        name = next(group for group in named.groups() if group)
        rows = {when: index for index, (when, at) in enumerate(dates)
                if at < named.start() and name in lowered[lowered.rfind("\n", 0, at) + 1:at]}
        if not rows:
            rows = {when: index for index, (when, at) in enumerate(dates)
                    if at < named.start() and name in _line_of(lowered, at)}
        if len(rows) == 1:
            return next(iter(rows.values()))
    if not any(map(lowered.__contains__, _CUES)):
        return None
    found = _reference(lowered)
    if found is None:
        return None
    before = [index for index, (_, at) in enumerate(dates) if at < found.start()]
    if len({dates[index][0] for index in before}) < 2:
        before = list(range(len(dates)))
    groups = found.groupdict()
    if groups["last"] or groups["last_cjk"] or groups["column"]:
        return max(before, key=lambda index: (dates[index][0], index))
    number = groups["num"] or groups["num_cjk"] or groups["nth_ko"] or groups["nth"]  # (one of them matched)
    if number is None:
        return None
    nth = int(number) if number.isdigit() else _ORDINALS.get(number, 0)
    distinct: list[int] = []
    for index in before:
        if all(dates[index][0] != dates[other][0] for other in distinct):
            distinct.append(index)
    return distinct[nth - 1] if 0 < nth <= len(distinct) else None
