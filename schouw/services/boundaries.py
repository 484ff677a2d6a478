"""Importing buurt boundaries (CBS wijk- en buurtkaart): the use case behind
``schouw buurten import``.

The file is read and checked completely first (:mod:`schouw.exchange.boundaries`); then
every buurt of the project whose buurtcode (``buurten.code``, BU...) is in the file gets
its boundary, all in one transaction. The result names what matched, which of the
project's buurten the file does not have, which boundaries were repaired or empty.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from schouw.exchange.boundaries import read_boundaries
from schouw.messages import SchouwError
from schouw.services.changes import Changes
from schouw.store.project import Project


@dataclass
class BoundaryImport:
    path: str
    crs: str
    #: Buurten in the file.
    in_file: int
    #: (name, code) of the project's buurten that got a boundary.
    matched: list[tuple[str, str]] = field(default_factory=list)
    #: (name, code) of the project's buurten with a code the file does not have.
    not_found: list[tuple[str, str]] = field(default_factory=list)
    #: Names of the project's buurten without a buurtcode (nothing to match on).
    without_code: list[str] = field(default_factory=list)
    #: Codes whose geometry was self-intersecting and was repaired (make_valid).
    repaired: list[str] = field(default_factory=list)
    #: Codes of matched buurten whose geometry in the file is empty (left as they were).
    empty: list[str] = field(default_factory=list)
    changes: Changes = Changes.NONE


def import_boundaries(project: Project, path: str | Path) -> BoundaryImport:
    source = read_boundaries(path)
    by_code = {f.code: f for f in source.features}
    result = BoundaryImport(path=str(source.path), crs=source.crs, in_file=len(by_code))
    updates: dict[str, dict] = {}
    for buurt in project.areas.buurten():
        code = buurt.code.strip().upper()
        if not code:
            result.without_code.append(buurt.name)
            continue
        feature = by_code.get(code)
        if feature is None:
            result.not_found.append((buurt.name, buurt.code))
        elif feature.geometry is None:
            result.empty.append(code)
        else:
            updates[buurt.id] = feature.geometry
            result.matched.append((buurt.name, buurt.code))
            if feature.repaired:
                result.repaired.append(code)
    if not updates:
        codes = ", ".join(c for _, c in result.not_found[:6]) or "-"
        if result.empty:
            raise SchouwError("boundary_all_empty", path=str(source.path), codes=", ".join(result.empty))
        raise SchouwError("boundary_no_match", path=str(source.path), codes=codes)
    project.areas.set_boundaries(updates)
    result.changes = Changes(streets=True)
    return result
