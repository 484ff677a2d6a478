"""Quality profiles as a user changes them: the use cases behind `schouw profiles` and
the *Kwaliteitsprofiel* dialog, and the choice of profile a report scores under.

The project holds the profile in force (a row in ``profiles``; a round points to it).
A coordinator changes one norm or target at a time (:func:`set_norm`,
:func:`set_target`) or applies a whole profile file (:func:`use_profile`); every change
is validated here, saved with its line in the change log in one transaction, and the
walk and the reports read the new norms at once. A user error changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

from schouw import settings
from schouw.domain.forms import Form
from schouw.domain.levels import Level
from schouw.domain.models import Round
from schouw.domain.profile import AREA_TYPES, Profile
from schouw.domain.profile_edit import (
    GAP,
    TARGET_CATEGORIES,
    ProfileChange,
    apply,
    as_of,
    diff,
    norm_key,
    value_of,
)
from schouw.messages import SchouwError
from schouw.services.forms import available_forms, form_dirs, load_profile
from schouw.store.project import Project

#: How a report picks its profile: the one in force at the round, or the current one;
#: any other value is the id of a profile (in the project or a profile file).
AT_ROUND = "at-round"
CURRENT = "current"


# -- files on disk -------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileFile:
    path: Path
    #: "meegeleverd" (shipped with the app) or "gebruiker" (the user's forms folder).
    origin: str
    profile: Profile | None
    error: str = ""


def profile_files() -> list[ProfileFile]:
    """Every profile file in ``forms/profielen`` of the app and of the user, broken ones
    too (with their error), so `profiles list` shows why a file is not offered."""
    out = []
    for n, folder in enumerate(form_dirs()):
        sub = folder / "profielen"
        if not sub.is_dir():
            continue
        for path in sorted(sub.glob("*.toml")):
            origin = "meegeleverd" if n == 0 else "gebruiker"
            try:
                out.append(ProfileFile(path, origin, load_profile(path)))
            except SchouwError as error:
                out.append(ProfileFile(path, origin, None, error.message()))
    return out


def _profile_source(source: str) -> tuple[Profile, str]:
    """A profile from a file path, or from a profile file's id; with a name for the log."""
    path = Path(source).expanduser()
    if path.suffix.lower() == ".toml" or path.exists():
        return load_profile(path), path.name
    matches = [f for f in profile_files() if f.profile is not None and f.profile.id == source]
    if matches:
        return matches[-1].profile, matches[-1].path.name  # the user's file wins
    raise SchouwError("profile_unknown", id=source,
                      available=", ".join(sorted({f.profile.id for f in profile_files() if f.profile})) or "-")


# -- the project's profile ---------------------------------------------------------------------
def who() -> str:
    """Who a change is logged for: the user name from the settings, else this device's id."""
    return str(settings.load_settings().get("user_name") or "").strip() or settings.device_id()


def project_profile(project: Project, profile_id: str | None = None) -> tuple[str, Profile]:
    """The project's profile row id and profile: ``profile_id``, else the one the newest
    round uses, else the project's first (the default profile is added when none exists)."""
    from schouw.services.rounds import ensure_profile

    if profile_id:
        profile = project.forms.profile(profile_id)
        if profile is None:
            raise SchouwError("profile_unknown", id=profile_id,
                              available=", ".join(r for r, _ in project.forms.profiles()) or "-")
        return profile_id, profile
    newest = next((r["profile_id"] for r in project.rounds.list() if r["profile_id"]), None)
    row_id = newest if newest and project.forms.profile(newest) else ensure_profile(project)
    return row_id, project.forms.profile(row_id)  # type: ignore[return-value]


def known_forms(project: Project) -> list[Form]:
    """The forms a norm may refer to: those in the project and those on disk."""
    forms = {f.key: f for f in project.forms.all()}
    for form in available_forms().values():
        forms.setdefault(form.key, form)
    return list(forms.values())


def _check_area_type(area_type: str) -> None:
    if area_type not in AREA_TYPES:
        raise SchouwError("profile_unknown_area_type", value=area_type, choices=", ".join(AREA_TYPES))


def _check_scope(project: Project, scope: str, name: str) -> None:
    forms = known_forms(project)
    if scope == "element" and not any(e.id == name for f in forms for e in f.elements):
        raise SchouwError("profile_unknown_element", name=name)
    if scope == "aspect" and not any(name in f.item_keys() for f in forms):
        raise SchouwError("profile_unknown_aspect", name=name)


def _check_level(profile: Profile, text: str, scope: str) -> str:
    """The level text to store; "" (clear) only for an element or aspect norm."""
    if text.strip() in ("", "-"):
        if scope == "default":
            raise SchouwError("profile_bad_level", value=text, levels=", ".join(lv.value for lv in profile.levels))
        return ""
    try:
        level = Level.parse(text)
    except ValueError:
        raise SchouwError("profile_bad_level", value=text,
                          levels=", ".join(lv.value for lv in profile.levels)) from None
    if level is Level.D:
        raise SchouwError("profile_norm_d")
    if level not in profile.levels:
        raise SchouwError("profile_level_unused", level=level.value, profile=profile.name,
                          levels=", ".join(lv.value for lv in profile.levels))
    return level.value


def _save(project: Project, row_id: str, profile: Profile, changes: list[tuple[str, str, str]],
          source: str) -> list[ProfileChange]:
    logged = []
    for key, area_type, new in changes:
        old = value_of(profile, key, area_type)
        if old != new:
            logged.append(ProfileChange(key, area_type, old, new, source=source))
    if not logged:
        return []
    updated = apply(profile, [(c.key, c.area_type, c.new) for c in logged], f"project:{row_id}")
    stamps = project.profile_log.stamps(row_id)
    gap = None if stamps is None or _explained(stamps, project.profile_log.changes(row_id)) else stamps[1]
    return project.profile_log.save_with_changes(row_id, updated, logged, who(), gap_at=gap)


def set_norm(project: Project, *, scope: str, level: str, area_types: list[str] | tuple[str, ...],
             name: str = "", profile_id: str | None = None, source: str = "set-norm") -> list[ProfileChange]:
    """Set one norm (``scope`` "default", "element" or "aspect" with its ``name``) in one
    or more area types; ``level`` "" or "-" clears an element or aspect norm. Returns the
    changes logged (none when nothing changed). Raises SchouwError and changes nothing
    on an unknown element, aspect or area type, D, or a level the profile does not use."""
    if scope not in ("default", "element", "aspect"):
        raise ValueError(scope)
    if not area_types:
        raise SchouwError("profile_unknown_area_type", value="", choices=", ".join(AREA_TYPES))
    for area_type in area_types:
        _check_area_type(area_type)
    row_id, profile = project_profile(project, profile_id)
    if scope != "default":
        _check_scope(project, scope, name)
    value = _check_level(profile, level, scope)
    key = norm_key(scope, name)
    return _save(project, row_id, profile, [(key, a, value) for a in area_types], source)


def parse_share(text: str) -> float:
    """A target share as people write it: 0.9, 0,9, 90 or 90%."""
    cleaned = str(text).strip().replace(",", ".").rstrip("%").strip()
    try:
        value = float(cleaned)
    except ValueError:
        raise SchouwError("profile_bad_target", value=text) from None
    if value > 1 or str(text).strip().endswith("%"):
        value /= 100
    if not 0 <= value <= 1:
        raise SchouwError("profile_bad_target", value=text)
    return round(value, 4)


def set_target(project: Project, share: str | float, *, category: str | None = None,
               profile_id: str | None = None, source: str = "set-target") -> list[ProfileChange]:
    """Set the target share (streefwaarde): the overall one, or that of one category."""
    if category is not None and category not in TARGET_CATEGORIES:
        raise SchouwError("profile_bad_category", value=category, choices=", ".join(TARGET_CATEGORIES))
    value = parse_share(str(share)) if not isinstance(share, float) else share
    if not 0 <= value <= 1:
        raise SchouwError("profile_bad_target", value=str(share))
    row_id, profile = project_profile(project, profile_id)
    key = f"target:{category}" if category else "target"
    return _save(project, row_id, profile, [(key, "", f"{value:g}")], source)


def undo_change(project: Project, change: ProfileChange, profile_id: str | None = None) -> list[ProfileChange]:
    """Put back the value a change replaced; logged as a change of its own."""
    row_id, profile = project_profile(project, profile_id)
    return _save(project, row_id, profile, [(change.key, change.area_type, change.old)], "undo")


def use_profile(project: Project, source: str, profile_id: str | None = None) -> list[ProfileChange]:
    """Apply a profile file (path, or the id of a file in a ``profielen`` folder) to the
    project's profile: every value that differs is logged as a change. The row keeps its
    id, so the rounds that use it keep pointing at it."""
    new, name = _profile_source(source)
    from schouw.services.forms import profile_problems

    problems = profile_problems(new, {f.key: f for f in known_forms(project)})
    if problems:
        raise SchouwError("bad_profile", path=source, detail="; ".join(problems))
    row_id, profile = project_profile(project, profile_id)
    changes = [(c.key, c.area_type, c.new) for c in diff(profile, new)]
    return _save(project, row_id, profile, changes, name)


def change_log(project: Project, profile_id: str | None = None) -> list[ProfileChange]:
    row_id, _ = project_profile(project, profile_id)
    return project.profile_log.changes(row_id)


# -- which profile a report scores under ------------------------------------------------------
@dataclass(frozen=True)
class ProfileUse:
    """The profile a report uses for the round *and* every round in its trend."""

    profile: Profile | None
    #: AT_ROUND, CURRENT or "chosen".
    basis: str
    #: For AT_ROUND: the date whose norms apply.
    as_of: date | None = None


def round_moment(day: date) -> str:
    """The end of a round's day in UTC: changes made on the day of the walk count."""
    end = datetime.combine(day + timedelta(days=1), time.min)
    return end.isoformat(timespec="milliseconds") + "Z"


#: A logged change and the row's ``updated_at`` are stamped a moment apart.
_STAMP_SLACK = timedelta(seconds=5)


def _explained(stamps: tuple[str, str], changes: list[ProfileChange]) -> bool:
    """True when the row's last change is a logged one (or it was never changed)."""
    created_at, updated_at = stamps
    if updated_at == created_at:
        return True
    logged = [c for c in changes if c.key != GAP]
    if not logged:
        return False
    last = datetime.fromisoformat(logged[-1].at.replace("Z", "+00:00"))
    return datetime.fromisoformat(updated_at.replace("Z", "+00:00")) - last <= _STAMP_SLACK


def _history_complete(project: Project, row_id: str, changes: list[ProfileChange], moment: str) -> bool:
    """True when the change log explains every change to the profile since ``moment``:
    the row was not changed after it, or every change since is logged (no gap marker
    after it, and the last change is a logged one)."""
    stamps = project.profile_log.stamps(row_id)
    if stamps is None:
        return False
    if stamps[1] <= moment:
        return True
    if any(c.key == GAP and c.at > moment for c in changes):
        return False
    return _explained(stamps, changes)


def profile_for_report(project: Project, round_: Round, choice: str = AT_ROUND) -> ProfileUse:
    """The profile a report of ``round_`` scores under: ``at-round`` (default; the round's
    profile as it was on the round's date, taking back later changes from the log),
    ``current`` (the round's profile as it is now) or the id of a profile in the project
    or a profile file."""
    choice = (choice or AT_ROUND).strip()
    if choice in (AT_ROUND, CURRENT):
        if not round_.profile_id:
            return ProfileUse(None, choice)
        profile = project.forms.profile(round_.profile_id)
        if profile is None:
            return ProfileUse(None, choice)
        if choice == CURRENT:
            return ProfileUse(profile, CURRENT)
        changes = project.profile_log.changes(round_.profile_id)
        moment = round_moment(round_.date)
        if not _history_complete(project, round_.profile_id, changes, moment):
            # Changed after the round in a way the log does not hold (a profile that
            # arrived in a package, or an older app): the norms of that day are not
            # known, so the report uses today's and says so, rather than claim otherwise.
            return ProfileUse(profile, CURRENT)
        return ProfileUse(as_of(profile, changes, moment), AT_ROUND, round_.date)
    stored = project.forms.profile(choice)
    if stored is not None:
        return ProfileUse(stored, "chosen")
    return ProfileUse(_profile_source(choice)[0], "chosen")


# -- a table of norms for a form --------------------------------------------------------------
@dataclass(frozen=True)
class NormCell:
    level: Level | None
    #: Where the norm comes from: "aspect", "element" or "default" ("" when none).
    origin: str


@dataclass(frozen=True)
class NormRow:
    element_id: str
    element_name: str
    aspect_id: str
    aspect_name: str
    category: str
    cells: dict[str, NormCell]

    @property
    def key(self) -> str:
        return f"{self.element_id}.{self.aspect_id}"


def norm_rows(form: Form, profile: Profile | None) -> list[NormRow]:
    """Per CROW aspect of ``form``, the norm in every area type and where it comes from."""
    rows = []
    for element, aspect in form.items():
        if not aspect.has_level:
            continue
        cells = {}
        for area_type in AREA_TYPES:
            origin = ""
            level = None
            if profile is not None:
                for scope, table in (("aspect", profile.aspect_norms.get(f"{element.id}.{aspect.id}")),
                                     ("element", profile.element_norms.get(element.id)),
                                     ("default", profile.default_norm)):
                    if table and area_type in table:
                        level, origin = table[area_type], scope
                        break
            cells[area_type] = NormCell(level, origin)
        rows.append(NormRow(element.id, element.name, aspect.id, aspect.name, aspect.category, cells))
    return rows
