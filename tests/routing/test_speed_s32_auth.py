"""Session 32's faster forms in the authenticate stage give exactly what their plain forms give:
``routing.signed_view.crlf_only`` (one scan for a bare LF) against the two counts it replaced (``body_of``,
``header_block``, ``dkim_tags._unfold``), the bare-CR scan of ``_same_header_list`` against its two counts,
``dkim_verify._one_space`` (tabs made spaces, then runs of spaces made one) against the substitution of every run of
spaces and tabs it replaced in the relaxed header canonicalization, ``b=`` emptied by a callable giving the match's
group 1 against the template ``\\1``, and
``MailVerifier`` reading the header names' indexes handed in by ``authenticate`` (``by_name``) against reading them
itself: the same DKIM-Signatures, the same fields ``h=`` selects, the same outcome of every signature, on the shared
samples and corpora, the attack corpus and generated header blocks. ``authenticate``'s per-mail ``values`` by those
indexes against ``HeaderBlock.values``, and the once-only, list-header and MIME-structure checks by those indexes
against the walks over every header before."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dkim_verify, signed_view
from routing.authenticate import _Mail, _structure_problems
from routing.dkim_verify import MailVerifier
from routing.dns import StaticResolver, dkim_dnsfunc
from routing.domains import AwsDomains
from routing.lookalike import list_header_problems
from routing.parse import parse_mail
from routing.signed_view import (
    MIME_STRUCTURE,
    ONCE_ONLY,
    HeaderBlock,
    HeaderBlockError,
    body_of,
    crlf_only,
    header_block,
    instances_by_name,
    repeated_singletons,
    view_indexes,
)
from tests.conftest import shared_path
from tests.fixtures.attacks import attack_cases, dns_records

AWS = AwsDomains.of(["aws.com", "amazon.com", "amazonaws.com"])
LINE_PIECES = [b"\r\n", b"\n", b"\r", b"\n\r", b"\r\r\n", b"a", b" ", b"\t", b"\0", b"\r\n ", b"\n\n", b"\xff"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=30))
def test_crlf_only_is_the_two_counts(pieces: list[bytes]) -> None:
    data = b"".join(pieces)
    assert crlf_only(data) == (data.count(b"\n") == data.count(b"\r\n"))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(LINE_PIECES), max_size=8).map(b"".join), max_size=6))
def test_bare_cr_scan_is_the_two_counts(values: list[bytes]) -> None:
    joined = b"\0".join(values)
    assert (signed_view._BARE_CR.search(joined) is None) == (joined.count(b"\r") == joined.count(b"\r\n"))


WSP_PIECES = [b" ", b"  ", b"\t", b" \t", b"\t ", b"a", b"\0", b"\x0b", b"\r", b"\n", b"\xa0", b"b c"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(WSP_PIECES), max_size=30))
def test_one_space_is_the_wsp_run_substitution(pieces: list[bytes]) -> None:
    unfolded = b"".join(pieces)
    assert dkim_verify._one_space(unfolded) == dkim_verify._WSP_RUN.sub(b" ", unfolded)


BTAG_PIECES = [b"b", b"=", b";", b" ", b"\t", b"\r\n", b"\n", b"\r\n ", b"A", b"9", b"+", b"bh", b"; b=", b" b =",
               b"==", b"x", b"\0"]


@settings(max_examples=4000, deadline=None)
@given(st.lists(st.sampled_from(BTAG_PIECES), max_size=30))
def test_btag_by_group_is_the_template(pieces: list[bytes]) -> None:
    value = b"".join(pieces)
    assert dkim_verify._BTAG.sub(dkim_verify._BTAG_KEEP, value) == dkim_verify._BTAG.sub(b"\\1", value)


# ---------------------------------------------------------------- the verifier with the names' indexes handed in


def _outcome(call: Callable[[], object]) -> str:
    try:
        return "pass" if call() else "fail"
    except Exception as exc:  # the same refusal must come out the same way
        return f"{type(exc).__name__}: {exc}"


def _assert_verifier_same(raws: list[bytes], lookup: StaticResolver) -> int:
    dnsfunc = dkim_dnsfunc(lookup)
    compared = 0
    for number, raw in enumerate(raws):
        try:
            block = header_block(raw)
        except HeaderBlockError:
            continue
        by_name = instances_by_name(block.names)
        plain = MailVerifier(block.fields, partial(body_of, raw))
        fast = MailVerifier(block.fields, partial(body_of, raw), by_name=by_name)
        for index in range(len(block.values("dkim-signature")) + 1):
            assert (_outcome(partial(fast.verify, index, dnsfunc))
                    == _outcome(partial(plain.verify, index, dnsfunc))), (number, index)
            compared += 1
        mail = _Mail(parse_mail(raw), raw, block, AWS, instances_by_name(block.names))
        for name in {*block.names, "from", "dkim-signature", "x-original-from", "authentication-results", "nope"}:
            assert mail.values(name) == block.values(name), (number, name)
    return compared


def test_verifier_by_name_on_shared_samples() -> None:
    samples = sorted(shared_path("aws-notices", "samples").glob("*.eml"))
    lookup = StaticResolver.from_json(shared_path("aws-notices", "dns", "records.json"))
    assert _assert_verifier_same([p.read_bytes() for p in samples], lookup) >= 100


def test_verifier_by_name_on_shared_corpora() -> None:
    mails = sorted(shared_path("corpora").glob("*/*.eml"))
    lookup = StaticResolver.from_json(shared_path("aws-notices", "dns", "records.json"))
    assert _assert_verifier_same([p.read_bytes() for p in mails], lookup) >= len(mails)


def test_verifier_by_name_on_attack_corpus() -> None:
    assert _assert_verifier_same([case.raw for case in attack_cases()], StaticResolver(dns_records())) > 0


NAMES = [b"From", b"from", b"FROM", b"To", b"Subject", b"DKIM-Signature", b"dkim-signature", b"X-A", b"Date",
         b"Content-Type", b"K\xc3\xa9", b"k\xef\xbf\xbd", b"x:y", b":To", b"SUBJECT"]
H_NAMES = [b"from", b"to", b"subject", b"dkim-signature", b"x-a", b"date", b"content-type", b"k\xc3\xa9",
           b"k\xef\xbf\xbd", b"k\xff", b"x:y", b":to", b"nope", b"k?", b"From"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from([b" x\r\n", b" y\r\n \r\n", b"\r\n"])),
                max_size=12),
       st.lists(st.sampled_from(H_NAMES), max_size=14))
def test_select_by_name_is_select(fields: list[tuple[bytes, bytes]], include: list[bytes]) -> None:
    # the names as header_block gives them for fields it reads: ASCII only (dkimpy's [\x21-\x7e]); others too,
    # decoded as _lower_names does, to show a non-ASCII h= name finds nothing either way
    names = tuple(name.decode("ascii", "replace").strip().lower() for name, _ in fields)
    plain = MailVerifier(fields, lambda: b"")
    fast = MailVerifier(fields, lambda: b"", by_name=instances_by_name(names))
    assert fast._select(include) == plain._select(include)


@pytest.mark.parametrize("raw", [b"From: a@aws.com\r\nDKIM-Signature: v=1\r\ndkim-signature: v=2\r\n\r\nbody",
                                 b"From: a@aws.com\nDkim-Signature: x\n\nbody\n"])
def test_signatures_by_name_are_the_plain_ones(raw: bytes) -> None:
    block = header_block(raw)
    fast = MailVerifier(block.fields, partial(body_of, raw), by_name=instances_by_name(block.names))
    plain = MailVerifier(block.fields, partial(body_of, raw))
    for index in range(3):
        assert _outcome(partial(fast.verify, index, lambda *a, **k: None)) == _outcome(
            partial(plain.verify, index, lambda *a, **k: None))


# ---------------------------------------------------------------- the header checks by the names' indexes

HEADER_NAMES = [*ONCE_ONLY, *MIME_STRUCTURE, "sender", "list-id", "list-post", "list-owner", "list-unsubscribe",
                "list-help", "received", "dkim-signature", "x-a"]
LIST_VALUES = [b" <a@aws.com>\r\n", b" <mailto:x@evil.example>\r\n", b" Some list <l.amazon.com>\r\n", b"\r\n",
               b" <https://unsub.mktomail.com/x>\r\n", b" b@evil.example\r\n"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADER_NAMES), st.sampled_from(LIST_VALUES)), max_size=16),
       st.frozensets(st.integers(0, 17)))
def test_header_checks_by_name_are_the_plain_ones(headers: list[tuple[str, bytes]], covered: frozenset[int]) -> None:
    block = HeaderBlock(tuple((name.title().encode(), value) for name, value in headers),
                        tuple(name for name, _ in headers))
    by_name = instances_by_name(block.names)
    assert repeated_singletons(block, by_name) == repeated_singletons(block)
    assert view_indexes(block, covered, by_name) == view_indexes(block, covered)
    mail = _Mail(None, b"", block, AWS, by_name)  # type: ignore[arg-type]  # the checks read no parse
    plain = [f"more than one {name.title()} header: an added {name.title()} is not signed content "
             "(RFC 5322 §3.6); suspected spoof" for name in repeated_singletons(block)]
    before = [(name, field[1]) for name, field in zip(block.names, block.fields, strict=True)]
    assert _structure_problems(mail) == plain + list_header_problems(before, AWS)
