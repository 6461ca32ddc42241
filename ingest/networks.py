"""Client addresses at the SMTP edge: which peers are trusted (CIDR lists) and the key under which
per-client limits count a client.

- :func:`parse_networks` reads a comma-separated CIDR list (a setting) with an error that names the
  bad item and the fix; :class:`TrustedNetworks` answers "is this peer in one of them".
- :func:`client_key` is the per-IP key: an IPv4 address as is, an IPv6 address by its /64 (one
  host usually holds a whole /64, so counting single IPv6 addresses would give a client 2**64 keys).
  IPv4-mapped IPv6 addresses (``::ffff:192.0.2.1``, seen on a dual-stack listener) count as IPv4.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def parse_networks(text: str) -> tuple[IPNetwork, ...]:
    """``"10.0.0.0/8, 192.0.2.7"`` -> networks; a bare address is a /32 (or /128).

    Raises ValueError naming the bad item: not an address or network, or host bits set after the
    prefix (``10.0.0.1/8`` is usually a typo for ``10.0.0.0/8``, so it is refused, not widened).
    """
    networks: list[IPNetwork] = []
    for item in (part.strip() for part in text.split(",")):
        if not item:
            continue
        try:
            networks.append(ipaddress.ip_network(item, strict=True))
        except ValueError as exc:
            if "host bits set" in str(exc):
                wider = ipaddress.ip_network(item, strict=False)
                raise ValueError(f"{item!r} has host bits set after the prefix; did you mean {wider}?") from None
            raise ValueError(f"{item!r} is not an IP network; write CIDRs such as 10.0.0.0/8 or 192.0.2.7/32") \
                from None
    return tuple(networks)


def parse_address(text: str) -> IPAddress | None:
    """The address of a peer (``"192.0.2.1"``, ``"::ffff:192.0.2.1"``), or None when it is not one."""
    try:
        address = ipaddress.ip_address(text.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        return address.ipv4_mapped
    return address


class TrustedNetworks:
    """A set of CIDRs; ``address in networks`` for a textual peer address. Empty: trusts nobody."""

    def __init__(self, networks: Iterable[IPNetwork] = ()) -> None:
        self.networks = tuple(networks)

    @classmethod
    def parse(cls, text: str) -> TrustedNetworks:
        return cls(parse_networks(text))

    def __bool__(self) -> bool:
        return bool(self.networks)

    def __contains__(self, peer: object) -> bool:
        address = parse_address(peer) if isinstance(peer, str) else None
        if address is None:
            return False
        return any(address.version == net.version and address in net for net in self.networks)


def client_key(ip: str) -> str:
    """The key per-client limits count under: the IPv4 address, or the IPv6 /64."""
    address = parse_address(ip)
    if address is None:
        return ip
    if isinstance(address, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)
