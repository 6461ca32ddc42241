"""Runs of blanks that cost their square or cube (session 54's end-to-end fuzz: every rule literal as a cue, each
followed by long runs of blanks of eight kinds, from three senders). The fixed patterns keep their answers: each is
compared with its old form on generated blank-heavy strings (small enough for the old form), its runs are possessive
or read one line, and mails made of such runs still read right. Nothing here is timed (test_hostile_complexity's
rule); bench/ and the fuzz measure speed."""

from __future__ import annotations

import random
import re

import pytest

from routing import dateroles, identifiers
from routing.identifiers import extract_identifiers
from tests.routing.mailbuild import classify

_I = re.IGNORECASE
#: (new pattern, its form before session 54); the line-anchored ones (indices in LINE_READ) are compared by what
#: they find, not where their match starts or ends: they now start at the line that holds their word, and end there
PAIRS = [
    (identifiers._CASE[0], re.compile(r"(?<![a-z])case(?:\s+(?:id|number|no\.?))?\s*[:#]?\s*(\d{15}|\d{10})(?!\d)")),
    (identifiers._EVENT_TYPE, re.compile(r"event type code\s*[:：]?\s*([A-Z][A-Z0-9_]{5,})", _I)),
    (identifiers._ABUSE[0], re.compile(r"abuse report\s*\[\s*(\d{6,})\s*\]", _I)),
    (identifiers._ABUSE[1], re.compile(r"case number for this report is\s*[:：]?\s*(\d{6,})", _I)),
    (identifiers._ABUSE[2], re.compile(r"abuse (?:report|case)(?:\s+(?:id|number))?\s*[:#]\s*(\d{6,})", _I)),
    (identifiers._ABUSE_CASE_NUMBER, re.compile(r"^\s*case number\s*:\s*(\d{6,})", _I | re.MULTILINE)),
    (identifiers._BUDGET[0], re.compile(r"^\s*budget name\s*:\s*(\S[^\n]{0,99}?)\s*$", _I | re.MULTILINE)),
    (identifiers._DOMAIN[0], re.compile(r"^\s*domain(?: name)?\s*:\s*([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,})"
                                        r"\s*$", _I | re.MULTILINE)),
    (identifiers._DOMAIN[1], re.compile(r"following domain\s*:?\s*\n?\s*"
                                        r"([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,})\b", _I)),
    (dateroles._COMPLETION_AFTER, re.compile(r"\s*(?:[(（][^()（）\n]{1,6}[)）]\s*)?(?:までに|まで|前|까지)?"
                                             r"\s*(?:に)?\s*(?:完了|完成|완료)")),
    (dateroles._OFFER_END_AFTER, re.compile(r"\s*(?:に|에|将)?\s*(?:終了|期限切れ|到期|结束|종료|만료)")),
]
PIECES = ["case", "case id", "case number", " number", "abuse report", "abuse case", "[", "]", ":", "#", "：",
          "case number for this report is", "budget name", "domain", "domain name", "following domain",
          "event type code", "AWS_EC2_X", "1234567890", "123456789012345", "123456", "quokka.example", "quokka",
          "までに", "前", "까지", "に", "完了", "完成", "완료", "(火)", "（水）", "\n",
          "에", "将", "終了", "만료", "到期"]
LINE_READ = {5, 6, 7}
BLANKS = [" ", "\t", "\n", "\r\n", "\u00a0", "\u3000", " \t\n", "\u2028"]


def _strings(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 8)):
            parts.append(rng.choice(PIECES))
            parts.append(rng.choice(BLANKS) * rng.randint(0, 6))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("index", range(len(PAIRS)))
def test_each_fixed_pattern_answers_as_its_old_form(index: int) -> None:
    new, old = PAIRS[index]
    for text in _strings(index, 4000):
        for pos in (0, 1, len(text) // 2):
            a, b = new.search(text, pos), old.search(text, pos)
            assert (a and a.groups()) == (b and b.groups()), text
            if index in LINE_READ:
                continue
            m, n = new.match(text, pos), old.match(text, pos)
            assert (m and (m.end(), m.groups())) == (n and (n.end(), n.groups())), text


@pytest.mark.parametrize("index", range(len(PAIRS)))
def test_each_fixed_pattern_reads_its_runs_possessively_or_on_one_line(index: int) -> None:
    source = PAIRS[index][0].pattern
    assert "\\s*+" in source or "[^\\S\\n]*+" in source
    assert "^\\s*" not in source


def test_a_case_number_after_a_long_run_of_blank_lines_is_still_read() -> None:
    text = "Hello,\n\ncase" + " \t\n" * 5000 + "Case ID: 171234567801234\n"
    assert extract_identifiers("Amazon Quokka", text).identifiers.get("case_id") == "171234567801234"


def test_a_japanese_completion_date_after_a_run_of_blanks_still_reads() -> None:
    body = ("Amazon Quokka のサポートは 2027年8月31日" + "\u00a0" * 3000
            + "\n\n2027年8月31日（火）までに移行を完了してください。")
    notice = classify("health@aws.com", "Amazon Quokka サポート終了のお知らせ", body)
    assert str(notice.deadline) == "2027-08-31"


def test_a_welcome_mail_after_blank_lines_is_still_a_welcome() -> None:
    body = " \t\n" * 3000 + "欢迎使用 Amazon Web Services！您的 AWS 账户已可以使用。\n\nAmazon Quokka 团队"
    assert classify("no-reply@signup.aws", None, body).notice_type == "onboarding.welcome"


def test_no_shipped_rule_reads_blank_lines_from_each_line_start() -> None:
    # ("^\s*" under re.MULTILINE reads the rest of a run of blank lines from each of its lines)
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "routing" / "data" / "notices.yaml").read_text(encoding="utf-8")
    assert "'^\\s*" not in text and '"^\\s*' not in text
