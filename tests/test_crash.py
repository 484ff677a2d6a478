"""A crash in the middle of `finding add --photo` never leaves half a finding.

The store has a fault point between writing the photo rows and committing; with
SCHOUW_FAULT set, the process stalls there and the test kills it with SIGKILL, the
harshest crash there is. Afterwards `schouw check` passes and there is either the whole
finding with its photo or nothing. A second variant kills at random moments.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from conftest import kill_at_fault, run_cli
from PIL import Image

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")


def setup_round(tmp_path):
    db = tmp_path / "crash.schouw"
    streets = tmp_path / "s.csv"
    streets.write_text("straatnaam;woonplaats\nMerelstraat;Utrecht\n", encoding="utf-8")
    run_cli("new", str(db), check=True)
    run_cli("--db", str(db), "streets", "import", str(streets), "--buurt", "Vogelbuurt", check=True)
    out = run_cli("--db", str(db), "--json", "rounds", "create", "--buurt", "Vogelbuurt", "--form",
                  "crow-beeldkwaliteit", "--date", "2026-11-23", check=True)
    photo = tmp_path / "groot.jpg"
    Image.effect_noise((3000, 2000), 60).convert("RGB").save(photo, "JPEG", quality=95)
    return db, json.loads(out.stdout)["id"], photo


def add_command(db, round_id, photo):
    return [sys.executable, "-m", "schouw", "--db", str(db), "finding", "add", "--round", round_id,
            "--street", "Merelstraat", "--item", "asfalt.onkruid", "--level", "D", "--photo", str(photo)]


def state(db, round_id):
    check = run_cli("--db", str(db), "--json", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    rows = json.loads(run_cli("--db", str(db), "--json", "findings", "list", "--round", round_id, check=True).stdout)
    return json.loads(check.stdout), rows


def test_sigkill_before_commit_leaves_nothing(tmp_path):
    db, round_id, photo = setup_round(tmp_path)
    kill_at_fault(add_command(db, round_id, photo), "finding-photo-written", tmp_path)
    summary, rows = state(db, round_id)
    assert rows == [] and summary["photos"] == 0
    # and the project still works: the same command now succeeds completely
    subprocess.run(add_command(db, round_id, photo), check=True, capture_output=True)
    summary, rows = state(db, round_id)
    assert len(rows) == 1 and rows[0]["photo_count"] == 1 and summary["photos"] == 1


def test_sigkill_at_random_moments_is_all_or_nothing(tmp_path):
    db, round_id, photo = setup_round(tmp_path)
    started = time.monotonic()
    full = subprocess.run(add_command(db, round_id, photo), capture_output=True)
    duration = time.monotonic() - started
    assert full.returncode == 0
    expected = 1
    for fraction in (0.3, 0.6, 0.8, 0.9, 0.97):
        proc = subprocess.Popen(add_command(db, round_id, photo), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * fraction)
        proc.send_signal(signal.SIGKILL)
        finished = proc.wait() == 0
        summary, rows = state(db, round_id)
        expected += 1 if finished or len(rows) == expected + 1 else 0
        assert len(rows) == expected
        assert all(r["photo_count"] == 1 for r in rows)
        assert summary["photos"] == len(rows)
