"""The scans that first find where an assertion-led pattern may start
(``routing.patterns.matches_from_starts``, routing.identifiers ``_first_match``, routing.deadline
``_dates``) give exactly the matches of the plain ``finditer``/``search``."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import unquote

from hypothesis import example, given, settings
from hypothesis import strategies as st

from routing import deadline
from routing import identifiers as ids
from routing.patterns import FOLDS_TO_ASCII, fold_lower, matches_at_literals, matches_from_starts

PIECES = ["0", "7", "1234", " ", "-", "*", "x", "X", "•", "a", "\n", "(", ")", "us-", "eu-west-", "east-1",
          "us-gov-west-1", "123456789012", "1234-5678-9012", "1234 5678 9012", "account ending in ", "****",
          "XXXX-", "US East (Ohio)", "Europe (Paris)", "eU (", "z", "ı", "İ", "ſ", "K", "euRope  (", "queue (",
          "vol-", "0123abcd", "sg-", "xsg-", "cluster-", "ffff", "vpc-", "vpce-", "Vol-", "dxlag-", "_",
          "-", "abcdefgh1", "eipalloc-", "tgw-", "igw-", "fs-", "xfs-", "s", "g"]
SCANS = [(ids._TWELVE, ids._TWELVE_AT, False), (ids._MASKED, ids._MASKED_AT, False)]


def _spans(matches: list[re.Match[str]]) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in matches]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_scans_equal_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    for pattern, start, lowered in SCANS:
        value = text.lower() if lowered else text
        assert _spans(matches_from_starts(pattern, start, value)) == _spans(list(pattern.finditer(value)))
        first, plain = ids._first_match(pattern, start, value), pattern.search(value)
        assert (first.span() if first else None) == (plain.span() if plain else None)
    assert _spans(ids._resource_matches(text)) == _spans(list(ids._RESOURCE.finditer(text)))


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*PIECES, "١٢", "5", "_", "12-", "1 ", "123 456 789 012"]), max_size=30))
def test_twelve_scan_equals_plain_regex_in_ascii_and_other_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    for value in (text, text.encode("ascii", "ignore").decode()):  # the ASCII branch and the other one
        assert _spans(ids._twelve(value)) == _spans(list(ids._TWELVE.finditer(value)))


def test_an_account_id_inside_a_longer_number_is_not_one() -> None:
    assert matches_from_starts(ids._TWELVE, ids._TWELVE_AT, "ref 1234567890123 and 123456789012.")[0].group(1) \
        == "123456789012"


DATE_PIECES = ["1", "12", "2025", "-", "/", "06", "30", " ", "\n", "st", "th", ".", ",", "june", "jun", "sept", "may",
               "a", "x", "年", "月", "日", "december", "1st", "september 1, 2025", "2025-09-01", "9"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(DATE_PIECES), max_size=25))
def test_date_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert [(m.span(), m.groupdict()) for m in deadline._dates(text)] == \
        [(m.span(), m.groupdict()) for m in deadline._DATE.finditer(text)]


REGION_PIECES = ["us", "-gov", "-", "eu", "ap", "x", "north", "south", "east", "west", "central", "northeast", "1",
                 "9", " ", "\n", "a", "us-east-1", "us-gov-west-1", "eu-central-", "ap-southeast-2", "queue-east-1"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(REGION_PIECES), max_size=30))
def test_region_scan_equals_plain_regex(pieces: list[str]) -> None:
    lowered = "".join(pieces).lower()
    assert _spans(ids._region_matches(lowered)) == _spans(list(ids._REGION.finditer(lowered)))


ACCOUNT_PIECES = [*PIECES, "Account: ", "account ", "AWS account ID ", "invited by account ", "[Account: ", "]",
                  "your AWS account ", "management account ", ":", "\n\n", "ending with ",
                  "account id ending in ", "id ", "pending ", "Account ending in ", "•"]


@settings(max_examples=500, deadline=None)
@example(subject=["Account: ", "123456789012"], text=["****", "****", "1234"])
@given(st.lists(st.sampled_from(ACCOUNT_PIECES), max_size=12), st.lists(st.sampled_from(ACCOUNT_PIECES), max_size=30))
def test_account_ids_from_one_scan_of_subject_and_text_are_the_same(subject: list[str], text: list[str]) -> None:
    mail = ids._Mail("".join(subject), "".join(text), (), None)
    found = ids._account_id(mail.subject, mail.text, mail.hdr)  # the text scanned alone
    if found is not None and ids.another_than_masked(found, mail.both, mail.folded, ids._twelve(mail.both)):
        found = None  # (the reader's account written masked, ending otherwise: the full id named is another's)
    assert mail.account == found
    masked = ids._first_match(ids._MASKED, ids._MASKED_AT, mail.both) if mail.account is None else None
    assert ids._x_aws_account_id_last4(mail, {}) == (masked.group(1) if masked else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
def test_region_name_scan_equals_plain_regex(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert _spans(matches_at_literals(ids._REGION_NAME, ids._REGION_NAME_STARTS, text, text.lower())) == \
        _spans(list(ids._REGION_NAME.finditer(text)))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.lists(st.text(max_size=4), max_size=5))
def test_has_is_any_word_in_the_lower_cased_text(text: str, words: list[str]) -> None:
    mail = ids._Mail("", text, (), None)
    assert mail.has(*words) == any(word in mail.low for word in words)


def test_account_from_a_resource_arn_only_as_the_last_resort() -> None:
    arn = "Cluster ARN\narn:aws:kafka:eu-west-1:773319204456:cluster/orders-prod/5c1a-77\n"
    assert ids._account_id("", arn, {}) == "773319204456"
    # a labelled account wins over the ARN's; an SNS topic's owner is not the recipient's account
    assert ids._account_id("", "Account ID: 111122223333\n" + arn, {}) == "111122223333"
    assert ids._account_id("", "TopicArn: arn:aws:sns:us-east-1:470088231954:alerts\n", {}) is None
    # an Organizations ARN names the management account
    assert ids._account_id("", "arn:aws:organizations::470088231954:account/o-a1b2c3d4e5/123456789012\n", {}) is None


CASE_PIECES = ["case", "Case ", "CASE", "id", " number", " no.", ":", "#", " ", "\n", "1234567890", "12345", "00000",
               "displayid=", "showcase ", "İ", "Σ", "a", "-"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(CASE_PIECES), max_size=8), st.lists(st.sampled_from(CASE_PIECES), max_size=20))
def test_case_id_in_the_lower_cased_mail_equals_the_texts_apart(subject: list[str], text: list[str]) -> None:
    mail = ids._Mail("".join(subject), "".join(text), (), None)
    plain = next((m.group(1) for pattern in ids._CASE for value in (mail.subject.lower(), mail.text.lower())
                  if (m := pattern.search(value))), None)
    assert ids._x_case_id(mail, {}) == (plain if mail.has("case", "displayid") else None)


DOMAIN_PIECES = ["Certificate request for ", "certificate approval for ", "E-mail address for ", "transfer of ",
                 "Renewal Of ", "registration\tof ", "REGISTRATION OF ", "ſ", "K", "İ", "ı", "tranſfer of ", "for ",
                 "example.com", "Example.ORG", " ", "\n", "domain: ", "Domain name: ", "x.io", "%2F", "%3a", "%", "2f"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(DOMAIN_PIECES), max_size=8), st.lists(st.sampled_from(DOMAIN_PIECES), max_size=12))
def test_domain_and_decoded_text_with_pre_checks_equal_the_plain_forms(subject: list[str], text: list[str]) -> None:
    mail = ids._Mail("".join(subject), "".join(text), (), None)
    plain = None
    if mail.has("domain", " for ", "transfer of", "registration of", "renewal of"):
        in_text = "domain" in mail.low or any(char in mail.text for char in FOLDS_TO_ASCII)
        plain = ((ids._first(ids._DOMAIN, mail.text) if in_text else None)
                 or ids._first([ids._DOMAIN_SUBJECT], mail.subject) or "").lower() or None
    assert ids._x_domain_name(mail, {}) == plain
    assert mail.decoded == (unquote(mail.both) if "%2f" in mail.low or "%3a" in mail.low else mail.both)


def _plain_regions(subject: str, text: str) -> list[str]:
    """routing.identifiers._regions as plain scans: every region code and name searched by finditer."""
    cleaned = f"{subject}\n{text}"
    if "awstrack.me" in cleaned:
        cleaned = ids._TRACKING_URL.sub(" ", cleaned)
    lowered = cleaned.lower()
    found = [(m.start(), m.group(1)) for m in ids._REGION.finditer(lowered)]
    if any(word in lowered for word in ids._REGION_WORDS):
        for match in ids._REGION_NAME.finditer(cleaned):
            code = ids._REGION_NAMES.get(" ".join(match.group(0).lower().split()))
            if code:
                found.append((match.start(), code))
    return ids._unique(code for _, code in sorted(found))


REGION_TEXT_PIECES = [*REGION_PIECES, "US East (Ohio)", "Europe (Paris)", "EU\n(Ireland)", "eu (", "(", ")", "Asia ",
                      "Pacific (Tokyo)", "https://x.awstrack.me/L0/us-east-2", "https://AWSTRACK.ME/eu-west-1",
                      " Canada", "(central)", "ı", "İ"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(REGION_TEXT_PIECES), max_size=6), st.lists(st.sampled_from(REGION_TEXT_PIECES),
                                                                            max_size=25))
def test_regions_equal_the_plain_scans(subject: list[str], text: list[str]) -> None:
    mail = ids._Mail("".join(subject), "".join(text), (), None)
    assert mail.regions == _plain_regions(mail.subject, mail.text)


def _plain_account_id(subject: str, text: str, headers: dict[str, str]) -> str | None:
    """routing.identifiers._account_id with every pattern searched (no pre-check of a window's end)."""
    for pattern in ids._ACCOUNT_SUBJECT:
        match = pattern.search(subject)
        if match:
            return ids.account_digits(match.group(1))
    numbers = [(m.start(), m.group(1)) for m in ids._TWELVE.finditer(text)
               if not ids._OTHER_AFTER.match(text, m.end())
               and not ids._OTHER_BEFORE.search(text, max(0, m.start() - 60), m.start())]
    # (the steps that have no pre-check, as _account_id takes them: a linked account beside its payer first, the
    # numbers after dotted leaders or under a table column's header last)
    windows = [(start, number, fold_lower(text[max(0, start - 60):start])) for start, number in numbers]
    linked = ids._linked_beside_payer(text, windows)
    # (not where the prose names another of them the reader's, "owner of … 1234…", as _account_id declines it)
    if linked is not None and not any(ids.account_digits(number) != linked and ids._SECOND_PERSON.search(
            text, start, before) for start, number, before in windows):
        return linked
    for tier, pattern in enumerate(ids._ACCOUNT_BEFORE):
        if tier == ids._ARN_TIER and "arn:aws" not in text:
            break
        for start, number in numbers:
            if pattern.search(text, max(0, start - ids._ACCOUNT_TIERS[tier].reach), start):
                return ids.account_digits(number)
        if tier == 0:
            match = ids._ACCOUNT_HEADER_ARN.search(headers.get("x-notifications-notification-event-arn", ""))
            if match:
                return match.group(1)
    leaders = ids._after_leaders(text, windows)
    if leaders is not None:
        return leaders
    # (a number under a table column's account header: its digits, or the first row of the payer's list, as
    # _account_id reads it; _under_column gives the number's start too)
    column = ids._under_column(text, windows)
    if column is None:
        return None
    skipped = [(m.start(), m.group(1), fold_lower(text[max(0, m.start() - 60):m.start()]))
               for m in ids._TWELVE.finditer(text) if (m.start(), m.group(1)) not in numbers]
    return ids._payer_beside_rows(text, windows + skipped, column) or ids.account_digits(column[1])


LABELS = ["[", "]", "[Konto ", "AWS ", "Konto ", "cuenta de AWS ", "アカウント", "（", "ID", "：", ":", " : ", "\u3000",
          "\xa0", "such as yours (", "aws-id", "Affected account", "accountId", '"', '": "', '"account" : "',
          "Linked account: ", "account", "Account ID", "arn:aws:kafka:eu-west-1:", " has invited", "账户 ", "Σ",
          "account is ", "owner of ", "(ID: ", "your ", "management ", " ", "\n", "#", "x", "payer account",
          "アカウント：", "Account ID: ", "AWS アカウント ID： ", "Payer account: ", "N.º ", "no. "]
NUMBERS = ["", "123456789012", "1234-5678-9012", "210987654321", "12345"]
CHUNKS = st.lists(st.tuples(st.lists(st.sampled_from(LABELS), max_size=3), st.sampled_from(NUMBERS)), max_size=6)


@settings(max_examples=1000, deadline=None)
@given(CHUNKS, CHUNKS)
# (a number under a table column's header, which hypothesis found once in session 58: the plain reading returned the
# column's (start, number) where _account_id returns the number's digits)
@example([], [(["[Konto ", " has invited", "\n"], "123456789012")])
def test_account_id_with_the_window_end_pre_check_equals_every_pattern_searched(
        subject: list[tuple[list[str], str]], text: list[tuple[list[str], str]]) -> None:
    title = "".join("".join(label) + number for label, number in subject)
    value = "".join("".join(label) + number for label, number in text)
    headers = {"x-notifications-notification-event-arn": "arn:aws:notifications::210987654321:x"} \
        if "Σ" in title else {}
    assert ids._account_id(title, value, headers) == _plain_account_id(title, value, headers)


def _plain_billing_period(text: str, mail_date: date | None) -> str | None:
    """routing.identifiers._billing_period with every pattern searched (no literal pre-checks)."""
    for pattern, year, month in ((ids._PERIOD_RANGE, 3, 1), (ids._PERIOD_MONTH, 2, 1)):
        match = pattern.search(text)
        if match:
            return f"{int(match.group(year)):04d}-{ids._month(match.group(month)):02d}"
    match = ids._PERIOD_ISO.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{match.group(1)}-{match.group(2)}"
    match = ids._PERIOD_BILLS.search(text)
    if match and 1 <= int(match.group(2)) <= 12:
        return f"{int(match.group(1)):04d}-{int(match.group(2)):02d}"
    match = ids._PERIOD_OF_MONTH.search(text)
    if match:
        number = ids._month(match.group(1))
        if match.group(2):
            return f"{int(match.group(2)):04d}-{number:02d}"
        if mail_date is not None:
            return f"{mail_date.year - (1 if number > mail_date.month else 0):04d}-{number:02d}"
    return None


PERIOD_PIECES = ["Billing period: ", "billıng period ", "BILLING PERIOD", "billing  period", "June 2026", "May ",
                 "for the month of ", "For The Month Of ", "bills?year=2026&month=5", "bills?year=2026&amp;month=13",
                 "2026-05", "2026-13", "Jan 1 - Jan 31, 2026", "Sept. 1 to Sept. 30 2025", "of ", " ", "\n", ",",
                 "2025", "dec", "ſ", "x"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PERIOD_PIECES), max_size=14))
def test_billing_period_with_pre_checks_equals_every_pattern_searched(pieces: list[str]) -> None:
    text = "".join(pieces)
    for when in (None, date(2026, 3, 3)):
        assert ids._billing_period(text, when) == _plain_billing_period(text, when)
