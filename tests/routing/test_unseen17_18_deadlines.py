"""Deadlines and account ids of the unseen17/18 misses (issue 12), as families in our own wordings: a labelled
deadline, apply-by or scheduled date in 9 languages (also glued to its label, as an HTML <dt>/<dd> pair reaches
the text), a weekday between a localized lead and its date, dotted leaders between a field and its date, a
published or sent date that is a fact; and in routing/classify.py a plain part that is a stub (the deadline and
the account in the HTML part) or that reached us undecoded (ISO-2022-JP escape sequences).

Every positive case named the wrong date or none before this change (but es "Fecha límite:", fr "Date limite :",
it "Termine ultimo:" and ja "移行期限 :", which a context word already carried and are kept as guards); the negatives
pin what must not fire."""

from __future__ import annotations

from datetime import date

import pytest

from routing.classify import NoticeClassifier
from routing.deadline import find_deadline
from routing.parse import parse_mail

MAIL_DATE = date(2026, 12, 1)

# family A: a labelled deadline, apply-by or scheduled date (a colon, or none: an HTML <dt>/<dd> pair glued)
LABELLED = [
    ("de", "Die Laufzeit Node.js 16 wird eingestellt. Bitte aktualisieren Sie Ihre Funktionen für Node.js 20.\n"
           "Frist16.03.2027"
           "Konto-ID 4410 2298 3371", "2027-03-16"),
    ("de-apply", "Ein Update ist verfügbar (veröffentlicht am 20.11.2026).\n"
                 "Empfohlenes Anwendungsdatum: Donnerstag, 18.02.2027.", "2027-02-18"),
    ("es", "Actualice sus dominios.\nFecha límite: 9 de marzo de 2027\nRegión sa-east-1", "2027-03-09"),
    ("fr", "Mettez à jour vos clusters.\nDate limite : 4 mars 2027", "2027-03-04"),
    ("fr-apply", "Une mise à jour est disponible (publiée le 20/11/2026).\n"
                 "Date d'application recommandée : jeudi 18/02/2027.", "2027-02-18"),
    ("it", "Aggiorna il tuo ambiente.\nTermine ultimo: 22 febbraio 2027", "2027-02-22"),
    ("pt", "Atualize seus bancos de dados.\nPrazo: 25 de fevereiro de 2027", "2027-02-25"),
    ("ja", "ランタイムを移行してください。\n移行期限 : 2027年2月26日", "2027-02-26"),
    ("zh", "请升级您的集群。\n截止日期2027年2月9日账户 ID", "2027-02-09"),
    ("ko", "인스턴스를 교체하십시오.\n  교체 예정 일시 : 2027년 1월 14일 오전 9시(UTC)\n"
           "  통지 발송일    : 2026년 12월 1일", "2027-01-14"),
    ("ko-deadline", "클러스터를 업그레이드하십시오.\n마감일: 2027년 2월 3일", "2027-02-03"),
    ("ja-scheduled", "メンテナンスを実施します。\n実施予定日 : 2027年1月19日", "2027-01-19"),
]


@pytest.mark.parametrize(("language", "text", "want"), LABELLED, ids=[c[0] for c in LABELLED])
def test_a_labelled_deadline_in_nine_languages(language: str, text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE) == want


# family B: a weekday between a localized lead and its date
WEEKDAY = [
    ("de", "Bitte zahlen Sie den offenen Betrag bis spätestens Dienstag, 9. Februar 2027.", "2027-02-09"),
    ("es", "Responda al caso a más tardar el martes, 12 de enero de 2027.", "2027-01-12"),
    ("fr", "Veuillez répondre au plus tard le mercredi 13 janvier 2027.", "2027-01-13"),
    ("it", "Rispondi al caso entro il giovedì 14 gennaio 2027.", "2027-01-14"),
    ("pt", "Responda ao caso até sexta-feira, 15 de janeiro de 2027.", "2027-01-15"),
]


@pytest.mark.parametrize(("language", "text", "want"), WEEKDAY, ids=[c[0] for c in WEEKDAY])
def test_a_weekday_between_the_lead_and_the_date(language: str, text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE) == want


# family C: dotted leaders between a field and its date (a due date among invoice/issue dates)
LEADERS = [
    ("en", "Your invoice is available.\n\n  Invoice date ....... 1 Dec 2026\n  Amount due ......... EUR 81.20\n"
           "  Payment due ........ 29 Jan 2027\n\nPlease pay by bank transfer.", "2027-01-29"),
    ("pt", "Sua fatura está disponível.\n\n  Data da fatura ..... 01/12/2026\n  Vencimento ......... 20/01/2027\n\n"
           "Pague o boleto.", "2027-01-20"),
    ("de", "Ihre Rechnung ist verfügbar.\n\n  Rechnungsdatum ..... 01.12.2026\n  Fällig am .......... 21.01.2027\n",
     "2027-01-21"),
    ("fr", "Votre facture est disponible.\n\n  Date de facture .... 01/12/2026\n  Date d'échéance .... 22/01/2027\n",
     "2027-01-22"),
]


@pytest.mark.parametrize(("language", "text", "want"), LEADERS, ids=[c[0] for c in LEADERS])
def test_dotted_leaders_read_as_a_colon(language: str, text: str, want: str) -> None:
    assert find_deadline(text, MAIL_DATE) == want


# negatives: a published or sent date is a fact; an invoice that names only its dates has no deadline
NEGATIVES = [
    ("en-invoice", "Your invoice is available.\n\n  Invoice date ....... 1 Dec 2026\n"
                   "  Service period ..... 1 Nov 2026 - 30 Nov 2026\n\nNo action is needed."),
    ("ko-sent", "선택적 업데이트가 게시되었습니다.\n게시일 2026년 12월 20일"),
    ("ja-published", "任意の更新が利用可能になりました。\n公開日: 2026年12月20日"),
    ("zh-published", "可选更新现已推出。\n发布日期：2026年12月20日"),
]


@pytest.mark.parametrize(("case", "text"), NEGATIVES, ids=[c[0] for c in NEGATIVES])
def test_a_published_or_invoice_date_is_no_deadline(case: str, text: str) -> None:
    assert find_deadline(text, MAIL_DATE) is None


def test_a_published_date_loses_to_the_apply_date() -> None:
    text = ("Das Update sec-2026-11 (veröffentlicht am 02.12.2026) schließt Sicherheitslücken. "
            "Wir empfehlen, es bald anzuwenden. Empfohlenes Anwendungsdatum: Mittwoch, 20.01.2027.")
    assert find_deadline(text, MAIL_DATE) == "2027-01-20"


def _mail(text: str | None, html: str, subject: str, text_charset: str = "utf-8") -> bytes:
    head = ("From: AWS Health <health@aws.com>\nTo: root@example.org\nDate: Tue, 01 Dec 2026 09:00:00 +0000\n"
            f"Subject: {subject}\nMIME-Version: 1.0\n")
    html_part = f"Content-Type: text/html; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{html}\n"
    if text is None:
        return (head + html_part).encode()
    if text_charset == "iso-2022-jp":
        body = text.encode("iso-2022-jp").decode("ascii")
        text_part = f"Content-Type: text/plain; charset=ISO-2022-JP\nContent-Transfer-Encoding: 7bit\n\n{body}\n"
    else:
        text_part = f"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n{text}\n"
    return (head + 'Content-Type: multipart/alternative; boundary="b"\n\n'
            f"--b\n{text_part}--b\n{html_part}--b--\n").encode()


STUB = "Hello,\n\nAn AWS Health event affects your account. See the HTML version of this message.\n"


def test_a_stub_text_part_leaves_the_deadline_and_the_account_in_a_short_html_part() -> None:
    html = ("<html><body><p>Hello,</p><p>Amazon MQ ends support for ActiveMQ 5.16 on January 27, 2027. Upgrade "
            "your brokers to a supported version.</p><p>AWS account: 4410-2298-3371</p><p>Sincerely,<br>Amazon Web "
            "Services</p></body></html>")
    notice = NoticeClassifier().classify(parse_mail(_mail(STUB, html, "AWS Notification - Amazon MQ end of support")))
    assert notice.deadline == "2027-01-27"
    assert notice.aws_account_id == "441022983371"


def test_an_iso_2022_jp_text_part_is_decoded_and_read() -> None:
    text = "お客様\n\nAWS アカウント ID : 552093817764\nトライアル終了日 : 2027年1月22日\n"
    html = ("<html><body><p>お客様</p><p>AWS アカウント ID : 552093817764<br>"
            "トライアル終了日 : 2027年1月22日</p></body></html>")
    parsed = parse_mail(_mail(text, html, "AWS Marketplace trial", text_charset="iso-2022-jp"))
    assert "\x1b" not in parsed.text
    assert "552093817764" in parsed.text
    notice = NoticeClassifier().classify(parsed)
    assert notice.aws_account_id == "552093817764"
