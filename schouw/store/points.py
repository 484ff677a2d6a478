"""The schouwpunten of a meting: the randomly drawn points where every aspect is judged."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from schouw.domain.models import SchouwPunt, utc_now
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project


class PointRepo:
    def __init__(self, project: Project):
        self.p = project

    def add_many(self, points: list[SchouwPunt]) -> list[SchouwPunt]:
        points = [pt.model_copy(update={"updated_by": self.p.device_id}) for pt in points]
        with self.p.atomic():
            if points:
                self.p.db["schouwpunten"].insert_all([to_row(pt) for pt in points])
        return points

    def list(self, round_id: str) -> list[SchouwPunt]:
        """The round's points in walking order (their number)."""
        cur = self.p.conn.execute(
            "SELECT * FROM schouwpunten WHERE round_id = ? AND deleted_at IS NULL ORDER BY n", (round_id,))
        return [from_row(SchouwPunt, r) for r in dict_rows(cur)]

    def rows(self, round_id: str) -> list[dict[str, Any]]:
        """The points with their street's name, for lists and ``--json``."""
        return dict_rows(self.p.conn.execute(
            """SELECT p.*, s.name AS street FROM schouwpunten p JOIN streets s ON s.id = p.street_id
               WHERE p.round_id = ? AND p.deleted_at IS NULL ORDER BY p.n""", (round_id,)))

    def get(self, point_id: str) -> SchouwPunt | None:
        """By its id or an unambiguous prefix of at least 8 characters."""
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM schouwpunten WHERE deleted_at IS NULL AND "
            "(id = ? OR (length(?) >= 8 AND id LIKE ? || '%'))", (point_id, point_id, point_id)))
        return from_row(SchouwPunt, rows[0]) if len(rows) == 1 else None

    def by_number(self, round_id: str, n: int) -> SchouwPunt | None:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM schouwpunten WHERE round_id = ? AND n = ? AND deleted_at IS NULL", (round_id, n)))
        return from_row(SchouwPunt, rows[0]) if rows else None

    def set_done(self, point_id: str, done: bool) -> None:
        with self.p.atomic():
            self.p.db["schouwpunten"].update(point_id, {
                "done_at": utc_now() if done else None, **self.p.stamp()})

    def count(self, round_id: str) -> tuple[int, int]:
        """(points, points done) of a round."""
        row = self.p.conn.execute(
            "SELECT COUNT(*), COUNT(done_at) FROM schouwpunten WHERE round_id = ? AND deleted_at IS NULL",
            (round_id,)).fetchone()
        return int(row[0]), int(row[1])
