"""Fixtures for the UI tests (imported by tests/test_ui_*.py).

Real project files in tmp_path, real JPEGs made with Pillow, the real main window on
Qt's offscreen platform, and a data folder of its own per test (settings, logs).
"""

from __future__ import annotations

import io
import os
import random
from datetime import date
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

STREETS = ["Merelstraat", "Lijsterstraat", "Spreeuwenlaan", "Kievitstraat", "Reigerlaan",
           "Zwaluwstraat", "'s-Gravendijkwal", "Koningin Máximalaan"]


@pytest.fixture
def ui_data(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "appdata"
    folder.mkdir()
    monkeypatch.setenv("SCHOUW_DATA_DIR", str(folder))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    from schouw import messages

    messages.set_language("nl")
    return folder


def jpeg_bytes(seed: int, size=(800, 600), text: str = "") -> bytes:
    from PIL import Image, ImageDraw

    rng = random.Random(seed)
    img = Image.new("RGB", size, (rng.randint(60, 200), rng.randint(60, 200), rng.randint(60, 200)))
    draw = ImageDraw.Draw(img)
    for _ in range(12):
        x, y = rng.randint(0, size[0]), rng.randint(0, size[1])
        draw.ellipse([x, y, x + 60, y + 40], fill=(rng.randint(0, 255), rng.randint(0, 255), rng.randint(0, 255)))
    if text:
        draw.text((20, 20), text, fill=(255, 255, 255))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=85)
    return out.getvalue()


@pytest.fixture
def photo_files(tmp_path) -> list[Path]:
    folder = tmp_path / "fotos"
    folder.mkdir()
    paths = []
    for n in range(4):
        path = folder / f"IMG_{n:04d}.jpg"
        path.write_bytes(jpeg_bytes(n, text=f"foto {n}"))
        paths.append(path)
    return paths


@pytest.fixture
def streets_csv(tmp_path) -> Path:
    path = tmp_path / "straten.csv"
    path.write_text("straatnaam;woonplaats\n" + "\n".join(f"{s};Voorbeeldstad" for s in STREETS) + "\n",
                    encoding="utf-8")
    return path


def build_project(path: Path, *, with_round: bool = True, findings_per_street: int = 2) -> dict:
    """A small project through the store: one buurt, eight streets, a round with findings."""
    from schouw.domain.levels import Level
    from schouw.domain.models import Buurt, Finding, Street, Wijk
    from schouw.services.rounds import add_participant, create_round
    from schouw.store import create_project

    info: dict = {}
    with create_project(path, name="Testproject") as project:
        wijk = project.areas.add_wijk(Wijk(name="Vogelwijk"))
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt", area_type="woongebied"))
        project.areas.add_streets([Street(buurt_id=buurt.id, name=n, position=i,
                                          area_type="centrum" if n == "Reigerlaan" else None)
                                   for i, n in enumerate(STREETS)])
        streets = project.areas.streets(buurt.id)
        info.update(buurt=buurt.id, streets={s.name: s.id for s in streets})
        if with_round:
            round_ = create_round(project, buurt="Vogelbuurt", form_id="crow-beeldkwaliteit", when=date(2026, 5, 1),
                                  title="Testronde")
            add_participant(project, round_.id, "Marieke de Boer", "Gemeente", "gemeente")
            info["round"] = round_.id
            levels = [Level.A, Level.C, Level.D, Level.B]
            for i, street in enumerate(streets[:4]):
                for k in range(findings_per_street):
                    project.findings.add(Finding(
                        round_id=round_.id, street_id=street.id, element="asfalt", aspect="onkruid",
                        level=levels[(i + k) % 4], house_number=str(k + 1), description=f"test {i}.{k}"))
    return info


@pytest.fixture
def small_project(tmp_path) -> tuple[Path, dict]:
    path = tmp_path / "klein.schouw"
    info = build_project(path)
    return path, info


@pytest.fixture
def app_window(qtbot, ui_data):
    """A factory for main windows started like the real app (language, theme, hook)."""
    from schouw.ui import app as app_module

    made = []

    def make(db: Path | None = None, *, show: bool = True):
        window = app_module.start()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()
        window.open_initial(db)
        made.append(window)
        return window

    yield make
    import sys

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    for window in made:
        try:
            window.close()
            window.deleteLater()
        except RuntimeError:
            pass
    for widget in QApplication.topLevelWidgets():  # dialogs a test left open
        if widget.isVisible():
            widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    sys.excepthook = sys.__excepthook__
    from schouw.ui import i18n

    i18n.set_language("nl")


def message_boxes():
    from PySide6.QtWidgets import QApplication, QMessageBox

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()]


def close_message_boxes() -> list[str]:
    texts = []
    for box in message_boxes():
        texts.append(box.text())
        box.close()
    return texts
