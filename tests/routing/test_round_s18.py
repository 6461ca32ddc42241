"""Session 18's first round, after the first runs of unseen83-86, in our own words (none of these sentences is in a
fixture): a plain-text table aligned with spaces but without a dashed rule under its header (its first line is the
header; its rows are not a hard-wrapped paragraph); a time limit or an end of support as a column head in the other
languages; a list of per-resource dates under the line that introduces it; a certificate's "Not after" field; a
localized start field with its weekday; release dates as facts; a localized recommended apply date; the end of a month
named with its year, and the end of the current month; a period that closes; localized leads ("antes de que acabe el
día", a long zone in parentheses, "自北京时间 D 起"); what will begin to be done from a date; a date a change takes
effect, in a sentence that announced it; localized payment terms counted from the invoice date; a Marketplace version
restricted from a date; a service opted in to; a new monthly charge; an SES verification completed, in Chinese; a
resource ARN written percent-encoded in a console link."""

from __future__ import annotations

from datetime import date

import pytest

from routing.deadline import find_deadline
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SENT = date(2026, 12, 1)


@pytest.mark.parametrize(("table", "expected"), [
    # a window's start, under a head that says so, for an update the paragraph before describes
    ("Cluster        Region       Window start            Window end\n"
     "warehouse-1    eu-west-1    2027-01-14 02:00 UTC    2027-01-14 04:00 UTC\n"
     "warehouse-2    us-east-2    2027-01-12 05:00 UTC    2027-01-12 07:00 UTC\n", "2027-01-12"),
    # a table without a header: its first row names no date column, and no date of it is a deadline
    ("warehouse-1    eu-west-1    2027-01-14 02:00 UTC    2027-01-14 04:00 UTC\n"
     "warehouse-2    us-east-2    2027-01-12 05:00 UTC    2027-01-12 07:00 UTC\n", None),
    # dates the head calls facts
    ("Cluster        Region       Last patched            Created\n"
     "warehouse-1    eu-west-1    2026-11-14 02:00 UTC    2025-01-14\n", None),
])
def test_a_table_aligned_with_spaces_without_a_rule(table: str, expected: str | None) -> None:
    body = (f"A software update will be applied to the clusters below during their maintenance windows; each cluster "
            f"restarts once.\n\n{table}\nEach cluster is back in service when its window ends.\n")
    assert classify(HEALTH, "Amazon Redshift maintenance", f"Hello,\n\n{body}").deadline == expected


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("Amazon ElastiCache: Zertifikatswechsel",
     "Hallo,\n\nfür die folgenden Cluster wird das Serverzertifikat gewechselt:\n\n"
     "Cluster             Angelegt am     Frist\n"
     "cache-sitzungen     2024-03-11      2027-05-31\n", "2027-05-31"),
    ("Amazon ElastiCache: rotación de certificados",
     "Hola:\n\nLos clústeres siguientes deben usar la nueva autoridad de certificación:\n\n"
     "Clúster             Creado          Fecha límite\n"
     "cache-sesiones      2024-03-11      31/05/2027\n", "2027-05-31"),
    ("Amazon ElastiCache : fin du support de Redis 5",
     "Bonjour,\n\nLes clusters suivants utilisent une version qui ne sera plus prise en charge :\n\n"
     "Cluster             Version     Créé le          Fin du support\n"
     "cache-sessions      5.0.6       11/03/2024       31/05/2027\n", "2027-05-31"),
    ("Amazon ElastiCache: fim do suporte",
     "Olá,\n\nOs clusters a seguir usam uma versão que deixará de ter suporte:\n\n"
     "Cluster             Criado em       Prazo\n"
     "cache-sessoes       11/03/2024      31/05/2027\n", "2027-05-31"),
])
def test_a_time_limit_as_a_column_head_in_the_other_languages(subject: str, body: str, expected: str) -> None:
    assert classify(HEALTH, subject, body).deadline == expected


@pytest.mark.parametrize(("link", "expected"), [
    ("https://console.aws.amazon.com/lambda/home?region=eu-west-1#/functions/"
     "arn%3Aaws%3Alambda%3Aeu-west-1%3A660193847725%3Afunction%3Ainvoices", "660193847725"),
    # an SNS topic's, as in plain text, names the topic's owner: not taken
    ("https://console.aws.amazon.com/sns/v3/home#/topic/arn%3Aaws%3Asns%3Aeu-west-1%3A660193847725%3Aalerts", None),
])
def test_a_resource_arn_written_percent_encoded_in_a_link(link: str, expected: str | None) -> None:
    text = f"A function in your account uses a runtime that reaches end of support.\n\nOpen it: {link}\n"
    assert extract_identifiers("AWS Lambda runtime end of support", text).aws_account_id == expected


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("Amazon EC2 instance retirement",
     "The hosts of the instances below are failing, and the instances are scheduled for retirement:\n\n"
     "- i-0f1e2d3c4b5a69788: January 20, 2027\n- i-0a1b2c3d4e5f60718: January 13, 2027\n\n"
     "Stop and start each one before its date.", "2027-01-13"),
    ("Retrait d'instances Amazon EC2",
     "Les instances suivantes seront mises hors service :\n\n"
     "• i-0f1e2d3c4b5a69788 — 20 janvier 2027\n• i-0a1b2c3d4e5f60718 — 13 janvier 2027\n", "2027-01-13"),
    ("Amazon MemoryDB Wartung",
     "Auf den Knoten Ihres Clusters wird ein Sicherheitsupdate installiert. Jeder Knoten startet in seinem Fenster "
     "neu:\n\nKnoten 0002: Freitag, 15. Januar 2027, 03:00–04:00 UTC\n"
     "Knoten 0001: Donnerstag, 14. Januar 2027, 03:00–04:00 UTC\n", "2027-01-14"),
    ("Amazon MemoryDB メンテナンス",
     "クラスターのノードにセキュリティ更新を適用します。各ノードは次の時間帯に再起動します。\n\n"
     "ノード 0001: 2027年1月14日(木) 03:00-04:00 UTC\nノード 0002: 2027年1月15日(金) 03:00-04:00 UTC\n",
     "2027-01-14"),
    # what was found, and a field that names no resource, are no list of per-resource deadlines
    ("Amazon EC2 events", "We detected the following events on your instances:\n\n- i-0f1e2d3c4b5a69788: January "
     "20, 2027\n", None),
])
def test_a_list_of_per_resource_dates(subject: str, body: str, expected: str | None) -> None:
    assert classify(HEALTH, subject, f"Hello,\n\n{body}").deadline == expected


def test_a_field_line_under_a_list_intro_names_no_resource() -> None:
    body = ("An informational notice about the network device that serves your connection. The maintenance window:\n\n"
            "- Start: Wed, 13 Jan 2027 06:00 UTC\n- End: Wed, 13 Jan 2027 08:00 UTC\n\n"
            "No action is required on your part.\n")
    assert classify(HEALTH, "AWS Direct Connect maintenance", f"Hello,\n\n{body}").deadline is None


def test_a_certificates_not_after_field() -> None:
    text = ("ACM could not renew the certificate below.\n\nIssued .......... January 4, 2026\n"
            "Not after ....... January 3, 2027 23:59:59 UTC\n")
    assert find_deadline(text, SENT, "health.certificate_rotation") == "2027-01-03"


@pytest.mark.parametrize(("field", "expected"), [
    ("Janela de manutenção\n  Início:  quinta-feira, 14/01/2027, 02:00 (horário de Brasília)\n"
     "  Término: quinta-feira, 14/01/2027, 04:00 (horário de Brasília)\n", "2027-01-14"),
    # an English Health header's start time is when the event began, not a window's start
    ("Service: LAMBDA\nRegion: eu-west-1\nStart time: Thu, 14 Jan 2027 02:00:00 GMT\n", None),
])
def test_a_start_field_with_its_weekday(field: str, expected: str | None) -> None:
    body = f"{field}\nAs conexões dos clientes serão encerradas uma vez durante a janela.\n"
    assert find_deadline(body, SENT, "health.scheduled_maintenance") == expected


def test_a_release_date_is_a_fact_and_a_localized_recommended_apply_date_asks() -> None:
    body = ("Uma nova atualização de serviço está disponível para os seus clusters.\n\nResumo: Gravidade: alta, "
            "Data de aplicação recomendada pela AWS: 2027-01-20 23:59:59 UTC, Atualização automática após a data: sim, "
            "Data de lançamento: 2026-11-30\n")
    notice = classify(HEALTH, "Atualização de serviço do Amazon Neptune", f"Olá,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2027-01-20")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Please move your notebooks to the new runtime before the end of February 2027.", "2027-02-28"),
    ("The runtime reaches end of life on the last day of April 2027.", "2027-04-30"),
    ("Le recomendamos migrar antes de fin de marzo de 2027.", "2027-03-31"),
    ("Migrieren Sie bitte bis Ende Januar 2027.", "2027-01-31"),
])
def test_the_end_of_a_month_named_with_its_year(sentence: str, expected: str) -> None:
    assert find_deadline(sentence, SENT, "health.end_of_support") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Please confirm your tax registration by the end of this month.", "2026-12-31"),
    ("Ti chiediamo di confermare il codice fiscale entro la fine del mese corrente.", "2026-12-31"),
])
def test_the_end_of_the_current_month(sentence: str, expected: str) -> None:
    assert find_deadline(sentence, SENT, "billing.other") == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The review window closes 8 January 2027. If the rate is still high then, sending may be paused.", "2027-01-08"),
    ("Renueve el plan antes de que acabe el día 9 de enero de 2027.", "2027-01-09"),
    ("Se non verrà risolto entro le 17:00 (ora solare dell'Europa centrale) di lunedì 11 gennaio 2027, l'invio "
     "potrebbe essere sospeso.", "2027-01-11"),
    ("自北京时间 2027年1月12日（星期二）08:00 起，终端节点将出示新证书。", "2027-01-12"),
    ("As part of routine upkeep, the service will begin replacing tasks that run on older revisions from Wed, 13 Jan "
     "2027 18:00 GMT.", "2027-01-13"),
    ("On November 20, 2026, we announced a new hourly charge for each idle endpoint, effective Feb 1st, 2027.",
     "2027-02-01"),
])
def test_localized_and_english_leads(sentence: str, expected: str) -> None:
    assert find_deadline(sentence, SENT, "health.other") == expected


@pytest.mark.parametrize("terms", [
    "Le paiement doit nous parvenir au plus tard quarante-cinq (45) jours après la date de facture.",
    "El pago vence 45 días después de la fecha de la factura.",
])
def test_localized_payment_terms_counted_from_the_invoice_date(terms: str) -> None:
    body = f"Date de facture : 1 décembre 2026\nFecha de factura: 1 de diciembre de 2026\n\n{terms}\n"
    notice = classify("invoicing@aws.com", "Facture Amazon Web Services", f"Bonjour,\n\n{body}")
    assert notice.deadline == "2027-01-15"


def test_a_marketplace_version_restricted_from_a_date() -> None:
    body = ("The seller of a product your account subscribes to restricts one of its versions.\n\n"
            "Version: 2.4.0\nRestriction announced: 2026-11-30T09:00:00Z\n"
            "Restriction effective: 2027-01-15T00:00:00Z\n\n"
            "From then on, you can no longer launch new instances from this version.\n")
    notice = classify("no-reply@marketplace.aws", "AWS Marketplace: a version will be restricted", f"Hello,\n\n{body}")
    assert (notice.notice_type, notice.deadline) == ("marketplace.subscription", "2027-01-15")


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("Amazon DevOps Guru is now set up for your account",
     "Thank you for opting in to Amazon DevOps Guru. It has started to analyse your resources.",
     "onboarding.service_setup"),
    ("Upcoming charge for idle NAT gateways",
     "We are introducing a new hourly charge for each NAT gateway that has been idle for 30 days, effective "
     "February 1, 2027.", "policy.change_notice"),
    (None, "Amazon SES 已完成网域 shop.example 在「亚太区域 (大阪)」的验证。从现在起，您可以使用此网域寄送电子邮件。",
     "ses.identity_verified"),
])
def test_types_in_new_words(subject: str | None, body: str, expected: str) -> None:
    assert classify(GENERAL, subject, body).notice_type == expected
