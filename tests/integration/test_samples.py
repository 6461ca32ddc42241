"""Every shared AWS sample, sent over SMTP to its root address, ends as a ticket of the right
account and customer (run against a real Redis and a real Celery worker)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import RedisServer, shared_path, wait_for
from tests.integration.harness import Rootmail
from ticketing.helpdesk.local import LocalHelpdesk

pytestmark = pytest.mark.integration


def without_timestamps(log: str) -> str:
    """The log with each JSON line's timestamp removed: a 6-digit code could match its microseconds."""
    lines = []
    for line in log.splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            lines.append(line)
            continue
        if isinstance(record, dict):
            record.pop("timestamp", None)
        lines.append(json.dumps(record))
    return "\n".join(lines)


def test_every_sample_becomes_a_ticket_of_its_account_and_customer(tmp_path: Path,
                                                                   redis_server: RedisServer) -> None:
    samples = shared_path("aws-notices", "samples")
    directory = shared_path("aws-notices", "directory.yaml")
    labels = json.loads((samples / "labels.json").read_text())
    accounts = {
        m.group(2).lower(): m.group(1)
        for m in re.finditer(r'account_id: "(\d{12})"\n(?:.*\n){2}\s+root_email: (\S+)', directory.read_text())
    }
    redis_server.client().flushall()
    rootmail = Rootmail(tmp_path / "site", redis_url=redis_server.url, worker="true",
                        directory_file=str(directory))
    try:
        rootmail.serve()
        keys: dict[str, str] = {}
        for label in labels:
            raw = (samples / label["file"]).read_bytes()
            code, text = rootmail.send(raw, [label["recipient"]])
            assert code == 250, (label["file"], text)
            keys[label["file"]] = text.decode().rsplit(" ", 1)[1]
        wait_for(lambda: rootmail.status()["done"] == len(labels), timeout=180, interval=0.5,
                 message=f"{len(labels)} samples done")
        desk = LocalHelpdesk(rootmail.workdir / "rootmail-data" / "helpdesk.sqlite3")
        by_message: dict[str, dict[str, object]] = {}
        for summary in desk.list_tickets():
            ticket = desk.get_ticket(summary["id"])
            assert ticket is not None
            for comment in ticket["comments"]:
                by_message[comment["message_id"]] = ticket
        assert rootmail.status()["quarantined"] == 0
        for label in labels:
            raw = (samples / label["file"]).read_bytes()
            message_id = re.search(rb"^Message-ID:\s*(\S+)", raw, re.M | re.I)
            assert message_id, label["file"]
            ticket = by_message.get(message_id.group(1).decode())
            if ticket is None and str(label["notice_type"]).startswith("marketing"):
                continue  # the default rules drop marketing (counted), when routing rules are wired
            assert ticket is not None, f"{label['file']} has no ticket"
            assert ticket["customer"] == label["customer"], label["file"]
            assert ticket["aws_account_id"] == accounts[label["recipient"].lower()], label["file"]
        logs = without_timestamps(rootmail.log("serve.log"))
        assert "message_stored" in logs and "ticket_created" in logs  # the logs were captured
        public = [c["body"] for t in by_message.values() for c in t["comments"] if c["public"]]  # type: ignore[attr-defined]
        for label in labels:
            for secret in label["secrets"]:
                assert secret not in logs, f"a secret of {label['file']} is in the logs"
                assert all(secret not in body for body in public), f"a secret of {label['file']} is public"
    finally:
        rootmail.close()
