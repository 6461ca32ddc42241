"""DNS look-ups for authentication: a caching resolver and an in-memory one for tests.

Owns the only network I/O of ``routing/``: :class:`DnsResolver` is built by the caller (the
composition root) with the nameservers of ``ROOTMAIL_DNS_NAMESERVERS`` (``HOST`` or
``HOST:PORT``, comma-separated) and handed to :func:`routing.authenticate.authenticate`.
Answers, including "does not exist", are cached for their TTL, clamped to [min_ttl, max_ttl]
(dnsmasq serves local records with TTL 0; a floor keeps them cached too), so a burst of mail from
the same senders costs one look-up per name. Temporary failures raise
:class:`DnsTemporaryError` and are never cached.
"""

from __future__ import annotations

import json
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import dns.exception
import dns.name
import dns.nameserver
import dns.rdatatype
import dns.resolver

DEFAULT_NEGATIVE_TTL = 300.0


class DnsTemporaryError(Exception):
    """The answer is unknown for now (timeout, SERVFAIL, no server): try again later."""


class DnsLookup(Protocol):
    """What authentication needs from DNS. Missing names answer ``[]``."""

    def txt(self, name: str) -> list[str]: ...
    def addresses(self, name: str) -> list[str]: ...
    def mx(self, name: str) -> list[str]: ...


def parse_nameservers(value: str | Sequence[str] | None) -> list[tuple[str, int]]:
    """``"127.0.0.1:5353, 10.0.0.2, [::1]:53"`` -> ``[("127.0.0.1", 5353), ("10.0.0.2", 53), ("::1", 53)]``."""
    if value is None:
        return []
    items = value.split(",") if isinstance(value, str) else list(value)
    out: list[tuple[str, int]] = []
    for raw in items:
        item = raw.strip()
        if not item:
            continue
        host, port = item, 53
        if item.startswith("["):
            host, _, rest = item[1:].partition("]")
            if rest.startswith(":"):
                port = int(rest[1:])
        elif item.count(":") == 1:
            host, _, port_text = item.partition(":")
            port = int(port_text)
        if not 0 < port < 65536:
            raise ValueError(f"nameserver {item!r}: port must be 1-65535")
        out.append((host, port))
    return out


def _normal(name: str) -> str:
    return name.strip().rstrip(".").lower()


class DnsResolver:
    """dnspython stub resolver with a TTL cache. ``nameservers`` None: the system's resolv.conf."""

    def __init__(
        self,
        nameservers: str | Sequence[str] | None = None,
        *,
        timeout: float = 3.0,
        max_entries: int = 4096,
        max_ttl: float = 3600.0,
        min_ttl: float = 60.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        servers = parse_nameservers(nameservers)
        if servers:
            self._resolver = dns.resolver.Resolver(configure=False)
            self._resolver.nameservers = [dns.nameserver.Do53Nameserver(host, port) for host, port in servers]
        else:
            try:
                self._resolver = dns.resolver.Resolver(configure=True)
            except dns.resolver.NoResolverConfiguration as exc:
                raise DnsTemporaryError("no DNS nameservers configured; set ROOTMAIL_DNS_NAMESERVERS") from exc
        self._resolver.timeout = timeout
        self._resolver.lifetime = timeout
        self._cache: OrderedDict[tuple[str, str], tuple[float, list[str]]] = OrderedDict()
        self._max_entries = max_entries
        self._max_ttl = max_ttl
        self._min_ttl = min_ttl
        self._clock = clock
        self.lookups = 0
        self.hits = 0

    def _query(self, name: str, rdtype: str) -> list[str]:
        key = (rdtype, _normal(name))
        now = self._clock()
        cached = self._cache.get(key)
        if cached is not None and cached[0] > now:
            self.hits += 1
            self._cache.move_to_end(key)
            return list(cached[1])
        self.lookups += 1
        try:
            answer = self._resolver.resolve(key[1] + ".", rdtype, search=False, raise_on_no_answer=False)
        except dns.resolver.NXDOMAIN as exc:
            self._store(key, [], self._negative_ttl(exc))
            return []
        except (dns.exception.Timeout, dns.resolver.NoNameservers, dns.resolver.LifetimeTimeout) as exc:
            raise DnsTemporaryError(f"{rdtype} {key[1]}: {type(exc).__name__}") from exc
        except dns.exception.DNSException as exc:
            raise DnsTemporaryError(f"{rdtype} {key[1]}: {type(exc).__name__}") from exc
        values: list[str] = []
        if answer.rrset is not None:
            for rdata in answer.rrset:
                if rdtype == "TXT":
                    values.append(b"".join(rdata.strings).decode("utf-8", "replace"))
                elif rdtype == "MX":
                    values.append(str(rdata.exchange).rstrip("."))
                else:
                    values.append(rdata.to_text())
            ttl = float(answer.rrset.ttl)
        else:
            ttl = DEFAULT_NEGATIVE_TTL
        self._store(key, values, ttl)
        return values

    @staticmethod
    def _negative_ttl(exc: dns.resolver.NXDOMAIN) -> float:
        return DEFAULT_NEGATIVE_TTL

    def _store(self, key: tuple[str, str], values: list[str], ttl: float) -> None:
        self._cache[key] = (self._clock() + min(max(ttl, self._min_ttl), self._max_ttl), list(values))
        self._cache.move_to_end(key)
        while len(self._cache) > self._max_entries:
            self._cache.popitem(last=False)

    def txt(self, name: str) -> list[str]:
        return self._query(name, "TXT")

    def addresses(self, name: str) -> list[str]:
        return self._query(name, "A") + self._query(name, "AAAA")

    def mx(self, name: str) -> list[str]:
        return self._query(name, "MX")


class StaticResolver:
    """Answers from memory: ``{name: [txt strings...]}`` (strings of one record are concatenated).

    Reads ``records.json`` of ../shared/aws-notices/dns via :meth:`from_json`. Used by pure tests
    and offline runs; ``addresses``/``mx`` come from the optional mappings.
    """

    def __init__(
        self,
        txt: Mapping[str, Iterable[str] | str],
        addresses: Mapping[str, Iterable[str]] | None = None,
        mx: Mapping[str, Iterable[str]] | None = None,
    ) -> None:
        self._txt: dict[str, list[str]] = {}
        for name, value in txt.items():
            record = value if isinstance(value, str) else "".join(value)
            self._txt.setdefault(_normal(name), []).append(record)
        self._addresses = {_normal(k): list(v) for k, v in (addresses or {}).items()}
        self._mx = {_normal(k): list(v) for k, v in (mx or {}).items()}
        self.lookups = 0

    @classmethod
    def from_json(cls, path: Path) -> StaticResolver:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        return cls({str(k): [str(s) for s in v] for k, v in data.items()})

    def txt(self, name: str) -> list[str]:
        self.lookups += 1
        return list(self._txt.get(_normal(name), []))

    def addresses(self, name: str) -> list[str]:
        return list(self._addresses.get(_normal(name), []))

    def mx(self, name: str) -> list[str]:
        return list(self._mx.get(_normal(name), []))


def dkim_dnsfunc(lookup: DnsLookup) -> Callable[..., bytes | None]:
    """Adapter for dkimpy's ``dnsfunc(name, timeout=...)``: the first TXT record, as bytes."""

    def dnsfunc(name: bytes | str, timeout: int = 5) -> bytes | None:
        text = name.decode("ascii", "replace") if isinstance(name, bytes) else name
        records = lookup.txt(text)
        return records[0].encode("utf-8") if records else None

    return dnsfunc
