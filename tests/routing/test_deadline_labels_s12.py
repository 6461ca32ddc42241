"""A field that names the date a change takes effect or a service is retired, in the nine languages ("Effective date:",
"Stichtag:", "Date d'effet :", "Fecha de entrada en vigor:", "Data de vigência:", "Data di entrata in vigore:",
"発効日:", "生效日期：", "시행일:"): its date is the deadline a rule asks for. Our own wording."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import best_deadline

CASES = [
    "Hello,\n\nAmazon Widget changes how its API counts requests.\n\nEffective date: March 1, 2027\n",
    "Hello,\n\nAmazon Widget moves to new endpoints.\n\nCutover date: March 1, 2027\n",
    "Hallo,\n\nAmazon Widget ändert die Zählung der Anfragen.\n\nStichtag: 1. März 2027\n",
    "Bonjour,\n\nAmazon Widget modifie le comptage des requêtes.\n\nDate d'effet : 1er mars 2027\n",
    "Hola:\n\nAmazon Widget cambia el recuento de solicitudes.\n\nFecha de entrada en vigor: 1 de marzo de 2027\n",
    "Olá,\n\nO Amazon Widget altera a contagem de solicitações.\n\nData de vigência: 1º de março de 2027\n",
    "Ciao,\n\nAmazon Widget modifica il conteggio delle richieste.\n\nData di entrata in vigore: 1 marzo 2027\n",
    "こんにちは。\n\nAmazon Widget のリクエストの数え方が変わります。\n\n発効日: 2027年3月1日\n",
    "您好，\n\nAmazon Widget 将变更请求的计数方式。\n\n生效日期：2027年3月1日\n",
    "안녕하세요.\n\nAmazon Widget 요청 집계 방식이 변경됩니다.\n\n시행일: 2027년 3월 1일\n",
]


@pytest.mark.parametrize("text", CASES)
def test_an_effective_date_field_is_the_deadline(text: str) -> None:
    found = best_deadline(text, date(2026, 12, 1), "policy.change_notice", True)
    assert found is not None and found.date == "2027-03-01"


def test_the_first_of_a_month_written_as_an_ordinal_with_of() -> None:
    found = best_deadline("Please upgrade your clusters by the 1st of June, 2027.", date(2026, 12, 1),
                          "health.end_of_support", True)
    assert found is not None and found.date == "2027-06-01"
    # (a number before "of may" is no date: "1 of may" is no ordinal)
    assert best_deadline("Step 1 of may take a while.", date(2026, 12, 1), "health.end_of_support", True) is None
