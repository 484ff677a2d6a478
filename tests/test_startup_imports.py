"""The app starts in a second because heavy libraries wait until they are used.

The real app is started from outside (``python -m schouw FILE``) on the demo project,
offscreen, with ``SCHOUW_STARTUP_PROBE``: at its first paint it writes the names in
``sys.modules`` and quits. None of :data:`HEAVY` may be among them. When a new view
imports one at module level, the failure says which module and through which chain of
imports, so the fix (import it inside the function that needs it) is one look away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

#: top-level packages (or Qt modules) that cost start-up time and are only needed by
#: one feature: reports, coordinates, spreadsheets, HTTP, HEIC photos, geometry, charts,
#: maps; numpy comes with shapely (schouw/store/__init__.py keeps sqlite-utils from it)
HEAVY = ("reportlab", "pyproj", "openpyxl", "httpx", "pillow_heif", "shapely",
         "PySide6.QtCharts", "PySide6.QtPositioning", "numpy",
         # the camera check (after the first paint, schouw/ui/first_paint.py) and the
         # report package (only when a report or a re-inspection date is made): issue 20
         "PySide6.QtMultimedia", "schouw.report")


def start_app(project: Path, data: Path, tmp_path: Path, *extra: str) -> tuple[dict, str]:
    probe = tmp_path / "probe.json"
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen", "SCHOUW_DATA_DIR": str(data),
           "SCHOUW_STARTUP_PROBE": str(probe), "SCHOUW_STARTUP_EXIT": "1", "SCHOUW_SINGLE_INSTANCE": "0"}
    done = subprocess.run([sys.executable, *extra, "-m", "schouw", str(project)], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(probe.read_text(encoding="utf-8")), done.stderr


def loaded(modules: list[str], heavy: str) -> bool:
    return any(name == heavy or name.startswith(heavy + ".") for name in modules)


def import_chain(importtime: str, module: str) -> list[str]:
    """Who imported ``module``, from ``python -X importtime`` output: a line's parent is
    the next line below it that is indented less."""
    rows = []
    for line in importtime.splitlines():
        if not line.startswith("import time:") or "|" not in line:
            continue
        name = line.rsplit("|", 1)[1]
        rows.append((len(name) - len(name.lstrip()), name.strip()))
    for index, (depth, name) in enumerate(rows):
        if name == module:
            chain = [name]
            for later_depth, later in rows[index + 1:]:
                if later_depth < depth:
                    chain.append(later)
                    depth = later_depth
            return chain
    return [module]


def test_heavy_libraries_wait_until_used(demo_path, tmp_path):
    probe, _ = start_app(demo_path, tmp_path / "data", tmp_path)
    assert probe["project"] == str(demo_path.resolve())  # the app really opened the project
    assert "schouw.ui.main_window" in probe["modules"]  # and really is the app
    eager = [heavy for heavy in HEAVY if loaded(probe["modules"], heavy)]
    if eager:
        _, importtime = start_app(demo_path, tmp_path / "data", tmp_path, "-X", "importtime")
        lines = []
        for heavy in eager:
            first = next(name for name in probe["modules"] if name == heavy or name.startswith(heavy + "."))
            chain = import_chain(importtime, heavy) if heavy in probe["modules"] else import_chain(importtime, first)
            culprit = next((name for name in chain if name.startswith("schouw")), "?")
            lines.append(f"{heavy} is imported at start-up by {culprit} (chain: {' <- '.join(chain)}); "
                         f"move that import into the function that uses it (see docs/bench-startup.md)")
        pytest.fail("\n".join(lines))


def test_the_import_chain_names_the_importer():
    text = ("import time:       100 |        100 |         reportlab.lib\n"
            "import time:       200 |        300 |       reportlab\n"
            "import time:        50 |         50 |       schouw.report.styles\n"
            "import time:       400 |        750 |     schouw.report.pdf\n"
            "import time:        10 |        760 |   schouw.ui.new_view\n")
    assert import_chain(text, "reportlab") == ["reportlab", "schouw.report.pdf", "schouw.ui.new_view"]
