"""Regenerate README.md's settings table from rootmail/settings.py."""

from __future__ import annotations

import re
from pathlib import Path

from rootmail.settings import settings_table

README = Path(__file__).resolve().parents[1] / "README.md"
START, END = "<!-- settings-table:start -->", "<!-- settings-table:end -->"


def render(text: str) -> str:
    return re.sub(f"{re.escape(START)}.*?{re.escape(END)}", f"{START}\n{settings_table()}\n{END}", text, flags=re.S)


if __name__ == "__main__":
    README.write_text(render(README.read_text()))
