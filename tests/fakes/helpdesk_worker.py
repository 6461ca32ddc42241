"""A minimal ticketing worker for crash tests: drafts from a Redis queue into ZendeskHelpdesk.

Run as ``python -m tests.fakes.helpdesk_worker --redis URL --zendesk URL --name W``. It does what
the Celery task does around ``helpdesk.upsert`` with ``acks_late``: an item moves atomically from
``queue`` to ``processing:<name>`` (BLMOVE), and leaves it only after the upsert returned; a
TransientError puts it back on the queue (after its ``retry_after``), a PermanentError on
``failed``. If the process is SIGKILLed the item stays in ``processing:<name>`` and the test's
reaper redelivers it after a visibility timeout, as the broker would.
"""

from __future__ import annotations

import argparse
import base64
import json
import time
from typing import Any

import httpx
import redis
from pydantic import SecretStr

from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.errors import PermanentError, TransientError
from ticketing.helpdesk.cache import RedisTicketCache
from ticketing.helpdesk.http import RetryPolicy
from ticketing.helpdesk.zendesk import ZendeskHelpdesk
from ticketing.ratelimit import RedisTokenBucket
from ticketing.threads import redis_thread_lock


def draft_to_json(draft: TicketDraft) -> str:
    data: dict[str, Any] = {
        name: getattr(draft, name) for name in (
            "thread_key", "delivery_id", "subject", "body", "public_body", "message_id", "customer_id",
            "customer_name", "aws_account_id", "account_name", "notice_type", "severity", "visibility",
            "queue", "secret", "reopen")
    }
    data["customer_contacts"] = list(draft.customer_contacts)
    data["fields"] = dict(draft.fields)
    data["tags"] = list(draft.tags)
    data["attachments"] = [
        {"filename": a.filename, "content_type": a.content_type, "internal": a.internal,
         "data": base64.b64encode(a.data).decode()} for a in draft.attachments
    ]
    return json.dumps(data)


def draft_from_json(text: str) -> TicketDraft:
    data = json.loads(text)
    data["customer_contacts"] = tuple(data["customer_contacts"])
    data["tags"] = tuple(data["tags"])
    data["attachments"] = tuple(
        DraftAttachment(a["filename"], a["content_type"], base64.b64decode(a["data"]), a["internal"])
        for a in data["attachments"]
    )
    return TicketDraft(**data)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--redis", required=True)
    parser.add_argument("--zendesk", required=True)
    parser.add_argument("--email", default="agent@example.com")
    parser.add_argument("--token", default="test-token")
    parser.add_argument("--name", required=True)
    parser.add_argument("--prefix", default="xo")
    parser.add_argument("--rate", type=float, default=6000.0)
    parser.add_argument("--timeout", type=float, default=0.5)
    parser.add_argument("--lock-timeout", type=float, default=3.0)
    args = parser.parse_args()

    client = redis.Redis.from_url(args.redis)
    limiter = RedisTokenBucket(client, f"{args.prefix}:ratelimit", args.rate, max_wait=5.0)
    desk = ZendeskHelpdesk(
        args.zendesk, args.email, SecretStr(args.token), limiter=limiter,
        lock=redis_thread_lock(client, timeout=args.lock_timeout, wait=2.0),
        timeout=httpx.Timeout(args.timeout), retry=RetryPolicy(attempts=3, backoff=0.05, max_retry_after=5),
        cache=RedisTicketCache(client, f"{args.prefix}:cache"),  # shared by the workers, as in rootmail
    )
    queue, processing = f"{args.prefix}:queue", f"{args.prefix}:processing:{args.name}"
    client.sadd(f"{args.prefix}:workers", args.name)
    while not client.exists(f"{args.prefix}:stop"):
        item = client.blmove(queue, processing, 1, "RIGHT", "LEFT")
        if item is None:
            continue
        text = item if isinstance(item, str) else item.decode()
        draft = draft_from_json(text)
        try:
            ref = desk.upsert(draft)
        except TransientError as exc:
            client.incr(f"{args.prefix}:transient")
            time.sleep(min(exc.retry_after or 0.05, 2.0))  # the task's countdown before its retry
            pipe = client.pipeline()
            pipe.lpush(queue, text)
            pipe.lrem(processing, 1, text)
            pipe.execute()
            continue
        except PermanentError as exc:
            pipe = client.pipeline()
            pipe.rpush(f"{args.prefix}:failed", json.dumps({"delivery": draft.delivery_id, "error": str(exc)}))
            pipe.lrem(processing, 1, text)
            pipe.execute()
            continue
        pipe = client.pipeline()
        pipe.hset(f"{args.prefix}:done", draft.delivery_id, ref.ticket_id)
        pipe.lrem(processing, 1, text)
        pipe.execute()
    desk.close()


if __name__ == "__main__":
    main()
