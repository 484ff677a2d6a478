"""DOMAIN.md: a below-norm judgement at a schouwpunt reaches the responsible party like
any finding. A meting's judgements are findings (with the point's id), so the action
flow of the walk holds for them unchanged: an actiepunt for a party, the action list of
the round, the MOR profile's rule that queues below-norm findings for the municipality
(and takes its row out again when the level goes back to the norm), and the herschouw,
which deliberately does not re-inspect a meting's random points in a knelpuntenschouw."""

from __future__ import annotations

from datetime import date

import pytest

from schouw.exchange.mor.profile import Selection, SyncProfile
from schouw.services import points as P
from schouw.services import sync as sync_service
from schouw.services import walk
from schouw.services.actions import list_actions
from schouw.services.rounds import create_round
from schouw.store.outbox import OutboxRepo
from tests.test_exchange_helpers import new_project, seed_round


@pytest.fixture
def meting(tmp_path):
    project = new_project(tmp_path / "a.schouw", "laptop-a")
    seed_round(project, photos_per=0)
    round_ = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                          when="2026-11-02", kind="meting", points=5, seed=3)
    yield project, round_
    project.close()


def _profile(parties: list[str]) -> SyncProfile:
    return SyncProfile(name="test", kind="open311", base_url="https://meldingen.example.org/open311",
                       selection=Selection(below_norm=True, parties=parties))


def _first(project, round_):
    point = P.list_points(project, round_.id)[0]
    element, aspect = P.required_items(project.forms.get(round_.form_key))[0]
    return point, f"{element}.{aspect}"


def test_an_action_on_a_meting_finding_is_in_the_round_s_action_list(meting):
    project, round_ = meting
    point, item = _first(project, round_)
    finding, _ = P.record_at_point(project, point.id, item, level="D")
    walk.set_action(project, finding.id, wanted=True, party="Gemeente", due=date(2026, 12, 1))
    rows = list_actions(project, round_id=round_.id)
    assert [(r.finding_id, r.party, r.street) for r in rows] == [(finding.id, "Gemeente", point.street)]
    assert list_actions(project, party="gemeente", round_id=round_.id)[0].item == item


def test_the_mor_rule_queues_a_below_norm_meting_judgement_and_withdraws_it_at_norm(meting):
    project, round_ = meting
    point, item = _first(project, round_)
    profile = _profile([])  # every below-norm finding, action or not
    at_norm, _ = P.record_at_point(project, point.id, item, level="A")
    assert sync_service.follow_rule(project, at_norm.id, profile) is None
    assert OutboxRepo(project).for_finding(at_norm.id) is None
    below, _ = P.record_at_point(project, point.id, item, level="D")  # the same finding, judged again
    assert below.id == at_norm.id
    assert sync_service.follow_rule(project, below.id, profile) == "queued"
    assert OutboxRepo(project).for_finding(below.id).reason == "auto"
    P.record_at_point(project, point.id, item, level="B")
    assert sync_service.follow_rule(project, below.id, profile) == "withdrawn"


def test_with_parties_the_rule_waits_for_the_meting_finding_s_action(meting):
    project, round_ = meting
    point, item = _first(project, round_)
    profile = _profile(["Gemeente"])
    finding, _ = P.record_at_point(project, point.id, item, level="D")
    assert sync_service.follow_rule(project, finding.id, profile) is None
    _, change = sync_service.set_action_following_rule(project, finding.id, wanted=True, party="Gemeente",
                                                       due=None, profile=profile)
    assert change == "queued"


def test_a_knelpuntenschouw_after_a_meting_does_not_re_inspect_its_random_points(meting):
    project, round_ = meting
    point, item = _first(project, round_)
    P.record_at_point(project, point.id, item, level="D")
    later = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-meting",
                         when="2026-12-01")
    assert project.rechecks.list(later.id, None) == []
