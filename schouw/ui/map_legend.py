"""The legend under the map: what each marker shape and line means.

Painted (not a row of labels) so it wraps to the pane's width and costs nothing to
redraw; each entry shows the very sprite or line the map draws.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from schouw.ui import map_style as style
from schouw.ui.map_layers import WALKED_OFFSETS, todo_pen, walked_pen

_ICON = 26
_GAP = 12


class MapLegend(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.setAccessibleName(self.tr("Legenda van de kaart"))
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.labels: dict[str | None, str] = {}
        self.set_scene(None)

    def set_scene(self, scene: Any) -> None:
        self._entries = self._make_entries(scene)
        self.setAccessibleDescription("; ".join(text for _kind, _arg, text in self._entries))
        self.updateGeometry()
        self.update()

    def _make_entries(self, scene: Any) -> list[tuple[str, Any, str]]:
        """The entries that mean something for this scene (an empty one shows them all)."""
        markers = getattr(scene, "markers", None) or []
        outside = scene is None or any(getattr(m, "outside_buurt", False) for m in markers)
        points = bool(getattr(scene, "points", None))
        entries: list[tuple[str, Any, str]] = [
            ("marker", ("A+", False), self.tr("A+")),
            ("marker", ("A", False), self.tr("A")),
            ("marker", ("B", False), self.tr("B")),
            ("marker", ("C", False), self.tr("C")),
            ("marker", ("D", False), self.tr("D")),
            ("marker", (None, False), self.tr("geen niveau")),
            ("marker", ("C", True), self.tr("onder de norm")),
            ("cluster", None, self.tr("groep")),
            ("line", True, self.tr("gelopen")),
            ("line", False, self.tr("nog te doen")),
        ]
        if outside:
            entries.insert(7, ("outside", None, self.tr("buiten de buurt")))
        if points:
            entries.append(("point", None, self.tr("schouwpunt")))
        return entries

    def _layout(self, width: int) -> list[tuple[QRectF, tuple[str, Any, str]]]:
        metrics = QFontMetrics(self.font())
        x, y, row_h = 0.0, 0.0, max(_ICON, metrics.height()) + 4
        out = []
        for entry in self._entries:
            w = _ICON + 4 + metrics.horizontalAdvance(entry[2])
            if x > 0 and x + w > width:
                x, y = 0.0, y + row_h
            out.append((QRectF(x, y, w, row_h), entry))
            x += w + _GAP
        return out

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        rects = self._layout(width)
        return int(rects[-1][0].bottom()) + 2 if rects else 0

    def sizeHint(self) -> QSize:
        return QSize(400, self.heightForWidth(max(self.width(), 300)))

    def minimumSizeHint(self) -> QSize:
        return QSize(200, self.heightForWidth(max(self.width(), 200)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        height = self.heightForWidth(self.width())
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        ratio = self.devicePixelRatioF()
        for rect, (kind, arg, text) in self._layout(self.width()):
            centre = QPointF(rect.x() + _ICON / 2, rect.center().y())
            if kind == "marker":
                half = style.sprite_half()
                painter.drawPixmap(QPointF(centre.x() - half, centre.y() - half), style.sprite(*arg, ratio))
            elif kind == "outside":
                half = style.sprite_half()
                painter.drawPixmap(QPointF(centre.x() - half, centre.y() - half), style.sprite(None, False, ratio))
                painter.setPen(QPen(style.OUTSIDE, 2.0, Qt.PenStyle.DashLine))
                painter.setBrush(Qt.BrushStyle.NoBrush)
                painter.drawEllipse(centre, 11, 11)
            elif kind == "point":
                painter.setPen(QPen(style.BOUNDARY, 2.0))
                painter.setBrush(style.POINT_FILL)
                box = QRectF(centre.x() - 10, centre.y() - 10, 20, 20)
                painter.drawRoundedRect(box, 4, 4)
                painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "1")
            elif kind == "cluster":
                painter.setPen(QPen(style.BOUNDARY, 1.5))
                painter.setBrush(style.CLUSTER_FILL)
                painter.drawEllipse(centre, 11, 11)
                painter.drawText(QRectF(centre.x() - 11, centre.y() - 11, 22, 22), Qt.AlignmentFlag.AlignCenter, "12")
            else:  # the very pens of the map (map_layers)
                painter.setPen(walked_pen() if arg else todo_pen())
                a, b = QPointF(rect.x() + 1, centre.y()), QPointF(rect.x() + _ICON - 1, centre.y())
                for dx, dy in (WALKED_OFFSETS if arg else ((0.0, 0.0),)):
                    painter.drawLine(a + QPointF(dx, dy), b + QPointF(dx, dy))
            painter.setPen(QColor(self.palette().windowText().color()))
            painter.drawText(QRectF(rect.x() + _ICON + 4, rect.y(), rect.width() - _ICON - 4, rect.height()),
                             Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
