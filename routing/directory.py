"""The account directory: root address -> AWS account -> customer.

Loaded from data: YAML with the schema of ``aws-notices/directory.yaml``, or CSV with one account
per row (see :func:`parse_directory_csv`). Parsing is pure, the caller reads the file; validation
errors name the file, the line and the fix.

Several sources (a file, AWS Organizations) are combined with :func:`merge_directories`: entries of
the file override entries of AWS Organizations for the same account id. :func:`dump_directory`
writes a directory back to YAML (the snapshot that the receiver and the workers reload), and
:func:`parse_directory` reads it again unchanged.

Addresses compare case-insensitively. Plus-addressing is a property of the snapshot: with
``exact`` the full address must be listed; with ``strip`` ``local+anything@domain`` is also
accepted when ``local@domain`` is listed (a listed address always matches exactly first, and
``aws-root+acme+x@d`` finds a listed ``aws-root+acme@d``).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from routing.types import Account, Customer, Recipient
from routing.yamllines import line_of, load_with_lines, validate_entry

_ACCOUNT_ID = re.compile(r"^\d{12}$")

PlusAddressing = Literal["exact", "strip"]
PLUS_ADDRESSING_MODES: tuple[str, ...] = ("exact", "strip")

CSV_COLUMNS: tuple[str, ...] = (
    "account_id", "name", "customer", "root_email", "status", "customer_name", "contacts", "tags",
)
"""CSV header. ``account_id``, ``customer`` and ``root_email`` are required; ``contacts`` are
separated by ``;`` and ``tags`` are ``key=value`` pairs separated by ``;``."""


class DirectoryError(ValueError):
    """The directory data is invalid; the message names the file, the line and the fix."""


def normalise_address(address: str) -> str:
    """Canonical form of an address for lookups: stripped of <>, whitespace, lower-cased."""
    return address.strip().strip("<>").strip().lower()


def plus_bases(address: str) -> list[str]:
    """The addresses ``address`` may be a plus-address of, longest first.

    ``root+stark-dev+x@d`` -> ``[root+stark-dev@d, root@d]``: the reseller's own root addresses
    contain ``+``, so a tag is stripped one ``+`` at a time from the right.
    """
    local, at, domain = address.partition("@")
    if not at:
        return []
    bases: list[str] = []
    while "+" in local:
        local = local.rpartition("+")[0]
        if local:
            bases.append(f"{local}@{domain}")
    return bases


@dataclass(frozen=True)
class Directory:
    """An immutable snapshot of the directory, answering lookups from memory."""

    customers: Mapping[str, Customer] = field(default_factory=dict)
    accounts: Mapping[str, Account] = field(default_factory=dict)
    by_address: Mapping[str, Account] = field(default_factory=dict)
    plus_addressing: PlusAddressing = "exact"
    #: customer id → Zendesk organization id (optional ``zendesk_organization_id`` of a customer):
    #: the organization the customer's tickets are linked to, whatever its name or external id
    zendesk_organization_ids: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        customers: Iterable[Customer],
        accounts: Iterable[Account],
        plus_addressing: PlusAddressing = "exact",
        zendesk_organization_ids: Mapping[str, int] | None = None,
    ) -> Directory:
        cust = {c.id: c for c in customers}
        accts = {a.account_id: a for a in accounts}
        return cls(
            customers=cust,
            accounts=accts,
            by_address={normalise_address(a.root_email): a for a in accts.values()},
            plus_addressing=plus_addressing,
            zendesk_organization_ids={k: v for k, v in (zendesk_organization_ids or {}).items() if k in cust},
        )

    def with_plus_addressing(self, mode: PlusAddressing) -> Directory:
        """The same entries with another plus-addressing mode."""
        if mode not in PLUS_ADDRESSING_MODES:
            raise ValueError(f"plus addressing {mode!r} is not one of {', '.join(PLUS_ADDRESSING_MODES)}")
        return replace(self, plus_addressing=mode)

    def account_for(self, address: str) -> Account | None:
        """The account whose root address is ``address`` (honouring the plus-addressing mode)."""
        key = normalise_address(address)
        account = self.by_address.get(key)
        if account is None and self.plus_addressing == "strip":
            for base in plus_bases(key):
                account = self.by_address.get(base)
                if account is not None:
                    break
        return account

    def is_known(self, address: str) -> bool:
        return self.account_for(address) is not None

    def domains(self) -> frozenset[str]:
        """Domains of the root addresses: RCPT to any other domain is a relay attempt."""
        return frozenset(addr.rpartition("@")[2] for addr in self.by_address)

    def resolve(self, address: str) -> Recipient:
        account = self.account_for(address)
        customer = self.customers.get(account.customer_id) if account else None
        return Recipient(address=normalise_address(address), account=account, customer=customer)


class _AccountEntry(BaseModel):
    """One account as written (YAML entry or CSV row). Keys the directory does not know are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    account_id: str
    root_email: str = Field(default=None, validate_default=True)
    name: str = ""
    customer: str = ""
    status: str = ""
    tags: Mapping[str, Any] = Field(default_factory=dict)
    source: str = ""

    @field_validator("account_id", mode="before")
    @classmethod
    def _twelve_digits(cls, value: Any) -> str:
        if isinstance(value, int) and not isinstance(value, bool):
            raise ValueError(f"account_id {value} is a number (leading zeros are lost); "
                             f'quote it, e.g. account_id: "{value:012d}"')
        if not isinstance(value, str) or not _ACCOUNT_ID.match(value):
            raise ValueError(f"account_id {value!r} is not a 12-digit string; "
                             'quote it, e.g. account_id: "012345678901"')
        return value

    @field_validator("root_email", mode="before")
    @classmethod
    def _address(cls, value: Any, info: ValidationInfo) -> str:
        if not isinstance(value, str) or "@" not in value:
            raise ValueError(f"account {info.data.get('account_id', '?')} needs root_email: an e-mail address")
        return value

    @field_validator("name", "customer", "status", "source", mode="before")
    @classmethod
    def _text(cls, value: Any) -> str:
        return str(value or "")

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any, info: ValidationInfo) -> Mapping[str, Any]:
        if not isinstance(value or {}, Mapping):
            raise ValueError(f"'tags' of account {info.data.get('account_id', '?')} must be a mapping key: value")
        return value or {}


class _CustomerEntry(BaseModel):
    """One customer as written. Keys the directory does not know are ignored."""

    model_config = ConfigDict(extra="ignore", frozen=True)

    id: str = Field(default=None, validate_default=True)
    name: str = ""
    contacts: tuple[str, ...] = ()
    zendesk_organization_id: int | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _id(cls, value: Any) -> str:
        if not value:
            raise ValueError("customer without 'id'; add an id (helpdesk external id)")
        return str(value)

    @field_validator("name", mode="before")
    @classmethod
    def _name(cls, value: Any) -> str:
        return str(value or "")

    @field_validator("contacts", mode="before")
    @classmethod
    def _contacts(cls, value: Any) -> tuple[str, ...]:
        if not isinstance(value or [], list):
            raise ValueError("'contacts' must be a list of e-mail addresses")
        return tuple(str(c) for c in value or [])

    @field_validator("zendesk_organization_id", mode="before")
    @classmethod
    def _organization(cls, value: Any) -> int | None:
        return None if value is None else organization_id(value)


def _customer(item: Any, source: str) -> _CustomerEntry:
    if not isinstance(item, dict):
        raise DirectoryError(f"{source}:?: customer without 'id'; add an id (helpdesk external id)")
    entry, problems = validate_entry(_CustomerEntry, item, source)
    if entry is None:
        raise DirectoryError(problems[0])
    return entry


def _account(
    item: Mapping[str, Any], line: object, source: str, known_customers: set[str], allow_unassigned: bool,
    seen: dict[str, int], default_source: str,
) -> Account:
    entry, problems = validate_entry(_AccountEntry, item, source, line=line if isinstance(line, int) else 0)
    if entry is None:
        raise DirectoryError(problems[0])
    account_id, customer = entry.account_id, entry.customer
    if customer not in known_customers and not (allow_unassigned and not customer):
        if not customer:
            raise DirectoryError(
                f"{source}:{line}: account {account_id} has no customer; add customer: <id of an entry "
                "under 'customers'>"
            )
        raise DirectoryError(
            f"{source}:{line}: account {account_id} names customer {customer!r}, which is not under "
            "'customers'; add the customer or correct the id"
        )
    key = normalise_address(entry.root_email)
    if key in seen:
        raise DirectoryError(
            f"{source}:{line}: root_email {entry.root_email} is already used at line {seen[key]}; "
            "each root address belongs to one account"
        )
    seen[key] = int(line) if isinstance(line, int) else 0
    return Account(
        account_id=account_id, name=entry.name or account_id, customer_id=customer,
        root_email=key, status=entry.status or "ACTIVE",
        tags=tuple(sorted((str(k), str(v)) for k, v in entry.tags.items())),
        source=entry.source or default_source,
    )


def parse_directory(
    text: str,
    source: str = "<directory>",
    *,
    allow_unassigned: bool = False,
    entry_source: str = "file",
) -> Directory:
    """Parse directory YAML text. ``source`` names the file in error messages.

    ``allow_unassigned`` accepts accounts without a customer (a snapshot holds AWS Organizations
    accounts that no mapping assigns yet); hand-written files must name one. ``entry_source`` is
    the :attr:`Account.source` of entries that do not carry their own ``source`` key.
    """
    # complexity 20: the customers and accounts sections, each check with its own file:line message
    data = load_with_lines(text, source, DirectoryError)
    if not isinstance(data, dict):
        raise DirectoryError(f"{source}:1: expected a mapping with 'customers' and 'accounts' lists")
    for section in ("customers", "accounts"):
        if data.get(section) is not None and not isinstance(data.get(section), list):
            raise DirectoryError(f"{source}:{line_of(data, section, 1)}: '{section}' must be a list")
    customers: list[Customer] = []
    org_ids: dict[str, int] = {}
    for item in data.get("customers") or []:
        entry = _customer(item, source)
        customers.append(Customer(id=entry.id, name=entry.name or entry.id, contacts=entry.contacts))
        if entry.zendesk_organization_id is not None:
            org_ids[entry.id] = entry.zendesk_organization_id
    known_customers = {c.id for c in customers}
    accounts: list[Account] = []
    seen: dict[str, int] = {}
    for item in data.get("accounts") or []:
        line = line_of(item) or "?"
        if not isinstance(item, dict):
            raise DirectoryError(f"{source}:{line}: each account must be a mapping")
        accounts.append(_account(item, line, source, known_customers, allow_unassigned, seen, entry_source))
    return Directory.build(customers, accounts, zendesk_organization_ids=org_ids)


def organization_id(value: Any) -> int:
    """A customer's ``zendesk_organization_id``: a positive integer (the number in the Zendesk
    organization's URL, ``…/agent/organizations/<id>``); ValueError says what to write."""
    text = str(value).strip()
    if isinstance(value, bool) or not text.isdigit() or int(text) <= 0:
        raise ValueError(
            f"zendesk_organization_id {text[:40]!r} is not a Zendesk organization id; give the "
            "number from the organization's URL in Zendesk (…/agent/organizations/<id>), or leave it out")
    return int(text)


def _split_list(value: str) -> list[str]:
    return [part.strip() for part in re.split(r"[;\n]", value) if part.strip()]


def parse_directory_csv(text: str, source: str = "<directory.csv>", *, entry_source: str = "file") -> Directory:
    """Parse a CSV directory: a header row (see :data:`CSV_COLUMNS`), then one account per row.

    Customers are the distinct ``customer`` values; a customer's ``customer_name`` and
    ``contacts`` are taken from the first row that gives them. Lines in errors count the header as
    line 1.
    """
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    _check_csv_header([h.strip() for h in (reader.fieldnames or [])], source)
    customers: dict[str, Customer] = {}
    rows: list[tuple[int, dict[str, Any]]] = []
    for row in reader:
        line = reader.line_num
        clean = {(k or "").strip(): (v or "").strip() for k, v in row.items() if isinstance(v, str)}
        if not any(clean.values()):
            continue
        _merge_csv_customer(customers, clean)
        item: dict[str, Any] = {
            "account_id": clean.get("account_id", ""), "name": clean.get("name", ""),
            "customer": clean.get("customer", ""), "root_email": clean.get("root_email", ""),
            "status": clean.get("status", ""), "tags": _csv_tags(clean.get("tags", ""), source, line),
        }
        rows.append((line, item))
    seen: dict[str, int] = {}
    accounts = [_account(item, line, source, set(customers), False, seen, entry_source) for line, item in rows]
    return Directory.build(customers.values(), accounts)


def _check_csv_header(header: list[str], source: str) -> None:
    missing = [c for c in ("account_id", "customer", "root_email") if c not in header]
    if missing:
        raise DirectoryError(
            f"{source}:1: the header row lacks {', '.join(missing)}; the first line must name the columns, "
            f"e.g. {','.join(CSV_COLUMNS)}"
        )
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise DirectoryError(
            f"{source}:1: unknown column(s) {', '.join(unknown)}; the columns are {', '.join(CSV_COLUMNS)}"
        )


def _merge_csv_customer(customers: dict[str, Customer], clean: Mapping[str, str]) -> None:
    """The row's customer: a name and contacts from the first row that gives them."""
    customer = clean.get("customer", "")
    if not customer:
        return
    existing = customers.get(customer)
    name = clean.get("customer_name") or (existing.name if existing else customer)
    contacts = tuple(_split_list(clean.get("contacts", ""))) or (existing.contacts if existing else ())
    if existing is None or (existing.name == customer and name != customer) or not existing.contacts:
        customers[customer] = Customer(id=customer, name=name, contacts=contacts)


def _csv_tags(text: str, source: str, line: int) -> dict[str, str]:
    tags: dict[str, str] = {}
    for pair in _split_list(text):
        key, eq, value = pair.partition("=")
        if not eq or not key.strip():
            raise DirectoryError(f"{source}:{line}: tag {pair!r} is not key=value; separate tags with ';'")
        tags[key.strip()] = value.strip()
    return tags


def parse_directory_source(text: str, source: str) -> Directory:
    """Parse ``text`` as CSV when ``source`` ends in ``.csv``, else as YAML."""
    if source.lower().endswith(".csv"):
        return parse_directory_csv(text, source)
    return parse_directory(text, source)


def parse_customer_map(text: str, source: str = "<customer map>") -> dict[str, str]:
    """An account -> customer mapping: YAML ``"123456789012": acme`` lines, or CSV ``account_id,customer``.

    CSV is recognised by ``source`` ending in ``.csv``.
    """
    if source.lower().endswith(".csv"):
        return _customer_map_csv(text, source)
    return _customer_map_yaml(text, source)


def _customer_map_csv(text: str, source: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")))
    for row in reader:
        line = reader.line_num
        cells = [c.strip() for c in row]
        if not any(cells) or cells[0].startswith("#") or (line == 1 and cells[0] == "account_id"):
            continue
        if len(cells) < 2 or not _ACCOUNT_ID.match(cells[0]) or not cells[1]:
            raise DirectoryError(f"{source}:{line}: expected account_id,customer e.g. 012345678901,acme")
        mapping[cells[0]] = cells[1]
    return mapping


def _customer_map_yaml(text: str, source: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    data = load_with_lines(text, source, DirectoryError)
    if data is None:
        return mapping
    if not isinstance(data, dict):
        raise DirectoryError(f'{source}:1: expected a mapping of "account id": customer id')
    for key, value in data.items():
        if isinstance(key, int):
            raise DirectoryError(
                f'{source}: account id {key} is a number (leading zeros are lost); quote it, e.g. "{key:012d}": '
                f"{value}"
            )
        if not isinstance(key, str) or not _ACCOUNT_ID.match(key) or not isinstance(value, str) or not value:
            raise DirectoryError(f'{source}: entry {key!r}: expected "012345678901": customer-id')
        mapping[key] = value
    return mapping


@dataclass(frozen=True)
class MergeResult:
    """A merged directory and what the merge had to decide."""

    directory: Directory
    overridden: tuple[str, ...] = ()
    """Account ids present in both sources; the file's entry was kept."""
    conflicts: tuple[str, ...] = ()
    """Human-readable notes about entries of the lower-precedence source that were dropped."""


def merge_directories(primary: Directory, secondary: Directory) -> MergeResult:
    """``primary`` (the file) over ``secondary`` (AWS Organizations).

    - same account id in both: the primary entry wins entirely;
    - same root address on two different account ids: the primary account keeps the address and
      the secondary account is dropped (noted in ``conflicts``);
    - customers: the union, primary wins for the same id.
    """
    customers: dict[str, Customer] = dict(secondary.customers)
    customers.update(primary.customers)
    org_ids = {**secondary.zendesk_organization_ids, **primary.zendesk_organization_ids}
    accounts: dict[str, Account] = {}
    taken = {normalise_address(a.root_email): a.account_id for a in primary.accounts.values()}
    overridden: list[str] = []
    conflicts: list[str] = []
    for account in secondary.accounts.values():
        if account.account_id in primary.accounts:
            overridden.append(account.account_id)
            continue
        owner = taken.get(normalise_address(account.root_email))
        if owner is not None:
            conflicts.append(
                f"account {account.account_id} ({account.source or 'secondary'}) has the root address of "
                f"account {owner} in the file; the file's entry is kept"
            )
            continue
        accounts[account.account_id] = account
    accounts.update(primary.accounts)
    merged = Directory.build(customers.values(), accounts.values(), primary.plus_addressing,
                             zendesk_organization_ids=org_ids)
    return MergeResult(merged, tuple(sorted(overridden)), tuple(conflicts))


def dump_directory(directory: Directory, header: str = "") -> str:
    """YAML text of ``directory`` that :func:`parse_directory` (``allow_unassigned=True``) reads back."""
    data: dict[str, Any] = {
        "customers": [
            {"id": c.id, "name": c.name, "contacts": list(c.contacts),
             **({"zendesk_organization_id": directory.zendesk_organization_ids[c.id]}
                if c.id in directory.zendesk_organization_ids else {})}
            for c in sorted(directory.customers.values(), key=lambda c: c.id)
        ],
        "accounts": [],
    }
    for account in sorted(directory.accounts.values(), key=lambda a: a.account_id):
        entry: dict[str, Any] = {
            "account_id": account.account_id, "name": account.name, "customer": account.customer_id or None,
            "root_email": account.root_email, "status": account.status,
        }
        if account.tags:
            entry["tags"] = dict(account.tags)
        if account.source:
            entry["source"] = account.source
        data["accounts"].append(entry)
    body = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=120)
    prefix = "".join(f"# {line}\n" for line in header.splitlines())
    return prefix + body
