"""Map scenes for the map view's tests and benchmark, built to the MapScene contract
(schouw/domain/mapscene.py, engineer mapdata) from a project or from numbers."""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field


@dataclass
class SceneStreet:
    id: str
    name: str
    walked: bool
    lines: list


@dataclass
class SceneMarker:
    finding_id: str
    number: int
    x: float
    y: float
    street_id: str
    level: str | None
    below: bool | None
    outside_buurt: bool = False


@dataclass
class ScenePoint:
    n: int
    x: float
    y: float
    done: bool


@dataclass
class MapScene:
    round_id: str
    buurt: str
    boundary: list
    streets: list
    markers: list
    points: list = field(default_factory=list)
    unlocated: int = 0
    bbox: tuple = (0.0, 0.0, 0.0, 0.0)


def scene_of_project(project, round_id: str) -> MapScene:
    """The scene of a test project whose findings have lat/lon: markers where they are,
    a street line through each street's findings, a box around it all."""
    from schouw.geo import wgs84_to_rd

    rows = project.findings.list(round_id)
    done = project.rounds.done_streets(round_id)
    markers, unlocated, by_street = [], 0, {}
    for n, row in enumerate(rows, 1):
        if row["lat"] is None:
            unlocated += 1
            continue
        x, y = wgs84_to_rd(row["lat"], row["lon"])
        level = row["level"]
        markers.append(SceneMarker(row["id"], n, x, y, row["street_id"], level, level in ("C", "D")))
        by_street.setdefault(row["street_id"], []).append((x, y - 10))
    streets = [SceneStreet(sid, sid, sid in done, [sorted(pts)]) for sid, pts in by_street.items() if len(pts) > 1]
    xs = [m.x for m in markers] or [155000.0]
    ys = [m.y for m in markers] or [463000.0]
    box = (min(xs) - 60, min(ys) - 60, max(xs) + 60, max(ys) + 60)
    ring = [(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3]), (box[0], box[1])]
    return MapScene(round_id, "Vogelbuurt", [[ring]], streets, markers, [], unlocated, box)


def synthetic_scene(n_findings: int, n_streets: int, seed: int = 7, size: float = 3000.0) -> MapScene:
    """A buurt of ``size`` metres with a street grid and findings along the streets."""
    rng = random.Random(seed)
    x0, y0 = 155000.0, 463000.0
    streets = []
    for i in range(n_streets):
        sx, sy = x0 + rng.uniform(0, size), y0 + rng.uniform(0, size)
        angle = rng.uniform(0, math.pi)
        length = rng.uniform(60, 400)
        pts = [(sx + math.cos(angle) * length * t / 8 + rng.uniform(-3, 3),
                sy + math.sin(angle) * length * t / 8 + rng.uniform(-3, 3)) for t in range(9)]
        streets.append(SceneStreet(f"s{i}", f"Straat {i}", i % 3 == 0, [pts]))
    markers = []
    levels = ["A+", "A", "B", "C", "D", None]
    for n in range(n_findings):
        street = streets[n % n_streets]
        px, py = street.lines[0][rng.randrange(9)]
        level = rng.choice(levels)
        markers.append(SceneMarker(f"f{n}", n + 1, px + rng.uniform(-8, 8), py + rng.uniform(-8, 8), street.id,
                                   level, level in ("C", "D")))
    ring = [(x0 - 100, y0 - 100), (x0 + size + 100, y0 - 100), (x0 + size + 100, y0 + size + 100),
            (x0 - 100, y0 + size + 100), (x0 - 100, y0 - 100)]
    box = (x0 - 150, y0 - 150, x0 + size + 150, y0 + size + 150)
    return MapScene("r", "Bench", [[ring]], streets, markers, [], 0, box)
