"""Ticket text: what the support engineer reads first, then the mail's readable text.

Owns the engineer's rendering (facts, AWS console links for the identifiers, then the mail text
with AWS tracking links unwrapped and quoted history folded) and the same clean-up for the
customer-visible text. ``header_block`` (the facts) is extended by the authenticity work; the
console links are a separate block below it.

Every mail-derived string here (subject, From name, attachment names, identifiers, the text) goes
through the mail's :class:`routing.redact.Redactor`, so default-deny redaction of credential mail
and secrets seen in another part of the mail hold in the header block too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import quote, unquote

from routing.redact import Redactor
from routing.types import Account, AuthVerdict, Notice, ParsedMail, Recipient

_SHOWN_IDENTIFIERS = (
    "case_id", "abuse_report_id", "health_event_arn", "event_type_code", "invoice_id", "billing_period",
    "instance_ids", "access_key_ids", "regions", "resource_ids", "certificate_arn", "sns_topic_arn",
    "budget_name", "anomaly_id", "reservation_id", "domain_name", "handshake_id", "agreement_id",
)


def _identifier_lines(notice: Notice, redactor: Redactor) -> list[str]:
    parts: list[str] = []
    for name in _SHOWN_IDENTIFIERS:
        value = notice.identifiers.get(name)
        if value:
            shown = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
            parts.append(f"{name}={redactor.scrub(shown)}")
    return [f"Ids:       {part}" for part in parts]


def _sender_lines(auth: AuthVerdict | None, rule: Redactor) -> list[str]:
    """The authenticity verdict and its first reasons (nothing when the mail was not authenticated)."""
    if auth is None:
        return []
    lines = [f"Sender:    authenticity {auth.verdict}"
             + ("  ** SUSPECTED SPOOF: not proven to come from AWS; never show it to the customer **"
                if auth.suspected_spoof else "")]
    return lines + [f"           {rule(reason)}" for reason in auth.reasons[:6]]


def _mail_facts(parsed: ParsedMail, notice: Notice, account: Account | None, rule: Redactor) -> list[str]:
    """An account mismatch, the attachments and the parser's defects."""
    lines: list[str] = []
    if notice.aws_account_id and account and notice.aws_account_id != account.account_id:
        lines.append(f"WARNING:   the mail names account {notice.aws_account_id}, "
                     f"not the recipient's account {account.account_id}")
    if parsed.attachments:
        names = ", ".join(f"{rule(a.filename)} ({a.size} bytes)" for a in parsed.attachments)
        lines.append(f"Attached:  {names}")
    if parsed.defects:
        lines.append(f"Defects:   {', '.join(parsed.defects)}")
    return lines


def header_block(parsed: ParsedMail, recipient: Recipient, notice: Notice, auth: AuthVerdict | None = None,
                 redactor: Redactor | None = None) -> str:
    """A short block of facts above the mail text; mail-derived values through ``redactor``."""
    rule = redactor or Redactor()
    notice = rule.notice(notice)
    account = recipient.account
    customer = recipient.customer
    lines = [
        f"Notice:    {notice.notice_type} ({notice.category}, severity {notice.severity})",
        f"Action:    {'required' if notice.action_required else 'none'}"
        + (f", deadline {notice.deadline}" if notice.deadline else ""),
        f"Account:   {account.account_id} ({account.name})" if account else "Account:   unknown recipient",
        f"Customer:  {customer.name} [{customer.id}]" if customer else "Customer:  unknown",
        f"Recipient: {recipient.address}",
        f"From:      {rule(parsed.from_name)} <{rule.scrub(parsed.from_address)}>" if parsed.from_name
        else f"From:      {rule.scrub(parsed.from_address) or '(none)'}",
        f"Date:      {parsed.date.isoformat() if parsed.date else '(none)'}",
        f"Subject:   {rule(parsed.subject) or '(no subject)'}",
    ]
    lines += _sender_lines(auth, rule)
    lines += _identifier_lines(notice, rule)
    lines += _mail_facts(parsed, notice, account, rule)
    return "\n".join(lines)


_AWSTRACK = re.compile(
    r"https?://[A-Za-z0-9-]+\.r\.[a-z0-9-]+\.awstrack\.me/L0/(?P<target>[^/\s<>\"']+)/\d+/[^\s<>\"')\]]*"
)
_ATTRIBUTION = re.compile(r"^\s*(On .{4,200} wrote:|Am .{4,200} schrieb .{1,100}:)\s*$")
_ORIGINAL = re.compile(r"^\s*-{2,}\s*(Original Message|Forwarded message|Urspr.ngliche Nachricht)\s*-{2,}\s*$",
                       re.IGNORECASE)
FOLD_MIN_LINES = 3


def unwrap_tracking_links(text: str) -> str:
    """``https://x.r.<region>.awstrack.me/L0/<encoded target>/1/<token>`` → the target URL."""

    def target(match: re.Match[str]) -> str:
        url = unquote(match.group("target"))
        return url if url.startswith(("https://", "http://")) else match.group(0)

    return _AWSTRACK.sub(target, text)


def fold_quoted_history(text: str, min_lines: int = FOLD_MIN_LINES) -> str:
    """Runs of ``>`` quoted lines (with their "On … wrote:" line) and everything after an
    "Original Message" separator become one line saying how much was folded."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        if _ORIGINAL.match(lines[i]):
            rest = len(lines) - i
            out.append(f"[... earlier message folded: {rest} lines; see the original .eml ...]")
            break
        j = i
        while j < len(lines) and lines[j].lstrip().startswith(">"):
            j += 1
        if j - i >= min_lines:
            if out and _ATTRIBUTION.match(out[-1]):
                out.pop()
            out.append(f"[... {j - i} quoted lines folded ...]")
            i = j
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out)


def readable_text(text: str, *, customer: bool = False, redactor: Redactor | None = None) -> str:
    """Tracking links unwrapped, quoted history folded, then redacted again (by the mail's rule):
    an unwrapped link may be one the redaction recognises only in its clear form."""
    return (redactor or Redactor())(fold_quoted_history(unwrap_tracking_links(text)), customer=customer)


def _region(notice: Notice) -> str:
    region = notice.identifiers.get("region")
    regions = notice.identifiers.get("regions") or []
    if isinstance(region, str) and region:
        return region
    if regions:
        return str(regions[0])
    return "us-east-1"


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value if v]
    return [str(value)] if value else []


Link = tuple[str, str]  # (label, URL)
_LinksOf = Callable[[Mapping[str, Any], str], list[Link]]  # (identifiers, region) -> links


def _each(name: str, link: Callable[[str, str], Link], limit: int | None = None) -> _LinksOf:
    """One link per value of identifier ``name`` (``link(value, region)``)."""
    def links(ids: Mapping[str, Any], region: str) -> list[Link]:
        return [link(value, region) for value in _as_list(ids.get(name))[:limit]]
    return links


def _if_present(name: str, label: str, url: str) -> _LinksOf:
    """One fixed link when the notice carries identifier ``name``."""
    def links(ids: Mapping[str, Any], region: str) -> list[Link]:
        return [(label, url)] if _as_list(ids.get(name)) else []
    return links


def _arn_region(arn: str, region: str) -> str:
    return arn.split(":")[3] if arn.count(":") >= 5 else region


def _bills(ids: Mapping[str, Any], region: str) -> list[Link]:
    period = _as_list(ids.get("billing_period"))
    if period and re.fullmatch(r"\d{4}-\d{2}", period[0]):
        year, month = period[0].split("-")
        return [(f"Bills {period[0]}",
                 f"https://console.aws.amazon.com/billing/home#/bills?year={year}&month={int(month)}")]
    if _as_list(ids.get("invoice_id")):
        return [("Bills", "https://console.aws.amazon.com/billing/home#/bills")]
    return []


def _certificate(arn: str, region: str) -> Link:
    cert_region = _arn_region(arn, region)
    return ("ACM certificate", f"https://{cert_region}.console.aws.amazon.com/acm/home?region="
            f"{cert_region}#/certificates/{quote(arn.rsplit('/', 1)[-1])}")


def _topic(arn: str, region: str) -> Link:
    topic_region = _arn_region(arn, region)
    return ("SNS topic", f"https://{topic_region}.console.aws.amazon.com/sns/v3/home?region="
            f"{topic_region}#/topic/{quote(arn, safe=':')}")


# in the order the links are shown
_CONSOLE_LINKS: tuple[_LinksOf, ...] = (
    _each("case_id", lambda case, _: (
        f"Support case {case}", f"https://support.console.aws.amazon.com/support/home#/case/?displayId={quote(case)}")),
    _each("health_event_arn", lambda arn, _: (
        "Health event",
        "https://health.aws.amazon.com/health/home#/account/event-log?eventID=" + quote(arn, safe=":"))),
    _each("instance_ids", lambda instance, region: (
        f"EC2 {instance}", f"https://{region}.console.aws.amazon.com/ec2/home?region={region}"
        f"#InstanceDetails:instanceId={quote(instance)}"), limit=10),
    _if_present("access_key_ids", "IAM access keys", "https://console.aws.amazon.com/iam/home#/security_credentials"),
    _bills,
    _each("certificate_arn", _certificate),
    _each("sns_topic_arn", _topic),
    _each("domain_name", lambda domain, _: (
        f"Route 53 domain {domain}", f"https://console.aws.amazon.com/route53/domains/home#/DomainDetail/{quote(domain)}")),
    _if_present("budget_name", "Budgets", "https://console.aws.amazon.com/billing/home#/budgets"),
    _if_present("anomaly_id", "Cost anomalies", "https://console.aws.amazon.com/cost-management/home#/anomaly-detection"),
    _if_present("reservation_id", "Reservations", "https://console.aws.amazon.com/billing/home#/reservations"),
    _if_present("handshake_id", "Organizations invitations",
                "https://console.aws.amazon.com/organizations/v2/home/invitations"),
    _if_present("agreement_id", "Marketplace subscriptions",
                "https://console.aws.amazon.com/marketplace/home#/subscriptions"),
)


def console_links(notice: Notice) -> list[Link]:
    """(label, URL) of the AWS console page for each identifier the notice carries."""
    region = _region(notice)
    return [link for links_of in _CONSOLE_LINKS for link in links_of(notice.identifiers, region)]


def links_block(notice: Notice) -> str:
    """The console links as lines under the header ("" when there are none)."""
    return "\n".join(f"Console:   {label}: {url}" for label, url in console_links(notice))


def internal_body(
    parsed: ParsedMail, recipient: Recipient, notice: Notice, text: str | None = None,
    auth: AuthVerdict | None = None, redactor: Redactor | None = None,
) -> str:
    """The engineer's rendering: header block, console links, a rule, then the readable text."""
    rule = redactor or Redactor()
    body = readable_text(parsed.text if text is None else text, redactor=rule)
    links = links_block(rule.notice(notice))
    head = header_block(parsed, recipient, notice, auth, rule) + (f"\n{links}" if links else "")
    return f"{head}\n{'-' * 72}\n{body.strip() or '(no text)'}\n"


def customer_body(text: str, redactor: Redactor | None = None) -> str:
    """The customer-visible comment: the redacted rendering, tracking links unwrapped, history folded."""
    return readable_text(text, customer=True, redactor=redactor).strip() + "\n"
