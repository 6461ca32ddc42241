"""Deciding the route of one notice: the first matching rule, the taxonomy's defaults, and the guard rails.

Pure: ``now`` is only used when the mail has no Date header.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from routing.aggregate import account_tag, aggregation_key
from routing.rules.match import account_mismatch, facts, matches
from routing.rules.model import DEFAULT_RULE_NAME, SEVERITIES, Decision, DueTerm, Rule, RuleSet
from routing.rules.schema import TEMPLATE_VAR
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient, Route


def _render(template: str, variables: Mapping[str, str]) -> str:
    return TEMPLATE_VAR.sub(lambda m: variables.get(m.group(1), ""), template)


def _parse_deadline(deadline: str) -> datetime | date | None:
    text = deadline.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        return None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def _from_deadline(term: DueTerm, deadline: str | None) -> str | None:
    base = _parse_deadline(deadline) if deadline else None
    if base is None:
        return None
    if isinstance(base, datetime):
        return _iso(base + term.offset)
    if term.hours:
        return _iso(datetime(base.year, base.month, base.day, tzinfo=UTC) + term.offset)
    return (base + term.offset).isoformat()


def compute_due(terms: Sequence[DueTerm], notice: Notice, received: datetime) -> str | None:
    """The first term that applies: a date (``YYYY-MM-DD``) or a UTC date-time (``...Z``)."""
    for term in terms:
        if not term.from_deadline:
            return _iso(received + term.offset)
        due = _from_deadline(term, notice.deadline)
        if due is not None:
            return due
    return None


def _received(parsed: ParsedMail, now: datetime | None) -> datetime:
    if parsed.date is not None:
        return parsed.date if parsed.date.tzinfo else parsed.date.replace(tzinfo=UTC)
    if now is None:
        raise ValueError("the mail has no Date: pass now= to decide()")
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def digest_key(recipient: Recipient, day: date, rule: str) -> str:
    """One digest ticket per customer (or unknown address), per day, per digest rule."""
    owner = recipient.customer.id if recipient.customer else f"address:{recipient.address}"
    return f"digest:{owner}:{day.isoformat()}:{rule}"


@dataclass
class _Draft:
    """The route being decided: the chosen rule's values rendered, before the guard rails."""

    rule: Rule | None
    queue: str
    priority: str
    visibility: str
    action: str
    tags: list[str] = field(default_factory=list)
    fields: list[tuple[str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    due: str | None = None
    thread: str | None = None
    received: datetime | None = None

    @property
    def name(self) -> str:
        return self.rule.name if self.rule else DEFAULT_RULE_NAME


def _first_match(rules: RuleSet, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient,
                 values: Mapping[str, str]) -> tuple[Rule | None, dict[str, str]]:
    for rule in rules.rules:
        found = matches(rule, parsed, notice, auth, recipient, values)
        if found is not None:
            return rule, found
    return None, {}


def _draft(rules: RuleSet, chosen: Rule | None, notice: Notice, variables: Mapping[str, str]) -> _Draft:
    """The chosen rule's values, and the taxonomy's (through the notice) for what it leaves out."""
    taxonomy_visibility = "customer" if notice.customer_visible else "internal"
    severity = notice.severity if notice.severity in SEVERITIES else "normal"
    if chosen is None:
        return _Draft(None, rules.default_queue, severity, taxonomy_visibility, "open")
    return _Draft(
        rule=chosen,
        queue=_render(chosen.queue, variables) if chosen.queue else rules.default_queue,
        priority=chosen.priority or severity,
        visibility=chosen.visibility or taxonomy_visibility,
        action=chosen.action or "open",
        tags=[_render(t, variables) for t in chosen.tags],
        fields=[(k, _render(v, variables)) for k, v in chosen.fields],
    )


def _guard_rails(draft: _Draft, notice: Notice, auth: AuthVerdict, recipient: Recipient) -> None:
    """What no rule overrides: secrets and failed authenticity stay internal; a foreign account is flagged."""
    if draft.visibility == "customer":
        if notice.secret:
            draft.visibility = "internal"
            draft.notes.append("internal: the notice carries a live secret")
        elif auth.verdict == "fail" or auth.suspected_spoof:
            draft.visibility = "internal"
            draft.notes.append(f"internal: authenticity {auth.verdict} (suspected spoof)")
    if account_mismatch(notice, recipient):
        assert recipient.account is not None
        draft.tags.append("account_mismatch")
        draft.fields.append(("account_mismatch", f"{notice.aws_account_id} vs {recipient.account.account_id}"))
        draft.notes.append(f"the mail names account {notice.aws_account_id}, the recipient is "
                           f"{recipient.account.account_id}: flagged, not corrected")


def _due_and_thread(draft: _Draft, parsed: ParsedMail, notice: Notice, recipient: Recipient,
                    now: datetime | None) -> None:
    chosen = draft.rule
    if chosen and chosen.due:
        draft.received = _received(parsed, now)
        draft.due = compute_due(chosen.due, notice, draft.received)
    if draft.action == "digest":
        received = draft.received or _received(parsed, now)
        draft.thread = digest_key(recipient, received.astimezone(UTC).date(), draft.name)
    elif chosen and chosen.aggregate:
        draft.thread = aggregation_key(notice, recipient)
        if draft.thread is not None and recipient.account is not None:
            draft.tags.append(account_tag(recipient.account.account_id))
            draft.notes.append("aggregated: one ticket per AWS Health event for the customer")


def decide(
    rules: RuleSet,
    parsed: ParsedMail,
    notice: Notice,
    auth: AuthVerdict,
    recipient: Recipient,
    *,
    now: datetime | None = None,
) -> Decision:
    """The route for ``notice`` to ``recipient``: first matching rule, taxonomy defaults for the rest.

    ``now`` is used only when the mail has no Date header (for ``due`` and digest days).
    """
    values = facts(notice, recipient)
    chosen, captures = _first_match(rules, parsed, notice, auth, recipient, values)
    draft = _draft(rules, chosen, notice, {**values, **captures})
    _guard_rails(draft, notice, auth, recipient)
    _due_and_thread(draft, parsed, notice, recipient, now)
    drop_reason = None
    if draft.action == "drop":
        drop_reason = (chosen.drop_reason if chosen else None) or draft.name
    route = Route(
        rule=draft.name,
        queue=draft.queue,
        priority=draft.priority,
        visibility=draft.visibility,
        action=draft.action,
        tags=tuple(dict.fromkeys(draft.tags)),
        fields=tuple(draft.fields),
        due=draft.due,
        drop_reason=drop_reason,
        thread_key=draft.thread,
        reopen=bool(chosen and chosen.reopen),
    )
    return Decision(route=route, rule=chosen, captures=captures, notes=tuple(draft.notes))


def route_notice(
    rules: RuleSet, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient,
    *, now: datetime | None = None,
) -> Route:
    """:func:`decide` without the explanation."""
    return decide(rules, parsed, notice, auth, recipient, now=now).route


def explain(decision: Decision, notice: Notice, recipient: Recipient) -> dict[str, Any]:
    """The JSON document of ``rootmail rules explain``."""
    route = decision.route
    return {
        "rule": route.rule,
        "queue": route.queue,
        "priority": route.priority,
        "visibility": route.visibility,
        "action": route.action,
        "customer": recipient.customer.id if recipient.customer else None,
        "aws_account_id": notice.aws_account_id,
        "recipient": recipient.address,
        "recipient_account_id": recipient.account.account_id if recipient.account else None,
        "notice_type": notice.notice_type,
        "rule_line": decision.rule.line if decision.rule else None,
        "tags": list(route.tags),
        "fields": dict(route.fields),
        "due": route.due,
        "drop_reason": route.drop_reason,
        "thread_key": route.thread_key,
        "captures": dict(decision.captures),
        "notes": list(decision.notes),
    }
