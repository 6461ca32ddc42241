"""The embedded helpdesk: tickets, comments and attachments in a SQLite database.

Safe for several worker processes: every upsert is one ``BEGIN IMMEDIATE`` transaction, and the
delivery id is UNIQUE, so a retried or duplicated delivery never adds a second comment or ticket.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from pathlib import Path
from typing import Any

from ticketing.draft import TicketDraft, TicketRef
from ticketing.errors import TransientError

SCHEMA = """
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    subject TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'new',
    priority TEXT NOT NULL DEFAULT 'normal',
    queue TEXT NOT NULL DEFAULT 'triage',
    customer TEXT,
    customer_name TEXT,
    requesters TEXT NOT NULL DEFAULT '[]',
    aws_account_id TEXT,
    account_name TEXT,
    notice_type TEXT NOT NULL DEFAULT 'unknown',
    visibility TEXT NOT NULL DEFAULT 'internal',
    fields TEXT NOT NULL DEFAULT '{}',
    tags TEXT NOT NULL DEFAULT '[]',
    thread_key TEXT NOT NULL,
    created_at REAL NOT NULL,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS tickets_thread ON tickets (thread_key, status);
CREATE TABLE IF NOT EXISTS comments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    delivery_id TEXT NOT NULL UNIQUE,
    message_id TEXT NOT NULL DEFAULT '',
    body TEXT NOT NULL,
    public INTEGER NOT NULL,
    created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS comments_ticket ON comments (ticket_id);
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    comment_id INTEGER NOT NULL REFERENCES comments (id),
    filename TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    internal INTEGER NOT NULL,
    data BLOB NOT NULL
);
"""

CLOSED = ("solved", "closed")
SUMMARY_COLUMNS = (
    "id", "subject", "status", "priority", "queue", "customer", "aws_account_id", "account_name",
    "notice_type", "visibility", "thread_key", "created_at", "updated_at",
)


def _private_database_files(path: Path) -> None:
    """The database (raw mail inside) 0600: created so, or tightened when an older version left it
    readable; its -wal and -shm files likewise. SQLite creates -wal/-shm with the database file's
    own mode (os_unix.c, findCreateFileMode), so a 0600 database keeps them private."""
    with contextlib.suppress(FileExistsError):
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # an empty file is an empty database
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError, PermissionError):
            info = candidate.stat()
            if info.st_mode & 0o077 and info.st_uid == os.geteuid():
                os.chmod(candidate, 0o600)


def _iso(ts: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


class LocalHelpdesk:
    """SQLite helpdesk in ``<data_dir>/helpdesk.sqlite3``."""

    name = "local"

    def __init__(self, path: Path, busy_timeout: float = 30.0) -> None:
        """``busy_timeout``: seconds a write waits for another writer's lock before it fails."""
        self.path = Path(path)
        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        _private_database_files(self.path)
        self.db = sqlite3.connect(self.path, timeout=busy_timeout, isolation_level=None)
        self.db.row_factory = sqlite3.Row
        self.db.execute(f"PRAGMA busy_timeout={int(busy_timeout * 1000)}")
        self.db.execute("PRAGMA synchronous=FULL")
        # Switching to WAL and creating the schema can meet SQLITE_BUSY without the busy handler
        # when several worker processes open the database at once: retry for a bounded time.
        deadline = time.monotonic() + busy_timeout
        delay = 0.01
        while True:
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.executescript(SCHEMA)
                break
            except sqlite3.OperationalError as exc:
                if ("locked" not in str(exc) and "busy" not in str(exc)) or time.monotonic() > deadline:
                    raise
                time.sleep(delay)
                delay = min(0.5, delay * 2)

    def close(self) -> None:
        self.db.close()

    def upsert(self, draft: TicketDraft) -> TicketRef:
        try:
            return self._upsert(draft)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise TransientError(f"local helpdesk busy: {exc}", retry_after=1.0) from exc
            raise

    def _upsert(self, draft: TicketDraft) -> TicketRef:
        now = time.time()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            row = db.execute(
                "SELECT ticket_id FROM comments WHERE delivery_id = ?", (draft.delivery_id,)
            ).fetchone()
            if row is not None:
                db.execute("COMMIT")
                return TicketRef(str(row["ticket_id"]), created=False, commented=False)
            open_ticket = db.execute(
                "SELECT id, tags FROM tickets WHERE thread_key = ? AND status NOT IN (?, ?) "
                "ORDER BY id DESC LIMIT 1",
                (draft.thread_key, *CLOSED),
            ).fetchone()
            created = open_ticket is None
            if created:
                cursor = db.execute(
                    "INSERT INTO tickets (subject, status, priority, queue, customer, customer_name, "
                    "requesters, aws_account_id, account_name, notice_type, visibility, fields, tags, "
                    "thread_key, created_at, updated_at) VALUES (?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        draft.subject or "(no subject)", draft.severity, draft.queue, draft.customer_id,
                        draft.customer_name, json.dumps(list(draft.customer_contacts)),
                        draft.aws_account_id, draft.account_name, draft.notice_type, draft.visibility,
                        json.dumps(draft.fields, sort_keys=True), json.dumps(sorted(set(draft.tags))),
                        draft.thread_key, now, now,
                    ),
                )
                ticket_id = int(cursor.lastrowid or 0)
            else:
                ticket_id = int(open_ticket["id"])
                tags = sorted(set(json.loads(open_ticket["tags"])) | set(draft.tags))
                db.execute(
                    "UPDATE tickets SET updated_at = ?, tags = ?, status = CASE WHEN status = 'new' "
                    "THEN 'new' ELSE 'open' END WHERE id = ?",
                    (now, json.dumps(tags), ticket_id),
                )
            body = draft.public_body if draft.public and draft.public_body is not None else draft.body
            cursor = db.execute(
                "INSERT INTO comments (ticket_id, delivery_id, message_id, body, public, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (ticket_id, draft.delivery_id, draft.message_id, body, int(draft.public), now),
            )
            comment_id = int(cursor.lastrowid or 0)
            for attachment in draft.attachments:
                db.execute(
                    "INSERT INTO attachments (ticket_id, comment_id, filename, content_type, size, internal, "
                    "data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (ticket_id, comment_id, attachment.filename, attachment.content_type,
                     len(attachment.data), int(attachment.internal), attachment.data),
                )
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return TicketRef(str(ticket_id), created=created, commented=True)

    def set_status(self, ticket_id: str, status: str) -> None:
        self.db.execute("UPDATE tickets SET status = ?, updated_at = ? WHERE id = ?",
                        (status, time.time(), int(ticket_id)))

    def find_by_thread(self, thread_key: str) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT id, status FROM tickets WHERE thread_key = ? ORDER BY id", (thread_key,)
        ).fetchall()
        return [{"id": str(row["id"]), "status": row["status"]} for row in rows]

    def _summary(self, row: sqlite3.Row, comment_count: int) -> dict[str, Any]:
        data = {name: row[name] for name in SUMMARY_COLUMNS}
        data["id"] = str(row["id"])
        data["customer_name"] = row["customer_name"]
        data["requesters"] = json.loads(row["requesters"])
        data["fields"] = json.loads(row["fields"])
        data["tags"] = json.loads(row["tags"])
        data["comment_count"] = comment_count
        data["created_at"] = _iso(row["created_at"])
        data["updated_at"] = _iso(row["updated_at"])
        return data

    def list_tickets(self) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT t.*, (SELECT COUNT(*) FROM comments c WHERE c.ticket_id = t.id) AS n "
            "FROM tickets t ORDER BY t.id"
        ).fetchall()
        return [self._summary(row, int(row["n"])) for row in rows]

    def get_ticket(self, ticket_id: str) -> dict[str, Any] | None:
        try:
            number = int(ticket_id)
        except ValueError:
            return None
        row = self.db.execute("SELECT * FROM tickets WHERE id = ?", (number,)).fetchone()
        if row is None:
            return None
        comments = self.db.execute(
            "SELECT id, delivery_id, message_id, body, public, created_at FROM comments "
            "WHERE ticket_id = ? ORDER BY id", (number,)
        ).fetchall()
        attachments = self.db.execute(
            "SELECT comment_id, filename, content_type, size, internal FROM attachments "
            "WHERE ticket_id = ? ORDER BY id", (number,)
        ).fetchall()
        data = self._summary(row, len(comments))
        data["comments"] = [
            {"id": str(c["id"]), "delivery_id": c["delivery_id"], "message_id": c["message_id"],
             "body": c["body"], "public": bool(c["public"]), "created_at": _iso(c["created_at"])}
            for c in comments
        ]
        data["attachments"] = [
            {"comment_id": str(a["comment_id"]), "filename": a["filename"],
             "content_type": a["content_type"], "size": a["size"], "internal": bool(a["internal"])}
            for a in attachments
        ]
        return data

    def attachment_data(self, ticket_id: str, filename: str) -> bytes | None:
        row = self.db.execute(
            "SELECT data FROM attachments WHERE ticket_id = ? AND filename = ? ORDER BY id LIMIT 1",
            (int(ticket_id), filename),
        ).fetchone()
        return bytes(row["data"]) if row else None
