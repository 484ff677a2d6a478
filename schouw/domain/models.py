"""The things a wijkschouw records, as plain validated values.

Every row that syncs carries a UUID (text) id, ``created_at``/``updated_at`` (UTC,
ISO 8601), ``updated_by`` (the device id of the installation that last changed it) and
``deleted_at`` (soft deletion), so that packages can be incremental and merges are
decidable by id and time.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from schouw.domain.actions import ActionStatus
from schouw.domain.levels import Level


def new_id() -> str:
    return str(uuid.uuid4())


def utc_now() -> str:
    """Now in UTC as ISO 8601 with milliseconds: sortable as text."""
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Synced(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str = Field(default_factory=new_id)
    created_at: str = Field(default_factory=utc_now)
    updated_at: str = Field(default_factory=utc_now)
    updated_by: str = ""
    deleted_at: str | None = None


class Wijk(Synced):
    name: str
    code: str = ""


class Buurt(Synced):
    wijk_id: str
    name: str
    code: str = ""
    area_type: str = "woongebied"
    #: The buurt's boundary as GeoJSON (Polygon/MultiPolygon) in WGS84, or None.
    boundary: dict | None = None


class Street(Synced):
    buurt_id: str
    name: str
    woonplaats: str = ""
    #: Overrides the buurt's area type where a street differs (a shopping street).
    area_type: str | None = None
    #: GeoJSON geometry (dict) in WGS84, or None.
    geometry: dict | None = None
    #: Free text such as "1-45, 2-60"; informative.
    house_numbers: str = ""
    position: int = 0


class RoundKind(StrEnum):
    """What a round measures (see DOMAIN.md, "Two kinds of round").

    A *knelpuntenschouw* records what is wrong where the team walks: its findings say
    where to act, and a share "op norm" over them would be biased low, so it is only
    counted. A *meting* judges every aspect at randomly drawn schouwpunten, which gives
    an honest share at or above the norm with its interval."""

    KNELPUNTEN = "knelpunten"
    METING = "meting"


class Round(Synced):
    buurt_id: str
    date: date
    form_key: str
    profile_id: str | None = None
    title: str = ""
    notes: str = ""
    kind: RoundKind = RoundKind.KNELPUNTEN
    #: A meting: how many schouwpunten were drawn, and the seed of the draw.
    points_n: int | None = None
    seed: int | None = None
    #: When the round was closed (a meting: every point judged); None while open.
    closed_at: datetime | None = None


class SchouwPunt(Synced):
    """One randomly drawn point of a meting: a stretch of a street, numbered 1..N in
    walking order; every aspect of the form is judged there."""

    round_id: str
    #: The number the walker sees (1..N, walking order).
    n: int
    street_id: str
    #: Which stretch of the street (0-based, :data:`schouw.domain.sampling.STRETCH_M` apart).
    stretch: int = 0
    #: The stretch's midpoint (None for a street without geometry).
    lat: float | None = None
    lon: float | None = None
    #: When the walker finished the point (every aspect judged); None while open.
    done_at: str | None = None


class Participant(Synced):
    round_id: str
    name: str
    organisation: str = ""
    role: str = "overig"
    email: str = ""
    phone: str = ""


class Finding(Synced):
    round_id: str
    street_id: str
    element: str
    aspect: str
    level: Level | None = None
    not_applicable: bool = False
    choice: str | None = None
    house_number: str = ""
    spot: str = ""
    description: str = ""
    priority: str = "normaal"
    lat: float | None = None
    lon: float | None = None
    observed_at: str | None = None
    time_of_day: str = ""
    #: The remark (``description``) may be shown to residents in the terugkoppeling.
    publishable: bool = False
    #: A meting: the schouwpunt this measurement belongs to (None in a knelpuntenschouw).
    point_id: str | None = None

    @property
    def item_key(self) -> str:
        return f"{self.element}.{self.aspect}"


class Action(Synced):
    finding_id: str
    party: str = ""
    due_date: date | None = None
    status: ActionStatus = ActionStatus.OPEN
    status_reason: str = ""
    mor_id: str | None = None
    mor_status: str | None = None
    mor_status_text: str | None = None


class ActionEvent(Synced):
    """One status change of an action: an append-only row, never edited (an undo is a
    new entry back), so two laptops' histories merge by id without conflicts."""

    action_id: str
    #: When the change was recorded (UTC); history is ordered by it.
    at: str = Field(default_factory=utc_now)
    status: ActionStatus
    note: str = ""
    #: The status before this change (None for the entry that made the action).
    from_status: ActionStatus | None = None
    #: The day the user says it happened (e.g. the day the work was done), if given.
    on_date: date | None = None
    #: Who made the change: the user name setting, else the device id.
    who: str = ""


class Photo(Synced):
    """A photo's record; its bytes live in a separate table of the store."""

    finding_id: str
    sha256: str
    width: int
    height: int
    source_name: str = ""
    caption: str = ""
    taken_at: str | None = None
    lat: float | None = None
    lon: float | None = None
    #: Privacy masks as fractions of the upright width/height: [{"x":..,"y":..,"w":..,"h":..}],
    #: with "shape": "ellipse" for an ellipse inside that box (see schouw.photos.masks)
    masks: list[dict] = Field(default_factory=list)
    position: int = 0
    #: Size of the source file as imported, whether or not the original is kept (the
    #: 'original' blob is there only when it is): shows what keeping originals costs.
    original_size: int | None = None
