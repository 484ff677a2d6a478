"""A light theme with strong contrast, readable in the sun, at any text size.

The stylesheet in ``resources/style/schouw.qss`` uses ``$base``-style placeholders for
font sizes, so the text-size preference scales the whole interface; Qt scales pixels
for the screen's DPI by itself.
"""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from schouw.domain.levels import Level
from schouw.ui.resources import resource

INK = "#111418"
MUTED = "#3d4650"
ACCENT = "#0b4f8a"
ACCENT_DARK = "#083a66"
BELOW = "#b3261e"
GOOD = "#1e6b34"

#: Background and text colour of each level badge (contrast >= 4.5:1 on every pair).
LEVEL_COLOURS: dict[Level | str, tuple[str, str]] = {
    Level.A_PLUS: ("#14532d", "#ffffff"),
    Level.A: ("#2f7d32", "#ffffff"),
    Level.B: ("#f2c230", "#111418"),
    Level.C: ("#e0701b", "#111418"),
    Level.D: ("#b3261e", "#ffffff"),
    "n.v.t.": ("#d5d9de", "#111418"),
    "choice": ("#dce8f5", "#111418"),
}

BASE_POINTS = 10.0


def sizes(scale: float) -> dict[str, str]:
    base = BASE_POINTS * scale
    return {
        "base": f"{base:.1f}pt",
        "small": f"{base * 0.9:.1f}pt",
        "large": f"{base * 1.2:.1f}pt",
        "title": f"{base * 1.45:.1f}pt",
        "huge": f"{base * 2.2:.1f}pt",
        "level": f"{base * 1.5:.1f}pt",
    }


def stylesheet(scale: float = 1.0) -> str:
    text = resource("style", "schouw.qss").read_text(encoding="utf-8")
    values = sizes(scale)
    values["icons"] = resource("icons").as_posix()
    return Template(text).safe_substitute(values)


_applied_scale: float | None = None


def apply(app: QApplication, scale: float = 1.0) -> None:
    """Style, palette, font and stylesheet; re-applying the same size does nothing
    (a stylesheet change re-polishes every widget, which takes a moment)."""
    global _applied_scale
    if _applied_scale is not None and abs(_applied_scale - scale) < 1e-6 and app.styleSheet():
        return
    _applied_scale = scale
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#eef1f4",
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f5f7f9",
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#ffffff",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: "#5f6a75",
        QPalette.ColorRole.Link: ACCENT,
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a838c"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a838c"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#7a838c"))
    app.setPalette(palette)
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)
    app.setStyleSheet(stylesheet(scale))


def set_high_dpi_policy() -> None:
    """Use the exact scale factor (125 %, 150 %) instead of rounding to whole numbers;
    must run before the QApplication exists."""
    from PySide6.QtCore import Qt

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
