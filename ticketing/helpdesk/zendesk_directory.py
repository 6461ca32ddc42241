"""Zendesk ids resolved ahead of mail: every customer's organization, placeholder requester and
contacts' users, so that the first message of a customer costs no organization or user request.

Owns :func:`warm_ids`: for each customer of the directory it calls the message path's own
:meth:`ZendeskHelpdesk.ensure_organization`, :meth:`~ZendeskHelpdesk.ensure_placeholder` and
:meth:`~ZendeskHelpdesk.ensure_user` (adopt by external id, else exact name, else the directory's
``zendesk_organization_id``; existing users are never renamed, moved or given another role; new
ones get ``skip_verify_email``), which store the ids in the client's cache (the Redis every worker
reads). An id already cached costs no request, unless it expires within ``refresh_within``
seconds (the time to the next sync): then it is forgotten and resolved again, so that a customer's
first message after a day still finds its ids. Requests go through the client's shared rate
limiter, a few customers at a time. A customer that fails is logged and reported and the others
go on; when the time budget runs out the remaining customers are left for the next sync (the
message path still resolves an id it does not find).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import structlog

from routing.types import Customer
from ticketing.errors import RootmailError
from ticketing.helpdesk.http import OutOfTime
from ticketing.helpdesk.zendesk import ZendeskHelpdesk, contact_email

log = structlog.get_logger(__name__)

#: customers warmed at a time: a request's latency is mostly waiting, so a few in flight cut the
#: warm-up's time (and a worker's start-up) without exceeding the shared rate limit
THREADS = 8


@dataclass
class WarmReport:
    """What a warm-up did: customers whose ids are all cached now, failures, and the rest."""

    customers: int = 0
    warmed: int = 0
    requests: int = 0
    failed: dict[str, str] = field(default_factory=dict)
    """Customer id → the error (one line, no secret: errors name status and request id only)."""
    deferred: int = 0
    """Customers not reached within the time budget (the next sync, or their first message)."""

    def as_dict(self) -> dict[str, Any]:
        return {"customers": self.customers, "warmed": self.warmed, "requests": self.requests,
                "failed": dict(self.failed), "deferred": self.deferred}


def _cached_ids(customer: Customer) -> list[tuple[str, str]]:
    """The cache entries (kind, key) of a customer's ids (see :meth:`ZendeskHelpdesk.ensure_user`)."""
    emails = [contact_email(c) for c in customer.contacts]
    return [("org", customer.id), ("placeholder", customer.id),
            *((kind, email) for email in emails for kind in ("user", "user_org"))]


def _forget_expiring(desk: ZendeskHelpdesk, customer: Customer, within: float) -> None:
    for kind, key in _cached_ids(customer):
        left = desk.cache.id_ttl(kind, key)
        if left is not None and left < within:
            desk.cache.forget_id(kind, key)


def _warm_customer(desk: ZendeskHelpdesk, customer: Customer) -> None:
    org_id = desk.ensure_organization(customer.id, customer.name)
    desk.ensure_placeholder(customer.id, customer.name, org_id)  # internal tickets' requester
    for contact in customer.contacts:  # requester and CCs of customer-visible comments
        desk.ensure_user(contact, org_id)


def _warm_one(desk: ZendeskHelpdesk, customer: Customer, deadline: float | None,
              refresh_within: float) -> str | None:
    """Warm one customer within ``deadline``: None when done, ``"deferred"``, or the error."""
    left = None if deadline is None else deadline - time.monotonic()
    if left is not None and left <= 0:
        return "deferred"
    with desk.http.budget(left):  # the budget is per thread: set in the thread that sends
        try:
            if refresh_within > 0:
                _forget_expiring(desk, customer, refresh_within)
            _warm_customer(desk, customer)
        except OutOfTime:
            return "deferred"
        except (RootmailError, KeyError, TypeError, ValueError) as exc:  # ValueError: odd answer shapes
            error = f"{type(exc).__name__}: {exc}"[:300]
            log.warning("helpdesk_ids_failed", customer=customer.id, error=error)
            return error
    return None


def warm_ids(desk: ZendeskHelpdesk, customers: Iterable[Customer], *, seconds: float | None,
             refresh_within: float = 0.0) -> WarmReport:
    """Resolve and cache every customer's ids within ``seconds`` (None: no bound), again for ids
    kept less than ``refresh_within`` seconds more; never raises for a helpdesk error (see the
    module docstring). :data:`THREADS` customers at a time (the rate limiter paces them all);
    every thread has ended when this returns."""
    todo = sorted(customers, key=lambda c: c.id)
    report = WarmReport(customers=len(todo))
    if not todo:
        return report
    before = desk.http.requests_sent
    deadline = None if seconds is None else time.monotonic() + seconds
    with ThreadPoolExecutor(max_workers=min(THREADS, len(todo)), thread_name_prefix="helpdesk-ids") as pool:
        outcomes = list(pool.map(lambda c: _warm_one(desk, c, deadline, refresh_within), todo))
    for customer, outcome in zip(todo, outcomes, strict=True):
        if outcome is None:
            report.warmed += 1
        elif outcome == "deferred":
            report.deferred += 1
        else:
            report.failed[customer.id] = outcome
    if report.deferred:
        log.warning("helpdesk_ids_deferred", customers=report.deferred, seconds=seconds)
    report.requests = desk.http.requests_sent - before
    return report
