"""One contract for every message store: LocalStore on a temp directory and S3Store against moto's
S3 server (a real HTTP endpoint, so boto3 runs its whole request path: signing, checksums, retries).

The S3-only tests at the end check what only S3 has: write-once message objects (If-None-Match),
the integrity checksum and SSE-KMS parameters.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

from ingest import s3store
from ingest.envelope import Envelope
from ingest.s3store import S3Store
from ingest.store import LocalStore, StoreError
from tests.conftest import free_port, moto_server

ENVELOPE = Envelope(mail_from="bounce@amazonses.com", rcpt_tos=("a@x.example", "b@x.example"),
                    peer="127.0.0.1", helo="mx", received_at=1_790_000_000.0)
RAW = b"Subject: hi\r\nMessage-ID: <1@x>\r\n\r\nbody \xff bytes kept exactly SECRET-TOKEN-123\r\n"
UNKNOWN = "20260101T000000-00000000000000000000"


@pytest.fixture(scope="session")
def moto_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture()
def aws_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Dummy credentials and region; nothing from the caller's AWS configuration applies."""
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_ENDPOINT_URL",
                 "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", "/nonexistent")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", "/nonexistent")


def client_for(endpoint: str, service: str = "s3") -> Any:
    # few retries: a missing bucket must fail fast in the tests
    return boto3.client(service, endpoint_url=endpoint, region_name="us-east-1",
                        config=Config(retries={"mode": "standard", "max_attempts": 2}))


@pytest.fixture()
def s3(moto_endpoint: str, aws_env: None) -> Any:
    return client_for(moto_endpoint)


@pytest.fixture()
def bucket(s3: Any) -> str:
    name = f"rootmail-{secrets.token_hex(6)}"
    s3.create_bucket(Bucket=name)
    return name


StoreFactory = Callable[[], Any]


@pytest.fixture(params=["local", "s3"])
def kind(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture()
def store(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    if kind == "local":
        yield LocalStore(tmp_path / "messages", fsync=False)
        return
    s3 = request.getfixturevalue("s3")
    made = S3Store(s3, request.getfixturevalue("bucket"), "site/")
    yield made
    made.close()


@pytest.fixture()
def broken_store(kind: str, request: pytest.FixtureRequest, tmp_path: Path) -> Any:
    """A store whose writes fail: a plain file where the pending directory should be, or a bucket
    that does not exist."""
    if kind == "local":
        local = LocalStore(tmp_path / "messages", fsync=False)
        local.pending_dir.rmdir()
        local.pending_dir.write_text("not a directory")
        return local
    return S3Store(request.getfixturevalue("s3"), f"missing-{secrets.token_hex(6)}", "site/")


# ---- the contract


def test_put_then_get_returns_exact_bytes_and_envelope(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    stored = store.get(key)
    assert (stored.key, stored.raw, stored.envelope) == (key, RAW, ENVELOPE)
    assert store.state(key) == "pending"
    assert store.state_or_none(key) == "pending"
    [(pending_key, stored_at)] = list(store.pending())
    assert pending_key == key
    assert abs(stored_at - time.time()) < 300


def test_keys_are_unique_and_time_sortable(store: Any) -> None:
    keys = [store.put(ENVELOPE, RAW) for _ in range(20)]
    assert len(set(keys)) == 20
    assert all(k.startswith("20260921T") for k in keys)  # from received_at
    assert [k for k, _ in store.pending()] == sorted(keys)


def test_pending_is_oldest_first(store: Any) -> None:
    later = store.put(Envelope(mail_from="", rcpt_tos=("a@x.example",), received_at=1_800_000_000.0), RAW)
    earlier = store.put(ENVELOPE, RAW)
    assert [k for k, _ in store.pending()] == [earlier, later]


def test_mark_done_leaves_pending_keeps_message_and_is_idempotent(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    other = store.put(ENVELOPE, RAW + b"2")
    store.mark_done(key)
    store.mark_done(key)
    assert store.state(key) == "done"
    assert [k for k, _ in store.pending()] == [other]
    assert store.get(key).raw == RAW
    assert list(store.quarantined()) == []


def test_quarantine_keeps_message_and_reason_and_release_restores(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    store.quarantine(key, "unparseable mail: empty message")
    store.quarantine(key, "unparseable mail: empty message")
    assert store.state(key) == "quarantined"
    assert list(store.pending()) == []
    assert list(store.quarantined()) == [(key, "unparseable mail: empty message")]
    assert store.get(key).raw == RAW
    store.mark_done(key)  # only a pending message finishes: a quarantined one stays for a human
    assert store.state(key) == "quarantined"
    store.release(key)
    store.release(key)
    assert store.state(key) == "pending"
    assert [k for k, _ in store.pending()] == [key]
    assert list(store.quarantined()) == []


def test_dropping_from_quarantine_is_release_then_done(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    store.quarantine(key, "no route")
    store.release(key)
    store.mark_done(key)
    assert store.state(key) == "done"
    assert list(store.pending()) == list(store.quarantined()) == []


def test_release_of_a_message_not_in_quarantine_changes_nothing(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    store.release(key)
    assert store.state(key) == "pending"
    store.mark_done(key)
    store.release(key)
    assert store.state(key) == "done"


def test_quarantined_lists_every_message_with_its_reason(store: Any) -> None:
    keys = [store.put(ENVELOPE, RAW) for _ in range(3)]
    for n, key in enumerate(keys):
        store.quarantine(key, f"reason {n}")
    assert list(store.quarantined()) == sorted((key, f"reason {n}") for n, key in enumerate(keys))


def test_put_many_stores_a_batch_with_one_key_each(store: Any) -> None:
    items = [(ENVELOPE, RAW + str(n).encode()) for n in range(12)]
    results = store.put_many(items)
    assert all(isinstance(key, str) for key in results)
    assert len(set(results)) == 12
    assert [store.get(str(key)).raw for key in results] == [raw for _, raw in items]
    assert sorted(k for k, _ in store.pending()) == sorted(str(k) for k in results)


def test_put_many_of_nothing_is_nothing(store: Any) -> None:
    assert store.put_many([]) == []


def test_unknown_or_invalid_key_is_a_store_error(store: Any) -> None:
    for key in ("../../etc/passwd", UNKNOWN):
        with pytest.raises(StoreError):
            store.get(key)
        with pytest.raises(StoreError):
            store.state(key)
        assert store.state_or_none(key) is None


def test_clean_tmp_leaves_stored_messages_alone(store: Any) -> None:
    key = store.put(ENVELOPE, RAW)
    assert store.clean_tmp() == 0
    assert [k for k, _ in store.pending()] == [key]


def test_failing_store_raises_store_error_without_the_content(broken_store: Any) -> None:
    with pytest.raises(StoreError) as caught:
        broken_store.put(ENVELOPE, RAW)
    assert b"SECRET-TOKEN" not in str(caught.value).encode()
    results = broken_store.put_many([(ENVELOPE, RAW), (ENVELOPE, RAW)])
    assert all(isinstance(r, StoreError) for r in results)
    assert all("SECRET-TOKEN" not in str(r) for r in results)


# ---- S3 only


@pytest.fixture()
def s3_store(s3: Any, bucket: str) -> Iterator[S3Store]:
    made = S3Store(s3, bucket, "site/")
    yield made
    made.close()


def test_s3_layout_is_a_message_object_and_state_markers(s3: Any, bucket: str, s3_store: S3Store) -> None:
    key = s3_store.put(ENVELOPE, RAW)
    done = s3_store.put(ENVELOPE, RAW)
    s3_store.mark_done(done)
    quarantined = s3_store.put(ENVELOPE, RAW)
    s3_store.quarantine(quarantined, "no route")
    names = {item["Key"] for item in s3.list_objects_v2(Bucket=bucket)["Contents"]}
    assert names == {
        f"site/messages/{key}.msg", f"site/messages/{done}.msg", f"site/messages/{quarantined}.msg",
        f"site/pending/{key}", f"site/done/{done}", f"site/quarantine/{quarantined}",
    }
    body = s3.get_object(Bucket=bucket, Key=f"site/messages/{key}.msg")["Body"].read()
    assert body == ENVELOPE.to_json().encode() + b"\n" + RAW  # the local store's .msg format


def test_s3_message_object_is_write_once(s3: Any, bucket: str, s3_store: S3Store) -> None:
    assert s3_store.conditional_put  # this botocore sends If-None-Match on PutObject
    key = s3_store.put(ENVELOPE, RAW)
    obj = s3_store.message_object(key)
    with pytest.raises(ClientError) as caught:
        s3.put_object(Bucket=bucket, Key=obj, Body=b"overwritten", IfNoneMatch="*", ChecksumAlgorithm="SHA256")
    assert caught.value.response["Error"]["Code"] == "PreconditionFailed"
    assert s3_store.get(key).raw == RAW


@pytest.mark.parametrize("conditional", [True, False], ids=["if-none-match", "head-check"])
def test_s3_put_never_overwrites_a_taken_key(s3_store: S3Store, monkeypatch: pytest.MonkeyPatch,
                                             conditional: bool) -> None:
    s3_store.conditional_put = conditional
    taken = s3_store.put(ENVELOPE, RAW)
    fresh = iter([taken, taken, "20260921T000000-11111111111111111111"])
    monkeypatch.setattr(s3store, "new_key", lambda now=None: next(fresh))
    key = s3_store.put(ENVELOPE, b"another message")
    assert key == "20260921T000000-11111111111111111111"
    assert s3_store.get(taken).raw == RAW
    assert s3_store.get(key).raw == b"another message"


def test_s3_put_gives_up_when_every_key_is_taken(s3_store: S3Store, monkeypatch: pytest.MonkeyPatch) -> None:
    taken = s3_store.put(ENVELOPE, RAW)
    monkeypatch.setattr(s3store, "new_key", lambda now=None: taken)
    with pytest.raises(StoreError, match="taken"):
        s3_store.put(ENVELOPE, RAW)
    assert s3_store.get(taken).raw == RAW


def test_s3_message_carries_a_sha256_checksum(s3: Any, bucket: str, s3_store: S3Store) -> None:
    key = s3_store.put(ENVELOPE, RAW)
    head = s3.head_object(Bucket=bucket, Key=s3_store.message_object(key), ChecksumMode="ENABLED")
    assert head.get("ChecksumSHA256")


def test_s3_failure_names_the_bucket_and_object(s3: Any) -> None:
    missing = S3Store(s3, "no-such-rootmail-bucket", "site/")
    with pytest.raises(StoreError, match=r"s3://no-such-rootmail-bucket/site/messages/.*NoSuchBucket"):
        missing.put(ENVELOPE, RAW)
    with pytest.raises(StoreError, match="no-such-rootmail-bucket"):
        list(missing.pending())
    with pytest.raises(StoreError, match="no-such-rootmail-bucket"):
        missing.get(UNKNOWN)


def test_s3_check_says_whether_the_bucket_answers(s3: Any, s3_store: S3Store) -> None:
    s3_store.check()
    with pytest.raises(StoreError, match="no-such-rootmail-bucket"):
        S3Store(s3, "no-such-rootmail-bucket", "site/").check()


def test_s3_unreachable_endpoint_is_a_store_error(aws_env: None) -> None:
    closed = client_for(f"http://127.0.0.1:{free_port()}")
    store = S3Store(closed, "bucket", "site/")
    with pytest.raises(StoreError, match=r"s3://bucket/site/messages/.*EndpointConnectionError"):
        store.put(ENVELOPE, RAW)


def test_s3_sse_kms_parameters_are_sent(moto_endpoint: str, s3: Any, bucket: str) -> None:
    kms = client_for(moto_endpoint, "kms")
    key_id = kms.create_key(Description="rootmail test")["KeyMetadata"]["KeyId"]
    store = S3Store(s3, bucket, "site/", kms_key_id=key_id)
    key = store.put(ENVELOPE, RAW)
    store.quarantine(key, "kms marker")
    for obj in (store.message_object(key), store.marker_object("quarantine", key)):
        head = s3.head_object(Bucket=bucket, Key=obj)
        assert head["ServerSideEncryption"] == "aws:kms"
        assert key_id in head["SSEKMSKeyId"]
    assert store.get(key).raw == RAW


def test_s3_without_kms_key_leaves_encryption_to_the_bucket(s3: Any, bucket: str, s3_store: S3Store) -> None:
    key = s3_store.put(ENVELOPE, RAW)
    head = s3.head_object(Bucket=bucket, Key=s3_store.message_object(key))
    assert head.get("ServerSideEncryption") != "aws:kms"


def test_make_store_builds_the_s3_store_from_settings(moto_endpoint: str, bucket: str,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from rootmail.runtime import make_store
    from rootmail.settings import Settings

    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
    store = make_store(Settings(store="s3", s3_bucket=bucket, s3_prefix="p/", s3_kms_key_id=None))
    assert isinstance(store, S3Store)
    assert (store.bucket, store.prefix) == (bucket, "p/")
    key = store.put(ENVELOPE, RAW)
    assert store.get(key).raw == RAW


def test_make_store_without_bucket_names_the_setting(aws_env: None) -> None:
    from rootmail.errors import UsageProblem
    from rootmail.runtime import make_store
    from rootmail.settings import Settings

    with pytest.raises(UsageProblem, match="ROOTMAIL_S3_BUCKET"):
        make_store(Settings(store="s3", s3_bucket=None))
