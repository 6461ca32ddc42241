"""Notice types of the unseen15/16 misses (issue 12), as families in our own wordings, in the languages AWS writes:
a direct debit the bank returned, a root sign-in without the MFA device (recovery), an SES account in a review period,
an operational issue told by its elevated error rates, maintenance told as security patching, an MFA deactivation
whose sentence wraps, "review your account and credentials", thanks for opening a Support case, an invitation to join
an organization without the English words.

Every positive case got another type before routing/data/notices.yaml learned its family; the negatives pin what must
not move (an invoice collected by direct debit, an end of support that stops the patches, a case AWS opened, an SES
identity verified, a policy asking root users without MFA to register one, maintenance that mentions latency)."""

from __future__ import annotations

from email.message import EmailMessage
from email.policy import SMTP

import pytest

from routing.classify import NoticeClassifier
from routing.parse import parse_mail

CLASSIFIER = NoticeClassifier()

BILLING = "aws-billing@amazon.com"
GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
SIGNIN = "no-reply@verify.signin.aws"


def notice_type(sender: str, subject: str | None, body: str) -> str:
    message = EmailMessage(policy=SMTP)
    message["From"] = f"Amazon Web Services <{sender}>"
    message["To"] = "root@tenant.example"
    message["Date"] = "Tue, 01 Sep 2026 10:00:00 +0000"
    if subject is not None:
        message["Subject"] = subject
    message.set_content(body, charset="utf-8", cte="8bit")
    return CLASSIFIER.classify(parse_mail(message.as_bytes())).notice_type


# family A: a direct debit the bank returned or rejected, or that could not be collected
DIRECT_DEBIT = [
    ('en', 'The direct debit of USD 42.10 for account 311122233344'
           ' was rejected by your bank on August 30, 2026.'),
    ('es', 'El adeudo directo SEPA de 42,10 EUR de la cuenta 311122233344 fue devuelto por su banco.'),
    ('pt', 'O débito direto SEPA de 42,10 EUR da conta 311122233344 foi devolvido pelo seu banco.'),
    ('fr', 'Le prélèvement de 42,10 EUR pour le compte 311122233344 a été retourné par votre banque.'),
    ('it', "L'addebito diretto di 42,10 EUR per l'account 311122233344 è stato rifiutato dalla tua banca."),
    ('de', 'Die Lastschrift über 42,10 EUR für das Konto 311122233344 wurde von Ihrer Bank zurückgebucht.'),
    ('ja', 'アカウント 311122233344 の口座振替による引き落としが失敗しました。'),
    ('zh', '账户 311122233344 的自动扣款失败，银行退回了该笔款项。'),
    ('ko', '계정 311122233344의 자동 이체 출금이 실패했습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), DIRECT_DEBIT, ids=[lang for lang, _ in DIRECT_DEBIT])
def test_direct_debit_returned_is_a_failed_payment(lang: str, body: str) -> None:
    assert notice_type(BILLING, None, body) == "billing.payment_failed"


def test_invoice_collected_by_direct_debit_is_an_invoice() -> None:
    body = ('Ihre Rechnung EUINDE26-1234567 über 12,00 EUR für das AWS-Konto 311122233344 ist verfügbar. '
            'Der Betrag wird per SEPA-Lastschrift eingezogen.')
    assert notice_type(BILLING, 'Ihre AWS-Rechnung ist verfügbar', body) == "billing.invoice"


# family B: the root user signs in without the MFA device (the recovery flow)
MFA_RECOVERY = [
    ('en', 'You asked to sign in to account 311122233344 as the root user'
           ' without your MFA device. Confirm your email address to go on.'),
    ('es', 'Solicitó iniciar sesión como usuario raíz sin su dispositivo'
           ' MFA. Confirme su correo electrónico para continuar.'),
    ('pt', 'Você pediu para entrar como usuário raiz sem o seu dispositivo'
           ' de MFA. Confirme o seu e-mail para continuar.'),
    ('fr', "Vous avez demandé à vous connecter en tant qu'utilisateur"
           " racine sans votre appareil MFA. Confirmez votre e-mail."),
    ('it', "Hai chiesto di accedere come utente root senza il tuo dispositivo"
           " MFA. Conferma l'indirizzo e-mail per continuare."),
    ('de', 'Sie möchten sich als Root-Benutzer ohne Ihr MFA-Gerät'
           ' anmelden. Bestätigen Sie dazu Ihre E-Mail-Adresse.'),
    ('ja', 'ルートユーザーとして MFA デバイスなしでサインインするリクエストを受け付けました。'
           'メールアドレスを確認してください。'),
    ('zh', '您请求在不使用 MFA 设备的情况下以根用户身份登录。请确认您的电子邮件地址。'),
    ('ko', 'MFA 디바이스 없이 루트 사용자로 로그인하도록 요청하셨습니다. 이메일 주소를 확인하십시오.'),
]


@pytest.mark.parametrize(("lang", "body"), MFA_RECOVERY, ids=[lang for lang, _ in MFA_RECOVERY])
def test_sign_in_without_the_mfa_device_is_mfa_recovery(lang: str, body: str) -> None:
    assert notice_type(SIGNIN, None, body) == "credentials.mfa_recovery"


def test_policy_for_root_users_without_mfa_is_no_recovery() -> None:
    body = ('Starting October 1, 2026, AWS will require root users without an MFA device to register one '
            'at their next sign-in. Register an MFA device now.')
    assert notice_type(GENERAL, None, body) != "credentials.mfa_recovery"


def test_recovery_link_alone_is_mfa_recovery() -> None:
    body = 'Open this link to continue: https://signin.aws.amazon.com/mfa-recovery/confirm?token=abc123'
    assert notice_type(SIGNIN, None, body) == "credentials.mfa_recovery"


# family C: an SES account in a review period (probation)
SES_REVIEW = [
    ('en', 'Your Amazon SES account in us-east-1 has entered a review'
           ' period because your bounce rate is too high.'),
    ('es', 'Su cuenta de Amazon SES entró en un período de revisión'
           ' porque la tasa de rebote es demasiado alta.'),
    ('pt', 'Sua conta do Amazon SES entrou em um período de análise porque a taxa de rejeição está alta.'),
    ('fr', "Votre compte Amazon SES est entré dans une période"
           " d'examen, car le taux de plaintes est trop élevé."),
    ('it', 'Il tuo account Amazon SES è entrato in un periodo di'
           ' revisione perché il tasso di reclami è troppo alto.'),
    ('de', 'Ihr Amazon SES-Konto befindet sich wegen zu vieler Beschwerden in einem Überprüfungszeitraum.'),
    ('ja', 'お客様の Amazon SES アカウントは、苦情率が高いため審査期間に入りました。'),
    ('zh', '由于退信率过高，您的 Amazon SES 账户已进入审查期。'),
    ('ko', '반송률이 높아 Amazon SES 계정이 검토 기간에 들어갔습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), SES_REVIEW, ids=[lang for lang, _ in SES_REVIEW])
def test_ses_review_period_is_a_sending_review(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "ses.sending_review"


def test_ses_identity_verified_is_not_a_review() -> None:
    body = ('Congratulations! The domain example.com has been successfully verified '
            'for use with Amazon SES in eu-west-1.')
    assert notice_type(GENERAL, None, body) == "ses.identity_verified"


# family D: an operational issue told by its symptom, elevated error rates or latency
ERROR_RATES = [
    ('es', 'Entre las 10:00 y las 11:30 UTC, Amazon SQS registró un aumento'
           ' de las tasas de error en eu-west-1. El problema está resuelto.'),
    ('pt', 'Entre 10:00 e 11:30 UTC, o Amazon SQS apresentou taxas de'
           ' erro elevadas em sa-east-1. O problema foi resolvido.'),
    ('fr', "Entre 10 h et 11 h 30 UTC, Amazon SQS a connu une hausse des"
           " taux d'erreur dans eu-west-3. Le problème est résolu."),
    ('it', 'Tra le 10:00 e le 11:30 UTC, Amazon SQS ha registrato tassi'
           ' di errore elevati in eu-south-1. Il problema è risolto.'),
    ('de', 'Zwischen 10:00 und 11:30 UTC kam es bei Amazon SQS in eu-central-1'
           ' zu erhöhten Fehlerraten. Das Problem ist behoben.'),
    ('ja', '10:00 から 11:30 (UTC) まで、ap-northeast-1 の Amazon SQS でエラー率の上昇が発生しました。'
           '問題は解決済みです。'),
    ('zh', '10:00 至 11:30（UTC）期间，ap-east-1 区域的 Amazon SQS 错误率升高。问题已解决。'),
    ('ko', '10:00부터 11:30(UTC)까지 ap-northeast-2 리전의 Amazon SQS에서 오류율 증가가 발생했습니다.'
           ' 문제가 해결되었습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), ERROR_RATES, ids=[lang for lang, _ in ERROR_RATES])
def test_elevated_error_rates_are_an_operational_issue(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "health.operational_issue"


def test_maintenance_that_mentions_latency_stays_maintenance() -> None:
    body = ('Durante el mantenimiento programado del 10 de septiembre de 2026 podría observar latencias elevadas '
            'en sus clústeres de Amazon MSK.')
    assert notice_type(GENERAL, None, body) == "health.scheduled_maintenance"


# family E: maintenance told as security patching
SECURITY_PATCHING = [
    ('en', 'Amazon MQ will apply security patches to your brokers in'
           ' eu-west-1 between September 14 and September 21, 2026.'),
    ('es', 'Amazon MQ aplicará los parches de seguridad a sus agentes'
           ' de eu-west-1 entre el 14 y el 21 de septiembre de 2026.'),
    ('pt', 'O Amazon MQ instalará atualizações de segurança nos seus'
           ' agentes de sa-east-1 entre 14 e 21 de setembro de 2026.'),
    ('fr', 'Amazon MQ appliquera des correctifs de sécurité à vos agents'
           ' de eu-west-3 entre le 14 et le 21 septembre 2026.'),
    ('it', 'Amazon MQ applicherà le patch di sicurezza ai tuoi broker'
           ' in eu-south-1 tra il 14 e il 21 settembre 2026.'),
    ('de', 'Amazon MQ spielt zwischen dem 14. und dem 21. September'
           ' 2026 Sicherheitspatches auf Ihre Broker ein.'),
    ('ja', 'Amazon MQ は 2026年9月14日から9月21日の間に、ブローカーにセキュリティパッチを適用します。'),
    ('zh', 'Amazon MQ 将于 2026年9月14日 至 9月21日 期间为您的代理安装安全补丁。'),
    ('ko', 'Amazon MQ는 2026년 9월 14일부터 9월 21일 사이에 브로커에 보안 패치를 적용합니다.'),
]


@pytest.mark.parametrize(("lang", "body"), SECURITY_PATCHING, ids=[lang for lang, _ in SECURITY_PATCHING])
def test_security_patching_is_scheduled_maintenance(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "health.scheduled_maintenance"


NO_MORE_PATCHES = [
    ('de', 'Nach dem 30. September 2026 erhalten Broker mit ActiveMQ 5.16 keine Sicherheitspatches mehr.'),
    ('zh', '2026年9月30日之后，运行 ActiveMQ 5.16 的代理将不再提供安全补丁。'),
    ('fr', 'Après le 30 septembre 2026, les agents ActiveMQ 5.16'
           ' ne recevront plus de correctifs de sécurité.'),
]


@pytest.mark.parametrize(("lang", "body"), NO_MORE_PATCHES, ids=[lang for lang, _ in NO_MORE_PATCHES])
def test_patches_that_stop_are_an_end_of_support(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "health.end_of_support"


# family F: the MFA deactivated, the sentence wrapped over lines (quoted mail)
MFA_DEACTIVATED = [
    ('es', 'La autenticación multifactor (MFA) del usuario raíz'
           ' de la cuenta\n311122233344 se ha desactivado hoy.'),
    ('pt', 'A autenticação multifator (MFA) do usuário raiz da conta\n311122233344 foi desativada hoje.'),
    ('fr', "L'authentification multifacteur (MFA) de l'utilisateur"
           " racine du compte\n311122233344 a été désactivée."),
    ('it', "L'autenticazione a più fattori (MFA) dell'utente root"
           " dell'account\n311122233344 è stata disattivata."),
    ('de', 'Die Multi-Faktor-Authentifizierung (MFA) des Root-Benutzers'
           ' wurde am 1.\nSeptember 2026 deaktiviert.'),
]


@pytest.mark.parametrize(("lang", "body"), MFA_DEACTIVATED, ids=[lang for lang, _ in MFA_DEACTIVATED])
def test_mfa_deactivated_across_a_wrapped_line(lang: str, body: str) -> None:
    body += '\nSi no fue usted, contacte con AWS Support.'
    assert notice_type(GENERAL, None, body) == "credentials.mfa_deactivated"


def test_mfa_deactivated_named_in_the_subject_only() -> None:
    subject = 'A autenticação multifator (MFA) da sua conta AWS foi desativada'
    assert notice_type(GENERAL, subject, 'Olá,\n\nSe não reconhece esta alteração, contacte o AWS Support.') \
        == "credentials.mfa_deactivated"


# family G: review your account and credentials; the root user's sign-ins from unusual places
ROOT_REVIEW = [
    ('es', 'Revise su cuenta de AWS y sus credenciales: cambie la contraseña del usuario raíz.'),
    ('pt', 'Revise sua conta da AWS e suas credenciais e altere a senha do usuário raiz.'),
    ('fr', "Vérifiez votre compte AWS et vos identifiants, puis"
           " changez le mot de passe de l'utilisateur racine."),
    ('it', "Verifica il tuo account AWS e le tue credenziali e cambia la password dell'utente root."),
    ('de', 'Wir haben Anmeldungen des Root-Benutzers von ungewöhnlichen Orten festgestellt.'),
    ('ja', 'ルートユーザーで通常とは異なる場所からのサインインがありました。'),
    ('zh', '我们发现根用户从异常位置登录。'),
    ('ko', '루트 사용자가 알 수 없는 위치에서 로그인했습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), ROOT_REVIEW, ids=[lang for lang, _ in ROOT_REVIEW])
def test_review_your_account_and_credentials_is_root_review(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "security.root_review"


# family H: thanks for opening a Support case (the customer opened it)
CASE_OPENED = [
    ('en', 'Thank you for opening a new support case. Case ID: 176600000001'),
    ('es', 'Gracias por abrir un nuevo caso de soporte. ID del caso: 176600000001'),
    ('pt', 'Obrigado por abrir um novo caso de suporte. ID do caso: 176600000001'),
    ('fr', "Merci d'avoir ouvert un nouveau dossier d'assistance. ID du dossier : 176600000001"),
    ('it', 'Grazie per aver aperto un nuovo caso di supporto. ID caso: 176600000001'),
    ('de', 'Vielen Dank, dass Sie einen neuen Support-Fall eröffnet haben. Fall-ID: 176600000001'),
    ('ja', 'サポートケースを作成していただきありがとうございます。ケース ID: 176600000001'),
    ('zh', '感谢您创建新的支持案例。案例 ID：176600000001'),
    ('ko', '새 지원 케이스를 열어 주셔서 감사합니다. 케이스 ID: 176600000001'),
]


@pytest.mark.parametrize(("lang", "body"), CASE_OPENED, ids=[lang for lang, _ in CASE_OPENED])
def test_thanks_for_opening_a_case_is_case_opened(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "support.case_opened"


def test_case_aws_opened_on_your_behalf_stays_by_aws() -> None:
    body = 'AWS에서 귀하를 대신하여 케이스 176600000001을(를) 생성했습니다. 지원 센터에서 확인하십시오.'
    subject = 'Amazon Web Services: 새 지원 케이스: 176600000001'
    assert notice_type(GENERAL, subject, body) == "support.case_opened_by_aws"


# family I: an account invited to join an organization, no English words, no subject
ORG_INVITE = [
    ('es', 'La cuenta 311122233344 ha invitado a su cuenta de AWS a unirse a su organización.'),
    ('pt', 'A conta 311122233344 convidou sua conta da AWS para ingressar na organização.'),
    ('fr', 'Le compte 311122233344 a invité votre compte AWS à rejoindre son organisation.'),
    ('it', "L'account 311122233344 ha invitato il tuo account AWS ad aderire alla sua organizzazione."),
    ('de', 'Das Konto 311122233344 hat Ihr AWS-Konto eingeladen, der Organisation beizutreten.'),
    ('ja', 'アカウント 311122233344 から、お客様の AWS アカウントが組織に参加するよう招待されています。'),
    ('zh', '账户 311122233344 邀请您的 AWS 账户加入其组织。'),
    ('ko', '계정 311122233344에서 귀하의 AWS 계정을 조직에 가입하도록 초대했습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), ORG_INVITE, ids=[lang for lang, _ in ORG_INVITE])
def test_invited_to_join_an_organization(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "verification.organizations_invite"


def test_accept_invitation_link_is_an_invite() -> None:
    body = 'https://console.aws.amazon.com/organizations/v2/home/accept-invitation?handshake=h-abc123'
    assert notice_type(GENERAL, None, body) == "verification.organizations_invite"
