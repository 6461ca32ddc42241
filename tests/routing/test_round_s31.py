"""Session 31's rounds, in our own words (none of these sentences is in a fixture): a planned lifecycle event whose
localized body is about a certificate (authority) that expires or rotates; a Chinese subject that puts the verb before
the certificate; a charge announced for something, or one that applies from a date in a relative clause."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
FEB_3 = format_datetime(datetime.fromisoformat("2027-02-03T09:30:00+00:00"))
LIFECYCLE = "Event type code: AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT"


# a planned lifecycle event is an end of support unless its body says a certificate or its CA expires or rotates: the
# English body was read so before the end-of-support rule, the other languages only after it
@pytest.mark.parametrize("body", [
    "您的 AWS 账户 316402957718 中有 Amazon Quokka 集群，其代理使用的 TLS 证书由将于 2027年7月19日 到期的证书颁发机构签发。\n\n"
    "请在 2027年7月19日之前将新的 CA 添加到客户端信任库，并轮换代理证书。",
    "お客様の AWS アカウント 316402957718 の Amazon Quokka クラスターのブローカーは、2027年7月19日に有効期限が切れる認証局が発行した"
    " TLS 証明書を使用しています。\n\n2027年7月19日までに、新しい CA をクライアントのトラストストアに追加してください。",
    "AWS 계정 316402957718의 Amazon Quokka 클러스터 브로커는 2027년 7월 19일에 만료되는 인증 기관이 발급한 TLS 인증서를 사용합니다.\n\n"
    "2027년 7월 19일까지 새 CA를 클라이언트 신뢰 저장소에 추가하십시오.",
    "Ihr AWS-Konto 316402957718 hat Amazon Quokka-Cluster, deren Broker TLS-Zertifikate einer Zertifizierungsstelle "
    "verwenden, die am 19. Juli 2027 abläuft.\n\nFügen Sie die neue CA vor dem 19. Juli 2027 dem Truststore Ihrer Clients hinzu.",
    "Votre compte AWS 316402957718 possède des clusters Amazon Quokka dont les brokers utilisent des certificats TLS émis "
    "par une autorité de certification qui expire le 19 juillet 2027.\n\nAjoutez la nouvelle CA au magasin de confiance de "
    "vos clients avant le 19 juillet 2027.",
    "Su cuenta de AWS 316402957718 tiene clústeres de Amazon Quokka cuyos brokers usan certificados TLS emitidos por una "
    "entidad de certificación que vence el 19 de julio de 2027.\n\nAgregue la nueva CA al almacén de confianza de sus "
    "clientes antes del 19 de julio de 2027.",
    "Il tuo account AWS 316402957718 ha cluster Amazon Quokka i cui broker usano certificati TLS emessi da un'autorità di "
    "certificazione che scade il 19 luglio 2027.\n\nAggiungi la nuova CA al trust store dei client entro il 19 luglio 2027.",
    "Sua conta da AWS 316402957718 tem clusters do Amazon Quokka cujos brokers usam certificados TLS emitidos por uma "
    "autoridade de certificação que expira em 19 de julho de 2027.\n\nAdicione a nova CA ao repositório confiável dos "
    "clientes antes de 19 de julho de 2027.",
])
def test_a_lifecycle_event_about_an_expiring_certificate_authority_is_a_rotation(body: str) -> None:
    notice = classify(HEALTH, None, f"{body}\n\n{LIFECYCLE}\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-07-19")


@pytest.mark.parametrize("subject", [
    "[需要采取行动] 请在 2027年7月19日之前更新 Amazon Quokka 代理的 TLS 证书",
    "[需要採取行動] 請在 2027年7月19日之前輪換 Amazon Quokka 代理的 TLS 憑證",
])
def test_a_chinese_subject_with_the_verb_before_the_certificate(subject: str) -> None:
    notice = classify(HEALTH, subject, f"您好！\n\n您的 AWS 账户 316402957718 中有 Amazon Quokka 集群。\n\n{LIFECYCLE}\n",
                      date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-07-19")


# what must not change: a localized end of support, its certificate named only as what it keeps working with
@pytest.mark.parametrize("body", [
    "Amazon Quokka 2.x 的标准支持将于 2027年7月19日 结束。请在此日期之前升级您的集群。",
    "Die Unterstützung für Amazon Quokka 2.x endet am 19. Juli 2027. Aktualisieren Sie Ihre Cluster vor diesem Datum.",
])
def test_a_localized_end_of_support_stays_one(body: str) -> None:
    notice = classify(HEALTH, None, f"{body}\n\n{LIFECYCLE}\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-07-19")


# a charge announced for something from a date, from the general sender and without a subject: a policy change whose
# deadline is when the cost starts (quoted 041)
@pytest.mark.parametrize("body", [
    "On January 12, 2027, we announced a charge for every managed snapshot of an Amazon Quokka node, which applies from "
    "April 1, 2027.\n\nTo see how many snapshots your accounts keep, use the Cost and Usage Report.",
    "Last month we announced [1] a new fee for Amazon Quokka snapshot exports.\n\nThe fee for each export, which applies "
    "from April 1, 2027, is listed on the pricing page [2].",
])
def test_a_charge_announced_from_a_date_is_a_policy_change(body: str) -> None:
    notice = classify(NO_REPLY, None, f"{body}\n", date=FEB_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-04-01")


def test_an_invoice_that_names_a_charge_stays_billing() -> None:
    notice = classify(NO_REPLY, None, "Your invoice for January 2027 is available. It includes the charge for Amazon "
                      "Quokka snapshots, which you can review in the Billing console.\n", date=FEB_3)
    assert notice.notice_type.startswith("billing.")
