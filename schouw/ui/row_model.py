"""A read-only table model over a list of plain rows, for the list views (actions,
indicators, overview, hotspots): the rows, their count and the column titles in one place,
so each view says only what its columns show (``titles`` and ``data``)."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowsModel(QAbstractTableModel, Generic[Row]):
    """Rows of one kind; ``COLUMNS`` names the columns, :meth:`titles` their headers."""

    COLUMNS: tuple[str, ...] = ()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def titles(self) -> dict[str, str]:
        """Column name -> header text (translated by the subclass, whose context it is)."""
        return {}

    def tips(self) -> dict[str, str]:
        """Column name -> header tooltip, for columns whose title needs saying more."""
        return {}

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.titles().get(self.COLUMNS[section], "")
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tips().get(self.COLUMNS[section])
        return None

    def row_at(self, index: Index) -> Row | None:
        """The row of a valid index (None for an invalid one or past the end)."""
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]


def list_table(parent: QWidget, model: RowsModel, stretch: tuple[str, ...]) -> QTableView:
    """A read-only list of ``model``'s rows: one row chosen at a time, no row numbers, the
    ``stretch`` columns sharing the width and the others as wide as their contents. The
    caller names it (objectName, accessibleName) like every widget."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    for column, name in enumerate(model.COLUMNS):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if name in stretch
                                    else QHeaderView.ResizeMode.ResizeToContents)
    return table
