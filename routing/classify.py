"""Classification: exactly one ``notice_type`` per mail, with severity, action, deadline, identifiers.

Owns turning a :class:`ParsedMail` into a :class:`ClassifiedNotice` from all the evidence: the
ordered rules of :mod:`routing.notices` see the sender family of the From address
(:mod:`routing.families`; for mail from outside AWS that forwards an AWS mail, the family of the sender its
forwarded block names, :mod:`routing.forwarded`), the AWS Health event type code (event ARN, "Event type code" line,
Health headers), the subject and the body; when no rule is certain, the sender family's fallback
type of the taxonomy (``health.other``, ``billing.other``, …); ``unknown`` only for a sender that
cannot be placed. Then the taxonomy defaults, the identifiers and the deadline with the phrase it
came from. Pure: the recipient (for "this mail is about the recipient's own account") and the
mail's date are inputs, not look-ups. The family is evidence for the type only: whether the From
address is really AWS's is :mod:`routing.authenticate`'s verdict, decided separately.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import UTC, date
from typing import Any

from routing.authenticate import AwsDomains, domain_of
from routing.deadline import Deadline, best_deadline, evidenced, no_deadlines, unwrap, worth_looking
from routing.evidence import Evidence, default_evidence
from routing.families import sender_family
from routing.forwarded import forwarded_sender
from routing.identifiers import (
    Extracted,
    compact,
    extract_identifiers,
    invoice_payer,
    with_table_accounts,
    with_text_table_accounts,
)
from routing.notices import GATED_KEYS, MailView, NoticeRule, NoticeRules, default_notice_rules
from routing.taxonomy import NoticeType, Taxonomy, default_taxonomy
from routing.types import Notice, ParsedMail, Recipient

MAX_BODY = 300_000
STUB_TEXT = 300  # a plain part shorter than this (characters) beside a longer HTML part is a stub


# twelve digits, plain or in groups (what an account id needs before the identifiers are looked for)
_ID_DIGITS = re.compile(r"\d{3,4}[- \u00a0\u202f]?\d{3,4}[- \u00a0\u202f]?\d{3,4}(?:[- \u00a0\u202f]?\d{3})?")


def _stub(text: str, html_text: str) -> bool:
    """Whether the plain part ``text`` is a stub beside the HTML part ("open the HTML version of this message"):
    shorter than STUB_TEXT, beside an HTML part that says something else. Not measured against the HTML part's
    length: a Chinese, Japanese or Korean HTML part says as much in half the characters, and a short German one
    (a <dl> of three fields) can be shorter than the English stub beside it."""
    return len(text) < STUB_TEXT and bool(html_text) and html_text != text


# a plain part that sends the reader to the HTML part for what it leaves out ("The HTML version of this message lists
# the dates"), in the 9 languages: the HTML part's own lines are read too, whatever the lengths
_HTML_POINTER = re.compile(r"\bHTML[- ]?(?:version|format|part|view)|versi[oó]n (?:en )?HTML|vers[aã]o (?:em )?HTML|"
                           r"version HTML|versione HTML|HTML-(?:Version|Fassung|Ansicht)"
                           r"|HTML ?(?:版|形式|バージョン|버전|형식)",
                           re.IGNORECASE)


def _points_to_html(text: str) -> bool:
    """Whether the plain part ``text`` sends the reader to the HTML part (:data:`_HTML_POINTER`); the regex only where
    "HTML" is written (a search re would try at every position of every mail), and there only around each "html" of
    the lower-cased text: every match holds one (H, T, M and L match no other character case-insensitively), at
    most :data:`_HTML_POINTER_BEFORE` characters after the match's start, and ends at most
    :data:`_HTML_POINTER_AFTER` after it; the pattern's one ``\\b`` (at its start) reads the characters before the
    window as in the whole text. The same answer (tests/routing/test_speed_s26.py); a whole-text search took
    0.16 ms on a 1,200-character text that links an .html page."""
    if not ("HTML" in text or "html" in text or "Html" in text):
        return False
    lowered = text.lower()
    if len(lowered) != len(text):  # (a character lower-cases to two: positions would shift)
        return _HTML_POINTER.search(text) is not None
    at = lowered.find("html")
    while at != -1:
        if _HTML_POINTER.search(text, max(0, at - _HTML_POINTER_BEFORE), at + _HTML_POINTER_AFTER) is not None:
            return True
        at = lowered.find("html", at + 1)
    return False


# the reach of an _HTML_POINTER match around its "HTML": "versión en " before it, "-Fassung" after it (+ margin)
_HTML_POINTER_BEFORE = 12
_HTML_POINTER_AFTER = 4 + 12


#: where :attr:`MailView.lowered` holds the lower-cased subject and body, joined by a line break (the ``text`` key)
_TEXT_AT = GATED_KEYS.index("text")
# a line of an earlier message quoted in reply style ("> …", ">> …"), its line break with it
_QUOTED_LINE = re.compile(r"^[ \t]*>[^\n]*(?:\n|\Z)", re.MULTILINE)

CORE_IDENTIFIERS = ("case_id", "health_event_arn", "abuse_report_id", "invoice_id")
CORE_LISTS = ("instance_ids", "access_key_ids", "regions")


def _original_sender(parsed: ParsedMail) -> tuple[str, str]:
    """(address, display name) of the author: X-Original-From for list-forwarded mail, else From."""
    original = parsed.header("X-Original-From")
    if original:
        address = original
        name = ""
        if "<" in original:
            name, _, rest = original.partition("<")
            address = rest.split(">", 1)[0]
        address = address.strip().lower()
        if "@" in address:
            return address, name.strip().strip('"')
    return parsed.from_address, parsed.from_name


@dataclass(frozen=True, slots=True)
class ClassifiedNotice(Notice):
    """A :class:`Notice` with what explains it: the phrase the deadline was read from."""

    deadline_source: str | None = None

    @property
    def family(self) -> str:
        """The notice's family (its category), also when the type is a family fallback."""
        return self.category


def _event_type(extracted: Extracted) -> str:
    value = extracted.identifiers.get("event_type_code")
    return str(value) if value else ""


def view_body(parsed: ParsedMail) -> str:
    """The body the rules read, as written: the text part, and the HTML part too when it says noticeably more than
    the plain part (not when it repeats it), or when the plain part is a stub ("open the HTML version of this
    message"): its lines that the plain part does not hold already (the rules read the same words once, not twice)."""
    body = text = parsed.text
    if parsed.html_text and parsed.html_text != text and (len(parsed.html_text) > 1.5 * len(text) + 200 or (
            _stub(text, parsed.html_text)) or _points_to_html(text)):
        body = f"{body}\n{_lines_not_in(parsed.html_text, text)}"
    # (a plain-text paragraph's hard wraps read as spaces, so that a phrase split by the wrap reads whole: "an SSL/TLS
    # server certificate stored in IAM … that\nexpires on D"; one character for one, as the deadline reads them)
    return unwrap(f"\n{body[:MAX_BODY]}")[1:]


def mail_view(parsed: ParsedMail, extracted: Extracted | None = None) -> MailView:
    """What the notice rules see of ``parsed`` (``extracted``: its identifiers, when already found)."""
    sender, name = _original_sender(parsed)
    if extracted is None:
        extracted = _extract(parsed)
    body = view_body(parsed)
    return MailView.of(sender, name, parsed.subject, body, parsed.headers,
                       family=_family(parsed.from_address, body), event_type=_event_type(extracted))


def _family(sender: str, body: str) -> str:
    """The AWS sender family of ``sender``; for mail from outside AWS that forwards an AWS mail ("WG: Ihre Rechnung …",
    "Von: Amazon Web Services <invoicing@aws.com>"), the family of the sender its forwarded block names
    (:func:`routing.forwarded.forwarded_sender`): evidence for the type of the words it forwards, never for their
    authenticity; "" for mail no AWS family sent."""
    family = sender_family(sender)
    if family is None:
        original = forwarded_sender(body)
        family = sender_family(original) if original is not None else None
    return family or ""


def utc_day(parsed: ParsedMail) -> date | None:
    """The day the mail was sent, in UTC (the Date header's offset applied; a header without one read as UTC): the day a
    period counted from this very mail ("within 5 days of this message") starts. A mail sent at 22:47 -08:00 on
    December 16 was sent on December 17 in UTC, the day AWS gives its own dates in. (Whether a date named in the mail
    has passed is still judged by the sender's own day, the Date header's: a date that day's writer calls past is.)"""
    sent = parsed.date
    if sent is None:
        return None
    return sent.date() if sent.tzinfo is None else sent.astimezone(UTC).date()


def _lines_not_in(text: str, other: str) -> str:
    """The lines of ``text`` (in order) that are not, stripped, a line of ``other`` (blank lines dropped)."""
    seen = {line.strip() for line in other.splitlines()}
    return "\n".join(line for line in text.splitlines() if line.strip() not in seen)


def _extract(parsed: ParsedMail) -> Extracted:
    mail_date = parsed.date.date() if parsed.date else None
    text = parsed.text
    extracted = extract_identifiers(parsed.subject, text[:MAX_BODY], parsed.headers, mail_date)
    extracted = with_table_accounts(extracted, parsed.html)  # an account named only in an HTML table's column
    extracted = with_text_table_accounts(extracted, text[:MAX_BODY])  # or in a tab-separated table's of the text
    if extracted.aws_account_id is None and _stub(text, parsed.html_text) \
            and not extracted.identifiers.get("aws_account_ids"):
        # a stub plain part: the account named in the HTML part's prose ("Cuenta de AWS: 6402…")
        lines = _lines_not_in(parsed.html_text, text)[:MAX_BODY]
        html_only = extract_identifiers("", lines, (), mail_date) if _ID_DIGITS.search(lines) else None
        if html_only is not None and html_only.aws_account_id is not None:
            ids = dict(extracted.identifiers)
            ids["aws_account_ids"] = html_only.identifiers.get("aws_account_ids")
            ids["aws_account_id_last4"] = None
            return Extracted(aws_account_id=html_only.aws_account_id, identifiers=ids)
    return extracted


def _recipient_account(recipient: Recipient | None, identifiers: dict[str, Any]) -> str | None:
    """The recipient's account id, when nothing in the mail points at another account."""
    if recipient is None or recipient.account is None:
        return None
    own = recipient.account.account_id
    named = [a for a in identifiers.get("aws_account_ids") or [] if a != own]
    last4 = identifiers.get("aws_account_id_last4")
    if named or (last4 and not own.endswith(str(last4))):
        return None  # the mail names (or masks) another account: never take it for the recipient's
    return own


#: what the evidence replaced: the catch-all rule (or None) and its type; None when the evidence placed nothing
_Replaced = tuple[NoticeRule | None, NoticeType] | None


@dataclass(frozen=True)
class NoticeClassifier:
    """Classifies mail with one taxonomy and one rule set (build once, call per mail)."""

    taxonomy: Taxonomy = field(default_factory=default_taxonomy)
    rules: NoticeRules = field(default_factory=default_notice_rules)
    #: cues over the whole mail, for mail no specific rule placed (None: the family fallback only)
    evidence: Evidence | None = field(default_factory=default_evidence)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_aws", AwsDomains.of(self.taxonomy.aws_sender_domains))

    @property
    def aws_domains(self) -> AwsDomains:
        aws: AwsDomains = object.__getattribute__(self, "_aws")
        return aws

    def _decide(self, view: MailView) -> tuple[NoticeRule | None, NoticeType, _Replaced]:
        """The first specific rule's type; else the type the mail's cues point at (:mod:`routing.evidence`);
        else the catch-all rule's or the sender family's fallback type. Third: what the evidence replaced (the
        catch-all rule, or None, and its type), or None."""
        rule = self.rules.first_match(view)
        if rule is not None and not rule.generic:
            return rule, self.taxonomy.get(rule.type), None
        base = self.taxonomy.get(rule.type) if rule is not None else self.taxonomy.fallback_for(view.family)
        verdict = self.evidence.place(view) if self.evidence is not None else None
        # (a custom taxonomy may lack the type; a Health notice, by its sender or its structure, stays a Health type:
        # a default that changes, announced by AWS Health, is health.other, not a policy change)
        if verdict is not None and verdict.type in self.taxonomy.types and (
                base.category != "health" or verdict.type.startswith("health.")):
            return None, self.taxonomy.get(verdict.type), (rule, base)
        return rule, base, None

    def _settings(self, view: MailView, rule: NoticeRule | None,
                  notice_type: NoticeType) -> tuple[str, bool, bool, bool]:
        """(severity, action required, look for a deadline, no deadline at all): the rule's values over the type's,
        then the modifiers. A modifier that sets ``deadline: false`` (a cancelled maintenance, a resolved issue) rules
        out a deadline, also one the mail's own wording would evidence (the end time of a resolved event)."""
        severity = (rule.severity if rule else None) or notice_type.severity
        action = notice_type.action_required if rule is None or rule.action_required is None \
            else rule.action_required
        want_deadline = action if rule is None or rule.deadline is None else rule.deadline
        ruled_out = False
        for modifier in self.rules.modifiers_for(notice_type.id):
            if modifier.matches(view, notice_type.id):
                for key, value in modifier.set:
                    if key == "severity":
                        severity = str(value)
                    elif key == "action_required":
                        action = bool(value)
                    elif key == "deadline":
                        want_deadline = bool(value)
                        ruled_out = not want_deadline
        return severity, action, want_deadline, ruled_out

    def classify(self, parsed: ParsedMail, recipient: Recipient | None = None) -> ClassifiedNotice:
        extracted = _extract(parsed)
        view = mail_view(parsed, extracted)
        rule, notice_type, replaced = self._decide(view)
        severity, action, want_deadline, ruled_out = self._settings(view, rule, notice_type)
        if replaced is not None and not want_deadline:
            # the evidence refines the type; it does not narrow the search for a date: the deadline is looked for
            # when the type it replaced (with its modifiers: a fallback whose mail asks for an action) would have
            want_deadline = self._settings(view, *replaced)[2]

        mail_date = parsed.date.date() if parsed.date else None
        identifiers: dict[str, Any] = dict(extracted.identifiers)
        if not identifiers.get("billing_period") and mail_date and (
            "billing_period" in notice_type.thread_on or notice_type.category in ("billing", "cost")
        ):
            identifiers["billing_period"] = f"{mail_date.year:04d}-{mail_date.month:02d}"

        account_id = extracted.aws_account_id
        if notice_type.id == "billing.invoice" and account_id is not None \
                and (payer := invoice_payer(parsed.subject, parsed.text[:MAX_BODY])) is not None:
            account_id = payer  # (an invoice is the payer's, whatever linked account's usage it includes)
        implicit = rule.implicit_account if rule else True
        if account_id is None and implicit and self.aws_domains.is_aws(domain_of(view.sender)):
            account_id = _recipient_account(recipient, identifiers)
        # (a type whose mail never has a deadline, root-credential mail among them: not even one a rule asks for)
        deadline = None if ruled_out or no_deadlines(notice_type.id) \
            else self._deadline(parsed, view, mail_date, notice_type.id, want_deadline)
        return ClassifiedNotice(
            notice_type=notice_type.id,
            category=notice_type.category,
            severity=severity,
            action_required=action,
            secret=notice_type.secret,
            customer_visible=notice_type.customer_visible,
            deadline=deadline.date if deadline else None,
            aws_account_id=account_id,
            identifiers=compact(identifiers),
            thread_on=notice_type.thread_on,
            deadline_source=deadline.source if deadline else None,
        )


    @staticmethod
    def _deadline(parsed: ParsedMail, view: MailView, mail_date: date | None, notice_type: str,
                  wanted: bool) -> Deadline | None:
        """The deadline of the mail: when the rules ask for one (``wanted``), its best-scored date; else only what
        the mail's own evidence makes one (:func:`routing.deadline.evidenced`: an act-by date, or the date cost or
        impact starts for a type whose mail names one). A date already passed when the mail was sent is looked
        for again in the view's body, which may name the new one (an update whose text part only cites the
        first notice's date)."""
        text = parsed.text[:MAX_BODY]
        # (the view's lower-cased subject and body, joined once already for the rules' ``text`` key)
        if not wanted and not worth_looking(view.lowered[_TEXT_AT] if view.lowered is not None
                                            else f"{view.subject_lower}\n{view.body_lower}", notice_type):
            return None  # (the cheap test first: most mails no rule asked a deadline of name none)
        deadline = None
        since = utc_day(parsed)  # (a period counted from this mail starts on its UTC day)
        if _QUOTED_LINE.search(text) is not None:
            # a mail that quotes an earlier one ("> Support for these releases ends on June 30, 2027") below its own
            # words: its own words first, which may move that date; the quoted lines only when they name none
            own = _QUOTED_LINE.sub("", text)
            if own.strip():
                deadline = best_deadline(f"{parsed.subject}\n{own}", mail_date, notice_type, not wanted, since)
                if deadline is not None and not wanted and not evidenced(deadline, notice_type):
                    deadline = None  # (a date of its own words that no rule asked for and nothing evidences: the rest)
        if _missing(deadline, mail_date):
            deadline = best_deadline(f"{parsed.subject}\n{text}", mail_date, notice_type, not wanted, since)
        if _missing(deadline, mail_date) and len(view.body) > len(text):
            # then the view's body: the text part and the HTML part's own lines (a text part that only says
            # "see the HTML version" leaves the dates in the HTML part: its labels, <dt>/<dd> pairs and table
            # cells, also when the HTML part is short); second, as it costs a longer scan
            # (the body as written, not the view's, whose Traditional Chinese is folded: the source quotes the mail)
            deadline = best_deadline(f"{parsed.subject}\n{view_body(parsed)}", mail_date, notice_type, not wanted,
                                     since) \
                or deadline
        if deadline is None and parsed.calendar:
            # last, a date the mail gives only in its calendar invitation ("The window is attached as a calendar
            # invitation"): the event's times read as the notice's own fields, after its words
            deadline = best_deadline(f"{parsed.subject}\n{text}\n\n{parsed.calendar}", mail_date, notice_type,
                                     not wanted, since)
        if deadline is None or wanted or evidenced(deadline, notice_type):
            return deadline
        return None


def _missing(deadline: Deadline | None, mail_date: date | None) -> bool:
    """Whether ``deadline`` is none, or a date already passed when the mail was sent: the next reading is tried."""
    return deadline is None or (mail_date is not None and deadline.date < mail_date.isoformat())


def identifiers_for_output(notice: Notice) -> dict[str, Any]:
    """The identifiers object of the JSON output: the core keys always present (null or [])."""
    out: dict[str, Any] = {key: notice.identifiers.get(key) for key in CORE_IDENTIFIERS}
    out.update({key: list(notice.identifiers.get(key) or []) for key in CORE_LISTS})
    for key, value in notice.identifiers.items():
        if key not in out and key not in ("instance_id", "access_key_id"):
            out[key] = value
    return out
