"""The tile grid of the Dutch national basemap in RD New (EPSG:28992).

PDOK serves the BRT-Achtergrondkaart as WMTS in the tile matrix set "EPSG:28992" of
the *Nederlandse richtlijn tiling*: 256 px tiles, the top-left corner at
(-285401.92, 903401.92), level 0 one tile of 3440.64 m/px covering the whole extent
(-285401.92, 22598.08) - (595401.92, 903401.92), each level halving the resolution down
to 0.21 m/px at level 14. Columns count eastwards from the left edge, rows southwards
from the top. Pure arithmetic: the cache and the map views ask here which tiles cover
an area and where a tile lies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

ORIGIN_X = -285401.92
ORIGIN_Y = 903401.92
EXTENT = (-285401.92, 22598.08, 595401.92, 903401.92)
TILE_PX = 256
RESOLUTION_0 = 3440.64
MAX_ZOOM = 14

#: The PDOK service (WMTS REST, layer "standaard"); {z}/{x}/{y} = level/column/row.
PDOK_URL = "https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:28992/{z}/{x}/{y}.png"
ATTRIBUTION = "BRT-Achtergrondkaart © Kadaster / PDOK, CC BY 4.0"

#: What one tile of the BRT-Achtergrondkaart weighs on average (PNG, town areas), for
#: the estimate shown before a download: measured tiles range from 2 KB (water, fields)
#: to 40 KB (a town centre at level 14).
AVERAGE_TILE_BYTES = 18_000


def resolution(zoom: int) -> float:
    """Metres per pixel at ``zoom``."""
    return RESOLUTION_0 / (2 ** zoom)


def tile_span(zoom: int) -> float:
    """Metres one tile covers (each way) at ``zoom``."""
    return TILE_PX * resolution(zoom)


def matrix_size(zoom: int) -> int:
    """Tiles per row (and per column) at ``zoom``."""
    return 2 ** zoom


@dataclass(frozen=True, order=True)
class Tile:
    z: int
    x: int  # column, from the west
    y: int  # row, from the north

    def bounds(self) -> tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax) in RD metres."""
        span = tile_span(self.z)
        xmin = ORIGIN_X + self.x * span
        ymax = ORIGIN_Y - self.y * span
        return xmin, ymax - span, xmin + span, ymax


def tile_at(x: float, y: float, zoom: int) -> Tile:
    """The tile holding RD point (x, y) at ``zoom``, clamped to the matrix."""
    span = tile_span(zoom)
    last = matrix_size(zoom) - 1
    col = min(max(math.floor((x - ORIGIN_X) / span), 0), last)
    row = min(max(math.floor((ORIGIN_Y - y) / span), 0), last)
    return Tile(zoom, col, row)


def tiles_for_bbox(bbox: tuple[float, float, float, float], zooms: Iterable[int]) -> Iterator[Tile]:
    """Every tile touching ``bbox`` (RD) at each zoom, row by row."""
    xmin, ymin, xmax, ymax = bbox
    for z in zooms:
        top_left = tile_at(xmin, ymax, z)
        bottom_right = tile_at(xmax, ymin, z)
        for row in range(top_left.y, bottom_right.y + 1):
            for col in range(top_left.x, bottom_right.x + 1):
                yield Tile(z, col, row)


def count_for_bbox(bbox: tuple[float, float, float, float], zooms: Iterable[int]) -> int:
    total = 0
    for z in zooms:
        a = tile_at(bbox[0], bbox[3], z)
        b = tile_at(bbox[2], bbox[1], z)
        total += (b.x - a.x + 1) * (b.y - a.y + 1)
    return total


def parse_zooms(text: str) -> list[int]:
    """"12-16" / "14" / "12,14" as a sorted list of levels; levels past
    :data:`MAX_ZOOM` are dropped (the RD matrix stops at 0.21 m/px), so the example
    "12-16" means 12, 13, 14. Raises ValueError for anything else."""
    levels: set[int] = set()
    for part in text.replace(" ", "").split(","):
        if not part:
            raise ValueError(text)
        if "-" in part:
            first, _, last = part.partition("-")
            low, high = int(first), int(last)
            if low > high:
                raise ValueError(text)
            levels.update(range(low, high + 1))
        else:
            levels.add(int(part))
    if not levels or min(levels) < 0 or min(levels) > MAX_ZOOM:
        raise ValueError(text)
    return sorted(z for z in levels if z <= MAX_ZOOM)


def format_zooms(zooms: list[int]) -> str:
    return str(zooms[0]) if len(zooms) == 1 else f"{zooms[0]}-{zooms[-1]}" \
        if zooms == list(range(zooms[0], zooms[-1] + 1)) else ",".join(map(str, zooms))


def tile_url(template: str, tile: Tile) -> str:
    return template.replace("{z}", str(tile.z)).replace("{x}", str(tile.x)).replace("{y}", str(tile.y))
