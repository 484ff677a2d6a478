"""``schouw FILE.schouw`` opens the project, and a second launch goes to the window that
is already open (single instance over a local socket) instead of a second window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("PySide6")
pytest_plugins = ["conftest_ui"]

ROOT = Path(__file__).resolve().parents[1]


def launch(args: list[str], tmp_path: Path, **env: str) -> subprocess.Popen:
    """A second ``schouw`` process with this test's data folder (so the same instance name)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                   "SCHOUW_STARTUP_PROBE": str(tmp_path / "second-painted.json"), "SCHOUW_STARTUP_EXIT": "1", **env}
    return subprocess.Popen([sys.executable, "-m", "schouw", *args], env=environment, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(qtbot, process: subprocess.Popen, timeout: float = 60) -> tuple[int, str]:
    """Keep this process's event loop running (the listener answers on it) until the
    second process ends."""
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=int(timeout * 1000))
    _, err = process.communicate()
    return process.returncode, err


def test_a_second_launch_hands_its_project_to_the_open_window(qtbot, app_window, small_project, tmp_path):
    from schouw.ui import single_instance

    first, _ = small_project
    second = tmp_path / "tweede.schouw"
    shutil.copyfile(first, second)
    window = app_window(first)
    listener = single_instance.claim(None, window)
    assert listener is not None and listener.server.isListening()
    single_instance.serve(listener, window)
    try:
        with qtbot.waitSignal(listener.openRequested, timeout=60_000) as signal:
            process = launch([str(second)], tmp_path)
            code, err = finish(qtbot, process)
        assert code == 0, err
        assert signal.args == [str(second.resolve())]
        assert Path(window.session.project.path).resolve() == second.resolve()
        # the second process never made a window of its own
        assert not (tmp_path / "second-painted.json").exists()

        # a launch without a file only brings the window to the front: the project stays
        process = launch([], tmp_path)
        code, err = finish(qtbot, process)
        assert code == 0, err
        assert Path(window.session.project.path).resolve() == second.resolve()
        assert not (tmp_path / "second-painted.json").exists()
    finally:
        listener.close()


def test_without_a_running_app_the_launch_opens_its_own_window(demo_path, tmp_path, qtbot):
    """No listener: the launch becomes the app, opens the file it was given, paints."""
    process = launch([str(demo_path)], tmp_path)
    code, err = finish(qtbot, process, timeout=120)
    assert code == 0, err
    import json

    probe = json.loads((tmp_path / "second-painted.json").read_text(encoding="utf-8"))
    assert probe["project"] == str(demo_path.resolve())


def test_a_crashed_app_leaves_no_lock_on_the_name(qtbot, ui_data):
    """A listener that was never closed (as after a crash) does not keep the next app
    from listening: the stale name is taken over."""
    from schouw.ui import single_instance

    old = single_instance.Listener(name="schouw-test-stale")
    assert old.listen()
    new = single_instance.Listener(name="schouw-test-stale")
    try:
        assert new.listen()
        assert new.server.isListening()
    finally:
        new.close()
        old.close()


def test_garbage_on_the_socket_opens_nothing(qtbot, ui_data, tmp_path):
    from schouw.ui import single_instance

    listener = single_instance.Listener(name=f"schouw-test-{os.getpid()}")
    assert listener.listen()
    received: list[str] = []
    listener.openRequested.connect(received.append)
    script = ("import sys\nfrom PySide6.QtNetwork import QLocalSocket\ns = QLocalSocket()\n"
              f"s.connectToServer({listener.name!r})\nassert s.waitForConnected(5000)\n"
              "s.write(b'not json\\n'); s.flush()\nanswer = b''\n"
              "while b'\\n' not in answer and s.waitForReadyRead(5000): answer += bytes(s.readAll().data())\n"
              "print(answer.decode().strip())\n")
    process = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert out.strip() == "bad"
        assert received == []
    finally:
        listener.close()


@pytest.mark.parametrize(("argv", "expected"), [
    (["p.schouw"], ["app", "--db", "p.schouw"]),
    (["--lang", "en", "C:/Projecten/Wijk 3.SCHOUW"], ["app", "--db", "C:/Projecten/Wijk 3.SCHOUW", "--lang", "en"]),
    (["rounds", "list"], ["rounds", "list"]),
    (["report", "--db", "p.schouw"], ["report", "--db", "p.schouw"]),
    (["--lang", "en"], ["--lang", "en"]),
    (["notes.txt"], ["notes.txt"]),  # not a path to an existing file: argparse says what is wrong
])
def test_a_project_file_as_first_word_means_open_it(argv, expected):
    from schouw import cli

    assert cli._project_argument(argv) == expected
