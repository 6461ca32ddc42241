"""What a Zendesk account must offer rootmail, checked, and the ticket fields created on request.

Owns ``rootmail helpdesk check`` / ``setup`` for Zendesk (Ticketing API v2):

- check: the account answers and the API token works (``GET /api/v2/users/me.json``: 401 is bad
  credentials; the user must be an agent or admin, since rootmail creates end users and
  organizations), every configured ticket field id exists and is active (``GET
  /api/v2/ticket_fields/{id}.json``), and ``ROOTMAIL_ZENDESK_RATE_LIMIT`` is not above the
  account's limit (``X-Rate-Limit`` header, https://developer.zendesk.com/api-reference/introduction/rate-limits/).
- setup (``--create-fields``): creates the missing ticket fields (``POST
  /api/v2/ticket_fields.json``; found again by title, so a second run creates nothing) and prints
  the settings that name them. Nothing else needs creating: organizations and users are adopted
  or created as mail arrives.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ticketing.errors import TransientError
from ticketing.helpdesk.http import HelpdeskPermanentError
from ticketing.helpdesk.rt_setup import Problem
from ticketing.helpdesk.zendesk import ZendeskHelpdesk

#: draft field → (setting, ticket field title, Zendesk field type)
FIELDS = {
    "aws_account_id": ("ROOTMAIL_ZENDESK_FIELD_AWS_ACCOUNT", "AWS account", "text"),
    "notice_type": ("ROOTMAIL_ZENDESK_FIELD_NOTICE_TYPE", "AWS notice type", "text"),
    "deadline": ("ROOTMAIL_ZENDESK_FIELD_DEADLINE", "AWS action deadline", "date"),
    "authenticity": ("ROOTMAIL_ZENDESK_FIELD_AUTHENTICITY", "Mail authenticity", "text"),
}


@dataclass
class ZendeskSetupReport:
    done: list[str] = field(default_factory=list)
    settings: dict[str, int] = field(default_factory=dict)


def _problem(desk: ZendeskHelpdesk, exc: Exception) -> Problem:
    url = str(desk.http.client.base_url)
    if isinstance(exc, HelpdeskPermanentError) and exc.status in (401, 403):
        return Problem(f"Zendesk at {url} refused rootmail's credentials (HTTP {exc.status})",
                       "set ROOTMAIL_ZENDESK_EMAIL to the agent's e-mail and ROOTMAIL_ZENDESK_TOKEN to an API token "
                       "(Admin Center → Apps and integrations → Zendesk API; token access enabled)")
    return Problem(f"cannot reach Zendesk at {url}: {exc}",
                   "check ROOTMAIL_ZENDESK_URL (https://<subdomain>.zendesk.com) and the network path", blocking=False)


def check_zendesk(desk: ZendeskHelpdesk, rate_limit: int) -> list[Problem]:
    """Every problem that would make rootmail quarantine mail; empty when ready."""
    try:
        response = desk.http.request("GET", "/api/v2/users/me.json")
    except (HelpdeskPermanentError, TransientError) as exc:
        return [_problem(desk, exc)]
    problems: list[Problem] = []
    me: dict[str, Any] = dict(response.json().get("user") or {})
    if me.get("role") not in ("agent", "admin"):
        problems.append(Problem(f"the API user is a(n) {me.get('role') or 'anonymous user'}, not an agent",
                                "use an agent's (or admin's) e-mail and API token: rootmail creates tickets, "
                                "end users and organizations"))
    account_limit = response.headers.get("x-rate-limit")
    if account_limit and account_limit.isdigit() and rate_limit > int(account_limit):
        problems.append(Problem(f"ROOTMAIL_ZENDESK_RATE_LIMIT={rate_limit} is above the account's {account_limit} "
                                "requests per minute",
                                f"set ROOTMAIL_ZENDESK_RATE_LIMIT (chart: helpdesk.zendesk.rateLimit) below "
                                f"{account_limit}, leaving room for the other integrations of the account",
                                blocking=False))
    for key, field_id in desk.field_ids.items():
        setting = FIELDS.get(key, (f"the field id for {key}", "", ""))[0]
        try:
            data = desk.http.request("GET", f"/api/v2/ticket_fields/{int(field_id)}.json").json()
        except HelpdeskPermanentError as exc:
            if exc.status != 404:
                problems.append(_problem(desk, exc))
                continue
            problems.append(Problem(f"{setting}={field_id} is not a ticket field of this account",
                                    "run `rootmail helpdesk setup --create-fields`, or set it to the id shown in "
                                    "Admin Center → Objects and rules → Tickets → Fields (unset: not written)"))
            continue
        if not (data.get("ticket_field") or {}).get("active", True):
            problems.append(Problem(f"ticket field {field_id} ({setting}) is inactive",
                                    "activate it in Admin Center → Objects and rules → Tickets → Fields"))
    return problems


def setup_zendesk(desk: ZendeskHelpdesk, configured: Mapping[str, int]) -> ZendeskSetupReport:
    """Create the ticket fields that are not configured (or found by title); idempotent."""
    report = ZendeskSetupReport()
    existing: dict[str, int] = {}
    url: str | None = "/api/v2/ticket_fields.json"
    while url:
        data = desk.http.request("GET", url).json()
        existing.update({str(f.get("title")): int(f["id"]) for f in data.get("ticket_fields", [])})
        url = data.get("next_page")
    for key, (setting, title, kind) in FIELDS.items():
        if configured.get(key):
            report.done.append(f"{setting}={configured[key]} is configured")
            continue
        if title in existing:
            report.settings[setting] = existing[title]
            report.done.append(f"ticket field {title!r} exists (id {existing[title]})")
            continue
        created = desk.http.request("POST", "/api/v2/ticket_fields.json",
                                    json_body={"ticket_field": {"type": kind, "title": title}}).json()
        report.settings[setting] = int(created["ticket_field"]["id"])
        report.done.append(f"created ticket field {title!r} (id {report.settings[setting]})")
    return report
