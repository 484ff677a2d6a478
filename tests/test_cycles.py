"""Veilige Buurten trajecten (issue #19, point 4) on real project files: the use cases
(start, priorities, links, evaluation, close, intake), the store's statement count, the
CLI with its bad input (exit 2, one line, nothing changed), the demo's two trajecten and
the evaluation PDF read back and rendered."""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
from datetime import date

import pytest
from conftest import run_main

from schouw.messages import SchouwError
from schouw.services import cycles as C
from schouw.store import open_project

TODAY = date(2026, 12, 4)
TABLES = ("cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions")


def _rows(path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        conn.close()


def _vogel_findings(project) -> tuple[list[str], list[str]]:
    """Findings of the Vogelbuurt's knelpuntenschouw rounds: (with an action, without)."""
    buurt = project.areas.find_buurt("Vogelbuurt")
    facts = project.cycles.buurt_findings(buurt.id)
    acted = project.cycles.actions_of_findings([f["id"] for f in facts])
    return [f["id"] for f in facts if f["id"] in acted], [f["id"] for f in facts if f["id"] not in acted]


def test_a_whole_traject_from_start_to_the_next_ones_intake(demo_path):
    with open_project(demo_path) as project:
        acted, plain = _vogel_findings(project)
        haven_finding = project.cycles.buurt_findings(project.areas.find_buurt("Havenkwartier").id)[0]["id"]
        cycle, changes = C.start_cycle(project, buurt="Vogelbuurt", start="2026-11-02", title="Vogelbuurt veilig")
        assert changes.cycles and not changes.findings
        assert C.cycle_view(project, cycle.id, today=TODAY).week == 5
        # one open traject per buurt
        with pytest.raises(SchouwError) as refused:
            C.start_cycle(project, buurt="Vogelbuurt", start="2026-11-09")
        assert refused.value.key == "cycle_open_exists"
        C.add_priority(project, cycle.id, title="Zwerfafval bij de speeltuin", theme="zwerfafval")
        C.add_priority(project, cycle.id, title="Losliggende tegels", findings=plain[:2])
        C.add_priority(project, cycle.id, title="Onkruid op de stoep", aspect="elementen.onkruid")
        for bad, key in ((dict(title="Elders", findings=[haven_finding]), "cycle_finding_other_buurt"),
                         (dict(title="Onbekend", aspect="geen.aspect"), "cycle_unknown_aspect"),
                         (dict(title="Dubbel", rank=2), "cycle_rank_taken"),
                         (dict(title="  "), "cycle_priority_no_title")):
            with pytest.raises(SchouwError) as refused:
                C.add_priority(project, cycle.id, **bad)
            assert refused.value.key == key
        linked, _ = C.link(project, cycle.id, 1, action=acted[0])
        again, changes = C.link(project, cycle.id, "Zwerfafval bij de speeltuin", action=acted[0])
        assert linked and not again and not changes
        view = C.cycle_view(project, cycle.id, today=TODAY)
        assert [(p.priority.rank, p.priority.kind.value) for p in view.priorities] == [
            (1, "thema"), (2, "bevinding"), (3, "aspect")]
        assert [a.finding_id for a in view.priorities[0].actions] == [acted[0]]
        assert view.priorities[2].subject == "Elementenverharding: Onkruid" or "Onkruid" in view.priorities[2].subject
        C.move_priority(project, cycle.id, 3, 1)
        assert [p.title for p in project.cycles.priorities(cycle.id)][:2] == ["Onkruid op de stoep", "Losliggende tegels"]
        with pytest.raises(SchouwError) as refused:
            C.close_cycle(project, cycle.id)
        assert refused.value.key == "cycle_unscored"
        with pytest.raises(SchouwError) as refused:
            C.evaluate(project, cycle.id, 1, "misschien")
        assert refused.value.key == "cycle_bad_outcome"
        C.evaluate(project, cycle.id, "Onkruid op de stoep", "bereikt")
        C.evaluate(project, cycle.id, "Losliggende tegels", "niet", "Aannemer kwam niet")
        C.evaluate(project, cycle.id, "Zwerfafval bij de speeltuin", "partly")
        closed, _ = C.close_cycle(project, cycle.id, "Goed verlopen")
        assert closed.status.value == "geevalueerd" and closed.closed_at
        with pytest.raises(SchouwError) as refused:
            C.evaluate(project, cycle.id, 1, "niet")
        assert refused.value.key == "cycle_not_open"
        nxt, _ = C.start_cycle(project, buurt="Vogelbuurt", start="2027-01-11")
        carried = project.cycles.priorities(nxt.id)
        assert [(p.rank, p.title, p.outcome) for p in carried] == [
            (1, "Losliggende tegels", None), (2, "Zwerfafval bij de speeltuin", None)]
        assert sorted(carried[0].finding_ids) == sorted(plain[:2])


def test_reading_a_traject_takes_the_same_statements_for_3_or_30_priorities(demo_path):
    def statements(project, cycle_id) -> int:
        seen: list[str] = []
        project.conn.set_trace_callback(seen.append)
        try:
            C.cycle_view(project, cycle_id, today=TODAY)
        finally:
            project.conn.set_trace_callback(None)
        return len([s for s in seen if s.lstrip().upper().startswith("SELECT")])

    with open_project(demo_path) as project:
        acted, plain = _vogel_findings(project)
        cycle, _ = C.start_cycle(project, buurt="Vogelbuurt", start="2026-11-02")
        for n in range(3):
            C.add_priority(project, cycle.id, title=f"P{n}", findings=plain[n:n + 1])
        C.link(project, cycle.id, 1, action=acted[0])
        statements(project, cycle.id)  # the first read also loads the forms, once per project
        few = statements(project, cycle.id)
        for n in range(3, 30):
            C.add_priority(project, cycle.id, title=f"P{n}", findings=plain[n:n + 2])
        for finding in acted[1:11]:
            C.link(project, cycle.id, 5, action=finding)
        assert statements(project, cycle.id) == few


def test_the_demo_has_a_traject_in_progress_and_one_evaluated(demo_path):
    with open_project(demo_path, readonly=True) as project:
        rows = C.cycle_list(project, "Havenkwartier")
        assert [r["status"] for r in rows] == ["open", "geevalueerd"]
        running = C.cycle_view(project, rows[0]["id"])
        assert running.week == 6 and not running.overdue
        spring = C.cycle_view(project, rows[1]["id"])
        assert {o.value: n for o, n in spring.outcomes.items()} == {"bereikt": 1, "deels": 1, "niet": 1}
        # the running traject starts from what spring did not achieve, then its own
        assert [p.priority.title for p in running.priorities][:2] == [p.title for p in spring.intake]
        assert any(p.actions for p in spring.priorities) and any(p.actions for p in running.priorities)


def test_cli_traject_by_script_and_its_bad_input(demo_path, capsys):
    db = ["--db", str(demo_path)]
    code, out, err = run_main(capsys, *db, "--json", "cycles", "start", "--buurt", "Vogelbuurt", "--start",
                              "2026-11-02", "--title", "Schone Vogelbuurt")
    assert code == 0, err
    assert json.loads(out)["weeks"] == 10
    code, out, err = run_main(capsys, *db, "cycles", "priority", "add", "Schone Vogelbuurt", "Hondenpoep",
                              "--theme", "hondenpoep")
    assert code == 0 and "1. Hondenpoep" in out
    before = _rows(demo_path)
    for args, words in (
            (["cycles", "start", "--buurt", "Nergensbuurt"], "Nergensbuurt"),
            (["cycles", "start", "--buurt", "Havenkwartier"], "lopend traject"),
            (["cycles", "start", "--buurt", "Vogelbuurt", "--weeks", "0"], "minstens één week"),
            (["cycles", "priority", "add", "Schone Vogelbuurt", "X", "--aspect", "geen.aspect"], "Onbekend aspect"),
            (["cycles", "evaluate", "Schone Vogelbuurt", "--priority", "1", "--outcome", "misschien"], "misschien"),
            (["cycles", "evaluate", "Schone Vogelbuurt", "--priority", "9", "--outcome", "bereikt"], "prioriteit '9'"),
            (["cycles", "close", "Schone Vogelbuurt"], "nog geen uitkomst"),
            (["cycles", "show", "Geen traject"], "Onbekend traject")):
        code, out, err = run_main(capsys, *db, *args)
        assert code == 2, (args, out, err)
        assert words in err and len(err.strip().splitlines()) == 1, (args, err)
    code, _, err = run_main(capsys, *db, "cycles", "start", "--buurt", "Vogelbuurt", "--start", "2026-13-01")
    assert code == 2 and "JJJJ-MM-DD" in err
    assert _rows(demo_path) == before
    code, out, _ = run_main(capsys, *db, "cycles", "evaluate", "Schone Vogelbuurt", "--priority", "Hondenpoep",
                            "--outcome", "bereikt")
    assert code == 0
    pdf = demo_path.parent / "eval.pdf"
    code, out, err = run_main(capsys, *db, "cycles", "close", "Schone Vogelbuurt", "--note", "Klaar", "--pdf", str(pdf))
    assert code == 0, err
    assert "1 bereikt, 0 deels, 0 niet" in out and pdf.exists()
    code, out, _ = run_main(capsys, *db, "--lang", "en", "cycles", "list", "--buurt", "Vogelbuurt")
    assert "Schone Vogelbuurt" in out and "evaluated" in out


def test_the_evaluation_pdf_reads_back_and_renders(demo_path, tmp_path):
    from pypdf import PdfReader

    from schouw.services.cycle_report import build_cycle_report

    with open_project(demo_path, readonly=True) as project:
        spring = C.cycle_list(project, "Havenkwartier")[1]["id"]
        nl = build_cycle_report(project, spring, tmp_path / "voorjaar.pdf", today=TODAY)
        en = build_cycle_report(project, spring, tmp_path / "spring.pdf", lang="en", today=TODAY)
        with pytest.raises(SchouwError) as refused:
            build_cycle_report(project, spring, tmp_path / "geen-map" / "x.pdf")
        assert refused.value.key == "report_folder_missing"
    text = "\n".join(p.extract_text() for p in PdfReader(nl.path).pages)
    for words in ("Evaluatie traject Veilige Buurten", "Veilig Havenkwartier voorjaar 2026", "deels bereikt",
                  "niet bereikt", "Drie lampen vervangen", "Voor het volgende traject", "Drugsoverlast bij de Veerhaven",
                  "Goede opkomst"):
        assert words in " ".join(text.split()), words
    assert "Voor het volgende traject" in text and nl.pages == 1
    english = " ".join("\n".join(p.extract_text() for p in PdfReader(en.path).pages).split())
    assert "partly achieved" in english and "For the next cycle" in english
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "40", "-f", "1", "-l", "1", "-singlefile", str(nl.path),
                    str(tmp_path / "page")], check=True)
    from PIL import Image

    with Image.open(tmp_path / "page.png") as page:
        colours = page.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50  # text, the outcome colours, rules: not a blank page
