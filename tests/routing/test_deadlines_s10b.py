"""Short deadline round on the unseen25/unseen26 batches (issue 12, item 3): routing/deadline.py.

Our own wordings (not those of any fixture set), one family each: the end of a probation or review period written
"al final del período …, el D" ("final" for "fin", a comma before the date's "on") in the languages where the family
has that form."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline

MAIL_DATE = date(2027, 1, 10)


@pytest.mark.parametrize(("text", "want"), [
    ("Si no corrige la tasa de quejas, no podrá enviar correo al final del período de revisión, el 9 de febrero de "
     "2027.", "2027-02-09"),
    ("Se a taxa não for corrigida, os envios param ao final do período de análise, em 9 de fevereiro de 2027.",
     "2027-02-09"),
    ("Sans correction, l'envoi sera bloqué à la fin de la période d'examen, le 9 février 2027.", "2027-02-09"),
    ("Senza correzioni, l'invio sarà bloccato alla fine del periodo di revisione, il 9 febbraio 2027.", "2027-02-09"),
    ("Ohne Korrektur wird der Versand am Ende des Prüfzeitraums, am 9. Februar 2027, gesperrt.", "2027-02-09"),
])
def test_end_of_period_with_comma_before_its_date(text: str, want: str) -> None:
    # (a date the mail names earlier, a fact, is not taken instead)
    assert find_deadline("Gemessen seit 3. Januar 2027 / medido desde el 3 de enero de 2027.\n" + text, MAIL_DATE,
                         "ses.sending_review") == want
