"""Benchmark of the field app on a big round: 1,000 streets, 5,000 findings.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/ui.py [--streets 1000] [--findings 5000]

Builds the project through the store (in a temporary folder), opens it in the real main
window and times what a user does: open the project, type a street name letter by
letter, clear the search, switch street, step to the next street, add a finding, pick a
level, type a description and let it save, undo, mark a street walked and move on,
scroll the street list. Each figure includes handling the events and repainting the
window, i.e. until the user sees the result. Target: every interaction under 100 ms.
Figures go in docs/bench-ui.md.

The map tab (issue 18) is timed too: pan and zoom frames at 5,000 findings / 1,000
streets and at 50,000 findings / 5,000 streets (``--map-only`` for just those).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PREFIXES = ["Merel", "Lijster", "Spreeuwen", "Kievit", "Reiger", "Zwaluw", "Roodborst", "Koolmees", "Vinken",
            "IJsvogel", "Havik", "Buizerd", "Specht", "Gaai", "Kraai", "Ekster", "Uilen", "Valk", "Zwanen",
            "Eenden", "Ganzen", "Meeuwen", "Sterns", "Plevier", "Grutto", "Tureluur", "Wulp", "Kwartel",
            "Patrijs", "Fazant", "Leeuwerik", "Pieper", "Kwikstaart", "Winterkoning", "Heggenmus", "Roodstaart",
            "Tapuit", "Zanger", "Goudhaan", "Vliegenvanger"]
SUFFIXES = ["straat", "laan", "weg", "pad", "hof", "plein", "kade", "singel", "dreef", "erf", "steeg",
            "gracht", "dijk", "park", "veld", "hoek", "baan", "wal", "plantsoen", "rade", "horst", "zoom",
            "hout", "akker", "kamp"]


def street_names(n: int) -> list[str]:
    names = [f"{p}{s}" for s in SUFFIXES for p in PREFIXES]
    out = names[:n]
    k = 2
    while len(out) < n:
        out.extend(f"{name} {k}" for name in names[: n - len(out)])
        k += 1
    return out


def build(path: Path, n_streets: int, n_findings: int, seed: int = 7) -> dict:
    from schouw.domain.levels import Level
    from schouw.domain.models import Action, Buurt, Finding, Street, Wijk
    from schouw.services.findings import photo_record
    from schouw.services.rounds import add_participant, create_round
    from schouw.store import create_project

    rng = random.Random(seed)
    t0 = time.perf_counter()
    with create_project(path, name="Bench 1000 straten") as project:
        with project.atomic():
            wijk = project.areas.add_wijk(Wijk(name="Grote Wijk"))
            buurt = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Grote Buurt", area_type="woongebied"))
            project.areas.add_streets([Street(buurt_id=buurt.id, name=name, woonplaats="Benchstad", position=i,
                                              area_type="centrum" if i % 17 == 0 else None)
                                       for i, name in enumerate(street_names(n_streets))])
        streets = project.areas.streets(buurt.id)
        round_ = create_round(project, buurt="Grote Buurt", form_id="crow-beeldkwaliteit", when=date(2026, 9, 1),
                              title="Grote ronde")
        add_participant(project, round_.id, "Bench Tester", "Gemeente", "gemeente")
        form = project.forms.get(round_.form_key)
        items = [(e.id, a.id) for e, a in form.items() if a.has_level]
        levels = [Level.A_PLUS, Level.A, Level.B, Level.C, Level.D]
        photo = None
        try:
            from schouw.photos import prepare_photo

            sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
            from conftest_ui import jpeg_bytes

            photo = prepare_photo(jpeg_bytes(1, size=(1600, 1200)), name="bench.jpg")
        except ImportError:
            pass
        with project.atomic():
            for n in range(n_findings):
                element, aspect = rng.choice(items)
                level = rng.choices(levels, [1, 4, 8, 4, 2])[0]
                finding = Finding(round_id=round_.id, street_id=streets[n % len(streets)].id, element=element,
                                  aspect=aspect, level=None if n % 23 == 0 else level,
                                  not_applicable=n % 23 == 0, house_number=str(rng.randint(1, 200)),
                                  description=f"Bevinding {n}: wat er te zien was en wat er moet gebeuren.")
                action = Action(finding_id=finding.id, party="Gemeente, team Reiniging") if level <= Level.C else None
                photos = []
                if photo is not None and n % 100 == 0:
                    record, blobs = photo_record(photo, finding.id, 0)
                    photos = [(record.model_copy(update={"sha256": f"{n:064d}"}), blobs)]
                project.findings.add(finding, action, photos)
            for street in streets[: n_streets // 3]:
                project.rounds.set_street_done(round_.id, street.id, True)
    return {"seconds": time.perf_counter() - t0, "round": round_.id}


def map_frames(window, app, sizes=((5000, 1000), (50000, 5000)), repeat: int = 40) -> dict[str, list[float]]:
    """Frame times of the map tab (issue 18): pan and zoom over a synthetic buurt of
    3 × 3 km at each (findings, streets) size, in the real window at its real size.
    A frame is one full repaint of the map (``QWidget.repaint``). Zoom frames step through
    the zoom bands twice: the first pass includes making each band's clusters and street
    outlines once (reported apart), the second is the steady state."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from map_scenes import synthetic_scene

    window.middle.setCurrentWidget(window.map)
    view = window.map.view
    app.processEvents()
    results: dict[str, list[float]] = {}

    def frame(name: str) -> None:
        t = time.perf_counter()
        view.repaint()
        results.setdefault(name, []).append((time.perf_counter() - t) * 1000)

    for n_findings, n_streets in sizes:
        label = f"map {n_findings:,} findings / {n_streets:,} streets"
        t = time.perf_counter()
        view.set_scene(synthetic_scene(n_findings, n_streets), keep_view=False)
        results.setdefault(f"{label}: load the scene (once)", []).append((time.perf_counter() - t) * 1000)
        view.fit()
        view.repaint()
        for _ in range(repeat):
            view.pan_by(9, 4)
            frame(f"{label}: pan, whole buurt")
        for first in (True, False):
            for k in range(16):
                view.zoom_by(1.5 if k < 8 else 1 / 1.5)
                frame(f"{label}: zoom" + (" (first visit of a band)" if first else ""))
        view.zoom_by(16)
        view._extend_layer()
        for _ in range(repeat):
            view.pan_by(9, 4)
            frame(f"{label}: pan, street level")
    window.middle.setCurrentWidget(window.findings)
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--streets", type=int, default=1000)
    parser.add_argument("--findings", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--map-only", action="store_true", help="only the map frames (issue 18)")
    args = parser.parse_args()
    if args.map_only:
        args.streets, args.findings, args.repeat = 20, 40, 0

    folder = Path(tempfile.mkdtemp(prefix="schouw-bench-"))
    os.environ["SCHOUW_DATA_DIR"] = str(folder / "data")
    path = folder / "groot.schouw"
    built = build(path, args.streets, args.findings)
    print(f"built {args.streets} streets, {args.findings} findings in {built['seconds']:.1f} s")

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from schouw.ui.app import make_application, start

    app = make_application()
    window = start()
    window.resize(1366, 768)
    window.show()
    app.processEvents()

    def settle() -> None:
        # deliver every queued event, including the paint of what changed
        app.processEvents()
        app.processEvents()

    results: dict[str, list[float]] = {}

    def timed(name: str, action) -> None:
        t = time.perf_counter()
        action()
        settle()
        results.setdefault(name, []).append((time.perf_counter() - t) * 1000)

    timed("open project (1st round, street list, first street)", lambda: window.open_path(str(path)))
    streets = window.streets
    findings = window.findings
    editor = window.editor
    names = [s.name for s in streets.model.streets()]
    rng = random.Random(1)

    for _ in range(args.repeat):
        target = rng.choice(names)
        typed = ""
        for ch in target[:6].lower():
            typed += ch
            timed("filter: one keystroke in the search box", lambda t=typed: streets.search.setText(t))
        timed("filter: clear the search", streets.search.clear)
    for _ in range(args.repeat):
        street_id = rng.choice(streets.model.streets()).id
        timed("switch street (list, findings, editor)", lambda s=street_id: streets.select_street(s))
        timed("next street (Ctrl+PgDown)", lambda: window.step_street(1))
        row = rng.randrange(max(findings.model.rowCount(), 1))
        if findings.model.rowCount():
            timed("switch finding (editor with photos)",
                  lambda r=row: findings.select_finding(findings.model.finding(r).id))
        timed("new finding (Ctrl+N)", window.new_finding)
        timed("level button (key 4)", lambda: window.set_level("C"))
        editor.text_edit.setPlainText("Zwerfafval bij de container, graag opruimen.")
        timed("save typed text (debounce flush)", editor.flush)
        timed("undo (Ctrl+Z)", window.undo)
        timed("street walked, next open street (Ctrl+Enter)", window.done_and_next)
    table = streets.table
    for _ in range(args.repeat):
        timed("scroll street list one page", lambda: table.verticalScrollBar().setValue(
            table.verticalScrollBar().value() + table.verticalScrollBar().pageStep()))
    map_results = map_frames(window, app)
    window.prefs.language = "en"
    timed("switch language (rebuild window)", window.apply_language_and_size)
    window.prefs.language = "nl"
    window.apply_language_and_size()
    timed("close project", window.close_project)

    width = max(len(k) for k in results)
    print(f"\n{'interaction':<{width}}  {'n':>3}  {'median ms':>9}  {'p90 ms':>7}  {'max ms':>7}")
    worst = 0.0
    for name, values in results.items():
        values.sort()
        p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
        worst = max(worst, values[-1]) if not name.startswith(("open", "close", "switch language")) else worst
        print(f"{name:<{width}}  {len(values):>3}  {statistics.median(values):>9.1f}  {p90:>7.1f}  "
              f"{values[-1]:>7.1f}")
    print(f"\nworst walk interaction: {worst:.1f} ms (target < 100 ms)")
    print(f"\n{'map frame':<{width + 14}}  {'n':>3}  {'median ms':>9}  {'p90 ms':>7}  {'max ms':>7}")
    for name, values in map_results.items():
        values.sort()
        p90 = values[min(len(values) - 1, int(len(values) * 0.9))]
        print(f"{name:<{width + 14}}  {len(values):>3}  {statistics.median(values):>9.1f}  {p90:>7.1f}  "
              f"{values[-1]:>7.1f}")
    print("map targets: a pan/zoom frame <= 16 ms at 5,000 findings, <= 50 ms at 50,000 findings")
    window.close()
    del Qt, QApplication
    return 0 if worst < 100 else 1


if __name__ == "__main__":
    raise SystemExit(main())
