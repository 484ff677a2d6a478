"""A full disk during export or import (issue #16.24): one clear line that names the
cause, the folder and the size needed; nothing half-written; the `.part` of a killed
export is cleaned up by the next run. The disk fills up for real where it can: a file
that refuses writes past a byte budget (ENOSPC, as a full USB stick answers), and
SQLite's own limit on the project file (SQLITE_FULL)."""

from __future__ import annotations

import builtins
import errno
import io
import os

import pytest
from test_exchange_helpers import new_project, seed_round, state

from schouw.messages import SchouwError
from schouw.services.exchange import export_package, import_package


class _SmallDisk:
    """Files whose name ends in ``suffix`` accept ``budget`` bytes, then ENOSPC."""

    def __init__(self, monkeypatch, suffix: str, budget: int):
        self.left = budget
        real_open = io.open

        def fake_open(file, mode="r", *args, **kwargs):
            handle = real_open(file, mode, *args, **kwargs)
            if isinstance(file, str | os.PathLike) and str(file).endswith(suffix) and "w" in mode:
                return _Full(handle, self)
            return handle

        monkeypatch.setattr(io, "open", fake_open)
        monkeypatch.setattr(builtins, "open", fake_open)


class _Full(io.RawIOBase):
    def __init__(self, handle, disk: _SmallDisk):
        self.handle, self.disk = handle, disk

    def write(self, data) -> int:
        if len(data) > self.disk.left:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        self.disk.left -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def seekable(self):
        return self.handle.seekable()

    def seek(self, *args):
        return self.handle.seek(*args)

    def tell(self):
        return self.handle.tell()

    def flush(self):
        return self.handle.flush()

    def close(self):
        self.handle.close()
        super().close()


@pytest.fixture
def project(tmp_path):
    project = new_project(tmp_path / "p.schouw", "dev-p")
    round_id = seed_round(project, findings=6, photos_per=2)
    yield project, round_id
    project.close()


def test_export_on_a_full_disk_says_so_and_leaves_nothing(project, tmp_path, monkeypatch):
    source, round_id = project
    out = tmp_path / "usb" / "pakket.zip"
    _SmallDisk(monkeypatch, ".zip.part", budget=30_000)
    with pytest.raises(SchouwError) as error:
        export_package(source, round_id, out)
    monkeypatch.undo()
    text = error.value.message("nl")
    assert error.value.key == "disk_full" and "schijf is vol" in text
    assert str(out.parent) in text and "MB nodig" in text and "vrij" in text
    assert "±" in error.value.params["needed"] and error.value.params["needed"].endswith("MB")
    assert "disk is full" in error.value.message("en")
    assert list(out.parent.iterdir()) == []  # no package, no .part
    # with room again, the same export works
    assert export_package(source, round_id, out).photos == 12


def test_a_stale_part_of_a_killed_export_is_removed_by_the_next_run(project, tmp_path):
    """The app names packages by the minute, so the next run has another name: the
    half package of a killed run is found by what it holds and how old it is."""
    import subprocess
    import sys
    import time

    source, round_id = project
    killed = tmp_path / "Vogelbuurt-2026-10-13_pakket-2026-11-23-1131.zip"
    script = (
        "import os, sys, signal\n"
        "from schouw.store import open_project\n"
        "from schouw.services.exchange import export_package\n"
        "p = open_project(sys.argv[1], device_id='dev-p')\n"
        "export_package(p, sys.argv[2], sys.argv[3],\n"
        "               progress=lambda d, t, s: os.kill(os.getpid(), signal.SIGKILL) if d == 4 else True)\n"
    )
    source.close()
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "p.schouw"), round_id, str(killed)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -9, done.stderr  # killed half way, as by the task manager
    half = killed.with_name(killed.name + ".part")
    assert half.exists() and not killed.exists()
    download = tmp_path / "iets-anders.zip.part"  # a browser's half download: not ours
    download.write_bytes(b"PK\x03\x04" + b"\x00" * 22 + (7).to_bytes(2, "little") + b"\x00\x00" + b"foo.txt")
    young = tmp_path / "nog-bezig.zip.part"  # another export still writing: too young
    young.write_bytes(half.read_bytes())
    old = time.time() - 3600
    for path in (half, download):
        os.utime(path, (old, old))

    from schouw.store import open_project
    with open_project(tmp_path / "p.schouw", device_id="dev-p") as again:
        export_package(again, round_id, tmp_path / "Vogelbuurt-2026-10-13_pakket-2026-11-23-1140.zip")
    assert not half.exists() and download.exists() and young.exists()
    # this export's own name is always cleaned, stale or not
    own = tmp_path / "x.zip.part"
    own.write_bytes(b"kapot")
    with open_project(tmp_path / "p.schouw", device_id="dev-p") as again:
        export_package(again, round_id, tmp_path / "x.zip")
    assert not own.exists()


def test_import_on_a_full_disk_says_so_and_changes_nothing(project, tmp_path):
    source, round_id = project
    package = export_package(source, round_id, tmp_path / "p.zip").path
    with new_project(tmp_path / "target.schouw", "dev-t") as target:
        before = state(target)
        pages = target.conn.execute("PRAGMA page_count").fetchone()[0]
        target.conn.execute(f"PRAGMA max_page_count = {pages + 8}")  # the file cannot grow past this
        with pytest.raises(SchouwError) as error:
            import_package(target, package)
        text = error.value.message("nl")
        assert error.value.key == "disk_full" and str(tmp_path) in text and "MB" in text
        target.conn.execute("PRAGMA max_page_count = 1073741823")
        assert state(target) == before  # rolled back whole
        assert import_package(target, package).photos_written == 12  # with room, it goes through


def test_the_cli_names_a_full_disk_not_an_unexpected_error(project, tmp_path, monkeypatch, capsys):
    from schouw import cli

    source, round_id = project
    db = str(source.path)
    source.close()
    _SmallDisk(monkeypatch, ".zip.part", budget=10_000)
    code = cli.main(["--db", db, "export", round_id, "--out", str(tmp_path / "x.zip")])
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert code == 2 and "schijf is vol" in err and "onverwacht" not in err
    assert not (tmp_path / "x.zip").exists() and not (tmp_path / "x.zip.part").exists()
