"""Pure decisions about one mail: parse, authenticate, classify, resolve, route, redact.

Nothing in this package does network or disk I/O on its own; callers hand in what it needs
(raw bytes, a DNS resolver function, the loaded directory, the clock).
"""
