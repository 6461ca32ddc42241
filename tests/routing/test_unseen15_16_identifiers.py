"""Account-id families behind the unseen15/16 misses (issue 12, item 4), in our own wordings.

- the reader's account, named in the second person or as the member account, beats another account named by its
  role (management, master, inviting) before its id or in parentheses right after it, in the 9 languages;
- a lone management account stays no one's (tests/routing/test_identifiers_management_account.py), in every language;
- localized account-id labels ("ID de AWS"), ids written plain, with dashes or spaces;
- an id in an HTML label/value pair (``<b>Account ID</b> 8422…``), the text part naming no account.
"""

from __future__ import annotations

import pytest

from routing.htmltables import label_accounts
from routing.identifiers import Extracted, extract_identifiers, with_table_accounts

OWN = "730219584462"
OTHER = "551203948871"
OWN_SPACED = "7302 1958 4462"
OTHER_SPACED = "5512 0394 8871"

# (another account, then the reader's): the second person or the member account wins over an account named by its
# role (management, inviting) before its id or in parentheses right after it
READER_AFTER_OTHER = (
    f"Account: {OTHER_SPACED} (the management account of o-1) asks your AWS account {OWN} to join.",
    f"Konto: {OTHER} (Verwaltungskonto der Organisation o-1) – bitte verknüpfen Sie Ihr AWS-Konto {OWN_SPACED}.",
    f"Das einladende Konto {OTHER} möchte, dass Ihr Konto {OWN} der Organisation beitritt.",
    f"Bitte stimmen Sie als Root-Benutzer des Mitgliedskontos {OWN_SPACED} zu; das Verwaltungskonto {OTHER} wartet.",
    f"Cuenta: {OTHER_SPACED} (cuenta de administración de o-1) solicita que su cuenta de AWS {OWN} se una.",
    f"Compte AWS : {OTHER} (compte de gestion de l'organisation o-1) propose à votre compte AWS {OWN} de la rejoindre.",
    f"Conta da AWS: {OTHER} (conta de gerenciamento da organização o-1) pede que a sua conta da AWS {OWN_SPACED} "
    "participe.",
    f"Account AWS: {OTHER} (account di gestione dell'organizzazione o-1) chiede al tuo account AWS {OWN} di unirsi.",
    f"組織 o-1 の管理アカウント {OTHER} が、お客様の AWS アカウント {OWN} に参加をリクエストしています。",
    f"招待元アカウント {OTHER_SPACED} から、メンバーアカウント {OWN} への招待です。",
    f"조직 o-1의 관리 계정 {OTHER}이(가) 귀하의 AWS 계정 {OWN}에 가입을 요청했습니다.",
    f"组织 o-1 的管理账户 {OTHER} 请求您的 AWS 账户 {OWN} 加入该组织。",
)
# (another account whose role is given right after its id, or that acts on the reader's, by a verb)
OTHER_BY_WHAT_FOLLOWS = (
    f"Account {OTHER} (the management account of the organization o-1,\ncontact: cloud-team@example.org) has "
    f"invited account {OWN}.",
    f"Das AWS-Konto {OTHER_SPACED} (Verwaltungskonto der Organisation o-1) bittet Ihr AWS-Konto {OWN} beizutreten.",
    f"La cuenta {OTHER} (cuenta de administración de o-1) ha invitado a la cuenta {OWN}.",
    f"Le compte {OTHER} a invité le compte {OWN} à rejoindre l'organisation o-1.",
    f"A conta {OTHER} convidou a conta {OWN} para a organização o-1.",
    f"L'account {OTHER} ha invitato l'account {OWN} nell'organizzazione o-1.",
    f"Das Konto {OTHER} hat Sie eingeladen; melden Sie sich beim Konto {OWN} an.",
    f"账户 {OTHER}（组织 o-1）已邀请您加入；请登录账户 {OWN}。",
)
# an account named by its role in parentheses, no account in the second person: the mail's account (one to the
# management account itself)
ROLE_WITHOUT_SECOND_PERSON = (
    f"We could not charge the invoice for account {OWN} (management account of the organization that includes "
    f"member account {OTHER}).",
    f"Die Rechnung für das AWS-Konto {OWN} (Verwaltungskonto der Organisation o-1) ist überfällig.",
    f"AWS アカウント {OWN}（組織 o-1 の管理アカウント）の請求書のお支払いが確認できません。",
)
# only the management (or inviting) account is named: no account is the reader's
MANAGEMENT_ONLY = (
    f"Ab dem 1. Dezember gilt die Tag-Richtlinie in der Organisation, deren Verwaltungskonto {OTHER} ist.",
    f"Das Verwaltungskonto {OTHER_SPACED} der Organisation o-1 hat eine Einladung gesendet.",
    f"La cuenta de administración {OTHER} de la organización o-1 envió una invitación.",
    f"Le compte de gestion {OTHER} de l'organisation o-1 a envoyé une invitation.",
    f"A conta de gerenciamento {OTHER} da organização o-1 enviou um convite.",
    f"L'account di gestione {OTHER} dell'organizzazione o-1 ha inviato un invito.",
    f"組織 o-1（管理アカウント {OTHER}）でタグポリシーが適用されます。",
    f"관리 계정 {OTHER}에서 초대를 보냈습니다.",
    f"管理账户 {OTHER} 已发送邀请。",
)
# localized id labels
LABELLED = (
    f"ID de AWS: {OWN_SPACED}    Región: sa-east-1",
    f"ID de AWS {OWN}, región sa-east-1",
    "ID de AWS: 7302-1958-4462",
)


@pytest.mark.parametrize("body", READER_AFTER_OTHER)
def test_the_readers_account_beats_the_management_or_inviting_account(body: str) -> None:
    found = extract_identifiers("", body)
    assert found.aws_account_id == OWN
    assert set(found.identifiers["aws_account_ids"]) <= {OWN, OTHER}


@pytest.mark.parametrize("body", OTHER_BY_WHAT_FOLLOWS)
def test_an_account_whose_role_or_verb_follows_its_id_is_anothers(body: str) -> None:
    assert extract_identifiers("", body).aws_account_id == OWN


@pytest.mark.parametrize("body", ROLE_WITHOUT_SECOND_PERSON)
def test_a_role_in_parentheses_alone_does_not_make_the_account_anothers(body: str) -> None:
    assert extract_identifiers("", body).aws_account_id == OWN


@pytest.mark.parametrize("body", MANAGEMENT_ONLY)
def test_a_lone_management_account_is_no_ones_in_every_language(body: str) -> None:
    assert extract_identifiers("", body).aws_account_id is None


def test_your_organizations_management_account_stays_the_readers() -> None:
    body = f"Votre organisation (compte de gestion {OWN}) change le 1er décembre."
    assert extract_identifiers("", body).aws_account_id == OWN


@pytest.mark.parametrize("body", LABELLED)
def test_localized_account_id_labels(body: str) -> None:
    assert extract_identifiers("", body).aws_account_id == OWN


def test_an_order_number_after_a_spanish_id_label_is_no_account() -> None:
    assert extract_identifiers("", f"ID de pedido: {OWN_SPACED}").aws_account_id is None


PAIRS = (
    f"<p><b>Account ID</b> {OWN}<br><b>Region</b> eu-west-1</p>",
    "<p><strong>AWS account</strong>&nbsp;7302-1958-4462<br></p>",
    f"<p><b>ID du compte :</b> {OWN_SPACED}<br></p>",
    f"<dl><dt>アカウント ID</dt><dd>{OWN}</dd><dt>リージョン</dt><dd>ap-northeast-1</dd></dl>",
    f"<p><span class=\"k\">Konto-ID:</span> {OWN}</p>",
    f"<p><b>계정 ID</b> {OWN}</p>",
    f"<p><label>账户 ID</label>：{OWN}</p>",
)


@pytest.mark.parametrize("markup", PAIRS)
def test_an_id_after_an_html_account_label(markup: str) -> None:
    assert label_accounts(markup).own == (OWN,)
    extracted = with_table_accounts(extract_identifiers("", "Open the HTML version of this message."), markup)
    assert extracted.aws_account_id == OWN


@pytest.mark.parametrize("markup", (
    f"<p><b>Management account</b> {OTHER}</p>",
    f"<p><b>Payer account:</b> {OTHER}</p>",
    f"<p><b>管理アカウント</b> {OTHER}</p>",
))
def test_an_id_after_another_accounts_label_is_named_not_the_readers(markup: str) -> None:
    assert label_accounts(markup).other == (OTHER,)
    extracted = with_table_accounts(Extracted(None, {"aws_account_ids": []}), markup)
    assert extracted.aws_account_id is None
    assert extracted.identifiers["aws_account_ids"] == [OTHER]


@pytest.mark.parametrize("markup", (
    f"<p><b>Order number</b> {OWN}</p>",  # not an account label
    f"<p><b>Account name</b> {OWN}</p>",  # an account's name, no id
    f"<p>Account ID <i>x</i> {OWN}</p>",  # no label element ends right before the id
    f"<p><b>Account ID</b> {OWN}5</p>",  # 13 digits
    f"<p><b>Account ID</b> see {OWN}</p>",  # words between
))
def test_no_account_from_what_is_no_label_value_pair(markup: str) -> None:
    assert label_accounts(markup).own == ()


def test_the_text_part_wins_over_the_html_label() -> None:
    extracted = with_table_accounts(extract_identifiers("", f"Your AWS account {OTHER} is affected."),
                                    f"<p><b>Account ID</b> {OWN}</p>")
    assert extracted.aws_account_id == OTHER
