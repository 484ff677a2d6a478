"""The *Verloop* view (Ronde › Verloop…): how the streets and aspects of a buurt moved
over a series of rounds (a stratenaanpak), street × round with counts or shares and the
movement as an arrow, a word and a colour; improved and worse streets first.

Rows come from ``services.verloop`` (the use case behind ``schouw trend`` and
``report --kind verloop``), so the view, the CLI and the PDF always agree. It refreshes
when the change hub says findings, walked streets, rounds or streets changed; it never
reopens the project.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.verloop import MEASURE_SHARE, Cell, Line, Verloop
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.ui import theme
from schouw.ui.widgets import fit_on_screen, named

Index = QModelIndex | QPersistentModelIndex

ARROWS = {"better": "↑", "worse": "↓", "same": "=", None: "·"}
# pale backgrounds of the movement column (the word carries the meaning, not the colour)
BACKGROUNDS = {"better": "#e3f1e4", "worse": "#f9e0e0", "same": theme.SOFT, None: theme.PANEL}
FOREGROUNDS = {"better": theme.GOOD, "worse": theme.BELOW, "same": theme.INK, None: theme.MUTED}


class VerloopModel(QAbstractTableModel):
    """Lines (streets or aspects) × rounds, with a last column for the movement."""

    def __init__(self, parent=None, *, aspects: bool = False):
        super().__init__(parent)
        self.aspects = aspects
        self.verloop: Verloop | None = None
        self.lines: list[Line] = []

    def set_lines(self, verloop: Verloop | None, lines: list[Line]) -> None:
        self.beginResetModel()
        self.verloop = verloop
        self.lines = lines
        self.endResetModel()

    def _rounds(self) -> int:
        return len(self.verloop.rounds) if self.verloop is not None else 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or self.verloop is None else self._rounds() + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or self.verloop is None:
            return None
        if not 0 <= section < self._rounds() + 2:
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if section == 0:
            return self.tr("Aspect") if self.aspects else self.tr("Straat")
        if section == self._rounds() + 1:
            return self.tr("Verloop")
        r = self.verloop.rounds[section - 1]
        when = f"{r.date.day:02d}-{r.date.month:02d}-{r.date.year}"
        return f"{section}. {when}" if role == Qt.ItemDataRole.DisplayRole else f"{when} {r.title}"

    def move_text(self, line: Line) -> str:
        move = line.move.value if line.move else None
        words = {"better": self.tr("beter"), "worse": self.tr("slechter"), "same": self.tr("gelijk"),
                 None: self.tr("niet te vergelijken")}
        text = f"{ARROWS[move]} {words[move]}"
        if move and not line.conclusive:
            text += " (" + self.tr("te weinig punten") + ")"
        return text

    def cell_text(self, cell: Cell) -> str:
        if not cell.walked:
            return self.tr("niet gelopen")
        assert self.verloop is not None
        if self.verloop.measure == MEASURE_SHARE:
            if cell.share is None or cell.share.share is None:
                return "–"
            return f"{100 * cell.share.share:.0f} % (n={cell.share.n})"
        # the number only: an arrow per cell would point down for "fewer" while the
        # movement column's ↓ means "worse"
        return str(cell.below_norm if self.verloop.measure == "below_norm" else cell.findings)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.lines) or self.verloop is None:
            return None
        line = self.lines[index.row()]
        column = index.column()
        last = self._rounds() + 1
        move = line.move.value if line.move else None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column == 0:
                return line.name
            if column == last:
                return self.move_text(line)
            return self.cell_text(line.cells[column - 1])
        if role == Qt.ItemDataRole.BackgroundRole and column == last:
            return QColor(BACKGROUNDS[move])
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == last:
                return QColor(FOREGROUNDS[move])
            if 0 < column < last and not line.cells[column - 1].walked:
                return QColor(theme.MUTED)
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < column < last:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.UserRole:
            return line.key
        return None


class VerloopDialog(QDialog):
    """Choose a buurt and one of its series; see its streets and aspects over the rounds."""

    def __init__(self, session, hub, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "verloopDialog", self.tr("Verloop"))
        self.setWindowTitle(self.tr("Verloop van een reeks rondes"))
        self.session = session
        self.hub = hub
        self.result = None
        layout = QVBoxLayout(self)
        choose = QHBoxLayout()
        self.buurt_combo = named(QComboBox(self), "verloopBuurt", self.tr("Buurt"))
        self.series_combo = named(QComboBox(self), "verloopSeries", self.tr("Reeks (formulier)"))
        buurt_label = QLabel(self.tr("&Buurt:"), self)
        buurt_label.setBuddy(self.buurt_combo)
        series_label = QLabel(self.tr("&Reeks:"), self)
        series_label.setBuddy(self.series_combo)
        choose.addWidget(buurt_label)
        choose.addWidget(self.buurt_combo, 1)
        choose.addWidget(series_label)
        choose.addWidget(self.series_combo, 2)
        self.title_edit = named(QLineEdit(self), "verloopTitle", self.tr("Alleen rondes met deze tekst in de titel"))
        self.title_edit.setPlaceholderText(self.tr("Titel bevat…"))
        self.title_edit.setClearButtonEnabled(True)
        self.title_edit.setToolTip(self.tr("Bijvoorbeeld Stratenaanpak: alleen de rondes met die tekst in de titel, "
                                           "als de buurt op hetzelfde formulier ook andere rondes heeft"))
        choose.addWidget(self.title_edit, 1)
        self.report_button = named(QPushButton(self.tr("Rapport &maken…"), self), "verloopReport",
                                   self.tr("Rapport van dit verloop maken"))
        choose.addWidget(self.report_button)
        layout.addLayout(choose)
        self.summary = named(QLabel(self), "verloopSummary", self.tr("Samenvatting van het verloop"))
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = named(QTabWidget(self), "verloopTabs", self.tr("Per straat of per aspect"))
        self.street_model = VerloopModel(self)
        self.aspect_model = VerloopModel(self, aspects=True)
        self.street_table = self._table("verloopStreets", self.tr("Verloop per straat"), self.street_model)
        self.aspect_table = self._table("verloopAspects", self.tr("Verloop per aspect"), self.aspect_model)
        self.tabs.addTab(self.street_table, self.tr("Per straat"))
        self.tabs.addTab(self.aspect_table, self.tr("Per aspect"))
        layout.addWidget(self.tabs, 1)
        self.note = named(QLabel(self), "verloopNote", self.tr("Uitleg bij het verloop"))
        self.note.setWordWrap(True)
        theme.colour_text(self.note, theme.MUTED)
        layout.addWidget(self.note)
        self._fill_buurten()
        self.buurt_combo.currentIndexChanged.connect(lambda _i: self._fill_series())
        self.series_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.title_edit.editingFinished.connect(self._fill_series)
        self.report_button.clicked.connect(self.make_report)
        hub.changed.connect(self._on_changes)
        self._fill_series()
        fit_on_screen(self, 1000, 640)

    def _table(self, name: str, label: str, model: VerloopModel) -> QTableView:
        table = named(QTableView(self), name, label)
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # -- choices --------------------------------------------------------------------------
    def _fill_buurten(self) -> None:
        project = self.session.project
        current = self.buurt_combo.currentData()
        if current is None and self.session.ctx is not None:
            current = self.session.ctx.round.buurt_id
        self.buurt_combo.blockSignals(True)
        self.buurt_combo.clear()
        for buurt in project.areas.buurten():
            self.buurt_combo.addItem(buurt.name, buurt.id)
        self.buurt_combo.setCurrentIndex(max(0, self.buurt_combo.findData(current)))
        self.buurt_combo.blockSignals(False)

    def _fill_series(self) -> None:
        from schouw.services.verloop import series_of

        buurt_id = self.buurt_combo.currentData()
        current = self.series_combo.currentData()
        if current is None and self.session.ctx is not None and buurt_id == self.session.ctx.round.buurt_id:
            round_ = self.session.ctx.round
            current = f"{self.session.ctx.form.id}|{round_.kind.value}"
        self.series_combo.blockSignals(True)
        self.series_combo.clear()
        lengths: list[int] = []
        if buurt_id:
            for choice in series_of(self.session.project, buurt_id, self.title_edit.text().strip()):
                lengths.append(choice.rounds)
                kind = self.tr("meting") if choice.kind == "meting" else self.tr("knelpuntenschouw")
                text = self.tr("%1 (%2), %n rondes", "", choice.rounds).replace("%1", choice.title).replace("%2", kind)
                # "form|kind" as text: a Python tuple does not survive QVariant's findData
                self.series_combo.addItem(text, f"{choice.form_id}|{choice.kind}")
        index = self.series_combo.findData(current) if current else -1
        if index < 0:  # the first series with two rounds or more
            index = next((i for i, n in enumerate(lengths) if n >= 2), 0)
        self.series_combo.setCurrentIndex(index)
        self.series_combo.blockSignals(False)
        self.refresh()

    # -- content --------------------------------------------------------------------------
    def refresh(self) -> None:
        from schouw.services.verloop import verloop_of_series

        data = self.series_combo.currentData()
        self.result = None
        if data:
            try:
                self.result = verloop_of_series(self.session.project, self.buurt_combo.currentData(),
                                                *data.split("|", 1), title=self.title_edit.text())
            except SchouwError as error:
                self.summary.setText(error.message())
        elif self.buurt_combo.count():
            title = self.title_edit.text().strip()
            self.summary.setText(SchouwError("verloop_title_none", buurt=self.buurt_combo.currentText(),
                                             title=title).message() if title
                                 else self.tr("Deze buurt heeft nog geen rondes."))
        v = self.result.verloop if self.result is not None else None
        self.street_model.set_lines(v, list(v.streets) if v else [])
        self.aspect_model.set_lines(v, [a for a in v.aspects if any(c.walked and (c.findings or c.share and c.share.n)
                                                                    for c in a.cells)] if v else [])
        self.report_button.setEnabled(v is not None)
        if v is None:
            self.note.setText("")
            return
        from schouw.domain.scoring import Trend

        self.summary.setText(
            self.tr("%n straten beter", "", v.counts(Trend.BETTER)) + ", "
            + self.tr("%n slechter", "", v.counts(Trend.WORSE)) + ", "
            + self.tr("%n gelijk", "", v.counts(Trend.SAME)) + ", "
            + self.tr("%n niet te vergelijken", "", v.counts(None)) + ".")
        measure = {"below_norm": self.tr("Aantal bevindingen onder de norm per ronde (minder is beter)."),
                   "findings": self.tr("Aantal bevindingen per ronde (minder is beter; dit formulier kent geen normen)."),
                   "share": self.tr("Aandeel op of boven de norm per meting, met n (hoger is beter).")}[v.measure]
        self.note.setText(measure + " " + self.tr(
            "Verloop: de eerste ronde waarin de straat gelopen is tegen de laatste. "
            "'Niet gelopen' is geen 0: daar heeft niemand gekeken."))

    def _on_changes(self, changes: Changes, _initiator: object | None = None) -> None:
        if changes.streets:
            self._fill_buurten()
        if changes.streets or changes.rounds:
            self._fill_series()
        elif changes.findings or changes.walked:
            self.refresh()

    def make_report(self, path: str | None = None):
        """The verloop as a PDF (the same report as ``schouw report --kind verloop``)."""
        from schouw.services.verloop_report import build_verloop_report
        from schouw.ui.dialogs import show_message

        if self.result is None:
            return None
        if path is None:
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Verloop opslaan"),
                                                  f"verloop-{self.result.buurt.name}.pdf", self.tr("PDF (*.pdf)"))
            if not path:
                return None
        from schouw.ui.i18n import language

        try:
            made = build_verloop_report(self.session.project, self.result.verloop.rounds[-1].id, path,
                                        lang=language(), title=self.result.title)
        except SchouwError as error:
            show_message(self, self.tr("Verloop"), error.message())
            return None
        show_message(self, self.tr("Verloop"), self.tr("Rapport gemaakt: %1 (%n pagina's)", "", made.pages)
                     .replace("%1", str(made.path)), error=False)
        return made


def verloop_action(window) -> QAction:
    """*Ronde › Verloop…* for the main window's round output section (enabled with a project)."""
    for old in window.findChildren(QAction, "actVerloop"):  # the menus were built again
        window.removeAction(old)
        old.deleteLater()
    action = QAction(QCoreApplication.translate("MainWindow", "&Verloop…"), window)
    action.setObjectName("actVerloop")

    def show() -> None:
        if window.session is None:
            return
        dialog = VerloopDialog(window.session, window.hub, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        window.verloop_dialog = dialog

    action.triggered.connect(show)
    return action
