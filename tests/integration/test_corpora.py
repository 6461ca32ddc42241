"""Hostile, broken and real-world mail through a real `rootmail serve` and worker: every message gets
a clear SMTP answer, every 250 ends as a ticket or a quarantine entry with its reason, nothing
crashes."""

from __future__ import annotations

import collections
import contextlib
import json
import re
import sysconfig
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import psutil
import pytest

from tests.conftest import shared_path, wait_for
from tests.fixtures import hostile
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration
ROOT = hostile.ROOT
ANSWER = re.compile(rb"^[245]\.[0-9]{1,3}\.[0-9]{1,3} ")
# quarantine reasons are free text with keys and names in them; group them by their stable prefix
REASON_GROUP = re.compile(r"^(unparseable mail: [^:(]+|[^:]+)")


def reason_group(reason: str) -> str:
    found = REASON_GROUP.match(reason)
    return found.group(1) if found else reason


@dataclass
class Outcome:
    accepted: dict[str, str] = field(default_factory=dict)  # sample name -> message key
    refused: dict[str, str] = field(default_factory=dict)  # sample name -> reply
    ticketed: set[str] = field(default_factory=set)  # keys that made a ticket or a comment
    duplicates: set[str] = field(default_factory=set)  # the same mail as an earlier sample: no second comment
    dropped: set[str] = field(default_factory=set)  # dropped on purpose (mail loop, a drop rule)
    quarantined: dict[str, str] = field(default_factory=dict)  # key -> reason

    def finished(self) -> int:
        return len(self.ticketed | self.duplicates | self.dropped) + len(self.quarantined)

    def summary(self) -> str:
        codes = collections.Counter(reply[:9] for reply in self.refused.values())
        reasons = collections.Counter(reason_group(reason) for reason in self.quarantined.values())
        return (f"accepted {len(self.accepted)}, refused {len(self.refused)} {dict(codes)}, ticketed "
                f"{len(self.ticketed)}, duplicates {len(self.duplicates)}, dropped {len(self.dropped)}, quarantined "
                f"{len(self.quarantined)} {dict(reasons)}")


@pytest.fixture()
def rootmail(tmp_path: Path) -> Iterator[Rootmail]:
    rm = Rootmail(tmp_path / "site")
    yield rm
    rm.close()


def crlf(raw: bytes) -> bytes:
    """Bare LF line ends as CRLF (how a real MTA sends a file); bare CR is left for the receiver to refuse."""
    return re.sub(rb"\r?\n", b"\r\n", raw)


def messages_dir(rootmail: Rootmail) -> Path:
    return rootmail.workdir / "rootmail-data" / "messages"


def worker_events(log: str) -> dict[str, list[str]]:
    """Event names per message key from the JSON log lines of serve and its worker."""
    events: dict[str, list[str]] = collections.defaultdict(list)
    for line in log.splitlines():
        if line.startswith("{") and "message_key" in line:
            with contextlib.suppress(ValueError):
                entry = json.loads(line)
                events[str(entry.get("message_key"))].append(str(entry.get("event")))
    return events


def run_corpus(rootmail: Rootmail, samples: dict[str, bytes]) -> Outcome:
    """Send every sample, wait until every accepted one is done or quarantined, and classify it."""
    serve = rootmail.serve()
    outcome = Outcome()
    for name, raw in samples.items():
        code, text = rootmail.send(crlf(raw), [ROOT])
        if code == 250:
            outcome.accepted[name] = text.decode().rsplit(" ", 1)[1]
        else:
            assert 500 <= code < 600 and ANSWER.match(text), f"{name}: unclear answer {code} {text!r}"
            outcome.refused[name] = f"{code} {text.decode(errors='replace')}"
    store = messages_dir(rootmail)

    def finished() -> bool:
        return not any((store / "pending" / f"{key}.msg").exists() for key in outcome.accepted.values())

    wait_for(finished, timeout=240, interval=0.5, message=f"{len(outcome.accepted)} accepted messages to finish")
    outcome.quarantined = {item["key"]: item["reason"] for item in rootmail.json("quarantine", "list", "--json")}
    events = worker_events(rootmail.log("serve.log"))
    for name, key in outcome.accepted.items():
        facts = events.get(key, [])
        written = facts.count("ticket_created") + facts.count("ticket_updated")
        if key in outcome.quarantined:
            assert outcome.quarantined[key].strip(), f"{name} quarantined without a reason"
            assert written == 0, f"{name} both ticketed and quarantined"
        elif written:
            assert written == 1, f"{name} written to the helpdesk {written} times"
            outcome.ticketed.add(key)
        elif "delivery_duplicate" in facts:
            outcome.duplicates.add(key)
        elif "notice_dropped" in facts:
            outcome.dropped.add(key)
        else:
            raise AssertionError(f"{name} ({key}) is neither ticketed nor quarantined: {facts}")
        assert list(store.glob(f"done/*/{key}.msg")) or key in outcome.quarantined
    comments = sum(ticket["comment_count"] for ticket in rootmail.tickets())
    assert comments == len(outcome.ticketed), f"{comments} comments for {len(outcome.ticketed)} ticketed messages"
    assert serve.poll() is None, "serve died"
    children = psutil.Process(serve.pid).children(recursive=True)
    assert any("worker" in " ".join(child.cmdline()) for child in children), "the worker is gone"
    for log in ("serve.log",):
        assert "Traceback" not in rootmail.log(log), rootmail.log(log)[-3000:]
    print(outcome.summary())
    return outcome


def test_generated_hostile_cases_are_ticketed_quarantined_or_refused(rootmail: Rootmail) -> None:
    cases = {case.name: case for case in hostile.cases()}
    outcome = run_corpus(rootmail, {name: case.raw for name, case in cases.items()})
    by_key = {key: name for name, key in outcome.accepted.items()}
    for name, case in cases.items():
        if case.expect == "refuse":
            assert name in outcome.refused, f"{name} was not refused"
        else:
            assert name in outcome.accepted, f"{name} refused: {outcome.refused.get(name)}"
    for key, reason in outcome.quarantined.items():
        assert cases[by_key[key]].expect in ("quarantine", "any"), f"{by_key[key]} quarantined: {reason}"
    for key in outcome.ticketed:
        assert cases[by_key[key]].expect in ("ticket", "any"), f"{by_key[key]} was ticketed"
    assert outcome.refused["oversized-header-300k"].startswith("552 5.3.4")
    reasons = {by_key[key]: reason for key, reason in outcome.quarantined.items()}
    assert reasons["deep-nesting-200"] == "unparseable mail: MIME structure refused: multipart nesting deeper than 30"
    assert reasons["many-parts-3000"].startswith("unparseable mail: MIME structure refused: more than 500")
    assert reasons["binary-junk"] == "unparseable mail: no header fields: not an RFC 5322 message"
    assert not outcome.duplicates and not outcome.dropped


def _files(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir()) if path.is_file()}


def test_shared_malformed_and_aws_real_corpora(rootmail: Rootmail) -> None:
    samples = _files(shared_path("corpora", "malformed")) | _files(shared_path("corpora", "aws-real"))
    outcome = run_corpus(rootmail, samples)
    assert len(outcome.accepted) + len(outcome.refused) == len(samples)
    assert outcome.finished() == len(outcome.accepted)
    for name in ("aws1.eml", "aws2.eml", "aws3.eml"):
        assert outcome.accepted[name] in outcome.ticketed, f"real AWS mail {name} was not ticketed"


def test_cpython_email_test_data(rootmail: Rootmail) -> None:
    folder = Path(sysconfig.get_paths()["stdlib"]) / "test" / "test_email" / "data"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent from this Python installation")
    samples = _files(folder)
    outcome = run_corpus(rootmail, samples)
    assert len(outcome.accepted) + len(outcome.refused) == len(samples)
    assert outcome.finished() == len(outcome.accepted)


def big_html_mail(subject: str) -> bytes:
    """20 MB of HTML: parsing it takes well over 0.2 s and well over 200 MiB on any machine."""
    body = ("line of text " * 6 + "\r\n") * 250000
    return (hostile.head(subject) + "Content-Type: text/html\r\n\r\n<p>" + body).encode()


@pytest.mark.parametrize(("setting", "reason"), [
    ({"task_time_limit": "0.2"}, "parsing/processing exceeded 0.2 s"),
    ({"task_time_limit": "0", "worker_memory_limit": str(200 * 1024 * 1024)},
     "parsing/processing ran out of memory (ROOTMAIL_WORKER_MEMORY_LIMIT)"),
], ids=["time-limit", "memory-limit"])
def test_parsing_beyond_its_bound_is_quarantined_with_the_reason(tmp_path: Path, setting: dict[str, str],
                                                                  reason: str) -> None:
    rootmail = Rootmail(tmp_path / "site", max_message_size=str(40 * 1024 * 1024), **setting)
    try:
        serve = rootmail.serve()
        assert rootmail.send(hostile.empty_body(), [ROOT])[0] == 250  # ordinary mail still fits the bound
        wait_for(lambda: rootmail.status()["done"] == 1, timeout=60, message="the small mail done")
        code, text = rootmail.send(big_html_mail("bomb"), [ROOT])
        assert code == 250, text
        key = text.decode().rsplit(" ", 1)[1]
        wait_for(lambda: rootmail.status()["quarantined"] == 1, timeout=120, message="the big mail quarantined")
        assert rootmail.json("quarantine", "list", "--json") == [{"key": key, "reason": reason}]
        assert rootmail.send(hostile.invalid_charset(), [ROOT])[0] == 250  # the worker carries on
        wait_for(lambda: rootmail.status()["done"] == 2, timeout=60, message="the worker to carry on")
        assert serve.poll() is None
        # Celery itself may log the SoftTimeLimitExceeded of the stopped task (an exc_info record, no
        # Python traceback); what must never appear is a crash of ours
        assert "Traceback (most recent call last)" not in rootmail.log("serve.log")
    finally:
        rootmail.close()
