"""Thread keys and delivery ids: which ticket a mail lands on, and what makes a write unique.

Owns threading (Zammad's follow-up filter order, on parsed keys):

1. the taxonomy's ``thread_on`` identifiers (case id, abuse report id, Health event ARN + account,
   invoice id, billing period + account, …) when all of them were extracted;
2. ``In-Reply-To`` then ``References`` (newest first) against Message-IDs already seen;
3. the normalised subject, within the same scope and a time window — only for notice types that
   thread at all (a non-empty ``thread_on``), so one-off mails like sign-in codes never merge;
4. otherwise a thread of its own.

Every key is scoped by the recipient's AWS account (or, for an unknown recipient, its address),
and the seen-Message-ID and subject look-ups are scoped the same way, so nothing ever threads
across accounts or customers. Scopes are also separated by trust: mail proven to come from AWS
(verdict ``pass``) and all other mail (spoofs, unverifiable, non-AWS) never share a thread key, a
Message-ID or subject look-up, or a delivery id, so a spoof can neither open a thread that genuine
mail later joins, nor join, update or suppress (by a reused Message-ID) a genuine one.
The look-ups sit behind :class:`ThreadIndex` (Redis in the workers,
a dict in tests), handed in by the pipeline.

Also owns the per-thread lock that keeps two workers from opening the same thread twice.
"""

from __future__ import annotations

import hashlib
import re
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, suppress
from typing import Protocol

import redis

from routing.types import Notice, ParsedMail, Recipient
from ticketing.errors import TransientError

DEFAULT_SUBJECT_WINDOW = 14 * 86400.0
MESSAGE_ID_TTL = 400 * 86400
_PREFIX = re.compile(r"^\s*((re|fw|fwd|aw|wg|sv|vs|antw|tr|rif|ref)\s*(\[\d+\])?\s*:|\[external\]|\(external\))\s*",
                     re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogateescape")).hexdigest()[:32]


UNTRUSTED = "untrusted"


def message_fingerprint(parsed: ParsedMail, raw: bytes, *, trusted: bool = False) -> str:
    """For trusted mail the Message-ID when there is one, else a hash of the bytes.

    Untrusted mail is fingerprinted by its bytes only: its Message-ID is whatever the sender
    claims, and a claimed genuine Message-ID must not make a genuine mail look like a duplicate.
    """
    if trusted and parsed.message_id:
        return parsed.message_id.strip().lower()
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def delivery_id(parsed: ParsedMail, raw: bytes, recipient: Recipient, *, trusted: bool = False) -> str:
    """Same message to the same recipient -> same id, however often it is delivered or processed.

    Trusted (``pass``) and untrusted mail never share an id."""
    fingerprint = message_fingerprint(parsed, raw, trusted=trusted)
    if trusted:
        return _digest("delivery", recipient.address, fingerprint)
    return _digest("delivery", UNTRUSTED, recipient.address, fingerprint)


def thread_scope(recipient: Recipient, *, trusted: bool = False) -> str:
    """What a thread may never cross: the recipient's account, else the recipient address; and
    the trust boundary (``pass`` mail vs everything else)."""
    scope = recipient.account.account_id if recipient.account else recipient.address.lower()
    if trusted:  # a (quoted) address can never pose as the untrusted side
        return f"addr:{scope}" if scope.startswith(f"{UNTRUSTED}:") else scope
    return f"{UNTRUSTED}:{scope}"


def trust_separated(key: str, *, trusted: bool) -> str:
    """A thread key chosen elsewhere (aggregation, digest) kept on its side of the trust boundary."""
    if trusted or key.startswith(f"{UNTRUSTED}:"):
        return key
    return f"{UNTRUSTED}:{key}"


def normalize_subject(subject: str) -> str:
    """Subject without reply/forward prefixes, whitespace collapsed, case folded."""
    text = subject or ""
    while True:
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return _SPACE.sub(" ", text).strip().casefold()


def _normalize_id(message_id: str) -> str:
    return message_id.strip().strip("<>").strip().lower()


class ThreadIndex(Protocol):
    """Message-IDs and subjects already seen, per scope, with the thread key they landed on."""

    def thread_of(self, scope: str, message_ids: Sequence[str]) -> str | None:
        """The thread key of the first of ``message_ids`` seen in ``scope``."""
        ...

    def remember(self, scope: str, message_id: str, thread_key: str) -> None: ...

    def subject_thread(self, scope: str, subject: str, now: float, window: float) -> str | None:
        """The thread last seen with this normalised subject in ``scope`` within ``window`` seconds."""
        ...

    def remember_subject(self, scope: str, subject: str, thread_key: str, now: float) -> None: ...


class MemoryThreadIndex:
    """ThreadIndex in a dict: for tests and single-process use."""

    def __init__(self) -> None:
        self.ids: dict[tuple[str, str], str] = {}
        self.subjects: dict[tuple[str, str], tuple[str, float]] = {}

    def thread_of(self, scope: str, message_ids: Sequence[str]) -> str | None:
        for mid in message_ids:
            key = self.ids.get((scope, _normalize_id(mid)))
            if key:
                return key
        return None

    def remember(self, scope: str, message_id: str, thread_key: str) -> None:
        self.ids.setdefault((scope, _normalize_id(message_id)), thread_key)

    def subject_thread(self, scope: str, subject: str, now: float, window: float) -> str | None:
        found = self.subjects.get((scope, subject))
        if found and now - found[1] <= window:
            return found[0]
        return None

    def remember_subject(self, scope: str, subject: str, thread_key: str, now: float) -> None:
        old = self.subjects.get((scope, subject))
        if old is None or old[1] <= now:
            self.subjects[(scope, subject)] = (thread_key, now)


class RedisThreadIndex:
    """ThreadIndex in Redis: ``<prefix>:mid:<scope>`` and ``<prefix>:subj:<scope>`` hashes.

    Message-IDs are hashed (no addresses in key names); a scope's hashes expire ``ttl`` seconds
    after their last write. Subjects store ``thread_key|timestamp``.
    """

    def __init__(self, client: redis.Redis, prefix: str = "rootmail:threads", ttl: int = MESSAGE_ID_TTL) -> None:
        self.client = client
        self.prefix = prefix
        self.ttl = ttl

    def _key(self, kind: str, scope: str) -> str:
        return f"{self.prefix}:{kind}:{_digest(scope)}"

    def thread_of(self, scope: str, message_ids: Sequence[str]) -> str | None:
        if not message_ids:
            return None
        try:
            values = self.client.hmget(self._key("mid", scope), [_digest(_normalize_id(m)) for m in message_ids])
        except redis.RedisError as exc:
            raise TransientError(f"thread index unavailable: {type(exc).__name__}") from exc
        for value in values:
            if value:
                return bytes(value).decode() if not isinstance(value, str) else value
        return None

    def remember(self, scope: str, message_id: str, thread_key: str) -> None:
        key = self._key("mid", scope)
        try:
            pipe = self.client.pipeline()
            pipe.hsetnx(key, _digest(_normalize_id(message_id)), thread_key)
            pipe.expire(key, self.ttl)
            pipe.execute()
        except redis.RedisError as exc:
            raise TransientError(f"thread index unavailable: {type(exc).__name__}") from exc

    def subject_thread(self, scope: str, subject: str, now: float, window: float) -> str | None:
        try:
            value = self.client.hget(self._key("subj", scope), _digest(subject))
        except redis.RedisError as exc:
            raise TransientError(f"thread index unavailable: {type(exc).__name__}") from exc
        if not value:
            return None
        text = bytes(value).decode() if not isinstance(value, str) else value
        key, _, seen = text.rpartition("|")
        return key if key and now - float(seen) <= window else None

    def remember_subject(self, scope: str, subject: str, thread_key: str, now: float) -> None:
        key = self._key("subj", scope)
        try:
            pipe = self.client.pipeline()
            pipe.hset(key, _digest(subject), f"{thread_key}|{now:.3f}")
            pipe.expire(key, self.ttl)
            pipe.execute()
        except redis.RedisError as exc:
            raise TransientError(f"thread index unavailable: {type(exc).__name__}") from exc


def _identifier_key(notice: Notice, scope: str) -> str | None:
    values: list[str] = []
    for name in notice.thread_on:
        value = notice.identifiers.get(name) if name != "aws_account_id" else notice.aws_account_id
        if not value:
            return None
        if isinstance(value, list | tuple):
            value = ",".join(sorted(str(v) for v in value))
        values.append(f"{name}={value}")
    if not values:
        return None
    return f"{notice.notice_type.split('.')[0]}:{scope}:" + _digest(*values)


def thread_key(
    parsed: ParsedMail,
    raw: bytes,
    recipient: Recipient,
    notice: Notice,
    *,
    index: ThreadIndex | None = None,
    now: float | None = None,
    subject_window: float = DEFAULT_SUBJECT_WINDOW,
    trusted: bool = False,
) -> str:
    """The thread ``parsed`` belongs to (see the module docstring for the order of the rules).

    With an ``index`` the answer is remembered (Message-ID and subject), so later replies and
    follow-ups find it; without one only the identifier rule and the per-mail fallback apply.
    ``trusted``: the mail passed authentication (verdict ``pass``); other mail threads only with
    other untrusted mail.
    """
    scope = thread_scope(recipient, trusted=trusted)
    key = _identifier_key(notice, scope)
    if key is None and index is not None:
        key = index.thread_of(scope, _referenced_ids(parsed))
    subject = normalize_subject(parsed.subject)
    moment = time.time() if now is None else now
    if key is None and index is not None and notice.thread_on and subject:
        key = index.subject_thread(scope, subject, moment, subject_window)
    if key is None:
        key = f"mail:{scope}:" + _digest(message_fingerprint(parsed, raw, trusted=trusted))
    if index is not None:
        _remember(index, scope, key, parsed, notice, subject, moment)
    return key


def _referenced_ids(parsed: ParsedMail) -> list[str]:
    """In-Reply-To, then References newest first; never the mail's own Message-ID."""
    refs = [parsed.in_reply_to] if parsed.in_reply_to else []
    refs += [r for r in reversed(parsed.references) if r and r not in refs]
    own = _normalize_id(parsed.message_id) if parsed.message_id else ""
    return [r for r in refs if _normalize_id(r) != own]


def _remember(index: ThreadIndex, scope: str, key: str, parsed: ParsedMail, notice: Notice, subject: str,
              moment: float) -> None:
    """Later replies (by Message-ID) and follow-ups (by subject, when the notice threads on it) find ``key``."""
    if parsed.message_id:
        index.remember(scope, parsed.message_id, key)
    if notice.thread_on and subject:
        index.remember_subject(scope, subject, key, moment)


# ---------------------------------------------------------------------- per-thread locks

ThreadLock = Callable[[str], AbstractContextManager[object]]


class _ProcessLocks:
    def __init__(self) -> None:
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def __call__(self, key: str) -> AbstractContextManager[object]:
        with self._guard:
            return self._locks.setdefault(key, threading.Lock())


def process_thread_lock() -> ThreadLock:
    """One lock per thread key inside this process (no Redis)."""
    return _ProcessLocks()


def redis_thread_lock(client: redis.Redis, *, timeout: float = 120.0, wait: float = 30.0,
                      prefix: str = "rootmail:lock:thread") -> ThreadLock:
    """One lock per thread key for every worker sharing ``client``.

    ``timeout`` frees the lock of a killed worker; ``wait`` is how long a second delivery of the
    same thread queues behind the first before it becomes a TransientError (the task retries).
    """

    @contextmanager
    def locked(key: str) -> Iterator[object]:
        lock = client.lock(f"{prefix}:{_digest(key)}", timeout=timeout, blocking_timeout=wait)
        try:
            acquired = lock.acquire()
        except redis.RedisError as exc:
            raise TransientError(f"thread lock unavailable: {type(exc).__name__}", retry_after=5.0) from exc
        if not acquired:
            raise TransientError("thread is locked by another worker", retry_after=5.0)
        try:
            yield lock
        finally:
            # expired meanwhile: harmless, the helpdesk writes are idempotent anyway
            with suppress(redis.exceptions.LockError):
                lock.release()

    return locked
