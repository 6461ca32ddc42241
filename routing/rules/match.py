"""Matching one rule's conditions against a notice: globs, choices, flags, account tags, header and body patterns."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable, Mapping

from routing.patterns import Pattern
from routing.rules.model import Match, Rule
from routing.types import AuthVerdict, Notice, ParsedMail, Recipient


def account_mismatch(notice: Notice, recipient: Recipient) -> bool:
    """The mail names an AWS account that is not the recipient's (only when both are known)."""
    return bool(notice.aws_account_id and recipient.account
                and notice.aws_account_id != recipient.account.account_id)


def facts(notice: Notice, recipient: Recipient) -> dict[str, str]:
    """The values that globs match and templates may use."""
    account = recipient.account
    return {
        "notice_type": notice.notice_type,
        "category": notice.category,
        "severity": notice.severity,
        "customer": recipient.customer.id if recipient.customer else "",
        "account_id": account.account_id if account else "",
        "account_name": account.name if account else "",
    }


def _globs_hold(m: Match, values: Mapping[str, str]) -> bool:
    return all(values[key] and any(fnmatch.fnmatchcase(values[key], g) for g in globs) for key, globs in m.globs)


def _choices_hold(m: Match, notice: Notice, auth: AuthVerdict) -> bool:
    for key, allowed in m.choices:
        if key == "severity" and notice.severity not in allowed:
            return False
        if key == "authenticity" and not (auth.verdict in allowed or ("spoof" in allowed and auth.suspected_spoof)):
            return False
    return True


def _flags_hold(m: Match, notice: Notice, recipient: Recipient) -> bool:
    if not m.flags:
        return True
    flag_values = {
        "recipient_known": recipient.known,
        "account_mismatch": account_mismatch(notice, recipient),
        "action_required": notice.action_required,
        "secret": notice.secret,
    }
    return all(flag_values[key] == wanted for key, wanted in m.flags)


def _tags_hold(m: Match, recipient: Recipient) -> bool:
    if not m.account_tags:
        return True
    tags = dict(recipient.account.tags) if recipient.account else {}
    return all(key in tags and fnmatch.fnmatchcase(tags[key], glob) for key, glob in m.account_tags)


def _search(pattern: Pattern, texts: Iterable[str], captures: dict[str, str]) -> bool:
    """Whether ``pattern`` occurs in one of ``texts``; the first match's named groups go to ``captures``."""
    for text in texts:
        found = pattern.find(text)
        if found:
            captures.update({k: v for k, v in found.groupdict().items() if v is not None})
            return True
    return False


def matches(rule: Rule, parsed: ParsedMail, notice: Notice, auth: AuthVerdict, recipient: Recipient,
            values: Mapping[str, str]) -> dict[str, str] | None:
    """The rule's named captures when it matches, else None. ``values``: :func:`facts` of the notice."""
    m = rule.match
    if not (_globs_hold(m, values) and _choices_hold(m, notice, auth) and _flags_hold(m, notice, recipient)
            and _tags_hold(m, recipient)):
        return None
    captures: dict[str, str] = {}
    for name, pattern in m.headers:
        if not _search(pattern, parsed.header_all(name), captures):
            return None
    body_texts = tuple(t for t in (parsed.text, parsed.html_text) if t)
    if m.body is not None and not _search(m.body, body_texts, captures):
        return None
    return captures
