"""Type round on the batches unseen27/unseen28 (issue 12, items 1 and 2): routing/data/notices.yaml.

Our own wordings (not those of any fixture set), one family each: an account that "may still be compromised" (its
number between the words), "irregular activity" as unusual activity, maintenance of a named kind ("routine host
maintenance"), AWS Health's subject shape ("[AWS Account: …] [US-EAST-1]") from the general sender, a service that
stopped being available to new customers (es, pt, fr, de, en), the root user that still has an access key (fr, es,
pt, it, de, ja, zh, ko), reserved capacity or nodes that expire (en, zh-Hans, zh-Hant, ja, ko, es), and the billing
console's name ("帳單與成本管理") that is no bill."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

NO_REPLY = "no-reply-aws@amazon.com"


@pytest.mark.parametrize(("subject", "body"), [
    (None, "Second notice: your AWS account 5520 1193 8847 may still be compromised. If the unauthorized activity does "
     "not stop within 3 days, we will suspend the account."),
    ("Your AWS account", "Your account 552011938847 could still be compromised. Secure it now, or the account will be "
     "suspended."),
    ("Irregular activity detected", "We saw irregular activity in your AWS account 552011938847: instances launched in "
     "Regions you never used. If we do not hear from you, we may suspend your account."),
])
def test_a_compromise_is_suspicious_activity_though_a_suspension_is_named(subject: str | None, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "security.suspicious_activity"


def test_a_quarantined_exposed_key_whose_account_may_be_compromised_stays_the_key() -> None:
    body = ("Your account 5520-1193-8847 may be compromised: the access key AKIAEXAMPLEKEY7Q3ZZ is publicly available. "
            "We attached the AWSCompromisedKeyQuarantineV3 policy to the IAM user.")
    assert classify(NO_REPLY, None, body).notice_type == "security.exposed_credentials"


@pytest.mark.parametrize("body", [
    "Your Amazon MQ brokers will restart between March 3 and March 5, 2027 as part of routine host maintenance.",
    "Some of your Amazon ECS tasks will be replaced on April 2, 2027 as part of planned platform maintenance.",
])
def test_maintenance_of_a_named_kind(body: str) -> None:
    assert classify(NO_REPLY, None, body).notice_type == "health.scheduled_maintenance"


@pytest.mark.parametrize("subject", [
    "[Action Required] Amazon Keyspaces change [AWS Account: 552011938847] [EU-CENTRAL-1]",
    "AWS Glue crawlers in your account [AWS Account: 5520-1193-8847] [US-GOV-WEST-1]",
])
def test_the_health_subject_shape_from_the_general_sender_is_health(subject: str) -> None:
    notice = classify(NO_REPLY, subject, "Hello,\n\nWe are writing about a change to resources in your account.\n")
    assert notice.family == "health"


@pytest.mark.parametrize("body", [
    "Amazon Lookout for Equipment dejó de estar disponible para clientes nuevos el 10 de octubre de 2026. Las cuentas "
    "que ya lo usan pueden seguir usándolo.",
    "O Amazon Lookout for Equipment deixou de estar disponível para novos clientes em 10 de outubro de 2026.",
    "Amazon Lookout for Equipment n'est plus disponible pour les nouveaux clients depuis le 10 octobre 2026.",
    "Amazon Lookout for Equipment steht Neukunden nicht mehr zur Verfügung. Bestehende Konten sind nicht betroffen.",
    "Amazon Lookout for Equipment no longer accepts new customers. Existing customers can keep using it.",
])
def test_a_service_closed_to_new_customers_is_a_health_notice(body: str) -> None:
    assert classify(NO_REPLY, None, body).notice_type == "health.other"


@pytest.mark.parametrize("body", [
    "Lors d'un contrôle, nous avons vu que l'utilisateur racine du compte a toujours une clé d'accès\nactive. "
    "Merci de la retirer.",
    "El usuario raíz de su cuenta todavía tiene una clave de acceso activa, creada en 2020. Le recomendamos borrarla.",
    "O usuário raiz da sua conta ainda possui uma chave de acesso ativa. Recomendamos removê-la.",
    "L'utente root del tuo account ha ancora una chiave di accesso attiva. Ti consigliamo di rimuoverla.",
    "Der Root-Benutzer Ihres Kontos hat noch einen aktiven Zugriffsschlüssel. Bitte entfernen Sie ihn.",
    "お客様のアカウントのルートユーザーには有効なアクセスキーがあります。削除をご検討ください。",
    "您账户的根用户仍拥有一个有效的访问密钥。建议您将其移除。",
    "귀하 계정의 루트 사용자에게 활성 액세스 키가 있습니다. 제거하시기 바랍니다.",
])
def test_the_root_user_that_still_has_an_access_key_is_a_root_review(body: str) -> None:
    assert classify(NO_REPLY, None, body).notice_type == "security.root_review"


@pytest.mark.parametrize(("subject", "body"), [
    (None, "Your Amazon ElastiCache reserved nodes in eu-west-1 will expire on 2027-08-31. After that, on-demand "
     "rates apply."),
    (None, "您在美国东部区域购买的 DynamoDB 预留容量将于 2027年8月31日 到期。"),
    ("您的 ElastiCache 預留節點即將到期",
     "您購買的預留節點將於 2027年8月31日 到期。到期後依隨需費率計費。請於帳單與成本管理主控台查看。"),
    (None, "Amazon Redshift のリザーブドノードは 2027年8月31日 に期限が切れます。"),
    (None, "Amazon DynamoDB 예약 용량이 2027년 8월 31일에 만료됩니다."),
    (None, "Su capacidad reservada de Amazon DynamoDB vence el 31 de agosto de 2027."),
])
def test_reserved_capacity_or_nodes_that_expire(subject: str | None, body: str) -> None:
    assert classify(NO_REPLY, subject, body).notice_type == "cost.commitment_expiry"
