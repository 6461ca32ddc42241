"""Start-up checks of the ports a command will listen on: a taken port stops the command before it
starts anything (Redis, a worker, a listener), with the setting to change."""

from __future__ import annotations

import socket

from rootmail.errors import UsageProblem


def ensure_free(host: str, port: int, setting: str, alternative: str = "") -> None:
    """Raise :class:`UsageProblem` naming ``setting`` when ``host:port`` cannot be listened on.

    Binds a throw-away socket with SO_REUSEADDR, as asyncio's ``create_server`` and the health
    server do, so a port left in TIME_WAIT passes and a port another process listens on fails
    (Linux refuses a second bind to a listening address even with SO_REUSEADDR: socket(7)).
    Port 0 (any free port, or "disabled" for the HTTP port) is not checked.
    """
    if not port:
        return
    try:
        infos = socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise UsageProblem(f"cannot listen on {host}:{port} ({exc.strerror}); set {setting.replace('PORT', 'HOST')} "
                           "to an address of this host") from exc
    family, kind, proto, _, address = infos[0]
    with socket.socket(family, kind, proto) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            raise UsageProblem(
                f"cannot listen on {host}:{port} ({exc.strerror}): another process (another rootmail "
                f"serve or worker on this host?) has it; set {setting} to a free port{alternative}") from exc
