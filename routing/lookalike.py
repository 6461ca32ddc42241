"""Senders that imitate AWS: the From header read from raw bytes, look-alike domains and names.

* The From header is read from its raw bytes (:func:`read_from`, :mod:`routing.addresses`).
* :func:`skeleton` maps text to what it looks like, in the spirit of UTS #39 §4 (skeleton): NFKC,
  invisible and format characters removed, each non-ASCII character replaced by an ASCII prototype
  from the Unicode confusables data (the ``confusable-homoglyphs`` package), combining marks
  dropped, case folded. :func:`folded` also undoes digit/letter swaps (``amaz0n``, ``arnazon``,
  ``avvs``) and doubled letters.
* :func:`domain_imitation` says why a From domain imitates AWS: IDN/punycode or confusable
  characters that look like an AWS domain, an AWS brand word (``amazon``, ``aws``) in any label of a
  non-AWS domain (``aws.com.evil.example``), a trailing dot (``amazon.com.``), invisible characters.
* :func:`list_header_problems`: Sender, List-Id, List-Post and List-Owner say who sent or
  redistributed the mail; with an AWS From they must name an AWS domain. List-Unsubscribe and the
  other link headers may point at AWS's mailing service (AWS marketing mail carries
  ``List-Unsubscribe: <mailto:…@unsub-sj.mktomail.com>``): their domains must be AWS domains or
  one of :data:`AWS_LIST_SERVICES`.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from functools import lru_cache

from confusable_homoglyphs import confusables

from routing.addresses import Mailbox, single_mailbox, unfold
from routing.domains import AwsDomains, organizational_domain

# organizational domains of the services AWS's own list mail links to: Marketo and awscloud.com for
# AWS marketing, SES's own domains (amazonses.com; awstrack.me, SES click tracking) for SES-sent notices.
# Only link headers (List-Unsubscribe, …) may name them; an unsigned one is left out of the signed view.
AWS_LIST_SERVICES = frozenset({"mktomail.com", "awscloud.com", "amazonses.com", "awstrack.me"})
_IDENTITY_LIST_HEADERS = ("sender", "list-id", "list-post", "list-owner")
_LINK_LIST_HEADERS = ("list-unsubscribe", "list-subscribe", "list-help", "list-archive")
#: every header name :func:`list_header_problems` reads (it passes over the others)
LIST_HEADERS = (*_IDENTITY_LIST_HEADERS, *_LINK_LIST_HEADERS)
_INVISIBLE_EXTRA = frozenset("\u115f\u1160\u3164\uffa0\u2800\u180e")
_SWAPS = str.maketrans({"0": "o", "1": "l", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "|": "l"})
_LATIN_NAME = re.compile(r"(?:LATIN|MODIFIER) (?:SMALL |CAPITAL )?LETTER (?:SMALL CAPITAL |SMALL |CAPITAL )?([A-Z])$")
_EXTRA_PROTOTYPES = {"\u0437": "3", "\u0417": "3"}  # Cyrillic ze looks like 3, not in the pairs data
# a+m+a+[ze]+o+n+ (3 folds to e: "ama3on", Cyrillic з) in linear work: tried only where a run of "a" starts
# (not after an "a") and each run taken whole (possessive: adjacent letters differ, so giving one back never
# helps). The plain pattern was retried from every "a" of a run and rescanned it: quadratic ("a" x 16,000 in a
# display name, which every mail whose From domain is not AWS reaches, 3.2 s; now 0.2 ms); same answers
# (tests/routing/test_lookalike.py against it)
_AMAZON = re.compile(r"(?<!a)a++m++a++[ze]++o++n++")
_AWS_WORD = re.compile(r"a++w++s++")  # fullmatch of a+w+s+ (possessive: same answers, no backtracking)
_DOMAIN_IN = re.compile(r"@([^\s>,;?&\"']+)|<[a-z]+://(?:[^@/>\s]*@)?([^/:?#>\s]+)", re.IGNORECASE)
_LIST_ID = re.compile(r"<([^<>]*)>\s*$")


def is_invisible(char: str) -> bool:
    """Format, control, private-use and unassigned characters, and blank fillers (zero width etc.)."""
    return unicodedata.category(char) in ("Cf", "Cc", "Co", "Cn") or char in _INVISIBLE_EXTRA


@lru_cache(maxsize=4096)
def _prototype(char: str) -> str:
    """An ASCII letter or digit that ``char`` is confusable with, following the data's pairs up to
    three steps (``ᴀ`` -> ``ꭺ`` -> ``A``), else ``char``."""
    seen, frontier = {char}, [char]
    for _ in range(3):
        following = []
        for current in frontier:
            for glyph in confusables.confusables_data.get(current, ()):
                candidate = str(glyph.get("c", ""))
                if candidate.isascii() and candidate.strip() and candidate.isalnum():
                    return candidate
                if len(candidate) == 1 and candidate not in seen:
                    seen.add(candidate)
                    following.append(candidate)
        frontier = following
    named = _LATIN_NAME.match(unicodedata.name(char, ""))  # small capitals, modifier letters: ᴀ -> a
    return named.group(1).lower() if named else _EXTRA_PROTOTYPES.get(char, char)


def skeleton(text: str) -> str:
    """What ``text`` looks like, as ASCII where a confusable ASCII prototype exists, case folded."""
    out = []
    for char in unicodedata.normalize("NFKC", text):
        if char in "\t\r\n " or not is_invisible(char):
            out.append(char if char.isascii() else _prototype(char))
    decomposed = unicodedata.normalize("NFKD", "".join(out).casefold())
    return "".join(c for c in decomposed if unicodedata.category(c) != "Mn")


def folded(text: str) -> str:
    """:func:`skeleton` with digit/letter swaps undone (0->o, 1->l, rn->m, vv->w, …)."""
    return skeleton(text).translate(_SWAPS).replace("rn", "m").replace("vv", "w")


def _brand_word(word: str) -> bool:
    return bool(_AMAZON.search(word)) or word.startswith("aws") or _AWS_WORD.fullmatch(word) is not None


@lru_cache(maxsize=1024)  # per display name: the same senders write again and again
def name_claims_aws(text: str) -> bool:
    """Does a display name (or any header text) name Amazon or AWS, however disguised?"""
    for variant in (skeleton(text), folded(text)):
        words = [w for w in re.split(r"[^a-z0-9]+", variant) if w]
        spelled = re.findall(r"(?:\b[a-z0-9] ){2,}[a-z0-9]\b", " ".join(words) + " ")  # "A.W.S", "a m a z o n"
        if any(_brand_word(word) for word in words + [s.replace(" ", "") for s in spelled]):
            return True
    return False


def _unicode_labels(domain: str) -> tuple[str, bool]:
    """``domain`` with punycode labels decoded, and whether it is an IDN (punycode or non-ASCII)."""
    labels, idn = [], not domain.isascii()
    for label in domain.split("."):
        if label.lower().startswith("xn--"):
            idn = True
            with contextlib.suppress(UnicodeError, ValueError):
                label = label[4:].encode("ascii").decode("punycode")
        labels.append(label)
    return ".".join(labels), idn


@lru_cache(maxsize=1024)  # per From domain
def domain_imitation(domain: str, aws: AwsDomains) -> str | None:
    """Why the From domain ``domain`` (as written, lower case) imitates AWS, or None."""
    # complexity 18: an ordered list of imitation tests, the first that holds names the reason
    if not domain:
        return None
    if domain.endswith("."):
        bare = domain.rstrip(".")
        if aws.is_aws(bare) or name_claims_aws(bare):
            return f"From domain {domain!r} ends with a dot: not the AWS domain {bare}"
        return None
    text, idn = _unicode_labels(domain)
    invisible = any(is_invisible(c) for c in text)
    if aws.is_aws(domain) and not idn and not invisible:
        return None
    look = folded(text)
    # 1 and l both pass for i (s1gnin, slgnin); separators dropped (a-w-s.com)
    variants = {look, skeleton(text).replace("1", "i"), look.replace("l", "i"), look.replace("-", ""),
                look.replace("_", "")}
    imitated = next((v for v in sorted(variants) if aws.is_aws(v)), None)
    if imitated:
        kind = "IDN/punycode" if idn else ("invisible characters" if invisible else "look-alike characters")
        return f"From domain {domain!r} imitates the AWS domain {imitated} ({kind})"
    if any(_brand_word(label) for label in re.split(r"[^a-z0-9]+", look) if label):
        return f"From domain {domain!r} carries an AWS brand word but is not an AWS sender domain"
    if invisible:
        return f"From domain {domain!r} holds invisible characters"
    return None


@lru_cache(maxsize=1024)  # per From header value (a Mailbox is immutable)
def read_from(value: bytes) -> Mailbox:
    """The From header ``value`` (raw bytes after the colon): address from the undecoded text."""
    return single_mailbox(value.decode("utf-8", "replace"), "From")


def _text(value: bytes) -> str:
    return unfold(value.decode("utf-8", "replace"))


def _domains_in(name: str, value: bytes) -> list[str]:
    if name == "list-id":  # RFC 2919: [phrase] "<" list-label "." list-id-namespace ">"
        list_id = _LIST_ID.search(_text(value))
        return [(list_id.group(1) if list_id else _text(value)).strip().lower()]
    out = []
    for match in _DOMAIN_IN.finditer(_text(value)):
        found = next(g for g in match.groups() if g)
        out.append(found.strip().lower())
    return out


def list_header_problems(headers: list[tuple[str, bytes]], aws: AwsDomains) -> list[str]:
    """Sender and List-* headers of an AWS From mail that name someone else (``headers``: name
    in lower case, raw value)."""
    problems = []
    for name, value in headers:
        if name not in _IDENTITY_LIST_HEADERS and name not in _LINK_LIST_HEADERS:
            continue
        domains = _domains_in(name, value) or ["(none)"]
        allowed = [d for d in domains if (aws.is_aws(d) and not d.endswith("."))
                   or (name in _LINK_LIST_HEADERS and organizational_domain(d) in AWS_LIST_SERVICES)]
        if len(allowed) != len(domains):
            other = next(d for d in domains if d not in allowed)
            problems.append(f"{name.title()} names {other}, not an AWS domain, on mail with an AWS From")
    return problems
