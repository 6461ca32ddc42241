"""``rootmail serve`` on the embedded defaults (its own Redis and worker, no beat) runs the guard's
periodic tasks: the silence alarm reaches a PagerDuty Events v2 endpoint (a local fake over a real
socket), and the task messages serve publishes are the ones Celery's worker consumes."""

from __future__ import annotations

import json
from pathlib import Path

from rootmail.periodic import CHECK_SILENCE, PURGE_ESCROW, PeriodicTasks, guard_schedule
from tests.conftest import RedisServer, wait_for
from tests.fakes.pagerduty_server import FakePagerDuty
from tests.integration.harness import Rootmail


def test_serve_on_embedded_defaults_raises_the_silence_alarm(tmp_path: Path) -> None:
    with FakePagerDuty() as pd:
        rootmail = Rootmail(tmp_path / "site", silence_alert_hours="0.0003",  # about one second
                            alert_pagerduty_url=pd.url, alert_pagerduty_routing_key=pd.routing_key)
        try:
            process = rootmail.serve()
            triggers = wait_for(lambda: [r for r in pd.triggers() if r.event.get("dedup_key") == "rootmail:silence"],
                                timeout=90, interval=0.1, message="the silence alarm")
            assert "No authenticated AWS mail" in triggers[0].event["payload"]["summary"]
            # one alarm while the silence lasts, however often the check runs
            assert rootmail.stop(process) == 0
            assert len([r for r in pd.triggers() if r.event.get("dedup_key") == "rootmail:silence"]) == 1
            assert "periodic_publish_failed" not in rootmail.log("serve.log")
        finally:
            rootmail.close()


def test_schedule_follows_beat_and_a_short_silence_window() -> None:
    assert guard_schedule(48) == {PURGE_ESCROW: 60.0, CHECK_SILENCE: 300.0}
    assert guard_schedule(0.0003)[CHECK_SILENCE] < 1.1
    assert CHECK_SILENCE not in guard_schedule(0)  # the alarm is off


def test_tasks_are_published_when_due(redis_server: RedisServer) -> None:
    client = redis_server.client()
    client.delete("rootmail")
    now = [1000.0]
    periodic = PeriodicTasks(client, {PURGE_ESCROW: 60.0, CHECK_SILENCE: 300.0}, clock=lambda: now[0])
    assert periodic.publish_due() == [PURGE_ESCROW, CHECK_SILENCE]  # all due at start-up
    assert periodic.publish_due() == []
    now[0] += 60
    assert periodic.publish_due() == [PURGE_ESCROW]
    messages = [json.loads(m) for m in client.lrange("rootmail", 0, -1)]
    assert [m["headers"]["task"] for m in reversed(messages)] == [PURGE_ESCROW, CHECK_SILENCE, PURGE_ESCROW]
    assert all(m["properties"]["delivery_info"]["routing_key"] == "rootmail" for m in messages)
