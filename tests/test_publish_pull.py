"""``schouw pull --from postgresql://… --buurt B`` (#21): the central state of a buurt
merged into a laptop's project as a package would be, against the real PostGIS server."""

from __future__ import annotations

import shutil
import sqlite3
import uuid

import pytest
from conftest import run_main

pytestmark = pytest.mark.postgis

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def schema() -> str:
    return "p_" + uuid.uuid4().hex[:12]


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch):
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")


def one(path, sql, args=()):
    return sqlite3.connect(path).execute(sql, args).fetchall()


def test_pull_into_an_empty_project_brings_the_buurts_rounds_and_a_second_pull_adds_nothing(
        demo_path, tmp_path, pg_url, schema, capsys):
    from schouw.services.scores import round_score
    from schouw.store import create_project, open_project

    code, _, err = run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)
    assert code == 0, err
    buurt_id, name, bcode = one(demo_path, "SELECT id, name, code FROM buurten ORDER BY name LIMIT 1")[0]
    laptop = tmp_path / "laptop.schouw"
    create_project(laptop, name="Leeg").close()

    code, out, err = run_main(capsys, "--db", str(laptop), "--json", "pull", "--from", pg_url, "--schema", schema,
                              "--buurt", bcode)
    assert code == 0, err
    rounds = [r for (r,) in one(demo_path, "SELECT id FROM rounds WHERE buurt_id = ? AND deleted_at IS NULL "
                                           "ORDER BY id", (buurt_id,))]
    assert [r for (r,) in one(laptop, "SELECT id FROM rounds ORDER BY id")] == rounds
    marks = ", ".join("?" * len(rounds))
    for sql in (f"SELECT count(*) FROM findings WHERE round_id IN ({marks})",
                f"SELECT count(*) FROM actions WHERE finding_id IN (SELECT id FROM findings WHERE round_id IN ({marks}))",
                f"SELECT count(*) FROM rechecks WHERE round_id IN ({marks})",
                f"SELECT count(*) FROM schouwpunten WHERE round_id IN ({marks})"):
        assert one(laptop, sql, rounds) == one(demo_path, sql, rounds), sql
    with open_project(demo_path, readonly=True) as a, open_project(laptop, readonly=True) as b:
        for round_id in rounds:
            assert round_score(a, round_id).as_dict() == round_score(b, round_id).as_dict()
    code, out, err = run_main(capsys, "--db", str(laptop), "pull", "--from", pg_url, "--schema", schema,
                              "--buurt", name.upper())
    assert code == 0, err
    assert "0 rijen toegevoegd, 0 bijgewerkt" in out


def test_a_change_published_by_one_laptop_reaches_another_by_pull(demo_path, tmp_path, pg_url, schema, capsys):
    other = tmp_path / "other.schouw"
    shutil.copyfile(demo_path, other)
    fid, buurt = one(demo_path, "SELECT f.id, b.code FROM findings f JOIN rounds r ON r.id = f.round_id "
                                "JOIN buurten b ON b.id = r.buurt_id WHERE f.deleted_at IS NULL LIMIT 1")[0]
    conn = sqlite3.connect(demo_path)
    with conn:
        conn.execute("UPDATE findings SET description = 'Centraal bijgewerkt', "
                     "updated_at = '2099-01-01T00:00:00.000Z' WHERE id = ?", (fid,))
    conn.close()
    assert run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)[0] == 0
    code, out, err = run_main(capsys, "--db", str(other), "pull", "--from", pg_url, "--schema", schema,
                              "--buurt", buurt)
    assert code == 0, err
    assert one(other, "SELECT description, updated_at FROM findings WHERE id = ?", (fid,)) == [
        ("Centraal bijgewerkt", "2099-01-01T00:00:00.000Z")]
    assert "1 bijgewerkt" in out


def test_pull_bad_input_is_one_line_exit_2_and_changes_nothing(demo_path, pg_url, schema, capsys):
    before = demo_path.read_bytes()
    code, out, err = run_main(capsys, "--db", str(demo_path), "pull", "--from", pg_url, "--schema", schema,
                              "--buurt", "Vogelbuurt")
    assert code == 2 and "geen schouw-schema" in err and err.count("\n") == 1
    assert run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)[0] == 0
    code, out, err = run_main(capsys, "--db", str(demo_path), "pull", "--from", pg_url, "--schema", schema,
                              "--buurt", "Nergenshuizen")
    assert code == 2 and "Nergenshuizen staat niet in" in err and err.count("\n") == 1
    assert one(demo_path, "SELECT count(*) FROM sync_packages") == [(0,)]
    assert len(demo_path.read_bytes()) == len(before)
