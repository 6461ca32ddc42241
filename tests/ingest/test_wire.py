"""Hand-built Celery task messages: the shape Celery itself gives a task, fresh ids every time."""

from __future__ import annotations

import base64
import json
import uuid

from celery import Celery

from ingest.wire import task_message


def test_message_carries_celerys_headers_and_body() -> None:
    message = json.loads(task_message("rootmail.process_message", ["20261128T201500-00ff"], "rootmail"))
    reference = Celery(broker="memory://").amqp.as_task_v2("x", "rootmail.process_message",
                                                             args=["20261128T201500-00ff"])
    assert set(message["headers"]) == set(reference.headers)
    assert message["headers"]["task"] == "rootmail.process_message"
    assert message["headers"]["argsrepr"] == repr(["20261128T201500-00ff"])
    body = json.loads(base64.b64decode(message["body"]))
    assert body == [list(reference.body[0]), reference.body[1], reference.body[2]]
    assert message["properties"]["delivery_info"] == {"exchange": "", "routing_key": "rootmail"}


def test_ids_are_fresh_version_4_uuids_used_consistently() -> None:
    seen: set[str] = set()
    for _ in range(200):
        message = json.loads(task_message("t", ["k"], "q"))
        task_id = message["headers"]["id"]
        assert uuid.UUID(task_id).version == 4 and str(uuid.UUID(task_id)) == task_id
        assert message["headers"]["root_id"] == message["properties"]["correlation_id"] == task_id
        tag = message["properties"]["delivery_tag"]
        assert uuid.UUID(tag).version == 4 and tag != task_id
        assert task_id not in seen
        seen.add(task_id)


def test_arguments_that_need_escaping_survive() -> None:
    args = ['quote " backslash \\ control \x01 é']
    message = json.loads(task_message("t", args, "q"))
    assert json.loads(base64.b64decode(message["body"]))[0] == args
    assert message["headers"]["argsrepr"] == repr(args)
