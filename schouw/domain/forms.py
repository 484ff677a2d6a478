"""Form definitions (schouwformulieren) as validated data.

A form lists elements (verharding, groen, ...) and for each its aspects (onkruid,
zwerfafval, schade, ...). Every aspect is *schoon* (verzorging) or *heel* (technische
staat), or *overig* for observations outside the CROW scale (sociale veiligheid), and
has one of three scales:

- ``crow``: the levels A+..D, each with a short description of what it looks like;
- ``choice``: a small list of options (e.g. "ja" / "nee", "licht" / "matig" / "ernstig");
- ``none``: an observation with no level at all (a signal, a remark).

Forms live as TOML files in ``forms/``; a round copies the exact definition into the
project so old rounds stay readable when a form changes. Parsing text is pure, so it
lives here; finding the files on disk is the services layer's job.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationError, model_validator

from schouw.domain.levels import ALL_LEVELS, Level
from schouw.messages import SchouwError

_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

Category = Literal["schoon", "heel", "overig"]
Scale = Literal["crow", "choice", "none"]


def _check_slug(value: str) -> str:
    if not _SLUG.match(value):
        raise ValueError(f"id '{value}' mag alleen kleine letters, cijfers, - en _ bevatten")
    return value


#: An id as it appears in ``ELEMENT.ASPECT`` keys: lowercase, digits, - and _.
Slug = Annotated[str, AfterValidator(_check_slug)]


def _refuse_duplicates(kind: str, items: list) -> None:
    seen: set[str] = set()
    for item in items:
        if item.id in seen:
            raise ValueError(f"{kind} '{item.id}' komt twee keer voor")
        seen.add(item.id)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Aspect(_Strict):
    id: Slug
    name: str = Field(min_length=1)
    category: Category
    scale: Scale = "crow"
    help: str = ""
    #: A+ .. D descriptions, required for the crow scale (keys "A+", "A", "B", "C", "D").
    levels: dict[str, str] = Field(default_factory=dict)
    #: The options of a choice scale.
    choices: list[str] = Field(default_factory=list)
    #: "vak" (an area judged in m²) or "element" (objects counted); informative.
    measure: Literal["vak", "element"] | None = None
    #: Ask the time of day (hot times) for this observation.
    time_of_day: bool = False

    @model_validator(mode="after")
    def _scale_fits(self) -> Aspect:
        if self.scale == "crow":
            wanted = [level.value for level in ALL_LEVELS]
            missing = [key for key in wanted if not self.levels.get(key, "").strip()]
            extra = [key for key in self.levels if key not in wanted]
            problems = []
            if missing:
                problems.append(f"beschrijving ontbreekt voor niveau {', '.join(missing)}")
            if extra:
                problems.append(f"onbekend niveau {', '.join(extra)} (gebruik A+, A, B, C, D)")
            if problems:
                raise ValueError("; ".join(problems))
            if self.choices:
                raise ValueError("choices hoort niet bij scale = \"crow\"")
        elif self.scale == "choice":
            if len(self.choices) < 2:
                raise ValueError("scale = \"choice\" vraagt minstens twee choices")
            if len(set(self.choices)) != len(self.choices):
                raise ValueError("choices bevat dubbele waarden")
            if self.levels:
                raise ValueError("levels hoort alleen bij scale = \"crow\"")
        else:
            if self.levels or self.choices:
                raise ValueError("scale = \"none\" heeft geen levels of choices")
        if self.category == "overig" and self.scale == "crow":
            raise ValueError("een CROW-schaal hoort bij category schoon of heel")
        return self

    @property
    def has_level(self) -> bool:
        return self.scale == "crow"

    def level_help(self, level: Level) -> str:
        return self.levels.get(level.value, "")


class Element(_Strict):
    id: Slug
    name: str = Field(min_length=1)
    description: str = ""
    #: Groups elements in pickers and reports (e.g. "Groen", "Reiniging").
    group: str = ""
    aspects: list[Aspect] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_aspects(self) -> Element:
        _refuse_duplicates("aspect", self.aspects)
        return self


class Form(_Strict):
    id: Slug
    version: str = Field(min_length=1)
    title: str = Field(min_length=1)
    kind: Literal["beeldkwaliteit", "sociale-veiligheid", "overig"] = "beeldkwaliteit"
    description: str = ""
    source: str = ""
    elements: list[Element] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_elements(self) -> Form:
        _refuse_duplicates("element", self.elements)
        return self

    @property
    def key(self) -> str:
        """``id@version``: how a project refers to the exact form a round used."""
        return f"{self.id}@{self.version}"

    def items(self) -> Iterator[tuple[Element, Aspect]]:
        for element in self.elements:
            for aspect in element.aspects:
                yield element, aspect

    def item_keys(self) -> list[str]:
        return [f"{e.id}.{a.id}" for e, a in self.items()]

    def element(self, element_id: str) -> Element | None:
        return next((e for e in self.elements if e.id == element_id), None)

    def find(self, element_id: str, aspect_id: str) -> tuple[Element, Aspect] | None:
        element = self.element(element_id)
        if element is None:
            return None
        aspect = next((a for a in element.aspects if a.id == aspect_id), None)
        return (element, aspect) if aspect else None

    def item(self, key: str) -> tuple[Element, Aspect]:
        """Look up ``ELEMENT.ASPECT``; a clear error names the form and an example."""
        element_id, _, aspect_id = key.strip().partition(".")
        found = self.find(element_id, aspect_id)
        if found is None:
            example = self.item_keys()[0]
            raise SchouwError("unknown_item", item=key, form=self.key, example=example)
        return found


def _describe_location(data: object, loc: tuple[object, ...]) -> str:
    """Turn pydantic's ('elements', 3, 'aspects', 1, 'levels') into words a form author
    can find in the file: element 'groen' > aspect 'onkruid' > levels."""
    parts: list[str] = []
    node: object = data
    for step in loc:
        if isinstance(step, int) and isinstance(node, list) and 0 <= step < len(node):
            node = node[step]
            ident = node.get("id") if isinstance(node, dict) else None
            if parts and parts[-1] in ("elements", "aspects"):
                kind = "element" if parts[-1] == "elements" else "aspect"
                parts[-1] = f"{kind} '{ident}'" if ident else f"{kind} nr. {step + 1}"
            else:
                parts.append(f"[{step + 1}]")
        else:
            parts.append(str(step))
            node = node.get(step) if isinstance(node, dict) else None
    return " > ".join(parts) if parts else "formulier"


def explain_validation(error: ValidationError, data: object) -> str:
    """One readable line per problem: where in the file, and what is wrong."""
    lines = []
    for problem in error.errors():
        where = _describe_location(data, tuple(problem.get("loc", ())))
        message = problem.get("msg", "").removeprefix("Value error, ")
        if problem.get("type") == "missing":
            message = "ontbreekt"
        elif problem.get("type") == "extra_forbidden":
            message = "onbekend veld"
        lines.append(f"{where}: {message}")
    return "; ".join(lines)


def parse_form(data: dict, source: str) -> Form:
    """Validate a form given as a dict; ``source`` names it in error messages."""
    try:
        return Form.model_validate(data)
    except ValidationError as error:
        raise SchouwError("bad_form", path=source, detail=explain_validation(error, data)) from None


def parse_form_toml(text: str, source: str) -> Form:
    """Validate a form written in TOML. Syntax errors name the line."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SchouwError("bad_form", path=source, detail=f"TOML-fout: {error}") from None
    return parse_form(data, source)
