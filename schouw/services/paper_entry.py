"""Key-in of paper forms: one typed line ("3.12 b 14 opmerking") checked against the
round's walk pack before anything is saved.

The street and item of "3.12" are found with the same order the walk pack printed
(services/walk_pack.pack_streets / pack_items) and the same rule (domain/paper.resolve).
"""

from __future__ import annotations

from dataclasses import dataclass

from schouw.domain.levels import Level
from schouw.domain.paper import NOT_APPLICABLE_KEYS, parse_line, resolve
from schouw.messages import SchouwError
from schouw.services.walk import RoundContext
from schouw.services.walk_pack import pack_items, pack_streets
from schouw.store.project import Project


@dataclass
class PaperLine:
    """A checked line: what the walk's use cases will save."""

    number: str
    street_id: str
    street: str
    element: str
    aspect: str
    level: str  # "A+".."D" or "n.v.t."
    house_number: str
    remark: str

    @property
    def changes(self) -> dict[str, object]:
        out: dict[str, object] = {"level": self.level}
        if self.house_number:
            out["house_number"] = self.house_number
        if self.remark:
            out["description"] = self.remark
        return out


def check_line(project: Project, ctx: RoundContext, text: str) -> PaperLine:
    """The line as a :class:`PaperLine`; SchouwError (paper_bad_number / paper_bad_level)
    when the number is not on the pack or the level is not one of the item's."""
    try:
        num, level_text, house, remark = parse_line(text)
    except ValueError:
        raise SchouwError("paper_bad_number", text=text.strip()) from None
    streets = pack_streets(project, ctx)
    items = pack_items(ctx)
    try:
        street, (element, aspect) = resolve(num, streets, items)
    except ValueError:
        raise SchouwError("paper_bad_number", text=num) from None
    allowed = [lv.value for lv in ctx.levels]
    if level_text.lower() in NOT_APPLICABLE_KEYS:
        level = "n.v.t."
    else:
        try:
            level = Level.parse(level_text).value
        except (ValueError, KeyError):
            level = ""
        if not aspect.has_level or level not in allowed:
            raise SchouwError("paper_bad_level", text=level_text, levels=", ".join(allowed))
    return PaperLine(num, street.id, street.name, element.id, aspect.id, level, house, remark)
