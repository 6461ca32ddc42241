"""The container image's Dockerfile, read statically (no container engine is needed or used).

The image is what the chart runs: these checks hold the Dockerfile to what the chart relies on
(non-root UID 10001, `rootmail` entrypoint, ports 2525 and 9025) and to the build shape (a pinned
base, a builder stage that makes the wheel, a runtime stage that only installs it).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[2]


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with line continuations joined and comments dropped."""
    text = (REPO / "Dockerfile").read_text()
    joined = re.sub(r"\\\n", " ", text)
    result = []
    for line in joined.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        word, _, rest = stripped.partition(" ")
        result.append((word.upper(), rest.strip()))
    return result


def stages() -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    for instr in instructions():
        if instr[0] == "FROM":
            out.append([])
        if out:
            out[-1].append(instr)
    return out


def test_base_image_is_pinned_python_311_slim_bookworm() -> None:
    args = {
        rest.split("=", 1)[0]: rest.split("=", 1)[1] for word, rest in instructions() if word == "ARG" and "=" in rest
    }
    base = args["PYTHON_IMAGE"]
    name, _, tag = base.partition(":")
    assert name == "python"
    assert re.fullmatch(r"3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", tag), base
    froms = [rest for word, rest in instructions() if word == "FROM"]
    assert all(f.startswith("${PYTHON_IMAGE}") for f in froms), froms


def test_multi_stage_builder_makes_the_wheel_and_runtime_installs_it() -> None:
    builder, runtime = stages()
    assert builder[0][1].endswith("AS builder")
    assert any(word == "RUN" and "pip wheel" in rest and rest.rstrip().endswith(".") for word, rest in builder)
    runs = [rest for word, rest in runtime if word == "RUN"]
    assert any("from=builder" in r and "pip install --no-index" in r and "rootmail" in r for r in runs)
    # the compiler and the sources stay in the builder
    assert not any(word in ("COPY", "ADD") and "--from" not in rest for word, rest in runtime)
    assert not any("build-essential" in rest for _, rest in runtime)


def test_runtime_runs_as_uid_10001_with_the_rootmail_entrypoint() -> None:
    runtime = stages()[-1]
    users = [rest for word, rest in runtime if word == "USER"]
    assert users and users[-1] in ("10001", "10001:10001")
    assert any("useradd" in rest and "--uid 10001" in rest for word, rest in runtime if word == "RUN")
    (entrypoint,) = [rest for word, rest in runtime if word == "ENTRYPOINT"]
    (cmd,) = [rest for word, rest in runtime if word == "CMD"]
    assert json.loads(entrypoint) == ["rootmail"]
    assert json.loads(cmd) == ["serve"]
    exposed = {p for word, rest in runtime if word == "EXPOSE" for p in rest.split()}
    assert exposed == {"2525", "9025"}


def test_image_defaults_match_the_chart() -> None:
    runtime_env = " ".join(rest for word, rest in stages()[-1] if word == "ENV")
    values = yaml.safe_load((REPO / "helm" / "rootmail" / "values.yaml").read_text())
    assert f"ROOTMAIL_HTTP_PORT={values['http']['port']}" in runtime_env
    assert "ROOTMAIL_SMTP_PORT=2525" in runtime_env
    assert "ROOTMAIL_DATA_DIR=/var/lib/rootmail" in runtime_env
    assert values["podSecurityContext"]["runAsUser"] == 10001


def test_build_context_is_an_allow_list() -> None:
    lines = [
        line.strip()
        for line in (REPO / ".dockerignore").read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert lines[0] == "*"
    allowed = {line[1:].rstrip("/") for line in lines if line.startswith("!")}
    assert {"pyproject.toml", "rootmail", "ingest", "routing", "ticketing"} <= allowed
    assert not allowed & {".git", ".venv", "tests", "helm", "rootmail-data"}
