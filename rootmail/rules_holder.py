"""The routing rules in memory, reloaded when the file changes or on SIGHUP; a broken file keeps the last good rules.

Part of the composition root: reads ``ROOTMAIL_RULES_FILE`` (or the shipped defaults) and hands a
validated :class:`routing.rules.RuleSet` to the router. A failed reload is logged
(``rules_reload_failed``, with every problem) and visible in metrics
(``rootmail_rules_reload_ok`` is 0 and ``rootmail_rules_reloads_total{result="failed"}`` grows).
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Callable, Collection
from datetime import UTC, datetime
from importlib import resources
from pathlib import Path
from types import FrameType

import structlog
from prometheus_client import Counter, Gauge

from routing.rules import RulesError, RuleSet, parse_rules, route_notice
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient, Route

log = structlog.get_logger(__name__)

RULES_RELOADS = Counter("rootmail_rules_reloads_total", "Routing rules (re)loads by result", ["result"])
RULES_RELOAD_OK = Gauge("rootmail_rules_reload_ok", "1 when the last load of the routing rules succeeded")
RULES_LOADED = Gauge("rootmail_rules_loaded", "Number of routing rules in use")

DEFAULT_RULES_SOURCE = "routing/data/rules.yaml"


def default_rules_text() -> str:
    return resources.files("routing").joinpath("data/rules.yaml").read_text(encoding="utf-8")


def known_notice_types() -> Collection[str] | None:
    """The taxonomy's notice types (to check rule globs), or None when the taxonomy is not available."""
    try:
        from routing.taxonomy import default_taxonomy

        return tuple(default_taxonomy().types)
    except Exception:  # the check is a help, not a requirement
        return None


def load_rules(path: Path | None, known_types: Collection[str] | None = None) -> RuleSet:
    """The rules at ``path`` (the shipped defaults when None). Raises RulesError or OSError."""
    if path is None:
        return parse_rules(default_rules_text(), DEFAULT_RULES_SOURCE, known_types)
    return parse_rules(Path(path).read_text(encoding="utf-8"), str(path), known_types)


class RulesHolder:
    """``get()`` answers from memory; checks the file's mtime at most every ``check_every`` seconds."""

    def __init__(
        self,
        path: Path | None,
        *,
        check_every: float = 2.0,
        clock: Callable[[], float] = time.monotonic,
        known_types: Collection[str] | None = None,
    ) -> None:
        self.path = Path(path) if path is not None else None
        self.check_every = check_every
        self.clock = clock
        self.known_types = known_types if known_types is not None else known_notice_types()
        self._lock = threading.Lock()
        self._reload_requested = False
        self._stamp = self._file_stamp()
        self._rules = load_rules(self.path, self.known_types)  # a broken file at start is an error
        self._checked = self.clock()
        self.last_error: str | None = None
        RULES_RELOADS.labels("ok").inc()
        RULES_RELOAD_OK.set(1)
        RULES_LOADED.set(len(self._rules.rules))

    def _file_stamp(self) -> tuple[int, int] | None:
        if self.path is None:
            return None
        try:
            stat = self.path.stat()
        except OSError:
            return None
        return (stat.st_mtime_ns, stat.st_size)

    def request_reload(self) -> None:
        """Ask for a reload at the next ``get()`` (safe to call from a signal handler)."""
        self._reload_requested = True

    def reload(self) -> bool:
        """Load the file now; on error keep the rules in use. True when the new rules are in use."""
        with self._lock:
            self._reload_requested = False
            self._stamp = self._file_stamp()
            try:
                rules = load_rules(self.path, self.known_types)
            except (RulesError, OSError, UnicodeDecodeError) as exc:
                problems = list(exc.problems) if isinstance(exc, RulesError) else [f"{self.path}: {exc}"]
                self.last_error = "\n".join(problems)
                RULES_RELOADS.labels("failed").inc()
                RULES_RELOAD_OK.set(0)
                log.error("rules_reload_failed", source=str(self.path), problems=problems,
                          kept_rules=len(self._rules.rules), kept_source=self._rules.source)
                return False
            self._rules = rules
            self.last_error = None
            RULES_RELOADS.labels("ok").inc()
            RULES_RELOAD_OK.set(1)
            RULES_LOADED.set(len(rules.rules))
            log.info("rules_reloaded", source=rules.source, rules=len(rules.rules))
            return True

    def get(self) -> RuleSet:
        if self._reload_requested:
            self.reload()
        elif self.path is not None:
            now = self.clock()
            if now - self._checked >= self.check_every:
                self._checked = now
                if self._file_stamp() != self._stamp:
                    self.reload()
        return self._rules


NOTICES_DROPPED = Counter(
    "rootmail_notices_dropped_total", "Notices dropped by a routing rule, by reason", ["reason"]
)


def install_sighup(holder: RulesHolder) -> bool:
    """Reload ``holder`` on SIGHUP (chaining a previous handler). Only from the main thread."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGHUP"):
        return False
    previous = signal.getsignal(signal.SIGHUP)

    def on_sighup(signum: int, frame: FrameType | None) -> None:
        holder.request_reload()
        if callable(previous):
            previous(signum, frame)

    signal.signal(signal.SIGHUP, on_sighup)
    return True


class RulesRouter:
    """The pipeline's Router over a :class:`RulesHolder`; counts what it drops."""

    def __init__(self, holder: RulesHolder, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self.holder = holder
        self.clock = clock

    def __call__(self, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient) -> Route:
        route = route_notice(self.holder.get(), parsed, notice, auth, recipient, now=self.clock())
        if route.action == "drop":
            NOTICES_DROPPED.labels(route.drop_reason or route.rule).inc()
        return route
