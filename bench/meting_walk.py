"""Benchmark: the app's meting walk with 300 schouwpunten.

    PYTHONPATH=. QT_QPA_PLATFORM=offscreen .venv/bin/python bench/meting_walk.py [--points 300]

Builds a project (one buurt of 40 streets, a meting of N points on ``crow-meting``) in a
temporary folder, opens it in the real main window (offscreen) and measures, per step,
the time from the key press to the repainted grid (``grab()`` forces the paint):

- key: one judgement (keys 1–5 and 0 in turn) on the current row;
- finish: Ctrl+Enter on a fully judged point (and the move to the next open point);
- undo: Ctrl+Z of one judgement.

Prints the median and 95th percentile of each; results go in docs/bench-meting-walk.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _figures(name: str, values: list[float]) -> str:
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(len(values) * 0.95))]
    return f"{name:7s} n={len(values):5d}  median {statistics.median(values) * 1000:6.1f} ms  p95 {p95 * 1000:6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--points", type=int, default=300)
    parser.add_argument("--walk", type=int, default=20, help="points judged and finished by key")
    args = parser.parse_args()
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    folder = Path(tempfile.mkdtemp())
    os.environ["SCHOUW_DATA_DIR"] = str(folder / "data")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from schouw.domain.models import Buurt, Street, Wijk
    from schouw.services.rounds import create_round
    from schouw.store import create_project
    from schouw.ui import app as app_module

    path = folder / "bench.schouw"
    with create_project(path, name="Bench") as project:
        wijk = project.areas.add_wijk(Wijk(name="Oost"))
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Bench", area_type="woongebied"))
        project.areas.add_streets([Street(buurt_id=buurt.id, name=f"Straat {i}", position=i) for i in range(40)])
        round_ = create_round(project, buurt="Bench", form_id="crow-meting", when="2026-06-01",
                              kind="meting", points=args.points, seed=1)
    _app = QApplication.instance() or QApplication([])  # noqa: F841 - start() needs one
    window = app_module.start()
    window.resize(1366, 768)
    window.show()
    window.open_initial(path)
    window.open_round(round_.id)
    QApplication.processEvents()
    walk = window.meting_walk
    grid = walk.grid
    keys = [Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4, Qt.Key.Key_5, Qt.Key.Key_0]
    key_times, finish_times, undo_times = [], [], []
    for p in range(args.walk):
        walk.focus_grid()
        for r in range(len(grid.rows)):
            start = time.perf_counter()
            QTest.keyClick(grid, keys[(p + r) % len(keys)])
            window.grab()
            key_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        QTest.keyClick(grid, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        window.grab()
        finish_times.append(time.perf_counter() - start)
    # undo judgements on an open point: judge 12 rows, then undo them one by one
    walk.focus_grid()
    for _ in range(len(grid.rows) - 1):
        QTest.keyClick(grid, Qt.Key.Key_3)
    for _ in range(len(grid.rows) - 1):
        start = time.perf_counter()
        window.undo()
        window.grab()
        undo_times.append(time.perf_counter() - start)
    print(f"meting walk, {args.points} points, {len(grid.rows)} aspects per point, {args.walk} points walked")
    print(_figures("key", key_times))
    print(_figures("finish", finish_times))
    print(_figures("undo", undo_times))
    window.close()


if __name__ == "__main__":
    main()
