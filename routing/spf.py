"""SPF (RFC 7208 subset: ip4, ip6, a, mx, include, exists, redirect; ptr never matches) and the
DMARC record of a domain (RFC 7489 §6.6.3: its own ``_dmarc`` name, else its organizational domain's).

All DNS goes through the :class:`routing.dns.DnsLookup` handed in; temporary failures raise
:class:`routing.dns.DnsTemporaryError`.
"""

from __future__ import annotations

import functools
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from routing.dns import DnsLookup
from routing.domains import domain_of, organizational_domain

_SPF_LIMIT = 10


class _SpfPermError(Exception):
    pass


def _spf_record(lookup: DnsLookup, domain: str) -> str | None:
    records = [r for r in lookup.txt(domain) if r.lower().startswith("v=spf1")
               and (len(r) == 6 or r[6] == " ")]
    if len(records) > 1:
        raise _SpfPermError(f"{domain} has {len(records)} SPF records")
    return records[0] if records else None


def _in_network(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, spec: str, default_len: int | None = None) -> bool:
    try:
        net = ipaddress.ip_network(spec, strict=False)
    except ValueError as exc:
        raise _SpfPermError(f"bad network {spec!r}") from exc
    return ip.version == net.version and ip in net


def _addr_match(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, hosts: list[str], cidr4: int, cidr6: int) -> bool:
    for host in hosts:
        try:
            addr = ipaddress.ip_address(host)
        except ValueError:
            continue
        prefix = cidr4 if addr.version == 4 else cidr6
        if _in_network(ip, f"{addr}/{prefix}"):
            return True
    return False


def _split_cidr(arg: str) -> tuple[str, int, int]:
    match = re.match(r"^(.*?)(?:/(\d+))?(?://(\d+))?$", arg)
    if not match:
        return arg, 32, 128
    return match.group(1), int(match.group(2) or 32), int(match.group(3) or 128)


def check_spf(
    lookup: DnsLookup, ip_text: str, mail_from: str, helo: str = ""
) -> tuple[str, str]:
    """SPF result for the SMTP peer ``ip_text`` and MAIL FROM: (result, domain checked).

    result is pass | fail | softfail | neutral | none | permerror; temporary DNS failures raise
    :class:`DnsTemporaryError`.
    """
    domain = domain_of(mail_from) or helo.strip().rstrip(".").lower()
    if not domain:
        return "none", ""
    try:
        ip = ipaddress.ip_address(ip_text.strip().strip("[]"))
    except ValueError:
        return "none", domain
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    try:
        return _check_host(_Check(lookup, ip), domain, 0), domain
    except _SpfPermError:
        return "permerror", domain


@dataclass
class _Check:
    """One check_host() evaluation (RFC 7208 §4): the client, the DNS, the look-up budget."""

    lookup: DnsLookup
    ip: ipaddress.IPv4Address | ipaddress.IPv6Address
    lookups: int = 0

    def count(self) -> None:
        self.lookups += 1
        if self.lookups > _SPF_LIMIT:
            raise _SpfPermError("more than 10 DNS-querying terms")

    def nested(self, domain: str, depth: int, term: str) -> str:
        self.count()
        inner = _check_host(self, domain.lower(), depth + 1)
        if inner == "none":
            raise _SpfPermError(f"{term} has no SPF record")
        return inner


def _all(check: _Check, domain: str, arg: str, depth: int) -> bool:
    return True


def _ip(check: _Check, domain: str, arg: str, depth: int) -> bool:
    return _in_network(check.ip, arg)


def _include(check: _Check, domain: str, arg: str, depth: int) -> bool:
    return check.nested(arg, depth, f"include:{arg}") == "pass"


def _a(check: _Check, domain: str, arg: str, depth: int) -> bool:
    check.count()
    host, cidr4, cidr6 = _split_cidr(arg)
    return _addr_match(check.ip, check.lookup.addresses(host or domain), cidr4, cidr6)


def _mx(check: _Check, domain: str, arg: str, depth: int) -> bool:
    check.count()
    host, cidr4, cidr6 = _split_cidr(arg)
    exchanges = check.lookup.mx(host or domain)[:10]
    return any(_addr_match(check.ip, check.lookup.addresses(mx), cidr4, cidr6) for mx in exchanges)


def _exists(check: _Check, domain: str, arg: str, depth: int) -> bool:
    check.count()
    return bool(check.lookup.addresses(arg.replace("%{i}", str(check.ip)).replace("%{d}", domain)))


def _ptr(check: _Check, domain: str, arg: str, depth: int) -> bool:
    check.count()
    return False  # deprecated (RFC 7208 §5.5); never grants a pass here


_MECHANISMS: dict[str, Callable[[_Check, str, str, int], bool]] = {
    "all": _all, "ip4": _ip, "ip6": _ip, "include": _include, "a": _a, "mx": _mx, "exists": _exists, "ptr": _ptr,
}
_RESULTS = {"+": "pass", "-": "fail", "~": "softfail", "?": "neutral"}


def _term(term: str) -> tuple[str, str, str]:
    """``qualifier, mechanism, argument`` of a directive (``-ip4:192.0.2.0/24``, ``a/24``)."""
    qualifier = "+"
    if term[0] in _RESULTS:
        qualifier, term = term[0], term[1:]
    mech, _, arg = term.partition(":")
    mech = mech.lower()
    if "/" in mech:
        mech, _, cidr = mech.partition("/")
        arg = f"{arg}/{cidr}" if arg else f"/{cidr}"
    return qualifier, mech, arg


def _check_host(check: _Check, domain: str, depth: int) -> str:
    if depth > _SPF_LIMIT:
        raise _SpfPermError("include depth")
    record = _spf_record(check.lookup, domain)
    if record is None:
        return "none"
    redirect: str | None = None
    for term in record.split()[1:]:
        if "=" in term and not term.split("=", 1)[0].count(":"):  # a modifier
            name, _, value = term.partition("=")
            if name.lower() == "redirect":
                redirect = value
            continue
        qualifier, mech, arg = _term(term)
        if mech not in _MECHANISMS:
            raise _SpfPermError(f"unknown mechanism {mech!r}")
        if _MECHANISMS[mech](check, domain, arg, depth):
            return _RESULTS[qualifier]
    if redirect:
        return check.nested(redirect, depth, f"redirect={redirect}")
    return "neutral"


# ---------------------------------------------------------------- DMARC record

_WHITE_SPACE = re.compile(r"\s+")


def _tags(value: str) -> dict[str, str]:
    """The tags of a DMARC record (a fresh dict: the caller may change it)."""
    return dict(_record_tags(value))


@functools.lru_cache(maxsize=256)  # a function of the record's text alone; AWS mail comes from few domains
def _record_tags(value: str) -> tuple[tuple[str, str], ...]:
    tags: dict[str, str] = {}
    for part in value.split(";"):
        key, sep, val = part.partition("=")
        if sep:
            tags[key.strip().lower()] = _WHITE_SPACE.sub("", val)
    return tuple(tags.items())



def dmarc_policy(lookup: DnsLookup, from_domain: str) -> dict[str, str]:
    """The DMARC record's tags for ``from_domain`` (its own ``_dmarc`` name, else the org domain's)."""
    for name in dict.fromkeys((from_domain, organizational_domain(from_domain))):
        for record in lookup.txt(f"_dmarc.{name}"):
            if record.replace(" ", "").lower().startswith("v=dmarc1"):
                tags = _tags(record)
                if name != from_domain and "sp" in tags:
                    tags["p"] = tags["sp"]
                return tags
    return {}
