"""Changing a quality profile one value at a time, and its history.

Every change is one :class:`ProfileChange`: a *key* (which table or value), an area
type where norms are concerned, and the old and new value as text. The same record is
the change log a coordinator reads (who, when, old, new) and the profile's history: the
profile in force on a past moment is the current one with every later change taken back
(:func:`as_of`), so a report can score an old round under the norms of its own day
without keeping a copy of the profile per round.

Keys
    ``default``                the profile's base norm (per area type)
    ``element:ID``             the norm of every aspect of one element (per area type)
    ``aspect:ELEMENT.ASPECT``  the norm of one aspect (per area type)
    ``target`` / ``target:schoon|heel|totaal``  the target share (streefwaarde)
    ``name``, ``municipality``, ``levels``, ``label:LEVEL``  the rest of the profile
    ``unlogged``               a marker: the profile was changed outside the log then

An empty value clears an element or aspect norm (the more general one applies again).
Pure Python: the services layer reads and writes the log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from schouw.domain.levels import Level
from schouw.domain.profile import AREA_TYPES, Profile, parse_profile

NORM_SCOPES = ("default", "element", "aspect")
#: The key of a log line that marks a change made outside the log (a profile replaced by
#: an older app or a package): the history before it is not known.
GAP = "unlogged"
TARGET_CATEGORIES = ("totaal", "schoon", "heel")


@dataclass(frozen=True)
class ProfileChange:
    key: str
    area_type: str
    old: str
    new: str
    at: str = ""
    who: str = ""
    #: What made the change: "set-norm", "set-target", a file name for `profiles use`, "undo".
    source: str = ""


def norm_key(scope: str, name: str = "") -> str:
    return "default" if scope == "default" else f"{scope}:{name}"


def _fmt_share(value: float) -> str:
    return f"{value:g}"


def value_of(profile: Profile, key: str, area_type: str = "") -> str:
    """The value stored under ``key`` (and area type) as text; "" when it is not set."""
    scope, _, name = key.partition(":")
    if scope in NORM_SCOPES:
        table = {"default": profile.default_norm,
                 "element": profile.element_norms.get(name, {}),
                 "aspect": profile.aspect_norms.get(name, {})}[scope]
        level = table.get(area_type)
        return level.value if level else ""
    if scope == "target":
        if not name:
            return _fmt_share(profile.target)
        return _fmt_share(profile.targets[name]) if name in profile.targets else ""
    if scope == "name":
        return profile.name
    if scope == "municipality":
        return profile.municipality
    if scope == "levels":
        return ",".join(lv.value for lv in profile.levels)
    if scope == "label":
        return profile.labels.get(Level.parse(name), "")
    raise ValueError(key)


def _set(data: dict[str, Any], key: str, area_type: str, value: str) -> None:
    scope, _, name = key.partition(":")
    if scope in NORM_SCOPES:
        if scope == "default":
            table = data["default_norm"]
        else:
            table = data[f"{scope}_norms"].setdefault(name, {})
        if value:
            table[area_type] = value
        else:
            table.pop(area_type, None)
            if scope != "default" and not table:
                data[f"{scope}_norms"].pop(name, None)
    elif scope == "target":
        if not name:
            data["target"] = float(value)
        elif value:
            data["targets"][name] = float(value)
        else:
            data["targets"].pop(name, None)
    elif scope in ("name", "municipality"):
        data[scope] = value
    elif scope == "levels":
        data["levels"] = [v for v in value.split(",") if v]
    elif scope == "label":
        data["labels"][name] = value
    else:
        raise ValueError(key)


def apply(profile: Profile, changes: Iterable[tuple[str, str, str]], source: str = "profiel") -> Profile:
    """``profile`` with ``(key, area type, new value)`` applied in order, validated once
    at the end (so levels and norms may change together). Raises ``SchouwError``
    ("bad_profile") when the result is not a valid profile."""
    data = profile.to_data()
    for key, area_type, value in changes:
        _set(data, key, area_type, value)
    return parse_profile(data, source)


def as_of(profile: Profile, changes: Iterable[ProfileChange], moment: str) -> Profile:
    """The profile as it was at ``moment`` (ISO 8601 UTC): ``profile`` is the current one
    and ``changes`` its full log; every change made after ``moment`` is taken back,
    newest first."""
    later = sorted((c for c in changes if c.at > moment and c.key != GAP), key=lambda c: c.at, reverse=True)
    if not later:
        return profile
    return apply(profile, [(c.key, c.area_type, c.old) for c in later], f"{profile.id}@{moment}")


def diff(old: Profile, new: Profile) -> list[ProfileChange]:
    """Every value that differs between two profiles, as changes from ``old`` to ``new``
    (what `profiles use FILE` logs)."""
    keys: list[tuple[str, str]] = [("name", ""), ("municipality", ""), ("levels", "")]
    keys += [(f"label:{lv.value}", "") for lv in sorted(set(old.labels) | set(new.labels), reverse=True)]
    keys += [("target", "")] + [(f"target:{c}", "") for c in TARGET_CATEGORIES]
    keys += [("default", a) for a in AREA_TYPES]
    for scope, tables in (("element", (old.element_norms, new.element_norms)),
                          ("aspect", (old.aspect_norms, new.aspect_norms))):
        for name in sorted(set(tables[0]) | set(tables[1])):
            keys += [(norm_key(scope, name), a) for a in AREA_TYPES]
    out = []
    for key, area_type in keys:
        before, after = value_of(old, key, area_type), value_of(new, key, area_type)
        if before != after:
            out.append(ProfileChange(key, area_type, before, after))
    return out
