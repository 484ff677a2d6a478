"""The editor for one finding: item, level, place, text, priority, action and photos.

Everything is saved as it is typed: a button or choice is stored at once, text after a
pause of 300 ms, and any pending text when the field loses focus, another finding is
chosen or the window closes. Each change is one step on the undo stack.

"Naar de gemeente sturen" puts the finding in the MOR outbox (and takes it out again
while nothing was attempted); it is a step on the undo stack like any other change.
Setting the action's party lets the chosen sync profile's rule queue the finding in the
same transaction, and undoing that change takes both back in one step. "Opnieuw
proberen" of a failed report is not an edit and is not undone.
"""

from __future__ import annotations

import html
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QIcon,
    QImage,
    QKeySequence,
    QPainter,
    QPen,
    QPixmap,
    QUndoCommand,
)
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from schouw.domain.findings import allows_priority_and_action
from schouw.domain.levels import NOT_APPLICABLE, Level
from schouw.services import sync as sync_service
from schouw.services import walk
from schouw.ui import camera, labels, theme
from schouw.ui.first_paint import after_first_paint
from schouw.ui.session import Session
from schouw.ui.undo import SessionCommand
from schouw.ui.widgets import ButtonBar, label, named, styled
from schouw.ui.workers import PhotoImportTask, start_task

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".heic", ".heif", ".tif", ".tiff", ".bmp"}
NO_DATE = QDate(2000, 1, 1)
TIMES_OF_DAY = ["", "ochtend", "middag", "avond", "nacht"]

_scratch: tempfile.TemporaryDirectory | None = None


def scratch_dir() -> Path:
    """A folder for pasted and camera images until they are stored in the project."""
    global _scratch
    if _scratch is None:
        _scratch = tempfile.TemporaryDirectory(prefix="schouw-")
    return Path(_scratch.name)


class LevelButton(QPushButton):
    """A finger-sized level button: the big letter, and the profile's label under it."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__("", parent)
        self.setProperty("main", text)
        self.setProperty("sub", "")

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        width = max(int(metrics.horizontalAdvance(self.property("main") or "") * 1.5) + 20, 58)
        return QSize(width, max(60, metrics.height() * 3 + 8))

    def minimumSizeHint(self) -> QSize:
        return QSize(44, max(56, self.fontMetrics().height() * 3 + 4))

    def paintEvent(self, event) -> None:
        main = self.property("main") or ""
        sub = self.property("sub") or ""
        key = self.property("key")
        style_key = self.property("styleKey")
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        frame = self.rect().adjusted(2, 2, -2, -2)
        if self.isChecked():
            colours = theme.LEVEL_COLOURS.get(Level.parse(key) if key in _LEVEL_KEYS else
                                              ("n.v.t." if style_key == "nvt" else "choice"))
            background, ink = QColor(colours[0]), QColor(colours[1])
            border = QColor(theme.INK)
        else:
            background = QColor("#e8eef5" if self.isDown() or self.underMouse() else "#ffffff")
            ink = QColor(theme.INK)
            border = QColor("#7d8792")
        if not self.isEnabled():
            ink, border = QColor("#7a838c"), QColor("#c3cad2")
        pen = QPen(border, 2)
        if self.property("norm"):
            pen = QPen(QColor(theme.INK), 3, Qt.PenStyle.DashLine)
        if self.hasFocus():
            pen = QPen(QColor(theme.ACCENT), 4)
        painter.setPen(pen)
        painter.setBrush(background)
        painter.drawRoundedRect(frame, 8, 8)
        painter.setPen(ink)
        rect = self.rect().adjusted(4, 5, -4, -5)
        font = self.font()
        font.setBold(True)
        font.setPointSizeF(self.font().pointSizeF() * 1.5)
        if sub:
            top = rect.adjusted(0, 0, 0, -rect.height() * 2 // 5)
            bottom = rect.adjusted(0, rect.height() * 3 // 5, 0, 0)
            painter.setFont(font)
            painter.drawText(top, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, main)
            small = self.font()
            small.setPointSizeF(max(7.0, self.font().pointSizeF() * 0.8))
            # a narrow button ("zeer hoog" at 125 %) takes a smaller font before it cuts the label
            while QFontMetrics(small).horizontalAdvance(sub) > rect.width() and small.pointSizeF() > 7.0:
                small.setPointSizeF(max(7.0, small.pointSizeF() - 0.5))
            painter.setFont(small)
            text = painter.fontMetrics().elidedText(sub, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(bottom, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, text)
        else:
            painter.setFont(font)
            if painter.fontMetrics().horizontalAdvance(main) > rect.width():
                font.setPointSizeF(self.font().pointSizeF())
                painter.setFont(font)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, main)
        painter.end()


_LEVEL_KEYS = {lv.value for lv in Level}


class LevelBar(ButtonBar):
    def make_button(self, text: str) -> QPushButton:
        return LevelButton(text, self)


class PhotoViewer(QDialog):
    def __init__(self, data: bytes, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "photoViewer", title)
        self.setWindowTitle(title)
        pixmap = QPixmap()
        pixmap.loadFromData(data)
        view = QLabel(self)
        view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        screen = self.screen().availableGeometry() if self.screen() else None
        max_size = QSize(int(screen.width() * 0.8), int(screen.height() * 0.8)) if screen else QSize(1200, 800)
        view.setPixmap(pixmap.scaled(max_size, Qt.AspectRatioMode.KeepAspectRatio,
                                     Qt.TransformationMode.SmoothTransformation))
        layout = QVBoxLayout(self)
        layout.addWidget(view)
        close = named(QPushButton(self.tr("Sluiten"), self), "photoViewerClose", self.tr("Sluiten"))
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)


_MERGE_ACTION_RULE = 1003


class _MorCommand(SessionCommand):
    """Pushed after the change was made, like every command in undo.py."""

    def __init__(self, session: Session, finding_id: str, text: str):
        super().__init__(session, text)
        self.finding_id = finding_id

    def _shown(self) -> None:
        s = self.session
        s.findingEdited.emit(self.finding_id)
        s.reveal.emit(s._street_of(self.finding_id), self.finding_id)


class MarkForSendingCommand(_MorCommand):
    """The "Naar de gemeente sturen" toggle. Undo takes the finding out again only while
    nothing was attempted for it; a report that went stays sent (the status says so)."""

    def __init__(self, session: Session, finding_id: str, mark: bool, reason: str, text: str):
        super().__init__(session, finding_id, text)
        self.mark = mark
        self.reason = reason

    def _set(self, on: bool) -> None:
        s = self.session
        with s.write():
            if on:
                sync_service.queue_again(s.project, self.finding_id, self.reason)
            else:
                sync_service.unmark(s.project, self.finding_id)
        self._shown()

    def apply(self) -> None:
        self._set(self.mark)

    def undo(self) -> None:
        self._set(not self.mark)


class ActionRuleCommand(_MorCommand):
    """The action's party and due date together with what the sync profile's rule did
    about them (queued the finding, or took out what it had queued): one undo step,
    one transaction each way. Typing in the party field merges into one step."""

    def __init__(self, session: Session, finding_id: str, before: tuple, after: tuple,
                 queued: tuple[bool, bool] | None, text: str):
        super().__init__(session, finding_id, text)
        self.before = before
        self.after = after
        self.queued = queued  # (in the outbox by the rule before, after), or None: untouched

    def id(self) -> int:
        return _MERGE_ACTION_RULE

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, ActionRuleCommand) or other.finding_id != self.finding_id:
            return False
        if other.after[0] != self.after[0] or other.after[2] != self.after[2] or not other.after[0]:
            return False
        self.after = other.after
        if other.queued is not None:
            self.queued = other.queued if self.queued is None else (self.queued[0], other.queued[1])
            if self.queued[0] == self.queued[1]:
                self.queued = None
        if self.after == self.before and self.queued is None:
            self.setObsolete(True)
        return True

    def _set(self, values: tuple, queued: bool | None) -> None:
        s = self.session
        wanted, party, due = values
        with s.write():
            walk.set_action(s.project, self.finding_id, wanted=wanted, party=party or "", due=due)
            if queued is not None:
                sync_service.set_auto_queued(s.project, self.finding_id, queued)
        self._shown()

    def undo(self) -> None:
        self._set(self.before, None if self.queued is None else self.queued[0])

    def apply(self) -> None:
        self._set(self.after, None if self.queued is None else self.queued[1])


class FindingEditor(QWidget):
    #: whether typed text is waiting to be saved
    pendingChanged = Signal(bool)
    #: something to tell the user (text, is_error)
    notice = Signal(str, bool)
    #: a photo import finished (finding id, number of photos added)
    importFinished = Signal(str, int)
    #: the user wants this finding deleted
    deleteRequested = Signal()
    #: something changed in the MOR outbox (queued, taken out, retried)
    outboxChanged = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        named(self, "findingEditor", self.tr("Bevinding bewerken"))
        self.session = session
        self.finding_id: str | None = None
        self.street_id: str | None = None
        self._detail: walk.FindingDetail | None = None
        self._loading = False
        self._pending: dict[str, Any] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.flush)
        self.tasks: list[PhotoImportTask] = []
        self.keep_original = False
        self.sync_profile, self.sync_problem = sync_service.chosen_profile()
        self.setAcceptDrops(True)
        self._build()
        session.findingEdited.connect(self._on_finding_edited)
        session.photosChanged.connect(self._on_photos_changed)
        session.roundChanged.connect(self._on_round_changed)
        self._on_round_changed()

    # -- building ----------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack)

        empty = QWidget(self)
        empty_layout = QVBoxLayout(empty)
        self.empty_label = label(self.tr("Kies links een bevinding, of druk op Ctrl+N voor een nieuwe."),
                                 "placeholder", empty)
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_label)
        empty_layout.addStretch(2)
        self.stack.addWidget(empty)

        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)
        white = scroll.palette()
        white.setColor(white.ColorRole.Window, QColor(theme.PANEL))
        scroll.setPalette(white)
        scroll.viewport().setPalette(white)
        body.setPalette(white)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.stack.addWidget(scroll)
        self.scroll = scroll
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 10, 4)
        layout.setSpacing(5)

        head = QHBoxLayout()
        self.title = label(self.tr("Bevinding"), "panelTitle")
        self.title.setWordWrap(True)  # a long street name takes a second line, it is not cut
        head.addWidget(self.title, 1)
        self.delete_button = styled(named(QPushButton(self.tr("Verwijderen"), self), "deleteFinding",
                                          self.tr("Bevinding verwijderen")), role="danger")
        self.delete_button.setToolTip(self.tr("Bevinding verwijderen (Ctrl+Delete); Ctrl+Z haalt haar terug"))
        self.delete_button.clicked.connect(self.deleteRequested)
        head.addWidget(self.delete_button)
        layout.addLayout(head)

        # item
        layout.addWidget(label(self.tr("Onderdeel"), "fieldLabel"))
        self.element_combo = named(QComboBox(self), "elementCombo", self.tr("Element"))
        self.element_combo.setMaxVisibleItems(20)
        self.aspect_combo = named(QComboBox(self), "aspectCombo", self.tr("Aspect"))
        self.element_combo.activated.connect(self._element_chosen)
        self.aspect_combo.activated.connect(self._aspect_chosen)
        layout.addWidget(self.element_combo)
        layout.addWidget(self.aspect_combo)

        # level
        level_head = QHBoxLayout()
        self.level_title = label(self.tr("Niveau"), "fieldLabel")
        level_head.addWidget(self.level_title)
        level_head.addStretch(1)
        self.norm_label = label("", "muted")
        self.norm_label.setObjectName("normLabel")
        level_head.addWidget(self.norm_label)
        # the CROW descriptions of every level take a third of a small screen: by default
        # one level is described (pointed at, chosen, or the norm); this opens them all
        self.help_toggle = named(QToolButton(self), "levelHelpToggle", self.tr("Alle niveaus beschrijven"))
        self.help_toggle.setText(self.tr("Alle niveaus"))
        self.help_toggle.setCheckable(True)
        self.help_toggle.setToolTip(self.tr("De CROW-beschrijving van elk niveau tonen of verbergen"))
        self.help_toggle.toggled.connect(lambda _on: self._show_help())
        level_head.addWidget(self.help_toggle)
        layout.addLayout(level_head)
        self.level_bar = LevelBar("levelButtons", self.tr("Niveau"), parent=self)
        self.level_bar.chosen.connect(self._level_chosen)
        layout.addWidget(self.level_bar)
        self.choice_bar = LevelBar("choiceButtons", self.tr("Keuze"), parent=self)
        self.choice_bar.chosen.connect(self._choice_chosen)
        layout.addWidget(self.choice_bar)
        self.no_level_label = label(self.tr("Waarneming zonder niveau: beschrijf wat u ziet."), "muted")
        layout.addWidget(self.no_level_label)
        self.help_label = label("", "help")
        self.help_label.setObjectName("levelHelp")
        self.help_label.setWordWrap(True)
        self.help_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.help_label)
        self._help_for: tuple = (None, None, None)  # aspect, finding, norm of the help shown
        self._hover_level: Level | None = None

        # photos
        photo_head = QHBoxLayout()
        self.photo_title = label(self.tr("Foto's"), "fieldLabel")
        photo_head.addWidget(self.photo_title)
        photo_head.addStretch(1)
        layout.addLayout(photo_head)
        self.photo_list = named(QListWidget(self), "photoStrip", self.tr("Foto's van deze bevinding"))
        self.photo_list.setViewMode(QListView.ViewMode.IconMode)
        self.photo_list.setIconSize(QSize(132, 99))
        self.photo_list.setFlow(QListView.Flow.LeftToRight)
        self.photo_list.setWrapping(False)  # one strip, scrolling sideways
        self.photo_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.photo_list.setMovement(QListView.Movement.Static)
        self.photo_list.setSpacing(4)
        self.photo_list.setHorizontalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.photo_list.setFixedHeight(99 + theme.line_height() + 44)
        self.photo_list.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.photo_list.itemActivated.connect(self._open_photo)
        self.photo_list.installEventFilter(self)
        self.photo_list.currentRowChanged.connect(lambda _r: self._update_photo_buttons())
        layout.addWidget(self.photo_list)
        self.photo_hint = label(self.tr("Sleep foto's hierheen, plak ze (Ctrl+Shift+V) of kies een bestand."),
                                "muted")
        self.photo_hint.setWordWrap(True)
        layout.addWidget(self.photo_hint)
        photo_buttons = QHBoxLayout()
        self.add_photo_button = named(QPushButton(self.tr("Foto toevoegen…"), self), "addPhoto",
                                      self.tr("Foto toevoegen uit bestand"))
        self.paste_photo_button = named(QPushButton(self.tr("Plakken"), self), "pastePhoto",
                                        self.tr("Foto plakken van het klembord"))
        self.camera_button = named(QPushButton(self.tr("Camera"), self), "cameraButton",
                                   self.tr("Foto maken met de camera"))
        self.remove_photo_button = named(QPushButton(self.tr("Foto weg"), self), "removePhoto",
                                         self.tr("Gekozen foto verwijderen"))
        self.add_photo_button.setToolTip(self.photo_hint.text())
        self.add_photo_button.clicked.connect(self.choose_photos)
        self.paste_photo_button.clicked.connect(self.paste_photo)
        self.camera_button.clicked.connect(self.open_camera)
        self.remove_photo_button.clicked.connect(self.remove_photo)
        self.mask_photo_button = named(QPushButton(self.tr("Maskeren…"), self), "maskPhoto",
                                       self.tr("Gezichten en kentekens op de gekozen foto bedekken"))
        self.mask_photo_button.clicked.connect(self.mask_photo)
        # asking for a camera loads QtMultimedia: after the window's first paint (issue 20)
        self.camera_button.setVisible(False)
        after_first_paint(self, lambda: self.camera_button.setVisible(camera.available()))
        for button in (self.add_photo_button, self.paste_photo_button, self.camera_button,
                       self.remove_photo_button, self.mask_photo_button):
            photo_buttons.addWidget(button)
        photo_buttons.addStretch(1)
        layout.addLayout(photo_buttons)
        progress_row = QHBoxLayout()
        self.progress = named(QProgressBar(self), "photoProgress", self.tr("Voortgang foto-import"))
        self.progress.setFormat(self.tr("Foto %v van %m"))
        self.cancel_button = named(QPushButton(self.tr("Annuleren"), self), "cancelImport",
                                   self.tr("Foto-import annuleren"))
        self.cancel_button.clicked.connect(self.cancel_imports)
        progress_row.addWidget(self.progress, 1)
        progress_row.addWidget(self.cancel_button)
        self.progress_row = QWidget(self)
        self.progress_row.setLayout(progress_row)
        self.progress_row.setVisible(False)
        layout.addWidget(self.progress_row)
        # place and text
        form = QGridLayout()
        form.setHorizontalSpacing(8)
        form.setVerticalSpacing(4)
        self.number_edit = named(QLineEdit(self), "houseNumber", self.tr("Huisnummer"))
        self.number_edit.setPlaceholderText(self.tr("bijv. 12a"))
        self.number_edit.setMaximumWidth(110)
        self.spot_edit = named(QLineEdit(self), "spot", self.tr("Plek"))
        self.spot_edit.setPlaceholderText(self.tr("bijv. bij de speeltuin"))
        # one row with the labels beside the fields: the rows saved keep the description
        # and the action in sight on a small screen
        form.addWidget(label(self.tr("Huisnr."), "fieldLabel"), 0, 0)
        form.addWidget(self.number_edit, 0, 1)
        form.addWidget(label(self.tr("Plek"), "fieldLabel"), 0, 2)
        form.addWidget(self.spot_edit, 0, 3)
        form.setColumnStretch(3, 1)
        layout.addLayout(form)
        self.time_row = QWidget(self)
        time_layout = QHBoxLayout(self.time_row)
        time_layout.setContentsMargins(0, 0, 0, 0)
        time_layout.addWidget(label(self.tr("Tijdstip"), "fieldLabel"))
        self.time_combo = named(QComboBox(self), "timeOfDay", self.tr("Tijdstip"))
        self.time_combo.setEditable(True)
        self.time_combo.addItems(TIMES_OF_DAY)
        self.time_combo.activated.connect(lambda _i: self._queue("time_of_day", self.time_combo.currentText(),
                                                                 now=True))
        self.time_combo.lineEdit().textEdited.connect(lambda text: self._queue("time_of_day", text))
        time_layout.addWidget(self.time_combo, 1)
        layout.addWidget(self.time_row)

        # the remark is free text and may name people: it only goes into the
        # terugkoppeling for residents when the coordinator ticks this (beside the label,
        # so the editor grows neither wider nor taller)
        text_row = QHBoxLayout()
        text_row.addWidget(label(self.tr("Omschrijving"), "fieldLabel"))
        text_row.addStretch(1)
        self.publish_check = named(QCheckBox(self.tr("Opmerking mag naar bewoners"), self), "publishRemark",
                                   self.tr("Opmerking mag naar bewoners"),
                                   self.tr("De omschrijving komt in de terugkoppeling voor bewoners"))
        self.publish_check.toggled.connect(self._publish_toggled)
        text_row.addWidget(self.publish_check)
        layout.addLayout(text_row)
        self.text_edit = named(QPlainTextEdit(self), "description", self.tr("Omschrijving"))
        self.text_edit.setPlaceholderText(self.tr("Wat ziet u, en wat moet er gebeuren?"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setMinimumHeight(64)
        self.text_edit.setMaximumHeight(64)
        layout.addWidget(self.text_edit)

        prio = QHBoxLayout()
        prio.addWidget(label(self.tr("Prioriteit"), "fieldLabel"))
        self.priority_bar = ButtonBar("priorityButtons", self.tr("Prioriteit"), big=False, parent=self)
        self.priority_bar.set_options([(key, labels.priority_label(key),
                                        self.tr("Prioriteit {p}").format(p=labels.priority_label(key)), "")
                                       for key in labels.priority_keys()])
        self.priority_bar.chosen.connect(self._priority_chosen)
        prio.addWidget(self.priority_bar, 1)
        layout.addLayout(prio)

        # action
        self.action_box = named(QGroupBox(self.tr("Actiepunt"), self), "actionBox", self.tr("Actiepunt"))
        self.action_box.setCheckable(True)
        self.action_box.setChecked(False)
        self.action_box.toggled.connect(self._action_toggled)
        # who and when on one row: the group's title says what they are for
        action_form = QHBoxLayout(self.action_box)
        self.party_combo = named(QComboBox(self), "actionParty", self.tr("Actiehouder"))
        self.party_combo.setEditable(True)
        self.party_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.party_combo.lineEdit().setPlaceholderText(self.tr("wie pakt het op?"))
        self.party_combo.lineEdit().textEdited.connect(lambda _t: self._queue_action())
        self.party_combo.activated.connect(lambda _i: self._queue_action(now=True))
        self.due_edit = named(QDateEdit(self), "actionDue", self.tr("Uiterlijk klaar op"))
        self.due_edit.setCalendarPopup(True)
        self.due_edit.setMinimumDate(NO_DATE)
        self.due_edit.setSpecialValueText(self.tr("geen datum"))
        self.due_edit.setDisplayFormat("d-M-yyyy")
        self.due_edit.dateChanged.connect(lambda _d: self._queue_action())
        action_form.addWidget(self.party_combo, 1)
        action_form.addWidget(label(self.tr("uiterlijk"), "fieldLabel"))
        action_form.addWidget(self.due_edit)
        layout.addWidget(self.action_box)
        # the status set by hand and its history (issue #15): a module of its own
        from schouw.ui.action_status import ActionStatusPanel

        self.action_status = ActionStatusPanel(self.session, None, self)
        layout.addWidget(self.action_status)

        # the municipality's MOR system
        self.mor_box = named(QGroupBox(self.tr("Melding aan de gemeente"), self), "morBox",
                             self.tr("Melding aan de gemeente"))
        mor_layout = QVBoxLayout(self.mor_box)
        mor_layout.setSpacing(4)
        self.send_check = named(QCheckBox(self.tr("Naar de gemeente sturen"), self), "sendToMunicipality",
                                self.tr("Naar de gemeente sturen"),
                                self.tr("Zet deze bevinding in de wachtrij voor het meldsysteem van de gemeente"))
        self.send_check.clicked.connect(self._send_clicked)
        mor_layout.addWidget(self.send_check, 0, Qt.AlignmentFlag.AlignLeft)
        status_row = QHBoxLayout()
        self.mor_status = label("", "fieldLabel")
        named(self.mor_status, "morStatus", self.tr("Status bij de gemeente"))
        self.mor_status.setWordWrap(True)
        self.mor_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        status_row.addWidget(self.mor_status, 1)
        self.mor_retry_button = named(QPushButton(self.tr("Opnieuw proberen"), self), "morRetry",
                                      self.tr("Opnieuw proberen te versturen"),
                                      self.tr("Zet de mislukte melding terug in de wachtrij"))
        self.mor_retry_button.clicked.connect(self.retry_sending)
        status_row.addWidget(self.mor_retry_button, 0, Qt.AlignmentFlag.AlignTop)
        mor_layout.addLayout(status_row)
        self.mor_detail = label("", "muted")
        named(self.mor_detail, "morDetail", self.tr("Toelichting bij de melding"))
        self.mor_detail.setWordWrap(True)
        mor_layout.addWidget(self.mor_detail)
        layout.addWidget(self.mor_box)

        layout.addStretch(1)

        for edit, field_name in ((self.number_edit, "house_number"), (self.spot_edit, "spot")):
            edit.textEdited.connect(lambda text, f=field_name: self._queue(f, text))
            edit.editingFinished.connect(self.flush)
            # Enter saves the field and goes on to the next one, as on a paper form
            edit.returnPressed.connect(self.focusNextChild)
        self.text_edit.textChanged.connect(self._text_changed)
        for widget in (self.text_edit, self.party_combo, self.party_combo.lineEdit(), self.due_edit,
                       self.time_combo, self.time_combo.lineEdit()):
            widget.installEventFilter(self)

        height = theme.line_height() + 16  # big enough for a finger
        for widget in (self.element_combo, self.aspect_combo, self.number_edit, self.spot_edit, self.time_combo,
                       self.party_combo, self.due_edit):
            widget.setMinimumHeight(height)
        pal = self.photo_list.palette()
        pal.setColor(pal.ColorRole.Base, QColor(theme.SOFT))
        self.photo_list.setPalette(pal)
        chain = [self.element_combo, self.aspect_combo, self.level_bar, self.choice_bar, self.add_photo_button,
                 self.paste_photo_button, self.camera_button, self.remove_photo_button, self.mask_photo_button,
                 self.photo_list,
                 self.number_edit, self.spot_edit, self.time_combo, self.text_edit, self.publish_check,
                 self.priority_bar, self.action_box, self.party_combo, self.due_edit, self.send_check, self.mor_retry_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.stack.setCurrentIndex(0)

    # -- round and finding ------------------------------------------------------------------
    def _on_round_changed(self) -> None:
        self.load(None)
        ctx = self.session.ctx
        self.element_combo.clear()
        if ctx is None:
            return
        model = self.element_combo.model()
        group = None
        for element in ctx.form.elements:
            if element.group and element.group != group:
                group = element.group
                self.element_combo.addItem(group, None)
                item = model.item(self.element_combo.count() - 1)
                item.setEnabled(False)
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.element_combo.addItem(element.name, element.id)
        levels = [(lv.value, lv.value, self.tr("Niveau {level}, {label}").format(
            level=lv.value, label=labels.level_label(lv, ctx.level_label(lv))), lv.value) for lv in ctx.levels]
        levels.append((NOT_APPLICABLE, labels.not_applicable_label(), self.tr("Niet van toepassing"), "nvt"))
        self.level_bar.set_options(levels)
        for lv in ctx.levels:
            button = self.level_bar.buttons()[lv.value]
            button.setProperty("main", lv.value)
            button.setProperty("sub", labels.level_label(lv, ctx.level_label(lv)))
            button.setToolTip(self.tr("{level}: {label} (toets {key})").format(
                level=lv.value, label=labels.level_label(lv, ctx.level_label(lv)), key=self._level_key(lv)))
            button.installEventFilter(self)  # pointing at a level describes it
        nvt = self.level_bar.buttons()[NOT_APPLICABLE]
        nvt.setProperty("main", labels.not_applicable_label())
        nvt.setProperty("sub", "")
        nvt.setToolTip(self.tr("Niet van toepassing (toets 0)"))
        self.refresh_parties()

    @staticmethod
    def _level_key(level: Level) -> str:
        return {"A+": "1", "A": "2", "B": "3", "C": "4", "D": "5"}[level.value]

    def refresh_parties(self) -> None:
        current = self.party_combo.currentText()
        self.party_combo.blockSignals(True)
        self.party_combo.clear()
        self.party_combo.addItems(walk.known_parties(self.session.project))
        self.party_combo.setEditText(current)
        self.party_combo.blockSignals(False)

    def load(self, finding_id: str | None) -> None:
        """Show a finding (or nothing); saves what was being typed first."""
        if finding_id != self.finding_id:
            self.flush()
        self.finding_id = finding_id
        if finding_id is None:
            self._detail = None
            self.stack.setCurrentIndex(0)
            return
        self._detail = walk.finding_detail(self.session.project, finding_id)
        self.street_id = self._detail.finding.street_id
        self.stack.setCurrentIndex(1)
        self._fill(full=True)

    def set_placeholder(self, text: str) -> None:
        self.empty_label.setText(text)

    def _fill(self, full: bool = False) -> None:
        ctx = self.session.ctx
        detail = self._detail
        if ctx is None or detail is None:
            return
        f = detail.finding
        self._loading = True
        try:
            street = self.session.project.areas.street(f.street_id)
            self.title.setText(self.tr("Bevinding in {street}").format(street=street.name if street else ""))
            index = self.element_combo.findData(f.element)
            self.element_combo.setCurrentIndex(index)
            self._fill_aspects(f.element, f.aspect)
            item = ctx.item(f.element, f.aspect)
            aspect = item[1] if item else None
            scale = aspect.scale if aspect else "none"
            self.level_bar.setVisible(scale == "crow")
            self.choice_bar.setVisible(scale == "choice")
            self.no_level_label.setVisible(scale == "none")
            norm = ctx.norm(f.element, f.aspect, f.street_id) if scale == "crow" else None
            if scale == "crow":
                self.level_bar.set_value(NOT_APPLICABLE if f.not_applicable else (f.level.value if f.level else None))
                self.level_bar.mark(norm.value if norm else None)
            elif scale == "choice":
                options = [(c, c, self.tr("Keuze {c}").format(c=c), "choice") for c in aspect.choices]
                if [k for k in self.choice_bar.buttons()] != list(aspect.choices):
                    self.choice_bar.set_options(options)
                self.choice_bar.set_value(f.choice)
            if norm is not None:
                area = labels.area_type_label(ctx.area_type(f.street_id)).lower()
                self.norm_label.setText(self.tr("norm {level} ({area})").format(area=area, level=norm.value))
                # the area type as a name, not an adjective: "in a residential" is no English
                self.norm_label.setToolTip(self.tr("De norm voor dit aspect in gebiedstype „{area}”: {level} – {label}")
                                           .format(area=labels.area_type_label(ctx.area_type(f.street_id)),
                                                   level=norm.value,
                                                   label=labels.level_label(norm, ctx.level_label(norm))))
            else:
                self.norm_label.setText("")
            self._help_for = (aspect, f, norm)
            self._show_help()
            self.time_row.setVisible(bool(aspect and aspect.time_of_day))
            self._set_text(self.number_edit, "house_number", f.house_number)
            self._set_text(self.spot_edit, "spot", f.spot)
            if "time_of_day" not in self._pending and self.time_combo.currentText() != f.time_of_day:
                self.time_combo.setEditText(f.time_of_day)
            if "description" not in self._pending and self.text_edit.toPlainText() != f.description:
                self.text_edit.setPlainText(f.description)
            self.priority_bar.set_value(f.priority)
            self.publish_check.setChecked(f.publishable)
            # The domain decides what an n.v.t. finding may carry; the editor only offers it.
            judged = allows_priority_and_action(f.not_applicable)
            why = "" if judged else self.tr("Niet bij n.v.t.: er is niets om voorrang te geven of uit te zetten.")
            self.priority_bar.setEnabled(judged)
            self.priority_bar.setToolTip(why)
            self.action_box.setEnabled(judged or detail.action is not None)
            self.action_box.setToolTip(why)
            if "action" not in self._pending:
                action = detail.action
                self.action_box.setChecked(action is not None)
                if action is not None:
                    if self.party_combo.currentText() != action.party:
                        self.party_combo.setEditText(action.party)
                    self.due_edit.setDate(QDate(action.due_date.year, action.due_date.month, action.due_date.day)
                                          if action.due_date else NO_DATE)
                elif full:
                    self.party_combo.setEditText("")
                    self.due_edit.setDate(NO_DATE)
            self._fill_photos()
            self.refresh_outbox()
            self.action_status.show_finding(f.id if detail.action is not None else None)
        finally:
            self._loading = False

    def _set_text(self, edit: QLineEdit, field_name: str, value: str) -> None:
        if field_name not in self._pending and edit.text() != value:
            edit.setText(value)

    def _fill_aspects(self, element_id: str, aspect_id: str) -> None:
        ctx = self.session.ctx
        element = ctx.form.element(element_id) if ctx else None
        self.aspect_combo.blockSignals(True)
        self.aspect_combo.clear()
        if element is not None:
            for aspect in element.aspects:
                suffix = f"  ({labels.category_label(aspect.category)})" if aspect.category != "overig" else ""
                self.aspect_combo.addItem(aspect.name + suffix, aspect.id)
        self.aspect_combo.setCurrentIndex(self.aspect_combo.findData(aspect_id))
        self.aspect_combo.blockSignals(False)

    def _show_help(self) -> None:
        """The level help for the finding shown: all of it when the walker opened it,
        otherwise only the level pointed at, chosen or the norm."""
        aspect, finding, norm = self._help_for
        full = self.help_toggle.isChecked()
        text = self._help_html(aspect, finding, norm, full) if aspect is not None else ""
        self.help_label.setText(text)
        self.help_label.setVisible(bool(text))
        self.help_toggle.setVisible(aspect is not None and bool(aspect.help or aspect.levels))

    def _help_levels(self, finding, norm: Level | None) -> set[Level]:
        """The level the short help describes: the one pointed at, else the one chosen,
        else the norm (which the norm label and the dashed button always show)."""
        shown = self._hover_level
        if shown is None and finding is not None and not finding.not_applicable:
            shown = finding.level
        shown = shown or norm
        return {shown} if shown is not None else set()

    def _help_html(self, aspect, finding, norm: Level | None, full: bool = True) -> str:
        if aspect is None:
            return ""
        ctx = self.session.ctx
        parts = []
        if aspect.help and full:
            parts.append(f"<p style='margin:0 0 4px 0'>{html.escape(aspect.help)}</p>")
        if aspect.levels:
            rows = []
            wanted = None if full else self._help_levels(finding, norm)
            for level in ctx.levels if ctx else ():
                text = aspect.level_help(level)
                if not text or (wanted is not None and level not in wanted):
                    continue
                chosen = finding.level == level and not finding.not_applicable
                bg, fg = theme.LEVEL_COLOURS[level]
                badge = (f"<td style='background:{bg}; color:{fg}; font-weight:bold; padding:1px 6px;'"
                         f" align='center'>{level.value}</td>")
                style = "font-weight:bold;" if chosen else ""
                mark = f" <i>({html.escape(self.tr('norm'))})</i>" if norm == level else ""
                rows.append(f"<tr>{badge}<td style='padding:1px 6px; {style}'>{html.escape(text)}{mark}</td></tr>")
            if rows:
                parts.append("<table cellspacing='2' cellpadding='0'>" + "".join(rows) + "</table>")
        return "".join(parts)

    def _fill_photos(self) -> None:
        detail = self._detail
        self.photo_list.clear()
        # no photo: no empty strip, only the hint and the buttons (the fields below stay in sight)
        self.photo_list.setVisible(False)
        if detail is None:
            return
        for n, photo in enumerate(detail.photos, start=1):
            data = walk.thumbnail(self.session.project, photo.id)
            pixmap = QPixmap()
            if data:
                pixmap.loadFromData(data)
            icon = QIcon(self._framed(pixmap))
            item = QListWidgetItem(icon, self.tr("Foto {n}").format(n=n))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            item.setToolTip(photo.source_name or "")
            item.setData(Qt.ItemDataRole.AccessibleTextRole,
                         self.tr("Foto {n}: {name}").format(n=n, name=photo.source_name or ""))
            self.photo_list.addItem(item)
        count = len(detail.photos)
        self.photo_title.setText(self.tr("Foto's ({n})").format(n=count) if count else self.tr("Foto's"))
        # no photo yet: one compact row of buttons (the hint is the add button's tooltip),
        # so the place and description fields stay in sight on a small screen
        self.photo_hint.setVisible(False)
        self.photo_title.setVisible(count > 0)
        self.photo_list.setVisible(count > 0)
        self.remove_photo_button.setVisible(count > 0)
        self._update_photo_buttons()

    def _framed(self, pixmap: QPixmap) -> QPixmap:
        """Thumbnails of any shape on one canvas size, so the strip lines up."""
        size = self.photo_list.iconSize()
        canvas = QPixmap(size)
        canvas.fill(QColor("#dfe3e8"))
        if not pixmap.isNull():
            scaled = pixmap.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation)
            painter = QPainter(canvas)
            painter.drawPixmap((size.width() - scaled.width()) // 2, (size.height() - scaled.height()) // 2, scaled)
            painter.end()
        return canvas

    def _update_photo_buttons(self) -> None:
        self.remove_photo_button.setEnabled(self.photo_list.currentItem() is not None)
        self.mask_photo_button.setEnabled(self.photo_list.currentItem() is not None)

    # -- session events ---------------------------------------------------------------------
    def _on_finding_edited(self, finding_id: str) -> None:
        if finding_id == self.finding_id and self.finding_id is not None:
            judged = self._judged()
            try:
                self._detail = walk.finding_detail(self.session.project, finding_id)
            except Exception:  # noqa: BLE001 - finding vanished (undo of its creation)
                self.load(None)
                return
            if self._detail.finding.deleted_at:
                self.load(None)
                return
            if judged is not None and judged != self._judged():
                self._follow_rule(finding_id)
            self._fill()

    def _judged(self) -> tuple | None:
        """What the profile's rule looks at besides the action: item and level."""
        f = self._detail.finding if self._detail is not None else None
        return None if f is None else (f.element, f.aspect, f.level, f.not_applicable)

    def _follow_rule(self, finding_id: str) -> None:
        """Item or level changed (by the user, or by undo): the rule may pick the finding
        now, or no longer want what it queued. Not an undo step of its own: undoing the
        edit changes the level back, and this runs again."""
        if not sync_service.sends(self.sync_profile):
            return
        change = self.session.run(sync_service.follow_rule, self.session.project, finding_id, self.sync_profile)
        if change:
            self.outboxChanged.emit()

    def _on_photos_changed(self, finding_id: str) -> None:
        if finding_id == self.finding_id and self._detail is not None:
            self._detail.photos = self.session.project.photos.for_finding(finding_id)
            self._fill_photos()

    # -- user edits -------------------------------------------------------------------------
    def _element_chosen(self, index: int) -> None:
        element_id = self.element_combo.itemData(index)
        if self._loading or self.finding_id is None or element_id is None:
            return
        ctx = self.session.ctx
        element = ctx.form.element(element_id)
        if element is None or (self._detail and self._detail.finding.element == element_id):
            return
        self.flush()
        self.session.edit(self.finding_id, {"element": element_id, "aspect": element.aspects[0].id},
                          self.tr("Onderdeel wijzigen"))
        self.aspect_combo.setFocus()

    def _aspect_chosen(self, index: int) -> None:
        aspect_id = self.aspect_combo.itemData(index)
        if self._loading or self.finding_id is None or aspect_id is None:
            return
        self.flush()
        self.session.edit(self.finding_id, {"aspect": aspect_id}, self.tr("Aspect wijzigen"))

    def _level_chosen(self, key: str) -> None:
        if self._loading or self.finding_id is None:
            return
        self.flush()
        self.session.edit(self.finding_id, {"level": key or None, "not_applicable": False},
                          self.tr("Niveau {level}").format(level=key or "–"))

    def set_level(self, key: str) -> bool:
        """Keyboard: choose a level (or n.v.t.) for the finding shown. False if none fits."""
        if self.finding_id is None or not self.level_bar.isVisible():
            return False
        if key not in self.level_bar.buttons():
            return False
        self.level_bar.set_value(key)
        self._level_chosen(key)
        return True

    def _choice_chosen(self, key: str) -> None:
        if self._loading or self.finding_id is None:
            return
        self.flush()
        self.session.edit(self.finding_id, {"choice": key or None}, self.tr("Keuze {c}").format(c=key or "–"))

    def _priority_chosen(self, key: str) -> None:
        if self._loading or self.finding_id is None:
            return
        if not key:  # priority always has a value
            self.priority_bar.set_value(self._detail.finding.priority if self._detail else "normaal")
            return
        self.flush()
        self.session.edit(self.finding_id, {"priority": key}, self.tr("Prioriteit wijzigen"))

    def _publish_toggled(self, checked: bool) -> None:
        if self._loading or self.finding_id is None:
            return
        self.flush()
        self.session.edit(self.finding_id, {"publishable": checked}, self.tr("Opmerking voor bewoners wijzigen"))

    def _text_changed(self) -> None:
        if not self._loading and self.finding_id is not None:
            self._queue("description", self.text_edit.toPlainText())

    def _action_toggled(self, on: bool) -> None:
        if self._loading or self.finding_id is None:
            return
        self._queue_action(now=True)

    def _queue_action(self, now: bool = False) -> None:
        if self._loading or self.finding_id is None:
            return
        qdate = self.due_edit.date()
        due = None if qdate == NO_DATE else date(qdate.year(), qdate.month(), qdate.day())
        self._queue("action", (self.action_box.isChecked(), self.party_combo.currentText(), due), now=now)

    def _queue(self, field_name: str, value: Any, now: bool = False) -> None:
        if self._loading or self.finding_id is None:
            return
        self._pending[field_name] = value
        if now:
            self.flush()
        else:
            self._timer.start()
            self.pendingChanged.emit(True)

    def has_pending(self) -> bool:
        return bool(self._pending)

    def flush(self) -> None:
        """Save whatever was typed and not saved yet."""
        self._timer.stop()
        if not self._pending:
            return
        pending, self._pending = self._pending, {}
        finding_id = self.finding_id
        texts = {"house_number": self.tr("Huisnummer wijzigen"), "spot": self.tr("Plek wijzigen"),
                 "description": self.tr("Omschrijving wijzigen"), "time_of_day": self.tr("Tijdstip wijzigen")}
        if finding_id is not None:
            for field_name, value in pending.items():
                if field_name == "action":
                    wanted, party, due = value
                    self._save_action(finding_id, wanted, party, due)
                else:
                    self.session.edit(finding_id, {field_name: value}, texts[field_name], merge=field_name)
        self.pendingChanged.emit(False)

    def _save_action(self, finding_id: str, wanted: bool, party: str, due: date | None) -> None:
        """The action and, in the same transaction, what the sync profile's rule makes of
        it (``services.sync.set_action_following_rule``); one undo step for both."""
        s = self.session
        result = s.run(sync_service.set_action_following_rule, s.project, finding_id, wanted=wanted, party=party,
                       due=due, profile=self.sync_profile)
        if result is None:
            return
        before, change = result
        after = (wanted, party.strip() if wanted else before[1], due if wanted else before[2])
        queued = None if change is None else (change == "withdrawn", change == "queued")
        if before == after and queued is None:
            return
        s.undo_stack.push(ActionRuleCommand(s, finding_id, before, after, queued, self.tr("Actiepunt wijzigen")))
        s.findingEdited.emit(finding_id)
        if change:
            self.outboxChanged.emit()
        if change == "queued":
            self.notice.emit(self.tr("Het profiel „{name}” stuurt deze bevinding naar de gemeente.").format(
                name=self.sync_profile.name if self.sync_profile else ""), False)

    # -- the municipality's MOR system --------------------------------------------------------
    def set_sync_profile(self, profile, problem: str | None = None) -> None:
        """The profile chosen in the settings (None: none, or a broken one: ``problem``)."""
        self.sync_profile, self.sync_problem = profile, problem
        self.refresh_outbox()

    def outbox_state(self) -> dict | None:
        if self.finding_id is None:
            return None
        return sync_service.finding_outbox(self.session.project, self.finding_id)

    def refresh_outbox(self) -> None:
        """The toggle and the status line from the outbox (after an edit, undo or sync)."""
        info = self.outbox_state()
        profile = self.sync_profile
        self.send_check.setChecked(info is not None)
        colour = theme.INK
        status = ""
        detail: list[str] = []
        if info is None:
            self.send_check.setEnabled(self.finding_id is not None)
            self.send_check.setToolTip(self.tr("Zet deze bevinding in de wachtrij; ze gaat bij de volgende "
                                               "synchronisatie naar het meldsysteem van de gemeente."))
        elif info["can_withdraw"] and info["reason"] == "auto":
            self.send_check.setEnabled(False)
            self.send_check.setToolTip(self.tr("Het synchronisatieprofiel kiest deze bevinding (onder de norm, "
                                               "actie bij de gemeente). Wijzig de actiehouder om dat te veranderen."))
        elif info["can_withdraw"]:
            self.send_check.setEnabled(True)
            self.send_check.setToolTip(self.tr("Uitvinken haalt de bevinding uit de wachtrij."))
        else:
            self.send_check.setEnabled(False)
            self.send_check.setToolTip(self.tr("Er is al een verzendpoging gedaan; de melding kan niet meer "
                                               "worden teruggehaald."))
        if info is not None:
            state = info["state"]
            if state == "queued":
                status, colour = self.tr("In de wachtrij"), "#8a5300"
                if info["reason"] == "auto":
                    detail.append(self.tr("Gekozen door het profiel „{name}”.").format(
                        name=profile.name if profile else "?"))
                else:
                    detail.append(self.tr("Met de hand gemarkeerd."))
                if info["attempts"] and info["last_error"]:
                    detail.append(self.tr("Vorige poging: {message}").format(message=info["last_error"]))
            elif state == "sent" and info["remote_id"]:
                status = self.tr("Verzonden als {id}").format(id=info["remote_id"])
                if info["status_text"]:
                    status += " · " + info["status_text"]
                if info["status_notes"]:
                    detail.append(info["status_notes"])
                colour = theme.GOOD
            elif state == "sent":
                status, colour = self.tr("Verzonden; wacht op een nummer van de gemeente"), theme.GOOD
            elif state == "failed":
                status = self.tr("Mislukt: {message}").format(message=info["last_error"] or "?")
                colour = theme.BELOW
            else:
                status = self.tr("Onbekend — wordt bij de volgende synchronisatie gecontroleerd")
                colour = "#8a5300"
        if (info is not None and info["state"] != "sent") or (info is None and self.finding_id is not None):
            if self.sync_problem:
                detail.append(self.tr("Het synchronisatieprofiel is ongeldig: {problem}").format(
                    problem=self.sync_problem))
            elif profile is None:
                detail.append(self.tr("Nog geen synchronisatieprofiel gekozen (Bestand › Instellingen)."))
            elif not sync_service.sends(profile):
                detail.append(self.tr("Het gekozen profiel „{name}” verstuurt geen meldingen.").format(
                    name=profile.name))
        self.mor_status.setText(status)
        self.mor_status.setVisible(bool(status))
        theme.colour_text(self.mor_status, colour)
        self.mor_detail.setText(" ".join(detail))
        self.mor_detail.setVisible(bool(detail))
        self.mor_retry_button.setVisible(info is not None and info["state"] == "failed")

    def _send_clicked(self, on: bool) -> None:
        if self._loading or self.finding_id is None:
            return
        self.flush()
        s = self.session
        finding_id = self.finding_id
        if on:
            done = s.run(sync_service.mark_for_sending, s.project, finding_id)
            if done:
                s.undo_stack.push(MarkForSendingCommand(s, finding_id, True, "hand",
                                                        self.tr("Naar de gemeente sturen")))
        else:
            info = self.outbox_state()
            done = s.run(sync_service.unmark, s.project, finding_id)
            if done and info is not None:
                s.undo_stack.push(MarkForSendingCommand(s, finding_id, False, info["reason"],
                                                        self.tr("Niet naar de gemeente sturen")))
            elif done is False:
                self.notice.emit(self.tr("Er is al een verzendpoging gedaan; de melding kan niet meer worden "
                                         "teruggehaald."), False)
        self.refresh_outbox()
        self.outboxChanged.emit()

    def retry_sending(self) -> bool:
        """A failed report back in the queue (not an undo step: nothing about the finding
        changes); it goes with the next synchronisation."""
        if self.finding_id is None:
            return False
        done = bool(self.session.run(sync_service.retry_finding, self.session.project, self.finding_id))
        self.refresh_outbox()
        self.outboxChanged.emit()
        if done:
            self.notice.emit(self.tr("Weer in de wachtrij; de melding gaat bij de volgende synchronisatie."), False)
        return done

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Enter, QEvent.Type.Leave) and watched.parent() is self.level_bar:
            key = watched.property("key")
            self._hover_level = Level.parse(key) if event.type() == QEvent.Type.Enter and key in _LEVEL_KEYS \
                else None
            self._show_help()
            return False
        if event.type() == QEvent.Type.FocusOut and watched is not self.photo_list:
            self.flush()
        if watched is self.photo_list and event.type() == QEvent.Type.KeyPress:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.paste_photo()
                return True
            if event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
                self.remove_photo()
                return True
        return super().eventFilter(watched, event)

    # -- photos -----------------------------------------------------------------------------
    def choose_photos(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        if self.finding_id is None:
            return
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Foto's kiezen"), str(Path.home()),
            self.tr("Foto's (*.jpg *.jpeg *.png *.webp *.heic *.heif *.tif *.tiff);;Alle bestanden (*)"))
        if paths:
            self.add_photo_files([Path(p) for p in paths])

    def add_photo_files(self, paths: list[Path]) -> PhotoImportTask | None:
        """Import photos for the finding shown, on a worker thread with progress and cancel."""
        if self.finding_id is None or not paths:
            return None
        task = PhotoImportTask(self.session.project, self.finding_id, paths, self.keep_original)
        finding_id = self.finding_id
        task.signals.progress.connect(self._import_progress)
        task.signals.progress.connect(lambda n, _t, fid=finding_id: n and self.session.photosChanged.emit(fid))
        task.signals.done.connect(lambda added, refused, dupes, cancelled, t=task:
                                  self._import_done(t, added, refused, dupes, cancelled))
        task.signals.failed.connect(lambda text, t=task: self._import_failed(t, text))
        self.tasks.append(task)
        self.progress.setRange(0, len(paths))
        self.progress.setValue(0)
        self.progress_row.setVisible(True)
        self.cancel_button.setEnabled(True)
        start_task(task)
        return task

    def _import_progress(self, n: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(n)

    def _import_done(self, task: PhotoImportTask, added: list, refused: list, dupes: list, cancelled: bool) -> None:
        self._forget(task)
        self.session.photos_added(task.finding_id, added,
                                  self.tr("Foto's toevoegen") if len(added) != 1 else self.tr("Foto toevoegen"))
        problems = list(refused)
        if dupes:
            problems.append(self.tr("Al bij deze bevinding: {names}").format(names=", ".join(dupes)))
        if problems:
            self.notice.emit("\n".join(problems), True)
        elif cancelled:
            self.notice.emit(self.tr("Import geannuleerd; %n foto's bewaard.", "", len(added)), False)
        else:
            self.notice.emit(self.tr("%n foto's toegevoegd.", "", len(added)), False)
        self.importFinished.emit(task.finding_id, len(added))

    def _import_failed(self, task: PhotoImportTask, text: str) -> None:
        self._forget(task)
        self.notice.emit(self.tr("Foto's toevoegen mislukte: {detail}").format(detail=text), True)
        self.session.photosChanged.emit(task.finding_id)
        self.importFinished.emit(task.finding_id, 0)

    def _forget(self, task: PhotoImportTask) -> None:
        if task in self.tasks:
            self.tasks.remove(task)
        if not self.tasks:
            self.progress_row.setVisible(False)

    def cancel_imports(self) -> None:
        for task in self.tasks:
            task.cancel()
        self.cancel_button.setEnabled(False)

    def wait_for_imports(self, msecs: int = 30000) -> None:
        self.cancel_imports()
        for task in list(self.tasks):
            task.finished.wait(msecs / 1000)

    def paste_photo(self) -> bool:
        mime = QApplication.clipboard().mimeData()
        paths = self._paths_from_mime(mime)
        if paths:
            self.add_photo_files(paths)
            return True
        if mime is not None and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                self.add_photo_files([self._save_image(image, "geplakt")])
                return True
        self.notice.emit(self.tr("Het klembord bevat geen foto."), False)
        return False

    def _save_image(self, image: QImage, stem: str) -> Path:
        from datetime import datetime

        path = scratch_dir() / f"{stem}-{datetime.now():%Y%m%d-%H%M%S-%f}.png"
        image.save(str(path), "PNG")
        return path

    @staticmethod
    def _paths_from_mime(mime) -> list[Path]:
        if mime is None or not mime.hasUrls():
            return []
        paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
        return [p for p in paths if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file()]

    def open_camera(self) -> None:
        if self.finding_id is None or not camera.available():
            return
        folder = Path(tempfile.mkdtemp(prefix="camera-", dir=scratch_dir()))
        dialog = camera.CameraDialog(folder, self)
        dialog.captured.connect(lambda path: self.add_photo_files([Path(path)]))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def remove_photo(self) -> None:
        item = self.photo_list.currentItem()
        if item is None or self.finding_id is None:
            return
        self.session.remove_photo(self.finding_id, item.data(Qt.ItemDataRole.UserRole), self.tr("Foto verwijderen"))

    def _open_photo(self, item: QListWidgetItem) -> None:
        data = walk.photo_image(self.session.project, item.data(Qt.ItemDataRole.UserRole))
        if data:
            viewer = PhotoViewer(data, item.text(), self)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.open()

    def mask_photo(self):
        """Open the mask editor on the chosen photo (see :mod:`schouw.ui.mask_editor`)."""
        from schouw.ui.mask_editor import open_mask_editor

        item = self.photo_list.currentItem()
        if item is None or self.finding_id is None:
            return None
        return open_mask_editor(self.session, self.finding_id, item.data(Qt.ItemDataRole.UserRole),
                                item.text(), self)

    # -- drag and drop ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        mime = event.mimeData()
        if self.finding_id is not None and (self._paths_from_mime(mime) or mime.hasImage()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:
        mime = event.mimeData()
        paths = self._paths_from_mime(mime)
        if not paths and mime.hasImage():
            image = QImage(mime.imageData())
            if not image.isNull():
                paths = [self._save_image(image, "gesleept")]
        if paths:
            self.add_photo_files(paths)
            event.acceptProposedAction()
