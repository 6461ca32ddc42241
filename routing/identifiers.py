"""Identifiers named in an AWS mail: account ids, case ids, Health event ARNs, resources, periods.

Owns the patterns that find them in the subject, the readable text and a few AWS headers (and, read by
:mod:`routing.htmltables`, the account columns of the HTML part's tables and its label/value pairs). Pure:
the mail's date (for "for the month of June") is passed in.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from routing.deadline import MONTHS
from routing.htmltables import (
    MAX_MARKUP,
    TableAccounts,
    ascii_digits,
    has_id_form,
    label_accounts,
    table_accounts,
    text_table_accounts,
)
from routing.htmltext import html_to_text
from routing.patterns import (
    FOLDS_TO_ASCII,
    fold_lower,
    folds_to_ascii,
    literal_needles,
    matches_at,
    matches_at_literals,
    matches_from_starts,
)

_I = re.IGNORECASE
# 123456789012, 1234-5678-9012 or 1234 5678 9012 (the console writes account ids with dashes), also in
# groups of three (123-456-789-012, 123 456 789 012); the groups also joined by a no-break space (U+00A0) or a
# narrow no-break space (U+202F), as French typography writes them
_SP = "[ \u00a0\u202f]"
# a year right after an id, not more of its digits ("账户 307980335450 2026年12月的费用", "account 307980335450
# 2026-12"): 19xx or 20xx, then 年/년 or a month after a dash, slash or dot
_YEAR_AFTER = r"(?:19|20)\d\d(?:[ \t]*[年년]|[-/.](?:0?[1-9]|1[0-2])(?!\d))"
_ACCT = (rf"(\d{{12}}|\d{{4}}-\d{{4}}-\d{{4}}|\d{{4}}{_SP}\d{{4}}{_SP}\d{{4}}|\d{{3}}-\d{{3}}-\d{{3}}-\d{{3}}"
         rf"|\d{{3}}{_SP}\d{{3}}{_SP}\d{{3}}{_SP}\d{{3}})(?!\d|[-\u00a0\u202f ](?!{_YEAR_AFTER})\d)")
_MONTH_WORD = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
               r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")

# account ids, strongest evidence first
# an account's number named so after its noun in a subject ("アカウント番号", "账户号码", "계정 번호", "Account number",
# "Kontonummer", "número de cuenta" is another word order, not read here)
_SUBJECT_NUMBER = r"(?:\s*+(?:番号|号码|號碼|编号|編號|번호|number|nummer|no\.))?"
_ACCOUNT_SUBJECT = (
    # the localized tag too, where "AWS" follows the noun: [Compte AWS : …], [Conta AWS: …], [Cuenta de AWS: …],
    # [Account AWS: …], [AWS 계정: …]
    # (or its number: "[アカウント番号: 9423…]", "[Account number: …]", "[계정 번호: …]", "[账户号码: …]")
    re.compile(r"\[\s*(?:AWS[\s-]*)?(?:Account(?:\s+ID)?|ID|アカウント(?:\s*ID)?|Konto|Cuenta|Compte|Conta|계정|账户|帐户|账号|帳戶|賬戶|帳號)"
               r"(?:\s+(?:de\s+|da\s+|do\s+)?AWS)?(?:\s*+ID)?" + _SUBJECT_NUMBER + r"\s*+[:：]?\s*+" + _ACCT + r"\s*\]",
               _I),
    re.compile(r"\[\s*" + _ACCT + r"\s*\]"),
    # (and the "AWS ID" label of an abuse report's subject, "… - AWS ID: 4417…", also in the word order of es, pt,
    # fr, it: "ID de AWS:", "ID AWS :", "Identifiant AWS :")
    # (and the Italian word order, "sospensione dell'account AWS 8451…")
    # (not the account something comes from or is shared by: "Resource share from account 3044…"; nor the one whose
    # organization the reader is invited to: "invitation to join the organization of account 5919…")
    re.compile(r"(?<!from )(?<!by )(?<!from AWS )(?<!by AWS )(?<!organization of )(?<!organisation of )"
               r"(?<!organization of AWS )(?<!organisation of AWS )"
               r"\b(?:(?:AWS\s+)?account(?:\s+AWS)?(?:\s+ID)?|AWS[- ]ID|ID\s+(?:d[aeo]\s+)?AWS|"
               r"Identif(?:icador|iant)\s+(?:d[aeo]\s+)?AWS)\s*[:#：]?\s*" + _ACCT, _I),
    # (last) the localized noun, no brackets ("AWS アカウント 2066… のお支払い", "compte AWS 8451…", "AWS-Konto 9022…"):
    # tried only on a subject that is not plain ASCII or holds one of _SUBJECT_NOUNS (every ASCII match does)
    re.compile(r"(?:アカウント(?:\s*ID)?|\bKontos?|\b(?:cuenta|compte|conta)(?:\s+(?:de\s+|da\s+|do\s+)?AWS)?|계정|账户|帐户|账号|帳戶|賬戶|帳號)"
               + _SUBJECT_NUMBER + r"\s*+[:：#]?\s*+" + _ACCT, _I),
)
_SUBJECT_NOUNS = ("kont", "cuenta", "compte", "conta")
# an account id's form alone: every match of an _ACCOUNT_SUBJECT pattern holds one (its _ACCT, which reads only digits,
# dashes and spaces: re.IGNORECASE changes nothing there), so a subject without one is not searched with them (the
# look-ahead, which every _ACCT match meets, lets re pass over a non-digit with one test instead of five alternatives)
_ACCOUNT_FORM = re.compile(r"(?=\d)" + _ACCT)
# what may stand right before a 12-digit number in the body, strongest first (searched backwards
# from each 12-digit number: cost proportional to the numbers, not to the text)
_OPEN_ID = r"(?:\s*[(（]\s*(?:ID\s*)?)?(?:\s*[「『\"“])?"  # "account (ID: …)", "アカウント（ID：…）", "アカウント「…」"
# a number sign between the noun and the number ("cuenta de AWS N.º 2210…", "compte n° 6620…", "account no. 6620…",
# "conta nº 6620…", "Konto Nr. 6620…", "numéro", "número")
_NUMBER_SIGN = r"(?:\s*(?:n\.?\s*[º°]|n\.o|no\.|nr\.|n[úu]m(?:ero)?\.?|num[ée]ro|nummer)\.?)?"


# the stdlib regex parser (CPython's private re._parser and re._constants, 3.11-3.13), read once at import for the
# literals every match of a pattern begins with (:func:`opening_literals`); any failure of it means "no such
# literals" (the plain search), never another answer
_sre_parser: Any = importlib.import_module("re._parser")
_sre_constants: Any = importlib.import_module("re._constants")
_sre_iscased: Callable[[int], bool] = getattr(importlib.import_module("_sre"), "unicode_iscased", lambda code: True)
_ZERO_WIDTH = (_sre_constants.AT, _sre_constants.ASSERT, _sre_constants.ASSERT_NOT)
_REPEATS = tuple(getattr(_sre_constants, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
                 if hasattr(_sre_constants, name))
_OPENING_CHARACTERS = 6  # the longest opening literal kept (longer ones are cut: still openings)
MAX_OPENING_TRIES = 64  # tries at opening literals in one text before the plain search answers


def _opening(items: list[Any], budget: int = _OPENING_CHARACTERS) -> set[str]:
    """Strings one of which every match of the parse items ``items`` (followed by anything) begins with, in
    :func:`fold_lower`'s form; "" among them: a match may begin otherwise (nothing known). A literal character counts
    only where ``re.IGNORECASE`` matches it to nothing but what :func:`fold_lower` reads as it (an ASCII character:
    İ ı ſ K fold to their letters; or one re treats as uncased, which matches only itself); zero-width items
    (``\\b``, ``^``, ``\\A``, look-arounds) consume nothing and are skipped; an optional item opens with itself or
    with what follows it. Anything else (a category, a range, a negated set, ``.``) ends what is known."""
    if not items or budget == 0:
        return {""}
    op, arg = items[0]
    rest = items[1:]
    if op in _ZERO_WIDTH:
        return _opening(rest, budget)
    if op is _sre_constants.LITERAL:
        if arg >= 128 and _sre_iscased(arg):
            return {""}
        return {chr(arg).lower() + tail for tail in _opening(rest, budget - 1)}
    if op is _sre_constants.IN:
        if not arg or not all(kind is _sre_constants.LITERAL and (code < 128 or not _sre_iscased(code))
                              for kind, code in arg):
            return {""}
        return {chr(code).lower() for _, code in arg}  # (one character each: not extended)
    if op is _sre_constants.SUBPATTERN:
        return _opening(list(arg[-1]) + rest, budget)
    if op is _sre_constants.BRANCH:
        return {opening for branch in arg[1] for opening in _opening(list(branch) + rest, budget)}
    if op in _REPEATS:
        low, _, body = arg
        body_opening = _opening(list(body), budget)  # (then another repetition or the rest: anything)
        return body_opening | _opening(rest, budget) if low == 0 else body_opening
    return {""}


def opening_literals(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Literals (in :func:`fold_lower`'s form) one of which every match of ``pattern`` begins with, none of them
    the start of another, or None: none known, or one that opens with whitespace (tried too often to gain)."""
    try:
        found = _opening(list(_sre_parser.parse(pattern.pattern, pattern.flags)))
    except Exception:  # (a changed internal of re: no literals, the plain search)
        return None
    if "" in found or any(literal[0].isspace() for literal in found):
        return None
    openings = tuple(sorted(literal for literal in found
                            if not any(other != literal and literal.startswith(other) for other in found)))
    _ASCII_OPENINGS[openings] = tuple(literal for literal in openings if literal.isascii())
    return openings


# the ASCII ones of each tuple of opening literals: a folded ASCII text holds no other (``str.isascii`` reads a flag)
_ASCII_OPENINGS: dict[tuple[str, ...], tuple[str, ...]] = {}


def _found_from_openings(pattern: re.Pattern[str], openings: tuple[str, ...], text: str, at: int, end: int,
                         folded: str) -> bool:
    """``pattern.search(text, at, end) is not None``, the pattern tried only where ``folded`` (:func:`fold_lower` of
    ``text[at:end]``, as long: one character for one) holds one of its :func:`opening_literals` ``openings``. The same
    answer: a match begins at a position, so a literal it opens with is there in the folded text (every character
    ``re.IGNORECASE`` matches to a literal's character folds to it), whole before ``end`` (the match ends there at
    most); and ``match`` at a position is what ``search`` tries there (look-behinds, ``\\b`` and ``\\A`` read the
    whole ``text`` in both). After :data:`MAX_OPENING_TRIES` tries the plain search answers (a hostile text full of
    the literals costs no more than it did). tests/routing/test_speed_s32_ids.py."""
    tries = 0
    for literal in _ASCII_OPENINGS.get(openings, openings) if folded.isascii() else openings:
        found = folded.find(literal)
        while found != -1:
            if pattern.match(text, at + found, end) is not None:
                return True
            tries += 1
            if tries == MAX_OPENING_TRIES:
                return pattern.search(text, at, end) is not None
            found = folded.find(literal, found + 1)
    return False


def _first_from_openings(pattern: re.Pattern[str], openings: tuple[str, ...], text: str, folded: str,
                         offset: int = 0) -> re.Match[str] | None:
    """``pattern.search(text)``, the pattern tried (left to right) only where ``folded[offset:offset + len(text)]``
    (:func:`fold_lower` of ``text``, one character for one) holds one of its :func:`opening_literals` ``openings``: the
    leftmost position where a match begins is one of them (:func:`_found_from_openings`), and the match re finds there
    is the one ``search`` finds. tests/routing/test_speed_s32_ids.py."""
    end = offset + len(text)
    positions: set[int] = set()
    for literal in _ASCII_OPENINGS.get(openings, openings) if folded.isascii() else openings:
        found = folded.find(literal, offset, end)
        while found != -1:
            positions.add(found - offset)
            if len(positions) > MAX_OPENING_TRIES:  # (a text full of the literals: the plain search, as before)
                return pattern.search(text)
            found = folded.find(literal, found + 1, end)
    for at in sorted(positions):
        match = pattern.match(text, at)
        if match is not None:
            return match
    return None


@dataclass(frozen=True, slots=True)
class _Gated:
    """A pattern searched in the ``reach`` characters before a number, with the cheap gates that spare its
    search, kept with it so that a gate moves with its pattern:

    * ``needles``: lower-case literals one of which every match holds, in :func:`fold_lower`'s form (the window
      is searched only where its folded text holds one; None: always searched);
    * ``end``: a regex every match also matches at the window's end (None: none);
    * ``in_text``: a literal (as written: the pattern is case-sensitive) the whole text holds wherever the
      pattern matches (None: none);
    * ``then_header``: (an account tier) the account of the notification's event ARN header ranks right after it;
    * ``openings`` (computed: :func:`opening_literals`): the pattern is tried only where the folded window holds
      one of the literals every match begins with, not at each of its characters (:func:`_found_from_openings`).

    tests/routing/test_identifier_gates.py checks that no gate hides a match."""

    pattern: re.Pattern[str]
    needles: tuple[str, ...] | None = None
    end: re.Pattern[str] | None = None
    in_text: str | None = None
    reach: int = 60
    then_header: bool = False
    openings: tuple[str, ...] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "openings", opening_literals(self.pattern))

    def search(self, text: str, start: int, folded: str) -> bool:
        """Whether the pattern matches in the ``reach`` characters of ``text`` before ``start``
        (``folded``: :func:`fold_lower` of those characters, or of more around them)."""
        needles = self.needles
        if needles is not None and not any(map(folded.__contains__, needles)):
            return False
        at = max(0, start - self.reach)
        if self.end is not None and self.end.search(text, at, start) is None:
            return False
        if self.openings is None or len(folded) != start - at:  # (a folded text of more than the window)
            return self.pattern.search(text, at, start) is not None
        return _found_from_openings(self.pattern, self.openings, text, at, start, folded)


# the full id, named so after a masked one ("full ID", "Account ID in full", "identifiant complet", "ID completa",
# "vollständige ID", "完整 ID", "完全な ID", "전체 ID")
# (and the "is" that may say the id after it, 9 languages: "The full account ID is N", "O ID completo é N")
_FULL_ID_IS = r"(?:\bis|\bes|é|\best|è|\blautet|\bist|是|为|為|は|는|은)"
_FULL_ID = (r"\b(?:full|complete)\s+(?:AWS\s+)?(?:account\s+)?ID|\b(?:AWS\s+)?(?:account\s+)?ID\s+in\s+full|"
            r"\bID\s+(?:(?:dell.|del |de la |da |du )?(?:account|cuenta|conta|compte)\s+)?complet[oa]?|"
            r"\bidentifiant\s+(?:de\s+compte\s+)?complet|\bvollständige\s+(?:Konto-?)?ID|完整\s*ID|完全な\s*ID|전체\s*ID|"
            # (the full account, named so: "(account completo: 7195…)", "(full account: …)", "(cuenta completa: …)")
            r"\b(?:full|complete)\s+(?:AWS\s+)?account\b|\baccount\s+complet[oa]\b|\bcuenta\s+completa\b|"
            r"\bconta\s+completa\b|\bcompte\s+complet\b|\bvollständiges\s+Konto\b|完整(?:的)?\s*(?:账户|帐户|帳戶|账号|帳號)|"
            r"完全な\s*アカウント|전체\s*계정")
# how every match of the first (the costliest) pattern ends: a colon, then only whitespace, or a JSON
# key's opening quote, or the "is" of a full id ("The full account ID is 8462…"). A window not ending so is not searched
# with it
_FIRST_TIER_END = re.compile(r'(?:[:："]|' + _FULL_ID_IS + r')\s*\Z')
# literals one of which every match of the second tier (the reader's account in the second person) holds
_SECOND_PERSON_NEEDLES = ("your", "owner", "sua", "seu", "suya", "vôtre", "suo", "ihr", "cuenta", "votre", "tuo",
                          "vostro", "お客様", "ご利用", "귀하", "고객님", "회원님", "您的")
_ACCOUNT_TIERS = (
    # (a "Linked account:" or "Member account:" field is weaker: the payer's own account named in prose wins)
    # (the "AWS ID" label also in the word order of es, pt, fr, it: "ID de AWS:", "ID da AWS:", "ID AWS :",
    # "Identifiant AWS :", "Identificador de AWS:")
    # (hyphenated as a compound: "AWS-account-ID:", "Account-ID:")
    _Gated(re.compile(r"(?:affected account|aws[- ]account[- ]id|payer account|aws[- ]id|account[- ]id|aws[- ]account|"
               r"\bID\s+(?:d[aeo]\s+)?AWS|\bIdentif(?:icador|iant)\s+(?:d[aeo]\s+)?AWS|"
               r"(?<!linked )(?<!member )account|アカウント\s*ID|アカウント|"
               # (the full id after a masked one: "the account ending in ****1933 (ID completo: 4991…)", "full ID:")
               + _FULL_ID + r")" + _OPEN_ID + r"\s*[:：]\s*\Z"
               # (or the full id said to be it: "The full account ID is 8462…", "O ID completo é", "完整 ID 是")
               r"|(?:" + _FULL_ID + r")\s*" + _FULL_ID_IS + r"\s*[:：]?\s*\Z"
               # the account key of a JSON event (an EventBridge finding forwarded by SNS)
               r'|"(?:account|accountId|awsAccountId|aws_account_id|AccountId)"\s*:\s*"\Z', _I),
           end=_FIRST_TIER_END, then_header=True),
    # (its number too: "Your account number is 9171-…")
    _Gated(re.compile(r"\b(?:your|owner of)\s+(?:AWS\s+|Amazon Web Services\s+)?(?:payer\s+)?account"
               r"(?:\s+(?:ID|number))?(?:\s+is)?" + _OPEN_ID + r"\s*:?\s*\Z"
               # the second person in the other languages AWS writes in ("Ihr AWS-Konto", "su cuenta de AWS", "votre
               # compte AWS", "a sua conta da AWS", "il tuo account AWS", "お客様の AWS アカウント", "귀하의 AWS 계정",
               # "회원님의 AWS 계정", "您的 AWS 账户"): the reader's, though another account (the inviting one) is
               # named first
               r"|(?:\bIhr(?:e[sm]?|en)?\s+(?:AWS-)?Kontos?|\b(?:su|tu)\s+cuenta(?:\s+de\s+AWS)?"
               r"|\bvotre\s+compte(?:\s+AWS)?|\bsua\s+conta(?:\s+(?:da\s+)?AWS)?"
               r"|\b(?:il\s+)?(?:tuo|suo|vostro)\s+(?:ID\s+)?account(?:\s+AWS)?(?:\s+[èe])?"
               r"|(?:お客様|ご利用)の\s*(?:AWS\s*)?アカウント"
               r"|(?:귀하|고객님|회원님)의\s*(?:AWS\s*)?계정|您的\s*(?:AWS\s*)?(?:账户|帐户|账号|帳戶))(?:\s*ID)?"
               # (then "is" as CJK writes it: "您的 AWS 账户 ID 是：2508…", "アカウント ID は", "계정 ID는")
               r"(?:\s*(?:是|为|為|は|는|은))?"
               + _OPEN_ID + r"\s*[:：]?\s*\Z"
               # the ID of the reader's account, then "is" ("O ID da sua conta é 5530…", "El ID de su cuenta es",
               # "L'ID de votre compte est", "L'ID del tuo account è", "Ihre Konto-ID lautet")
               r"|\b(?:ID|identifiant|identificador)\s+(?:da\s+sua\s+conta|de\s+su\s+cuenta|de\s+votre\s+compte|"
               r"del\s+(?:tuo|suo)\s+account)(?:\s+(?:da\s+|de\s+)?AWS)?(?:\s+(?:é|es|est|è))?\s*[:：]?\s*\Z"
               r"|\bIhr(?:e)?\s+(?:AWS-)?Konto-?ID(?:\s+(?:lautet|ist))?\s*[:：]?\s*\Z"
               # (the possessive before the ID: "Su ID de cuenta de AWS es 8133…", "O seu ID de conta da AWS é",
               # "Votre ID de compte AWS est")
               r"|\b(?:su|tu)\s+ID\s+de\s+cuenta(?:\s+de\s+AWS)?(?:\s+es)?\s*[:：]?\s*\Z"
               r"|\bseu\s+ID\s+de\s+conta(?:\s+(?:da\s+)?AWS)?(?:\s+é)?\s*[:：]?\s*\Z"
               r"|\bvotre\s+(?:ID|identifiant)\s+de\s+compte(?:\s+AWS)?(?:\s+est)?\s*[:：]?\s*\Z"
               # "accounts on this plan, such as yours (6601 2298 4473)"
               r"|\b(?:such as yours|like yours|como a sua|como la suya|comme le vôtre|come il suo|wie Ihres)"
               r"\s*[(（]\s*\Z", _I), _SECOND_PERSON_NEEDLES),
    # (also after the Region the account is named in: "Your Amazon SES account in us-west-2 (5520…)", "account in
    # the US West (Oregon) Region (5520…)")
    # (and named by its id: "the AWS account with ID 4762…", "the account with the number", "l'account con ID")
    _Gated(re.compile(r"\baccount(?:\s+ID|\s+number|\s+with\s+(?:the\s+)?(?:ID|number)|\s+con\s+(?:l.)?ID)?"
                      + _NUMBER_SIGN + _OPEN_ID + r"\s*[:#,(]?\s*\Z"
                      r"|\baccount\s+in\s+(?:[a-z]{2}(?:-gov)?-[a-z]+-\d|the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}"
                      r"\s+\([\w. ]{2,30}\)\s+[Rr]egion)\s*\(\s*\Z", _I)),
    # (and so in es, pt, fr, it, de, the Region after the account: "su cuenta de Amazon SES en la región UE
    # (Fráncfort) (8016-2091-7102)", "su cuenta está en revisión en la región eu-central-1 (8016-…)", "votre compte …
    # dans la région …")
    _Gated(re.compile(r"\b(?:cuenta|conta|compte|account|Konto)\b[^()\n]{0,40}?"
                      r"\b(?:regi[oó]n|regi[aã]o|r[eé]gion|regione|Region)\b[^()\n]{0,30}?(?:\([^()\n]{2,30}\)\s*)?\(\s*\Z",
                      _I), ("regi", "rég")),
    # (the German genitive too: "des AWS-Kontos 6021 4478 9930")
    # (and the service named after the noun: "la cuenta de Amazon SES 6620…", "le compte AWS 6620…"; the
    # account-number field of a German invoice: "Kontonummer:", "Konto-Nr.:")
    _Gated(re.compile(r"(?:\b(?:kontos?|cuenta|compte|conta)(?:\s+ID)?"
               r"(?:\s+(?:de\s+|da\s+|do\s+|du\s+)?(?:Amazon\s+)?(?:AWS|SES|Web\s+Services)(?:\s+SES)?)?"
               # (the account concerned: "Compte concerné :", "Cuenta afectada:", "Conta afetada:")
               r"(?:\s+(?:concern[ée]|affect[ée]|afectada|afetada))?"
               # (named by its id: "la cuenta de AWS con el ID 4762…", "a conta com o ID", "le compte AWS avec l'ID",
               # "das Konto mit der ID")
               r"(?:\s+(?:con\s+(?:el\s+)?|com\s+(?:o\s+)?|avec\s+(?:l.|le\s+)?|mit\s+der\s+)(?:ID|identifiant|identificador))?"
               r"|\bbetroffene[sn]?\s+(?:AWS-)?Konto|\baccount\s+interessato"
               r"|\bkonto-?(?:nummer|nr\.?|id)|アカウント\s*(?:ID|番号)?(?:\s*は)?"
               # (a heading in lenticular brackets over the number: "【対象アカウント】", "【账户】")
               r"|【[^】\n]{0,12}(?:アカウント|账户|帐户|帳戶|계정)(?:\s*(?:ID|番号|编号|번호))?】)"
               + _NUMBER_SIGN + _OPEN_ID + r"\s*[:：#]?\s*\Z", _I)),
    # the member account as a German compound ("Mitgliedskontos 8830…"), the buyer's ("Käuferkontos 6633…"), the payer's
    # ("Zahlerkonto 5764 6876 2252", a statement's, as "Payer account" is read in English), the
    # "AWS ID" label without a colon, also in the word order of es, pt, fr, it ("AWS ID 6620…", "ID de AWS 6620…",
    # "ID AWS 6620…", "Identifiant AWS 6620…") (tried only where the window holds "kont" or "id")
    _Gated(re.compile(r"(?:(?:Mitglieds|Member|Käufer|Zahler)-?kontos?|\bAWS[- ]ID|\bID\s+(?:d[aeo]\s+)?AWS"
                      r"|\bIdentif(?:icador|iant)\s+(?:d[aeo]\s+)?AWS)" + _OPEN_ID + r"\s*[:：#]?\s*\Z", _I),
           ("kont", "id")),
    # the localized "AWS account" (compte AWS, conta da AWS, account AWS, 账户, 계정), before the number
    # (and the linked or member account, adjective after the noun: "cuenta vinculada 5120…", "compte lié 5120…",
    # also hyphenated: "conta-membro 6620…", "compte-membre", "cuenta-miembro", "account-membro")
    # (the company's name for "AWS": "l'account Amazon Web Services 4530…")
    _Gated(re.compile(r"(?:\b(?:konto|cuenta|compte|conta|account)"
               # (or the service whose account it is, named after the noun as in es, pt, fr above: "l'account
               # Amazon SES 9634…")
               r"(?:\s+(?:de\s+|da\s+|do\s+)?(?:AWS|Amazon Web Services|(?:Amazon\s+)?SES))(?:\s+con\s+(?:l.)?ID)?|"
               r"\b(?:cuenta|conta)[ -](?:vinculada|miembro|membro)|\bcompte[ -](?:li[eé]|membre)|"
               r"\baccount[ -](?:collegato|membro)|"
               # the buyer's account of a Marketplace product (es, pt, fr, it)
               r"\b(?:cuenta|conta)(?:\s+(?:de\s+|da\s+)?AWS)?\s+(?:compradora|del\s+comprador|do\s+comprador)|\bcompte\s+(?:acheteur|de\s+l.acheteur)|"
               r"\baccount\s+(?:acquirente|dell.acquirente)|\b(?:verknüpften|verknüpftes) (?:AWS-)?Konto|"
               # (with its number noun: "帳戶編號：", "账户编号：", "계정 번호:")
               r"(?:账户|帐户|账号|帳戶|帳號|계정)(?:\s*(?:ID|編號|编号|號碼|号码|번호))?"
               # (the payer's, its role in a parenthesis before the colon: "付款帳戶（管理帳戶）：7670…", the account an
               # invoice bills; not another role's so written, "관리 계정(모니터 소유자)", a cost monitor's owner)
               r"(?:(?<=付款账户|付款帐户|付款帳戶|付款賬戶|付費帳戶|付费账户)\s*[（(][^（()）\n]{1,12}[）)])?"
               # (then "is" as CJK writes it: "계정 ID는 4911…입니다", "账户 ID 为 4911…")
               r"(?:\s*(?:是|为|為|는|은))?)\s*[:：#(（]?\s*\Z", _I)),
    # a field whose label opens with "Account" and says which ("Account with the anomaly:", "Account affected by the
    # change:"), at the start of its line; not another role's ("Account pagante:", "Account payer:")
    _Gated(re.compile(r"(?:\A|\n)[ \t]*(?:AWS )?account(?: (?!of\b|name\b|owner\b|e-?mail\b|pagant|payer\b|paying\b|"
                      r"pagador|management\b|di gestione\b)[\w-]+){1,4}[ \t]*[:：][ \t]*\Z", _I), ("account",)),
    # (the same field in es, pt, fr: "Cuenta de AWS identificada: 774-122-…", "Conta da AWS afetada:", "Compte AWS
    # concerné :")
    # (its id noun first: "ID de la cuenta de AWS invitada:", "ID da conta da AWS convidada:", "ID du compte AWS
    # invité :")
    _Gated(re.compile(r"(?:\A|\n)[ \t]*(?:ID (?:de la |da |du ))?(?:cuenta de AWS|conta da AWS|compte AWS)"
                      r"(?: (?!de\b|da\b|pagador|payeur|de gesti|de gerenc)[\w-]+){1,2}[ \t]*[:：][ \t]*\Z", _I),
           ("cuenta de", "conta da", "compte aws")),
    # (the subscriber's account as a field, AWS Marketplace's: "Conta AWS do assinante: 5260…", "Compte AWS de
    # l'abonné :", "Account AWS dell'abbonato:", "AWS-Konto des Abonnenten:", "Cuenta de AWS del suscriptor:")
    _Gated(re.compile(r"(?:\A|\n)[ \t]*(?:cuenta|conta|compte|account|AWS-Konto)(?: (?:de |da )?AWS)? "
                      r"(?:del suscriptor|do assinante|de l['’]abonn[ée]|dell['’]abbonato|des Abonnenten)"
                      r"[ \t]*[:：][ \t]*\Z", _I), ("suscriptor", "assinante", "abonn", "abbonato")),
    # last: the account field of a resource ARN (arn:aws:kafka:eu-west-1:773319204456:cluster/…), as a
    # Health mail's resource table gives it when the text names the account nowhere else; not an SNS
    # topic's (a subscription confirmation names the topic owner's account, often another one) nor an
    # Organizations ARN's (it names the organization's management account), nor a User Notifications
    # contact's (as an SNS topic's: the account that added the contact, whose activation mail may reach another
    # account's address)
    # (an SNS topic's only when the mail calls it the reader's: "could not publish to your SNS topic arn:aws:sns:…")
    _Gated(re.compile(r"\barn:aws[a-z-]*:(?!sns:|organizations:|notifications-contacts:)[a-z0-9-]+:[a-z0-9-]*:\Z"
                      r"|\b(?i:your (?:amazon )?sns topic\s+(?:arn\s+)?)arn:aws[a-z-]*:sns:[a-z0-9-]+:\Z"),
           in_text="arn:aws"),
)
# the literals every match of each subject pattern opens with (:func:`opening_literals`; None where they are single
# characters: re skips to a literal first character by itself, faster)
_ACCOUNT_SUBJECT_OPENINGS = tuple(None if openings is None or all(len(literal) == 1 for literal in openings)
                                  else openings for openings in map(opening_literals, _ACCOUNT_SUBJECT))
# the patterns alone, strongest first, and the place of the ARN's (tests/routing/test_identifier_scans.py)
_ACCOUNT_BEFORE = tuple(tier.pattern for tier in _ACCOUNT_TIERS)
_ARN_TIER = next(i for i, tier in enumerate(_ACCOUNT_TIERS) if tier.in_text == "arn:aws")
# the reader's account named in the second person (it wins over an account named by its role in parentheses)
_SECOND_PERSON = next(tier for tier in _ACCOUNT_TIERS if tier.needles is _SECOND_PERSON_NEEDLES)
# an account id that is not the recipient's: the inviting, management or sending account
# (or the payer account that only gets a copy: "a copy of this email was sent to your payer account 8802…")
# (in the 9 languages: "Verwaltungskonto", "cuenta de administración", "compte de gestion", "conta de
# gerenciamento", "account di gestione", "管理アカウント", "관리 계정", "管理账户"; the inviting one "招待元アカウント",
# "초대한 계정", "邀请方账户", "einladende Konto", "cuenta que invita", "compte qui invite", "conta que convida",
# "account che invita")
_OTHER_ROLE = (r"\b(?:management|master|inviting|seller(?:'s)?)\s+(?:AWS\s+)?account|"
               r"(?:Verwaltungs|Master|Haupt|Verkäufer-?|einladende[sn]?\s+)"
               r"(?:AWS-)?-?kontos?|(?:cuenta|compte|conta|account)\s+(?:de\s+|di\s+|del\s+|do\s+|du\s+)?(?:administraci[oó]n|gestion[e]?|"
               r"gerenciamento|gest[aã]o|ma[iî]tre|maestra|mestre|master|que invita|invitante|qui invite|invitant|"
               r"que convida|convidante|che invita|vendedor|vendeur|venditore)(?:\s+(?:de\s+|da\s+)?AWS)?|"
               # (and the seller's account of a Marketplace product: "seller account", "Verkäuferkonto", "cuenta del
               # vendedor", "compte vendeur", "conta do vendedor", "account venditore", "販売者アカウント", "卖家账户",
               # "판매자 계정")
               r"(?:管理|マスター|招待元の?|관리|마스터|초대한|초대하는|邀请方的?|販売者の?|卖家的?|賣家的?|판매자의?)\s*(?:AWS\s*)?"
               r"(?:アカウント|계정|账户|帐户|账号|帳戶)")
_OTHER_BEFORE = re.compile(r"(?:(?:\b(?:another|other)|\binvit\w* .{0,60}\bby(?: the)?"
                           r"|\bcop(?:y|ied)\b.{0,50}\bto (?:your |the )?payer"
                           # (the payer that pays the reader's charges: "it will appear on the invoice of your payer
                           # account 5512…", "billed to your payer account")
                           r"|\b(?:invoice|bill|statement)s?\s+of\s+(?:your|the)\s+payer"
                           r"|\b(?:billed|charged|invoiced)\s+to\s+(?:your|the)\s+payer)\s+"
                           r"(?:AWS\s+)?account|" + _OTHER_ROLE + r")"
                           # (its id named as such: "management account (ID 1111…)", "management account with ID 1111…")
                           r"(?:\s*ID|\s+with\s+(?:the\s+)?ID)?" + _OPEN_ID + r"\s*[:：#(（]?\s*\Z", _I)
# ... searched only where the window holds one of these literals (every match holds one): cheaper than the
# pattern's search over the window
_OTHER = _Gated(_OTHER_BEFORE, ("other", "invit", "cop", "payer", "manag", "master", "verwaltung", "haupt", "einladend",
                                "administraci", "gestion", "gerenciamento", "gestão", "gestao", "maître", "maitre",
                                "seller", "verkäufer", "vendedor", "vendeur", "venditore", "販売者", "卖家", "賣家",
                                "판매자",
                                "maestra", "mestre", "convida", "管理", "マスター", "招待元", "관리", "마스터", "초대",
                                "邀请"))
# the vertical rules of a plain-text table (ASCII and box-drawing), which stand between a row's label and its value
_COLUMN_RULES = ("|", "│", "║", "┃", "┆", "┊", "╎")
_RULES_AS_SPACES = str.maketrans(dict.fromkeys(_COLUMN_RULES, " "))
_LEADERS = re.compile(r"\.{3,}|…+")
# the characters of a line that only draws a table's rule ("|---|---|", "+====+", "───", the bars read as spaces)
_RULE_LINE = " \t-=+:_─━═┼╪╬"
# a row or line whose label names the seller of a Marketplace offer ("Seller  Contoso, AWS account 3057 9912 4480",
# "Vendedor: …", "Verkäufer …", "販売者 …"): an account id on it is the seller's, never the reader's, wherever the
# row's label stands before it (read only where the text holds one of _SELLER_WORDS, folded)
_SELLER_LINE = re.compile(r"[ \t]*(?:seller|vendor|verkäufer|vendedor|vendeur|venditore|販売者|卖家|賣家|판매자)"
                          r"(?![^\W\d_])", _I)
_SELLER_WORDS = ("seller", "vendor", "verkäufer", "vendedor", "vendeur", "venditore",
                 "販売者", "卖家", "賣家", "판매자")
# up to this many 12-digit numbers, the words that gate a loop over them are read in each number's window rather than
# in the whole text (a scan of the text per word costs about what the windows of this many numbers do)
_FEW_NUMBERS = 8
# the management account's noun, right before its id (es, pt, fr, it, de as en: the pattern of _OWN_MANAGEMENT's
# monitor and invoice forms)
_MANAGEMENT_ACCOUNT_AT_END = (r"(?:management account|compte de gestion|cuenta de administraci[oó]n|"
                              r"conta de (?:gerenciamento|gest[aã]o)|account di gestione|Verwaltungskonto)"
                              r"(?:\s+ID)?\s*[:：#(（]?\s*\Z")
# the reader's own organization's management account, right before its id
_OWN_MANAGEMENT = re.compile(
    r"(?:\byour organi[sz]ation|\bvotre organisation|\bsu organizaci[oó]n|\bsua organiza[cç][aã]o|\bIhre Organisation|"
    r"\bla (?:tua|vostra|sua) organizzazione)\s*[(（,]?\s*(?:the\s+|la\s+|el\s+|a\s+|le\s+|das\s+|il\s+)?"
    r"(?:management account|compte de gestion|cuenta de administraci[oó]n|conta de gerenciamento|"
    r"account di gestione|Verwaltungskonto)(?:\s+ID)?\s*[:：#(（]?\s*\Z"
    r"|\byou are the management account\s*[(（]?\s*\Z"
    # the management account in the second person ("your management account 7315…", "da sua conta de gestão",
    # "votre compte de gestion", "Ihres Verwaltungskontos", "お客様の管理アカウント", "您的管理账户",
    # "귀하의 관리 계정")
    r"|(?:\byour|\bvotre|\btu|\bsu|\bsua|\bIhr(?:e[mnrs]?)?|\b(?:il\s+)?(?:tuo|vostro|suo))\s+"
    r"(?:management account|compte de gestion|cuenta de administraci[oó]n|conta de (?:gerenciamento|gest[aã]o)|"
    r"account di gestione|Verwaltungskontos?)(?:\s+(?:de\s+|da\s+|d[ie]\s+)?AWS)?(?:\s+ID)?\s*[:：#(（]?\s*\Z"
    r"|(?:お客様の|貴社の|您的|你的|貴公司的|귀하의\s*)(?:管理アカウント|管理账户|管理帳戶|관리 계정)"
    r"(?:\s*ID)?\s*[:：(（]?\s*\Z"
    # (the reader in it, as Chinese says where they configured something: "您在管理账户 7815… 中配置的预算操作")
    r"|(?:您|你)在\s*(?:AWS\s*)?(?:管理账户|管理帳戶|管理賬戶)(?:\s*ID)?\s*[:：(（]?\s*\Z"
    # the account whose cost monitor found the anomaly ("for monitor all-services in management account 4770…",
    # "pelo monitor contas-ligadas na conta de gestão", "für den Monitor … im Verwaltungskonto", "by monitor team-spend
    # for the management account 4410…", "par le moniteur … pour le compte de gestion"): its alerts go to it
    r"|\bmonit(?:or|eur)\s+\S{1,60}\s+(?:in|na|no|en|dans|im|nel(?:l')?|for|para|pour|für|per)\s*"
    r"(?:the\s+|la\s+|le\s+|a\s+|o\s+|el\s+|das\s+|il\s+)?(?:AWS\s+)?"
    + _MANAGEMENT_ACCOUNT_AT_END +
    # (or the monitor's owner named as an account: "sent by the monitor owner account 5137…", "le compte propriétaire
    # du moniteur", "la cuenta propietaria del monitor", "das Konto des Monitor-Eigentümers",
    # "モニター所有者アカウント")
    r"|\bmonitor(?:'s)?[ -]owner(?:'s)?(?:\s+(?:AWS\s+)?account)?(?:\s+ID)?\s*[:：#(（]?\s*\Z"
    r"|\bowner of (?:the|this) (?:cost )?monitor\b[^.\n]{0,20}?\baccount(?:\s+ID)?\s*[:：#(（]?\s*\Z"
    r"|\bcompte propri[ée]taire du moniteur\s*[:：#(（]?\s*\Z|\bcuenta propietaria del monitor\s*[:：#(（]?\s*\Z"
    r"|\bconta propriet[áa]ria do monitor\s*[:：#(（]?\s*\Z|\baccount proprietario del monitor\s*[:：#(（]?\s*\Z"
    r"|\bKonto des Monitor-?(?:Eigentümers|Besitzers)\s*[:：#(（]?\s*\Z"
    r"|(?:モニター所有者|监控器所有者|監控器擁有者|모니터 소유자)\s*(?:アカウント|账户|帳戶|계정)"
    r"\s*(?:ID)?\s*[:：#(（]?\s*\Z"
    # (so is a budget's owner, its role perhaps in parentheses: "Budget owner account (management account): 5803…",
    # "예산 소유 계정 (관리 계정) 5803…", "予算所有者アカウント", "预算所有者账户")
    r"|\bbudget(?:'s)?[ -]owner(?:'s)?(?:\s+(?:AWS\s+)?account)?(?:\s*[(（][^)）\n]{0,30}[)）])?(?:\s+ID)?"
    r"\s*[:：#(（]?\s*\Z"
    r"|(?:예산 소유(?:자)?|予算(?:の)?所有者|预算所有者|預算擁有者|预算拥有者)\s*(?:계정|アカウント|账户|帳戶)"
    r"(?:\s*[(（][^)）\n]{0,30}[)）])?\s*(?:ID)?\s*[:：#(（]?\s*\Z"
    # the management account whose e-mail address the mail asks to verify ("the e-mail address of its management account
    # (7744…) must be verified"): the mail goes to that address
    r"|\b(?:e-?mail )?address of (?:its|the|your) (?:organi[sz]ation.s )?management account\s*[:：#(（]?\s*\Z"
    # the management account the mail is sent to because of what it does ("You are receiving this message because the
    # management account 1920… still delivers legacy reports", "parce que le compte de gestion …", "porque la cuenta
    # de administración …", "porque a conta de gerenciamento …")
    r"|\b(?:receiving|received|getting|sent you) (?:this|the) (?:message|e-?mail|notice|notification)\b[^.\n]{0,30}?"
    r"\bbecause (?:the|your) (?:AWS )?management account\s*[:：#(（]?\s*\Z"
    r"|\bparce que (?:le|votre) compte de gestion\s*[:：#(（]?\s*\Z"
    r"|\bporque (?:la|su) cuenta de administraci[oó]n\s*[:：#(（]?\s*\Z"
    r"|\bporque a (?:sua )?conta de (?:gerenciamento|gest[aã]o)\s*[:：#(（]?\s*\Z"
    # an account field a mail itself marks as the recipient's ("Management account (recipient): 7315…",
    # "Conta de gestão (destinatário) 7315…")
    r"|[(（]\s*(?:recipient|destinat[aá]rio|destinataire|Empfänger|受信者|收件人|收件者|수신자)\s*[)）]"
    r"\s*[:：#]?\s*\Z"
    # the invoice issued for the management account ("The invoice for the management account 2833… is available",
    # "die Rechnung für das Verwaltungskonto 2833…", "la facture pour le compte de gestion", "la factura de la cuenta de
    # administración", "a fatura da conta de gerenciamento", "la fattura per l'account di gestione"): the invoice's
    # account, whatever linked account it includes (invoices take the payer, 67 of the 78 labelled that name both)
    r"|\b(?:invoice|rechnung|facture|factura|fatura|fattura)\s+(?:for|für|pour|para|per|de|da|do|del|della)\s+"
    r"(?:the\s+|das\s+|le\s+|la\s+|a\s+|o\s+|el\s+|l')?(?:AWS\s+)?"
    + _MANAGEMENT_ACCOUNT_AT_END, _I)
_OWN = _Gated(_OWN_MANAGEMENT, ("organi", "management", "gestion", "gestão", "gestao", "gerenciamento", "administraci",
                                "verwaltung", "管理", "관리", "recipient", "destinat", "empfänger", "受信者", "收件",
                                "수신자", "monitor", "moniteur", "モニター", "监控器", "監控器", "모니터", "budget",
                                "예산", "予算", "预算", "預算"), reach=80)
# the management account of the organization the reader created, right before its id ("You created an organization
# whose management account is 2293…", "Vous avez créé une organisation AWS dont le compte de gestion est …", "Sie haben
# eine Organisation erstellt, deren Verwaltungskonto …", "お客様が作成した組織の管理アカウントは …",
# "您创建的组织的管理账户为 …", "귀하가 생성한 조직의 관리 계정은 …"): the reader's, though _OTHER reads "management
# account" (searched only for an id _OTHER holds for another's)
_OWN_CREATED = _Gated(re.compile(
    r"(?:\byou(?:.ve| have)? created|\bvous avez créé|\bha(?:s)? creado|\bcreó|\bvocê criou|\bcriou|\bha(?:i)? creato"
    r"|\berstellt(?:\s+haben)?,?)\s+(?:[^.\n]{0,40}?\s)?(?:whose|dont le|cuya|cuja|il cui|deren)\s+"
    r"(?:management account(?:\s+ID)?\s+is|compte de gestion\s+est|cuenta de administraci[oó]n\s+es"
    r"|conta de gerenciamento\s+[ée]|account di gestione\s+[èe]|Verwaltungskonto)\s*[:：]?\s*\Z"
    # (the reader named as who created it: "생성한 조직의 관리 계정" alone is the management account of the organization
    # that created the reader's new account, another's)
    r"|(?:お客様が|あなたが|您|你|귀하가|고객님이|고객님께서)\s*"
    r"(?:作成した|作成された|创建的|建立的|생성한|만든)\s*(?:AWS\s*)?(?:組織|组织|조직)\s*(?:の|的|의)\s*"
    r"(?:管理アカウント|管理账户|管理帳戶|관리 계정)(?:\s*ID)?\s*(?:は|为|為|是|은)?\s*[:：]?\s*\Z", _I),
    ("created", "créé", "creado", "creó", "creato", "criou", "erstellt", "作成", "创建", "建立", "생성", "만든"),
    reach=80)
# a mail that gives the account concerned and its payer as two fields ("Linked account: 4471…" beside "Payer account:
# 9022…", "Cuenta vinculada:" beside "Cuenta pagadora:", 9 languages): the linked (member) account is the one the
# mail is about; the payer only pays for it (as a "Member account:" field beside the management account, unseen5)
_LINKED_FIELD = re.compile(r"(?:\b(?:linked|member|associated)\s+account(?:\s+id)?|"
                           r"\b(?:verknüpftes|zugeordnetes)\s+konto|\bmitgliedskonto|"
                           r"\bcuenta\s+(?:vinculada|miembro|asociada)|\bcompte\s+(?:li[ée]|membre|associ[ée])|"
                           r"\bconta\s+(?:vinculada|membro|associada)|\baccount\s+(?:collegato|membro|associato)|リンク(?:された)?アカウント|メンバーアカウント|(?:关联|成员)账户|"
                           r"(?:연결된|멤버|연결) 계정)(?:\s*ID)?"
                           # (a few words may qualify the field: "Linked account covered by this budget:")
                           # (or in prose: "for the charges of linked account 6027…" beside "payer account 5173…")
                           r"(?:(?:\s+[^\n:：]{1,40})?\s*[:：])?\s*\Z", _I)
# the account that owns what the mail is about as a field beside the payer's, in the other languages ("Conta
# proprietária: 3956…" over "Conta pagadora: 1834…", "Cuenta propietaria:", "Compte propriétaire :", "Account
# proprietario:", "Eigentümerkonto:", "所有者アカウント:", "所有者账户：", "소유자 계정:"; English "Owner account:" is a
# first-tier field): read as a linked account is, the colon right after it (not "Conta proprietária do monitor:", a
# cost monitor's owner)
_OWNER_FIELD_L10N = re.compile(r"(?:\bcuenta\s+(?:propietaria|del\s+propietario)"
                               r"|\bconta\s+(?:propriet[áa]ria|do\s+propriet[áa]rio)"
                               r"|\bcompte\s+(?:du\s+)?propri[ée]taire|\baccount\s+(?:del\s+)?proprietario"
                               r"|\b(?:Eigentümer|Besitzer|Inhaber)-?konto|(?:所有者|オーナー)\s*アカウント"
                               r"|(?:所有者|拥有者|擁有者|所有人)(?:账户|帐户|帳戶|賬戶)|소유자\s*계정)"
                               r"(?:\s*ID)?\s*[:：]\s*\Z", _I)
# the linked accounts of a bill named in the plural ("Linked accounts: 9245…, 1416…", "Contas vinculadas incluídas:
# 8353… e 2867…", "Verknüpfte Konten", "Comptes liés", 7 languages): for :func:`invoice_payer` only (a statement's
# "Linked accounts included" beside its payer labels the payer: the plural is no field of the account concerned)
_LINKED_PLURAL = re.compile(r"(?:\b(?:linked|member|associated)\s+accounts|\b(?:verknüpfte|zugeordnete)\s+konten|"
                            r"\bmitgliedskonten|\bcuentas\s+(?:vinculadas|miembros?|asociadas)|"
                            r"\bcomptes\s+(?:li[ée]e?s|membres|associ[ée]e?s)|\bcontas\s+(?:vinculadas|membros?|associadas)|"
                            r"\baccount\s+(?:collegati|membri|associati))"
                            r"(?:(?:\s+[^\n:：]{1,40})?\s*[:：])?\s*\Z", _I)
# a linked (member) account whose usage or charges another account's bill, budget or monitor includes ("(includes
# usage of linked account 7080…)", "包含关联账户 1905… 的用量", "연결된 계정 7080…의 사용량 포함", 9 languages): a
# part of what the mail is about, never the account it is about (read only where the text holds one of _INCLUDED_WORDS)
_LINKED_NOUN = (r"(?:linked|member)\s+(?:AWS\s+)?account(?:\s+ID)?|verknüpften\s+(?:AWS-)?Kontos|Mitgliedskontos"
                r"|compte\s+(?:li[ée]|membre)|cuenta\s+(?:vinculada|miembro)|conta\s+(?:vinculada|membro)"
                r"|account\s+(?:collegato|membro)|リンク(?:された)?アカウント|メンバーアカウント|(?:关联|成员)(?:账户|帐户)"
                r"|(?:連結|關聯|成員)帳戶|(?:연결된|멤버) 계정")
_INCLUDED_BEFORE = re.compile(
    r"(?:\binclud(?:es?|ing)|\binclu(?:t|ant|ye|yendo|i|indo)|\by compris|\beinschlie(?:ß|ss)lich|\benth[äa]lt"
    r"|\bcompren(?:de|dendo)|包含|涵盖|涵蓋|包括"
    # (or covers, as a commitment its payer bought covers a linked account's usage: "They cover usage in linked
    # account 2681…", "copre anche l'account collegato 5309…", "cubre también la cuenta vinculada", "couvre aussi")
    r"|\bcover(?:s|ing)?|\bcopr(?:e|ono|endo)|\bcubr(?:e|en|iendo)|\bcobr(?:e|em|indo)|\bcouvr(?:e|ent|ant))"
    r"(?:\s+(?:the|l'|la|le|el|o|a|il|der|die|des|de|du|da|do|dell'|della|dello|of|from|for|von|usage|charges|costs?"
    r"|use|uso|utilisation|utilizzo|Nutzung|Kosten|frais|cargos|cobranças|costi|del|dal"
    r"|also|anche|también|aussi|également|também|in|en|dans|nell'|no|na)){0,5}\s*(?:the\s+)?"
    r"(?:" + _LINKED_NOUN + r")\s*[:：]?\s*\Z", _I)
_INCLUDED_AFTER = re.compile(r"\s*(?:의|の)\s*(?:사용량|비용|요금|使用量|利用料金?|料金|コスト)"
                             r"[^\n.。]{0,12}(?:포함|含)")
_INCLUDED_WORDS = ("inclu", "y compris", "einschlie", "enthält", "enthalt", "compren", "涵盖", "涵蓋", "包括", "포함",
                   "含", "cover", "copr", "cubr", "cobr", "couvr")
# the account a mail is about, named so at the start of a line ("AWS Account 5177…", "AWS account ID: 5177…"): beside a
# payer-account field, it is the account concerned, as a linked account is
_ACCOUNT_LINE = re.compile(r"(?:\A|\n)[ \t]*(?:AWS\s+)?account(?:\s+ID)?\s*[:：#]?\s*\Z", _I)
# (the management account too, which pays for its members: "Management (payer) account:", "Verwaltungskonto:",
# "Cuenta de administración:", "Compte de gestion :", "Conta de gerenciamento:", "Account di gestione:",
# "管理アカウント:")
_PAYER_FIELD = re.compile(r"(?:\b(?:payer|paying|management)(?:\s*\((?:payer|paying|management)\))?\s+account"
                          r"(?:\s+id)?|"
                          r"\bzahler-?konto|\bverwaltungskonto|\bcuenta\s+(?:pagadora|de\s+administraci[oó]n)|"
                          r"\bcompte\s+(?:payeur|de\s+gestion)|\bconta\s+(?:pagadora|de\s+gerenciamento)|"
                          r"\baccount\s+(?:pagante|di\s+gestione)|支払い?(?:者)?アカウント|付款(?:人)?账户|"
                          r"管理(?:アカウント|账户|帐户|帳戶)|지급인 계정|결제자 계정|관리 계정)"
                          r"(?:\s*ID)?(?:(?:\s+[^\n:：]{1,40})?\s*[:：])?\s*\Z", _I)
# the literals one of which every _PAYER_FIELD match holds (fold_lower's form; tests/routing/test_speed_s32_ids.py)
_PAYER_NEEDLES = ("payer", "paying", "management", "zahler", "verwaltung", "pagador", "administraci", "payeur",
                  "gestion", "gerenciamento", "pagante", "支払", "付款", "管理", "지급인", "결제자", "관리")
# the payer account in the second person ("in your payer account 1088…", "votre compte payeur"): the reader is the
# payer, and a linked account beside it is only the one the costs came from
_YOUR_PAYER = re.compile(r"\b(?:your|votre|su|sua|tu|Ihr\w*|(?:il\s+)?(?:tuo|vostro))\s+(?:AWS\s+)?"
                         r"(?:payer|paying)\s+account"
                         r"|\b(?:votre|su|sua|tu|Ihr\w*)\s+(?:compte\s+payeur|cuenta\s+pagadora|conta\s+pagadora|"
                         r"zahler-?kontos?)|\b(?:il\s+)?(?:tuo|vostro)\s+account\s+pagante"
                         r"|(?:お客様の|您的|귀하의\s*)"
                         r"(?:支払い?(?:者)?アカウント|付款(?:人)?账户|지급인 계정|결제자 계정)", _I)
_YOUR_PAYER_OPENINGS = opening_literals(_YOUR_PAYER)
# the management nouns one of which every _OWN_CREATED match holds in its last 60 characters (the folded window
# every number has at hand): the creation is read back only where one stands
_MANAGEMENT_NOUNS = ("management", "gestion", "administraci", "gerenciamento", "verwaltung", "管理", "관리")
# an account that only receives a copy of the mail (en, es, pt, fr, it, de; the words may break across lines:
# "receives a\ncopy")
_COPY = (r"(?:also\s+)?(?:receives?|gets?|will\s+receive)\s+a\s+copy|(?:tambi[eé]n\s+)?recibe\s+una\s+copia"
         r"|(?:tamb[eé]m\s+)?recebe\s+uma\s+c[oó]pia|re[cç]oit\s+(?:aussi\s+|[eé]galement\s+)?une\s+copie"
         r"|riceve\s+(?:anche\s+)?una\s+copia|erh[aä]lt\s+(?:auch\s+)?eine\s+Kopie")
# (possessive blank runs: a run is read once, not split between them, so that a long run of blanks after a number costs
# its length, not its square; what follows each run is no blank, so the matches are the same)
_OTHER_AFTER = re.compile(r"\)?\s*+(?:\([^()\n]{0,60}\)|[(（][^()（）]{0,120}[)）])?,?\s*+(?:has\s+|have\s+)?"
                          r"(?:invited|is inviting|would like you to join|sent (?:you )?an invitation"
                          # (or asked the reader's account to join: "The owner of AWS account 8783… has asked your AWS
                          # account 3100… to become a member", "has requested that your account join"; es, pt, fr, it)
                          r"|asked\s+(?:you|your)\b|requested\s+(?:that\s+)?(?:you|your)\b"
                          r"|ha (?:pedido|solicitado) (?:que )?(?:su|tu)\b|pediu (?:que )?(?:a )?(?:sua|você)\b"
                          r"|a demandé (?:à |que )?(?:votre|vous)\b|ha chiesto (?:al |che )?(?:tuo|suo|il tuo|il suo)\b"
                          # the inviting account in the other languages ("hat Ihr AWS-Konto … eingeladen",
                          # "ha invitado", "a invité", "convidou", "ha invitato", "已邀请您的")
                          r"|hat\s+(?:Ihr|Sie)\b|lädt\s+(?:Ihr|Sie)\b|ha invitado|invitó|a invité|convidou|ha invitato"
                          r"|已?邀请(?:了)?您"
                          # the inviting account as the subject of a sentence whose active verb comes last (ko, ja) or
                          # first (zh): "계정 8240…(조직 o-…의 관리 계정)이 AWS 계정 2941…을(를) 조직에 초대했습니다",
                          # "アカウント 8240…（…の管理アカウント）が … を組織に招待しました", "账户 8240…（…）已邀请账户
                          # 2941… 加入组织"; not the invited one, the object ("을(를)", "を") or the passive
                          # ("초대되었습니다", "招待されました", "已被邀请")
                          r"|(?:[이가은는]|에서|が|は)[ \t,、]*+[^\n.。!?！？]{0,80}?"
                          r"(?:초대했|초대하였|초대합니다|초대를 보냈|招待しました|招待しています|招待を送信)"
                          r"|(?:から|로부터)[^\n.。!?！？]{0,40}?(?:招待|초대)"
                          r"|(?:已经?)?邀请(?!您)|向[^\n。]{0,60}?发送了?[^\n。]{0,20}?邀请"
                          r"|" + _COPY + ")", _I)
# the reader's role given as the reason the mail reaches them, right before that account's id ("because you are the
# management account (4252…)"): the _OWN form "you are the management account (" with its reason
_REASON_YOU_ARE = re.compile(r"\b(?:because|since|as)\s+you\s+are\s+the\s+management\s+account\s*[(（]?\s*\Z", _I)
# the account that owns what the mail is about, as a field ("Owner account: 2252…") or named linked or member account
# right after its id ("2252… (linked account)")
_OWNER_FIELD = re.compile(r"\b(?:owner|owning)\s+account(?:\s+ID)?\s*[:：]\s*\Z", _I)
_OWNER_AFTER = re.compile(r"\s*[(（]\s*(?:(?:a\s+|the\s+)?(?:linked|member)\s+account"
                          # (in the other languages: "（成员账户）", "（連結帳戶）", "（メンバーアカウント）",
                          # "(멤버 계정)", "(cuenta miembro)", "(conta-membro)", "(compte membre)", "(account membro)",
                          # "(Mitgliedskonto)")
                          r"|(?:成员|成員|关联|關聯|连结|連結|链接|鏈接)(?:账户|帐户|帳戶|賬戶)|メンバー\s*アカウント"
                          r"|リンク(?:された|済み)?\s*アカウント|(?:멤버|연결된|연결)\s*계정"
                          r"|(?:cuenta|conta)[ -](?:miembro|membro|vinculada)|compte[ -](?:membre|li[ée])"
                          r"|account[ -](?:membro|collegato)|Mitgliedskonto|verknüpftes\s+Konto)\s*[)）]", _I)
# the owner's field, its role in parentheses before the colon ("Savings Plan owner (member account): 2740…"): the
# account the commitment or resource belongs to, beside the management account the mail also names
_OWNER_MEMBER_FIELD = re.compile(r"\bowner\s*[(（]\s*(?:a\s+|the\s+)?(?:linked|member)\s+account\s*[)）]\s*[:：]\s*\Z",
                                 _I)
# a member account's number, then the organization it belongs to, right before "(management account …" (en, es, pt, fr,
# it, de: "member account 7629… of your organization (", "conta-membro 7629… da sua organização (")
_MEMBER_BEFORE = re.compile(r"(?:\bmember\s+account|\bcuenta[\s-]miembro|\bconta[\s-]membro|\bcompte[\s-]membre|"
                            r"\baccount[\s-]membro|\bMitgliedskonto)\s+\d{4}[- ]?\d{4}[- ]?\d{4}\s+"
                            r"(?:of|in|de|da|do|della|dell.|Ihrer)\s+[^()\n]{0,40}\(\s*[^()\n]{0,40}\Z", _I)
# the management account that pays for the reader's usage, named in the second person right before its id ("Usage is
# invoiced to your management account 7702…", "facturado a su cuenta de administración", "faturado para a sua conta
# de gerenciamento", "facturé à votre compte de gestion", "fatturato al tuo account di gestione"): the payer, not the
# account the mail is about (a member's reservation, usage or resource)
_PAYS_FOR_YOU = re.compile(
    r"(?:\b(?:invoiced|billed|charged|consolidated|rolled up)\s+(?:to|into|under|through)\s+your\s+management account"
    r"|\bpaid (?:for )?by your management account"
    r"|\bfacturad[oa]s?\s+a\s+(?:su|tu)\s+cuenta de administraci[oó]n"
    r"|\bfaturad[oa]s?\s+(?:para|[àa])\s+(?:a\s+)?sua\s+conta de (?:gerenciamento|gest[aã]o)"
    r"|\bfactur[ée]e?s?\s+(?:[àa]|sur)\s+votre\s+compte de gestion"
    r"|\bfatturat[oaie]\s+(?:al|sul)\s+(?:tuo|vostro|suo)\s+account di gestione)(?:\s+ID)?\s*[:：#(（]?\s*\Z", _I)
# an account that only receives a copy of the mail, right after its id ("(9483…) receives a copy of this message")
_COPY_AFTER = re.compile(r"\)?\s*+,?\s*+(?:" + _COPY + ")", _I)  # (possessive runs, as _OTHER_AFTER's)
# another account's role in parentheses right after its id ("3371 0948 8152 (Verwaltungskonto der Organisation …",
# "(the management account of …)"): another's only where the mail names the reader's account in the second person
# (a mail to the management account itself says "for account 4770… (management account of the organization …)")
_ROLE_AFTER = re.compile(r"\s*[(（]\s*(?:the\s+|its\s+|la\s+|el\s+|le\s+|das\s+|il\s+|a\s+|o\s+|l')?(?:"
                         + _OTHER_ROLE + r")", _I)
# the account of a notification's event ARN header; not the all-zero one a notification that names no account carries
# ("arn:aws:notifications::000000000000:managed-notification-configuration/…"), as "000000000000" names none anywhere
_ACCOUNT_HEADER_ARN = re.compile(r"^arn:aws:notifications::(?!000000000000\b)" + _ACCT)
_TWELVE = re.compile(r"(?<![\d*\w-])" + _ACCT)
# where _TWELVE may start: every match opens with two digits and is 12 to 15 digits, spaces and
# dashes ending in a digit; the look-behind after the first two digits (re skips to a digit fast, and
# no digit inside a longer number gets further than it)
_TWELVE_AT = re.compile(r"\d\d(?<![\d*\w-]\d\d)[\d \u00a0\u202f-]{9,12}\d")
# the same for an ASCII text: on ASCII characters \d and \w match alike with or without re.ASCII
# (https://docs.python.org/3/library/re.html: \d is [0-9] and \w [a-zA-Z0-9_] under re.ASCII, else
# Unicode decimal digits and str.isalnum characters plus "_"); the scan skips non-digits about twice as fast
_TWELVE_AT_ASCII = re.compile(_TWELVE_AT.pattern, re.ASCII)
# ... and faster still on the text's shapes: each ASCII character written as the class _TWELVE_AT_ASCII reads it in
# (a digit "0", a letter or "_" "a", " ", "-" and "*" as themselves, any other "."), one byte for one character, where
# re finds the literal "00" without testing a class at each character. _TWELVE_AT_SHAPES reads the shapes as
# _TWELVE_AT_ASCII reads the text: \d is "0", [\d*\w-] is [0a*-], [\d \u00a0\u202f-] is [0 -] (the no-break spaces are
# no ASCII characters): the same candidates (tests/routing/test_speed_s32_ids.py)
_SHAPES = bytes.maketrans(bytes(range(128)), bytes(
    ord("0") if re.fullmatch(r"\d", chr(code), re.ASCII) else code if chr(code) in " -*"
    else ord("a") if re.fullmatch(r"\w", chr(code), re.ASCII) else ord(".") for code in range(128)))
_TWELVE_AT_SHAPES = re.compile(rb"00(?<![0a*-]00)[0 -]{9,12}0")
# a masked account id: ********9012, XXXX-XXXX-9012, "account ending in 9012"
# (the phrase in any case, its ending perhaps in parentheses, "in" perhaps left out: "Account ending in 5889:", "your
# account (ending in 7074)", "for AWS account ending 3003")
# (not the tail of a longer masked run, a card's or an IBAN's, nor an IBAN's run after its country and check digits:
# "Konto DE89 **** **** **** 3000" is no AWS account's)
# (the ending perhaps masked too, "(ending ...7741)", "ending in ****7741"; or a short masked run right after the
# account noun, "for AWS Account ***7741", "Account: …7741": the noun names whose digits they are)
#: not the tail of a longer masked run, nor a run after an IBAN's country and check digits (a look-behind of
#: :data:`_MASKED` and :data:`_MASKED_ACCOUNT`)
_NOT_A_LONGER_RUN = r"(?<![*xX•][- ])(?<![A-Z]{2}\d\d[ -])"
#: where the short masked run after the account noun starts ("account ***", "Account: …"): the start of that form of
#: :data:`_MASKED`, case-insensitive
_SHORT_MASK_START = r"account (?:id )?[:#]? ?(?:\.{3}|…|[*xX•]{3})"
_MASKED = re.compile(r"(?:(?<![\w*])" + _NOT_A_LONGER_RUN + r"(?:[*xX•]{4}[- ]?){2}|(?<![\w*])[*xX•]{8}|"
                     r"(?i:account (?:id )?(?:\(?ending (?:(?:in|with) )?(?:\.{2,3}|…|[*xX•]{2,8})?|"
                     r"[:#]? ?(?:\.{3}|…|[*•]{3,8}|[xX]{3,8}))))(\d{4})(?!\d)")
# where _MASKED may start
_MASKED_AT = re.compile(r"[*xX•]{4}[- ]?[*xX•]{4}|(?i:account (?:id )?\(?ending |" + _SHORT_MASK_START + ")")
#: a literal in every phrase match of _MASKED's "ending" form, lower-cased (the gates of its scans)
_MASKED_PHRASES = ("account ending ", "account id ending ", "account (ending ", "account id (ending ")
#: the short masked run after the account noun, in a lower-cased text (the gate of _MASKED's other phrase form)
_MASKED_SHORT = re.compile(_SHORT_MASK_START)

# applied to lower-cased text, so that the literal prefix makes the scan fast
_CASE = (
    # (its runs of blanks possessive: a "case" followed by a long run would otherwise be split every possible way)
    re.compile(r"(?<![a-z])case(?:\s++(?:id|number|no\.?))?\s*+[:#]?\s*+(\d{15}|\d{10})(?!\d)"),
    re.compile(r"displayid=(\d{15}|\d{10})(?!\d)"),
)
_CASE_STARTS = ("case", "displayid=")  # the literal every match of each _CASE pattern begins with
_RESOURCE_PREFIXES = ("dxcon-", "dxvif-", "dxlag-", "vol-", "snap-", "eni-", "vpc-", "subnet-", "sg-", "ami-",
                      "igw-", "nat-", "eipalloc-", "tgw-", "vpce-", "rtb-", "fs-", "cluster-")
_HEALTH_ARN = re.compile(r"arn:aws:health:[a-z0-9-]*:\d{0,12}:event/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+/[A-Za-z0-9_-]+")
_EVENT_TYPE = re.compile(r"event type code\s*+[:：]?\s*+([A-Z][A-Z0-9_]{5,})", _I)
_EVENT_TYPE_REQ = re.compile(r":silvermine:([A-Z][A-Z0-9_]{5,})/")
# the same field in AWS's localized templates ("事件類型代碼：AWS_ES_…", "Ereignistypcode: AWS_…", "Code du type
# d'événement : AWS_…"): only a code that opens with AWS_, as every Health event type code does
_EVENT_TYPE_LOCAL = re.compile(r"(?:ereignistyp-?code|code (?:du |de )?type d.[ée]v[ée]nement|"
                               r"c[óo]digo (?:del? |do )?tipo de evento|codice (?:del )?tipo (?:di )?evento|"
                               r"イベント ?タイプ ?コード|事件类型代码|事件類型代碼|이벤트 유형 코드)"
                               r"\s*[:：]?\s*(AWS_[A-Z0-9_]{5,})", _I)
_EVENT_TYPE_LOCAL_CUES = ("ereignistyp", "type d", "tipo de evento", "tipo evento", "tipo di evento", "イベント",
                          "事件类型", "事件類型", "이벤트 유형")

# (every run of blanks possessive, and a line's leading blanks without its line break: "^\s*" at each line start of a
# long run of blank lines would read the rest of the run from each of them)
_ABUSE = (
    re.compile(r"abuse report\s*+\[\s*+(\d{6,})\s*+\]", _I),
    re.compile(r"case number for this report is\s*+[:：]?\s*+(\d{6,})", _I),
    re.compile(r"abuse (?:report|case)(?:\s++(?:id|number))?\s*+[:#]\s*+(\d{6,})", _I),
)
_ABUSE_WORD = re.compile(r"\babuse\b")
_ABUSE_CASE_NUMBER = re.compile(r"^[^\S\n]*+case number\s*+:\s*+(\d{6,})", _I | re.MULTILINE)
_INVOICE = (
    re.compile(r"\[\s*invoice\s+(?:id|number)\s*:\s*([A-Z0-9][A-Z0-9-]{4,})\s*\]", _I),
    re.compile(r"\binvoice\s+(?:id|number|no\.?)\s*[:#]\s*([A-Z0-9][A-Z0-9-]{4,})", _I),
)
_INSTANCE = re.compile(r"i-(?:[0-9a-f]{17}|[0-9a-f]{8})(?![0-9A-Za-z_])")  # literal first: a fast scan
_ACCESS_KEY = re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b")
_RESOURCE = re.compile(
    r"\b(?:dxcon|dxvif|dxlag|vol|snap|eni|vpc|subnet|sg|ami|igw|nat|eipalloc|tgw|vpce|rtb|fs|cluster)"
    r"-[0-9a-z]{8,17}\b")
# every _RESOURCE match is one of the prefixes (each ends in "-") followed by 8 or more of [0-9a-z]: the
# regex is tried only at the prefixes that end at such a dash (found by one scan with a literal lead),
# looked up by the two characters before the dash
_RESOURCE_DASH = re.compile(r"-[0-9a-z]{8}")
_RESOURCE_BY_END = {end: tuple(p for p in _RESOURCE_PREFIXES if p[-3:-1] == end)
                    for end in {p[-3:-1] for p in _RESOURCE_PREFIXES}}
_REGION = re.compile(  # applied to lower-cased text
    r"(?<![a-z0-9-])((?:us-gov|us|eu|ap|sa|ca|me|af|il|mx|cn)-"
    r"(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\d)(?![a-z0-9])")
# every _REGION match has one of these right after its 2- or 6-character prefix (us, eu, us-gov, ...)
_REGION_DIRECTIONS = ("-north", "-south", "-east", "-west", "-central")
# ... found by one scan led by the literal "-" (none of them holds a "-" after its first character, so
# the scan's matches never hide one another's start)
_REGION_DIRECTION = re.compile("|".join(_REGION_DIRECTIONS))
_REGION_WORDS = ("us east", "us west", "eu (", "europe", "asia pacific", "canada", "south america", "middle east",
                 "africa", "israel")
_REGION_NAMES = {
    "us east (n. virginia)": "us-east-1", "us east (ohio)": "us-east-2",
    "us west (n. california)": "us-west-1", "us west (oregon)": "us-west-2",
    "eu (ireland)": "eu-west-1", "europe (ireland)": "eu-west-1", "eu (london)": "eu-west-2",
    "europe (london)": "eu-west-2", "eu (paris)": "eu-west-3", "europe (paris)": "eu-west-3",
    "eu (frankfurt)": "eu-central-1", "europe (frankfurt)": "eu-central-1", "europe (zurich)": "eu-central-2",
    "eu (stockholm)": "eu-north-1", "europe (stockholm)": "eu-north-1", "europe (milan)": "eu-south-1",
    "europe (spain)": "eu-south-2", "asia pacific (tokyo)": "ap-northeast-1",
    "asia pacific (seoul)": "ap-northeast-2", "asia pacific (osaka)": "ap-northeast-3",
    "asia pacific (singapore)": "ap-southeast-1", "asia pacific (sydney)": "ap-southeast-2",
    "asia pacific (jakarta)": "ap-southeast-3", "asia pacific (melbourne)": "ap-southeast-4",
    "asia pacific (mumbai)": "ap-south-1", "asia pacific (hyderabad)": "ap-south-2",
    "asia pacific (hong kong)": "ap-east-1", "canada (central)": "ca-central-1",
    "south america (são paulo)": "sa-east-1", "south america (sao paulo)": "sa-east-1",
    "middle east (bahrain)": "me-south-1", "middle east (uae)": "me-central-1",
    "africa (cape town)": "af-south-1", "israel (tel aviv)": "il-central-1",
}
_REGION_NAME = re.compile(r"\b(?:US East|US West|EU|Europe|Asia Pacific|Canada|South America|Middle East|"
                          r"Africa|Israel)\s*\([^)\n]{2,20}\)", _I)
# the lower-case names one of which every _REGION_NAME match begins with
_REGION_NAME_WORDS = ("us east", "us west", "eu", "europe", "asia pacific", "canada", "south america", "middle east",
                      "africa", "israel")
_REGION_NAME_STARTS = ("us east", "us west", "eu", "asia pacific", "canada", "south america", "middle east", "africa",
                       "israel")
# the names themselves (lower case), by their last two characters: a _REGION_NAME match ends its name right before
# the whitespace (\s*: str.isspace's characters) before its "(", so it is tried only where one ends so
_REGION_NAME_BY_END = {end: tuple(name for name in _REGION_NAME_WORDS if name[-2:] == end)
                       for end in {name[-2:] for name in _REGION_NAME_WORDS}}
# the only characters re.IGNORECASE matches to an ASCII letter without being one (İ ı ſ K); İ is also
# the only character whose lower case is longer than one character
_TRACKING_URL = re.compile(r"https?://[^\s<>\"]*awstrack\.me[^\s<>\"]*", _I)
_CERT_ARN = re.compile(r"arn:aws:acm:[a-z0-9-]+:\d{12}:certificate/[0-9a-f-]{36}")
_CERT_ID = re.compile(r"certificate identifier\s*:\s*([0-9a-f-]{36})", _I)
_SNS_ARN = re.compile(r"arn:aws:sns:([a-z0-9-]+):(\d{12}):([A-Za-z0-9_-]+(?:\.fifo)?)")
_BUDGET = (re.compile(r"^[^\S\n]*+budget name\s*+:\s*+(\S[^\n]{0,99}?)[^\S\n]*$", _I | re.MULTILINE),)
_BUDGET_SUBJECT = re.compile(r"AWS Budgets?:\s*(.+?)\s+has\s+(?:exceeded|reached)", _I)
_ANOMALY = (re.compile(r"anomal(?:y|ies)/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", _I),
            re.compile(r"anomaly id\s*:\s*([0-9A-Za-z-]{8,})", _I))
_RESERVATION = re.compile(r"(?:reservation|savings plan|reserved instances?) id\s*:\s*([0-9A-Za-z-]{8,})", _I)
_DOMAIN = (
    re.compile(r"^[^\S\n]*+domain(?: name)?\s*+:\s*+([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,})[^\S\n]*$",
               _I | re.MULTILINE),
    re.compile(r"following domain\s*+:?\s*+([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,})\b", _I),
)
_DOMAIN_SUBJECT = re.compile(r"(?:certificate (?:request|approval) for|e-?mail address for|transfer of|"
                             r"registration of|renewal of)\s+([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.[a-z]{2,})\s*$", _I)
# lower-case literals one of which every _DOMAIN_SUBJECT match holds (routing.patterns.literal_needles)
_DOMAIN_SUBJECT_NEEDLES = literal_needles(_DOMAIN_SUBJECT.pattern)
_HANDSHAKE = re.compile(r"h-[a-z0-9]{10,32}(?![0-9A-Za-z_])")
_HOST_ID = re.compile(r"h-[0-9a-f]{17}")
_AGREEMENT = re.compile(r"\bagmt-[a-z0-9]{10,40}\b")
_PERIOD_RANGE = re.compile(r"billing period\s*:?\s*" + _MONTH_WORD + r"\.?\s+\d{1,2}\s*(?:-|–|to)\s*"
                           + _MONTH_WORD + r"\.?\s+\d{1,2},?\s+(\d{4})", _I)
_PERIOD_MONTH = re.compile(r"billing period\s*:?\s*(?:of\s+)?" + _MONTH_WORD + r"\.?,?\s+(\d{4})", _I)
_PERIOD_ISO = re.compile(r"billing period\s*:?\s*(\d{4})-(\d{2})(?!\d)", _I)
_PERIOD_BILLS = re.compile(r"bills\?year=(\d{4})&(?:amp;)?month=(\d{1,2})(?!\d)")
_PERIOD_OF_MONTH = re.compile(r"for the month of\s+" + _MONTH_WORD + r"(?:,?\s+(\d{4}))?", _I)


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS[key[:3]]


@dataclass(frozen=True, slots=True)
class Extracted:
    """What the extractor found: the concerned account (None when not named) and the identifiers."""

    aws_account_id: str | None
    identifiers: dict[str, Any] = field(default_factory=dict)


def _unique(values: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for value in values:
        seen.setdefault(value, None)
    return list(seen)


def _first_match(pattern: re.Pattern[str], start: re.Pattern[str], text: str,
                 refuse: Callable[[str, re.Match[str]], bool] | None = None) -> re.Match[str] | None:
    """``pattern.search(text)``, scanned like :func:`_matches`; with ``refuse``, the first match it does not refuse."""
    pos = 0
    while (candidate := start.search(text, pos)) is not None:
        match = pattern.match(text, candidate.start())
        if match is not None and (refuse is None or not refuse(text, match)):
            return match
        pos = candidate.start() + 1
    return None


def _word_matches(pattern: re.Pattern[str], text: str) -> list[str]:
    """Matches of a literal-first ``pattern`` that start a word (checked here: faster than a lookbehind)."""
    return [m.group(0) for m in pattern.finditer(text)
            if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] in "_-")]


def _first(patterns: Iterable[re.Pattern[str]], *texts: str) -> str | None:
    for pattern in patterns:
        for text in texts:
            match = pattern.search(text)
            if match:
                return match.group(1) if match.re.groups else match.group(0)
    return None


def account_digits(written: str) -> str:
    """The 12 digits of an account id as written (dashes and spaces, no-break ones too, removed), in ASCII:
    :func:`routing.htmltables.ascii_digits`."""
    digits = written.replace("-", "").replace(" ", "")
    return digits if digits.isascii() else ascii_digits(digits.replace("\u00a0", "").replace("\u202f", ""))


def _may_hold(needles: tuple[str, ...] | None, text: str) -> bool:
    """Whether a case-insensitive pattern every match of which holds one of the lower-case ``needles``
    may match in ``text`` (a short one: lower-cased here). Always where a character of it folds to an
    ASCII letter (:data:`FOLDS_TO_ASCII`: lower-casing does not turn it into the letter re reads)."""
    if needles is None or (not text.isascii() and any(map(text.__contains__, FOLDS_TO_ASCII))):
        return True
    lowered = text.lower()
    return any(map(lowered.__contains__, needles))


def _twelve(text: str) -> list[re.Match[str]]:
    """``list(_TWELVE.finditer(text))`` (tests/routing/test_identifier_scans.py): as
    :func:`routing.patterns.matches_from_starts` finds them, with an ASCII text's candidates read off its shapes
    (:data:`_TWELVE_AT_SHAPES`, at the same positions: one byte for one character)."""
    if not text.isascii():
        return matches_from_starts(_TWELVE, _TWELVE_AT, text)
    shapes = text.encode("ascii").translate(_SHAPES)
    out: list[re.Match[str]] = []
    pos = 0
    while (candidate := _TWELVE_AT_SHAPES.search(shapes, pos)) is not None:
        match = _TWELVE.match(text, candidate.start())
        if match is None:
            pos = candidate.start() + 1
        else:
            out.append(match)
            pos = max(match.end(), match.start() + 1)
    return out


def invoice_payer(subject: str, text: str) -> str | None:
    """The account of a payer-account field (:data:`_PAYER_FIELD`) in a mail that also has a linked-account field
    (:data:`_LINKED_FIELD` or :data:`_LINKED_PLURAL`) and names no account in its subject, or None: an invoice is
    issued to the account that pays it, the linked accounts' usage inside it (24 of the 25 labelled invoices with both
    singular fields take the payer; the one other names its linked account in the subject). For
    :func:`routing.classify`, once the mail's type is known."""
    if _ACCOUNT_FORM.search(subject) is not None:
        return None
    payer: str | None = None
    linked = False
    for match in _twelve(text):
        start = match.start()
        if payer is None and _PAYER_FIELD.search(text, max(0, start - 60), start) is not None:
            payer = account_digits(match.group(1))
        elif _LINKED_FIELD.search(text, max(0, start - 60), start) is not None \
                or _LINKED_PLURAL.search(text, max(0, start - 60), start) is not None:
            linked = True
    return payer if linked else None


# the account a cost anomaly is in, named so before its number, colon or not ("Conta com a anomalia 9508…", "Cuenta con
# la anomalía", "Compte présentant l'anomalie", "Account con l'anomalia", "Konto mit der Anomalie", "Account with the
# anomaly:", "Linked account with the anomaly:")
_ANOMALY_ACCOUNT = re.compile(r"(?i:\b(?:account with the anomaly|conta com a anomalia|cuenta con la anomal[ií]a|"
                              r"compte (?:avec|présentant|presentant|concerné par) l.anomalie|account con l.anomalia|"
                              r"Konto mit der Anomalie))[ \t]*[:：#]?[ \t]*\Z")


# the account a cost monitor belongs to, named only so ("Le moniteur « X » du compte 2569… a détecté une anomalie",
# "The monitor X of account 2569…"): not said to be the management, payer or owner account, nor the reader's
_MONITOR_WORDS = ("monit", "モニター", "监控", "監控", "모니터")
_ROLE_WORDS = (*_PAYER_NEEDLES, "owner", "propri", "eigent", "inhaber", "所有", "소유", "your", "votre", "vous", "su ",
               "sua ", "seu ", "tu ", "ihr", "tuo", "vostr", "您", "お客様", "귀하", "고객님")


def _linked_beside_a_monitors_account(text: str, twelve: list[tuple[int, int, str]]) -> str | None:
    """In a cost anomaly, the number of its one linked or member account field (:data:`_LINKED_FIELD`) where the only
    other account named is a monitor's, without a role (:data:`_MONITOR_WORDS`, none of :data:`_ROLE_WORDS`): the
    account the anomaly is in (a monitor's account named as the management, payer or owner one is left to the rules
    below, whose labels split)."""
    fields = {number for start, _, number in twelve if _LINKED_FIELD.search(text, max(0, start - 60), start)}
    others = [(start, number) for start, _, number in twelve if number not in fields]
    if len(fields) != 1 or not others or len({number for _, number in others}) != 1:
        return None
    for start, _ in others:
        before = fold_lower(text[max(0, start - 60):start])
        if not any(map(before.__contains__, _MONITOR_WORDS)) or any(map(before.__contains__, _ROLE_WORDS)):
            return None
    return account_digits(fields.pop())


def _account_id(subject: str, text: str, headers: dict[str, str],
                twelve: list[tuple[int, int, str]] | None = None, low: str | None = None) -> str | None:
    """``twelve``: the (start, end, group 1) of the _TWELVE matches of ``text``, when already found; ``low``: a
    :func:`fold_lower` text that holds ``text``'s (the mail's subject and text), when at hand."""
    # ("": no id's form in the subject, whose patterns are then not searched; one makes it at least 12 characters)
    folded_subject = fold_lower(subject) if _ACCOUNT_FORM.search(subject) is not None else ""
    subject_patterns = zip(_ACCOUNT_SUBJECT, _ACCOUNT_SUBJECT_OPENINGS, strict=True) if folded_subject else ()
    for pattern, openings in subject_patterns:
        if pattern is _ACCOUNT_SUBJECT[-1] and subject.isascii() \
                and not any(map(subject.lower().__contains__, _SUBJECT_NOUNS)):
            break
        match = pattern.search(subject) if openings is None \
            else _first_from_openings(pattern, openings, subject, folded_subject)
        if match:
            return account_digits(match.group(1))
    # an SES verification link's ``Context`` names the account that asked SES to verify the address: the mail is
    # about that account, whatever other account the prose names beside it (a delegate sender's, a management one)
    context = _ses_context(text)
    if context is not None:
        return context
    if twelve is None:
        twelve = [(m.start(), m.end(), m.group(1)) for m in _twelve(text)]
    if twelve and ("|" in text or (not text.isascii() and any(map(text.__contains__, _COLUMN_RULES)))) and any(
            rule in text[max(0, start - 60):start] for start, _, _ in twelve for rule in _COLUMN_RULES):
        # a plain-text table ("║ AWS account   ║ 7302 8851 4406 ║", "| Account ID | 4417… |"): its rules read as
        # the spaces between a label and its value (one character for one: the numbers' places hold); only where
        # one stands before a number
        text = text.translate(_RULES_AS_SPACES)
    # (with a few numbers, their windows are read without the scan of the whole text: a window holds no more)
    if twelve and (len(twelve) <= _FEW_NUMBERS or "..." in text or "…" in text) and any(
            "..." in text[max(0, start - 40):start] or "…" in text[max(0, start - 40):start] for start, _, _ in twelve):
        # a field with dotted leaders ("Conta AWS .........: 8417…", "Account ID …… 8417…"): the dots read as the
        # spaces between a label and its value (one character for one); only where they stand before a number
        text = _LEADERS.sub(lambda dots: " " * len(dots.group()), text)
    if low is None:
        low = fold_lower(text)
    # (without a 12-digit number, the loops over them below read nothing: their gates, each a scan of the whole text
    # for a list of words, are not tried; the same account, tests/routing/test_speed_s27b.py)
    # (with a few, neither: each number's window is read for the words instead, as cheap as a scan of the text for
    # one word. A word in a window is in the text (none of these words holds a space, the only character the table
    # rules and dotted leaders above become), so a gate that holds nowhere in the text holds in no window)
    if twelve and "anomal" in low:
        # the account a cost anomaly is in, named so right before its number: that account, also where the mail names
        # the management account whose monitor found it (below, _OWN)
        for start, _, number in twelve:
            if _ANOMALY_ACCOUNT.search(text, max(0, start - 60), start) is not None:
                return account_digits(number)
        linked = _linked_beside_a_monitors_account(text, twelve)
        if linked is not None:
            return linked
    few = len(twelve) <= _FEW_NUMBERS
    if twelve and (few or _OWN.needles is None or any(map(low.__contains__, _OWN.needles))):
        # the reader's own organization's management account ("your organization (management account
        # 2044…)", "you are the management account (2066-…)"): theirs, though "management account" names
        # another account elsewhere (the one that invites)
        # (not one that only gets a copy: "Your management account (9483…) receives a copy of this message")
        # (not the management account named after a member account of the organization, in parentheses: "in member
        # account 7629… of your organization (management account 1463…)": the member's reservation, usage or resource)
        # (nor the management account the reader is said to be as the reason the mail reaches them, where the mail names
        # the owner of what it is about as another account: "Owner account: 2252… (linked account)" … "You get this
        # e-mail because you are the management account (4252…) of the organization": the owner's commitment; without
        # such an owner, "because you are the management account" names the account an organization's notice is about)
        owner_named: bool | None = None  # (read once, where a reason is given)
        for start, end, number in twelve:
            if _OWN.search(text, start, fold_lower(text[max(0, start - _OWN.reach):start])) \
                    and not _COPY_AFTER.match(text, end) and not _PAYS_FOR_YOU.search(text, max(0, start - 90), start) \
                    and not _MEMBER_BEFORE.search(text, max(0, start - 120), start):
                if _REASON_YOU_ARE.search(text, max(0, start - 80), start) is not None:
                    if owner_named is None:
                        owner_named = _names_an_owner(text, twelve)
                    if owner_named:
                        continue
                return account_digits(number)
    # (start, number, the 60 characters before it as fold_lower gives them: the needle gates of the patterns)
    numbers: list[tuple[int, str, str]] = []
    skipped: list[tuple[int, str, str]] = []  # (another's, a management or payer one: "(management account N)")
    sellers = bool(twelve) and (few or any(map(low.__contains__, _SELLER_WORDS)))  # (read in the loop over twelve only)
    last_end = -1  # where the number before ends
    # (the linked accounts another account's bill or monitor includes, _INCLUDED_BEFORE: beside another number only)
    including = len(twelve) > 1 and any(map(low.__contains__, _INCLUDED_WORDS))
    included = False
    for start, end, number in twelve:
        on_seller_row = False
        if sellers:  # (the first number of the seller's row only: "Seller account 1188… offered it to buyer 6633…")
            line = text.rfind("\n", 0, start) + 1
            on_seller_row = last_end < line and _SELLER_LINE.match(text, line, start) is not None
            last_end = end
        before = fold_lower(text[max(0, start - 60):start])
        if any(map(before.__contains__, _MANAGEMENT_NOUNS)) and _OWN_CREATED.search(
                text, start, fold_lower(text[max(0, start - _OWN_CREATED.reach):start])):
            return account_digits(number)  # the management account of the organization the reader created
        if "owner" in before and _OWNER_MEMBER_FIELD.search(before) is not None:
            return account_digits(number)  # "Savings Plan owner (member account): N" beside "Management account: M"
        if including and (_INCLUDED_BEFORE.search(text, max(0, start - 80), start) is not None
                          or _INCLUDED_AFTER.match(text, end) is not None):
            included = True
            continue
        if _OTHER_AFTER.match(text, end) or _OTHER.search(text, start, before):
            skipped.append((start, number, before))
            continue
        if on_seller_row:
            continue
        numbers.append((start, number, before))
    if included and not numbers and len({number for _, number, _ in skipped}) == 1 \
            and any(map(skipped[0][2].__contains__, _PAYER_NEEDLES)):
        # only a management or payer account beside the linked ones its bill or monitor includes: the mail is its
        return account_digits(skipped[0][1])
    if included and not skipped and len({number for _, number, _ in numbers}) == 1 \
            and any(map(numbers[0][2].__contains__, _PAYER_NEEDLES)):
        # (the same, the payer named in the prose as the commitment's: "il Savings Plan … dell'account pagante 8680…
        # … copre anche l'account collegato 5309…")
        return account_digits(numbers[0][1])
    if any(_ROLE_AFTER.match(text, end) for _, end, _ in twelve):
        # an account named by its role in parentheses: the reader's, named in the second person, wins over it
        roles = {start for start, end, _ in twelve if _ROLE_AFTER.match(text, end)}
        for start, number, before in numbers:
            if start not in roles and _SECOND_PERSON.search(text, start, before):
                return account_digits(number)
    owned = {account_digits(number) for _, end, number in twelve if _OWNER_AFTER.match(text, end) is not None}
    if owned and skipped and (bill := _bill_of(text, twelve)) is not None:
        return bill  # (the management account's bill, "관리 계정 1394…의 … 명세서", over the linked row it lists)
    if len(owned) == 1 and len(twelve) > 1 and skipped:
        # the one account named by its member or linked role, in parentheses after it, beside a management or payer
        # account the mail names as another's ("289614297623（成员账户）" in a cost anomaly's table under "（管理账户
        # 4037…）"): the account concerned
        return owned.pop()
    # (a linked account beside a payer's: two numbers at least, else _linked_beside_payer finds none; and a payer
    # field's word in the window before one of them, else it finds no payer: every _PAYER_FIELD match holds one)
    # (the payer may be one read above as another's account, "Monitor: org-wide (management account 4979…)" over
    # "Linked account with the anomaly: 7956…": the linked one is still the account concerned, never the payer)
    linked = (_linked_beside_payer(text, numbers, skipped) if numbers and len(numbers) + len(skipped) > 1 and (any(
        any(map(before.__contains__, _PAYER_NEEDLES)) for _, _, before in numbers + skipped) if few
        else any(map(low.__contains__, _PAYER_NEEDLES))) and not _your_payer(text) else None)
    if linked is not None and not any(account_digits(number) != linked and _SECOND_PERSON.search(text, start, before)
                                      for start, number, before in numbers):
        # (not where the prose names another of them the reader's: "Reserved nodes purchased by your AWS account 6848…"
        # beside "Payer account: 6848… Linked account running the nodes: 4901…")
        return linked
    for tier in _ACCOUNT_TIERS:
        if tier.in_text is not None and tier.in_text not in text:
            continue  # (the ARN tier: only where an ARN is written)
        for start, number, before in numbers:
            if tier.search(text, start, before):
                return account_digits(number)
        if tier.then_header:
            match = _ACCOUNT_HEADER_ARN.search(headers.get("x-notifications-notification-event-arn", ""))
            if match:
                return match.group(1)
    # (an SES verification link's Context was read first, above)
    leaders = _after_leaders(text, numbers)
    if leaders is not None:
        return leaders
    column = _under_column(text, numbers)
    if column is not None:
        # (the first row of a column of several accounts beside a payer-account field: the list of what the payer's
        # bill covers, "Zahlerkonto (Management-Konto): 4130…" over "Konto  Betrag" and one row per account)
        return _payer_beside_rows(text, numbers + skipped, column) or account_digits(column[1])
    return _bill_of(text, twelve) or _encoded_arn(text) or _link_account(text)


def _names_an_owner(text: str, twelve: list[tuple[int, int, str]]) -> bool:
    """Whether ``text`` names the owner of what it is about as one of its accounts (``twelve``: the (start, end, number)
    of its ids): an "Owner account:" field, or an id followed by "(linked account)" or "(member account)"."""
    return len(twelve) > 1 and any(
        _OWNER_AFTER.match(text, end) is not None or _OWNER_FIELD.search(text, max(0, start - 40), start) is not None
        or _OWNER_MEMBER_FIELD.search(text, max(0, start - 60), start) is not None for start, end, _ in twelve)


# the account an SES verification link names: its ``Context`` parameter, the account that asked SES to verify the
# address (as the shared samples label it). Another account's id is named, not hidden: the rules tag a mail whose
# account is not the recipient's ``account_mismatch`` (routing/rules/decide.py). "000000000000" names no account.
_SES_CONTEXT = re.compile(r"email-verification\.[a-z0-9-]{1,30}\.amazonaws\.com/?\?(?:[^\s\"'<>?]{0,400}?&(?:amp;)?)?"
                          r"context=(\d{12})(?!\d)", _I)


# the account field of a resource ARN written percent-encoded in a console link
# (".../lambda/home#/functions/arn%3Aaws%3Alambda%3Aus-east-1%3A4417…%3Afunction%3Aorders"), as the ARN tier reads a
# plain one, and with its exclusions (no SNS topic's, no Organizations ARN's); last, where no field names the account
_ENCODED_ARN = re.compile(r"\barn%3Aaws[a-z-]*%3A(?!sns%3A|organizations%3A)[a-z0-9-]+%3A[a-z0-9-]*%3A(\d{12})(?!\d)",
                          _I)


def _your_payer(text: str) -> bool:
    """``_YOUR_PAYER.search(text) is not None``, tried only where a literal every match opens with stands
    (:func:`_found_from_openings`)."""
    if _YOUR_PAYER_OPENINGS is None:
        return _YOUR_PAYER.search(text) is not None
    return _found_from_openings(_YOUR_PAYER, _YOUR_PAYER_OPENINGS, text, 0, len(text), fold_lower(text))


def _encoded_arn(text: str) -> str | None:
    """The account id of the first percent-encoded resource ARN of ``text`` (:data:`_ENCODED_ARN`), or None."""
    if "%3a" not in text and "%3A" not in text:
        return None
    found = _ENCODED_ARN.search(text)
    return found.group(1) if found is not None else None


# the account a link of the mail names as a query parameter ("…/email-verification?token=…&account=2485…",
# "…/resetpassword?type=RootUser&account=4733…"): the reader's, in every labelled mail that has one (Route 53
# registrant, root-credential and Organizations confirmation links)
_LINK_ACCOUNT = re.compile(r"[?&](?:account|accountId|account_id|awsAccountId)=(\d{12})(?!\d)")


def _link_account(text: str) -> str | None:
    """The one account id the links of ``text`` give as a query parameter (:data:`_LINK_ACCOUNT`), or None (none, or
    several different ones)."""
    if "ccount" not in text or "=" not in text:
        return None
    found = set(_LINK_ACCOUNT.findall(text))
    return found.pop() if len(found) == 1 else None


def _ses_context(text: str) -> str | None:
    """The account id of the first SES verification link of ``text`` (:data:`_SES_CONTEXT`), or None."""
    if "email-verification." not in text:
        return None
    found = _SES_CONTEXT.search(text)
    return found.group(1) if found is not None and found.group(1) != "000000000000" else None


def _linked_beside_payer(text: str, numbers: list[tuple[int, str, str]],
                         others: Sequence[tuple[int, str, str]] = ()) -> str | None:
    """The number of a linked-account field (:data:`_LINKED_FIELD`) or of an account line (:data:`_ACCOUNT_LINE`) when
    another number is a payer-account field (:data:`_PAYER_FIELD`), or None. ``others``: numbers read as another's
    account, which may stand only as the payer, never as the linked account."""
    linked = payer = None
    for index, (start, number, _) in enumerate(numbers):
        window = max(0, start - 60)
        field = _LINKED_FIELD.search(text, window, start) or _ACCOUNT_LINE.search(text, window, start) \
            or _OWNER_FIELD_L10N.search(text, window, start)
        if linked is None and field is not None and not _column_of_several(text, numbers, index, field.start()):
            linked = number
        elif payer is None and _PAYER_FIELD.search(text, window, start):
            payer = number
    for start, number, _ in others:
        if payer is None and _PAYER_FIELD.search(text, max(0, start - 60), start):
            payer = number
    return account_digits(linked) if linked is not None and payer is not None and linked != payer else None


def _column_of_several(text: str, numbers: list[tuple[int, str, str]], index: int, label: int) -> bool:
    """Whether the label at ``label`` heads a list of accounts rather than naming one: it stands on a line above the
    number ``numbers[index]``, and the next number starts on one of the two lines after ("Charges by linked
    account" over one row per linked account, the payer's among them)."""
    start = numbers[index][0]
    if "\n" not in text[label:start] or index + 1 >= len(numbers):
        return False
    following = numbers[index + 1][0]
    return following - start < 200 and 1 <= text.count("\n", start, following) <= 2


# a header cell of a plain-text table whose columns are aligned with spaces: words apart by single spaces
_HEADER_CELL = re.compile(r"\S+(?: \S+)*")


def _payer_beside_rows(text: str, numbers: list[tuple[int, str, str]], row: tuple[int, str]) -> str | None:
    """The number of a payer-account field (:data:`_PAYER_FIELD`) when the number at ``row`` (start, number) heads a
    column of several: the next line (or the one after a blank line) holds another number at the same column. Else
    None."""
    start, number = row
    line_start = text.rfind("\n", 0, start) + 1
    column = start - line_start
    below = {other_start for other_start, _, _ in numbers if other_start > start}
    line_end = text.find("\n", start)
    several = False
    for _ in range(2):  # (the next line, or the one after a blank line)
        if line_end < 0:
            break
        if line_end + 1 + column in below:
            several = True
            break
        line_end = text.find("\n", line_end + 1)
    if not several:
        return None
    for other_start, other, _ in numbers:
        if account_digits(other) != account_digits(number) \
                and _PAYER_FIELD.search(text, max(0, other_start - 60), other_start) is not None:
            return account_digits(other)
    return None


# a bill of the management or payer account, named before the bill in the languages that put the owner first
# ("管理帳戶 2599… 的 2027年2月 帳單", "付款账户 8374… 的 2027年2月 发票",
# "관리 계정 1394…의 2027년 2월 AWS 사용 명세서", "管理アカウント 2599… の 2027年2月 の請求書"): that account's bill
_BILL_OWNER_BEFORE = re.compile(r"(?:管理|付款|支払い?)(?:账户|帐户|帳戶|アカウント)\s*(?:ID)?\s*[:：]?\s*\Z"
                                r"|(?:관리|지급인|결제자) 계정\s*(?:ID)?\s*[:：]?\s*\Z")
_BILL_AFTER = re.compile(r"[ \t]*(?:的|の|의)[^\n。.]{0,30}?(?:账单|帳單|賬單|发票|發票|請求書|명세서|청구서|인보이스)")


def _bill_of(text: str, twelve: list[tuple[int, int, str]]) -> str | None:
    """The account whose bill the mail names it as, with its management or payer role before the number and the bill
    after it (:data:`_BILL_OWNER_BEFORE`, :data:`_BILL_AFTER`), or None."""
    for start, end, number in twelve:
        if _BILL_AFTER.match(text, end) is not None \
                and _BILL_OWNER_BEFORE.search(text, max(0, start - 20), start) is not None:
            return account_digits(number)
    return None


def _under_column(text: str, numbers: list[tuple[int, str, str]]) -> tuple[int, str] | None:
    """The first number (its start, and as written) that stands under an account label in a plain-text table aligned
    with spaces ("Konto    Region …" over "4471-9203-6618   eu-central-1 …"): the header line (the line above, blank
    lines between) holds a cell that starts at the number's column and names an account (the tiers of _ACCOUNT_BEFORE
    but the ARN's, read on the cell with a colon). A header without two spaces between its cells is no table's."""
    for start, number, _ in numbers:
        line_start = text.rfind("\n", 0, start) + 1
        column = start - line_start
        above = line_start - 1
        header = ""
        for _ in range(3):  # (the line above, or the one above a blank line or two)
            if above <= 0:
                break
            header_start = text.rfind("\n", 0, above) + 1
            header = text[header_start:above]
            if header.strip(_RULE_LINE):
                break
            # (a line of rules only, the one a Markdown table draws under its header, "|---|---|": no header, the
            # header is above it)
            above = header_start - 1
        if "  " not in header or len(header) <= column or header[column].isspace() or (
                column > 0 and not header[column - 1].isspace()):
            continue
        cell = _HEADER_CELL.match(header, column)
        name = (cell.group() if cell else "") + ": "
        if _OTHER_BEFORE.search(name):
            continue  # (a payer's or management account's column)
        for tier in _ACCOUNT_TIERS:
            if tier.in_text is None and tier.pattern.search(name):
                return start, number
    return None


# dotted leaders between a field's name and its value ("Account ........ 4277…"): read as a colon, as
# routing.deadline reads them before a date
_LEADER = re.compile(r"[ \t]*(?:\.{3,}|…+)[ \t]*\Z")


def _after_leaders(text: str, numbers: list[tuple[int, str, str]]) -> str | None:
    """The first number written after dotted leaders whose field name is an account label (the tiers of
    _ACCOUNT_BEFORE but the ARN's, read on the name with a colon for the leaders); None when there is none."""
    fields: list[tuple[str, str]] = []
    for start, number, before in numbers:
        if "..." not in before and "…" not in before:
            continue
        leader = _LEADER.search(text, max(0, start - 60), start)
        name = text[max(0, leader.start() - 60):leader.start()] + ": " if leader is not None else ""
        if name and not _OTHER_BEFORE.search(name):  # not "Management account ...... 1234…"
            fields.append((name, number))
    for tier in _ACCOUNT_TIERS:
        if tier.in_text is not None:
            continue  # (the ARN tier reads an ARN, no field name)
        for name, number in fields:
            if tier.pattern.search(name):
                return account_digits(number)
    return None


def _case_id(low: str, subject_end: int) -> str | None:
    """The first _CASE match in the subject (``low[:subject_end]``), then in the text (after the line
    break that follows it). Searched in ``low`` between pos and endpos, as re reads them (the pattern
    neither sees past endpos nor matches before pos; the look-behind at the text's start reads the line
    break, no letter, like the start of a text): the same matches as in the two texts apart, without
    copying them (tests/routing/test_identifier_scans.py)."""
    for pattern, literal in zip(_CASE, _CASE_STARTS, strict=True):
        match = _first_at(pattern, literal, low, 0, subject_end) or _first_at(pattern, literal, low, subject_end + 1)
        if match:
            return match.group(1)
    return None


def _first_at(pattern: re.Pattern[str], literal: str, text: str, pos: int, endpos: int | None = None
              ) -> re.Match[str] | None:
    """``pattern.search(text, pos, endpos)`` for a pattern every match of which begins with ``literal``:
    tried where ``str.find`` sees it (the first pattern opens with a look-behind, which keeps re from
    skipping to its literal)."""
    end = len(text) if endpos is None else endpos
    at = text.find(literal, pos, end)
    while at != -1:
        match = pattern.match(text, at, end)
        if match is not None:
            return match
        at = text.find(literal, at + 1, end)
    return None


def _region_matches(lowered: str) -> list[re.Match[str]]:
    """``list(_REGION.finditer(lowered))``, tried only 2 and 6 characters before each of
    :data:`_REGION_DIRECTIONS` (the prefix ``us``, ``eu``, ... or ``us-gov`` of a region code):
    one scan for a "-" and a direction (:data:`_REGION_DIRECTION`) instead of re trying the prefix
    letters at every a, c, e, i, m, s and u. Same matches (tests/routing/test_identifier_scans.py)."""
    positions = {at for found in _REGION_DIRECTION.finditer(lowered)
                 for at in (found.start() - 2, found.start() - 6)}
    return matches_at(_REGION, lowered, positions)  # a region name is never empty: same ends


def _resource_matches(text: str) -> list[re.Match[str]]:
    """``list(_RESOURCE.finditer(text))``, tried only where a prefix ends at a dash followed by 8 of
    [0-9a-z] (:data:`_RESOURCE_DASH`): one scan instead of a ``str.find`` loop per prefix. A dash is
    no character of [0-9a-z], so the scan's matches never hide a dash. Same matches
    (tests/routing/test_identifier_scans.py)."""
    positions: list[int] = []
    for dash in _RESOURCE_DASH.finditer(text):
        at = dash.start()
        for prefix in _RESOURCE_BY_END.get(text[max(0, at - 2):at], ()):
            start = at + 1 - len(prefix)
            if start >= 0 and text.startswith(prefix, start):
                positions.append(start)
    return matches_at(_RESOURCE, text, positions)


def _region_name_matches(text: str, lowered: str) -> list[re.Match[str]] | None:
    """``list(_REGION_NAME.finditer(text))`` (``lowered``: ``text.lower()``), tried only where one of its names
    (:data:`_REGION_NAME_WORDS`) ends right before the whitespace before a "(" (the whitespace after a name, whose
    last character is a letter, is all the whitespace there): one ``str.find`` scan for "(" instead of one per name
    start. Positions of ``lowered`` are those of ``text`` unless a character of :data:`FOLDS_TO_ASCII` occurs (İ
    lower-cases to two; and re reads each of them as an ASCII letter): the plain scan then. Same matches
    (tests/routing/test_speed_s32_ids.py); None past :data:`MAX_OPENING_TRIES` of "(" or after a long run of
    whitespace before one."""
    if folds_to_ascii(text):
        return list(_REGION_NAME.finditer(text))
    positions: set[int] = set()
    paren = lowered.find("(")
    for _ in range(MAX_OPENING_TRIES):
        if paren == -1:
            break
        before = lowered[max(0, paren - 40):paren]
        end = paren - (len(before) - len(before.rstrip()))  # (str.rstrip strips what \s reads: str.isspace)
        if end == paren - len(before) and end > 0:
            return None  # (40 spaces before a "(": the caller's plain way)
        for name in _REGION_NAME_BY_END.get(lowered[max(0, end - 2):end], ()):
            if end >= len(name) and lowered.startswith(name, end - len(name)):
                positions.add(end - len(name))
        paren = lowered.find("(", paren + 1)
    else:
        if paren != -1:
            return None  # (a text of many "(": the caller's plain way)
    return matches_at(_REGION_NAME, text, positions)


def _regions(both: str, low: str) -> list[str]:
    """Region codes and names in ``both`` (subject, line break, text; ``low``: its lower-cased form)."""
    cleaned, lowered = both, low
    if "awstrack.me" in cleaned:
        cleaned = _TRACKING_URL.sub(" ", cleaned)
        lowered = cleaned.lower()
    found: list[tuple[int, str]] = [(m.start(), m.group(1)) for m in _region_matches(lowered)]
    # (every _REGION_NAME match holds a "(": one find spares the scan where none is; the names are read only where
    # the text also holds one of the region words, which are then searched only where a name stands)
    names = _region_name_matches(cleaned, lowered) if "(" in lowered else []
    if names is None:  # (many "(": the region words first, then the names where one is, as before)
        named = any(map(lowered.__contains__, _REGION_WORDS))
        names = matches_at_literals(_REGION_NAME, _REGION_NAME_STARTS, cleaned, lowered) if named else []
    named = bool(names) and any(map(lowered.__contains__, _REGION_WORDS))  # = any(w in lowered ...)
    for match in names if named else ():
        code = _REGION_NAMES.get(" ".join(match.group(0).lower().split()))
        if code:
            found.append((match.start(), code))
    return _unique(code for _, code in sorted(found))


def _billing_period(text: str, mail_date: date | None, low: str | None = None) -> str | None:
    """``low``: ``text`` lower-cased, when at hand. The three "billing period" patterns only where it
    holds those words, the "month of" one only where it holds those (always where a character folds
    to an ASCII letter: :data:`FOLDS_TO_ASCII`)."""
    if low is None:
        low = text.lower()
    folds = not text.isascii() and any(map(text.__contains__, FOLDS_TO_ASCII))
    if folds or "billing period" in low:
        match = _PERIOD_RANGE.search(text)
        if match:
            return f"{int(match.group(3)):04d}-{_month(match.group(1)):02d}"
        match = _PERIOD_MONTH.search(text)
        if match:
            return f"{int(match.group(2)):04d}-{_month(match.group(1)):02d}"
        match = _PERIOD_ISO.search(text)
        if match and 1 <= int(match.group(2)) <= 12:
            return f"{match.group(1)}-{match.group(2)}"
    match = _PERIOD_BILLS.search(text) if "bills?year=" in text else None
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    match = _PERIOD_OF_MONTH.search(text) if folds or "month of" in low else None
    if match:
        month = _month(match.group(1))
        if match.group(2):
            return f"{int(match.group(2)):04d}-{month:02d}"
        if mail_date is not None:
            year = mail_date.year - (1 if month > mail_date.month else 0)
            return f"{year:04d}-{month:02d}"
    return None


class _Mail:
    """The texts every extractor reads, prepared once per mail (some values are shared between extractors)."""

    def __init__(self, subject: str, text: str, headers: tuple[tuple[str, str], ...], mail_date: date | None):
        self.subject = subject
        self.text = text[:500_000]
        self.mail_date = mail_date
        # (the headers read are all "x-" ones: only those kept; a name whose lower case starts with "x" starts with x or
        # X, the only characters that lower-case to it)
        self.hdr = {k.lower(): v for k, v in reversed(headers) if k[:1] in ("x", "X")}
        self.both = f"{subject}\n{self.text}"
        self.low = self.both.lower()
        # (lower-casing makes a "%" of nothing but a "%": a text without one holds no %2f or %3a)
        self.decoded = unquote(self.both) \
            if "%" in self.both and ("%2f" in self.low or "%3a" in self.low) else self.both

    def has(self, *words: str) -> bool:
        """Whether one of ``words`` occurs (lower-case, in :attr:`folded`): the cheap gate before a regex."""
        return any(map(self.folded.__contains__, words))  # = any(w in folded for w in words), without a generator

    @cached_property
    def folded(self) -> str:
        """``both`` as :func:`fold_lower` gives it (the form of the needle gates): ``low`` but where İ, ı, ſ or K
        occurs."""
        if self.both.isascii() or not any(map(self.both.__contains__, FOLDS_TO_ASCII)):
            return self.low
        return fold_lower(self.both)

    @cached_property
    def health_arns(self) -> list[str]:
        return _unique(_HEALTH_ARN.findall(self.decoded)) if self.arns and "arn:aws:health" in self.decoded else []

    @cached_property
    def arns(self) -> bool:
        """Whether ``decoded`` holds "arn:aws:" (every Health, ACM and SNS ARN searched there does: one scan spares
        their three where none is)."""
        return "arn:aws:" in self.decoded

    @cached_property
    def regions(self) -> list[str]:
        return _regions(self.both, self.low)

    @cached_property
    def twelve(self) -> list[re.Match[str]]:
        """The _TWELVE matches of ``both`` (subject, line break, text)."""
        return _twelve(self.both)

    @cached_property
    def account(self) -> str | None:
        # the _TWELVE matches of the text are those of ``both`` after the subject's line break, shifted:
        # none spans the line break (no pattern character matches it) and the look-behind reads a
        # line break like the start of the text (tests/routing/test_identifier_scans.py)
        shift = len(self.subject) + 1
        twelve = [(m.start() - shift, m.end() - shift, m.group(1)) for m in self.twelve if m.start() >= shift]
        found = _account_id(self.subject, self.text, self.hdr, twelve, self.folded)
        if not ("*" in self.both or "•" in self.both or "xxxx" in self.low):
            return found
        if found is not None and another_than_masked(found, self.both, self.folded, self.twelve):
            return None
        return found if found is not None else self._unmasked()

    def _unmasked(self) -> str | None:
        """The account the text writes masked ("Account: ********1940") when it also writes it in full where an account
        noun precedes it ("the full ID of the affected account is 772276441940"): the one such id that ends with the
        masked digits, only when a single account is masked (a mail that masks two names neither)."""
        masked = _masked_accounts(self.both, self.folded)
        if len(masked) != 1:
            return None
        last4 = next(iter(masked))
        full = {account_digits(match.group(1)) for match in self.twelve
                if any(word in self.folded[max(0, match.start() - 40):match.start()] for word in _ACCOUNT_NOUNS)}
        ending = [account for account in full if account.endswith(last4)]
        if not ending:
            # (or a run of twelve digits that ends with them, wherever it stands: the account in a reference after a
            # dash, "Case reference: 180423771-271904685532", beside "Account ****-****-5532"; one such run only)
            ending = list({run for run in _TWELVE_RUN.findall(self.both) if run.endswith(last4)})
        return ending[0] if len(ending) == 1 else None


# twelve digits, no digit on either side (in a reference as well: _Mail._unmasked)
_TWELVE_RUN = re.compile(r"(?<!\d)\d{12}(?!\d)")


def another_than_masked(found: str, both: str, folded: str, twelve: list[re.Match[str]]) -> bool:
    """Whether ``found``, an account id the text names in full (one of the :data:`_TWELVE` matches ``twelve`` of
    ``both``), is another's than the reader's: the reader's is written masked and ends otherwise (not one a header
    names: a notification's own account, beside the affected account it masks). ``folded``: ``both`` as
    :func:`fold_lower` gives it."""
    masked = _masked_accounts(both, folded)
    return bool(masked) and found[-4:] not in masked \
        and any(account_digits(match.group(1)) == found for match in twelve)


# an account id written masked ("************6613", "****-****-6613", "xxxxxxxx6613"): a run of mask characters
# before its last four digits, as an account field writes it (an account noun stands in the 40 characters before
# it, so a card's "**** **** **** 4242" after "card" is none)
# (one run of four too, its digits right after it: "su cuenta de AWS (****2377)", "[Cuenta de AWS ****2377]")
# (nor an IBAN's run, its country and check digits before it: "Konto DE89 **** **** **** 3000", Konto being an account
# noun too)
_MASKED_ACCOUNT = re.compile(r"(?<![\w*•])" + _NOT_A_LONGER_RUN + r"[*xX•]{4}"
                             r"(?:(?:[- ]?[*xX•]{4}){1,2}[- ]?|(?=\d))(\d{4})(?!\d)")
_ACCOUNT_NOUNS = ("account", "aws id", "konto", "cuenta", "compte", "conta", "conto", "アカウント", "계정", "账户",
                  "帐户", "帳戶", "账号", "帳號")
_CARD_NOUNS = ("card", "karte", "tarjeta", "carte", "cartão", "cartao", "carta", "カード", "카드", "卡")


def _mask_runs(text: str) -> list[int] | None:
    """Every position of ``text`` where four mask characters (``*``, ``x``, ``X``, ``•``) stand in a row, overlapping
    ones too: one ``str.find`` scan of the text with each mask character written as ``x`` (one character for one);
    None past :data:`MAX_OPENING_TRIES` of them."""
    masks = text.replace("X", "x").replace("*", "x").replace("\u2022", "x")
    positions: list[int] = []
    at = masks.find("xxxx")
    while at != -1:
        if len(positions) == MAX_OPENING_TRIES:
            return None
        positions.append(at)
        at = masks.find("xxxx", at + 1)
    return positions


def _masked_matches(text: str) -> list[re.Match[str]]:
    """``list(_MASKED_ACCOUNT.finditer(text))``, tried only where a match may begin (its look-behind aside, every
    match opens with four mask characters: :func:`_mask_runs`) rather than at each character, where the look-behind
    keeps re from skipping ahead. Same matches (:func:`routing.patterns.matches_at`;
    tests/routing/test_speed_s32_ids.py); the plain scan where the runs are many."""
    positions = _mask_runs(text)
    return list(_MASKED_ACCOUNT.finditer(text)) if positions is None else matches_at(_MASKED_ACCOUNT, text, positions)


def _masked_accounts(both: str, folded: str) -> set[str]:
    """The last four digits of every account id ``both`` writes masked (:data:`_MASKED_ACCOUNT` after an account
    noun and no card noun), but not another's, named so right before it as a full id would be (:data:`_OTHER`: "The
    management account ********7002 … has invited your AWS account 9533…"), unless the reader's own (:data:`_OWN`:
    "your management account ****1234"); ``folded``: ``both`` as :func:`fold_lower` gives it."""
    found: set[str] = set()
    for match in _masked_matches(both):
        start = match.start()
        before = folded[max(0, start - 40):start]
        if any(map(before.__contains__, _ACCOUNT_NOUNS)) and not any(map(before.__contains__, _CARD_NOUNS)):
            if _OTHER.search(both, start, fold_lower(both[max(0, start - _OTHER.reach):start])) \
                    and not _OWN.search(both, start, fold_lower(both[max(0, start - _OWN.reach):start])):
                continue
            found.add(ascii_digits(match.group(1)))
    return found


def _x_case_id(m: _Mail, ids: dict[str, Any]) -> Any:
    if not m.has("case", "displayid"):
        return None
    if len(m.low) == len(m.both):  # each character lower-cased to one: the subject ends where it did
        return _case_id(m.low, len(m.subject))
    return _case_id(f"{m.subject.lower()}\n{m.text.lower()}", len(m.subject.lower()))


def _x_health_event_arn(m: _Mail, ids: dict[str, Any]) -> Any:
    return m.health_arns[0] if m.health_arns else None


def _arn_event_code(arn: str) -> str:
    """The event type code of a Health event ARN (arn:aws:health:REGION::event/SERVICE/CODE/ID)."""
    return arn.split("/")[2]


def _x_event_type_code(m: _Mail, ids: dict[str, Any]) -> Any:
    event_type = _first([_EVENT_TYPE], m.text) if m.has("event type code") else None
    if not event_type and "aws_" in m.low and m.has(*_EVENT_TYPE_LOCAL_CUES):
        event_type = _first([_EVENT_TYPE_LOCAL], m.text)
    if not event_type and m.health_arns:
        event_type = _arn_event_code(m.health_arns[0])
    if event_type:
        return event_type
    request = m.hdr.get("x-notifications-client-request-id", "")
    # (the request id's code, ":silvermine:CODE/…", or a Health event ARN there, "arn:aws:health:…:event/ECS/CODE/…";
    # or a Health event ARN as the notification's event ARN, where AWS User Notifications writes its own ARN
    # "arn:aws:notifications::…", which holds no code)
    code = m.hdr.get("x-sm-communication-type") or _first([_EVENT_TYPE_REQ], request)
    if code:
        return code
    for value in (request, m.hdr.get("x-notifications-notification-event-arn", "")):
        if (arn := _HEALTH_ARN.search(value)) is not None:
            return _arn_event_code(arn.group())
    return None


def _x_abuse_report_id(m: _Mail, ids: dict[str, Any]) -> Any:
    abuse_in = "abuse" in m.low  # (once, for both gates)
    abuse = _first(_ABUSE, m.subject, m.text) if abuse_in or "report" in m.low else None
    if abuse is None and abuse_in and _ABUSE_WORD.search(m.low):
        abuse = _first([_ABUSE_CASE_NUMBER], m.text)
    return abuse


def _x_aws_account_ids(m: _Mail, ids: dict[str, Any]) -> Any:
    return _unique(
        account_digits(found.group(1)) for found in m.twelve
        if any(word in m.low[max(0, found.start() - 40):found.start()] for word in ("account", "aws id", "アカウント")))


def _x_aws_account_id_last4(m: _Mail, ids: dict[str, Any]) -> Any:
    if m.account is not None:  # (computed for every mail anyway) a named account: no masked one wanted
        return None
    # every _MASKED match holds one of _MASKED_PHRASES (in any case) or four of * x X • in a row ("xxxx" once * and •
    # read as x)
    maskable = _names_masked_phrase(m.low) or "xxxx" in m.low.replace("*", "x").replace("\u2022", "x")
    # (not a phrase that names a bank's or a card's account, "your bank account ending in 0042", "checking account
    # ***0042", or another's AWS account, "the management account ***7002": no digits of the reader's account)
    masked = _first_match(_MASKED, _MASKED_AT, m.both, _anothers_account) if maskable else None
    return ascii_digits(masked.group(1)) if masked else _ending_local(m.low)


def _x_certificate_arn(m: _Mail, ids: dict[str, Any]) -> Any:
    cert = _first([_CERT_ARN], m.decoded) if m.arns and "arn:aws:acm" in m.decoded else None
    if cert is None and m.has("certificate identifier"):
        cert_id = _first([_CERT_ID], m.text)
        if cert_id and m.account and m.regions:
            cert = f"arn:aws:acm:{m.regions[0]}:{m.account}:certificate/{cert_id}"
    return cert


def _x_sns_topic_arn(m: _Mail, ids: dict[str, Any]) -> Any:
    sns = _SNS_ARN.search(m.hdr.get("x-amz-sns-subscription-arn", "")) or (
        _SNS_ARN.search(m.decoded) if m.arns and "arn:aws:sns" in m.decoded else None)
    return f"arn:aws:sns:{sns.group(1)}:{sns.group(2)}:{sns.group(3)}" if sns else None


def _x_budget_name(m: _Mail, ids: dict[str, Any]) -> Any:
    budget = (_first(_BUDGET, m.text) or _first([_BUDGET_SUBJECT], m.subject)) if m.has("budget") else None
    return budget.strip() if budget else None


def _x_domain_name(m: _Mail, ids: dict[str, Any]) -> Any:
    # ("domain" read once where the folded text is the lower-cased one, as it is unless İ ı ſ or K occurs)
    domain = "domain" in m.low
    if not (domain or m.has(" for ", "transfer of", "registration of", "renewal of") if m.folded is m.low
            else m.has("domain", " for ", "transfer of", "registration of", "renewal of")):
        return None
    # every _DOMAIN match holds "domain" (case-insensitively: also with a character that folds to ASCII)
    in_text = domain or any(map(m.text.__contains__, FOLDS_TO_ASCII))
    found = _first(_DOMAIN, m.text) if in_text else None
    if not found and _may_hold(_DOMAIN_SUBJECT_NEEDLES, m.subject):
        found = _first([_DOMAIN_SUBJECT], m.subject)
    return (found or "").lower() or None


def _x_handshake_id(m: _Mail, ids: dict[str, Any]) -> Any:
    # (not an EC2 Dedicated Host's id, "h-" and 17 hexadecimal digits: an Organizations handshake id's 8-32 characters
    # are lower-case letters and digits, all 17 of them hexadecimal about once in a million)
    handshakes = [h for h in _word_matches(_HANDSHAKE, m.both) if not _HOST_ID.fullmatch(h)] if "h-" in m.both else []
    return handshakes[0] if handshakes else None


def _first_of(name: str) -> Callable[[_Mail, dict[str, Any]], Any]:
    """The singular form (``instance_id``) of a list found earlier (``instance_ids``)."""
    return lambda m, ids: ids[name][0] if ids[name] else None


Extractor = Callable[[_Mail, dict[str, Any]], Any]
"""An extractor reads the prepared mail (and the identifiers found before it) and returns one value."""

EXTRACTORS: tuple[tuple[str, Extractor], ...] = (
    ("case_id", _x_case_id),
    ("health_event_arn", _x_health_event_arn),
    ("event_type_code", _x_event_type_code),
    ("abuse_report_id", _x_abuse_report_id),
    ("invoice_id", lambda m, ids: _first(_INVOICE, m.subject, m.text) if m.has("invoice") else None),
    ("instance_ids", lambda m, ids: _unique(_word_matches(_INSTANCE, m.both)) if "i-" in m.both else []),
    ("access_key_ids", lambda m, ids: _unique(_ACCESS_KEY.findall(m.both))
     if ("AKIA" in m.both or "ASIA" in m.both) else []),
    ("regions", lambda m, ids: m.regions),
    ("region", _first_of("regions")),
    ("resource_ids", lambda m, ids: _unique(found.group(0) for found in _resource_matches(m.both))),
    ("aws_account_ids", _x_aws_account_ids),
    ("aws_account_id_last4", _x_aws_account_id_last4),
    ("certificate_arn", _x_certificate_arn),
    ("sns_topic_arn", _x_sns_topic_arn),
    ("budget_name", _x_budget_name),
    ("anomaly_id", lambda m, ids: _first(_ANOMALY, m.text) if m.has("anomal") else None),
    ("reservation_id", lambda m, ids: _first([_RESERVATION], m.text)
     if m.has("reserv", "savings plan") else None),  # (every match holds "reservation", "savings plan" or "reserved")
    ("domain_name", _x_domain_name),
    ("handshake_id", _x_handshake_id),
    ("agreement_id", lambda m, ids: _first([_AGREEMENT], m.both) if "agmt-" in m.both else None),
    ("billing_period", lambda m, ids: _billing_period(m.both, m.mail_date, m.low)
     if m.has("billing period", "bills?year", "month of") else None),
    # singular forms that taxonomy ``thread_on`` names
    ("instance_id", _first_of("instance_ids")),
    ("access_key_id", _first_of("access_key_ids")),
)
"""Every identifier, in the order of the result: name -> extractor (each gated by a cheap substring test)."""


def extract_identifiers(
    subject: str,
    text: str,
    headers: tuple[tuple[str, str], ...] = (),
    mail_date: date | None = None,
) -> Extracted:
    """Identifiers in ``subject`` + ``text`` (the readable body) + AWS headers: the :data:`EXTRACTORS` in order."""
    mail = _Mail(subject, text, headers, mail_date)
    ids: dict[str, Any] = {}
    for name, extractor in EXTRACTORS:
        ids[name] = extractor(mail, ids)
    account = mail.account
    last4 = ids.get("aws_account_id_last4") or (_ending_in(mail.both, mail.low) if account is not None else None)
    if last4 and (account is None or not account.endswith(last4)):
        # the account named by its last four digits ("the AWS account ending in 9380") and written in full where an
        # account word precedes it ("…/resetpassword?type=RootUser&account=473311509380"): the one such id that ends
        # with those digits is the reader's (as a masked one written in full, _Mail._unmasked); an id that ends
        # otherwise is another account's, never the reader's; two such ids, none
        ending = [named for named in ids.get("aws_account_ids") or [] if named.endswith(last4)]
        if not ending and account is None:
            # (written in full farther from its noun than an account id is read: "Your full account number, for
            # reference in the support center: 883496887534": the one 12-digit number of the mail with those digits)
            ending = [number for number in _unique(account_digits(found.group(1)) for found in mail.twelve)
                      if number.endswith(last4)]
        account = ending[0] if len(ending) == 1 else None
        ids["aws_account_id_last4"] = None if account is not None else last4  # (a named account: no masked one)
    return Extracted(aws_account_id=account, identifiers=ids)


def _names_masked_phrase(lowered: str) -> bool:
    """Whether the lower-cased ``lowered`` holds one of :data:`_MASKED_PHRASES` or :data:`_MASKED_SHORT` (the gates of
    _MASKED's phrase forms)."""
    return ("ending " in lowered and any(map(lowered.__contains__, _MASKED_PHRASES))) or (
        "account" in lowered and _MASKED_SHORT.search(lowered) is not None)


def _ending_in(both: str, lowered: str) -> str | None:
    """The last four digits of the AWS account a phrase names ("the AWS account ending in 9380"), not a bank's or a
    card's ("the bank account ending in 0042"): what :data:`_MASKED`'s phrase form reads, checked for its owner.
    ``lowered``: ``both`` lower-cased (the gate)."""
    if _names_masked_phrase(lowered):
        for found in _MASKED.finditer(both):
            if found.group()[:7].lower() == "account" and not _anothers_account(both, found):
                return ascii_digits(found.group(1))
    return _ending_local(lowered)


#: whose account a phrase "… account ending in 0042" may name other than the AWS account's
_NOT_AWS_ACCOUNT = ("bank", "checking", "savings", "card", "debit", "paypal")
#: whose AWS account a phrase "… account ***7002" may name other than the reader's: the organization's or the
#: seller's ("The management account ********7002 has invited your AWS account 9533…")
_ANOTHERS_ROLE = ("management", "payer", "master", "seller", "delegat", "administrator")


def _anothers_account(both: str, found: re.Match[str]) -> bool:
    """Whether the phrase form of :data:`_MASKED` at ``found`` (it opens with "account") names a bank's or a card's
    account (:data:`_NOT_AWS_ACCOUNT`), or another's AWS account by its role (:data:`_ANOTHERS_ROLE`), in the 16
    characters before it: no digits of the reader's account."""
    if found.group()[:7].lower() != "account":
        return False
    before = both[max(0, found.start() - 16):found.start()].lower()
    return any(word in before for word in _NOT_AWS_ACCOUNT + _ANOTHERS_ROLE)


# the account named by its last four digits in the other languages, its noun first ("アカウント末尾 6322", "계정 끝자리
# 6322", "账户尾号 6322", "la cuenta de AWS que termina en 6322", "a conta da AWS terminada em 6322", "le compte AWS
# se terminant par 6322", "l'account AWS che termina con 6322", "AWS-Konto mit der Endung 6322"), read lower-cased
# (:func:`_ending_local` asks the European forms to name AWS)
_ENDING_LOCAL = re.compile(r"(?:アカウント(?:\s?id)?\s?(?:の)?末尾(?:が|は)?|계정(?:\s?id)?(?:의)?\s?끝자리(?:가|는)?|"
                           r"(?:账户|帐户|帳戶|账号|帳號)(?:\s?id)?\s?尾[号號](?:为|為|是)?|"
                           r"\bcuenta(?: de aws)? (?:que termina|terminada) en|"
                           r"\bconta(?: da aws)? (?:que termina|terminada|com final)(?: em)?|"
                           r"\bcompte(?: aws)? (?:se terminant|finissant|qui se termine) par|"
                           r"\b(?:account|conto)(?: aws)? che termina (?:con|in)|"
                           r"\bkonto (?:mit der endung|endet auf|endend auf))"
                           r"\s?[:：]?\s?(\d{4})(?!\d)")
#: a literal in every _ENDING_LOCAL match (its gate)
_ENDING_LOCAL_CUES = ("末尾", "끝자리", "尾号", "尾號", "termina", "com final", "finissant", "endung", "endet auf",
                      "endend auf")
#: a bank's account or a direct debit's, named so before a localized ending phrase ("addebito SEPA sul conto che
#: termina con 0932", "Lastschrift (SEPA), Konto endet auf 5512")
_NOT_AWS_ACCOUNT_LOCAL = ("banc", "bank", "sepa", "iban", "lastschrift", "prélèvement", "prelevement", "addebito",
                          "débito", "debito", "domicilia", "銀行", "口座", "은행", "계좌", "银行")


def _ending_local(lowered: str) -> str | None:
    """The last four digits of the AWS account a localized phrase names (:data:`_ENDING_LOCAL`), not a bank's;
    ``lowered``: the subject and text lower-cased. The European nouns (cuenta, conta, compte, conto, Konto) name a
    bank account as well: there the phrase names AWS ("la cuenta de AWS que termina en 6322", "AWS-Konto mit der
    Endung 6322")."""
    if not any(map(lowered.__contains__, _ENDING_LOCAL_CUES)):
        return None
    for found in _ENDING_LOCAL.finditer(lowered):
        if any(word in lowered[max(0, found.start() - 60):found.end()] for word in _NOT_AWS_ACCOUNT_LOCAL):
            continue
        if found.group()[:1].isascii() and "aws" not in lowered[max(0, found.start() - 12):found.end()]:
            continue
        return ascii_digits(found.group(1))
    return None


def with_table_accounts(extracted: Extracted, html: str) -> Extracted:
    """``extracted`` and the account ids of the HTML part's tables (:mod:`routing.htmltables`), else of its
    label/value pairs, when the subject and text name no account: an id in the recipient's account column
    (or under its label) counts as one named in text; one in another account's column (payer, management)
    is named, never the recipient's."""
    if extracted.aws_account_id is not None or not html:
        return extracted
    found = table_accounts(html)
    if not found.own and not found.other:
        # (then a label/value pair outside a table: "<b>Account ID</b> 8422…<br>", the text part a stub)
        found = label_accounts(html)
    if not found.own and not found.other:
        return _with_prose_account(extracted, html)
    return _with_found(extracted, found)


def _with_found(extracted: Extracted, found: TableAccounts) -> Extracted:
    """``extracted`` with the ids a table found: all of them named, the first of the recipient's columns the account."""
    ids = dict(extracted.identifiers)
    ids["aws_account_ids"] = _unique([*(ids.get("aws_account_ids") or []), *found.own, *found.other])
    if found.own:
        ids["aws_account_id_last4"] = None  # a named account: no masked one wanted (as in the text)
    return Extracted(aws_account_id=found.own[0] if found.own else None, identifiers=ids)


def with_text_table_accounts(extracted: Extracted, text: str) -> Extracted:
    """``extracted`` and the account ids of the plain text's tab-separated tables (:func:`text_table_accounts`: a budget
    alert's "…<TAB>Konto" over its row), when the subject and text name no account otherwise: as an HTML table's
    (:func:`with_table_accounts`), an id in the recipient's account column is the account, one in another account's
    column is named, never the recipient's."""
    if extracted.aws_account_id is not None or "\t" not in text:
        return extracted
    found = text_table_accounts(text)
    if not found.own and not found.other:
        return extracted
    return _with_found(extracted, found)


def _with_prose_account(extracted: Extracted, html: str) -> Extracted:
    """``extracted`` and the account the HTML part's prose names ("The root user of AWS account 2085-6613-9047 …"),
    when the subject and text name none, nor any account, masked or not (a text part that leaves the account to the
    HTML version of the mail). The markup is read only where it holds an account id's form (:func:`has_id_form`)."""
    if extracted.identifiers.get("aws_account_ids") or extracted.identifiers.get("aws_account_id_last4") \
            or not has_id_form(html):
        return extracted
    account = _account_id("", html_to_text(html[:MAX_MARKUP]), {})
    if account is None:
        return extracted
    ids = dict(extracted.identifiers)
    ids["aws_account_ids"] = [account]
    ids["aws_account_id_last4"] = None
    return Extracted(aws_account_id=account, identifiers=ids)


def compact(identifiers: dict[str, Any]) -> dict[str, Any]:
    """Only the identifiers that were found (no None, no empty lists)."""
    return {k: v for k, v in identifiers.items() if v not in (None, "", [], ())}
