"""The heights of the street list's rows: one line for every street, more only for a
name wider than its column.

Sizing every row to its contents (``ResizeToContents`` on the vertical header) asks each
cell of every street for its size hint, through Python, on every layout: 1.6 s of the
start of a round with 1,000 streets (issue 20, docs/bench-startup.md). Here every row
gets one fixed height, measured once on a street whose name fits, and only the names
wider than the column are sized by their delegate, so the look is the same (a long name
wraps onto a second line, none is cut) at a fraction of the cost. The names' widths are
measured once per street; the rows are fitted again when the column's width changed
(before the next paint: showing the window resizes it several times) and when the
filter brings rows back.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRect, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from schouw.ui.models import StreetModel


class StreetRowHeights(QObject):
    """Keeps ``table``'s rows one line high, and long names' rows as high as they need."""

    def __init__(self, table: QTableView, model: StreetModel, proxy: QSortFilterProxyModel):
        super().__init__(table)
        self.table, self.model, self.proxy = table, model, proxy
        self._line_row = 0  # a one-line row's height, measured on the first row that fits
        self._name_widths: list[int] = []
        self._wrapped: list[int] = []  # proxy rows made taller than one line
        self._fitted_room = -1  # the name column's width the rows were fitted to
        self._pad: int | None = None  # what the name's delegate adds to a wrapped name's text
        #: (text width, {source row: height of its name's wrapped text}) for long names
        self._heights: tuple[int, dict[int, int]] = (-1, {})
        rows = table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(rows.minimumSectionSize())
        # after the view's own slots (the view has its model already), so the rows exist
        # when they are fitted
        model.modelReset.connect(self._forget_names)
        model.rowsInserted.connect(self._forget_names)
        # a filter change brings rows back in many ranges (a signal each): fitted once,
        # before the next paint
        for signal in (proxy.modelReset, proxy.rowsInserted, proxy.layoutChanged):
            signal.connect(self._unfit)
        # while sectionResized is emitted the view still has the old width: fit before
        # the next paint, when the column has its final width
        table.horizontalHeader().sectionResized.connect(
            lambda col, _old, _new: col == StreetModel.COL_NAME and self._unfit())
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if event.type() == QEvent.Type.Paint and self._fitted_room < 0 and watched is self.table.viewport():
            self.fit()
        return False

    def _forget_names(self, *_args) -> None:
        self._name_widths = []
        self._heights = (-1, {})
        self._unfit()

    def _unfit(self, *_args) -> None:
        self._fitted_room = -1

    def refit(self, *_args) -> None:
        self._fitted_room = -1
        self.fit()

    def fit(self) -> None:
        """Size the rows to the name column's current width (nothing when it did not
        change, or while the list is not shown and the column has no real width)."""
        table, model, proxy = self.table, self.model, self.proxy
        room = table.columnWidth(StreetModel.COL_NAME)
        if not table.isVisible() or room <= 0 or room == self._fitted_room:
            return
        self._fitted_room = room
        rows = table.verticalHeader()
        metrics = table.fontMetrics()
        if len(self._name_widths) != model.rowCount():
            self._name_widths = [metrics.horizontalAdvance(s.name) for s in model.streets()]
        # the width the item's text gets: the column less the style's text margins
        text_width = room - 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1)
        wrap = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)

        if self._heights[0] != text_width:
            self._heights = (text_width, {})
        known = self._heights[1]

        def text_height(source: int) -> int:
            if source not in known:
                name = model.street(source).name
                known[source] = metrics.boundingRect(QRect(0, 0, text_width, 1 << 20), wrap, name).height()
            return known[source]

        if not self._line_row:
            first = next((n for n, width in enumerate(self._name_widths) if width < text_width), -1)
            index = proxy.mapFromSource(model.index(first, StreetModel.COL_NAME)) if first >= 0 else None
            if index is not None and index.isValid():
                self._line_row = max(table.sizeHintForRow(index.row()), rows.minimumSectionSize())
                rows.setDefaultSectionSize(self._line_row)
        line = rows.defaultSectionSize()
        for row in self._wrapped:
            if row < rows.count():
                rows.resizeSection(row, line)
        self._wrapped = []
        one_line = metrics.height()
        for source, width in enumerate(self._name_widths):
            if width < text_width:
                continue
            height = text_height(source)
            if height <= one_line + 1:
                continue  # one word wider than the column: one line, elided ("…")
            index = proxy.mapFromSource(model.index(source, StreetModel.COL_NAME))
            if not index.isValid():
                continue  # filtered out
            if self._pad is None:
                # what the delegate adds to the text: measured once, on a wrapped name
                self._pad = table.sizeHintForRow(index.row()) - height
            if height + self._pad > line:
                rows.resizeSection(index.row(), height + self._pad)
                self._wrapped.append(index.row())
