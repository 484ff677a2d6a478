"""The pure rules of a Veilige Buurten cycle (traject): weeks, due dates, states, intake."""

from __future__ import annotations

from datetime import date

import pytest

from schouw.domain import cycles as c
from schouw.messages import SchouwError, render


def _cycle(**kw) -> c.Cycle:
    return c.Cycle(buurt_id="b1", title="Voorjaar", start="2026-03-02", **kw)


def _prio(rank: int, outcome: c.Outcome | None = None, **kw) -> c.Priority:
    return c.Priority(cycle_id="c1", rank=rank, title=f"P{rank}", outcome=outcome, **kw)


def test_week_counter_runs_from_the_start_and_past_the_end():
    cycle = _cycle()
    assert c.week_of(cycle, date(2026, 3, 1)) == 0
    assert c.week_of(cycle, date(2026, 3, 2)) == 1
    assert c.week_of(cycle, date(2026, 3, 8)) == 1
    assert c.week_of(cycle, date(2026, 3, 24)) == 4
    assert c.end_date(cycle) == date(2026, 5, 10)
    assert c.week_of(cycle, date(2026, 5, 10)) == 10
    assert not c.is_overdue(cycle, date(2026, 5, 10))
    assert c.is_overdue(cycle, date(2026, 5, 11))
    assert c.week_of(cycle, date(2026, 5, 11)) == 11


def test_due_this_week_is_the_weeks_agenda_only():
    cycle = _cycle()
    deadlines = {"a": "2026-03-25", "b": "2026-03-23", "c": "2026-03-30", "d": None,
                 "e": "2026-03-20", "f": "niet-een-datum"}
    assert c.due_this_week(cycle, deadlines, date(2026, 3, 24)) == ["b", "a"]
    assert c.due_this_week(cycle, deadlines, date(2026, 2, 1)) == []


def test_weeks_and_start_are_checked():
    assert c.check_weeks(10) == 10
    for bad in (0, -3):
        with pytest.raises(SchouwError) as err:
            c.check_weeks(bad)
        assert err.value.key == "cycle_bad_weeks"
    with pytest.raises(SchouwError):
        c.parse_start("2 maart")


def test_one_open_cycle_per_buurt():
    c.check_can_start("Heer", [_cycle(status=c.CycleStatus.EVALUATED)])
    c.check_can_start("Heer", [_cycle(deleted_at="2026-01-01")])
    with pytest.raises(SchouwError) as err:
        c.check_can_start("Heer", [_cycle()])
    assert "Voorjaar" in err.value.message("nl")


def test_ranks_are_unique_and_positive():
    prios = [_prio(1), _prio(2)]
    assert c.next_rank(prios) == 3
    assert c.check_rank(3, prios) == 3
    assert c.check_rank(2, prios, exclude_id=prios[1].id) == 2
    with pytest.raises(SchouwError) as err:
        c.check_rank(2, prios)
    assert err.value.key == "cycle_rank_taken"
    with pytest.raises(SchouwError):
        c.check_rank(0, prios)


def test_close_needs_a_complete_evaluation_and_happens_once():
    cycle = _cycle()
    with pytest.raises(SchouwError) as err:
        c.check_can_close(cycle, [])
    assert err.value.key == "cycle_no_priorities"
    with pytest.raises(SchouwError) as err:
        c.check_can_close(cycle, [_prio(1, c.Outcome.ACHIEVED), _prio(2)])
    assert err.value.key == "cycle_unscored" and err.value.params["title"] == "P2"
    c.check_can_close(cycle, [_prio(1, c.Outcome.ACHIEVED), _prio(2, c.Outcome.NOT)])
    with pytest.raises(SchouwError) as err:
        c.check_can_close(_cycle(status=c.CycleStatus.EVALUATED), [_prio(1, c.Outcome.NOT)])
    assert err.value.key == "cycle_not_open"


def test_outcome_parse_in_both_languages():
    assert c.Outcome.parse("Bereikt") is c.Outcome.ACHIEVED
    assert c.Outcome.parse("partly") is c.Outcome.PARTLY
    with pytest.raises(SchouwError) as err:
        c.Outcome.parse("misschien")
    assert "bereikt, deels, niet" in err.value.message("nl")
    assert render("cycle_bad_outcome", "en", outcome="x", allowed="a").startswith("Unknown outcome")


def test_intake_carries_what_was_not_achieved_in_order():
    previous = [_prio(1, c.Outcome.ACHIEVED), _prio(3, c.Outcome.NOT, kind=c.PriorityKind.FINDING,
                                                    finding_ids=["f1"]),
                _prio(2, c.Outcome.PARTLY, kind=c.PriorityKind.ASPECT, aspect_id="zwerfafval"),
                _prio(4, c.Outcome.NOT, deleted_at="2026-01-01")]
    counts = c.outcome_counts(previous)
    assert counts == {c.Outcome.ACHIEVED: 1, c.Outcome.PARTLY: 1, c.Outcome.NOT: 1}
    carried = c.intake(previous)
    assert [(p.rank, p.title, p.outcome) for p in carried] == [(1, "P2", None), (2, "P3", None)]
    assert carried[0].aspect_id == "zwerfafval" and carried[1].finding_ids == ["f1"]
    assert {p.id for p in carried}.isdisjoint({p.id for p in previous})


def test_v12_schema_cycles_priorities_and_links(tmp_path):
    from schouw.store.migrations import MIGRATIONS
    from tests.test_exchange_helpers import new_project

    project = new_project(tmp_path / "p.schouw", "dev")
    try:
        cols = {t: {r[1] for r in project.conn.execute(f"PRAGMA table_info({t})")}
                for t in ("cycles", "cycle_priorities", "cycle_priority_findings", "cycle_actions")}
        sync = {"id", "created_at", "updated_at", "updated_by", "deleted_at"}
        assert sync | {"buurt_id", "title", "start", "weeks", "status", "closed_at",
                       "evaluation_note"} <= cols["cycles"]
        assert sync | {"cycle_id", "rank", "title", "kind", "aspect_id", "theme", "outcome",
                       "outcome_note"} <= cols["cycle_priorities"]
        assert sync | {"priority_id", "finding_id"} <= cols["cycle_priority_findings"]
        assert sync | {"priority_id", "action_id"} <= cols["cycle_actions"]
        assert [m.__name__ for m in MIGRATIONS[10:12]] == ["_v11", "_v12"]
        assert project.schema_version >= 12
    finally:
        project.close()
