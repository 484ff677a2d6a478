"""The line chart of one indicator in the *Indicatoren* view: the measured values per
year, the nulmeting and the streefwaarde as two distinct markers, and the course — the
dashed straight line from nulmeting to streefwaarde that ``schouw.domain.indicators``
judges "op koers" against — so a reader sees at a glance which side of the line the
figures are on.

This module imports QtCharts at its top, so it is imported only when the view opens
(``tests/test_startup_imports.py``: QtCharts costs start-up time nobody needs for the
walk). It draws what :class:`schouw.services.indicators.IndicatorRow` holds and judges
nothing itself.
"""

from __future__ import annotations

from PySide6.QtCharts import QChart, QChartView, QLegend, QLineSeries, QScatterSeries, QValueAxis
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QWidget

from schouw.services.indicators import IndicatorRow
from schouw.ui import theme
from schouw.ui.widgets import named

#: marker colours: the course and its two ends in the accent colour, measured values in ink
BASELINE_COLOUR = theme.MUTED
TARGET_COLOUR = theme.GOOD
MEASURED_COLOUR = theme.ACCENT
COURSE_COLOUR = theme.MUTED


class IndicatorChart(QChartView):
    """The chart of the selected indicator (empty when none is selected).

    The four series are attributes so a test can read them back: ``measured`` (a line
    with points, one per year), ``baseline`` and ``target`` (one marker each, a circle
    and a square) and ``course`` (two points, dashed)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "indicatorChart", self.tr("Grafiek van de indicator"))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        chart = QChart()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        chart.legend().setMarkerShape(QLegend.MarkerShape.MarkerShapeFromSeries)
        self.setChart(chart)
        self.course = QLineSeries()
        pen = QPen(QColor(COURSE_COLOUR))
        pen.setStyle(Qt.PenStyle.DashLine)
        pen.setWidthF(1.6)
        self.course.setPen(pen)
        self.measured = QLineSeries()
        pen = QPen(QColor(MEASURED_COLOUR))
        pen.setWidthF(2.4)
        self.measured.setPen(pen)
        self.measured.setPointsVisible(True)
        self.measured.setMarkerSize(9)
        self.baseline = self._marker(QScatterSeries.MarkerShape.MarkerShapeCircle, BASELINE_COLOUR)
        self.target = self._marker(QScatterSeries.MarkerShape.MarkerShapeRectangle, TARGET_COLOUR)
        for series in (self.course, self.measured, self.baseline, self.target):
            chart.addSeries(series)
        self.x_axis = QValueAxis()
        self.x_axis.setLabelFormat("%d")
        self.x_axis.setMinorTickCount(0)
        self.y_axis = QValueAxis()
        chart.addAxis(self.x_axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(self.y_axis, Qt.AlignmentFlag.AlignLeft)
        for series in (self.course, self.measured, self.baseline, self.target):
            series.attachAxis(self.x_axis)
            series.attachAxis(self.y_axis)
        self.show_row(None)

    @staticmethod
    def _marker(shape: QScatterSeries.MarkerShape, colour: str) -> QScatterSeries:
        series = QScatterSeries()
        series.setMarkerShape(shape)
        series.setMarkerSize(13)
        series.setColor(QColor(colour))
        series.setBorderColor(QColor(theme.INK))
        return series

    def show_row(self, row: IndicatorRow | None) -> None:
        """Draw this indicator (None: an empty chart with a hint as its title)."""
        for series in (self.course, self.measured, self.baseline, self.target):
            series.clear()
        chart = self.chart()
        if row is None:
            chart.setTitle(self.tr("Kies een indicator"))
            self.x_axis.setTitleText(self.tr("Jaar"))
            self.y_axis.setTitleText("")
            self.x_axis.setTickType(QValueAxis.TickType.TicksFixed)
            self.x_axis.setTickCount(6)
            self.x_axis.setRange(2020, 2030)
            self.y_axis.setRange(0, 100)
            for series in (self.course, self.measured, self.baseline, self.target):
                series.setName("")
            return
        i = row.indicator
        chart.setTitle(i.name)
        self.course.append(QPointF(i.baseline_year, i.baseline_value))
        self.course.append(QPointF(i.target_year, i.target_value))
        self.baseline.append(QPointF(i.baseline_year, i.baseline_value))
        self.target.append(QPointF(i.target_year, i.target_value))
        for value in row.values:
            self.measured.append(QPointF(value.year, value.value))
        self.course.setName(self.tr("Koers (nulmeting → streefwaarde)"))
        self.measured.setName(self.tr("Gemeten"))
        self.baseline.setName(self.tr("Nulmeting ({year})").format(year=i.baseline_year))
        self.target.setName(self.tr("Streefwaarde ({year})").format(year=i.target_year))
        self.x_axis.setTitleText(self.tr("Jaar"))
        self.y_axis.setTitleText(i.unit or self.tr("Waarde"))
        years = [i.baseline_year, i.target_year] + [v.year for v in row.values]
        first, last = min(years), max(years)
        span = last - first + 2
        # whole years as ticks, never more than about a dozen labels
        self.x_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        self.x_axis.setTickAnchor(first)
        self.x_axis.setTickInterval(1 if span <= 12 else 2 if span <= 24 else 5)
        self.x_axis.setRange(first - 1, last + 1)
        values = [i.baseline_value, i.target_value] + [v.value for v in row.values]
        low, high = min(values), max(values)
        pad = max((high - low) * 0.15, abs(high) * 0.05, 1.0)
        bottom = 0.0 if low >= 0 and low - pad < 0 else low - pad
        top = 100.0 if i.unit.strip() == "%" and high <= 100 and high + pad > 100 else high + pad
        self.y_axis.setRange(bottom, top)
        self.y_axis.applyNiceNumbers()

    def points(self, which: str) -> list[tuple[float, float]]:
        """The (x, y) points of one series by attribute name: what a test reads back."""
        series = getattr(self, which)
        return [(p.x(), p.y()) for p in series.points()]
