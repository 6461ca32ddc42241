"""YAML for files people edit (rules, notices, directory, taxonomy): every mapping remembers its lines.

The one line-aware loader of the project. A mapping comes back as a :class:`LineMap` — a plain
``dict`` that also knows the 1-based line where it starts (``.line``) and the line of each key
(``.key_lines``) — so a validator can say ``file:line: problem; fix``. Nothing is added to the
data itself: iterating a mapping yields only the keys that were written.

Entries are checked by pydantic models (strict: ``'yes'`` is not a boolean, ``1`` is not text;
unknown keys are refused); :func:`validate_entry` turns pydantic's errors into the same
``file:line: problem; fix`` lines, with a suggestion for a misspelt key or value.
"""

from __future__ import annotations

import difflib
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError
from pydantic_core import ErrorDetails

M = TypeVar("M", bound=BaseModel)


class Entry(BaseModel):
    """Base of the models of file entries: strict types, no unknown keys, frozen."""

    model_config = ConfigDict(strict=True, extra="forbid", frozen=True)


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
    # a key written twice in one mapping: PyYAML keeps the last silently (a rule whose second "type:" and "match:"
    # belong to the next rule, its "- id:" line lost, would replace that rule unseen); a merged key (<<) may be
    # overridden
    seen: set[Any] = set()
    for key_node, _ in node.value:
        if isinstance(key_node, yaml.ScalarNode) and key_node.tag != "tag:yaml.org,2002:merge":
            if key_node.value in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key_node.value!r} appears twice in one entry", key_node.start_mark)
            seen.add(key_node.value)
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


def suggest(word: str, choices: Collection[str]) -> str:
    """``did you mean 'x'?`` for a close choice, else the list of choices."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else f"use one of: {', '.join(choices)}"


def _choices(model: type[BaseModel], key: str) -> tuple[str, ...]:
    """The allowed values of a ``Literal`` field of ``model`` (through ``X | None``)."""
    field = model.model_fields.get(key)
    if field is None:
        return ()
    out: list[str] = []
    todo = [field.annotation]
    while todo:
        annotation = todo.pop()
        if typing.get_origin(annotation) is typing.Literal:
            out.extend(str(a) for a in typing.get_args(annotation))
        else:
            todo.extend(typing.get_args(annotation))
    return tuple(out)


_KIND = {"string_type": "text", "int_type": "a whole number", "list_type": "a list", "dict_type": "a mapping",
         "model_type": "a mapping", "model_attributes_type": "a mapping"}


def _problem(model: type[BaseModel], error: ErrorDetails, unknown_hint: Callable[[str], str] | None) -> str:
    key = str(error["loc"][0]) if error["loc"] else ""
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        hint = unknown_hint(key) if unknown_hint else suggest(key, list(model.model_fields))
        return f"unknown key {key!r}; {hint}"
    if kind == "literal_error":
        return f"{key} {value!r} is not valid; {suggest(str(value), _choices(model, key))}"
    if kind in ("bool_type", "bool_parsing"):
        return f"'{key}' must be true or false (unquoted)"
    if kind == "missing":
        return f"'{key}' is missing; add {key}: ..."
    if kind in _KIND:
        where = ".".join(str(part) for part in error["loc"])
        return f"'{where}' must be {_KIND[kind]}, got {value!r}"
    return str(error["msg"]).removeprefix("Value error, ")


def validate_entry(
    model: type[M], data: Mapping[Any, Any], source: str, *, context: str = "", line: int = 0,
    unknown_hint: Callable[[str], str] | None = None,
) -> tuple[M | None, list[str]]:
    """``data`` (a mapping of the file) as ``model``, or None and every problem as ``file:line: problem; fix``.

    The line is the key's line (the mapping's own for a missing key; ``line`` for data that does
    not come from the loader, e.g. a CSV row); ``context`` goes before the problem (``type 'x': ``);
    a field validator's ``ValueError`` text is used as it is. ``unknown_hint`` words the fix for an
    unknown key.
    """
    try:
        return model.model_validate(dict(data)), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            key = error["loc"][0] if error["loc"] else None
            at = line_of(data, key, line)
            problems.append(f"{source}:{at}: {context}{_problem(model, error, unknown_hint)}")
        return None, problems
