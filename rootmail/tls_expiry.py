"""The STARTTLS certificate's expiry as a Prometheus gauge, set when ``serve`` starts.

``rootmail_tls_certificate_expiry_timestamp_seconds`` is the certificate's notAfter (Unix time);
the chart's ``RootmailTLSCertificateExpiresSoon`` alert compares it with ``time()``. The standard
library has no public way to read a server certificate's dates (``SSLContext.get_ca_certs`` lists
CA certificates only), so the few DER fields up to ``validity`` are read here (RFC 5280 4.1).
"""

from __future__ import annotations

import base64
import calendar
import re
import time
from pathlib import Path

import structlog
from prometheus_client import Gauge

log = structlog.get_logger(__name__)
CERT_EXPIRY = Gauge("rootmail_tls_certificate_expiry_timestamp_seconds",
                    "notAfter of the STARTTLS certificate (Unix time); absent without STARTTLS.",
                    multiprocess_mode="max")
_PEM = re.compile(rb"-----BEGIN CERTIFICATE-----(.+?)-----END CERTIFICATE-----", re.DOTALL)
_UTC_TIME, _GENERALIZED_TIME, _EXPLICIT_0 = 0x17, 0x18, 0xA0


def _element(der: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, content start, content end) of the DER element at ``pos``."""
    tag, length = der[pos], der[pos + 1]
    pos += 2
    if length & 0x80:
        size = length & 0x7F
        length = int.from_bytes(der[pos:pos + size], "big")
        pos += size
    if pos + length > len(der):
        raise ValueError("truncated DER")
    return tag, pos, pos + length


def not_after(der: bytes) -> float:
    """The notAfter of a DER X.509 certificate, as Unix time."""
    _, tbs, _ = _element(der, 0)            # Certificate ::= SEQUENCE { tbsCertificate, ... }
    _, pos, _ = _element(der, tbs)          # TBSCertificate ::= SEQUENCE {
    tag, _, end = _element(der, pos)
    if tag == _EXPLICIT_0:                  #   version [0] EXPLICIT (absent for v1)
        tag, _, end = _element(der, end)    #   serialNumber
    for _field in ("signature", "issuer"):
        _, _, end = _element(der, end)
    _, validity, _ = _element(der, end)     #   validity ::= SEQUENCE { notBefore, notAfter }
    _, _, before_end = _element(der, validity)
    tag, start, stop = _element(der, before_end)
    text = der[start:stop].decode("ascii")
    if tag == _UTC_TIME:                    # YYMMDDHHMMSSZ: years 50-99 are 19xx (RFC 5280 4.1.2.5.1)
        year = int(text[:2])
        text = f"{1900 + year if year >= 50 else 2000 + year}{text[2:]}"
    elif tag != _GENERALIZED_TIME:
        raise ValueError(f"unexpected time tag {tag:#x}")
    return float(calendar.timegm(time.strptime(text, "%Y%m%d%H%M%SZ")))


def certificate_not_after(cert_file: Path) -> float:
    """notAfter of the first certificate (the server's own) of a PEM file."""
    match = _PEM.search(cert_file.read_bytes())
    if match is None:
        raise ValueError(f"{cert_file} holds no PEM certificate")
    return not_after(base64.b64decode(b"".join(match.group(1).split())))


def record_certificate_expiry(cert_file: str | Path | None) -> float | None:
    """Set the gauge from the configured certificate; None (gauge untouched) without STARTTLS or
    when the file cannot be read this way (logged: TLS itself was already checked by ``serve``)."""
    if not cert_file:
        return None
    try:
        expiry = certificate_not_after(Path(cert_file))
    except (OSError, ValueError, IndexError) as exc:
        log.warning("tls_certificate_expiry_unknown", error=type(exc).__name__)
        return None
    CERT_EXPIRY.set(expiry)
    return expiry
