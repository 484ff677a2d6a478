"""Hostile and broken packages: each is refused with a clear Dutch sentence, and the
project is exactly as it was (same content hash, same row counts)."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile

import pytest
from conftest import run_cli
from test_exchange_helpers import new_project, rebuild, seed_round, set_document, state, zip_members

from schouw.exchange.checks import Limits, PackageRefused, unsafe_name
from schouw.services.exchange import check_package, export_package, import_package


@pytest.fixture(scope="module")
def good_package(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pkg")
    with new_project(folder / "bron.schouw", "dev-bron") as source:
        round_id = seed_round(source, findings=4)
        return export_package(source, round_id, folder / "goed.zip").path


@pytest.fixture
def target(tmp_path):
    project = new_project(tmp_path / "doel.schouw", "dev-doel")
    seed_round(project, findings=2)
    yield project
    project.close()


def refused(project, package, reason: str, limits: Limits | None = None) -> PackageRefused:
    before = state(project)
    with pytest.raises(PackageRefused) as err:
        import_package(project, check_package(package, limits=limits))
    assert err.value.reason == reason, err.value.message()
    assert state(project) == before
    text = err.value.message()
    assert text.startswith("Pakket ") and "Er is niets veranderd." in text and "\n" not in text
    return err.value


def photo_name(members) -> str:
    return next(n for n in members if n.startswith("fotos/"))


def test_the_good_package_passes(good_package, target):
    import_package(target, check_package(good_package))


@pytest.mark.parametrize("evil", ["../evil.jpg", "fotos/../../evil.jpg", "/etc/evil.jpg", "C:/evil.jpg",
                                  "fotos\\evil.jpg", "fotos//evil.jpg", "./schouw.json"])
def test_unsafe_member_names(good_package, target, tmp_path, evil):
    bad = rebuild(good_package, tmp_path / "bad.zip", lambda m, _: m.__setitem__(evil, b"x"))
    refused(target, bad, "pkg_unsafe_path")


def test_unsafe_name_rules():
    for name in ("fotos/Merelstraat-12a_groen-onkruid_1.jpg", "schouw.json", "fotos/"):
        assert not unsafe_name(name)
    for name in ("..", "a/../b", "/a", "\\a", "c:x", "a\x00b", "a/./b", ""):
        assert unsafe_name(name)


def test_symlink_member(good_package, target, tmp_path):
    def link(zf: zipfile.ZipFile) -> None:
        info = zipfile.ZipInfo("fotos/link.jpg")
        info.create_system = 3
        info.external_attr = (stat.S_IFLNK | 0o777) << 16
        zf.writestr(info, "/etc/passwd")

    def listed(members, manifest):
        manifest["members"].append({"path": "fotos/link.jpg", "size": 11,
                                    "sha256": hashlib.sha256(b"/etc/passwd").hexdigest()})

    bad = rebuild(good_package, tmp_path / "link.zip", listed, fix_manifest=False, extra=link)
    refused(target, bad, "pkg_link")


def test_zip_bomb_by_ratio(good_package, target, tmp_path):
    bomb = b"\0" * (40 << 20)

    def add(members, _):
        members["fotos/bom.jpg"] = bomb

    bad = rebuild(good_package, tmp_path / "bomb.zip", add)
    assert bad.stat().st_size < 1 << 20
    refused(target, bad, "pkg_ratio")


def test_size_limits(good_package, target, tmp_path):
    refused(target, good_package, "pkg_member_too_large", Limits(max_member_size=1000))
    refused(target, good_package, "pkg_total_too_large", Limits(max_total_size=10_000))
    refused(target, good_package, "pkg_too_many", Limits(max_members=3))


def test_bad_checksum(good_package, target, tmp_path):
    def tamper(members, _):
        name = photo_name(members)
        members[name] = members[name][:-10] + b"0123456789"

    bad = rebuild(good_package, tmp_path / "sum.zip", tamper, fix_manifest=False)
    refused(target, bad, "pkg_checksum")


def test_wrong_schema_version(good_package, target, tmp_path):
    def future(members, manifest):
        manifest["schema_version"] = 99
        set_document(members, lambda d: d.__setitem__("schema_version", 99))

    bad = rebuild(good_package, tmp_path / "v99.zip", future)
    err = refused(target, bad, "pkg_schema_version")
    assert "99" in err.message()


def test_a_version_1_package_still_imports(good_package, target, tmp_path):
    """Packages made before indicators and trajecten travelled (schema 1) merge as they did."""
    from schouw.exchange.document import SCHEMA_VERSION

    def older(members, manifest):
        manifest["schema_version"] = 1

        def strip(d):
            d["schema_version"] = 1
            for key in ("indicators", "indicator_values", "cycles", "cycle_priorities", "cycle_priority_findings",
                        "cycle_actions"):
                d.pop(key, None)
        set_document(members, strip)

    assert SCHEMA_VERSION == 2
    old = rebuild(good_package, tmp_path / "v1.zip", older)
    result = import_package(target, check_package(old))
    assert result.added["findings"] == 4


def test_truncated_zip(good_package, target, tmp_path):
    data = good_package.read_bytes()
    for cut in (len(data) // 2, len(data) - 30):
        bad = tmp_path / f"cut{cut}.zip"
        bad.write_bytes(data[:cut])
        refused(target, bad, "pkg_not_zip")


def test_not_a_zip_at_all(target, tmp_path):
    bad = tmp_path / "foto.zip"
    bad.write_bytes(b"\xff\xd8\xff\xe0 not a zip")
    refused(target, bad, "pkg_not_zip")


def test_missing_manifest(good_package, target, tmp_path):
    members = zip_members(good_package)
    members.pop("manifest.json")
    bad = tmp_path / "nomanifest.zip"
    with zipfile.ZipFile(bad, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    refused(target, bad, "pkg_no_manifest")


def test_unlisted_and_missing_members(good_package, target, tmp_path):
    def unlisted(members, manifest):
        manifest["members"] = [m for m in manifest["members"] if m["path"] != "bevindingen.csv"]

    refused(target, rebuild(good_package, tmp_path / "u.zip", unlisted, fix_manifest=False), "pkg_unlisted")

    def missing(members, manifest):
        members.pop("bevindingen.geojson")

    refused(target, rebuild(good_package, tmp_path / "m.zip", missing, fix_manifest=False), "pkg_missing_member")


def test_document_that_breaks_the_models(good_package, target, tmp_path):
    def no_id(members, _):
        set_document(members, lambda d: d["findings"][0].pop("id"))

    refused(target, rebuild(good_package, tmp_path / "noid.zip", no_id), "pkg_invalid")

    def bad_level(members, _):
        set_document(members, lambda d: d["findings"][0].__setitem__("level", "Z"))

    refused(target, rebuild(good_package, tmp_path / "lvl.zip", bad_level), "pkg_invalid")

    def not_json(members, _):
        members["schouw.json"] = b"{not json"

    refused(target, rebuild(good_package, tmp_path / "json.zip", not_json), "pkg_bad_json")


def test_inconsistent_documents(good_package, target, tmp_path):
    def other_round(members, _):
        set_document(members, lambda d: d["findings"][0].__setitem__("round_id", "elders"))

    refused(target, rebuild(good_package, tmp_path / "r.zip", other_round), "pkg_mismatch")

    def unknown_street(members, _):
        set_document(members, lambda d: d["findings"][0].__setitem__("street_id", "nergens"))

    refused(target, rebuild(good_package, tmp_path / "s.zip", unknown_street), "pkg_reference")

    def photo_elsewhere(members, _):
        def change(d):
            d["photos"][0]["file"] = "schouw.json"
        set_document(members, change)

    refused(target, rebuild(good_package, tmp_path / "p.zip", photo_elsewhere), "pkg_missing_member")


def test_cli_refuses_with_exit_2_and_creates_no_project(good_package, tmp_path):
    bad = rebuild(good_package, tmp_path / "slip.zip", lambda m, _: m.__setitem__("../../x.jpg", b"x"))
    project = tmp_path / "nieuw.schouw"
    result = run_cli("--db", str(project), "import", str(bad), env={"SCHOUW_LANG": "nl"})
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "geweigerd" in result.stderr and "../../x.jpg" in result.stderr
    assert not project.exists()
    english = run_cli("--db", str(project), "--lang", "en", "import", str(bad))
    assert english.returncode == 2 and "was refused" in english.stderr


def test_manifest_is_valid_json_with_every_member(good_package):
    members = zip_members(good_package)
    manifest = json.loads(members["manifest.json"])
    listed = {m["path"]: m for m in manifest["members"]}
    assert set(listed) == set(members) - {"manifest.json"}
    for name, data in members.items():
        if name != "manifest.json":
            assert listed[name]["size"] == len(data)
            assert listed[name]["sha256"] == hashlib.sha256(data).hexdigest()
    assert manifest["changes"]["first"] <= manifest["changes"]["last"]
    for key in ("app_version", "device_id", "created_at", "package_id", "project_id", "round_id"):
        assert manifest[key]
