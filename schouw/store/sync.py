"""The SQL behind export packages and merging: whole rounds read as plain rows, rows
written back by id, and the exchange bookkeeping (imported packages, what this project
has seen of other devices, conflicts).

Rows here are dicts keyed by column name with JSON columns decoded and flags as
booleans: the exchange layer compares versions on them and writes them back unchanged,
time stamps included, so a row has the same version everywhere it travels.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from schouw.domain.models import new_id, utc_now
from schouw.store.rows import BOOL_COLUMNS as ROW_FLAGS
from schouw.store.rows import dict_rows

if TYPE_CHECKING:
    from schouw.store.project import Project

#: Synced tables in the order a merge writes them (parents before children).
TABLES: tuple[str, ...] = (
    "wijken", "buurten", "streets", "profiles", "rounds", "participants", "round_streets", "schouwpunten",
    "findings", "actions", "action_events", "photos", "rechecks", "indicators", "indicator_values",
    "cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions",
)
JSON_COLUMNS = frozenset({"geometry", "masks", "definition", "boundary"})
#: The same flags as the models' rows (one list: a new flag travels in packages as a bool).
BOOL_COLUMNS = frozenset(ROW_FLAGS)
#: How many ids go into one ``IN (...)`` (SQLite's default limit is far higher, but
#: small batches keep each statement cheap to prepare).
BATCH = 500


def decode(row: dict[str, Any]) -> dict[str, Any]:
    """A database row as plain values (JSON text parsed, 0/1 flags as booleans)."""
    out = dict(row)
    for key in JSON_COLUMNS & out.keys():
        if isinstance(out[key], str):
            out[key] = json.loads(out[key])
    for key in BOOL_COLUMNS & out.keys():
        out[key] = bool(out[key])
    return out


def encode(row: dict[str, Any]) -> dict[str, Any]:
    out = dict(row)
    for key in JSON_COLUMNS & out.keys():
        if out[key] is not None and not isinstance(out[key], str):
            out[key] = json.dumps(out[key], ensure_ascii=False)
    for key in BOOL_COLUMNS & out.keys():
        out[key] = int(bool(out[key]))
    return out


def _chunks(items: list, size: int = BATCH) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class SyncRepo:
    def __init__(self, project: Project):
        self.p = project
        self._columns: dict[str, tuple[str, ...]] = {}

    def columns(self, table: str) -> tuple[str, ...]:
        if table not in self._columns:
            if table not in TABLES:
                raise ValueError(table)
            self._columns[table] = tuple(r[1] for r in self.p.conn.execute(f"PRAGMA table_info({table})"))
        return self._columns[table]

    def _select(self, sql: str, args: Iterable = ()) -> list[dict[str, Any]]:
        return [decode(r) for r in dict_rows(self.p.conn.execute(sql, tuple(args)))]

    # -- reading a round --------------------------------------------------------------
    def round_scope(self, round_id: str) -> dict[str, list[dict[str, Any]]]:
        """Every row a package of this round may carry, deleted ones included."""
        rounds = self._select("SELECT * FROM rounds WHERE id = ?", (round_id,))
        if not rounds:
            return {}
        round_ = rounds[0]
        buurten = self._select("SELECT * FROM buurten WHERE id = ?", (round_["buurt_id"],))
        wijken = self._select("SELECT * FROM wijken WHERE id = ?", (buurten[0]["wijk_id"],)) if buurten else []
        profiles = (self._select("SELECT * FROM profiles WHERE id = ?", (round_["profile_id"],))
                    if round_["profile_id"] else [])
        findings_of = "SELECT id FROM findings WHERE round_id = ?"
        return {
            "wijken": wijken,
            "buurten": buurten,
            "streets": self._select(
                "SELECT * FROM streets WHERE buurt_id = ? OR id IN (SELECT street_id FROM findings WHERE round_id = ?) "
                "OR id IN (SELECT street_id FROM round_streets WHERE round_id = ?) ORDER BY position, name",
                (round_["buurt_id"], round_id, round_id)),
            "profiles": profiles,
            "rounds": rounds,
            "participants": self._select(
                "SELECT * FROM participants WHERE round_id = ? ORDER BY created_at, id", (round_id,)),
            "round_streets": self._select(
                "SELECT * FROM round_streets WHERE round_id = ? ORDER BY created_at, id", (round_id,)),
            "findings": self._select(
                "SELECT * FROM findings WHERE round_id = ? ORDER BY created_at, id", (round_id,)),
            "actions": self._select(
                f"SELECT * FROM actions WHERE finding_id IN ({findings_of}) ORDER BY created_at, id", (round_id,)),
            "action_events": self._select(
                "SELECT * FROM action_events WHERE action_id IN (SELECT id FROM actions WHERE finding_id IN "
                f"({findings_of})) ORDER BY at, created_at, id", (round_id,)),
            "photos": self._select(
                f"SELECT * FROM photos WHERE finding_id IN ({findings_of}) ORDER BY finding_id, position, created_at",
                (round_id,)),
            "rechecks": self._select(
                "SELECT * FROM rechecks WHERE round_id = ? ORDER BY created_at, id", (round_id,)),
            "schouwpunten": self._select(
                "SELECT * FROM schouwpunten WHERE round_id = ? ORDER BY n, id", (round_id,)),
            **self._indicator_scope(round_["buurt_id"], wijken[0]["id"] if wijken else ""),
            **self._cycle_scope(round_["buurt_id"]),
        }

    def _cycle_scope(self, buurt_id: str) -> dict[str, list[dict[str, Any]]]:
        """The Veilige Buurten trajecten of the round's buurt with their priorities and
        links, deleted ones included: a traject belongs to the buurt, not to a round, so
        every package of the buurt carries it (a link may name a finding or action of
        another round; it is kept as it is and shows once that round arrives too)."""
        cycles = "SELECT id FROM cycles WHERE buurt_id = ?"
        priorities = f"SELECT id FROM cycle_priorities WHERE cycle_id IN ({cycles})"
        return {
            "cycles": self._select("SELECT * FROM cycles WHERE buurt_id = ? ORDER BY created_at, id", (buurt_id,)),
            "cycle_priorities": self._select(
                f"SELECT * FROM cycle_priorities WHERE cycle_id IN ({cycles}) ORDER BY created_at, id", (buurt_id,)),
            "cycle_priority_findings": self._select(
                f"SELECT * FROM cycle_priority_findings WHERE priority_id IN ({priorities}) ORDER BY created_at, id",
                (buurt_id,)),
            "cycle_actions": self._select(
                f"SELECT * FROM cycle_actions WHERE priority_id IN ({priorities}) ORDER BY created_at, id",
                (buurt_id,)),
        }

    def _indicator_scope(self, buurt_id: str, wijk_id: str) -> dict[str, list[dict[str, Any]]]:
        """The policy indicators of the round's area (the whole project, its wijk, its
        buurt) with their values, deleted ones included: a package carries only the
        indicators whose area it also carries, so none arrives pointing at nowhere."""
        of_area = ("(area_kind = '' OR (area_kind = 'wijk' AND area_id = ?) "
                   "OR (area_kind = 'buurt' AND area_id = ?))")
        return {
            "indicators": self._select(
                f"SELECT * FROM indicators WHERE {of_area} ORDER BY created_at, id", (wijk_id, buurt_id)),
            "indicator_values": self._select(
                f"SELECT * FROM indicator_values WHERE indicator_id IN (SELECT id FROM indicators WHERE {of_area}) "
                "ORDER BY indicator_id, year, created_at, id", (wijk_id, buurt_id)),
        }

    def form_row(self, key: str) -> dict[str, Any] | None:
        rows = self._select("SELECT * FROM forms WHERE key = ?", (key,))
        return rows[0] if rows else None

    def photo_master(self, photo_id: str) -> bytes | None:
        row = self.p.conn.execute(
            "SELECT data FROM photo_blobs WHERE photo_id = ? AND kind = 'jpeg'", (photo_id,)).fetchone()
        return row[0] if row else None

    # -- merging ----------------------------------------------------------------------
    def master_bytes(self, photo_ids: Iterable[str]) -> int:
        """The size of these photos' masters: what an export of them needs, about."""
        total = 0
        for chunk in _chunks(list(photo_ids)):
            marks = ", ".join("?" * len(chunk))
            total += self.p.conn.execute(
                f"SELECT COALESCE(SUM(length(data)), 0) FROM photo_blobs WHERE kind = 'jpeg' AND photo_id IN ({marks})",
                chunk).fetchone()[0]
        return total

    def rows_by_id(self, table: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        ids = list(dict.fromkeys(ids))
        found: dict[str, dict[str, Any]] = {}
        self.columns(table)
        for chunk in _chunks(ids):
            marks = ", ".join("?" * len(chunk))
            for row in self._select(f"SELECT * FROM {table} WHERE id IN ({marks})", chunk):
                found[row["id"]] = row
        return found

    def find_natural(self, table: str, row: dict[str, Any]) -> dict[str, Any] | None:
        """The local row that is the same thing under another id: a street list
        imported on two laptops, an action or a done mark made twice for the same
        finding or street. Never a round: two rounds of one buurt on one date are two
        rounds until the coordinator says otherwise (see :meth:`same_day_rounds`)."""
        live = "deleted_at IS NULL AND "
        if table == "wijken":
            sql, args = live + "name = ? COLLATE NOCASE", (row["name"].strip(),)
        elif table == "buurten":
            sql, args = live + "wijk_id = ? AND name = ? COLLATE NOCASE", (row["wijk_id"], row["name"].strip())
        elif table == "streets":
            sql, args = live + "buurt_id = ? AND name = ? COLLATE NOCASE", (row["buurt_id"], row["name"].strip())
        elif table == "round_streets":
            sql, args = "round_id = ? AND street_id = ?", (row["round_id"], row["street_id"])
        elif table == "actions":
            sql, args = "finding_id = ?", (row["finding_id"],)
        elif table == "rechecks":
            sql, args = "round_id = ? AND follows = ?", (row["round_id"], row["follows"])
        elif table == "schouwpunten":  # the same drawn point (its number) of the same meting
            sql, args = "round_id = ? AND n = ?", (row["round_id"], row["n"])
        elif table == "indicators":  # the same indicator defined on two laptops (names are unique)
            sql, args = live + "name = ? COLLATE NOCASE", (row["name"].strip(),)
        elif table == "indicator_values":  # one figure per indicator and year
            sql, args = live + "indicator_id = ? AND year = ?", (row["indicator_id"], row["year"])
        elif table == "cycle_priority_findings":  # the same finding linked on two laptops (UNIQUE in SQL)
            sql, args = "priority_id = ? AND finding_id = ?", (row["priority_id"], row["finding_id"])
        elif table == "cycle_actions":
            sql, args = "priority_id = ? AND action_id = ?", (row["priority_id"], row["action_id"])
        else:
            return None
        rows = self._select(f"SELECT * FROM {table} WHERE {sql} ORDER BY created_at LIMIT 2", args)
        return rows[0] if len(rows) == 1 else None

    def same_day_rounds(self, buurt_id: str, day: str, exclude: str) -> list[dict[str, Any]]:
        """Live rounds of this buurt on this date other than ``exclude``: the candidates
        a package's round may be merged into, at the coordinator's word."""
        return self._select("SELECT * FROM rounds WHERE deleted_at IS NULL AND buurt_id = ? AND date = ? "
                            "AND id != ? ORDER BY created_at, id", (buurt_id, day, exclude))

    def live_findings(self, round_id: str) -> list[dict[str, Any]]:
        return self._select("SELECT * FROM findings WHERE round_id = ? AND deleted_at IS NULL "
                            "ORDER BY created_at, id", (round_id,))

    def round_alias(self, round_id: str) -> str | None:
        """The local round a package's round was merged into earlier (so its later
        packages go to the same place)."""
        row = self.p.conn.execute("SELECT value FROM project_meta WHERE key = ?",
                                  (f"merged_round:{round_id}",)).fetchone()
        return row[0] if row else None

    def set_round_alias(self, round_id: str, target: str) -> None:
        self.p.conn.execute("INSERT INTO project_meta(key, value) VALUES (?, ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                            (f"merged_round:{round_id}", target))

    def exists(self, table: str, row_id: str) -> bool:
        return self.p.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None

    def form_exists(self, key: str) -> bool:
        return self.p.conn.execute("SELECT 1 FROM forms WHERE key = ?", (key,)).fetchone() is not None

    def upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        """Write whole rows by id, stamps as given (never ``INSERT OR REPLACE``: that
        deletes first and would cascade to the photo bytes)."""
        known = set(self.columns(table))
        groups: dict[tuple[str, ...], list[tuple]] = {}
        for row in rows:
            enc = encode(row)
            cols = tuple(c for c in self.columns(table) if c in enc)
            groups.setdefault(cols, []).append(tuple(enc[c] for c in cols))
        for cols, values in groups.items():
            assert set(cols) <= known and "id" in cols
            updates = ", ".join(f"{c} = excluded.{c}" for c in cols if c != "id")
            self.p.conn.executemany(
                f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))}) "
                f"ON CONFLICT(id) DO UPDATE SET {updates}",
                values,
            )

    def settle_action_status(self, action_ids: list[str]) -> int:
        """After a merge, give each action the status of its newest history entry (in
        order of time, the id breaking a tie): two laptops that changed one action each
        end with the same status, whichever row version won. The row's stamps are kept,
        so every project that holds the same entries settles on the same row. Returns
        how many actions changed."""
        changed = 0
        for start in range(0, len(action_ids), 500):
            chunk = action_ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            cur = self.p.conn.execute(
                f"""UPDATE actions SET status = e.status, status_reason = e.note
                    FROM (SELECT action_id, status, note, from_status,
                                 ROW_NUMBER() OVER (PARTITION BY action_id ORDER BY at DESC, id DESC) AS n
                          FROM action_events WHERE deleted_at IS NULL AND action_id IN ({marks})) AS e
                    WHERE e.action_id = actions.id AND e.n = 1 AND e.from_status IS NOT NULL
                      AND (actions.status != e.status OR actions.status_reason != e.note)""",
                chunk)
            changed += cur.rowcount
        return changed

    def add_form(self, row: dict[str, Any]) -> bool:
        """Copy a form version in unless that key is already there (a key names one
        exact, unchanging definition). Returns True when it was added."""
        cur = self.p.conn.execute(
            "INSERT OR IGNORE INTO forms(key, form_id, version, title, kind, definition, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (row["key"], row["form_id"], row["version"], row["title"], row["kind"],
             json.dumps(row["definition"], ensure_ascii=False), utc_now()))
        return cur.rowcount > 0

    def put_photo_blob(self, photo_id: str, kind: str, data: bytes, sha256: str | None = None) -> None:
        """``sha256`` when the caller has just hashed ``data`` (saves hashing it twice)."""
        self.p.conn.execute(
            "INSERT INTO photo_blobs(photo_id, kind, sha256, data) VALUES (?, ?, ?, ?) "
            "ON CONFLICT(photo_id, kind) DO UPDATE SET sha256 = excluded.sha256, data = excluded.data",
            (photo_id, kind, sha256 or hashlib.sha256(data).hexdigest(), data))

    def drop_photo_blobs(self, photo_id: str, kinds: Iterable[str]) -> None:
        kinds = list(kinds)
        self.p.conn.execute(
            f"DELETE FROM photo_blobs WHERE photo_id = ? AND kind IN ({', '.join('?' * len(kinds))})",
            (photo_id, *kinds))

    def photo_blob_kinds(self, photo_ids: Iterable[str]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for chunk in _chunks(list(photo_ids)):
            marks = ", ".join("?" * len(chunk))
            for photo_id, kind in self.p.conn.execute(
                    f"SELECT photo_id, kind FROM photo_blobs WHERE photo_id IN ({marks})", chunk):
                out.setdefault(photo_id, set()).add(kind)
        return out

    def photos_missing(self, kind: str, limit: int = 100) -> list[tuple[str, list]]:
        """Photos that have their master but lack a ``kind`` copy (e.g. after an import)."""
        cur = self.p.conn.execute(
            "SELECT p.id, p.masks FROM photos p WHERE EXISTS (SELECT 1 FROM photo_blobs b WHERE "
            "b.photo_id = p.id AND b.kind = 'jpeg') AND NOT EXISTS (SELECT 1 FROM photo_blobs b "
            "WHERE b.photo_id = p.id AND b.kind = ?) LIMIT ?", (kind, limit))
        return [(photo_id, json.loads(masks or "[]")) for photo_id, masks in cur]

    def count_photos_missing(self, kind: str) -> int:
        return self.p.conn.execute(
            "SELECT COUNT(*) FROM photos p WHERE EXISTS (SELECT 1 FROM photo_blobs b WHERE "
            "b.photo_id = p.id AND b.kind = 'jpeg') AND NOT EXISTS (SELECT 1 FROM photo_blobs b "
            "WHERE b.photo_id = p.id AND b.kind = ?)", (kind,)).fetchone()[0]

    # -- bookkeeping ------------------------------------------------------------------
    def imported_package(self, package_id: str) -> dict[str, Any] | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM sync_packages WHERE package_id = ?", (package_id,)))
        return rows[0] if rows else None

    def record_package(self, *, package_id: str, round_id: str, source_device: str, source_project: str,
                       created_at: str, incremental: bool, change_first: str | None,
                       change_last: str | None, summary: dict) -> None:
        self.p.conn.execute(
            "INSERT INTO sync_packages(package_id, round_id, source_device, source_project, created_at, "
            "imported_at, incremental, change_first, change_last, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (package_id, round_id, source_device, source_project, created_at, utc_now(), int(incremental),
             change_first, change_last, json.dumps(summary, ensure_ascii=False)))

    def imported_packages(self) -> list[dict[str, Any]]:
        return dict_rows(self.p.conn.execute("SELECT * FROM sync_packages ORDER BY imported_at"))

    def seen(self, round_id: str) -> dict[str, str]:
        cur = self.p.conn.execute("SELECT device_id, seen_up_to FROM sync_seen WHERE round_id = ?", (round_id,))
        return dict(cur.fetchall())

    def raise_seen(self, round_id: str, vector: dict[str, str]) -> None:
        self.p.conn.executemany(
            "INSERT INTO sync_seen(round_id, device_id, seen_up_to) VALUES (?, ?, ?) "
            "ON CONFLICT(round_id, device_id) DO UPDATE SET seen_up_to = MAX(seen_up_to, excluded.seen_up_to)",
            [(round_id, device, stamp) for device, stamp in vector.items()])

    # -- conflicts --------------------------------------------------------------------
    def add_conflict(self, *, table: str, row_id: str, round_id: str | None, package_id: str,
                     kept: dict[str, Any], other: dict[str, Any], kept_side: str) -> bool:
        """Keep the losing version; the same losing version twice is kept once."""
        for (existing,) in self.p.conn.execute(
                "SELECT other FROM sync_conflicts WHERE table_name = ? AND row_id = ?", (table, row_id)):
            old = json.loads(existing)
            if (old.get("updated_at"), old.get("updated_by")) == (other.get("updated_at"), other.get("updated_by")):
                return False
        self.p.conn.execute(
            "INSERT INTO sync_conflicts(id, table_name, row_id, round_id, package_id, detected_at, kept, other, "
            "kept_side) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (new_id(), table, row_id, round_id, package_id, utc_now(),
             json.dumps(kept, ensure_ascii=False, default=str), json.dumps(other, ensure_ascii=False, default=str),
             kept_side))
        return True

    def conflicts(self, round_id: str | None = None) -> list[dict[str, Any]]:
        sql = "SELECT * FROM sync_conflicts"
        args: tuple = ()
        if round_id:
            sql += " WHERE round_id = ?"
            args = (round_id,)
        rows = dict_rows(self.p.conn.execute(sql + " ORDER BY detected_at, id", args))
        for row in rows:
            row["kept"] = json.loads(row["kept"])
            row["other"] = json.loads(row["other"])
        return rows

    def find_conflicts(self, id_or_prefix: str) -> list[dict[str, Any]]:
        cur = self.p.conn.execute(
            "SELECT id FROM sync_conflicts WHERE id = ? OR (length(?) >= 4 AND id LIKE ? || '%')",
            (id_or_prefix, id_or_prefix, id_or_prefix))
        ids = {r[0] for r in cur}
        return [c for c in self.conflicts() if c["id"] in ids]

    def save_flip(self, conflict_id: str, *, kept: dict[str, Any], other: dict[str, Any], kept_side: str) -> None:
        self.p.conn.execute(
            "UPDATE sync_conflicts SET kept = ?, other = ?, kept_side = ?, flips = flips + 1, flipped_at = ? "
            "WHERE id = ?",
            (json.dumps(kept, ensure_ascii=False, default=str), json.dumps(other, ensure_ascii=False, default=str),
             kept_side, utc_now(), conflict_id))

    def row(self, table: str, row_id: str) -> dict[str, Any] | None:
        rows = self._select(f"SELECT * FROM {table} WHERE id = ?", (row_id,)) if table in TABLES else []
        return rows[0] if rows else None

    # -- checks -----------------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        """Rows per table (tombstones included) and photo copies: what a test compares."""
        out = {t: self.p.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in TABLES}
        for extra in ("forms", "photo_blobs", "sync_packages", "sync_seen", "sync_conflicts"):
            out[extra] = self.p.conn.execute(f"SELECT COUNT(*) FROM {extra}").fetchone()[0]
        return out

    def content_hash(self) -> str:
        """SHA-256 over a dump of every table: equal exactly when the content is."""
        digest = hashlib.sha256()
        for line in self.p.conn.iterdump():
            digest.update(line.encode("utf-8"))
        return digest.hexdigest()
