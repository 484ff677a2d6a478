"""Undo and redo (Ctrl+Z / Ctrl+Y) for everything a user changes while walking.

Every change is already committed when its command is pushed (the session applies it
first, so a refused value never reaches the stack); ``redo`` only runs again after an
undo. Deletions are soft in the store, so undoing one brings the very same rows back.
Undo and redo ask the window to show what they changed (``Session.reveal``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from schouw.services import walk

if TYPE_CHECKING:
    from schouw.ui.session import Session

_MERGE_EDIT = 1001


class SessionCommand(QUndoCommand):
    """A change already made when it is pushed: the first redo does nothing, later
    redos call :meth:`apply` again."""

    def __init__(self, session: Session, text: str, applied: bool = True):
        super().__init__(text)
        self.session = session
        self._skip_redo = applied

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class EditFindingCommand(SessionCommand):
    """Field changes of one finding. Typing in one field merges into one command."""

    def __init__(self, session: Session, finding_id: str, old: dict[str, Any], new: dict[str, Any],
                 text: str, merge: str | None = None):
        super().__init__(session, text)
        self.finding_id = finding_id
        self.old = dict(old)
        self.new = dict(new)
        self.merge = merge

    def id(self) -> int:
        return _MERGE_EDIT if self.merge else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, EditFindingCommand) or other.finding_id != self.finding_id \
                or other.merge != self.merge or set(other.old) != set(self.old):
            return False
        self.new = dict(other.new)
        if self.new == self.old:
            self.setObsolete(True)
        return True

    def _set(self, values: dict[str, Any]) -> None:
        s = self.session
        with s.write():
            walk.edit_finding(s.project, s.ctx, self.finding_id, values)
        s.after_edit(self.finding_id, values.keys(), reveal=True)

    def undo(self) -> None:
        self._set(self.old)

    def apply(self) -> None:
        self._set(self.new)


class AddFindingCommand(SessionCommand):
    def __init__(self, session: Session, finding_id: str, street_id: str):
        from PySide6.QtCore import QCoreApplication

        super().__init__(session, QCoreApplication.translate("undo", "Nieuwe bevinding"))
        self.finding_id = finding_id
        self.street_id = street_id

    def undo(self) -> None:
        s = self.session
        with s.write():
            walk.delete_finding(s.project, self.finding_id)
        s.findingsChanged.emit(self.street_id)
        s.streetChanged.emit(self.street_id)
        s.reveal.emit(self.street_id, "")

    def apply(self) -> None:
        s = self.session
        with s.write():
            walk.restore_finding(s.project, self.finding_id, with_action=True)
        s.findingsChanged.emit(self.street_id)
        s.streetChanged.emit(self.street_id)
        s.reveal.emit(self.street_id, self.finding_id)


class DeleteFindingCommand(SessionCommand):
    def __init__(self, session: Session, finding_id: str, street_id: str, text: str):
        super().__init__(session, text, applied=False)
        self.finding_id = finding_id
        self.street_id = street_id
        self.had_action = False

    def apply(self) -> None:
        s = self.session
        with s.write():
            self.had_action = walk.delete_finding(s.project, self.finding_id)
        s.findingsChanged.emit(self.street_id)
        s.streetChanged.emit(self.street_id)

    def undo(self) -> None:
        s = self.session
        with s.write():
            walk.restore_finding(s.project, self.finding_id, self.had_action)
        s.findingsChanged.emit(self.street_id)
        s.streetChanged.emit(self.street_id)
        s.reveal.emit(self.street_id, self.finding_id)


class StreetDoneCommand(SessionCommand):
    def __init__(self, session: Session, street_id: str, done: bool, text: str):
        super().__init__(session, text, applied=False)
        self.street_id = street_id
        self.done = done

    def _set(self, done: bool, reveal: bool) -> None:
        s = self.session
        with s.write():
            walk.set_street_done(s.project, s.ctx, self.street_id, done)
        s.streetChanged.emit(self.street_id)
        if reveal:
            s.reveal.emit(self.street_id, "")

    def apply(self) -> None:
        self._set(self.done, reveal=False)

    def undo(self) -> None:
        self._set(not self.done, reveal=True)


class PhotoCommand(SessionCommand):
    """Removing a photo, or the photos an import added (undo takes them away again)."""

    def __init__(self, session: Session, finding_id: str, photo_ids: list[str], *, remove: bool,
                 text: str, applied: bool = False):
        super().__init__(session, text, applied=applied)
        self.finding_id = finding_id
        self.photo_ids = list(photo_ids)
        self.remove = remove

    def _set(self, present: bool, reveal: bool) -> None:
        s = self.session
        with s.write():
            for photo_id in self.photo_ids:
                (walk.restore_photo if present else walk.remove_photo)(s.project, photo_id)
        s.photosChanged.emit(self.finding_id)
        s.findingEdited.emit(self.finding_id)
        if reveal:
            s.reveal.emit(s._street_of(self.finding_id), self.finding_id)

    def apply(self) -> None:
        self._set(not self.remove, reveal=True)

    def undo(self) -> None:
        self._set(self.remove, reveal=True)
