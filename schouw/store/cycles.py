"""Veilige Buurten trajecten, their priorities and what is linked to them (all their SQL).

A priority's findings and actions are link rows of their own (``cycle_priority_findings``,
``cycle_actions``): two laptops that link different findings to one priority then merge
instead of one list overwriting the other. Removing a priority soft-deletes its links,
like every synced row, so that travels too. Reading a traject is a fixed number of statements however many
priorities it has (one for the priorities, one per link table).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from schouw.domain.cycles import Cycle, Priority
from schouw.domain.models import new_id, utc_now
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project

LINK_TABLES = {"finding": ("cycle_priority_findings", "finding_id"), "action": ("cycle_actions", "action_id")}


class CycleRepo:
    def __init__(self, project: Project):
        self.p = project

    # -- trajecten -----------------------------------------------------------------
    def add(self, cycle: Cycle) -> Cycle:
        cycle = cycle.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["cycles"].insert(to_row(cycle))
        return cycle

    def update(self, cycle: Cycle) -> Cycle:
        row = to_row(cycle, exclude={"id", "created_at"})
        row.update(self.p.stamp())
        with self.p.atomic():
            self.p.db["cycles"].update(cycle.id, row)
        return self.get(cycle.id)  # type: ignore[return-value]

    def get(self, cycle_id: str) -> Cycle | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM cycles WHERE id = ? AND deleted_at IS NULL", (cycle_id,)))
        return from_row(Cycle, rows[0]) if rows else None

    def list(self, buurt_id: str | None = None) -> list[Cycle]:
        """Trajecten, newest start first (of one buurt when given)."""
        sql, args = "SELECT * FROM cycles WHERE deleted_at IS NULL", ()
        if buurt_id is not None:
            sql, args = sql + " AND buurt_id = ?", (buurt_id,)
        cur = self.p.conn.execute(sql + " ORDER BY start DESC, created_at DESC", args)
        return [from_row(Cycle, r) for r in dict_rows(cur)]

    def find(self, text: str) -> list[Cycle]:
        """By exact id, else by title (case-insensitive): a list, so the caller can tell
        "none" from "more than one"."""
        text = text.strip()
        rows = dict_rows(self.p.conn.execute("SELECT * FROM cycles WHERE deleted_at IS NULL AND id = ?", (text,)))
        if not rows:
            rows = dict_rows(self.p.conn.execute(
                "SELECT * FROM cycles WHERE deleted_at IS NULL AND title = ? COLLATE NOCASE "
                "ORDER BY start DESC", (text,)))
        return [from_row(Cycle, r) for r in rows]

    # -- priorities -----------------------------------------------------------------
    def priorities(self, cycle_id: str) -> list[Priority]:
        """The traject's live priorities by rank, each with its linked findings."""
        cur = self.p.conn.execute(
            "SELECT * FROM cycle_priorities WHERE cycle_id = ? AND deleted_at IS NULL ORDER BY rank", (cycle_id,))
        rows = dict_rows(cur)
        findings: dict[str, list[str]] = {}
        for priority_id, finding_id in self.p.conn.execute(
                "SELECT l.priority_id, l.finding_id FROM cycle_priority_findings l "
                "JOIN cycle_priorities p ON p.id = l.priority_id "
                "WHERE p.cycle_id = ? AND l.deleted_at IS NULL ORDER BY l.created_at, l.id", (cycle_id,)):
            findings.setdefault(priority_id, []).append(finding_id)
        return [from_row(Priority, {**r, "finding_ids": findings.get(r["id"], [])}) for r in rows]

    def add_priority(self, priority: Priority) -> Priority:
        priority = priority.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["cycle_priorities"].insert(to_row(priority, exclude={"finding_ids"}))
            for finding_id in priority.finding_ids:
                self.link(priority.id, "finding", finding_id)
        return priority

    def update_priority(self, priority: Priority) -> None:
        """Rank, title, what it is about and its outcome; links are changed with :meth:`link`."""
        row = to_row(priority, exclude={"id", "created_at", "finding_ids"})
        row.update(self.p.stamp())
        with self.p.atomic():
            self.p.db["cycle_priorities"].update(priority.id, row)

    def delete_priority(self, priority_id: str) -> None:
        """Soft deletion of the priority and its links, so the deletion travels."""
        now = utc_now()
        with self.p.atomic():
            for table, column in (("cycle_priorities", "id"), ("cycle_priority_findings", "priority_id"),
                                  ("cycle_actions", "priority_id")):
                self.p.conn.execute(
                    f"UPDATE {table} SET deleted_at = ?, updated_at = ?, updated_by = ? "
                    f"WHERE {column} = ? AND deleted_at IS NULL", (now, now, self.p.device_id, priority_id))

    # -- links --------------------------------------------------------------------------
    def link(self, priority_id: str, kind: str, target_id: str) -> bool:
        """Link a finding or an action to a priority; False when it already was. A link
        deleted before (a tombstone, e.g. from another laptop's package) comes back as the
        same row: the pair is UNIQUE, and the merge then sees an update."""
        table, column = LINK_TABLES[kind]
        with self.p.atomic():
            known = self.p.conn.execute(
                f"SELECT id, deleted_at FROM {table} WHERE priority_id = ? AND {column} = ?",
                (priority_id, target_id)).fetchone()
            if known is not None and known[1] is None:
                return False
            if known is not None:
                stamp = self.p.stamp()
                self.p.conn.execute(f"UPDATE {table} SET deleted_at = NULL, updated_at = ?, updated_by = ? WHERE id = ?",
                                    (stamp["updated_at"], stamp["updated_by"], known[0]))
                return True
            now = utc_now()
            self.p.db[table].insert({"id": new_id(), "priority_id": priority_id, column: target_id,
                                     "created_at": now, "updated_at": now, "updated_by": self.p.device_id,
                                     "deleted_at": None})
        return True

    def action_links(self, cycle_id: str) -> list[tuple[str, str]]:
        """``(priority_id, action_id)`` of every live action link of the traject."""
        return [(r[0], r[1]) for r in self.p.conn.execute(
            "SELECT l.priority_id, l.action_id FROM cycle_actions l JOIN cycle_priorities p ON p.id = l.priority_id "
            "WHERE p.cycle_id = ? AND l.deleted_at IS NULL AND p.deleted_at IS NULL ORDER BY l.created_at, l.id",
            (cycle_id,))]

    # -- what the links point at -------------------------------------------------------
    def finding_facts(self, finding_ids: list[str]) -> dict[str, dict]:
        """Street, item, level and house number of the given findings (one statement)."""
        if not finding_ids:
            return {}
        cur = self.p.conn.execute(
            "SELECT f.id, s.name AS street, f.element || '.' || f.aspect AS item, f.level, f.house_number, "
            "f.description, f.round_id, r.date AS round_date FROM findings f "
            "JOIN streets s ON s.id = f.street_id JOIN rounds r ON r.id = f.round_id "
            "WHERE f.id IN (SELECT value FROM json_each(?)) AND f.deleted_at IS NULL", (json.dumps(finding_ids),))
        return {r["id"]: r for r in dict_rows(cur)}

    def actions_of_findings(self, finding_ids: list[str]) -> dict[str, str]:
        """finding id → its live action's id (one statement)."""
        if not finding_ids:
            return {}
        return dict(self.p.conn.execute(
            "SELECT finding_id, id FROM actions WHERE deleted_at IS NULL "
            "AND finding_id IN (SELECT value FROM json_each(?))", (json.dumps(finding_ids),)).fetchall())

    def buurt_findings(self, buurt_id: str, limit: int = 500) -> list[dict]:
        """The live findings of the buurt's knelpuntenschouw rounds, newest round first: what
        a priority about findings can point at (a meting's judgements are no problems)."""
        cur = self.p.conn.execute(
            "SELECT f.id, s.name AS street, f.element || '.' || f.aspect AS item, f.level, f.house_number, "
            "r.date AS round_date FROM findings f JOIN rounds r ON r.id = f.round_id "
            "JOIN streets s ON s.id = f.street_id WHERE r.buurt_id = ? AND r.kind != 'meting' "
            "AND f.deleted_at IS NULL AND r.deleted_at IS NULL ORDER BY r.date DESC, s.name, f.element, f.aspect "
            "LIMIT ?", (buurt_id, limit))
        return dict_rows(cur)
