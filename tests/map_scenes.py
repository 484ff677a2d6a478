"""Big map scenes for the map view's benchmark and level-of-detail tests, made from
numbers (the real read model, schouw.services.mapscene, needs a project)."""

from __future__ import annotations

import math
import random

from schouw.domain.levels import Level
from schouw.domain.mapscene import MapScene, SceneMarker, SceneStreet


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
    levels = [Level.A_PLUS, Level.A, Level.B, Level.C, Level.D, None]
    for n in range(n_findings):
        street = streets[n % n_streets]
        px, py = street.lines[0][rng.randrange(9)]
        level = rng.choice(levels)
        markers.append(SceneMarker(f"f{n}", n + 1, px + rng.uniform(-8, 8), py + rng.uniform(-8, 8), street.id,
                                   level, level in (Level.C, Level.D), False))
    ring = [(x0 - 100, y0 - 100), (x0 + size + 100, y0 - 100), (x0 + size + 100, y0 + size + 100),
            (x0 - 100, y0 + size + 100), (x0 - 100, y0 - 100)]
    box = (x0 - 150, y0 - 150, x0 + size + 150, y0 + size + 150)
    return MapScene("r", "Bench", [[ring]], streets, markers, [], 0, box)
