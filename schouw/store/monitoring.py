"""The read side of the overview across rounds and places (issue #19): every query the
Overzicht, ``schouw overview`` and ``schouw hotspots`` need, batched.

Each method is ONE query over a period (and optionally a set of buurten), grouped in SQL
so the rows returned grow with the number of buurten, items and levels, not with the
number of rounds or findings. Nothing here judges: the groups carry what
:func:`schouw.domain.norms.judge` needs (item, level, area types, form and profile), and
the service judges each group once. ``cur`` in a row is 1 for the asked period and 0 for
the previous one (the trend), so one query serves both.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from schouw.store.project import Project

#: SQLite's safe number of host parameters in one IN list.
_CHUNK = 900


@dataclass(frozen=True)
class Window:
    """The dates a query covers: ``prev_start`` ≤ previous < ``start`` ≤ current ≤ ``end``
    (ISO dates); ``buurt_ids`` None means every buurt."""

    prev_start: str
    start: str
    end: str
    buurt_ids: tuple[str, ...] | None = None


def _buurt_filter(window: Window, column: str = "r.buurt_id") -> tuple[str, list[Any]]:
    if window.buurt_ids is None:
        return "", []
    if not window.buurt_ids:
        return " AND 0", []
    return f" AND {column} IN ({','.join('?' * len(window.buurt_ids))})", list(window.buurt_ids)


def _period(window: Window) -> tuple[str, list[Any]]:
    """The rounds of both periods, and ``cur`` telling them apart."""
    where, params = _buurt_filter(window)
    return (f"r.deleted_at IS NULL AND r.date >= ? AND r.date <= ?{where}",
            [window.prev_start, window.end, *params])


class MonitoringRepo:
    """Batched reads for the overview. Construct per use: it holds no state."""

    def __init__(self, project: Project):
        self.conn = project.conn

    def areas(self) -> list[tuple]:
        """(buurt id, buurt name, buurt area type, wijk id, wijk name) of every live buurt."""
        return self.conn.execute(
            "SELECT b.id, b.name, b.area_type, w.id, w.name FROM buurten b JOIN wijken w ON w.id = b.wijk_id "
            "WHERE b.deleted_at IS NULL AND w.deleted_at IS NULL ORDER BY w.name, b.name").fetchall()

    def buurten_of_rounds(self, round_ids: Sequence[str]) -> list[str]:
        """The buurten the given rounds belong to (what an edit of those rounds touches)."""
        out: list[str] = []
        for chunk in _chunks(round_ids):
            out += [r[0] for r in self.conn.execute(
                f"SELECT DISTINCT buurt_id FROM rounds WHERE id IN ({','.join('?' * len(chunk))})", chunk)]
        return out

    def rounds(self, window: Window) -> list[tuple]:
        """(id, buurt id, date, kind, form key, profile id, title, cur) of the rounds of
        both periods, oldest first."""
        where, params = _period(window)
        return self.conn.execute(
            f"SELECT r.id, r.buurt_id, r.date, r.kind, r.form_key, r.profile_id, r.title, r.date >= ? AS cur "
            f"FROM rounds r WHERE {where} ORDER BY r.date, r.id", [window.start, *params]).fetchall()

    def finding_groups(self, window: Window) -> list[tuple]:
        """Findings counted per (buurt, cur, kind, form key, profile id, element, aspect,
        level, n.v.t., street area type): everything judging needs, once per group."""
        where, params = _period(window)
        return self.conn.execute(
            "SELECT r.buurt_id, r.date >= ? AS cur, r.kind, r.form_key, r.profile_id, f.element, f.aspect, "
            "f.level, f.not_applicable, s.area_type, COUNT(*) "
            "FROM rounds r JOIN findings f ON f.round_id = r.id AND f.deleted_at IS NULL "
            "LEFT JOIN streets s ON s.id = f.street_id "
            f"WHERE {where} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10", [window.start, *params]).fetchall()

    def measurements(self, round_ids: Sequence[str]) -> list[dict[str, Any]]:
        """The point measurements of the given metingen (for their shares), as rows."""
        names = ("round_id", "point_id", "street_id", "element", "aspect", "level", "not_applicable",
                 "updated_at", "deleted_at")
        out: list[dict[str, Any]] = []
        for chunk in _chunks(round_ids):
            cur = self.conn.execute(
                f"SELECT {', '.join(names)} FROM findings WHERE deleted_at IS NULL AND point_id IS NOT NULL "
                f"AND round_id IN ({','.join('?' * len(chunk))})", chunk)
            out += [dict(zip(names, row, strict=True)) for row in cur]
        return out

    def point_counts(self, round_ids: Sequence[str]) -> dict[str, tuple[int, int]]:
        """round id -> (schouwpunten drawn, done) for the given metingen."""
        out: dict[str, tuple[int, int]] = {}
        for chunk in _chunks(round_ids):
            for rid, total, done in self.conn.execute(
                    "SELECT round_id, COUNT(*), COUNT(done_at) FROM schouwpunten WHERE deleted_at IS NULL "
                    f"AND round_id IN ({','.join('?' * len(chunk))}) GROUP BY round_id", chunk):
                out[rid] = (total, done)
        return out

    def street_area_types(self, buurt_ids: Iterable[str]) -> dict[str, str | None]:
        """street id -> its own area type (None: its buurt's), for the given buurten."""
        out: dict[str, str | None] = {}
        for chunk in _chunks(list(buurt_ids)):
            out.update(self.conn.execute(
                f"SELECT id, area_type FROM streets WHERE buurt_id IN ({','.join('?' * len(chunk))})", chunk))
        return out

    def action_groups(self, window: Window, today: str, closed: Sequence[str]) -> list[tuple]:
        """Actions of the findings of both periods' rounds, counted per (buurt, cur,
        party, status, due date known, due date before ``today``, days to close). Days
        to close run from the round to the day the action reached its status (the latest
        history entry with it), only for the current period's actions whose status is one
        of ``closed`` (NULL otherwise): one pass over the actions serves both."""
        where, params = _period(window)
        marks = ",".join("?" * len(closed))
        return self.conn.execute(
            "SELECT r.buurt_id, r.date >= ? AS cur, a.party, a.status, a.due_date IS NOT NULL, a.due_date < ?, "
            f"CASE WHEN r.date >= ? AND a.status IN ({marks}) THEN CAST(julianday("
            " (SELECT MAX(COALESCE(e.on_date, substr(e.at, 1, 10))) FROM action_events e"
            "  WHERE e.action_id = a.id AND e.status = a.status AND e.deleted_at IS NULL)"
            ") - julianday(r.date) AS INTEGER) END AS days, COUNT(*) "
            "FROM rounds r JOIN findings f ON f.round_id = r.id AND f.deleted_at IS NULL "
            "JOIN actions a ON a.finding_id = f.id AND a.deleted_at IS NULL "
            f"WHERE {where} GROUP BY 1, 2, 3, 4, 5, 6, 7",
            [window.start, today, window.start, *closed, *params]).fetchall()

    def recheck_groups(self, window: Window) -> list[tuple]:
        """Re-inspection results counted per (buurt, cur, result; NULL: not checked yet)."""
        where, params = _period(window)
        return self.conn.execute(
            "SELECT r.buurt_id, r.date >= ? AS cur, k.result, COUNT(*) FROM rounds r "
            "JOIN rechecks k ON k.round_id = r.id AND k.deleted_at IS NULL "
            f"WHERE {where} GROUP BY 1, 2, 3", [window.start, *params]).fetchall()

    def time_groups(self, window: Window) -> list[tuple]:
        """The current period's findings with a time of day, counted per (buurt, time of
        day as typed, day observed: the observation's date, else the round's)."""
        where, params = _buurt_filter(window)
        return self.conn.execute(
            "SELECT r.buurt_id, f.time_of_day, date(COALESCE(f.observed_at, r.date)), COUNT(*) "
            "FROM rounds r JOIN findings f ON f.round_id = r.id AND f.deleted_at IS NULL "
            f"WHERE r.deleted_at IS NULL AND r.date >= ? AND r.date <= ?{where} AND TRIM(f.time_of_day) != '' "
            "GROUP BY 1, 2, 3", [window.start, window.end, *params]).fetchall()

    def located_findings(self, window: Window, keys: Sequence[str]) -> list[tuple]:
        """The current period's findings with a place whose judging group is one of
        ``keys`` ("buurt|form|profile|element|aspect|level|street area type" — the groups the
        service judged below their norm), as (id, round id, buurt id, street id, street
        name, element, aspect, level, lat, lon). One query: the keys go in as one JSON
        parameter."""
        import json

        where, params = _buurt_filter(window)
        return self.conn.execute(
            "SELECT f.id, r.id, r.buurt_id, f.street_id, s.name, f.element, f.aspect, f.level, f.lat, f.lon "
            "FROM rounds r JOIN findings f ON f.round_id = r.id AND f.deleted_at IS NULL "
            "LEFT JOIN streets s ON s.id = f.street_id "
            f"WHERE r.deleted_at IS NULL AND r.date >= ? AND r.date <= ?{where} "
            "AND f.lat IS NOT NULL AND f.lon IS NOT NULL AND f.not_applicable = 0 AND f.level IS NOT NULL "
            "AND (r.buurt_id || '|' || r.form_key || '|' || IFNULL(r.profile_id, '') || '|' || f.element || '|' || f.aspect || '|' "
            "|| f.level || '|' || IFNULL(s.area_type, '')) IN (SELECT value FROM json_each(?))",
            [window.start, window.end, *params, json.dumps(list(keys))]).fetchall()


def _chunks(ids: Sequence[str]) -> Iterable[list[str]]:
    ids = list(ids)
    for start in range(0, len(ids), _CHUNK):
        yield ids[start:start + _CHUNK]
