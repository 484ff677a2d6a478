"""Small reusable widgets: naming helper, level badges, finger-sized button bars."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from schouw.domain.levels import Level
from schouw.ui import theme

W = TypeVar("W", bound=QWidget)


def named(widget: W, object_name: str, accessible: str, description: str = "") -> W:
    """Give a widget the objectName tests use and the accessibleName screen readers read."""
    widget.setObjectName(object_name)
    widget.setAccessibleName(accessible)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def styled(widget: W, **props: object) -> W:
    """Set dynamic properties the stylesheet selects on (role="primary", ...)."""
    for key, value in props.items():
        widget.setProperty(key, value)
    return widget


def restyle(widget: QWidget) -> None:
    """Re-apply the stylesheet after a dynamic property changed."""
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    widget.update()


def panel(parent: QWidget | None = None) -> QFrame:
    frame = QFrame(parent)
    frame.setProperty("panel", True)
    return frame


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    return widget


def level_colours(key: Level | str | None) -> tuple[str, str] | None:
    if key is None:
        return None
    return theme.LEVEL_COLOURS.get(key)


class LevelDelegate(QStyledItemDelegate):
    """Paints a level as a coloured badge; a level below the norm gets a red marker."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        from schouw.ui.models import ROW_ROLE

        row = index.data(ROW_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        if not text:
            return
        if row is not None and row.not_applicable:
            colours = theme.LEVEL_COLOURS["n.v.t."]
        elif row is not None and row.level is not None:
            colours = theme.LEVEL_COLOURS[row.level]
        else:
            colours = theme.LEVEL_COLOURS["choice"]
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = opt.fontMetrics
        width = max(metrics.horizontalAdvance(text) + 16, metrics.height() + 10)
        height = metrics.height() + 6
        rect = QRect(0, 0, min(width, opt.rect.width() - 4), min(height, opt.rect.height() - 4))
        rect.moveCenter(opt.rect.center())
        painter.setPen(QPen(QColor("#111418"), 1))
        painter.setBrush(QColor(colours[0]))
        painter.drawRoundedRect(rect, 5, 5)
        font = opt.font
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(colours[1]))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        if row is not None and row.below_norm:
            marker = QRect(opt.rect.left() + 3, opt.rect.top() + 3, 8, opt.rect.height() - 6)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(theme.BELOW))
            painter.drawRoundedRect(marker, 2, 2)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 64), hint.height() + 8)


class ButtonBar(QWidget):
    """A row of checkable buttons of which at most one is on; clicking the one that is on
    turns it off (so a level can be taken away again). Emits the chosen key or ""."""

    chosen = Signal(str)

    def __init__(self, object_name: str, accessible: str, *, big: bool = True, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, object_name, accessible)
        self._big = big
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(6 if big else 4)
        self._group = QButtonGroup(self)
        self._group.setExclusive(False)
        self._group.buttonClicked.connect(self._clicked)
        self._buttons: dict[str, QPushButton] = {}

    def make_button(self, text: str) -> QPushButton:
        return QPushButton(text, self)

    def set_options(self, options: list[tuple[str, str, str, str]]) -> None:
        """``(key, text, accessible name, style key)`` per button."""
        for button in list(self._buttons.values()):
            self._group.removeButton(button)
            button.deleteLater()
        self._buttons.clear()
        for key, text, accessible, style_key in options:
            button = self.make_button(text)
            safe = "".join(ch if ch.isalnum() else "_" for ch in key) or "none"
            named(button, f"{self.objectName()}_{safe}", accessible)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if self._big:
                styled(button, levelButton=True, level=style_key)
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            else:
                styled(button, segment=True)
            button.setProperty("key", key)
            self._group.addButton(button)
            self._layout.addWidget(button)
            self._buttons[key] = button

    def buttons(self) -> dict[str, QPushButton]:
        return dict(self._buttons)

    def set_value(self, key: str | None) -> None:
        for k, button in self._buttons.items():
            button.setChecked(k == key)

    def value(self) -> str:
        return next((k for k, b in self._buttons.items() if b.isChecked()), "")

    def mark(self, key: str | None, prop: str = "norm") -> None:
        for k, button in self._buttons.items():
            on = k == key
            if bool(button.property(prop)) != on:
                button.setProperty(prop, on)
                restyle(button)

    def _clicked(self, button: QPushButton) -> None:
        key = button.property("key")
        if button.isChecked():
            for other in self._buttons.values():
                if other is not button:
                    other.setChecked(False)
            self.chosen.emit(key)
        else:
            self.chosen.emit("")


class TwoLineDelegate(QStyledItemDelegate):
    """A finding as two lines: what (bold) and where / what was seen (smaller)."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        from schouw.ui.models import DETAIL_ROLE

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        detail = index.data(DETAIL_ROLE) or ""
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(8, 3, -6, -3)
        painter.save()
        bold = QFont(opt.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(QColor("#ffffff" if selected else theme.INK))
        line_height = rect.height() // 2
        top = QRect(rect.left(), rect.top(), rect.width(), line_height)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(title, Qt.TextElideMode.ElideRight, rect.width()))
        small = QFont(opt.font)
        small.setPointSizeF(opt.font.pointSizeF() * 0.92)
        painter.setFont(small)
        painter.setPen(QColor("#e8eef5" if selected else theme.MUTED))
        bottom = QRect(rect.left(), rect.top() + line_height, rect.width(), rect.height() - line_height)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()
