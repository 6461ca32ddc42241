"""The account a mail is about, not the account that only gets a copy of it (issue 12, unseen14 held-out).

A mail about a linked (member) account's resources often says that the payer account "receives a copy": the
copy's account is not the one concerned. The copy is said after the number ("payer account 8802… receives a
copy") or before it ("a copy was sent to your payer account 8802…"), in English and our other languages.
"""

from __future__ import annotations

import pytest

from routing.identifiers import extract_identifiers

LINKED = "512000000007"
PAYER = "880000000003"


@pytest.mark.parametrize("body", [
    f"Your DB instances in linked account {LINKED} will be upgraded. Your payer account {PAYER} receives a copy "
    "of this message.",
    f"The clusters of member account {LINKED} need a patch. Payer account {PAYER} also receives a copy.",
    f"Your DB instances in linked account {LINKED} will be upgraded. A copy of this email was sent to your payer "
    f"account {PAYER}.",
    f"Las instancias de la cuenta vinculada {LINKED} se actualizarán. Su cuenta pagadora {PAYER} recibe una copia.",
    f"Les instances du compte lié {LINKED} seront mises à jour. Votre compte payeur {PAYER} reçoit une copie.",
    f"Die Instanzen im verknüpften Konto {LINKED} werden aktualisiert. Ihr Zahlerkonto {PAYER} erhält eine Kopie.",
    f"As instâncias da conta vinculada {LINKED} serão atualizadas. Sua conta pagadora {PAYER} recebe uma cópia.",
    f"Le istanze dell'account collegato {LINKED} verranno aggiornate. L'account pagante {PAYER} riceve una copia.",
])
def test_the_account_that_gets_a_copy_is_not_the_concerned_one(body: str) -> None:
    assert extract_identifiers("", body).aws_account_id == LINKED


def test_a_lone_account_is_still_taken() -> None:
    assert extract_identifiers("", f"Your DB instances in account {LINKED} will be upgraded.").aws_account_id == LINKED
