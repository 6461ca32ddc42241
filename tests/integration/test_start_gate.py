"""``rootmail worker`` and ``rootmail serve`` refuse an unready helpdesk with one clear answer,
checked once per start (the metrics re-exec comes first, so the check is not run twice)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.fakes.zendesk_server import FakeZendesk
from tests.integration.harness import Rootmail

pytestmark = pytest.mark.integration


@pytest.mark.parametrize("command", ["worker", "serve"])
def test_start_refuses_a_zendesk_with_bad_credentials_after_one_check(tmp_path: Path, command: str) -> None:
    with FakeZendesk() as zendesk:
        rootmail = Rootmail(tmp_path / "site", helpdesk="zendesk", zendesk_url=zendesk.url,
                            zendesk_email=zendesk.email, zendesk_token="not-the-token", worker="false")
        try:
            done = subprocess.run([*rootmail_command(), command], cwd=rootmail.workdir, env=rootmail.env,
                                  capture_output=True, text=True, timeout=120, check=False)
        finally:
            rootmail.close()
        assert done.returncode != 0
        assert "Traceback" not in done.stderr + done.stdout
        assert "not ready for rootmail" in done.stderr and "ROOTMAIL_ZENDESK_TOKEN" in done.stderr
        assert "not-the-token" not in done.stderr + done.stdout
        assert len(zendesk.requests("GET", "/api/v2/users/me")) == 1


def rootmail_command() -> list[str]:
    from tests.integration.harness import ROOTMAIL

    return list(ROOTMAIL)
