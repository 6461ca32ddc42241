"""Zendesk ids resolved ahead of mail: every customer's organization, placeholder requester and
contacts' users, so that the first message of a customer costs no organization or user request.

Owns :func:`warm_ids`: for each customer of the directory it calls the message path's own
:meth:`ZendeskHelpdesk.ensure_organization`, :meth:`~ZendeskHelpdesk.ensure_placeholder` and
:meth:`~ZendeskHelpdesk.ensure_user` (adopt by external id, else exact name, else the directory's
``zendesk_organization_id``; existing users are never renamed, moved or given another role; new
ones get ``skip_verify_email``), which store the ids in the client's cache (the Redis every worker
reads). An id already cached costs no request. Requests go through the client's shared rate
limiter. A customer that fails is logged and counted and the next one is tried; when the time
budget runs out the remaining customers are left for the next sync (the message path still
resolves an id it does not find).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import structlog

from routing.types import Customer
from ticketing.errors import RootmailError
from ticketing.helpdesk.http import OutOfTime
from ticketing.helpdesk.zendesk import ZendeskHelpdesk

log = structlog.get_logger(__name__)


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


def _warm_customer(desk: ZendeskHelpdesk, customer: Customer) -> None:
    org_id = desk.ensure_organization(customer.id, customer.name)
    desk.ensure_placeholder(customer.id, customer.name, org_id)  # internal tickets' requester
    for contact in customer.contacts:  # requester and CCs of customer-visible comments
        desk.ensure_user(contact, org_id)


def warm_ids(desk: ZendeskHelpdesk, customers: Iterable[Customer], *, seconds: float | None) -> WarmReport:
    """Resolve and cache every customer's ids within ``seconds`` (None: no bound); never raises
    for a helpdesk error (see the module docstring)."""
    todo = sorted(customers, key=lambda c: c.id)
    report = WarmReport(customers=len(todo))
    before = desk.http.requests_sent
    with desk.http.budget(seconds):
        for index, customer in enumerate(todo):
            try:
                _warm_customer(desk, customer)
            except OutOfTime:
                report.deferred = len(todo) - index
                log.warning("helpdesk_ids_deferred", customers=report.deferred, seconds=seconds)
                break
            except (RootmailError, KeyError, TypeError, ValueError) as exc:  # ValueError: odd answer shapes
                report.failed[customer.id] = f"{type(exc).__name__}: {exc}"[:300]
                log.warning("helpdesk_ids_failed", customer=customer.id, error=report.failed[customer.id])
                continue
            report.warmed += 1
    report.requests = desk.http.requests_sent - before
    return report
