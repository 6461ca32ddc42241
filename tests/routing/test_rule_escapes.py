"""Rule files' regexes with a control character, as YAML's double quotes make of "\\b" (a backspace): refused with the
line and the fix, in the notice rules, the evidence and the routing rules; none in the shipped files. Session 54 found
one in notices.yaml (the Italian "abbiamo chiuso … account" of l10n-account-closed, which could never match)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from routing.notices import NoticeRulesError, parse_notice_rules
from routing.patterns import escape_slip
from routing.rules.load import parse_rules
from routing.rules.model import RulesError
from tests.routing.mailbuild import classify

DATA = Path(__file__).resolve().parents[2] / "routing" / "data"


def test_a_double_quoted_word_boundary_in_a_notice_rule_is_refused_with_its_line_and_the_fix() -> None:
    text = 'rules:\n  - id: quokka\n    type: general.other\n    match:\n      - text: ["\\\\bquokka"]\n'
    assert "\x08" not in text and "\\\\b" in text  # (YAML reads the two characters \\b as one backslash and "b")
    slipped = 'rules:\n  - id: quokka\n    type: general.other\n    match:\n      - text: ["\\bquokka"]\n'
    parse_notice_rules(text)  # (a backslash escaped for YAML: the word boundary, accepted)
    with pytest.raises(NoticeRulesError) as caught:
        parse_notice_rules(slipped)
    message = str(caught.value)
    assert "<notices>:5" in message and "U+0008" in message and "single quotes" in message


def test_a_double_quoted_word_boundary_in_a_routing_rule_is_refused_with_the_fix() -> None:
    slipped = 'version: 1\nrules:\n  - name: quokka\n    match:\n      body: "\\bquokka"\n    queue: triage\n'
    with pytest.raises(RulesError) as caught:
        parse_rules(slipped)
    assert "U+0008" in str(caught.value) and "single quotes" in str(caught.value)


@pytest.mark.parametrize("char", ["\x08", "\x00", "\x1b", "\x7f", "\u2028"])
def test_control_characters_are_slips(char: str) -> None:
    assert escape_slip(f"quokka{char}") is not None


@pytest.mark.parametrize("regex", ["\\bquokka\\b", "a\tb", "line\nbreak", "é|ü|クオッカ"])
def test_tab_newline_and_letters_are_no_slips(regex: str) -> None:
    assert escape_slip(regex) is None


@pytest.mark.parametrize("name", ["notices.yaml", "evidence.yaml", "rules.yaml", "taxonomy.yaml"])
def test_the_shipped_rule_files_hold_no_control_character(name: str) -> None:
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            if escape_slip(value) is not None:
                found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(yaml.safe_load((DATA / name).read_text(encoding="utf-8")))
    assert found == []


def test_an_italian_account_closed_by_aws_is_a_closed_account() -> None:
    body = ("Salve,\n\nabbiamo chiuso il tuo account 305518842290 come da tua richiesta. Le risorse di Amazon Quokka "
            "non sono più disponibili.\n\nAmazon Web Services")
    notice = classify("no-reply-aws@amazon.com", None, body)
    assert notice.notice_type == "account.closed"
