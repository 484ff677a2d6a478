"""The main window: menus, the start page and the walk screen (streets | findings | editor)."""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QWidget,
)

from schouw import settings
from schouw.domain.levels import NOT_APPLICABLE
from schouw.messages import SchouwError
from schouw.services import walk
from schouw.services.changes import Changes
from schouw.store.project import Project, create_project, open_project
from schouw.ui import i18n, panels, theme, workers
from schouw.ui.dialogs import show_error, show_message
from schouw.ui.finding_editor import FindingEditor
from schouw.ui.first_paint import after_first_paint
from schouw.ui.hub import ChangeHub
from schouw.ui.prefs import Preferences
from schouw.ui.session import Session
from schouw.ui.start_page import StartPage
from schouw.ui.widgets import fit_on_screen, named, panel
from schouw.ui.workers import BackupTask, start_task

log = logging.getLogger(__name__)

#: Keys for the levels, best first; letters work too (A, B, C, D, + for A+, N for n.v.t.).
LEVEL_KEYS = {
    "A+": ["1", "+", "Ctrl+1"],
    "A": ["2", "A", "Ctrl+2"],
    "B": ["3", "B", "Ctrl+3"],
    "C": ["4", "C", "Ctrl+4"],
    "D": ["5", "D", "Ctrl+5"],
    NOT_APPLICABLE: ["0", "N", "Ctrl+0"],
}

#: Later features put their items in the output section of the Ronde menu (under
#: "Rapport maken…") by adding a factory here: ``factory(window) -> QAction``. The window
#: calls them whenever it builds its menus (also after a language switch).
ROUND_OUTPUT_ACTIONS: list[Callable[[MainWindow], QAction]] = []


class MainWindow(QMainWindow):
    def __init__(self, prefs: Preferences | None = None):
        super().__init__()
        named(self, "mainWindow", "Schouw")
        self.prefs = prefs or Preferences.load()
        self.session: Session | None = None
        self.editor: FindingEditor | None = None
        self.streets: panels.StreetPanel | None = None
        self.findings: panels.FindingsPanel | None = None
        # how dialogs tell the window (and its views) what they changed in the project
        self.hub = ChangeHub(self)
        self.hub.changed.connect(self._on_changes)
        self._backup_timer = QTimer(self)
        self._backup_timer.setInterval(60 * 60 * 1000)
        self._backup_timer.timeout.connect(self._daily_backup)
        self._state_held = 0  # see _one_state_update
        self.setMinimumSize(960, 600)
        self._build()
        if self.prefs.geometry:
            self.restoreGeometry(QByteArray.fromBase64(self.prefs.geometry.encode()))
        else:
            self.resize(1366, 768)

    # ================================================================== building
    def _build(self) -> None:
        self._build_actions()
        self._build_menus()
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("mainStack")
        self.setCentralWidget(self.stack)
        self.stack.show()  # a widget made after the window was shown starts hidden
        self.start_page = StartPage(self.stack)
        self.start_page.newProject.connect(self.new_project)
        self.start_page.openProject.connect(self.choose_project)
        self.start_page.openRecent.connect(self.open_path)
        self.start_page.newRound.connect(self.new_round)
        self.start_page.importStreets.connect(self.import_streets)
        self.stack.addWidget(self.start_page)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("savedState")
        self.saved_label.setFont(theme.font("fieldLabel"))
        self.path_label = QLabel(self)
        self.path_label.setObjectName("projectPath")
        self.outbox_label = QLabel(self)
        self.outbox_label.setObjectName("outboxState")
        self.outbox_label.setAccessibleName(self.tr("Uitgaande meldingen aan de gemeente"))
        self.outbox_label.setToolTip(self.tr("Meldingen aan de gemeente; versturen met Ronde › Synchroniseren…"))
        self.overdue_label = QLabel(self)
        self.overdue_label.setObjectName("overdueActions")
        self.overdue_label.setAccessibleName(self.tr("Verlopen actiepunten"))
        self.overdue_label.setToolTip(self.tr("Actiepunten waarvan de uiterste datum voorbij is; zie Ronde › Actiepunten…"))
        self.statusBar().addPermanentWidget(self.overdue_label)
        self.statusBar().addPermanentWidget(self.outbox_label)
        self.statusBar().addPermanentWidget(self.path_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        if self.session is not None:
            self._build_walk()
        self._update_state()

    def _build_walk(self) -> None:
        session = self.session
        splitter = QSplitter(Qt.Orientation.Horizontal, self.stack)
        splitter.setObjectName("walkSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.setHandleWidth(8)
        self.streets = panels.StreetPanel(session, splitter)
        # the middle pane: the street's findings, or the round on a map (issue 18)
        from PySide6.QtWidgets import QTabWidget

        from schouw.ui.map_panel import MapPanel

        self.middle = QTabWidget(splitter)
        named(self.middle, "walkTabs", self.tr("Bevindingen of kaart"))
        self.middle.setDocumentMode(True)
        self.findings = panels.FindingsPanel(session, self.middle)
        self.map = MapPanel(session, self.middle)
        self.middle.addTab(self.findings, self.tr("Bevindingen"))
        self.middle.addTab(self.map, self.tr("Kaart"))
        from schouw.ui.recheck_panel import RecheckPanel  # herschouw: the street's points to check

        self.rechecks = RecheckPanel(session, self.findings)
        self.findings.layout().addWidget(self.rechecks)
        editor_frame = panel(splitter)
        editor_frame.setObjectName("editorPanel")
        from PySide6.QtWidgets import QVBoxLayout

        editor_layout = QVBoxLayout(editor_frame)
        editor_layout.setContentsMargins(10, 10, 4, 10)
        self.editor = FindingEditor(session, editor_frame)
        self.editor.keep_original = self.prefs.keep_original
        self.editor.action_status.notify = self.hub.notify
        editor_layout.addWidget(self.editor)
        splitter.addWidget(self.streets)
        splitter.addWidget(self.middle)
        splitter.addWidget(editor_frame)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        # the three panes must fit 1093 logical pixels (a 1366×768 laptop at 125 %)
        self.streets.setMinimumWidth(260)
        self.findings.setMinimumWidth(300)
        editor_frame.setMinimumWidth(420)
        width = max(self.width(), 1000)
        wide = width >= 1200
        left = max(330, int(width * 0.24))
        right = max(460 if wide else 420, int(width * 0.33))
        splitter.setSizes([left, width - left - right, right])
        if self.prefs.splitter:
            splitter.restoreState(QByteArray.fromBase64(self.prefs.splitter.encode()))
        self.splitter = splitter
        self.stack.addWidget(splitter)
        self._build_meting_walk()

        self.streets.streetSelected.connect(self._street_selected)
        self.streets.streetSelected.connect(self.rechecks.show_street)
        self.streets.roundRequested.connect(self.open_round)
        self.streets.addStreetRequested.connect(self.add_street)
        self.findings.findingSelected.connect(self._finding_selected)
        self.findings.findingSelected.connect(self.map.show_finding)
        self.map.findingActivated.connect(self.reveal)
        self.hub.changed.connect(self.map.on_hub_changes)
        self.findings.newFindingRequested.connect(self.new_finding)
        self.findings.doneToggled.connect(self.set_street_done)
        self.findings.doneAndNextRequested.connect(self.done_and_next)
        self.editor.pendingChanged.connect(self._update_saved)
        self.editor.notice.connect(self._notice)
        self.editor.deleteRequested.connect(self.delete_finding)
        self.editor.outboxChanged.connect(self.update_outbox_state)

        QWidget.setTabOrder(self.streets.round_combo, self.streets.search)
        QWidget.setTabOrder(self.streets.search, self.streets.hide_done)
        QWidget.setTabOrder(self.streets.hide_done, self.streets.table)
        QWidget.setTabOrder(self.streets.table, self.streets.add_street)
        QWidget.setTabOrder(self.streets.add_street, self.findings.new_button)
        QWidget.setTabOrder(self.findings.new_button, self.findings.done_button)
        QWidget.setTabOrder(self.findings.done_button, self.findings.next_button)
        QWidget.setTabOrder(self.findings.next_button, self.findings.table)
        QWidget.setTabOrder(self.findings.table, self.editor.delete_button)
        QWidget.setTabOrder(self.editor.delete_button, self.editor.element_combo)

    def _build_meting_walk(self) -> None:
        """The walk screen of a meting (issue #17): shown instead of the street walk when
        the open round is a meting. Its edits are on the session's undo stack and reach
        other views through the hub with the session as initiator."""
        from schouw.ui.meting_walk import MetingWalk

        self.meting_walk = MetingWalk(self.session, self.hub.notify, self.stack)
        self.stack.addWidget(self.meting_walk)

    def _action(self, name: str, text: str, slot, shortcuts: list | None = None, tip: str = "") -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcuts:
            # the same key twice in one action would make it ambiguous (and dead)
            keys: list[QKeySequence] = []
            for s in shortcuts:
                seq = QKeySequence(s)
                if not seq.isEmpty() and seq not in keys:
                    keys.append(seq)
            action.setShortcuts(keys)
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self._action
        a("actNewProject", self.tr("&Nieuw project…"), self.new_project, ["Ctrl+Shift+N"])
        a("actOpenProject", self.tr("&Openen…"), self.choose_project, [QKeySequence.StandardKey.Open])
        a("actImportStreets", self.tr("&Straten importeren…"), self.import_streets)
        a("actSettings", self.tr("&Instellingen…"), self.open_settings, ["Ctrl+,"])
        a("actQuit", self.tr("&Afsluiten"), self.close, [QKeySequence.StandardKey.Quit, "Ctrl+Q"])
        a("actUndo", self.tr("&Ongedaan maken"), self.undo, ["Ctrl+Z"])
        a("actRedo", self.tr("Opnie&uw"), self.redo, ["Ctrl+Y", "Ctrl+Shift+Z"])
        a("actNewFinding", self.tr("&Nieuwe bevinding"), self.new_finding, ["Ctrl+N"])
        a("actDeleteFinding", self.tr("Bevinding &verwijderen"), self.delete_finding, ["Ctrl+Del"])
        a("actAddPhoto", self.tr("&Foto toevoegen…"), self._choose_photos, ["Ctrl+I"])
        a("actPastePhoto", self.tr("Foto &plakken"), self._paste_photo, ["Ctrl+Shift+V"])
        a("actShowMap", self.tr("&Kaart of lijst"), self.toggle_map, ["Ctrl+M"])
        a("actFindStreet", self.tr("Straat &zoeken"), self.focus_search, [QKeySequence.StandardKey.Find, "Ctrl+F"])
        a("actNextStreet", self.tr("&Volgende straat"), lambda: self.step_street(1), ["Ctrl+PgDown", "Alt+Down"])
        a("actPrevStreet", self.tr("Vo&rige straat"), lambda: self.step_street(-1), ["Ctrl+PgUp", "Alt+Up"])
        a("actStreetDone", self.tr("Straat &gelopen"), self.toggle_street_done, ["Ctrl+D"])
        a("actDoneNext", self.tr("Gelopen, volgende &open straat"), self.done_and_next,
          ["Ctrl+Return", "Ctrl+Enter"])
        a("actAddStreet", self.tr("Straat &toevoegen…"), self.add_street)
        a("actNewRound", self.tr("&Nieuwe ronde…"), self.new_round, ["Ctrl+Shift+R"])
        a("actTeam", self.tr("&Team…"), self.edit_team)
        a("actCloseRound", self.tr("Ronde &afsluiten…"), self.close_round)
        a("actProfile", self.tr("&Kwaliteitsprofiel…"), self.edit_profile)
        a("actActions", self.tr("&Actiepunten…"), self.show_actions, ["Ctrl+Shift+A"])
        a("actOverview", self.tr("O&verzicht per wijk en buurt…"), self.show_overview, ["Ctrl+Shift+O"])
        a("actPaperEntry", self.tr("Invoeren van &papier…"), self.show_paper_entry, ["Ctrl+Shift+K"])
        a("actCycles", self.tr("Tra&jecten Veilige Buurten…"), self.show_cycles, ["Ctrl+Shift+T"])
        a("actIndicators", self.tr("In&dicatoren…"), self.show_indicators, ["Ctrl+Shift+I"])
        a("actReport", self.tr("&Rapport maken…"), self.make_report, ["Ctrl+P"])
        a("actFeedback", self.tr("&Terugkoppeling voor bewoners…"), self.make_feedback)
        a("actShortcuts", self.tr("&Sneltoetsen"), self.show_shortcuts, ["F1"])
        a("actAbout", self.tr("&Over Schouw"), self.show_about)
        a("actCheckUpdates", self.tr("&Controleren op updates"), self.check_for_updates)
        for key, keys in LEVEL_KEYS.items():
            text = self.tr("Niveau {level}").format(level=key) if key != NOT_APPLICABLE else self.tr("Niet van toepassing")
            safe = key.replace("+", "plus").replace(".", "")
            action = a(f"actLevel_{safe}", text, lambda _c=False, k=key: self.set_level(k), keys)
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.actions_by_name["actReport"].setEnabled(report_available())
        self.actions_by_name["actFeedback"].setEnabled(report_available())
        # Exchange and MOR sync live in their own modules; they join when present.
        if module_available("schouw.ui.export_dialog"):
            a("actExport", self.tr("&Exporteren…"), self.export_package, ["Ctrl+E"])
            a("actImportPackage", self.tr("Pakket &importeren…"), self.import_package)
        if module_available("schouw.ui.sync_panel"):
            a("actSync", self.tr("&Synchroniseren…"), self.open_sync)
        if module_available("psycopg"):
            a("actPublish", self.tr("&Publiceren naar gemeente…"), self.publish_central)
            a("actPull", self.tr("Op&halen van gemeente…"), self.pull_central)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        bar.clear()
        act = self.actions_by_name
        file_menu = bar.addMenu(self.tr("&Bestand"))
        file_menu.setObjectName("menuFile")
        file_menu.addAction(act["actNewProject"])
        file_menu.addAction(act["actOpenProject"])
        self.recent_menu = file_menu.addMenu(self.tr("&Recent"))
        self.recent_menu.setObjectName("menuRecent")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(act["actImportStreets"])
        if "actPublish" in act:
            file_menu.addAction(act["actPublish"])
            file_menu.addAction(act["actPull"])
        file_menu.addSeparator()
        file_menu.addAction(act["actSettings"])
        file_menu.addSeparator()
        file_menu.addAction(act["actQuit"])

        edit = bar.addMenu(self.tr("Be&werken"))
        edit.setObjectName("menuEdit")
        edit.addAction(act["actUndo"])
        edit.addAction(act["actRedo"])
        edit.addSeparator()
        edit.addAction(act["actNewFinding"])
        edit.addAction(act["actDeleteFinding"])
        levels = edit.addMenu(self.tr("Ni&veau"))
        levels.setObjectName("menuLevel")
        for key in LEVEL_KEYS:
            safe = key.replace("+", "plus").replace(".", "")
            levels.addAction(act[f"actLevel_{safe}"])
        edit.addSeparator()
        edit.addAction(act["actAddPhoto"])
        edit.addAction(act["actPastePhoto"])

        street = bar.addMenu(self.tr("&Straat"))
        street.setObjectName("menuStreet")
        street.addAction(act["actFindStreet"])
        street.addAction(act["actShowMap"])
        street.addAction(act["actNextStreet"])
        street.addAction(act["actPrevStreet"])
        street.addSeparator()
        street.addAction(act["actStreetDone"])
        street.addAction(act["actDoneNext"])
        street.addSeparator()
        street.addAction(act["actAddStreet"])

        self.round_menu = bar.addMenu(self.tr("&Ronde"))
        self.round_menu.setObjectName("menuRound")
        self.round_menu.addAction(act["actNewRound"])
        self.rounds_menu = self.round_menu.addMenu(self.tr("Ronde &openen"))
        self.rounds_menu.setObjectName("menuRounds")
        self.rounds_menu.aboutToShow.connect(self._fill_rounds)
        self.round_menu.addAction(act["actTeam"])
        self.round_menu.addAction(act["actProfile"])
        self.round_menu.addAction(act["actActions"])
        self.round_menu.addAction(act["actOverview"])
        self.round_menu.addAction(act["actPaperEntry"])
        self.round_menu.addAction(act["actCycles"])
        self.round_menu.addAction(act["actIndicators"])
        self.round_menu.addAction(act["actCloseRound"])
        self.round_menu.addSeparator()
        # What goes out of (or into) a round: report, export and import packages, sync.
        # Extensions add theirs to the same section (add_round_output_action).
        self._round_output_anchor = self.round_menu.addSeparator()
        self.round_menu.insertAction(self._round_output_anchor, act["actReport"])
        self.round_menu.insertAction(self._round_output_anchor, act["actFeedback"])
        for name in ("actExport", "actImportPackage", "actSync"):
            if name in act:
                self.round_menu.insertAction(self._round_output_anchor, act[name])
        for factory in ROUND_OUTPUT_ACTIONS:
            try:
                self.add_round_output_action(factory(self))
            except Exception:  # noqa: BLE001 - a broken extension must not stop the app
                log.exception("round menu extension failed")

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.setObjectName("menuHelp")
        help_menu.addAction(act["actShortcuts"])
        if settings.update_url():  # absent unless a municipality configured where to ask
            help_menu.addAction(act["actCheckUpdates"])
        help_menu.addAction(act["actAbout"])

    def add_round_output_action(self, action: QAction) -> None:
        """Put an action in the round's output section of the Ronde menu (see
        :data:`ROUND_OUTPUT_ACTIONS`)."""
        self.addAction(action)
        self.round_menu.insertAction(self._round_output_anchor, action)

    def _rebuild(self) -> None:
        """Build menus and screens anew (language, text size or project changed),
        keeping where the user was."""
        state = self._view_state()
        if self.editor is not None:
            self.editor.flush()
            self.editor.wait_for_imports()
        for action in list(self.actions()):
            self.removeAction(action)
            action.deleteLater()
        self.statusBar().removeWidget(self.saved_label)
        self.statusBar().removeWidget(self.path_label)
        self.statusBar().removeWidget(self.outbox_label)
        self.statusBar().removeWidget(self.overdue_label)
        self.overdue_label.deleteLater()
        self.saved_label.deleteLater()
        self.path_label.deleteLater()
        self.outbox_label.deleteLater()
        old = self.takeCentralWidget()
        if old is not None:
            old.hide()
            old.deleteLater()
        self.editor = self.streets = self.findings = None
        self.meting_walk = None
        self._build()
        self._restore_view_state(state)

    def _view_state(self) -> dict:
        if self.streets is None or self.findings is None:
            return {}
        return {"street": self.streets.current_street_id(), "finding": self.findings.current_finding_id(),
                "search": self.streets.search.text(), "hide_done": self.streets.hide_done.isChecked(),
                "map": self.middle.currentWidget() is self.map}

    def _restore_view_state(self, state: dict) -> None:
        if not state or self.streets is None:
            return
        self.streets.hide_done.setChecked(state.get("hide_done", False))
        self.streets.search.setText(state.get("search", ""))
        if state.get("street"):
            self.reveal(state["street"], state.get("finding", ""))
        if state.get("map"):
            self.middle.setCurrentWidget(self.map)

    # ================================================================== state
    @contextmanager
    def _one_state_update(self) -> Iterator[None]:
        """Opening a project rebuilds the screens and opens a round, and each step would
        refresh the menus and the status bar (counting the overdue actions of the whole
        project every time: three times per start, issue 20). Inside this, they are
        refreshed once, at the end."""
        self._state_held += 1
        try:
            yield
        finally:
            self._state_held -= 1
        if not self._state_held:
            self._update_state()

    def _update_state(self) -> None:
        if self._state_held:
            return  # refreshed once when _one_state_update ends
        session = self.session
        has_round = session is not None and session.ctx is not None
        meting = has_round and str(session.ctx.round.kind) == "meting"
        if has_round:
            self.stack.setCurrentIndex(2 if meting and self.stack.count() > 2 else 1)
        else:
            has_buurten = session is not None and bool(session.project.areas.buurten())
            self.start_page.show_state(project_name=session.name if session else None, has_buurten=has_buurten,
                                       recent=[p for p in self.prefs.recent if Path(p).exists()])
            self.stack.setCurrentIndex(0)
        for name in ("actNewFinding", "actDeleteFinding", "actAddPhoto", "actPastePhoto", "actFindStreet",
                     "actNextStreet", "actPrevStreet", "actStreetDone", "actDoneNext", "actAddStreet", "actTeam",
                     "actCloseRound"):
            self.actions_by_name[name].setEnabled(has_round)
        for name in ("actNewFinding", "actDeleteFinding", "actAddPhoto", "actPastePhoto", "actFindStreet",
                     "actNextStreet", "actPrevStreet", "actStreetDone", "actDoneNext", "actAddStreet"):
            if meting:  # a meting is walked point by point on its own screen
                self.actions_by_name[name].setEnabled(False)
        self.actions_by_name["actReport"].setEnabled(has_round and report_available())
        self.actions_by_name["actFeedback"].setEnabled(has_round and report_available())
        for name in ("actExport", "actImportPackage", "actSync", "actPublish", "actPull"):
            if name in self.actions_by_name:
                self.actions_by_name[name].setEnabled(session is not None)
        self.actions_by_name["actNewRound"].setEnabled(session is not None)
        self.actions_by_name["actProfile"].setEnabled(session is not None)
        self.actions_by_name["actActions"].setEnabled(session is not None)
        self.actions_by_name["actCycles"].setEnabled(session is not None)
        self.actions_by_name["actIndicators"].setEnabled(session is not None)
        self.actions_by_name["actImportStreets"].setEnabled(session is not None)
        self.path_label.setText(session.project.path.name if session else "")
        self.path_label.setToolTip(str(session.project.path) if session else "")
        self._update_saved()
        self.update_outbox_state()
        # a count over every action of the project: after the first paint at start-up
        after_first_paint(self, self.update_overdue_state)

    def update_overdue_state(self) -> None:
        """How many actions of the project are overdue, in the status bar (red)."""
        if self.session is None:
            self.overdue_label.setText("")
            return
        from schouw.services.actions import overdue_count

        try:
            n = overdue_count(self.session.project)
        except Exception:  # noqa: BLE001 - a status line must never stop the walk
            log.exception("counting overdue actions failed")
            return
        text = self.tr("%n actiepunten verlopen", "", n) if n else ""
        self.overdue_label.setText(text)
        self.overdue_label.setAccessibleDescription(text)
        theme.colour_text(self.overdue_label, theme.BELOW)

    def show_actions(self):
        """The Actiepunten view: every action of the round or project, status by hand."""
        from schouw.ui.actions_view import ActionsDialog

        if self.session is None:
            return None
        if self.editor is not None:
            self.editor.flush()
        dialog = ActionsDialog(self.session, self.hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openFinding.connect(self.show_finding)
        dialog.show()
        return dialog

    def show_cycles(self):
        """Trajecten Veilige Buurten: the buurt's cycle, its priorities and evaluation (ui/cycles_view.py)."""
        from schouw.ui.cycles_view import CyclesDialog

        if self.session is None:
            return None
        dialog = CyclesDialog(self.session, self.hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openFinding.connect(self.show_finding)
        dialog.show()
        return dialog

    def show_overview(self, today=None):
        """The Overzicht (issue #19): every wijk and buurt over a period, with hotspots;
        it follows edits through the hub and drills down into the walk."""
        from schouw.ui.overview_view import OverviewDialog

        if self.session is None:
            return None
        if self.editor is not None:
            self.editor.flush()
        dialog = OverviewDialog(self.session, self.hub, self, today=today)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.openRound.connect(self.open_round)
        dialog.openFinding.connect(self.show_finding)
        dialog.show()
        return dialog

    def show_paper_entry(self):
        """Invoeren van papier: key the ticked walk-pack forms back in (ui/paper_entry.py)."""
        from schouw.ui.paper_entry import PaperEntryDialog

        if self.session is None or self.session.ctx is None:
            return None
        dialog = PaperEntryDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_indicators(self):
        """The Indicatoren view (ui/indicators_view.py): nulmeting, streefwaarde, values
        and whether each indicator is on course; QtCharts loads only now."""
        from schouw.ui.indicators_view import IndicatorsDialog

        if self.session is None:
            return None
        dialog = IndicatorsDialog(self.session, self.hub, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_finding(self, round_id: str, finding_id: str) -> None:
        """Open the finding's round if needed and show the finding in the walk."""
        if self.session is None:
            return
        if self.session.ctx is None or self.session.ctx.round.id != round_id:
            self.open_round(round_id)
        try:
            street_id = self.session.project.findings.one(finding_id).street_id
        except SchouwError as error:
            show_error(self, error)
            return
        self.reveal(street_id, finding_id)

    def update_outbox_state(self, *_args) -> None:
        """The outbox in a few words in the status bar: "3 in wachtrij · 1 mislukt"."""
        if self.session is None:
            self.outbox_label.setText("")
            return
        from schouw.services.sync import outbox_summary

        try:
            counts = outbox_summary(self.session.project)
        except Exception:  # noqa: BLE001 - a status line must never stop the walk
            log.exception("reading the outbox failed")
            return
        parts = []
        if counts["queued"]:
            parts.append(self.tr("{n} in wachtrij").format(n=counts["queued"]))
        if counts["failed"]:
            parts.append(self.tr("{n} mislukt").format(n=counts["failed"]))
        if counts["unknown"]:
            parts.append(self.tr("{n} onbekend").format(n=counts["unknown"]))
        if not parts and counts["sent"]:
            parts.append(self.tr("{n} verzonden").format(n=counts["sent"]))
        text = " · ".join(parts)
        self.outbox_label.setText(text)
        self.outbox_label.setAccessibleDescription(text)
        theme.colour_text(self.outbox_label, theme.BELOW if counts["failed"] else theme.MUTED)

    def _update_saved(self, *_args) -> None:
        pending = self.editor is not None and self.editor.has_pending()
        if self.session is None:
            self.setWindowTitle("Schouw")
            self.saved_label.setText("")
            return
        state = self.tr("wordt opgeslagen…") if pending else self.tr("opgeslagen")
        parts = [self.session.name]
        if self.session.ctx is not None:
            from schouw.ui.labels import kind_badge

            parts.append(f"{self.session.ctx.round.title} ({kind_badge(self.session.ctx.round.kind)})")
        self.setWindowTitle(f"{' – '.join(parts)} – {state} – Schouw")
        self.saved_label.setText(("● " if pending else "✓ ") + (self.tr("Wijziging wordt opgeslagen…") if pending
                                                               else self.tr("Alles opgeslagen")))
        theme.colour_text(self.saved_label, "#8a5300" if pending else theme.GOOD)

    def _notice(self, text: str, error: bool) -> None:
        if error:
            show_message(self, self.tr("Foto's"), text)
        else:
            self.statusBar().showMessage(text, 6000)

    # ================================================================== projects
    def open_initial(self, db: str | Path | None) -> None:
        """At start: ``--db`` if given, else the last project, else the default file."""
        if db:
            self.open_path(str(db))
            return
        for candidate in (self.prefs.last_project, str(settings.default_project_path())):
            if candidate and Path(candidate).is_file():
                if self.open_path(candidate, quiet_missing=True):
                    return
                break
        self._update_state()

    def open_path(self, path: str, quiet_missing: bool = False) -> bool:
        try:
            project = open_project(path)
        except SchouwError as error:
            if error.key == "project_missing":
                self.prefs.forget_project(path)
                if quiet_missing:
                    return False
            show_error(self, error)
            self._update_state()
            return False
        self._use_project(project)
        return True

    def _use_project(self, project: Project) -> None:
        self.close_project()
        session = Session(project, self)
        session.failed.connect(self._failed)
        session.reveal.connect(self.reveal)
        session.roundChanged.connect(self._update_state)
        session.undo_stack.indexChanged.connect(self._update_saved)
        session.undo_stack.indexChanged.connect(self.update_outbox_state)
        session.undo_stack.indexChanged.connect(self._keep_focus)
        # the walk's edits reach other views (an overview, a map) through the hub too
        session.findingEdited.connect(lambda *_: self._walk_changed(findings=True))
        session.findingsChanged.connect(lambda *_: self._walk_changed(findings=True))
        session.photosChanged.connect(lambda *_: self._walk_changed(photos=True))
        session.streetChanged.connect(lambda *_: self._walk_changed(walked=True))
        session.streetAdded.connect(lambda *_: self._walk_changed(streets=True))
        self.session = session
        self.prefs.remember_project(project.path)
        round_id = self.prefs.last_round.get(str(project.path))
        rounds = walk.rounds(project)
        if round_id not in {r["id"] for r in rounds}:
            round_id = rounds[0]["id"] if rounds else None
        with self._one_state_update():
            self._rebuild()
            self._open_round(round_id)
        # a copy of the whole file on a thread: not while the app starts up (issue 20)
        after_first_paint(self, self._daily_backup)
        self._backup_timer.start()

    def _walk_changed(self, **kinds: bool) -> None:
        session = self.session
        if session is not None and session.ctx is not None:
            self.hub.notify(Changes(**kinds, round_ids=frozenset({session.ctx.round.id})), session)

    def close_project(self) -> None:
        if self.session is None:
            return
        if self.editor is not None:
            self.editor.flush()
            self.editor.wait_for_imports()
        session, self.session = self.session, None
        self._backup_timer.stop()
        session.close()
        session.deleteLater()
        self._rebuild()

    def new_project(self) -> None:
        start = str(settings.default_project_path().parent / self.tr("wijkschouw.schouw"))
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Nieuw project"), start,
                                              self.tr("Schouw-project (*.schouw)"))
        if path:
            self.create_at(path)

    def create_at(self, path: str) -> bool:
        if not path.endswith(".schouw"):
            path += ".schouw"
        try:
            project = create_project(path)
        except SchouwError as error:
            show_error(self, error)
            return False
        self._use_project(project)
        return True

    def choose_project(self) -> None:
        start = self.prefs.last_project or str(settings.data_dir())
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Project openen"), str(Path(start).parent),
                                              self.tr("Schouw-project (*.schouw);;Alle bestanden (*)"))
        if path:
            self.open_path(path)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.prefs.recent:
            action = self.recent_menu.addAction(f"{Path(path).stem}  —  {path}")
            action.triggered.connect(lambda _c=False, p=path: self.open_path(p))
            action.setEnabled(Path(path).exists())
        if not self.prefs.recent:
            self.recent_menu.addAction(self.tr("(nog geen recente projecten)")).setEnabled(False)

    def _daily_backup(self) -> None:
        if self.session is not None:
            start_task(BackupTask(self.session.project))

    def import_streets(self) -> None:
        from schouw.ui.import_dialog import StreetImportDialog

        if self.session is None:
            return
        dialog = StreetImportDialog(self.session.project, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._streets_imported(dialog.result_text))
        self._open_dialog(dialog)

    def _streets_imported(self, text: str) -> None:
        self.hub.notify(Changes(streets=True))
        self.statusBar().showMessage(text, 8000)

    def _on_changes(self, changes: Changes, initiator: object | None = None) -> None:
        """Refresh what a dialog's use case changed. The open round is read again only
        when its rows or streets changed; its undo history is cut only when the change
        touched rows an undo step refers to, and then the status bar says why."""
        session = self.session
        if changes.actions:
            self.update_overdue_state()
        if session is None or initiator is session:
            return  # the walk's own edits: its views refreshed through the session's signals
        if changes.sync_profile and self.editor is not None:
            from schouw.services.sync import chosen_profile

            self.editor.set_sync_profile(*chosen_profile())
        ctx = session.ctx
        if ctx is not None and (changes.touches_round(ctx.round.id) or changes.streets):
            cut = changes.cuts_undo(ctx.round.id) and session.undo_stack.count() > 0
            state = self._view_state()
            try:
                session.reload_round(keep_undo=not cut)
            except SchouwError as error:
                show_error(self, error)
                self._open_round(None)
                return
            self._restore_view_state(state)
            if cut:
                self.statusBar().showMessage(
                    self.tr("Ongedaan maken is niet meer mogelijk: geïmporteerde gegevens hebben deze ronde "
                            "veranderd."), 15000)
        elif (changes.actions or changes.outbox) and self.editor is not None and self.editor.finding_id:
            session.findingEdited.emit(self.editor.finding_id)
        self._update_state()

    # ================================================================== rounds
    def new_round(self) -> None:
        from schouw.ui.round_dialog import RoundDialog

        if self.session is None:
            return
        ctx = self.session.ctx
        dialog = RoundDialog(self.session.project, self, buurt_id=ctx.buurt.id if ctx is not None else None)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changesMade.connect(self.hub.notify)
        dialog.accepted.connect(lambda: self.open_round(dialog.round_id))
        # a new round has no findings yet: the walker picks a street
        self._open_dialog(dialog, accepted_focus=lambda: self.streets.table if self.streets else None)
        return dialog

    def open_round(self, round_id: str | None) -> None:
        if self.editor is not None:
            self.editor.flush()
        self._open_round(round_id)

    def _open_round(self, round_id: str | None) -> None:
        if self.session is None:
            return
        with self._one_state_update():
            try:
                self.session.open_round(round_id)
            except SchouwError as error:
                show_error(self, error)
                self.session.open_round(None)
            if self.session.ctx is not None:
                self.prefs.last_round[str(self.session.project.path)] = self.session.ctx.round.id
                self.prefs.save()
                if self.streets is not None and not self.streets.current_street_id():
                    self.streets.step(1, skip_done=True) or self.streets.step(1)

    def _fill_rounds(self) -> None:
        self.rounds_menu.clear()
        if self.session is None:
            return
        for row in walk.rounds(self.session.project):
            from schouw.ui.labels import kind_badge

            action = self.rounds_menu.addAction(
                f"{row['date']}  {row['title']} · {kind_badge(row['kind'])}  ({row['findings']})")
            action.setCheckable(True)
            action.setChecked(self.session.ctx is not None and self.session.ctx.round.id == row["id"])
            action.triggered.connect(lambda _c=False, rid=row["id"]: self.open_round(rid))

    def edit_profile(self) -> None:
        """The Kwaliteitsprofiel dialog; the walk's below-norm marks follow its changes."""
        from schouw.ui.profile_dialog import ProfileDialog

        if self.session is None:
            return
        dialog = ProfileDialog(self.session.project, self.session.ctx.form if self.session.ctx else None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # the norms are the round's: every view re-reads them through the hub (undo stays)
        dialog.changed.connect(lambda: self.hub.notify(Changes(rounds=True)))
        self._open_dialog(dialog)
        return dialog

    def edit_team(self) -> None:
        from schouw.ui.round_dialog import TeamDialog

        if self.session is None or self.session.ctx is None:
            return
        dialog = TeamDialog(self.session.project, self.session.ctx.round.id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.changesMade.connect(self.hub.notify)
        self._open_dialog(dialog)

    def make_feedback(self) -> None:
        """*Ronde → Terugkoppeling voor bewoners…*: the report dialog, set to the feedback."""
        self.make_report(kind="terugkoppeling")

    def make_report(self, *_checked: object, kind: str = "round") -> None:
        if self.session is None or self.session.ctx is None:
            return
        if self.editor is not None:
            self.editor.flush()
        try:
            from schouw.ui.report_dialog import ReportDialog
        except ImportError:
            show_message(self, self.tr("Rapport"), self.tr("Rapporten maken kan in deze versie nog niet."),
                         error=False)
            return
        dialog = ReportDialog(self.session.project, self.session.ctx.round.id, self, kind=kind)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._open_dialog(dialog)

    def _open_extension(self, build) -> None:
        """Open a dialog of another part of the app; a failure there is reported, not fatal."""
        if self.session is None:
            return
        if self.editor is not None:
            self.editor.flush()
        try:
            dialog = build()
        except SchouwError as error:
            show_error(self, error)
            return
        except Exception:  # noqa: BLE001 - logged by the hook, the walk goes on
            import sys

            from schouw.ui import errors

            errors.handle_exception(*sys.exc_info())
            return
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        # what the dialog's use cases changed reaches the views through the hub; a
        # dialog that changed nothing leaves the round, its selection and undo alone
        changes_made = getattr(dialog, "changesMade", None)
        if changes_made is not None:
            changes_made.connect(self.hub.notify)
        self._open_dialog(dialog)

    def export_package(self) -> None:
        def build():
            from schouw.ui.export_dialog import ExportDialog

            ctx = self.session.ctx
            return ExportDialog(self.session.project, ctx.round.id if ctx else None, self)

        self._open_extension(build)

    def publish_central(self) -> None:
        """Bestand › Publiceren naar gemeente…: the project into the municipality's PostGIS (#21)."""
        def build():
            from schouw.ui.publish_dialog import PublishDialog

            return PublishDialog(self.session.project, self)

        self._open_extension(build)

    def pull_central(self) -> None:
        """Bestand › Ophalen van gemeente…: a buurt's central state onto this laptop (#21)."""
        def build():
            from schouw.ui.publish_dialog import PullDialog

            ctx = self.session.ctx
            return PullDialog(self.session.project, ctx.buurt.name if ctx else "", self)

        self._open_extension(build)

    def import_package(self) -> None:
        def build():
            from schouw.ui.export_dialog import ImportDialog

            return ImportDialog(self.session.project, self)

        self._open_extension(build)

    def open_sync(self) -> None:
        def build():
            from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

            from schouw.ui.sync_panel import SyncPanel

            dialog = QDialog(self)
            named(dialog, "syncDialog", self.tr("Synchroniseren"))
            dialog.setWindowTitle(self.tr("Synchroniseren met het meldingensysteem"))
            layout = QVBoxLayout(dialog)
            sync_panel = SyncPanel(self.session.project, dialog)
            sync_panel.changesMade.connect(self.hub.notify)
            sync_panel.profileRequested.connect(lambda new: self._choose_sync_profile(sync_panel, new))
            layout.addWidget(sync_panel)
            buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
            named(buttons.button(QDialogButtonBox.StandardButton.Close), "syncClose", self.tr("Sluiten"))
            buttons.rejected.connect(dialog.reject)
            layout.addWidget(buttons)
            dialog.finished.connect(sync_panel.stop)  # a running sync stops in the background
            fit_on_screen(dialog, 900, 560)
            return dialog

        self._open_extension(build)

    def _choose_sync_profile(self, sync_panel, new: bool) -> None:
        """The sync window had no profile: the settings choose one (or make one)."""
        settings_dialog = self.open_settings()
        settings_dialog.accepted.connect(lambda: sync_panel.set_profile(None))
        if new:
            settings_dialog.open_profile_editor(new=True)

    # ================================================================== keyboard focus
    def _open_dialog(self, dialog: QDialog, accepted_focus: Callable[[], QWidget | None] | None = None) -> None:
        """Open a dialog window-modally; when it closes, the keyboard goes back to where
        the walker was (Qt does not always return it, and a view the dialog refreshed
        may have dropped it), or, once accepted, to ``accepted_focus()``."""
        before = QApplication.focusWidget()

        def finished(result: int) -> None:
            accepted = result == QDialog.DialogCode.Accepted and accepted_focus is not None
            QTimer.singleShot(0, lambda: self._return_focus(accepted_focus() if accepted else before))

        dialog.finished.connect(finished)
        dialog.open()

    def _return_focus(self, widget: QWidget | None) -> None:
        self.activateWindow()  # the dialog had it; not every platform gives it back
        try:
            usable = widget is not None and self._usable(widget)
        except RuntimeError:  # deleted with a rebuilt screen
            usable = False
        if usable:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._focus_home()

    def _usable(self, widget: QWidget) -> bool:
        """A widget the next keystroke can go to: shown, enabled, in this window and one
        of ours (every interactive widget has an accessible name)."""
        return (widget.isVisible() and widget.isEnabled() and widget.window() is self
                and bool(widget.accessibleName()))

    def _focus_home(self) -> None:
        """The walker's home base: the finding list (arrows choose a finding, 1–5 set its
        level, Ctrl+N adds one, Ctrl+Z undoes); the street list when there is no round.
        On a meting: the judge grid (1–5 and 0 judge, Ctrl+Enter finishes the point)."""
        walk_screen = getattr(self, "meting_walk", None)
        if walk_screen is not None and self.stack.currentWidget() is walk_screen:
            walk_screen.focus_grid()
            return
        if self.findings is not None and self.session is not None and self.session.ctx is not None:
            self.findings.table.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.streets is not None and self.streets.isVisible():
            self.streets.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _keep_focus(self, *_args) -> None:
        """After a change (saved, undone, a street marked walked) the keyboard stays where
        it was, unless that widget went away (an editor field of a finding no longer
        shown, a level bar hidden): then it goes home instead of nowhere."""
        if QApplication.activeModalWidget() is not None or QApplication.activeWindow() not in (self, None):
            return  # the keyboard is in a dialog: leave it there
        # the window's own focus widget: also right while another program is in front
        # (a photo import that finishes then must not move the walker's cursor)
        widget = self.focusWidget()
        if widget is None or not self._usable(widget):
            self._focus_home()

    # ================================================================== walking
    def _street_selected(self, street_id: str) -> None:
        if self.editor is not None:
            self.editor.flush()
        self.findings.show_street(street_id)
        ids = self.findings.model.finding_ids()
        self.findings.select_finding(ids[0] if ids else "")
        if not ids:
            self.editor.load(None)

    def _finding_selected(self, finding_id: str) -> None:
        self.editor.load(finding_id or None)

    def reveal(self, street_id: str, finding_id: str) -> None:
        """Show a street and finding (after undo/redo or a rebuild)."""
        if self.streets is None:
            return
        if self.streets.current_street_id() != street_id:
            self.streets.select_street(street_id)
        if finding_id:
            self.findings.select_finding(finding_id)

    def new_finding(self) -> None:
        if self.session is None or self.session.ctx is None or self.streets is None:
            return
        street_id = self.streets.current_street_id()
        if not street_id:
            self.streets.step(1)
            street_id = self.streets.current_street_id()
            if not street_id:
                return
        self.editor.flush()
        # The same element as the finding before (a walker often notes several things
        # about one element in a street), but never its aspect: a copied aspect went
        # unnoticed and recorded the wrong defect. The keyboard lands on the aspect.
        last = self.editor._detail.finding if self.editor._detail is not None else None
        finding_id = self.session.new_finding(street_id, last.element if last else None)
        if finding_id:
            self.findings.select_finding(finding_id)
            self.editor.aspect_combo.setFocus(Qt.FocusReason.ShortcutFocusReason)
            self.statusBar().showMessage(
                self.tr("Nieuwe bevinding: kies het aspect (↑ ↓), dan het niveau met 1–5 of A–D."), 6000)

    def delete_finding(self) -> None:
        if self.session is None or self.findings is None:
            return
        finding_id = self.findings.current_finding_id()
        if not finding_id:
            return
        self.editor.flush()
        row = self.findings.model.row_of(finding_id)
        ids = self.findings.model.finding_ids()
        self.session.delete_finding(finding_id, self.tr("Bevinding verwijderen"))
        remaining = self.findings.model.finding_ids()
        if remaining:
            self.findings.select_finding(remaining[min(row, len(remaining) - 1)])
        elif ids:
            self.editor.load(None)
        self.statusBar().showMessage(self.tr("Bevinding verwijderd. Ctrl+Z haalt haar terug."), 8000)

    def set_level(self, key: str) -> None:
        if self.editor is not None and not self.editor.set_level(key):
            self.statusBar().showMessage(self.tr("Kies eerst een bevinding met een niveau."), 4000)

    def step_street(self, delta: int) -> None:
        if self.streets is not None:
            self.editor.flush()
            self.streets.step(delta)

    def toggle_map(self) -> None:
        """Switch the middle pane between the findings list and the map (Ctrl+M)."""
        if self.session is None or self.streets is None:
            return
        showing_map = self.middle.currentWidget() is self.map
        self.middle.setCurrentWidget(self.findings if showing_map else self.map)
        (self.findings.table if showing_map else self.map.view).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        if self.streets is not None:
            self.streets.focus_search()

    def set_street_done(self, done: bool) -> None:
        if self.session is None or self.streets is None:
            return
        street_id = self.streets.current_street_id()
        if street_id:
            self.session.set_street_done(street_id, done,
                                         self.tr("Straat gelopen") if done else self.tr("Straat niet gelopen"))

    def toggle_street_done(self) -> None:
        if self.session is None or self.streets is None or self.session.ctx is None:
            return
        street_id = self.streets.current_street_id()
        if street_id:
            done = street_id in self.session.project.rounds.done_streets(self.session.ctx.round.id)
            self.set_street_done(not done)

    def done_and_next(self) -> None:
        if self.streets is None:
            return
        self.editor.flush()
        self.set_street_done(True)
        if not self.streets.step(1, skip_done=True):
            self.statusBar().showMessage(self.tr("Alle straten verder in de lijst zijn gelopen."), 6000)
        self._focus_home()  # the next street's findings: choose one, or Ctrl+N

    def add_street(self) -> None:
        if self.session is None or self.session.ctx is None:
            return
        name = panels.ask_street_name(self)
        if name:
            self.session.add_street(name)

    def _choose_photos(self) -> None:
        if self.editor is not None:
            self.editor.choose_photos()

    def _paste_photo(self) -> None:
        if self.editor is not None and self.editor.finding_id:
            self.editor.paste_photo()

    def undo(self) -> None:
        if self.session is not None:
            if self.editor is not None:
                self.editor.flush()
            stack = self.session.undo_stack
            what = stack.undoText()
            if not stack.canUndo():
                self.statusBar().showMessage(self.tr("Er is niets om ongedaan te maken."), 4000)
                return
            stack.undo()
            # the message of the step just undone ("… Ctrl+Z haalt haar terug") no longer holds
            self.statusBar().showMessage(self.tr("Ongedaan gemaakt: {what}").format(what=what), 5000)
            self._focus_home()

    def redo(self) -> None:
        if self.session is not None:
            if self.editor is not None:
                self.editor.flush()
            stack = self.session.undo_stack
            what = stack.redoText()
            if not stack.canRedo():
                self.statusBar().showMessage(self.tr("Er is niets om opnieuw te doen."), 4000)
                return
            stack.redo()
            self.statusBar().showMessage(self.tr("Opnieuw gedaan: {what}").format(what=what), 5000)
            self._focus_home()

    def _failed(self, error: SchouwError) -> None:
        show_error(self, error)
        if self.editor is not None and self.editor.finding_id:
            self.session.findingEdited.emit(self.editor.finding_id)

    # ================================================================== settings & help
    def open_settings(self):
        from schouw.ui.settings_dialog import SettingsDialog

        form = self.session.ctx.form if self.session is not None and self.session.ctx is not None else None
        storage = None
        if self.session is not None:
            from schouw.services.findings import photo_storage

            storage = photo_storage(self.session.project)
        dialog = SettingsDialog(self.prefs, self, form=form, storage=storage)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._settings_chosen(dialog))
        self._open_dialog(dialog)
        return dialog

    def _settings_chosen(self, dialog) -> None:
        if dialog.apply_to(self.prefs):
            self.apply_language_and_size()
        if self.editor is not None:
            self.editor.keep_original = self.prefs.keep_original
        self.hub.notify(Changes(sync_profile=True) if dialog.sync_changed else Changes.NONE)
        self.update_outbox_state()

    def apply_language_and_size(self) -> None:
        from PySide6.QtWidgets import QApplication

        i18n.set_language(self.prefs.language)
        theme.apply(QApplication.instance(), self.prefs.text_scale)
        self._rebuild()

    def show_shortcuts(self) -> None:
        rows = [
            ("Ctrl+N", self.tr("nieuwe bevinding in de gekozen straat")),
            ("1 2 3 4 5  /  + A B C D", self.tr("niveau A+ A B C D (Ctrl+1..5 werkt ook tijdens typen)")),
            ("0  /  N", self.tr("niet van toepassing")),
            ("Ctrl+F", self.tr("straat zoeken; ↓ of Enter gaat naar de lijst")),
            ("Ctrl+PgDown / Alt+↓", self.tr("volgende straat")),
            ("Ctrl+PgUp / Alt+↑", self.tr("vorige straat")),
            ("Ctrl+D", self.tr("straat gelopen aan/uit")),
            ("Ctrl+Enter", self.tr("straat gelopen en door naar de volgende open straat")),
            ("Ctrl+Z / Ctrl+Y", self.tr("ongedaan maken / opnieuw")),
            ("Ctrl+Delete", self.tr("bevinding verwijderen")),
            ("Ctrl+I / Ctrl+Shift+V", self.tr("foto toevoegen / foto plakken")),
            ("Alt+1 / Alt+2", self.tr("te controleren punt: opgelost / nog aanwezig")),
            ("Alt+3", self.tr("te controleren punt: erger (kies het nieuwe niveau)")),
            ("Ctrl+M", self.tr("kaart of lijst van bevindingen")),
            ("+ − 0  ←→↑↓", self.tr("op de kaart: zoomen, hele buurt, schuiven")),
            ("P, Enter", self.tr("op de kaart: kruisje; de gekozen bevinding daar plaatsen")),
        ]
        from schouw.ui.shortcuts_dialog import ShortcutsDialog

        dialog = ShortcutsDialog(rows, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def close_round(self) -> None:
        from schouw.ui.recheck_panel import close_round

        close_round(self)

    def show_about(self) -> None:
        from schouw.ui.about_dialog import AboutDialog

        self.about_dialog = AboutDialog(self)
        self.about_dialog.open()

    def check_for_updates(self) -> None:
        """Only when the user asks, only where configured; see schouw/updates.py."""
        from schouw.ui.about_dialog import UpdateCheck

        url = settings.update_url()
        if url:
            self.update_check = UpdateCheck(self, url)

    # ================================================================== closing
    def flush(self) -> None:
        if self.editor is not None:
            self.editor.flush()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        if self.editor is not None:
            self.editor.wait_for_imports()
        # A sync, export or import still running on its thread (its window may be closed
        # already): ask it to stop and let it finish before the project is closed.
        workers.finish_all()
        self.prefs.geometry = bytes(self.saveGeometry().toBase64()).decode()
        if self.session is not None and hasattr(self, "splitter"):
            try:
                self.prefs.splitter = bytes(self.splitter.saveState().toBase64()).decode()
            except RuntimeError:
                pass
        self.prefs.save()
        if self.session is not None:
            session, self.session = self.session, None
            session.close()
        self._backup_timer.stop()
        super().closeEvent(event)


def module_available(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def report_available() -> bool:
    return module_available("schouw.ui.report_dialog")




def _verloop_action(window: MainWindow) -> QAction:
    """*Ronde › Verloop…* (issue #17.3): the view lives in ui/verloop_view.py."""
    from schouw.ui.verloop_view import verloop_action

    return verloop_action(window)


ROUND_OUTPUT_ACTIONS.append(_verloop_action)
