"""The reconciler runs where the operations guide says: in ``rootmail beat``, and inside ``rootmail
serve`` only when serve runs the embedded worker (receivers with their own Redis run none).

Each test stores a message the receiver never announced (as after a crash between the store and
the enqueue) and waits for the reconciler that should find it."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from ingest.envelope import Envelope
from ingest.store import LocalStore
from tests.conftest import wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration

DEMO = resources.files("rootmail").joinpath("demo")


def _orphan(rootmail: Rootmail) -> str:
    raw = DEMO.joinpath("01-billing-statement.eml").read_bytes()
    store = LocalStore(rootmail.workdir / "rootmail-data" / "messages")
    return store.put(Envelope("bounce@amazon.com", ("aws-root+acme-prod@roots.example.com",), source="smtp"), raw)


def _events(rootmail: Rootmail, log: str, name: str) -> list[dict[str, Any]]:
    entries = [json.loads(line) for line in rootmail.log(log).splitlines() if line.startswith("{")]
    return [e for e in entries if e.get("event") == name]


def test_serve_with_the_embedded_worker_reconciles(tmp_path: Path) -> None:
    rootmail = Rootmail(tmp_path / "site")  # embedded Redis: serve runs the worker and the reconciler
    try:
        _orphan(rootmail)
        rootmail.serve()
        wait_for(lambda: _events(rootmail, "serve.log", "reconciler_location"), timeout=30,
                 message="the reconciler_location log line")
        assert _events(rootmail, "serve.log", "reconciler_location")[0]["runs_in"] == "rootmail serve"
        wait_for(lambda: len(rootmail.tickets()) == 1, timeout=90, message="the orphan ticketed by serve's reconciler")
        assert _events(rootmail, "serve.log", "reconcile_pass")[0]["enqueued"] == 1  # what the other test must not see
    finally:
        rootmail.close()


def test_serve_with_its_own_redis_leaves_reconciling_to_beat(tmp_path: Path, redis_url: str) -> None:
    rootmail = Rootmail(tmp_path / "site", redis_url=redis_url, worker="false")
    try:
        key = _orphan(rootmail)
        rootmail.serve()
        wait_for(lambda: _events(rootmail, "serve.log", "reconciler_location"), timeout=30,
                 message="the reconciler_location log line")
        assert _events(rootmail, "serve.log", "reconciler_location")[0]["runs_in"] == "rootmail beat"
        assert not _events(rootmail, "serve.log", "reconcile_pass")
        rootmail.worker(concurrency=1)
        beat = rootmail.spawn("beat", log="beat.log")
        wait_for(lambda: len(rootmail.tickets()) == 1, timeout=90,
                 message=f"the orphan ticketed after beat's reconciler:\n{rootmail.log('beat.log')[-2000:]}")
        assert rootmail.status()["done"] == 1 and key
        assert not _events(rootmail, "serve.log", "reconcile_pass")  # serve never reconciled
        rootmail.stop(beat)
    finally:
        rootmail.close()
