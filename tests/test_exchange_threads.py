"""Export overlaps reading, masking and zipping on worker threads. Whatever ends the
export (done, cancelled, failed), no worker may still use the project afterwards: the
caller closes it at once, and SQLite crashes the process when a connection is closed
under a running query. CI once died exactly that way (segfault in photo_master)."""

from __future__ import annotations

import threading

import pytest

from schouw.exchange.package import export_round
from schouw.messages import SchouwError
from schouw.store import open_project


def workers() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "schouw-ahead" and t.is_alive()]


@pytest.fixture
def many_photos(demo_path):
    """A round with more photos than the pipeline's queues hold (2 x 32)."""
    with open_project(demo_path) as project:
        round_id = max((r["id"] for r in project.rounds.list()),
                       key=lambda rid: sum(f["photo_count"] for f in project.findings.list(rid)))
        finding = next(f for f in project.findings.list(round_id) if f["photo_count"])
        photo = project.photos.for_finding(finding["id"])[0]
        blobs = {kind: project.photos.blob(photo.id, kind) for kind in ("jpeg", "thumb", "report")}
        with project.atomic():
            for n in range(120):
                project.photos.add(photo.model_copy(update={"id": f"{n:08d}-0000-4000-8000-000000000000",
                                                            "position": n + 1}), blobs)
    return demo_path, round_id


@pytest.mark.parametrize("cancel_at", [1, 3, 40])
def test_cancelled_export_leaves_no_worker_behind(many_photos, tmp_path, cancel_at):
    path, round_id = many_photos
    project = open_project(path)
    seen = 0

    def progress(step, total, stage):
        nonlocal seen
        if stage == "foto's":
            seen += 1
            if seen >= cancel_at:
                return False
        return True

    with pytest.raises(SchouwError) as err:
        export_round(project, round_id, tmp_path / "x.zip", progress=progress)
    # While the caller still holds the exception (and with it the export's frame), the
    # workers must already be gone: the caller may close the project right now.
    assert err.value.key == "cancelled"
    assert workers() == []
    project.close()
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "x.zip.part").exists()
