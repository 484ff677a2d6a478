"""The *Indicatoren* view (Ronde › Indicatoren…, Ctrl+Shift+I): the project's policy
indicators with nulmeting, streefwaarde, latest value and whether they are on course;
for the selected one a chart (``ui/indicator_chart.py``) and its values per year.

Rows come from :func:`schouw.services.indicators.overview` — the CLI's
``schouw indicators list`` — and the verdict shown is the domain's
(:func:`schouw.domain.indicators.status`), never worked out here. The view refreshes
when the change hub says indicators changed (its own dialogs, an import, the CLI's use
cases called by another view), keeping the selected indicator.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QLocale,
    QPointF,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from schouw.messages import SchouwError
from schouw.services import indicators as S
from schouw.services.changes import Changes
from schouw.ui import theme
from schouw.ui.dialogs import show_error
from schouw.ui.row_model import Index, RowsModel, list_table
from schouw.ui.widgets import fit_on_screen, named, styled

#: verdict key -> (colour, marker shape): the shape differs too, so colour is never the only sign
VERDICT_LOOK = {"met": (theme.GOOD, "check"), "on": (theme.GOOD, "disc"),
                "off": (theme.BELOW, "triangle"), "none": (theme.MUTED, "ring")}


def number(value: float | None) -> str:
    """A figure as the user's language writes it (17,8 in Dutch), without trailing zeros."""
    return "–" if value is None else QLocale().toString(float(value), "g", 8)


def verdict_key(row: S.IndicatorRow) -> str:
    """The domain's verdict of a row as one key: met, on, off or none (not measured)."""
    s = row.status
    if s.latest is None:
        return "none"
    if s.target_met:
        return "met"
    return "on" if s.on_course else "off"


def marker_icon(key: str, size: int = 14) -> QIcon:
    """A small coloured marker whose shape also says the verdict."""
    colour, shape = VERDICT_LOOK[key]
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour))
    painter.setBrush(QColor(colour))
    m = 2
    if shape == "triangle":
        painter.drawPolygon(QPolygonF([QPointF(size / 2, m), QPointF(size - m, size - m), QPointF(m, size - m)]))
    elif shape == "ring":
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(m, m, size - 2 * m, size - 2 * m)
    else:
        painter.drawEllipse(m, m, size - 2 * m, size - 2 * m)
        if shape == "check":
            painter.setPen(QColor("#ffffff"))
            painter.drawPolyline(QPolygonF([QPointF(size * 0.3, size * 0.52), QPointF(size * 0.45, size * 0.68),
                                            QPointF(size * 0.72, size * 0.34)]))
    painter.end()
    return QIcon(pixmap)


class IndicatorsModel(RowsModel):
    """Rows of ``S.IndicatorRow``: name, area, unit, direction, nulmeting, streefwaarde,
    latest value and the verdict (marker and text)."""

    COLUMNS = ("name", "area", "unit", "direction", "baseline", "target", "latest", "verdict")

    def titles(self) -> dict[str, str]:
        return {"name": self.tr("Indicator"), "area": self.tr("Gebied"), "unit": self.tr("Eenheid"),
                "direction": self.tr("Richting"), "baseline": self.tr("Nulmeting"),
                "target": self.tr("Streefwaarde"), "latest": self.tr("Laatste waarde"),
                "verdict": self.tr("Stand")}

    def verdict_text(self, key: str) -> str:
        return {"met": self.tr("streefwaarde gehaald"), "on": self.tr("op koers"),
                "off": self.tr("niet op koers"), "none": self.tr("nog niet gemeten")}[key]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index)
        if row is None:
            return None
        i = row.indicator
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return i.name
            if column == "area":
                return row.area_name or self.tr("hele project")
            if column == "unit":
                return i.unit
            if column == "direction":
                return self.tr("↑ hoger is beter") if i.direction.value == "up" else self.tr("↓ lager is beter")
            if column == "baseline":
                return f"{number(i.baseline_value)} ({i.baseline_year})"
            if column == "target":
                return f"{number(i.target_value)} ({i.target_year})"
            if column == "latest":
                latest = row.status.latest
                return "–" if latest is None else f"{number(latest.value)} ({latest.year})"
            return self.verdict_text(verdict_key(row))
        if column == "verdict":
            key = verdict_key(row)
            if role == Qt.ItemDataRole.DecorationRole:
                return marker_icon(key)
            if role == Qt.ItemDataRole.ForegroundRole:
                return QColor(VERDICT_LOOK[key][0])
            if role == Qt.ItemDataRole.ToolTipRole and row.status.expected is not None:
                return self.tr("De koers wijst in {year} naar {value}").format(
                    year=row.status.latest.year, value=number(row.status.expected))
        if role == Qt.ItemDataRole.ToolTipRole and column == "name":
            return i.name
        if role == Qt.ItemDataRole.ToolTipRole and column == "baseline" and i.baseline_source:
            return i.baseline_source
        if role == Qt.ItemDataRole.UserRole:
            return i.id
        return None


class IndicatorsDialog(QDialog):
    """The indicator table, the chart and values of the selected one, and the buttons
    that open the dialogs of ``ui/indicator_dialog.py``."""

    def __init__(self, session, hub, parent: QWidget | None = None):
        super().__init__(parent)
        from schouw.ui.indicator_chart import IndicatorChart  # QtCharts: only now

        named(self, "indicatorsDialog", self.tr("Indicatoren"))
        self.setWindowTitle(self.tr("Indicatoren"))
        self.session = session
        self.hub = hub
        self.confirm_box: QMessageBox | None = None
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.new_button = styled(named(QPushButton(self.tr("Nieuwe indicator…"), self), "indicatorNew",
                                       self.tr("Nieuwe indicator")), role="primary")
        self.edit_button = named(QPushButton(self.tr("Bewerken…"), self), "indicatorEdit",
                                 self.tr("Indicator bewerken"))
        self.value_button = named(QPushButton(self.tr("Waarde toevoegen…"), self), "indicatorAddValue",
                                  self.tr("Waarde toevoegen"))
        self.delete_button = styled(named(QPushButton(self.tr("Verwijderen"), self), "indicatorDelete",
                                          self.tr("Indicator verwijderen")), role="danger")
        self.new_button.clicked.connect(self.open_new)
        self.edit_button.clicked.connect(self.open_edit)
        self.value_button.clicked.connect(self.open_value)
        self.delete_button.clicked.connect(self.ask_delete)
        for button in (self.new_button, self.edit_button, self.value_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout.addLayout(buttons)

        self.model = IndicatorsModel(self)
        self.table = named(list_table(self, self.model, ("name",)), "indicatorsTable",
                           self.tr("Lijst van indicatoren"))
        self.table.doubleClicked.connect(lambda _i: self.open_edit())
        self.chart = IndicatorChart(self)
        self.values = named(QTableWidget(0, 4, self), "indicatorValues", self.tr("Waarden per jaar"))
        self.values.setHorizontalHeaderLabels([self.tr("Jaar"), self.tr("Waarde"), self.tr("Bron"),
                                               self.tr("Herkomst")])
        self.values.verticalHeader().hide()
        self.values.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.values.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        values_header = self.values.horizontalHeader()
        values_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        values_header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        values_header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.detail = named(QLabel(self), "indicatorDetail", self.tr("Stand van de indicator"))
        self.detail.setWordWrap(True)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.table)
        lower = QWidget(self)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.chart, 4)
        lower_layout.addWidget(self.detail)
        lower_layout.addWidget(self.values, 1)
        splitter.addWidget(lower)
        # the table shows about five indicators, the chart gets the rest
        rows = theme.line_height() + 12
        self.table.setMinimumHeight(rows * 4)
        self.values.setMinimumHeight(rows * 3)
        splitter.setSizes([rows * 6, rows * 24])
        layout.addWidget(splitter, 1)
        self.count_label = named(QLabel(self), "indicatorsCount", self.tr("Aantal indicatoren"))
        layout.addWidget(self.count_label)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._selected())
        hub.changed.connect(self._on_changes)
        self.refresh()
        fit_on_screen(self, 1100, 720)

    # -- reading -----------------------------------------------------------------------------
    def selected_row(self) -> S.IndicatorRow | None:
        index = self.table.currentIndex()
        if not index.isValid() or index.row() >= len(self.model.rows):
            return None
        return self.model.rows[index.row()]

    def select(self, indicator_id: str | None) -> None:
        """Make this indicator the current row (the first when it is not there)."""
        ids = [r.indicator.id for r in self.model.rows]
        row = ids.index(indicator_id) if indicator_id in ids else (0 if ids else None)
        if row is not None:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))
        self._selected()

    def refresh(self, keep: str | None = None) -> None:
        """Read the indicators again and keep the selected one (or ``keep``)."""
        current = self.selected_row()
        keep = keep or (current.indicator.id if current else None)
        self.model.set_rows(S.overview(self.session.project))
        self.count_label.setText(self.tr("%n indicatoren", "", len(self.model.rows)))
        self.select(keep)

    def _selected(self) -> None:
        row = self.selected_row()
        for button in (self.edit_button, self.value_button, self.delete_button):
            button.setEnabled(row is not None)
        self.chart.show_row(row)
        self._fill_values(row)
        if row is None:
            self.detail.setText(self.tr("Nog geen indicatoren: maak er een met Nieuwe indicator…")
                                if not self.model.rows else "")
            return
        i = row.indicator
        text = self.tr("Nulmeting {value} in {year}").format(value=number(i.baseline_value), year=i.baseline_year)
        if i.baseline_source:
            text += f" ({i.baseline_source})"
        text += " · " + self.tr("streefwaarde {value} in {year}").format(value=number(i.target_value),
                                                                         year=i.target_year)
        text += " · " + self.model.verdict_text(verdict_key(row))
        self.detail.setText(text)

    def _origin(self, round_id: str | None) -> str:
        if not round_id:
            return self.tr("met de hand")
        try:
            round_ = self.session.project.rounds.get(round_id)
            title = round_.title or str(round_.date)
        except SchouwError:
            title = round_id[:8]
        return self.tr("berekend uit meting {round}").format(round=title)

    def _fill_values(self, row: S.IndicatorRow | None) -> None:
        values = row.values if row is not None else []
        self.values.setRowCount(len(values))
        for n, v in enumerate(values):
            for column, text in enumerate((str(v.year), number(v.value), v.source, self._origin(v.round_id))):
                item = QTableWidgetItem(text)
                if column < 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.values.setItem(n, column, item)

    def _on_changes(self, changes: Changes, _initiator: object | None = None) -> None:
        if changes.indicators or changes.rounds or changes.streets:
            self.refresh()

    # -- changing ------------------------------------------------------------------------------
    def _notify(self, changes: Changes, initiator: object) -> None:
        self.hub.notify(changes, initiator)

    def open_new(self):
        from schouw.ui.indicator_dialog import IndicatorDialog

        dialog = IndicatorDialog(self.session, self._dialog_done, None, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_edit(self):
        from schouw.ui.indicator_dialog import IndicatorDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = IndicatorDialog(self.session, self._dialog_done, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_value(self):
        from schouw.ui.indicator_dialog import ValueDialog

        row = self.selected_row()
        if row is None:
            return None
        dialog = ValueDialog(self.session, self._dialog_done, row, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def _dialog_done(self, changes: Changes, dialog: Any) -> None:
        """What a dialog calls with its changes: the hub (every view refreshes), then
        this view selects the indicator the dialog made or changed."""
        self._notify(changes, dialog)
        made = getattr(dialog, "indicator_id", None)
        self.select(made if made is not None else dialog.row.indicator.id)

    def ask_delete(self) -> QMessageBox | None:
        """Ask before deleting (never blocking: the answer arrives through ``finished``)."""
        row = self.selected_row()
        if row is None:
            return None
        box = QMessageBox(self)
        named(box, "indicatorDeleteConfirm", self.tr("Indicator verwijderen?"))
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Indicator verwijderen?"))
        box.setText(self.tr("Indicator '{name}' en zijn %n waarden verwijderen?", "", len(row.values)).format(
            name=row.indicator.name))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Verwijderen"))
        box.button(QMessageBox.StandardButton.No).setText(self.tr("Annuleren"))
        indicator_id = row.indicator.id
        box.buttonClicked.connect(
            lambda button: self.delete(indicator_id) if box.buttonRole(button) == QMessageBox.ButtonRole.YesRole
            else None)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirm_box = box
        box.open()
        return box

    def delete(self, indicator_id: str) -> None:
        project = self.session.project
        try:
            with project.write():
                changes = S.delete_indicator(project, indicator_id)
        except SchouwError as error:
            show_error(self, error)
            return
        self._notify(changes, self)
