"""Retry delays: growing, jittered, never below a server's Retry-After."""

from __future__ import annotations

from ticketing.tasks import backoff


def test_backoff_doubles_with_equal_jitter_and_caps() -> None:
    for retries in range(10):
        step = min(300.0, 2.0 * 2**retries)
        for _ in range(50):
            assert step / 2 <= backoff(retries) <= step


def test_eight_retries_always_outlast_a_minute_long_outage() -> None:
    assert all(sum(backoff(n) for n in range(8)) >= 60 for _ in range(200))


def test_retry_after_wins_when_longer() -> None:
    assert backoff(0, retry_after=30.0) == 30.0
