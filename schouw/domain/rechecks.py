"""Re-inspection (herschouw): what checking an open point of an earlier round again means.

A new round of a buurt carries the open points of the buurt's latest earlier round with
the same form: the findings below their norm (:func:`schouw.domain.norms.judge`) or with
an action that is not closed. Walking the street, each one is marked once:

- *opgelost*: gone; no new finding, and its old action is closed;
- *aanwezig*: still there; a new finding at the old level (or a level given);
- *erger*: worse; a new finding at a level lower than the old one (on a level scale).

The rules below are pure so the app, the CLI and the tests apply the same ones.
"""

from __future__ import annotations

from enum import StrEnum

from schouw.domain.levels import Level
from schouw.domain.models import Synced
from schouw.messages import SchouwError


class RecheckResult(StrEnum):
    SOLVED = "opgelost"
    PRESENT = "aanwezig"
    WORSE = "erger"

    @classmethod
    def parse(cls, text: str) -> RecheckResult:
        key = (text or "").strip().lower()
        for result in cls:
            if result.value == key:
                return result
        raise SchouwError("recheck_bad_result", result=text, allowed=", ".join(r.value for r in cls))


class Recheck(Synced):
    """One open point of an earlier round to check again in this round."""

    round_id: str
    #: The earlier finding this point follows.
    follows: str
    street_id: str
    result: RecheckResult | None = None
    #: The level recorded by the check (aanwezig/erger on a level item).
    level: Level | None = None
    #: The new finding that records the point as still there (None for opgelost).
    finding_id: str | None = None
    checked_at: str | None = None


def is_open(below_norm: bool, action_closed: bool | None) -> bool:
    """An earlier finding is an open point when it was below its norm, or has an action
    that is not afgehandeld/afgewezen (``action_closed`` None: it has no action)."""
    return below_norm or action_closed is False


def new_level(result: RecheckResult, has_level: bool, old: Level | None,
              given: Level | None, item: str) -> Level | None:
    """The level the new finding gets, or a user error.

    An observation item (no level scale) takes no level. *aanwezig* keeps the old level
    unless one is given; *erger* needs one, and it must be lower than the old one.
    *opgelost* records nothing, so takes no level."""
    if not has_level:
        if given is not None:
            raise SchouwError("recheck_level_on_observation", item=item)
        return None
    if result is RecheckResult.SOLVED:
        if given is not None:
            raise SchouwError("recheck_level_on_solved")
        return None
    if result is RecheckResult.PRESENT:
        return given if given is not None else old
    if given is None:
        raise SchouwError("recheck_worse_needs_level", item=item)
    if old is not None and not given < old:
        raise SchouwError("recheck_not_worse", level=given.value, old=old.value)
    return given
