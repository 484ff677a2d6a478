"""Photo records and their bytes. Bytes sit in ``photo_blobs``, one row per copy
(normalised JPEG, thumbnail, report copy, optional original), each with its SHA-256 so
``schouw check`` can prove nothing rotted."""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING

from schouw.domain.models import Photo, utc_now
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project

BLOB_KINDS = ("jpeg", "thumb", "report", "original")


class PhotoRepo:
    def __init__(self, project: Project):
        self.p = project

    def add(self, photo: Photo, blobs: dict[str, bytes]) -> Photo:
        """Insert a photo and its copies in one transaction (inside the caller's, if any)."""
        photo = photo.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["photos"].insert(to_row(photo))
            self._write_blobs(photo.id, blobs)
        return photo

    def _write_blobs(self, photo_id: str, blobs: dict[str, bytes]) -> None:
        for kind, data in blobs.items():
            if kind not in BLOB_KINDS:
                raise ValueError(kind)
            if data is None:
                continue
            self.p.conn.execute(
                "INSERT INTO photo_blobs(photo_id, kind, sha256, data) VALUES (?, ?, ?, ?) "
                "ON CONFLICT(photo_id, kind) DO UPDATE SET sha256 = excluded.sha256, data = excluded.data",
                (photo_id, kind, hashlib.sha256(data).hexdigest(), data),
            )

    def for_finding(self, finding_id: str) -> list[Photo]:
        cur = self.p.conn.execute(
            "SELECT * FROM photos WHERE finding_id = ? AND deleted_at IS NULL ORDER BY position, created_at",
            (finding_id,))
        return [from_row(Photo, r) for r in dict_rows(cur)]

    def get(self, photo_id: str) -> Photo | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM photos WHERE id = ?", (photo_id,)))
        return from_row(Photo, rows[0]) if rows else None

    def resolve(self, photo_id: str) -> Photo | None:
        """The live photo whose id is ``photo_id`` or starts with it (at least 4
        characters, as round ids); None when there is none or more than one."""
        if len(photo_id) < 4:
            return None
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM photos WHERE substr(id, 1, length(?)) = ? AND deleted_at IS NULL LIMIT 2",
            (photo_id, photo_id)))
        return from_row(Photo, rows[0]) if len(rows) == 1 else None

    def for_round(self, round_id: str) -> list[dict]:
        """The live photos of a round's live findings with where they were taken, in the
        order of the findings list (street, house number) and their place on the finding."""
        cur = self.p.conn.execute(
            """SELECT p.id, p.finding_id, s.name AS street, f.house_number AS number,
                      f.element, f.aspect, p.position, p.source_name, p.width, p.height, p.masks
               FROM photos p JOIN findings f ON f.id = p.finding_id
                    LEFT JOIN streets s ON s.id = f.street_id
               WHERE f.round_id = ? AND f.deleted_at IS NULL AND p.deleted_at IS NULL
               ORDER BY s.position, s.name, f.house_number, f.created_at, p.position, p.created_at""",
            (round_id,))
        rows = dict_rows(cur)
        for row in rows:
            row["masks"] = json.loads(row["masks"] or "[]")
        return rows

    def blob(self, photo_id: str, kind: str) -> bytes | None:
        row = self.p.conn.execute(
            "SELECT data FROM photo_blobs WHERE photo_id = ? AND kind = ?", (photo_id, kind)).fetchone()
        return row[0] if row else None

    def find_by_hash(self, finding_id: str, sha256: str) -> Photo | None:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM photos WHERE finding_id = ? AND sha256 = ? AND deleted_at IS NULL",
            (finding_id, sha256)))
        return from_row(Photo, rows[0]) if rows else None

    def set_masks(self, photo_id: str, masks: list[dict], blobs: dict[str, bytes]) -> None:
        """Store new privacy masks together with the derivatives re-made for them."""
        with self.p.atomic():
            self.p.db["photos"].update(photo_id, {"masks": json.dumps(masks), **self.p.stamp()})
            self._write_blobs(photo_id, blobs)

    def update(self, photo_id: str, **changes: object) -> None:
        with self.p.atomic():
            self.p.db["photos"].update(photo_id, {**changes, **self.p.stamp()})

    def delete(self, photo_id: str) -> None:
        now = utc_now()
        with self.p.atomic():
            self.p.db["photos"].update(photo_id, {"deleted_at": now, **self.p.stamp()})

    def undelete(self, photo_id: str) -> None:
        with self.p.atomic():
            self.p.db["photos"].update(photo_id, {"deleted_at": None, **self.p.stamp()})

    def count(self) -> int:
        return self.p.conn.execute("SELECT COUNT(*) FROM photos WHERE deleted_at IS NULL").fetchone()[0]

    def storage_bytes(self) -> dict[str, int]:
        """Bytes per kind of copy: shows the disk cost of keeping originals."""
        cur = self.p.conn.execute("SELECT kind, SUM(LENGTH(data)) FROM photo_blobs GROUP BY kind")
        return {kind: total or 0 for kind, total in cur}

    def original_stats(self) -> dict[str, int]:
        """Counts for the cost of keeping originals (live photos only)."""
        row = self.p.conn.execute(
            """SELECT COUNT(*),
                      COALESCE(SUM(original_size), 0),
                      COUNT(original_size),
                      (SELECT COUNT(*) FROM photo_blobs b JOIN photos q ON q.id = b.photo_id
                        WHERE b.kind = 'original' AND q.deleted_at IS NULL)
               FROM photos WHERE deleted_at IS NULL""").fetchone()
        return {"photos": row[0], "source_bytes": row[1], "source_known": row[2], "kept": row[3]}
