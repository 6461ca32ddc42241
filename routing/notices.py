"""Notice definitions as data: ordered YAML rules (first match wins), loaded and validated.

Owns the rule file format (``routing/data/notices.yaml`` ships the defaults; a support engineer
can point ``ROOTMAIL_NOTICES_FILE`` at an extended copy) and the matching of one mail against it.
Errors name the file, the line and the fix. Nothing here reads the network or the clock.

Format::

    version: 1
    rules:                                  # ordered: the first rule that matches wins
      - id: password-reset                  # unique name, shown in reasons
        type: credentials.password_reset    # a notice_type of taxonomy.yaml
        match:                              # a mapping (all keys must match) or a list of them (any)
          sender: ['@verify\\.signin\\.aws$']  # each key: a regex or a list of regexes (any)
          subject: ['password assistance']
        unless: {body: ['cancelled']}       # same shape; skip the rule when it matches
        severity: critical                  # optional overrides of the taxonomy defaults
        action_required: true
        deadline: true                      # look for a deadline (default: action_required)
        implicit_account: true              # no account named: it concerns the recipient's account
        generic: false                      # true: a catch-all, taken only when no specific rule matches;
                                            # the evidence scorer may place the mail more precisely
                                            # (routing/evidence.py)
    modifiers:                              # applied after the winning rule, in order, all that match
      - id: cancellation
        match: {text: ['has been cancelled']}
        set: {action_required: false, deadline: false}

Match keys: ``sender`` (address; the original sender for list-forwarded mail), ``sender_name``,
``family`` (the AWS sender family of the From address, :mod:`routing.families`; empty when the
sender cannot be placed), ``event_type`` (the AWS Health event type code, from the event ARN, an
"Event type code" line or the Health headers), ``subject``, ``body`` (plain and HTML text), ``text``
(subject or body), ``header`` (a mapping of header name to regexes), ``type`` (modifiers only: the
chosen notice type). Regexes are the dialect of :mod:`routing.patterns` (Python ``re``, searched,
case-insensitive, multi-line), the same as in the routing rules.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import Field, field_validator

from routing.hanzi import fold_traditional, with_folded_patterns
from routing.patterns import Pattern, compile_patterns, first_at_starts, fold_lower, without_superstrings
from routing.taxonomy import Taxonomy, default_taxonomy
from routing.yamllines import Entry, line_of, load_with_lines, suggest, validate_entry

E = TypeVar("E", bound=Entry)

MATCH_KEYS = ("sender", "sender_name", "family", "event_type", "subject", "body", "text", "header", "type")
SET_KEYS = ("severity", "action_required", "deadline")


class NoticeRulesError(ValueError):
    """The notice rule file is malformed; the message names the file, the line and the fix."""


@dataclass(frozen=True, slots=True)
class MailView:
    """The parts of one mail that rules look at (built once per mail by the classifier)."""

    sender: str
    sender_name: str
    subject: str
    body: str
    headers: tuple[tuple[str, str], ...]
    subject_lower: str = ""
    body_lower: str = ""
    family: str = ""
    event_type: str = ""
    #: the lower-cased values of :data:`GATED_KEYS` (:func:`routing.patterns.fold_lower`), in that order (None:
    #: no gate, every rule is tried)
    lowered: tuple[str, ...] | None = None

    @classmethod
    def of(cls, sender: str, sender_name: str, subject: str, body: str,
           headers: tuple[tuple[str, str], ...], *, family: str = "", event_type: str = "") -> MailView:
        # (Traditional Chinese in its Simplified forms: the rules' Chinese words are written once, :mod:`routing.hanzi`)
        subject, body = fold_traditional(subject), fold_traditional(body)
        # (lower-cased as re.IGNORECASE reads letters, ſ as s, ı as i: a needle gate never hides a match)
        subject_lower = fold_lower(subject)
        body_lower = fold_lower(body)
        lowered = (fold_lower(sender), fold_lower(sender_name), family.lower(), fold_lower(event_type), subject_lower,
                   body_lower, f"{subject_lower}\n{body_lower}")
        return cls(sender, sender_name, subject, body, headers, subject_lower, body_lower, family, event_type,
                   lowered)

    def header_values(self, name: str) -> list[str]:
        wanted = name.lower()
        return [value for key, value in self.headers if len(key) == len(wanted) and key.lower() == wanted]


@dataclass(frozen=True, slots=True)
class Condition:
    """One match block: every present field must match (each field: any of its patterns)."""

    fields: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()
    headers: tuple[tuple[str, tuple[Pattern, ...]], ...] = ()

    def matches(self, mail: MailView, notice_type: str = "") -> bool:
        # complexity 16: the hot loop of classification; the field dispatch is inline for speed
        for name, patterns in self.fields:
            if name == "body":
                ok = search_any(patterns, mail.body, mail.body_lower)
            elif name == "subject":
                ok = search_any(patterns, mail.subject, mail.subject_lower)
            elif name == "text":
                ok = (search_any(patterns, mail.subject, mail.subject_lower)
                      or search_any(patterns, mail.body, mail.body_lower))
            else:
                value = notice_type if name == "type" else str(getattr(mail, name))
                ok = search_any(patterns, value, fold_lower(value))
            if not ok:
                return False
        for header, patterns in self.headers:
            hvalues = mail.header_values(header)
            if not any(search_any(patterns, v, fold_lower(v)) for v in hvalues):
                return False
        return True


def search_any(patterns: tuple[Pattern, ...], value: str, lowered: str) -> bool:
    """``any(p.search(value, lowered) for p in patterns)`` with the literal pre-check inline (the
    classifier's hot loop: one function call per field instead of three per pattern), and a pattern
    that begins with a literal tried only where that literal occurs (:func:`first_at_starts`)."""
    for pattern in patterns:
        needles = pattern.needles
        if needles is not None:
            for needle in needles:
                if needle in lowered:
                    break
            else:
                continue
        starts = pattern.starts
        if starts is None:
            if pattern.regex.search(value) is not None:
                return True
        elif first_at_starts(pattern.regex, starts, value, lowered) is not None:
            return True
    return False


def _accepts_type(condition: Condition, notice_type: str) -> bool:
    """Whether the ``type`` field of ``condition`` (if it has one) matches ``notice_type``."""
    return all(search_any(patterns, notice_type, notice_type.lower())
               for name, patterns in condition.fields if name == "type")


def _any(conditions: Sequence[Condition], mail: MailView, notice_type: str = "") -> bool:
    return any(c.matches(mail, notice_type) for c in conditions)


@dataclass(frozen=True, slots=True)
class NoticeRule:
    """One ordered rule: when ``match`` (any block) holds and ``unless`` does not, the mail is ``type``."""

    id: str
    type: str
    line: int
    match: tuple[Condition, ...]
    unless: tuple[Condition, ...] = ()
    severity: str | None = None
    action_required: bool | None = None
    deadline: bool | None = None
    implicit_account: bool = True
    #: a catch-all rule (``generic: true``): :mod:`routing.evidence` may still place the mail in a specific type
    generic: bool = False
    #: lower-case literals one of which every match of the rule needs (:func:`rule_gate`), or None
    gate: Gate | None = None
    #: each block of ``match`` with its own gate (:func:`block_gate`; None: always tried), for
    #: :meth:`NoticeRules.first_match` (empty: the blocks are tried as ``match`` holds them)
    blocks: tuple[tuple[GateBlock | None, Condition], ...] = field(default=(), compare=False, repr=False)

    def matches(self, mail: MailView) -> bool:
        return _any(self.match, mail) and not _any(self.unless, mail)


#: the match keys whose lower-cased value :attr:`MailView.lowered` holds, in its order
GATED_KEYS = ("sender", "sender_name", "family", "event_type", "subject", "body", "text")
_GATED_INDEX = {key: index for index, key in enumerate(GATED_KEYS)}

#: the short match keys (a few dozen characters at most): a regex over one costs less than one ``in``
#: test over a body, so a gate tries them first
CHEAP_KEYS = ("sender", "sender_name", "family", "event_type")

#: one block's gate: the short fields the block tests, as (key, index into :attr:`MailView.lowered`,
#: patterns), then (index, lower-case literals) of its cheapest literal-bearing field
GateBlock = tuple[tuple[tuple[str, int, tuple[Pattern, ...]], ...], int, tuple[str, ...]]
Gate = tuple[GateBlock, ...]


def rule_gate(match: Sequence[Condition]) -> Gate | None:
    """Per block of ``match``: its short fields (:data:`CHEAP_KEYS`, other than the literal one) and
    (index into :attr:`MailView.lowered`, lower-case literals) such that the block can only hold when
    those short fields match and one of the literals occurs in that lower-cased value; None when a
    block has no such field. The field is the block's first (cheapest) of :data:`GATED_KEYS` whose
    every pattern has needles: a pattern only matches a value whose lower-cased form holds one of
    its needles (:attr:`Pattern.needles`; ``text`` is subject or body, both in its joined value); a
    block holds only when every field matches, its short fields included.
    A rule none of whose blocks passes its gate cannot match: :meth:`NoticeRules.first_match` skips it."""
    out: list[GateBlock] = []
    for condition in match:
        block = block_gate(condition)
        if block is None:
            return None
        out.append(block)
    return tuple(out)


def block_gate(condition: Condition) -> GateBlock | None:
    """The gate of one block (:func:`rule_gate`), or None when it has no field of :data:`GATED_KEYS`
    whose every pattern has needles. A block that fails its gate cannot hold: it is not tried."""
    for name, patterns in condition.fields:
        if name in _GATED_INDEX and all(p.needles for p in patterns):
            needles = without_superstrings(
                tuple(dict.fromkeys(needle for p in patterns for needle in p.needles or ())))
            short = tuple((key, _GATED_INDEX[key], pats) for key, pats in condition.fields
                          if key in CHEAP_KEYS and key != name)
            return short, _GATED_INDEX[name], needles
    return None


@dataclass(frozen=True, slots=True)
class Modifier:
    """Adjusts the winning rule's result (e.g. a cancellation needs no action)."""

    id: str
    line: int
    match: tuple[Condition, ...]
    unless: tuple[Condition, ...] = ()
    set: tuple[tuple[str, Any], ...] = ()

    def matches(self, mail: MailView, notice_type: str) -> bool:
        return _any(self.match, mail, notice_type) and not _any(self.unless, mail, notice_type)


@dataclass(frozen=True, slots=True)
class NoticeRules:
    """The ordered rules of one file, plus its modifiers."""

    rules: tuple[NoticeRule, ...]
    modifiers: tuple[Modifier, ...] = ()
    source: str = "<notices>"
    #: notice type -> the modifiers a mail of that type can match (:meth:`modifiers_for`), filled as types come
    _by_type: dict[str, tuple[Modifier, ...]] = field(default_factory=dict, compare=False, repr=False)
    #: (family, its lower-cased form) -> the rules a mail of that family can match (:meth:`_plan`), filled as
    #: families come (a sender family is one of a few names, :mod:`routing.families`: nothing of a mail's content)
    _plans: dict[tuple[str, str], tuple[_PlannedRule, ...]] = field(default_factory=dict, compare=False, repr=False)

    def modifiers_for(self, notice_type: str) -> tuple[Modifier, ...]:
        """The modifiers, in order, less those no block of which accepts ``notice_type`` (each of
        their blocks has a ``type`` field that does not match it): they cannot match a mail of that
        type. One regex test per modifier and type, once; then a dict lookup per mail."""
        found = self._by_type.get(notice_type)
        if found is None:
            found = self._by_type[notice_type] = tuple(
                modifier for modifier in self.modifiers if any(_accepts_type(c, notice_type) for c in modifier.match))
        return found

    def _plan(self, family: str, family_lower: str) -> tuple[_PlannedRule, ...]:
        """The rules, in order, as a mail of ``family`` (``family_lower``: :attr:`MailView.lowered`'s form of it)
        meets them in :meth:`first_match`: of each gated block, the short fields other than ``family`` and its
        literals, unless the literals were the family's own (then decided here: ``()``); a gated block the family
        fails is left out, and so is a rule none of whose blocks is left (it cannot match a mail of that family).
        The family's tests are the gate's, answered once per family instead of once per rule and mail."""
        planned: list[_PlannedRule] = []
        for rule in self.rules:
            if not rule.blocks:
                planned.append((rule, None))
                continue
            blocks: list[tuple[GateBlock | None, Condition]] = []
            for block, condition in rule.blocks:
                if block is None:
                    blocks.append((None, condition))
                    continue
                short, index, needles = block
                if not all(search_any(patterns, family, family_lower) for key, _, patterns in short
                           if key == "family"):
                    continue  # (the family fails the block's short field: it cannot hold)
                rest = tuple(item for item in short if item[0] != "family")
                if index == _FAMILY_AT:
                    if not any(needle in family_lower for needle in needles):
                        continue  # (no literal of the block in the family: it cannot hold)
                    needles = ()
                blocks.append(((rest, index, needles), condition))
            if blocks:
                planned.append((rule, tuple(blocks)))
        return tuple(planned)

    def first_match(self, mail: MailView) -> NoticeRule | None:
        """The first rule that matches ``mail``, a catch-all one (``generic: true``) only when no specific rule
        matches, wherever it stands in the file."""
        # ``rule.matches(mail)`` inline (the classifier's hot loop: no generator and call per rule), each
        # block after its own gate (:attr:`NoticeRule.blocks`): a block that fails its gate cannot hold and
        # is not tried (nor, as before, any block of a rule none of whose blocks passes its gate); the gates' tests
        # of the family, the same for every mail of that family, are answered by the family's plan (:meth:`_plan`)
        lowered = mail.lowered
        if lowered is None:
            return self._first_match_ungated(mail)
        key = (mail.family, lowered[_FAMILY_AT])
        plan = self._plans.get(key)
        if plan is None:
            plan = self._plan(*key)
            if len(self._plans) < _MAX_PLANS:  # (a caller's own family names: a bounded store)
                self._plans[key] = plan
        caught: NoticeRule | None = None  # the first catch-all rule that matched: a specific rule below it still wins
        for rule, blocks in plan:
            if caught is not None and rule.generic:
                continue
            if blocks is not None:
                for block, condition in blocks:
                    if block is not None:
                        short, index, needles = block
                        for key_, at, patterns in short:
                            if not search_any(patterns, getattr(mail, key_), lowered[at]):
                                break
                        else:
                            if needles:
                                value = lowered[index]
                                for needle in needles:
                                    if needle in value:
                                        break
                                else:
                                    continue  # no literal of the block: it cannot hold
                            if condition.matches(mail):
                                break
                        continue  # a short field failed, or the block did not hold
                    if condition.matches(mail):
                        break
                else:
                    continue
            else:
                for condition in rule.match:
                    if condition.matches(mail):
                        break
                else:
                    continue
            for condition in rule.unless:
                if condition.matches(mail):
                    break
            else:
                if not rule.generic:
                    return rule
                caught = caught or rule
        return caught

    def _first_match_ungated(self, mail: MailView) -> NoticeRule | None:
        """:meth:`first_match` for a view without lower-cased values (no gate): every block tried."""
        # (not the hot loop: a view built without its lower-cased values, as by a custom caller; the rule's own test)
        caught: NoticeRule | None = None
        for rule in self.rules:
            if (caught is not None and rule.generic) or not rule.matches(mail):
                continue
            if not rule.generic:
                return rule
            caught = caught or rule
        return caught


#: where :attr:`MailView.lowered` holds the family
_FAMILY_AT = GATED_KEYS.index("family")
#: the most families whose plans are kept (the shipped families are 12; a caller may name others)
_MAX_PLANS = 64
#: a rule as a mail of one family meets it (:meth:`NoticeRules._plan`): its blocks left, or None (no gates: every
#: block of ``match`` is tried)
_PlannedRule = tuple[NoticeRule, tuple[tuple[GateBlock | None, Condition], ...] | None]


# ---------------------------------------------------------------- loading with line numbers


def _check_keys(item: Mapping[str, Any], allowed: Sequence[str], where: str) -> None:
    for key in item:
        if key not in allowed:
            raise NoticeRulesError(f"{where}: unknown key '{key}'; {suggest(str(key), allowed)}")


def _patterns(value: Any, where: str) -> tuple[Pattern, ...]:
    # a Chinese pattern written in Traditional characters reads the mail's folded text (MailView.of) in its fold too
    return compile_patterns(with_folded_patterns(value), where, NoticeRulesError)


def _conditions(value: Any, source: str, line: int, label: str, *, allow_type: bool) -> tuple[Condition, ...]:
    where = f"{source}:{line}: {label}"
    blocks = value if isinstance(value, list) else [value]
    if not blocks:
        raise NoticeRulesError(f"{where}: empty; give a mapping such as {{subject: 'regex'}}")
    out: list[Condition] = []
    allowed = MATCH_KEYS if allow_type else tuple(k for k in MATCH_KEYS if k != "type")
    for block in blocks:
        if not isinstance(block, dict):
            raise NoticeRulesError(f"{where}: expected a mapping such as {{subject: 'regex'}}, got {block!r}")
        here = f"{source}:{line_of(block, default=line)}"
        _check_keys(block, allowed, here)
        fields: list[tuple[str, tuple[Pattern, ...]]] = []
        headers: list[tuple[str, tuple[Pattern, ...]]] = []
        for key, pats in block.items():
            if key == "header":
                if not isinstance(pats, dict):
                    raise NoticeRulesError(f"{here}: 'header' must map header names to regexes, "
                                           "e.g. header: {X-SM-COMMUNICATION-TYPE: 'RETIREMENT'}")
                for name, hpats in pats.items():
                    headers.append((str(name), _patterns(hpats, f"{here}: header {name}")))
            else:
                fields.append((str(key), _patterns(pats, f"{here}: {key}")))
        if not fields and not headers:
            raise NoticeRulesError(f"{here}: a match block needs at least one of {', '.join(allowed)}")
        cost = {"type": 0, "family": 0, "event_type": 0, "sender": 1, "sender_name": 1, "subject": 2, "text": 4,
                "body": 5}
        fields.sort(key=lambda item: cost.get(item[0], 3))
        out.append(Condition(tuple(fields), tuple(headers)))
    return tuple(out)


Severity = Literal["critical", "high", "normal", "low"]


class _RuleEntry(Entry):
    """One entry under ``rules:`` as written (the conditions are checked by :func:`_conditions`)."""

    id: str = Field(default=None, validate_default=True)
    type: Any = None
    match: Any = None
    unless: Any = None
    severity: Severity | None = None
    action_required: bool | None = None
    deadline: bool | None = None
    implicit_account: bool | None = None
    generic: bool | None = None
    description: Any = None

    @field_validator("id", mode="before")
    @classmethod
    def _named(cls, value: Any) -> str:
        if not isinstance(value, str) or not value:
            raise ValueError("the rule has no 'id'; add id: <a short unique name>")
        return value


class _SetEntry(Entry):
    """The ``set:`` of a modifier."""

    severity: Severity | None = None
    action_required: bool | None = None
    deadline: bool | None = None


class _ModifierEntry(Entry):
    """One entry under ``modifiers:`` as written."""

    id: Any = None
    match: Any = None
    unless: Any = None
    set: Any = None
    description: Any = None


def _entry(model: type[E], item: Mapping[str, Any], source: str, line: int) -> E:
    """``item`` as ``model``; the first problem raised, named by the entry's line."""
    entry, problems = validate_entry(model, dict(item), source, line=line)
    if entry is None:
        raise NoticeRulesError(problems[0])
    return entry


def _rule(item: Any, source: str, taxonomy: Taxonomy, seen: dict[str, int]) -> NoticeRule:
    """One entry under ``rules:``; ``seen`` maps the ids so far to their lines."""
    if not isinstance(item, dict):
        raise NoticeRulesError(f"{source}: every entry under 'rules:' must be a mapping, got {item!r}")
    line = line_of(item)
    where = f"{source}:{line}"
    entry = _entry(_RuleEntry, item, source, line)
    if entry.id in seen:
        raise NoticeRulesError(f"{where}: rule id '{entry.id}' is already used at line {seen[entry.id]}; "
                               "rename one of them")
    seen[entry.id] = line
    if not isinstance(entry.type, str) or entry.type not in taxonomy.types:
        raise NoticeRulesError(f"{where}: rule '{entry.id}' has type {entry.type!r}, which is not in "
                               f"{taxonomy.source}; {suggest(str(entry.type), sorted(taxonomy.types))}")
    if "match" not in item:
        raise NoticeRulesError(f"{where}: rule '{entry.id}' has no 'match:'; add e.g. match: {{subject: 'regex'}}")
    match = _conditions(entry.match, source, line, "match", allow_type=False)
    return NoticeRule(
        id=entry.id, type=entry.type, line=line,
        match=match,
        gate=rule_gate(match),
        blocks=tuple((block_gate(condition), condition) for condition in match),
        unless=_conditions(entry.unless, source, line, "unless", allow_type=False) if "unless" in item else (),
        severity=entry.severity,
        action_required=entry.action_required,
        deadline=entry.deadline,
        implicit_account=True if entry.implicit_account is None else entry.implicit_account,
        generic=bool(entry.generic),
    )


def _modifier(item: Any, source: str) -> Modifier:
    """One entry under ``modifiers:``."""
    if not isinstance(item, dict):
        raise NoticeRulesError(f"{source}: every entry under 'modifiers:' must be a mapping, got {item!r}")
    line = line_of(item)
    entry = _entry(_ModifierEntry, item, source, line)
    if not isinstance(entry.set, dict) or not entry.set:
        raise NoticeRulesError(f"{source}:{line}: a modifier needs 'set:' with one of {', '.join(SET_KEYS)}")
    _entry(_SetEntry, entry.set, source, line)
    return Modifier(
        id=str(entry.id or f"modifier-{line}"), line=line,
        match=_conditions(entry.match, source, line, "match", allow_type=True),
        unless=_conditions(entry.unless, source, line, "unless", allow_type=True) if "unless" in item else (),
        set=tuple(entry.set.items()),
    )


def parse_notice_rules(text: str, source: str = "<notices>", taxonomy: Taxonomy | None = None) -> NoticeRules:
    """Parse and validate rule YAML ``text`` against ``taxonomy``; ``source`` names it in errors."""
    taxonomy = taxonomy or default_taxonomy()
    data = load_with_lines(text, source, NoticeRulesError)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise NoticeRulesError(f"{source}:1: expected a mapping with 'rules:' (a list of rules); "
                               "see routing/data/notices.yaml for the format")
    _check_keys(data, ("version", "rules", "modifiers"), f"{source}:{line_of(data, default=1)}")
    if data.get("version", 1) != 1:
        raise NoticeRulesError(f"{source}:1: version {data.get('version')!r} is not supported; use version: 1")
    seen: dict[str, int] = {}
    rules = tuple(_rule(item, source, taxonomy, seen) for item in data["rules"])
    modifiers = tuple(_modifier(item, source) for item in data.get("modifiers") or [])
    return NoticeRules(rules=rules, modifiers=modifiers, source=source)


def load_notice_rules(path: Path | None = None, taxonomy: Taxonomy | None = None) -> NoticeRules:
    """The rules at ``path``, or the shipped defaults when ``path`` is None."""
    if path is None and taxonomy is None:
        return default_notice_rules()
    if path is None:
        text = resources.files("routing").joinpath("data/notices.yaml").read_text(encoding="utf-8")
        return parse_notice_rules(text, "routing/data/notices.yaml", taxonomy)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise NoticeRulesError(f"{path}: cannot read the notice rules ({exc.strerror}); "
                               "check ROOTMAIL_NOTICES_FILE") from exc
    return parse_notice_rules(text, str(path), taxonomy)


@lru_cache(maxsize=1)
def default_notice_rules() -> NoticeRules:
    """The shipped ``routing/data/notices.yaml`` (parsed once per process)."""
    text = resources.files("routing").joinpath("data/notices.yaml").read_text(encoding="utf-8")
    return parse_notice_rules(text, "routing/data/notices.yaml", default_taxonomy())
