"""Zendesk ids warmed off the message path: a directory sync (and ``rootmail worker`` before it
consumes) adopts or creates every customer's organization, placeholder and contacts' users and
caches their ids in the workers' Redis; the next message then asks Zendesk for no organization or
user. Against the local Zendesk-contract server and a real Redis."""

from __future__ import annotations

import os
import subprocess
import sys
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from pydantic import SecretStr

from rootmail.directory_sync import sync_directory
from rootmail.settings import Settings
from rootmail.wiring import make_helpdesk
from routing.directory import parse_directory
from tests.conftest import free_port, wait_for
from tests.fakes.zendesk_server import FakeZendesk, Faults, RequestRecord
from tests.ticketing.test_zendesk import make_draft
from ticketing.helpdesk.cache import RedisTicketCache
from ticketing.helpdesk.zendesk import ZendeskHelpdesk
from ticketing.helpdesk.zendesk_directory import warm_ids

ROOT = Path(__file__).resolve().parents[2]

DIRECTORY = """\
customers:
  - id: acme
    name: Acme Corp
    contacts: [ops@acme.example, finance@acme.example, "Nina New <new@acme.example>"]
  - id: globex
    name: Globex
    contacts: [cloud@globex.example]
accounts:
  - account_id: "111122223333"
    name: acme-prod
    customer: acme
    root_email: root-acme@roots.example.net
  - account_id: "444455556666"
    name: globex-prod
    customer: globex
    root_email: root-globex@roots.example.net
"""

ID_PATHS = ("/api/v2/organizations", "/api/v2/users")


@pytest.fixture
def zd() -> Iterator[FakeZendesk]:
    with FakeZendesk() as server:
        yield server


def zendesk_env(zd: FakeZendesk, redis_url: str, tmp_path: Path) -> dict[str, str]:
    path = tmp_path / "directory.yaml"
    path.write_text(DIRECTORY)
    return {"ROOTMAIL_HELPDESK": "zendesk", "ROOTMAIL_ZENDESK_URL": zd.url, "ROOTMAIL_ZENDESK_EMAIL": zd.email,
            "ROOTMAIL_ZENDESK_TOKEN": zd.token, "ROOTMAIL_DIRECTORY_FILE": str(path),
            "ROOTMAIL_DATA_DIR": str(tmp_path / "data"), "ROOTMAIL_REDIS_URL": redis_url,
            "ROOTMAIL_ZENDESK_RATE_LIMIT": "600"}


@pytest.fixture
def settings(zd: FakeZendesk, redis_url: str, tmp_path: Path, clean_env: None,
             monkeypatch: pytest.MonkeyPatch) -> Settings:
    for name, value in zendesk_env(zd, redis_url, tmp_path).items():
        monkeypatch.setenv(name, value)
    return Settings()


def id_requests(records: list[RequestRecord]) -> Counter[str]:
    """Organization and user requests by endpoint."""
    return Counter(f"{r.method} {r.path}" for r in records if r.path.startswith(ID_PATHS))


def upsert_with_a_new_worker_client(settings: Settings, **draft: Any) -> str:
    desk = make_helpdesk(settings)
    assert isinstance(desk, ZendeskHelpdesk) and isinstance(desk.cache, RedisTicketCache)
    try:
        return desk.upsert(make_draft(**draft)).ticket_id
    finally:
        desk.close()


def test_directory_sync_warms_the_ids_and_the_next_messages_ask_for_no_organization_or_user(
        zd: FakeZendesk, settings: Settings) -> None:
    report = sync_directory(settings, organizations=False)
    assert report.ok and report.helpdesk_ids is not None
    assert report.helpdesk_ids["warmed"] == 2 and report.helpdesk_ids["failed"] == {}
    assert id_requests(zd.log)["POST /api/v2/organizations.json"] == 2
    before = len(zd.log)
    internal = upsert_with_a_new_worker_client(settings, n=1)
    public = upsert_with_a_new_worker_client(
        settings, n=2, thread="health:111122223333:other", visibility="customer", public_body="redacted",
        customer_contacts=("ops@acme.example", "finance@acme.example", "Nina New <new@acme.example>"))
    assert id_requests(zd.log[before:]) == Counter()
    assert [(r.method, r.path) for r in zd.log[before:]] == [
        ("GET", "/api/v2/tickets.json"), ("POST", "/api/v2/tickets.json"),  # internal: 2 requests
        ("GET", "/api/v2/tickets.json"), ("POST", "/api/v2/tickets.json"),  # public comment opens it
        ("PUT", f"/api/v2/tickets/{public}.json")]                          # then the internal note
    org = next(o for o in zd.state.organizations.values() if o["external_id"] == "acme")
    assert zd.state.tickets[int(internal)]["organization_id"] == org["id"]
    assert zd.state.tickets[int(public)]["organization_id"] == org["id"]
    assert zd.delivered_to(public) == {"ops@acme.example", "finance@acme.example", "new@acme.example"}
    # a second sync finds every id in Redis: no request at all
    before = len(zd.log)
    again = sync_directory(settings, organizations=False)
    assert again.helpdesk_ids == {"customers": 2, "warmed": 2, "requests": 0, "failed": {}, "deferred": 0}
    assert len(zd.log) == before


def test_ids_about_to_expire_are_resolved_again_by_the_sync(zd: FakeZendesk, settings: Settings,
                                                            redis_url: str) -> None:
    assert sync_directory(settings, organizations=False).ok
    client = redis.Redis.from_url(redis_url)
    # acme's organization id expires before the next periodic sync (ROOTMAIL_DIRECTORY_SYNC_INTERVAL)
    assert client.expire("rootmail:helpdesk:zendesk:id:org:acme", 60)
    before = len(zd.log)
    report = sync_directory(settings, organizations=False)
    assert report.helpdesk_ids is not None and report.helpdesk_ids["warmed"] == 2
    assert [(r.method, r.path) for r in zd.log[before:]] == [("GET", "/api/v2/organizations/search.json")]
    assert int(client.ttl("rootmail:helpdesk:zendesk:id:org:acme")) > 3600  # kept a day again


def test_sync_adopts_a_hand_made_organization_and_never_renames_demotes_or_moves_users(
        zd: FakeZendesk, settings: Settings) -> None:
    hand_made = zd.add_organization("Acme Corp")
    elsewhere = zd.add_organization("Somewhere Else")
    agent = zd.add_user("ops@acme.example", "Olivia Ops", role="agent")
    named = zd.add_user("finance@acme.example", "Fiona Finance", organization_id=elsewhere)
    report = sync_directory(settings, organizations=False)
    assert report.ok and report.helpdesk_ids is not None and report.helpdesk_ids["warmed"] == 2
    acme = [o for o in zd.state.organizations.values() if o["name"].casefold() == "acme corp"]
    assert [o["id"] for o in acme] == [hand_made] and acme[0]["external_id"] == "acme"
    assert zd.state.user_changes == [] and zd.state.verification_mails == []
    assert (zd.state.users[agent]["name"], zd.state.users[agent]["role"]) == ("Olivia Ops", "agent")
    assert zd.state.users[named]["organization_id"] == elsewhere
    new = next(u for u in zd.state.users.values() if u["email"] == "new@acme.example")
    assert (new["name"], new["role"], new["organization_id"]) == ("Nina New", "end-user", hand_made)
    ticket = upsert_with_a_new_worker_client(settings, n=1)
    assert zd.state.tickets[int(ticket)]["organization_id"] == hand_made


def test_warm_up_failures_never_fail_the_sync_and_the_message_path_still_resolves(
        zd: FakeZendesk, settings: Settings) -> None:
    foreign = zd.add_organization("Globex", external_id="crm-42")  # another customer's name: refused
    zd.fail_next("500", method="POST", path="/api/v2/users.json")  # acme's placeholder (globex stops earlier)
    report = sync_directory(settings, organizations=False)
    assert report.ok and report.written and report.accounts == 2
    assert report.helpdesk_ids is not None and report.helpdesk_ids["warmed"] == 0
    assert set(report.helpdesk_ids["failed"]) == {"acme", "globex"}
    assert "crm-42" in report.helpdesk_ids["failed"]["globex"]
    assert "POST /api/v2/users.json: HTTP 500" in report.helpdesk_ids["failed"]["acme"]
    assert [w.split(":")[0] for w in report.warnings] == [
        "helpdesk ids of customer acme not warmed", "helpdesk ids of customer globex not warmed"]
    assert zd.state.organizations[foreign]["external_id"] == "crm-42"  # not taken over
    before = len(zd.log)
    ticket = upsert_with_a_new_worker_client(settings, n=1)  # acme's ids: resolved on the message path
    assert id_requests(zd.log[before:])["POST /api/v2/users.json"] == 1  # the placeholder, now
    assert zd.state.tickets[int(ticket)]["organization_id"] is not None


def test_an_unreachable_helpdesk_is_a_warning_of_the_sync(settings: Settings, monkeypatch: pytest.MonkeyPatch,
                                                         ) -> None:
    monkeypatch.setenv("ROOTMAIL_ZENDESK_URL", f"http://127.0.0.1:{free_port()}")
    report = sync_directory(Settings(), organizations=False)
    assert report.ok and report.written
    assert report.helpdesk_ids is not None and set(report.helpdesk_ids["failed"]) == {"acme", "globex"}
    assert "transport error" in report.helpdesk_ids["failed"]["acme"]


def test_warm_up_beyond_its_budget_leaves_the_rest_for_later(redis_url: str) -> None:
    directory = parse_directory(DIRECTORY, "dir.yaml")
    with FakeZendesk(faults=Faults(latency=0.15)) as slow:
        desk = ZendeskHelpdesk(slow.url, slow.email, SecretStr(slow.token),
                               cache=RedisTicketCache(redis.Redis.from_url(redis_url), "rm:test:warm"))
        try:
            report = warm_ids(desk, directory.customers.values(), seconds=0.5)
        finally:
            desk.close()
    assert report.deferred >= 1 and report.warmed + len(report.failed) + report.deferred == 2


def test_local_helpdesk_has_no_ids_to_warm(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ROOTMAIL_HELPDESK", "local")
    report = sync_directory(Settings(), organizations=False)
    assert report.ok and report.helpdesk_ids is None


def _readyz(port: int) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=2) as answer:
            return int(answer.status), answer.read().decode()
    except urllib.error.HTTPError as exc:
        return int(exc.code), ""
    except OSError:
        return 0, ""


def test_worker_warms_the_ids_before_it_is_ready(zd: FakeZendesk, settings: Settings, tmp_path: Path) -> None:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT), ROOTMAIL_HTTP_PORT=str(port), ROOTMAIL_LOG_LEVEL="WARNING")
    worker = subprocess.Popen([sys.executable, "-m", "rootmail", "worker", "--concurrency", "2"], cwd=tmp_path,
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: _readyz(port)[0] == 200 or worker.poll() is not None, timeout=60)
        assert worker.poll() is None
        assert "2 worker processes started" in _readyz(port)[1]
        # the start-up check ran once (the metrics re-exec comes before it, not after)
        assert len(zd.requests("GET", "/api/v2/users/me")) == 1
        # ready means warmed: both organizations and the five users (3 + 1 contacts, 2 placeholders)
        assert id_requests(zd.log)["POST /api/v2/organizations.json"] == 2
        assert id_requests(zd.log)["POST /api/v2/users.json"] == 6
    finally:
        worker.terminate()
        worker.wait(timeout=30)
    before = len(zd.log)
    upsert_with_a_new_worker_client(settings, n=1)
    assert id_requests(zd.log[before:]) == Counter()
