"""The F1 box: every shortcut on one line in a key column, what it does beside it.

A message box with a monospace text wrapped lines in the middle of a shortcut on a
small screen; a two-column table keeps each key sequence whole and lets only the
description wrap.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.ui.widgets import fit_on_screen, named


class ShortcutsDialog(QDialog):
    """``rows`` are (keys, what they do), already translated by the caller."""

    def __init__(self, rows: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "shortcutsDialog", self.tr("Sneltoetsen"))
        self.setWindowTitle(self.tr("Sneltoetsen"))
        self.table = named(QTableWidget(len(rows), 2, self), "shortcutsTable", self.tr("Sneltoetsen"))
        self.table.setHorizontalHeaderLabels([self.tr("Toetsen"), self.tr("Wat er gebeurt")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for row, (keys, what) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(what))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), "shortcutsClose", self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.table.resizeColumnToContents(0)
        keys_width = self.table.columnWidth(0)
        frame = 2 * self.table.frameWidth() + self.table.verticalScrollBar().sizeHint().width()
        fit_on_screen(self, keys_width + 480 + frame + 24, 560)
