"""Evidence scoring (routing/evidence.py): the evidence file's validation, the threshold and margin, and mail in our
own words that no specific notice rule places, which the cues spread over the whole mail do. Every placed case is
also classified without the evidence: there it gets the family's (or a catch-all's) fallback type, so each case
fails without the scorer."""

from __future__ import annotations

import pytest

from routing.classify import NoticeClassifier
from routing.evidence import EvidenceError, default_evidence, parse_evidence
from routing.notices import MailView
from routing.parse import parse_mail
from tests.routing.mailbuild import build

WITH = NoticeClassifier()
WITHOUT = NoticeClassifier(evidence=None)

HEALTH = "health@aws.com"
GENERAL = "no-reply-aws@amazon.com"
SUPPORT = "no-reply-support@amazon.com"
SIGNIN = "no-reply@signin.aws"

# (sender, subject, body, the type the evidence places it in)
PLACED = [
    # an end of support, without the words "end of support": a service discontinued, a version to leave
    (HEALTH, None,
     "Hello,\n\nAfter a review of usage, AWS will discontinue Amazon Lookout for Widgets on 30 June 2027. Accounts "
     "that use version 2 of the detector API (account 301928475610) should migrate their projects before then.\n",
     "health.end_of_support"),
    (HEALTH, None,
     "AWS는 2027년 6월 30일에 Amazon Lookout for Widgets 서비스 제공을 종료합니다. "
     "계정 301928475611의 프로젝트를 그 전에 다른 버전으로 마이그레이션하십시오.\n",
     "health.end_of_support"),
    # a policy change: a new charge that starts, a default that changes
    (GENERAL, None,
     "Hola,\n\nA partir del 1 de mayo de 2027, se cobrarán las instantáneas archivadas de la cuenta "
     "441920385716 que superen los 90 días.\n\nAmazon Web Services\n",
     "policy.change_notice"),
    (GENERAL, "Amazon ECR",
     "Die Standardeinstellung für neue Repositorys im Konto 551029384716 wird sich ab dem 15. April 2027 ändern: "
     "Tags sind dann unveränderlich.\n",
     "policy.change_notice"),
    (GENERAL, None, "从 2027年3月1日 起，账户 661029384751 中的 Glue 爬网程序运行将按分钟计费。\n",
     "policy.change_notice"),
    # a root MFA device removed, worded for the sign-in sender
    (SIGNIN, None,
     "A chave de segurança (MFA) do usuário raiz foi removida da conta 771029384756. Se não foi você, entre em "
     "contato com a AWS.\n",
     "credentials.mfa_deactivated"),
    # a reply on a Support case, from the Support sender, in words the case rules do not read
    (SUPPORT, None,
     "Dear customer,\n\nThe engineer assigned to your case 17293048561 has responded with a few questions about "
     "the throttling you see. Reply from the AWS Support Center so that we can continue.\n",
     "support.case_correspondence"),
]

# families no rule of the general sender placed before the second set of cues (abuse, an exposed key, a cost anomaly)
PLACED += [
    (GENERAL, None,
     "Hallo, wir haben eine Beschwerde erhalten: Von Ihrer Instanz i-0abc1234def567890 im Konto 301928475630 "
     "ausgehend wurde ein Portscan gegen fremde Hosts festgestellt. Bitte beheben Sie das.\n", "abuse.report"),
    (GENERAL, None,
     # (wording no rule reads: "was seen on a public website" is a rule's since session 57)
     "The access key AKIAIOSFODNN7EXAMPL3 of account 301928475631 turned up on a public website. Delete it and "
     "create a new one.\n", "security.exposed_credentials"),
    (GENERAL, None,
     "Wir haben ungewöhnliche Ausgaben im Konto 301928475634 festgestellt: Die Kosten für Amazon SageMaker liegen "
     "240 % über dem Erwartungswert.\n", "cost.anomaly"),  # ('Erwartungswert' holds no 'Wartung', maintenance)
]

# (sender, subject, body, the type it keeps): too little evidence, or evidence split between two types
KEPT = [
    (HEALTH, None,
     "The KMS key 1234abcd-12ab-34cd-56ef-1234567890ab in account 301928475610 is scheduled for deletion on "
     "9 January 2027. Cancel the deletion if the key is still in use.\n",
     "health.other"),
    (GENERAL, None,
     "Thank you for contacting us. Your tax registration number for account 401928374651 was saved.\n",
     "billing.other"),  # a catch-all rule's type ('tax'), which no cue group outweighs
]


def _classify(classifier: NoticeClassifier, sender: str, subject: str | None, body: str) -> str:
    return classifier.classify(parse_mail(build(sender, subject, body))).notice_type


@pytest.mark.parametrize(("sender", "subject", "body", "want"), PLACED,
                         ids=[f"{case[3]}-{index}" for index, case in enumerate(PLACED)])
def test_evidence_places_mail_no_specific_rule_placed(sender: str, subject: str | None, body: str,
                                                      want: str) -> None:
    assert _classify(WITH, sender, subject, body) == want
    fallback = _classify(WITHOUT, sender, subject, body)
    assert fallback != want and fallback.endswith(".other"), fallback  # the scorer made the difference


def test_erwartung_is_no_maintenance() -> None:
    body = "Die Kosten des Kontos 301928475637 liegen über dem Erwartungswert; Einzelheiten in der Konsole.\n"
    assert _classify(WITHOUT, GENERAL, "Kostenhinweis", body) != "health.scheduled_maintenance"


@pytest.mark.parametrize(("sender", "subject", "body", "want"), KEPT, ids=[case[3] for case in KEPT])
def test_weak_evidence_keeps_the_fallback(sender: str, subject: str | None, body: str, want: str) -> None:
    assert _classify(WITH, sender, subject, body) == want


def test_a_specific_rule_is_never_overridden() -> None:
    body = ("To reset your password, use this link: https://signin.aws.amazon.com/resetpassword?token=abc. AWS will "
            "discontinue support for version 1 of the console; upgrade your browser.\n")
    assert _classify(WITH, SIGNIN, "Password assistance", body) == "credentials.password_reset"


def test_mail_not_from_aws_is_never_placed() -> None:
    body = "AWS will discontinue Amazon Lookout for Widgets; migrate version 2 before 30 June 2027.\n"
    raw = build(HEALTH, None, body).replace(b"health@aws.com", b"health@aws-notices.example")
    assert WITH.classify(parse_mail(raw)).notice_type == "unknown"


def test_a_placed_mail_keeps_the_deadline_its_fallback_would_have_had() -> None:
    body = ("A partir del 12 de marzo de 2027, las nuevas tablas de la cuenta 519203847762 se crearán con el cifrado "
            "habilitado de forma predeterminada. Actualice sus plantillas antes de esa fecha.\n")
    notice = WITH.classify(parse_mail(build(GENERAL, None, body)))
    assert notice.notice_type == "policy.change_notice"
    assert notice.deadline == "2027-03-12"


def _view(text: str, family: str = "general") -> MailView:
    return MailView.of("x@amazon.com", "", "", text, (), family=family)


def test_threshold_and_margin() -> None:
    evidence = parse_evidence("""
threshold: 4
margin: 2
types:
  health.end_of_support:
    families: [health]
    cues:
      - {name: eos, weight: 3, text: ['end of support']}
      - {name: upgrade, weight: 1, text: ['upgrade']}
  health.scheduled_maintenance:
    families: [health]
    cues:
      - {name: maintenance, weight: 3, text: ['maintenance']}
""", "test.yaml")
    assert evidence.place(_view("end of support; upgrade", "health")).type == "health.end_of_support"
    assert evidence.place(_view("end of support", "health")) is None  # below the threshold
    assert evidence.place(_view("end of support; upgrade; maintenance", "health")) is None  # leads by 1 only
    assert evidence.place(_view("end of support; upgrade", "billing")) is None  # a family that does not send it
    assert evidence.place(_view("end of support; upgrade", "")) is None  # not from an AWS address
    verdict = evidence.place(_view("end of support; upgrade", "health"))
    assert verdict is not None and verdict.reason == "evidence health.end_of_support (score 4: eos, upgrade)"


@pytest.mark.parametrize(("text", "problem"), [
    ("types: {nope.type: {families: [health], cues: [{name: a, weight: 1, text: ['x']}]}}", "not a notice type"),
    ("types: {health.other: {families: [helth], cues: [{name: a, weight: 1, text: ['x']}]}}", "not a sender family"),
    ("types: {health.other: {families: [health], cues: [{name: a, weight: 0, text: ['x']}]}}", "whole number"),
    ("types: {health.other: {families: [health], cues: [{name: a, weight: 1, text: ['(']}]}}", "does not compile"),
    ("types: {health.other: {families: [health], cues: [{name: a, weight: 1, txt: ['x']}]}}", "unknown key 'txt'"),
    ("types: {health.other: {families: [health], cues: [{weight: 1, text: ['x']}]}}", "has no 'name'"),
    ("types: {health.other: {families: [health]}}", "needs 'cues:'"),
    ("threshold: two\ntypes: {}", "whole number"),
    ("tpyes: {}", "expected a mapping with 'types:'"),
])
def test_a_malformed_evidence_file_names_the_line_and_the_fix(text: str, problem: str) -> None:
    with pytest.raises(EvidenceError, match=problem) as raised:
        parse_evidence(text, "custom.yaml")
    assert str(raised.value).startswith("custom.yaml:")


def test_the_shipped_file_loads() -> None:
    evidence = default_evidence()
    assert len(evidence.types) >= 15 and evidence.threshold >= 3 and evidence.margin >= 1


def test_the_cues_read_a_bounded_part_of_the_body() -> None:
    """A hostile body of 300,000 characters is read up to MAX_TEXT: a cue beyond it is not seen (bounded work)."""
    from routing.evidence import MAX_TEXT

    cues = "AWS will discontinue version 2 of the Widget API; upgrade before then. "
    assert default_evidence().place(_view(cues, "health")) is not None
    assert default_evidence().place(_view("x " * (MAX_TEXT // 2) + cues, "health")) is None
    assert default_evidence().place(_view("mfa " * 75_000, "general")) is None
