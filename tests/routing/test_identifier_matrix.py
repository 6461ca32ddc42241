"""The account id matrix: the reader's account named in 5 ways in each of the 9 languages, each written plain, with
dashes and with spaces (135 cases), and another account (a management account that invites, a seller) named in each
language (18 cases), in a mail from the general AWS sender with no Subject.

Written in session 14 in our own words as a guard for issue 12's item 4: all 153 held at 38e5c40, where the blind
batches of this session (unseen41-44) gave 119 of 120 ids on their first runs.
"""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

ACCT = "318204957716"
FORMS = {"plain": "318204957716", "dashes": "3182-0495-7716", "spaces": "3182 0495 7716"}
#: per language: sentences that name the reader's account ({A})
POS = {
 "en": ["Your AWS account {A} has an overdue balance.", "Account ID: {A}", "This notice concerns account {A}.",
        "AWS Account Number: {A}", "the root user of account {A}"],
 "de": ["Ihr AWS-Konto {A} weist einen offenen Betrag auf.", "Konto-ID: {A}",
        "Diese Mitteilung betrifft das Konto {A}.",
        "AWS-Kontonummer: {A}", "der Root-Benutzer des Kontos {A}"],
 "es": ["Su cuenta de AWS {A} tiene un saldo vencido.", "ID de cuenta: {A}", "Este aviso se refiere a la cuenta {A}.",
        "Número de cuenta de AWS: {A}", "el usuario raíz de la cuenta {A}"],
 "fr": ["Votre compte AWS {A} présente un solde impayé.", "ID de compte : {A}", "Cet avis concerne le compte {A}.",
        "Numéro de compte AWS : {A}", "l'utilisateur racine du compte {A}"],
 "it": ["Il suo account AWS {A} ha un saldo scaduto.", "ID account: {A}", "Questo avviso riguarda l'account {A}.",
        "Numero di account AWS: {A}", "l'utente root dell'account {A}"],
 "pt": ["Sua conta da AWS {A} tem um saldo vencido.", "ID da conta: {A}", "Este aviso se refere à conta {A}.",
        "Número da conta da AWS: {A}", "o usuário raiz da conta {A}"],
 "ja": ["お客様の AWS アカウント {A} に未払い残高があります。", "アカウント ID: {A}",
        "この通知はアカウント {A} に関するものです。",
        "AWS アカウント番号：{A}", "アカウント {A} のルートユーザー"],
 "ko": ["AWS 계정 {A}에 연체 잔액이 있습니다.", "계정 ID: {A}", "이 알림은 계정 {A}에 관한 것입니다.",
        "AWS 계정 번호: {A}", "계정 {A}의 루트 사용자"],
 "zh": ["您的 AWS 账户 {A} 有逾期余额。", "账户 ID：{A}", "此通知涉及账户 {A}。", "AWS 账号：{A}", "账户 {A} 的根用户"],
}
#: per language: sentences that name another account ({A}): none is the reader's
NEG = {
 "en": ["Your account was invited by the management account {A}.", "Seller account: {A}"],
 "de": ["Ihr Konto wurde vom Verwaltungskonto {A} eingeladen.", "Verkäuferkonto: {A}"],
 "es": ["Su cuenta fue invitada por la cuenta de administración {A}.", "Cuenta del vendedor: {A}"],
 "fr": ["Votre compte a été invité par le compte de gestion {A}.", "Compte du vendeur : {A}"],
 "it": ["Il suo account è stato invitato dall'account di gestione {A}.", "Account del venditore: {A}"],
 "pt": ["Sua conta foi convidada pela conta de gerenciamento {A}.", "Conta do vendedor: {A}"],
 "ja": ["お客様のアカウントは管理アカウント {A} から招待されました。", "販売者アカウント: {A}"],
 "ko": ["귀하의 계정은 관리 계정 {A}에서 초대되었습니다.", "판매자 계정: {A}"],
 "zh": ["您的账户已被管理账户 {A} 邀请。", "卖家账户：{A}"],
}


@pytest.mark.parametrize(("lang", "sentence", "form"), [(lang, sentence, form) for lang, sentences in POS.items()
                                                         for sentence in sentences for form in FORMS])
def test_the_readers_account_is_named_in_every_language_and_form(lang: str, sentence: str, form: str) -> None:
    notice = classify("no-reply-aws@amazon.com", None, "Hello,\n\n" + sentence.replace("{A}", FORMS[form]) + "\n")
    assert notice.aws_account_id == ACCT, (lang, sentence, form)


@pytest.mark.parametrize(("lang", "sentence"), [(lang, sentence) for lang, sentences in NEG.items()
                                                for sentence in sentences])
def test_another_account_is_never_the_readers(lang: str, sentence: str) -> None:
    notice = classify("no-reply-aws@amazon.com", None, "Hello,\n\n" + sentence.replace("{A}", ACCT) + "\n")
    assert notice.aws_account_id is None, (lang, sentence)
