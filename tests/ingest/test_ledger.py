"""The Redis ledger: atomic state transitions, counts, done is final."""

from __future__ import annotations

import redis

from ingest.ledger import Ledger


def test_transitions_update_counts_and_attempts(redis_url: str) -> None:
    ledger = Ledger(redis.Redis.from_url(redis_url))
    assert ledger.transition("k1", "received", now=100.0) == ""
    ledger.transition("k2", "received", now=101.0)
    ledger.transition("k1", "queued", now=102.0)
    ledger.transition("k1", "queued", now=103.0)
    assert ledger.counts() == {"received": 1, "queued": 1, "done": 0, "quarantined": 0}
    entry = ledger.entry("k1")
    assert entry is not None
    assert (entry.state, entry.attempts, entry.received_at, entry.queued_at) == ("queued", 2, 100.0, 103.0)
    assert ledger.oldest_unfinished() == ("k1", 100.0)
    ledger.transition("k1", "done", now=104.0)
    ledger.transition("k2", "quarantined", now=105.0, reason="bad")
    assert ledger.counts() == {"received": 0, "queued": 0, "done": 1, "quarantined": 1}
    assert ledger.oldest_unfinished() is None
    assert ledger.entry("k2").detail["reason"] == "bad"  # type: ignore[union-attr]


def test_done_is_final(redis_url: str) -> None:
    ledger = Ledger(redis.Redis.from_url(redis_url))
    ledger.transition("k", "queued")
    ledger.transition("k", "done")
    assert ledger.transition("k", "queued") == "done"
    ledger.transition("k", "done")
    assert ledger.counts()["done"] == 1
    assert ledger.entry("k").state == "done"  # type: ignore[union-attr]


def test_quarantined_message_can_be_queued_again(redis_url: str) -> None:
    ledger = Ledger(redis.Redis.from_url(redis_url))
    ledger.transition("k", "quarantined")
    ledger.transition("k", "queued")
    assert ledger.counts() == {"received": 0, "queued": 1, "done": 0, "quarantined": 0}
