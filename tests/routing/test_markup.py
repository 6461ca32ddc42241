"""routing.markup: the one-pass HTML reader gives HTMLParser's events on well-formed markup, and reads every
character a bounded number of times whatever the markup (a construct that never closes takes the rest)."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from routing.htmltables import table_accounts
from routing.htmltext import html_to_text
from routing.markup import Attrs, MarkupReader
from routing.parse import parse_mail

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
Event = tuple[str, str, object]


def _merged(events: list[Event]) -> list[Event]:
    """Consecutive text events joined (both readers may cut text at different places)."""
    out: list[Event] = []
    for event in events:
        if event[0] == "data" and out and out[-1][0] == "data":
            out[-1] = ("data", "", str(out[-1][2]) + str(event[2]))
        else:
            out.append(event)
    return out


class _Events:
    """The handlers of both readers, recording what they are called with."""

    events: list[Event]

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        self.events.append(("start", tag, attrs))

    def handle_startendtag(self, tag: str, attrs: Attrs) -> None:
        self.events.append(("startend", tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        self.events.append(("end", tag, None))

    def handle_data(self, data: str) -> None:
        self.events.append(("data", "", data))


class _Recorder(_Events, MarkupReader):
    ATTRIBUTES_OF = None

    def __init__(self) -> None:
        self.events = []


class _StdlibRecorder(_Events, HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.events = []


def _ours(markup: str) -> list[Event]:
    reader = _Recorder()
    reader.read(markup)
    return _merged(reader.events)


def _stdlib(markup: str) -> list[Event]:
    parser = _StdlibRecorder()
    parser.feed(markup)
    parser.close()
    return _merged(parser.events)


WELL_FORMED = [
    '<html><head><title>T</title><style>p > a { x: "<b>" }</style></head><body><p class="x">Hi &amp; bye</p></body>',
    '<a href="https://console.aws.amazon.com/?a=1&amp;b=2">Console</a> <A HREF=https://x.example/>x</A>',
    '<table border=0 cellpadding="3"><tr><th>Account</th><td nowrap>1234</td></tr></table>',
    "<br/><br /><img src='i.png' alt=\"a > b\"/><hr>",
    "<!--[if mso]><table><tr><td><![endif]--><p>text</p><!--[if mso]></td></tr></table><![endif]-->",
    "<!DOCTYPE html><?xml version='1.0'?><p>a < b and c <= d</p>",
    "<script>if (a < b && c > d) { x = '</div>'; }</script><p>after</p>",
    "<P>upper</P><Td>cell</tD><p>x</p  ><div\nclass=y>z</div>",
    "<p>&#8364; &euro; &#x20AC; &notanentity; &amp</p>",
    '<a href=x/>bare slash</a><td nowrap/>',
    "<![if !mso]><p>outlook hides this</p><![endif]>",
]


@pytest.mark.parametrize("markup", WELL_FORMED)
def test_events_are_htmlparsers_on_well_formed_markup(markup: str) -> None:
    assert _ours(markup) == _stdlib(markup)


def _fixture_html() -> list[tuple[str, str]]:
    found = []
    for path in sorted(FIXTURES.rglob("*.eml")):
        try:
            html = parse_mail(path.read_bytes()).html
        except Exception:  # a fixture that is no mail is another test's concern
            continue
        if html:
            found.append((str(path.relative_to(FIXTURES)), html))
    return found


def test_every_fixture_html_part_gives_htmlparsers_events() -> None:
    parts = _fixture_html()
    assert len(parts) > 200
    differ = [name for name, html in parts if _ours(html) != _stdlib(html)]
    assert differ == []


class _Tiles(_Recorder):
    """Records where each construct starts and where reading went on after it."""

    def __init__(self) -> None:
        super().__init__()
        self.spans: list[tuple[int, int]] = []

    def _construct(self, markup: str, i: int) -> int:
        after = super()._construct(markup, i)
        self.spans.append((i, after))
        return after


ATOMS = ["<table", "<td>", "</td", "<!--", "-->", "--", "<![CDATA[", "]]>", "<![if x]>", '<a href="', '"', "'",
         ">", "<", "</", "<!", "<?", "<script>", "</script>", "text", "&amp;", "&", "=", " ", "/", "<br/>",
         "123456789012", "<p", "<style>", "</style >"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ATOMS), max_size=60))
def test_constructs_tile_the_markup(atoms: list[str]) -> None:
    """Each construct is read from its "<" to where reading goes on, and the next one starts there or later:
    no character is read again by a later construct, and a construct ends with its ">" or takes the rest
    (HTMLParser gives up a construct that never closes, hands its "<" over as text and reads the rest again
    from the next "<": quadratic). The scans of a construct stop at its end (see routing.markup)."""
    markup = "".join(atoms)
    reader = _Tiles()
    reader.read(markup)
    previous_end = 0
    for start, after in reader.spans:
        assert markup[start] == "<"
        assert start >= previous_end
        assert start < after <= len(markup)
        previous_end = after
        if after - start == 1:  # a "<" that opens nothing is text ("a < b"): read in one step
            assert not markup[start + 1:start + 2].isalpha() and markup[start + 1:start + 2] not in ("/", "!", "?")
        else:  # a construct ends with its ">" or takes the rest; it is never given up and read again as text
            assert markup[after - 1] == ">" or after == len(markup)


@pytest.mark.parametrize(("markup", "text"), [
    ("<p>seen</p><!-- never closed <p>hidden</p>", "seen"),
    ("<p>seen</p><![CDATA[ never closed <p>hidden</p>", "seen"),
    ("<p>seen</p><!DOCTYPE never closed", "seen"),
    ("<p>seen</p><table" + "<table" * 50_000, "seen"),
    ("<p>seen</p>" + "<!--" * 100_000, "seen"),
    ("<p>seen</p>" + "<![CDATA[x]>" * 50_000, "seen"),
    ("<p>seen</p>" + "<!x" * 100_000, "seen"),
    ("<p>seen</p>" + "</x" * 100_000, "seen"),
])
def test_a_construct_that_never_closes_takes_the_rest(markup: str, text: str) -> None:
    assert html_to_text(markup) == text


def test_a_quote_that_never_closes_ends_at_the_tags_next_gt() -> None:
    """Lenient where a browser is not (it would read the rest as the value): the tag ends at its next ">"."""
    assert html_to_text('<p>seen</p><a href="https://x.example/ <p>also</p>') == "seen\nalso"


def test_unterminated_markup_before_a_table_hides_it() -> None:
    table = "<table><tr><th>Account</th></tr><tr><td>123456789012</td></tr></table>"
    assert table_accounts(table).own == ("123456789012",)
    assert table_accounts("<table" * 50_000 + table).own == ()
    assert table_accounts(table + "<table" * 50_000).own == ("123456789012",)
