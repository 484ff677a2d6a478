"""The two lists of the walk screen: the round's streets and one street's findings."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from schouw.services import walk
from schouw.ui import labels, theme
from schouw.ui.models import ID_ROLE, FindingModel, StreetFilter, StreetModel
from schouw.ui.session import Session
from schouw.ui.street_rows import StreetRowHeights
from schouw.ui.widgets import (
    DoneDelegate,
    LevelDelegate,
    Panel,
    TwoLineDelegate,
    WrappingDelegate,
    label,
    named,
    panel,
    styled,
)


def _pct(part: int, whole: int) -> str:
    return f"{round(100 * part / whole)} %" if whole else "–"


class SearchBox(QLineEdit):
    """Arrow down or Enter moves from the search box into the list."""

    leave = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.leave.emit()
            return
        if event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class StreetPanel(Panel):
    """Round picker, round totals, street search and the street list."""

    streetSelected = Signal(str)
    roundRequested = Signal(str)
    addStreetRequested = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "streetPanel", self.tr("Straten van de ronde"))
        self.session = session
        self._current = ""
        self._filtering = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)

        self.round_combo = named(QComboBox(self), "roundCombo", self.tr("Schouwronde"))
        self.round_combo.activated.connect(self._round_chosen)
        layout.addWidget(self.round_combo)

        stats = panel(self)
        stats.setObjectName("roundStats")
        stats_layout = QHBoxLayout(stats)
        stats_layout.setContentsMargins(8, 6, 8, 6)
        self.stat_findings = label("0", "stat")
        self.stat_below = label("0", "statBelow")
        self.stat_done = label("0/0", "stat")
        self._stat_captions: dict[str, QLabel] = {}
        for value, caption, name in ((self.stat_findings, self.tr("bevindingen"), "statFindings"),
                                     (self.stat_below, self.tr("onder norm"), "statBelow"),
                                     (self.stat_done, self.tr("straten gelopen"), "statDone")):
            value.setObjectName(name)
            box = QVBoxLayout()
            box.setSpacing(0)
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(value)
            cap = self._stat_captions[name] = label(caption, "statLabel")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(cap)
            stats_layout.addLayout(box, 1)
        layout.addWidget(stats)
        self.progress = named(QProgressBar(self), "roundProgress", self.tr("Straten gelopen"))
        self.progress.setTextVisible(True)
        pal = self.progress.palette()
        pal.setColor(pal.ColorRole.Highlight, QColor(theme.GOOD))
        self.progress.setPalette(pal)
        self.progress.setFormat(self.tr("%v van %m straten gelopen"))
        layout.addWidget(self.progress)

        self.search = named(SearchBox(self), "streetSearch", self.tr("Zoek straat"))
        self.search.setPlaceholderText(self.tr("Zoek straat…  (Ctrl+F)"))
        self.search.setFont(theme.font("panelTitle"))
        self.search.setMinimumHeight(self.search.fontMetrics().height() + 16)
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.search.leave.connect(self._enter_list)
        layout.addWidget(self.search)
        self.hide_done = named(QCheckBox(self.tr("Verberg gelopen straten"), self), "hideDone",
                               self.tr("Verberg gelopen straten"))
        self.hide_done.toggled.connect(self._hide_done)
        layout.addWidget(self.hide_done)

        self.model = StreetModel(self)
        self.model.doneToggled.connect(self._done_toggled)
        self.proxy = StreetFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = named(QTableView(self), "streetList", self.tr("Straten"))
        self.table.setModel(self.proxy)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list; arrows move in it
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        # a long name ("Burgemeester de Withstraat" on a narrow pane) takes a second line
        # instead of being cut; its row grows to fit, the others keep a finger's height
        self.table.setWordWrap(True)
        # a single word wider than the whole column ends in "…" (the tooltip has it whole)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(theme.line_height() + 16)
        # one height for all rows, more for a long name only; they follow the names'
        # column when the pane is resized (sizing every row to its contents took 1.6 s
        # of a 1,000-street round's start)
        self.row_heights = StreetRowHeights(self.table, self.model, self.proxy)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(StreetModel.COL_NAME, QHeaderView.ResizeMode.Stretch)
        metrics = QFontMetrics(theme.font("fieldLabel"))
        # the counts get just their header's width: every pixel more is taken from the names
        self.table.setColumnWidth(StreetModel.COL_DONE, 34)
        self.table.setColumnWidth(StreetModel.COL_FINDINGS, metrics.horizontalAdvance(self.tr("Bev.")) + 12)
        self.table.setColumnWidth(StreetModel.COL_BELOW, metrics.horizontalAdvance(self.tr("< norm")) + 12)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header.setHighlightSections(False)
        header.setFont(theme.font("fieldLabel"))
        self.table.setItemDelegateForColumn(StreetModel.COL_DONE, DoneDelegate(self.table))
        self.table.setItemDelegateForColumn(StreetModel.COL_NAME, WrappingDelegate(self.table))
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        layout.addWidget(self.table, 1)

        self.add_street = named(QPushButton(self.tr("Straat toevoegen…"), self), "addStreet",
                                self.tr("Straat toevoegen die niet in de lijst staat"))
        self.add_street.clicked.connect(self.addStreetRequested)
        layout.addWidget(self.add_street)

        session.streetChanged.connect(self._street_changed)
        session.streetAdded.connect(self._street_added)
        session.roundChanged.connect(self.reload)
        self.reload()

    # -- loading ----------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.session.ctx
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for row in walk.rounds(self.session.project):
            from schouw.ui.labels import kind_badge

            text = f"{row['date']}  {row['title'] or row['buurt']}  · {kind_badge(row['kind'])}"
            self.round_combo.addItem(text, row["id"])
            self.round_combo.setItemData(self.round_combo.count() - 1,
                                         f"{row['wijk']} / {row['buurt']} · {row['form_title']}",
                                         Qt.ItemDataRole.ToolTipRole)
        if ctx is not None:
            self.round_combo.setCurrentIndex(self.round_combo.findData(ctx.round.id))
        self.round_combo.blockSignals(False)
        self._current = ""
        self.model.set_streets(walk.street_statuses(self.session.project, ctx) if ctx else [])
        self._update_totals()

    def _update_totals(self) -> None:
        t = walk.totals(self.model.streets())
        self.stat_findings.setText(str(t.findings))
        self.stat_below.setText(str(t.below_norm))
        self.stat_below.setToolTip(self.tr("{below} van {judged} beoordeelde bevindingen onder de norm ({pct})").format(
            below=t.below_norm, judged=t.judged, pct=_pct(t.below_norm, t.judged)))
        self.stat_done.setText(f"{t.done}/{t.streets}")
        # a round without norms (sociale veiligheid) has no "onder norm" count or column
        norms = self.session.ctx is not None and self.session.ctx.has_norms
        self.stat_below.setVisible(norms)
        self._stat_captions["statBelow"].setVisible(norms)
        self.table.setColumnHidden(StreetModel.COL_BELOW, not norms)
        self.progress.setRange(0, max(t.streets, 1))
        self.progress.setValue(t.done)

    def _street_changed(self, street_id: str) -> None:
        if self.session.ctx is None:
            return
        n, judged, below, done = walk.street_counts(self.session.project, self.session.ctx, street_id)
        self.model.update_counts(street_id, n, judged, below, done)
        if self.hide_done.isChecked():
            self._filtering = True
            try:
                self.proxy.refresh()
            finally:
                self._filtering = False
            self._keep_selection()
        self._update_totals()

    def _street_added(self, street_id: str) -> None:
        ctx = self.session.ctx
        status = next((s for s in walk.street_statuses(self.session.project, ctx) if s.id == street_id), None)
        if status is not None and self.model.row_of(street_id) < 0:
            self.model.append_street(status)
            self.proxy.refresh()
            self._update_totals()
        self.select_street(street_id)

    # -- selection --------------------------------------------------------------------------
    def current_street_id(self) -> str:
        return self._current

    def select_street(self, street_id: str) -> bool:
        row = self.model.row_of(street_id)
        if row < 0:
            return False
        proxy_index = self.proxy.mapFromSource(self.model.index(row, StreetModel.COL_NAME))
        if not proxy_index.isValid():
            self.search.clear()
            self.hide_done.setChecked(False)
            proxy_index = self.proxy.mapFromSource(self.model.index(row, StreetModel.COL_NAME))
        self.table.selectionModel().setCurrentIndex(
            proxy_index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(proxy_index)
        return True

    def step(self, delta: int, *, skip_done: bool = False) -> bool:
        """Move to the next (+1) or previous (-1) street in the list as shown, counting
        from the street being walked even when the filter hides it."""
        count = self.proxy.rowCount()
        if count == 0:
            return False
        here = self.model.row_of(self._current) if self._current else -1
        rows = range(count) if delta > 0 else range(count - 1, -1, -1)
        for row in rows:
            index = self.proxy.index(row, StreetModel.COL_NAME)
            source = self.proxy.mapToSource(index).row()
            if here >= 0 and (source <= here if delta > 0 else source >= here):
                continue
            if skip_done and self.model.street(source).done:
                continue
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
            return True
        return False

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid() or self._filtering:
            return
        street_id = current.data(ID_ROLE)
        if street_id and street_id != self._current:
            self._current = street_id
            self.streetSelected.emit(street_id)

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _filter(self, text: str) -> None:
        self._filtering = True
        try:
            self.proxy.set_text(text)
        finally:
            self._filtering = False
        self._keep_selection()

    def _hide_done(self, on: bool) -> None:
        self._filtering = True
        try:
            self.proxy.set_hide_done(on)
        finally:
            self._filtering = False
        self._keep_selection()

    def _keep_selection(self) -> None:
        """Filtering never changes the street being walked: it stays chosen (and
        highlighted when it is in the filtered list)."""
        selection = self.table.selectionModel()
        index = QModelIndex()
        if self._current:
            row = self.model.row_of(self._current)
            index = self.proxy.mapFromSource(self.model.index(row, StreetModel.COL_NAME))
        self._filtering = True
        try:
            if index.isValid():
                selection.setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            else:
                selection.clear()
        finally:
            self._filtering = False

    def _enter_list(self) -> None:
        """Enter or arrow down in the search box: go to the first street found."""
        if self.proxy.rowCount() == 0:
            return
        current = self.table.currentIndex()
        if self.search.text().strip() or not current.isValid():
            index = self.proxy.index(0, StreetModel.COL_NAME)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _round_chosen(self, index: int) -> None:
        round_id = self.round_combo.itemData(index)
        if round_id and (self.session.ctx is None or round_id != self.session.ctx.round.id):
            self.roundRequested.emit(round_id)

    def _done_toggled(self, street_id: str, done: bool) -> None:
        self.session.set_street_done(street_id, done,
                                     self.tr("Straat gelopen") if done else self.tr("Straat niet gelopen"))


class FindingsPanel(Panel):
    """The chosen street: its totals, the buttons to work on it, and its findings."""

    findingSelected = Signal(str)
    newFindingRequested = Signal()
    doneToggled = Signal(bool)
    doneAndNextRequested = Signal()

    # below this table width the party and photo columns are hidden
    NARROW = 440

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "findingsPanel", self.tr("Bevindingen in de straat"))
        self.session = session
        self.street_id = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        self.heading = label(self.tr("Kies een straat"), "heading")
        self.heading.setObjectName("streetHeading")
        self.heading.setWordWrap(True)  # a long street name takes a second line, it is not cut
        layout.addWidget(self.heading)
        self.subheading = label("", "muted")
        self.subheading.setObjectName("streetSummary")
        self.subheading.setWordWrap(True)
        layout.addWidget(self.subheading)

        buttons = QHBoxLayout()
        self.new_button = styled(named(QPushButton(self.tr("+ Nieuwe bevinding"), self), "newFinding",
                                       self.tr("Nieuwe bevinding")), role="primary")
        self.new_button.setToolTip(self.tr("Nieuwe bevinding in deze straat (Ctrl+N)"))
        self.new_button.clicked.connect(self.newFindingRequested)
        self.done_button = styled(named(QPushButton(self.tr("Straat gelopen"), self), "streetDone",
                                        self.tr("Straat gelopen")), role="done")
        self.done_button.setCheckable(True)
        self.done_button.setToolTip(self.tr("Markeer deze straat als gelopen (Ctrl+D)"))
        self.done_button.clicked.connect(self.doneToggled)
        self.next_button = named(QPushButton(self.tr("Klaar, volgende straat ›"), self), "doneAndNext",
                                 self.tr("Straat gelopen, naar de volgende straat"))
        self.next_button.setToolTip(self.tr("Markeer als gelopen en ga naar de volgende open straat (Ctrl+Enter)"))
        self.next_button.clicked.connect(self.doneAndNextRequested)
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.next_button)
        layout.addLayout(buttons)
        # on a narrow pane (1366×768 at 125 %) the street buttons move to a row of their own
        # instead of being cut off
        self._button_rows = (buttons, QHBoxLayout())
        self._button_rows[1].addStretch(1)
        layout.addLayout(self._button_rows[1])

        self.model = FindingModel(self)
        self.table = named(QTableView(self), "findingTable", self.tr("Bevindingen"))
        self.table.setModel(self.model)
        self.table.setTabKeyNavigation(False)
        self.table.setItemDelegateForColumn(FindingModel.COL_LEVEL, LevelDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        # a title that does not fit the column wraps and its row grows (the room below the
        # rows is better spent on reading the finding than on empty space)
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setMinimumSectionSize(theme.line_height() * 2 + 16)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegateForColumn(FindingModel.COL_ITEM, TwoLineDelegate(self.table))
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(FindingModel.COL_ITEM, QHeaderView.ResizeMode.Stretch)
        header.sectionResized.connect(lambda _col, _old, _new: self.table.resizeRowsToContents())
        header.setHighlightSections(False)
        header.setFont(theme.font("fieldLabel"))
        metrics = QFontMetrics(theme.font("fieldLabel"))
        widths = {FindingModel.COL_LEVEL: 7, FindingModel.COL_PRIORITY: 6, FindingModel.COL_PHOTOS: 6,
                  FindingModel.COL_ACTION: 12}
        for col, chars in widths.items():
            self.table.setColumnWidth(col, metrics.averageCharWidth() * chars + 18)
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.table.viewport().installEventFilter(self)
        layout.addWidget(self.table, 1)
        self.empty_hint = label(self.tr("Nog geen bevindingen in deze straat. Druk op Ctrl+N of "
                                        "‘+ Nieuwe bevinding’, of markeer de straat als gelopen."), "muted")
        self.empty_hint.setObjectName("emptyStreetHint")
        self.empty_hint.setWordWrap(True)
        layout.addWidget(self.empty_hint)
        self.empty_hint.setVisible(False)

        session.findingEdited.connect(self._finding_edited)
        session.findingsChanged.connect(self._findings_changed)
        session.streetChanged.connect(self._street_changed)
        session.roundChanged.connect(self._round_changed)
        self._set_enabled(False)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        first, second = self._button_rows
        spacing = first.spacing() if first.spacing() >= 0 else 6
        needed = sum(b.sizeHint().width() + spacing for b in (self.new_button, self.done_button, self.next_button))
        margins = self.layout().contentsMargins()
        wrap = needed + margins.left() + margins.right() > self.width()
        target = second if wrap else first
        if target.indexOf(self.done_button) == -1:
            for button in (self.done_button, self.next_button):
                (first if target is second else second).removeWidget(button)
                target.addWidget(button)

    def eventFilter(self, watched, event) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.Resize and watched is self.table.viewport():
            # the responsible party gets a fair share of a wide table, and gives way on a
            # narrow one (1366×768 at 125 %) so the finding's own title stays readable
            width = int(watched.width() * 0.22)
            self.table.setColumnWidth(FindingModel.COL_ACTION, max(72, min(width, 260)))
            # on a narrow table the party and the photo count (both in the editor beside it)
            # make way, so the item's title gets words, not a few letters per line
            narrow = self.table.width() < self.NARROW
            for col in (FindingModel.COL_PHOTOS, FindingModel.COL_ACTION):
                self.table.setColumnHidden(col, narrow)
        return super().eventFilter(watched, event)

    def _set_enabled(self, on: bool) -> None:
        for widget in (self.new_button, self.done_button, self.next_button):
            widget.setEnabled(on)

    def _round_changed(self) -> None:
        self.show_street("")

    def show_street(self, street_id: str) -> None:
        self.street_id = street_id
        ctx = self.session.ctx
        if not street_id or ctx is None:
            self.model.set_rows([])
            self.heading.setText(self.tr("Kies een straat"))
            self.subheading.setText("")
            self._set_enabled(False)
            self.empty_hint.setVisible(False)
            return
        self.model.set_rows(walk.finding_rows(self.session.project, ctx, street_id))
        self._set_enabled(True)
        self._update_heading()

    def _update_heading(self) -> None:
        ctx = self.session.ctx
        street = self.session.project.areas.street(self.street_id) if self.street_id else None
        if street is None or ctx is None:
            return
        n, judged, below, done = walk.street_counts(self.session.project, ctx, self.street_id)
        self.heading.setText(street.name)
        parts = [labels.area_type_label(ctx.area_type(street.id))]
        if street.house_numbers:
            parts.append(self.tr("nrs. {n}").format(n=street.house_numbers))
        parts.append(self.tr("%n bevindingen", "", n))
        if judged:
            parts.append(self.tr("{below} van {judged} onder de norm").format(below=below, judged=judged))
        self.subheading.setText(" · ".join(parts))
        self.done_button.setChecked(done)
        self.done_button.setText(self.tr("✓ Gelopen") if done else self.tr("Straat gelopen"))
        self.empty_hint.setVisible(n == 0)

    def current_finding_id(self) -> str:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else ""

    def select_finding(self, finding_id: str) -> None:
        row = self.model.row_of(finding_id) if finding_id else -1
        if row < 0:
            self.table.selectionModel().clearCurrentIndex()
            self.table.clearSelection()
            self.findingSelected.emit("")
            return
        index = self.model.index(row, FindingModel.COL_ITEM)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.findingSelected.emit(current.data(ID_ROLE) if current.isValid() else "")

    def _finding_edited(self, finding_id: str) -> None:
        if self.model.row_of(finding_id) < 0 or self.session.ctx is None:
            return
        row = walk.finding_row(self.session.project, self.session.ctx, finding_id)
        if row is not None:
            self.model.replace_row(row)

    def _findings_changed(self, street_id: str) -> None:
        if street_id != self.street_id or self.session.ctx is None:
            return
        current = self.current_finding_id()
        self.table.selectionModel().blockSignals(True)
        self.model.set_rows(walk.finding_rows(self.session.project, self.session.ctx, street_id))
        self.table.selectionModel().blockSignals(False)
        if current and self.model.row_of(current) >= 0:
            self.select_finding(current)
        else:
            self.findingSelected.emit("")
        self._update_heading()

    def _street_changed(self, street_id: str) -> None:
        if street_id == self.street_id:
            self._update_heading()


def ask_street_name(parent: QWidget) -> str:
    from PySide6.QtCore import QCoreApplication

    name, ok = QInputDialog.getText(
        parent, QCoreApplication.translate("StreetPanel", "Straat toevoegen"),
        QCoreApplication.translate("StreetPanel", "Naam van de straat die niet in de lijst staat:"))
    return name.strip() if ok else ""
