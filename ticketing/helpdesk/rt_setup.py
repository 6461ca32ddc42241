"""What Request Tracker must have for rootmail, checked and (where the account may) created.

Owns ``rootmail helpdesk check`` and ``rootmail helpdesk setup`` for RT, over REST2 only:

- check: RT answers (``GET /rt``), the credentials work, every queue rootmail writes to (the
  rules' queues, the default queue, ``security-triage``) exists and is visible, and rootmail's
  ticket custom fields and its transaction custom field are *applied* to each of them (read from
  ``GET /queue/<name>``: ``TicketCustomFields`` / ``TicketTransactionCustomFields``, which list
  only what the account may see, so a least-privilege account is checked as it is). Each problem
  comes with its fix.
- setup: creates the missing custom fields (``POST /customfield``). Ticket fields are created
  with ``Queue: 0``, which RT applies to every queue (needs AdminCustomField and
  AssignCustomFields). REST2 cannot apply an existing field to a queue nor apply a transaction
  field at all (RT::CustomField's REST2 create only knows the ``Queue`` shortcut, which forces
  the ticket lookup type), so those steps are printed for an administrator (Admin → Custom Fields
  → the field → Applies to). Idempotent: a second run creates nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ticketing.errors import PermanentError, TransientError
from ticketing.helpdesk.http import HelpdeskPermanentError
from ticketing.helpdesk.rt import CF_STEP, TICKET_CFS, TRANSACTION_CFS, RTHelpdesk

TICKET_LOOKUP = "RT::Queue-RT::Ticket"
TXN_LOOKUP = "RT::Queue-RT::Ticket-RT::Transaction"
#: queues the pipeline writes to whatever the rules say (suspected spoofs)
PIPELINE_QUEUES = ("security-triage",)
RIGHTS_HINT = ("rootmail's RT user needs, on these queues: SeeQueue, ShowTicket, CreateTicket, ModifyTicket, "
               "CommentOnTicket, ReplyToTicket, Watch (requestors), SeeCustomField, ModifyCustomField")


@dataclass(frozen=True, slots=True)
class Problem:
    """Something rootmail cannot work without, and how to fix it."""

    what: str
    fix: str
    #: False: worth fixing, but mail still flows (serve/worker start with a warning)
    blocking: bool = True

    def line(self) -> str:
        return f"problem: {self.what}\n  fix: {self.fix}"


@dataclass
class SetupReport:
    done: list[str] = field(default_factory=list)
    manual: list[str] = field(default_factory=list)


def queues_to_check(rule_queues: Iterable[str | None], default_queue: str, rules_default: str) -> list[str]:
    """The queues rootmail writes to; templated queues (``{customer}``) cannot be known in advance."""
    names = [default_queue, rules_default, *PIPELINE_QUEUES, *(q for q in rule_queues if q)]
    return [q for q in dict.fromkeys(names) if "{" not in q]


def _request_problem(desk: RTHelpdesk, exc: Exception) -> Problem:
    url = str(desk.http.client.base_url)
    if isinstance(exc, HelpdeskPermanentError) and exc.status in (401, 403):
        return Problem(f"RT at {url} refused rootmail's credentials (HTTP {exc.status})",
                       "set ROOTMAIL_RT_TOKEN to a valid auth token (Logged in as → Settings → Auth Tokens) or "
                       "ROOTMAIL_RT_USER/ROOTMAIL_RT_PASSWORD")
    if isinstance(exc, HelpdeskPermanentError) and exc.status == 404:
        return Problem(f"{url} has no REST2 API (HTTP 404)",
                       "set ROOTMAIL_RT_URL to RT's base URL (REST2 is served under /REST/2.0/, RT 5 or later)")
    return Problem(f"cannot reach RT at {url}: {exc}",
                   "check ROOTMAIL_RT_URL, the network path and that RT is running", blocking=False)


def _queue(desk: RTHelpdesk, name: str) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = desk.http.request("GET", f"/queue/{name}").json()
    except HelpdeskPermanentError as exc:
        if exc.status in (403, 404):
            return None
        raise
    return data


def check_rt(desk: RTHelpdesk, queues: Sequence[str], *, ticket_cfs: Sequence[str] = TICKET_CFS,
             txn_cfs: Sequence[str] = TRANSACTION_CFS) -> list[Problem]:
    """Every problem that would make rootmail quarantine mail or lose markers; empty when ready."""
    try:
        desk.http.request("GET", "/rt")
    except (HelpdeskPermanentError, TransientError) as exc:
        return [_request_problem(desk, exc)]
    problems: list[Problem] = []
    for name in queues:
        try:
            data = _queue(desk, name)
        except (HelpdeskPermanentError, TransientError) as exc:
            problems.append(_request_problem(desk, exc))
            continue
        if data is None:
            problems.append(Problem(
                f"queue {name!r} does not exist or rootmail's account cannot see it",
                f"create it (Admin → Queues → Create) or grant SeeQueue on it, or change the rules that name "
                f"it (until then its tickets go to ROOTMAIL_RT_QUEUE); {RIGHTS_HINT}"))
            continue
        applied = {cf.get("name") for cf in data.get("TicketCustomFields") or []}
        applied_txn = {cf.get("name") for cf in data.get("TicketTransactionCustomFields") or []}
        missing = [n for n in ticket_cfs if n not in applied]
        if missing:
            problems.append(Problem(
                f"ticket custom field(s) {', '.join(missing)} not applied to queue {name!r} (RT drops values of "
                "fields a queue does not have: no thread key, every message a new ticket)",
                "run `rootmail helpdesk setup` (creates them, applied to all queues); if they exist, apply them "
                f"to {name!r} (Admin → Custom Fields → the field → Applies to) and grant rootmail's user "
                "SeeCustomField and ModifyCustomField on them"))
        missing_txn = [n for n in txn_cfs if n not in applied_txn]
        if missing_txn:
            problems.append(Problem(
                f"transaction custom field(s) {', '.join(missing_txn)} not applied to queue {name!r} (the delivery "
                "markers that make each message land once)",
                "run `rootmail helpdesk setup` (creates it), then as an RT administrator: Admin → Custom Fields → "
                f"{missing_txn[0]} → Applies to → check {name!r} (or all queues); grant rootmail's user "
                "SeeCustomField and ModifyCustomField on it"))
    return problems


def _existing(desk: RTHelpdesk, names: Sequence[str], lookup: str) -> dict[str, str]:
    """``{name: id}`` of the custom fields with these names and lookup type the account can see."""
    found: dict[str, str] = {}
    for name in names:
        data = desk.http.request("POST", "/customfields", params={"per_page": 100, "fields": "Name,LookupType"},
                                 json_body=[{"field": "Name", "value": name},
                                            {"field": "LookupType", "value": lookup}]).json()
        for item in data.get("items", []):
            if item.get("Name") == name and item.get("LookupType") == lookup:
                found[name] = str(item["id"])
    return found


def setup_rt(desk: RTHelpdesk, queues: Sequence[str], *, ticket_cfs: Sequence[str] = TICKET_CFS,
             txn_cfs: Sequence[str] = TRANSACTION_CFS) -> SetupReport:
    """Create what is missing; what REST2 cannot do goes to ``manual``. Idempotent."""
    report = SetupReport()
    specs = [(name, TICKET_LOOKUP, True) for name in ticket_cfs] + [(name, TXN_LOOKUP, False) for name in txn_cfs]
    try:
        existing = _existing(desk, ticket_cfs, TICKET_LOOKUP) | _existing(desk, txn_cfs, TXN_LOOKUP)
    except HelpdeskPermanentError as exc:
        raise PermanentError(f"rt: cannot list custom fields (HTTP {exc.status}): setup needs an RT administrator's "
                             "token (AdminCustomField, AssignCustomFields); run it once with one, then use "
                             "rootmail's own account") from exc
    for name, lookup, ticket_field in specs:
        if name in existing:
            report.done.append(f"custom field {name!r} exists (id {existing[name]})")
            continue
        body: dict[str, Any] = {"Name": name, "Type": "FreeformSingle", "LookupType": lookup,
                                "Description": f"rootmail: {'marker of a delivery step' if name == CF_STEP else name}"}
        if ticket_field:
            body["Queue"] = 0  # RT::CustomField->Create: applies the new field to every queue
        try:
            data = desk.http.request("POST", "/customfield", json_body=body).json()
        except HelpdeskPermanentError as exc:
            report.manual.append(
                f"create the {'ticket' if ticket_field else 'transaction'} custom field {name!r} (Admin → Custom "
                f"Fields → Create: type 'Enter one value', applies to "
                f"{'Tickets' if ticket_field else 'Ticket Transactions'}): rootmail's account may not "
                f"(HTTP {exc.status})")
            continue
        report.done.append(f"created custom field {name!r} (id {data.get('id')})"
                           + (", applied to all queues" if ticket_field else ""))
    for problem in check_rt(desk, queues, ticket_cfs=ticket_cfs, txn_cfs=txn_cfs):
        report.manual.append(f"{problem.what}: {problem.fix}")
    return report
