"""ZendeskHelpdesk against the local Zendesk server (a real HTTP server on 127.0.0.1)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import nullcontext
from pathlib import Path
from typing import Any

import httpx
import pytest
import redis
from pydantic import SecretStr, ValidationError

from rootmail.settings import Settings
from rootmail.wiring import make_helpdesk
from routing.directory import Directory, DirectoryError, dump_directory, merge_directories, parse_directory
from routing.types import Customer
from tests.fakes.zendesk_server import FakeZendesk, Faults
from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.errors import PermanentError, TransientError
from ticketing.helpdesk.cache import RedisTicketCache
from ticketing.helpdesk.http import HelpdeskPermanentError, HelpdeskTransientError, OutOfTime, RetryPolicy
from ticketing.helpdesk.zendesk import ZendeskHelpdesk, marker_tag
from ticketing.helpdesk.zendesk_directory import warm_ids
from ticketing.ratelimit import LocalTokenBucket
from ticketing.threads import redis_thread_lock

FIELDS = {"aws_account_id": 9001, "notice_type": 9002, "deadline": 9003, "authenticity": 9004}


def make_draft(n: int = 1, thread: str = "health:111122223333:abc", **over: Any) -> TicketDraft:
    values: dict[str, Any] = {
        "thread_key": thread,
        "delivery_id": hashlib.sha256(f"delivery-{thread}-{n}".encode()).hexdigest()[:32],
        "subject": f"AWS Health Event {n}",
        "body": f"Notice: health.maintenance\n---\nmessage number {n}",
        "message_id": f"<m{n}@amazon.com>",
        "customer_id": "acme",
        "customer_name": "Acme Corp",
        "customer_contacts": ("ops@acme.example", "finance@acme.example"),
        "aws_account_id": "111122223333",
        "account_name": "acme-prod",
        "notice_type": "health.maintenance",
        "severity": "high",
        "fields": {"aws_account_id": "111122223333", "notice_type": "health.maintenance",
                   "deadline": "2026-01-31", "authenticity": "pass"},
        "tags": ("rootmail", "notice_health_maintenance"),
        "attachments": (DraftAttachment(f"key{n}.eml", "message/rfc822", b"From: x\r\n\r\nraw " + str(n).encode()),),
    }
    values.update(over)
    return TicketDraft(**values)


class RecordingSleep:
    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def zd() -> Iterator[FakeZendesk]:
    with FakeZendesk(known_field_ids=set(FIELDS.values())) as server:
        yield server


def client(zd: FakeZendesk, **kw: Any) -> ZendeskHelpdesk:
    kw.setdefault("retry", RetryPolicy(attempts=3, backoff=0.0))
    kw.setdefault("sleep", RecordingSleep())
    return ZendeskHelpdesk(zd.url, zd.email, SecretStr(zd.token), field_ids=FIELDS, **kw)


def agent_sets_status(zd: FakeZendesk, ticket_id: str, status: str) -> None:
    """An agent changes the status in Zendesk: like every change, it moves ``updated_at``."""
    zd.set_status(ticket_id, status)
    zd.touch(ticket_id)


def tagged(zd: FakeZendesk, ticket_id: str) -> list[dict[str, Any]]:
    return zd.comments(ticket_id)


def test_create_sets_external_id_organization_fields_tags_and_internal_eml(zd: FakeZendesk) -> None:
    desk = client(zd)
    ref = desk.upsert(make_draft(1))
    assert ref.created and ref.commented
    [ticket] = zd.tickets()
    assert ticket["external_id"] == "health:111122223333:abc"
    assert ticket["priority"] == "high"
    org = zd.state.organizations[ticket["organization_id"]]
    assert (org["external_id"], org["name"]) == ("acme", "Acme Corp")
    assert {f["id"]: f["value"] for f in ticket["custom_fields"]} == {
        9001: "111122223333", 9002: "health.maintenance", 9003: "2026-01-31", 9004: "pass"}
    assert "notice_health_maintenance" in ticket["tags"]
    assert marker_tag("n", make_draft(1).delivery_id) in ticket["tags"]
    [comment] = zd.comments(ref.ticket_id)
    assert comment["public"] is False
    assert "message number 1" in comment["body"]
    # the original is named, not uploaded (one request fewer per message)
    assert comment["attachments"] == [] and "rootmail message show key1;" in comment["body"]
    assert zd.requests("POST", "/api/v2/uploads") == []
    # internal-only ticket: the requester is the customer's placeholder (no e-mail: nobody is
    # mailed), a member of the organization, so Zendesk keeps the organization link
    placeholder = zd.state.users[ticket["requester_id"]]
    assert placeholder["email"] is None and placeholder["organization_id"] == ticket["organization_id"]
    assert placeholder["external_id"] == "rootmail-customer:acme"
    assert zd.state.deliveries == [] and zd.state.verification_mails == []
    assert any(key.startswith("rootmail-") for key in zd.state.idempotency)


def test_public_draft_has_customer_requester_ccs_and_only_the_redacted_text_public(zd: FakeZendesk) -> None:
    desk = client(zd)
    draft = make_draft(1, visibility="customer", public_body="AWS will restart i-123 (redacted rendering)")
    ref = desk.upsert(draft)
    [ticket] = zd.tickets()
    users = {u["id"]: u for u in zd.state.users.values() if u["id"] != zd.agent_id}
    assert users[ticket["requester_id"]]["email"] == "ops@acme.example"
    assert [users[u]["email"] for u in ticket["email_cc_ids"]] == ["finance@acme.example"]
    assert all(u["organization_id"] == ticket["organization_id"] for u in users.values())
    assert ticket["organization_id"] is not None
    assert zd.delivered_to(ref.ticket_id) == {"ops@acme.example", "finance@acme.example"}
    assert zd.state.verification_mails == []  # new users are created with skip_verify_email
    public, note = zd.comments(ref.ticket_id)
    assert public["public"] is True and public["body"] == "AWS will restart i-123 (redacted rendering)"
    assert public["attachments"] == []
    assert note["public"] is False and "message number 1" in note["body"]
    assert "rootmail message show key1;" in note["body"]


def test_original_uploaded_on_the_note_when_not_linked(zd: FakeZendesk) -> None:
    ref = client(zd, link_originals=False).upsert(make_draft(1))
    [comment] = zd.comments(ref.ticket_id)
    assert [a["file_name"] for a in comment["attachments"]] == ["key1.eml"]
    assert "rootmail message show" not in comment["body"]


def test_second_message_of_the_thread_comments_on_the_same_ticket(zd: FakeZendesk) -> None:
    desk = client(zd)
    first = desk.upsert(make_draft(1))
    second = desk.upsert(make_draft(2))
    assert second.ticket_id == first.ticket_id and not second.created and second.commented
    assert len(zd.tickets()) == 1
    assert len(zd.comments(first.ticket_id)) == 2


def test_same_delivery_twice_adds_nothing(zd: FakeZendesk) -> None:
    desk = client(zd)
    desk.upsert(make_draft(1))
    writes_before = len(zd.requests("PUT")) + len(zd.requests("POST"))
    again = desk.upsert(make_draft(1))
    assert (again.created, again.commented) == (False, False)
    assert len(zd.comments(again.ticket_id)) == 1
    assert len(zd.requests("PUT")) + len(zd.requests("POST")) == writes_before


def test_secret_bearing_type_never_uploads_the_original(zd: FakeZendesk) -> None:
    desk = client(zd)
    ref = desk.upsert(make_draft(1, secret=True, notice_type="credentials.password_reset"))
    [comment] = zd.comments(ref.ticket_id)
    assert comment["attachments"] == []
    assert "not attached" in comment["body"]
    assert zd.requests("POST", "/api/v2/uploads") == []


def test_different_threads_never_share_a_ticket(zd: FakeZendesk) -> None:
    desk = client(zd)
    a = desk.upsert(make_draft(1, thread="health:111122223333:x"))
    b = desk.upsert(make_draft(1, thread="health:444455556666:x"))
    assert a.ticket_id != b.ticket_id


def test_lost_create_response_is_replayed_by_idempotency_key(zd: FakeZendesk) -> None:
    desk = client(zd)
    zd.fail_next("drop", method="POST", path="/api/v2/tickets")
    ref = desk.upsert(make_draft(1))
    assert ref.created
    assert len(zd.tickets()) == 1
    assert len(zd.comments(ref.ticket_id)) == 1
    posts = zd.requests("POST", "/api/v2/tickets")
    assert [p.fault for p in posts] == ["drop", None]  # the retry was answered from the stored response


def test_lost_update_response_then_task_retry_adds_no_second_comment(zd: FakeZendesk) -> None:
    desk = client(zd)
    desk.upsert(make_draft(1))
    zd.fail_next("drop", method="PUT")
    with pytest.raises(HelpdeskTransientError) as info:
        desk.upsert(make_draft(2))
    assert info.value.status is None  # no response: the outcome is unknown
    assert len(zd.requests("PUT")) == 1  # a PUT is never repeated by the transport
    ref = desk.upsert(make_draft(2))  # what the Celery retry does
    assert (ref.created, ref.commented) == (False, False)
    assert len(zd.comments(ref.ticket_id)) == 2


def test_timeout_after_commit_is_transient_and_retry_does_not_duplicate(zd: FakeZendesk) -> None:
    zd.faults.slow_delay = 1.0
    desk = client(zd, timeout=httpx.Timeout(0.3))
    desk.upsert(make_draft(1))
    zd.fail_next("slow", method="PUT")
    with pytest.raises(TransientError, match="timeout"):
        desk.upsert(make_draft(2))
    ref = desk.upsert(make_draft(2))
    assert len(zd.comments(ref.ticket_id)) == 2


def test_429_retry_after_is_honoured_for_reads(zd: FakeZendesk) -> None:
    sleep = RecordingSleep()
    zd.faults.retry_after = 7
    desk = client(zd, sleep=sleep)
    zd.fail_next("429", method="GET")
    ref = desk.upsert(make_draft(1))
    assert ref.created
    assert sleep.calls == [7.0]


def test_429_on_a_write_goes_up_with_retry_after(zd: FakeZendesk) -> None:
    zd.faults.retry_after = 3
    desk = client(zd)
    desk.upsert(make_draft(1))
    zd.fail_next("429", method="PUT")
    with pytest.raises(TransientError) as info:
        desk.upsert(make_draft(2))
    assert info.value.retry_after == 3.0


def test_500_is_transient_with_status_and_request_id(zd: FakeZendesk) -> None:
    desk = client(zd)
    desk.upsert(make_draft(1))
    zd.fail_next("500", method="PUT")
    with pytest.raises(HelpdeskTransientError) as info:
        desk.upsert(make_draft(2))
    assert info.value.status == 500
    assert info.value.request_id
    assert "InternalError" in str(info.value)


def test_other_4xx_is_permanent_with_the_response_error(zd: FakeZendesk) -> None:
    desk = ZendeskHelpdesk(zd.url, zd.email, SecretStr(zd.token), field_ids={"notice_type": 424242})
    with pytest.raises(PermanentError) as info:
        desk.upsert(make_draft(1))
    assert isinstance(info.value, HelpdeskPermanentError)
    assert info.value.status == 422
    assert "RecordInvalid" in str(info.value) and "424242" in str(info.value)
    assert len(zd.requests("POST", "/api/v2/tickets")) == 1


def test_bad_token_is_permanent_401_and_the_token_is_not_in_the_error(zd: FakeZendesk) -> None:
    desk = ZendeskHelpdesk(zd.url, zd.email, SecretStr("wrong-secret-value"))
    with pytest.raises(HelpdeskPermanentError) as info:
        desk.upsert(make_draft(1))
    assert info.value.status == 401
    assert "wrong-secret-value" not in str(info.value)


def test_follow_up_to_closed_ticket_opens_a_linked_ticket(zd: FakeZendesk) -> None:
    desk = client(zd)
    first = desk.upsert(make_draft(1))
    agent_sets_status(zd, first.ticket_id, "closed")
    second = desk.upsert(make_draft(2))
    assert second.created and second.ticket_id != first.ticket_id
    new = next(t for t in zd.tickets() if str(t["id"]) == second.ticket_id)
    assert new["via_followup_source_id"] == int(first.ticket_id)
    assert new["external_id"] == make_draft(2).thread_key
    third = desk.upsert(make_draft(3))  # lands on the follow-up, not on the closed one
    assert third.ticket_id == second.ticket_id and not third.created


def test_follow_up_to_solved_ticket_opens_new_unless_rule_says_reopen(zd: FakeZendesk) -> None:
    desk = client(zd)
    first = desk.upsert(make_draft(1))
    agent_sets_status(zd, first.ticket_id, "solved")
    reopened = desk.upsert(make_draft(2, reopen=True))
    assert reopened.ticket_id == first.ticket_id
    assert zd.state.tickets[int(first.ticket_id)]["status"] == "open"
    agent_sets_status(zd, first.ticket_id, "solved")
    linked = desk.upsert(make_draft(3))
    assert linked.created and linked.ticket_id != first.ticket_id
    new = zd.state.tickets[int(linked.ticket_id)]
    assert f"rootmail_followup_of_{first.ticket_id}" in new["tags"]


def test_concurrent_deliveries_of_one_thread_make_one_ticket_even_without_a_lock(zd: FakeZendesk) -> None:
    zd.faults.latency = 0.01
    desk = client(zd, lock=lambda key: nullcontext())  # the Idempotency-Key alone must suffice
    refs: list[str] = []
    errors: list[BaseException] = []

    def deliver(n: int) -> None:
        for _ in range(5):  # what the task's retries would do
            try:
                refs.append(desk.upsert(make_draft(n)).ticket_id)
                return
            except TransientError as exc:
                errors.append(exc)
        raise AssertionError("delivery never landed")

    threads = [threading.Thread(target=deliver, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert len(zd.tickets()) == 1
    assert len(refs) == 8 and len(set(refs)) == 1
    assert len(zd.comments(refs[0])) == 8


def test_comment_and_ticket_listing_follow_pagination() -> None:
    with FakeZendesk(page_size_max=2) as zd:
        desk = client(zd)
        for n in range(5):
            ref = desk.upsert(make_draft(n))
        ticket = desk.get_ticket(ref.ticket_id)
        assert ticket is not None and ticket["comment_count"] == 5
        assert [c["body"].split("\n")[2] for c in ticket["comments"]] == [
            f"message number {n}" for n in range(5)]
        assert len(zd.requests("GET", f"/api/v2/tickets/{ref.ticket_id}/comments")) == 3
        for _ in range(3):  # three closed generations of the thread: listing spans two pages
            agent_sets_status(zd, ref.ticket_id, "closed")
            ref = desk.upsert(make_draft(100 + int(ref.ticket_id)))
        assert len(desk.find_by_thread(make_draft(1).thread_key)) == 4


def test_fake_search_finds_tickets_by_external_id(zd: FakeZendesk) -> None:
    desk = client(zd)
    desk.upsert(make_draft(1, thread="a:1:x"))
    desk.upsert(make_draft(1, thread="b:1:y"))
    response = httpx.get(f"{zd.url}/api/v2/search.json", params={"query": "type:ticket external_id:b:1:y"},
                         auth=(f"{zd.email}/token", zd.token))
    results = response.json()["results"]
    assert [r["external_id"] for r in results] == ["b:1:y"]
    assert results[0]["result_type"] == "ticket"


def test_rate_limit_429_from_server_pauses_the_shared_limiter(zd: FakeZendesk) -> None:
    from ticketing.ratelimit import LocalTokenBucket

    clock = [0.0]
    sleeps = RecordingSleep()
    limiter = LocalTokenBucket(6000, clock=lambda: clock[0], sleep=sleeps)
    zd.faults.retry_after = 2
    desk = client(zd, limiter=limiter, sleep=sleeps)
    zd.fail_next("429", method="GET")
    desk.upsert(make_draft(1))
    # the 429's Retry-After reached the limiter: the next request waited for it
    assert limiter.blocked_until == 2.0
    assert any(abs(s - 2.0) < 0.05 for s in sleeps.calls)


# ---------------------------------------------------------------------- documented constraints


def _put(zd: FakeZendesk, ticket_id: str, ticket: dict[str, Any]) -> httpx.Response:
    return httpx.put(f"{zd.url}/api/v2/tickets/{ticket_id}.json", json={"ticket": ticket},
                     auth=(f"{zd.email}/token", zd.token))


def test_fake_single_update_tags_replace_and_additional_tags_is_ignored(zd: FakeZendesk) -> None:
    ref = client(zd).upsert(make_draft(1))
    before = zd.state.tickets[int(ref.ticket_id)]["tags"]
    assert _put(zd, ref.ticket_id, {"additional_tags": ["extra"]}).status_code == 200
    assert zd.state.tickets[int(ref.ticket_id)]["tags"] == before
    assert _put(zd, ref.ticket_id, {"tags": ["only"]}).status_code == 200
    assert zd.state.tickets[int(ref.ticket_id)]["tags"] == ["only"]


def test_fake_safe_update_with_a_stale_stamp_is_409(zd: FakeZendesk) -> None:
    ref = client(zd).upsert(make_draft(1))
    stamp = zd.state.tickets[int(ref.ticket_id)]["updated_at"]
    zd.touch(ref.ticket_id)
    response = _put(zd, ref.ticket_id, {"tags": ["x"], "safe_update": True, "updated_stamp": stamp})
    assert response.status_code == 409 and response.json()["error"] == "UpdateConflict"
    assert "x" not in zd.state.tickets[int(ref.ticket_id)]["tags"]


def test_marker_survives_a_concurrent_tag_change_through_safe_update(zd: FakeZendesk) -> None:
    desk = client(zd, link_originals=False)
    first = desk.upsert(make_draft(1))
    ticket = zd.state.tickets[int(first.ticket_id)]

    def agent_tags() -> None:  # an agent (or another writer) changes the tags after we read them
        with zd.lock:
            ticket["tags"] = sorted({*ticket["tags"], "agent_tag"})
            zd._bump(ticket)

    zd.after_next("POST", "/api/v2/uploads", agent_tags)  # between our read and our PUT
    second = desk.upsert(make_draft(2))
    assert second.commented and second.ticket_id == first.ticket_id
    tags = set(zd.state.tickets[int(first.ticket_id)]["tags"])
    assert {"agent_tag", marker_tag("n", make_draft(1).delivery_id), marker_tag("n", make_draft(2).delivery_id)} <= tags
    assert [r.status for r in zd.requests("PUT")] == [409, 200]
    assert len(zd.comments(first.ticket_id)) == 2
    again = desk.upsert(make_draft(2))
    assert (again.created, again.commented) == (False, False)


def test_hand_made_organization_is_adopted_by_name_not_duplicated(zd: FakeZendesk) -> None:
    org_id = zd.add_organization("Acme Corp")
    ref = client(zd).upsert(make_draft(1))
    assert zd.state.tickets[int(ref.ticket_id)]["organization_id"] == org_id
    assert [o["name"] for o in zd.state.organizations.values()] == ["Acme Corp"]
    assert zd.state.organizations[org_id]["external_id"] == "acme"
    # the fake enforces the unique name: the old create_or_update call would have failed
    response = httpx.post(f"{zd.url}/api/v2/organizations/create_or_update.json",
                          json={"organization": {"name": "acme corp", "external_id": "other"}},
                          auth=(f"{zd.email}/token", zd.token))
    assert response.status_code == 422 and "DuplicateValue" in response.text


def test_organization_named_in_the_directory_is_used(zd: FakeZendesk) -> None:
    org_id = zd.add_organization("ACME (legal name)")
    desk = client(zd, organization_ids={"acme": org_id})
    ref = desk.upsert(make_draft(1))
    assert zd.state.tickets[int(ref.ticket_id)]["organization_id"] == org_id
    assert len(zd.state.organizations) == 1
    assert zd.requests("GET", "/api/v2/organizations") == []


def test_foreign_organization_with_the_same_name_is_a_clear_permanent_error(zd: FakeZendesk) -> None:
    zd.add_organization("Acme Corp", external_id="crm-42")
    with pytest.raises(PermanentError, match="zendesk_organization_id"):
        client(zd).upsert(make_draft(1))


def test_existing_users_are_never_renamed_demoted_or_moved(zd: FakeZendesk) -> None:
    other_org = zd.add_organization("Somewhere Else")
    agent = zd.add_user("ops@acme.example", "Olivia Ops", role="agent")
    named = zd.add_user("finance@acme.example", "Fiona Finance", organization_id=other_org)
    draft = make_draft(1, visibility="customer", public_body="redacted", customer_contacts=(
        "ops@acme.example", "finance@acme.example", "Nina New <new@acme.example>"))
    ref = client(zd).upsert(draft)
    assert zd.state.user_changes == []
    assert (zd.state.users[agent]["name"], zd.state.users[agent]["role"]) == ("Olivia Ops", "agent")
    assert zd.state.users[named]["organization_id"] == other_org
    new = next(u for u in zd.state.users.values() if u["email"] == "new@acme.example")
    assert new["name"] == "Nina New" and new["role"] == "end-user"
    ticket = zd.state.tickets[int(ref.ticket_id)]
    # the only contact who is a member of the organization is the requester; the others are CCs
    assert ticket["requester_id"] == new["id"] and ticket["organization_id"] == new["organization_id"]
    assert set(ticket["email_cc_ids"]) == {agent, named}
    assert zd.delivered_to(ref.ticket_id) == {"ops@acme.example", "finance@acme.example", "new@acme.example"}
    assert zd.state.verification_mails == []


def test_customer_visible_comment_on_a_ticket_opened_internal_reaches_the_customer(zd: FakeZendesk) -> None:
    desk = client(zd)
    first = desk.upsert(make_draft(1))
    assert zd.delivered_to(first.ticket_id) == set()
    second = desk.upsert(make_draft(2, visibility="customer", public_body="AWS will restart i-123"))
    assert second.ticket_id == first.ticket_id
    ticket = zd.state.tickets[int(first.ticket_id)]
    assert zd.state.users[ticket["requester_id"]]["email"] == "ops@acme.example"
    assert ticket["organization_id"] is not None
    assert zd.delivered_to(first.ticket_id) == {"ops@acme.example", "finance@acme.example"}
    assert len(zd.requests("PUT")) == 2  # public comment (+ requester, CCs), then note 2


def test_per_ticket_429_pauses_that_ticket_only() -> None:
    from ticketing.ratelimit import LocalTokenBucket

    with FakeZendesk(ticket_update_limit=2, ticket_update_window=600) as zd:
        limiter = LocalTokenBucket(6000)
        desk = client(zd, limiter=limiter)
        desk.upsert(make_draft(1))
        desk.upsert(make_draft(2))
        desk.upsert(make_draft(3))
        with pytest.raises(TransientError) as info:
            desk.upsert(make_draft(4))
        assert info.value.retry_after is not None and 500 < info.value.retry_after <= 600
        assert limiter.blocked_until == 0.0  # the shared limiter (every worker) is not paused
        other = desk.upsert(make_draft(1, thread="health:111122223333:other"))
        assert other.created


def test_comments_are_html_escaped_with_explicit_links(zd: FakeZendesk) -> None:
    text = "Header: x\n---\narn:aws:iam::1:role/my_role_name\n> quoted\n<b>not bold</b> https://aws.amazon.com/a_b?x=1&y=2."
    ref = client(zd).upsert(make_draft(1, body=text))
    [comment] = zd.comments(ref.ticket_id)
    assert "&lt;b&gt;not bold&lt;/b&gt;" in comment["html_body"]
    assert '<a href="https://aws.amazon.com/a_b?x=1&amp;y=2"' in comment["html_body"]
    assert "---<br>arn:aws:iam::1:role/my_role_name<br>&gt; quoted" in comment["html_body"]
    assert comment["body"].startswith(text)  # the plain text Zendesk shows is exactly ours


def test_due_rule_and_priority_reach_the_ticket(zd: FakeZendesk) -> None:
    desk = client(zd)
    ref = desk.upsert(make_draft(1, due="2026-02-01", rule="health-maintenance", severity="critical"))
    ticket = zd.state.tickets[int(ref.ticket_id)]
    assert (ticket["type"], ticket["due_at"]) == ("task", "2026-02-01T00:00:00Z")
    assert ticket["priority"] == "urgent"
    assert "rule_health-maintenance" in ticket["tags"]
    desk.upsert(make_draft(2, due="2026-01-15T09:00:00Z", rule="health-maintenance"))
    assert zd.state.tickets[int(ref.ticket_id)]["due_at"] == "2026-01-15T09:00:00Z"
    assert zd.state.tickets[int(ref.ticket_id)]["priority"] == "urgent"  # never lowered


def test_rule_reopen_due_and_name_reach_the_draft() -> None:
    from datetime import UTC, datetime

    from ingest.envelope import Envelope
    from ingest.store import StoredMessage
    from routing.parse import parse_mail
    from routing.rules import decide, parse_rules
    from routing.types import AuthVerdict, Notice, Recipient
    from ticketing.pipeline import build_draft

    rules = parse_rules("rules:\n  - name: keep-one-ticket\n    match: {}\n    reopen: true\n    due: 3d\n")
    raw = (b"From: AWS <no-reply@amazon.com>\r\nTo: root@example.com\r\nSubject: hello\r\n"
           b"Date: Mon, 05 Jan 2026 10:00:00 +0000\r\nMessage-ID: <x@amazon.com>\r\n\r\nbody\r\n")
    parsed = parse_mail(raw)
    recipient = Recipient("root@example.com", None, None)
    route = decide(rules, parsed, Notice(), AuthVerdict(), recipient, now=datetime(2026, 1, 5, tzinfo=UTC)).route
    assert (route.rule, route.reopen, route.due) == ("keep-one-ticket", True, "2026-01-08T10:00:00Z")
    stored = StoredMessage("k1", Envelope("no-reply@amazon.com", ("root@example.com",)), raw)
    draft = build_draft(stored, parsed, recipient, Notice(), AuthVerdict(), route)
    assert (draft.rule, draft.reopen, draft.due) == ("keep-one-ticket", True, "2026-01-08T10:00:00Z")


# ---------------------------------------------------------------------- helpdesk check / setup


def _cli(zd: FakeZendesk, *args: str, **env: str) -> Any:
    from click.testing import CliRunner

    from rootmail.cli import main

    base = {"ROOTMAIL_HELPDESK": "zendesk", "ROOTMAIL_ZENDESK_URL": zd.url, "ROOTMAIL_ZENDESK_EMAIL": zd.email,
            "ROOTMAIL_ZENDESK_TOKEN": zd.token, "ROOTMAIL_LOG_LEVEL": "error"}
    return CliRunner().invoke(main, ["helpdesk", *args], env=base | env)


def test_check_passes_on_a_ready_account_and_names_each_problem_with_its_fix(zd: FakeZendesk,
                                                                           clean_env: None) -> None:
    ready = _cli(zd, "check", ROOTMAIL_ZENDESK_FIELD_AWS_ACCOUNT="9001")
    assert ready.exit_code == 0, ready.output
    assert "helpdesk zendesk: ready" in ready.output
    bad = _cli(zd, "check", ROOTMAIL_ZENDESK_FIELD_NOTICE_TYPE="424242", ROOTMAIL_ZENDESK_RATE_LIMIT="900")
    assert bad.exit_code == 1
    assert "ROOTMAIL_ZENDESK_FIELD_NOTICE_TYPE=424242 is not a ticket field" in bad.output
    assert "ROOTMAIL_ZENDESK_RATE_LIMIT=900 is above the account's 700" in bad.output
    assert bad.output.count("fix: ") == 2
    token = _cli(zd, "check", ROOTMAIL_ZENDESK_TOKEN="wrong-secret-value")
    assert token.exit_code == 1 and "refused rootmail's credentials (HTTP 401)" in token.output
    assert "wrong-secret-value" not in token.output


def test_serve_and_worker_refuse_a_zendesk_field_that_does_not_exist(zd: FakeZendesk, clean_env: None,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from rootmail.commands.helpdesk import refuse_unready_helpdesk
    from rootmail.errors import UsageProblem
    from rootmail.settings import Settings

    for key, value in {"ROOTMAIL_HELPDESK": "zendesk", "ROOTMAIL_ZENDESK_URL": zd.url,
                       "ROOTMAIL_ZENDESK_EMAIL": zd.email, "ROOTMAIL_ZENDESK_TOKEN": zd.token,
                       "ROOTMAIL_ZENDESK_RATE_LIMIT": "5000"}.items():
        monkeypatch.setenv(key, value)
    refuse_unready_helpdesk(Settings())  # a rate limit above the account's only warns
    monkeypatch.setenv("ROOTMAIL_ZENDESK_FIELD_DEADLINE", "31337")
    with pytest.raises(UsageProblem, match="ROOTMAIL_ZENDESK_FIELD_DEADLINE=31337 is not a ticket field"):
        refuse_unready_helpdesk(Settings())
    monkeypatch.setenv("ROOTMAIL_ZENDESK_URL", "http://127.0.0.1:9")  # down: starts, mail is retried later
    refuse_unready_helpdesk(Settings())


def test_setup_creates_the_ticket_fields_once_and_prints_their_settings(zd: FakeZendesk, clean_env: None) -> None:
    first = _cli(zd, "setup", "--create-fields")
    assert first.exit_code == 0, first.output
    created = dict(line.removeprefix("set: ").split("=") for line in first.output.splitlines()
                   if line.startswith("set: "))
    assert set(created) == {"ROOTMAIL_ZENDESK_FIELD_AWS_ACCOUNT", "ROOTMAIL_ZENDESK_FIELD_NOTICE_TYPE",
                            "ROOTMAIL_ZENDESK_FIELD_DEADLINE", "ROOTMAIL_ZENDESK_FIELD_AUTHENTICITY"}
    fields_before = len(zd.state.ticket_fields)
    again = _cli(zd, "setup", "--create-fields")
    assert again.exit_code == 0 and len(zd.state.ticket_fields) == fields_before
    assert dict(line.removeprefix("set: ").split("=") for line in again.output.splitlines()
                if line.startswith("set: ")) == created
    assert _cli(zd, "check", **created).exit_code == 0
    kinds = {f["title"]: f["type"] for f in zd.state.ticket_fields.values()}
    assert kinds["AWS action deadline"] == "date"


# ---------------------------------------------------------------------- about one request per message


def redis_desk(zd: FakeZendesk, redis_url: str, **kw: Any) -> ZendeskHelpdesk:
    return client(zd, cache=RedisTicketCache(redis.Redis.from_url(redis_url), "rm:test:zd"), **kw)


def test_requests_per_message_new_internal_thread_two_follow_up_one(zd: FakeZendesk, redis_url: str) -> None:
    # the directory sync (or the worker's start) resolved the customer's ids: no message warm-up
    warmed = warm_ids(redis_desk(zd, redis_url), [Customer("acme", "Acme Corp", ("ops@acme.example",))], seconds=10)
    assert (warmed.warmed, warmed.failed) == (1, {})
    desk = redis_desk(zd, redis_url)  # another worker: organization and placeholder ids come from Redis
    before = len(zd.log)
    desk.upsert(make_draft(1))
    assert [(r.method, r.path) for r in zd.log[before:]] == [
        ("GET", "/api/v2/tickets.json"), ("POST", "/api/v2/tickets.json")]
    before = len(zd.log)
    for n in range(2, 7):
        ref = desk.upsert(make_draft(n))
    assert [(r.method, r.path) for r in zd.log[before:]] == [("PUT", f"/api/v2/tickets/{ref.ticket_id}.json")] * 5
    assert len(zd.comments(ref.ticket_id)) == 6
    before = len(zd.log)
    again = desk.upsert(make_draft(4))  # done in the cache: no request at all
    assert (again.ticket_id, again.commented, len(zd.log)) == (ref.ticket_id, False, before)


def test_pending_left_by_a_lost_answer_takes_the_full_path(zd: FakeZendesk, redis_url: str) -> None:
    desk = redis_desk(zd, redis_url)
    first = desk.upsert(make_draft(1))
    zd.fail_next("drop", method="PUT")  # the comment lands, the answer is lost
    with pytest.raises(TransientError):
        desk.upsert(make_draft(2))
    before = len(zd.log)
    again = redis_desk(zd, redis_url).upsert(make_draft(2))  # the retry, on another worker
    assert again.ticket_id == first.ticket_id and not again.commented
    assert [r.method for r in zd.log[before:]] == ["GET"]  # listed the thread, found the marker
    assert len(zd.comments(first.ticket_id)) == 2


def test_stale_cache_is_a_conflict_and_a_re_read_never_a_lost_marker(zd: FakeZendesk, redis_url: str) -> None:
    desk = redis_desk(zd, redis_url)
    first = desk.upsert(make_draft(1))
    ticket = zd.state.tickets[int(first.ticket_id)]
    with zd.lock:  # an agent tags the ticket: our cached tag list is stale
        ticket["tags"] = sorted({*ticket["tags"], "agent_tag"})
        zd._bump(ticket)
    desk.upsert(make_draft(2))
    tags = set(zd.state.tickets[int(first.ticket_id)]["tags"])
    assert {"agent_tag", marker_tag("n", make_draft(1).delivery_id), marker_tag("n", make_draft(2).delivery_id)} <= tags
    assert [r.status for r in zd.requests("PUT")] == [409, 200]


def test_cached_ticket_gone_or_solved_takes_the_full_path(zd: FakeZendesk, redis_url: str) -> None:
    desk = redis_desk(zd, redis_url)
    first = desk.upsert(make_draft(1))
    agent_sets_status(zd, first.ticket_id, "solved")
    follow_up = desk.upsert(make_draft(2))  # 409, re-read: solved → a follow-up ticket
    assert follow_up.created and follow_up.ticket_id != first.ticket_id
    with zd.lock:  # hours later (creation keys expired) an agent deletes it: the cached id answers 404
        del zd.state.tickets[int(follow_up.ticket_id)]
        zd.state.idempotency.clear()
    third = desk.upsert(make_draft(3))
    assert third.created and third.ticket_id not in (first.ticket_id, follow_up.ticket_id)
    assert len(zd.comments(third.ticket_id)) == 1


# ---------------------------------------------------------------------- the directory's zendesk_organization_id

DIRECTORY = """\
customers:
  - id: acme
    name: Acme Corp
    zendesk_organization_id: {org}
  - id: globex
    name: Globex
accounts:
  - account_id: "111122223333"
    name: acme-prod
    customer: acme
    root_email: root-acme@roots.example.net
"""


def test_directory_zendesk_organization_id_parsed_dumped_and_merged() -> None:
    directory = parse_directory(DIRECTORY.format(org=4242), "dir.yaml")
    assert directory.zendesk_organization_ids == {"acme": 4242}
    again = parse_directory(dump_directory(directory), "snapshot.yaml", allow_unassigned=True)
    assert again.zendesk_organization_ids == {"acme": 4242}
    assert merge_directories(Directory(), directory).directory.zendesk_organization_ids == {"acme": 4242}


@pytest.mark.parametrize("bad", ["acme-org", "-3", "0", "true", "12.5"])
def test_directory_rejects_a_zendesk_organization_id_that_is_not_one(bad: str) -> None:
    with pytest.raises(DirectoryError, match=r"dir.yaml:\d+: zendesk_organization_id .* organization's URL"):
        parse_directory(DIRECTORY.format(org=bad), "dir.yaml")


def test_wired_client_links_tickets_to_the_directory_organization(
        zd: FakeZendesk, tmp_path: Path, clean_env: None, monkeypatch: pytest.MonkeyPatch) -> None:
    org_id = zd.add_organization("ACME (legal name)")
    path = tmp_path / "directory.yaml"
    path.write_text(DIRECTORY.format(org=org_id))
    for name, value in {"HELPDESK": "zendesk", "ZENDESK_URL": zd.url, "ZENDESK_EMAIL": zd.email,
                        "ZENDESK_TOKEN": zd.token, "DIRECTORY_FILE": str(path),
                        "DATA_DIR": str(tmp_path / "data")}.items():
        monkeypatch.setenv(f"ROOTMAIL_{name}", value)
    desk = make_helpdesk(Settings())
    assert isinstance(desk, ZendeskHelpdesk)
    try:
        ref = desk.upsert(make_draft(1))
    finally:
        desk.close()
    assert zd.state.tickets[int(ref.ticket_id)]["organization_id"] == org_id
    assert len(zd.state.organizations) == 1  # adopted by id: no organization named Acme Corp made


# ---------------------------------------------------------------------- time limits that add up


def test_settings_refuse_a_task_time_limit_the_helpdesk_waits_cannot_fit_in(clean_env: None) -> None:
    with pytest.raises(ValidationError, match=r"ROOTMAIL_TASK_TIME_LIMIT=20 leaves -2 s .*ROOTMAIL_DNS_TIMEOUT=3"):
        Settings(helpdesk="zendesk", task_time_limit=20)
    assert Settings(helpdesk="local", task_time_limit=0.2).helpdesk_budget() is not None  # local: no remote waits
    settings = Settings(helpdesk="zendesk", task_time_limit=60, dns_timeout=3)
    assert (settings.helpdesk_budget(), settings.thread_lock_wait()) == (38, 9.5)
    assert Settings(helpdesk="rt", task_time_limit=0).helpdesk_budget() is None


def test_rate_limiter_wait_beyond_the_budget_is_a_retry_not_a_sleep(zd: FakeZendesk) -> None:
    sleep = RecordingSleep()
    limiter = LocalTokenBucket(6, burst=1, sleep=sleep)  # one request per 10 s
    desk = client(zd, limiter=limiter, sleep=sleep, budget=3.0)
    with pytest.raises(OutOfTime, match="rate limiter's next slot") as caught:
        desk.upsert(make_draft(1))
    assert caught.value.retry_after is not None and caught.value.retry_after >= 9
    assert all(s < 3 for s in sleep.calls)


def test_slow_helpdesk_answer_is_cut_to_the_budget(clean_env: None) -> None:
    with FakeZendesk(faults=Faults(slow_rate=1.0, slow_delay=6.0)) as slow:
        desk = ZendeskHelpdesk(slow.url, slow.email, SecretStr(slow.token), budget=1.5,
                               timeout=httpx.Timeout(30.0), retry=RetryPolicy(attempts=3, backoff=0.0))
        started = time.monotonic()
        with pytest.raises(TransientError) as caught:
            desk.upsert(make_draft(1))
        desk.close()
    assert time.monotonic() - started < 3.0, "a 30 s timeout was not cut to the 1.5 s budget"
    assert caught.value.retry_after is not None or isinstance(caught.value, HelpdeskTransientError)


def test_thread_lock_wait_derived_from_the_limit_ends_in_a_retry(zd: FakeZendesk, redis_url: str,
                                                                 clean_env: None) -> None:
    settings = Settings(helpdesk="zendesk", task_time_limit=32, dns_timeout=0.5)  # budget 20 s, lock wait 5 s
    lock = redis_thread_lock(redis.Redis.from_url(redis_url), wait=settings.thread_lock_wait())
    desk = client(zd, lock=lock, budget=settings.helpdesk_budget())
    draft = make_draft(1)
    started = time.monotonic()
    with lock(draft.thread_key), pytest.raises(TransientError, match="locked") as caught:
        desk.upsert(draft)  # another delivery of the thread holds the lock
    assert 4.5 <= time.monotonic() - started < 8 and caught.value.retry_after


def test_requests_per_message_public_thread_three_public_follow_up_two(zd: FakeZendesk, redis_url: str) -> None:
    public = {"visibility": "customer", "public_body": "redacted"}
    redis_desk(zd, redis_url).upsert(make_draft(0, thread="health:111122223333:warm-up", **public))
    desk = redis_desk(zd, redis_url)
    before = len(zd.log)
    ref = desk.upsert(make_draft(1, **public))  # list, create with the public comment, PUT of the note
    assert [r.method for r in zd.log[before:]] == ["GET", "POST", "PUT"]
    before = len(zd.log)
    desk.upsert(make_draft(2, **public))  # the public comment, then the note
    assert [(r.method, r.path) for r in zd.log[before:]] == [("PUT", f"/api/v2/tickets/{ref.ticket_id}.json")] * 2
    assert zd.delivered_to(ref.ticket_id) == {"ops@acme.example", "finance@acme.example"}
