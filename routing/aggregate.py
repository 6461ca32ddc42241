"""Per-customer aggregation of AWS Health events.

AWS sends the same Health event (one event ARN, one event type code) to every affected account,
often hundreds within an hour. The customer should get one ticket per event that lists every
affected account, not one per account: :func:`aggregation_key` gives those mails one thread key.
Pure: it reads the notice's identifiers and the recipient's customer only.
"""

from __future__ import annotations

import hashlib
import re

from routing.types import Notice, Recipient

_EVENT_ARN = re.compile(
    r"^arn:aws[a-z-]*:health:(?P<region>[a-z0-9-]*):(?P<account>\d{12})?:event/(?P<service>[^/]+)/"
    r"(?P<type_code>[^/]+)/(?P<event_id>[^/\s]+)$"
)
_TYPE_CODE_KEYS = ("event_type_code", "health_event_type_code", "health_event_type", "event_type")


def event_type_code(notice: Notice) -> str | None:
    """The Health event type code: from the identifiers when the classifier named it, else from the ARN."""
    for key in _TYPE_CODE_KEYS:
        value = notice.identifiers.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip().upper()
    arn = notice.identifiers.get("health_event_arn")
    if isinstance(arn, str):
        match = _EVENT_ARN.match(arn.strip())
        if match:
            return match.group("type_code").upper()
    return None


def aggregation_key(notice: Notice, recipient: Recipient) -> str | None:
    """``health-event:<customer>:<digest of ARN and type code>`` for a Health notice, else None.

    None when the notice is not a Health notice, carries no event ARN or type code, or the
    recipient has no customer (an unknown address must never join another customer's ticket).
    The account is deliberately not part of the key: every account of the customer shares it.
    """
    if notice.category != "health" and not notice.notice_type.startswith("health."):
        return None
    arn = notice.identifiers.get("health_event_arn")
    if not isinstance(arn, str) or not arn.strip():
        return None
    code = event_type_code(notice)
    customer = recipient.customer
    if code is None or customer is None:
        return None
    digest = hashlib.sha256(f"{arn.strip()}\x1f{code}".encode()).hexdigest()[:32]
    return f"health-event:{customer.id}:{digest}"


def account_tag(account_id: str) -> str:
    """The tag that names one affected account on an aggregated ticket."""
    return f"account_{account_id}"
