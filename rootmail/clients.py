"""Network clients of the composition root: the one Redis factory and where its URL comes from.

Every Redis client rootmail makes (ledger, publisher, thread index, per-message locks, the shared
rate limiter, health probes, ``rootmail status``) comes from :func:`redis_client`, so all of them
have a read timeout, a connect timeout and a health check of idle connections: a Redis that stops
answering gives an error after ``timeout`` seconds instead of a hung task or receiver.
"""

from __future__ import annotations

import redis

from rootmail.errors import UsageProblem
from rootmail.settings import Settings

# seconds; a lock or rate-limiter call that waits longer than this is an error, not a hang
DEFAULT_TIMEOUT = 10.0
CONNECT_TIMEOUT = 5.0
# idle pooled connections are PINGed before reuse after this many seconds (redis-py
# ``health_check_interval``), so a Redis restart costs one error-free reconnect, not a failed call
HEALTH_CHECK_INTERVAL = 30


def redis_client(url: str, *, timeout: float = DEFAULT_TIMEOUT) -> redis.Redis:
    """A Redis client for ``url`` with rootmail's timeouts (``timeout``: read/write seconds)."""
    return redis.Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=min(timeout, CONNECT_TIMEOUT),
                                health_check_interval=HEALTH_CHECK_INTERVAL)


def resolve_redis_url(settings: Settings) -> str:
    """ROOTMAIL_REDIS_URL, else the embedded Redis of a running ``rootmail serve``."""
    if settings.redis_url:
        return settings.redis_url
    path = settings.redis_file()
    try:
        url = path.read_text(encoding="utf-8").strip()
    except OSError:
        url = ""
    if not url:
        raise UsageProblem(
            f"no Redis: {path} does not exist. Start `rootmail serve` with the same "
            "ROOTMAIL_DATA_DIR, or set ROOTMAIL_REDIS_URL"
        )
    return url


def optional_redis(settings: Settings) -> redis.Redis | None:
    """The configured (or embedded) Redis, or None when there is none (one-shot commands)."""
    try:
        return redis_client(resolve_redis_url(settings))
    except UsageProblem:
        return None
