"""Hostile input costs bounded work on the mail path: tests count work (regex positions, sequence reads,
recursion levels, caps), never time (machines are shared; see the house rules).

:class:`RegexWork` replaces the compiled patterns of a module by counting stand-ins: per call it adds the
positions the call passed over (from ``pos`` to the match's end, or to ``endpos`` when it found nothing:
re tried each of them), a lower bound of the call's work. A scan that searches again from every position
(``search(text, i)`` for each ``i``) passes over a quadratic number of positions; a scan that reads the
text a few times stays within a small multiple of its length. Backtracking inside one call is not counted:
the patterns that backtracked are tested by name (never called on the hostile input) and their linear
replacements against them (same answers).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import authres, dkim_fields, dkim_verify, lookalike, parse, redact, secrets, signed_view

# ---------------------------------------------------------------- counting regex work


class _CountingPattern:
    """A compiled pattern that adds the positions each call passes over to its :class:`RegexWork`."""

    def __init__(self, pattern: re.Pattern[Any], work: RegexWork, name: str) -> None:
        self._pattern = pattern
        self._work = work
        self._name = name

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pattern, name)

    def _add(self, string: Any, pos: int, endpos: int, end: int | None) -> None:
        stop = min(endpos, len(string))
        self._work.add(self._name, max(1, (stop if end is None else end) - pos))

    def search(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[Any] | None:
        found = self._pattern.search(string, pos, endpos)
        self._add(string, pos, endpos, None if found is None else found.end())
        return found

    def match(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[Any] | None:
        found = self._pattern.match(string, pos, endpos)
        self._work.add(self._name, 1 if found is None else max(1, found.end() - pos))
        return found

    def fullmatch(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[Any] | None:
        found = self._pattern.fullmatch(string, pos, endpos)
        self._work.add(self._name, 1 if found is None else max(1, found.end() - pos))
        return found

    def finditer(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[Any]]:
        self._add(string, pos, endpos, None)
        return self._pattern.finditer(string, pos, endpos)

    def findall(self, string: Any, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        self._add(string, pos, endpos, None)
        return self._pattern.findall(string, pos, endpos)

    def sub(self, repl: Any, string: Any, count: int = 0) -> Any:
        self._add(string, 0, sys.maxsize, None)
        return self._pattern.sub(repl, string, count)

    def split(self, string: Any, maxsplit: int = 0) -> list[Any]:
        self._add(string, 0, sys.maxsize, None)
        return self._pattern.split(string, maxsplit)


class RegexWork:
    """Positions passed over by the (counted) patterns of some modules, per pattern name."""

    def __init__(self) -> None:
        self.by_name: dict[str, int] = {}
        self.calls: dict[str, int] = {}

    def add(self, name: str, positions: int) -> None:
        self.by_name[name] = self.by_name.get(name, 0) + positions
        self.calls[name] = self.calls.get(name, 0) + 1

    @property
    def positions(self) -> int:
        return sum(self.by_name.values())

    def reset(self) -> None:
        self.by_name.clear()
        self.calls.clear()


def count_regex_work(monkeypatch: pytest.MonkeyPatch, *modules: ModuleType) -> RegexWork:
    """Every module-level compiled pattern of ``modules``, and those inside module-level tuples of
    ``(kind, pattern)`` pairs, replaced by counting stand-ins for the test."""
    work = RegexWork()
    for module in modules:
        for name, value in list(vars(module).items()):
            if isinstance(value, re.Pattern):
                monkeypatch.setattr(module, name, _CountingPattern(value, work, f"{module.__name__}.{name}"))
            elif isinstance(value, tuple) and value and all(
                    isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], re.Pattern) for item in value):
                monkeypatch.setattr(module, name, tuple(
                    (kind, _CountingPattern(pattern, work, f"{module.__name__}.{name}[{kind}]"))
                    for kind, pattern in value))
    return work


# ---------------------------------------------------------------- secrets: the sign-in link kind

SIGN_IN_PIECES = ["sign", "in", "log", "auth", "?", "#", "\n", "token=", "code=", "ticket", "=", "a", " ", "S",
                  "IN", "\u017f", "\u212a", "TOKEN", "-", "login", "signin", "Ticket=", "\u0130"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(SIGN_IN_PIECES), max_size=16))
def test_sign_in_kind_equals_its_pattern(pieces: list[str]) -> None:
    text = "".join(pieces)
    pattern = dict(secrets._LINK_KINDS)["sign-in link"]
    assert secrets._sign_in_link(text, False) == (pattern.search(text) is not None)
    if text.isascii():
        lowered = text.lower()
        fast = dict(secrets._LINK_KINDS_ASCII)["sign-in link"]
        assert secrets._sign_in_link(lowered, True) == (fast.search(lowered) is not None)


@pytest.mark.parametrize(("link", "kind"), [
    ("https://x.example/a?" + "auth?" * 20_000, None),
    ("https://x.example/a?" + "auth?" * 20_000 + "token=abcd", "sign-in link"),
    ("https://x.example/a?" + "login#" * 20_000 + "x", None),
    ("https://x.example/a?" + "sign-in" * 20_000 + "?" + "a" * 50_000, None),
    ("https://x.example/" + "auth%0A?" * 20_000, None),  # percent-encoded line breaks: one line per word
    # the same with a value name before the words: past _LINK_KIND_LITERALS' test, so the words are read
    ("https://x.example/a?code=1&" + "auth?" * 20_000, None),
    ("https://x.example/a?code=1&" + "login#" * 20_000 + "x", None),
    ("https://x.example/a?code=1&" + "sign-in" * 20_000 + "?" + "a" * 50_000, None),
    ("https://x.example/code=1/" + "auth%0A?" * 20_000, None),
])
def test_sign_in_kind_reads_each_character_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch, link: str, kind: str | None) -> None:
    """The sign-in pattern ("[^?#]*[?#].*" after every word: quadratic, > 25 s for 80 KB) is never
    searched; its replacement passes over each character at most three times (words, "?"/"#", values), and
    not at all in a link without "token=", "code=" or "ticket=" (no match can be there: _LINK_KIND_LITERALS)."""
    secrets._url_facts.cache_clear()
    work = count_regex_work(monkeypatch, secrets)
    assert secrets.link_kind(link) == kind
    assert work.calls.get("routing.secrets._LINK_KINDS_ASCII[sign-in link]", 0) == 0
    assert work.calls.get("routing.secrets._LINK_KINDS[sign-in link]", 0) == 0
    sign_in = sum(positions for name, positions in work.by_name.items() if "_SIGN_IN" in name or "_QUERY_MARK" in name)
    assert sign_in <= 3 * len(link)
    assert (sign_in > 0) == any(value in link for value in ("token=", "code=", "ticket="))


def test_a_sign_in_link_is_still_found() -> None:
    secrets._url_facts.cache_clear()
    assert secrets.link_kind("https://x.example/signin?redirect=1&token=abcd1234") == "sign-in link"
    assert secrets.link_kind("https://x.example/LOGIN/next?a=1&Ticket=abcdef") == "sign-in link"


# ---------------------------------------------------------------- secrets: wrapper links inside wrapper links


@pytest.mark.parametrize("unit", ["https://w.example/r?u=", "www.w.example/r?u="])
def test_nested_wrapper_links_are_read_to_a_bounded_depth(unit: str) -> None:
    """Each wrapper level reads the rest of the link again (quadratic) and recursed without end: 16,000
    levels raised RecursionError. Now at most MAX_LINK_NESTING levels are read; deeper is a token link."""
    link = unit * 16_000 + "x"
    secrets._url_facts.cache_clear()
    assert secrets.link_kind(link) == "link with a token"
    assert secrets._url_facts.cache_info().misses <= secrets.MAX_LINK_NESTING + 2
    found = secrets.find_secrets(f"Open {link} now")
    assert [(s.start, s.kind) for s in found] == [(5, "link with a token")]


def test_a_wrapper_within_the_nesting_bound_is_read_as_before() -> None:
    secrets._url_facts.cache_clear()
    inner = "https://signin.aws.amazon.com/resetpassword?token=abcd1234"
    link = inner
    for _ in range(secrets.MAX_LINK_NESTING - 1):
        link = "https://w.example/r?u=" + link
    assert secrets.link_kind(link) == "password reset link"


# ---------------------------------------------------------------- redact: attachment texts

TAG_PIECES = ["<", ">", "\r", "\n", " ", "\t", "a", "<b>", "\r\n ", "\r\r\n\t", "x"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(TAG_PIECES), max_size=20))
def test_attachment_text_helpers_equal_their_patterns(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert redact._without_tags(text) == re.sub(r"<[^>]*>", " ", text)
    assert redact._unfold_ics(text) == re.sub(r"\r*\n[ \t]", "", text)


class _CountingText(str):
    """A string that counts its ``find`` calls and the characters each may read."""

    finds = 0
    read = 0

    def find(self, sub: str, start: Any = None, end: Any = None) -> int:  # type: ignore[override]
        found = str.find(self, sub, start, end)
        type(self).finds += 1
        type(self).read += (len(self) if found == -1 else found + len(sub)) - (start or 0)
        return found


@pytest.mark.parametrize(("markup", "expected"), [
    ("<" * 200_000, "<" * 200_000), ("<a" * 100_000 + ">", " "), ("<a>" * 60_000, " " * 60_000),
    ("<" * 100_000 + ">" * 9, " " + ">" * 8), ("x<" * 100_000, "x<" * 100_000)])
def test_tags_are_removed_in_one_pass(markup: str, expected: str) -> None:
    """``<[^>]*>`` ran from every "<" to the end when no ">" followed ("<" x 256,000: minutes)."""
    _CountingText.finds = _CountingText.read = 0
    assert redact._without_tags(_CountingText(markup)) == expected
    assert _CountingText.finds <= 2 * markup.count(">") + 3
    assert _CountingText.read <= 2 * len(markup) + 2


def test_calendar_folds_are_removed_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """``\\r*\\n[ \\t]`` tried its "\\r*" from every CR of a run ("\\r" x 256,000 in a calendar part: 8 s)."""
    text = "\r" * 200_000 + "\n x" + "\r\n\t" * 10_000
    work = count_regex_work(monkeypatch, redact)
    assert redact._unfold_ics(text) == "x"
    assert work.positions <= len(text)


def _mail_with_attachment(content_type: str, payload: bytes) -> bytes:
    return (b"From: a@b.example\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=B\n\n--B\n"
            b"Content-Type: text/plain\n\nhi\n--B\nContent-Type: " + content_type.encode()
            + b"\nContent-Disposition: attachment; filename=a\n\n" + payload + b"\n--B--\n")


def test_hostile_attachments_are_read_without_the_backtracking_patterns(monkeypatch: pytest.MonkeyPatch) -> None:
    work = count_regex_work(monkeypatch, redact)
    html_texts = list(redact.attachment_texts(_mail_with_attachment("text/html", b"<" * 100_000 + b"<b>x")))
    ics_texts = list(redact.attachment_texts(_mail_with_attachment("text/calendar", b"A:" + b"\r" * 100_000 + b"\n b")))
    assert html_texts == [" x"]
    assert ics_texts == ["A:b"]
    assert work.positions <= 3 * 100_010


# ---------------------------------------------------------------- parse: encoded words per header block


def _plain_mail(subject: bytes, extra: bytes = b"") -> bytes:
    return (b"From: AWS <no-reply@amazon.com>\nTo: root@example.com\nSubject: " + subject
            + b"\nMIME-Version: 1.0\n" + extra + b"Content-Type: text/plain; charset=utf-8\n\nhello\n")


def test_a_header_block_with_too_many_encoded_words_is_refused() -> None:
    """The email package's decode_header (mail-parser runs it on every header value) is quadratic in the
    encoded words of one value (64,000 in a Subject: a minute): more than MAX_ENCODED_WORDS are refused."""
    word = b"=?utf-8?q?a?= "
    limit = parse.MAX_ENCODED_WORDS
    assert parse.parse_mail(_plain_mail(word * limit)).subject == "a" * limit
    with pytest.raises(parse.UnparseableMail, match=f"more than {limit} RFC 2047 encoded words"):
        parse.parse_mail(_plain_mail(word * (limit + 1)))
    with pytest.raises(parse.UnparseableMail, match="encoded words"):
        parse.parse_mail(_plain_mail(b"s", b"X-Other: " + word * (64 * limit) + b"\n"))


def test_encoded_words_are_counted_per_header_block() -> None:
    word = b"=?utf-8?q?a?= "
    half = parse.MAX_ENCODED_WORDS * 3 // 4
    part = b"--B\nContent-Type: text/plain; name=\"" + word * half + b"\"\n\n" + word * (4 * half) + b"\n"
    raw = (b"From: a@b.example\nSubject: " + word * half + b"\nMIME-Version: 1.0\n"
           b"Content-Type: multipart/mixed; boundary=B\n\n" + part + part + b"--B--\n")
    parse.check_encoded_words(raw)  # each block under the limit; the bodies' words do not count
    crowded = raw.replace(b"name=\"", b"name=\"" + word * half, 1)
    with pytest.raises(parse.UnparseableMail, match="encoded words"):
        parse.check_encoded_words(crowded)


# ---------------------------------------------------------------- DKIM: h= selection and the b= check


class _CountingNames(tuple):  # type: ignore[type-arg]
    """Header names that count how many are read (by index or by iteration)."""

    reads = 0

    def __getitem__(self, index: Any) -> Any:
        type(self).reads += 1
        return tuple.__getitem__(self, index)

    def __iter__(self) -> Iterator[Any]:
        for item in tuple.__iter__(self):
            type(self).reads += 1
            yield item


def _block(count: int) -> signed_view.HeaderBlock:
    fields = (*((b"X-%d" % i, b" a\r\n") for i in range(count)), (b"From", b" a@b.example\r\n"))
    return signed_view.HeaderBlock(fields, _CountingNames(name.decode().lower() for name, _ in fields))


def test_covered_instances_read_each_header_name_once() -> None:
    """Walking up the block per name of h= was |h=| x |headers| reads (8,000 each: 0.6 s, 32,000: > 25 s)."""
    block = _block(5000)
    names = [f"y-{i}" for i in range(5000)] + ["from", "from", "x-7"]
    _CountingNames.reads = 0
    assert signed_view.covered_instances(block, names) == frozenset((5000, 7))
    assert _CountingNames.reads <= len(block.names) + len(names)


def test_select_reads_each_header_name_once() -> None:
    block = _block(5000)
    verifier = dkim_verify.MailVerifier(block.fields, lambda: b"")
    verifier._names = _CountingNames(name.lower() for name, _ in block.fields)  # type: ignore[assignment]
    wanted = [b"y-%d" % i for i in range(5000)] + [b"from", b"x-7", b"from"]
    _CountingNames.reads = 0
    assert verifier._select(wanted) == [block.fields[5000], block.fields[7]]
    assert _CountingNames.reads <= len(block.names) + len(wanted)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["from", "to", "subject", "x"]), max_size=12),
       st.lists(st.sampled_from(["from", "to", "subject", "y", "x"]), max_size=12))
def test_covered_instances_equal_dkimpys_selection(present: list[str], signed: list[str]) -> None:
    import dkim

    fields = tuple((name.encode(), b" v%d\r\n" % i) for i, name in enumerate(present))
    block = signed_view.HeaderBlock(fields, tuple(present))
    chosen = dkim.select_headers([list(f) for f in fields], [name.encode() for name in signed])
    expected = {next(i for i, f in enumerate(fields) if f[1] == value) for _, value in chosen}
    assert signed_view.covered_instances(block, signed) == frozenset(expected)


B64_PIECES = [b" ", b"\t", b"\n", b"\r", b"\x0b", b"\x0c", b"=", b"a", b"Z", b"9", b"+", b"/", b"!", b"-", b"\x80"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(B64_PIECES), max_size=14))
def test_base64_check_equals_dkimpys_pattern(pieces: list[bytes]) -> None:
    value = b"".join(pieces)
    assert dkim_fields._base64_like(value) == (dkim_fields._BASE64.match(value) is not None)


@pytest.mark.parametrize("b_value", [b"a" + b"  " * 50_000 + b"!", b"a" + b" " * 100_000 + b"=!",
                                     b"a\t" * 50_000 + b"-"])
def test_a_hostile_b_tag_is_checked_without_the_backtracking_pattern(
        monkeypatch: pytest.MonkeyPatch, b_value: bytes) -> None:
    """dkimpy's ``[\\s0-9A-Za-z+/]+[\\s=]*$`` backtracks quadratically over a white-space run before a
    foreign character (32 KB: 14.7 s), and runs before any key is looked up: it is never run here."""
    import dkim

    work = count_regex_work(monkeypatch, dkim_fields)
    sig = dkim_fields.parse_tag_value(b"v=1; a=rsa-sha256; d=x.example; s=s; h=from; bh=YQ==; b=" + b_value)
    with pytest.raises(dkim.ValidationError, match="b= value is not valid base64"):
        dkim_fields.validate_signature_fields(sig)
    assert work.calls.get("routing.dkim_fields._BASE64", 0) == 0
    assert work.positions <= len(b_value) + 64


# ---------------------------------------------------------------- Authentication-Results of the relay


@pytest.mark.parametrize("value", [b"relay.example; " + b"dkim=pass header.d=a.example; " * 4000,
                                   b"relay.example; dkim=pass header.d=" + b'"a' * 32_000])
def test_an_overlong_relay_header_is_not_parsed(monkeypatch: pytest.MonkeyPatch, value: bytes) -> None:
    """authres's parser grows faster than the header (8,000 results: 4.1 s): a header over
    MAX_RESULTS_BYTES is unreadable (checked here instead) without being parsed at all."""
    parsed: list[str] = []
    monkeypatch.setattr(authres, "_CONTEXT", _RecordingContext(parsed))
    with pytest.raises(authres.UnreadableResults, match=f"longer than {authres.MAX_RESULTS_BYTES} bytes"):
        authres.relay_results([value], "relay.example")
    assert parsed == []


def test_a_relay_header_within_the_bound_is_parsed() -> None:
    value = b"relay.example; " + b"dkim=pass header.d=a.example; " * 100 + b"dmarc=pass header.from=a.example"
    assert len(value) <= authres.MAX_RESULTS_BYTES
    results = authres.relay_results([value], "relay.example")
    assert results is not None and len(results.all("dkim")) == 100


class _RecordingContext:
    """Stands in for the ``authres`` parser context: records what it is handed, parses nothing."""

    def __init__(self, parsed: list[str]) -> None:
        self.parsed = parsed

    def parse_value(self, text: str) -> Any:
        self.parsed.append(text)
        raise ValueError("not parsed in this test")


# ---------------------------------------------------------------- DKIM: the relaxed body canonicalization

BODY_PIECES = [b" ", b"\t", b"\r", b"\n", b"\r\n", b"a", b"  \r\n", b"\t\r\n", b"x y", b"\r\n\r\n"]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(BODY_PIECES), max_size=14),
       st.sampled_from([b"relaxed/relaxed", b"simple/simple", b"relaxed/simple", b"simple/relaxed"]))
def test_canonical_body_equals_dkimpys(pieces: list[bytes], c_value: bytes) -> None:
    from dkim.canonicalization import CanonicalizationPolicy

    body = b"".join(pieces)
    policy = CanonicalizationPolicy.from_c_value(c_value)
    assert dkim_verify.canonical_body(policy, body) == policy.canonicalize_body(body)


class _CountingBody(bytes):
    """A body that counts the lines its ``split`` hands out (every byte of the body is in one)."""

    lines = 0

    def split(self, sep: Any = None, maxsplit: int = -1) -> list[bytes]:  # type: ignore[override]
        parts = bytes.split(self, sep, maxsplit)
        type(self).lines += len(parts)
        return parts


@pytest.mark.parametrize(("body", "expected"), [
    (b" " * 200_000 + b"x\r\n", b" x\r\n"),
    ((b"a" + b"\t " * 50_000 + b"b \r\n") * 2, b"a b\r\na b\r\n"),
    (b"x \r\n" * 50_000 + b" " * 100_000, b"x\r\n" * 50_000 + b" \r\n")])
def test_relaxed_body_white_space_is_stripped_per_line(body: bytes, expected: bytes) -> None:
    """dkimpy's ``[\\t ]+\\r\\n`` substitution is tried from every space of a run no CRLF ends (64,000
    spaces: 13.4 s, before the signature is checked, for any signer's key); canonical_body splits the
    body at CRLF once and strips each line's end: each byte is read a bounded number of times."""
    from dkim.canonicalization import CanonicalizationPolicy

    policy = CanonicalizationPolicy.from_c_value(b"relaxed/relaxed")
    _CountingBody.lines = 0
    out = dkim_verify.canonical_body(policy, _CountingBody(body))
    assert _CountingBody.lines <= body.count(b"\r\n") + 1
    assert out == expected


# ---------------------------------------------------------------- parse: memory of the MIME structure check


def test_structure_check_memory_does_not_grow_with_delimiter_lines() -> None:
    """check_structure listed every "--" line before walking them (4 MB of them: 103 MiB at peak); they are
    merged in as found now, so its memory is that of the declarations (at most MAX_MIME_PARTS + 1)."""
    import tracemalloc

    raw = b"Content-Type: multipart/mixed; boundary=B\n\n" + b"--x\n" * 250_000
    tracemalloc.start()
    try:
        parse.check_structure(raw)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 256 * 1024


def test_structure_check_stops_at_the_content_type_cap() -> None:
    raw = b"Content-Type: text/plain\n" * (parse.MAX_MIME_PARTS + 1) + b"Content-Type: text/plain\n" * 100_000
    with pytest.raises(parse.UnparseableMail, match=f"more than {parse.MAX_MIME_PARTS} Content-Type headers"):
        parse.check_structure(raw)


# ---------------------------------------------------------------- lookalike: brand words in display names


@pytest.mark.parametrize("name", ["a" * 64_000, "am" * 32_000, "a" * 32_000 + "w" * 32_000 + "!", "amaz " * 12_000])
def test_display_name_words_are_read_a_bounded_number_of_times(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """``a+m+a+[ze]+o+n+`` was retried from every "a" of a run ("a" x 16,000: 3.2 s, any mail whose From domain is
    not AWS); the brand patterns are possessive and start where a run of "a" starts (tests/routing/test_lookalike.py
    compares their answers): each is called once per word (two spellings) over at most its length."""
    work = count_regex_work(monkeypatch, lookalike)
    lookalike.name_claims_aws.cache_clear()
    assert not lookalike.name_claims_aws(name)
    words = len(name.split())
    assert work.calls.get("routing.lookalike._AMAZON", 0) <= 4 * words
    assert work.positions <= 4 * len(name)


# ---------------------------------------------------------------- DKIM: the other algorithms


def _dkim_outcome(raw: bytes, record: str, body: Any) -> str:
    from routing.dns import StaticResolver, dkim_dnsfunc
    from tests.routing.test_dkim_verify import KEY_NAME

    verifier = dkim_verify.MailVerifier(signed_view.header_block(raw).fields, body)
    try:
        return "pass" if verifier.verify(0, dkim_dnsfunc(StaticResolver({KEY_NAME: record}))) else "fail"
    except Exception as exc:
        return type(exc).__name__


def test_an_ed25519_signature_reads_a_hostile_body_once() -> None:
    """dkimpy's verify (which rsa-sha1 and ed25519-sha256 were handed to) canonicalizes the body with the
    quadratic substitution; every algorithm now goes through canonical_body: lines counted."""
    from tests.routing.test_dkim_verify import _ed_p, _signed_ed25519

    raw = _signed_ed25519(body=b"ok\r\n") + b" " * 200_000 + b"x \r\n" + b" " * 200_000
    _CountingBody.lines = 0
    outcome = _dkim_outcome(raw, f"v=DKIM1; k=ed25519; p={_ed_p()}", lambda: _CountingBody(signed_view.body_of(raw)))
    assert outcome == "ValidationError"  # body hash mismatch, found in linear work
    assert 1 <= _CountingBody.lines <= raw.count(b"\r\n") + 1


def test_an_ed25519_signature_selects_headers_by_name() -> None:
    """dkimpy's select_headers walks up the header block per h= name; ours reads each name once."""
    from tests.routing.test_dkim_verify import HEADERS, _ed_p, _signed_ed25519

    headers = HEADERS + b"".join(b"X-%d: a\r\n" % i for i in range(2_000))
    names = (b"from", b"subject", *(b"y-%d" % i for i in range(2_000)))
    raw = _signed_ed25519(headers=headers, names=names)
    fields = signed_view.header_block(raw).fields
    verifier = dkim_verify.MailVerifier(fields, lambda: signed_view.body_of(raw))
    verifier._names = _CountingNames(name.lower() for name, _ in fields)  # type: ignore[assignment]
    _CountingNames.reads = 0
    from routing.dns import StaticResolver, dkim_dnsfunc
    from tests.routing.test_dkim_verify import KEY_NAME

    assert verifier.verify(0, dkim_dnsfunc(StaticResolver({KEY_NAME: f"k=ed25519; p={_ed_p()}"})))
    assert _CountingNames.reads <= 3 * len(fields) + len(names)


@pytest.mark.parametrize(("algorithm", "refusal"), [(b"rsa-sha1", "WeakAlgorithmError"),
                                                    (b"ed25519-sha256", "KeyFormatError")])
def test_rsa_sha1_and_a_mismatched_key_are_refused_before_the_body(algorithm: bytes, refusal: str) -> None:
    """rsa-sha1 (RFC 8301 §3.1) and an RSA key for a=ed25519-sha256 (RFC 6376 §6.1.2) are refused without
    reading the body: dkimpy canonicalized a hostile one first (32,000 spaces: 5.5 s)."""
    from tests.routing.test_dkim_verify import _p, _signed

    raw = _signed("1024", (b"relaxed", b"relaxed"), False, None, body=b"ok\r\n")
    raw = raw.replace(b"a=rsa-sha256", b"a=" + algorithm, 1) + b" " * 20_000 + b"x\r\n"
    read: list[int] = []

    def body() -> bytes:
        read.append(1)
        return signed_view.body_of(raw)

    assert _dkim_outcome(raw, f"v=DKIM1; k=rsa; p={_p('1024')}", body) == refusal
    assert read == []
