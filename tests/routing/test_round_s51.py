"""Session 51, in our own words (none of these sentences is in a fixture), about the fictitious Amazon Quokka. Round
127 (measured only in session 50, tuned on since): a plan's term written as a range ("D1 - D2") in a mail that asks
to act "before the end date" ends on the range's last day, the deadline of a commitment's expiry; a maintenance window
"cancelled and replaced" (or rescheduled) by a new one is moved, not cancelled: the new window keeps its date; an update
of the underlying hardware is a maintenance, not a retirement, in every language that names the hardware so; a CA
certificate said to expire ("arrive à expiration"), or named a CA certificate, is a certificate rotation. Round 128: a
trust store to rotate, or a certificate authority that "will be replaced", is a certificate rotation; a Chinese update
of the Customer Agreement whose title stands in brackets (《…》) is a policy change, and one that needs nothing
("無須採取任何行動") has no deadline; a Chinese payment "未成功", or a charge AWS could not take, is a failed
payment; a mail from outside AWS that forwards an AWS mail is read with the family of the sender its forwarded block
names (for its type only: it stays unauthenticated). Round 129: a link to follow by a date ("Clique no link abaixo
até D", "Haga clic … antes del D") is a date to act by; a mail "writing to tell you about a change" is a policy
change; "Once D has passed" leads a date as "after D" does. Round 130 (measured only at first, tuned on after): a
maintenance that "needs nothing from you" has no deadline; a masked IBAN ("Konto DE44 **** **** **** 7781") is no
masked AWS account; a date "published on" before is no fact of the date a price starts; a request to close an account
is no Support case."""

from __future__ import annotations

from datetime import datetime
from email.utils import format_datetime

from routing.authenticate import AwsDomains, authenticate
from routing.dns import StaticResolver
from routing.forwarded import forwarded_sender
from routing.parse import parse_mail
from routing.redact import render
from routing.taxonomy import default_taxonomy
from tests.routing.mailbuild import build, classify

HEALTH = "health@aws.com"
COST_ALERTS = "no-reply@costalerts.amazonaws.com"
MARKETING = "aws-marketing-email-replies@amazon.com"
INVOICING = "invoicing@aws.com"
REGISTRAR = "noreply@registrar.amazon.com"
NO_REPLY = "no-reply-aws@amazon.com"
COLLEAGUE = "kim.berger@quokka-burrows.example"
MAR_3 = format_datetime(datetime.fromisoformat("2027-03-03T09:00:00+00:00"))


def test_a_terms_range_ends_on_its_last_day_when_the_mail_asks_to_act_before_the_end_date() -> None:
    body = ("Hello,\n\nA Quokka Savings Plan in account 305518842290 ends soon.\n\n"
            "Plan: 7b2c | Quokka Compute | Oct 2, 2024 - Oct 2, 2027\n\n"
            "Buy a new plan before the end date to keep the discounted rate.\n\nAWS Cost Management")
    notice = classify(COST_ALERTS, "Your Quokka Savings Plan ends soon", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("cost.commitment_expiry", "2027-10-02")


def test_a_terms_range_in_french_ends_on_its_last_day() -> None:
    body = ("Bonjour,\n\nUn Savings Plan Quokka du compte 305518842290 arrive à son terme.\n\n"
            "Période : 2 octobre 2024 - 2 octobre 2027\n\n"
            "Achetez un nouveau plan avant la date de fin pour conserver le tarif réduit.\n\nAWS Cost Management")
    notice = classify(COST_ALERTS, "Votre Savings Plan Quokka arrive à son terme", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("cost.commitment_expiry", "2027-10-02")


def test_a_terms_range_without_an_ask_before_its_end_gives_no_date() -> None:
    # the guard: a term stated, nothing asked before it ends
    body = ("Hello,\n\nYour Quokka Savings Plan in account 305518842290 was renewed.\n\n"
            "Plan: 7b2c | Quokka Compute | Oct 2, 2027 - Oct 2, 2030\n\nAWS Cost Management")
    notice = classify(COST_ALERTS, "Your Quokka Savings Plan was renewed", body, date=MAR_3)
    assert notice.deadline is None


def test_a_window_cancelled_and_replaced_keeps_the_new_windows_date() -> None:
    body = ("Hello,\n\nEvent ARN: arn:aws:health:us-east-1::event/QUOKKA/AWS_QUOKKA_MAINTENANCE_SCHEDULED/"
            "AWS_QUOKKA_1\n\n"
            "We planned to patch your Quokka burrows on March 10, 2027. That window was cancelled and replaced "
            "by a new one.\n\nNew window: March 24, 2027 02:00-04:00 UTC\n\nEach burrow restarts once during the "
            "window; you can restart it yourself before the new window starts on March 24, 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Quokka maintenance rescheduled", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-24")


def test_a_window_cancelled_and_rescheduled_in_spanish_keeps_the_new_date() -> None:
    body = ("Hola:\n\nEvent ARN: arn:aws:health:us-east-1::event/QUOKKA/AWS_QUOKKA_MAINTENANCE_SCHEDULED/AWS_QUOKKA_2"
            "\n\nEl mantenimiento de sus madrigueras Quokka del 10 de marzo de 2027 fue cancelado y reprogramado.\n\n"
            "Nueva ventana: 24 de marzo de 2027, 02:00-04:00 UTC\n\nCada madriguera se reiniciará una vez; puede "
            "reiniciarlas usted mismo antes del 24 de marzo de 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "Mantenimiento de Quokka reprogramado", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-03-24")


def test_a_window_cancelled_outright_still_has_no_deadline() -> None:
    # the guard: cancelled, nothing replaces it
    body = ("Hello,\n\nEvent ARN: arn:aws:health:us-east-1::event/QUOKKA/AWS_QUOKKA_MAINTENANCE_SCHEDULED/"
            "AWS_QUOKKA_3\n\n"
            "The maintenance of your Quokka burrows planned for March 24, 2027 has been cancelled. "
            "No action is needed.\n\nAmazon Web Services")
    notice = classify(HEALTH, "Quokka maintenance cancelled", body, date=MAR_3)
    assert notice.deadline is None


def test_an_italian_update_of_the_underlying_hardware_is_a_maintenance() -> None:
    body = ("Salve,\n\nle tane Quokka del suo account 305518842290 richiedono un aggiornamento dell'hardware "
            "sottostante.\n\nPuò riavviarle entro il 18 marzo 2027; in caso contrario verranno riavviate durante la "
            "finestra di manutenzione del 19 marzo 2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[AWS Health] Manutenzione pianificata per Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"


def test_a_german_update_of_the_underlying_hardware_is_a_maintenance() -> None:
    body = ("Hallo,\n\nIhre Quokka-Baue im Konto 305518842290 benötigen eine Aktualisierung der zugrunde liegenden "
            "Hardware.\n\nSie können sie bis zum 18. März 2027 selbst neu starten; andernfalls werden sie im "
            "Wartungsfenster am 19. März 2027 neu gestartet.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[AWS Health] Geplante Wartung für Amazon Quokka", body, date=MAR_3)
    assert notice.notice_type == "health.scheduled_maintenance"


def test_degraded_underlying_hardware_is_still_a_retirement() -> None:
    # the guard: the hardware that hosts the instance degraded, the instance retired
    body = ("Salve,\n\nabbiamo rilevato un degrado dell'hardware sottostante che ospita la sua istanza "
            "i-0a1b2c3d4e5f60718 del suo account 305518842290. L'istanza verrà ritirata il 19 marzo 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "[AWS Health] Avviso Amazon EC2", body, date=MAR_3)
    assert notice.notice_type == "health.instance_retirement"


def test_a_french_ca_certificate_that_reaches_its_expiry_is_a_certificate_rotation() -> None:
    body = ("Bonjour,\n\nLe certificat d'autorité (CA) quokka-ca-2019 qu'utilisent vos terriers Amazon Quokka du "
            "compte AWS 305518842290 arrive à expiration.\n\nInstallez le nouveau paquet de certificats dans le "
            "magasin de confiance de vos applications avant le 15 avril 2027.\n\nAmazon Web Services")
    notice = classify(HEALTH, "[Action requise] Amazon Quokka", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-04-15")


def test_a_spanish_ca_certificate_named_so_is_a_certificate_rotation() -> None:
    body = ("Hola:\n\nSus madrigueras Amazon Quokka de la cuenta AWS 305518842290 usan todavía el certificado CA "
            "quokka-ca-2019.\n\nActualice sus aplicaciones al nuevo paquete antes del 15 de abril de 2027.\n\n"
            "Amazon Web Services")
    notice = classify(HEALTH, "[Acción requerida] Amazon Quokka", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-04-15")


def test_a_trust_store_to_rotate_is_a_certificate_rotation() -> None:
    body = ("What changes\nThe certificate authority that signs the Amazon Quokka endpoints will be replaced.\n\n"
            "What to do\nUpdate the trust store of each burrow client before May 4th, 2027.\n\n"
            "Account: 305518842290")
    notice = classify(HEALTH, "[Action Required] Rotate the trust store of Amazon Quokka clients", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.certificate_rotation", "2027-05-04")


def test_a_certificate_authority_that_will_be_replaced_is_a_certificate_rotation_without_a_subject() -> None:
    body = ("Hello,\n\nThe certificate authority that issues the Amazon Quokka server certificates will be replaced on "
            "May 4, 2027. Clients that pin it must trust the new one by then.\n\nAmazon Web Services")
    assert classify(HEALTH, None, body, date=MAR_3).notice_type == "health.certificate_rotation"


def test_a_chinese_customer_agreement_update_with_its_title_in_brackets_is_a_policy_change() -> None:
    body = ("您好，\n\nAWS 已修訂《AWS 客戶協議》，新版本將於 2027年5月1日生效。您無須採取任何行動。\n\n"
            "Amazon Web Services")
    assert classify(MARKETING, None, body, date=MAR_3).notice_type == "policy.change_notice"


def test_a_chinese_terms_update_that_needs_nothing_written_with_wu_xu_has_no_deadline() -> None:
    # (无须/無須 as 无需 says it: the date the terms apply is no deadline of the reader's)
    body = ("您好，\n\nAWS 已更新《AWS 服務條款》中 Amazon Quokka 的條款，並自 2027年5月1日起生效。您無須採取任何行動。"
            "\n\nAmazon Web Services")
    notice = classify(MARKETING, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", None)


def test_a_chinese_payment_that_did_not_succeed_is_a_failed_payment() -> None:
    body = ("您好：\n\n我們無法向您的付款方式收取 AWS 帳戶 305518842290 的 Quokka 費用。\n\n發票日期：2027年3月2日\n"
            "應付金額：USD 48.10\n\nAmazon Web Services")
    assert classify(INVOICING, "AWS 付款未成功", body, date=MAR_3).notice_type == "billing.payment_failed"


def test_a_chinese_invoice_stays_an_invoice() -> None:
    # the guard: an invoice, nothing failed
    body = "您好：\n\nAWS 帳戶 305518842290 的發票已可供檢視。\n\n發票日期：2027年3月2日\n\nAmazon Web Services"
    assert classify(INVOICING, "AWS 發票", body, date=MAR_3).notice_type == "billing.invoice"


FORWARDED_INVOICE = ("Hallo Jonas,\n\nzur Ablage.\n\nGruß Kim\n\n-------- Weitergeleitete Nachricht --------\n"
                     "Betreff: Ihre AWS-Rechnung\nDatum: 2. März 2027\nVon: Amazon Web Services <invoicing@aws.com>\n\n"
                     "Ihre Rechnung für das AWS-Konto 305518842290 liegt vor.\n\nRechnungsnummer: QUOKKA27-0042\n")


def test_a_forwarded_invoice_is_read_with_its_original_senders_family() -> None:
    notice = classify(COLLEAGUE, "WG: Ihre AWS-Rechnung", FORWARDED_INVOICE, date=MAR_3)
    assert (notice.notice_type, notice.aws_account_id) == ("billing.invoice", "305518842290")


def test_a_forwarded_block_that_names_no_aws_sender_leaves_the_mail_unplaced() -> None:
    # the guard: the same words forwarded from a non-AWS address
    body = FORWARDED_INVOICE.replace("invoicing@aws.com", "rechnung@quokka-burrows.example")
    assert classify(COLLEAGUE, "WG: Ihre Rechnung", body, date=MAR_3).notice_type == "unknown"


def test_the_forwarded_sender_is_the_first_from_line_after_the_blocks_marker() -> None:
    assert forwarded_sender(FORWARDED_INVOICE) == "invoicing@aws.com"
    # (a From line without a forward marker above it is no forwarded block; nor one far below its marker)
    assert forwarded_sender("Von: Amazon Web Services <invoicing@aws.com>\nIhre Rechnung") is None
    assert forwarded_sender("---------- Forwarded message ---------\n" + "x\n" * 400 + "From: health@aws.com\n") is None
    assert forwarded_sender("________________________________\n差出人: AWS <no-reply@costalerts.amazonaws.com>\n") \
        == "no-reply@costalerts.amazonaws.com"


def test_a_portuguese_link_to_follow_by_a_date_is_the_date_to_act_by() -> None:
    body = ("Olá,\n\nAtualizamos o domínio quokka-toca.com.br na conta da AWS 305518842290 em 03/03/2027. "
            "Precisamos confirmar o e-mail do registrante.\n\nClique no link abaixo até 19/03/2027 (sexta-feira). "
            "Caso contrário, o domínio será suspenso.\n\nhttps://route53domains.example/verify?t=q\n\nAmazon Route 53")
    notice = classify(REGISTRAR, "Verifique o e-mail do registrante de quokka-toca.com.br", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("verification.route53_registrant", "2027-03-19")


def test_a_spanish_link_to_follow_by_a_date_is_the_date_to_act_by() -> None:
    body = ("Hola:\n\nActualizamos el dominio quokka-madriguera.es de la cuenta 305518842290 el 03/03/2027.\n\n"
            "Haga clic en el enlace antes del 19/03/2027 para confirmar el correo del titular.\n\n"
            "https://route53domains.example/verify?t=q\n\nAmazon Route 53")
    notice = classify(REGISTRAR, "Confirme el correo del titular de quokka-madriguera.es", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("verification.route53_registrant", "2027-03-19")


def test_a_mail_writing_to_tell_you_about_a_price_change_is_a_policy_change_dated_by_its_start() -> None:
    body = ("Dear AWS customer,\n\nWe are writing to tell you about a change to Amazon Quokka pricing.\n\n"
            "Starting June 1, 2027, Quokka will charge $0.002 per burrow-hour for idle burrows, which are free "
            "today.\n\nAmazon Web Services")
    notice = classify(MARKETING, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-06-01")


def test_once_a_date_has_passed_leads_the_date_as_after_does() -> None:
    body = ("Dear Amazon EC2 Customer,\n\nThe host of your Quokka instance i-0abc1234def567890 in account "
            "305518842290 has degraded. Once 2027-03-21 00:00 UTC has passed, the instance will be terminated.\n\n"
            "Amazon Web Services")
    notice = classify(NO_REPLY, "[Retirement Notification] Amazon EC2 Instance scheduled for retirement", body,
                      date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.instance_retirement", "2027-03-21")


def test_a_forged_forward_of_an_aws_invoice_stays_unverified_and_its_customer_text_withheld() -> None:
    # the attacker's view: a mail from outside AWS whose "forwarded" block names invoicing@aws.com is read as an
    # invoice (its type), yet its authenticity is its own sender's, and nothing of it reaches a customer
    body = FORWARDED_INVOICE + "\nBitte zahlen Sie an IBAN DE00 1234.\n"
    raw = build(COLLEAGUE, "WG: Ihre AWS-Rechnung", body, date=MAR_3)
    parsed = parse_mail(raw)
    notice = classify(COLLEAGUE, "WG: Ihre AWS-Rechnung", body, date=MAR_3)
    verdict = authenticate(parsed, raw, lookup=StaticResolver({}),
                           aws_domains=AwsDomains.of(default_taxonomy().aws_sender_domains))
    assert notice.notice_type == "billing.invoice" and verdict.verdict != "pass"
    rendering = render(parsed, notice, verdict, raw=raw)
    assert rendering.customer_text is None and rendering.withheld_reason is not None


def test_a_maintenance_that_needs_nothing_from_the_reader_has_no_deadline() -> None:
    body = ("Hello,\n\nAmazon Quokka will patch the burrow b-77 of your AWS account 305518842290 during its "
            "maintenance window on Sunday, March 21, 2027. The patch is applied by AWS and needs nothing from you. "
            "Single burrows may restart once.\n\nAmazon Web Services")
    notice = classify(HEALTH, None, body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", None)


def test_a_masked_iban_does_not_hide_the_account_the_invoice_names() -> None:
    body = ("Sehr geehrte Kundin, sehr geehrter Kunde,\n\nfür das AWS-Konto 3055-1884-2290 steht eine neue Rechnung "
            "bereit.\n\nRechnungsnummer: QUOKKA27-0099\n\nDer Betrag wird per SEPA-Lastschrift von dem hinterlegten "
            "Konto DE44 **** **** **** 7781 eingezogen.\n\nAmazon Web Services EMEA SARL")
    notice = classify(INVOICING, "Ihre Rechnung von Amazon Web Services ist verfügbar", body, date=MAR_3)
    assert (notice.notice_type, notice.aws_account_id) == ("billing.invoice", "305518842290")


def test_an_account_written_masked_still_tells_another_named_account_apart() -> None:
    # the guard: the reader's account masked, another one named in full
    body = ("Hello,\n\nYour AWS account ****-****-7781 received a request from account 305518842290 to share Quokka "
            "burrows.\n\nAmazon Web Services")
    assert classify(NO_REPLY, "Quokka sharing request", body, date=MAR_3).aws_account_id is None


def test_a_date_published_before_is_no_fact_of_the_date_a_price_starts() -> None:
    body = ("Hello,\n\nThis message tells you about a pricing change. Starting Sep 1st, 2027, Quokka burrow hours will "
            "be billed per tier, replacing the single rate published on April 30, 2027 on our pricing page.\n\n"
            "Amazon Web Services")
    notice = classify(MARKETING, "Upcoming change to Amazon Quokka pricing", body, date=MAR_3)
    assert (notice.notice_type, notice.deadline) == ("policy.change_notice", "2027-09-01")


def test_a_request_to_close_an_account_quoted_below_its_closure_is_no_support_case() -> None:
    body = ("Hello,\n\nAs requested, your AWS account 305518842290 was closed on March 3, 2027.\n\n"
            "----- Earlier message -----\nSubject: We received your request to close an AWS account\n"
            "We received a request to close account 305518842290.\n\nAmazon Web Services")
    notice = classify(NO_REPLY, "Your AWS account 305518842290 has been closed", body, date=MAR_3)
    assert notice.notice_type == "account.closed"


def test_a_support_case_received_stays_a_case() -> None:
    # the guard: the reader's own case received
    body = ("Hello,\n\nWe received your support case 17740012345 about Amazon Quokka burrow limits. An engineer will "
            "reply soon.\n\nAmazon Web Services Support")
    assert classify("no-reply-aws@amazon.com", "Case 17740012345 received", body, date=MAR_3).notice_type \
        == "support.case_opened"
