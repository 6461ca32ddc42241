"""One stored message through the stages: parse, resolve, classify, draft, helpdesk write.

Pure orchestration over the dependencies it is handed (store, directory, helpdesk, ledger). The
Celery task is a thin wrapper around :func:`process_key`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import structlog

from ingest.envelope import Envelope
from ingest.ledger import Ledger
from ingest.store import MessageStore, StoredMessage, StoreError
from routing.directory import Directory
from routing.loops import loop_reason
from routing.parse import UnparseableMail, parse_mail
from routing.redact import forget_mail_values, render
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient, Route
from ticketing import metrics
from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.errors import PermanentError
from ticketing.helpdesk import Helpdesk
from ticketing.render import customer_body, internal_body
from ticketing.threads import ThreadIndex, delivery_id, thread_key, trust_separated

log = structlog.get_logger(__name__)

Authenticator = Callable[[ParsedMail, bytes, Envelope], AuthVerdict]
Classifier = Callable[[ParsedMail, bytes, Envelope, Recipient], Notice]
Router = Callable[[ParsedMail, Notice, AuthVerdict, Recipient], Route]
# issue 15: the root-account guard (ticketing.guard.RootGuard) may escalate or annotate a draft
Guard = Callable[[StoredMessage, ParsedMail, Recipient, Notice, AuthVerdict, TicketDraft], TicketDraft]


def no_authentication(parsed: ParsedMail, raw: bytes, envelope: Envelope) -> AuthVerdict:
    """The authenticator used until one is configured: verdict ``none``."""
    return AuthVerdict()


def unknown_notice(parsed: ParsedMail, raw: bytes, envelope: Envelope, recipient: Recipient) -> Notice:
    """The classifier used until one is configured: everything is ``unknown``."""
    return Notice()


def default_route(parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient) -> Route:
    """The router used until rules are configured: internal ticket in triage."""
    return Route(priority=notice.severity)


@dataclass(frozen=True, slots=True)
class Delivery:
    recipient: str
    ticket_id: str
    created: bool
    commented: bool
    notice_type: str


@dataclass
class Dependencies:
    store: MessageStore
    directory: Callable[[], Directory]
    helpdesk: Helpdesk
    ledger: Ledger | None = None
    authenticate: Authenticator = no_authentication
    classify: Classifier = unknown_notice
    route: Router = default_route
    own_domains: frozenset[str] = frozenset()
    thread_index: ThreadIndex | None = None
    guard: Guard | None = None


# fields rootmail derives itself (no mail text in them): only scrubbed of values seen in the mail
COMPUTED_FIELDS = ("notice_type", "severity", "aws_account_id", "deadline", "authenticity", "action_required",
                   "suspected_spoof")


def build_draft(
    stored: StoredMessage,
    parsed: ParsedMail,
    recipient: Recipient,
    notice: Notice,
    auth: AuthVerdict | None = None,
    route: Route | None = None,
    index: ThreadIndex | None = None,
) -> TicketDraft:
    auth = auth or AuthVerdict()
    route = route or Route(priority=notice.severity)
    account = recipient.account
    customer = recipient.customer
    try:
        rendering = render(parsed, notice, auth, raw=stored.raw, keep=(account.account_id,) if account else ())
        redactor = rendering.redactor  # every mail-derived string of the ticket goes through it
        shown = redactor.notice(notice)  # without identifiers that carry a secret
        fields = _draft_fields(notice, shown, auth, route, recipient)
        tags = _draft_tags(notice, shown, auth, route, recipient, contains_secret=rendering.contains_secret)
        public_body = customer_body(rendering.customer_text, redactor) if rendering.customer_text else None
        visibility, queue, public_body = _placement(auth, route, public_body)
        # the raw mail keeps its secrets: it stays in the message store (rootmail message show --reveal)
        attachments = () if rendering.contains_secret else (
            DraftAttachment(f"{stored.key}.eml", "message/rfc822", stored.raw, internal=True),)
        return TicketDraft(
            thread_key=_thread_of(stored, parsed, recipient, notice, auth, route, index),
            delivery_id=delivery_id(parsed, stored.raw, recipient, trusted=auth.verdict == "pass"),
            subject=rendering.subject or "(no subject)",
            body=internal_body(parsed, recipient, notice, text=rendering.internal_text, auth=auth, redactor=redactor),
            public_body=public_body,
            secret=notice.secret or rendering.contains_secret,
            message_id=parsed.message_id,
            customer_id=customer.id if customer else None,
            customer_name=customer.name if customer else None,
            customer_contacts=customer.contacts if customer else (),
            aws_account_id=account.account_id if account else None,
            account_name=account.name if account else None,
            notice_type=notice.notice_type,
            severity=route.priority,
            visibility=visibility,
            queue=queue,
            fields=redactor.fields(fields, computed=COMPUTED_FIELDS),
            tags=redactor.tags(tags),
            attachments=attachments,
            rule=route.rule,
            due=route.due,
            reopen=route.reopen,
        )
    finally:
        forget_mail_values()  # (the redaction caches keyed by this mail's links and values: none kept past it)


def _draft_fields(notice: Notice, shown: Notice, auth: AuthVerdict, route: Route,
                  recipient: Recipient) -> dict[str, str]:
    """The ticket's custom fields (before redaction): computed ones, the identifiers, the route's."""
    fields = {"notice_type": notice.notice_type, "severity": notice.severity}
    if recipient.account:
        fields["aws_account_id"] = recipient.account.account_id
    if notice.deadline:
        fields["deadline"] = notice.deadline
    fields["authenticity"] = auth.verdict
    fields["action_required"] = "yes" if notice.action_required else "no"
    if shown.aws_account_id and shown.aws_account_id != fields.get("aws_account_id"):
        fields["notice_account_id"] = shown.aws_account_id
    for name, value in shown.identifiers.items():
        if name not in fields and name not in ("instance_id", "access_key_id"):
            fields[name] = ",".join(map(str, value)) if isinstance(value, (list, tuple)) else str(value)
    fields.update(dict(route.fields))
    if auth.suspected_spoof:
        fields["suspected_spoof"] = "yes"
    return fields


def _draft_tags(notice: Notice, shown: Notice, auth: AuthVerdict, route: Route, recipient: Recipient,
                *, contains_secret: bool) -> list[str]:
    """The ticket's tags (before redaction), in a stable order."""
    tags = ["rootmail", f"notice_{notice.notice_type.replace('.', '_')}", f"category_{notice.category}"]
    tags += identifier_tags(shown)
    tags.append(f"auth_{auth.verdict}")
    if notice.action_required:
        tags.append("action_required")
    if contains_secret:
        tags.append("contains_secret")
    tags += list(route.tags)
    if recipient.account is None:
        tags.append("unknown_recipient")
    if auth.suspected_spoof:
        tags.append("suspected_spoof")
    return tags


def _placement(auth: AuthVerdict, route: Route, public_body: str | None) -> tuple[str, str, str | None]:
    """(visibility, queue, public body): a ticket without a public body is internal."""
    visibility, queue = route.visibility, route.queue
    if auth.suspected_spoof:
        # a mail that claims AWS and is not proven: never customer-visible, always security triage
        visibility, public_body = "internal", None
        if not queue.startswith("security"):
            queue = "security-triage"
    if public_body is None:
        visibility = "internal"
    return visibility, queue, public_body


def _thread_of(stored: StoredMessage, parsed: ParsedMail, recipient: Recipient, notice: Notice,
               auth: AuthVerdict, route: Route, index: ThreadIndex | None) -> str:
    """The thread key: the route's (aggregation, digest) or the mail's own; mail that is not
    ``pass`` never shares a thread with mail that is (see :mod:`ticketing.threads`)."""
    trusted = auth.verdict == "pass"
    if route.thread_key:
        return trust_separated(route.thread_key, trusted=trusted)
    return thread_key(parsed, stored.raw, recipient, notice, index=index, trusted=trusted)


def identifier_tags(notice: Notice) -> list[str]:
    """Searchable tags for the identifiers a support engineer looks tickets up by."""
    out: list[str] = []
    for name in ("case_id", "abuse_report_id", "invoice_id", "event_type_code", "handshake_id"):
        value = notice.identifiers.get(name)
        if value:
            out.append(f"{name}_{value}".lower().replace("-", "_")[:80])
    if notice.deadline:
        out.append("has_deadline")
    return out


def process_stored(stored: StoredMessage, deps: Dependencies) -> list[Delivery]:
    """Ticket one stored message for each of its recipients. Raises PermanentError/TransientError."""
    try:
        parsed = parse_mail(stored.raw)
    except UnparseableMail as exc:
        raise PermanentError(f"unparseable mail: {exc}") from exc
    loop = loop_reason(parsed, deps.own_domains)
    if loop is not None:
        metrics.DROPPED.labels("loop").inc()
        log.info("notice_dropped", message_key=stored.key, reason=loop)
        return []
    directory = deps.directory()
    auth = deps.authenticate(parsed, stored.raw, stored.envelope)
    if auth.verdict == "pass" and auth.signed_view is not None:
        # a pass covers only signed content: classify, thread and render what the signature covers
        parsed = auth.signed_view
    recipients = stored.envelope.rcpt_tos or parsed.to[:1]
    if not recipients:
        raise PermanentError("message has no recipient in its envelope or To header")
    deliveries: list[Delivery] = []
    for address in recipients:
        delivery = _deliver(stored, parsed, directory.resolve(address), auth, deps)
        if delivery is not None:
            deliveries.append(delivery)
    return deliveries


def _deliver(stored: StoredMessage, parsed: ParsedMail, recipient: Recipient, auth: AuthVerdict,
             deps: Dependencies) -> Delivery | None:
    """Ticket the message for one recipient; None when a rule drops it."""
    notice = deps.classify(parsed, stored.raw, stored.envelope, recipient)
    route = deps.route(parsed, notice, auth, recipient)
    if route.action == "drop":
        log.info("notice_dropped", message_key=stored.key, rule=route.rule, reason=route.drop_reason)
        return None
    draft = build_draft(stored, parsed, recipient, notice, auth, route, deps.thread_index)
    if deps.guard is not None:  # root-credential mail: alarm, escrow
        draft = deps.guard(stored, parsed, recipient, notice, auth, draft)
    if route.action == "update" and not _has_open_ticket(deps.helpdesk, draft.thread_key):
        metrics.DROPPED.labels("update_only_no_ticket").inc()
        log.info("notice_dropped", message_key=stored.key, rule=route.rule,
                 reason="update-only rule and no open ticket in the thread")
        return None
    ref = deps.helpdesk.upsert(draft)
    outcome = "created" if ref.created else ("updated" if ref.commented else "duplicate")
    metrics.CLASSIFIED.labels(notice.notice_type).inc()
    metrics.TICKETS.labels(outcome).inc()
    if deps.ledger is not None:
        deps.ledger.record_ticket(stored.key, recipient.address, ref.ticket_id)
    log.info("delivery_duplicate" if outcome == "duplicate" else f"ticket_{outcome}",
             message_key=stored.key, ticket_id=ref.ticket_id, notice_type=notice.notice_type)
    return Delivery(recipient.address, ref.ticket_id, ref.created, ref.commented, notice.notice_type)


def _has_open_ticket(helpdesk: Helpdesk, thread: str) -> bool:
    tickets = helpdesk.find_by_thread(thread)
    return any(str(t.get("status", "")).lower() not in ("solved", "closed", "resolved", "rejected")
               for t in tickets)


def process_key(key: str, deps: Dependencies) -> list[Delivery] | None:
    """Process ``key`` if it is still pending; None when it was already finished (idempotent)."""
    try:
        stored = deps.store.get(key)
    except StoreError as exc:
        raise PermanentError(f"message {key} is not in the store: {exc}") from exc
    state = getattr(deps.store, "state", None)
    if state is not None and state(key) != "pending":
        return None
    deliveries = process_stored(stored, deps)
    if deps.ledger is not None:
        deps.ledger.transition(key, "done")
    deps.store.mark_done(key)
    if stored.envelope.received_at:
        metrics.END_TO_END.observe(max(0.0, time.time() - stored.envelope.received_at))
    return deliveries
