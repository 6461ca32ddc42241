"""Session 32's faster forms in routing.identifiers give exactly what their plain forms give:

* ``opening_literals`` / ``_found_from_openings`` / ``_first_from_openings``: a pattern tried only where the folded
  text holds a literal every match opens with, against the pattern's own search (on strings hypothesis draws from the
  pattern itself, on pieces with look-alike letters, on windows of them);
* ``_twelve``'s scan of an ASCII text's byte shapes against ``_TWELVE_AT_ASCII`` on the text, and ``_masked_matches``
  (the runs of four mask characters) against ``_MASKED_ACCOUNT.finditer``;
* ``_account_id``'s word gates read in the windows of a few numbers against the whole-text gates (``_FEW_NUMBERS``
  set to 0), the needles those gates rely on proven from the patterns' parse trees, and the subject's id-form gate.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routing import identifiers as ids
from routing.patterns import fold_lower
from tests.routing.test_identifier_gates import _covered, _parser

# every pattern tried from its opening literals, by name
OPENED: dict[str, re.Pattern[str]] = {
    **{f"account tier {i}": tier.pattern for i, tier in enumerate(ids._ACCOUNT_TIERS) if tier.openings is not None},
    "another account": ids._OTHER.pattern, "own management account": ids._OWN.pattern,
    "own organization created": ids._OWN_CREATED.pattern, "your payer": ids._YOUR_PAYER,
}
LOOK_ALIKES = str.maketrans({"s": "\u017f", "i": "\u0131", "I": "\u0130", "k": "\u212a", "K": "\u212a"})


def _openings(pattern: re.Pattern[str]) -> tuple[str, ...]:
    openings = ids.opening_literals(pattern)
    assert openings is not None
    return openings


def test_the_heavy_patterns_have_openings() -> None:
    for name in ("account tier 0", "account tier 1", "account tier 3", "account tier 5", "another account",
                 "own management account", "own organization created", "your payer"):
        assert name in OPENED, name
    assert ids.opening_literals(re.compile(r"\s*x")) is None  # (an opening that may be anything: none known)
    assert ids.opening_literals(re.compile(r"(?:\A|\n)[ \t]*account")) is None  # (whitespace: not worth it)
    assert ids.opening_literals(re.compile(r"(?i)\b(?:abc|ab)d?|x[yz]")) == ("ab", "xy", "xz")
    assert ids.opening_literals(re.compile(r"(?i)(?<!no )Käufer|é")) is None  # (é: a cased letter beyond ASCII)
    assert ids.opening_literals(re.compile(r"(?i)(?<!no )Käufer")) == ("k",)


@pytest.mark.parametrize("name", sorted(OPENED))
def test_a_match_drawn_from_the_pattern_is_found_from_its_openings(name: str) -> None:
    pattern = OPENED[name]
    openings = _openings(pattern)

    @settings(max_examples=300, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.from_regex(pattern), st.sampled_from(["", "x ", "Account ", "\n", "ID: "]), st.booleans())
    def check(drawn: str, prefix: str, alike: bool) -> None:
        text = prefix + (drawn.translate(LOOK_ALIKES) if alike else drawn)
        plain = pattern.search(text) is not None
        assert ids._found_from_openings(pattern, openings, text, 0, len(text), fold_lower(text)) == plain
        found, first = ids._first_from_openings(pattern, openings, text, fold_lower(text)), pattern.search(text)
        assert (found and (found.span(), found.groups())) == (first and (first.span(), first.groups()))

    check()


PIECES = ["account", "Account ID", "AWS account", "your ", "Your ", "YOUR ", "Ihr ", "İhr ", "ıhr ", "AWS-Konto",
          "Konto", "\u212aonto", "cuenta", "su ", "ſu ", "votre ", "compte", "sua ", "ſua ", "conta", "tuo ", "suo ",
          "vostro ", "master ", "maſter ", "management ", "MANAGEMENT ", "ınvıtıng ", "İnviting ", "other ", "another ",
          "invited by the ", "copy", "cop\u0131ed", " to your payer", "Verwaltungs", "Haupt", "einladende ",
          "de gestion", "di gestione", "de administración", "de gerenciamento", "gestão", "maître", "que invita",
          "ID de AWS", "\u0130D de AWS", "Mitglieds", "Member", "Käufer", "KÄUFER", "your organization (",
          "You are the management account (", "管理", "アカウント", "お客様の", "귀하의 ", "계정", "您的", "账户",
          "such as yours (", "wie Ihres (", "arn:aws:kafka:eu-west-1:", ":", "：", " ", "\n", "(", "（", "ID", " is ",
          "\u00a0", "payer account", "Paying account", "your payer account", "linked account", "Linked account: ",
          "Payer account: ", "e-mail address of its management account", "monitor x in the management account ",
          "full ID", "完整 ID", "\"accountId\": \"", "created an organization whose management account is ", "x", "1",
          "123456789012", "1234-5678-9012", "2109 8765 4321", "Seller ", "Vendedor: ", "seller account ", "|", "...",
          "…", "payer", "Zahlerkonto", "cuenta pagadora", "ende", "(recipient) "]
NUMBERS = ["123456789012", "1234-5678-9012", "2109 8765 4321", "210987654321"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=14), st.integers(0, 80), st.integers(0, 80))
def test_openings_answer_as_the_search_of_a_window(pieces: list[str], left: int, right: int) -> None:
    text = "".join(pieces)
    at, end = min(left, len(text)), min(max(left, right), len(text))
    folded = fold_lower(text[at:end])
    for name, pattern in OPENED.items():
        assert ids._found_from_openings(pattern, _openings(pattern), text, at, end, folded) == \
            (pattern.search(text, at, end) is not None), name


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16))
def test_gated_searches_answer_as_the_plain_search(pieces: list[str]) -> None:
    text = "".join(pieces)
    for found in ids._TWELVE.finditer(text):
        start = found.start()
        for gated in (*ids._ACCOUNT_TIERS, ids._OTHER, ids._OWN, ids._OWN_CREATED):
            at = max(0, start - gated.reach)
            window = fold_lower(text[at:start])
            plain = gated.pattern.search(text, at, start) is not None
            assert gated.search(text, start, window) == plain
            assert gated.search(text, start, fold_lower(text)) == plain  # (a folded text of more than the window)


def test_opening_characters_fold_as_ignorecase_reads_them() -> None:
    """Every character re.IGNORECASE matches to a character of an opening literal folds to it (the ASCII letters'
    look-alikes İ ı ſ K included; the other characters of the literals are ASCII or uncased: only themselves)."""
    letters = {char for pattern in OPENED.values() for literal in _openings(pattern) for char in literal}
    everything = "".join(chr(code) for code in range(0x110000) if not 0xD800 <= code <= 0xDFFF)
    for letter in sorted(letters):
        matched = set(re.compile(re.escape(letter), re.IGNORECASE).findall(everything))
        assert {char for char in matched if fold_lower(char) != letter} == set(), letter


# ---------------------------------------------------------------- the 12-digit candidates and the masked ids

ASCII_PIECES = ["0", "7", "12", "1234", "123456789012", "1234-5678-9012", "1234 5678 9012", "123 456 789 012", " ",
                "-", "*", "_", "a", "Z", ".", "\n", "\t", "x", "/", ":", "#", "$", "~", "12-", "1 "]


@settings(max_examples=2000, deadline=None)
@given(st.one_of(st.lists(st.sampled_from(ASCII_PIECES), max_size=30).map("".join),
                 st.text(st.characters(max_codepoint=127), max_size=60)))
def test_twelve_candidates_from_the_shapes_are_those_of_the_ascii_scan(text: str) -> None:
    shapes = text.encode("ascii").translate(ids._SHAPES)
    assert [m.start() for m in ids._TWELVE_AT_SHAPES.finditer(shapes)] == \
        [m.start() for m in ids._TWELVE_AT_ASCII.finditer(text)]
    for pos in range(len(text) + 1):
        found, plain = ids._TWELVE_AT_SHAPES.search(shapes, pos), ids._TWELVE_AT_ASCII.search(text, pos)
        assert (found and found.span()) == (plain and plain.span())
    assert [(m.span(), m.groups()) for m in ids._twelve(text)] == \
        [(m.span(), m.groups()) for m in ids._TWELVE.finditer(text)]


def test_the_shapes_keep_each_ascii_class() -> None:
    for code in range(128):
        char, shape = chr(code), chr(ids._SHAPES[code])
        assert bool(re.fullmatch(r"\d", char, re.ASCII)) == (shape == "0")
        assert bool(re.fullmatch(r"[\d*\w-]", char, re.ASCII)) == (shape in "0a*-")
        assert bool(re.fullmatch(r"[\d \u00a0\u202f-]", char, re.ASCII)) == (shape in "0 -")


MASK_PIECES = ["*", "****", "x", "X", "xxxx", "XXXX-", "•", "••••", "-", " ", "1234", "12345", "a", "_", "\n",
               "account ", "card ", "0"]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(MASK_PIECES), max_size=20))
def test_masked_matches_are_the_plain_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(m.span(), m.groups()) for m in ids._masked_matches(text)] == \
        [(m.span(), m.groups()) for m in ids._MASKED_ACCOUNT.finditer(text)]


# ---------------------------------------------------------------- _account_id's gates

def _proven(pattern: re.Pattern[str], needles: tuple[str, ...]) -> bool:
    return all(needle == fold_lower(needle) for needle in needles) and \
        _covered(list(_parser.parse(pattern.pattern, pattern.flags)), needles)


def test_every_payer_field_and_seller_line_holds_one_of_its_words() -> None:
    assert _proven(ids._PAYER_FIELD, ids._PAYER_NEEDLES)
    assert _proven(ids._SELLER_LINE, ids._SELLER_WORDS)
    assert ids._OWN.needles is not None and _proven(ids._OWN.pattern, ids._OWN.needles)
    # (none of the words holds a space, the one character the table rules and dotted leaders become)
    for word in (*ids._PAYER_NEEDLES, *ids._SELLER_WORDS, *ids._OWN.needles):
        assert not any(char.isspace() or char in "|.…" or char in ids._COLUMN_RULES for char in word)


ACCOUNT_PIECES = [*PIECES, "Account: ", "\n\n", "Account ........ ", "║ AWS account   ║ ", " ║\n", "| Account ID | ",
                  "Seller  Contoso, AWS account ", "Linked account: ", "Payer account: ", "account ending in ", "****",
                  "a copy", " receives a copy", " (management account of the organization)", "invited your account "]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(ACCOUNT_PIECES), max_size=4), st.lists(st.sampled_from(ACCOUNT_PIECES), max_size=24))
def test_account_with_window_gates_is_the_account_with_whole_text_gates(subject: list[str], text: list[str]) -> None:
    joined_subject, joined = "".join(subject), "".join(text)
    found = ids._account_id(joined_subject, joined, {})
    saved = ids._FEW_NUMBERS
    try:
        ids._FEW_NUMBERS = -1  # (every gate read in the whole text)
        assert ids._account_id(joined_subject, joined, {}) == found
    finally:
        ids._FEW_NUMBERS = saved


SUBJECT_PIECES = ["[Account: ", "[AWS Account ", "]", "AWS ID ", "Account ", "account ", "Konto ", "compte AWS ",
                  "cuenta de AWS ", "アカウント", "계정", "from account ", " ", "\u00a0", "\u202f", "-", "1", "12",
                  "123", "1234", "123456789012", "1234-5678-9012", "123 456 789 012", "١٢٣٤", "x", ":", "："]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(SUBJECT_PIECES), max_size=12))
def test_a_subject_pattern_matches_only_where_an_id_form_stands(pieces: list[str]) -> None:
    subject = "".join(pieces)
    plain = re.compile(ids._ACCT).search(subject)
    gate = ids._ACCOUNT_FORM.search(subject)
    assert (gate and gate.span()) == (plain and plain.span())
    if any(pattern.search(subject) for pattern in ids._ACCOUNT_SUBJECT):
        assert gate is not None


def test_a_word_gate_of_whole_text_still_spares_many_numbers() -> None:
    """(with more than _FEW_NUMBERS numbers the gates read the whole text, as before: a long list of numbers costs no
    window reads for words the text lacks)"""
    text = " ".join(f"{n:012d}" for n in range(ids._FEW_NUMBERS + 5))
    assert ids._account_id("", text, {}) is None


# ---------------------------------------------------------------- region names, the headers read, dotted leaders

REGION_PIECES = ["US East (Ohio)", "Europe (Paris)", "EU\n(Ireland)", "eu (", "EU  (Ireland)", "(", ")", "Asia ",
                 "Pacific (Tokyo)", " Canada", "(central)", "ı", "İ", "K", "\u00a0", "\u2003", "\t", " ", "x",
                 "us east", "US WEST", "middle east", "South America (São Paulo)", "africa", "Israel", "(Tel Aviv)",
                 "eu", "ropE", "(N. Virginia)", "\n", "(ab)", "((", "eu-west-1", "queue (", "_eu ("]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(REGION_PIECES), max_size=16))
def test_region_name_matches_are_the_plain_finditer(pieces: list[str]) -> None:
    text = "".join(pieces)
    found = ids._region_name_matches(text, text.lower())
    assert found is not None
    assert [(m.span(), m.group()) for m in found] == [(m.span(), m.group()) for m in ids._REGION_NAME.finditer(text)]


@pytest.mark.parametrize("text", ["x (" * (ids.MAX_OPENING_TRIES + 1) + " US East (Ohio)",
                                  "US East" + " " * 50 + "(Ohio) and Europe (Paris)", " " * 45 + "(Ohio) eu (Paris)",
                                  "(a) " * ids.MAX_OPENING_TRIES + "eu (Paris)",
                                  "Canada" + "\u2003" * 39 + "(Central)"])
def test_many_parentheses_or_spaces_read_the_regions_the_plain_way(text: str) -> None:
    found = ids._region_name_matches(text, text.lower())
    if found is not None:
        assert [m.span() for m in found] == [m.span() for m in ids._REGION_NAME.finditer(text)]
    mail = ids._Mail("", text, (), None)
    lowered = mail.both.lower()
    plain = [(m.start(), m.group(1)) for m in ids._REGION.finditer(lowered)]
    if any(word in lowered for word in ids._REGION_WORDS):
        plain += [(m.start(), ids._REGION_NAMES[" ".join(m.group(0).lower().split())])
                  for m in ids._REGION_NAME.finditer(mail.both)
                  if " ".join(m.group(0).lower().split()) in ids._REGION_NAMES]
    assert mail.regions == ids._unique(code for _, code in sorted(plain))


@pytest.mark.parametrize("text", ["****" * 40 + "account ****-****-1234", "xxxx-" * 70 + " 1234",
                                  "account " + "•••• " * 80 + "XXXXXXXX9876"])
def test_many_mask_runs_read_the_plain_way(text: str) -> None:
    assert [m.span() for m in ids._masked_matches(text)] == [m.span() for m in ids._MASKED_ACCOUNT.finditer(text)]


@pytest.mark.parametrize("repeat", ["su tu il ", "your ", "ihr", "account ", "(", "management "])
def test_a_text_full_of_openings_answers_as_the_plain_search(repeat: str) -> None:
    for tail in ("", "your payer account", "your account ID: ", "Ihr AWS-Konto"):
        text = repeat * (ids.MAX_OPENING_TRIES + 3) + tail
        folded = fold_lower(text)
        for name, pattern in OPENED.items():
            openings = _openings(pattern)
            assert ids._found_from_openings(pattern, openings, text, 0, len(text), folded) == \
                (pattern.search(text) is not None), name
            found, plain = ids._first_from_openings(pattern, openings, text, folded), pattern.search(text)
            assert (found and found.span()) == (plain and plain.span()), name


def test_region_name_words_are_the_patterns_names() -> None:
    assert set(ids._REGION_NAME_WORDS) == {
        name.lower() for name in re.findall(r"[A-Za-z ]+", ids._REGION_NAME.pattern.split(r")\s*")[0][len(r"\b(?:"):])}


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["X-SM-Communication-Type", "x-sm-communication-type",
                                           "X-Amz-SNS-Subscription-Arn", "x-notifications-client-request-id", "From",
                                           "", "x", "İ", "Subject"]),
                          st.sampled_from(["a", "b", ""])), max_size=8))
def test_the_headers_kept_answer_as_all_headers(headers: list[tuple[str, str]]) -> None:
    mail = ids._Mail("", "", tuple(headers), None)
    every = {k.lower(): v for k, v in reversed(headers)}
    for name in ("x-notifications-notification-event-arn", "x-notifications-client-request-id",
                 "x-sm-communication-type", "x-amz-sns-subscription-arn"):
        assert mail.hdr.get(name) == every.get(name)


# ---------------------------------------------------------------- the extractors' shared and weaker gates

GATE_PIECES = ["arn:aws:", "arn:aws:health:us-east-1::event/EC2/AWS_EC2_X/abc", "arn:aws:acm:us-east-1:123456789012:"
               "certificate/12345678-1234-1234-1234-123456789012", "arn:aws:sns:us-east-1:123456789012:alerts",
               "arn%3Aaws%3Asns%3Aeu-west-1%3A123456789012%3Atopic", "Reservation ID: abcd1234-x", "reserved",
               "Reserved Instance ID: 12345678", "Savings Plan id: 87654321-aa", "reserve", "ſavings plan id: 12345678",
               "reſervation id: 1234abcd", "Domain: example.com", "domaın", "for ", " for ", "\n", " ", "x"]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(GATE_PIECES), max_size=8), st.lists(st.sampled_from(GATE_PIECES), max_size=12))
def test_shared_and_weaker_gates_answer_as_the_plain_gates(subject: list[str], text: list[str]) -> None:
    mail = ids._Mail("".join(subject), "".join(text), (), None)
    extractors = dict(ids.EXTRACTORS)
    plain_health = ids._unique(ids._HEALTH_ARN.findall(mail.decoded)) if "arn:aws:health" in mail.decoded else []
    assert mail.health_arns == plain_health
    plain_cert = ids._first([ids._CERT_ARN], mail.decoded) if "arn:aws:acm" in mail.decoded else None
    if plain_cert is not None:
        assert ids._x_certificate_arn(mail, {}) == plain_cert
    sns = ids._SNS_ARN.search(mail.decoded) if "arn:aws:sns" in mail.decoded else None
    assert ids._x_sns_topic_arn(mail, {}) == (f"arn:aws:sns:{sns.group(1)}:{sns.group(2)}:{sns.group(3)}"
                                              if sns else None)
    plain_reservation = ids._first([ids._RESERVATION], mail.text) \
        if mail.has("reservation", "savings plan", "reserved") else None
    assert extractors["reservation_id"](mail, {}) == plain_reservation
