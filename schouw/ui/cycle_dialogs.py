"""The small dialogs of the *Trajecten* window: start a traject, add a priority, record a
priority's outcome, close the traject. Each calls one use case of
:mod:`schouw.services.cycles` (the same as ``schouw cycles``); a refusal is shown in red
under the form, the dialog stays open and nothing is changed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import cycles as svc
from schouw.ui import theme
from schouw.ui.widgets import label, named


class _UseCaseDialog(QDialog):
    """A form with OK/Cancel and an error line; ``run()`` does the use case."""

    def __init__(self, session, notify, name: str, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, name, title)
        self.setWindowTitle(title)
        self.session, self.notify = session, notify
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.error = named(label("", None, self), name + "Error", self.tr("Foutmelding"))
        self.error.setWordWrap(True)
        theme.colour_text(self.error, theme.BELOW)
        self.error.hide()
        self.layout_.addWidget(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.layout_.addWidget(self.buttons)

    def run(self):  # pragma: no cover - each dialog has its own
        raise NotImplementedError

    def accept(self) -> None:
        """Run the use case in one write; on a refusal show why and stay open."""
        try:
            with self.session.write():
                changes = self.run()
        except SchouwError as error:
            self.error.setText(error.message())
            self.error.show()
            return
        self.notify(changes, self)
        super().accept()


class NewCycleDialog(_UseCaseDialog):
    def __init__(self, session, notify, buurt: str, parent: QWidget | None = None, today: date | None = None):
        super().__init__(session, notify, "newCycleDialog", self.tr("Nieuw traject"), parent)
        self.buurt = buurt
        start = today or date.today()
        self.start_edit = named(QDateEdit(QDate(start.year, start.month, start.day), self), "cycleStart",
                                self.tr("Startdatum"))
        self.start_edit.setCalendarPopup(True)
        self.start_edit.setDisplayFormat("dd-MM-yyyy")
        self.weeks_spin = named(QSpinBox(self), "cycleWeeks", self.tr("Aantal weken"))
        self.weeks_spin.setRange(0, 104)
        self.weeks_spin.setValue(10)
        self.title_edit = named(QLineEdit(self), "cycleTitle", self.tr("Titel van het traject"))
        self.title_edit.setPlaceholderText(self.tr("leeg: Traject {buurt} en de startdatum").replace("{buurt}", buurt))
        from PySide6.QtWidgets import QCheckBox

        self.carry_check = named(QCheckBox(self.tr("Niet bereikte prioriteiten van het vorige traject overnemen"),
                                           self), "cycleCarry", self.tr("Prioriteiten overnemen"))
        self.carry_check.setChecked(True)
        self.form.addRow(self.tr("Buurt"), QLabel(buurt, self))
        self.form.addRow(self.tr("Start"), self.start_edit)
        self.form.addRow(self.tr("Weken"), self.weeks_spin)
        self.form.addRow(self.tr("Titel"), self.title_edit)
        self.form.addRow("", self.carry_check)
        self.cycle = None

    def run(self):
        self.cycle, changes = svc.start_cycle(
            self.session.project, buurt=self.buurt, start=self.start_edit.date().toPython(),
            weeks=self.weeks_spin.value(), title=self.title_edit.text(), carry_over=self.carry_check.isChecked())
        return changes


class PriorityDialog(_UseCaseDialog):
    """A priority: its title, and what it is about — a free theme, an item of the form, or
    findings of the buurt (ticked in the list)."""

    def __init__(self, session, notify, cycle_id: str, parent: QWidget | None = None):
        super().__init__(session, notify, "priorityDialog", self.tr("Prioriteit toevoegen"), parent)
        self.cycle_id = cycle_id
        project = session.project
        self.title_edit = named(QLineEdit(self), "priorityTitle", self.tr("Titel van de prioriteit"))
        self.kind_combo = named(QComboBox(self), "priorityKind", self.tr("Waar gaat de prioriteit over"))
        self.kind_combo.addItem(self.tr("Een thema"), "thema")
        self.kind_combo.addItem(self.tr("Een onderdeel van het formulier"), "aspect")
        self.kind_combo.addItem(self.tr("Bevindingen in de buurt"), "bevinding")
        self.theme_edit = named(QLineEdit(self), "priorityTheme", self.tr("Thema"))
        self.aspect_combo = named(QComboBox(self), "priorityAspect", self.tr("Onderdeel van het formulier"))
        for key, text in svc.aspect_choices(project):
            self.aspect_combo.addItem(text, key)
        self.findings_list = named(QListWidget(self), "priorityFindings", self.tr("Bevindingen om te koppelen"))
        for fact in svc.buurt_findings(project, cycle_id):
            item = QListWidgetItem(f"{fact['round_date']}  {fact['street']}  {fact['label']}"
                                   + (f"  ({fact['level']})" if fact["level"] else ""))
            item.setData(Qt.ItemDataRole.UserRole, fact["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.findings_list.addItem(item)
        self.form.addRow(self.tr("Titel"), self.title_edit)
        self.form.addRow(self.tr("Over"), self.kind_combo)
        self.form.addRow(self.tr("Thema"), self.theme_edit)
        self.form.addRow(self.tr("Onderdeel"), self.aspect_combo)
        self.form.addRow(self.tr("Bevindingen"), self.findings_list)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.priority = None

    def _kind_changed(self, *_args) -> None:
        kind = self.kind_combo.currentData()
        self.form.setRowVisible(self.theme_edit, kind == "thema")
        self.form.setRowVisible(self.aspect_combo, kind == "aspect")
        self.form.setRowVisible(self.findings_list, kind == "bevinding")
        self.error.hide()

    def checked_findings(self) -> list[str]:
        return [self.findings_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.findings_list.count())
                if self.findings_list.item(i).checkState() == Qt.CheckState.Checked]

    def run(self):
        kind = self.kind_combo.currentData()
        if kind == "bevinding" and not self.checked_findings():
            raise SchouwError("cycle_priority_no_findings")
        self.priority, changes = svc.add_priority(
            self.session.project, self.cycle_id, title=self.title_edit.text(),
            findings=self.checked_findings() if kind == "bevinding" else [],
            aspect=self.aspect_combo.currentData() if kind == "aspect" else None,
            theme=self.theme_edit.text() if kind == "thema" else "")
        return changes


class OutcomeDialog(_UseCaseDialog):
    def __init__(self, session, notify, cycle_id: str, priority, parent: QWidget | None = None):
        super().__init__(session, notify, "outcomeDialog", self.tr("Uitkomst van de prioriteit"), parent)
        self.cycle_id, self.priority = cycle_id, priority
        self.outcome_combo = named(QComboBox(self), "priorityOutcome", self.tr("Uitkomst"))
        for value, text in (("bereikt", self.tr("Bereikt")), ("deels", self.tr("Deels bereikt")),
                            ("niet", self.tr("Niet bereikt"))):
            self.outcome_combo.addItem(text, value)
        if priority.outcome is not None:
            self.outcome_combo.setCurrentIndex(self.outcome_combo.findData(priority.outcome.value))
        self.note_edit = named(QPlainTextEdit(priority.outcome_note, self), "priorityOutcomeNote",
                               self.tr("Toelichting bij de uitkomst"))
        self.note_edit.setTabChangesFocus(True)
        self.form.addRow(self.tr("Prioriteit"), QLabel(f"{priority.rank}. {priority.title}", self))
        self.form.addRow(self.tr("Uitkomst"), self.outcome_combo)
        self.form.addRow(self.tr("Toelichting"), self.note_edit)

    def run(self):
        _, changes = svc.evaluate(self.session.project, self.cycle_id, self.priority.id,
                                  self.outcome_combo.currentData(), self.note_edit.toPlainText())
        return changes


class CloseCycleDialog(_UseCaseDialog):
    def __init__(self, session, notify, cycle_id: str, parent: QWidget | None = None):
        super().__init__(session, notify, "closeCycleDialog", self.tr("Traject afsluiten"), parent)
        self.cycle_id = cycle_id
        intro = label(self.tr("Na het afsluiten kan de evaluatie niet meer veranderen. Wat niet of deels is "
                              "bereikt, komt terug in het volgende traject."), None, self)
        intro.setWordWrap(True)
        self.note_edit = named(QPlainTextEdit(self), "cycleEvaluationNote", self.tr("Evaluatie van het traject"))
        self.note_edit.setTabChangesFocus(True)
        self.form.addRow(intro)
        self.form.addRow(self.tr("Evaluatie"), self.note_edit)

    def run(self):
        _, changes = svc.close_cycle(self.session.project, self.cycle_id, self.note_edit.toPlainText())
        return changes
