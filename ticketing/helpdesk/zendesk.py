"""Zendesk Support as a helpdesk: one ticket per thread, exactly one write per delivery.

Owns the mapping of a :class:`TicketDraft` onto the Zendesk Ticketing API (v2): tickets keyed by
``external_id`` = thread key, organizations keyed by ``external_id`` = customer id, customer
contacts as requester and CCs, custom fields by configured field id, tags, internal notes vs
public comments, the original ``.eml`` as an upload on the internal note.

Exactly once. A delivery becomes one or two comment *steps* (public drafts: the public comment,
then the internal note; internal drafts: the internal note). Each step is a single atomic ticket
write that also adds a marker tag ``rm<step>_<delivery digest>``. Before writing, the client lists
the thread's tickets (``GET /api/v2/tickets.json?external_id=``, which reads the database, unlike
search, whose index lags) and skips every step whose marker is already on a ticket. So a retry
after a lost response, a killed worker or a duplicate delivery finds its own marker and adds
nothing. The marker costs no extra request: the thread lookup returns the tags anyway.

Creation sends ``Idempotency-Key`` = hash(thread key, follow-up source), the same for every
delivery of the thread: a create whose response was lost is replayed, not repeated, and two
deliveries racing to open the same thread get one ticket (Zendesk rejects the second payload, or
replays the first ticket, whose tags then lack our marker; either way we look again and comment).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import httpx
import structlog
from pydantic import SecretStr

from ticketing.draft import DraftAttachment, TicketDraft, TicketRef
from ticketing.errors import TransientError
from ticketing.helpdesk.http import (
    DEFAULT_TIMEOUT,
    ErrorInfo,
    HelpdeskPermanentError,
    HelpdeskTransientError,
    HttpClient,
    RateLimiter,
    RetryPolicy,
)
from ticketing.helpdesk.steps import Step, comment_steps, delivery_digest
from ticketing.threads import ThreadLock, process_thread_lock

log = structlog.get_logger(__name__)

CLOSED_STATUSES = ("solved", "closed")
PRIORITY = {"critical": "urgent", "urgent": "urgent", "high": "high", "normal": "normal", "low": "low"}
PRIORITY_RANK = {"low": 0, "normal": 1, "high": 2, "urgent": 3}
#: draft.fields keys that map onto Zendesk custom fields (settings name the field ids)
FIELD_KEYS = ("aws_account_id", "notice_type", "deadline", "authenticity")
_TAG_BAD = re.compile(r"[^a-z0-9_\-:/]+")


def marker_tag(step: str, delivery_id: str) -> str:
    """The tag a comment step leaves on its ticket: ``rmp_…`` public comment, ``rmn_…`` note."""
    return f"rm{step}_{delivery_digest(delivery_id)}"


def _tag(step: Step) -> str:
    return f"rm{step.name}_{step.digest}"


def clean_tag(tag: str) -> str:
    """Zendesk tags: lower case, no spaces."""
    return _TAG_BAD.sub("_", tag.strip().lower()).strip("_")[:80]


def idempotency_key(thread_key: str, followup_of: int | None) -> str:
    raw = f"rootmail-create\x1f{thread_key}\x1f{followup_of or ''}"
    return "rootmail-" + hashlib.sha256(raw.encode()).hexdigest()[:40]


class ZendeskHelpdesk:
    """Zendesk over httpx with API-token auth (``{email}/token:{token}``)."""

    name = "zendesk"

    def __init__(
        self,
        base_url: str,
        email: str,
        token: SecretStr,
        *,
        field_ids: Mapping[str, int] | None = None,
        limiter: RateLimiter | None = None,
        lock: ThreadLock | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
    ) -> None:
        auth = httpx.BasicAuth(f"{email}/token", token.get_secret_value())
        kwargs: dict[str, Any] = {}
        if sleep is not None:
            kwargs["sleep"] = sleep
        self.http = HttpClient(
            base_url, auth=auth, headers={"Accept": "application/json"}, timeout=timeout,
            limiter=limiter, retry=retry, transport=transport, service="zendesk", **kwargs,
        )
        self.field_ids = {k: int(v) for k, v in (field_ids or {}).items() if v}
        self.lock = lock or process_thread_lock()
        self._org_cache: dict[str, int] = {}
        self._user_cache: dict[tuple[str, int | None], int] = {}
        self._cache_lock = threading.Lock()

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------------ the protocol

    def upsert(self, draft: TicketDraft) -> TicketRef:
        with self.lock(draft.thread_key):
            for _ in range(3):
                ref = self._upsert_once(draft)
                if ref is not None:
                    return ref
        raise TransientError("zendesk: the thread's ticket is being created by another delivery",
                             retry_after=2.0)

    def find_by_thread(self, thread_key: str) -> list[dict[str, Any]]:
        """Every ticket of the thread (open, solved, closed, follow-ups), oldest first."""
        tickets: list[dict[str, Any]] = []
        url: str | None = "/api/v2/tickets.json"
        params: dict[str, str | int] | None = {"external_id": thread_key, "per_page": 100}
        while url:
            data = self._json(self.http.request("GET", url, params=params))
            tickets.extend(dict(t, id=str(t["id"])) for t in data.get("tickets", [])
                           if t.get("external_id") == thread_key)
            url, params = data.get("next_page"), None
        return sorted(tickets, key=lambda t: int(t["id"]))

    def get_ticket(self, ticket_id: str) -> dict[str, Any] | None:
        try:
            response = self.http.request("GET", f"/api/v2/tickets/{int(ticket_id)}.json")
        except HelpdeskPermanentError as exc:
            if exc.status == 404:
                return None
            raise
        except ValueError:
            return None
        ticket = dict(self._json(response)["ticket"])
        ticket["id"] = str(ticket["id"])
        comments = list(self.iter_comments(ticket["id"]))
        ticket["comments"] = comments
        ticket["comment_count"] = len(comments)
        ticket["attachments"] = [
            {"comment_id": str(c["id"]), "filename": a.get("file_name"), "size": a.get("size"),
             "content_type": a.get("content_type"), "internal": not c.get("public", True)}
            for c in comments for a in c.get("attachments", [])
        ]
        return ticket

    def set_status(self, ticket_id: str, status: str) -> None:
        self.http.request("PUT", f"/api/v2/tickets/{int(ticket_id)}.json",
                          json_body={"ticket": {"status": status}})

    # ------------------------------------------------------------------ building blocks

    def iter_comments(self, ticket_id: str) -> Iterator[dict[str, Any]]:
        """The ticket's comments, oldest first, following cursor pagination."""
        url: str | None = f"/api/v2/tickets/{int(ticket_id)}/comments.json"
        params: dict[str, str | int] | None = {"page[size]": 100}
        while url:
            data = self._json(self.http.request("GET", url, params=params))
            yield from data.get("comments", [])
            meta = data.get("meta") or {}
            links = data.get("links") or {}
            url = links.get("next") if meta.get("has_more") else data.get("next_page")
            params = None

    def ensure_organization(self, external_id: str, name: str | None) -> int:
        """The organization whose external id is the customer id, created on first use."""
        with self._cache_lock:
            cached = self._org_cache.get(external_id)
        if cached is not None:
            return cached
        body = {"organization": {"external_id": external_id, "name": name or external_id}}
        data = self._json(self.http.request(
            "POST", "/api/v2/organizations/create_or_update.json", json_body=body))
        org_id = int(data["organization"]["id"])
        with self._cache_lock:
            self._org_cache[external_id] = org_id
        return org_id

    def ensure_user(self, email: str, organization_id: int | None) -> int:
        """An end user for a customer contact (create or update by e-mail), in the organization."""
        key = (email.lower(), organization_id)
        with self._cache_lock:
            cached = self._user_cache.get(key)
        if cached is not None:
            return cached
        user: dict[str, Any] = {"email": email, "name": email.split("@")[0], "role": "end-user"}
        if organization_id is not None:
            user["organization_id"] = organization_id
        data = self._json(self.http.request(
            "POST", "/api/v2/users/create_or_update.json", json_body={"user": user}))
        user_id = int(data["user"]["id"])
        with self._cache_lock:
            self._user_cache[key] = user_id
        return user_id

    def upload(self, attachment: DraftAttachment) -> str:
        """Upload a file; the token goes into the comment that attaches it."""
        data = self._json(self.http.request(
            "POST", "/api/v2/uploads.json", params={"filename": attachment.filename},
            content=attachment.data, headers={"Content-Type": attachment.content_type or "application/binary"},
        ))
        return str(data["upload"]["token"])

    def custom_fields(self, draft: TicketDraft) -> list[dict[str, Any]]:
        return [{"id": self.field_ids[key], "value": draft.fields[key]}
                for key in FIELD_KEYS if key in self.field_ids and draft.fields.get(key)]

    def _comment(self, step: Step) -> dict[str, Any]:
        comment: dict[str, Any] = {"body": step.body, "public": step.public}
        uploads = [self.upload(a) for a in step.attachments]
        if uploads:
            comment["uploads"] = uploads
        return comment

    # ------------------------------------------------------------------ the upsert

    def _upsert_once(self, draft: TicketDraft) -> TicketRef | None:
        steps = comment_steps(draft)
        tickets = self.find_by_thread(draft.thread_key)
        for ticket in tickets:
            tags = set(ticket.get("tags") or ())
            done = [s for s in steps if _tag(s) in tags]
            if len(done) == len(steps):
                return TicketRef(str(ticket["id"]), created=False, commented=False)
            if done:  # a retry after the first step of this delivery landed here
                if not self._write_steps(draft, ticket, [s for s in steps if _tag(s) not in tags]):
                    return None
                return TicketRef(str(ticket["id"]), created=False, commented=True)
        target = self._pick_open(tickets, draft.reopen)
        if target is not None:
            if not self._write_steps(draft, target, steps):
                return None
            return TicketRef(str(target["id"]), created=False, commented=True)
        followup = tickets[-1] if tickets else None
        created = self._create(draft, steps[0], followup)
        if created is None:
            return None
        if len(steps) > 1 and not self._write_steps(draft, created, steps[1:]):
            return None
        return TicketRef(str(created["id"]), created=True, commented=True)

    @staticmethod
    def _pick_open(tickets: list[dict[str, Any]], reopen: bool) -> dict[str, Any] | None:
        if not tickets:
            return None
        newest = tickets[-1]
        status = newest.get("status")
        if status not in CLOSED_STATUSES or (reopen and status == "solved"):
            return newest
        return None

    def _priority(self, draft: TicketDraft, current: str | None = None) -> str | None:
        wanted = PRIORITY.get(draft.severity, "normal")
        if current and PRIORITY_RANK.get(current, 0) >= PRIORITY_RANK[wanted]:
            return None
        return wanted

    def _create(self, draft: TicketDraft, first: Step, followup: dict[str, Any] | None) -> dict[str, Any] | None:
        ticket: dict[str, Any] = {
            "subject": draft.subject[:250] or "(no subject)",
            "external_id": draft.thread_key,
            "priority": self._priority(draft),
            "tags": sorted({clean_tag(t) for t in (*draft.tags, "rootmail") if clean_tag(t)} | {_tag(first)}),
        }
        fields = self.custom_fields(draft)
        if fields:
            ticket["custom_fields"] = fields
        followup_id: int | None = None
        if followup is not None:
            followup_id = int(followup["id"])
            if followup.get("status") == "closed":
                ticket["via_followup_source_id"] = followup_id
            ticket["tags"].append(f"rootmail_followup_of_{followup_id}")
        if draft.customer_id:
            org_id = self.ensure_organization(draft.customer_id, draft.customer_name)
            ticket["organization_id"] = org_id
            # only customer-visible tickets have the customer as requester: Zendesk mails requesters
            if draft.public and draft.customer_contacts:
                users = [self.ensure_user(email, org_id) for email in draft.customer_contacts]
                ticket["requester_id"] = users[0]
                if users[1:]:
                    ticket["email_ccs"] = [{"user_id": u, "action": "put"} for u in users[1:]]
        comment = self._comment(first)
        if followup_id is not None:
            comment["body"] = comment["body"] if first.public else (
                f"Follow-up of ticket #{followup_id} (solved or closed).\n\n{comment['body']}")
        ticket["comment"] = comment
        try:
            response = self.http.request(
                "POST", "/api/v2/tickets.json", json_body={"ticket": ticket},
                headers={"Idempotency-Key": idempotency_key(draft.thread_key, followup_id)},
            )
        except HelpdeskPermanentError as exc:
            if exc.error_code() == "IdempotentRequestError" or exc.status == 409:
                # another delivery of this thread created the ticket with this key: look again
                log.info("ticket_create_raced", thread=draft.thread_key[:24], request_id=exc.request_id)
                return None
            raise
        created = dict(self._json(response)["ticket"])
        if _tag(first) not in set(created.get("tags") or ()):
            # an idempotent replay of another delivery's create: comment on that ticket instead
            log.info("ticket_create_replayed", ticket_id=created.get("id"))
            return None
        log.info("ticket_created", ticket_id=created["id"], thread=draft.thread_key[:24])
        return created

    def _write_steps(self, draft: TicketDraft, ticket: dict[str, Any], steps: list[Step]) -> bool:
        """Each step is one PUT (comment + marker tag + fields); False when the ticket closed meanwhile."""
        ticket_id = int(ticket["id"])
        current_priority = ticket.get("priority")
        for step in steps:
            update: dict[str, Any] = {
                "comment": self._comment(step),
                "additional_tags": sorted({clean_tag(t) for t in draft.tags if clean_tag(t)} | {_tag(step)}),
            }
            fields = self.custom_fields(draft)
            if fields:
                update["custom_fields"] = fields
            priority = self._priority(draft, current_priority)
            if priority:
                update["priority"] = current_priority = priority
            if draft.reopen and ticket.get("status") == "solved":
                update["status"] = "open"
            try:
                self.http.request("PUT", f"/api/v2/tickets/{ticket_id}.json", json_body={"ticket": update})
            except HelpdeskPermanentError as exc:
                if exc.status == 422 and "closed" in exc.info.detail.lower():
                    log.info("ticket_closed_meanwhile", ticket_id=ticket_id)
                    return False
                raise
        log.info("ticket_updated", ticket_id=ticket_id, steps=len(steps))
        return True

    @staticmethod
    def _json(response: httpx.Response) -> dict[str, Any]:
        try:
            data = response.json()
        except ValueError as exc:
            info = ErrorInfo(response.request.method, response.request.url.path, response.status_code,
                             response.headers.get("x-zendesk-request-id"), "response is not JSON")
            raise HelpdeskTransientError(info, response=response) from exc
        if not isinstance(data, dict):
            info = ErrorInfo(response.request.method, response.request.url.path, response.status_code,
                             response.headers.get("x-zendesk-request-id"), "unexpected JSON shape")
            raise HelpdeskTransientError(info, response=response)
        return data
