"""Escrow of root secrets (issue 15 item 3): a code or a reset/approval link found in root-credential
mail is kept encrypted for a short time instead of being shown anywhere.

Three stores behind one small interface (:class:`Escrow`): Fernet-encrypted files in the data
directory (the embedded default; the key file is created 0600 at first use), AWS Systems Manager
Parameter Store ``SecureString`` parameters, or AWS Secrets Manager secrets (both KMS-encrypted, with
``ROOTMAIL_ESCROW_KMS_KEY_ID`` or the account's AWS-managed key). The time to live is rootmail's
own (``expires_at`` inside the encrypted value): an expired secret is never returned and is deleted
by :meth:`Escrow.purge`. Values are never logged; names carry only the account id, the time and a
hash of the message key.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, Protocol

from cryptography.fernet import Fernet, InvalidToken

from rootmail.private import FILE_MODE

KEY_FILE = "escrow.key"
ESCROW_DIR = "escrow"
_ACCOUNT = re.compile(r"^[0-9A-Za-z_-]{1,64}$")


@dataclass(frozen=True, slots=True)
class EscrowedSecret:
    """One secret of one account, what kind it is, and when it stops being revealable."""

    account_id: str
    message_key: str
    kind: str
    value: str
    received_at: float
    expires_at: float

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str | bytes) -> EscrowedSecret:
        data = json.loads(text)
        return cls(str(data["account_id"]), str(data["message_key"]), str(data["kind"]), str(data["value"]),
                   float(data["received_at"]), float(data["expires_at"]))

    @property
    def name(self) -> str:
        """A store name that sorts by arrival and says nothing secret."""
        digest = hashlib.sha256(self.message_key.encode()).hexdigest()[:16]
        return f"{self.account_id}/{int(self.received_at * 1000):015d}-{digest}"


class Escrow(Protocol):
    def put(self, secret: EscrowedSecret) -> None: ...

    def newest(self, account_id: str, now: float) -> EscrowedSecret | None: ...

    def purge(self, now: float) -> int: ...


def check_account(account_id: str) -> str:
    if not _ACCOUNT.match(account_id):
        raise ValueError(f"not an account id: {account_id!r} (digits, letters, - and _ only)")
    return account_id


class LocalEscrow:
    """Fernet tokens in ``<data_dir>/escrow/<account>/``; the key in ``<data_dir>/escrow.key`` (0600)."""

    def __init__(self, data_dir: Path) -> None:
        self.root = Path(data_dir) / ESCROW_DIR
        self.key_path = Path(data_dir) / KEY_FILE
        self._fernet: Fernet | None = None

    def fernet(self) -> Fernet:
        if self._fernet is None:
            self._fernet = Fernet(self._key())
        return self._fernet

    def _key(self) -> bytes:
        self.key_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        try:
            fd = os.open(self.key_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
        except FileExistsError:
            return self.key_path.read_bytes().strip()
        key = Fernet.generate_key()
        try:
            os.write(fd, key + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        return key

    def put(self, secret: EscrowedSecret) -> None:
        folder = self.root / check_account(secret.account_id)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        token = self.fernet().encrypt(secret.to_json().encode())
        path = folder / (secret.name.split("/", 1)[1] + ".fernet")
        temp = path.with_suffix(".tmp")
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
        try:
            os.write(fd, token)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)

    def _entries(self, account_id: str | None = None) -> list[Path]:
        if not self.root.is_dir():
            return []
        folders = [self.root / check_account(account_id)] if account_id else list(self.root.iterdir())
        return sorted((p for f in folders if f.is_dir() for p in f.glob("*.fernet")), key=lambda p: p.name)

    def _read(self, path: Path) -> EscrowedSecret | None:
        try:
            return EscrowedSecret.from_json(self.fernet().decrypt(path.read_bytes()))
        except (OSError, InvalidToken, ValueError, KeyError):
            return None

    def newest(self, account_id: str, now: float) -> EscrowedSecret | None:
        for path in reversed(self._entries(account_id)):
            secret = self._read(path)
            if secret is not None and secret.expires_at > now:
                return secret
        return None

    def purge(self, now: float) -> int:
        removed = 0
        for path in self._entries():
            secret = self._read(path)
            if secret is None or secret.expires_at <= now:
                path.unlink(missing_ok=True)
                removed += 1
        return removed


class SsmEscrow:
    """SSM Parameter Store ``SecureString`` parameters ``<prefix><account>/<time>-<hash>``."""

    def __init__(self, client: Any, prefix: str = "/rootmail/escrow/", kms_key_id: str | None = None) -> None:
        self.client, self.prefix, self.kms_key_id = client, "/" + prefix.strip("/") + "/", kms_key_id

    def put(self, secret: EscrowedSecret) -> None:
        check_account(secret.account_id)
        extra = {"KeyId": self.kms_key_id} if self.kms_key_id else {}
        self.client.put_parameter(Name=self.prefix + secret.name, Value=secret.to_json(), Type="SecureString",
                                  Overwrite=True, Description="rootmail escrowed root secret", **extra)

    def _all(self, path: str) -> list[tuple[str, EscrowedSecret | None]]:
        out: list[tuple[str, EscrowedSecret | None]] = []
        for page in self.client.get_paginator("get_parameters_by_path").paginate(
                Path=path, Recursive=True, WithDecryption=True):
            for parameter in page.get("Parameters", []):
                try:
                    out.append((parameter["Name"], EscrowedSecret.from_json(parameter["Value"])))
                except (ValueError, KeyError):
                    out.append((parameter["Name"], None))
        return sorted(out, key=lambda item: item[0])

    def newest(self, account_id: str, now: float) -> EscrowedSecret | None:
        found = [s for _, s in self._all(self.prefix + check_account(account_id)) if s and s.expires_at > now]
        return found[-1] if found else None

    def purge(self, now: float) -> int:
        expired = [name for name, s in self._all(self.prefix.rstrip("/")) if s is None or s.expires_at <= now]
        for start in range(0, len(expired), 10):  # DeleteParameters takes at most 10 names
            self.client.delete_parameters(Names=expired[start:start + 10])
        return len(expired)


class SecretsManagerEscrow:
    """Secrets Manager secrets ``<prefix><account>/<time>-<hash>``, deleted without a recovery window."""

    def __init__(self, client: Any, prefix: str = "/rootmail/escrow/", kms_key_id: str | None = None) -> None:
        self.client, self.prefix, self.kms_key_id = client, prefix.strip("/") + "/", kms_key_id

    def put(self, secret: EscrowedSecret) -> None:
        check_account(secret.account_id)
        extra = {"KmsKeyId": self.kms_key_id} if self.kms_key_id else {}
        self.client.create_secret(Name=self.prefix + secret.name, SecretString=secret.to_json(),
                                  Description="rootmail escrowed root secret",
                                  Tags=[{"Key": "rootmail-expires-at", "Value": str(int(secret.expires_at))}],
                                  **extra)

    def _names(self, prefix: str) -> list[str]:
        names: list[str] = []
        for page in self.client.get_paginator("list_secrets").paginate(
                Filters=[{"Key": "name", "Values": [prefix]}]):
            names += [entry["Name"] for entry in page.get("SecretList", []) if entry["Name"].startswith(prefix)]
        return sorted(names)

    def _get(self, name: str) -> EscrowedSecret | None:
        try:
            return EscrowedSecret.from_json(self.client.get_secret_value(SecretId=name)["SecretString"])
        except (ValueError, KeyError):
            return None

    def newest(self, account_id: str, now: float) -> EscrowedSecret | None:
        for name in reversed(self._names(self.prefix + check_account(account_id) + "/")):
            secret = self._get(name)
            if secret is not None and secret.expires_at > now:
                return secret
        return None

    def purge(self, now: float) -> int:
        removed = 0
        for name in self._names(self.prefix):
            secret = self._get(name)
            if secret is None or secret.expires_at <= now:
                self.client.delete_secret(SecretId=name, ForceDeleteWithoutRecovery=True)
                removed += 1
        return removed
