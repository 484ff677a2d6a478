"""Work that can wait until the window has been painted once.

Starting the app should put the walk screen (street list, findings, editor) in front of
the user as soon as possible (issue 20: ≤ 1 s with 5,000 findings). A few things done
while the app opens its project are not needed to see or use that screen: the daily
backup (a copy of the whole file, on a thread that competes for the CPU), the count of
overdue actions in the status bar, the question whether the laptop has a camera (which
loads QtMultimedia and asks the system). :func:`after_first_paint` runs them just after
the window's first paint instead. A window that is on screen already (a project opened
later, a rebuild, every test that shows its window first) runs them at once, exactly
as before.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget
from shiboken6 import isValid

#: how long the work waits at most for a window that is not shown (screenshots, tests)
FALLBACK_MS = 2000


class _Waiter(QObject):
    """Holds the work for one window until that window's first paint."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setObjectName("firstPaintWaiter")
        self.window = window
        self.jobs: list[tuple[QObject, Callable[[], None]]] = []
        self.released = False
        # on the application: the first widget to paint may be any child of the window
        QApplication.instance().installEventFilter(self)
        QTimer.singleShot(FALLBACK_MS, self, self.release)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if (event.type() == QEvent.Type.Paint and isinstance(watched, QWidget)
                and watched.window() is self.window):
            QApplication.instance().removeEventFilter(self)
            QTimer.singleShot(0, self, self.release)  # after this paint has been handled
        return False

    def release(self) -> None:
        if self.released:
            return
        self.released = True
        QApplication.instance().removeEventFilter(self)
        jobs, self.jobs = self.jobs, []
        for context, job in jobs:  # in the order they were asked for
            if isValid(context):
                job()
        self.deleteLater()


def after_first_paint(context: QWidget, job: Callable[[], None]) -> None:
    """Run ``job`` right after the first paint of ``context``'s window, or now when that
    window is shown already. Nothing runs when ``context`` is deleted before; a job
    asked for again while it waits (an equal bound method) runs once."""
    window = context.window()
    if window.isVisible():
        job()
        return
    waiter = next((w for w in window.findChildren(_Waiter, options=Qt.FindChildOption.FindDirectChildrenOnly)
                   if not w.released), None)
    if waiter is None:
        waiter = _Waiter(window)
    if (context, job) not in waiter.jobs:  # the same refresh asked twice while waiting: once
        waiter.jobs.append((context, job))
