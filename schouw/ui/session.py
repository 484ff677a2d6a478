"""The open project and the round being walked: the one door through which widgets
change data.

Each change calls a use case in :mod:`schouw.services.walk`, is committed at once (there
is no Save button), goes on the undo stack, and is announced by a signal that names what
changed, so every widget refreshes just its own part instead of re-reading the project.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from schouw.messages import SchouwError
from schouw.services import walk
from schouw.store.project import Project

log = logging.getLogger(__name__)


def _plain(value: Any) -> Any:
    return value.value if hasattr(value, "value") else value


class Session(QObject):
    #: a finding's fields changed (finding id)
    findingEdited = Signal(str)
    #: findings were added to, removed from or restored on a street (street id)
    findingsChanged = Signal(str)
    #: a street's counts or done mark changed (street id)
    streetChanged = Signal(str)
    #: a finding's photos changed (finding id)
    photosChanged = Signal(str)
    #: a new street joined the round's buurt (street id)
    streetAdded = Signal(str)
    #: after undo/redo: show this finding (street id, finding id; finding id may be "")
    reveal = Signal(str, str)
    #: another round is open (or none)
    roundChanged = Signal()
    #: a user error to show (already in the user's language)
    failed = Signal(object)

    def __init__(self, project: Project, parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.ctx: walk.RoundContext | None = None
        self.undo_stack = QUndoStack(self)
        self.undo_stack.setUndoLimit(500)
        self.keep_original = False

    # -- project and round -----------------------------------------------------------
    @property
    def name(self) -> str:
        return self.project.meta("name") or self.project.path.stem

    def open_round(self, round_id: str | None) -> None:
        self.undo_stack.clear()
        self.ctx = walk.load_round(self.project, round_id) if round_id else None
        self.roundChanged.emit()

    def reload_round(self, *, keep_undo: bool) -> None:
        """Read the open round again after a change from outside the walk (an import,
        new streets). Its undo steps stay when they still refer to rows as they are."""
        if self.ctx is None:
            return
        if not keep_undo:
            self.undo_stack.clear()
        self.ctx = walk.load_round(self.project, self.ctx.round.id)
        self.roundChanged.emit()

    def close(self) -> None:
        self.undo_stack.clear()
        self.ctx = None
        self.project.close()

    def _street_of(self, finding_id: str) -> str:
        return self.project.findings.one(finding_id, include_deleted=True).street_id

    def run(self, func, *args: Any, **kwargs: Any) -> Any:
        """Call a use case in one write transaction; a user error becomes the ``failed``
        signal, not an exception."""
        try:
            with self.project.write():
                return func(*args, **kwargs)
        except SchouwError as error:
            self.failed.emit(error)
            return None

    def write(self):
        """The write transaction every change runs in (see ``Project.write``)."""
        return self.project.write()

    # -- changes (each one undoable) ------------------------------------------------------
    def new_finding(self, street_id: str, element: str | None = None, aspect: str | None = None) -> str | None:
        from schouw.ui.undo import AddFindingCommand

        finding = self.run(walk.new_finding, self.project, self.ctx, street_id, element, aspect)
        if finding is None:
            return None
        self.undo_stack.push(AddFindingCommand(self, finding.id, street_id))
        self.findingsChanged.emit(street_id)
        self.streetChanged.emit(street_id)
        return finding.id

    def edit(self, finding_id: str, changes: dict[str, Any], text: str, merge: str | None = None) -> bool:
        from schouw.ui.undo import EditFindingCommand

        old = self.run(walk.edit_finding, self.project, self.ctx, finding_id, changes)
        if not old:
            return old is not None
        current = self.project.findings.one(finding_id, include_deleted=True)
        new = {key: _plain(getattr(current, key)) for key in old}
        self.undo_stack.push(EditFindingCommand(self, finding_id, old, new, text, merge))
        self.after_edit(finding_id, old.keys())
        return True

    def after_edit(self, finding_id: str, keys, reveal: bool = False) -> None:
        street_id = self._street_of(finding_id)
        self.findingEdited.emit(finding_id)
        if {"level", "not_applicable", "element", "aspect"} & set(keys):
            self.streetChanged.emit(street_id)
        if reveal:
            self.reveal.emit(street_id, finding_id)

    def delete_finding(self, finding_id: str, text: str) -> None:
        from schouw.ui.undo import DeleteFindingCommand

        self.undo_stack.push(DeleteFindingCommand(self, finding_id, self._street_of(finding_id), text))

    def set_street_done(self, street_id: str, done: bool, text: str) -> None:
        from schouw.ui.undo import StreetDoneCommand

        if self.ctx is None:
            return
        was = street_id in self.project.rounds.done_streets(self.ctx.round.id)
        if was == done:
            return
        self.undo_stack.push(StreetDoneCommand(self, street_id, done, text))

    def remove_photo(self, finding_id: str, photo_id: str, text: str) -> None:
        from schouw.ui.undo import PhotoCommand

        self.undo_stack.push(PhotoCommand(self, finding_id, [photo_id], remove=True, text=text))

    def photos_added(self, finding_id: str, photo_ids: list[str], text: str) -> None:
        """Photos a worker stored: put them on the undo stack (undo removes them)."""
        from schouw.ui.undo import PhotoCommand

        if photo_ids:
            self.undo_stack.push(PhotoCommand(self, finding_id, photo_ids, remove=False, text=text,
                                              applied=True))
        self.photosChanged.emit(finding_id)
        self.findingEdited.emit(finding_id)

    def add_street(self, name: str) -> str | None:
        street = self.run(walk.add_street, self.project, self.ctx, name)
        if street is None:
            return None
        self.streetAdded.emit(street.id)
        return street.id
