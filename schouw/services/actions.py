"""Actions followed by hand: the one use case behind the *Actiepunten* view, the status
widget in the finding editor and `schouw actions list` / `schouw action set`.

An action for the housing corporation, the police or welzijn never reaches the
municipality's MOR system, so a coordinator closes it by hand; every change is an
append-only history entry (who, when, from, to, note). An action sent to MOR takes its
status from there and is refused here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from schouw.domain.actions import ActionStatus, check_manual_change, is_overdue, parse_status
from schouw.domain.models import ActionEvent
from schouw.domain.parties import find_party, party_matches
from schouw.messages import SchouwError, render

if TYPE_CHECKING:
    from schouw.store.project import Project

#: Outbox states that mean the municipality has (or may have) the report: from then on
#: its status is MOR's.
SENT_STATES = frozenset({"sending", "sent", "unknown"})


@dataclass
class ActionRow:
    """One line of the action list."""

    finding_id: str
    action_id: str
    round_id: str
    round_date: date
    street: str
    item: str
    house_number: str
    party: str
    status: ActionStatus
    status_reason: str
    due: date | None
    overdue: bool
    mor_id: str | None
    mor_owned: bool
    history: list[ActionEvent] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        """The `--json` object of `schouw actions list`."""
        return {
            "finding_id": self.finding_id, "round_id": self.round_id, "street": self.street, "item": self.item,
            "party": self.party, "status": self.status.value, "due": self.due.isoformat() if self.due else None,
            "overdue": self.overdue, "mor_id": self.mor_id,
            "history": [{"at": e.at, "by": e.who or e.updated_by, "from": e.from_status.value if e.from_status else None,
                         "to": e.status.value, "note": e.note, "date": e.on_date.isoformat() if e.on_date else None}
                        for e in self.history],
        }


def who() -> str:
    """Who a change is recorded for: the user name setting, else this device's id."""
    from schouw.services.profiles import who as profile_who

    return profile_who()


def _mor_owned(mor_id: str | None, outbox_state: str | None) -> bool:
    return bool(mor_id) or outbox_state in SENT_STATES


def list_actions(project: Project, *, round_id: str | None = None, party: str | None = None,
                 status: str | ActionStatus | None = None, overdue: bool = False,
                 today: date | None = None, action_ids: list[str] | None = None) -> list[ActionRow]:
    """The live actions of a round (or the whole project, or just ``action_ids``: a
    traject's), filtered by party (the one party rule: whole name, any case), status and
    overdue."""
    today = today or date.today()
    if round_id is not None:
        round_id = project.rounds.get(round_id).id
    rows = project.actions.listing(round_id, action_ids)
    if party:
        name = find_party(party, (r["party"] for r in rows))
        rows = [r for r in rows if party_matches(r["party"], name)]
    wanted = parse_status(status) if isinstance(status, str) else status
    histories = project.actions.histories([r["id"] for r in rows])
    out = []
    for r in rows:
        current = ActionStatus(r["status"])
        due = date.fromisoformat(r["due_date"]) if r["due_date"] else None
        late = is_overdue(due, current, today)
        if (wanted is not None and current != wanted) or (overdue and not late):
            continue
        out.append(ActionRow(
            finding_id=r["finding_id"], action_id=r["id"], round_id=r["round_id"],
            round_date=date.fromisoformat(r["round_date"]), street=r["street"], item=f"{r['element']}.{r['aspect']}",
            house_number=r["house_number"] or "", party=r["party"], status=current,
            status_reason=r["status_reason"] or "", due=due, overdue=late, mor_id=r["mor_id"],
            mor_owned=_mor_owned(r["mor_id"], r["outbox_state"]), history=histories[r["id"]]))
    return out


def action_row(project: Project, finding_id: str, today: date | None = None) -> ActionRow:
    """The list row of one finding's action (its editor shows it), or a user error."""
    finding = project.findings.get(finding_id)
    for row in list_actions(project, round_id=finding.round_id, today=today):
        if row.finding_id == finding.id:
            return row
    raise SchouwError("action_none", id=finding_id)


def parse_day(text: str | None) -> date | None:
    """A YYYY-MM-DD date from the command line, or a user error."""
    if text is None or not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise SchouwError("action_date_bad", date=text) from None


def set_status(project: Project, finding_id: str, status: str | ActionStatus, *, note: str = "",
               on_date: date | None = None, by: str | None = None) -> tuple[ActionStatus, ActionEvent]:
    """Set the status of a finding's action by hand, after every rule (see
    :func:`schouw.domain.actions.check_manual_change`); nothing changes on an error.
    Returns the previous status (for undo) and the new history entry."""
    from schouw.domain.text import check_text

    row = action_row(project, finding_id)
    target = parse_status(status) if isinstance(status, str) else status
    note = note.strip()
    check_text(note=note)
    check_manual_change(row.status, target, note, mor_owned=row.mor_owned, when=on_date,
                        round_date=row.round_date)
    event = project.actions.set_status(row.action_id, target, note, on_date=on_date, who=by or who(),
                                       checked=True)
    assert event is not None  # check_manual_change refuses a change to the same status
    return row.status, event


def undo_status(project: Project, finding_id: str, back_to: ActionStatus, *, by: str | None = None) -> None:
    """Take a hand change back: a new history entry to the previous status (the history
    stays append-only, so the undo travels to other laptops like any change). The
    transition rules do not apply: undoing is not a new decision."""
    row = action_row(project, finding_id)
    if row.mor_owned:
        raise SchouwError("action_mor_owned")
    project.actions.set_status(row.action_id, back_to, render("action_undo_note"), who=by or who(), checked=True)


def overdue_count(project: Project, round_id: str | None = None, today: date | None = None) -> int:
    """How many actions are overdue (the status bar's figure)."""
    return len(list_actions(project, round_id=round_id, overdue=True, today=today))
