"""Session 41's round, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka.
Round 80: an invoice a colleague forwarded, named by a localized subject ("RV: Factura de Amazon Web Services
disponible … [ID de factura: …]"); a planned lifecycle event that announces a charge for what was free ("Starting D, …
will be charged"; es, pt, fr, it, de, ja, zh, ko) is a price change, an extended support charge still an end of
support; an open balance for which AWS "may suspend the account" is a suspension warning, a payment method to add or a
compromise's follow-up is not. And a maintenance whose mail says, without a condition, that no action is needed, and
offers nothing to do before it, has no deadline (the brief's "a maintenance that asks nothing of the reader", as
samples/19 is labelled); one that qualifies it ("if", "unless", "otherwise", "but you can …"), offers to move the window
or apply the update earlier, or recommends an act, keeps its window's date (9 languages). Round 81: "nothing is
required from you" is a no-action; an instance family retired for "instances of a newer generation" with a kind
between ("instancias de memoria de generaciones más recientes"); "Without payment by D, we may have to suspend the
account"; a date a notice names as the earlier one ("which gave an earlier end-of-support date of D") is superseded;
an SES identity to verify, named by a localized subject or by the DKIM records to publish; a Marketplace subscription
the reader cancelled has no deadline (the seller's cancellation keeps its date); a Support case that closes "if we do
not hear from you in the next 7 days" asks nothing by then. Round 82: a Customer Agreement update said with the verb
("Estamos atualizando o Contrato de Cliente da AWS") from the marketing senders; a German statement "Kontoauszug" that
is available (not a bank statement to upload); a new certificate authority named by the subject ("neue
Zertifizierungsstelle") over the planned lifecycle event code."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

import pytest

from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
NO_REPLY = "no-reply-aws@amazon.com"
COLLEAGUE = "l.moreno@contabilidad.example.org"
FEB_2 = format_datetime(datetime.fromisoformat("2027-02-02T01:15:00+00:00"))
ARN = ("arn:aws:health:eu-west-1::event/QUOKKA/AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT/"
       "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT_7E1A")


@pytest.mark.parametrize("subject", [
    "RV: Factura de Amazon Web Services disponible [Cuenta: 604411738205] [ID de factura: EUINES27-000412]",
    "ENC: Fatura da Amazon Web Services disponível [Conta: 604411738205]",
    "TR: Votre facture Amazon Web Services est disponible [ID de facture : EUINFR27-000412]",
    "I: La fattura di Amazon Web Services è disponibile",
    "WG: Ihre Rechnung von Amazon Web Services ist verfügbar [Rechnungs-ID: EUINDE27-000412]",
])
def test_an_invoice_a_colleague_forwarded_named_by_a_localized_subject(subject: str) -> None:
    notice = classify(COLLEAGUE, subject,
                      "Para el archivo.\n\n-------- Original --------\nAmazon Quokka: 61,20 EUR\nCuenta 604411738205\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.invoice"


def test_a_forwarded_mail_that_only_talks_of_an_invoice_is_not_one() -> None:
    # (guard: a question about an invoice, no invoice available)
    notice = classify(COLLEAGUE, "RV: pregunta sobre la factura de Quokka",
                      "¿Alguien sabe por qué la factura de Amazon Quokka subió este mes?\n", date=FEB_2)
    assert notice.notice_type != "billing.invoice"


@pytest.mark.parametrize("sentence", [
    "Starting March 15, 2027, Quokka snapshots will be charged per GB-month.",
    "From March 15, 2027, Quokka snapshots become a billed feature.",
    "A partir del 15 de marzo de 2027, se cobrarán las instantáneas de Quokka por GB y mes.",
    "A partir de 15 de março de 2027, os snapshots do Quokka passarão a ser cobrados por GB-mês.",
    "À compter du 15 mars 2027, les instantanés Quokka seront facturés au Go-mois.",
    "Dal 15 marzo 2027 gli snapshot di Quokka verranno addebitati per GB-mese.",
    "Ab dem 15. März 2027 werden Quokka-Snapshots pro GB-Monat in Rechnung gestellt.",
    "2027年3月15日から、Quokka スナップショットの課金が開始されます。",
    "自 2027年3月15日起，Quokka 快照将开始收费。",
    "2027년 3월 15일부터 Quokka 스냅샷에 요금이 부과됩니다.",
], ids=["en", "en-billed-feature", "es", "pt", "fr", "it", "de", "ja", "zh", "ko"])
def test_a_planned_lifecycle_event_that_announces_a_charge_is_a_price_change(sentence: str) -> None:
    notice = classify(HEALTH, None,
                      f"Hello,\n\nQuokka snapshots in account 604411738205 have been free so far.\n\n{sentence}\n\n"
                      f"Event ARN: {ARN}\n", date=FEB_2)
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-03-15"


def test_an_extended_support_charge_stays_an_end_of_support() -> None:
    # (guard: the charge of a version past its standard support is that end of support)
    notice = classify(HEALTH, None,
                      "Hello,\n\nStandard support for Quokka engine 3 ends on March 15, 2027. Clusters still on it "
                      "after that date will be charged for extended support.\n\n"
                      f"Event ARN: {ARN}\n", date=FEB_2)
    assert notice.notice_type == "health.end_of_support"


def test_an_open_balance_for_which_aws_may_suspend_the_account() -> None:
    notice = classify(NO_REPLY, None,
                      "Hello,\n\nAccount: 6044-1173-8205\n\nWe tried to charge your card for the Quokka charges "
                      "of January 2027, USD 310.18, without success. This is our last reminder. Pay the balance by "
                      "February 20, 2027. If the balance is still open after that date, we may suspend the account.\n",
                      date=FEB_2)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-02-20"


@pytest.mark.parametrize("body", [
    "Your account has no payment method yet. Add one by February 20, 2027. If none is added by then, we may "
    "suspend the account.",
    "Someone else may be using your account 604411738205 for Quokka. If the unauthorized usage has not stopped "
    "within five days, we will suspend the account so that no further charges build up.",
], ids=["payment-method", "compromise"])
def test_a_suspension_for_something_else_than_an_open_balance_is_no_suspension_warning(body: str) -> None:
    # (guards)
    notice = classify(NO_REPLY, None, f"Hello,\n\n{body}\n", date=FEB_2)
    assert notice.notice_type != "billing.suspension_warning"


WINDOW = "Start: Tuesday, March 9, 2027 02:00 UTC\nEnd:   Tuesday, March 9, 2027 04:00 UTC\nAccount: 604411738205"
MAINTENANCE_CODE = "Event type code: AWS_QUOKKA_MAINTENANCE_SCHEDULED"


@pytest.mark.parametrize("body", [
    f"Hello,\n\nAWS will patch the Quokka hosts.\n\n{WINDOW}\n\nEach host will be restarted once. No action is "
    "required on your part.\n",
    f"Hello,\n\nAWS will patch the Quokka hosts.\n\n{WINDOW}\n\nEach host will be restarted once. You do not need "
    "to do anything; the patches are applied by AWS.\n",
    "Bonjour,\n\nAWS va corriger les hôtes Quokka.\n\nDébut : mardi 9 mars 2027, 02 h 00 UTC\nFin : mardi 9 mars "
    "2027, 04 h 00 UTC\n\nChaque hôte sera redémarré une fois. Aucune action n'est requise de votre part.\n",
    "Ciao,\n\nAWS aggiornerà gli host Quokka.\n\nInizio: martedì 9 marzo 2027, 02:00 UTC\nFine: martedì 9 marzo "
    "2027, 04:00 UTC\n\nOgni host verrà riavviato una volta. Non è richiesta alcuna azione da parte tua.\n",
    "Hola:\n\nAWS actualizará los hosts de Quokka.\n\nInicio: martes, 9 de marzo de 2027, 02:00 UTC\nFin: martes, "
    "9 de marzo de 2027, 04:00 UTC\n\nCada host será reiniciado una vez. No es necesario realizar ninguna acción.\n",
    "Olá,\n\nA AWS atualizará os hosts do Quokka.\n\nInício: terça-feira, 9 de março de 2027, 02:00 UTC\nFim: "
    "terça-feira, 9 de março de 2027, 04:00 UTC\n\nCada host será reiniciado uma vez. Nenhuma ação é necessária.\n",
    "Hallo,\n\nAWS aktualisiert die Quokka-Hosts.\n\nBeginn: Dienstag, 9. März 2027, 02:00 UTC\nEnde: Dienstag, 9. "
    "März 2027, 04:00 UTC\n\nJeder Host wird einmal neu gestartet. Es ist keine Aktion erforderlich.\n",
    "お客様\n\nAWS は Quokka ホストを更新します。\n\n開始: 2027年3月9日 (火) 02:00 UTC\n終了: 2027年3月9日 (火) "
    "04:00 UTC\n\n各ホストは一度再起動されます。お客様による対応は不要です。\n",
    "您好：\n\nAWS 将更新 Quokka 主机。\n\n开始时间：2027年3月9日 02:00 UTC\n结束时间：2027年3月9日 04:00 UTC\n\n"
    "每台主机将重新启动一次。您无需执行任何操作。\n",
    "안녕하세요.\n\nAWS에서 Quokka 호스트를 업데이트합니다.\n\n시작: 2027년 3월 9일 (화) 02:00 UTC\n종료: 2027년 3월 "
    "9일 (화) 04:00 UTC\n\n각 호스트는 한 번 재시작됩니다. 고객의 조치는 필요하지 않습니다.\n",
], ids=["en", "en-nothing", "fr", "it", "es", "pt", "de", "ja", "zh", "ko"])
def test_a_maintenance_that_asks_nothing_of_the_reader_has_no_deadline(body: str) -> None:
    notice = classify(HEALTH, None, f"{body}\n{MAINTENANCE_CODE}\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is None


@pytest.mark.parametrize("sentence", [
    "No action is needed if your Quokka flocks span two zones.",
    "If the window does not suit you, move it from the console before it starts. Otherwise no action is needed.",
    "No action is required, but you can apply the patch yourself before the window.",
    "You do not need to do anything unless you prefer to restart the hosts earlier.",
    "No action is required. We recommend that you move large Quokka jobs outside the window.",
    "Aucune action n'est requise si vos troupeaux Quokka sont répartis sur deux zones.",
    "お客様による対応は不要です。期間を変更する場合は、2027年3月7日までに更新をご自身で適用してください。",
    "Es ist keine Aktion erforderlich. Wenn Sie den Zeitpunkt selbst wählen möchten, starten Sie die Hosts vor dem "
    "Fenster neu.",
], ids=["en-if", "en-otherwise", "en-but", "en-unless", "en-recommend", "fr-si", "ja-baai", "de-wenn"])
def test_a_maintenance_that_allows_an_act_before_it_keeps_its_date(sentence: str) -> None:
    # (guards: the no-action qualified, or an act offered before the window)
    notice = classify(HEALTH, None,
                      f"Hello,\n\nAWS will patch the Quokka hosts.\n\n{WINDOW}\n\nEach host will be restarted once. "
                      f"{sentence}\n\n"
                      f"{MAINTENANCE_CODE}\n", date=FEB_2)
    assert notice.notice_type == "health.scheduled_maintenance"
    assert notice.deadline is not None


def test_nothing_required_from_you_is_a_no_action() -> None:
    notice = classify(HEALTH, None,
                      f"Hello,\n\nAWS will patch the Quokka hosts.\n\n{WINDOW}\n\nEach host will be restarted once; "
                      f"nothing is required from you.\n\n{MAINTENANCE_CODE}\n", date=FEB_2)
    assert notice.deadline is None


def test_if_not_nothing_else_is_needed_keeps_the_offer_before_it() -> None:
    # (guard: "If you need …, you can move … If not, nothing else is needed from you")
    notice = classify(HEALTH, None,
                      f"Hello,\n\nAWS will patch the Quokka hosts.\n\n{WINDOW}\n\nEach host will be restarted once. "
                      "If you need to keep running in that window, you can move the flocks to other hosts. If not, "
                      f"nothing else is needed from you.\n\n{MAINTENANCE_CODE}\n", date=FEB_2)
    assert notice.deadline == "2027-03-09"


@pytest.mark.parametrize("phrase", [
    "move your workloads to newer-generation memory instances",
    "trasladar sus cargas de trabajo a instancias de memoria de generaciones más recientes",
    "migrar suas cargas de trabalho para instâncias de memória de gerações mais recentes",
])
def test_an_instance_family_retired_for_a_newer_generation_with_a_kind_between(phrase: str) -> None:
    notice = classify(NO_REPLY, "Retirement of Amazon EC2 Q1z instances",
                      "Hello,\n\nWe can no longer offer the Q1z family of Amazon Quokka instances at the level you "
                      f"expect, and we are helping customers {phrase} before July 31, 2027.\n\nAccount 604411738205.\n",
                      date=FEB_2)
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-07-31"


def test_without_payment_by_a_date_aws_may_suspend_the_account() -> None:
    notice = classify(NO_REPLY, None,
                      "Hello,\n\nThe balance of USD 96.10 for Amazon Quokka on account 6044-1173-8205 is still open. "
                      "Without payment by Mar 3rd, 2027, we may have to suspend the account.\n", date=FEB_2)
    assert notice.notice_type == "billing.suspension_warning"
    assert notice.deadline == "2027-03-03"


def test_a_date_named_as_the_earlier_one_is_superseded() -> None:
    notice = classify(HEALTH, "[Action Required] Amazon Quokka agent 2.x end of support [AWS Account: 604411738205]",
                      "Hello,\n\nAgent versions 2.x reach end of support on June 15, 2027. Upgrade the agent no later "
                      "than June 15, 2027.\n\nNote: this message updates our notice of December 1, 2026, which gave an "
                      "earlier end-of-support date of May 31, 2027.\n\nEvent type code: "
                      "AWS_QUOKKA_PLANNED_LIFECYCLE_EVENT\n", date=FEB_2)
    assert notice.deadline == "2027-06-15"


@pytest.mark.parametrize(("subject", "body"), [
    ("Amazon SES 도메인 확인 요청 - 아시아 태평양(서울)", "Quokka 도메인을 확인하려면 DNS 레코드를 게시하세요."),
    ("Solicitud de verificación de dominio de Amazon SES", "Publique los registros DNS para verificar el dominio."),
    ("Quokka domain setup", "Publish these records:\n\n  q1._domainkey.quokka.example  CNAME  q1.dkim.amazonses.com\n"),
], ids=["ko-subject", "es-subject", "dkim-records"])
def test_an_ses_identity_to_verify_named_by_a_localized_subject_or_its_dkim_records(subject: str, body: str) -> None:
    notice = classify(NO_REPLY, subject, f"{body}\n\nAccount 604411738205.\n", date=FEB_2)
    assert notice.notice_type == "verification.ses_identity"


@pytest.mark.parametrize(("subject", "line"), [
    ("Your AWS Marketplace subscription has been cancelled", "Access to the product until: February 28, 2027"),
    ("Conferma di annullamento dell'abbonamento AWS Marketplace", "Accesso al prodotto fino al: 28 febbraio 2027"),
    ("Confirmación de cancelación de la suscripción de AWS Marketplace",
     "Acceso al producto hasta el: 28 de febrero de 2027"),
    ("Confirmation de résiliation de l'abonnement AWS Marketplace", "Accès au produit jusqu'au : 28 février 2027"),
    ("Kündigungsbestätigung für Ihr AWS Marketplace-Abonnement", "Zugriff auf das Produkt bis: 28. Februar 2027"),
], ids=["en", "it", "es", "fr", "de"])
def test_a_marketplace_subscription_the_reader_cancelled_has_no_deadline(subject: str, line: str) -> None:
    notice = classify("no-reply@marketplace.aws", subject,
                      f"Quokka Analytics (annual)\n\nAccount: 6044 1173 8205\n{line}\n", date=FEB_2)
    assert notice.notice_type == "marketplace.subscription"
    assert notice.deadline is None


def test_a_subscription_the_seller_cancels_keeps_its_date() -> None:
    # (guard: the data to export before the seller ends the service)
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: the seller has cancelled your subscription",
                      "The seller of Quokka Analytics has cancelled your subscription. Your access to the product ends "
                      "on February 28, 2027; export any data you keep in the product before then.\n\nAccount: 6044 "
                      "1173 8205\n", date=FEB_2)
    assert notice.deadline == "2027-02-28"


def test_a_case_that_closes_if_we_do_not_hear_from_you_in_the_next_days_asks_nothing() -> None:
    notice = classify(NO_REPLY, None,
                      "Hello,\n\nWe have updated your support case 176912604400001 for AWS account 604411738205.\n\n"
                      "The Quokka limit was raised. If this answers your question, no reply is needed: the case will "
                      "be resolved automatically if we do not hear from you in the next 7 days.\n", date=FEB_2)
    assert notice.notice_type == "support.case_correspondence"
    assert notice.deadline is None


@pytest.mark.parametrize(("subject", "body"), [
    ("Atualização do Contrato de Cliente da AWS",
     "Estamos atualizando o Contrato de Cliente da AWS. A nova versão passa a valer a partir de 1º de março de 2027 e "
     "trata do Amazon Quokka. Nenhuma ação é necessária."),
    ("Actualización del Contrato de cliente de AWS",
     "Estamos actualizando el Contrato de cliente de AWS. La nueva versión se aplica a partir del 1 de marzo de 2027 y "
     "trata de Amazon Quokka. No es necesario realizar ninguna acción."),
], ids=["pt", "es"])
def test_a_customer_agreement_update_said_with_the_verb_from_the_marketing_senders(subject: str, body: str) -> None:
    notice = classify("aws-marketing-email-replies@amazon.com", subject, f"Olá,\n\n{body}\n", date=FEB_2)
    assert notice.notice_type == "policy.change_notice"


def test_a_german_statement_that_is_available() -> None:
    notice = classify("invoicing@aws.com", "Ihr Kontoauszug für Amazon Web Services ist verfügbar",
                      "Guten Tag,\n\nIhr Kontoauszug für Januar 2027 (Amazon Quokka: 88,40 EUR) kann jetzt in der "
                      "Konsole eingesehen werden.\n\nAWS-Kontonummer: 6044 1173 8205\n", date=FEB_2)
    assert notice.notice_type == "billing.statement"


def test_a_bank_statement_to_upload_is_no_aws_statement() -> None:
    # (guard: "laden Sie … einen Kontoauszug … hoch", to prove a bank account is the reader's)
    notice = classify("invoicing@aws.com", "Aktion erforderlich – Bestätigen Sie Ihr Bankkonto für AWS",
                      "Guten Tag,\n\nBitte laden Sie innerhalb von 14 Tagen einen Kontoauszug Ihrer Bank in der "
                      "Billing-Konsole hoch, damit wir Ihr Bankkonto für Amazon Quokka prüfen können.\n\nKonto: 6044 "
                      "1173 8205\n", date=FEB_2)
    assert notice.notice_type != "billing.statement"


@pytest.mark.parametrize("subject", [
    "[Handlung erforderlich] Amazon Quokka: neue Zertifizierungsstelle für TLS",
    "[Acción requerida] Amazon Quokka: nueva autoridad de certificación para TLS",
    "[Action requise] Amazon Quokka : nouvelle autorité de certification pour TLS",
], ids=["de", "es", "fr"])
def test_a_new_certificate_authority_named_by_the_subject(subject: str) -> None:
    notice = classify(HEALTH, subject,
                      "Bitte nehmen Sie das neue Stammzertifikat bis zum 14.06.2027 in den Trust Store Ihrer Clients "
                      f"auf.\n\nAWS-Konto 604411738205\n\nEreignis-ARN: {ARN}\n", date=FEB_2)
    assert notice.notice_type == "health.certificate_rotation"
    assert notice.deadline == "2027-06-14"
