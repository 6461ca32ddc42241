"""SMTP replies with enhanced status codes (RFC 5321, RFC 3463), named once and used everywhere."""

from __future__ import annotations

OK = "250 2.0.0 OK"
QUEUED = "250 2.0.0 queued as {key}"
RCPT_OK = "250 2.1.5 Recipient OK"
UNKNOWN_RECIPIENT = "550 5.1.1 Recipient address rejected: no such AWS root mailbox here"
RELAY_DENIED = "550 5.7.1 Relaying denied: this server only accepts mail for its own domains"
TOO_BIG = "552 5.3.4 Message size exceeds fixed maximum message size"
TOO_MANY_RECIPIENTS = "452 4.5.3 Too many recipients"
STORE_FAILED = "451 4.3.0 Temporary failure storing the message, try again later"
LOCAL_ERROR = "451 4.3.0 Local error in processing, try again later"
LINE_TOO_LONG = "500 5.5.2 Line too long (see RFC 5321 4.5.3.1.6)"
SYNTAX = "501 5.5.4 Syntax error in parameters or arguments"
NEED_RCPT = "503 5.5.1 Error: need RCPT command"
EMPTY_MESSAGE = "554 5.6.0 Message is empty"
BARE_LINE_END = "554 5.6.0 Message contains a bare CR or LF; lines must end with CRLF (RFC 5321 2.3.8)"
HEADER_TOO_BIG = "552 5.3.4 Message header size exceeds limit"
MAIL_LOOP = "554 5.4.6 Too many Received headers: mail loop suspected"
TOO_MANY_CONNECTIONS = "421 4.7.0 Too many connections, try again later"
RATE_EXCEEDED = "421 4.7.0 Connection rate limit exceeded, try again later"
TOO_MANY_SESSIONS_PER_IP = "421 4.7.0 Too many concurrent sessions from your address, try again later"
RECIPIENT_PROBING = "421 4.7.0 Too many unknown recipients from your address, try again later"
TOO_MANY_COMMANDS = "421 4.7.0 Too many commands without a message, closing"
PROXY_UNTRUSTED = "554 5.7.1 PROXY protocol is accepted only from trusted networks"
AUTH_UNAVAILABLE = "502 5.5.1 Authentication is not available on this server"
TLS_REQUIRED = "530 5.7.0 Must issue a STARTTLS command first"

# aiosmtpd answers some conditions itself without an enhanced status code; the receiver's
# protocol rewrites these (prefix match) before they reach the client.
AIOSMTPD_REWRITES: tuple[tuple[str, str], ...] = (
    ("552 Error: Too much mail data", TOO_BIG),
    ("552 Error: message size exceeds", TOO_BIG),
    ("500 Line too long", LINE_TOO_LONG),
    ("503 Error: need RCPT command", NEED_RCPT),
    ("530 Must issue a STARTTLS command first", TLS_REQUIRED),
)
