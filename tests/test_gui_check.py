"""`schouw gui` on a machine where Qt cannot open a window says in one line what is
missing (exit 2) instead of letting Qt abort the process (exit 134)."""

from __future__ import annotations

import ctypes.util
import os
import subprocess
import sys

import pytest
from conftest import ROOT

from schouw import cli, gui_check, messages


def everything_but(*absent: str):
    return lambda name: None if name in absent else f"lib{name}.so"


@pytest.fixture(autouse=True)
def dutch():
    messages.set_language("nl")


def test_no_display_for_x11_ends_in_one_line_and_exit_2(tmp_path):
    """The real thing: a subprocess asked for the X11 platform without DISPLAY (Qt itself
    aborts with 134 here, after a paragraph about plugins)."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="xcb", PYTHONPATH=str(ROOT), SCHOUW_DATA_DIR=str(tmp_path / "data"))
    done = subprocess.run([sys.executable, "-m", "schouw.cli", "--db", str(tmp_path / "p.schouw"), "gui"],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    # which of the two it names depends on this machine's libraries; both are one clear line
    assert "DISPLAY" in lines[0] or "apt-get install" in lines[0]
    assert "qt.qpa" not in done.stderr and not (tmp_path / "p.schouw").exists()


def test_a_missing_xcb_library_is_named_with_its_package(monkeypatch, capsys):
    monkeypatch.setattr(ctypes.util, "find_library", everything_but("xcb-cursor"))
    # the loader's cache is read once per check (issue 20): it has no libxcb-cursor either
    monkeypatch.setattr(gui_check, "ldconfig_finder", lambda: everything_but("xcb-cursor"))
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")
    monkeypatch.setenv("DISPLAY", ":0")
    assert cli.main(["gui"]) == 2
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0
    assert "libxcb-cursor.so" in err and "sudo apt-get install libxcb-cursor0" in err


def test_platform_choice_follows_qt():
    assert gui_check.platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    assert gui_check.platforms({"QT_QPA_PLATFORM": "vnc:size=800x600"}) == ["vnc"]
    assert gui_check.platforms({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert gui_check.platforms({"DISPLAY": ":0"}) == ["xcb"]


def test_what_is_reported_and_what_passes():
    found = everything_but()
    linux = {"system": "linux"}
    assert gui_check.problem({"DISPLAY": ":0"}, found, **linux) is None
    assert gui_check.problem({"QT_QPA_PLATFORM": "offscreen"}, found, **linux) is None
    no_display = gui_check.problem({}, found, **linux)
    assert no_display.key == "gui_no_display" and "DISPLAY" in no_display.message()
    # Wayland missing its library, but X11 works: Qt falls back, so do we
    assert gui_check.problem({"WAYLAND_DISPLAY": "w", "DISPLAY": ":0"}, everything_but("wayland-client"),
                             **linux) is None
    # offscreen still needs Qt's own GUI libraries
    egl = gui_check.problem({"QT_QPA_PLATFORM": "offscreen"}, everything_but("EGL"), **linux)
    assert egl.key == "gui_missing_libraries" and "libegl1" in egl.message()
    assert "libegl1" in egl.message("en") and "missing" in egl.message("en")
    # Windows and macOS wheels bring their own libraries
    assert gui_check.problem({}, everything_but("EGL"), system="win32") is None
