"""Quality profiles (kwaliteitsprofielen): which level is the norm where.

The norm is set per *aspect*, with a default per *element* and a default for the
whole profile, and always per *area type* (gebiedstype). Looking up a norm goes from
the most specific to the most general: aspect, element, profile default. Labels and
the set of levels in use are configuration, because municipalities differ (Delft says
"zeer goed … te slecht", some use only A/B/C). D is never an ambition.

Norms are not copied into findings: a score is always computed against the profile as
it is now, so when a norm changes the old rounds are re-scored with it and the trend
stays honest.
"""

from __future__ import annotations

import tomllib

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from schouw.domain.forms import explain_validation
from schouw.domain.levels import ALL_LEVELS, DEFAULT_LABELS, Level
from schouw.messages import SchouwError

AREA_TYPES: tuple[str, ...] = ("centrum", "woongebied", "hoofdinfra", "bedrijventerrein", "recreatie")

AREA_TYPE_LABELS: dict[str, str] = {
    "centrum": "Centrum",
    "woongebied": "Woongebied",
    "hoofdinfra": "Hoofdinfrastructuur",
    "bedrijventerrein": "Bedrijventerrein",
    "recreatie": "Recreatie / buitengebied",
}

NormTable = dict[str, Level]


def _parse_level(value: object) -> Level:
    if isinstance(value, Level):
        return value
    if isinstance(value, str):
        try:
            return Level.parse(value)
        except ValueError:
            pass
    raise ValueError(f"'{value}' is geen niveau (gebruik A+, A, B, C of D)")


def _norm_table(value: object) -> NormTable:
    if not isinstance(value, dict):
        raise ValueError("verwacht een tabel gebiedstype = niveau")
    table: NormTable = {}
    for area_type, level in value.items():
        if area_type not in AREA_TYPES:
            raise ValueError(f"onbekend gebiedstype '{area_type}' (kies uit {', '.join(AREA_TYPES)})")
        parsed = _parse_level(level)
        if parsed is Level.D:
            raise ValueError(f"D is nooit een ambitie (gebiedstype {area_type})")
        table[area_type] = parsed
    return table


class Profile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    name: str = Field(min_length=1)
    municipality: str = ""
    #: The levels this municipality uses, best first.
    levels: list[Level] = Field(default_factory=lambda: list(ALL_LEVELS))
    labels: dict[Level, str] = Field(default_factory=lambda: dict(DEFAULT_LABELS))
    #: Target share at or above norm (streefwaarde), overall and per schoon/heel.
    target: float = Field(default=0.9, ge=0, le=1)
    targets: dict[str, float] = Field(default_factory=dict)
    default_norm: NormTable = Field(default_factory=dict)
    element_norms: dict[str, NormTable] = Field(default_factory=dict)
    aspect_norms: dict[str, NormTable] = Field(default_factory=dict)

    @field_validator("levels", mode="before")
    @classmethod
    def _levels(cls, value: object) -> list[Level]:
        if not isinstance(value, list) or not value:
            raise ValueError("levels moet een lijst niveaus zijn")
        levels = [_parse_level(v) for v in value]
        return sorted(set(levels), reverse=True)

    @field_validator("labels", mode="before")
    @classmethod
    def _labels(cls, value: object) -> dict[Level, str]:
        if not isinstance(value, dict):
            raise ValueError("labels moet een tabel niveau = tekst zijn")
        labels = dict(DEFAULT_LABELS)
        for key, text in value.items():
            labels[_parse_level(key)] = str(text)
        return labels

    @field_validator("default_norm", mode="before")
    @classmethod
    def _default(cls, value: object) -> NormTable:
        return _norm_table(value)

    @field_validator("element_norms", "aspect_norms", mode="before")
    @classmethod
    def _tables(cls, value: object) -> dict[str, NormTable]:
        if not isinstance(value, dict):
            raise ValueError("verwacht een tabel per element of aspect")
        return {str(key): _norm_table(table) for key, table in value.items()}

    @field_validator("targets")
    @classmethod
    def _targets(cls, value: dict[str, float]) -> dict[str, float]:
        for key, share in value.items():
            if key not in ("schoon", "heel", "totaal"):
                raise ValueError(f"onbekende streefwaarde '{key}' (schoon, heel of totaal)")
            if not 0 <= share <= 1:
                raise ValueError(f"streefwaarde {key} moet tussen 0 en 1 liggen")
        return value

    @model_validator(mode="after")
    def _norms_in_use(self) -> Profile:
        tables = [self.default_norm, *self.element_norms.values(), *self.aspect_norms.values()]
        for table in tables:
            for area_type, level in table.items():
                if level not in self.levels:
                    raise ValueError(f"norm {level} voor {area_type} is geen niveau in gebruik")
        return self

    def norm(self, element: str, aspect: str, area_type: str) -> Level | None:
        """The norm for one aspect in one area type; None when the profile sets none."""
        for table in (
            self.aspect_norms.get(f"{element}.{aspect}"),
            self.element_norms.get(element),
            self.default_norm,
        ):
            if table and area_type in table:
                return table[area_type]
        return None

    def label(self, level: Level) -> str:
        return self.labels.get(level, DEFAULT_LABELS[level])

    def target_for(self, category: str) -> float:
        """Streefwaarde for 'schoon', 'heel' or 'totaal'; falls back on the overall target."""
        return self.targets.get(category, self.target)

    def to_data(self) -> dict:
        """A plain dict that :func:`parse_profile` reads back (for storing and TOML)."""
        def table(t: NormTable) -> dict[str, str]:
            return {k: v.value for k, v in t.items()}

        return {
            "id": self.id,
            "name": self.name,
            "municipality": self.municipality,
            "levels": [lv.value for lv in self.levels],
            "labels": {lv.value: text for lv, text in self.labels.items()},
            "target": self.target,
            "targets": dict(self.targets),
            "default_norm": table(self.default_norm),
            "element_norms": {k: table(v) for k, v in self.element_norms.items()},
            "aspect_norms": {k: table(v) for k, v in self.aspect_norms.items()},
        }


def parse_profile(data: dict, source: str) -> Profile:
    try:
        return Profile.model_validate(data)
    except ValidationError as error:
        raise SchouwError("bad_profile", path=source, detail=explain_validation(error, data)) from None


def parse_profile_toml(text: str, source: str) -> Profile:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SchouwError("bad_profile", path=source, detail=f"TOML-fout: {error}") from None
    return parse_profile(data, source)
