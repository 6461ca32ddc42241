"""Request Tracker 5 as a helpdesk, over REST2 (``/REST/2.0/``), token or basic auth.

Owns the mapping of a :class:`TicketDraft` onto RT: one ticket per thread in the route's queue
(the default queue when the route's queue does not exist), ticket custom fields ``Rootmail
Thread`` (the thread key), ``AWS Account`` and ``Notice Type``, customer contacts as Requestors
of customer-visible tickets, *correspond* for the public comment and *comment* for the internal
note with the original ``.eml``.

Exactly once. RT has no idempotency key, so every write of a delivery carries a marker in the same
request: the multi-value custom field ``Rootmail Delivery`` gets ``<step>:<digest>`` (create,
correspond and comment all accept ``CustomFields``). Before writing, one TicketSQL search reads
the thread's tickets with their status and custom fields; steps whose marker is present are
skipped. Two deliveries of one thread must not race to create: the caller hands in a lock per
thread key (Redis in the workers, see :func:`ticketing.threads.redis_thread_lock`).

Set-up the client expects (``.ci/rt.sh`` does it): the four ticket custom fields, applied to the
queues rootmail writes to. A missing one is a PermanentError naming the field and the fix.
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
from ticketing.helpdesk.http import (
    DEFAULT_TIMEOUT,
    HelpdeskPermanentError,
    HttpClient,
    RateLimiter,
    RetryPolicy,
)
from ticketing.helpdesk.steps import Step, comment_steps
from ticketing.threads import ThreadLock, process_thread_lock

log = structlog.get_logger(__name__)

CF_THREAD = "Rootmail Thread"
CF_ACCOUNT = "AWS Account"
CF_NOTICE = "Notice Type"
CF_DELIVERY = "Rootmail Delivery"
REQUIRED_CFS = (CF_THREAD, CF_ACCOUNT, CF_NOTICE, CF_DELIVERY)
#: statuses of the default lifecycle after which a new mail opens a follow-up ticket
INACTIVE = ("resolved", "rejected", "deleted")
PRIORITY = {"critical": 90, "urgent": 90, "high": 70, "normal": 50, "low": 20}

def _quote(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def _marker(step: Step) -> str:
    return f"{step.name}:{step.digest}"


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
        self.lock = lock or process_thread_lock()
        self._queues: dict[str, str | None] = {}
        self._checked = False

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ the protocol

    def upsert(self, draft: TicketDraft) -> TicketRef:
        self._check_custom_fields()
        steps = comment_steps(draft)
        with self.lock(draft.thread_key):
            tickets = self.find_by_thread(draft.thread_key)
            for ticket in tickets:
                markers = set(ticket["cf"].get(CF_DELIVERY, ()))
                done = [s for s in steps if _marker(s) in markers]
                if len(done) == len(steps):
                    return TicketRef(ticket["id"], created=False, commented=False)
                if done:
                    self._write_steps(draft, ticket, [s for s in steps if _marker(s) not in markers])
                    return TicketRef(ticket["id"], created=False, commented=True)
            target = tickets[-1] if tickets else None
            if target is not None and (target["status"] not in INACTIVE
                                       or (draft.reopen and target["status"] == "resolved")):
                self._write_steps(draft, target, steps)
                return TicketRef(target["id"], created=False, commented=True)
            ticket = self._create(draft, steps[0], target)
            if len(steps) > 1:
                self._write_steps(draft, ticket, steps[1:])
            return TicketRef(ticket["id"], created=True, commented=True)

    def find_by_thread(self, thread_key: str) -> list[dict[str, Any]]:
        """The thread's tickets, oldest first: ``{"id", "status", "cf": {name: values}, "requestors"}``."""
        query = f"'CF.{{{CF_THREAD}}}' = {_quote(thread_key)}"
        tickets: list[dict[str, Any]] = []
        for item in self._items("/tickets", {"query": query, "fields": "Status,Queue,CustomFields,Requestor",
                                             "orderby": "id", "order": "ASC"}):
            cfs = {cf["name"]: list(cf.get("values") or []) for cf in item.get("CustomFields", [])}
            if cfs.get(CF_THREAD, [None])[0] != thread_key:
                continue
            requestors = [str(r.get("id", "")) for r in item.get("Requestor") or [] if isinstance(r, dict)]
            tickets.append({"id": str(item["id"]), "status": item.get("Status"), "cf": cfs,
                            "requestors": requestors})
        return sorted(tickets, key=lambda t: int(t["id"]))

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
        ticket["comment_count"] = sum(1 for t in transactions if t.get("Type") in ("Create", "Comment", "Correspond"))
        return ticket

    def set_status(self, ticket_id: str, status: str) -> None:
        self.http.request("PUT", f"/ticket/{int(ticket_id)}", json_body={"Status": status})

    # ------------------------------------------------------------------ building blocks

    def _check_custom_fields(self) -> None:
        if self._checked:
            return
        # REST2 searches collections with a POSTed JSON query (a read: nothing is written)
        data = self.http.request("POST", "/customfields", params={"per_page": 100, "fields": "Name"},
                                 json_body=[{"field": "LookupType", "value": "RT::Queue-RT::Ticket"}]).json()
        names = {item.get("Name") for item in data.get("items", [])}
        missing = [name for name in REQUIRED_CFS if name not in names]
        if missing:
            raise PermanentError(
                f"rt: ticket custom field(s) {', '.join(missing)} missing; create them "
                "(Admin → Custom Fields, applied to the queues rootmail uses; .ci/rt.sh shows how)"
            )
        self._checked = True

    def queue_for(self, draft: TicketDraft) -> str:
        """The route's queue when RT has it, else the default queue."""
        name = draft.queue or self.default_queue
        if name not in self._queues:
            try:
                data = self.http.request("GET", f"/queue/{name}").json()
                self._queues[name] = str(data.get("Name") or name)
            except HelpdeskPermanentError as exc:
                if exc.status != 404:
                    raise
                log.warning("rt_queue_missing", queue=name, fallback=self.default_queue)
                self._queues[name] = None
        return self._queues[name] or self.default_queue

    @staticmethod
    def _attachments(attachments: tuple[DraftAttachment, ...]) -> list[dict[str, str]]:
        return [{"FileName": a.filename, "FileType": a.content_type or "application/octet-stream",
                 "FileContent": base64.b64encode(a.data).decode()} for a in attachments]

    def _fields(self, draft: TicketDraft) -> dict[str, Any]:
        fields: dict[str, Any] = {CF_THREAD: draft.thread_key, CF_NOTICE: draft.notice_type}
        if draft.aws_account_id:
            fields[CF_ACCOUNT] = draft.aws_account_id
        return fields

    def _create(self, draft: TicketDraft, first: Step, previous: Mapping[str, Any] | None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "Queue": self.queue_for(draft),
            "Subject": draft.subject[:200] or "(no subject)",
            "Priority": PRIORITY.get(draft.severity, 50),
            "Content": first.body if previous is None else
            f"Follow-up of ticket #{previous['id']} ({previous['status']}).\n\n{first.body}",
            "ContentType": "text/plain",
            "CustomFields": self._fields(draft) | {CF_DELIVERY: [_marker(first)]},
        }
        if first.attachments:
            body["Attachments"] = self._attachments(first.attachments)
        if draft.public and draft.customer_contacts:
            body["Requestor"] = list(draft.customer_contacts)
        if previous is not None:
            body["RefersTo"] = [int(previous["id"])]
        # no idempotency key in RT: a lost response is found again by its marker on the retry
        data = self.http.request("POST", "/ticket", json_body=body).json()
        ticket_id = str(data["id"])
        log.info("ticket_created", ticket_id=ticket_id, thread=draft.thread_key[:24])
        return {"id": ticket_id, "status": "new", "cf": {CF_DELIVERY: [_marker(first)]},
                "requestors": list(body.get("Requestor", []))}

    def _ensure_requestors(self, draft: TicketDraft, ticket: dict[str, Any]) -> None:
        """Before a public reply, make the customer's contacts requestors of the ticket (it may
        have been opened internal, with none), keeping whoever is there already."""
        current = list(ticket.get("requestors") or [])
        known = {r.lower() for r in current}
        missing = [c for c in draft.customer_contacts if c.lower() not in known]
        if not missing:
            return
        self.http.request("PUT", f"/ticket/{int(ticket['id'])}", json_body={"Requestor": current + missing})
        ticket["requestors"] = current + missing
        log.info("ticket_requestors_added", ticket_id=ticket["id"], added=len(missing))

    def _write_steps(self, draft: TicketDraft, ticket: dict[str, Any], steps: list[Step]) -> None:
        if draft.public and draft.customer_contacts and any(step.public for step in steps):
            self._ensure_requestors(draft, ticket)
        markers = list(ticket["cf"].get(CF_DELIVERY, ()))
        for step in steps:
            markers.append(_marker(step))
            body: dict[str, Any] = {
                "Content": step.body, "ContentType": "text/plain",
                "CustomFields": self._fields(draft) | {CF_DELIVERY: sorted(set(markers))},
            }
            if step.attachments:
                body["Attachments"] = self._attachments(step.attachments)
            if draft.reopen and ticket.get("status") == "resolved":
                body["Status"] = "open"
            kind = "correspond" if step.public else "comment"
            self.http.request("POST", f"/ticket/{int(ticket['id'])}/{kind}", json_body=body)
        ticket["cf"][CF_DELIVERY] = markers
        log.info("ticket_updated", ticket_id=ticket["id"], steps=len(steps))
