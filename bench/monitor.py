"""Time the council's monitor (issue #19: "the monitor report ≤ 10 s") on the big project.

    .venv/bin/python bench/monitor.py [--db bench/out/big/big.schouw] [--runs 3] [--year Y] [--wijk W]

Makes the monitor of each wijk (or the one given) over the newest full year of the
project as a PDF and as an XLSX, as ``schouw report --kind monitor`` does, and prints the
median time of the whole use case (overview, hotspots, trajecten, PDF, workbook) per
wijk, with its pages and the load average. Build the project first with
``bench/bigproject.py``.
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "bench" / "out" / "big" / "big.schouw"))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--year", type=int)
    parser.add_argument("--wijk")
    args = parser.parse_args()

    from schouw.services.monitor_report import build_monitor
    from schouw.store import open_project

    with open_project(Path(args.db), readonly=True) as project:
        dates = [r["date"] for r in project.rounds.list()]
        year = args.year or max(int(d[:4]) for d in dates) - 1
        wijken = [args.wijk] if args.wijk else [w.name for w in project.areas.wijken()]
        findings = project.findings.count()
        print(f"project: {len(dates):,} rounds, {findings:,} findings; year {year}; "
              f"load average {os.getloadavg()[0]:.1f}")
        print(f"{'wijk':<12} {'median s':>9} {'min s':>7} {'pages':>6} {'buurten':>8}")
        with tempfile.TemporaryDirectory() as tmp:
            for wijk in wijken:
                times, pages, buurten = [], 0, 0
                for run in range(args.runs):
                    t = time.perf_counter()
                    result = build_monitor(project, wijk=wijk, year=year, out=Path(tmp) / f"m{run}.pdf",
                                           xlsx=Path(tmp) / f"m{run}.xlsx")
                    times.append(time.perf_counter() - t)
                    pages, buurten = result.pages, result.buurten
                print(f"{wijk:<12} {statistics.median(times):>9.2f} {min(times):>7.2f} {pages:>6} {buurten:>8}")
    print(f"load average at the end {os.getloadavg()[0]:.1f}; target: the monitor report in ≤ 10 s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
