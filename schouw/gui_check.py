"""Can Qt open a window here? Asked before Qt is loaded, because Qt cannot answer it.

When a system library of Qt's platform plugin is missing, or there is no display, Qt
prints a paragraph about plugins and aborts the whole process (exit code 134): no
exception to catch, no chance to say what to install. So ``schouw gui`` looks first:
which platform Qt will try (``QT_QPA_PLATFORM``, else Wayland or X11 as Qt itself
chooses), whether that platform has its display, and whether the shared libraries Qt's
GUI and that plugin load are on the system (``ctypes.util.find_library``, the same
search the dynamic loader's cache answers). Only Linux needs this: the Qt wheels for
Windows and macOS bring everything with them.
"""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable, Mapping

from schouw.messages import SchouwError

#: libraries (as ``find_library`` names them) -> the Debian/Ubuntu package with them;
#: what Qt's GUI module loads on any platform
QT_GUI_LIBRARIES: dict[str, str] = {
    "EGL": "libegl1", "GL": "libgl1", "fontconfig": "libfontconfig1", "freetype": "libfreetype6",
    "xkbcommon": "libxkbcommon0", "X11": "libx11-6", "glib-2.0": "libglib2.0-0", "dbus-1": "libdbus-1-3",
}
#: what the X11 (xcb) platform plugin loads besides
XCB_LIBRARIES: dict[str, str] = {
    "xcb-cursor": "libxcb-cursor0", "xcb-icccm": "libxcb-icccm4", "xcb-image": "libxcb-image0",
    "xcb-keysyms": "libxcb-keysyms1", "xcb-randr": "libxcb-randr0", "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0", "xcb-xkb": "libxcb-xkb1", "xkbcommon-x11": "libxkbcommon-x11-0",
    "X11-xcb": "libx11-xcb1", "xcb-util": "libxcb-util1",
}
#: what the Wayland platform plugin loads besides
WAYLAND_LIBRARIES: dict[str, str] = {
    "wayland-client": "libwayland-client0", "wayland-cursor": "libwayland-cursor0", "wayland-egl": "libwayland-egl1",
}
#: platforms that need no display and no libraries beyond Qt's GUI module
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})

Finder = Callable[[str], str | None]


def platforms(env: Mapping[str, str]) -> list[str]:
    """The platform plugins Qt will try, in its order."""
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [p.split(":", 1)[0].strip() for p in chosen.split(";") if p.strip()]
    if env.get("XDG_SESSION_TYPE") == "wayland" or env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def ldconfig_finder() -> Finder:
    """``ctypes.util.find_library``, asking the dynamic loader's cache once for all names.

    ``find_library`` runs ``/sbin/ldconfig -p`` again for every library: 8 to 19 processes
    (20-50 ms) at every start of the app on Linux (issue 20). This reads that listing once
    and matches each name the way ``find_library`` does; a name it does not find there
    (or no ldconfig at all) still goes to ``find_library`` itself, which also tries its
    other searches."""
    import re
    import struct
    import subprocess

    machine = os.uname().machine + ("-32" if struct.calcsize("l") == 4 else "-64")
    abi = {"x86_64-64": "libc6,x86-64", "ppc64-64": "libc6,64bit", "sparc64-64": "libc6,64bit",
           "s390x-64": "libc6,64bit", "ia64-64": "libc6,IA-64"}.get(machine, "libc6")
    try:
        listing = subprocess.run(["/sbin/ldconfig", "-p"], stdin=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 stdout=subprocess.PIPE, env={"LC_ALL": "C", "LANG": "C"},
                                 check=False, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        listing = b""

    def find(name: str) -> str | None:
        found = re.search(os.fsencode(rf"\s+(lib{re.escape(name)}\.[^\s]+)\s+\({re.escape(abi)}"), listing)
        return os.fsdecode(found.group(1)) if found else ctypes.util.find_library(name)

    return find


def _missing(libraries: Mapping[str, str], find: Finder) -> dict[str, str]:
    return {name: package for name, package in libraries.items() if not find(name)}


def problem(env: Mapping[str, str] | None = None, find_library: Finder | None = None,
            system: str | None = None) -> SchouwError | None:
    """Why Qt would abort here, as a user error, or None when a window can open.
    ``env``, ``find_library`` and ``system`` are the seams tests use."""
    env = os.environ if env is None else env
    if not (system or sys.platform).startswith("linux"):
        return None
    find_library = find_library or ldconfig_finder()
    candidates = platforms(env)
    first: SchouwError | None = None
    base = _missing(QT_GUI_LIBRARIES, find_library)
    for platform in candidates:
        if platform == "xcb":
            missing = {**base, **_missing(XCB_LIBRARIES, find_library)}
            display = "DISPLAY" if not env.get("DISPLAY") else ""
        elif platform == "wayland":
            missing = {**base, **_missing(WAYLAND_LIBRARIES, find_library)}
            display = "WAYLAND_DISPLAY" if not env.get("WAYLAND_DISPLAY") else ""
        elif platform in HEADLESS_PLATFORMS:
            missing, display = base, ""
        else:
            return None  # a plugin we do not know: let Qt try it
        if missing:
            error = SchouwError("gui_missing_libraries", platform=platform,
                                libraries=", ".join(f"lib{name}.so" for name in missing),
                                packages=" ".join(sorted(set(missing.values()))))
        elif display:
            error = SchouwError("gui_no_display", platform=platform, variable=display)
        else:
            return None
        first = first or error
    return first


def require_display(env: Mapping[str, str] | None = None, find_library: Finder | None = None) -> None:
    """Raise the one-line user error when Qt could not open a window here."""
    error = problem(env, find_library)
    if error is not None:
        raise error
