"""Benchmark: what the map page adds to the demo round report (target: at most 0.5 s).

    .venv/bin/python bench/map.py [--runs 5] [--docs docs/bench-report.md]

Builds the demo project once (bench/out/map/demo.schouw), then builds the full report of
its largest round with and without the map page, alternating, in this process (fonts
and forms warm after a first unmeasured build), and times the map's own steps: the scene
(read, project, judge, number) and laying out + drawing the page. Prints the figures and,
with --docs, replaces the "Map page" section of the given markdown file.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "map"
sys.path.insert(0, str(ROOT))

HEADING = "## Map page (issue 18)"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--docs", type=Path)
    args = parser.parse_args()

    from schouw.services import reports
    from schouw.services.demo import build_demo
    from schouw.services.mapscene import map_scene
    from schouw.store import open_project

    OUT.mkdir(parents=True, exist_ok=True)
    demo = OUT / "demo.schouw"
    build_demo(demo, overwrite=True)
    with open_project(demo, readonly=True) as project:
        rounds = project.rounds.list()
        round_id = max(rounds, key=lambda r: r["findings"])["id"]
        findings = max(r["findings"] for r in rounds)
    real_map_page = reports.map_page

    def build(with_map: bool) -> float:
        reports.map_page = real_map_page if with_map else (lambda *a, **k: None)
        with open_project(demo, readonly=True) as project:
            start = time.perf_counter()
            reports.build_report(project, round_id, OUT / f"rapport-{with_map}.pdf")
            return time.perf_counter() - start

    build(True)
    build(False)
    with_map, without = [], []
    for _ in range(args.runs):
        with_map.append(build(True))
        without.append(build(False))
    reports.map_page = real_map_page

    scene_times, page_times = [], []
    with open_project(demo, readonly=True) as project:
        for _ in range(args.runs):
            start = time.perf_counter()
            scene = map_scene(project, round_id)
            scene_times.append(time.perf_counter() - start)
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import SimpleDocTemplate

    from schouw.report.map_drawing import MapFlowable

    for _ in range(args.runs):
        start = time.perf_counter()
        SimpleDocTemplate(str(OUT / "kaart.pdf"), pagesize=A4).build([MapFlowable(scene, 480, 420)])
        page_times.append(time.perf_counter() - start)

    med = statistics.median
    added = med(with_map) - med(without)
    lines = [
        HEADING,
        "",
        f"`bench/map.py --runs {args.runs}` on the demo project, its largest round ({findings} findings, all located, "
        f"{len(scene.streets)} streets, a buurt boundary); median of {args.runs} alternating builds in one process.",
        "",
        "| what | seconds |",
        "|---|---|",
        f"| full round report with the map page | {med(with_map):.3f} |",
        f"| the same without the map page | {med(without):.3f} |",
        f"| **added by the map page** (target ≤ 0.5 s) | **{added:.3f}** |",
        f"| of which the scene (read, project, judge, number: `map_scene`) | {med(scene_times):.3f} |",
        f"| the map alone as a one-page PDF (`MapFlowable`) | {med(page_times):.3f} |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if args.docs:
        doc = args.docs.read_text(encoding="utf-8")
        if HEADING in doc:
            start = doc.index(HEADING)
            rest = doc.find("\n## ", start + len(HEADING))
            doc = doc[:start] + text + (doc[rest + 1:] if rest != -1 else "")
        else:
            doc = doc.rstrip("\n") + "\n\n" + text
        args.docs.write_text(doc, encoding="utf-8")


if __name__ == "__main__":
    main()
