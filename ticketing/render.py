"""Ticket text: what the support engineer reads first, then the mail's readable text."""

from __future__ import annotations

from routing.types import Notice, ParsedMail, Recipient


def header_block(parsed: ParsedMail, recipient: Recipient, notice: Notice) -> str:
    """A short block of facts above the mail text."""
    account = recipient.account
    customer = recipient.customer
    lines = [
        f"Notice:    {notice.notice_type} ({notice.category}, severity {notice.severity})",
        f"Action:    {'required' if notice.action_required else 'none'}"
        + (f", deadline {notice.deadline}" if notice.deadline else ""),
        f"Account:   {account.account_id} ({account.name})" if account else "Account:   unknown recipient",
        f"Customer:  {customer.name} [{customer.id}]" if customer else "Customer:  unknown",
        f"Recipient: {recipient.address}",
        f"From:      {parsed.from_name} <{parsed.from_address}>" if parsed.from_name
        else f"From:      {parsed.from_address or '(none)'}",
        f"Date:      {parsed.date.isoformat() if parsed.date else '(none)'}",
        f"Subject:   {parsed.subject or '(no subject)'}",
    ]
    if notice.aws_account_id and account and notice.aws_account_id != account.account_id:
        lines.append(f"WARNING:   the mail names account {notice.aws_account_id}, "
                     f"not the recipient's account {account.account_id}")
    if parsed.attachments:
        names = ", ".join(f"{a.filename} ({a.size} bytes)" for a in parsed.attachments)
        lines.append(f"Attached:  {names}")
    if parsed.defects:
        lines.append(f"Defects:   {', '.join(parsed.defects)}")
    return "\n".join(lines)


def internal_body(parsed: ParsedMail, recipient: Recipient, notice: Notice, text: str | None = None) -> str:
    """The engineer's rendering: header block, a rule, then the readable text."""
    body = parsed.text if text is None else text
    return f"{header_block(parsed, recipient, notice)}\n{'-' * 72}\n{body.strip() or '(no text)'}\n"
