"""The map of a round as a PNG, drawn with Pillow (for documents that take images).

The same picture as the PDF map (:mod:`schouw.report.map_drawing`): boundary, streets
walked / not walked, markers with the shared shape and colour per level and their
numbers, scale bar, north arrow and a one-line legend; drawn at 2x and scaled down so
lines and text are smooth without a vector renderer.
"""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from schouw.domain.levels import ALL_LEVELS
from schouw.domain.mapscene import (
    BELOW_OUTLINE,
    MARKER_STYLES,
    MapScene,
    marker_style,
    nice_scale_length,
)
from schouw.report.i18n import Texts
from schouw.report.map_drawing import BackgroundTile

SUPERSAMPLE = 2


def _font(size: float, bold: bool = False) -> ImageFont.ImageFont:
    from schouw.report.styles import _font_files

    regular, heavy, _ = _font_files()
    try:
        return ImageFont.truetype(str(heavy if bold else regular), max(int(size), 6))
    except OSError:
        return ImageFont.load_default()


def render_png(scene: MapScene, out: Path, *, width: int = 1600, lang: str = "nl",
               background: list[BackgroundTile] | None = None, attribution: str = "") -> tuple[int, int]:
    """Write the map as a PNG ``width`` pixels wide; returns (width, height)."""
    t = Texts(lang)
    xmin, ymin, xmax, ymax = scene.bbox
    ratio = (ymax - ymin) / max(xmax - xmin, 1e-6)
    legend_h = max(int(width * 0.03), 18)
    height = max(int(width * min(max(ratio, 0.3), 1.6)) + legend_h, 200)
    k = SUPERSAMPLE
    W, H = width * k, height * k  # noqa: N806 - the canvas size
    map_h = H - legend_h * k
    image = Image.new("RGB", (W, H), "white")
    draw = ImageDraw.Draw(image, "RGBA")
    pad = 20 * k
    scale = min((W - 2 * pad) / max(xmax - xmin, 1e-6), (map_h - 2 * pad) / max(ymax - ymin, 1e-6))
    ox = W / 2 - scale * (xmin + xmax) / 2
    oy = map_h / 2 + scale * (ymin + ymax) / 2

    def pt(p: tuple[float, float]) -> tuple[float, float]:
        return ox + scale * p[0], oy - scale * p[1]

    for tile in background or []:
        x0, y1 = pt((tile.xmin, tile.ymin))
        x1, y0 = pt((tile.xmax, tile.ymax))
        with Image.open(io.BytesIO(tile.data)) as raw:
            piece = raw.convert("RGB").resize((max(int(x1 - x0), 1), max(int(y1 - y0), 1)))
        image.paste(piece, (int(x0), int(y0)))
    unit = width / 800 * k  # one "point" of the PDF drawing at this size
    for polygon in scene.boundary:
        if polygon and len(polygon[0]) >= 3:
            outer = [pt(p) for p in polygon[0]]
            draw.polygon(outer, fill=(238, 242, 245, 90 if background else 255))
            for hole in polygon[1:]:
                draw.polygon([pt(p) for p in hole], fill=(255, 255, 255, 0 if background else 255))
            for ring in polygon:
                draw.line([pt(p) for p in ring], fill="#4A5A6A", width=max(int(1.4 * unit), 1))
    for walked in (False, True):
        for street in scene.streets:
            if street.walked != walked:
                continue
            for line in street.lines:
                if len(line) >= 2:
                    draw.line([pt(p) for p in line], fill="#2B3A48" if walked else "#8C98A4",
                              width=max(int((2.0 if walked else 1.2) * unit), 1), joint="curve")
    radius = (5.5 if len(scene.markers) <= 150 else 4.5 if len(scene.markers) <= 500 else 3.0) * unit
    number_font = _font(radius * 1.05, bold=True)
    for marker in sorted(scene.markers, key=lambda m: (m.level.rank if m.level else 5), reverse=True):
        x, y = pt((marker.x, marker.y))
        if marker.outside_buurt:
            r = radius + 3.5 * unit
            draw.ellipse([x - r, y - r, x + r, y + r], outline="black", width=max(int(0.8 * unit), 1))
        _marker(draw, x, y, radius, marker.level, marker.below, unit)
        if radius >= 3.5 * unit:
            style = marker_style(marker.level)
            low = style.shape == "triangle"  # its middle sits below the centre
            draw.text((x, y + (radius * 0.3 if low else 0)), str(marker.number), fill=style.ink,
                      font=_font(radius * 0.85, bold=True) if low else number_font, anchor="mm")
    # scale bar and north arrow
    metres = nice_scale_length((W * 0.25) / scale)
    if metres > 0:
        length = metres * scale
        bx, by = 10 * k, map_h - 14 * k
        for i in range(4):
            draw.rectangle([bx + i * length / 4, by, bx + (i + 1) * length / 4, by + 4 * k],
                           fill="black" if i % 2 == 0 else "white", outline="black")
        label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
        draw.text((bx + length + 5 * k, by + 2 * k), label, fill="black", font=_font(8 * unit), anchor="lm")
    nx, ny = W - 18 * unit, 30 * unit
    draw.polygon([(nx, ny - 14 * unit), (nx - 5 * unit, ny), (nx, ny - 4 * unit), (nx + 5 * unit, ny)], fill="black")
    draw.text((nx, ny - 16 * unit), t("map_north"), fill="black", font=_font(8 * unit, bold=True), anchor="mb")
    draw.rectangle([0, 0, W - 1, map_h - 1], outline="#C9D1D9", width=k)
    if attribution:
        draw.text((W - 4 * k, map_h - 4 * k), attribution, fill="#5B6773", font=_font(7 * unit), anchor="rb")
    # legend
    font = _font(8 * unit)
    lx, ly = 6 * k, map_h + legend_h * k / 2

    def legend_text(text: str) -> None:
        nonlocal lx
        draw.text((lx, ly), text, fill="#1E2A36", font=font, anchor="lm")
        lx += draw.textlength(text, font=font) + 12 * unit

    for colour, label in (("#2B3A48", t("map_walked")), ("#8C98A4", t("map_not_walked"))):
        draw.line([(lx, ly), (lx + 16 * unit, ly)], fill=colour, width=max(int(2 * unit), 1))
        lx += 20 * unit
        legend_text(label)
    present = {m.level for m in scene.markers}
    for level in (*ALL_LEVELS, None):
        if level in present and level in MARKER_STYLES:
            _marker(draw, lx + 4 * unit, ly, 4 * unit, level, False, unit)
            lx += 10 * unit
            legend_text(level.value if level is not None else t("map_no_level"))
    if any(m.below is not None for m in scene.markers):
        _marker(draw, lx + 4 * unit, ly, 4 * unit, None, True, unit)
        lx += 10 * unit
        legend_text(t("map_below"))
    final = image.resize((width, height), Image.LANCZOS)
    final.save(out, "PNG", optimize=True)
    return width, height


def _marker(draw: ImageDraw.ImageDraw, x: float, y: float, r: float, level, below, unit: float) -> None:
    style = marker_style(level)
    outline = BELOW_OUTLINE if below else "#333333"
    width = max(int((2.0 if below else 0.6) * unit), 1)
    if style.shape == "square":
        s = r * 0.9
        draw.rectangle([x - s, y - s, x + s, y + s], fill=style.fill, outline=outline, width=width)
    elif style.shape == "triangle":
        k = r * 1.25
        draw.polygon([(x, y - k), (x - k * 0.95, y + k * 0.62), (x + k * 0.95, y + k * 0.62)], fill=style.fill,
                     outline=outline, width=width)
    elif style.shape == "diamond":
        k = r * 1.2
        draw.polygon([(x, y - k), (x + k, y), (x, y + k), (x - k, y)], fill=style.fill, outline=outline, width=width)
    else:
        rr = r if style.shape == "circle" else r * 0.75
        draw.ellipse([x - rr, y - rr, x + rr, y + rr], fill=style.fill, outline=outline, width=width)

