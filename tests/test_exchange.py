"""Export packages and merging: round trip, two teams, incremental packages, deletions,
conflicts and flipping them, idempotent re-import. Real project files, real ZIPs."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from PIL import Image
from test_exchange_helpers import add_finding, new_project, reopen, seed_round, state, zip_members

from schouw.exchange.document import PackageDocument
from schouw.messages import SchouwError
from schouw.photos import Mask, export_copy
from schouw.services.exchange import (
    check_package,
    export_package,
    field_label,
    flip_conflict,
    import_package,
    list_conflicts,
    round_note,
    same_day_rounds,
    table_label,
)
from schouw.store.sync import SyncRepo

COMPARED = ("findings", "participants", "streets", "round_streets", "actions", "action_events", "photos",
            "rounds", "buurten", "wijken", "profiles")


def rows_of(project, round_id):
    scope = SyncRepo(project).round_scope(round_id)
    return {t: sorted(scope[t], key=lambda r: r["id"]) for t in COMPARED}


def round_score(project, round_id):
    from schouw.domain.scoring import score_round

    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    return score_round(project.findings.models(round_id), project.forms.get(round_.form_key),
                       project.forms.profile(round_.profile_id), area_type=buurt.area_type,
                       streets=[s.id for s in project.areas.streets(buurt.id)],
                       done_streets=project.rounds.done_streets(round_id))


@pytest.fixture
def coordinator(tmp_path):
    project = new_project(tmp_path / "coordinator.schouw", "dev-coordinator")
    round_id = seed_round(project)
    yield project, round_id
    project.close()


def test_round_trip_into_an_empty_project(coordinator, tmp_path):
    source, round_id = coordinator
    first = source.findings.models(round_id)[0]
    photo = source.photos.for_finding(first.id)[0]
    source.photos.set_masks(photo.id, [{"x": 0.1, "y": 0.1, "w": 0.3, "h": 0.3}], {})
    package = tmp_path / "ronde.zip"
    result = export_package(source, round_id, package)
    assert result.findings == 6 and result.photos == 6

    with new_project(tmp_path / "leeg.schouw", "dev-other") as target:
        merged = import_package(target, package)
        assert sum(merged.added.values()) > 0 and merged.conflicts == 0
        assert rows_of(target, round_id) == rows_of(source, round_id)
        assert round_score(target, round_id) == round_score(source, round_id)
        assert round_score(target, round_id).total.judged > 0
        assert target.forms.get(source.rounds.get(round_id).form_key) == source.forms.get(
            source.rounds.get(round_id).form_key)
        members = zip_members(package)
        doc = PackageDocument.model_validate_json(members["schouw.json"])
        for p in doc.photos:
            stored = target.photos.blob(p.id, "jpeg")
            master = source.photos.blob(p.id, "jpeg")
            masks = [Mask.from_dict(m) for m in p.masks]
            assert stored == members[p.file] == export_copy(master, masks)
            assert b"Exif" not in stored and b"CameraMaker" not in stored
            assert target.photos.blob(p.id, "thumb") and target.photos.blob(p.id, "report")
        masked = next(p for p in doc.photos if p.masks)
        with Image.open(io.BytesIO(members[masked.file])) as im:
            assert max(abs(a - b) for a, b in zip(im.convert("RGB").getpixel((30, 25)), (38, 38, 38), strict=True)) < 12
        from schouw.store.integrity import check_project
        assert check_project(target) == []


def test_reimporting_the_same_package_changes_nothing(coordinator, tmp_path):
    source, round_id = coordinator
    package = export_package(source, round_id, tmp_path / "p.zip").path
    with new_project(tmp_path / "c.schouw", "dev-c") as target:
        import_package(target, package)
        before = state(target)
        again = import_package(target, package)
        assert again.already_imported
        assert state(target) == before
        # a new package with the same content (another package id) changes no data either
        second = export_package(source, round_id, tmp_path / "p2.zip").path
        result = import_package(target, second)
        assert not result.already_imported and sum(result.added.values()) == 0
        assert sum(result.updated.values()) == 0 and result.conflicts == 0
        assert rows_of(target, round_id) == rows_of(source, round_id)


def test_two_teams_merge_into_the_coordinators_round(coordinator, tmp_path):
    coord, round_id = coordinator
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    packages = []
    for team, street in (("team-a", "Merelstraat"), ("team-b", "Koningin Máximalaan")):
        with new_project(tmp_path / f"{team}.schouw", team) as laptop:
            import_package(laptop, start)
            for n in range(3):
                add_finding(laptop, round_id, 100 + n, street=street, text=f"{team} {n}")
            laptop.rounds.set_street_done(round_id, laptop.areas.find_street(
                laptop.rounds.get(round_id).buurt_id, street).id, True)
            packages.append(export_package(laptop, round_id, tmp_path / f"{team}.zip").path)
    before = round_score(coord, round_id)
    for package in packages:
        result = import_package(coord, package)
        assert result.added["findings"] == 3 and result.conflicts == 0
    texts = [f.description for f in coord.findings.models(round_id)]
    assert sum(t.startswith("team-a") for t in texts) == 3 and sum(t.startswith("team-b") for t in texts) == 3
    assert len(texts) == 12
    by_street = coord.findings.count_by_street(round_id)
    names = {coord.areas.street(s).name: n for s, n in by_street.items()}
    assert names["Merelstraat"] >= 3 and names["Koningin Máximalaan"] >= 3
    assert len(coord.rounds.done_streets(round_id)) == 2
    after = round_score(coord, round_id)  # the scores now cover both teams' findings
    assert after.total.judged == before.total.judged + 6
    assert after.streets_done == 2
    from schouw.store.integrity import check_project
    assert check_project(coord) == []


def test_incremental_package_holds_only_changes_and_tombstones(coordinator, tmp_path):
    source, round_id = coordinator
    full = export_package(source, round_id, tmp_path / "full.zip").path
    findings = source.findings.models(round_id)
    source.findings.update(findings[0].id, description="Aangepast na de schouw")
    source.findings.delete(findings[1].id)
    added = add_finding(source, round_id, 50, text="Nieuw")
    delta = export_package(source, round_id, tmp_path / "delta.zip", since=str(full))
    assert delta.incremental
    doc = PackageDocument.model_validate_json(zip_members(delta.path)["schouw.json"])
    assert doc.incremental and doc.since.startswith("pakket ")
    assert {f.id for f in doc.findings} == {findings[0].id, findings[1].id, added.id}
    tomb = next(f for f in doc.findings if f.id == findings[1].id)
    assert tomb.deleted_at is not None
    assert [p.finding_id for p in doc.photos] == [added.id]
    assert len(doc.participants) == 0

    with new_project(tmp_path / "c.schouw", "dev-c") as target:
        import_package(target, full)
        result = import_package(target, delta.path)
        assert result.added["findings"] == 1 and result.updated["findings"] == 2
        assert result.deleted["findings"] == 1
        assert rows_of(target, round_id) == rows_of(source, round_id)

    # an incremental package carries its context (area, round, form, streets it uses)
    with new_project(tmp_path / "empty.schouw", "dev-e") as empty:
        import_package(empty, delta.path)
        assert {f.id for f in empty.findings.models(round_id)} == {findings[0].id, added.id}

    # --since a date
    by_date = export_package(source, round_id, tmp_path / "date.zip", since="2000-01-01")
    assert by_date.findings == 7
    later = export_package(source, round_id, tmp_path / "none.zip", since="2999-01-01")
    assert later.findings == 0


def test_deletion_travels_from_team_to_coordinator(coordinator, tmp_path):
    coord, round_id = coordinator
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    victim = coord.findings.models(round_id)[2]
    with new_project(tmp_path / "team.schouw", "team-a") as laptop:
        import_package(laptop, start)
        laptop.findings.delete(victim.id)
        back = export_package(laptop, round_id, tmp_path / "back.zip", since=str(start)).path
    result = import_package(coord, back)
    assert result.deleted["findings"] == 1 and result.conflicts == 0
    assert victim.id not in {f.id for f in coord.findings.models(round_id)}
    assert coord.findings.get(victim.id, include_deleted=True).deleted_at is not None


def test_concurrent_edits_make_a_conflict_that_can_be_flipped(coordinator, tmp_path):
    coord, round_id = coordinator
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    target = coord.findings.models(round_id)[0]
    untouched = coord.findings.models(round_id)[3]
    coord.findings.update(target.id, description="Coördinator: tegels liggen los")
    with new_project(tmp_path / "team.schouw", "team-a") as laptop:
        import_package(laptop, start)
        laptop.findings.update(target.id, description="Team: tegels liggen los bij nr. 3", level="D")
        laptop.findings.update(untouched.id, description="Alleen het team wijzigde dit")
        back = export_package(laptop, round_id, tmp_path / "back.zip").path
    result = import_package(coord, back)
    assert result.conflicts == 1  # the finding only the team changed is a plain update
    assert coord.findings.get(untouched.id).description == "Alleen het team wijzigde dit"
    assert coord.findings.get(target.id).description == "Team: tegels liggen los bij nr. 3"  # newer wins
    [conflict] = list_conflicts(coord)
    assert conflict.kind == "bevinding" and conflict.kept_side == "pakket"
    assert ("description", "Team: tegels liggen los bij nr. 3", "Coördinator: tegels liggen los") in conflict.fields

    flipped = flip_conflict(coord, conflict.id[:8])
    assert coord.findings.get(target.id).description == "Coördinator: tegels liggen los"
    assert coord.findings.get(target.id).level is None or coord.findings.get(target.id).level.value != "D"
    assert flipped.kept_side == "lokaal" and flipped.flips == 1
    assert coord.findings.get(target.id).updated_by == "dev-coordinator"
    flip_conflict(coord, conflict.id)
    assert coord.findings.get(target.id).description == "Team: tegels liggen los bij nr. 3"
    # re-importing the team's package again does not bring the conflict back twice
    import_package(coord, back)
    assert len(list_conflicts(coord)) == 1


def test_no_personal_data(coordinator, tmp_path):
    coord, round_id = coordinator
    package = export_package(coord, round_id, tmp_path / "anon.zip", personal_data=False).path
    raw = zip_members(package)
    assert b"Marieke" not in raw["schouw.json"] and b"m.deboer@example.nl" not in raw["schouw.json"]
    doc = json.loads(raw["schouw.json"])
    assert doc["personal_data"] is False
    assert {p["organisation"] for p in doc["participants"]} == {"Gemeente", "Bewonerscommissie"}
    assert all(p["name"] is None and p["email"] == "" and p["phone"] == "" for p in doc["participants"])
    with new_project(tmp_path / "m.schouw", "dev-m") as municipality:
        import_package(municipality, package)
        assert {p.name for p in municipality.rounds.participants(round_id)} == {""}
    # back into the coordinator's project: the names stay
    result = import_package(coord, package)
    assert result.conflicts == 0
    assert "Marieke de Boer" in {p.name for p in coord.rounds.participants(round_id)}


def _laptop_round(path, device, findings):
    """A laptop that imported the street list and started "its" round of the buurt by hand."""
    project = new_project(path, device)
    return project, seed_round(project, findings=findings)


def test_a_round_made_by_hand_on_another_laptop_comes_in_as_a_separate_round(tmp_path):
    """Issue #16.1: same buurt, same date, different round UUID: never merged unasked."""
    a, round_a = _laptop_round(tmp_path / "a.schouw", "team-a", 2)
    with a:
        pa = export_package(a, round_a, tmp_path / "a.zip").path
    b, round_b = _laptop_round(tmp_path / "b.schouw", "team-b", 3)
    with b:
        assert [r.id for r in same_day_rounds(b, check_package(pa))] == [round_b]
        result = import_package(b, pa)
        assert result.added["rounds"] == 1 and result.added["findings"] == 2
        assert result.added["streets"] == 0  # the street list still joins by name
        assert result.same_day_rounds == [round_b] and result.merged_into is None
        assert len(b.findings.models(round_b)) == 3 and len(b.findings.models(round_a)) == 2
        assert len(b.rounds.list()) == 2
        assert round_b[:8] in round_note(b, result) and "--merge-into" in round_note(b, result)
        before = state(b)
        assert import_package(b, pa).already_imported and state(b) == before
        # the package's round is known now: no question any more
        assert same_day_rounds(b, check_package(pa)) == []


def test_merge_into_pairs_findings_by_street_item_and_spot(tmp_path):
    """Both laptops walked the same 6 points (same street, item, number); team A also
    saw 1 more. Merging gives 7 findings, not 13, with every photo and action kept."""
    a, round_a = _laptop_round(tmp_path / "a.schouw", "team-a", 6)
    with a:
        extra = add_finding(a, round_a, 7, text="alleen team A")
        first_a = a.findings.models(round_a)[0]
        a.findings.update(first_a.id, description="team A zag meer")
        pa = export_package(a, round_a, tmp_path / "a.zip").path
        photos_a = {p.id for f in a.findings.models(round_a) for p in a.photos.for_finding(f.id)}
    b, round_b = _laptop_round(tmp_path / "b.schouw", "team-b", 6)
    with b:
        photos_b = {p.id for f in b.findings.models(round_b) for p in b.photos.for_finding(f.id)}
        result = import_package(b, pa, merge_into=round_b[:8])
        assert result.merged_into == round_b and result.paired == 6
        assert result.added["findings"] == 1 and result.added["rounds"] == 0
        findings = b.findings.models(round_b)
        assert len(findings) == 7 and len(b.rounds.list()) == 1
        assert extra.id in {f.id for f in findings}
        photos = {p.id for f in findings for p in b.photos.for_finding(f.id)}
        assert photos == photos_a | photos_b  # every photo, on the paired finding
        actions = [b.actions.for_finding(f.id) for f in findings]
        assert sum(a is not None for a in actions) == 3  # levels C and D (n = 2, 3, 7)
        live_actions = b.conn.execute("SELECT COUNT(*) FROM actions WHERE deleted_at IS NULL").fetchone()[0]
        assert live_actions == 3  # one action per paired finding, not one from each laptop
        # the edit of team A is a conflict with team B's version, labelled in words
        assert all(c.kind == "bevinding" for c in list_conflicts(b, round_b))
        assert all(label != name for c in list_conflicts(b, round_b) for name, _, _ in c.fields
                   for label in [field_label(name)])
        from schouw.store.integrity import check_project
        assert check_project(b) == []
        # idempotent: the same package, or a new one with the same content, changes nothing
        before = state(b)
        assert import_package(b, pa).already_imported and state(b) == before
    with reopen(tmp_path / "a.schouw", "team-a") as a:
        again = export_package(a, round_a, tmp_path / "a2.zip").path
    with reopen(tmp_path / "b.schouw", "team-b") as b:
        before_rows = rows_of(b, round_b)
        result = import_package(b, again)  # remembered: no --merge-into needed
        assert result.merged_into == round_b and sum(result.added.values()) == 0
        assert sum(result.updated.values()) == 0
        assert rows_of(b, round_b) == before_rows and len(b.rounds.list()) == 1


def test_merge_into_refuses_a_round_of_another_day(tmp_path):
    a, round_a = _laptop_round(tmp_path / "a.schouw", "team-a", 1)
    with a:
        pa = export_package(a, round_a, tmp_path / "a.zip").path
    with new_project(tmp_path / "b.schouw", "team-b") as b:
        other = seed_round(b, findings=1)
        b.conn.execute("UPDATE rounds SET date = '2026-10-14' WHERE id = ?", (other,))
        before = state(b)
        with pytest.raises(SchouwError) as error:
            import_package(b, pa, merge_into=other)
        assert error.value.key == "merge_into_mismatch" and state(b) == before


def test_identical_profile_made_on_two_laptops_is_no_conflict(tmp_path):
    """The same profile content with another created_at (each laptop made it itself)."""
    a, round_a = _laptop_round(tmp_path / "a.schouw", "team-a", 1)
    with a:
        profile_id = a.rounds.get(round_a).profile_id
        a.conn.execute("UPDATE profiles SET created_at = '2026-01-01T00:00:00.000Z', "
                       "updated_at = '2026-01-01T00:00:00.000Z', updated_by = 'team-a' WHERE id = ?", (profile_id,))
        pa = export_package(a, round_a, tmp_path / "a.zip").path
    b, round_b = _laptop_round(tmp_path / "b.schouw", "team-b", 1)
    with b:
        assert b.rounds.get(round_b).profile_id == profile_id
        b.conn.execute("UPDATE profiles SET created_at = '2026-02-02T00:00:00.000Z', "
                       "updated_at = '2026-02-02T00:00:00.000Z', updated_by = 'team-b' WHERE id = ?", (profile_id,))
        result = import_package(b, pa)
        assert result.conflicts == 0 and list_conflicts(b) == []


def test_a_team_package_with_the_profile_as_it_was_is_no_conflict(tmp_path):
    """The coordinator raised a norm after the team left with a copy of the project: the
    team's package carries the profile as it was then. The coordinator's newer norm
    simply stays; only a profile the team changed too is a conflict to review."""
    import shutil

    from schouw.services.profiles import set_norm

    coordinator, round_id = _laptop_round(tmp_path / "coord.schouw", "coordinator", 2)
    coordinator.close()
    shutil.copyfile(tmp_path / "coord.schouw", tmp_path / "team.schouw")
    with reopen(tmp_path / "coord.schouw", "coordinator") as coord:
        assert set_norm(coord, scope="default", level="A", area_types=["woongebied"])  # raised from B
        profile_id = coord.rounds.get(round_id).profile_id
    with reopen(tmp_path / "team.schouw", "team-1") as team:
        add_finding(team, round_id, 7)
        package = export_package(team, round_id, tmp_path / "team.zip").path
    with reopen(tmp_path / "coord.schouw", "coordinator") as coord:
        result = import_package(coord, package)
        assert result.conflicts == 0 and list_conflicts(coord) == []
        assert coord.forms.profile(profile_id).default_norm["woongebied"].value == "A"
    # the team changes a norm of its own: that one waits for the coordinator
    with reopen(tmp_path / "team.schouw", "team-1") as team:
        assert set_norm(team, scope="default", level="B", area_types=["bedrijventerrein"])  # from C
        package = export_package(team, round_id, tmp_path / "team-2.zip").path
    with reopen(tmp_path / "coord.schouw", "coordinator") as coord:
        result = import_package(coord, package)
        assert [c.table for c in list_conflicts(coord)] == ["profiles"]
        kept = coord.forms.profile(profile_id)
        assert (kept.default_norm["woongebied"].value, kept.default_norm["bedrijventerrein"].value) == ("A", "C")


def test_a_different_profile_is_one_conflict_not_one_per_package(tmp_path):
    """Two laptops that made their projects apart, and the coordinator raised a norm: the
    team's profile differs, which is a conflict to review once, not again with every
    later package that carries the same version of it."""
    from schouw.services.profiles import set_norm

    a, round_a = _laptop_round(tmp_path / "team.schouw", "team-a", 1)
    with a:
        first = export_package(a, round_a, tmp_path / "a1.zip").path
        add_finding(a, round_a, 5)
        second = export_package(a, round_a, tmp_path / "a2.zip").path
    b, _round_b = _laptop_round(tmp_path / "coord.schouw", "coordinator", 1)
    with b:
        assert set_norm(b, scope="default", level="A", area_types=["woongebied"])  # raised from B
        import_package(b, first)
        assert [c.table for c in list_conflicts(b)] == ["profiles"]
        result = import_package(b, second)
        assert result.conflicts == 0
        assert [c.table for c in list_conflicts(b)] == ["profiles"]


def test_every_conflict_label_is_in_the_users_language(tmp_path):
    from schouw.exchange.merge import CONFLICT_TABLES
    from schouw.messages import CATALOGUE

    with new_project(tmp_path / "x.schouw", "dev") as project:
        sync = SyncRepo(project)
        columns = {c for t in CONFLICT_TABLES for c in sync.columns(t)}
    for column in columns:
        texts = CATALOGUE.get(f"field_{column}")
        assert texts and texts["nl"] and texts["en"], column
    assert field_label("description", "en") == "description" and field_label("description", "nl") == "omschrijving"
    assert field_label("created_at", "nl") == "aangemaakt"
    assert table_label("findings", "en") == "finding" and table_label("findings", "nl") == "bevinding"


def test_check_package_needs_no_project(coordinator, tmp_path):
    source, round_id = coordinator
    package = export_package(source, round_id, tmp_path / "p.zip").path
    checked = check_package(package)
    assert checked.document.round.id == round_id
    with zipfile.ZipFile(package) as zf:
        names = zf.namelist()
    assert names[-1] == "manifest.json"
    assert {"schouw.json", "schouw.schema.json", "bevindingen.csv", "bevindingen.geojson"} <= set(names)
    with zipfile.ZipFile(package) as zf:
        for info in zf.infolist():
            expected = zipfile.ZIP_STORED if info.filename.endswith(".jpg") else zipfile.ZIP_DEFLATED
            assert info.compress_type == expected, info.filename


def test_cancelled_or_failed_export_leaves_no_file(coordinator, tmp_path):
    from schouw.messages import SchouwError

    source, round_id = coordinator
    out = tmp_path / "x.zip"
    with pytest.raises(SchouwError) as err:
        export_package(source, round_id, out, progress=lambda done, total, stage: done < 3)
    assert err.value.key == "cancelled"
    assert not out.exists() and not (tmp_path / "x.zip.part").exists()
    photo = source.photos.for_finding(source.findings.models(round_id)[1].id)[0]
    source.photos.update(photo.id, masks=json.dumps([{"x": 0.1, "y": 0.1, "w": 0, "h": 0.2}]))
    with pytest.raises(SchouwError) as err:
        export_package(source, round_id, out)
    assert err.value.key == "export_photo_failed"  # never an unmasked copy
    assert not out.exists() and not (tmp_path / "x.zip.part").exists()


def test_since_a_package_also_carries_what_arrived_from_other_teams(coordinator, tmp_path):
    """Rows merged in after the earlier package have older stamps than that package;
    --since PACKAGE must still carry them (it compares per device, not by clock)."""
    coord, round_id = coordinator
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    with new_project(tmp_path / "team.schouw", "team-a") as laptop:
        import_package(laptop, start)
        early = add_finding(laptop, round_id, 70, text="Team, vroeg gevonden")
        back = export_package(laptop, round_id, tmp_path / "back.zip").path
    to_municipality = export_package(coord, round_id, tmp_path / "gemeente-1.zip").path
    import_package(coord, back)  # the team's finding is older than gemeente-1.zip
    delta = export_package(coord, round_id, tmp_path / "gemeente-2.zip", since=str(to_municipality))
    doc = PackageDocument.model_validate_json(zip_members(delta.path)["schouw.json"])
    assert [f.id for f in doc.findings] == [early.id]
    assert early.updated_at < json.loads(zip_members(to_municipality)["manifest.json"])["created_at"]


def test_conflicts_on_the_command_line(coordinator, tmp_path):
    """`schouw conflicts list` names the street and the item as the form does and the
    differing fields in Dutch; `flip` by a short id puts the other version back."""
    import json as _json

    from conftest import run_cli

    coord, round_id = coordinator
    start = export_package(coord, round_id, tmp_path / "start.zip").path
    target = coord.findings.models(round_id)[0]
    coord.findings.update(target.id, description="Coördinator: los")
    with new_project(tmp_path / "team.schouw", "team-a") as laptop:
        import_package(laptop, start)
        laptop.findings.update(target.id, description="Team: los bij nr. 3", level="D")
        back = export_package(laptop, round_id, tmp_path / "back.zip").path
    import_package(coord, back)
    form = coord.forms.get(coord.rounds.get(round_id).form_key)
    element, aspect = form.find(target.element, target.aspect)
    db = str(coord.path)
    coord.close()

    listed = run_cli("--db", db, "conflicts", "list", check=True).stdout
    assert f"{element.name} — {aspect.name}" in listed
    assert "omschrijving: Team: los bij nr. 3 (bewaard) / Coördinator: los (opzij)" in listed
    assert "niveau: D (bewaard)" in listed
    [view] = _json.loads(run_cli("--db", db, "--json", "conflicts", "list", check=True).stdout)
    assert {"field": "description", "label": "omschrijving", "kept": "Team: los bij nr. 3",
            "other": "Coördinator: los"} in view["fields"]
    english = run_cli("--db", db, "--lang", "en", "conflicts", "list", check=True).stdout
    assert "description: Team: los bij nr. 3 (kept) / Coördinator: los (set aside)" in english
    assert " finding " in english and "kept from " in english and "level: D (kept)" in english
    [flipped] = _json.loads(run_cli("--db", db, "--json", "conflicts", "flip", view["id"][:8], check=True).stdout)
    assert flipped["flips"] == 1 and flipped["kept_side"] == "lokaal"
    unknown = run_cli("--db", db, "conflicts", "flip", "ffffffff")
    assert unknown.returncode != 0 and unknown.stderr.strip() and "Traceback" not in unknown.stderr
    with reopen(tmp_path / "coordinator.schouw", "dev-coordinator") as again:
        assert again.findings.get(target.id).description == "Coördinator: los"


def test_import_on_the_command_line_tells_of_a_same_day_round_and_merges_on_request(tmp_path):
    """`schouw import` brings a hand-made round of the same buurt and date in beside the
    local one and says so; `--merge-into ID` merges it, pairing the findings."""
    import json as _json

    from conftest import run_cli

    a, round_a = _laptop_round(tmp_path / "a.schouw", "team-a", 3)
    with a:
        package = str(export_package(a, round_a, tmp_path / "a.zip").path)
    for name in ("b", "c"):
        project, _ = _laptop_round(tmp_path / f"{name}.schouw", f"team-{name}", 3)
        project.close()
    with reopen(tmp_path / "b.schouw", "team-b") as b:
        round_b = b.rounds.list()[0]["id"]
    told = run_cli("--db", str(tmp_path / "b.schouw"), "import", package, check=True).stdout
    assert "als aparte ronde" in told and f"--merge-into {round_b[:8]}" in told
    with reopen(tmp_path / "b.schouw", "team-b") as b:
        assert len(b.rounds.list()) == 2

    with reopen(tmp_path / "c.schouw", "team-c") as c:
        round_c = c.rounds.list()[0]["id"]
    wrong = run_cli("--db", str(tmp_path / "c.schouw"), "import", package, "--merge-into", "ffffffff")
    assert wrong.returncode == 2 and "niets veranderd" in wrong.stderr and "Traceback" not in wrong.stderr
    merged = _json.loads(run_cli("--db", str(tmp_path / "c.schouw"), "--json", "import", package,
                                 "--merge-into", round_c[:8], check=True).stdout)
    assert merged["merged_into"] == round_c and merged["paired"] == 3 and merged["added"].get("findings", 0) == 0
    with reopen(tmp_path / "c.schouw", "team-c") as c:
        assert len(c.rounds.list()) == 1 and len(c.findings.models(round_c)) == 3
