"""Request-rate limits for helpdesk APIs: a token bucket shared by all workers through Redis.

Owns the bucket arithmetic. The bucket *reserves* slots: each request takes one token, the count
may go negative, and the caller sleeps until its reserved slot. One Redis round trip per request,
no polling, and first come first served across every worker process. The clock is Redis's
(``TIME``), so workers on different hosts agree.

A ``429`` from the helpdesk calls :meth:`penalize`: every worker pauses until the server's
``Retry-After`` has passed and the bucket restarts empty, so there is no burst after the pause.

A wait longer than ``max_wait`` is not reserved; :class:`RateLimited` (a TransientError) goes up
to the task, which retries later instead of holding a worker.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import redis

from ticketing.errors import TransientError

_RESERVE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate = tonumber(ARGV[1])
local cap = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts', 'blocked_until')
local tokens = tonumber(state[1]) or cap
local ts = tonumber(state[2]) or now
local blocked = tonumber(state[3]) or 0
if now > ts then tokens = math.min(cap, tokens + (now - ts) * rate) end
tokens = tokens - 1
local wait = 0
if tokens < 0 then wait = math.ceil(-tokens / rate) end
if blocked > now then wait = wait + (blocked - now) end
if wait > max_wait then return -wait end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'ts', tostring(math.max(now, ts)))
redis.call('PEXPIRE', KEYS[1], math.ceil(cap / rate) + wait + 60000)
return wait
"""

_PENALIZE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local until_ms = now + tonumber(ARGV[1])
local blocked = tonumber(redis.call('HGET', KEYS[1], 'blocked_until')) or 0
if until_ms > blocked then redis.call('HSET', KEYS[1], 'blocked_until', tostring(until_ms)) end
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens'))
if tokens == nil or tokens > 0 then redis.call('HSET', KEYS[1], 'tokens', '0') end
redis.call('HSET', KEYS[1], 'ts', tostring(math.max(now, tonumber(redis.call('HGET', KEYS[1], 'ts')) or now)))
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[1]) + 120000)
return until_ms
"""


class RateLimited(TransientError):
    """The next free slot is further away than a worker should wait."""


def _check(per_minute: float, burst: float | None) -> tuple[float, float]:
    if per_minute <= 0:
        raise ValueError("rate limit must be a positive number of requests per minute")
    capacity = burst if burst is not None else max(1.0, per_minute / 60.0)
    if capacity < 1:
        raise ValueError("burst must allow at least one request")
    return per_minute / 60000.0, capacity


class RedisTokenBucket:
    """``per_minute`` requests per minute for every process sharing ``key`` in Redis.

    ``burst`` is the bucket size (default: one second's worth, at least 1), so the helpdesk never
    sees more than ``burst`` requests above the steady rate.
    """

    def __init__(
        self,
        client: redis.Redis,
        key: str,
        per_minute: float,
        *,
        burst: float | None = None,
        max_wait: float = 30.0,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.rate_per_ms, self.capacity = _check(per_minute, burst)
        self.client = client
        self.key = key
        self.max_wait_ms = int(max_wait * 1000)
        self.sleep = sleep
        self._reserve = client.register_script(_RESERVE)
        self._penalize = client.register_script(_PENALIZE)

    def reserve(self) -> float:
        """Take a slot; seconds until it comes (0: now). Raises RateLimited past ``max_wait``."""
        try:
            wait_ms = int(self._reserve(keys=[self.key],
                                        args=[repr(self.rate_per_ms), repr(self.capacity), self.max_wait_ms]))
        except redis.RedisError as exc:
            raise TransientError(f"rate limiter unavailable: {type(exc).__name__}") from exc
        if wait_ms < 0:
            raise RateLimited(f"helpdesk rate limit: next slot in {-wait_ms / 1000:.1f}s",
                              retry_after=-wait_ms / 1000)
        return wait_ms / 1000

    def acquire(self) -> None:
        wait = self.reserve()
        if wait > 0:
            self.sleep(wait)  # waiting for the reserved slot is the limiter's job, not a sync hack

    def penalize(self, seconds: float) -> None:
        """Pause every worker for ``seconds`` (a server's Retry-After), then restart empty."""
        try:
            self._penalize(keys=[self.key], args=[max(1, int(seconds * 1000))])
        except redis.RedisError as exc:
            raise TransientError(f"rate limiter unavailable: {type(exc).__name__}") from exc


class LocalTokenBucket:
    """The same bucket inside one process (no Redis): for a single worker, tests and the CLI."""

    def __init__(
        self,
        per_minute: float,
        *,
        burst: float | None = None,
        max_wait: float = 30.0,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        rate_per_ms, self.capacity = _check(per_minute, burst)
        self.rate = rate_per_ms * 1000.0  # per second
        self.max_wait = max_wait
        self.clock = clock
        self.sleep = sleep
        self.tokens = self.capacity
        self.ts = clock()
        self.blocked_until = 0.0
        self.lock = threading.Lock()

    def reserve(self) -> float:
        with self.lock:
            now = self.clock()
            if now > self.ts:
                self.tokens = min(self.capacity, self.tokens + (now - self.ts) * self.rate)
                self.ts = now
            tokens = self.tokens - 1
            wait = -tokens / self.rate if tokens < 0 else 0.0
            wait += max(0.0, self.blocked_until - now)
            if wait > self.max_wait:
                raise RateLimited(f"helpdesk rate limit: next slot in {wait:.1f}s", retry_after=wait)
            self.tokens = tokens
            return wait

    def acquire(self) -> None:
        wait = self.reserve()
        if wait > 0:
            self.sleep(wait)

    def penalize(self, seconds: float) -> None:
        with self.lock:
            now = self.clock()
            self.blocked_until = max(self.blocked_until, now + seconds)
            self.tokens = min(self.tokens, 0.0)
