"""Session 11's speed changes: the link scan stops at the per-rule bound (it does not list every link
candidate of a hostile text first: counted look-ups), with the same spans as before; the DKIM verifier
takes the tags :func:`routing.dkim_tags.signature_tags` read instead of reading the header again, with the
same outcome as reading it (samples, corpora, attacks, signed mails with folded and mutated tags); the
per-rule bound hands an empty iterator back as ``()``, with no generator made for it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from routing import secrets
from routing.dkim_tags import TagListError, signature_tags
from routing.dkim_verify import MailVerifier
from routing.dns import StaticResolver, dkim_dnsfunc
from routing.secrets import MAX_READS_PER_RULE, UNREAD_KIND
from routing.signed_view import HeaderBlockError, body_of, header_block
from tests.conftest import shared_path
from tests.fixtures.attacks import attack_cases, dns_records
from tests.routing.test_dkim_verify import CANONS, MUTATIONS, RECORD_VARIANTS, _lookup, _mutate, _signed


class _CountedText(str):
    """A text that counts the look-ups of "://" made in it (where the link scan finds scheme positions)."""

    scheme_finds = 0

    def find(self, sub: str, *args: int) -> int:  # type: ignore[override]
        if sub == "://":
            type(self).scheme_finds += 1
        return super().find(sub, *args)


def _scheme_finds(text: str, default_deny: bool) -> tuple[int, list[secrets.Secret]]:
    class Text(_CountedText):
        pass

    found = secrets._url_spans(Text(text), default_deny)
    return Text.scheme_finds, found


@pytest.mark.parametrize("default_deny", [False, True])
def test_link_scan_stops_at_the_bound(default_deny: bool) -> None:
    links = 20 * MAX_READS_PER_RULE
    text = "".join(f"see https://x{i}.example/reset?token=abc{i} now\n" for i in range(links))
    finds, found = _scheme_finds(text, default_deny)
    # the old scan looked every "://" up before reading the first link: links + 1 look-ups
    assert finds <= MAX_READS_PER_RULE + 2
    assert found[-1].kind == UNREAD_KIND and found[-1].end == len(text)
    assert found == secrets._url_spans(text, default_deny)
    assert len(found) == MAX_READS_PER_RULE + 1


@pytest.mark.parametrize("text", [
    "abcd://x.example/p", "abcde://x.example/p", "ab.cd://x.example/p", "http://https://a.b/c",
    "a.b/c http://x.y/z", "://://://a.b/c", "https://a.b/c.d.e/ x.io/p?q=1", "x.io/p?q=1https://a.b/",
    "hTtPs://x.example/a\nhttp://b.example/", "a-b.c/d://e", "",
])
def test_lazy_link_scan_same_matches(text: str) -> None:
    assert [m.span() for m in secrets._url_match_iter(text)] == [m.span() for m in secrets._URL.finditer(text)]


# ---------------------------------------------------------------- the verifier takes the tags signature_tags read


def _outcome(call: Callable[[], object]) -> str:
    try:
        return "pass" if call() else "fail"
    except Exception as exc:  # the verdict reads the exception's type
        return type(exc).__name__


def _both_ways(raw: bytes, lookup: StaticResolver) -> list[str]:
    """Per signature that signature_tags accepts: the verifier's outcome reading the header itself and
    taking the tags read by signature_tags (asserted equal); the outcomes."""
    try:
        block = header_block(raw)
    except HeaderBlockError:
        return []
    dnsfunc = dkim_dnsfunc(lookup)
    outcomes = []
    for index, value in enumerate(block.values("dkim-signature")):
        try:
            tags = signature_tags(index, value)
        except TagListError:
            continue  # never verified
        itself = _outcome(partial(MailVerifier(block.fields, lambda: body_of(raw)).verify, index, dnsfunc))
        handed = _outcome(partial(MailVerifier(block.fields, lambda: body_of(raw)).verify, index, dnsfunc,
                                  (tags.value, tags.tags)))
        assert handed == itself, f"signature {index}: read by the verifier {itself}, handed on {handed}"
        outcomes.append(itself)
    return outcomes


def test_handed_tags_verify_as_read_on_samples_corpora_and_attacks() -> None:
    lookup = StaticResolver.from_json(shared_path("aws-notices", "dns", "records.json"))
    mails = [p.read_bytes() for p in sorted(shared_path("aws-notices", "samples").glob("*.eml"))]
    mails += [p.read_bytes() for p in sorted(shared_path("corpora").glob("*/*.eml"))]
    seen = Counter(outcome for raw in mails for outcome in _both_ways(raw, lookup))
    assert seen["pass"] >= 50, seen
    attack_lookup = StaticResolver(dns_records())
    attacks = Counter(outcome for case in attack_cases() for outcome in _both_ways(case.raw, attack_lookup))
    assert attacks["pass"] >= 10, attacks


def _fold(raw: bytes, at: int, fold: bytes) -> bytes:
    """``raw`` with ``fold`` (a line break and white space) put inside its first DKIM-Signature's value."""
    start = raw.find(b"DKIM-Signature:")
    # (the header's end: a line break not followed by white space, or the end of a mail a mutation cut short; find()
    # giving -1 once restarted the scan from the top, which looped forever when the mail's second byte was a space)
    end = raw.find(b"\r\n", start)
    while end >= 0 and raw[end + 2:end + 3] in (b" ", b"\t"):
        end = raw.find(b"\r\n", end + 2)
    end = len(raw) if end < 0 else end
    where = start + len(b"DKIM-Signature:") + at % max(1, end - start - len(b"DKIM-Signature:"))
    return raw[:where] + fold + raw[where:]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(canon=st.sampled_from(CANONS), length=st.booleans(),
       identity=st.sampled_from([None, b"@aws.com", b"alerts@sub.aws.com", b"x@evilaws.com"]),
       record=st.sampled_from(("plain",) * 4 + RECORD_VARIANTS),
       folds=st.lists(st.tuples(st.integers(0, 10_000), st.sampled_from([b"\r\n ", b"\r\n\t", b"\r\n  ", b" \r\n "])),
                      max_size=4),
       mutations=st.lists(st.tuples(st.sampled_from(MUTATIONS), st.integers(0, 10_000), st.integers(0, 255)),
                          max_size=2))
def test_handed_tags_verify_as_read_with_folded_tag_values(canon: tuple[bytes, bytes], length: bool,
                                                           identity: bytes | None, record: str,
                                                           folds: list[tuple[int, bytes]],
                                                           mutations: list[tuple[str, int, int]]) -> None:
    raw = _signed("1024", canon, length, identity)
    for kind, at, value in mutations:
        raw = _mutate(raw, kind, at, value)
    if b"DKIM-Signature:" in raw:
        for at, fold in folds:
            raw = _fold(raw, at, fold)
    for outcome in _both_ways(raw, _lookup("1024", record)):
        event(outcome)


# ---------------------------------------------------------------- the per-rule bound on an empty iterator


def test_capped_empty_iterator_is_no_generator() -> None:
    found: list[secrets.Secret] = []
    assert secrets._capped(iter(()), "text", found) == ()
    assert secrets._capped(secrets._DD_LONG.finditer("short words only"), "short words only", found) == ()
    assert found == []
    text = "a " * 5
    matches = secrets._capped(secrets._FIRST_WORD.finditer(text), text, found)
    assert [m.span() for m in matches] == [(0, 1), (2, 3), (4, 5), (6, 7), (8, 9)] and found == []
