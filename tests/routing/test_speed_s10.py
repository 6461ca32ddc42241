"""Work counts of the secret scan's per-rule bound (:func:`routing.secrets._capped`): the same items and the
same unread span as the plain counted loop, as few items read, and no generator for a list within the bound."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import pytest

from routing.secrets import MAX_READS_PER_RULE, UNREAD_KIND, Secret, _capped


@dataclass(frozen=True)
class _Item:
    at: int

    def start(self) -> int:
        return self.at


def _plain(items: Iterable[_Item], text: str, found: list[Secret]) -> Iterator[_Item]:
    """The loop _capped stands for."""
    for count, item in enumerate(items):
        if count == MAX_READS_PER_RULE:
            found.append(Secret(item.start(), len(text), UNREAD_KIND))
            return
        yield item


class _Counted:
    """An iterator over ``n`` items that counts the items read from it."""

    def __init__(self, n: int) -> None:
        self.read = 0
        self.n = n

    def __iter__(self) -> _Counted:
        return self

    def __next__(self) -> _Item:
        if self.read == self.n:
            raise StopIteration
        self.read += 1
        return _Item(self.read - 1)


@pytest.mark.parametrize("n", [0, 1, 7, MAX_READS_PER_RULE - 1, MAX_READS_PER_RULE, MAX_READS_PER_RULE + 1,
                               MAX_READS_PER_RULE + 500])
def test_capped_same_items_unread_span_and_reads(n: int) -> None:
    text = "x" * (n + 10)
    expected_found: list[Secret] = []
    expected = list(_plain(_Counted(n), text, expected_found))
    sources: list[Iterable[_Item]] = [[_Item(at) for at in range(n)], tuple(_Item(at) for at in range(n)),
                                      map(_Item, range(n)), _Counted(n)]
    for items in sources:
        found: list[Secret] = []
        assert list(_capped(items, text, found)) == expected
        assert found == expected_found
        if isinstance(items, _Counted):
            assert items.read == min(n, MAX_READS_PER_RULE + 1)  # as many read as the plain loop reads

def test_capped_list_within_bound_is_no_generator() -> None:
    items = [_Item(at) for at in range(MAX_READS_PER_RULE)]
    found: list[Secret] = []
    assert _capped(items, "text", found) is items
    assert _capped((), "text", found) == ()
    assert found == []
