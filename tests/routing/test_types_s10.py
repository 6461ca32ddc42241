"""Notice types of the unseen23/24 and own24-heldout misses (issue 12), as families in our own wordings, in the nine
languages AWS writes (en, de, es, fr, it, pt, ja, ko, zh):

* the end-of-support family narrowed: a price change, a certificate or CA change (both also as AWS Health "planned
  lifecycle" events) and a root-user review that merely mention a retired or unsupported thing, or a word that holds
  "endet am" ("zuletzt verwendet am"), keep their own type; a real end of support (the subject says it) stays one;
* an API replaced by a new version with changes that are not backward compatible: a Health notice (health.other);
* the certificates of service endpoints moved to another certificate authority: a certificate rotation;
* a new charge for something, announced without a subject: a policy change;
* an account that may be suspended (zh wordings without 会, "otherwise we will suspend your account", "we will no
  longer try to charge"): a suspension warning, not the invoice it names;
* an Amazon SES identity or DKIM set-up that succeeded, localized: ses.identity_verified;
* the AWS service terms updated, effective on a date, localized: a policy change.

Every positive case got another type before notices.yaml learned its family; the negatives pin what must not move."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

GENERAL = "no-reply-aws@amazon.com"
HEALTH = "health@aws.com"
BILLING = "aws-billing@amazon.com"

LIFECYCLE = "Event type code: AWS_{}_PLANNED_LIFECYCLE_EVENT\n\n"


# family A: a price change (subject) from the Health sender, a planned lifecycle event, that mentions an old tier
# that is retired or no longer supported
PRICE_CHANGE = [
    ('en', 'Pricing change for Amazon Kestrel snapshots',
     'From 1 May 2027, Amazon Kestrel will charge per GB copied between Regions. The legacy copy tier, no longer '
     'supported since 2025, is not affected.'),
    ('de', 'Preisänderung für Amazon-Kestrel-Snapshots',
     'Ab dem 1. Mai 2027 berechnet Amazon Kestrel jedes zwischen Regionen kopierte GB. Die alte Kopierstufe wird '
     'nicht mehr unterstützt.'),
    ('es', 'Cambio de precios de las instantáneas de Amazon Kestrel',
     'A partir del 1 de mayo de 2027, Amazon Kestrel cobrará por cada GB copiado entre regiones. El nivel de copia '
     'antiguo, que dejará de ser compatible, no cambia.'),
    ('fr', 'Changement de tarification des instantanés Amazon Kestrel',
     "À compter du 1er mai 2027, Amazon Kestrel facturera chaque Go copié entre Régions. L'ancien niveau de copie, "
     "qui ne sera plus pris en charge, n'est pas concerné."),
    ('it', 'Modifica dei prezzi degli snapshot di Amazon Kestrel',
     'Dal 1° maggio 2027 Amazon Kestrel addebiterà ogni GB copiato tra regioni. Il vecchio livello di copia, che non '
     'sarà più supportato, non cambia.'),
    ('pt', 'Alteração de preços dos snapshots do Amazon Kestrel',
     'A partir de 1 de maio de 2027, o Amazon Kestrel passará a cobrar cada GB copiado entre regiões. O nível de '
     'cópia antigo deixará de ser compatível.'),
    ('ja', 'Amazon Kestrel スナップショットの料金変更のお知らせ',
     '2027年5月1日 より、Amazon Kestrel はリージョン間でコピーされた GB ごとに課金します。'
     '旧コピー階層のサポートは終了しています。'),
    ('ko', 'Amazon Kestrel 스냅샷 요금 변경 안내',
     '2027년 5월 1일부터 Amazon Kestrel은 리전 간 복사된 GB마다 요금을 부과합니다. '
     '이전 복사 계층은 지원이 종료되었습니다.'),
    ('zh', 'Amazon Kestrel 快照价格调整通知',
     '自 2027年5月1日 起，Amazon Kestrel 将对跨区域复制的每 GB 收费。旧的复制层级已停止支持。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), PRICE_CHANGE)
def test_a_price_change_that_mentions_an_unsupported_thing_stays_a_policy_change(lang: str, subject: str,
                                                                               body: str) -> None:
    notice = classify(HEALTH, subject, LIFECYCLE.format("KESTREL") + body)
    assert notice.notice_type == "policy.change_notice", lang


# family B: a server certificate or CA change (subject) of a planned lifecycle event; the old CA is retired
CA_CHANGE = [
    ('en', 'Amazon Wren endpoint certificate replacement',
     'Amazon Wren endpoints will present certificates issued by a new intermediate CA from 2 June 2027. The old CA '
     'will be retired. Add the new CA to your trust store by 1 June 2027.'),
    ('de', 'Austausch des Serverzertifikats der Amazon-Wren-Endpunkte',
     'Ab dem 2. Juni 2027 legen die Endpunkte Zertifikate einer neuen Zwischenzertifizierungsstelle vor. Die alte '
     'Stelle wird nicht mehr unterstützt.'),
    ('es', 'Sustitución del certificado de servidor de Amazon Wren',
     'A partir del 2 de junio de 2027, los puntos de enlace usarán certificados de una nueva CA intermedia. La CA '
     'antigua dejará de ser compatible.'),
    ('fr', 'Remplacement du certificat serveur des points de terminaison Amazon Wren',
     "À partir du 2 juin 2027, les points de terminaison présenteront des certificats d'une nouvelle autorité "
     "intermédiaire. L'ancienne ne sera plus prise en charge."),
    ('it', 'Sostituzione del certificato server degli endpoint di Amazon Wren',
     "Dal 2 giugno 2027 gli endpoint presenteranno certificati di una nuova CA intermedia. La vecchia CA non sarà più "
     "supportata."),
    ('pt', 'Substituição do certificado de servidor dos endpoints do Amazon Wren',
     'A partir de 2 de junho de 2027, os endpoints apresentarão certificados de uma nova CA intermediária. A CA '
     'antiga deixará de ser compatível.'),
    ('ja', 'Amazon Wren エンドポイントのサーバー証明書の置き換えについて',
     '2027年6月2日 以降、エンドポイントは新しい中間 CA の証明書を使用します。古い CA のサポートは終了します。'),
    ('ko', '[조치 필요] Amazon Wren 엔드포인트 서버 인증서 변경 안내',
     '2027년 6월 2일부터 엔드포인트는 새 중간 CA의 인증서를 사용합니다. 이전 CA는 지원이 종료됩니다.'),
    ('zh', 'Amazon Wren 终端节点服务器证书更换通知',
     '自 2027年6月2日 起，终端节点将使用新的中间 CA 颁发的证书。旧 CA 将停止支持。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), CA_CHANGE)
def test_a_certificate_change_that_mentions_a_retired_ca_stays_a_rotation(lang: str, subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, LIFECYCLE.format("WREN") + body)
    assert notice.notice_type == "health.certificate_rotation", lang


# family C: a root-user review from the general sender: the root user still has an active access key (a date it
# was last used: "verwendet am" holds "endet am"); one line also mentions something no longer supported
ROOT_REVIEW = [
    ('en', 'Review your AWS account and credentials',
     'The root user of account 123456789012 still has an active access key, last used on 2 January 2027. SMS '
     'text messages for MFA are no longer supported.'),
    ('de', 'Prüfen Sie Ihr AWS-Konto und die Anmeldedaten des Root-Benutzers',
     'Der Root-Benutzer des Kontos 123456789012 verfügt noch über einen aktiven Zugriffsschlüssel, zuletzt verwendet '
     'am 02.01.2027. Bitte löschen Sie den Zugriffsschlüssel des Root-Benutzers.'),
    ('es', 'Revise su cuenta de AWS y las credenciales del usuario raíz',
     'El usuario raíz de la cuenta 123456789012 todavía tiene una clave de acceso activa, usada por última vez el '
     '2 de enero de 2027. Los mensajes SMS para MFA ya no son compatibles.'),
    ('fr', "Vérifiez votre compte AWS et les identifiants de l'utilisateur racine",
     "L'utilisateur racine du compte 123456789012 possède encore une clé d'accès active, utilisée pour la dernière "
     "fois le 2 janvier 2027. Les SMS pour la MFA ne sont plus pris en charge."),
    ('it', "Controlla il tuo account AWS e le credenziali dell'utente root",
     "L'utente root dell'account 123456789012 ha ancora una chiave di accesso attiva, usata l'ultima volta il "
     "2 gennaio 2027. Gli SMS per la MFA non sono più supportati."),
    ('pt', 'Revise sua conta da AWS e as credenciais do usuário raiz',
     'O usuário raiz da conta 123456789012 ainda tem uma chave de acesso ativa, usada pela última vez em '
     '2 de janeiro de 2027. SMS para MFA deixará de ser compatível.'),
    ('ja', 'AWS アカウントとルートユーザーの認証情報をご確認ください',
     'アカウント 123456789012 のルートユーザーには有効なアクセスキーがまだあります（最終使用日 2027年1月2日）。'
     'MFA の SMS はサポートが終了しています。'),
    ('ko', 'AWS 계정 및 루트 사용자 자격 증명을 검토하십시오',
     '계정 123456789012의 루트 사용자에게 아직 활성 액세스 키가 있습니다(마지막 사용 2027년 1월 2일). '
     'MFA용 SMS는 지원이 종료되었습니다.'),
    ('zh', '请检查您的 AWS 账户和根用户凭证',
     '账户 123456789012 的根用户仍有一个有效的访问密钥（最后使用于 2027年1月2日）。用于 MFA 的短信已停止支持。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), ROOT_REVIEW)
def test_a_root_review_that_mentions_an_unsupported_thing_stays_a_root_review(lang: str, subject: str,
                                                                            body: str) -> None:
    assert classify(GENERAL, subject, body).notice_type == "security.root_review", lang


def test_a_word_ending_in_endet_am_is_no_end_of_support() -> None:
    body = ('Ihre Rechnung wurde am 03.01.2027 an die hinterlegte Adresse versendet am selben Tag. Der Bericht '
            'wurde zuletzt verwendet am 02.01.2027.')
    assert classify(GENERAL, None, body).notice_type != "health.end_of_support"


# negatives: a real end of support of a planned lifecycle event (its subject says so) stays one
END_OF_SUPPORT = [
    ('en', 'Amazon Kestrel engine 3 end of standard support',
     'Standard support for engine 3 ends on 1 May 2027.'),
    ('de', 'Ende des Standard-Supports für Amazon Kestrel Engine 3',
     'Der Standard-Support endet am 1. Mai 2027.'),
    ('es', 'Fin del soporte estándar del motor 3 de Amazon Kestrel',
     'El soporte estándar finalizará el 1 de mayo de 2027.'),
    ('fr', 'Fin du support standard du moteur 3 Amazon Kestrel',
     'Le support standard prendra fin le 1er mai 2027.'),
    ('it', 'Fine del supporto standard del motore 3 di Amazon Kestrel',
     'Il supporto standard terminerà il 1° maggio 2027.'),
    ('pt', 'Fim do suporte padrão do motor 3 do Amazon Kestrel',
     'O suporte padrão terminará em 1 de maio de 2027.'),
    ('ja', 'Amazon Kestrel エンジン 3 の標準サポート終了', '標準サポートは 2027年5月1日 に終了します。'),
    ('ko', 'Amazon Kestrel 엔진 3 표준 지원 종료', '표준 지원은 2027년 5월 1일에 종료됩니다.'),
    ('zh', 'Amazon Kestrel 引擎 3 标准支持结束', '标准支持将于 2027年5月1日 结束。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), END_OF_SUPPORT)
def test_a_lifecycle_event_whose_subject_is_an_end_of_support_stays_one(lang: str, subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, LIFECYCLE.format("KESTREL") + body)
    assert notice.notice_type == "health.end_of_support", lang


EXTENDED_SUPPORT_PRICE = [
    ('en', 'Amazon Kestrel Extended Support pricing change',
     'Standard support for engine 3 ends on 1 May 2027; from then Extended Support charges apply.'),
    ('de', 'Preisänderung für den erweiterten Support von Amazon Kestrel',
     'Der Standard-Support endet am 1. Mai 2027; danach fallen Gebühren für den erweiterten Support an.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), EXTENDED_SUPPORT_PRICE)
def test_the_price_of_extended_support_stays_an_end_of_support(lang: str, subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, LIFECYCLE.format("KESTREL") + body)
    assert notice.notice_type == "health.end_of_support", lang


# family D: an API replaced by a new version, with changes that are not backward compatible (no deadline of its own)
API_CHANGE = [
    ('en', 'Amazon Heron now offers AnalyzeText2, which supersedes the AnalyzeText API. Two changes are not backward '
           'compatible: Mood becomes an attribute. We recommend that you move to AnalyzeText2.'),
    ('de', 'Amazon Heron bietet jetzt AnalyzeText2 an, das die bisherige API AnalyzeText ablöst. Zwei Änderungen sind '
           'nicht abwärtskompatibel. Wir empfehlen den Wechsel zu AnalyzeText2.'),
    ('es', 'Amazon Heron ofrece ahora AnalyzeText2, que sustituye a la API AnalyzeText. Dos cambios no son '
           'compatibles con versiones anteriores. Le recomendamos pasar a AnalyzeText2.'),
    ('fr', "Amazon Heron propose désormais AnalyzeText2, qui remplace l'API AnalyzeText. Deux changements ne sont "
           "pas rétrocompatibles. Nous vous conseillons d'adopter AnalyzeText2."),
    ('it', "Amazon Heron offre ora AnalyzeText2, che sostituisce l'API AnalyzeText. Due modifiche non sono "
           "retrocompatibili. Ti consigliamo di passare ad AnalyzeText2."),
    ('pt', 'O Amazon Heron agora oferece a AnalyzeText2, que substitui a API AnalyzeText. Duas mudanças não são '
           'retrocompatíveis. Recomendamos migrar para a AnalyzeText2.'),
    ('ja', 'Amazon Heron は AnalyzeText API に代わる AnalyzeText2 の提供を開始しました。'
           '2 つの変更には後方互換性がありません。AnalyzeText2 への移行をお勧めします。'),
    ('ko', 'Amazon Heron에서 AnalyzeText API를 대체하는 AnalyzeText2를 제공합니다. '
           '두 가지 변경 사항은 이전 버전과 호환되지 않습니다. AnalyzeText2로 전환하는 것을 권장합니다.'),
    ('zh', 'Amazon Heron 现已推出 AnalyzeText2，用于取代 AnalyzeText API。其中两项变更不向后兼容。'
           '建议您迁移到 AnalyzeText2。'),
]


@pytest.mark.parametrize(("lang", "body"), API_CHANGE)
def test_an_api_replaced_by_an_incompatible_version_is_a_health_notice(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "health.other", lang


# family E: the certificates of service endpoints moved to another certificate authority (no subject)
CA_MOVE = [
    ('en', 'Amazon Wren will move the TLS certificates of its endpoints from its current issuer to the Amazon Trust '
           'Services certificate authority starting 3 May 2027. Clients that pin certificates must trust the new CA.'),
    ('de', 'Amazon Wren stellt die TLS-Zertifikate seiner Endpunkte ab dem 3. Mai 2027 auf die Zertifizierungsstelle '
           'Amazon Trust Services um.'),
    ('es', 'A partir del 3 de mayo de 2027, Amazon Wren migrará los certificados TLS de sus puntos de enlace a la '
           'autoridad de certificación Amazon Trust Services.'),
    ('fr', "À partir du 3 mai 2027, Amazon Wren fera migrer les certificats TLS de ses points de terminaison vers "
           "l'autorité de certification Amazon Trust Services."),
    ('it', "Dal 3 maggio 2027 Amazon Wren trasferirà i certificati TLS dei suoi endpoint all'autorità di "
           "certificazione Amazon Trust Services."),
    ('pt', 'A partir de 3 de maio de 2027, o Amazon Wren migrará os certificados TLS dos seus endpoints para a '
           'autoridade de certificação Amazon Trust Services.'),
    ('ja', '2027年5月3日 より、Amazon Wren はエンドポイントの TLS 証明書を '
           'Amazon Trust Services の認証局に移行します。'),
    ('ko', '2027년 5월 3일부터 Amazon Wren은 엔드포인트의 TLS 인증서를 '
           'Amazon Trust Services 인증 기관으로 이전합니다.'),
    ('zh', '自 2027年5月3日 起，Amazon Wren 将把其终端节点的 TLS 证书迁移到 Amazon Trust Services 证书颁发机构。'),
]


@pytest.mark.parametrize(("lang", "body"), CA_MOVE)
def test_endpoint_certificates_moved_to_another_ca_are_a_rotation(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "health.certificate_rotation", lang


# family F: a new charge for something, announced without a subject (the advice to ask AWS Support at the end)
NEW_CHARGE = [
    ('en', 'We announced a new charge for idle Elastic IP addresses that applies from 1 April 2027. Questions? '
           'Contact AWS Support.'),
    ('de', 'Wir haben eine neue Gebühr für ungenutzte Elastic-IP-Adressen angekündigt, die ab dem 1. April 2027 gilt. '
           'Bei Fragen wenden Sie sich an den AWS Support.'),
    ('es', 'Anunciamos un nuevo cargo por las direcciones IP elásticas inactivas, que se aplicará a partir del '
           '1 de abril de 2027. Si tiene preguntas, hable con AWS Support.'),
    ('fr', "Nous avons annoncé de nouveaux frais pour les adresses IP Elastic inutilisées, applicables à partir du "
           "1er avril 2027. Pour toute question, contactez AWS Support."),
    ('it', 'Abbiamo annunciato un nuovo addebito per gli indirizzi IP elastici inattivi, in vigore dal 1° aprile '
           '2027. Per domande, contatta AWS Support.'),
    ('pt', 'Anunciamos uma nova cobrança por endereços IP elásticos ociosos, válida a partir de 1º de abril de 2027. '
           'Em caso de dúvidas, fale com o AWS Support.'),
    ('ja', '2027年4月1日 から適用される、アイドル状態の Elastic IP アドレスに対する新しい料金を発表しました。'
           'ご不明な点は AWS Support にお問い合わせください。'),
    ('ko', '2027년 4월 1일부터 적용되는 유휴 Elastic IP 주소에 대한 새로운 요금을 발표했습니다. '
           '문의 사항은 AWS Support에 연락하십시오.'),
    ('zh', '我们宣布将对闲置的弹性 IP 地址收取一项新的费用，自 2027年4月1日 起适用。如有疑问，请联系 AWS Support。'),
]


@pytest.mark.parametrize(("lang", "body"), NEW_CHARGE)
def test_a_new_charge_without_a_subject_is_a_policy_change(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "policy.change_notice", lang


# family G: an account that may be suspended, in the words the zh/ja/ko templates use, beside an invoice date
SUSPENSION = [
    ('zh', '您的 AWS 账户可能被暂停', '发票日期 2027年1月2日。我们多次尝试扣款均未成功。请在 2027年2月12日 之前付款。'),
    ('zh', '付款提醒', '发票日期 2027年1月2日。请在 2027年2月12日 之前付清欠款，否则我们将暂停您的账户。'),
    ('zh', '付款提醒', '发票日期 2027年1月2日。我们今后将不再尝试扣款。请尽快付清欠款。'),
    ('zh-Hant', '付款提醒', '發票日期 2027年1月2日。請在 2027年2月12日 之前付清款項，否則我們將暫停您的帳戶。'),
    ('ja', 'お支払いのお願い',
     '請求書番号 123456789。2027年2月12日 までにお支払いがない場合、アカウントを停止します。'),
    ('ko', '결제 요청', '인보이스 날짜 2027년 1월 2일. 2027년 2월 12일까지 결제하지 않으면 계정을 정지합니다.'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), SUSPENSION)
def test_a_suspension_warning_beside_an_invoice_stays_a_warning(lang: str, subject: str, body: str) -> None:
    assert classify(BILLING, subject, body).notice_type == "billing.suspension_warning", lang


# family H: an Amazon SES identity or DKIM set-up that succeeded
SES_SUCCESS = [
    ('de', 'Die DKIM-Einrichtung der Domain shop.example in Amazon SES wurde erfolgreich abgeschlossen.'),
    ('es', 'La configuración de DKIM del dominio shop.example en Amazon SES se completó correctamente.'),
    ('fr', 'La configuration DKIM du domaine shop.example dans Amazon SES a été effectuée avec succès.'),
    ('it', 'La configurazione DKIM del dominio shop.example in Amazon SES è stata completata correttamente.'),
    ('pt', 'A configuração de DKIM do domínio shop.example no Amazon SES foi concluída com sucesso.'),
    ('ja', 'Amazon SES でのドメイン shop.example の DKIM 設定が正常に完了しました。'),
    ('ko', 'Amazon SES에서 도메인 shop.example의 DKIM 설정이 성공적으로 완료되었습니다.'),
    ('zh', 'Amazon SES 中域 shop.example 的 DKIM 设置已成功完成。'),
    ('zh-Hant', 'Amazon SES 中網域 shop.example 的 DKIM 設定已成功完成。'),
]


@pytest.mark.parametrize(("lang", "body"), SES_SUCCESS)
def test_a_localized_ses_setup_success_is_identity_verified(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type == "ses.identity_verified", lang


SES_FAILURE = [
    ('de', 'Die DKIM-Einrichtung der Domain shop.example in Amazon SES ist fehlgeschlagen.'),
    ('ja', 'Amazon SES でのドメイン shop.example の DKIM 設定は完了できませんでした。設定に失敗しました。'),
    ('zh', 'Amazon SES 中域 shop.example 的 DKIM 设置失败。'),
]


@pytest.mark.parametrize(("lang", "body"), SES_FAILURE)
def test_a_localized_ses_setup_failure_is_not_identity_verified(lang: str, body: str) -> None:
    assert classify(GENERAL, None, body).notice_type != "ses.identity_verified", lang


# family I: the AWS service terms updated, in force from a date
TERMS = [
    ('de', 'Aktualisierung der AWS-Servicebedingungen',
     'Die neuen AWS-Servicebedingungen treten am 1. März 2027 in Kraft.'),
    ('es', 'Actualización de los Términos del Servicio de AWS',
     'Los nuevos Términos del Servicio entran en vigor el 1 de marzo de 2027.'),
    ('fr', 'Mise à jour des conditions de service AWS',
     'Les nouvelles conditions de service entreront en vigueur le 1er mars 2027.'),
    ('it', 'Aggiornamento dei Termini di servizio AWS',
     'I nuovi Termini di servizio entrano in vigore il 1° marzo 2027.'),
    ('pt', 'Atualização dos Termos de Serviço da AWS',
     'Os novos Termos de Serviço entram em vigor em 1 de março de 2027.'),
    ('ja', 'AWS サービス条件の改定のお知らせ', '新しい AWS サービス条件は 2027年3月1日 に発効します。'),
    ('ko', 'AWS 서비스 약관 변경 안내', '새 AWS 서비스 약관은 2027년 3월 1일부터 시행됩니다.'),
    ('zh', 'AWS 服务条款变更通知', '新的 AWS 服务条款将于 2027年3月1日 起生效。'),
    ('zh-Hant', 'AWS 服務條款更新通知', '新的 AWS 服務條款將於 2027年3月1日 起生效。'),
]


@pytest.mark.parametrize(("lang", "subject", "body"), TERMS)
def test_localized_service_terms_updated_are_a_policy_change(lang: str, subject: str, body: str) -> None:
    assert classify(GENERAL, subject, body).notice_type == "policy.change_notice", lang


def test_an_ses_account_whose_sending_may_be_paused_is_no_suspension_warning() -> None:
    body = ('您的 Amazon SES 账户已进入审核期。'
            '如果到 2027年3月1日 退信率仍然过高，我们可能会暂停您的账户发送邮件的能力。')
    assert classify(GENERAL, 'Amazon SES 审核期通知', body).notice_type == "ses.sending_review"
