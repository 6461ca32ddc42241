"""Child processes that never outlive ``serve``: on Linux the kernel sends them SIGTERM when the
process that started them dies, even by SIGKILL (prctl PR_SET_PDEATHSIG)."""

from __future__ import annotations

import contextlib
import ctypes
import signal
import sys

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """``preexec_fn`` for subprocess.Popen: ask for SIGTERM when the parent dies (Linux only)."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
