"""Read messages from .eml files, mbox files and Maildir folders, naming each one for reports."""

from __future__ import annotations

import mailbox
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True, slots=True)
class MailFile:
    """One message (``raw``) or one unreadable input (``error``), named by ``label``."""

    label: str
    raw: bytes = b""
    error: str = ""


def _is_maildir(path: Path) -> bool:
    return path.is_dir() and (path / "cur").is_dir() and (path / "new").is_dir()


def _is_mbox(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(5) == b"From "
    except OSError:
        return False


def iter_messages(paths: list[str]) -> Iterator[MailFile]:
    """Every message under ``paths``; directories that are not Maildirs are walked for *.eml."""
    for name in paths:
        path = Path(name)
        if _is_maildir(path):
            box = mailbox.Maildir(path, factory=None, create=False)
            for key in sorted(box.iterkeys()):
                try:
                    yield MailFile(f"{path}:{key}", box.get_bytes(key))
                except OSError as exc:
                    yield MailFile(f"{path}:{key}", error=f"cannot read ({exc.strerror})")
        elif path.is_dir():
            files = sorted(p for p in path.rglob("*.eml") if p.is_file())
            if not files:
                yield MailFile(str(path), error="directory holds no .eml files and is not a Maildir")
            for file in files:
                yield from iter_messages([str(file)])
        elif not path.exists():
            yield MailFile(str(path), error="no such file; check the path")
        elif _is_mbox(path):
            mbox = mailbox.mbox(path, factory=None, create=False)
            for index, key in enumerate(mbox.iterkeys()):
                yield MailFile(f"{path}#{index + 1}", mbox.get_bytes(key))
        else:
            try:
                raw = path.read_bytes()
            except OSError as exc:
                yield MailFile(str(path), error=f"cannot read ({exc.strerror}); check permissions")
                continue
            if not raw.strip():
                yield MailFile(str(path), error="file is empty; nothing to read")
            else:
                yield MailFile(str(path), raw)
