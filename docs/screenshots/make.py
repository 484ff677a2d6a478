"""Make the README screenshots of the field app from the demo project.

    .venv/bin/python docs/screenshots/make.py            # all scenes into docs/screenshots/
    .venv/bin/python docs/screenshots/make.py walk-1366  # one scene

Each scene runs in its own process on Qt's offscreen platform (so QT_SCALE_FACTOR can
differ per scene), on a fresh copy of the demo project built once with
``schouw.services.demo.build_demo``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))

#: name: (width, height, scale factor, language, what to show)
SCENES = {
    "walk-1366x768": (1366, 768, 1.0, "nl", "walk"),
    "walk-1920x1080": (1920, 1080, 1.0, "nl", "walk"),
    "walk-150pct": (1366, 768, 1.5, "nl", "walk"),
    "walk-english": (1366, 768, 1.0, "en", "walk"),
    "search-1366x768": (1366, 768, 1.0, "nl", "search"),
    "new-round": (1366, 768, 1.0, "nl", "round"),
    "start": (1366, 768, 1.0, "nl", "start"),
    "import-package": (1366, 768, 1.0, "nl", "import"),
    "conflicts": (1366, 768, 1.0, "nl", "conflicts"),
    "mask-editor": (1366, 768, 1.0, "nl", "masks"),
}


def team_package(project: Path, work: Path) -> Path:
    """A team's laptop started from the same project; both sides then edit the same
    finding: the package the team brings back makes one conflict (and a few updates)."""
    from schouw.services.exchange import export_package
    from schouw.store import open_project

    team = work / "team.schouw"
    shutil.copyfile(project, team)
    with open_project(project, device_id="laptop-coordinator") as coord:
        round_id = next(r["id"] for r in coord.rounds.list() if r["title"].startswith("Jaarschouw"))
        findings = coord.findings.models(round_id)
        target = next(f for f in findings if f.description)
        coord.findings.update(target.id, description="Coördinator: stoeptegels liggen los, melding gedaan")
    with open_project(team, device_id="laptop-team-2") as laptop:
        laptop.findings.update(target.id, description="Team 2: drie stoeptegels liggen los bij de ingang",
                               level="D")
        for other in findings[5:9]:
            laptop.findings.update(other.id, description=(other.description + " (nagekeken door team 2)").strip())
        return export_package(laptop, round_id, work / "team-2-vogelbuurt.zip").path


def build_demo(folder: Path) -> Path:
    from schouw.services.demo import build_demo as build

    path = folder / "demo.schouw"
    build(path, photos=140)
    return path


def scene(name: str, demo: Path, out: Path) -> None:
    """Runs inside the child process."""
    width, height, _scale, lang, what = SCENES[name]
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QTableView

    from schouw.ui.app import make_application, start
    from schouw.ui.prefs import Preferences

    app = make_application()
    work = Path(tempfile.mkdtemp(prefix="shot-"))
    project = work / "Demo wijkschouw Vogelwijk.schouw"
    shutil.copyfile(demo, project)
    package = team_package(project, work) if what in ("import", "conflicts") else None
    window = start(Preferences(language=lang))
    window.resize(QSize(width, height))
    window.show()
    if what == "start":
        window.prefs.recent = [str(project)]
        window.open_initial(None)
        window._update_state()
    else:
        window.open_initial(project)
        rounds = window.session.project.rounds.list()
        current = next(r for r in rounds if r["title"].startswith("Jaarschouw"))
        window.open_round(current["id"])
    for _ in range(3):
        app.processEvents()
    target = window
    if what in ("walk", "search", "masks"):
        pick_finding(window)
    if what == "masks":
        from schouw.photos.masks import Mask
        from schouw.services.photos import set_masks

        strip = window.editor.photo_list
        strip.setCurrentRow(0)
        photo_id = strip.currentItem().data(0x0100)  # Qt.UserRole
        set_masks(window.session.project, photo_id,
                  [Mask(0.56, 0.52, 0.16, 0.11), Mask(0.18, 0.14, 0.13, 0.24, "ellipse")])
        target = window.editor.mask_photo()
        target.resize(1100, 700)
        target.canvas.select(1)
    if what == "search":
        window.streets.search.setFocus()
        window.streets.search.setText("burg")
    if what == "round":
        dialog = window.new_round()
        team = dialog.team
        recent = team.recent_list
        for row in range(min(4, recent.count())):
            recent.itemActivated.emit(recent.item(row))
        dialog.title_edit.setText("Najaarsschouw Vogelbuurt")
        dialog.resize(760, 640)
        target = dialog
    if what in ("import", "conflicts"):
        from schouw.ui.export_dialog import ConflictsDialog, ImportDialog

        dialog = ImportDialog(window.session.project, window)
        dialog.file_edit.setText(str(package))
        dialog.resize(720, 300)
        dialog.show()
        dialog.start()
        while dialog.task is not None:
            app.processEvents()
        target = dialog
        if what == "conflicts":
            dialog.close()
            target = ConflictsDialog(window.session.project, window)
            target.resize(1000, 560)
            target.show()
            table = target.findChild(QTableView)
            table.selectRow(0)
    for _ in range(5):
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if target is window:
        target.grab().save(str(out))
    else:
        # a dialog over the window, as the user sees it
        from PySide6.QtGui import QPainter

        shot = window.grab()
        painter = QPainter(shot)
        from PySide6.QtGui import QColor

        painter.fillRect(shot.rect(), QColor(0, 0, 0, 110))
        image = target.grab()
        x = (window.width() - target.width()) // 2
        y = max(0, (window.height() - target.height()) // 2)
        painter.drawPixmap(x, y, image)
        painter.end()
        shot.save(str(out))
    window.close()


def pick_finding(window) -> None:
    """A street with findings below the norm and a finding with a photo, for the shot."""
    from schouw.services import walk

    session = window.session
    best = None
    for status in window.streets.model.streets():
        if status.done or status.findings < 3:
            continue
        rows = walk.finding_rows(session.project, session.ctx, status.id)
        with_photo = [r for r in rows if r.photo_count and r.below_norm]
        score = (bool(with_photo), status.below_norm, status.findings)
        if best is None or score > best[0]:
            best = (score, status.id, (with_photo or rows)[0].id)
    if best is not None:
        window.streets.select_street(best[1])
        window.findings.select_finding(best[2])
        window.findings.table.setFocus()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--scene"]:
        _flag, name, demo, out = argv
        scene(name, Path(demo), Path(out))
        return 0
    wanted = argv or list(SCENES)
    folder = Path(tempfile.mkdtemp(prefix="schouw-shots-"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", SCHOUW_DATA_DIR=str(folder / "data"))
    env.pop("QT_SCALE_FACTOR", None)
    os.environ.update(SCHOUW_DATA_DIR=env["SCHOUW_DATA_DIR"])
    demo = build_demo(folder)
    for name in wanted:
        scale = SCENES[name][2]
        child_env = dict(env, SCHOUW_DATA_DIR=str(folder / f"data-{name}"))
        if scale != 1.0:
            child_env["QT_SCALE_FACTOR"] = str(scale)
        out = HERE / f"{name}.png"
        subprocess.run([sys.executable, __file__, "--scene", name, str(demo), str(out)], env=child_env,
                       check=True, stderr=subprocess.DEVNULL)
        print(out.relative_to(ROOT))
    shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
