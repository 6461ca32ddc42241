"""Classification: exactly one ``notice_type`` per mail, with severity, action, deadline, identifiers.

Owns turning a :class:`ParsedMail` into a :class:`Notice` using the ordered rules of
:mod:`routing.notices` (first match wins, ``unknown`` otherwise), the taxonomy defaults, the
identifier extractor and the deadline finder. Pure: the recipient (for "this mail is about the
recipient's own account") and the mail's date are inputs, not look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from routing.authenticate import AwsDomains, domain_of
from routing.deadline import find_deadline
from routing.identifiers import compact, extract_identifiers
from routing.notices import MailView, NoticeRules, default_notice_rules
from routing.taxonomy import FALLBACK_TYPE, Taxonomy, default_taxonomy
from routing.types import Notice, ParsedMail, Recipient

MAX_BODY = 300_000
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


def mail_view(parsed: ParsedMail) -> MailView:
    """What the notice rules see of ``parsed``."""
    sender, name = _original_sender(parsed)
    body = parsed.text
    # the HTML part too when it says noticeably more than the plain part (not when it repeats it)
    if parsed.html_text and parsed.html_text != parsed.text and len(parsed.html_text) > 1.5 * len(parsed.text) + 200:
        body = f"{body}\n{parsed.html_text}"
    return MailView.of(sender, name, parsed.subject, body[:MAX_BODY], parsed.headers)


@dataclass(frozen=True)
class NoticeClassifier:
    """Classifies mail with one taxonomy and one rule set (build once, call per mail)."""

    taxonomy: Taxonomy = field(default_factory=default_taxonomy)
    rules: NoticeRules = field(default_factory=default_notice_rules)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_aws", AwsDomains.of(self.taxonomy.aws_sender_domains))

    @property
    def aws_domains(self) -> AwsDomains:
        aws: AwsDomains = object.__getattribute__(self, "_aws")
        return aws

    def classify(self, parsed: ParsedMail, recipient: Recipient | None = None) -> Notice:
        view = mail_view(parsed)
        rule = self.rules.first_match(view)
        notice_type = self.taxonomy.get(rule.type if rule else FALLBACK_TYPE)
        severity = (rule.severity if rule else None) or notice_type.severity
        action = notice_type.action_required if rule is None or rule.action_required is None \
            else rule.action_required
        want_deadline = action if rule is None or rule.deadline is None else rule.deadline
        for modifier in self.rules.modifiers:
            if modifier.matches(view, notice_type.id):
                for key, value in modifier.set:
                    if key == "severity":
                        severity = str(value)
                    elif key == "action_required":
                        action = bool(value)
                    elif key == "deadline":
                        want_deadline = bool(value)

        mail_date = parsed.date.date() if parsed.date else None
        text = parsed.text[:MAX_BODY]
        extracted = extract_identifiers(parsed.subject, text, parsed.headers, mail_date)
        identifiers: dict[str, Any] = dict(extracted.identifiers)
        if not identifiers.get("billing_period") and mail_date and (
            "billing_period" in notice_type.thread_on or notice_type.category in ("billing", "cost")
        ):
            identifiers["billing_period"] = f"{mail_date.year:04d}-{mail_date.month:02d}"

        account_id = extracted.aws_account_id
        implicit = rule.implicit_account if rule else True
        if (account_id is None and implicit and recipient is not None and recipient.account is not None
                and self.aws_domains.is_aws(domain_of(view.sender))):
            account_id = recipient.account.account_id
        deadline = find_deadline(f"{parsed.subject}\n{text}", mail_date) if want_deadline else None
        return Notice(
            notice_type=notice_type.id,
            category=notice_type.category,
            severity=severity,
            action_required=action,
            secret=notice_type.secret,
            customer_visible=notice_type.customer_visible,
            deadline=deadline,
            aws_account_id=account_id,
            identifiers=compact(identifiers),
            thread_on=notice_type.thread_on,
        )

    def rule_for(self, parsed: ParsedMail) -> str | None:
        """The id of the rule that decides ``parsed`` (None: the fallback), for explanations."""
        rule = self.rules.first_match(mail_view(parsed))
        return rule.id if rule else None


def identifiers_for_output(notice: Notice) -> dict[str, Any]:
    """The identifiers object of the JSON output: the core keys always present (null or [])."""
    out: dict[str, Any] = {key: notice.identifiers.get(key) for key in CORE_IDENTIFIERS}
    out.update({key: list(notice.identifiers.get(key) or []) for key in CORE_LISTS})
    for key, value in notice.identifiers.items():
        if key not in out and key not in ("instance_id", "access_key_id"):
            out[key] = value
    return out
