"""Session 20's third round, in our own words (none of these sentences is in a fixture): types. A German statement
("Abrechnung") that is no invoice; a Portuguese "extrato de faturação"; a French root sign-in from one unusual place; a
security notice that says in passing that AWS opened a case, beside the case mail itself; unusual sign-ins named in
the subject; a request to update tax settings that mentions the invoices they govern; a phrase split by a plain-text
paragraph's hard wrap."""

from __future__ import annotations

from tests.routing.mailbuild import classify

INVOICING = "invoicing@aws.com"
GENERAL = "no-reply-aws@amazon.com"


def test_a_german_statement_is_no_invoice() -> None:
    body = ("Ihre Abrechnung für Amazon Web Services für den Monat März 2027 steht jetzt in der AWS-Abrechnungskonsole "
            "bereit.\nVerknüpftes Konto: 2203 1104 9905\nZahlungskonto: 6607 8808 9909\n")
    notice = classify(INVOICING, "Amazon Web Services – Ihre Abrechnung", f"Guten Tag,\n\n{body}")
    assert notice.notice_type == "billing.statement"


def test_a_portuguese_extrato_de_faturacao() -> None:
    body = ("O extrato de faturação de abril de 2027 da conta AWS 220311049905 já pode ser consultado na consola.\n"
            "Total: 88,10 EUR\n")
    notice = classify(INVOICING, "Extrato de faturação disponível", f"Caro cliente,\n\n{body}")
    assert notice.notice_type == "billing.statement"


def test_a_french_root_sign_in_from_one_unusual_place() -> None:
    body = ("Nous avons constaté une connexion à l'utilisateur racine de votre compte AWS depuis un endroit inhabituel "
            "le 4 avril 2027. Changez le mot de passe si ce n'était pas vous.\n")
    notice = classify("no-reply@amazonaws.com", None, f"Bonjour,\n\n{body}")
    assert notice.notice_type == "security.root_review"


def test_a_security_notice_that_mentions_the_case_aws_opened() -> None:
    body = ("The access key AKIA****************Q2WE of IAM user build-bot is publicly available online. We also "
            "opened support case 17790011223 on your behalf. Rotate the key and reply to the case.\n")
    notice = classify(GENERAL, "Your AWS access key is exposed", f"Hello,\n\n{body}")
    assert notice.notice_type == "security.exposed_credentials"
    case = ("Amazon Web Services has opened case 17790011224 on your behalf.\nSubject: an exposed access key in "
            "your account\nPlease reply to the case once the key is rotated.\n")
    assert classify(GENERAL, "New Support case: 17790011224", f"Hello,\n\n{case}").notice_type \
        == "support.case_opened_by_aws"


def test_unusual_sign_ins_named_in_the_subject() -> None:
    body = ("We saw console sign-ins to this account from networks it has never used, followed by new IAM roles.\n"
            "Review the activity and reply by 9 April 2027.\n")
    notice = classify(GENERAL, "[Action Required] Unusual console sign-ins in your AWS account", f"Hello,\n\n{body}")
    assert notice.notice_type == "security.suspicious_activity"


def test_a_request_to_update_tax_settings_is_no_invoice() -> None:
    body = ("A conta AWS 220311049905 não tem inscrição estadual nas configurações fiscais. Sem ela, as próximas "
            "notas fiscais não poderão ser emitidas. Atualize-a até 15/06/2027.\n")
    notice = classify("aws-billing@amazon.com", "Atualize as configurações fiscais da sua conta", f"Olá,\n\n{body}")
    assert notice.notice_type == "billing.other"


def test_a_phrase_split_by_a_hard_wrap() -> None:
    body = ("One of the TLS server certificates that your Network Load Balancers in eu-west-1 present to\n"
            "clients expires soon, and it cannot be renewed automatically by us. Import a new one before then.\n")
    notice = classify(GENERAL, "Certificate notice", f"Hello,\n\n{body}")
    assert notice.notice_type == "health.certificate_rotation"
