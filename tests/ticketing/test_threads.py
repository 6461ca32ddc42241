"""Threading: identifiers, then In-Reply-To/References, then subject within scope and window."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
import redis

from routing.types import Account, Customer, Notice, ParsedMail, Recipient
from tests.conftest import missing_service
from tests.fakes.redis_server import redis_binary, running_redis
from ticketing.errors import TransientError
from ticketing.threads import (
    MemoryThreadIndex,
    RedisThreadIndex,
    ThreadIndex,
    delivery_id,
    normalize_subject,
    redis_thread_lock,
    thread_key,
    trust_separated,
)

SHARED = Path(__file__).resolve().parents[3] / "shared" / "aws-notices"
ACME = Customer("acme", "Acme Corp", ("ops@acme.example",))
PROD = Recipient("aws-root+prod@roots.example.net", Account("111122223333", "prod", "acme", "x"), ACME)
DEV = Recipient("aws-root+dev@roots.example.net", Account("444455556666", "dev", "acme", "y"), ACME)
CASE = Notice("support.case_update", "support", thread_on=("case_id",))
ONE_OFF = Notice("security.signin_code", "security", thread_on=())
CASE_42 = Notice("support.case_update", "support", identifiers={"case_id": "42"}, thread_on=("case_id",))
CASE_43 = Notice("support.case_update", "support", identifiers={"case_id": "43"}, thread_on=("case_id",))


def mail(mid: str, subject: str = "Your support case", in_reply_to: str = "",
         references: tuple[str, ...] = ()) -> ParsedMail:
    return ParsedMail(
        subject=subject, from_address="no-reply@aws.com", from_name="", to=(), cc=(), message_id=mid,
        in_reply_to=in_reply_to, references=references, date=None, text="", html="", html_text="",
        headers=(), attachments=(), defects=(), size=0,
    )


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    if redis_binary() is None:
        missing_service("no redis-server binary")
    with running_redis() as url:
        yield url


@pytest.fixture(params=["memory", "redis"])
def index(request: pytest.FixtureRequest) -> Iterator[ThreadIndex]:
    if request.param == "memory":
        yield MemoryThreadIndex()
        return
    client = redis.Redis.from_url(request.getfixturevalue("redis_url"))
    client.flushdb()
    yield RedisThreadIndex(client)
    client.close()


def test_identifiers_from_thread_on_win_over_everything(index: ThreadIndex) -> None:
    with_case = Notice("support.case_update", "support", identifiers={"case_id": "171234"}, thread_on=("case_id",))
    a = thread_key(mail("<a@x>"), b"a", PROD, with_case, index=index, trusted=True, now=0)
    b = thread_key(mail("<b@x>", subject="totally different"), b"b", PROD, with_case, index=index, trusted=True, now=0)
    assert a == b and a.startswith("support:111122223333:")


def test_in_reply_to_joins_the_thread_of_a_seen_message(index: ThreadIndex) -> None:
    first = thread_key(mail("<first@aws>", subject="Case opened"), b"1", PROD, CASE, index=index, trusted=True, now=0)
    reply = thread_key(mail("<reply@aws>", subject="Other words", in_reply_to="<first@aws>"), b"2", PROD,
                       CASE, index=index, trusted=True, now=0)
    assert reply == first


def test_references_newest_first_join_the_thread(index: ThreadIndex) -> None:
    first = thread_key(mail("<r1@aws>", subject="A"), b"1", PROD, ONE_OFF, index=index, trusted=True, now=0)
    later = thread_key(mail("<r3@aws>", subject="C", references=("<unknown@aws>", "<r1@aws>")), b"3", PROD,
                       ONE_OFF, index=index, trusted=True, now=0)
    assert later == first


def test_in_reply_to_never_crosses_accounts(index: ThreadIndex) -> None:
    first = thread_key(mail("<x1@aws>", subject="S1"), b"1", PROD, CASE, index=index, trusted=True, now=0)
    other = thread_key(mail("<x2@aws>", subject="S2", in_reply_to="<x1@aws>"), b"2", DEV, CASE, index=index,
                       trusted=True, now=0)
    assert other != first
    assert ":444455556666:" in other


def test_subject_threads_within_scope_and_window_only(index: ThreadIndex) -> None:
    day = 86400.0
    first = thread_key(mail("<s1@aws>", subject="Case 42: instance retirement"), b"1", PROD, CASE,
                       index=index, trusted=True, now=0)
    same = thread_key(mail("<s2@aws>", subject="RE: Fwd:  case 42: Instance retirement"), b"2", PROD, CASE,
                      index=index, trusted=True, now=day)
    other_account = thread_key(mail("<s3@aws>", subject="Case 42: instance retirement"), b"3", DEV, CASE,
                               index=index, trusted=True, now=day)
    too_late = thread_key(mail("<s4@aws>", subject="Case 42: instance retirement"), b"4", PROD, CASE,
                          index=index, trusted=True, now=day + 15 * day)
    assert same == first
    assert other_account != first
    assert too_late != first


def test_types_without_thread_on_never_thread_on_subject(index: ThreadIndex) -> None:
    a = thread_key(mail("<c1@aws>", subject="Your sign-in code"), b"1", PROD, ONE_OFF, index=index, trusted=True, now=0)
    b = thread_key(mail("<c2@aws>", subject="Your sign-in code"), b"2", PROD, ONE_OFF, index=index, trusted=True, now=1)
    assert a != b


def test_same_message_again_gets_the_same_thread_and_delivery(index: ThreadIndex) -> None:
    m = mail("<dup@aws>", subject="Case 7")
    assert thread_key(m, b"raw", PROD, CASE, index=index, trusted=True, now=0) == thread_key(m, b"raw", PROD, CASE,
                                                                               index=index, trusted=True, now=5)
    assert delivery_id(m, b"raw", PROD, trusted=True) == delivery_id(m, b"other bytes", PROD, trusted=True)
    assert delivery_id(m, b"raw", PROD, trusted=True) != delivery_id(m, b"raw", DEV, trusted=True)
    no_id = mail("", subject="x")
    same = delivery_id(no_id, b"same bytes", PROD, trusted=True)
    assert same == delivery_id(no_id, b"same bytes", PROD, trusted=True)
    assert same != delivery_id(no_id, b"other bytes", PROD, trusted=True)


@pytest.mark.parametrize(("subject", "normal"), [
    ("Re: RE: Fwd: Hello  World", "hello world"),
    ("AW: WG: [EXTERNAL] Case 1", "case 1"),
    ("Re[2]: status", "status"),
    ("Regarding things", "regarding things"),
])
def test_normalize_subject(subject: str, normal: str) -> None:
    assert normalize_subject(subject) == normal


def test_redis_thread_lock_serialises_a_thread_across_clients(redis_url: str) -> None:
    one = redis.Redis.from_url(redis_url)
    two = redis.Redis.from_url(redis_url)
    lock_one = redis_thread_lock(one, wait=0.2)
    lock_two = redis_thread_lock(two, wait=0.2)
    with lock_one("thread-a"):
        with pytest.raises(TransientError, match="locked"), lock_two("thread-a"):
            pass
        with lock_two("thread-b"):  # other threads are not held up
            pass
    with lock_two("thread-a"):  # released
        pass


def _samples() -> list[dict[str, Any]]:
    labels = SHARED / "samples" / "labels.json"
    if not labels.exists():
        pytest.skip(f"shared samples not found at {SHARED}")
    return list(json.loads(labels.read_text()))


def test_shared_samples_thread_exactly_as_labelled() -> None:
    """Equal ``thread`` labels ↔ equal thread keys, over all 50 samples, in date order."""
    labels = _samples()
    try:
        from rootmail.directory_holder import read_directory_file
        from routing.classify import NoticeClassifier
        from routing.notices import load_notice_rules
        from routing.parse import parse_mail
        from routing.taxonomy import default_taxonomy
    except ImportError as exc:  # the classifier lives in another package
        pytest.skip(f"classifier not available: {exc}")
    directory = read_directory_file(SHARED / "directory.yaml")
    taxonomy = default_taxonomy()
    classifier = NoticeClassifier(taxonomy, load_notice_rules(None, taxonomy))
    index = MemoryThreadIndex()
    parsed = {label["file"]: parse_mail((SHARED / "samples" / label["file"]).read_bytes()) for label in labels}
    ordered = sorted(labels, key=lambda lb: (parsed[lb["file"]].date or datetime.min).timestamp())
    keys: dict[str, str] = {}
    for label in ordered:
        raw = (SHARED / "samples" / label["file"]).read_bytes()
        p = parsed[label["file"]]
        recipient = directory.resolve(label["recipient"])
        notice = classifier.classify(p, recipient)
        keys[label["file"]] = thread_key(p, raw, recipient, notice, index=index,
                                         trusted=label["authenticity"] == "pass",
                                         now=p.date.timestamp() if p.date else 0.0)
    by_label: dict[str, set[str]] = defaultdict(set)
    by_key: dict[str, set[str]] = defaultdict(set)
    for label in labels:
        by_label[label["thread"]].add(keys[label["file"]])
        by_key[keys[label["file"]]].add(label["thread"])
    assert {t: k for t, k in by_label.items() if len(k) > 1} == {}, "a labelled thread was split"
    assert {k: t for k, t in by_key.items() if len(t) > 1} == {}, "different threads were merged"


# ---------------------------------------------------------------------- trust boundary


def test_spoof_first_never_opens_the_genuine_thread(index: ThreadIndex) -> None:
    """A spoof sent first (same case id, same subject, same Message-ID as the genuine mail to come)
    opens a thread of its own; the genuine mail never lands on it, by identifier, reply or subject."""
    spoof = mail("<genuine@aws>", subject="Case 42: your case")
    spoof_key = thread_key(spoof, b"spoof bytes", PROD, CASE_42, index=index, now=0)
    genuine = mail("<genuine@aws>", subject="Case 42: your case")
    genuine_key = thread_key(genuine, b"genuine bytes", PROD, CASE_42, index=index, trusted=True, now=1)
    assert spoof_key != genuine_key
    assert spoof_key.startswith("support:untrusted:111122223333:")
    assert genuine_key.startswith("support:111122223333:")
    # replies and subject follow-ups of genuine mail stay genuine, whatever the spoof remembered
    reply = mail("<reply@aws>", subject="RE: Case 42: your case", in_reply_to="<genuine@aws>")
    assert thread_key(reply, b"r", PROD, CASE, index=index, trusted=True, now=2) == genuine_key
    # a spoof that answers the genuine mail, or copies its subject, stays on the spoof side
    spoof_reply = mail("<s2@evil>", subject="Case 42: your case", in_reply_to="<genuine@aws>")
    assert thread_key(spoof_reply, b"s2", PROD, CASE, index=index, now=3).startswith("support:untrusted:")


def test_spoof_after_genuine_mail_never_joins_it(index: ThreadIndex) -> None:
    genuine = mail("<g1@aws>", subject="Case 43: update")
    genuine_key = thread_key(genuine, b"g", PROD, CASE_43, index=index, trusted=True, now=0)
    for n, spoof in enumerate((mail("<x@evil>", subject="Case 43: update"),
                               mail("<y@evil>", subject="other", in_reply_to="<g1@aws>"),
                               mail("<z@evil>", subject="other", references=("<g1@aws>",)))):
        assert thread_key(spoof, f"s{n}".encode(), PROD, CASE_43, index=index, now=1) != genuine_key
        assert thread_key(spoof, f"s{n}".encode(), PROD, CASE, index=index, now=1) != genuine_key


def test_a_claimed_message_id_does_not_suppress_the_genuine_delivery() -> None:
    """A spoof that reuses the genuine mail's Message-ID gets another delivery id, so the genuine
    delivery is never taken for a duplicate; two different spoofs with one Message-ID are two."""
    claimed = mail("<genuine@aws>")
    genuine = delivery_id(claimed, b"genuine", PROD, trusted=True)
    assert delivery_id(claimed, b"spoof", PROD) != genuine
    assert delivery_id(claimed, b"genuine", PROD) != genuine
    assert delivery_id(claimed, b"spoof one", PROD) != delivery_id(claimed, b"spoof two", PROD)
    assert delivery_id(claimed, b"spoof one", PROD) == delivery_id(claimed, b"spoof one", PROD)


def test_route_thread_keys_are_kept_on_their_side() -> None:
    assert trust_separated("digest:acme:2026-11-30", trusted=True) == "digest:acme:2026-11-30"
    untrusted = trust_separated("digest:acme:2026-11-30", trusted=False)
    assert untrusted != "digest:acme:2026-11-30"
    assert trust_separated(untrusted, trusted=False) == untrusted


def test_a_quoted_address_cannot_pose_as_the_untrusted_scope(index: ThreadIndex) -> None:
    odd = Recipient('untrusted:111122223333@roots.example.net', None, None)
    plain = Recipient("111122223333@roots.example.net", None, None)
    one = thread_key(mail("<o@aws>"), b"o", odd, CASE_42, trusted=True)
    two = thread_key(mail("<o@aws>"), b"o", plain, CASE_42)
    assert one != two
