"""The map's still part (buurt boundary and streets), drawn into an image and reused.

Why an image: stroking 5,000 street outlines costs tens of milliseconds, and a pan
changes none of them, only where they are. The layer is drawn for the view plus half a
view on every side; a pan inside that margin is one image copy. A zoom draws it again,
which stays fast because:

* street outlines are QPainterPaths in RD metres, one per (zoom band, bucket of a
  16 × 16 grid over the buurt, walked or not), thinned to what a pixel can show, so a
  zoomed-in view strokes only the buckets in sight;
* every line is a 1-pixel cosmetic pen: Qt's rasteriser draws those antialiased with its
  fast line algorithm, while any wider pen goes through the general stroker (measured:
  8 ms against 1.3 s for the same 3,000 streets). A walked street is its hairline drawn
  at three one-pixel offsets, which looks like a 2-pixel line and costs three hairlines.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPen, QTransform

from schouw.domain.mapgrid import band_for
from schouw.ui import map_style as style

BUCKETS = 16
#: resolution of street band 0 (metres per pixel)
STREET_BASE = 0.05


def _thin(line, tolerance: float) -> list:
    """The points of a polyline that a pixel of ``tolerance`` metres can tell apart
    (first and last always kept)."""
    if len(line) <= 2 or tolerance <= 0:
        return list(line)
    out = [line[0]]
    lx, ly = line[0]
    t2 = tolerance * tolerance
    for x, y in line[1:-1]:
        if (x - lx) ** 2 + (y - ly) ** 2 >= t2:
            out.append((x, y))
            lx, ly = x, y
    out.append(line[-1])
    return out


def _rings(polygon: Any) -> list:
    """The rings of one boundary polygon, whether given as rings or as one ring."""
    if polygon and isinstance(polygon[0], (tuple, list)) and polygon[0] and isinstance(polygon[0][0], (int, float)):
        return [polygon]
    return list(polygon)


def walked_pen() -> QPen:
    pen = QPen(style.WALKED, 1.0)
    pen.setCosmetic(True)
    return pen


def todo_pen() -> QPen:
    pen = QPen(style.TODO, 1.0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    return pen


#: a walked street is its hairline drawn at these pixel offsets
WALKED_OFFSETS = ((0.0, 0.0), (1.0, 0.0), (0.0, 1.0))


class StreetLayer:
    """Boundary and streets of one scene, and the image of them last drawn."""

    def __init__(self, scene: Any):
        self.streets = list(scene.streets) if scene is not None else []
        self.boundary = QPainterPath()
        self.boundary.setFillRule(Qt.FillRule.OddEvenFill)
        for polygon in (scene.boundary or []) if scene is not None else []:
            for ring in _rings(polygon):
                if len(ring) >= 3:
                    self.boundary.moveTo(*ring[0])
                    for x, y in ring[1:]:
                        self.boundary.lineTo(x, y)
                    self.boundary.closeSubpath()
        xs = [x for s in self.streets for line in s.lines for x, _y in line]
        ys = [y for s in self.streets for line in s.lines for _x, y in line]
        if xs:
            self.x0, self.y0 = min(xs), min(ys)
            self.cell = max(max(xs) - self.x0, max(ys) - self.y0, 1.0) / BUCKETS * 1.0001
        else:
            self.x0 = self.y0 = 0.0
            self.cell = 1.0
        self._bands: dict[int, dict[tuple[int, int], tuple[QPainterPath, QPainterPath, QRectF]]] = {}
        self.image: QImage | None = None
        self._image_view: tuple | None = None  # x0, y1, res, w, h, scale (1: the view, 2: with margin)

    def bucket_paths(self, band: int) -> dict[tuple[int, int], tuple[QPainterPath, QPainterPath, QRectF]]:
        """(walked, to do, bounds) per bucket for a zoom band, made once."""
        if band not in self._bands:
            tolerance = STREET_BASE * (2 ** band)
            buckets: dict[tuple[int, int], tuple[QPainterPath, QPainterPath, QRectF]] = {}
            for street in self.streets:
                for line in street.lines:
                    pts = _thin(line, tolerance)
                    if len(pts) < 2:
                        continue
                    key = (int((pts[0][0] - self.x0) // self.cell), int((pts[0][1] - self.y0) // self.cell))
                    if key not in buckets:
                        buckets[key] = (QPainterPath(), QPainterPath(), QRectF())
                    path = buckets[key][0 if street.walked else 1]
                    path.moveTo(*pts[0])
                    for x, y in pts[1:]:
                        path.lineTo(x, y)
            self._bands[band] = {key: (w, t, w.boundingRect().united(t.boundingRect()))
                                 for key, (w, t, _r) in buckets.items()}
        return self._bands[band]

    def draw(self, painter: QPainter, world: QTransform, res: float, rect: tuple[float, float, float, float]) -> None:
        """Boundary and the streets that touch ``rect`` (world metres)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setTransform(world)
        if not self.boundary.isEmpty():
            pen = QPen(style.BOUNDARY, 1.0, Qt.PenStyle.DashLine)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(style.BOUNDARY_FILL)
            painter.drawPath(self.boundary)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        view = QRectF(QPointF(rect[0], rect[1]), QPointF(rect[2], rect[3]))
        visible = [paths for paths in self.bucket_paths(band_for(res, STREET_BASE)).values()
                   if paths[2].intersects(view)]
        painter.setPen(todo_pen())
        for _walked, todo, _r in visible:
            if not todo.isEmpty():
                painter.drawPath(todo)
        painter.setPen(walked_pen())
        for dx, dy in WALKED_OFFSETS:
            painter.setTransform(world * QTransform.fromTranslate(dx, dy))
            for walked, _todo, _r in visible:
                if not walked.isEmpty():
                    painter.drawPath(walked)
        painter.resetTransform()

    def paint(self, painter: QPainter, cx: float, cy: float, res: float, w: int, h: int, ratio: float) -> bool:
        """Copy the layer for the view (cx, cy, res, w × h) onto ``painter``, drawing the
        image again only when the view left it or the zoom changed. After a zoom only the
        view itself is drawn (a zoom frame must be quick); returns True when the image has
        no margin yet, so the caller calls :meth:`extend` once the user pauses."""
        x0, y1 = cx - w / 2 * res, cy + h / 2 * res
        cached = self._image_view
        if cached is not None and not (
                math.isclose(cached[2], res, rel_tol=1e-9) and cached[3] == w and cached[4] == h
                and cached[0] <= x0 + 1e-6 * res and cached[1] >= y1 - 1e-6 * res
                and cached[0] + cached[5] * w * res >= x0 + w * res - 1e-6 * res
                and cached[1] - cached[5] * h * res <= y1 - h * res + 1e-6 * res):
            zoomed = not math.isclose(cached[2], res, rel_tol=1e-9)
            cached = None
        else:
            zoomed = False
        if cached is None or self.image is None:
            self._render(cx, cy, res, w, h, ratio, 1 if zoomed or self.image is None else 2)
            cached = self._image_view
        ox, oy = (cached[0] - x0) / res, (y1 - cached[1]) / res
        painter.drawImage(QPointF(ox, oy), self.image)
        return cached[5] == 1

    def extend(self, cx: float, cy: float, res: float, w: int, h: int, ratio: float) -> None:
        """Draw the image with half a view of margin on every side, for the pans to come."""
        self._render(cx, cy, res, w, h, ratio, 2)

    def _render(self, cx: float, cy: float, res: float, w: int, h: int, ratio: float, scale: int) -> None:
        iw, ih = scale * w, scale * h
        image = QImage(max(1, int(iw * ratio)), max(1, int(ih * ratio)), QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(ratio)
        image.fill(Qt.GlobalColor.transparent)
        x0, y1 = cx - iw / 2 * res, cy + ih / 2 * res
        world = QTransform(1 / res, 0, 0, -1 / res, -x0 / res, y1 / res)
        painter = QPainter(image)
        self.draw(painter, world, res, (x0, y1 - ih * res, x0 + iw * res, y1))
        painter.end()
        self.image = image
        self._image_view = (x0, y1, res, w, h, scale)
