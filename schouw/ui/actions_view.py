"""The *Actiepunten* view (Ronde › Actiepunten…): every action of the open round or of
the whole project, filtered by party, status and overdue, with the status set by hand
for the selected one. Rows come from ``services.actions.list_actions`` (the CLI's
`schouw actions list`); it refreshes when the change hub says actions changed.
Double-clicking a row of the open round shows its finding in the walk.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.actions import MANUAL_STATUSES
from schouw.messages import SchouwError
from schouw.services import actions as svc
from schouw.services.changes import Changes
from schouw.ui import labels, theme
from schouw.ui.action_status import ActionStatusPanel
from schouw.ui.row_model import Index, RowsModel, list_table
from schouw.ui.widgets import fit_on_screen, named


class ActionsModel(RowsModel):
    """Rows of ``svc.ActionRow``: street, item, party, status, due date, MOR id."""

    COLUMNS = ("street", "item", "party", "status", "due", "mor")

    def titles(self) -> dict[str, str]:
        return {"street": self.tr("Straat"), "item": self.tr("Onderdeel"), "party": self.tr("Actiehouder"),
                "status": self.tr("Status"), "due": self.tr("Uiterlijk"), "mor": self.tr("Melding gemeente")}

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "street":
                return f"{row.street} {row.house_number}".strip()
            if column == "item":
                return row.item
            if column == "party":
                return row.party or "–"
            if column == "status":
                return labels.status_label(row.status.value)
            if column == "due":
                if row.due is None:
                    return "–"
                text = f"{row.due.day}-{row.due.month}-{row.due.year}"
                return text + "  " + self.tr("verlopen") if row.overdue else text
            return row.mor_id or ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "due" and row.overdue:
            return QColor(theme.BELOW)
        if role == Qt.ItemDataRole.ToolTipRole and column == "status" and row.status_reason:
            return row.status_reason
        if role == Qt.ItemDataRole.UserRole:
            return row.finding_id
        return None


class ActionsDialog(QDialog):
    """The action list with its filters and the status panel of the selected action."""

    # show this finding in the walk (round id, finding id)
    openFinding = Signal(str, str)

    def __init__(self, session, hub, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        named(self, "actionsDialog", self.tr("Actiepunten"))
        self.setWindowTitle(self.tr("Actiepunten"))
        self.session = session
        self.hub = hub
        self.today = today
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.scope_combo = named(QComboBox(self), "actionsScope", self.tr("Welke actiepunten"))
        self.scope_combo.addItem(self.tr("Deze ronde"), "round")
        self.scope_combo.addItem(self.tr("Hele project"), "project")
        if session.ctx is None:
            self.scope_combo.setCurrentIndex(1)
        self.party_combo = named(QComboBox(self), "actionsParty", self.tr("Actiehouder"))
        self.status_combo = named(QComboBox(self), "actionsStatus", self.tr("Status"))
        self.status_combo.addItem(self.tr("Alle statussen"), "")
        for status in MANUAL_STATUSES:
            self.status_combo.addItem(labels.status_label(status.value), status.value)
        self.status_combo.addItem(labels.status_label("doorgezet"), "doorgezet")
        self.overdue_check = named(QCheckBox(self.tr("Alleen verlopen"), self), "actionsOverdue",
                                   self.tr("Alleen verlopen actiepunten"))
        for combo in (self.scope_combo, self.party_combo, self.status_combo):
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.overdue_check.toggled.connect(lambda _on: self.refresh())
        filters.addWidget(self.scope_combo)
        filters.addWidget(self.party_combo, 1)
        filters.addWidget(self.status_combo)
        filters.addWidget(self.overdue_check)
        layout.addLayout(filters)
        self.model = ActionsModel(self)
        self.table = named(list_table(self, self.model, ("street", "item", "party")), "actionsTable",
                           self.tr("Lijst van actiepunten"))
        self.table.doubleClicked.connect(self._open)
        layout.addWidget(self.table, 1)
        self.count_label = named(QLabel(self), "actionsCount", self.tr("Aantal actiepunten"))
        layout.addWidget(self.count_label)
        self.panel = ActionStatusPanel(session, hub.notify, self)
        layout.addWidget(self.panel)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._selected(cur))
        hub.changed.connect(self._on_changes)
        self._fill_parties()
        self.refresh()
        fit_on_screen(self, 1000, 620)

    def _fill_parties(self) -> None:
        current = self.party_combo.currentData()
        self.party_combo.blockSignals(True)
        self.party_combo.clear()
        self.party_combo.addItem(self.tr("Alle actiehouders"), "")
        for party in sorted({r.party for r in svc.list_actions(self.session.project) if r.party}, key=str.casefold):
            self.party_combo.addItem(party, party)
        index = self.party_combo.findData(current) if current else 0
        self.party_combo.setCurrentIndex(max(index, 0))
        self.party_combo.blockSignals(False)

    def _round_id(self) -> str | None:
        if self.scope_combo.currentData() == "round" and self.session.ctx is not None:
            return self.session.ctx.round.id
        return None

    def refresh(self) -> None:
        selected = self.panel.finding_id
        try:
            rows = svc.list_actions(self.session.project, round_id=self._round_id(),
                                    party=self.party_combo.currentData() or None,
                                    status=self.status_combo.currentData() or None,
                                    overdue=self.overdue_check.isChecked(), today=self.today)
        except SchouwError as error:
            rows = []
            self.count_label.setText(str(error))
        self.model.set_rows(rows)
        late = sum(1 for r in rows if r.overdue)
        self.count_label.setText(self.tr("%n actiepunten", "", len(rows)) + ", "
                                 + self.tr("waarvan %n verlopen", "", late))
        row = next((i for i, r in enumerate(rows) if r.finding_id == selected), 0 if rows else None)
        if row is not None:
            self.table.selectRow(row)
            self._selected(self.model.index(row, 0))
        else:
            self.panel.show_finding(None)

    def _selected(self, index: QModelIndex) -> None:
        self.panel.show_finding(index.data(Qt.ItemDataRole.UserRole) if index.isValid() else None)

    def _on_changes(self, changes: Changes, _initiator: object | None = None) -> None:
        if changes.actions or changes.findings or changes.rounds:
            self._fill_parties()
            self.refresh()

    def _open(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        self.openFinding.emit(row.round_id, row.finding_id)
