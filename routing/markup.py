"""A one-pass reader of HTML markup for the text and table extractors (stdlib only, linear work).

Owns splitting an HTML body into start tags, end tags and text, with the handler interface of
:class:`html.parser.HTMLParser` (``handle_starttag``, ``handle_startendtag``, ``handle_endtag``,
``handle_data``; character references in text and attribute values resolved; tag and attribute names
lower-cased; ``script``/``style`` content passed through as raw text).

Why not :class:`html.parser.HTMLParser` itself: when a construct never closes (``<table<table…``, a
``<!--`` or ``<![CDATA[`` without its end, a ``<!x`` without ``>``), it hands the construct over as text
and rescans the rest of the markup from the next ``<``, so markup made of such constructs costs it
quadratic time: a few hundred kilobytes tie a worker up for minutes. Here every character is scanned a
bounded number of times: a construct that never closes takes the rest of the markup with it, as a
browser's HTML tokenizer does (WHATWG HTML, "13.2.5 Tokenization": end of file inside a tag, comment or
bogus comment), so the text a reader of the mail would not see is not read either. On well-formed markup
the events are HTMLParser's.
"""

from __future__ import annotations

import re
from html import unescape

Attrs = list[tuple[str, str | None]]

# a start tag's name: a letter, then anything up to white space, "/" or ">" (WHATWG "tag name state")
_NAME = re.compile(r"[a-zA-Z][^\t\n\r\f />]*")
# the rest of a start tag through its ">": a value quoted after "=" may hold ">". Atomic groups and
# possessive quantifiers: one pass, no backtracking, so a tag that never closes costs one scan to the end.
_TAG_REST = re.compile(r"""(?>[^>="']++|=[\t\n\r\f ]*+(?>"[^"]*+"|'[^']*+'|)|["'])*+>""")
# an attribute in a tag's text: its name, then "=" and a quoted or bare value (HTMLParser's reading)
_ATTR = re.compile(r"""([^\s/>"'=][^\s/>=]*)(?:\s*=+\s*("[^"]*"|'[^']*'|(?!['"])[^>\s]*))?""")
_END_NAME = re.compile(r"</[\t\n\r\f ]*([a-zA-Z][^\t\n\r\f />]*)")
_COMMENT_CLOSE = re.compile(r"--\s*>")
_CDATA_CLOSE = re.compile(r"]\s*]\s*>")
# script and style content is text up to the element's own end tag (HTMLParser's CDATA content elements)
_RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.IGNORECASE) for tag in ("script", "style")}


def _attributes(tag_text: str, start: int) -> tuple[Attrs, bool]:
    """The attributes of a start tag's text (from ``start``, after its name) and whether it closes itself
    (``<br/>``, ``<img src="x" />``; a bare value ending in "/" does not: ``<a href=x/>``, as HTMLParser)."""
    attrs: Attrs = []
    end = start
    for match in _ATTR.finditer(tag_text, start, len(tag_text) - 1):
        name, value = match.group(1, 2)
        if value is not None and len(value) > 1 and value[0] in "'\"" and value[-1] == value[0]:
            value = value[1:-1]
        attrs.append((name.lower(), unescape(value) if value else value))
        end = match.end()
    return attrs, tag_text[end:].strip() == "/>"


class MarkupReader:
    """Reads markup once and calls the handlers; subclasses override the ones they need.

    ``ATTRIBUTES_OF``: the tags whose attributes a subclass reads, None for every tag (the others get an
    empty list: parsing attributes nobody reads is most of the cost of a mail's HTML)."""

    ATTRIBUTES_OF: frozenset[str] | None = frozenset()

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        """A start tag (``<td class=x>``)."""

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        """A tag that closes itself (``<br/>``): by default a start and an end tag, as HTMLParser."""
        self.handle_starttag(tag, attrs)
        self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        """An end tag (``</td>``)."""

    def handle_data(self, data: str) -> None:
        """Text between tags, character references resolved (raw in ``script``/``style``)."""

    def read(self, markup: str) -> None:
        """Call the handlers for ``markup``, in order; bounded work for any input."""
        n = len(markup)
        i = 0
        while i < n:
            j = markup.find("<", i)
            if j < 0:
                self.handle_data(unescape(markup[i:]))
                return
            if j > i:
                self.handle_data(unescape(markup[i:j]))
            i = self._construct(markup, j)

    def _construct(self, markup: str, i: int) -> int:
        """Handle the construct that starts with the "<" at ``i``; where reading goes on."""
        n = len(markup)
        second = markup[i + 1:i + 2]
        if second.isascii() and second.isalpha():
            return self._start_tag(markup, i)
        if second == "/":
            return self._end_tag(markup, i)
        if markup.startswith("<!--", i):
            comment_end = _COMMENT_CLOSE.search(markup, i + 4)
            return comment_end.end() if comment_end else n
        if markup.startswith("<![", i) and markup[i + 3:i + 9].lower() == "cdata[":
            section_end = _CDATA_CLOSE.search(markup, i + 9)
            return section_end.end() if section_end else n
        if second in ("!", "?"):  # a declaration, marked section or processing instruction: ignored
            close = markup.find(">", i + 2)
            return close + 1 if close >= 0 else n
        if i + 1 < n:  # "<" that opens nothing ("a < b") is text, as HTMLParser makes of it
            self.handle_data("<")
        return i + 1

    def _start_tag(self, markup: str, i: int) -> int:
        name = _NAME.match(markup, i + 1)
        assert name is not None  # the caller saw a letter
        rest = _TAG_REST.match(markup, name.end())
        if rest is None:  # never closes: the rest of the markup is inside it
            return len(markup)
        tag = name.group().lower()
        end = rest.end()
        closes_itself = markup[end - 2] == "/"
        attrs: Attrs = []
        wanted = self.ATTRIBUTES_OF is None or tag in self.ATTRIBUTES_OF
        if wanted or closes_itself:
            attrs, closes_itself = _attributes(markup[i:end], name.end() - i)
            if not wanted:
                attrs = []
        if closes_itself:
            self.handle_startendtag(tag, attrs)
            return end
        self.handle_starttag(tag, attrs)
        if tag in _RAW_TEXT_END:
            return self._raw_text(markup, end, tag)
        return end

    def _raw_text(self, markup: str, start: int, tag: str) -> int:
        """The content of a ``script``/``style`` element up to its end tag, as text; no end tag: all the rest."""
        close = _RAW_TEXT_END[tag].search(markup, start)
        stop = close.start() if close else len(markup)
        if stop > start:
            self.handle_data(markup[start:stop])
        if close is None:
            return len(markup)
        self.handle_endtag(tag)
        return close.end()

    def _end_tag(self, markup: str, i: int) -> int:
        n = len(markup)
        name = _END_NAME.match(markup, i)
        close = markup.find(">", name.end() if name else i + 2)
        if close < 0:  # never closes: the rest of the markup is inside it
            return n
        if name is not None:
            self.handle_endtag(name.group(1).lower())
        return close + 1  # ("</>" and "</ x>"-like bogus comments: ignored)
