"""The files people edit share one YAML loader (lines of every key), one error shape and one regex dialect."""

from __future__ import annotations

import pytest

from routing.directory import DirectoryError, parse_directory
from routing.identifiers import EXTRACTORS, extract_identifiers
from routing.notices import parse_notice_rules
from routing.patterns import Pattern
from routing.rules import RulesError, parse_rules
from routing.taxonomy import TaxonomyError, parse_taxonomy
from routing.yamllines import Entry, LineMap, load_with_lines, validate_entry

TAXONOMY_TAIL = "aws_sender_domains: [aws.com]\n"


def test_mappings_know_their_lines_and_hold_only_the_written_keys() -> None:
    data = load_with_lines("a: 1\nb:\n  c: 2\n  d: [1]\n", "x.yaml")
    assert isinstance(data, LineMap) and list(data) == ["a", "b"]
    assert (data.line_of("a"), data.line_of("b"), data["b"].line_of("d"), data["b"].line) == (1, 2, 4, 3)


class _Sample(Entry):
    severity: str = "normal"
    secret: bool = False


def test_pydantic_problems_become_file_line_problem_fix() -> None:
    data = load_with_lines("x: 1\nsecret: 'yes'\nsecrt: true\n", "s.yaml")
    entry, problems = validate_entry(_Sample, data, "s.yaml")
    assert entry is None
    assert "s.yaml:2: 'secret' must be true or false (unquoted)" in problems
    assert "s.yaml:3: unknown key 'secrt'; did you mean 'secret'?" in problems
    assert any(p.startswith("s.yaml:1: unknown key 'x'") for p in problems)
    assert validate_entry(_Sample, {"secret": True}, "s.yaml") == (_Sample(secret=True), [])
    _, problems = validate_entry(_Sample, {"secret": 1}, "row.csv", line=7)  # not from the loader: the given line
    assert problems == ["row.csv:7: 'secret' must be true or false (unquoted)"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("types:\n  unknown:\n    severity: low\n    secrt: true\n" + TAXONOMY_TAIL,
         "t.yaml:4: types.unknown: unknown key 'secrt'; did you mean 'secret'?"),
        ("types:\n  unknown:\n    secret: 'yes'\n" + TAXONOMY_TAIL,
         "t.yaml:3: types.unknown: 'secret' must be true or false (unquoted)"),
        ("types:\n  billing.x: {}\n" + TAXONOMY_TAIL, "t.yaml:1: the fallback type 'unknown' is missing"),
    ],
)
def test_taxonomy_errors_name_the_line_and_the_fix(text: str, expected: str) -> None:
    with pytest.raises(TaxonomyError) as caught:
        parse_taxonomy(text, "t.yaml")
    assert str(caught.value).startswith(expected)


def test_directory_customer_and_organization_errors_name_the_line() -> None:
    with pytest.raises(DirectoryError, match=r"^d.yaml:3: zendesk_organization_id 'acme' is not a Zendesk"):
        parse_directory("customers:\n  - id: acme\n    zendesk_organization_id: acme\n", "d.yaml")
    with pytest.raises(DirectoryError, match=r"^d.yaml:3: 'contacts' must be a list"):
        parse_directory("customers:\n  - id: acme\n    contacts: ops@acme.example\n", "d.yaml")
    directory = parse_directory("customers:\n  - id: acme\n    zendesk_organization_id: 42\n    note: kept out\n",
                                "d.yaml")
    assert directory.zendesk_organization_ids == {"acme": 42}


def test_one_regex_dialect_for_rules_and_notices() -> None:
    assert Pattern.compile("root user").search("Your ROOT USER password")
    assert not Pattern.compile("(?-i:ROOT) user").search("your root user password")
    assert Pattern.compile("^Case").search("Hello\ncase 123")  # multi-line: ^ at every line
    rules = parse_rules("rules:\n  - name: a\n    match: {header: {Subject: 'root user'}}\n", "r.yaml")
    header_pattern = rules.rules[0].match.headers[0][1]
    notices = parse_notice_rules("rules:\n  - id: a\n    type: unknown\n    match: {subject: 'root user'}\n", "n.yaml")
    notice_pattern = notices.rules[0].match[0].fields[0][1][0]
    for pattern in (header_pattern, notice_pattern):
        assert pattern.search("Your ROOT USER password") and not pattern.search("root account")


def test_rule_action_problems_are_all_reported_with_their_lines() -> None:
    text = "rules:\n  - name: a\n    queue: ''\n    aggregate: 'yes'\n    priority: urgent\n"
    with pytest.raises(RulesError) as caught:
        parse_rules(text, "r.yaml")
    assert sorted(p.split(":")[1] for p in caught.value.problems) == ["3", "4", "5"]


def test_every_identifier_has_one_extractor_in_result_order() -> None:
    names = [name for name, _ in EXTRACTORS]
    assert len(names) == len(set(names))
    found = extract_identifiers("[Account 123456789012] Case 1234567890", "Instance i-0123456789abcdef0 in us-east-1")
    assert list(found.identifiers) == names
    assert found.aws_account_id == "123456789012"
    assert (found.identifiers["instance_id"], found.identifiers["region"], found.identifiers["case_id"]) == (
        "i-0123456789abcdef0", "us-east-1", "1234567890")
