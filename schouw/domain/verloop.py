"""The *verloop* of a series of rounds: how each street and aspect moved over them.

A stratenaanpak follows a few streets over several rounds; a council wants to see which
streets got better and which got worse. A *series* is any rounds of the same form and
kind in the same buurt, ordered by date (the service picks them; see
:mod:`schouw.services.verloop`). This module turns their findings into lines — per
street, per aspect, and per street per aspect — with one cell per round.

What is compared, and why
    - A *knelpuntenschouw* records what is wrong where the team walked, so it is only
      ever **counted**: findings, and of those the ones below their norm. Fewer is
      better. The count that decides the movement is the below-norm count when the
      series is judged against a profile with norms on the form's CROW scale, else the
      number of findings (a sociale-veiligheid walk has no norms: fewer observations of
      problems is the signal). A knelpuntenschouw never gets a share.
    - A *meting* judged every aspect at random points, so it gets the **share** at or
      above the norm with its n, computed by the existing scoring
      (:func:`schouw.domain.scoring.score_round` via
      :func:`schouw.domain.measure.point_measurements`); a change counts as better or
      worse beyond :data:`schouw.domain.scoring.TREND_TOLERANCE`, and a comparison with
      fewer than :data:`schouw.domain.measure.MIN_N` judgements on either side is marked
      not conclusive rather than hidden.
    - A street not walked in a round is *niet gelopen* (``walked=False``), never 0: a
      street nobody looked at has no problems recorded, which is not the same as none.
      A knelpuntenschouw street is walked when it was marked walked or has findings; a
      meting street when one of its points was finished or judged.
    - The movement of a line compares the first round in which it was walked with the
      last; each cell also carries its step against the previous walked round.
    - Judging is only :func:`schouw.domain.norms.judge` (through the scoring for a
      meting), under the one profile the caller chose for the whole series, so a
      changed norm re-scores every round of the trend alike.

Order: lines that improved come first, then those that got worse (each by the size of
the change), then unchanged ones, then lines that cannot be compared (walked once or
never); within a group the given order (street walking order, form order) holds.

Pure Python: the store hands in plain rows; nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from schouw.domain.forms import Form
from schouw.domain.measure import MIN_N, Share, point_measurements
from schouw.domain.norms import area_type_of, judge
from schouw.domain.profile import Profile
from schouw.domain.scoring import Trend, score_round, trend

#: What decides a line's movement: below-norm counts, finding counts, or the share.
MEASURE_BELOW = "below_norm"
MEASURE_FINDINGS = "findings"
MEASURE_SHARE = "share"

KIND_METING = "meting"
KIND_KNELPUNTEN = "knelpunten"


@dataclass(frozen=True)
class SeriesRound:
    """One round of the series, as the report's cover and the table heads show it."""

    id: str
    date: date
    title: str
    kind: str
    form_key: str = ""


@dataclass(frozen=True)
class SeriesStreet:
    id: str
    name: str
    #: the street's own area type (None: its buurt's)
    area_type: str | None = None


@dataclass(frozen=True)
class Cell:
    """One line (street, aspect, street × aspect) in one round."""

    walked: bool
    findings: int = 0
    below_norm: int = 0
    #: a meting: the share at or above the norm with n (None for a knelpuntenschouw)
    share: Share | None = None
    #: against the previous round in which the line was walked (None: nothing to compare)
    step: Trend | None = None

    def value(self, measure: str) -> float | None:
        """The number the movement is judged on (None: not walked, or no share)."""
        if not self.walked:
            return None
        if measure == MEASURE_SHARE:
            return self.share.share if self.share is not None else None
        return float(self.below_norm if measure == MEASURE_BELOW else self.findings)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"walked": self.walked}
        if not self.walked:
            return out
        if self.share is not None:
            out.update(self.share.as_dict())
        else:
            out.update({"findings": self.findings, "below_norm": self.below_norm})
        out["step"] = self.step.value if self.step else None
        return out


@dataclass(frozen=True)
class Line:
    """A street, an aspect or an aspect on one street, over the rounds of the series."""

    key: str
    name: str
    cells: tuple[Cell, ...]
    #: first walked round against the last (None: walked in fewer than two rounds)
    move: Trend | None
    #: a meting: both ends have at least MIN_N judgements (always True for counts)
    conclusive: bool = True
    #: last value minus first (counts: negative is better; shares: positive is better)
    delta: float | None = None

    @property
    def walked_rounds(self) -> int:
        return sum(1 for c in self.cells if c.walked)

    def as_dict(self) -> dict[str, Any]:
        return {"key": self.key, "name": self.name, "move": self.move.value if self.move else None,
                "conclusive": self.conclusive, "delta": self.delta, "rounds": [c.as_dict() for c in self.cells]}


@dataclass(frozen=True)
class Verloop:
    """The lines of one series, each list in the order described in the module."""

    kind: str
    measure: str
    rounds: tuple[SeriesRound, ...]
    streets: tuple[Line, ...]
    aspects: tuple[Line, ...]
    #: street id -> the aspects recorded or judged on that street in any round
    street_aspects: dict[str, tuple[Line, ...]] = field(default_factory=dict)
    profile_name: str = ""

    def counts(self, move: Trend | None) -> int:
        """How many streets moved this way (None: could not be compared)."""
        return sum(1 for s in self.streets if s.move == move)


# -- the movement -------------------------------------------------------------------------
def _step(measure: str, current: Cell, previous: Cell | None) -> Trend | None:
    if previous is None:
        return None
    now, before = current.value(measure), previous.value(measure)
    if now is None or before is None:
        return None
    if measure == MEASURE_SHARE:
        return trend(now, before)
    # counts: fewer is better, and any difference is a difference
    return trend(-now, -before, tolerance=0.0)


def _line(key: str, name: str, cells: Sequence[Cell], measure: str) -> Line:
    """Cells with their steps, and the movement first walked → last walked."""
    stepped: list[Cell] = []
    previous: Cell | None = None
    for cell in cells:
        if cell.walked and cell.value(measure) is not None:
            stepped.append(_with_step(cell, _step(measure, cell, previous)))
            previous = cell
        else:
            stepped.append(cell)
    valued = [c for c in cells if c.walked and c.value(measure) is not None]
    move: Trend | None = None
    delta: float | None = None
    conclusive = True
    if len(valued) >= 2:
        first, last = valued[0], valued[-1]
        move = _step(measure, last, first)
        delta = (last.value(measure) or 0.0) - (first.value(measure) or 0.0)
        if measure == MEASURE_SHARE:
            conclusive = bool(first.share and last.share and first.share.n >= MIN_N and last.share.n >= MIN_N)
    return Line(key, name, tuple(stepped), move, conclusive, delta)


def _with_step(cell: Cell, step: Trend | None) -> Cell:
    return Cell(cell.walked, cell.findings, cell.below_norm, cell.share, step)


_GROUP = {Trend.BETTER: 0, Trend.WORSE: 1, Trend.SAME: 2, None: 3}


def ordered(lines: Iterable[Line]) -> list[Line]:
    """Improved first, then worse (each biggest change first), then unchanged, then
    not comparable; otherwise in the given order."""
    indexed = list(enumerate(lines))
    return [line for _, line in sorted(
        indexed, key=lambda pair: (_GROUP[pair[1].move], -abs(pair[1].delta or 0.0), pair[0]))]


# -- the series ---------------------------------------------------------------------------
def _get(item: Any, key: str, default: Any = None) -> Any:
    if type(item) is dict:  # store rows, the common case: skip the ABC check
        return item.get(key, default)
    if isinstance(item, Mapping):
        return item.get(key, default)
    return getattr(item, key, default)


def build_verloop(
    rounds: Sequence[SeriesRound],
    forms: Mapping[str, Form],
    profile: Profile | None,
    *,
    buurt_area_type: str,
    streets: Sequence[SeriesStreet],
    findings: Iterable[Any],
    walked: Mapping[str, Iterable[str]] | None = None,
) -> Verloop:
    """The verloop of ``rounds`` (one series: same buurt, form and kind), oldest first.

    ``forms`` maps each round's ``form_key`` to its form (the last round's form gives the
    aspect names and order); ``findings`` are the live findings of these rounds (store
    rows or domain findings with ``round_id``); ``walked`` maps a round id to the
    streets marked walked in it (a meting: streets with a finished point)."""
    rounds = sorted(rounds, key=lambda r: (r.date, r.id))
    if not rounds:
        raise ValueError("a series needs rounds")
    kind = KIND_METING if all(r.kind == KIND_METING for r in rounds) else KIND_KNELPUNTEN
    if kind == KIND_KNELPUNTEN and any(r.kind == KIND_METING for r in rounds):
        raise ValueError("a series does not mix metingen and knelpuntenschouwen")
    last_form = forms[rounds[-1].form_key]
    has_norms = profile is not None and any(a.has_level for _, a in last_form.items())
    measure = MEASURE_SHARE if kind == KIND_METING else (MEASURE_BELOW if has_norms else MEASURE_FINDINGS)

    by_round: dict[str, list[Any]] = {r.id: [] for r in rounds}
    for f in findings:
        rid = str(_get(f, "round_id"))
        if rid in by_round and not _get(f, "deleted_at"):
            by_round[rid].append(f)
    walked_sets = {r.id: set((walked or {}).get(r.id, ())) for r in rounds}

    street_names = {s.id: s.name for s in streets}
    street_types = {s.id: s.area_type for s in streets}
    aspect_names: dict[str, str] = {}
    for r in reversed(rounds):  # the newest form names an aspect; older ones add what it dropped
        for element, aspect in forms[r.form_key].items():
            key = f"{element.id}.{aspect.id}"
            aspect_names.setdefault(key, f"{element.name} — {aspect.name}")
    order = {k: i for i, k in enumerate(aspect_names)}

    # per round: street -> Cell, aspect -> Cell, (street, aspect) -> Cell
    street_cells: list[dict[str, Cell]] = []
    aspect_cells: list[dict[str, Cell]] = []
    pair_cells: list[dict[tuple[str, str], Cell]] = []
    for r in rounds:
        rows = by_round[r.id]
        form = forms[r.form_key]
        if kind == KIND_METING:
            s_cells, a_cells, p_cells, seen = _meting_round(rows, form, profile, buurt_area_type, street_types)
        else:
            s_cells, a_cells, p_cells, seen = _count_round(rows, form, profile, buurt_area_type, street_types)
        walked_here = walked_sets[r.id] | seen
        for sid in seen:
            street_names.setdefault(sid, "?")
        street_cells.append({sid: s_cells.get(sid, Cell(True, share=Share.of(0, 0) if kind == KIND_METING else None))
                             for sid in walked_here})
        any_walked = bool(walked_here)
        aspect_cells.append({k: a_cells.get(k, Cell(any_walked, share=Share.of(0, 0) if kind == KIND_METING else None))
                             for k in aspect_names} if any_walked else {})
        pair_cells.append(p_cells)
        for k in a_cells:
            aspect_names.setdefault(k, k)
            order.setdefault(k, len(order))

    not_walked = Cell(False)
    street_lines = [
        _line(sid, name, [cells.get(sid, not_walked) for cells in street_cells], measure)
        for sid, name in street_names.items()
        if any(sid in cells for cells in street_cells) or sid in street_types]
    aspect_lines = [
        _line(k, aspect_names[k], [cells.get(k, not_walked) for cells in aspect_cells], measure)
        for k in sorted(aspect_names, key=lambda k: order[k])]

    street_aspects: dict[str, tuple[Line, ...]] = {}
    by_street: dict[str, list[str]] = {}
    for sid, k in sorted({p for cells in pair_cells for p in cells}, key=lambda p: order.get(p[1], 0)):
        by_street.setdefault(sid, []).append(k)
    for sid in street_names:
        keys = by_street.get(sid, [])
        if not keys:
            continue
        lines = []
        for k in keys:
            cells = []
            for i, pcells in enumerate(pair_cells):
                if sid not in street_cells[i]:
                    cells.append(not_walked)
                else:
                    cells.append(pcells.get((sid, k), Cell(True, share=Share.of(0, 0) if kind == KIND_METING else None)))
            lines.append(_line(k, aspect_names.get(k, k), cells, measure))
        street_aspects[sid] = tuple(ordered(lines))
    return Verloop(kind, measure, tuple(rounds), tuple(ordered(street_lines)), tuple(ordered(aspect_lines)),
                   street_aspects, profile.name if profile is not None else "")


def _count_round(rows: Sequence[Any], form: Form, profile: Profile | None, buurt_area_type: str,
                 street_types: Mapping[str, str | None]):
    """Counts of one knelpuntenschouw: findings and below-norm findings per street,
    aspect and street × aspect, each finding judged by :func:`judge`. A round has only
    a few hundred distinct (item, level, area type) combinations among thousands of
    findings, so each is judged once (bench/verloop.py: 30,000 findings)."""
    streets: dict[str, list[int]] = {}
    aspects: dict[str, list[int]] = {}
    pairs: dict[tuple[str, str], list[int]] = {}
    verdicts: dict[tuple, bool] = {}
    areas: dict[str, str] = {}
    for f in rows:
        element, aspect = str(_get(f, "element")), str(_get(f, "aspect"))
        sid = str(_get(f, "street_id"))
        level = _get(f, "level")
        na = bool(_get(f, "not_applicable", False)) or (isinstance(level, str) and level.strip().lower() == "n.v.t.")
        area = areas.get(sid)
        if area is None:
            area = areas[sid] = area_type_of(street_types.get(sid), buurt_area_type)
        key = (element, aspect, level, na, area)
        below = verdicts.get(key)
        if below is None:
            found = form.find(element, aspect)
            below = verdicts[key] = judge(profile, element, aspect, level, na, area,
                                          has_level=bool(found and found[1].has_level)).below
        item = f"{element}.{aspect}"
        for tally in (streets.setdefault(sid, [0, 0]), aspects.setdefault(item, [0, 0]),
                      pairs.setdefault((sid, item), [0, 0])):
            tally[0] += 1
            tally[1] += below

    def cells(source: Mapping[Any, list[int]]) -> dict[Any, Cell]:
        return {k: Cell(True, v[0], v[1]) for k, v in source.items()}

    return cells(streets), cells(aspects), cells(pairs), set(streets)


def _meting_round(rows: Sequence[Any], form: Form, profile: Profile | None, buurt_area_type: str,
                  street_types: Mapping[str, str | None]):
    """Shares of one meting, through the existing scoring: the whole round for streets
    and aspects, and each street's own measurements for street × aspect."""
    measured = point_measurements(rows)
    score = score_round(measured, form, profile, area_type=buurt_area_type, street_area_types=street_types)
    streets = {sid: Cell(True, st.findings, st.tally.below, Share.of_tally(st.tally))
               for sid, st in score.streets.items()}
    aspects: dict[str, Cell] = {}
    for element in form.elements:
        es = score.elements.get(element.id)
        if es is None:
            continue
        for aspect in element.aspects:
            if aspect.has_level:
                tally = es.aspects[aspect.id].tally
                aspects[f"{element.id}.{aspect.id}"] = Cell(True, tally.judged, tally.below, Share.of_tally(tally))
    per_street: dict[str, list[Any]] = {}
    for m in measured:
        per_street.setdefault(str(_get(m, "street_id")), []).append(m)
    pairs: dict[tuple[str, str], Cell] = {}
    for sid, items in per_street.items():
        own = score_round(items, form, profile, area_type=buurt_area_type, street_area_types=street_types)
        for eid, es in own.elements.items():
            for aid, a_score in es.aspects.items():
                if a_score.tally.judged:
                    pairs[(sid, f"{eid}.{aid}")] = Cell(True, a_score.tally.judged, a_score.tally.below,
                                                        Share.of_tally(a_score.tally))
    return streets, aspects, pairs, set(per_street)
