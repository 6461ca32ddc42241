"""YAML for files people edit (rules, notices, directory, taxonomy): every mapping remembers its lines.

The one line-aware loader of the project. A mapping comes back as a :class:`LineMap` — a plain
``dict`` that also knows the 1-based line where it starts (``.line``) and the line of each key
(``.key_lines``) — so a validator can say ``file:line: problem; fix``. Nothing is added to the
data itself: iterating a mapping yields only the keys that were written.
"""

from __future__ import annotations

from typing import Any

import yaml


class LineMap(dict[Any, Any]):
    """A YAML mapping with the line it starts on and the line of each of its keys."""

    line: int = 0
    key_lines: dict[Any, int]

    def line_of(self, key: Any) -> int:
        """The line of ``key`` (the mapping's own line when the key is absent)."""
        return self.key_lines.get(key, self.line)


def line_of(mapping: Any, key: Any = None, default: int = 0) -> int:
    """The line of ``key`` in ``mapping`` (or of the mapping when ``key`` is None); ``default`` for
    data that did not come from :func:`load_with_lines`."""
    if not isinstance(mapping, LineMap):
        return default
    return mapping.line if key is None else mapping.line_of(key)


class YamlSyntaxError(ValueError):
    """The text is not valid YAML; the message is ``file:line: not valid YAML (...); fix``."""


class _LineLoader(yaml.SafeLoader):
    """SafeLoader building :class:`LineMap` mappings."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> LineMap:
    loader.flatten_mapping(node)  # YAML merge keys (<<), as SafeLoader does
    mapping = LineMap()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            key = str(key)  # a list or mapping used as a key: keep it as text, the validator names it
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def syntax_problem(source: str, exc: yaml.YAMLError) -> str:
    """``file:line: not valid YAML (...); fix`` for a syntax error of the file ``source``."""
    # the context mark is where the broken construct starts (an unclosed bracket, a key without ':')
    mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    problem = getattr(exc, "problem", None) or str(exc)
    return (f"{source}:{line}: not valid YAML ({problem}); fix the syntax (indentation; "
            "quotes around values that contain ':', '#', '{' or '[')")


def load_with_lines(text: str, source: str, error: type[Exception] = YamlSyntaxError) -> Any:
    """YAML ``text`` -> data whose mappings are :class:`LineMap`; a syntax error raises ``error``
    with :func:`syntax_problem`'s message."""
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        raise error(syntax_problem(source, exc)) from exc
