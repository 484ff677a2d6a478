"""The one way the UI learns what changed outside the walk's own undoable edits.

A dialog runs a use case, turns its result into a :class:`~schouw.services.changes.Changes`
and calls :meth:`ChangeHub.notify`; the main window and every view connected to
``changed`` refresh just what it names (Anki's ``OpChanges`` broadcast). Nothing is read
again, and no undo history is lost, when nothing changed.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from schouw.services.changes import Changes


class ChangeHub(QObject):
    #: something in the project changed (a :class:`Changes`, never empty)
    changed = Signal(object)

    def notify(self, changes: Changes) -> None:
        """Broadcast ``changes``; an empty one is dropped here, so no view refreshes
        (or cuts its undo history) for a dialog that changed nothing."""
        if changes:
            self.changed.emit(changes)
