"""One composition root (rootmail.runtime): what the receiver loads, one construction path per
component, one Redis factory with timeouts, and the reconciler where the operations guide says."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

from rootmail.clients import redis_client
from rootmail.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SOURCES = [p for d in ("rootmail", "ticketing", "ingest", "routing", "bench") for p in (REPO / d).rglob("*.py")]


def _loaded_after(statement: str) -> set[str]:
    code = f"{statement}; import sys, json; print(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True,
                         timeout=120)
    return set(json.loads(out.stdout))


def test_the_receiver_loads_no_parser_pipeline_or_helpdesk() -> None:
    loaded = _loaded_after("import rootmail.serve")
    forbidden = {m for m in loaded if m.split(".")[0] in {"mailparser", "dkim", "celery", "httpx"}
                 or m.startswith(("routing.parse", "routing.authenticate", "routing.classify", "ticketing.pipeline",
                                  "ticketing.helpdesk", "ticketing.tasks", "rootmail.wiring"))}
    assert forbidden == set()
    assert "rootmail.runtime" in loaded and "ticketing.reconcile" in loaded  # the check sees real imports


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def _calls(path: Path) -> set[str]:
    """Names called in ``path`` (``f(...)`` -> f, ``a.b(...)`` -> b)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            func = node.func
            out.add(func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", ""))
    return out


def _relative(paths: list[Path]) -> set[str]:
    return {str(p.relative_to(REPO)) for p in paths}


def test_wiring_is_reached_only_through_the_runtime_and_does_not_import_it() -> None:
    users = [p for p in SOURCES if "rootmail.wiring" in _imports(p) and p.name != "wiring.py"]
    assert _relative(users) <= {"rootmail/runtime.py", "rootmail/commands/classify.py",
                                "rootmail/commands/rules.py"}  # the commands: only temporary_failure_verdict
    for path in users:
        if path.name != "runtime.py":
            assert _imports(path) & {"rootmail.wiring.classifier_stages", "rootmail.wiring.routing_stages",
                                     "rootmail.wiring.make_helpdesk"} == set(), path
    assert not {m for m in _imports(REPO / "rootmail" / "wiring.py") if m.startswith("rootmail.runtime")}


PLACES = [p for d in ("rootmail", "bench") for p in (REPO / d).rglob("*.py")] + [REPO / "ticketing" / "tasks.py"]


@pytest.mark.parametrize(("builder", "home"), [
    ("NoticeClassifier", {"rootmail/wiring.py"}),          # the classifier: one factory
    ("LocalHelpdesk", {"rootmail/runtime.py"}),
    ("RedisThreadIndex", {"rootmail/runtime.py"}),
    ("make_reconciler", {"rootmail/serve.py", "rootmail/runtime.py", "rootmail/commands/core.py"}),
])
def test_one_construction_path(builder: str, home: set[str]) -> None:
    assert _relative([p for p in PLACES if builder in _calls(p)]) == home


@pytest.mark.parametrize(("name", "home"), [
    ("routing.authenticate.authenticate", {"rootmail/wiring.py"}),  # authenticate + classify: one factory
    ("routing.dns.DnsResolver", {"rootmail/wiring.py",
                                 "bench/end_to_end.py"}),  # end_to_end: only to see its dnsmasq answer
    ("ticketing.reconcile.reconcile", {"rootmail/runtime.py"}),  # the reconciler: make_reconciler
    ("ticketing.pipeline.quarantine", set()),  # the receiver's reconciler needs no pipeline
])
def test_one_place_imports(name: str, home: set[str]) -> None:
    assert _relative([p for p in PLACES if name in _imports(p)]) == home


def test_every_redis_client_has_timeouts() -> None:
    """Ours come from rootmail.clients.redis_client; any other (a probe) names both timeouts."""
    for path in [p for d in ("rootmail", "ticketing", "ingest", "bench") for p in (REPO / d).rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr in ("from_url", "Redis", "StrictRedis") \
                    and isinstance(node.func.value, (ast.Name, ast.Attribute)) \
                    and "edis" in ast.unparse(node.func.value):
                keywords = {k.arg for k in node.keywords}
                assert {"socket_timeout", "socket_connect_timeout"} <= keywords, f"{path}:{node.lineno}"
    mine = [REPO / "rootmail" / n for n in ("runtime.py", "wiring.py", "worker.py", "serve.py")]
    mine += [*(REPO / "rootmail" / "commands").glob("c*.py"), REPO / "ticketing" / "tasks.py"]
    assert not [p for p in mine if {"from_url", "Redis"} & _calls(p)]


def test_every_redis_client_has_timeouts_and_a_health_check(redis_url: str) -> None:
    client = redis_client(redis_url)
    kwargs = client.connection_pool.connection_kwargs
    assert kwargs["socket_timeout"] == 10.0 and kwargs["socket_connect_timeout"] == 5.0
    assert kwargs["health_check_interval"] == 30
    assert client.ping()


def test_the_helpdesk_locks_and_limiter_use_the_runtime_client(redis_url: str, tmp_path: Path) -> None:
    from rootmail.runtime import make_helpdesk
    from ticketing.helpdesk.rt import RTHelpdesk
    from ticketing.ratelimit import RedisTokenBucket

    client = redis_client(redis_url, timeout=3.0)
    desk = make_helpdesk(Settings(data_dir=tmp_path, helpdesk="rt", rt_url="http://127.0.0.1:9", rt_token="t",
                                  rt_rate_limit=60, redis_url="redis://127.0.0.1:9/0"), client)
    assert isinstance(desk, RTHelpdesk)
    limiter = desk.http.limiter
    assert isinstance(limiter, RedisTokenBucket) and limiter.client is client
    desk.close()


def test_beat_schedules_the_reconciler_and_the_directory_sync() -> None:
    from rootmail.worker import beat_schedule
    from ticketing import tasks

    schedule = beat_schedule(Settings(reconcile_interval=42.0))
    assert schedule["reconcile"] == {"task": tasks.RECONCILE, "schedule": 42.0}
    assert schedule["sync-directory"]["task"] == tasks.SYNC_DIRECTORY
