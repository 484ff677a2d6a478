"""The *Kwaliteitsprofiel* dialog: the norm per aspect and area type, the target shares
and the change log, editable by the coordinator.

Every edit calls a use case of :mod:`schouw.services.profiles` (the same as
`schouw profiles set-norm`/`set-target`/`use`), which validates, saves and logs it; the
dialog only shows the result. ``changed`` tells the main window to refresh the walk's
below-norm marks. *Ongedaan maken* puts back the values of the last edit made here
(logged as a change of its own, so the log stays complete).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.forms import Form
from schouw.domain.levels import Level
from schouw.domain.profile import AREA_TYPES
from schouw.domain.profile_edit import GAP, ProfileChange
from schouw.messages import SchouwError
from schouw.services import profiles as svc
from schouw.store.project import Project
from schouw.ui import labels
from schouw.ui.dialogs import show_error
from schouw.ui.widgets import fit_on_screen, label, named

#: Item data: (scope, name) of the norm a row sets.
SCOPE_ROLE = Qt.ItemDataRole.UserRole + 1
#: Text for "no norm of its own here: the more general one applies".
CLEAR = "-"


class _LevelDelegate(QStyledItemDelegate):
    """Edits a norm cell with a list of the profile's levels (never D); aspect and
    element rows also offer "inherit" (clear the norm of their own)."""

    def __init__(self, dialog: ProfileDialog):
        super().__init__(dialog)
        self.dialog = dialog

    def createEditor(self, parent, option, index):  # noqa: N802 - Qt API
        combo = named(QComboBox(parent), "normEditor", QCoreApplication.translate("ProfileDialog", "Norm"))
        scope = (index.siblingAtColumn(0).data(SCOPE_ROLE) or "").partition("|")[0]
        for level in self.dialog.profile.levels:
            if level is not Level.D:
                combo.addItem(f"{level.value} – {self.dialog.profile.label(level)}", level.value)
        if scope and scope != "default":
            combo.addItem(QCoreApplication.translate("ProfileDialog", "(overnemen)"), CLEAR)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802 - Qt API
        found = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
        editor.setCurrentIndex(max(0, found))

    def setModelData(self, editor, model, index):  # noqa: N802 - Qt API
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ProfileDialog(QDialog):
    """Norms of the round's form under the project's profile, target shares, change log."""

    #: The profile changed (the walk must re-read its norms).
    changed = Signal()

    def __init__(self, project: Project, form: Form | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "profileDialog", self.tr("Kwaliteitsprofiel"))
        self.setWindowTitle(self.tr("Kwaliteitsprofiel"))
        self.project = project
        self.row_id, self.profile = svc.project_profile(project)
        forms = [f for f in svc.known_forms(project) if any(a.has_level for _, a in f.items())]
        self.form = form if form is not None and any(a.has_level for _, a in form.items()) else (
            forms[0] if forms else None)
        self._undo: list[list[ProfileChange]] = []
        self._filling = False

        layout = QVBoxLayout(self)
        self.title = label("", "heading", self)
        layout.addWidget(self.title)
        self.tabs = named(QTabWidget(self), "profileTabs", self.tr("Onderdelen van het profiel"))
        layout.addWidget(self.tabs, 1)

        # -- norms ------------------------------------------------------------------------
        self.table = named(QTableWidget(0, 1 + len(AREA_TYPES), self), "normTable",
                           self.tr("Normen per aspect en gebiedstype"),
                           self.tr("Kies een cel en druk op F2 om de norm te wijzigen"))
        self.table.setHorizontalHeaderLabels([self.tr("Onderdeel")] + [labels.area_type_label(a) for a in AREA_TYPES])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 1 + len(AREA_TYPES)):
            self.table.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.setItemDelegate(_LevelDelegate(self))
        self.table.itemChanged.connect(self._cell_changed)
        norms = QWidget(self)
        norms_layout = QVBoxLayout(norms)
        norms_layout.addWidget(self.table, 1)
        norms_layout.addWidget(label(self.tr("Vet: een eigen norm. Cursief: overgenomen van het element of de "
                                             "basisnorm. Dubbelklik of F2 om te wijzigen; D is nooit een norm."),
                                     "muted", norms))
        self.tabs.addTab(norms, self.tr("Normen"))

        # -- targets ----------------------------------------------------------------------
        targets = QWidget(self)
        form_layout = QFormLayout(targets)
        self.target_spins: dict[str | None, QDoubleSpinBox] = {}
        for category, text in ((None, self.tr("Streefwaarde (algemeen)")), ("totaal", self.tr("Streefwaarde totaal")),
                               ("schoon", self.tr("Streefwaarde schoon")), ("heel", self.tr("Streefwaarde heel"))):
            spin = named(QDoubleSpinBox(targets), f"target_{category or 'all'}", text)
            spin.setRange(0, 100)
            spin.setDecimals(1)
            spin.setSuffix(" %")
            spin.editingFinished.connect(lambda c=category, s=spin: self._target_changed(c, s))
            self.target_spins[category] = spin
            form_layout.addRow(text, spin)
        self.tabs.addTab(targets, self.tr("Streefwaarden"))

        # -- change log -------------------------------------------------------------------
        self.log_table = named(QTableWidget(0, 6, self), "profileLog", self.tr("Wijzigingen van het profiel"))
        self.log_table.setHorizontalHeaderLabels([self.tr("Wanneer"), self.tr("Wie"), self.tr("Wat"),
                                                  self.tr("Gebiedstype"), self.tr("Oud"), self.tr("Nieuw")])
        self.log_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.log_table.verticalHeader().setVisible(False)
        self.log_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.log_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.tabs.addTab(self.log_table, self.tr("Wijzigingen"))

        buttons = QHBoxLayout()
        self.import_button = named(QPushButton(self.tr("&Importeren…"), self), "profileImport",
                                   self.tr("Profielbestand importeren"))
        self.import_button.clicked.connect(self._choose_file)
        self.undo_button = named(QPushButton(self.tr("&Ongedaan maken"), self), "profileUndo",
                                 self.tr("Laatste wijziging ongedaan maken"))
        self.undo_button.clicked.connect(self.undo)
        box = named(QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self), "profileButtons",
                    self.tr("Knoppen"))
        box.rejected.connect(self.reject)
        named(box.button(QDialogButtonBox.StandardButton.Close), "profileClose", self.tr("Sluiten"))
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        buttons.addWidget(box)
        layout.addLayout(buttons)
        fit_on_screen(self, 900, 620)
        self.reload()

    # -- showing ------------------------------------------------------------------------
    def reload(self) -> None:
        self.row_id, self.profile = svc.project_profile(self.project, self.row_id)
        self.title.setText(self.tr("{name} — normen voor {form}").format(
            name=self.profile.name, form=self.form.title if self.form else "–"))
        self._fill_norms()
        for category, spin in self.target_spins.items():
            spin.blockSignals(True)
            value = self.profile.target if category is None else self.profile.target_for(category)
            spin.setValue(round(value * 100, 1))
            spin.blockSignals(False)
        self._fill_log()
        self.undo_button.setEnabled(bool(self._undo))

    def _item(self, row: int, col: int) -> QTableWidgetItem:
        """The cell's item, made once: refreshing changes items in place, because the
        refresh runs inside the table's own itemChanged signal, where deleting the item
        being edited would leave Qt with a dangling pointer."""
        item = self.table.item(row, col)
        if item is None:
            item = QTableWidgetItem()
            self.table.setItem(row, col, item)
        return item

    def _row(self, row: int, text: str, scope: tuple[str, str], cells: dict[str, tuple[Level | None, bool]],
             bold: bool = False) -> None:
        if row >= self.table.rowCount():
            self.table.insertRow(row)
        head = self._item(row, 0)
        head.setText(text)
        head.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        head.setData(SCOPE_ROLE, "|".join(scope))
        font = QFont(self.table.font())
        font.setBold(bold)
        head.setFont(font)
        for col, area_type in enumerate(AREA_TYPES, start=1):
            level, own = cells[area_type]
            item = self._item(row, col)
            item.setData(Qt.ItemDataRole.EditRole, level.value if level else "")
            cell_font = QFont(self.table.font())
            cell_font.setBold(own)
            cell_font.setItalic(not own)
            item.setFont(cell_font)
            item.setToolTip(self.tr("Eigen norm") if own else self.tr("Overgenomen van element of basisnorm"))
            item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)

    def _fill_norms(self) -> None:
        self._filling = True
        try:
            p = self.profile
            self._row(0, self.tr("Basisnorm (alle aspecten)"), ("default", ""),
                      {a: (p.default_norm.get(a), a in p.default_norm) for a in AREA_TYPES}, bold=True)
            n = 1
            rows = svc.norm_rows(self.form, p) if self.form is not None else []
            seen: set[str] = set()
            for r in rows:
                if r.element_id not in seen:
                    seen.add(r.element_id)
                    own = p.element_norms.get(r.element_id, {})
                    self._row(n, r.element_name, ("element", r.element_id),
                              {a: (own.get(a) or p.default_norm.get(a), a in own) for a in AREA_TYPES}, bold=True)
                    n += 1
                self._row(n, "    " + r.aspect_name, ("aspect", r.key),
                          {a: (c.level, c.origin == "aspect") for a, c in r.cells.items()})
                n += 1
            self.table.setRowCount(n)
        finally:
            self._filling = False

    def _fill_log(self) -> None:
        changes = list(reversed(self.project.profile_log.changes(self.row_id)))
        self.log_table.setRowCount(len(changes))
        for row, c in enumerate(changes):
            values = [c.at[:16].replace("T", " "), c.who, self._what(c.key),
                      labels.area_type_label(c.area_type) if c.area_type else "", c.old or "–", c.new or "–"]
            for col, value in enumerate(values):
                self.log_table.setItem(row, col, QTableWidgetItem(value))

    def _what(self, key: str) -> str:
        """A change's key as a coordinator reads it: element and aspect names from the
        form where known (the CLI log shows the key itself)."""
        scope, _, name = key.partition(":")
        if scope == GAP:
            return self.tr("Gewijzigd buiten dit logboek (oudere versie of pakket)")
        if scope == "default":
            return self.tr("Basisnorm")
        if scope == "target":
            return self.tr("Streefwaarde {category}").format(category=name).strip()
        if scope in ("element", "aspect") and self.form is not None:
            element_id, _, aspect_id = name.partition(".")
            element = next((e for e in self.form.elements if e.id == element_id), None)
            if element is not None and scope == "element":
                return self.tr("{element} (element)").format(element=element.name)
            aspect = next((a for a in element.aspects if a.id == aspect_id), None) if element else None
            if aspect is not None:
                return f"{element.name} — {aspect.name}"
        return key

    # -- editing --------------------------------------------------------------------------
    def _apply(self, call, *args, **kwargs) -> bool:
        try:
            changes = call(self.project, *args, **kwargs)
        except SchouwError as error:
            show_error(self, error)
            self.reload()
            return False
        if changes:
            self._undo.append(changes)
            self.changed.emit()
        self.reload()
        return bool(changes)

    def _cell_changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() == 0:
            return
        scope, _, name = self.table.item(item.row(), 0).data(SCOPE_ROLE).partition("|")
        value = item.data(Qt.ItemDataRole.EditRole) or ""
        area_type = AREA_TYPES[item.column() - 1]
        self._apply(svc.set_norm, scope=scope, name=name, level=value, area_types=[area_type],
                    profile_id=self.row_id, source="dialoog")

    def set_norm(self, scope: str, name: str, area_type: str, level: str) -> bool:
        """Change one norm as the table does (for keyboard users and tests)."""
        return self._apply(svc.set_norm, scope=scope, name=name, level=level, area_types=[area_type],
                           profile_id=self.row_id, source="dialoog")

    def _target_changed(self, category: str | None, spin: QDoubleSpinBox) -> None:
        current = self.profile.target if category is None else self.profile.target_for(category)
        value = round(spin.value() / 100, 4)
        if abs(value - current) < 1e-9:
            return
        self._apply(svc.set_target, value, category=category, profile_id=self.row_id, source="dialoog")

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Profielbestand importeren"), "",
                                              self.tr("Kwaliteitsprofiel (*.toml)"))
        if path:
            self.import_file(path)

    def import_file(self, path: str) -> bool:
        """Apply a profile file to the project's profile; every difference is logged."""
        return self._apply(svc.use_profile, path, self.row_id)

    def undo(self) -> None:
        if not self._undo:
            return
        last = self._undo.pop()
        try:
            for change in reversed(last):
                svc.undo_change(self.project, change, self.row_id)
        except SchouwError as error:
            show_error(self, error)
        self.changed.emit()
        self.reload()

    def profile_row(self, scope: str, name: str) -> int:
        """The table row that sets this norm (-1 when not shown)."""
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(SCOPE_ROLE) == f"{scope}|{name}":
                return row
        return -1

