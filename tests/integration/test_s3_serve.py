"""End to end with the S3 store: ``rootmail serve`` (receiver and worker) against moto's S3 server
and a real Redis; three messages over SMTP become three tickets and three done markers."""

from __future__ import annotations

import secrets
import urllib.request
from collections.abc import Iterator
from email.utils import make_msgid
from pathlib import Path
from typing import Any

import boto3
import pytest

from tests.conftest import RedisServer, moto_server, wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
ACME = "aws-root+acme-prod@roots.example.com"
AWS_ENV = {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_DEFAULT_REGION": "us-east-1"}


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture()
def s3(moto_endpoint: str) -> Any:
    return boto3.client("s3", endpoint_url=moto_endpoint, region_name="us-east-1",
                        aws_access_key_id="testing", aws_secret_access_key="testing")


@pytest.fixture()
def bucket(s3: Any) -> str:
    name = f"rootmail-it-{secrets.token_hex(6)}"
    s3.create_bucket(Bucket=name)
    return name


@pytest.fixture()
def rootmail(tmp_path: Path, redis_server: RedisServer, moto_endpoint: str, bucket: str) -> Iterator[Rootmail]:
    redis_server.client().flushall()
    rm = Rootmail(tmp_path / "site", store="s3", s3_bucket=bucket, s3_prefix="site/",
                  redis_url=redis_server.url, worker="true")
    for name in list(rm.env):
        if name.startswith("AWS_"):
            del rm.env[name]  # nothing from the caller's AWS configuration
    rm.env.update(AWS_ENV, AWS_ENDPOINT_URL=moto_endpoint, AWS_CONFIG_FILE="/nonexistent",
                  AWS_SHARED_CREDENTIALS_FILE="/nonexistent")
    yield rm
    rm.close()


def notice(n: int) -> bytes:
    return (
        f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {ACME}\r\n"
        f"Subject: S3 store notice {n}\r\nMessage-ID: {make_msgid(f's3-{n}', 'test.amazonses.com')}\r\n"
        f"Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\nNotice number {n}.\r\n"
    ).encode()


def names(s3: Any, bucket: str, folder: str) -> set[str]:
    listing = s3.list_objects_v2(Bucket=bucket, Prefix=f"site/{folder}/")
    return {item["Key"].rpartition("/")[2] for item in listing.get("Contents", ())}


def test_serve_with_s3_store_turns_three_messages_into_three_tickets(rootmail: Rootmail, s3: Any,
                                                                     bucket: str) -> None:
    serve = rootmail.serve()
    keys = []
    for n in range(3):
        code, reply = rootmail.send(notice(n), [ACME])
        assert code == 250, reply
        keys.append(reply.decode().rsplit(" ", 1)[-1])
    assert names(s3, bucket, "messages") == {f"{key}.msg" for key in keys}
    # a message is marked done before its pending marker is deleted (two S3 requests): poll for both
    status = wait_for(lambda: (s := rootmail.status())["done"] == 3 and s["pending_in_store"] == 0 and s,
                      timeout=90, message="status done=3, nothing pending")
    assert (status["pending_in_store"], status["quarantined_in_store"], status["oldest_unfinished"]) == (0, 0, None)
    tickets = wait_for(lambda: len(t := rootmail.tickets()) == 3 and t, timeout=30, message="3 tickets")
    assert sorted(t["subject"] for t in tickets) == [f"S3 store notice {n}" for n in range(3)]
    assert names(s3, bucket, "done") == set(keys)
    assert names(s3, bucket, "pending") == set()
    assert rootmail.json("quarantine", "list", "--json") == []  # the CLI reads the S3 store too
    with urllib.request.urlopen(f"http://127.0.0.1:{rootmail.http_port}/readyz", timeout=5) as response:
        assert response.status == 200  # ready: the bucket answers
    local = rootmail.workdir / "rootmail-data" / "messages"
    assert not list(local.rglob("*.msg")) if local.exists() else True
    assert rootmail.stop(serve) == 0
    assert "Traceback" not in rootmail.log("serve.log")
