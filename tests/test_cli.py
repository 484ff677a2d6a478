"""The `schouw` command as a user runs it: real subprocesses, real files."""

from __future__ import annotations

import hashlib
import json

import pytest
from conftest import run_cli
from PIL import Image


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def walk(tmp_path):
    """A project with a buurt of three streets and one CROW round, made through the CLI."""
    db = tmp_path / "wijk.schouw"
    csv_path = tmp_path / "straten.csv"
    csv_path.write_bytes("\ufeffstraatnaam;woonplaats\n's-Gravendijkwal;Rotterdam\nIJsselkade;Rotterdam\n"
                         "Burgemeester de Withstraat;Rotterdam\n".encode())
    run_cli("new", str(db), check=True)
    run_cli("--db", str(db), "streets", "import", str(csv_path), "--buurt", "Oude Westen", "--wijk", "Centrum",
            check=True)
    created = run_cli("--db", str(db), "--json", "rounds", "create", "--buurt", "Oude Westen",
                      "--form", "crow-beeldkwaliteit", "--date", "2026-11-20", check=True)
    return db, json.loads(created.stdout)["id"], tmp_path


def photo(tmp_path, name="foto.jpg", colour=(200, 30, 30)):
    path = tmp_path / name
    Image.new("RGB", (640, 480), colour).save(path, "JPEG")
    return path


def test_rounds_list_json(walk):
    db, round_id, _ = walk
    rows = json.loads(run_cli("--db", str(db), "rounds", "list", "--json", check=True).stdout)
    assert len(rows) == 1
    row = rows[0]
    assert row["id"] == round_id and row["wijk"] == "Centrum" and row["buurt"] == "Oude Westen"
    assert row["date"] == "2026-11-20" and row["form_id"] == "crow-beeldkwaliteit"
    assert row["form_version"] == "2026.1" and row["findings"] == 0


def test_finding_add_and_list(walk):
    db, round_id, tmp = walk
    added = run_cli("--db", str(db), "--json", "finding", "add", "--round", round_id, "--street", "'s-gravendijkwal",
                    "--number", "12a", "--item", "asfalt.onkruid", "--level", "c", "--text", "Onkruid; veel",
                    "--party", "Gemeente", "--due", "2026-12-31", "--photo", str(photo(tmp)), str(photo(tmp, "b.jpg", (20, 90, 200))),
                    check=True)
    finding_id = json.loads(added.stdout)["id"]
    plain = run_cli("--db", str(db), "finding", "add", "--round", round_id[:8], "--street", "IJsselkade",
                    "--item", "asfalt.schade", "--level", "n.v.t.", check=True)
    assert len(plain.stdout.strip()) == 36
    rows = json.loads(run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout)
    assert len(rows) == 2
    first = next(r for r in rows if r["id"] == finding_id)
    assert first["street"] == "'s-Gravendijkwal" and first["number"] == "12a"
    assert (first["element"], first["aspect"], first["level"]) == ("asfalt", "onkruid", "C")
    assert first["text"] == "Onkruid; veel" and first["photo_count"] == 2
    assert first["action_party"] == "Gemeente" and first["action_status"] == "open"
    second = next(r for r in rows if r["id"] != finding_id)
    assert second["level"] == "n.v.t." and second["photo_count"] == 0 and second["action_party"] is None
    check = run_cli("--db", str(db), "check")
    assert check.returncode == 0 and "2 bevindingen, 2 foto's" in check.stdout


@pytest.mark.parametrize(("args", "needle", "needle_en"), [
    (["--street", "Onbekendestraat", "--item", "asfalt.onkruid", "--level", "B"], "Onbekendestraat", "is unknown"),
    (["--street", "IJselkade", "--item", "asfalt.onkruid", "--level", "B"], "Bedoelde u IJsselkade", "IJselkade"),
    (["--street", "IJsselkade", "--item", "asfalt.bloemen", "--level", "B"], "asfalt.bloemen", "is not on form"),
    (["--street", "IJsselkade", "--item", "asfalt.onkruid", "--level", "E"], "past niet", "does not fit"),
    (["--street", "IJsselkade", "--item", "asfalt.onkruid", "--level", "B", "--due", "31-12-2026"], "JJJJ-MM-DD", "YYYY-MM-DD"),
])
def test_finding_add_errors_are_one_line_and_change_nothing(walk, args, needle, needle_en):
    db, round_id, _ = walk
    before = run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout
    result = run_cli("--db", str(db), "finding", "add", "--round", round_id, *args)
    assert result.returncode == 2
    assert needle in result.stderr and result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    english = run_cli("--db", str(db), "--lang", "en", "finding", "add", "--round", round_id, *args)
    assert english.returncode == 2 and needle_en in english.stderr
    after = run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout
    assert after == before


def test_bad_photo_refuses_the_whole_finding(walk):
    db, round_id, tmp = walk
    broken = tmp / "kapot.jpg"
    broken.write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    result = run_cli("--db", str(db), "finding", "add", "--round", round_id, "--street", "IJsselkade",
                     "--item", "asfalt.onkruid", "--level", "B", "--photo", str(photo(tmp)), str(broken))
    assert result.returncode == 2 and "kapot.jpg" in result.stderr
    rows = json.loads(run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout)
    assert rows == []


def test_unknown_round_form_and_buurt(walk):
    db, _, _ = walk
    cases = [
        (["findings", "list", "--round", "deadbeef"], "deadbeef"),
        (["rounds", "create", "--buurt", "Oude Westen", "--form", "bestaat-niet", "--date", "2026-01-01"], "crow-beeldkwaliteit"),
        (["rounds", "create", "--buurt", "Oude Wsten", "--form", "crow-beeldkwaliteit", "--date", "2026-01-01"], "Oude Westen"),
        (["rounds", "create", "--buurt", "Oude Westen", "--form", "crow-beeldkwaliteit", "--date", "2026-13-01"], "2026-13-01"),
    ]
    for args, needle in cases:
        result = run_cli("--db", str(db), *args)
        assert result.returncode == 2, args
        assert needle in result.stderr, (args, result.stderr)


def test_usage_error_is_exit_2(tmp_path):
    result = run_cli("finding", "add", "--round")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--round" in result.stderr and "schouw finding add --help" in result.stderr


def test_demo_then_check_and_lists(tmp_path):
    db = tmp_path / "demo.schouw"
    made = run_cli("--json", "demo", str(db), "--photos", "6", check=True)
    stats = json.loads(made.stdout)
    assert stats["rounds"] == 13 and stats["findings"] >= 150 and stats["streets"] >= 30 and stats["photos"] == 6
    again = run_cli("demo", str(db))
    assert again.returncode == 2 and "bestaat al" in again.stderr
    rounds = json.loads(run_cli("--db", str(db), "--json", "rounds", "list", check=True).stdout)
    dates = sorted(r["date"] for r in rounds if r["buurt"] == "Vogelbuurt" and r["kind"] == "knelpunten")
    assert dates == ["2025-10-14", "2026-10-13", "2026-11-24"]
    assert [(r["date"], r["points"]) for r in rounds if r["kind"] == "meting"] == [("2026-09-15", 100)]
    assert {r["form_id"] for r in rounds} == {"crow-beeldkwaliteit", "sociale-veiligheid", "crow-meting"}
    # three years of jaarschouwen in two more buurten: the Overzicht's history (issue #19)
    for buurt in ("Bloemenbuurt", "Bomenbuurt"):
        assert sorted(r["date"][:4] for r in rounds if r["buurt"] == buurt) == ["2024", "2025", "2026"]
    assert run_cli("--db", str(db), "check").returncode == 0


def test_check_reports_damaged_photo(demo_path):
    import sqlite3

    conn = sqlite3.connect(demo_path)
    conn.execute("UPDATE photo_blobs SET data = X'00' WHERE id = (SELECT MIN(id) FROM photo_blobs WHERE kind = 'jpeg')")
    conn.commit()
    conn.close()
    result = run_cli("--db", str(demo_path), "--json", "check")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False and any("controlesom" in p for p in report["problems"])


def test_photo_gps_fills_a_finding_without_position(shared_testdata, project):
    """DSCN0010.jpg carries GPS 43.467448, 11.885127 (expected.json); a finding without a
    position takes it, a second photo elsewhere does not move it again."""
    from schouw.domain.models import Buurt, Street, Wijk
    from schouw.services.findings import add_finding, add_photos
    from schouw.services.rounds import create_round

    wijk = project.areas.add_wijk(Wijk(name="W"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name="Merelstraat")])
    round_ = create_round(project, buurt="B", form_id="crow-beeldkwaliteit", when="2026-11-23")
    finding, _ = add_finding(project, round_.id, street="Merelstraat", item="asfalt.onkruid", level="C")
    assert finding.lat is None
    gps = shared_testdata / "images" / "gps"
    outcome = add_photos(project, finding.id, [gps / "DSCN0010.jpg", gps / "DSCN0042.jpg", gps / "DSCN0010.jpg"])
    assert len(outcome.added) == 2 and outcome.duplicates == ["DSCN0010.jpg"]
    stored = project.findings.get(finding.id)
    assert stored.lat == pytest.approx(43.467448, abs=1e-5) and stored.lon == pytest.approx(11.885127, abs=1e-5)
    assert stored.observed_at.startswith("2008-10-22T16:28:39")
