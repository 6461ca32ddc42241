"""The rules file's schema: checks one rule (conditions, actions, templates, ``due``) and compiles it.

Every problem is collected (not only the first) as ``file:line: what is wrong; the fix``, with a
suggestion for a misspelt word. The file's mappings come from :mod:`routing.yamllines`, which
knows the line of every key.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from routing.patterns import Pattern, escape_slip
from routing.rules.model import (
    BOOL_KEYS,
    BUILTIN_VARIABLES,
    CHOICE_KEYS,
    GLOB_KEYS,
    MATCH_KEYS,
    RULE_KEYS,
    DueTerm,
    Match,
    Rule,
)
from routing.yamllines import line_of, suggest, validate_entry

TEMPLATE_VAR = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_DUE_TERM = re.compile(r"^(?:(?P<deadline>deadline)\s*(?:(?P<sign>[+-])\s*(?P<off>\d+)\s*(?P<ounit>[dh]))?"
                       r"|(?P<n>\d+)\s*(?P<unit>[dh]))$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


def _is_text(value: object) -> bool:
    return isinstance(value, str | int) and not isinstance(value, bool)


class RuleEntry(BaseModel):
    """The actions of one rule as written; ``name``, ``match`` and ``fields`` are checked by :class:`Checker`
    (their problems need the rule's number, the conditions' lines and the captures)."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    name: Any = None
    description: Any = None
    match: Any = None
    queue: str | None = None
    priority: Literal["critical", "high", "normal", "low"] | None = None
    visibility: Literal["internal", "customer"] | None = None
    action: Literal["open", "update", "drop", "digest"] | None = None
    tags: tuple[str, ...] = ()
    fields: Any = None
    due: str | None = None
    drop_reason: str | None = None
    aggregate: bool = False
    reopen: bool = False

    @field_validator("queue", mode="before")
    @classmethod
    def _queue(cls, value: Any) -> Any:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ValueError("'queue' must be a non-empty name, e.g. queue: security")
        return value

    @field_validator("tags", mode="before")
    @classmethod
    def _tags(cls, value: Any) -> Any:
        if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
            raise ValueError("'tags' must be a list of words, e.g. tags: [security, root]")
        return tuple(value)

    @field_validator("due", mode="before")
    @classmethod
    def _due(cls, value: Any) -> Any:
        if value is not None and not _is_text(value):
            raise ValueError("'due' must be text such as \"deadline\", \"24h\" or \"deadline-2d or 5d\"")
        return None if value is None else str(value)

    @field_validator("drop_reason", mode="before")
    @classmethod
    def _drop_reason(cls, value: Any) -> Any:
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ValueError("'drop_reason' must be a short word, e.g. marketing")
        return value


@dataclass
class _MatchParts:
    """A :class:`Match` under construction, and the names of its regex captures."""

    globs: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    choices: list[tuple[str, tuple[str, ...]]] = field(default_factory=list)
    flags: list[tuple[str, bool]] = field(default_factory=list)
    tags: list[tuple[str, str]] = field(default_factory=list)
    headers: list[tuple[str, Pattern]] = field(default_factory=list)
    body: Pattern | None = None
    captures: set[str] = field(default_factory=set)

    def build(self) -> Match:
        return Match(tuple(self.globs), tuple(self.choices), tuple(self.flags), tuple(self.tags),
                     tuple(self.headers), self.body)


class Checker:
    """Collects every problem of a file instead of stopping at the first."""

    def __init__(self, source: str, known_types: Collection[str] | None) -> None:
        self.source = source
        self.problems: list[str] = []
        self.known_types = sorted(known_types) if known_types else None
        self.known_categories = sorted({t.split(".")[0] for t in known_types} | {"unknown"}) if known_types else None

    def add(self, line: object, text: str) -> None:
        self.problems.append(f"{self.source}:{line}: {text}")

    # ------------------------------------------------------------------ values

    def strings(self, mapping: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
        value = mapping[key]
        items = value if isinstance(value, list) else [value]
        if not items or not all(_is_text(v) for v in items):
            self.add(line_of(mapping, key), f"'{key}' must be a string or a list of strings, e.g. "
                     f"{key}: [\"a*\", b]")
            return None
        return tuple(str(v) for v in items)

    def regex(self, mapping: Mapping[str, Any], key: str, text: object, what: str) -> Pattern | None:
        line = line_of(mapping, key)
        if not isinstance(text, str):
            self.add(line, f"{what} must be a regular expression in quotes")
            return None
        slip = escape_slip(text)
        if slip is not None:
            self.add(line, f"{what} {text!r} {slip}")
            return None
        try:
            return Pattern.compile(text)
        except re.error as exc:
            self.add(line, f"{what} {text!r} is not a valid regular expression ({exc}); fix the pattern "
                     "(Python re syntax; escape literal dots and brackets with a backslash)")
            return None

    def template(self, line: int, text: str, variables: set[str], what: str) -> None:
        for name in TEMPLATE_VAR.findall(text):
            if name not in variables:
                self.add(line, f"{what} uses {{{name}}}, which is neither a named capture of this rule nor "
                         f"one of {', '.join(BUILTIN_VARIABLES)}; {suggest(name, sorted(variables))}")

    # ------------------------------------------------------------------ conditions

    def check_type_globs(self, mapping: Mapping[str, Any], key: str, globs: tuple[str, ...]) -> None:
        universe = self.known_types if key == "notice_type" else self.known_categories
        if key not in ("notice_type", "category") or universe is None:
            return
        candidates = list(universe)
        if key == "notice_type" and self.known_categories:
            candidates += [f"{c}.*" for c in self.known_categories if c != "unknown"]
        for pattern in globs:
            if not fnmatch.filter(universe, pattern):
                close = difflib.get_close_matches(pattern, candidates, n=1, cutoff=0.6)
                hint = (f"did you mean {close[0]!r}?" if close
                        else f"see taxonomy.yaml; e.g. {candidates[0]!r} or {candidates[-1]!r}")
                self.add(line_of(mapping, key),
                         f"{key} {pattern!r} matches no {key.replace('_', ' ')} of the taxonomy; {hint}")

    def _glob_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        values = self.strings(data, key)
        if values is not None:
            self.check_type_globs(data, key, values)
            parts.globs.append((key, values))

    def _choice_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        values = self.strings(data, key)
        if values is None:
            return
        allowed = CHOICE_KEYS[key]
        for v in values:
            if v not in allowed:
                self.add(line_of(data, key), f"{key} {v!r} is not valid; {suggest(v, allowed)}")
        parts.choices.append((key, values))

    def _bool_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        if not isinstance(data[key], bool):
            self.add(line_of(data, key), f"'{key}' must be true or false (unquoted)")
        else:
            parts.flags.append((key, data[key]))

    def _tags_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        value = data[key]
        if not isinstance(value, dict):
            self.add(line_of(data, key),
                     "'account_tags' must be a mapping tag-key: glob, e.g. account_tags: {env: prod*}")
            return
        for tag_key, tag_value in value.items():
            if not _is_text(tag_value):
                self.add(line_of(value, tag_key), f"account tag {tag_key!r} needs a string glob")
                continue
            parts.tags.append((str(tag_key), str(tag_value)))

    def _header_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        value = data[key]
        if not isinstance(value, dict) or not value:
            self.add(line_of(data, key),
                     "'header' must be a mapping Header-Name: regex, e.g. header: {Subject: 'abuse'}")
            return
        for name in value:
            pattern = self.regex(value, name, value[name], f"header {name} pattern")
            if pattern is not None:
                parts.headers.append((str(name), pattern))
                parts.captures |= set(pattern.groupindex)

    def _body_condition(self, data: Mapping[str, Any], key: str, parts: _MatchParts) -> None:
        parts.body = self.regex(data, key, data[key], "body pattern")
        if parts.body is not None:
            parts.captures |= set(parts.body.groupindex)

    def _condition_checker(self, key: str) -> Callable[[Mapping[str, Any], str, _MatchParts], None]:
        if key in GLOB_KEYS:
            return self._glob_condition
        if key in CHOICE_KEYS:
            return self._choice_condition
        if key in BOOL_KEYS:
            return self._bool_condition
        return {"account_tags": self._tags_condition, "header": self._header_condition,
                "body": self._body_condition}[key]

    def match(self, data: Any, rule_line: int) -> tuple[Match, set[str]]:
        """A Match and the names of its regex captures."""
        if data is None:
            return Match(), set()
        if not isinstance(data, dict):
            self.add(rule_line, "'match' must be a mapping of conditions, e.g. match: {category: health}")
            return Match(), set()
        parts = _MatchParts()
        for key in data:
            if key not in MATCH_KEYS:
                self.add(line_of(data, key), f"unknown condition {key!r}; {suggest(str(key), MATCH_KEYS)}")
                continue
            self._condition_checker(key)(data, key, parts)
        return parts.build(), parts.captures

    # ------------------------------------------------------------------ actions

    def due(self, line: int, value: object) -> tuple[DueTerm, ...]:
        if not _is_text(value):
            self.add(line, "'due' must be text such as \"deadline\", \"24h\" or \"deadline-2d or 5d\"")
            return ()
        terms: list[DueTerm] = []
        for part in str(value).split(" or "):
            term = due_term(part.strip())
            if term is None:
                self.add(line, f"due term {part.strip()!r} is not understood; write deadline, deadline-2d, "
                         "deadline+12h, 24h or 3d, joined by ' or '")
            else:
                terms.append(term)
        return tuple(terms)

    def _name(self, item: Mapping[str, Any], index: int, names: dict[str, int]) -> str:
        line = line_of(item)
        name = item.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            self.add(line, f"rule #{index + 1} needs name: a short id (letters, digits, - _ . :), "
                     "e.g. name: health-to-operations")
            return f"rule-{index + 1}"
        if name in names:
            self.add(line, f"rule name {name!r} is already used at line {names[name]}; give each rule its own name")
        else:
            names[name] = line
        return name

    def _unknown_keys(self, item: Mapping[str, Any], name: str) -> None:
        for key in item:
            if key not in RULE_KEYS:
                hint = (f"conditions go under match:, e.g. match: {{{key}: ...}}" if key in MATCH_KEYS
                        else suggest(str(key), RULE_KEYS))
                self.add(line_of(item, key), f"unknown key {key!r} in rule {name!r}; {hint}")

    def _entry(self, item: Mapping[str, Any]) -> RuleEntry:
        """The rule's actions; a value with a problem is reported and left out."""
        entry, problems = validate_entry(RuleEntry, item, self.source)
        if entry is not None:
            return entry
        self.problems.extend(problems)
        bad = set()
        try:
            RuleEntry.model_validate(dict(item))
        except ValidationError as exc:
            bad = {error["loc"][0] for error in exc.errors() if error["loc"]}
        return RuleEntry.model_validate({k: v for k, v in item.items() if k not in bad})

    def _fields(self, item: Mapping[str, Any], variables: set[str]) -> tuple[tuple[str, str], ...]:
        if "fields" not in item:
            return ()
        raw_fields = item["fields"]
        if not isinstance(raw_fields, dict):
            self.add(line_of(item, "fields"), "'fields' must be a mapping name: value")
            return ()
        fields: list[tuple[str, str]] = []
        for key, value in raw_fields.items():
            if isinstance(value, dict | list) or value is None:
                self.add(line_of(raw_fields, key), f"field {key!r} needs a text value")
                continue
            text = str(value).lower() if isinstance(value, bool) else str(value)
            self.template(line_of(raw_fields, key), text, variables, f"field {key!r}")
            fields.append((str(key), text))
        return tuple(fields)

    def rule(self, item: Any, index: int, names: dict[str, int]) -> Rule | None:
        if not isinstance(item, dict):
            self.add("?", f"rule #{index + 1} must be a mapping with name:, match: and actions")
            return None
        name = self._name(item, index, names)
        self._unknown_keys(item, name)
        match, captures = self.match(item.get("match"), line_of(item, "match"))
        variables = set(BUILTIN_VARIABLES) | captures
        entry = self._entry(item)
        if entry.queue is not None:
            self.template(line_of(item, "queue"), entry.queue, variables, "queue")
        for tag in entry.tags:
            self.template(line_of(item, "tags"), tag, variables, f"tag {tag!r}")
        fields = self._fields(item, variables)
        due = self.due(line_of(item, "due"), entry.due) if entry.due is not None else ()
        drop_reason = entry.drop_reason
        if drop_reason is not None and entry.action != "drop":
            self.add(line_of(item, "drop_reason"), "drop_reason is only used with action: drop; "
                     "add action: drop or remove drop_reason")
            drop_reason = None
        return Rule(
            name=name, line=line_of(item), match=match, description=str(entry.description or ""),
            queue=entry.queue, priority=entry.priority, visibility=entry.visibility, action=entry.action,
            tags=entry.tags, fields=fields, due=due, due_text=entry.due, drop_reason=drop_reason,
            aggregate=entry.aggregate, reopen=entry.reopen,
        )


def due_term(text: str) -> DueTerm | None:
    """One term of ``due`` (``deadline``, ``deadline-2d``, ``deadline+12h``, ``24h``, ``3d``), or None."""
    m = _DUE_TERM.match(text)
    if m is None:
        return None
    if m.group("deadline"):
        off = int(m.group("off") or 0)
        unit = m.group("ounit") or "d"
        delta = timedelta(hours=off) if unit == "h" else timedelta(days=off)
        return DueTerm(True, -delta if m.group("sign") == "-" else delta, unit == "h" and off > 0)
    n = int(m.group("n"))
    return DueTerm(False, timedelta(hours=n) if m.group("unit") == "h" else timedelta(days=n), True)
