"""The message store: where accepted mail lives durably, and what state it is in.

The store is the truth (the queue is a hint): a message is *pending* from ``put`` until the worker
calls ``mark_done`` or ``quarantine``. The reconciler lists pending keys to re-enqueue them.

Local layout under ``<data_dir>/messages``::

    tmp/<key>               being written (never read; removed at start-up)
    pending/<key>.msg       accepted, not finished
    done/<YYYY-MM-DD>/<key>.msg
    quarantine/<key>.msg    plus <key>.json with the reason

A ``.msg`` file is one JSON envelope line followed by the raw message bytes exactly as received.
Writes are temp file -> fsync -> rename -> fsync of the directory, so a crash never leaves a
half-written message where the worker looks.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol, cast

from ingest.envelope import Envelope


class StoreError(OSError):
    """The store could not take or give a message (full, read-only, missing)."""


@dataclass(frozen=True, slots=True)
class StoredMessage:
    key: str
    envelope: Envelope
    raw: bytes


class MessageStore(Protocol):
    def put(self, envelope: Envelope, raw: bytes) -> str: ...
    def get(self, key: str) -> StoredMessage: ...
    def state(self, key: str) -> str: ...
    def state_or_none(self, key: str) -> str | None: ...
    def pending(self) -> Iterator[tuple[str, float]]: ...
    def mark_done(self, key: str) -> None: ...
    def quarantine(self, key: str, reason: str) -> None: ...
    def quarantined(self) -> Iterator[tuple[str, str]]: ...
    def release(self, key: str) -> None: ...


def new_key(now: float | None = None) -> str:
    """A unique, time-sortable key: ``20261128T201500-<20 hex>``."""
    stamp = time.strftime("%Y%m%dT%H%M%S", time.gmtime(time.time() if now is None else now))
    return f"{stamp}-{secrets.token_hex(10)}"


def _valid_key(key: str) -> bool:
    return 10 < len(key) < 80 and all(c.isalnum() or c in "-T" for c in key)


def _load_syncfs() -> Callable[[int], int] | None:
    """``syncfs(2)`` (Linux): one call makes every file written to a file system durable."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.syncfs
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int]
    func.restype = ctypes.c_int
    return cast("Callable[[int], int]", func)


_SYNCFS = _load_syncfs()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def encode_message(envelope: Envelope, raw: bytes) -> bytes:
    return envelope.to_json().encode("utf-8") + b"\n" + raw


def decode_message(key: str, blob: bytes) -> StoredMessage:
    head, sep, raw = blob.partition(b"\n")
    if not sep:
        raise StoreError(f"message {key} has no envelope line")
    return StoredMessage(key=key, envelope=Envelope.from_json(head.decode("utf-8")), raw=raw)


class LocalStore:
    """A directory on a local (or shared POSIX) file system."""

    def __init__(self, root: Path, *, fsync: bool = True) -> None:
        self.root = Path(root)
        self.fsync = fsync
        self.tmp = self.root / "tmp"
        self.pending_dir = self.root / "pending"
        self.done_dir = self.root / "done"
        self.quarantine_dir = self.root / "quarantine"
        for folder in (self.tmp, self.pending_dir, self.done_dir, self.quarantine_dir):
            folder.mkdir(parents=True, exist_ok=True)

    def _write(self, folder: Path, name: str, data: bytes, *, sync_dir: bool = True) -> None:
        tmp = self.tmp / f"{name}.{secrets.token_hex(4)}"
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            try:
                view = memoryview(data)
                while view:
                    written = os.write(fd, view)
                    view = view[written:]
                if self.fsync:
                    os.fsync(fd)
            finally:
                os.close(fd)
            os.rename(tmp, folder / name)
            if self.fsync and sync_dir:
                _fsync_dir(folder)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise StoreError(exc.errno, f"cannot store {name}: {exc.strerror}") from exc

    def put(self, envelope: Envelope, raw: bytes) -> str:
        key = new_key(envelope.received_at or None)
        self._write(self.pending_dir, f"{key}.msg", encode_message(envelope, raw))
        return key

    def put_many(self, items: list[tuple[Envelope, bytes]]) -> list[str | StoreError]:
        """Group commit: write every file (temp name, then rename), then make the whole batch
        durable at once: one ``syncfs`` of the store's file system where Linux offers it, else an
        fsync of each file and of the directory.

        Returns a key, or the StoreError of that message, per item; nothing is durable before
        this returns, so no caller may acknowledge a message earlier.
        """
        if not _SYNCFS or not self.fsync:
            return self._put_many_fsync(items)
        results: list[str | StoreError] = []
        tmp_dir, pending_dir = str(self.tmp), str(self.pending_dir)
        stamp_cache: dict[int, str] = {}
        for envelope, raw in items:
            second = int(envelope.received_at or time.time())
            stamp = stamp_cache.get(second) or stamp_cache.setdefault(
                second, time.strftime("%Y%m%dT%H%M%S", time.gmtime(second)))
            key = f"{stamp}-{secrets.token_hex(10)}"
            tmp = f"{tmp_dir}/{key}.msg"
            try:
                fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                try:
                    os.write(fd, envelope.to_json().encode() + b"\n")
                    view = memoryview(raw)
                    while view:
                        view = view[os.write(fd, view):]
                finally:
                    os.close(fd)
                os.rename(tmp, f"{pending_dir}/{key}.msg")
                results.append(key)
            except OSError as exc:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                results.append(StoreError(exc.errno, f"cannot store a message: {exc.strerror}"))
        if any(isinstance(r, str) for r in results):
            fd = os.open(pending_dir, os.O_RDONLY | os.O_DIRECTORY)
            try:
                if _SYNCFS(fd) != 0:
                    errno = ctypes.get_errno()
                    failure = StoreError(errno, f"cannot sync the store: {os.strerror(errno)}")
                    results = [failure for _ in results]
            finally:
                os.close(fd)
        return results

    def _put_many_fsync(self, items: list[tuple[Envelope, bytes]]) -> list[str | StoreError]:
        results: list[str | StoreError] = []
        for envelope, raw in items:
            key = new_key(envelope.received_at or None)
            try:
                self._write(self.pending_dir, f"{key}.msg", encode_message(envelope, raw), sync_dir=False)
                results.append(key)
            except StoreError as exc:
                results.append(exc)
        if self.fsync and any(isinstance(r, str) for r in results):
            try:
                _fsync_dir(self.pending_dir)
            except OSError as exc:
                failure = StoreError(exc.errno, f"cannot sync the store directory: {exc.strerror}")
                results = [failure for _ in results]
        return results

    def _locate(self, key: str) -> Path:
        if not _valid_key(key):
            raise StoreError(f"invalid message key {key!r}")
        for candidate in (
            self.pending_dir / f"{key}.msg",
            self.quarantine_dir / f"{key}.msg",
            self.done_dir / f"{key[:4]}-{key[4:6]}-{key[6:8]}" / f"{key}.msg",
        ):
            if candidate.exists():
                return candidate
        raise StoreError(f"no stored message {key}")

    def get(self, key: str) -> StoredMessage:
        path = self._locate(key)
        return decode_message(key, path.read_bytes())

    def state(self, key: str) -> str:
        """``pending``, ``done`` or ``quarantined`` according to where the message is."""
        folder = self._locate(key).parent
        if folder == self.pending_dir:
            return "pending"
        return "quarantined" if folder == self.quarantine_dir else "done"

    def state_or_none(self, key: str) -> str | None:
        try:
            return self.state(key)
        except StoreError:
            return None

    def pending(self) -> Iterator[tuple[str, float]]:
        """Pending keys with their modification time, oldest first."""
        entries: list[tuple[str, float]] = []
        with os.scandir(self.pending_dir) as it:
            for entry in it:
                if entry.name.endswith(".msg"):
                    try:
                        entries.append((entry.name[:-4], entry.stat().st_mtime))
                    except FileNotFoundError:
                        continue
        yield from sorted(entries)

    def _move(self, key: str, folder: Path) -> None:
        source = self.pending_dir / f"{key}.msg"
        if not source.exists():
            return  # already moved: idempotent
        folder.mkdir(parents=True, exist_ok=True)
        try:
            os.rename(source, folder / f"{key}.msg")
        except FileNotFoundError:
            if source.exists():
                raise  # (the source is there: the folder is what is missing, a real failure)
            return  # moved between the test and the rename by another finisher of the same key: idempotent
        if self.fsync:
            _fsync_dir(folder)
            _fsync_dir(self.pending_dir)

    def mark_done(self, key: str) -> None:
        self._move(key, self.done_dir / f"{key[:4]}-{key[4:6]}-{key[6:8]}")

    def quarantine(self, key: str, reason: str) -> None:
        note = json.dumps({"key": key, "reason": reason, "at": time.time()}).encode()
        self._write(self.quarantine_dir, f"{key}.json", note)
        self._move(key, self.quarantine_dir)

    def quarantined(self) -> Iterator[tuple[str, str]]:
        for path in sorted(self.quarantine_dir.glob("*.json")):
            try:
                yield path.stem, str(json.loads(path.read_text()).get("reason", ""))
            except (OSError, ValueError):
                yield path.stem, "unreadable quarantine note"

    def release(self, key: str) -> None:
        """Move a quarantined message back to pending (``quarantine retry``)."""
        source = self.quarantine_dir / f"{key}.msg"
        if source.exists():
            os.rename(source, self.pending_dir / f"{key}.msg")
            (self.quarantine_dir / f"{key}.json").unlink(missing_ok=True)
            if self.fsync:
                _fsync_dir(self.pending_dir)

    def clean_tmp(self) -> int:
        """Remove half-written files left by a crash; returns how many were removed."""
        count = 0
        for path in self.tmp.iterdir():
            path.unlink(missing_ok=True)
            count += 1
        return count
