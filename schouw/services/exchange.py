"""Export packages, importing them, and the conflicts a merge leaves for the coordinator.

The CLI (``schouw export/import/conflicts``) and the GUI's export dialog call these.
Import is two steps on purpose: :func:`check_package` needs no project (so a bad file
is refused before a project is even created), :func:`import_package` merges a checked
package in one transaction and then makes the photos' thumbnails and report copies.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from schouw.domain.models import utc_now
from schouw.exchange.checks import Limits, VerifiedPackage, open_package
from schouw.exchange.merge import (
    CONFLICT_TABLES,
    STAMP_COLUMNS,
    TABLE_LABELS,
    MergeResult,
    make_missing_copies,
    merge_package,
)
from schouw.exchange.package import ExportResult, export_round
from schouw.messages import SchouwError
from schouw.store.project import Project
from schouw.store.sync import SyncRepo

Progress = Callable[[int, int, str], "bool | None"]

__all__ = [
    "ConflictView", "ExportResult", "MergeResult", "check_package", "describe_value", "export_package",
    "field_label", "flip_conflict", "import_package", "list_conflicts", "suggested_package_path", "summary_line",
    "table_label",
]


def export_package(project: Project, round_id: str, out: str | Path, *, since: str | None = None,
                   personal_data: bool = True, xlsx: bool = False,
                   progress: Progress | None = None) -> ExportResult:
    return export_round(project, round_id, out, since=since, personal_data=personal_data, xlsx=xlsx,
                        progress=progress)


def suggested_package_path(project: Project, round_id: str, now: datetime | None = None) -> Path:
    """Where the app proposes to save a round's package: beside the project file, named
    so that the coordinator can tell the teams' packages apart in one folder or mailbox
    (buurt, round date, when it was made): ``Vogelbuurt-2026-10-13_pakket-2026-11-23-1131.zip``."""
    from schouw.exchange.package import slug

    round_ = project.rounds.get(round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    made = (now or datetime.now()).strftime("%Y-%m-%d-%H%M")
    name = f"{slug(buurt.name if buurt else '') or 'ronde'}-{round_.date}_pakket-{made}.zip"
    return project.path.parent / name


def check_package(path: str | Path, *, limits: Limits | None = None,
                  progress: Progress | None = None) -> VerifiedPackage:
    return open_package(path, limits=limits, progress=progress)


def import_package(project: Project, package: VerifiedPackage | str | Path, *,
                   progress: Progress | None = None, make_copies: bool = True) -> MergeResult:
    """Merge a package (checked first when given as a path) and finish its photos."""
    if not isinstance(package, VerifiedPackage):
        package = open_package(package, progress=progress)
    result = merge_package(project, package, progress)
    if make_copies and not result.already_imported:
        make_missing_copies(project, progress)
    return result


# -- conflicts ---------------------------------------------------------------------------
@dataclass
class ConflictView:
    id: str
    table: str
    kind: str
    row_id: str
    what: str
    kept_side: str
    kept_at: str
    kept_by: str
    other_at: str
    other_by: str
    detected_at: str
    flips: int
    fields: list[tuple[str, Any, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        data = dict(self.__dict__)
        data["fields"] = [{"field": f, "label": field_label(f), "kept": k, "other": o} for f, k, o in self.fields]
        return data


#: Dutch names of the columns two versions can differ in (a column not listed shows its
#: own name). The coordinator reads these in the conflict review and in the CLI.
FIELD_LABELS = {
    "level": "niveau", "not_applicable": "n.v.t.", "choice": "oordeel", "description": "omschrijving",
    "house_number": "huisnummer", "spot": "plek", "priority": "prioriteit", "element": "onderdeel",
    "aspect": "aspect", "street_id": "straat", "lat": "breedtegraad", "lon": "lengtegraad",
    "observed_at": "waargenomen", "time_of_day": "dagdeel", "deleted_at": "verwijderd",
    "party": "actiehouder", "due_date": "uiterste datum", "status": "status", "status_reason": "toelichting",
    "mor_id": "meldingsnummer", "mor_status": "status bij de gemeente", "mor_status_text": "bericht van de gemeente",
    "date": "datum", "title": "titel", "notes": "notities", "name": "naam", "organisation": "organisatie",
    "role": "rol", "email": "e-mail", "phone": "telefoon", "done_at": "gelopen", "woonplaats": "woonplaats",
    "area_type": "gebiedstype", "house_numbers": "huisnummers", "geometry": "ligging", "code": "code",
    "definition": "inhoud",
}


#: The same names in English, for ``--lang en`` and the English app.
FIELD_LABELS_EN = {
    "level": "level", "not_applicable": "n/a", "choice": "judgement", "description": "description",
    "house_number": "house number", "spot": "spot", "priority": "priority", "element": "element",
    "aspect": "aspect", "street_id": "street", "lat": "latitude", "lon": "longitude",
    "observed_at": "observed", "time_of_day": "time of day", "deleted_at": "deleted",
    "party": "party", "due_date": "due date", "status": "status", "status_reason": "explanation",
    "mor_id": "report number", "mor_status": "status at the municipality",
    "mor_status_text": "message from the municipality", "date": "date", "title": "title", "notes": "notes",
    "name": "name", "organisation": "organisation", "role": "role", "email": "e-mail", "phone": "phone",
    "done_at": "walked", "woonplaats": "woonplaats", "area_type": "area type", "house_numbers": "house numbers",
    "geometry": "geometry", "code": "code", "definition": "content",
}

TABLE_LABELS_EN = {
    "wijken": "wijk", "buurten": "buurt", "streets": "street", "profiles": "quality profile",
    "rounds": "round", "participants": "participant", "round_streets": "street progress",
    "findings": "finding", "actions": "action", "action_events": "action history", "photos": "photo",
}


def field_label(column: str) -> str:
    from schouw.messages import language

    return (FIELD_LABELS_EN if language() == "en" else FIELD_LABELS).get(column, column)


def table_label(table: str) -> str:
    """What a row of ``table`` is called, in the user's language ("bevinding")."""
    from schouw.messages import language

    return (TABLE_LABELS_EN if language() == "en" else TABLE_LABELS).get(table, table)


def _item_name(project: Project, round_id: str, element: str, aspect: str) -> str:
    """"Afvalbakken — Scheefstand" from the round's form; the ids if the form is unknown."""
    try:
        form = project.forms.get(project.rounds.get(round_id).form_key)
        found = form.find(element, aspect)
    except SchouwError:
        found = None
    return f"{found[0].name} — {found[1].name}" if found else f"{element}.{aspect}"


def _describe(project: Project, table: str, row: dict[str, Any]) -> str:
    if table == "findings":
        street = project.areas.street(row.get("street_id", ""))
        where = f"{street.name if street else '?'} {row.get('house_number') or ''}".strip()
        return f"{where}: {_item_name(project, row.get('round_id', ''), row.get('element', ''), row.get('aspect', ''))}"
    if table == "actions":
        try:
            finding = project.findings.get(row.get("finding_id", ""), include_deleted=True)
        except SchouwError:
            return row.get("party", "")
        street = project.areas.street(finding.street_id)
        item = _item_name(project, finding.round_id, finding.element, finding.aspect)
        return f"{street.name if street else '?'} {finding.house_number}: {item} ({row.get('party', '')})"
    return str(row.get("name") or row.get("title") or row.get("id", ""))


def _view(project: Project, c: dict[str, Any]) -> ConflictView:
    kept, other = c["kept"], c["other"]
    keys = [k for k in kept if k not in STAMP_COLUMNS and k != "id" and kept.get(k) != other.get(k)]
    return ConflictView(
        id=c["id"], table=c["table_name"], kind=TABLE_LABELS.get(c["table_name"], c["table_name"]),
        row_id=c["row_id"], what=_describe(project, c["table_name"], kept), kept_side=c["kept_side"],
        kept_at=kept.get("updated_at", ""), kept_by=kept.get("updated_by", ""),
        other_at=other.get("updated_at", ""), other_by=other.get("updated_by", ""),
        detected_at=c["detected_at"], flips=c["flips"],
        fields=[(k, kept.get(k), other.get(k)) for k in keys],
    )


def list_conflicts(project: Project, round_id: str | None = None) -> list[ConflictView]:
    return [_view(project, c) for c in SyncRepo(project).conflicts(round_id)]


def flip_conflict(project: Project, conflict_id: str) -> ConflictView:
    """Put the version that lost back in place; the one it replaces becomes the kept-aside
    version, so flipping twice returns to the start. The restored version is stamped
    now by this device, so it wins everywhere the next package goes."""
    sync = SyncRepo(project)
    found = sync.find_conflicts(conflict_id.strip())
    if not found:
        raise SchouwError("unknown_conflict", id=conflict_id)
    if len(found) > 1:
        raise SchouwError("ambiguous_conflict", id=conflict_id)
    c = found[0]
    table = c["table_name"]
    if table not in CONFLICT_TABLES:
        raise SchouwError("unknown_conflict", id=conflict_id)
    current = sync.row(table, c["row_id"]) or c["kept"]
    columns = set(sync.columns(table))
    restored = {k: v for k, v in c["other"].items() if k in columns}
    restored.update(id=c["row_id"], created_at=current.get("created_at", restored.get("created_at")),
                    updated_at=utc_now(), updated_by=project.device_id)
    with project.atomic():
        sync.upsert(table, [restored])
        sync.save_flip(c["id"], kept=restored, other=current,
                       kept_side="pakket" if c["kept_side"] == "lokaal" else "lokaal")
    return list_conflicts_by_id(project, c["id"])


def list_conflicts_by_id(project: Project, conflict_id: str) -> ConflictView:
    return _view(project, SyncRepo(project).find_conflicts(conflict_id)[0])


def summary_line(result: MergeResult, *, review: str = "schouw conflicts list") -> str:
    """One line for the user; ``review`` names where the conflicts are reviewed (the CLI
    command, or the app's button)."""
    from schouw.messages import Text, render

    if result.already_imported:
        return render("import_already")
    conflicts = Text("import_conflicts", n=result.conflicts, review=review) if result.conflicts else ""
    return render("import_summary", added=sum(result.added.values()), updated=sum(result.updated.values()),
                  deleted=sum(result.deleted.values()), photos=result.photos_written, conflicts=conflicts)


def describe_value(value: Any) -> str:
    """A value as the coordinator reads it: "—" for nothing, yes/no for flags."""
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        from schouw.messages import render

        return render("value_yes" if value else "value_no")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)[:60]
    return str(value)
