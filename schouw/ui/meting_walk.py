"""The walk screen of a meting: the schouwpunten, where the chosen one is, and its grid.

A meting is walked point by point, not street by street: the list shows each drawn
schouwpunt (number, street, finished, how many aspects judged), the right side shows the
chosen point's location and the judge grid (:mod:`schouw.ui.judge_grid`). Every change
goes through the same use cases as ``schouw points judge|done|reopen``
(:mod:`schouw.services.points`), is on the session's undo stack (Ctrl+Z / Ctrl+Y, like
the street walk), and is announced on the change hub so other views refresh.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import meting_walk as model
from schouw.services import points as points_service
from schouw.services import walk
from schouw.services.changes import Changes
from schouw.ui import theme
from schouw.ui.judge_grid import JudgeGrid
from schouw.ui.labels import kind_badge
from schouw.ui.session import Session
from schouw.ui.widgets import label, named, panel, styled


# -- undo -----------------------------------------------------------------------------------------
class JudgeCommand(QUndoCommand):
    """One judgement at a point (already recorded when pushed). Undo puts the earlier
    judgement back, or takes a first judgement away again (soft deletion, so redo
    brings the very same finding back)."""

    def __init__(self, view: MetingWalk, point_id: str, row: int, item: str, old: str | None, new: str,
                 finding_id: str):
        super().__init__(QCoreApplication.translate("meting", "Oordeel {item}: {level}").format(item=item, level=new))
        self.view, self.point_id, self.row, self.item = view, point_id, row, item
        self.old, self.new, self.finding_id = old, new, finding_id
        self._first = True

    def _set(self, value: str | None, restore: bool) -> None:
        project = self.view.session.project
        with project.write():
            if value is None:
                walk.delete_finding(project, self.finding_id)
            elif restore:
                walk.restore_finding(project, self.finding_id, with_action=False)
            else:
                points_service.record_at_point(project, self.point_id, self.item, level=value)
        self.view.after_step(self.point_id, self.row, value, self.finding_id if value else None,
                             rule_id=self.finding_id)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._set(self.new, restore=self.old is None)

    def undo(self) -> None:
        self._set(self.old, restore=False)


class PointDoneCommand(QUndoCommand):
    """Finishing a point (or reopening it); undo does the other."""

    def __init__(self, view: MetingWalk, point_id: str, done: bool, text: str):
        super().__init__(text)
        self.view, self.point_id, self.done = view, point_id, done
        self._first = True

    def _set(self, done: bool) -> None:
        project = self.view.session.project
        with project.write():
            (points_service.finish_point if done else points_service.reopen_point)(project, self.point_id)
        self.view.after_done(self.point_id)

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._set(self.done)

    def undo(self) -> None:
        self._set(not self.done)


# -- the screen -----------------------------------------------------------------------------------
class MetingWalk(QWidget):
    """Points list | location + judge grid + finish button, for the open meting round."""

    def __init__(self, session: Session, notify: Callable[[Changes, object], None] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "metingWalk", self.tr("Meting lopen"))
        self.session = session
        #: the change hub's notify (other views: the map, an overview)
        self.notify = notify or (lambda _changes, _initiator: None)
        from schouw.services import sync as sync_service

        self._sync = sync_service
        self.sync_profile, _ = sync_service.chosen_profile()
        self.points: list[points_service.PointState] = []
        self.point_id: str | None = None

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("metingSplitter")
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter)

        left = panel(splitter)
        left_layout = QVBoxLayout(left)
        self.heading = label("", "heading", left)
        self.heading.setObjectName("metingHeading")
        self.heading.setWordWrap(True)
        left_layout.addWidget(self.heading)
        self.totals = label("", "muted", left)
        self.totals.setObjectName("metingTotals")
        left_layout.addWidget(self.totals)
        self.table = named(QTableWidget(0, 4, left), "pointList", self.tr("Schouwpunten"))
        self.table.setHorizontalHeaderLabels([self.tr("Nr"), self.tr("Straat"), self.tr("Af"),
                                              self.tr("Beoordeeld")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(44)  # finger-sized rows
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(self._row_chosen)
        left_layout.addWidget(self.table, 1)

        right = panel(splitter)
        right_layout = QVBoxLayout(right)
        self.location = label("", "fieldLabel", right)
        self.location.setObjectName("pointLocation")
        self.location.setWordWrap(True)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        right_layout.addWidget(self.location)
        self.grid = JudgeGrid(right)
        self.grid.judged.connect(self.judge)
        self.grid.finishRequested.connect(self.finish)
        scroll = QScrollArea(right)
        scroll.setObjectName("judgeScroll")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid)
        self.scroll = scroll
        self.grid.currentRowChanged.connect(self._row_visible)
        right_layout.addWidget(scroll, 1)
        self.message = label("", None, right)
        self.message.setObjectName("pointMessage")
        self.message.setAccessibleName(self.tr("Melding bij het schouwpunt"))
        self.message.setWordWrap(True)
        theme.colour_text(self.message, theme.BELOW)
        right_layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.reopen_button = named(QPushButton(self.tr("Heropenen"), right), "reopenPoint",
                                   self.tr("Schouwpunt heropenen"))
        self.reopen_button.setMinimumHeight(48)
        self.reopen_button.clicked.connect(self.reopen)
        self.finish_button = styled(named(QPushButton(self.tr("Punt afronden (Ctrl+Enter)"), right), "finishPoint",
                                          self.tr("Schouwpunt afronden")), role="primary")
        self.finish_button.setMinimumHeight(48)
        self.finish_button.clicked.connect(self.finish)
        buttons.addWidget(self.reopen_button)
        buttons.addStretch(1)
        buttons.addWidget(self.finish_button)
        right_layout.addLayout(buttons)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([380, 700])
        session.roundChanged.connect(self.reload)
        self.reload()

    # -- reading ---------------------------------------------------------------------------------
    @property
    def ctx(self) -> walk.RoundContext | None:
        ctx = self.session.ctx
        return ctx if ctx is not None and str(ctx.round.kind) == "meting" else None

    def reload(self) -> None:
        """Read the points again (another round, an import, a changed profile), keeping
        the chosen point and row."""
        ctx = self.ctx
        keep, row = self.point_id, self.grid.current
        self.points = model.points(self.session.project, ctx) if ctx is not None else []
        if ctx is not None:
            self.heading.setText(f"{ctx.round.title} · {kind_badge('meting')}")
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.points))
        for index, point in enumerate(self.points):
            self._fill_row(index, point)
        self.table.blockSignals(False)
        self._update_totals()
        ids = [p.id for p in self.points]
        if keep in ids:
            self.select_point(keep, row)
        elif self.points:
            first_open = next((p.id for p in self.points if not p.done), self.points[0].id)
            self.select_point(first_open)
        else:
            self.point_id = None
            self.grid.set_rows([], lambda _r, _l: False)
            self.location.setText("")

    def _fill_row(self, index: int, point: points_service.PointState) -> None:
        values = (str(point.n), point.street, "✓" if point.done else "",
                  f"{point.judged}/{point.required}")
        for col, text in enumerate(values):
            item = self.table.item(index, col)
            if item is None:
                item = QTableWidgetItem()
                self.table.setItem(index, col, item)
            item.setText(text)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, point.id)

    def _update_totals(self) -> None:
        done = sum(1 for p in self.points if p.done)
        self.totals.setText(self.tr("{done} van {n} schouwpunten af").format(done=done, n=len(self.points)))

    def _index(self, point_id: str | None) -> int:
        return next((i for i, p in enumerate(self.points) if p.id == point_id), -1)

    def current_point(self) -> points_service.PointState | None:
        index = self._index(self.point_id)
        return self.points[index] if index >= 0 else None

    def select_point(self, point_id: str, row: int = 0) -> None:
        """Show one point: its place and its grid, at ``row``."""
        index = self._index(point_id)
        ctx = self.ctx
        if index < 0 or ctx is None:
            return
        point = self.points[index]
        self.point_id = point.id
        self.table.blockSignals(True)
        self.table.setCurrentCell(index, 0)
        self.table.blockSignals(False)
        where = (f"{point.lat:.6f}, {point.lon:.6f}" if point.lat is not None and point.lon is not None
                 else self.tr("geen coördinaten (straat zonder geometrie)"))
        state = self.tr("af") if point.done else self.tr("open")
        self.location.setText(self.tr("Schouwpunt {n} · {street} · {where} · {state}").format(
            n=point.n, street=point.street, where=where, state=state))
        rows = model.judge_rows(self.session.project, ctx, point)
        self.grid.set_rows(rows, lambda r, level, s=point.street_id: model.below_norm(ctx, r, s, level), row)
        self.message.setText("")
        self.reopen_button.setEnabled(point.done)

    def _row_chosen(self, row: int, *_args) -> None:
        if 0 <= row < len(self.points) and self.points[row].id != self.point_id:
            self.select_point(self.points[row].id)

    def _row_visible(self, row: int) -> None:
        if 0 <= row < len(self.grid.labels):
            self.scroll.ensureWidgetVisible(self.grid.labels[row], 0, 60)

    def focus_grid(self) -> None:
        self.grid.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- changing ----------------------------------------------------------------------------------
    def judge(self, row: int, value: str) -> bool:
        """Record ``value`` for the grid's ``row`` at the chosen point, then move on."""
        point = self.current_point()
        if point is None or not 0 <= row < len(self.grid.rows):
            return False
        grid_row = self.grid.rows[row]
        old = grid_row.value
        if old == value:
            self.grid.set_current(row + 1)
            return True
        try:
            with self.session.project.write():
                finding, _ = points_service.record_at_point(self.session.project, point.id, grid_row.item,
                                                            level=value)
        except SchouwError as error:
            self.message.setText(error.message())
            return False
        command = JudgeCommand(self, point.id, row, grid_row.item, old, value, finding.id)
        self.session.undo_stack.push(command)
        self.after_step(point.id, row, value, finding.id, move=True)
        return True

    def after_step(self, point_id: str, row: int, value: str | None, finding_id: str | None,
                   move: bool = False, rule_id: str | None = None) -> None:
        """A judgement changed (now, or by undo/redo): repaint that row and the list, and
        let the MOR profile's rule look at the finding again (``rule_id``: also when undo
        took the finding away, so what the rule queued for it is taken out)."""
        if point_id != self.point_id:
            self.select_point(point_id, row)
        else:
            self.grid.update_row(row, value, finding_id)
        index = self._index(point_id)
        if index >= 0:
            point = self.points[index]
            rows = self.grid.rows
            point.judged = sum(1 for r in rows if r.value is not None)
            point.missing = [(r.element, r.aspect) for r in rows if r.value is None]
            self._fill_row(index, point)
        self.grid.set_current(row + 1 if move else row)
        self.message.setText("")
        rule_id = rule_id or finding_id
        if rule_id and self._sync.sends(self.sync_profile):
            # a below-norm judgement goes to the municipality like any finding (the same
            # rule the finding editor follows after a level change, see DOMAIN.md)
            self.session.run(self._sync.follow_rule, self.session.project, rule_id, self.sync_profile)
        self.notify(Changes(findings=True, round_ids=frozenset({self.ctx.round.id})) if self.ctx else Changes.NONE,
                    self.session)

    def finish(self) -> bool:
        """Ctrl+Enter: finish the chosen point (refused, naming the unjudged aspects)."""
        point = self.current_point()
        if point is None:
            return False
        if point.done:
            self._next_open()
            return True
        try:
            with self.session.project.write():
                points_service.finish_point(self.session.project, point.id)
        except SchouwError as error:
            self.message.setText(error.message())
            missing = next((i for i, r in enumerate(self.grid.rows) if r.value is None), None)
            if missing is not None:
                self.grid.set_current(missing)
            return False
        self.session.undo_stack.push(PointDoneCommand(self, point.id, True,
                                                      self.tr("Schouwpunt {n} af").format(n=point.n)))
        self.after_done(point.id)
        self._next_open()
        return True

    def reopen(self) -> None:
        point = self.current_point()
        if point is None or not point.done:
            return
        try:
            with self.session.project.write():
                points_service.reopen_point(self.session.project, point.id)
        except SchouwError as error:
            self.message.setText(error.message())
            return
        self.session.undo_stack.push(PointDoneCommand(self, point.id, False,
                                                      self.tr("Schouwpunt {n} heropend").format(n=point.n)))
        self.after_done(point.id)

    def after_done(self, point_id: str) -> None:
        index = self._index(point_id)
        if index < 0:
            return
        point = self.points[index]
        point.done = self.session.project.points.get(point_id).done_at is not None
        self._fill_row(index, point)
        self._update_totals()
        if point_id != self.point_id:
            self.select_point(point_id)
        else:
            self.reopen_button.setEnabled(point.done)
            self.select_point(point_id, self.grid.current)
        self.notify(Changes(walked=True, round_ids=frozenset({self.ctx.round.id})) if self.ctx
                    else Changes.NONE, self.session)

    def _next_open(self) -> None:
        index = self._index(self.point_id)
        order = self.points[index + 1:] + self.points[:index]
        nxt = next((p for p in order if not p.done), None)
        if nxt is not None:
            self.select_point(nxt.id)
        else:
            self.message.setText(self.tr("Alle schouwpunten zijn af; de ronde kan worden afgesloten."))
        self.focus_grid()

