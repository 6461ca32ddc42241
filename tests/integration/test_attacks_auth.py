"""The attack corpus (tests/fixtures/attacks) against a real dnsmasq that publishes our own keys for
AWS's domains and the attacker's key for evil.example: through ``authenticate`` with the envelope,
and through the ``rootmail classify --json`` command (a subprocess, no envelope). Counts attacks
tried and held."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from routing.dns import DnsResolver
from tests.fixtures.attacks import AttackCase, attack_cases
from tests.integration.test_dns_auth import Dnsmasq
from tests.routing.test_attack_corpus import held, verdict_of

pytestmark = pytest.mark.integration
CASES = attack_cases()


def test_every_case_through_authenticate(attack_dns: Dnsmasq) -> None:
    resolver = DnsResolver(attack_dns.nameserver, timeout=2.0)
    broken = []
    for case in CASES:
        verdict = verdict_of(case, resolver)
        if not held(case, verdict):
            broken.append((case.name, verdict.verdict, verdict.reasons))
    attacks = {c.name for c in CASES if c.is_attack}
    print(f"\nattacks tried {len(attacks)}, held {len(attacks - {b[0] for b in broken})}"
          f"; genuine/unrelated cases {len(CASES) - len(attacks)}")
    assert broken == []
    assert resolver.lookups > 0  # the answers came from the server


def _cli_cases() -> list[AttackCase]:
    # the command has no SMTP envelope: cases whose verdict depends on the peer or MAIL FROM stay out
    return [c for c in CASES if not c.needs_envelope]


def test_every_case_through_the_classify_command(attack_dns: Dnsmasq, tmp_path: Path) -> None:
    cases = _cli_cases()
    for index, case in enumerate(cases):
        (tmp_path / f"{index:03d}-{case.name}.eml").write_bytes(case.raw)
    env = {**os.environ, "ROOTMAIL_DATA_DIR": str(tmp_path / "data"), "ROOTMAIL_AUTHSERV_ID": "mx.reseller.example"}
    rootmail = Path(sys.executable).with_name("rootmail")
    result = subprocess.run(
        [str(rootmail), "classify", "--json", "--dns-nameserver", attack_dns.nameserver,
         *sorted(str(p) for p in tmp_path.glob("*.eml"))],
        capture_output=True, text=True, timeout=300, env=env, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(cases)
    wrong = []
    for case, record in zip(cases, records, strict=True):
        assert case.name in record["file"]
        auth = record["authenticity"]
        if auth["verdict"] != case.expect_verdict or record["suspected_spoof"] != case.expect_spoof:
            wrong.append((case.name, auth["verdict"], auth["reasons"]))
    attacks = [c for c in cases if c.is_attack]
    print(f"\nclassify --json: attacks tried {len(attacks)}, wrong {len(wrong)}")
    assert wrong == []
    by_name = {case.name: record for case, record in zip(cases, records, strict=True)}
    # an added X-Original-From does not change what a genuine notice is classified as
    assert by_name["added-x-original-from"]["notice_type"] == by_name["genuine-encoded-display-name"]["notice_type"]
    # relay results are never trusted without an SMTP peer: the relay-only "pass" stays unbelieved
    forged = next(c for c in CASES if c.name == "relay-dkim-pass-without-signature")
    (tmp_path / "relay.eml").write_bytes(forged.raw)
    again = subprocess.run([str(rootmail), "classify", "--json", "--dns-nameserver", attack_dns.nameserver,
                            str(tmp_path / "relay.eml")], capture_output=True, text=True, timeout=120, env=env,
                           check=False)
    assert json.loads(again.stdout)["authenticity"]["verdict"] == "fail"
