"""`schouw check`: prove a project file is whole.

Checks SQLite's own structure, the foreign keys, the photo copies against their
recorded SHA-256, and that every photo has its normalised copy and every finding its
round and street. Returns a list of problems in the user's language; empty means healthy.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

from schouw.messages import render

if TYPE_CHECKING:
    from schouw.store.project import Project


def check_project(project: Project) -> list[str]:
    conn = project.conn
    problems: list[str] = []
    result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
    if result != ["ok"]:
        problems.extend(f"SQLite: {line}" for line in result)
        return problems  # the rest would read a damaged file
    for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
        problems.append(render("integrity_reference", table=table, row=rowid, parent=parent))
    for photo_id, kind, expected, data in conn.execute(
            "SELECT photo_id, kind, sha256, data FROM photo_blobs"):
        if hashlib.sha256(data).hexdigest() != expected:
            problems.append(render("integrity_checksum", id=photo_id, kind=kind))
    for (photo_id,) in conn.execute(
            "SELECT id FROM photos p WHERE NOT EXISTS "
            "(SELECT 1 FROM photo_blobs b WHERE b.photo_id = p.id AND b.kind = 'jpeg')"):
        problems.append(render("integrity_no_image", id=photo_id))
    for (form_key,) in conn.execute(
            "SELECT DISTINCT form_key FROM rounds WHERE form_key NOT IN (SELECT key FROM forms)"):
        problems.append(render("integrity_no_form", form=form_key))
    return problems


def summary(project: Project) -> dict[str, int]:
    conn = project.conn
    return {
        "rounds": conn.execute("SELECT COUNT(*) FROM rounds WHERE deleted_at IS NULL").fetchone()[0],
        "findings": conn.execute("SELECT COUNT(*) FROM findings WHERE deleted_at IS NULL").fetchone()[0],
        "photos": conn.execute("SELECT COUNT(*) FROM photos WHERE deleted_at IS NULL").fetchone()[0],
    }
