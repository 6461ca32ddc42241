"""What a helpdesk client remembers between messages so that a follow-up costs about one request.

Owns three small records, shared by every worker through Redis (or per process without it):

- *thread → ticket*: the ticket a thread's last write landed on, as that write's answer showed it
  (id, status, tags, ``updated_at``, requester, CCs, priority). A client writes to it with the
  helpdesk's own collision guard (Zendesk ``safe_update`` + ``updated_stamp``), so a stale entry
  costs a 409 and a re-read, never a lost or doubled write.
- *delivery state*: ``pending`` is set before a delivery's write and ``done:<ticket id>`` after it.
  Any doubt — a ``pending`` left by a crash or a lost answer, a missing thread entry, a 404 — sends
  the delivery down the full lookup path (list the thread's tickets, read their markers), which
  is exactly-once without this cache.
- *ids*: organization, user and placeholder ids by customer id or e-mail, so that the
  organization and user look-ups happen once per customer and contact, not once per message.
  They are kept a day (``ID_TTL``): a directory sync resolves the ids about to expire again
  (``id_ttl``, ``forget_id``; :mod:`ticketing.helpdesk.zendesk_directory`), so that an organization
  merged or deleted in the helpdesk is noticed within a day.

A Redis failure is a cache miss (the full path), and a cache that cannot record ``pending`` makes
the client take the full path too: the cache only ever saves requests, it never decides alone.
"""

from __future__ import annotations

import json
import threading
import time
from typing import Any, Protocol

import redis
import structlog

log = structlog.get_logger(__name__)

PENDING = "pending"
#: how long a delivery's state and a thread's ticket are remembered (a redelivery comes sooner)
DELIVERY_TTL = 7 * 24 * 3600
THREAD_TTL = 24 * 3600
ID_TTL = 24 * 3600
#: the parts of a ticket a follow-up write needs
TICKET_KEYS = ("id", "status", "tags", "updated_at", "requester_id", "email_cc_ids", "priority",
               "organization_id", "external_id")


def ticket_summary(ticket: dict[str, Any]) -> dict[str, Any]:
    return {k: ticket.get(k) for k in TICKET_KEYS}


class TicketCache(Protocol):
    """Thread → ticket, delivery state and ids (see the module docstring)."""

    def ticket(self, thread_key: str) -> dict[str, Any] | None: ...

    def remember(self, thread_key: str, ticket: dict[str, Any]) -> None: ...

    def forget(self, thread_key: str) -> None: ...

    def delivery(self, digest: str) -> str | None: ...

    def mark_pending(self, digest: str) -> bool:
        """True when ``pending`` is recorded (only then may the fast path write)."""
        ...

    def mark_done(self, digest: str, ticket_id: str) -> None: ...

    def get_id(self, kind: str, key: str) -> int | None: ...

    def set_id(self, kind: str, key: str, value: int) -> None: ...

    def id_ttl(self, kind: str, key: str) -> float | None:
        """Seconds the id is still kept; None when it is not cached (or the cache cannot tell)."""
        ...

    def forget_id(self, kind: str, key: str) -> None: ...


class NoTicketCache:
    """No cache: every delivery takes the full lookup path (a helpdesk without a collision guard
    of its own, Request Tracker, caches only in the store every writer shares)."""

    def ticket(self, thread_key: str) -> dict[str, Any] | None:
        return None

    def remember(self, thread_key: str, ticket: dict[str, Any]) -> None:
        return None

    def forget(self, thread_key: str) -> None:
        return None

    def delivery(self, digest: str) -> str | None:
        return None

    def mark_pending(self, digest: str) -> bool:
        return False

    def mark_done(self, digest: str, ticket_id: str) -> None:
        return None

    def get_id(self, kind: str, key: str) -> int | None:
        return None

    def set_id(self, kind: str, key: str, value: int) -> None:
        return None

    def id_ttl(self, kind: str, key: str) -> float | None:
        return None

    def forget_id(self, kind: str, key: str) -> None:
        return None


class MemoryTicketCache:
    """Per-process cache (no Redis): lost with the process, which then takes the full path.

    ``threads=False`` keeps only the ids: without a store that every writer shares, another
    process may have written a delivery this one does not know of, so no thread is cached."""

    def __init__(self, *, threads: bool = True) -> None:
        self.threads = threads
        self._data: dict[str, tuple[float, str]] = {}
        self._lock = threading.Lock()

    def _get(self, key: str) -> str | None:
        with self._lock:
            item = self._data.get(key)
            if item is None or item[0] < time.monotonic():
                self._data.pop(key, None)
                return None
            return item[1]

    def _set(self, key: str, value: str, ttl: float) -> None:
        with self._lock:
            self._data[key] = (time.monotonic() + ttl, value)

    def ticket(self, thread_key: str) -> dict[str, Any] | None:
        raw = self._get(f"t:{thread_key}") if self.threads else None
        return dict(json.loads(raw)) if raw else None

    def remember(self, thread_key: str, ticket: dict[str, Any]) -> None:
        self._set(f"t:{thread_key}", json.dumps(ticket_summary(ticket)), THREAD_TTL)

    def forget(self, thread_key: str) -> None:
        with self._lock:
            self._data.pop(f"t:{thread_key}", None)

    def delivery(self, digest: str) -> str | None:
        return self._get(f"d:{digest}")

    def mark_pending(self, digest: str) -> bool:
        self._set(f"d:{digest}", PENDING, DELIVERY_TTL)
        return self.threads

    def mark_done(self, digest: str, ticket_id: str) -> None:
        self._set(f"d:{digest}", f"done:{ticket_id}", DELIVERY_TTL)

    def get_id(self, kind: str, key: str) -> int | None:
        raw = self._get(f"i:{kind}:{key}")
        return int(raw) if raw else None

    def set_id(self, kind: str, key: str, value: int) -> None:
        self._set(f"i:{kind}:{key}", str(value), ID_TTL)

    def id_ttl(self, kind: str, key: str) -> float | None:
        with self._lock:
            item = self._data.get(f"i:{kind}:{key}")
        left = item[0] - time.monotonic() if item else 0.0
        return left if left > 0 else None

    def forget_id(self, kind: str, key: str) -> None:
        with self._lock:
            self._data.pop(f"i:{kind}:{key}", None)


class RedisTicketCache:
    """The cache every worker shares; every Redis error is a miss (the full lookup path)."""

    def __init__(self, client: redis.Redis, prefix: str) -> None:
        self.client = client
        self.prefix = prefix

    def _get(self, key: str) -> str | None:
        try:
            raw = self.client.get(f"{self.prefix}:{key}")
        except redis.RedisError as exc:
            log.warning("ticket_cache_unavailable", error=type(exc).__name__)
            return None
        if raw is None:
            return None
        return raw.decode() if isinstance(raw, bytes) else str(raw)

    def _set(self, key: str, value: str, ttl: int) -> bool:
        try:
            self.client.set(f"{self.prefix}:{key}", value, ex=ttl)
        except redis.RedisError as exc:
            log.warning("ticket_cache_unavailable", error=type(exc).__name__)
            return False
        return True

    def ticket(self, thread_key: str) -> dict[str, Any] | None:
        raw = self._get(f"thread:{thread_key}")
        try:
            return dict(json.loads(raw)) if raw else None
        except (ValueError, TypeError):
            return None

    def remember(self, thread_key: str, ticket: dict[str, Any]) -> None:
        self._set(f"thread:{thread_key}", json.dumps(ticket_summary(ticket)), THREAD_TTL)

    def forget(self, thread_key: str) -> None:
        try:
            self.client.delete(f"{self.prefix}:thread:{thread_key}")
        except redis.RedisError as exc:
            log.warning("ticket_cache_unavailable", error=type(exc).__name__)

    def delivery(self, digest: str) -> str | None:
        return self._get(f"delivery:{digest}")

    def mark_pending(self, digest: str) -> bool:
        return self._set(f"delivery:{digest}", PENDING, DELIVERY_TTL)

    def mark_done(self, digest: str, ticket_id: str) -> None:
        self._set(f"delivery:{digest}", f"done:{ticket_id}", DELIVERY_TTL)

    def get_id(self, kind: str, key: str) -> int | None:
        raw = self._get(f"id:{kind}:{key}")
        try:
            return int(raw) if raw else None
        except ValueError:
            return None

    def set_id(self, kind: str, key: str, value: int) -> None:
        self._set(f"id:{kind}:{key}", str(value), ID_TTL)

    def id_ttl(self, kind: str, key: str) -> float | None:
        try:
            left = self.client.ttl(f"{self.prefix}:id:{kind}:{key}")
        except redis.RedisError as exc:
            log.warning("ticket_cache_unavailable", error=type(exc).__name__)
            return None
        left = int(left)
        if left == -2:  # not cached
            return None
        return float("inf") if left == -1 else float(left)

    def forget_id(self, kind: str, key: str) -> None:
        try:
            self.client.delete(f"{self.prefix}:id:{kind}:{key}")
        except redis.RedisError as exc:
            log.warning("ticket_cache_unavailable", error=type(exc).__name__)
