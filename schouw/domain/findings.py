"""What may be recorded for a form item: the rules a finding's value must obey."""

from __future__ import annotations

from dataclasses import dataclass

from schouw.domain.forms import Aspect, Element, Form
from schouw.domain.levels import ALL_LEVELS, NOT_APPLICABLE, Level
from schouw.messages import SchouwError


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
    if level is not None and level.strip().lower() in (NOT_APPLICABLE, "nvt", "n.v.t"):
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
            allowed = ", ".join(lv.value for lv in allowed_levels) + f", {NOT_APPLICABLE}"
            raise SchouwError("bad_level", level=level, item=key, allowed=allowed)
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
