"""Benchmark: the overview across rounds and places on a large project (issue #19).

    .venv/bin/python bench/overview.py [--project bench/out/big/big.schouw] [--runs 5] [--docs docs/bench-overview.md]

Builds the project of bench/bigproject.py when it is missing (10 years × 40 buurten × 4
rounds, 250,000 findings, 50,000 actions) and times:

- ``schouw overview --json`` for the whole municipality (target ≤ 1 s): in this process
  (the use case and the JSON, warm) and as a command (a fresh process, as a user runs it),
  for the default period (the last twelve months) and for all ten years;
- ``schouw hotspots --json`` likewise;
- the Overzicht's refresh after a change (target ≤ 100 ms): one finding added to a round,
  the change announced on the hub, until the view's tables show it (offscreen Qt).

Prints the figures and, with --docs, writes them to the given markdown file.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
DEFAULT = ROOT / "bench" / "out" / "big" / "big.schouw"


NOTES = """Where the time goes (the default period, profiled): about 0.4 s in SQLite (the few grouped
queries read every finding and action of the period's rounds once, through `findings_round` and the
actions' unique `finding_id` index; no migration was added for this), about 0.3 s scoring the
latest meting of each buurt in both periods (80 metingen, ~12,000 judgements) with the domain's
`score_meting`, the same rule as the round's own score, and the rest judging the distinct
(item, level, area type) groups once each. The query count does not depend on the number of
rounds (tests/test_monitoring.py). The ten-year figures show how it grows with the period.
The refresh after an edit reads only the buurt of the changed round (overview and hotspots)."""


def _median(runs: int, work) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _command(path: Path, *args: str) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "schouw", "--db", str(path), *args, "--json"],
                          capture_output=True, env=env, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(done.stderr.decode())
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--project", type=Path, default=DEFAULT)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--docs", type=Path)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    if not args.project.exists():
        import bigproject

        start = time.perf_counter()
        bigproject.build(args.project)
        print(f"built {args.project} in {time.perf_counter() - start:.1f} s")

    from schouw.services.hotspots import find_hotspots
    from schouw.services.monitoring import build_overview
    from schouw.store import open_project

    rows: list[tuple[str, float, str]] = []
    with open_project(args.project, readonly=True) as project:
        counts = {t: project.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                  for t in ("buurten", "rounds", "findings", "actions")}
        first = project.conn.execute("SELECT MIN(date) FROM rounds").fetchone()[0]
        for label, start in (("last twelve months (default)", None), ("all ten years", first)):
            statements: list[str] = []
            project.conn.set_trace_callback(statements.append)
            overview = build_overview(project, start=start)
            project.conn.set_trace_callback(None)
            seconds = _median(args.runs, lambda s=start: json.dumps(build_overview(project, start=s).as_dict(),
                                                                    default=str))
            rows.append((f"overview, {label}: use case + JSON, warm", seconds,
                         f"{len(statements)} queries, {sum(a.findings for a in overview.buurten):,} findings"))
            seconds = _median(args.runs, lambda s=start: find_hotspots(project, start=s))
            rows.append((f"hotspots, {label}: use case, warm", seconds, f"{len(find_hotspots(project, start=start))} hotspots"))
    for label, extra in (("last twelve months (default)", ()), ("all ten years", ("--from", first))):
        seconds = statistics.median(_command(args.project, "overview", *extra) for _ in range(args.runs))
        rows.append((f"`schouw overview --json`, {label}: a fresh process", seconds, "Python start and imports included"))
    seconds = statistics.median(_command(args.project, "hotspots") for _ in range(args.runs))
    rows.append(("`schouw hotspots --json`, last twelve months: a fresh process", seconds, ""))
    rows += _refresh(args.project, args.runs)

    lines = [
        "# Overview across rounds and places (issue #19)",
        "",
        f"`bench/overview.py --runs {args.runs}` on `bench/bigproject.py`'s project: {counts['buurten']} buurten, "
        f"{counts['rounds']:,} rounds, {counts['findings']:,} findings, {counts['actions']:,} actions "
        f"({args.project.stat().st_size / 1e6:.0f} MB). Median of {args.runs} runs; {platform.processor() or platform.machine()}, "
        f"{os.cpu_count()} cores shared with other work while measured (load average "
        f"{os.getloadavg()[0]:.1f} at the end).",
        "",
        "| what | seconds | note |",
        "|---|---|---|",
        *[f"| {what} | {seconds:.3f} | {note} |" for what, seconds, note in rows],
        "",
        "Targets: `overview --json` for the whole municipality ≤ 1 s; the Overzicht's refresh after a change ≤ 0.1 s.",
        "",
        NOTES,
    ]
    text = "\n".join(lines)
    print(text)
    if args.docs:
        args.docs.write_text(text, encoding="utf-8")


def _refresh(path: Path, runs: int) -> list[tuple[str, float, str]]:
    """The open Overzicht: a finding added to one round, announced on the hub, until the
    tables show it. The project is copied first: the benchmark writes."""
    import shutil
    import tempfile

    from PySide6.QtWidgets import QApplication

    from schouw.domain.models import Finding
    from schouw.services.changes import Changes
    from schouw.store import open_project
    from schouw.ui.hub import ChangeHub
    from schouw.ui.overview_view import OverviewDialog

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    copy = folder / "refresh.schouw"
    shutil.copy(path, copy)
    out = []
    with open_project(copy) as project:

        class Session:
            pass

        session = Session()
        session.project = project
        hub = ChangeHub()
        start = time.perf_counter()
        dialog = OverviewDialog(session, hub)
        dialog.wait_loaded()
        opened = time.perf_counter() - start
        out.append(("Overzicht opened (overview + hotspots + tables), last twelve months", opened,
                    "read on a worker thread: the window stays responsive"))
        latest = project.conn.execute(
            "SELECT id, buurt_id FROM rounds WHERE kind = 'knelpunten' ORDER BY date DESC LIMIT 1").fetchone()
        street = project.conn.execute("SELECT street_id, lat, lon FROM findings WHERE round_id = ? LIMIT 1",
                                      (latest[0],)).fetchone()
        times = []
        for n in range(runs):
            project.findings.add(Finding(round_id=latest[0], street_id=street[0], element="elementen",
                                         aspect="zwerfafval", level="D", lat=street[1], lon=street[2]))
            before = dialog.model.rows
            start = time.perf_counter()
            hub.notify(Changes(findings=True, round_ids=frozenset({latest[0]})))
            app.processEvents()
            times.append(time.perf_counter() - start)
            assert dialog.model.rows is not before, n
        out.append(("Overzicht refresh after a finding is added (hub → tables)", statistics.median(times),
                    "only the changed buurt is read again"))
        dialog.close()
    shutil.rmtree(folder, ignore_errors=True)
    return out


if __name__ == "__main__":
    main()
