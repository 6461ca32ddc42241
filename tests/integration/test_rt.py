"""RTHelpdesk against a real Request Tracker 5 (REST2): tickets written by rootmail, read back.

Start RT with ``.ci/rt.sh all`` and ``. /tmp/rootmail-rt/env``: the tests need
``ROOTMAIL_TEST_RT_URL`` and ``ROOTMAIL_TEST_RT_TOKEN`` (or ``ROOTMAIL_TEST_RT_USER`` and
``ROOTMAIL_TEST_RT_PASSWORD``). Without them, or when RT does not answer, they skip and say why.
"""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import threading
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from pydantic import SecretStr

from tests.conftest import missing_service
from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.helpdesk.cache import RedisTicketCache
from ticketing.helpdesk.rt import (
    CF_ACCOUNT,
    CF_NOTICE,
    CF_RULE,
    CF_STEP,
    CF_THREAD,
    NEUTRAL_CREATE,
    PRIORITY_RANK,
    RTHelpdesk,
    priority_rank,
)
from ticketing.helpdesk.rt_setup import check_rt, queues_to_check, setup_rt
from ticketing.helpdesk.steps import comment_steps, delivery_digest
from ticketing.ratelimit import RateLimited, RedisTokenBucket
from ticketing.threads import redis_thread_lock

pytestmark = pytest.mark.integration



def _rt_env() -> dict[str, str]:
    """The environment, else what `.ci/rt.sh start` wrote to $RT_STATE/env (default /tmp/rootmail-rt)."""
    env = dict(os.environ)
    state = Path(os.environ.get("RT_STATE", "/tmp/rootmail-rt")) / "env"
    if "ROOTMAIL_TEST_RT_URL" not in env and state.exists():
        for line in state.read_text().splitlines():
            name, _, value = line.removeprefix("export ").partition("=")
            env.setdefault(name.strip(), value.strip())
    return env


_ENV = _rt_env()
RT_URL = _ENV.get("ROOTMAIL_TEST_RT_URL", "")
RT_TOKEN = _ENV.get("ROOTMAIL_TEST_RT_TOKEN", "")
RT_USER = _ENV.get("ROOTMAIL_TEST_RT_USER", "")
RT_PASSWORD = _ENV.get("ROOTMAIL_TEST_RT_PASSWORD", "")
RT_BOT_TOKEN = _ENV.get("ROOTMAIL_TEST_RT_BOT_TOKEN", "")  # least-privilege user (.ci/rt.sh start)
QUEUES = ["General", "triage"]


def _rest(path: str, **params: Any) -> Any:
    headers = {"Authorization": f"token {RT_TOKEN}"} if RT_TOKEN else {}
    auth = None if RT_TOKEN else (RT_USER, RT_PASSWORD)
    response = httpx.get(f"{RT_URL.rstrip('/')}/REST/2.0{path}", params=params, headers=headers,
                         auth=auth, timeout=30)
    response.raise_for_status()
    return response.json()


@pytest.fixture(scope="module")
def rt_available() -> None:
    if not RT_URL:
        missing_service("Request Tracker not configured: run `.ci/rt.sh all` and source /tmp/rootmail-rt/env "
                    "(sets ROOTMAIL_TEST_RT_URL)")
    if not (RT_TOKEN or (RT_USER and RT_PASSWORD)):
        missing_service("ROOTMAIL_TEST_RT_TOKEN or ROOTMAIL_TEST_RT_USER/ROOTMAIL_TEST_RT_PASSWORD not set")
    try:
        _rest("/queues/all")
    except httpx.HTTPError as exc:
        missing_service(f"Request Tracker at {RT_URL} does not answer REST2: {type(exc).__name__}")


def _root_desk() -> RTHelpdesk:
    return RTHelpdesk(RT_URL, token=SecretStr(RT_TOKEN) if RT_TOKEN else None, user=RT_USER or None,
                      password=SecretStr(RT_PASSWORD) if RT_PASSWORD else None, default_queue="General")


@pytest.fixture(scope="module")
def rt_ready(rt_available: None) -> None:
    """What a user does on a fresh RT: `helpdesk setup` (with an administrator's token), then
    `helpdesk check` passes, with no step by hand. Then the administrator's optional step, for two
    queues only: General and triage keep markers in transactions, the others in the ticket field."""
    desk = _root_desk()
    try:
        report = setup_rt(desk, QUEUES)
        assert report.manual == []
        assert check_rt(desk, QUEUES) == []
        script = Path(__file__).resolve().parents[2] / ".ci" / "rt.sh"
        done = subprocess.run(["bash", str(script), "apply-cf", CF_STEP, *QUEUES], capture_output=True, text=True,
                              timeout=120, check=False, env=os.environ | {"RT_STATE": os.environ.get(
                                  "RT_STATE", "/tmp/rootmail-rt")})
        if done.returncode != 0:
            missing_service(f"cannot apply {CF_STEP} as an administrator would: {done.stderr[-300:]}")
        assert check_rt(desk, QUEUES) == []
    finally:
        desk.close()


@pytest.fixture
def rt(rt_ready: None) -> Iterator[RTHelpdesk]:
    desk = _root_desk()
    yield desk
    desk.close()


def txn_markers(ticket_id: str) -> list[str]:
    items = _rest("/transactions", query=f"ObjectId = {ticket_id} AND ObjectType = 'RT::Ticket'",
                  fields="CustomFields", per_page=100)["items"]
    return [v for t in items for cf in t.get("CustomFields") or [] if cf["name"] == CF_STEP for v in cf["values"]]


def draft(n: int, thread: str, **over: Any) -> TicketDraft:
    values: dict[str, Any] = {
        "thread_key": thread,
        "delivery_id": hashlib.sha256(f"{thread}/{n}".encode()).hexdigest()[:32],
        "subject": f"Scheduled maintenance {n}",
        "body": f"Notice: health.maintenance\n---\nrt message {n}",
        "customer_id": "acme",
        "customer_contacts": ("ops@acme.example", "finance@acme.example"),
        "aws_account_id": "111122223333",
        "notice_type": "health.maintenance",
        "queue": "triage",
        "attachments": (DraftAttachment(f"m{n}.eml", "message/rfc822", f"From: a\r\n\r\nbody {n}\r\n".encode()),),
    }
    values.update(over)
    return TicketDraft(**values)


def history(ticket_id: str) -> list[dict[str, Any]]:
    return list(_rest(f"/ticket/{ticket_id}/history", fields="Type", per_page=100)["items"])


def message_types(ticket_id: str) -> list[str]:
    return [t["Type"] for t in history(ticket_id) if t["Type"] in ("Create", "Correspond", "Comment")]


def cfs(ticket: dict[str, Any]) -> dict[str, list[str]]:
    return {cf["name"]: cf["values"] for cf in ticket["CustomFields"]}


def new_thread() -> str:
    return f"health:111122223333:{uuid.uuid4().hex}"


def test_ticket_created_through_rootmail_reads_back_through_rest2(rt: RTHelpdesk) -> None:
    thread = new_thread()
    ref = rt.upsert(draft(1, thread))
    assert ref.created
    ticket = _rest(f"/ticket/{ref.ticket_id}")
    assert ticket["Subject"] == "Scheduled maintenance 1"
    queue = _rest(f"/queue/{ticket['Queue']['id']}")
    assert queue["Name"] == "triage"
    fields = cfs(ticket)
    assert fields[CF_THREAD] == [thread]
    assert fields[CF_ACCOUNT] == ["111122223333"]
    assert fields[CF_NOTICE] == ["health.maintenance"]
    assert txn_markers(ref.ticket_id) == [f"n:{delivery_digest(draft(1, thread).delivery_id)}"]
    assert ticket["Requestor"] == []  # internal ticket: the customer is not mailed
    # a neutral Create, then the note as a Comment (the Create is what RT shows and autoreplies)
    assert message_types(ref.ticket_id) == ["Create", "Comment"]
    attachments = _rest(f"/ticket/{ref.ticket_id}/attachments", fields="Filename,Content,ContentType", per_page=100)
    eml = [a for a in attachments["items"] if a.get("Filename") == "m1.eml"]
    assert len(eml) == 1
    raw = b"From: a\r\n\r\nbody 1\r\n"
    content = eml[0]["Content"]  # collections give text parts as text, records as base64
    assert content == raw.decode() or base64.b64decode(content) == raw
    assert eml[0]["ContentType"] == "message/rfc822"
    # search by the thread key custom field finds exactly this ticket
    found = _rest("/tickets", query=f"'CF.{{{CF_THREAD}}}' = '{thread}'")
    assert [item["id"] for item in found["items"]] == [ref.ticket_id]


def test_thread_correspond_vs_comment_and_requestors(rt: RTHelpdesk) -> None:
    thread = new_thread()
    first = rt.upsert(draft(1, thread, visibility="customer", public_body="redacted text 1"))
    second = rt.upsert(draft(2, thread))
    third = rt.upsert(draft(3, thread, visibility="customer", public_body="redacted text 3"))
    assert first.created and not second.created and not third.created
    assert first.ticket_id == second.ticket_id == third.ticket_id
    ticket = _rest(f"/ticket/{first.ticket_id}")
    assert sorted(r["id"] for r in ticket["Requestor"]) == ["finance@acme.example", "ops@acme.example"]
    # neutral create, correspond (public 1) + comment (note 1), comment (note 2), correspond + comment (3)
    assert message_types(first.ticket_id) == ["Create", "Correspond", "Comment", "Comment", "Correspond", "Comment"]
    assert len(txn_markers(first.ticket_id)) == 5
    read_back = rt.get_ticket(first.ticket_id)
    assert read_back is not None and read_back["comment_count"] == 5


def test_customer_reply_on_a_ticket_opened_internal_adds_the_requestors_first(rt: RTHelpdesk) -> None:
    thread = new_thread()
    first = rt.upsert(draft(1, thread, customer_contacts=("ops@acme.example",)))  # internal: none
    assert _rest(f"/ticket/{first.ticket_id}")["Requestor"] == []
    second = rt.upsert(draft(2, thread, visibility="customer", public_body="redacted text 2",
                             customer_contacts=("ops@acme.example", "finance@acme.example")))
    assert second.ticket_id == first.ticket_id
    ticket = _rest(f"/ticket/{first.ticket_id}")
    assert sorted(r["id"] for r in ticket["Requestor"]) == ["finance@acme.example", "ops@acme.example"]
    # the requestors were set before the reply, so RT's correspondence reached them
    types = [item["Type"] for item in history(first.ticket_id)]
    assert types.index("AddWatcher") < types.index("Correspond"), types
    again = rt.upsert(draft(3, thread, visibility="customer", public_body="redacted text 3",
                            customer_contacts=("finance@acme.example",)))
    assert again.ticket_id == first.ticket_id
    kept = _rest(f"/ticket/{first.ticket_id}")
    assert sorted(r["id"] for r in kept["Requestor"]) == ["finance@acme.example", "ops@acme.example"]


def test_duplicate_delivery_adds_nothing(rt: RTHelpdesk) -> None:
    thread = new_thread()
    ref = rt.upsert(draft(1, thread))
    before = history(ref.ticket_id)
    again = rt.upsert(draft(1, thread))
    assert (again.ticket_id, again.created, again.commented) == (ref.ticket_id, False, False)
    assert history(ref.ticket_id) == before


def test_create_committed_but_response_lost_is_not_repeated(rt: RTHelpdesk) -> None:
    thread = new_thread()
    d = draft(1, thread)
    # what a create whose response was lost leaves behind: the neutral ticket, no comment yet
    lost = rt._create(d, rt.queue_for(d), None)
    ref = rt.upsert(d)  # the task's retry: the neutral ticket gets the note, no second ticket
    assert (ref.ticket_id, ref.created, ref.commented) == (lost["id"], False, True)
    assert len(_rest("/tickets", query=f"'CF.{{{CF_THREAD}}}' = '{thread}'")["items"]) == 1
    assert message_types(ref.ticket_id) == ["Create", "Comment"]
    again = rt.upsert(d)
    assert (again.created, again.commented) == (False, False)


def test_resolved_thread_gets_a_linked_follow_up_unless_reopen(rt: RTHelpdesk) -> None:
    thread = new_thread()
    first = rt.upsert(draft(1, thread))
    rt.set_status(first.ticket_id, "resolved")
    reopened = rt.upsert(draft(2, thread, reopen=True))
    assert reopened.ticket_id == first.ticket_id
    assert _rest(f"/ticket/{first.ticket_id}")["Status"] == "open"
    rt.set_status(first.ticket_id, "resolved")
    follow = rt.upsert(draft(3, thread))
    assert follow.created and follow.ticket_id != first.ticket_id
    links = _rest(f"/ticket/{follow.ticket_id}")["_hyperlinks"]
    assert any(link.get("ref") == "refers-to" and str(link.get("id")) == first.ticket_id for link in links)
    fourth = rt.upsert(draft(4, thread))
    assert fourth.ticket_id == follow.ticket_id


def test_unknown_route_queue_falls_back_to_the_default_queue(rt: RTHelpdesk) -> None:
    ref = rt.upsert(draft(1, new_thread(), queue=f"no-such-queue-{uuid.uuid4().hex[:6]}"))
    ticket = _rest(f"/ticket/{ref.ticket_id}")
    assert _rest(f"/queue/{ticket['Queue']['id']}")["Name"] == "General"


def test_secret_bearing_type_has_no_original_attached(rt: RTHelpdesk) -> None:
    ref = rt.upsert(draft(1, new_thread(), secret=True))
    attachments = _rest(f"/ticket/{ref.ticket_id}/attachments", fields="Filename", per_page=100)
    assert not [a for a in attachments["items"] if (a.get("Filename") or "").endswith(".eml")]


def test_basic_auth_works_too(rt_available: None) -> None:
    if not (RT_USER and RT_PASSWORD):
        missing_service("ROOTMAIL_TEST_RT_USER/ROOTMAIL_TEST_RT_PASSWORD not set")
    desk = RTHelpdesk(RT_URL, user=RT_USER, password=SecretStr(RT_PASSWORD))
    ref = desk.upsert(draft(1, new_thread(), queue="General"))
    assert ref.created
    desk.close()


def test_requests_go_through_the_shared_rate_limiter(rt: RTHelpdesk, redis_url: str) -> None:
    """One request a minute, no waiting: the first request takes the only slot, the next one is
    refused before it reaches RT (a TransientError: the task retries later), so no ticket exists."""
    bucket = RedisTokenBucket(redis.Redis.from_url(redis_url), f"test:ratelimit:rt:{uuid.uuid4().hex}", 1,
                              max_wait=0)
    limited = RTHelpdesk(RT_URL, token=SecretStr(RT_TOKEN) if RT_TOKEN else None, user=RT_USER or None,
                         password=SecretStr(RT_PASSWORD) if RT_PASSWORD else None, limiter=bucket)
    thread = new_thread()
    try:
        with pytest.raises(RateLimited):
            limited.upsert(draft(1, thread))
    finally:
        limited.close()
    assert rt.find_by_thread(thread) == []
    assert rt.upsert(draft(1, thread)).created  # without the limiter the same draft goes through


def test_rt_rate_limit_setting_gives_a_shared_bucket(clean_env: None, redis_url: str,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from rootmail.settings import Settings
    from rootmail.wiring import make_helpdesk

    for name, value in {"ROOTMAIL_HELPDESK": "rt", "ROOTMAIL_RT_URL": "http://127.0.0.1:9",
                        "ROOTMAIL_RT_TOKEN": "t", "ROOTMAIL_REDIS_URL": redis_url}.items():
        monkeypatch.setenv(name, value)
    unlimited = make_helpdesk(Settings())
    assert isinstance(unlimited, RTHelpdesk) and unlimited.http.limiter is None
    monkeypatch.setenv("ROOTMAIL_RT_RATE_LIMIT", "120")
    desk = make_helpdesk(Settings())
    assert isinstance(desk, RTHelpdesk) and isinstance(desk.http.limiter, RedisTokenBucket)
    assert desk.http.limiter.key == "rootmail:ratelimit:rt"
    unlimited.close()
    desk.close()


def test_markers_of_concurrent_deliveries_cannot_erase_each_other(rt: RTHelpdesk) -> None:
    """Two writers with the same (stale) view of the ticket: each marker rides on its own
    transaction, so neither write removes the other's, and both deliveries stay exactly-once."""
    thread = new_thread()
    first = rt.upsert(draft(1, thread))
    [stale] = rt.find_by_thread(thread)
    for n in (2, 3):  # both wrote from the same view, as two workers without a common lock would
        d = draft(n, thread)
        rt._write_steps(d, dict(stale, cf=dict(stale["cf"])), comment_steps(d))
    assert len(txn_markers(first.ticket_id)) == 3
    before = history(first.ticket_id)
    for n in (1, 2, 3):
        again = rt.upsert(draft(n, thread))
        assert (again.ticket_id, again.created, again.commented) == (first.ticket_id, False, False)
    assert history(first.ticket_id) == before


def _txn_id(attachment: dict[str, Any]) -> str:
    value = attachment.get("TransactionId")
    return str(value.get("id") if isinstance(value, dict) else value)


def test_follow_up_wording_and_notice_text_only_in_internal_comments(rt: RTHelpdesk) -> None:
    thread = new_thread()
    first = rt.upsert(draft(1, thread, visibility="customer", public_body="redacted text 1"))
    rt.set_status(first.ticket_id, "resolved")
    follow = rt.upsert(draft(2, thread, visibility="customer", public_body="redacted text 2"))
    assert follow.created
    items = _rest(f"/ticket/{follow.ticket_id}/history", fields="Type", per_page=100)["items"]
    attachments = _rest(f"/ticket/{follow.ticket_id}/attachments", fields="Content,TransactionId", per_page=100)
    customer_visible = [t["id"] for t in items if t["Type"] in ("Create", "Correspond")]
    seen = " ".join(str(a.get("Content") or "") for a in attachments["items"]
                    if _txn_id(a) in customer_visible)
    assert "Follow-up" not in seen and "rt message" not in seen
    assert NEUTRAL_CREATE in seen and "redacted text 2" in seen
    comments = " ".join(str(a.get("Content") or "") for a in attachments["items"]
                        if _txn_id(a) not in customer_visible)
    assert f"Follow-up of ticket #{first.ticket_id}" in comments


def test_priority_label_due_and_rule_reach_rt(rt: RTHelpdesk) -> None:
    thread = new_thread()
    ref = rt.upsert(draft(1, thread, severity="normal", due="2026-03-01", rule="health-maintenance"))
    ticket = _rest(f"/ticket/{ref.ticket_id}")
    assert ticket["Due"] == "2026-03-01T00:00:00Z"
    assert cfs(ticket)[CF_RULE] == ["health-maintenance"]
    found = _rest("/tickets", query=f"id = {ref.ticket_id}", fields="Priority")["items"][0]
    assert priority_rank(found["Priority"]) == PRIORITY_RANK["Medium"]
    rt.upsert(draft(2, thread, severity="critical", due="2026-02-15T08:30:00Z", rule="health-maintenance"))
    found = _rest("/tickets", query=f"id = {ref.ticket_id}", fields="Priority,Due")["items"][0]
    assert (priority_rank(found["Priority"]), found["Due"]) == (PRIORITY_RANK["High"], "2026-02-15T08:30:00Z")
    rt.upsert(draft(3, thread, severity="low"))
    lowered = _rest("/tickets", query=f"id = {ref.ticket_id}", fields="Priority")["items"][0]["Priority"]
    assert priority_rank(lowered) == PRIORITY_RANK["High"]  # never lowered
    assert priority_rank("70") == PRIORITY_RANK["Medium"] and priority_rank("Low") == 0


def bot_token() -> str:
    """The least-privilege user's token (`.ci/rt.sh start` creates the user rootmail-bot)."""
    if not RT_BOT_TOKEN:
        missing_service("ROOTMAIL_TEST_RT_BOT_TOKEN not set: `.ci/rt.sh start` creates the rootmail-bot user")
    return RT_BOT_TOKEN


def checked_then_public(desk: RTHelpdesk) -> tuple[str, TicketDraft, Any]:
    """`helpdesk check` passes for ``desk``, then a customer-visible message opens a new thread."""
    assert check_rt(desk, QUEUES) == []
    thread = new_thread()
    public = draft(1, thread, visibility="customer", public_body="redacted text 1")
    first = desk.upsert(public)
    assert first.created
    return thread, public, first


def test_least_privilege_account_passes_the_check_and_writes(rt_ready: None) -> None:
    bot = RTHelpdesk(RT_URL, token=SecretStr(bot_token()), default_queue="General")
    try:
        thread, public, first = checked_then_public(bot)
        assert (bot.upsert(public).commented, bot.upsert(draft(2, thread)).ticket_id) == (False, first.ticket_id)
        assert len(txn_markers(first.ticket_id)) == 3
    finally:
        bot.close()


def test_check_names_each_problem_with_its_fix(rt_ready: None) -> None:
    desk = _root_desk()
    try:
        missing = f"Rootmail Nope {uuid.uuid4().hex[:6]}"
        problems = check_rt(desk, ["triage", f"no-queue-{uuid.uuid4().hex[:6]}"], ticket_cfs=(CF_THREAD, missing))
        assert [p.what.split(" ")[0] for p in problems] == ["ticket", "queue"]
        assert missing in problems[0].what and "rootmail helpdesk setup" in problems[0].fix
        assert "Admin → Queues" in problems[1].fix
    finally:
        desk.close()
    bad = RTHelpdesk(RT_URL, token=SecretStr("1-1-0000"), default_queue="General")
    try:
        [problem] = check_rt(bad, QUEUES)
        assert "credentials" in problem.what and "ROOTMAIL_RT_TOKEN" in problem.fix
    finally:
        bad.close()


def test_setup_creates_missing_ticket_fields_applied_everywhere_and_is_idempotent(rt_ready: None) -> None:
    desk = _root_desk()
    name = f"Rootmail Probe {uuid.uuid4().hex[:6]}"
    try:
        report = setup_rt(desk, QUEUES, ticket_cfs=(name,), txn_cfs=(), marker_cfs=())
        assert report.manual == [] and report.done == [report.done[0]] and "created" in report.done[0]
        assert check_rt(desk, QUEUES, ticket_cfs=(name,), txn_cfs=(), marker_cfs=()) == []
        again = setup_rt(desk, QUEUES, ticket_cfs=(name,), txn_cfs=(), marker_cfs=())
        assert again.manual == [] and "exists" in again.done[0]
        txn = setup_rt(desk, QUEUES, ticket_cfs=(), txn_cfs=(name + " txn",), marker_cfs=(name,))
        # REST2 cannot apply it: the administrator's optional step is printed, mail flows without it
        assert "created" in txn.done[1] and txn.manual == [] and txn.optional
        assert all("Applies to" in line for line in txn.optional)
    finally:
        for cf_name in (name, name + " txn"):  # disable the probes again (DELETE disables a custom field)
            found = desk.http.request("POST", "/customfields", json_body=[{"field": "Name", "value": cf_name}]).json()
            for item in found["items"]:
                desk.http.request("DELETE", f"/customfield/{item['id']}", ok=(200, 204))
        desk.close()


def test_serve_and_worker_refuse_an_rt_without_rootmail_set_up(rt_ready: None, clean_env: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from rootmail.commands.helpdesk import refuse_unready_helpdesk
    from rootmail.errors import UsageProblem
    from rootmail.settings import Settings

    for key, value in {"ROOTMAIL_HELPDESK": "rt", "ROOTMAIL_RT_URL": RT_URL, "ROOTMAIL_RT_TOKEN": RT_TOKEN}.items():
        monkeypatch.setenv(key, value)
    refuse_unready_helpdesk(Settings())  # the shipped rules' queues, all set up by .ci/rt.sh + setup
    monkeypatch.setenv("ROOTMAIL_RT_QUEUE", f"missing-{uuid.uuid4().hex[:6]}")
    with pytest.raises(UsageProblem, match=r"not ready for rootmail.*Admin → Queues"):
        refuse_unready_helpdesk(Settings())
    assert queues_to_check(["a", "{customer}", None], "General", "triage") == ["General", "triage",
                                                                             "security-triage", "a"]


# ---------------------------------------------------------------------- about one request per message


def _cached_desk(redis_url: str) -> RTHelpdesk:
    desk = _root_desk()
    desk.cache = RedisTicketCache(redis.Redis.from_url(redis_url), f"rm:test:rt:{uuid.uuid4().hex}")
    return desk


def test_follow_up_on_a_cached_thread_is_a_read_and_the_comment(rt_ready: None, redis_url: str) -> None:
    desk = _cached_desk(redis_url)
    try:
        thread = new_thread()
        desk.queue_for(draft(0, thread))  # the queue's fields are read once per process
        before = desk.http.requests_sent
        first = desk.upsert(draft(1, thread))  # search, create, comment
        assert desk.http.requests_sent - before == 3
        before = desk.http.requests_sent
        second = desk.upsert(draft(2, thread))  # GET of the cached ticket, comment
        assert desk.http.requests_sent - before == 2
        assert second.ticket_id == first.ticket_id and second.commented
        before = desk.http.requests_sent
        again = desk.upsert(draft(2, thread))  # done in the cache
        assert (again.commented, desk.http.requests_sent - before) == (False, 0)
        assert message_types(first.ticket_id) == ["Create", "Comment", "Comment"]
    finally:
        desk.close()


def test_cached_thread_with_a_pending_delivery_or_a_resolved_ticket_takes_the_search(
        rt_ready: None, redis_url: str) -> None:
    desk = _cached_desk(redis_url)
    try:
        thread = new_thread()
        first = desk.upsert(draft(1, thread))
        d2 = draft(2, thread)
        desk.cache.mark_pending(delivery_digest(d2.delivery_id))  # a worker died after writing d2
        desk._write_steps(d2, {"id": first.ticket_id, "status": "open", "requestors": []}, comment_steps(d2))
        again = desk.upsert(d2)  # pending: the search finds its marker, nothing written twice
        assert (again.ticket_id, again.commented) == (first.ticket_id, False)
        assert message_types(first.ticket_id) == ["Create", "Comment", "Comment"]
        desk.set_status(first.ticket_id, "resolved")  # an agent resolves it: the cache still names it
        follow = desk.upsert(draft(3, thread))
        assert follow.created and follow.ticket_id != first.ticket_id
    finally:
        desk.close()


# ---------------------------------------------------------------------- a fresh RT: no step by hand


@pytest.fixture(scope="module")
def fresh_fields(rt_available: None) -> Iterator[tuple[str, str]]:
    """Marker fields as on a fresh RT: `helpdesk setup` creates both, REST2 applies only the ticket
    field (to all queues); the transaction field stays unapplied. Names of their own, so that the
    administrator's step taken in ``rt_ready`` does not reach them."""
    tag = uuid.uuid4().hex[:6]
    names = (f"Rootmail Step {tag}", f"Rootmail Delivery {tag}")
    yield names
    desk = _root_desk()
    try:
        for name in names:  # DELETE disables a custom field
            found = desk.http.request("POST", "/customfields", json_body=[{"field": "Name", "value": name}]).json()
            for item in found["items"]:
                desk.http.request("DELETE", f"/customfield/{item['id']}", ok=(200, 204))
    finally:
        desk.close()


def _fresh_desk(names: tuple[str, str], token: str | None = None, redis_url: str | None = None) -> RTHelpdesk:
    step, marker = names
    if token:
        desk = RTHelpdesk(RT_URL, token=SecretStr(token), default_queue="General", step_field=step,
                          marker_field=marker)
    else:
        desk = RTHelpdesk(RT_URL, token=SecretStr(RT_TOKEN) if RT_TOKEN else None, user=RT_USER or None,
                          password=SecretStr(RT_PASSWORD) if RT_PASSWORD else None, default_queue="General",
                          step_field=step, marker_field=marker)
    if redis_url:
        client = redis.Redis.from_url(redis_url)
        desk.cache = RedisTicketCache(client, f"rm:test:rt:{uuid.uuid4().hex}")
        desk.lock = redis_thread_lock(client, prefix=f"rm:test:rtlock:{uuid.uuid4().hex}")
    return desk


def ticket_markers(ticket_id: str, marker: str) -> list[str]:
    return cfs(_rest(f"/ticket/{ticket_id}")).get(marker, [])


def test_fresh_rt_setup_then_check_then_mail_with_no_step_by_hand(rt_ready: None, fresh_fields: tuple[str, str],
                                                                  redis_url: str) -> None:
    step, marker = fresh_fields
    desk = _fresh_desk(fresh_fields)
    try:
        report = setup_rt(desk, QUEUES)
        assert report.manual == []
        assert any(step in line for line in report.done) and any(marker in line for line in report.done)
        assert any("delivery markers go to the ticket field" in line for line in report.done)
        assert report.optional and all("Applies to" in line and step in line for line in report.optional)
        assert check_rt(desk, QUEUES) == []
        assert setup_rt(desk, QUEUES).manual == []  # idempotent
    finally:
        desk.close()
    bot = _fresh_desk(fresh_fields, bot_token(), redis_url)  # rootmail's own least-privilege account
    try:
        thread, public, first = checked_then_public(bot)
        assert bot.upsert(public).commented is False
        second = bot.upsert(draft(2, thread))
        assert (second.ticket_id, second.created) == (first.ticket_id, False)
        digests = {delivery_digest(public.delivery_id), delivery_digest(draft(2, thread).delivery_id)}
        landed = ticket_markers(first.ticket_id, marker)
        assert sorted(m.split(":")[0] for m in landed) == ["n", "n", "p"]
        assert {m.split(":")[1] for m in landed} == digests
        assert message_types(first.ticket_id) == ["Create", "Correspond", "Comment", "Comment"]
        _rest_items = _rest("/transactions", query=f"ObjectId = {first.ticket_id} AND ObjectType = 'RT::Ticket'",
                            fields="CustomFields", per_page=100)["items"]
        assert not [cf for t in _rest_items for cf in t.get("CustomFields") or [] if cf["name"] == step]
    finally:
        bot.close()
    cold = _fresh_desk(fresh_fields)  # no cache: every retry takes the search, which reads the ticket field
    try:
        for d in (public, draft(2, thread)):
            again = cold.upsert(d)
            assert (again.ticket_id, again.commented) == (first.ticket_id, False)
        assert message_types(first.ticket_id) == ["Create", "Correspond", "Comment", "Comment"]
    finally:
        cold.close()


def test_ticket_field_markers_are_replaced_whole_so_writers_share_the_thread_lock(
        rt_ready: None, fresh_fields: tuple[str, str], redis_url: str) -> None:
    """RT replaces a multi-value field with the list it is sent (RT::REST2::Util::update_custom_fields):
    two writes from one stale view keep one marker. Workers therefore write a thread's tickets under
    its lock and read the list fresh: concurrent deliveries from two workers all stay exactly-once."""
    marker = fresh_fields[1]
    desk = _fresh_desk(fresh_fields)
    try:
        setup_rt(desk, QUEUES)
        thread = new_thread()
        first = desk.upsert(draft(1, thread))
        [stale] = desk.find_by_thread(thread)
        for n in (2, 3):  # what two writers without a common lock would do
            d = draft(n, thread)
            desk._write_steps(d, dict(stale, cf=dict(stale["cf"])), comment_steps(d))
        assert len(ticket_markers(first.ticket_id, marker)) == 2  # one of the two markers was erased
    finally:
        desk.close()
    workers = [_fresh_desk(fresh_fields) for _ in range(2)]  # two workers: one Redis, so one lock and cache
    client = redis.Redis.from_url(redis_url)
    tag = uuid.uuid4().hex
    for worker in workers:
        worker.lock = redis_thread_lock(client, prefix=f"rm:test:rtlock:{tag}")
        worker.cache = RedisTicketCache(client, f"rm:test:rt:{tag}")
    thread = new_thread()
    start = workers[0].upsert(draft(0, thread))
    errors: list[BaseException] = []

    def deliver(worker: RTHelpdesk, numbers: range) -> None:
        try:
            for n in numbers:
                worker.upsert(draft(n, thread))
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)

    runners = [threading.Thread(target=deliver, args=(w, range(1 + i, 9, 2))) for i, w in enumerate(workers)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join(timeout=300)
    assert errors == []
    try:
        landed = ticket_markers(start.ticket_id, marker)
        assert sorted(landed) == sorted(f"n:{delivery_digest(draft(n, thread).delivery_id)}" for n in range(9))
        before = history(start.ticket_id)
        for n in range(9):  # every retry finds its marker: nothing written twice
            assert workers[n % 2].upsert(draft(n, thread)).commented is False
        assert history(start.ticket_id) == before
        assert message_types(start.ticket_id).count("Comment") == 9
    finally:
        for worker in workers:
            worker.close()


def test_cli_setup_then_check_on_rt_as_a_user_runs_them(rt_ready: None, clean_env: None, tmp_path: Path) -> None:
    """`rootmail helpdesk setup` then `rootmail helpdesk check`: exit 0 with nothing required by hand;
    the queues without the transaction field are named as an optional administrator's step."""
    from click.testing import CliRunner

    from rootmail.cli import main

    env = {"ROOTMAIL_DATA_DIR": str(tmp_path / "data"), "ROOTMAIL_HELPDESK": "rt", "ROOTMAIL_RT_URL": RT_URL,
           "ROOTMAIL_RT_TOKEN": RT_TOKEN, "ROOTMAIL_LOG_LEVEL": "WARNING"}
    runner = CliRunner()
    setup = runner.invoke(main, ["helpdesk", "setup"], env=env)
    assert setup.exit_code == 0, setup.output
    lines = setup.output.splitlines()
    assert any(line.startswith("done: custom field 'Rootmail Delivery'") for line in lines)
    assert not any(line.startswith("by hand:") for line in lines)
    optional = [line for line in lines if line.startswith("optional, by hand:")]
    # rt_ready applied Rootmail Step to General and triage only: the shipped rules' other queues remain
    assert len(optional) == 1 and "'security-triage'" in optional[0] and "'triage'" not in optional[0]
    assert lines[-1] == "helpdesk rt: ready"
    check = runner.invoke(main, ["helpdesk", "check"], env=env)
    assert check.exit_code == 0, check.output
    assert check.output.startswith("helpdesk rt: ready")
    bot = runner.invoke(main, ["helpdesk", "check"], env=env | {"ROOTMAIL_RT_TOKEN": bot_token()})
    assert bot.exit_code == 0, bot.output


def test_ticket_field_markers_catch_a_delivery_the_cache_never_saw(rt_ready: None, fresh_fields: tuple[str, str],
                                                                    redis_url: str) -> None:
    """A delivery that landed while the shared cache knew nothing of it (Redis lost, a worker from
    another installation): the cached path reads the ticket's markers with the ticket and writes
    nothing twice."""
    cached = _fresh_desk(fresh_fields, redis_url=redis_url)
    cold = _fresh_desk(fresh_fields)
    try:
        setup_rt(cached, QUEUES)
        thread = new_thread()
        first = cached.upsert(draft(1, thread))  # the cache now names the thread's ticket
        assert cold.upsert(draft(2, thread)).commented  # written where the cache did not see it
        again = cached.upsert(draft(2, thread))
        assert (again.ticket_id, again.commented) == (first.ticket_id, False)
        assert message_types(first.ticket_id) == ["Create", "Comment", "Comment"]
    finally:
        cached.close()
        cold.close()
