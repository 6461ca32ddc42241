"""The account directory: YAML and CSV sources, plus-addressing, merge precedence, snapshot round trip,
the reloading holder, and the ``rootmail directory list|lookup`` commands."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from structlog.testing import capture_logs

from rootmail.directory_holder import DirectoryHolder, snapshot_path
from rootmail.directory_sync import write_atomically
from rootmail.settings import Settings
from routing.directory import (
    Directory,
    DirectoryError,
    dump_directory,
    merge_directories,
    parse_customer_map,
    parse_directory,
    parse_directory_csv,
    parse_directory_source,
)
from routing.types import Account, Customer

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "directory"
SHARED = Path(__file__).resolve().parents[3] / "shared" / "aws-notices"
needs_shared = pytest.mark.skipif(not (SHARED / "directory.yaml").exists(),
                                  reason=f"shared samples not present at {SHARED}")


def fixture_directory() -> Directory:
    return parse_directory((FIXTURES / "directory.yaml").read_text(), "directory.yaml")


# ---------------------------------------------------------------- lookups


def test_lookup_is_case_insensitive_and_ignores_angle_brackets() -> None:
    directory = fixture_directory()
    recipient = directory.resolve(" <ROOT-acme-prod@roots.EXAMPLE.net> ")
    assert recipient.address == "root-acme-prod@roots.example.net"
    assert recipient.account is not None and recipient.account.account_id == "111111111111"
    assert recipient.customer is not None and recipient.customer.id == "acme"


def test_unknown_address_resolves_to_no_account_and_no_customer() -> None:
    recipient = fixture_directory().resolve("nobody@roots.example.net")
    assert (recipient.known, recipient.account, recipient.customer) == (False, None, None)


def test_leading_zero_account_id_and_status_and_tags_are_kept() -> None:
    directory = fixture_directory()
    assert directory.accounts["012345678901"].name == "globex-prod"
    assert directory.accounts["333333333333"].status == "SUSPENDED"
    assert dict(directory.accounts["111111111111"].tags) == {"env": "prod"}
    assert directory.accounts["111111111111"].source == "file"


def test_exact_plus_addressing_requires_the_full_address() -> None:
    directory = fixture_directory()
    assert directory.plus_addressing == "exact"
    assert directory.is_known("aws-root+globex-prod@roots.example.net")
    assert not directory.is_known("root-acme-prod+billing@roots.example.net")


def test_strip_plus_addressing_accepts_a_tag_on_a_listed_address() -> None:
    directory = fixture_directory().with_plus_addressing("strip")
    recipient = directory.resolve("Root-Acme-Prod+Billing@roots.example.net")
    assert recipient.account is not None and recipient.account.account_id == "111111111111"
    # a listed plus-address still matches exactly, and an unlisted base stays unknown
    assert directory.resolve("aws-root+globex-prod@roots.example.net").known
    assert not directory.is_known("aws-root+other@roots.example.net")


def test_strip_plus_addressing_keeps_the_plus_of_a_listed_plus_address() -> None:
    directory = fixture_directory().with_plus_addressing("strip")
    recipient = directory.resolve("aws-root+globex-prod+alerts@roots.example.net")
    assert recipient.account is not None and recipient.account.account_id == "012345678901"


def test_domains_are_those_of_the_root_addresses() -> None:
    assert fixture_directory().domains() == frozenset({"roots.example.net", "aws.example.org"})


# ---------------------------------------------------------------- CSV


def test_csv_directory_equals_the_yaml_directory() -> None:
    from_csv = parse_directory_csv((FIXTURES / "directory.csv").read_text(), "directory.csv")
    from_yaml = fixture_directory()
    assert dict(from_csv.accounts) == dict(from_yaml.accounts)
    assert dict(from_csv.customers) == dict(from_yaml.customers)
    assert parse_directory_source((FIXTURES / "directory.csv").read_text(), "x/DIRECTORY.CSV").accounts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("account_id,name,root_email\n111111111111,a,a@x.example\n", "directory.csv:1: the header row lacks customer"),
        ("account_id,customer,root_email,colour\n", "directory.csv:1: unknown column(s) colour"),
        ("account_id,customer,root_email\n111111111111,acme,a@x.example\n12345,acme,b@x.example\n",
         "directory.csv:3: account_id '12345' is not a 12-digit string"),
        ("account_id,customer,root_email,tags\n111111111111,acme,a@x.example,env\n",
         "directory.csv:2: tag 'env' is not key=value"),
        ("account_id,customer,root_email\n111111111111,,a@x.example\n",
         "directory.csv:2: account 111111111111 has no customer"),
        ("account_id,customer,root_email\n111111111111,acme,a@x.example\n222222222222,acme,A@x.example\n",
         "directory.csv:3: root_email A@x.example is already used at line 2"),
    ],
)
def test_csv_errors_name_the_line_and_the_fix(text: str, expected: str) -> None:
    with pytest.raises(DirectoryError) as caught:
        parse_directory_csv(text, "directory.csv")
    assert str(caught.value).startswith(expected)


# ---------------------------------------------------------------- YAML errors


def test_unquoted_account_id_error_names_the_line_and_the_quoted_fix() -> None:
    text = ("customers:\n  - id: acme\naccounts:\n  - account_id: 12345678901\n    customer: acme\n"
            "    root_email: a@x.example\n")
    with pytest.raises(DirectoryError) as caught:
        parse_directory(text, "d.yaml")
    assert str(caught.value).startswith("d.yaml:4: account_id 12345678901 is a number")
    assert 'account_id: "012345678901"' in str(caught.value)


def test_unknown_customer_error_names_the_line() -> None:
    text = 'customers: []\naccounts:\n  - account_id: "111111111111"\n    customer: acme\n    root_email: a@x.example\n'
    with pytest.raises(DirectoryError, match=r"^d.yaml:3: account 111111111111 names customer 'acme'"):
        parse_directory(text, "d.yaml")


def test_yaml_syntax_error_names_the_line() -> None:
    with pytest.raises(DirectoryError, match=r"^d.yaml:2: not valid YAML"):
        parse_directory("customers: []\naccounts: x: y\n", "d.yaml")


# ---------------------------------------------------------------- merge and snapshot


def _org_directory() -> Directory:
    return Directory.build(
        [Customer("acme", "acme"), Customer("initech", "Initech")],
        [
            Account("111111111111", "renamed-in-orgs", "initech", "other@roots.example.net", source="org:current"),
            Account("444444444444", "org-only", "initech", "org-only@roots.example.net", source="org:current"),
            Account("555555555555", "steals-address", "initech", "root-acme-dev@roots.example.net",
                    source="org:current"),
        ],
    )


def test_file_entries_override_organizations_entries_for_the_same_account() -> None:
    result = merge_directories(fixture_directory(), _org_directory())
    merged = result.directory
    assert merged.accounts["111111111111"].name == "acme-prod"          # the file wins
    assert merged.accounts["111111111111"].customer_id == "acme"
    assert not merged.is_known("other@roots.example.net")               # the org's address is not used
    assert merged.accounts["444444444444"].source == "org:current"      # org-only accounts are added
    assert result.overridden == ("111111111111",)
    assert merged.customers["acme"].name == "Acme Corp"                 # the file's customer wins
    assert merged.customers["initech"].name == "Initech"


def test_an_organizations_account_with_a_file_address_is_dropped_and_reported() -> None:
    result = merge_directories(fixture_directory(), _org_directory())
    assert "555555555555" not in result.directory.accounts
    assert result.directory.resolve("root-acme-dev@roots.example.net").account.account_id == "222222222222"  # type: ignore[union-attr]
    assert any("555555555555" in note for note in result.conflicts)


def test_snapshot_yaml_round_trips_with_unassigned_accounts() -> None:
    merged = merge_directories(fixture_directory(), Directory.build(
        [], [Account("066666666666", "no-customer", "", "lonely@roots.example.net", tags=(("team", "x"),),
                     source="org:arn:aws:iam::999999999999:role/r")])).directory
    text = dump_directory(merged, "snapshot\nsecond line")
    assert text.startswith("# snapshot\n# second line\n")
    again = parse_directory(text, "snap.yaml", allow_unassigned=True, entry_source="")
    assert dict(again.accounts) == dict(merged.accounts)
    assert dict(again.customers) == dict(merged.customers)
    assert again.resolve("lonely@roots.example.net").customer is None
    with pytest.raises(DirectoryError, match="has no customer"):
        parse_directory(text, "snap.yaml")  # hand-written files must name a customer


@pytest.mark.parametrize("name", ["customer-map.yaml", "customer-map.csv"])
def test_customer_map_files(name: str) -> None:
    assert parse_customer_map((FIXTURES / name).read_text(), name) == {"444444444444": "globex"}


def test_customer_map_rejects_an_unquoted_account_id() -> None:
    with pytest.raises(DirectoryError, match="quote it"):
        parse_customer_map("12345678901: acme\n", "map.yaml")


# ---------------------------------------------------------------- the shared samples


@needs_shared
def test_shared_directory_parses_and_resolves_every_labelled_recipient() -> None:
    directory = parse_directory((SHARED / "directory.yaml").read_text(), "directory.yaml")
    assert len(directory.accounts) == 28 and len(directory.customers) == 7
    labels = json.loads((SHARED / "samples" / "labels.json").read_text())
    for label in labels:
        recipient = directory.resolve(label["recipient"])
        assert recipient.known == label["expected_recipient_known"], label["file"]
        assert (recipient.customer.id if recipient.customer else None) == label["customer"], label["file"]


# ---------------------------------------------------------------- the holder


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _touch_later(path: Path, text: str) -> None:
    """Rewrite ``path`` with an mtime that surely differs from the previous one."""
    previous = path.stat().st_mtime_ns if path.exists() else 0
    path.write_text(text)
    os.utime(path, ns=(previous + 10**9, previous + 10**9))


def test_holder_reads_the_directory_file_without_a_snapshot(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, directory_file=FIXTURES / "directory.csv")
    directory = DirectoryHolder(settings).get()
    assert directory.is_known("root-acme-prod@roots.example.net")


def test_holder_applies_the_plus_addressing_setting(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, directory_file=FIXTURES / "directory.yaml", plus_addressing="strip")
    assert DirectoryHolder(settings).get().is_known("root-acme-prod+x@roots.example.net")


def test_holder_picks_up_a_new_snapshot_after_the_check_interval(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path, directory_file=FIXTURES / "directory.yaml")
    clock = FakeClock()
    holder = DirectoryHolder(settings, check_every=2.0, clock=clock)
    assert not holder.get().is_known("new@roots.example.net")
    snapshot = merge_directories(fixture_directory(), Directory.build(
        [Customer("acme", "Acme Corp")], [Account("777777777777", "new", "acme", "new@roots.example.net",
                                                  source="org:current")])).directory
    write_atomically(snapshot_path(settings), dump_directory(snapshot))
    clock.now = 1.0
    assert not holder.get().is_known("new@roots.example.net")  # not checked before the interval
    clock.now = 2.5
    assert holder.get().is_known("new@roots.example.net")
    assert holder.get().is_known("root-acme-prod@roots.example.net")


def test_holder_merges_an_edited_file_over_the_snapshot(tmp_path: Path) -> None:
    directory_file = tmp_path / "directory.yaml"
    directory_file.write_text((FIXTURES / "directory.yaml").read_text())
    settings = Settings(data_dir=tmp_path, directory_file=directory_file)
    write_atomically(snapshot_path(settings), dump_directory(fixture_directory()))
    clock = FakeClock()
    holder = DirectoryHolder(settings, clock=clock)
    assert holder.get().accounts["222222222222"].name == "acme-dev"
    _touch_later(directory_file, directory_file.read_text().replace("name: acme-dev", "name: acme-dev-renamed"))
    clock.now = 10
    assert holder.get().accounts["222222222222"].name == "acme-dev-renamed"


def test_holder_keeps_the_last_good_directory_when_the_file_breaks(tmp_path: Path) -> None:
    directory_file = tmp_path / "directory.yaml"
    directory_file.write_text((FIXTURES / "directory.yaml").read_text())
    settings = Settings(data_dir=tmp_path, directory_file=directory_file)
    clock = FakeClock()
    holder = DirectoryHolder(settings, clock=clock)
    good = holder.get()
    _touch_later(directory_file, "accounts:\n  - account_id: 1\n")
    clock.now = 10
    with capture_logs() as logs:
        assert holder.get() is good
    assert [e["event"] for e in logs] == ["directory_reload_failed"]
    assert "directory.yaml:2" in logs[0]["error"]
    assert holder.last_error is not None
    _touch_later(directory_file, (FIXTURES / "directory.yaml").read_text())
    clock.now = 20
    assert holder.get() is not good and holder.last_error is None


def test_holder_raises_when_the_first_load_fails(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("customers: {}\n")
    with pytest.raises(DirectoryError, match="'customers' must be a list"):
        DirectoryHolder(Settings(data_dir=tmp_path, directory_file=bad)).get()


# ---------------------------------------------------------------- commands


def _cli_env(tmp_path: Path, directory_file: Path) -> dict[str, str]:
    return {"ROOTMAIL_DATA_DIR": str(tmp_path), "ROOTMAIL_DIRECTORY_FILE": str(directory_file),
            "ROOTMAIL_PLUS_ADDRESSING": "exact", "ROOTMAIL_LOG_LEVEL": "WARNING"}


def test_directory_lookup_json_names_the_account_and_customer(tmp_path: Path) -> None:
    from rootmail.cli import main

    result = CliRunner().invoke(main, ["directory", "lookup", "ROOT-acme-prod@roots.example.net", "--json"],
                                env=_cli_env(tmp_path, FIXTURES / "directory.yaml"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "address": "root-acme-prod@roots.example.net", "aws_account_id": "111111111111",
        "account_name": "acme-prod", "customer": "acme", "known": True,
    }


def test_directory_lookup_json_of_an_unknown_address(tmp_path: Path) -> None:
    from rootmail.cli import main

    result = CliRunner().invoke(main, ["directory", "lookup", "who@roots.example.net", "--json"],
                                env=_cli_env(tmp_path, FIXTURES / "directory.yaml"))
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {"address": "who@roots.example.net", "aws_account_id": None,
                                         "account_name": None, "customer": None, "known": False}


def test_directory_list_json_lists_every_address(tmp_path: Path) -> None:
    from rootmail.cli import main

    result = CliRunner().invoke(main, ["directory", "list", "--json"],
                                env=_cli_env(tmp_path, FIXTURES / "directory.csv"))
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["aws_account_id"] for r in rows] == ["012345678901", "333333333333", "222222222222",
                                                    "111111111111"]  # sorted by address
    assert {r["address"] for r in rows} == set(fixture_directory().by_address)
    assert rows[1]["status"] == "SUSPENDED"


def test_directory_sync_without_organizations_writes_the_file_as_snapshot(tmp_path: Path) -> None:
    from rootmail.cli import main

    result = CliRunner().invoke(main, ["directory", "sync", "--no-orgs", "--json"],
                                env=_cli_env(tmp_path, FIXTURES / "directory.yaml"))
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["ok"], report["accounts"], report["from_file"], report["from_organizations"]) == (True, 4, 4, 0)
    snapshot = parse_directory((tmp_path / "directory.snapshot.yaml").read_text(), "s", allow_unassigned=True)
    assert dict(snapshot.accounts) == dict(fixture_directory().accounts)
