"""Classification, authenticity and redaction, table-driven over our own fixtures and the shared samples."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from routing.authenticate import AwsDomains, authenticate
from routing.classify import NoticeClassifier, identifiers_for_output
from routing.directory import Directory, parse_directory
from routing.dns import StaticResolver
from routing.families import sender_family
from routing.parse import parse_mail
from routing.redact import render
from routing.types import Account, Customer, Recipient
from tests.conftest import FIXTURES, SHARED
from tests.routing.dkimkeys import dkim_records, sign

NOTICES = FIXTURES / "notices"
CLASSIFIER = NoticeClassifier()
AWS = AwsDomains.of(CLASSIFIER.taxonomy.aws_sender_domains)
ACME = Customer("acme", "Acme Corp")
RECIPIENT = Recipient("root+acme-prod@aws.example.org",
                      Account("012345678901", "acme-prod", "acme", "root+acme-prod@aws.example.org"), ACME)


@dataclass(frozen=True)
class Case:
    file: str
    notice_type: str
    account: str | None
    deadline: str | None = None
    verdict: str = "pass"
    sign_as: tuple[str, ...] = ()
    identifiers: dict[str, Any] = field(default_factory=dict)
    contains_secret: bool = False


CASES = [
    Case("health-legacy-plaintext.eml", "health.end_of_support", "111122223333", "2024-06-12",
         identifiers={"regions": ["ap-southeast-2"], "event_type_code": "AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT"}),
    Case("health-html-base64.eml", "health.operational_issue", "444455556666",
         identifiers={"health_event_arn": "arn:aws:health:eu-central-1::event/S3/AWS_S3_OPERATIONAL_ISSUE/"
                                          "AWS_S3_OPERATIONAL_ISSUE_ABC123DEF456",
                      "event_type_code": "AWS_S3_OPERATIONAL_ISSUE"},
         contains_secret=True),
    Case("subject-rfc2047-japanese.eml", "billing.payment_failed", "777788889999", "2026-07-15"),
    Case("mailing-list-x-original-from.eml", "account.suspended", "222233334444", "2026-08-09",
         verdict="fail", sign_as=("amazon.com", "amazonses.com")),
    Case("password-reset-qp-softwrap.eml", "credentials.password_reset", "012345678901", contains_secret=True),
    Case("sns-unsubscribe-html-only.eml", "notification.sns_message", "555566667777",
         identifiers={"sns_topic_arn": "arn:aws:sns:eu-west-1:555566667777:ops-alarms"}, contains_secret=True),
    # (the account its verification link's Context names, as the SNS topic's above; the recipient's, 012345678901,
    # differs: the rules tag that account_mismatch)
    Case("ses-verification-hard-wrapped-link.eml", "verification.ses_identity", "666677778888",
         identifiers={"regions": ["eu-west-1"]}, contains_secret=True),
    Case("case-correspondence-10digit.eml", "support.case_correspondence", "012345678901",
         identifiers={"case_id": "5244329601", "regions": ["us-west-2"]}),
    Case("exposed-key-mask-for-customer.eml", "security.exposed_credentials", "999900001111",
         identifiers={"access_key_ids": ["AKIAZZZZEXAMPLEKK3Y9"]}),
    Case("verification-code-generic-wording.eml", "credentials.signup_verification", None, contains_secret=True),
    Case("unknown-human-mail.eml", "unknown", None, verdict="none"),
    Case("invoice-new-sender.eml", "billing.invoice", "012345678901",
         identifiers={"invoice_id": "EUINIE26-000123", "billing_period": "2026-09"}),
]


def _signed(case: Case) -> bytes:
    raw = (NOTICES / case.file).read_bytes()
    parsed = parse_mail(raw)
    domains = case.sign_as or (parsed.from_address.rpartition("@")[2], "amazonses.com")
    from routing.authenticate import organizational_domain

    return sign(raw, *[organizational_domain(d) for d in domains])


def _resolver() -> StaticResolver:
    domains = {"amazon.com", "aws.com", "signin.aws", "amazonaws.com", "amazonses.com", "customer.example"}
    records: dict[str, str] = dict(dkim_records(*domains))
    records.update({f"_dmarc.{d}": "v=DMARC1; p=quarantine" for d in domains})
    return StaticResolver(records)


def _secrets(case: Case) -> list[str]:
    path = NOTICES / case.file.replace(".eml", ".secret")
    return path.read_text().split("\n")[:-1] if path.exists() else []


@pytest.mark.parametrize("case", CASES, ids=[c.file for c in CASES])
def test_fixture(case: Case) -> None:
    raw = _signed(case)
    parsed = parse_mail(raw)
    notice = CLASSIFIER.classify(parsed, RECIPIENT)
    auth = authenticate(parsed, raw, lookup=_resolver(), aws_domains=AWS)
    rendering = render(parsed, notice, auth)
    assert notice.notice_type == case.notice_type
    assert notice.aws_account_id == case.account
    assert notice.deadline == case.deadline
    assert auth.verdict == case.verdict, auth.reasons
    assert rendering.contains_secret == case.contains_secret
    output = identifiers_for_output(notice)
    for key, value in case.identifiers.items():
        assert output.get(key) == value, key
    for secret in _secrets(case):
        assert secret not in rendering.internal_text
        assert rendering.customer_text is None or secret not in rendering.customer_text
        # no 16-character piece of a wrapped secret survives either
        for i in range(0, max(1, len(secret) - 16), 8):
            assert secret[i:i + 16] not in rendering.internal_text
    if notice.secret or auth.verdict != "pass":
        assert rendering.customer_text is None
    else:
        assert rendering.customer_text


def test_customer_sees_access_key_by_last_four_only() -> None:
    case = next(c for c in CASES if c.file.startswith("exposed-key"))
    raw = _signed(case)
    parsed = parse_mail(raw)
    notice = CLASSIFIER.classify(parsed, RECIPIENT)
    rendering = render(parsed, notice, authenticate(parsed, raw, lookup=_resolver(), aws_domains=AWS))
    assert rendering.customer_text is not None
    assert "AKIAZZZZEXAMPLEKK3Y9" not in rendering.customer_text
    assert "[access key ending K3Y9]" in rendering.customer_text
    assert "AKIAZZZZEXAMPLEKK3Y9" in rendering.internal_text  # engineers need the full id


def test_markers_say_what_was_removed() -> None:
    raw = (NOTICES / "sns-unsubscribe-html-only.eml").read_bytes()
    parsed = parse_mail(raw)
    notice = CLASSIFIER.classify(parsed, RECIPIENT)
    rendering = render(parsed, notice, None)
    assert "[removed: unsubscribe link]" in rendering.internal_text


def test_account_named_in_mail_beats_recipient_account() -> None:
    parsed = parse_mail((NOTICES / "invoice-new-sender.eml").read_bytes())
    other = Recipient("x@aws.example.org", Account("999999999999", "x", "acme", "x@aws.example.org"), ACME)
    assert CLASSIFIER.classify(parsed, other).aws_account_id == "012345678901"


def test_recipient_account_is_not_assumed_for_non_aws_sender() -> None:
    parsed = parse_mail((NOTICES / "unknown-human-mail.eml").read_bytes())
    assert CLASSIFIER.classify(parsed, RECIPIENT).aws_account_id is None


# ---------------------------------------------------------------- the shared samples (../shared)


def _shared_labels() -> list[dict[str, Any]]:
    path = SHARED / "aws-notices" / "samples" / "labels.json"
    if not path.exists():
        return []
    labels: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return labels


LABELS = _shared_labels()
SKIP_SHARED = pytest.mark.skipif(not LABELS, reason=f"{SHARED}/aws-notices is absent: shared samples not here")


@pytest.fixture(scope="module")
def shared_directory() -> Directory:
    return parse_directory((SHARED / "aws-notices" / "directory.yaml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def shared_resolver() -> StaticResolver:
    return StaticResolver.from_json(SHARED / "aws-notices" / "dns" / "records.json")


def expected_type(label: dict[str, Any], from_address: str) -> str:
    """The label's type; for a sample labelled ``unknown`` from a known AWS sender family (labelled before
    issue 12: no dead ends), that family's fallback type."""
    family = sender_family(from_address)
    if label["notice_type"] == "unknown" and family is not None:
        return CLASSIFIER.taxonomy.fallback_for(family).id
    return str(label["notice_type"])


@SKIP_SHARED
@pytest.mark.parametrize("label", LABELS, ids=[str(x["file"]) for x in LABELS])
def test_shared_sample(label: dict[str, Any], shared_directory: Directory, shared_resolver: StaticResolver) -> None:
    raw = (SHARED / "aws-notices" / "samples" / label["file"]).read_bytes()
    parsed = parse_mail(raw)
    recipient = shared_directory.resolve(label["recipient"])
    notice = CLASSIFIER.classify(parsed, recipient)
    auth = authenticate(parsed, raw, lookup=shared_resolver, aws_domains=AWS)
    rendering = render(parsed, notice, auth)
    assert notice.notice_type == expected_type(label, parsed.from_address)
    assert notice.category == CLASSIFIER.taxonomy.get(expected_type(label, parsed.from_address)).category
    assert notice.aws_account_id == label["aws_account_id"]
    assert auth.verdict == label["authenticity"], auth.reasons
    if "spoof_kind" in label:
        assert auth.suspected_spoof and rendering.customer_text is None
    assert notice.deadline == label["deadline"]
    assert notice.action_required == label["action_required"]
    for secret in label["secrets"]:
        assert secret not in rendering.internal_text
        assert rendering.customer_text is None or secret not in rendering.customer_text
    if label["secrets"]:
        assert rendering.contains_secret
    ids = identifiers_for_output(notice)
    for key in ("case_id", "health_event_arn", "abuse_report_id", "invoice_id", "instance_ids", "access_key_ids"):
        assert ids[key] == label["identifiers"][key], key


@SKIP_SHARED
def test_shared_samples_score(shared_directory: Directory, shared_resolver: StaticResolver) -> None:
    """All samples together: the figures reported in the delivery note."""
    right = {"type": 0, "account": 0, "auth": 0}
    leaked = 0
    for label in LABELS:
        raw = (SHARED / "aws-notices" / "samples" / label["file"]).read_bytes()
        parsed = parse_mail(raw)
        notice = CLASSIFIER.classify(parsed, shared_directory.resolve(label["recipient"]))
        auth = authenticate(parsed, raw, lookup=shared_resolver, aws_domains=AWS)
        text = render(parsed, notice, auth).customer_text or ""
        right["type"] += notice.notice_type == expected_type(label, parsed.from_address)
        right["account"] += notice.aws_account_id == label["aws_account_id"]
        right["auth"] += auth.verdict == label["authenticity"]
        leaked += sum(secret in text for secret in label["secrets"])
    assert leaked == 0
    assert right == {"type": len(LABELS), "account": len(LABELS), "auth": len(LABELS)}


def test_shared_path_is_relative_to_repo() -> None:
    assert (Path(__file__).resolve().parents[2].parent / "shared").resolve() == SHARED


# ---------------------------------------------------------------- issue 12: evidence, no dead ends, identifiers


def _mail(sender: str, subject: str | None, body: str, date: str = "Mon, 07 Apr 2025 12:00:00 +0000",
          html: bool = False) -> bytes:
    head = [f"From: {sender}", "To: root+acme-prod@aws.example.org", f"Date: {date}"]
    if subject is not None:
        head.append(f"Subject: {subject}")
    head += ["MIME-Version: 1.0", f"Content-Type: text/{'html' if html else 'plain'}; charset=utf-8",
             "Content-Transfer-Encoding: 8bit"]
    return ("\r\n".join(head) + "\r\n\r\n" + body.replace("\n", "\r\n") + "\r\n").encode("utf-8")


@pytest.mark.parametrize(
    ("sender", "expected"),
    [
        ("health@aws.com", "health.other"),
        ("invoicing@aws.com", "billing.other"),
        ("no-reply@costalerts.amazonaws.com", "cost.other"),
        ("no-reply-support@amazon.com", "support.other"),
        ("abuse-noreply@support.aws.com", "abuse.other"),
        ("aws-security@amazon.com", "security.other"),
        ("no-reply@verify.signin.aws", "credentials.other"),
        ("noreply@registrar.amazon.com", "verification.other"),
        ("no-reply-aws@amazon.com", "general.other"),
        ("someone@customer.example", "unknown"),
    ],
)
def test_known_sender_family_is_never_a_dead_end(sender: str, expected: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, "Hello", "A short note with nothing specific in it.")))
    assert notice.notice_type == expected
    assert notice.family == CLASSIFIER.taxonomy.get(expected).category
    assert CLASSIFIER.taxonomy.get(expected).secret == (expected.split(".")[0] in ("credentials", "verification"))


def test_general_sender_gets_the_family_its_content_names() -> None:
    health = _mail("no-reply-aws@amazon.com", None,
                   "See the 'Affected resources' tab of your AWS Health Dashboard for this notice.")
    billing = _mail("no-reply-aws@amazon.com", None, "A promotional credit was added to your bills page.")
    assert CLASSIFIER.classify(parse_mail(health)).notice_type == "health.other"
    assert CLASSIFIER.classify(parse_mail(billing)).notice_type == "billing.other"


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", "health.instance_retirement"),
        ("AWS_EC2_INSTANCE_STOP_SCHEDULED", "health.instance_retirement"),
        ("AWS_RDS_MAINTENANCE_SCHEDULED", "health.scheduled_maintenance"),
        ("AWS_ELASTICACHE_CERTIFICATE_ROTATION_SCHEDULED", "health.certificate_rotation"),
        ("AWS_EKS_END_OF_STANDARD_SUPPORT", "health.end_of_support"),
        ("AWS_LAMBDA_PLANNED_LIFECYCLE_EVENT", "health.end_of_support"),
        ("AWS_S3_OPERATIONAL_ISSUE", "health.operational_issue"),
        ("AWS_VPN_REDUNDANCY_LOSS", "health.other"),
    ],
)
def test_health_event_type_code_decides_without_subject_or_phrases(code: str, expected: str) -> None:
    arn = f"arn:aws:health:us-east-1::event/SVC/{code}/{code}_0123abcd"
    for body in (f"Hello,\n\nDetails: {arn}\n", f"Hello,\n\nEvent type code: {code}\n"):
        notice = CLASSIFIER.classify(parse_mail(_mail("health@aws.com", None, body)))
        assert notice.notice_type == expected, body


def test_deadline_and_its_source_come_with_the_notice() -> None:
    body = ("Standard support for Kubernetes version 1.30 in Amazon EKS will end on July 23, 2025.\n"
            "After July 23, 2026 clusters will be automatically upgraded to 1.31.\n")
    notice = CLASSIFIER.classify(parse_mail(_mail("health@aws.com", None, body, "Tue, 01 Apr 2025 10:00:00 +0000")))
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2025-07-23"
    assert notice.deadline_source is not None and "will end on July 23, 2025" in notice.deadline_source


@pytest.mark.parametrize(
    ("body", "recipient_account", "expected"),
    [
        ("Your AWS account 7884-4157-7080 is past due.", "012345678901", "788441577080"),
        ("Your AWS account 7884 4157 7080 is past due.", "012345678901", "788441577080"),
        ("Your account ending in 8901 is past due.", "012345678901", "012345678901"),  # masked: ours
        ("Your account ending in 4444 is past due.", "012345678901", None),  # masked: another account's
        ("Your account XXXX-XXXX-4444 is past due.", "012345678901", None),
        # the inviting / management account is not the one the mail is about, and not the recipient's either
        ("The management account 111122223333 invited you; you are past due.", "012345678901", None),
        ("AWS account 814324307514 (Globex) has invited your AWS account 439368253392.", "012345678901",
         "439368253392"),
        ("The AWS account 8181-8282-8383 has invited your AWS account to join.", "012345678901", None),
        ("Your new account, 4646-5757-6868, is ready.", "012345678901", "464657576868"),
        ("Your AWS account 108 204 306 408 is past due.", "012345678901", "108204306408"),
        ("Your AWS account 108-204-306-408 is past due.", "012345678901", "108204306408"),
        ("Your AWS account is past due.", "012345678901", "012345678901"),  # nothing named: the recipient's
    ],
)
def test_account_ids_written_with_dashes_masked_or_of_another_account(
        body: str, recipient_account: str, expected: str | None) -> None:
    recipient = Recipient("root+acme-prod@aws.example.org",
                          Account(recipient_account, "acme-prod", "acme", "root+acme-prod@aws.example.org"), ACME)
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", "Payment", body)), recipient)
    assert notice.aws_account_id == expected


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected"),
    [
        # phrase families, without the usual subject (issue 12, unseen3 batch)
        ("invoicing@aws.com", None, "Your invoice is ready. Invoice number 2045678901.", "billing.invoice"),
        ("no-reply-aws@amazon.com", None, "Your monthly statement for account 9988 7766 5544 is now available.",
         "billing.statement"),
        ("no-reply-aws@amazon.com", None, "Your AWS account 4455 6677 8899 has been suspended.", "account.suspended"),
        ("aws-security@amazon.com", "Notice", "We detected unusual activity in your AWS account.",
         "security.suspicious_activity"),
        ("aws-security@amazon.com", "Notice", "Instances consistent with cryptocurrency mining were launched.",
         "security.suspicious_activity"),
        # ... but a case AWS opened about it is the case, and a leaked key is the key
        ("no-reply-aws@amazon.com", None, "Amazon Web Services has opened case 176512345678901 on your behalf "
         "regarding unusual activity in your account.", "support.case_opened_by_aws"),
        ("aws-security@amazon.com", "Notice", "The access key AKIAIOSFODNN7EXAMPLE is publicly available online. "
         "Look for unusual activity in your account.", "security.exposed_credentials"),
        ("no-reply-support@amazon.com", "We received your support case 176098765400111",
         "Thank you for contacting AWS Support. We created case 176098765400111.", "support.case_opened"),
        ("no-reply-support@amazon.com", "RE: [Case 176098765400111] S3", "We have replied to your case.",
         "support.case_correspondence"),
        ("no-reply@sns.amazonaws.com", "Confirm your AWS notification subscription",
         "You have been asked to receive messages from the topic:\narn:aws:sns:us-east-1:123456789012:x",
         "verification.sns_subscription"),
        ("no-reply@sns.amazonaws.com", "ALARM: cpu", "Your alarm cpu is in ALARM.", "notification.sns_message"),
        ("no-reply-aws@amazon.com", "Amazon SES", "The domain mail.example.org is now verified for Amazon SES.",
         "ses.identity_verified"),
        ("health@aws.com", None, "Your Amazon EC2 instance i-0abc1234def567890 is scheduled to be stopped on "
         "2025-12-01 because of an issue with the underlying host.", "health.instance_retirement"),
        ("health@aws.com", None, "AWS Elastic Beanstalk will retire the platform branch Python 3.8 on 15 November "
         "2025.", "health.end_of_support"),
        ("health@aws.com", None, "After 23:59 UTC on September 30, 2025, you will no longer be able to create new "
         "AWS Lambda functions that use Go 1.x.", "health.end_of_support"),
        ("health@aws.com", None, "The ACM certificate for www.example.com could not be renewed automatically.",
         "health.certificate_rotation"),
        ("no-reply-aws@amazon.com", None, "Die Standardunterstützung für Kubernetes 1.30 endet am 23. Juli 2025.",
         "health.end_of_support"),
        ("no-reply-aws@amazon.com", None, "Your 12-month AWS Free Tier period ends on November 30, 2025.",
         "cost.free_tier_alert"),
        ("no-reply@costalerts.amazonaws.com", None, "Cost anomaly detected: Amazon EC2, impact $340.", "cost.anomaly"),
        ("aws-security@amazon.com", "Action required", "An access key for your IAM user deploy was posted to a public "
         "GitHub repository.", "security.exposed_credentials"),
        ("no-reply-aws@amazon.com", None, "AWS will require MFA for the root user starting on 1 November 2025.",
         "policy.change_notice"),
    ],
)
def test_phrase_families_without_the_usual_subject(sender: str, subject: str | None, body: str, expected: str) -> None:
    assert CLASSIFIER.classify(parse_mail(_mail(sender, subject, body))).notice_type == expected


def test_a_maintenance_the_reader_may_apply_earlier_has_its_deadline() -> None:
    body = ("A mandatory operating system upgrade is available for your DB instances. RDS applies it during your "
            "maintenance window on or after February 9, 2026. You may apply it earlier.")
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", "Operating system upgrade", body)))
    assert (notice.notice_type, notice.deadline) == ("health.scheduled_maintenance", "2026-02-09")


def test_card_and_phone_numbers_are_not_account_ids() -> None:
    body = "Card 1234-5678-9012-3456 was declined. Call +1 206-266-1000. Your payment is past due."
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", "Payment", body)))
    assert notice.aws_account_id is None


def _bench() -> Any:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_quality", Path(__file__).parents[2] / "bench" / "quality.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_quality_floors_on_own_wording_variants() -> None:
    """bench/quality.py on our own wording variants: the figures of the delivery note, pinned as floors."""
    bench = _bench()
    names = ["fixtures", "fixtures-heldout", "fixtures-unseen2", "fixtures-unseen3", "fixtures-unseen3-heldout",
             "fixtures-unseen4", "fixtures-own5", "fixtures-unseen5", "fixtures-own6",
             "fixtures-own7", "fixtures-own8", "fixtures-own9", "fixtures-unseen6", "fixtures-own11"]
    # unseen7 (an examiner's opt-in batch, first run 32/40 types) and own10 (its type-miss families in our own
    # wordings, first run 8/20): every figure since the fixes
    names += ["fixtures-unseen7", "fixtures-own10"]
    # unseen8 (an examiner's opt-in batch, first run 37/40 types, 20/22 labelled deadlines) and own12 (its miss
    # families in our own wordings, first run 10/16 types, 7/11 labelled deadlines): every figure since the fixes
    names += ["fixtures-unseen8", "fixtures-own12"]
    # unseen9 (an examiner's opt-in batch, first run 25/30 types, 13/20 labelled deadlines) and own13 (its miss
    # families in our own wordings, first run 11/16 types, 6/14 labelled deadlines): every figure reached
    names += ["fixtures-unseen9", "fixtures-own13"]
    # unseen10 (an examiner's opt-in batch, first run 22/24 types, 17/22 labelled deadlines) and own14 (its miss
    # families in our own wordings, first run 14/16 types, 5/16 labelled deadlines): every figure reached
    names += ["fixtures-unseen10", "fixtures-own14"]
    # unseen11, unseen12 (two examiners' opt-in batches, first runs 23/24 and 14/20 types, 14/17 and 10/15 labelled
    # deadlines, 24/24 and 19/20 ids) and own15 (their miss families in our own wordings, first run 9/16 types,
    # 8/11 labelled deadlines): every figure reached
    names += ["fixtures-unseen11", "fixtures-unseen12", "fixtures-own15"]
    # unseen13 (an examiner's opt-in batch, first run 14/20 types, 12/16 labelled deadlines) and own16 (its miss
    # families in our own wordings, first run 8/18 types, 10/15 labelled deadlines): every figure reached
    names += ["fixtures-unseen13", "fixtures-own16"]
    # unseen14 (an examiner's opt-in batch, first run 16/20 types, 13/16 labelled deadlines, 20/20 ids): every
    # figure reached
    names += ["fixtures-unseen14"]
    # unseen15-18 (four examiners' opt-in batches; first runs 20/24, 15/20, 17/20, 18/20 types, 12/15, 6/9, 6/7,
    # 7/11 labelled deadlines) and own17-22 (their miss families in our own wordings): every figure reached, but
    # for the misses named below
    names += ["fixtures-unseen15", "fixtures-unseen16", "fixtures-unseen17", "fixtures-unseen18", "fixtures-own17",
              "fixtures-own18", "fixtures-own19", "fixtures-own20", "fixtures-own21", "fixtures-own22"]
    # unseen19, unseen20 (first runs 20/20 and 19/20 types, 9/11 and 7/9 labelled deadlines, on the rules after
    # the unseen15-18 rounds) and own23 (their miss families in our own wordings): every figure reached (own23's
    # completed maintenance lost its passed scheduled date in session 16)
    names += ["fixtures-unseen19", "fixtures-unseen20", "fixtures-own23"]
    # unseen21, unseen22 (first runs 29/30 and 27/30 types, 18/21 and 13/19 labelled deadlines, 30/30 and 28/30 ids, on
    # the rules of session 8's end; again after the date-role method) and own24 (dates by role, our own wordings):
    # every figure reached after session 9's rounds
    names += ["fixtures-unseen21", "fixtures-unseen21-heldout", "fixtures-unseen22", "fixtures-unseen22-heldout",
              "fixtures-own24"]
    # unseen23, unseen24 (first runs 26/30 and 26/30 types, 14/15 and 12/16 labelled deadlines, 28/30 and 29/30 ids,
    # on session 9's final rules) and own24's held-out third: every figure reached after session 10's round
    names += ["fixtures-unseen23", "fixtures-unseen23-heldout", "fixtures-unseen24", "fixtures-unseen24-heldout",
              "fixtures-own24-heldout"]
    # unseen25, unseen26 (first runs 26/30 and 28/30 types, 15/19 and 13/18 labelled deadlines, 30/30 and 27/30 ids,
    # the same at session 10's start and after its first round): every figure reached after session 11's round
    names += ["fixtures-unseen25", "fixtures-unseen25-heldout", "fixtures-unseen26", "fixtures-unseen26-heldout"]
    # unseen27, unseen28 (first runs 26/30 and 28/30 types, 16/17 and 16/18 labelled deadlines, 29/30 and 29/30 ids,
    # on session 10's final rules): after session 11's round (READMEs)
    names += ["fixtures-unseen27", "fixtures-unseen27-heldout", "fixtures-unseen28", "fixtures-unseen28-heldout"]
    # unseen29, unseen30 (first runs 24/30 and 26/30 types on session 11's rules, 24/30 and 28/30 with the evidence
    # scorer written before the run; 30/37 labelled deadlines, 60/60 ids): after session 12's round (READMEs)
    names += ["fixtures-unseen29", "fixtures-unseen29-heldout", "fixtures-unseen30", "fixtures-unseen30-heldout"]
    # unseen31, unseen32 (first runs 28/30 and 30/30 types, 14/16 and 9/15 labelled deadlines, 29/30 and 30/30 ids on
    # the rules after session 12's first round): after its second round (READMEs)
    names += ["fixtures-unseen31", "fixtures-unseen31-heldout", "fixtures-unseen32", "fixtures-unseen32-heldout"]
    # unseen33, unseen34 (first runs 30/30 and 30/30 types, 15/17 and 11/17 labelled deadlines, 30/30 and 29/30 ids on
    # the rules after session 12's second round): after its third round and session 13's first (READMEs)
    names += ["fixtures-unseen33", "fixtures-unseen33-heldout", "fixtures-unseen34", "fixtures-unseen34-heldout"]
    # unseen35, unseen36 (first runs 28/30 and 29/30 types, 17/17 and 14/16 labelled deadlines, 30/30 and 29/30 ids on
    # the rules after session 13's first round): after its second round (READMEs)
    names += ["fixtures-unseen35", "fixtures-unseen35-heldout", "fixtures-unseen36", "fixtures-unseen36-heldout"]
    # unseen37, unseen38 (first runs 30/30 and 26/30 types, 18/19 and 17/19 labelled deadlines, 30/30 and 29/30 ids on
    # the rules after session 13's second round): after its third round (READMEs)
    names += ["fixtures-unseen37", "fixtures-unseen37-heldout", "fixtures-unseen38", "fixtures-unseen38-heldout"]
    # unseen39, unseen40 (first runs 29/30 and 28/30 types, 11/15 and 14/16 labelled deadlines, 29/30 and 28/30 ids on
    # the rules after session 13's third round): after its fourth round (READMEs)
    names += ["fixtures-unseen39", "fixtures-unseen39-heldout", "fixtures-unseen40", "fixtures-unseen40-heldout"]
    # unseen41, unseen42 (first runs 29/30 and 28/30 types, 15/16 and 13/18 labelled deadlines, 29/30 and 29/30 ids on
    # session 13's final rules): after session 14's round (READMEs)
    names += ["fixtures-unseen41", "fixtures-unseen41-heldout", "fixtures-unseen42", "fixtures-unseen42-heldout"]
    # unseen43, unseen44 (first runs 29/30 and 30/30 types, 14/19 and 17/18 labelled deadlines, 30/30 and 30/30 ids on
    # session 14's rules before them): after its second round (READMEs), with the miss below
    names += ["fixtures-unseen43", "fixtures-unseen43-heldout", "fixtures-unseen44", "fixtures-unseen44-heldout"]
    # unseen45, unseen46 (first runs 26/30 and 29/30 types, 18/20 and 12/15 labelled deadlines, 30/30 and 30/30 ids on
    # session 14's rules after its second round): after its third round (READMEs)
    names += ["fixtures-unseen45", "fixtures-unseen45-heldout", "fixtures-unseen46", "fixtures-unseen46-heldout"]
    # unseen47, unseen48 (first runs 29/30 and 29/30 types, 16/16 and 12/15 labelled deadlines, 30/30 and 30/30 ids on
    # session 14's rules after its third round): after its fourth round (READMEs)
    names += ["fixtures-unseen47", "fixtures-unseen47-heldout", "fixtures-unseen48", "fixtures-unseen48-heldout"]
    # unseen49, unseen50 (first runs 30/30 and 28/30 types, 14/16 and 15/17 labelled deadlines, 29/30 and 29/30 ids on
    # session 14's final rules): after session 15's round (READMEs), their held-out thirds with the misses below
    names += ["fixtures-unseen49", "fixtures-unseen49-heldout", "fixtures-unseen50", "fixtures-unseen50-heldout"]
    # unseen51, unseen52 (first runs 26/30 and 29/30 types, 13/15 and 13/16 labelled deadlines, 30/30 and 30/30 ids on
    # session 15's rules after its first round): after its second round (READMEs), held-out thirds with their misses
    names += ["fixtures-unseen51", "fixtures-unseen51-heldout", "fixtures-unseen52", "fixtures-unseen52-heldout"]
    # unseen53, unseen54 (first runs 29/30 and 30/30 types, 14/15 and 16/16 labelled deadlines, 30/30 and 30/30 ids on
    # session 15's final rules): not tuned on, their held-out thirds with the misses below
    names += ["fixtures-unseen53", "fixtures-unseen53-heldout", "fixtures-unseen54", "fixtures-unseen54-heldout"]
    # unseen55-58 (first runs 28/30, 24/30, 28/30 and 29/30 types, 13/15, 16/18, 15/17 and 13/16 labelled deadlines,
    # 30/30, 30/30, 29/30 and 29/30 ids on session 15's final rules): after session 16's round (READMEs), their held-out
    # thirds with the misses below
    names += ["fixtures-unseen55", "fixtures-unseen55-heldout", "fixtures-unseen56", "fixtures-unseen56-heldout",
              "fixtures-unseen57", "fixtures-unseen57-heldout", "fixtures-unseen58", "fixtures-unseen58-heldout"]
    # unseen59-62 (first runs 28/30, 29/30, 25/30 and 30/30 types, 15/16, 15/16, 14/15 and 17/19 labelled deadlines,
    # 29/30, 30/30, 30/30 and 30/30 ids on the rules after session 16's first round): after its second round (READMEs),
    # their held-out thirds with the misses below
    names += ["fixtures-unseen59", "fixtures-unseen59-heldout", "fixtures-unseen60", "fixtures-unseen60-heldout",
              "fixtures-unseen61", "fixtures-unseen61-heldout", "fixtures-unseen62", "fixtures-unseen62-heldout"]
    # unseen63-66 (first runs 29/30, 28/30, 29/30 and 29/30 types, 17/19, 14/18, 14/16 and 12/16 labelled deadlines,
    # 30/30, 30/30, 28/30 and 30/30 ids on the rules after session 16's second round): after its third round (READMEs),
    # with the held-out thirds' misses below
    names += ["fixtures-unseen63", "fixtures-unseen63-heldout", "fixtures-unseen64", "fixtures-unseen64-heldout",
              "fixtures-unseen65", "fixtures-unseen65-heldout", "fixtures-unseen66", "fixtures-unseen66-heldout"]
    # unseen67-70 (first runs 27/30, 30/30, 27/30 and 28/30 types, 19/19, 16/21, 12/17 and 15/21 labelled deadlines,
    # 30/30, 29/30, 29/30 and 30/30 ids on session 16's final rules): after session 17's first round (READMEs), with
    # the held-out thirds' misses below
    names += ["fixtures-unseen67", "fixtures-unseen67-heldout", "fixtures-unseen68", "fixtures-unseen68-heldout",
              "fixtures-unseen69", "fixtures-unseen69-heldout", "fixtures-unseen70", "fixtures-unseen70-heldout"]
    # unseen71-74 (first runs 25/30, 30/30, 27/30 and 30/30 types, 13/18, 17/20, 13/19 and 19/21 labelled deadlines,
    # 27/30, 30/30, 29/30 and 30/30 ids on the rules after session 17's first round): after its second round
    # (READMEs), with the misses below
    names += ["fixtures-unseen71", "fixtures-unseen71-heldout", "fixtures-unseen72", "fixtures-unseen72-heldout",
              "fixtures-unseen73", "fixtures-unseen73-heldout", "fixtures-unseen74", "fixtures-unseen74-heldout"]
    # unseen75-78 (first runs 29/30, 28/30, 27/30 and 28/30 types, 16/17, 15/19, 21/21 and 17/21 labelled deadlines,
    # 29/30, 30/30, 30/30 and 30/30 ids on the rules after session 17's second round): after its third round
    # (READMEs), with the held-out thirds' misses below
    names += ["fixtures-unseen75", "fixtures-unseen75-heldout", "fixtures-unseen76", "fixtures-unseen76-heldout",
              "fixtures-unseen77", "fixtures-unseen77-heldout", "fixtures-unseen78", "fixtures-unseen78-heldout"]
    # unseen79-82 (first runs 28/30, 28/30, 27/30 and 30/30 types, 17/17, 13/17, 11/19 and 16/19 labelled deadlines,
    # 28/30, 30/30, 30/30 and 30/30 ids on the rules after session 17's third round): after its fourth round
    # (READMEs), with the misses below
    names += ["fixtures-unseen79", "fixtures-unseen79-heldout", "fixtures-unseen80", "fixtures-unseen80-heldout",
              "fixtures-unseen81", "fixtures-unseen81-heldout", "fixtures-unseen82", "fixtures-unseen82-heldout"]
    # unseen83-86 (first runs 30/30, 29/30, 28/30 and 29/30 types, 13/20, 11/18, 19/21 and 16/20 labelled deadlines,
    # 30/30 ids each, on session 17's rules) and unseen87-90 (first runs 28/30, 28/30, 30/30 and 28/30 types, 15/19,
    # 20/24, 21/23 and 15/19 labelled deadlines, 30/30, 29/30, 30/30 and 29/30 ids, on session 18's second round):
    # after session 18's rounds (READMEs), with the misses below
    names += [f"fixtures-unseen{n}{part}" for n in range(83, 91) for part in ("", "-heldout")]
    # unseen91-94 (first runs 29/30, 28/30, 28/30 and 29/30 types, 15/19, 16/21, 13/19 and 17/21 labelled deadlines,
    # 30/30, 29/30, 30/30 and 29/30 ids, on session 18's third round): after its fourth round (READMEs), with the
    # misses below
    names += [f"fixtures-unseen{n}{part}" for n in range(91, 95) for part in ("", "-heldout")]
    # unseen95-98 (first runs 29/30, 29/30, 25/30 and 30/30 types, 20/21, 16/17, 14/19 and 20/22 labelled deadlines,
    # 30/30, 29/30, 30/30 and 30/30 ids, on session 18's fourth round): after its fifth and sixth rounds (READMEs),
    # with the misses below
    names += [f"fixtures-unseen{n}{part}" for n in range(95, 99) for part in ("", "-heldout")]
    # unseen99-102 (first runs 26/30, 30/30, 30/30 and 28/30 types, 18/23, 16/22, 16/19 and 17/22 labelled deadlines,
    # 30/30 ids each, on session 18's end): after session 19's first round (READMEs); the held-out thirds' misses
    names += [f"fixtures-unseen{n}{part}" for n in range(99, 103) for part in ("", "-heldout")]
    # unseen103-106 (first runs 28/30, 25/30, 29/30 and 29/30 types, 19/20, 13/21, 20/22 and 20/21 labelled deadlines,
    # 30/30, 30/30, 29/30 and 30/30 ids, on session 19's first round): after its second round (READMEs); the held-out
    # thirds' misses
    names += [f"fixtures-unseen{n}{part}" for n in range(103, 107) for part in ("", "-heldout")]
    # unseen107-110 (first runs 28/30, 30/30, 28/30 and 29/30 types, 18/22, 17/22, 14/17 and 12/17 labelled deadlines,
    # 30/30 ids each, on session 19's second round): after its third round (READMEs); the held-out thirds' misses
    names += [f"fixtures-unseen{n}{part}" for n in range(107, 111) for part in ("", "-heldout")]
    # unseen111-114 (first runs 28/30, 29/30, 28/30 and 29/30 types, 20/20, 17/20, 19/20 and 13/17 labelled deadlines,
    # 29/30, 30/30, 30/30 and 28/30 ids, on session 19's third round): after its fourth round (READMEs), with the
    # misses below
    names += [f"fixtures-unseen{n}{part}" for n in range(111, 115) for part in ("", "-heldout")]
    # unseen115-118 (first runs 30/30, 29/30, 27/30 and 29/30 types, 16/17, 21/22, 19/21 and 17/19 labelled deadlines,
    # 30/30, 30/30, 30/30 and 29/30 ids, on session 19's last rules): session 19's last blind measurement; its main
    # folders tuned on in session 20 (READMEs), the held-out thirds not
    names += [f"fixtures-unseen{n}{part}" for n in range(115, 119) for part in ("", "-heldout")]
    # unseen119-122 (first runs 27/30, 30/30, 30/30 and 28/30 types, 18/19, 14/19, 20/21 and 12/18 labelled deadlines,
    # 29/30, 30/30, 30/30 and 29/30 ids, on session 19's last rules) and unseen123-126 (first runs 26/30, 30/30, 28/30
    # and 30/30 types, 14/18, 19/20, 20/21 and 18/20 labelled deadlines, 30/30, 30/30, 29/30 and 30/30 ids, on session
    # 20's fifth round): after session 20's rounds (READMEs); the held-out thirds' misses
    names += [f"fixtures-unseen{n}{part}" for n in range(119, 127) for part in ("", "-heldout")]
    # unseen127-130 (first runs 30/30, 28/30, 29/30 and 30/30 types, 17/18, 18/20, 21/21 and 21/22 labelled deadlines,
    # 30/30, 28/30, 30/30 and 29/30 ids, on session 20's sixth round, f39311d): after its last round (READMEs), with the
    # miss below; the held-out thirds at every figure
    names += [f"fixtures-unseen{n}{part}" for n in range(127, 131) for part in ("", "-heldout")]
    # unseen131-134 (first runs 29/30, 30/30, 30/30 and 29/30 types, 20/21, 15/18, 20/20 and 16/17 labelled deadlines,
    # 30/30, 30/30, 29/30 and 30/30 ids): session 20's last blind measurement, on its last rules (33fa770), not tuned
    # on (READMEs); pinned at their first runs
    names += [f"fixtures-unseen{n}{part}" for n in range(131, 135) for part in ("", "-heldout")]
    # unseen135-138 (first runs 28/30, 28/30, 28/30 and 29/30 types, 16/17, 17/23, 18/20 and 17/23 labelled deadlines,
    # 29/30, 30/30, 29/30 and 30/30 ids): session 21's blind round, on its first round's rules (56bb574) (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(135, 139) for part in ("", "-heldout")]
    # unseen139-142 (first runs 28/30, 29/30, 29/30 and 28/30 types, 19/22, 20/23, 17/20 and 14/18 labelled deadlines,
    # 30/30 ids each): session 21's second blind round, on its second round's rules (6476499) (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(139, 143) for part in ("", "-heldout")]
    # unseen143-146 (first runs 29/30, 28/30, 29/30 and 30/30 types, 15/17, 16/18, 21/24 and 19/19 labelled deadlines,
    # 30/30 ids each): session 21's last blind round, on its last rules (8028ae7), not tuned on (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(143, 147) for part in ("", "-heldout")]
    # unseen147-150 (first runs 27/30, 28/30, 27/30 and 29/30 types, 19/21, 16/19, 20/20 and 17/19 labelled deadlines,
    # 30/30 ids each): session 22's first blind round, on session 21's last rules (07e7704: 59f3311's results); its
    # main folders tuned on since (1fdbe40), its held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(147, 151) for part in ("", "-heldout")]
    # unseen151-154 (first runs 27/30, 30/30, 27/30 and 29/30 types, 18/22, 18/20, 16/18 and 16/17 labelled deadlines,
    # 30/30 ids each): session 22's second blind round, on its round's rules (1fdbe40); main folders tuned on since,
    # held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(151, 155) for part in ("", "-heldout")]
    # unseen155-158 (first runs 30/30, 29/30, 27/30 and 29/30 types, 22/23, 20/22, 17/19 and 16/18 labelled deadlines,
    # 30/30, 30/30, 29/30 and 30/30 ids): session 22's third blind round, on its second round's rules (0d091cd); main
    # folders tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(155, 159) for part in ("", "-heldout")]
    # unseen159-162 (first runs 30/30, 29/30, 28/30 and 30/30 types, 17/20, 14/17, 19/23 and 16/17 labelled deadlines,
    # 30/30 ids each): session 22's fourth blind round, on its third round's rules (6c59e91); main folders tuned on
    # since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(159, 163) for part in ("", "-heldout")]
    # unseen163-166 (first runs 28/30, 29/30, 30/30 and 28/30 types, 20/23, 15/19, 20/22 and 14/18 labelled deadlines,
    # 30/30 ids each): session 22's last blind round, on its last rules (778ca49); main folders tuned on in session 23,
    # held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(163, 167) for part in ("", "-heldout")]
    # unseen167-170 (first runs 29/30, 29/30, 27/30 and 29/30 types, 20/21, 19/19, 21/21 and 22/22 labelled deadlines,
    # 30/30, 29/30, 30/30 and 30/30 ids): session 23's first blind round, on its first round's rules (5ffbae9); main
    # folders tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(167, 171) for part in ("", "-heldout")]
    # unseen171-174 (first runs 28/30, 28/30, 29/30 and 30/30 types, 21/21, 17/18, 17/18 and 18/22 labelled deadlines,
    # 29/30, 30/30, 29/30 and 30/30 ids): session 23's second blind round, on its second round's rules (6ef0517); main
    # folders tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(171, 175) for part in ("", "-heldout")]
    # unseen175-178 (first runs 30/30, 28/30, 29/30 and 30/30 types, 20/20, 19/20, 19/20 and 19/19 labelled deadlines,
    # 30/30 ids each): session 23's third blind round, on its third round's rules (3eab1fa); main folders tuned on
    # since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(175, 179) for part in ("", "-heldout")]
    # unseen179-182 (first runs 28/30, 29/30, 27/30 and 29/30 types, 17/19, 16/20, 18/21 and 13/16 labelled deadlines,
    # 30/30, 30/30, 29/30 and 30/30 ids): session 23's fourth blind round, on its fourth round's rules (2b07837); main
    # folders tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(179, 183) for part in ("", "-heldout")]
    # unseen183-186 (first runs 29/30, 30/30, 27/30 and 29/30 types, 22/22, 16/19, 23/23 and 20/22 labelled deadlines,
    # 30/30, 29/30, 30/30 and 29/30 ids): session 23's last blind round, on its last rules (73601ea); main folders
    # tuned on in session 24, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(183, 187) for part in ("", "-heldout")]
    # unseen187-190 (first runs 28/30, 28/30, 27/30 and 28/30 types, 19/21, 8/10, 16/20 and 16/22 labelled deadlines,
    # 29/30, 29/30, 30/30 and 30/30 ids): session 24's blind round, on its first round's rules (6a6987e); main folders
    # tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(187, 191) for part in ("", "-heldout")]
    # unseen191-194 (first runs 27/30, 27/30, 30/30 and 29/30 types, 18/20, 14/23, 17/19 and 14/18 labelled deadlines,
    # 29/30, 29/30, 30/30 and 29/30 ids): session 25's blind round, on its first round's rules (e2705c1); main folders
    # tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(191, 195) for part in ("", "-heldout")]
    # unseen195-198 (first runs 28/30, 28/30, 30/30 and 27/30 types, 18/20, 12/19, 19/20 and 17/21 labelled deadlines,
    # 30/30, 29/30, 30/30 and 29/30 ids): session 25's second blind round, on its third round's rules (a7688b0); main
    # folders tuned on since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(195, 199) for part in ("", "-heldout")]
    # unseen199-202 (first runs 29/30, 28/30, 27/30 and 28/30 types, 18/20, 15/21, 13/16 and 13/21 labelled deadlines,
    # 30/30 ids each): session 25's third blind round, on its fifth round's rules (fa5717a); main folders tuned on
    # since, held-out ones not (READMEs)
    names += [f"fixtures-unseen{n}{part}" for n in range(199, 203) for part in ("", "-heldout")]
    # unseen203-206 (first runs 27/30, 27/30, 28/30 and 27/30 types, 24/24, 17/23, 17/19 and 19/21 labelled deadlines,
    # 30/30 ids each): session 26's blind round, on its first round's rules (83e3fb8; the same figures on 82c4584)
    names += [f"fixtures-unseen{n}{part}" for n in range(203, 207) for part in ("", "-heldout")]
    # unseen207-210 (first runs 27/30, 30/30, 30/30 and 27/30 types, 18/20, 16/21, 22/22 and 18/19 labelled deadlines,
    # 30/30 ids each): session 26's second blind round, on its third round's rules (82f3033; the same figures on
    # 3851c4f, the session's start)
    names += [f"fixtures-unseen{n}{part}" for n in range(207, 211) for part in ("", "-heldout")]
    # unseen211-214 (first runs 28/30, 29/30, 29/30 and 28/30 types, 20/25, 13/18, 20/20 and 14/18 labelled deadlines,
    # 30/30 ids each): session 26's third blind round, on its fourth round's rules (d17f007)
    names += [f"fixtures-unseen{n}{part}" for n in range(211, 215) for part in ("", "-heldout")]
    # unseen215-218 (first runs 28/30, 29/30, 29/30 and 29/30 types, 16/18, 21/22, 20/23 and 17/22 labelled deadlines,
    # 30/30, 30/30, 28/30 and 30/30 ids): session 27's blind round, on the session's start rules (c481679)
    names += [f"fixtures-unseen{n}{part}" for n in range(215, 219) for part in ("", "-heldout")]
    # unseen219-222 (first runs 27/30, 27/30, 27/30 and 25/30 types, 15/18, 17/19, 17/20 and 17/21 labelled deadlines,
    # 30/30, 29/30, 30/30 and 30/30 ids): session 27's second blind round, on its first round's rules (5719736; the
    # same figures on c481679, the session's start)
    names += [f"fixtures-unseen{n}{part}" for n in range(219, 223) for part in ("", "-heldout")]
    # unseen223-226 (first runs 28/30, 27/30, 28/30 and 25/30 types, 15/17, 14/20, 12/17 and 12/18 labelled deadlines,
    # 29/30, 30/30, 30/30 and 29/30 ids): session 27's third blind round, on its second round's rules (6f547cd)
    names += [f"fixtures-unseen{n}{part}" for n in range(223, 227) for part in ("", "-heldout")]
    # unseen227-230 (first runs 27/30, 29/30, 28/30 and 27/30 types, 12/18, 16/22, 18/18 and 15/19 labelled deadlines,
    # 30/30, 30/30, 29/30 and 30/30 ids): session 28's blind round, on two small deadline fixes of its own (bbe1380)
    names += [f"fixtures-unseen{n}{part}" for n in range(227, 231) for part in ("", "-heldout")]
    # unseen231-234 (first runs 29/30, 30/30, 29/30 and 28/30 types, 18/20, 20/20, 16/19 and 20/23 labelled deadlines,
    # 29/30, 30/30, 30/30 and 30/30 ids): session 28's second blind round, on its first round's rules (adc83a4; the
    # same figures on 370c32a, the session's start)
    names += [f"fixtures-unseen{n}{part}" for n in range(231, 235) for part in ("", "-heldout")]
    # unseen235-238 (first runs 28/30, 28/30, 29/30 and 28/30 types, 23/23, 16/20, 18/19 and 21/22 labelled deadlines,
    # 29/30, 29/30, 30/30 and 29/30 ids): session 28's third blind round, on its second round's rules (9c02546)
    names += [f"fixtures-unseen{n}{part}" for n in range(235, 239) for part in ("", "-heldout")]
    # unseen239-242 (first runs 28/30, 30/30, 28/30 and 27/30 types, 21/23, 17/20, 15/17 and 16/20 labelled deadlines,
    # 30/30, 30/30, 28/30 and 29/30 ids): session 28's fourth blind round, on its third round's rules (59b54da; the
    # same figures on 370c32a, the session's start)
    names += [f"fixtures-unseen{n}{part}" for n in range(239, 243) for part in ("", "-heldout")]
    # unseen243-246 (first runs 28/30, 30/30, 30/30 and 30/30 types, 13/16, 18/19, 15/18 and 17/19 labelled deadlines,
    # 30/30, 30/30, 30/30 and 27/30 ids): session 29's blind round 37, on session 28's final rules (51db3f6)
    names += [f"fixtures-unseen{n}{part}" for n in range(243, 247) for part in ("", "-heldout")]
    # unseen247-250 (first runs 29/30, 28/30, 29/30 and 30/30 types, 14/16, 11/15, 18/21 and 16/18 labelled deadlines,
    # 29/30, 30/30, 30/30 and 29/30 ids): session 29's blind round 38, on its round 37 rules (b72b096)
    names += [f"fixtures-unseen{n}{part}" for n in range(247, 251) for part in ("", "-heldout")]
    # unseen251-254 (first runs 30/30, 28/30, 30/30 and 29/30 types, 15/18, 15/17, 17/20 and 18/20 labelled deadlines,
    # 30/30, 28/30, 28/30 and 30/30 ids): session 29's blind round 39, on its round 38 rules (6008ae7)
    names += [f"fixtures-unseen{n}{part}" for n in range(251, 255) for part in ("", "-heldout")]
    # unseen255-258 (first runs 29/30, 30/30, 30/30 and 28/30 types, 15/15, 13/15, 15/16 and 18/20 labelled deadlines,
    # 29/30, 30/30, 29/30 and 30/30 ids): session 29's blind round 40, on its round 39 rules (fe0b29f)
    names += [f"fixtures-unseen{n}{part}" for n in range(255, 259) for part in ("", "-heldout")]
    # unseen259-262 (first runs 30/30, 29/30, 29/30 and 30/30 types, 14/15, 13/14, 13/14 and 11/13 labelled deadlines,
    # 30/30, 29/30, 30/30 and 30/30 ids): session 30's blind round 41, on session 29's final rules (eccdf9e)
    names += [f"fixtures-unseen{n}{part}" for n in range(259, 263) for part in ("", "-heldout")]
    # unseen263-266 (first runs 27/30, 29/30, 29/30 and 29/30 types, 15/15, 12/12, 13/14 and 14/15 labelled
    # deadlines, 30/30 ids each): session 30's blind round 42, on its round 41 rules (118773b; 264 also on 9e652b5,
    # the same figures; 263, written last, on 4c88a11's rules)
    names += [f"fixtures-unseen{n}{part}" for n in range(263, 267) for part in ("", "-heldout")]
    # unseen267-270 (first runs 30/30, 29/30, 28/30 and 29/30 types, 17/17, 14/15, 15/16 and 14/14 labelled
    # deadlines, 30/30, 30/30, 29/30 and 30/30 ids): session 31's blind round 43, on session 30's final rules (decc9d5)
    names += [f"fixtures-unseen{n}{part}" for n in range(267, 271) for part in ("", "-heldout")]
    # unseen271-274 (first runs 30/30, 28/30, 27/30 and 29/30 types, 16/17, 14/15, 18/18 and 15/15 labelled
    # deadlines, 29/30, 30/30, 28/30 and 30/30 ids): session 31's blind round 44, on its round 43 rules (fb859a3)
    names += [f"fixtures-unseen{n}{part}" for n in range(271, 275) for part in ("", "-heldout")]
    # unseen275-278 (first runs 29/30, 29/30, 30/30 and 28/30 types, 20/20, 14/15, 15/17 and 16/16 labelled
    # deadlines, 29/30, 30/30, 30/30 and 28/30 ids): session 31's blind round 45, on its round 43 rules (b580556)
    names += [f"fixtures-unseen{n}{part}" for n in range(275, 279) for part in ("", "-heldout")]
    # unseen279-282 (first runs 27/30, 30/30, 28/30 and 30/30 types, 19/19, 12/12, 14/15 and 15/15 labelled
    # deadlines, 30/30 ids each): session 31's blind round 46, on its round 44 rules (d30f574)
    names += [f"fixtures-unseen{n}{part}" for n in range(279, 283) for part in ("", "-heldout")]
    # unseen283-286 (first runs 29/30, 28/30, 30/30 and 29/30 types, 16/16, 13/13, 15/15 and 14/15 labelled
    # deadlines, 30/30, 29/30, 29/30 and 30/30 ids): session 31's blind round 47, on its round 46 rules (f014299)
    names += [f"fixtures-unseen{n}{part}" for n in range(283, 287) for part in ("", "-heldout")]
    # unseen287-290 (first runs 30/30, 30/30, 30/30 and 27/30 types, 17/17, 14/15, 16/17 and 13/14 labelled
    # deadlines, 30/30 ids each): session 31's blind round 48, on its round 47 rules (1236d40)
    names += [f"fixtures-unseen{n}{part}" for n in range(287, 291) for part in ("", "-heldout")]
    # unseen291-294 (first runs 25/30, 30/30, 29/30 and 30/30 types, 13/15, 14/15, 15/15 and 15/16 labelled
    # deadlines, 29/30, 30/30, 30/30 and 29/30 ids): session 32's blind round 49, on session 31's final rules (017f29f)
    names += [f"fixtures-unseen{n}{part}" for n in range(291, 295) for part in ("", "-heldout")]
    # unseen295-298 (first runs 30/30, 30/30, 29/30 and 26/30 types, 18/18, 15/15, 19/19 and 15/15 labelled
    # deadlines, 30/30, 30/30, 29/30 and 30/30 ids): session 32's blind round 50, on its round 49 rules (1d44d2b)
    names += [f"fixtures-unseen{n}{part}" for n in range(295, 299) for part in ("", "-heldout")]
    # unseen299-302 (first runs 30/30, 29/30, 30/30 and 30/30 types, 19/19, 10/11, 15/15 and 16/16 labelled
    # deadlines, 30/30, 30/30, 29/30 and 29/30 ids): session 33's blind round 51, on session 32's final rules (404eedc)
    names += [f"fixtures-unseen{n}{part}" for n in range(299, 303) for part in ("", "-heldout")]
    # unseen303-306 (first runs 30/30, 30/30, 28/30 and 30/30 types, 16/16, 14/14, 15/15 and 15/15 labelled
    # deadlines, 28/30, 30/30, 30/30 and 30/30 ids): session 33's blind round 52, on its round 51 rules (5eb320e)
    names += [f"fixtures-unseen{n}{part}" for n in range(303, 307) for part in ("", "-heldout")]
    # unseen307-310 (first runs 30/30, 29/30, 30/30 and 30/30 types, 17/17, 13/14, 19/19 and 14/15 labelled
    # deadlines, 30/30 ids each): session 33's blind round 53, on its round 52 rules (1a30f9a)
    names += [f"fixtures-unseen{n}{part}" for n in range(307, 311) for part in ("", "-heldout")]
    # unseen311-314 (first runs 30/30, 30/30, 30/30 and 29/30 types, 17/17, 13/15, 18/18 and 15/16 labelled
    # deadlines, 29/30, 30/30, 30/30 and 30/30 ids): session 33's blind round 54, on its round 53 rules (61480a7)
    names += [f"fixtures-unseen{n}{part}" for n in range(311, 315) for part in ("", "-heldout")]
    # unseen315-318 (first runs 30/30, 29/30, 29/30 and 30/30 types, 18/18, 15/16, 16/16 and 14/15 labelled
    # deadlines, 29/30, 30/30, 30/30 and 29/30 ids): session 33's blind round 55, on its round 54 rules (650e512)
    names += [f"fixtures-unseen{n}{part}" for n in range(315, 319) for part in ("", "-heldout")]
    # unseen319-326 (first runs 30/30, 30/30, 28/30, 29/30, 30/30, 30/30, 30/30 and 30/30 types, 16/16, 12/15, 14/15,
    # 15/15, 18/18, 13/14, 17/17 and 14/14 labelled deadlines, 30/30, 30/30, 30/30, 29/30, 30/30, 30/30, 30/30 and 29/30
    # ids): session 34's blind round 56, eight batches on session 33's final rules (0bb8740)
    names += [f"fixtures-unseen{n}{part}" for n in range(319, 327) for part in ("", "-heldout")]
    # unseen327-334 (first runs 29/30, 30/30, 29/30, 30/30, 26/30, 29/30, 30/30 and 29/30 types, 13/13, 13/13, 19/19,
    # 15/15, 16/16, 17/17, 15/15 and 13/15 labelled deadlines, 30/30 ids each): session 34's blind round 57, eight
    # batches on its round 56 rules (a932813)
    names += [f"fixtures-unseen{n}{part}" for n in range(327, 335) for part in ("", "-heldout")]
    # unseen335-342 (first runs 27/30, 30/30, 30/30, 28/30, 29/30, 28/30, 30/30 and 29/30 types, 15/15, 14/15, 17/17,
    # 14/15, 17/17, 13/13, 17/19 and 15/16 labelled deadlines, 30/30 ids but 338's 29/30): session 34's blind round 58,
    # eight batches on its round 57 rules (7916a4e)
    names += [f"fixtures-unseen{n}{part}" for n in range(335, 343) for part in ("", "-heldout")]
    # unseen343-350 (first runs 30/30, 30/30, 29/30, 29/30, 28/30, 28/30, 29/30 and 29/30 types, 14/14, 13/13, 16/16,
    # 12/13, 14/16, 14/14, 17/17 and 16/16 labelled deadlines, 30/30 ids but 348's 29/30): session 35's blind round 59,
    # eight batches on session 34's final rules (7758552)
    names += [f"fixtures-unseen{n}{part}" for n in range(343, 351) for part in ("", "-heldout")]
    # unseen351-358 (first runs 28/30, 30/30, 29/30, 29/30, 24/30, 30/30, 27/30 and 28/30 types, 17/17, 14/14, 14/15,
    # 14/14, 16/17, 12/12, 20/20 and 15/15 labelled deadlines, 30/30 ids but 355's and 357's 29/30): session 35's blind
    # round 60, eight batches on its round 59 rules (207e285)
    names += [f"fixtures-unseen{n}{part}" for n in range(351, 359) for part in ("", "-heldout")]
    # unseen359-366 (first runs 30/30 types in all eight, 18/18, 13/14, 17/17, 13/13, 18/18, 14/14, 17/17 and 15/15
    # labelled deadlines, 30/30 ids): session 36's blind round 61, eight batches on session 35's final rules (db9638b)
    names += [f"fixtures-unseen{n}{part}" for n in range(359, 367) for part in ("", "-heldout")]
    # unseen367-374 (first runs 28/30, 30/30, 29/30, 30/30, 30/30, 30/30, 27/30 and 28/30 types, 17/18, 15/16, 16/16,
    # 14/14, 15/15, 13/13, 19/19 and 12/13 labelled deadlines, 30/30 ids but 367's 29/30): session 36's blind round 62,
    # eight batches on the same rules (f4f3594)
    names += [f"fixtures-unseen{n}{part}" for n in range(367, 375) for part in ("", "-heldout")]
    # unseen375-382 (first runs 30/30, 30/30, 27/30, 29/30, 29/30, 29/30, 29/30 and 29/30 types, 15/15, 17/17, 16/17,
    # 13/13, 16/16, 14/15, 17/17 and 15/15 labelled deadlines, 30/30 ids but 379's 29/30): session 36's blind round
    # 63, eight batches on rounds 61-62's rules (5b17d86)
    names += [f"fixtures-unseen{n}{part}" for n in range(375, 383) for part in ("", "-heldout")]
    # unseen383-390 (first runs 30/30, 30/30, 28/30, 29/30, 27/30, 30/30, 29/30 and 29/30 types, 15/15, 13/14, 16/16,
    # 12/12, 16/17, 14/14, 15/16 and 13/15 labelled deadlines, 30/30 ids but 384's 29/30): session 36's blind round
    # 64, eight batches on round 63's rules (b6041bd)
    names += [f"fixtures-unseen{n}{part}" for n in range(383, 391) for part in ("", "-heldout")]
    # unseen391-398 (first runs 29/30, 29/30, 30/30, 29/30, 29/30, 28/30, 29/30 and 29/30 types, 14/14, 16/16, 13/13,
    # 13/13, 14/14, 14/15, 14/15 and 13/13 labelled deadlines, 30/30 ids): session 37's blind round 65, eight batches on
    # session 36's final rules (91c3804)
    names += [f"fixtures-unseen{n}{part}" for n in range(391, 399) for part in ("", "-heldout")]
    # unseen399-406 (first runs 29/30, 30/30, 28/30, 30/30, 29/30, 29/30, 30/30 and 29/30 types, 13/13, 14/14, 15/15,
    # 15/16, 15/15, 14/14, 14/14 and 15/15 labelled deadlines, 30/30 ids): session 37's blind round 66, eight batches on
    # round 65's rules (931dc03)
    names += [f"fixtures-unseen{n}{part}" for n in range(399, 407) for part in ("", "-heldout")]
    # unseen407-414 (first runs 29/30, 30/30, 30/30, 30/30, 28/30, 30/30, 30/30 and 29/30 types, 16/16, 14/14, 14/14,
    # 12/12, 15/15, 14/14, 12/13 and 13/14 labelled deadlines, 30/30 ids but 412's 29/30): session 37's blind round 67,
    # eight batches on round 66's rules (bada4c9)
    names += [f"fixtures-unseen{n}{part}" for n in range(407, 415) for part in ("", "-heldout")]
    # unseen415-422 (first runs 30/30, 30/30, 29/30, 29/30, 30/30, 29/30, 29/30 and 30/30 types, 16/16, 14/14, 14/15,
    # 12/12, 15/15, 14/14, 14/14 and 14/14 labelled deadlines, 30/30 ids but 422's 29/30): session 37's blind round 68,
    # eight batches on round 67's rules (21644a2), the session's final rules: not tuned on, main or held-out
    names += [f"fixtures-unseen{n}{part}" for n in range(415, 423) for part in ("", "-heldout")]
    # unseen423-430 (first runs 29/30, 30/30, 29/30, 30/30, 29/30, 30/30, 30/30 and 28/30 types, 13/13, 13/14, 13/14,
    # 12/13, 15/15, 14/14, 13/13 and 12/13 labelled deadlines, 30/30 ids but 423's 29/30): session 38's blind round 69,
    # eight batches on session 37's final rules (e4a1f9e)
    names += [f"fixtures-unseen{n}{part}" for n in range(423, 431) for part in ("", "-heldout")]
    # unseen431-438 (first runs 30/30, 30/30, 29/30, 30/30, 29/30, 29/30, 29/30 and 28/30 types, 16/16, 13/13, 14/14,
    # 15/15, 14/14, 14/14, 11/12 and 14/14 labelled deadlines, 30/30 ids): session 38's blind round 70, eight batches
    # on round 69's rules (25042b4)
    names += [f"fixtures-unseen{n}{part}" for n in range(431, 439) for part in ("", "-heldout")]
    # unseen439-446 (first runs 30/30, 29/30, 30/30, 30/30, 28/30, 30/30, 29/30 and 29/30 types, 14/14, 15/16, 15/15,
    # 12/14, 14/15, 14/14, 14/14 and 13/13 labelled deadlines, 30/30 ids but 442's 29/30): session 38's blind round 71,
    # eight batches on round 70's rules (ae3551c), the session's final rules but for round 71's own tuning
    names += [f"fixtures-unseen{n}{part}" for n in range(439, 447) for part in ("", "-heldout")]
    # unseen447-454 (first runs 30/30, 30/30, 30/30, 30/30, 28/30, 30/30, 29/30 and 29/30 types, 14/14, 13/14, 15/15,
    # 17/17, 15/16, 15/15, 14/14 and 13/13 labelled deadlines, 30/30 ids): session 39's blind round 72, eight batches
    # on session 38's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(447, 455) for part in ("", "-heldout")]
    # unseen455-462 (first runs 29/30, 29/30, 29/30, 29/30, 29/30, 29/30, 28/30 and 30/30 types, 15/16, 17/17, 15/16,
    # 13/14, 14/14, 14/14, 14/14 and 13/13 labelled deadlines, 30/30 ids but 456's 29/30): session 39's blind round 73,
    # eight batches on round 72's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(455, 463) for part in ("", "-heldout")]
    # unseen463-470 (first runs 30/30, 28/30, 30/30, 29/30, 30/30, 30/30, 30/30 and 30/30 types, 12/12, 16/16, 14/14,
    # 15/15, 16/16, 15/15, 14/14 and 17/17 labelled deadlines, 30/30 ids but 469's 29/30): session 39's blind round 74,
    # eight batches on round 73's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(463, 471) for part in ("", "-heldout")]
    # unseen471-478 (first runs 28/30, 28/30, 28/30, 29/30, 29/30, 29/30, 30/30 and 30/30 types, 13/14, 14/14, 16/16,
    # 11/13, 15/15, 14/15, 15/15 and 17/17 labelled deadlines, 30/30 ids): session 39's blind round 75, eight batches
    # on round 74's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(471, 479) for part in ("", "-heldout")]
    # unseen479-486 (first runs 30/30, 30/30, 30/30, 30/30, 28/30, 30/30, 29/30 and 30/30 types, 15/15, 14/14, 14/14,
    # 13/14, 15/15, 14/15, 14/14 and 12/14 labelled deadlines, 30/30 ids but 480's 28/30 and 483's 29/30): session 40's
    # blind round 76, eight batches on session 39's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(479, 487) for part in ("", "-heldout")]
    # unseen487-494 (first runs 29/30, 30/30, 29/30, 30/30, 30/30, 29/30, 29/30 and 29/30 types, 15/15, 15/15, 16/16,
    # 14/14, 15/15, 13/14, 14/14 and 14/15 labelled deadlines, 30/30 ids): session 40's blind round 77, eight batches on
    # round 76's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(487, 495) for part in ("", "-heldout")]
    # unseen495-502 (first runs 29/30, 29/30, 30/30, 30/30, 30/30, 30/30, 30/30 and 30/30 types, 15/15, 14/14, 15/16,
    # 15/16, 15/15, 15/15, 15/15 and 15/15 labelled deadlines, 30/30 ids but 497's and 501's 29/30): session 40's blind
    # round 78, eight batches on round 77's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(495, 503) for part in ("", "-heldout")]
    # unseen503-510 (first runs 30/30, 28/30, 29/30, 29/30, 30/30, 29/30, 30/30 and 30/30 types, 14/14, 15/15, 15/15,
    # 13/13, 15/15, 15/16, 14/14 and 12/12 labelled deadlines, 30/30 ids but 504's 29/30): session 40's blind round 79,
    # eight batches on round 78's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(503, 511) for part in ("", "-heldout")]
    # unseen511-518 (first runs 30/30, 28/30, 30/30, 29/30, 30/30, 30/30, 29/30 and 29/30 types, 14/14, 14/14, 13/13,
    # 13/13, 14/14, 15/15, 15/17 and 15/15 labelled deadlines, 30/30 ids but 516's 29/30): session 41's blind round
    # 80, eight batches on round 79's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(511, 519) for part in ("", "-heldout")]
    # unseen519-526 (first runs 28/30, 29/30, 30/30, 29/30, 30/30, 29/30, 30/30 and 30/30 types, 15/15, 12/13, 15/15,
    # 14/14, 16/16, 13/14, 14/14 and 13/13 labelled deadlines, 30/30 ids): session 41's blind round 81, eight batches
    # on round 80's rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(519, 527) for part in ("", "-heldout")]
    # unseen527-534 (first runs 30/30, 30/30, 30/30, 29/30, 30/30, 29/30, 29/30 and 29/30 types, 13/13, 14/15, 13/13,
    # 12/12, 15/15, 14/14, 15/15 and 13/14 labelled deadlines, 30/30 ids but 530's 29/30): session 41's blind round 82,
    # eight batches on round 81's rules, the session's final (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(527, 535) for part in ("", "-heldout")]
    # unseen535-542 (first runs 29/30, 30/30, 29/30, 30/30, 30/30, 30/30, 30/30 and 30/30 types, 13/13, 14/14, 14/15,
    # 13/13, 13/13, 15/15, 14/14 and 13/13 labelled deadlines, 30/30 ids): session 42's blind round 83, eight batches
    # on round 82's rules, session 41's final (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(535, 543) for part in ("", "-heldout")]
    # unseen543-550 (first runs 29/30, 28/30, 29/30, 30/30, 30/30, 30/30, 29/30 and 29/30 deadlines of all mails,
    # 30/30 types but 546's 29/30, 30/30 ids): session 42's blind round 84, eight batches on round 83's rules (its
    # registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(543, 551) for part in ("", "-heldout")]
    # unseen551-558 (first runs 30/30, 29/30, 30/30, 30/30, 30/30, 29/30, 30/30 and 29/30 types, 14/14, 15/18, 15/15,
    # 11/11, 15/15, 13/14, 15/15 and 12/13 labelled deadlines, 30/30 ids but 552's 29/30): session 42's blind round 85,
    # eight batches on round 84's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(551, 559) for part in ("", "-heldout")]
    # unseen559-566 (first runs 30/30 types but 559's and 564's 29/30, 15/15, 11/13, 13/13, 11/12, 14/14, 14/15, 14/14
    # and 12/12 labelled deadlines, 30/30 ids but 564's 28/30 and 566's 29/30): session 43's blind round 86, eight
    # batches on round 85's rules (its registration commit); main folders tuned on, all met since but 564's budget
    # account
    names += [f"fixtures-unseen{n}{part}" for n in range(559, 567) for part in ("", "-heldout")]
    # unseen567-574 (first runs 28/30, 29/30, 29/30, 29/30, 30/30, 30/30, 29/30 and 29/30 types, 14/14, 13/13, 13/13,
    # 14/15, 14/14, 14/14, 15/15 and 13/13 labelled deadlines, 30/30 ids): session 43's blind round 87, eight batches on
    # round 86's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(567, 575) for part in ("", "-heldout")]
    # unseen575-582 (first runs 30/30, 29/30, 30/30, 29/30, 28/30, 29/30, 30/30 and 30/30 types, 14/15, 12/14, 14/15,
    # 13/14, 12/13, 15/15, 15/15 and 15/15 labelled deadlines, 30/30 ids): session 43's blind round 88, eight batches on
    # round 87's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(575, 583) for part in ("", "-heldout")]
    # unseen583-590 (first runs 29/30, 30/30, 29/30, 29/30, 30/30, 30/30, 30/30 and 30/30 types, 14/14, 14/16, 14/14,
    # 15/15, 14/14, 13/13, 13/13 and 13/13 labelled deadlines, 30/30 ids): session 44's blind round 89, eight batches on
    # round 88's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(583, 591) for part in ("", "-heldout")]
    # unseen591-598 (first runs 30/30, 30/30, 30/30, 28/30, 30/30, 29/30, 30/30 and 29/30 types, 13/13, 14/14, 14/14,
    # 13/13, 14/14, 12/13, 14/14 and 12/12 labelled deadlines, 30/30 ids): session 44's blind round 90, eight batches on
    # round 89's rules (its registration commit); main folders tuned on, all met since but 594's German overdue payment
    names += [f"fixtures-unseen{n}{part}" for n in range(591, 599) for part in ("", "-heldout")]
    # unseen599-606 (first runs 30/30 types, 13/13, 14/15, 13/13, 12/12, 16/16, 13/13, 15/15 and 15/15 labelled
    # deadlines, 30/30 ids): session 44's blind round 91, eight batches on round 90's rules (its registration commit);
    # main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(599, 607) for part in ("", "-heldout")]
    # unseen607-614 (first runs 30/30 types but 610's and 611's 29/30, 13/13, 12/14, 15/15, 13/13, 14/14, 13/14, 13/13
    # and 15/15 labelled deadlines, 30/30 ids but 607's, 608's and 611's 29/30): session 44's blind round 92, eight
    # batches on round 91's rules (its registration commit); main folders tuned on, all met since but 607's account
    names += [f"fixtures-unseen{n}{part}" for n in range(607, 615) for part in ("", "-heldout")]
    # unseen615-622 (first runs 30/30 types but 615's 27/30 and 619's and 622's 29/30, 15/15, 12/13, 13/13, 13/13,
    # 14/14, 15/16, 15/15 and 14/14 labelled deadlines, 30/30 ids but 621's 29/30): session 45's blind round 93, eight
    # batches on session 44's final rules (its registration commit); main folders tuned on, all met since but 615's
    # past-due mail and 616's approval link
    names += [f"fixtures-unseen{n}{part}" for n in range(615, 623) for part in ("", "-heldout")]
    # unseen623-630 (first runs 30/30 types but 627's and 629's 29/30, 14/14, 15/15, 14/15, 14/14, 14/14, 13/13, 13/13
    # and 13/13 labelled deadlines, 30/30 ids but 627's 29/30): session 45's blind round 94, eight batches on round 93's
    # rules (its registration commit); main folders tuned on, all met since but 627's account
    names += [f"fixtures-unseen{n}{part}" for n in range(623, 631) for part in ("", "-heldout")]
    # unseen631-638 (first runs 30/30 types but 632's and 636's 29/30 and 633's and 635's 28/30, 13/13, 14/14, 14/14,
    # 15/15, 15/15, 14/14, 15/16 and 17/17 labelled deadlines, 30/30 ids but 636's 29/30): session 45's blind round
    # 95, eight batches on round 94's rules (its registration commit); main folders tuned on, all met since but 633's
    # Japanese invoice and 636's account
    names += [f"fixtures-unseen{n}{part}" for n in range(631, 639) for part in ("", "-heldout")]
    # unseen639-646 (first runs 30/30 types but 639's, 641's and 645's 29/30, 14/15, 15/15, 14/14, 15/15, 13/13, 14/14,
    # 15/15 and 13/13 labelled deadlines, 30/30 ids but 640's 29/30): session 45's blind round 96, eight batches on the
    # session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(639, 647) for part in ("", "-heldout")]
    # unseen647-654 (first runs 30/30 types but 652's 28/30 and 653's and 654's 29/30, 112 labelled deadlines of which
    # 109 found, 30/30 ids but 648's 29/30): session 46's blind round 97, eight batches on session 45's final rules (its
    # registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(647, 655) for part in ("", "-heldout")]
    # unseen655-662 (first runs 30/30 types but 655's, 657's and 659's 29/30 and 660's and 662's 28/30, 113 labelled
    # deadlines of which 111 found (657's 13/14, 659's 14/15), 30/30 ids but 661's 29/30): session 46's blind round 98,
    # eight batches on round 97's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(655, 663) for part in ("", "-heldout")]
    # unseen663-670 (first runs 30/30 types but 663's, 665's, 668's and 670's 29/30, 110 labelled deadlines of which 106
    # found (663's 14/15, 668's 11/13, 670's 13/14), 30/30 ids but 664's, 666's and 670's 29/30): session 46's blind
    # round 99, eight batches on round 98's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(663, 671) for part in ("", "-heldout")]
    # unseen671-678 (first runs 30/30 types but 672's 29/30 and 676's 28/30, 112 labelled deadlines of which 110 found
    # (671's 14/15, 675's 12/13), 30/30 ids but 672's 29/30): session 46's blind round 100, eight batches on round 99's
    # rules (its registration commit); main folders tuned on, all met since but 672's cost anomaly (below)
    names += [f"fixtures-unseen{n}{part}" for n in range(671, 679) for part in ("", "-heldout")]
    # unseen679-686 (first runs 30/30 types but 685's 28/30, 115 labelled deadlines of which 113 found (685's 15/16,
    # 686's 12/13), 30/30 ids but 685's 29/30): session 46's blind round 101, eight batches on the session's final rules
    # (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(679, 687) for part in ("", "-heldout")]
    # unseen687-694 (first runs 30/30 types but 688's, 691's, 692's and 694's 29/30 and 689's and 690's 28/30, 115
    # labelled deadlines of which 111 found (689's 13/14, 690's 13/14 (one of each half), 692's 12/13), 30/30 ids but
    # 689's and 690's 29/30): session 47's blind round 102, eight batches on session 46's final rules (its registration
    # commit); main folders tuned on, all met since but 693's SES review (below)
    names += [f"fixtures-unseen{n}{part}" for n in range(687, 695) for part in ("", "-heldout")]
    # unseen695-702 (first runs 30/30 types but 700's 29/30, 115 labelled deadlines, all found, 30/30 ids but 701's
    # 29/30): session 47's blind round 103, eight batches on round 102's rules (its registration commit); main folders
    # tuned on, all met since but 698's abuse report (below)
    names += [f"fixtures-unseen{n}{part}" for n in range(695, 703) for part in ("", "-heldout")]
    # unseen703-710 (first runs 30/30 types but 710's 29/30, 117 labelled deadlines of which 115 found (708's 14/15,
    # 710's 14/15), 30/30 ids but 707's and 708's 29/30): session 47's blind round 104, eight batches on round 103's
    # rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(703, 711) for part in ("", "-heldout")]
    # unseen711-718 (first runs 30/30 types but 711's and 718's 29/30, 113 labelled deadlines of which 111 found
    # (714's 14/15, 717's 11/12), 30/30 ids but 712's 29/30): session 47's blind round 105, eight batches on round
    # 104's rules (its registration commit); main folders tuned on, all met since
    names += [f"fixtures-unseen{n}{part}" for n in range(711, 719) for part in ("", "-heldout")]
    # unseen719-726 (first runs 30/30 types but 723's, 724's and 726's 29/30, 720's 27/30, 109 labelled deadlines of
    # which 108 found (726's 14/15), 30/30 ids but 720's and 724's 29/30): session 47's blind round 106, eight batches
    # on round 105's rules (its registration commit); main folders tuned on, all met since but 719's abuse reminder
    names += [f"fixtures-unseen{n}{part}" for n in range(719, 727) for part in ("", "-heldout")]
    # unseen727-734 (first runs 30/30 types but 727's, 729's, 730's and 732's 29/30 and 733's 28/30, 114 labelled
    # deadlines of which 113 found (727's 15/16), 30/30 ids but 730's 29/30): session 47's blind round 107, eight
    # batches on round 106's rules (its registration commit); main folders' types tuned on since, dates and an account
    # left (below)
    names += [f"fixtures-unseen{n}{part}" for n in range(727, 735) for part in ("", "-heldout")]
    # unseen735-742 (first runs 30/30 types but 740's 29/30, 114 labelled deadlines of which 111 found (735's, 739's
    # and 740's one each), 30/30 ids): session 47's blind round 108, eight batches on the session's final rules (its
    # registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(735, 743) for part in ("", "-heldout")]
    # unseen743-750 (first runs 30/30 types but 744's, 745's, 746's, 748's and 750's 29/30 and 749's 27/30, 115
    # labelled deadlines of which 113 found (743's and 746's one each), 30/30 ids but 743's 29/30): session 47's blind
    # round 109, eight batches on the session's final rules (its registration commit), measured only, as round 108
    names += [f"fixtures-unseen{n}{part}" for n in range(743, 751) for part in ("", "-heldout")]
    # unseen751-758 (first runs 30/30 types but 751's, 752's, 753's and 758's 29/30, 113 labelled deadlines of which
    # 108 found (751's, 752's, 758's two and 752h's one), 30/30 ids but 756's 29/30): session 48's blind round 110,
    # eight batches on session 47's final rules (its registration commit); main folders tuned on since (below)
    names += [f"fixtures-unseen{n}{part}" for n in range(751, 759) for part in ("", "-heldout")]
    # unseen759-766 (first runs 30/30 types but 760's, 763's, 764h's and 766h's 29/30, 106 labelled deadlines all
    # found, two given where none is labelled (759's, 765's), 30/30 ids): session 48's blind round 111, eight batches
    # on round 110's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(759, 767) for part in ("", "-heldout")]
    # unseen767-774 (first runs 30/30 types but 768h's, 772's and 774's 29/30, 111 labelled deadlines of which 109
    # found (769's, 774h's), two given where none is labelled (768's), 30/30 ids but 772's and 774's 29/30): session
    # 48's blind round 112, eight batches on round 111's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(767, 775) for part in ("", "-heldout")]
    # unseen775-782 (first runs 30/30 types but 776's and 778's 29/30 and 780's 28/30, 109 labelled deadlines of which
    # 108 found (775's), one given where none is labelled (782's), 30/30 ids but 779's 29/30; held-out folders 80/80,
    # 40/40, 80/80): session 48's blind round 113, eight batches on round 112's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(775, 783) for part in ("", "-heldout")]
    # unseen783-790 (first runs 30/30 types but 783h's and 785's 29/30, 111 labelled deadlines of which 109 found
    # (783's, 788's), two given where none is labelled (787h's, 788h's), 30/30 ids but 786's 29/30): session 48's
    # blind round 114, eight batches on the session's final rules (its registration commit), measured only: not tuned
    # on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(783, 791) for part in ("", "-heldout")]
    # unseen791-798 (first runs 30/30 types but 794's, 796h's, 797's and 798's 29/30, 113 labelled deadlines of which
    # 112 found (797h's), one given where none is labelled (794's), 30/30 ids): session 48's blind round 115, eight
    # batches on the session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(791, 799) for part in ("", "-heldout")]
    # unseen799-806 (first runs 30/30 types but 799's, 803's, 804h's and 805h's 29/30, 114 labelled deadlines, all
    # found, none given where none is labelled, 30/30 ids but 799's 29/30): session 49's blind round 116, eight batches
    # on session 48's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(799, 807) for part in ("", "-heldout")]
    # unseen807-814 (first runs 30/30 types but 807's and 812h's 29/30, 109 labelled deadlines, all found, two given
    # where none is labelled (808h's, 809's), 30/30 ids): session 49's blind round 117, eight batches on round 116's
    # tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(807, 815) for part in ("", "-heldout")]
    # unseen815-822 (first runs 30/30 types but 819's 28/30, 821's and 822h's 29/30, 115 labelled deadlines of which
    # 114 found (822h's), three given where none is labelled (816h's, 818h's, 821h's), 30/30 ids): session 49's blind
    # round 118, eight batches on round 117's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(815, 823) for part in ("", "-heldout")]
    # unseen823-830 (first runs 30/30 types but 825's, 829's and 830's 29/30, 117 labelled deadlines of which 116
    # found (830's), 30/30 ids but 827h's 29/30): session 49's blind round 119, eight batches on round 118's tuning
    # (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(823, 831) for part in ("", "-heldout")]
    # unseen831-838 (first runs 30/30 types but 835's, 837's and 838's 29/30, 114 labelled deadlines of which 112
    # found (833h's, 834h's), two given where none is labelled (835's, 838's), 30/30 ids but 831h's and 832's 29/30):
    # session 49's blind round 120, eight batches on round 119's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(831, 839) for part in ("", "-heldout")]
    # unseen839-846 (first runs 30/30 types but 840h's and 845h's 29/30, 111 labelled deadlines, all found, none given
    # where none is labelled, 30/30 ids but 846's 29/30): session 49's blind round 121, eight batches on the session's
    # final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(839, 847) for part in ("", "-heldout")]
    # unseen847-854 (first runs 30/30 types but 848h's and 850's 29/30 and 852h's 28/30, 104 of 105 labelled deadlines
    # found (853h's), one given where none is labelled (850h's), 30/30 ids but 853h's 29/30): session 50's blind round
    # 122, eight batches on session 49's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(847, 855) for part in ("", "-heldout")]
    # unseen855-862 (first runs 30/30 types but 859's 28/30 and 860h's 29/30, 111 of 113 labelled deadlines found
    # (859's, 860's), none given where none is labelled, 30/30 ids): session 50's blind round 123, eight batches on
    # round 122's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(855, 863) for part in ("", "-heldout")]
    # unseen863-870 (first runs 30/30 types but 864's 29/30 and 865's 28/30, 111 of 112 labelled deadlines found
    # (863's), one given where none is labelled (869's), 30/30 ids): session 50's blind round 124, eight batches on
    # round 123's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(863, 871) for part in ("", "-heldout")]
    # unseen871-878 (first runs 30/30 types but 874's 28/30 and 878h's 29/30, 111 labelled deadlines, all found, one
    # given where none is labelled (874's), 30/30 ids but 873's, 875's and 878h's 29/30): session 50's blind round
    # 125, eight batches on round 124's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(871, 879) for part in ("", "-heldout")]
    # unseen879-886 (first runs 30/30 types but 880's 29/30 and 883's 28/30, 108 of 112 labelled deadlines found
    # (880's, 883's two, 884h's), none given where none is labelled, 30/30 ids): session 50's blind round 126, eight
    # batches on round 125's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(879, 887) for part in ("", "-heldout")]
    # unseen887-894 (first runs 30/30 types but 888h's 29/30 and 893's 28/30, 106 of 109 labelled deadlines found
    # (887's, 888's, 892's), none given where none is labelled, 30/30 ids): session 50's blind round 127, eight batches
    # on the session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(887, 895) for part in ("", "-heldout")]
    # unseen895-902 (first runs 30/30 types but 896's and 898's 29/30 and 902's 28/30, 108 of 108 labelled deadlines
    # found, two given where none is labelled (897h's, 901h's), 30/30 ids): session 51's blind round 128, eight batches
    # on session 50's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(895, 903) for part in ("", "-heldout")]
    # unseen903-910 (first runs 30/30 types, 110 of 113 labelled deadlines found (905's, 906's, 907's), none given where
    # none is labelled, 30/30 ids but 909's and 909h's 29/30): session 51's blind round 129, eight batches on round
    # 128's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(903, 911) for part in ("", "-heldout")]
    # unseen911-918 (first runs 30/30 types but 914h's and 918's 29/30, 110 of 111 labelled deadlines found (918's),
    # four given where none is labelled (911's, 915's two, 916's), 30/30 ids but 916's 29/30): session 51's blind
    # round 130, eight batches on round 129's tuning (its registration commit, meant as the session's final rules;
    # its main folders were tuned on after all)
    names += [f"fixtures-unseen{n}{part}" for n in range(911, 919) for part in ("", "-heldout")]
    # unseen919-926 (first runs 30/30 types but 919's, 919h's, 921's, 921h's, 925's and 926's 29/30, 110 of 110 labelled
    # deadlines found, two given where none is labelled (921's, 922's), 30/30 ids but 920's 29/30): session 51's blind
    # round 131, eight batches on the session's final rules (its registration commit), measured only: not tuned on,
    # main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(919, 927) for part in ("", "-heldout")]
    # unseen927-934 (first runs 30/30 types but 929's and 930's 29/30, 110 of 111 labelled deadlines found (932's a day
    # late), one given where none is labelled (934h's), 30/30 ids): session 52's blind round 132, eight batches on
    # session 51's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(927, 935) for part in ("", "-heldout")]
    # unseen935-942 (first runs 30/30 types but 936's and 942h's 29/30 and 942's 28/30, 112 of 114 labelled deadlines
    # found (938's, 940h's), one given where none is labelled (942's), 30/30 ids but 937h's and 939h's 29/30): session
    # 52's blind round 133, eight batches on round 132's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(935, 943) for part in ("", "-heldout")]
    # unseen943-950 (first runs 30/30 types but 944h's, 947's and 949h's 29/30, 110 of 111 labelled deadlines found
    # (947's), none given where none is labelled, 30/30 ids but 944h's, 947h's and 950's 29/30): session 52's blind
    # round 134, eight batches on round 133's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(943, 951) for part in ("", "-heldout")]
    # unseen951-958 (first runs 30/30 types but 955h's and 957's 29/30, 111 of 111 labelled deadlines found, two given
    # where none is labelled (956h's, 957h's), 30/30 ids but 958's 29/30): session 52's blind round 135, eight batches
    # on the session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(951, 959) for part in ("", "-heldout")]
    # unseen959-966 (first runs 30/30 types but 965's 29/30, 114 of 116 labelled deadlines found (965's, 966h's), one
    # given where none is labelled (960's), 30/30 ids): session 53's blind round 136, eight batches on session 52's
    # final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(959, 967) for part in ("", "-heldout")]
    # unseen967-974 (first runs 30/30 types but 971h's 29/30, 115 of 115 labelled deadlines found, one given where none
    # is labelled (970's), 30/30 ids but 970h's 29/30): session 53's blind round 137, eight batches on round 135's and
    # 136's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(967, 975) for part in ("", "-heldout")]
    # unseen975-982 (first runs 30/30 types but 975's, 979's, 978h's and 980h's 29/30, 107 of 110 labelled deadlines
    # found (978h's, 980's, 982's), one given where none is labelled (976's), 30/30 ids but 978h's and 980's 29/30):
    # session 53's blind round 138, eight batches on round 137's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(975, 983) for part in ("", "-heldout")]
    # unseen983-990 (first runs 30/30 types but 984h's and 990h's 29/30, 108 of 108 labelled deadlines found, none
    # given where none is labelled, 30/30 ids but 984's and 989's 29/30): session 53's blind round 139, eight batches on
    # the session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(983, 991) for part in ("", "-heldout")]
    # unseen991-998 (first runs 30/30 types but 995's, 992h's and 998h's 29/30, 106 of 107 labelled deadlines found
    # (995's), one given where none is labelled (996's), 30/30 ids but 992's 29/30 and 993's 28/30): session 54's blind
    # round 140, eight batches on session 53's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(991, 999) for part in ("", "-heldout")]
    # unseen999-1006 (first runs 30/30 types but 1004h's 29/30, 107 of 109 labelled deadlines found (1004h's two),
    # none given where none is labelled, 30/30 ids): session 54's blind round 141, eight batches on round 139's and
    # 140's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(999, 1007) for part in ("", "-heldout")]
    # unseen1007-1014 (first runs 30/30 types but 1013's 29/30, 108 of 112 labelled deadlines found (1007's, 1012's,
    # 1013's, 1011h's), one given where none is labelled (1012's), 30/30 ids but 1012's 29/30): session 54's blind
    # round 142, eight batches on round 139's and 140's tuning with the escape fix (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1007, 1015) for part in ("", "-heldout")]
    # unseen1015-1022 (first runs 30/30 types but 1015's 29/30 and 1021's 28/30, 111 of 111 labelled deadlines found,
    # none given where none is labelled, 30/30 ids but 1019's 29/30): session 54's blind round 143, eight batches on
    # the session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1015, 1023) for part in ("", "-heldout")]
    # unseen1023-1030 (first runs 30/30 types but 1024's, 1028's and 1030h's 29/30, 115 of 116 labelled deadlines
    # found (1024h's), two given where none is labelled (1024's, 1030's), 30/30 ids): session 55's blind round 144,
    # eight batches on session 54's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1023, 1031) for part in ("", "-heldout")]
    # unseen1031-1038 (first runs 30/30 types but 1033's and 1037h's 29/30, 108 of 109 labelled deadlines found
    # (1034's), one given where none is labelled (1038's), 30/30 ids): session 55's blind round 145, eight batches on
    # round 143's and 144's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1031, 1039) for part in ("", "-heldout")]
    # unseen1039-1046 (first runs 30/30 types but 1039h's 28/30 and 1044's 28/30, 113 of 114 labelled deadlines found
    # (1039h's), one given where none is labelled (1046h's), 30/30 ids but 1042's and 1045h's 29/30): session 55's
    # blind round 146, eight batches on the session's final rules (its registration commit), measured only: not tuned
    # on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1039, 1047) for part in ("", "-heldout")]
    # unseen1047-1054 (first runs 30/30 types but 1049h's, 1051h's, 1053h's and 1054's 29/30, 116 of 118 labelled
    # deadlines found (1048's, 1053's), three given where none is labelled (1049's and 1053's ACM approvals, 1052's
    # Marketplace purchase), 30/30 ids but 1051's 29/30): session 56's blind round 147, eight batches on session 55's
    # final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1047, 1055) for part in ("", "-heldout")]
    # unseen1055-1062 (first runs 30/30 types but 1056's, 1059h's, 1061's, 1061h's and 1062's 29/30, 106 of 109
    # labelled deadlines found (1056's, 1060's, 1061's), two given where none is labelled (1062's), 30/30 ids but
    # 1058's 29/30): session 56's blind round 148, eight batches on round 146's and 147's tuning (its registration
    # commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1055, 1063) for part in ("", "-heldout")]
    # unseen1063-1070 (first runs 30/30 types but 1069h's and 1070's 29/30, 109 of 112 labelled deadlines found
    # (1067's, 1067h's, 1069h's), one given where none is labelled (1070's), 30/30 ids but 1064h's 29/30): session 56's
    # blind round 149, eight batches on round 146's, 147's and 148's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1063, 1071) for part in ("", "-heldout")]
    # unseen1071-1078 (first runs 30/30 types but 1077h's 29/30, 113 of 114 labelled deadlines found (1078's), four
    # given where none is labelled (1071's, 1072's, 1074's, 1078's), 30/30 ids but 1078h's 29/30): session 56's blind
    # round 150, eight batches on the session's rules at 4a5bbf16 (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1071, 1079) for part in ("", "-heldout")]
    # unseen1079-1086 (first runs 30/30 types but 1079's 28/30, 110 of 111 labelled deadlines found (1084's), one given
    # where none is labelled (1082h's), 30/30 ids but 1083's, 1084h's and 1085's 29/30): session 56's blind round 151,
    # eight batches on the session's final rules (its registration commit), measured only: not tuned on, main folders
    # included
    names += [f"fixtures-unseen{n}{part}" for n in range(1079, 1087) for part in ("", "-heldout")]
    # unseen1087-1094 (first runs 30/30 types but 1089h's, 1090's, 1091's, 1091h's and 1094's 29/30, 114 of 115
    # labelled deadlines found (1091's), 30/30 ids but 1089's 29/30): session 57's blind round 152, eight batches on
    # session 56's final rules (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1087, 1095) for part in ("", "-heldout")]
    # unseen1095-1102 (first runs 30/30 types but 1100's 29/30, 107 of 107 labelled deadlines found, one given where
    # none is labelled (1101's), 30/30 ids): session 57's blind round 153, eight batches on round 151's and 152's
    # tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1095, 1103) for part in ("", "-heldout")]
    # unseen1103-1110 (first runs 30/30 types but 1104's and 1107h's 29/30, 117 of 118 labelled deadlines found
    # (1108h's), three given where none is labelled (1104's, 1105's, 1108's), 30/30 ids but 1103h's and 1105's
    # 29/30): session 57's blind round 154, eight batches on rounds 151-153's tuning (its registration commit)
    names += [f"fixtures-unseen{n}{part}" for n in range(1103, 1111) for part in ("", "-heldout")]
    # unseen1111-1118 (first runs 30/30 types but 1112h's, 1114's and 1117's 29/30, 110 of 111 labelled deadlines
    # found (1114's), 30/30 ids but 1114's 29/30): session 57's blind round 155, eight batches on the session's final
    # rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1111, 1119) for part in ("", "-heldout")]
    # unseen1119-1124 (first runs 30/30 types but 1119's and 1123's 29/30, 82 of 84 labelled deadlines found (1120's,
    # 1122's), 30/30 ids but 1120's and 1121h's 29/30): session 58's blind round 156, six batches on that session's
    # round-155 tuning (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1119, 1125) for part in ("", "-heldout")]
    # unseen1125-1132 (first runs 30/30 types but 1128's and 1128h's 29/30, 110 of 110 labelled deadlines found, two
    # given where none is labelled (1127's, 1130h's), 30/30 ids): session 58's blind round 157, eight batches on the
    # session's final rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1125, 1133) for part in ("", "-heldout")]
    # unseen1133-1140 (first runs 30/30 types but 1133's, 1136's, 1138h's and 1140's 29/30, 113 of 114 labelled
    # deadlines found (1135's), 30/30 ids): session 59's blind round 158, eight batches on session 58's final rules
    # (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1133, 1141) for part in ("", "-heldout")]
    # unseen1141-1148 (first runs 30/30 types but 1145's, 1145h's and 1148's 29/30, 110 of 110 labelled deadlines
    # found, 30/30 ids but 1144h's 29/30): session 59's blind round 159, eight batches on round 158's tuning (its
    # registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1141, 1149) for part in ("", "-heldout")]
    # unseen1149-1156 (first runs 30/30 types but 1149's, 1151h's and 1156h's 29/30, 110 of 110 labelled deadlines
    # found, two given where none is labelled (1150's, 1153's), 30/30 ids): session 59's blind round 160, eight batches
    # on round 159's tuning (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1149, 1157) for part in ("", "-heldout")]
    # unseen1157-1164 (first runs 30/30 types but 1158h's, 1159h's, 1163's and 1164's 29/30, 113 of 114 labelled
    # deadlines found (1158h's), one given where none is labelled (1163h's), 30/30 ids but 1163's 29/30): session 59's
    # blind round 161, eight batches on that session's final rules (its registration commit), measured only there;
    # main folders tuned on in session 60
    names += [f"fixtures-unseen{n}{part}" for n in range(1157, 1165) for part in ("", "-heldout")]
    # unseen1165-1172 (first runs 30/30 types but 1165's 28/30, 1167's 29/30, 1168's 27/30 and 1170's 29/30, 113 of
    # 113 labelled deadlines found, one given where none is labelled (1170's), 30/30 ids but 1168's and 1172's 29/30):
    # session 60's blind round 162, eight batches on session 59's final rules (its registration commit); main folders
    # tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1165, 1173) for part in ("", "-heldout")]
    # unseen1173-1180 (first runs 30/30 types but 1175's, 1177's and 1180's 29/30, 108 of 109 labelled deadlines found
    # (1178's), four given where none is labelled (1176's two, 1179h's, 1180's), 30/30 ids): session 60's blind round
    # 163, eight batches on round 162's tuning (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1173, 1181) for part in ("", "-heldout")]
    # unseen1181-1188 (first runs 30/30 types but 1181h's 29/30, 118 of 118 labelled deadlines found, none given where
    # none is labelled, 30/30 ids): session 60's blind round 164, eight batches on the session's final rules (its
    # registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1181, 1189) for part in ("", "-heldout")]
    # unseen1189-1196 (first runs 30/30 types but 1193's 29/30, 114 of 116 labelled deadlines found (1193h's, 1195's),
    # none given where none is labelled, 30/30 ids but 1192's 29/30): session 61's blind round 165, eight batches on
    # session 60's final rules (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1189, 1197) for part in ("", "-heldout")]
    # unseen1197-1204 (first runs 30/30 types but 1198's, 1199's, 1203's 29/30 and 1199h's 28/30, 117 of 119 labelled
    # deadlines found (1197h's given another date, 1198's), none given where none is labelled, 30/30 ids but 1197's and
    # 1198's 29/30): session 61's blind round 166, eight batches on the session's account-closed fix (its registration
    # commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1197, 1205) for part in ("", "-heldout")]
    # unseen1205-1212 (first runs 30/30 types but 1209's 28/30, 112 of 113 labelled deadlines found (1209's), none given
    # where none is labelled, 30/30 ids but 1211's 29/30): session 61's blind round 167, eight batches on round 165's
    # tuning (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1205, 1213) for part in ("", "-heldout")]
    # unseen1213-1220 (first runs 30/30 types but 1216h's 29/30, 112 of 114 labelled deadlines found (1213h's, 1214h's),
    # none given where none is labelled, 30/30 ids): session 61's blind round 168, eight batches on round 165's tuning
    # (its registration commit); its main folders missed nothing
    names += [f"fixtures-unseen{n}{part}" for n in range(1213, 1221) for part in ("", "-heldout")]
    # unseen1221-1228 (first runs 30/30 types but 1224h's, 1225h's and 1228's 29/30, 111 of 112 labelled deadlines found
    # (1228h's given another date), two given where none is labelled (1225h's, 1227's), 30/30 ids): session 61's blind
    # round 169, eight batches on rounds 166-167's tuning (its registration commit); main folders tuned on since
    names += [f"fixtures-unseen{n}{part}" for n in range(1221, 1229) for part in ("", "-heldout")]
    # unseen1229-1236 (first runs 30/30 types but 1234's and 1236h's 29/30, 113 of 113 labelled deadlines found, none
    # given where none is labelled, 30/30 ids): session 61's blind round 170, eight batches on the session's final
    # rules (its registration commit), measured only: not tuned on, main folders included
    names += [f"fixtures-unseen{n}{part}" for n in range(1229, 1237) for part in ("", "-heldout")]
    # own25 (validity periods of days in our own wordings; first run 5/20 and 2/10 deadlines, its held-out third 8/10
    # at its one run after the rules): session 44
    names += ["fixtures-own25", "fixtures-own25-heldout"]
    sets, _ = bench.labelled_sets(names)
    assert sorted(s.name for s in sets) == sorted(names)
    floors = {name: (1.0, 1.0, 1.0) for name in names}
    # one held-out deadline stays missed: an informational maintenance ("no action is needed") labelled
    # with one
    floors["fixtures-unseen3-heldout"] = (1.0, 14 / 15, 1.0)
    # unseen5 keeps three misses where its labels disagree with others (its README): two abuse reports'
    # "reply within 24 hours" as a deadline (samples/18 labels the same phrase as none), and the cost
    # anomaly sent to the management account whose "Member Account:" line is read as the account
    floors["fixtures-unseen5"] = (1.0, 42 / 44, 43 / 44)
    # own13: an RDS patch window in a table is read as its start (the earliest of a window, as every window
    # since unseen3) where own13's label says its end
    floors["fixtures-own13"] = (1.0, 15 / 16, 1.0)
    # own14: a Japanese maintenance of a VPC endpoint's hosts that asks nothing of the reader, labelled with its
    # window (informational maintenance has no deadline since unseen3), and the Organizations mail that names only
    # "the organization whose management account is …" (not taken for the reader's: issue 12 item 4)
    floors["fixtures-own14"] = (1.0, 15 / 16, 15 / 16)
    # own22: a mail from a sender address that is no AWS sender (the generator's mistake, kept: such mail is rightly
    # general.other)
    floors["fixtures-own22"] = (11 / 12, 1.0, 1.0)
    # unseen43-heldout: an SES notice that requests "will begin to fail progressively after 11/16" (a month and day
    # without a year, read as no date) is left general.other without its deadline (README)
    floors["fixtures-unseen43-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen49-heldout: not tuned on (README): a Free Tier expiry mail's deadline is not found (unseen50-heldout's
    # Japanese exposed-key mail lost the passed date it had been given in session 16)
    floors["fixtures-unseen49-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen51-heldout, unseen52-heldout: not tuned on (READMEs): an SES DKIM success in French, a CA rotation's date
    # and a signing certificate's switch date missed (51h's German CA rotation dated since session 50)
    floors["fixtures-unseen51-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen52-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen53-heldout, unseen54-heldout: not tuned on (READMEs): an Italian case AWS opened, read as correspondence,
    # without its date; a Spanish exposed-key mail gets a deadline its label does not have
    floors["fixtures-unseen53-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen54-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen55-58's held-out thirds: not tuned on (READMEs): a Japanese card-not-retried warning read as a suspension;
    # a German promotional credit read as an invoice without its expiry, a rand refund as Support, a case the reader
    # opened read as one AWS opened; an abuse report's date missed and a French Marketplace renewal's account not found;
    # an email-change code read as a sign-in code and a French SES probation's date missed
    floors["fixtures-unseen55-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen56-heldout"] = (7 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen57-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen58-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen59-62's held-out thirds: not tuned on (READMEs): an "about to be suspended" warning read as billing.other,
    # an AppStream window's date missed (its Korean SES verification relabelled to the account its link's Context names,
    # the shared samples' convention: README); a member account's root-key review date missed beside the management
    # account; an IVS certificate date in an HTML table missed and a German SES review read as an end of support; a
    # French host maintenance's date missed
    floors["fixtures-unseen59-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen60-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen61-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen62-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen63-66's held-out thirds, not tuned on (READMEs): an MWAA upgrade "in 60 days" read as its later date; a
    # Taiwanese resolved issue read as health.other; an Italian suspension warning's account and a private offer's
    # instalment date missed; a Spanish price change's date missed
    # (63h's MWAA upgrade is dated from its window's start since session 48: no floor)
    floors["fixtures-unseen64-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen65-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen66-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen67-70's held-out thirds, not tuned on (READMEs): an imported ACM certificate's expiry read as an approval
    # and a discontinued IoT Events as health.other; a Spanish end of support in an ASCII table and a French window in
    # an HTML table head missed; an account closure's end, a standard support's end beside its extended support's, a
    # Turkish invoice (type, due date, account) and a Dutch payment method (type, period) missed, an Italian Shield
    # renewal left general; a Japanese retirement's per-row dates and a security contact's date missed, a charging
    # change read as an end of support
    floors["fixtures-unseen67-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen68-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen69-heldout"] = (7 / 10, 6 / 10, 9 / 10)
    floors["fixtures-unseen70-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen71 and unseen73: five mails in languages AWS does not write its notices in (Dutch, Polish, Turkish,
    # Swedish, Vietnamese), not tuned on (READMEs); their held-out thirds' misses: an abuse report's 24-hour reply
    # labelled a deadline against the convention, a French patch window's and an SNS confirmation's accounts, a
    # French payment failure read as billing.other; a model's extended access read as its later date
    floors["fixtures-unseen71"] = (17 / 20, 17 / 20, 1.0)
    floors["fixtures-unseen71-heldout"] = (9 / 10, 9 / 10, 8 / 10)
    floors["fixtures-unseen73"] = (19 / 20, 18 / 20, 19 / 20)
    floors["fixtures-unseen73-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen75's and unseen77's held-out thirds, not tuned on: a Traditional Chinese Marketplace cancellation's date
    # and an SNS-forwarded event's account (only in an ARN) missed; a Portuguese exposed key read as a policy change
    floors["fixtures-unseen75-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen77-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen79-82's held-out thirds, not tuned on (READMEs)
    floors["fixtures-unseen79-heldout"] = (9 / 10, 1.0, 9 / 10)
    floors["fixtures-unseen80-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen81-heldout"] = (8 / 10, 6 / 10, 1.0)
    floors["fixtures-unseen82-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen86: a Snowball Edge return with a late fee, read as a policy change (its charge from a date); unseen83-90's
    # held-out thirds, not tuned on (READMEs)
    floors["fixtures-unseen86"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen83-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen84-heldout"] = (1.0, 7 / 10, 1.0)
    floors["fixtures-unseen86-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen87-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen88-heldout"] = (8 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen89-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen90-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen91, unseen93, unseen94: an abuse report's reply "within 24 hours" labelled a deadline against samples/18's
    # convention (READMEs); their held-out thirds, not tuned on
    floors["fixtures-unseen91"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen93"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen94"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen91-heldout"] = (9 / 10, 9 / 10, 1.0)
    # (92h's German maintenance undated since session 52: its "nothing to do" read, the offer beside it not)
    floors["fixtures-unseen92-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen93-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen94-heldout"] = (8 / 10, 9 / 10, 9 / 10)
    # unseen95 and unseen98, after session 18's sixth round (READMEs): a payment date written in words ("the ninth of
    # April") and a Prometheus phase given only in an HTML table head stay missed; the held-out thirds' misses
    floors["fixtures-unseen95"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen98"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen95-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen96-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen97-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen98-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen99-heldout"] = (8 / 10, 1.0, 1.0)  # (its Portuguese EC2 retirement dated since session 48)
    floors["fixtures-unseen100-heldout"] = (1.0, 7 / 10, 1.0)
    floors["fixtures-unseen101-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen102-heldout"] = (9 / 10, 7 / 10, 1.0)
    floors["fixtures-unseen103-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen104-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen105-heldout"] = (9 / 10, 1.0, 9 / 10)
    floors["fixtures-unseen106-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen107-heldout"] = (9 / 10, 7 / 10, 1.0)
    floors["fixtures-unseen108-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen109: a Korean model's stages, where the day its extended access starts ("확장 액세스 단계가 시작") is read
    # before its end of life, both dated in one sentence (README)
    floors["fixtures-unseen109"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen109-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen110-heldout"] = (1.0, 7 / 10, 1.0)
    # (111-heldout's member account read since by session 40's round 78, 149-heldout's Spanish SES MAIL FROM set-up too)
    # unseen112: a Chinese default change whose event type code is a planned lifecycle event, read as an end of support
    # as the code says (labelled health.other); unseen114: a cost anomaly whose management account is named as the
    # recipient beside the member account, a Japanese maintenance that only delays writes (its window labelled), and
    # a Chinese date given only in a box-drawn table's row (READMEs)
    floors["fixtures-unseen112"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen112-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen113-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen114"] = (1.0, 18 / 20, 19 / 20)
    floors["fixtures-unseen114-heldout"] = (1.0, 8 / 10, 9 / 10)
    # unseen115-126: the main folders at every figure but two named misses (unseen118: a Korean Network Firewall
    # maintenance whose connections may be reset, labelled without a deadline; unseen119: an SNS subscription whose
    # topic's account is labelled the recipient's, where unseen125 labels none; unseen122's billing transfer, whose
    # paying account is named beside the reader's masked one, is read since session 21); the held-out thirds at their
    # misses
    # (unseen117-heldout's agreement "published on D1 and take effect on D2" has its deadline since session 34's round
    # 56: a past clause with its own date, joined by "and", is no fact of the other date's)
    floors["fixtures-unseen117-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen118"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen118-heldout"] = (1.0, 9 / 10, 1.0)
    # (unseen119 and unseen156-heldout each count one "within N days of this notice" from the Date header's local day,
    # a day after its UTC day; since session 37 a period counted from the mail starts on its UTC day, as the examiner
    # brief and the later labels count it: 390-heldout's and 397's, and 271's "pay by" a day later)
    floors["fixtures-unseen119"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen120-heldout"] = (1.0, 7 / 10, 1.0)
    floors["fixtures-unseen122-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen124-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen125-heldout"] = (9 / 10, 9 / 10, 9 / 10)
    # unseen128: an Italian Wavelength maintenance that asks nothing and may cost a few minutes of connectivity,
    # labelled with its window (the slight-impact maintenance the batches disagree on)
    floors["fixtures-unseen128"] = (1.0, 19 / 20, 1.0)
    # unseen131-134: session 20's last blind measurement, not tuned on then; since session 21's rounds (which tuned
    # on their main folders: an SES Context, a Fargate version, a Korean root MFA, two deadlines) at their figures
    floors["fixtures-unseen131-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen132"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen132-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen134"] = (1.0, 18 / 20, 1.0)
    # unseen135-138: session 21's first blind round (first runs in the READMEs), main folders after its second round
    floors["fixtures-unseen135"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen135-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen136"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen136-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen137-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen138-heldout"] = (1.0, 7 / 10, 1.0)
    # unseen139-142: session 21's second blind round (first runs in the READMEs), main folders after its third round
    floors["fixtures-unseen139"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen139-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen140"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen141"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen141-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen142"] = (19 / 20, 17 / 20, 1.0)
    # unseen143-146: session 21's last blind round, on its last rules (8028ae7), not tuned on: at their first runs
    floors["fixtures-unseen143"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen143-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen144"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen144-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen145"] = (19 / 20, 18 / 20, 1.0)
    floors["fixtures-unseen145-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen146"] = (1.0, 18 / 20, 1.0)
    # unseen147-150: the held-out folders at their first runs; the main ones after 1fdbe40 (one miss: a card that
    # must be verified before the billing period closes, dated only as the period's end)
    floors["fixtures-unseen147-heldout"] = (8 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen148-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen150"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen150-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen151-154: session 22's second blind round: the held-out folders at their first runs (1fdbe40), the main
    # ones after the round tuned on them (one miss: a Support reply that explains a retirement date, asking nothing)
    floors["fixtures-unseen151"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen151-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen153-heldout"] = (8 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen154-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen155-158: session 22's third blind round: the held-out folders at their first runs (0d091cd), the main ones
    # after the round tuned on them (READMEs: a staged retirement's first stage, a Japanese window's end field, a date
    # only in the HTML, a CA expiry beside the start of automatic rotation)
    floors["fixtures-unseen155"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen156-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen157"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen157-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen158"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen158-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen159-162: session 22's fourth blind round: the held-out folders at their first runs (6c59e91), the main ones
    # after the round tuned on them (READMEs: a staged retirement's first stage, a Support reply's retirement date, a
    # maintenance that asks nothing)
    floors["fixtures-unseen159"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen160-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen161-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen162"] = (1.0, 19 / 20, 1.0)
    # unseen163-166: session 22's last blind round: the held-out folders at their first runs (778ca49), the main ones
    # after session 23 tuned on them (README: a Neptune reminder whose labelled end had passed when it was sent)
    floors["fixtures-unseen163-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen164-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen165"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen165-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen166-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen167-170: session 23's first blind round: the held-out folders at their first runs (5ffbae9), the main ones
    # after the round tuned on them
    floors["fixtures-unseen167-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen168-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen169-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen171-174: session 23's second blind round: the held-out folders at their first runs (6ef0517), the main ones
    # after the round tuned on them (README: an SNS subscription confirmation, whose topic's account may be another's)
    floors["fixtures-unseen171-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen172-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen173"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen174-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen175-178: session 23's third blind round: the held-out folders at their first runs (3eab1fa), the main ones
    # after the round tuned on them (README: a charge's date beside the billing period it first appears in)
    floors["fixtures-unseen176-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen177"] = (1.0, 19 / 20, 1.0)
    # unseen179-182: session 23's fourth blind round: the held-out folders at their first runs (2b07837), the main ones
    # after the round tuned on them (READMEs: what stays missed)
    floors["fixtures-unseen179-heldout"] = (8 / 10, 9 / 10, 1.0)
    # (180's dates all read since session 53)
    floors["fixtures-unseen181"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen181-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen182-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen183-186: session 23's last blind round, on its last rules (73601ea); main folders tuned on in session 24
    # (two deadlines left: a French table header, a Korean calendar card), held-out ones at their first runs
    floors["fixtures-unseen184"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen184-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen185-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen186"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen186-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen187-190: session 24's blind round, first runs on 6a6987e; main folders tuned on since (one deadline left:
    # a queued Savings Plan's purchase date in a table), held-out ones not: at their first runs
    floors["fixtures-unseen187-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen188-heldout"] = (9 / 10, 8 / 10, 9 / 10)
    floors["fixtures-unseen189"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen189-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen190-heldout"] = (8 / 10, 8 / 10, 1.0)
    # unseen191-194: session 25's blind round, first runs on e2705c1; main folders tuned on since (left: a 24-hour reply
    # window labelled as a deadline, a cost monitor's payer labelled beside its linked account, a maintenance that asks
    # nothing labelled with its window), held-out ones not: at their first runs
    floors["fixtures-unseen191"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen191-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen192"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen192-heldout"] = (9 / 10, 8 / 10, 9 / 10)
    floors["fixtures-unseen193-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen194-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen195-198: session 25's second blind round, first runs on a7688b0; main folders tuned on since (nothing left),
    # held-out ones not: at their first runs
    floors["fixtures-unseen195-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen196-heldout"] = (1.0, 7 / 10, 1.0)  # (its French certificate chain read since session 50)
    floors["fixtures-unseen198-heldout"] = (8 / 10, 9 / 10, 1.0)  # (its account read since session 46: not tuned on)
    # unseen199-202: session 25's third blind round, first runs on fa5717a; main folders tuned on since (left: a Korean
    # host degradation's stop date, an Italian reserved-node retirement, a French night-long window, a price change
    # that asks nothing, a certificate pin's date), held-out ones not: at their first runs
    floors["fixtures-unseen199"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen199-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen200-heldout"] = (1.0, 8 / 10, 1.0)
    # (201's misses are read since, its Italian retirement's date in session 48: no floor)
    # (201-heldout's Korean exposed key read since session 47, a side effect, not tuned on)
    floors["fixtures-unseen201-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen202"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen202-heldout"] = (8 / 10, 7 / 10, 1.0)
    # unseen203-206: session 26's blind round, first runs on 83e3fb8; main folders tuned on since (left: a service trial
    # that starts to charge, two planned lifecycle events read as ends of support, an abuse reply within 24 hours),
    # held-out ones not: at their first runs
    floors["fixtures-unseen203"] = (18 / 20, 1.0, 1.0)
    floors["fixtures-unseen204-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen205"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen206"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen206-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen207-210: session 26's second blind round, first runs on 82f3033; main folders tuned on since (nothing left),
    # held-out ones not: at their first runs
    floors["fixtures-unseen207-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen208-heldout"] = (1.0, 7 / 10, 1.0)
    floors["fixtures-unseen210-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen211-214: session 26's third blind round, first runs on d17f007; main folders tuned on since (left: a first
    # stage read before a retirement, a Japanese host's date, replies within 24 and 36 hours, three maintenances that
    # ask nothing, a price decrease, a grace period from a stated time, a registrant verification's label), held-out
    # ones not: at their first runs
    floors["fixtures-unseen211"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen211-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen212"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen213-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen214"] = (19 / 20, 17 / 20, 1.0)
    floors["fixtures-unseen214-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen215-218: session 27's blind round, first runs on c481679 (the session's start); main folders tuned on since
    # (nothing left), held-out ones not: at their first runs
    floors["fixtures-unseen215-heldout"] = (8 / 10, 9 / 10, 1.0)
    # (session 45 reads a Health event ARN in the notification's event-ARN header: 215's RDS Custom host degradation,
    # labelled an instance retirement, carries AWS_RDS_HARDWARE_MAINTENANCE_SCHEDULED there, a maintenance by its code)
    floors["fixtures-unseen215"] = (19 / 20, 1.0, 1.0)
    # (session 56 reads an ACM link that "stays valid for 72 hours from the time this message was sent" as one to ask
    # for again, no deadline, as 4 of the 5 labelled mails that say so do: 217's, labelled with the date, is the fifth)
    floors["fixtures-unseen217"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen217-heldout"] = (9 / 10, 9 / 10, 9 / 10)
    floors["fixtures-unseen218-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen219-222: session 27's second blind round, first runs on 5719736; main folders tuned on since (left: a
    # budget's account in a filter, a verification link valid 72 hours, a quarantine "at 18:00 UTC on Friday"),
    # held-out ones not: at their first runs
    floors["fixtures-unseen219-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen220"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen221-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen222"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen222-heldout"] = (8 / 10, 9 / 10, 1.0)
    # unseen223-226: session 27's third blind round, first runs on 6f547cd; main folders tuned on since (types; the
    # dates and two ids left are in the READMEs), held-out ones not: at their first runs
    floors["fixtures-unseen223"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen224"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen224-heldout"] = (9 / 10, 6 / 10, 1.0)
    floors["fixtures-unseen225"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen225-heldout"] = (9 / 10, 5 / 10, 1.0)
    floors["fixtures-unseen226"] = (1.0, 17 / 20, 19 / 20)
    floors["fixtures-unseen226-heldout"] = (7 / 10, 8 / 10, 1.0)
    # unseen227-242: session 28's four blind rounds, first runs on bbe1380, adc83a4, 9c02546 and 59b54da; main folders
    # tuned on since (left: a Polly quota lowered from a date that asks nothing, three SNS topics' accounts, and in
    # unseen239-242 the misses their READMEs list), held-out ones not: at their first runs
    floors["fixtures-unseen227"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen227-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen228-heldout"] = (9 / 10, 7 / 10, 1.0)
    floors["fixtures-unseen229"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen230-heldout"] = (8 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen231-heldout"] = (9 / 10, 1.0, 9 / 10)
    floors["fixtures-unseen233-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen235"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen236"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen236-heldout"] = (9 / 10, 6 / 10, 1.0)
    floors["fixtures-unseen238-heldout"] = (9 / 10, 1.0, 9 / 10)
    floors["fixtures-unseen239"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen239-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen240"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen241"] = (1.0, 18 / 20, 18 / 20)
    floors["fixtures-unseen241-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen242"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen242-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen243-246: session 29's round 37, first runs on 51db3f6; main folders tuned on since (left: replies asked
    # within 24 hours, a maintenance that asks nothing, an SNS topic's account), held-out ones not: at their first runs
    floors["fixtures-unseen243-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen244"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen245"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen246"] = (1.0, 17 / 20, 19 / 20)
    floors["fixtures-unseen246-heldout"] = (1.0, 9 / 10, 9 / 10)
    # unseen247-250: session 29's round 38, first runs on b72b096; main folders tuned on since (left: replies asked
    # within 24 hours, an SNS topic's account), held-out ones not: at their first runs
    floors["fixtures-unseen247"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen247-heldout"] = (1.0, 9 / 10, 1.0)  # (its Korean statement read since session 50)
    floors["fixtures-unseen248"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen248-heldout"] = (9 / 10, 7 / 10, 1.0)
    floors["fixtures-unseen249"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen249-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen250"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen250-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen251-254: session 29's round 39, first runs on 6008ae7; main folders tuned on since (left: replies asked
    # within 24 hours, a link valid for 24 hours, an SNS topic's account), held-out ones not: at their first runs
    floors["fixtures-unseen251"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen252-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen253"] = (1.0, 18 / 20, 19 / 20)
    floors["fixtures-unseen253-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen254-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen255-258: session 29's round 40, first runs on fe0b29f; main folders tuned on since (left: maintenances that
    # restart and need no action, replies asked within 24 hours, terms that apply from a date and need no action, an
    # SNS topic's account), held-out ones not: at their first runs
    floors["fixtures-unseen255"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen256"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen257"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen258"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen258-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen259-262: session 30's round 41, first runs on eccdf9e; main folders tuned on since (left: IAM actions "no
    # longer supported" read as an end of support), held-out ones not: at their first runs
    floors["fixtures-unseen261"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen260-heldout"] = (1.0, 9 / 10, 1.0)  # (its case "opened for you" read since session 52)
    # unseen264-266: session 30's round 42 (left in 265: a maintenance that asks nothing, an invitation's expiry, an
    # approval asked within 72 hours, as the samples label them; 264's closed account's reopen date, read as none since
    # session 33), held-out ones not tuned on: at their first runs
    floors["fixtures-unseen263-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen264-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen265"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen265-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen266-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen267-270: session 31's round 43, main folders tuned on (left in 268: a reply asked within 48 hours of an
    # abuse report, an exposed key's publication date, a maintenance that says no action is required; in 269: a
    # Portuguese act-by "até D" after an earlier date; in 270: a payment's automatic retry date), held-out ones at
    # their first runs
    floors["fixtures-unseen267-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen268"] = (1.0, 17 / 20, 1.0)
    floors["fixtures-unseen268-heldout"] = (1.0, 9 / 10, 1.0)
    # (269's Portuguese retirement dated since session 48: no floor)
    floors["fixtures-unseen270"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen270-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen271-274: session 31's round 44, main folders tuned on (left in 271: a relative date counted from the Date's
    # UTC day; in 273: a domain renewal blocked; its account written masked and in full only inside a user name read
    # since session 49), held-out ones at their first runs
    floors["fixtures-unseen271"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen273"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen273-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen274-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen275-278: session 31's round 45, main folders tuned on (left: a closed account's written reopen date, none
    # since session 33; an
    # end of standard support before a later automatic upgrade, an approval asked within 72 hours, a maintenance that
    # asks nothing, an SNS alert's account), held-out ones at their first runs
    floors["fixtures-unseen276-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen277"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen277-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen278"] = (1.0, 1.0, 19 / 20)  # (its deadlines all read since; the maintenance by round 77)
    floors["fixtures-unseen278-heldout"] = (9 / 10, 1.0, 9 / 10)
    # unseen279-282: session 31's round 46, main folders tuned on (left in 281: an API field removed after a date, in
    # German), held-out ones at their first runs
    floors["fixtures-unseen279-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen280-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen281"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen281-heldout"] = (1.0, 8 / 10, 1.0)
    # unseen283-286: session 31's round 47, main folders tuned on (left in 284: a maintenance that says there is nothing
    # to do), held-out ones at their first runs
    # (284's maintenance that says there is nothing to do read since by session 40's round 77: it cannot be moved)
    floors["fixtures-unseen285-heldout"] = (1.0, 1.0, 9 / 10)
    # (286h's case AWS opened, with its date, read since session 53)
    # unseen287-290: session 31's round 48, main folders tuned on (left: maintenances that ask nothing, a start field
    # and its "before then" two list items apart, a date in a sentence cut short), held-out ones at their first runs
    floors["fixtures-unseen287-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen288"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen289"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen290"] = (1.0, 19 / 20, 1.0)
    # unseen291-294: session 32's round 49, main folders tuned on (292's closed account's reopen date, left then, read
    # as none since session 33), held-out ones at their first runs
    floors["fixtures-unseen291-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen293-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen295-298: session 32's round 50, main folders tuned on (nothing left), held-out ones at their first runs
    floors["fixtures-unseen297-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen298-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen299-302: session 33's round 51, main folders tuned on (nothing left), held-out ones at their first runs but
    # for the closed account of 302 (the convention below)
    floors["fixtures-unseen300-heldout"] = (9 / 10, 8 / 10, 1.0)
    floors["fixtures-unseen302-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen303-306: session 33's round 52, main folders tuned on (left in 306: a maintenance that restarts WorkSpaces
    # and says "No action is required from you", labelled none; earlier labels of such mails are split, 24 with the
    # window's start and 29 without), held-out ones at their first runs
    floors["fixtures-unseen306"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen303-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen304-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen305-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen307-310: session 33's round 53, main folders tuned on (left in 308: a maintenance whose postponement the
    # reader may request before a date, labelled with that date; read as its window's start, as the limit to move a
    # window is read by design, _movable_limit), held-out ones at their first runs
    floors["fixtures-unseen308"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen308-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen310-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen311-314: session 33's round 54, main folders tuned on (left in 311: a Savings Plan "acheté par le compte de
    # gestion N et partagé avec vos comptes membres", labelled with that management account; another role's account
    # is never taken for the reader's), held-out ones at their first runs
    floors["fixtures-unseen311"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen312-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen313-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen314-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen315-318: session 33's round 55, main folders tuned on (left: an SNS notification whose resource ARN names
    # the account, labelled none, as 75 earlier SNS labels do not; "an error occurred while we were confirming the
    # payment method", the issue's unverified payment method, labelled a failed payment for the declined card it also
    # names), held-out ones at their first runs
    floors["fixtures-unseen315"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen317"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen316-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen318-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen319-326: session 34's round 56, main folders tuned on (left: a Route 53 registrant mail labelled
    # verification.other by an examiner who believed verification.route53_registrant absent from the taxonomy, 321;
    # two maintenance windows whose mail says no action is required, labelled none, as the labels of such mail are
    # split, 325 and 326), held-out ones at their first runs
    floors["fixtures-unseen321"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen325"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen326"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen320-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen321-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen327-334: session 34's round 57, main folders tuned on (left in 331: an unsubjected Chinese overdue balance
    # whose mail says the account may be suspended, labelled a suspension warning; localized mail of that shape is
    # labelled both ways), held-out ones at their first runs
    floors["fixtures-unseen331"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen327-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen328-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen330-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen331-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen333-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen335-342: session 34's round 58, main folders tuned on (left: 335's root-MFA requirement from the sign-in
    # sender, which stays under default deny by design; 338's pricing change dated only in an "Effective: starting D"
    # field beside "No action is required, but …"), held-out ones at their first runs (but for what general rules fixed)
    floors["fixtures-unseen335"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen338"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen335-heldout"] = (9 / 10, 1.0, 1.0)
    # (338h's invoice of a payer and a linked account read as the payer's since session 53)
    floors["fixtures-unseen339-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen340-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen342-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen343-350: session 35's round 59, main folders tuned on (left: 344's IVS window dated by "Window start" and
    # "Window end" fields beside "No action is required from you", a split convention), held-out ones at their first
    # runs
    floors["fixtures-unseen344"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen343-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen345-heldout"] = (9 / 10, 1.0, 1.0)
    # (347h's Portuguese statement read since session 48, its Global Accelerator notice since session 50: no floor)
    # (348h's: its CloudHSM issuer certificate's replacement read since session 50; no floor)
    floors["fixtures-unseen349-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen350-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen351-358: session 35's round 60, main folders tuned on (left: three maintenance windows dated by fields
    # beside a no-action sentence, a split convention; 351's contact-routing change given its date; 355's French
    # invoice read with its linked account; 356's forwarded service terms given the date they take effect), held-out
    # ones at their first runs
    floors["fixtures-unseen351"] = (1.0, 18 / 20, 1.0)
    # (354's maintenance whose field says "Action: none" read since session 53)
    # (355's French invoice read as its payer's since session 53)
    floors["fixtures-unseen356"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen355-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen357-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen358-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen359-374: session 36's rounds 61-62, main folders tuned on (left: four maintenance windows beside a
    # no-action sentence, 360, 364, 368 and 369, the split convention), held-out ones at their first runs
    floors["fixtures-unseen360"] = (1.0, 19 / 20, 1.0)
    # (364's maintenance whose heading says there is nothing to do read since session 53)
    floors["fixtures-unseen368"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen369"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen360-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen362-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen366-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen367-heldout"] = (9 / 10, 9 / 10, 9 / 10)
    floors["fixtures-unseen373-heldout"] = (7 / 10, 1.0, 1.0)
    floors["fixtures-unseen374-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen375-382: session 36's round 63, main folders tuned on (left: two maintenance windows beside a no-action
    # sentence, 378 and 382, the split convention), held-out ones at their first runs
    floors["fixtures-unseen378"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen382"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen377-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen381-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen383-390: session 36's round 64, main folders tuned on (left: 384's Korean cost anomaly whose subject names
    # the management account, read over the table's linked one; 388's maintenance window beside a no-action sentence,
    # the split convention), held-out ones at their first runs
    floors["fixtures-unseen384"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen388"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen384-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen386-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen387-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen389-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen390-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen391-398: session 37's round 65, main folders tuned on (left: 398's maintenance window moved beside a
    # no-action sentence, the split convention), held-out ones at their first runs
    floors["fixtures-unseen398"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen395-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen396-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen398-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen399-406: session 37's round 66, main folders tuned on (every label met), held-out ones at their first runs
    floors["fixtures-unseen400-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen401-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen402-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen403-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen406-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen407-414: session 37's round 67, main folders tuned on (left: 408's and 410's maintenance windows beside a
    # no-action sentence, and 414's customer agreement that takes effect with no action needed and its maintenance
    # that may be moved before its date, "no further action is needed" otherwise: split conventions), held-out ones at
    # their first runs
    floors["fixtures-unseen408"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen410"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen414"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen411-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen412-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen415-422: session 37's round 68, a measurement of its final rules; main folders tuned on in session 38 (left:
    # 416's, 418's and 422's maintenance windows beside a no-action sentence, the split convention, and 417's type
    # miss, a label written as if verification.route53_registrant were not in the taxonomy), held-out ones at their
    # first runs
    floors["fixtures-unseen416"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen417"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen418"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen422"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen417-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen418-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen420-heldout"] = (1.0, 9 / 10, 1.0)
    # (422-heldout's masked account read since session 47, a side effect, not tuned on: its floor removed)
    # unseen423-430: session 38's round 69, main folders tuned on (left: 428's maintenance window beside a no-action
    # sentence, the split convention; 430's Marketplace subscription confirmed today whose 12-month term does not
    # renew, its end labelled as no deadline where every earlier non-renewing term's end is one), held-out ones at
    # their first runs
    floors["fixtures-unseen428"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen430"] = (1.0, 19 / 20, 1.0)
    # (423-heldout's Japanese statement for "アカウント末尾 6322" beside a linked account: read since session 39, whose
    # localized "account ending in" phrases were written after it was seen)
    floors["fixtures-unseen424-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen425-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen426-heldout"] = (1.0, 8 / 10, 1.0)
    # (430h's type read since session 52: no floor)
    # unseen431-438: session 38's round 70, main folders tuned on (left: 437's Japanese Trusted Advisor check names
    # changed from a date, labelled without a deadline; 438's Customer Agreement that takes effect with no action
    # needed, the split convention), held-out ones at their first runs
    floors["fixtures-unseen437"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen438"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen432-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen433-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen436-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen438-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen439-446: session 38's round 71, main folders tuned on (left: 440's and 444's maintenance windows beside a
    # no-action sentence, the split convention; 442's Mac host retirement "on or after D. From then on … the host
    # released", an elided passive once read as a past release, fixed in session 39; its DRS reboot "antes del D"
    # read as the window's day, and its cost anomaly that names the management account before the member account's
    # field, labels of both kinds in earlier sets), held-out ones at their first runs (440's type miss is a label
    # written as if verification.route53_registrant were not in the taxonomy)
    floors["fixtures-unseen440"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen442"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen444"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen440-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen443-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen446-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen447-454: session 39's round 72, main folders tuned on (left: 448's and 451's maintenance windows beside a
    # no-action sentence, the split convention; 448's change of the invoicing entity that takes effect with no action
    # needed, as 438's; 454's CloudShell default-shell change under a PLANNED_LIFECYCLE_EVENT code, labelled
    # health.other with no deadline), held-out ones at their first runs
    floors["fixtures-unseen448"] = (1.0, 19 / 20, 1.0)  # (its OpenSearch window read since by session 40's round 77)
    floors["fixtures-unseen451"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen454"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen447-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen448-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen451-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen452-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen455-462: session 39's round 73, main folders tuned on (left: 458's and 461's maintenance windows beside a
    # no-action sentence, the split convention), held-out ones at their first runs
    floors["fixtures-unseen458"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen461"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen458-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen459-heldout"] = (1.0, 9 / 10, 1.0)
    # (460h's account closed without a subject read since session 49: no floor)
    floors["fixtures-unseen462-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen463-470: session 39's round 74, main folders tuned on (left: 464's and 469's maintenance windows beside a
    # no-action sentence, the split convention; 469's Savings Plan whose subject tags the management account and whose
    # body names the linked account that owns the plan, labelled with the owner; its Chinese Marketplace confirmation
    # whose contract takes effect on the mail's own day, given that day), held-out ones at their first runs (466's type
    # miss read since by round 74's localized irregular activity)
    floors["fixtures-unseen464"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen469"] = (1.0, 1.0, 19 / 20)  # (its Marketplace confirmation undated since session 52)
    floors["fixtures-unseen466-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen471-478: session 39's round 75, main folders tuned on (left: 471's App Mesh end of support "à compter du"
    # given a later date, and its Chinese Marketplace confirmation given its contract's date; 473's Traditional Chinese
    # one alike; 474's Korean MWAA maintenance moved "까지" given no date; 478's WorkSpaces window beside a no-action
    # sentence, the split convention), held-out ones at their first runs
    # (all read since by session 40's round 76: 471's and 473's Chinese Marketplace confirmations, an agreement's start
    # date field beside its end being a fact; 471's App Mesh "ne seront plus prises en charge", plural; 474's MWAA
    # update the reader "can apply" by a date, its first schedule cancelled)
    # (478's WorkSpaces window, which it says cannot be moved and needs no action, read since by session 40's round 77)
    floors["fixtures-unseen472-heldout"] = (1.0, 9 / 10, 1.0)  # (its German maintenance that needs nothing, since 52)
    floors["fixtures-unseen474-heldout"] = (9 / 10, 9 / 10, 1.0)
    # (475h's Support reply without a subject read since session 48: no floor)
    floors["fixtures-unseen476-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen478-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen479-486: session 40's round 76, main folders tuned on (left: 480's Firewall Manager window beside a
    # no-action sentence, the split convention; 484's ACM approval link valid for 72 hours given its expiry, where 7
    # such labels give none and 6 give it), held-out ones at their first runs
    floors["fixtures-unseen480"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen484"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen480-heldout"] = (1.0, 1.0, 8 / 10)
    floors["fixtures-unseen483-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen486-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen487-494: session 40's round 77, main folders tuned on (left: 491's and 493's ACM approval links valid for
    # 72 hours given their expiry, as 484's; 494's Application Migration Service window beside a no-action sentence, the
    # split convention, and its root access key notice labelled security.other where most such labels give a root
    # review), held-out ones at their first runs
    floors["fixtures-unseen491"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen493"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen494"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen487-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen488-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen492-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen493-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen495-502: session 40's round 78, main folders tuned on (all met since), held-out ones at their first runs
    floors["fixtures-unseen498-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen500-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen503-510: session 40's round 79, main folders tuned on (left: 504's VPC Lattice and 510's Audit Manager
    # windows beside a no-action sentence, the split convention; 507's ACM approval link valid for 72 hours given its
    # expiry, as 484's), held-out ones at their first runs
    floors["fixtures-unseen504"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen507"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen510"] = (1.0, 19 / 20, 1.0)
    # (504-heldout's masked account read since session 47, a side effect, not tuned on: its floor removed)
    floors["fixtures-unseen506-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen511-518: session 41's round 80, main folders tuned on (left: 512's Japanese Support case whose dated
    # auto-close is labelled with no deadline, where 24 labelled mails give such a dated auto-close its date; 518's
    # ACM approval link valid for 72 hours given its expiry, as 484's; 514's and 518's windows beside a no-action
    # sentence, left by round 80, read since by round 81's maintenance-no-action), held-out ones at their first runs
    floors["fixtures-unseen512"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen518"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen516-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen517-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen519-526: session 41's round 81, main folders tuned on (all met since), held-out ones at their first runs
    # (520h's Traditional Chinese e-mail change code is read since session 48: no floor)
    floors["fixtures-unseen524-heldout"] = (9 / 10, 9 / 10, 1.0)
    # (526h's German maintenance that needs nothing read since session 52: no floor)
    # unseen527-534: session 41's round 82, main folders tuned on (left: 530's German invoice whose table names the
    # payer account (Zahlerkonto) and two linked ones, read as a linked one; of 80 labelled mails that name a payer
    # and a linked account, 40 are labelled with the linked one and 40 with the payer, and 75 are read as labelled),
    # held-out ones at their first runs
    # (530's German invoice read as its payer's since session 53)
    floors["fixtures-unseen528-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen534-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen543-550: session 42's round 84, held-out ones at their first runs (an Organizations invitation's 15 days, an
    # ACM approval's 72 hours, a Customer Agreement revision's date, a Spanish invitation that "caduca" in 14 days)
    floors["fixtures-unseen543-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen544-heldout"] = (1.0, 9 / 10, 1.0)  # (its ACM approval's 72 hours since round 86)
    floors["fixtures-unseen545-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen551-558: session 42's round 85, held-out ones at their first runs (a cost anomaly's member account read as
    # the management account, a Marketplace trial's end in a table, an ACM approval link's validity read as a deadline)
    floors["fixtures-unseen552-heldout"] = (1.0, 9 / 10, 9 / 10)
    floors["fixtures-unseen557-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen559-566: session 43's round 86 (left in a main folder: 564's Portuguese budget of a management account
    # filtered on a linked one, read as the linked one: the labels split so, as 530's do); held-out ones at their first
    # runs (a Chinese welcome read as a root review, a Marketplace renewal turned off in a table, an invitation's 15
    # days, an SES review's account)
    floors["fixtures-unseen564"] = (1.0, 1.0, 19 / 20)
    # (559h's Traditional Chinese welcome without a subject read since session 49: no floor)
    floors["fixtures-unseen562-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen564-heldout"] = (1.0, 9 / 10, 1.0)
    # (566h's Italian SES review's account, named with its service after the noun, read since session 50: no floor)
    # unseen567-574: session 43's round 87, held-out ones at their first runs (a Korean payment failure without a
    # subject read as a statement, an appliance's patch window read as a Health notice)
    floors["fixtures-unseen573-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen574-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen575-582: session 43's round 88, held-out ones at their first runs (a Chinese payment failure read as a
    # statement, an invoice paid by autopay read as a billing notice, a Japanese case AWS opened read as an SES review)
    # (576h's failed payment read as one since session 51, a Chinese payment "未成功": a date is given where none is
    # labelled instead)
    floors["fixtures-unseen576-heldout"] = (1.0, 9 / 10, 1.0)
    # (579h's invoice paid by autopay is read since session 48: no floor)
    floors["fixtures-unseen580-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen583-590: session 44's round 89, held-out ones at their first runs (an Organizations invitation whose
    # expiry date gave no deadline, a declined payment read as a billing notice)
    floors["fixtures-unseen584-heldout"] = (1.0, 9 / 10, 1.0)
    # (586h's declined payment read since session 50: no floor)
    # unseen591-598: session 44's round 90 (left in a main folder: 594's German overdue payment that may cost the
    # account, labelled a suspension warning, read as a failed payment as samples/49's past-due mail is labelled);
    # held-out ones at their first runs (a Marketplace contract's renewal in a table given its date, a Japanese case
    # AWS opened read as case correspondence, a Chinese Health notice of a new feature given a date)
    floors["fixtures-unseen594"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen592-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen596-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen598-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen599-606: session 44's round 91, held-out ones at their first runs (two maintenance windows that need no
    # action given their dates, a Spanish abuse report's final notice given a date)
    floors["fixtures-unseen601-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen602-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen605-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen607-614: session 44's round 92 (left in a main folder: 607's Chinese statement that names its payer
    # account beside a linked one, labelled with the payer, read as the linked one as the labels of such mail split);
    # held-out ones at their first runs (a Korean SaaS subscription given its renewal date, a file server update that
    # needs no action given its date, a Traditional Chinese suspension warning read as an invoice, a cost anomaly of a
    # member account read as the management account's)
    floors["fixtures-unseen607"] = (1.0, 1.0, 19 / 20)
    # (607h's SaaS subscription undated since session 52: no floor)
    floors["fixtures-unseen608-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen611-heldout"] = (1.0, 1.0, 9 / 10)  # (its suspension warning read since session 48)
    # unseen615-622: session 45's round 93 (left in main folders: 615's past-due mail that threatens suspension,
    # labelled a suspension warning, read as a failed payment by its "past due" subject, as 74 of the 75 labelled
    # mails of that shape accept; 616's Italian ACM approval link valid "entro il D", labelled with no deadline, as
    # the labels of such links split); held-out ones at their first runs (a Spanish closed account read as a sign-up
    # code, an ElastiCache node replacement window read as another Health notice, a Directory Service patching that
    # needs no action given its date, an Organizations invitation's expiry date not read, an Italian Savings Plans
    # expiry given another account, an invoice paid by card in a table read as another billing mail)
    floors["fixtures-unseen615"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen615-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen616"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen620-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen621-heldout"] = (1.0, 1.0, 9 / 10)
    # (622h's invoice paid by card is read since session 48: no floor)
    # unseen623-630: session 45's round 94 (left in a main folder: 627's Chinese Savings Plan that "your management
    # account" bought for a member account, labelled with the member, read as the management account the mail calls
    # the reader's); held-out ones at their first runs (an ACM approval link given its date, a Korean end of an
    # instance generation without a subject given another date, a Traditional Chinese Lambda runtime's end of support
    # without a subject read as another Health notice)
    floors["fixtures-unseen627"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen623-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen625-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen629-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen631-638: session 45's round 95 (left in main folders: 633's Japanese "請求書をご利用いただけます",
    # labelled a statement, read as an invoice, as 46 of the 48 labelled mails with 請求書 in the subject accept; 636's
    # German invoice that names
    # its payer beside a linked account, labelled with the payer, read as the linked one as 94 of the 98 labelled bills
    # of that shape accept); held-out ones at their first runs (a Traditional Chinese reply on a case read as general
    # mail, a Spanish Athena engine upgrade and a MemoryDB patch window without a subject read as other Health notices,
    # a Customer Agreement revision given its date)
    floors["fixtures-unseen633"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen633-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen635-heldout"] = (8 / 10, 1.0, 1.0)
    # (636's German invoice read as its payer's since session 53)
    floors["fixtures-unseen636-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen639-646: session 45's round 96, measured only; its held-out halves at their first runs (an end of support
    # read as a maintenance). Its main folders' three misses (a CloudWatch charge announced from a marketing sender, a
    # closed account's id, a Chinese suspension warning without a subject) are read since session 46's rules, written
    # in our own words (tests/routing/test_round_s46.py)
    floors["fixtures-unseen641-heldout"] = (9 / 10, 1.0, 1.0)
    # (five held-out misses of earlier rounds are read since session 46's rules, not tuned on: 262-heldout's German end
    # of support "bis zum" wrapped before its date, 378-heldout's, 485-heldout's and 514-heldout's Chinese suspended
    # accounts, 404-heldout's case the reader opened; their floors above are gone; and since round 100's rules, also not
    # tuned on: 385-heldout's suspicious activity, 437-heldout's and 482-heldout's deadlines of Korean suspended
    # accounts)
    # unseen647-654: session 46's round 97, first runs on 12c528c4 (session 45's final rules); main folders tuned on
    # since (nothing left), held-out ones not: at their first runs (a policy change read as Support mail, its date lost)
    floors["fixtures-unseen653-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen655-662: session 46's round 98, first runs on e5af1107 (round 97's rules); main folders tuned on since
    # (nothing left), held-out ones not: at their first runs (an SNS subscription read as an SNS message, an instance
    # retirement as an end of support, a date given where none is labelled, a root review as a policy change, another
    # account, a closed account as a sign-up code)
    floors["fixtures-unseen655-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen657-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen658-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen660-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen661-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen662-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen663-670: session 46's round 99, first runs on 2c76bb18 (round 98's rules); main folders tuned on since
    # (nothing left), held-out ones not: at their first runs (a Savings Plans expiry read as general mail without its
    # date, three other accounts or none, a reply on a case from a sender no family places, another date lost, a date
    # given where none is labelled, a case AWS opened read as other Support mail without its date)
    floors["fixtures-unseen663-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen664-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen666-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen668-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen669-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen670-heldout"] = (9 / 10, 9 / 10, 1.0)  # (its invoice's payer read since session 53)
    # unseen671-678: session 46's round 100, first runs on 711de1ab (round 99's rules): every held-out mail right at its
    # first run; main folders tuned on since but 672's Chinese cost anomaly, labelled with the management account whose
    # monitor found it where the table names the linked account (sample 12 and most anomaly labels name the linked one)
    floors["fixtures-unseen672"] = (1.0, 1.0, 19 / 20)
    # unseen679-686: session 46's round 101, measured only, at its first runs (an abuse reminder's and an SES review's
    # dates given where none is labelled, a Glue version's automatic upgrade date lost, an idle Elastic IP rate change
    # without a subject read as general mail, an Italian exposed key read as a suspicious activity, a Spanish invoice's
    # account; held-out: a date given where none is labelled, a date lost)
    floors["fixtures-unseen679"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen680-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen682"] = (1.0, 19 / 20, 1.0)
    # (685's Glue upgrade date, idle Elastic IP rate change and Italian exposed key read since session 47: the Spanish
    # invoice's account is left, a label split between the management account and the linked one)
    # (685's Spanish invoice read as its payer's since session 53)
    floors["fixtures-unseen686-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen687-694: session 47's round 102, first runs on 5ceea43c (session 46's final rules); main folders tuned on
    # since, all met but 693's SES review given its end date (a label split: 632, 634, 672 and 682 give such a date);
    # held-out ones at their first runs (a welcome mail's account lost, a Spanish case the reader opened without a
    # subject read as general mail, a Chinese charge change's date, a French suspension reminder read as a failed
    # payment, an Organizations invitation given a date where none is labelled)
    floors["fixtures-unseen689-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen690-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen692-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen693"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen693-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen695-702: session 47's round 103, first runs on 86d33706 (round 102's rules); main folders tuned on since
    # but 698's abuse report given the date its reply is asked by (a label split: 252 of 1,236 abuse labels carry one);
    # held-out ones at their first runs (a Savings Plan's member account, an SES review given its end date)
    floors["fixtures-unseen698"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen701-heldout"] = (1.0, 9 / 10, 9 / 10)
    # unseen703-710: session 47's round 104, first runs on 7d154036 (round 103's rules); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a runtime's retirement read from another date, an invoice
    # paid automatically read as other billing mail)
    floors["fixtures-unseen710-heldout"] = (1.0, 9 / 10, 1.0)  # (its invoice read since session 48)
    # unseen711-718: session 47's round 105, first runs on 43f7cb2a (round 104's rules); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a moved maintenance given a date where none is labelled, a
    # French suspension warning read as a failed payment)
    floors["fixtures-unseen714-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1125-1132: session 58's round 157, measured only on the session's final rules, at its first runs (an ACM
    # approval given a date where none is labelled, a Traditional Chinese account suspended without a subject read as a
    # failed payment, a Support case opened read as other Support mail, a Marketplace contract that renews by itself
    # given a date where none is labelled)
    # (1128's suspended account tuned on in session 59, read since; the ACM approval's "link expires 72 hours after it
    # was sent" is a label split, 2 of 4 such labels carry a date)
    floors["fixtures-unseen1127"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen1128-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1130-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1133-1140: session 59's round 158, first runs on session 58's final rules; main folders tuned on since
    # (nothing left); held-out ones at their first runs (a Korean Support case AWS opened read as other security mail)
    floors["fixtures-unseen1138-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1141-1148: session 59's round 159, first runs on round 158's tuning; main folders tuned on since (nothing
    # left); held-out ones at their first runs (a Portuguese cost anomaly given the management account where the member
    # account is labelled, the split of sessions 54-56; a Spanish end of an instance type's life read as a retirement)
    floors["fixtures-unseen1144-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen1145-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1149-1156: session 59's round 160, first runs on round 159's tuning; main folders tuned on since but 1153's
    # MemoryDB update that needs no action yet may be applied earlier "if you prefer" (labelled none; unseen44 labels
    # such an offer with its date, 997 accepts both); held-out ones at their first runs (a Korean welcome without a
    # subject read as a sign-up verification, a Spanish account suspended without a subject read as a failed payment)
    floors["fixtures-unseen1153"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen1151-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1156-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1157-1164: session 59's round 161, measured only on that session's final rules; its main folders tuned on
    # in session 60 but 1163's Savings Plan expiry given the payer where its owner, a member account, is labelled;
    # held-out ones at their first runs (an Italian suspension to come read as other billing mail, without its date; a
    # German Amazon MQ end of support read as a maintenance; an Italian second abuse notice given a date where none is
    # labelled)
    floors["fixtures-unseen1158-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen1159-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1163"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1163-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1165-1172: session 60's round 162, first runs on session 59's final rules; main folders tuned on since but
    # 1172's German cost anomaly given the management account whose monitor found it where the member account is
    # labelled (the label split of sessions 54-56: unseen5 and unseen7, written alike, label the management account);
    # held-out ones at their first runs (a Chinese cost anomaly whose member account is labelled given none)
    floors["fixtures-unseen1172"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1168-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen1173-1180: session 60's round 163, first runs on round 162's tuning; main folders tuned on since but
    # 1176's Chinese case reply that asks an answer by a date, the case closing itself if none comes (labelled none;
    # three English replies of that form label the date: a split) and 1180's CloudFront log-format change in a planned
    # lifecycle event that asks nothing, read as an end of support with its date (a rule for such events was tried
    # and dropped: it took a held-out end of support); held-out ones at their first runs (a French quarantined key
    # given a date where none is labelled)
    floors["fixtures-unseen1176"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen1180"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen1179-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1181-1188: session 60's round 164, measured only on the session's final rules, at its first runs (an
    # exposed access key read as suspicious activity)
    floors["fixtures-unseen1181-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1189-1228: session 61's rounds 165-169, main folders tuned on but 1192's German cost anomaly given the
    # management account whose monitor found it ("im Verwaltungskonto N") where its "Mitgliedskonto" is labelled (the
    # split: unseen5, unseen219 and unseen186, written alike in English, label the management account); held-out ones
    # at their first runs or better (a Neptune patch window, a DocumentDB rotation given an earlier date, two no-subject
    # mails of an AppFabric pricing change and a FinSpace class retirement, a charge start, a German maintenance
    # window, a Korean suspicious activity without a subject, an AppSync free tier in German and a MemoryDB window given
    # where none is labelled, an Italian suspension given another date)
    floors["fixtures-unseen1192"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1193-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1197-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1199-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen1213-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1214-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1216-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1225-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen1228-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1229-1236: session 61's round 170, measured only on the session's final rules, at its first runs (a Japanese
    # account suspension without a subject read as other billing mail, a masked unusual-launch mail read as other
    # Support mail)
    floors["fixtures-unseen1234"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen1236-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1119-1124: session 58's round 156, first runs on round 155's tuning; main folders tuned on since but 1120's
    # German cost anomaly given the management account where the member account is labelled (the label split of
    # sessions 54-56); held-out ones at their first runs (a Chinese Marketplace subscription given another account than
    # the labelled one)
    floors["fixtures-unseen1120"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1121-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen1111-1118: session 57's round 155, measured only on that session's final rules at its first runs; its
    # main folders tuned on in session 58 but 1114's SNS-delivered replication event, given an account where none is
    # labelled (the topic owner's); held-out ones at their first runs (a Japanese case opened by AWS without a subject
    # read as correspondence, read since session 59's held-out themes in our own words)
    floors["fixtures-unseen1114"] = (1.0, 1.0, 19 / 20)
    # unseen1103-1110: session 57's round 154, first runs on rounds 151-153's tuning; main folders tuned on since but
    # 1105's Organizations invitation that names only the inviting management account (labelled with it: another
    # account's id is never taken for the reader's) and 1105's SES review "look at the account again on or after D"
    # (labelled none; 186 is labelled with such a date); held-out ones at their first runs (a Traditional Chinese
    # cost anomaly's linked account, a Spanish SNS subscription read as a message, an RDS reservation's expiry day
    # where the day before is labelled)
    floors["fixtures-unseen1105"] = (1.0, 19 / 20, 19 / 20)
    floors["fixtures-unseen1103-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen1107-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1108-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1087-1094: session 57's round 152, first runs on session 56's final rules; main folders tuned on since
    # (nothing left); held-out ones at their first runs (a Chinese ElastiCache node type's end of support read as
    # maintenance, a Spanish SageMaker P3 end of life read as an instance retirement)
    floors["fixtures-unseen1089-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1091-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1079-1086: session 56's round 151, measured only on that session's final rules at its first runs; its
    # main folders tuned on in session 57 (nothing left); held-out ones at their first runs (a Chinese cost anomaly's
    # monitor account, a Portuguese Marketplace subscription given a date where none is labelled)
    floors["fixtures-unseen1082-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1084-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen1071-1078: session 56's round 150, first runs on 4a5bbf16's rules; main folders tuned on since but 1071's
    # Organizations invitation that "stays open for 15 days", given that day where none is labelled (a label split: 5
    # of the 6 labelled invitations valid for N days carry it); held-out ones at their first runs (a German Managed
    # Blockchain end of support read as maintenance, an Italian suspension notice without its account)
    floors["fixtures-unseen1071"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen1077-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1078-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen1063-1070: session 56's round 149, first runs on round 146's, 147's and 148's tuning; main folders tuned on
    # since (nothing left: a Savings Plan's end date as a field, a Traditional Chinese closure read as an end of
    # support); held-out ones at their first runs (a Marketplace subscription's payer read for its member, a German
    # Neptune maintenance without its date, a suspended account read as other billing mail without its date)
    floors["fixtures-unseen1064-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen1067-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1069-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen1055-1062: session 56's round 148, first runs on round 146's and 147's tuning; main folders tuned on since
    # but 1058's cost anomaly, its monitor owner's management account read where the label names the member account
    # (the label split of 1051: 7 of the 10 labelled anomalies that name both are labelled with the monitor's account);
    # held-out ones at their first runs (a suspension warning read as a failed payment, a German exposed key read as
    # general mail)
    floors["fixtures-unseen1058"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1059-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1061-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1047-1054: session 56's round 147, first runs on session 55's final rules; main folders tuned on since
    # but 1051's cost anomaly, whose monitor's management account is read where the label names the member account
    # its table lists (a label split: 186, 458 and five more are labelled with the monitor's account), and 1052's
    # Marketplace purchase given its agreement's end ("automatic renewal: on"); held-out ones at their first runs (a
    # Portuguese certificate expiry read as an end of support, an exposed key read as suspicious activity, a Chinese
    # account closure without a subject read as a statement)
    floors["fixtures-unseen1049-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1051"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen1051-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1052"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen1053-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1039-1046: session 55's round 146, measured only on the session's final rules, at its first runs; its main
    # folders tuned on in session 56 (a Korean Organizations mail's inviter, an unrecognised IAM user read as an abuse
    # report); held-out ones at their first runs (a French suspension warning read as an invoice, without its date; a
    # German and a Chinese Neptune end of standard support read as maintenance; a Traditional Chinese Savings Plans
    # expiry read with another account; a Spanish free-tier mail without a subject given a date where none is labelled)
    floors["fixtures-unseen1039-heldout"] = (8 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen1044-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen1045-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen1046-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen1031-1038: session 55's round 145, first runs on round 143's and 144's tuning; main folders tuned on since
    # (nothing left); held-out ones at their first runs (an exposed access key read as suspicious activity)
    floors["fixtures-unseen1037-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1023-1030: session 55's round 144, first runs on session 54's final rules; main folders tuned on since
    # (nothing left); held-out ones at their first runs (a Local Zone's public IPv4 charge without its start, a BYOIP
    # certificate to renew read as a certificate rotation)
    floors["fixtures-unseen1024-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen1030-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen1015-1022: session 54's round 143, measured only on session 54's final rules; its main folders tuned on
    # in session 55 (nothing left: two suspension warnings, an abuse report's account, a Chinese price change)
    # unseen1007-1014: session 54's round 142, first runs on round 139's and 140's tuning; main folders tuned on since
    # but 1013's Neptune patch whose Health event is a PLANNED_LIFECYCLE_EVENT, read as an end of support where the
    # label says maintenance (the label split of 947), without its window's start; held-out ones at their first runs
    # (an idle Elastic IP's charge without its start)
    floors["fixtures-unseen1013"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen1011-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen999-1006: session 54's round 141, first runs on round 139's and 140's tuning; main folders missed nothing;
    # held-out ones at their first runs (a German end of support read from another date, a Chinese change of
    # cross-region transfer prices without a subject read as a newsletter)
    floors["fixtures-unseen1004-heldout"] = (9 / 10, 8 / 10, 1.0)
    # unseen991-998: session 54's round 140, first runs on session 53's final rules; main folders tuned on since but a
    # label split (996's ACM approval link that stops working after a date, given that date where none is labelled, as
    # in earlier sessions' notes), held-out ones at their first runs (a Korean case AWS opened read as a reply, a case
    # AWS opened about a root review read as other Support mail)
    floors["fixtures-unseen996"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen992-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen998-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen983-990: session 53's round 139, measured only on the final rules; main folders tuned on in session 54 but
    # a label split (984's German cost anomaly found by the management account's monitor, read as that account's where
    # the label says its member account: the 3 other labelled mails so written, unseen5, 186 and 219, label the
    # management account); held-out ones at their first runs (a forwarded declined payment read as an unverified
    # payment method, a case AWS opened read as a reply)
    floors["fixtures-unseen984"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen984-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen990-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen975-982: session 53's round 138, first runs on round 137's tuning; main folders tuned on since but a label
    # split (979's SES DKIM set-up completed, read as a verified identity where its label says unknown: 8 of the 9
    # labelled mails so worded are verified identities), held-out ones at their first runs (an Italian case the reader
    # opened read as AWS's, with another account; a registrant's verification read from another date; an Italian
    # suspension warning read as a failed payment)
    floors["fixtures-unseen979"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen978-heldout"] = (9 / 10, 9 / 10, 9 / 10)
    floors["fixtures-unseen980-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen967-974: session 53's round 137, first runs on round 135's and 136's tuning; main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Marketplace contract renewed without its account, a reply on
    # a case without a subject read as other Support mail)
    floors["fixtures-unseen970-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen971-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen959-966: session 53's round 136, first runs on session 52's final rules; main folders tuned on since but a
    # label split (a Marketplace renewal's "Próxima renovación" field dated where none is labelled: 16 of the 24
    # labelled mails with a renewal-date field carry it), held-out ones at their first runs (a NAT gateway's charge
    # without a subject, its start undated)
    floors["fixtures-unseen960"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen966-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen951-958: session 52's round 135, measured only on the final rules; main folders tuned on in session 53
    # (nothing left), held-out ones at their first runs (a key on a paste site read as suspicious activity, a weekly
    # maintenance window and an ACM approval link dated where none is labelled)
    floors["fixtures-unseen955-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen956-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen957-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen943-950: session 52's round 134, first runs on round 133's tuning; main folders tuned on since but a label
    # split (a Glue engine upgrade whose Health event is a PLANNED_LIFECYCLE_EVENT, read as an end of support where the
    # label says maintenance: 1,799 labelled mails of that code are ends of support and accept no other type);
    # held-out ones at their first runs (a French suspension warning read as a failed payment, an account beside a
    # payer's, a payer's and a linked account's invoice without its account, Bedrock keys used by others read as
    # exposed)
    floors["fixtures-unseen947"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen944-heldout"] = (9 / 10, 1.0, 9 / 10)
    floors["fixtures-unseen947-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen949-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen935-942: session 52's round 133, first runs on round 132's tuning; main folders tuned on since (nothing
    # left), held-out ones at their first runs (two member accounts read as their management ones, an EKS standard
    # support's end read from another date, a Spanish registrant verification read as a suspension warning)
    # (28h's German maintenance undated since session 52, as 92h's: a loss the same rule's four gains outweigh)
    floors["fixtures-unseen28-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen937-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen939-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen940-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen942-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen927-934: session 52's round 132, first runs on session 51's final rules; main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Japanese exposed key given a date where none is labelled)
    floors["fixtures-unseen934-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen919-926: session 51's round 131, measured only on the final rules; main folders tuned on in session 52 but
    # the label splits (a French key to rotate, its mail naming "la clé exposée", read as exposed credentials where the
    # labels say suspicious activity: 459 of 464 labelled mails that name the quarantine policy are exposed keys; an ACM
    # approval's link that "stops working 72 hours after" given as a date: 6 labelled approvals date their link's
    # expiry, 15 others the rules date do not); held-out ones at their first runs (a Spanish Redshift certificate read
    # as other Health mail, an exposed key read as a root review)
    floors["fixtures-unseen921"] = (19 / 20, 19 / 20, 1.0)
    floors["fixtures-unseen919-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen921-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen911-918: session 51's round 130, measured at first on the rules of round 129's tuning, its main folders
    # tuned on since but the label splits (a Korean abuse report's date to answer by, two SES reviews' dates: 252 of
    # 1,236 abuse labels and 213 of 568 SES review labels carry one); held-out ones at their first runs (a Portuguese
    # SES review read as an abuse report)
    floors["fixtures-unseen911"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen915"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen916"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen914-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen903-910: session 51's round 129, first runs on e4882ce7 (round 128's tuning); main folders tuned on since
    # but 909's invoice, whose payer field beside a linked-account field is labelled (a label split: of the labelled
    # invoices and statements that name both, invoices mostly the payer, statements mostly the linked account; the
    # reading does not know the type), held-out ones at their first runs (an SES review's account not found)
    # (909's Portuguese invoice read as its payer's since session 53)
    floors["fixtures-unseen909-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen895-902: session 51's round 128, first runs on c265072b (session 50's final rules); main folders tuned on
    # since (nothing left), held-out ones at their first runs (two maintenances that need nothing given a date)
    floors["fixtures-unseen897-heldout"] = (1.0, 9 / 10, 1.0)
    # (901h's German maintenance that needs nothing read since session 52: no floor)
    # unseen887-894: session 50's round 127, measured only on the final rules; main folders tuned on in session 51 but
    # 888's minimum charge's start (a price change that needs no change given its date: a label split, as 794's);
    # held-out ones at their first runs (a forwarded Marketplace mail without its sender family left unknown)
    floors["fixtures-unseen888"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen888-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen879-886: session 50's round 126, first runs on 374bb670 (round 125's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (an Italian suspicious activity's date to act by missed)
    floors["fixtures-unseen884-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen871-878: session 50's round 125, first runs on 25002a00 (round 124's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Spanish case the reader opened read as one AWS opened, its
    # account not found)
    floors["fixtures-unseen878-heldout"] = (9 / 10, 1.0, 9 / 10)
    # unseen863-870: session 50's round 124, first runs on c2a6c1e7 (round 123's tuning); main folders tuned on since
    # (nothing left); held-out ones had no miss
    # unseen855-862: session 50's round 123, first runs on 15df49b6 (round 122's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Traditional Chinese budget alert read as other mail)
    floors["fixtures-unseen860-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen847-854: session 50's round 122, first runs on c242e565 (session 49's final rules); main folders tuned on
    # since (nothing left), held-out ones at their first runs (a forwarded alarm without its sender family left
    # unknown, a maintenance that needs nothing given a date, a case AWS opened read as a maintenance, a tax notice
    # without a subject read as a newsletter, a payer's statement read for a linked account, a charge's start date
    # missed)
    floors["fixtures-unseen848-heldout"] = (9 / 10, 1.0, 1.0)
    # (850h's German maintenance that needs nothing read since session 52: no floor)
    floors["fixtures-unseen852-heldout"] = (8 / 10, 1.0, 1.0)
    floors["fixtures-unseen853-heldout"] = (1.0, 9 / 10, 9 / 10)
    # unseen839-846: session 49's round 121, measured only on the final rules; its main folders tuned on in session 50
    # (846's Italian SES complaint review's account read since), held-out ones at their first runs (a case AWS opened
    # about a quota read as other Support mail, a Japanese welcome without a subject read as a sign-up verification)
    floors["fixtures-unseen840-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen845-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen831-838: session 49's round 120, first runs on a186ed98 (round 119's tuning); main folders tuned on since
    # (left: 832's reserved instances of a linked account read as the payer's, a label split, as 774's and 786's),
    # held-out ones at their first runs (a Chinese cost anomaly's member account not found, an invitation's and an
    # extended-support date missed)
    floors["fixtures-unseen832"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen831-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen833-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen834-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen823-830: session 49's round 119, first runs on 304b8540 (round 118's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (an abuse report's account not found)
    floors["fixtures-unseen827-heldout"] = (1.0, 1.0, 9 / 10)
    # unseen815-822: session 49's round 118, first runs on d775572c (round 117's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Marketplace subscription, a maintenance that needs nothing
    # and a Korean ACM renewal given dates, a Portuguese suspension's date read from another of its dates, a Chinese
    # invoice charged automatically left unknown, its sender unplaced)
    floors["fixtures-unseen816-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen818-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen821-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen822-heldout"] = (9 / 10, 9 / 10, 1.0)
    # unseen807-814: session 49's round 117, first runs on 749a83fe (round 116's tuning); main folders tuned on since
    # (nothing left), held-out ones at their first runs (a Spanish case reply given a date, an Outposts window moved
    # without a subject read as other Health mail)
    floors["fixtures-unseen808-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen812-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen799-806: session 49's round 116, first runs on 7b625edb (session 48's final rules); main folders tuned on
    # since (nothing left), held-out ones at their first runs (an Italian case AWS opened, relayed, read as a reply; a
    # statement without a subject read as other billing mail)
    floors["fixtures-unseen804-heldout"] = (9 / 10, 1.0, 1.0)
    # (805h's statement without a subject read since session 53)
    # unseen791-798: session 48's round 115, measured only on the final rules; main folders tuned on in session 49
    # (left: 794's price change that names no account given its date, a label split), held-out ones at their first
    # runs (a Valkey patch read as other Health mail, an MWAA upgrade's date a day late)
    floors["fixtures-unseen794"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen796-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen797-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen783-790: session 48's round 114, registered as measured only; its main folders tuned on after all (left:
    # 786's Savings Plan of the management account, a payer/linked label split); held-out ones at their first runs (a
    # price change without a subject read as general mail, a Korean maintenance and a forwarded price change that needs
    # no action given dates)
    floors["fixtures-unseen783-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen786"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen787-heldout"] = (1.0, 9 / 10, 1.0)
    # (788h's forwarded price cut, needing nothing by its date, read since session 50: no floor)
    # unseen775-782: session 48's round 113, first runs on 73c14e25 (round 112's tuning); main folders tuned on since
    # (left: 782's forwarded ACM approval whose link is valid 72 hours given a date, a label convention)
    floors["fixtures-unseen782"] = (1.0, 19 / 20, 1.0)
    # unseen767-774: session 48's round 112, first runs on cbc2d158 (round 111's tuning); main folders tuned on since
    # (left: 768's maintenance that says no action is needed but offers to move its window, and a price change that
    # needs no change, given their dates (label splits); 774's Korean reservation bought by the management account and
    # used by a linked one, its account left unnamed); held-out ones at their first runs (a French suspended
    # account's date read from another date; 768h's invoice charged automatically is read since session 48's round
    # 113)
    floors["fixtures-unseen768"] = (1.0, 18 / 20, 1.0)
    floors["fixtures-unseen774"] = (1.0, 1.0, 19 / 20)
    floors["fixtures-unseen774-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen759-766: session 48's round 111, first runs on ae9b9ba0 (round 110's tuning); main folders tuned on since
    # (left: 759's and 765's SES reviews given their review period's end, a label split); held-out ones at their
    # first runs (a past-due balance that names the suspension date read as a failed payment, a Chinese case AWS
    # opened read as one the reader opened)
    floors["fixtures-unseen759"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen764-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen765"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen766-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen751-758: session 48's round 110, first runs on 5ceb32a3 (session 47's final rules); main folders tuned on
    # since (left: 752's Chinese root MFA requirement read as a policy change, a label split: most such labels accept
    # both); held-out ones at their first runs (an Italian SES domain verified read as general mail, an Organizations
    # handshake's expiry a day late, an exposed key given a date where none is labelled)
    floors["fixtures-unseen751-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen752"] = (19 / 20, 1.0, 1.0)
    floors["fixtures-unseen752-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen755-heldout"] = (1.0, 9 / 10, 1.0)
    # unseen743-750: session 47's round 109, measured only on the final rules; main folders tuned on in session 48
    # (nothing left); held-out ones at their first runs (a Savings Plan's account, a Spanish case opened, a Chinese
    # root MFA deactivated read as a root review)
    floors["fixtures-unseen743-heldout"] = (1.0, 1.0, 9 / 10)
    floors["fixtures-unseen746-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen748-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen735-742: session 47's round 108, measured only; its main folders' three misses tuned on in session 48
    # (nothing left)
    # unseen727-734: session 47's round 107, first runs on c7003b9f (round 106's rules); main folders' types tuned on
    # since; left: an ACM link's 72 hours, a maintenance that says "You do not have to do anything" and a Korean SES
    # review given dates, a Marketplace renewal's next date, a Japanese invoice's paying account; held-out ones at
    # their first runs (a charge's start date lost, a Chinese suspension warning read as a failed payment, an exposed
    # key read as a suspicious activity)
    floors["fixtures-unseen727"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen727-heldout"] = (9 / 10, 9 / 10, 1.0)
    floors["fixtures-unseen728"] = (1.0, 18 / 20, 1.0)
    # (730's Japanese invoice read as its payer's since session 53)
    floors["fixtures-unseen731"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen733-heldout"] = (9 / 10, 1.0, 1.0)
    # unseen719-726: session 47's round 106, first runs on a933c935 (round 105's rules); main folders tuned on since
    # but 719's abuse reminder given the date its reply is asked by (a label split, as 698's); held-out ones at their
    # first runs (two dates given where none is labelled, a German closed account without a subject read as Support
    # mail, an Italian case AWS opened read as a reply, a Korean suspended account without a subject read as a
    # statement, an SES review given its end date)
    floors["fixtures-unseen719"] = (1.0, 19 / 20, 1.0)
    # (719h's Traditional Chinese ACM request, whose request date was given, read since session 49: no floor)
    floors["fixtures-unseen720-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen722-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen724-heldout"] = (9 / 10, 1.0, 1.0)
    floors["fixtures-unseen725-heldout"] = (1.0, 9 / 10, 1.0)
    floors["fixtures-unseen726-heldout"] = (9 / 10, 9 / 10, 1.0)
    # (718-heldout's French suspension warning read since session 47's round 106, a side effect, not tuned on)
    # own25-heldout: a Marketplace private offer "valid for 30 days" keeps no deadline (no rule asks one of it)
    floors["fixtures-own25-heldout"] = (1.0, 9 / 10, 1.0)
    # (251-heldout's Service Terms update that says no action is required keeps no deadline since session 39's round
    # 74: a revision of the terms the reader accepts by using AWS that needs no action has none, as the labels of
    # 90-heldout, 360-heldout, 414 and 464 say)
    floors["fixtures-unseen251-heldout"] = (1.0, 9 / 10, 1.0)
    # session 33 reads a closed account's reopen period as no deadline, also when its end is written as a date
    # (samples/08 and every closed-account label written since the examiners label as the references do: 253, 264,
    # 272, 273, 276, 292, 300, 302); these eleven earlier labels kept the date, and are left missed
    floors["fixtures-unseen130"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen176"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen183"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen216"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen92"] = (1.0, 19 / 20, 1.0)
    # unseen28: a Japanese root-MFA notice whose HTML table row "日時 2027-09-10 14:02 UTC" (the event's time) is
    # read as a deadline (README)
    floors["fixtures-unseen28"] = (1.0, 19 / 20, 1.0)
    # session 41 reads a maintenance whose mail says, without a condition, that no action is needed, and offers
    # nothing to do before it, as having no deadline (maintenance-no-action): the brief's "a maintenance that asks
    # nothing of the reader", as samples/19 is labelled. Of the labelled maintenance mails that say no action is needed
    # in English, 107 carry no deadline and 28 a date, most of those 28 with a condition or an offer, which keep it.
    # The "split convention" the comments above name for such windows is read so since (54 labels fixed); these nine
    # earlier labels gave a plain no-action window its date, and are left missed (the two held-out sets lower again)
    floors["fixtures-unseen20"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen33"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen76"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen78"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen174"] = (1.0, 19 / 20, 1.0)
    floors["fixtures-unseen190"] = (1.0, 19 / 20, 1.0)
    # (58-heldout's root e-mail change code read since session 47, a side effect, not tuned on)
    floors["fixtures-unseen58-heldout"] = (1.0, 8 / 10, 1.0)
    floors["fixtures-unseen122-heldout"] = (9 / 10, 7 / 10, 1.0)
    floors["fixtures-unseen3-heldout"] = (1.0, 13 / 15, 1.0)
    # own8 (deadlines), own9 (root-user notices) and unseen6 (an examiner's batch, first run 39/40 types,
    # 20/24 labelled deadlines, 40/40 ids; tuned since as families) at every figure
    for labelled in sets:
        score = bench.score_set(labelled, CLASSIFIER)
        types, deadlines, accounts = floors[labelled.name]
        assert score.types >= types * score.mails, score.misses
        assert score.deadlines >= deadlines * score.mails, score.misses
        assert score.accounts >= accounts * score.mails, score.misses
        assert score.known_family_unknown == 0


def test_cli_json_gives_family_and_deadline_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    from click.testing import CliRunner

    from rootmail.cli import main
    from tests.conftest import free_port

    monkeypatch.setenv("ROOTMAIL_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ROOTMAIL_DNS_NAMESERVERS", f"127.0.0.1:{free_port()}")  # nothing answers
    monkeypatch.setenv("ROOTMAIL_DNS_TIMEOUT", "0.2")
    eks = tmp_path / "eks.eml"
    eks.write_bytes(_mail("health@aws.com", None, "Standard support for Kubernetes 1.30 will end on July 23, 2025.",
                          "Tue, 01 Apr 2025 10:00:00 +0000"))
    other = tmp_path / "other.eml"
    other.write_bytes(_mail("invoicing@aws.com", "Your tax settings", "The tax registration was updated."))
    result = CliRunner().invoke(main, ["classify", "--json", str(eks), str(other)])
    assert result.exit_code == 0, result.output
    first, second = (json.loads(line) for line in result.output.splitlines())
    assert (first["notice_type"], first["family"]) == ("health.end_of_support", "health")
    assert first["deadline"] == "2025-07-23"
    assert "will end on July 23, 2025" in first["deadline_source"]
    assert (second["notice_type"], second["family"], second["deadline_source"]) == ("billing.other", "billing", None)


# Localized AWS mail (issue 12): one short mail per language and notice family, worded here (not the
# fixtures' sentences), from the sender family AWS uses for it.
LOCALIZED = [
    ("health@aws.com", "health.instance_retirement",
     "Hemos programado la retirada de su instancia i-0abc1234 por un problema del hardware subyacente."),
    ("health@aws.com", "health.instance_retirement",
     "A instância i-0abc1234 será encerrada devido a uma falha no hardware subjacente."),
    ("health@aws.com", "health.instance_retirement",
     "Votre instance i-0abc1234 sera arrêtée en raison d'une défaillance du matériel sous-jacent."),
    ("health@aws.com", "health.instance_retirement",
     "L'istanza i-0abc1234 verrà arrestata a causa di un guasto dell'hardware sottostante."),
    ("health@aws.com", "health.instance_retirement",
     "インスタンス i-0abc1234 は基盤となるハードウェアの問題により停止されます。"),
    ("health@aws.com", "health.end_of_support",
     "Das Ende des Standard-Supports für PostgreSQL 12 ist erreicht; die Versionen werden nicht mehr unterstützt."),
    ("health@aws.com", "health.end_of_support",
     "La prise en charge standard de Redis 5 prendra fin prochainement."),
    ("health@aws.com", "health.end_of_support",
     "El soporte estándar de MySQL 5.7 finalizará pronto; después se cobrará el soporte extendido."),
    ("health@aws.com", "health.end_of_support",
     "O suporte padrão do PostgreSQL 12 terminará em breve."),
    ("health@aws.com", "health.end_of_support",
     "Il supporto standard per Kubernetes 1.29 terminerà a breve."),
    ("health@aws.com", "health.end_of_support",
     "Amazon EKS 将终止对 Kubernetes 1.29 的标准支持。"),
    ("health@aws.com", "health.end_of_support",
     "Kubernetes 1.29에 대한 표준 지원이 곧 종료됩니다."),
    ("health@aws.com", "health.scheduled_maintenance",
     "Se ha programado un mantenimiento obligatorio para su clúster."),
    ("health@aws.com", "health.scheduled_maintenance",
     "您的数据库实例已安排维护。"),
    ("health@aws.com", "health.certificate_rotation",
     "Le certificat de l'autorité de certification rds-ca-2019 expire bientôt."),
    ("no-reply-aws@amazon.com", "account.suspended",
     "Su cuenta de AWS ha sido suspendida por falta de pago."),
    ("no-reply-aws@amazon.com", "account.suspended",
     "Sua conta da AWS foi suspensa."),
    ("no-reply-aws@amazon.com", "account.suspended",
     "Ihr Konto wurde vorübergehend gesperrt."),
    ("no-reply-aws@amazon.com", "account.suspended",
     "お客様のアカウントは停止されました。"),
    ("aws-billing@amazon.com", "billing.payment_failed",
     "Nous n'avons pas pu traiter votre paiement ; votre carte a été refusée."),
    ("aws-billing@amazon.com", "billing.payment_failed",
     "Die Zahlung für Ihre Rechnung ist fehlgeschlagen."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry",
     "Sus instancias reservadas vencerán el próximo mes."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry",
     "Vos instances réservées arrivent à expiration le mois prochain."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry",
     "リザーブドインスタンスの有効期限が近づいています。"),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry",
     "预留实例即将到期。"),
    ("no-reply-aws@amazon.com", "billing.statement",
     "Ihr Abrechnungsauszug für März ist verfügbar."),
    ("no-reply@verify.signin.aws", "credentials.email_change_code",
     "Para cambiar la dirección de correo electrónico del usuario raíz, introduzca el código 123456."),
    ("no-reply@verify.signin.aws", "credentials.email_change_code",
     "Pour modifier l'adresse e-mail de l'utilisateur root, saisissez le code 123456."),
    ("no-reply@verify.signin.aws", "credentials.email_change_code",
     "ルートユーザーのEメールアドレスを変更するには、コード 123456 を入力してください。"),
    ("no-reply@verify.signin.aws", "credentials.sign_in_verification",
     "Ihr Bestätigungscode für die Anmeldung lautet 123456."),
    ("no-reply-aws@amazon.com", "account.closed",
     "Su cuenta de AWS 123456789012 ha sido cerrada."),
    ("no-reply-aws@amazon.com", "billing.payment_method_unverified",
     "No pudimos verificar su método de pago. Actualícelo en la consola."),
    ("no-reply-aws@amazon.com", "cost.anomaly",
     "AWS Cost Anomaly Detection: se ha detectado una anomalía de costos en Amazon EC2."),
    ("no-reply@signin.aws", "credentials.mfa_deactivated",
     "Das MFA-Gerät des Root-Benutzers wurde deaktiviert."),
    ("no-reply-aws@amazon.com", "abuse.report",
     "Hemos recibido un informe de abuso sobre su instancia EC2 con la IP 203.0.113.5."),
]


@pytest.mark.parametrize(("sender", "expected", "body"), LOCALIZED, ids=[x[1] + ":" + x[2][:24] for x in LOCALIZED])
def test_localized_mail_gets_its_notice_family(sender: str, expected: str, body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body)))
    assert notice.notice_type == expected
    if expected in ("credentials.email_change_code", "credentials.sign_in_verification", "credentials.password_reset"):
        assert CLASSIFIER.taxonomy.get(expected).secret  # a localized code or link stays secret


def test_localized_account_id_and_deadline() -> None:
    body = "Il supporto standard per il tuo account AWS 1234-5678-9012 terminerà il 23 luglio 2026."
    notice = CLASSIFIER.classify(parse_mail(_mail("health@aws.com", None, body, "Tue, 03 Mar 2026 10:00:00 +0000")))
    assert (notice.notice_type, notice.aws_account_id, notice.deadline) == \
        ("health.end_of_support", "123456789012", "2026-07-23")


def test_welcome_mail_naming_the_free_tier_is_the_welcome() -> None:
    body = ("<p>Thank you for creating an Amazon Web Services account. Your account ID is 1234 5678 9012.</p>"
            "<p>With the AWS Free Tier you can try services within the free tier usage limits.</p>")
    for sender in ("no-reply-aws@amazon.com", "no-reply@signup.aws"):
        notice = CLASSIFIER.classify(parse_mail(_mail(sender, "Welcome to Amazon Web Services", body, html=True)))
        assert (notice.notice_type, notice.aws_account_id) == ("onboarding.welcome", "123456789012"), sender


def test_welcome_subject_with_a_code_stays_a_credential() -> None:
    body = "Welcome! Your verification code is 482 913. Enter it to finish creating your account."
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply@signup.aws", "Welcome to AWS", body)))
    assert notice.notice_type == "credentials.signup_verification"


def test_case_aws_opened_about_an_exposed_key_is_the_case() -> None:
    body = ("Amazon Web Services has opened case 1234567890 on your behalf.\n"
            "Subject: Your AWS account 123456789012 has an exposed access key\n"
            "Please review the exposed access key notification and rotate the key.")
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", "New Support case: 1234567890", body)))
    assert notice.notice_type == "support.case_opened_by_aws"
    leaked = "Your access key AKIAIOSFODNN7EXAMPLE was found publicly available online on GitHub."
    assert CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", None, leaked))).notice_type == \
        "security.exposed_credentials"


@pytest.mark.parametrize("body", [
    "Amazon WorkMail has been successfully set up for your AWS account.",
    "You have successfully signed up for Amazon Lightsail.",
    "Your subscription to Amazon Q Developer Pro is now active.",
])
def test_service_set_up_notification(body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", None, body)))
    assert notice.notice_type == "onboarding.service_setup"


@pytest.mark.parametrize(("subject", "expected"), [
    ("Welcome to Amazon Web Services", "onboarding.welcome"),
    ("Welcome to AWS!", "onboarding.welcome"),
    ("Welcome to Amazon Elastic Compute Cloud", "onboarding.service_setup"),
    ("Welcome to AWS Lambda", "onboarding.service_setup"),
])
def test_welcome_to_a_service_is_its_set_up_not_the_accounts_welcome(subject: str, expected: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", subject, "We are glad to have you.")))
    assert notice.notice_type == expected


@pytest.mark.parametrize(("body", "expected"), [
    ("Gracias por crear una cuenta de Amazon Web Services.", "onboarding.welcome"),
    ("Ihr AWS-Konto ist jetzt bereit.", "onboarding.welcome"),
    ("Gracias por registrarse en Amazon Simple Email Service.", "onboarding.service_setup"),
    ("Merci de vous être inscrit à Amazon Lightsail.", "onboarding.service_setup"),
])
def test_localized_welcome_and_service_set_up(body: str, expected: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", None, body)))
    assert notice.notice_type == expected


# localized mail with its deadline: verb-first wordings, CJK leads, dates in each grammar
LOCALIZED_DEADLINES = [
    ("health@aws.com", "health.end_of_support", "2026-12-15",
     "AWS Lambda では、Python 3.9 ランタイムのサポートを 2026年12月15日 に終了します。"),
    ("no-reply-aws@amazon.com", "billing.statement", None,
     "2026年3月分のご請求明細をご確認いただけます。"),
    ("aws-billing@amazon.com", "billing.invoice", None,
     "Su factura de AWS para marzo de 2026 ya está disponible."),
    ("aws-billing@amazon.com", "billing.invoice", None,
     "Sua fatura da AWS está disponível para download."),
    ("health@aws.com", "health.instance_retirement", "2026-05-05",
     "La instancia i-0123abcd está programada para retirarse el 5 de mayo de 2026."),
    ("health@aws.com", "health.instance_retirement", "2026-05-05",
     "A instância i-0123abcd está programada para desativação em 5 de maio de 2026."),
    ("health@aws.com", "health.instance_retirement", "2026-05-05",
     "Votre instance i-0123abcd est planifiée pour être retirée le 5 mai 2026."),
    ("health@aws.com", "health.instance_retirement", "2026-05-05",
     "L'istanza i-0123abcd è programmata per il ritiro il 5 maggio 2026."),
    ("health@aws.com", "health.end_of_support", "2026-03-23",
     "O Amazon EKS encerrará o suporte padrão para o Kubernetes 1.29 em 23 de março de 2026."),
    ("health@aws.com", "health.end_of_support", "2026-03-23",
     "Amazon EKS mettra fin au support standard de Kubernetes 1.29 le 23 mars 2026."),
    ("health@aws.com", "health.end_of_support", "2026-03-23",
     "Amazon EKS beendet den Standard-Support für Kubernetes 1.29 am 23. März 2026."),
    ("health@aws.com", "health.end_of_support", "2026-03-23",
     "Amazon EKS terminerà il supporto standard per Kubernetes 1.29 il 23 marzo 2026."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-06-01",
     "Sus reservas de instancias de Amazon RDS caducarán el 1 de junio de 2026."),
    ("no-reply-aws@amazon.com", "account.suspended", None,
     "您的 AWS 账户已被暂停。"),
    ("no-reply-aws@amazon.com", "account.suspended", "2026-04-20",
     "Ihr AWS-Konto wurde gesperrt. Begleichen Sie den offenen Betrag bis zum 20. April 2026."),
    ("no-reply-aws@amazon.com", "account.suspended", "2026-04-20",
     "Votre compte AWS a été suspendu. Réglez le solde avant le 20 avril 2026."),
    ("health@aws.com", "health.certificate_rotation", "2026-04-20",
     "Amazon RDS: se requiere una actualización del certificado de la autoridad de certificación antes"
     " del 20 de abril de 2026."),
    ("health@aws.com", "health.certificate_rotation", "2026-04-20",
     "Os certificados SSL/TLS do RDS expiram em 20 de abril de 2026."),
    ("no-reply-aws@amazon.com", "billing.payment_failed", None,
     "Ihre Zahlung wurde abgelehnt. Bitte aktualisieren Sie Ihre Zahlungsmethode."),
    ("no-reply-aws@amazon.com", "billing.payment_failed", "2026-04-20",
     "Votre paiement a échoué. Veuillez mettre à jour votre moyen de paiement avant le 20 avril 2026."),
    ("health@aws.com", "health.scheduled_maintenance", "2026-04-20",
     "Amazon ElastiCache aplicará una actualización de software de servicio obligatoria a partir del 20"
     " de abril de 2026."),
    ("health@aws.com", "health.scheduled_maintenance", "2026-04-20",
     "Amazon RDS 将于 2026年4月20日 开始对您的数据库实例进行必要的维护。您可以在此之前自行应用更新。"),
    ("no-reply@signin.aws", "credentials.sign_in_verification", None,
     "Su código de verificación para iniciar sesión es 123456."),
    ("no-reply@signin.aws", "credentials.password_reset", None,
     "Alguien solicitó restablecer la contraseña del usuario raíz. Use este enlace."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-03-11",
     "リザーブドインスタンス (RI) の期限が 2026年3月11日 に切れます。"),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-03-11",
     "Vos instances réservées expireront le 11 mars 2026."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-03-11",
     "Suas instâncias reservadas expiram em 11 de março de 2026."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-03-11",
     "Ihre Reserved Instances laufen am 11. März 2026 ab."),
    ("no-reply-aws@amazon.com", "cost.commitment_expiry", "2026-03-11",
     "Sus Savings Plans vencen el 11 de marzo de 2026."),
    ("no-reply-aws@amazon.com", "billing.statement", None,
     "Le informamos de que su estado de cuenta de AWS de febrero ya está disponible."),
    ("aws-billing@amazon.com", "billing.statement", None,
     "您的 AWS 账单已出。"),
    ("aws-billing@amazon.com", "billing.payment_failed", None,
     "AWS 결제가 실패했습니다. 결제 수단을 업데이트하세요."),
    ("no-reply-aws@amazon.com", "account.suspended", None,
     "AWS アカウントを停止しました。"),
    ("no-reply-aws@amazon.com", "security.exposed_credentials", None,
     "Wir haben festgestellt, dass Ihr AWS-Zugriffsschlüssel AKIAIOSFODNN7EXAMPLE öffentlich"
     " auf GitHub verfügbar ist."),
    ("no-reply-aws@amazon.com", "security.exposed_credentials", None,
     "Hemos detectado que su clave de acceso AKIAIOSFODNN7EXAMPLE está expuesta públicamente."),
    ("health@aws.com", "health.operational_issue", None,
     "Estamos investigando tasas de error elevadas en Amazon S3 en la región us-east-1."),
    ("no-reply@signin.aws", "credentials.email_change_code", None,
     "ルートユーザーの E メールアドレスを更新するための確認コード: 123456"),
    ("health@aws.com", "health.certificate_rotation", "2026-03-15",
     "Your Amazon RDS instances require a certificate update before 03/15/2026."),
    ("health@aws.com", "health.instance_retirement", "2026-04-02",
     "EC2 has detected degradation of the underlying hardware hosting your instance. It will be"
     " stopped after 04/02/2026 10:00 UTC."),
    ("health@aws.com", "health.end_of_support", "2026-11-08",
     "Amazon OpenSearch Service: el soporte extendido comenzará el 8 de noviembre de 2026 y se"
     " aplicará una tarifa adicional."),
    ("no-reply-aws@amazon.com", "billing.suspension_warning", "2026-04-20",
     "Votre compte AWS pourrait être suspendu si le paiement n'est pas reçu avant le 20 avril 2026."),
    ("health@aws.com", "health.end_of_support", "2026-04-15",
     "AWS Elastic Beanstalk retirará la rama de plataforma Node.js 18 el 15/04/2026."),
    ("no-reply-aws@amazon.com", "cost.free_tier_alert", "2026-03-31",
     "Ihr AWS Free Tier läuft am 31. März 2026 ab."),
    ("no-reply-aws@amazon.com", "cost.free_tier_alert", "2026-03-31",
     "El período de la capa gratuita de AWS finaliza el 31 de marzo de 2026."),
]


@pytest.mark.parametrize(("sender", "expected", "deadline", "body"), LOCALIZED_DEADLINES,
                         ids=[x[1] + ":" + x[3][:24] for x in LOCALIZED_DEADLINES])
def test_localized_mail_gets_its_type_and_deadline(sender: str, expected: str, deadline: str | None, body: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body, "Mon, 02 Mar 2026 10:00:00 +0000")))
    assert notice.notice_type == expected
    if deadline is not None:
        assert notice.deadline == deadline


@pytest.mark.parametrize(("subject", "body", "expected"), [
    ("Your Amazon Lightsail account is set up", "Your Amazon Lightsail account is now set up.",
     "onboarding.service_setup"),
    (None, "Thank you for signing up for Amazon Simple Storage Service (S3).", "onboarding.service_setup"),
    ("Amazon WorkMail organization setup complete", "Your organization has been set up and is ready to use.",
     "onboarding.service_setup"),
    ("Your Amazon Connect instance is ready", "Your instance acme-cc has been created and is ready to use.",
     "onboarding.service_setup"),
    ("Your AWS Account is Ready - Get Started Now", "Your account is now active. Explore the AWS Free Tier.",
     "onboarding.welcome"),
    ("AWS Support case 1234567890 opened on your behalf",
     "We opened case 1234567890 regarding an access key that was found publicly available.",
     "support.case_opened_by_aws"),
    ("Your AWS Free Tier usage limit is almost reached", "Your account has used 85% of the Free Tier for Amazon EC2.",
     "cost.free_tier_alert"),
])
def test_english_structure_set_up_welcome_and_cases(subject: str | None, body: str, expected: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("no-reply-aws@amazon.com", subject, body)))
    assert notice.notice_type == expected


# ---------------------------------------------------------------- issue 12: unseen5 families, in other wordings


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected_type", "expected_deadline"),
    [
        # a service update with an apply-by date (MemoryDB, not the ElastiCache of the fixture)
        ("health@aws.com", None, "A new MemoryDB service update, memorydb-patch-1, is now available.\n"
         "Release Date: 2025-04-01, AWS Recommended Apply By Date: 2025-05-02, Auto-Update after Due Date: no",
         "health.scheduled_maintenance", "2025-05-02"),
        # a VPN tunnel endpoint replacement, in English and in Portuguese
        ("health@aws.com", "AWS Site-to-Site VPN tunnel endpoint replacement",
         "We will replace the tunnel endpoints of vpn-0abc. If you do not update the tunnels before May 20, 2025, "
         "AWS replaces the endpoint automatically.", "health.scheduled_maintenance", "2025-05-20"),
        ("health@aws.com", None, "Estamos fazendo a substituição dos endpoints do túnel da sua conexão VPN. "
         "Se você não atualizar os túneis antes de 20 de maio de 2025, a AWS fará a substituição.",
         "health.scheduled_maintenance", "2025-05-20"),
        # a suspension warning in French (not the Spanish of the fixture), before the payment failure
        ("aws-billing@amazon.com", "Action requise : votre compte AWS pourrait être suspendu",
         "Votre paiement est en retard. Nous ne tenterons plus de débiter votre carte.",
         "billing.suspension_warning", None),
        # the payment method verified on request, other verbs
        ("aws-billing@amazon.com", None, "Please confirm the payment method on your AWS account within 5 days.",
         "billing.payment_method_unverified", "2025-04-12"),
        # a Support case opened on the reader's behalf, in Portuguese and Italian
        ("no-reply-aws@amazon.com", "Amazon Web Services: Novo caso de suporte: 1776300012",
         "A Amazon Web Services abriu o caso 1776300012 em seu nome. Responda no prazo de 7 dias.",
         "support.case_opened_by_aws", "2025-04-14"),
        ("no-reply-aws@amazon.com", None, "Amazon Web Services ha aperto il caso 1776300012 per tuo conto. "
         "Rispondi entro 10 giorni.", "support.case_opened_by_aws", "2025-04-17"),
        # the root user's e-mail change code, without a subject
        ("no-reply@verify.signin.aws", None, "To update the email address used by your AWS account root user, "
         "verify your new email address with this code: 123456", "credentials.email_change_code", None),
        # a fallback type whose mail says an action is needed keeps its deadline (German)
        ("aws-billing@amazon.com", "Maßnahme erforderlich: Steuereinstellungen",
         "Bitte aktualisieren Sie Ihre Steuerinformationen bis zum 15. Mai 2025.", "billing.other", "2025-05-15"),
    ],
)
def test_unseen5_families_in_other_wordings(sender: str, subject: str | None, body: str, expected_type: str,
                                           expected_deadline: str | None) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


# ---------------------------------------------------------------- issue 12: own8's type misses, as families


@pytest.mark.parametrize(
    ("sender", "subject", "body", "expected_type", "expected_account"),
    [
        # a scheduled reboot (instance or system) for host maintenance, with and without a subject
        ("health@aws.com", "Amazon EC2 system reboot scheduled",
         "Your Amazon EC2 instance i-0a1b2c3d4e5f60718 in account 385520016649 is scheduled for a system reboot "
         "during the window below.", "health.scheduled_maintenance", "385520016649"),
        ("health@aws.com", None, "One of your instances in account 385520016649 has a scheduled instance reboot "
         "because of required host maintenance.", "health.scheduled_maintenance", "385520016649"),
        # an SES account under review, localized, the account written after the service name
        ("no-reply-aws@amazon.com", "Su cuenta de Amazon SES está en revisión",
         "La tasa de rebote de la cuenta de Amazon SES 662081447390 es demasiado alta y la cuenta está en revisión.",
         "ses.sending_review", "662081447390"),
        ("no-reply-aws@amazon.com", None, "A conta do Amazon SES 662081447390 está em revisão porque a taxa de "
         "reclamações está muito alta.", "ses.sending_review", "662081447390"),
        ("no-reply-aws@amazon.com", None, "Le compte Amazon SES 662081447390 est en cours d'examen : le taux de "
         "plaintes est trop élevé.", "ses.sending_review", "662081447390"),
        ("no-reply-aws@amazon.com", None, "Das Amazon SES-Konto 662081447390 wird überprüft, weil die "
         "Beschwerdequote zu hoch ist.", "ses.sending_review", "662081447390"),
        ("no-reply-aws@amazon.com", None, "Amazon SES アカウント 662081447390 は苦情率が高いため審査中です。",
         "ses.sending_review", "662081447390"),
    ],
)
def test_own8_families_in_other_wordings(sender: str, subject: str | None, body: str, expected_type: str,
                                         expected_account: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body)))
    assert (notice.notice_type, notice.aws_account_id) == (expected_type, expected_account)


@pytest.mark.parametrize("subject", ["[Compte AWS : 1234-5678-9012] Fin du support", "Aviso [Conta AWS: 123456789012]",
                                     "[Cuenta de AWS: 123456789012] Aviso", "[Account AWS: 123456789012] Avviso",
                                     "[AWS 계정: 123456789012] 알림", "[AWS-Konto: 123456789012] Hinweis"])
def test_localized_subject_account_tags(subject: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("health@aws.com", subject, "Bonjour,\nRien d'autre.")))
    assert notice.aws_account_id == "123456789012"


@pytest.mark.parametrize(("sender", "body", "deadline"), [
    ("freetier@costalerts.amazonaws.com",
     "Your AWS Free Tier credits for account 518822340017 expire on August 15, 2027.", "2027-08-15"),
    ("no-reply@marketplace.aws",
     "Your agreement for AWS account 629014475530 will end on December 31, 2026.", "2026-12-31"),
    ("no-reply@marketplace.aws", "The private offer for AWS account 731855902244 expires on 2026-11-27.", "2026-11-27"),
])
def test_offer_or_period_that_ends_on_a_date_has_that_deadline(sender: str, body: str, deadline: str) -> None:
    raw = (f"From: AWS <{sender}>\nTo: root@example.com\nDate: Mon, 02 Nov 2026 12:00:00 +0000\n"
           f"Content-Type: text/plain\n\nHello,\n\n{body}\n").encode()
    assert CLASSIFIER.classify(parse_mail(raw)).deadline == deadline


@pytest.mark.parametrize("body", [
    "<p>An AWS Support engineer has posted an update to your case 177055120300918.</p>",
    "<p>Case 1774123409 was updated with a new message from AWS Support.</p>",
    "<p>We have updated your case 176823310400551. To view the correspondence and respond, sign in.</p>",
])
def test_support_case_update_without_subject_is_correspondence(body: str) -> None:
    raw = ("From: Amazon Web Services <no-reply-aws@amazon.com>\nTo: root@example.com\n"
           f"Content-Type: text/html\n\n<html><body>{body}</body></html>\n").encode()
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == "support.case_correspondence"


# ---------------------------------------------------------------- issue 12: root-user and account-security notices
GENERAL = "Amazon Web Services <no-reply-aws@amazon.com>"


@pytest.mark.parametrize("body", [
    "The hardware MFA token of the root user of your AWS account has been deregistered.",
    "At your request we removed the virtual MFA device from the root user.",
    "Your root user is no longer protected with MFA. Assign a new device.",
    "The last multi-factor authentication device of the root user was deleted today.",
    "Hemos eliminado el dispositivo MFA del usuario raíz de su cuenta de AWS.",
    "A autenticação multifator (MFA) do usuário-raiz foi desativada.",
    "Nous avons supprimé l'authentification multifacteur de l'utilisateur racine.",
    "Die Multi-Faktor-Authentifizierung (MFA) Ihres Root-Benutzers wurde entfernt.",
    "Das MFA-Gerät Ihres AWS-Kontos wurde deaktiviert.",
    "L'autenticazione multifattore del tuo utente root è stata disattivata.",
    "ルートユーザーの MFA が削除されました。",
    "您的根用户的多重身份验证已停用。",
    "루트 사용자의 다중 인증이 비활성화되었습니다.",
    "AWS 계정의 MFA 디바이스가 비활성화되었습니다.",
])
def test_mfa_deactivated_in_other_wordings_and_languages(body: str) -> None:
    """The family of unseen6's miss (typed support.other): the device or the method, named before or after
    the verb, a few words apart, in the eight languages; each mail ends with the usual Support advice."""
    raw = _mail(GENERAL, None, f"Hello,\n\n{body}\n\nIf you did not make this change, contact AWS Support.")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == "credentials.mfa_deactivated"


# (the root password changed is a credential's notice, as the shared taxonomy puts MFA deactivated with the credentials
# and 8 of the 11 blind labels of such mails read it; the other changes stay security.other)
@pytest.mark.parametrize(("sender", "subject", "body", "expected"), [
    (GENERAL, None, "Your root user password has been changed.", "credentials.other"),
    (GENERAL, None, "A new access key was created for your root user.", "security.other"),
    (GENERAL, None, "Someone signed in as the root user from an unrecognized browser.", "security.other"),
    (GENERAL, None, "A new MFA device was assigned to the root user.", "security.other"),
    (GENERAL, None, "The operations contact for your AWS account has been updated.", "security.other"),
    (GENERAL, "Alternate contacts of your AWS account updated", "The change is complete.", "security.other"),
    ("AWS Security <aws-security@amazon.com>", None, "The root user password was updated yesterday.",
     "credentials.other"),
    (GENERAL, None, "La contraseña del usuario raíz de su cuenta de AWS ha sido cambiada.", "credentials.other"),
    (GENERAL, None, "Das Passwort des Root-Benutzers Ihres AWS-Kontos wurde gestern geändert.", "credentials.other"),
    (GENERAL, None, "AWS アカウントのルートユーザーのパスワードが変更されました。", "credentials.other"),
    (GENERAL, None, "AWS 계정의 대체 연락처가 업데이트되었습니다.", "security.other"),
    # the sign-in senders keep their own fallback (default deny: their mail may carry a secret)
    ("AWS <no-reply@signin.aws>", None, "Your root user password has been changed.", "credentials.other"),
    # a code in it: the credential rules decide, in English and in the localized rule's language
    (GENERAL, None, "Your root user email address was changed? To confirm the change, enter the verification "
     "code 482913.", "credentials.email_change_code"),
    (GENERAL, None, "AWS 계정 루트 사용자의 이메일 주소가 변경되었습니다. 인증 코드 482913을 입력하십시오.",
     "credentials.email_change_code"),
])
def test_root_user_and_account_security_changes(sender: str, subject: str | None, body: str, expected: str) -> None:
    raw = _mail(sender, subject, f"Hello,\n\n{body}\n\nIf this was not you, contact AWS Support.")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == expected


@pytest.mark.parametrize(("body", "expected"), [
    # "contact AWS Support", the last line of most account notices, names no Support matter
    ("Your account settings were reviewed. If you have questions, contact AWS Support.", "general.other"),
    ("Your settings were saved. Please contact the AWS Support team with any questions.", "general.other"),
    # Support mail that is not about a case still is
    ("Your AWS Support plan changed from Developer to Business.", "support.other"),
    ("Thank you for choosing AWS Support. Your subscription renews monthly.", "support.other"),
])
def test_contact_aws_support_advice_is_not_support_mail(body: str, expected: str) -> None:
    raw = _mail(GENERAL, None, f"Hello,\n\n{body}")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == expected


def test_the_rules_read_the_html_parts_own_lines_once() -> None:
    """A multipart mail whose HTML part says much more: the rules' body is the plain part, then the HTML
    part's lines that the plain part does not hold (a repeated line is read once)."""
    from routing.classify import mail_view

    plain = "Hello,\n\nYour instance i-0123456789abcdef0 is scheduled for retirement.\n"
    extra = "\n".join(f"Metadata line {n}: https://example.com/track/{n}" for n in range(12))
    html = (f"<p>Hello,</p><p>Your instance i-0123456789abcdef0 is scheduled for retirement.</p>"
            f"<pre>{extra}</pre>")
    raw = ("From: health@aws.com\r\nTo: root@aws.example.org\r\nSubject: x\r\nMIME-Version: 1.0\r\n"
           "Content-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n"
           f"{plain}\r\n--b\r\nContent-Type: text/html\r\n\r\n{html}\r\n--b--\r\n").encode()
    parsed = parse_mail(raw)
    body = mail_view(parsed).body
    assert body.startswith(parsed.text)
    assert body.count("scheduled for retirement") == 1
    assert "Metadata line 11" in body


HEALTH = "Amazon Web Services <health@aws.com>"
BILLING = "AWS Billing <aws-billing@amazon.com>"


@pytest.mark.parametrize(("sender", "subject", "body", "expected"), [
    # end of support: public images made private or no longer published, legacy TLS refused, 'end-of-support'
    (HEALTH, None, "Starting March 3, 2027, the public Ubuntu 18.04 AMIs shared by AWS will be made private. "
     "Running instances are not affected.", "health.end_of_support"),
    (GENERAL, None, "Amazon OpenSearch Service will stop publishing new Elasticsearch 6.x images after "
     "2027-01-31; existing domains keep running.", "health.end_of_support"),
    (GENERAL, None, "Amazon API Gateway will stop accepting TLS 1.0 and 1.1 connections on regional endpoints "
     "from 2027-02-01.", "health.end_of_support"),
    (HEALTH, None, "Your AWS IoT Core domain configurations still use a legacy security policy; update them "
     "before 2027-04-01.", "health.end_of_support"),
    (HEALTH, "The AWS SDK for Java 1.x reaches end-of-support", "Version 1.x of the SDK reaches end-of-support "
     "on December 31, 2026.", "health.end_of_support"),
    (GENERAL, "Amazon Lightsail : fin de prise en charge des plans Ubuntu 20.04",
     "Les plans Ubuntu 20.04 ne recevront plus de mises à jour après le 1er mars 2027.", "health.end_of_support"),
    (GENERAL, None, "Las instancias creadas con estos blueprints de Amazon Lightsail no recibirán actualizaciones "
     "después del 1 de marzo de 2027.", "health.end_of_support"),
    # a digest that LISTS an end of support, a maintenance and a retirement is none of them
    (HEALTH, "Your AWS Health daily digest", "1. Amazon RDS for MySQL 5.7: end of standard support on "
     "2027-02-28.\n2. Amazon ElastiCache: scheduled maintenance on 2027-01-12.\n3. Amazon EC2: instance "
     "i-0abc1234def567890 is scheduled for retirement.", "health.other"),
    (HEALTH, None, "This summary lists the AWS Health events of your organization: planned maintenance for "
     "Amazon Aurora, end of support for Node.js 18 in AWS Lambda.", "health.other"),
    (HEALTH, None, "Wochenübersicht Ihrer AWS Health-Ereignisse: Ende des Standard-Supports für Amazon EKS 1.29; "
     "geplante Wartung für Amazon RDS.", "health.other"),
    # ... but one notice with a 'summary' line stays what it is
    (HEALTH, None, "Summary of changes: AWS Lambda will end support for the Node.js 18 runtime on "
     "2026-09-01.", "health.end_of_support"),
    # endpoint replacements by AWS are maintenance, a few words apart and localized
    (HEALTH, None, "AWS will replace the hardware endpoint that terminates your Direct Connect connection "
     "dxcon-fg1h2i3j on 2027-01-20 between 01:00 and 03:00 UTC.", "health.scheduled_maintenance"),
    (HEALTH, None, "The endpoints of your Client VPN cvpn-endpoint-0abc are scheduled to be replaced on "
     "2027-01-20.", "health.scheduled_maintenance"),
    (HEALTH, None, "AWS va remplacer les points de terminaison de votre connexion VPN le 3 mars 2027.",
     "health.scheduled_maintenance"),
    # an incident: the rate named a few words after 'elevated'
    (HEALTH, None, "Between 10:00 and 11:15 UTC we saw elevated HTTP 5XX error rates for Amazon CloudFront "
     "in Europe.", "health.operational_issue"),
    # an overdue balance to go to a collection agency is a suspension warning (en, es, de)
    (BILLING, None, "Your balance is 70 days overdue. Unless it is paid, it will be referred to an external "
     "collection agency.", "billing.suspension_warning"),
    (BILLING, None, "Si no recibimos el pago, su saldo se transferirá a una agencia de cobranza.",
     "billing.suspension_warning"),
    (BILLING, None, "Ohne Zahlungseingang übergeben wir die Forderung einem Inkassobüro.",
     "billing.suspension_warning"),
    # a Support plan to be discontinued or repriced, the Customer Agreement, localized
    (GENERAL, None, "Effective 2027-02-01 the AWS Developer Support plan will no longer be offered.",
     "policy.change_notice"),
    (GENERAL, None, "Los precios de los planes de AWS Support cambian el 1 de marzo de 2027.", "policy.change_notice"),
    (GENERAL, None, "O plano AWS Business Support deixará de ser oferecido em 2027.", "policy.change_notice"),
    (GENERAL, None, "Nous avons mis à jour le Contrat client AWS ; les changements s'appliquent dès le 1er mars "
     "2027.", "policy.change_notice"),
    # invoices in other languages: the invoice number or 'your invoice'
    (BILLING, None, "Rechnungsnummer: DE27-123456\nBetrag: 99,00 EUR", "billing.invoice"),
    (BILLING, None, "Número de factura: ES27-556677\nImporte: 120,00 EUR", "billing.invoice"),
    (BILLING, None, "Sua fatura da AWS referente a fevereiro de 2027 já está disponível no console.",
     "billing.invoice"),
    # Support case replies, localized
    (GENERAL, "RE: [Cas 181122334455] Quota Lambda", "Une nouvelle réponse a été ajoutée à votre dossier.",
     "support.case_correspondence"),
    (GENERAL, None, "サポートケース 181122334455 に新しい返信があります。", "support.case_correspondence"),
    (GENERAL, None, "Hay una nueva respuesta en su caso de soporte 181122334455.", "support.case_correspondence"),
    # a service's own resource set up; a service closed to new customers
    (GENERAL, "Your Amazon Connect instance is ready", "You can now claim a phone number.", "onboarding.service_setup"),
    (GENERAL, None, "Your AWS Elemental MediaStore container was created successfully and is now active.",
     "onboarding.service_setup"),
    (GENERAL, None, "Amazon QLDB is no longer available to new customers. Existing customers can continue to use "
     "it.", "health.other"),
    (GENERAL, None, "Amazon Forecast ya no está disponible para nuevos clientes.", "health.other"),
])
def test_unseen7_type_miss_families_in_other_wordings(sender: str, subject: str | None, body: str,
                                                       expected: str) -> None:
    """The families of unseen7's type misses (issue 12), in our own wordings and other services, with
    the precedence they need: a digest that lists an end of support is no end-of-support notice."""
    raw = _mail(sender, subject, f"Hello,\n\n{body}\n\nSincerely,\nAmazon Web Services")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == expected


def test_a_support_plan_change_that_was_made_stays_support_mail() -> None:
    """Only a future change of a Support plan (discontinued, repriced) is a policy change notice."""
    raw = _mail(GENERAL, None, "Hello,\n\nYour AWS Support plan changed from Developer to Business today.")
    assert CLASSIFIER.classify(parse_mail(raw)).notice_type == "support.other"


# ---------------------------------------------------------------- issue 12: unseen8's misses, as families
UNSEEN8_DATE = "Mon, 02 Mar 2026 09:00:00 +0000"


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type", "expected_deadline"), [
    # a service (not a version) that ends on a date, the phrase a line away from the date
    (GENERAL, None, "Reminder: the Amazon Foo Workspaces service will end on\nJune 30, 2026; export your data first.",
     "health.end_of_support", "2026-06-30"),
    (GENERAL, None, "Amazon Bar Studio reaches its end of service on 2026-07-15. Account 123456789012 still uses it.",
     "health.end_of_support", "2026-07-15"),
    (GENERAL, "Amazon Baz Notes", "Amazon Baz Notes will be discontinued on 12 August 2026; download your notes.",
     "health.end_of_support", "2026-08-12"),
    (GENERAL, None, "Le service Amazon Qux Boards prendra fin le 15 septembre 2026. Exportez vos tableaux.",
     "health.end_of_support", "2026-09-15"),
    # a Health notice of no known type about tasks to be retired from a date: that date
    (HEALTH, None, "AWS Fargate will begin retiring tasks on older platform revisions starting at\n"
     "Wed, 20 May 2026 10:00 GMT. Nothing is required from you.", "health.other", "2026-05-20"),
    # a declined payment, the amount wrapping the phrase over lines, with a pay-by date
    (BILLING, None, "The charge of EUR 88.10 for invoice 9988776655 was\ndeclined by your bank. Please pay the "
     "balance by April 30, 2026.", "billing.payment_failed", "2026-04-30"),
    (BILLING, None, "Your card was declined for account 123456789012. Settle the amount due by May 4, 2026.",
     "billing.payment_failed", "2026-05-04"),
    # a leaked key named a line apart from what happened to it, or only the quarantine policy AWS attached
    (GENERAL, None, "The access key AKIAEXAMPLEAAAA11111 of IAM user etl in account 123456789012\n"
     "was posted to a public code repository. Rotate it now.", "security.exposed_credentials", None),
    (GENERAL, None, "We attached AWSCompromisedKeyQuarantineV3 to IAM user etl in account 123456789012.",
     "security.exposed_credentials", None),
    (GENERAL, None, "La clave de acceso AKIAEXAMPLEAAAA22222 de la cuenta 123456789012\nse ha publicado en un "
     "sitio web público.", "security.exposed_credentials", None),
    # unauthorized usage, with a case to answer by a date (not a case AWS opened about something else)
    (GENERAL, "Unauthorized usage of your AWS account", "A third party may have gained access to account "
     "123456789012. Reply to case 178000000000001 by 2026-04-10 23:59 UTC.", "security.suspicious_activity",
     "2026-04-10"),
    # a certificate of another service that expires, the two a line apart
    (HEALTH, None, "The SAML signing certificate of the app \"Wiki\" in account 123456789012\nexpires at "
     "2026-08-08T00:00:00Z. Rotate it before then.", "health.certificate_rotation", "2026-08-08"),
    # a policy change led by a weekday date: the change and that date
    (GENERAL, None, "Beginning Monday, October 5, 2026, Amazon Foo Queue will only accept signed requests in "
     "account 123456789012.", "policy.change_notice", "2026-10-05"),
    # a Savings Plans / RI purchase that is queued or scheduled: the date it is made
    (GENERAL, None, "Your queued Savings Plans purchase (account 123456789012) will be made at 2026-10-01T00:00:00Z; "
     "delete it before 2026-10-01T00:00:00Z if you changed your mind.", "cost.commitment_expiry", "2026-10-01"),
    (GENERAL, None, "La compra de Savings Plans programada para la cuenta 123456789012 se puede cancelar antes del "
     "1 de noviembre de 2026.", "cost.commitment_expiry", "2026-11-01"),
])
def test_unseen8_families_in_other_wordings(sender: str, subject: str | None, body: str, expected_type: str,
                                           expected_deadline: str | None) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


@pytest.mark.parametrize(("body", "expected"), [
    # a case the customer opened, localized: the thanks / "we received your request" / "you opened"
    ("Obrigado por entrar em contato com o AWS Support. Você abriu um novo caso de suporte: 178000000000002.",
     "support.case_opened"),
    ("Vielen Dank, dass Sie sich an den AWS Support gewandt haben. Neuer Support-Fall: 178000000000003.",
     "support.case_opened"),
    ("AWS サポートにお問い合わせいただきありがとうございます。新しいサポートケース 178000000000004 を作成しました。",
     "support.case_opened"),
    ("感谢您联系 AWS Support。您已创建新的支持案例 178000000000005。", "support.case_opened"),
    # ... and one AWS opened on the reader's behalf stays AWS's
    ("AWS ha abierto un nuevo caso de soporte 178000000000006 en su nombre sobre su cuenta.",
     "support.case_opened_by_aws"),
])
def test_localized_case_the_customer_opened(body: str, expected: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail("Amazon Web Services <no-reply-aws@amazon.com>", None, body,
                                                  UNSEEN8_DATE)))
    assert notice.notice_type == expected


MARKETPLACE = "AWS Marketplace <aws-marketplace@amazon.com>"


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type"), [
    # a service that closes, named (not an account), localized; or that ends support / is discontinued
    (GENERAL, None, "Amazon Foo Boards non sarà più disponibile dal 1 dicembre 2026. Esporta i tuoi dati.",
     "health.end_of_support"),
    (GENERAL, None, "O AWS Bar Forms será encerrado no dia 2 de dezembro de 2026. Exporte seus formulários.",
     "health.end_of_support"),
    (GENERAL, None, "AWS stellt den Dienst AWS Baz Notes zum 3. Dezember 2026 ein.", "health.end_of_support"),
    (HEALTH, None, "We will end support on June 9, 2026 for AWS Qux Rules; rules stop running after that day.",
     "health.end_of_support"),
    (HEALTH, None, "AWS Qux Rules will be discontinued. Existing rules keep running until then.",
     "health.end_of_support"),
    # ... while an account closure in Italian stays an account closure
    (GENERAL, "Chiusura dell'account AWS", "Confermiamo la chiusura. Dopo il 3 giugno 2026 l'account verrà chiuso "
     "in modo definitivo.", "account.closed"),
    # promotional / Activate credits that expire
    (GENERAL, None, "Your AWS Promotional Credits (USD 900.00) on account 123456789012 expire on 2026-05-31.",
     "cost.other"),
    (GENERAL, None, "Ihre Activate-Credits für Konto 123456789012 verfallen am 31. Mai 2026.", "cost.other"),
    # an SES account under review, Chinese / Japanese
    (GENERAL, None, "您的 Amazon SES 账户现处于审核状态，因为投诉率过高。", "ses.sending_review"),
    (GENERAL, None, "お客様の Amazon SES アカウントは現在レビュー中です。苦情率が高すぎます。", "ses.sending_review"),
    # a Marketplace private offer from the marketplace address, or named in the text
    (MARKETPLACE, None, "The offer for Foo Suite in account 123456789012 ends on 2026-06-30.",
     "marketplace.subscription"),
    (GENERAL, None, "Una oferta privada para Foo Suite en la cuenta 123456789012 vence el 30 de junio de 2026.",
     "marketplace.subscription"),
    # a policy size/number limit that changes, or a change led by "on or after <date>"
    (GENERAL, None, "From 2026-07-01 whitespace counts toward the policy size limit of your SCPs in account "
     "123456789012.", "policy.change_notice"),
    (GENERAL, None, "La taille maximale des politiques de balises change le 1 juillet 2026 pour le compte "
     "123456789012.", "policy.change_notice"),
    (GENERAL, None, "On or after August 3, 2026, Amazon Foo Mail will require TLS 1.2 for account 123456789012.",
     "policy.change_notice"),
    # a Support case opened by AWS: "on behalf of <account>", localized with AWS as the subject
    (GENERAL, None, "AWS has opened case 178000000000011 on behalf of account 123456789012.",
     "support.case_opened_by_aws"),
    (GENERAL, None, "A AWS abriu um caso de suporte (178000000000012) para a conta 123456789012.",
     "support.case_opened_by_aws"),
])
def test_unseen9_families_in_other_wordings(sender: str, subject: str | None, body: str, expected_type: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert notice.notice_type == expected_type


@pytest.mark.parametrize(("sender", "body", "expected_type", "expected_deadline"), [
    # a key or secret pending deletion on a date: a Health mail of no known type that still has its deadline
    (HEALTH, "Your AWS Foo key in account 123456789012 is pending deletion and will be deleted on 2026-05-20.",
     "health.other", "2026-05-20"),
    (HEALTH, "La clé de l'archive Foo est programmée pour suppression : elle sera supprimée le 20 mai 2026.",
     "health.other", "2026-05-20"),
    # a change from a date after which something is blocked / no longer possible
    (HEALTH, "A partir de 20 de maio de 2026, mensagens SMS sem registro serão bloqueadas na conta 123456789012.",
     "health.other", "2026-05-20"),
    (GENERAL, "Beginning May 20, 2026, AWS Organizations lowers the policy size limit; from then on you will not "
     "be able to attach larger policies in account 123456789012.", "policy.change_notice", "2026-05-20"),
    # credits that expire ("vencen el"), localized
    (GENERAL, "Los créditos promocionales de la cuenta 123456789012 vencen el 20 de mayo de 2026.", "cost.other",
     "2026-05-20"),
])
def test_unseen9_deadline_families_in_other_wordings(sender: str, body: str, expected_type: str,
                                                     expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


# ---------------------------------------------------------------- unseen10's families, in our own wordings
SIGNIN = "Amazon Web Services <no-reply@signin.aws>"
VERIFY = "Amazon Web Services <no-reply@verify.signin.aws>"


@pytest.mark.parametrize(("sender", "body", "expected_type"), [
    # an agent, connector or plugin whose support stops (no subject): an end of support
    (GENERAL, "AWS will discontinue the legacy Foo sync agent for account 123456789012. You have until July 9, 2026 "
     "to move to the new agent.", "health.end_of_support"),
    (GENERAL, "Account 123456789012 uses the Foo CLI plugin. AWS will stop supporting it on 2026-07-09.",
     "health.end_of_support"),
    (GENERAL, "O Amazon Foo deixará de estar disponível em 9 de julho de 2026 para a conta 123456789012.",
     "health.end_of_support"),
    # maintenance performed on attachments, or the hosts behind an endpoint moved to a new machine image
    (HEALTH, "AWS will carry out maintenance on the Foo gateway attachments of account 123456789012 on 2026-07-09.",
     "health.scheduled_maintenance"),
    (HEALTH, "The underlying hosts of your Foo endpoint in account 123456789012 will be updated to a new machine "
     "image on 2026-07-09.", "health.scheduled_maintenance"),
    # a DKIM key-length change: a policy change of SES
    (GENERAL, "Identities of account 123456789012 that sign with 1024-bit Easy DKIM keys move to 2048-bit keys "
     "after 2026-07-09.", "policy.change_notice"),
    # SMS sender-id registration, localized
    (GENERAL, "Os IDs de remetente de SMS da conta 123456789012 precisam ser registrados até 9 de julho de 2026.",
     "policy.change_notice"),
    (GENERAL, "Les identifiants d'expéditeur SMS du compte 123456789012 doivent être enregistrés avant le 9 juillet "
     "2026.", "policy.change_notice"),
    # an unpaid or overdue balance; one the account may be suspended for is the suspension warning
    (BILLING, "Account 123456789012 has an unpaid balance of EUR 80.00 for June 2026.", "billing.payment_failed"),
    (BILLING, "A fatura de junho da conta 123456789012 está vencida.", "billing.payment_failed"),
    (BILLING, "Account 123456789012 has an unpaid balance of EUR 80.00; the account may be suspended.",
     "billing.suspension_warning"),
])
def test_unseen10_families_in_other_wordings(sender: str, body: str, expected_type: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body, UNSEEN8_DATE)))
    assert notice.notice_type == expected_type


@pytest.mark.parametrize(("sender", "body", "expected_type", "expected_deadline"), [
    # a key or a certificate authority set for deletion on a date
    (HEALTH, "The Foo signing key in account 123456789012 is scheduled for deletion on 2026-05-20.",
     "health.other", "2026-05-20"),
    (HEALTH, "Your Foo certificate authority in account 123456789012 will be permanently deleted on May 20, 2026.",
     "health.other", "2026-05-20"),
    # a default or a limit that changes from a date
    (GENERAL, "On or after May 20, 2026, new Foo tables in account 123456789012 get encryption enabled by default.",
     "general.other", "2026-05-20"),
    (GENERAL, "From 2026-05-20, the default limit of Foo rules for account 123456789012 will be lowered.",
     "general.other", "2026-05-20"),
    (GENERAL, "Effective 2026-05-20, AWS Foo will reduce the maximum size of a rule set in account 123456789012.",
     "general.other", "2026-05-20"),
    # a closure: the later shutdown, not the earlier date that only new customers see
    (GENERAL, "Amazon Foo will end support on March 31, 2027. Starting May 20, 2026 new customers can no longer sign "
     "up. Download the data of account 123456789012 before March 31, 2027.", "health.end_of_support", "2027-03-31"),
    # a localized tax-id request with a date to act by
    (BILLING, "Per l'account 123456789012 manca il codice fiscale. Inseriscilo entro il 20 maggio 2026.",
     "billing.other", "2026-05-20"),
    (BILLING, "Für Konto 123456789012 fehlt die Steuernummer. Bitte bis zum 20.05.2026 nachtragen.",
     "billing.other", "2026-05-20"),
    # a maintenance whose interruption the reader will see
    (HEALTH, "AWS will replace the VPN tunnel endpoints of account 123456789012 on 2026-05-20; traffic may be "
     "briefly interrupted.", "health.scheduled_maintenance", "2026-05-20"),
    # a dated requirement of a sign-in mail; a confirmation owed within N days; an overdue bill to pay within N days
    # (a requirement from a date is a policy change, as unseen10-heldout's Identity Center MFA notice is labelled;
    # the evidence scorer places it since 414be65, a fallback before)
    (SIGNIN, "Starting May 20, 2026, IAM Identity Center will require a passkey for all users of account "
     "123456789012.", "policy.change_notice", "2026-05-20"),
    (VERIFY, "Please verify the phone number on your AWS account. If you do not verify it within 14 days, recovery "
     "options may be limited.", "credentials.other", "2026-03-16"),
    (BILLING, "A fatura da conta 123456789012 está vencida. Pague em até 5 dias.", "billing.payment_failed",
     "2026-03-07"),
])
def test_unseen10_deadline_families_in_other_wordings(sender: str, body: str, expected_type: str,
                                                      expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


@pytest.mark.parametrize(("sender", "body", "expected_type", "expected_deadline"), [
    # the families own14-heldout's one-shot run missed (fixed after it): a resource "scheduled to be deleted",
    # "zum Löschen vorgemerkt"; a dated default whose sentence selects what it concerns by a participle
    # ("instances launched … will default"); a payment that could not be collected; a Japanese rotation from a date
    (HEALTH, "The Foo snapshot in account 123456789012 is scheduled to be deleted on 2026-05-20.", "health.other",
     "2026-05-20"),
    (HEALTH, "Das Foo-Backup im Konto 123456789012 ist zum Löschen vorgemerkt; die Löschung erfolgt am 20.05.2026.",
     "health.other", "2026-05-20"),
    (GENERAL, "Beginning on May 20, 2026, new Foo clusters launched in account 123456789012 will default to "
     "encrypted storage.", "general.other", "2026-05-20"),
    (BILLING, "Account 123456789012: we could not collect the payment for May 2026. Please pay by May 20, 2026.",
     "billing.payment_failed", "2026-05-20"),
    (GENERAL, "アカウント 123456789012 の Foo キーは 2026年5月20日 以降、自動的にローテーションされます。",
     "general.other", "2026-05-20"),
])
def test_own14_heldout_families_in_other_wordings(sender: str, body: str, expected_type: str,
                                                  expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, None, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type"), [
    # the type families unseen11/12 (and their held-out thirds) missed, in our own wordings: a card that expires
    # (not a failure, not an invoice); a payment not received; an account reinstated with a balance still due; root
    # user access keys to be deactivated; the root user required to register an MFA device (localized); a custom
    # MAIL FROM domain set up; an Organizations handshake to approve; a localized case number after "de soporte";
    # a named service that will no longer be available; a service activated
    (BILLING, "Ihre Zahlungskarte läuft ab",
     "Die Visa-Karte mit den Endziffern 4242 für Konto 123456789012 läuft Ende März 2026 ab.", "billing.other"),
    (BILLING, None, "Votre facture de mars sera prélevée sur la carte Visa de votre compte 123456789012, qui "
     "arrive à expiration le 31/03/2026.", "billing.other"),
    (GENERAL, None, "We have not received payment for the March 2026 charges of account 123456789012. Please pay "
     "the overdue balance in the Billing console.", "billing.payment_failed"),
    (GENERAL, None, "Your AWS account 123456789012 has been reactivated. The account was suspended on 2026-03-01; a "
     "balance of USD 40.00 remains open.", "billing.other"),
    (GENERAL, None, "On 2026-05-20 AWS will deactivate root user access keys of account 123456789012 that have not "
     "been used in a year.", "security.root_review"),
    (GENERAL, None, "A partir del 20 de mayo de 2026 será obligatorio que el usuario raíz de la cuenta 123456789012 "
     "registre un dispositivo MFA.", "policy.change_notice"),
    (GENERAL, None, "Amazon SES: the MAIL FROM domain mail.foo.example of account 123456789012 is now configured.",
     "ses.identity_verified"),
    (GENERAL, None, "Account 123456789012: the management account asks you to approve a request. Open "
     "https://console.aws.amazon.com/organizations/v2/home/handshakes/h-1 to review it.",
     "verification.organizations_invite"),
    (GENERAL, None, "Hay una respuesta en su caso de soporte 178000000000001 (cuenta 123456789012). Lea la "
     "correspondencia en el Centro de soporte.", "support.case_correspondence"),
    (GENERAL, None, "Account 123456789012 uses Amazon Foo Bar. After 2026-05-20 Amazon Foo Bar will no longer be "
     "available.", "health.end_of_support"),
    (GENERAL, None, "Gracias por activar Amazon Foo en la cuenta 123456789012.", "onboarding.service_setup"),
])
def test_unseen11_12_type_families_in_other_wordings(sender: str, subject: str | None, body: str,
                                                      expected_type: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert notice.notice_type == expected_type


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type", "expected_deadline"), [
    # the deadline families of unseen11/12: a shutdown after an earlier "no new Foo projects" date; a Japanese end
    # "をもって" with no new ones "以降" (。 ends a sentence); a free trial's end; a case reply asked for by a date;
    # an expiry field; a localized due-date field of a bank-transfer invoice (no failure); a simple past (comenzó el)
    (HEALTH, None, "The Foo service will be discontinued effective June 30, 2026. Starting April 1, 2026, you can "
     "no longer create new Foo projects; existing ones run until the end of support.", "health.end_of_support",
     "2026-06-30"),
    (HEALTH, None, "Amazon Foo は 2026年6月30日 をもってサポートを終了します。2026年4月1日 以降は新しいプロジェクトを"
     "作成できなくなります。", "health.end_of_support", "2026-06-30"),
    (GENERAL, "Welcome to Amazon Foo", "Thank you for enabling Amazon Foo in account 123456789012. Your free trial "
     "ends on May 20, 2026.", "onboarding.service_setup", "2026-05-20"),
    (GENERAL, None, "We've updated your support case 178000000000001 (account 123456789012) with a new reply. "
     "Please reply by 2026-05-20 with the details.", "support.case_correspondence", "2026-05-20"),
    (BILLING, "Your Foo certificate on file expires soon", "The Foo certificate on file for account 123456789012.\n\n"
     "Expiration date Wednesday, May 20, 2026\n\nUpload a new one in the console.", "billing.other", "2026-05-20"),
    (BILLING, "Amazon Web Services 인보이스 [계정: 123456789012]",
     "인보이스 번호 KR-0001\n\n결제 기한 2026년 5월 20일\n\n결제 기한이 지나면 연체 상태가 될 수 있습니다.",
     "billing.invoice", "2026-05-20"),
    (GENERAL, None, "Gracias por activar Amazon Foo en la cuenta 123456789012. La prueba gratuita comenzó el 2 de "
     "marzo de 2026 y finaliza el 20 de mayo de 2026.", "onboarding.service_setup", "2026-05-20"),
])
def test_unseen11_12_deadline_families_in_other_wordings(sender: str, subject: str | None, body: str,
                                                          expected_type: str, expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


def test_the_account_after_a_localized_noun_in_the_subject() -> None:
    """An account id only in a localized subject, no brackets ("AWS アカウント 1234… のお支払い")."""
    notice = CLASSIFIER.classify(parse_mail(_mail(GENERAL, "AWS アカウント 123456789012 のお支払いについて",
                                                  "Hello,\n\nPlease pay the balance.", UNSEEN8_DATE)))
    assert notice.aws_account_id == "123456789012"


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type", "expected_deadline"), [
    # the families own15-heldout's one-shot run missed (fixed after it): "keine neuen Anwendungen mehr" from an
    # earlier date (a closure's first step) before the shutdown; a service's free trial that ends
    (HEALTH, None, "Ab dem 1. April 2026 können Sie keine neuen Foo-Umgebungen mehr anlegen. Der Dienst Foo wird am "
     "30. Juni 2026 eingestellt.", "health.end_of_support", "2026-06-30"),
    (GENERAL, "Your Amazon Foo trial", "You turned on Amazon Foo in account 123456789012. The free trial of Foo ends "
     "on May 20, 2026; after it, scans are charged.", "onboarding.service_setup", "2026-05-20"),
])
def test_own15_heldout_families_in_other_wordings(sender: str, subject: str | None, body: str, expected_type: str,
                                                  expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


def test_a_deadline_only_the_html_part_gives_is_found() -> None:
    # unseen12's MWAA and Redshift mails: the plain part says "see the HTML version"; the dates are in the HTML part
    html = ("<html><body><p>Hello,</p><p>We are contacting you because your account runs Amazon DocumentDB 3.6 "
            "clusters. Amazon DocumentDB 3.6 reaches the end of standard support on <b>March 30, 2027</b>. Please "
            "upgrade your clusters to version 5.0 before that date; after it, extended support charges apply to "
            "every cluster that still runs version 3.6.</p><table><tr><th>Cluster</th><th>Region</th></tr>"
            "<tr><td>docdb-orders</td><td>eu-west-1</td></tr></table><p>Sincerely,<br>Amazon Web Services</p>"
            "</body></html>")
    raw = ("From: AWS Health <health@aws.com>\r\nTo: root+acme-prod@aws.example.org\r\n"
           "Date: Mon, 07 Sep 2026 12:00:00 +0000\r\nMIME-Version: 1.0\r\n"
           'Content-Type: multipart/alternative; boundary="b"\r\n\r\n'
           "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
           "This message is best read in HTML. Please see the HTML version of this message.\r\n"
           "--b\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html + "\r\n--b--\r\n").encode()
    notice = CLASSIFIER.classify(parse_mail(raw))
    assert notice.notice_type == "health.end_of_support"
    assert notice.deadline == "2027-03-30"


MARKETPLACE = "AWS Marketplace <aws-marketplace@amazon.com>"


@pytest.mark.parametrize(("sender", "subject", "body", "html", "expected_type"), [
    # the type families unseen13 (and its held-out third) missed, in our own wordings and other languages than the
    # missed mails': a discontinuation in AWS's shape from a billing sender (and in Italian); a suspension warning
    # in a future form; an account closed in the second person; root access keys to be deactivated and root MFA
    # required; a server certificate replaced; a Marketplace product retired; a case AWS opened about a domain; a
    # case resolved; an agent's old versions to update
    (BILLING, None, "After careful consideration, we have decided to discontinue Amazon Foo, effective "
     "June 30, 2026. Until then, Foo keeps working in account 123456789012.", False, "health.end_of_support"),
    (GENERAL, None, "Dopo un'attenta valutazione, abbiamo deciso di interrompere Amazon Foo a partire dal "
     "30 giugno 2026.", True, "health.end_of_support"),
    (GENERAL, "Avviso", "Il saldo dell'account AWS 123456789012 è scaduto. Se non paghi entro il 20 maggio 2026, "
     "l'account rischia di essere sospeso.", False, "billing.suspension_warning"),
    (GENERAL, None, "Ciao, hai chiuso il tuo account AWS il 2 marzo 2026. Per 90 giorni puoi riaprirlo contattando "
     "AWS Support.", True, "account.closed"),
    (GENERAL, None, "AWS 계정 123456789012의 루트 사용자에게 오래된 액세스 키가 있습니다.\n이 키는 2026년 5월 20일에 "
     "비활성화됩니다.", True, "security.root_review"),
    (GENERAL, None, "L'utilisateur racine du compte AWS 123456789012 possède des clés d'accès inutilisées. Elles "
     "seront désactivées le 20 mai 2026.", False, "security.root_review"),
    (GENERAL, None, "自 2026年5月20日 起，AWS 账户 123456789012 的根用户必须启用 MFA。", True, "policy.change_notice"),
    (HEALTH, "[Action Required] Amazon Foo endpoint certificate change", "A Amazon Foo vai substituir o "
     "certificado dos seus endpoints. A troca começa em 20 de maio de 2026.", False, "health.certificate_rotation"),
    (MARKETPLACE, None, "The seller has deprecated the product Foo Agent (SaaS). Your subscription stays active until "
     "May 20, 2026.", True, "marketplace.subscription"),
    (GENERAL, None, "AWS hat für Ihr AWS-Konto 123456789012 den Supportfall 178000000000001 zu Ihrer Domain "
     "foo.example eröffnet. Bitte antworten Sie im Support Center.", False, "support.case_opened_by_aws"),
    (GENERAL, "New Support case: 178000000000001", "Amazon Web Services has opened case 178000000000001 on your "
     "behalf about the domain foo.example registered with Route 53: the registrant contact address bounces.",
     False, "support.case_opened_by_aws"),
    (GENERAL, "Support case opened by AWS", "AWS has opened support case 178000000000001 about your domain "
     "foo.example.", False, "support.case_opened_by_aws"),
    (GENERAL, None, "Il tuo caso di supporto 178000000000001 è stato risolto. Puoi riaprirlo entro 14 giorni.", True,
     "support.case_correspondence"),
    (GENERAL, None, "Instances in account 123456789012 run a Foo agent older than version 2.1. Update the Foo agent "
     "by May 20, 2026.", False, "health.end_of_support"),
])
def test_unseen13_type_families_in_other_wordings(sender: str, subject: str | None, body: str, html: bool,
                                                  expected_type: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE, html=html)))
    assert notice.notice_type == expected_type


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type", "expected_deadline"), [
    # the deadline families of unseen13: a retired product's subscription that keeps working until a date; a
    # localized change that starts on a date; a requirement from a date (German 'ist … verpflichtend')
    (MARKETPLACE, "AWS Marketplace: product retired", "The seller retired Foo Agent. Your subscription remains "
     "active until May 20, 2026; on or after May 21, 2026 it can no longer be launched.", "marketplace.subscription",
     "2026-05-20"),
    (HEALTH, "[Action Required] Amazon Foo certificate change", "Amazon Foo va remplacer le certificat de vos "
     "points de terminaison. Le changement commence le 20 mai 2026.", "health.certificate_rotation", "2026-05-20"),
    (GENERAL, None, "Ab dem 20. Mai 2026 ist für den Root-Benutzer des AWS-Kontos 123456789012 die "
     "Multi-Faktor-Authentifizierung verpflichtend. Registrieren Sie vorher ein MFA-Gerät.", "policy.change_notice",
     "2026-05-20"),
])
def test_unseen13_deadline_families_in_other_wordings(sender: str, subject: str | None, body: str,
                                                      expected_type: str, expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == (expected_type, expected_deadline)


TRUST = "AWS Trust and Safety <trustandsafety@support.aws.com>"


@pytest.mark.parametrize(("sender", "subject", "body", "expected_type"), [
    # the type families unseen14 missed, in our own wordings and other languages than the missed mails': a
    # suspension whose subject or first-person sentence beats the overdue balance it names; a key exposure from
    # Trust & Safety whose body is in another language; activity the mail calls unusual after naming it, and
    # credentials that may be compromised; a minimum TLS version raised; a German image no longer updated
    (BILLING, "Ihr AWS-Konto wurde gesperrt: Zahlung überfällig", "Der überfällige Saldo Ihres Kontos "
     "123456789012 ist noch offen. Zahlen Sie bis zum 20. Mai 2026.", "account.suspended"),
    (BILLING, "A sua conta da AWS foi suspensa", "O saldo vencido da conta 123456789012 continua pendente.",
     "account.suspended"),
    (BILLING, None, "Nous n'avons pas pu traiter votre paiement : nous avons suspendu votre compte "
     "AWS 123456789012.", "account.suspended"),
    (BILLING, None, "We have suspended your AWS account 123456789012 because the balance is still past due.",
     "account.suspended"),
    (TRUST, "Your AWS access key is exposed (account 123456789012)", "Hemos detectado que la clave de acceso "
     "AKIA****************ABCD de su cuenta está disponible en un repositorio de GitLab.",
     "security.exposed_credentials"),
    (TRUST, "Zugriffsschlüssel offengelegt für AWS-Konto 123456789012", "Ihr Schlüssel steht in einem "
     "GitLab-Repository. Antworten Sie auf den Supportfall.", "security.exposed_credentials"),
    (GENERAL, None, "Activity on your AWS account 1234-5678-9012 seems unusual: 30 instances were started in "
     "eu-south-2. Please review it.", "security.suspicious_activity"),
    (GENERAL, None, "Account 123456789012 launched instances in unused Regions. Your credentials might have been "
     "compromised; rotate them.", "security.suspicious_activity"),
    (GENERAL, None, "En la cuenta 123456789012 se iniciaron 30 instancias. Sus credenciales podrían estar "
     "comprometidas.", "security.suspicious_activity"),
    (GENERAL, None, "Amazon Foo endpoints will require a minimum TLS version 1.3 from May 20, 2026. Update your "
     "clients.", "health.end_of_support"),
    (GENERAL, None, "Los puntos de enlace de Amazon Foo exigirán una versión mínima de TLS 1.2 a partir del 20 de "
     "mayo de 2026.", "health.end_of_support"),
    (HEALTH, None, "Das Amazon Foo Image foo:3.0 wird seit dem 1.3.2026 nicht mehr aktualisiert. Stellen Sie bis "
     "zum 20.5.2026 um.", "health.end_of_support"),
    # a tax or electronic invoice issued, due by a date (ko, ja, it)
    (BILLING, "AWS 세금계산서 (2026년 4월)", "계정 123456789012의 2026년 4월 세금계산서가 발행되었습니다. "
     "납부 기한: 2026년 5월 20일",
     "billing.invoice"),
    (BILLING, "AWS のご利用料金について", "アカウント 123456789012 の 2026年4月分の適格請求書を発行しました。"
     "お支払い期限は 2026年5月20日です。",
     "billing.invoice"),
    (BILLING, None, "È stata emessa la fattura elettronica AWS di aprile 2026 per l'account 123456789012. Scadenza "
     "del pagamento: 20 maggio 2026.", "billing.invoice"),
])
def test_unseen14_type_families_in_other_wordings(sender: str, subject: str | None, body: str,
                                                  expected_type: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(sender, subject, body, UNSEEN8_DATE)))
    assert notice.notice_type == expected_type


@pytest.mark.parametrize(("subject", "body", "expected_deadline"), [
    # the deadline family unseen14 missed: a case update that asks the customer for something by a date (a time
    # after the date), in our own wordings and languages
    ("Update on case 178000000000001", "We've updated your support case.\nPlease send us the invoice copy before "
     "May 20, 2026 at 18:00 UTC so that we can continue.", "2026-05-20"),
    ("Update on case 178000000000001", "We've updated your support case.\nReply with the requested documents no "
     "later than 20 May 2026, otherwise the case will be closed.", "2026-05-20"),
    ("RE: [Case 178000000000001] Límite de vCPU", "Hemos actualizado su caso de soporte.\nEnvíe la documentación "
     "antes del 20 de mayo de 2026 a las 23:59 UTC.", "2026-05-20"),
    ("RE: [Case 178000000000001] Limite de vCPU", "Nous avons mis à jour votre dossier de support.\nEnvoyez-nous les "
     "justificatifs avant le 20 mai 2026.", "2026-05-20"),
])
def test_unseen14_a_case_update_asking_by_a_date_has_that_deadline(subject: str, body: str,
                                                                   expected_deadline: str) -> None:
    notice = CLASSIFIER.classify(parse_mail(_mail(GENERAL, subject, body, UNSEEN8_DATE)))
    assert (notice.notice_type, notice.deadline) == ("support.case_correspondence", expected_deadline)
