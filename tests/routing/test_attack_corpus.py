"""The attack corpus (tests/fixtures/attacks) through ``authenticate`` with its DNS records in memory.
The same corpus runs against a real dnsmasq and through ``rootmail classify`` in
tests/integration/test_attacks_auth.py."""

from __future__ import annotations

import pytest

from routing.authenticate import AwsDomains, authenticate
from routing.authres import parse_networks
from routing.dns import StaticResolver
from routing.parse import parse_mail
from routing.taxonomy import default_taxonomy
from routing.types import AuthVerdict
from tests.fixtures.attacks import AttackCase, attack_cases, dns_records

AWS = AwsDomains.of(default_taxonomy().aws_sender_domains)
CASES = attack_cases()


def verdict_of(case: AttackCase, lookup: StaticResolver | object) -> AuthVerdict:
    return authenticate(parse_mail(case.raw), case.raw, lookup=lookup, aws_domains=AWS,  # type: ignore[arg-type]
                        mail_from=case.mail_from, peer_ip=case.peer, helo=case.helo, authserv_id=case.authserv_id,
                        trusted_relays=parse_networks(case.trusted_relays))


def held(case: AttackCase, verdict: AuthVerdict) -> bool:
    """The case came out as it must: its verdict, and for a pass a view without the added headers."""
    if verdict.verdict != case.expect_verdict or verdict.suspected_spoof != case.expect_spoof:
        return False
    if case.expect_verdict != "pass":
        return verdict.signed_view is None
    view = verdict.signed_view
    return view is not None and all(view.header(name) == "" for name in case.hidden_headers)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_case(case: AttackCase) -> None:
    verdict = verdict_of(case, StaticResolver(dns_records()))
    assert held(case, verdict), (verdict.verdict, verdict.reasons)


def test_every_class_is_in_the_corpus() -> None:
    kinds = {case.kind for case in CASES}
    assert kinds == {"dkim-tags", "body-length", "added-header", "lookalike", "multiple-from", "list-header",
                     "relay", "genuine", "unrelated"}
    assert sum(case.is_attack for case in CASES) >= 40
