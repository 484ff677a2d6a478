"""Actiepunten and their status history."""

from __future__ import annotations

import json
from datetime import date
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

    def set_status(self, action_id: str, status: ActionStatus, reason: str = "", *, external: bool = False,
                   on_date: date | None = None, who: str = "", checked: bool = False) -> ActionEvent | None:
        """Move an action to a new status, recording the change in its history; returns
        the history entry (None when nothing changed).

        ``external`` is for status that comes back from the municipality's MOR system:
        that system is the truth, so the usual transition rules do not apply. ``checked``:
        the caller (the use case in schouw.services.actions) has applied the rules already,
        or is taking a change back. The row and its history entry are one transaction.
        """
        action = self.get(action_id)
        if action is None or action.status == status:
            return None
        if not external and not checked:
            check_transition(action.status, status, reason)
        with self.p.atomic():
            self.p.db["actions"].update(
                action_id, {"status": status.value, "status_reason": reason, **self.p.stamp()})
            self.p.fault_point("action-status-written")
            return self._event(action_id, status, reason, from_status=action.status, on_date=on_date, who=who)

    def _event(self, action_id: str, status: ActionStatus, note: str, *, from_status: ActionStatus | None = None,
               on_date: date | None = None, who: str = "") -> ActionEvent:
        event = ActionEvent(action_id=action_id, status=status, note=note, updated_by=self.p.device_id,
                            from_status=from_status, on_date=on_date, who=who or self.p.device_id)
        self.p.db["action_events"].insert(to_row(event))
        return event

    def history(self, action_id: str) -> list[ActionEvent]:
        """The action's entries in order of time (the id breaks a tie, the same on every laptop)."""
        cur = self.p.conn.execute(
            "SELECT * FROM action_events WHERE action_id = ? AND deleted_at IS NULL ORDER BY at, id", (action_id,))
        return [from_row(ActionEvent, r) for r in dict_rows(cur)]

    def histories(self, action_ids: list[str]) -> dict[str, list[ActionEvent]]:
        """History per action for many actions at once (the action list)."""
        out: dict[str, list[ActionEvent]] = {a: [] for a in action_ids}
        for start in range(0, len(action_ids), 500):
            chunk = action_ids[start:start + 500]
            cur = self.p.conn.execute(
                f"SELECT * FROM action_events WHERE deleted_at IS NULL AND action_id IN ({','.join('?' * len(chunk))}) "
                "ORDER BY at, id", chunk)
            for r in dict_rows(cur):
                out[r["action_id"]].append(from_row(ActionEvent, r))
        return out

    def listing(self, round_id: str | None = None, action_ids: list[str] | None = None) -> list[dict[str, Any]]:
        """Every live action of a round (or the project, or just ``action_ids``) with its
        finding, street, round date and whether the MOR outbox holds it: the rows of the
        action list."""
        where = "a.deleted_at IS NULL AND f.deleted_at IS NULL"
        params: list[Any] = []
        if round_id is not None:
            where += " AND f.round_id = ?"
            params.append(round_id)
        if action_ids is not None:
            where += " AND a.id IN (SELECT value FROM json_each(?))"
            params.append(json.dumps(list(action_ids)))
        cur = self.p.conn.execute(
            "SELECT a.*, f.round_id AS round_id, f.element AS element, f.aspect AS aspect, "
            "f.house_number AS house_number, s.name AS street, r.date AS round_date, "
            "(SELECT o.state FROM mor_outbox o WHERE o.finding_id = f.id) AS outbox_state "
            "FROM actions a JOIN findings f ON f.id = a.finding_id JOIN streets s ON s.id = f.street_id "
            f"JOIN rounds r ON r.id = f.round_id WHERE {where} ORDER BY r.date, s.name, f.element, f.aspect, a.id",
            params)
        return dict_rows(cur)

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
