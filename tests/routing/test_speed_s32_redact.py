"""Session 32's faster forms of the render stage give exactly what their plain forms give: routing.secrets's
``_link_ends_at`` (a link's continuation decided from the line after its break alone, before the link so far is
unescaped and unquoted) answers True only where ``_continuation`` returns the break itself for every link so far
(every combination of :class:`_LinkSoFar`'s facts, all it reads of the link); ``_url_facts``'s opaque test with
the path segments asked only when there is no query, against the plain list of path tokens; ``_url_spans``
against the same scan with every continuation decided by ``_continuation`` (the form before); a default-deny
token's short-length answer against the plain test; and routing.redact's ``_FoundStarts`` (the scrub scan's starts
found by ``str.find`` of first-and-second characters) against the compiled starts pattern, on generated and
adversarial inputs."""

from __future__ import annotations

import dataclasses
import itertools
import re
from urllib.parse import parse_qsl, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import redact, secrets

# every _LinkSoFar: _continuation reads nothing else of the link so far
ALL_SO_FAR = [secrets._LinkSoFar(*facts) for facts in itertools.product((False, True), repeat=5)]

LINE_PIECES = ["https://x.example/a", "\n", "\r\n", "\r", " ", "\t", "?", "&", "#", "=", "/", "%", ".", ",", ")",
               "a=1", "token=Q7K2XM9P", "Q7K2XM9PZ4", "abc", "This", "link", "expires", "Ab3dEf7hIj9kLm1n",
               "ABCDEFGHijklmnop", "www.x.example/", "x.example/path", "<", ">", "\"", "'", "9", "-", "_", "word."]


def _plain_span(text: str, start: int, end: int, default_deny: bool) -> secrets.Secret | None:
    """``_url_span`` as it was: every line break after a link decided by ``_continuation`` with the link so far."""
    decided: dict[tuple[int, secrets._LinkSoFar], int] = {}
    joined: str | None = None
    for _ in range(secrets.MAX_WRAPPED_LINES):
        if end >= len(text) or text[end] not in "\r\n":
            break
        if joined is None:
            joined = secrets._LINE_BREAK.sub("", text[start:end])
        key = (end, secrets._link_so_far(secrets._clear(joined)))
        extended = decided.get(key)
        if extended is None:
            extended = decided[key] = secrets._continuation(text, end, key[1], default_deny)
        if extended == end:
            break
        joined += secrets._LINE_BREAK.sub("", text[end:extended])
        end = extended
    trimmed = end
    while end > start and text[end - 1] in secrets._TRAILING:
        end -= 1
    if joined is not None:
        url = joined[:len(joined) - (trimmed - end)]
    else:
        url = text[start:end]
        if "\n" in url:
            url = secrets._LINE_BREAK.sub("", url)
    kind = secrets.link_kind(url, secrets._context_before(text, start), default_deny=default_deny)
    return secrets.Secret(start, end, kind) if kind else None


def _check_ends_at(text: str) -> None:
    for at in range(len(text) + 1):
        for default_deny in (False, True):
            if secrets._link_ends_at(text, at, default_deny):
                for so_far in ALL_SO_FAR:
                    assert secrets._continuation(text, at, so_far, default_deny) == at, (text, at, so_far)


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=14) | st.text(st.sampled_from("a9Z =&?#/%.,)\n\r\t<"),
                                                                     max_size=40))
def test_link_ends_at_only_where_every_continuation_ends(pieces: list[str] | str) -> None:
    _check_ends_at("".join(pieces))


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), max_size=24))
def test_url_spans_equal_the_scan_with_every_continuation_decided(pieces: list[str]) -> None:
    text = "".join(pieces)
    for default_deny in (False, True):
        for match in secrets._url_matches(text):
            fast = secrets._url_span(text, match.start(), match.end(), default_deny)
            assert fast == _plain_span(text, match.start(), match.end(), default_deny), (text, match.span())
        for match in secrets._broken_links(text):
            fast = secrets._url_span(text, match.start(), match.end(), default_deny)
            assert fast == _plain_span(text, match.start(), match.end(), default_deny), (text, match.span())
    secrets.forget_values()


def test_link_ends_at_examples() -> None:
    for text in ("https://x.example/reset?token=abc\n\nThis link expires.",
                 "https://x.example/reset?token=abc\nQ7K2XM9PZ4 more words",
                 "https://x.example/reset?token=abc\nQ7K2XM9PZ4\n\nend",
                 "https://x.example/a\n  ?b=1\n", "https://x.example/a\n  next line\n",
                 "https://x.example/a\r\n&b=1\r\n", "https://x.example/a\r\nhttps://y.example/b\r\n",
                 "https://signin.aws.amazon\n.com/reset\n", "see https://x.example/a\nword.\n"):
        _check_ends_at(text)
    assert secrets._link_ends_at("a\n\nb", 1, False)
    assert not secrets._link_ends_at("a\n?b=1", 1, False)


URL_PIECES = ["https://x.example", "x.example", "/", "?", "#", "&", "=", "a", "b=1", "token=abcdef", "t=Q7K2XM9PZ4",
              "Ab3dEf7hIj9kLm1n", "ABCDEFGHijklmnopQR", "12345678", "abcdefgh1", "image.png", "%2F", "!", "/!",
              "path", "seg9", "..", "[", ":80", "unsubscribe", "reset-password", "verify"]


def _plain_opaque(url: str) -> bool:
    plain = secrets._clear(url)
    parts = urlsplit(plain if "://" in plain[:12] else "https://" + plain)
    query = parse_qsl(parts.query, keep_blank_values=True) if parts.query else []
    fragment = parts.fragment
    if "=" in fragment:
        query += parse_qsl(fragment.split("?", 1)[-1], keep_blank_values=True)
    segments = [seg for seg in parts.path.split("/") if seg]
    path_tokens = [seg for seg in segments
                   if len(seg) >= 8 and (secrets._has_digit_and_letter(seg) or secrets._opaque_token(seg))]
    bare_fragment = fragment.strip("/!")
    fragment_token = "token" in fragment.lower() or ("/" not in bare_fragment and secrets._opaque_token(bare_fragment))
    return bool(query) or bool(path_tokens) or fragment_token or any(
        len(run) >= 8 and secrets._has_digit(run) for run in secrets._ALNUM_RUN.findall(fragment))


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=12))
def test_url_facts_opaque_equals_the_plain_path_tokens(pieces: list[str]) -> None:
    url = "".join(pieces)
    try:
        expected = _plain_opaque(url)
    except ValueError:
        return  # (a broken host: _url_facts's own answer, not this test's)
    if secrets._CLICK_WRAPPER.search(url) or "://" in url[8:]:
        return  # wrapper links: opaque whatever their parts (their own branches)
    _, opaque, _, _ = secrets._url_facts(url)
    secrets.forget_values()
    assert opaque == expected, url


def _plain_code_like(token: str, keep: frozenset[str]) -> bool:
    compact = token if token.isalnum() else "".join(filter(str.isalnum, token))
    if compact in keep:
        return False
    digits = sum(map(str.isdigit, compact))
    if digits == 0:
        return False
    return digits >= 4 or len(compact) >= 6


@settings(max_examples=3000, deadline=None)
@given(st.text(st.sampled_from("0123456789aZ- .\u0663\u00b2\uff11"), max_size=9),
       st.sampled_from([frozenset(), frozenset({"123"}), frozenset({"1234"}), frozenset({"12"})]))
def test_code_like_short_tokens_as_the_plain_test(token: str, keep: frozenset[str]) -> None:
    assert secrets._is_code_like(token, keep) == _plain_code_like(token, keep), token


def _compiled_starts(values: tuple[str, ...]) -> re.Pattern[str]:
    """routing.redact._starts's pattern, compiled whatever the number of needles (the form before _FoundStarts)."""
    seconds: dict[str, set[str] | None] = {}
    for value in values:
        after = seconds.setdefault(value[0], set())
        if after is None:
            continue
        if len(value) == 1:
            seconds[value[0]] = None
            continue
        after.add(value[1])
        if value.isdigit():
            after.update(redact._SEPARATORS)
    firsts = redact._class(seconds)
    alternatives = (re.escape(first) + ("" if after is None else f"(?={redact._class(after)})")
                    for first, after in sorted(seconds.items()))
    return re.compile(f"(?:{'|'.join(alternatives)})(?<![A-Za-z0-9]{firsts})")


START_VALUE_PIECES = ["h", "t", "4", "8", "a", "Z", "-", ".", " ", "\u00a0", "]", "\\", "^", "\n", "é", "\u2011"]
START_TEXT_PIECES = [*START_VALUE_PIECES, "ht", "https://", "48", "4 8", "4-8", "aZ", "9", "b", "x4", "Zh", "44"]


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.text(st.sampled_from(START_VALUE_PIECES), min_size=1, max_size=4), min_size=1, max_size=5)
       | st.lists(st.sampled_from(["482913", "4", "https://x", "h", "a-b", "ZZ", "8 8"]), min_size=1, max_size=4),
       st.lists(st.sampled_from(START_TEXT_PIECES), max_size=30))
def test_found_starts_are_the_compiled_pattern_matches(values: list[str], pieces: list[str]) -> None:
    text = "".join(pieces)
    starts = redact._starts(tuple(values))
    compiled = _compiled_starts(tuple(values))
    expected = [m.span() for m in compiled.finditer(text)]
    assert [m.span() for m in starts.finditer(text)] == expected, (values, text)
    scan = redact._value_scan(tuple(values))
    assert scan is not None
    assert scan.sub(text) == dataclasses.replace(scan, starts=compiled).sub(text)
    redact.forget_mail_values()


def test_found_starts_only_for_few_needles() -> None:
    assert isinstance(redact._starts(("https://x.example/a", "Q7K2XM9PZ4")), redact._FoundStarts)
    assert isinstance(redact._starts(("482913",)), redact._FoundStarts)  # 4 then 8 or a separator: 10 needles
    assert isinstance(redact._starts(("482913", "739205")), re.Pattern)  # 20 needles: the pattern
    many = tuple(f"{chr(97 + i)}{chr(98 + i)}" for i in range(redact.MAX_START_NEEDLES + 1))
    assert isinstance(redact._starts(many), re.Pattern)
