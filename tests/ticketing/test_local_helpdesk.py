"""The embedded SQLite helpdesk: threads, idempotent deliveries, closed tickets, concurrency."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from ticketing.draft import DraftAttachment, TicketDraft
from ticketing.helpdesk.local import LocalHelpdesk


def draft(thread: str, delivery: str, **extra: object) -> TicketDraft:
    return TicketDraft(thread_key=thread, delivery_id=delivery, subject=f"subject {thread}",
                       body=f"body of {delivery}", customer_id="acme", aws_account_id="111122223333",
                       attachments=(DraftAttachment("m.eml", "message/rfc822", b"raw bytes"),), **extra)  # type: ignore[arg-type]


def test_same_thread_lands_on_one_ticket_with_one_comment_per_delivery(tmp_path: Path) -> None:
    desk = LocalHelpdesk(tmp_path / "h.sqlite3")
    first = desk.upsert(draft("t1", "d1"))
    second = desk.upsert(draft("t1", "d2"))
    other = desk.upsert(draft("t2", "d3"))
    assert (first.created, second.created, other.created) == (True, False, True)
    assert first.ticket_id == second.ticket_id != other.ticket_id
    ticket = desk.get_ticket(first.ticket_id)
    assert ticket is not None
    assert [c["body"] for c in ticket["comments"]] == ["body of d1", "body of d2"]
    assert [a["size"] for a in ticket["attachments"]] == [9, 9]
    assert all(a["internal"] for a in ticket["attachments"])


def test_repeated_delivery_adds_nothing(tmp_path: Path) -> None:
    desk = LocalHelpdesk(tmp_path / "h.sqlite3")
    first = desk.upsert(draft("t1", "d1"))
    again = desk.upsert(draft("t1", "d1"))
    assert again.ticket_id == first.ticket_id
    assert (again.created, again.commented) == (False, False)
    assert desk.list_tickets()[0]["comment_count"] == 1


def test_follow_up_to_a_solved_ticket_opens_a_new_one(tmp_path: Path) -> None:
    desk = LocalHelpdesk(tmp_path / "h.sqlite3")
    first = desk.upsert(draft("t1", "d1"))
    desk.set_status(first.ticket_id, "solved")
    follow_up = desk.upsert(draft("t1", "d2"))
    assert follow_up.created and follow_up.ticket_id != first.ticket_id


def test_public_comment_only_when_customer_visible_with_public_body(tmp_path: Path) -> None:
    desk = LocalHelpdesk(tmp_path / "h.sqlite3")
    ref = desk.upsert(draft("t1", "d1", visibility="customer", public_body="redacted text"))
    desk.upsert(draft("t1", "d2", visibility="internal", public_body="never shown"))
    comments = desk.get_ticket(ref.ticket_id)["comments"]  # type: ignore[index]
    assert [(c["public"], c["body"]) for c in comments] == [(True, "redacted text"), (False, "body of d2")]


def _hammer(path: str, worker: int) -> None:
    desk = LocalHelpdesk(Path(path))
    for i in range(30):
        desk.upsert(draft(f"t{i % 5}", f"d{i}"))  # every process delivers the same 30 deliveries
    desk.close()


def test_concurrent_processes_never_duplicate(tmp_path: Path) -> None:
    path = str(tmp_path / "h.sqlite3")
    LocalHelpdesk(Path(path)).close()
    procs = [multiprocessing.get_context("fork").Process(target=_hammer, args=(path, n)) for n in range(4)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join(60)
        assert proc.exitcode == 0
    tickets = LocalHelpdesk(Path(path)).list_tickets()
    assert len(tickets) == 5
    assert sum(t["comment_count"] for t in tickets) == 30
