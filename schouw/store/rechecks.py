"""Re-inspection rows (herschouw): the open points of an earlier round checked again."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schouw.domain.models import utc_now
from schouw.domain.rechecks import Recheck
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project

#: One row per point with what a list needs: the old finding's item, spot and level.
LIST_SQL = """
    SELECT r.id, r.round_id, r.follows, r.street_id, s.name AS street, s.position,
           o.element, o.aspect, o.level AS previous_level, o.not_applicable AS previous_nvt,
           o.choice AS previous_choice, o.house_number AS number, o.spot,
           o.description AS previous_text, o.round_id AS previous_round,
           r.result, r.level, r.finding_id, r.checked_at, r.created_at,
           a.id AS action_id, a.status AS action_status
    FROM rechecks r LEFT JOIN findings o ON o.id = r.follows JOIN streets s ON s.id = r.street_id
         LEFT JOIN actions a ON a.finding_id = r.follows AND a.deleted_at IS NULL
    WHERE r.deleted_at IS NULL AND r.round_id = ? {where}
    ORDER BY s.position, s.name, o.created_at, r.id
"""


class RecheckRepo:
    def __init__(self, project: Project):
        self.p = project

    def add_many(self, rechecks: list[Recheck]) -> None:
        rows = [to_row(r.model_copy(update={"updated_by": self.p.device_id})) for r in rechecks]
        with self.p.atomic():
            if rows:
                self.p.db["rechecks"].insert_all(rows)

    def get(self, recheck_id: str) -> Recheck | None:
        """By its id or an unambiguous prefix of at least 8 characters."""
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM rechecks WHERE deleted_at IS NULL AND "
            "(id = ? OR (length(?) >= 8 AND id LIKE ? || '%'))", (recheck_id, recheck_id, recheck_id)))
        return from_row(Recheck, rows[0]) if len(rows) == 1 else None

    def list(self, round_id: str, street_id: str | None = None) -> list[dict[str, Any]]:
        if street_id is None:
            return dict_rows(self.p.conn.execute(LIST_SQL.format(where=""), (round_id,)))
        return dict_rows(self.p.conn.execute(LIST_SQL.format(where="AND r.street_id = ?"),
                                             (round_id, street_id)))

    def set_result(self, recheck_id: str, result: str | None, level: str | None,
                   finding_id: str | None) -> None:
        """Record (or, with ``result`` None, take back) the check of one point."""
        with self.p.atomic():
            self.p.db["rechecks"].update(recheck_id, {
                "result": result, "level": level, "finding_id": finding_id,
                "checked_at": utc_now() if result else None, **self.p.stamp()})

    def follows_of(self, finding_ids: list[str] | None = None) -> dict[str, str]:
        """``new finding id -> the earlier finding it follows`` (for ``findings list``)."""
        rows = self.p.conn.execute(
            "SELECT finding_id, follows FROM rechecks WHERE finding_id IS NOT NULL AND deleted_at IS NULL")
        links = dict(rows.fetchall())
        return links if finding_ids is None else {k: v for k, v in links.items() if k in set(finding_ids)}

    def for_finding(self, finding_id: str) -> Recheck | None:
        """The check that recorded ``finding_id`` as still there, if any."""
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM rechecks WHERE finding_id = ? AND deleted_at IS NULL", (finding_id,)))
        return from_row(Recheck, rows[0]) if rows else None
