"""Leftovers of issue 12's tuning rounds: legacy-charset body parts decoded by routing.parse (also with a wrong
declaration), the member account written with a hyphen in 9 languages, an account id after dotted leaders, and a
plain stub beside a Chinese/Japanese/Korean HTML part that is shorter in characters (mails built here)."""

from __future__ import annotations

import base64

import pytest

from routing.classify import NoticeClassifier
from routing.identifiers import extract_identifiers
from routing.parse import decode_legacy, parse_mail

JA = "お客様\n\nAWS アカウント ID : 552093817764\nトライアル終了日 : 2027年1月22日\n"
TEXTS = {
    "iso-2022-jp": JA,
    "shift_jis": JA,
    "euc-jp": JA,
    "euc-kr": "고객님께\n\nAWS 계정 ID: 552093817764\n마감일: 2027년 1월 22일\n",
    "gb2312": "尊敬的客户：\n\nAWS 账户 ID：552093817764\n截止日期：2027年1月22日\n",
    "gb18030": "尊敬的客户：\n\nAWS 账户 ID：552093817764\n截止日期：2027年1月22日\n",
    "big5": "親愛的客戶：\n\nAWS 帳戶 ID：552093817764\n截止日期：2027年1月22日\n",
    "iso-8859-1": "Olá,\n\nConta da AWS: 552093817764\nPrazo: 22 de janeiro de 2027\n",
    "iso-8859-15": "Bonjour,\n\nCompte AWS : 552093817764 (coût 5 €)\nÉchéance : 22 janvier 2027\n",
    "windows-1252": "Guten Tag,\n\nAWS-Konto: 552093817764 – Gebühr 5 €\nFrist: 22.01.2027\n",
    "windows-1251": "Здравствуйте,\n\nAWS account: 552093817764\n",
}


def _part(text: str, charset: str, cte: str, subtype: str = "plain", declared: str | None = None) -> str:
    data = text.encode(charset)
    if cte == "base64":
        body = base64.encodebytes(data).decode("ascii")
        return (f"Content-Type: text/{subtype}; charset={declared or charset}\nContent-Transfer-Encoding: base64\n\n"
                + body)
    return (f"Content-Type: text/{subtype}; charset={declared or charset}\nContent-Transfer-Encoding: {cte}\n\n"
            + data.decode("latin-1") + "\n")


def _mail(*parts: str, subject: str = "AWS Notification") -> bytes:
    head = ("From: AWS Health <health@aws.com>\nTo: root@example.org\nDate: Tue, 01 Dec 2026 09:00:00 +0000\n"
            f"Subject: {subject}\nMIME-Version: 1.0\n")
    if len(parts) == 1:
        return (head + parts[0]).encode("latin-1")
    body = "".join(f"--b\n{part}\n" for part in parts)
    return (head + 'Content-Type: multipart/alternative; boundary="b"\n\n' + body + "--b--\n").encode("latin-1")


@pytest.mark.parametrize("charset", sorted(TEXTS))
@pytest.mark.parametrize("cte", ["7bit-or-8bit", "base64"])
def test_a_legacy_charset_text_part_is_decoded_by_its_declared_charset(charset: str, cte: str) -> None:
    text = TEXTS[charset]
    wire = ("7bit" if charset == "iso-2022-jp" else "8bit") if cte == "7bit-or-8bit" else cte
    parsed = parse_mail(_mail(_part(text, charset, wire)))
    assert parsed.text == text.strip()
    assert "\x1b" not in parsed.text


def test_an_iso_2022_jp_text_part_beside_an_html_part_is_read_itself() -> None:
    html = "<html><body><p>Other words only in the HTML part.</p></body></html>"
    parsed = parse_mail(_mail(_part(JA, "iso-2022-jp", "7bit"),
                              f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 7bit\n\n{html}\n"))
    assert "トライアル終了日" in parsed.text
    notice = NoticeClassifier().classify(parsed)
    assert notice.aws_account_id == "552093817764"


def test_an_iso_2022_jp_html_part_is_decoded_too() -> None:
    html = "<html><body><p>AWS アカウント ID : 552093817764</p></body></html>"
    parsed = parse_mail(_mail(_part(html, "iso-2022-jp", "7bit", subtype="html")))
    assert "アカウント" in parsed.html and "アカウント" in parsed.html_text


@pytest.mark.parametrize(("text", "charset", "declared"), [
    (TEXTS["gb18030"] + "镕\n", "gb18030", "gb2312"),  # a character GB2312 lacks: the superset reads it
    (JA + "①\n", "cp932", "shift_jis"),  # a Windows extension of Shift_JIS
    (TEXTS["euc-kr"], "utf-8", "euc-kr"),  # UTF-8 declared as EUC-KR: read as UTF-8
    (JA, "utf-8", "x-no-such-charset"),  # an unknown charset name
], ids=["gb18030-as-gb2312", "cp932-as-shift_jis", "utf-8-as-euc-kr", "utf-8-as-unknown"])
def test_a_wrong_declaration_loses_nothing(text: str, charset: str, declared: str) -> None:
    parsed = parse_mail(_mail(_part(text, charset, "base64", declared=declared)))
    assert parsed.text == text.strip()


def test_bytes_that_no_codec_reads_are_kept() -> None:
    data = bytes(range(0x80, 0x100))
    assert decode_legacy(data, "shift_jis").encode("latin-1") == data


MEMBER = [
    "Als Root-Benutzer des Mitgliedskontos 662019384475 genehmigen Sie die Anfrage.",
    "Como usuario raíz de la cuenta-miembro 662019384475, apruebe la solicitud.",
    "Como usuario raíz de la cuenta miembro 662019384475, apruebe la solicitud.",
    "En tant qu'utilisateur racine du compte-membre 662019384475, approuvez la demande.",
    "En tant qu'utilisateur racine du compte membre 662019384475, approuvez la demande.",
    "Como usuário raiz da conta-membro 662019384475, aprove a solicitação.",
    "Como usuário raiz da conta membro 662019384475, aprove a solicitação.",
    "Come utente root dell'account-membro 662019384475, approva la richiesta.",
    "Come utente root dell'account membro 662019384475, approva la richiesta.",
    "As the root user of member account 662019384475, approve the request.",
    "As the root user of the member-account 662019384475, approve the request.",
    "メンバーアカウント 662019384475 のルートユーザーとして、リクエストを承認してください。",
    "作为成员账户 662019384475 的根用户，请批准该请求。",
    "멤버 계정 662019384475의 루트 사용자로서 요청을 승인하십시오.",
]


@pytest.mark.parametrize("sentence", MEMBER)
def test_the_member_account_in_9_languages(sentence: str) -> None:
    text = f"A conta de gerenciamento 4410 2938 5567 da organização pediu para ativar todos os recursos.\n{sentence}\n"
    assert extract_identifiers("", text, (), None).aws_account_id == "662019384475"


@pytest.mark.parametrize("name", ["Account", "AWS account ID", "Affected account", "Konto-ID", "Cuenta de AWS",
                                  "アカウント ID", "账户 ID", "계정"])
def test_an_account_id_after_dotted_leaders(name: str) -> None:
    text = f"Hello,\n\n  {name} ........................ 427710936628\n  Region ......... ap-southeast-2\n"
    assert extract_identifiers("", text, (), None).aws_account_id == "427710936628"


def test_the_management_account_after_dotted_leaders_is_not_the_readers() -> None:
    text = "Hello,\n\n  Management account ........ 427710936628\n  Region ......... ap-southeast-2\n"
    assert extract_identifiers("", text, (), None).aws_account_id is None


STUB = "Hello,\n\nAn AWS Health event affects your account. Open the HTML version of this message to read it.\n\n" \
       "Sincerely,\nAmazon Web Services\n"
DL = {
    "zh": ("<p>Amazon EKS 1.29 版的标准支持即将结束。请升级您的集群。</p><dl><dt>截止日期</dt><dd>2027年2月9日</dd>"
           "<dt>账户 ID</dt><dd>415536207781</dd></dl>"),
    "ja": ("<p>Amazon EKS 1.29 の標準サポートが終了します。</p><dl><dt>期限</dt><dd>2027年2月9日</dd>"
           "<dt>アカウント ID</dt><dd>415536207781</dd></dl>"),
    "ko": ("<p>Amazon EKS 1.29 표준 지원이 종료됩니다.</p><dl><dt>마감일</dt><dd>2027년 2월 9일</dd>"
           "<dt>계정 ID</dt><dd>415536207781</dd></dl>"),
    "de": ("<p>Der Standard-Support für Amazon EKS 1.29 endet.</p><dl><dt>Frist</dt><dd>09.02.2027</dd>"
           "<dt>Konto-ID</dt><dd>415536207781</dd></dl>"),
}


@pytest.mark.parametrize("lang", sorted(DL))
def test_a_stub_beside_a_short_cjk_html_part_reads_the_html_part(lang: str) -> None:
    html = f"<html><body>{DL[lang]}<p>Amazon Web Services</p></body></html>"
    raw = _mail(f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{STUB}",
                _part(html, "utf-8", "8bit", subtype="html"))
    notice = NoticeClassifier().classify(parse_mail(raw))
    assert notice.deadline == "2027-02-09"
    assert notice.aws_account_id == "415536207781"
