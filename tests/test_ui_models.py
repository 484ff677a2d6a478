"""The item models over the store, checked by Qt's own model tester, and the norm rule."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

pytest.register_assert_rewrite("conftest_ui")

from conftest_ui import build_project  # noqa: E402
from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtTest import QAbstractItemModelTester  # noqa: E402

from schouw.domain.levels import Level  # noqa: E402
from schouw.domain.norms import area_type_of, is_below_norm  # noqa: E402
from schouw.domain.profile import parse_profile  # noqa: E402
from schouw.services import walk  # noqa: E402
from schouw.store import open_project  # noqa: E402
from schouw.ui.models import ID_ROLE, FindingModel, StreetFilter, StreetModel, fold  # noqa: E402

pytest_plugins = ["conftest_ui"]

PROFILE = parse_profile({
    "id": "t", "name": "Test",
    "default_norm": {"centrum": "A", "woongebied": "B", "hoofdinfra": "B", "bedrijventerrein": "C",
                     "recreatie": "C"},
    "element_norms": {"bomen": {"woongebied": "A"}},
    "aspect_norms": {"asfalt.onkruid": {"woongebied": "C"}},
}, "test")


# -- the norm rule (pure) -------------------------------------------------------------------
@pytest.mark.parametrize(("element", "aspect", "level", "nvt", "area", "below"), [
    ("groen", "x", "C", False, "woongebied", True),      # C < default B
    ("groen", "x", "B", False, "woongebied", False),     # at the norm is not below
    ("groen", "x", "A+", False, "woongebied", False),
    ("groen", "x", "B", False, "centrum", True),         # centrum norm A
    ("bomen", "x", "B", False, "woongebied", True),      # element norm A
    ("asfalt", "onkruid", "C", False, "woongebied", False),  # aspect norm C beats element/default
    ("asfalt", "onkruid", "D", False, "woongebied", True),
    ("groen", "x", None, False, "woongebied", False),    # no level: never counts
    ("groen", "x", "D", True, "woongebied", False),      # n.v.t.: never counts
    ("groen", "x", Level.D, False, "woongebied", True),  # Level objects work too
])
def test_below_norm(element, aspect, level, nvt, area, below):
    assert is_below_norm(PROFILE, element, aspect, level, nvt, area) is below


def test_no_profile_and_area_override():
    assert is_below_norm(None, "groen", "x", "D", False, "woongebied") is False
    assert area_type_of("centrum", "woongebied") == "centrum"
    assert area_type_of(None, "woongebied") == "woongebied"


# -- the models -----------------------------------------------------------------------------
@pytest.fixture
def round_ctx(tmp_path, ui_data):
    path = tmp_path / "m.schouw"
    info = build_project(path)
    project = open_project(path)
    ctx = walk.load_round(project, info["round"])
    yield project, ctx, info
    project.close()


def test_street_model_counts_and_tester(qtmodeltester, qtlog, round_ctx):
    project, ctx, info = round_ctx
    model = StreetModel()
    statuses = walk.street_statuses(project, ctx)
    model.set_streets(statuses)
    qtmodeltester.check(model)
    live = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    by_name = {model.street(r).name: model.street(r) for r in range(model.rowCount())}
    # build_project: two findings (asfalt.onkruid) on each of the first four streets, levels
    # A C | C D | D B | B A against norm B (woongebied)
    assert [by_name[n].findings for n in ("Merelstraat", "Lijsterstraat", "Spreeuwenlaan", "Kievitstraat",
                                          "Reigerlaan")] == [2, 2, 2, 2, 0]
    assert [by_name[n].below_norm for n in ("Merelstraat", "Lijsterstraat", "Spreeuwenlaan",
                                            "Kievitstraat")] == [1, 2, 1, 0]
    assert by_name["Reigerlaan"].area_type == "centrum"  # its own area type beats the buurt's
    assert model.index(0, StreetModel.COL_DONE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    street_id = info["streets"]["Merelstraat"]
    row = model.row_of(street_id)
    model.update_counts(street_id, 5, 4, 3, True)
    assert model.index(row, StreetModel.COL_BELOW).data() == "3"
    assert model.index(row, StreetModel.COL_DONE).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    toggled = []
    model.doneToggled.connect(lambda sid, done: toggled.append((sid, done)))
    assert model.setData(model.index(row, StreetModel.COL_DONE), Qt.CheckState.Unchecked.value,
                         Qt.ItemDataRole.CheckStateRole)
    assert toggled == [(street_id, False)]
    extra = walk.StreetStatus("x", "Nieuwe Steeg", "", "woongebied", 99)
    model.append_street(extra)
    assert model.rowCount() == len(statuses) + 1
    assert model.index(model.rowCount() - 1, StreetModel.COL_NAME).data() == "Nieuwe Steeg"
    del live
    assert not [m for m in qtlog.records if "FAIL" in m.message]


def test_street_area_type_changes_the_norm(round_ctx):
    project, ctx, info = round_ctx
    street = info["streets"]["Reigerlaan"]  # centrum: norm A
    finding = walk.new_finding(project, ctx, street, "asfalt", "onkruid")
    walk.edit_finding(project, ctx, finding.id, {"level": "B"})
    assert walk.street_counts(project, ctx, street) == (1, 1, 1, False)
    row = walk.finding_rows(project, ctx, street)[0]
    assert row.norm == Level.A and row.below_norm


def test_street_filter(qtmodeltester, round_ctx):
    project, ctx, _info = round_ctx
    model = StreetModel()
    model.set_streets(walk.street_statuses(project, ctx))
    proxy = StreetFilter()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)

    def names():
        return [proxy.index(r, StreetModel.COL_NAME).data() for r in range(proxy.rowCount())]

    proxy.set_text("maxima")
    assert names() == ["Koningin Máximalaan"]
    proxy.set_text("GRAVENDIJK")
    assert names() == ["'s-Gravendijkwal"]
    proxy.set_text("koningin laan")  # every word must occur
    assert names() == ["Koningin Máximalaan"]
    proxy.set_text("straat")
    assert set(names()) == {"Merelstraat", "Lijsterstraat", "Kievitstraat", "Zwaluwstraat"}
    proxy.set_text("")
    assert proxy.rowCount() == model.rowCount()
    merel = model.row_of(next(s.id for s in model.streets() if s.name == "Merelstraat"))
    status = model.street(merel)
    model.update_counts(status.id, status.findings, status.judged, status.below_norm, True)
    proxy.set_hide_done(True)
    assert "Merelstraat" not in names() and proxy.rowCount() == model.rowCount() - 1
    assert fold("'s-Gravendijkwal") == "sgravendijkwal"


def test_finding_model(qtmodeltester, qtlog, round_ctx):
    project, ctx, info = round_ctx
    model = FindingModel()
    rows = walk.finding_rows(project, ctx, info["streets"]["Merelstraat"])
    model.set_rows(rows)
    qtmodeltester.check(model)
    live = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Warning)
    assert model.rowCount() == 2
    assert model.index(0, FindingModel.COL_LEVEL).data() == "A"
    assert model.index(0, FindingModel.COL_ITEM).data() == "Asfaltverharding — Onkruid"
    below = [model.index(r, 0).data(ID_ROLE) for r in range(2) if model.finding(r).below_norm]
    assert len(below) == 1
    walk.edit_finding(project, ctx, below[0], {"level": "n.v.t."})
    model.replace_row(walk.finding_row(project, ctx, below[0]))
    changed = model.finding(model.row_of(below[0]))
    assert changed.not_applicable and not changed.below_norm
    assert model.index(model.row_of(below[0]), FindingModel.COL_LEVEL).data() == "n.v.t."
    del live
    assert not [m for m in qtlog.records if "FAIL" in m.message]


def test_edit_rules_clear_what_no_longer_fits(round_ctx):
    project, ctx, info = round_ctx
    finding = walk.new_finding(project, ctx, info["streets"]["Zwaluwstraat"], "asfalt", "onkruid")
    old = walk.edit_finding(project, ctx, finding.id, {"level": "C"})
    assert old == {"level": None}
    old = walk.edit_finding(project, ctx, finding.id, {"level": "n.v.t."})
    assert old == {"level": "C", "not_applicable": False}
    # undo by putting the old values back
    walk.edit_finding(project, ctx, finding.id, old)
    stored = project.findings.get(finding.id)
    assert stored.level == Level.C and not stored.not_applicable
    from schouw.messages import SchouwError

    with pytest.raises(SchouwError):
        walk.edit_finding(project, ctx, finding.id, {"level": "E"})
    with pytest.raises(SchouwError):
        walk.edit_finding(project, ctx, finding.id, {"element": "asfalt", "aspect": "bestaat-niet"})


def test_street_counts_agree_with_the_report_scoring(round_ctx):
    """The app's 'below norm' figures are the report's: one rule, one function."""
    from schouw.domain.scoring import score_round

    project, ctx, info = round_ctx
    walk.new_finding(project, ctx, info["streets"]["Reigerlaan"], "asfalt", "onkruid")  # unjudged: left out
    statuses = walk.street_statuses(project, ctx)
    totals = walk.totals(statuses)
    score = score_round(project.findings.models(ctx.round.id), ctx.form, ctx.profile,
                        area_type=ctx.buurt.area_type, street_area_types=ctx.area_types)
    assert (totals.findings, totals.judged, totals.below_norm) == (9, score.total.with_norm, score.total.below)
    assert totals.below_norm == 4
    rows = [r for s in statuses for r in walk.finding_rows(project, ctx, s.id)]
    assert sum(r.below_norm for r in rows) == totals.below_norm
