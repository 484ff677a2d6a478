"""Benchmark: the verloop of a long stratenaanpak (30,000 findings over 10 rounds).

    PYTHONPATH=. .venv/bin/python bench/verloop.py [--rounds 10] [--findings 30000] [--runs 3]

Makes bench/out/verloop/series.schouw: one buurt of 60 streets, ``--rounds`` CROW
knelpuntenschouwen a month apart, ``--findings`` findings spread over them (every street
walked in most rounds, some not), then prints the median of ``--runs`` for:

- ``load_series``: the batched read (with the number of SELECT statements it ran);
- ``verloop_for_buurt``: read + judge + lines (what ``schouw trend`` does);
- ``schouw trend --json`` as a user runs it (a new process);
- ``build_verloop_report``: the PDF (``schouw report ROUND --kind verloop``).

Results: docs/bench-verloop.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out" / "verloop"
sys.path.insert(0, str(ROOT))


def make(path: Path, rounds: int, findings: int) -> list[str]:
    from schouw.domain.levels import ALL_LEVELS
    from schouw.domain.models import Buurt, Finding, Street, Wijk
    from schouw.services.forms import find_form
    from schouw.services.rounds import create_round
    from schouw.store.project import create_project

    for suffix in ("", "-wal", "-shm"):
        candidate = path.with_name(path.name + suffix)
        if candidate.exists():
            candidate.unlink()
    rng = random.Random(17)
    items = [(e.id, a.id) for e, a in find_form("crow-beeldkwaliteit").items() if a.has_level]
    ids = []
    with create_project(path, name="bench", municipality="Bench", device_id="bench") as project:
        wijk = project.areas.add_wijk(Wijk(name="Benchwijk"))
        buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Stratenaanpak"))
        project.areas.add_streets([Street(buurt_id=buurt.id, name=f"Straat {i:02d}", position=i) for i in range(60)])
        streets = project.areas.streets(buurt.id)
        per_round = findings // rounds
        for r in range(rounds):
            when = date(2025, 1, 15) + timedelta(days=30 * r)
            round_ = create_round(project, buurt="Stratenaanpak", wijk="Benchwijk", form_id="crow-beeldkwaliteit",
                                  when=when, title=f"Ronde {r + 1}")
            ids.append(round_.id)
            walked = [s for s in streets if rng.random() < 0.85]
            with project.atomic():
                for n in range(per_round):
                    street = walked[n % len(walked)]
                    element, aspect = rng.choice(items)
                    project.findings.add(Finding(round_id=round_.id, street_id=street.id, element=element,
                                                 aspect=aspect, level=rng.choice(ALL_LEVELS)))
                for street in walked:
                    project.rounds.set_street_done(round_.id, street.id, True)
    return ids


def median(call, runs: int) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--findings", type=int, default=30000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from schouw.services.verloop import verloop_for_buurt
    from schouw.services.verloop_report import build_verloop_report
    from schouw.store import open_project
    from schouw.store.series import load_series

    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "series.schouw"
    start = time.perf_counter()
    ids = make(path, args.rounds, args.findings)
    print(f"made {path.name}: {args.findings} findings over {args.rounds} rounds in "
          f"{time.perf_counter() - start:.1f} s")
    with open_project(path, readonly=True) as project:
        buurt = project.areas.find_buurt("Stratenaanpak")
        seen: list[str] = []
        project.conn.set_trace_callback(seen.append)
        load_series(project, buurt.id, "crow-beeldkwaliteit", "knelpunten")
        project.conn.set_trace_callback(None)
        selects = sum(1 for s in seen if s.lstrip().upper().startswith("SELECT"))
        seconds, rows = median(lambda: load_series(project, buurt.id, "crow-beeldkwaliteit", "knelpunten"),
                               args.runs)
        print(f"load_series: {seconds * 1000:.0f} ms median of {args.runs} ({len(rows.findings)} findings, "
              f"{selects} SELECT statements)")
        seconds, result = median(lambda: verloop_for_buurt(project, "Stratenaanpak"), args.runs)
        v = result.verloop
        print(f"verloop_for_buurt: {seconds * 1000:.0f} ms median of {args.runs} ({len(v.streets)} streets, "
              f"{len(v.aspects)} aspects)")
        seconds, made = median(lambda: build_verloop_report(project, ids[-1], OUT / "verloop.pdf"), args.runs)
        print(f"build_verloop_report: {seconds:.2f} s median of {args.runs} ({made.pages} pages)")
    command = [sys.executable, "-m", "schouw", "--db", str(path), "--json", "trend", "--buurt", "Stratenaanpak"]
    seconds, _ = median(lambda: subprocess.run(command, check=True, capture_output=True), args.runs)
    print(f"schouw trend --json (new process): {seconds:.2f} s median of {args.runs}")


if __name__ == "__main__":
    main()
