"""Publishing to the municipality's PostgreSQL/PostGIS (#21), against a real server
(tests/pg_server.py): schema and views, idempotency, tombstones, resume after a cut,
masked photos only, personal data only on request, and every bad input of the issue."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from conftest import ROOT, run_main

pytestmark = pytest.mark.postgis

psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def schema() -> str:
    """A fresh schema name per test, so tests share the server but not their data."""
    return "t_" + uuid.uuid4().hex[:12]


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch):
    monkeypatch.setenv("SCHOUW_SECRET_STORE", "file")  # never the real keyring


def q(url: str, sql: str, args: tuple = ()) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, args)
        return cur.fetchall() if cur.description else []


def publish(path: Path, url: str, schema: str, **kw):
    from schouw.publish import publish as run
    from schouw.store import open_project

    with open_project(path, readonly=True) as project:
        return run(project, url, schema=schema, **kw)


def count_sqlite(path: Path, table: str) -> int:
    return sqlite3.connect(path).execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_publish_creates_the_schema_and_a_second_publish_changes_nothing(demo_path, pg_url, schema):
    first = publish(demo_path, pg_url, schema)
    assert first.schema_version == (0, 2)
    for table in ("wijken", "buurten", "streets", "rounds", "findings", "actions", "action_events", "rechecks",
                  "photos"):
        assert q(pg_url, f"SELECT count(*) FROM {schema}.{table}")[0][0] == count_sqlite(demo_path, table), table
    assert first.changed == sum(t.rows for t in first.tables.values()) > 1000
    assert q(pg_url, f"SELECT value FROM {schema}.schouw_meta WHERE key = 'schema_version'") == [("2",)]

    second = publish(demo_path, pg_url, schema)
    assert second.changed == 0
    assert sum(t.sent for t in second.tables.values()) == 0
    assert second.skipped == first.changed


def test_geometry_is_rd_new_with_a_wgs84_view_and_spatial_indexes(demo_path, pg_url, schema):
    publish(demo_path, pg_url, schema)
    kinds = q(pg_url, f"SELECT DISTINCT ST_SRID(geom), GeometryType(geom) FROM {schema}.streets WHERE geom IS NOT NULL")
    assert kinds == [(28992, "MULTILINESTRING")]
    lat, lon, fid = sqlite3.connect(demo_path).execute(
        "SELECT lat, lon, id FROM findings WHERE lat IS NOT NULL AND deleted_at IS NULL LIMIT 1").fetchone()
    x, y, srid = q(pg_url, f"SELECT ST_X(geom), ST_Y(geom), ST_SRID(geom) FROM {schema}.findings WHERE id = %s",
                   (fid,))[0]
    assert srid == 28992 and 0 < x < 300_000 and 300_000 < y < 625_000  # inside the RD grid
    back = q(pg_url, f"SELECT ST_Y(geom), ST_X(geom) FROM {schema}.v_bevindingen_wgs84 WHERE id = %s", (fid,))[0]
    assert back[0] == pytest.approx(lat, abs=1e-5) and back[1] == pytest.approx(lon, abs=1e-5)
    indexes = {r[0] for r in q(pg_url, "SELECT indexdef FROM pg_indexes WHERE schemaname = %s", (schema,))
               if "gist" in r[0].lower()}
    assert {i.split(" ON ")[1].split()[0] for i in indexes} >= {f"{schema}.findings", f"{schema}.streets",
                                                                 f"{schema}.buurten"}


def test_onder_norm_is_the_judgement_of_norms_judge(demo_path, pg_url, schema):
    from schouw.domain.levels import Level

    publish(demo_path, pg_url, schema)
    below = q(pg_url, f"SELECT niveau, norm FROM {schema}.v_bevindingen_onder_norm")
    assert len(below) > 10
    assert all(Level.parse(level) < Level.parse(norm) for level, norm in below)
    meets = q(pg_url, f"SELECT level, norm FROM {schema}.findings WHERE onder_norm = false")
    assert meets and all(not Level.parse(level) < Level.parse(norm) for level, norm in meets)
    nvt = q(pg_url, f"SELECT count(*) FROM {schema}.findings WHERE not_applicable AND onder_norm IS NOT NULL")
    assert nvt == [(0,)]  # n.v.t. is left out of every score
    hot = q(pg_url, f"SELECT sum(aantal) FROM {schema}.v_hotspots")[0][0]
    located = q(pg_url, f"SELECT count(*) FROM {schema}.v_bevindingen_onder_norm WHERE geom IS NOT NULL")[0][0]
    assert hot == located > 0
    open_actions = q(pg_url, f"SELECT status FROM {schema}.v_acties_open")
    assert open_actions and {s for (s,) in open_actions}.isdisjoint({"afgehandeld", "afgewezen"})


def test_participants_only_with_personal_data(demo_path, pg_url, schema):
    result = publish(demo_path, pg_url, schema)
    assert "participants" not in result.tables
    assert q(pg_url, f"SELECT count(*) FROM {schema}.participants") == [(0,)]
    publish(demo_path, pg_url, schema, personal_data=True)
    assert q(pg_url, f"SELECT count(*) FROM {schema}.participants")[0][0] == count_sqlite(demo_path, "participants") > 0


def test_a_deletion_is_a_tombstone_and_an_edit_wins_by_updated_at(demo_path, pg_url, schema):
    from schouw.services.walk import delete_finding
    from schouw.store import open_project

    publish(demo_path, pg_url, schema)
    conn = sqlite3.connect(demo_path)
    gone, edited = [r[0] for r in conn.execute(
        "SELECT id FROM findings WHERE deleted_at IS NULL AND id NOT IN (SELECT finding_id FROM actions) LIMIT 2")]
    conn.close()
    with open_project(demo_path) as project:
        assert delete_finding(project, gone) is False  # it had no action
        project.conn.execute("UPDATE findings SET description = 'nieuw', updated_at = '2099-01-01T00:00:00.000Z' "
                             "WHERE id = ?", (edited,))
        project.conn.commit()
    again = publish(demo_path, pg_url, schema)
    assert again.tables["findings"].changed == 2
    assert q(pg_url, f"SELECT deleted_at IS NOT NULL FROM {schema}.findings WHERE id = %s", (gone,)) == [(True,)]
    assert q(pg_url, f"SELECT count(*) FROM {schema}.v_bevindingen WHERE id = %s", (gone,)) == [(0,)]
    assert q(pg_url, f"SELECT description FROM {schema}.findings WHERE id = %s", (edited,)) == [("nieuw",)]

    # an older version of a row never overwrites a newer one in the centre
    q(pg_url, f"DELETE FROM {schema}.publish_log WHERE row_id = %s", (edited,))
    q(pg_url, f"UPDATE {schema}.findings SET description = 'centraal', updated_at = '2100-01-01' WHERE id = %s",
      (edited,))
    assert publish(demo_path, pg_url, schema).tables["findings"].changed == 0
    assert q(pg_url, f"SELECT description FROM {schema}.findings WHERE id = %s", (edited,)) == [("centraal",)]


def test_an_interrupted_publish_resumes_without_duplicates(demo_path, pg_url, schema, monkeypatch):
    from schouw.messages import SchouwError
    from schouw.store.central import CentralStore

    real = CentralStore.publish_batch
    calls = {"n": 0}

    def cut(self, project_id, table, rows, versions):
        calls["n"] += table == "findings"
        if calls["n"] > 3:  # the network goes mid-table, after three batches of findings
            self.conn.close()
        return real(self, project_id, table, rows, versions)

    monkeypatch.setattr(CentralStore, "publish_batch", cut)
    with pytest.raises(SchouwError) as caught:
        publish(demo_path, pg_url, schema, batch=200)
    assert caught.value.key == "publish_lost"
    half = q(pg_url, f"SELECT count(*) FROM {schema}.findings")[0][0]
    total = count_sqlite(demo_path, "findings")
    assert 0 < half < total and half % 200 == 0  # whole batches only

    monkeypatch.setattr(CentralStore, "publish_batch", real)
    resumed = publish(demo_path, pg_url, schema, batch=200)
    assert resumed.tables["findings"].sent == total - half  # only what was missing
    assert q(pg_url, f"SELECT count(*), count(DISTINCT id) FROM {schema}.findings") == [(total, total)]
    assert publish(demo_path, pg_url, schema).changed == 0


def test_photos_to_writes_only_masked_copies(demo_path, pg_url, schema, tmp_path):
    from schouw.photos import Mask, export_copy
    from schouw.services.photos import set_masks
    from schouw.store import open_project

    with open_project(demo_path) as project:
        photo_id = project.conn.execute("SELECT id FROM photos WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
        set_masks(project, photo_id, [Mask.from_dict({"x": 0.1, "y": 0.1, "w": 0.5, "h": 0.5, "shape": "rect"})])
        master = project.photos.blob(photo_id, "jpeg")
        masks = [Mask.from_dict(m) for m in project.photos.get(photo_id).masks]
        blobs = {bytes(r[0]) for r in project.conn.execute("SELECT data FROM photo_blobs WHERE kind IN "
                                                            "('jpeg', 'original')")}
    folder = tmp_path / "fotos"
    folder.mkdir()
    without = publish(demo_path, pg_url, schema)
    assert without.photos_written == 0 and list(folder.iterdir()) == []
    row = q(pg_url, f"SELECT sha256, size, masked_file FROM {schema}.photos WHERE id = %s", (photo_id,))[0]
    assert len(row[0]) == 64 and row[1] == len(master) and row[2] is None

    result = publish(demo_path, pg_url, schema, photos_to=folder)
    live = count_sqlite(demo_path, "photos")
    assert result.photos_written == live == len(list(folder.glob("*.jpg")))
    written = (folder / f"{photo_id}.jpg").read_bytes()
    assert written == export_copy(master, masks) and written != master
    assert all(f.read_bytes() not in blobs for f in folder.glob("*.jpg") if f.stem == photo_id)
    assert q(pg_url, f"SELECT masked_file FROM {schema}.photos WHERE id = %s", (photo_id,)) == [(f"{photo_id}.jpg",)]
    # the copies stay recorded when a later publish writes none
    assert publish(demo_path, pg_url, schema).changed == 0
    assert q(pg_url, f"SELECT count(masked_file) FROM {schema}.photos")[0][0] == live


def test_photos_in_db_stores_only_masked_copies_in_photo_files(demo_path, pg_url, schema, tmp_path, capsys):
    from schouw.photos import Mask, export_copy
    from schouw.services.photos import set_masks
    from schouw.store import open_project

    with open_project(demo_path) as project:
        photo_id = project.conn.execute("SELECT id FROM photos WHERE deleted_at IS NULL LIMIT 1").fetchone()[0]
        set_masks(project, photo_id, [Mask.from_dict({"x": 0.2, "y": 0.2, "w": 0.4, "h": 0.4, "shape": "ellipse"})])
        master = project.photos.blob(photo_id, "jpeg")
        masks = [Mask.from_dict(m) for m in project.photos.get(photo_id).masks]
        originals = {bytes(r[0]) for r in project.conn.execute("SELECT data FROM photo_blobs")}
    result = publish(demo_path, pg_url, schema, photos_in_db=True)
    live = count_sqlite(demo_path, "photos")
    assert result.photos_written == live
    assert q(pg_url, f"SELECT count(*) FROM {schema}.photo_files")[0][0] == live
    stored = bytes(q(pg_url, f"SELECT masked_jpeg FROM {schema}.photo_files WHERE id = %s", (photo_id,))[0][0])
    assert stored == export_copy(master, masks) and stored not in originals
    assert q(pg_url, f"SELECT masked_file FROM {schema}.photos WHERE id = %s", (photo_id,)) == [
        (f"photo_files:{photo_id}",)]
    assert publish(demo_path, pg_url, schema, photos_in_db=True).changed == 0  # twice: nothing sent
    code, _, err = run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema,
                            "--photos-in-db", "--photos-to", str(tmp_path))
    assert code == 2 and "niet allebei" in err


def test_one_round_publishes_that_round_and_what_hangs_under_it(demo_path, pg_url, schema, capsys):
    conn = sqlite3.connect(demo_path)
    round_id, buurt = conn.execute("SELECT id, buurt_id FROM rounds ORDER BY date LIMIT 1").fetchone()
    n = conn.execute("SELECT count(*) FROM findings WHERE round_id = ?", (round_id,)).fetchone()[0]
    code, out, err = run_main(capsys, "--db", str(demo_path), "--json", "publish", "--to", pg_url,
                              "--schema", schema, "--round", round_id)
    assert code == 0, err
    assert q(pg_url, f"SELECT DISTINCT round_id FROM {schema}.findings") == [(round_id,)]
    assert q(pg_url, f"SELECT count(*) FROM {schema}.findings")[0][0] == n
    assert q(pg_url, f"SELECT id FROM {schema}.buurten") == [(buurt,)]
    assert '"changed"' in out


# -- bad input ------------------------------------------------------------------------------
def _schemas(url: str) -> set[str]:
    return {r[0] for r in q(url, "SELECT schema_name FROM information_schema.schemata")}


@pytest.fixture
def password_user(pg_server):
    """A role that must log in with a password (the test cluster trusts everyone else)."""
    name, password = "publisher", "Zeer-Geheim-42"
    url = pg_server.url
    exists = q(url, "SELECT 1 FROM pg_roles WHERE rolname = %s", (name,))
    if not exists:
        q(url, f"CREATE ROLE {name} LOGIN SUPERUSER PASSWORD '{password}'")
        hba = Path(q(url, "SHOW hba_file")[0][0])
        hba.write_text(f"host all {name} 127.0.0.1/32 scram-sha-256\n" + hba.read_text())
        q(url, "SELECT pg_reload_conf()")
    return name, password, pg_server.port


def test_wrong_password_is_one_line_exit_2_and_never_echoed(demo_path, pg_url, schema, capsys, password_user):
    name, password, port = password_user
    wrong = "Fout-Wachtwoord-99"
    before = _schemas(pg_url)
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to",
                              f"postgresql://{name}:{wrong}@127.0.0.1:{port}/schouw", "--schema", schema)
    assert code == 2
    assert wrong not in out and wrong not in err
    assert err.count("\n") == 1 and "wachtwoord klopt niet" in err
    assert _schemas(pg_url) == before
    from schouw.exchange.mor.secrets import get_secret

    assert get_secret(f"publish:{name}@127.0.0.1:{port}/schouw") is None  # a refused password is not kept


def test_a_password_in_the_url_goes_to_the_keyring_and_is_used_next_time(demo_path, pg_url, schema, capsys,
                                                                         password_user, data_dir):
    from schouw.exchange.mor.secrets import get_secret

    name, password, port = password_user
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to",
                              f"postgresql://{name}:{password}@127.0.0.1:{port}/schouw", "--schema", schema)
    assert code == 0, err
    assert password not in out + err
    assert get_secret(f"publish:{name}@127.0.0.1:{port}/schouw").reveal() == password
    # without the password: the stored one logs in
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to",
                              f"postgresql://{name}@127.0.0.1:{port}/schouw", "--schema", schema)
    assert code == 0, err
    assert password.encode() not in demo_path.read_bytes()
    logs = list(data_dir.rglob("*.log"))
    assert all(password not in p.read_text(errors="replace") for p in logs)


def test_unreachable_server_is_exit_3(demo_path, capsys):
    from tests.pg_server import _free_port

    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to",
                              f"postgresql://iemand:Geheim-123@127.0.0.1:{_free_port()}/schouw")
    assert code == 3
    assert "niet bereikbaar" in err and err.count("\n") == 1 and "Geheim-123" not in out + err


def test_a_database_without_postgis_is_refused_before_writing(demo_path, pg_server, capsys):
    url = pg_server.url
    if not q(url, "SELECT 1 FROM pg_database WHERE datname = 'zonder_postgis'"):
        q(url, "CREATE DATABASE zonder_postgis")
    other = url.rsplit("/", 1)[0] + "/zonder_postgis"
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to", other)
    assert code == 2
    assert "geen PostGIS" in err and err.count("\n") == 1
    assert "schouw" not in _schemas(other)


def test_a_schema_of_a_newer_schouw_is_refused(demo_path, pg_url, schema, capsys):
    publish(demo_path, pg_url, schema)
    q(pg_url, f"UPDATE {schema}.schouw_meta SET value = '99' WHERE key = 'schema_version'")
    q(pg_url, f"UPDATE {schema}.findings SET description = 'onaangeroerd'")
    q(pg_url, f"DELETE FROM {schema}.publish_log")
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", "--to", pg_url, "--schema", schema)
    assert code == 2
    assert "nieuwere schouw" in err and "99" in err and err.count("\n") == 1
    assert q(pg_url, f"SELECT count(*) FROM {schema}.publish_log") == [(0,)]
    assert q(pg_url, f"SELECT DISTINCT description FROM {schema}.findings") == [("onaangeroerd",)]


@pytest.mark.parametrize("argv, needle", [
    (["--to", "http://host/db"], "Geen PostgreSQL-adres"),
    (["--to", "postgresql://host"], "Geen PostgreSQL-adres"),
    (["--to", "postgresql://u@h/db", "--schema", "Drop Table"], "Ongeldige schemanaam"),
    (["--to", "postgresql://u@h/db", "--photos-to", "/geen/map/hier"], "bestaat niet"),
])
def test_bad_options_are_one_line_exit_2(demo_path, capsys, argv, needle):
    code, out, err = run_main(capsys, "--db", str(demo_path), "publish", *argv)
    assert code == 2 and needle in err and err.count("\n") == 1


# -- concurrency -----------------------------------------------------------------------------
def test_four_laptops_publish_into_one_schema_at_once(tmp_path, pg_url, schema):
    from schouw.services.demo import build_demo

    paths = []
    for n in range(4):
        path = tmp_path / f"team{n}.schouw"
        build_demo(path, photos=2, seed=100 + n)
        paths.append(path)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCHOUW_SECRET_STORE": "file"}
    procs = [subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(p), "publish", "--to", pg_url,
                               "--schema", schema, "--all", "--personal-data"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for p in paths]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    for table in ("findings", "streets", "actions", "participants", "photos"):
        expected = sum(count_sqlite(p, table) for p in paths)
        assert q(pg_url, f"SELECT count(*), count(DISTINCT id) FROM {schema}.{table}") == [(expected, expected)]
    projects = {sqlite3.connect(p).execute("SELECT value FROM project_meta WHERE key = 'project_id'").fetchone()[0]
                for p in paths}
    assert {r[0] for r in q(pg_url, f"SELECT DISTINCT project_id FROM {schema}.findings")} == projects


def test_the_crash_log_never_holds_a_password_from_the_command_line(monkeypatch, data_dir):
    from schouw import cli

    monkeypatch.setattr(sys, "argv", ["schouw", "publish", "--to", "postgresql://jan:Sup3r-Geheim@db.gemeente.nl/gis"])
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        path = cli._log_unexpected()
    text = path.read_text(encoding="utf-8")
    assert "Sup3r-Geheim" not in text
    assert "postgresql://jan:***@db.gemeente.nl/gis" in text


def test_a_publish_killed_mid_batch_leaves_no_half_batch_and_resumes(demo_path, pg_url, schema, tmp_path):
    from conftest import kill_at_fault

    kill_at_fault([sys.executable, "-m", "schouw", "--db", str(demo_path), "publish", "--to", pg_url,
                   "--schema", schema], "publish_findings", tmp_path,
                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    rounds = count_sqlite(demo_path, "rounds")
    assert q(pg_url, f"SELECT count(*) FROM {schema}.rounds") == [(rounds,)]  # committed before the kill
    # the findings batch was written but not committed when the process died: none of it is there
    assert q(pg_url, f"SELECT count(*) FROM {schema}.findings") == [(0,)]
    assert q(pg_url, f"SELECT count(*) FROM {schema}.publish_log WHERE table_name = 'findings'") == [(0,)]

    resumed = publish(demo_path, pg_url, schema)
    total = count_sqlite(demo_path, "findings")
    assert resumed.tables["rounds"].sent == 0  # already there: not sent again
    assert resumed.tables["findings"].changed == total
    assert q(pg_url, f"SELECT count(*), count(DISTINCT id) FROM {schema}.findings") == [(total, total)]
    assert publish(demo_path, pg_url, schema).changed == 0


def test_two_copies_of_one_project_publishing_at_once_neither_deadlock_nor_duplicate(demo_path, tmp_path, pg_url,
                                                                                      schema):
    """Two laptops with the same rows (a project copied before the walk): the same ids
    arrive twice at the same moment; row locks are taken in id order, so both finish."""
    copy = tmp_path / "copy.schouw"
    shutil.copyfile(demo_path, copy)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "SCHOUW_SECRET_STORE": "file"}
    procs = [subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(p), "publish", "--to", pg_url,
                               "--schema", schema], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in (demo_path, copy)]
    results = [(p.wait(timeout=300), p.stderr.read()) for p in procs]
    assert [code for code, _ in results] == [0, 0], results
    total = count_sqlite(demo_path, "findings")
    assert q(pg_url, f"SELECT count(*), count(DISTINCT id) FROM {schema}.findings") == [(total, total)]
