"""Expectation windows and alarm records of the root-account guard, in Redis (issue 15 item 1).

A window says "root-credential mail for this account is expected from ``start`` to ``end``" (a
planned password reset, MFA replacement or root sign-in), who declared it and why. Each window is
one Redis key ``rootmail:guard:window:<account>:<id>`` (JSON) that expires shortly after ``end``, so
it survives a restart through Redis's persistence and disappears by itself; whether a window is open
is decided on ``start``/``end`` against the caller's clock (tests control time).

Alarm records: ``rootmail:guard:alarm:<account>:<kind>:<type>`` is claimed with SET NX for the
dedupe window (one alarm per account and notice type); ``rootmail:guard:alarm-key:<message key>``
remembers the alarm a message raised so that ``rootmail expect … --covers KEY`` can resolve it.
"""

from __future__ import annotations

import json
import secrets
from dataclasses import asdict, dataclass, field
from typing import Any

import redis

PREFIX = "rootmail:guard:"
ALARM_MEMORY = 30 * 86400  # how long a message key remembers its alarm (for --covers)


@dataclass(frozen=True, slots=True)
class Window:
    account_id: str
    window_id: str
    start: float
    end: float
    reason: str
    declared_by: dict[str, Any] = field(default_factory=dict)
    declared_at: float = 0.0
    covers: tuple[str, ...] = ()

    def open_at(self, now: float) -> bool:
        return self.start <= now < self.end

    def as_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["covers"] = list(self.covers)
        return data

    @classmethod
    def from_json(cls, text: bytes | str) -> Window:
        data = json.loads(text)
        return cls(str(data["account_id"]), str(data["window_id"]), float(data["start"]), float(data["end"]),
                   str(data.get("reason", "")), dict(data.get("declared_by") or {}),
                   float(data.get("declared_at", 0.0)), tuple(data.get("covers") or ()))


class Windows:
    """Declare, find, list and cancel expectation windows."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def declare(self, account_id: str, *, start: float, end: float, reason: str, declared_by: dict[str, Any],
                now: float, covers: tuple[str, ...] = ()) -> Window:
        window = Window(account_id, secrets.token_hex(4), start, end, reason, declared_by, now, covers)
        # expires by itself a minute after its end (relative to the caller's clock)
        self.client.set(f"{PREFIX}window:{account_id}:{window.window_id}", json.dumps(window.as_dict()),
                        ex=max(1, int(end - now) + 60))
        return window

    def _scan(self, account_id: str = "*") -> list[Window]:
        out: list[Window] = []
        for key in self.client.scan_iter(match=f"{PREFIX}window:{account_id}:*", count=500):
            value = self.client.get(key)
            if value:
                try:
                    out.append(Window.from_json(value))
                except (ValueError, KeyError):
                    continue
        return sorted(out, key=lambda w: (w.start, w.window_id))

    def active(self, now: float, account_id: str = "*") -> list[Window]:
        """Windows that are open now or will open later (not yet ended)."""
        return [w for w in self._scan(account_id) if w.end > now]

    def open_for(self, account_id: str, now: float) -> Window | None:
        found = [w for w in self._scan(account_id) if w.open_at(now)]
        return max(found, key=lambda w: w.end) if found else None

    def cancel(self, account_id: str, window_id: str | None = None) -> list[Window]:
        cancelled = [w for w in self._scan(account_id) if window_id in (None, w.window_id)]
        for window in cancelled:
            self.client.delete(f"{PREFIX}window:{window.account_id}:{window.window_id}")
        return cancelled


class Alarms:
    """Dedupe claims and the alarm each message raised."""

    def __init__(self, client: redis.Redis) -> None:
        self.client = client

    def claim(self, account_id: str, kind: str, notice_type: str, seconds: float) -> bool:
        """True when no alarm of this account, kind and type was raised within ``seconds``."""
        return bool(self.client.set(f"{PREFIX}alarm:{account_id}:{kind}:{notice_type}", "1", nx=True,
                                    ex=max(1, int(seconds))))

    def release(self, account_id: str, kind: str, notice_type: str) -> None:
        self.client.delete(f"{PREFIX}alarm:{account_id}:{kind}:{notice_type}")

    def remember(self, message_key: str, alert: dict[str, str]) -> None:
        self.client.set(f"{PREFIX}alarm-key:{message_key}", json.dumps(alert), ex=ALARM_MEMORY)

    def of_message(self, message_key: str) -> dict[str, str] | None:
        value = self.client.get(f"{PREFIX}alarm-key:{message_key}")
        if not value:
            return None
        data: dict[str, str] = json.loads(value)
        return data

    def mark_resolved(self, message_key: str) -> bool:
        """True the first time only (one resolve per alarm)."""
        return bool(self.client.set(f"{PREFIX}resolved:{message_key}", "1", nx=True, ex=ALARM_MEMORY))

    # silence of the AWS intake (item 4)
    def note_aws_mail(self, now: float) -> bool:
        """Record authenticated AWS mail; True when a silence alarm was open (now over)."""
        pipe = self.client.pipeline()
        pipe.set(f"{PREFIX}last-aws-mail", repr(now))
        pipe.delete(f"{PREFIX}silence-open")
        return bool(pipe.execute()[1])

    def last_aws_mail(self, now: float) -> float:
        """When authenticated AWS mail was last seen; the first call starts the clock at ``now``."""
        self.client.set(f"{PREFIX}last-aws-mail", repr(now), nx=True)
        value = self.client.get(f"{PREFIX}last-aws-mail")
        return float(value) if value else now

    def open_silence(self) -> bool:
        """True the first time a silence alarm opens (until AWS mail arrives again)."""
        return bool(self.client.set(f"{PREFIX}silence-open", "1", nx=True))
