"""How the map draws a finding, a cluster and a street: colours, shapes, sprites.

Colours and shapes are the printed map's (``schouw.domain.mapscene.MARKER_STYLES``):
the Okabe–Ito palette, which stays distinguishable for the common
forms of colour blindness, and every level has its own *shape* as well, so the map also
reads in grey print or for a walker who cannot tell orange from green. A finding below
its norm (``below`` from the scene, judged by ``schouw.domain.norms``) is drawn larger
with a thick dark outline, so it stands out whatever its colour.

Markers are drawn as pre-rendered pixmaps (one per kind), which is what keeps a frame
of a thousand markers within a few milliseconds.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

from schouw.domain.mapscene import BELOW_OUTLINE as BELOW_OUTLINE_HEX
from schouw.domain.mapscene import MARKER_STYLES

#: style key (level text, None = no level) -> (fill colour, shape): the printed map's
#: own table (schouw.domain.mapscene.MARKER_STYLES), so screen and paper agree
LEVEL_STYLE: dict[str | None, tuple[str, str]] = {
    (level.value if level is not None else None): (st.fill, st.shape) for level, st in MARKER_STYLES.items()
}
LEVEL_ORDER: tuple[str | None, ...] = ("A+", "A", "B", "C", "D", None)

WALKED = QColor("#2B3A48")        # dark slate, solid and wider (as on the printed map)
TODO = QColor("#6F7C88")          # grey, thin and dashed
BOUNDARY = QColor("#4A5A6A")
BOUNDARY_FILL = QColor(74, 90, 106, 22)
BELOW_OUTLINE = QColor(BELOW_OUTLINE_HEX)
SELECTED = QColor("#CC79A7")      # reddish purple: not used by any level
OUTSIDE = QColor("#CC79A7")       # a finding outside its buurt: a dashed ring
CLUSTER_FILL = QColor("#FFFFFF")
CLUSTER_BELOW = QColor("#D55E00")
POINT_FILL = QColor("#FFFFFF")

#: marker size in logical pixels (below norm: larger)
SIZE = 14
SIZE_BELOW = 20


def level_key(level: object) -> str | None:
    """The style key of a scene marker's level ("A+" … "D" or None)."""
    if level is None:
        return None
    text = getattr(level, "value", level)
    return text if text in LEVEL_STYLE else None


def shape_path(shape: str, size: float) -> QPainterPath:
    """The outline of a marker shape centred on (0, 0)."""
    r = size / 2
    path = QPainterPath()
    if shape == "circle":
        path.addEllipse(QPointF(0, 0), r, r)
    elif shape == "dot":
        path.addEllipse(QPointF(0, 0), r * 0.6, r * 0.6)
    elif shape == "square":
        path.addRect(-r * 0.85, -r * 0.85, r * 1.7, r * 1.7)
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.1), QPointF(r * 1.05, r * 0.8), QPointF(-r * 1.05, r * 0.8),
                                   QPointF(0, -r * 1.1)]))
    else:  # diamond
        path.addPolygon(QPolygonF([QPointF(0, -r * 1.15), QPointF(r * 1.15, 0), QPointF(0, r * 1.15),
                                   QPointF(-r * 1.15, 0), QPointF(0, -r * 1.15)]))
    return path


def paint_marker(painter: QPainter, x: float, y: float, level: str | None, below: bool) -> None:
    """Draw one marker with its centre at (x, y) in the painter's coordinates."""
    colour, shape = LEVEL_STYLE[level]
    size = SIZE_BELOW if below else SIZE
    path = shape_path(shape, size).translated(x, y)
    painter.setPen(QPen(BELOW_OUTLINE, 3.0 if below else 1.2))
    painter.setBrush(QColor(colour))
    painter.drawPath(path)
    if below:
        # an inner white line: the dark outline reads on any background and any fill
        painter.setPen(QPen(QColor("white"), 1.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(shape_path(shape, size - 5).translated(x, y))


@cache
def sprite(level: str | None, below: bool, ratio: float = 1.0) -> QPixmap:
    """A marker drawn once into a pixmap (device pixel ratio ``ratio``)."""
    side = SIZE_BELOW + 10
    pixmap = QPixmap(int(side * ratio), int(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_marker(painter, side / 2, side / 2, level, below)
    painter.end()
    return pixmap


def sprite_half() -> float:
    return (SIZE_BELOW + 10) / 2


@cache
def cluster_sprite(count: int, below: bool, ratio: float = 1.0) -> QPixmap:
    """A cluster: a white disc with the count, a thick vermillion ring when any of its
    findings is below norm. Cached per count (a frame shows a few hundred)."""
    import math

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFont

    r = 11 + 3 * math.log10(max(count, 1))
    side = int(2 * r + 8)
    pixmap = QPixmap(int(side * ratio), int(side * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    centre = QPointF(side / 2, side / 2)
    painter.setPen(QPen(CLUSTER_BELOW if below else BOUNDARY, 4.0 if below else 1.5))
    painter.setBrush(CLUSTER_FILL)
    painter.drawEllipse(centre, r, r)
    font = QFont()
    font.setBold(True)
    font.setPixelSize(12 if count < 1000 else 11)
    painter.setFont(font)
    painter.setPen(QColor("#1A1A1A"))
    painter.drawText(QRectF(0, 0, side, side), Qt.AlignmentFlag.AlignCenter,
                     str(count) if count < 10000 else f"{count // 1000}k")
    painter.end()
    return pixmap

#: hotspots (places where below-norm findings recur): a dark red ring over a pale fill
HOTSPOT = "#8E1B12"
HOTSPOT_FILL = "#338E1B12"
