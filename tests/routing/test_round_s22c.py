"""Session 22's third round, in our own words (none of these sentences is in a fixture): the ID of the reader's account
"is" in pt, es, fr, it, de; an MFA device deactivated whose mail says the account may be compromised (fr, es, de);
a change of how AWS sends its notification mail (ko, ja, zh); fine-grained actions that replace retired ones (zh,
ja, ko); a Korean payment statement; a German invoice payable by a date."""

from __future__ import annotations

from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
BILLING = "invoicing@aws.com"
SENT = "Mon, 08 Feb 2027 09:00:00 +0000"


def test_the_id_of_your_account_is() -> None:
    texts = ["Obrigado por se cadastrar. O ID da sua conta é 6620 1187 3304 .",
             "Gracias por registrarse. El ID de su cuenta es 6620-1187-3304.",
             "Merci de votre inscription. L'identifiant de votre compte est 662011873304.",
             "Grazie per la registrazione. L'ID del tuo account è 6620 1187 3304.",
             "Danke für Ihre Anmeldung. Ihre Konto-ID lautet 6620 1187 3304."]
    for text in texts:
        assert extract_identifiers("", text, (), None).aws_account_id == "662011873304", text


def test_an_mfa_device_deactivated_that_may_mean_a_compromise() -> None:
    bodies = [
        "Bonjour,\n\nUn dispositif MFA a été désactivé pour l'utilisateur racine du compte AWS 662011873304.\n"
        "Si vous n'êtes pas à l'origine de ce changement, votre compte est peut-être compromis.\n",
        "Hallo,\n\nfür den Root-Benutzer des AWS-Kontos 662011873304 wurde die Multi-Faktor-Authentifizierung "
        "deaktiviert. Falls Sie das nicht waren, ist Ihr Konto möglicherweise kompromittiert.\n",
    ]
    for body in bodies:
        assert classify("no-reply@amazonaws.com", None, body, date=SENT).notice_type == \
            "credentials.mfa_deactivated", body


def test_a_change_of_how_aws_sends_its_notification_mail() -> None:
    subjects = ["[안내] AWS 청구 알림 이메일 발송 방식 변경", "AWS 請求通知メールの送信元の変更について",
                "AWS 账单通知邮件的发件地址变更"]
    body = "2027년 3월 1일부터 결제 실패 알림은 AWS User Notifications 를 통해 전송됩니다.\n"
    for subject in subjects:
        assert classify(GENERAL, subject, body, date=SENT).notice_type == "policy.change_notice", subject


def test_fine_grained_actions_that_replace_retired_ones() -> None:
    bodies = [
        "您好：\n\nAWS 将为账单控制台启用细粒度操作，自 2027 年 3 月 1 日起生效。"
        "请更新引用 aws-portal:* 的自定义策略。\n",
        "AWS は請求コンソールできめ細かなアクションを 2027年3月1日 から有効にします。"
        "aws-portal:* を含むポリシーを更新してください。\n",
        "AWS는 2027년 3월 1일부터 결제 콘솔에 세분화된 작업을 적용합니다. "
        "aws-portal:* 을 사용하는 정책을 업데이트하십시오.\n",
    ]
    for body in bodies:
        assert classify(GENERAL, None, body, date=SENT).notice_type == "policy.change_notice", body


def test_a_korean_payment_statement() -> None:
    body = "안녕하세요,\n2027년 1월 결제 기간의 AWS 결제 명세서를 확인할 수 있습니다.\n연결된 계정 6620 1187 3304\n"
    assert classify(BILLING, "Amazon Web Services 결제 안내", body, date=SENT).notice_type == "billing.statement"


def test_a_german_invoice_payable_by_a_date() -> None:
    body = ("Ihre Rechnung ist verfügbar.\n\nRechnungsdatum ....... 8. Februar 2027\nZahlbar bis .......... "
            "10. März 2027\nGesamtbetrag ......... 120,00 EUR\n")
    notice = classify(BILLING, "Amazon Web Services – Rechnung verfügbar", body, date=SENT)
    assert (notice.notice_type, notice.deadline) == ("billing.invoice", "2027-03-10")
