"""A local Zendesk: the Ticketing API endpoints rootmail uses, over a real socket.

Implements, with Zendesk's documented semantics as far as rootmail depends on them:

- ``POST /api/v2/tickets.json`` (201; ``Idempotency-Key``: same key and payload → the stored
  response with ``x-idempotency-lookup: hit``; same key, other payload → 400
  ``IdempotentRequestError``; keys expire after ``idempotency_ttl``), ``GET``/``PUT
  /api/v2/tickets/{id}.json`` (a closed ticket → 422), ``GET /api/v2/tickets.json?external_id=``
  (offset pagination, ``next_page``), ``GET /api/v2/tickets/{id}/comments.json`` (cursor
  pagination ``page[size]``/``page[after]``, ``meta.has_more``, ``links.next``; offset without
  ``page[size]``), ``GET /api/v2/search.json?query=type:ticket external_id:…``,
  ``POST /api/v2/organizations/create_or_update.json``, ``GET
  /api/v2/organizations/search.json?external_id=``, ``POST /api/v2/users/create_or_update.json``,
  ``POST /api/v2/uploads.json?filename=``.
- API-token basic auth (``{email}/token:{token}``), 401 otherwise; ``X-Zendesk-Request-Id``.

The documented constraints a real account enforces, so that tests fail where a real account would
(Tickets API: https://developer.zendesk.com/api-reference/ticketing/tickets/tickets/ ; Rate limits:
https://developer.zendesk.com/api-reference/introduction/rate-limits/ ; Organizations and Users:
https://developer.zendesk.com/api-reference/ticketing/organizations/organizations/ ,
https://developer.zendesk.com/api-reference/ticketing/users/users/):

- Update Ticket: ``tags`` *replaces* the ticket's tags; ``additional_tags``/``remove_tags`` are
  documented for Update Many Tickets only and are ignored on a single update. ``safe_update: true``
  with an ``updated_stamp`` that is not the ticket's ``updated_at`` → 409 ``UpdateConflict``
  ("Protecting against ticket update collisions"). The fake's ``updated_at`` moves forward by at
  least one second on every write, so a stale stamp is always detected (stricter than Zendesk,
  whose stamps have one-second resolution).
- ``organization_id`` is kept only when the ticket's requester is a member of that organization
  (the requester defaults to the API user, who is a member of none): otherwise the link is dropped,
  as observed on real accounts.
- Organization names are unique (case-insensitive): creating one whose name exists → 422
  ``DuplicateValue`` (also through ``create_or_update`` when no ``external_id`` matches).
- ``users/create_or_update`` *updates* an existing user (name, role, organization): the fake does
  what Zendesk does, and ``user_changes`` records every change to a user who existed before, so
  tests can assert nobody was renamed, demoted or moved. A user created with an e-mail and without
  ``skip_verify_email`` counts a verification mail (``verification_mails``).
- Update Ticket: 30 updates per ticket per 10 minutes (``ticket_update_limit``/``…_window``) →
  429 with ``Retry-After``, and ``X-Rate-Limit``/``X-Rate-Limit-Remaining`` on every answer (the
  account still has capacity on a per-ticket 429: only that ticket must wait).
- ``due_at`` only on tickets of ``type: task`` (422 otherwise). ``html_body`` comments: ``body``
  is derived as the plain text (tags stripped, entities decoded), as Zendesk shows it.
- A public comment is *delivered* to the ticket's requester and CCs as they are after the update
  that adds it (``deliveries``); the API user and users without e-mail receive nothing.
- Fault injection, per request, from a seeded RNG or a script: ``500``, ``429`` with
  ``Retry-After``, ``slow`` (commit, answer after ``slow_delay``: the client times out), ``drop``
  (commit, then close the connection without an answer: the classic lost response), latency, and
  a server-side rate limit of N requests per minute answered with 429 + ``Retry-After``.
"""

from __future__ import annotations

import base64
import hashlib
import itertools
import json
import math
import random
import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from html import unescape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlencode, urlsplit


@dataclass
class Faults:
    """Share of requests that fail, and how. ``writes_only`` spares GETs."""

    error_rate: float = 0.0
    throttle_rate: float = 0.0
    retry_after: float = 1.0
    slow_rate: float = 0.0
    slow_delay: float = 1.0
    drop_rate: float = 0.0
    latency: float = 0.0
    writes_only: bool = False
    seed: int = 0


@dataclass
class Scripted:
    kind: str  # "500" | "429" | "slow" | "drop"
    method: str | None
    path: str | None
    remaining: int


@dataclass
class RequestRecord:
    method: str
    path: str
    status: int | None  # None: dropped
    fault: str | None
    at: float


@dataclass
class _State:
    tickets: dict[int, dict[str, Any]] = field(default_factory=dict)
    comments: dict[int, list[dict[str, Any]]] = field(default_factory=dict)
    organizations: dict[int, dict[str, Any]] = field(default_factory=dict)
    users: dict[int, dict[str, Any]] = field(default_factory=dict)
    uploads: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    idempotency: dict[str, tuple[str, float, int, bytes]] = field(default_factory=dict)
    ticket_updates: dict[int, deque[float]] = field(default_factory=dict)
    user_changes: list[tuple[int, str, Any, Any]] = field(default_factory=list)
    verification_mails: list[str] = field(default_factory=list)
    deliveries: list[tuple[int, int, int]] = field(default_factory=list)  # (ticket, comment, user)
    ticket_fields: dict[int, dict[str, Any]] = field(default_factory=dict)


class _Drop(Exception):
    """Close the connection without a response (after the write committed)."""


def _now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


_TAG = re.compile(r"<[^>]*>")
_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)


def html_to_text(html: str) -> str:
    """The plain text of an ``html_body`` (what Zendesk shows as ``body``/``plain_body``)."""
    return unescape(_TAG.sub("", _BR.sub("\n", html)))


class FakeZendesk:
    """``with FakeZendesk() as zd: zd.url`` — a threaded server on 127.0.0.1:<ephemeral>."""

    def __init__(
        self,
        *,
        email: str = "agent@example.com",
        token: str = "test-token",
        faults: Faults | None = None,
        rate_limit: int | None = None,
        rate_burst_seconds: float = 1.0,
        idempotency_ttl: float = 7200.0,
        known_field_ids: set[int] | None = None,
        page_size_max: int = 100,
        ticket_update_limit: int = 30,
        ticket_update_window: float = 600.0,
    ) -> None:
        self.email = email
        self.token = token
        self.faults = faults or Faults()
        self.rate_limit = rate_limit
        self.rate_burst = max(1.0, (rate_limit or 0) / 60.0 * rate_burst_seconds)
        self.idempotency_ttl = idempotency_ttl
        self.known_field_ids = known_field_ids
        self.page_size_max = page_size_max
        self.ticket_update_limit = ticket_update_limit
        self.ticket_update_window = ticket_update_window
        self.state = _State()
        self.lock = threading.RLock()
        self.rng = random.Random(self.faults.seed)
        self.script: deque[Scripted] = deque()
        self.hooks: list[tuple[str, str, Callable[[], None]]] = []
        self.log: list[RequestRecord] = []
        self._ids = itertools.count(1)
        self.agent_id = self._next_id()  # the API user (an agent), id 1
        self.state.users[self.agent_id] = {"id": self.agent_id, "email": email.lower(), "name": "API agent",
                                           "role": "admin", "organization_id": None, "external_id": None}
        for field_id in sorted(known_field_ids or ()):
            self.state.ticket_fields[field_id] = {"id": field_id, "title": f"field {field_id}", "type": "text",
                                                  "active": True}
        self._bucket = self.rate_burst
        self._bucket_ts = time.monotonic()
        self.server: ThreadingHTTPServer | None = None
        self.thread: threading.Thread | None = None

    # ------------------------------------------------------------------ lifecycle

    def start(self) -> FakeZendesk:
        fake = self

        class Handler(_Handler):
            zendesk = fake

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.request_queue_size = 128
        self.thread = threading.Thread(target=self.server.serve_forever, name="fake-zendesk", daemon=True)
        self.thread.start()
        return self

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def __enter__(self) -> FakeZendesk:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self.server is not None, "server not started"
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}"

    # ------------------------------------------------------------------ test helpers

    def fail_next(self, kind: str, *, method: str | None = None, path: str | None = None,
                  count: int = 1) -> None:
        """The next ``count`` matching requests fail with ``kind`` (500, 429, slow, drop)."""
        with self.lock:
            self.script.append(Scripted(kind, method, path, count))

    def tickets(self) -> list[dict[str, Any]]:
        with self.lock:
            return [json.loads(json.dumps(t)) for t in self.state.tickets.values()]

    def comments(self, ticket_id: int | str) -> list[dict[str, Any]]:
        with self.lock:
            copied: list[dict[str, Any]] = json.loads(json.dumps(self.state.comments.get(int(ticket_id), [])))
            return copied

    def set_status(self, ticket_id: int | str, status: str) -> None:
        with self.lock:
            self.state.tickets[int(ticket_id)]["status"] = status

    def add_organization(self, name: str, external_id: str | None = None) -> int:
        """An organization made by hand in the Zendesk UI (no external id unless given)."""
        with self.lock:
            org_id = self._next_id()
            self.state.organizations[org_id] = {"id": org_id, "name": name, "external_id": external_id,
                                                "created_at": _now_iso()}
            return org_id

    def add_user(self, email: str, name: str, role: str = "end-user", organization_id: int | None = None) -> int:
        """A user that exists before rootmail runs (an agent, a named customer contact)."""
        with self.lock:
            user_id = self._next_id()
            self.state.users[user_id] = {"id": user_id, "email": email.lower(), "name": name, "role": role,
                                         "organization_id": organization_id, "external_id": None}
            return user_id

    def after_next(self, method: str, path_prefix: str, action: Callable[[], None]) -> None:
        """Run ``action`` once, right after the next matching request was handled (interleavings)."""
        with self.lock:
            self.hooks.append((method, path_prefix, action))

    def _run_hooks(self, method: str, path: str) -> None:
        with self.lock:
            due = [h for h in self.hooks if h[0] == method and path.startswith(h[1])][:1]
            for hook in due:
                self.hooks.remove(hook)
        for _, _, action in due:
            action()

    def touch(self, ticket_id: int | str) -> None:
        """Someone else (an agent) updated the ticket: its ``updated_at`` moves on."""
        with self.lock:
            self._bump(self.state.tickets[int(ticket_id)])

    def delivered_to(self, ticket_id: int | str) -> set[str]:
        """E-mail addresses that received a public comment of the ticket."""
        with self.lock:
            return {self.state.users[u]["email"] for t, _, u in self.state.deliveries if t == int(ticket_id)}

    def requests(self, method: str | None = None, path_prefix: str = "") -> list[RequestRecord]:
        with self.lock:
            return [r for r in self.log
                    if (method is None or r.method == method) and r.path.startswith(path_prefix)]

    # ------------------------------------------------------------------ request handling

    def _pick_fault(self, method: str, path: str) -> str | None:
        with self.lock:
            for entry in list(self.script):
                if (entry.method is None or entry.method == method) and (entry.path is None or entry.path in path):
                    entry.remaining -= 1
                    if entry.remaining <= 0:
                        self.script.remove(entry)
                    return entry.kind
            f = self.faults
            if f.writes_only and method == "GET":
                return None
            roll = self.rng.random()
            for kind, rate in (("500", f.error_rate), ("429", f.throttle_rate), ("slow", f.slow_rate),
                               ("drop", f.drop_rate)):
                if roll < rate:
                    return kind
                roll -= rate
            return None

    def _rate_limited(self) -> float | None:
        """Seconds to wait when the server-side bucket is empty, else None (and take a token)."""
        if not self.rate_limit:
            return None
        with self.lock:
            now = time.monotonic()
            per_second = self.rate_limit / 60.0
            self._bucket = min(self.rate_burst, self._bucket + (now - self._bucket_ts) * per_second)
            self._bucket_ts = now
            if self._bucket >= 1.0:
                self._bucket -= 1.0
                return None
            return (1.0 - self._bucket) / per_second

    def _limit_headers(self) -> dict[str, str]:
        """``X-Rate-Limit`` (per minute) and ``X-Rate-Limit-Remaining`` of the account."""
        if not self.rate_limit:
            return {"X-Rate-Limit": "700", "X-Rate-Limit-Remaining": "700"}
        with self.lock:
            return {"X-Rate-Limit": str(self.rate_limit), "X-Rate-Limit-Remaining": str(int(self._bucket))}

    def _next_id(self) -> int:
        return next(self._ids)

    def dispatch(self, method: str, path: str, query: dict[str, list[str]], body: bytes,
                 headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        """Route one authenticated request; returns (status, extra headers, JSON body)."""
        q = {k: v[-1] for k, v in query.items()}
        m = re.fullmatch(r"/api/v2/tickets(?:\.json)?", path)
        if m and method == "POST":
            return self._create_ticket(body, headers)
        if m and method == "GET":
            return self._list_tickets(q)
        m = re.fullmatch(r"/api/v2/tickets/(\d+)(?:\.json)?", path)
        if m and method == "GET":
            return self._show_ticket(int(m.group(1)))
        if m and method == "PUT":
            return self._update_ticket(int(m.group(1)), body)
        m = re.fullmatch(r"/api/v2/tickets/(\d+)/comments(?:\.json)?", path)
        if m and method == "GET":
            return self._list_comments(int(m.group(1)), q)
        if re.fullmatch(r"/api/v2/search(?:\.json)?", path) and method == "GET":
            return self._search(q)
        if re.fullmatch(r"/api/v2/organizations/create_or_update(?:\.json)?", path) and method == "POST":
            return self._org_create_or_update(body)
        if re.fullmatch(r"/api/v2/organizations/search(?:\.json)?", path) and method == "GET":
            return self._org_search(q)
        if re.fullmatch(r"/api/v2/users/create_or_update(?:\.json)?", path) and method == "POST":
            return self._user_create_or_update(body)
        if re.fullmatch(r"/api/v2/users(?:\.json)?", path) and method == "POST":
            return self._user_create(body)
        if re.fullmatch(r"/api/v2/users/search(?:\.json)?", path) and method == "GET":
            return self._user_search(q)
        if re.fullmatch(r"/api/v2/organizations(?:\.json)?", path) and method == "POST":
            return self._org_create(body)
        m = re.fullmatch(r"/api/v2/organizations/(\d+)(?:\.json)?", path)
        if m and method == "GET":
            return self._org_show(int(m.group(1)))
        if m and method == "PUT":
            return self._org_update(int(m.group(1)), body)
        if re.fullmatch(r"/api/v2/users/me(?:\.json)?", path) and method == "GET":
            with self.lock:
                return 200, {}, {"user": dict(self.state.users[self.agent_id])}
        if re.fullmatch(r"/api/v2/ticket_fields(?:\.json)?", path) and method == "GET":
            with self.lock:
                fields = sorted(self.state.ticket_fields.values(), key=lambda f: f["id"])
            return 200, {}, self._offset_page("ticket_fields", fields, q, "/api/v2/ticket_fields.json")
        if re.fullmatch(r"/api/v2/ticket_fields(?:\.json)?", path) and method == "POST":
            return self._ticket_field_create(body)
        m = re.fullmatch(r"/api/v2/ticket_fields/(\d+)(?:\.json)?", path)
        if m and method == "GET":
            with self.lock:
                found = self.state.ticket_fields.get(int(m.group(1)))
            if found is None:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            return 200, {}, {"ticket_field": dict(found)}
        if re.fullmatch(r"/api/v2/uploads(?:\.json)?", path) and method == "POST":
            return self._upload(q, body, headers)
        return 404, {}, {"error": "InvalidEndpoint", "description": "Not found"}

    # ------------------------------------------------------------------ endpoints

    @staticmethod
    def _invalid(details: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        return 422, {}, {
            "error": "RecordInvalid", "description": "Record validation errors",
            "details": {k: [{"description": v}] for k, v in details.items()},
        }

    def _make_comment(self, ticket_id: int, comment: dict[str, Any], author_id: int) -> dict[str, Any] | str:
        html = comment.get("html_body")
        body = html_to_text(str(html)) if html else comment.get("body")
        if not body:
            return "Description: cannot be blank"
        attachments: list[dict[str, Any]] = []
        for token in comment.get("uploads") or []:
            if token not in self.state.uploads:
                return f"Uploads: token {token} is invalid"
            attachments.extend(self.state.uploads.pop(token))
        record = {
            "id": self._next_id(), "type": "Comment", "author_id": author_id, "body": str(body),
            "html_body": str(html) if html else None,
            "public": bool(comment.get("public", True)), "attachments": attachments,
            "created_at": _now_iso(), "created_ts": time.time(),
        }
        self.state.comments.setdefault(ticket_id, []).append(record)
        return record

    def _member(self, user_id: int | None, org_id: int | None) -> bool:
        user = self.state.users.get(int(user_id)) if user_id is not None else None
        return user is not None and org_id is not None and user.get("organization_id") == int(org_id)

    def _bump(self, ticket: dict[str, Any]) -> None:
        last = ticket.get("updated_ts", 0.0)
        ts = max(float(int(time.time())), last + 1.0)
        ticket["updated_ts"] = ts
        ticket["updated_at"] = _iso(ts)

    def _deliver(self, ticket: dict[str, Any], comment: dict[str, Any]) -> None:
        if not comment["public"]:
            return
        for user_id in [ticket["requester_id"], *ticket.get("email_cc_ids", [])]:
            user = self.state.users.get(int(user_id))
            if user and user.get("email") and user_id != self.agent_id:
                self.state.deliveries.append((ticket["id"], comment["id"], int(user_id)))

    def _check_due(self, ticket_in: dict[str, Any], current_type: str | None) -> str | None:
        kind = ticket_in.get("type", current_type)
        if ticket_in.get("due_at") and kind != "task":
            return "Due date: can only be set on tickets of type task"
        return None

    def _ticket_field_create(self, body: bytes) -> tuple[int, dict[str, str], Any]:
        field_in = dict(json.loads(body or b"{}").get("ticket_field") or {})
        if field_in.get("type") not in ("text", "date", "tagger", "integer", "checkbox", "textarea"):
            return self._invalid({"type": "Type: is invalid"})
        if not field_in.get("title"):
            return self._invalid({"title": "Title: cannot be blank"})
        with self.lock:
            field_id = self._next_id()
            record = {"id": field_id, "title": field_in["title"], "type": field_in["type"], "active": True}
            self.state.ticket_fields[field_id] = record
            if self.known_field_ids is not None:
                self.known_field_ids.add(field_id)
            return 201, {}, {"ticket_field": dict(record)}

    def _check_fields(self, ticket: dict[str, Any]) -> str | None:
        if self.known_field_ids is None:
            return None
        for item in ticket.get("custom_fields") or []:
            if int(item.get("id", 0)) not in self.known_field_ids:
                return f"Custom field {item.get('id')} is not a valid ticket field"
        return None

    def _create_ticket(self, body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        key = headers.get("idempotency-key")
        fingerprint = hashlib.sha256(body).hexdigest()
        with self.lock:
            now = time.time()
            if key:
                stored = self.state.idempotency.get(key)
                if stored and stored[1] > now:
                    if stored[0] != fingerprint:
                        return 400, {"x-idempotency-lookup": "hit"}, {
                            "error": "IdempotentRequestError",
                            "description": "Request parameters don't match the original request",
                        }
                    return stored[2], {"x-idempotency-lookup": "hit"}, json.loads(stored[3])
            try:
                data = json.loads(body or b"{}")
                ticket_in = dict(data["ticket"])
            except (ValueError, KeyError, TypeError):
                return 400, {}, {"error": "InvalidJSON", "description": "ticket is required"}
            problem = self._check_fields(ticket_in)
            followup = ticket_in.get("via_followup_source_id")
            if followup is not None:
                source = self.state.tickets.get(int(followup))
                if source is None or source["status"] != "closed":
                    problem = "via_followup_source_id: must be a closed ticket"
            requester_id = ticket_in.get("requester_id")
            if requester_id is not None and int(requester_id) not in self.state.users:
                problem = "Requester: is invalid"
            org_id = ticket_in.get("organization_id")
            if org_id is not None and int(org_id) not in self.state.organizations:
                problem = "Organization: is invalid"
            problem = problem or self._check_due(ticket_in, None)
            if problem:
                return self._invalid({"base": problem})
            requester = int(requester_id) if requester_id is not None else self.agent_id
            if not self._member(requester, org_id):
                org_id = None  # an organization the requester is not a member of is dropped
            ticket_id = self._next_id()
            comment = self._make_comment(ticket_id, dict(ticket_in.get("comment") or {}), 1)
            if isinstance(comment, str):
                return self._invalid({"base": comment})
            ccs = [int(c["user_id"]) for c in ticket_in.get("email_ccs") or [] if c.get("user_id")]
            ticket = {
                "id": ticket_id, "url": f"/api/v2/tickets/{ticket_id}.json",
                "external_id": ticket_in.get("external_id"), "subject": ticket_in.get("subject") or "",
                "status": ticket_in.get("status") or "new", "priority": ticket_in.get("priority"),
                "type": ticket_in.get("type"), "due_at": ticket_in.get("due_at"),
                "tags": sorted(set(ticket_in.get("tags") or [])),
                "custom_fields": list(ticket_in.get("custom_fields") or []),
                "requester_id": requester,
                "organization_id": org_id, "email_cc_ids": ccs,
                "via_followup_source_id": followup,
                "created_at": _now_iso(),
                "description": comment["body"],
            }
            self._bump(ticket)
            self.state.tickets[ticket_id] = ticket
            self._deliver(ticket, comment)
            response = {"ticket": ticket, "audit": {"id": self._next_id(), "ticket_id": ticket_id}}
            if key:
                self.state.idempotency[key] = (fingerprint, now + self.idempotency_ttl, 201,
                                               json.dumps(response).encode())
            return 201, {"x-idempotency-lookup": "miss"} if key else {}, response

    def _list_tickets(self, q: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            tickets = sorted(self.state.tickets.values(), key=lambda t: t["id"])
            if "external_id" in q:
                tickets = [t for t in tickets if t["external_id"] == q["external_id"]]
            return 200, {}, self._offset_page("tickets", tickets, q, "/api/v2/tickets.json")

    def _offset_page(self, name: str, items: list[dict[str, Any]], q: dict[str, str], path: str) -> dict[str, Any]:
        per_page = max(1, min(self.page_size_max, int(q.get("per_page", 100))))
        page = max(1, int(q.get("page", 1)))
        chunk = items[(page - 1) * per_page: page * per_page]
        more = page * per_page < len(items)
        next_q = {k: v for k, v in q.items() if k != "page"} | {"page": str(page + 1)}
        prev_q = {k: v for k, v in q.items() if k != "page"} | {"page": str(page - 1)}
        return {
            name: json.loads(json.dumps(chunk)),
            "next_page": f"{self.url}{path}?{urlencode(next_q)}" if more else None,
            "previous_page": f"{self.url}{path}?{urlencode(prev_q)}" if page > 1 else None,
            "count": len(items),
        }

    def _show_ticket(self, ticket_id: int) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            ticket = self.state.tickets.get(ticket_id)
            if ticket is None:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            return 200, {}, {"ticket": json.loads(json.dumps(ticket))}

    def _ticket_throttled(self, ticket_id: int) -> float | None:
        """Seconds to wait when the ticket had ``ticket_update_limit`` updates in the window."""
        now = time.monotonic()
        window = self.state.ticket_updates.setdefault(ticket_id, deque())
        while window and now - window[0] >= self.ticket_update_window:
            window.popleft()
        if len(window) >= self.ticket_update_limit:
            return self.ticket_update_window - (now - window[0])
        window.append(now)
        return None

    def _update_ticket(self, ticket_id: int, body: bytes) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            ticket = self.state.tickets.get(ticket_id)
            if ticket is None:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            try:
                update = dict(json.loads(body or b"{}")["ticket"])
            except (ValueError, KeyError, TypeError):
                return 400, {}, {"error": "InvalidJSON", "description": "ticket is required"}
            wait = self._ticket_throttled(ticket_id)
            if wait is not None:
                return 429, {"Retry-After": str(max(1, math.ceil(wait)))}, {
                    "error": "TooManyRequests",
                    "description": f"Number of allowed ticket updates for ticket {ticket_id} exceeded"}
            if update.get("safe_update") and update.get("updated_stamp") != ticket["updated_at"]:
                return 409, {}, {"error": "UpdateConflict", "description": (
                    "Safe Update prevented the update due to outdated ticket data. "
                    "Please fetch the latest ticket data and try again.")}
            if ticket["status"] == "closed":
                return self._invalid({"status": "Status: closed prevents ticket update"})
            problem = self._check_fields(update) or self._check_due(update, ticket.get("type"))
            requester = update.get("requester_id", ticket["requester_id"])
            if requester is not None and int(requester) not in self.state.users:
                problem = "Requester: is invalid"
            if problem:
                return self._invalid({"base": problem})
            comment: dict[str, Any] | str | None = None
            if update.get("comment"):
                comment = self._make_comment(ticket_id, dict(update["comment"]), 1)
                if isinstance(comment, str):
                    return self._invalid({"base": comment})
            if "tags" in update:  # replaces; additional_tags/remove_tags are bulk-only: ignored here
                ticket["tags"] = sorted(set(update["tags"] or []))
            if update.get("custom_fields"):
                by_id = {int(f["id"]): f for f in ticket["custom_fields"]}
                for f in update["custom_fields"]:
                    by_id[int(f["id"])] = f
                ticket["custom_fields"] = list(by_id.values())
            for name in ("status", "priority", "subject", "type", "due_at"):
                if update.get(name):
                    ticket[name] = update[name]
            ticket["requester_id"] = int(requester)
            for cc in update.get("email_ccs") or []:
                user_id = int(cc["user_id"])
                if cc.get("action", "put") == "put" and user_id not in ticket["email_cc_ids"]:
                    ticket["email_cc_ids"].append(user_id)
                elif cc.get("action") == "delete" and user_id in ticket["email_cc_ids"]:
                    ticket["email_cc_ids"].remove(user_id)
            org_id = update.get("organization_id", ticket["organization_id"])
            ticket["organization_id"] = org_id if self._member(ticket["requester_id"], org_id) else None
            self._bump(ticket)
            if isinstance(comment, dict):
                self._deliver(ticket, comment)
            return 200, {}, {"ticket": json.loads(json.dumps(ticket)),
                             "audit": {"id": self._next_id(), "ticket_id": ticket_id}}

    def _list_comments(self, ticket_id: int, q: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            if ticket_id not in self.state.tickets:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            comments = self.state.comments.get(ticket_id, [])
            path = f"/api/v2/tickets/{ticket_id}/comments.json"
            if "page[size]" not in q:
                return 200, {}, self._offset_page("comments", comments, q, path)
            size = max(1, min(self.page_size_max, int(q["page[size]"])))
            start = 0
            if q.get("page[after]"):
                after = int(base64.urlsafe_b64decode(q["page[after]"].encode()).decode())
                start = next((i + 1 for i, c in enumerate(comments) if c["id"] == after), len(comments))
            chunk = comments[start: start + size]
            more = start + size < len(comments)
            after_cursor = base64.urlsafe_b64encode(str(chunk[-1]["id"]).encode()).decode() if chunk else None
            return 200, {}, {
                "comments": json.loads(json.dumps(chunk)),
                "meta": {"has_more": more, "after_cursor": after_cursor, "before_cursor": None},
                "links": {
                    "next": f"{self.url}{path}?{urlencode({'page[size]': size, 'page[after]': after_cursor})}"
                    if more else None,
                    "prev": None,
                },
            }

    def _search(self, q: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        query = q.get("query", "")
        terms = dict(t.split(":", 1) for t in query.split() if ":" in t)
        with self.lock:
            if terms.get("type") != "ticket":
                return 200, {}, {"results": [], "next_page": None, "previous_page": None, "count": 0}
            results = [t | {"result_type": "ticket"} for t in sorted(self.state.tickets.values(),
                                                                     key=lambda t: t["id"])
                       if "external_id" not in terms or t["external_id"] == terms["external_id"].strip('"')]
            page = self._offset_page("results", results, q, "/api/v2/search.json")
            return 200, {}, page

    def _name_taken(self, name: str, but: int | None = None) -> bool:
        return any(o["name"].casefold() == name.casefold() and o["id"] != but
                   for o in self.state.organizations.values())

    def _new_org(self, org_in: dict[str, Any]) -> tuple[int, dict[str, str], Any]:
        if not org_in.get("name"):
            return self._invalid({"name": "Name: cannot be blank"})
        if self._name_taken(str(org_in["name"])):
            return 422, {}, {"error": "RecordInvalid", "description": "Record validation errors", "details": {
                "name": [{"description": f"Name: {org_in['name']} has already been taken",
                          "error": "DuplicateValue"}]}}
        org = {"id": self._next_id(), "name": org_in["name"], "external_id": org_in.get("external_id"),
               "created_at": _now_iso()}
        self.state.organizations[org["id"]] = org
        return 201, {}, {"organization": dict(org)}

    def _org_create_or_update(self, body: bytes) -> tuple[int, dict[str, str], Any]:
        org_in = dict(json.loads(body or b"{}").get("organization") or {})
        with self.lock:
            match = next((o for o in self.state.organizations.values()
                          if (org_in.get("id") and o["id"] == org_in["id"])
                          or (org_in.get("external_id") and o["external_id"]
                              and str(o["external_id"]).casefold() == str(org_in["external_id"]).casefold())),
                         None)
            if match is not None:
                if org_in.get("name") and self._name_taken(str(org_in["name"]), but=match["id"]):
                    return self._invalid({"name": "Name: has already been taken"})
                match.update({k: v for k, v in org_in.items() if k in ("name", "external_id")})
                return 200, {}, {"organization": dict(match)}
            return self._new_org(org_in)

    def _org_create(self, body: bytes) -> tuple[int, dict[str, str], Any]:
        org_in = dict(json.loads(body or b"{}").get("organization") or {})
        with self.lock:
            return self._new_org(org_in)

    def _org_show(self, org_id: int) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            org = self.state.organizations.get(org_id)
            if org is None:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            return 200, {}, {"organization": dict(org)}

    def _org_update(self, org_id: int, body: bytes) -> tuple[int, dict[str, str], Any]:
        org_in = dict(json.loads(body or b"{}").get("organization") or {})
        with self.lock:
            org = self.state.organizations.get(org_id)
            if org is None:
                return 404, {}, {"error": "RecordNotFound", "description": "Not found"}
            if org_in.get("name") and self._name_taken(str(org_in["name"]), but=org_id):
                return self._invalid({"name": "Name: has already been taken"})
            org.update({k: v for k, v in org_in.items() if k in ("name", "external_id")})
            return 200, {}, {"organization": dict(org)}

    def _org_search(self, q: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            orgs = [dict(o) for o in self.state.organizations.values()
                    if ("external_id" in q and o["external_id"]
                        and str(o["external_id"]).casefold() == q["external_id"].casefold())
                    or ("name" in q and o["name"].casefold() == q["name"].casefold())]
            return 200, {}, {"organizations": orgs, "next_page": None, "previous_page": None,
                             "count": len(orgs)}

    def _store_user(self, user_in: dict[str, Any], email: str) -> dict[str, Any]:
        user_id = self._next_id()
        user = {"id": user_id, "email": email or None, "name": user_in.get("name") or email,
                "role": user_in.get("role") or "end-user", "organization_id": user_in.get("organization_id"),
                "external_id": user_in.get("external_id")}
        self.state.users[user_id] = user
        if email and not user_in.get("skip_verify_email") and not user_in.get("verified"):
            self.state.verification_mails.append(email)
        return user

    def _user_create_or_update(self, body: bytes) -> tuple[int, dict[str, str], Any]:
        user_in = dict(json.loads(body or b"{}").get("user") or {})
        email = str(user_in.get("email") or "").lower()
        if not email and not user_in.get("external_id"):
            return self._invalid({"email": "Email: cannot be blank"})
        with self.lock:
            match = next((u for u in self.state.users.values()
                          if (email and u["email"] == email)
                          or (user_in.get("external_id") and u.get("external_id") == user_in["external_id"])),
                         None)
            if match is not None:
                for key in ("name", "organization_id", "role"):
                    if key in user_in and user_in[key] != match.get(key):
                        self.state.user_changes.append((match["id"], key, match.get(key), user_in[key]))
                        match[key] = user_in[key]
                return 200, {}, {"user": dict(match)}
            return 201, {}, {"user": dict(self._store_user(user_in, email))}

    def _user_create(self, body: bytes) -> tuple[int, dict[str, str], Any]:
        user_in = dict(json.loads(body or b"{}").get("user") or {})
        email = str(user_in.get("email") or "").lower()
        if not user_in.get("name"):
            return self._invalid({"name": "Name: cannot be blank"})
        with self.lock:
            if email and any(u["email"] == email for u in self.state.users.values()):
                return self._invalid({"email": f"Email: {email} is already being used by another user"})
            external_id = user_in.get("external_id")
            if external_id and any(u.get("external_id") == external_id for u in self.state.users.values()):
                return self._invalid({"external_id": "External: has already been taken"})
            return 201, {}, {"user": dict(self._store_user(user_in, email))}

    def _user_search(self, q: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        with self.lock:
            if "external_id" in q:
                users = [dict(u) for u in self.state.users.values() if u.get("external_id") == q["external_id"]]
            else:
                query = q.get("query", "").strip()
                term = query.split(":", 1)[1] if query.startswith("email:") else query
                term = term.strip('"').lower()
                users = [dict(u) for u in self.state.users.values() if term and u.get("email") == term]
            return 200, {}, {"users": users, "next_page": None, "previous_page": None, "count": len(users)}

    def _upload(self, q: dict[str, str], body: bytes, headers: dict[str, str]) -> tuple[int, dict[str, str], Any]:
        filename = q.get("filename")
        if not filename:
            return 400, {}, {"error": "InvalidParameter", "description": "filename is required"}
        with self.lock:
            token = hashlib.sha1(f"{self._next_id()}{time.time()}".encode()).hexdigest()[:24]
            attachment = {"id": self._next_id(), "file_name": filename,
                          "content_type": headers.get("content-type", "application/binary"),
                          "size": len(body), "sha256": hashlib.sha256(body).hexdigest()}
            self.state.uploads[token] = [attachment]
            return 201, {}, {"upload": {"token": token, "attachment": attachment, "attachments": [attachment]}}


class _Handler(BaseHTTPRequestHandler):
    zendesk: FakeZendesk
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms delayed-ACK stall

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        return

    def _send(self, status: int, headers: dict[str, str], payload: Any) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("X-Zendesk-Request-Id", hashlib.md5(f"{time.time_ns()}".encode()).hexdigest()[:16])
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def _handle(self) -> None:
        zd = self.zendesk
        split = urlsplit(self.path)
        path, query = split.path, parse_qs(split.query)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        record = RequestRecord(self.command, path, None, None, time.time())
        with zd.lock:  # logged before the answer leaves: a test reading the log sees it complete
            zd.log.append(record)
        try:
            expected = "Basic " + base64.b64encode(f"{zd.email}/token:{zd.token}".encode()).decode()
            if headers.get("authorization") != expected:
                record.status = 401
                self._send(401, {}, {"error": "Couldn't authenticate you"})
                return
            if zd.faults.latency:
                time.sleep(zd.faults.latency)  # the simulated network/server latency
            wait = zd._rate_limited()
            if wait is not None:
                record.status, record.fault = 429, "rate_limit"
                self._send(429, {"Retry-After": str(max(1, math.ceil(wait))), **zd._limit_headers()},
                           {"error": "TooManyRequests"})
                return
            fault = zd._pick_fault(self.command, path)
            record.fault = fault
            if fault == "500":
                record.status = 500
                self._send(500, {}, {"error": "InternalError", "description": "injected"})
                return
            if fault == "429":
                record.status = 429
                self._send(429, {"Retry-After": str(zd.faults.retry_after)}, {"error": "TooManyRequests"})
                return
            status, extra, payload = zd.dispatch(self.command, path, query, body, headers)
            extra = {**zd._limit_headers(), **extra}
            zd._run_hooks(self.command, path)
            if fault == "drop":
                raise _Drop
            if fault == "slow":
                time.sleep(zd.faults.slow_delay)  # committed; the client has given up by now
            record.status = status
            self._send(status, extra, payload)
        except _Drop:
            self.close_connection = True
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = _handle
