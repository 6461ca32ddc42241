"""Which header instances a signature covers (RFC 6376 §5.4.2), and the signed view a pass carries
through the pipeline (classification, threading and rendering read only signed content)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest.envelope import Envelope
from ingest.store import LocalStore
from routing import signed_view
from routing.authenticate import AwsDomains, authenticate
from routing.directory import Directory
from routing.dns import StaticResolver
from routing.parse import parse_mail
from routing.signed_view import (
    body_of,
    covered_instances,
    header_block,
    repeated_singletons,
    view_bytes,
    view_indexes,
)
from routing.taxonomy import default_taxonomy
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient
from tests.fixtures.attacks import dns_records, genuine, notice
from ticketing.helpdesk.local import LocalHelpdesk
from ticketing.pipeline import Dependencies, process_stored

AWS = AwsDomains.of(default_taxonomy().aws_sender_domains)
RAW = (b"Received: x\r\nSubject: added\r\nFrom: a@aws.com\r\nSubject: signed\r\nTo: r@x.example\r\n"
       b"X-Original-From: e@evil.example\r\nContent-Type: text/plain\r\n\r\nbody\r\n")


def test_each_name_covers_instances_from_the_bottom_up() -> None:
    headers = header_block(RAW)
    names = [n.decode() for n, _ in headers.fields]
    assert covered_instances(headers, ["subject"]) == {names.index("Subject", 2)}
    twice = covered_instances(headers, ["subject", "subject", "subject", "from"])
    assert twice == {1, 2, 3}  # both Subjects (a third is not there), and From
    assert covered_instances(headers, ["cc"]) == frozenset()
    assert repeated_singletons(headers) == ["subject"]


def test_view_keeps_covered_instances_and_single_mime_structure() -> None:
    headers, body = header_block(RAW), body_of(RAW)
    indexes = view_indexes(headers, covered_instances(headers, ["from", "subject", "to"]))
    view = parse_mail(view_bytes(headers, body, indexes))
    assert view.subject == "signed" and view.header("X-Original-From") == "" and view.header("Received") == ""
    assert view.header("Content-Type") == "text/plain" and view.text == "body"


def _deps(tmp_path: Path, verdicts: list[AuthVerdict]) -> tuple[Dependencies, LocalStore]:
    store = LocalStore(tmp_path / "messages")
    lookup = StaticResolver(dns_records())

    def authenticator(parsed: ParsedMail, raw: bytes, envelope: Envelope) -> AuthVerdict:
        verdict = authenticate(parsed, raw, lookup=lookup, aws_domains=AWS)
        verdicts.append(verdict)
        return verdict

    deps = Dependencies(store=store, directory=Directory, helpdesk=LocalHelpdesk(tmp_path / "helpdesk.sqlite3"),
                        authenticate=authenticator)
    return deps, store


@pytest.mark.parametrize("added", [b"X-Original-From: security@evil.example\r\n",
                                   b"In-Reply-To: <thread@evil.example>\r\nReferences: <thread@evil.example>\r\n"])
def test_pipeline_reads_the_signed_view_of_a_pass(tmp_path: Path, added: bytes) -> None:
    raw = added + genuine(notice())
    seen: list[ParsedMail] = []
    verdicts: list[AuthVerdict] = []
    deps, store = _deps(tmp_path, verdicts)

    def classify(parsed: ParsedMail, raw: bytes, envelope: Envelope, recipient: Recipient) -> Notice:
        seen.append(parsed)
        return Notice()

    deps.classify = classify
    key = store.put(Envelope(mail_from="b@amazonses.com", rcpt_tos=("root@roots.example",)), raw)
    process_stored(store.get(key), deps)
    assert verdicts[0].verdict == "pass" and seen
    assert all(p is verdicts[0].signed_view for p in seen)
    assert seen[0].header("X-Original-From") == "" and seen[0].in_reply_to == "" and seen[0].references == ()


def _view_cases() -> list[bytes]:
    from tests.conftest import SHARED
    from tests.fixtures.attacks import attack_cases

    samples = [p.read_bytes() for p in sorted((SHARED / "aws-notices" / "samples").glob("*.eml"))]
    multipart = genuine(notice().replace(
        b"Content-Type: text/plain; charset=UTF-8\r\n\r\n",
        b'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\nContent-Type: text/plain\r\n\r\n'
        b"plain text\r\n--b1\r\nContent-Type: text/html\r\n\r\n<p>html <b>text</b></p>\r\n--b1--\r\n"))
    return samples + [case.raw for case in attack_cases()] + [multipart]


def test_the_view_reads_the_body_once_and_agrees_with_a_full_parse() -> None:
    from dataclasses import replace

    from routing.signed_view import signed_view

    checked = 0
    for raw in _view_cases():
        headers, body = header_block(raw), body_of(raw)
        parsed = parse_mail(raw)
        indexes = view_indexes(headers, covered_instances(headers, ["from", "subject", "date", "to", "message-id"]))
        full = parse_mail(view_bytes(headers, body, indexes))
        fast = signed_view(parsed, headers, indexes)
        assert replace(full, size=parsed.size, defects=parsed.defects) == fast
        checked += 1
    assert checked >= 50


def _dkimpy_fields(raw: bytes) -> object:
    import dkim

    try:
        return tuple((bytes(n), bytes(v)) for n, v in dkim.rfc822_parse(raw)[0])
    except Exception as exc:  # the same malformed header must be refused the same way
        return type(exc).__name__


def _our_fields(raw: bytes) -> object:
    from routing.signed_view import HeaderBlockError

    try:
        return header_block(raw).fields
    except HeaderBlockError as exc:
        return type(exc.__cause__).__name__


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"Subject: x", b"From: a@b", b" folded", b"\tfolded", b"", b"From mbox line",
                                 b"bad header", b"body \r text", b"X-A:b", b".", b"DKIM-Signature: d=x;"]),
                max_size=12),
       st.lists(st.sampled_from([b"\r\n", b"\n", b"\r\r\n", b"\n\n"]), min_size=1, max_size=12))
def test_header_block_is_dkimpys_header_list(lines: list[bytes], ends: list[bytes]) -> None:
    raw = b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines))
    assert _our_fields(raw) == _dkimpy_fields(raw)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"Subject: x", b"FROM: a@b", b" folded", b"\tfolded", b"From mbox line", b"bad header",
                                 b"X-\xc3\xa9: y", b"A:B:c", b"X-\x7f: z", b"\x00x: y", b"Dkim-Signature: d=x;"]),
                max_size=10),
       st.sampled_from([b"\r\n", b"\n"]))
def test_header_names_are_each_names_plain_reading(lines: list[bytes], end: bytes) -> None:
    raw = b"".join(line + end for line in lines) + end + b"body"
    try:
        block = header_block(raw)
    except signed_view.HeaderBlockError:
        return
    assert block.names == tuple(name.decode("ascii", "replace").strip().lower() for name, _ in block.fields)


def _first_blank_line(raw: bytes) -> int | None:
    """Where the first empty line starts, by the regex the docstring of ``_blank_line`` names."""
    found = re.search(rb"(?:\A|\n)(\r?\n)", raw)
    return found.start(1) if found else None


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from([b"\n", b"\r\n", b"\r", b"a", b":", b" ", b"\n\n", b"\n\r\n"]), max_size=25))
def test_the_first_blank_line_is_found_as_the_regex_finds_it(pieces: list[bytes]) -> None:
    raw = b"".join(pieces)
    assert signed_view._blank_line(raw) == _first_blank_line(raw)


def _plain_same_header_list(parsed: ParsedMail, block: signed_view.HeaderBlock) -> bool:
    return (len(parsed.headers) == len(block.names)
            and all(key.lower() == name for (key, _), name in zip(parsed.headers, block.names, strict=True))
            and all(value.count(b"\r") == value.count(b"\r\n") for _, value in block.fields))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from([b"From", b"To", b"subject", b"X-A"]),
                          st.lists(st.sampled_from([b"a", b" ", b"\r", b"\r\n ", b"\n\t", b"\r\r\n "]), max_size=6)),
                min_size=1, max_size=6))
def test_same_header_list_is_the_per_field_check(fields: list[tuple[bytes, list[bytes]]]) -> None:
    raw = b"".join(name + b": " + b"".join(value) + b"\r\n" for name, value in fields) + b"\r\nbody\r\n"
    try:
        block = signed_view.header_block(raw)
    except signed_view.HeaderBlockError:
        return
    parsed = parse_mail(raw)
    assert signed_view._same_header_list(parsed, block) == _plain_same_header_list(parsed, block)


def test_a_header_name_holding_a_colon_keeps_names_and_fields_aligned() -> None:
    """dkimpy reads ``:To: x`` as the header ``:To`` (its name pattern is ``[\\x21-\\x7e]+?:``): one
    lower-cased name per field, never a split at the colon (a hostile variant crashed on that)."""
    raw = b"From: a@aws.com\r\n:To: root@roots.example\r\nSubject: s\r\n\r\nbody\r\n"
    block = header_block(raw)
    assert len(block.names) == len(block.fields)
    assert block.names == tuple(name.decode().lower() for name, _ in block.fields)


def test_the_view_with_a_header_list_is_dataclasses_replace() -> None:
    import dataclasses

    from routing.parse import parse_mail
    from routing.signed_view import _with_header_list

    parsed = parse_mail(b"From: a@aws.com\r\nTo: b@x.example\r\nSubject: s\r\n\r\nbody\r\n")
    headers = parsed.headers[:1]
    assert _with_header_list(parsed, headers) == dataclasses.replace(parsed, headers=headers)
