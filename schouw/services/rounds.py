"""Making rounds and keeping their team."""

from __future__ import annotations

from datetime import date

from schouw.domain.models import Participant, Round
from schouw.domain.text import check_text
from schouw.messages import SchouwError
from schouw.services.forms import default_profile, find_form
from schouw.services.rechecks import carry_open_points
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
        round_ = project.rounds.add(round_)
        carry_open_points(project, round_)
        project.fault_point("round-points-carried")
        return round_


def _disk_has(form_id: str) -> bool:
    try:
        find_form(form_id)
        return True
    except SchouwError:
        return False


def add_participant(project: Project, round_id: str, name: str, organisation: str = "",
                    role: str = "overig", email: str = "", phone: str = "") -> Participant:
    """Put a person on the round's team: the app's team editor and ``schouw round
    participants add`` both come here, so both refuse the same things the same way."""
    from schouw.domain.actions import ROLES
    from schouw.domain.text import check_text

    role = (role or "overig").strip().lower()
    if role not in ROLES:
        raise SchouwError("bad_role", role=role, allowed=", ".join(ROLES))
    name, organisation = " ".join(name.split()), " ".join(organisation.split())
    check_text(name=name, organisation=organisation, email=email, phone=phone)
    if not name:
        raise SchouwError("participant_no_name")
    round_ = project.rounds.get(round_id)
    for person in project.rounds.participants(round_.id):
        if (person.name.casefold(), person.organisation.casefold()) == (name.casefold(), organisation.casefold()):
            raise SchouwError("participant_exists", name=name)
    return project.rounds.add_participant(Participant(
        round_id=round_.id, name=name, organisation=organisation, role=role,
        email=email.strip(), phone=phone.strip()))


def find_participant(project: Project, round_id: str, name: str, organisation: str | None = None) -> Participant:
    """The team member called ``name`` (case-insensitive; ``organisation`` tells two
    people of the same name apart)."""
    round_ = project.rounds.get(round_id)
    team = project.rounds.participants(round_.id)
    key = " ".join(name.split()).casefold()
    found = [p for p in team if p.name.casefold() == key
             and (organisation is None or p.organisation.casefold() == " ".join(organisation.split()).casefold())]
    if not found:
        raise SchouwError("participant_unknown", name=name, team=", ".join(p.name for p in team) or "-")
    if len(found) > 1:
        raise SchouwError("participant_ambiguous", name=name,
                          organisations=", ".join(p.organisation or "-" for p in found))
    return found[0]


def remove_participant(project: Project, round_id: str, participant_id: str) -> None:
    """Take a person off the round's team (soft deletion, so an export carries it)."""
    round_ = project.rounds.get(round_id)
    if participant_id not in {p.id for p in project.rounds.participants(round_.id)}:
        raise SchouwError("participant_unknown", name=participant_id, team="-")
    project.rounds.remove_participant(participant_id)


def team(project: Project, round_id: str) -> list[Participant]:
    return project.rounds.participants(project.rounds.get(round_id).id)
