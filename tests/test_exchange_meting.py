"""A meting travels in export packages: the round's kind, points and seed, its
schouwpunten and the findings' point ids; imported elsewhere it yields the same points
and the same score, and a second laptop's judgements merge into the coordinator's."""

from __future__ import annotations

import json
import zipfile

from test_exchange_helpers import new_project, reopen, seed_round

from schouw.domain.models import RoundKind
from schouw.services import points as P
from schouw.services.exchange import export_package, import_package
from schouw.services.rounds import create_round
from schouw.services.scores import meting_score


def _meting(tmp_path):
    path = tmp_path / "coordinator.schouw"
    project = new_project(path, "laptop-a")
    seed_round(project, photos_per=0)
    round_ = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-11-02", kind="meting", points=8, seed=99)
    levels = ["A", "B", "C", "D", "n.v.t.", "A+"]
    form = project.forms.get(round_.form_key)
    for point in P.list_points(project, round_.id)[:5]:
        for i, (element, aspect) in enumerate(P.required_items(form)):
            P.record_at_point(project, point.id, f"{element}.{aspect}", level=levels[(point.n + i) % 6])
        P.finish_point(project, point.id)
    return path, project, round_


def _points(project, round_id):
    return [(p.n, p.street_id, p.stretch, p.lat, p.lon, p.done_at is not None)
            for p in project.points.list(round_id)]


def test_a_meting_package_imported_elsewhere_gives_the_same_points_and_score(tmp_path):
    path, project, round_ = _meting(tmp_path)
    package = tmp_path / "meting.zip"
    export_package(project, round_.id, package)
    expected_points = _points(project, round_.id)
    expected_score = meting_score(project, round_.id)
    project.close()
    with zipfile.ZipFile(package) as zf:
        doc = json.loads(zf.read("schouw.json"))
    assert doc["round"]["kind"] == "meting" and doc["round"]["points_n"] == 8 and doc["round"]["seed"] == 99
    assert len(doc["schouwpunten"]) == 8
    assert sum(1 for f in doc["findings"] if f["point_id"]) == 5 * 12

    other = new_project(tmp_path / "other.schouw", "laptop-b")
    result = import_package(other, package)
    assert result.added["schouwpunten"] == 8
    again = other.rounds.get(round_.id)
    assert (again.kind, again.points_n, again.seed) == (RoundKind.METING, 8, 99)
    assert _points(other, round_.id) == expected_points
    assert meting_score(other, round_.id) == expected_score
    assert import_package(other, package).already_imported  # twice changes nothing
    assert len(other.points.list(round_.id)) == 8
    other.close()


def test_judgements_from_a_second_laptop_merge_back(tmp_path):
    path, project, round_ = _meting(tmp_path)
    to_b = tmp_path / "to-b.zip"
    export_package(project, round_.id, to_b)
    project.close()
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    import_package(b, to_b)
    form = b.forms.get(round_.form_key)
    for point in P.list_points(b, round_.id)[5:]:  # laptop B judges the last three points
        for element, aspect in P.required_items(form):
            P.record_at_point(b, point.id, f"{element}.{aspect}", level="B")
        P.finish_point(b, point.id)
    back = tmp_path / "back.zip"
    export_package(b, round_.id, back, since=str(to_b))
    b_score = meting_score(b, round_.id)
    b.close()
    a = reopen(path, "laptop-a")
    result = import_package(a, back)
    assert result.updated["schouwpunten"] == 3 and result.conflicts == 0
    assert all(p.done for p in P.list_points(a, round_.id))
    assert meting_score(a, round_.id) == b_score
    P.close_round(a, round_.id)
    a.close()


def test_the_xlsx_of_a_meting_has_its_score_sheet_and_a_knelpuntenschouw_none(tmp_path):
    import io

    import pytest

    openpyxl = pytest.importorskip("openpyxl")
    path, project, round_ = _meting(tmp_path)
    score = meting_score(project, round_.id)
    export_package(project, round_.id, tmp_path / "m.zip", xlsx=True)
    knelpunten = next(r["id"] for r in project.rounds.list() if r["kind"] == "knelpunten")
    export_package(project, knelpunten, tmp_path / "k.zip", xlsx=True)
    project.close()
    with zipfile.ZipFile(tmp_path / "m.zip") as zf:
        wb = openpyxl.load_workbook(io.BytesIO(zf.read("bevindingen.xlsx")), read_only=True)
    assert wb.sheetnames == ["Bevindingen", "Actiepunten", "Meting"]
    rows = list(wb["Meting"].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert "Aandeel op of boven norm" in header and "95%-interval van" in header
    col = {name: n for n, name in enumerate(header)}
    total = body[-1]
    assert total[col["Groep"]] == "totaal" and total[col["Aantal oordelen (n)"]] == score.overall.n
    assert total[col["Aandeel op of boven norm"]] == pytest.approx(score.overall.share)
    assert total[col["95%-interval van"]] == pytest.approx(score.overall.low)
    assert len(body) == len(score.aspects) + 3
    with zipfile.ZipFile(tmp_path / "k.zip") as zf:
        wb = openpyxl.load_workbook(io.BytesIO(zf.read("bevindingen.xlsx")), read_only=True)
    assert wb.sheetnames == ["Bevindingen", "Actiepunten"]  # a knelpuntenschouw: no share
