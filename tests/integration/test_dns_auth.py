"""Sender authentication against a real dnsmasq: the shared samples' records, and our own keys."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from routing.authenticate import AuthTemporaryError, AwsDomains, authenticate
from routing.dns import DnsResolver
from routing.parse import parse_mail
from routing.taxonomy import default_taxonomy
from tests.conftest import FIXTURES, SHARED, free_port, missing_service, wait_for
from tests.routing.dkimkeys import dkim_records, sign

pytestmark = pytest.mark.integration
AWS = AwsDomains.of(default_taxonomy().aws_sender_domains)
DNSMASQ = shutil.which("dnsmasq") or ("/usr/sbin/dnsmasq" if Path("/usr/sbin/dnsmasq").exists() else None)


class Dnsmasq:
    """A dnsmasq on a free loopback port serving the TXT records of ``conf``."""

    def __init__(self, conf: Path) -> None:
        self.conf = conf
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def nameserver(self) -> str:
        return f"127.0.0.1:{self.port}"

    def start(self, probe: str) -> None:
        assert DNSMASQ is not None
        self.process = subprocess.Popen(
            [DNSMASQ, "--no-daemon", "--port", str(self.port), "--listen-address", "127.0.0.1",
             "--bind-interfaces", "--no-hosts", "--no-resolv", f"--conf-file={self.conf}",
             # names not in the conf answer NXDOMAIN (as public DNS would), not REFUSED
             "--local=/#/"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )

        def answers() -> bool:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"dnsmasq exited: {self.process.stderr.read() if self.process.stderr else ''!r}")
            return bool(DnsResolver(self.nameserver, timeout=0.5).txt(probe))

        wait_for(answers, timeout=20, message=f"dnsmasq on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(10)
            self.process = None


def _need_dnsmasq() -> None:
    if DNSMASQ is None:
        missing_service("dnsmasq is not installed (apt-get install -y dnsmasq-base)")


@pytest.fixture(scope="session")
def shared_dns() -> Iterator[Dnsmasq]:
    _need_dnsmasq()
    conf = SHARED / "aws-notices" / "dns" / "dnsmasq.conf"
    if not conf.exists():
        pytest.skip(f"{conf} is absent: the shared test material (../shared) is not on this machine")
    server = Dnsmasq(conf)
    server.start("_dmarc.aws.com")
    yield server
    server.stop()


def _own_conf(path: Path) -> Path:
    records = dict(dkim_records("aws.com", "amazonses.com"))
    records["_dmarc.aws.com"] = "v=DMARC1; p=quarantine"
    records["aws.com"] = "v=spf1 include:amazonses.com -all"
    records["amazonses.com"] = "v=spf1 ip4:54.240.0.0/18 -all"
    lines = [f'txt-record={name},"{value}"' for name, value in records.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def own_dns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dnsmasq]:
    _need_dnsmasq()
    server = Dnsmasq(_own_conf(tmp_path_factory.mktemp("dnsmasq") / "own.conf"))
    server.start("_dmarc.aws.com")
    yield server
    server.stop()


def _labels() -> list[dict[str, str]]:
    path = SHARED / "aws-notices" / "samples" / "labels.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []


def test_every_sample_verdict_through_dnsmasq(shared_dns: Dnsmasq) -> None:
    resolver = DnsResolver(shared_dns.nameserver, timeout=2.0)
    wrong = []
    for label in _labels():
        raw = (SHARED / "aws-notices" / "samples" / label["file"]).read_bytes()
        verdict = authenticate(parse_mail(raw), raw, lookup=resolver, aws_domains=AWS)
        if verdict.verdict != label["authenticity"]:
            wrong.append((label["file"], verdict.verdict, verdict.reasons))
    assert wrong == []
    # answers are cached: a second pass asks the server nothing new
    before = resolver.lookups
    for label in _labels()[:10]:
        raw = (SHARED / "aws-notices" / "samples" / label["file"]).read_bytes()
        authenticate(parse_mail(raw), raw, lookup=resolver, aws_domains=AWS)
    assert resolver.lookups == before and resolver.hits > 0


def test_own_fixture_signed_at_test_time(own_dns: Dnsmasq) -> None:
    raw = sign((FIXTURES / "notices" / "invoice-new-sender.eml").read_bytes(), "aws.com", "amazonses.com")
    resolver = DnsResolver(own_dns.nameserver, timeout=2.0)
    verdict = authenticate(parse_mail(raw), raw, lookup=resolver, aws_domains=AWS)
    assert verdict.verdict == "pass", verdict.reasons
    # SPF for mail received over SMTP: SES's address range, MAIL FROM at an SES subdomain of aws.com
    spf = authenticate(parse_mail(raw), raw, lookup=resolver, aws_domains=AWS,
                       mail_from="bounce@aws.com", peer_ip="54.240.8.130")
    assert any(r.startswith("spf=pass") for r in spf.reasons)
    tampered = raw.replace(b"Your AWS invoice is now available.", b"Pay now at https://evil.example/")
    assert authenticate(parse_mail(tampered), tampered, lookup=resolver, aws_domains=AWS).verdict == "fail"
    ses_only = sign((FIXTURES / "notices" / "invoice-new-sender.eml").read_bytes(), "amazonses.com")
    result = authenticate(parse_mail(ses_only), ses_only, lookup=resolver, aws_domains=AWS)
    assert result.verdict == "fail" and any("proves nothing" in r for r in result.reasons)


def test_unreachable_dns_is_temporary() -> None:
    raw = sign((FIXTURES / "notices" / "invoice-new-sender.eml").read_bytes(), "aws.com")
    resolver = DnsResolver(f"127.0.0.1:{free_port()}", timeout=0.3)
    with pytest.raises(AuthTemporaryError):
        authenticate(parse_mail(raw), raw, lookup=resolver, aws_domains=AWS)


def test_classify_cli_with_dns_nameserver(shared_dns: Dnsmasq, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from rootmail.cli import main

    monkeypatch.setenv("ROOTMAIL_DATA_DIR", str(tmp_path))
    samples = SHARED / "aws-notices" / "samples"
    result = CliRunner().invoke(main, ["classify", "--json", "--dns-nameserver", shared_dns.nameserver,
                                       str(samples / "03-billing-invoice.eml"),
                                       str(samples / "48-spoof-ses-signed-only.eml")])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [x["authenticity"]["verdict"] for x in lines] == ["pass", "fail"]
