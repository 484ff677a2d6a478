"""What a publish reads from the project file (issue #21): the synced rows of the
published tables, in bulk, for everything or for some rounds.

One SELECT per table (rounds in chunks), plain tuples as dicts: a publish reads
hundreds of thousands of findings and must not build a pydantic model per row. The
scope of a round is the round, its buurt and wijk, the buurt's streets (and any other
street a finding names), and what hangs under its findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from schouw.store.project import Project

SYNCED = ("created_at", "updated_at", "updated_by", "deleted_at")
CHUNK = 500

#: The columns read per table (besides id and the synced-row columns).
READ: dict[str, tuple[str, ...]] = {
    "wijken": ("name", "code"),
    "buurten": ("wijk_id", "name", "code", "area_type", "boundary"),
    "streets": ("buurt_id", "name", "woonplaats", "area_type", "house_numbers", "position", "geometry"),
    "profiles": ("name", "definition"),
    "forms": ("form_id", "version", "title", "kind", "definition"),
    "round_streets": ("round_id", "street_id", "done_at"),
    "schouwpunten": ("round_id", "n", "street_id", "stretch", "lat", "lon", "done_at"),
    "rounds": ("buurt_id", "date", "form_key", "profile_id", "title", "notes", "kind", "points_n", "seed",
               "closed_at"),
    "participants": ("round_id", "name", "organisation", "role", "email", "phone"),
    "findings": ("round_id", "street_id", "element", "aspect", "level", "not_applicable", "choice",
                 "house_number", "spot", "description", "priority", "lat", "lon", "observed_at",
                 "time_of_day", "publishable", "point_id"),
    "actions": ("finding_id", "party", "due_date", "status", "status_reason", "mor_id", "mor_status",
                "mor_status_text"),
    "action_events": ("action_id", "at", "status", "note", "from_status", "on_date", "who"),
    "rechecks": ("round_id", "follows", "street_id", "result", "level", "finding_id", "checked_at"),
    "indicators": ("name", "unit", "area_kind", "area_id", "direction", "baseline_value", "baseline_year",
                   "baseline_source", "target_value", "target_year", "aspect_group", "aspect"),
    "indicator_values": ("indicator_id", "year", "value", "source", "round_id"),
    "photos": ("finding_id", "sha256", "width", "height", "caption", "taken_at", "position", "masks"),
}

#: Columns besides id and the stamps that decide a row's published version (a finding's
#: judgement is made at publish time from these).
LIGHT: dict[str, tuple[str, ...]] = {
    "findings": ("round_id", "street_id", "element", "aspect", "level", "not_applicable"),
}

#: How a table hangs under rounds: the SQL that selects its rows of some rounds ({ids}).
_BY_ROUND = {
    "rounds": "x.id IN ({ids})",
    "profiles": "x.id IN (SELECT profile_id FROM rounds WHERE id IN ({ids}))",
    "forms": "x.key IN (SELECT form_key FROM rounds WHERE id IN ({ids}))",
    "round_streets": "x.round_id IN ({ids})",
    "schouwpunten": "x.round_id IN ({ids})",
    "participants": "x.round_id IN ({ids})",
    "findings": "x.round_id IN ({ids})",
    "rechecks": "x.round_id IN ({ids})",
    "actions": "x.finding_id IN (SELECT id FROM findings WHERE round_id IN ({ids}))",
    "action_events": "x.action_id IN (SELECT a.id FROM actions a JOIN findings f ON f.id = a.finding_id "
                     "WHERE f.round_id IN ({ids}))",
    "photos": "x.finding_id IN (SELECT id FROM findings WHERE round_id IN ({ids}))",
    "buurten": "x.id IN (SELECT buurt_id FROM rounds WHERE id IN ({ids}))",
    "wijken": "x.id IN (SELECT b.wijk_id FROM buurten b JOIN rounds r ON r.buurt_id = b.id "
              "WHERE r.id IN ({ids}))",
    "streets": "(x.buurt_id IN (SELECT buurt_id FROM rounds WHERE id IN ({ids})) "
               "OR x.id IN (SELECT street_id FROM findings WHERE round_id IN ({ids})))",
    "indicator_values": "x.round_id IN ({ids})",
    "indicators": "x.id IN (SELECT indicator_id FROM indicator_values WHERE round_id IN ({ids}))",
}


class PublishRows:
    """Bulk reads for a publish, on the project's own connection (read-only is enough)."""

    def __init__(self, project: Project):
        self.conn = project.conn

    def project_id(self) -> str:
        row = self.conn.execute("SELECT value FROM project_meta WHERE key = 'project_id'").fetchone()
        return row[0] if row else ""

    def round_ids(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT id FROM rounds ORDER BY id")]

    def light(self, table: str, round_ids: list[str] | None = None) -> list[tuple]:
        """(id, updated_at, deleted_at, *LIGHT[table]) of every row in scope: all a
        publish needs to decide what to send, at a fraction of the cost of whole rows."""
        cols = ("id", "updated_at", "deleted_at", *LIGHT.get(table, ()))
        if table == "forms" and not round_ids:
            return self.conn.execute("SELECT key, added_at, NULL FROM forms").fetchall()
        return [tuple(r[c] for c in cols) for r in self.rows(table, round_ids, cols)] if round_ids else \
            self.conn.execute(f"SELECT {', '.join(cols)} FROM {table}").fetchall()

    def rows_by_ids(self, table: str, ids: list[str]) -> Iterator[dict[str, Any]]:
        """Whole rows of ``table`` by id (those a publish sends)."""
        select, cols = self._select(table, None)
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start:start + CHUNK]
            key = "key" if table == "forms" else "id"
            cur = self.conn.execute(f"SELECT {select} FROM {table} x WHERE x.{key} IN ({', '.join('?' * len(chunk))})",
                                    chunk)
            for row in cur:
                yield dict(zip(cols, row, strict=True))

    def _select(self, table: str, cols: tuple[str, ...] | None) -> tuple[str, tuple[str, ...]]:
        if table == "forms":  # keyed by ``key``; a form version never changes: added_at is its stamp
            alias = {"id": "x.key", "created_at": "x.added_at", "updated_at": "x.added_at", "updated_by": "''",
                     "deleted_at": "NULL"}
            cols = cols or ("id", *READ[table], *SYNCED)
            return ", ".join(alias.get(c, f"x.{c}") for c in cols), cols
        if cols is not None:
            return ", ".join(f"x.{c}" for c in cols), cols
        cols = ("id", *READ[table], *SYNCED)
        select = ", ".join(f"x.{c}" for c in cols)
        if table == "photos":  # the size of the stored master, without reading its bytes
            select += ", (SELECT length(b.data) FROM photo_blobs b WHERE b.photo_id = x.id AND b.kind = 'jpeg')"
            cols = (*cols, "size")
        return select, cols

    def rows(self, table: str, round_ids: list[str] | None = None,
             columns: tuple[str, ...] | None = None) -> Iterator[dict[str, Any]]:
        """The rows of ``table`` (all, or those of ``round_ids``), tombstones included."""
        select, cols = self._select(table, columns)
        if round_ids is None:
            cur = self.conn.execute(f"SELECT {select} FROM {table} x")
            for row in cur:
                yield dict(zip(cols, row, strict=True))
            return
        seen: set[str] = set()
        for start in range(0, len(round_ids), CHUNK):
            chunk = round_ids[start:start + CHUNK]
            marks = ", ".join("?" * len(chunk))
            where = _BY_ROUND[table].format(ids=marks)
            cur = self.conn.execute(f"SELECT {select} FROM {table} x WHERE {where}", chunk * _BY_ROUND[table].count("{ids}"))
            for row in cur:
                if row[0] not in seen:  # a street or buurt shared by rounds of two chunks
                    seen.add(row[0])
                    yield dict(zip(cols, row, strict=True))

    def photo_master(self, photo_id: str) -> bytes | None:
        row = self.conn.execute("SELECT data FROM photo_blobs WHERE photo_id = ? AND kind = 'jpeg'",
                                (photo_id,)).fetchone()
        return None if row is None else bytes(row[0])
