"""Celery task messages built by hand (protocol 2, kombu's Redis transport format), so that the
receiver can publish a batch of tasks in one Redis round trip without importing the worker's code.

The format is what ``Celery.send_task`` writes to the queue's Redis list; a test consumes these
messages with a real Celery worker. The JSON skeleton of a (task, queue) pair is serialised once;
each message only fills in its ids, arguments and body.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import re
import socket

_ORIGIN = f"gen{os.getpid()}@{socket.gethostname()}"
_EMBED = {"callbacks": None, "errbacks": None, "chain": None, "chord": None}
_EMBED_JSON = json.dumps(_EMBED)
# placeholders: JSON strings that cannot occur in a real message (a control character, then a name)
_ID, _TAG, _BODY, _ARGSREPR = "\x01id", "\x01tag", "\x01body", "\x01argsrepr"
_QUOTED_PLACEHOLDER = re.compile(r'"\\u0001(\w+)"')  # how json.dumps writes "\x01name"


@functools.lru_cache(maxsize=32)
def _skeleton(task: str, queue: str) -> tuple[str, ...]:
    """The message as JSON split around the placeholders: literal, name, literal, name, ..., literal."""
    message = {
        "body": _BODY,
        "content-encoding": "utf-8",
        "content-type": "application/json",
        "headers": {
            "lang": "py", "task": task, "id": _ID, "shadow": None, "eta": None, "expires": None,
            "group": None, "group_index": None, "retries": 0, "timelimit": [None, None],
            "root_id": _ID, "parent_id": None, "argsrepr": _ARGSREPR, "kwargsrepr": "{}",
            "origin": _ORIGIN, "ignore_result": None, "replaced_task_nesting": 0,
            "stamped_headers": None, "stamps": {},
        },
        "properties": {
            "correlation_id": _ID, "reply_to": "", "delivery_mode": 2,
            "delivery_info": {"exchange": "", "routing_key": queue}, "priority": 0,
            "body_encoding": "base64", "delivery_tag": _TAG,
        },
    }
    return tuple(_QUOTED_PLACEHOLDER.split(json.dumps(message)))


def _uuid4() -> str:
    """A random (version 4) UUID string, as ``str(uuid.uuid4())`` but without the object."""
    h = os.urandom(16).hex()
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def task_message(task: str, args: list[str], queue: str) -> bytes:
    """One Celery protocol-2 message as kombu's Redis transport stores it (LPUSH onto ``queue``)."""
    body = base64.b64encode(f"[{json.dumps(args)}, {{}}, {_EMBED_JSON}]".encode()).decode()
    # ids and base64 need no JSON escaping; the repr of the arguments does
    values = {"id": f'"{_uuid4()}"', "tag": f'"{_uuid4()}"', "body": f'"{body}"', "argsrepr": json.dumps(repr(args))}
    parts = list(_skeleton(task, queue))
    parts[1::2] = [values[name] for name in parts[1::2]]
    return "".join(parts).encode()
