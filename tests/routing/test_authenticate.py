"""Sender authenticity without a DNS server: DKIM alignment, SPF, trusted Authentication-Results."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.envelope import Envelope
from routing.authenticate import (
    AuthTemporaryError,
    AwsDomains,
    authenticate,
    check_spf,
    organizational_domain,
)
from routing.authres import parse_networks
from routing.dns import DnsTemporaryError, StaticResolver
from routing.parse import parse_mail
from routing.taxonomy import default_taxonomy
from tests.conftest import FIXTURES, free_port
from tests.routing.dkimkeys import dkim_records, sign
from ticketing.errors import TransientError

AWS = AwsDomains.of(default_taxonomy().aws_sender_domains)
RELAYS = parse_networks("10.0.0.0/8")
INVOICE = (FIXTURES / "notices" / "invoice-new-sender.eml").read_bytes()


def _lookup(**extra: str) -> StaticResolver:
    records = dict(dkim_records("aws.com", "amazonses.com", "evil.example"))
    records.update({"_dmarc.aws.com": "v=DMARC1; p=quarantine", "aws.com": "v=spf1 include:amazonses.com -all",
                    "amazonses.com": "v=spf1 ip4:54.240.0.0/18 ip6:2a01:111::/32 -all"})
    records.update(extra)
    return StaticResolver(records)


def test_aligned_dkim_passes() -> None:
    raw = sign(INVOICE, "aws.com", "amazonses.com")
    verdict = authenticate(parse_mail(raw), raw, lookup=_lookup(), aws_domains=AWS)
    assert verdict.verdict == "pass" and not verdict.suspected_spoof
    assert any(r.startswith("dkim=pass d=aws.com") for r in verdict.reasons)


def test_amazonses_signature_alone_proves_nothing() -> None:
    raw = sign(INVOICE, "amazonses.com")
    verdict = authenticate(parse_mail(raw), raw, lookup=_lookup(), aws_domains=AWS)
    assert verdict.verdict == "fail" and verdict.suspected_spoof
    assert any("proves nothing" in r for r in verdict.reasons)


def test_altered_after_signing_fails() -> None:
    raw = sign(INVOICE, "aws.com").replace(b"Your AWS invoice", b"Your urgent AWS invoice")
    verdict = authenticate(parse_mail(raw), raw, lookup=_lookup(), aws_domains=AWS)
    assert verdict.verdict == "fail"


def test_missing_key_is_named() -> None:
    raw = sign(INVOICE, "aws.com")
    verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS)
    assert verdict.verdict == "fail"
    assert any("no DKIM key published at rmtest._domainkey.aws.com" in r for r in verdict.reasons)


def test_aligned_spf_passes_without_dkim() -> None:
    raw = INVOICE
    verdict = authenticate(parse_mail(raw), raw, lookup=_lookup(), aws_domains=AWS,
                           mail_from="0100abc@aws.com", peer_ip="::ffff:54.240.8.130")
    assert verdict.verdict == "pass", verdict.reasons
    wrong_ip = authenticate(parse_mail(raw), raw, lookup=_lookup(), aws_domains=AWS,
                            mail_from="0100abc@aws.com", peer_ip="203.0.113.9")
    assert wrong_ip.verdict == "fail"
    assert any(r.startswith("spf=fail") for r in wrong_ip.reasons)


@pytest.mark.parametrize(
    ("record", "ip", "expected"),
    [
        ("v=spf1 ip4:192.0.2.0/24 -all", "192.0.2.7", "pass"),
        ("v=spf1 ip4:192.0.2.0/24 -all", "198.51.100.1", "fail"),
        ("v=spf1 ip4:192.0.2.0/24 ~all", "198.51.100.1", "softfail"),
        ("v=spf1 redirect=_spf.example", "192.0.2.9", "pass"),
        ("v=spf1 a -all", "192.0.2.10", "pass"),
        ("v=spf1 mx -all", "192.0.2.11", "pass"),
        ("v=spf1 include:missing.example -all", "192.0.2.11", "permerror"),
        ("v=spf1 bogus:x -all", "192.0.2.11", "permerror"),
        ("v=spf1 ip6:2001:db8::/32 -all", "2001:db8::1", "pass"),
    ],
)
def test_spf_mechanisms(record: str, ip: str, expected: str) -> None:
    lookup = StaticResolver({"example.test": record, "_spf.example": "v=spf1 ip4:192.0.2.0/24 -all"},
                            addresses={"example.test": ["192.0.2.10"], "mx.example.test": ["192.0.2.11"]},
                            mx={"example.test": ["mx.example.test"]})
    assert check_spf(lookup, ip, "bounce@example.test")[0] == expected


def test_lookalike_and_display_name_spoofs_fail_without_dns() -> None:
    lookalike = INVOICE.replace(b"From: Amazon Web Services <invoicing@aws.com>",
                                b"From: Billing <billing@amazon-aws-invoices.com>")
    verdict = authenticate(parse_mail(lookalike), lookalike, lookup=StaticResolver({}), aws_domains=AWS)
    assert verdict.verdict == "fail" and any("AWS brand word" in r for r in verdict.reasons)
    display = INVOICE.replace(b"<invoicing@aws.com>", b"<billing@random.example>")
    assert authenticate(parse_mail(display), display, lookup=StaticResolver({}), aws_domains=AWS).verdict == "fail"


def test_mail_that_does_not_claim_aws_is_none() -> None:
    raw = (FIXTURES / "notices" / "unknown-human-mail.eml").read_bytes()
    verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS)
    assert verdict.verdict == "none" and not verdict.suspected_spoof


def _with_results(*headers: str, base: bytes = INVOICE) -> bytes:
    return b"".join(f"Authentication-Results: {h}\r\n".encode() for h in headers) + base


def test_trusted_relay_topmost_header_is_used_and_others_ignored() -> None:
    raw = _with_results("mx.reseller.example; dkim=pass header.d=aws.com; dmarc=pass header.from=aws.com",
                        "attacker.example; dmarc=fail header.from=aws.com", base=sign(INVOICE, "aws.com"))
    verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS,
                           authserv_id="mx.reseller.example", peer_ip="10.0.0.5", trusted_relays=RELAYS)
    assert verdict.verdict == "pass", verdict.reasons
    # the relay says dkim=pass but no signature of d=aws.com is in the mail: not believed
    unsigned = _with_results("mx.reseller.example; dkim=pass header.d=aws.com; dmarc=pass header.from=aws.com")
    assert authenticate(parse_mail(unsigned), unsigned, lookup=StaticResolver({}), aws_domains=AWS,
                        authserv_id="mx.reseller.example", peer_ip="10.0.0.5",
                        trusted_relays=RELAYS).verdict == "fail"
    # an SPF-based DMARC pass fixes no header: the view is the whole mail
    spf_only = _with_results("mx.reseller.example; spf=pass smtp.mailfrom=aws.com; dmarc=pass header.from=aws.com")
    verdict = authenticate(parse_mail(spf_only), spf_only, lookup=StaticResolver({}), aws_domains=AWS,
                           authserv_id="mx.reseller.example", peer_ip="10.0.0.5", trusted_relays=RELAYS)
    assert verdict.verdict == "pass" and verdict.signed_view == parse_mail(spf_only)
    forged = _with_results("attacker.example; dmarc=pass header.from=aws.com")
    assert authenticate(parse_mail(forged), forged, lookup=StaticResolver({}), aws_domains=AWS,
                        authserv_id="mx.reseller.example", peer_ip="10.0.0.5",
                        trusted_relays=RELAYS).verdict == "fail"
    failing = _with_results("mx.reseller.example; dmarc=fail (p=quarantine) header.from=aws.com")
    assert authenticate(parse_mail(failing), failing, lookup=StaticResolver({}), aws_domains=AWS,
                        authserv_id="mx.reseller.example", peer_ip="10.0.0.5",
                        trusted_relays=RELAYS).verdict == "fail"


def test_relay_results_from_an_untrusted_peer_are_ignored() -> None:
    raw = _with_results("mx.reseller.example; dmarc=pass header.from=aws.com")
    for peer, relays in (("203.0.113.9", RELAYS), ("10.0.0.5", ()), ("", RELAYS)):
        verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS,
                               authserv_id="mx.reseller.example", peer_ip=peer, trusted_relays=relays)
        assert verdict.verdict == "fail", (peer, verdict.reasons)
        assert any("not in ROOTMAIL_TRUSTED_RELAY_NETWORKS" in r for r in verdict.reasons)


def test_relay_quoted_semicolon_is_not_a_result() -> None:
    raw = _with_results('mx.reseller.example; spf=pass smtp.mailfrom="x;dmarc=pass header.from=aws.com"; '
                        "dkim=fail header.d=aws.com")
    verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS,
                           authserv_id="mx.reseller.example", peer_ip="10.0.0.5", trusted_relays=RELAYS)
    assert verdict.verdict == "fail" and verdict.suspected_spoof, verdict.reasons


def test_relay_dkim_pass_takes_the_view_from_the_raw_signature() -> None:
    signed = sign(INVOICE, "aws.com")
    raw = (b"Authentication-Results: mx.reseller.example; dkim=pass header.d=aws.com; dmarc=pass "
           b"header.from=aws.com\r\nX-Original-From: someone@evil.example\r\n" + signed)
    verdict = authenticate(parse_mail(raw), raw, lookup=StaticResolver({}), aws_domains=AWS,
                           authserv_id="mx.reseller.example", peer_ip="10.0.0.5", trusted_relays=RELAYS)
    assert verdict.verdict == "pass" and verdict.signed_view is not None, verdict.reasons
    assert verdict.signed_view.header("X-Original-From") == ""
    assert "x-original-from" not in verdict.signed_headers and "subject" in verdict.signed_headers


class _Down(StaticResolver):
    def txt(self, name: str) -> list[str]:
        raise DnsTemporaryError(f"TXT {name}: Timeout")


def test_dns_down_is_temporary_not_a_spoof() -> None:
    raw = sign(INVOICE, "aws.com")
    with pytest.raises(AuthTemporaryError):
        authenticate(parse_mail(raw), raw, lookup=_Down({}), aws_domains=AWS)


def test_organizational_domains() -> None:
    assert organizational_domain("verify.signin.aws") == "signin.aws"
    assert organizational_domain("costalerts.amazonaws.com") == "amazonaws.com"
    assert AWS.is_aws("health.aws.com") and not AWS.is_aws("amazonses.com")
    assert AWS.looks_like_aws("amazon-aws-billing.com") and not AWS.looks_like_aws("aws.example.org")


def test_wired_authenticator_trusts_relay_results_only_from_its_networks(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> None:
    from rootmail.settings import Settings
    from rootmail.wiring import routing_stages

    monkeypatch.setenv("ROOTMAIL_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ROOTMAIL_DNS_NAMESERVERS", f"127.0.0.1:{free_port()}")  # nothing answers
    monkeypatch.setenv("ROOTMAIL_DNS_TIMEOUT", "0.2")
    raw = _with_results("mx.reseller.example; dkim=pass header.d=aws.com; dmarc=pass header.from=aws.com",
                        base=sign(INVOICE, "aws.com"))
    stage = routing_stages(Settings(authserv_id="mx.reseller.example",
                                    trusted_relay_networks="10.0.0.0/8"))["authenticate"]
    relayed = stage(parse_mail(raw), raw, Envelope("bounce@aws.com", ("r@x.example",), peer="10.0.0.5"))
    assert relayed.verdict == "pass" and relayed.signed_view is not None, relayed.reasons
    with pytest.raises(TransientError):  # from outside: results ignored, and checking here needs DNS
        stage(parse_mail(raw), raw, Envelope("bounce@aws.com", ("r@x.example",), peer="203.0.113.9"))
