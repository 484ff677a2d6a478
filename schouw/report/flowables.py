"""The report's own drawn pieces: level badges, photo rows, trend marks and charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable

from schouw.domain.levels import Level
from schouw.domain.scoring import Trend
from schouw.report import styles as S
from schouw.report.model import PhotoRef
from schouw.report.pdf import draw_jpeg, fit_text


class Badge(Flowable):
    """A coloured level badge ("C" over "laag"), or a neutral one for n.v.t. and choices."""

    def __init__(self, text: str, label: str, fill, ink, width: float = 38, big: bool = True) -> None:
        super().__init__()
        self.text = text
        self.label = label
        self.fill = fill
        self.ink = ink
        self.width = width
        self.big = big
        self._lines = self._wrap_text()
        self.height = self._box_height() + (10 if label else 0)

    def _wrap_text(self) -> list[str]:
        if self.big:
            return [self.text]
        words, lines, line = self.text.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and stringWidth(trial, S.FONT_BOLD, 6.5) > self.width - 6:
                lines.append(line)
                line = word
            else:
                line = trial
        if line:
            lines.append(line)
        return [fit_text(x, S.FONT_BOLD, 6.5, self.width - 4) for x in lines[:4]] or [""]

    def _box_height(self) -> float:
        return 30 if self.big else max(22, 8 * len(self._lines) + 8)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        box = self._box_height()
        top = self.height
        c.setFillColor(self.fill)
        c.setStrokeColor(self.fill)
        c.roundRect(0, top - box, self.width, box, 4, stroke=0, fill=1)
        c.setFillColor(self.ink)
        if self.big:
            size = 15 if len(self.text) <= 2 else 9
            c.setFont(S.FONT_BOLD, size)
            c.drawCentredString(self.width / 2, top - box / 2 - size * 0.36, self.text)
        else:
            c.setFont(S.FONT_BOLD, 6.5)
            y = top - box / 2 + (len(self._lines) - 1) * 4 - 2.3
            for line in self._lines:
                c.drawCentredString(self.width / 2, y, line)
                y -= 8
        if self.label:
            c.setFillColor(S.MUTED)
            c.setFont(S.FONT, 6.5)
            c.drawCentredString(self.width / 2, top - box - 8, fit_text(self.label, S.FONT, 6.5, self.width + 8))


def level_badge(level: Level, label: str) -> Badge:
    return Badge(level.value, label, S.LEVEL_COLOURS[level], S.LEVEL_TEXT[level])


class PhotoRow(Flowable):
    """Up to two photos side by side, each fitted into its half of the row.

    The bytes are fetched from ``load`` only when the row is drawn, so no photo is in
    memory before its page is laid out.
    """

    GAP = 8
    CAPTION = 10

    def __init__(self, photos: Sequence[PhotoRef], load: Callable[[str], bytes | None],
                 captions: Sequence[str], missing_text: str, max_height: float = 170) -> None:
        super().__init__()
        self.photos = list(photos)
        self.load = load
        self.captions = list(captions)
        self.missing_text = missing_text
        self.max_height = max_height
        self._box_w = 0.0
        self._img_h = 0.0

    def _height_for(self, ref: PhotoRef, box_w: float) -> float:
        ratio = (ref.height / ref.width) if ref.width and ref.height else 0.75
        return min(self.max_height, box_w * ratio)

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self._box_w = (aw - self.GAP) / 2
        self._img_h = max(self._height_for(p, self._box_w) for p in self.photos)
        has_caption = any(self.captions)
        self.width = aw
        self.height = self._img_h + (self.CAPTION if has_caption else 0) + 6
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        top = self.height - 3
        for i, ref in enumerate(self.photos):
            x = i * (self._box_w + self.GAP)
            h = self._height_for(ref, self._box_w)
            y = top - h
            data = self.load(ref.id)
            if data:
                try:
                    draw_jpeg(c, f"photo-{ref.id}", data, x, y, self._box_w, h)
                except Exception:  # noqa: BLE001 - a broken photo must not stop a report
                    data = None
            if not data:
                c.setFillColor(S.PALE)
                c.setStrokeColor(S.RULE)
                c.rect(x, y, self._box_w, h, stroke=1, fill=1)
                c.setFillColor(S.MUTED)
                c.setFont(S.FONT, 8)
                c.drawCentredString(x + self._box_w / 2, y + h / 2 - 3, self.missing_text)
            caption = self.captions[i] if i < len(self.captions) else ""
            if caption:
                c.setFillColor(S.MUTED)
                c.setFont(S.FONT, 7)
                c.drawString(x, top - self._img_h - 8, fit_text(caption, S.FONT, 7, self._box_w))


def trend_mark(trend: Trend | None, size: float = 8) -> Drawing:
    """A small triangle up (green), down (red) or a bar (same, grey)."""
    d = Drawing(size + 2, size)
    if trend is Trend.BETTER:
        d.add(Polygon([1, 0, size + 1, 0, size / 2 + 1, size], fillColor=S.GOOD, strokeColor=None))
    elif trend is Trend.WORSE:
        d.add(Polygon([1, size, size + 1, size, size / 2 + 1, 0], fillColor=S.BAD, strokeColor=None))
    elif trend is Trend.SAME:
        d.add(Rect(1, size / 2 - 1.2, size, 2.4, fillColor=S.MUTED, strokeColor=None))
    return d


def spread_bar(counts: dict[Level, int], levels: Sequence[Level], labels: dict[Level, str],
               width: float, percent: Callable[[float], str], height: float = 16) -> Drawing:
    """One 100 % bar split over the levels, with a legend underneath."""
    total = sum(counts.values())
    d = Drawing(width, height + 14)
    x = 0.0
    y = 14
    shown = [lv for lv in levels if counts.get(lv)] + [lv for lv in counts if counts[lv] and lv not in levels]
    if total == 0:
        d.add(Rect(0, y, width, height, fillColor=S.PALE, strokeColor=S.RULE, strokeWidth=0.5))
    for lv in shown:
        w = width * counts[lv] / total
        d.add(Rect(x, y, w, height, fillColor=S.LEVEL_COLOURS[lv], strokeColor=colors.white, strokeWidth=0.8))
        text = f"{lv.value} {percent(counts[lv] / total)}"
        if stringWidth(text, S.FONT_BOLD, 7) < w - 4:
            d.add(String(x + w / 2, y + height / 2 - 2.5, text, fontName=S.FONT_BOLD, fontSize=7,
                         fillColor=S.LEVEL_TEXT[lv], textAnchor="middle"))
        elif stringWidth(lv.value, S.FONT_BOLD, 7) < w - 2:
            d.add(String(x + w / 2, y + height / 2 - 2.5, lv.value, fontName=S.FONT_BOLD, fontSize=7,
                         fillColor=S.LEVEL_TEXT[lv], textAnchor="middle"))
        x += w
    lx = 0.0
    for lv in levels:
        label = f"{lv.value} {labels.get(lv, '')}".strip()
        d.add(Rect(lx, 2, 7, 7, fillColor=S.LEVEL_COLOURS[lv], strokeColor=None))
        d.add(String(lx + 10, 2.5, label, fontName=S.FONT, fontSize=7, fillColor=S.MUTED))
        lx += 14 + stringWidth(label, S.FONT, 7)
    return d


def element_chart(rows: Sequence[tuple[str, float | None, int]], target: float | None, width: float,
                  percent: Callable[[float | None], str], target_text: str, no_norm_text: str) -> Drawing:
    """Horizontal bars: per element the share at or above the norm, a line at the target.

    ``rows`` is (name, share, number of measurements).
    """
    label_w = min(170.0, width * 0.36)
    value_w = 78.0
    bar_w = width - label_w - value_w - 8
    row_h = 15.0
    top_pad = 16.0
    bottom_pad = 16.0
    height = top_pad + row_h * len(rows) + bottom_pad
    d = Drawing(width, height)
    x0 = label_w + 6
    for i, (name, share, n) in enumerate(rows):
        y = height - top_pad - (i + 1) * row_h + 3
        d.add(String(label_w, y + 2.5, fit_text(name, S.FONT, 8, label_w - 2), fontName=S.FONT, fontSize=8,
                     fillColor=S.INK, textAnchor="end"))
        d.add(Rect(x0, y, bar_w, row_h - 6, fillColor=S.PALE, strokeColor=None))
        if share is not None:
            d.add(Rect(x0, y, max(0.8, bar_w * share), row_h - 6, fillColor=S.share_colour(share, target),
                       strokeColor=None))
            value = f"{percent(share)}  (n={n})"
        else:
            value = f"{no_norm_text}  (n={n})"
        d.add(String(x0 + bar_w + 6, y + 2.5, value, fontName=S.FONT, fontSize=7.5, fillColor=S.MUTED))
    # axis
    axis_y = bottom_pad - 2
    d.add(Line(x0, axis_y, x0 + bar_w, axis_y, strokeColor=S.RULE, strokeWidth=0.5))
    for tick in (0, 0.25, 0.5, 0.75, 1.0):
        tx = x0 + bar_w * tick
        d.add(Line(tx, axis_y, tx, axis_y - 3, strokeColor=S.RULE, strokeWidth=0.5))
        d.add(String(tx, axis_y - 11, percent(tick), fontName=S.FONT, fontSize=6.5, fillColor=S.MUTED,
                     textAnchor="middle"))
    if target is not None:
        tx = x0 + bar_w * target
        d.add(Line(tx, axis_y, tx, height - top_pad + 4, strokeColor=S.BRAND, strokeWidth=1,
                   strokeDashArray=[3, 2]))
        d.add(String(tx, height - top_pad + 7, target_text, fontName=S.FONT_BOLD, fontSize=7,
                     fillColor=S.BRAND, textAnchor="middle"))
    return d
