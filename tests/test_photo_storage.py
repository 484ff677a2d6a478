"""What keeping original photos costs: measured on the project's own photos and shown
next to the setting (issue 4: "a setting, off by default, with the disk cost shown")."""

from __future__ import annotations

from PIL import Image

from schouw.domain.models import Buurt, Street, Wijk
from schouw.services.findings import add_finding, add_photos, photo_storage
from schouw.services.rounds import create_round


def noisy_jpeg(path, seed):
    Image.effect_noise((1200, 900), 40 + seed).convert("RGB").save(path, "JPEG", quality=92)
    return path


def test_storage_counts_sources_and_kept_originals(project, tmp_path):
    wijk = project.areas.add_wijk(Wijk(name="W"))
    buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="B"))
    project.areas.add_streets([Street(buurt_id=buurt.id, name="Merelstraat")])
    round_ = create_round(project, buurt="B", form_id="crow-beeldkwaliteit", when="2026-11-23")
    finding, _ = add_finding(project, round_.id, street="Merelstraat", item="asfalt.onkruid", level="C")
    files = [noisy_jpeg(tmp_path / f"f{n}.jpg", n) for n in range(3)]
    sizes = [f.stat().st_size for f in files]
    add_photos(project, finding.id, files[:2])                      # default: originals not kept
    add_photos(project, finding.id, files[2:], keep_original=True)  # the setting switched on
    storage = photo_storage(project)
    assert storage.photos == 3 and storage.source_known == 3
    assert storage.source_bytes == sum(sizes)
    assert storage.originals_kept == 1 and storage.originals_bytes == sizes[2]
    assert storage.originals_missing_bytes == sizes[0] + sizes[1]
    assert storage.stored_bytes > storage.originals_bytes


def test_settings_dialog_shows_the_cost(qtbot, project, tmp_path):
    from schouw.services.findings import PhotoStorage
    from schouw.ui.prefs import Preferences
    from schouw.ui.settings_dialog import SettingsDialog

    storage = PhotoStorage(photos=40, stored_bytes=21_400_000, originals_kept=0, originals_bytes=0,
                           source_bytes=118_300_000, source_known=40)
    dialog = SettingsDialog(Preferences(), storage=storage)
    qtbot.addWidget(dialog)
    label = dialog.findChild(type(dialog.original_cost), "originalCost")
    assert label.accessibleName()
    text = label.text()
    assert "40 foto's" in text and "21,4 MB" in text and "118,3 MB extra" in text
    assert not dialog.findChild(type(dialog.keep_original), "keepOriginal").isChecked()  # off by default
