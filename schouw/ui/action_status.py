"""The status of a finding's action, set by hand, with its history underneath: embedded
in the finding editor (and used by the *Actiepunten* view through the same command).

The widget holds no rules: it calls ``services.actions.set_status`` (the CLI's use case)
and shows the user error it raises. Every change is a QUndoStack step; undoing it adds a
history entry back to the previous status (the history stays append-only). An action
sent to the municipality's MOR system is shown read-only: its status comes from there.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.actions import MANUAL_STATUSES, ActionStatus
from schouw.messages import SchouwError
from schouw.services import actions as svc
from schouw.services.changes import Changes
from schouw.ui import labels
from schouw.ui.undo import SessionCommand
from schouw.ui.widgets import label, named

Notify = Callable[[Changes, object], None]


class ActionStatusCommand(SessionCommand):
    """One status change set by hand; undo adds an entry back to the status before."""

    def __init__(self, session, finding_id: str, before: ActionStatus, target: ActionStatus, note: str,
                 on_date: date | None, text: str, notify: Notify | None = None):
        super().__init__(session, text)
        self.finding_id, self.before, self.target = finding_id, before, target
        self.note, self.on_date, self.notify = note, on_date, notify

    def _done(self) -> None:
        s = self.session
        round_id = s.project.findings.one(self.finding_id, include_deleted=True).round_id
        s.findingEdited.emit(self.finding_id)
        if self.notify is not None:
            self.notify(Changes(actions=True, round_ids=frozenset({round_id})), s)

    def undo(self) -> None:
        s = self.session
        with s.write():
            svc.undo_status(s.project, self.finding_id, self.before)
        self._done()

    def apply(self) -> None:
        s = self.session
        with s.write():
            svc.set_status(s.project, self.finding_id, self.target, note=self.note, on_date=self.on_date)
        self._done()


def set_status_undoable(session, finding_id: str, target: ActionStatus, note: str, on_date: date | None,
                        text: str, notify: Notify | None = None) -> bool:
    """Set the status through the use case and push the undo step; a user error goes to
    the session's ``failed`` signal (shown in the window) and nothing changes."""
    result = session.run(svc.set_status, session.project, finding_id, target, note=note, on_date=on_date)
    if result is None:
        return False
    before, _event = result
    command = ActionStatusCommand(session, finding_id, before, target, note, on_date, text, notify)
    session.undo_stack.push(command)
    command._done()
    return True


class ActionStatusPanel(QWidget):
    """Status, date and note for the open finding's action, and its history."""

    # a status was set (finding id)
    statusSet = Signal(str)

    def __init__(self, session, notify: Notify | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "actionStatusPanel", self.tr("Status van het actiepunt"))
        self.session = session
        self.notify = notify
        self.finding_id: str | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.state_label = named(label("", "fieldLabel"), "actionState", self.tr("Huidige status"))
        self.state_label.setWordWrap(True)
        layout.addWidget(self.state_label)
        row = QHBoxLayout()
        self.status_combo = named(QComboBox(self), "actionStatus", self.tr("Nieuwe status"))
        for status in MANUAL_STATUSES:
            self.status_combo.addItem(labels.status_label(status.value), status.value)
        self.date_edit = named(QDateEdit(self), "actionStatusDate", self.tr("Datum van de wijziging"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d-M-yyyy")
        self.date_edit.setDate(QDate.currentDate())
        self.note_edit = named(QLineEdit(self), "actionStatusNote", self.tr("Toelichting bij de status"))
        self.note_edit.setPlaceholderText(self.tr("toelichting (verplicht bij afgewezen)"))
        self.note_edit.returnPressed.connect(self.apply)
        self.set_button = named(QPushButton(self.tr("Status zetten"), self), "actionStatusSet",
                                self.tr("Status zetten"), self.tr("Zet de gekozen status; Ctrl+Z maakt het ongedaan"))
        self.set_button.clicked.connect(self.apply)
        row.addWidget(self.status_combo)
        row.addWidget(self.date_edit)
        row.addWidget(self.set_button)
        layout.addLayout(row)
        layout.addWidget(self.note_edit)
        self.history_label = named(QLabel(self), "actionHistory", self.tr("Geschiedenis van het actiepunt"))
        self.history_label.setWordWrap(True)
        self.history_label.setTextFormat(Qt.TextFormat.PlainText)
        self.history_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        theme_muted(self.history_label)
        layout.addWidget(self.history_label)

    def show_finding(self, finding_id: str | None) -> None:
        """Show the action of ``finding_id`` (hidden when it has none)."""
        self.finding_id = finding_id
        row = None
        if finding_id:
            try:
                row = svc.action_row(self.session.project, finding_id)
            except SchouwError:
                row = None
        self.setVisible(row is not None)
        if row is None:
            return
        state = self.tr("Status: {status}").format(status=labels.status_label(row.status.value))
        if row.status_reason:
            state += f" — {row.status_reason}"
        if row.overdue:
            state += "  " + self.tr("(verlopen)")
        if row.mor_owned:
            state += "\n" + self.tr("status komt van de gemeente")
        self.state_label.setText(state)
        for widget in (self.status_combo, self.date_edit, self.note_edit, self.set_button):
            widget.setEnabled(not row.mor_owned)
        self.date_edit.setMinimumDate(QDate(row.round_date.year, row.round_date.month, row.round_date.day))
        lines = []
        for e in reversed(row.history):
            when = e.at[:16].replace("T", " ")
            step = (f"{labels.status_label(e.from_status.value)} → " if e.from_status else "") \
                + labels.status_label(e.status.value)
            day = f" ({e.on_date.day}-{e.on_date.month}-{e.on_date.year})" if e.on_date else ""
            note = f": {e.note}" if e.note else ""
            lines.append(f"{when}  {e.who or e.updated_by}  {step}{day}{note}")
        self.history_label.setText("\n".join(lines))

    def apply(self) -> None:
        if not self.finding_id:
            return
        target = ActionStatus(self.status_combo.currentData())
        d = self.date_edit.date()
        when = date(d.year(), d.month(), d.day())
        if set_status_undoable(self.session, self.finding_id, target, self.note_edit.text(), when,
                               self.tr("Status actiepunt: {status}").format(status=labels.status_label(target.value)),
                               self.notify):
            self.note_edit.clear()
            self.show_finding(self.finding_id)
            self.statusSet.emit(self.finding_id)


def theme_muted(widget: QWidget) -> None:
    from schouw.ui import theme

    widget.setProperty("role", "muted")
    theme.text_role(widget, "muted")
