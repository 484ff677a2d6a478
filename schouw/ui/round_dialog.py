"""Starting a round (buurt, form, date, team) and keeping its team."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import walk
from schouw.services.changes import Changes
from schouw.store.project import Project
from schouw.ui import labels, theme
from schouw.ui.dialogs import show_error
from schouw.ui.widgets import fit_on_screen, label, named, styled


class TeamEditor(QWidget):
    """Type a person (name, organisation, role) and press Enter, or pick someone who
    walked before. ``members()`` gives the team as typed."""

    memberAdded = Signal(object)
    memberRemoved = Signal(object)

    def __init__(self, recent: list[walk.TeamMember], parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "teamEditor", self.tr("Team"))
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setHorizontalSpacing(8)
        self.name_edit = named(QLineEdit(self), "personName", self.tr("Naam deelnemer"))
        self.name_edit.setPlaceholderText(self.tr("Naam"))
        self.org_edit = named(QLineEdit(self), "personOrganisation", self.tr("Organisatie"))
        self.org_edit.setPlaceholderText(self.tr("Organisatie"))
        self.role_combo = named(QComboBox(self), "personRole", self.tr("Rol"))
        for key in labels.role_keys():
            self.role_combo.addItem(labels.role_label(key), key)
        self.add_button = named(QPushButton(self.tr("Toevoegen"), self), "addPerson", self.tr("Deelnemer toevoegen"))
        self.add_button.clicked.connect(self._add_typed)
        for edit in (self.name_edit, self.org_edit):
            edit.returnPressed.connect(self._add_typed)
        layout.addWidget(self.name_edit, 0, 0)
        layout.addWidget(self.org_edit, 0, 1)
        layout.addWidget(self.role_combo, 0, 2)
        layout.addWidget(self.add_button, 0, 3)

        self.table = named(QTableWidget(0, 3, self), "teamTable", self.tr("Deelnemers"))
        self.table.setHorizontalHeaderLabels([self.tr("Naam"), self.tr("Organisatie"), self.tr("Rol")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setMinimumHeight(140)
        layout.addWidget(self.table, 1, 0, 1, 3)
        self.remove_button = named(QPushButton(self.tr("Weghalen"), self), "removePerson",
                                   self.tr("Gekozen deelnemer weghalen"))
        self.remove_button.clicked.connect(self._remove_selected)
        layout.addWidget(self.remove_button, 1, 3, Qt.AlignmentFlag.AlignTop)

        layout.addWidget(label(self.tr("Eerder meegelopen (dubbelklik om toe te voegen)"), "muted"), 2, 0, 1, 4)
        self.recent_list = named(QListWidget(self), "recentPeople", self.tr("Eerder meegelopen"))
        self.recent_list.setMaximumHeight(120)
        for person in recent:
            text = f"{person.name} — {person.organisation or labels.role_label(person.role)}"
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, person)
            self.recent_list.addItem(item)
        self.recent_list.itemActivated.connect(self._add_recent)
        self.recent_list.setVisible(bool(recent))
        layout.addWidget(self.recent_list, 3, 0, 1, 4)
        self._members: list[walk.TeamMember] = []

    def add_member(self, member: walk.TeamMember) -> bool:
        if not member.name.strip():
            return False
        key = (member.name.strip().casefold(), member.organisation.strip().casefold())
        if any((m.name.casefold(), m.organisation.casefold()) == key for m in self._members):
            return False
        member = walk.TeamMember(member.name.strip(), member.organisation.strip(), member.role)
        self._members.append(member)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, text in enumerate((member.name, member.organisation, labels.role_label(member.role))):
            self.table.setItem(row, col, QTableWidgetItem(text))
        self.memberAdded.emit(member)
        return True

    def _add_typed(self) -> None:
        if self.add_member(walk.TeamMember(self.name_edit.text(), self.org_edit.text(),
                                           self.role_combo.currentData())):
            self.name_edit.clear()
            self.org_edit.clear()
        self.name_edit.setFocus()

    def _add_recent(self, item: QListWidgetItem) -> None:
        self.add_member(item.data(Qt.ItemDataRole.UserRole))

    def _remove_selected(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self._members):
            member = self._members.pop(row)
            self.table.removeRow(row)
            self.memberRemoved.emit(member)

    def members(self) -> list[walk.TeamMember]:
        return list(self._members)


class RoundDialog(QDialog):
    """Nieuwe schouwronde: which buurt, which form, when, and who walks."""

    # what was changed in the project (a ``Changes``; for the change hub)
    changesMade = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None = None, buurt_id: str | None = None):
        """``buurt_id``: the buurt to propose (that of the open round: the next round of
        a team is nearly always in the same buurt)."""
        super().__init__(parent)
        named(self, "roundDialog", self.tr("Nieuwe schouwronde"))
        self.setWindowTitle(self.tr("Nieuwe schouwronde"))
        self.project = project
        self.round_id: str | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(label(self.tr("Nieuwe schouwronde"), "heading"))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.buurt_combo = named(QComboBox(self), "roundBuurt", self.tr("Wijk en buurt"))
        for choice in walk.buurt_choices(project):
            self.buurt_combo.addItem(self.tr("{label} (%n straten)", "", choice.streets).format(label=choice.label),
                                     choice.buurt.id)
        if buurt_id is not None and self.buurt_combo.findData(buurt_id) >= 0:
            self.buurt_combo.setCurrentIndex(self.buurt_combo.findData(buurt_id))
        self.form_combo = named(QComboBox(self), "roundForm", self.tr("Schouwformulier"))
        for f in walk.form_choices(project):
            self.form_combo.addItem(f"{f.title} ({f.version})", f.id)
        self.date_edit = named(QDateEdit(QDate.currentDate(), self), "roundDate", self.tr("Datum"))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("d MMMM yyyy")
        self.title_edit = named(QLineEdit(self), "roundTitle", self.tr("Titel"))
        self.title_edit.setPlaceholderText(self.tr("bijv. Jaarschouw Vogelbuurt (leeg: automatisch)"))
        form.addRow(self.tr("Wijk / buurt"), self.buurt_combo)
        form.addRow(self.tr("Formulier"), self.form_combo)
        form.addRow(self.tr("Datum"), self.date_edit)
        form.addRow(self.tr("Titel"), self.title_edit)
        self._add_kind_rows(form)
        layout.addLayout(form)
        layout.addWidget(label(self.tr("Team"), "fieldLabel"))
        self.team = TeamEditor(walk.recent_people(project), self)
        layout.addWidget(self.team, 1)
        self.buttons = QDialogButtonBox(self)
        self.start_button = styled(named(QPushButton(self.tr("Ronde starten"), self), "startRound",
                                         self.tr("Ronde starten")), role="primary")
        self.buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(cancel, "cancelRound", self.tr("Annuleren"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.start_button.setDefault(False)
        self.start_button.setAutoDefault(False)
        self.start_button.setEnabled(self.buurt_combo.count() > 0 and self.form_combo.count() > 0)
        fit_on_screen(self, 720, 640)

    def accept(self) -> None:
        qdate = self.date_edit.date()
        try:
            with self.project.write():
                round_ = walk.start_round(
                    self.project, buurt_id=self.buurt_combo.currentData(), form_id=self.form_combo.currentData(),
                    when=date(qdate.year(), qdate.month(), qdate.day()), title=self.title_edit.text(),
                    team=self.team.members(), **self.kind_options())
        except SchouwError as error:
            if not self.show_field_error(error):
                show_error(self, error)
            return
        self.round_id = round_.id
        self.changesMade.emit(Changes(rounds=True, round_ids=frozenset({round_.id})))
        super().accept()


    # -- kind of round (issue #17): knelpuntenschouw or meting ------------------------------------
    def _add_kind_rows(self, form: QFormLayout) -> None:
        """Kind, and for a meting the number of points and the seed; a refusal of the
        use case appears under the field it is about (``show_field_error``)."""
        from PySide6.QtWidgets import QSpinBox

        from schouw.services.rounds import DEFAULT_POINTS

        self.kind_combo = named(QComboBox(self), "roundKind", self.tr("Soort ronde"))
        self.kind_combo.addItem(self.tr("Knelpuntenschouw (telt problemen)"), "knelpunten")
        self.kind_combo.addItem(self.tr("Meting (willekeurige schouwpunten, aandeel op norm)"), "meting")
        self.points_spin = named(QSpinBox(self), "roundPoints", self.tr("Aantal schouwpunten"))
        self.points_spin.setRange(0, 100000)
        self.points_spin.setValue(DEFAULT_POINTS)
        self.seed_edit = named(QLineEdit(self), "roundSeed", self.tr("Startgetal van de trekking"))
        self.seed_edit.setPlaceholderText(self.tr("leeg: willekeurig (wordt bewaard bij de ronde)"))
        self.errors: dict[str, QLabel] = {}
        for key, name in (("form", "roundFormError"), ("points", "roundPointsError"), ("seed", "roundSeedError")):
            error = label("", None, self)
            named(error, name, self.tr("Foutmelding"))
            error.setWordWrap(True)
            theme.colour_text(error, theme.BELOW)
            error.hide()
            self.errors[key] = error
        form.addRow("", self.errors["form"])
        form.addRow(self.tr("Soort"), self.kind_combo)
        # points and seed on one row: the dialog must still fit a 1366×768 screen at 125 %
        self.meting_row = QWidget(self)
        row = QGridLayout(self.meting_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.points_spin, 0, 0)
        row.addWidget(label(self.tr("Startgetal"), None, self.meting_row), 0, 1)
        row.addWidget(self.seed_edit, 0, 2)
        row.setColumnStretch(2, 1)
        row.addWidget(self.errors["points"], 1, 0, 1, 3)
        row.addWidget(self.errors["seed"], 2, 0, 1, 3)
        form.addRow(self.tr("Schouwpunten"), self.meting_row)
        self._kind_form = form
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.points_spin.valueChanged, self.seed_edit.textChanged,
                       self.form_combo.currentIndexChanged, self.buurt_combo.currentIndexChanged):
            signal.connect(self._clear_errors)
        self._kind_changed()

    def _kind_changed(self, *_args) -> None:
        meting = self.kind_combo.currentData() == "meting"
        self._kind_form.setRowVisible(self.meting_row, meting)
        self._clear_errors()

    def _clear_errors(self, *_args) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()
        self._kind_form.setRowVisible(self.errors["form"], False)

    def kind_options(self) -> dict:
        """What goes to the use case besides buurt, form and date. A seed that is no
        whole number is refused here, under its field, before anything is made."""
        if self.kind_combo.currentData() != "meting":
            return {"kind": "knelpunten"}
        text = self.seed_edit.text().strip()
        if text and not text.lstrip("-").isdigit():
            raise SchouwError("round_bad_seed", seed=text)
        return {"kind": "meting", "points": self.points_spin.value(), "seed": int(text) if text else None}

    def show_field_error(self, error: SchouwError) -> bool:
        """Show a refusal under the field it is about; False when it belongs to no field."""
        key = {"sample_too_small": "points", "sample_too_large": "points", "round_bad_seed": "seed",
               "meting_needs_levels": "form"}.get(error.key)
        if key is None:
            return False
        self._clear_errors()
        self.errors[key].setText(error.message())
        if key == "form":
            self._kind_form.setRowVisible(self.errors[key], True)
        self.errors[key].show()
        return True


class TeamDialog(QDialog):
    """The team of the open round: add or take away people; saved at once."""

    # what was changed in the project (a ``Changes``; for the change hub)
    changesMade = Signal(object)

    def __init__(self, project: Project, round_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "teamDialog", self.tr("Team van de ronde"))
        self.setWindowTitle(self.tr("Team van de ronde"))
        self.project = project
        self.round_id = round_id
        layout = QVBoxLayout(self)
        self.team = TeamEditor(walk.recent_people(project), self)
        self._ids: dict[tuple[str, str], str] = {}
        for person in project.rounds.participants(round_id):
            self.team.add_member(walk.TeamMember(person.name, person.organisation, person.role))
            self._ids[(person.name, person.organisation)] = person.id
        # Every change is saved straight away, like everything else in the app.
        self.team.memberAdded.connect(self._added)
        self.team.memberRemoved.connect(self._removed)
        layout.addWidget(self.team)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        named(buttons.button(QDialogButtonBox.StandardButton.Close), "closeTeam", self.tr("Sluiten"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 680, 480)

    def _added(self, member: walk.TeamMember) -> None:
        from schouw.services.rounds import add_participant

        try:
            with self.project.write():
                person = add_participant(self.project, self.round_id, member.name, member.organisation, member.role)
        except SchouwError as error:
            show_error(self, error)
            return
        self._ids[(person.name, person.organisation)] = person.id
        self.changesMade.emit(Changes(rounds=True, round_ids=frozenset({self.round_id})))

    def _removed(self, member: walk.TeamMember) -> None:
        participant_id = self._ids.pop((member.name, member.organisation), None)
        if participant_id:
            from schouw.services.rounds import remove_participant

            with self.project.write():
                remove_participant(self.project, self.round_id, participant_id)
            self.changesMade.emit(Changes(rounds=True, round_ids=frozenset({self.round_id})))


def ask_round(project: Project, parent: QWidget | None) -> RoundDialog:
    dialog = RoundDialog(project, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    return dialog


