"""Integration fixtures shared by several modules: one dnsmasq publishing the attack corpus's keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fixtures.attacks import dnsmasq_conf
from tests.integration.test_dns_auth import Dnsmasq, _need_dnsmasq


@pytest.fixture(scope="session")
def attack_dns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Dnsmasq]:
    """A real dnsmasq serving :func:`tests.fixtures.attacks.dns_records` (the keys are made once per
    process, so the corpus generated in this process verifies against it)."""
    _need_dnsmasq()
    server = Dnsmasq(dnsmasq_conf(tmp_path_factory.mktemp("attack-dns") / "attacks.conf"))
    server.start("_dmarc.aws.com")
    yield server
    server.stop()
