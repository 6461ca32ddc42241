"""End-to-end benchmark: mail over SMTP → rootmail → Zendesk tickets, with latencies.

Starts real processes: a redis-server, dnsmasq with the shared DNS records (when installed), the
local Zendesk-contract server (``tests/fakes/zendesk_server.py``) answering with ``--latency``,
``rootmail serve`` (the SMTP receiver) and ``rootmail worker --concurrency N``, waits until the
worker's ``/readyz`` answers 200 (every worker process started; the directory's Zendesk
organization and user ids were warmed before that) as a deployment would, and sends no message
warm-up unless ``--warmup N`` asks for one (``--no-ready-wait``: send at once, start-up included).
Sends
``--messages`` AWS mails built from the shared samples (support cases, Health events, invoices,
abuse reports; varied accounts and threads, unique Message-IDs) and measures

* throughput: messages per second from the first 250 reply to the last ticket write, and the
  helpdesk requests per minute the server accepted;
* latency from each 250 reply to the helpdesk write of its comment (the internal note names the
  message: ``rootmail message show <key>``, or an uploaded ``<key>.eml``): p50/p95/p99;
* helpdesk requests per message, for the messages that open a thread (the first of each thread,
  sent first, with ``--split``) and for the follow-ups (sent once those are written), with the
  number of customer-visible comments of each phase and the requests by endpoint.

With ``--rate R`` the server allows R requests per minute (429 + Retry-After beyond) and rootmail's
shared limiter is set to R: the run checks sustained throughput >= 0.9 R and no failed message.

    .venv/bin/python bench/end_to_end.py --messages 2000
    .venv/bin/python bench/end_to_end.py --messages 600 --rate 1200
    .venv/bin/python bench/end_to_end.py --messages 600 --threads 150 --send-rate 20 --split
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import os
import random
import re
import shutil
import signal
import smtplib
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.redis_server import running_redis  # noqa: E402
from tests.fakes.zendesk_server import FakeZendesk, Faults  # noqa: E402

SHARED = ROOT.parent / "shared" / "aws-notices"
TEMPLATES = {  # sample file → identifier string to vary per thread (same length)
    "27-support-case-correspondence.eml": "177666103557219",
    "21-health-instance-retirement.eml": "i-0fb82274c1452bbb1",
    "03-billing-invoice.eml": "EUINGB26-284113",
    "17-abuse-report.eml": "10468407181",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def root_addresses() -> list[str]:
    text = (SHARED / "directory.yaml").read_text()
    return re.findall(r"root_email:\s*(\S+)", text)


def vary(token: str, n: int) -> str:
    """A same-length variant of ``token`` for thread ``n`` (digits stay digits, hex stays hex)."""
    digits = f"{n:0{len(token)}d}"[-len(token):]
    out = []
    for i, ch in enumerate(token):
        if ch.isdigit():
            out.append(digits[i])
        elif ch in "ABCDEF":
            out.append("ABCDEF"[(int(digits[i]) + i) % 6])
        else:
            out.append(ch)
    return "".join(out)


def build_messages(count: int, threads: int, seed: int, offset: int = 0) -> list[tuple[str, bytes]]:
    """(recipient, raw) pairs: ``threads`` threads over the templates and the directory's accounts."""
    rng = random.Random(seed)
    addresses = root_addresses()
    templates = [((SHARED / "samples" / name).read_bytes(), token) for name, token in TEMPLATES.items()]
    plan = [(t, templates[t % len(templates)], addresses[t % len(addresses)]) for t in range(threads)]
    messages = []
    for i in range(count):
        t, (raw, token), rcpt = plan[rng.randrange(threads)] if i >= threads else plan[i]
        body = raw.replace(token.encode(), vary(token, 7919 * (t + 1 + offset)).encode())
        body = re.sub(rb"(?im)^Message-ID:[^\r\n]*", f"Message-ID: <bench-{i}-{seed}@rootmail.bench>".encode(),
                      body, count=1)
        messages.append((rcpt, body))
    return messages


@contextlib.contextmanager
def dnsmasq() -> Iterator[str | None]:
    binary = shutil.which("dnsmasq") or ("/usr/sbin/dnsmasq" if Path("/usr/sbin/dnsmasq").exists() else None)
    conf = SHARED / "dns" / "dnsmasq.conf"
    if binary is None or not conf.exists():
        print("warning: dnsmasq not installed; DNS look-ups go nowhere (apt-get install dnsmasq-base)")
        yield None
        return
    port = free_port()
    proc = subprocess.Popen([binary, "--no-daemon", "--port", str(port), "--listen-address", "127.0.0.1",
                             "--bind-interfaces", "--no-hosts", "--no-resolv", f"--conf-file={conf}",
                             "--local=/#/"],  # unknown names: NXDOMAIN, as public DNS, not REFUSED
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    from routing.dns import DnsResolver

    nameserver = f"127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while not _answers(DnsResolver(nameserver, timeout=0.5)):
            if time.monotonic() > deadline or proc.poll() is not None:
                raise SystemExit("dnsmasq did not answer")
            time.sleep(0.05)
        yield nameserver
    finally:
        proc.terminate()
        proc.wait()


@contextlib.contextmanager
def workspace(keep: bool) -> Iterator[str]:
    path = tempfile.mkdtemp(prefix="rootmail-bench-")
    try:
        yield path
    finally:
        if not keep:
            shutil.rmtree(path, ignore_errors=True)


def _answers(resolver: Any) -> bool:
    try:
        return bool(resolver.txt("_dmarc.aws.com"))
    except Exception:  # not up yet
        return False


class Rootmail:
    def __init__(self, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.env = env
        self.procs: list[subprocess.Popen[bytes]] = []

    def spawn(self, *args: str, log: str, **env: str) -> subprocess.Popen[bytes]:
        with open(self.workdir / log, "ab") as handle:
            proc = subprocess.Popen([sys.executable, "-m", "rootmail", *args], cwd=self.workdir,
                                    env={**self.env, **env},
                                    stdout=handle, stderr=subprocess.STDOUT, start_new_session=True)
        self.procs.append(proc)
        return proc

    def status(self) -> dict[str, Any]:
        out = subprocess.run([sys.executable, "-m", "rootmail", "status", "--json"], cwd=self.workdir,
                             env=self.env, capture_output=True, text=True, timeout=60)
        return dict(json.loads(out.stdout)) if out.returncode == 0 else {}

    def close(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def wait_smtp(port: int, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"rootmail serve exited with {proc.returncode}")
        try:
            with smtplib.SMTP("127.0.0.1", port, timeout=5) as client:
                if client.noop()[0] == 250:
                    return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the SMTP receiver did not come up")


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 120) -> float:
    """Poll the worker's ``/readyz`` (200: broker reachable, every worker process started, the
    directory's helpdesk ids warmed before that) until it answers 200; the seconds it took."""
    begun = time.monotonic()
    while time.monotonic() < begun + timeout:
        if proc.poll() is not None:
            raise SystemExit(f"rootmail worker exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/readyz", timeout=5) as answer:
                if answer.status == 200:
                    return time.monotonic() - begun
        except OSError:  # not listening yet, or 503 (HTTPError is an OSError)
            pass
        time.sleep(0.05)  # polling interval, bounded by the deadline
    raise SystemExit("the worker did not become ready")


_NOTE_KEY = re.compile(r"rootmail message show ([^\s;<]+);")


def comment_keys(comment: dict[str, Any]) -> list[str]:
    """The message keys a comment names (linked original or uploaded ``<key>.eml``)."""
    keys = [a["file_name"].removesuffix(".eml") for a in comment["attachments"]]
    return keys + _NOTE_KEY.findall(comment.get("body") or "")


def run(args: argparse.Namespace) -> dict[str, Any]:
    messages = build_messages(args.messages, args.threads, args.seed)
    with running_redis() as redis_url, dnsmasq() as dns, \
            FakeZendesk(faults=Faults(latency=args.latency), rate_limit=args.rate or None) as zd, \
            workspace(args.keep) as tmp:
        workdir = Path(tmp)
        smtp_port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("ROOTMAIL_")}
        env.update({
            "PYTHONPATH": str(ROOT), "ROOTMAIL_REDIS_URL": redis_url, "ROOTMAIL_WORKER": "false",
            "ROOTMAIL_SMTP_PORT": str(smtp_port), "ROOTMAIL_HTTP_PORT": "0", "ROOTMAIL_LOG_FORMAT": "json",
            "ROOTMAIL_LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
            "ROOTMAIL_DIRECTORY_FILE": str(SHARED / "directory.yaml"),
            "ROOTMAIL_HELPDESK": "zendesk", "ROOTMAIL_ZENDESK_URL": zd.url,
            "ROOTMAIL_ZENDESK_EMAIL": zd.email, "ROOTMAIL_ZENDESK_TOKEN": zd.token,
            "ROOTMAIL_ZENDESK_RATE_LIMIT": str(args.rate or 1_000_000),
            "ROOTMAIL_RECONCILE_INTERVAL": "30", "ROOTMAIL_RECONCILE_GRACE": "600",
        })
        if dns:
            env["ROOTMAIL_DNS_NAMESERVERS"] = dns
        rootmail = Rootmail(workdir, env)
        try:
            serve = rootmail.spawn("serve", log="serve.log")
            wait_smtp(smtp_port, serve)
            health_port = free_port()
            worker = rootmail.spawn("worker", "--concurrency", str(args.workers), log="worker.log",
                                    ROOTMAIL_HTTP_PORT=str(health_port))
            requests_at_start = len(zd.log)
            # a deployment sends no mail to workers that are still starting: wait for readiness
            # (not a message warm-up; --no-ready-wait measures the start-up as well)
            ready_s = wait_ready(health_port, worker) if args.ready_wait else None
            start_requests = zd.log[requests_at_start:]
            accepted: dict[str, float] = {}
            written: dict[str, float] = {}
            phases: dict[str, dict[str, Any]] = {}
            deadline = time.monotonic() + args.timeout

            def send(batch: list[tuple[str, bytes]]) -> None:
                begun, sent = time.time(), 0
                with smtplib.SMTP("127.0.0.1", smtp_port, timeout=60) as client:
                    client.ehlo("bench.test")
                    for rcpt, raw in batch:
                        client.mail("bounce@amazonses.com")
                        code, _ = client.rcpt(rcpt)
                        if code != 250:
                            raise SystemExit(f"RCPT {rcpt} refused: {code}")
                        code, text = client.data(raw)
                        now = time.time()
                        if code != 250:
                            raise SystemExit(f"DATA refused: {code} {text!r}")
                        accepted[text.decode().rsplit(" ", 1)[-1]] = now
                        sent += 1
                        if args.send_rate:
                            time.sleep(max(0.0, begun + sent / args.send_rate - time.time()))

            def wait_written() -> None:
                while time.monotonic() < deadline and len(written) < len(accepted):
                    with zd.lock:
                        comments = list(itertools.chain.from_iterable(zd.state.comments.values()))
                    for comment in comments:
                        for key in comment_keys(comment):
                            if key in accepted and key not in written:
                                written[key] = comment["created_ts"]
                    time.sleep(0.25)  # polling interval, bounded by the deadline

            def phase(name: str, batch: list[tuple[str, bytes]]) -> None:
                before_keys, before_requests = set(accepted), len(zd.log)
                public_before = _public_comments(zd)
                send(batch)
                wait_written()
                ok = [r for r in zd.log[before_requests:] if r.status is not None and r.status < 400]
                phases[name] = {"messages": len(set(accepted) - before_keys), "requests_ok": len(ok),
                                "public_comments": _public_comments(zd) - public_before,
                                "by_endpoint": dict(Counter(_endpoint(r.method, r.path) for r in ok))}

            if args.warmup:  # other threads, other Message-IDs; not in the figures below
                phase("warm_up", build_messages(args.warmup, args.warmup, args.seed + 1000, offset=args.threads))
            warm_keys, warm_log = set(accepted), len(zd.log)
            started = time.time()
            firsts = messages[:args.threads]
            if args.split and len(messages) > len(firsts):
                phase("new_threads", firsts)
                phase("follow_ups", messages[args.threads:])
            else:
                phase("all", messages)
            sent_done = time.time()
            status = rootmail.status()
        finally:
            rootmail.close()
        for key in warm_keys:
            accepted.pop(key, None)
            written.pop(key, None)
        latencies = [written[k] - accepted[k] for k in written]
        first, last = min(accepted.values()), max(written.values(), default=time.time())
        ok_requests = [r for r in zd.log[warm_log:] if r.status is not None and r.status < 400]
        throttled = [r for r in zd.log[warm_log:] if r.status == 429]
        # sustained rate: requests accepted in the middle 80 % of the run (no warm-up, no tail)
        span = last - first
        window = [r for r in ok_requests if first + 0.1 * span <= r.at <= first + 0.9 * span]
        sustained_rpm = len(window) / (0.8 * span) * 60 if span > 0 else 0.0
        result = {
            "workdir": tmp if args.keep else None,
            "messages": len(messages), "warm_up_messages": args.warmup, "threads": args.threads,
            "workers": args.workers,
            "server_latency_ms": args.latency * 1000, "send_rate": args.send_rate or None,
            "worker_ready_s": round(ready_s, 2) if ready_s is not None else None,
            "worker_start_requests": dict(Counter(_endpoint(r.method, r.path) for r in start_requests
                                                  if r.status is not None and r.status < 400)),
            "rate_limit_rpm": args.rate or None,
            "written": len(written), "missing": len(accepted) - len(written),
            "tickets": len(zd.state.tickets),
            "threads_with_two_open_tickets": sum(
                1 for n in Counter(t["external_id"] for t in zd.state.tickets.values()
                                   if t["status"] not in ("solved", "closed")).values() if n > 1),
            "comments": sum(len(c) for c in zd.state.comments.values()),
            "send_seconds": round(sent_done - started, 2), "total_seconds": round(span, 2),
            "throughput_msgs_per_s": round(len(written) / span, 2) if span > 0 else None,
            "helpdesk_requests_ok": len(ok_requests), "helpdesk_429": len(throttled),
            "requests_per_message": round(len(ok_requests) / max(1, len(written)), 2),
            "sustained_requests_per_min": round(sustained_rpm, 1),
            "slowest": [{"sent_at_s": round(accepted[k] - first, 2), "latency_s": round(written[k] - accepted[k], 3)}
                        for k in sorted(written, key=lambda k: written[k] - accepted[k])[-8:]],
            "latency_s": {"p50": round(percentile(latencies, 50), 3), "p95": round(percentile(latencies, 95), 3),
                          "p99": round(percentile(latencies, 99), 3), "max": round(max(latencies, default=0), 3)},
            "quarantined": status.get("quarantined"), "done": status.get("done"),
            # p99 of each tenth of the run, in order of acceptance: a warm-up shows in the first ones
            "latency_p99_by_tenth_s": [
                round(percentile(part, 99), 2) for part in _tenths([written[k] - accepted[k] for k in
                                                                    sorted(written, key=accepted.__getitem__)])],
            "phases": {name: {**p, "requests_per_message": round(p["requests_ok"] / max(1, p["messages"]), 2)}
                       for name, p in phases.items()},
        }
        if args.rate:
            result["rate_check"] = {
                "sustained_vs_limit": round(sustained_rpm / args.rate, 3),
                "passed": sustained_rpm >= 0.9 * args.rate and result["missing"] == 0
                and not status.get("quarantined"),
            }
        return result


def _tenths(values: list[float]) -> list[list[float]]:
    step = max(1, len(values) // 10)
    return [values[i:i + step] for i in range(0, len(values), step)][:10]


def _public_comments(zd: FakeZendesk) -> int:
    with zd.lock:
        return sum(1 for c in itertools.chain.from_iterable(zd.state.comments.values()) if c["public"])


def _endpoint(method: str, path: str) -> str:
    return f"{method} {re.sub(r'/[0-9]+', '/{id}', path)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=2000)
    parser.add_argument("--threads", type=int, default=400, help="distinct threads among the messages")
    parser.add_argument("--workers", type=int, default=2, help="worker processes (rootmail worker -c)")
    parser.add_argument("--latency", type=float, default=0.020, help="server latency per request, seconds")
    parser.add_argument("--rate", type=int, default=0, help="server rate limit, requests per minute (0: none)")
    parser.add_argument("--send-rate", type=float, default=0.0, help="messages per second to send (0: at once)")
    parser.add_argument("--timeout", type=float, default=1800.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--warmup", type=int, default=0,
                        help="messages (own threads) sent and written before the measured run")
    parser.add_argument("--split", action="store_true",
                        help="send the first message of every thread, wait, then the follow-ups: "
                             "requests per message for each")
    parser.add_argument("--no-ready-wait", dest="ready_wait", action="store_false",
                        help="send at once instead of waiting for the worker's /readyz")
    parser.add_argument("--keep", action="store_true", help="keep the work directory (logs) and print it")
    args = parser.parse_args()
    result = run(args)
    print(json.dumps(result, indent=2))
    if result["missing"] or result.get("quarantined"):
        sys.exit(1)
    if "rate_check" in result and not result["rate_check"]["passed"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
