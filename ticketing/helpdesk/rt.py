"""Request Tracker 5 as a helpdesk, over REST2 (``/REST/2.0/``), token or basic auth.

Owns the mapping of a :class:`TicketDraft` onto RT: one ticket per thread in the route's queue
(the default queue when the route's queue does not exist), ticket custom fields ``Rootmail
Thread`` (the thread key), ``AWS Account``, ``Notice Type`` and ``Rootmail Rule`` (the routing
rule), the route's priority as one of RT's priority *labels* (``Low``/``Medium``/``High``: RT maps
a label to the queue's number, ``%PriorityAsString``) and its due date as ``Due``; customer
contacts as Requestors (added before the first customer-visible reply), *correspond* for the
public comment and *comment* for the internal note with the original ``.eml``.

A new ticket is opened with a neutral Create (no requestor, no notice text: RT's Autoreply and
ShowTicket expose the Create transaction), then the notice is added as Comment (and
Correspond). Wording meant for engineers ("follow-up of ticket #N") lives only in the Comment.

Exactly once. RT has no idempotency key, so every comment/correspond of a delivery carries its
marker ``<step>:<digest>`` in the same request, in one of two places, chosen per queue:

- the transaction custom field ``Rootmail Step`` of that same transaction (``TxnCustomFields``)
  where an administrator applied it to the queue: markers are never rewritten, so no writer can
  erase another's;
- else (a fresh RT: REST2 cannot apply a transaction field, see :mod:`ticketing.helpdesk.rt_setup`)
  the multi-value ticket field ``Rootmail Delivery``, sent as the ticket's whole marker list
  (REST2 replaces a multi-value field with the list it is given: ``RT::REST2::Util::
  update_custom_fields``) in the comment request itself (REST2 applies ``CustomFields`` of a
  comment/correspond after writing it: ``RT::REST2::Resource::Message``). The list is read fresh
  (GET or search) under the thread's lock, and every writer of a thread's tickets holds that lock
  (Redis in the workers, held longer than a write's whole budget: :func:`rootmail.wiring`), so
  no stale list can erase another delivery's marker.

Before writing, one TicketSQL search reads the thread's tickets (with their ticket markers) and,
when a ticket lives in a queue with the transaction field, one TransactionSQL search finds this
delivery's markers; steps that landed are skipped. Two deliveries of one thread must not race to
create: the caller hands in a lock per thread key (Redis in the workers).

About one request per message: the thread's newest ticket id and each delivery's state
(``pending`` before its writes, ``done`` after) are cached in the Redis every worker shares
(:mod:`ticketing.helpdesk.cache`; without one, no cache: RT has no collision guard that would
catch a write the cache does not know). A delivery with no state whose thread is cached reads that ticket (one GET:
status, requestors, priority) and writes; any doubt — ``pending`` left by a crash or a lost
answer, no cached ticket, a 404, an inactive ticket — takes the search path above.

Set-up: ``rootmail helpdesk setup`` creates the custom fields through REST2 and ``rootmail
helpdesk check`` verifies that they are applied to every queue rootmail writes to (see
:mod:`ticketing.helpdesk.rt_setup`). A queue without them (the ticket fields, and a marker field
of either kind) is a PermanentError naming the fix.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator, Mapping
from typing import Any

import httpx
import structlog
from pydantic import SecretStr

from ticketing.draft import DraftAttachment, TicketDraft, TicketRef
from ticketing.errors import PermanentError
from ticketing.helpdesk.cache import NoTicketCache, TicketCache
from ticketing.helpdesk.http import (
    DEFAULT_TIMEOUT,
    MIN_REQUEST_SECONDS,
    HelpdeskPermanentError,
    HttpClient,
    RateLimiter,
    RetryPolicy,
)
from ticketing.helpdesk.steps import Step, comment_steps, delivery_digest
from ticketing.threads import ThreadLock, process_thread_lock

log = structlog.get_logger(__name__)

CF_THREAD = "Rootmail Thread"
CF_ACCOUNT = "AWS Account"
CF_NOTICE = "Notice Type"
CF_RULE = "Rootmail Rule"
#: transaction custom field: the marker of the comment/correspond it belongs to
CF_STEP = "Rootmail Step"
#: multi-value ticket field: the markers where ``Rootmail Step`` is not applied to the queue
CF_DELIVERY = "Rootmail Delivery"
TICKET_CFS = (CF_THREAD, CF_ACCOUNT, CF_NOTICE, CF_RULE)
TRANSACTION_CFS = (CF_STEP,)
MARKER_CFS = (CF_DELIVERY,)
#: statuses of the default lifecycle after which a new mail opens a follow-up ticket
INACTIVE = ("resolved", "rejected", "deleted")
#: RT's default priority labels (``%PriorityAsString``); RT turns a label into the queue's number
PRIORITY = {"critical": "High", "urgent": "High", "high": "High", "normal": "Medium", "low": "Low"}
PRIORITY_RANK = {"Low": 0, "Medium": 1, "High": 2}
#: the numbers of the default labels; REST2 collections give some fields' priority as a number
PRIORITY_NUMBER = {"Low": 0, "Medium": 50, "High": 100}
NEUTRAL_CREATE = "Opened by rootmail for a notice sent to an AWS root-user address."


def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _marker(step: Step) -> str:
    return f"{step.name}:{step.digest}"


def priority_rank(value: object) -> int | None:
    """Rank of an RT priority given as a label or as a number (default labels), None if unknown."""
    text = str(value or "").strip()
    if text in PRIORITY_RANK:
        return PRIORITY_RANK[text]
    if text.isdigit():
        number = int(text)
        return max(rank for label, rank in PRIORITY_RANK.items() if number >= PRIORITY_NUMBER[label])
    return None


def rt_due(due: str) -> str:
    """RT ``Due`` (UTC, ``YYYY-MM-DD HH:MM:SS``) for a route's due (a date: its 00:00 UTC)."""
    if len(due) == 10:
        return f"{due} 00:00:00"
    return due.replace("T", " ").removesuffix("Z")


def _takes_steps(ticket: Mapping[str, Any], reopen: bool) -> bool:
    """An active ticket, or a resolved one when the route reopens: the thread's steps go there."""
    return ticket["status"] not in INACTIVE or (reopen and ticket["status"] == "resolved")


class RTHelpdesk:
    """Request Tracker 5 REST2 client."""

    name = "rt"

    def __init__(
        self,
        base_url: str,
        *,
        token: SecretStr | None = None,
        user: str | None = None,
        password: SecretStr | None = None,
        default_queue: str = "General",
        lock: ThreadLock | None = None,
        limiter: RateLimiter | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        budget: float | None = None,
        cache: TicketCache | None = None,
        step_field: str = CF_STEP,
        marker_field: str = CF_DELIVERY,
    ) -> None:
        headers = {"Accept": "application/json"}
        auth: httpx.Auth | None = None
        if token is not None:
            headers["Authorization"] = f"token {token.get_secret_value()}"
        elif user and password is not None:
            auth = httpx.BasicAuth(user, password.get_secret_value())
        else:
            raise PermanentError("rt: set ROOTMAIL_RT_TOKEN, or ROOTMAIL_RT_USER and ROOTMAIL_RT_PASSWORD")
        root = base_url.rstrip("/")
        if not root.endswith("/REST/2.0"):
            root += "/REST/2.0"
        self.http = HttpClient(root, auth=auth, headers=headers, timeout=timeout, limiter=limiter,
                               retry=retry, service="rt")
        self.default_queue = default_queue
        #: seconds one upsert may wait in all (lock, limiter, requests, retries); None: no bound
        self.budget = budget
        #: thread → ticket id and delivery pending/done: a follow-up is one GET of the ticket and its
        #: comment instead of two searches and the comment. RT has no collision guard (Zendesk's
        #: safe_update), so only a cache every writer shares (the workers' Redis) is used; none: off
        self.cache: TicketCache = cache if cache is not None else NoTicketCache()
        self.lock = lock or process_thread_lock()
        self._queues: dict[str, str | None] = {}
        #: the transaction field of markers, and the ticket field used where it is not applied
        self.step_field = step_field
        self.marker_field = marker_field
        #: queue name → id, and queue id → where markers go there ("txn" or "ticket")
        self._queue_ids: dict[str, str] = {}
        self._marker_modes: dict[str, str] = {}

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ the protocol

    def upsert(self, draft: TicketDraft) -> TicketRef:
        steps = comment_steps(draft)
        digest = delivery_digest(draft.delivery_id)
        state = self.cache.delivery(digest)
        if state and state.startswith("done:"):
            return TicketRef(state.removeprefix("done:"), created=False, commented=False)
        with self.http.budget(self.budget):
            queue = self.queue_for(draft)
            with self.lock(draft.thread_key):
                self.http.check_time(MIN_REQUEST_SECONDS, "the writes after the thread lock")
                if state is None:  # no doubt about this delivery: the thread's cached ticket, if any
                    ref = self._upsert_cached(draft, steps, digest)
                    if ref is not None:
                        return ref
                self.cache.mark_pending(digest)
                ref = self._upsert_full(draft, steps, queue)
                self.cache.mark_done(digest, ref.ticket_id)
                return ref

    def _upsert_cached(self, draft: TicketDraft, steps: list[Step], digest: str) -> TicketRef | None:
        """The thread's newest ticket as the cache remembers it, read fresh (one GET: status,
        requestors, priority), then the steps. None: no usable ticket — take the full path."""
        cached = self.cache.ticket(draft.thread_key)
        if cached is None or not cached.get("id"):
            return None
        try:
            data = self.http.request("GET", f"/ticket/{int(cached['id'])}").json()
        except HelpdeskPermanentError as exc:
            if exc.status not in (403, 404):
                raise
            data = None
        except ValueError:
            data = None
        ticket = self._summary(data) if isinstance(data, dict) else None
        if (ticket is None or ticket["cf"].get(CF_THREAD, [None])[0] != draft.thread_key
                or not _takes_steps(ticket, draft.reopen)):
            self.cache.forget(draft.thread_key)
            return None
        if not self.cache.mark_pending(digest):
            return None
        written = self._write_steps(draft, ticket, steps)
        self.cache.mark_done(digest, ticket["id"])
        return TicketRef(ticket["id"], created=False, commented=written > 0)

    @staticmethod
    def _summary(item: Mapping[str, Any]) -> dict[str, Any]:
        """``{"id", "status", "cf", "requestors", "priority", "due"}`` of a REST2 ticket."""
        cfs = {cf["name"]: list(cf.get("values") or []) for cf in item.get("CustomFields", [])}
        requestors = [str(r.get("id", "")) for r in item.get("Requestor") or [] if isinstance(r, dict)]
        queue = item.get("Queue")
        queue_id = str(queue.get("id", "")) if isinstance(queue, dict) else str(queue or "")
        return {"id": str(item["id"]), "status": item.get("Status"), "cf": cfs, "queue": queue_id,
                "requestors": requestors, "priority": item.get("Priority"), "due": item.get("Due")}

    def _upsert_full(self, draft: TicketDraft, steps: list[Step], queue: str) -> TicketRef:
        """Search the thread's tickets and this delivery's markers, then write what is missing."""
        tickets = self.find_by_thread(draft.thread_key)
        landed = self.landed_markers(tickets, draft.delivery_id)
        done = [s for s in steps if _marker(s) in landed]
        if done:
            return self._finish_delivery(draft, tickets, steps, landed, first=done[0])
        target = tickets[-1] if tickets else None
        if target is not None and _takes_steps(target, draft.reopen):
            written = self._write_steps(draft, target, steps)
            self.cache.remember(draft.thread_key, {"id": target["id"]})
            return TicketRef(target["id"], created=False, commented=written > 0)
        ticket = self._create(draft, queue, target)
        self.cache.remember(draft.thread_key, {"id": ticket["id"]})
        self._write_steps(draft, ticket, steps, followup_of=target)
        return TicketRef(ticket["id"], created=True, commented=True)

    def _finish_delivery(self, draft: TicketDraft, tickets: list[dict[str, Any]], steps: list[Step],
                         landed: dict[str, str], *, first: Step) -> TicketRef:
        """A retry after some steps of this delivery landed (``first`` is one): write the rest there."""
        ticket = next(t for t in tickets if t["id"] == landed[_marker(first)])
        if ticket is tickets[-1]:
            self.cache.remember(draft.thread_key, {"id": ticket["id"]})
        remaining = [s for s in steps if _marker(s) not in landed]
        if not remaining:
            return TicketRef(ticket["id"], created=False, commented=False)
        self._write_steps(draft, ticket, remaining)
        return TicketRef(ticket["id"], created=False, commented=True)

    def find_by_thread(self, thread_key: str) -> list[dict[str, Any]]:
        """The thread's tickets, oldest first: ``{"id", "status", "cf": {name: values}, "requestors",
        "priority", "due"}``."""
        query = f"'CF.{{{CF_THREAD}}}' = {_quote(thread_key)}"
        tickets: list[dict[str, Any]] = []
        for item in self._items("/tickets", {"query": query,
                                             "fields": "Status,Queue,CustomFields,Requestor,Priority,Due",
                                             "orderby": "id", "order": "ASC"}):
            ticket = self._summary(item)
            if ticket["cf"].get(CF_THREAD, [None])[0] != thread_key:
                continue
            tickets.append(ticket)
        return sorted(tickets, key=lambda t: int(t["id"]))

    def landed_markers(self, tickets: list[dict[str, Any]], delivery_id: str) -> dict[str, str]:
        """``{marker: ticket id}`` of this delivery's steps already written to the thread's tickets."""
        if not tickets:
            return {}
        digest = delivery_digest(delivery_id)
        ids = {t["id"] for t in tickets}
        landed = {m: t["id"] for t in tickets for m in t["cf"].get(self.marker_field, ()) if m.endswith(digest)}
        if not any(self._marker_mode(t) == "txn" for t in tickets):
            return landed  # no ticket of the thread is in a queue with the transaction field
        query = " OR ".join(f"'CF.{{{self.step_field}}}' = '{step}:{digest}'" for step in ("p", "n"))
        for item in self._items("/transactions", {"query": f"ObjectType = 'RT::Ticket' AND ({query})",
                                                  "fields": "ObjectId,CustomFields"}):
            ticket_id = str(item.get("ObjectId", ""))
            for cf in item.get("CustomFields") or []:
                for value in cf.get("values") or []:
                    if ticket_id in ids and cf.get("name") == self.step_field:
                        landed[str(value)] = ticket_id
        return landed

    def _items(self, path: str, params: dict[str, Any]) -> Iterator[dict[str, Any]]:
        """Every item of a REST2 collection, page after page (100 per page)."""
        page = 1
        while True:
            data = self.http.request("GET", path, params=params | {"per_page": 100, "page": page}).json()
            yield from data.get("items", [])
            if page >= int(data.get("pages") or 1):
                return
            page += 1

    def get_ticket(self, ticket_id: str) -> dict[str, Any] | None:
        try:
            ticket = dict(self.http.request("GET", f"/ticket/{int(ticket_id)}").json())
        except HelpdeskPermanentError as exc:
            if exc.status == 404:
                return None
            raise
        except ValueError:
            return None
        ticket["id"] = str(ticket["id"])
        ticket["cf"] = {cf["name"]: list(cf.get("values") or []) for cf in ticket.get("CustomFields", [])}
        transactions = list(self._items(f"/ticket/{int(ticket_id)}/history", {"fields": "Type,Created"}))
        ticket["transactions"] = transactions
        ticket["comment_count"] = sum(1 for t in transactions if t.get("Type") in ("Comment", "Correspond"))
        return ticket

    def set_status(self, ticket_id: str, status: str) -> None:
        self.http.request("PUT", f"/ticket/{int(ticket_id)}", json_body={"Status": status})

    # ------------------------------------------------------------------ building blocks

    def queue_for(self, draft: TicketDraft) -> str:
        """The route's queue when RT has it, else the default queue; either must carry rootmail's
        custom fields (a field not applied to the queue is dropped by RT without an error)."""
        name = draft.queue or self.default_queue
        if name not in self._queues:
            self._queues[name] = self._load_queue(name)
        chosen = self._queues[name]
        if chosen is None:
            log.warning("rt_queue_missing", queue=name, fallback=self.default_queue)
            if self.default_queue not in self._queues:
                self._queues[self.default_queue] = self._load_queue(self.default_queue)
            chosen = self._queues[self.default_queue]
            if chosen is None:
                raise PermanentError(f"rt: neither queue {name!r} nor the default queue {self.default_queue!r} "
                                     "exists or is visible to rootmail's account; run `rootmail helpdesk check`")
        return chosen

    def _load_queue(self, name: str) -> str | None:
        """The queue's name (``name`` may be its id), after checking its fields and noting where
        markers go there; None when it does not exist or the account cannot see it."""
        try:
            data = self.http.request("GET", f"/queue/{name}").json()
        except HelpdeskPermanentError as exc:
            if exc.status in (403, 404):
                return None
            raise
        applied = {cf.get("name") for cf in data.get("TicketCustomFields") or []}
        applied_txn = {cf.get("name") for cf in data.get("TicketTransactionCustomFields") or []}
        label = data.get("Name") or name
        missing = [n for n in TICKET_CFS if n not in applied]
        if self.step_field not in applied_txn and self.marker_field not in applied:
            missing.append(self.marker_field)
        if missing:
            raise PermanentError(
                f"rt: custom field(s) {', '.join(missing)} not applied to queue {label!r} "
                "(RT would drop them silently); run `rootmail helpdesk setup`, then `rootmail helpdesk check`")
        queue_id = str(data.get("id") or name)
        self._queue_ids[str(label)] = queue_id
        self._marker_modes[queue_id] = "txn" if self.step_field in applied_txn else "ticket"
        return str(label)

    def _marker_mode(self, ticket: Mapping[str, Any]) -> str:
        """Where the markers of steps on this ticket go: ``txn`` (its queue has the transaction
        field) or ``ticket`` (the multi-value ticket field, under the thread lock)."""
        queue_id = str(ticket.get("queue") or "")
        if queue_id and queue_id not in self._marker_modes:
            self._load_queue(queue_id)
        return self._marker_modes.get(queue_id, "ticket")

    @staticmethod
    def _attachments(attachments: tuple[DraftAttachment, ...]) -> list[dict[str, str]]:
        return [{"FileName": a.filename, "FileType": a.content_type or "application/octet-stream",
                 "FileContent": base64.b64encode(a.data).decode()} for a in attachments]

    def _fields(self, draft: TicketDraft) -> dict[str, Any]:
        fields: dict[str, Any] = {CF_THREAD: draft.thread_key, CF_NOTICE: draft.notice_type}
        if draft.aws_account_id:
            fields[CF_ACCOUNT] = draft.aws_account_id
        if draft.rule:
            fields[CF_RULE] = draft.rule
        return fields

    def _create(self, draft: TicketDraft, queue: str, previous: Mapping[str, Any] | None) -> dict[str, Any]:
        """A neutral ticket: subject, fields, priority, due; no requestor and no notice text."""
        body: dict[str, Any] = {
            "Queue": queue,
            "Subject": draft.subject[:200] or "(no subject)",
            "Priority": PRIORITY.get(draft.severity, "Medium"),
            "Content": NEUTRAL_CREATE,
            "ContentType": "text/plain",
            "CustomFields": self._fields(draft),
        }
        if draft.due:
            body["Due"] = rt_due(draft.due)
        if previous is not None:
            body["RefersTo"] = [int(previous["id"])]
        # no idempotency key in RT: a lost response is found again by the thread key on the retry,
        # and its steps are then written to it (see upsert: a neutral ticket without markers)
        data = self.http.request("POST", "/ticket", json_body=body).json()
        ticket_id = str(data["id"])
        log.info("ticket_created", ticket_id=ticket_id, thread=draft.thread_key[:24])
        return {"id": ticket_id, "status": "new", "cf": self._fields(draft), "queue": self._queue_ids.get(queue, ""),
                "requestors": [], "priority": body["Priority"], "due": body.get("Due")}

    def _ticket_update(self, draft: TicketDraft, ticket: dict[str, Any], public: bool) -> dict[str, Any]:
        """What the ticket itself needs before the steps: requestors for a public reply (kept:
        whoever is there), a higher priority, the route's due date."""
        update: dict[str, Any] = {}
        if public and draft.customer_contacts:
            current = list(ticket.get("requestors") or [])
            known = {r.lower() for r in current}
            missing = [c for c in draft.customer_contacts if c.lower() not in known]
            if missing:
                update["Requestor"] = current + missing
        wanted = PRIORITY.get(draft.severity, "Medium")
        current_rank = priority_rank(ticket.get("priority"))
        if current_rank is not None and current_rank < PRIORITY_RANK[wanted]:
            update["Priority"] = wanted
        if draft.due and not str(ticket.get("due") or "").startswith(rt_due(draft.due).replace(" ", "T")[:16]):
            update["Due"] = rt_due(draft.due)
        return update

    def _write_steps(self, draft: TicketDraft, ticket: dict[str, Any], steps: list[Step],
                     followup_of: Mapping[str, Any] | None = None) -> int:
        """Write the steps whose marker the ticket's marker field does not already hold (read fresh
        with the ticket: a delivery that landed before the cache knew of it is not written twice);
        the number written."""
        present = set(ticket.get("cf", {}).get(self.marker_field, ()))
        steps = [step for step in steps if _marker(step) not in present]
        if not steps:
            return 0
        update = self._ticket_update(draft, ticket, any(step.public for step in steps))
        if update:
            self.http.request("PUT", f"/ticket/{int(ticket['id'])}", json_body=update)
            if "Requestor" in update:
                ticket["requestors"] = update["Requestor"]
                log.info("ticket_requestors_added", ticket_id=ticket["id"])
        for step in steps:
            kind = "correspond" if step.public else "comment"
            body = self._step_body(draft, ticket, step, followup_of)
            response = self.http.request("POST", f"/ticket/{int(ticket['id'])}/{kind}", json_body=body)
            results = response.json() if response.content else []
            results = results if isinstance(results, list) else []
            if "TxnCustomFields" in body:
                if any("Unable to load transaction custom field" in str(r) for r in results):
                    raise PermanentError(
                        f"rt: ticket {ticket['id']}: the {kind} landed but its marker did not (transaction custom "
                        f"field {self.step_field!r} is not applied to the ticket's queue); run "
                        "`rootmail helpdesk check`")
                continue
            markers = body["CustomFields"][self.marker_field]
            ticket.setdefault("cf", {})[self.marker_field] = markers
            # RT says "<value> added as a value for <field>" in the user's language; where the answer
            # does not name the value (another wording, a proxy), the ticket is read back instead
            if not any(markers[-1] in str(r) for r in results) and markers[-1] not in self._markers_of(ticket["id"]):
                raise PermanentError(
                    f"rt: ticket {ticket['id']}: the {kind} landed but its marker did not (ticket custom field "
                    f"{self.marker_field!r} not applied to the ticket's queue, or not writable by rootmail's "
                    "account); run `rootmail helpdesk check`")
        log.info("ticket_updated", ticket_id=ticket["id"], steps=len(steps))
        return len(steps)

    def _markers_of(self, ticket_id: str) -> list[str]:
        """The ticket's marker field as RT holds it now."""
        data = self.http.request("GET", f"/ticket/{int(ticket_id)}").json()
        return [str(v) for cf in data.get("CustomFields", []) if cf.get("name") == self.marker_field
                for v in cf.get("values") or []]

    def _step_body(self, draft: TicketDraft, ticket: Mapping[str, Any], step: Step,
                   followup_of: Mapping[str, Any] | None) -> dict[str, Any]:
        """One comment or correspondence: the text, the fields, this step's marker, attachments."""
        content = step.body
        if followup_of is not None and not step.public:  # engineers' wording, never a customer's
            content = f"Follow-up of ticket #{followup_of['id']} ({followup_of['status']}).\n\n{content}"
        body: dict[str, Any] = {"Content": content, "ContentType": "text/plain", "CustomFields": self._fields(draft)}
        if self._marker_mode(ticket) == "txn":
            body["TxnCustomFields"] = {self.step_field: _marker(step)}
        else:  # the whole list, read under the thread lock: REST2 replaces a multi-value field
            landed = ticket.get("cf", {}).get(self.marker_field, ())
            body["CustomFields"][self.marker_field] = [*landed, _marker(step)]
        if step.attachments:
            body["Attachments"] = self._attachments(step.attachments)
        if draft.reopen and ticket.get("status") == "resolved":
            body["Status"] = "open"
        return body
