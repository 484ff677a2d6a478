"""Finding form and profile files on disk: shipped with the app, or the user's own."""

from __future__ import annotations

from pathlib import Path

from schouw import settings
from schouw.domain.forms import Form, parse_form_toml
from schouw.domain.profile import Profile, parse_profile_toml
from schouw.messages import SchouwError


def shipped_forms_dir() -> Path:
    """`forms/` beside the package in a checkout, or the copy inside an installed wheel."""
    package = Path(__file__).resolve().parents[1]
    for candidate in (package.parent / "forms", package / "_forms"):
        if candidate.is_dir():
            return candidate
    return package.parent / "forms"


def form_dirs() -> list[Path]:
    return [shipped_forms_dir(), settings.user_forms_dir()]


def _read(path: Path, error_key: str) -> str:
    """A data file's text (BOM tolerated, as Notepad writes it), or a user error."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise SchouwError("file_missing", path=str(path)) from None
    except (OSError, UnicodeDecodeError) as error:
        raise SchouwError(error_key, path=str(path), detail=str(error)) from None


def load_form(path: str | Path) -> Form:
    return parse_form_toml(_read(Path(path), "bad_form"), str(path))


def load_profile(path: str | Path) -> Profile:
    return parse_profile_toml(_read(Path(path), "bad_profile"), str(path))


def available_forms() -> dict[str, Form]:
    """Every valid form on disk by id (the newest version wins; the user's folder after
    the shipped one). Broken files are skipped here; `schouw forms check` names them."""
    forms: dict[str, Form] = {}
    for folder in form_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            try:
                form = load_form(path)
            except SchouwError:
                continue
            old = forms.get(form.id)
            if old is None or _version_key(form.version) >= _version_key(old.version):
                forms[form.id] = form
    return forms


def _version_key(version: str) -> tuple:
    return tuple(int(p) if p.isdigit() else p for p in version.replace("-", ".").split("."))


def find_form(form_id: str) -> Form:
    forms = available_forms()
    if form_id in forms:
        return forms[form_id]
    raise SchouwError("unknown_form", id=form_id, available=", ".join(sorted(forms)) or "-")


def available_profiles() -> dict[str, Profile]:
    profiles: dict[str, Profile] = {}
    for folder in form_dirs():
        sub = folder / "profielen"
        if not sub.is_dir():
            continue
        for path in sorted(sub.glob("*.toml")):
            try:
                profile = load_profile(path)
            except SchouwError:
                continue
            profiles[profile.id] = profile
    return profiles


def default_profile() -> Profile:
    profiles = available_profiles()
    if "standaard" in profiles:
        return profiles["standaard"]
    if profiles:
        return next(iter(profiles.values()))
    from schouw.domain.profile import parse_profile

    return parse_profile({"id": "standaard", "name": "Standaard kwaliteitsprofiel",
                          "default_norm": {"centrum": "A", "woongebied": "B", "hoofdinfra": "B",
                                           "bedrijventerrein": "C", "recreatie": "C"}}, "ingebouwd")


def profile_problems(profile: Profile, forms: dict[str, Form] | None = None) -> list[str]:
    """Norm keys that refer to no element or aspect of any known form: a typo in a
    profile would otherwise be silently ignored and that norm never applied."""
    forms = available_forms() if forms is None else forms
    elements = {e.id for f in forms.values() for e in f.elements}
    items = {k for f in forms.values() for k in f.item_keys()}
    problems = [f"element_norms: element '{k}' staat op geen enkel formulier"
                for k in profile.element_norms if k not in elements]
    problems += [f"aspect_norms: '{k}' staat op geen enkel formulier"
                 for k in profile.aspect_norms if k not in items]
    return problems


def is_profile_file(path: str | Path) -> bool:
    """A TOML file without elements but with norms is a profile, not a form."""
    import tomllib

    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    return "elements" not in data and any(k in data for k in ("default_norm", "element_norms", "aspect_norms"))
