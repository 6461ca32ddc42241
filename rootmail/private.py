"""Private files: everything rootmail writes under its data directory is readable by its own user only.

The data directory holds raw mail with live root secrets (message store, the local helpdesk's
SQLite database and its WAL/SHM files, the embedded Redis's AOF), so it is created 0700 and every
file in it 0600. Two layers make that hold:

* :func:`private_umask` — every ``rootmail`` process runs with umask 077 (set by the CLI before any
  command runs, inherited by ``serve``'s Redis, worker and receiver children and by Celery's pool),
  so whatever any library creates (SQLite, Redis, Celery beat's schedule, Prometheus' files) is private.
* explicit modes where rootmail creates or reuses a path (:func:`private_dir`, :func:`private_file`),
  so a path that an older version or another umask left readable is tightened when it is reused.
"""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

PRIVATE_UMASK = 0o077
DIR_MODE = 0o700
FILE_MODE = 0o600


def private_umask() -> int:
    """Set this process's umask to 077; returns the previous one."""
    return os.umask(PRIVATE_UMASK)


def _tighten(path: Path, mode: int) -> bool:
    """chmod ``path`` to ``mode`` when it grants group/other anything and we own it; True if changed."""
    try:
        info = path.lstat()
    except FileNotFoundError:
        return False
    if stat.S_ISLNK(info.st_mode) or not stat.S_IMODE(info.st_mode) & 0o077 or info.st_uid != os.geteuid():
        return False
    with contextlib.suppress(PermissionError):
        os.chmod(path, mode)
        return True
    return False


def private_dir(path: Path) -> bool:
    """Create ``path`` (and missing parents) mode 0700, or tighten it to 0700 if we own it.

    Returns True when an existing directory had group/other permissions that were removed. A
    directory we do not own (a volume root) is left as it is: the files in it are still 0600."""
    path = Path(path)
    if not path.exists():
        path.mkdir(mode=DIR_MODE, parents=True, exist_ok=True)
        with contextlib.suppress(PermissionError):
            os.chmod(path, DIR_MODE)  # mkdir's mode is filtered by the umask; be explicit
        return False
    return _tighten(path, DIR_MODE)


def private_file(path: Path) -> bool:
    """Tighten an existing file to 0600 if we own it and it is readable by others; True if changed."""
    return _tighten(Path(path), FILE_MODE)
