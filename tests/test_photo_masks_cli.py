"""``schouw photos list`` and ``schouw photo mask|masks``: finding a photo, masking it
with a shortened id, and every kind of bad input ending in one line, exit 2 and an
unchanged project."""

from __future__ import annotations

import json
import sqlite3

import pytest
from conftest import run_cli

from schouw.messages import SchouwError
from schouw.photos.masks import Mask
from schouw.services import photos as photo_service


def state(path) -> tuple:
    """What a mask change touches: every photo's masks and the hashes of all copies."""
    conn = sqlite3.connect(path)
    try:
        masks = conn.execute("SELECT id, masks, updated_at FROM photos ORDER BY id").fetchall()
        blobs = conn.execute("SELECT photo_id, kind, sha256 FROM photo_blobs ORDER BY photo_id, kind").fetchall()
    finally:
        conn.close()
    return masks, blobs


def first_photo(path) -> dict:
    rounds = json.loads(run_cli("--db", str(path), "rounds", "list", "--json", check=True).stdout)
    for r in rounds:
        photos = json.loads(run_cli("--db", str(path), "photos", "list", "--round", r["id"][:8], "--json",
                                    check=True).stdout)
        if photos:
            return photos[0]
    pytest.fail("the demo has no photos")


def test_list_mask_and_show_with_a_short_id(demo_path):
    photo = first_photo(demo_path)
    assert set(photo) >= {"id", "finding_id", "street", "number", "element", "aspect", "position",
                          "source_name", "width", "height", "masks"}
    assert photo["masks"] == []
    master = sqlite3.connect(demo_path).execute(
        "SELECT sha256 FROM photo_blobs WHERE photo_id = ? AND kind = 'jpeg'", (photo["id"],)).fetchone()[0]
    short = photo["id"][:8]

    out = run_cli("--db", str(demo_path), "photo", "mask", short, "--rect", "0.1,0.2,0.3,0.15", "--json", check=True)
    assert json.loads(out.stdout) == {"id": photo["id"], "masks": [
        {"x": 0.1, "y": 0.2, "w": 0.3, "h": 0.15, "shape": "rect"}]}
    run_cli("--db", str(demo_path), "photo", "mask", short, "--rect", "0.6,0.6,0.4,0.4", "--ellipse", check=True)
    shown = json.loads(run_cli("--db", str(demo_path), "photo", "masks", photo["id"], "--json", check=True).stdout)
    assert [m["shape"] for m in shown["masks"]] == ["rect", "ellipse"]
    assert shown["masks"][1] == {"x": 0.6, "y": 0.6, "w": 0.4, "h": 0.4, "shape": "ellipse"}  # to the edge: fine
    text = run_cli("--db", str(demo_path), "photo", "masks", short, check=True).stdout
    assert "maskers: 2" in text and "ellips" in text

    listed = json.loads(run_cli("--db", str(demo_path), "photos", "list", "--round",
                                _round_of(demo_path, photo["finding_id"]), "--json", check=True).stdout)
    assert next(p for p in listed if p["id"] == photo["id"])["masks"] == shown["masks"]

    out = run_cli("--db", str(demo_path), "photo", "mask", short, "--clear", "--rect", "0.5,0.5,0.1,0.1", "--json",
                  check=True)
    assert len(json.loads(out.stdout)["masks"]) == 1
    run_cli("--db", str(demo_path), "photo", "mask", short, "--clear", check=True)
    assert json.loads(run_cli("--db", str(demo_path), "photo", "masks", short, "--json",
                              check=True).stdout)["masks"] == []
    after = sqlite3.connect(demo_path).execute(
        "SELECT sha256 FROM photo_blobs WHERE photo_id = ? AND kind = 'jpeg'", (photo["id"],)).fetchone()[0]
    assert after == master  # the master is never re-encoded


def any_photo_id(path) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT id FROM photos WHERE deleted_at IS NULL ORDER BY id LIMIT 1").fetchone()[0]
    finally:
        conn.close()


def _round_of(path, finding_id: str) -> str:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT round_id FROM findings WHERE id = ?", (finding_id,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize(("args", "words"), [
    (["--rect", "0.1,0.1,0,0.2"], "geen oppervlak"),
    (["--rect", "0.9,0.1,0.3,0.2"], "buiten de foto"),
    (["--rect=-0.1,0.1,0.2,0.2"], "buiten de foto"),
    (["--rect", "a,b,c,d"], "geen masker"),
    (["--rect", "0.1,0.1,0.2"], "geen masker"),
    (["--rect", "nan,0.1,0.2,0.2"], "geen masker"),
    (["--rect", "0.1,0.1,0.2,0.2", "--rect", "0.5,0.5,0.9,0.1"], "buiten de foto"),  # all or nothing
    ([], "--rect"),
    (["--rect", "0.1,0.1,0.01,0.01"] * 51, "te veel"),
])
def test_bad_masks_are_one_line_exit_2_and_change_nothing(demo_path, args, words):
    photo_id = any_photo_id(demo_path)
    run_cli("--db", str(demo_path), "photo", "mask", photo_id[:8], "--rect", "0.2,0.2,0.1,0.1", check=True)
    before = state(demo_path)
    result = run_cli("--db", str(demo_path), "photo", "mask", photo_id[:8], *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and words in lines[0], result.stderr
    assert "Traceback" not in result.stderr
    assert state(demo_path) == before


def test_unknown_or_ambiguous_photo(demo_path):
    before = state(demo_path)
    for wanted in ("zzzzzzzz", "0", ""):
        result = run_cli("--db", str(demo_path), "photo", "masks", wanted)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "bestaat niet" in result.stderr
    result = run_cli("--db", str(demo_path), "--lang", "en", "photo", "mask", "zzzzzzzz", "--rect", "0,0,1,1")
    assert result.returncode == 2 and "does not exist" in result.stderr
    assert state(demo_path) == before


def test_use_case_rounds_and_keeps_masks_inside(project):
    assert photo_service.check_mask(0.7, 0.3, 0.3, 0.7) == Mask(0.7, 0.3, 0.3, 0.7)
    m = photo_service.check_mask(0.1234567891, 0.5, 0.2, 0.5000000001)
    assert m.x == 0.123457 and m.y + m.h <= 1
    with pytest.raises(SchouwError) as error:
        photo_service.check_masks([{"x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1}] * (photo_service.MAX_MASKS + 1))
    assert error.value.key == "mask_too_many"
    with pytest.raises(SchouwError) as error:
        photo_service.check_masks([{"x": 0.1, "y": 0.1, "w": 0.1, "h": 0.1, "shape": "star"}])
    assert error.value.key == "mask_bad_rect"
    with pytest.raises(SchouwError) as error:
        photo_service.set_masks(project, "abcd", [])
    assert error.value.key == "mask_unknown_photo"


def test_an_ellipse_mask_reads_back_and_old_rectangles_stay_as_they_were():
    assert Mask.from_dict({"x": 0.1, "y": 0.1, "w": 0.2, "h": 0.2}).shape == "rect"
    assert Mask(0.1, 0.1, 0.2, 0.2).to_dict() == {"x": 0.1, "y": 0.1, "w": 0.2, "h": 0.2}
    e = Mask(0.1, 0.1, 0.2, 0.2, "ellipse")
    assert Mask.from_dict(json.loads(json.dumps(e.to_dict()))) == e
