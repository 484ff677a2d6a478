"""What may be recorded for a form item: the rules a finding's value must obey."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from schouw.domain.forms import Aspect, Element, Form
from schouw.domain.levels import ALL_LEVELS, NOT_APPLICABLE, Level
from schouw.messages import SchouwError, Text

#: How people type "not applicable": the Dutch n.v.t. in its spellings, and the English n/a.
NOT_APPLICABLE_INPUTS = (NOT_APPLICABLE, "nvt", "n.v.t", "n/a", "na")

#: The priority a finding has when nobody chose one (the schema's column default). A
#: finding judged n.v.t. keeps this one: "no priority" is the default, not a fifth value,
#: so every reader of the column (reports, MOR, exports) keeps working unchanged.
DEFAULT_PRIORITY = "normaal"

F = TypeVar("F")


@dataclass(frozen=True)
class ItemValue:
    element: Element
    aspect: Aspect
    level: Level | None
    not_applicable: bool
    choice: str | None


def resolve_value(form: Form, item_key: str, level: str | None = None, choice: str | None = None,
                  allowed_levels: tuple[Level, ...] = ALL_LEVELS) -> ItemValue:
    """Check a level/choice against the form item and the levels in use.

    ``level`` may be a CROW level, ``n.v.t.`` (not applicable: left out of every
    score), or None (a finding without a judgement yet).
    """
    element, aspect = form.item(item_key)
    key = f"{element.id}.{aspect.id}"
    if level is not None and level.strip().lower() in NOT_APPLICABLE_INPUTS:
        return ItemValue(element, aspect, None, True, None)
    parsed: Level | None = None
    if level is not None and level.strip():
        if not aspect.has_level:
            raise SchouwError("item_has_no_level", item=key)
        try:
            parsed = Level.parse(level)
        except ValueError:
            parsed = None
        if parsed is None or parsed not in allowed_levels:
            allowed = ", ".join(lv.value for lv in allowed_levels) + ", "
            raise SchouwError("bad_level", level=level, item=key, allowed=_Joined(allowed, Text("level_nvt")))
    if choice is not None and choice.strip():
        if aspect.scale != "choice":
            raise SchouwError("bad_choice", choice=choice, item=key, allowed="-")
        match = next((c for c in aspect.choices if c.lower() == choice.strip().lower()), None)
        if match is None:
            raise SchouwError("bad_choice", choice=choice, item=key, allowed=", ".join(aspect.choices))
        choice = match
    else:
        choice = None
    return ItemValue(element, aspect, parsed, False, choice)


class _Joined(Text):
    """A plain prefix followed by a translated word (the level list ending in n.v.t./n/a)."""

    def __init__(self, prefix: str, text: Text) -> None:
        super().__init__(text.key, **text.params)
        self.prefix = prefix

    def render(self, lang: str | None = None) -> str:
        return self.prefix + super().render(lang)


def allows_priority_and_action(not_applicable: bool) -> bool:
    """Whether a finding may carry a priority other than the default, and an action.

    n.v.t. says the item does not apply at this spot: there is nothing wrong to rank or
    to hand to a party. The app's editor asks this to know which fields it offers, and
    :func:`check_finding` enforces it for every writer (app, CLI, import of a form).
    """
    return not not_applicable


def check_priority(priority: str) -> str:
    from schouw.domain.actions import PRIORITIES

    value = (priority or "").strip().lower()
    if value not in PRIORITIES:
        raise SchouwError("bad_priority", priority=priority, allowed=", ".join(PRIORITIES))
    return value


def check_finding(form: Form, item_key: str, *, level: str | None = None, choice: str | None = None,
                  priority: str = DEFAULT_PRIORITY, has_action: bool = False,
                  allowed_levels: tuple[Level, ...] = ALL_LEVELS) -> tuple[ItemValue, str]:
    """The one validation of a finding's judgement, for the app and the CLI alike: the
    level or choice must fit the item and the profile's levels, the priority must be a
    known one, and n.v.t. takes neither a priority nor an action. Returns the resolved
    value and the normalised priority; raises :class:`SchouwError` otherwise."""
    value = resolve_value(form, item_key, level, choice, allowed_levels)
    priority = check_priority(priority)
    if not allows_priority_and_action(value.not_applicable):
        if has_action:
            raise SchouwError("nvt_has_action", item=item_key)
        if priority != DEFAULT_PRIORITY:
            raise SchouwError("nvt_priority", item=item_key, priority=priority)
    return value, priority


def check_action_allowed(not_applicable: bool) -> None:
    """Refuse an action on a finding judged n.v.t. (see :func:`allows_priority_and_action`)."""
    if not allows_priority_and_action(not_applicable):
        raise SchouwError("nvt_no_action")


def report_order(findings: Sequence[F], street_order: Sequence[str]) -> list[F]:
    """Findings in the order the round report numbers them (1, 2, ...): by street in
    walking order (``street_order``: the buurt's streets by position), then by the time
    each was recorded. A finding on a street not in ``street_order`` (a street deleted
    after the walk) comes after those, its street placed where its first finding falls.

    The one numbering rule: the report's findings table and action list, and the
    numbered markers on the map (:mod:`schouw.services.mapscene`) all use it, so a
    number on the map is the number in the table. ``findings`` are objects with
    ``street_id`` and ``created_at``, given in the order they were recorded (the sort is
    stable, so findings recorded in the same millisecond keep that order).
    """
    position = {street_id: i for i, street_id in enumerate(street_order)}
    for finding in sorted(findings, key=lambda f: f.created_at):
        position.setdefault(finding.street_id, len(position))
    return sorted(findings, key=lambda f: (position[f.street_id], f.created_at))
