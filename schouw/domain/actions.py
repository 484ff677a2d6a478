"""Action statuses (actiepunten) and which changes between them are allowed.

The statuses stay close to those of Signalen, the Dutch open-source MOR platform, so a
status that comes back from the municipality maps onto one of ours without loss.
"""

from __future__ import annotations

from enum import StrEnum


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
    from schouw.messages import SchouwError

    if target not in ALLOWED[current]:
        raise SchouwError("action_transition", current=current.label, target=target.label)
    if target in NEEDS_REASON and not reason.strip():
        raise SchouwError("reason_required", status=target.label)


ROLES: dict[str, str] = {
    "gemeente": "Gemeente",
    "corporatie": "Woningcorporatie",
    "politie": "Politie",
    "welzijn": "Welzijn",
    "bewoner": "Bewoner",
    "overig": "Overig",
}

PRIORITIES: dict[str, str] = {"laag": "laag", "normaal": "normaal", "hoog": "hoog", "spoed": "spoed"}
