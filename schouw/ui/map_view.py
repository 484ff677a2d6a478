"""The map of a round: a widget that paints a :class:`~schouw.domain.mapscene.MapScene`.

Everything is drawn in RD New metres (the scene's coordinates) with one uniform scale,
so shapes and distances on screen are true. The view holds only a centre and a
resolution (metres per logical pixel); the data stays in the scene.

Speed at 50,000 findings and 5,000 streets comes from not doing work per frame that
can be done once: street outlines are one cached QPainterPath per zoom band (thinned to
what a pixel can show), markers are pre-rendered sprites, clusters of each zoom band
are computed once (:mod:`schouw.domain.mapgrid`) and hit tests go through a grid index.

The widget only *says* what the user did (a marker chosen, a place clicked, a marker
dragged); :mod:`schouw.ui.map_panel` turns that into use cases, so there is one source
of truth for the selection (the findings list) and one for the data (the project).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from schouw.domain.mapgrid import ClusterBands, GridIndex, band_for
from schouw.ui import map_style as style
from schouw.ui.map_layers import STREET_BASE, StreetLayer

#: more markers than this in view: draw clusters instead
MAX_MARKERS = 1500
#: a cluster cell is at least this many pixels wide
CLUSTER_PX = 44
#: cell of the finest cluster band (metres); clusters only show with many markers in view
CLUSTER_BASE = 4.0
#: a marker is hit within this many pixels of its centre
HIT_PX = 12
#: a press that moves less than this is a click, not a drag
DRAG_PX = 5
#: numbers beside the markers when no more than this many are in view
LABEL_MARKERS = 120
#: finest and coarsest resolution a user can zoom to (metres per pixel)
MIN_RES, MAX_RES = 0.05, 500.0


class MapView(QWidget):
    #: the user chose a marker (finding id)
    markerActivated = Signal(str)
    #: the user clicked an empty place or pressed Enter on the crosshair (RD x, y)
    placeRequested = Signal(float, float)
    #: the user dragged a marker to a new place (finding id, RD x, y)
    markerDragged = Signal(str, float, float)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("mapView")
        self.setAccessibleName(self.tr("Kaart van de ronde"))
        self.setAccessibleDescription(self.tr(
            "Slepen of pijltjes: schuiven; + en − of wieltje: zoomen; 0: hele buurt; P: kruisje om te plaatsen, "
            "Enter zet de gekozen bevinding daar."))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(False)
        self.setMinimumSize(200, 160)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self.scene: Any = None
        self.cx, self.cy, self.res = 0.0, 0.0, 1.0
        self.selected = ""
        self.crosshair: tuple[float, float] | None = None
        self.my_location: tuple[float, float] | None = None
        #: draws a background (tiles) under the vector map: fn(painter, view) -> attribution text
        self.background: Callable[[QPainter, MapView], str] | None = None
        self._press: QPointF | None = None
        self._press_marker: int | None = None
        self._dragging = False
        self._drag_to: QPointF | None = None
        self._panning = False
        self._fitted = False
        # after a zoom the street layer covers just the view; when the user pauses it is
        # drawn with a margin, so the pans that follow are image copies
        #: hotspots drawn under the markers (schouw.domain.mapscene.SceneHotspot), [] when off
        self.hotspots: list = []
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(250)
        self._settle.timeout.connect(self._extend_layer)
        self.set_scene(None)

    # ------------------------------------------------------------------ data
    def set_scene(self, scene: Any, *, keep_view: bool = True) -> None:
        """Show ``scene`` (or nothing). The view stays where it was unless it never
        showed anything yet (then it fits the buurt)."""
        self.scene = scene
        markers = list(scene.markers) if scene is not None else []
        self._markers = markers
        self._xy = [(m.x, m.y) for m in markers]
        self._ids = {m.finding_id: i for i, m in enumerate(markers)}
        self._style = [(style.level_key(m.level), bool(m.below)) for m in markers]
        self._outside = [i for i, m in enumerate(markers) if getattr(m, "outside_buurt", False)]
        self._index = GridIndex(self._xy, 200.0)
        self._clusters = ClusterBands([(x, y, b) for (x, y), (_l, b) in zip(self._xy, self._style, strict=True)],
                                      CLUSTER_BASE)
        self._layer = StreetLayer(scene)
        if scene is not None and (not keep_view or not self._fitted):
            self.fit()
        if markers and self.clustered():
            self._clusters.at(self._cluster_band())  # the first frame only copies them
        self.update()

    def set_hotspots(self, hotspots: list) -> None:
        """Show these hotspots (a circle of their 50 m with how many rounds), or none."""
        self.hotspots = list(hotspots)
        self.update()

    def marker(self, finding_id: str) -> Any:
        i = self._ids.get(finding_id)
        return self._markers[i] if i is not None else None

    def _extend_layer(self) -> None:
        self._layer.extend(self.cx, self.cy, self.res, self.width(), self.height(), self.devicePixelRatioF())
        self._prefetch_bands()

    def _prefetch_bands(self) -> None:
        """While the user pauses, make the street outlines and clusters of the zoom bands
        one step in and out, so the next zoom only draws (at 50,000 findings a band's street
        outlines take ~25 ms to make, docs/bench-ui.md)."""
        band = band_for(self.res, STREET_BASE)
        for b in (band - 1, band + 1):
            if b >= 0:
                self._layer.bucket_paths(b)
        if self._markers and self.clustered():
            band = self._cluster_band()
            for b in (band - 1, band + 1):
                self._clusters.at(b)

    # ------------------------------------------------------------------ view
    def bbox(self) -> tuple[float, float, float, float] | None:
        if self.scene is None:
            return None
        box = getattr(self.scene, "bbox", None)
        if box and box[2] > box[0] and box[3] > box[1]:
            return tuple(box)
        if self._xy:
            xs, ys = [p[0] for p in self._xy], [p[1] for p in self._xy]
            return min(xs) - 50, min(ys) - 50, max(xs) + 50, max(ys) + 50
        return None

    def fit(self) -> None:
        """Show the whole buurt (the scene's bounding box) with a small margin."""
        box = self.bbox()
        if box is None:
            return
        self._fitted = True
        xmin, ymin, xmax, ymax = box
        self.cx, self.cy = (xmin + xmax) / 2, (ymin + ymax) / 2
        w, h = max(self.width(), 50), max(self.height(), 50)
        self.res = min(MAX_RES, max(MIN_RES, max((xmax - xmin) / (w * 0.92), (ymax - ymin) / (h * 0.92))))
        self.update()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if not self._fitted:
            self.fit()

    def to_screen(self, x: float, y: float) -> QPointF:
        return QPointF((x - self.cx) / self.res + self.width() / 2, self.height() / 2 - (y - self.cy) / self.res)

    def to_world(self, point: QPointF) -> tuple[float, float]:
        return (self.cx + (point.x() - self.width() / 2) * self.res,
                self.cy - (point.y() - self.height() / 2) * self.res)

    def world_rect(self) -> tuple[float, float, float, float]:
        hw, hh = self.width() / 2 * self.res, self.height() / 2 * self.res
        return self.cx - hw, self.cy - hh, self.cx + hw, self.cy + hh

    def zoom_by(self, factor: float, anchor: QPointF | None = None) -> None:
        """Zoom in (factor > 1) or out, keeping the point under ``anchor`` in place."""
        anchor = anchor if anchor is not None else QPointF(self.width() / 2, self.height() / 2)
        ax, ay = self.to_world(anchor)
        self.res = min(MAX_RES, max(MIN_RES, self.res / factor))
        nx, ny = self.to_world(anchor)
        self.cx += ax - nx
        self.cy += ay - ny
        self.update()

    def pan_by(self, dx: float, dy: float) -> None:
        """Move the map by (dx, dy) pixels (the content follows the hand)."""
        self.cx -= dx * self.res
        self.cy += dy * self.res
        self.update()

    def centre_on(self, x: float, y: float) -> None:
        self.cx, self.cy = x, y
        self.update()

    def select(self, finding_id: str, *, centre: bool) -> None:
        """Highlight a finding's marker; ``centre`` brings it into the middle."""
        self.selected = finding_id or ""
        m = self.marker(self.selected)
        if m is not None and centre:
            self.centre_on(m.x, m.y)
        self.update()

    def set_crosshair(self, on: bool) -> None:
        self.crosshair = (self.cx, self.cy) if on else None
        self.update()

    # ------------------------------------------------------------------ painting
    def clustered(self) -> bool:
        """Whether this view draws clusters (too many markers in sight to draw each)."""
        return self._index.count_in(*self.world_rect()) > MAX_MARKERS

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#F4F1EA"))
        attribution = ""
        if self.background is not None:
            attribution = self.background(painter, self) or ""
        if self.scene is None:
            painter.setPen(QColor("#555555"))
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.tr("Geen ronde open"))
            return
        if self._layer.paint(painter, self.cx, self.cy, self.res, self.width(), self.height(),
                             self.devicePixelRatioF()):
            self._settle.start()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_hotspots(painter)
        self._paint_points(painter)
        if self.clustered():
            self._paint_clusters(painter)
        else:
            self._paint_markers(painter)
        self._paint_selected(painter)
        self._paint_overlay(painter, attribution)

    def _paint_hotspots(self, painter: QPainter) -> None:
        """Each hotspot as a translucent circle of its radius (at least a finger wide) with
        "3×" (the rounds it recurred in) above its centre: under the markers, so its
        findings stay visible and clickable."""
        if not self.hotspots:
            return
        from schouw.domain.hotspots import RADIUS

        font = QFont(self.font())
        font.setBold(True)
        painter.setFont(font)
        for spot in self.hotspots:
            p = self.to_screen(spot.x, spot.y)
            r = max(RADIUS / self.res, 14.0)
            painter.setPen(QPen(QColor(style.HOTSPOT), 2.0))
            painter.setBrush(QColor(style.HOTSPOT_FILL))
            painter.drawEllipse(p, r, r)
            painter.setPen(QColor(style.HOTSPOT))
            painter.drawText(QRectF(p.x() - 40, p.y() - r - 18, 80, 16), Qt.AlignmentFlag.AlignCenter,
                             f"{spot.rounds}×")

    def _paint_points(self, painter: QPainter) -> None:
        points = getattr(self.scene, "points", None) or []
        if not points:
            return
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        font.setBold(True)
        painter.setFont(font)
        for point in points:
            p = self.to_screen(point.x, point.y)
            painter.setPen(QPen(style.BOUNDARY, 2.0))
            painter.setBrush(QColor("#DDDDDD") if point.done else style.POINT_FILL)
            painter.drawRoundedRect(QRectF(p.x() - 11, p.y() - 11, 22, 22), 4, 4)
            painter.drawText(QRectF(p.x() - 11, p.y() - 11, 22, 22), Qt.AlignmentFlag.AlignCenter, str(point.n))

    def _paint_markers(self, painter: QPainter) -> None:
        xmin, ymin, xmax, ymax = self.world_rect()
        pad = 20 * self.res
        visible = self._index.in_rect(xmin - pad, ymin - pad, xmax + pad, ymax + pad)
        half = style.sprite_half()
        ratio = self.devicePixelRatioF()
        w2, h2, cx, cy, res = self.width() / 2, self.height() / 2, self.cx, self.cy, self.res
        dragged = self._press_marker if self._dragging else None
        # below-norm markers last, so they lie on top
        visible.sort(key=lambda i: self._style[i][1])
        labels = len(visible) <= LABEL_MARKERS
        for i in visible:
            if i == dragged:
                continue
            x, y = self._xy[i]
            level, below = self._style[i]
            sx, sy = (x - cx) / res + w2, h2 - (y - cy) / res
            painter.drawPixmap(QPointF(sx - half, sy - half), style.sprite(level, below, ratio))
        if self._outside:
            # outside its buurt's boundary: flagged with a dashed ring, never refused
            pen = QPen(style.OUTSIDE, 2.0, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            shown = set(visible)
            for i in self._outside:
                if i in shown and i != dragged:
                    x, y = self._xy[i]
                    painter.drawEllipse(QPointF((x - cx) / res + w2, h2 - (y - cy) / res), 13, 13)
        if labels:
            # the numbers of the report's findings table; one that would cover another is left out
            painter.setPen(QColor("#1A1A1A"))
            metrics = painter.fontMetrics()
            taken: list[QRectF] = []
            for i in reversed(visible):
                number = getattr(self._markers[i], "number", None)
                if number is None or i == dragged:
                    continue
                x, y = self._xy[i]
                sx, sy = (x - cx) / res + w2, h2 - (y - cy) / res
                text = str(number)
                box = QRectF(sx + 9, sy - 8 - metrics.ascent(), metrics.horizontalAdvance(text), metrics.height())
                if any(box.intersects(other) for other in taken):
                    continue
                taken.append(box)
                painter.drawText(QPointF(sx + 9, sy - 8), text)
        if dragged is not None and self._drag_to is not None:
            level, below = self._style[dragged]
            painter.setOpacity(0.8)
            painter.drawPixmap(QPointF(self._drag_to.x() - half, self._drag_to.y() - half),
                               style.sprite(level, below, ratio))
            painter.setOpacity(1.0)

    def _cluster_band(self) -> int:
        return band_for(CLUSTER_PX * self.res, CLUSTER_BASE)

    def _paint_clusters(self, painter: QPainter) -> None:
        xmin, ymin, xmax, ymax = self.world_rect()
        pad = 30 * self.res
        ratio = self.devicePixelRatioF()
        for c in self._clusters.at(self._cluster_band()):
            if not (xmin - pad <= c.x <= xmax + pad and ymin - pad <= c.y <= ymax + pad):
                continue
            p = self.to_screen(c.x, c.y)
            if c.count == 1:
                level, below = self._style[c.members[0]]
                half = style.sprite_half()
                painter.drawPixmap(QPointF(p.x() - half, p.y() - half), style.sprite(level, below, ratio))
                continue
            sprite = style.cluster_sprite(c.count, c.below > 0, ratio)
            half = sprite.width() / ratio / 2
            painter.drawPixmap(QPointF(p.x() - half, p.y() - half), sprite)

    def _paint_selected(self, painter: QPainter) -> None:
        m = self.marker(self.selected)
        if m is None:
            return
        p = self.to_screen(m.x, m.y)
        if self._dragging and self._drag_to is not None and self._markers[self._press_marker] is m:
            p = self._drag_to
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor("white"), 6.0))
        painter.drawEllipse(p, 16, 16)
        painter.setPen(QPen(style.SELECTED, 3.0))
        painter.drawEllipse(p, 16, 16)
        if self.clustered():
            level, below = self._style[self._ids[self.selected]]
            half = style.sprite_half()
            painter.drawPixmap(QPointF(p.x() - half, p.y() - half), style.sprite(level, below,
                                                                                 self.devicePixelRatioF()))

    def _paint_overlay(self, painter: QPainter, attribution: str) -> None:
        if self.my_location is not None:
            p = self.to_screen(*self.my_location)
            painter.setPen(QPen(QColor("white"), 3.0))
            painter.setBrush(QColor("#0072B2"))
            painter.drawEllipse(p, 7, 7)
        if self.crosshair is not None:
            p = self.to_screen(*self.crosshair)
            for colour, width in ((QColor("white"), 5.0), (QColor("#1A1A1A"), 2.0)):
                painter.setPen(QPen(colour, width))
                painter.drawLine(QPointF(p.x() - 18, p.y()), QPointF(p.x() - 5, p.y()))
                painter.drawLine(QPointF(p.x() + 5, p.y()), QPointF(p.x() + 18, p.y()))
                painter.drawLine(QPointF(p.x(), p.y() - 18), QPointF(p.x(), p.y() - 5))
                painter.drawLine(QPointF(p.x(), p.y() + 5), QPointF(p.x(), p.y() + 18))
        # scale bar: a round length of about 100 pixels
        metres = 100 * self.res
        nice = 10 ** math.floor(math.log10(metres))
        for step in (5, 2, 1):
            if step * nice <= metres:
                nice *= step
                break
        px = nice / self.res
        y = self.height() - 14
        painter.setPen(QPen(QColor("#1A1A1A"), 2.0))
        painter.drawLine(QPointF(12, y), QPointF(12 + px, y))
        painter.drawLine(QPointF(12, y - 5), QPointF(12, y))
        painter.drawLine(QPointF(12 + px, y - 5), QPointF(12 + px, y))
        text = f"{nice / 1000:g} km" if nice >= 1000 else f"{nice:g} m"
        painter.drawText(QPointF(16, y - 6), text)
        if attribution:
            rect = QRectF(0, self.height() - 20, self.width() - 6, 18)
            painter.setPen(QColor("#333333"))
            painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, attribution)

    # ------------------------------------------------------------------ hit tests
    def marker_at(self, point: QPointF) -> int | None:
        """The index of the marker under a screen point (None in cluster view)."""
        if self.clustered():
            return None
        x, y = self.to_world(point)
        return self._index.nearest(x, y, HIT_PX * self.res)

    def cluster_at(self, point: QPointF):
        if not self.clustered():
            return None
        x, y = self.to_world(point)
        best, best_d = None, (HIT_PX + 10) ** 2 * self.res ** 2
        for c in self._clusters.at(self._cluster_band()):
            d = (c.x - x) ** 2 + (c.y - y) ** 2
            if d <= best_d:
                best, best_d = c, d
        return best

    # ------------------------------------------------------------------ mouse
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._press = event.position()
        self._press_marker = self.marker_at(self._press)
        self._dragging = self._panning = False

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            return
        pos = event.position()
        moved = pos - self._press
        if not (self._dragging or self._panning) and math.hypot(moved.x(), moved.y()) < DRAG_PX:
            return
        if self._press_marker is not None:
            self._dragging = True
            self._drag_to = pos
            self.update()
            return
        self._panning = True
        self.pan_by(moved.x(), moved.y())
        self._press = pos

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        pos = event.position()
        index, dragging, panning = self._press_marker, self._dragging, self._panning
        self._press, self._press_marker, self._dragging, self._panning, self._drag_to = None, None, False, False, None
        if dragging and index is not None:
            x, y = self.to_world(pos)
            self.update()
            self.markerDragged.emit(self._markers[index].finding_id, x, y)
        elif panning:
            return
        elif index is not None:
            self.markerActivated.emit(self._markers[index].finding_id)
        elif (cluster := self.cluster_at(pos)) is not None:
            self.centre_on(cluster.x, cluster.y)
            self.zoom_by(4.0)
        else:
            x, y = self.to_world(pos)
            self.placeRequested.emit(x, y)

    def wheelEvent(self, event) -> None:
        steps = event.angleDelta().y() / 120
        if steps:
            self.zoom_by(2 ** (steps / 2), event.position())

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Gesture:
            pinch = event.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                self.zoom_by(pinch.scaleFactor(), self.mapFromGlobal(pinch.centerPoint().toPoint()).toPointF())
                event.accept()
                return True
        if event.type() == QEvent.Type.ShortcutOverride and self._handles(event):
            # + and - set a level elsewhere in the window; on the map they zoom
            event.accept()
            return True
        return super().event(event)

    # ------------------------------------------------------------------ keyboard
    _KEYS = {Qt.Key.Key_Plus, Qt.Key.Key_Equal, Qt.Key.Key_Minus, Qt.Key.Key_Left, Qt.Key.Key_Right,
             Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_0,
             Qt.Key.Key_Home, Qt.Key.Key_P, Qt.Key.Key_Escape}

    def _handles(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~(Qt.KeyboardModifier.KeypadModifier | Qt.KeyboardModifier.ShiftModifier)
        return event.key() in self._KEYS and mods == Qt.KeyboardModifier.NoModifier \
            and not (event.key() == Qt.Key.Key_Escape and self.crosshair is None)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self._handles(event):
            return super().keyPressEvent(event)
        key = event.key()
        step = 120 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 40
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, 1), Qt.Key.Key_Down: (0, -1)}
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(2.0)
        elif key == Qt.Key.Key_Minus:
            self.zoom_by(0.5)
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Home):
            self.fit()
        elif key == Qt.Key.Key_P:
            self.set_crosshair(self.crosshair is None)
        elif key == Qt.Key.Key_Escape:
            self.set_crosshair(False)
        elif key in arrows:
            dx, dy = arrows[key]
            if self.crosshair is not None:
                x, y = self.crosshair
                self.crosshair = (x + dx * step / 4 * self.res, y + dy * step / 4 * self.res)
                p = self.to_screen(*self.crosshair)
                if not self.rect().adjusted(20, 20, -20, -20).contains(p.toPoint()):
                    self.centre_on(*self.crosshair)
                self.update()
            else:
                self.pan_by(-dx * step, dy * step)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.crosshair is None:
                self.set_crosshair(True)
            else:
                self.placeRequested.emit(*self.crosshair)
        event.accept()
