"""The display check before Qt loads asks the loader's cache once, not once per library
(issue 20: 8-19 ``ldconfig`` processes at every start on Linux), with the same answers
as ``ctypes.util.find_library``."""

from __future__ import annotations

import ctypes.util
import sys

import pytest

from schouw import gui_check

NAMES = [*gui_check.QT_GUI_LIBRARIES, *gui_check.XCB_LIBRARIES, *gui_check.WAYLAND_LIBRARIES,
         "c", "m", "z", "no-such-library-schouw"]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check only runs on Linux")
def test_the_cached_finder_answers_as_find_library_does() -> None:
    find = gui_check.ldconfig_finder()
    assert {name: find(name) for name in NAMES} == {name: ctypes.util.find_library(name) for name in NAMES}
    assert find("c")  # the C library is always there
    assert find("no-such-library-schouw") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check only runs on Linux")
def test_the_check_runs_ldconfig_once(monkeypatch) -> None:
    import subprocess

    runs = []
    real = subprocess.run
    monkeypatch.setattr(subprocess, "run", lambda *a, **k: runs.append(a[0]) or real(*a, **k))
    present = {name for name in NAMES if ctypes.util.find_library(name)}
    asked = []
    real_find = ctypes.util.find_library
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: asked.append(name) or real_find(name))
    gui_check.problem(env={"DISPLAY": ":0", "QT_QPA_PLATFORM": "xcb"})
    assert runs == [["/sbin/ldconfig", "-p"]]
    assert not set(asked) & present, "libraries in the loader's cache are not searched again"
