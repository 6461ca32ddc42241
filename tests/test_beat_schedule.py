"""Beat and serve run the guard's periodic tasks on the same intervals (rootmail.periodic is the one source)."""

from __future__ import annotations

from rootmail.periodic import CHECK_SILENCE, PURGE_ESCROW, guard_schedule
from rootmail.settings import Settings
from rootmail.worker import beat_schedule


def _guard_entries(settings: Settings) -> dict[str, float]:
    return {str(entry["task"]): float(str(entry["schedule"])) for entry in beat_schedule(settings).values()
            if str(entry["task"]).startswith("rootmail.guard.")}


def test_beat_guard_intervals_are_the_periodic_ones() -> None:
    for hours in (24.0, 0.01, 0.0):
        settings = Settings(silence_alert_hours=hours)
        assert _guard_entries(settings) == guard_schedule(hours)


def test_beat_guard_entries_by_setting() -> None:
    assert _guard_entries(Settings(silence_alert_hours=24.0)) == {CHECK_SILENCE: 300.0, PURGE_ESCROW: 60.0}
    assert _guard_entries(Settings(silence_alert_hours=0.01)) == {CHECK_SILENCE: 36.0, PURGE_ESCROW: 60.0}
    assert _guard_entries(Settings(silence_alert_hours=0.0)) == {PURGE_ESCROW: 60.0}
