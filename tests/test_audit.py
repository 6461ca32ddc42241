"""Honest audit and redacted quarantine: ``message show --reveal`` and ``quarantine show [--reveal]``
run as real processes (``python -m rootmail``) against a message store on disk."""

from __future__ import annotations

import base64
import json
import os
import pty
import pwd
import subprocess
import sys
from pathlib import Path

import pytest

from ingest.envelope import Envelope
from ingest.store import LocalStore
from tests.conftest import FIXTURES

NOTICES = FIXTURES / "notices"
RESET = (NOTICES / "password-reset-qp-softwrap.eml").read_bytes()
RESET_SECRET = (NOTICES / "password-reset-qp-softwrap.secret").read_text().strip()
CODE = "482913"


def _b64_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


HOSTILE = (
    "From: \x1b]0;all clear\x07Amazon Web Services <no-reply-aws@amazon.com>\r\n"
    "To: root@aws.example.org\r\n"
    f"Subject: {_b64_word(CODE + ' is your AWS sign-in code ' + chr(0x1b) + '[2J' + chr(0x202e) + 'gnp.exe')}\r\n"
    "X-Hostile: line\x1b[1A\x1b[2Kforged\r\n"
    "Message-ID: <hostile@example.test>\r\n"
    "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(f"Your AWS verification code: {CODE}\n\x1b]8;;https://phish.invalid/x\x07click\x1b]8;;\x07\n"
                         .encode()).decode().replace("\n", "\r\n")
).encode()


@pytest.fixture()
def site(tmp_path: Path) -> tuple[dict[str, str], LocalStore]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("ROOTMAIL_", "SUDO_"))}
    env["ROOTMAIL_DATA_DIR"] = str(tmp_path / "data")
    return env, LocalStore(tmp_path / "data" / "messages", fsync=False)


def rootmail(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "rootmail", *args], env=env, capture_output=True, timeout=120)


def _audit(env: dict[str, str]) -> list[dict[str, object]]:
    path = Path(env["ROOTMAIL_DATA_DIR"]) / "audit.log"
    return [json.loads(line) for line in path.read_text(encoding="ascii").splitlines()]


def test_reveal_records_the_real_uid_and_its_login_name_never_environment(
        site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    key = store.put(Envelope("bounce@amazonses.com", ("root@aws.example.org",)), RESET)
    claimed = 'alice\n{"event": "forged", "user": "root"}\u2028\x1b[2J'
    env.update(USER="mallory", LOGNAME="mallory", SUDO_USER=claimed, SUDO_UID="4242")
    result = rootmail(env, "message", "show", key, "--reveal")
    assert result.returncode == 0, result.stderr
    assert result.stdout == RESET  # into a pipe: byte for byte
    path = Path(env["ROOTMAIL_DATA_DIR"]) / "audit.log"
    assert len(path.read_bytes().splitlines()) == 1 and path.read_bytes().isascii()
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    (entry,) = _audit(env)
    assert entry["uid"] == os.getuid() and entry["user"] == pwd.getpwuid(os.getuid()).pw_name
    assert entry["sudo_user_claimed"] == claimed and entry["sudo_uid_claimed"] == "4242"
    assert (entry["event"], entry["command"], entry["key"]) == ("message_revealed", "message show --reveal", key)
    assert "mallory" not in path.read_text() and "who" not in entry


def test_quarantine_show_is_redacted_and_terminal_safe_and_not_audited(
        site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    hostile = store.put(Envelope("b@evil.example", ("root@aws.example.org",)), HOSTILE)
    store.quarantine(hostile, f"header Subject unreadable: '{CODE} code\x1b[2J'\r\nforged: line")
    reset = store.put(Envelope("bounce@amazonses.com", ("root@aws.example.org",)), RESET)
    store.quarantine(reset, "held by an operator")
    for key in (hostile, reset):
        result = rootmail(env, "quarantine", "show", key)
        assert result.returncode == 0, result.stderr
        out = result.stdout.decode("utf-8")
        assert CODE not in out and RESET_SECRET not in out
        assert not any(c in out for c in "\x1b\x07\x9b\x9d\u202e\r"), out
    shown = rootmail(env, "quarantine", "show", hostile).stdout.decode()
    assert "Subject: [removed: one-time code] is your AWS sign-in code gnp.exe" in shown
    assert "X-Hostile: lineforged" in shown and "click" in shown and "phish.invalid" not in shown
    listed = rootmail(env, "quarantine", "list").stdout.decode()
    assert CODE not in listed and "\x1b" not in listed
    assert any(line.endswith("code' forged: line") for line in listed.splitlines())
    assert not (Path(env["ROOTMAIL_DATA_DIR"]) / "audit.log").exists()


def test_quarantine_show_of_credential_mail_uses_default_deny_in_headers(
        site: tuple[dict[str, str], LocalStore]) -> None:
    """A code-like token in any header of root-credential mail goes, even with no code word beside it."""
    env, store = site
    raw = (b"From: Amazon Web Services <no-reply@verify.signin.aws>\r\nTo: root@aws.example.org\r\n"
           b"Subject: Your request\r\nX-Request: Q7K2XM9\r\nMessage-ID: <q7k2xm9@verify.signin.aws>\r\n"
           b"\r\nHello.\r\n")
    key = store.put(Envelope("bounce@amazonses.com", ("root@aws.example.org",)), raw)
    store.quarantine(key, "held by an operator")
    out = rootmail(env, "quarantine", "show", key).stdout.decode()
    assert "X-Request:" in out and "Q7K2XM9" not in out and "q7k2xm9" not in out.lower(), out


def test_quarantine_show_reveal_is_audited_like_message_show(site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    key = store.put(Envelope("b@evil.example", ("root@aws.example.org",)), HOSTILE)
    store.quarantine(key, "held")
    env["SUDO_USER"] = "alice"
    result = rootmail(env, "quarantine", "show", key, "--reveal")
    assert result.returncode == 0 and result.stdout == HOSTILE
    (entry,) = _audit(env)
    assert (entry["event"], entry["command"], entry["key"]) == ("message_revealed", "quarantine show --reveal", key)
    assert (entry["uid"], entry["user"], entry["sudo_user_claimed"]) == (
        os.getuid(), pwd.getpwuid(os.getuid()).pw_name, "alice")


def test_no_audit_entry_no_reveal(site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    key = store.put(Envelope("b@evil.example", ("root@aws.example.org",)), RESET)
    (Path(env["ROOTMAIL_DATA_DIR"]) / "audit.log").mkdir()  # cannot be appended to, even as root
    result = rootmail(env, "message", "show", key, "--reveal")
    assert result.returncode == 2 and result.stdout == b""
    assert b"cannot write the audit log" in result.stderr and b"Traceback" not in result.stderr


def test_an_audit_log_left_readable_is_made_private(site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    key = store.put(Envelope("b@evil.example", ("root@aws.example.org",)), RESET)
    path = Path(env["ROOTMAIL_DATA_DIR"]) / "audit.log"
    path.write_text("")
    path.chmod(0o644)
    assert rootmail(env, "message", "show", key, "--reveal").returncode == 0
    assert oct(path.stat().st_mode & 0o777) == "0o600" and len(_audit(env)) == 1


def _on_a_terminal(env: dict[str, str], *args: str) -> bytes:
    """Run the CLI with its stdout on a pseudo-terminal; returns what the terminal received."""
    master, slave = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "rootmail", *args], env=env, stdout=slave,
                               stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    os.close(slave)
    received = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        received += chunk
    os.close(master)
    assert process.wait(60) == 0, process.stderr.read() if process.stderr else b""
    return received


def test_reveal_on_a_terminal_shows_control_characters_instead_of_running_them(
        site: tuple[dict[str, str], LocalStore]) -> None:
    env, store = site
    key = store.put(Envelope("b@evil.example", ("root@aws.example.org",)), HOSTILE)
    received = _on_a_terminal(env, "message", "show", key, "--reveal")
    assert b"\x1b" not in received and b"\x07" not in received
    assert b"\\x1b]0;all clear\\x07Amazon Web Services" in received
    assert len(_audit(env)) == 1
