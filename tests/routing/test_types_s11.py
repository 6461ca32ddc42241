"""Notice types of session 11 (issue 12, item 1): an account restricted or suspended *because* a third party (an
unauthorized party) may have accessed it is a security notice (security.suspicious_activity), in the nine languages
AWS writes (en, de, es, fr, it, pt, ja, ko, zh), with and without a Subject line; the suspension it threatens, or the
suspension the subject names, does not make it a billing one.

A billing suspension that mentions unauthorized use only as a hint (review the charges, "if you believe a third party
accessed your account, contact us") stays a billing suspension warning.

The same for an account suspended or restricted because it may be compromised, or for unauthorized activity (the
cause and the suspension in one sentence); one suspended for an unpaid balance whose mail asks to check the bill for
unauthorized charges stays account.suspended.

Our own wordings (not those of any fixture set). Every positive case got a billing or account type before
notices.yaml's ``account-accessed-by-third-party`` rule; the negatives pin what must not move."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
SECURITY = "aws-security@amazon.com"

# (language, subject, body): the account accessed by a third party, access restricted, a suspension threatened
THIRD_PARTY_ACCESS = [
    ('en', 'Action required: access to your AWS account has been restricted',
     'Hello,\n\nWe detected that your AWS account 111122223333 was accessed by an unauthorized party: an access key '
     'of the IAM user deploy-bot started instances in Regions you have never used.\n\nTo protect you, we have limited '
     'what the account can do. Complete the steps below within five days, or we will suspend your account.\n\n'
     '1. Rotate the key.\n2. Delete resources you did not create.\n\nAmazon Web Services'),
    ('de', 'Handlungsbedarf: Zugriff auf Ihr AWS-Konto eingeschränkt',
     'Guten Tag,\n\nwir haben festgestellt, dass unbefugte Dritte auf Ihr AWS-Konto 1111-2222-3333 zugegriffen haben. '
     'Ein Zugriffsschlüssel hat Instanzen in Regionen gestartet, die Sie nie nutzen.\n\nZu Ihrem Schutz haben wir '
     'einige Dienste eingeschränkt. Wenn Sie nicht innerhalb von fünf Tagen antworten, wird Ihr Konto gesperrt.\n\n'
     'Amazon Web Services'),
    ('es', 'Acción necesaria: acceso restringido a su cuenta de AWS',
     'Hola:\n\nLe escribimos porque es posible que su cuenta de AWS 111122223333 haya sido utilizada de forma '
     'indebida por un tercero. Una clave de acceso lanzó instancias en regiones que usted no utiliza.\n\nPara proteger '
     'su cuenta, hemos restringido temporalmente algunos servicios. Si no responde en un plazo de cinco días, su '
     'cuenta podría ser suspendida.\n\nAmazon Web Services'),
    ('fr', 'Action requise : accès restreint à votre compte AWS',
     "Bonjour,\n\nNous vous contactons car votre compte AWS 111122223333 a peut-être été utilisé sans autorisation "
     "par un tiers. Une clé d'accès a lancé des instances dans des régions que vous n'utilisez pas.\n\nPour protéger "
     "votre compte, nous avons temporairement restreint certains services. Sans réponse de votre part sous cinq "
     "jours, votre compte pourrait être suspendu.\n\nAmazon Web Services"),
    ('it', 'Azione richiesta: accesso al tuo account AWS limitato',
     "Ciao,\n\nti contattiamo perché il tuo account AWS 111122223333 potrebbe essere stato utilizzato da terzi senza "
     "autorizzazione. Una chiave di accesso ha avviato istanze in regioni che non usi.\n\nPer proteggere l'account "
     "abbiamo limitato temporaneamente alcuni servizi. Se non rispondi entro cinque giorni, il tuo account verrà "
     "sospeso.\n\nAmazon Web Services"),
    ('pt', 'Ação necessária: acesso restrito à sua conta da AWS',
     'Olá,\n\nEntramos em contato porque sua conta da AWS 111122223333 pode ter sido acessada indevidamente por '
     'terceiros. Uma chave de acesso iniciou instâncias em regiões que você não usa.\n\nPara proteger sua conta, '
     'restringimos temporariamente alguns serviços. Se você não responder em cinco dias, sua conta poderá ser '
     'suspensa.\n\nAmazon Web Services'),
    ('ja', '【要対応】AWS アカウントの利用を制限しました',
     'お客様各位\n\nお客様の AWS アカウント 111122223333 が第三者によって利用された可能性があります。'
     'アクセスキーにより、普段ご利用のないリージョンでインスタンスが起動されました。\n\n'
     'アカウントを保護するため、一部のサービスの利用を一時的に制限しました。5 日以内にご対応いただけない場合、'
     'アカウントは停止されることがあります。\n\nアマゾン ウェブ サービス'),
    ('ko', '[조치 필요] AWS 계정 사용이 제한되었습니다',
     '안녕하세요.\n\n고객님의 AWS 계정 111122223333에 제3자가 무단으로 접근했을 수 있습니다. 액세스 키로 평소 '
     '사용하지 않는 리전에서 인스턴스가 시작되었습니다.\n\n계정을 보호하기 위해 일부 서비스 사용을 일시적으로 '
     '제한했습니다. 5일 이내에 응답하지 않으면 계정이 정지될 수 있습니다.\n\nAmazon Web Services'),
    ('zh', '[需要采取行动] 您的 AWS 账户已受到限制',
     '您好：\n\n我们注意到，您的 AWS 账户 111122223333 疑似遭到第三方未经授权的使用。有访问密钥在您从未使用过的'
     '区域启动了实例。\n\n为保护您的账户，我们已限制部分服务的使用。如果您未在 5 天内回复，我们将暂停您的账户。'
     '\n\nAmazon Web Services'),
]

# a suspension that happened, because of a third party's access (the subject names the suspension)
SUSPENDED_FOR_ACCESS = [
    ('en', 'Your AWS account has been suspended',
     'Your AWS account 111122223333 has been suspended because it appears to have been accessed by a third party '
     'without your permission. Reply to the support case to restore access.'),
    ('de', 'Ihr AWS-Konto wurde gesperrt',
     'Wir haben Ihr AWS-Konto 1111-2222-3333 gesperrt, weil es offenbar von einem Dritten ohne Ihre Erlaubnis '
     'verwendet wurde. Antworten Sie auf den Support-Fall, um den Zugriff wiederherzustellen.'),
    ('zh', '您的 AWS 账户已被暂停',
     '由于您的 AWS 账户 111122223333 疑似被第三方非法访问，我们已暂停该账户。请回复支持案例以恢复访问。'),
    ('es', 'Su cuenta de AWS ha sido suspendida',
     'Hemos suspendido su cuenta de AWS 111122223333 porque un tercero podría haber accedido a ella sin su '
     'permiso. Responda al caso de soporte para restablecer el acceso.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), THIRD_PARTY_ACCESS, ids=[c[0] for c in THIRD_PARTY_ACCESS])
@pytest.mark.parametrize("with_subject", [True, False], ids=["subject", "no-subject"])
def test_an_account_restricted_for_third_party_access_is_suspicious_activity(
        lang: str, subject: str, body: str, with_subject: bool) -> None:
    notice = classify(GENERAL, subject if with_subject else None, body)
    assert notice.notice_type == "security.suspicious_activity", (lang, notice.notice_type)


@pytest.mark.parametrize(("lang", "subject", "body"), SUSPENDED_FOR_ACCESS, ids=[c[0] for c in SUSPENDED_FOR_ACCESS])
@pytest.mark.parametrize("with_subject", [True, False], ids=["subject", "no-subject"])
def test_an_account_suspended_because_a_third_party_accessed_it_is_suspicious_activity(
        lang: str, subject: str, body: str, with_subject: bool) -> None:
    notice = classify(SECURITY, subject if with_subject else None, body)
    assert notice.notice_type == "security.suspicious_activity", (lang, notice.notice_type)


# a suspension or restriction whose stated cause is a possible compromise or unauthorized activity (de: already so)
SUSPENDED_FOR_COMPROMISE = [
    ('en', 'Your AWS account has been suspended',
     'Your AWS account 111122223333 has been suspended due to suspected unauthorized activity. Contact us to restore '
     'it.'),
    ('en', 'Action required on your AWS account',
     'Because we detected unauthorized access, we have temporarily restricted your AWS account 111122223333.'),
    ('es', 'Su cuenta de AWS ha sido suspendida',
     'Su cuenta de AWS 111122223333 ha sido suspendida porque podría estar comprometida.'),
    ('pt', 'Sua conta da AWS foi suspensa',
     'A sua conta da AWS 111122223333 foi suspensa porque pode ter sido comprometida.'),
    ('fr', 'Votre compte AWS a été suspendu',
     'Votre compte AWS 111122223333 a été suspendu, car il a peut-être été compromis.'),
    ('it', 'Il tuo account AWS è stato sospeso',
     'Il tuo account AWS 111122223333 è stato sospeso perché potrebbe essere stato compromesso.'),
    ('ja', 'AWS アカウントが停止されました',
     'お客様の AWS アカウント 111122223333 は、不正利用が疑われるため停止されました。'),
    ('zh', '您的 AWS 账户已被暂停', '您的 AWS 账户 111122223333 因可能遭到入侵已被暂停。'),
    ('ko', 'AWS 계정이 정지되었습니다', '고객님의 AWS 계정 111122223333이 무단 액세스가 의심되어 정지되었습니다.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), SUSPENDED_FOR_COMPROMISE,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(SUSPENDED_FOR_COMPROMISE)])
@pytest.mark.parametrize("with_subject", [True, False], ids=["subject", "no-subject"])
def test_an_account_suspended_because_it_may_be_compromised_is_suspicious_activity(
        lang: str, subject: str, body: str, with_subject: bool) -> None:
    notice = classify(GENERAL, subject if with_subject else None, body)
    assert notice.notice_type == "security.suspicious_activity", (lang, notice.notice_type)


@pytest.mark.parametrize("body", [
    'Your AWS account 111122223333 has been suspended because of an unpaid balance of USD 84.20. Review your bill for '
    'unauthorized charges and pay the balance to reactivate the account.',
    'Hemos suspendido su cuenta de AWS 111122223333 por un saldo pendiente. Revise su factura por si hubiera cargos no '
    'autorizados.',
])
def test_an_account_suspended_for_an_unpaid_balance_stays_suspended(body: str) -> None:
    assert classify(GENERAL, 'Your AWS account has been suspended', body).notice_type == "account.suspended"


# billing suspensions whose only mention of unauthorized use is a hint: check the charges, contact us if you think a
# third party accessed the account
BILLING_HINTS = [
    ('en', 'Your AWS account may be suspended',
     'We have not received payment of USD 84.20 for invoice 912345678. If the balance is not paid by May 3, 2027, '
     'your account may be suspended. Review your bill for any unauthorized charges. If you believe your account was '
     'accessed by an unauthorized party, contact AWS Support.'),
    ('en', None,
     'Your balance of USD 84.20 remains open. If you think a third party has accessed your account, tell us. Unless we '
     'receive payment within 10 days, your account may be suspended.'),
    ('de', 'Ihr AWS-Konto kann gesperrt werden',
     'Wir haben Ihre Zahlung über 84,20 USD nicht erhalten. Wenn Sie vermuten, dass Dritte auf Ihr Konto zugegriffen '
     'haben, wenden Sie sich an den Support. Ohne Zahlung bis zum 3. Mai 2027 kann Ihr Konto gesperrt werden.'),
    ('es', 'Su cuenta de AWS podría ser suspendida',
     'No hemos recibido el pago de 84,20 USD. Si cree que un tercero ha accedido a su cuenta, póngase en contacto con '
     'nosotros. Si no recibimos el pago antes del 3 de mayo de 2027, su cuenta podría ser suspendida.'),
    ('fr', 'Votre compte AWS pourrait être suspendu',
     "Nous n'avons pas reçu le paiement de 84,20 USD. Si vous pensez qu'un tiers a accédé à votre compte, "
     "contactez-nous. Sans paiement avant le 3 mai 2027, votre compte pourrait être suspendu."),
    ('zh', '您的 AWS 账户可能会被暂停',
     '我们尚未收到您 84.20 美元的付款。如果您认为有第三方访问了您的账户，请联系我们。如果在 2027年5月3日 之前未付款，'
     '您的账户可能会被暂停。'),
    ('ja', 'AWS アカウントが停止される可能性があります',
     '84.20 USD のお支払いを確認できていません。第三者がアカウントにアクセスしたと思われる場合は、サポートに'
     'ご連絡ください。2027年5月3日までにお支払いがない場合、アカウントは停止されることがあります。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), BILLING_HINTS,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(BILLING_HINTS)])
def test_a_billing_suspension_with_an_unauthorized_use_hint_stays_billing(
        lang: str, subject: str | None, body: str) -> None:
    notice = classify(GENERAL, subject, body)
    assert notice.notice_type == "billing.suspension_warning", (lang, notice.notice_type)
