"""Where an installation keeps its things (platformdirs, portable mode), the *Over
schouw* dialog, the third-party list, and the update check that exists only on request."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from schouw import licences, settings, updates


@pytest.fixture
def no_override(monkeypatch):
    monkeypatch.delenv("SCHOUW_DATA_DIR", raising=False)
    monkeypatch.delenv("SCHOUW_UPDATE_URL", raising=False)


@pytest.fixture
def fake_install(tmp_path, monkeypatch) -> Path:
    """An executable in a folder of its own, as a bundle's ``schouw`` is."""
    folder = tmp_path / "usb" / "schouw"
    folder.mkdir(parents=True)
    monkeypatch.setattr(sys, "executable", str(folder / "schouw"))
    return folder


def test_without_schouw_ini_data_goes_where_the_system_expects(no_override, fake_install, tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(tmp_path / "system" / name))
    assert settings.data_dir() == tmp_path / "system" / "schouw"
    assert not (fake_install / "schouw-data").exists()


def test_schouw_ini_beside_the_executable_keeps_everything_beside_it(no_override, fake_install, tmp_path,
                                                                      monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name, appauthor=None: str(tmp_path / "system" / name))
    (fake_install / "schouw.ini").write_text("", encoding="utf-8")
    assert settings.data_dir() == fake_install / "schouw-data"
    device = settings.device_id()
    settings.save_settings({"app": {"language": "en"}})
    settings.backup_dir()
    assert (fake_install / "schouw-data" / "device-id").read_text(encoding="utf-8") == device
    assert json.loads((fake_install / "schouw-data" / "settings.json").read_text(encoding="utf-8"))["app"]
    assert all(path.is_relative_to(fake_install) for path in settings.locations().values())
    assert not (tmp_path / "system").exists()  # nothing left on the laptop


def test_the_update_url_is_empty_unless_configured(no_override, fake_install, monkeypatch):
    assert settings.update_url() == ""
    (fake_install / "schouw.ini").write_text("[updates]\nurl = https://intranet.example.nl/schouw.json\n",
                                             encoding="utf-8")
    assert settings.update_url() == "https://intranet.example.nl/schouw.json"
    (fake_install / "schouw.ini").write_text("[updates]\nurl = file:///etc/passwd\n", encoding="utf-8")
    assert settings.update_url() == ""  # only http(s)
    (fake_install / "schouw.ini").write_text("this is [not an ini", encoding="utf-8")
    assert settings.update_url() == ""  # a broken file is no URL, and no crash
    monkeypatch.setenv("SCHOUW_UPDATE_URL", "https://example.nl/u.json")
    assert settings.update_url() == "https://example.nl/u.json"


@pytest.mark.parametrize(("body", "current", "newer"), [
    (b'{"version": "0.2.0", "url": "https://x"}', "0.1.0", True),
    (b'{"version": "0.10.0"}', "0.9.3", True),
    (b'{"version": "0.1.0"}', "0.1.0", False),
    (b'{"version": "0.0.9"}', "0.1.0", False),
])
def test_an_update_notice_is_compared_by_version_numbers(body, current, newer):
    assert updates.is_newer(updates.read_offer(body), current) is newer


@pytest.mark.parametrize("body", [b"<html>", b'{"url": "https://x"}', b'["0.2"]', b'{"version": "new"}',
                                  b"\xff\xfe"])
def test_a_bad_update_notice_is_refused(body):
    with pytest.raises((ValueError, UnicodeDecodeError)):
        updates.read_offer(body)


def test_third_party_list_comes_from_the_installed_metadata():
    items = licences.from_metadata()
    names = {item["name"].lower() for item in items}
    # schouw's own requirements and theirs (pydantic needs pydantic_core)
    assert {"pyside6", "reportlab", "pillow", "pydantic", "pydantic_core", "platformdirs"} <= names
    assert "pytest" not in names  # test tools are no part of the app
    pyside = next(item for item in items if item["name"].lower() == "pyside6")
    assert "LGPL" in pyside["licence"]


def test_a_bundle_reads_the_list_the_build_wrote(tmp_path, monkeypatch):
    listing = tmp_path / "_third_party.json"
    listing.write_text(json.dumps([{"name": "Python", "version": "3.12.1", "licence": "PSF-2.0", "url": ""}]),
                       encoding="utf-8")
    monkeypatch.setattr(licences, "BUNDLED", listing)
    assert licences.third_party() == [{"name": "Python", "version": "3.12.1", "licence": "PSF-2.0", "url": ""}]
