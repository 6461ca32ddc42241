"""Session 27's faster forms give exactly what their plain forms give: routing.stages's ``_reference`` (the pattern
tried only where its opening literals stand) against the whole-text search."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import stages

REFERENCE_PIECES = ["before", "by", "no later than", "prior to", "ahead of", "bis", "vor",
                    "spätestens", "antes de", "antes da", "antes do", "avant", "d'ici",
                    "d’ici", "entro", "prima di", "prima dell'", "até", " the ", " zum ",
                    " l'", "last", "final", "letzten", "última", "dernière", "second",
                    "3rd", "zweiten", "troisième", " stage", " phase", " date", " data",
                    "a data", " 2", " 7", "stage 3", " of the ",
                    " in the right-hand column", " in der rechten spalte", "word ",
                    "最後の日付", "最终阶段", "마지막 날짜", "최종 단계", "まで", "之前", " 전", "第", "2", "三",
                    "段階", "두", "세", " 번째 ", "번째 날짜", "단계", "까지", "第2", "第 三", "段階まで",
                    "个阶段之前", "x", " ", "\n", "-", "ı", "_", "nearby", "6"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(REFERENCE_PIECES), max_size=24))
def test_speed_reference_is_the_whole_text_search(pieces: list[str]) -> None:
    lowered = "".join(pieces)
    found, plain = stages._reference(lowered), stages._REFERENCE.search(lowered)
    assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_speed_reference_examples() -> None:
    for lowered in ("export your data before the second stage", "antes de la última fecha de la lista",
                    "bis spätestens zum letzten stichtag", "bis zum abschalttermin in der rechten spalte",
                    "最後の日付までに", "第2段階まで", "2단계 전에", "두 번째 날짜까지", "nearby the last date",
                    "até a última data", "prima dell'ultima data", "d’ici la dernière étape", "3 단계 전",
                    "the stage 3 of the plan, by stage 3", ""):
        found, plain = stages._reference(lowered), stages._REFERENCE.search(lowered)
        assert (found and (found.span(), found.groupdict())) == (plain and (plain.span(), plain.groupdict())), lowered
        if lowered in ("最後の日付までに", "2단계 전에", "두 번째 날짜까지"):
            assert found is not None, lowered
