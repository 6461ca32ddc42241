"""Zendesk Support as a helpdesk: one ticket per thread, exactly one write per delivery.

Owns the mapping of a :class:`TicketDraft` onto the Zendesk Ticketing API (v2): tickets keyed by
``external_id`` = thread key, organizations keyed by ``external_id`` = customer id, customer
contacts as requester and CCs, custom fields by configured field id, tags, internal notes vs
public comments (``html_body``), the original ``.eml`` as an upload on the internal note, the
route's due date, rule name and priority.

Only documented behaviour (https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/):

- Exactly once. A delivery becomes one or two comment *steps* (public drafts: the public comment,
  then the internal note; internal drafts: the internal note). Each step is a single ticket update
  that also sets ``tags`` to the ticket's tags plus a marker ``rm<step>_<delivery digest>``. On
  Update Ticket ``tags`` *replaces* the list (``additional_tags`` is documented for the bulk
  endpoints only), so the update carries ``safe_update: true`` and ``updated_stamp`` = the
  ticket's ``updated_at`` ("Protecting against ticket update collisions"): when anyone changed
  the ticket since we read it, Zendesk answers 409 and we read it again and retry, so a stale
  tag list can never erase another delivery's marker. Before writing, the client lists the
  thread's tickets (``GET /api/v2/tickets.json?external_id=``, which reads the database, unlike
  search, whose index lags) and skips every step whose marker is already on a ticket.
- Creation sends ``Idempotency-Key`` = hash(thread key, follow-up source), the same for every
  delivery of the thread: a create whose response was lost is replayed, not repeated.
- Organizations are *adopted*, never duplicated: by ``external_id`` (the customer id), else by
  exact name (then the external id is set on it), or by the Zendesk id the directory gives
  (``organization_ids``). Users are looked up by e-mail and *never modified* (no rename, no role,
  no organization change); new ones get the contact's name and ``skip_verify_email``. Their ids
  are cached (a day); the directory sync and the worker's start resolve them ahead of mail
  (:mod:`ticketing.helpdesk.zendesk_directory`), so a customer's first message makes no such request.
- A ticket carries its organization only through its requester (Zendesk keeps ``organization_id``
  only when the requester is a member). Internal tickets have as requester a per-customer
  placeholder end user *without an e-mail address* (external id ``rootmail-customer:<id>``, a
  member of the organization), so nobody is notified. Before the first customer-visible comment
  the requester becomes the first contact that is a member of the organization, and the other
  contacts CCs, in the same update as the comment.
- Rate limits (https://developer.zendesk.com/api-reference/introduction/rate-limits/): Update
  Ticket allows 30 updates per ticket per 10 minutes; such a 429 (the account still has
  ``X-Rate-Limit-Remaining``) goes up with its ``Retry-After`` for that message only and does not
  pause the shared limiter. Plans: Team 200, Growth/Professional 400, Enterprise 700 requests per
  minute (set ``ROOTMAIL_ZENDESK_RATE_LIMIT`` below the plan's limit).
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Callable, Iterator, Mapping
from email.utils import parseaddr
from typing import Any

import httpx
import structlog
from pydantic import SecretStr

from ticketing.draft import DraftAttachment, TicketDraft, TicketRef
from ticketing.errors import PermanentError, TransientError
from ticketing.helpdesk.cache import MemoryTicketCache, TicketCache
from ticketing.helpdesk.http import (
    DEFAULT_TIMEOUT,
    MIN_REQUEST_SECONDS,
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
_URL = re.compile(r"https?://[^\s<>\"']+[^\s<>\"'.,;:!?)\]]")
#: attempts of one step when the ticket keeps changing under us (409 UpdateConflict)
CONFLICT_ATTEMPTS = 4


def to_html(text: str) -> str:
    """``html_body`` for ``text``: every character escaped (no Markdown: dashes, underscores and
    ``>`` stay literal), line breaks kept, and URLs as explicit links."""
    out: list[str] = []
    last = 0
    for m in _URL.finditer(text):
        out.append(html.escape(text[last:m.start()], quote=False))
        url = html.escape(m.group(0), quote=True)
        out.append(f'<a href="{url}" rel="noopener noreferrer">{url}</a>')
        last = m.end()
    out.append(html.escape(text[last:], quote=False))
    return "".join(out).replace("\r\n", "\n").replace("\n", "<br>")


def due_at(due: str) -> str:
    """Zendesk ``due_at`` (ISO 8601) for a route's due: a date becomes its 00:00 UTC."""
    return f"{due}T00:00:00Z" if len(due) == 10 else due


def marker_tag(step: str, delivery_id: str) -> str:
    """The tag a comment step leaves on its ticket: ``rmp_…`` public comment, ``rmn_…`` note."""
    return f"rm{step}_{delivery_digest(delivery_id)}"


def _tag(step: Step) -> str:
    return f"rm{step.name}_{step.digest}"


def clean_tag(tag: str) -> str:
    """Zendesk tags: lower case, no spaces."""
    return _TAG_BAD.sub("_", tag.strip().lower()).strip("_")[:80]


def contact_email(contact: str) -> str:
    """The e-mail address of a directory contact (``Name <addr>`` or ``addr``), lower case."""
    return (parseaddr(contact)[1] or contact).strip().lower()


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
        organization_ids: Mapping[str, int] | Callable[[], Mapping[str, int]] | None = None,
        limiter: RateLimiter | None = None,
        lock: ThreadLock | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] | None = None,
        cache: TicketCache | None = None,
        link_originals: bool = True,
        budget: float | None = None,
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
        #: customer id → Zendesk organization id, from the directory (``zendesk_organization_id``)
        #: (a callable: read on every use, e.g. the directory as it is reloaded)
        self._organization_ids = organization_ids
        self.lock = lock or process_thread_lock()
        #: seconds one upsert may wait in all (lock, limiter, requests, retries); None: no bound
        self.budget = budget
        #: thread → ticket, delivery pending/done, organization/user ids (shared through Redis)
        #: (without a shared cache: ids only, every delivery looks its thread up)
        self.cache: TicketCache = cache if cache is not None else MemoryTicketCache(threads=False)
        #: the original .eml named in the note (where rootmail keeps it) instead of uploaded
        self.link_originals = link_originals

    def close(self) -> None:
        self.http.close()

    def organization_ids(self) -> Mapping[str, int]:
        """Customer id → Zendesk organization id given by the directory."""
        given = self._organization_ids
        if callable(given):
            try:
                return given()
            except ValueError as exc:  # a directory that cannot be read: adopt by external id / name
                log.warning("directory_unavailable", error=str(exc)[:200])
                return {}
        return given or {}

    # ------------------------------------------------------------------ the protocol

    def upsert(self, draft: TicketDraft) -> TicketRef:
        digest = delivery_digest(draft.delivery_id)
        state = self.cache.delivery(digest)
        if state and state.startswith("done:"):
            return TicketRef(state.removeprefix("done:"), created=False, commented=False)
        with self.http.budget(self.budget):
            return self._upsert_locked(draft, digest, state)

    def _upsert_locked(self, draft: TicketDraft, digest: str, state: str | None) -> TicketRef:
        with self.lock(draft.thread_key):
            self.http.check_time(MIN_REQUEST_SECONDS, "the writes after the thread lock")
            if state is None:  # no doubt about this delivery: the cached ticket, if any
                ref = self._upsert_cached(draft, digest)
                if ref is not None:
                    return ref
            for _ in range(3):
                self.cache.mark_pending(digest)
                ref = self._upsert_once(draft)
                if ref is not None:
                    self.cache.mark_done(digest, ref.ticket_id)
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
            ticket = self._show(int(ticket_id))
        except HelpdeskPermanentError as exc:
            if exc.status == 404:
                return None
            raise
        except ValueError:
            return None
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

    def _show(self, ticket_id: int) -> dict[str, Any]:
        ticket = dict(self._json(self.http.request("GET", f"/api/v2/tickets/{ticket_id}.json"))["ticket"])
        ticket["id"] = str(ticket["id"])
        return ticket

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
        """The customer's organization: the directory's Zendesk id, else the one whose external id
        is the customer id, else the one with exactly this name (adopted: its external id is set),
        else a new one. Never a second organization of the same name."""
        given = self.organization_ids().get(external_id)
        if given:
            return int(given)
        cached = self.cache.get_id("org", external_id)
        if cached is not None:
            return cached
        org_id = self._find_or_adopt_org(external_id, name)
        self.cache.set_id("org", external_id, org_id)
        return org_id

    def _find_or_adopt_org(self, external_id: str, name: str | None) -> int:
        # https://developer.zendesk.com/api-reference/ticketing/organizations/organizations/
        # (Search Organizations: external_id or name, exact; names are unique)
        found = self._json(self.http.request("GET", "/api/v2/organizations/search.json",
                                             params={"external_id": external_id})).get("organizations") or []
        if found:
            return int(found[0]["id"])
        display = name or external_id
        named = self._json(self.http.request("GET", "/api/v2/organizations/search.json",
                                             params={"name": display})).get("organizations") or []
        exact = [o for o in named if str(o.get("name", "")).casefold() == display.casefold()]
        if exact:
            org = exact[0]
            if org.get("external_id") and str(org["external_id"]).casefold() != external_id.casefold():
                raise PermanentError(
                    f"zendesk: the organization named {display!r} (id {org['id']}) belongs to external id "
                    f"{org['external_id']!r}, not customer {external_id!r}; give the customer "
                    "zendesk_organization_id in the directory, or rename one of them")
            self.http.request("PUT", f"/api/v2/organizations/{int(org['id'])}.json",
                              json_body={"organization": {"external_id": external_id}})
            log.info("organization_adopted", organization_id=org["id"], customer=external_id)
            return int(org["id"])
        try:
            data = self._json(self.http.request(
                "POST", "/api/v2/organizations.json",
                json_body={"organization": {"external_id": external_id, "name": display}}))
        except HelpdeskPermanentError as exc:
            if exc.status == 422 and "taken" in exc.info.detail.lower():
                # another worker created it between our search and our create: look again later
                raise TransientError(f"zendesk: organization {display!r} is being created", retry_after=1.0) from exc
            raise
        return int(data["organization"]["id"])

    def ensure_user(self, contact: str, organization_id: int | None) -> tuple[int, int | None]:
        """(id, organization id) of the user with the contact's e-mail. An existing user is used as
        it is; a new one is an end user with the directory's name, in the organization, created
        with ``skip_verify_email`` (no verification mail)."""
        display, email = parseaddr(contact)
        email = contact_email(contact)
        cached = self.cache.get_id("user", email)
        cached_org = self.cache.get_id("user_org", email)
        if cached is not None and cached_org is not None:
            return cached, cached_org or None
        found = self._json(self.http.request("GET", "/api/v2/users/search.json",
                                             params={"query": f"email:{email}"})).get("users") or []
        found = [u for u in found if str(u.get("email") or "").lower() == email]
        if found:
            user = found[0]
        else:
            new: dict[str, Any] = {"email": email, "name": display or email.split("@")[0],
                                   "role": "end-user", "skip_verify_email": True}
            if organization_id is not None:
                new["organization_id"] = organization_id
            user = self._create_user(new, f"user {email}")
        result = (int(user["id"]), int(user["organization_id"]) if user.get("organization_id") else None)
        self.cache.set_id("user", email, result[0])
        self.cache.set_id("user_org", email, result[1] or 0)  # 0: in no organization
        return result

    def ensure_placeholder(self, customer_id: str, name: str | None, organization_id: int) -> int:
        """The customer's requester for internal tickets: an end user without e-mail (nobody can be
        notified), member of the organization, external id ``rootmail-customer:<id>``."""
        cached = self.cache.get_id("placeholder", customer_id)
        if cached is not None:
            return cached
        external_id = f"rootmail-customer:{customer_id}"
        found = self._json(self.http.request("GET", "/api/v2/users/search.json",
                                             params={"external_id": external_id})).get("users") or []
        user = found[0] if found else self._create_user(
            {"name": f"{name or customer_id} (rootmail)", "external_id": external_id, "role": "end-user",
             "organization_id": organization_id}, f"placeholder of {customer_id}")
        self.cache.set_id("placeholder", customer_id, int(user["id"]))
        return int(user["id"])

    def _create_user(self, user: dict[str, Any], what: str) -> dict[str, Any]:
        try:
            data = self._json(self.http.request("POST", "/api/v2/users.json", json_body={"user": user}))
        except HelpdeskPermanentError as exc:
            if exc.status == 422 and ("already" in exc.info.detail.lower() or "taken" in exc.info.detail.lower()):
                # created meanwhile (another worker), or not yet in the search index: retry later
                raise TransientError(f"zendesk: {what} exists but was not found yet", retry_after=2.0) from exc
            raise
        return dict(data["user"])

    def upload(self, attachment: DraftAttachment) -> str:
        """Upload a file; the token goes into the comment that attaches it."""
        data = self._json(self.http.request(
            "POST", "/api/v2/uploads.json", params={"filename": attachment.filename},
            content=attachment.data, headers={"Content-Type": attachment.content_type or "application/binary"},
        ))
        return str(data["upload"]["token"])

    def custom_fields(self, draft: TicketDraft) -> list[dict[str, Any]]:
        values = dict(draft.fields)
        if draft.rule:
            values.setdefault("rule", draft.rule)
        if draft.due:
            values["due"] = draft.due
        return [{"id": self.field_ids[key], "value": values[key]}
                for key in (*FIELD_KEYS, "rule", "due") if key in self.field_ids and values.get(key)]

    def _comment(self, step: Step) -> dict[str, Any]:
        # html_body: what the engineer reads is what we rendered (body would be Markdown)
        # https://developer.zendesk.com/api-reference/ticketing/tickets/ticket_comments/
        comment: dict[str, Any] = {"html_body": to_html(step.body), "public": step.public}
        uploads = [self.upload(a) for a in step.attachments]
        if uploads:
            comment["uploads"] = uploads
        return comment

    def _draft_tags(self, draft: TicketDraft) -> set[str]:
        tags = {clean_tag(t) for t in (*draft.tags, "rootmail") if clean_tag(t)}
        if draft.rule:
            tags.add(clean_tag(f"rule_{draft.rule}"))
        return tags

    def _routing(self, draft: TicketDraft) -> dict[str, Any]:
        """Due date (``due_at`` on a ``task``, or the configured date field) of the route."""
        if draft.due and "due" not in self.field_ids:
            return {"type": "task", "due_at": due_at(draft.due)}
        return {}

    def _people(self, draft: TicketDraft, public: bool) -> dict[str, Any]:
        """Requester, CCs and organization for the draft (see the module docstring)."""
        if not draft.customer_id:
            return {}
        org_id = self.ensure_organization(draft.customer_id, draft.customer_name)
        people: dict[str, Any] = {"organization_id": org_id}
        requester: int | None = None
        ccs: list[int] = []
        if public and draft.customer_contacts:
            for contact in draft.customer_contacts:
                user_id, user_org = self.ensure_user(contact, org_id)
                if requester is None and user_org == org_id:
                    requester = user_id
                else:
                    ccs.append(user_id)
        if requester is None:
            requester = self.ensure_placeholder(draft.customer_id, draft.customer_name, org_id)
        people["requester_id"] = requester
        if ccs:
            people["email_ccs"] = [{"user_id": u, "action": "put"} for u in ccs]
        return people

    # ------------------------------------------------------------------ the upsert

    def _steps(self, draft: TicketDraft) -> list[Step]:
        return comment_steps(draft, link_originals=self.link_originals)

    def _upsert_cached(self, draft: TicketDraft, digest: str) -> TicketRef | None:
        """The fast path: one PUT on the thread's cached ticket (``safe_update`` guards a stale
        entry). None: no usable entry, or any doubt on the way — take the full lookup path."""
        ticket = self.cache.ticket(draft.thread_key)
        if ticket is None or ticket.get("status") in CLOSED_STATUSES or not ticket.get("updated_at"):
            return None
        steps = self._steps(draft)
        tags = set(ticket.get("tags") or ())
        if any(_tag(s) in tags for s in steps):
            return None  # this delivery wrote there already: let the full path sort it out
        if not self.cache.mark_pending(digest):
            return None
        try:
            written = self._write_steps(draft, ticket, steps, fresh_only=True)
        except HelpdeskPermanentError as exc:
            if exc.status != 404:
                raise
            written = None  # deleted or merged away
        if written is None:
            self.cache.forget(draft.thread_key)
            return None  # pending stays: the full path looks before it writes
        self.cache.remember(draft.thread_key, written)
        self.cache.mark_done(digest, str(written["id"]))
        return TicketRef(str(written["id"]), created=False, commented=True)

    def _upsert_once(self, draft: TicketDraft) -> TicketRef | None:
        """One look-then-write pass; None when a race was seen (the caller looks again)."""
        steps = self._steps(draft)
        tickets = self.find_by_thread(draft.thread_key)
        for ticket in tickets:
            tags = set(ticket.get("tags") or ())
            if any(_tag(s) in tags for s in steps):  # this delivery (or a part of it) landed here
                return self._finish_delivery(draft, ticket, steps, newest=ticket is tickets[-1])
        target = self._pick_open(tickets, draft.reopen)
        if target is not None:
            written = self._write_steps(draft, target, steps)
            if written is None:
                return None
            self.cache.remember(draft.thread_key, written)
            return TicketRef(str(target["id"]), created=False, commented=True)
        return self._create_with_steps(draft, steps, tickets[-1] if tickets else None)

    def _finish_delivery(self, draft: TicketDraft, ticket: dict[str, Any], steps: list[Step], *,
                         newest: bool) -> TicketRef | None:
        """A retry after some steps of this delivery landed on ``ticket``: write the rest (if any)."""
        tags = set(ticket.get("tags") or ())
        remaining = [s for s in steps if _tag(s) not in tags]
        if not remaining:
            if newest:
                self.cache.remember(draft.thread_key, ticket)
            return TicketRef(str(ticket["id"]), created=False, commented=False)
        written = self._write_steps(draft, ticket, remaining)
        if written is None:
            return None
        if newest:
            self.cache.remember(draft.thread_key, written)
        return TicketRef(str(ticket["id"]), created=False, commented=True)

    def _create_with_steps(self, draft: TicketDraft, steps: list[Step],
                           followup: dict[str, Any] | None) -> TicketRef | None:
        """A new ticket with the first step, then the other steps as updates."""
        created = self._create(draft, steps[0], followup)
        if created is None:
            return None
        if len(steps) > 1:
            written = self._write_steps(draft, created, steps[1:])
            if written is None:
                return None
            created = written
        self.cache.remember(draft.thread_key, created)
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
            "tags": sorted(self._draft_tags(draft) | {_tag(first)}),
            **self._routing(draft),
            **self._people(draft, first.public),
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
        comment = self._comment(first)
        if followup_id is not None and not first.public:  # internal wording only: never to customers
            comment["html_body"] = (f"Follow-up of ticket #{followup_id} (solved or closed).<br><br>"
                                    + comment["html_body"])
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

    def _step_update(self, draft: TicketDraft, ticket: dict[str, Any], step: Step,
                     comment: dict[str, Any]) -> dict[str, Any]:
        update: dict[str, Any] = {
            "comment": comment,
            # Update Ticket: tags replaces the list; safe_update makes a stale list a 409
            "tags": sorted(set(ticket.get("tags") or ()) | self._draft_tags(draft) | {_tag(step)}),
            "safe_update": True,
            "updated_stamp": ticket.get("updated_at"),
            **self._routing(draft),
        }
        fields = self.custom_fields(draft)
        if fields:
            update["custom_fields"] = fields
        priority = self._priority(draft, ticket.get("priority"))
        if priority:
            update["priority"] = priority
        if draft.reopen and ticket.get("status") == "solved":
            update["status"] = "open"
        if step.public:  # the customer must be requester or CC before the comment is added
            people = self._people(draft, True)
            if people.get("requester_id") == ticket.get("requester_id"):
                people.pop("requester_id")
            present = set(ticket.get("email_cc_ids") or ())
            ccs = [c for c in people.pop("email_ccs", []) if c["user_id"] not in present]
            if ccs:
                people["email_ccs"] = ccs
            update.update(people)
        return update

    def _write_steps(self, draft: TicketDraft, ticket: dict[str, Any], steps: list[Step], *,
                     fresh_only: bool = False) -> dict[str, Any] | None:
        """Each step is one PUT (comment + marker tag + fields); the ticket as the last answer
        showed it, or None when the ticket closed meanwhile. ``fresh_only`` (the cached ticket):
        None as well when the re-read after a conflict shows this delivery's marker or a solved
        ticket, so that the full path decides."""
        ticket_id = int(ticket["id"])
        for step in steps:
            written = self._write_step(draft, ticket_id, ticket, step, fresh_only=fresh_only)
            if written is None:
                return None
            ticket = written
        log.info("ticket_updated", ticket_id=ticket_id, steps=len(steps))
        return ticket

    def _write_step(self, draft: TicketDraft, ticket_id: int, ticket: dict[str, Any], step: Step, *,
                    fresh_only: bool) -> dict[str, Any] | None:
        """One step's PUT, re-read and retried on a 409 (safe_update); see :meth:`_write_steps`."""
        comment = self._comment(step)  # uploads once; the token is reused after a conflict
        for _ in range(CONFLICT_ATTEMPTS):
            update = self._step_update(draft, ticket, step, comment)
            try:
                response = self.http.request("PUT", f"/api/v2/tickets/{ticket_id}.json",
                                             json_body={"ticket": update})
            except HelpdeskTransientError as exc:
                if exc.status != 409:
                    raise
                log.info("ticket_update_conflict", ticket_id=ticket_id, request_id=exc.request_id)
                ticket = self._show(ticket_id)
                landed = _tag(step) in set(ticket.get("tags") or ())
                if fresh_only and (landed or ticket.get("status") in CLOSED_STATUSES):
                    return None
                if landed:
                    return ticket
                if ticket.get("status") == "closed":
                    return None
                continue
            except HelpdeskPermanentError as exc:
                if exc.status == 422 and "closed" in exc.info.detail.lower():
                    log.info("ticket_closed_meanwhile", ticket_id=ticket_id)
                    return None
                raise
            return dict(self._json(response)["ticket"])
        raise TransientError(f"zendesk: ticket {ticket_id} kept changing under the update", retry_after=1.0)

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
