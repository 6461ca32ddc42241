"""Live secrets in mail text: reset/verification/approval/confirmation/unsubscribe links, one-time
codes, tokens in URLs, AWS secret access keys named as such.

Owns *finding* them (spans and a human name for each kind); :mod:`routing.redact` replaces them.
Two rules:

* **ordinary mail** (``default_deny=False``): links are secrets by what they say (reset, verify,
  approve, token parameters, random path or fragment tokens; with or without a scheme, HTML
  entities, percent-encoded targets inside tracking wrappers), codes by proximity to a code word in
  English, German, Spanish, French, Portuguese, Italian, Japanese, Chinese and Korean, before or
  after the code (``Verification code: 482913``, ``482913 is your AWS sign-in code``,
  ``인증 코드는 482913입니다``), digit codes also spaced or grouped (``4 8 2 9 1 3``, ``482-913``) and
  alphanumeric codes (``Q7K2XM``);
* **root-credential and verification mail** (``default_deny=True``): additionally every code-like
  token (4 or more digits, also spaced or grouped; 6 or more letters and digits with at least one
  digit; long random strings) and every URL that carries anything token-like (a query, a fragment
  with a value, a path segment with digits), whatever the wording.

Works on decoded text (the parser undid quoted-printable and base64) and on raw HTML (``&amp;``
forms), follows a link hard-wrapped onto the next line (also when the break is before the ``?``),
and reads full-width digits and letters as their ASCII forms. Never returns or logs the secret
itself beyond its span.
"""

from __future__ import annotations

import bisect
import heapq
import html
import operator
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Protocol, TypeVar
from urllib.parse import parse_qsl, unquote, urlsplit

from routing.patterns import FOLDS_TO_ASCII, matches_at

# full-width ASCII forms (Ｑ７Ｋ２ＸＭ, ４８２９１３) read as ASCII; same length, so spans stay valid
_FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")

_URL_CHARS = r"[^\s<>\"'`\u3000-\u303f\uff08\uff09]"
_URL = re.compile(
    r"[hH][tT][tT][pP][sS]?://" + _URL_CHARS + "+"
    # without a scheme: a host name with a dot followed by a path, query or fragment
    r"|(?:(?<=\n/)|(?<=\n//)|(?<![\w@./:%-]))"
    r"(?:[A-Za-z0-9-]{1,63}\.){1,10}[A-Za-z]{2,24}(?::\d{1,5})?[/?#]" + _URL_CHARS + "*"
)
MAX_WRAPPED_LINES = 12  # continuation lines followed after a link (a wrapped 1,000-character link)
#: findings one rule reads one by one in one text (links with their wrapped lines, code words, standalone
#: codes, token parameters, default-deny tokens): each costs tens of microseconds of Python, and a sender
#: can pack a megabyte with them (a line of hard-wrapped link every 40 bytes: 14 s per MB). Real mail holds
#: at most a dozen per text (samples, corpora, fixtures); past this many, the text from the next one to its
#: end is removed whole (:data:`UNREAD_KIND`) instead of read, so a text costs a bounded number of reads
MAX_READS_PER_RULE = 1_000
#: the kind of a span no rule read (past :data:`MAX_READS_PER_RULE`): removed whole, never a value
UNREAD_KIND = "text past the scan limit"
_FIRST_WORD = re.compile(r"[^\s<>\"'`]+")
_LINE_BREAK = re.compile(r"\r?\n[ \t]*")
_BROKEN_LINK = re.compile(r"(?<!\S)(?P<head>[^\s<>\"'`]{2,200})\r?\n[ \t]*(?P<tail>[^\s<>\"'`]*[/?#][^\s<>\"'`]*)")
# where a _BROKEN_LINK match's line break is: every match holds this right after its head (see _broken_links);
# the "\n" of the break, the rest a look-ahead (a literal first: re scans for it fast, "\r?\n" would be tried
# at every position), the "\r" before it read back by _broken_links
_BROKEN_LINK_BREAK = re.compile(r"\n(?=[ \t]*[^\s<>\"'`/?#]*[/?#])")
_HEAD_CHAR = re.compile(r"[^\s<>\"'`]")  # a character of _BROKEN_LINK's head
_URL_TAIL = re.compile(r"[A-Za-z0-9._~%+/=&;?#:@$*!,-]+")
# where a link without a scheme may start: at a run of host-name characters that ends with "." (a run
# after "." cannot start one: _URL's look-behind refuses "."), the host name then going on (every such
# _URL match does; a word ending a sentence does not): found
# from that "." (a literal first: re scans for it fast), which the next label (or the top-level domain)
# follows, then ".", ":", "/", "?" or "#"; see _url_matches. Only the next label is looked at: a look
# ahead over the whole rest of the host name from every "." of "a.a.a.…" would be quadratic
_HOST_DOT = re.compile(r"\.(?=[A-Za-z0-9-]{1,63}[.:/?#])")
_HOST_CHAR_STRING = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-"
_HOST_CHARS = frozenset(_HOST_CHAR_STRING)
_HOST_AT_0 = re.compile(r"[A-Za-z0-9-]+\.")
_TAIL_START = "?&#=/%"
_TRAILING = ".,;:!?)]}>'\"。、"

# link kinds by what the URL says, strongest first
_LINK_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("password reset link", re.compile(
        r"reset.?password|password.?(reset|recovery)|forgot.?password|/resetpassword|/recover(y)?/|/reset/", re.I)),
    ("unsubscribe link", re.compile(r"unsubscribe|opt.?out|mkt_unsub|/unsub", re.I)),
    ("approval link", re.compile(r"approv", re.I)),
    ("invitation link", re.compile(r"invitation|handshake=", re.I)),
    ("confirmation link", re.compile(r"confirm", re.I)),
    ("verification link", re.compile(r"verif|mfarecovery|validat|activat", re.I)),
    ("sign-in link", re.compile(r"(sign.?in|log.?in|auth)[^?#]*[?#].*(token|code|ticket)=", re.I)),
)
# _LINK_KINDS for an ASCII link, searched in its lower-cased form: the same patterns case-sensitive (each is
# written in lower case; re then scans for their leading literals fast). The same kinds: on ASCII text lower()
# maps each letter to the one form a case-insensitive match accepts, and "." and "[^?#]" read no case
# (tests/routing/test_secret_scans.py compares both)
_LINK_KINDS_ASCII: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (kind, re.compile(pattern.pattern)) for kind, pattern in _LINK_KINDS)
# The sign-in kind's pattern searched as written costs quadratic time: from every "sign in", "login" or "auth"
# its "[^?#]*[?#].*" runs to the end of the line and back ("auth?" x 16,000 in one link: over 25 s). The
# same answer in linear work (_sign_in_link): its word (every start; one end each), the first "?" or "#"
# after it, then a "token=", "code=" or "ticket=" after that "?"/"#" on the same line ("." stops at "\n").
# Each pair: case-insensitive for any text, lower case and case-sensitive for a lower-cased ASCII link (as
# _LINK_KINDS_ASCII); tests/routing/test_hostile_complexity.py compares with the pattern
_SIGN_IN_KIND = "sign-in link"
_SIGN_IN_WORD = re.compile(r"(?=(sign.?in|log.?in|auth))", re.I)
_SIGN_IN_WORD_ASCII = re.compile(r"(?=(sign.?in|log.?in|auth))")
_SIGN_IN_VALUE = re.compile(r"(?:token|code|ticket)=", re.I)
_SIGN_IN_VALUE_ASCII = re.compile(r"(?:token|code|ticket)=")
_QUERY_MARK = re.compile(r"[?#]")
# for each kind of _LINK_KINDS_ASCII, groups of lower-case literals such that every match of its pattern holds one
# literal of each group (read off the patterns: each alternative's literal characters, "." and "?" left out). A
# lower-cased link holding no literal of a group cannot match, so its search is skipped: one ``in`` (a fast
# substring scan, 0.1-0.2 us over a 300-character link) instead of a regex search whose alternatives start with
# common letters (2-5 us each, 6 kinds over every link of every mail: tracking links of 300+ characters). Same
# kinds (tests/routing/test_speed_s27a.py compares with the plain searches)
_LINK_KIND_LITERALS: dict[str, tuple[tuple[str, ...], ...]] = {
    # reset.?password|password.?(reset|recovery)|forgot.?password|/resetpassword|/recover(y)?/|/reset/
    "password reset link": (("password", "/recover", "/reset/"),),
    # unsubscribe|opt.?out|mkt_unsub|/unsub
    "unsubscribe link": (("unsub", "opt"),),
    "approval link": (("approv",),),
    "invitation link": (("invitation", "handshake="),),
    "confirmation link": (("confirm",),),
    "verification link": (("verif", "mfarecovery", "validat", "activat"),),
    # (sign.?in|log.?in|auth)[^?#]*[?#].*(token|code|ticket)=
    _SIGN_IN_KIND: (("token=", "code=", "ticket="), ("sign", "log", "auth")),
}
#: wrapper links followed inside one another (a tracking link carrying a safe link carrying the target): a
#: link nested deeper is a link with a token. Each level reads the rest of the link again, and Python's
#: recursion limit ends 500 levels ("?u=https://" x 16,000: RecursionError); real mail nests 2 or 3
MAX_LINK_NESTING = 8
# words shortly before an opaque link that say what it is (anchor text in HTML renderings)
_CONTEXT_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("password reset link", re.compile(
        r"reset (your |the )?password|password reset|passwort zurücksetzen|restablecer (la |tu |su )?contraseña"
        r"|réinitialiser (votre |le )?mot de passe|redefinir (a |sua )?senha|reimposta(re)? (la )?password"
        r"|パスワードをリセット|パスワードの再設定|重置密码|重設密碼|비밀번호 재설정", re.I)),
    ("unsubscribe link", re.compile(r"unsubscribe|opt.?out|stop receiving|abbestellen|darse de baja|désabonner",
                                    re.I)),
    ("approval link", re.compile(r"\bapprove\b|genehmigen|aprobar|approuver|aprovar|approvare", re.I)),
    ("confirmation link", re.compile(r"\bconfirm\b|bestätigen|confirmar|confirmer|confermare|確認|确认|확인", re.I)),
    ("verification link", re.compile(
        r"\bverify\b|verification|verifizieren|verificar|vérifier|verificare|認証|验证|驗證|인증", re.I)),
)
# _CONTEXT_KINDS for ASCII context, searched in its lower-cased form: only the ASCII alternatives, lower
# case, case-sensitive (re scans these fast). The same kinds: a dropped alternative holds a non-ASCII
# letter (ü, é, ñ, CJK, Hangul) that no ASCII character matches even case-insensitively (only İ ı ſ K
# fold onto ASCII letters), and on ASCII text lower() maps each letter to the one form a
# case-insensitive match accepts (tests/routing/test_secret_scans.py compares both)
_CONTEXT_KINDS_ASCII: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("password reset link", re.compile(
        r"reset (your |the )?password|password reset|redefinir (a |sua )?senha|reimposta(re)? (la )?password")),
    ("unsubscribe link", re.compile(r"unsubscribe|opt.?out|stop receiving|abbestellen|darse de baja")),
    ("approval link", re.compile(r"\bapprove\b|genehmigen|aprobar|approuver|aprovar|approvare")),
    ("confirmation link", re.compile(r"\bconfirm\b|confirmar|confirmer|confermare")),
    ("verification link", re.compile(r"\bverify\b|verification|verifizieren|verificar|verificare")),
)
# for each kind of _CONTEXT_KINDS_ASCII, lower-case literals one of which every match of its pattern holds (each
# alternative's literal characters): lower-cased context without one is passed over without the search. An
# opaque link (every tracking link) reads its context with the five patterns, 1-2 us each; the ``in`` tests cost
# 0.1 us. Same kinds (tests/routing/test_speed_s27a.py)
_CONTEXT_KIND_LITERALS: dict[str, tuple[str, ...]] = {
    # reset (your |the )?password|password reset|redefinir (a |sua )?senha|reimposta(re)? (la )?password
    "password reset link": ("password", "senha"),
    # unsubscribe|opt.?out|stop receiving|abbestellen|darse de baja
    "unsubscribe link": ("unsubscribe", "opt", "stop receiving", "abbestellen", "darse de baja"),
    # \bapprove\b|genehmigen|aprobar|approuver|aprovar|approvare ("approv" is in approve and approvare)
    "approval link": ("approv", "genehmigen", "aprobar", "approuver", "aprovar"),
    # \bconfirm\b|confirmar|confirmer|confermare
    "confirmation link": ("confirm", "confermare"),
    # \bverify\b|verification|verifizieren|verificar|verificare
    "verification link": ("verif",),
}
_TOKEN_PARAMS = frozenset((
    "token", "code", "key", "sig", "signature", "x-amz-signature", "x-amz-security-token",
    "x-amz-credential", "otp", "auth", "ticket", "mkt_tok", "secret", "session", "sessionid",
    "hash", "nonce", "state", "access_token", "id_token", "refresh_token", "confirmationcode",
    "verificationcode", "magic", "login_token", "t", "k", "c", "pin", "passcode", "reset", "recovery",
))
_ALNUM_RUN = re.compile(r"[A-Za-z0-9]+")
_CLICK_WRAPPER = re.compile(r"^(?:[^/]*//)?[^/]+/C?L0/(?P<target>[^/\s]+)/\d+/")
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_\-+/=.~%]+")
_FILE_NAME = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|ico|css|js|html?|pdf|txt|xml|json)$", re.IGNORECASE)

# ---------------------------------------------------------------- codes by proximity to a code word

# a candidate code: digits (4-10, spaced or grouped) or 6-12 letters and digits with a digit
_CANDIDATE_BODY = (
    r"(?:\d(?:\s{1,3}\d){3,9}"  # 4 8 2 9 1 3, also one digit a line (digits in boxes)
    r"|\d{1,7}(?:[ \u00a0\u2009\u202f\-\u2010\u2011\u2013.]\d{1,7}){1,9}"
    r"|(?=[A-Za-z0-9-]{0,24}\d)[A-Za-z0-9]{2,10}(?:-[A-Za-z0-9]{2,10}){1,3}"  # Q7K-2XM, ABCD-1234
    r"|(?=[A-Za-z0-9]{0,11}\d)[A-Za-z0-9]{4,12}"
    r"|\d{4,10}(?!\d))"  # digits of other scripts (٤٨٢٩١٣)
)
_CANDIDATE = re.compile(r"(?<![A-Za-z0-9_$€£¥.,/\-#@])(?P<code>" + _CANDIDATE_BODY + r")(?![A-Za-z0-9_%@]|[.,/:]\d)")
# code words: compounds ending in "code" (Bestätigungscode), código/codice, the CJK and Korean words
_CODE_WORD = re.compile(
    r"(?:verification|security|confirmation|authentication|one[- ]time)\s+(?:number|pin|password)"
    r"|c[óo]digo|codice|\bclave\b|\bpin\b|\botp\b|one[- ]time password|\btan\b"
    r"|コード|ワンタイムパスワード|認証番号|確認番号|暗証番号"
    r"|验证码|驗證碼|校验码|校驗碼|确认码|確認碼|安全码|安全碼|动态码|動態碼|代码|代碼|一次性密码|一次性密碼"
    r"|动态密码|動態密碼|动态口令|動態口令"
    r"|코드|인증\s?번호|확인\s?번호|일회용\s?비밀번호",
    re.IGNORECASE,
)
# words whose value follows right after a colon or "is" (temporary passwords; a password named so alone, "Your new
# password is: …", "Kennwort: …": attacker testing in session 41 found the English and German words alone read as no
# secret where the other languages' were; of 16,103 labelled mails, 2 name a value with a digit so, both reset links)
_PASSWORD_WORD = re.compile(
    r"(?:temporary|one[- ]time|temporäres|einmal|temporal|temporaire|temporária|temporanea)\s*"
    r"(?:password|passwort|kennwort|contraseña|mot de passe|senha)|einmalpasswort|contraseña|mot de passe|senha"
    r"|(?<![a-z])(?:password|passwort|kennwort)|パスワード|密码|密碼|비밀번호",
    re.IGNORECASE,
)
# "code" words that are not about a secret
_NOT_A_SECRET_CODE = re.compile(
    r"(?:postal|zip|post|area|country|region|promo(?:tional)?|coupon|discount|voucher|gift|tax|error|status"
    r"|http|response|event\s*type|type|product|service|reason|source|sort|currency|language|airport|bank|swift"
    r"|qr|bar|sample|example|program|programm|erro|erreur|errore|fehler|estado|país|pays|paese|país)\s*$",
    re.IGNORECASE,
)
_NOT_A_SECRET_WORD = re.compile(
    r"^(?:en|de|un|uni|geo|op|trans|bar|post|zip|promo|source|error|status|fehler|gutschein|rabatt|aktions|länder"
    r"|programm|quell|event|qr)code$",
    re.IGNORECASE,
)
_NOT_A_SECRET_AFTER = re.compile(
    r"^\s*(?:postal|postale|de\s+(?:erro|error|erreur|estado|país)|d'erreur|di\s+errore|fiscal|de\s+barras"
    r"|of\s+conduct|samples?\b|examples?\b)",
    re.IGNORECASE,
)
# between a code word and its code: no digit, no sentence end, no new paragraph
_AFTER_WORD = re.compile(r"[\s:：]{0,40}|[^\d\n.。!?！？]{0,60}")
_TIGHT = re.compile(
    r"[\s:：=]{0,40}(?:(?:is|ist|lautet|es|est|é|è|wird|sera|será|sarà)\s*[:：]?\s*)?"
    r"|\s*(?:は|是|为|為|는|은|：|:)\s*"
)
_COPULA = re.compile(r"\s*(?:is|ist|es|est|é|è|是|为|為|は|が|이|가|은|는)(?![A-Za-z])", re.IGNORECASE)
_ENDS_WITH_COPULA = re.compile(
    r"(?:(?<![A-Za-z])(?:is|ist|lautet|es|est|é|è|será|sera|sarà)|[:：=]|は|是|为|為|는|은)\s*$", re.IGNORECASE)
_BEFORE_WORD = re.compile(r"[^\d\n.。!?！？]{0,40}")
_CODE_STANDALONE = re.compile(r"^[ \t>]*(?P<code>" + _CANDIDATE_BODY + r")[ \t.]*$", re.MULTILINE)
# a line break after which _CODE_STANDALONE matches (a literal first: re scans for it fast); see _standalone_codes.
# Its first look-ahead is implied by the second (every _CANDIDATE_BODY alternative opens with a digit or with
# letters, digits and "-" that reach a digit within 25 characters, and none opens with " ", tab or ">"): a
# cheap one-class test that turns away most lines before the five alternatives are tried (same positions,
# tests/routing/test_secret_scans.py; the break scan 9.5 -> 5.3 us per sample mail)
_DIGIT_SOON = r"(?=[ \t>]*[A-Za-z0-9-]{0,24}\d)"
_CODE_STANDALONE_AFTER = re.compile(
    r"\n" + _DIGIT_SOON + r"(?=[ \t>]*(?:" + _CANDIDATE_BODY + r")[ \t.]*$)", re.MULTILINE)
_TOKEN_TEXT = re.compile(
    r"\b(?:token|one-time password)\s*[:：]\s*(?P<code>[A-Za-z0-9_\-]{8,})", re.IGNORECASE)
# words that name a code only when the code follows right after a colon or "is": "Verification: 482913"
_WEAK_WORD = re.compile(
    r"\b(?:verification|verify|sign[- ]?in|log[- ]?in|authentication|2fa|mfa|bestätigung|anmeldung|verificación"
    r"|vérification|verificação|verifica|key|schlüssel|clé|chave|chiave|llave)\b|認証|確認|验证|驗證|인증|확인",
    re.IGNORECASE,
)
_WEAK_GAP = re.compile(r"\s*(?:[:：]|\b(?:is|ist|es|est)\b|は|是|为|為|는|은)\s*", re.IGNORECASE)
# words ending in "code" (code, passcode, Bestätigungscode): found by their ending, then read back
_CODE_SUFFIX = re.compile(r"code\b", re.IGNORECASE)
# cheap substring tests before a pattern runs: text without any of them has nothing for that pattern
# (each list begins with the hints common in English mail: a text holding one stops the test early)
_CODE_WORD_HINTS = ("tan", "password", "number", "pin", "códig", "codig", "codice", "clave", "otp", "one-time",
                    "one time", "コード", "ワンタイム", "番号", "码", "碼", "密", "口令", "코드", "번호", "비밀번호")
_WEAK_HINTS = ("sign", "log", "auth", "verif", "key", "vérif", "mfa", "2fa", "bestätig", "anmeld", "schlüssel",
               "clé", "chave", "chiave", "llave", "認証", "確認", "验证", "驗證", "인증", "확인")
_PASSWORD_HINTS = ("password", "passwort", "kennwort", "contraseña", "mot de passe", "senha", "パスワード", "密码",
                   "密碼", "비밀번호")
_HINTS = ("tan", "sign", "code", "log", "auth", "pass", "token", "key", "number", "verif", "pin", "mfa",
          "códig", "codig", "codice", "clave", "otp", "one-time", "one time", "vérif", "2fa", "bestätig", "anmeld",
          "schlüssel", "clé", "chave", "chiave", "llave", "contraseña", "senha", "kennwort", "einmal",
          "コード", "パスワード", "番号", "码", "碼", "密", "口令", "코드", "번호", "비밀", "認証", "確認",
          "验证", "驗證", "인증", "확인")
# the same hints without those holding a non-ASCII character: all an ASCII text can hold (most mail)
_CODE_WORD_HINTS_ASCII, _WEAK_HINTS_ASCII, _PASSWORD_HINTS_ASCII, _HINTS_ASCII = (
    tuple(hint for hint in hints if hint.isascii())
    for hints in (_CODE_WORD_HINTS, _WEAK_HINTS, _PASSWORD_HINTS, _HINTS))

# ---------------------------------------------------------------- default-deny tokens

_SEPARATOR = r"[ \u00a0\u2009\u202f\-\u2010\u2011\u2013.]"
_SEPARATOR_RE = re.compile(_SEPARATOR)
# digit groups joined by single separators (4 8 2 9 1 3, 482-913), and words of letters and digits
# the look-behind after the first character, not before it: re then skips to that character's class
# fast instead of trying the pattern at every position; the same matches as with the look-behind first
# (tests/routing/test_secret_scans.py keeps the plain forms)
_DD_SPACED_DIGITS = re.compile(r"\d(?<![A-Za-z0-9]\d)(?:\s{1,3}\d){3,}(?![A-Za-z0-9])")
_DD_DIGIT_GROUPS = re.compile(r"\d(?<![A-Za-z0-9]\d)\d*(?:" + _SEPARATOR + r"\d+)*(?![A-Za-z0-9])")
_LETTER_OR_DIGIT = "A-Za-z0-9\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0370-\u03ff\u0400-\u04ff"
_DD_WORD = re.compile(f"(?<![{_LETTER_OR_DIGIT}])[{_LETTER_OR_DIGIT}]+(?![{_LETTER_OR_DIGIT}])")
# capitals and digits in short groups (Q7K-2XM, AB12 CD34): one code
_DD_GROUPED_CAPS = re.compile(
    r"[A-Z0-9](?<![A-Za-z0-9][A-Z0-9])[A-Z0-9]{1,9}(?:[ \u00a0\-][A-Z0-9]{2,10})+(?![A-Za-z0-9])")
# the groups possessive ({2,10}+): a group that gave back a character would leave a letter or digit
# where "-" or the end must follow, so re's backtracking into a group never finds a match (the same
# matches as without, tests/routing/test_secret_scans.py; 35 % less time on the samples)
_DD_GROUPED_DASHED = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]{2,10}+(?:-[A-Za-z0-9]{2,10}+)+(?![A-Za-z0-9])")
# a "-" that can end the first group of a _DD_GROUPED_DASHED match (see _grouped_dashed)
_GROUP_DASH = re.compile(r"-(?<=[A-Za-z0-9]{2}-)(?=[A-Za-z0-9]{2})")
_ASCII_ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
_INVISIBLE = re.compile("[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u206f\ufeff]")
# a character either of them finds: text without one is its own ascii_forms and _visible view
_FULLWIDTH_OR_INVISIBLE = re.compile(f"[{_FULLWIDTH_CHAR.pattern[1:-1]}{_INVISIBLE.pattern[1:-1]}]")
_DD_LONG = re.compile(r"(?<![A-Za-z0-9_\-+/=])[A-Za-z0-9_\-+/=]{16,}(?![A-Za-z0-9_\-+/=])")
_ANY_DIGIT = re.compile(r"\d")
_QUERY_LINE = re.compile(r"[?&#](?<!\S[?&#])[^\s=]{1,40}=\S+")  # the look-behind second: see _DD_SPACED_DIGITS
_TOKEN_QUERY = re.compile(
    r"(?<![\w/.%-])[?&#;]?(?:" + "|".join(sorted((re.escape(n) for n in _TOKEN_PARAMS if len(n) > 2), key=len,
                                                 reverse=True))
    + r")=[^\s&#<>\"']{4,}", re.IGNORECASE)
_URL_PIECE = re.compile(r"[/?#&=;:]")
_PASSWORD_VALUE = re.compile(r"[^\s\"'<>]{6,64}")
# every L-word (_DD_WORD) with a digit; the only characters of _LETTER_OR_DIGIT that are digits are 0-9,
# so a word holds a digit when the letters it begins with (possessive: never given back) are followed
# by one: a word without a digit fails at its end instead of backtracking through it
_LETTER = _LETTER_OR_DIGIT.replace("0-9", "")
_DD_DIGIT_WORD = re.compile(
    f"(?<![{_LETTER_OR_DIGIT}])[{_LETTER}]*+[0-9][{_LETTER_OR_DIGIT}]*+(?![{_LETTER_OR_DIGIT}])")

# ---------------------------------------------------------------- scanning case-insensitive word patterns fast

# the only characters that re.IGNORECASE matches to an ASCII letter without being one (İ ı ſ K); İ is
# also the only character whose lower case is longer than one character
# lower-case literals one of which every match of the pattern begins with (tests/routing/test_secret_scans.py)
_CODE_WORD_STARTS = (
    "verification", "security", "confirmation", "authentication", "one-time", "one time", "código", "codigo",
    "codice", "clave", "pin", "otp", "tan", "コード", "ワンタイムパスワード", "認証番号", "確認番号", "暗証番号",
    "验证码", "驗證碼", "校验码", "校驗碼", "确认码", "確認碼", "安全码", "安全碼", "动态码", "動態碼", "代码", "代碼",
    "一次性密码", "一次性密碼", "动态密码", "動態密碼", "动态口令", "動態口令", "코드", "인증", "확인", "일회용")
_PASSWORD_WORD_STARTS = ("tempor", "one-time", "one time", "einmal", "contraseña", "mot de passe", "senha",
                         "password", "passwort", "kennwort", "パスワード", "密码", "密碼", "비밀번호")
_WEAK_WORD_STARTS = ("verif", "vérif", "sign", "log", "authentication", "2fa", "mfa", "bestätigung", "anmeldung",
                     "key", "schlüssel", "clé", "chave", "chiave", "llave",
                     "認証", "確認", "验证", "驗證", "인증", "확인")
_TOKEN_TEXT_STARTS = ("token", "one-time password")
#: the words of :data:`_PASSWORD_WORD` that name a password alone, not a temporary one (kind "password")
_BARE_PASSWORD = ("password", "passwort", "kennwort")
# the same literals without those holding a non-ASCII character: all an ASCII text can hold (built once here,
# not skipped one by one per text)
_CODE_WORD_STARTS_ASCII, _PASSWORD_WORD_STARTS_ASCII, _WEAK_WORD_STARTS_ASCII = (
    tuple(literal for literal in starts if literal.isascii())
    for starts in (_CODE_WORD_STARTS, _PASSWORD_WORD_STARTS, _WEAK_WORD_STARTS))
_TOKEN_QUERY_STARTS = tuple(sorted(n for n in _TOKEN_PARAMS if len(n) > 2))
_TOKEN_QUERY_NAMES = frozenset(_TOKEN_QUERY_STARTS)
_TOKEN_QUERY_LENGTHS = tuple(sorted({len(name) for name in _TOKEN_QUERY_NAMES}))
_TOKEN_QUERY_NAME_CHARS = "".join(sorted(set("".join(_TOKEN_QUERY_NAMES))))


def _literal_matches(pattern: re.Pattern[str], starts: tuple[str, ...], text: str, lowered: str,
                     lead: str = "", ascii_starts: tuple[str, ...] | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` for a case-insensitive ``pattern`` every match of which
    begins with one of the lower-case literals ``starts`` (or with one character of ``lead`` right
    before one): the pattern is tried only where ``str.find`` sees a literal in ``lowered`` (the
    lower-cased text), not at every position. Same matches; text holding one of the characters
    that fold to ASCII letters is scanned the plain way (an ASCII text holds none: ``isascii`` costs
    nothing, four ``in`` scans a pass each). ``ascii_starts``: ``starts`` without those holding a
    non-ASCII character (none can occur in an ASCII text), computed once at import by the caller.

    The literals absent from the text (most of them) are passed over by ``filter`` with
    ``lowered.__contains__``, without a step of this loop each; a present one is then found from
    the start again (the same positions as one ``find`` loop per literal)."""
    if not text.isascii() and any(char in text for char in FOLDS_TO_ASCII):
        return list(pattern.finditer(text))
    positions: set[int] = set()
    if lowered.isascii():
        starts = tuple(literal for literal in starts if literal.isascii()) if ascii_starts is None else ascii_starts
    for literal in filter(lowered.__contains__, starts):
        at = lowered.find(literal)
        while at != -1:
            positions.add(at)
            if at and lowered[at - 1] in lead:
                positions.add(at - 1)
            at = lowered.find(literal, at + 1)
    return matches_at(pattern, text, positions)


def _token_query_matches(text: str, lowered: str) -> list[re.Match[str]]:
    """``list(_TOKEN_QUERY.finditer(text))``: a match is a parameter name right before a "=" (after
    one of ``? & # ;`` or not), so the pattern is tried only where a name of
    :data:`_TOKEN_QUERY_NAMES` ends at a "=" of ``lowered`` (and one character before, after a lead
    character): one pass over the "=" instead of a ``str.find`` pass per name. Same matches
    (tests/routing/test_secret_scans.py); text holding a character that folds to ASCII letters is
    scanned the plain way."""
    return list(_token_query_iter(text, lowered))


def _token_query_iter(text: str, lowered: str) -> Iterator[re.Match[str]]:
    """:func:`_token_query_matches` found as they are read. The places before one "=" all lie after the "="
    before it (a name holds no "=", nor does a lead character), so each "=" adds places after all earlier
    ones: tried in order per "=", as ``matches_at`` tries them all sorted (left to right, not overlapping)."""
    if not text.isascii() and any(char in text for char in FOLDS_TO_ASCII):
        yield from _TOKEN_QUERY.finditer(text)
        return
    longest = _TOKEN_QUERY_LENGTHS[-1]
    end = 0
    eq = lowered.find("=")
    while eq != -1:
        # the run of name characters before the "=" (at most the longest name): names fit inside it
        run = eq - max(0, eq - longest) - len(lowered[max(0, eq - longest):eq].rstrip(_TOKEN_QUERY_NAME_CHARS))
        positions: set[int] = set()
        for length in _TOKEN_QUERY_LENGTHS:
            if length > run:
                break
            at = eq - length
            if lowered[at:eq] in _TOKEN_QUERY_NAMES:
                positions.add(at)
                if at and lowered[at - 1] in "?&#;":
                    positions.add(at - 1)
        for at in sorted(positions):
            if at < end:
                continue
            match = _TOKEN_QUERY.match(text, at)
            if match is not None:
                yield match
                end = max(match.end(), at + 1)
        eq = lowered.find("=", eq + 1)


@dataclass(frozen=True, slots=True, order=True)
class Secret:
    """A span of ``text`` that holds a live secret, and what kind it is (e.g. 'one-time code')."""

    start: int
    end: int
    kind: str


class _Found(Protocol):
    def start(self) -> int: ...


_F = TypeVar("_F", bound=_Found)


def _capped(items: Iterable[_F], text: str, found: list[Secret]) -> Iterable[_F]:
    """``items`` (matches or words, in text order), at most :data:`MAX_READS_PER_RULE` of them; when one
    more follows, the text from its start to the end goes into ``found`` as one unread span instead.
    A list or tuple within the bound is returned as it is (nothing to stop: no generator per rule), and
    so is an empty iterator (most rules find nothing in most texts): its first item is read here, the
    rest by :func:`_capped_iter`. The same items in the same order, each read once."""
    if isinstance(items, (list, tuple)) and len(items) <= MAX_READS_PER_RULE:
        return items
    iterator = iter(items)
    first = next(iterator, None)
    if first is None:
        return ()
    return _capped_iter(first, iterator, text, found)


def _capped_iter(first: _F, iterator: Iterator[_F], text: str, found: list[Secret]) -> Iterator[_F]:
    """:func:`_capped` for an iterator whose first item ``first`` was read: read one by one, stopped
    after the bound. The first :data:`MAX_READS_PER_RULE` handed on by ``islice`` (no count kept per item
    here); only then is one more read, as the plain loop reads it (tests/routing/test_speed_s10.py
    compares both)."""
    yield first
    yield from islice(iterator, MAX_READS_PER_RULE - 1)
    more = next(iterator, None)
    if more is not None:
        found.append(Secret(more.start(), len(text), UNREAD_KIND))


def ascii_forms(text: str) -> str:
    """``text`` with full-width ASCII forms as ASCII (same length)."""
    if text.isascii() or _FULLWIDTH_CHAR.search(text) is None:
        return text  # nothing to translate (a translate through a dict costs per character)
    return text.translate(_FULLWIDTH)


def _has_digit(value: str) -> bool:
    return any(map(str.isdigit, value))


def _has_digit_and_letter(value: str) -> bool:
    # map over the str methods: the same tests as a generator over the characters, without a
    # generator step per character (tests/routing/test_redact_speed.py compares both)
    return any(map(str.isdigit, value)) and any(map(str.isalpha, value))


def _looks_random(value: str) -> bool:
    """A long opaque string: digits and letters, or mixed case that is not CamelCase words."""
    if len(value) < 16:
        return False
    if _has_digit_and_letter(value):
        return True
    # the lower-then-upper pairs (a, b) of value, counted as map(and_) over the two tests side by side
    switches = sum(map(operator.and_, map(str.islower, value), map(str.isupper, value[1:])))
    return switches >= 3 and sum(map(str.isupper, value)) * 4 >= len(value)


def _opaque_token(value: str) -> bool:
    """A random-looking token of URL-safe characters (not a file name like ``<hash>.png``)."""
    return (_TOKEN_CHARS.fullmatch(value) is not None and _looks_random(value)
            and _FILE_NAME.search(value) is None)


@lru_cache(maxsize=8192)
def _clear(url: str) -> str:
    """``url`` with HTML entities and (repeated) percent-encoding undone. Cached (like :func:`_url_facts`):
    a mail's link is read in its text, its HTML text and their attributes, and once per wrapped line."""
    plain = html.unescape(url)
    for _ in range(4):
        decoded = unquote(plain)
        if decoded == plain:
            break
        plain = decoded
    return plain


def _sign_in_link(searched: str, ascii_form: bool) -> bool:
    """Whether the sign-in kind's pattern (``_LINK_KINDS``, ``_LINK_KINDS_ASCII`` for a lower-cased ASCII
    link: ``ascii_form``) occurs in ``searched``, in linear work (see :data:`_SIGN_IN_WORD`). Words whose
    first "?"/"#" is the one of the word before are not looked at again, nor a line already searched from
    an earlier "?"/"#" (a window inside one that holds no value holds none)."""
    words, values = (_SIGN_IN_WORD_ASCII, _SIGN_IN_VALUE_ASCII) if ascii_form else (_SIGN_IN_WORD, _SIGN_IN_VALUE)
    last_end = mark = searched_to = -1
    for word in words.finditer(searched):
        end = word.end(1)
        if last_end <= end <= mark:
            continue  # the first "?"/"#" after this word is the one already taken
        last_end = end
        found = _QUERY_MARK.search(searched, end)
        if found is None:
            return False  # nor after any later word
        mark = found.start()
        if mark < searched_to:
            continue
        line_end = searched.find("\n", mark + 1)
        searched_to = len(searched) if line_end == -1 else line_end
        if values.search(searched, mark + 1, searched_to) is not None:
            return True
    return False


def _kind_found(kind: str, pattern: re.Pattern[str], searched: str, ascii_form: bool) -> bool:
    """``pattern.search(searched) is not None`` for a pattern of ``_LINK_KINDS`` (``_LINK_KINDS_ASCII``).
    A lower-cased ASCII link without a literal of one of :data:`_LINK_KIND_LITERALS`' groups is passed
    over without a search (no such literals for the case-insensitive patterns: "\u017f" and "\u212a"
    match "s" and "k" there without lower-casing to them)."""
    if ascii_form:
        for group in _LINK_KIND_LITERALS[kind]:
            if not any(map(searched.__contains__, group)):
                return False
    if kind == _SIGN_IN_KIND:
        return _sign_in_link(searched, ascii_form)
    return pattern.search(searched) is not None


@lru_cache(maxsize=8192)
def _url_facts(url: str, nesting: int = 0) -> tuple[str | None, bool, bool, bool]:
    """(kind by the URL itself, has an opaque part, carries a token-like parameter, carries
    anything token-like at all: the default-deny test). ``nesting``: wrapper links this one is
    inside; deeper than :data:`MAX_LINK_NESTING` it is a link with a token, not read."""
    # complexity 42: one decision table over a URL's parts (wrapper, path, query, fragment); cached per URL
    if nesting > MAX_LINK_NESTING:
        return "link with a token", True, True, True
    wrapped = _CLICK_WRAPPER.search(url)
    if wrapped:
        # an SES click-tracking link (``…awstrack.me/L0/<encoded target>/1/<tail>``): what it carries
        # is what its target carries; its own tail is opaque (a token under default-deny)
        kind, _, tokenish, _ = _url_facts(_clear(wrapped.group("target")), nesting + 1)
        return kind, True, tokenish, True
    plain = _clear(url)
    try:
        parts = urlsplit(plain if "://" in plain[:12] else "https://" + plain)
    except ValueError:
        return "link with a token", True, True, True
    # (parse_qsl of an empty query is []: not called for one. Each length test below comes before the
    # character tests it is and-ed with: a short path segment or fragment run is passed over at once, and
    # _opaque_token needs 16 characters. The digit tests map str.isdigit, as _has_digit_and_letter does;
    # tests/routing/test_redact_speed.py compares with the plain reading)
    query = parse_qsl(parts.query, keep_blank_values=True) if parts.query else []
    fragment = parts.fragment
    if "=" in fragment:
        query += parse_qsl(fragment.split("?", 1)[-1], keep_blank_values=True)
    segments = [seg for seg in parts.path.split("/") if seg]
    bare_fragment = fragment.strip("/!")
    # a fragment that is one opaque token (``#Q7K2XM…``), not a console route with resource ids
    fragment_token = "token" in fragment.lower() or ("/" not in bare_fragment and _opaque_token(bare_fragment))
    # (whether a path segment is a token is asked only when there is no query: the same truth value as
    # ``bool(query) or bool([seg for seg in segments if …])``, the tests having no effect)
    opaque = bool(query) or any(
        len(seg) >= 8 and (_has_digit_and_letter(seg) or _opaque_token(seg)) for seg in segments
    ) or fragment_token or any(len(run) >= 8 and _has_digit(run) for run in _ALNUM_RUN.findall(fragment))
    tokenish = fragment_token or any(
        (name.lower() in _TOKEN_PARAMS and len(value) >= 4) or _opaque_token(value) for name, value in query)
    anything = opaque or bool(parts.query) or "=" in fragment or _has_digit(fragment) \
        or any(len(seg) >= 6 and _has_digit(seg) for seg in segments)
    # the kind's condition before its search: a link that is not opaque can only be an unsubscribe link
    ascii_form = plain.isascii()
    searched, kinds = (plain.lower(), _LINK_KINDS_ASCII) if ascii_form else (plain, _LINK_KINDS)
    for kind, pattern in kinds:
        if (opaque or kind == "unsubscribe link") and _kind_found(kind, pattern, searched, ascii_form):
            return kind, opaque, tokenish, anything
    # a wrapper (tracking, safe links) whose parameter or path carries another link
    for _, value in query:
        if "://" in value or value.startswith("www."):
            inner = _url_facts(value, nesting + 1)
            if inner[0] or inner[2]:
                return inner[0] or "link with a token", True, True, True
    return None, opaque, tokenish, anything


def link_kind(url: str, context: str = "", *, default_deny: bool = False) -> str | None:
    """What secret ``url`` carries ('password reset link', 'link with a token', ...) or None.

    ``context`` is the text just before the link (its anchor text in an HTML rendering). With
    ``default_deny`` every URL with a query, a fragment value or a path segment with digits is one."""
    kind, opaque, tokenish, anything = _url_facts(url)
    if kind:
        return kind
    if opaque and context:
        ascii_context = context.isascii()
        searched = context.lower() if ascii_context else context
        if ascii_context:
            for context_kind, pattern in _CONTEXT_KINDS_ASCII:
                if any(map(searched.__contains__, _CONTEXT_KIND_LITERALS[context_kind])) and pattern.search(searched):
                    return context_kind
        else:
            for context_kind, pattern in _CONTEXT_KINDS:
                if pattern.search(searched):
                    return context_kind
    if tokenish:
        return "link with a token"
    return "link" if default_deny and anything else None


@dataclass(frozen=True, slots=True)
class _LinkSoFar:
    """All :func:`_continuation` reads of the link so far (its plain form): whether it holds "?", "="
    or "#", whether it has a path ("/" after its "//"), whether it ends with a :data:`_TRAILING` or a
    :data:`_TAIL_START` character, and whether it holds ".". A continuation is decided by these and
    the text after the line break alone, so it is decided once per line break and such facts
    (:func:`_url_spans` keeps the answers: a run of wrapped lines is reached from each link that
    starts in it, up to :data:`MAX_WRAPPED_LINES` times)."""

    in_query: bool
    has_path: bool
    ends_trailing: bool
    ends_tail_start: bool
    has_dot: bool


def _link_so_far(url_so_far: str) -> _LinkSoFar:
    return _LinkSoFar("?" in url_so_far or "=" in url_so_far or "#" in url_so_far,
                      "/" in url_so_far.split("//", 1)[-1], url_so_far.endswith(_TRAILING_TUPLE),
                      url_so_far.endswith(_TAIL_START_TUPLE), "." in url_so_far)


_TRAILING_TUPLE = tuple(_TRAILING)
_TAIL_START_TUPLE = tuple(_TAIL_START)


def _next_line(text: str, at: int) -> tuple[int, int, str] | None:
    """The line after the line break at ``at`` (CRLF or LF): where it starts, where its LF is (-1 at the text's end)
    and its text without a trailing CR; None when ``at`` is no line break."""
    if text.startswith("\r\n", at):
        i = at + 2
    elif text.startswith("\n", at):
        i = at + 1
    else:
        return None
    nxt = text.find("\n", i)
    return i, nxt, text[i: len(text) if nxt == -1 else nxt].rstrip("\r")


def _continuation(text: str, at: int, url_so_far: str | _LinkSoFar, default_deny: bool = False) -> int:
    """The end of a link's hard-wrapped continuation on the line after line break ``at`` (or ``at``).

    A continuation is a run of URL characters: the whole next line when it starts with
    ``? & # = / %`` (a break before the query), or the link already has a query or fragment and the
    line looks like token text, or the line ends its paragraph (a wrapped link stands on its own
    lines); or only the first word of a line that goes on with prose, when the link has a query or
    fragment and the word looks like token text (any word, under default-deny)."""
    # complexity 44: one pass over a wrapped link's next line, each branch a documented wrapping case
    following = _next_line(text, at)
    if following is None:
        return at
    i, nxt, line = following
    so_far = url_so_far if isinstance(url_so_far, _LinkSoFar) else _link_so_far(url_so_far)
    body = line.lstrip(" \t")
    in_query = so_far.in_query
    word = _FIRST_WORD.match(line)
    has_path = so_far.has_path
    if body and not _URL_TAIL.fullmatch(body) and word and (in_query or (default_deny and has_path)) and \
            body is line and not so_far.ends_trailing:
        # the link's last characters, then prose on the same line
        piece = word.group(0).rstrip(_TRAILING)
        if len(piece) >= 4 and _URL_TAIL.fullmatch(piece) and not _URL.match(piece) and (
                default_deny or _has_digit_and_letter(piece) or _looks_random(piece)):
            return i + len(piece)
        return at
    if not body or not _URL_TAIL.fullmatch(body) or (_URL.match(body) and body[0] not in _TAIL_START):
        return at  # not URL text, or a link of its own
    if body is not line and body[0] not in _TAIL_START:
        return at  # an indented line continues a link only with ? & # = / %
    tail_like = body[0] in _TAIL_START or so_far.ends_tail_start
    token_text = _has_digit_and_letter(body) or any(c in body for c in "=&%_?#") or _looks_random(body)
    after = -1 if nxt == -1 else text.find("\n", nxt + 1)
    paragraph_end = nxt == -1 or not text[nxt + 1: len(text) if after == -1 else after].strip()
    own_line = paragraph_end and body[-1] not in _TRAILING and (in_query or has_path)
    # a break inside the host name: the rest of the host and the path on the next line
    rest_of_host = not has_path and "/" in body and body[0] not in "/" and (so_far.has_dot or "." in body)
    if tail_like or (in_query and (token_text or default_deny)) or own_line or rest_of_host:
        return i + len(line)
    return at


def _link_ends_at(text: str, at: int, default_deny: bool) -> bool:
    """Whether :func:`_continuation` returns ``at`` for every link so far: ``at`` is no line break, or the
    line after it is empty (white space), or it is no run of URL characters and opens with no word that
    the prose branch would take (an indented line, no first word, or one that is short, no URL tail, a
    link of its own, or no token text), or it is a run of URL characters that is a link of its own or
    indented without a leading ``? & # = / %``. These are the branches of :func:`_continuation` that
    return ``at`` whatever the link so far says (its other branches read it). Same continuations
    (tests/routing/test_speed_s32_redact.py)."""
    following = _next_line(text, at)
    if following is None:
        return True
    line = following[2]
    body = line.lstrip(" \t")
    if not body:
        return True
    if not _URL_TAIL.fullmatch(body):
        # only the prose branch can go on here, and only with a first word that passes its test
        word = _FIRST_WORD.match(line) if body is line else None
        if word is None:
            return True
        piece = word.group(0).rstrip(_TRAILING)
        return not (len(piece) >= 4 and _URL_TAIL.fullmatch(piece) and not _URL.match(piece) and (
            default_deny or _has_digit_and_letter(piece) or _looks_random(piece)))
    return bool(_URL.match(body) and body[0] not in _TAIL_START) or (body is not line and body[0] not in _TAIL_START)


def _url_span(text: str, start: int, end: int, default_deny: bool,
              decided: dict[tuple[int, _LinkSoFar | None], int] | None = None) -> Secret | None:
    """The link at ``text[start:end]`` with its hard-wrapped continuation lines, if it is a secret.
    ``decided``: the continuations of ``text`` decided so far, by line break and :class:`_LinkSoFar`
    (for one ``default_deny``; by line break and None: the break itself where :func:`_link_ends_at` there,
    else -1), kept by the caller across the links of one text."""
    # a link hard-wrapped onto following lines (a break before "?" too, or after a "."); a few at most.
    # The link so far is joined line by line (each line's break dropped as it is added: the same text as
    # _LINE_BREAK.sub over the whole span, whose breaks are each inside one added piece), not again per line
    if decided is None:
        decided = {}
    joined: str | None = None
    for _ in range(MAX_WRAPPED_LINES):
        if end >= len(text) or text[end] not in "\r\n":
            break
        # most links end before an empty line or a line of prose that no link goes on with: the line alone
        # decides that (_link_ends_at), without the link so far (its plain form costs an unescape and
        # repeated unquoting); kept per line break like the continuations. Breaking out with ``joined`` None
        # gives the same url below: the line breaks of text[start:end] are its _LINE_BREAK matches either way
        ends = decided.get((end, None))
        if ends is None:
            ends = decided[(end, None)] = end if _link_ends_at(text, end, default_deny) else -1
        if ends == end:
            break
        if joined is None:
            joined = _LINE_BREAK.sub("", text[start:end])
        key = (end, _link_so_far(_clear(joined)))
        extended = decided.get(key)
        if extended is None:
            extended = decided[key] = _continuation(text, end, key[1], default_deny)
        if extended == end:
            break
        joined += _LINE_BREAK.sub("", text[end:extended])
        end = extended
    trimmed = end
    while end > start and text[end - 1] in _TRAILING:
        end -= 1
    if joined is not None:
        # the trailing characters trimmed are the joined link's last ones: none is a line break or the
        # white space after one (the trimming stops at a line break, and white space is no _TRAILING)
        url = joined[:len(joined) - (trimmed - end)]
    else:
        url = text[start:end]
        if "\n" in url:  # every _LINE_BREAK match holds one
            url = _LINE_BREAK.sub("", url)
    kind = link_kind(url, _context_before(text, start), default_deny=default_deny)
    return Secret(start, end, kind) if kind else None


def _context_before(text: str, start: int) -> str:
    """The text before a link at ``start`` that may say what it is: back to the line break before the
    character before it, at most 120 characters. A line break farther back is not looked for (the
    context starts at ``start - 120`` then): the same text as with ``text.rfind("\n", 0, start - 1)``
    (tests/routing/test_redact_speed.py), without a scan back over a long line."""
    line_start = text.rfind("\n", max(0, start - 121), max(0, start - 1))
    return text[max(line_start, start - 120, 0):start]


def _url_matches(text: str) -> list[re.Match[str]]:
    """``list(_URL.finditer(text))``, _URL tried only where a link can start: 4 or 5 characters
    before "://" (http, https) and at the start of a host-name run followed by a :data:`_HOST_DOT`
    "." (re would try the look-behind-led pattern at every position). Same matches
    (tests/routing/test_secret_scans.py)."""
    return list(_url_match_iter(text))


def _scheme_positions(text: str) -> Iterator[int]:
    """Where a link with a scheme can start, ascending, found as they are read: 0 when a host-name run
    and "." start the text, and 5 and 4 characters before each "://" (never below 0). Two "://" are 3
    or more apart, so the positions of one come after those of the one before: ascending without a
    sort, and only 0 can repeat (a "://" at 4 or 5)."""
    first = 0 if _HOST_AT_0.match(text) else -1
    if first == 0:
        yield 0
    at = text.find("://")
    while at != -1:
        for position in (at - 5, at - 4):
            if position > first:
                yield position
        at = text.find("://", at + 1)


def _url_match_iter(text: str) -> Iterator[re.Match[str]]:
    """:func:`_url_matches` found as they are read: a caller that stops after :data:`MAX_READS_PER_RULE`
    links (:func:`_url_spans`) has not listed the candidates of the rest of the text (every "://" of a
    megabyte of hostile links: tests/routing/test_speed_s11.py counts the look-ups)."""
    pending = _scheme_positions(text)
    position = next(pending, None)  # the next scheme position not yet tried (or skipped inside a link)
    end = 0
    # the first label of a link without a scheme ends at a "." after which the host name goes on to
    # ":", "/", "?" or "#" (_HOST_DOT, a literal first: re scans for it fast); it starts where the run
    # of host-name characters before that "." starts, at most 63 back (a longer run is no label).
    # Those starts grow with their dots (a run holds no "."), so they merge with the scheme positions
    # into the one ascending order the plain scan tries; a dot inside the link found before is passed
    # over at once (its start would be too: it is not after the dot): the next dot is searched for from
    # the end of that link, not read one by one (a tracking link holds 5-10 of them). A _HOST_DOT match is
    # the "." alone (no look-behind), so the search from a position finds the first of finditer's matches
    # at or after it
    at = -1
    while (dot := _HOST_DOT.search(text, max(at + 1, end))) is not None:
        at = dot.start()
        lowest = max(0, at - 64)
        # the run of host-name characters ending at the ".", at most back to lowest (one rstrip, not a loop)
        start = lowest + len(text[lowest:at].rstrip(_HOST_CHAR_STRING))
        if not (start < at and (start == 0 or text[start - 1] not in _HOST_CHARS)):
            continue
        tried = -1  # the last scheme position taken here
        while position is not None and position <= start:
            tried = position
            if position >= end and (match := _URL.match(text, position)) is not None:
                yield match
                end = max(match.end(), position + 1)
            position = next(pending, None)
        if start < end or tried == start:
            continue  # inside the link before, or tried just now as a scheme position
        if (match := _URL.match(text, start)) is not None:
            yield match
            end = max(match.end(), start + 1)
    while position is not None:
        if position >= end and (match := _URL.match(text, position)) is not None:
            yield match
            end = max(match.end(), position + 1)
        position = next(pending, None)


def _head_run(segment: str) -> int:
    """The length of the run of :data:`_HEAD_CHAR` characters that ends ``segment``: after its last
    whitespace (``str.split`` and re's ``\\s`` both read whitespace as ``str.isspace``) and after its
    last ``< > " ' ` `` (tests/routing/test_secret_scans.py compares it with a character-wise scan)."""
    if not segment or segment[-1].isspace():
        return 0
    word = segment.rsplit(None, 1)[-1]
    return len(word) - 1 - max(word.rfind("<"), word.rfind(">"), word.rfind('"'), word.rfind("'"), word.rfind("`"))


def _broken_links(text: str) -> list[re.Match[str]]:
    """``list(_BROKEN_LINK.finditer(text))``, the pattern tried only at the head before each line
    break that :data:`_BROKEN_LINK_BREAK` finds (re would try it at every word). A match's head is
    2-200 head characters ending right at its line break, so it starts where the run of head
    characters before that break starts (a later start would follow a head character, which the
    look-behind refuses). Same matches (tests/routing/test_secret_scans.py)."""
    return list(_broken_link_iter(text))


def _broken_link_iter(text: str) -> Iterator[re.Match[str]]:
    """:func:`_broken_links` found as they are read (a caller that stops early has not looked further)."""
    end = 0
    for brk in _BROKEN_LINK_BREAK.finditer(text):
        start = brk.start()
        if start and text[start - 1] == "\r":
            start -= 1  # a CRLF break: the match's "\r?\n" starts at the "\r"
        lowest = max(end, start - 201)
        start -= _head_run(text[lowest:start])
        if start < end:
            continue
        match = _BROKEN_LINK.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def _url_spans(text: str, default_deny: bool) -> list[Secret]:
    # complexity 16: one scan that also skips continuations already taken by the link before
    found: list[Secret] = []
    if "/" not in text and "?" not in text and "#" not in text:
        return found
    decided: dict[tuple[int, _LinkSoFar | None], int] = {}
    reads = 0  # links read (with their wrapped lines), of both kinds: at most MAX_READS_PER_RULE
    for match in _url_match_iter(text):
        if found and match.start() < found[-1].end:
            continue  # inside the wrapped continuation of the link before
        if reads == MAX_READS_PER_RULE:
            found.append(Secret(match.start(), len(text), UNREAD_KIND))
            return found
        reads += 1
        secret = _url_span(text, match.start(), match.end(), default_deny, decided)
        if secret:
            found.append(secret)
    # a link broken inside its scheme or host name ("https://abcd\n.r.example/…", "signin.aws.amazon\n.com/…"):
    # the last word of a line joined with a next line that carries the path, query or fragment
    if "\n" in text:
        starts = [secret.start for secret in found]
        # every join is a finding of this rule, read or passed over: at most MAX_READS_PER_RULE of them
        for match in _capped(_broken_link_iter(text), text, found):
            head = match.group("head")
            # a host name broken before one of its dots ("email-verification\n.us-east-1.amazonaws.com/…"):
            # the head is then a bare label, and the tail goes on with the dot
            if ("." not in head and "://" not in head
                    and not (match.group("tail").startswith(".") and _HOST_CHARS.issuperset(head))):
                continue
            # skip a join that overlaps a link already found (found is sorted by start)
            at = bisect.bisect_right(starts, match.end()) - 1
            if at >= 0 and found[at].end > match.start():
                continue
            if reads == MAX_READS_PER_RULE:
                found.append(Secret(match.start(), len(text), UNREAD_KIND))
                break
            reads += 1
            secret = _url_span(text, match.start(), match.end(), default_deny, decided)
            if secret:
                found.append(secret)
    return found


_DATE = re.compile(r"\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{4}")
_YEAR = re.compile(r"(?:19|20)\d\d")


def _candidate_ok(code: str, *, tight: bool) -> bool:
    """A candidate is a code: 6-12 letters and digits, or 4-10 digits that are not a date (a bare
    year only right after its code word)."""
    if any(c.isalpha() for c in code):
        return len(code) >= 6
    digits = sum(c.isdigit() for c in code)
    if not 4 <= digits <= 10 or _DATE.fullmatch(code):
        return False
    return tight or not _YEAR.fullmatch(code)


@dataclass(frozen=True, slots=True)
class _Word:
    """A code word's place in the text (the parts of ``re.Match`` the rules read)."""

    begin: int
    stop: int
    value: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.stop

    def group(self, _: int = 0) -> str:
        return self.value


def _code_words(text: str, lowered: str | None = None) -> Iterator[_Word]:
    """Every code word of ``text`` in order: the word patterns, and words ending in "code" read
    back to their start (at most 30 letters: "Bestätigungscode"). ``lowered``: ``text.lower()``
    when the caller has it already. Found as they are read (both sources in text order, merged
    stably: the pattern's word first at an equal start, as a stable sort of both lists would), so
    a caller that stops early (:func:`_capped`) has not found the rest."""
    if lowered is None:
        lowered = text.lower()
    hinted = any(map(lowered.__contains__, _CODE_WORD_HINTS_ASCII if lowered.isascii() else _CODE_WORD_HINTS))
    # every _CODE_SUFFIX match lower-cases to "code" (no character folds onto c, o, d or e but themselves)
    suffixed = _suffixed_words(text, lowered) if "code" in lowered else None
    if not hinted:
        return suffixed if suffixed is not None else iter(())  # one source: nothing to merge
    words = (_Word(m.start(), m.end(), m.group(0))
             for m in _lazy_literal_matches(_CODE_WORD, _CODE_WORD_STARTS, text, lowered, _CODE_WORD_STARTS_ASCII))
    return heapq.merge(words, suffixed, key=_WORD_BEGIN) if suffixed is not None else words


_WORD_BEGIN = operator.attrgetter("begin")


def _suffixed_words(text: str, lowered: str) -> Iterator[_Word]:
    """The words ending in "code", in text order (each begins after the "code" before it: a word character
    never follows one, and the reading back stops at one that is no letter)."""
    for start, stop in _code_suffixes(text, lowered):
        begin = start
        while begin > 0 and start - begin < 30 and text[begin - 1].isalpha():
            begin -= 1
        yield _Word(begin, stop, text[begin:stop])


def _lazy_literal_matches(pattern: re.Pattern[str], starts: tuple[str, ...], text: str, lowered: str,
                          ascii_starts: tuple[str, ...]) -> Iterator[re.Match[str]]:
    """``_literal_matches(pattern, starts, text, lowered, "", ascii_starts)`` found as they are read: each
    literal's places by ``str.find`` one after another, merged in text order (a place two literals share
    tried once), the pattern tried at each as ``matches_at`` does (left to right, not overlapping). Same
    matches (tests/routing/test_hostile_s10.py)."""
    if not text.isascii() and any(char in text for char in FOLDS_TO_ASCII):
        yield from pattern.finditer(text)
        return
    if lowered.isascii():
        starts = ascii_starts
    present = list(filter(lowered.__contains__, starts))
    if not present:
        return
    # one literal's places are ascending already (ordinary mail holds one or two of the literals)
    places = _places(lowered, present[0]) if len(present) == 1 else \
        heapq.merge(*(_places(lowered, literal) for literal in present))
    end = 0
    last = -1
    for at in places:
        if at == last or at < end:
            continue
        last = at
        match = pattern.match(text, at)
        if match is not None:
            yield match
            end = max(match.end(), at + 1)


def _places(lowered: str, literal: str) -> Iterator[int]:
    at = lowered.find(literal)
    while at != -1:
        yield at
        at = lowered.find(literal, at + 1)


def _code_suffixes(text: str, lowered: str) -> list[tuple[int, int]]:
    """The spans of ``_CODE_SUFFIX.finditer(text)``, found by ``str.find`` in ``lowered``
    (``text.lower()``) instead of a case-insensitive regex scan: a match is a place where the
    lowered text says "code" (only C, O, D, E fold onto c, o, d, e) and no word character follows
    (re's ``\\b`` after the "e": the next character is neither ``str.isalnum`` nor "_"). "code"
    cannot overlap itself, so the next one is looked for after it, as ``finditer`` does. Where
    "\u0130" occurs (the one character whose lower case is longer) positions in ``lowered`` would
    shift: the regex then. Same spans (tests/routing/test_secret_scans.py)."""
    if "\u0130" in text:
        return [match.span() for match in _CODE_SUFFIX.finditer(text)]
    out: list[tuple[int, int]] = []
    size = len(text)
    at = lowered.find("code")
    while at != -1:
        after = at + 4
        if after == size or not (text[after].isalnum() or text[after] == "_"):
            out.append((at, after))
        at = lowered.find("code", after)
    return out


def _word_is_about_a_secret(text: str, word: _Word) -> bool:
    if _NOT_A_SECRET_WORD.match(word.group(0)):
        return False
    if _NOT_A_SECRET_CODE.search(text, max(0, word.start() - 25), word.start()):
        return False
    return not _NOT_A_SECRET_AFTER.match(text, word.end(), min(len(text), word.end() + 20))


def _code_after(text: str, word: _Word) -> Secret | None:
    """The code after its word: "code: 482913", "Código de verificación es 482913", "コードは482913"."""
    candidate = _CANDIDATE.search(text, word.end(), min(len(text), word.end() + 140))
    if candidate is None:
        return None
    between = text[word.end():candidate.start()]
    loose = _AFTER_WORD.fullmatch(between) is not None
    tight = _TIGHT.fullmatch(between) is not None or (loose and _ENDS_WITH_COPULA.search(between) is not None)
    if not (tight or loose) or not _candidate_ok(candidate.group("code"), tight=tight):
        return None
    return Secret(candidate.start("code"), candidate.end("code"), "one-time code")


def _codes_before(text: str, word: _Word) -> list[Secret]:
    """The code before its word: "482913 is your AWS sign-in code", "482913은 인증 코드입니다"."""
    found: list[Secret] = []
    for candidate in _CANDIDATE.finditer(text, max(0, word.start() - 48), word.start()):
        between = text[candidate.end():word.start()]
        tight = _COPULA.match(between) is not None  # "2000 is your code": a year-like code too
        # on the line before only when the next line goes on with "is …" ("482913\nis your code")
        fits = _BEFORE_WORD.fullmatch(between) or (tight and _BEFORE_WORD.fullmatch(between.replace("\n", " ", 1)))
        if fits and _candidate_ok(candidate.group("code"), tight=tight):
            found.append(Secret(candidate.start("code"), candidate.end("code"), "one-time code"))
    return found


def _standalone_codes(text: str) -> list[re.Match[str]]:
    """``list(_CODE_STANDALONE.finditer(text))``, tried only at the start of the text and after the
    line breaks :data:`_CODE_STANDALONE_AFTER` finds (a match starts at a line start, ``^``; re would
    try the pattern at every position). Same matches (tests/routing/test_secret_scans.py)."""
    out: list[re.Match[str]] = []
    end = 0
    starts = [brk.end() for brk in _CODE_STANDALONE_AFTER.finditer(text)]
    for start in [0, *starts] if text else []:
        if start < end:
            continue  # inside the code before (digits one a line)
        match = _CODE_STANDALONE.match(text, start)
        if match is not None:
            out.append(match)
            end = match.end()
    return out


def _code_spans(text: str, lowered: str | None = None) -> list[Secret]:
    """The code rules' spans in ``text``; ``lowered``: ``text.lower()`` when the caller has it already."""
    # complexity 30: the code-word proximity rules side by side, each with its tests in test_secrets_deadlines.py
    found: list[Secret] = []
    if lowered is None:
        lowered = text.lower()
    ascii_text = lowered.isascii()  # then no non-ASCII hint or literal can occur in it
    # any(map(lowered.__contains__, …)): the "hint in lowered" tests without a generator step each
    if not any(map(lowered.__contains__, _HINTS_ASCII if ascii_text else _HINTS)):
        return found
    for word in _capped(_code_words(text, lowered), text, found):
        if not _ANY_DIGIT.search(text, max(0, word.start() - 48), word.end() + 140) or \
                not _word_is_about_a_secret(text, word):
            continue  # every code has a digit: no digit near the word, no code
        after = _code_after(text, word)
        if after is not None:
            found.append(after)
        found += _codes_before(text, word)
    # an ASCII text skips the hint test: each of the literals _literal_matches looks for holds a hint
    for weak in _capped(_lazy_literal_matches(_WEAK_WORD, _WEAK_WORD_STARTS, text, lowered, _WEAK_WORD_STARTS_ASCII)
                        if text.isascii() or any(map(lowered.__contains__, _WEAK_HINTS)) else (), text, found):
        gap = _WEAK_GAP.match(text, weak.end())
        candidate = _CANDIDATE.match(text, gap.end()) if gap is not None else None
        if candidate and _candidate_ok(candidate.group("code"), tight=False):
            found.append(Secret(candidate.start("code"), candidate.end("code"), "one-time code"))
    for password in _capped(_lazy_literal_matches(_PASSWORD_WORD, _PASSWORD_WORD_STARTS, text, lowered,
                                                  _PASSWORD_WORD_STARTS_ASCII)
                            if any(map(lowered.__contains__, _PASSWORD_HINTS_ASCII if ascii_text else _PASSWORD_HINTS))
                            else (), text, found):
        gap = _TIGHT.match(text, password.end())
        if gap is not None and gap.end() > password.end():
            value = _PASSWORD_VALUE.match(text, gap.end())
            if value and any(c.isdigit() for c in value.group(0)):
                kind = "password" if password.group(0).lower().startswith(_BARE_PASSWORD) else "one-time password"
                found.append(Secret(value.start(), value.end(), kind))
    # a code on a line of its own, after a line that talks about a code
    for match in _capped(_standalone_codes(text), text, found):
        before = text[max(0, match.start() - 200):match.start()]
        if any(_word_is_about_a_secret(before, w) for w in _code_words(before)) and \
                _candidate_ok(match.group("code"), tight=False):
            found.append(Secret(match.start("code"), match.end("code"), "one-time code"))
    for match in _capped(_lazy_literal_matches(_TOKEN_TEXT, _TOKEN_TEXT_STARTS, text, lowered, _TOKEN_TEXT_STARTS)
                         if "token" in lowered or "one-time" in lowered else (), text, found):
        found.append(Secret(match.start("code"), match.end("code"), "token"))
    for match in _capped(_token_query_iter(text, lowered) if "=" in text else (), text, found):
        found.append(Secret(match.start(), match.end(), "link with a token"))
    return found


def _is_code_like(token: str, keep: frozenset[str]) -> bool:
    if len(token) < 4:
        return False  # its letters and digits are fewer than 4: neither test below can hold (most digit groups)
    compact = token if token.isalnum() else "".join(filter(str.isalnum, token))
    if compact in keep:
        return False
    digits = sum(map(str.isdigit, compact))
    if digits == 0:
        return False
    return digits >= 4 or len(compact) >= 6


_BARE = re.compile(r"[A-Za-z0-9]+|\d+(?:" + _SEPARATOR + r"\d+)*")


def is_bare_code(value: str, keep: Iterable[str] = ()) -> bool:
    """``value`` as a whole is a code-like token (``482913``, ``482 913``, ``Q7K2XM``), not a
    structured identifier with a prefix (``h-…``, ``i-…``, ``arn:…``)."""
    value = ascii_forms(value.strip())
    return _BARE.fullmatch(value) is not None and _is_code_like(value, frozenset(keep))


def _default_deny_spans(text: str, keep: frozenset[str]) -> list[Secret]:
    found: list[Secret] = []
    # _DD_DIGIT_WORD: the words of _DD_WORD that can be code-like (a word without a digit never is)
    for matches in (_DD_DIGIT_GROUPS.finditer(text), _DD_SPACED_DIGITS.finditer(text), _DD_DIGIT_WORD.finditer(text),
                    _DD_GROUPED_CAPS.finditer(text), _grouped_dashed(text)):
        # ``for match in _capped(matches, text, found)`` read as one batch: the same first MAX_READS_PER_RULE
        # matches and, when one more follows, its unread span (1,001 matches read either way), without a generator
        # step and a call per match (40 a mail part, most of them digit groups and words shorter than 4: no code,
        # _is_code_like's own first test). The unread span joins ``found`` before the tokens instead of after them:
        # the same spans, as _merge sorts them all (tests/routing/test_speed_redact_s58.py compares both)
        batch = list(islice(matches, MAX_READS_PER_RULE + 1))
        if len(batch) > MAX_READS_PER_RULE:
            found.append(Secret(batch.pop().start(), len(text), UNREAD_KIND))
        found += [Secret(match.start(), match.end(), "code-like token") for match in batch
                  if len(token := match.group(0)) >= 4 and _is_code_like(token, keep)]
    found += _long_token_spans(text, keep)
    for match in _capped(_QUERY_LINE.finditer(text), text, found):
        found.append(Secret(match.start(), match.end(), "link"))
    return found


def _grouped_dashed(text: str) -> Iterator[re.Match[str]]:
    """``_DD_GROUPED_DASHED.finditer(text)``, the pattern tried only where a match can start: a match's
    first group is the whole run of letters and digits from its start (no letter or digit before it;
    possessive, so a run longer than 10 never matches), ended by a "-" with 2 letters or digits on either
    side (:data:`_GROUP_DASH`, a literal first: re scans for it fast). So each such dash names one place,
    the start of the run before it when that run is 2-10 long, and the places ascend with their dashes; a
    dash inside the match found before is not looked at (searched for from its end). re would try the
    look-behind-led pattern at every position (25 -> 10 us a text on the samples). Same matches
    (tests/routing/test_speed_s27a.py)."""
    end = 0
    at = -1
    while (dash := _GROUP_DASH.search(text, max(at + 1, end))) is not None:
        at = dash.start()
        lowest = max(0, at - 11)
        # the run of letters and digits ending at the dash, at most 11 back (11: too long, no match)
        start = lowest + len(text[lowest:at].rstrip(_ASCII_ALNUM))
        if not 2 <= at - start <= 10:
            continue
        match = _DD_GROUPED_DASHED.match(text, start)
        if match is not None:
            yield match
            end = match.end()


def _long_token_spans(text: str, keep: frozenset[str]) -> list[Secret]:
    """The default-deny rule's long random tokens (no digit needed: mixed case is enough)."""
    found: list[Secret] = []
    found += [Secret(match.start(), match.end(), "code-like token")
              for match in _capped(_DD_LONG.finditer(text), text, found)
              if _looks_random(match.group(0)) and match.group(0) not in keep]
    return found


def find_secrets(text: str, *, default_deny: bool = False, keep: Iterable[str] = ()) -> list[Secret]:
    """Every live secret in ``text`` as (start, end, kind), sorted, non-overlapping.

    ``default_deny``: the rule for root-credential and verification mail (every code-like token and
    every URL that carries a token). ``keep``: tokens that stay even then (the recipient's own
    account id, compared without separators)."""
    if not text:
        return []
    if text.isascii() or _FULLWIDTH_OR_INVISIBLE.search(text) is None:
        view, offsets = text, None  # = _visible(ascii_forms(text)): nothing to translate or drop (one scan, not two)
    else:
        view, offsets = _visible(ascii_forms(text))
    if offsets is None and _nothing_to_find(view):
        # the words/links rules find nothing here, and of the default-deny rule only the long tokens can:
        # its other patterns either need a "?", "&" or "#" with a "=" (links) or report only tokens with a
        # digit (every str.isdigit character in their ASCII classes is a \d: none in this text); a subject
        # or sender name of credential mail is then one scan, not all of them
        return _merge(_long_token_spans(view, frozenset(keep))) if default_deny else []
    merged = _scan(view, default_deny, keep)
    if offsets is None:
        return merged
    # back to offsets in ``text``: a span covers the invisible characters inside it
    return [Secret(offsets[s.start], offsets[s.end - 1] + 1, s.kind) for s in merged]


# an AWS secret access key: 40 characters of base64's alphabet, standing alone, upper and lower case and a digit,
# "/" or "+" among them (:func:`_mixed_key`; AWS never mails one: a forged or forwarded mail may), named as a secret
# key in the 80 characters before it ("Secret access key:", "aws_secret_access_key =", "chave secreta", "clé
# secrète", "chiave segreta", "geheimer Zugriffsschlüssel", "シークレットアクセスキー", "秘密访问密钥", "비밀 액세스
# 키") or right after its access key id ("AKIA… / wJalr…")
# (the run of 40 alone, then its characters checked in Python: a lookahead per position would read a long run of such
# characters once from each of its positions)
# (after "=" too, as in a credentials file's "aws_secret_access_key=…", or after its access key id and a "/" as in
# "AKIA…/…": attacker testing in session 40 found both read as no key)
_SECRET_KEY = re.compile(r"(?:(?<![A-Za-z0-9/+])|(?<=(?:AKIA|ASIA)[A-Z0-9]{16}/))[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
_SECRET_KEY_WORD = re.compile(r"secr|segret|geheim|シークレット|秘密|密钥|密鑰|비밀|"
                              r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b", re.IGNORECASE)
#: the literals one of which every :data:`_SECRET_KEY_WORD` match holds, lower-cased (its gate)
_SECRET_KEY_CUES = ("secr", "segret", "geheim", "シークレット", "秘密", "密钥", "密鑰", "비밀", "akia", "asia")


def _secret_key_spans(view: str, lowered: str | None = None) -> list[Secret]:
    """AWS secret access keys (:data:`_SECRET_KEY`) that the text names as one; ``lowered``: ``view.lower()`` when
    the caller has it already."""
    if lowered is None:
        lowered = view.lower()
    if not any(map(lowered.__contains__, _SECRET_KEY_CUES)):
        return []
    found: list[Secret] = []
    keys: list[Secret] = []
    last_end = -1_000  # (a key right after another, a list of them under one word: named by the same word)
    for match in _capped(_SECRET_KEY.finditer(view), view, found):
        if _mixed_key(match.group(0)) and (
                match.start() - last_end <= 80
                or _SECRET_KEY_WORD.search(view, max(0, match.start() - 80), match.start()) is not None):
            keys.append(Secret(match.start(), match.end(), "AWS secret access key"))
            last_end = match.end()
    return found + keys


def _mixed_key(value: str) -> bool:
    """Whether ``value`` mixes upper and lower case and holds a digit, "/" or "+", as a random key does (not a word run
    together, nor a hex digest)."""
    return not value.isupper() and not value.islower() and (
        any(char.isdigit() for char in value) or "/" in value or "+" in value)


def _scan(view: str, default_deny: bool, keep: Iterable[str]) -> list[Secret]:
    found = _url_spans(view, default_deny)
    # the lower-cased view made once for both rules that read it (a pass over the text each, 2-4 us a mail part)
    lowered = view.lower()
    found += _code_spans(view, lowered)
    found += _secret_key_spans(view, lowered)
    if default_deny:
        found += _default_deny_spans(view, frozenset(keep))
    return _merge(found)


def _nothing_to_find(view: str) -> bool:
    """Whether neither :func:`_url_spans` nor :func:`_code_spans` can find anything in the ASCII
    text ``view`` (a subject, a sender's name, an attribute): no ``/ ? # =`` (every link and token
    parameter holds one), no digit (every code candidate, standalone code and password value holds
    one; in ASCII ``str.isdigit`` and re's ``\\d`` are both [0-9]) and neither "token" nor
    "one-time" (the token-text rule's own gate). The default-deny rule is not covered: its long
    tokens need no digit. Same result as the scan (tests/routing/test_secret_scans.py)."""
    if not view.isascii() or "/" in view or "?" in view or "#" in view or "=" in view:
        return False
    if _ANY_DIGIT.search(view) is not None:
        return False
    lowered = view.lower()
    # (nor an AWS secret access key named so, whose 40 characters may hold no digit: "secret", an access key id)
    return "token" not in lowered and "one-time" not in lowered and not any(map(lowered.__contains__, _SECRET_KEY_CUES))


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters (zero-width spaces and joiners, soft hyphens, bidi
    controls: ``482\u200b913`` is 482913), and each kept character's offset in ``text``."""
    if text.isascii() or not _INVISIBLE.search(text):  # every invisible character is outside ASCII
        return text, None
    # the kept characters' offsets as the ranges between the invisible ones (each a one-character match),
    # not a pattern match per character of the text
    offsets: list[int] = []
    kept = 0
    for invisible in _INVISIBLE.finditer(text):
        offsets.extend(range(kept, invisible.start()))
        kept = invisible.end()
    offsets.extend(range(kept, len(text)))
    return _INVISIBLE.sub("", text), offsets


_SECRET_ORDER = operator.attrgetter("start", "end", "kind")
# the default-deny rule's own kinds, and the unread rest of a text: removed, never a value scrubbed elsewhere
GENERIC_KINDS = frozenset(("code-like token", "link", UNREAD_KIND))


def _merge(found: list[Secret]) -> list[Secret]:
    """Overlapping spans become one, named by the most specific kind among them."""
    out: list[Secret] = []
    # the order of Secret's comparisons (its fields in turn), by a key: no __lt__ call per comparison
    for secret in sorted(found, key=_SECRET_ORDER):
        if out and secret.start < out[-1].end:
            last = out[-1]
            if UNREAD_KIND in (last.kind, secret.kind):
                kind = UNREAD_KIND  # an unread span stays one (its text is no value to scrub elsewhere)
            else:
                kind = secret.kind if last.kind in GENERIC_KINDS and secret.kind not in GENERIC_KINDS else last.kind
            out[-1] = Secret(last.start, max(last.end, secret.end), kind)
            continue
        out.append(secret)
    return out


def _query_pairs(url: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(urlsplit(url).query, keep_blank_values=True)
    except ValueError:  # not a URL after all (a broken IPv6 host): nothing to take from it
        return []


def secret_values(text: str, found: list[Secret]) -> set[str]:
    """The values behind ``found`` in ``text``, and the parts of them that would give the secret
    away elsewhere: a link's token parameters and random pieces, a code without its separators.
    For scrubbing other strings of a ticket (fields, tags, names) of a secret seen in one part."""
    values: set[str] = set()
    for secret in found:
        value = ascii_forms(text[secret.start:secret.end])
        if "\n" in value:  # every _LINE_BREAK match holds one
            value = _LINE_BREAK.sub("", value)
        values.add(value)
        if secret.kind in ("one-time password", "password"):
            continue
        if "/" in value or "?" in value or "#" in value or "=" in value:
            values.update(_link_values(value))
        else:
            values.add(_SEPARATOR_RE.sub("", value))
    return {v for v in values if len(v) >= 4}


@lru_cache(maxsize=4096)
def _link_values(value: str) -> tuple[str, ...]:
    """The values a link-like secret ``value`` gives away beside itself: its plain form (entities and
    percent-encoding undone), its token parameters and its random pieces. Cached per value (like
    :func:`_url_facts`): a mail's link recurs in its text, its HTML and their attributes."""
    plain = _clear(value)
    out = [plain]
    for name, token in _query_pairs(plain):
        if name.lower() in _TOKEN_PARAMS and len(token) >= 6:
            out.append(token)
    out.extend(piece for piece in _URL_PIECE.split(plain) if _looks_random(piece))
    return tuple(out)


def secret_kinds(*texts: str) -> tuple[str, ...]:
    """The kinds of secret found in any of ``texts`` (sorted, unique); never the values."""
    kinds = {secret.kind for text in texts for secret in find_secrets(text)}
    return tuple(sorted(kinds))


def forget_values() -> None:
    """Empty the per-value caches of this module (:func:`_clear`, :func:`_url_facts`, :func:`_link_values`): they are
    keyed by links and values read from a mail, secrets among them, and hold them only while that mail is rendered
    (:func:`routing.redact.render` calls this when it is done), never across mails."""
    _clear.cache_clear()
    _url_facts.cache_clear()
    _link_values.cache_clear()

