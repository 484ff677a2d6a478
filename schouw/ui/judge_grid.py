"""The judge grid of a meting: every aspect of the form × the levels A+…D and n.v.t.

At a schouwpunt the walker judges every aspect, so the grid is made for speed: one row
per aspect, one finger-sized button per level; the keys 1–5 (A+…D) and 0 (n.v.t.) judge
the current row and move to the next one. The norm of each aspect (for the point's area
type) is outlined, and the levels below it are tinted red, so the walker sees before
choosing what will count as "onder norm". The grid only shows and asks: the meting walk
(:mod:`schouw.ui.meting_walk`) records through the use case and tells the grid what is
stored.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from schouw.domain.levels import ALL_LEVELS, Level
from schouw.services.meting_walk import NVT, JudgeRow
from schouw.ui import theme
from schouw.ui.widgets import named

#: the columns, left to right, and the key that picks each (as on the walk screen)
COLUMNS: tuple[str, ...] = tuple(level.value for level in ALL_LEVELS) + (NVT,)
KEYS: dict[int, str] = {Qt.Key.Key_1: "A+", Qt.Key.Key_2: "A", Qt.Key.Key_3: "B", Qt.Key.Key_4: "C",
                        Qt.Key.Key_5: "D", Qt.Key.Key_0: NVT}
#: a finger on a tablet needs about 9 mm: 48 logical pixels
TARGET = 48
BELOW_TINT = "#fbe3e1"


def shown(value: str) -> str:
    """A column as the interface names it (n.v.t. is "n/a" in English)."""
    from schouw.ui.labels import not_applicable_label

    return not_applicable_label() if value == NVT else value


def _style(value: str, chosen: bool, norm: bool, below: bool) -> str:
    """The look of one cell: chosen in its level colour, the norm outlined thick,
    a level below the norm tinted red."""
    colours = theme.LEVEL_COLOURS.get(Level.parse(value)) if value != NVT else None
    if chosen:
        back, ink = colours if colours else (theme.MUTED, "#ffffff")
    else:
        back, ink = (BELOW_TINT, theme.BELOW) if below else (theme.SOFT, theme.INK)
    border = f"3px solid {theme.INK}" if norm else f"1px solid {theme.LINE}"
    return (f"QPushButton {{ background: {back}; color: {ink}; border: {border}; border-radius: 6px;"
            f" font-weight: {'bold' if chosen or norm else 'normal'}; }}"
            f" QPushButton:focus {{ border: 3px solid {theme.ACCENT}; }}")


class JudgeGrid(QWidget):
    """Rows of aspects × level buttons. ``judged(row, value)`` asks to record a value;
    ``finishRequested`` is Ctrl+Enter (finish the point)."""

    judged = Signal(int, str)
    finishRequested = Signal()
    currentRowChanged = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "judgeGrid", self.tr("Beoordeling per aspect"),
              self.tr("Toetsen 1 tot 5 kiezen A+ tot D, 0 kiest n.v.t.; Ctrl+Enter rondt het punt af"))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._layout = QGridLayout(self)
        self._layout.setHorizontalSpacing(6)
        self._layout.setVerticalSpacing(6)
        self.rows: list[JudgeRow] = []
        self.buttons: list[dict[str, QPushButton]] = []
        self.labels: list[QLabel] = []
        self.current = 0
        self._below: Callable[[JudgeRow, Level], bool] = lambda _row, _level: False
        for col, value in enumerate(COLUMNS):
            head = QLabel(shown(value), self)
            head.setAlignment(Qt.AlignmentFlag.AlignCenter)
            head.setFont(theme.font("fieldLabel"))
            self._layout.addWidget(head, 0, col + 1)
        self._layout.setColumnStretch(0, 1)

    # -- filling ----------------------------------------------------------------------------
    def set_rows(self, rows: list[JudgeRow], below: Callable[[JudgeRow, Level], bool],
                 current: int = 0) -> None:
        """Show the aspects of one point; ``below(row, level)`` is the norm rule for it."""
        self._below = below
        while len(self.buttons) > len(rows):
            for button in self.buttons.pop().values():
                button.deleteLater()
            self.labels.pop().deleteLater()
        while len(self.buttons) < len(rows):
            self._add_row(len(self.buttons))
        self.rows = list(rows)
        for index in range(len(rows)):
            self._paint_row(index)
        self.set_current(min(max(current, 0), max(len(rows) - 1, 0)))

    def _add_row(self, index: int) -> None:
        text = QLabel(self)
        text.setWordWrap(True)
        text.setMinimumHeight(TARGET)
        self._layout.addWidget(text, index + 1, 0)
        self.labels.append(text)
        cells: dict[str, QPushButton] = {}
        for col, value in enumerate(COLUMNS):
            button = QPushButton(shown(value), self)
            button.setObjectName(f"judge_{index}_{value.replace('+', 'plus').replace('.', '')}")
            button.setMinimumSize(TARGET + (16 if value == NVT else 0), TARGET)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the grid keeps the keys
            button.clicked.connect(lambda _c=False, r=index, v=value: self._clicked(r, v))
            self._layout.addWidget(button, index + 1, col + 1)
            cells[value] = button
        self.buttons.append(cells)

    def _paint_row(self, index: int) -> None:
        row = self.rows[index]
        norm = row.norm.value if row.norm is not None else None
        marker = "▶ " if index == self.current else ""
        norm_text = self.tr("norm {level}").format(level=norm) if norm else self.tr("geen norm")
        self.labels[index].setText(f"{marker}<b>{row.element_name}</b> – {row.aspect_name}"
                                   f"<br><span style='color:{theme.MUTED}'>{norm_text}</span>")
        for value, button in self.buttons[index].items():
            below = value != NVT and self._below(row, Level.parse(value))
            button.setStyleSheet(_style(value, row.value == value, value == norm, below))
            button.setProperty("norm", value == norm)
            button.setProperty("below", below)
            what = [f"{row.element_name} – {row.aspect_name}: {shown(value)}"]
            if value == norm:
                what.append(self.tr("norm"))
            if below:
                what.append(self.tr("onder norm"))
            if row.value == value:
                what.append(self.tr("gekozen"))
            button.setAccessibleName(", ".join(what))

    def update_row(self, index: int, value: str | None, finding_id: str | None) -> None:
        """One row's judgement changed (a key, a click, undo): repaint just that row."""
        if 0 <= index < len(self.rows):
            self.rows[index].value = value
            self.rows[index].finding_id = finding_id
            self._paint_row(index)

    # -- the current row and keys ---------------------------------------------------------------
    def set_current(self, index: int) -> None:
        if not self.rows:
            self.current = 0
            return
        old, self.current = self.current, min(max(index, 0), len(self.rows) - 1)
        if 0 <= old < len(self.rows) and old != self.current:
            self._paint_row(old)
        self._paint_row(self.current)
        self.currentRowChanged.emit(self.current)

    def _clicked(self, index: int, value: str) -> None:
        self.set_current(index)
        self.judged.emit(index, value)
        self.setFocus(Qt.FocusReason.OtherFocusReason)

    def _is_ours(self, event: QKeyEvent) -> bool:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return mods == Qt.KeyboardModifier.ControlModifier
        return event.key() in KEYS and mods == Qt.KeyboardModifier.NoModifier

    def event(self, event: QEvent) -> bool:
        # the window's level actions (1…5, 0) and Ctrl+Enter (street done) are shortcuts:
        # claim those keys while the grid has the focus, so they judge here instead
        if event.type() == QEvent.Type.ShortcutOverride and self._is_ours(event):  # type: ignore[arg-type]
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self._is_ours(event) and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finishRequested.emit()
        elif self._is_ours(event) and self.rows:
            self.judged.emit(self.current, KEYS[key])
        elif key == Qt.Key.Key_Down:
            self.set_current(self.current + 1)
        elif key == Qt.Key.Key_Up:
            self.set_current(self.current - 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()
