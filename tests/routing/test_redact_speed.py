"""The faster forms behind the redact stage give exactly what their plain forms give: in routing.secrets
the character tests by ``map`` (``_has_digit_and_letter``, ``_looks_random``), the cached values of a
link-like secret (``_link_values`` in ``secret_values``), a link's context read back at most 120
characters (``_context_before``), a link's facts with the length tests first (``_url_facts``); in
routing.redact the From and Sender values in one pass (``from_and_sender``)."""

from __future__ import annotations

import itertools
import re
from urllib.parse import parse_qsl, urlsplit

from hypothesis import given, settings
from hypothesis import strategies as st

from routing import redact, secrets
from routing.types import ParsedMail

CHARS = ["a", "Z", "q", "K", "0", "7", "²", "٤", "ǅ", "ß", "ı", "İ", "é", "É", "ж", "Ж", "_", "-", "/", " ", "Ⅻ", "ⅻ",
         "Ａ", "ａ", "１", "コ", "인"]
URL_PIECES = ["https://", "example.com", "/", "?", "&", "=", "#", "%", "%25", "%3D", "&amp;", "token", "code", "sig",
              "Q7K2XM482913ab", "abcdefghijklmnopQRSTUVWX", "aBcDeFgHiJkLmNoPqR", "482913", "reset", "x", " ", "\n",
              "482 913", "482-913", ".", "_", "é", "４８２"]


def _plain_has_digit_and_letter(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


def _plain_looks_random(value: str) -> bool:
    if len(value) < 16:
        return False
    if _plain_has_digit_and_letter(value):
        return True
    switches = sum(1 for a, b in itertools.pairwise(value) if a.islower() and b.isupper())
    return switches >= 3 and sum(c.isupper() for c in value) * 4 >= len(value)


def _plain_secret_values(text: str, found: list[secrets.Secret]) -> set[str]:
    values: set[str] = set()
    for secret in found:
        value = secrets.ascii_forms(text[secret.start:secret.end])
        if "\n" in value:
            value = secrets._LINE_BREAK.sub("", value)
        values.add(value)
        if any(c in value for c in "/?#=") and secret.kind != "one-time password":
            plain = secrets._clear(value)
            values.add(plain)
            for name, token in secrets._query_pairs(plain):
                if name.lower() in secrets._TOKEN_PARAMS and len(token) >= 6:
                    values.add(token)
            values.update(piece for piece in secrets._URL_PIECE.split(plain) if _plain_looks_random(piece))
        elif secret.kind != "one-time password":
            values.add(re.sub(secrets._SEPARATOR, "", value))
    return {v for v in values if len(v) >= 4}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(CHARS), max_size=40))
def test_character_tests_equal_plain_forms(chars: list[str]) -> None:
    value = "".join(chars)
    assert secrets._has_digit_and_letter(value) == _plain_has_digit_and_letter(value)
    assert secrets._looks_random(value) == _plain_looks_random(value)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(URL_PIECES), max_size=20),
       st.sampled_from(["link", "code-like token", "one-time password", "one-time code", "password reset link"]))
def test_secret_values_equal_plain_form(pieces: list[str], kind: str) -> None:
    text = "see " + "".join(pieces) + " end"
    found = [secrets.Secret(4, len(text) - 4, kind)] if len(text) > 8 else []
    assert secrets.secret_values(text, found) == _plain_secret_values(text, found)
    # and on what the scans themselves find (default-deny finds the most)
    found = secrets.find_secrets(text, default_deny=True)
    assert secrets.secret_values(text, found) == _plain_secret_values(text, found)


def test_link_values_of_a_reset_link() -> None:
    link = "https://signin.example.com/resetpassword?token=Q7K2XM482913abcd&amp;lang=en"
    # the token parameter, and the same token again as a random piece of the link
    assert secrets._link_values(link) == (
        "https://signin.example.com/resetpassword?token=Q7K2XM482913abcd&lang=en", "Q7K2XM482913abcd",
        "Q7K2XM482913abcd")


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["a", " ", "\n", "xyz" * 20, "\r\n", "https://x.example/"]), max_size=30),
       st.integers(min_value=0, max_value=800))
def test_link_context_equals_plain_form(pieces: list[str], start: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    line_start = text.rfind("\n", 0, max(0, start - 1))
    assert secrets._context_before(text, start) == text[max(line_start, start - 120, 0):start]


def test_clear_is_cached_and_unchanged() -> None:
    url = "https://x.example/a?b=%253D&amp;c=1"
    assert secrets._clear(url) == "https://x.example/a?b==&c=1"
    assert secrets._clear.cache_info().currsize >= 1


HEADER_NAMES = ["From", "FROM", "from", "Sender", "SENDER", "sender", "Fromx", "From ", "Reply-To", "İfrom",
                "From\u0130", "Sendér", "ſender", "Kfrom", "To", "X-Sender", ""]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(HEADER_NAMES), st.sampled_from(["a@b.c", "x <y@z.example>", ""])),
                max_size=12))
def test_from_and_sender_equal_header_all(headers: list[tuple[str, str]]) -> None:
    parsed = ParsedMail(subject="", from_address="", from_name="", to=(), cc=(), message_id="", in_reply_to="",
                        references=(), date=None, text="", html="", html_text="", headers=tuple(headers),
                        attachments=(), defects=(), size=0)
    assert redact.from_and_sender(parsed) == [*parsed.header_all("From"), *parsed.header_all("Sender")]


# the link facts as first read: the same four answers for every link (a deeper nesting, the same cut-off)
def _plain_url_facts(url: str, nesting: int = 0) -> tuple[str | None, bool, bool, bool]:
    """The facts of a link as first read (before the length tests first and the map digit tests)."""
    if nesting > secrets.MAX_LINK_NESTING:
        return "link with a token", True, True, True
    wrapped = secrets._CLICK_WRAPPER.search(url)
    if wrapped:
        # an SES click-tracking link (``…awstrack.me/L0/<encoded target>/1/<tail>``): what it carries
        # is what its target carries; its own tail is opaque (a token under default-deny)
        kind, _, tokenish, _ = _plain_url_facts(secrets._clear(wrapped.group("target")), nesting + 1)
        return kind, True, tokenish, True
    plain = secrets._clear(url)
    try:
        parts = urlsplit(plain if "://" in plain[:12] else "https://" + plain)
    except ValueError:
        return "link with a token", True, True, True
    query = parse_qsl(parts.query, keep_blank_values=True)
    fragment = parts.fragment
    if "=" in fragment:
        query += parse_qsl(fragment.split("?", 1)[-1], keep_blank_values=True)
    segments = [seg for seg in parts.path.split("/") if seg]
    path_tokens = [seg for seg in segments
                   if (secrets._has_digit_and_letter(seg) and len(seg) >= 8) or secrets._opaque_token(seg)]
    bare_fragment = fragment.strip("/!")
    # a fragment that is one opaque token (``#Q7K2XM…``), not a console route with resource ids
    fragment_token = "token" in fragment.lower() or ("/" not in bare_fragment and secrets._opaque_token(bare_fragment))
    opaque = bool(query) or bool(path_tokens) or fragment_token or any(
        any(c.isdigit() for c in run) and len(run) >= 8 for run in secrets._ALNUM_RUN.findall(fragment))
    tokenish = fragment_token or any((name.lower() in secrets._TOKEN_PARAMS and len(value) >= 4)
                                     or secrets._opaque_token(value) for name, value in query)
    anything = opaque or bool(parts.query) or any(c.isdigit() or c == "=" for c in fragment) \
        or any(any(c.isdigit() for c in seg) and len(seg) >= 6 for seg in segments)
    # the kind's condition before its search: a link that is not opaque can only be an unsubscribe link
    ascii_form = plain.isascii()
    searched, kinds = (plain.lower(), secrets._LINK_KINDS_ASCII) if ascii_form else (plain, secrets._LINK_KINDS)
    for kind, pattern in kinds:
        if (opaque or kind == "unsubscribe link") and secrets._kind_found(kind, pattern, searched, ascii_form):
            return kind, opaque, tokenish, anything
    # a wrapper (tracking, safe links) whose parameter or path carries another link
    for _, value in query:
        if "://" in value or value.startswith("www."):
            inner = _plain_url_facts(value, nesting + 1)
            if inner[0] or inner[2]:
                return inner[0] or "link with a token", True, True, True
    return None, opaque, tokenish, anything


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from([*URL_PIECES, "awstrack.me/L0/https:%2F%2Fx.example%2Freset%3Ft=1/1/", "#/",
                                 "#!/a", "abc123def", "a1b2c3d4e5", "unsubscribe", "?u=https://", "www.", "%2F",
                                 "ab12cd", "verify", "sign-in", "login?code=", "a.png", "123456"]), max_size=16),
       st.integers(min_value=0, max_value=10))
def test_url_facts_equal_the_plain_reading(pieces: list[str], nesting: int) -> None:
    url = "".join(pieces)
    secrets.forget_values()
    assert secrets._url_facts(url, nesting) == _plain_url_facts(url, nesting)
