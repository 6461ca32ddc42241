"""The ledger: each stored message's processing state in Redis, and the counts ``status`` shows.

States: ``received`` (stored, not yet enqueued), ``queued`` (a task was published), ``done``,
``quarantined``. ``done`` is final. The store remains the truth: a lost ledger only means the
reconciler enqueues pending messages again, and processing is idempotent.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

import redis

PREFIX = "rootmail"
STATES = ("received", "queued", "done", "quarantined")

_TRANSITION = """
local old = redis.call('HGET', KEYS[1], 'state')
local new = ARGV[2]
if old == 'done' then return old end
if old == new and new ~= 'queued' then return old end
if old and old ~= 'done' and old ~= 'quarantined' then redis.call('SREM', KEYS[2] .. old, ARGV[1]) end
if old == 'quarantined' then redis.call('SREM', KEYS[2] .. 'quarantined', ARGV[1]) end
if new == 'done' then
  redis.call('INCR', KEYS[3])
  redis.call('ZREM', KEYS[4], ARGV[1])
  redis.call('EXPIRE', KEYS[1], 604800)
else
  redis.call('SADD', KEYS[2] .. new, ARGV[1])
  if new == 'quarantined' then redis.call('ZREM', KEYS[4], ARGV[1])
  else redis.call('ZADD', KEYS[4], 'NX', ARGV[3], ARGV[1]) end
end
redis.call('HSET', KEYS[1], 'state', new, 'updated_at', ARGV[3])
if new == 'queued' then
  redis.call('HINCRBY', KEYS[1], 'attempts', 1)
  redis.call('HSET', KEYS[1], 'queued_at', ARGV[3])
end
if not old then redis.call('HSET', KEYS[1], 'received_at', ARGV[3]) end
for i = 4, #ARGV, 2 do redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
return old or ''
"""

# Newly stored messages, a whole batch in one call: ledger "queued" and the task on the queue.
# ARGV: now, queue, then n pairs (key, task message).
_QUEUE_BATCH = """
local now = ARGV[1]
local queue = ARGV[2]
for i = 3, #ARGV, 2 do
  local key = ARGV[i]
  local h = 'rootmail:m:' .. key
  local old = redis.call('HGET', h, 'state')
  if old ~= 'done' then
    if old then redis.call('SREM', 'rootmail:state:' .. old, key) else
      redis.call('HSET', h, 'received_at', now) end
    redis.call('SADD', 'rootmail:state:queued', key)
    redis.call('ZADD', 'rootmail:unfinished', 'NX', now, key)
    redis.call('HSET', h, 'state', 'queued', 'updated_at', now, 'queued_at', now)
    redis.call('HINCRBY', h, 'attempts', 1)
    redis.call('LPUSH', queue, ARGV[i + 1])
  end
end
return (#ARGV - 2) / 2
"""


@dataclass(frozen=True, slots=True)
class LedgerEntry:
    key: str
    state: str
    attempts: int
    received_at: float
    queued_at: float
    updated_at: float
    detail: dict[str, str]
    started_at: float = 0.0
    starts: int = 0
    retry_at: float = 0.0


class Ledger:
    """State transitions and counts, atomic in Redis (one Lua script per transition)."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client
        self._script = client.register_script(_TRANSITION)
        self._queue_batch = client.register_script(_QUEUE_BATCH)

    @classmethod
    def from_url(cls, url: str, timeout: float = 2.0) -> Ledger:
        """A ledger on its own Redis client (tests, ``Publisher.from_url``). ``ingest`` imports no other
        project package, so this cannot use :func:`rootmail.clients.redis_client`; it sets the same
        timeouts (read/write ``timeout``, connect at most 5 s, idle connections PINGed after 30 s).
        rootmail itself builds its ledger with ``rootmail.runtime.make_ledger`` (that factory)."""
        return cls(redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=min(timeout, 5.0),
                                        health_check_interval=30))

    def _keys(self, key: str) -> list[str]:
        return [f"{PREFIX}:m:{key}", f"{PREFIX}:state:", f"{PREFIX}:count:done", f"{PREFIX}:unfinished"]

    def queue_batch(self, queue: str, items: list[tuple[str, bytes]], now: float) -> None:
        """Mark new messages ``queued`` and push their task messages, all in one round trip."""
        args: list[Any] = [repr(now), queue]
        for key, message in items:
            args += [key, message]
        self._queue_batch(keys=[], args=args)

    def transition(self, key: str, state: str, now: float | None = None, **detail: str) -> str:
        """Move ``key`` to ``state``; returns the previous state ('' when new). Done is final."""
        if state not in STATES:
            raise ValueError(f"unknown state {state}")
        args: list[Any] = [key, state, repr(time.time() if now is None else now)]
        for name, value in detail.items():
            args += [name, value]
        result = self._script(keys=self._keys(key), args=args)
        return result.decode() if isinstance(result, bytes) else str(result)

    def entry(self, key: str) -> LedgerEntry | None:
        raw: dict[bytes, bytes] = self.client.hgetall(f"{PREFIX}:m:{key}")  # type: ignore[assignment]
        data = {k.decode(): v.decode() for k, v in raw.items()}
        if not data:
            return None
        return LedgerEntry(
            key=key,
            state=data.pop("state", ""),
            attempts=int(data.pop("attempts", "0")),
            received_at=float(data.pop("received_at", "0")),
            queued_at=float(data.pop("queued_at", "0")),
            updated_at=float(data.pop("updated_at", "0")),
            started_at=float(data.pop("started_at", "0")),
            starts=int(data.pop("starts", "0")),
            retry_at=float(data.pop("retry_at", "0")),
            detail=data,
        )

    def mark_started(self, key: str, now: float | None = None) -> int:
        """A worker began processing ``key``; returns how many times processing has started."""
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(f"{PREFIX}:m:{key}", "started_at", repr(time.time() if now is None else now))
        pipe.hincrby(f"{PREFIX}:m:{key}", "starts", 1)
        return int(pipe.execute()[1])

    def mark_retry(self, key: str, retry_at: float) -> None:
        """The task failed cleanly and retries at ``retry_at``: that start was not a crash."""
        pipe = self.client.pipeline(transaction=True)
        pipe.hset(f"{PREFIX}:m:{key}", "retry_at", repr(retry_at))
        pipe.hincrby(f"{PREFIX}:m:{key}", "starts", -1)
        pipe.execute()

    def record_ticket(self, key: str, recipient: str, ticket_id: str) -> None:
        self.client.hset(f"{PREFIX}:m:{key}", f"ticket:{recipient}", ticket_id)

    def counts(self) -> dict[str, int]:
        pipe = self.client.pipeline(transaction=False)
        for state in ("received", "queued", "quarantined"):
            pipe.scard(f"{PREFIX}:state:{state}")
        pipe.get(f"{PREFIX}:count:done")
        received, queued, quarantined, done = pipe.execute()
        return {"received": int(received), "queued": int(queued), "done": int(done or 0),
                "quarantined": int(quarantined)}

    def oldest_unfinished(self) -> tuple[str, float] | None:
        items: list[tuple[bytes, float]] = self.client.zrange(  # type: ignore[assignment]
            f"{PREFIX}:unfinished", 0, 0, withscores=True
        )
        if not items:
            return None
        member, score = items[0]
        return member.decode(), float(score)
