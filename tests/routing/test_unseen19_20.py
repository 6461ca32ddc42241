"""Notice types and deadline rules of the unseen19/20 misses (issue 12), as families in our own wordings: an invoice or
a bill in Traditional Chinese (發票, 帳單) beside Simplified, the statement of a linked or member account, a Route 53
domain that renews automatically (a billing notice from the registrar sender, in the nine languages AWS writes), a
Japanese suspension that is only conditional ("…場合、アカウントは停止され…") under a subject "アカウント停止"; and the
maintenance modifier of routing/data/notices.yaml asked for a deadline by a maintenance the reader can defer or
postpone, or one scheduled on a date with a restart the reader will see.

Every positive case got another type (or no deadline) before notices.yaml learned its family; the negatives pin what
must not move (a registrant verification that mentions auto-renewal, a Japanese suspension that has happened, a
maintenance that has completed)."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

BILLING = "aws-billing@amazon.com"
REGISTRAR = "noreply@registrar.amazon.com"
HEALTH = "no-reply-aws@amazon.com"


# family A: an invoice or a bill in Traditional Chinese (zh-TW), beside the Simplified wording
ZH_TW_INVOICE = [
    (None, '帳戶 512230984417 的電子發票已開立，可在 Billing 主控台下載 PDF。'),
    ('AWS 發票通知', '您好：帳戶 512230984417 本月的發票號碼為 TWINV-4410921，金額將自動從信用卡扣款。'),
    (None, '<p>帳戶 512230984417</p><table><tr><td>發票編號</td><td>TW-77120</td></tr></table>'),
]


@pytest.mark.parametrize(("subject", "body"), ZH_TW_INVOICE)
def test_a_zh_tw_invoice_is_an_invoice(subject: str | None, body: str) -> None:
    assert classify(BILLING, subject, body, html=body.startswith("<")).notice_type == "billing.invoice"


def test_a_zh_tw_bill_is_a_statement() -> None:
    body = '帳戶 512230984417 的 2026 年 11 月帳單已可在主控台查看，金額新台幣 2,300 元。'
    assert classify(BILLING, None, body).notice_type == "billing.statement"


# family B: the statement of a linked or member account
LINKED_STATEMENT = [
    'Your AWS statement for account 640018239975 (linked to payer 119930448271) for November 2026 is ready.',
    'The AWS statement for member account 731904462218 for November 1 - 30, 2026 is now available: USD 87.40.',
    'Your AWS statement for October 1 - 31, 2026 for linked account 731904462218 (billed to payer) is ready.',
]


@pytest.mark.parametrize("body", LINKED_STATEMENT)
def test_a_linked_account_statement_is_a_statement(body: str) -> None:
    assert classify(BILLING, None, body).notice_type == "billing.statement"


# family C: a Route 53 domain that renews automatically on a date (a charge), from the registrar sender
AUTO_RENEW = [
    ('en', 'The domain owl-labs.example of AWS account 203344556677 renews automatically on March 4, 2027.'),
    ('es', 'El dominio owl-labs.example de la cuenta 203344556677 se renovará automáticamente el 4 de marzo de 2027.'),
    ('pt', 'O domínio owl-labs.example da conta 203344556677 terá renovação automática em 4 de março de 2027.'),
    ('fr', 'Le domaine owl-labs.example du compte 203344556677 sera renouvelé automatiquement le 4 mars 2027.'),
    ('it', "Il dominio owl-labs.example dell'account 203344556677 verrà rinnovato automaticamente il 4 marzo 2027."),
    ('de', 'Die Domain owl-labs.example im Konto 203344556677 verlängert sich automatisch am 04.03.2027.'),
    ('ja', 'アカウント 203344556677 のドメイン owl-labs.example は 2027年3月4日 に自動更新されます。'),
    ('zh', '账户 203344556677 的域名 owl-labs.example 将于 2027年3月4日 自动续订。'),
    ('zh-TW', '帳戶 203344556677 的網域 owl-labs.example 將於 2027年3月4日 自動續訂。'),
    ('ko', '계정 203344556677 의 도메인 owl-labs.example 은 2027년 3월 4일 에 자동 갱신됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), AUTO_RENEW)
def test_a_route53_auto_renewal_is_a_billing_notice_with_its_date(lang: str, body: str) -> None:
    notice = classify(REGISTRAR, None, body)
    assert notice.notice_type == "billing.other", lang
    assert str(notice.deadline) == "2027-03-04", lang


def test_a_registrant_verification_that_mentions_auto_renewal_stays_one() -> None:
    body = ('ICANN requires that we verify the email address of the registrant contact of owl-labs.example '
            '(account 203344556677). Automatic renewal is on for this domain.')
    assert classify(REGISTRAR, "Verify your registrant contact", body).notice_type == "verification.route53_registrant"


# family D: a suspension that is only conditional, in Japanese under a subject "アカウント停止…"
def test_a_japanese_conditional_suspension_is_a_warning() -> None:
    body = ('アカウント 493017752810 のお支払いを確認できていません。2027年1月20日までにお支払いが確認できない場合、'
            'アカウントは停止され、サービスをご利用いただけなくなります。')
    assert classify(BILLING, "AWS アカウント停止に関するお知らせ", body).notice_type == "billing.suspension_warning"


def test_a_zh_tw_suspension_warning_is_a_warning() -> None:
    body = '帳戶 493017752810 的款項尚未收到。若在 2027年1月20日 前仍未付款，您的帳戶可能會被暫停。'
    assert classify(BILLING, None, body).notice_type == "billing.suspension_warning"


def test_a_japanese_suspension_that_happened_stays_one() -> None:
    body = ('お支払いが確認できなかったため、AWS アカウント 602281937745 は停止されました。'
            '2027年2月10日までにお支払いいただけない場合、アカウントは解約されます。')
    assert classify(BILLING, "AWS アカウント停止のお知らせ", body).notice_type == "account.suspended"


def deadline_of(sender: str, subject: str | None, body: str, html: bool = False) -> str | None:
    notice = classify(sender, subject, body, html)
    return None if notice.deadline is None else str(notice.deadline)


# family E: a maintenance the reader can defer or postpone until a date
MAINT_DEFER = [
    ('en', 'Amazon MemoryDB will apply a service update to cluster kv-01 in its maintenance window. You can postpone '
           'the update until February 9, 2027.'),
    ('en', 'Planned maintenance of your Amazon Neptune cluster graph-01: you may defer it until February 9, 2027.'),
    ('es', 'Mantenimiento programado del clúster kv-01: puede aplazar esta actualización hasta el 9 de febrero '
           'de 2027.'),
    ('de', 'Geplante Wartung für den Cluster kv-01: Sie können diese Aktualisierung bis zum 09.02.2027 aufschieben.'),
]


@pytest.mark.parametrize(("lang", "body"), MAINT_DEFER)
def test_a_maintenance_the_reader_can_defer_has_its_date(lang: str, body: str) -> None:
    assert deadline_of(HEALTH, 'AWS Health: scheduled maintenance', body) == "2027-02-09", lang


# family F: a maintenance scheduled on a date, with a restart or an interruption the reader will see
MAINT_SCHEDULED = [
    ('en', 'Maintenance of your Amazon DocumentDB cluster docs-01 is scheduled for February 9, 2027.'),
    ('fr', 'Une maintenance de votre cluster Amazon MemoryDB kv-01 est planifiée le 9 février 2027.'),
    ('it', 'La manutenzione del cluster kv-01 è programmata per il 9 febbraio 2027.'),
    ('ja', 'クラスター kv-01 のメンテナンスは 2027年2月9日 に予定されています。'),
    ('zh', '集群 kv-01 的维护计划于 2027年2月9日 进行。'),
    ('ko', '클러스터 kv-01 의 유지 관리가 2027년 2월 9일에 예약되어 있습니다.'),
    ('ko', '클러스터 kv-01 유지 관리 기간: 2027년 2월 9일. 이 기간 동안 노드가 재시작될 수 있습니다.'),
    ('pt', 'A AWS programou uma manutenção do cluster kv-01 em 9 de fevereiro de 2027. A conectividade poderá ser '
           'interrompida por alguns minutos.'),
    ('en', 'Amazon ElastiCache maintenance window: February 9, 2027. Your nodes may be restarted during the window.'),
]


@pytest.mark.parametrize(("lang", "body"), MAINT_SCHEDULED)
def test_a_maintenance_scheduled_on_a_date_has_its_date(lang: str, body: str) -> None:
    assert deadline_of(HEALTH, 'AWS Health: scheduled maintenance', body) == "2027-02-09", lang


# family G: a case update asking for an upload by a date
CASE_UPLOAD = [
    ('de', 'Bitte laden Sie den Kontoauszug mit beiden Abbuchungen vom 02.12.2026 sowie die Rechnung bis zum '
           '15.01.2027 im Fall hoch.'),
    ('it', "Carica l'estratto conto con entrambi gli addebiti del 2 dicembre 2026 e la fattura entro il "
           "15 gennaio 2027."),
    ('es', 'Suba el extracto bancario con ambos cargos del 2 de diciembre de 2026 y la factura antes del '
           '15 de enero de 2027.'),
]


@pytest.mark.parametrize(("lang", "body"), CASE_UPLOAD)
def test_a_case_update_asking_for_an_upload_by_a_date_has_it(lang: str, body: str) -> None:
    subject = 'Amazon Web Services: new correspondence on case 17720419385'
    assert deadline_of("no-reply-aws@amazon.com", subject, f'Case 17720419385 has a new reply:\n{body}') \
        == "2027-01-15", lang


# family H: a Marketplace product removed from a date (no longer launchable)
PRODUCT_REMOVED = [
    ('en', 'The seller retires the product "EdgeOS 20": it will be removed from AWS Marketplace on March 15, 2027.'),
    ('it', 'Il prodotto "EdgeOS 20" sarà ritirato da AWS Marketplace il 15 marzo 2027; da quella data non sarà '
           'più possibile avviarlo.'),
    ('fr', 'Le produit « EdgeOS 20 » sera retiré d\'AWS Marketplace le 15 mars 2027.'),
]


@pytest.mark.parametrize(("lang", "body"), PRODUCT_REMOVED)
def test_a_marketplace_product_removed_on_a_date_has_it(lang: str, body: str) -> None:
    notice = classify("no-reply@marketplace.aws", 'AWS Marketplace: product update', body)
    assert notice.notice_type == "marketplace.subscription", lang
    assert str(notice.deadline) == "2027-03-15", lang


def test_a_completed_maintenance_keeps_no_deadline_from_its_wording() -> None:
    body = 'The maintenance of cluster kv-01 that was scheduled for December 1, 2026 has been cancelled.'
    assert deadline_of(HEALTH, 'AWS Health: scheduled maintenance', body) is None
