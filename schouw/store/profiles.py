"""The change log of the quality profiles (table ``profile_changes``, migration 5).

A profile's definition lives in ``profiles`` (see :mod:`schouw.store.forms`); this log
says who changed which norm when, from what to what. Saving a profile and logging its
changes happen in one transaction (:meth:`ProfileLog.save_with_changes`), so the log
can serve as the profile's history.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from schouw.domain.models import new_id, utc_now
from schouw.domain.profile import Profile
from schouw.domain.profile_edit import GAP, ProfileChange
from schouw.store.rows import dict_rows

if TYPE_CHECKING:
    from schouw.store.project import Project


class ProfileLog:
    def __init__(self, project: Project):
        self.p = project

    def save_with_changes(self, profile_row_id: str, profile: Profile, changes: list[ProfileChange],
                          who: str, gap_at: str | None = None) -> list[ProfileChange]:
        """Store the new definition and log ``changes`` (stamped now, by ``who``) at once;
        ``gap_at``: first log a marker that the profile was changed outside the log then."""
        now = utc_now()
        stamped = [ProfileChange(c.key, c.area_type, c.old, c.new, now, who, c.source) for c in changes]
        with self.p.atomic():
            if gap_at:
                self.p.conn.execute(
                    "INSERT INTO profile_changes(id, profile_id, at, key, created_at, updated_at, updated_by) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (new_id(), profile_row_id, gap_at, GAP, now, now, self.p.device_id))
            self.p.forms.save_profile(profile, profile_row_id)
            for c in stamped:
                self.p.conn.execute(
                    "INSERT INTO profile_changes(id, profile_id, at, who, key, area_type, old, new, source, "
                    "created_at, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (new_id(), profile_row_id, now, who, c.key, c.area_type, c.old, c.new, c.source,
                     now, now, self.p.device_id))
        return stamped

    def stamps(self, profile_row_id: str) -> tuple[str, str] | None:
        """``(created_at, updated_at)`` of a profile row (None when there is none)."""
        row = self.p.conn.execute("SELECT created_at, updated_at FROM profiles WHERE id = ?",
                                  (profile_row_id,)).fetchone()
        return (row[0], row[1]) if row else None

    def changes(self, profile_row_id: str) -> list[ProfileChange]:
        """The log of one profile, oldest first."""
        cur = self.p.conn.execute(
            "SELECT at, who, key, area_type, old, new, source FROM profile_changes "
            "WHERE profile_id = ? AND deleted_at IS NULL ORDER BY at, rowid", (profile_row_id,))
        return [ProfileChange(r["key"], r["area_type"], r["old"], r["new"], r["at"], r["who"], r["source"])
                for r in dict_rows(cur)]
