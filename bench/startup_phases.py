"""Start-up, in-process: where the time between ``import`` and the first paint goes.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/startup_phases.py [PROJECT] [--runs 3] [--profile OUT.prof]

``bench/startup.py`` measures the whole start from outside (the figure the user feels);
this script splits one start into phases, timed with ``time.perf_counter`` inside one
process, so the phases can be compared between two versions of the code even while
other work loads the machine (each phase is short and runs on one core); beside the
wall clock it prints the CPU time of the process, which the load changes much less. Without
PROJECT it builds one with bench/ui.py's builder (1,000 streets, 5,000 findings).

Phases: imports (``schouw.ui.app`` and what it pulls in), QApplication, theme + empty
main window, opening the project and its round (``open_initial``), and show + first
paint (events processed until the window has painted). Imports happen once per
process, so runs after the first time only the other phases; ``--profile`` writes a
cProfile of opening and painting of the last run (read it with ``python -m pstats``).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project", nargs="?", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--streets", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=5000)
    parser.add_argument("--profile", type=Path, help="write a cProfile of open + paint (last run) here")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="schouw-phases-"))
    os.environ["SCHOUW_DATA_DIR"] = str(folder / "data")
    project = args.project
    if project is None:
        from ui import build  # bench/ui.py

        project = folder / "bench.schouw"
        build(project, args.streets, args.findings)

    t0, c0 = time.perf_counter(), time.process_time()
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from schouw.ui import app as app_module

    imports, imports_cpu = time.perf_counter() - t0, time.process_time() - c0
    t0, c0 = time.perf_counter(), time.process_time()
    qt_app = app_module.make_application([])
    made, made_cpu = time.perf_counter() - t0, time.process_time() - c0

    class FirstPaint(QObject):
        painted = False

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt API
            if event.type() == QEvent.Type.Paint and isinstance(watched, QWidget):
                self.painted = True
            return False

    rows = []
    for run in range(args.runs):
        profiler = None
        c1 = time.process_time()
        t1 = time.perf_counter()
        window = app_module.start()
        t2, c2 = time.perf_counter(), time.process_time()
        if args.profile and run == args.runs - 1:
            import cProfile

            profiler = cProfile.Profile()
            profiler.enable()
        window.open_initial(str(project))
        t3, c3 = time.perf_counter(), time.process_time()
        probe = FirstPaint()
        qt_app.installEventFilter(probe)
        window.resize(1366, 768)
        window.show()
        while not probe.painted:
            qt_app.processEvents()
        qt_app.processEvents()  # finish the paint the probe saw begin
        t4, c4 = time.perf_counter(), time.process_time()
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(args.profile))
        qt_app.removeEventFilter(probe)
        if window.streets is None or window.streets.model.rowCount() == 0:
            raise SystemExit("the window did not show the round's streets")
        rows.append((t2 - t1, t3 - t2, t4 - t3, c2 - c1, c3 - c2, c4 - c3))
        window.close()
        window.deleteLater()
        qt_app.processEvents()
    print(f"load average {os.getloadavg()[0]:.1f}; wall clock, then CPU time of this process (median of the runs)")
    print(f"{'imports (schouw.ui.app and all it pulls in)':44s} {imports:6.3f} s   CPU {imports_cpu:6.3f} s  (once)")
    print(f"{'QApplication':44s} {made:6.3f} s   CPU {made_cpu:6.3f} s  (once)")
    names = ("theme, main window (empty)", "open the project and the round", "show and first paint")
    for n, name in enumerate(names):
        values = [r[n] for r in rows]
        cpu = statistics.median(r[n + 3] for r in rows)
        print(f"{name:44s} {statistics.median(values):6.3f} s   CPU {cpu:6.3f} s  "
              f"(runs: {', '.join(f'{v:.3f}' for v in values)})")
    total = [sum(r[:3]) for r in rows]
    total_cpu = statistics.median(sum(r[3:]) for r in rows)
    print(f"{'total after imports':44s} {statistics.median(total):6.3f} s   CPU {total_cpu:6.3f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
