"""The one way the UI learns what changed in the project.

A dialog runs a use case, turns its result into a :class:`~schouw.services.changes.Changes`
and calls :meth:`ChangeHub.notify`; the walk's own undoable edits are announced too
(with the session as initiator). The main window and any other view (an overview, a
map) connect to ``changed`` and refresh just what it names, as Anki's main window
broadcasts each operation's ``OpChanges``. Nothing is read again, and no undo history
is lost, when nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from schouw.services.changes import Changes


class ChangeHub(QObject):
    #: something in the project changed: (a non-empty ``Changes``, the object that made
    #: the change or None); a view skips what it made itself
    changed = Signal(object, object)

    def notify(self, changes: Changes, initiator: object | None = None) -> None:
        """Broadcast ``changes``; an empty one is dropped here, so no view refreshes
        (or cuts its undo history) for a dialog that changed nothing."""
        if changes:
            self.changed.emit(changes, initiator)
