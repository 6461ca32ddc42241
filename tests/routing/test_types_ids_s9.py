"""Notice types and account ids of the unseen21/22 and own24 misses (issue 12), as families in our own wordings, in
the nine languages AWS writes (en, de, es, fr, it, pt, ja, ko, zh):

* a service that AWS retires, or devices and products that stop being offered and then supported: an end of support;
* a change of a service's prices announced by the general sender: a policy change;
* an Amazon SES account that is in review: a sending review;
* the unused access key of the root user to deactivate: a root review; a change of a service's default that the
  Health sender (no-reply@health.aws.com) announces: a Health notice, not a policy change;
* account ids: the "AWS ID" label without a colon, the buyer's account beside the seller's (a Marketplace mail names
  both), and the groups of an id joined by a no-break or narrow no-break space (French typography), in prose and in
  an HTML table.

Every positive case got another type (or no account id) before notices.yaml, identifiers.py and htmltables.py learned
its family; the negatives pin what must not move."""

from __future__ import annotations

import pytest

from routing.htmltables import label_accounts, table_accounts
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH_SUBDOMAIN = "no-reply@health.aws.com"
ABUSE = "trustandsafety@support.aws.com"
MARKETPLACE = "no-reply@marketplace.aws"


# family A: AWS retires a service (its consoles and APIs close on a date)
SERVICE_RETIRED = [
    ('en', 'We are retiring AWS Quill Notebooks. From 30 June 2027 you can no longer sign in to, open or share your '
           'notebooks; export them before that day.'),
    ('de', 'AWS Quill Notebooks wird am 30. Juni 2027 außer Betrieb genommen. Danach können Sie Ihre Notebooks nicht '
           'mehr öffnen; exportieren Sie sie vorher.'),
    ('es', 'Vamos a retirar el servicio AWS Quill Notebooks el 30 de junio de 2027. Exporte sus cuadernos antes de '
           'esa fecha.'),
    ('fr', 'Nous retirerons le service AWS Quill Notebooks le 30 juin 2027. Exportez vos blocs-notes avant cette '
           'date.'),
    ('it', 'Ritireremo il servizio AWS Quill Notebooks il 30 giugno 2027. Esporta i tuoi notebook prima di quella '
           'data.'),
    ('pt', 'Vamos desativar o serviço AWS Quill Notebooks em 30 de junho de 2027. Exporte seus notebooks antes '
           'dessa data.'),
    ('ja', 'AWS Quill Notebooks は 2027年6月30日 をもってサービスを廃止します。'
           'それまでにノートブックをエクスポートしてください。'),
    ('zh', '我们将于 2027年6月30日 停用 AWS Quill Notebooks 服务。请在此日期之前导出您的笔记本。'),
    ('ko', 'AWS Quill Notebooks 서비스는 2027년 6월 30일에 폐지됩니다. 그 전에 노트북을 내보내십시오.'),
]


# family B: devices or products taken out of the offer, then no longer supported
NO_LONGER_SUPPORTED = [
    ('en', 'The Foglamp 40 appliance leaves our catalogue on 1 May 2027. Appliances in use will no longer receive '
           'support after 1 May 2028.'),
    ('de', 'Die Foglamp-40-Appliance wird zum 1. Mai 2027 aus dem Angebot genommen. Ab dem 1. Mai 2028 gibt es für '
           'diese Geräte keinen Support mehr.'),
    ('es', 'El dispositivo Foglamp 40 dejará de venderse el 1 de mayo de 2027 y dejará de recibir soporte el 1 de mayo '
           'de 2028.'),
    ('fr', "L'appareil Foglamp 40 sera retiré du catalogue le 1er mai 2027 ; les appareils en service ne "
           "bénéficieront plus d'aucun support après le 1er mai 2028."),
    ('it', "Il dispositivo Foglamp 40 esce dal catalogo il 1° maggio 2027; i dispositivi in uso non riceveranno più "
           "assistenza dopo il 1° maggio 2028."),
    ('pt', 'O dispositivo Foglamp 40 sai do catálogo em 1 de maio de 2027 e deixará de receber suporte em 1 de maio '
           'de 2028.'),
    ('ja', 'Foglamp 40 アプライアンスは 2027年5月1日 に販売を終了し、'
           '2028年5月1日 以降はサポートを受けられなくなります。'),
    ('zh', 'Foglamp 40 设备将于 2027年5月1日 停止销售，2028年5月1日 之后将不再获得支持。'),
    ('ko', 'Foglamp 40 어플라이언스는 2027년 5월 1일에 판매가 종료되며 '
           '2028년 5월 1일 이후에는 더 이상 지원을 받을 수 없습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), SERVICE_RETIRED + NO_LONGER_SUPPORTED)
def test_a_retired_service_or_product_is_an_end_of_support(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "health.end_of_support", lang


# family C: a service's prices change on a date (the general sender, no subject: the body says it)
PRICE_CHANGE = [
    ('en', 'AWS Lumen Analytics will move to a new pricing model on 1 April 2027: billing per scanned gigabyte.'),
    ('de', 'Für AWS Lumen Analytics gilt ab dem 1. April 2027 ein neues Preismodell: abgerechnet wird pro '
           'gescanntem Gigabyte.'),
    ('es', 'Actualizamos las tarifas de AWS Lumen Analytics: a partir del 1 de abril de 2027 cada gigabyte '
           'analizado se facturará por separado. Consulte el nuevo modelo de precios en la consola.'),
    ('fr', 'Modification des tarifs de AWS Lumen Analytics : à partir du 1er avril 2027, chaque gigaoctet analysé '
           'sera facturé.'),
    ('it', 'Modifiche ai prezzi di AWS Lumen Analytics: dal 1° aprile 2027 ogni gigabyte analizzato verrà '
           'fatturato.'),
    ('pt', 'Alteração nos preços do AWS Lumen Analytics: a partir de 1 de abril de 2027, cada gigabyte analisado '
           'será cobrado.'),
    ('ja', 'AWS Lumen Analytics の料金体系を 2027年4月1日 に変更します。スキャンしたギガバイトごとに課金されます。'),
    ('zh', 'AWS Lumen Analytics 将于 2027年4月1日 进行价格调整：按扫描的每 GB 计费。'),
    ('ko', 'AWS Lumen Analytics의 요금이 2027년 4월 1일부터 변경됩니다. 스캔한 GB당 요금이 부과됩니다.'),
]


@pytest.mark.parametrize(("lang", "body"), PRICE_CHANGE)
def test_a_price_change_is_a_policy_change(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "policy.change_notice", lang


# family D: an Amazon SES account that is in review (en: it is placed already)
SES_IN_REVIEW = [
    ('en', 'Your Amazon SES account in eu-west-3 is now under review because too many messages bounced.'),
    ('de', 'Ihr Amazon SES-Konto in eu-west-3 ist seit heute in der Überprüfung, da zu viele Nachrichten unzustellbar '
           'waren.'),
    ('es', 'Su cuenta de Amazon SES en eu-west-3 se encuentra bajo revisión porque rebotaron demasiados mensajes.'),
    ('fr', 'Votre compte Amazon SES dans eu-west-3 fait l’objet d’un examen, car trop de messages ont été rejetés.'),
    ('it', 'Il tuo account Amazon SES in eu-west-3 è sotto revisione perché troppi messaggi sono stati respinti.'),
    ('pt', 'Sua conta do Amazon SES em eu-west-3 está sob análise porque muitas mensagens foram devolvidas.'),
    ('ja', 'eu-west-3 の Amazon SES アカウントは、バウンスが多すぎるため現在確認中です。'),
    ('zh', '由于退信过多，您在 eu-west-3 的 Amazon SES 账户正在接受审查。'),
    ('ko', '반송이 너무 많아 eu-west-3의 Amazon SES 계정에 대한 검토가 진행되고 있습니다.'),
]


@pytest.mark.parametrize(("lang", "body"), SES_IN_REVIEW)
def test_an_ses_account_in_review_is_a_sending_review(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "ses.sending_review", lang


# family E: the root user's unused access key to deactivate (en; the localized forms are placed already)
def test_an_unused_root_access_key_is_a_root_review() -> None:
    body = ('An access key of the root user of account 590123847761 (AKIAEXAMPLES9ROOT001) has stayed unused for '
            'fourteen months. Deactivate it, or delete it, by 1 March 2027.')
    assert classify("no-reply@amazonaws.com", None, body).notice_type == "security.root_review"


def test_a_root_access_key_created_is_still_a_security_change() -> None:
    body = 'An access key was created for the root user of account 590123847761 on 1 December 2026.'
    assert classify("no-reply@amazonaws.com", None, body).notice_type == "security.other"


# family F: a default of a service that changes, from the Health sender's own subdomain: a Health notice
def test_a_default_change_from_the_health_sender_is_a_health_notice() -> None:
    body = ('Starting May 3, 2027, Amazon Kestrel will require encrypted connections by default for new streams in '
            'account 480019273365. Update clients that connect in plain text before April 20, 2027.')
    subject = 'AWS Notification - Amazon Kestrel connection default'
    assert classify(HEALTH_SUBDOMAIN, subject, body).notice_type == "health.other"
    # the same words from the general sender stay a policy change
    assert classify("no-reply@amazonaws.com", subject, body).notice_type == "policy.change_notice"


# family G: the account id after an "AWS ID" label without a colon (abuse reports, in prose)
AWS_ID_LABEL = [
    'We received a complaint about resources of your account (AWS ID 570213984426).',
    'Recebemos uma denúncia sobre recursos da sua conta AWS (AWS ID 570213984426).',
    'Hemos recibido una denuncia sobre recursos de su cuenta (AWS-ID 570213984426).',
]


@pytest.mark.parametrize("body", AWS_ID_LABEL)
def test_the_aws_id_label_without_a_colon(body: str) -> None:
    assert classify(ABUSE, None, body).aws_account_id == "570213984426"


# family H: the buyer's account beside the seller's, in the nine languages
BUYER_SELLER = [
    'Seller account 118822330044 offered this product; the subscription of buyer account 663300991122 renews.',
    'Das Verkäuferkonto 118822330044 bietet das Produkt an; das Abonnement des Käuferkontos 663300991122 wird '
    'verlängert.',
    'La cuenta del vendedor 118822330044 ofrece el producto; la suscripción de la cuenta compradora 663300991122 se '
    'renueva.',
    'Le compte vendeur 118822330044 propose ce produit ; l’abonnement du compte acheteur 663300991122 est renouvelé.',
    "L'account venditore 118822330044 offre il prodotto; l'abbonamento dell'account acquirente 663300991122 si "
    "rinnova.",
    'A conta do vendedor 118822330044 oferece o produto; a assinatura da conta compradora 663300991122 será '
    'renovada.',
    '販売者アカウント 118822330044 の製品について、購入者アカウント 663300991122 のサブスクリプションが更新されます。',
    '卖家账户 118822330044 提供该产品；买家账户 663300991122 的订阅将续订。',
    '판매자 계정 118822330044의 제품에 대해 구매자 계정 663300991122의 구독이 갱신됩니다.',
]


@pytest.mark.parametrize("body", BUYER_SELLER)
def test_the_buyer_account_not_the_sellers(body: str) -> None:
    notice = classify(MARKETPLACE, None, body)
    assert notice.aws_account_id == "663300991122"


# family I: the groups of an account id joined by a no-break space (U+00A0) or a narrow no-break space (U+202F)
@pytest.mark.parametrize("space", ["\u00a0", "\u202f"])
@pytest.mark.parametrize("groups", [("4183", "5527", "0964"), ("418", "355", "270", "964")])
def test_an_account_id_grouped_by_no_break_spaces(space: str, groups: tuple[str, ...]) -> None:
    written = space.join(groups)
    text = f"Votre compte AWS {written} a dépassé son budget."
    extracted = extract_identifiers("", text, (), None)
    assert extracted.aws_account_id == "418355270964"
    subject = f"[Compte AWS : {written}] Alerte de budget"
    assert extract_identifiers(subject, "Bonjour.", (), None).aws_account_id == "418355270964"


@pytest.mark.parametrize("space", ["\u00a0", "&nbsp;", "&#160;", "\u202f", "&#8239;", "&#x202F;"])
def test_an_account_id_grouped_by_no_break_spaces_in_html(space: str) -> None:
    written = space.join(("4183", "5527", "0964"))
    table = f"<table><tr><th>Compte</th><th>Région</th></tr><tr><td>{written}</td><td>eu-west-3</td></tr></table>"
    assert table_accounts(table).own == ("418355270964",)
    pair = f"<p><b>Compte AWS</b> {written}</p>"
    assert label_accounts(pair).own == ("418355270964",)


def test_no_break_spaces_do_not_join_other_numbers() -> None:
    text = "Référence 4183\u00a05527 0964 1234 (ticket), montant 12\u202f345,00 EUR."
    assert extract_identifiers("", text, (), None).aws_account_id is None


def test_a_root_access_key_created_with_advice_to_delete_it_is_still_a_security_change() -> None:
    body = ('A root user access key was added to account 590123847761 today. Root user access keys reach every '
            'resource; delete it if nobody in your team added it.')
    assert classify("no-reply@amazonaws.com", None, body).notice_type == "security.other"
