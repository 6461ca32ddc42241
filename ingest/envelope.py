"""The SMTP envelope stored beside each message: who sent it, to whom, from where, when."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Envelope:
    """SMTP envelope of a stored message. ``rcpt_tos`` are the accepted recipients."""

    mail_from: str
    rcpt_tos: tuple[str, ...]
    peer: str = ""
    helo: str = ""
    received_at: float = 0.0
    source: str = "smtp"

    def to_json(self) -> str:
        data = {
            "helo": self.helo, "mail_from": self.mail_from, "peer": self.peer,
            "rcpt_tos": list(self.rcpt_tos), "received_at": self.received_at, "source": self.source,
        }
        return json.dumps(data, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Envelope:
        data = json.loads(text)
        return cls(
            mail_from=str(data.get("mail_from", "")),
            rcpt_tos=tuple(str(r) for r in data.get("rcpt_tos", ())),
            peer=str(data.get("peer", "")),
            helo=str(data.get("helo", "")),
            received_at=float(data.get("received_at", 0.0)),
            source=str(data.get("source", "smtp")),
        )
