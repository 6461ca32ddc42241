"""The MIME parts that are a mail's own: the leaf parts of its tree, without those of a message it carries as an
attachment (message/rfc822), whose parts are another mail's. Owns that walk, for :mod:`routing.parse` and
:mod:`routing.calparts`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any


def own_leaf_parts(message: Any) -> Iterator[Any]:
    """The non-multipart parts of ``message`` (an email.message.Message) in walk order, skipping every part inside
    an attached message (message/rfc822) and that message itself."""
    skipped: set[int] = set()
    for part in message.walk():
        if id(part) in skipped:
            continue
        if part.get_content_maintype() == "message":
            skipped.update(id(child) for child in part.walk() if child is not part)
            continue
        if not part.is_multipart():
            yield part
