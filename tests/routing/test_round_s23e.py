"""Session 23's fifth round, in our own words (none of these sentences is in a fixture): a dotted field with a colon;
"before this date" two sentences after its date; "every customer needs to … by D"; a Portuguese imperative; a
localized start field on the mail's own date; an account field and a retirement of models in Spanish; reserved
instances that expire in German; a change of how tax invoices are issued, in Korean."""

from __future__ import annotations

from datetime import date

from routing.deadline import best_deadline, find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

SENT = "Mon, 08 Feb 2027 09:00:00 +0000"
DAY = date(2027, 2, 8)
GENERAL = "no-reply-aws@amazon.com"


def test_a_dotted_field_with_a_colon() -> None:
    text = ("Betreff\n  Instanz-ID ..........: i-0a1b2c3d4e5f60718\n  Außerbetriebnahme ...: Montag, 12. April 2027, "
            "08:00 Uhr MEZ\n")
    assert find_deadline(text, DAY, "health.instance_retirement") == "2027-04-12"


def test_before_this_date_two_sentences_after_its_date() -> None:
    text = ("Objet\nLe certificat actuel expire le 30 juin 2027. Nous remplacerons l'ancien certificat par le "
            "nouveau le mardi 11 mai 2027. Les clients qui épinglent l'ancien certificat seront alors refusés. Vous "
            "devez mettre à jour vos clients avant cette date.\n")
    assert find_deadline(text, DAY, "health.certificate_rotation") == "2027-05-11"


def test_every_customer_needs_to_act_by_a_date() -> None:
    body = ("Hello,\n\nThank you for the call today. As discussed, the 2019 cipher suite is being retired for all "
            "endpoints, and every customer needs to move their endpoints to the 2025 suite by April 20, 2027.\n")
    assert classify(GENERAL, "RE: [CASE 17755500001] Cipher suites", body, date=SENT).deadline == "2027-04-20"


def test_a_portuguese_imperative_in_a_case_aws_opened() -> None:
    body = ("Olá,\n\nA Amazon Web Services abriu o caso 17755500002 em seu nome.\n\nPara concluirmos a análise do "
            "pedido, responda a este caso até quinta-feira, 18 de fevereiro de 2027.\n")
    notice = classify(GENERAL, "Amazon Web Services: Novo caso de suporte: 17755500002", body, date=SENT)
    assert notice.deadline == "2027-02-18"


def test_a_localized_start_field_on_the_mails_own_date_is_a_fact() -> None:
    text = ("Oggetto\nPERIODO DI REVISIONE\nInizio: 8 febbraio 2027\nSe la percentuale di reclami non scenderà entro "
            "il 22 febbraio 2027, potremmo sospendere l'invio.\n")
    assert find_deadline(text, DAY, "ses.sending_review") == "2027-02-22"


def test_a_spanish_account_field_and_models_retired() -> None:
    text = "Cuenta de AWS afectada: 441-220-983-376\nRegión: eu-west-1\n"
    assert extract_identifiers("", text, (), DAY).aws_account_id == "441220983376"
    body = ("Hola:\n\nEl 30 de septiembre de 2027, Amazon Rekognition retirará los modelos personalizados entrenados "
            "antes de 2024.\n")
    assert classify("health@aws.com", "Aviso de AWS Health", body, date=SENT).notice_type == "health.end_of_support"


def test_reserved_instances_that_expire_in_german() -> None:
    body = ("Hallo,\n\nIhre reservierten Instances für Amazon ElastiCache laufen in 14 Tagen ab. Die Reservierung "
            "endet am 22. Februar 2027.\n")
    notice = classify(GENERAL, "Ihre Reservierungen laufen bald ab", body, date=SENT)
    assert notice.notice_type == "cost.commitment_expiry"


def test_a_change_of_how_tax_invoices_are_issued_in_korean() -> None:
    body = ("안녕하세요,\n\nAWS 세금 계산서 발행 방식 변경을 안내해 드립니다. 2027년 5월 1일부터 전자세금계산서에 "
            "사업장 주소가 표시됩니다.\n")
    assert classify(GENERAL, None, body, date=SENT).notice_type == "policy.change_notice"


def test_a_field_whose_name_holds_the_date() -> None:
    text = ("Subject\nPlease find your invoice attached.\n\nInvoice Summary\nInvoice Number: 5512098834\nInvoice Date: "
            "April 3, 2027\nAccount number: 441220983376\nBALANCE DUE ON May 3, 2027: EUR 210.40\n\nThis invoice "
            "covers the billing period March 1 - March 31, 2027.\n\nPlease transfer the balance so that it arrives "
            "by the due date above.\n")
    found = best_deadline(text, date(2027, 4, 3), "billing.invoice", evidence=True)
    assert found is not None and found.date == "2027-05-03" and found.act_by
