"""What Request Tracker must have for rootmail, checked and (where the account may) created.

Owns ``rootmail helpdesk check`` and ``rootmail helpdesk setup`` for RT, over REST2 only:

- check: RT answers (``GET /rt``), the credentials work, every queue rootmail writes to (the
  rules' queues, the default queue, ``security-triage``) exists and is visible, rootmail's ticket
  custom fields are *applied* to each of them, and so is a marker field: the transaction field
  ``Rootmail Step`` or, where it is not applied, the multi-value ticket field ``Rootmail
  Delivery`` (read from ``GET /queue/<name>``: ``TicketCustomFields`` /
  ``TicketTransactionCustomFields``, which list only what the account may see, so a
  least-privilege account is checked as it is). Each problem comes with its fix.
- setup: creates the missing custom fields (``POST /customfield``). Ticket fields are created
  with ``Queue: 0``, which RT applies to every queue (needs AdminCustomField and
  AssignCustomFields), so ``setup`` → ``check`` → mail works on a fresh RT with no step by hand:
  markers then go to the ticket field (see :mod:`ticketing.helpdesk.rt`). REST2 cannot apply a
  transaction field (RT::CustomField's create only knows the ``Queue`` shortcut, which forces the
  ticket lookup type), so ``Rootmail Step`` is created and setup prints, as optional, how an
  administrator applies it (markers that no writer can rewrite, and no reliance on the thread
  lock). Idempotent: a second run creates nothing.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ticketing.errors import PermanentError, TransientError
from ticketing.helpdesk.http import HelpdeskPermanentError
from ticketing.helpdesk.rt import TICKET_CFS, RTHelpdesk

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
    #: what an administrator must do before rootmail can work
    manual: list[str] = field(default_factory=list)
    #: what an administrator may do to make it better; rootmail works without it
    optional: list[str] = field(default_factory=list)


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


def _txn_fix(name: str, queue: str) -> str:
    return (f"as an RT administrator: Admin → Custom Fields → {name} → Applies to → check {queue!r} (or all "
            "queues); grant rootmail's user SeeCustomField and ModifyCustomField on it")


def check_rt(desk: RTHelpdesk, queues: Sequence[str], *, ticket_cfs: Sequence[str] = TICKET_CFS,
             txn_cfs: Sequence[str] | None = None, marker_cfs: Sequence[str] | None = None) -> list[Problem]:
    """Every problem that would make rootmail quarantine mail or lose markers; empty when ready.

    ``txn_cfs``/``marker_cfs`` default to the desk's own marker fields; a queue needs all of one
    kind (transaction fields, else ticket marker fields)."""
    return _check(desk, queues, ticket_cfs,
                  (desk.step_field,) if txn_cfs is None else txn_cfs,
                  (desk.marker_field,) if marker_cfs is None else marker_cfs)[0]


def _check(desk: RTHelpdesk, queues: Sequence[str], ticket_cfs: Sequence[str], txn_cfs: Sequence[str],
           marker_cfs: Sequence[str]) -> tuple[list[Problem], list[str]]:
    """The problems (see :func:`check_rt`), and the existing queues where the transaction marker
    field is not applied (their markers go to the ticket field), from one read of each queue."""
    try:
        desk.http.request("GET", "/rt")
    except (HelpdeskPermanentError, TransientError) as exc:
        return [_request_problem(desk, exc)], []
    problems: list[Problem] = []
    gaps: list[str] = []
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
            gaps.append(name)
        missing_markers = [n for n in marker_cfs if n not in applied]
        if missing_txn and missing_markers:
            problems.append(Problem(
                f"no delivery marker field applied to queue {name!r} (the markers that make each message land "
                f"once): neither the ticket field(s) {', '.join(missing_markers)} nor the transaction field(s) "
                f"{', '.join(missing_txn)}",
                f"run `rootmail helpdesk setup` (creates {', '.join(missing_markers)} applied to all queues); if it "
                f"exists, apply it to {name!r} (Admin → Custom Fields → the field → Applies to), or "
                + _txn_fix(missing_txn[0], name)))
    return problems, gaps


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
             txn_cfs: Sequence[str] | None = None, marker_cfs: Sequence[str] | None = None) -> SetupReport:
    """Create what is missing; what REST2 cannot do goes to ``manual`` (needed) or ``optional``.
    Idempotent."""
    txn_cfs = (desk.step_field,) if txn_cfs is None else txn_cfs
    marker_cfs = (desk.marker_field,) if marker_cfs is None else marker_cfs
    report = SetupReport()
    ticket_names = [*ticket_cfs, *marker_cfs]
    specs = ([(name, TICKET_LOOKUP, name in marker_cfs) for name in ticket_names]
             + [(name, TXN_LOOKUP, False) for name in txn_cfs])
    try:
        existing = _existing(desk, ticket_names, TICKET_LOOKUP) | _existing(desk, txn_cfs, TXN_LOOKUP)
    except HelpdeskPermanentError as exc:
        raise PermanentError(f"rt: cannot list custom fields (HTTP {exc.status}): setup needs an RT administrator's "
                             "token (AdminCustomField, AssignCustomFields); run it once with one, then use "
                             "rootmail's own account") from exc
    for name, lookup, multiple in specs:
        ticket_field = lookup == TICKET_LOOKUP
        if name in existing:
            report.done.append(f"custom field {name!r} exists (id {existing[name]})")
            continue
        body: dict[str, Any] = {"Name": name, "Type": "FreeformMultiple" if multiple else "FreeformSingle",
                                "LookupType": lookup, "Description": f"rootmail: {_purpose(name, desk)}"}
        if ticket_field:
            body["Queue"] = 0  # RT::CustomField->Create: applies the new field to every queue
        try:
            data = desk.http.request("POST", "/customfield", json_body=body).json()
        except HelpdeskPermanentError as exc:
            where = report.manual if ticket_field else report.optional
            where.append(
                f"create the {'ticket' if ticket_field else 'transaction'} custom field {name!r} (Admin → Custom "
                f"Fields → Create: type 'Enter {'multiple values' if multiple else 'one value'}', applies to "
                f"{'Tickets' if ticket_field else 'Ticket Transactions'}): rootmail's account may not "
                f"(HTTP {exc.status})")
            continue
        report.done.append(f"created custom field {name!r} (id {data.get('id')})"
                           + (", applied to all queues" if ticket_field else ""))
    problems, gaps = _check(desk, queues, ticket_cfs, txn_cfs, marker_cfs)
    for problem in problems:
        report.manual.append(f"{problem.what}: {problem.fix}")
    if gaps:
        report.done.append(f"delivery markers go to the ticket field {', '.join(marker_cfs)} in queue(s) "
                           f"{', '.join(gaps)} (written under each thread's lock)")
        report.optional.append(
            f"apply the transaction field {txn_cfs[0]!r} to {', '.join(repr(g) for g in gaps)} (REST2 cannot): "
            "markers then go to each comment's own transaction, which no writer can rewrite; "
            + _txn_fix(txn_cfs[0], gaps[0]))
    return report


def _purpose(name: str, desk: RTHelpdesk) -> str:
    if name == desk.step_field:
        return "marker of a delivery step"
    if name == desk.marker_field:
        return "markers of the delivery steps written to this ticket"
    return name
