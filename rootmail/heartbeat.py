"""The scheduler's heartbeat file: ``rootmail beat`` touches it on every tick of its loop, and the
chart's liveness probe (``python -m rootmail.heartbeat FILE MAX_AGE``) fails when it is older than
MAX_AGE seconds: a beat that hangs (a blocked broker connection, a stuck schedule file) is
restarted, where a process check would only see that it is still there."""

from __future__ import annotations

import sys
import time
from pathlib import Path

#: beat ticks at least this often (celery's ``beat_max_loop_interval``), so the file is never older
#: than this while beat runs; the probe's MAX_AGE must be well above it.
MAX_LOOP_INTERVAL = 10.0


def heartbeat_path(data_dir: str | Path) -> Path:
    return Path(data_dir) / "run" / "beat-heartbeat"


def touch(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()


def age(path: Path, now: float | None = None) -> float | None:
    """Seconds since ``path`` was last touched, or None when it does not exist."""
    try:
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    return (time.time() if now is None else now) - mtime


def main(argv: list[str]) -> int:
    """Exit 0 when the heartbeat file is fresh, 1 (with the reason on stderr) when not."""
    if len(argv) != 2:
        print("usage: python -m rootmail.heartbeat FILE MAX_AGE_SECONDS", file=sys.stderr)
        return 2
    path, max_age = Path(argv[0]), float(argv[1])
    seconds = age(path)
    if seconds is None:
        print(f"{path} does not exist: rootmail beat has not ticked yet", file=sys.stderr)
        return 1
    if seconds > max_age:
        print(f"{path} is {seconds:.0f} s old (limit {max_age:.0f} s): rootmail beat is not ticking",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
