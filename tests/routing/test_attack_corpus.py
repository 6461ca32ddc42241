"""The attack corpus (tests/fixtures/attacks) through ``authenticate`` with its DNS records in memory.
The same corpus runs against a real dnsmasq and through ``rootmail classify`` in
tests/integration/test_attacks_auth.py."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from routing.authenticate import AwsDomains, authenticate
from routing.authres import parse_networks
from routing.dns import StaticResolver
from routing.parse import UnparseableMail, parse_mail
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


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(CASES), st.integers(min_value=0, max_value=2000),
       st.sampled_from([b"\x00", b"\r", b"\n", b"=?", b";", b":", b"\xff", b" ", b"\r\n ", b"\r\nFrom: x@aws.com\r\n",
                        b"\xe2\x80\x8b", b"<", b"@", b".", b"d=aws.com;"]))
def test_hostile_variants_never_raise(case: AttackCase, at: int, noise: bytes) -> None:
    raw = case.raw[:at] + noise + case.raw[at:]
    try:
        parsed = parse_mail(raw)
    except UnparseableMail:
        return
    verdict = authenticate(parsed, raw, lookup=StaticResolver(dns_records()), aws_domains=AWS,
                           mail_from=case.mail_from, peer_ip=case.peer, authserv_id=case.authserv_id,
                           trusted_relays=parse_networks(case.trusted_relays))
    assert verdict.verdict in ("pass", "fail", "none")
    if verdict.verdict == "pass":
        assert verdict.signed_view is not None
