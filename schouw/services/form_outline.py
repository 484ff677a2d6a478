"""A form's items as a coordinator reads them: `schouw forms show NAME`.

Per element and aspect: the kind of item (a level on the CROW scale, a choice, or a
plain observation), schoon/heel, the level texts or choices, and the norm per area type
under a quality profile (the project's, or the shipped default without a project).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from schouw.domain.forms import Form
from schouw.domain.norms import norm_for
from schouw.domain.profile import AREA_TYPES, Profile
from schouw.messages import SchouwError, render
from schouw.services.forms import available_forms, load_form

#: The kind of an item, by its scale.
KINDS = {"crow": "level", "choice": "choice", "none": "observation"}


def find_form_for_show(name: str, project_forms: list[Form] = ()) -> Form:  # type: ignore[assignment]
    """A form by id (the project's copy first, newest version), key ``id@version`` or file."""
    by_key = {f.key: f for f in project_forms}
    if name in by_key:
        return by_key[name]
    stored = [f for f in project_forms if f.id == name]
    if stored:
        return stored[-1]
    disk = available_forms()
    if name in disk:
        return disk[name]
    path = Path(name).expanduser()
    if path.suffix.lower() == ".toml" and path.exists():
        return load_form(path)
    raise SchouwError("unknown_form", id=name, available=", ".join(sorted(disk)) or "-")


def outline(form: Form, profile: Profile | None) -> dict[str, Any]:
    """Everything `forms show` prints, as plain data (also its ``--json``)."""
    elements = []
    for element in form.elements:
        aspects = []
        for aspect in element.aspects:
            kind = KINDS[aspect.scale]
            norms = {a: (n.value if (n := norm_for(profile, element.id, aspect.id, a)) else None)
                     for a in AREA_TYPES} if aspect.has_level else {}
            aspects.append({
                "id": aspect.id, "key": f"{element.id}.{aspect.id}", "name": aspect.name,
                "kind": kind, "category": aspect.category, "help": aspect.help,
                "levels": dict(aspect.levels), "choices": list(aspect.choices), "norms": norms,
            })
        elements.append({"id": element.id, "name": element.name, "group": element.group, "aspects": aspects})
    return {
        "id": form.id, "version": form.version, "title": form.title, "kind": form.kind,
        "area_types": list(AREA_TYPES),
        "profile": ({"id": profile.id, "name": profile.name, "levels": [lv.value for lv in profile.levels],
                     "labels": {lv.value: profile.label(lv) for lv in profile.levels}} if profile else None),
        "elements": elements,
    }


def outline_text(data: dict[str, Any], *, level_texts: bool = False) -> str:
    """The readable version: one line per aspect, norms as centrum/woongebied/...;
    with ``level_texts`` the description of every level below each CROW aspect."""
    lines = [f"{data['title']} ({data['id']}@{data['version']})"]
    if data["profile"]:
        p = data["profile"]
        lines.append(render("cli_form_norms_from", name=p["name"], id=p["id"], levels=" ".join(p["levels"])))
        lines.append(render("cli_form_norm_per_area", areas=" / ".join(data["area_types"])))
    for element in data["elements"]:
        group = f" — {element['group']}" if element["group"] else ""
        lines += ["", f"{element['name']} ({element['id']}){group}"]
        width = max(len(a["key"]) for a in element["aspects"])
        for a in element["aspects"]:
            if a["kind"] == "level":
                norms = "/".join(v or "–" for v in a["norms"].values()) if a["norms"] else ""
                detail = f"norm {norms}" if data["profile"] else ""
            elif a["kind"] == "choice":
                detail = ", ".join(a["choices"])
            else:
                detail = ""
            lines.append(f"  {a['key']:<{width}}  {a['name']:<34} {a['category']:<7} "
                         f"{render('cli_form_kind_' + a['kind']):<10} {detail}".rstrip())
            if level_texts:
                lines += [f"      {level:<3} {text}" for level, text in a["levels"].items()]
    return "\n".join(lines)
