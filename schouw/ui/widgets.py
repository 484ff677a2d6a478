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


def styled(widget: W, role: str | None = None, **props: object) -> W:
    """Give a button its look by role: primary, danger, done (checkable), big."""
    for key, value in props.items():
        widget.setProperty(key, value)
    if role:
        widget.setProperty("role", role)
        theme.tint(widget, role)
    return widget


class Panel(QFrame):
    """A white card with a thin border and rounded corners on the grey window."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(QColor(theme.LINE), 1))
        painter.setBrush(QColor(theme.PANEL))
        painter.drawRoundedRect(self.rect().adjusted(0, 0, -1, -1), 6, 6)
        painter.end()


def fit_on_screen(window: QWidget, width: int, height: int) -> None:
    """Give a dialog the size it wants, but never more than the screen it opens on has
    (a 1366×768 laptop at 125 % leaves 1093×614): a dialog taller than the screen hides
    its title or its buttons, and a window manager will not move it for us."""
    screen = window.screen() if window.parentWidget() is None else window.parentWidget().screen()
    room = screen.availableGeometry().size() if screen is not None else QSize(width, height)
    # room for the window frame the window manager adds around it
    window.resize(min(width, room.width() - 16), min(height, room.height() - 48))


def panel(parent: QWidget | None = None) -> Panel:
    return Panel(parent)


def label(text: str, role: str | None = None, parent: QWidget | None = None) -> QLabel:
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
        theme.text_role(widget, role)
        if role == "help":
            widget.setAutoFillBackground(True)
            pal = widget.palette()
            pal.setColor(pal.ColorRole.Window, QColor(theme.SOFT))
            widget.setPalette(pal)
            widget.setFrameShape(QFrame.Shape.StyledPanel)
            widget.setMargin(6)
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
            self._layout.removeWidget(button)
            button.hide()
            button.deleteLater()
        self._buttons.clear()
        for key, text, accessible, style_key in options:
            button = self.make_button(text)
            safe = "".join(ch if ch.isalnum() else "_" for ch in key) or "none"
            named(button, f"{self.objectName()}_{safe}", accessible)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            button.setProperty("key", key)
            button.setProperty("styleKey", style_key)
            if self._big:
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            else:
                button.setMinimumHeight(theme.line_height() + 16)
                theme.tint(button, "segment")
                # a segment may lose its padding on a narrow pane, never its word
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 12)
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
                button.update()

    def _clicked(self, button: QPushButton) -> None:
        key = button.property("key")
        if button.isChecked():
            for other in self._buttons.values():
                if other is not button:
                    other.setChecked(False)
            self.chosen.emit(key)
        else:
            self.chosen.emit("")


class WrappingDelegate(QStyledItemDelegate):
    """Text that wraps at word boundaries, with room above and below it: a row sized to
    its contents (``resizeRowsToContents``) shows every line instead of clipping the last."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), hint.height() + 12)


class TwoLineDelegate(QStyledItemDelegate):
    """A finding: what (bold, wrapped over as many lines as it needs, so a long item's
    title is read whole on a narrow pane) and where / what was seen (smaller, one line).
    The table sizes its rows to these hints (``resizeRowsToContents``)."""

    PAD = 3

    @staticmethod
    def _fonts(font: QFont) -> tuple[QFont, QFont]:
        bold = QFont(font)
        bold.setBold(True)
        small = QFont(font)
        small.setPointSizeF(font.pointSizeF() * 0.92)
        return bold, small

    @staticmethod
    def _text_width(option: QStyleOptionViewItem, index: QModelIndex) -> int:
        view = option.widget
        width = view.columnWidth(index.column()) if hasattr(view, "columnWidth") else option.rect.width()
        return max(width - 14, 20)

    def _title_height(self, font: QFont, title: str, width: int) -> int:
        from PySide6.QtGui import QFontMetrics

        bold, _small = self._fonts(font)
        flags = int(Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap)
        return QFontMetrics(bold).boundingRect(QRect(0, 0, width, 10**6), flags, title).height()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        from PySide6.QtGui import QFontMetrics

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt, index)
        _bold, small = self._fonts(opt.font)
        height = self._title_height(opt.font, opt.text, width) + QFontMetrics(small).height() + 2 * self.PAD + 10
        return QSize(super().sizeHint(option, index).width(), height)

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
        rect = opt.rect.adjusted(8, self.PAD, -6, -self.PAD)
        bold, small = self._fonts(opt.font)
        painter.save()
        painter.setFont(small)
        detail_height = painter.fontMetrics().height()
        title_height = min(self._title_height(opt.font, title, rect.width()), rect.height() - detail_height)
        # the two lines sit together in the middle of a row taller than they need
        top_y = rect.top() + max(0, (rect.height() - title_height - detail_height) // 2)
        painter.setFont(bold)
        painter.setPen(QColor("#ffffff" if selected else theme.INK))
        top = QRect(rect.left(), top_y, rect.width(), title_height)
        painter.drawText(top, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap),
                         title)
        painter.setFont(small)
        painter.setPen(QColor("#e8eef5" if selected else theme.MUTED))
        bottom = QRect(rect.left(), top_y + title_height, rect.width(), detail_height)
        painter.drawText(bottom, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                         painter.fontMetrics().elidedText(detail, Qt.TextElideMode.ElideRight, rect.width()))
        painter.restore()


class DoneDelegate(QStyledItemDelegate):
    """The "walked" tick of a street: a clear green check, or an empty box."""

    _icons: dict[bool, object] = {}

    def _icon(self, on: bool):
        if on not in self._icons:
            from PySide6.QtGui import QIcon

            from schouw.ui.resources import resource

            self._icons[on] = QIcon(str(resource("icons", "check-on.svg" if on else "check-off.svg")))
        return self._icons[on]

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        on = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        opt.features &= ~QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
        opt.text = ""
        widget = opt.widget
        if widget is not None:
            widget.style().drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        side = min(opt.rect.height() - 8, 22)
        target = QRect(0, 0, side, side)
        target.moveCenter(opt.rect.center())
        self._icon(on).paint(painter, target)

    def editorEvent(self, event, model, option, index) -> bool:
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.MouseButtonRelease and option.rect.contains(event.position().toPoint()):
            on = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
            return model.setData(index, (Qt.CheckState.Unchecked if on else Qt.CheckState.Checked).value,
                                 Qt.ItemDataRole.CheckStateRole)
        return False
