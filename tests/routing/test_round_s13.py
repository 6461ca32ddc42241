"""Session 13's first round, on the five misses left by unseen33/34, in our own words (none of these sentences is in a
fixture): a window given as "Start:"/"End:" fields, a period by which money arrives by itself, a German "bis
einschließlich" beside a webinar, a switch's date field the reader must prepare for, an account number sign."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.parse import parse_mail
from tests.routing.mailbuild import build

CLASSIFIER = NoticeClassifier()


@pytest.mark.parametrize(("sender", "subject", "body", "want"), [
    # a maintenance whose window is two field lines and that resets the reader's connections: its start
    ("health@aws.com", "Amazon Widget Relay - scheduled maintenance",
     "Hello,\n\nWe will perform maintenance on the relay fleet that serves your widgets in account 401928475660.\n\n"
     "Start: Wednesday, March 3, 2027 02:00 UTC\nEnd:   Wednesday, March 3, 2027 04:00 UTC\n\n"
     "Open sessions may be reset once during the window.\n", "2027-03-03"),
    ("health@aws.com", "Amazon Widget Queue maintenance",
     "Hello,\n\nYour Widget Queue brokers in account 401928475661 will be replaced during a maintenance.\n\n"
     "Window start (UTC): 2027-04-15 01:00\nWindow end (UTC): 2027-04-15 03:00\n", "2027-04-15"),
    # a refund that shows on the card within days: no deadline (es, en)
    ("aws-billing@amazon.com", "Crédito na sua conta da AWS",
     "Olá,\n\nEmitimos um crédito de BRL 62,00 para a conta 401928475662. O valor deve aparecer no extrato do seu "
     "cartão em até 5 dias úteis.\n", None),
    ("aws-billing@amazon.com", "Your AWS refund",
     "Hello,\n\nWe issued a refund of USD 40.00 to account 401928475663. Please expect it to appear on your card "
     "statement within 5 business days.\n", None),
    # a German end of a service "bis einschließlich" a date, beside a webinar and its recording
    ("health@aws.com", "Amazon Widget Notes wird eingestellt",
     "Guten Tag,\n\nAmazon Widget Notes wird eingestellt (Konto 401928475664). Sie können den Dienst noch bis "
     "einschließlich\n30.09.2027 nutzen; danach ist kein Zugriff mehr möglich.\n\nAm 12.02.2027 zeigen wir in einem "
     "Webinar Alternativen; die Aufzeichnung ist ab dem 19.02.2027 abrufbar.\n", "2027-09-30"),
    # a switch's date field and "before the switch": the switch's date, not the old certificate's expiry
    ("health@aws.com", "Certificate change for Amazon Widget Gateway endpoints",
     "Hello,\n\nThe server certificate of your Widget Gateway endpoints in account 401928475665 moves to a new CA.\n\n"
     "Rotation date: May 10, 2027\nCurrent certificate expires on: August 1, 2027\n\n"
     "Before the rotation, make sure that your clients trust the new root CA.\n", "2027-05-10"),
    ("health@aws.com", "[要対応] Amazon Widget Gateway のサーバー証明書の切り替え",
     "お客様の AWS アカウント 401928475665 の Widget Gateway エンドポイントのサーバー証明書が"
     "新しい CA に切り替わります。\n\n"
     "切り替え日時: 2027年5月10日 10:00 JST\n現在の証明書の有効期限: 2027年8月1日\n\n"
     "切り替え前に、クライアントが新しいルート CA を信頼していることを確認してください。\n", "2027-05-10"),
])
def test_deadlines_of_session_13(sender: str, subject: str, body: str, want: str | None) -> None:
    assert CLASSIFIER.classify(parse_mail(build(sender, subject, body))).deadline == want


@pytest.mark.parametrize("body", [
    "Estimado cliente:\n\nLa cuenta de AWS N.º 4019 2847 5666 tiene un saldo vencido.\n",
    "Bonjour,\n\nLe compte AWS n° 4019-2847-5666 présente un solde impayé.\n",
    "Olá,\n\nA conta da AWS nº 4019 2847 5666 tem um saldo em aberto.\n",
    "Hello,\n\nAccount No. 4019 2847 5666 has an overdue balance.\n",
    "Guten Tag,\n\nDas AWS-Konto Nr. 401928475666 weist einen offenen Betrag auf.\n",
])
def test_account_after_a_number_sign(body: str) -> None:
    mail = parse_mail(build("aws-billing@amazon.com", "AWS", body))
    assert CLASSIFIER.classify(mail).aws_account_id == "401928475666"


def test_pay_what_appears_on_the_invoice_within_days_stays_a_deadline() -> None:
    """The arrival reading is not taken where the clause asks a payment of the reader."""
    body = ("Hello,\n\nAccount 401928475667 has an unpaid balance. Please pay the amount that appears on your invoice "
            "within 10 days to avoid a suspension of your account.\n")
    notice = CLASSIFIER.classify(parse_mail(build("aws-billing@amazon.com", "Payment past due", body)))
    assert notice.deadline is not None
