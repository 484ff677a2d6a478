"""Making rounds and keeping their team."""

from __future__ import annotations

from datetime import date

from schouw.domain.models import Participant, Round
from schouw.domain.text import check_text
from schouw.messages import SchouwError
from schouw.services.forms import default_profile, find_form
from schouw.store.project import Project


def parse_date(value: str) -> date:
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise SchouwError("bad_date", value=value) from None


def ensure_profile(project: Project) -> str:
    """The project's quality profile row id, adding the default profile if none exists."""
    profiles = project.forms.profiles()
    if profiles:
        return profiles[0][0]
    return project.forms.save_profile(default_profile())


def create_round(project: Project, *, buurt: str, form_id: str, when: str | date,
                 wijk: str | None = None, title: str = "", profile_id: str | None = None) -> Round:
    """Start a round of one buurt with a form, copying the form into the project."""
    check_text(title=title)
    buurt_row = project.areas.find_buurt(buurt, wijk)
    the_date = when if isinstance(when, date) else parse_date(when)
    stored = [f for f in project.forms.all() if f.id == form_id]
    form = find_form(form_id) if not stored or _disk_has(form_id) else stored[-1]
    with project.atomic():
        key = project.forms.ensure(form)
        round_ = Round(buurt_id=buurt_row.id, date=the_date, form_key=key,
                       profile_id=profile_id or ensure_profile(project),
                       title=title or f"Schouw {buurt_row.name} {the_date.isoformat()}")
        return project.rounds.add(round_)


def _disk_has(form_id: str) -> bool:
    try:
        find_form(form_id)
        return True
    except SchouwError:
        return False


def add_participant(project: Project, round_id: str, name: str, organisation: str = "",
                    role: str = "overig", email: str = "", phone: str = "") -> Participant:
    from schouw.domain.actions import ROLES

    if role not in ROLES:
        role = "overig"
    project.rounds.get(round_id)
    return project.rounds.add_participant(Participant(
        round_id=round_id, name=name.strip(), organisation=organisation.strip(), role=role,
        email=email.strip(), phone=phone.strip()))
