"""Making rounds and keeping their team."""

from __future__ import annotations

import secrets
from datetime import date

from schouw.domain.models import Participant, Round, RoundKind, SchouwPunt
from schouw.domain.sampling import StreetLine, draw_points
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


#: Schouwpunten a meting draws when the user gives no number: 100 per period is what a
#: contractor's beeldkwaliteitsmeting judges (enough for a ±9 point interval overall).
DEFAULT_POINTS = 100


def parse_kind(kind: str | RoundKind | None) -> RoundKind:
    """``knelpunten`` or ``meting`` (case-insensitive), else a user error."""
    key = str(kind or RoundKind.KNELPUNTEN.value).strip().lower()
    for value in RoundKind:
        if value.value == key:
            return value
    raise SchouwError("round_bad_kind", kind=kind, allowed=", ".join(k.value for k in RoundKind))


def create_round(project: Project, *, buurt: str, form_id: str, when: str | date,
                 wijk: str | None = None, title: str = "", profile_id: str | None = None,
                 kind: str | RoundKind = RoundKind.KNELPUNTEN, points: int | None = None,
                 seed: int | None = None) -> Round:
    """Start a round of one buurt with a form, copying the form into the project.

    A *meting* draws its schouwpunten (``points``, default :data:`DEFAULT_POINTS`) from
    the buurt's streets with ``seed`` (drawn and stored when not given), in the same
    transaction as the round: a refused draw leaves no round behind. Its form must have
    aspects on the level scale (a sociale-veiligheid form has none)."""
    check_text(title=title)
    the_kind = parse_kind(kind)
    buurt_row = project.areas.find_buurt(buurt, wijk)
    the_date = when if isinstance(when, date) else parse_date(when)
    stored = [f for f in project.forms.all() if f.id == form_id]
    form = find_form(form_id) if not stored or _disk_has(form_id) else stored[-1]
    drawn = []
    if the_kind == RoundKind.METING:
        if not any(aspect.has_level for _, aspect in form.items()):
            raise SchouwError("meting_needs_levels", form=form.id)
        points = DEFAULT_POINTS if points is None else int(points)
        seed = secrets.randbelow(2**31) if seed is None else int(seed)
        lines = [StreetLine.from_geometry(s.id, s.geometry, s.position)
                 for s in project.areas.streets(buurt_row.id)]
        drawn = draw_points(lines, points, seed)
    else:
        points = seed = None
    with project.atomic():
        key = project.forms.ensure(form)
        default_title = ("Meting" if the_kind == RoundKind.METING else "Schouw")
        round_ = Round(buurt_id=buurt_row.id, date=the_date, form_key=key,
                       profile_id=profile_id or ensure_profile(project),
                       title=title or f"{default_title} {buurt_row.name} {the_date.isoformat()}",
                       kind=the_kind, points_n=points, seed=seed)
        round_ = project.rounds.add(round_)
        if drawn:
            project.points.add_many([SchouwPunt(round_id=round_.id, n=d.n, street_id=d.street_id,
                                                stretch=d.stretch, lat=d.lat, lon=d.lon) for d in drawn])
        if the_kind == RoundKind.KNELPUNTEN:  # a meting judges its random points, not old ones
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
