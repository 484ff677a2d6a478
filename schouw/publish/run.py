"""The publish use case: the project's rows into the municipality's PostGIS (#21).

Reads the project only. Order of work, and why:

1. Everything the user can get wrong is checked before a byte is written: the URL, the
   schema name, the photo folder, the round, the login, PostGIS, the schema's version.
2. The schema is created or migrated (one transaction).
3. Table by table (parents first), rows sorted by id, in batches: each batch is one
   transaction holding its rows and its ``publish_log`` rows. Rows whose version the
   log already holds are not sent, so publishing twice sends nothing and a publish cut
   off half-way (SIGKILL, network) goes on where it stopped.

Participants (names, e-mail, phone) leave the laptop only with ``personal_data``.
Photos: by default their hash, size and finding only; with ``photos_to`` the MASKED
export copy (:func:`schouw.photos.export_copy`, the same one packages and MOR reports
get) is written there as ``<photo id>.jpg``: never the unmasked original.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from schouw.messages import SchouwError
from schouw.publish.connection import Target, connect, parse_url, remember_password
from schouw.publish.rows import Judge, central_rows, version_of
from schouw.store.central import CENTRAL_VERSION, CentralStore, NewerSchema, columns, valid_schema
from schouw.store.project import Project
from schouw.store.publish_rows import PublishRows

#: Parents before children, so a QGIS user who looks mid-publish sees no orphans.
ORDER = ("wijken", "buurten", "streets", "profiles", "forms", "rounds", "round_streets", "schouwpunten",
         "participants", "findings", "actions", "action_events",
         "rechecks", "indicators", "indicator_values", "photos")
BATCH = 20_000


@dataclass
class TableResult:
    rows: int = 0       # rows of the project in scope
    sent: int = 0       # rows sent (not yet in the log at this version)
    changed: int = 0    # rows the central store took (inserted, or newer than its copy)

    def as_dict(self) -> dict[str, int]:
        return {"rows": self.rows, "sent": self.sent, "changed": self.changed}


@dataclass
class PublishResult:
    url: str
    schema: str
    schema_version: tuple[int, int] = (0, 0)
    tables: dict[str, TableResult] = field(default_factory=dict)
    photos_written: int = 0

    @property
    def changed(self) -> int:
        return sum(t.changed for t in self.tables.values())

    @property
    def skipped(self) -> int:
        return sum(t.rows - t.sent for t in self.tables.values())

    def as_dict(self) -> dict[str, Any]:
        return {"url": self.url, "schema": self.schema, "schema_version_before": self.schema_version[0],
                "schema_version": self.schema_version[1], "changed": self.changed, "unchanged": self.skipped,
                "photos_written": self.photos_written,
                "tables": {name: t.as_dict() for name, t in self.tables.items()}}


def publish(project: Project, url: str, *, schema: str = "schouw", round_id: str | None = None,
            personal_data: bool = False, photos_to: Path | None = None, photos_in_db: bool = False,
            batch: int = BATCH,
            progress: Callable[[str, int, int], None] | None = None) -> PublishResult:
    """Publish the whole project (or one round) into ``schema`` at ``url``."""
    target, password = parse_url(url)
    if not valid_schema(schema):
        raise SchouwError("publish_bad_schema", schema=schema)
    if photos_to is not None and not photos_to.is_dir():
        raise SchouwError("publish_photos_dir", path=str(photos_to))
    if photos_to is not None and photos_in_db:
        raise SchouwError("publish_photos_twice")
    round_ids = [project.rounds.get(round_id).id] if round_id else None
    given = password
    password = given or remember_password(target, None)
    conn = connect(target, password)
    import psycopg

    try:
        if given:  # the login worked: now the password is worth keeping (keyring, never the URL)
            remember_password(target, given)
        store = CentralStore(conn, schema)
        if not store.has_postgis():
            raise SchouwError("publish_no_postgis", url=target.shown)
        try:
            before, after = store.migrate()
        except NewerSchema as newer:
            raise SchouwError("publish_schema_newer", schema=schema, found=newer.args[0],
                              known=CENTRAL_VERSION) from None
        result = PublishResult(url=target.shown, schema=schema, schema_version=(before, after))
        reader = PublishRows(project)
        project_id = reader.project_id()
        judge = Judge(project)
        for table in ORDER:
            if table == "participants" and not personal_data:
                continue
            result.tables[table] = _publish_table(store, reader, table, round_ids, project_id, judge, batch,
                                                  DB_PHOTOS if photos_in_db else photos_to, result, progress)
        return result
    except psycopg.Error as error:
        raise _lost(error, target) from None
    finally:
        with contextlib.suppress(Exception):
            conn.close()


def _lost(error: Exception, target: Target) -> SchouwError:
    """A failure after connecting: the connection went (retry later) or the server
    refused a statement (said without its text, which may quote our data)."""
    import psycopg

    if isinstance(error, psycopg.OperationalError):
        return SchouwError("publish_lost", url=target.shown)
    return SchouwError("publish_refused", url=target.shown, detail=type(error).__name__)


def _publish_table(store: CentralStore, reader: PublishRows, table: str, round_ids: list[str] | None,
                   project_id: str, judge: Judge, batch: int, photos_to: Path | None, result: PublishResult,
                   progress: Callable[[str, int, int], None] | None) -> TableResult:
    # 1. what to send: the light columns of every row against the log
    light = reader.light(table, round_ids)
    logged = store.published_versions(project_id, table)
    out = TableResult(rows=len(light))
    judged: dict[str, tuple[str | None, bool | None]] = {}
    todo: dict[str, str] = {}
    for row in light:
        row_id, updated_at, deleted_at = row[0], row[1], row[2]
        j = None
        if table == "findings":
            j = judged[row_id] = judge(*row[3:9])
        masked = _masked_name(row_id, photos_to) if table == "photos" and not deleted_at else None
        version = version_of(table, updated_at, j, masked)
        if not _published(logged.get(row_id), version, table, photos_to):
            todo[row_id] = version
    if not todo:
        return out
    # 2. the whole rows of those, in id order (concurrent publishers lock rows in one order)
    if len(todo) * 5 > len(light):
        rows = [r for r in reader.rows(table, round_ids) if r["id"] in todo]
    else:
        rows = list(reader.rows_by_ids(table, list(todo)))
    rows.sort(key=lambda r: r["id"])
    for start in range(0, len(rows), batch):
        chunk = rows[start:start + batch]
        if table == "photos":
            for r in chunk:
                r["masked_file"] = None if r.get("deleted_at") else _masked_name(r["id"], photos_to)
        send = central_rows(table, chunk, project_id, [judged[r["id"]] for r in chunk] if judged else None)
        if table == "photos" and photos_to is not None:
            send = _write_photos(reader, chunk, send, photos_to, result, store, project_id)
        out.sent += len(send)
        out.changed += store.publish_batch(project_id, table, send, [todo[r["id"]] for r in chunk])
        if progress:
            progress(table, min(start + batch, len(rows)), len(rows))
    return out


#: ``photos_to`` meaning "into the database's photo_files" (``--photos-in-db``)
DB_PHOTOS = Path("\0photo_files")


def _masked_name(photo_id: str, photos_to: Path | None) -> str | None:
    """Where the masked copy of a photo is: its file name in the folder, ``photo_files:ID``
    in the database, None when this publish writes no copies."""
    if photos_to is None:
        return None
    return f"photo_files:{photo_id}" if photos_to == DB_PHOTOS else f"{photo_id}.jpg"


def _published(logged: str | None, version: str, table: str, photos_to: Path | None) -> bool:
    """Whether the log already holds this version (a photo published without a masked
    copy counts as published when this run writes none either)."""
    if logged is None:
        return False
    if table == "photos" and photos_to is None:
        return logged.split("|", 1)[0] == version.split("|", 1)[0]
    return logged == version


def _write_photos(reader: PublishRows, rows: list[dict[str, Any]], central: list[tuple], folder: Path,
                  result: PublishResult, store: CentralStore, project_id: str) -> list[tuple]:
    """Write the masked export copy of each live photo (atomically, into the folder or,
    for :data:`DB_PHOTOS`, the database's ``photo_files``) and put its hash in the row; a
    tombstoned photo's copy is taken away again. Never the original."""
    from schouw.photos import Mask, export_copy
    from schouw.publish.rows import _json

    cols = columns("photos")
    sha_at = cols.index("masked_sha256")
    in_db = folder == DB_PHOTOS
    out, files, gone = [], [], []
    for r, row in zip(rows, central, strict=True):
        path = folder / f"{r['id']}.jpg"
        if r.get("deleted_at"):
            if in_db:
                gone.append(r["id"])
            with contextlib.suppress(FileNotFoundError):
                if not in_db:
                    path.unlink()
            out.append(row)
            continue
        master = reader.photo_master(r["id"])
        if master is None:
            values = list(row)
            values[cols.index("masked_file")] = None
            out.append(tuple(values))
            continue
        try:
            data = export_copy(master, [Mask.from_dict(m) for m in _json(r.get("masks")) or []])
        except Exception as error:  # noqa: BLE001 - never let an unmasked copy out
            raise SchouwError("export_photo_failed", id=r["id"], detail=str(error)) from error
        sha = hashlib.sha256(data).hexdigest()
        if in_db:
            files.append((r["id"], data, sha))
        else:
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, path)
        result.photos_written += 1
        values = list(row)
        values[sha_at] = sha
        out.append(tuple(values))
    if in_db:  # before the rows that name them: a cut in between leaves a copy, never a hole
        store.put_photo_files(project_id, files)
        store.drop_photo_files(gone)
    return out
