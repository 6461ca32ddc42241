"""The slow-but-linear paths a sender could still reach, made cheap: tests count work (calls, reads, regex
positions), never time (see tests/routing/test_hostile_complexity.py for the method).

* secrets: hard-wrapped link lines were followed again from every link that starts in them (each line up to
  MAX_WRAPPED_LINES times, the link so far joined and decoded again per line); each rule reads at most
  MAX_READS_PER_RULE findings per text, the rest of the text is removed whole;
* redact: ``Redactor.scrub`` tried every value at every position (values x text); one pass now;
* DKIM key records (published by any signing domain): longer than MAX_KEY_RECORD_BYTES not parsed, RSA keys
  over MAX_RSA_KEY_BITS or with an exponent outside [3, 2**32) (or even) refused before any arithmetic.
"""

from __future__ import annotations

import base64
from typing import Any

import dkim
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing import dkim_verify, redact, secrets, signed_view
from tests.routing.test_hostile_complexity import count_regex_work
from tests.routing.test_secret_scans import _plain_values_pattern

# ---------------------------------------------------------------- secrets: hard-wrapped links


def _lines(unit: str, count: int) -> str:
    return "".join(unit.replace("{i}", str(100_000 + i)) for i in range(count))


# a link broken in its host name whose every next line goes on with it (each join is followed for 12 lines)
HOST_BREAKS = "signin.aws.amazon{i}\n.com/reset?x={i}\n"
WRAPPED = "https://x{i}.example/verify?token=abcd{i}\nefgh5678ijkl{i}\n"
BEFORE_QUERY = "https://x.example/a/b{i}\n?token=abc{i}\n"


class _CountingContinuation:
    def __init__(self) -> None:
        self.calls = 0
        self._real = secrets._continuation

    def __call__(self, *args: Any, **kwargs: Any) -> int:
        self.calls += 1
        return self._real(*args, **kwargs)


@pytest.mark.parametrize("unit", [HOST_BREAKS, WRAPPED, BEFORE_QUERY])
@pytest.mark.parametrize("default_deny", [False, True])
def test_a_wrapped_line_is_decided_a_bounded_number_of_times(
        monkeypatch: pytest.MonkeyPatch, unit: str, default_deny: bool) -> None:
    """Every link that starts in a run of wrapped lines followed each line again (and joined and decoded the
    link so far again per line): 12 decisions per line break for HOST_BREAKS. A decision depends only on
    the line break and five facts of the link so far (_LinkSoFar): taken once per both."""
    text = _lines(unit, 400)
    counting = _CountingContinuation()
    monkeypatch.setattr(secrets, "_continuation", counting)
    secrets.find_secrets(text, default_deny=default_deny)
    assert counting.calls <= 2 * text.count("\n")


@pytest.mark.parametrize("unit", [HOST_BREAKS, WRAPPED, BEFORE_QUERY, "https://x.example/a?b={i}\n"])
def test_wrapped_links_cost_linear_regex_work(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    """The link so far was joined (``_LINE_BREAK.sub`` over all its lines) again per added line: a link of k
    lines read 1 + 2 + ... + k lines (HOST_BREAKS: 51 positions per character); it grows by each added line
    now, so a line is read once per link that reaches it (at most MAX_WRAPPED_LINES + 1: 7 per character)."""
    text = _lines(unit, 400)
    work = count_regex_work(monkeypatch, secrets)
    secrets.find_secrets(text)
    assert work.by_name.get("routing.secrets._LINE_BREAK", 0) <= secrets.MAX_WRAPPED_LINES * len(text)


def test_wrapped_links_are_found_as_before() -> None:
    text = "Reset: https://signin.aws.amazon.com/resetpassword?token=ab\ncd1234efgh\n\nThanks\n"
    found = secrets.find_secrets(text)
    assert [(text[s.start:s.end], s.kind) for s in found] == [
        ("https://signin.aws.amazon.com/resetpassword?token=ab\ncd1234efgh", "password reset link")]
    broken = "Open signin.aws.amazon\n.com/reset/x?token=abcd1234 now"
    assert [s.kind for s in secrets.find_secrets(broken)] == ["password reset link"]


class _CountingSpan:
    def __init__(self) -> None:
        self.calls = 0
        self._real = secrets._url_span

    def __call__(self, *args: Any, **kwargs: Any) -> secrets.Secret | None:
        self.calls += 1
        return self._real(*args, **kwargs)


@pytest.mark.parametrize("unit", ["https://x.example/a?b={i}\n", HOST_BREAKS, "see a{i}.b.example/x?y now "])
def test_links_read_per_text_are_bounded_and_the_rest_is_removed(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    """Each link costs tens of microseconds of Python (urlsplit, parse_qsl, the kind patterns): a megabyte of
    them took seconds. At most MAX_READS_PER_RULE are read per text; the text from the next one to the end is
    one unread span (removed, never a value scrubbed elsewhere)."""
    limit = secrets.MAX_READS_PER_RULE
    text = "Hello\n" + _lines(unit, limit + 500) + "tail"
    counting = _CountingSpan()
    monkeypatch.setattr(secrets, "_url_span", counting)
    found = secrets.find_secrets(text)
    assert counting.calls <= limit
    assert found[-1].kind == secrets.UNREAD_KIND and found[-1].end == len(text)
    assert found[0].start > len("Hello\n") - 1
    assert secrets.secret_values(text, [s for s in found if s.kind not in secrets.GENERIC_KINDS]) <= {
        v for s in found[:-1] for v in secrets.secret_values(text, [s])}
    assert redact.redact_text(text).endswith(redact.marker(secrets.UNREAD_KIND))


@pytest.mark.parametrize(("unit", "function"), [
    ("code: {i}\n", "_code_after"), ("verify: {i}\n", "_candidate_ok"), ("{i} is your code ", "_codes_before"),
    ("Code\n{i}\n", "_word_is_about_a_secret")])
def test_code_findings_read_per_text_are_bounded(monkeypatch: pytest.MonkeyPatch, unit: str, function: str) -> None:
    """Code words, weak words, standalone codes: tens of microseconds each (25,000 "code: 123456" lines in
    a megabyte: 4 s). At most MAX_READS_PER_RULE per rule and text."""
    limit = secrets.MAX_READS_PER_RULE
    text = _lines(unit, 3 * limit)
    calls = [0]
    real = getattr(secrets, function)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(secrets, function, counting)
    found = secrets.find_secrets(text)
    assert calls[0] <= 4 * limit  # each rule once per finding it reads (some read a word's neighbours too)
    assert found[-1].kind == secrets.UNREAD_KIND and found[-1].end == len(text)


def test_default_deny_tokens_read_per_text_are_bounded() -> None:
    text = " ".join(str(100_000 + i) for i in range(3 * secrets.MAX_READS_PER_RULE))
    found = secrets.find_secrets(text, default_deny=True)
    assert len(found) <= secrets.MAX_READS_PER_RULE + 1
    assert found[-1].kind == secrets.UNREAD_KIND and found[-1].end == len(text)


def test_mail_within_the_bound_is_read_as_before() -> None:
    text = "".join(f"Line {i}: https://x.example/a?b={i}\n" for i in range(50)) + \
        "Your verification code: 482913\n"
    found = secrets.find_secrets(text)
    assert all(s.kind != secrets.UNREAD_KIND for s in found)
    assert found[-1].kind == "one-time code"


def test_an_unread_span_stays_one_when_merged() -> None:
    merged = secrets._merge([secrets.Secret(0, 100, secrets.UNREAD_KIND),
                             secrets.Secret(10, 20, "password reset link")])
    assert merged == [secrets.Secret(0, 100, secrets.UNREAD_KIND)]
    merged = secrets._merge([secrets.Secret(0, 20, "password reset link"),
                             secrets.Secret(10, 100, secrets.UNREAD_KIND)])
    assert merged == [secrets.Secret(0, 100, secrets.UNREAD_KIND)]


# ---------------------------------------------------------------- redact: one pass for every value


SCRUB_PIECES = ["4", "8", "2", "9", "1", "a", "Z", ".", "-", " ", "\u00a0", "\u2013", "/", "٤", "²", "_", "x",
                "48", "482", "4829", "a4", "Z9Z9", "48-29", "4 8"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.lists(st.sampled_from(SCRUB_PIECES), min_size=1, max_size=4).map("".join), min_size=1, max_size=8),
       st.lists(st.sampled_from(SCRUB_PIECES), max_size=30), st.integers(min_value=0, max_value=8))
def test_one_pass_scrub_equals_the_pattern_of_every_value(values: list[str], pieces: list[str], shown: int) -> None:
    text = "".join(pieces[:10] + values[:shown] + pieces[10:])
    plain = _plain_values_pattern(tuple(values))
    assert plain is not None
    assert redact.Redactor(values=tuple(values)).scrub(text) == plain.sub(redact.SCRUBBED, text)


class _CountingText(str):
    """A text that counts the characters its ``in`` tests and indexing read."""

    read = 0

    def __contains__(self, value: object) -> bool:
        type(self).read += len(self)
        return str.__contains__(self, value)  # type: ignore[operator]

    def __getitem__(self, index: Any) -> str:
        type(self).read += 1
        return str.__getitem__(self, index)


def test_scrub_reads_the_text_a_bounded_number_of_times() -> None:
    """``value in text`` per value, then the alternation of the values tried at every position: values x
    text (2,000 digit values over 64 KB: 4.6 s). The one-pass scan reads each start's characters as far as
    some value goes."""
    values = tuple(f"https://x.example/reset?token=abc{i:06d}" for i in range(2000)) + \
        tuple(str(4_000_000_000 + 7919 * i) for i in range(2000))
    body = "see https://x.example/a and 4000000000 or 12 34 " * 400
    _CountingText.read = 0
    out = redact.Redactor(values=values).scrub(_CountingText(body))
    assert out == _plain_values_pattern(values).sub(redact.SCRUBBED, body)  # type: ignore[union-attr]
    assert _CountingText.read <= 4 * len(body)


def test_scrub_with_an_empty_value_uses_the_pattern() -> None:
    assert redact.Redactor(values=("", "4829")).scrub("a 4829 b") == "a [removed: secret] b"


# ---------------------------------------------------------------- DKIM key records


def _der_length(size: int) -> bytes:
    if size < 0x80:
        return bytes([size])
    encoded = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes([0x80 | len(encoded)]) + encoded


def _der_integer(value: int) -> bytes:
    encoded = value.to_bytes(value.bit_length() // 8 + 1, "big")
    return b"\x02" + _der_length(len(encoded)) + encoded


def _rsa_record(modulus: int, exponent: int) -> bytes:
    body = _der_integer(modulus) + _der_integer(exponent)
    return b"v=DKIM1; k=rsa; p=" + base64.b64encode(b"\x30" + _der_length(len(body)) + body)


def _odd(bits: int) -> int:
    return (1 << (bits - 1)) | (0x5555 << 8) | 1


class _CountingRecord(bytes):
    """A key record that counts how often it is parsed (dkimpy's parse_tag_value strips it first)."""

    parses = 0

    def strip(self, chars: Any = None) -> bytes:
        type(self).parses += 1
        return bytes.strip(self, chars)


def _signed_mail() -> bytes:
    from tests.routing.test_dkim_verify import _signed

    return _signed("1024", (b"relaxed", b"relaxed"), False, None, body=b"ok\r\n")


def _verify(raw: bytes, record: bytes) -> tuple[str, list[int]]:
    read: list[int] = []

    def body() -> bytes:
        read.append(1)
        return signed_view.body_of(raw)

    dkim_verify._keys.clear()
    verifier = dkim_verify.MailVerifier(signed_view.header_block(raw).fields, body)
    try:
        outcome = "pass" if verifier.verify(0, lambda name, timeout=5: record) else "fail"
    except Exception as exc:
        outcome = type(exc).__name__
    return outcome, read


def test_an_overlong_key_record_is_not_parsed() -> None:
    """dkimpy reads the modulus a byte at a time (quadratic: a 64 KB record, 400,000 bits, 1.3 s); a record
    over MAX_KEY_RECORD_BYTES is no usable key, not parsed."""
    record = _rsa_record(_odd(400_000), 3)
    assert len(record) > dkim_verify.MAX_KEY_RECORD_BYTES
    _CountingRecord.parses = 0
    assert _verify(_signed_mail(), _CountingRecord(record)) == ("fail", [])
    assert _CountingRecord.parses == 0


@pytest.mark.parametrize(("modulus_bits", "exponent"), [
    (16_384, 65537), (8_192 + 8, 65537), (8_192, _odd(8_191)), (4_096, 2**32 + 1), (2_048, 65536), (2_048, 1)],
    ids=["16384-bit", "8200-bit", "8191-bit exponent", "33-bit exponent", "even exponent", "exponent 1"])
def test_rsa_keys_outside_the_bounds_are_refused_before_any_arithmetic(modulus_bits: int, exponent: int) -> None:
    """A modulus over MAX_RSA_KEY_BITS (RFC 8301 §3.2: verifiers must take 1024-4096 bits) or an exponent that is
    even or outside [3, 2**32): dkimpy ran pow(s, e, n) on it (an 8192-bit exponent: 1.9 s a signature). Refused
    as no usable key, before the body is read."""
    record = _rsa_record(_odd(modulus_bits), exponent)
    assert len(record) <= dkim_verify.MAX_KEY_RECORD_BYTES
    with pytest.raises(dkim.KeyFormatError):
        dkim_verify._public_key(b"s._domainkey.x.example.", record)
    assert _verify(_signed_mail(), record) == ("fail", [])


def test_keys_within_the_bounds_are_verified_as_before() -> None:
    from tests.routing.test_dkim_verify import _p

    raw = _signed_mail()
    assert _verify(raw, f"v=DKIM1; k=rsa; p={_p('1024')}".encode())[0] == "pass"
    assert _verify(raw, f"v=DKIM1; k=rsa; p={_p('e3')}".encode())[0] == "fail"  # another key, exponent 3
    key = dkim_verify._public_key(b"s._domainkey.x.example.", _rsa_record(_odd(dkim_verify.MAX_RSA_KEY_BITS), 65537))
    assert key.keysize == dkim_verify.MAX_RSA_KEY_BITS


# ---------------------------------------------------------------- redact: HTML attribute texts, From/Sender values


def _html_mail(markup: str, headers: bytes = b"") -> bytes:
    return (b"From: a@b.example\r\nTo: root@example.com\r\nSubject: hi\r\n" + headers + b"MIME-Version: 1.0\r\n"
            b"Content-Type: text/html; charset=utf-8\r\n\r\n" + markup.encode())


def test_attribute_texts_past_the_bound_are_scanned_as_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each alt/title text was a scan of its own (40,000 alt texts: 2.5 s a mail); past MAX_ATTRIBUTE_TEXTS the
    rest are one text. A secret in a late one is still found."""
    from routing.parse import parse_mail
    from routing.types import Notice

    count = 5 * redact.MAX_ATTRIBUTE_TEXTS
    markup = "".join(f'<img alt="picture {i}">' for i in range(count)) + '<img alt="Your code: 482913">'
    raw = _html_mail(markup)
    parsed = parse_mail(raw)
    calls = [0]
    real = redact.find_secrets

    def counting(*args: Any, **kwargs: Any) -> list[secrets.Secret]:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(redact, "find_secrets", counting)
    rendering = redact.render(parsed, Notice(), None, raw=raw)
    assert calls[0] <= redact.MAX_ATTRIBUTE_TEXTS + 10
    assert "one-time code" in rendering.secret_kinds
    assert "482913" in rendering.redactor.values


@pytest.mark.parametrize("sender", [b"(" * 2000, b"a:" * 2000])
def test_an_unreadable_sender_is_the_stricter_rule_not_a_crash(sender: bytes) -> None:
    """email.utils.getaddresses recurses per nested comment or group: a Sender header of 500 "(" raised
    RecursionError in render, every time the mail was tried. An unreadable From/Sender now applies
    default-deny (the family is unknown)."""
    from routing.parse import parse_mail
    from routing.types import Notice

    raw = _html_mail("<p>Code 482913</p>", b"Sender: " + sender + b"\r\n")
    parsed = parse_mail(raw)
    assert redact.default_deny_applies(parsed, Notice())
    rendering = redact.render(parsed, Notice(), None, raw=raw)
    assert rendering.default_deny and "482913" not in rendering.internal_text


def test_invisible_characters_are_dropped_without_a_match_per_character(monkeypatch: pytest.MonkeyPatch) -> None:
    """_visible tried _INVISIBLE on every character of a text holding one zero-width space (a pattern call
    each: a third of a second per megabyte); the invisible ones are found in one scan now."""
    text = "co\u200bde: 482913\n" * 2000
    work = count_regex_work(monkeypatch, secrets)
    view, offsets = secrets._visible(text)
    assert view == text.replace("\u200b", "") and offsets is not None
    assert [text[i] for i in offsets] == list(view)
    assert work.calls.get("routing.secrets._INVISIBLE", 0) <= 3


# ---------------------------------------------------------------- secrets: code words found as they are read

WORD_PIECES = ["code", "Code", "passcode", "Bestätigungscode", "verification number", "pin", "PIN", "otp", "tan",
               "código", "codice", "コード", "認証番号", "코드", "인증 번호", "one-time password", " ", "\n", ":",
               "482913", "x", "é", "İ", "K", "_", "codes", "code1", "Verify", "sign-in", "Log in", "MFA", "key",
               "Schlüssel", "temporary password", "Passwort", "contraseña", "パスワード", "token", "TOKEN: ", "=",
               "abcdefgh1"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(WORD_PIECES), max_size=20))
def test_code_words_found_as_read_equal_the_sorted_lists(pieces: list[str]) -> None:
    text = "".join(pieces)
    lowered = text.lower()
    lazy = [(w.begin, w.stop, w.value) for w in secrets._code_words(text, lowered)]
    listed = [(m.start(), m.end(), m.group(0)) for m in secrets._literal_matches(
        secrets._CODE_WORD, secrets._CODE_WORD_STARTS, text, lowered, "", secrets._CODE_WORD_STARTS_ASCII)]
    suffixed = []
    for start, stop in secrets._code_suffixes(text, lowered):
        begin = start
        while begin > 0 and start - begin < 30 and text[begin - 1].isalpha():
            begin -= 1
        suffixed.append((begin, stop, text[begin:stop]))
    hinted = any(map(lowered.__contains__, secrets._CODE_WORD_HINTS))
    assert lazy == sorted((listed if hinted else []) + (suffixed if "code" in lowered else []), key=lambda w: w[0])
    for pattern, starts, ascii_starts in (
            (secrets._CODE_WORD, secrets._CODE_WORD_STARTS, secrets._CODE_WORD_STARTS_ASCII),
            (secrets._WEAK_WORD, secrets._WEAK_WORD_STARTS, secrets._WEAK_WORD_STARTS_ASCII),
            (secrets._PASSWORD_WORD, secrets._PASSWORD_WORD_STARTS, secrets._PASSWORD_WORD_STARTS_ASCII),
            (secrets._TOKEN_TEXT, secrets._TOKEN_TEXT_STARTS, secrets._TOKEN_TEXT_STARTS)):
        assert [m.span() for m in secrets._lazy_literal_matches(pattern, starts, text, lowered, ascii_starts)] == \
            [m.span() for m in pattern.finditer(text)]


def test_code_words_past_the_bound_are_not_looked_for(monkeypatch: pytest.MonkeyPatch) -> None:
    """All code words of a text were listed and sorted before the first was read (25,000 of them per 300 KB of
    "認証コード123456。"); they are found as read now, and no more than the bound plus one is made."""
    text = _lines("認証コード{i}。code {i} ", 5 * secrets.MAX_READS_PER_RULE)
    made = [0]
    real = secrets._Word

    def counting(*args: Any) -> Any:
        made[0] += 1
        return real(*args)

    monkeypatch.setattr(secrets, "_Word", counting)
    found = secrets.find_secrets(text)
    assert found[-1].kind == secrets.UNREAD_KIND
    assert made[0] <= 3 * secrets.MAX_READS_PER_RULE


@pytest.mark.parametrize("unit", ["/a{i}\n", "x{i}?\n", "a.b{i}\n/x\n"])
def test_broken_link_joins_looked_at_per_text_are_bounded(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    """Every line break before a line with "/", "?" or "#" was a join looked at (a pattern match, a head read
    back), read or not: a megabyte of such lines 0.5-0.7 s. At most MAX_READS_PER_RULE joins are looked at."""
    limit = secrets.MAX_READS_PER_RULE
    text = "Hi\n" + _lines(unit, 5 * limit)
    work = count_regex_work(monkeypatch, secrets)
    found = secrets.find_secrets(text)
    assert work.calls.get("routing.secrets._BROKEN_LINK", 0) <= 2 * limit + 2  # a try that fails, then one that joins
    assert found[-1].kind == secrets.UNREAD_KIND and found[-1].end == len(text)


def test_token_parameters_looked_at_per_text_are_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every "name=" place of a token parameter was tried before the first was read (a megabyte of "token=N&":
    0.7-0.9 s); they are tried as read now, at most MAX_READS_PER_RULE found."""
    limit = secrets.MAX_READS_PER_RULE
    text = _lines("token={i}abc&", 5 * limit)
    work = count_regex_work(monkeypatch, secrets)
    found = secrets.find_secrets(text)
    assert work.calls.get("routing.secrets._TOKEN_QUERY", 0) <= 2 * limit + 2  # "&token=" and "token=" places
    assert found[-1].kind == secrets.UNREAD_KIND and found[-1].end == len(text)


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(["token", "code", "sig", "=", "&", "?", "#", ";", "abcd", "12345", " ", "t", "k",
                                 "TOKEN", "x-amz-signature", "K", "İ", "/", "\n"]), max_size=20))
def test_token_parameters_found_as_read_equal_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [m.span() for m in secrets._token_query_iter(text, text.lower())] == \
        [m.span() for m in secrets._TOKEN_QUERY.finditer(text)]
