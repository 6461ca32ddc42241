"""The account directory in memory for the receiver and the workers, reloaded when its files change.

Sources, in order:

1. the snapshot ``<data_dir>/directory.snapshot.yaml`` that ``rootmail directory sync`` (and the
   periodic sync) writes atomically — the merge of the directory file and AWS Organizations;
2. the configured directory file (``ROOTMAIL_DIRECTORY_FILE``, YAML or CSV). When a snapshot
   exists too, the file is merged over it (file entries win for the same account id), so an edit
   to the file counts at once, before the next sync;
3. without either, the embedded demo directory (empty when it is not packaged).

``get()`` is cheap: it looks at the files' modification times at most every ``check_every``
seconds, so an address added by a sync is accepted within seconds, without a restart and without
calling AWS. A file that does not parse keeps the last good directory, logs
``directory_reload_failed`` and sets ``rootmail_directory_reload_ok`` to 0.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import structlog
from prometheus_client import Counter, Gauge

from rootmail.settings import Settings
from routing.directory import (
    Directory,
    DirectoryError,
    merge_directories,
    parse_directory,
    parse_directory_source,
)

log = structlog.get_logger(__name__)

SNAPSHOT_NAME = "directory.snapshot.yaml"

DIRECTORY_RELOADS = Counter("rootmail_directory_reloads_total", "Account directory (re)loads by result", ["result"])
DIRECTORY_RELOAD_OK = Gauge("rootmail_directory_reload_ok", "1 when the last load of the account directory succeeded")
DIRECTORY_ADDRESSES = Gauge("rootmail_directory_addresses", "Root addresses in the account directory in use")

Stamp = tuple[tuple[str, int, int] | None, ...]


def snapshot_path(settings: Settings) -> Path:
    """Where the sync writes the merged directory."""
    return Path(settings.data_dir) / SNAPSHOT_NAME


def demo_directory() -> Directory:
    """The embedded demo directory; empty when the package does not carry it."""
    try:
        text = resources.files("rootmail").joinpath("demo/directory.yaml").read_text(encoding="utf-8")
    except (FileNotFoundError, OSError):
        return Directory()
    return parse_directory(text, "<embedded demo directory>")


def read_directory_file(path: Path) -> Directory:
    """The directory file at ``path`` (CSV by its ``.csv`` suffix, else YAML). Raises DirectoryError."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot read the account directory ({exc}); fix ROOTMAIL_DIRECTORY_FILE "
                             "or create the file") from exc
    return parse_directory_source(text, str(path))


def read_snapshot(path: Path) -> Directory:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DirectoryError(f"{path}: cannot read the directory snapshot ({exc})") from exc
    return parse_directory(text, str(path), allow_unassigned=True, entry_source="")


def load_current_directory(settings: Settings) -> Directory:
    """The directory as the receiver sees it now (snapshot merged with the file, or either, or the demo)."""
    snap = snapshot_path(settings)
    file_path = Path(settings.directory_file) if settings.directory_file is not None else None
    directory: Directory | None = read_snapshot(snap) if snap.exists() else None
    if file_path is not None:
        from_file = read_directory_file(file_path)
        directory = from_file if directory is None else merge_directories(from_file, directory).directory
    if directory is None:
        directory = demo_directory()
    return directory.with_plus_addressing(settings.plus_addressing)


class DirectoryHolder:
    """``get()`` returns the directory in memory; reloads it when its files change."""

    def __init__(
        self,
        settings: Settings,
        *,
        check_every: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.settings = settings
        self.check_every = check_every
        self.clock = clock
        self.last_error: str | None = None
        self._lock = threading.Lock()
        self._directory: Directory | None = None
        self._stamp: Stamp = ()
        self._checked = float("-inf")

    def _paths(self) -> tuple[Path, ...]:
        paths = [snapshot_path(self.settings)]
        if self.settings.directory_file is not None:
            paths.append(Path(self.settings.directory_file))
        return tuple(paths)

    def _current_stamp(self) -> Stamp:
        stamps: list[tuple[str, int, int] | None] = []
        for path in self._paths():
            try:
                stat = path.stat()
            except OSError:
                stamps.append(None)
                continue
            stamps.append((str(path), stat.st_mtime_ns, stat.st_size))
        return tuple(stamps)

    def reload(self) -> bool:
        """Load now. True when the new directory is in use; on error the last good one stays.

        Raises :class:`DirectoryError` when there is no last good directory (the first load).
        """
        with self._lock:
            stamp = self._current_stamp()
            try:
                directory = load_current_directory(self.settings)
            except DirectoryError as exc:
                self._stamp = stamp  # do not retry the same broken file on every call
                self.last_error = str(exc)
                DIRECTORY_RELOADS.labels("failed").inc()
                DIRECTORY_RELOAD_OK.set(0)
                if self._directory is None:
                    raise
                log.error("directory_reload_failed", error=str(exc),
                          kept_addresses=len(self._directory.by_address))
                return False
            previous = self._directory
            self._directory = directory
            self._stamp = stamp
            self.last_error = None
            DIRECTORY_RELOADS.labels("ok").inc()
            DIRECTORY_RELOAD_OK.set(1)
            DIRECTORY_ADDRESSES.set(len(directory.by_address))
            if previous is not None:
                log.info("directory_reloaded", addresses=len(directory.by_address),
                         accounts=len(directory.accounts), customers=len(directory.customers))
            return True

    def get(self) -> Directory:
        now = self.clock()
        if self._directory is None:
            self._checked = now
            self.reload()
        elif now - self._checked >= self.check_every:
            self._checked = now
            if self._current_stamp() != self._stamp:
                self.reload()
        assert self._directory is not None
        return self._directory
