"""The helpdesk is down for a minute (every call answers 500): the real rootmail worker retries
with backoff, quarantines nothing, and once Zendesk is back every message is written exactly once."""

from __future__ import annotations

import time
from email.utils import make_msgid
from pathlib import Path

import pytest

from tests.conftest import RedisServer, wait_for
from tests.fakes.zendesk_server import FakeZendesk, Faults
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
ACME = "aws-root+acme-prod@roots.example.com"
OUTAGE = 60.0


def notice(n: int) -> bytes:
    return (f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {ACME}\r\nSubject: Outage notice {n}\r\n"
            f"Message-ID: {make_msgid(f'outage-{n}', 'test.amazonses.com')}\r\n\r\nNotice {n}.\r\n").encode()


def test_helpdesk_down_for_a_minute_then_every_message_once(tmp_path: Path, redis_server: RedisServer) -> None:
    redis_server.client().flushall()
    with FakeZendesk(faults=Faults(error_rate=1.0)) as zendesk:
        rootmail = Rootmail(tmp_path / "site", redis_url=redis_server.url, worker="true", helpdesk="zendesk",
                            zendesk_url=zendesk.url, zendesk_email=zendesk.email, zendesk_token=zendesk.token,
                            task_retry_base="1")
        try:
            rootmail.serve()
            started = time.monotonic()
            for n in range(8):
                assert rootmail.send(notice(n), [ACME])[0] == 250
            wait_for(lambda: len(zendesk.requests()) >= 16, timeout=60, message="the worker trying Zendesk")
            assert zendesk.tickets() == []
            wait_for(lambda: time.monotonic() - started >= OUTAGE, timeout=OUTAGE + 5, interval=0.5,
                     message="the end of the outage")
            zendesk.faults.error_rate = 0.0  # Zendesk is back
            wait_for(lambda: rootmail.status()["done"] == 8, timeout=300, interval=1.0,
                     message="all 8 done after the outage")
            tickets = zendesk.tickets()
            assert sorted(t["subject"] for t in tickets) == sorted(f"Outage notice {n}" for n in range(8))
            assert all(len(zendesk.comments(t["id"])) == 1 for t in tickets)
            assert rootmail.status()["quarantined"] == 0
            assert "task_retry" in rootmail.log("serve.log")
        finally:
            rootmail.close()
