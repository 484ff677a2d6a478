"""Copies of form definitions and quality profiles inside the project file.

A round refers to ``form_id@version``; the exact definition is copied in when the
round is made, so the round stays readable even after the form file changes or is
removed from the machine.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from schouw.domain.forms import Form, parse_form
from schouw.domain.models import new_id, utc_now
from schouw.domain.profile import Profile, parse_profile
from schouw.store.rows import dict_rows

if TYPE_CHECKING:
    from schouw.store.project import Project


class FormRepo:
    def __init__(self, project: Project):
        self.p = project
        self._cache: dict[str, Form] = {}

    def ensure(self, form: Form) -> str:
        """Copy ``form`` into the project unless this exact version is there."""
        with self.p.atomic():
            self.p.conn.execute(
                "INSERT OR IGNORE INTO forms(key, form_id, version, title, kind, definition, added_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (form.key, form.id, form.version, form.title, form.kind,
                 json.dumps(form.model_dump(), ensure_ascii=False), utc_now()),
            )
        return form.key

    def get(self, key: str) -> Form | None:
        if key in self._cache:
            return self._cache[key]
        row = self.p.conn.execute("SELECT definition FROM forms WHERE key = ?", (key,)).fetchone()
        if not row:
            return None
        form = parse_form(json.loads(row[0]), f"project:{key}")
        self._cache[key] = form
        return form

    def all(self) -> list[Form]:
        keys = [r[0] for r in self.p.conn.execute("SELECT key FROM forms ORDER BY form_id, version")]
        return [f for f in (self.get(k) for k in keys) if f]

    # -- profiles -----------------------------------------------------------------------
    def save_profile(self, profile: Profile, profile_row_id: str | None = None) -> str:
        """Store or replace a profile; returns its row id. Changing a norm here
        re-scores every round that uses the profile, old ones included."""
        definition = json.dumps(profile.to_data(), ensure_ascii=False)
        now = utc_now()
        with self.p.atomic():
            existing = self.p.conn.execute(
                "SELECT id FROM profiles WHERE id = ?", (profile_row_id or profile.id,)
            ).fetchone()
            if existing:
                self.p.conn.execute(
                    "UPDATE profiles SET name = ?, definition = ?, updated_at = ?, updated_by = ? WHERE id = ?",
                    (profile.name, definition, now, self.p.device_id, existing[0]),
                )
                return existing[0]
            row_id = profile_row_id or profile.id or new_id()
            self.p.conn.execute(
                "INSERT INTO profiles(id, name, definition, created_at, updated_at, updated_by) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (row_id, profile.name, definition, now, now, self.p.device_id),
            )
            return row_id

    def profile(self, profile_id: str) -> Profile | None:
        row = self.p.conn.execute(
            "SELECT definition FROM profiles WHERE id = ? AND deleted_at IS NULL", (profile_id,)
        ).fetchone()
        return parse_profile(json.loads(row[0]), f"project:{profile_id}") if row else None

    def profiles(self) -> list[tuple[str, Profile]]:
        cur = self.p.conn.execute("SELECT id, definition FROM profiles WHERE deleted_at IS NULL ORDER BY name")
        return [(r["id"], parse_profile(json.loads(r["definition"]), r["id"])) for r in dict_rows(cur)]
