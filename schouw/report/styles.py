"""Fonts, colours and paragraph styles of the reports.

The standard PDF fonts only know Latin-1-ish text, and the people on a schouw team are
called Yıldız and Ariëns. So the report embeds a TrueType font: DejaVu Sans where the
system has it, else Bitstream Vera Sans, which ships inside ReportLab (DejaVu is
derived from it; the Latin letters look the same, so reports look alike everywhere).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from schouw.domain.levels import Level

FONT = "SchouwSans"
FONT_BOLD = "SchouwSans-Bold"
FONT_ITALIC = "SchouwSans-Oblique"

_DEJAVU_DIRS = (
    Path(__file__).resolve().parents[1] / "_fonts",  # a bundle's copy (python -m schouw.build)
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/Library/Fonts"),
)
_FAMILIES = (
    ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
)


def _font_files() -> tuple[Path, Path, Path]:
    for folder in _DEJAVU_DIRS:
        for regular, bold, italic in _FAMILIES:
            files = (folder / regular, folder / bold, folder / italic)
            if all(f.is_file() for f in files):
                return files
    rl = Path(reportlab.__file__).parent / "fonts"
    return rl / "Vera.ttf", rl / "VeraBd.ttf", rl / "VeraIt.ttf"


@cache
def register_fonts() -> str:
    """Register the report font family once; returns the file name used (for tests)."""
    regular, bold, italic = _font_files()
    pdfmetrics.registerFont(TTFont(FONT, str(regular)))
    pdfmetrics.registerFont(TTFont(FONT_BOLD, str(bold)))
    pdfmetrics.registerFont(TTFont(FONT_ITALIC, str(italic)))
    pdfmetrics.registerFontFamily(FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD)
    return regular.name


# -- colours ---------------------------------------------------------------------------
INK = colors.HexColor("#1E2A36")
MUTED = colors.HexColor("#5B6773")
RULE = colors.HexColor("#C9D1D9")
PALE = colors.HexColor("#F2F5F8")
BRAND = colors.HexColor("#15406B")
BRAND_LIGHT = colors.HexColor("#DCE7F2")
GOOD = colors.HexColor("#2E7D32")
WARN = colors.HexColor("#E08A00")
BAD = colors.HexColor("#C62828")

#: The level colours: dark green (as new) to red (unacceptable), readable in grey print.
LEVEL_COLOURS: dict[Level, colors.Color] = {
    Level.A_PLUS: colors.HexColor("#1B5E20"),
    Level.A: colors.HexColor("#43A047"),
    Level.B: colors.HexColor("#C0CA33"),
    Level.C: colors.HexColor("#FB8C00"),
    Level.D: colors.HexColor("#C62828"),
}
LEVEL_TEXT: dict[Level, colors.Color] = {
    Level.A_PLUS: colors.white, Level.A: colors.white, Level.B: INK, Level.C: INK, Level.D: colors.white,
}
NEUTRAL = colors.HexColor("#90A4AE")
CHOICE = colors.HexColor("#546E7A")


def share_colour(share: float | None, target: float | None) -> colors.Color:
    """Green at or above target, amber within 15 points below it, red further below."""
    if share is None:
        return NEUTRAL
    if target is None or share >= target:
        return GOOD
    return WARN if share >= target - 0.15 else BAD


@cache
def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9.5, leading=13, textColor=INK, alignment=TA_LEFT)

    def s(name: str, **kw) -> ParagraphStyle:
        return ParagraphStyle(name, parent=kw.pop("parent", base), **kw)

    st = {
        "body": base,
        "small": s("small", fontSize=8, leading=10.5, textColor=MUTED),
        "note": s("note", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=3),
        "h1": s("h1", fontName=FONT_BOLD, fontSize=18, leading=22, textColor=BRAND, spaceAfter=8),
        "h2": s("h2", fontName=FONT_BOLD, fontSize=13.5, leading=17, textColor=BRAND, spaceBefore=8, spaceAfter=3),
        "h3": s("h3", fontName=FONT_BOLD, fontSize=10.5, leading=13.5, textColor=INK, spaceBefore=6, spaceAfter=3),
        "continued": s("continued", fontName=FONT_BOLD, fontSize=10.5, leading=13.5, textColor=BRAND,
                       spaceAfter=5),
        "meta": s("meta", fontSize=8.5, leading=11, textColor=MUTED, spaceAfter=6),
        "finding_title": s("finding_title", fontName=FONT_BOLD, fontSize=10, leading=12.5),
        "finding_loc": s("finding_loc", fontSize=8.5, leading=11, textColor=MUTED),
        "finding_text": s("finding_text", fontSize=9.5, leading=12.5, spaceBefore=1, spaceAfter=1),
        "finding_norm": s("finding_norm", fontSize=8.5, leading=11, textColor=MUTED),
        "action": s("action", fontSize=8.5, leading=11.5, textColor=INK),
        "cell": s("cell", fontSize=8.5, leading=10.5),
        "cell_bold": s("cell_bold", fontName=FONT_BOLD, fontSize=8.5, leading=10.5),
        "cell_right": s("cell_right", fontSize=8.5, leading=10.5, alignment=TA_RIGHT),
        "cell_muted": s("cell_muted", fontSize=7.5, leading=9.5, textColor=MUTED),
        "th": s("th", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=BRAND),
        "th_right": s("th_right", fontName=FONT_BOLD, fontSize=8, leading=10, textColor=BRAND, alignment=TA_RIGHT),
        "kpi_label": s("kpi_label", fontName=FONT_BOLD, fontSize=9, leading=11, textColor=BRAND),
        "kpi_value": s("kpi_value", fontName=FONT_BOLD, fontSize=24, leading=28),
        "kpi_small": s("kpi_small", fontSize=7.5, leading=9.5, textColor=MUTED),
        "cover_kicker": s("cover_kicker", fontName=FONT_BOLD, fontSize=12, leading=15, textColor=colors.white),
        "cover_title": s("cover_title", fontName=FONT_BOLD, fontSize=30, leading=35, textColor=colors.white),
        "cover_sub": s("cover_sub", fontSize=13, leading=17, textColor=colors.white),
        "cover_label": s("cover_label", fontName=FONT_BOLD, fontSize=9, leading=12, textColor=MUTED),
        "cover_value": s("cover_value", fontSize=10, leading=13),
        "cover_municipality": s("cover_municipality", fontName=FONT_BOLD, fontSize=13, leading=16, textColor=BRAND),
        "caption": s("caption", fontSize=7, leading=8.5, textColor=MUTED),
        # the terugkoppeling for residents: larger, calmer text
        "intro": s("intro", fontSize=11, leading=15.5, spaceAfter=2),
        "plain": s("plain", fontSize=10.5, leading=14),
        "cell_big": s("cell_big", fontSize=10, leading=13),
        "cell_big_right": s("cell_big_right", fontSize=10, leading=13, alignment=TA_RIGHT),
    }
    return st
