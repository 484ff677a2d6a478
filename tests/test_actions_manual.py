"""Actions followed by hand (issue #15.1): the rules in the domain, the use case on a
real project file, the command line (exit 2, one line, nothing changed), the history
travelling between two laptops' project files both ways, and SIGKILL mid-change."""

from __future__ import annotations

import json
import signal
import sys
import time
from datetime import date

import pytest
from conftest import kill_at_fault, run_cli
from test_exchange_helpers import new_project, seed_round

from schouw.domain.actions import ActionStatus as S
from schouw.domain.actions import check_manual_change, is_overdue, parse_status
from schouw.messages import SchouwError
from schouw.services.actions import list_actions, set_status, undo_status
from schouw.services.exchange import export_package, import_package, list_conflicts

ROUND_DAY = date(2026, 10, 13)  # seed_round's date


# -- the rules (pure) -----------------------------------------------------------------
def test_parse_status_takes_value_or_label_in_any_case():
    assert parse_status("in behandeling") is S.IN_PROGRESS
    assert parse_status("IN_BEHANDELING") is S.IN_PROGRESS
    assert parse_status(" Afgewezen ") is S.REJECTED
    with pytest.raises(SchouwError) as err:
        parse_status("klaar")
    assert err.value.key == "action_status_unknown"
    with pytest.raises(SchouwError):
        parse_status("doorgezet")  # the municipality's status, never set by hand


@pytest.mark.parametrize(("kwargs", "key"), [
    ({"target": S.REJECTED, "note": "  "}, "reason_required"),
    ({"target": S.DONE, "mor_owned": True}, "action_mor_owned"),
    ({"target": S.FORWARDED}, "action_status_unknown"),
    ({"target": S.DONE, "when": date(2026, 10, 12)}, "action_date_before_round"),
    ({"target": S.OPEN}, "action_transition"),
])
def test_manual_change_refusals(kwargs, key):
    target = kwargs.pop("target")
    note = kwargs.pop("note", "")
    with pytest.raises(SchouwError) as err:
        check_manual_change(S.OPEN, target, note, round_date=ROUND_DAY, **kwargs)
    assert err.value.key == key


def test_manual_change_allowed_on_the_round_day():
    check_manual_change(S.OPEN, S.DONE, when=ROUND_DAY, round_date=ROUND_DAY)
    check_manual_change(S.OPEN, S.REJECTED, "geen budget", round_date=ROUND_DAY)


def test_overdue_is_due_passed_and_not_closed():
    today = date(2026, 12, 4)
    assert is_overdue(date(2026, 12, 3), S.OPEN, today)
    assert is_overdue(date(2026, 12, 3), S.SCHEDULED, today)
    assert not is_overdue(date(2026, 12, 4), S.OPEN, today)  # due today is not late yet
    assert not is_overdue(date(2026, 12, 3), S.DONE, today)
    assert not is_overdue(date(2026, 12, 3), S.REJECTED, today)
    assert not is_overdue(None, S.OPEN, today)


# -- the use case on a real project file -------------------------------------------------
@pytest.fixture
def laptop(tmp_path):
    project = new_project(tmp_path / "a.schouw", "laptop-a")
    round_id = seed_round(project, photos_per=0)
    yield project, round_id
    project.close()


def _actions(project, round_id):
    return list_actions(project, round_id=round_id, today=date(2026, 12, 4))


def test_set_status_keeps_history_and_undo_appends(laptop):
    project, round_id = laptop
    row = _actions(project, round_id)[0]
    before, event = set_status(project, row.finding_id, "ingepland", note="week 50", on_date=date(2026, 11, 2),
                               by="Marieke")
    assert before is S.OPEN and event.status is S.SCHEDULED
    set_status(project, row.finding_id, "afgehandeld", by="Marieke")
    undo_status(project, row.finding_id, S.SCHEDULED, by="Marieke")
    again = next(r for r in _actions(project, round_id) if r.finding_id == row.finding_id)
    assert again.status is S.SCHEDULED
    steps = [(e.from_status, e.status, e.who) for e in again.history]
    assert steps == [(None, S.OPEN, "laptop-a"), (S.OPEN, S.SCHEDULED, "Marieke"),
                     (S.SCHEDULED, S.DONE, "Marieke"), (S.DONE, S.SCHEDULED, "Marieke")]
    assert again.history[1].on_date == date(2026, 11, 2) and again.history[1].note == "week 50"
    data = again.as_dict()
    assert data["history"][1] == {"at": again.history[1].at, "by": "Marieke", "from": "open", "to": "ingepland",
                                  "note": "week 50", "date": "2026-11-02"}


def test_refused_changes_leave_the_project_unchanged(laptop):
    project, round_id = laptop
    rows = _actions(project, round_id)
    first, second = rows[0], rows[1]
    project.actions.update(second.action_id, mor_id="MOR-77")
    events = project.conn.execute("SELECT COUNT(*) FROM action_events").fetchone()[0]
    for finding_id, status, kwargs in [
        (first.finding_id, "afgewezen", {}),
        (first.finding_id, "bla", {}),
        (first.finding_id, "afgehandeld", {"on_date": date(2026, 1, 1)}),
        (second.finding_id, "afgehandeld", {}),
    ]:
        with pytest.raises(SchouwError):
            set_status(project, finding_id, status, **kwargs)
    assert project.conn.execute("SELECT COUNT(*) FROM action_events").fetchone()[0] == events
    assert [r.status for r in _actions(project, round_id)] == [r.status for r in rows]
    assert next(r for r in _actions(project, round_id) if r.finding_id == second.finding_id).mor_owned


def test_filters_party_status_overdue(laptop):
    project, round_id = laptop
    rows = _actions(project, round_id)
    project.actions.update(rows[0].action_id, due_date=date(2026, 11, 1))
    project.actions.update(rows[1].action_id, due_date=date(2026, 11, 1), party="Politie, wijkagent")
    set_status(project, rows[1].finding_id, "afgehandeld")
    late = list_actions(project, round_id=round_id, overdue=True, today=date(2026, 12, 4))
    assert [r.finding_id for r in late] == [rows[0].finding_id]
    police = list_actions(project, party="POLITIE, WIJKAGENT")
    assert [r.finding_id for r in police] == [rows[1].finding_id]
    with pytest.raises(SchouwError) as err:
        list_actions(project, party="politie")  # a part of a name is no name
    assert err.value.key == "unknown_party" and "Politie, wijkagent" in str(err.value)
    assert [r.status for r in list_actions(project, status="afgehandeld")] == [S.DONE]


# -- two laptops --------------------------------------------------------------------------
def _history(project, finding_id):
    action = project.actions.for_finding(finding_id)
    return action.status, [(e.id, e.from_status, e.status, e.note) for e in project.actions.history(action.id)]


def test_two_laptops_merge_histories_both_ways_without_conflicts(tmp_path):
    a = new_project(tmp_path / "a.schouw", "laptop-a")
    round_id = seed_round(a, photos_per=0)
    b = new_project(tmp_path / "b.schouw", "laptop-b")
    import_package(b, export_package(a, round_id, tmp_path / "start.zip").path)
    target, other = [r.finding_id for r in _actions(a, round_id)[:2]]
    # both change the same action, B later
    set_status(a, target, "ingepland", note="A plant in", by="Anna")
    set_status(a, other, "ingepland", note="A: week 50", by="Anna")
    time.sleep(0.01)
    set_status(b, target, "afgewezen", note="B: geen budget", by="Bert")
    set_status(b, other, "in behandeling", note="B: bezig", by="Bert")
    time.sleep(0.01)
    # A then edits the other action's party: A's row is the newer version there
    a.actions.update(a.actions.for_finding(other).id, party="Gemeente, team Reiniging")
    # A makes a new finding with an action and closes it: B does not have that action yet
    from test_exchange_helpers import add_finding
    new = add_finding(a, round_id, 3, photos=0, text="alleen op A")
    set_status(a, new.id, "afgehandeld", note="opgeruimd", by="Anna")

    import_package(b, export_package(a, round_id, tmp_path / "a1.zip").path)
    import_package(a, export_package(b, round_id, tmp_path / "b1.zip").path)

    for project in (a, b):
        status, history = _history(project, target)
        assert [(f, t, n) for _, f, t, n in history] == [
            (None, S.OPEN, "aangemaakt"), (S.OPEN, S.SCHEDULED, "A plant in"),
            (S.OPEN, S.REJECTED, "B: geen budget")]  # in order of time
        assert status is S.REJECTED and project.actions.for_finding(target).status_reason == "B: geen budget"
        # the other: A's row won (newer party edit), the status is still the newest entry's
        assert _history(project, other)[0] is S.IN_PROGRESS
        assert project.actions.for_finding(other).party == "Gemeente, team Reiniging"
        assert _history(project, new.id)[0] is S.DONE
        assert [len(_history(project, f)[1]) for f in (target, other, new.id)] == [3, 3, 2]
        # concurrent status changes are no conflict; the party edit against B's version is
        # the row rule of every synced table, and names the party
        conflicts = list_conflicts(project, round_id)
        assert all(c.table == "actions" and c.row_id == project.actions.for_finding(other).id for c in conflicts)
        assert all("party" in {name for name, _, _ in c.fields} for c in conflicts)
    assert _history(a, target) == _history(b, target)
    assert _history(a, other) == _history(b, other)
    assert _history(a, new.id) == _history(b, new.id)
    a.close()
    b.close()


# -- command line --------------------------------------------------------------------------
@pytest.fixture
def cli_project(tmp_path):
    project = new_project(tmp_path / "cli.schouw", "laptop-cli")
    round_id = seed_round(project, photos_per=0)
    finding_id = _actions(project, round_id)[0].finding_id
    project.close()
    return tmp_path / "cli.schouw", round_id, finding_id


@pytest.mark.parametrize(("args", "words"), [
    (["--status", "afgewezen"], "reden"),
    (["--status", "klaar"], "Onbekende status"),
    (["--status", "afgehandeld", "--date", "2026-01-01"], "ligt voor de ronde"),
    (["--status", "afgehandeld", "--date", "1-1-2027"], "JJJJ-MM-DD"),
])
def test_cli_refusals_exit_2_one_line_unchanged(cli_project, args, words):
    db, round_id, finding_id = cli_project
    before = db.read_bytes()
    out = run_cli("--db", str(db), "action", "set", finding_id, *args)
    assert out.returncode == 2
    assert words in out.stderr and len(out.stderr.strip().splitlines()) == 1
    assert db.read_bytes() == before


def test_cli_mor_owned_refused_in_english(cli_project):
    from schouw.store import open_project

    db, round_id, finding_id = cli_project
    with open_project(db, device_id="laptop-cli") as project:
        project.actions.update(project.actions.for_finding(finding_id).id, mor_id="MOR-1")
    out = run_cli("--lang", "en", "--db", str(db), "action", "set", finding_id, "--status", "afgehandeld")
    assert out.returncode == 2 and "its status comes from there" in out.stderr


def test_cli_set_and_list(cli_project):
    db, round_id, finding_id = cli_project
    out = run_cli("--db", str(db), "action", "set", finding_id[:8], "--status", "afgewezen",
                  "--note", "Geen taak van de gemeente", "--date", "2026-11-02", check=True)
    assert "open → afgewezen" in out.stdout
    rows = json.loads(run_cli("--db", str(db), "--json", "actions", "list", "--round", round_id[:8],
                              "--status", "afgewezen", check=True).stdout)
    assert [r["finding_id"] for r in rows] == [finding_id]
    assert set(rows[0]) == {"finding_id", "round_id", "street", "item", "party", "status", "due", "overdue",
                            "mor_id", "history"}
    last = rows[0]["history"][-1]
    assert (last["from"], last["to"], last["note"], last["date"]) == (
        "open", "afgewezen", "Geen taak van de gemeente", "2026-11-02")
    text = run_cli("--lang", "en", "--db", str(db), "actions", "list", check=True).stdout
    assert "afgewezen: Geen taak van de gemeente" in text and "actions" in text.splitlines()[-1]


# -- SIGKILL in the middle of a status change ----------------------------------------------
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_status_change_leaves_the_old_state(cli_project):
    db, round_id, finding_id = cli_project
    kill_at_fault([sys.executable, "-m", "schouw", "--db", str(db), "action", "set", finding_id,
                   "--status", "afgehandeld"], "action-status-written", db.parent)
    assert run_cli("--db", str(db), "check").returncode == 0
    rows = json.loads(run_cli("--db", str(db), "--json", "actions", "list", check=True).stdout)
    mine = next(r for r in rows if r["finding_id"] == finding_id)
    assert mine["status"] == "open" and [h["to"] for h in mine["history"]] == ["open"]
    # and the change can be made afterwards, whole
    run_cli("--db", str(db), "action", "set", finding_id, "--status", "afgehandeld", check=True)
    rows = json.loads(run_cli("--db", str(db), "--json", "actions", "list", check=True).stdout)
    mine = next(r for r in rows if r["finding_id"] == finding_id)
    assert mine["status"] == "afgehandeld" and [h["to"] for h in mine["history"]] == ["open", "afgehandeld"]


# -- the report lists the overdue actions ------------------------------------------------------
def test_round_report_counts_and_marks_overdue_actions(laptop, tmp_path):
    import re

    from pypdf import PdfReader

    from schouw.services.reports import build_report

    project, round_id = laptop
    rows = _actions(project, round_id)
    for row in rows:
        project.actions.update(row.action_id, due_date=date(2026, 11, 1))
    set_status(project, rows[0].finding_id, "afgehandeld")  # closed: not overdue
    pdf = tmp_path / "r.pdf"
    build_report(project, round_id, pdf, today=date(2026, 12, 4))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdf).pages))
    late = len(rows) - 1
    assert late >= 1
    expected = "1 actiepunt is verlopen" if late == 1 else f"{late} actiepunten zijn verlopen"
    assert expected in text
    assert text.count("verlopen") >= late + 1  # the line and a mark per overdue action


# -- migration v6 ---------------------------------------------------------------------------------
def test_a_v5_project_gets_the_history_columns_and_keeps_its_entries(tmp_path):
    import sqlite3

    from schouw.store import open_project

    path = tmp_path / "v5.schouw"
    project = new_project(path, "laptop-old")
    round_id = seed_round(project, photos_per=0)
    finding_id = _actions(project, round_id)[0].finding_id
    project.close()
    conn = sqlite3.connect(path)  # back to the v5 layout, as an older schouw left it
    conn.execute("DROP INDEX action_events_action")
    for column in ("from_status", "on_date", "who"):
        conn.execute(f"ALTER TABLE action_events DROP COLUMN {column}")
    conn.execute("CREATE INDEX action_events_action ON action_events(action_id)")
    conn.execute("DROP TABLE rechecks")  # what v7 (re-inspection) added
    conn.execute("ALTER TABLE findings DROP COLUMN publishable")  # and v8 (the residents' feedback)
    conn.execute("ALTER TABLE buurten DROP COLUMN boundary")  # and v10 (buurt boundaries)
    conn.execute("DROP TABLE schouwpunten")  # and v9 (meting)
    conn.execute("DROP INDEX findings_point")
    conn.execute("ALTER TABLE findings DROP COLUMN point_id")
    for column in ("kind", "points_n", "seed", "closed_at"):
        conn.execute(f"ALTER TABLE rounds DROP COLUMN {column}")
    for table in ("cycle_actions", "cycle_priority_findings", "cycle_priorities", "cycles"):
        conn.execute(f"DROP TABLE {table}")  # and v12 (Veilige Buurten cycles)
    conn.execute("DROP TABLE indicator_values")  # and v11 (indicators)
    conn.execute("DROP TABLE indicators")
    conn.execute("PRAGMA user_version = 5")
    entries = conn.execute("SELECT COUNT(*) FROM action_events").fetchone()[0]
    conn.commit()
    conn.close()
    with open_project(path, device_id="laptop-old") as project:
        assert project.schema_version >= 6
        assert project.conn.execute("SELECT COUNT(*) FROM action_events").fetchone()[0] == entries
        row = next(r for r in _actions(project, round_id) if r.finding_id == finding_id)
        assert [(e.from_status, e.who) for e in row.history] == [(None, "")]
        set_status(project, finding_id, "afgehandeld", on_date=date(2026, 11, 1), by="Marieke")
        row = next(r for r in _actions(project, round_id) if r.finding_id == finding_id)
        assert [(e.from_status, e.status, e.who) for e in row.history][-1] == (S.OPEN, S.DONE, "Marieke")
