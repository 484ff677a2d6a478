"""The demo project a coordinator is shown first must not contradict itself: the
report made from it is what people judge the product by."""

from __future__ import annotations

from collections import Counter

from schouw.domain.norms import area_type_of, is_below_norm
from schouw.store import open_project


def _rounds(project):
    return [project.rounds.get(row["id"]) for row in project.rounds.list()]


def _walks(project):
    """The knelpuntenschouw rounds: walks that record problems with remarks and actions
    (the demo's meting records a level at each of its random points and nothing else)."""
    return [r for r in _rounds(project) if r.kind == "knelpunten"]


def test_demo_has_each_participant_once_per_round(demo_path):
    with open_project(demo_path) as project:
        for round_ in _rounds(project):
            names = Counter(p.name.strip().casefold() for p in project.rounds.participants(round_.id))
            assert names, round_.title
            assert [n for n, k in names.items() if k > 1] == [], round_.title


def test_demo_remarks_are_not_repeated_within_a_round(demo_path):
    with open_project(demo_path) as project:
        for round_ in _walks(project):
            findings = project.findings.models(round_.id)
            texts = Counter(f.description.strip() for f in findings if f.description.strip())
            # remarks are given, not left out wholesale (a herschouw has only a few findings)
            assert len(texts) >= min(10, len(findings)), round_.title
            assert [t for t, k in texts.items() if k > 1] == [], round_.title


def test_demo_nvt_findings_have_no_priority_and_no_action(demo_path):
    nvt = 0
    with open_project(demo_path) as project:
        for round_ in _rounds(project):
            for f in project.findings.models(round_.id):
                if not f.not_applicable:
                    continue
                nvt += 1
                assert f.level is None
                assert f.priority == "normaal", f
                assert project.actions.for_finding(f.id) is None, f
    assert nvt  # the demo shows what n.v.t. looks like


def test_demo_findings_and_actions_fit_their_verdict(demo_path):
    """A street with findings was walked, at a house number it has; an item in order
    needs no action and is not urgent; an action exists for every choice answer that
    is not "in order"."""
    with open_project(demo_path) as project:
        for round_ in _walks(project):
            form = project.forms.get(round_.form_key)
            profile = project.forms.profile(round_.profile_id)
            done = project.rounds.done_streets(round_.id)
            last = {s.id: int(s.house_numbers.split("-")[-1]) for s in project.areas.streets(round_.buurt_id)}
            for f in project.findings.models(round_.id):
                assert f.street_id in done, (round_.title, f.street_id)
                assert 1 <= int(f.house_number.rstrip("ab")) <= last[f.street_id], f  # within the street
                _, aspect = form.find(f.element, f.aspect)
                action = project.actions.for_finding(f.id)
                if aspect.scale == "choice":
                    assert (action is None) == (f.choice == aspect.choices[0]), f
                if f.level is not None and f.level.value in ("A+", "A"):
                    assert f.priority in ("laag", "normaal"), f
                if aspect.has_level and not f.not_applicable and project.rechecks.for_finding(f.id) is None:
                    # a point below the norm goes to a party; one at or above it does not (a
                    # re-inspected point still there keeps the action of the finding it follows)
                    street = project.areas.street(f.street_id)
                    area = area_type_of(street.area_type, project.areas.buurt(round_.buurt_id).area_type)
                    below = is_below_norm(profile, f.element, f.aspect, f.level, False, area)
                    assert (action is not None) == below, f


def test_demo_herschouw_re_inspects_the_jaarschouw(demo_path):
    """The demo's third Vogelbuurt round re-inspects the second one's open points, with
    every result and some points not checked yet; a solved point's action is closed."""
    from schouw.services.rechecks import points

    with open_project(demo_path) as project:
        vogel = sorted((r for r in _walks(project) if "Vogelbuurt" in r.title), key=lambda r: r.date)
        assert [r.title for r in vogel] == ["Nulmeting Vogelbuurt", "Jaarschouw Vogelbuurt", "Herschouw Vogelbuurt"]
        carried = points(project, vogel[2].id)
        assert {project.findings.one(p["follows"]).round_id for p in carried} == {vogel[1].id}
        results = Counter(p["result"] for p in carried)
        assert set(results) == {"opgelost", "aanwezig", "erger", None}, results
        for p in carried:
            action = project.actions.for_finding(p["follows"])
            if p["result"] == "opgelost" and action is not None:
                assert action.status.is_closed
            if p["result"] in ("aanwezig", "erger"):
                assert project.findings.one(p["finding_id"]).round_id == vogel[2].id


def test_demo_meting_judges_every_aspect_at_100_random_points(demo_path):
    from schouw.services.points import list_points
    from schouw.services.scores import meting_score

    with open_project(demo_path) as project:
        meting = [r for r in _rounds(project) if r.kind == "meting"]
        assert [(r.title, r.date.isoformat(), r.points_n) for r in meting] == [
            ("Beeldkwaliteitsmeting Vogelbuurt", "2026-09-15", 100)]
        states = list_points(project, meting[0].id)
        assert len(states) == 100 and all(s.done and not s.missing for s in states)
        assert meting[0].closed_at is not None
        score = meting_score(project, meting[0].id)
        assert score.points_done == 100 and score.overall.conclusive
        assert 0.7 < score.overall.share < 0.95
        assert any(not a.share.conclusive for a in score.aspects)  # an element at few points
        assert all(f.point_id for f in project.findings.models(meting[0].id))
