"""The report's own drawn pieces: level badges, photo rows, trend marks and charts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.lib.utils import simpleSplit
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
            label = fit_text(self.label, S.FONT, 6.5, self.width + 8)
            # centred under the badge, but never left of it (the page margin is there)
            centre = max(self.width / 2, stringWidth(label, S.FONT, 6.5) / 2)
            c.drawCentredString(centre, top - box - 8, label)


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
            try:
                drawn = draw_jpeg(c, f"photo-{ref.id}", partial(self.load, ref.id), x, y, self._box_w, h)
            except Exception:  # noqa: BLE001 - a broken photo must not stop a report
                drawn = False
            if not drawn:
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


class Boxed(Flowable):
    """A paragraph on a pale box with a coloured bar on the left (the action line)."""

    PAD_X, PAD_Y = 6.0, 3.5

    def __init__(self, content: Flowable, fill=None, bar=None) -> None:
        super().__init__()
        self.content = content
        self.fill = fill if fill is not None else S.PALE
        self.bar = bar if bar is not None else S.BRAND

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, h = self.content.wrap(aw - 2 * self.PAD_X, ah)
        self.width, self.height = aw, h + 2 * self.PAD_Y
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        """A box taller than the room left (a very long party name or reason) goes on
        over the page as two boxes."""
        aw = _available_width(self, aw)
        parts = self.content.split(aw - 2 * self.PAD_X, ah - 2 * self.PAD_Y)
        if len(parts) < 2:
            return []
        return [Boxed(part, self.fill, self.bar) for part in parts]

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setFillColor(self.fill)
        c.rect(0, 0, self.width, self.height, stroke=0, fill=1)
        c.setFillColor(self.bar)
        c.rect(0, 0, 2, self.height, stroke=0, fill=1)
        c.restoreState()
        self.content.drawOn(c, self.PAD_X, self.PAD_Y)


class FindingBlock(Flowable):
    """A badge beside a column of flowables (title, text, norm, action, first photos).

    One flowable instead of a Table with nested paragraphs: a finding never splits
    (it moves to the next page whole), each width is laid out once, and a report of 500
    findings builds several times faster. A separator rule is drawn above it, except at
    the top of a page. Should a block ever be taller than a page, it comes apart into
    its pieces rather than stopping the report.
    """

    RULE = 11.0
    GAP = 2.0

    def __init__(self, badge: Flowable, items: Sequence[Flowable], badge_width: float, rule: bool = False) -> None:
        super().__init__()
        self.badge = badge
        self.items = list(items)
        self.badge_width = badge_width
        self.rule = rule
        self._laid: tuple[float, list[float], float] | None = None
        self._show_rule = rule

    def _layout(self, aw: float) -> tuple[float, list[float], float]:
        if self._laid is not None and self._laid[0] == aw:
            return self._laid
        col = aw - self.badge_width
        heights = []
        total = 0.0
        for i, item in enumerate(self.items):
            _, h = item.wrap(col, 1e6)
            before = item.getSpaceBefore() if i else 0
            heights.append(h)
            total += h + before + (self.GAP if i else 0)
        self.badge.wrap(self.badge_width, 1e6)
        self._laid = (aw, heights, total)
        return self._laid

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        _, _, total = self._layout(aw)
        frame = getattr(self, "_frame", None)
        self._show_rule = self.rule and not (frame is not None and getattr(frame, "_atTop", 0))
        self.width = aw
        self.height = max(total, self.badge.height) + (self.RULE if self._show_rule else 0)
        return self.width, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        from reportlab.platypus.doctemplate import Indenter

        if ah < 450:
            return []  # move to the next page whole
        aw = _available_width(self, aw)
        col = aw - self.badge_width
        head, *others = self.items
        _, head_h = head.wrap(col, ah)
        room = ah - (self.RULE if self._show_rule else 0)
        if head_h > room:
            # even the first item is taller than a page (a huge title or text): split it too
            pieces = head.split(col, room)
            if len(pieces) < 2:
                return []
            head, *more = pieces
            others = [*more, *others]
        if not others:
            return []
        first = FindingBlock(self.badge, [head], self.badge_width, self.rule)
        return [first, Indenter(left=self.badge_width), *others, Indenter(left=-self.badge_width)]

    def draw(self) -> None:
        c = self.canv
        top = self.height
        if self._show_rule:
            c.saveState()
            c.setStrokeColor(S.RULE)
            c.setLineWidth(0.4)
            c.line(0, top - 5, self.width, top - 5)
            c.restoreState()
            top -= self.RULE
        self.badge.drawOn(c, 0, top - self.badge.height)
        _, heights, _ = self._laid or self._layout(self.width)
        y = top
        for i, (item, h) in enumerate(zip(self.items, heights, strict=True)):
            if i:
                y -= item.getSpaceBefore() + self.GAP
            y -= h
            item.drawOn(c, self.badge_width, y)


@dataclass(frozen=True)
class Seg:
    """One run of plain text in one font, size and colour, starting on a new line."""

    text: str
    font: str = S.FONT
    size: float = 9.5
    leading: float = 12.5
    colour: object = S.INK
    space_before: float = 0.0


def split_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Wrap plain text at spaces; words wider than a line are cut (a pasted URL)."""
    lines: list[str] = []
    for raw in simpleSplit(text, font, size, width) or [""]:
        # simpleSplit fills lines word by word, so only a line of one word can be too wide
        while " " not in raw and len(raw) > 1 and stringWidth(raw, font, size) > width:
            lo, hi = 1, len(raw) - 1
            while lo < hi:  # the longest head that fits
                mid = (lo + hi + 1) // 2
                if stringWidth(raw[:mid], font, size) <= width:
                    lo = mid
                else:
                    hi = mid - 1
            lines.append(raw[:lo])
            raw = raw[lo:]
        lines.append(raw)
    return lines


class TextLines(Flowable):
    """Plain text in a few styles, wrapped and drawn line by line.

    The finding texts of a big report are plain user text; ReportLab's Paragraph parses
    markup and places every word, which made it most of the build time of a 500-finding
    report. This does only what those texts need, and splits between lines over pages.
    """

    def __init__(self, segments: Sequence[Seg]) -> None:
        super().__init__()
        self.segments = [s for s in segments if s.text]
        self._laid: tuple[float, list[tuple[Seg, list[str]]]] | None = None

    def _layout(self, aw: float) -> list[tuple[Seg, list[str]]]:
        if self._laid is None or self._laid[0] != aw:
            self._laid = (aw, [(s, split_lines(s.text, s.font, s.size, aw)) for s in self.segments])
        return self._laid[1]

    @staticmethod
    def _height(laid: list[tuple[Seg, list[str]]]) -> float:
        return sum(s.leading * len(lines) + (s.space_before if i else 0) for i, (s, lines) in enumerate(laid))

    def wrap(self, aw: float, ah: float) -> tuple[float, float]:
        self.width = aw
        self.height = self._height(self._layout(aw))
        return aw, self.height

    def split(self, aw: float, ah: float) -> list[Flowable]:
        # A Frame asks for a split with its full width, even inside an Indenter (a
        # finding's text beside the badge column); lines broken for that width would be
        # re-broken narrower when drawn and no longer fit. Split at the width we get.
        aw = _available_width(self, aw)
        if self._laid is not None and self._laid[0] < aw:
            aw = self._laid[0]  # a table cell asks with its column width, padding included
        laid = self._layout(aw)
        first: list[Seg] = []
        rest: list[Seg] = []
        used = 0.0
        for i, (seg, lines) in enumerate(laid):
            if rest:
                rest.append(seg)
                continue
            before = seg.space_before if i else 0
            fit = int((ah - used - before) // seg.leading)
            if fit >= len(lines):
                first.append(seg)
                used += before + seg.leading * len(lines)
            else:
                if fit > 0:
                    first.append(_with_text(seg, "\n".join(lines[:fit])))
                rest.append(_with_text(seg, "\n".join(lines[fit:]), space_before=0))
        if not first or not rest:
            return []
        return [TextLines(first), TextLines(rest)]

    def draw(self) -> None:
        # One text object for all lines: a relative move per line instead of a full
        # text matrix per drawString.
        laid = self._laid[1] if self._laid else self._layout(self.width)
        text = self.canv.beginText()
        y = self.height
        x_prev = y_prev = None
        font = colour = None
        for i, (seg, lines) in enumerate(laid):
            if i:
                y -= seg.space_before
            if (seg.font, seg.size) != font:
                text.setFont(seg.font, seg.size, seg.leading)
                font = (seg.font, seg.size)
            if seg.colour is not colour:
                text.setFillColor(seg.colour)
                colour = seg.colour
            for line in lines:
                base = y - seg.size * 0.93 - (seg.leading - seg.size * 1.2) / 2
                if x_prev is None:
                    text.setTextOrigin(0, base)
                else:
                    text.moveCursor(0, y_prev - base)
                x_prev, y_prev = 0, base
                text.textOut(line)
                y -= seg.leading
        self.canv.drawText(text)


def _available_width(flowable: Flowable, aw: float) -> float:
    frame = getattr(flowable, "_frame", None)
    if frame is not None and hasattr(frame, "_getAvailableWidth"):
        return min(aw, frame._getAvailableWidth())
    return aw


def _with_text(seg: Seg, text: str, **changes) -> Seg:
    from dataclasses import replace

    return replace(seg, text=text, **changes)
