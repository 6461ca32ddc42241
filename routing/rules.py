"""Routing rules: ordered, declarative, first match wins; what matches nothing gets the taxonomy's defaults.

A rules file is YAML (the shipped defaults are ``routing/data/rules.yaml``)::

    version: 1
    defaults:
      queue: triage                 # queue of a rule that names none, and of the fallback route
    rules:
      - name: marketing-drop        # unique; the ticket field and `rules explain` name it
        match:                      # every condition given must hold (all optional)
          notice_type: marketing.*  # glob or list of globs on the notice type
        action: drop                # open | update | drop | digest
        drop_reason: marketing      # counted in rootmail_notices_dropped_total{reason}

Conditions (``match``): ``notice_type``, ``category``, ``account_name``, ``account_id``,
``customer`` (customer id) — globs, or lists of globs, one of which must match; ``severity`` —
critical | high | normal | low (or a list); ``authenticity`` — pass | fail | none | spoof (spoof: the
mail claims to be from AWS and does not pass), or a list; ``account_tags`` — ``{key: glob}``;
``recipient_known``, ``account_mismatch``, ``action_required``, ``secret`` — true | false;
``header`` — ``{Header-Name: regex}`` (searched in every value of the header); ``body`` — a regex
searched in the text (and the HTML rendered as text). Regexes are Python ``re``; use ``(?i)`` for
case-insensitive matching. Named groups (``(?P<name>...)``) become template variables.

Actions: ``queue``, ``priority`` (critical | high | normal | low), ``visibility`` (internal |
customer), ``action``, ``tags`` (list), ``fields`` (mapping), ``due``, ``drop_reason``,
``aggregate`` (true: one ticket per AWS Health event per customer), ``reopen`` (true: a mail of
a thread whose ticket is solved reopens it instead of opening a linked follow-up). ``queue``, ``tags`` and
``fields`` may use ``{variable}``: the named captures, and ``customer``, ``account_id``,
``account_name``, ``notice_type``, ``category``, ``severity``. Anything a rule leaves out comes from
the taxonomy through the notice: priority is the notice's severity, visibility is ``customer``
when the type is customer-visible.

``due``: one or more terms joined by ``or``, the first that applies wins: ``deadline`` (the
notice's deadline), ``deadline-2d`` / ``deadline+12h`` (relative to it), ``24h`` / ``3d`` (from the
mail's Date). A ``digest`` action threads every notice of the customer that day into one ticket.

Guard rails the rules cannot override: a notice that carries a live secret, a mail that fails
authentication and a suspected spoof are never customer-visible; a mail that names another AWS
account than the recipient's is tagged ``account_mismatch`` with the field
``account_mismatch=<mail account> vs <recipient account>`` (never silently corrected).

Pure: the caller reads the file and hands in the clock.
"""

from __future__ import annotations

import difflib
import fnmatch
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import yaml

from routing.aggregate import account_tag, aggregation_key
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient, Route

SEVERITIES = ("critical", "high", "normal", "low")
VISIBILITIES = ("internal", "customer")
ACTIONS = ("open", "update", "drop", "digest")
AUTHENTICITY = ("pass", "fail", "none", "spoof")

_GLOB_KEYS = ("notice_type", "category", "account_name", "account_id", "customer")
_CHOICE_KEYS = {"severity": SEVERITIES, "authenticity": AUTHENTICITY}
_BOOL_KEYS = ("recipient_known", "account_mismatch", "action_required", "secret")
MATCH_KEYS = (*_GLOB_KEYS, *_CHOICE_KEYS, *_BOOL_KEYS, "account_tags", "header", "body")
ACTION_KEYS = ("queue", "priority", "visibility", "action", "tags", "fields", "due", "drop_reason", "aggregate",
               "reopen")
RULE_KEYS = ("name", "description", "match", *ACTION_KEYS)
TOP_KEYS = ("version", "defaults", "rules")
DEFAULTS_KEYS = ("queue",)
BUILTIN_VARIABLES = ("customer", "account_id", "account_name", "notice_type", "category", "severity")

_TEMPLATE_VAR = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_DUE_TERM = re.compile(r"^(?:(?P<deadline>deadline)\s*(?:(?P<sign>[+-])\s*(?P<off>\d+)\s*(?P<ounit>[dh]))?"
                       r"|(?P<n>\d+)\s*(?P<unit>[dh]))$")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")


class RulesError(ValueError):
    """The rules file is invalid. ``problems`` are lines ``file:line: what is wrong; the fix``."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(self.problems))


# --------------------------------------------------------------------------- data types


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
    headers: tuple[tuple[str, re.Pattern[str]], ...] = ()
    body: re.Pattern[str] | None = None


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


DEFAULT_RULE_NAME = "default"
EMPTY_RULES = RuleSet(rules=(), source="<no rules>")


# --------------------------------------------------------------------------- loading


class _KeyLineLoader(yaml.SafeLoader):
    """SafeLoader recording each mapping's line (``__line__``) and each key's line (``__lines__``)."""


def _construct_mapping(loader: _KeyLineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping: dict[Any, Any] = {}
    lines: dict[Any, int] = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)
        mapping[key] = loader.construct_object(value_node, deep=True)
        lines[key] = key_node.start_mark.line + 1
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = lines
    return mapping


_KeyLineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _suggest(word: str, choices: Collection[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(choices)}"


def _public(mapping: Mapping[Any, Any]) -> list[Any]:
    return [k for k in mapping if k not in ("__line__", "__lines__")]


class _Checker:
    """Collects every problem of a file instead of stopping at the first."""

    def __init__(self, source: str, known_types: Collection[str] | None) -> None:
        self.source = source
        self.problems: list[str] = []
        self.known_types = sorted(known_types) if known_types else None
        self.known_categories = sorted({t.split(".")[0] for t in known_types} | {"unknown"}) if known_types else None

    def add(self, line: object, text: str) -> None:
        self.problems.append(f"{self.source}:{line}: {text}")

    @staticmethod
    def line_of(mapping: Mapping[str, Any], key: str) -> int:
        lines = mapping.get("__lines__") or {}
        return int(lines.get(key, mapping.get("__line__", 0)))

    def strings(self, mapping: Mapping[str, Any], key: str) -> tuple[str, ...] | None:
        value = mapping[key]
        items = value if isinstance(value, list) else [value]
        if not items or not all(isinstance(v, str | int) and not isinstance(v, bool) for v in items):
            self.add(self.line_of(mapping, key), f"'{key}' must be a string or a list of strings, e.g. "
                     f"{key}: [\"a*\", b]")
            return None
        return tuple(str(v) for v in items)

    def regex(self, mapping: Mapping[str, Any], key: str, text: object, what: str) -> re.Pattern[str] | None:
        line = self.line_of(mapping, key)
        if not isinstance(text, str):
            self.add(line, f"{what} must be a regular expression in quotes")
            return None
        try:
            return re.compile(text)
        except re.error as exc:
            self.add(line, f"{what} {text!r} is not a valid regular expression ({exc}); fix the pattern "
                     "(Python re syntax; escape literal dots and brackets with a backslash)")
            return None

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
                self.add(self.line_of(mapping, key),
                         f"{key} {pattern!r} matches no {key.replace('_', ' ')} of the taxonomy; {hint}")

    def match(self, data: Any, rule_line: int) -> tuple[Match, set[str]]:
        """A Match and the names of its regex captures."""
        if data is None:
            return Match(), set()
        if not isinstance(data, dict):
            self.add(rule_line, "'match' must be a mapping of conditions, e.g. match: {category: health}")
            return Match(), set()
        globs: list[tuple[str, tuple[str, ...]]] = []
        choices: list[tuple[str, tuple[str, ...]]] = []
        flags: list[tuple[str, bool]] = []
        tags: list[tuple[str, str]] = []
        headers: list[tuple[str, re.Pattern[str]]] = []
        body: re.Pattern[str] | None = None
        captures: set[str] = set()
        for key in _public(data):
            line = self.line_of(data, key)
            if key not in MATCH_KEYS:
                self.add(line, f"unknown condition {key!r}; {_suggest(str(key), MATCH_KEYS)}")
                continue
            value = data[key]
            if key in _GLOB_KEYS:
                values = self.strings(data, key)
                if values is not None:
                    self.check_type_globs(data, key, values)
                    globs.append((key, values))
            elif key in _CHOICE_KEYS:
                values = self.strings(data, key)
                if values is None:
                    continue
                allowed = _CHOICE_KEYS[key]
                for v in values:
                    if v not in allowed:
                        self.add(line, f"{key} {v!r} is not valid; {_suggest(v, allowed)}")
                choices.append((key, values))
            elif key in _BOOL_KEYS:
                if not isinstance(value, bool):
                    self.add(line, f"'{key}' must be true or false (unquoted)")
                else:
                    flags.append((key, value))
            elif key == "account_tags":
                if not isinstance(value, dict):
                    self.add(line, "'account_tags' must be a mapping tag-key: glob, e.g. account_tags: {env: prod*}")
                    continue
                for tag_key in _public(value):
                    tag_value = value[tag_key]
                    if not isinstance(tag_value, str | int) or isinstance(tag_value, bool):
                        self.add(self.line_of(value, tag_key), f"account tag {tag_key!r} needs a string glob")
                        continue
                    tags.append((str(tag_key), str(tag_value)))
            elif key == "header":
                if not isinstance(value, dict) or not _public(value):
                    self.add(line, "'header' must be a mapping Header-Name: regex, e.g. header: {Subject: '(?i)abuse'}")
                    continue
                for name in _public(value):
                    pattern = self.regex(value, name, value[name], f"header {name} pattern")
                    if pattern is not None:
                        headers.append((str(name), pattern))
                        captures |= set(pattern.groupindex)
            elif key == "body":
                body = self.regex(data, key, value, "body pattern")
                if body is not None:
                    captures |= set(body.groupindex)
        return Match(tuple(globs), tuple(choices), tuple(flags), tuple(tags), tuple(headers), body), captures

    def template(self, line: int, text: str, variables: set[str], what: str) -> None:
        for name in _TEMPLATE_VAR.findall(text):
            if name not in variables:
                self.add(line, f"{what} uses {{{name}}}, which is neither a named capture of this rule nor "
                         f"one of {', '.join(BUILTIN_VARIABLES)}; {_suggest(name, sorted(variables))}")

    def due(self, line: int, value: object) -> tuple[DueTerm, ...]:
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.add(line, "'due' must be text such as \"deadline\", \"24h\" or \"deadline-2d or 5d\"")
            return ()
        terms: list[DueTerm] = []
        for part in str(value).split(" or "):
            m = _DUE_TERM.match(part.strip())
            if m is None:
                self.add(line, f"due term {part.strip()!r} is not understood; write deadline, deadline-2d, "
                         "deadline+12h, 24h or 3d, joined by ' or '")
                continue
            if m.group("deadline"):
                off = int(m.group("off") or 0)
                unit = m.group("ounit") or "d"
                delta = timedelta(hours=off) if unit == "h" else timedelta(days=off)
                terms.append(DueTerm(True, -delta if m.group("sign") == "-" else delta, unit == "h" and off > 0))
            else:
                n = int(m.group("n"))
                unit = m.group("unit")
                terms.append(DueTerm(False, timedelta(hours=n) if unit == "h" else timedelta(days=n), True))
        return tuple(terms)

    def rule(self, item: Any, index: int, names: dict[str, int]) -> Rule | None:
        if not isinstance(item, dict):
            self.add("?", f"rule #{index + 1} must be a mapping with name:, match: and actions")
            return None
        line = int(item["__line__"])
        name = item.get("name")
        if not isinstance(name, str) or not _NAME.match(name):
            self.add(line, f"rule #{index + 1} needs name: a short id (letters, digits, - _ . :), "
                     "e.g. name: health-to-operations")
            name = f"rule-{index + 1}"
        elif name in names:
            self.add(line, f"rule name {name!r} is already used at line {names[name]}; give each rule its own name")
        else:
            names[name] = line
        for key in _public(item):
            if key not in RULE_KEYS:
                hint = (f"conditions go under match:, e.g. match: {{{key}: ...}}" if key in MATCH_KEYS
                        else _suggest(str(key), RULE_KEYS))
                self.add(self.line_of(item, key), f"unknown key {key!r} in rule {name!r}; {hint}")
        match, captures = self.match(item.get("match"), self.line_of(item, "match"))
        variables = set(BUILTIN_VARIABLES) | captures

        def choice(key: str, allowed: tuple[str, ...]) -> str | None:
            value = item.get(key)
            if value is None:
                return None
            if not isinstance(value, str) or value not in allowed:
                self.add(self.line_of(item, key), f"{key} {value!r} is not valid; {_suggest(str(value), allowed)}")
                return None
            return value

        queue = item.get("queue")
        if queue is not None:
            if not isinstance(queue, str) or not queue.strip():
                self.add(self.line_of(item, "queue"), "'queue' must be a non-empty name, e.g. queue: security")
                queue = None
            else:
                self.template(self.line_of(item, "queue"), queue, variables, "queue")
        tags: list[str] = []
        if "tags" in item:
            raw_tags = item["tags"]
            if not isinstance(raw_tags, list) or not all(isinstance(t, str) and t for t in raw_tags):
                self.add(self.line_of(item, "tags"), "'tags' must be a list of words, e.g. tags: [security, root]")
            else:
                for tag in raw_tags:
                    self.template(self.line_of(item, "tags"), tag, variables, f"tag {tag!r}")
                tags = list(raw_tags)
        fields: list[tuple[str, str]] = []
        if "fields" in item:
            raw_fields = item["fields"]
            if not isinstance(raw_fields, dict):
                self.add(self.line_of(item, "fields"), "'fields' must be a mapping name: value")
            else:
                for key in _public(raw_fields):
                    value = raw_fields[key]
                    if isinstance(value, dict | list) or value is None:
                        self.add(self.line_of(raw_fields, key), f"field {key!r} needs a text value")
                        continue
                    text = str(value).lower() if isinstance(value, bool) else str(value)
                    self.template(self.line_of(raw_fields, key), text, variables, f"field {key!r}")
                    fields.append((str(key), text))
        due: tuple[DueTerm, ...] = ()
        due_text: str | None = None
        if item.get("due") is not None:
            due = self.due(self.line_of(item, "due"), item["due"])
            due_text = str(item["due"])
        action = choice("action", ACTIONS)
        drop_reason = item.get("drop_reason")
        if drop_reason is not None and (not isinstance(drop_reason, str) or not drop_reason.strip()):
            self.add(self.line_of(item, "drop_reason"), "'drop_reason' must be a short word, e.g. marketing")
            drop_reason = None
        if drop_reason is not None and action != "drop":
            self.add(self.line_of(item, "drop_reason"), "drop_reason is only used with action: drop; "
                     "add action: drop or remove drop_reason")
        aggregate = item.get("aggregate", False)
        if not isinstance(aggregate, bool):
            self.add(self.line_of(item, "aggregate"), "'aggregate' must be true or false (unquoted)")
            aggregate = False
        reopen = item.get("reopen", False)
        if not isinstance(reopen, bool):
            self.add(self.line_of(item, "reopen"), "'reopen' must be true or false (unquoted)")
            reopen = False
        description = item.get("description") or ""
        return Rule(
            name=name, line=line, match=match, description=str(description), queue=queue,
            priority=choice("priority", SEVERITIES), visibility=choice("visibility", VISIBILITIES),
            action=action, tags=tuple(tags), fields=tuple(fields), due=due, due_text=due_text,
            drop_reason=drop_reason if action == "drop" else None, aggregate=aggregate, reopen=reopen,
        )


def parse_rules(text: str, source: str = "<rules>", known_types: Collection[str] | None = None) -> RuleSet:
    """Validate and compile a rules file; raise :class:`RulesError` listing every problem.

    ``known_types`` (the taxonomy's notice types) lets the check reject a ``notice_type`` or
    ``category`` glob that matches nothing, with a suggestion.
    """
    try:
        data = yaml.load(text, Loader=_KeyLineLoader)
    except yaml.YAMLError as exc:
        # the context mark is where the broken construct starts (an unclosed bracket, a key without ':')
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        problem = getattr(exc, "problem", None) or str(exc)
        raise RulesError([f"{source}:{line}: not valid YAML ({problem}); fix the syntax (indentation; "
                          "quotes around values that contain ':', '#', '{' or '[')"]) from exc
    checker = _Checker(source, known_types)
    if not isinstance(data, dict):
        raise RulesError([f"{source}:1: expected a mapping with 'rules:' (a list), e.g. rules: [] "])
    for key in _public(data):
        if key not in TOP_KEYS:
            checker.add(checker.line_of(data, key), f"unknown top-level key {key!r}; {_suggest(str(key), TOP_KEYS)}")
    version = data.get("version", 1)
    if version != 1:
        checker.add(checker.line_of(data, "version"), f"version {version!r} is not supported; write version: 1")
    default_queue = "triage"
    defaults = data.get("defaults")
    if defaults is not None:
        if not isinstance(defaults, dict):
            checker.add(checker.line_of(data, "defaults"),
                        "'defaults' must be a mapping, e.g. defaults: {queue: triage}")
        else:
            for key in _public(defaults):
                if key not in DEFAULTS_KEYS:
                    checker.add(checker.line_of(defaults, key),
                                f"unknown key {key!r} under defaults; {_suggest(str(key), DEFAULTS_KEYS)}")
            queue = defaults.get("queue", default_queue)
            if not isinstance(queue, str) or not queue.strip():
                checker.add(checker.line_of(defaults, "queue"), "defaults.queue must be a queue name")
            else:
                default_queue = queue
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list):
        checker.add(checker.line_of(data, "rules") if "rules" in data else 1,
                    "'rules' must be a list of rules (each starting with '- name:')")
        raw_rules = []
    names: dict[str, int] = {}
    rules = [checker.rule(item, i, names) for i, item in enumerate(raw_rules)]
    if checker.problems:
        raise RulesError(checker.problems)
    return RuleSet(rules=tuple(r for r in rules if r is not None), default_queue=default_queue, source=source)


# --------------------------------------------------------------------------- matching


def _text_for_body(parsed: ParsedMail) -> tuple[str, ...]:
    return tuple(t for t in (parsed.text, parsed.html_text) if t)


def account_mismatch(notice: Notice, recipient: Recipient) -> bool:
    """The mail names an AWS account that is not the recipient's (only when both are known)."""
    return bool(notice.aws_account_id and recipient.account
                and notice.aws_account_id != recipient.account.account_id)


def _facts(notice: Notice, auth: AuthVerdict, recipient: Recipient) -> dict[str, str]:
    account = recipient.account
    return {
        "notice_type": notice.notice_type,
        "category": notice.category,
        "severity": notice.severity,
        "customer": recipient.customer.id if recipient.customer else "",
        "account_id": account.account_id if account else "",
        "account_name": account.name if account else "",
    }


def _matches(rule: Rule, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient,
             facts: Mapping[str, str]) -> dict[str, str] | None:
    """The rule's named captures when it matches, else None."""
    m = rule.match
    for key, globs in m.globs:
        value = facts[key]
        if not value or not any(fnmatch.fnmatchcase(value, g) for g in globs):
            return None
    for key, allowed in m.choices:
        if key == "severity":
            if notice.severity not in allowed:
                return None
        elif key == "authenticity":
            ok = auth.verdict in allowed or ("spoof" in allowed and auth.suspected_spoof)
            if not ok:
                return None
    flag_values = {
        "recipient_known": recipient.known,
        "account_mismatch": account_mismatch(notice, recipient),
        "action_required": notice.action_required,
        "secret": notice.secret,
    }
    for key, wanted in m.flags:
        if flag_values[key] != wanted:
            return None
    if m.account_tags:
        tags = dict(recipient.account.tags) if recipient.account else {}
        for tag_key, glob in m.account_tags:
            if tag_key not in tags or not fnmatch.fnmatchcase(tags[tag_key], glob):
                return None
    captures: dict[str, str] = {}
    for name, pattern in m.headers:
        found = None
        for value in parsed.header_all(name):
            found = pattern.search(value)
            if found:
                break
        if found is None:
            return None
        captures.update({k: v for k, v in found.groupdict().items() if v is not None})
    if m.body is not None:
        found = None
        for text in _text_for_body(parsed):
            found = m.body.search(text)
            if found:
                break
        if found is None:
            return None
        captures.update({k: v for k, v in found.groupdict().items() if v is not None})
    return captures


def _render(template: str, variables: Mapping[str, str]) -> str:
    return _TEMPLATE_VAR.sub(lambda m: variables.get(m.group(1), ""), template)


def _parse_deadline(deadline: str) -> datetime | date | None:
    text = deadline.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text)
        parsed = datetime.fromisoformat(text.replace("Z", "+00:00"))
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except ValueError:
        return None


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def compute_due(terms: Sequence[DueTerm], notice: Notice, received: datetime) -> str | None:
    """The first term that applies: a date (``YYYY-MM-DD``) or a UTC date-time (``...Z``)."""
    for term in terms:
        if term.from_deadline:
            if not notice.deadline:
                continue
            base = _parse_deadline(notice.deadline)
            if base is None:
                continue
            if isinstance(base, datetime):
                return _iso(base + term.offset)
            if term.hours:
                start = datetime(base.year, base.month, base.day, tzinfo=UTC)
                return _iso(start + term.offset)
            return (base + term.offset).isoformat()
        return _iso(received + term.offset)
    return None


def _received(parsed: ParsedMail, now: datetime | None) -> datetime:
    if parsed.date is not None:
        return parsed.date if parsed.date.tzinfo else parsed.date.replace(tzinfo=UTC)
    if now is None:
        raise ValueError("the mail has no Date: pass now= to decide()")
    return now if now.tzinfo else now.replace(tzinfo=UTC)


def digest_key(recipient: Recipient, day: date, rule: str) -> str:
    """One digest ticket per customer (or unknown address), per day, per digest rule."""
    owner = recipient.customer.id if recipient.customer else f"address:{recipient.address}"
    return f"digest:{owner}:{day.isoformat()}:{rule}"


def decide(
    rules: RuleSet,
    parsed: ParsedMail,
    notice: Notice,
    auth: AuthVerdict,
    recipient: Recipient,
    *,
    now: datetime | None = None,
) -> Decision:
    """The route for ``notice`` to ``recipient``: first matching rule, taxonomy defaults for the rest.

    ``now`` is used only when the mail has no Date header (for ``due`` and digest days).
    """
    facts = _facts(notice, auth, recipient)
    chosen: Rule | None = None
    captures: dict[str, str] = {}
    for rule in rules.rules:
        found = _matches(rule, parsed, notice, auth, recipient, facts)
        if found is not None:
            chosen, captures = rule, found
            break
    variables = {**facts, **captures}
    notes: list[str] = []
    taxonomy_visibility = "customer" if notice.customer_visible else "internal"
    queue = _render(chosen.queue, variables) if chosen and chosen.queue else rules.default_queue
    priority = (chosen.priority if chosen and chosen.priority else None) or (
        notice.severity if notice.severity in SEVERITIES else "normal")
    visibility = (chosen.visibility if chosen and chosen.visibility else None) or taxonomy_visibility
    action = (chosen.action if chosen and chosen.action else None) or "open"
    tags = [_render(t, variables) for t in chosen.tags] if chosen else []
    fields = [(k, _render(v, variables)) for k, v in chosen.fields] if chosen else []
    if visibility == "customer":
        if notice.secret:
            visibility = "internal"
            notes.append("internal: the notice carries a live secret")
        elif auth.verdict == "fail" or auth.suspected_spoof:
            visibility = "internal"
            notes.append(f"internal: authenticity {auth.verdict} (suspected spoof)")
    if account_mismatch(notice, recipient):
        assert recipient.account is not None
        tags.append("account_mismatch")
        fields.append(("account_mismatch", f"{notice.aws_account_id} vs {recipient.account.account_id}"))
        notes.append(f"the mail names account {notice.aws_account_id}, the recipient is "
                     f"{recipient.account.account_id}: flagged, not corrected")
    received: datetime | None = None
    due: str | None = None
    if chosen and chosen.due:
        received = _received(parsed, now)
        due = compute_due(chosen.due, notice, received)
    thread: str | None = None
    if action == "digest":
        received = received or _received(parsed, now)
        thread = digest_key(recipient, received.astimezone(UTC).date(), chosen.name if chosen else "default")
    elif chosen and chosen.aggregate:
        thread = aggregation_key(notice, recipient)
        if thread is not None and recipient.account is not None:
            tags.append(account_tag(recipient.account.account_id))
            notes.append("aggregated: one ticket per AWS Health event for the customer")
    drop_reason = None
    if action == "drop":
        drop_reason = (chosen.drop_reason if chosen and chosen.drop_reason else None) or (
            chosen.name if chosen else "default")
    route = Route(
        rule=chosen.name if chosen else DEFAULT_RULE_NAME,
        queue=queue,
        priority=priority,
        visibility=visibility,
        action=action,
        tags=tuple(dict.fromkeys(tags)),
        fields=tuple(fields),
        due=due,
        drop_reason=drop_reason,
        thread_key=thread,
        reopen=bool(chosen and chosen.reopen),
    )
    return Decision(route=route, rule=chosen, captures=captures, notes=tuple(notes))


def route_notice(
    rules: RuleSet, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient,
    *, now: datetime | None = None,
) -> Route:
    """:func:`decide` without the explanation."""
    return decide(rules, parsed, notice, auth, recipient, now=now).route


def explain(decision: Decision, notice: Notice, recipient: Recipient) -> dict[str, Any]:
    """The JSON document of ``rootmail rules explain``."""
    route = decision.route
    return {
        "rule": route.rule,
        "queue": route.queue,
        "priority": route.priority,
        "visibility": route.visibility,
        "action": route.action,
        "customer": recipient.customer.id if recipient.customer else None,
        "aws_account_id": notice.aws_account_id,
        "recipient": recipient.address,
        "recipient_account_id": recipient.account.account_id if recipient.account else None,
        "notice_type": notice.notice_type,
        "rule_line": decision.rule.line if decision.rule else None,
        "tags": list(route.tags),
        "fields": dict(route.fields),
        "due": route.due,
        "drop_reason": route.drop_reason,
        "thread_key": route.thread_key,
        "captures": dict(decision.captures),
        "notes": list(decision.notes),
    }
