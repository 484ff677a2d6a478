"""The export package as a versioned document: ``schouw.json`` and ``manifest.json``.

The models here are the single source of truth for both files: the exporter fills
them, the importer validates against them, and the published JSON Schema
(``docs/schouw-package.schema.json`` and ``schouw.schema.json`` inside every package)
is generated from them, so the three can never disagree.

Rows reuse the domain models; a package only tightens them. In the app a missing id
or time stamp is filled in on creation, but a row that arrives in a package without
them would get a fresh random id on every import and so break idempotency, so here
they are required and must look like the sortable UTC stamps the store writes.
"""

from __future__ import annotations

import json
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from schouw.domain.forms import Form
from schouw.domain.indicators import Indicator, IndicatorValue
from schouw.domain.models import (
    Action,
    ActionEvent,
    Buurt,
    Finding,
    Participant,
    Photo,
    Round,
    SchouwPunt,
    Street,
    Synced,
    Wijk,
)
from schouw.domain.rechecks import Recheck

FORMAT = "schouw-exportpakket"
#: Bump when a change would make an older schouw misread a package. An importer
#: accepts exactly the versions in SUPPORTED_VERSIONS and refuses others clearly.
#: 2: policy indicators and Veilige Buurten trajecten travel too (tables an importer of
#: version 1 would silently drop); a version-1 package still imports, without them.
SCHEMA_VERSION = 2
SUPPORTED_VERSIONS = frozenset({1, 2})

DOCUMENT_NAME = "schouw.json"
SCHEMA_NAME = "schouw.schema.json"
MANIFEST_NAME = "manifest.json"
CSV_NAME = "bevindingen.csv"
XLSX_NAME = "bevindingen.xlsx"
GEOJSON_NAME = "bevindingen.geojson"
PHOTO_DIR = "fotos/"

#: UTC ISO 8601 as written by ``utc_now`` (milliseconds and Z); sortable as text.
STAMP = r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?(Z|[+-]\d{2}:\d{2})?$"
SHA256 = r"^[0-9a-f]{64}$"


class _Stamped(BaseModel):
    """Bookkeeping columns, required in a package (see the module docstring)."""

    id: str = Field(min_length=1, max_length=64)
    created_at: str = Field(pattern=STAMP)
    updated_at: str = Field(pattern=STAMP)
    updated_by: str = Field(max_length=128)
    deleted_at: str | None = Field(default=None, pattern=STAMP)


class PackageWijk(_Stamped, Wijk):
    """A wijk (district)."""


class PackageBuurt(_Stamped, Buurt):
    """A buurt (neighbourhood) with its gebiedstype; ``boundary`` is GeoJSON in WGS84 (CBS)."""


class PackageStreet(_Stamped, Street):
    """A street of the buurt; ``geometry`` is GeoJSON in WGS84."""


class PackageRound(_Stamped, Round):
    """The schouwronde itself."""


class PackageParticipant(_Stamped, Participant):
    """A team member. In a package made without personal data ``name`` is null and
    ``email``/``phone`` are empty; organisation and role remain."""

    name: str | None = None


class RoundStreet(_Stamped, Synced):
    """A street's progress in the round (``done_at``: when the team finished it)."""

    round_id: str
    street_id: str
    done_at: str | None = None


class PackageRecheck(_Stamped, Recheck):
    """An open point of the previous round re-inspected in this round (herschouw):
    ``follows`` is the earlier finding's id (that round is not in this package),
    ``result`` null until checked, ``finding_id`` the new finding of this round that
    records it as still there."""


class PackageSchouwPunt(_Stamped, SchouwPunt):
    """A randomly drawn point of a meting (number ``n`` 1..N in walking order, its street,
    stretch and midpoint; ``done_at`` when finished). Findings measured there name it
    in ``point_id``."""


class PackageIndicator(_Stamped, Indicator):
    """A policy indicator of the round's area (the whole project, its wijk or its buurt):
    nulmeting and streefwaarde; ``area_id`` is the wijk or buurt named by ``area_kind``."""


class PackageIndicatorValue(_Stamped, IndicatorValue):
    """A measured value of an indicator in a year (one per year); ``round_id`` is the
    meting it was computed from, which need not be the round of this package."""


class PackageCycle(_Stamped, Synced):
    """A Veilige Buurten traject of the package's buurt: ``start`` (ISO date) and
    ``weeks``; ``status`` ``open`` or ``geevalueerd`` with ``closed_at`` and the note."""

    buurt_id: str
    title: str
    start: str
    weeks: int
    status: Literal["open", "geevalueerd"] = "open"
    closed_at: str | None = None
    evaluation_note: str = ""


class PackageCyclePriority(_Stamped, Synced):
    """A ranked priority of a traject, about findings (``kind`` ``bevinding``, linked in
    ``cycle_priority_findings``), an item of the form (``aspect_id``: element.aspect) or
    a free theme; ``outcome`` once evaluated."""

    cycle_id: str
    rank: int
    title: str
    kind: Literal["bevinding", "aspect", "thema"] = "thema"
    aspect_id: str | None = None
    theme: str = ""
    outcome: Literal["bereikt", "deels", "niet"] | None = None
    outcome_note: str = ""


class PackageCycleFinding(_Stamped, Synced):
    """A finding a priority is about (it may lie in another round of the buurt)."""

    priority_id: str
    finding_id: str


class PackageCycleAction(_Stamped, Synced):
    """An action linked to a priority by hand (it may lie in another round of the buurt)."""

    priority_id: str
    action_id: str


class PackageFinding(_Stamped, Finding):
    """A bevinding. ``level`` is null for observations without a level and when
    ``not_applicable`` (n.v.t.) is true."""


class PackageActionEvent(_Stamped, ActionEvent):
    """One status change of an actiepunt."""


class PackageAction(_Stamped, Action):
    """An actiepunt with its full status history."""

    history: list[PackageActionEvent] = Field(default_factory=list)


class PackagePhoto(_Stamped, Photo):
    """A photo record. ``file`` is the package member with the privacy-masked export
    copy (no EXIF), null for a deleted photo; ``sha256`` is the original's hash."""

    file: str | None = None
    file_sha256: str | None = Field(default=None, pattern=SHA256)
    file_size: int | None = Field(default=None, ge=0)


class PackageProfile(_Stamped, Synced):
    """The quality profile (kwaliteitsprofiel) the round is scored against."""

    name: str
    definition: dict


class PackageForm(BaseModel):
    """The exact form version the round used, copied in full."""

    model_config = ConfigDict(extra="forbid")

    key: str = Field(min_length=3)
    form_id: str
    version: str
    title: str
    kind: str
    definition: Form


class ChangeRange(BaseModel):
    """The span of ``updated_at`` of the rows in the package (null when it holds none)."""

    model_config = ConfigDict(extra="forbid")

    first: str | None = Field(default=None, pattern=STAMP)
    last: str | None = Field(default=None, pattern=STAMP)
    rows: int = Field(default=0, ge=0)


class _Header(BaseModel):
    """What schouw.json and manifest.json both say about the package."""

    model_config = ConfigDict(extra="forbid")

    format: Literal["schouw-exportpakket"] = FORMAT
    schema_version: int = SCHEMA_VERSION
    package_id: str = Field(min_length=1, max_length=64)
    created_at: str = Field(pattern=STAMP)
    app_version: str
    device_id: str = Field(max_length=128)
    project_id: str = Field(max_length=64)
    round_id: str = Field(min_length=1, max_length=64)
    incremental: bool = False
    #: What an incremental package starts after: an ISO time, or "pakket <id>".
    since: str | None = None
    personal_data: bool = True
    changes: ChangeRange = Field(default_factory=ChangeRange)
    #: Per device id, the newest change of that device the exporting project had seen
    #: in this round. Lets the receiver tell a conflict from a plain update, and lets
    #: ``--since PACKAGE`` pick exactly the versions that package did not hold.
    seen: dict[str, str] = Field(default_factory=dict)


class PackageDocument(_Header):
    """A whole schouwronde (or the changes since an earlier package)."""

    model_config = ConfigDict(
        extra="forbid",
        title="Schouw-exportpakket (schouw.json)",
        json_schema_extra={
            "description": "Een schouwronde met gebied, kwaliteitsprofiel, formulier, deelnemers, "
                           "straten, bevindingen, actiepunten met geschiedenis en foto-verwijzingen.",
        },
    )

    project_name: str = ""
    municipality: str = ""
    wijk: PackageWijk
    buurt: PackageBuurt
    profile: PackageProfile | None = None
    form: PackageForm
    round: PackageRound
    participants: list[PackageParticipant] = Field(default_factory=list)
    streets: list[PackageStreet] = Field(default_factory=list)
    round_streets: list[RoundStreet] = Field(default_factory=list)
    findings: list[PackageFinding] = Field(default_factory=list)
    actions: list[PackageAction] = Field(default_factory=list)
    photos: list[PackagePhoto] = Field(default_factory=list)
    rechecks: list[PackageRecheck] = Field(default_factory=list)
    schouwpunten: list[PackageSchouwPunt] = Field(default_factory=list)
    indicators: list[PackageIndicator] = Field(default_factory=list)
    indicator_values: list[PackageIndicatorValue] = Field(default_factory=list)
    cycles: list[PackageCycle] = Field(default_factory=list)
    cycle_priorities: list[PackageCyclePriority] = Field(default_factory=list)
    cycle_priority_findings: list[PackageCycleFinding] = Field(default_factory=list)
    cycle_actions: list[PackageCycleAction] = Field(default_factory=list)


class ManifestMember(BaseModel):
    model_config = ConfigDict(extra="forbid")

    path: str = Field(min_length=1, max_length=512)
    size: int = Field(ge=0)
    sha256: str = Field(pattern=SHA256)


class Manifest(_Header):
    """``manifest.json``: every other member with its size and SHA-256."""

    model_config = ConfigDict(extra="forbid", title="Schouw-exportpakket (manifest.json)")

    members: list[ManifestMember]


def document_schema() -> dict:
    """The published JSON Schema of ``schouw.json`` (draft 2020-12, as pydantic makes it)."""
    schema = PackageDocument.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def schema_text() -> str:
    return json.dumps(document_schema(), ensure_ascii=False, indent=2, sort_keys=False) + "\n"


if __name__ == "__main__":  # python -m schouw.exchange.document: refresh the published schema
    from pathlib import Path

    target = Path(__file__).resolve().parents[2] / "docs" / "schouw-package.schema.json"
    target.write_text(schema_text(), encoding="utf-8")
    print(target)
