"""The root-account guard (issue 15): what happens to root-credential mail after classification.

Called by the pipeline for every draft, before the helpdesk write (:meth:`RootGuard.inspect`):

* root-credential or verification mail (taxonomy category ``credentials``, or a From/Sender in a
  credential sender family) that is a DKIM/DMARC ``pass`` from AWS:
  - its secret (the code, reset or approval link) is escrowed (:mod:`ticketing.escrow`) until the
    validity the mail states, else ``ROOTMAIL_ESCROW_TTL``; the ticket says when it expires and how
    to reveal it, never the secret;
  - with an open expectation window for the account: no alarm (counted as expected);
  - without one: the ticket becomes priority ``urgent`` with the tag ``root_guard_unexpected`` and,
    once per account and notice type within ``ROOTMAIL_ALERT_DEDUPE_SECONDS``, an alarm is handed to
    ``enqueue`` (a Celery task per channel: delivery never blocks ticketing);
* such mail that is a suspected spoof: a ``phishing`` alarm (warning severity), tag
  ``root_guard_phishing``; nothing is escrowed (an attacker's link is not a secret worth keeping).

Every authenticated AWS mail also moves the intake clock that :meth:`RootGuard.check_silence` reads.
"""

from __future__ import annotations

import dataclasses
import html
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime

import structlog

from ingest.store import StoredMessage
from routing.redact import credential_sender
from routing.secrets import Secret, find_secrets
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient
from ticketing import guard_metrics as metrics
from ticketing.alerts import CHANNELS, Alert
from ticketing.draft import TicketDraft
from ticketing.escrow import Escrow, EscrowedSecret
from ticketing.guard_windows import Alarms, Windows

log = structlog.get_logger(__name__)

Enqueue = Callable[[dict[str, str]], None]

TAG_UNEXPECTED = "root_guard_unexpected"
TAG_EXPECTED = "root_guard_expected"
TAG_PHISHING = "root_guard_phishing"
TAG_ESCROWED = "root_secret_escrowed"

# which secret is "the" secret of a mail, strongest first
_KIND_RANK = ("password reset link", "one-time password", "password", "verification code", "approval link",
              "verification link", "confirmation link", "sign-in link", "invitation link", "code-like token", "link")
_VALIDITY = re.compile(
    r"(?:expire[sd]?|valid|within|for the next|gültig|válido|valable)\D{0,30}?(\d{1,3})\s*"
    r"(minutes?|mins?|hours?|hrs?|Minuten|Stunden|minutos|horas)\b", re.IGNORECASE)
_MAX_TTL = 24 * 3600.0


def is_root_credential_mail(parsed: ParsedMail, notice: Notice) -> bool:
    """Category ``credentials`` by the taxonomy, or a From/Sender of a credential sender family; also when a
    From/Sender value cannot be read (its family unknown: the stricter rule, as redaction decides)."""
    return notice.category == "credentials" or credential_sender(parsed)


def stated_validity(text: str) -> float | None:
    """Seconds the mail says its secret is valid ("expires in 30 minutes"), capped at a day."""
    match = _VALIDITY.search(text)
    if not match:
        return None
    amount, unit = int(match.group(1)), match.group(2).lower()
    seconds = amount * (3600 if unit.startswith(("h", "s")) else 60)
    return min(float(seconds), _MAX_TTL) if seconds > 0 else None


def _rank(secret: Secret) -> int:
    return _KIND_RANK.index(secret.kind) if secret.kind in _KIND_RANK else len(_KIND_RANK)


def find_root_secret(parsed: ParsedMail, keep: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """(kind, value) of the strongest secret in the mail's text, HTML rendering or raw HTML."""
    best: tuple[int, str, str] | None = None
    for text in (parsed.text, parsed.html_text, html.unescape(parsed.html)):
        for secret in find_secrets(text, default_deny=True, keep=keep):
            value = re.sub(r"\r?\n[ \t]*", "", text[secret.start:secret.end]).strip()
            if value and (best is None or _rank(secret) < best[0]):
                best = (_rank(secret), secret.kind, value)
    return (best[1], best[2]) if best else None


def _hhmm(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).strftime("%H:%M UTC on %Y-%m-%d")


def _iso(ts: float) -> str:
    return datetime.fromtimestamp(ts, UTC).isoformat(timespec="seconds")


@dataclasses.dataclass
class RootGuard:
    """The guard's decisions over its stores; ``enqueue`` hands an alert to delivery (never raises
    into the pipeline: a failure to enqueue releases the dedupe claim and is logged)."""

    windows: Windows
    alarms: Alarms
    escrow: Escrow | None
    enqueue: Enqueue
    dedupe_seconds: float = 3600.0
    escrow_ttl: float = 900.0
    silence_hours: float = 48.0
    clock: Callable[[], float] = time.time

    def __call__(self, stored: StoredMessage, parsed: ParsedMail, recipient: Recipient, notice: Notice,
                 auth: AuthVerdict, draft: TicketDraft) -> TicketDraft:
        return self.inspect(stored, parsed, recipient, notice, auth, draft)

    def inspect(self, stored: StoredMessage, parsed: ParsedMail, recipient: Recipient, notice: Notice,
                auth: AuthVerdict, draft: TicketDraft) -> TicketDraft:
        now = self.clock()
        if auth.verdict == "pass" and self.alarms.note_aws_mail(now):
            self._send(self._silence_alert("resolve", now))
        if not is_root_credential_mail(parsed, notice):
            return draft
        account_id = recipient.account.account_id if recipient.account else (notice.aws_account_id or "unknown")
        if auth.suspected_spoof:
            alert = self._alert("phishing", "warning", account_id, recipient, notice, stored.key, now,
                                f"Suspected phishing of root-credential mail for AWS account {account_id}")
            self._raise(alert, notice.notice_type)
            return dataclasses.replace(draft, tags=(*draft.tags, TAG_PHISHING))
        if auth.verdict != "pass":
            return draft  # unproven, not a spoof: the ticket's own triage; nothing believed, nothing kept
        draft = self._escrow(stored, parsed, account_id, draft, now)
        window = self.windows.open_for(account_id, now)
        if window is not None:
            metrics.EXPECTED.inc()
            log.info("root_mail_expected", message_key=stored.key, window_id=window.window_id)
            return dataclasses.replace(draft, tags=(*draft.tags, TAG_EXPECTED))
        alert = self._alert("unexpected_root_mail", "critical", account_id, recipient, notice, stored.key, now,
                            f"Unexpected root-credential mail ({notice.notice_type}) for AWS account {account_id}")
        self._raise(alert, notice.notice_type)
        note = ("\n\nROOT GUARD: no expectation window was open for this account: this may be an account "
                "takeover attempt. If the work was planned, declare it: "
                f"`rootmail expect {account_id} --for 1h --reason TEXT --covers {stored.key}`.")
        return dataclasses.replace(draft, severity="urgent", tags=(*draft.tags, TAG_UNEXPECTED),
                                   body=draft.body + note)

    def _escrow(self, stored: StoredMessage, parsed: ParsedMail, account_id: str, draft: TicketDraft,
                now: float) -> TicketDraft:
        if self.escrow is None:
            return draft
        found = find_root_secret(parsed, keep=(account_id,))
        if found is None:
            return draft
        kind, value = found
        ttl = stated_validity(f"{parsed.text}\n{parsed.html_text}") or self.escrow_ttl
        secret = EscrowedSecret(account_id, stored.key, kind, value, now, now + ttl)
        self.escrow.put(secret)
        metrics.ESCROW.labels("store").inc()
        log.info("secret_escrowed", message_key=stored.key, kind=kind, ttl=int(ttl))
        what = "a code" if "link" not in kind else f"a {kind}"
        note = (f"\n\nROOT GUARD: {what} was received and escrowed until {_hhmm(secret.expires_at)}; "
                f"reveal it with `rootmail secrets reveal {account_id}` (needs an open expectation window).")
        return dataclasses.replace(draft, body=draft.body + note, tags=(*draft.tags, TAG_ESCROWED))

    def _alert(self, kind: str, severity: str, account_id: str, recipient: Recipient, notice: Notice,
               message_key: str, now: float, summary: str) -> Alert:
        customer = recipient.customer
        return Alert(kind=kind, action="trigger", dedup_key=f"rootmail:{kind}:{account_id}:{notice.notice_type}",
                     summary=summary, severity=severity, time=_iso(now), account_id=account_id,
                     account_name=recipient.account.name if recipient.account else "",
                     customer=f"{customer.name} ({customer.id})" if customer else "",
                     notice_type=notice.notice_type, message_key=message_key)

    def _raise(self, alert: Alert, notice_type: str) -> None:
        if not self.alarms.claim(alert.account_id, alert.kind, notice_type, self.dedupe_seconds):
            metrics.DEDUPLICATED.labels(alert.kind).inc()
            log.info("root_alarm_deduplicated", message_key=alert.message_key, kind=alert.kind)
            return
        if not self._send(alert):
            self.alarms.release(alert.account_id, alert.kind, notice_type)
            return
        self.alarms.remember(alert.message_key, alert.as_dict())
        metrics.ALARMS.labels(alert.kind).inc()
        log.warning("root_alarm_raised", message_key=alert.message_key, kind=alert.kind,
                    notice_type=alert.notice_type)

    def _send(self, alert: Alert | None) -> bool:
        if alert is None:
            return True
        try:
            self.enqueue(alert.as_dict())
        except Exception as exc:  # the broker is down: the ticket still carries the alarm
            log.warning("alert_enqueue_failed", kind=alert.kind, error=type(exc).__name__)
            return False
        return True

    def resolve(self, message_key: str) -> Alert | None:
        """Resolve the alarm ``message_key`` raised (a window was declared after the fact)."""
        raised = self.alarms.of_message(message_key)
        if raised is None or not self.alarms.mark_resolved(message_key):
            return None
        alert = dataclasses.replace(Alert.from_dict(raised), action="resolve", time=_iso(self.clock()),
                                    summary="Covered by an expectation window: " + raised.get("summary", ""))
        if self._send(alert):
            metrics.RESOLVED.inc()
        return alert

    def _silence_alert(self, action: str, now: float) -> Alert | None:
        if action == "resolve":
            return Alert("silence", "resolve", "rootmail:silence", "AWS mail is arriving again", "info", _iso(now))
        return Alert("silence", "trigger", "rootmail:silence",
                     f"No authenticated AWS mail accepted for {self.silence_hours:g} hours: check DNS/MX, the "
                     "load balancer and the certificate", "error", _iso(now))

    def check_silence(self) -> bool:
        """Raise the silence alarm once when no AWS mail came for ``silence_hours`` (0: off)."""
        if self.silence_hours <= 0:
            return False
        now = self.clock()
        if now - self.alarms.last_aws_mail(now) < self.silence_hours * 3600 or not self.alarms.open_silence():
            return False
        if self._send(self._silence_alert("trigger", now)):
            metrics.ALARMS.labels("silence").inc()
            log.warning("intake_silent", hours=self.silence_hours)
            return True
        return False


def channels_configured(pagerduty: bool, slack: bool, webhook: bool) -> tuple[str, ...]:
    return tuple(name for name, on in zip(CHANNELS, (pagerduty, slack, webhook), strict=True) if on)
