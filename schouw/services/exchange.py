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
    METADATA_COLUMNS,
    Merger,
    MergeResult,
    make_missing_copies,
    merge_package,
)
from schouw.exchange.package import ExportResult, export_round
from schouw.exchange.space import disk_full, is_disk_full
from schouw.messages import CATALOGUE, SchouwError, render
from schouw.store.project import Project
from schouw.store.sync import SyncRepo

Progress = Callable[[int, int, str], "bool | None"]

__all__ = [
    "ConflictView", "ExportResult", "MergeResult", "check_package", "describe_value", "export_package",
    "field_label", "flip_conflict", "import_package", "list_conflicts", "round_note", "same_day_rounds",
    "SameDayRound", "suggested_package_path", "summary_line", "table_label",
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


@dataclass
class SameDayRound:
    """Another round of the package's buurt on the package's date, already in this
    project: what the coordinator may merge the package into."""

    id: str
    date: str
    buurt: str
    title: str
    findings: int


def same_day_rounds(project: Project, package: VerifiedPackage) -> list[SameDayRound]:
    """The rounds the coordinator is asked about before an import (read only). Empty
    when the package's round is known here (by id, or merged into one earlier)."""
    merger = Merger(project, package)
    merger.plan()
    rounds = []
    for round_id in merger.result.same_day_rounds:
        round_ = project.rounds.get(round_id)
        buurt = project.areas.buurt(round_.buurt_id)
        rounds.append(SameDayRound(id=round_.id, date=str(round_.date), buurt=buurt.name if buurt else "",
                                   title=round_.title, findings=len(project.findings.models(round_.id))))
    return rounds


def import_package(project: Project, package: VerifiedPackage | str | Path, *,
                   progress: Progress | None = None, make_copies: bool = True,
                   merge_into: str | None = None) -> MergeResult:
    """Merge a package (checked first when given as a path) and finish its photos.
    ``merge_into``: the coordinator's choice to merge the package's round into another
    round of the same buurt and date (the CLI's ``--merge-into``, the app's question)."""
    if not isinstance(package, VerifiedPackage):
        package = open_package(package, progress=progress)
    # The merge is one transaction: on a full disk SQLite rolls it back whole. The
    # photos' copies are made afterwards in small transactions; a full disk there
    # keeps what is done and says so (``schouw check`` or the next import resumes).
    needed = sum(m.size for m in package.members.values()) * 2  # photos, plus their thumbnails and report copies
    try:
        result = merge_package(project, package, progress, merge_into=merge_into)
        if make_copies and not result.already_imported:
            make_missing_copies(project, progress)
    except Exception as error:
        if is_disk_full(error):
            raise disk_full(project.path.parent, needed) from error
        raise
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


def field_label(column: str, lang: str | None = None) -> str:
    """A column's name in the user's language (the catalogue's ``field_<column>``)."""
    key = f"field_{column}"
    return render(key, lang) if key in CATALOGUE else column.replace("_", " ")


def table_label(table: str, lang: str | None = None) -> str:
    """What a row of ``table`` is called, in the user's language ("bevinding")."""
    key = f"table_{table}"
    return render(key, lang) if key in CATALOGUE else table


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
    keys = [k for k in kept if k not in METADATA_COLUMNS and k != "id" and kept.get(k) != other.get(k)]
    return ConflictView(
        id=c["id"], table=c["table_name"], kind=table_label(c["table_name"]),
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


def round_note(project: Project, result: MergeResult) -> str:
    """What the user must know about where the package's round went: merged into
    another round, or imported beside one of the same buurt and date ("" otherwise)."""
    if result.merged_into:
        return render("merged_into_note", id=result.merged_into[:8], paired=result.paired)
    if not result.same_day_rounds:
        return ""
    round_ = project.rounds.get(result.round_id)
    buurt = project.areas.buurt(round_.buurt_id)
    return render("same_day_round_note", buurt=buurt.name if buurt else "?", date=str(round_.date),
                  ids=", ".join(r[:8] for r in result.same_day_rounds), id=result.round_id[:8],
                  first=result.same_day_rounds[0][:8])


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
