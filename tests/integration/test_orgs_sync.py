"""Directory sync against AWS Organizations and STS served by moto in server mode.

Two payers (management accounts), each reached by assuming a role with an external id; accounts
carry a customer tag or are assigned by the mapping file; the directory file overrides an
Organizations entry. The receiver's view (DirectoryHolder) picks up an account added by a later
sync without a restart, and a payer that fails keeps its accounts of the previous snapshot.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from click.testing import CliRunner

from rootmail.directory_holder import DirectoryHolder, snapshot_path
from rootmail.directory_sync import make_client_factory, sync_directory
from rootmail.settings import Settings
from routing.directory import parse_directory
from tests.conftest import moto_server

pytestmark = pytest.mark.integration

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "directory"
SHARED_DIRECTORY = Path(__file__).resolve().parents[3] / "shared" / "aws-notices" / "directory.yaml"
PAYER_A = "arn:aws:iam::100000000001:role/rootmail-directory"
PAYER_B = "arn:aws:iam::200000000002:role/rootmail-directory"
EXTERNAL_ID = "rootmail-test-external-id"


@pytest.fixture(scope="module")
def moto_endpoint() -> Iterator[str]:
    with moto_server() as endpoint:
        yield endpoint


@pytest.fixture
def aws_env(moto_endpoint: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> str:
    """Standard boto3 configuration pointing at moto: AWS_ENDPOINT_URL and static test credentials."""
    monkeypatch.setenv("AWS_ENDPOINT_URL", moto_endpoint)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE"):
        monkeypatch.delenv(name, raising=False)
    return moto_endpoint


def _as_payer(role_arn: str) -> Any:
    """An Organizations client with the payer's credentials (moto keys backends by account id)."""
    creds = boto3.client("sts").assume_role(RoleArn=role_arn, RoleSessionName="setup",
                                            ExternalId=EXTERNAL_ID)["Credentials"]
    return boto3.client("organizations", aws_access_key_id=creds["AccessKeyId"],
                        aws_secret_access_key=creds["SecretAccessKey"], aws_session_token=creds["SessionToken"])


def _create_account(org: Any, name: str, email: str, tags: dict[str, str]) -> str:
    status = org.create_account(AccountName=name, Email=email,
                                Tags=[{"Key": k, "Value": v} for k, v in tags.items()])["CreateAccountStatus"]
    deadline = time.monotonic() + 10
    while status["State"] == "IN_PROGRESS" and time.monotonic() < deadline:
        status = org.describe_create_account_status(CreateAccountRequestId=status["Id"])["CreateAccountStatus"]
    assert status["State"] == "SUCCEEDED", status
    return str(status["AccountId"])


@pytest.fixture
def organizations(aws_env: str) -> dict[str, str]:
    """Two organizations (one per payer), fresh for each test (moto state is reset first)."""
    import urllib.request

    urllib.request.urlopen(urllib.request.Request(f"{aws_env}/moto-api/reset", method="POST"), timeout=10).close()
    ids: dict[str, str] = {}
    org_a = _as_payer(PAYER_A)
    org_a.create_organization(FeatureSet="ALL")
    ids["tagged"] = _create_account(org_a, "acme-data", "Acme-Data@Roots.Example.NET", {"customer": "acme",
                                                                                       "env": "prod"})
    ids["untagged"] = _create_account(org_a, "mystery", "mystery@roots.example.net", {})
    org_b = _as_payer(PAYER_B)
    org_b.create_organization(FeatureSet="ALL")
    ids["mapped"] = _create_account(org_b, "globex-lake", "globex-lake@aws.example.org", {"customer": "wrong"})
    return ids


def _settings(tmp_path: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "data_dir": tmp_path / "data", "directory_file": FIXTURES / "directory.yaml", "org_sync": True,
        "org_role_arns": f"{PAYER_A}, {PAYER_B}", "org_external_id": EXTERNAL_ID,
        "org_customer_map_file": FIXTURES / "customer-map.yaml",
    }
    values.update(overrides)
    return Settings(**values)


def test_sync_merges_both_payers_and_the_file(organizations: dict[str, str], tmp_path: Path) -> None:
    # moto picks the account ids: the mapping names globex-lake's real id (its tag says "wrong")
    map_file = tmp_path / "map.yaml"
    map_file.write_text(f'"{organizations["mapped"]}": globex\n')
    settings = _settings(tmp_path, org_customer_map_file=map_file)
    report = sync_directory(settings)
    assert report.ok, report.errors
    assert report.payers[f"org:{PAYER_A}"] >= 2 and report.payers[f"org:{PAYER_B}"] >= 1  # type: ignore[operator]
    directory = DirectoryHolder(settings).get()
    tagged = directory.resolve("acme-data@roots.example.net")                 # case-insensitive
    assert tagged.account is not None and tagged.account.account_id == organizations["tagged"]
    assert tagged.customer is not None and tagged.customer.name == "Acme Corp"  # the file's customer
    assert dict(tagged.account.tags)["env"] == "prod"
    assert tagged.account.source == f"org:{PAYER_A}"
    mapped = directory.resolve("globex-lake@aws.example.org")
    assert mapped.customer is not None and mapped.customer.id == "globex"      # the map beats the tag
    mystery = directory.resolve("mystery@roots.example.net")
    assert mystery.known and mystery.customer is None
    assert organizations["untagged"] in report.unassigned
    assert directory.resolve("root-acme-prod@roots.example.net").account.source == "file"  # type: ignore[union-attr]
    snapshot = parse_directory(snapshot_path(settings).read_text(), "snapshot", allow_unassigned=True)
    assert set(snapshot.by_address) == set(directory.by_address)


def test_file_entries_override_organizations_for_the_same_account(organizations: dict[str, str],
                                                                   tmp_path: Path) -> None:
    account_id = organizations["tagged"]
    directory_file = tmp_path / "directory.yaml"
    directory_file.write_text((FIXTURES / "directory.yaml").read_text() + (
        f'  - account_id: "{account_id}"\n    name: acme-data-from-file\n    customer: globex\n'
        "    root_email: acme-data@roots.example.net\n"))
    settings = _settings(tmp_path, directory_file=directory_file)
    report = sync_directory(settings)
    assert report.ok, report.errors
    account = DirectoryHolder(settings).get().accounts[account_id]
    assert (account.name, account.customer_id, account.source) == ("acme-data-from-file", "globex", "file")


def test_an_account_added_by_a_sync_is_accepted_without_a_restart(organizations: dict[str, str],
                                                                  tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert sync_directory(settings).ok
    holder = DirectoryHolder(settings, check_every=0.2)  # the receiver's long-lived holder
    assert not holder.get().is_known("new-root@roots.example.net")
    _create_account(_as_payer(PAYER_A), "acme-new", "new-root@roots.example.net", {"customer": "acme"})
    report = sync_directory(settings)
    assert report.added == ("new-root@roots.example.net",)
    deadline = time.monotonic() + 10
    while not holder.get().is_known("new-root@roots.example.net") and time.monotonic() < deadline:
        time.sleep(0.05)
    assert holder.get().resolve("new-root@roots.example.net").customer.id == "acme"  # type: ignore[union-attr]


def test_a_failing_payer_keeps_its_accounts_of_the_previous_snapshot(organizations: dict[str, str],
                                                                     tmp_path: Path) -> None:
    settings = _settings(tmp_path)
    assert sync_directory(settings).ok
    real = make_client_factory(settings)

    def factory(role_arn: str | None) -> Any:
        if role_arn == PAYER_B:
            raise RuntimeError("AccessDenied: not authorized to perform sts:AssumeRole")
        return real(role_arn)

    report = sync_directory(settings, client_factory=factory)
    assert not report.ok and report.payers[f"org:{PAYER_B}"] == "RuntimeError: AccessDenied: not authorized to " \
        "perform sts:AssumeRole"
    assert report.removed == ()
    directory = DirectoryHolder(settings).get()
    assert directory.is_known("globex-lake@aws.example.org")
    assert directory.is_known("acme-data@roots.example.net")


def test_clients_use_adaptive_retries_and_the_endpoint_setting(aws_env: str, tmp_path: Path) -> None:
    client = make_client_factory(_settings(tmp_path))(None)
    retries = client.meta.config.retries  # type: ignore[attr-defined]
    assert retries["mode"] == "adaptive"
    assert retries["total_max_attempts"] == 11  # max_attempts=10 retries after the first attempt
    assert client.meta.endpoint_url == aws_env  # type: ignore[attr-defined]


def test_current_credentials_are_the_management_account_when_no_role_is_set(organizations: dict[str, str],
                                                                           tmp_path: Path) -> None:
    org = boto3.client("organizations")
    org.create_organization(FeatureSet="ALL")
    own = _create_account(org, "own-account", "own@roots.example.net", {"customer": "initech"})
    report = sync_directory(_settings(tmp_path, org_role_arns=""))
    assert report.ok and list(report.payers) == ["org:current"]
    recipient = DirectoryHolder(_settings(tmp_path)).get().resolve("own@roots.example.net")
    assert recipient.account is not None and recipient.account.account_id == own
    assert recipient.customer is not None and recipient.customer.id == "initech"


@pytest.mark.skipif(not SHARED_DIRECTORY.exists(), reason=f"shared directory not present at {SHARED_DIRECTORY}")
def test_cli_sync_and_lookup_with_the_shared_directory(organizations: dict[str, str], tmp_path: Path) -> None:
    from rootmail.cli import main

    env = {"ROOTMAIL_DATA_DIR": str(tmp_path / "data"), "ROOTMAIL_DIRECTORY_FILE": str(SHARED_DIRECTORY),
           "ROOTMAIL_ORG_SYNC": "true", "ROOTMAIL_ORG_ROLE_ARNS": f"{PAYER_A},{PAYER_B}",
           "ROOTMAIL_ORG_EXTERNAL_ID": EXTERNAL_ID, "ROOTMAIL_LOG_LEVEL": "WARNING"}
    runner = CliRunner()
    synced = runner.invoke(main, ["directory", "sync", "--json"], env=env)
    assert synced.exit_code == 0, synced.output
    report = json.loads(synced.stdout)
    assert report["from_file"] == 28 and report["from_organizations"] >= 3
    for address, expected in [
        ("GTT37X@roots.example.net", {"aws_account_id": "475435584436", "account_name": "acme-payer",
                                      "customer": "acme", "known": True}),
        ("acme-data@roots.example.net", {"aws_account_id": organizations["tagged"], "account_name": "acme-data",
                                         "customer": "acme", "known": True}),
    ]:
        found = runner.invoke(main, ["directory", "lookup", address, "--json"], env=env)
        assert found.exit_code == 0, found.output
        assert json.loads(found.stdout) == {"address": address.lower(), **expected}
