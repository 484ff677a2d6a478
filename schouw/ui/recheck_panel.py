"""Re-inspection (herschouw) in the walk: the street's *te controleren* points under its
findings, marked with one key each, and the question before a round is closed.

The rules live in :mod:`schouw.services.rechecks` (the CLI's ``schouw recheck`` calls the
same :func:`~schouw.services.rechecks.mark`); this module only shows the points, asks the
level for *erger* and puts each mark on the undo stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.levels import ALL_LEVELS, Level
from schouw.services import rechecks
from schouw.ui.undo import SessionCommand
from schouw.ui.widgets import fit_on_screen, label, named

if TYPE_CHECKING:
    from schouw.ui.session import Session

# The keys that mark the selected point (Alt+digit: plain digits and letters set levels).
KEYS = {"opgelost": "Alt+1", "aanwezig": "Alt+2", "erger": "Alt+3"}


def result_label(result: str | None) -> str:
    if result == "opgelost":
        return QCoreApplication.translate("rechecks", "opgelost")
    if result == "aanwezig":
        return QCoreApplication.translate("rechecks", "nog aanwezig")
    if result == "erger":
        return QCoreApplication.translate("rechecks", "erger")
    return QCoreApplication.translate("rechecks", "te controleren")


class RecheckCommand(SessionCommand):
    """One point marked (already done when pushed); undo takes the mark back whole."""

    def __init__(self, session: Session, marked: rechecks.Marked, street_id: str, text: str):
        super().__init__(session, text)
        self.marked = marked
        self.street_id = street_id
        self.result = marked.result.value
        self.level = None

    def _changed(self) -> None:
        s = self.session
        s.findingsChanged.emit(self.street_id)
        s.streetChanged.emit(self.street_id)
        s.reveal.emit(self.street_id, self.marked.finding_id or "")

    def undo(self) -> None:
        s = self.session
        if self.marked.finding_id:
            self.level = s.project.findings.one(self.marked.finding_id, include_deleted=True).level
        with s.write():
            rechecks.unmark(s.project, self.marked)
        self._changed()

    def apply(self) -> None:
        s = self.session
        with s.write():
            self.marked = rechecks.mark(s.project, self.marked.recheck_id, self.result,
                                        self.level.value if self.level is not None else None)
        self._changed()


class RecheckPanel(QWidget):
    """The *te controleren* points of the street shown, under its findings (hidden when
    the street has none)."""

    COLUMNS = 4

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "recheckPanel", self.tr("Te controleren punten van de vorige ronde"))
        self.session = session
        self.street_id = ""
        self.points: list[dict[str, Any]] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(6)
        self.heading = label("", "fieldLabel")
        self.heading.setObjectName("recheckHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)
        self.table = named(QTableWidget(0, self.COLUMNS, self), "recheckTable",
                           self.tr("Te controleren punten"))
        self.table.setHorizontalHeaderLabels([self.tr("Onderdeel"), self.tr("Plek"), self.tr("Was"),
                                              self.tr("Uitkomst")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)
        self.table.setShowGrid(False)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        texts = {"opgelost": (self.tr("Opgelost"), "recheckSolved"),
                 "aanwezig": (self.tr("Nog aanwezig"), "recheckPresent"),
                 "erger": (self.tr("Erger…"), "recheckWorse")}
        for result, (text, name) in texts.items():
            button = named(QPushButton(text, self), name, text.rstrip("…"))
            button.setToolTip(self.tr("{what} ({keys})").format(what=text.rstrip("…"), keys=KEYS[result]))
            button.clicked.connect(lambda _c=False, r=result: self.mark_selected(r))
            buttons.addWidget(button)
            self.buttons[result] = button
            action = QAction(self)
            action.setShortcut(QKeySequence(KEYS[result]))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(lambda _c=False, r=result: self.mark_selected(r))
            self.addAction(action)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.level_menu = QMenu(self)
        named(self.level_menu, "recheckLevelMenu", self.tr("Het nieuwe niveau"))
        session.findingsChanged.connect(self._maybe_reload)
        session.roundChanged.connect(lambda: self.show_street(""))
        self.setVisible(False)
        self._wanted = 0  # the height four rows of points take (set as they are shown)
        if parent is not None:  # the street's findings keep most of the pane
            parent.installEventFilter(self)

    #: The share of the findings pane the points may take; past it their table scrolls.
    #: Without a limit a street with many points squeezes its findings to one row on a
    #: laptop at 125 % (1093×614 logical).
    SHARE = 0.25

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
        if watched is self.parentWidget() and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._limit()
        return super().eventFilter(watched, event)

    def _limit(self) -> None:
        """Up to four rows high, and never more than its share of the pane."""
        pane = self.parentWidget()
        cap = max(80, int(pane.height() * self.SHARE)) if pane is not None else self._wanted
        self.table.setFixedHeight(min(self._wanted, cap))

    # -- showing -----------------------------------------------------------------------
    def show_street(self, street_id: str) -> None:
        self.street_id = street_id
        self.reload()

    def _maybe_reload(self, street_id: str) -> None:
        if street_id == self.street_id:
            self.reload()

    def reload(self) -> None:
        ctx = self.session.ctx
        selected = self.selected_id()
        self.points = (rechecks.points(self.session.project, ctx.round.id, street_id=self.street_id)
                       if ctx is not None and self.street_id else [])
        self.setVisible(bool(self.points))
        solved = sum(p["result"] == "opgelost" for p in self.points)
        checked = sum(p["result"] is not None for p in self.points)
        self.heading.setText(self.tr("Te controleren van de vorige ronde: {checked} van {total} bekeken, "
                                     "{solved} opgelost").format(checked=checked, total=len(self.points),
                                                                 solved=solved))
        self.table.setRowCount(len(self.points))
        for row, p in enumerate(self.points):
            name = p["item"]
            if ctx is not None and (found := ctx.item(p["element"], p["aspect"])) is not None:
                name = f"{found[0].name} — {found[1].name}"
            was = p["previous_level"] or p["previous_choice"] or "–"
            outcome = result_label(p["result"]) + (f" ({p['level']})" if p["level"] and p["result"] != "opgelost" else "")
            for col, text in enumerate((name, " ".join(x for x in (p["number"], p["spot"]) if x), was, outcome)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, p["id"])
                if p["result"] is None and col == 3:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                self.table.setItem(row, col, item)
        self.table.resizeRowsToContents()
        rows = len(self.points)
        height = self.table.horizontalHeader().height() + sum(self.table.rowHeight(r) for r in range(min(rows, 4)))
        self._wanted = height + 2 * self.table.frameWidth() + 2
        self._limit()
        ids = [p["id"] for p in self.points]
        target = selected if selected in ids else next((p["id"] for p in self.points if p["result"] is None), "")
        self.select(target)
        self._update_buttons()

    def select(self, recheck_id: str) -> None:
        for row, p in enumerate(self.points):
            if p["id"] == recheck_id:
                self.table.selectRow(row)
                return
        self.table.clearSelection()

    def selected_id(self) -> str:
        point = self.selected_point()
        return point["id"] if point else ""

    def selected_point(self) -> dict[str, Any] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.points):
            return None
        return self.points[rows[0].row()]

    def _update_buttons(self) -> None:
        point = self.selected_point()
        for button in self.buttons.values():
            button.setEnabled(point is not None and point["result"] is None)

    # -- marking -----------------------------------------------------------------------
    def worse_levels(self, point: dict[str, Any]) -> list[Level]:
        """The levels lower than the point's old one that the profile uses (none on an
        observation item: erger is then marked without a level)."""
        ctx = self.session.ctx
        found = ctx.item(point["element"], point["aspect"]) if ctx is not None else None
        if found is None or not found[1].has_level:
            return []
        old = Level.parse(point["previous_level"]) if point["previous_level"] else None
        levels = ctx.levels if ctx is not None else ALL_LEVELS
        return [lv for lv in levels if old is None or lv < old]

    def mark_selected(self, result: str, level: str | None = None) -> bool:
        """Mark the selected point; for *erger* on a level item without ``level``, the
        menu of worse levels opens and the choice there marks it."""
        point = self.selected_point()
        if point is None or point["result"] is not None or not self.isVisible():
            return False
        if result == "erger" and level is None:
            worse = self.worse_levels(point)
            if worse:
                self._ask_level(worse)
                return False
        marked = self.session.run(rechecks.mark, self.session.project, point["id"], result, level)
        if marked is None:
            return False
        text = self.tr("Herschouw: {item} {result}").format(item=point["item"], result=result_label(result))
        self.session.undo_stack.push(RecheckCommand(self.session, marked, self.street_id, text))
        self.session.findingsChanged.emit(self.street_id)
        self.session.streetChanged.emit(self.street_id)
        nxt = next((p["id"] for p in self.points if p["result"] is None), "")
        self.select(nxt)
        return True

    def _ask_level(self, levels: list[Level]) -> None:
        self.level_menu.clear()
        ctx = self.session.ctx
        for lv in levels:
            text = f"{lv.value}  {ctx.level_label(lv) if ctx is not None else ''}".strip()
            action = self.level_menu.addAction(text)
            action.setObjectName(f"recheckLevel_{lv.value.replace('+', 'plus')}")
            action.triggered.connect(lambda _c=False, v=lv.value: self.mark_selected("erger", v))
        button = self.buttons["erger"]
        self.level_menu.popup(button.mapToGlobal(button.rect().bottomLeft()))


class CloseRoundDialog(QDialog):
    """*Ronde afsluiten…*: before leaving a round, the points not re-inspected yet."""

    def __init__(self, open_points: list[dict[str, Any]], parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "closeRoundDialog", self.tr("Ronde afsluiten"))
        self.setWindowTitle(self.tr("Ronde afsluiten"))
        layout = QVBoxLayout(self)
        if open_points:
            text = self.tr("Nog niet gecontroleerd: %n punt(en) van de vorige ronde.", "", len(open_points))
        else:
            text = self.tr("Alle punten van de vorige ronde zijn gecontroleerd.")
        intro = QLabel(text, self)
        intro.setObjectName("closeRoundIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = named(QTableWidget(len(open_points), 3, self), "closeRoundTable",
                           self.tr("Nog niet gecontroleerde punten"))
        self.table.setHorizontalHeaderLabels([self.tr("Straat"), self.tr("Onderdeel"), self.tr("Was")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for row, p in enumerate(open_points):
            for col, value in enumerate((p["street"], p["item"], p["previous_level"] or "–")):
                self.table.setItem(row, col, QTableWidgetItem(value))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVisible(bool(open_points))
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox(self)
        self.close_button = named(buttons.addButton(self.tr("Ronde afsluiten"), QDialogButtonBox.ButtonRole.AcceptRole),
                                  "closeRoundConfirm", self.tr("Ronde afsluiten"))
        self.back_button = named(buttons.addButton(self.tr("Verder schouwen"), QDialogButtonBox.ButtonRole.RejectRole),
                                 "closeRoundBack", self.tr("Verder schouwen"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_on_screen(self, 620, 420 if open_points else 160)


def close_round(window) -> None:
    """The Ronde menu's *Ronde afsluiten…*: list the unchecked points and ask; closing
    leaves the round (it can be opened again from *Ronde openen*)."""
    session = window.session
    if session is None or session.ctx is None:
        return
    window.flush()
    points = rechecks.points(session.project, session.ctx.round.id, open_only=True)
    for p in points:
        if (found := session.ctx.item(p["element"], p["aspect"])) is not None:
            p["item"] = f"{found[0].name} — {found[1].name}"
    dialog = CloseRoundDialog(points, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: window.open_round(None))
    dialog.open()
    window.close_round_dialog = dialog
