"""Notice types and deadline rules of the unseen17/18 misses (issue 12), as families in our own wordings, in the
languages AWS writes: an Organizations invitation or all-features approval worded around the service, a reply or a
closed case named by its reply/reopen words or a "RE: [case N]" subject, a new case created in the account, unusual
activity named in a localized subject, scheduled maintenance told as a window, a reservation term that ends,
promotional credits applied, API/action renames that policies must follow; and the notices.yaml modifiers that ask
for a deadline: a subscription's new price from a date, a plan that ends on a date, a charge that starts on a date,
a change to how AWS invoices from a date.

Every positive case got another type (or no deadline) before routing/data/notices.yaml learned its family; the
negatives pin what must not move (a member removed from an organization, a retirement with stop/start advice,
credits about to expire, a case AWS opened on the reader's behalf)."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

BILLING = "aws-billing@amazon.com"
GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
MARKETPLACE = "no-reply@marketplace.aws"
FREETIER = "freetier@costalerts.amazonaws.com"
MARKETING = "aws-marketing-email-replies@amazon.com"


def notice_type(sender: str, subject: str | None, body: str) -> str:
    return classify(sender, subject, body).notice_type


# family A: an Organizations invitation or the all-features approval, worded around the service
ORG_INVITE = [
    ('en', 'Your AWS account 311122233344 received an invitation from AWS Organizations (management account '
           '411122233344).'
           ' Accept or decline it in the console.'),
    ('es', 'Su cuenta de AWS 311122233344 recibió una invitación de AWS Organizations desde la cuenta 411122233344.'),
    ('pt', 'A sua conta 311122233344 recebeu um convite do AWS Organizations enviado pela conta 411122233344.'),
    ('fr', 'Votre compte 311122233344 a reçu une invitation AWS Organizations du compte 411122233344.'),
    ('it', "L'account 311122233344 ha ricevuto un invito da AWS Organizations dall'account 411122233344."),
    ('de', 'Ihr Konto 311122233344 hat über AWS Organizations eine Einladung vom Konto 411122233344 erhalten.'),
    ('ja', 'アカウント 311122233344 に、AWS Organizations からアカウント 411122233344 の招待が届きました。'),
    ('zh', '账户 411122233344 通过 AWS Organizations 向您的账户 311122233344 发出了邀请。'),
    ('ko', '계정 411122233344에서 AWS Organizations를 통해 귀하의 계정 311122233344에 초대를 보냈습니다.'),
]
ORG_ALL_FEATURES = [
    ('en', 'The management account 411122233344 wants to enable all features. Approve the request in AWS '
           'Organizations.'),
    ('es', 'La cuenta 411122233344 quiere habilitar todas las funciones. Apruebe la solicitud en AWS Organizations.'),
    ('pt', 'A conta 411122233344 quer ativar todos os recursos. Aprove a solicitação no AWS Organizations.'),
    ('fr', 'Le compte 411122233344 souhaite activer toutes les fonctionnalités. Approuvez la demande dans AWS '
           'Organizations.'),
    ('it', "L'account 411122233344 vuole abilitare tutte le funzionalità. Approva la richiesta in AWS Organizations."),
    ('de', 'Das Konto 411122233344 möchte alle Funktionen aktivieren. Genehmigen Sie die Anfrage in AWS '
           'Organizations.'),
    ('ja', 'アカウント 411122233344 がすべての機能を有効にしようとしています。AWS Organizations で承認してください。'),
    ('zh', '账户 411122233344 希望启用所有功能。请在 AWS Organizations 中批准该请求。'),
    ('ko', '계정 411122233344에서 모든 기능을 활성화하려고 합니다. AWS Organizations에서 요청을 승인하십시오.'),
]


ORG_IDS = [f"invite-{lang}" for lang, _ in ORG_INVITE] + [f"all-features-{lang}" for lang, _ in ORG_ALL_FEATURES]


@pytest.mark.parametrize(("lang", "body"), ORG_INVITE + ORG_ALL_FEATURES, ids=ORG_IDS)
def test_organizations_invitation_or_approval(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "verification.organizations_invite"


def test_member_removed_from_an_organization_is_no_invitation() -> None:
    body = 'Ihr AWS-Konto 311122233344 wurde aus der Organisation o-5g7h9j1k3l in AWS Organizations entfernt.'
    assert notice_type(GENERAL, "Konto aus einer AWS-Organisation "
                                "entfernt", body) != "verification.organizations_invite"


def test_marketing_invitation_about_organizations_is_marketing() -> None:
    body = 'Join our webinar about AWS Organizations: we invite you to learn about SCPs on December 9.'
    assert notice_type(MARKETING, "Webinar", body) != "verification.organizations_invite"


# family B: a reply on a case (reply noun, closed with a reopen window, a reply subject), a new case created
CASE_REPLY = [
    ('es', 'Hemos aumentado la cuota de la cuenta 311122233344 y cerramos este caso 1801937264.'),
    ('pt', 'Aumentamos a cota da conta 311122233344. Fechamos este caso 1801937264; você pode reabri-lo no '
           'Support Center.'),
    ('fr', 'Nous avons augmenté le quota du compte 311122233344. Nous clôturons ce dossier 1801937264.'),
    ('it', "Abbiamo aumentato la quota dell'account 311122233344. Chiudiamo ora il caso 1801937264; può "
           "riaprirlo dal Centro assistenza."),
    ('de', 'Wir haben das Kontingent des Kontos 311122233344 erhöht und schließen diesen Fall 1801937264 jetzt.'),
    ('ja', 'アカウント 311122233344 のクォータを引き上げました。ケース 1801937264 をクローズします。'),
    ('zh', '我们已提高账户 311122233344 的配额，现在关闭此案例 1801937264。'),
    ('ko', '지원 사례 1801937264에 새 회신이 있습니다. 계정 311122233344의 할당량을 늘렸습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), CASE_REPLY, ids=[lang for lang, _ in CASE_REPLY])
def test_case_reply_or_closed_is_correspondence(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "support.case_correspondence"


REPLY_SUBJECT = [
    ('zh', '回复：[案例 1801937264] 账户仍未激活', '感谢您联系 AWS Support。账户 311122233344 已重新激活。'),
    ('ja', '返信: [ケース 1801937264] アカウントの有効化', 'サポートにお問い合わせいただきありがとうございます。'
            'アカウント 311122233344 は有効になりました。'),
    ('pt', 'RE: [Caso 1801937264] Conta suspensa', 'Obrigado por entrar em contato com o AWS Support. A conta '
                                                   '311122233344 foi reativada.'),
    ('es', 'RE: [Caso 1801937264] Cuenta '
           'suspendida', 'Gracias por ponerse en contacto con AWS Support. La cuenta 311122233344 está activa.'),
    ('de', 'AW: [Fall 1801937264] Konto gesperrt', 'Vielen Dank, dass Sie sich an den AWS Support gewandt '
                                                   'haben. Das Konto 311122233344 ist aktiv.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), REPLY_SUBJECT, ids=[lang for lang, _, _ in REPLY_SUBJECT])
def test_reply_subject_on_a_case_is_correspondence(lang: str, subject: str, body: str) -> None:
    assert notice_type(GENERAL, subject, body) == "support.case_correspondence"


CASE_CREATED = [
    ('es', 'Se ha creado un nuevo caso de soporte 180339201847 en la cuenta 311122233344.'),
    ('pt', 'Um novo caso de suporte foi criado: 180339201847, conta 311122233344.'),
    ('fr', 'Un nouveau dossier a été créé : 180339201847 (compte 311122233344).'),
    ('it', "È stato creato un nuovo caso 180339201847 per l'account 311122233344."),
    ('de', 'Ein neuer Support-Fall wurde erstellt: 180339201847 (Konto 311122233344).'),
    ('ja', 'アカウント 311122233344 で新しいサポートケースが作成されました。ケース ID: 180339201847'),
    ('zh', '账户 311122233344 中创建了新的支持案例 180339201847。'),
    ('ko', 'AWS 계정 311122233344에 대해 새 지원 사례가 생성되었습니다. 사례 ID: 180339201847'),
]


@pytest.mark.parametrize(("lang", "body"), CASE_CREATED, ids=[lang for lang, _ in CASE_CREATED])
def test_new_case_created_is_case_opened(lang: str, body: str) -> None:
    assert notice_type(GENERAL, None, body) == "support.case_opened"


def test_case_aws_opened_on_the_readers_behalf_stays_opened_by_aws() -> None:
    body = 'AWS ha abierto el caso 180339201847 en su nombre para la cuenta 311122233344.'
    assert notice_type(GENERAL, None, body) == "support.case_opened_by_aws"


# family C: unusual activity named in a localized subject, a case and a reply request in the body
UNUSUAL_SUBJECT = [
    ('es', 'Actividad inusual en su cuenta de '
           'AWS', 'Abrimos el caso 1804928371. Responda al caso 1804928371 con su respuesta.'),
    ('pt', 'Atividade incomum na sua conta da '
           'AWS', 'Abrimos o caso 1804928371. Envie sua resposta no caso 1804928371.'),
    ('fr', 'Activité inhabituelle sur votre compte '
           'AWS', 'Nous avons ouvert le dossier 1804928371. Envoyez votre réponse au dossier.'),
    ('it', 'Attività insolita nel tuo account '
           'AWS', 'Abbiamo aperto il caso 1804928371. Invia la tua risposta al caso.'),
    ('de', 'Ungewöhnliche Aktivität in Ihrem '
           'AWS-Konto', 'Wir haben den Supportfall 1804928371 eröffnet. Antworten Sie bitte auf den Fall.'),
    ('ja', 'AWS アカウントでの異常なアクティビティ', 'ケース 1804928371 を作成しました。ケースに返信してください。'),
    ('zh', '您的 AWS 账户中的异常活动', '我们已创建案例 1804928371。请回复该案例。'),
    ('ko', 'AWS 계정의 비정상적인 활동', '사례 1804928371을 열었습니다. 사례에 답변해 주십시오.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), UNUSUAL_SUBJECT, ids=[lang for lang, _, _ in UNUSUAL_SUBJECT])
def test_unusual_activity_in_a_localized_subject(lang: str, subject: str, body: str) -> None:
    assert notice_type(GENERAL, subject, body) == "security.suspicious_activity"


# family D: scheduled maintenance told as a window or as scheduled; stop/start advice is no retirement
MAINTENANCE = [
    ('es', 'Hemos reservado una ventana de mantenimiento para el clúster de la cuenta 311122233344 el 15 de '
           'diciembre de 2026.'),
    ('pt', 'Foi agendada uma manutenção para o cluster da conta 311122233344 em 15/12/2026.'),
    ('fr', 'Une fenêtre de maintenance est prévue pour le cluster du compte 311122233344 le 15 décembre 2026.'),
    ('it', "È prevista una finestra di manutenzione per il cluster dell'account 311122233344 il 15 dicembre 2026."),
    ('ko', '계정 311122233344의 인스턴스에 대해 호스트 유지 관리가 예약되어 있습니다. 2026년 12월 15일 이전에 '
           '인스턴스를 중지했다가 시작하면 됩니다.'),
    ('zh', '账户 311122233344 的实例所在主机计划于 2026年12月15日 进行维护。您可以在此之前停止并启动实例。'),
]


@pytest.mark.parametrize(("lang", "body"), MAINTENANCE, ids=[lang for lang, _ in MAINTENANCE])
def test_maintenance_window_is_scheduled_maintenance(lang: str, body: str) -> None:
    assert notice_type(HEALTH, None, body) == "health.scheduled_maintenance"


def test_retirement_with_stop_start_advice_stays_a_retirement() -> None:
    body = ('계정 311122233344의 인스턴스는 기본 하드웨어 문제로 2026년 12월 22일에 사용 중지됩니다. 그 전에 '
            '인스턴스를 중지했다가 시작하십시오.')
    assert notice_type(HEALTH, None, body) == "health.instance_retirement"


# family E: a reservation term that ends
RESERVATION_ENDS = [
    ('es', 'Las instancias reservadas de la cuenta 311122233344 finalizan el 15 de enero de 2027.'),
    ('pt', 'As instâncias reservadas da conta 311122233344 terminam em 15 de janeiro de 2027.'),
    ('fr', 'Les instances réservées du compte 311122233344 prennent fin le 15 janvier 2027.'),
    ('it', "Le istanze riservate dell'account 311122233344 terminano il 15 gennaio 2027."),
    ('de', 'Die Laufzeit Ihrer reservierten Instances im Konto 311122233344 endet am 15. Januar 2027.'),
    ('ja', 'アカウント 311122233344 のリザーブドインスタンスの期間終了は 2027年1月15日 です。'),
    ('zh', '账户 311122233344 的预留节点将于 2027年1月15日 结束。'),
    ('ko', '계정 311122233344의 예약 노드 기간이 2027년 1월 15일에 종료됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), RESERVATION_ENDS, ids=[lang for lang, _ in RESERVATION_ENDS])
def test_reservation_term_that_ends_is_commitment_expiry(lang: str, body: str) -> None:
    assert notice_type(BILLING, None, body) == "cost.commitment_expiry"


# family F: promotional credits applied (billing.other, no deadline) vs credits that expire soon (cost.other)
CREDITS_APPLIED = [
    ('en', 'A promotional credit has been applied to your AWS account 311122233344. Credit expires: 2027-12-31.'),
    ('es', 'Se ha aplicado un crédito promocional a su cuenta 311122233344. El crédito vence el 31/12/2027.'),
    ('pt', 'Um crédito promocional foi aplicado à sua conta 311122233344. O crédito vence em 31/12/2027.'),
    ('fr', 'Des crédits promotionnels ont été appliqués à votre compte 311122233344. Ils expirent le 31/12/2027.'),
    ('it', "Un credito promozionale è stato applicato all'account 311122233344. Scade il 31/12/2027."),
    ('de', 'Werbegutschriften wurden Ihrem Konto 311122233344 gutgeschrieben; sie verfallen am 31.12.2027.'),
    ('ja', 'プロモーションクレジットがアカウント 311122233344 に適用されました。2027年12月31日に失効します。'),
    ('zh', '促销积分已应用到账户 311122233344，将于 2027年12月31日到期。'),
    ('ko', '프로모션 크레딧이 적용되었습니다. 계정 311122233344, 만료일 2027년 12월 31일'),
]


@pytest.mark.parametrize(("lang", "body"), CREDITS_APPLIED, ids=[lang for lang, _ in CREDITS_APPLIED])
def test_credits_applied_are_a_billing_notice_without_deadline(lang: str, body: str) -> None:
    notice = classify("invoicing@aws.com", None, body)
    assert (notice.notice_type, notice.deadline) == ("billing.other", None)


def test_credits_about_to_expire_stay_cost_other_with_their_date() -> None:
    body = 'USD 820.00 of promotional credits on AWS account 311122233344 will expire on January 31, 2027.'
    notice = classify("invoicing@aws.com", None, body)
    assert (notice.notice_type, notice.deadline) == ("cost.other", "2027-01-31")


# family G: API operations or IAM actions renamed, which policies naming them must follow (type and deadline)
API_RENAME = [
    ('en', 'On March 1, 2027, Amazon Kendra introduces new action names. Update SCPs that list kendra: actions '
           'before then.'),
    ('es', 'A partir del 1 de marzo de 2027, Amazon Kendra publicará nuevos nombres de las operaciones. Revise '
           'sus SCP antes de esa fecha.'),
    ('pt', 'A partir de 1 de março de 2027, o Amazon Kendra passa a usar novos nomes das operações. Atualize as '
           'SCPs antes dessa data.'),
    ('fr', 'Le 1er mars 2027, Amazon Kendra utilisera de nouveaux noms d’actions. Mettez à jour vos politiques '
           'IAM avant cette date.'),
    ('it', 'A partire dal 1 marzo 2027 Amazon Kendra userà nuovi nomi delle azioni. Aggiorna le SCP prima di '
           'quella data.'),
    ('de', 'Ab dem 1. März 2027 führt Amazon Kendra neue Aktionsnamen ein. Passen Sie Ihre SCPs vor diesem Datum an.'),
    ('ja', '2027年3月1日 に Amazon Kendra の新しいアクション名が導入されます。それまでに SCP '
           'ポリシーを更新してください。'),
    ('zh', 'Amazon Kendra 将于 2027年3月1日 启用新的操作名称。请在此之前更新您的 SCP 策略。'),
    ('ko', 'Amazon Kendra는 2027년 3월 1일에 새 작업 이름을 도입합니다. 그 전에 SCP 정책을 업데이트하십시오.'),
]


@pytest.mark.parametrize(("lang", "body"), API_RENAME, ids=[lang for lang, _ in API_RENAME])
def test_api_rename_for_policies_is_a_policy_change_with_its_date(lang: str, body: str) -> None:
    notice = classify(GENERAL, None, body)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-03-01")


# family H: deadline rules (notices.yaml modifiers)
NEW_PRICE = [
    ('en', 'The new price of USD 48 per host will take effect on February 1, 2027.'),
    ('es', 'El nuevo precio de 48 USD por host se aplica a partir del 1 de febrero de 2027.'),
    ('pt', 'O novo preço de US$ 48 por host se aplica a partir de 1 de fevereiro de 2027.'),
    ('fr', 'Le nouveau prix de 48 USD par hôte s’applique à compter du 1er février 2027.'),
    ('it', 'Il nuovo prezzo di 48 USD per host si applica a partire dal 1 febbraio 2027.'),
    ('de', 'Der neue Preis von 48 USD pro Host gilt ab dem 1. Februar 2027.'),
    ('ja', '新しい価格 (ホストあたり 48 USD) は 2027年2月1日 から適用されます。'),
    ('zh', '新价格（每台主机 48 美元）自 2027年2月1日 起生效。'),
    ('ko', '새 가격(호스트당 48 USD)은 2027년 2월 1일부터 적용됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), NEW_PRICE, ids=[lang for lang, _ in NEW_PRICE])
def test_subscription_new_price_from_a_date_is_the_deadline(lang: str, body: str) -> None:
    notice = classify(MARKETPLACE, None, 'The seller changed the price of "Orbital APM", which account '
                                         '311122233344 subscribes to. ' + body)
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-02-01")


PLAN_ENDS = [
    ('es', 'El plan gratuito de la cuenta 311122233344 termina el 28 de enero de 2027.'),
    ('pt', 'O plano gratuito da conta 311122233344 termina em 28 de janeiro de 2027.'),
    ('fr', "L'offre gratuite du compte 311122233344 se termine le 28 janvier 2027."),
    ('it', "Il piano gratuito dell'account 311122233344 termina il 28 gennaio 2027."),
    ('zh', '账户 311122233344 的免费计划将于 2027年1月28日 结束。'),
    ('ko', '계정 311122233344의 무료 플랜이 2027년 1월 28일에 종료됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), PLAN_ENDS, ids=[lang for lang, _ in PLAN_ENDS])
def test_free_plan_that_ends_on_a_date_is_the_deadline(lang: str, body: str) -> None:
    notice = classify(FREETIER, "AWS Free Tier", body)
    assert (notice.notice_type, notice.deadline) == ("cost.free_tier_alert", "2027-01-28")


CHARGE_STARTS = [
    ('en', 'Starting March 1, 2027, log ingestion in the Infrequent Access class will be billed per GB for '
           'account 311122233344.'),
    ('es', 'A partir del 1 de marzo de 2027, la ingesta de registros se facturará por GB en la cuenta 311122233344.'),
    ('pt', 'A partir de 1 de março de 2027, a ingestão de logs passará a ser cobrada por GB na conta 311122233344.'),
    ('fr', "À partir du 1er mars 2027, l'ingestion des journaux sera facturée par Go pour le compte 311122233344."),
    ('it', "A partire dal 1 marzo 2027, l'ingestione dei log verrà addebitata per GB per l'account 311122233344."),
    ('de', 'Ab dem 1. März 2027 wird die Log-Aufnahme für das Konto 311122233344 pro GB berechnet.'),
    ('ja', '2027年3月1日以降、アカウント 311122233344 のログ取り込みは GB 単位で課金されます。'),
    ('zh', '从 2027年3月1日 起，账户 311122233344 的日志摄取将收费。'),
    ('ko', '2027년 3월 1일부터 계정 311122233344의 로그 수집에 요금이 부과됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), CHARGE_STARTS, ids=[lang for lang, _ in CHARGE_STARTS])
def test_charge_that_starts_on_a_date_is_the_deadline(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).deadline == "2027-03-01"


def test_change_to_how_aws_invoices_from_a_date_is_the_deadline() -> None:
    body = ('Starting 1 February 2027, AWS Europe will stop issuing a separate Request for Payment for account '
            '311122233344;'
            ' you will receive one tax invoice.')
    notice = classify(BILLING, "Change to how AWS invoices your account", body)
    assert (notice.notice_type, notice.deadline) == ("billing.other", "2027-02-01")


AWS_WILL_CHARGE = [
    ('en', 'Starting March 1, 2027, AWS will charge USD 0.005 per hour for each public IPv4 address.'),
    ('es', 'A partir del 1 de marzo de 2027, AWS cobrará 0,005 USD por hora por cada dirección IPv4 pública.'),
    ('fr', 'À partir du 1er mars 2027, AWS facturera 0,005 USD par heure pour chaque adresse IPv4 publique.'),
    ('it', 'A partire dal 1 marzo 2027 AWS addebiterà 0,005 USD all’ora per ogni indirizzo IPv4 pubblico.'),
    ('de', 'Ab dem 1. März 2027 wird AWS für jede öffentliche IPv4-Adresse 0,005 USD pro Stunde berechnen.'),
    ('zh', '从 2027年3月1日 起，AWS 将收取每个公有 IPv4 地址每小时 0.005 美元的费用。'),
    ('ko', '2027년 3월 1일부터 AWS는 퍼블릭 IPv4 주소마다 시간당 0.005 USD의 요금을 부과합니다.'),
]


@pytest.mark.parametrize(("lang", "body"), AWS_WILL_CHARGE, ids=[lang for lang, _ in AWS_WILL_CHARGE])
def test_aws_will_charge_from_a_date_is_the_deadline(lang: str, body: str) -> None:
    assert classify(HEALTH, None, body).deadline == "2027-03-01"
