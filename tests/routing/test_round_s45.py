"""Session 45's rounds, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 93: a salutation that ends in a colon ("Hola:", "Estimado cliente:", "Dear customer:", "Olá:", "您好：") opens the
mail and introduces no list, so the sentence under it is no list item and its past date ("fue suspendida el D") stays
a fact; a Support case may be called a "案件" in Chinese ("案件 1782… 有新的回覆")."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T16:40:00+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Su cuenta de AWS ha sido suspendida",
     "Hola:\n\nLa cuenta de AWS 730465182947 fue suspendida el 3 de marzo de 2027 por un saldo de Amazon Quokka sin "
     "pagar.\n\nSi paga el saldo antes del 2 de abril de 2027, volveremos a activar la cuenta."),
    ("Su cuenta de AWS ha sido suspendida",
     "Estimado cliente:\n\nLa cuenta de AWS 730465182947 fue suspendida el 3 de marzo de 2027 por un saldo de Amazon "
     "Quokka sin pagar.\n\nSi paga el saldo antes del 2 de abril de 2027, volveremos a activar la cuenta."),
    ("Sua conta da AWS foi suspensa",
     "Olá:\n\nA conta da AWS 730465182947 foi suspensa em 3 de março de 2027 por um saldo do Amazon Quokka em "
     "aberto.\n\nSe você pagar o saldo antes de 2 de abril de 2027, reativaremos a conta."),
    ("Il tuo account AWS è stato sospeso",
     "Gentile cliente:\n\nL'account AWS 730465182947 è stato sospeso il 3 marzo 2027 per un saldo di Amazon Quokka non "
     "pagato.\n\nSe paghi il saldo entro il 2 aprile 2027, riattiveremo l'account."),
], ids=["es-hola", "es-estimado", "pt-ola", "it-gentile"])
def test_the_sentence_under_a_salutation_is_no_list_item(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline == "2027-04-02"


@pytest.mark.parametrize("body", [
    "- i-0a1b2c3d4e5f60718: 2 de abril de 2027\n- i-0f9e8d7c6b5a49382: 9 de abril de 2027",
    "- quokka-node-0001: 2 de abril de 2027\n- quokka-node-0002: 9 de abril de 2027",
], ids=["instances", "nodes"])
def test_a_list_under_its_intro_keeps_its_first_date(body: str) -> None:
    # the guard: a list's intro ends in a colon too, and is no salutation
    notice = classify("health@aws.com", "Mantenimiento programado de Amazon Quokka",
                      "Hola:\n\nAmazon Quokka reiniciará los siguientes recursos en estas fechas:\n" + body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-04-02"


@pytest.mark.parametrize(("subject", "body"), [
    ("案件 178203945610 有新的回覆",
     "您好：\n\n我們已在您的支援案件中新增回覆。\n\n案件 ID：178203945610\n主旨：Amazon Quokka 配額\n\n"
     "請登入支援中心檢視完整回覆。"),
    (None, "您好：\n\n案件 178203945610 有新的回覆，關於 Amazon Quokka 配額。請登入支援中心檢視。"),
    ("案件 178203945610 有新的回复", "您好：\n\n您的案件 178203945610 有新的回复。请登录支持中心查看。"),
], ids=["zh-tw", "zh-tw-no-subject", "zh-cn"])
def test_a_reply_on_a_case_called_anjian_is_case_correspondence(subject: str | None, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_3)
    assert notice.notice_type == "support.case_correspondence"
