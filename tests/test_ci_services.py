"""Under CI=true a missing service fails the run; elsewhere it skips with the reason."""

from __future__ import annotations

import pytest

from tests.conftest import missing_service


def test_missing_service_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match=r"dnsmasq is not installed.*CI=true"):
        missing_service("dnsmasq is not installed")


def test_missing_service_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Request Tracker not configured"):
        missing_service("Request Tracker not configured")
