"""Action statuses (actiepunten) and which changes between them are allowed.

The statuses stay close to those of Signalen, the Dutch open-source MOR platform, so a
status that comes back from the municipality maps onto one of ours without loss.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from schouw.messages import SchouwError


class ActionStatus(StrEnum):
    OPEN = "open"
    FORWARDED = "doorgezet"
    SCHEDULED = "ingepland"
    IN_PROGRESS = "in_behandeling"
    DONE = "afgehandeld"
    REJECTED = "afgewezen"
    REOPENED = "heropend"

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]

    @property
    def is_closed(self) -> bool:
        return self in (ActionStatus.DONE, ActionStatus.REJECTED)


STATUS_LABELS: dict[ActionStatus, str] = {
    ActionStatus.OPEN: "open",
    ActionStatus.FORWARDED: "doorgezet",
    ActionStatus.SCHEDULED: "ingepland",
    ActionStatus.IN_PROGRESS: "in behandeling",
    ActionStatus.DONE: "afgehandeld",
    ActionStatus.REJECTED: "afgewezen",
    ActionStatus.REOPENED: "heropend",
}

_ACTIVE = {
    ActionStatus.FORWARDED,
    ActionStatus.SCHEDULED,
    ActionStatus.IN_PROGRESS,
    ActionStatus.DONE,
    ActionStatus.REJECTED,
}

ALLOWED: dict[ActionStatus, set[ActionStatus]] = {
    ActionStatus.OPEN: _ACTIVE,
    ActionStatus.REOPENED: _ACTIVE,
    ActionStatus.FORWARDED: _ACTIVE - {ActionStatus.FORWARDED} | {ActionStatus.OPEN},
    ActionStatus.SCHEDULED: {ActionStatus.IN_PROGRESS, ActionStatus.DONE, ActionStatus.REJECTED, ActionStatus.FORWARDED},
    ActionStatus.IN_PROGRESS: {ActionStatus.SCHEDULED, ActionStatus.DONE, ActionStatus.REJECTED, ActionStatus.FORWARDED},
    ActionStatus.DONE: {ActionStatus.REOPENED},
    ActionStatus.REJECTED: {ActionStatus.REOPENED},
}

#: Statuses that need a reason: residents are told why nothing was done.
NEEDS_REASON = {ActionStatus.REJECTED, ActionStatus.REOPENED}


def check_transition(current: ActionStatus, target: ActionStatus, reason: str = "") -> None:
    """Raise a user-facing error when ``current -> target`` is not allowed."""
    if target not in ALLOWED[current]:
        raise SchouwError("action_transition", current=current.label, target=target.label)
    if target in NEEDS_REASON and not reason.strip():
        raise SchouwError("reason_required", status=target.label)


#: The statuses a coordinator sets by hand; *doorgezet* is the municipality's (MOR) word.
MANUAL_STATUSES: tuple[ActionStatus, ...] = (
    ActionStatus.OPEN, ActionStatus.SCHEDULED, ActionStatus.IN_PROGRESS,
    ActionStatus.DONE, ActionStatus.REJECTED, ActionStatus.REOPENED,
)


def parse_status(text: str) -> ActionStatus:
    """The manual status named ``text`` (its value or its label, any case: "in behandeling"
    and "in_behandeling" both work), or a user error listing the statuses."""
    wanted = " ".join(text.replace("_", " ").split()).casefold()
    for status in MANUAL_STATUSES:
        if wanted == status.label.casefold():
            return status
    raise SchouwError("action_status_unknown", status=text,
                      statuses=", ".join(s.value for s in MANUAL_STATUSES))


def check_manual_change(current: ActionStatus, target: ActionStatus, note: str = "", *,
                        mor_owned: bool = False, when: date | None = None,
                        round_date: date | None = None) -> None:
    """Every rule a status set by hand must pass, in the order a user would fix them.

    An action sent to the municipality's MOR system takes its status from there, so a
    hand change would be overwritten at the next sync: refused. The date of a change
    cannot lie before the round that found the problem.
    """
    if mor_owned:
        raise SchouwError("action_mor_owned")
    if target not in MANUAL_STATUSES:
        raise SchouwError("action_status_unknown", status=target.value,
                          statuses=", ".join(s.value for s in MANUAL_STATUSES))
    if when is not None and round_date is not None and when < round_date:
        raise SchouwError("action_date_before_round", date=when.isoformat(), round_date=round_date.isoformat())
    check_transition(current, target, note)


def is_overdue(due: date | None, status: ActionStatus, today: date) -> bool:
    """Past its due date and neither done nor rejected: the one overdue rule for the
    action list, the walk screen, the status bar and the report."""
    return due is not None and due < today and not status.is_closed


ROLES: dict[str, str] = {
    "gemeente": "Gemeente",
    "corporatie": "Woningcorporatie",
    "politie": "Politie",
    "welzijn": "Welzijn",
    "bewoner": "Bewoner",
    "overig": "Overig",
}

PRIORITIES: dict[str, str] = {"laag": "laag", "normaal": "normaal", "hoog": "hoog", "spoed": "spoed"}
