"""The *Trajecten* window (Ronde › Trajecten Veilige Buurten…): the Veilige Buurten cycle
of a buurt — its week counter and what is due this week, the residents' ranked priorities
with the actions partners took, and the evaluation that closes it and feeds the next one.

Everything shown comes from :func:`schouw.services.cycles.cycle_view` (what ``schouw
cycles show`` prints and the evaluation PDF renders); every change goes through a use case
of that module and is announced on the change hub, where this window also learns of
changes made elsewhere (an action's status set in the action list, a package import).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import cycles as svc
from schouw.services.changes import Changes
from schouw.ui import labels, theme
from schouw.ui.dialogs import show_error
from schouw.ui.widgets import fit_on_screen, label, named

OUTCOME_COLOURS = {"bereikt": theme.GOOD, "deels": "#8a5300", "niet": theme.BELOW}


class CyclesDialog(QDialog):
    # show this finding in the walk (round id, finding id)
    openFinding = Signal(str, str)

    def __init__(self, session, hub, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        named(self, "cyclesDialog", self.tr("Trajecten Veilige Buurten"))
        self.setWindowTitle(self.tr("Trajecten Veilige Buurten"))
        self.session, self.hub, self.today = session, hub, today
        self.view: svc.CycleView | None = None
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.buurt_combo = named(QComboBox(self), "cyclesBuurt", self.tr("Buurt"))
        self.cycle_combo = named(QComboBox(self), "cyclesCycle", self.tr("Traject"))
        self.new_button = self._button("cyclesNew", self.tr("Nieuw traject…"), self.new_cycle)
        top.addWidget(label(self.tr("Buurt"), None, self))
        top.addWidget(self.buurt_combo, 1)
        top.addWidget(label(self.tr("Traject"), None, self))
        top.addWidget(self.cycle_combo, 2)
        top.addWidget(self.new_button)
        layout.addLayout(top)
        self.summary = named(label("", "title", self), "cyclesSummary", self.tr("Stand van het traject"))
        self.summary.setWordWrap(True)
        self.agenda = named(label("", None, self), "cyclesAgenda", self.tr("Deze week"))
        self.agenda.setWordWrap(True)
        layout.addWidget(self.summary)
        layout.addWidget(self.agenda)
        split = QSplitter(Qt.Orientation.Vertical, self)
        self.priorities = self._table("cyclesPriorities", self.tr("Prioriteiten"),
                                      [self.tr("Rang"), self.tr("Prioriteit"), self.tr("Over"),
                                       self.tr("Actiepunten"), self.tr("Uitkomst")], split)
        self.actions = self._table("cyclesActions", self.tr("Actiepunten van de prioriteit"),
                                   [self.tr("Straat"), self.tr("Onderdeel"), self.tr("Actiehouder"),
                                    self.tr("Status"), self.tr("Uiterlijk")], split)
        self.actions.doubleClicked.connect(self._open_action)
        layout.addWidget(split, 1)
        buttons = QHBoxLayout()
        self.add_button = self._button("cyclesAddPriority", self.tr("Prioriteit toevoegen…"), self.add_priority)
        self.up_button = self._button("cyclesUp", self.tr("Hoger"), lambda: self.move(-1))
        self.down_button = self._button("cyclesDown", self.tr("Lager"), lambda: self.move(1))
        self.remove_button = self._button("cyclesRemove", self.tr("Verwijderen"), self.remove_priority)
        self.outcome_button = self._button("cyclesOutcome", self.tr("Uitkomst…"), self.set_outcome)
        self.close_button = self._button("cyclesClose", self.tr("Traject afsluiten…"), self.close_cycle)
        self.pdf_button = self._button("cyclesPdf", self.tr("Evaluatie als PDF…"), self.save_pdf)
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button, self.outcome_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.pdf_button)
        layout.addLayout(buttons)
        self.buurt_combo.currentIndexChanged.connect(lambda _i: self._fill_cycles())
        self.cycle_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.priorities.currentCellChanged.connect(lambda *_a: self._show_actions())
        hub.changed.connect(self._on_changes)
        self._fill_buurten()
        fit_on_screen(self, 980, 640)

    # -- building ---------------------------------------------------------------------
    def _button(self, name: str, text: str, slot) -> QPushButton:
        button = named(QPushButton(text, self), name, text.rstrip("…"))
        button.clicked.connect(slot)
        return button

    def _table(self, name: str, accessible: str, headers: list[str], parent: QWidget) -> QTableWidget:
        table = named(QTableWidget(0, len(headers), parent), name, accessible)
        table.setHorizontalHeaderLabels(headers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        for column in range(len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _fill_buurten(self) -> None:
        project = self.session.project
        current = self.session.ctx.buurt.id if self.session.ctx is not None else None
        self.buurt_combo.blockSignals(True)
        self.buurt_combo.clear()
        for buurt in project.areas.buurten():
            self.buurt_combo.addItem(buurt.name, buurt.id)
        index = self.buurt_combo.findData(current) if current else 0
        self.buurt_combo.setCurrentIndex(max(index, 0))
        self.buurt_combo.blockSignals(False)
        self._fill_cycles()

    def _fill_cycles(self, select: str | None = None) -> None:
        buurt = self.buurt_combo.currentText()
        keep = select or self.cycle_combo.currentData()
        self.cycle_combo.blockSignals(True)
        self.cycle_combo.clear()
        rows = svc.cycle_list(self.session.project, buurt, today=self.today) if buurt else []
        for row in rows:
            state = self.tr("geëvalueerd") if row["status"] == "geevalueerd" else \
                self.tr("week %1 van %2").replace("%1", str(row["week"])).replace("%2", str(row["weeks"]))
            self.cycle_combo.addItem(f"{row['title']} ({state})", row["id"])
        index = self.cycle_combo.findData(keep) if keep else -1
        self.cycle_combo.setCurrentIndex(index if index >= 0 else (0 if rows else -1))
        self.cycle_combo.blockSignals(False)
        self.refresh()

    # -- showing -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the chosen traject again and show it (the selected priority stays)."""
        cycle_id = self.cycle_combo.currentData()
        keep = self._selected_priority()
        self.view = svc.cycle_view(self.session.project, cycle_id, today=self.today) if cycle_id else None
        v = self.view
        open_ = v is not None and v.cycle.status.value == "open"
        for button in (self.add_button, self.up_button, self.down_button, self.remove_button, self.outcome_button,
                       self.close_button):
            button.setEnabled(open_)
        self.pdf_button.setEnabled(v is not None)
        if v is None:
            self.summary.setText(self.tr("Deze buurt heeft nog geen traject. Begin er een met ‘Nieuw traject…’."))
            self.agenda.setText("")
            self.priorities.setRowCount(0)
            self.actions.setRowCount(0)
            return
        c = v.cycle
        period = f"{_day(c.start)} – {_day(v.end.isoformat())}"
        if open_:
            state = self.tr("week %1 van %2").replace("%1", str(v.week)).replace("%2", str(c.weeks))
            if v.overdue:
                state += " — " + self.tr("de evaluatie is te laat")
        else:
            state = self.tr("geëvalueerd op %1").replace("%1", _day((c.closed_at or "")[:10]))
        self.summary.setText(f"{c.title}: {period}, {state}")
        theme.colour_text(self.summary, theme.BELOW if v.overdue else theme.INK)
        parts = []
        if open_:
            parts.append(self.tr("%n actiepunt(en) gereed deze week", "", len(v.due_this_week)))
            parts.append(self.tr("%n te laat", "", len(v.late)))
        n = {o.value: k for o, k in v.outcomes.items()}
        parts.append(self.tr("uitkomsten: %1 bereikt, %2 deels, %3 niet").replace("%1", str(n["bereikt"]))
                     .replace("%2", str(n["deels"])).replace("%3", str(n["niet"])))
        self.agenda.setText(" · ".join(parts))
        self.priorities.setRowCount(len(v.priorities))
        for row, pv in enumerate(v.priorities):
            p = pv.priority
            outcome = p.outcome.value if p.outcome else ""
            cells = [str(p.rank), p.title, pv.subject or "–", str(len(pv.actions)),
                     self._outcome_text(outcome)]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p.id)
                if column == 4 and outcome:
                    item.setForeground(QColor(OUTCOME_COLOURS[outcome]))
                if column == 4 and p.outcome_note:
                    item.setToolTip(p.outcome_note)
                self.priorities.setItem(row, column, item)
        ids = [pv.priority.id for pv in v.priorities]
        self.priorities.setCurrentCell(ids.index(keep) if keep in ids else (0 if ids else -1), 0)
        self._show_actions()

    def _outcome_text(self, outcome: str) -> str:
        return {"bereikt": self.tr("bereikt"), "deels": self.tr("deels bereikt"),
                "niet": self.tr("niet bereikt")}.get(outcome, self.tr("nog niet beoordeeld"))

    def _selected_priority(self) -> str | None:
        item = self.priorities.item(self.priorities.currentRow(), 0) if self.priorities.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _priority_view(self) -> svc.PriorityView | None:
        pid = self._selected_priority()
        return next((pv for pv in self.view.priorities if pv.priority.id == pid), None) if self.view else None

    def _show_actions(self) -> None:
        pv = self._priority_view()
        rows = pv.actions if pv is not None else []
        self.actions.setRowCount(len(rows))
        for row, a in enumerate(rows):
            due = f"{a.due.day}-{a.due.month}-{a.due.year}" if a.due else "–"
            if a.overdue:
                due += "  " + self.tr("verlopen")
            for column, text in enumerate((f"{a.street} {a.house_number}".strip(), self.view.item(a.item),
                                           a.party or "–", labels.status_label(a.status.value), due)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, (a.round_id, a.finding_id))
                if column == 4 and a.overdue:
                    item.setForeground(QColor(theme.BELOW))
                self.actions.setItem(row, column, item)

    def _open_action(self, index) -> None:
        data = self.actions.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)
        if data:
            self.openFinding.emit(*data)

    # -- changing ----------------------------------------------------------------------
    def _run(self, use_case, *args, **kwargs) -> bool:
        """A use case without a dialog of its own (move, remove): a refusal is a message."""
        try:
            with self.session.write():
                result = use_case(self.session.project, *args, **kwargs)
        except SchouwError as error:
            show_error(self, error)
            return False
        changes = result[-1] if isinstance(result, tuple) else result
        self.hub.notify(changes, None)
        return True

    def new_cycle(self):
        from schouw.ui.cycle_dialogs import NewCycleDialog

        dialog = NewCycleDialog(self.session, self.hub.notify, self.buurt_combo.currentText(), self, self.today)
        dialog.accepted.connect(lambda: self._fill_cycles(select=dialog.cycle.id if dialog.cycle else None))
        dialog.open()
        return dialog

    def add_priority(self):
        from schouw.ui.cycle_dialogs import PriorityDialog

        if self.view is None:
            return None
        dialog = PriorityDialog(self.session, self.hub.notify, self.view.cycle.id, self)
        dialog.open()
        return dialog

    def set_outcome(self):
        from schouw.ui.cycle_dialogs import OutcomeDialog

        pv = self._priority_view()
        if pv is None:
            return None
        dialog = OutcomeDialog(self.session, self.hub.notify, self.view.cycle.id, pv.priority, self)
        dialog.open()
        return dialog

    def close_cycle(self):
        from schouw.ui.cycle_dialogs import CloseCycleDialog

        if self.view is None:
            return None
        dialog = CloseCycleDialog(self.session, self.hub.notify, self.view.cycle.id, self)
        dialog.open()
        return dialog

    def move(self, step: int) -> None:
        pv = self._priority_view()
        if pv is not None and pv.priority.rank + step >= 1:
            self._run(svc.move_priority, self.view.cycle.id, pv.priority.id, pv.priority.rank + step)

    def remove_priority(self) -> None:
        pv = self._priority_view()
        if pv is not None:
            self._run(svc.remove_priority, self.view.cycle.id, pv.priority.id)

    def save_pdf(self, path: str | None = None) -> Path | None:
        from schouw.services.cycle_report import build_cycle_report
        from schouw.ui.i18n import language

        if self.view is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Evaluatie opslaan"),
                                                  f"evaluatie-{self.view.buurt}.pdf", "PDF (*.pdf)")
            if not path:
                return None
        try:
            result = build_cycle_report(self.session.project, self.view.cycle.id, Path(path),
                                        lang=language(), today=self.today)
        except SchouwError as error:
            show_error(self, error)
            return None
        return result.path

    def _on_changes(self, changes: Changes, _initiator: object | None = None) -> None:
        if changes.cycles or changes.streets:
            self._fill_cycles()
        elif changes.actions or changes.findings:
            self.refresh()


def _day(iso: str) -> str:
    try:
        d = date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day}-{d.month}-{d.year}"

