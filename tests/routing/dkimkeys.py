"""Test DKIM keys made at test time, and signing of fixture mails (no key material is committed)."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from functools import lru_cache

import dkim
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa


@dataclass(frozen=True)
class TestKey:
    private_pem: bytes
    public_b64: str

    @property
    def txt(self) -> str:
        return f"v=DKIM1; k=rsa; p={self.public_b64}"


@lru_cache(maxsize=2)
def test_key(bits: int = 1024) -> TestKey:
    key = rsa.generate_private_key(public_exponent=65537, key_size=bits)
    private = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.TraditionalOpenSSL,
                                serialization.NoEncryption())
    public = key.public_key().public_bytes(serialization.Encoding.DER,
                                           serialization.PublicFormat.SubjectPublicKeyInfo)
    return TestKey(private, base64.b64encode(public).decode("ascii"))


SELECTOR = "rmtest"


def sign(raw: bytes, *domains: str, key: TestKey | None = None) -> bytes:
    """``raw`` with one DKIM-Signature per domain (first domain topmost), selector ``rmtest``."""
    key = key or test_key()
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    for domain in reversed(domains):
        header = dkim.sign(raw, SELECTOR.encode(), domain.encode(), key.private_pem,
                           include_headers=[b"from", b"to", b"subject", b"date", b"message-id"])
        raw = header + raw
    return raw


def dkim_records(*domains: str, key: TestKey | None = None) -> dict[str, str]:
    """TXT records that publish the test key for ``domains``."""
    key = key or test_key()
    return {f"{SELECTOR}._domainkey.{domain}": key.txt for domain in domains}
