"""Qt item models over the store: the street list of a round and a street's findings.

Both hold plain rows from :mod:`schouw.services.walk` and change one row at a time when
the session says a street or finding changed, so a round of 1,000 streets and 5,000
findings scrolls, filters and updates without re-reading the project.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from schouw.services.walk import FindingRow, StreetStatus
from schouw.ui import labels, theme

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3
#: the second, smaller line of a finding: number, spot and description
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_FLAGS_CHECK = _FLAGS | Qt.ItemFlag.ItemIsUserCheckable
_NO_FLAGS = Qt.ItemFlag.NoItemFlags


def fold(text: str) -> str:
    """Search key: no accents, no case, no punctuation ("'s-Gravendijkwal" ~ "sgravendijk")."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in text if ch.isalnum() or ch == " ")


class StreetModel(QAbstractTableModel):
    """The round's streets: done mark, name, number of findings, number below norm."""

    COL_DONE, COL_NAME, COL_FINDINGS, COL_BELOW = range(4)
    #: the user ticked or unticked a street's done box (street id, done)
    doneToggled = Signal(str, bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[StreetStatus] = []
        self._keys: list[str] = []
        self._index: dict[str, int] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    # -- filling ----------------------------------------------------------------------
    def set_streets(self, rows: list[StreetStatus]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._keys = [fold(r.name) for r in self._rows]
        self._index = {r.id: n for n, r in enumerate(self._rows)}
        self.endResetModel()

    def append_street(self, row: StreetStatus) -> None:
        n = len(self._rows)
        self.beginInsertRows(QModelIndex(), n, n)
        self._rows.append(row)
        self._keys.append(fold(row.name))
        self._index[row.id] = n
        self.endInsertRows()

    def update_counts(self, street_id: str, findings: int, judged: int, below: int, done: bool) -> None:
        n = self._index.get(street_id)
        if n is None:
            return
        row = self._rows[n]
        row.findings, row.judged, row.below_norm, row.done = findings, judged, below, done
        self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))

    # -- lookups ------------------------------------------------------------------------
    def row_of(self, street_id: str) -> int:
        return self._index.get(street_id, -1)

    def street(self, row: int) -> StreetStatus:
        return self._rows[row]

    def search_key(self, row: int) -> str:
        return self._keys[row]

    def streets(self) -> list[StreetStatus]:
        return list(self._rows)

    # -- the model API ------------------------------------------------------------------
    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return ["", self.tr("Straat"), self.tr("Bev."), self.tr("< norm")][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return [self.tr("Straat is gelopen"), self.tr("Straatnaam"), self.tr("Aantal bevindingen"),
                    self.tr("Bevindingen onder de norm van het kwaliteitsprofiel")][section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _FLAGS_CHECK if index.column() == self.COL_DONE else _FLAGS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_NAME:
                return row.name
            if col == self.COL_FINDINGS:
                return str(row.findings) if row.findings else ""
            if col == self.COL_BELOW:
                return str(row.below_norm) if row.below_norm else ""
            return None
        if role == SORT_ROLE:
            return (row.done, row.name.casefold(), row.findings, row.below_norm)[col] if col else row.done
        if role == Qt.ItemDataRole.CheckStateRole and col == self.COL_DONE:
            return Qt.CheckState.Checked if row.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == self.COL_BELOW and row.below_norm:
                return QBrush(QColor(theme.BELOW))
            return None
        if role == Qt.ItemDataRole.FontRole and col == self.COL_BELOW and row.below_norm:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_FINDINGS, self.COL_BELOW):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{row.name} ({labels.area_type_label(row.area_type)})"
            if row.house_numbers:
                tip += f"\n{self.tr('Huisnummers')}: {row.house_numbers}"
            tip += "\n" + self.tr("%n bevindingen, {below} onder de norm", "", row.findings).format(
                below=row.below_norm)
            if row.done:
                tip += "\n" + self.tr("Gelopen")
            return tip
        if role == Qt.ItemDataRole.AccessibleTextRole:
            state = self.tr("gelopen") if row.done else self.tr("niet gelopen")
            return self.tr("{name}, %n bevindingen, {below} onder de norm, {state}", "", row.findings).format(
                name=row.name, below=row.below_norm, state=state)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if index.isValid() and index.column() == self.COL_DONE and role == Qt.ItemDataRole.CheckStateRole:
            done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            self.doneToggled.emit(self._rows[index.row()].id, done)
            return True
        return False


class StreetFilter(QSortFilterProxyModel):
    """Search as you type (accents and case ignored), optionally hiding done streets.

    The match is computed for all rows in one pass per keystroke; ``filterAcceptsRow``
    only looks the answer up (Qt calls it once per row, through Python)."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._needle = ""
        self._hide_done = False
        self._accepted: list[bool] | None = None
        self.setSortRole(SORT_ROLE)

    def _compute(self) -> None:
        model = self.sourceModel()
        parts = self._needle.split()
        if not parts and not self._hide_done:
            self._accepted = None
            return
        keys = model._keys
        rows = model._rows
        self._accepted = [
            (not self._hide_done or not rows[n].done) and all(part in key for part in parts)
            for n, key in enumerate(keys)
        ]

    def set_text(self, text: str) -> None:
        needle = " ".join(fold(text).split())
        if needle != self._needle:
            self.beginFilterChange()
            self._needle = needle
            self._compute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_hide_done(self, hide: bool) -> None:
        if hide != self._hide_done:
            self.beginFilterChange()
            self._hide_done = hide
            self._compute()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refresh(self) -> None:
        """Re-run the filter after the streets changed (new street, done mark)."""
        self.beginFilterChange()
        self._compute()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        accepted = self._accepted
        if accepted is None:
            return True
        if source_row >= len(accepted):
            self._compute()
            accepted = self._accepted or []
        return source_row < len(accepted) and accepted[source_row]


class FindingModel(QAbstractTableModel):
    """The findings of one street, newest last."""

    COL_LEVEL, COL_ITEM, COL_PRIORITY, COL_PHOTOS, COL_ACTION = range(5)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._rows: list[FindingRow] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(self, rows: list[FindingRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def replace_row(self, row: FindingRow) -> None:
        n = self.row_of(row.id)
        if n < 0:
            return
        self._rows[n] = row
        self.dataChanged.emit(self.index(n, 0), self.index(n, self.columnCount() - 1))

    def row_of(self, finding_id: str) -> int:
        for n, row in enumerate(self._rows):
            if row.id == finding_id:
                return n
        return -1

    def finding(self, row: int) -> FindingRow:
        return self._rows[row]

    def finding_ids(self) -> list[str]:
        return [r.id for r in self._rows]

    def rowCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return [self.tr("Niveau"), self.tr("Bevinding"), self.tr("Prio"), self.tr("Foto's"),
                self.tr("Actiehouder")][section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _FLAGS

    @staticmethod
    def level_text(row: FindingRow) -> str:
        if row.not_applicable:
            return labels.not_applicable_label()
        if row.level is not None:
            return row.level.value
        return row.choice or ""

    def detail_text(self, row: FindingRow) -> str:
        place = " ".join(p for p in (self.tr("nr. {n}").format(n=row.number) if row.number else "", row.spot) if p)
        text = " ".join(row.text.split())
        return " · ".join(p for p in (place, text) if p)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == ID_ROLE:
            return row.id
        if role == ROW_ROLE:
            return row
        if role == DETAIL_ROLE:
            return self.detail_text(row)
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.COL_ITEM:
                return f"{row.element_name} — {row.aspect_name}"
            if col == self.COL_LEVEL:
                return self.level_text(row)
            if col == self.COL_PRIORITY:
                return labels.priority_label(row.priority) if row.priority != "normaal" else ""
            if col == self.COL_PHOTOS:
                return str(row.photo_count) if row.photo_count else ""
            if col == self.COL_ACTION:
                text = row.action_party or ("—" if row.action_status else "")
                overdue = self.tr("verlopen")
                return f"{text} ({overdue})" if row.action_overdue else text
            return None
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_PRIORITY and row.priority in ("hoog", "spoed"):
            return QBrush(QColor(theme.BELOW))
        if role == Qt.ItemDataRole.ForegroundRole and col == self.COL_ACTION and row.action_overdue:
            return QBrush(QColor(theme.BELOW))
        if role == Qt.ItemDataRole.FontRole and col == self.COL_PRIORITY and row.priority == "spoed":
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.COL_LEVEL, self.COL_PHOTOS):
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, col)
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.COL_ITEM:
            return f"{row.element_name} — {row.aspect_name}. {self.detail_text(row)}"
        if role == Qt.ItemDataRole.AccessibleTextRole and col == self.COL_LEVEL:
            text = self.level_text(row) or self.tr("geen niveau")
            if row.below_norm:
                text += ", " + self.tr("onder de norm {norm}").format(norm=row.norm.value if row.norm else "")
            return text
        return None

    def _tooltip(self, row: FindingRow, col: int) -> str | None:
        if col == self.COL_LEVEL:
            if row.norm is None or row.level is None:
                return None
            if row.below_norm:
                return self.tr("Onder de norm: {level} is lager dan norm {norm}").format(
                    level=row.level.value, norm=row.norm.value)
            return self.tr("Voldoet aan norm {norm}").format(norm=row.norm.value)
        if col == self.COL_ITEM:
            return f"{row.element_name} — {row.aspect_name}\n{self.detail_text(row)}".strip()
        if col == self.COL_ACTION and row.action_status:
            return self.tr("Actiepunt: {party}, status {status}, uiterlijk {due}").format(
                party=row.action_party or "—", status=labels.status_label(row.action_status),
                due=row.action_due or "—")
        return None
