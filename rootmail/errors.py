"""Errors the CLI reports as one line (what is wrong, and the fix) instead of a traceback."""

from __future__ import annotations


class UsageProblem(Exception):
    """A problem the user can fix: a bad setting, a missing file, no running rootmail."""
