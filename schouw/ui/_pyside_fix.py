"""Keep the app alive despite a reference-count bug in the PySide6 build in use.

PySide6/shiboken6 6.12.0 on Python 3.11 returns ``None`` from every void method
(``label.setText()``, ``processEvents()``, ...) without taking a reference to it, so each
call lowers ``None``'s reference count by one. Python 3.12+ never frees ``None``
(immortal objects), but on 3.11 the count reaches zero after a few thousand calls and
the interpreter aborts with "Fatal Python error: none_dealloc" - in a two-hour walk,
that is a certainty. The probe below measures the leak; only when it is there, the
count of ``None`` gets a very large head start, enough for about 10^12 calls.
Remove this module once the bindings are fixed (the probe then finds nothing).
"""

from __future__ import annotations

import ctypes
import sys

HEAD_START = 1 << 40
_applied = False


def leak_per_call() -> int:
    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(8):
        probe.setObjectName("probe")
    return (before - sys.getrefcount(None)) // 8


def apply() -> bool:
    """Pad the reference count of None when (and only when) the bindings leak it."""
    global _applied
    if _applied:
        return True
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython" or hasattr(sys, "getobjects"):
        return False
    if leak_per_call() <= 0:
        return False
    # ob_refcnt is the first field of every object in a release build of CPython
    ctypes.c_ssize_t.from_address(id(None)).value += HEAD_START
    _applied = True
    return True
