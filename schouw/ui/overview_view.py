"""The *Overzicht* (Ronde › Overzicht…, issue #19): per wijk and buurt over a period
— rounds, findings, below norm, the latest meting's share with its n, actions open and
overdue, re-inspection, the trend with its word — and the hotspots below it. The figures
come from :func:`schouw.services.monitoring.build_overview` and
:func:`schouw.services.hotspots.find_hotspots` (the CLI's ``schouw overview`` and
``schouw hotspots``). When the change hub reports an edit, only the buurten of the
changed rounds are read again (``update_overview``/``refresh_hotspots``).

A double-click drills down: a wijk filters the table to its buurten, a buurt opens its
latest round in the walk, a hotspot shows its centre finding.
"""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.publish.connection import SCHEMA_META, URL_META
from schouw.services.changes import Changes
from schouw.services.hotspots import (
    Hotspot,
    TimeRows,
    find_hotspots,
    refresh_hotspots,
    refresh_time_rows,
    time_rows,
    times_of,
)
from schouw.services.monitoring import DEFAULT_DAYS, Overview, build_overview, update_overview
from schouw.ui.overview_charts import CountBars
from schouw.ui.overview_models import SORT_ROLE, AreasModel, HotspotsModel
from schouw.ui.widgets import fit_on_screen, named
from schouw.ui.workers import ProjectTask, start_task


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class OverviewDialog(QDialog):
    """The overview tables with their period and wijk filter."""

    # open this round in the walk (the latest round of a buurt)
    openRound = Signal(str)
    # show this finding in the walk (round id, finding id): a hotspot's centre
    openFinding = Signal(str, str)

    def __init__(self, session, hub, parent: QWidget | None = None, today: date | None = None):
        super().__init__(parent)
        named(self, "overviewDialog", self.tr("Overzicht"))
        self.setWindowTitle(self.tr("Overzicht per wijk en buurt"))
        self.session = session
        self.today = today or date.today()
        self.overview: Overview | None = None
        self.hotspots: list[Hotspot] = []
        self.time_rows: TimeRows = {}
        self.loading = False
        self._stale = False
        self._generation = 0
        self._task: ProjectTask | None = None
        layout = QVBoxLayout(self)

        filters = QHBoxLayout()
        self.from_edit = named(QDateEdit(self), "overviewFrom", self.tr("Vanaf datum"))
        self.to_edit = named(QDateEdit(self), "overviewTo", self.tr("Tot en met datum"))
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d-M-yyyy")
        self.to_edit.setDate(_qdate(self.today))
        self.from_edit.setDate(_qdate(self.today - timedelta(days=DEFAULT_DAYS - 1)))
        self.wijk_combo = named(QComboBox(self), "overviewWijk", self.tr("Welke wijk"))
        self.wijk_combo.addItem(self.tr("Alle wijken"), "")
        from_label = QLabel(self.tr("Van"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("t/m"), self)
        to_label.setBuddy(self.to_edit)
        filters.addWidget(from_label)
        filters.addWidget(self.from_edit)
        filters.addWidget(to_label)
        filters.addWidget(self.to_edit)
        filters.addWidget(self.wijk_combo, 1)
        self.source_combo = named(QComboBox(self), "overviewSource", self.tr("Bron van het overzicht"))
        self.source_combo.addItem(self.tr("Dit project"), "")
        central = session.project.meta(URL_META)
        if central:  # the address of Bestand › Publiceren naar gemeente… (issue #21)
            self.source_combo.addItem(self.tr("Centrale database (alle teams)"), central)
        self.source_combo.setToolTip(central)
        self.source_combo.currentIndexChanged.connect(lambda _i: self.reload())
        filters.addWidget(self.source_combo)
        layout.addLayout(filters)
        self.summary_label = named(QLabel(self), "overviewSummary", self.tr("Samenvatting van het overzicht"))
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = AreasModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = self._table(splitter, "overviewTable", self.tr("Overzicht per wijk en buurt"), self.proxy,
                                 stretch=("name",), columns=AreasModel.COLUMNS)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.doubleClicked.connect(self._drill_down)
        hot = QWidget(splitter)
        hot_layout = QVBoxLayout(hot)
        hot_layout.setContentsMargins(0, 0, 0, 0)
        self.hotspots_label = named(QLabel(hot), "overviewHotspotsTitle", self.tr("Hotspots"))
        hot_layout.addWidget(self.hotspots_label)
        self.hotspot_model = HotspotsModel(self)
        self.hotspot_proxy = QSortFilterProxyModel(self)
        self.hotspot_proxy.setSourceModel(self.hotspot_model)
        self.hotspot_proxy.setSortRole(SORT_ROLE)
        self.hotspot_table = self._table(hot, "overviewHotspots", self.tr("Plekken waar bevindingen onder de norm "
                                                                          "terugkomen"), self.hotspot_proxy,
                                         stretch=("street", "items"), columns=HotspotsModel.COLUMNS)
        self.hotspot_table.setSortingEnabled(True)
        self.hotspot_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.hotspot_table.doubleClicked.connect(self._open_hotspot)
        below = QHBoxLayout()
        below.addWidget(self.hotspot_table, 3)
        below.addLayout(self._build_times(hot), 1)
        hot_layout.addLayout(below)
        splitter.addWidget(self.table)
        splitter.addWidget(hot)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout.addWidget(splitter, 1)

        self.reload()
        for edit in (self.from_edit, self.to_edit):
            edit.dateChanged.connect(lambda _d: self.reload())
        self.wijk_combo.currentIndexChanged.connect(lambda _i: self.reload())
        hub.changed.connect(self._on_changes)
        fit_on_screen(self, 1100, 720)
        self.table.setFocus()

    def _table(self, parent: QWidget, name: str, accessible: str, model, *, stretch: tuple[str, ...],
               columns: tuple[str, ...]) -> QTableView:
        table = named(QTableView(parent), name, accessible)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        # fixed row heights, and column widths from the first rows only: a refresh after an
        # edit must not measure hundreds of hotspot rows (the 0.1 s budget, bench/overview.py)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = table.horizontalHeader()
        header.setResizeContentsPrecision(40)
        for column, key in enumerate(columns):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch if key in stretch
                                        else QHeaderView.ResizeMode.ResizeToContents)
        return table

    def _build_times(self, parent: QWidget) -> QVBoxLayout:
        """Hot times beside the hotspots: when the problems arise, as counts."""
        box = QVBoxLayout()
        self.times_label = named(QLabel(parent), "overviewTimesTitle", self.tr("Wanneer"))
        self.times_label.setWordWrap(True)
        self.parts_chart = named(CountBars(parent), "overviewPartsChart", self.tr("Bevindingen per dagdeel"))
        self.days_chart = named(CountBars(parent), "overviewDaysChart", self.tr("Bevindingen per weekdag"))
        box.addWidget(self.times_label)
        box.addWidget(self.parts_chart, 1)
        box.addWidget(self.days_chart, 1)
        return box

    # -- reading ---------------------------------------------------------------------------
    def _filters(self) -> tuple[date, date, str | None]:
        return _pydate(self.from_edit.date()), _pydate(self.to_edit.date()), self.wijk_combo.currentData() or None

    def reload(self) -> None:
        """Read the whole overview again (opened, or the period or the wijk changed): on a
        worker thread with a connection of its own, since a large project takes a second
        and the window must not freeze. A newer reload makes an older one's result moot."""
        start, end, wijk = self._filters()
        self._generation += 1
        generation, today = self._generation, self.today
        self.loading = True
        self.summary_label.setText(self.tr("Het overzicht wordt berekend…"))
        central, schema = self.source_combo.currentData(), self.session.project.meta(SCHEMA_META) or "schouw"

        def read(project):
            overview = build_overview(project, start=start, end=end, wijk=wijk, today=today)
            spots = find_hotspots(project, start=start, end=end, wijk=wijk, today=today)
            rows = time_rows(project, overview.period, [a[0] for a in overview.areas] if wijk else None)
            return generation, overview, spots, rows

        def work(project, _progress):
            if not central:
                return read(project)
            # all teams' data: pulled into a temporary project, the same read model on it
            from schouw.publish.pull import central_project

            with central_project(central, schema=schema) as copy:
                return read(copy)

        task = ProjectTask(self.session.project, work)
        task.signals.done.connect(self._loaded)
        task.signals.failed.connect(lambda message, g=generation: self._load_failed(g, message))
        self._task = task
        start_task(task)

    def _loaded(self, result) -> None:
        generation, overview, spots, rows = result
        if generation != self._generation:
            return
        self.overview, self.hotspots, self.time_rows = overview, spots, rows
        self._done_loading()

    def _load_failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.overview, self.hotspots, self.time_rows = None, [], {}
        self._done_loading()
        self.summary_label.setText(message)

    def _done_loading(self) -> None:
        self.loading = False
        self._fill_wijken()
        self._show()
        if self._stale:  # an edit arrived while reading: read once more
            self._stale = False
            self.reload()

    def wait_loaded(self, timeout: float = 30.0) -> bool:
        """Process events until the overview is read (for tests and screenshots)."""
        import time

        from PySide6.QtWidgets import QApplication

        end = time.monotonic() + timeout
        while self.loading and time.monotonic() < end:
            QApplication.processEvents()
            time.sleep(0.005)
        QApplication.processEvents()
        return not self.loading

    def _fill_wijken(self) -> None:
        if self.overview is None or self.wijk_combo.count() > 1:
            return
        self.wijk_combo.blockSignals(True)
        for area in self.overview.wijken:
            self.wijk_combo.addItem(area.name, area.name)
        self.wijk_combo.blockSignals(False)

    def _on_changes(self, changes: Changes, _initiator: object | None = None) -> None:
        """An edit somewhere in the app: read again just the buurten it touched."""
        if self.loading:
            self._stale = True
            return
        if self.overview is None or self.source_combo.currentData():
            return  # the central store changes when someone publishes, not with this edit
        start, end, wijk = self._filters()
        try:
            self.overview = update_overview(self.session.project, self.overview, changes)
            within = [a[0] for a in self.overview.areas]
            self.hotspots = refresh_hotspots(self.session.project, self.hotspots, self.overview.period, changes,
                                             wijk=wijk, within=within)
            self.time_rows = refresh_time_rows(self.session.project, self.time_rows, self.overview.period, changes,
                                               within=within)
        except SchouwError as error:
            self.summary_label.setText(str(error))
            return
        self._show()

    def _show(self) -> None:
        o = self.overview
        rows = [] if o is None else [*o.wijken, *o.buurten]
        self.model.set_rows(rows)
        self.hotspot_model.set_rows(self.hotspots)
        self.hotspots_label.setText(self.tr("Hotspots: %n plekken waar bevindingen onder de norm terugkomen "
                                            "(binnen 50 m, over rondes)", "", len(self.hotspots)))
        self._show_times()
        if o is None:
            return
        rounds = sum(a.rounds_total for a in o.wijken)
        below = sum(a.below_norm for a in o.wijken)
        overdue = sum(a.actions_overdue for a in o.wijken)
        text = self.tr("{start} t/m {end}: {rounds} rondes, {below} bevindingen onder de norm, {overdue} acties "
                       "te laat. Trend tegen {prev_start} t/m {prev_end}.").format(
            start=o.period.start.strftime("%d-%m-%Y"), end=o.period.end.strftime("%d-%m-%Y"), rounds=rounds,
            below=below, overdue=overdue, prev_start=o.previous.start.strftime("%d-%m-%Y"),
            prev_end=o.previous.end.strftime("%d-%m-%Y"))
        on_course = [r for r in o.indicators if r.status.on_course]
        if o.indicators:
            text += " " + self.tr("Indicatoren: {on} van {all} op koers.").format(on=len(on_course),
                                                                                  all=len(o.indicators))
        self.summary_label.setText(text)

    def _show_times(self) -> None:
        times = times_of(self.time_rows)
        self.times_label.setText(self.tr("Wanneer: %n bevindingen met een tijdstip (aantallen, geen aandelen)", "",
                                         times.total))
        none = self.tr("Geen bevindingen met een tijdstip")
        self.parts_chart.set_counts(list(times.parts.items())[:6], none)
        days = [self.tr("ma"), self.tr("di"), self.tr("wo"), self.tr("do"), self.tr("vr"), self.tr("za"), self.tr("zo")]
        self.days_chart.set_counts([(days[d], n) for d, n in times.weekdays.items()], none)

    # -- drilling down ------------------------------------------------------------------------
    def _drill_down(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        area = self.proxy.data(index, Qt.ItemDataRole.UserRole)
        if self.source_combo.currentData() and area.kind != "wijk":
            self.summary_label.setText(self.tr("Dit is de centrale database: open de ronde in het project van "
                                               "het team dat hem liep, of haal de buurt op."))
            return
        if area.kind == "wijk":
            self.wijk_combo.setCurrentIndex(max(self.wijk_combo.findData(area.name), 0))
        elif area.latest_round_id:
            self.openRound.emit(area.latest_round_id)

    def _open_hotspot(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        spot = self.hotspot_proxy.data(index, Qt.ItemDataRole.UserRole)
        if self.source_combo.currentData():
            return
        self.openFinding.emit(spot.round_ids[0], spot.finding_ids[0])
