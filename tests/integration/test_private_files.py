"""Private files and clean terminals, end to end through real processes.

``rootmail serve`` (embedded Redis and worker) on a fresh data directory receives a hostile mail
over SMTP (control sequences, bidi override and a sign-in code in its headers and body; a directory
whose account name carries an OSC sequence). Then: every directory under the data directory is
0700 and every file 0600 (SQLite DB/WAL/SHM, Redis AOF and config, message store, run/redis.url,
audit.log…), the log has no raw control character, and every CLI view of that mail — ``tickets
list/show``, ``message show``, ``directory list``, ``status``, ``classify`` — reaches the terminal
without a control sequence.
"""

from __future__ import annotations

import base64
import os
import stat
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import wait_for
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration

RCPT = "root-hostile@roots.example.net"
CODE = "482913"
DIRECTORY = f"""
customers:
  - id: acme
    name: "Acme \\e]0;all clear\\a Corp"
    contacts: [ops@acme.example]
accounts:
  - account_id: "111111111111"
    name: "acme-\\e[31mprod\\u202e"
    customer: acme
    root_email: {RCPT}
"""


def _b64_word(text: str) -> str:
    return "=?utf-8?b?" + base64.b64encode(text.encode()).decode() + "?="


SUBJECT = _b64_word(f"{CODE} is your AWS sign-in code \x1b]0;owned\x07\u202efdp.exe\x9b2J")
HOSTILE = (
    "From: Amazon Web Services \x1b[8m<no-reply-aws@amazon.com>\r\n"
    f"To: {RCPT}\r\n"
    f"Subject: {SUBJECT}\r\n"
    "Message-ID: <hostile-1@example.test>\r\n"
    "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: base64\r\n\r\n"
    + base64.encodebytes(f"Your AWS verification code: {CODE}\n\x1b[2J\x1b]8;;https://phish.invalid/\x07sign in"
                         "\x1b]8;;\x07\n\u202eevil\u202c\n".encode()).decode().replace("\n", "\r\n")
).encode()


# mail-parser logs a header it cannot decode whole, at ERROR ("Failed decoding header part: ..."):
# with the code, and with the CR LF of the folded header
UNDECODABLE = (
    "From: Amazon Web Services <no-reply-aws@amazon.com>\r\n"
    f"To: {RCPT}\r\n"
    f"Subject: {CODE} is your AWS sign-in code\r\n =?utf-8?b?Q?=\r\n"
    "Message-ID: <undecodable-1@example.test>\r\n"
    "Date: Mon, 02 Nov 2026 10:00:00 +0000\r\n\r\n"
    "Body.\r\n"
).encode()


def _unsafe(text: str) -> list[str]:
    return [c for c in text if c not in "\n\t" and (unicodedata.category(c)[0] == "C"
                                                    or unicodedata.category(c) in ("Zl", "Zp"))]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Rootmail]:
    workdir = tmp_path_factory.mktemp("private")
    (workdir / "directory.yaml").write_text(DIRECTORY, encoding="utf-8")
    rm = Rootmail(workdir / "site", directory_file=str(workdir / "directory.yaml"), log_format="console")
    os.chmod(rm.workdir, 0o755)
    assert not (rm.workdir / "rootmail-data").exists()
    rm.serve()
    for raw in (HOSTILE, UNDECODABLE):
        code, reply = rm.send(raw, [RCPT])
        assert code == 250, reply
    wait_for(lambda: (lambda s: s["done"] + s["quarantined"] == 2)(rm.status()), timeout=90,
             message="both mails processed")
    try:
        yield rm
    finally:
        rm.close()


def _data(rm: Rootmail) -> Path:
    return rm.workdir / "rootmail-data"


def _stored_key(rm: Rootmail) -> str:
    """The key of the hostile mail in the store."""
    (path,) = [p for p in (_data(rm) / "messages").rglob("*.msg") if p.read_bytes().endswith(HOSTILE)]
    return path.stem


def _modes(root: Path) -> tuple[dict[str, str], dict[str, str]]:
    """(directories, regular files) under ``root`` that grant group or other anything."""
    loose_dirs, loose_files = {}, {}
    for folder, dirs, files in os.walk(root):
        for name in [folder, *(os.path.join(folder, d) for d in dirs)]:
            mode = stat.S_IMODE(os.lstat(name).st_mode)
            if mode & 0o077:
                loose_dirs[name] = oct(mode)
        for name in (os.path.join(folder, f) for f in files):
            info = os.lstat(name)
            if stat.S_ISREG(info.st_mode) and stat.S_IMODE(info.st_mode) & 0o077:
                loose_files[name] = oct(stat.S_IMODE(info.st_mode))
    return loose_dirs, loose_files


def test_data_directory_is_0700_and_every_file_in_it_0600(site: Rootmail) -> None:
    data = _data(site)
    key = _stored_key(site)
    assert "no-reply-aws@amazon.com" in site.cli("message", "show", key, "--reveal").stdout  # writes audit.log
    expected = ["helpdesk.sqlite3", "helpdesk.sqlite3-wal", "helpdesk.sqlite3-shm", "run/redis.url",
                "redis/redis.conf", "audit.log", f"messages/done/{key[:4]}-{key[4:6]}-{key[6:8]}/{key}.msg"]
    assert site.status()["done"] >= 1
    for name in expected:
        assert (data / name).is_file(), name
    assert list((data / "redis").rglob("appendonly*")), "the embedded Redis's AOF"
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    loose_dirs, loose_files = _modes(data)
    assert loose_dirs == {} and loose_files == {}
    counted = sum(len(files) for _, _, files in os.walk(data))
    assert counted >= len(expected) + 1


def test_cli_views_of_hostile_mail_carry_no_control_sequence(site: Rootmail, tmp_path: Path) -> None:
    (ticket,) = [t for t in site.tickets() if "fdp.exe" in t["subject"]]
    key = _stored_key(site)
    hostile_file = tmp_path / "mail\x1b]0;owned\x07.eml"
    hostile_file.write_bytes(HOSTILE)
    outputs = {
        "tickets list": site.cli("tickets", "list").stdout,
        "tickets list --json": site.cli("tickets", "list", "--json").stdout,
        "tickets show": site.cli("tickets", "show", str(ticket["id"])).stdout,
        "tickets show --json": site.cli("tickets", "show", str(ticket["id"]), "--json").stdout,
        "message show": site.cli("message", "show", key).stdout,
        "directory list": site.cli("directory", "list").stdout,
        "directory list --json": site.cli("directory", "list", "--json").stdout,
        "status": site.cli("status").stdout,
        "classify": site.cli("classify", str(hostile_file), "--dns-nameserver", "127.0.0.1:9").stdout,
        "classify --json": site.cli("classify", "--json", str(hostile_file), "--dns-nameserver", "127.0.0.1:9").stdout,
    }
    for name, out in outputs.items():
        assert out.strip(), name
        assert _unsafe(out) == [], (name, out)
    assert "is your AWS sign-in code" in outputs["message show"] and CODE not in outputs["message show"]
    assert "fdp.exe" in outputs["message show"] and "sign in" in outputs["message show"]
    assert "phish.invalid" not in outputs["message show"]
    rows = outputs["tickets list"].splitlines()[1:]
    assert len(rows) == len(site.tickets()) and all(row.lstrip()[:1].isdigit() for row in rows)
    assert "acme-prod" in outputs["directory list"] and "\\u001b" in outputs["directory list --json"]


def test_log_has_one_line_per_record_and_no_mail_content(site: Rootmail) -> None:
    text = site.log("serve.log")  # serve, its Redis and its worker, console format
    assert "receiver_started" in text and "message_stored" in text
    assert _unsafe(text) == []
    assert CODE not in text and "=?utf-8?b?Q?=" not in text
