"""Abuse limits inside one SMTP session: a budget of commands that move no mail, a cap on unknown
recipients, and a cap on the log lines rejected recipients write.

- Junk: NOOP, RSET, VRFY, EXPN, HELP, HELO, EHLO and every command answered with an error (4xx/5xx,
  except unknown recipients, which have their own cap). ``max_junk_commands`` of them are allowed;
  an accepted message (250 to DATA) restores the budget, so a sender that delivers mail never runs
  out while a session kept alive with NOOPs does. The idea and the reset on delivery follow
  Postfix's ``smtpd_junk_command_limit`` (https://www.postfix.org/postconf.5.html).
- Unknown recipients: after ``max_unknown_recipients`` the next RCPT closes the session.
- Logging: the first ``logged_rejections`` rejected recipients are logged one line each; the rest
  are counted and summarised in one line when the session ends.

The protocol (:mod:`ingest.protocol`) asks the guard and answers ``421 4.7.0``; the guard holds
only counters.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class SessionLimits:
    """Settings ROOTMAIL_SMTP_MAX_JUNK_COMMANDS, ROOTMAIL_SMTP_MAX_UNKNOWN_RECIPIENTS (0: no cap)."""

    max_junk_commands: int = 20
    max_unknown_recipients: int = 10
    logged_rejections: int = 3


class SessionGuard:
    """The counters of one session."""

    __slots__ = ("junk", "limits", "logged", "not_logged", "relay", "unknown")

    def __init__(self, limits: SessionLimits) -> None:
        self.limits = limits
        self.junk = 0
        self.unknown = 0
        self.relay = 0
        self.logged = 0
        self.not_logged = 0

    def spend_junk(self) -> bool:
        """Count one junk command; True when the budget is exhausted (the session must end)."""
        self.junk += 1
        return bool(self.limits.max_junk_commands) and self.junk > self.limits.max_junk_commands

    def message_accepted(self) -> None:
        self.junk = 0

    def unknown_exhausted(self) -> bool:
        """True once the session has asked for max_unknown_recipients unknown recipients."""
        return bool(self.limits.max_unknown_recipients) and self.unknown >= self.limits.max_unknown_recipients

    def recipient_rejected(self, reason: str) -> bool:
        """Count a rejected recipient (``unknown`` or ``relay``); True when it may be logged."""
        if reason == "unknown":
            self.unknown += 1
        else:
            self.relay += 1
        if self.logged < self.limits.logged_rejections:
            self.logged += 1
            return True
        self.not_logged += 1
        return False
