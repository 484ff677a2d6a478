"""A small bar chart of counts for the *Overzicht*'s hot times (issue #19.2): bars with
their number on top and their label below. Counts, never shares (see
:mod:`schouw.domain.hottimes`); the same figures are in the accessible description, for
a screen reader, and the chart says so when there is nothing to count."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

from schouw.ui import theme


class CountBars(QWidget):
    """Vertical bars, one per (label, count)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pairs: list[tuple[str, int]] = []
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(90)

    def set_counts(self, pairs: list[tuple[str, int]], empty_text: str = "") -> None:
        self.pairs = pairs
        self.empty_text = empty_text
        self.setAccessibleDescription(", ".join(f"{label}: {n}" for label, n in pairs) if any(n for _, n in pairs)
                                      else empty_text)
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(max(160, 34 * len(self.pairs)), 120)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = painter.fontMetrics()
        line = metrics.height()
        area = QRectF(self.rect()).adjusted(2, line + 2, -2, -(line + 4))
        top = max((n for _, n in self.pairs), default=0)
        if not self.pairs or top == 0:
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QRectF(self.rect()), int(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap),
                             self.empty_text)
            return
        slot = area.width() / len(self.pairs)
        for i, (label, n) in enumerate(self.pairs):
            x = area.left() + i * slot
            height = area.height() * n / top
            bar = QRectF(x + slot * 0.18, area.bottom() - height, slot * 0.64, height)
            painter.fillRect(bar, QColor(theme.ACCENT))
            painter.setPen(QColor(theme.INK))
            painter.drawText(QRectF(x, bar.top() - line - 1, slot, line), int(Qt.AlignmentFlag.AlignCenter), str(n))
            painter.setPen(QColor(theme.MUTED))
            painter.drawText(QRectF(x, area.bottom() + 2, slot, line), int(Qt.AlignmentFlag.AlignCenter),
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, int(slot)))
        painter.setPen(QColor(theme.LINE))
        painter.drawLine(area.bottomLeft(), area.bottomRight())
