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
searched in the text (and the HTML rendered as text). Regexes are the dialect of
:mod:`routing.patterns` (Python ``re``, searched, case-insensitive, multi-line; ``(?-i:...)`` for an
exact-case part); globs match case-sensitively. Named groups (``(?P<name>...)``) become template
variables.

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

The package: :mod:`~routing.rules.model` (the data), :mod:`~routing.rules.schema` (checking one rule),
:mod:`~routing.rules.load` (a file), :mod:`~routing.rules.match` (conditions) and
:mod:`~routing.rules.decide` (the route and the guard rails).
"""

from routing.rules.decide import compute_due, decide, digest_key, explain, route_notice
from routing.rules.load import parse_rules
from routing.rules.match import account_mismatch
from routing.rules.model import (
    ACTION_KEYS,
    ACTIONS,
    AUTHENTICITY,
    BUILTIN_VARIABLES,
    DEFAULT_RULE_NAME,
    MATCH_KEYS,
    RULE_KEYS,
    SEVERITIES,
    VISIBILITIES,
    Decision,
    DueTerm,
    Match,
    Rule,
    RulesError,
    RuleSet,
)

__all__ = [
    "ACTIONS", "ACTION_KEYS", "AUTHENTICITY", "BUILTIN_VARIABLES", "DEFAULT_RULE_NAME", "MATCH_KEYS", "RULE_KEYS",
    "SEVERITIES", "VISIBILITIES", "Decision", "DueTerm", "Match", "Rule", "RuleSet", "RulesError",
    "account_mismatch", "compute_due", "decide", "digest_key", "explain", "parse_rules", "route_notice",
]
