"""An import writes its photo bytes once: while it is the file's only connection, the
merge runs with a rollback journal instead of the WAL (which writes every byte twice).
These tests hold that path to the same promises as the WAL path: all or nothing when
cancelled or killed, the file back in WAL mode afterwards, and a quiet fall-back to the
WAL when another connection (the GUI's) is open."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import run_cli
from PIL import Image
from test_exchange_helpers import add_finding, new_project, reopen, seed_round, state

from schouw.domain.models import Photo
from schouw.messages import SchouwError
from schouw.services.exchange import export_package, import_package
from schouw.store.sync import SyncRepo


def journal_mode(project) -> str:
    return project.conn.execute("PRAGMA journal_mode").fetchone()[0].lower()


def noisy_jpeg(seed: int) -> bytes:
    """About 0.3 MB that does not compress: enough photos of these overflow SQLite's
    page cache, so the merge writes into the file itself before it commits."""
    img = Image.effect_noise((640, 480), 40 + seed % 20).convert("RGB")
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=92)
    return buf.getvalue()


@pytest.fixture
def package(tmp_path):
    """A team's package of 6 findings with small photos."""
    team = new_project(tmp_path / "team.schouw", "dev-team")
    round_id = seed_round(team)
    path = tmp_path / "team.zip"
    export_package(team, round_id, path)
    team.close()
    return path


@pytest.fixture
def big_package(tmp_path):
    """A package whose photos (about 18 MB) do not fit in SQLite's page cache."""
    team = new_project(tmp_path / "team.schouw", "dev-team")
    round_id = seed_round(team, findings=2, photos_per=0)
    finding = add_finding(team, round_id, 2, photos=0)
    with team.atomic():
        for n in range(60):
            data = noisy_jpeg(n)
            team.photos.add(Photo(finding_id=finding.id, sha256=hashlib.sha256(data).hexdigest(), width=640,
                                  height=480, source_name=f"IMG_{n:03d}.jpg", position=n),
                            {"jpeg": data, "thumb": data, "report": data})
    path = tmp_path / "groot.zip"
    export_package(team, round_id, path)
    team.close()
    return path


def test_import_alone_writes_with_a_rollback_journal_and_returns_to_wal(package, tmp_path):
    db = tmp_path / "coordinator.schouw"
    project = new_project(db, "dev-coordinator")
    result = import_package(project, package)
    assert result.journal == "rollback"
    assert result.photos_written == 6
    assert journal_mode(project) == "wal"
    assert not db.with_name(db.name + "-journal").exists()
    counts = SyncRepo(project).counts()
    assert counts["findings"] == 6 and counts["photos"] == 6
    project.close()
    check = run_cli("--db", str(db), "--json", "check")
    assert check.returncode == 0, check.stdout + check.stderr


@pytest.mark.parametrize("other", ["gui", "viewer"])
def test_with_another_connection_open_the_import_goes_through_the_wal(package, tmp_path, other):
    """The GUI imports on a worker's connection while its own stays open; or a database
    viewer reads along. SQLite will not leave WAL then: the import uses it, at once."""
    import sqlite3

    db = tmp_path / "coordinator.schouw"
    project = new_project(db, "dev-coordinator")
    worker = project.for_thread() if other == "gui" else None
    viewer = sqlite3.connect(db) if other == "viewer" else None
    if viewer is not None:
        viewer.execute("SELECT count(*) FROM findings").fetchone()
    try:
        importer = worker or project
        result = import_package(importer, package, make_copies=False)
        assert result.journal == "wal" and result.photos_written == 6
        assert result.seconds < 4  # the merge did not sit out the 5 s busy timeout first
        assert importer.conn.execute("PRAGMA busy_timeout").fetchone()[0] == 5000  # and put it back
        onlooker = viewer or project.conn
        assert onlooker.execute("SELECT count(*) FROM photos").fetchone()[0] == 6  # seen at once
        assert journal_mode(project) == "wal"
    finally:
        for conn in (worker, viewer, project):
            if conn is not None:
                conn.close()


def test_cancelled_rollback_import_changes_nothing(big_package, tmp_path):
    db = tmp_path / "coordinator.schouw"
    project = new_project(db, "dev-coordinator")
    before = state(project)

    def cancel_late(step, total, stage):
        return stage != "samenvoegen"  # asked after the first 50 photos are written

    with pytest.raises(SchouwError) as err:
        import_package(project, big_package, progress=cancel_late, make_copies=False)
    assert err.value.key == "cancelled"
    assert state(project) == before
    assert journal_mode(project) == "wal"
    assert project.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # and the same package goes in completely afterwards
    result = import_package(project, big_package, make_copies=False)
    assert result.journal == "rollback" and result.photos_written == 60
    project.close()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_before_the_commit_leaves_the_project_as_it_was(big_package, tmp_path):
    db = tmp_path / "coordinator.schouw"
    project = new_project(db, "dev-coordinator")
    before = state(project)
    project.close()
    size_before = db.stat().st_size
    marker = tmp_path / "marker"
    env = dict(os.environ, SCHOUW_FAULT="import-photos-written", SCHOUW_FAULT_MARKER=str(marker))
    proc = subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(db), "import", str(big_package)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert proc.poll() is None, "the import ended before reaching the fault point"
        assert time.monotonic() < deadline
        time.sleep(0.05)
    # The photos are in the file itself already, the old pages in a hot journal.
    assert db.with_name(db.name + "-journal").exists()
    assert db.stat().st_size > size_before + 5_000_000
    proc.send_signal(signal.SIGKILL)
    proc.wait()

    check = run_cli("--db", str(db), "--json", "check")
    assert check.returncode == 0, check.stdout + check.stderr
    project = reopen(db, "dev-coordinator")
    assert state(project) == before
    assert journal_mode(project) == "wal"
    project.close()
    assert not db.with_name(db.name + "-journal").exists()
    # the interrupted import can simply be repeated
    done = run_cli("--db", str(db), "--json", "import", str(big_package), check=True)
    assert json.loads(done.stdout)["photos_written"] == 60
