"""The embedded Redis never takes a port serve is about to listen on (the CI failure of session 6:
the kernel handed Redis the SMTP port the harness had picked, and serve could not bind it)."""

from __future__ import annotations

from pathlib import Path

from rootmail.embedded_redis import EmbeddedRedis, free_port


def _ephemeral_range() -> range:
    try:
        low, high = Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()
        return range(int(low), int(high) + 1)
    except (OSError, ValueError):
        return range(32768, 61000)


def test_free_port_never_returns_an_avoided_port() -> None:
    # half the ports of either parity are avoided (Linux hands out odd ports to bind(0)): without the
    # filter, twenty calls pass by chance once in a million
    avoid = frozenset(port for port in _ephemeral_range() if (port // 2) % 2 == 0)
    for _ in range(20):
        assert free_port(avoid=avoid) not in avoid


def test_embedded_redis_keeps_the_ports_it_is_told_to_avoid(tmp_path: Path) -> None:
    redis = EmbeddedRedis(tmp_path, tmp_path / "run" / "redis.url", avoid_ports=frozenset({25, 8080}))
    assert redis.avoid_ports == frozenset({25, 8080})
