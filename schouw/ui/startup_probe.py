"""Telling an outside measurer when the window first painted, and what was loaded then.

``SCHOUW_STARTUP_PROBE=FILE`` makes the app write, at the first paint of its main
window, a JSON object to FILE: ``first_paint`` (``time.time()`` then, comparable with
the clock of the process that started the app), ``modules`` (the names in
``sys.modules``) and ``project`` (the path of the open project, or null). With
``SCHOUW_STARTUP_EXIT=1`` it also quits right after, so a benchmark
(``bench/startup.py``) and the test that keeps heavy libraries out of the start-up
(``tests/test_startup_imports.py``) can start the real app from outside and read the
figures without a window to close. Nothing happens without the variable.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV_FILE = "SCHOUW_STARTUP_PROBE"
ENV_EXIT = "SCHOUW_STARTUP_EXIT"


class _FirstPaint(QObject):
    def __init__(self, window: QWidget, target: Path, quit_after: bool):
        super().__init__(window)
        self.window, self.target, self.quit_after = window, target, quit_after
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (not self.done and event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self.window):
            self.done = True
            # after this paint has been handled: the user sees the window now
            QTimer.singleShot(0, self._record)
        return False

    def _record(self) -> None:
        now = time.time()
        session = getattr(self.window, "session", None)
        project = getattr(getattr(session, "project", None), "path", None)
        data = {"first_paint": now, "modules": sorted(sys.modules), "pid": os.getpid(),
                "project": str(project) if project else None,
                # the walk screen (street list, findings, editor) is there, not the start page
                "walk": getattr(self.window, "streets", None) is not None}
        tmp = self.target.with_name(self.target.name + ".tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, self.target)
        QApplication.instance().removeEventFilter(self)
        if self.quit_after:
            self.window.close()
            QApplication.instance().quit()


def install(window: QWidget) -> None:
    """Watch ``window`` for its first paint when SCHOUW_STARTUP_PROBE asks for it."""
    target = os.environ.get(ENV_FILE, "").strip()
    if not target:
        return
    probe = _FirstPaint(window, Path(target), os.environ.get(ENV_EXIT, "") == "1")
    # on the application: the first widget to paint may be any child of the window
    QApplication.instance().installEventFilter(probe)
