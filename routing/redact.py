"""Redaction: the internal and the customer-visible renderings of a mail, and the rule every other
mail-derived string of a ticket goes through.

Owns what may be shown to whom. Every live secret found by :mod:`routing.secrets` becomes a
marker that says what was removed (``[removed: password reset link]``), in both renderings.

Root-credential and verification mail is redacted **default-deny**: decided by the notice type
(``secret: true`` or category ``credentials``/``verification``) *or* by the sender family of a
From/Sender address (:data:`routing.families.CREDENTIAL_FAMILIES`), so a reworded mail the
classifier misses is still covered. Then every code-like token and every URL carrying anything
token-like is removed, whatever the wording. One exception, by choice: the recipient's own AWS
account id (from the directory, already in the ticket's header) may be kept (``keep``); any other
12-digit number goes.

Secrets are looked for in every part: the plain text, the HTML part (its text and its markup, so
alt text and link targets count), the subject and From name, attachment names and the text of
text attachments and calendar parts. A value found in one part is also scrubbed from every other
string of the ticket (:class:`Redactor`), and a mail with a secret anywhere, like every
default-deny mail, never has its original attached (the raw mail stays in the store).

The customer rendering additionally shows access key ids only by their last 4 characters, and
does not exist at all (None) for secret-bearing notice types and for mail not proven to come
from AWS.
"""

from __future__ import annotations

import email
import email.policy
import heapq
import html
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from email.message import Message
from functools import lru_cache

from routing.addresses import readable_addresses
from routing.families import CREDENTIAL_FAMILIES, sender_family
from routing.patterns import matches_at_literals
from routing.secrets import GENERIC_KINDS, Secret, find_secrets, forget_values, is_bare_code, secret_values
from routing.types import AuthVerdict, Notice, ParsedMail

_ACCESS_KEY = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{12}([A-Z0-9]{4})\b")
SCRUBBED = "[removed: secret]"
DEFAULT_DENY_KIND = "credential or verification mail"
MAX_SCANNED_TEXT = 4 * 1024 * 1024  # characters of attachment text scanned per mail
MAX_VALUES = 2000
#: HTML attribute texts (alt, title, ...) scanned one by one; the rest of a mail's are scanned as one text
MAX_ATTRIBUTE_TEXTS = 200
# HTML attributes whose text a reader sees (alt text, titles); link targets are in the HTML's text
_SHOWN_ATTRIBUTE = re.compile(
    r"""\b(alt|title|aria-label|placeholder|value|content)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
# the lower-case names one of which every _SHOWN_ATTRIBUTE match begins with (see _shown_attributes)
_SHOWN_ATTRIBUTE_NAMES = ("alt", "title", "aria-label", "placeholder", "value", "content")
# the only characters re.IGNORECASE matches to an ASCII letter without being one (İ ı ſ K); İ is also
# the only character whose lower case is longer than one character
# an iCalendar folded line break (RFC 5545 §3.1) with any CRs before it: ``\r*\n[ \t]``, removed by
# _unfold_ics in one pass (that pattern searched as written tries its "\r*" from every CR of a run:
# quadratic, "\r" x 256,000 in a calendar part 8 s)
_ICS_BREAK = re.compile(r"\n[ \t]")
_TEXT_ATTACHMENT_TYPES = frozenset(
    ("application/ics", "application/json", "application/xml", "message/delivery-status"))


def marker(kind: str) -> str:
    """The text that stands in for a removed secret."""
    return f"[removed: {kind}]"


def mask_access_keys(text: str) -> str:
    """Access key ids shown only by their last 4 characters."""
    if "AKIA" not in text and "ASIA" not in text:
        return text  # every _ACCESS_KEY match holds one (re would try the \\b-led pattern at every position)
    return _ACCESS_KEY.sub(lambda m: f"[access key ending {m.group(1)}]", text)


def redact_text(text: str, *, customer: bool = False, default_deny: bool = False, keep: Iterable[str] = ()) -> str:
    """``text`` with every live secret replaced by its marker (and, for customers, keys masked).

    ``default_deny``: the rule for credential and verification mail (every code-like token and
    token-carrying URL); ``keep``: tokens kept even then (the recipient's account id)."""
    if not text:
        return text
    out = _replace(text, find_secrets(text, default_deny=default_deny, keep=keep))
    return mask_access_keys(out) if customer else out


def _replace(text: str, found: list[Secret]) -> str:
    parts: list[str] = []
    position = 0
    for secret in found:
        parts.append(text[position:secret.start])
        parts.append(marker(secret.kind))
        position = secret.end
    parts.append(text[position:])
    return "".join(parts)


_VALUE_SEPARATOR = r"[ \u00a0\u2009\u202f\-\u2010\u2011\u2013.]?"


@lru_cache(maxsize=256)
def _values_pattern(values: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for every value; a digit code matches with or without separators (482913,
    482 913, 4 8 2 9 1 3, 482-913).

    Written as ``(?<![A-Za-z0-9])(?:v1|v2|…)(?![A-Za-z0-9])``, re would try the look-behind at
    every position; here each alternative is its first character, then the look-behind over that
    character and the one before (``4(?<![A-Za-z0-9]4)…``: the character before the value is no
    letter or digit, the same test), so re skips to the values' first characters fast. Same matches
    (tests/routing/test_secret_scans.py compares both forms); with an empty value (no first
    character) the plain form."""
    alternatives: list[str] = []
    plain = not all(values)
    for value in sorted(values, key=len, reverse=True):
        if value.isdigit():
            chars = [re.escape(c) for c in value]
            rest = "".join(_VALUE_SEPARATOR + c for c in chars[1:])
        else:
            chars = [re.escape(value[:1])]
            rest = re.escape(value[1:])
        if plain:
            alternatives.append(chars[0] + rest)
        else:
            alternatives.append(f"{chars[0]}(?<![A-Za-z0-9]{chars[0]}){rest}")
    if not alternatives:
        return None
    body = "(?:" + "|".join(alternatives) + r")(?![A-Za-z0-9])"
    return re.compile(r"(?<![A-Za-z0-9])" + body if plain else body)


_ALNUM = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_SEPARATORS = frozenset(" \u00a0\u2009\u202f-\u2010\u2011\u2013.")  # the characters of _VALUE_SEPARATOR
_END = ""  # a trie node's key for "a value ends here" (no character is the empty string)
_Leaf = tuple[str, int]  # the characters left of the one value a literal trie node leads to, and its rank
_Trie = dict[str, "_Trie | int | _Leaf"]


@dataclass(frozen=True, slots=True)
class _ValueScan:
    """:func:`_values_pattern` as one pass over a text: the places a value may start (its first
    character, no letter or digit before it, a character that can follow: :attr:`starts`, see
    :func:`_starts`), and from each the values that match there found by walking two tries of the
    values (literal values, the one value a node leads to held as the characters left, a
    :data:`_Leaf`; digit values, whose digits may be parted by one separator each), each character
    read once per start. Each value has its rank in the pattern's order (longest first); at a start the
    match is the value of lowest rank that matches and is followed by no letter or digit, as re's
    alternation with its look-ahead chooses. The pattern tries every value at every position of
    the text (values x text: 2,000 digit values over a megabyte are minutes); this reads each
    start's characters as far as some value goes. Same text (tests/routing/test_secret_scans.py,
    tests/routing/test_hostile_s10.py)."""

    starts: re.Pattern[str] | _FoundStarts
    literal: _Trie
    digits: _Trie

    def sub(self, text: str) -> str:
        parts: list[str] = []
        position = 0
        starts = self.starts
        # (the found starts' places as they are, no match object made for each)
        places = starts.places(text, 0) if isinstance(starts, _FoundStarts) else \
            (start.start() for start in starts.finditer(text, 0))
        for at in places:
            if at < position:
                continue  # inside the value matched before
            end = self._match_end(text, at)
            if end is not None:
                parts.append(text[position:at])
                parts.append(SCRUBBED)
                position = end
        if not parts:
            return text
        parts.append(text[position:])
        return "".join(parts)

    def _match_end(self, text: str, at: int) -> int | None:
        size = len(text)
        best_rank = best_end = -1
        node = self.literal
        index = at
        while True:
            rank = node.get(_END)
            if isinstance(rank, int) and (best_rank == -1 or rank < best_rank) and \
                    (index == size or text[index] not in _ALNUM):
                best_rank, best_end = rank, index
            if index == size:
                break
            child = node.get(text[index])
            if isinstance(child, tuple):
                # the one value on from here: its characters left, then no letter or digit, as the nodes read
                rest, rank = child
                end = index + 1 + len(rest)
                if text.startswith(rest, index + 1) and (best_rank == -1 or rank < best_rank) and \
                        (end == size or text[end] not in _ALNUM):
                    best_rank, best_end = rank, end
                break
            if not isinstance(child, dict):
                break
            node = child
            index += 1
        first = self.digits.get(text[at])
        index = at + 1
        while isinstance(first, dict):
            node = first
            rank = node.get(_END)
            if isinstance(rank, int) and (best_rank == -1 or rank < best_rank) and \
                    (index == size or text[index] not in _ALNUM):
                best_rank, best_end = rank, index
            if index == size:
                break
            # "<separator>?<digit>": a separator is no digit, so at most one of the two readings fits
            if text[index] in _SEPARATORS and index + 1 < size:
                first = node.get(text[index + 1])
                index += 2
            else:
                first = node.get(text[index])
                index += 1
        return None if best_rank == -1 else best_end


def _add(trie: _Trie, keys: str, rank: int, *, leaves: bool = False) -> None:
    """``keys`` into ``trie`` with ``rank``. A new value's own characters (no value added before goes on
    that way) are one chain of nodes made whole; with ``leaves`` (the literal trie) they are one
    :data:`_Leaf` instead, opened into a node a character at a time as later values share them (a link
    value is 100 characters or more, mostly its own after the first few: no dict per character)."""
    node = trie
    for depth, char in enumerate(keys):
        child = node.get(char)
        if isinstance(child, tuple):
            child = node[char] = _opened(child)
        if not isinstance(child, dict):
            rest = keys[depth + 1:]
            node[char] = (rest, rank) if leaves else _chain(rest, rank)
            return
        node = child
    ended = node.get(_END)
    if not isinstance(ended, int) or rank < ended:
        node[_END] = rank


def _opened(leaf: _Leaf) -> _Trie:
    """The node a leaf stands for, its next character a leaf of its own."""
    rest, rank = leaf
    return {rest[0]: (rest[1:], rank)} if rest else {_END: rank}


def _chain(keys: str, rank: int) -> _Trie:
    """The nodes ``_add`` makes for ``keys`` in an empty trie, built from the last one up (one dict each,
    not a look-up and a new node per character)."""
    node: _Trie = {_END: rank}
    for char in reversed(keys):
        node = {char: node}
    return node


@lru_cache(maxsize=256)
def _value_scan(values: tuple[str, ...]) -> _ValueScan | None:
    """The one-pass scan of :func:`_values_pattern` (None for no values, or an empty one)."""
    if not values or not all(values):
        return None
    literal: _Trie = {}
    digits: _Trie = {}
    for rank, value in enumerate(sorted(values, key=len, reverse=True)):
        if value.isdigit():
            _add(digits, value, rank)
        else:
            _add(literal, value, rank, leaves=True)
    return _ValueScan(_starts(values), literal, digits)


#: at most this many one- or two-character needles are looked for with ``str.find`` (:class:`_FoundStarts`, a scan of
#: the text each); values that need more (many first characters, or digit codes, whose second character may be a
#: separator: ten needles each) get the compiled pattern
MAX_START_NEEDLES = 12
_ONE_CHARACTER = re.compile(".", re.DOTALL)


@dataclass(frozen=True, slots=True)
class _FoundStarts:
    """:func:`_starts`'s pattern without compiling one per mail (re.compile of a new pattern costs 100-300 us, and
    each mail's values make a new one: their first characters): its matches found by ``str.find`` of ``needles``,
    each a value's first character (a value of one character) or its first and a character that can follow it
    (the pattern's look-ahead), then the pattern's look-behind read off the text (no letter or digit before). A
    needle's places ascend, two needles never share one (a first character has either the one needle or needles
    of two different characters), so merged they are the pattern's matches in its order, each the one character
    the pattern consumes (tests/routing/test_speed_s32_redact.py compares both). Held by the mail's
    :func:`_value_scan`, emptied with it: no value's characters are kept in re's cache past the mail."""

    needles: tuple[str, ...]

    def places(self, text: str, pos: int = 0) -> Iterator[int]:
        """Where the pattern's matches start, ascending."""
        found = [_needle_places(text, needle, pos) for needle in self.needles]
        for at in found[0] if len(found) == 1 else heapq.merge(*found):
            if at == 0 or text[at - 1] not in _ALNUM:
                yield at

    def finditer(self, text: str, pos: int = 0) -> Iterator[re.Match[str]]:
        """The pattern's matches: the one character at each of :meth:`places`."""
        for at in self.places(text, pos):
            match = _ONE_CHARACTER.match(text, at)
            if match is not None:  # (always: a needle's first character is at ``at``)
                yield match


def _needle_places(text: str, needle: str, pos: int) -> Iterator[int]:
    at = text.find(needle, pos)
    while at != -1:
        yield at
        at = text.find(needle, at + 1)


def _class(chars: Iterable[str]) -> str:
    return "[" + "".join(map(re.escape, sorted(chars))) + "]"


def _starts(values: tuple[str, ...]) -> re.Pattern[str] | _FoundStarts:
    """:attr:`_ValueScan.starts` for non-empty ``values``: a value's first character with no letter or
    digit before it, and (a look-ahead) a character that can come right after that first one in a
    value that begins with it: its second character, or for a digit value also a separator (a first
    character that is a whole value: anything). So the first letter of a word ("s" of "see" for
    "sns.us-east-1…", "h" of "here" for "https://…", 30 a mail) is passed over by re, not read by
    :meth:`_ValueScan._match_end`, which finds no value there: its tries go on from a value's first
    character only with one of those. The same values found (tests/routing/test_secret_scans.py
    compares with the first character alone). Up to :data:`MAX_START_NEEDLES` first-and-second characters, the
    same places are found by :class:`_FoundStarts`, without compiling the pattern."""
    seconds: dict[str, set[str] | None] = {}
    for value in values:
        after = seconds.setdefault(value[0], set())
        if after is None:
            continue
        if len(value) == 1:
            seconds[value[0]] = None  # a value ends at its first character: whatever follows
            continue
        after.add(value[1])
        if value.isdigit():
            after.update(_SEPARATORS)
    needles = [first if after is None else first + second
               for first, after in sorted(seconds.items()) for second in ([""] if after is None else sorted(after))]
    if len(needles) <= MAX_START_NEEDLES:
        return _FoundStarts(tuple(needles))
    firsts = _class(seconds)
    alternatives = (re.escape(first) + ("" if after is None else f"(?={_class(after)})")
                    for first, after in sorted(seconds.items()))
    return re.compile(f"(?:{'|'.join(alternatives)})(?<![A-Za-z0-9]{firsts})")


@dataclass(frozen=True, slots=True)
class Redactor:
    """The redaction rule of one mail, for every string of its ticket.

    ``values`` are the secrets found anywhere in the mail (held only in memory, never shown by
    ``repr``): a code seen in the subject or an attachment is scrubbed from the body, the fields and
    the tags too, even where its words around it are missing."""

    default_deny: bool = False
    keep: frozenset[str] = frozenset()
    values: tuple[str, ...] = field(default=(), repr=False)

    def __call__(self, text: str, *, customer: bool = False) -> str:
        """Free text (subject, body, names): the mail's rule, then the values found elsewhere."""
        return self.scrub(redact_text(text, customer=customer, default_deny=self.default_deny, keep=self.keep))

    def scrub(self, text: str) -> str:
        """``text`` without any value found elsewhere in the mail: ``_values_pattern(values).sub``,
        read in one pass by :class:`_ValueScan` (built once per mail's values). Work grows with
        the text, not with values x text (the pattern, and a ``value in text`` test per value
        before it, read the text once per value: 2,000 values over a megabyte took minutes).
        With an empty value (no first character to start from) the pattern itself, of the values
        ``text`` can hold (tests/routing/test_secret_scans.py compares with the pattern of every value)."""
        if not text or not self.values:
            return text
        scan = _value_scan(self.values)
        if scan is not None:
            return scan.sub(text)
        pattern = _values_pattern(tuple(value for value in self.values if value.isdigit() or value in text))
        if pattern is None:
            return text
        return pattern.sub(SCRUBBED, text)

    def value(self, value: str) -> str | None:
        """A structured value (an identifier): itself, or None when it holds a secret. Under
        default-deny a bare code-like value (``482913``, ``Q7K2XM``, a 10-digit number) goes too;
        prefixed identifiers (``i-…``, ``h-…``, ARNs) stay."""
        if self.scrub(value) != value:
            return None
        if self.default_deny and is_bare_code(value, self.keep):
            return None
        return value

    def tag(self, tag: str) -> str | None:
        """A tag, or None when the rule would change it (a tag cannot carry a marker)."""
        return tag if self(tag) == tag else None

    def tags(self, tags: Iterable[str]) -> tuple[str, ...]:
        """``tags`` without any that carries a secret, unique, in order."""
        return tuple(dict.fromkeys(t for t in tags if self.tag(t) is not None))

    def fields(self, fields: Mapping[str, str], computed: Iterable[str] = ()) -> dict[str, str]:
        """Field values through the rule; ``computed`` names fields rootmail derives itself (notice
        type, severity, authenticity, the directory's account id, an ISO deadline): only scrubbed."""
        fixed = frozenset(computed)
        return {name: (self.scrub(value) if name in fixed else self(value)) for name, value in fields.items()}

    def notice(self, notice: Notice) -> Notice:
        """``notice`` without identifiers (and a mail-named account id) that carry a secret: so
        fields, tags, console links and the header built from it cannot bring one back."""
        identifiers: dict[str, object] = {}
        for name, value in notice.identifiers.items():
            if isinstance(value, list | tuple):
                kept = [v for v in value if self.value(str(v)) is not None]
                if kept:
                    identifiers[name] = type(value)(kept) if isinstance(value, tuple) else kept
            elif value is None or self.value(str(value)) is not None:
                identifiers[name] = value
        account = notice.aws_account_id
        if account and self.value(account) is None:
            account = None
        if identifiers == notice.identifiers and account == notice.aws_account_id:
            return notice
        return replace(notice, identifiers=identifiers, aws_account_id=account)


@dataclass(frozen=True, slots=True)
class Rendering:
    """What a ticket may carry: the engineer's text, the customer's text (or None), what was found,
    the redacted subject and the rule for every other string of the ticket."""

    internal_text: str
    customer_text: str | None
    secret_kinds: tuple[str, ...]
    withheld_reason: str | None = None
    subject: str = ""
    redactor: Redactor = field(default_factory=Redactor)

    @property
    def contains_secret(self) -> bool:
        return bool(self.secret_kinds)

    @property
    def default_deny(self) -> bool:
        return self.redactor.default_deny


# a From/Sender value in its plain form (``Amazon Web Services <no-reply-aws@amazon.com>``, a quoted
# name, a bare address): its address is the group "address" (what email.utils.getaddresses reads there,
# tests/routing/test_redact_addresses.py compares both), read without getaddresses' parser
_SIMPLE_ADDRESS = re.compile(
    r' *(?:(?:[A-Za-z0-9_+-]+(?: +[A-Za-z0-9_+-]+)*|"[^"\\\r\n]*") *)?<(?P<bracketed>{0})> *| *(?P<bare>{0}) *'
    .format(
        r"[A-Za-z0-9_+-]+(?:\.[A-Za-z0-9_+-]+)*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"))


def simple_addresses(values: Iterable[str]) -> list[str] | None:
    """The addresses of ``values`` when every one is in its plain form (else None): the same list as
    ``[a for _, a in email.utils.getaddresses(values) if a]``."""
    out: list[str] = []
    for value in values:
        match = _SIMPLE_ADDRESS.fullmatch(value)
        if match is None:
            return None
        out.append(match.group("bracketed") or match.group("bare"))
    return out


def from_and_sender(parsed: ParsedMail) -> list[str]:
    """``[*parsed.header_all("From"), *parsed.header_all("Sender")]`` in one pass over the headers, a
    name lower-cased only when its length fits: ``str.lower`` keeps a name's length but for "\u0130"
    (whose lower case, "i\u0307", is in neither name), so no name of another length lower-cases to "from"
    or "sender" (tests/routing/test_redact_speed.py compares both)."""
    froms: list[str] = []
    senders: list[str] = []
    for key, value in parsed.headers:
        size = len(key)
        if size == 4:
            if key.lower() == "from":
                froms.append(value)
        elif size == 6 and key.lower() == "sender":
            senders.append(value)
    return froms + senders


def _addresses(parsed: ParsedMail) -> list[str] | None:
    """The From address and the addresses of every From and Sender header; None when a value cannot be
    read: email.utils.getaddresses recurses once per nested comment or group ("(" x 500, "a:" x 500 in a
    Sender header, which the parser does not read: RecursionError, every time the mail is tried)."""
    values = from_and_sender(parsed)
    found = simple_addresses(values)
    if found is None:
        found = readable_addresses(values)
        if found is None:
            return None
    return [parsed.from_address, *found]


def default_deny_applies(parsed: ParsedMail, notice: Notice) -> bool:
    """Root-credential or verification mail: by notice type, or by a From/Sender family; also when a
    From/Sender value cannot be read (its family unknown: the stricter rule)."""
    return notice.secret or notice.category in CREDENTIAL_FAMILIES or credential_sender(parsed)


def credential_sender(parsed: ParsedMail) -> bool:
    """Whether the From address or an address of a From or Sender header is of a root-credential sender
    family, or a From/Sender value cannot be read (its family unknown: the stricter rule). The root-account
    guard asks the same (:func:`ticketing.guard.is_root_credential_mail`)."""
    addresses = _addresses(parsed)
    if addresses is None:
        return True
    return any(sender_family(address) in CREDENTIAL_FAMILIES for address in addresses if address)


def _decoded(part: Message) -> str:
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):
        return ""
    charset = part.get_content_charset() or "utf-8"
    try:
        return payload.decode(charset, errors="replace")
    except LookupError:
        return payload.decode("utf-8", errors="replace")


def _leaves(part: Message, nested: bool = False) -> Iterator[tuple[Message, bool]]:
    """Every leaf part, and whether it sits inside an attached message (message/rfc822)."""
    if part.is_multipart():
        inner = nested or part.get_content_type() == "message/rfc822"
        for sub in part.get_payload():
            if isinstance(sub, Message):
                yield from _leaves(sub, inner)
    else:
        yield part, nested


def attachment_texts(raw: bytes) -> Iterator[str]:
    """The text of every text-like attachment, calendar part and attached message of ``raw``
    (decoded, iCalendar lines unfolded), and attached messages' subjects; bounded by
    :data:`MAX_SCANNED_TEXT`. A calendar part is read even when mail-parser does not list it."""
    # complexity 16: one walk over MIME parts with their kinds (calendar, text, attached message)
    try:
        message = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception:  # the parser already read this mail; a part we cannot read is simply skipped
        return
    budget = MAX_SCANNED_TEXT
    for part in message.walk():
        if part is not message and part.get("Subject"):
            yield str(part.get("Subject"))
    for part, nested in _leaves(message):
        content_type = part.get_content_type()
        if content_type.split("/")[0] != "text" and content_type not in _TEXT_ATTACHMENT_TYPES:
            continue
        if not nested and content_type in ("text/plain", "text/html") and \
                part.get_content_disposition() != "attachment":
            continue  # the mail's own text: ParsedMail.text and .html_text already hold it
        try:
            text = _decoded(part)
        except Exception:  # a broken transfer encoding: nothing readable in it
            continue
        if content_type == "text/html":
            text = html.unescape(_without_tags(text))
        if "calendar" in content_type or "ics" in content_type:
            text = _unfold_ics(text).replace("\\n", "\n").replace("\\N", "\n").replace("\\,", ",")
        text = text[:budget]
        budget -= len(text)
        yield text
        if budget <= 0:
            return


def _without_tags(markup: str) -> str:
    """``re.sub(r"<[^>]*>", " ", markup)`` in one pass: each "<" up to the first ">" after it is one
    space, and text after the last ">" is left as it is. The pattern searched as written runs from
    every "<" to the end when no ">" follows: quadratic ("<" x 256,000 in an HTML attachment: minutes).
    Same text (tests/routing/test_hostile_complexity.py)."""
    parts: list[str] = []
    position = 0
    while (start := markup.find("<", position)) != -1:
        end = markup.find(">", start + 1)
        if end == -1:
            break  # no ">" after this "<", so none after any later "<": no more tags
        parts.append(markup[position:start])
        parts.append(" ")
        position = end + 1
    parts.append(markup[position:])
    return "".join(parts)


def _unfold_ics(text: str) -> str:
    """``re.sub(r"\\r*\\n[ \\t]", "", text)`` in one pass: each folded line break (:data:`_ICS_BREAK`)
    removed with the CRs right before it (a run of CRs starts after the break before, which ends in
    a space or tab). Same text (tests/routing/test_hostile_complexity.py)."""
    if "\n" not in text:
        return text
    parts: list[str] = []
    position = 0
    for found in _ICS_BREAK.finditer(text):
        parts.append(text[position:found.start()].rstrip("\r"))
        position = found.end()
    parts.append(text[position:])
    return "".join(parts)


def _shown_attributes(markup: str) -> list[re.Match[str]]:
    """``list(_SHOWN_ATTRIBUTE.finditer(markup))``, the pattern tried only where ``str.find`` sees
    an attribute name in the lower-cased markup (instead of a case-insensitive try at every
    position). Same matches (tests/routing/test_secret_scans.py)."""
    return matches_at_literals(_SHOWN_ATTRIBUTE, _SHOWN_ATTRIBUTE_NAMES, markup, markup.lower())


def mail_texts(parsed: ParsedMail, raw: bytes | None = None) -> list[str]:
    """Every part of ``parsed`` a secret could hide in, as text."""
    texts = [parsed.subject, parsed.from_name, parsed.text, parsed.html_text]
    if parsed.html:
        shown = [html.unescape(m.group(2) or m.group(3) or "") for m in _shown_attributes(parsed.html)]
        # each attribute is a text of its own (real mail: at most 13); past MAX_ATTRIBUTE_TEXTS the rest are
        # one text, a line each, so that a page of 40,000 alt texts is not 40,000 scans (2.5 s a mail)
        texts += shown[:MAX_ATTRIBUTE_TEXTS]
        if len(shown) > MAX_ATTRIBUTE_TEXTS:
            texts.append("\n".join(shown[MAX_ATTRIBUTE_TEXTS:]))
    texts += [attachment.filename for attachment in parsed.attachments]
    if raw is not None:
        texts += list(attachment_texts(raw))
    return [text for text in texts if text]


def render(parsed: ParsedMail, notice: Notice, auth: AuthVerdict | None, *, raw: bytes | None = None,
           keep: Iterable[str] = ()) -> Rendering:
    """Both renderings of ``parsed``, its redacted subject and its :class:`Redactor`.

    The customer one is None unless the mail is proven AWS mail (verdict ``pass``) of a notice type
    that carries no secret. ``raw`` (the stored bytes) lets attachments and calendar parts be read;
    ``keep``: the recipient's own account id, kept under default-deny."""
    # complexity 20: the one place that decides each rendering and its reason; split, the reasons would drift apart
    deny = default_deny_applies(parsed, notice)
    keep_set = frozenset(k for k in keep if k) if deny else frozenset()
    kinds: set[str] = set()
    values: set[str] = set()
    spans: dict[str, list[Secret]] = {}
    for text in mail_texts(parsed, raw):
        if text in spans:
            continue  # the same text again (an attribute repeating the subject): same spans, kinds, values
        # one scan per part; under default-deny the spans of the words/links rules keep their own
        # kind (the more specific one wins a merge), and only those become values to scrub elsewhere
        found = spans[text] = find_secrets(text, default_deny=deny, keep=keep_set)
        if found:  # (most parts hold none: no kinds, and secret_values of no spans is the empty set)
            kinds.update(secret.kind for secret in found)
            values |= secret_values(text, [s for s in found if s.kind not in GENERIC_KINDS])
    if notice.secret and not kinds:
        kinds.add("secret-bearing notice type")
    if deny and not kinds:
        kinds.add(DEFAULT_DENY_KIND)
    redactor = Redactor(deny, keep_set, tuple(sorted(values - keep_set))[:MAX_VALUES])

    def redacted(text: str) -> str:
        """``redactor(text)``, from the spans already found when ``text`` was scanned above."""
        found = spans.get(text)
        return redactor.scrub(_replace(text, found)) if found is not None else redactor(text)

    internal = redacted(parsed.text)
    reason: str | None = None
    if notice.secret:
        reason = f"{notice.notice_type} carries live secrets"
    elif auth is None or auth.verdict != "pass":
        reason = "suspected spoof: not proven to come from AWS" if (auth and auth.suspected_spoof) \
            else "sender authenticity not proven"
    customer = None if reason else mask_access_keys(internal)
    subject = redacted(parsed.subject)
    forget_mail_values()  # (the caches keyed by this mail's links and values: emptied, no secret kept past the mail)
    return Rendering(internal_text=internal, customer_text=customer, secret_kinds=tuple(sorted(kinds)),
                     withheld_reason=reason, subject=subject, redactor=redactor)


def forget_mail_values() -> None:
    """Empty every cache keyed by a mail's links and values (secrets among them): this module's value patterns and
    scans, and :func:`routing.secrets.forget_values`. :func:`render` calls it when a mail is rendered; a cache that
    outlived its mail would hold its reset links and codes in the worker's memory until evicted."""
    _values_pattern.cache_clear()
    _value_scan.cache_clear()
    forget_values()
