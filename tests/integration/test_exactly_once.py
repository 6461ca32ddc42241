"""Exactly once under failure: killed workers, 500/429/timeouts, creates whose response is lost.

Real processes against real servers: a redis-server, the local Zendesk (a real HTTP server with
injected faults) and worker processes (``tests.fakes.helpdesk_worker``) that the test SIGKILLs
while they work. A killed worker's delivery is redelivered after a visibility timeout, as the
broker does with ``acks_late``. Afterwards every thread has exactly one ticket and every distinct
message exactly one comment on it (the message that created the ticket included).
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis

from tests.conftest import IN_CI
from tests.fakes.helpdesk_worker import draft_to_json
from tests.fakes.redis_server import redis_binary, running_redis
from tests.fakes.zendesk_server import FakeZendesk, Faults
from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.helpdesk.steps import delivery_digest

pytestmark = [pytest.mark.integration,
              pytest.mark.skipif(redis_binary() is None and not IN_CI, reason="no redis-server binary")]

ROOT = Path(__file__).resolve().parents[2]
PREFIX = "xo"
VISIBILITY = 1.5  # seconds before a killed worker's delivery is redelivered
SEED = int(os.environ.get("ROOTMAIL_TEST_SEED", "11"))  # vary it to explore other interleavings


def make_drafts(threads: int, per_thread: int) -> list[TicketDraft]:
    drafts = []
    for t in range(threads):
        account = f"{100000000000 + t % 5:012d}"
        thread = f"health:{account}:{hashlib.sha256(str(t).encode()).hexdigest()[:16]}"
        for n in range(per_thread):
            public = (t + n) % 3 == 0
            drafts.append(TicketDraft(
                thread_key=thread,
                delivery_id=hashlib.sha256(f"{t}/{n}".encode()).hexdigest()[:32],
                subject=f"Thread {t} message {n}",
                body=f"Notice: health.maintenance\nthread {t} message {n}",
                public_body=f"redacted thread {t} message {n}" if public else None,
                visibility="customer" if public else "internal",
                customer_id=f"cust{t % 3}", customer_name=f"Customer {t % 3}",
                customer_contacts=(f"ops@cust{t % 3}.example",),
                aws_account_id=account, notice_type="health.maintenance",
                tags=("rootmail",),
                attachments=(DraftAttachment(f"t{t}m{n}.eml", "message/rfc822", f"raw {t} {n}".encode()),),
            ))
    return drafts


class Workers:
    def __init__(self, redis_url: str, zendesk_url: str) -> None:
        self.redis_url = redis_url
        self.zendesk_url = zendesk_url
        self.live: dict[str, subprocess.Popen[bytes]] = {}
        self.killed: list[tuple[str, float]] = []
        self.count = 0

    def start(self) -> None:
        self.count += 1
        name = f"w{self.count}"
        env = dict(os.environ, PYTHONPATH=str(ROOT))
        self.live[name] = subprocess.Popen(
            [sys.executable, "-m", "tests.fakes.helpdesk_worker", "--redis", self.redis_url,
             "--zendesk", self.zendesk_url, "--name", name, "--prefix", PREFIX, "--timeout", "0.4",
             "--lock-timeout", "8"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )

    def kill_one(self, rng: random.Random) -> None:
        name = rng.choice(sorted(self.live))
        proc = self.live.pop(name)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        self.killed.append((name, time.monotonic()))

    def redeliver(self, client: redis.Redis) -> None:
        """What the broker does after the visibility timeout: a dead worker's task goes back."""
        for name, when in self.killed:
            if time.monotonic() - when >= VISIBILITY:
                while client.lmove(f"{PREFIX}:processing:{name}", f"{PREFIX}:queue", "RIGHT", "RIGHT"):
                    pass

    def stop(self, client: redis.Redis) -> None:
        client.set(f"{PREFIX}:stop", 1)
        for proc in self.live.values():
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def test_every_thread_one_ticket_every_message_one_comment_under_failure() -> None:
    faults = Faults(error_rate=0.08, throttle_rate=0.02, retry_after=1, slow_rate=0.04, slow_delay=0.8,
                    drop_rate=0.08, latency=0.01, writes_only=False, seed=SEED)
    drafts = make_drafts(threads=12, per_thread=5)
    duplicates = drafts[::6]  # the same delivery again (a re-sent mail, a re-queued task)
    rng = random.Random(SEED)
    with running_redis() as redis_url, FakeZendesk(faults=faults) as zd:
        # an account as its users run it: a hand-made organization (same name, no external id), a
        # customer contact who is an agent, another with a real name in no organization
        hand_made = zd.add_organization("Customer 0")
        agent = zd.add_user("ops@cust1.example", "Olga Ops", role="agent")
        named = zd.add_user("ops@cust2.example", "Nadia Named")
        # the classic duplicate, for certain: the first creates commit but their answers are lost
        zd.fail_next("drop", method="POST", path="/api/v2/tickets.json", count=3)
        client = redis.Redis.from_url(redis_url)
        work = [draft_to_json(d) for d in drafts + duplicates]
        rng.shuffle(work)
        client.lpush(f"{PREFIX}:queue", *work)
        workers = Workers(redis_url, zd.url)
        for _ in range(3):
            workers.start()
        deadline = time.monotonic() + 240
        next_kill = time.monotonic() + 1.0
        try:
            while True:
                done = client.hlen(f"{PREFIX}:done")
                names = list(workers.live) + [k for k, _ in workers.killed]
                pending = client.llen(f"{PREFIX}:queue") + sum(
                    client.llen(f"{PREFIX}:processing:{n}") for n in names)
                failed = client.llen(f"{PREFIX}:failed")
                if done + failed >= len(drafts) and pending == 0:
                    break
                assert time.monotonic() < deadline, f"not finished: done={done} pending={pending}"
                if time.monotonic() >= next_kill and len(workers.killed) < 8:
                    workers.kill_one(rng)
                    workers.start()
                    next_kill = time.monotonic() + rng.uniform(0.3, 1.2)
                workers.redeliver(client)
                time.sleep(0.05)  # polling interval of the wait loop, bounded by the deadline
        finally:
            workers.stop(client)
        failures = [x if isinstance(x, str) else x.decode() for x in client.lrange(f"{PREFIX}:failed", 0, -1)]
        assert failures == []

        # the failures really happened
        kinds = Counter(r.fault for r in zd.log if r.fault)
        assert kinds["500"] and kinds["429"] and kinds["slow"] and kinds["drop"], kinds
        assert len(workers.killed) == 8
        drop_on_create = [r for r in zd.log
                          if r.fault == "drop" and r.method == "POST" and r.path == "/api/v2/tickets.json"]
        assert len(drop_on_create) >= 3, "no create lost its response"

        # exactly one ticket per thread
        tickets = zd.tickets()
        per_thread = Counter(t["external_id"] for t in tickets)
        assert set(per_thread) == {d.thread_key for d in drafts}
        assert all(n == 1 for n in per_thread.values()), per_thread

        # exactly one internal note and (for customer-visible ones) one public comment per message
        comments = [c for t in tickets for c in zd.comments(t["id"])]
        by_ticket = {t["external_id"]: t["id"] for t in tickets}
        for d in drafts:
            ticket_comments = zd.comments(by_ticket[d.thread_key])
            footer = f"-- rootmail delivery {delivery_digest(d.delivery_id)}"
            notes = [c for c in ticket_comments if not c["public"] and c["body"].endswith(footer)]
            assert len(notes) == 1, (d.subject, len(notes))
            # the original is named in the note (linked), never uploaded once per note
            assert notes[0]["attachments"] == []
            assert f"rootmail message show {d.attachments[0].filename.removesuffix('.eml')};" in notes[0]["body"]
            publics = [c for c in ticket_comments if c["public"] and c["body"] == d.public_body]
            assert len(publics) == (1 if d.public else 0), (d.subject, len(publics))
        assert len(comments) == len(drafts) + sum(1 for d in drafts if d.public)

        # every ticket linked to its customer's organization; the hand-made one adopted, none doubled
        customer_of = {d.thread_key: d.customer_id for d in drafts}
        orgs = zd.state.organizations
        assert sorted(o["external_id"] for o in orgs.values()) == ["cust0", "cust1", "cust2"]
        assert orgs[hand_made]["external_id"] == "cust0"
        for t in tickets:
            assert t["organization_id"] is not None, t["id"]
            assert orgs[t["organization_id"]]["external_id"] == customer_of[t["external_id"]]
        # nobody renamed, demoted or moved; no verification mail
        assert zd.state.user_changes == [] and zd.state.verification_mails == []
        assert (zd.state.users[agent]["role"], zd.state.users[named]["name"]) == ("agent", "Nadia Named")
        # every customer-visible message reached its customer's contact
        for d in drafts:
            if d.public:
                assert d.customer_contacts[0] in zd.delivered_to(by_ticket[d.thread_key])
