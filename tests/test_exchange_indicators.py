"""Policy indicators travel in export packages: a round's package carries the
indicators of its area (the whole project, its wijk, its buurt) with their values;
imported elsewhere they are the same indicators (same ids, same verdicts), a second
import changes nothing, and an edit on either side merges back by id."""

from __future__ import annotations

import json
import zipfile

import pytest
from test_exchange_helpers import new_project, reopen, seed_round

from schouw.domain.models import Buurt
from schouw.exchange.checks import PackageRefused
from schouw.services import indicators as S
from schouw.services.exchange import export_package, import_package
from schouw.store.sync import SyncRepo


def _rows(project) -> dict[str, list]:
    return {t: project.conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall()
            for t in ("indicators", "indicator_values")}


def _verdicts(project) -> list[tuple]:
    return [(r.indicator.id, r.indicator.name, r.area_name, r.indicator.target_value,
             [(v.year, v.value, v.source) for v in r.values], r.status.on_course, r.status.target_met)
            for r in S.overview(project)]


@pytest.fixture
def coordinator(tmp_path):
    """A project with one indicator per kind of area, one of another buurt (which a
    package of this round must not carry) and values by hand."""
    path = tmp_path / "coordinator.schouw"
    project = new_project(path, "laptop-a")
    round_id = seed_round(project, findings=2, photos_per=0)
    wijk = project.areas.wijken()[0]
    project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Elders"))
    S.add_indicator(project, name="Onveilig", baseline=19, baseline_year=2008, target=15, target_year=2014,
                    direction="down", unit="%", baseline_source="Veiligheidsmonitor")
    S.add_indicator(project, name="Schoon wijk", baseline=60, baseline_year=2024, target=90, target_year=2028,
                    unit="%", area="wijk:Vogelwijk", aspect_group="schoon")
    S.add_indicator(project, name="Meldingen", baseline=40, baseline_year=2024, target=20, target_year=2027,
                    direction="down", unit="per 1.000", area="buurt:Vogelbuurt")
    S.add_indicator(project, name="Elders heel", baseline=70, baseline_year=2024, target=85, target_year=2027,
                    area="buurt:Elders")
    S.set_value(project, "Onveilig", year=2011, value=16.5, source="VM 2011")
    S.set_value(project, "Meldingen", year=2025, value=35, source="MOR-meldingen")
    S.set_value(project, "Elders heel", year=2025, value=72, source="eigen telling")
    yield path, project, round_id
    project.close()


def test_a_package_carries_the_indicators_of_its_area_and_they_arrive_whole(coordinator, tmp_path):
    path, project, round_id = coordinator
    package = export_package(project, round_id, tmp_path / "p.zip").path
    with zipfile.ZipFile(package) as zf:
        doc = json.loads(zf.read("schouw.json"))
    assert sorted(i["name"] for i in doc["indicators"]) == ["Meldingen", "Onveilig", "Schoon wijk"]
    assert sorted(v["source"] for v in doc["indicator_values"]) == ["MOR-meldingen", "VM 2011"]
    expected = [v for v in _verdicts(project) if v[1] != "Elders heel"]

    other = new_project(tmp_path / "other.schouw", "laptop-b")
    result = import_package(other, package)
    assert result.added["indicators"] == 3 and result.added["indicator_values"] == 2
    assert _verdicts(other) == expected  # same ids, areas, values and verdicts
    before = _rows(other)
    assert import_package(other, package).already_imported
    again = import_package(other, export_package(project, round_id, tmp_path / "p2.zip").path)
    assert sum(again.added.values()) == 0 and sum(again.updated.values()) == 0
    assert _rows(other) == before  # a second import changes nothing
    other.close()


def test_an_edit_on_either_side_merges_by_id(coordinator, tmp_path):
    path, project, round_id = coordinator
    to_b = export_package(project, round_id, tmp_path / "to-b.zip").path
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    import_package(b, to_b)
    S.update_indicator(b, "Onveilig", target=14.0)          # laptop B changes a streefwaarde
    S.set_value(b, "Meldingen", year=2026, value=30, source="MOR 2026")  # and measures a year
    S.set_value(b, "Onveilig", year=2011, value=17.5, source="VM 2011 herzien")  # and corrects a year
    back = export_package(b, round_id, tmp_path / "back.zip", since=str(to_b)).path
    with zipfile.ZipFile(back) as zf:
        doc = json.loads(zf.read("schouw.json"))
    assert [i["name"] for i in doc["indicators"]] == ["Onveilig"]  # only what changed travels
    b_verdicts = _verdicts(b)
    b.close()

    result = import_package(project, back)
    assert result.updated["indicators"] == 1 and result.updated["indicator_values"] == 1
    assert result.added["indicator_values"] == 1 and result.conflicts == 0
    assert [v for v in _verdicts(project) if v[1] != "Elders heel"] == b_verdicts
    assert project.conn.execute("SELECT COUNT(*) FROM indicator_values WHERE deleted_at IS NULL "
                                "AND year = 2011").fetchone()[0] == 1  # one figure per year still

    S.delete_indicator(project, "Meldingen")  # and a deletion travels back the other way
    to_b2 = export_package(project, round_id, tmp_path / "to-b2.zip").path
    b = reopen(tmp_path / "b.schouw", "laptop-b")
    import_package(b, to_b2)
    assert "Meldingen" not in [r.indicator.name for r in S.overview(b)]
    assert b.conn.execute("SELECT COUNT(*) FROM indicator_values v JOIN indicators i ON i.id = v.indicator_id "
                          "WHERE i.name = 'Meldingen' AND v.deleted_at IS NULL").fetchone()[0] == 0
    b.close()


def test_the_same_indicator_defined_on_two_laptops_becomes_one(coordinator, tmp_path):
    """Names are unique in a project: an indicator of the same name from elsewhere is
    the same indicator (matched like a street of the same name), and its values follow."""
    path, project, round_id = coordinator
    package = export_package(project, round_id, tmp_path / "p.zip").path
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    seed_round(b, findings=0, photos_per=0)
    S.add_indicator(b, name="onveilig", baseline=19, baseline_year=2008, target=15, target_year=2014,
                    direction="down", unit="%")
    S.set_value(b, "onveilig", year=2011, value=18, source="eigen")
    import_package(b, package)
    names = [r.indicator.name for r in S.overview(b)]
    assert sorted(n.lower() for n in names) == ["meldingen", "onveilig", "schoon wijk"]
    row = S.show(b, "Onveilig")
    assert len([v for v in row.values if v.year == 2011]) == 1
    b.close()


def test_a_value_computed_from_another_round_keeps_its_round(tmp_path):
    """A value from a meting names that meting; a package of another round of the buurt
    carries the value without the meting and is not refused for it."""
    from test_meting import _judge_all

    from schouw.services.rounds import create_round

    project = new_project(tmp_path / "a.schouw", "laptop-a")
    knelpunten = seed_round(project, findings=1, photos_per=0)
    meting = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-11-02", kind="meting", points=30, seed=7)
    _judge_all(project, meting)
    S.add_indicator(project, name="Schoon", baseline=60, baseline_year=2025, target=90, target_year=2028,
                    unit="%", area="Vogelbuurt", aspect_group="schoon")
    computed, _ = S.value_from_round(project, "Schoon", meting.id)
    package = export_package(project, knelpunten, tmp_path / "k.zip").path
    project.close()
    other = new_project(tmp_path / "o.schouw", "laptop-b")
    import_package(other, package)
    [value] = other.indicators.values()
    assert (value.round_id, value.value, value.year) == (meting.id, computed.value, 2026)
    other.close()


def test_an_indicator_pointing_at_an_area_nowhere_is_refused(coordinator, tmp_path):
    from test_exchange_helpers import rebuild, set_document

    path, project, round_id = coordinator
    package = export_package(project, round_id, tmp_path / "p.zip").path

    def elsewhere(doc: dict) -> None:
        doc["indicators"][0].update(area_kind="buurt", area_id="nergens")

    broken = rebuild(package, tmp_path / "broken.zip", lambda members, _: set_document(members, elsewhere))
    other = new_project(tmp_path / "o.schouw", "laptop-b")
    before = SyncRepo(other).counts()
    with pytest.raises(PackageRefused) as caught:
        import_package(other, broken)
    assert "indicator" in str(caught.value) and "nergens" in str(caught.value)
    assert SyncRepo(other).counts() == before
    other.close()


def test_a_changed_indicator_of_the_area_moves_the_rounds_fingerprint(coordinator):
    """A shared-folder package is rewritten only when the round's fingerprint moves; the
    package now carries the area's indicators, so their changes move it (and an
    indicator of another buurt does not)."""
    from schouw.store.outbox import OutboxRepo

    path, project, round_id = coordinator
    repo = OutboxRepo(project)
    old = "2020-01-01T00:00:00.000Z"

    def backdate() -> None:  # every stamp long ago, so "now" always moves the fingerprint
        for table in ("rounds", "findings", "actions", "photos", "participants", "round_streets",
                      "indicators", "indicator_values"):
            project.conn.execute(f"UPDATE {table} SET updated_at = ?", (old,))

    backdate()
    assert repo.round_fingerprint(round_id) == old
    S.set_value(project, "Elders heel", year=2026, value=80, source="telling")  # another buurt
    assert repo.round_fingerprint(round_id) == old
    for change in (lambda: S.set_value(project, "Meldingen", year=2026, value=30)[0],       # its buurt
                   lambda: S.update_indicator(project, "Schoon wijk", target=95.0)[0],      # its wijk
                   lambda: S.update_indicator(project, "Onveilig", unit="procent")[0]):     # the project
        backdate()
        row = change()
        assert repo.round_fingerprint(round_id) == row.updated_at > old


def test_both_sides_editing_one_indicator_leaves_a_conflict_to_review(coordinator, tmp_path):
    from schouw.services.exchange import flip_conflict, list_conflicts

    path, project, round_id = coordinator
    to_b = export_package(project, round_id, tmp_path / "to-b.zip").path
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    import_package(b, to_b)
    S.update_indicator(project, "Onveilig", target=14.0)   # the coordinator...
    S.update_indicator(b, "Onveilig", target=13.0)         # ...and laptop B, later
    back = export_package(b, round_id, tmp_path / "back.zip", since=str(to_b)).path
    b.close()
    result = import_package(project, back)
    assert result.conflicts == 1
    [conflict] = list_conflicts(project)
    assert (conflict.table, conflict.kind, conflict.what) == ("indicators", "indicator", "Onveilig")
    assert ("target_value", 13.0, 14.0) in conflict.fields
    assert S.show(project, "Onveilig").indicator.target_value == 13.0  # the newer wins...
    flip_conflict(project, conflict.id)
    assert S.show(project, "Onveilig").indicator.target_value == 14.0  # ...and can be flipped
