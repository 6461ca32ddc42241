"""The helpdesk's organization and user ids warmed from the directory, off the message path.

Owns :func:`warm_helpdesk_ids`, run after every directory sync (``rootmail directory sync``, the
periodic sync) and by ``rootmail worker`` before it starts consuming (:func:`warm_at_start`, from
the snapshot as it is). Only Zendesk has such ids (Request Tracker names requestors by address):
every customer's organization is adopted or created, its placeholder requester and its contacts'
users looked up or created, and the ids stored in the Redis every worker reads
(:mod:`ticketing.helpdesk.zendesk_directory`). Without that Redis the ids would stay in this
process, so nothing is done. Nothing here fails a sync or a start: errors are logged, counted
(``rootmail_helpdesk_id_warms_total``) and reported, and a message whose ids are missing resolves
them itself as before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import structlog
from prometheus_client import Counter

from rootmail.errors import UsageProblem
from rootmail.settings import Settings
from routing.directory import Directory, DirectoryError

if TYPE_CHECKING:
    from ticketing.helpdesk import Helpdesk

log = structlog.get_logger(__name__)

WARMS = Counter("rootmail_helpdesk_id_warms_total",
                "Customers a directory warm-up of helpdesk ids visited, by result", ["result"])

#: the longest a warm-up runs (the rest waits for the next sync, or for the customer's first message)
WARM_SECONDS = 30.0
#: the longest ``rootmail worker`` waits for it before it consumes (mail waits meanwhile)
START_SECONDS = 10.0


def warm_seconds(settings: Settings) -> float:
    """The warm-up's budget: :data:`WARM_SECONDS`, at most half the task time limit (the periodic
    sync is a task and must end within it)."""
    if settings.task_time_limit > 0:
        return min(WARM_SECONDS, settings.task_time_limit / 2)
    return WARM_SECONDS


def warm_helpdesk_ids(settings: Settings, directory: Directory, *, helpdesk: Helpdesk | None = None,
                      seconds: float | None = None) -> dict[str, Any] | None:
    """Warm the Zendesk ids of ``directory``'s customers; the report as a dict, or None when the
    helpdesk has no such ids. ``helpdesk``: a client to use (the worker's), else one is built."""
    if settings.helpdesk != "zendesk":
        return None
    from ticketing.helpdesk.cache import RedisTicketCache
    from ticketing.helpdesk.zendesk import ZendeskHelpdesk
    from ticketing.helpdesk.zendesk_directory import warm_ids

    own = helpdesk is None
    try:
        if helpdesk is None:
            from rootmail.runtime import make_helpdesk

            helpdesk = make_helpdesk(settings)
    except UsageProblem as exc:
        log.warning("helpdesk_ids_not_warmed", reason=str(exc)[:300])
        return {"error": str(exc)[:300]}
    try:
        if not isinstance(helpdesk, ZendeskHelpdesk) or not isinstance(helpdesk.cache, RedisTicketCache):
            log.info("helpdesk_ids_not_warmed", reason="no Redis shared with the workers")
            return {"error": "no Redis shared with the workers: ids are resolved by the first message"}
        report = warm_ids(helpdesk, directory.customers.values(),
                          seconds=warm_seconds(settings) if seconds is None else seconds,
                          # ids that would expire before the next periodic sync are resolved now
                          refresh_within=settings.directory_sync_interval + warm_seconds(settings))
    finally:
        if own and isinstance(helpdesk, ZendeskHelpdesk):
            helpdesk.close()
    for result, count in (("warmed", report.warmed), ("failed", len(report.failed)),
                          ("deferred", report.deferred)):
        if count:
            WARMS.labels(result).inc(count)
    log.info("helpdesk_ids_warmed", **report.as_dict())
    return report.as_dict()


def warm_at_start(settings: Settings) -> dict[str, Any] | None:
    """``rootmail worker``'s warm-up from the directory as it is now (before it consumes)."""
    if settings.helpdesk != "zendesk":
        return None
    from rootmail.runtime import load_directory

    try:
        directory = load_directory(settings)
    except (UsageProblem, DirectoryError) as exc:
        log.warning("helpdesk_ids_not_warmed", reason=str(exc)[:300])
        return None
    return warm_helpdesk_ids(settings, directory, seconds=min(START_SECONDS, warm_seconds(settings)))
