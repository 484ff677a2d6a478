"""The MOR outbox against the Open311 test server, in process: selection, offline and
back, every fault ending exactly once with the outbox telling the truth, permanent and
config errors, tokens, photos, status coming back, back-off."""

from __future__ import annotations

import random
import socket
from datetime import UTC, datetime, timedelta

import pytest
from test_mor_fixtures import (  # noqa: F401 - fixtures
    API_KEY,
    GEMEENTE,
    SELECTED,
    file_secrets_fixture,
    make_profile,
    mor_copy,
    mor_master_fixture,
    secret,
    server_fixture,
)

from schouw.domain.actions import ActionStatus
from schouw.exchange.mor.build import queue_finding, queue_selected
from schouw.exchange.mor.open311 import Open311Transport
from schouw.exchange.mor.outbox import Outbox, Policy
from schouw.exchange.mor.secrets import Secret
from schouw.services.sync import outbox_rows, run_sync
from schouw.store import open_project
from schouw.store.outbox import OutboxRepo


@pytest.fixture
def proj(tmp_path, mor_master):
    path, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    project = open_project(path)
    yield project, ids
    project.close()


def sync(project, profile, key=None, **kw):
    transport = Open311Transport(profile, key or secret())
    try:
        return run_sync(project, profile, transport=transport, **kw)
    finally:
        transport.close()


def states(project, ids) -> dict[str, str]:
    rows = {r.finding_id: r for r in OutboxRepo(project).rows()}
    return {name: rows[fid].state for name, fid in ids.items() if fid in rows}


def truthful(project, srv, ids) -> None:
    """Each row's state agrees with what the server holds."""
    for row in OutboxRepo(project).rows():
        at_server = [r for r in srv.stored() if f"[schouw:{row.finding_id}]" in r["description"]]
        assert len(at_server) <= 1, f"{row.finding_id} is {len(at_server)} times at the server"
        if row.state == "sent":
            assert len(at_server) == 1
            if row.remote_id:
                assert row.remote_id == at_server[0]["service_request_id"]
        elif row.state in ("queued", "failed"):
            assert not at_server, f"{row.state} but the server has it"


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# -- selection ------------------------------------------------------------------------------------
def test_rule_picks_below_norm_for_the_parties_and_never_twice(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    queued = queue_selected(project, profile)
    assert sorted(queued) == sorted(ids[n] for n in SELECTED)
    # weeds_b at norm, n.v.t., a corporation's action and no action at all stay; the
    # centrum street's own area type (norm A) overrides the buurt's woongebied (norm B)
    assert queue_selected(project, profile) == []
    assert queue_finding(project, ids["weeds_d"]) is False  # already there
    assert queue_finding(project, ids["none"]) is True      # by hand: goes despite the rule
    assert len(OutboxRepo(project).rows()) == 4


def test_queued_in_the_same_transaction_as_the_decision(proj):
    project, ids = proj
    with pytest.raises(RuntimeError):
        with project.atomic():
            queue_finding(project, ids["corp_d"])
            raise RuntimeError("the user's change failed")
    assert OutboxRepo(project).for_finding(ids["corp_d"]) is None


def test_party_list_empty_and_below_norm_off(proj, server):
    project, ids = proj
    everyone = make_profile(server.url, selection={"below_norm": True, "parties": []})
    picked = {r["finding_id"] for r in __import__("schouw.exchange.mor.build", fromlist=["Selector"])
              .Selector(project, everyone).candidates()}
    assert picked == {ids[n] for n in (*SELECTED, "corp_d", "none")}
    with_action = make_profile(server.url, selection={"below_norm": False, "parties": GEMEENTE})
    from schouw.exchange.mor.build import Selector

    picked = {r["finding_id"] for r in Selector(project, with_action).candidates()}
    assert picked == {ids[n] for n in ("weeds_d", "litter_c", "weeds_b", "centrum_b")}
    # a party is named by its whole name: "Gemeente" alone no longer picks up its teams
    only = make_profile(server.url, selection={"below_norm": False, "parties": ["GEMEENTE"]})
    picked = {r["finding_id"] for r in Selector(project, only).candidates()}
    assert picked == {ids[n] for n in ("weeds_b", "centrum_b")}


# -- offline, then sent -----------------------------------------------------------------------------
def test_queued_while_offline_and_sent_later(proj, server):
    project, ids = proj
    offline = make_profile(f"http://127.0.0.1:{closed_port()}/open311/v2")
    outcome = sync(project, offline)
    assert outcome.run.offline and "niet bereikbaar" in outcome.run.offline
    rows = OutboxRepo(project).rows()
    assert {r.state for r in rows} == {"queued"} and len(rows) == 3
    tried = [r for r in rows if r.attempts]
    assert len(tried) == 2  # two refusals in a row: the rest is not even tried
    assert all(r.next_attempt_at and "niet bereikbaar" in r.last_error for r in tried)
    assert server.posts == 0

    outcome = sync(project, make_profile(server.url))
    assert len(outcome.run.sent) == 3
    assert set(states(project, {n: ids[n] for n in SELECTED}).values()) == {"sent"}
    for name in SELECTED:
        assert server.count_for(ids[name]) == 1
        action = project.actions.for_finding(ids[name])
        assert action.mor_id and action.status == ActionStatus.FORWARDED
    truthful(project, server, ids)


# -- every fault: exactly once, and the truth in between ---------------------------------------------
@pytest.mark.parametrize("fault", ["500_before", "500_after", "503", "slow", "drop", "garbage", "token"])
def test_every_fault_ends_exactly_once(proj, server, fault):
    project, ids = proj
    profile = make_profile(server.url)
    server.faults = [fault] * (1 if fault == "slow" else 3)
    first = sync(project, profile)
    truthful(project, server, ids)
    if fault in ("500_after", "slow", "drop", "garbage"):
        # stored despite the bad answer: found again at the end of the run, not resent
        found_again = [r for r in first.run.sent if r.message == "teruggevonden bij de server"]
        assert len(first.run.sent) == 3 and len(found_again) == (1 if fault == "slow" else 3)
    if fault == "500_before":
        assert {r.state for r in OutboxRepo(project).rows()} == {"unknown"}
        assert all("database unavailable" in r.last_error for r in OutboxRepo(project).rows())
    if fault == "503":
        assert first.run.offline and len(first.run.retrying) == 2
    if fault == "token":
        assert all(r.token and not r.remote_id for r in OutboxRepo(project).rows())

    server.faults = []
    sync(project, profile)
    sync(project, profile)
    truthful(project, server, ids)
    rows = OutboxRepo(project).rows()
    assert {r.state for r in rows} == {"sent"} and all(r.remote_id for r in rows)
    assert len(server.stored()) == 3
    for name in SELECTED:
        assert server.count_for(ids[name]) == 1


def test_a_crash_before_the_answer_was_recorded_is_reconciled(proj, server):
    """A row left 'sending' (the process died) is looked up, not blindly resent."""
    project, ids = proj
    profile = make_profile(server.url)
    queue_selected(project, profile)
    repo = OutboxRepo(project)
    row = repo.for_finding(ids["weeds_d"])
    repo.mark_sending(row.id, "open311:" + profile.base_url)
    # the request did reach the server before the crash
    with Open311Transport(profile, secret()) as transport:
        from schouw.exchange.mor.build import build_report

        transport.send(build_report(project, repo.get(row.id), profile))
    assert server.count_for(ids["weeds_d"]) == 1
    outcome = sync(project, profile)
    assert any(r.finding_id == ids["weeds_d"] and r.message == "teruggevonden bij de server" for r in outcome.run.sent)
    assert server.count_for(ids["weeds_d"]) == 1 and len(server.stored()) == 3
    truthful(project, server, ids)


# -- refused -------------------------------------------------------------------------------------------
def test_400_fails_with_the_servers_message_until_retried(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    server.faults = ["400"]
    first = sync(project, profile)
    assert len(first.run.failed) == 1
    failed = [r for r in OutboxRepo(project).rows() if r.state == "failed"]
    assert len(failed) == 1 and "description too long" in failed[0].last_error
    label = next(r["label"] for r in outbox_rows(project) if r["state"] == "failed")
    assert label.startswith("mislukt: description too long")
    posts = server.posts
    sync(project, profile)
    assert server.posts == posts  # not retried by itself
    assert OutboxRepo(project).get(failed[0].id).state == "failed"
    again = sync(project, profile, retry=True)
    assert again.retried == 1 and len(again.run.sent) == 1
    assert {r.state for r in OutboxRepo(project).rows()} == {"sent"}
    truthful(project, server, ids)


def test_a_refused_key_stops_the_run_and_is_never_shown(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    wrong = Secret("wrong-key-7781-abcdef")
    outcome = sync(project, profile, key=wrong)
    assert outcome.run.aborted and "API-sleutel" in outcome.run.aborted
    assert "wrong-key-7781-abcdef" not in outcome.run.aborted  # the server echoed it; we do not
    rows = OutboxRepo(project).rows()
    assert {r.state for r in rows} == {"queued"}
    assert sum(r.attempts for r in rows) == 1  # stopped after the first refusal
    assert all("wrong-key" not in r.last_error for r in rows)
    assert server.stored() == []


def test_missing_mapping_fails_clearly(proj, server):
    project, ids = proj
    profile = make_profile(server.url, mapping={"asfalt.onkruid": "onkruid"})
    outcome = sync(project, profile)
    failed = {r.finding_id: r.message for r in outcome.run.failed}
    assert set(failed) == {ids["litter_c"], ids["centrum_b"]}
    assert all("service_code" in m and "[mapping]" in m for m in failed.values())
    assert server.count_for(ids["weeds_d"]) == 1


# -- tokens, photos, status ----------------------------------------------------------------------------
def test_token_answer_is_resolved_later(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    server.token_mode = True
    server.token_delay = 1
    sync(project, profile)
    rows = OutboxRepo(project).rows()
    assert all(r.state == "sent" and r.token and not r.remote_id for r in rows)
    assert {r["label"] for r in outbox_rows(project)} == {"verzonden, wacht op nummer"}
    sync(project, profile)  # the server says "not yet" once per token
    sync(project, profile)
    rows = OutboxRepo(project).rows()
    assert all(r.remote_id for r in rows)
    assert project.actions.for_finding(ids["weeds_d"]).mor_id == OutboxRepo(project).for_finding(ids["weeds_d"]).remote_id
    truthful(project, server, ids)


def test_photo_goes_masked_and_without_metadata(proj, server):
    import io

    from PIL import Image

    project, ids = proj
    photo = project.photos.for_finding(ids["litter_c"])[0]
    project.photos.update(photo.id, masks='[{"x": 0, "y": 0, "w": 0.5, "h": 0.5}]')
    sync(project, make_profile(server.url))
    remote = OutboxRepo(project).for_finding(ids["litter_c"]).remote_id
    data = server.attachments[remote]
    with Image.open(io.BytesIO(data)) as im:
        assert not im.getexif() and "exif" not in im.info
        assert im.getpixel((10, 10))[0] < 60          # masked corner: dark fill
        assert im.getpixel((300, 230))[0] > 150       # the rest: the red photo
    assert OutboxRepo(project).photo_states(OutboxRepo(project).for_finding(ids["litter_c"]).id) == {photo.id: "attached"}
    assert [r for r in server.stored() if r["service_request_id"] == remote][0]["_attributes"] == {
        "attribute[schouw_id]": ids["litter_c"], "attribute[bron]": "wijkschouw"}


def test_photos_the_server_cannot_take_are_marked_refused(proj, server, tmp_path):
    from test_mor_fixtures import jpeg

    from schouw.services.findings import add_photos

    project, ids = proj
    add_photos(project, ids["litter_c"], [jpeg(tmp_path / "tweede.jpg", (20, 20, 200))])
    first, second = project.photos.for_finding(ids["litter_c"])
    sync(project, make_profile(server.url))
    repo = OutboxRepo(project)
    row = repo.for_finding(ids["litter_c"])
    assert repo.photo_states(row.id) == {first.id: "attached", second.id: "refused"}
    assert "één foto" in repo.get(row.id).last_error and repo.get(row.id).state == "sent"
    assert list(server.attachments) == [row.remote_id]
    posts = server.posts
    sync(project, make_profile(server.url))  # nothing is tried again
    assert server.posts == posts and repo.photo_states(row.id)[second.id] == "refused"


def test_photo_of_a_request_found_again_counts_as_attached(proj, server):
    project, ids = proj
    server.faults = ["drop"] * 3
    sync(project, make_profile(server.url))
    repo = OutboxRepo(project)
    row = repo.for_finding(ids["litter_c"])
    assert row.state == "sent" and row.remote_id in server.attachments
    photo = project.photos.for_finding(ids["litter_c"])[0]
    assert repo.photo_states(row.id) == {photo.id: "attached"}


def test_without_media_upload_no_photo_goes_and_the_outbox_says_so(proj, server):
    project, ids = proj
    profile = make_profile(server.url, open311={"media_upload": False, "attributes": {"bron": "wijkschouw"}})
    sync(project, profile)
    repo = OutboxRepo(project)
    row = repo.for_finding(ids["litter_c"])
    assert server.attachments == {}
    assert set(repo.photo_states(row.id).values()) == {"refused"}
    stored = [r for r in server.stored() if r["service_request_id"] == row.remote_id][0]
    assert "niet meegestuurd" in stored["description"]


def test_status_changes_come_back_into_the_actions(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    sync(project, profile)
    remote = OutboxRepo(project).for_finding(ids["weeds_d"]).remote_id
    server.set_status(remote, "closed", notes="Onkruid verwijderd op 24-11", agency="Team Groen")
    outcome = sync(project, profile)
    assert outcome.run.statuses == 1
    action = project.actions.for_finding(ids["weeds_d"])
    assert action.status == ActionStatus.DONE
    assert action.mor_status == "closed" and "Onkruid verwijderd" in action.mor_status_text
    assert "Team Groen" in action.mor_status_text
    history = project.actions.history(action.id)
    assert history[-1].status == ActionStatus.DONE and "Onkruid verwijderd" in history[-1].note
    listed = {r["id"]: r for r in project.findings.list(ids["round"])}
    assert listed[ids["weeds_d"]]["action_status"] == "afgehandeld"
    assert listed[ids["weeds_d"]]["mor_id"] == remote
    # the server reopens it
    server.set_status(remote, "open", notes="Toch nog niet weg")
    sync(project, profile)
    assert project.actions.for_finding(ids["weeds_d"]).status == ActionStatus.FORWARDED


def test_deleted_finding_is_withdrawn_before_it_goes(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    queue_selected(project, profile)
    project.findings.delete(ids["weeds_d"])
    sync(project, profile)
    assert OutboxRepo(project).for_finding(ids["weeds_d"]) is None
    assert server.count_for(ids["weeds_d"]) == 0 and len(server.stored()) == 2


# -- back-off ------------------------------------------------------------------------------------------
def test_backoff_grows_with_jitter_and_a_cap():
    policy = Policy(base=30, cap=3600, jitter=0.25)
    rng = random.Random(7)
    delays = [policy.delay(n, rng) for n in range(1, 12)]
    assert 22.5 <= delays[0] <= 37.5 and 45 <= delays[1] <= 75
    assert all(d <= 3600 for d in delays) and delays[-1] >= 2700
    assert len({round(policy.delay(3, rng), 3) for _ in range(20)}) > 10  # jittered


def test_automatic_runs_wait_for_the_backoff(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    queue_selected(project, profile)
    clock = [datetime(2026, 11, 23, 10, 0, tzinfo=UTC)]
    server.faults = ["503"]
    with Open311Transport(profile, secret()) as transport:
        box = Outbox(project, profile, transport, policy=Policy(base=60, max_temporary_in_row=5),
                     clock=lambda: clock[0])
        first = box.run(respect_backoff=True)
        assert len(first.retrying) == 1 and len(first.sent) == 2
        waiting = [r for r in OutboxRepo(project).rows() if r.state == "queued"][0]
        assert waiting.next_attempt_at > "2026-11-23T10:00:44"
        second = Outbox(project, profile, transport, clock=lambda: clock[0]).run(respect_backoff=True)
        assert not second.sent and len(second.skipped) == 1
        clock[0] += timedelta(minutes=5)
        third = Outbox(project, profile, transport, clock=lambda: clock[0]).run(respect_backoff=True)
        assert len(third.sent) == 1
    truthful(project, server, ids)
    assert len(server.stored()) == 3


def test_cancel_stops_between_requests(proj, server):
    project, ids = proj
    profile = make_profile(server.url)
    calls = []

    def cancelled():
        calls.append(1)
        return len(calls) > 1

    outcome = sync(project, profile, cancelled=cancelled)
    assert outcome.run.cancelled and len(outcome.run.sent) == 1
    assert sorted(r.state for r in OutboxRepo(project).rows()) == ["queued", "queued", "sent"]
    truthful(project, server, ids)


def test_api_key_constant_is_not_in_the_profile():
    assert API_KEY not in repr(make_profile("https://example.org/open311"))
