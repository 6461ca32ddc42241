"""Loading a rules file: YAML text -> a validated :class:`RuleSet`, or :class:`RulesError` listing every problem."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from routing.rules.model import DEFAULTS_KEYS, TOP_KEYS, RulesError, RuleSet
from routing.rules.schema import Checker
from routing.yamllines import YamlSyntaxError, line_of, load_with_lines, suggest


def _default_queue(checker: Checker, data: Mapping[str, Any]) -> str:
    default_queue = "triage"
    defaults = data.get("defaults")
    if defaults is None:
        return default_queue
    if not isinstance(defaults, dict):
        checker.add(line_of(data, "defaults"), "'defaults' must be a mapping, e.g. defaults: {queue: triage}")
        return default_queue
    for key in defaults:
        if key not in DEFAULTS_KEYS:
            checker.add(line_of(defaults, key),
                        f"unknown key {key!r} under defaults; {suggest(str(key), DEFAULTS_KEYS)}")
    queue = defaults.get("queue", default_queue)
    if not isinstance(queue, str) or not queue.strip():
        checker.add(line_of(defaults, "queue"), "defaults.queue must be a queue name")
        return default_queue
    return queue


def _top_level(checker: Checker, data: Mapping[str, Any]) -> None:
    for key in data:
        if key not in TOP_KEYS:
            checker.add(line_of(data, key), f"unknown top-level key {key!r}; {suggest(str(key), TOP_KEYS)}")
    version = data.get("version", 1)
    if version != 1:
        checker.add(line_of(data, "version"), f"version {version!r} is not supported; write version: 1")


def parse_rules(text: str, source: str = "<rules>", known_types: Collection[str] | None = None) -> RuleSet:
    """Validate and compile a rules file; raise :class:`RulesError` listing every problem.

    ``known_types`` (the taxonomy's notice types) lets the check reject a ``notice_type`` or
    ``category`` glob that matches nothing, with a suggestion.
    """
    try:
        data = load_with_lines(text, source)
    except YamlSyntaxError as exc:
        raise RulesError([str(exc)]) from exc
    checker = Checker(source, known_types)
    if not isinstance(data, dict):
        raise RulesError([f"{source}:1: expected a mapping with 'rules:' (a list), e.g. rules: [] "])
    _top_level(checker, data)
    default_queue = _default_queue(checker, data)
    raw_rules = data.get("rules")
    if not isinstance(raw_rules, list):
        checker.add(line_of(data, "rules") if "rules" in data else 1,
                    "'rules' must be a list of rules (each starting with '- name:')")
        raw_rules = []
    names: dict[str, int] = {}
    rules = [checker.rule(item, i, names) for i, item in enumerate(raw_rules)]
    if checker.problems:
        raise RulesError(checker.problems)
    return RuleSet(rules=tuple(r for r in rules if r is not None), default_queue=default_queue, source=source)
