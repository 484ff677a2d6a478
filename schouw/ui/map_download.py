"""Kaart downloaden voor deze buurt…: fetch the background tiles before going out.

The dialog shows what a download means first (how many tiles, about how big, how many
are already cached: ``schouw.services.tiles.plan_tiles``), downloads only when asked,
on a worker thread (``schouw.ui.workers.ProjectTask``) with a progress bar and a cancel
button, and says in one line what arrived. The same use case runs behind
``schouw map cache``; a cancelled or failed download keeps every tile that arrived.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.store.project import Project
from schouw.ui.widgets import named
from schouw.ui.workers import ProjectTask, start_task


class MapDownloadDialog(QDialog):
    #: tiles were stored (the map reads its background again)
    downloaded = Signal()

    def __init__(self, project: Project, buurt: str, parent: QWidget | None = None, *, url: str | None = None):
        super().__init__(parent)
        from schouw.domain.tiles import PDOK_URL

        #: the WMTS tile URL template (PDOK's; a test passes a local server)
        self.url = url or PDOK_URL
        named(self, "mapDownloadDialog", self.tr("Kaart downloaden"))
        self.setWindowTitle(self.tr("Kaart downloaden voor {buurt}").format(buurt=buurt))
        self.project = project
        self.buurt = buurt
        self.task: ProjectTask | None = None
        self.plan = None
        from schouw.domain.tiles import MAX_ZOOM

        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Een achtergrondkaart (BRT-Achtergrondkaart van PDOK/Kadaster) voor buurt {buurt}, om ook zonder "
            "internet te gebruiken. Alleen nu wordt er iets opgehaald; tijdens de schouw niet.").format(buurt=buurt),
            self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        zooms = QHBoxLayout()
        self.zoom_from = named(QSpinBox(self), "mapZoomFrom", self.tr("Van zoomniveau"))
        self.zoom_to = named(QSpinBox(self), "mapZoomTo", self.tr("Tot en met zoomniveau"))
        for box, value in ((self.zoom_from, max(0, MAX_ZOOM - 2)), (self.zoom_to, MAX_ZOOM)):
            box.setRange(0, MAX_ZOOM)
            box.setValue(value)
            box.valueChanged.connect(self._plan)
        zooms.addWidget(self.zoom_from)
        zooms.addWidget(QLabel(self.tr("t/m"), self))
        zooms.addWidget(self.zoom_to)
        zooms.addStretch(1)
        form.addRow(self.tr("Zoomniveaus"), zooms)
        layout.addLayout(form)
        self.estimate = named(QLabel(self), "mapDownloadEstimate", self.tr("Schatting"))
        self.estimate.setWordWrap(True)
        layout.addWidget(self.estimate)
        self.progress = named(QProgressBar(self), "mapDownloadProgress", self.tr("Voortgang"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.result = named(QLabel(self), "mapDownloadResult", self.tr("Uitkomst"))
        self.result.setWordWrap(True)
        layout.addWidget(self.result)
        buttons = QDialogButtonBox(self)
        self.start_button = named(QPushButton(self.tr("Downloaden"), self), "mapDownloadStart",
                                  self.tr("Downloaden"))
        self.cancel_button = named(QPushButton(self.tr("Stoppen"), self), "mapDownloadCancel", self.tr("Stoppen"))
        self.close_button = named(QPushButton(self.tr("Sluiten"), self), "mapDownloadClose", self.tr("Sluiten"))
        buttons.addButton(self.start_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.start_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button.clicked.connect(self.reject)
        self.cancel_button.setEnabled(False)
        layout.addWidget(buttons)
        self.resize(520, 280)
        self._plan()

    def zooms(self) -> list[int]:
        low, high = sorted((self.zoom_from.value(), self.zoom_to.value()))
        return list(range(low, high + 1))

    def _plan(self) -> None:
        from schouw.services.tiles import estimate_line, plan_tiles

        try:
            self.plan = plan_tiles(self.project, self.buurt, self.zooms(), url=self.url)
        except SchouwError as error:
            self.plan = None
            self.estimate.setText(error.message())
            self.start_button.setEnabled(False)
            return
        self.estimate.setText(estimate_line(self.plan))
        self.start_button.setEnabled(self.plan.missing > 0 and self.task is None)

    def start(self) -> None:
        from schouw.services.tiles import download_tiles

        if self.plan is None or self.task is not None:
            return
        buurt, zooms, url = self.buurt, self.zooms(), self.url

        def work(project: Project, progress) -> object:
            return download_tiles(project, buurt, zooms, url=url,
                                  progress=lambda done, total: progress(done, total),
                                  cancelled=lambda: task.is_cancelled)

        task = self.task = ProjectTask(self.project, work)
        task.signals.progress.connect(self._progress)
        task.signals.done.connect(self._done)
        task.signals.failed.connect(self._failed)
        self.start_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.zoom_from.setEnabled(False)
        self.zoom_to.setEnabled(False)
        self.result.setText(self.tr("Bezig met downloaden…"))
        start_task(task)

    def _progress(self, done: int, total: int, _stage: str = "") -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.result.setText(self.tr("Stoppen…"))

    def _finished(self) -> None:
        self.task = None
        self.cancel_button.setEnabled(False)
        self.zoom_from.setEnabled(True)
        self.zoom_to.setEnabled(True)
        self._plan()

    def _done(self, outcome) -> None:
        fetched, failed = outcome.fetched, outcome.failed
        if outcome.cancelled:
            text = self.tr("Gestopt: %n tegel(s) opgehaald en bewaard.", "", fetched)
        elif failed:
            text = self.tr("%n tegel(s) opgehaald", "", fetched) + "; " + self.tr(
                "%n mislukt ({reason}). Nog eens downloaden haalt alleen wat ontbreekt; de kaart werkt ook zonder.",
                "", failed).format(reason=outcome.reason)
        else:
            text = self.tr("Klaar: %n tegel(s) opgehaald.", "", fetched)
        self.result.setText(text)
        self._finished()
        if fetched:
            self.downloaded.emit()

    def _failed(self, message: str) -> None:
        self.result.setText(self.tr("Kaart niet beschikbaar: {reason}").format(reason=message))
        self._finished()

    def reject(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task.finished.wait(15)
            self.task = None
        super().reject()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape and self.task is not None:
            self.cancel()
            return
        super().keyPressEvent(event)
