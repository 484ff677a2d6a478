"""Bevindingen: the rows a wijkschouw is made of."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schouw.domain.models import Action, Finding, Photo, utc_now
from schouw.messages import SchouwError
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project

#: The columns `findings list` and the finding tables show.
LIST_SQL = """
    SELECT f.id, f.round_id, f.street_id, s.name AS street, f.house_number AS number, f.spot,
           f.element, f.aspect, f.level, f.not_applicable, f.choice, f.description AS text,
           f.priority, f.lat, f.lon, f.observed_at, f.time_of_day, f.created_at, f.updated_at,
           (SELECT COUNT(*) FROM photos p WHERE p.finding_id = f.id AND p.deleted_at IS NULL) AS photo_count,
           a.id AS action_id, a.party AS action_party, a.status AS action_status, a.due_date AS action_due,
           a.mor_id, a.mor_status
    FROM findings f JOIN streets s ON s.id = f.street_id
         LEFT JOIN actions a ON a.finding_id = f.id AND a.deleted_at IS NULL
    WHERE f.deleted_at IS NULL AND {where}
    ORDER BY s.position, s.name, f.created_at
"""


class FindingRepo:
    def __init__(self, project: Project):
        self.p = project

    def add(
        self,
        finding: Finding,
        action: Action | None = None,
        photos: list[tuple[Photo, dict[str, bytes]]] = (),
    ) -> Finding:
        """Insert a finding with its action and photos in ONE transaction: after a
        crash there is either all of it or none of it."""
        finding = finding.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["findings"].insert(to_row(finding))
            if action is not None:
                self.p.actions.add(action.model_copy(update={"finding_id": finding.id}))
            for photo, blobs in photos:
                self.p.photos.add(photo.model_copy(update={"finding_id": finding.id}), blobs)
                self.p.fault_point("finding-photo-written")
        return finding

    def get(self, finding_id: str, *, include_deleted: bool = False) -> Finding:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM findings WHERE id = ? OR (length(?) >= 8 AND id LIKE ? || '%')",
            (finding_id, finding_id, finding_id)))
        if len(rows) != 1 or (rows[0]["deleted_at"] and not include_deleted):
            raise SchouwError("unknown_finding", id=finding_id)
        return from_row(Finding, rows[0])

    def update(self, finding_id: str, **changes: Any) -> None:
        row = {}
        for key, value in changes.items():
            if hasattr(value, "value"):
                value = value.value
            if isinstance(value, bool):
                value = int(value)
            row[key] = value
        with self.p.atomic():
            self.p.db["findings"].update(finding_id, {**row, **self.p.stamp()})

    def delete(self, finding_id: str) -> None:
        """Soft delete: the row stays (for undo and for packages to carry the deletion)."""
        now = utc_now()
        with self.p.atomic():
            self.p.db["findings"].update(finding_id, {"deleted_at": now, **self.p.stamp()})

    def undelete(self, finding_id: str) -> None:
        with self.p.atomic():
            self.p.db["findings"].update(finding_id, {"deleted_at": None, **self.p.stamp()})

    def list(self, round_id: str, street_id: str | None = None) -> list[dict[str, Any]]:
        if street_id:
            cur = self.p.conn.execute(LIST_SQL.format(where="f.round_id = ? AND f.street_id = ?"),
                                      (round_id, street_id))
        else:
            cur = self.p.conn.execute(LIST_SQL.format(where="f.round_id = ?"), (round_id,))
        rows = dict_rows(cur)
        for row in rows:
            row["not_applicable"] = bool(row["not_applicable"])
        return rows

    def models(self, round_id: str) -> list[Finding]:
        cur = self.p.conn.execute(
            "SELECT * FROM findings WHERE round_id = ? AND deleted_at IS NULL ORDER BY created_at", (round_id,))
        return [from_row(Finding, r) for r in dict_rows(cur)]

    def map_rows(self, round_id: str) -> list[tuple]:
        """``(id, street_id, element, aspect, level, not_applicable, choice, lat, lon,
        created_at)`` per live finding of a round: what a map scene needs, as plain
        tuples (no model per row: a round can have 50,000). Ordered exactly as
        :meth:`models` is, so the report's numbering rule gives both the same numbers."""
        return self.p.conn.execute(
            "SELECT id, street_id, element, aspect, level, not_applicable, choice, lat, lon, created_at "
            "FROM findings WHERE round_id = ? AND deleted_at IS NULL ORDER BY created_at", (round_id,)).fetchall()

    def count_by_street(self, round_id: str) -> dict[str, int]:
        cur = self.p.conn.execute(
            "SELECT street_id, COUNT(*) FROM findings WHERE round_id = ? AND deleted_at IS NULL GROUP BY street_id",
            (round_id,))
        return dict(cur.fetchall())

    def count(self) -> int:
        return self.p.conn.execute("SELECT COUNT(*) FROM findings WHERE deleted_at IS NULL").fetchone()[0]

    def level_rows(self, round_id: str, street_id: str | None = None) -> list[tuple]:
        """``(street_id, element, aspect, level, not_applicable)`` per live finding: the
        little the norm counts of the street list need, without joins."""
        sql = ("SELECT street_id, element, aspect, level, not_applicable FROM findings "
               "WHERE round_id = ? AND deleted_at IS NULL")
        args: tuple = (round_id,)
        if street_id is not None:
            sql += " AND street_id = ?"
            args = (round_id, street_id)
        return self.p.conn.execute(sql, args).fetchall()

    def level_counts(self, round_id: str, street_id: str | None = None) -> list[tuple]:
        """``(street_id, element, aspect, level, not_applicable, count)`` over the live
        findings: :meth:`level_rows` with identical rows counted once, for the street
        list's norm counts."""
        sql = ("SELECT street_id, element, aspect, level, not_applicable, COUNT(*) FROM findings "
               "WHERE round_id = ? AND deleted_at IS NULL")
        args: tuple = (round_id,)
        if street_id is not None:
            sql += " AND street_id = ?"
            args = (round_id, street_id)
        sql += " GROUP BY street_id, element, aspect, level, not_applicable"
        return self.p.conn.execute(sql, args).fetchall()

    def one(self, finding_id: str, *, include_deleted: bool = False) -> Finding:
        """A finding by its exact id, through the primary key (``get`` also accepts an id
        prefix, which costs a scan of the table; the GUI always has the whole id)."""
        rows = dict_rows(self.p.conn.execute("SELECT * FROM findings WHERE id = ?", (finding_id,)))
        if not rows or (rows[0]["deleted_at"] and not include_deleted):
            raise SchouwError("unknown_finding", id=finding_id)
        return from_row(Finding, rows[0])
