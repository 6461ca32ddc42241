"""The label space: notice types of ``taxonomy.yaml`` and the AWS sender domains.

Owns loading and validating the taxonomy (a copy ships as package data in ``routing/data``).
Everything else that needs a type's category, default severity, secret flag, visibility or
``thread_on`` asks :class:`Taxonomy`, and so does the classifier for a sender family's fallback
type (``family_fallbacks``: no AWS mail from a known family is a dead end).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

from routing.yamllines import Entry, line_of, load_with_lines, validate_entry

SEVERITIES = ("critical", "high", "normal", "low")
FALLBACK_TYPE = "unknown"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; the message names the file, the place and the fix."""


@dataclass(frozen=True, slots=True)
class NoticeType:
    """One ``notice_type`` of the taxonomy with its defaults."""

    id: str
    category: str
    severity: str
    secret: bool
    customer_visible: bool
    action_required: bool
    thread_on: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    """Every notice type by id, and the domains AWS sends from."""

    types: dict[str, NoticeType]
    aws_sender_domains: tuple[str, ...]
    source: str = "<taxonomy>"
    family_fallbacks: dict[str, str] = field(default_factory=dict)

    def get(self, type_id: str) -> NoticeType:
        """The type ``type_id``; the fallback type when it is not in the taxonomy."""
        return self.types.get(type_id) or self.types[FALLBACK_TYPE]

    def fallback_for(self, family: str | None) -> NoticeType:
        """The fallback type of sender ``family``; ``unknown`` for a sender we cannot place."""
        return self.get(self.family_fallbacks.get(family or "", FALLBACK_TYPE))


class _TypeEntry(Entry):
    """One entry under ``types:`` as written."""

    category: str | None = None
    severity: Literal["critical", "high", "normal", "low"] = "normal"
    secret: bool = False
    customer_visible: bool = False
    action_required: bool = False
    thread_on: list[str] | None = None
    signals: Any = None  # words a human reads when labelling; not used by the code
    description: str | None = None


def _notice_type(type_id: str, spec: Any, source: str, line: int) -> NoticeType:
    if not isinstance(spec, dict):
        raise TaxonomyError(f"{source}:{line}: types.{type_id}: expected a mapping of fields, "
                            "e.g. {category: billing, severity: low}")
    entry, problems = validate_entry(_TypeEntry, spec, source, context=f"types.{type_id}: ")
    if entry is None:
        raise TaxonomyError("\n".join(problems))
    return NoticeType(
        id=type_id,
        category=entry.category or type_id.split(".")[0],
        severity=entry.severity,
        secret=entry.secret,
        customer_visible=entry.customer_visible,
        action_required=entry.action_required,
        thread_on=tuple(entry.thread_on or ()),
    )


def parse_taxonomy(text: str, source: str = "<taxonomy>") -> Taxonomy:
    """Parse and validate taxonomy YAML ``text``; ``source`` names it in errors (``file:line: problem; fix``)."""
    data = load_with_lines(text, source, TaxonomyError)
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise TaxonomyError(f"{source}:1: expected a mapping with a 'types:' mapping of notice types")
    types = {str(type_id): _notice_type(str(type_id), spec, source, line_of(data["types"], type_id))
             for type_id, spec in data["types"].items()}
    if FALLBACK_TYPE not in types:
        raise TaxonomyError(f"{source}:{line_of(data, 'types', 1)}: the fallback type '{FALLBACK_TYPE}' is missing; "
                            "add it under 'types:'")
    domains = data.get("aws_sender_domains") or []
    if not isinstance(domains, list) or not domains:
        raise TaxonomyError(f"{source}:{line_of(data, 'aws_sender_domains', 1)}: 'aws_sender_domains:' must be a "
                            "non-empty list of domains")
    return Taxonomy(
        types=types,
        aws_sender_domains=tuple(str(d).strip().lower().rstrip(".") for d in domains),
        source=source,
        family_fallbacks=_fallbacks(data, types, source),
    )


def _fallbacks(data: Any, types: dict[str, NoticeType], source: str) -> dict[str, str]:
    value = data.get("family_fallbacks")
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise TaxonomyError(f"{source}:{line_of(data, 'family_fallbacks', 1)}: 'family_fallbacks:' must map a "
                            "sender family to a notice type")
    for family, type_id in value.items():
        if type_id not in types:
            raise TaxonomyError(f"{source}:{line_of(value, family, 1)}: family_fallbacks.{family}: {type_id!r} is "
                                "not a type under 'types:'; add the type or correct the name")
    return {str(k): str(v) for k, v in value.items()}


@lru_cache(maxsize=1)
def default_taxonomy() -> Taxonomy:
    """The shipped ``routing/data/taxonomy.yaml`` (parsed once per process)."""
    text = resources.files("routing").joinpath("data/taxonomy.yaml").read_text(encoding="utf-8")
    return parse_taxonomy(text, "routing/data/taxonomy.yaml")
