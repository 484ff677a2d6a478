"""Message boxes that never block the event loop (and so never block a test)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from schouw.messages import SchouwError
from schouw.ui.widgets import named


def show_message(parent: QWidget | None, title: str, text: str, *, error: bool = True,
                 detail: str = "") -> QMessageBox:
    box = QMessageBox(parent)
    named(box, "messageBox", title)
    box.setIcon(QMessageBox.Icon.Warning if error else QMessageBox.Icon.Information)
    box.setWindowTitle(title)
    box.setText(text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def show_error(parent: QWidget | None, error: SchouwError | str) -> QMessageBox:
    """A user error in one Dutch (or English) sentence: no traceback, nothing lost."""
    text = error.message() if isinstance(error, SchouwError) else str(error)
    return show_message(parent, QCoreApplication.translate("dialogs", "Dat lukte niet"), text)
