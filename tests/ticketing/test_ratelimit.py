"""The Redis token bucket against a real redis-server, shared by several processes."""

from __future__ import annotations

import itertools
import multiprocessing
import time
from collections.abc import Iterator

import pytest
import redis

from tests.conftest import IN_CI
from tests.fakes.redis_server import free_port, redis_binary, running_redis
from ticketing.errors import TransientError
from ticketing.ratelimit import LocalTokenBucket, RateLimited, RedisTokenBucket

pytestmark = pytest.mark.skipif(redis_binary() is None and not IN_CI, reason="no redis-server binary")


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    with running_redis() as url:
        yield url


@pytest.fixture
def client(redis_url: str) -> Iterator[redis.Redis]:
    c = redis.Redis.from_url(redis_url)
    c.flushdb()
    yield c
    c.close()


def test_reservations_are_spaced_by_the_rate(client: redis.Redis) -> None:
    bucket = RedisTokenBucket(client, "rl:spacing", 600, burst=1)  # 10 per second
    waits = [bucket.reserve() for _ in range(5)]
    assert waits[0] == 0.0
    for before, after in itertools.pairwise(waits):
        assert 0.08 <= after - before <= 0.12


def test_burst_allows_that_many_at_once(client: redis.Redis) -> None:
    bucket = RedisTokenBucket(client, "rl:burst", 60, burst=3)
    assert [bucket.reserve() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.reserve() > 0.9


def test_penalize_pauses_every_holder_of_the_key(client: redis.Redis) -> None:
    first = RedisTokenBucket(client, "rl:pause", 6000)
    second = RedisTokenBucket(client, "rl:pause", 6000)  # another worker, same key
    first.penalize(2.0)
    wait = second.reserve()
    assert 1.8 <= wait <= 2.1


def test_wait_beyond_max_wait_raises_rate_limited_without_reserving(client: redis.Redis) -> None:
    bucket = RedisTokenBucket(client, "rl:max", 60, burst=1, max_wait=0.5)
    assert bucket.reserve() == 0.0
    with pytest.raises(RateLimited) as info:
        bucket.reserve()
    assert info.value.retry_after is not None and 0.5 < info.value.retry_after <= 1.0
    state = client.hgetall("rl:max")
    assert float(state[b"tokens"]) >= -0.01  # the refused call took no slot


def test_redis_down_is_transient() -> None:
    dead = redis.Redis(host="127.0.0.1", port=free_port(), socket_connect_timeout=0.5)
    bucket = RedisTokenBucket(dead, "rl:dead", 60)
    with pytest.raises(TransientError, match="rate limiter unavailable"):
        bucket.acquire()


def _worker(url: str, key: str, n: int, out: multiprocessing.Queue[list[float]]) -> None:
    client = redis.Redis.from_url(url)
    bucket = RedisTokenBucket(client, key, 1200, burst=2)  # 20 per second for all together
    stamps = []
    for _ in range(n):
        bucket.acquire()
        stamps.append(time.time())
    out.put(stamps)


def test_processes_sharing_the_bucket_stay_under_the_rate_together(redis_url: str) -> None:
    queue: multiprocessing.Queue[list[float]] = multiprocessing.Queue()
    procs = [multiprocessing.Process(target=_worker, args=(redis_url, "rl:shared", 15, queue))
             for _ in range(4)]
    for p in procs:
        p.start()
    stamps = sorted(s for _ in procs for s in queue.get(timeout=30))
    for p in procs:
        p.join(timeout=10)
    assert len(stamps) == 60
    # 60 requests at 20/s with a burst of 2 need at least (60 - 2) / 20 = 2.9 s
    assert stamps[-1] - stamps[0] >= 2.8
    # and no one-second window holds more than rate + burst (+1 for clock edges)
    for i, start in enumerate(stamps):
        in_window = sum(1 for s in stamps[i:] if s - start < 1.0)
        assert in_window <= 23
    # while the bucket still lets them run close to the rate
    assert stamps[-1] - stamps[0] <= 4.0


def test_local_bucket_has_the_same_arithmetic() -> None:
    now = [100.0]
    bucket = LocalTokenBucket(600, burst=1, clock=lambda: now[0])
    assert [round(bucket.reserve(), 3) for _ in range(3)] == [0.0, 0.1, 0.2]
    now[0] += 10
    assert bucket.reserve() == 0.0
    bucket.penalize(5)
    assert 4.9 <= bucket.reserve() <= 5.2
