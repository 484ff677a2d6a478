"""Benchmark: build time of the walk pack (looproute) of the demo round.

    .venv/bin/python bench/walk_pack.py [--runs 3]

Builds the demo project once (bench/out/walk_pack/demo.schouw), then prints the median
seconds of ``build_walk_pack`` (read, number, lay out map + one form per street, write
the PDF) for every round of the demo, with the page count. Results: docs/bench-report.md.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "walk_pack"
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from schouw.services.demo import build_demo
    from schouw.services.walk_pack import build_walk_pack
    from schouw.store import open_project

    OUT.mkdir(parents=True, exist_ok=True)
    demo = OUT / "demo.schouw"
    build_demo(demo, overwrite=True)
    with open_project(demo, readonly=True) as project:
        for round_ in project.rounds.list():
            times, result = [], None
            for _ in range(args.runs):
                start = time.perf_counter()
                result = build_walk_pack(project, round_["id"], OUT / "looproute.pdf")
                times.append(time.perf_counter() - start)
            assert result is not None
            print(f"walk pack of demo round {round_['title']!r}: {statistics.median(times):.2f} s median of "
                  f"{args.runs}, {result.pages} pages, {result.streets} streets x {result.items} items")


if __name__ == "__main__":
    main()
