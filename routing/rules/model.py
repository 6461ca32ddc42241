"""The data of a validated routing rules file: rules, their conditions and actions, and a decision."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from routing.patterns import Pattern
from routing.types import Route

SEVERITIES = ("critical", "high", "normal", "low")
VISIBILITIES = ("internal", "customer")
ACTIONS = ("open", "update", "drop", "digest")
AUTHENTICITY = ("pass", "fail", "none", "spoof")

GLOB_KEYS = ("notice_type", "category", "account_name", "account_id", "customer")
CHOICE_KEYS = {"severity": SEVERITIES, "authenticity": AUTHENTICITY}
BOOL_KEYS = ("recipient_known", "account_mismatch", "action_required", "secret")
MATCH_KEYS = (*GLOB_KEYS, *CHOICE_KEYS, *BOOL_KEYS, "account_tags", "header", "body")
ACTION_KEYS = ("queue", "priority", "visibility", "action", "tags", "fields", "due", "drop_reason", "aggregate",
               "reopen")
RULE_KEYS = ("name", "description", "match", *ACTION_KEYS)
TOP_KEYS = ("version", "defaults", "rules")
DEFAULTS_KEYS = ("queue",)
BUILTIN_VARIABLES = ("customer", "account_id", "account_name", "notice_type", "category", "severity")
DEFAULT_RULE_NAME = "default"


class RulesError(ValueError):
    """The rules file is invalid. ``problems`` are lines ``file:line: what is wrong; the fix``."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class DueTerm:
    from_deadline: bool
    offset: timedelta
    hours: bool  # the result is a date-time (hours involved) rather than a date


@dataclass(frozen=True)
class Match:
    """The conditions of one rule (empty means "always")."""

    globs: tuple[tuple[str, tuple[str, ...]], ...] = ()
    choices: tuple[tuple[str, tuple[str, ...]], ...] = ()
    flags: tuple[tuple[str, bool], ...] = ()
    account_tags: tuple[tuple[str, str], ...] = ()
    headers: tuple[tuple[str, Pattern], ...] = ()
    body: Pattern | None = None


@dataclass(frozen=True)
class Rule:
    name: str
    line: int
    match: Match = field(default_factory=Match)
    description: str = ""
    queue: str | None = None
    priority: str | None = None
    visibility: str | None = None
    action: str | None = None
    tags: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    due: tuple[DueTerm, ...] = ()
    due_text: str | None = None
    drop_reason: str | None = None
    aggregate: bool = False
    reopen: bool = False


@dataclass(frozen=True)
class RuleSet:
    """A validated rules file."""

    rules: tuple[Rule, ...]
    default_queue: str = "triage"
    source: str = "<rules>"

    def names(self) -> tuple[str, ...]:
        return tuple(r.name for r in self.rules)


@dataclass(frozen=True)
class Decision:
    """The route and why: the matching rule (None: taxonomy defaults), its captures, guard-rail notes."""

    route: Route
    rule: Rule | None
    captures: Mapping[str, str] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
