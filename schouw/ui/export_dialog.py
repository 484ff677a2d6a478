"""Exportpakket maken, pakket importeren, and the conflicts a merge left behind.

Export and import run on Qt's thread pool with their own connection to the project
(``Project.for_thread()``) and report progress through signals, so the window never
freezes on a round with thousands of photos; Annuleren stops them between two steps
(an export leaves no half file, an import that is cancelled changes nothing). The
widgets only call ``schouw.services.exchange``; no rule lives here.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import exchange
from schouw.services.changes import Changes
from schouw.store.project import Project
from schouw.ui import labels
from schouw.ui.times import local_time
from schouw.ui.widgets import fit_on_screen, named
from schouw.ui.workers import ProjectTask, start_task

log = logging.getLogger(__name__)

STAGES = {"foto's": "Foto's inpakken…", "controleren": "Pakket controleren…", "samenvoegen": "Samenvoegen…",
          "foto's afwerken": "Foto's afwerken…"}


class _TaskDialog(QDialog):
    """Shared progress/cancel behaviour of the export and import dialogs."""

    finished_task = Signal(bool)
    # what the finished task changed in the project (a ``Changes``; for the hub)
    changesMade = Signal(object)

    def __init__(self, project: Project, parent: QWidget | None, prefix: str):
        super().__init__(parent)
        self.project = project
        self.task: ProjectTask | None = None
        self.result_value: Any = None
        self.error_text = ""
        self.progress = named(QProgressBar(self), f"{prefix}Progress", self.tr("Voortgang"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = named(QLabel("", self), f"{prefix}Status", self.tr("Status"))
        self.status.setWordWrap(True)
        self.start_button = QPushButton(self)
        self.close_button = named(QPushButton(self.tr("Sluiten"), self), f"{prefix}Cancel",
                                   self.tr("Annuleren of sluiten"))
        self.close_button.clicked.connect(self._cancel_or_close)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button)
        row.addWidget(self.close_button)
        return row

    def _run(self, work) -> None:
        self.result_value = None
        self.error_text = ""
        self.task = ProjectTask(self.project, work)
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.done.connect(self._on_done)
        self.task.signals.failed.connect(self._on_failed)
        self.start_button.setEnabled(False)
        self.close_button.setText(self.tr("Annuleren"))
        self.progress.setRange(0, 0)
        start_task(self.task)

    def _on_progress(self, done: int, total: int, stage: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))
        self.status.setText(self.tr(STAGES.get(stage, stage)))

    def _finish(self) -> None:
        self.start_button.setEnabled(True)
        self.close_button.setText(self.tr("Sluiten"))
        self.task = None

    def _on_done(self, result: Any) -> None:
        self.result_value = result
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self._finish()
        self.status.setText(self.describe(result))
        self.changesMade.emit(self.changes_of(result))
        self.finished_task.emit(True)

    def _on_failed(self, message: str) -> None:
        self.error_text = message
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self._finish()
        self.status.setText(message)
        self.finished_task.emit(False)

    def describe(self, result: Any) -> str:  # pragma: no cover - overridden
        return ""

    def changes_of(self, result: Any) -> Changes:
        """What the task's use case changed; an export changes nothing a view shows."""
        return Changes.NONE

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Afbreken…"))
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.finished.wait(30)
        super().reject()


class ExportDialog(_TaskDialog):
    """Exportpakket maken: one round to a ZIP for the municipality or the coordinator."""

    def __init__(self, project: Project, round_id: str | None = None, parent: QWidget | None = None):
        super().__init__(project, parent, "export")
        named(self, "exportDialog", self.tr("Exportpakket maken"))
        self.setWindowTitle(self.tr("Exportpakket maken"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Een ZIP met de hele ronde: bevindingen (JSON, CSV voor Excel, GeoJSON voor GIS), "
                               "actiepunten en foto's met afgeschermde gezichten en kentekens."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.round_combo = named(QComboBox(self), "exportRound", self.tr("Ronde"))
        for r in project.rounds.list():
            self.round_combo.addItem(f"{r['date']}  {r['wijk']} / {r['buurt']} — {r['title']}", r["id"])
        if round_id:
            index = self.round_combo.findData(round_id)
            if index >= 0:
                self.round_combo.setCurrentIndex(index)
        self._suggested = self._chosen = ""
        self.round_combo.currentIndexChanged.connect(self._suggest_file)
        form.addRow(self.tr("Ronde"), self.round_combo)
        self.file_edit = named(QLineEdit(self), "exportFile", self.tr("Pakketbestand"))
        browse = named(QPushButton(self.tr("Bladeren…"), self), "exportBrowse", self.tr("Pakketbestand kiezen"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("Opslaan als"), row)
        self.since_edit = named(QLineEdit(self), "exportSince", self.tr("Alleen wijzigingen sinds"))
        self.since_edit.setPlaceholderText(self.tr("leeg: alles; of een eerder pakket of een datum (JJJJ-MM-DD)"))
        since_browse = named(QPushButton(self.tr("Pakket…"), self), "exportSinceBrowse",
                              self.tr("Eerder pakket kiezen"))
        since_browse.clicked.connect(self._browse_since)
        row = QHBoxLayout()
        row.addWidget(self.since_edit, 1)
        row.addWidget(since_browse)
        form.addRow(self.tr("Alleen wijzigingen sinds"), row)
        self.anonymous = named(QCheckBox(self.tr("Zonder persoonsgegevens (geen namen en contactgegevens "
                                                  "van deelnemers)"), self),
                                "exportNoPersonalData", self.tr("Zonder persoonsgegevens"))
        self.xlsx = named(QCheckBox(self.tr("Ook een Excel-werkmap (.xlsx) met de actielijst"), self),
                           "exportXlsx", self.tr("Ook een Excel-werkmap"))
        form.addRow("", self.anonymous)
        form.addRow("", self.xlsx)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.start_button.setText(self.tr("Exporteren"))
        named(self.start_button, "exportStart", self.tr("Exporteren"))
        self.start_button.clicked.connect(self.start)
        layout.addLayout(self._buttons())
        self._suggest_file()

    def _suggest_file(self, *_: object) -> None:
        """Propose a file beside the project for the chosen round, unless the user has
        typed or chosen one of their own."""
        round_id = self.round_combo.currentData()
        if not round_id or self.file_edit.text().strip() not in ("", self._suggested):
            return
        try:
            self._suggested = str(exchange.suggested_package_path(self.project, round_id))
        except SchouwError:
            return
        self.file_edit.setText(self._suggested)

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Pakket opslaan"), self.file_edit.text(),
                                              self.tr("ZIP-pakket (*.zip)"))
        if path:
            path = path if path.lower().endswith(".zip") else path + ".zip"
            self._chosen = path  # the file dialog has asked about replacing it already
            self.file_edit.setText(path)

    def _browse_since(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Eerder pakket"), "", self.tr("ZIP-pakket (*.zip)"))
        if path:
            self.since_edit.setText(path)

    def start(self) -> None:
        round_id = self.round_combo.currentData()
        out = self.file_edit.text().strip()
        if not round_id or not out:
            self.status.setText(self.tr("Kies een ronde en een bestandsnaam."))
            return
        if out != self._chosen and Path(out).expanduser().exists() and not self.confirm_replace(Path(out).name):
            self.status.setText(self.tr("Niet geëxporteerd: kies een andere bestandsnaam."))
            return
        since = self.since_edit.text().strip() or None
        personal = not self.anonymous.isChecked()
        xlsx = self.xlsx.isChecked()
        self._run(lambda worker, progress: exchange.export_package(
            worker, round_id, Path(out), since=since, personal_data=personal, xlsx=xlsx, progress=progress))

    def confirm_replace(self, name: str) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Bestand bestaat al"),
            self.tr("{name} bestaat al. Wilt u het vervangen door het nieuwe pakket?").format(name=name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def describe(self, result: exchange.ExportResult) -> str:
        return self.tr("Pakket gemaakt: {path} ({findings}, {photos}).").format(
            path=result.path.name, findings=self.tr("%n bevindingen", "", result.findings),
            photos=self.tr("%n foto's", "", result.photos))


class ImportDialog(_TaskDialog):
    """Pakket importeren: check everything, then merge in one transaction."""

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(project, parent, "packageImport")
        named(self, "packageImportDialog", self.tr("Pakket importeren"))
        self.setWindowTitle(self.tr("Pakket importeren"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Voeg het pakket van een team of een eerder exportpakket samen met dit project. "
                               "Het pakket wordt eerst helemaal gecontroleerd; een pakket dat niet klopt, "
                               "verandert niets."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        row = QHBoxLayout()
        self.file_edit = named(QLineEdit(self), "packageImportFile", self.tr("Pakketbestand"))
        browse = named(QPushButton(self.tr("Bladeren…"), self), "packageImportBrowse",
                        self.tr("Pakketbestand kiezen"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.file_edit, 1)
        row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Pakket"), row)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        self.conflicts_button = named(QPushButton(self.tr("Conflicten bekijken…"), self),
                                       "packageImportConflicts", self.tr("Conflicten bekijken"))
        self.conflicts_button.setVisible(False)
        self.conflicts_button.clicked.connect(self._show_conflicts)
        layout.addWidget(self.conflicts_button)
        self.start_button.setText(self.tr("Importeren"))
        named(self.start_button, "packageImportStart", self.tr("Importeren"))
        self.start_button.clicked.connect(self.start)
        layout.addLayout(self._buttons())
        fit_on_screen(self, 720, 320)

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Pakket kiezen"), "", self.tr("ZIP-pakket (*.zip)"))
        if path:
            self.file_edit.setText(path)

    def start(self) -> None:
        """First check the package and look for another round of its buurt and date
        (worker), then ask the coordinator (here), then merge (worker)."""
        path = self.file_edit.text().strip()
        if not path:
            self.status.setText(self.tr("Kies een pakketbestand."))
            return
        self.conflicts_button.setVisible(False)

        def check(worker: Project, progress) -> tuple:
            package = exchange.check_package(Path(path), progress=progress)
            return package, exchange.same_day_rounds(worker, package)

        self._checking = True
        self._run(check)

    def _on_done(self, result: Any) -> None:
        if not getattr(self, "_checking", False):
            super()._on_done(result)
            return
        self._checking = False
        package, candidates = result
        merge_into = None
        if candidates:
            merge_into = self.ask_merge(candidates)
            if merge_into is False:
                self._on_failed(self.tr("Niet geïmporteerd; er is niets veranderd."))
                return
        self._run(lambda worker, progress: exchange.import_package(
            worker, package, progress=progress, merge_into=merge_into))

    def _on_failed(self, message: str) -> None:
        self._checking = False
        super()._on_failed(message)

    def ask_merge(self, candidates: list[exchange.SameDayRound]) -> str | None | bool:
        """Another round of this buurt and date is here: import separately (None),
        merge into one of them (its id), or stop (False)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Ronde bestaat al"), "", QMessageBox.StandardButton.NoButton,
                          self)
        named(box, "sameDayRoundQuestion", self.tr("Ronde bestaat al"))
        first = candidates[0]
        box.setText(self.tr("Dit project heeft al een ronde van {buurt} op {date}. Is het pakket dezelfde schouw?")
                    .format(buurt=first.buurt, date=first.date))
        box.setInformativeText(self.tr("Samenvoegen koppelt bevindingen op dezelfde straat, hetzelfde onderdeel en "
                                       "dezelfde plek aan elkaar; de rest wordt toegevoegd. Een aparte ronde laat "
                                       "beide rondes naast elkaar staan."))
        choices: dict[QPushButton, str | None] = {}
        for n, candidate in enumerate(candidates[:3]):
            text = self.tr("Samenvoegen met {title} (%n bevindingen)", "", candidate.findings).format(
                title=candidate.title or candidate.id[:8])
            button = named(box.addButton(text, QMessageBox.ButtonRole.AcceptRole), f"sameDayMerge{n}", text)
            choices[button] = candidate.id
        separate = named(box.addButton(self.tr("Als aparte ronde"), QMessageBox.ButtonRole.AcceptRole),
                         "sameDaySeparate", self.tr("Als aparte ronde importeren"))
        choices[separate] = None
        stop = named(box.addButton(self.tr("Annuleren"), QMessageBox.ButtonRole.RejectRole),
                     "sameDayCancel", self.tr("Niet importeren"))
        box.setDefaultButton(separate)
        box.exec()
        clicked = box.clickedButton()
        if clicked is stop or clicked not in choices:
            return False
        return choices[clicked]

    def describe(self, result: exchange.MergeResult) -> str:
        self.conflicts_button.setVisible(result.conflicts > 0)
        note = exchange.round_note(self.project, result) if result.merged_into else ""
        return self.summary(result) + (" " + note if note else "")

    def summary(self, result: exchange.MergeResult) -> str:
        """What the import did, in the interface's language with real plurals (the CLI's
        line, exchange.summary_line, is Dutch and speaks of its own command)."""
        if result.already_imported:
            return self.tr("Dit pakket was al geïmporteerd; er is niets veranderd.")
        text = self.tr("Geïmporteerd: {added} nieuw, {updated} bijgewerkt, {deleted} verwijderd, {photos}").format(
            added=sum(result.added.values()), updated=sum(result.updated.values()),
            deleted=sum(result.deleted.values()), photos=self.tr("%n foto's", "", result.photos_written))
        if result.conflicts:
            text += self.tr("; %n conflicten — bekijk ze met ‘Conflicten bekijken’", "", result.conflicts)
        return text + "."

    def changes_of(self, result: exchange.MergeResult) -> Changes:
        return Changes.of_merge(result)

    def _show_conflicts(self) -> None:
        conflicts = ConflictsDialog(self.project, self)
        conflicts.exec()
        if conflicts.flipped:  # a flip puts the other version of a row back: of any kind
            self.changesMade.emit(Changes(rounds=True, streets=True, findings=True, photos=True, actions=True))


class ConflictModel(QAbstractTableModel):
    # marked for lupdate: a tr() of a variable alone is never collected (and stayed Dutch)
    HEADERS = (QT_TRANSLATE_NOOP("ConflictModel", "Soort"), QT_TRANSLATE_NOOP("ConflictModel", "Wat"),
               QT_TRANSLATE_NOOP("ConflictModel", "Bewaard uit"), QT_TRANSLATE_NOOP("ConflictModel", "Bewaard (tijd)"),
               QT_TRANSLATE_NOOP("ConflictModel", "Opzij (tijd)"), QT_TRANSLATE_NOOP("ConflictModel", "Omgedraaid"))

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.rows: list[exchange.ConflictView] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = exchange.list_conflicts(self.project)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        view = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            side = self.tr("dit project") if view.kept_side == "lokaal" else self.tr("het pakket")
            return (labels.table_label(view.table, view.kind), view.what, side, local_time(view.kept_at), local_time(view.other_at),
                    str(view.flips))[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return view.what
        if role == Qt.ItemDataRole.UserRole:
            return view.id
        return None


class ConflictsDialog(QDialog):
    """The coordinator's review: which version was kept, what differs, and flip."""

    def __init__(self, project: Project, parent: QWidget | None = None):
        super().__init__(parent)
        # how many conflicts were flipped (each changed rows of the project)
        self.flipped = 0
        named(self, "conflictsDialog", self.tr("Conflicten"))
        self.setWindowTitle(self.tr("Conflicten na samenvoegen"))
        self.project = project
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Hier zijn beide kanten dezelfde rij gaan wijzigen sinds ze elkaar laatst zagen. "
                               "De nieuwste versie is bewaard; met ‘Omdraaien’ zet u de andere terug."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = ConflictModel(project, self)
        self.table = named(QTableView(self), "conflictsTable", self.tr("Conflicten"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # "Wat": the street and item
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().selectionChanged.connect(self._show_detail)
        layout.addWidget(self.table, 1)
        self.detail = named(QPlainTextEdit(self), "conflictsDetail", self.tr("Verschillen"))
        self.detail.setReadOnly(True)
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        self.empty = QLabel(self.tr("Geen conflicten."), self)
        self.empty.setVisible(not self.model.rows)
        row.addWidget(self.empty)
        row.addStretch(1)
        self.flip_button = named(QPushButton(self.tr("Omdraaien"), self), "conflictsFlip",
                                  self.tr("Andere versie terugzetten"))
        self.flip_button.clicked.connect(self.flip_selected)
        self.flip_button.setEnabled(False)
        close = named(QPushButton(self.tr("Sluiten"), self), "conflictsClose", self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        row.addWidget(self.flip_button)
        row.addWidget(close)
        layout.addLayout(row)
        fit_on_screen(self, 820, 480)

    def selected(self) -> exchange.ConflictView | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _show_detail(self, *_: object) -> None:
        view = self.selected()
        self.flip_button.setEnabled(view is not None)
        if view is None:
            self.detail.setPlainText("")
            return
        here, package = self.tr("dit project"), self.tr("het pakket")
        kept_from, other_from = (here, package) if view.kept_side == "lokaal" else (package, here)
        lines = [f"{labels.table_label(view.table, view.kind).capitalize()}: {view.what}",
                 self.tr("Bewaard: de versie uit {side} ({who}, {when})").format(
                     side=kept_from, who=view.kept_by or "?", when=local_time(view.kept_at)),
                 self.tr("Opzij: de versie uit {side} ({who}, {when})").format(
                     side=other_from, who=view.other_by or "?", when=local_time(view.other_at)),
                 ""]
        def field(name: str) -> str:
            return labels.field_label(name, exchange.field_label(name))

        def value(raw: Any) -> str:
            return labels.value_text(raw, exchange.describe_value(raw))

        aside = self.tr("opzij")  # (a tr() inside an f-string is invisible to lupdate)
        width = max((len(field(name)) for name, _, _ in view.fields), default=0) + 1
        lines += [f"{(field(name) + ':').ljust(width)}  {value(kept)}    ({aside}: {value(other)})"
                  for name, kept, other in view.fields]
        self.detail.setPlainText("\n".join(lines))

    def flip_selected(self) -> None:
        view = self.selected()
        if view is None:
            return
        try:
            exchange.flip_conflict(self.project, view.id)
        except SchouwError as error:
            self.detail.setPlainText(error.message())
            return
        self.flipped += 1
        row = next(i for i, v in enumerate(self.model.rows) if v.id == view.id)
        self.model.reload()
        self.table.selectRow(row)
        self._show_detail()
