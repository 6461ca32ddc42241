"""The S3 message store: several receivers and workers share one bucket.

Layout under ``<prefix>`` in the bucket::

    messages/<key>.msg      the message, written once and never modified or deleted
    pending/<key>           empty marker: accepted, not finished (what the reconciler lists)
    done/<key>              empty marker: ticketed (or dropped by a human)
    quarantine/<key>        marker whose body is JSON ``{"key", "reason", "at"}``

The ``.msg`` object has the same format as the local store's file (one JSON envelope line, then the
raw bytes exactly as received). It is created with ``If-None-Match: *`` so an existing object is
never overwritten, with a SHA-256 checksum that S3 verifies before it answers, and with SSE-KMS
when a key is configured. State lives only in the small marker objects, so the message object
works under Object Lock (compliance mode): markers are created and deleted (a delete marker in a
versioned bucket), the message never is.

A state change writes the new marker before it deletes the old one, so a crash in between leaves
two markers, never none; :meth:`S3Store.state` resolves that as quarantined, then done, then
pending, and repeating the change finishes it.

Every boto3/botocore failure is a :class:`~ingest.store.StoreError` naming the bucket and the
object key, never the message content. The caller builds the boto3 client (credentials, region,
endpoint, retries all come from standard boto3 configuration).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from ingest.envelope import Envelope
from ingest.store import StoredMessage, StoreError, _valid_key, decode_message, encode_message, new_key

_NOT_FOUND = frozenset({"404", "NoSuchKey", "NotFound"})
_ALREADY_EXISTS = frozenset({"412", "PreconditionFailed", "409", "ConditionalRequestConflict"})
_KEY_ATTEMPTS = 3  # a fresh key after a collision (never expected: 80 random bits per second)


class _KeyTaken(Exception):
    """The message object already exists: this key is used."""


def _error_code(exc: ClientError) -> str:
    return str(exc.response.get("Error", {}).get("Code", "") or "")


def _supports_if_none_match(client: Any) -> bool:
    """Whether the client's S3 model (botocore >= 1.35) sends ``IfNoneMatch`` on PutObject."""
    try:
        members = client.meta.service_model.operation_model("PutObject").input_shape.members
    except Exception:  # an unusual client object: use the HEAD check
        return False
    return "IfNoneMatch" in members


class S3Store:
    """A message store in one S3 bucket, under a key prefix (see the module docstring)."""

    def __init__(self, client: Any, bucket: str, prefix: str = "rootmail/", *, kms_key_id: str | None = None,
                 max_workers: int = 16) -> None:
        self.client = client
        self.bucket = bucket
        self.prefix = prefix
        self.kms_key_id = kms_key_id
        self.max_workers = max_workers
        # Conditional write when botocore can send it; else a HEAD check before the write (racy
        # between two writers, but keys carry 80 random bits, so no two writers share one).
        self.conditional_put = _supports_if_none_match(client)
        self._executor: ThreadPoolExecutor | None = None
        self._executor_lock = threading.Lock()

    # ---- object names and the one choke point for errors

    def message_object(self, key: str) -> str:
        return f"{self.prefix}messages/{key}.msg"

    def marker_object(self, state: str, key: str) -> str:
        return f"{self.prefix}{state}/{key}"

    def _failure(self, action: str, obj: str, exc: Exception) -> StoreError:
        if isinstance(exc, ClientError):
            detail = _error_code(exc) or "error"
            message = str(exc.response.get("Error", {}).get("Message", "") or "")
            if message:
                detail = f"{detail}: {message}"
        else:
            detail = type(exc).__name__
        return StoreError(f"cannot {action} s3://{self.bucket}/{obj} ({detail})")

    def _put_args(self) -> dict[str, Any]:
        args: dict[str, Any] = {"Bucket": self.bucket, "ChecksumAlgorithm": "SHA256"}
        if self.kms_key_id:
            args["ServerSideEncryption"] = "aws:kms"
            args["SSEKMSKeyId"] = self.kms_key_id
        return args

    def _exists(self, obj: str) -> bool:
        try:
            self.client.head_object(Bucket=self.bucket, Key=obj)
        except ClientError as exc:
            if _error_code(exc) in _NOT_FOUND:
                return False
            raise self._failure("read", obj, exc) from None
        except BotoCoreError as exc:
            raise self._failure("read", obj, exc) from None
        return True

    def _put_marker(self, state: str, key: str, body: bytes = b"") -> None:
        obj = self.marker_object(state, key)
        try:
            self.client.put_object(Key=obj, Body=body, ContentType="application/json" if body else
                                   "application/octet-stream", **self._put_args())
        except (ClientError, BotoCoreError) as exc:
            raise self._failure("write", obj, exc) from None

    def _delete_marker(self, state: str, key: str) -> None:
        obj = self.marker_object(state, key)
        try:
            self.client.delete_object(Bucket=self.bucket, Key=obj)
        except (ClientError, BotoCoreError) as exc:
            raise self._failure("delete", obj, exc) from None

    def _check_key(self, key: str) -> None:
        if not _valid_key(key):
            raise StoreError(f"invalid message key {key!r}")

    # ---- writing

    def _write_message(self, key: str, body: bytes) -> None:
        """Create the message object; :class:`_KeyTaken` if it exists (it is never overwritten)."""
        obj = self.message_object(key)
        args = self._put_args()
        if self.conditional_put:
            args["IfNoneMatch"] = "*"
        elif self._exists(obj):
            raise _KeyTaken(obj)
        try:
            self.client.put_object(Key=obj, Body=body, ContentType="message/rfc822", **args)
        except ClientError as exc:
            if _error_code(exc) in _ALREADY_EXISTS:
                raise _KeyTaken(obj) from None
            raise self._failure("store a message as", obj, exc) from None
        except BotoCoreError as exc:
            raise self._failure("store a message as", obj, exc) from None

    def put(self, envelope: Envelope, raw: bytes) -> str:
        """Store the message, then its pending marker; the key once both are in S3."""
        body = encode_message(envelope, raw)
        for _ in range(_KEY_ATTEMPTS):
            key = new_key(envelope.received_at or None)
            try:
                self._write_message(key, body)
            except _KeyTaken:
                continue
            self._put_marker("pending", key)
            return key
        raise StoreError(f"cannot store a message in s3://{self.bucket}/{self.prefix}messages/: "
                         f"{_KEY_ATTEMPTS} new keys were all taken")

    def _put_or_error(self, item: tuple[Envelope, bytes]) -> str | StoreError:
        try:
            return self.put(*item)
        except StoreError as exc:
            return exc
        except Exception as exc:  # never let one message's surprise fail the batch
            return StoreError(f"cannot store a message in s3://{self.bucket}: {type(exc).__name__}")

    def put_many(self, items: list[tuple[Envelope, bytes]]) -> list[str | StoreError]:
        """Store a batch in parallel (a few threads, so not N sequential round trips); a key, or
        that message's StoreError, per item. Each key is returned only once its objects are in S3."""
        if len(items) <= 1:
            return [self._put_or_error(item) for item in items]
        return list(self._pool().map(self._put_or_error, items))

    def _pool(self) -> ThreadPoolExecutor:
        with self._executor_lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(max_workers=self.max_workers, thread_name_prefix="s3store")
            return self._executor

    def close(self) -> None:
        """Stop the put_many threads (optional: they are idle threads otherwise)."""
        with self._executor_lock:
            executor, self._executor = self._executor, None
        if executor is not None:
            executor.shutdown(wait=True)

    # ---- reading

    def get(self, key: str) -> StoredMessage:
        self._check_key(key)
        obj = self.message_object(key)
        try:
            response = self.client.get_object(Bucket=self.bucket, Key=obj, ChecksumMode="ENABLED")
            blob = response["Body"].read()
        except ClientError as exc:
            if _error_code(exc) in _NOT_FOUND:
                raise StoreError(f"no stored message {key} (s3://{self.bucket}/{obj})") from None
            raise self._failure("read", obj, exc) from None
        except BotoCoreError as exc:  # includes a checksum mismatch on the way back
            raise self._failure("read", obj, exc) from None
        return decode_message(key, blob)

    def state(self, key: str) -> str:
        """``pending``, ``done`` or ``quarantined`` according to the markers (see the module doc)."""
        self._check_key(key)
        for marker, state in (("quarantine", "quarantined"), ("done", "done"), ("pending", "pending")):
            if self._exists(self.marker_object(marker, key)):
                return state
        raise StoreError(f"no stored message {key} (s3://{self.bucket}/{self.prefix}*/{key})")

    def state_or_none(self, key: str) -> str | None:
        try:
            return self.state(key)
        except StoreError:
            return None

    def _list(self, folder: str) -> Iterator[dict[str, Any]]:
        where = f"{self.prefix}{folder}/"
        try:
            paginator = self.client.get_paginator("list_objects_v2")
            for page in paginator.paginate(Bucket=self.bucket, Prefix=where):
                yield from page.get("Contents", ())
        except (ClientError, BotoCoreError) as exc:
            raise self._failure("list", where, exc) from None

    def pending(self) -> Iterator[tuple[str, float]]:
        """Pending keys with the time their marker was written, oldest first."""
        start = len(self.prefix) + len("pending/")
        entries = [(item["Key"][start:], item["LastModified"].timestamp()) for item in self._list("pending")]
        yield from sorted(entries)

    # ---- state changes (each idempotent)

    def mark_done(self, key: str) -> None:
        self._check_key(key)
        if not self._exists(self.marker_object("pending", key)):
            return  # already finished, or quarantined (as the local store: only pending moves)
        self._put_marker("done", key)
        self._delete_marker("pending", key)

    def quarantine(self, key: str, reason: str) -> None:
        self._check_key(key)
        note = json.dumps({"key": key, "reason": reason, "at": time.time()}).encode()
        self._put_marker("quarantine", key, note)
        self._delete_marker("pending", key)

    def _reason(self, key: str) -> str:
        obj = self.marker_object("quarantine", key)
        try:
            body = self.client.get_object(Bucket=self.bucket, Key=obj)["Body"].read()
            return str(json.loads(body).get("reason", ""))
        except ClientError as exc:
            if _error_code(exc) in _NOT_FOUND:
                return "released meanwhile"
            return "unreadable quarantine note"
        except (BotoCoreError, ValueError, AttributeError):
            return "unreadable quarantine note"

    def quarantined(self) -> Iterator[tuple[str, str]]:
        start = len(self.prefix) + len("quarantine/")
        keys = sorted(item["Key"][start:] for item in self._list("quarantine"))
        reasons = list(self._pool().map(self._reason, keys)) if keys else []
        yield from zip(keys, reasons, strict=True)

    def release(self, key: str) -> None:
        """Put a quarantined message back to pending (``quarantine retry``)."""
        self._check_key(key)
        if not self._exists(self.marker_object("quarantine", key)):
            return
        self._put_marker("pending", key)
        self._delete_marker("quarantine", key)

    def check(self) -> None:
        """Readiness: the bucket answers with these credentials (StoreError if not)."""
        try:
            self.client.head_bucket(Bucket=self.bucket)
        except (ClientError, BotoCoreError) as exc:
            raise self._failure("reach", self.prefix, exc) from None

    def clean_tmp(self) -> int:
        """Nothing to clean: S3 never shows a half-written object."""
        return 0
