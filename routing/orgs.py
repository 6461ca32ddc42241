"""AWS Organizations as a source of the account directory.

For each payer (management) account, the caller hands in a client factory that returns an
Organizations client for that payer (an assumed role, or the current credentials): this module
pages through ``ListAccounts`` and, for accounts that the mapping file does not assign, reads the
customer tag with ``ListTagsForResource``. It creates no clients and reads no files or environment,
so it is tested with any object that answers those two calls.

The result is a :class:`routing.directory.Directory` whose accounts carry ``source="org:<payer>"``;
:func:`routing.directory.merge_directories` puts the directory file over it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from routing.directory import Directory, normalise_address
from routing.types import Account, Customer

CURRENT_CREDENTIALS = "current"
"""The payer label used when no role is assumed (the current credentials are the management account)."""


class Paginator(Protocol):
    def paginate(self, **kwargs: Any) -> Iterable[Mapping[str, Any]]: ...


class OrganizationsClient(Protocol):
    """The part of a boto3 ``organizations`` client this module uses."""

    def get_paginator(self, operation_name: str) -> Paginator: ...


ClientFactory = Callable[[str | None], OrganizationsClient]
"""Role ARN (None: the current credentials) -> Organizations client for that payer."""


@dataclass(frozen=True, slots=True)
class OrgAccount:
    """One account as ``ListAccounts`` reports it."""

    account_id: str
    name: str
    email: str
    status: str
    payer: str
    tags: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class PayerResult:
    """What one payer contributed, or why it did not."""

    payer: str
    accounts: tuple[OrgAccount, ...] = ()
    error: str | None = None


@dataclass(frozen=True)
class OrgCollection:
    """Accounts of every payer, turned into a directory, with what went wrong on the way."""

    directory: Directory
    payers: tuple[PayerResult, ...]
    unassigned: tuple[str, ...] = ()
    """Account ids that neither the mapping nor the tag assigns to a customer."""
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def failed_payers(self) -> tuple[str, ...]:
        return tuple(p.payer for p in self.payers if p.error is not None)


def payer_label(role_arn: str | None) -> str:
    """``org:<role ARN>`` or ``org:current``: the :attr:`Account.source` of its accounts."""
    return f"org:{role_arn or CURRENT_CREDENTIALS}"


def parse_role_arns(value: str) -> list[str | None]:
    """``ROOTMAIL_ORG_ROLE_ARNS`` -> the payers to visit; empty means the current credentials."""
    arns = [part.strip() for part in value.split(",") if part.strip()]
    return list(arns) if arns else [None]


def list_accounts(client: OrganizationsClient, payer: str) -> list[OrgAccount]:
    """Every account of the organization (all pages of ``ListAccounts``)."""
    accounts: list[OrgAccount] = []
    for page in client.get_paginator("list_accounts").paginate():
        for item in page.get("Accounts", []):
            accounts.append(
                OrgAccount(
                    account_id=str(item["Id"]), name=str(item.get("Name") or item["Id"]),
                    email=normalise_address(str(item.get("Email") or "")),
                    status=str(item.get("Status") or "ACTIVE"), payer=payer,
                )
            )
    return accounts


def account_tags(client: OrganizationsClient, account_id: str) -> tuple[tuple[str, str], ...]:
    """The account's tags (all pages of ``ListTagsForResource``), sorted by key."""
    tags: dict[str, str] = {}
    for page in client.get_paginator("list_tags_for_resource").paginate(ResourceId=account_id):
        for tag in page.get("Tags", []):
            tags[str(tag["Key"])] = str(tag.get("Value", ""))
    return tuple(sorted(tags.items()))


def _describe(exc: Exception) -> str:
    response = getattr(exc, "response", None)
    if isinstance(response, Mapping):
        error = response.get("Error") or {}
        code = error.get("Code")
        if code:
            return f"{code}: {error.get('Message', '')}".strip()
    return f"{type(exc).__name__}: {exc}"


def collect_accounts(
    role_arns: Sequence[str | None],
    client_factory: ClientFactory,
    *,
    customer_tag: str = "customer",
    customer_map: Mapping[str, str] | None = None,
    known_customers: Mapping[str, Customer] | None = None,
    read_tags: bool = True,
) -> OrgCollection:
    """Visit every payer and build a directory of its accounts.

    The customer of an account comes from ``customer_map`` (account id -> customer id) first,
    else from its ``customer_tag`` tag. Tags are read for every account (one call each; rules
    match on them) unless ``read_tags`` is false. ``known_customers`` supplies names and contacts; a customer only
    known by its id gets its id as name. Accounts without a root e-mail are skipped. A payer that
    fails (role not assumable, access denied, ...) is reported in ``payers`` and contributes no
    accounts; the caller decides what that means for the snapshot.
    """
    customer_map = customer_map or {}
    known_customers = known_customers or {}
    payers: list[PayerResult] = []
    accounts: dict[str, Account] = {}
    customers: dict[str, Customer] = {}
    unassigned: list[str] = []
    warnings: list[str] = []
    for role_arn in role_arns:
        label = payer_label(role_arn)
        try:
            client = client_factory(role_arn)
            found = list_accounts(client, label)
            enriched: list[OrgAccount] = []
            for item in found:
                tags: tuple[tuple[str, str], ...] = ()
                if read_tags:
                    tags = account_tags(client, item.account_id)
                enriched.append(
                    OrgAccount(item.account_id, item.name, item.email, item.status, item.payer, tags)
                )
        except Exception as exc:  # one broken payer must not hide the others
            payers.append(PayerResult(label, error=_describe(exc)))
            continue
        payers.append(PayerResult(label, tuple(enriched)))
        for item in enriched:
            if not item.email:
                warnings.append(f"account {item.account_id} ({label}) has no e-mail address; skipped")
                continue
            if item.account_id in accounts:
                warnings.append(
                    f"account {item.account_id} is reported by {accounts[item.account_id].source} and {label}; "
                    "the first is kept"
                )
                continue
            customer_id = customer_map.get(item.account_id) or dict(item.tags).get(customer_tag, "").strip()
            if not customer_id:
                unassigned.append(item.account_id)
            else:
                customers.setdefault(
                    customer_id, known_customers.get(customer_id) or Customer(id=customer_id, name=customer_id)
                )
            accounts[item.account_id] = Account(
                account_id=item.account_id, name=item.name, customer_id=customer_id,
                root_email=item.email, status=item.status, tags=item.tags, source=label,
            )
    seen: dict[str, str] = {}
    for account in list(accounts.values()):
        other = seen.get(account.root_email)
        if other is not None:
            warnings.append(
                f"accounts {other} and {account.account_id} share the root address; {account.account_id} skipped"
            )
            del accounts[account.account_id]
            continue
        seen[account.root_email] = account.account_id
    return OrgCollection(
        directory=Directory.build(customers.values(), accounts.values()),
        payers=tuple(payers),
        unassigned=tuple(unassigned),
        warnings=tuple(warnings),
    )
