"""The audit log ``<data_dir>/audit.log``: who revealed which stored message, when, and how.

One JSON object per line (``json.dumps`` with every non-ASCII and control character escaped, so a
value can never start a second line), appended with O_APPEND, fsync'd, mode 0600.

"Who" is the real uid of the process (``os.getuid()``) and that uid's login name from the
password database (``pwd.getpwuid``): environment variables such as ``USER`` or ``LOGNAME`` can be
set by anyone and are never read. ``SUDO_USER``/``SUDO_UID`` are recorded as separate *claimed*
fields: sudo sets them, but so can any caller, so they tell who a root shell says it is, no more.
"""

from __future__ import annotations

import os
import pwd
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from rootmail.logs import json_one_line
from rootmail.private import FILE_MODE

AUDIT_FILE = "audit.log"


def actor() -> dict[str, Any]:
    """The real and effective uid with their password-database names, and what sudo claims."""
    uid, euid = os.getuid(), os.geteuid()
    entry: dict[str, Any] = {"uid": uid, "user": _login_name(uid)}
    if euid != uid:
        entry.update({"euid": euid, "effective_user": _login_name(euid)})
    claimed = {name: os.environ[var] for name, var in (("sudo_user_claimed", "SUDO_USER"),
                                                        ("sudo_uid_claimed", "SUDO_UID"))
               if os.environ.get(var)}
    entry.update(claimed)
    return entry


def _login_name(uid: int) -> str | None:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:  # a uid without an entry (containers with arbitrary uids)
        return None


def record(data_dir: Path, event: str, key: str, *, command: str, now: datetime | None = None) -> dict[str, Any]:
    """Append one audit entry; raises OSError when it cannot be written (then nothing is revealed)."""
    entry: dict[str, Any] = {
        "event": event,
        "command": command,
        "key": key,
        "when": (now or datetime.now(UTC)).isoformat(),
        **actor(),
    }
    path = Path(data_dir) / AUDIT_FILE
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, FILE_MODE)
    try:
        info = os.fstat(fd)
        if info.st_mode & 0o077 and info.st_uid == os.geteuid():
            os.fchmod(fd, FILE_MODE)  # a log an older version created readable
        os.write(fd, (json_one_line(entry, sort_keys=True) + "\n").encode("ascii"))
        os.fsync(fd)
    finally:
        os.close(fd)
    return entry
