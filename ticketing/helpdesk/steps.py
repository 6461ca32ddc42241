"""What one delivery writes to a helpdesk, in order, and the markers that make it happen once.

A delivery becomes one or two comment *steps*: for a customer-visible draft, the public comment
(the redacted rendering only) and then the internal note; otherwise just the internal note. The
internal note carries the engineer's rendering and the original ``.eml`` — except for
secret-bearing notice types, whose original is never uploaded. Each step leaves a marker on its
ticket in the same write (a Zendesk tag, an RT custom-field value), so a retry skips what landed.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from ticketing.draft import DraftAttachment, TicketDraft

_HEX32 = re.compile(r"^[0-9a-f]{32}$")


def delivery_digest(delivery_id: str) -> str:
    """32 hex characters naming the delivery (the pipeline's ids already are)."""
    if _HEX32.match(delivery_id):
        return delivery_id
    return hashlib.sha256(delivery_id.encode("utf-8", "surrogateescape")).hexdigest()[:32]


@dataclass(frozen=True, slots=True)
class Step:
    """One comment of a delivery, written together with its marker in one helpdesk write."""

    name: str  # "p": public comment, "n": internal note
    digest: str
    body: str
    public: bool
    attachments: tuple[DraftAttachment, ...]


def is_original(attachment: DraftAttachment) -> bool:
    return attachment.content_type == "message/rfc822" or attachment.filename.lower().endswith(".eml")


def original_link(attachment: DraftAttachment) -> str:
    """Where the engineer finds an original that is linked instead of uploaded."""
    key = attachment.filename.removesuffix(".eml")
    return (f"Original message: {attachment.filename} in rootmail's message store "
            f"(rootmail message show {key}; --reveal for the exact bytes).")


def comment_steps(draft: TicketDraft, *, link_originals: bool = False) -> list[Step]:
    """The steps of ``draft``, in the order they are written.

    ``link_originals``: the original ``.eml`` is named (where to find it) instead of uploaded —
    one request fewer per message (Zendesk: an upload is a request of its own)."""
    digest = delivery_digest(draft.delivery_id)
    attachments = tuple(a for a in draft.attachments if not (draft.secret and is_original(a)))
    note = draft.body.rstrip()
    if len(attachments) < len(draft.attachments):
        note += "\n\n(The original message is not attached: this notice type carries secrets.)"
    if link_originals:
        note += "".join(f"\n\n{original_link(a)}" for a in attachments if is_original(a))
        attachments = tuple(a for a in attachments if not is_original(a))
    note += f"\n\n-- rootmail delivery {digest}"
    steps: list[Step] = []
    if draft.public and draft.public_body is not None:
        steps.append(Step("p", digest, draft.public_body, True, ()))
    steps.append(Step("n", digest, note, False, attachments))
    return steps
