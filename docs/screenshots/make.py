"""Make the screenshots of the app from the demo project: every screen in Dutch and
English on a 1366×768 display, and the walk screen at other sizes and scalings.

    python docs/screenshots/make.py                # every scene into docs/screenshots/
    python docs/screenshots/make.py walk-125pct    # only the scenes named
    python docs/screenshots/make.py --list         # the scene names

(Run it with the project's venv and the worktree on PYTHONPATH, or from an installed
checkout; it needs no display.)

Each scene runs in its own process on Qt's offscreen platform with a screen of the
scene's *physical* size (a JSON screen configuration), and ``QT_SCALE_FACTOR`` for the
scaling: a 1366×768 panel at 125 % gives the app 1093×614 logical pixels, which is what
the window gets and what the user sees; the PNG has the panel's 1366×768 pixels. Dialogs
are drawn centred over the dimmed window, clipped to the screen as a real display clips
them. The screens themselves are opened by ``tests/screens_ui.py``, the same list the
language and fitting tests walk. Names: ``<screen>`` for Dutch, ``<screen>-en`` for
English; the walk screen keeps its historical names (``walk-1366x768``, ``walk-english``,
``walk-1920x1080``, ``walk-150pct``, ``search-1366x768``).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

#: the screens of tests/screens_ui.py, each at 1366×768 in both languages
_RENAMED = {("walk", "nl"): "walk-1366x768", ("walk", "en"): "walk-english",
            ("search", "nl"): "search-1366x768", ("search", "en"): "search-1366x768-en"}
_SCREENS = ["walk", "search", "new-finding", "start", "new-round", "team", "settings", "report", "export",
            "street-import", "import-package", "conflicts", "sync", "sync-profile", "shortcuts", "about",
            "mask-editor", "profile", "actions", "herschouw", "close-round", "feedback", "map", "map-download",
            "map-hotspots", "paper-entry", "cycles", "publish", "indicators", "overview", "verloop",
            "new-round-meting", "meting-walk"]

#: name: (physical width, height, scale factor, language, screen)
SCENES: dict[str, tuple[int, int, float, str, str]] = {}
for _screen in _SCREENS:
    for _lang in ("nl", "en"):
        _name = _RENAMED.get((_screen, _lang), _screen + ("-en" if _lang == "en" else ""))
        SCENES[_name] = (1366, 768, 1.0, _lang, _screen)
SCENES.update({
    "walk-125pct": (1366, 768, 1.25, "nl", "walk"),
    "walk-125pct-en": (1366, 768, 1.25, "en", "walk"),
    "new-finding-125pct": (1366, 768, 1.25, "nl", "new-finding"),
    "walk-150pct": (1366, 768, 1.5, "nl", "walk"),
    "walk-1920x1080": (1920, 1080, 1.0, "nl", "walk"),
    "map-125pct": (1366, 768, 1.25, "nl", "map"),
})


def build_demo(folder: Path) -> Path:
    from schouw.services.demo import build_demo as build

    path = folder / "demo.schouw"
    build(path, photos=140)
    return path


def scene(name: str, demo: Path, out: Path) -> None:
    """Runs inside the child process (its screen and scale set by the parent)."""
    _width, _height, _scale, lang, what = SCENES[name]
    import screens_ui
    from PySide6.QtGui import QColor, QPainter

    from schouw.ui.app import make_application, start
    from schouw.ui.prefs import Preferences

    app = make_application()
    work = Path(tempfile.mkdtemp(prefix="shot-"))
    project = work / "Demo wijkschouw Vogelwijk.schouw"
    shutil.copyfile(demo, project)
    extra = {}
    if what in ("import-package", "conflicts"):
        extra["package"] = screens_ui.team_package(project, work)
    window = start(Preferences(language=lang))
    screen = app.primaryScreen().availableGeometry()
    window.setGeometry(screen)
    window.show()
    if what == "start":  # the screen without a project: one recent project to pick
        window.prefs.recent = [str(project)]
        window.open_initial(None)
        window._update_state()
        target = window
    else:
        screens_ui.open_round(window, project)
        target = screens_ui.SCREENS[what](window, extra)
    screens_ui.settle(8)
    out.parent.mkdir(parents=True, exist_ok=True)
    shot = window.grab()
    if target is not window:
        # a dialog over the window, as the user sees it: centred, clipped by the screen
        painter = QPainter(shot)
        painter.fillRect(shot.rect(), QColor(0, 0, 0, 110))
        x = max(0, (window.width() - target.width()) // 2)
        y = max(0, (window.height() - target.height()) // 2)
        painter.drawPixmap(x, y, target.grab())
        painter.end()
    shot.save(str(out))
    window.close()


def main(argv: list[str]) -> int:
    if argv[:1] == ["--scene"]:
        _flag, name, demo, out = argv
        scene(name, Path(demo), Path(out))
        return 0
    if argv[:1] == ["--list"]:
        print("\n".join(SCENES))
        return 0
    unknown = [name for name in argv if name not in SCENES]
    if unknown:
        print(f"unknown scene(s): {', '.join(unknown)}; see --list", file=sys.stderr)
        return 2
    wanted = argv or list(SCENES)
    folder = Path(tempfile.mkdtemp(prefix="schouw-shots-"))
    env = dict(os.environ, SCHOUW_DATA_DIR=str(folder / "data"))
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.pop("QT_SCALE_FACTOR", None)
    os.environ.update(SCHOUW_DATA_DIR=env["SCHOUW_DATA_DIR"])
    demo = build_demo(folder)
    failed = []
    for name in wanted:
        width, height, scale, _lang, _what = SCENES[name]
        screen = folder / f"screen-{width}x{height}.json"
        screen.write_text(json.dumps({"screens": [{"name": "panel", "x": 0, "y": 0, "width": width,
                                                   "height": height, "logicalDpi": 96}]}))
        child_env = dict(env, SCHOUW_DATA_DIR=str(folder / f"data-{name}"),
                         QT_QPA_PLATFORM=f"offscreen:configfile={screen}")
        if scale != 1.0:
            child_env["QT_SCALE_FACTOR"] = str(scale)
        out = HERE / f"{name}.png"
        done = subprocess.run([sys.executable, __file__, "--scene", name, str(demo), str(out)], env=child_env,
                              capture_output=True, text=True)
        if done.returncode:
            failed.append(name)
            print(f"{name}: FAILED\n{done.stderr[-2000:]}", file=sys.stderr)
        else:
            print(out.relative_to(ROOT))
    shutil.rmtree(folder, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
