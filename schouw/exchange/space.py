"""Telling a full disk from any other failure, and saying so in words.

A full disk shows up as ``OSError(ENOSPC)`` (or ``EDQUOT``, a quota) from a file
write, and as SQLite's ``SQLITE_FULL`` ("database or disk is full") from the project
file. Both mean the same to the user: which folder ran out, how much the work needed
and how much is free. Whoever catches it has already removed or rolled back what it
wrote, so the message can promise that nothing was left half-written.
"""

from __future__ import annotations

import contextlib
import errno
import math
import shutil
from pathlib import Path

from schouw.messages import SchouwError

SQLITE_FULL = 13
_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}


def is_disk_full(error: BaseException | None) -> bool:
    """True for a write that failed because the disk (or the user's quota) is full,
    also when it surfaced as the cause or context of another error."""
    seen = 0
    while error is not None and seen < 5:
        if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
            return True
        if getattr(error, "sqlite_errorcode", None) == SQLITE_FULL or "database or disk is full" in str(error):
            return True
        error = error.__cause__ or error.__context__
        seen += 1
    return False


def size_text(size: int) -> str:
    """Megabytes (whole gigabytes from 10 GB), rounded up: a user frees space in MB
    and GB, not bytes."""
    if size >= 10_000_000_000:
        return f"{math.ceil(size / 1_000_000_000)} GB"
    return f"{max(1, math.ceil(size / 1_000_000))} MB"


def disk_full(folder: str | Path, needed: int) -> SchouwError:
    """The one-line message for a full disk in ``folder`` (``needed``: bytes)."""
    folder = Path(folder)
    free = 0
    with contextlib.suppress(OSError):
        free = shutil.disk_usage(folder).free
    return SchouwError("disk_full", folder=str(folder), needed=f"±{size_text(needed)}", free=size_text(free)
                       if free >= 1_000_000 else f"{free // 1000} kB")
