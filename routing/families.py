"""Sender families: which AWS address family a From address belongs to.

AWS sends each kind of notice from a small set of address families (Health from ``health@aws.com``
or ``no-reply-aws@amazon.com``, root-credential mail from ``*@verify.signin.aws``, abuse reports
from ``trustandsafety@support.aws.com`` / ``ec2-abuse@amazon.com``, …). The family is evidence for
classification (issue: no dead ends) and decides default-deny redaction for credential mail.

A family says nothing about authenticity: only :mod:`routing.authenticate` does. Callers must use
the family of an *authenticated* From address for anything a customer sees.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

# Families whose mail may carry a live root secret (codes, reset/verification links): default-deny.
CREDENTIAL_FAMILIES = frozenset({"credentials", "verification"})


@dataclass(frozen=True, slots=True)
class _Rule:
    family: str
    domain: re.Pattern[str]
    local: re.Pattern[str] | None = None


def _d(pattern: str) -> re.Pattern[str]:
    return re.compile(rf"(?:^|.*\.)(?:{pattern})$")


def _l(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# First match wins: the most specific address families first.
_RULES: tuple[_Rule, ...] = (
    _Rule("credentials", _d(r"verify\.signin\.aws")),
    _Rule("credentials", _d(r"signin\.aws")),
    _Rule("verification", _d(r"signup\.aws")),
    _Rule("verification", _d(r"certificates\.amazon\.com")),
    _Rule("verification", _d(r"registrar\.amazon\.com")),
    # verification and password mail from the general AWS domains (aws-verification@amazon.com, …)
    _Rule("verification", _d(r"(?:amazon\.com|aws\.com|amazonaws\.com)"),
          _l(r"^(?:aws-|no-?reply-)?(?:account-)?(?:verif|password|otp|mfa|sign-?in|login)")),
    _Rule("notification", _d(r"sns\.amazonaws\.com")),
    _Rule("cost", _d(r"costalerts\.amazonaws\.com")),
    _Rule("abuse", _d(r"support\.aws\.com"), _l(r"^(trustandsafety|abuse)")),
    _Rule("abuse", _d(r"amazon(aws)?\.com"), _l(r"^(ec2-abuse|abuse|trustandsafety)")),
    _Rule("support", _d(r"(support\.)?aws\.com|amazon\.com|amazonaws\.com"), _l(r"^(support|no-reply-support)")),
    _Rule("marketplace", _d(r"marketplace\.aws")),
    # (AWS Marketplace's notices from amazon.com: aws-marketplace@, aws-marketplace-notifications@)
    _Rule("marketplace", _d(r"amazon\.com|aws\.com"), _l(r"^aws-marketplace(?:-[a-z]+)*$")),
    _Rule("health", _d(r"aws\.com"), _l(r"^health")),
    _Rule("billing", _d(r"aws\.com|amazon\.com"), _l(r"^(invoicing|billing|bcm-|aws-billing|payments?)")),
    _Rule("marketing", _d(r"amazon\.com|aws\.com"), _l(r"^aws-marketing|^marketing|^aws-events")),
    _Rule("security", _d(r"amazon\.com|aws\.com"), _l(r"^(aws-security|security)")),
    # the general AWS notification sender: Health (legacy), billing, account and policy notices
    _Rule("general", _d(r"amazon\.com|amazonaws\.com|aws\.com|aws")),
)


@functools.lru_cache(maxsize=1024)  # a function of the address alone; AWS mail comes from few senders
def sender_family(address: str) -> str | None:
    """The AWS sender family of ``address`` (``local@domain``), or None for a non-AWS address.

    Families: credentials, verification, notification, cost, abuse, support, marketplace, health,
    billing, marketing, security, general.
    """
    local, sep, domain = (address or "").strip().lower().rpartition("@")
    if not sep or not local or not domain or domain.endswith("."):
        return None
    for rule in _RULES:
        if rule.domain.match(domain) and (rule.local is None or rule.local.match(local)):
            return rule.family
    return None
