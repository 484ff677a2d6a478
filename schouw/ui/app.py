"""Starting the app: Qt application, language, theme, error hook, main window.

``run_app(db, screenshot=PNG)`` renders the window offscreen into a PNG and returns,
which is how the documentation screenshots are made (``docs/screenshots/make.py``).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QLoggingCategory, QSize
from PySide6.QtWidgets import QApplication

from schouw.ui import errors, i18n, theme
from schouw.ui.main_window import MainWindow
from schouw.ui.prefs import Preferences


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        # QtMultimedia probes for pipewire/VA-API at start-up and reports each missing
        # library: noise in a terminal, and nothing a user can act on. The camera
        # button already hides itself when there is no camera.
        QLoggingCategory.setFilterRules("qt.multimedia.*=false")
        theme.set_high_dpi_policy()
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("schouw")
    app.setApplicationDisplayName("Schouw")
    app.setOrganizationName("schouw")
    return app


def start(prefs: Preferences | None = None) -> MainWindow:
    """Language, theme, error hook and the (not yet shown) main window."""
    prefs = prefs or Preferences.load()
    i18n.set_language(prefs.language)
    theme.apply(QApplication.instance(), prefs.text_scale)
    window = MainWindow(prefs)
    errors.install(flush=window.flush, parent=lambda: window)
    return window


def screenshot_size() -> QSize:
    text = os.environ.get("SCHOUW_SCREENSHOT_SIZE", "1366x768")
    width, _, height = text.lower().partition("x")
    return QSize(int(width), int(height))


def save_screenshot(window: MainWindow, path: str | Path) -> Path:
    app = QApplication.instance()
    window.resize(screenshot_size())
    window.show()
    for _ in range(5):
        app.processEvents()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(path))
    return path


def run_app(db: str | Path | None = None, screenshot: str | Path | None = None) -> int:
    app = make_application()
    listener = None
    if not screenshot:
        # a second launch (a double-clicked .schouw file) goes to the window already open
        from schouw.ui import single_instance

        listener = single_instance.claim(str(Path(db).resolve()) if db else None, app)
        if listener is None:
            return 0
    window = start()
    window.open_initial(db)
    if screenshot:
        save_screenshot(window, screenshot)
        window.close()
        return 0
    single_instance.serve(listener, window)
    from schouw.ui import startup_probe

    startup_probe.install(window)
    window.show()
    try:
        return app.exec()
    finally:
        listener.close()
