"""Actiepunten and their status history."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schouw.domain.actions import ActionStatus, check_transition
from schouw.domain.models import Action, ActionEvent, utc_now
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project


class ActionRepo:
    def __init__(self, project: Project):
        self.p = project

    def for_finding(self, finding_id: str) -> Action | None:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM actions WHERE finding_id = ? AND deleted_at IS NULL", (finding_id,)))
        return from_row(Action, rows[0]) if rows else None

    def get(self, action_id: str) -> Action | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM actions WHERE id = ?", (action_id,)))
        return from_row(Action, rows[0]) if rows else None

    def add(self, action: Action, note: str = "") -> Action:
        action = action.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["actions"].insert(to_row(action))
            self._event(action.id, action.status, note or "aangemaakt")
        return action

    def update(self, action_id: str, **changes: Any) -> None:
        """Change party, due date, ...; a status change goes through :meth:`set_status`."""
        changes = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in changes.items()}
        with self.p.atomic():
            self.p.db["actions"].update(action_id, {**changes, **self.p.stamp()})

    def set_status(self, action_id: str, status: ActionStatus, reason: str = "", *, external: bool = False) -> None:
        """Move an action to a new status, recording the change in its history.

        ``external`` is for status that comes back from the municipality's MOR system:
        that system is the truth, so the usual transition rules do not apply.
        """
        action = self.get(action_id)
        if action is None or action.status == status:
            return
        if not external:
            check_transition(action.status, status, reason)
        with self.p.atomic():
            self.p.db["actions"].update(
                action_id, {"status": status.value, "status_reason": reason, **self.p.stamp()})
            self._event(action_id, status, reason)

    def _event(self, action_id: str, status: ActionStatus, note: str) -> None:
        event = ActionEvent(action_id=action_id, status=status, note=note, updated_by=self.p.device_id)
        self.p.db["action_events"].insert(to_row(event))

    def history(self, action_id: str) -> list[ActionEvent]:
        cur = self.p.conn.execute(
            "SELECT * FROM action_events WHERE action_id = ? ORDER BY at", (action_id,))
        return [from_row(ActionEvent, r) for r in dict_rows(cur)]

    def delete_for_finding(self, finding_id: str) -> None:
        now = utc_now()
        with self.p.atomic():
            self.p.conn.execute(
                "UPDATE actions SET deleted_at = ?, updated_at = ?, updated_by = ? WHERE finding_id = ?",
                (now, now, self.p.device_id, finding_id))

    def any_for_finding(self, finding_id: str) -> Action | None:
        """The finding's action, also when it was soft-deleted (one per finding)."""
        rows = dict_rows(self.p.conn.execute("SELECT * FROM actions WHERE finding_id = ?", (finding_id,)))
        return from_row(Action, rows[0]) if rows else None

    def undelete(self, action_id: str) -> None:
        with self.p.atomic():
            self.p.db["actions"].update(action_id, {"deleted_at": None, **self.p.stamp()})

    def parties(self, limit: int = 200) -> list[str]:
        """Responsible parties used before, most used first (to offer again)."""
        cur = self.p.conn.execute(
            "SELECT party FROM actions WHERE deleted_at IS NULL AND party != '' "
            "GROUP BY party ORDER BY COUNT(*) DESC, party LIMIT ?", (limit,))
        return [r[0] for r in cur]
