"""The local message store: durable put, states, quarantine, and failure as StoreError."""

from __future__ import annotations

import multiprocessing
from pathlib import Path
from typing import Any

import pytest

from ingest.envelope import Envelope
from ingest.store import LocalStore, StoreError

ENVELOPE = Envelope(mail_from="bounce@amazonses.com", rcpt_tos=("a@x.example", "b@x.example"),
                    peer="127.0.0.1", helo="mx", received_at=1_790_000_000.0)
RAW = b"Subject: hi\r\nMessage-ID: <1@x>\r\n\r\nbody \xff bytes kept exactly\r\n"


def test_put_then_get_returns_exact_bytes_and_envelope(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    key = store.put(ENVELOPE, RAW)
    stored = store.get(key)
    assert stored.raw == RAW
    assert stored.envelope == ENVELOPE
    assert store.state(key) == "pending"
    assert [k for k, _ in store.pending()] == [key]
    assert list(store.tmp.iterdir()) == []


def test_keys_are_unique_and_time_sortable(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    keys = [store.put(ENVELOPE, RAW) for _ in range(50)]
    assert len(set(keys)) == 50
    assert all(k.startswith("20260921T") for k in keys)  # from received_at


def test_mark_done_moves_out_of_pending_and_is_idempotent(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    key = store.put(ENVELOPE, RAW)
    store.mark_done(key)
    store.mark_done(key)
    assert store.state(key) == "done"
    assert list(store.pending()) == []
    assert store.get(key).raw == RAW


def test_quarantine_keeps_message_and_reason_and_release_restores(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    key = store.put(ENVELOPE, RAW)
    store.quarantine(key, "unparseable mail: empty message")
    assert store.state(key) == "quarantined"
    assert list(store.quarantined()) == [(key, "unparseable mail: empty message")]
    store.release(key)
    assert store.state(key) == "pending"
    assert list(store.quarantined()) == []


def test_unwritable_store_raises_store_error_and_leaves_no_temp_file(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.pending_dir.rmdir()
    store.pending_dir.write_text("not a directory")  # rename into it fails even for root
    with pytest.raises(StoreError):
        store.put(ENVELOPE, RAW)
    assert list(store.tmp.iterdir()) == []


def test_clean_tmp_removes_half_written_files(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    (store.tmp / "20260101T000000-abc.msg.1234").write_bytes(b"half")
    assert store.clean_tmp() == 1
    assert list(store.pending()) == []


def test_invalid_or_unknown_key_is_a_store_error(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    with pytest.raises(StoreError):
        store.get("../../etc/passwd")
    with pytest.raises(StoreError):
        store.get("20260101T000000-00000000000000000000")


def test_put_many_stores_a_batch_durably_with_one_key_each(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    results = store.put_many([(ENVELOPE, RAW), (ENVELOPE, RAW + b"2")])
    assert all(isinstance(key, str) for key in results)
    assert [store.get(str(key)).raw for key in results] == [RAW, RAW + b"2"]
    assert list(store.tmp.iterdir()) == []


def test_put_many_reports_failure_per_item_without_acknowledging(tmp_path: Path) -> None:
    store = LocalStore(tmp_path)
    store.pending_dir.rmdir()
    store.pending_dir.write_text("not a directory")
    results = store.put_many([(ENVELOPE, RAW), (ENVELOPE, RAW)])
    assert all(isinstance(r, StoreError) for r in results)
    assert list(store.tmp.iterdir()) == []


def _finish_all(root: str, keys: list[str], errors: Any) -> None:
    store = LocalStore(Path(root), fsync=False)
    failed = 0
    for key in keys:
        try:
            store.mark_done(key)
        except OSError:
            failed += 1
    errors.put(failed)


def test_mark_done_by_processes_racing_on_the_same_keys_never_fails(tmp_path: Path) -> None:
    """Two finishers of one key (a worker whose lock expired under load, and the next one) may both see it pending; the
    second rename then finds no source. That is the move already done, not an error (a worker's traceback in CI)."""
    store = LocalStore(tmp_path, fsync=False)
    keys = [store.put(ENVELOPE, RAW) for _ in range(200)]
    ctx = multiprocessing.get_context("fork")
    errors = ctx.Queue()
    finishers = [ctx.Process(target=_finish_all, args=(str(tmp_path), keys, errors)) for _ in range(3)]
    for finisher in finishers:
        finisher.start()
    for finisher in finishers:
        finisher.join(timeout=60)
        assert finisher.exitcode == 0
    assert sum(errors.get(timeout=10) for _ in finishers) == 0
    assert [k for k, _ in store.pending()] == []
    assert all(store.state(key) == "done" for key in keys)
