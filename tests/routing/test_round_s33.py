"""Session 33's round (51), in our own words (none of these sentences is in a fixture), about the fictitious Amazon
Quokka: a localized agreement that states its period (start and end fields) has no deadline in its end, unless it will
not renew or asks to act before it ends; a maintenance the reader may move, or that happens if the reader does nothing,
localized; a closed account's reopen period is no deadline, also when its end is written as a date; the Italian
account named with the company's name ("l'account Amazon Web Services N"). Round 52: the account named by its last
four digits and written in full elsewhere (never an id that ends otherwise, nor a bank's account); a minimum TLS version
raised is a policy change. Round 53: a Korean charge from a date with an ask to review is a policy change, not an SES
review; a maintenance whose postponement the reader may request has a deadline (zh, ja, ko). Round 54: the German
relative "was" is no English past; a Traditional Chinese review of the account and its credentials, in Taiwan's
words (the evidence's Traditional patterns read the folded text). Round 55: a localized risk of suspension in the
subject; the date an account was suspended on, said in the active past, is a fact; a linked account beside a management
(payer) account field."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

MARKETPLACE = "aws-marketplace@amazon.com"
HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
JUN_7 = format_datetime(datetime.fromisoformat("2027-06-07T08:15:00+00:00"))
FEB_3 = format_datetime(datetime.fromisoformat("2027-02-03T11:40:00+00:00"))

# an agreement's period: (start field, end field, the mail's opening), one per language
_PERIODS = [
    ("合約開始日 2027-06-07", "合約結束日 2028-06-06", "您的 AWS 帳戶 5093-1184-2276 已訂閱 Quokka Streams："),
    ("合同开始日期 2027-06-07", "合同结束日期 2028-06-06", "您的 AWS 账户 5093-1184-2276 已订阅 Quokka Streams："),
    ("契約開始日 2027-06-07", "契約終了日 2028-06-06",
     "AWS アカウント 5093-1184-2276 で Quokka Streams の契約が有効になりました。"),
    ("계약 시작일 2027-06-07", "계약 종료일 2028-06-06",
     "AWS 계정 5093-1184-2276에서 Quokka Streams 계약이 시작되었습니다."),
    ("Vertragsbeginn: 2027-06-07", "Vertragsende: 2028-06-06",
     "Ihr AWS-Konto 5093-1184-2276 hat Quokka Streams abonniert."),
    ("Date de début : 2027-06-07", "Date de fin : 2028-06-06",
     "Votre compte AWS 5093-1184-2276 est abonné à Quokka Streams."),
    ("Fecha de inicio: 2027-06-07", "Fecha de finalización: 2028-06-06",
     "Su cuenta de AWS 5093-1184-2276 se ha suscrito a Quokka Streams."),
    ("Data de início: 2027-06-07", "Data de término: 2028-06-06",
     "Sua conta da AWS 5093-1184-2276 assinou o Quokka Streams."),
    ("Data di inizio: 2027-06-07", "Data di fine: 2028-06-06",
     "Il tuo account AWS 5093-1184-2276 si è abbonato a Quokka Streams."),
]


@pytest.mark.parametrize(("start", "end", "opening"), _PERIODS)
def test_an_agreements_stated_period_has_no_deadline_in_its_end(start: str, end: str, opening: str) -> None:
    notice = classify(MARKETPLACE, None, f"{opening}\n\n{start}\n\n{end}\n", date=JUN_7)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None
    assert notice.aws_account_id == "509311842276"


# (the same period, when the agreement will not renew: its end is when the product stops, a deadline)
@pytest.mark.parametrize(("start", "end", "opening", "off"), [
    (*_PERIODS[1], "自动续订：已关闭"),
    (*_PERIODS[2], "自動更新: オフ"),
    (*_PERIODS[3], "자동 갱신: 꺼짐"),
    (*_PERIODS[4], "Automatische Verlängerung: Aus"),
    (*_PERIODS[6], "Renovación automática: desactivada"),
])
def test_an_agreements_period_that_will_not_renew_keeps_its_end(start: str, end: str, opening: str, off: str) -> None:
    notice = classify(MARKETPLACE, None, f"{opening}\n\n{start}\n\n{end}\n\n{off}\n", date=JUN_7)
    assert notice.deadline == "2028-06-06"


# (or when the mail asks to act by the end date it names)
@pytest.mark.parametrize(("start", "end", "opening", "ask"), [
    (*_PERIODS[2], "継続する場合は、終了日より前に更新してください。"),
    (*_PERIODS[3], "계속 사용하려면 종료일 전에 갱신하십시오."),
    (*_PERIODS[1], "如需继续使用，请在结束日期之前续订。"),
])
def test_an_agreements_period_with_an_ask_before_its_end_keeps_it(start: str, end: str, opening: str, ask: str) -> None:
    notice = classify(MARKETPLACE, None, f"{opening}\n\n{start}\n\n{end}\n\n{ask}\n", date=JUN_7)
    assert notice.deadline == "2028-06-06"


# (a trial's end is no term's: charges start after it)
def test_a_trials_end_beside_a_subscription_start_keeps_its_deadline() -> None:
    body = ("Amazon Quokka Streams の無料トライアルがまもなく終わります。\n\n購読開始日 2027-06-01\n\n"
            "トライアル終了日 2027-06-21\n\nトライアル終了後は料金が発生します。")
    notice = classify(MARKETPLACE, None, body, date=JUN_7)
    assert notice.deadline == "2027-06-21"


@pytest.mark.parametrize("body", [
    "Les instances Amazon Quokka de votre compte 607731228845 seront mises à jour à compter du lundi 22 février 2027, "
    "04:00 UTC. Vous pouvez déplacer cette plage dans la console Quokka jusqu'au début de la maintenance.",
    "Las instancias de Amazon Quokka de su cuenta 607731228845 se actualizarán a partir del lunes 22 de febrero de "
    "2027, 04:00 UTC. Sin ninguna acción por su parte, la actualización se realizará en esa fecha.",
    "Le istanze Amazon Quokka del tuo account 607731228845 saranno aggiornate a partire da lunedì 22 febbraio 2027, "
    "04:00 UTC. Puoi spostarla dalla console Quokka fino all'inizio della manutenzione.",
    "The Amazon Quokka instances in account 607731228845 will be updated starting Monday, February 22, 2027, "
    "04:00 UTC. You can move the window in the Quokka console; if you take no action, the update runs then.",
])
def test_a_maintenance_the_reader_may_move_has_its_start_as_deadline(body: str) -> None:
    notice = classify(HEALTH, None, f"{body}\n\nEvent type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED", date=FEB_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline == "2027-02-22"


@pytest.mark.parametrize(("subject", "body"), [
    ("Your AWS account is closed",
     "We closed the AWS account 738820146659 at your request. Until April 4, 2027 you can sign in and reopen it by "
     "contacting AWS Support; after that, the account and its content are removed."),
    ("Fermeture de votre compte AWS",
     "Votre compte AWS 738820146659 a été fermé. Jusqu'au 4 avril 2027, vous pouvez le rouvrir en contactant AWS "
     "Support."),
    ("AWS アカウントの解約",
     "AWS アカウント 738820146659 は解約されました。2027年4月4日までは AWS サポートに連絡して"
     "アカウントを再開できます。"),
])
def test_a_closed_accounts_reopen_period_is_no_deadline(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=FEB_3)
    assert notice.notice_type == "account.closed"
    assert notice.deadline is None
    assert notice.aws_account_id == "738820146659"


def test_the_italian_account_named_with_the_companys_name() -> None:
    body = ("Gentile cliente,\n\nquesto messaggio riguarda l'account Amazon Web Services 824410736652: non è stato "
            "possibile addebitare la fattura di Amazon Quokka sulla carta registrata.")
    notice = classify(NO_REPLY, "Amazon Web Services: pagamento non riuscito", body, date=FEB_3)
    assert notice.notice_type == "billing.payment_failed"
    assert notice.aws_account_id == "824410736652"


# ---------------------------------------------------------------- round 52

SIGNIN = "no-reply@signin.aws"
JAN_19 = format_datetime(datetime.fromisoformat("2027-01-19T18:05:33+00:00"))


@pytest.mark.parametrize("tail", [
    "Open https://signin.aws.amazon.com/resetpassword?type=RootUser&account=615208837440&token=abc to choose one.",
    "The request came for the AWS account 6152-0883-7440 from a browser in Lisbon.",
])
def test_the_account_named_by_its_last_digits_and_written_in_full(tail: str) -> None:
    body = f"Hello,\n\nSomeone asked to reset the root user's password of the AWS account ending in 7440. {tail}"
    notice = classify(SIGNIN, "Amazon Web Services Password Assistance", body, date=JUN_7)
    assert notice.notice_type == "credentials.password_reset"
    assert notice.aws_account_id == "615208837440"


# (another account's id, that does not end with the digits written, is never taken)
def test_an_id_that_does_not_end_with_the_last_digits_is_not_the_account() -> None:
    body = ("Hello,\n\nSomeone asked to reset the root user's password of the AWS account ending in 7440. The request "
            "named the AWS account 615208831111.")
    notice = classify(SIGNIN, "Amazon Web Services Password Assistance", body, date=JUN_7)
    assert notice.aws_account_id is None


@pytest.mark.parametrize("body", [
    "Amazon Quokka is raising the minimum TLS version its endpoints accept to TLS 1.2 by June 30, 2027. After that, "
    "clients that connect with TLS 1.0 or TLS 1.1 will be refused.",
    "Amazon Quokka hebt die minimale TLS-Version seiner Endpunkte bis zum 30. Juni 2027 auf TLS 1.2 an. Danach werden "
    "Clients mit TLS 1.0 oder 1.1 abgelehnt.",
    "Amazon Quokka relèvera la version TLS minimale de ses points de terminaison à TLS 1.2 d'ici le 30 juin 2027. Les "
    "clients en TLS 1.0 ou 1.1 seront ensuite refusés.",
    "Amazon Quokka 将在 2027年6月30日 前把终端节点的最低 TLS 版本提高到 TLS 1.2，之后使用 TLS 1.0 或 1.1 的"
    "客户端将被拒绝。",
    "Amazon Quokka は 2027年6月30日までにエンドポイントの最低 TLS バージョンを TLS 1.2 に引き上げます。その後、"
    "TLS 1.0 と 1.1 の接続は拒否されます。",
    "Amazon Quokka는 2027년 6월 30일까지 엔드포인트의 최소 TLS 버전을 TLS 1.2로 상향합니다. 이후 TLS 1.0 및 1.1 "
    "연결은 거부됩니다.",
])
def test_a_minimum_tls_version_raised_is_a_policy_change(body: str) -> None:
    notice = classify(NO_REPLY, None, body, date=JAN_19)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-06-30"


# (a bank's account ending in four digits is no AWS account's: the AWS account named in full stays the account)
def test_a_bank_account_ending_in_four_digits_leaves_the_aws_account() -> None:
    body = ("Hello,\n\nWe could not collect the payment for AWS account 615208831111 from your bank account ending in "
            "7440. Please update the payment method.")
    notice = classify(NO_REPLY, "Payment failed", body, date=JUN_7)
    assert notice.aws_account_id == "615208831111"


# ---------------------------------------------------------------- round 53

APR_6 = format_datetime(datetime.fromisoformat("2027-04-06T23:40:00+00:00"))


# (a Korean reader asked to review a setting, "…을 검토하십시오", is no SES sending review: the charge that starts
# from a date makes it a policy change)
def test_a_korean_charge_from_a_date_with_an_ask_to_review_is_a_policy_change() -> None:
    body = ("안녕하세요.\n\n2027년 8월 1일부터 Amazon Quokka 아카이브 스토리지에서 복원한 데이터에 GB당 요금이 "
            "부과됩니다. 현재는 무료입니다.\n\n비용을 줄이려면 복원 작업의 범위를 검토하십시오.")
    notice = classify(NO_REPLY, None, body, date=APR_6)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-08-01"


# (an SES account under review stays one, in Korean too)
def test_a_korean_ses_account_under_review_stays_a_sending_review() -> None:
    body = ("Amazon SES 계정의 반송률이 높아 발송 검토 중입니다. 검토 기간 동안 이메일 발송이 일시 중지될 수 "
            "있습니다.")
    notice = classify(NO_REPLY, "Amazon SES 발송 검토", body, date=APR_6)
    assert notice.notice_type == "ses.sending_review"


@pytest.mark.parametrize("ask", [
    "如果此时段不合适，您可以在 2027年3月10日之前要求延后；否则维护将自动执行。",
    "如果此時段不合適，您可以在 2027年3月10日之前要求延後；否則維護將自動執行。",
    "この時間帯が都合に合わない場合は、2027年3月10日までに延期をリクエストできます。",
    "이 시간이 적합하지 않으면 2027년 3월 10일 전에 연기를 요청할 수 있습니다.",
])
def test_a_maintenance_whose_postponement_the_reader_may_request_has_a_deadline(ask: str) -> None:
    body = (f"Amazon Quokka 2027-03-12 02:00-04:00 UTC\n\n{ask}\n\n"
            "Event type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED")
    notice = classify(HEALTH, None, body, date=FEB_3)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is not None


# ---------------------------------------------------------------- round 54

MAR_26 = format_datetime(datetime.fromisoformat("2027-03-26T11:11:17+00:00"))


# (the German relative "was" after the date's sentence is no English past: "…, was einen Neustart auslöst")
def test_a_german_relative_was_after_the_date_keeps_the_deadline() -> None:
    body = ("Hallo,\n\ndie neue Zertifizierungsstelle ersetzt das Zertifikat Ihrer Amazon-Quokka-Cluster.\n"
            "Aktualisieren Sie das Zertifikat Ihrer Cluster vor dem 18. Mai 2027. Ab diesem Tag tauscht\n"
            "Amazon Quokka das Zertifikat selbst aus, was einen Neustart der Knoten auslöst.\n\n"
            "Betroffene Cluster im Konto 480173326190:\n  - quokka-a (eu-central-1)\n\n"
            "Ereignis-ARN: arn:aws:health:eu-central-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/X1")
    notice = classify(HEALTH, "[Aktion erforderlich] Amazon Quokka: Zertifikatsrotation", body, date=FEB_3)
    assert notice.deadline == "2027-05-18"


def test_a_traditional_chinese_review_of_the_account_and_its_credentials() -> None:
    notice = classify(NO_REPLY, "[需要採取行動] 請檢查您的 AWS 帳戶與憑證",
                      "AWS 帳戶 480173326190 的根使用者可能有未經授權的登入。請於 2027 年 4 月 12 日前完成檢查。",
                      date=MAR_26)
    assert notice.notice_type == "security.root_review"


# (Taiwan's words in the body alone: "根使用者", "存取金鑰"; the evidence's Traditional patterns read the folded text)
def test_a_traditional_chinese_root_review_in_taiwans_words_without_subject() -> None:
    body = ("我們發現 AWS 帳戶 480173326190 的根使用者可能有未經授權的登入。請於 2027 年 4 月 12 日前完成以下步驟：\n\n"
            "變更根使用者密碼並啟用 MFA；\n\n刪除根使用者的存取金鑰。")
    notice = classify(NO_REPLY, None, body, date=MAR_26)
    assert notice.notice_type == "security.root_review"
    assert notice.deadline == "2027-04-12"


# ---------------------------------------------------------------- round 55

MAR_4 = format_datetime(datetime.fromisoformat("2027-03-04T10:00:00+00:00"))
MAR_30 = format_datetime(datetime.fromisoformat("2027-03-30T17:10:00+00:00"))


@pytest.mark.parametrize(("subject", "body"), [
    ("Votre compte AWS risque d'être suspendu", "Nous n'avons pas pu encaisser le paiement de votre facture Amazon "
     "Quokka. Réglez le solde avant le 22/03/2027."),
    ("Su cuenta de AWS corre el riesgo de ser suspendida", "No pudimos cobrar su factura de Amazon Quokka. Pague el "
     "saldo antes del 22/03/2027."),
    ("Il tuo account AWS rischia di essere sospeso", "Non siamo riusciti a riscuotere la fattura di Amazon Quokka. "
     "Salda l'importo entro il 22/03/2027."),
    ("Sua conta da AWS corre o risco de ser suspensa", "Não foi possível cobrar a fatura do Amazon Quokka. Pague o "
     "saldo até 22/03/2027."),
    ("Ihrem AWS-Konto droht die Sperrung", "Wir konnten die Rechnung für Amazon Quokka nicht einziehen. Begleichen Sie "
     "den Saldo vor dem 22.03.2027."),
])
def test_a_localized_risk_of_suspension_in_the_subject_is_a_suspension_warning(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_4)
    assert notice.notice_type == "billing.suspension_warning"


@pytest.mark.parametrize(("subject", "body"), [
    ("Su cuenta de AWS ha sido suspendida", "Como la factura de Amazon Quokka sigue sin pagarse, hemos suspendido la "
     "cuenta el 30 de marzo de 2027.\n\nSi paga el saldo antes del 21 de abril de 2027, reactivaremos la cuenta."),
    ("Su cuenta de AWS ha sido suspendida", "La cuenta de AWS 480173326190 se suspendió el 30 de marzo de 2027.\n\n"
     "Si paga el saldo antes del 21 de abril de 2027, reactivaremos la cuenta."),
    ("Votre compte AWS a été suspendu", "La facture Amazon Quokka restant impayée, nous avons suspendu le compte le "
     "30 mars 2027.\n\nSi vous réglez le solde avant le 21 avril 2027, nous réactiverons le compte."),
    ("Il tuo account AWS è stato sospeso", "Poiché la fattura di Amazon Quokka non è stata pagata, abbiamo sospeso "
     "l'account il 30 marzo 2027.\n\nSe paghi il saldo entro il 21 aprile 2027, riattiveremo l'account."),
    ("Sua conta da AWS foi suspensa", "Como a fatura do Amazon Quokka continua em aberto, suspendemos a conta em "
     "30 de março de 2027.\n\nSe você pagar o saldo antes de 21 de abril de 2027, reativaremos a conta."),
])
def test_the_date_an_account_was_suspended_on_is_a_fact_the_reactivation_date_the_deadline(
        subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, body, date=MAR_30)
    assert notice.notice_type == "account.suspended"
    assert notice.deadline in ("2027-04-21", "2027-04-20")


# (a plan said in the compound past is no fact: "hemos programado la actualización para el D")
def test_an_update_scheduled_in_the_compound_past_keeps_its_date() -> None:
    body = ("Hemos programado la actualización obligatoria de sus clústeres de Amazon Quokka para el 21 de abril de "
            "2027. Actualícelos antes de esa fecha.\n\nEvent type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT")
    notice = classify(HEALTH, None, body, date=MAR_30)
    assert notice.deadline in ("2027-04-21", "2027-04-20")


@pytest.mark.parametrize("payer", ["Management (payer) account: 116485930274", "Management account: 116485930274",
                                   "Payer (management) account: 116485930274"])
def test_a_linked_account_beside_a_management_account_field(payer: str) -> None:
    body = ("Hello,\n\nOne of your Savings Plans for Amazon Quokka expires on May 20, 2027.\n\n"
            f"* Owned by linked account: 928103645571\n* {payer}\n")
    notice = classify(NO_REPLY, "Your Savings Plan is expiring soon", body, date=MAR_30)
    assert notice.aws_account_id == "928103645571"
