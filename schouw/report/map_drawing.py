"""The printed map of a round: a vector flowable (crisp at any zoom in the PDF).

It draws a :class:`schouw.domain.mapscene.MapScene` straight onto the ReportLab canvas:
the buurt boundary, the streets (walked solid, still to do dashed), the findings as
markers numbered as in the report's findings table, with shape *and* colour by level
(:data:`schouw.domain.mapscene.MARKER_STYLES`, the palette the app's map uses too) and a
thick outline when below the norm, a scale bar, a north arrow and a legend. With
``route=True`` it is the walk pack's route map: the streets numbered in walking order
and no findings. An optional raster background (tiles from the offline cache) goes
under everything, clipped to the frame, with its attribution.

RD New is a true-to-scale grid whose y grows northwards, like PDF's y, so drawing is one
scale and one offset: no reprojection here.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from schouw.domain.levels import ALL_LEVELS
from schouw.domain.mapscene import (
    BELOW_OUTLINE,
    MARKER_STYLES,
    MapScene,
    SceneMarker,
    marker_style,
    nice_scale_length,
)
from schouw.report import styles as S
from schouw.report.i18n import Texts

BOUNDARY_FILL = colors.HexColor("#EEF2F5")
BOUNDARY_LINE = colors.HexColor("#4A5A6A")
WALKED = colors.HexColor("#2B3A48")
NOT_WALKED = colors.HexColor("#8C98A4")
FRAME = colors.HexColor("#C9D1D9")
LEGEND_HEIGHT = 16.0


@dataclass(frozen=True)
class BackgroundTile:
    """One raster tile under the map: PNG/JPEG bytes and its RD extent."""

    data: bytes
    xmin: float
    ymin: float
    xmax: float
    ymax: float


class MapFlowable(Flowable):
    """The map of ``scene`` in a ``width`` x ``height`` box (points), legend included."""

    def __init__(self, scene: MapScene, width: float, height: float, *, route: bool = False, lang: str = "nl",
                 legend: bool = True, background: Sequence[BackgroundTile] = (), attribution: str = "",
                 marker_size: float | None = None) -> None:
        super().__init__()
        self.scene = scene
        self.width = width
        self.height = height
        self.route = route
        self.t = Texts(lang)
        self.legend = legend
        self.background = list(background)
        self.attribution = attribution
        self.marker_size = marker_size

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    # -- geometry ------------------------------------------------------------------
    def _map_box(self) -> tuple[float, float, float, float]:
        """The map's box inside the flowable: (x, y, w, h) in points."""
        bottom = LEGEND_HEIGHT if self.legend else 0.0
        return 0.0, bottom, self.width, self.height - bottom

    def _transform(self) -> tuple[float, float, float]:
        """(scale in points per metre, x offset, y offset) fitting the bbox with a margin."""
        fx, fy, fw, fh = self._map_box()
        xmin, ymin, xmax, ymax = self.scene.bbox
        pad = 14.0
        scale = min((fw - 2 * pad) / max(xmax - xmin, 1e-6), (fh - 2 * pad) / max(ymax - ymin, 1e-6))
        ox = fx + fw / 2 - scale * (xmin + xmax) / 2
        oy = fy + fh / 2 - scale * (ymin + ymax) / 2
        return scale, ox, oy

    # -- drawing -------------------------------------------------------------------
    def draw(self) -> None:
        S.register_fonts()
        c = self.canv
        fx, fy, fw, fh = self._map_box()
        scale, ox, oy = self._transform()

        def pt(p: tuple[float, float]) -> tuple[float, float]:
            return ox + scale * p[0], oy + scale * p[1]

        c.saveState()
        clip = c.beginPath()
        clip.rect(fx, fy, fw, fh)
        c.clipPath(clip, stroke=0, fill=0)
        c.setFillColor(colors.white)
        c.rect(fx, fy, fw, fh, stroke=0, fill=1)
        for tile in self.background:
            x0, y0 = pt((tile.xmin, tile.ymin))
            x1, y1 = pt((tile.xmax, tile.ymax))
            c.drawImage(ImageReader(io.BytesIO(tile.data)), x0, y0, x1 - x0, y1 - y0)
        self._boundary(pt)
        self._streets(pt, scale)
        if self.route:
            self._route_numbers(pt)
        else:
            self._markers(pt)
        for point in self.scene.points:
            self._numbered_circle(*pt((point.x, point.y)), str(point.n), colors.white if point.done else colors.black,
                                  colors.black if point.done else colors.white)
        c.restoreState()

        c.setStrokeColor(FRAME)
        c.setLineWidth(0.6)
        c.rect(fx, fy, fw, fh, stroke=1, fill=0)
        self._scale_bar(scale)
        self._north_arrow()
        if self.attribution:
            c.setFont(S.FONT, 5.5)
            c.setFillColor(S.MUTED)
            c.drawRightString(fx + fw - 3, fy + 3, self.attribution)
        if self.legend:
            self._legend()

    def _boundary(self, pt) -> None:
        c = self.canv
        if not self.scene.boundary:
            return
        path = c.beginPath()
        for polygon in self.scene.boundary:
            for ring in polygon:
                if len(ring) < 3:
                    continue
                path.moveTo(*pt(ring[0]))
                for p in ring[1:]:
                    path.lineTo(*pt(p))
                path.close()
        c.setFillColor(colors.white if self.background else BOUNDARY_FILL)
        c.setFillAlpha(0.35 if self.background else 1)
        c.setStrokeColor(BOUNDARY_LINE)
        c.setLineWidth(1.4)
        c.setDash(6, 2)
        c.drawPath(path, stroke=1, fill=1, fillMode=0)  # even-odd: holes stay open
        c.setFillAlpha(1)
        c.setDash()

    def _streets(self, pt, scale: float) -> None:
        c = self.canv
        c.setLineCap(1)
        c.setLineJoin(1)
        for walked in (False, True):  # walked streets on top
            chosen = [s for s in self.scene.streets if s.lines and (self.route or s.walked == walked)]
            if self.route and walked:
                break
            if not chosen:
                continue
            path = c.beginPath()
            for street in chosen:
                for line in street.lines:
                    if len(line) < 2:
                        continue
                    path.moveTo(*pt(line[0]))
                    for p in line[1:]:
                        path.lineTo(*pt(p))
            if walked or self.route:
                c.setStrokeColor(WALKED)
                c.setLineWidth(2.0)
                c.setDash()
            else:
                c.setStrokeColor(NOT_WALKED)
                c.setLineWidth(1.4)
                c.setDash(3, 2)
            c.drawPath(path, stroke=1, fill=0)
        c.setDash()
        # names along the longest piece of each street, kept upright
        c.setFont(S.FONT, 5.5)
        c.setFillColor(S.MUTED)
        for street in self.scene.streets:
            segment = _longest_segment(street.lines)
            if segment is None:
                continue
            (x0, y0), (x1, y1) = pt(segment[0]), pt(segment[1])
            length = math.hypot(x1 - x0, y1 - y0)
            name = street.name
            if stringWidth(name, S.FONT, 5.5) > length * 0.95 or self.route:
                continue
            angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
            if angle > 90:
                angle -= 180
            elif angle < -90:
                angle += 180
            c.saveState()
            c.translate((x0 + x1) / 2, (y0 + y1) / 2)
            c.rotate(angle)
            c.drawCentredString(0, 2.2, name)
            c.restoreState()

    def _route_numbers(self, pt) -> None:
        for n, street in enumerate(self.scene.streets, start=1):
            segment = _longest_segment(street.lines)
            if segment is None:
                continue
            (x0, y0), (x1, y1) = pt(segment[0]), pt(segment[1])
            self._numbered_circle((x0 + x1) / 2, (y0 + y1) / 2, str(n), colors.white, WALKED, radius=6)

    def _numbered_circle(self, x: float, y: float, text: str, fill, ink, radius: float = 5.5) -> None:
        c = self.canv
        c.setFillColor(fill)
        c.setStrokeColor(WALKED)
        c.setLineWidth(0.8)
        c.circle(x, y, radius, stroke=1, fill=1)
        c.setFillColor(ink)
        size = 6 if len(text) <= 2 else 5
        c.setFont(S.FONT_BOLD, size)
        c.drawCentredString(x, y - size * 0.35, text)

    def _marker_radius(self) -> float:
        if self.marker_size is not None:
            return self.marker_size
        n = len(self.scene.markers)
        return 5.5 if n <= 150 else 4.5 if n <= 500 else 3.0

    def _markers(self, pt) -> None:
        c = self.canv
        r = self._marker_radius()
        # worst levels on top, so a D is never hidden under an A
        order = sorted(self.scene.markers, key=lambda m: (m.level.rank if m.level else 5), reverse=True)
        for marker in order:
            x, y = pt((marker.x, marker.y))
            if marker.outside_buurt:
                c.setStrokeColor(colors.black)
                c.setLineWidth(0.8)
                c.setDash(1.5, 1.2)
                c.circle(x, y, r + 3.5, stroke=1, fill=0)
                c.setDash()
            draw_marker(c, x, y, r, marker)


    def _scale_bar(self, scale: float) -> None:
        c = self.canv
        fx, fy, fw, fh = self._map_box()
        metres = nice_scale_length(fw * 0.25 / scale)
        if metres <= 0:
            return
        length = metres * scale
        x, y = fx + 8, fy + 8
        c.setFillColor(colors.white)
        c.setFillAlpha(0.8)
        c.rect(x - 4, y - 4, length + 8 + 30, 14, stroke=0, fill=1)
        c.setFillAlpha(1)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.5)
        for i in range(4):
            c.setFillColor(colors.black if i % 2 == 0 else colors.white)
            c.rect(x + i * length / 4, y, length / 4, 3, stroke=1, fill=1)
        c.setFillColor(colors.black)
        c.setFont(S.FONT, 6)
        label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
        c.drawString(x + length + 3, y, label)


    def _north_arrow(self) -> None:
        c = self.canv
        fx, fy, fw, fh = self._map_box()
        x, y = fx + fw - 14, fy + fh - 26
        c.setFillColor(colors.black)
        c.setStrokeColor(colors.black)
        c.setLineWidth(0.6)
        path = c.beginPath()
        path.moveTo(x, y + 14)
        path.lineTo(x - 5, y)
        path.lineTo(x, y + 4)
        path.lineTo(x + 5, y)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        c.setFont(S.FONT_BOLD, 7)
        c.drawCentredString(x, y + 16, self.t("map_north"))


    def _legend(self) -> None:
        c = self.canv
        t = self.t
        x, y = 2.0, 5.0
        c.setFont(S.FONT, 6.5)

        def text(label: str) -> None:
            nonlocal x
            c.setFillColor(S.INK)
            c.drawString(x, y - 2.3, label)
            x += stringWidth(label, S.FONT, 6.5) + 9

        def line(colour, width: float, dash: tuple = ()) -> None:
            nonlocal x
            c.setStrokeColor(colour)
            c.setLineWidth(width)
            c.setDash(*dash) if dash else c.setDash()
            c.line(x, y, x + 16, y)
            c.setDash()
            x += 19

        if self.route:
            line(WALKED, 2.0)
            text(t("map_route"))
        else:
            line(WALKED, 2.0)
            text(t("map_walked"))
            line(NOT_WALKED, 1.4, (3, 2))
            text(t("map_not_walked"))
        if self.scene.boundary:
            line(BOUNDARY_LINE, 1.4, (6, 2))
            text(t("map_boundary"))
        if self.route:
            return
        present = {m.level for m in self.scene.markers}
        for level in (*ALL_LEVELS, None):  # only the levels on this map
            if level not in present or level not in MARKER_STYLES:
                continue
            x += 4
            draw_marker(c, x, y, 3.6, SceneMarker("", 0, 0, 0, "", level, False, False), label=False)
            x += 6
            text(level.value if level is not None else t("map_no_level"))
        if any(m.below is not None for m in self.scene.markers):  # a round without norms has no "below"
            x += 4
            draw_marker(c, x, y, 3.6, SceneMarker("", 0, 0, 0, "", None, True, False), label=False)
            x += 6
            text(t("map_below"))
        if any(m.outside_buurt for m in self.scene.markers):
            c.setStrokeColor(colors.black)
            c.setLineWidth(0.8)
            c.setDash(1.5, 1.2)
            c.circle(x + 4, y, 4, stroke=1, fill=0)
            c.setDash()
            x += 11
            text(t("map_outside"))


def draw_marker(c, x: float, y: float, r: float, marker: SceneMarker, *, label: bool = True) -> None:
    """One marker: the level's shape and colour, a thick outline when below the norm,
    the finding's number inside."""
    style = marker_style(marker.level)
    _shape(c, x, y, r, style.shape, colors.HexColor(style.fill),
           colors.HexColor(BELOW_OUTLINE) if marker.below else colors.HexColor("#333333"),
           2.0 if marker.below else 0.5)
    if label and r >= 3.5:
        text = str(marker.number)
        size = r * (1.05 if len(text) <= 2 else 0.8) * (0.85 if style.shape == "triangle" else 1)
        c.setFont(S.FONT_BOLD, size)
        c.setFillColor(colors.HexColor(style.ink))
        dy = -r * 0.3 if style.shape == "triangle" else 0
        c.drawCentredString(x, y - size * 0.35 + dy, text)


def _shape(c, x: float, y: float, r: float, shape: str, fill, stroke, width: float) -> None:
    c.setFillColor(fill)
    c.setStrokeColor(stroke)
    c.setLineWidth(width)
    if shape == "square":
        s = r * 0.9
        c.rect(x - s, y - s, 2 * s, 2 * s, stroke=1, fill=1)
        return
    if shape in ("triangle", "diamond"):
        if shape == "triangle":
            k = r * 1.25
            points = [(x, y + k), (x - k * 0.95, y - k * 0.62), (x + k * 0.95, y - k * 0.62)]
        else:
            k = r * 1.2
            points = [(x, y + k), (x + k, y), (x, y - k), (x - k, y)]
        path = c.beginPath()
        path.moveTo(*points[0])
        for p in points[1:]:
            path.lineTo(*p)
        path.close()
        c.drawPath(path, stroke=1, fill=1)
        return
    c.circle(x, y, r if shape == "circle" else r * 0.75, stroke=1, fill=1)


def _longest_segment(lines) -> tuple | None:
    best, best_len = None, 0.0
    for line in lines:
        for a, b in zip(line, line[1:], strict=False):
            d = math.hypot(b[0] - a[0], b[1] - a[1])
            if d > best_len:
                best, best_len = (a, b), d
    return best
