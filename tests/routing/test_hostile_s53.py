"""Session 53: long runs of blanks after a cue cost their length, not its square (attacker testing found three forms
that re-read a run from each of its positions or split it between adjacent ``\\s*``). As in
:mod:`tests.routing.test_hostile_complexity`, the backtracking forms are tested by name against their linear
replacements (same answers), never timed; and a mail made of such runs still reads right."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dateroles, identifiers
from routing.notices import default_notice_rules
from tests.routing.mailbuild import classify

# the forms before session 53
OLD_IMPERATIVE_LINE = re.compile(r"(?:\A|\n)" + dateroles._IMPERATIVE.pattern)
OLD_COPY_AFTER = re.compile(identifiers._COPY_AFTER.pattern.replace(r"\s*+", r"\s*"), identifiers._COPY_AFTER.flags)
OLD_OTHER_AFTER = re.compile(identifiers._OTHER_AFTER.pattern.replace(r"\s*+", r"\s*"),
                             identifiers._OTHER_AFTER.flags)

BLANKY = st.lists(st.sampled_from(["\n", " ", "\t", "\r", "\u00a0", "\u2028", ",", ")", "(", "update ", "x",
                                   ". ", "please ", "has invited", "receives a copy", "migre "]),
                  max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(BLANKY)
def test_an_imperative_line_is_found_as_before(text: str) -> None:
    old = OLD_IMPERATIVE_LINE.search(text) is not None
    assert (dateroles._IMPERATIVE_LINE.search(text) is not None) == old
    assert dateroles._imperative_line(text) == old


def test_a_line_imperative_is_read_from_the_last_newline_of_a_blank_run() -> None:
    # (not from the first: a search that read the run again from each of its newlines cost the run's square)
    assert dateroles._IMPERATIVE_AFTER_NEWLINE.search("x\n\n\n  update the agent").start() == 3


@settings(max_examples=400, deadline=None)
@given(BLANKY)
def test_what_follows_an_account_number_is_read_as_before(text: str) -> None:
    for old, new in ((OLD_COPY_AFTER, identifiers._COPY_AFTER), (OLD_OTHER_AFTER, identifiers._OTHER_AFTER)):
        found, was = new.match(text), old.match(text)
        assert (found and found.span()) == (was and was.span())


def test_the_blank_runs_of_the_new_patterns_are_possessive() -> None:
    # (the forms above that split a run between adjacent \s*; and the maintenance heading's, session 53's own)
    assert r"\s*+,?\s*+" in identifiers._COPY_AFTER.pattern
    assert r"\)?\s*+(?:" in identifiers._OTHER_AFTER.pattern
    rule = next(m for m in default_notice_rules().modifiers if m.id == "maintenance-no-action")
    heading = [p.regex.pattern for c in rule.match for _, ps in c.fields for p in ps
               if "what (?:you need" in p.regex.pattern]
    assert heading and all("[ \\t]*+" in p and "[ \\t]*[" not in p for p in heading)


def test_a_mail_of_blank_runs_after_its_account_still_reads_right() -> None:
    body = ("Hello,\n\nAccount 305518842290" + "\n" * 3000 + " has invited" + " " * 3000 + "x\n\nWhat you need to do"
            + " \t" * 2000 + "\n  Nothing.\n")
    notice = classify("no-reply-aws@amazon.com", None, body)
    assert notice.aws_account_id is None  # (the inviting account, after its blank run, is another's)
