"""Veilige Buurten trajecten travel in export packages: every package of a buurt's round
carries the buurt's trajecten with their priorities and links; imported on another laptop
they read the same (week, priorities, outcomes, linked actions), a second import changes
nothing, and a priority evaluated on one laptop merges back by id."""

from __future__ import annotations

import json
import zipfile

from test_exchange_helpers import new_project

from schouw.services import cycles as C
from schouw.services.changes import Changes
from schouw.services.exchange import export_package, import_package
from schouw.store import open_project

TABLES = ("cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions")


def _rows(project) -> dict[str, list]:
    return {t: project.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}


def _shown(project) -> list:
    out = []
    for row in C.cycle_list(project, "Havenkwartier"):
        view = C.cycle_view(project, row["id"])
        out.append((row["title"], row["status"], view.week,
                    [(p.priority.rank, p.priority.title, p.priority.kind.value, p.subject,
                      p.priority.outcome.value if p.priority.outcome else None, sorted(p.priority.finding_ids),
                      sorted(a.action_id for a in p.actions)) for p in view.priorities]))
    return out


def test_the_trajecten_of_a_buurt_arrive_whole_and_only_once(demo_path, tmp_path):
    with open_project(demo_path) as project:
        havens = [r for r in project.rounds.list() if r["buurt"] == "Havenkwartier"]
        haven = havens[0]
        package = export_package(project, haven["id"], tmp_path / "haven.zip").path
        # the trajecten link findings of the buurt's other rounds too: they come in their own packages
        others = [export_package(project, r["id"], tmp_path / f"haven-{n}.zip").path
                  for n, r in enumerate(havens[1:])]
        vogel = next(r for r in project.rounds.list() if r["buurt"] == "Vogelbuurt")
        vogel_package = export_package(project, vogel["id"], tmp_path / "vogel.zip").path
        expected = _shown(project)
    with zipfile.ZipFile(package) as zf:
        doc = json.loads(zf.read("schouw.json"))
    assert len(doc["cycles"]) == 2 and len(doc["cycle_priorities"]) >= 7
    assert doc["cycle_actions"] and doc["cycle_priority_findings"]
    with zipfile.ZipFile(vogel_package) as zf:
        assert json.loads(zf.read("schouw.json"))["cycles"] == []  # another buurt's package carries none

    other = new_project(tmp_path / "other.schouw", "laptop-b")
    result = import_package(other, package)
    assert result.added["cycles"] == 2
    assert Changes.of_merge(result).cycles
    for more in others:
        assert sum(import_package(other, more).added.get(t, 0) for t in TABLES) == 0  # each traject once
    assert _shown(other) == expected
    before = _rows(other)
    assert import_package(other, package).already_imported
    other.close()
    with open_project(demo_path) as project:
        again = export_package(project, haven["id"], tmp_path / "haven2.zip").path
    other = open_project(tmp_path / "other.schouw", device_id="laptop-b")
    result = import_package(other, again)
    assert sum(result.added.values()) == 0 and sum(result.updated.values()) == 0
    assert _rows(other) == before
    other.close()


def test_an_outcome_set_on_the_other_laptop_merges_back(demo_path, tmp_path):
    with open_project(demo_path) as project:
        haven = next(r for r in project.rounds.list() if r["buurt"] == "Havenkwartier")
        to_b = export_package(project, haven["id"], tmp_path / "to-b.zip").path
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    import_package(b, to_b)
    running = C.cycle_list(b, "Havenkwartier")[0]["id"]
    C.evaluate(b, running, 2, "deels", "Minder overlast\nna cameratoezicht")
    C.add_priority(b, running, title="Graffiti bij de school", theme="graffiti")
    back = export_package(b, haven["id"], tmp_path / "back.zip").path
    b.close()
    with open_project(demo_path) as project:
        result = import_package(project, back)
        assert result.updated["cycle_priorities"] == 1 and result.added["cycle_priorities"] == 1
        view = C.cycle_view(project, running)
        second = view.priorities[1].priority
        assert (second.outcome.value, second.outcome_note) == ("deels", "Minder overlast\nna cameratoezicht")
        assert view.priorities[-1].priority.title == "Graffiti bij de school"
