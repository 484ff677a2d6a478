"""`schouw sync` as a user runs it, in real subprocesses against the Open311 test
server (which lives in the test process, so it survives the client being killed):
setting the key, a dry run, a run, and a SIGKILL at every step of a send followed by a
new run still giving each finding exactly once."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest
from conftest import run_cli
from test_mor_fixtures import (  # noqa: F401 - fixtures
    API_KEY,
    SELECTED,
    file_secrets_fixture,
    mor_copy,
    mor_master_fixture,
    profile_toml,
    server_fixture,
)

from schouw.cli import _sync_text
from schouw.exchange.mor.profile import load_sync_profile
from schouw.services.sync import SyncOutcome as _Outcome
from schouw.services.sync import outbox_rows, store_secret
from schouw.store import open_project
from schouw.store.integrity import check_project


@pytest.fixture
def setup(tmp_path, mor_master, server):
    db, ids = mor_copy(mor_master, tmp_path / "mor.schouw")
    profile = tmp_path / "gemeente.toml"
    profile.write_text(profile_toml(server.url), encoding="utf-8")
    store_secret(load_sync_profile(profile), API_KEY)  # `--set-secret` itself: see the wrong-key test
    return db, profile, ids


def sync_json(db, profile, *extra):
    result = run_cli("--db", str(db), "--json", "sync", "--profile", str(profile), *extra)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_dry_run_lists_and_sends_nothing(setup, server):
    db, profile, ids = setup
    out = sync_json(db, profile, "--dry-run")
    assert out["dry_run"] and {p["finding_id"] for p in out["plan"]} == {ids[n] for n in SELECTED}
    assert {p["service_code"] for p in out["plan"]} == {"onkruid", "zwerfafval", "verharding"}
    assert server.posts == 0 and out["outbox"] == []
    assert "Proefdraai" in _sync_text(_Outcome(**{k: out[k] for k in ("profile", "kind", "dry_run", "plan", "packages")}), [])


def test_sync_then_list_and_findings_show_the_status(setup, server):
    db, profile, ids = setup
    out = sync_json(db, profile)
    assert len(out["result"]["sent"]) == 3 and out["counts"]["sent"] == 3
    remote = {r["finding_id"]: r["remote_id"] for r in out["outbox"]}
    server.set_status(remote[ids["weeds_d"]], "closed", notes="Opgelost")
    text = run_cli("--db", str(db), "sync", "--profile", str(profile))
    assert text.returncode == 0 and "1 statuswijziging," in text.stdout
    rows = json.loads(run_cli("--db", str(db), "--json", "findings", "list", "--round", ids["round"],
                              check=True).stdout)
    by_id = {r["id"]: r for r in rows}
    assert by_id[ids["weeds_d"]]["action_status"] == "afgehandeld"
    assert by_id[ids["litter_c"]]["action_status"] == "doorgezet"
    listed = run_cli("--db", str(db), "sync", "--list", check=True).stdout
    assert listed.count("verzonden (") == 3


def test_wrong_key_exits_2_with_a_clear_message(setup, server, tmp_path):
    db, profile, ids = setup
    saved = subprocess.run([sys.executable, "-m", "schouw", "sync", "--profile", str(profile), "--set-secret"],
                           input="verkeerde-sleutel-99\n", capture_output=True, text=True, timeout=60, check=True)
    assert "opgeslagen" in saved.stdout and "verkeerde-sleutel-99" not in saved.stdout + saved.stderr
    result = run_cli("--db", str(db), "sync", "--profile", str(profile))
    assert result.returncode == 2
    assert "API-sleutel" in result.stderr and "verkeerde-sleutel-99" not in result.stderr + result.stdout


def test_plain_http_to_another_host_is_refused(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text(profile_toml("http://meldingen.example.org/open311"), encoding="utf-8")
    result = run_cli("--db", str(tmp_path / "x.schouw"), "sync", "--profile", str(bad), "--dry-run")
    assert result.returncode == 2 and "alleen toegestaan naar localhost" in result.stderr


POINTS = ["mor-attempt-recorded", "mor-answer-received", "mor-sent-recorded", "in-flight"]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("point", POINTS)
def test_sigkill_at_every_step_then_exactly_once(setup, server, tmp_path, point):
    """Killed after the attempt is recorded, after the server answered but before the
    answer was recorded, after it was recorded, and while the request is in flight (the
    server has stored it and is slow to answer)."""
    db, profile, ids = setup
    marker = tmp_path / "marker"
    env = dict(os.environ)
    if point == "in-flight":
        server.faults = ["slow"]
        server.slow_seconds = 5
    else:
        env.update(SCHOUW_FAULT=point, SCHOUW_FAULT_MARKER=str(marker))
    proc = subprocess.Popen([sys.executable, "-m", "schouw", "--db", str(db), "sync", "--profile", str(profile)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30

    def reached() -> bool:
        return len(server.stored()) == 1 if point == "in-flight" else marker.exists()

    while not reached():
        assert proc.poll() is None, "sync ended before reaching the fault point"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    server.slow_seconds = 1.2
    with open_project(db) as project:
        before = outbox_rows(project)
    if point in ("mor-attempt-recorded", "mor-answer-received", "in-flight"):
        assert [r["state"] for r in before if r["attempts"]] == ["unknown"]  # 'sending' shows as unknown
    out = sync_json(db, profile)
    assert {r["state"] for r in out["outbox"]} == {"sent"}
    assert all(r["remote_id"] for r in out["outbox"])
    for name in SELECTED:
        assert server.count_for(ids[name]) == 1, name
    assert len(server.stored()) == 3
    with open_project(db) as project:
        assert check_project(project) == []


def test_a_profile_party_that_names_no_action_party_is_pointed_out(setup, server, tmp_path):
    """The party rule is the whole name: a profile saying only "Gemeente, team Groen"
    sends nothing here, and the user is told which parties the project has."""
    db, _, _ = setup
    profile = tmp_path / "groen.toml"
    profile.write_text(profile_toml(server.url, selection={"below_norm": True, "parties": ["Gemeente, team Groen"]}),
                       encoding="utf-8")
    store_secret(load_sync_profile(profile), API_KEY)
    assert load_sync_profile(profile).selection.parties == ["Gemeente, team Groen"]
    result = run_cli("--db", str(db), "--json", "sync", "--profile", str(profile), "--dry-run")
    assert result.returncode == 0 and json.loads(result.stdout)["plan"] == []
    assert result.stderr.count("\n") == 1 and "actiehouder Gemeente, team Groen uit het profiel" in result.stderr
    assert "Gemeente, team Reiniging" in result.stderr
