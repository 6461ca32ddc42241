"""README.md stays true: the two set-up commands, and a settings table matching the code."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from update_readme import render  # noqa: E402

from rootmail.settings import Settings  # noqa: E402


def test_settings_table_is_current() -> None:
    text = (REPO / "README.md").read_text()
    assert render(text) == text, "README settings table is stale: run python scripts/update_readme.py"
    for name in Settings.model_fields:
        assert f"`ROOTMAIL_{name.upper()}`" in text


def test_every_setting_has_a_description() -> None:
    assert all(info.description for info in Settings.model_fields.values())


def test_readme_gives_the_two_set_up_commands_and_ci_runs_the_test_one() -> None:
    text = (REPO / "README.md").read_text()
    assert ".venv/bin/pip install -e . && .venv/bin/rootmail serve" in text
    assert "bash scripts/test.sh" in text
    assert "scripts/test.sh" in (REPO / ".ci" / "run").read_text()
