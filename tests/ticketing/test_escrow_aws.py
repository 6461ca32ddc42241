"""Escrow in SSM Parameter Store (SecureString, customer KMS key) and Secrets Manager, against moto
in server mode: values stored encrypted under the given key, newest live secret per account, the
time to live handled by rootmail (expired entries never returned, then deleted)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import boto3
import pytest

from tests.conftest import moto_server
from ticketing.escrow import EscrowedSecret, SecretsManagerEscrow, SsmEscrow

NOW = 1_800_000_000.0
ACCOUNT = "123456789012"


@pytest.fixture()
def aws(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    with moto_server() as endpoint:
        settings = {"endpoint_url": endpoint, "region_name": "eu-west-1", "aws_access_key_id": "testing",
                    "aws_secret_access_key": "testing"}
        key_id = boto3.client("kms", **settings).create_key(Description="escrow")["KeyMetadata"]["KeyId"]
        yield {"settings": settings, "key_id": key_id}


def _exercise(escrow: Any) -> None:
    escrow.put(EscrowedSecret(ACCOUNT, "old", "one-time password", "111111", NOW - 10, NOW + 60))
    escrow.put(EscrowedSecret(ACCOUNT, "new", "password reset link", "https://x/reset?t=abc", NOW, NOW + 900))
    escrow.put(EscrowedSecret("210987654321", "other", "one-time password", "333333", NOW + 1, NOW + 900))
    newest = escrow.newest(ACCOUNT, NOW)
    assert newest is not None and newest.message_key == "new"
    assert escrow.newest(ACCOUNT, NOW + 901) is None
    assert escrow.purge(NOW + 61) == 1
    assert escrow.newest(ACCOUNT, NOW).message_key == "new"
    assert escrow.purge(NOW + 901) == 2
    assert escrow.newest("210987654321", NOW) is None


def test_ssm_securestring_escrow(aws: dict[str, Any]) -> None:
    client = boto3.client("ssm", **aws["settings"])
    # moto's backends are per process, not per server: a prefix of this test's own
    prefix = f"/rootmail/escrow-{uuid.uuid4().hex[:8]}/"
    escrow = SsmEscrow(client, prefix, aws["key_id"])
    escrow.put(EscrowedSecret(ACCOUNT, "probe", "one-time password", "424242", NOW, NOW + 5))
    described = client.describe_parameters(ParameterFilters=[
        {"Key": "Name", "Option": "BeginsWith", "Values": [prefix.rstrip("/")]}])["Parameters"]
    assert len(described) == 1
    assert described[0]["Type"] == "SecureString" and described[0]["KeyId"].endswith(aws["key_id"])
    # (moto only simulates KMS: what it returns undecrypted says nothing about real encryption)
    escrow.purge(NOW + 10)
    _exercise(escrow)


def test_secretsmanager_escrow(aws: dict[str, Any]) -> None:
    client = boto3.client("secretsmanager", **aws["settings"])
    prefix = f"/rootmail/escrow-{uuid.uuid4().hex[:8]}/"
    escrow = SecretsManagerEscrow(client, prefix, aws["key_id"])
    escrow.put(EscrowedSecret(ACCOUNT, "probe", "one-time password", "424242", NOW, NOW + 5))
    listed = [s for s in client.list_secrets()["SecretList"] if s["Name"].startswith(prefix.strip("/"))]
    assert len(listed) == 1
    assert listed[0]["KmsKeyId"].endswith(aws["key_id"])
    escrow.purge(NOW + 10)
    _exercise(escrow)
