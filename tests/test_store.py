"""The project file: migrations with backup, refusing foreign and newer files, the lock."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import date

import pytest
from conftest import run_cli

from schouw.domain.models import Buurt, Finding, Round, Street, Wijk
from schouw.messages import SchouwError
from schouw.services.forms import find_form
from schouw.store import CURRENT_VERSION, create_project, open_project
from schouw.store.project import APPLICATION_ID
from schouw.store.rows import to_row


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill_v1(project) -> dict:
    """Write rows using only tables that exist in schema v1."""
    form = find_form("crow-beeldkwaliteit")
    wijk = project.areas.add_wijk(Wijk(name="Centrum"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Binnenstad", area_type="centrum"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name="'s-Gravendijkwal", woonplaats="Rotterdam")])
    street = project.areas.streets(buurt.id)[0]
    key = project.forms.ensure(form)
    round_ = Round(buurt_id=buurt.id, date=date(2025, 5, 1), form_key=key)
    # as a v1 file holds it: without the columns later migrations add (kind .. closed_at, v9)
    project.db["rounds"].insert(to_row(round_, exclude={"kind", "points_n", "seed", "closed_at"}))
    finding = Finding(round_id=round_.id, street_id=street.id, element="asfalt", aspect="onkruid",
                      description="Onkruid langs de rand")
    # as a v1 file holds it: without the columns later migrations add (publishable v8, point_id v9)
    project.db["findings"].insert(to_row(finding, exclude={"publishable", "point_id"}))
    return {"round": round_.id, "finding": finding.id, "street": street.name}


def test_new_project_is_current_wal_with_foreign_keys(project):
    assert project.schema_version == CURRENT_VERSION
    assert project.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert project.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert project.conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert len(project.meta("project_id")) == 36


def test_migration_from_v1_keeps_data_and_makes_backup(tmp_path, data_dir):
    path = tmp_path / "oud.schouw"
    with create_project(path, target_version=1) as old:
        assert old.schema_version == 1
        ids = fill_v1(old)
    assert not list((data_dir / "backups").glob("*")) if (data_dir / "backups").exists() else True
    with open_project(path) as project:
        assert project.schema_version == CURRENT_VERSION
        finding = project.findings.get(ids["finding"])
        assert finding.description == "Onkruid langs de rand"
        rows = project.findings.list(ids["round"])
        assert [r["street"] for r in rows] == ["'s-Gravendijkwal"]
        # the v2 table works on the migrated file
        project.rounds.set_street_done(ids["round"], finding.street_id, True)
        assert project.rounds.done_streets(ids["round"]) == {finding.street_id}
    backups = list((data_dir / "backups").glob("oud-*.voor-migratie-v1.*.schouw"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert conn.execute("SELECT description FROM findings").fetchone()[0] == "Onkruid langs de rand"


def test_failed_migration_changes_nothing(tmp_path, monkeypatch):
    path = tmp_path / "oud.schouw"
    with create_project(path, target_version=1) as old:
        fill_v1(old)
    from schouw.store import migrations

    def broken(conn):
        conn.execute("CREATE TABLE half_done (x)")
        raise RuntimeError("schijf vol")

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    monkeypatch.setattr("schouw.store.project.MIGRATIONS", [migrations.MIGRATIONS[0], broken])
    with pytest.raises(SchouwError) as err:
        open_project(path)
    assert err.value.key == "migration_failed" and "schijf vol" in err.value.message()
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'half_done'").fetchall()


def test_newer_project_is_refused_untouched(tmp_path):
    path = tmp_path / "nieuw.schouw"
    create_project(path).close()
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {CURRENT_VERSION + 5}")
    conn.close()  # the last connection checkpoints the WAL into the file
    before = digest(path)
    with pytest.raises(SchouwError) as err:
        open_project(path)
    assert err.value.key == "project_newer"
    assert digest(path) == before
    result = run_cli("--db", str(path), "rounds", "list")
    assert result.returncode == 2
    assert "nieuwere versie van schouw" in result.stderr and "Traceback" not in result.stderr
    assert digest(path) == before
    en = run_cli("--db", str(path), "--lang", "en", "rounds", "list")
    assert en.returncode == 2 and "newer version of schouw" in en.stderr


@pytest.mark.parametrize("content", [b"", b"straatnaam;woonplaats\nMarkt;Delft\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_not_a_project_is_refused_untouched(tmp_path, content):
    path = tmp_path / "iets.schouw"
    path.write_bytes(content)
    with pytest.raises(SchouwError) as err:
        open_project(path)
    assert err.value.key == "not_a_project"
    assert path.read_bytes() == content
    result = run_cli("--db", str(path), "check")
    assert result.returncode == 2 and "geen schouw-projectbestand" in result.stderr
    assert path.read_bytes() == content


def test_other_sqlite_database_is_refused_untouched(tmp_path):
    path = tmp_path / "ander.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("INSERT INTO t VALUES (1)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(SchouwError) as err:
        open_project(path)
    assert err.value.key == "not_a_project"
    assert digest(path) == before


def test_second_process_reads_but_waits_to_write(tmp_path, project):
    """The project is open here (as in the app): another process reads it without waiting
    and sees what was committed here; a write waits for the lock and, when it stays taken,
    gives up with exit 3 ("try again later") in one line."""
    ids = fill_v1(project)  # committed here, not yet checkpointed into the file
    result = run_cli("--db", str(project.path), "--json", "check")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["findings"] == 1
    rounds = json.loads(run_cli("--db", str(project.path), "--json", "rounds", "list", check=True).stdout)
    assert [r["id"] for r in rounds] == [ids["round"]]
    write = run_cli("--db", str(project.path), "rounds", "create", "--buurt", "X", "--form", "crow-beeldkwaliteit",
                    "--date", "2026-11-20", env={"SCHOUW_LOCK_TIMEOUT": "0.3"})
    assert write.returncode == 3, write.stderr
    assert write.stderr.strip().count("\n") == 0 and "nog steeds in gebruik" in write.stderr
    # and released again once closed
    project.close()
    ok = run_cli("--db", str(project.path), "rounds", "list")
    assert ok.returncode == 0, ok.stderr
    reopened = open_project(project.path)  # the fixture closes `project` again: harmless
    reopened.close()


def test_readonly_opening_needs_no_lock_and_refuses_writes(project):
    ids = fill_v1(project)
    before = project.conn.execute("SELECT count(*) FROM findings").fetchone()[0]
    with open_project(project.path, readonly=True) as reader:  # `project` holds the lock
        assert reader.readonly and not reader.readonly_medium
        assert len(reader.findings.list(ids["round"])) == before
        with pytest.raises(SchouwError) as err:
            reader.set_meta("name", "anders")
        assert err.value.key == "project_opened_readonly"
        with pytest.raises(SchouwError):
            reader.findings.delete(ids["finding"])
    assert project.meta("name") == "Test"
    assert len(project.findings.list(ids["round"])) == before


def test_backups_of_same_named_projects_in_two_folders_stay_apart(tmp_path, data_dir, monkeypatch):
    """Two projects called wijkschouw.schouw: each keeps its own newest backups, and a
    backup restores the project it was made of."""
    from schouw.store import project as project_module

    monkeypatch.setattr(project_module, "KEEP_BACKUPS", 3)
    projects = [create_project(tmp_path / folder / "wijkschouw.schouw", name=folder) for folder in ("noord", "zuid")]
    try:
        made = {p.meta("name"): [p.backup("dagelijks") for _ in range(5)] for p in projects}
    finally:
        for p in projects:
            p.close()
    backups = sorted((data_dir / "backups").glob("wijkschouw*.dagelijks.*.schouw"))
    assert len(backups) == 6  # three per project, not three in all
    for name, paths in made.items():
        kept = [p for p in paths if p.exists()]
        assert kept == paths[-3:]
        for path in kept:
            with sqlite3.connect(path) as conn:
                assert conn.execute("SELECT value FROM project_meta WHERE key = 'name'").fetchone()[0] == name


def test_lock_is_released_when_the_holder_dies(tmp_path):
    path = tmp_path / "p.schouw"
    create_project(path).close()
    code = textwrap.dedent(f"""
        import os, sys
        from schouw.store import open_project
        p = open_project({str(path)!r})
        print("open", flush=True)
        sys.stdin.readline()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        with pytest.raises(SchouwError):
            open_project(path)
    finally:
        holder.kill()
        holder.wait()
    open_project(path).close()


def test_daily_backup_once_per_day(project, data_dir):
    first = project.daily_backup()
    assert first is not None and first.exists()
    assert project.daily_backup() is None
    with sqlite3.connect(first) as conn:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID


def test_soft_delete_and_undelete(project):
    ids = fill_v1(project)
    project.findings.delete(ids["finding"])
    assert project.findings.list(ids["round"]) == []
    with pytest.raises(SchouwError):
        project.findings.get(ids["finding"])
    project.findings.undelete(ids["finding"])
    assert len(project.findings.list(ids["round"])) == 1
    row = project.conn.execute("SELECT updated_by, updated_at > created_at FROM findings").fetchone()
    assert row[0] == project.device_id and row[1] == 1
