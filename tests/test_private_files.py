"""Private files without a running service: the CLI's umask, the helpers' explicit modes, and paths
an older version left readable (the end-to-end check with ``serve`` is
tests/integration/test_private_files.py)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rootmail.private import private_dir, private_file
from ticketing.helpdesk.local import LocalHelpdesk


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture()
def lax_umask() -> Iterator[None]:
    """The process umask most shells have (022), restored afterwards."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


def test_every_command_runs_with_umask_077(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
    env["ROOTMAIL_DATA_DIR"] = str(tmp_path / "fresh" / "data")
    # status creates the message store; the parent shell's umask is 022
    result = subprocess.run([sys.executable, "-c", "import os, runpy; os.umask(0o022); "
                             "runpy.run_module('rootmail', run_name='__main__')", "status", "--json"],
                            env=env, capture_output=True, timeout=60)
    assert result.returncode == 0, result.stderr
    data = tmp_path / "fresh" / "data"
    for folder in (tmp_path / "fresh", data, data / "messages", data / "messages" / "pending"):
        assert _mode(folder) == 0o700, folder


def test_private_dir_creates_0700_and_tightens_what_it_owns(tmp_path: Path, lax_umask: None) -> None:
    fresh = tmp_path / "a" / "b"
    assert private_dir(fresh) is False and _mode(fresh) == 0o700
    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    assert private_dir(old) is True and _mode(old) == 0o700
    assert private_dir(old) is False  # nothing left to tighten
    leaked = old / "appendonly.aof"
    leaked.write_text("x")
    leaked.chmod(0o644)
    assert private_file(leaked) is True and _mode(leaked) == 0o600


def test_local_helpdesk_database_wal_and_shm_are_0600(tmp_path: Path, lax_umask: None) -> None:
    path = tmp_path / "data" / "helpdesk.sqlite3"
    desk = LocalHelpdesk(path)
    try:
        for name in ("helpdesk.sqlite3", "helpdesk.sqlite3-wal", "helpdesk.sqlite3-shm"):
            assert _mode(path.parent / name) == 0o600, name
    finally:
        desk.close()


def test_local_helpdesk_left_readable_by_an_older_version_is_tightened(tmp_path: Path, lax_umask: None) -> None:
    path = tmp_path / "helpdesk.sqlite3"
    LocalHelpdesk(path).close()
    for name in ("helpdesk.sqlite3", "helpdesk.sqlite3-wal", "helpdesk.sqlite3-shm"):
        if (tmp_path / name).exists():
            (tmp_path / name).chmod(0o644)
    desk = LocalHelpdesk(path)
    try:
        assert desk.list_tickets() == []
        for name in ("helpdesk.sqlite3", "helpdesk.sqlite3-wal", "helpdesk.sqlite3-shm"):
            assert _mode(tmp_path / name) == 0o600, name
    finally:
        desk.close()
