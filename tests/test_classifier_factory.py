"""One classifier factory (rootmail.runtime.classifier_stages): the worker's stages, ``rootmail
classify`` and ``rootmail rules explain`` agree, also when DNS fails for now: the worker's stage
raises a TransientError (the task retries) and both commands report that same case, not a verdict."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from ingest.envelope import Envelope
from rootmail.cli import main
from rootmail.errors import UsageProblem
from rootmail.runtime import classifier_stages, routing_stages
from rootmail.settings import Settings
from routing.dns import StaticResolver
from routing.parse import parse_mail
from routing.types import Recipient
from tests.conftest import FIXTURES, free_port
from tests.routing.dkimkeys import dkim_records, sign
from ticketing.errors import TransientError

NOTICES = FIXTURES / "notices"
INVOICE = (NOTICES / "invoice-new-sender.eml").read_bytes()
NOBODY = Recipient(address="", account=None, customer=None)


@pytest.fixture()
def signed(tmp_path: Path) -> Path:
    """An AWS invoice signed d=aws.com: its verdict needs the key from DNS."""
    path = tmp_path / "signed.eml"
    path.write_bytes(sign(INVOICE, "aws.com"))
    return path


@pytest.fixture()
def dead_dns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, clean_env: None) -> dict[str, str]:
    env = {"ROOTMAIL_DATA_DIR": str(tmp_path / "data"), "ROOTMAIL_DNS_NAMESERVERS": f"127.0.0.1:{free_port()}",
           "ROOTMAIL_DNS_TIMEOUT": "0.2", "ROOTMAIL_LOG_LEVEL": "WARNING",
           "ROOTMAIL_DIRECTORY_FILE": str(FIXTURES / "directory" / "directory.yaml")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return env


def test_the_worker_retries_and_both_commands_report_the_same_temporary_failure(
        dead_dns: dict[str, str], signed: Path) -> None:
    raw = signed.read_bytes()
    with pytest.raises(TransientError, match="sender authentication needs DNS"):
        routing_stages(Settings())["authenticate"](parse_mail(raw), raw, Envelope("", ()))

    classified = CliRunner().invoke(main, ["classify", "--json", str(signed)], env=dead_dns)
    assert classified.exit_code == 0, classified.output
    record = json.loads(classified.stdout)
    [reason] = record["authenticity"]["reasons"]
    assert reason.startswith("temporary DNS failure, the worker retries this mail: sender authentication needs DNS")
    assert record["authenticity"]["verdict"] == "none" and record["suspected_spoof"] is True

    explained = CliRunner().invoke(main, ["rules", "explain", "--json", str(signed),
                                          "--rcpt", "root-acme-prod@roots.example.net"], env=dead_dns)
    assert explained.exit_code == 0, explained.output
    doc = json.loads(explained.stdout)
    assert doc["authenticity"] == "none" and reason in doc["notes"]
    assert doc["notice_type"] == record["notice_type"] == "billing.invoice"


def test_the_benchmarks_stages_are_the_workers_with_other_dns_answers(signed: Path, clean_env: None) -> None:
    raw = signed.read_bytes()
    stages = classifier_stages(Settings(), lookup=StaticResolver(dkim_records("aws.com")))
    verdict = stages.authenticate(parse_mail(raw), raw, Envelope("", ()))
    assert verdict.verdict == "pass", verdict.reasons
    assert stages.classify(parse_mail(raw), raw, Envelope("", ()), NOBODY).notice_type == "billing.invoice"
    unsigned = classifier_stages(Settings(), lookup=StaticResolver({})).authenticate(
        parse_mail(INVOICE), INVOICE, Envelope("", ()))
    assert unsigned.verdict == "fail" and unsigned.suspected_spoof


def test_a_bad_nameserver_is_a_usage_problem_naming_the_setting(clean_env: None, signed: Path) -> None:
    with pytest.raises(UsageProblem, match="ROOTMAIL_DNS_NAMESERVERS"):
        classifier_stages(Settings(), nameservers="127.0.0.1:99999")
    result = CliRunner().invoke(main, ["classify", "--json", "--dns-nameserver", "127.0.0.1:0", str(signed)])
    assert result.exit_code != 0 and "ROOTMAIL_DNS_NAMESERVERS" in result.output
    assert "Traceback" not in result.output
