"""Benchmark: messages per second for parse only (mail-parser) and for parse + authenticate +
classify + redact, on the shared samples (or our own fixtures), in one run, DNS answers cached.

    .venv/bin/python bench/classify.py [--rounds N] [--dns-nameserver HOST:PORT]

Without --dns-nameserver the DNS answers come from ../shared/aws-notices/dns/records.json in
memory (a warm cache); with it, a real resolver is used and warmed by one untimed pass.
Target: the full path at least 0.5 x the speed of bare parsing.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.envelope import Envelope  # noqa: E402
from rootmail.runtime import classifier_stages  # noqa: E402
from rootmail.settings import Settings  # noqa: E402
from routing.dns import StaticResolver  # noqa: E402
from routing.parse import parse_mail  # noqa: E402
from routing.redact import render  # noqa: E402
from routing.types import Recipient  # noqa: E402

SHARED = REPO.parent / "shared" / "aws-notices"
DKIM_VERIFIER = ("routing.dkim_verify (dkimpy's steps, RSA in OpenSSL for rsa-sha256; dkimpy itself for other "
                 "algorithms)")


def _messages() -> tuple[str, list[bytes]]:
    samples = sorted((SHARED / "samples").glob("*.eml"))
    if samples:
        return "shared samples", [p.read_bytes() for p in samples]
    fixtures = sorted((REPO / "tests" / "fixtures" / "notices").glob("*.eml"))
    return "own fixtures (../shared absent)", [p.read_bytes() for p in fixtures]


def _pass_seconds(messages: list[bytes], step: Callable[[bytes], object]) -> float:
    start = time.perf_counter()
    for raw in messages:
        step(raw)
    return time.perf_counter() - start


def _rates(messages: list[bytes], rounds: int, parse_step: Callable[[bytes], object],
           full_step: Callable[[bytes], object]) -> tuple[float, float]:
    """Median messages/second of each path; the two alternate round by round, so that load from
    other processes on the machine hits both alike."""
    for raw in messages:  # warm-up (imports, regex compilation, DNS cache)
        parse_step(raw)
        full_step(raw)
    parse_times, full_times = [], []
    for _ in range(rounds):
        parse_times.append(_pass_seconds(messages, parse_step))
        full_times.append(_pass_seconds(messages, full_step))
    return len(messages) / statistics.median(parse_times), len(messages) / statistics.median(full_times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--dns-nameserver", default=None)
    args = parser.parse_args()
    name, messages = _messages()
    lookup: StaticResolver | None = None  # --dns-nameserver: the worker's own caching resolver
    if args.dns_nameserver:
        lookup = None
    elif (SHARED / "dns" / "records.json").exists():
        lookup = StaticResolver.from_json(SHARED / "dns" / "records.json")
    else:
        lookup = StaticResolver({})
    # the worker's stages, from the one factory (rootmail.runtime.classifier_stages)
    stages = classifier_stages(Settings(), nameservers=args.dns_nameserver, lookup=lookup)
    envelope = Envelope("", (), source="bench")
    nobody = Recipient(address="", account=None, customer=None)

    stage_seconds = {"parse": 0.0, "authenticate": 0.0, "classify": 0.0, "redact": 0.0}

    def full(raw: bytes) -> object:
        t0 = time.perf_counter()
        parsed = parse_mail(raw)
        t1 = time.perf_counter()
        auth = stages.authenticate(parsed, raw, envelope)
        t2 = time.perf_counter()
        notice = stages.classify(parsed, raw, envelope, nobody)
        t3 = time.perf_counter()
        rendering = render(parsed, notice, auth)
        t4 = time.perf_counter()
        for name, seconds in zip(stage_seconds, (t1 - t0, t2 - t1, t3 - t2, t4 - t3), strict=True):
            stage_seconds[name] += seconds
        return rendering

    parse_rate, full_rate = _rates(messages, args.rounds, parse_mail, full)
    ratio = full_rate / parse_rate
    total = sum(stage_seconds.values()) or 1.0
    print(f"messages: {len(messages)} ({name}) x {args.rounds} rounds, median of rounds")
    print(f"parse only (mail-parser):                    {parse_rate:8.1f} msg/s")
    print(f"parse + authenticate + classify + redact:    {full_rate:8.1f} msg/s")
    print("share of the full path: " + ", ".join(f"{k} {v / total:.0%}" for k, v in stage_seconds.items()))
    calls = len(messages) * (args.rounds + 1)  # the warm-up pass and every round
    print("ms per message: " + ", ".join(f"{k} {v / calls * 1000:.2f}" for k, v in stage_seconds.items()))
    print(f"DKIM: {DKIM_VERIFIER}")
    print(f"ratio full/parse: {ratio:.3f} (target >= 0.50) {'OK' if ratio >= 0.5 else 'BELOW TARGET'}")


if __name__ == "__main__":
    main()
