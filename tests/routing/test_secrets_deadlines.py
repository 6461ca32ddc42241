"""Secrets in wordings the samples do not cover, deadlines, identifiers."""

from __future__ import annotations

from datetime import date

import pytest

from routing import patterns, redact, secrets
from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from routing.redact import redact_text
from routing.secrets import find_secrets, link_kind
from tests.routing.test_hostile_complexity import count_regex_work


@pytest.mark.parametrize(
    ("text", "kind", "secret"),
    [
        ("Reset: https://signin.aws.amazon.com/resetpassword?token=abcDEF123456789xyz", "password reset link",
         "abcDEF123456789xyz"),
        ("Your verification code is 123456.", "one-time code", "123456"),
        ("Verification code\n\n  654321\n", "one-time code", "654321"),
        ("確認コード: 246810", "one-time code", "246810"),
        ("Security code: 13579", "one-time code", "13579"),
        ("Approve: https://us-east-1.acm-certificates.amazon.com/approvals?code=1f2e&amp;context=9a8b",
         "approval link", "context=9a8b"),
        ("Confirm: https://sns.us-east-1.amazonaws.com/confirmation.html?TopicArn=arn:aws:sns:us-east-1:1:t&Token=2336412f37fb687f5d51e6e2425",
         "confirmation link", "Token=2336412f37fb687f5d51e6e2425"),
        ("https://pages.awscloud.com/UnsubscribePage.html?mkt_unsubscribe=1&mkt_tok=Gy2YblroRKy4",
         "unsubscribe link", "mkt_tok=Gy2YblroRKy4"),
        ("https://example.com/x?session=Zm9vYmFyYmF6cXV4cXV1eHp6eQ1234", "link with a token",
         "Zm9vYmFyYmF6cXV4cXV1eHp6eQ1234"),
        ("To stop receiving these, unsubscribe <https://x.awstrack.me/L0/abc/2/0100019b/Zk3yQmB9xV2wLp7Rt5Nc8Hd4>",
         "unsubscribe link", "Zk3yQmB9xV2wLp7Rt5Nc8Hd4"),
        ("https://signin.aws.amazon.com/resetpassword?token=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA1\n"
         "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB2\n\nSincerely", "password reset link", "BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB2"),
        ("Token: q8Zr0-Pp4Lk2Mm9Nn", "token", "q8Zr0-Pp4Lk2Mm9Nn"),
    ],
)
def test_secret_found_and_removed(text: str, kind: str, secret: str) -> None:
    kinds = {s.kind for s in find_secrets(text)}
    assert kind in kinds
    redacted = redact_text(text)
    assert secret not in redacted
    assert f"[removed: {kind}]" in redacted


@pytest.mark.parametrize(
    "text",
    [
        "See https://console.aws.amazon.com/billing/home#/bills?year=2026&month=9 for details.",
        "Change the root user password: https://console.aws.amazon.com/iam/home#/security_credentials",
        "Seattle, WA 98109-5210. Case ID: 177666103557219",
        "https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/AMIs.html",
        "Sincerely,\nAmazon Web Services",
    ],
)
def test_harmless_text_is_kept(text: str) -> None:
    assert find_secrets(text) == []
    assert redact_text(text) == text


def test_unsubscribe_link_without_query_is_still_a_secret() -> None:
    assert link_kind("https://example.com/unsubscribe/abc") == "unsubscribe link"


# codes by proximity to a code word, in nine languages, before or after the code, in every shape
@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Your verification code is 482913.", "482913"),
        ("482913 is your AWS sign-in code", "482913"),
        ("Ihr Bestätigungscode lautet: 482913", "482913"),
        ("Geben Sie den folgenden Code ein: 482915\n\nDer Code ist 10 Minuten gültig.", "482915"),
        ("482913 ist Ihr Sicherheitscode.", "482913"),
        ("Su código de verificación es 482913.", "482913"),
        ("482913 es su código.", "482913"),
        ("Votre code de vérification est : 482913", "482913"),
        ("482913 est votre code de vérification.", "482913"),
        ("Seu código de verificação é 482913", "482913"),
        ("Il tuo codice di verifica è 482913", "482913"),
        ("確認コード：482913", "482913"),
        ("確認コードは ４８２９１３ です", "４８２９１３"),
        ("482913 があなたの確認コードです。", "482913"),
        ("您的验证码是482913。", "482913"),
        ("482913是您的验证码", "482913"),
        ("인증 코드는 482913입니다.", "482913"),
        ("482913은 인증 코드입니다.", "482913"),
        ("Your one-time code is 550 921. Enter it within 10 minutes.", "550 921"),
        ("Your code: 4 8 2 9 1 3", "4 8 2 9 1 3"),
        ("Verification code: 482-913", "482-913"),
        ("Your code is Q7K2XM", "Q7K2XM"),
        ("We detected suspicious activity. To continue, enter code Q7K2XM.", "Q7K2XM"),
        ("Your code is 2000.", "2000"),
        ("Temporary password: Xk7#pQ2m", "Xk7#pQ2m"),
        ("Verification code\n\n  654321\n", "654321"),
        ("Your code: 482\u200b913", "913"),
        ("Code: Q7K-2XM now", "2XM"),
        ("Ihre TAN: 4-8-2-9-1-3", "9-1-3"),
        ("Tu clave de acceso es 4829.", "4829"),
        ("动态密码：482913", "482913"),
        ("Verification: 482913", "482913"),
        ("認証：Q7K2XM", "Q7K2XM"),
        ("Security key: Q7K2XM", "Q7K2XM"),
        ("Your verification number: 482913", "482913"),
        ("482913\nis your verification code", "482913"),
        ("Your code:\n4\n8\n2\n9\n1\n3\n", "4\n8\n2\n9"),
        ("Código: ٤٨٢٩١٣", "٤٨٢٩١٣"),
    ],
)
def test_code_next_to_its_word_is_removed(text: str, secret: str) -> None:
    assert secret not in redact_text(text)


# links carrying a token, in every shape a mail gives them
@pytest.mark.parametrize(
    ("text", "token"),
    [
        ("Open signin.aws.amazon.com/resetpassword?token=abcDEF123456789xyz now", "abcDEF123456789xyz"),
        ("https://signin.aws.amazon.com/resetpassword\n?token=abcDEF123456789xyz\n\nSincerely", "abcDEF123456789xyz"),
        ("https://signin.aws.amazon.com/reset#Q7K2XMab12cd34ef56gh", "Q7K2XMab12cd34ef56gh"),
        ("https://signin.aws.amazon.com/reset#access_token=Q7K2XMab12", "Q7K2XMab12"),
        ("https://x.r.us-east-1.awstrack.me/L0/https:%2F%2Fsignin.aws.amazon.com%2Fresetpassword%3Ftoken%3DZZ99yy88"
         "/1/0100019b-000000/abc=1", "ZZ99yy88"),
        ("https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fexample.com%2Fx%3Ftoken%3DabcDEF12&data=05",
         "abcDEF12"),
        ("Reset: https://signin.aws.amazon.com/resetpassword?lang=en&amp;token=Zq81LmN0pp", "Zq81LmN0pp"),
        ("https://abcd1234.r.us-east-1.awstrack.me/L0/http%3A%2F%2Fconsole.\naws.amazon.com%2Fresetpassword%3Ftoken"
         "%3D000000000000000A/1/0100019bdc5c3c53-000000/SpC6wmsBdBKt0=441\n\nSincerely", "000000000000000A"),
    ],
)
def test_token_link_is_removed(text: str, token: str) -> None:
    assert token not in redact_text(text)


@pytest.mark.parametrize(
    "text",
    [
        "Your bill for September is $1,234.56 (EUR 1.234,56); invoice EUINIE26-000123 is due 2026-10-15.",
        "Account 123456789012, case 177666103557219, instance i-0123456789abcdef0 in us-east-1.",
        "Event type code: AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED\nAccount: 123456789012",
        "Postal code 98109-5210, Seattle. Promo code SPRING2026 applies.",
        "Error code 5003 was returned at 2026-09-29 07:55:02 UTC.",
        "The code expires on 2026-07-01. The code is valid for 10 minutes.",
        "SWIFT/BIC Code: CAIXESBBXXX\nNational Bank Code: 21003467",
        "https://console.aws.amazon.com/cost-management/home#/anomaly-detection/monitors/e1e6753f-225e-45e7-892e",
        "https://lhrrj7lm.r.us-east-1.awstrack.me/L0/https:%2F%2Fconsole.aws.amazon.com%2Fnotifications%2Fhome"
        "/1/0100019bdc5c3c53-24c3f50b-000000/_SpC6wmsBdBKt0=441",
    ],
)
def test_ordinary_text_is_not_redacted(text: str) -> None:
    assert redact_text(text) == text


def test_default_deny_removes_every_code_like_token_and_token_link() -> None:
    text = ("Use Q7K2XM, 4 8 2 9 1 3, 482 913 or 4829 (account 123456789012, other 210987654321) at "
            "verify.signin.aws/x?t=a b and https://aws.amazon.com/privacy/ by 2026-09-30.\n?token=abc")
    out = redact_text(text, default_deny=True, keep=("123456789012",))
    for secret in ("Q7K2XM", "4 8 2 9 1 3", "482 913", "4829", "210987654321", "t=a", "2026", "token=abc"):
        assert secret not in out, secret
    wrapped = redact_text("Open https://registrar.amazon.com/verify#0000000000\nAAAAAAAAAA is your code.",
                          default_deny=True)
    assert "AAAAAAAAAA" not in wrapped and "is your code." in wrapped
    grouped = redact_text("Use Q7K-2XM, AB12 CD34, q7k-2xm, Q7K\u200b2XM or 7Q7KЖ2", default_deny=True)
    assert not any(part in grouped for part in ("Q7K", "2XM", "AB12", "CD34", "q7k", "7Q7K")), grouped
    assert "123456789012" in out and "https://aws.amazon.com/privacy/" in out


@pytest.mark.parametrize("text", ["確認コード" * 20000 + "１２３", "code " * 40000, "a." * 100000 + "com/",
                                  "1 " * 100000, "4\u200b" * 100000, "?a=" * 60000, "a.b/x?t=1\n" * 20000,
                                  "https://a.b/?t=1\nabcd1234\n" * 10000, "a.b\n/c " * 30000])
def test_adversarial_text_is_scanned_in_bounded_work(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """No scan searches again from every position (a compound-word pattern once took 400 s on 250k CJK
    characters): the positions the patterns of routing.secrets, routing.patterns and routing.redact pass over
    stay within 100 per character of the text (these inputs: 1 to 81; a scan restarted at every position:
    tens of thousands). Counted, not timed (tests/routing/test_hostile_complexity.py, RegexWork)."""
    work = count_regex_work(monkeypatch, secrets, patterns, redact)
    for default_deny in (False, True):
        work.reset()
        redact_text(text, default_deny=default_deny)
        assert work.positions <= 100 * len(text), (default_deny, work.by_name)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Please pay by June 30, 2025.", "2025-06-30"),
        ("After 2018-12-18 13:00 UTC your instance will be stopped.", "2018-12-18"),
        ("you must contact AWS by 2025-04-14 and follow", "2025-04-14"),
        ("This invitation expires on April 17, 2027.", "2027-04-17"),
        ("upgrade no later than 12 June 2024", "2024-06-12"),
        ("before Wed, 10 Feb 2027 01:00:00 GMT", "2027-02-10"),
        # a date passed when the mail was sent: kept only when the reader is asked to act by it, or it says what will
        # happen then
        ("This invitation expires on April 17, 2026.", None),
        ("before Tue, 10 Feb 2026 01:00:00 GMT", None),
        ("by June 30", "2026-06-30"),  # no year: the next June 30 after the mail's date
        ("by January 5", "2027-01-05"),
        ("2025年6月30日までに対応してください", "2025-06-30"),
        ("The event starts 2025-06-30.", None),
        ("", None),
    ],
)
def test_deadline_phrases(text: str, expected: str | None) -> None:
    assert find_deadline(text, date(2026, 6, 1)) == expected


@pytest.mark.parametrize(
    ("subject", "text", "key", "value"),
    [
        ("X [Account: 012345678901]", "", "account", "012345678901"),
        ("X [AWS Account: 012345678901] [EU-WEST-2]", "", "regions", ["eu-west-2"]),
        ("Your AWS Abuse Report [12345678901] [AWS ID 012345678901]", "", "account", "012345678901"),
        ("Your AWS Abuse Report [12345678901] [AWS ID 012345678901]", "", "abuse_report_id", "12345678901"),
        ("RE: [CASE 177666106600814] New correspondence", "", "case_id", "177666106600814"),
        ("Amazon Web Services: New Support case: 5244329601", "", "case_id", "5244329601"),
        ("x", "Abuse Case Number: 12345678901", "case_id", None),  # 11 digits is not a support case
        ("x", "instance i-0123456789abcdef0 and i-01234567", "instance_ids", ["i-0123456789abcdef0", "i-01234567"]),
        ("x", "in region US West (Oregon)", "regions", ["us-west-2"]),
        ("x", "Billing period: August 1 - August 31, 2026", "billing_period", "2026-08"),
        ("x", "Budget Name: team-a monthly\n", "budget_name", "team-a monthly"),
        ("[Action Required] Suspicious activity in your AWS account [012345678901]", "", "account", "012345678901"),
        ("x", "AWS account 111111111111 has invited your AWS account 222222222222", "account", "222222222222"),
        # issue 12, unseen7's account families in own wordings: the id in parentheses after the noun, "AWS-ID",
        # a localized "account number" field, a JSON event's account key, "yours (id)", and the payer's own
        # account named in prose beside a linked account's field
        ("x", "Votre compte AWS (ID : 218830046571) utilise encore la version 1.2.", "account", "218830046571"),
        ("x", "お客様のアカウント（ID：218830046571）で対象のクラスターが見つかりました。", "account", "218830046571"),
        ("x", "Your AWS account (ID: 2188-3004-6571) still runs version 1.2.", "account", "218830046571"),
        ("x", "Betroffene Ressource:\nAWS-ID: 6678 2019 3340\nRegion: eu-central-1", "account", "667820193340"),
        ("x", "Rechnungsdatum: 3.6.2026\nKonto-Nr.: 110229384756\nBetrag: 12,00 EUR", "account", "110229384756"),
        ("x", "Número de cuenta: 110229384756\nImporte: 12,00 EUR", "account", "110229384756"),
        ("x", '{"source":"aws.securityhub","accountId":"605522913374","region":"eu-west-1"}', "account",
         "605522913374"),
        ("x", "Accounts on the Developer plan, such as yours (6601 2298 4473), move to Basic.", "account",
         "660122984473"),
        ("x", "We found unusual spend in your payer account 108822937714.\n\nLinked account: 556620183347",
         "account", "108822937714"),
        ("x", "Linked account: 556620183347\nService: Amazon SageMaker", "account", "556620183347"),
        # the reader's own organization's management account, beside a member account; an inviting
        # management account stays another one
        ("x", "Your Organisation (Management Account 2044-1883-7761) has 3 members.\nMember account: 390117722658",
         "account", "204418837761"),
        ("x", "Ihre Organisation (Verwaltungskonto 204418837761) überschreitet das neue Limit.", "account",
         "204418837761"),
        ("x", "You are the management account (2044 1883 7761) of an organization. Member account 390117722658 is "
         "affected.", "account", "204418837761"),
        ("x", "The management account 111111111111 has invited your account 222222222222.", "account",
         "222222222222"),
    ],
)
def test_identifiers(subject: str, text: str, key: str, value: object) -> None:
    found = extract_identifiers(subject, text, (), date(2026, 9, 3))
    got = found.aws_account_id if key == "account" else found.identifiers.get(key)
    assert got == value


@pytest.mark.parametrize("text", ["1 days after " * 40000, "a: " * 100000, "payment due: " * 40000,
                                  "01-sep-" * 60000, "by 23:59 utc on " * 30000, "from 1 sep 2026 onward " * 20000,
                                  "1.30 sep " * 50000, "innerhalb von 5 werktagen ä " * 20000])
def test_deadline_scan_of_adversarial_text_is_bounded(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """The deadline families of issue 12 item 3 (dashed dates, field lines, a time after the lead, days
    after the notice, business days) scan without searching again from every position: work counted
    as in test_adversarial_text_is_scanned_in_bounded_work."""
    from routing import deadline

    work = count_regex_work(monkeypatch, deadline, patterns)
    deadline.best_deadline(text, date(2026, 6, 1))
    # these inputs: 1 to 30 positions per character; a scan restarted at every position: thousands
    assert work.positions <= 100 * len(text), work.by_name


def _mail(sender: str, subject: str, body: str, when: str = "Mon, 03 Aug 2026 09:00:00 +0000") -> bytes:
    return (f"Date: {when}\r\nFrom: {sender}\r\nTo: root@reseller.example\r\nSubject: {subject}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
            f"{body}\r\n").encode()


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected"),
    [
        # a Free Tier period that "ends soon", and charges "after" its date
        ("AWS Free Tier <freetier@costalerts.amazonaws.com>", "Your AWS Free Tier is ending",
         "Your 12-month AWS Free Tier for account 480093371566 is coming to an end. After 15-Sep-2026, you will be "
         "charged standard rates.", "2026-09-15"),
        # a Marketplace subscription that will be cancelled
        ("AWS Marketplace <aws-marketplace@amazon.com>", "Your AWS Marketplace subscription",
         "Your subscription to Acme WAF in account 707734912288 will be terminated effective 2026-10-01.",
         "2026-10-01"),
        # a fallback type that gives the reader until a date
        ("Amazon Web Services <health@aws.com>", "Amazon API Gateway change",
         "Your account 207733189045 uses the legacy endpoint type. You have until Oct 30, 2026 to migrate.",
         "2026-10-30"),
        # a Health mail that names a retirement or a forced upgrade (own wordings of the family)
        ("Amazon Web Services <health@aws.com>", "",
         "Hello,\n\nQuery engine v1 of Amazon Timestream in your account 518804412960 will be retired on "
         "November 18, 2026. Your databases will then be moved to engine v2.", "2026-11-18"),
        ("Amazon Web Services <health@aws.com>", "Amazon Managed Grafana workspace version",
         "Workspaces of account 518804412960 that still run version 8 will be upgraded automatically on "
         "2026-10-05. Upgrade them earlier to choose your own time.", "2026-10-05"),
        # a maintenance that is applied automatically if the reader does not act within N days
        ("Amazon Web Services <health@aws.com>", "Amazon MemoryDB service update",
         "A service update is available for clusters in account 518804412960. Apply this update within 14 days; "
         "updates not applied by then will be installed automatically in the next maintenance window.",
         "2026-08-17"),
        # issue 12 item 3 (own wordings): an invoice with a due date, also in German
        ("Amazon Web Services <aws-billing@amazon.com>", "Your AWS invoice INV-88",
         "Invoice INV-88 for account 480093371566 (NZD 412.00 incl. GST) is available.\nInvoice date: 3 Aug 2026\n"
         "Due date: 2 Sep 2026\n\nThank you.", "2026-09-02"),
        ("Amazon Web Services <aws-billing@amazon.com>", "Ihre Rechnung",
         "Rechnung EUINDE-1 für Konto 480093371566.\nRechnungsbetrag: 99,00 EUR\nFällig am: 17.8.2026\n\nDanke.",
         "2026-08-17"),
        # a past-due balance that goes to collections
        ("Amazon Web Services <aws-billing@amazon.com>", "Past-due balance",
         "The balance of USD 980.00 on account 480093371566 is past due. Unless it is paid within 7 days, it will "
         "be referred to a collection agency.", "2026-08-10"),
        # an auto-renewal on a date
        ("AWS Marketplace <aws-marketplace@amazon.com>", "Agreement renewal",
         "Your private offer agreement for Contoso SIEM in account 480093371566 will automatically renew on "
         "September 21, 2026.", "2026-09-21"),
        # a policy/API change effective on a date; a fallback Health mail that stops accepting TLS 1.0; a
        # localized change after which something can no longer be done
        ("Amazon Web Services <no-reply-aws@amazon.com>", "Change to the Amazon SQS API",
         "Effective October 5, 2026, Amazon SQS queues in account 480093371566 will only accept requests over "
         "TLS 1.2.", "2026-10-05"),
        ("Amazon Web Services <health@aws.com>", "Amazon Cognito custom domains",
         "Cognito custom domains in account 480093371566 will stop accepting TLS 1.0 connections on 2026-11-30.",
         "2026-11-30"),
        ("Amazon Web Services <health@aws.com>", "Amazon Lex V1 console",
         "We will remove the Amazon Lex V1 console on 2026-12-14. Bots of account 480093371566 stay reachable "
         "through the API.", "2026-12-14"),
        ("Amazon Web Services <no-reply-aws@amazon.com>", "Cambio de planes",
         "A partir del 15 de octubre de 2026 ya no se podrán crear nuevas instancias con el plan antiguo en la "
         "cuenta 480093371566.", "2026-10-15"),
        # a retirement written "is retiring ... on", a change of terms that takes effect (en, es), a price that
        # changes from a date (es)
        ("Amazon Web Services <health@aws.com>", "",
         "Hello,\n\nAmazon OpenSearch Service is retiring support for legacy T2 instance types on March 3, 2027. "
         "Your account 518804412960 has 2 domains on them.", "2027-03-03"),
        ("Amazon Web Services <no-reply-aws@amazon.com>", "Updates to the AWS Service Terms",
         "Hello,\n\nWe have updated the AWS Service Terms. The updated terms take effect on October 1, 2026 and "
         "apply to your account 518804412960.", "2026-10-01"),
        ("Amazon Web Services <no-reply-aws@amazon.com>", "Actualización del Contrato de cliente de AWS",
         "Hola:\n\nHemos actualizado el Contrato de cliente de AWS. Los cambios entrarán en vigor el 1 de octubre "
         "de 2026 y se aplican a su cuenta de AWS 518804412960.", "2026-10-01"),
        ("Amazon Web Services <no-reply-aws@amazon.com>", "",
         "Hola:\n\nSu cuenta de AWS 518804412960 usa instancias reservadas. A partir del 1 de marzo de 2027 "
         "cambiará el precio por hora de estas instancias.\n\nSi desea cambiar de plan, hágalo antes del 28 de "
         "febrero de 2027.", "2027-03-01"),
    ],
)
def test_types_without_a_default_deadline_get_one_when_the_mail_sets_a_date(
        sender: str, subject: str, body: str, expected: str) -> None:
    from routing.classify import NoticeClassifier
    from routing.parse import parse_mail

    notice = NoticeClassifier().classify(parse_mail(_mail(sender, subject, body)))
    assert notice.deadline == expected, notice.notice_type


def test_an_invoice_without_a_due_date_and_an_abuse_reply_window_have_none() -> None:
    from routing.classify import NoticeClassifier
    from routing.parse import parse_mail

    classifier = NoticeClassifier()
    invoice = classifier.classify(parse_mail(_mail(
        "Amazon Web Services <aws-billing@amazon.com>", "Your AWS invoice INV-89",
        "Invoice INV-89 for account 480093371566 is available.\nInvoice date: 3 Aug 2026\nTotal: USD 12.00")))
    assert invoice.deadline is None, invoice.notice_type
    abuse = classifier.classify(parse_mail(_mail(
        "AWS Trust & Safety <ec2-abuse@amazon.com>", "Your Amazon EC2 Abuse Report [9910]",
        "Instance i-0a1b2c3d4e5f60718 in account 480093371566 was reported for scanning on 2026-08-02.\n\n"
        "Please reply within 24 hours with the steps you have taken.")))
    assert abuse.deadline is None, abuse.notice_type


@pytest.mark.parametrize("body", [
    # closed to new customers only, "no action is required", a period "before that date": no deadline
    "Amazon Honeycode will no longer be available to new customers starting June 1, 2026. Existing customers, "
    "including account 518804412960, can continue to use the service as normal. No action is required.",
    "AWS IoT Events will no longer be open to new customers starting May 20, 2026. Accounts that used it in the "
    "6 months before that date, such as 518804412960, keep using it. No further action is needed.",
])
def test_a_change_for_new_customers_only_has_no_deadline(body: str) -> None:
    from routing.classify import NoticeClassifier
    from routing.parse import parse_mail

    notice = NoticeClassifier().classify(parse_mail(_mail("Amazon Web Services <health@aws.com>", "", body)))
    assert notice.deadline is None, notice.notice_type
