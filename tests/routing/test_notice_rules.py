"""Notice rule files: validation names the file, the line and the fix; the shipped file loads."""

from __future__ import annotations

from pathlib import Path

import pytest

from routing.classify import NoticeClassifier, mail_view
from routing.notices import NoticeRulesError, default_notice_rules, load_notice_rules, parse_notice_rules
from routing.parse import parse_mail
from routing.taxonomy import TaxonomyError, default_taxonomy, parse_taxonomy
from tests.conftest import FIXTURES


def test_shipped_rules_and_taxonomy_load() -> None:
    rules = default_notice_rules()
    taxonomy = default_taxonomy()
    assert rules.rules and all(rule.type in taxonomy.types for rule in rules.rules)
    assert "amazonses.com" not in taxonomy.aws_sender_domains


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("rules:\n  - id: a\n    type: billing.statment\n    match: {subject: x}\n",
         ["rules.yaml:2:", "billing.statment", "did you mean 'billing.statement'"]),
        ("rules:\n  - id: a\n    type: billing.statement\n    match: {subjct: x}\n",
         ["rules.yaml:4:", "unknown key 'subjct'", "did you mean 'subject'"]),
        ("rules:\n  - id: a\n    type: unknown\n    match: {subject: '[unclosed'}\n",
         ["rules.yaml:4:", "does not compile", "escape"]),
        ("rules:\n  - id: a\n    type: unknown\n    match: {subject: x}\n  - id: a\n    type: unknown\n"
         "    match: {subject: y}\n", ["rules.yaml:5:", "already used at line 2"]),
        ("rules:\n  - type: unknown\n    match: {subject: x}\n", ["rules.yaml:2:", "no 'id'"]),
        ("rules:\n  - id: a\n    type: unknown\n", ["rules.yaml:2:", "no 'match:'"]),
        ("rules:\n  - id: a\n    type: unknown\n    severity: urgent\n    match: {subject: x}\n",
         ["rules.yaml:2:", "severity 'urgent'"]),
        ("rules: [\n", ["rules.yaml:", "not valid YAML"]),
        # a rule whose "- id:" line was lost: its keys repeat the rule's above, which must not be replaced unseen
        ("rules:\n  - id: a\n    type: unknown\n    match: {subject: x}\n    type: billing.statement\n"
         "    match: {subject: y}\n", ["rules.yaml:5:", "the key 'type' appears twice"]),
        ("version: 2\nrules: []\n", ["version 2 is not supported"]),
        ("rules:\n  - id: a\n    type: unknown\n    match: {subject: x}\nmodifiers:\n  - id: m\n"
         "    match: {type: x}\n    set: {priority: high}\n", ["rules.yaml:6:", "unknown key 'priority'"]),
    ],
)
def test_errors_name_file_line_and_fix(text: str, expected: list[str]) -> None:
    with pytest.raises(NoticeRulesError) as info:
        parse_notice_rules(text, "rules.yaml")
    for part in expected:
        assert part in str(info.value)


def test_support_engineer_can_extend_without_code(tmp_path: Path) -> None:
    custom = tmp_path / "notices.yaml"
    custom.write_text(
        "version: 1\nrules:\n"
        "  - id: lunch-is-policy\n    type: policy.change_notice\n    severity: high\n"
        "    match: {subject: 'lunch on friday'}\n", encoding="utf-8")
    classifier = NoticeClassifier(rules=load_notice_rules(custom))
    parsed = parse_mail((FIXTURES / "notices" / "unknown-human-mail.eml").read_bytes())
    notice = classifier.classify(parsed)
    assert (notice.notice_type, notice.severity) == ("policy.change_notice", "high")


def test_first_match_wins_and_unknown_is_the_fallback() -> None:
    rules = parse_notice_rules(
        "rules:\n  - id: one\n    type: billing.invoice\n    match: {subject: invoice}\n"
        "  - id: two\n    type: billing.statement\n    match: {subject: invoice}\n", "r.yaml")
    classifier = NoticeClassifier(rules=rules)
    parsed = parse_mail((FIXTURES / "notices" / "invoice-new-sender.eml").read_bytes())
    assert classifier.classify(parsed).notice_type == "billing.invoice"
    human = parse_mail((FIXTURES / "notices" / "unknown-human-mail.eml").read_bytes())
    assert classifier.classify(human).notice_type == "unknown"


def test_unreadable_rules_file_names_the_setting(tmp_path: Path) -> None:
    with pytest.raises(NoticeRulesError, match="ROOTMAIL_NOTICES_FILE"):
        load_notice_rules(tmp_path / "missing.yaml")


def test_taxonomy_validation() -> None:
    with pytest.raises(TaxonomyError, match="unknown"):
        parse_taxonomy("types:\n  a.b: {severity: low}\naws_sender_domains: [aws.com]\n", "t.yaml")
    with pytest.raises(TaxonomyError, match="severity"):
        parse_taxonomy("types:\n  unknown: {severity: meh}\naws_sender_domains: [aws.com]\n", "t.yaml")


def test_family_and_event_type_match_keys() -> None:
    rules = parse_notice_rules(
        "rules:\n"
        "  - id: by-code\n    type: health.instance_retirement\n    match: {event_type: '_RETIREMENT_SCHEDULED$'}\n"
        "  - id: by-family\n    type: billing.other\n    match: {family: '^general$', text: 'credit'}\n",
        "rules.yaml")
    classifier = NoticeClassifier(default_taxonomy(), rules)
    coded = parse_mail(b"From: health@aws.com\r\nSubject: x\r\n\r\n"
                       b"Event type code: AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED\r\n")
    credit = parse_mail(b"From: no-reply-aws@amazon.com\r\nSubject: x\r\n\r\nA credit was applied.\r\n")
    human = parse_mail(b"From: a@customer.example\r\nSubject: x\r\n\r\nA credit was applied.\r\n")
    assert classifier.classify(coded).notice_type == "health.instance_retirement"
    assert classifier.classify(credit).notice_type == "billing.other"
    assert classifier.classify(human).notice_type == "unknown"
    decided_by = rules.first_match(mail_view(credit))
    assert decided_by is not None and decided_by.id == "by-family"


def test_family_fallbacks_must_name_types() -> None:
    text = "types:\n  unknown: {}\naws_sender_domains: [aws.com]\nfamily_fallbacks: {health: health.other}\n"
    with pytest.raises(TaxonomyError, match=r"family_fallbacks\.health: 'health\.other' is not a type"):
        parse_taxonomy(text, "taxonomy.yaml")


def test_every_family_has_a_fallback_of_its_own_category() -> None:
    taxonomy = default_taxonomy()
    families = ("health", "billing", "cost", "support", "abuse", "security", "credentials", "verification",
                "notification", "marketplace", "marketing", "general")
    for family in families:
        fallback = taxonomy.fallback_for(family)
        assert fallback.id != "unknown", family
        assert fallback.category == family
    assert taxonomy.fallback_for(None).id == "unknown"
    # credential and verification senders: default deny, as their mail may carry a live secret
    assert taxonomy.fallback_for("credentials").secret and taxonomy.fallback_for("verification").secret
