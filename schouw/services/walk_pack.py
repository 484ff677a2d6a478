"""The walk pack use case: read a round into a :class:`WalkPack` and print it.

The pack is numbered by :mod:`schouw.domain.paper`; the street order is the walking
order of the buurt (street position), the item order the form's own order, so the
printed numbers and the numbers the key-in resolves are computed the same way.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from schouw.domain.forms import Aspect, Element
from schouw.domain.models import Street
from schouw.report.walk_pack import PackItem, PackStreet, WalkPack, render
from schouw.services.walk import RoundContext, load_round
from schouw.store.project import Project


@dataclass
class PackResult:
    path: Path
    pages: int
    streets: int
    items: int
    seconds: float


def pack_items(ctx: RoundContext) -> list[tuple[Element, Aspect]]:
    """The form's items in the order they are printed and numbered."""
    return list(ctx.form.items())


def pack_streets(project: Project, ctx: RoundContext) -> list[Street]:
    """The buurt's streets in walking order: street n on paper is element n-1 here."""
    return project.areas.streets(ctx.buurt.id)


def gather(project: Project, round_id: str, *, with_map: bool = True, lang: str = "nl") -> WalkPack:
    from schouw.services.rechecks import points

    ctx = load_round(project, round_id)
    items = pack_items(ctx)
    streets = pack_streets(project, ctx)
    open_by_street: dict[str, list[str]] = {}
    for r in points(project, ctx.round.id, open_only=True):
        where = " ".join(x for x in (r["number"], r["spot"]) if x)
        found = ctx.form.find(r["element"], r["aspect"])
        name = f"{found[0].name} — {found[1].name}" if found else r["item"]
        open_by_street.setdefault(r["street_id"], []).append(name + (f" ({where})" if where else ""))
    levels = [lv.value for lv in ctx.levels]
    pack_streets_ = []
    for s in streets:
        norms = []
        for element, aspect in items:
            norm = ctx.norm(element.id, aspect.id, s.id) if aspect.has_level else None
            norms.append(norm.value if norm is not None else None)
        pack_streets_.append(PackStreet(s.name, s.house_numbers or "", norms, open_by_street.get(s.id, [])))
    pack = WalkPack(title=ctx.round.title or "", buurt=ctx.buurt.name, date=ctx.round.date.isoformat(),
                    form=ctx.form.title, levels=levels,
                    items=[PackItem(f"{e.name} — {a.name}", a.has_level) for e, a in items], streets=pack_streets_)
    if with_map:
        pack.map = _route_map(project, ctx, lang)
    return pack


def _route_map(project: Project, ctx: RoundContext, lang: str):
    """The route map: the round's map scene drawn by the report's MapFlowable in route mode
    (the streets numbered in walking order, the same order as pack_streets); None when the
    buurt has no geometry to draw."""
    from reportlab.lib.units import cm

    from schouw.report.map_drawing import MapFlowable
    from schouw.services.mapscene import map_scene

    scene = map_scene(project, ctx.round.id)
    if scene.is_empty:
        return None
    return MapFlowable(scene, 18 * cm, 22 * cm, route=True, lang=lang)


def default_path(project: Project, round_id: str) -> Path:
    """``<project stem>-looproute-<round>.pdf`` beside the project file."""
    here = Path(project.path)
    return here.with_name(f"{here.stem}-looproute-{round_id[:8]}.pdf")


def build_walk_pack(project: Project, round_id: str, out: str | Path | None = None, *, lang: str = "nl") -> PackResult:
    """Print the walk pack of ``round_id`` to ``out`` (or the default path)."""
    from schouw.services.reports import output_path

    start = time.perf_counter()
    round_ = project.rounds.get(round_id)
    path = output_path(out) if out else default_path(project, round_.id)
    pack = gather(project, round_.id, lang=lang)
    pages = render(pack, path, lang=lang)
    return PackResult(path, pages, len(pack.streets), len(pack.items), time.perf_counter() - start)
