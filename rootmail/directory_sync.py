"""Directory sync: the directory file merged over AWS Organizations, written as the snapshot.

``sync_directory(settings)`` is the entry point of ``rootmail directory sync`` and of the periodic
sync (Celery beat). It reads the directory file (YAML or CSV), and when ``ROOTMAIL_ORG_SYNC`` is on
it visits every payer of ``ROOTMAIL_ORG_ROLE_ARNS`` (empty: the current credentials are the
management account), assumes the role with ``ROOTMAIL_ORG_EXTERNAL_ID``, pages through
``ListAccounts`` and reads each account's tags. Customers come from
``ROOTMAIL_ORG_CUSTOMER_MAP_FILE`` (account -> customer) or from the ``ROOTMAIL_ORG_CUSTOMER_TAG``
tag. Entries of the directory file override Organizations entries for the same account id.

The snapshot ``<data_dir>/directory.snapshot.yaml`` is written tmp -> fsync -> rename -> fsync of
the directory, so a reader sees the old or the new file, never half of one. A payer that fails
keeps its accounts of the previous snapshot (a failed call must never turn known root addresses
into 550s); the report names it and the command exits non-zero.

After the snapshot is written, the helpdesk's organization and user ids of every customer are
resolved and cached for the workers (:mod:`rootmail.helpdesk_ids`; Zendesk only): the report's
``helpdesk_ids``. A failure there is a warning, never a failed sync.

boto3 is configured the standard way (profiles, ``AWS_ENDPOINT_URL``, IRSA web identity in
Kubernetes), with adaptive retries for throttling.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import structlog
from prometheus_client import Counter, Gauge

from rootmail.directory_holder import read_directory_file, read_snapshot, snapshot_path
from rootmail.settings import Settings
from routing.directory import (
    Directory,
    DirectoryError,
    dump_directory,
    merge_directories,
    parse_customer_map,
)
from routing.orgs import ClientFactory, OrganizationsClient, collect_accounts, parse_role_arns

if TYPE_CHECKING:
    from ticketing.helpdesk import Helpdesk

log = structlog.get_logger(__name__)

SYNC_RUNS = Counter("rootmail_directory_syncs_total", "Directory syncs by result", ["result"])
SYNC_LAST_SUCCESS = Gauge("rootmail_directory_sync_last_success_timestamp_seconds",
                          "Unix time of the last directory sync without errors")

BOTO_RETRIES: dict[str, Any] = {"mode": "adaptive", "max_attempts": 10}
SESSION_NAME = "rootmail-directory-sync"


@dataclass(frozen=True)
class SyncReport:
    """What a sync did. ``ok`` is False when a payer or a file failed (the snapshot may still be new)."""

    snapshot: str
    accounts: int = 0
    customers: int = 0
    from_file: int = 0
    from_organizations: int = 0
    payers: dict[str, int | str] = field(default_factory=dict)
    """Per payer: the number of accounts, or the error."""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    unassigned: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    errors: tuple[str, ...] = ()
    written: bool = False
    helpdesk_ids: dict[str, Any] | None = None
    """The helpdesk id warm-up (:func:`rootmail.helpdesk_ids.warm_helpdesk_ids`), None: not run."""

    @property
    def ok(self) -> bool:
        return not self.errors

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok, "snapshot": self.snapshot, "written": self.written, "accounts": self.accounts,
            "customers": self.customers, "from_file": self.from_file,
            "from_organizations": self.from_organizations, "payers": dict(self.payers),
            "added": list(self.added), "removed": list(self.removed), "unassigned": list(self.unassigned),
            "warnings": list(self.warnings), "errors": list(self.errors), "helpdesk_ids": self.helpdesk_ids,
        }


def boto_config() -> Any:
    from botocore.config import Config

    return Config(retries=dict(BOTO_RETRIES))


def make_client_factory(settings: Settings, session: Any = None) -> ClientFactory:
    """Role ARN (None: current credentials) -> an Organizations client, with adaptive retries.

    Organizations is a global service served from us-east-1; the region of the session is used
    when it is set.
    """
    import boto3

    base = session or boto3.session.Session()
    region = base.region_name or "us-east-1"
    config = boto_config()

    def factory(role_arn: str | None) -> OrganizationsClient:
        if role_arn is None:
            client: OrganizationsClient = base.client("organizations", region_name=region, config=config)
            return client
        sts = base.client("sts", region_name=region, config=config)
        params: dict[str, Any] = {"RoleArn": role_arn, "RoleSessionName": SESSION_NAME}
        if settings.org_external_id:
            params["ExternalId"] = settings.org_external_id
        creds = sts.assume_role(**params)["Credentials"]
        assumed = boto3.session.Session(
            aws_access_key_id=creds["AccessKeyId"], aws_secret_access_key=creds["SecretAccessKey"],
            aws_session_token=creds["SessionToken"], region_name=region,
        )
        client = assumed.client("organizations", config=config)
        return client

    return factory


def write_atomically(path: Path, text: str) -> None:
    """tmp file in the same directory -> fsync -> rename -> fsync of the directory."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _read_customer_map(settings: Settings) -> dict[str, str]:
    if settings.org_customer_map_file is None:
        return {}
    path = Path(settings.org_customer_map_file)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DirectoryError(f"{path}: cannot read the customer map ({exc.strerror}); fix "
                             "ROOTMAIL_ORG_CUSTOMER_MAP_FILE") from exc
    return parse_customer_map(text, str(path))


def _previous_snapshot(target: Path, warnings: list[str]) -> Directory | None:
    """The snapshot being replaced, or None (absent, or unreadable: noted in ``warnings``)."""
    if not target.exists():
        return None
    try:
        return read_snapshot(target)
    except DirectoryError as exc:
        warnings.append(f"previous snapshot unreadable, replaced: {exc}")
        return None


def _carry_failed_payers(
    org_directory: Directory, previous: Directory, failed: set[str], warnings: list[str],
) -> Directory:
    """Add the previous snapshot's accounts of the payers that failed now (and their customers)."""
    kept = [a for a in previous.accounts.values() if a.source in failed]
    if not kept:
        return org_directory
    warnings.append(f"kept {len(kept)} accounts of the failed payer(s) from the previous snapshot")
    customers = dict(org_directory.customers)
    for account in kept:
        customer = previous.customers.get(account.customer_id)
        if customer is not None:
            customers.setdefault(customer.id, customer)
    carried = Directory.build(customers.values(), kept)
    return merge_directories(org_directory, carried).directory


def _previous_org_directory(previous: Directory | None) -> Directory:
    """The Organizations part of the previous snapshot (kept when this sync cannot run)."""
    if previous is None:
        return Directory.build((), ())
    return Directory.build(
        previous.customers.values(),
        [a for a in previous.accounts.values() if a.source.startswith("org:")],
    )


@dataclass
class _OrgResult:
    directory: Directory = field(default_factory=Directory)
    payers: dict[str, int | str] = field(default_factory=dict)
    unassigned: tuple[str, ...] = ()


def _organizations_directory(
    settings: Settings, factory: ClientFactory, file_directory: Directory,
    previous: Directory | None, errors: list[str], warnings: list[str],
) -> _OrgResult:
    """Collect every payer's accounts; a failed payer keeps its accounts of ``previous``."""
    try:
        customer_map = _read_customer_map(settings)
    except DirectoryError as exc:
        errors.append(str(exc))
        warnings.append("customer map unreadable: kept the Organizations accounts of the previous snapshot")
        return _OrgResult(directory=_previous_org_directory(previous))
    collection = collect_accounts(
        parse_role_arns(settings.org_role_arns), factory,
        customer_tag=settings.org_customer_tag, customer_map=customer_map,
        known_customers=file_directory.customers,
    )
    warnings.extend(collection.warnings)
    result = _OrgResult(directory=collection.directory, unassigned=collection.unassigned)
    for payer in collection.payers:
        result.payers[payer.payer] = payer.error if payer.error is not None else len(payer.accounts)
        if payer.error is not None:
            errors.append(f"{payer.payer}: {payer.error}")
            log.error("directory_sync_payer_failed", payer=payer.payer, error=payer.error)
    failed = set(collection.failed_payers)
    if failed and previous is not None:
        result.directory = _carry_failed_payers(result.directory, previous, failed, warnings)
    return result


def _snapshot_header(clock: Callable[[], float]) -> str:
    return (f"rootmail account directory snapshot, written by `rootmail directory sync` at "
            f"{time.strftime('%Y-%m-%dT%H:%M:%SZ', time.gmtime(clock()))}.\n"
            "Do not edit: change the directory file or AWS Organizations and sync again.")


def _warm_helpdesk(settings: Settings, directory: Directory, helpdesk: Helpdesk | None,
                   warnings: list[str]) -> dict[str, Any] | None:
    """The helpdesk id warm-up after the snapshot is written; its problems become warnings."""
    from rootmail.helpdesk_ids import warm_helpdesk_ids

    ids = warm_helpdesk_ids(settings, directory, helpdesk=helpdesk)
    if ids and ids.get("error"):
        warnings.append(f"helpdesk ids not warmed: {ids['error']}")
    elif ids:
        failed = sorted(ids["failed"].items())
        for customer, error in failed[:3]:
            warnings.append(f"helpdesk ids of customer {customer} not warmed: {error}")
        if len(failed) > 3:
            warnings.append(f"helpdesk ids of {len(failed) - 3} more customer(s) not warmed (see helpdesk_ids)")
        if ids["deferred"]:
            warnings.append(f"helpdesk ids of {ids['deferred']} customer(s) left for the next sync (time budget)")
    return ids


def sync_directory(
    settings: Settings,
    *,
    organizations: bool | None = None,
    client_factory: ClientFactory | None = None,
    clock: Callable[[], float] = time.time,
    helpdesk: Helpdesk | None = None,
) -> SyncReport:
    """Merge the sources and write the snapshot; never shrink it because a source failed.
    Then warm the helpdesk's ids of every customer (``helpdesk``: the worker's client, else one
    is built).

    ``organizations`` overrides ``ROOTMAIL_ORG_SYNC``; ``client_factory`` overrides the boto3
    factory (tests).
    """
    target = snapshot_path(settings)
    errors: list[str] = []
    warnings: list[str] = []
    previous = _previous_snapshot(target, warnings)
    file_directory = Directory()
    if settings.directory_file is not None:
        try:
            file_directory = read_directory_file(Path(settings.directory_file))
        except DirectoryError as exc:
            errors.append(str(exc))
            SYNC_RUNS.labels("failed").inc()
            log.error("directory_sync_failed", error=str(exc))
            return SyncReport(snapshot=str(target), errors=tuple(errors), warnings=tuple(warnings))
    orgs = _OrgResult()
    if settings.org_sync if organizations is None else organizations:
        orgs = _organizations_directory(
            settings, client_factory or make_client_factory(settings), file_directory, previous,
            errors, warnings,
        )
    merged = merge_directories(file_directory, orgs.directory)
    warnings.extend(merged.conflicts)
    directory = merged.directory
    before = set(previous.by_address) if previous else set()
    after = set(directory.by_address)
    write_atomically(target, dump_directory(directory, _snapshot_header(clock)))
    helpdesk_ids = _warm_helpdesk(settings, directory, helpdesk, warnings)
    from_file = sum(1 for a in directory.accounts.values() if a.source == "file")
    report = SyncReport(
        snapshot=str(target), accounts=len(directory.accounts), customers=len(directory.customers),
        from_file=from_file, from_organizations=len(directory.accounts) - from_file, payers=orgs.payers,
        added=tuple(sorted(after - before)), removed=tuple(sorted(before - after)),
        unassigned=orgs.unassigned, warnings=tuple(warnings), errors=tuple(errors), written=True,
        helpdesk_ids=helpdesk_ids,
    )
    SYNC_RUNS.labels("ok" if report.ok else "partial").inc()
    if report.ok:
        SYNC_LAST_SUCCESS.set(clock())
    log.info("directory_synced", accounts=report.accounts, customers=report.customers,
             added=len(report.added), removed=len(report.removed), errors=len(report.errors),
             unassigned=len(report.unassigned))
    return report
