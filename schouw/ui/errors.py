"""The last line of defence: an unexpected exception is logged and shown politely.

Work is committed as it is typed, so after a bug nothing is lost; the hook still saves
any text that was waiting for its 300 ms pause before it tells the user.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from schouw import __version__, settings
from schouw.messages import SchouwError

log = logging.getLogger("schouw.ui")

_flush: Callable[[], None] | None = None
_parent: Callable[[], QWidget | None] | None = None
_busy = False


def log_path() -> Path:
    return settings.log_dir() / "schouw.log"


def log_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> Path:
    path = log_path()
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\n--- {datetime.now().isoformat()} schouw {__version__} (app)\n")
        handle.write("".join(traceback.format_exception(exc_type, exc, tb)))
    return path


def handle_exception(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    """``sys.excepthook`` for the app."""
    global _busy
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    from schouw.ui.dialogs import show_error, show_message

    if isinstance(exc, SchouwError):  # a user error that slipped past a handler
        show_error(_parent() if _parent else None, exc)
        return
    path = log_exception(exc_type, exc, tb)
    log.error("unexpected error, logged to %s", path)
    if _busy:  # an error while reporting an error: log only
        return
    _busy = True
    try:
        if _flush is not None:
            try:
                _flush()
            except Exception:  # noqa: BLE001 - never let the hook itself fail
                log_exception(*sys.exc_info())
        if QApplication.instance() is not None:
            show_message(
                _parent() if _parent else None, QCoreApplication.translate("errors", "Er ging iets mis"),
                QCoreApplication.translate(
                    "errors", "Er ging iets onverwachts mis. Uw werk is opgeslagen; u kunt gewoon verder."),
                detail=QCoreApplication.translate(
                    "errors", "Technische details staan in {path}. Stuur dat bestand mee als u "
                              "het probleem meldt.").format(path=path))
    finally:
        _busy = False


def install(flush: Callable[[], None] | None = None, parent: Callable[[], QWidget | None] | None = None) -> None:
    global _flush, _parent
    _flush, _parent = flush, parent
    sys.excepthook = handle_exception
