"""Session 11's speed changes: the link scan stops at the per-rule bound (it does not list every link
candidate of a hostile text first: counted look-ups), with the same spans as before."""

from __future__ import annotations

import pytest

from routing import secrets
from routing.secrets import MAX_READS_PER_RULE, UNREAD_KIND


class _CountedText(str):
    """A text that counts the look-ups of "://" made in it (where the link scan finds scheme positions)."""

    scheme_finds = 0

    def find(self, sub: str, *args: int) -> int:  # type: ignore[override]
        if sub == "://":
            type(self).scheme_finds += 1
        return super().find(sub, *args)


def _scheme_finds(text: str, default_deny: bool) -> tuple[int, list[secrets.Secret]]:
    class Text(_CountedText):
        pass

    found = secrets._url_spans(Text(text), default_deny)
    return Text.scheme_finds, found


@pytest.mark.parametrize("default_deny", [False, True])
def test_link_scan_stops_at_the_bound(default_deny: bool) -> None:
    links = 20 * MAX_READS_PER_RULE
    text = "".join(f"see https://x{i}.example/reset?token=abc{i} now\n" for i in range(links))
    finds, found = _scheme_finds(text, default_deny)
    # the old scan looked every "://" up before reading the first link: links + 1 look-ups
    assert finds <= MAX_READS_PER_RULE + 2
    assert found[-1].kind == UNREAD_KIND and found[-1].end == len(text)
    assert found == secrets._url_spans(text, default_deny)
    assert len(found) == MAX_READS_PER_RULE + 1


@pytest.mark.parametrize("text", [
    "abcd://x.example/p", "abcde://x.example/p", "ab.cd://x.example/p", "http://https://a.b/c",
    "a.b/c http://x.y/z", "://://://a.b/c", "https://a.b/c.d.e/ x.io/p?q=1", "x.io/p?q=1https://a.b/",
    "hTtPs://x.example/a\nhttp://b.example/", "a-b.c/d://e", "",
])
def test_lazy_link_scan_same_matches(text: str) -> None:
    assert [m.span() for m in secrets._url_match_iter(text)] == [m.span() for m in secrets._URL.finditer(text)]
