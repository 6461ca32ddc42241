"""Live secrets in mail text: reset/verification/approval/confirmation/unsubscribe links, one-time
codes, tokens in URLs.

Owns *finding* them (spans and a human name for each kind); :mod:`routing.redact` replaces them.
Works on decoded text (the parser already undid quoted-printable and base64) and on raw HTML
(``&amp;`` forms), and follows a link that a plain-text part hard-wrapped onto the next line.
Never returns or logs the secret itself beyond its span.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import parse_qsl, unquote, urlsplit

_URL = re.compile(r"[hH][tT][tT][pP][sS]?://[^\s<>\"'`]+")
_URL_TAIL = re.compile(r"[A-Za-z0-9._~%+/=&;?#:@$*-]{8,}")
_TRAILING = ".,;:!?)]}>'\""

# link kinds by what the URL says, strongest first
_LINK_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("password reset link", re.compile(
        r"reset.?password|password.?(reset|recovery)|forgot.?password|/resetpassword|/recover(y)?/", re.I)),
    ("unsubscribe link", re.compile(r"unsubscribe|opt.?out|mkt_unsub|/unsub", re.I)),
    ("approval link", re.compile(r"approv", re.I)),
    ("invitation link", re.compile(r"invitation|handshake=", re.I)),
    ("confirmation link", re.compile(r"confirm", re.I)),
    ("verification link", re.compile(r"verif|mfarecovery|validat|activat", re.I)),
    ("sign-in link", re.compile(r"(sign.?in|log.?in|auth)[^?]*\?.*(token|code|ticket)=", re.I)),
)
# words shortly before an opaque link that say what it is (anchor text in HTML renderings)
_CONTEXT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("password reset link", re.compile(r"reset (your |the )?password|password reset", re.I)),
    ("unsubscribe link", re.compile(r"unsubscribe|opt.?out|stop receiving", re.I)),
    ("approval link", re.compile(r"\bapprove\b", re.I)),
    ("confirmation link", re.compile(r"\bconfirm\b", re.I)),
    ("verification link", re.compile(r"\bverify\b|verification", re.I)),
)
_TOKEN_PARAMS = frozenset((
    "token", "code", "key", "sig", "signature", "x-amz-signature", "x-amz-security-token",
    "x-amz-credential", "otp", "auth", "ticket", "mkt_tok", "secret", "session", "sessionid",
    "hash", "nonce", "state", "access_token", "id_token", "refresh_token", "confirmationcode",
    "verificationcode", "magic", "login_token",
))
_RANDOM = re.compile(r"^[A-Za-z0-9_\-+/=.~%]{24,}$")
_CANDIDATE = re.compile(r"(?<![\d.,$€£/-])(\d{3}[ -]\d{3}|\d{4,8})(?![\d%]|[.,]\d)")
_CODE_BEFORE = re.compile(
    r"(?:(?:verification|security|one[- ]time|confirmation|authentication|sign[- ]?in|access|login|"
    r"otp|pass)\s*(?:code|pin|number)|passcode|\bOTP\b|確認コード|認証コード|検証コード|ワンタイムパスワード"
    r"|\b(?:code|pin)\b(?=(?:\s+is)?\s*[:：]))"
    r"(?:\s+is)?\s*[:：]?\s*(?:\n\s*)?\Z",
    re.IGNORECASE,
)
_CODE_STANDALONE = re.compile(r"^\s*(?P<code>\d{6,8})\s*$", re.MULTILINE)
_CODE_HINTS = ("code", "pin", "otp", "token", "password", "コード", "パスワード")
_CODE_MENTION = re.compile(r"\b(code|コード)\b", re.IGNORECASE)
_TOKEN_TEXT = re.compile(r"\b(?:token|one-time password)\s*[:：]\s*(?P<code>[A-Za-z0-9_\-]{8,})", re.IGNORECASE)


@dataclass(frozen=True, slots=True, order=True)
class Secret:
    """A span of ``text`` that holds a live secret, and what kind it is (e.g. 'one-time code')."""

    start: int
    end: int
    kind: str


def _has_digit_and_letter(value: str) -> bool:
    return any(c.isdigit() for c in value) and any(c.isalpha() for c in value)


@lru_cache(maxsize=8192)
def _url_facts(url: str) -> tuple[str | None, bool, bool]:
    """(kind by the URL itself, has an opaque part, carries a token-like parameter)."""
    plain = unquote(url.replace("&amp;", "&"))
    try:
        parts = urlsplit(plain)
    except ValueError:
        return "link with a token", True, True
    query = parse_qsl(parts.query, keep_blank_values=True)
    path_tokens = [seg for seg in parts.path.split("/") if _RANDOM.match(seg) and _has_digit_and_letter(seg)]
    opaque = bool(query) or bool(path_tokens) or "token" in parts.fragment.lower()
    tokenish = any(
        (name.lower() in _TOKEN_PARAMS and len(value) >= 6)
        or (len(value) >= 24 and _RANDOM.match(value) is not None and _has_digit_and_letter(value))
        for name, value in query
    )
    for kind, pattern in _LINK_KINDS:
        if pattern.search(plain) and (opaque or kind == "unsubscribe link"):
            return kind, opaque, tokenish
    return None, opaque, tokenish


def link_kind(url: str, context: str = "") -> str | None:
    """What secret ``url`` carries ('password reset link', 'link with a token', ...) or None.

    ``context`` is the text just before the link (its anchor text in an HTML rendering)."""
    kind, opaque, tokenish = _url_facts(url)
    if kind:
        return kind
    if opaque and context:
        for context_kind, pattern in _CONTEXT_KINDS:
            if pattern.search(context):
                return context_kind
    return "link with a token" if tokenish else None


def _extend_wrapped(text: str, end: int) -> int:
    """A plain-text link hard-wrapped onto the next line(s): include the continuation."""
    while True:
        i = end
        if text.startswith("\r\n", i):
            i += 2
        elif text.startswith("\n", i):
            i += 1
        else:
            return end
        nxt = text.find("\n", i)
        line = text[i: len(text) if nxt == -1 else nxt].rstrip("\r")
        if (not _URL_TAIL.fullmatch(line) or line.lower().startswith(("http://", "https://"))
                or not (_has_digit_and_letter(line) or any(c in line for c in "=&%_"))):
            return end
        end = i + len(line)


def find_secrets(text: str) -> list[Secret]:
    """Every live secret in ``text`` as (start, end, kind), sorted, non-overlapping."""
    if not text:
        return []
    found: list[Secret] = []
    for match in _URL.finditer(text) if "://" in text else ():
        start, end = match.span()
        while end > start and text[end - 1] in _TRAILING:
            end -= 1
        url = text[start:end]
        if "?" in url and end < len(text) and text[end:end + 1] in ("\n", "\r"):
            end = _extend_wrapped(text, end)
            url = text[start:end].replace("\r", "").replace("\n", "")
        line_start = text.rfind("\n", 0, max(0, start - 1))
        context = text[max(line_start, start - 120, 0):start]
        kind = link_kind(url, context)
        if kind:
            found.append(Secret(start, end, kind))
    lowered = text.lower()
    hinted = any(hint in lowered for hint in _CODE_HINTS)
    for match in _CANDIDATE.finditer(text) if hinted else ():
        # a number right after "verification code:", "your code is", "確認コード:" ...
        if _CODE_BEFORE.search(text, max(0, match.start() - 60), match.start()):
            found.append(Secret(match.start(1), match.end(1), "one-time code"))
    for match in _TOKEN_TEXT.finditer(text) if ("token" in lowered or "one-time password" in lowered) else ():
        found.append(Secret(match.start("code"), match.end("code"), "token"))
    # a code on a line of its own, right after a line that talks about a code
    for match in _CODE_STANDALONE.finditer(text) if hinted else ():
        before = text[max(0, match.start() - 200):match.start()]
        if _CODE_MENTION.search(before):
            found.append(Secret(match.start("code"), match.end("code"), "one-time code"))
    return _merge(found)


def _merge(found: list[Secret]) -> list[Secret]:
    out: list[Secret] = []
    for secret in sorted(found):
        if out and secret.start < out[-1].end:
            last = out[-1]
            if secret.end > last.end:
                out[-1] = Secret(last.start, secret.end, last.kind)
            continue
        out.append(secret)
    return out


def secret_kinds(*texts: str) -> tuple[str, ...]:
    """The kinds of secret found in any of ``texts`` (sorted, unique); never the values."""
    kinds = {secret.kind for text in texts for secret in find_secrets(text)}
    return tuple(sorted(kinds))
