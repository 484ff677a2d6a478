"""The municipality's central PostgreSQL/PostGIS store (issue #21): its schema, its
migrations and the batched upsert. All of publishing's SQL lives here, as all of the
project file's SQL lives in the rest of ``store``.

Why it looks like this
    - Versioned like the project file: ``schouw_meta`` holds ``schema_version``; a schema
      made by a newer schouw is refused before anything is written, an older one is
      migrated in one transaction under an advisory lock, so two laptops that publish
      into a fresh database at the same moment do not both create it.
    - Every table is keyed by the row's UUID and carries the synced-row columns
      (``created_at``, ``updated_at``, ``updated_by``, ``deleted_at`` tombstones) plus
      ``project_id``: the laptop project it came from. Newest ``updated_at`` wins.
    - A batch is COPY into a temporary staging table and ONE ``INSERT … ON CONFLICT``
      into the table, ordered by id (so concurrent publishers take row locks in the same
      order and cannot deadlock), plus the ``publish_log`` rows of the batch, in one
      transaction. The log (project, table, row id, version) is what makes a second
      publish send nothing and an interrupted one resume where it stopped.
    - Geometry arrives as EWKT in EPSG:28992 (RD New), made with pyproj on the laptop
      (:mod:`schouw.geo`); PostGIS only stores and indexes it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from schouw.store.project import _fault_point

#: The central schema version this schouw writes. Bump with a new entry in _MIGRATIONS.
CENTRAL_VERSION = 2

#: Per table: its own columns (besides id, project_id and the synced-row columns), in
#: the order the publisher sends them. Types are PostgreSQL's.
TABLES: dict[str, list[tuple[str, str]]] = {
    "wijken": [("name", "text"), ("code", "text")],
    "buurten": [("wijk_id", "text"), ("name", "text"), ("code", "text"), ("area_type", "text"),
                ("geom", "geometry(MultiPolygon,28992)")],
    "streets": [("buurt_id", "text"), ("name", "text"), ("woonplaats", "text"), ("area_type", "text"),
                ("house_numbers", "text"), ("position", "integer"),
                ("geom", "geometry(MultiLineString,28992)")],
    "profiles": [("name", "text"), ("definition", "text")],
    "forms": [("form_id", "text"), ("version", "text"), ("title", "text"), ("kind", "text"), ("definition", "text")],
    "rounds": [("buurt_id", "text"), ("date", "date"), ("form_key", "text"), ("profile_id", "text"),
               ("title", "text"), ("notes", "text"), ("kind", "text"), ("points_n", "integer"),
               ("seed", "bigint"), ("closed_at", "text")],
    "round_streets": [("round_id", "text"), ("street_id", "text"), ("done_at", "text")],
    "schouwpunten": [("round_id", "text"), ("n", "integer"), ("street_id", "text"), ("stretch", "integer"),
                     ("lat", "double precision"), ("lon", "double precision"), ("done_at", "text"),
                     ("geom", "geometry(Point,28992)")],
    "participants": [("round_id", "text"), ("name", "text"), ("organisation", "text"), ("role", "text"),
                     ("email", "text"), ("phone", "text")],
    "findings": [("round_id", "text"), ("street_id", "text"), ("element", "text"), ("aspect", "text"),
                 ("level", "text"), ("not_applicable", "boolean"), ("choice", "text"),
                 ("house_number", "text"), ("spot", "text"), ("description", "text"), ("priority", "text"),
                 ("lat", "double precision"), ("lon", "double precision"), ("observed_at", "text"),
                 ("time_of_day", "text"), ("publishable", "boolean"), ("point_id", "text"),
                 ("norm", "text"), ("onder_norm", "boolean"), ("geom", "geometry(Point,28992)")],
    "actions": [("finding_id", "text"), ("party", "text"), ("due_date", "text"), ("status", "text"),
                ("status_reason", "text"), ("mor_id", "text"), ("mor_status", "text"),
                ("mor_status_text", "text")],
    "action_events": [("action_id", "text"), ("at", "text"), ("status", "text"), ("note", "text"),
                      ("from_status", "text"), ("on_date", "text"), ("who", "text")],
    "rechecks": [("round_id", "text"), ("follows", "text"), ("street_id", "text"), ("result", "text"),
                 ("level", "text"), ("finding_id", "text"), ("checked_at", "text")],
    "indicators": [("name", "text"), ("unit", "text"), ("area_kind", "text"), ("area_id", "text"),
                   ("direction", "text"), ("baseline_value", "double precision"),
                   ("baseline_year", "integer"), ("baseline_source", "text"),
                   ("target_value", "double precision"), ("target_year", "integer"),
                   ("aspect_group", "text"), ("aspect", "text")],
    "indicator_values": [("indicator_id", "text"), ("year", "integer"), ("value", "double precision"),
                         ("source", "text"), ("round_id", "text")],
    "photos": [("finding_id", "text"), ("sha256", "text"), ("size", "bigint"), ("width", "integer"),
               ("height", "integer"), ("caption", "text"), ("taken_at", "text"), ("position", "integer"),
               ("masked_file", "text"), ("masked_sha256", "text")],
}

#: Columns every table has, before and after its own.
HEAD = [("id", "text"), ("project_id", "text")]
TAIL = [("created_at", "timestamptz"), ("updated_at", "timestamptz"), ("updated_by", "text"),
        ("deleted_at", "timestamptz")]

#: Extra condition under which a row with the same updated_at is still rewritten: a
#: finding's judgement is made at publish time, so a changed norm must reach the centre.
SAME_STAMP_UPDATES = {"findings": "excluded.onder_norm IS DISTINCT FROM t.onder_norm "
                                  "OR excluded.norm IS DISTINCT FROM t.norm",
                      "photos": "excluded.masked_file IS NOT NULL "
                                "AND excluded.masked_file IS DISTINCT FROM t.masked_file"}
#: Columns a publish without them leaves as they are (a masked copy written earlier).
KEEP_WHEN_NULL = {"photos": ("masked_file", "masked_sha256")}

_SCHEMA_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
_LOCK_KEY = 2_146_021_021  # pg_advisory_xact_lock key of schema migrations (arbitrary, fixed)


def columns(table: str) -> list[str]:
    """All columns of ``table`` in COPY order."""
    return [c for c, _ in HEAD + TABLES[table] + TAIL]


def valid_schema(name: str) -> bool:
    """A schema name we put into SQL as is: lower-case identifier, no quoting needed."""
    return bool(_SCHEMA_NAME.match(name))


# -- schema ----------------------------------------------------------------------------------
def _table_ddl(schema: str, table: str) -> str:
    cols = ",\n  ".join(f"{c} {t}{' PRIMARY KEY' if c == 'id' else ''}"
                        f"{' NOT NULL' if c in ('project_id', 'updated_at') else ''}"
                        for c, t in HEAD + TABLES[table] + TAIL)
    ddl = f"CREATE TABLE {schema}.{table} (\n  {cols});\n"
    if any(c == "geom" for c, _ in TABLES[table]):
        ddl += f"CREATE INDEX {table}_geom ON {schema}.{table} USING GIST (geom);\n"
    ddl += f"CREATE INDEX {table}_project ON {schema}.{table} (project_id);\n"
    return ddl


def _views(schema: str) -> str:
    """QGIS-ready views; live rows only (tombstones stay in the tables)."""
    s = schema
    return f"""
CREATE VIEW {s}.v_bevindingen AS
  SELECT f.id, f.project_id, f.round_id, r.date AS ronde_datum, r.title AS ronde,
         b.name AS buurt, b.code AS buurtcode, st.name AS straat, f.house_number AS huisnummer,
         f.element, f.aspect, f.level AS niveau, f.norm, f.onder_norm, f.not_applicable AS nvt,
         f.description AS omschrijving, f.priority AS prioriteit, f.observed_at, f.updated_at, f.geom
  FROM {s}.findings f
  JOIN {s}.rounds r ON r.id = f.round_id AND r.deleted_at IS NULL
  LEFT JOIN {s}.streets st ON st.id = f.street_id
  LEFT JOIN {s}.buurten b ON b.id = r.buurt_id
  WHERE f.deleted_at IS NULL;
CREATE VIEW {s}.v_bevindingen_wgs84 AS
  SELECT v.id, v.project_id, v.round_id, v.ronde_datum, v.ronde, v.buurt, v.buurtcode, v.straat,
         v.huisnummer, v.element, v.aspect, v.niveau, v.norm, v.onder_norm, v.nvt, v.omschrijving,
         v.prioriteit, v.observed_at, v.updated_at,
         ST_Transform(v.geom, 4326)::geometry(Point, 4326) AS geom
  FROM {s}.v_bevindingen v;
CREATE VIEW {s}.v_bevindingen_onder_norm AS
  SELECT * FROM {s}.v_bevindingen WHERE onder_norm;
CREATE VIEW {s}.v_acties_open AS
  SELECT a.id, a.project_id, a.finding_id, a.party AS partij, a.status, a.due_date AS streefdatum,
         a.mor_id, v.buurt, v.straat, v.huisnummer, v.element, v.aspect, v.niveau, v.omschrijving,
         v.ronde_datum, a.updated_at, v.geom
  FROM {s}.actions a JOIN {s}.v_bevindingen v ON v.id = a.finding_id
  WHERE a.deleted_at IS NULL AND a.status NOT IN ('afgehandeld', 'afgewezen');
CREATE VIEW {s}.v_hotspots AS
  SELECT row_number() OVER (ORDER BY gx, gy) AS id, count(*) AS aantal,
         ST_MakeEnvelope(gx * 100, gy * 100, gx * 100 + 100, gy * 100 + 100, 28992)::geometry(Polygon, 28992)
           AS geom
  FROM (SELECT floor(ST_X(geom) / 100)::bigint AS gx, floor(ST_Y(geom) / 100)::bigint AS gy
        FROM {s}.v_bevindingen_onder_norm WHERE geom IS NOT NULL) cells
  GROUP BY gx, gy;
"""


def _v1(schema: str) -> str:
    tables = "".join(_table_ddl(schema, t) for t in TABLES)
    return f"""
{tables}
CREATE INDEX findings_round ON {schema}.findings (round_id);
CREATE INDEX actions_finding ON {schema}.actions (finding_id);
CREATE INDEX action_events_action ON {schema}.action_events (action_id);
CREATE TABLE {schema}.publish_log (
  project_id text NOT NULL, table_name text NOT NULL, row_id text NOT NULL,
  version text NOT NULL, published_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (project_id, table_name, row_id));
{_views(schema)}
"""


def _v2(schema: str) -> str:
    """Photos inside the database when the municipality wants them there (``--photos-in-db``):
    the MASKED copy only, one row per photo, beside the photo's own row."""
    return f"""
CREATE TABLE {schema}.photo_files (
  id text PRIMARY KEY, project_id text NOT NULL, masked_jpeg bytea NOT NULL, masked_sha256 text NOT NULL,
  written_at timestamptz NOT NULL DEFAULT now());
"""


_MIGRATIONS = [_v1, _v2]


class CentralStore:
    """One connection (psycopg 3) to the central database, for one publish."""

    def __init__(self, conn: Any, schema: str):
        if not valid_schema(schema):
            raise ValueError(f"bad schema name {schema!r}")
        self.conn = conn
        self.schema = schema

    # -- checks before writing -----------------------------------------------------------
    def has_postgis(self) -> bool:
        row = self.conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone()
        self.conn.rollback()
        return row is not None

    def version(self) -> int:
        """The schema's version; 0 when there is no schema (or no schouw_meta) yet."""
        s = self.schema
        exists = self.conn.execute(
            "SELECT 1 FROM information_schema.tables WHERE table_schema = %s AND table_name = 'schouw_meta'",
            (s,)).fetchone()
        version = 0
        if exists:
            row = self.conn.execute(
                f"SELECT value FROM {s}.schouw_meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
        self.conn.rollback()
        return version

    def migrate(self) -> tuple[int, int]:
        """Bring the schema to CENTRAL_VERSION in one transaction; (before, after).
        Raises ``NewerSchema`` when the schema is newer than this schouw knows."""
        s = self.schema
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            self.conn.execute(f"CREATE SCHEMA IF NOT EXISTS {s}")
            self.conn.execute(f"CREATE TABLE IF NOT EXISTS {s}.schouw_meta (key text PRIMARY KEY, value text NOT NULL)")
            row = self.conn.execute(f"SELECT value FROM {s}.schouw_meta WHERE key = 'schema_version'").fetchone()
            before = int(row[0]) if row else 0
            if before > CENTRAL_VERSION:
                raise NewerSchema(before)
            for n in range(before + 1, CENTRAL_VERSION + 1):
                self.conn.execute(_MIGRATIONS[n - 1](s))
            if before < CENTRAL_VERSION:
                self.conn.execute(
                    f"INSERT INTO {s}.schouw_meta (key, value) VALUES ('schema_version', %s) "
                    "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (str(CENTRAL_VERSION),))
        return before, CENTRAL_VERSION

    # -- publishing ----------------------------------------------------------------------
    def published_versions(self, project_id: str, table: str) -> dict[str, str]:
        """What the log says this project already published of ``table``: id -> version."""
        rows = self.conn.execute(
            f"SELECT row_id, version FROM {self.schema}.publish_log WHERE project_id = %s AND table_name = %s",
            (project_id, table)).fetchall()
        self.conn.rollback()
        return dict(rows)

    def put_photo_files(self, project_id: str, files: Sequence[tuple[str, bytes, str]]) -> None:
        """Store masked copies ``(photo id, jpeg, sha256)`` in ``photo_files`` (replacing an
        older copy of the same photo) in one transaction."""
        if not files:
            return
        with self.conn.transaction():
            with self.conn.cursor() as cur:
                cur.executemany(
                    f"INSERT INTO {self.schema}.photo_files (id, project_id, masked_jpeg, masked_sha256) "
                    "VALUES (%s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET masked_jpeg = excluded.masked_jpeg, "
                    "masked_sha256 = excluded.masked_sha256, written_at = now()",
                    [(pid, project_id, data, sha) for pid, data, sha in files])

    def drop_photo_files(self, ids: Sequence[str]) -> None:
        """Take away the stored copies of tombstoned photos."""
        if ids:
            self.conn.execute(f"DELETE FROM {self.schema}.photo_files WHERE id = ANY(%s)", (list(ids),))

    def publish_batch(self, project_id: str, table: str, rows: Sequence[tuple], versions: Sequence[str]) -> int:
        """COPY ``rows`` (in :func:`columns` order) into a staging table and upsert them
        in one transaction with their log rows; the number of rows inserted or changed."""
        s = self.schema
        cols = columns(table)
        names = ", ".join(cols)
        stage = f"stage_{table}"
        own = [c for c in cols if c != "id"]
        keep = KEEP_WHEN_NULL.get(table, ())
        updates = ", ".join(f"{c} = COALESCE(excluded.{c}, t.{c})" if c in keep else f"{c} = excluded.{c}"
                            for c in own)
        condition = "excluded.updated_at > t.updated_at"
        if table in SAME_STAMP_UPDATES:
            condition += f" OR (excluded.updated_at = t.updated_at AND ({SAME_STAMP_UPDATES[table]}))"
        with self.conn.transaction():
            self.conn.execute(f"CREATE TEMP TABLE IF NOT EXISTS {stage} "
                              f"(LIKE {s}.{table}, _version text) ON COMMIT DELETE ROWS")
            with self.conn.cursor().copy(f"COPY {stage} ({names}, _version) FROM STDIN") as copy:
                for row, version in zip(rows, versions, strict=True):
                    copy.write_row((*row, version))
            done = self.conn.execute(
                f"INSERT INTO {s}.{table} AS t ({names}) SELECT {names} FROM {stage} ORDER BY id "
                f"ON CONFLICT (id) DO UPDATE SET {updates} WHERE {condition}")
            changed = done.rowcount
            self.conn.execute(
                f"INSERT INTO {s}.publish_log AS l (project_id, table_name, row_id, version) "
                f"SELECT %s, %s, id, _version FROM {stage} ORDER BY id "
                "ON CONFLICT (project_id, table_name, row_id) DO UPDATE "
                "SET version = excluded.version, published_at = now()", (project_id, table))
            _fault_point(f"publish_{table}")  # tests kill the process here, before the commit
        return max(changed, 0)

    # -- reading back (tests, pull) --------------------------------------------------------
    def count(self, table: str, project_id: str | None = None) -> int:
        where, args = ("WHERE project_id = %s", (project_id,)) if project_id else ("", ())
        value = self.conn.execute(f"SELECT count(*) FROM {self.schema}.{table} {where}", args).fetchone()[0]
        self.conn.rollback()
        return value

    def rows(self, table: str, where: str = "", args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of a table or view as dicts (``where`` is SQL text made by this module's callers)."""
        cur = self.conn.execute(f"SELECT * FROM {self.schema}.{table} {where}", tuple(args))
        names = [d.name for d in cur.description]
        out = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        self.conn.rollback()
        return out


    def pull_rows(self, table: str, where: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        """Rows of ``table`` with ``geom`` back as GeoJSON in WGS84 (what the project
        stores), for a pull; ``where`` is SQL text made by the caller (values in ``args``)."""
        select = ", ".join("ST_AsGeoJSON(ST_Transform(geom, 4326), 9) AS geom" if c == "geom" else c
                           for c in columns(table))
        return self.rows_as(f"SELECT {select} FROM {self.schema}.{table} {where}", args)

    def find_buurten(self, key: str) -> list[dict[str, Any]]:
        """Live buurten whose id, code or name (case-insensitive) is ``key``."""
        return self.pull_rows("buurten", "WHERE deleted_at IS NULL AND (id = %s OR code = %s OR lower(name) = lower(%s)) "
                                         "ORDER BY updated_at DESC", (key, key, key))

    def live_buurten(self) -> list[dict[str, Any]]:
        """Every live buurt of the central store, whichever laptop published it."""
        return self.pull_rows("buurten", "WHERE deleted_at IS NULL ORDER BY name, id")

    def buurt_scope(self, buurt_id: str) -> dict[str, list[dict[str, Any]]]:
        """Everything of a buurt's live rounds a pull rebuilds them from: per table, all rows
        (tombstones too, so deletions travel) of those rounds and what they refer to."""
        s = self.schema
        rounds = f"(SELECT id FROM {s}.rounds WHERE buurt_id = %s AND deleted_at IS NULL)"
        findings = f"(SELECT id FROM {s}.findings WHERE round_id IN {rounds})"
        actions = f"(SELECT id FROM {s}.actions WHERE finding_id IN {findings})"
        wheres: dict[str, tuple[str, int]] = {
            "buurten": ("WHERE id = %s", 1),
            "wijken": (f"WHERE id IN (SELECT wijk_id FROM {s}.buurten WHERE id = %s)", 1),
            "streets": (f"WHERE buurt_id = %s OR id IN (SELECT street_id FROM {s}.findings WHERE round_id IN {rounds})",
                        2),
            "rounds": (f"WHERE id IN {rounds}", 1),
            "profiles": (f"WHERE id IN (SELECT profile_id FROM {s}.rounds WHERE id IN {rounds})", 1),
            "forms": (f"WHERE id IN (SELECT form_key FROM {s}.rounds WHERE id IN {rounds})", 1),
            "participants": (f"WHERE round_id IN {rounds}", 1),
            "round_streets": (f"WHERE round_id IN {rounds}", 1),
            "schouwpunten": (f"WHERE round_id IN {rounds}", 1),
            "findings": (f"WHERE round_id IN {rounds}", 1),
            "actions": (f"WHERE id IN {actions}", 1),
            "action_events": (f"WHERE action_id IN {actions}", 1),
            "rechecks": (f"WHERE round_id IN {rounds}", 1),
        }
        return {table: self.pull_rows(table, where + " ORDER BY id", (buurt_id,) * n)
                for table, (where, n) in wheres.items()}

    def rows_as(self, sql: str, args: Iterable[Any] = ()) -> list[dict[str, Any]]:
        cur = self.conn.execute(sql, tuple(args))
        names = [d.name for d in cur.description]
        out = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        self.conn.rollback()
        return out


class NewerSchema(Exception):
    """The central schema was made by a newer schouw (its version is ``args[0]``)."""
