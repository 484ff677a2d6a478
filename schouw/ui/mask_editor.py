"""The mask editor: cover faces, number plates and house numbers on one photo.

The photo is shown as it is kept on the laptop (the master, never changed); masks are
drawn over it. Dragging over the photo draws a rectangle or an ellipse, dragging a mask
moves it, Delete takes the selected one away, and the arrow keys nudge it. Every change
is stored at once through :func:`schouw.services.photos.set_masks` (which re-makes the
thumbnail and report copy) and is one step on the app's undo stack, so Ctrl+Z works here
and in the main window alike.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPainterPath, QPen, QUndoCommand
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from schouw.photos.masks import FILL, Mask
from schouw.services import photos as photo_service
from schouw.services import walk
from schouw.ui import theme
from schouw.ui.session import Session
from schouw.ui.undo import SessionCommand
from schouw.ui.widgets import label, named, styled

_MERGE_NUDGE = 1004
# A drag shorter than this (screen pixels) is a click, not a new mask.
MIN_DRAG = 6
# One arrow-key press moves the selected mask by this fraction of the photo.
NUDGE = 0.01


class SetMasksCommand(SessionCommand):
    """The masks of one photo before and after an edit; nudges with the arrow keys
    merge into one step."""

    def __init__(self, session: Session, finding_id: str, photo_id: str, before: list[Mask],
                 after: list[Mask], text: str, merge: bool = False):
        super().__init__(session, text)
        self.finding_id = finding_id
        self.photo_id = photo_id
        self.before = list(before)
        self.after = list(after)
        self.merge = merge

    def id(self) -> int:
        return _MERGE_NUDGE if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetMasksCommand) or not other.merge or other.photo_id != self.photo_id:
            return False
        self.after = list(other.after)
        return True

    def _set(self, masks: list[Mask]) -> None:
        s = self.session
        if s.run(photo_service.set_masks, s.project, self.photo_id, masks) is None:
            return  # the photo is gone; ``failed`` has told the user
        s.photosChanged.emit(self.finding_id)
        s.reveal.emit(s._street_of(self.finding_id), self.finding_id)

    def undo(self) -> None:
        self._set(self.before)

    def apply(self) -> None:
        self._set(self.after)


class MaskCanvas(QWidget):
    """The photo scaled to fit, with its masks; mouse and keys edit them. Emits the whole
    new list of masks for each finished edit and leaves storing it to the dialog."""

    # (new masks, undo text, merge with the previous nudge)
    masksEdited = Signal(list, str, bool)
    selectionChanged = Signal()

    def __init__(self, image: QImage, parent: QWidget | None = None):
        super().__init__(parent)
        self.image = image
        self.masks: list[Mask] = []
        self.selected: int | None = None
        self.shape = "rect"
        self._press: QPointF | None = None
        self._draft: Mask | None = None  # the mask being drawn or moved
        self._moving = False
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setMinimumSize(320, 240)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    # -- geometry ------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        return QSize(960, 640)

    def image_rect(self) -> QRectF:
        """Where the photo is drawn: as large as fits, centred."""
        w, h = max(1, self.image.width()), max(1, self.image.height())
        scale = min(self.width() / w, self.height() / h)
        dw, dh = w * scale, h * scale
        return QRectF((self.width() - dw) / 2, (self.height() - dh) / 2, dw, dh)

    def to_fraction(self, pos: QPointF) -> QPointF:
        r = self.image_rect()
        return QPointF(min(1.0, max(0.0, (pos.x() - r.x()) / r.width())),
                       min(1.0, max(0.0, (pos.y() - r.y()) / r.height())))

    def mask_rect(self, mask: Mask) -> QRectF:
        r = self.image_rect()
        return QRectF(r.x() + mask.x * r.width(), r.y() + mask.y * r.height(),
                      mask.w * r.width(), mask.h * r.height())

    def point_of(self, fx: float, fy: float) -> QPointF:
        """The widget point of a place on the photo (tests drive the mouse with it)."""
        r = self.image_rect()
        return QPointF(r.x() + fx * r.width(), r.y() + fy * r.height())

    def _path(self, mask: Mask) -> QPainterPath:
        path = QPainterPath()
        (path.addEllipse if mask.shape == "ellipse" else path.addRect)(self.mask_rect(mask))
        return path

    def mask_at(self, pos: QPointF) -> int | None:
        for i in range(len(self.masks) - 1, -1, -1):  # the topmost (last drawn) first
            if self._path(self.masks[i]).contains(pos):
                return i
        return None

    # -- state ---------------------------------------------------------------------------
    def set_masks(self, masks: list[Mask]) -> None:
        self.masks = list(masks)
        if self.selected is not None and self.selected >= len(self.masks):
            self.selected = len(self.masks) - 1 if self.masks else None
        self.update()
        self.selectionChanged.emit()

    def select(self, index: int | None) -> None:
        if index != self.selected:
            self.selected = index
            self.update()
            self.selectionChanged.emit()

    def delete_selected(self) -> None:
        if self.selected is None:
            return
        masks = [m for i, m in enumerate(self.masks) if i != self.selected]
        self.selected = None
        self.masksEdited.emit(masks, self.tr("Masker verwijderen"), False)
        self.selectionChanged.emit()

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        painter.fillRect(self.rect(), QColor(theme.INK))
        painter.drawImage(self.image_rect(), self.image)
        fill = QColor(*FILL)
        fill.setAlpha(225)  # nearly the burnt-in look, with a hint of what is covered
        shown = list(enumerate(self.masks))
        if self._draft is not None:
            if self._moving and self.selected is not None:
                shown[self.selected] = (self.selected, self._draft)
            else:
                shown.append((-1, self._draft))
        for i, mask in shown:
            chosen = i == self.selected or i == -1
            pen = QPen(QColor("#ffd400") if chosen else QColor("#ffffff"), 3 if chosen else 1.5)
            if chosen:
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawPath(self._path(mask))
        painter.end()

    # -- mouse and keys ------------------------------------------------------------------
    def mousePressEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        pos = event.position()
        hit = self.mask_at(pos)
        self._press = pos
        self._moving = hit is not None
        self._draft = None
        self.select(hit)

    def mouseMoveEvent(self, event) -> None:
        if self._press is None:
            cursor = Qt.CursorShape.SizeAllCursor if self.mask_at(event.position()) is not None \
                else Qt.CursorShape.CrossCursor
            self.setCursor(cursor)
            return
        self._drag_to(event.position())

    def _drag_to(self, pos: QPointF) -> None:
        """The draft for a drag from the press to ``pos``: the selected mask moved (kept
        inside the photo), or a new mask spanning the two points."""
        a, b = self.to_fraction(self._press), self.to_fraction(pos)
        if self._moving and self.selected is not None:
            m = self.masks[self.selected]
            x = min(max(0.0, m.x + b.x() - a.x()), 1.0 - m.w)
            y = min(max(0.0, m.y + b.y() - a.y()), 1.0 - m.h)
            self._draft = replace(m, x=x, y=y)
        else:
            w, h = abs(b.x() - a.x()), abs(b.y() - a.y())
            self._draft = Mask(min(a.x(), b.x()), min(a.y(), b.y()), w, h, self.shape) if w > 0 and h > 0 else None
        self.update()

    def mouseReleaseEvent(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return super().mouseReleaseEvent(event)
        self._drag_to(event.position())
        draft, moving, press = self._draft, self._moving, self._press
        self._press, self._draft, self._moving = None, None, False
        self.update()
        if draft is None:
            return
        if moving and self.selected is not None:
            if draft != self.masks[self.selected]:
                masks = list(self.masks)
                masks[self.selected] = draft
                self.masksEdited.emit(masks, self.tr("Masker verplaatsen"), False)
            return
        r = self.mask_rect(draft)
        if r.width() < MIN_DRAG or r.height() < MIN_DRAG or (event.position() - press).manhattanLength() < MIN_DRAG:
            return
        self.selected = len(self.masks)
        self.masksEdited.emit([*self.masks, draft], self.tr("Masker tekenen"), False)
        self.selectionChanged.emit()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete_selected()
            return
        if key == Qt.Key.Key_Escape and self._press is not None:
            self._press, self._draft, self._moving = None, None, False
            self.update()
            return
        steps = {Qt.Key.Key_Left: (-NUDGE, 0), Qt.Key.Key_Right: (NUDGE, 0),
                 Qt.Key.Key_Up: (0, -NUDGE), Qt.Key.Key_Down: (0, NUDGE)}
        if key in steps and self.selected is not None:
            dx, dy = steps[key]
            m = self.masks[self.selected]
            moved = replace(m, x=min(max(0.0, m.x + dx), 1.0 - m.w), y=min(max(0.0, m.y + dy), 1.0 - m.h))
            if moved != m:
                masks = list(self.masks)
                masks[self.selected] = moved
                self.masksEdited.emit(masks, self.tr("Masker verplaatsen"), True)
            return
        super().keyPressEvent(event)


class MaskEditor(QDialog):
    """One photo's masks: shape choice, undo/redo, delete, and the canvas."""

    def __init__(self, session: Session, finding_id: str, photo_id: str, title: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.finding_id = finding_id
        self.photo_id = photo_service.find_photo(session.project, photo_id).id
        heading = self.tr("Maskeren: {name}").format(name=title) if title else self.tr("Maskeren")
        named(self, "maskEditor", heading)
        self.setWindowTitle(heading)
        image = QImage()
        image.loadFromData(walk.photo_image(session.project, self.photo_id) or b"")
        self.canvas = named(MaskCanvas(image, self), "maskCanvas", self.tr("Foto met maskers"),
                            self.tr("Sleep om een masker te tekenen, sleep een masker om het te verplaatsen, "
                                    "Delete haalt het geselecteerde masker weg, pijltjes schuiven het op."))
        self.canvas.masksEdited.connect(self._edited)
        self.canvas.selectionChanged.connect(self._update_buttons)
        session.photosChanged.connect(self._photos_changed)

        self.rect_button = named(QPushButton(self.tr("Rechthoek"), self), "maskShapeRect",
                                 self.tr("Nieuwe maskers als rechthoek"))
        self.ellipse_button = named(QPushButton(self.tr("Ellips"), self), "maskShapeEllipse",
                                    self.tr("Nieuwe maskers als ellips"))
        shapes = QButtonGroup(self)
        for button, shape in ((self.rect_button, "rect"), (self.ellipse_button, "ellipse")):
            styled(button, "segment")
            button.setCheckable(True)
            shapes.addButton(button)
            button.toggled.connect(lambda on, s=shape: on and self.set_shape(s))
        self.rect_button.setChecked(True)
        self.delete_button = named(QPushButton(self.tr("Masker weg"), self), "maskDelete",
                                   self.tr("Geselecteerd masker verwijderen"))
        self.delete_button.clicked.connect(self.canvas.delete_selected)
        stack = session.undo_stack
        self.undo_button = named(QPushButton(self.tr("Ongedaan maken"), self), "maskUndo",
                                 self.tr("Laatste wijziging ongedaan maken"))
        self.redo_button = named(QPushButton(self.tr("Opnieuw"), self), "maskRedo",
                                 self.tr("Ongedaan gemaakte wijziging opnieuw doen"))
        self.undo_button.clicked.connect(stack.undo)
        self.redo_button.clicked.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo_button.setEnabled)
        stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(stack.canUndo())
        self.redo_button.setEnabled(stack.canRedo())
        for action, keys in ((stack.createUndoAction(self), QKeySequence.StandardKey.Undo),
                             (stack.createRedoAction(self), QKeySequence.StandardKey.Redo)):
            action.setShortcut(keys)
            self.addAction(action)
        close = named(QPushButton(self.tr("Klaar"), self), "maskClose", self.tr("Maskeren sluiten"))
        close.clicked.connect(self.accept)

        tools = QHBoxLayout()
        for widget in (self.rect_button, self.ellipse_button, self.delete_button, self.undo_button,
                       self.redo_button):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(close)
        hint = label(self.tr("Sleep over gezichten, kentekens en huisnummers om ze te bedekken. De foto op deze "
                             "laptop blijft zoals hij is; elke kopie die weggaat (export, rapport, melding) "
                             "krijgt de maskers ingebrand."), "muted")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(hint)
        layout.addWidget(self.canvas, 1)
        self._reload()
        self.canvas.setFocus()

    def set_shape(self, shape: str) -> None:
        """The shape of masks drawn from now on; a selected mask takes it too."""
        self.canvas.shape = shape
        index = self.canvas.selected
        if index is not None and self.canvas.masks[index].shape != shape:
            masks = list(self.canvas.masks)
            masks[index] = replace(masks[index], shape=shape)
            self._edited(masks, self.tr("Maskervorm wijzigen"), False)

    def masks(self) -> list[Mask]:
        """The masks as stored now."""
        photo = self.session.project.photos.get(self.photo_id)
        return photo_service.masks_of(photo) if photo else []

    def _reload(self) -> None:
        self.canvas.set_masks(self.masks())
        self._update_buttons()

    def _update_buttons(self) -> None:
        index = self.canvas.selected
        self.delete_button.setEnabled(index is not None)
        if index is not None:  # the shape buttons show the selected mask's shape
            shape = self.canvas.masks[index].shape
            (self.ellipse_button if shape == "ellipse" else self.rect_button).setChecked(True)

    def _edited(self, masks: list, text: str, merge: bool) -> None:
        before = self.masks()
        stored = self.session.run(photo_service.set_masks, self.session.project, self.photo_id, masks)
        if stored is not None:
            after = photo_service.masks_of(stored)
            self.session.undo_stack.push(SetMasksCommand(self.session, self.finding_id, self.photo_id,
                                                         before, after, text, merge))
            self.session.photosChanged.emit(self.finding_id)
        self._reload()

    def _photos_changed(self, finding_id: str) -> None:
        if finding_id == self.finding_id:
            self._reload()

    def done(self, result: int) -> None:
        try:
            self.session.photosChanged.disconnect(self._photos_changed)
        except (RuntimeError, TypeError):
            pass
        super().done(result)


def open_mask_editor(session: Session, finding_id: str, photo_id: str, title: str,
                     parent: QWidget | None = None) -> MaskEditor:
    """Open the editor as a window-modal dialog, sized to most of the screen."""
    editor = MaskEditor(session, finding_id, photo_id, title, parent)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    screen = editor.screen().availableGeometry() if editor.screen() else None
    if screen is not None:
        editor.resize(int(screen.width() * 0.8), int(screen.height() * 0.85))
    editor.open()
    return editor
