"""A small project with a designed stratenaanpak, shared by the verloop tests.

Vogelbuurt, four streets, norm B everywhere (woongebied). Three knelpuntenschouwen of
the CROW form, below-norm findings per street:

    street          2026-03-01  2026-06-01   2026-09-01   expected
    Merelstraat     3           1            0            better (-3)
    Lijsterstraat   1 (+1 A)    niet gelopen 3            worse (+2)
    Spreeuwenlaan   2           2            2 (+1 A)     same
    Kievitstraat    1           0 (walked)   niet gelopen better (-1)

Plus a meting of the Havenkwartier and, with ``metingen=True``, a second one (a meting
series), and a lone sociale-veiligheid walk in the Havenkwartier (a series of one).
"""

from __future__ import annotations

from pathlib import Path

from schouw.domain.levels import Level
from schouw.domain.models import Buurt, Finding, RoundKind, Street, Wijk
from schouw.services.rounds import create_round
from schouw.store.project import create_project

STREETS = ["Merelstraat", "Lijsterstraat", "Spreeuwenlaan", "Kievitstraat"]
HAVEN = ["Havenstraat", "Kade", "Veerstraat"]

#: per round: street -> (levels of asfalt.onkruid findings, walked?)
PLAN = {
    "2026-03-01": {"Merelstraat": ["C", "C", "D"], "Lijsterstraat": ["C", "A"], "Spreeuwenlaan": ["C", "D"],
                   "Kievitstraat": ["C"]},
    "2026-06-01": {"Merelstraat": ["C"], "Spreeuwenlaan": ["D", "C"], "Kievitstraat": []},
    "2026-09-01": {"Merelstraat": [], "Lijsterstraat": ["C", "C", "D"], "Spreeuwenlaan": ["C", "C", "A"]},
}
TITLES = {"2026-03-01": "Stratenaanpak 1", "2026-06-01": "Stratenaanpak 2", "2026-09-01": "Stratenaanpak 3"}


def make_project(path: Path, *, metingen: bool = True) -> dict[str, str]:
    """Make the project at ``path``; returns round ids by title."""
    ids: dict[str, str] = {}
    with create_project(path, name="verloop", municipality="Gemeente Test", device_id="test") as project:
        wijk = project.areas.add_wijk(Wijk(name="Vogelwijk"))
        vogel = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Vogelbuurt"))
        haven = project.areas.add_buurt(Buurt(wijk_id=wijk.id, name="Havenkwartier", area_type="centrum"))
        for buurt, names, lon in ((vogel, STREETS, 4.62), (haven, HAVEN, 4.64)):
            project.areas.add_streets([
                Street(buurt_id=buurt.id, name=name, position=i,
                       geometry={"type": "LineString",
                                 "coordinates": [[lon + i * 0.001, 52.38], [lon + i * 0.001 + 0.002, 52.381]]})
                for i, name in enumerate(names)])
        streets = {s.name: s for s in project.areas.streets(vogel.id)}
        for when, plan in PLAN.items():
            round_ = create_round(project, buurt="Vogelbuurt", wijk="Vogelwijk", form_id="crow-beeldkwaliteit",
                                  when=when, title=TITLES[when])
            ids[round_.title] = round_.id
            for name, levels in plan.items():
                for k, level in enumerate(levels):
                    project.findings.add(Finding(round_id=round_.id, street_id=streets[name].id, element="asfalt",
                                                 aspect="onkruid" if k % 2 == 0 else "zwerfafval",
                                                 level=Level.parse(level)))
                project.rounds.set_street_done(round_.id, streets[name].id, True)
        social = create_round(project, buurt="Havenkwartier", wijk="Vogelwijk", form_id="sociale-veiligheid",
                              when="2026-05-01", title="Veilige Buurten-schouw")
        ids[social.title] = social.id
        for n, (when, quality) in enumerate((("2026-04-01", 0.5), ("2026-10-01", 0.9))):
            if n == 1 and not metingen:
                break
            ids[f"Meting {n + 1}"] = meting(project, "Havenkwartier", when, quality, title=f"Meting {n + 1}")
    return ids


def meting(project, buurt: str, when: str, quality: float, *, title: str, points: int = 40) -> str:
    """A closed meting with every aspect judged: a share ``quality`` of the points at
    norm (A), the rest below (C), deterministic by point number."""
    from schouw.services.points import required_items

    round_ = create_round(project, buurt=buurt, wijk="Vogelwijk", form_id="crow-meting", when=when, title=title,
                          kind=RoundKind.METING, points=points, seed=7)
    form = project.forms.get(round_.form_key)
    with project.atomic():
        for point in project.points.list(round_.id):
            good = (point.n % 10) < quality * 10
            for element, aspect in required_items(form):
                project.findings.add(Finding(round_id=round_.id, street_id=point.street_id, element=element,
                                             aspect=aspect, level=Level.A if good else Level.C, point_id=point.id))
            project.points.set_done(point.id, True)
    return round_.id
