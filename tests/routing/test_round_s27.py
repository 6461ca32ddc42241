"""Session 27's round, in our own words (none of these sentences is in a fixture): an end of support said in French
outranks a first stage that only stops new resources; "ahead of that date" acts by the date named before; a review of
an SES account again on a date, and dedicated IPs on blocklists, are SES sending reviews; a price table's column
header dates the change; a payment not received or not identified failed; the limit to change a maintenance window
is not the window the mail asks the reader to prepare for; an ask before "the first" event of several, localized.
Round 2: endpoints whose certificates move to a new certificate authority, or a certificate chain named by the subject,
are a certificate rotation in every language, before any end of support. Round 3: a runtime taken out of a service's
images ends support; a WorkMail organization in a review period is a sending review; a Savings Bundle that expires,
localized; a suspension warning that says the payment was not received stays one; a Marketplace subscription
confirmed is no SNS subscription; a certificate "about to expire" in a localized subject; a change to how a service
is charged, localized."""

from __future__ import annotations

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
SES = "no-reply-aws@amazon.com"
BILLING = "aws-billing@amazon.com"
MAINTENANCE = "health.scheduled_maintenance"


def _sent(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(f"{day}T10:00:00+00:00"))


@pytest.mark.parametrize("body", [
    "Le 31 mai 2027, AWS mettra fin au support d'Amazon Quokka Studio. Passez à Amazon Quokka Cloud avant cette date.",
    "Le 31 mai 2027, AWS cessera de prendre en charge Amazon Quokka Studio.\n\nÀ partir du 1er février 2027, il ne "
    "sera plus possible de créer un nouveau studio ; les studios existants fonctionnent jusqu'à la fin du support.",
    "El 31 de mayo de 2027 finalizará el soporte de Amazon Quokka Studio.\n\nA partir del 1 de febrero de 2027 ya no "
    "será posible crear un nuevo estudio; los existentes siguen funcionando hasta el final del soporte.",
    "Em 31 de maio de 2027, a AWS encerrará o suporte ao Amazon Quokka Studio.\n\nA partir de 1º de fevereiro de 2027, "
    "não será possível criar um novo estúdio; os existentes continuam a funcionar até o fim do suporte.",
])
def test_an_end_of_support_outranks_a_first_stage_that_stops_new_ones(body: str) -> None:
    notice = classify(HEALTH, "Amazon Quokka Studio", body, date=_sent("2026-12-14"))
    assert (notice.notice_type, notice.deadline) == ("health.end_of_support", "2027-05-31")


@pytest.mark.parametrize("ask", [
    "so your workers have to move to v2 ahead of that date",
    "please move your workers to v2 prior to that date",
    "and your workers need to move to v2 in advance of that date",
])
def test_ahead_of_that_date_acts_by_the_date_named_before(ask: str) -> None:
    body = ("From January 4, 2027, new job definitions registered through the v1 SDK will be rejected. On May 31, 2027 "
            f"the v1 endpoints of Amazon Quokka Queue will be retired, {ask}.")
    notice = classify(HEALTH, "Amazon Quokka Queue v1 endpoints", body, date=_sent("2026-12-14"))
    assert notice.deadline == "2027-05-31"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES complaint rate review for your account",
     "Your Amazon SES account in Europe (Paris) has a complaint rate of 0.4%.\n\nWe will review the complaint rate "
     "again on Tuesday, February 2, 2027. If it is still above 0.1% then, we may pause your sending."),
    ("Amazon SES : examen du taux de plaintes",
     "Votre compte Amazon SES présente un taux de plaintes de 0,4 %.\n\nNous examinerons à nouveau votre taux de "
     "plaintes le mardi 2 février 2027. S'il dépasse encore 0,1 %, nous pourrions suspendre l'envoi."),
    ("Amazon SES: revisión de la tasa de quejas",
     "Su cuenta de Amazon SES tiene una tasa de quejas del 0,4 %.\n\nVolveremos a revisar la tasa de quejas el martes "
     "2 de febrero de 2027. Si sigue por encima del 0,1 %, podríamos pausar el envío."),
    ("Amazon SES: taxa de devolução da sua conta",
     "A sua conta do Amazon SES tem uma taxa de devolução de 9%.\n\nVoltaremos a verificar a taxa de devolução em 2 "
     "de fevereiro de 2027. Se continuar acima de 5%, poderemos pausar o envio."),
])
def test_an_ses_review_again_on_a_date(subject: str, body: str) -> None:
    notice = classify(SES, subject, body, date=_sent("2027-01-05"))
    assert (notice.notice_type, notice.deadline) == ("ses.sending_review", "2027-02-02")


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES: dedicated IPs on blocklists",
     "Two of the dedicated IP addresses your account leases in Amazon SES appear on public blocklists.\n\nFix the "
     "cause and request delisting by the 20th of this month."),
    ("Amazon SES: IPs dedicados em listas de bloqueio",
     "Dois dos endereços IP dedicados da sua conta no Amazon SES aparecem em listas de bloqueio públicas.\n\nResolva a "
     "causa e peça a remoção até ao dia 20 deste mês."),
    ("Amazon SES: IP dedicadas en listas de bloqueo",
     "Dos de las direcciones IP dedicadas de su cuenta en Amazon SES aparecen en listas de bloqueo públicas.\n\n"
     "Resuelva la causa y solicite la eliminación antes del día 20 de este mes."),
    ("Amazon SES : adresses IP dédiées sur des listes de blocage",
     "Deux adresses IP dédiées de votre compte Amazon SES figurent sur des listes de blocage publiques.\n\nCorrigez la "
     "cause et demandez le retrait d'ici le 20 de ce mois."),
])
def test_dedicated_ips_on_blocklists_are_a_sending_review(subject: str, body: str) -> None:
    notice = classify(SES, subject, body, date=_sent("2027-01-08"))
    assert (notice.notice_type, notice.deadline) == ("ses.sending_review", "2027-01-20")


@pytest.mark.parametrize("header", [
    "Request type    Until January 31, 2027    Effective February 1, 2027",
    "Request type    Effective February 1, 2027",
    "Request type    Through January 31, 2027    From February 1, 2027",
])
def test_a_price_tables_column_header_dates_the_change(header: str) -> None:
    body = (f"We are changing the price of Amazon Quokka requests.\n\n{header}\nStandard    $0.20 per million    "
            "$0.25 per million\n\nNo action is required on your part.")
    notice = classify("no-reply@amazonaws.com", "Upcoming change to Amazon Quokka pricing", body,
                      date=_sent("2026-12-14"))
    assert notice.deadline == "2027-02-01"


def test_a_price_tables_column_header_in_html() -> None:
    body = ("<p>We are changing the price of Amazon Quokka requests.</p><table><tr><th></th><th>Through January 31, "
            "2027</th><th>Effective February 1, 2027</th></tr><tr><td>Standard</td><td>$0.20 per million</td>"
            "<td>$0.25 per million</td></tr></table><p>No action is required on your part.</p>")
    notice = classify("no-reply@amazonaws.com", "Upcoming change to Amazon Quokka pricing", body, html=True,
                      date=_sent("2026-12-14"))
    assert notice.deadline == "2027-02-01"


def test_a_start_date_over_a_price_in_prose_is_no_column_header() -> None:
    body = ("Your Savings Plan sp-0a1b2c3d runs from January 1, 2027 for one year.\nHourly commitment: $1.20\n\n"
            "No action is required.")
    notice = classify(BILLING, "Your Savings Plan purchase", body, date=_sent("2026-12-14"))
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("Payment not received [Account: 662048173301]",
     "We have not received your payment for invoice 2027US0093317.\n\nPlease pay by February 12, 2027."),
    ("Payment not identified [Account: 662048173301]",
     "We could not identify your payment for invoice 2027US0093317.\n\nPlease pay by February 12, 2027."),
    ("Pagamento não identificado [Conta: 662048173301]",
     "Não identificamos o pagamento da fatura 2027BR0093317.\n\nPague até 12/02/2027 para regularizar a conta."),
    ("Pagamento não recebido [Conta: 662048173301]",
     "Não recebemos o pagamento da fatura 2027BR0093317.\n\nPague até 12/02/2027 para regularizar a conta."),
    ("Pago no identificado [Cuenta: 662048173301]",
     "No hemos podido identificar el pago de la factura 2027ES0093317.\n\nPague antes del 12/02/2027."),
    ("Paiement non identifié [Compte : 662048173301]",
     "Nous n'avons pas pu identifier le paiement de la facture 2027FR0093317.\n\nVeuillez payer avant le 12/02/2027."),
])
def test_a_payment_not_received_or_not_identified_failed(subject: str, body: str) -> None:
    notice = classify(BILLING, subject, body, date=_sent("2027-02-03"))
    assert (notice.notice_type, notice.deadline) == ("billing.payment_failed", "2027-02-12")


def test_a_payment_not_received_if_not_paid_is_no_failure_yet() -> None:
    body = ("Your invoice 2027US0093317 is due on February 12, 2027. If we have not received your payment by then, "
            "we may suspend your account.")
    notice = classify(BILLING, "Your AWS invoice", body, date=_sent("2027-02-03"))
    assert notice.notice_type != "billing.payment_failed"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon FSx planned maintenance",
     "The file system fs-0a1b2c3d4e5f60718 installs updates in its next weekly maintenance window.\n\nMaintenance "
     "window: Wednesday, January 13, 2027 02:00-02:30 UTC\nTo change the maintenance window, modify it in the console "
     "before January 11, 2027.\n\nBefore the maintenance starts, confirm that clients reach the share by its DNS "
     "name."),
    ("Amazon FSx 计划维护通知",
     "文件系统 fs-0a1b2c3d4e5f60718 将在下一个维护时段内安装更新。\n\n"
     "维护时段：2027年1月13日（星期三）02:00–02:30（UTC）\n"
     "如需更改维护时段，请在 2027年1月11日 之前在控制台中修改。\n\n请在维护开始前确认客户端通过 DNS 名称访问共享。"),
    ("Amazon FSx 計画メンテナンス",
     "ファイルシステム fs-0a1b2c3d4e5f60718 に更新を適用します。\n\n"
     "メンテナンス時間：2027年1月13日（水）02:00–02:30（UTC）\n"
     "メンテナンス時間を変更する場合は、2027年1月11日までにコンソールで変更してください。\n\n"
     "メンテナンス開始前に、クライアントが DNS 名で共有にアクセスしていることを確認してください。"),
])
def test_the_limit_to_change_a_window_is_not_the_window_to_prepare_for(subject: str, body: str) -> None:
    notice = classify(HEALTH, subject, body, date=_sent("2026-12-28"))
    assert (notice.notice_type, notice.deadline) == (MAINTENANCE, "2027-01-13")


@pytest.mark.parametrize("body", [
    "Sostituiremo gli endpoint della connessione VPN vpn-0a1b2c3d4e5f60718: tunnel 1 martedì 16 febbraio 2027, "
    "tunnel 2 giovedì 18 febbraio 2027 (01:00-03:00 UTC). Prima della prima sostituzione verificate che entrambi i "
    "tunnel siano attivi.",
    "Nous remplacerons les points de terminaison de la connexion VPN vpn-0a1b2c3d4e5f60718 : tunnel 1 le mardi 16 "
    "février 2027, tunnel 2 le jeudi 18 février 2027 (01:00-03:00 UTC). Avant le premier remplacement, vérifiez que "
    "les deux tunnels sont actifs.",
    "Reemplazaremos los puntos de enlace de la conexión VPN vpn-0a1b2c3d4e5f60718: túnel 1 el martes 16 de febrero de "
    "2027, túnel 2 el jueves 18 de febrero de 2027 (01:00-03:00 UTC). Antes del primer reemplazo, compruebe que ambos "
    "túneles estén activos.",
    "Wir ersetzen die Endpunkte der VPN-Verbindung vpn-0a1b2c3d4e5f60718: Tunnel 1 am Dienstag, 16. Februar 2027, "
    "Tunnel 2 am Donnerstag, 18. Februar 2027 (01:00-03:00 UTC). Prüfen Sie vor dem ersten Austausch, dass beide "
    "Tunnel aktiv sind.",
    "Sostituiremo gli endpoint della connessione VPN vpn-0a1b2c3d4e5f60718 martedì 16 febbraio 2027 (01:00-03:00 "
    "UTC). Prima della manutenzione verificate che entrambi i tunnel siano attivi.",
])
def test_an_ask_before_the_first_event_localized(body: str) -> None:
    notice = classify(HEALTH, "AWS Site-to-Site VPN maintenance", body, date=_sent("2027-02-01"))
    assert (notice.notice_type, notice.deadline) == (MAINTENANCE, "2027-02-16")


@pytest.mark.parametrize("body", [
    "La mise à niveau automatique de Quokka Engine commencera le samedi 6 mars 2027. Si les tests échouent, le cluster "
    "reste en version 3 jusqu'au 1er juin 2027, date à laquelle cette version ne sera plus prise en charge.\n\nPour "
    "choisir vous-même le moment de la mise à niveau, mettez à jour vos clusters avant le 6 mars 2027.",
    "La actualización automática de Quokka Engine comenzará el sábado 6 de marzo de 2027. Si las pruebas fallan, el "
    "clúster sigue en la versión 3 hasta el 1 de junio de 2027, fecha en la que esa versión dejará de tener soporte."
    "\n\nPara elegir usted mismo el momento de la actualización, actualice sus clústeres antes del 6 de marzo de 2027.",
])
def test_a_purpose_then_an_imperative_localized(body: str) -> None:
    notice = classify(HEALTH, "Quokka Engine automatic upgrade", body, date=_sent("2027-01-20"))
    assert notice.deadline == "2027-03-06"


@pytest.mark.parametrize("opening", [
    "You are receiving this message because the management account 4410-2893-7716 still runs legacy exports.",
    "Vous recevez ce message parce que le compte de gestion 4410 2893 7716 utilise encore des exports hérités.",
    "Recibe este mensaje porque la cuenta de administración 441028937716 todavía usa exportaciones heredadas.",
])
def test_the_management_account_the_mail_is_sent_to_because_of_it(opening: str) -> None:
    body = f"Hello,\n\n{opening}\n\nMove them to Amazon Quokka Exports before March 31, 2027."
    notice = classify("bcm-dashboards@aws.com", "Your legacy exports will stop", body, date=_sent("2026-12-14"))
    assert notice.aws_account_id == "441028937716"


def test_a_management_account_that_invites_is_still_another_account() -> None:
    body = ("Hello,\n\nThe management account 4410-2893-7716 invited your account to join its organization. "
            "Accept the invitation before March 31, 2027.")
    notice = classify("no-reply-aws@amazon.com", "AWS Organizations invitation", body, date=_sent("2026-12-14"))
    assert notice.aws_account_id != "441028937716"


# an AWS Health planned lifecycle event (its code in the request id header, as AWS User Notifications sends it): a code
# the issue maps to end of support, unless the mail says it is a certificate's rotation
_LIFECYCLE = (b"X-NOTIFICATIONS-CLIENT-REQUEST-ID: arn:aws:silverwire:eu-west-1:silvermine:"
              b"AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_5A1B/0fc08563/UNO-3bc6fa3f\r\n")


@pytest.mark.parametrize(("subject", "body"), [
    ("[Action Required] Update client trust stores for Amazon Quokka endpoints",
     "Amazon Quokka is moving the TLS server certificates of its endpoints to a new intermediate certificate "
     "authority. Clients whose trust store lacks the new root will fail the TLS handshake. Add the new bundle to your "
     "trust stores by April 12, 2027."),
    ("[Ação necessária] Cadeia de certificados do Amazon Quokka",
     "O Amazon Quokka vai passar a servir os seus endpoints com certificados de uma nova autoridade de certificação. "
     "Acrescente o novo certificado de raiz ao seu arquivo de confiança até 12 de abril de 2027."),
    ("Amazon Quokka: Wechsel der API-Zertifizierungsstelle",
     "Die Zertifikate der Amazon-Quokka-Endpunkte stammen ab dem 12. April 2027 von einer neuen Zwischen-CA. "
     "Prüfen Sie Ihre Clients vor dem 12. April 2027."),
    ("Amazon Quokka : chaîne de certificats des points de terminaison",
     "Amazon Quokka passera à une nouvelle autorité de certification pour ses points de terminaison le 12 avril 2027. "
     "Mettez à jour vos magasins de confiance avant le 12 avril 2027."),
])
def test_certificates_moved_to_a_new_ca_are_a_rotation(subject: str, body: str) -> None:
    from routing.parse import parse_mail
    from tests.routing.mailbuild import CLASSIFIER, build

    raw = _LIFECYCLE + build(HEALTH, subject, body, date=_sent("2027-01-20"))
    notice = CLASSIFIER.classify(parse_mail(raw))
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-04-12")


@pytest.mark.parametrize(("sender", "subject", "body", "wanted"), [
    ("no-reply-aws@amazon.com", "Review the security of your AWS root user",
     "In a routine check we saw that the root user of AWS account 4410 2893 7716 has an active access key and no MFA "
     "device. Please delete the key by January 11, 2027. From that date, a root sign-in without MFA will require an "
     "extra e-mail step.", "security.root_review"),
    ("no-reply-aws@amazon.com", "Amazon SES: アカウント 441028937716 は審査中です",
     "Amazon SES の送信について審査を行っています。送信用の認証情報が第三者に使用された可能性もあります。",
     "ses.sending_review"),
    ("no-reply-aws@amazon.com", "Security notice for your account",
     "The password of the root user of AWS account 441028937716 was changed today from the sign-in page. If you did "
     "not do this, contact AWS Support.", "credentials.other"),
    ("no-reply-aws@amazon.com", "Amazon SES custom MAIL FROM setup SUCCESS for quokka.example",
     "Amazon SES has confirmed the custom MAIL FROM domain mail.quokka.example for the identity quokka.example.",
     "ses.identity_verified"),
    ("no-reply-aws@amazon.com", "Your Amazon Bedrock Provisioned Throughput commitment ends soon",
     "A Provisioned Throughput commitment in account 441028937716 ends on March 1, 2027.", "cost.commitment_expiry"),
    ("no-reply-aws@amazon.com", "Action required - We could not collect your AWS payment",
     "We tried to collect payment for invoice 2814407710 by bank transfer, but your bank did not authorise the "
     "request.", "billing.payment_failed"),
    ("no-reply-aws@amazon.com", "您的 Amazon Quokka Pro 訂閱已啟用",
     "感謝您訂閱 Amazon Quokka Pro。您的訂閱現已啟用。", "onboarding.service_setup"),
    ("no-reply-aws@amazon.com", "Votre abonnement Amazon Quokka Pro est activé",
     "Merci de votre abonnement à Amazon Quokka Pro. Vos utilisateurs peuvent commencer dès maintenant.",
     "onboarding.service_setup"),
    ("aws-marketing-email-replies@amazon.com", "Upcoming change to Amazon Quokka maintenance pricing",
     "Effective May 1, 2027, automatic maintenance of Quokka tables is charged at $0.004 per 1,000 objects.",
     "policy.change_notice"),
])
def test_round_2_types_in_our_words(sender: str, subject: str, body: str, wanted: str) -> None:
    assert classify(sender, subject, body, date=_sent("2027-01-20")).notice_type == wanted


def test_a_root_password_change_that_sends_a_code_is_left_to_the_credential_rules() -> None:
    body = "The password of the root user was changed. Your verification code is 482 915."
    notice = classify("no-reply-aws@amazon.com", "Root user password changed", body, date=_sent("2027-01-20"))
    assert not notice.customer_visible  # (a code: never shown, whichever rule places it)


def test_a_term_ends_column_dates_a_reservation() -> None:
    body = ("The Quokka reserved throughput below, bought for account 441028937716, reaches the end of its term "
            "soon:\n\n"
            "Region      Units   Purchased    Term ends\n"
            "eu-west-1   500     2026-03-01   2027-03-01\n\n"
            "Buy new reserved throughput before the term ends to keep the lower rate.")
    notice = classify("no-reply-aws@amazon.com", "Your Quokka reserved throughput ends next month", body,
                      date=_sent("2027-02-01"))
    assert notice.deadline == "2027-03-01"


def test_an_access_until_field() -> None:
    body = ("The provider of a data set you subscribe to has withdrawn it.\n\nProduct:        Quokka Tides\n"
            "Subscribed:     June 1, 2026\nAccess until:   May 31, 2027\n\nExport what you need before access ends.")
    notice = classify("no-reply@marketplace.aws", "A product you subscribe to was withdrawn", body,
                      date=_sent("2027-02-01"))
    assert notice.deadline == "2027-05-31"


@pytest.mark.parametrize("sentence", [
    "We will watch your complaint rate until Wednesday, March 17, 2027.",
    "We will monitor the account's bounce rate until Wednesday, 17 March 2027.",
])
def test_a_rate_watched_until_a_full_date_with_its_weekday(sentence: str) -> None:
    body = (f"Your Amazon SES account is under review because its bounce rate is 9%. {sentence} If it stays above 5%, "
            "we may pause your sending.")
    notice = classify(SES, "Amazon SES Review Period Notice", body, date=_sent("2027-03-03"))
    assert notice.deadline == "2027-03-17"


@pytest.mark.parametrize("sentence", [
    "Después de 2027-01-19 14:00 UTC esta instancia se terminará.",
    "Después del 19 de enero de 2027 a las 14:00 UTC esta instancia se terminará.",
])
def test_after_a_date_in_spanish_with_digits_first(sentence: str) -> None:
    body = f"Hemos detectado una degradación del hardware que aloja la instancia i-0a1b2c3d4e5f60718. {sentence}"
    notice = classify(HEALTH, "[Notificación de retirada] Instancia de Amazon EC2 programada para retirada", body,
                      date=_sent("2027-01-05"))
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-01-19")


def test_a_runtime_marked_deprecated_in_the_console_is_a_first_stage() -> None:
    body = ("Your Quokka services use the managed runtime Node.js 18, which leaves standard support on June 30, 2027. "
            "Please move them to Node.js 22 before that date.\n\nThe runtime will be marked deprecated in the console "
            "on April 1, 2027.")
    notice = classify(HEALTH, "Quokka managed runtime Node.js 18 end of standard support", body,
                      date=_sent("2027-03-10"))
    assert notice.deadline == "2027-06-30"


def test_a_timeline_row_that_names_the_stage_after_its_date() -> None:
    body = ("Some servers still run the Quokka agent 1.x.\n\nKey dates:\n"
            "  * 2026-12-01  the 1.x installer is no longer offered for download\n"
            "  * 2027-03-31  end of support: servers still on 1.x stop replicating\n"
            "  * 2027-09-30  recovery points taken with 1.x can no longer be used\n\n"
            "Upgrade the agent on each server to 2.x before the end of support.")
    notice = classify(HEALTH, "Quokka agent 1.x end of support", body, date=_sent("2026-11-18"))
    assert notice.deadline == "2027-03-31"


@pytest.mark.parametrize("field", [
    "Scheduled purchase date: March 1, 2027, 00:00 UTC",
    "Date d'exécution prévue : 1er mars 2027, 00:00 UTC",
    "Fecha de ejecución programada: 1 de marzo de 2027, 00:00 UTC",
])
def test_a_queued_purchases_date_field(field: str) -> None:
    body = f"A Savings Plans purchase for account 441028937716 is queued.\n\nCommitment: USD 2.50 per hour\n{field}\n"
    notice = classify("no-reply-aws@amazon.com", "Your queued Savings Plans purchase", body, date=_sent("2027-02-20"))
    assert (notice.notice_type, notice.deadline) == ("cost.commitment_expiry", "2027-03-01")


@pytest.mark.parametrize(("sender", "subject", "body", "wanted"), [
    ("no-reply-aws@amazon.com", "AWS Quokka Build: Python 3.9 runtime leaving the curated images",
     "We will remove Python 3.9 from the curated Quokka Build images on May 3, 2027. Move your projects to Python 3.12 "
     "before May 3, 2027.", "health.end_of_support"),
    ("no-reply-aws@amazon.com", "Amazon WorkMail: organização em período de avaliação",
     "A organização m-0a1b2c3d do Amazon WorkMail foi colocada em período de avaliação porque caixas de correio "
     "enviaram mensagens não solicitadas.", "ses.sending_review"),
    ("no-reply@costalerts.amazonaws.com", "您的 CloudFront Security Savings Bundle 即将到期",
     "您的 AWS 账户中的 CloudFront Security Savings Bundle 即将到期。", "cost.commitment_expiry"),
    ("aws-billing@amazon.com", "Aviso: sua conta da AWS será suspensa",
     "Ainda não recebemos o pagamento das faturas em aberto. Se o saldo não for quitado até 07/04/2027, sua conta "
     "será suspensa.", "billing.suspension_warning"),
    ("aws-billing@amazon.com", "Your AWS account will be suspended",
     "We have not received your payment for invoice 2814407710. If the balance is not paid by April 7, 2027, your "
     "account will be suspended.", "billing.suspension_warning"),
    ("aws-marketplace-email@amazon.com", "Your AWS Marketplace subscription confirmation",
     "Thank you for subscribing to Quokka Insights from Quokka Ltd. in AWS Marketplace. Contract end: November 25, "
     "2027.", "marketplace.subscription"),
    ("health@aws.com", "[Acción requerida] Certificado de Amazon Quokka próximo a vencer",
     "El certificado de servidor de su punto de enlace vence el 19 de abril de 2027. Importe uno renovado antes de esa "
     "fecha.", "health.certificate_rotation"),
    ("no-reply-aws@amazon.com", "Alteração na cobrança do Amazon Quokka",
     "A partir de 1 de março de 2027, a duração dos fluxos passa a ser cobrada em incrementos de 50 ms.",
     "policy.change_notice"),
    ("no-reply-aws@amazon.com", "Cambios en la facturación de Amazon Quokka",
     "A partir del 1 de marzo de 2027, la duración se cobrará en incrementos de 50 ms.", "policy.change_notice"),
])
def test_round_3_types_in_our_words(sender: str, subject: str, body: str, wanted: str) -> None:
    assert classify(sender, subject, body, date=_sent("2027-03-01")).notice_type == wanted


def test_an_sns_confirmation_that_names_the_marketplace_stays_one() -> None:
    body = ("You have chosen to subscribe to the topic arn:aws:sns:us-east-1:441028937716:aws-marketplace-alerts. To "
            "confirm this subscription, visit https://sns.us-east-1.amazonaws.com/confirmation.html?TopicArn=x&Token=y "
            "(AWS Marketplace alerts).")
    notice = classify("no-reply@sns.amazonaws.com", "AWS Notification - Subscription Confirmation", body,
                      date=_sent("2027-03-01"))
    assert notice.notice_type == "verification.sns_subscription"
