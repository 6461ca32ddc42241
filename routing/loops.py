"""Mail loops: our own helpdesk notifications and auto-replies that reach a root address must never
open tickets (the helpdesk would answer, AWS's address would not, and so on forever)."""

from __future__ import annotations

from routing.types import ParsedMail

LOOP_HEADER = "X-Loop"
LOOP_VALUE = "rootmail"


def loop_reason(parsed: ParsedMail, own_domains: frozenset[str]) -> str | None:
    """Why ``parsed`` is one of our own or an auto-reply, or None when it may open a ticket.

    AWS's own notices are ``Auto-Submitted: auto-generated``; only ``auto-replied`` (vacation
    messages, helpdesk acknowledgements) counts as a loop here.
    """
    if any(value.strip().lower() == LOOP_VALUE for value in parsed.header_all(LOOP_HEADER)):
        return "x-loop: our own notification"
    auto = parsed.header("Auto-Submitted").strip().lower()
    if auto.startswith("auto-replied"):
        return "auto-submitted: auto-replied"
    message_domain = parsed.message_id.strip("<> ").rpartition("@")[2].lower()
    if message_domain and message_domain in own_domains:
        return f"message-id from our own domain {message_domain}"
    sender_domain = parsed.from_address.rpartition("@")[2].lower()
    if sender_domain and sender_domain in own_domains:
        return f"sent from our own domain {sender_domain}"
    return None
