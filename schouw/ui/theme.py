"""A light theme with strong contrast, readable in the sun, at any text size.

The look is made with Qt's Fusion style, a palette, fonts and a few custom-painted
widgets (panels, level buttons) rather than a style sheet: on the 2-core laptops the
app targets, an application-wide style sheet made every repaint of the window about
ten times slower (55 ms instead of 4 ms), which users feel on every street they switch
to. Text size is a preference (a factor on the base font); Qt scales pixels for the
screen's DPI by itself.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from schouw.domain.levels import Level

INK = "#111418"
MUTED = "#3d4650"
ACCENT = "#0b4f8a"
ACCENT_DARK = "#083a66"
BELOW = "#b3261e"
GOOD = "#1e6b34"
WINDOW = "#e9edf1"
PANEL = "#ffffff"
LINE = "#b9c1c9"
SOFT = "#f3f5f7"

#: Background and text colour of each level badge (contrast >= 4.5:1 on every pair).
LEVEL_COLOURS: dict[Level | str, tuple[str, str]] = {
    Level.A_PLUS: ("#14532d", "#ffffff"),
    Level.A: ("#2f7d32", "#ffffff"),
    Level.B: ("#f2c230", "#111418"),
    Level.C: ("#e0701b", "#111418"),
    Level.D: ("#b3261e", "#ffffff"),
    "n.v.t.": ("#5f6a75", "#ffffff"),
    "choice": ("#0b4f8a", "#ffffff"),
}

BASE_POINTS = 10.0

#: font size factor and weight per text role
ROLES: dict[str, tuple[float, bool, str]] = {
    "hero": (2.2, True, ACCENT),
    "heading": (1.45, True, INK),
    "panelTitle": (1.2, True, INK),
    "stat": (1.35, True, INK),
    "statBelow": (1.35, True, BELOW),
    "statLabel": (0.9, False, MUTED),
    "fieldLabel": (1.0, True, INK),
    "muted": (1.0, False, MUTED),
    "placeholder": (1.2, False, MUTED),
    "help": (0.95, False, INK),
    "good": (1.0, True, GOOD),
    "warn": (1.0, True, "#8a5300"),
}

_applied_scale: float | None = None


def palette() -> QPalette:
    pal = QPalette()
    colours = {
        QPalette.ColorRole.Window: WINDOW,
        QPalette.ColorRole.WindowText: INK,
        QPalette.ColorRole.Base: PANEL,
        QPalette.ColorRole.AlternateBase: SOFT,
        QPalette.ColorRole.Text: INK,
        QPalette.ColorRole.Button: "#fbfcfd",
        QPalette.ColorRole.ButtonText: INK,
        QPalette.ColorRole.Highlight: ACCENT,
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#ffffff",
        QPalette.ColorRole.ToolTipText: INK,
        QPalette.ColorRole.PlaceholderText: "#5f6a75",
        QPalette.ColorRole.Link: ACCENT,
        QPalette.ColorRole.Light: "#ffffff",
        QPalette.ColorRole.Midlight: "#dde2e7",
        QPalette.ColorRole.Mid: "#9aa3ad",
        QPalette.ColorRole.Dark: "#6b747d",
        QPalette.ColorRole.Shadow: "#3d4650",
    }
    for role, colour in colours.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText, QPalette.ColorRole.WindowText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a838c"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(WINDOW))
    return pal


def apply(app: QApplication, scale: float = 1.0) -> None:
    """Style, palette and font; re-applying the same size does nothing."""
    global _applied_scale
    if _applied_scale is not None and abs(_applied_scale - scale) < 1e-6:
        return
    _applied_scale = scale
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    app.setStyleSheet("")
    app.setPalette(palette())
    font = QFont(app.font())
    font.setPointSizeF(BASE_POINTS * scale)
    app.setFont(font)


def font(role: str) -> QFont:
    factor, bold, _colour = ROLES.get(role, (1.0, False, INK))
    base = QFont(QApplication.font())
    base.setPointSizeF(base.pointSizeF() * factor)
    base.setBold(bold)
    return base


def line_height() -> int:
    """Height of a line of text in the application font (widgets made during a rebuild
    may not have received the new font yet)."""
    from PySide6.QtGui import QFontMetrics

    return QFontMetrics(QApplication.font()).height()


def colour_text(widget: QWidget, colour: str) -> None:
    pal = widget.palette()
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
        pal.setColor(QPalette.ColorGroup.Active, role, QColor(colour))
        pal.setColor(QPalette.ColorGroup.Inactive, role, QColor(colour))
    widget.setPalette(pal)


def text_role(widget: QWidget, role: str) -> None:
    """Font and colour of a label by its role (heading, muted, stat, ...)."""
    widget.setFont(font(role))
    colour_text(widget, ROLES.get(role, (1.0, False, INK))[2])


#: button kinds: (background, text, background when checked, text when checked)
BUTTONS: dict[str, tuple[str, str, str, str]] = {
    "primary": (ACCENT, "#ffffff", ACCENT_DARK, "#ffffff"),
    "danger": ("#fbfcfd", BELOW, "#fbfcfd", BELOW),
    "done": ("#fbfcfd", INK, GOOD, "#ffffff"),
    "segment": ("#fbfcfd", INK, ACCENT, "#ffffff"),
}


def tint(button: QAbstractButton, kind: str) -> None:
    """Colour a button by its kind; checkable ones change colour when checked."""
    if kind == "big":
        button.setFont(font("panelTitle"))
        button.setMinimumHeight(button.fontMetrics().height() + 22)
        return
    button.setMinimumHeight(line_height() + 14)
    colours = BUTTONS.get(kind)
    if colours is None:
        return

    def paint(checked: bool) -> None:
        bg, fg = (colours[2], colours[3]) if checked else (colours[0], colours[1])
        pal = button.palette()
        pal.setColor(QPalette.ColorRole.Button, QColor(bg))
        pal.setColor(QPalette.ColorRole.ButtonText, QColor(fg))
        button.setPalette(pal)
        f = QFont(QApplication.font())  # not button.font(): that may still be the old size
        f.setBold(kind == "primary" or checked)
        button.setFont(f)

    paint(button.isChecked())
    button.toggled.connect(paint)  # only ever emitted by checkable buttons


def set_high_dpi_policy() -> None:
    """Use the exact scale factor (125 %, 150 %) instead of rounding to whole numbers;
    must run before the QApplication exists."""
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
