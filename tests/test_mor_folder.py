"""Export packages to a shared folder: whole or not at all, rewritten only when the
round changed, never into a folder that is not there."""

from __future__ import annotations

import zipfile

import pytest
from test_mor_fixtures import (  # noqa: F401 - fixtures
    file_secrets_fixture,
    make_profile,
    mor_copy,
    mor_master_fixture,
    server_fixture,
)

from schouw.exchange.mor import folder
from schouw.exchange.mor.profile import parse_sync_profile
from schouw.messages import SchouwError
from schouw.services.sync import run_sync
from schouw.store import open_project


def folder_profile(path):
    return parse_sync_profile({"name": "Gedeelde map", "kind": "folder", "folder": {"path": str(path)}}, "t")


def test_atomic_write_shows_nothing_until_complete(tmp_path):
    seen = []

    def write(handle):
        handle.write(b"half")
        seen.append(sorted(p.name for p in tmp_path.iterdir()))
        handle.write(b" and the rest")

    target = folder.atomic_write(tmp_path, "pakket.zip", write)
    assert target.read_bytes() == b"half and the rest"
    assert seen[0][0].startswith(".~pakket.zip") and "pakket.zip" not in seen[0]
    assert [p.name for p in tmp_path.iterdir()] == ["pakket.zip"]

    def broken(handle):
        handle.write(b"new but")
        raise OSError("disk full")

    with pytest.raises(OSError):
        folder.atomic_write(tmp_path, "pakket.zip", broken)
    assert target.read_bytes() == b"half and the rest"  # the old one stays whole
    assert [p.name for p in tmp_path.iterdir()] == ["pakket.zip"]


def test_leftovers_of_a_crash_are_cleaned(tmp_path):
    (tmp_path / ".~pakket.zip.123.tmp").write_bytes(b"x")
    (tmp_path / "van-iemand-anders.tmp").write_bytes(b"y")
    assert folder.clean_leftovers(tmp_path) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["van-iemand-anders.tmp"]


def test_round_packages_go_to_the_folder_once_per_change(tmp_path, mor_master):
    pytest.importorskip("schouw.exchange.package")
    share = tmp_path / "share"
    share.mkdir()
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = folder_profile(share)
    with open_project(db) as project:
        dry = run_sync(project, profile, dry_run=True)
        assert [p["state"] for p in dry.packages] == ["would_write"] and not list(share.iterdir())
        first = run_sync(project, profile)
        assert [p["state"] for p in first.packages] == ["written"]
        (package,) = share.iterdir()
        assert package.name.startswith("schouw_2026-11-23_Noord-Vogelbuurt_") and package.suffix == ".zip"
        with zipfile.ZipFile(package) as zf:
            assert zf.testzip() is None and "manifest.json" in zf.namelist()
        again = run_sync(project, profile)
        assert [p["state"] for p in again.packages] == ["unchanged"]
        project.findings.update(ids["weeds_b"], description="bijgewerkt")
        changed = run_sync(project, profile)
        assert [p["state"] for p in changed.packages] == ["written"]
        assert [p.name for p in share.iterdir()] == [package.name]


def test_a_missing_share_is_refused_not_created(tmp_path, mor_master):
    db, _ = mor_copy(mor_master, tmp_path / "mor.schouw")
    missing = tmp_path / "niet-gekoppeld"
    with open_project(db) as project, pytest.raises(SchouwError) as error:
        run_sync(project, folder_profile(missing))
    assert error.value.key == "folder_missing" and not missing.exists()


def test_open311_with_a_folder_block_does_both(tmp_path, mor_master, server):
    pytest.importorskip("schouw.exchange.package")
    share = tmp_path / "share"
    share.mkdir()
    db, _ = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = make_profile(server.url, folder={"path": str(share)})
    from test_mor_fixtures import API_KEY

    from schouw.services.sync import store_secret

    store_secret(profile, API_KEY)
    with open_project(db) as project:
        outcome = run_sync(project, profile)
    assert len(outcome.run.sent) == 3 and [p["state"] for p in outcome.packages] == ["written"]
