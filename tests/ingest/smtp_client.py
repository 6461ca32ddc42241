"""Raw-socket SMTP client for edge tests: connect from a chosen loopback source address, read whole
replies (multi-line aware) with a deadline, and tell a closed connection apart from a slow one."""

from __future__ import annotations

import socket

TIMEOUT = 10.0


class RawClient:
    """One SMTP connection; ``source`` picks the client address (127.0.0.2 is a second client IP)."""

    def __init__(self, port: int, source: str = "127.0.0.1", prefix: bytes = b"") -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.settimeout(TIMEOUT)
        self.sock.bind((source, 0))
        self.sock.connect(("127.0.0.1", port))
        self.buffer = b""
        if prefix:
            self.sock.sendall(prefix)

    def line(self) -> bytes:
        """The next reply line without CRLF; b"" once the server has closed the connection."""
        while b"\r\n" not in self.buffer:
            chunk = self.sock.recv(65536)
            if not chunk:
                return b""
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def reply(self) -> bytes:
        """The next whole reply: its lines joined with LF (b"" when the connection is closed)."""
        lines = [self.line()]
        while lines[-1][3:4] == b"-":
            lines.append(self.line())
        return b"\n".join(lines)

    def command(self, line: bytes) -> bytes:
        self.sock.sendall(line + b"\r\n")
        return self.reply()

    def closed(self) -> bool:
        """True when the server has closed the connection (EOF before any further byte)."""
        try:
            return self.line() == b""
        except ConnectionResetError:
            return True

    def close(self) -> None:
        self.sock.close()
