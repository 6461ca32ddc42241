"""Turn an HTML mail body into readable plain text (stdlib only, no network, linear work: the markup is read
once by :class:`routing.markup.MarkupReader`)."""

from __future__ import annotations

import re

from routing.markup import Attrs, MarkupReader

_BLOCK = frozenset((
    "p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol",
    "blockquote", "section", "article", "header", "footer", "hr", "pre",
))
_SKIP = frozenset(("script", "style", "head", "title"))
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANKS = re.compile(r"\n{3,}")


class _TextExtractor(MarkupReader):
    ATTRIBUTES_OF = frozenset(("a",))

    def __init__(self) -> None:
        self.parts: list[str] = []
        self._skip_depth = 0
        self._href: str | None = None
        self._anchor_text: list[str] = []

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "a":
            self._href = dict(attrs).get("href") or None
            self._anchor_text = []
        elif tag in _BLOCK:
            self.parts.append("\n")
        elif tag in ("td", "th"):  # (a header cell too: "<th>Start</th><th>End</th>" is "Start End")
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag == "a" and self._href is not None:
            text = "".join(self._anchor_text).strip()
            href = self._href
            self._href = None
            if href.startswith(("http://", "https://")) and href != text:
                self.parts.append(f" <{href}>")
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._skip_depth:
            return
        if self._href is not None:
            self._anchor_text.append(data)
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Readable text of ``markup``: block elements become line breaks, links keep their target."""
    if not markup:
        return ""
    parser = _TextExtractor()
    parser.read(markup)
    lines = (_SPACES.sub(" ", line).strip() for line in "".join(parser.parts).splitlines())
    return _BLANKS.sub("\n\n", "\n".join(lines)).strip()
