"""Wijken, buurten and streets."""

from __future__ import annotations

import difflib
import json
from typing import TYPE_CHECKING

from schouw.domain.models import Buurt, Street, Wijk, utc_now
from schouw.messages import SchouwError, Text
from schouw.store.rows import dict_rows, from_row, to_row

if TYPE_CHECKING:
    from schouw.store.project import Project


class AreaRepo:
    def __init__(self, project: Project):
        self.p = project

    # -- wijken and buurten -------------------------------------------------------
    def add_wijk(self, wijk: Wijk) -> Wijk:
        wijk = wijk.model_copy(update={"updated_by": self.p.device_id})
        with self.p.atomic():
            self.p.db["wijken"].insert(to_row(wijk))
        return wijk

    def add_buurt(self, buurt: Buurt) -> Buurt:
        buurt = buurt.model_copy(update={"updated_by": self.p.device_id})
        # Without a boundary the column is left to its default (NULL), so a file still
        # on a schema before v10 (tests build old files this way) takes the row too.
        with self.p.atomic():
            self.p.db["buurten"].insert(to_row(buurt, exclude=None if buurt.boundary else {"boundary"}))
        return buurt

    def set_boundaries(self, boundaries: dict[str, dict | None]) -> None:
        """Set the boundary (GeoJSON in WGS84, or None) of buurten by id, in one
        transaction: an import sets all it matched or none."""
        now = utc_now()
        with self.p.atomic():
            for buurt_id, geometry in boundaries.items():
                self.p.db["buurten"].update(buurt_id, {
                    "boundary": None if geometry is None else json.dumps(geometry, ensure_ascii=False),
                    "updated_at": now, "updated_by": self.p.device_id})

    def wijken(self) -> list[Wijk]:
        cur = self.p.conn.execute("SELECT * FROM wijken WHERE deleted_at IS NULL ORDER BY name")
        return [from_row(Wijk, r) for r in dict_rows(cur)]

    def wijk(self, wijk_id: str) -> Wijk | None:
        cur = self.p.conn.execute("SELECT * FROM wijken WHERE id = ?", (wijk_id,))
        rows = dict_rows(cur)
        return from_row(Wijk, rows[0]) if rows else None

    def buurten(self, wijk_id: str | None = None) -> list[Buurt]:
        sql = "SELECT * FROM buurten WHERE deleted_at IS NULL"
        args: tuple = ()
        if wijk_id:
            sql += " AND wijk_id = ?"
            args = (wijk_id,)
        cur = self.p.conn.execute(sql + " ORDER BY name", args)
        return [from_row(Buurt, r) for r in dict_rows(cur)]

    def buurt(self, buurt_id: str) -> Buurt | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM buurten WHERE id = ?", (buurt_id,)))
        return from_row(Buurt, rows[0]) if rows else None

    def find_wijk(self, name: str) -> Wijk | None:
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM wijken WHERE deleted_at IS NULL AND name = ? COLLATE NOCASE", (name.strip(),)))
        return from_row(Wijk, rows[0]) if rows else None

    def find_buurt(self, name: str, wijk: str | None = None) -> Buurt:
        """The buurt called ``name`` (case-insensitive), optionally within a wijk."""
        sql = (
            "SELECT b.*, w.name AS wijk_name FROM buurten b JOIN wijken w ON w.id = b.wijk_id "
            "WHERE b.deleted_at IS NULL AND b.name = ? COLLATE NOCASE"
        )
        args: list = [name.strip()]
        if wijk:
            sql += " AND w.name = ? COLLATE NOCASE"
            args.append(wijk.strip())
        rows = dict_rows(self.p.conn.execute(sql, args))
        if not rows:
            names = [b.name for b in self.buurten()]
            close = difflib.get_close_matches(name, names, n=3)
            hint = Text("hint_did_you_mean", names=", ".join(close)) if close else (
                Text("hint_known", names=", ".join(names[:8])) if names else Text("hint_no_buurten"))
            raise SchouwError("unknown_buurt", name=name, hint=hint)
        if len(rows) > 1:
            raise SchouwError("ambiguous_buurt", name=name, wijken=", ".join(r["wijk_name"] for r in rows))
        rows[0].pop("wijk_name")
        return from_row(Buurt, rows[0])

    def ensure_buurt(self, name: str, wijk_name: str | None, area_type: str = "woongebied") -> Buurt:
        """Find the buurt, or create it (and its wijk) for a street import."""
        try:
            return self.find_buurt(name, wijk_name)
        except SchouwError as error:
            if error.key != "unknown_buurt":
                raise
        wijk_label = wijk_name or name
        with self.p.atomic():
            wijk = self.find_wijk(wijk_label) or self.add_wijk(Wijk(name=wijk_label))
            return self.add_buurt(Buurt(wijk_id=wijk.id, name=name.strip(), area_type=area_type))

    # -- streets ----------------------------------------------------------------------
    def add_streets(self, streets: list[Street]) -> None:
        rows = [to_row(s.model_copy(update={"updated_by": self.p.device_id})) for s in streets]
        with self.p.atomic():
            self.p.db["streets"].insert_all(rows)

    def streets(self, buurt_id: str) -> list[Street]:
        cur = self.p.conn.execute(
            "SELECT * FROM streets WHERE buurt_id = ? AND deleted_at IS NULL ORDER BY position, name",
            (buurt_id,),
        )
        return [from_row(Street, r) for r in dict_rows(cur)]

    def streets_by_ids(self, street_ids: list[str]) -> list[Street]:
        """Streets by id, deleted ones too (a finding may sit on a street deleted after
        the walk), in one query per 500 ids."""
        out: list[Street] = []
        ids = list(dict.fromkeys(street_ids))
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            marks = ",".join("?" * len(chunk))
            cur = self.p.conn.execute(f"SELECT * FROM streets WHERE id IN ({marks})", chunk)
            out.extend(from_row(Street, r) for r in dict_rows(cur))
        order = {sid: i for i, sid in enumerate(ids)}
        return sorted(out, key=lambda s: order[s.id])

    def street(self, street_id: str) -> Street | None:
        rows = dict_rows(self.p.conn.execute("SELECT * FROM streets WHERE id = ?", (street_id,)))
        return from_row(Street, rows[0]) if rows else None

    def find_street(self, buurt_id: str, name: str) -> Street:
        """A street by exact name (case-insensitive) in one buurt; suggests close names."""
        rows = dict_rows(self.p.conn.execute(
            "SELECT * FROM streets WHERE buurt_id = ? AND deleted_at IS NULL AND name = ? COLLATE NOCASE",
            (buurt_id, name.strip()),
        ))
        if rows:
            return from_row(Street, rows[0])
        names = [s.name for s in self.streets(buurt_id)]
        close = difflib.get_close_matches(name, names, n=3, cutoff=0.6)
        hint = Text("hint_did_you_mean", names=", ".join(close)) if close else ""
        buurt = self.buurt(buurt_id)
        raise SchouwError("unknown_street", name=name, buurt=buurt.name if buurt else buurt_id, hint=hint)

    def merge_streets(self, buurt_id: str, streets: list[Street]) -> tuple[int, int]:
        """Add new streets by name; for known names fill in missing geometry/ranges.

        Returns (added, updated). Re-importing the same file changes nothing.
        """
        existing = {s.name: s for s in self.streets(buurt_id)}
        added: list[Street] = []
        updated = 0
        now = utc_now()
        with self.p.atomic():
            position = len(existing)
            for street in streets:
                old = existing.get(street.name)
                if old is None:
                    position += 1
                    added.append(street.model_copy(update={"buurt_id": buurt_id, "position": position}))
                    existing[street.name] = street
                    continue
                changes = {}
                if street.geometry and not old.geometry:
                    changes["geometry"] = json.dumps(street.geometry)
                if street.house_numbers and not old.house_numbers:
                    changes["house_numbers"] = street.house_numbers
                if street.woonplaats and not old.woonplaats:
                    changes["woonplaats"] = street.woonplaats
                if changes:
                    changes.update(updated_at=now, updated_by=self.p.device_id)
                    self.p.db["streets"].update(old.id, changes)
                    updated += 1
            if added:
                self.add_streets(added)
        return len(added), updated
