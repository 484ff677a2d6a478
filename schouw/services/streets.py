"""Importing the street list of a buurt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from schouw.domain.models import Street
from schouw.domain.text import require_clean
from schouw.exchange.streets import read_streets
from schouw.store.project import Project


@dataclass
class StreetImport:
    buurt: str
    wijk: str
    read: int
    added: int
    updated: int


def import_streets(project: Project, path: str | Path, *, buurt: str, wijk: str | None = None,
                   name_column: str | None = None, woonplaats: str | None = None,
                   area_type: str = "woongebied") -> StreetImport:
    """Read the file completely first; only then touch the project, in one transaction."""
    records = read_streets(path, name_column=name_column, woonplaats=woonplaats)
    for text in (buurt, wijk, *(r.name for r in records)):
        require_clean("name", text)
    for r in records:
        require_clean("woonplaats", r.woonplaats)
    with project.atomic():
        buurt_row = project.areas.ensure_buurt(buurt, wijk, area_type)
        streets = [
            Street(buurt_id=buurt_row.id, name=r.name, woonplaats=r.woonplaats,
                   geometry=r.geometry(), house_numbers=r.numbers())
            for r in records
        ]
        added, updated = project.areas.merge_streets(buurt_row.id, streets)
    wijk_row = project.areas.wijk(buurt_row.wijk_id)
    return StreetImport(buurt=buurt_row.name, wijk=wijk_row.name if wijk_row else "", read=len(records),
                        added=added, updated=updated)
