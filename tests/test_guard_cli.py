"""``rootmail expect`` and ``rootmail secrets`` as a user meets them: durations, bad input with a
clear one-line answer (exit 2, no traceback), windows listed and cancelled, every action audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rootmail.cli import main
from rootmail.commands.guard import parse_duration
from rootmail.errors import UsageProblem


@pytest.mark.parametrize(("text", "seconds"), [("90s", 90), ("30m", 1800), ("2h", 7200), ("1h30m", 5400),
                                               ("1d", 86400), ("1.5h", 5400)])
def test_durations(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "30", "1x", "h", "0m", "30m extra", "-5m"])
def test_bad_durations(text: str) -> None:
    with pytest.raises(UsageProblem):
        parse_duration(text)


def run(env: dict[str, str], *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


def test_expect_list_cancel_and_refusals(tmp_path: Path, redis_url: str, clean_env: None) -> None:
    env = {"ROOTMAIL_DATA_DIR": str(tmp_path), "ROOTMAIL_REDIS_URL": redis_url}
    assert run(env, "expect", "123456789012", "--for", "48h", "--reason", "x")[0] == 2  # beyond the maximum
    assert run(env, "expect", "../../x", "--for", "1h", "--reason", "x")[0] == 2
    code, out = run(env, "expect", "123456789012", "--for", "1h", "--reason", "   ")
    assert code == 2 and "--reason" in out
    code, out = run(env, "expect", "123456789012", "--for", "1h", "--reason", "CHG-1", "--covers", "nokey")
    assert code == 2 and "no alarm was raised" in out
    code, out = run(env, "expect", "123456789012", "--for", "1h", "--reason", "CHG-1 reset")
    assert code == 0 and "expected until" in out
    code, out = run(env, "expect", "list", "--json")
    rows = json.loads(out)
    assert [(r["account_id"], r["open"], r["reason"]) for r in rows] == [("123456789012", True, "CHG-1 reset")]
    code, out = run(env, "secrets", "reveal", "123456789012")
    assert code == 2 and "no live escrowed secret" in out
    assert run(env, "expect", "cancel", "123456789012")[0] == 0
    assert run(env, "expect", "cancel", "123456789012")[0] == 2
    code, out = run(env, "secrets", "reveal", "123456789012")
    assert code == 2 and "no expectation window" in out
    events = [json.loads(line)["event"] for line in (tmp_path / "audit.log").read_text().splitlines()]
    assert events == ["expectation_declared", "expectation_cancelled", "expectation_cancelled",
                      "secret_reveal_refused"]
