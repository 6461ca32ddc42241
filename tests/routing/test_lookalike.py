"""Look-alike senders (UTS #39 confusables, IDN, digit swaps, brand words, invisible characters,
trailing dots) and Sender/List headers; no false alarm on real AWS senders."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import lookalike
from routing.domains import AwsDomains
from routing.lookalike import domain_imitation, list_header_problems, name_claims_aws, read_from, skeleton
from routing.taxonomy import default_taxonomy
from tests.conftest import FIXTURES, SHARED

AWS = AwsDomains.of(default_taxonomy().aws_sender_domains)
sre_parse: Any = importlib.import_module("re._parser")
sre_constants: Any = importlib.import_module("re._constants")


@pytest.mark.parametrize(
    "domain",
    ["aws.com.evil.example", "amaz0n.com", "arnazon.com", "amazon-billing.example", "\u0430ws.com",
     "amaz\u03bfn.com", "\uff41\uff4d\uff41\uff5a\uff4f\uff4e.com", "xn--amazn-mua.com", "xn--ws-6kc.com",
     "ama\u200bzon.com", "amazon.com.", "aws.com.", "signin.aws.", "avvs.com", "amazzon.com", "my-aws.example",
     "awsbilling.net", "amaz\u043en.com", "sign\u0456n.aws", "s1gnin.aws", "slgnin.aws", "a-w-s.com",
     "amazon.corn", "signin.avvs", "sign\u0131n.aws", "AMAZ0N.COM".lower()],
)
def test_lookalike_domains(domain: str) -> None:
    assert domain_imitation(domain, AWS), domain


@pytest.mark.parametrize("domain", ["aws.com", "amazon.com", "verify.signin.aws", "costalerts.amazonaws.com",
                                    "random.example", "laws.example", "jaws.example", "draws.example", ""])
def test_no_alarm_on_aws_and_ordinary_domains(domain: str) -> None:
    assert domain_imitation(domain, AWS) is None


@pytest.mark.parametrize("name", ["Amazon Web Services", "AWS Notifications", "\u0410mazon", "A\u200bmazon",
                                  "Amaz0n Billing", "A.W.S. Billing", "a m a z o n", "invoicing@aws.com",
                                  "\u1d00\u1d21\ua731", "Ama\u0437on",
                                  "\U0001d400\U0001d426\U0001d41a\U0001d433\U0001d428\U0001d427",
                                  "A\u00admazon", "\u0391\u039c\u0391\u0396\u039f\u039d"])
def test_names_that_claim_aws(name: str) -> None:
    assert name_claims_aws(name)


@pytest.mark.parametrize("name", ["Jane Doe", "Outlaws Club", "Claws & Paws", "Team A W Smith", ""])
def test_names_that_do_not(name: str) -> None:
    assert not name_claims_aws(name)


def test_skeleton_maps_confusables_to_ascii() -> None:
    assert skeleton("\u0410m\u0430z\u03bfn") == "amazon"
    assert skeleton("a\u200bw\u2060s") == "aws"


def test_from_is_read_from_raw_bytes() -> None:
    box = read_from(b" =?UTF-8?Q?Amazon_Web_Services?= <invoicing@aws.com>\r\n")
    assert (box.name, box.address, box.domain, box.problem) == ("Amazon Web Services", "invoicing@aws.com",
                                                                 "aws.com", "")
    assert read_from(b" =?utf-8?q?invoicing=40aws.com?=\r\n").address == ""
    assert read_from(b" a@aws.com, b@evil.example\r\n").problem == "From holds 2 addresses"


def test_list_headers() -> None:
    marketing = [("list-unsubscribe", b" <mailto:1.2@unsub-sj.mktomail.com>,\r\n <https://pages.awscloud.com/u>"),
                 ("list-unsubscribe-post", b" List-Unsubscribe=One-Click")]
    assert list_header_problems(marketing, AWS) == []
    for name, value in [("sender", b" x@evil.example"), ("list-id", b" AWS <aws.lists.evil.example>"),
                        ("list-post", b" <mailto:a@evil.example>"), ("list-unsubscribe", b" <https://evil.example/u>"),
                        ("list-help", b" <mailto:help@evil.example?subject=help>"), ("sender", b" x@aws.com.")]:
        assert list_header_problems([(name, value)], AWS), name
    assert list_header_problems([("sender", b" bounces@aws.com"), ("list-id", b" <announce.amazon.com>")], AWS) == []


def test_no_alarm_on_shared_samples_corpora_and_fixtures() -> None:
    files = sorted(FIXTURES.glob("notices/*.eml")) + sorted((SHARED / "aws-notices" / "samples").glob("[0-4]*.eml"))
    files += sorted((SHARED / "corpora").glob("aws-*/*"))
    checked = 0
    for path in files:
        head = path.read_bytes().split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
        found = re.search(rb"^From:(.*(?:\r?\n[ \t].*)*)", head, re.M | re.I)
        if not found:
            continue
        box = read_from(found.group(1))
        if AWS.is_aws(box.domain):
            checked += 1
            assert domain_imitation(box.domain, AWS) is None, path.name
    assert checked >= 10


# ---------------------------------------------------------------- the brand-word patterns in linear work

@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="amazeonws3x", max_size=24))
def test_brand_word_patterns_answer_as_the_plain_ones(word: str) -> None:
    """``_AMAZON`` (possessive, tried where a run of "a" starts) finds a word exactly where ``a+m+a+[ze]+o+n+``
    does, and ``_AWS_WORD`` fullmatches exactly where ``a+w+s+`` does."""
    assert (lookalike._AMAZON.search(word) is None) == (re.search(r"a+m+a+[ze]+o+n+", word) is None), word
    assert (lookalike._AWS_WORD.fullmatch(word) is None) == (re.fullmatch(r"a+w+s+", word) is None), word


@pytest.mark.parametrize("name", ["a" * 20_000, "am" * 10_000, "a" * 10_000 + "m" * 10_000 + "a" * 10_000,
                                  "amaz" * 5_000 + "x", "a" * 20_000 + "w" * 20_000 + "x"])
def test_long_display_name_words_are_read_without_backtracking(name: str) -> None:
    """The plain ``a+m+a+[ze]+o+n+`` was retried from every "a" of a run and reread it ("a" x 16,000 in a display
    name: 3.2 s, for every mail whose From domain is not AWS): the patterns now start only where a run of "a"
    starts and take each run whole, never giving a letter back (no backtracking to count)."""
    for pattern in (lookalike._AMAZON, lookalike._AWS_WORD):
        parsed = list(sre_parse.parse(pattern.pattern))
        repeats = [op for op, _ in parsed if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT)]
        assert not repeats, pattern.pattern  # every repetition is possessive (POSSESSIVE_REPEAT)
    assert lookalike._AMAZON.pattern.startswith("(?<!a)")
    assert not name_claims_aws(name) and name_claims_aws(name + " amazon")
