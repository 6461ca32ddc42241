"""Load benchmark: 200 concurrent SMTP sessions held for a minute with a stream of messages.

Reports accepted/s, rejected/s (RCPT to unknown addresses, ~10% of the stream), reply-time
percentiles (end of DATA to the reply, i.e. the durable store and enqueue) and the receiver's
peak memory (RSS of `rootmail serve` and its children), for rootmail on its production shape
(external Redis, no worker in the receiver). A bare aiosmtpd handler is measured in the same run
as the baseline for the accepted rate.

    python bench/load.py [--sessions 200] [--seconds 60] [--processes 1]

Everything listens on 127.0.0.1; the client and the servers share this machine's CPUs.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from smtp_accept import RCPT, _reply, free_port, message, redis_binary, wait_port


async def session(port: int, payload: bytes, deadline: float, stats: dict[str, list[float]], seed: int) -> None:
    rng = random.Random(seed)
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    await _reply(reader)
    writer.write(b"EHLO load.test\r\n")
    await _reply(reader)
    data = payload + b"\r\n.\r\n"
    while time.monotonic() < deadline:
        unknown = rng.random() < 0.1
        rcpt = b"nobody-%d@roots.example.com" % rng.randrange(10**6) if unknown else RCPT.encode()
        writer.write(b"MAIL FROM:<bounce@amazonses.com>\r\nRCPT TO:<" + rcpt + b">\r\n")
        mail_code, rcpt_code = await _reply(reader), await _reply(reader)
        if rcpt_code != 250 or mail_code != 250:
            stats["rejected"].append(time.monotonic())
            writer.write(b"RSET\r\n")
            await _reply(reader)
            continue
        writer.write(b"DATA\r\n")
        if await _reply(reader) != 354:
            stats["errors"].append(time.monotonic())
            continue
        started = time.monotonic()
        writer.write(data)
        code = await _reply(reader)
        stats["reply"].append(time.monotonic() - started)
        stats["accepted" if code == 250 else "errors"].append(time.monotonic())
    writer.write(b"QUIT\r\n")
    await _reply(reader)
    writer.close()


def drive(port: int, sessions: int, seconds: float) -> tuple[dict[str, list[float]], float]:
    stats: dict[str, list[float]] = {"accepted": [], "rejected": [], "errors": [], "reply": []}

    async def main() -> None:
        deadline = time.monotonic() + seconds
        await asyncio.gather(*(session(port, message(), deadline, stats, n) for n in range(sessions)))

    started = time.monotonic()
    asyncio.run(main())
    return stats, time.monotonic() - started


def watch_memory(pid: int, stop: threading.Event, peak: list[int]) -> None:
    while not stop.is_set():
        try:
            root = psutil.Process(pid)
            rss = root.memory_info().rss + sum(c.memory_info().rss for c in root.children(recursive=True))
            peak[0] = max(peak[0], rss)
        except psutil.Error:
            pass
        stop.wait(0.2)


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


def run_server(cmd: list[str], env: dict[str, str], port: int, sessions: int,
               seconds: float) -> tuple[dict[str, list[float]], float, int]:
    server = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = [0]
    stop = threading.Event()
    try:
        wait_port(port)
        watcher = threading.Thread(target=watch_memory, args=(server.pid, stop, peak), daemon=True)
        watcher.start()
        stats, elapsed = drive(port, sessions, seconds)
    finally:
        stop.set()
        server.send_signal(signal.SIGTERM)
        server.wait(120)
    return stats, elapsed, peak[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sessions", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--processes", type=int, default=1, help="ROOTMAIL_SMTP_PROCESSES")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="rootmail-load-"))
    redis_port = free_port()
    redis = subprocess.Popen([redis_binary(), "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                              "--dir", str(work)], stdout=subprocess.DEVNULL)
    rows = []
    try:
        for name in ("bare aiosmtpd", "rootmail serve"):
            port = free_port()
            if name.startswith("bare"):
                cmd = [sys.executable, str(Path(__file__).with_name("smtp_accept.py")), "--serve-bare", str(port)]
                env = dict(os.environ)
            else:
                cmd = [sys.executable, "-m", "rootmail", "serve"]
                env = dict(os.environ, ROOTMAIL_SMTP_PORT=str(port), ROOTMAIL_HTTP_PORT="0",
                           ROOTMAIL_REDIS_URL=f"redis://127.0.0.1:{redis_port}/0", ROOTMAIL_WORKER="false",
                           ROOTMAIL_LOG_LEVEL="WARNING", ROOTMAIL_DATA_DIR=str(work / "data"),
                           ROOTMAIL_RECONCILE_INTERVAL="3600", ROOTMAIL_SMTP_PROCESSES=str(args.processes),
                           ROOTMAIL_SMTP_MAX_CONNECTIONS_PER_IP="0")
            stats, elapsed, peak = run_server(cmd, env, port, args.sessions, args.seconds)
            rows.append((name, stats, elapsed, peak))
    finally:
        redis.terminate()
        redis.wait()
        shutil.rmtree(work, ignore_errors=True)
    print(f"{args.sessions} concurrent sessions, {args.seconds:.0f} s, 5 KiB messages, ~10% unknown recipients, "
          f"{os.cpu_count()} CPUs shared by client and server")
    print(f"{'server':16} {'accepted/s':>11} {'rejected/s':>11} {'errors':>7} {'p50 ms':>8} {'p99 ms':>8} "
          f"{'max ms':>8} {'peak RSS MiB':>13}")
    for name, stats, elapsed, peak in rows:
        reply = [r * 1000 for r in stats["reply"]]
        print(f"{name:16} {len(stats['accepted']) / elapsed:11.1f} {len(stats['rejected']) / elapsed:11.1f} "
              f"{len(stats['errors']):7d} {statistics.median(reply):8.1f} {percentile(reply, 0.99):8.1f} "
              f"{max(reply):8.1f} {peak / 2**20:13.1f}")
    bare_rate = len(rows[0][1]["accepted"]) / rows[0][2]
    ours_rate = len(rows[1][1]["accepted"]) / rows[1][2]
    print(f"accepted ratio rootmail/bare = {ours_rate / bare_rate:.2f}")


if __name__ == "__main__":
    main()
