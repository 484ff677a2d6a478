"""The outbox in the app: per finding whether it waits, went (with the municipality's
number), failed (with the server's message) or is being checked, and the buttons to
synchronise, cancel and try failed ones again.

The sync runs as a :class:`~schouw.ui.workers.ProjectTask` on a thread of its own with its
own connection (``Project.for_thread()``); cancelling stops between two requests, never
in the middle of one, so the outbox always tells the truth. Closing the window during a
sync asks it to stop and lets it finish its current request in the background (a
QThread owned by the closed window would be destroyed while running, which ends the
whole app). A self-contained widget: the main window docks it and may
listen to :attr:`SyncPanel.synced` to refresh its own views.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schouw.exchange.mor.profile import SyncProfile
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.store.project import Project
from schouw.ui.times import local_time
from schouw.ui.workers import ProjectTask, start_task

Index = QModelIndex | QPersistentModelIndex


class OutboxModel(QAbstractTableModel):
    """One row per outbox entry (``services.sync.outbox_rows``)."""

    COLUMNS = ("street", "item", "state", "attempts", "next")

    def __init__(self, parent=None):
        super().__init__(parent)
        self._rows: list[dict[str, Any]] = []

    def headers(self) -> list[str]:
        return [self.tr("Straat"), self.tr("Onderdeel"), self.tr("Status"), self.tr("Pogingen"),
                self.tr("Volgende poging")]

    def load(self, rows: list[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_data(self, row: int) -> dict[str, Any]:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def state_text(self, r: dict[str, Any]) -> str:
        state = r["state"]
        if state == "sent":
            if not r["remote_id"]:
                return self.tr("verzonden, wacht op nummer")
            text = self.tr("verzonden: %1").replace("%1", str(r["remote_id"]))
            if r.get("mor_status"):
                text += f" ({r['mor_status']})"
            return text
        if state == "failed":
            return self.tr("mislukt: %1").replace("%1", r["last_error"] or "?")
        if state == "unknown":
            return self.tr("onbekend, wordt nagekeken")
        if r["attempts"] and r["last_error"]:
            return self.tr("wachtrij (%1)").replace("%1", r["last_error"])
        return self.tr("wachtrij")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == "street":
                return " ".join(p for p in (r["street"], r["number"]) if p)
            if column == "item":
                level = f" ({r['level']})" if r.get("level") else ""
                return f"{r['element']}.{r['aspect']}{level}"
            if column == "state":
                return self.state_text(r)
            if column == "attempts":
                return str(r["attempts"])
            if column == "next":
                return local_time(r["next_attempt_at"]) if r["state"] in ("queued", "unknown") else ""
        if role == Qt.ItemDataRole.ToolTipRole and column == "state":
            parts = [self.state_text(r)]
            if r.get("mor_status_text"):
                parts.append(r["mor_status_text"])
            return "\n".join(parts)
        if role == Qt.ItemDataRole.UserRole:
            return r["id"]
        return None


class SyncPanel(QWidget):
    """Outbox table, "Synchroniseren" with progress and cancel, "Opnieuw proberen"."""

    #: After every run: the outcome's as_dict() (for the main window to refresh).
    synced = Signal(dict)
    #: The outbox changed without a run ("Opnieuw proberen").
    changed = Signal()
    # what a sync or a retry changed in the project (a ``Changes``; for the hub)
    changesMade = Signal(object)
    #: No profile yet: the user wants to choose a profile file (True: make a new one).
    profileRequested = Signal(bool)

    def __init__(self, project: Project, parent: QWidget | None = None, *, profile: SyncProfile | None = None):
        super().__init__(parent)
        self.project = project
        self._profile = profile
        self.task: ProjectTask | None = None
        self.auto_retry = True
        self._known = True  # a profile exists; refresh() checks
        self.setObjectName("syncPanel")
        self.setAccessibleName(self.tr("Uitgaande meldingen"))

        self.model = OutboxModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("outboxTable")
        self.table.setAccessibleName(self.tr("Uitgaande meldingen per bevinding"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        corner = self.table.findChild(QAbstractButton, "qt_tableview_cornerbutton")
        if corner is not None:  # Qt's own "select all" button: name it for screen readers
            corner.setAccessibleName(self.tr("Alles selecteren"))

        self.sync_button = self._button("syncButton", self.tr("Synchroniseren"),
                                        self.tr("Verstuur de wachtrij en haal de status op"), self.start_sync)
        self.cancel_button = self._button("cancelSyncButton", self.tr("Annuleren"),
                                          self.tr("Stop na de melding die nu verstuurd wordt"), self.cancel_sync)
        self.retry_button = self._button("retryButton", self.tr("Opnieuw proberen"),
                                         self.tr("Zet mislukte meldingen terug in de wachtrij"), self.retry_failed)
        self.cancel_button.setEnabled(False)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("syncProgress")
        self.progress.setAccessibleName(self.tr("Voortgang van de synchronisatie"))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(self)
        self.status.setObjectName("syncStatus")
        self.status.setAccessibleName(self.tr("Uitkomst van de synchronisatie"))
        self.status.setWordWrap(True)

        self._timer = QTimer(self)
        self._timer.setObjectName("syncRetryTimer")
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(lambda: self.start_sync(automatic=True))

        buttons = QHBoxLayout()
        for widget in (self.sync_button, self.cancel_button, self.retry_button):
            buttons.addWidget(widget)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self._build_no_profile())
        layout.addWidget(self.table, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.refresh()

    def _build_no_profile(self) -> QFrame:
        """Without a profile there is nothing to send to: say what a profile is and offer
        the two ways to get one, instead of an empty table and a button that fails."""
        self.no_profile = QFrame(self)
        self.no_profile.setObjectName("syncNoProfile")
        self.no_profile.setFrameShape(QFrame.Shape.StyledPanel)
        text = QLabel(self.tr("Er is nog geen synchronisatieprofiel: het bestand dat zegt naar welk meldsysteem "
                              "van de gemeente (MOR) de meldingen gaan, met welk adres en welke sleutel. "
                              "Kies het profiel dat u van de gemeente kreeg, of maak er een."), self.no_profile)
        text.setObjectName("syncNoProfileText")
        text.setWordWrap(True)
        choose = self._button("syncChooseProfile", self.tr("Profiel kiezen…"),
                              self.tr("Kies het profielbestand in de instellingen"),
                              lambda: self.profileRequested.emit(False))
        make = self._button("syncNewProfile", self.tr("Nieuw profiel maken…"),
                            self.tr("Maak een nieuw synchronisatieprofiel"), lambda: self.profileRequested.emit(True))
        row = QHBoxLayout()
        row.addWidget(choose)
        row.addWidget(make)
        row.addStretch(1)
        box = QVBoxLayout(self.no_profile)
        box.addWidget(text)
        box.addLayout(row)
        return self.no_profile

    def has_profile(self) -> bool:
        """A profile was given or chosen in the settings (a broken one counts: the run
        then says what is wrong with it)."""
        if self._profile is not None:
            return True
        from schouw.services.sync import chosen_profile

        profile, problem = chosen_profile()
        return profile is not None or problem is not None

    def _button(self, name: str, text: str, accessible: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setAccessibleDescription(accessible)
        button.setToolTip(accessible)
        button.clicked.connect(lambda _checked=False: slot())
        return button

    # -- state -----------------------------------------------------------------------------------
    def set_profile(self, profile: SyncProfile | None) -> None:
        self._profile = profile
        self._known = self.has_profile()
        self._update_buttons()

    def profile(self) -> SyncProfile:
        if self._profile is None:
            from schouw.services.sync import load_profile

            self._profile = load_profile()
        return self._profile

    def refresh(self) -> None:
        from schouw.services.sync import outbox_rows

        self.model.load(outbox_rows(self.project))
        self._known = self.has_profile()
        self._update_buttons()

    def _selected_failed(self) -> list[str]:
        ids = []
        for index in self.table.selectionModel().selectedRows():
            row = self.model.row_data(index.row())
            if row["state"] == "failed":
                ids.append(row["id"])
        return ids

    def _update_buttons(self, *_: object) -> None:
        running = self.task is not None
        known = self._known
        self.no_profile.setVisible(not known)
        any_failed = any(self.model.row_data(i)["state"] == "failed" for i in range(self.model.rowCount()))
        self.sync_button.setEnabled(not running and known)
        self.cancel_button.setEnabled(running)
        self.retry_button.setEnabled(not running and any_failed)

    @property
    def running(self) -> bool:
        return self.task is not None

    # -- actions ---------------------------------------------------------------------------------
    def start_sync(self, automatic: bool = False) -> bool:
        from schouw.services.sync import run_sync

        if self.task is not None:
            return False
        try:
            profile = self.profile()
        except SchouwError as error:
            self.status.setText(error.message())
            return False
        self._timer.stop()

        def work(worker: Project, progress) -> Any:
            return run_sync(worker, profile, respect_backoff=automatic, progress=progress,
                            cancelled=lambda: task.is_cancelled)

        task = self.task = ProjectTask(self.project, work)
        task.signals.progress.connect(self._on_progress)
        task.signals.done.connect(self._on_done)
        task.signals.failed.connect(self._on_failed)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Bezig met synchroniseren…"))
        start_task(task)
        self._update_buttons()
        return True

    def cancel_sync(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.status.setText(self.tr("Wordt gestopt na de melding die nu verstuurd wordt…"))

    def retry_failed(self) -> int:
        from schouw.services.sync import retry_failed

        ids = self._selected_failed() or None
        count = retry_failed(self.project, ids)
        self.refresh()
        if count:
            self.status.setText(self.tr("%n meldingen terug in de wachtrij.", "", count))
            self.changed.emit()
            self.changesMade.emit(Changes(outbox=True))
        return count

    # -- worker signals --------------------------------------------------------------------------
    def _on_progress(self, n: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(n)
        self.progress.setFormat(f"%p% — {text}")

    def _on_done(self, outcome) -> None:
        self._ended()
        run = outcome.run
        parts = []
        if run is not None:
            parts.append(self.tr("%1 verzonden, %2 mislukt, %3 onbekend, %4 later opnieuw, %5.")
                         .replace("%1", str(len(run.sent))).replace("%2", str(len(run.failed)))
                         .replace("%3", str(len(run.unknown))).replace("%4", str(len(run.retrying)))
                         .replace("%5", self.tr("%n statuswijzigingen", "", run.statuses)))
            if run.aborted:
                parts.append(self.tr("Gestopt: %1").replace("%1", run.aborted))
            elif run.offline:
                parts.append(self.tr("Niet bereikbaar: %1").replace("%1", run.offline))
            if run.cancelled:
                parts.append(self.tr("Afgebroken; wat al verstuurd was staat vast."))
        written = [p for p in outcome.packages if p.get("state") == "written"]
        if written:
            parts.append(self.tr("%n pakketten naar de gedeelde map.", "", len(written)))
        if outcome.package_error:
            parts.append(outcome.package_error)
        self.status.setText(" ".join(parts))
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.refresh()
        self._schedule_retry()
        self.synced.emit(outcome.as_dict())
        self.changesMade.emit(Changes.of_sync(outcome))

    def _on_failed(self, message: str) -> None:
        self._ended()
        self.status.setText(self.tr("Synchroniseren mislukt: %1").replace("%1", message))
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.refresh()

    def _ended(self) -> None:
        self.task = None
        self._update_buttons()

    def _schedule_retry(self) -> None:
        """Try again by itself when the first back-off ends (only rows that wait for it)."""
        if not self.auto_retry:
            return
        waiting = [r["next_attempt_at"] for r in (self.model.row_data(i) for i in range(self.model.rowCount()))
                   if r["state"] in ("queued", "unknown") and r["next_attempt_at"]]
        if not waiting:
            return
        try:
            first = datetime.fromisoformat(min(waiting).replace("Z", "+00:00"))
        except ValueError:
            return
        seconds = (first - datetime.now(UTC)).total_seconds()
        self._timer.start(int(min(3600.0, max(5.0, seconds)) * 1000))

    def stop(self) -> None:
        """The window closes: no more automatic retries, and a running sync stops after
        its current request, on its own (the task holds its own connection)."""
        self._timer.stop()
        if self.task is not None:
            self.task.cancel()

    def shutdown(self, timeout_ms: int = 30000) -> None:
        """Before the app closes: stop after the current request and wait for it."""
        task = self.task
        self.stop()
        if task is not None:
            task.finished.wait(timeout_ms / 1000)
