"""Authentication-Results of the one trusted relay (RFC 8601), read with the ``authres`` parser.

Trusted only when both hold: ``authserv_id`` is configured (``ROOTMAIL_AUTHSERV_ID``) and the SMTP
peer that handed us the mail is inside one of the trusted relay networks
(``ROOTMAIL_TRUSTED_RELAY_NETWORKS``, CIDRs; empty: never trusted). A sender connecting directly can
write any Authentication-Results header, so from any other peer they are all ignored.

Of the relay's headers the topmost one with its authserv-id is read (RFC 8601 §5: a relay removes or
renames incoming headers with its own authserv-id and adds its own on top). The header is read from
its raw bytes (never RFC 2047-decoded) and parsed by ``authres`` (quoted strings and comments
respected: ``smtp.mailfrom="x;dmarc=pass"`` is one property value, not a result). A header that does
not parse, or is longer than :data:`MAX_RESULTS_BYTES`, is treated as absent, with the reason.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import authres
import authres.dmarc

IpNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
_FWS = re.compile(rb"\r?\n(?=[ \t])")
_CONTEXT = authres.FeatureContext(authres.dmarc)
# a relay's header longer than this is not handed to ``authres`` (unreadable, checked here instead): its
# parser costs 100 us and more per byte of quoted values and grows faster than the header (4,000 results,
# 104 KB: 1.0 s; 8,000: 4.1 s). Real ones are a few hundred bytes (the longest of our samples: 370)
MAX_RESULTS_BYTES = 8192


def parse_networks(value: str | Iterable[str]) -> tuple[IpNetwork, ...]:
    """CIDRs from ``"10.0.0.0/8, 2001:db8::/32"`` or a list; raise ValueError naming a bad one."""
    items = value.split(",") if isinstance(value, str) else list(value)
    networks = []
    for item in (i.strip() for i in items):
        if item:
            try:
                networks.append(ipaddress.ip_network(item, strict=False))
            except ValueError as exc:
                raise ValueError(f"{item!r} is not a network in CIDR notation (e.g. 10.0.0.0/8)") from exc
    return tuple(networks)


def peer_in(peer: str, networks: Sequence[IpNetwork]) -> bool:
    """Is the SMTP peer address ``peer`` inside one of ``networks``?"""
    try:
        ip = ipaddress.ip_address(peer.strip().strip("[]"))
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return any(ip.version == net.version and ip in net for net in networks)


@dataclass(frozen=True, slots=True)
class MethodResult:
    """One ``method=result`` of the header with its properties (``header.d`` -> value)."""

    method: str
    result: str
    properties: tuple[tuple[str, str], ...]

    def prop(self, name: str) -> str:
        return next((v for k, v in self.properties if k == name), "")


@dataclass(frozen=True, slots=True)
class RelayResults:
    """The relay's results for this mail, first per method as written."""

    authserv_id: str
    results: tuple[MethodResult, ...]

    def first(self, method: str) -> MethodResult | None:
        return next((r for r in self.results if r.method == method), None)

    def all(self, method: str) -> tuple[MethodResult, ...]:
        return tuple(r for r in self.results if r.method == method)


class UnreadableResults(ValueError):
    """The relay's header is there but does not parse."""


def _parse(value: bytes) -> RelayResults:
    if len(value) > MAX_RESULTS_BYTES:
        raise UnreadableResults(f"longer than {MAX_RESULTS_BYTES} bytes")
    try:
        text = _FWS.sub(b"", value).decode("ascii").strip()
        header = _CONTEXT.parse_value(text)
    except Exception as exc:  # authres raises its own SyntaxError family and others on hostile input
        raise UnreadableResults(type(exc).__name__) from exc
    results = []
    for result in header.results:
        props = tuple((f"{p.type}.{p.name}".lower(), str(p.value).strip().lower())
                      for p in getattr(result, "properties", ()) or ())
        results.append(MethodResult(str(result.method).lower(), str(result.result).lower(), props))
    return RelayResults(str(header.authserv_id).lower(), tuple(results))


def _authserv_id(value: bytes) -> str:
    """The authserv-id token at the start of a raw header value (comments skipped)."""
    text = re.sub(rb"\([^()]*\)", b" ", _FWS.sub(b"", value)).decode("ascii", "replace")
    words = text.split(";", 1)[0].split()  # a value that opens with ";" has no authserv-id: no words
    return words[0].lower() if words else ""


def relay_results(values: Sequence[bytes], authserv_id: str) -> RelayResults | None:
    """The topmost Authentication-Results of ``authserv_id`` among raw header ``values`` (top
    first), None when there is none; raise :class:`UnreadableResults` when it does not parse."""
    wanted = authserv_id.strip().lower()
    for value in values:
        if _authserv_id(value) == wanted:
            results = _parse(value)
            if results.authserv_id != wanted:
                raise UnreadableResults("authserv-id differs after parsing")
            return results
    return None
