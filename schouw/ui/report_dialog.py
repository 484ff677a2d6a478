"""Rapport maken: the PDF of a round (or its action list, or the terugkoppeling for
residents as PDF or CSV) from the Ronde menu.

The report is built on Qt's thread pool with its own connection to the project file
(``Project.for_thread()``): a round with a thousand photos takes seconds, and the window
must stay responsive meanwhile. Progress arrives through signals; Annuleren stops the
build between two pieces of layout and leaves no file (an older report of the same
name is kept). Afterwards "Openen in PDF-viewer" hands the file to the system.
The dialog only calls ``schouw.services.reports``; no rule lives here.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.report import ReportCancelled
from schouw.report.i18n import Texts
from schouw.services.reports import TOTAL, ReportResult, build_report, output_path, parties
from schouw.store.project import Project
from schouw.ui import i18n
from schouw.ui.widgets import named
from schouw.ui.workers import ProjectTask

log = logging.getLogger(__name__)


def _file_name(text: str) -> str:
    """A file name from a round title: no characters Windows refuses."""
    return re.sub(r'[<>:"/\\|?*\x00-\x1f]+', "-", text).strip(" .-") or "rapport"


class ReportDialog(QDialog):
    """Choose kind, party, language and file; build in a worker; open the result.
    ``kind`` "terugkoppeling" opens it for the feedback to residents (*Ronde →
    Terugkoppeling voor bewoners…*)."""

    report_done = Signal(object)

    def __init__(self, project: Project, round_id: str, parent: QWidget | None = None, kind: str = "round") -> None:
        super().__init__(parent)
        self.project = project
        self.round = project.rounds.get(round_id)
        self.task: ProjectTask | None = None
        self.result: ReportResult | None = None
        named(self, "reportDialog", self.tr("Rapport maken"))
        self.setWindowTitle(self.tr("Rapport maken"))
        self.setMinimumWidth(520)

        buurt = project.areas.buurt(self.round.buurt_id)
        buurt_name = buurt.name if buurt else ""
        intro = QLabel(self, objectName="reportIntro")
        intro.setWordWrap(True)
        from schouw.ui.labels import kind_badge

        intro.setText(self.tr("Ronde: {title} ({kind}) — {buurt}, {date}").format(
            title=self.round.title, kind=kind_badge(self.round.kind), buurt=buurt_name,
            date=Texts(i18n.language()).date(self.round.date)))

        self.kind = named(QComboBox(self), "reportKind", self.tr("Soort rapport"))
        self.kind.addItem(self.tr("Volledig rapport van de ronde"), "round")
        self.kind.addItem(self.tr("Actielijst"), "actions")
        self.kind.addItem(self.tr("Terugkoppeling voor bewoners"), "terugkoppeling")
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.format = named(QComboBox(self), "reportFormat", self.tr("Bestandsformaat"),
                            self.tr("CSV: voor een nieuwsbrief of website (alleen de terugkoppeling)"))
        self.format.addItem(self.tr("PDF"), "pdf")
        self.format.addItem(self.tr("CSV (puntkomma's, voor nieuwsbrief of website)"), "csv")
        self.photos = named(QCheckBox(self.tr("Met foto's (met privacymaskers)"), self), "reportPhotos",
                            self.tr("Foto's in de terugkoppeling"))
        self.party = named(QComboBox(self), "reportParty", self.tr("Actiehouder"))
        self.party.addItem(self.tr("Alle actiehouders"), None)
        for name in parties(project, self.round.id):
            self.party.addItem(name, name)
        self.profile_choice = named(QComboBox(self), "reportProfile", self.tr("Kwaliteitsprofiel voor de scores"),
                                    self.tr("De ronde en alle rondes in de trend worden met hetzelfde profiel berekend"))
        self.profile_choice.addItem(self.tr("Zoals het gold bij de ronde"), "at-round")
        self.profile_choice.addItem(self.tr("Zoals het nu is"), "current")
        self.lang = named(QComboBox(self), "reportLanguage", self.tr("Taal van het rapport"))
        self.lang.addItem("Nederlands", "nl")
        self.lang.addItem("English", "en")
        # a report in the language the user works in, unless they choose the other one
        self.lang.setCurrentIndex(max(0, self.lang.findData(i18n.language())))

        prefix = "Terugkoppeling" if kind == "terugkoppeling" else "Wijkschouw"
        default = project.path.parent / f"{_file_name(f'{prefix} {buurt_name} {self.round.date.isoformat()}')}.pdf"
        self.path = named(QLineEdit(str(default), self), "reportPath", self.tr("Opslaan als"))
        self.browse = named(QPushButton(self.tr("Bladeren…"), self), "reportBrowse",
                             self.tr("Kies waar het rapport komt"))
        self.browse.clicked.connect(self._choose_file)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)

        form = QFormLayout()
        form.addRow(self.tr("Soort rapport"), self.kind)
        form.addRow(self.tr("Actiehouder"), self.party)
        form.addRow(self.tr("Formaat"), self.format)
        form.addRow("", self.photos)
        form.addRow(self.tr("Normen"), self.profile_choice)
        form.addRow(self.tr("Taal"), self.lang)
        form.addRow(self.tr("Opslaan als"), path_row)

        self.progress = named(QProgressBar(self), "reportProgress", self.tr("Voortgang"))
        self.progress.setRange(0, TOTAL)
        self.progress.setValue(0)
        self.status = named(QLabel("", self), "reportStatus", self.tr("Status"))
        self.status.setWordWrap(True)

        self.build_button = named(QPushButton(self.tr("Rapport maken"), self), "reportBuild",
                                   self.tr("Rapport maken"))
        self.build_button.setDefault(True)
        self.build_button.clicked.connect(self.start)
        self.open_button = named(QPushButton(self.tr("Openen in PDF-viewer"), self), "reportOpen",
                                  self.tr("Openen in PDF-viewer"))
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_pdf)
        self.close_button = named(QPushButton(self.tr("Sluiten"), self), "reportClose",
                                   self.tr("Annuleren of sluiten"))
        self.close_button.clicked.connect(self._cancel_or_close)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        buttons.addWidget(self.build_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.format.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    # -- choices ----------------------------------------------------------------------
    def _fmt(self) -> str:
        """The file format: CSV only for the terugkoppeling."""
        return self.format.currentData() if self.kind.currentData() == "terugkoppeling" else "pdf"

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        actions = kind == "actions"
        self.party.setEnabled(actions and self.party.count() > 1)
        feedback = kind == "terugkoppeling"
        self.format.setEnabled(feedback)
        self.photos.setEnabled(feedback and self._fmt() == "pdf")
        self.profile_choice.setEnabled(not feedback)
        text = self.path.text()
        for suffix in (".pdf", ".csv"):  # the file name follows the format
            if text.lower().endswith(suffix) and suffix != f".{self._fmt()}":
                self.path.setText(text[: -len(suffix)] + f".{self._fmt()}")
        self.open_button.setText(self.tr("Openen") if self._fmt() == "csv" else self.tr("Openen in PDF-viewer"))

    def _choose_file(self) -> None:
        pattern = self.tr("CSV-bestanden (*.csv)") if self._fmt() == "csv" else self.tr("PDF-bestanden (*.pdf)")
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Rapport opslaan als"), self.path.text(), pattern)
        if chosen:
            self.path.setText(chosen)

    # -- building ---------------------------------------------------------------------
    def start(self) -> None:
        text = self.path.text().strip()
        if not text:
            self.status.setText(self.tr("Kies eerst waar het rapport moet komen."))
            return
        fmt = self._fmt()
        try:
            out = output_path(text, fmt)  # the CLI's rule: ".pdf" added, a folder refused
        except SchouwError as error:
            self.status.setText(error.message())
            return
        self.path.setText(str(out))
        kind = self.kind.currentData()
        self.result = None
        party = self.party.currentData() if kind == "actions" else None
        lang = self.lang.currentData()
        profile_choice = self.profile_choice.currentData()
        photos = kind == "terugkoppeling" and fmt == "pdf" and self.photos.isChecked()
        round_id = self.round.id

        def work(worker: Project, progress) -> ReportResult:
            return build_report(worker, round_id, out, kind=kind, party=party, lang=lang,
                                profile_choice=profile_choice, fmt=fmt, photos=photos,
                                progress=lambda done, total: progress(done, total),
                                cancel=lambda: task.is_cancelled)

        task = self.task = ProjectTask(self.project, work, cancelled_errors=(ReportCancelled,))
        self.task.signals.progress.connect(self._on_progress)
        self.task.signals.done.connect(self._on_done)
        self.task.signals.failed.connect(self._on_failed)
        self.task.signals.cancelled.connect(self._on_cancelled)
        self._busy(True)
        self.progress.setValue(0)
        self.status.setText(self.tr("Rapport wordt gemaakt…"))
        from schouw.ui.workers import start_task

        start_task(self.task)

    def _busy(self, busy: bool) -> None:
        for widget in (self.kind, self.lang, self.path, self.browse, self.build_button):
            widget.setEnabled(not busy)
        if not busy:
            self._kind_changed()
        else:
            for widget in (self.party, self.format, self.photos, self.profile_choice):
                widget.setEnabled(False)
        self.open_button.setEnabled(not busy and self.result is not None)
        self.close_button.setText(self.tr("Annuleren") if busy else self.tr("Sluiten"))

    def _on_progress(self, done: int, total: int, stage: str = "") -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(min(done, total))

    def _on_done(self, result: ReportResult) -> None:
        self.task = None
        self.result = result
        self.progress.setValue(self.progress.maximum())
        self._busy(False)
        if result.path.suffix == ".csv":
            text = (self.tr("Bestand gemaakt: {path} (1 punt).") if result.findings == 1
                    else self.tr("Bestand gemaakt: {path} ({n} punten)."))
        else:
            text = (self.tr("Rapport gemaakt: {path} (1 pagina).") if result.pages == 1
                    else self.tr("Rapport gemaakt: {path} ({pages} pagina's)."))
        self.status.setText(" ".join([text.format(path=result.path, pages=result.pages, n=result.findings), *result.warnings]))
        self.report_done.emit(result)

    def _on_failed(self, message: str) -> None:
        self.task = None
        self.progress.setValue(0)
        self._busy(False)
        self.status.setText(message)

    def _on_cancelled(self) -> None:
        self.task = None
        self.progress.setValue(0)
        self._busy(False)
        self.status.setText(self.tr("Afgebroken; er is geen rapport gemaakt."))

    @property
    def busy(self) -> bool:
        return self.task is not None

    def open_pdf(self) -> None:
        if self.result is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.path)))

    def _cancel_or_close(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Afbreken…"))
        elif self.result is not None:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        if self.task is not None:  # closing while building: stop it and wait for the worker
            self.task.cancel()
            self.task.finished.wait(30)
        super().reject()
