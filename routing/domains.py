"""Domains of senders: organizational domains (public suffix list), addresses, and the AWS sender domains."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from publicsuffixlist import PublicSuffixList

_ADDR = re.compile(r"[\w.+'=-]+@([A-Za-z0-9.-]+)")


@lru_cache(maxsize=1)
def _psl() -> PublicSuffixList:
    return PublicSuffixList()


@lru_cache(maxsize=4096)
def organizational_domain(domain: str) -> str:
    """The registrable domain of ``domain`` by the public suffix list (``verify.signin.aws`` -> ``signin.aws``)."""
    domain = domain.strip().rstrip(".").lower()
    if not domain:
        return ""
    return _psl().privatesuffix(domain) or domain


def domain_of(address: str) -> str:
    """The domain of an address (``a@b.example`` or ``Name <a@b.example>``), lower case, or ``""``."""
    match = _ADDR.search(address or "")
    return match.group(1).rstrip(".").lower() if match else ""


@dataclass(frozen=True, slots=True)
class AwsDomains:
    """The AWS sender domains and their organizational domains."""

    domains: frozenset[str]
    org_domains: frozenset[str]

    @classmethod
    def of(cls, domains: Iterable[str]) -> AwsDomains:
        clean = frozenset(d.strip().lower().rstrip(".") for d in domains if d.strip())
        return cls(clean, frozenset(organizational_domain(d) for d in clean))

    def is_aws(self, domain: str) -> bool:
        return bool(domain) and organizational_domain(domain) in self.org_domains

    def looks_like_aws(self, domain: str) -> bool:
        """A domain that imitates AWS: 'amazon' or an 'aws' word in its registrable name."""
        if not domain or self.is_aws(domain):
            return False
        label = organizational_domain(domain).split(".")[0]
        return "amazon" in label or "aws" in re.split(r"[-_0-9]", label)
